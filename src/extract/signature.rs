//! The signature block (quyền hạn, chức vụ, họ tên; Nghị định 30/2020/NĐ-CP Phụ lục I II.7,
//! Hướng dẫn 36-HD/VPTW): authority lines opened by a signing form (T/M, K/T, T/L, TM., KT.,
//! TL., TUQ., Q. …) kept as written and joined, the position line as a phrase, the name.
//! "(Đã ký)", "[đã ký]" and seals are not names.

use std::sync::LazyLock;

use crate::record::Signer;
use crate::segment::{self, Segments};

/// The signer, when the document has a signature block.
pub(crate) fn signer(seg: &Segments<'_>) -> Option<Signer> {
    let range = seg.signature.clone();
    if range.is_empty() {
        return None;
    }
    let mut authority: Vec<&str> = Vec::new();
    let mut positions: Vec<&str> = Vec::new();
    let mut name = None;
    // A column layout interleaves "Nơi nhận" items (left) with the signature (right, dev/d054).
    // Signing lines above the "Nơi nhận" marker with the name beside the items below it
    // (dev/d052) stand in the left column: only the list's own lines are skipped.
    let columns = range.clone().any(|i| seg.lines[i].cell > 0);
    let list_from = if seg.distribution.is_empty() {
        0
    } else {
        seg.distribution.start
    };
    for i in range.clone() {
        if columns && i > range.start && i >= list_from && seg.lines[i].cell == 0 {
            continue;
        }
        let s = seg.line(i).trim();
        if s.starts_with(['-', '+', '•']) || segment::DISTRIBUTION_MARKER.is_match(s) {
            continue;
        }
        if segment::is_name_like(s) && (!authority.is_empty() || !positions.is_empty()) {
            name = Some(segment::strip_academic_title(s.trim_end_matches('.')).to_string());
            break;
        }
        let wraps = authority
            .last()
            .is_some_and(|a| a.ends_with([',', '-', '–']) || a.to_lowercase().ends_with(" và"));
        if (segment::signing_form(s).is_some() || wraps) && positions.is_empty() {
            // An authority line, or the rest of one wrapped after a comma (dev/d021).
            authority.push(s);
        } else if is_position(s) {
            positions.push(s);
        }
    }

    // "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘICHỦ TỊCH" (dev/d042, table debris): the position line
    // glued to the end of the authority line.
    let mut glued = None;
    if positions.is_empty() {
        if let Some(last) = authority.last_mut() {
            if let Some(at) = glued_position(last) {
                glued = Some(&last[at..]);
                *last = &last[..at];
            }
        }
    }
    positions.extend(glued);

    // "Q. GIÁM ĐỐC" with no position line under it: the acting head's post is the title.
    let acting = || {
        authority
            .last()
            .filter(|a| positions.is_empty() && segment::signing_form(a) == Some("Q."))
            .map(|a| position_phrase(a.trim_start_matches("Q.")))
    };
    // Position lines wrapped over two lines ("CỤC TRƯỞNG CỤC" / "CHUYỂN ĐỔI SỐ QUỐC GIA",
    // dev/d025) are one title.
    let joined = (!positions.is_empty()).then(|| position_phrase(&positions.join(" ")));
    let title = joined.or_else(acting);
    let authority = (!authority.is_empty()).then(|| {
        authority
            .iter()
            .map(|a| normalise_form(a))
            .collect::<Vec<_>>()
            .join(" ")
    });
    // A block without a name (dev/d055) still tells the post and the signing form.
    if name.is_none() && title.is_none() && authority.is_none() {
        return None;
    }
    Some(Signer {
        name,
        title,
        authority,
    })
}

fn is_position(s: &str) -> bool {
    !s.starts_with('(') && !s.starts_with('[') && s.len() <= 80
}

/// Where a position of the positions table, in capitals, is glued to the end of an authority
/// line in capitals with no space before it ("… QUỐC HỘICHỦ TỊCH" → at "CHỦ TỊCH"), the longest
/// such position.
fn glued_position(line: &str) -> Option<usize> {
    if !segment::is_upper(line) {
        return None;
    }
    static POSTS: LazyLock<Vec<String>> = LazyLock::new(|| {
        crate::dict::positions()
            .iter()
            .filter(|p| p.kind == "position")
            .map(|p| p.name.to_uppercase())
            .collect()
    });
    POSTS
        .iter()
        .filter_map(|upper| {
            let at = line.len().checked_sub(upper.len())?;
            let glued = line.is_char_boundary(at)
                && line[at..] == **upper
                && line[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
            glued.then_some(at)
        })
        .min()
}

/// "tm . ubnd thành phố" (dev/d054, a TCVN3 transcript) → "TM. ubnd thành phố", "kT/bộ trưởng"
/// (dev/d050) → "KT/bộ trưởng"; other lines as written.
fn normalise_form(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = s.to_lowercase();
    for form in ["tm .", "kt .", "tl .", "tuq ."] {
        if lower.starts_with(form) {
            return format!(
                "{}.{}",
                s[..form.len() - 2].to_uppercase(),
                &s[form.len()..]
            );
        }
    }
    for form in ["tm/", "kt/", "tl/", "tuq/"] {
        if lower.starts_with(form) && s.is_char_boundary(form.len()) {
            return format!("{}{}", s[..form.len()].to_uppercase(), &s[form.len()..]);
        }
    }
    s
}

/// A position line as a phrase: "TRƯỞNG BAN" → "Trưởng ban", "PHÓ THỦ TƯỚNG" → "Phó thủ tướng"
/// (values compare case-insensitively; the first letter is capitalised).
pub(crate) fn position_phrase(line: &str) -> String {
    let line = line.trim().trim_end_matches([':', ',', ';']);
    if !segment::is_upper(line) {
        let mut cs = line.chars();
        return match cs.next() {
            Some(c) => c.to_uppercase().chain(cs).collect(),
            None => String::new(),
        };
    }
    let lower = line.to_lowercase();
    let mut cs = lower.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn sign(text: &str) -> Option<(String, Option<String>, Option<String>)> {
        signer(&segment(text)).map(|s| (s.name.unwrap_or_default(), s.title, s.authority))
    }

    #[test]
    fn signature_blocks() {
        let intro = "ỦY BAN NHÂN DÂN\nTỈNH X\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/KH-UBND\nX, ngày 1 tháng 1 năm 2025\nKẾ HOẠCH\nThực hiện công tác.\n\n";
        for (tail, name, title, authority) in [
            // seeds/000: the head signs directly.
            ("Nơi nhận:\n- Như trên,\n- Lưu Văn phòng Tỉnh ủy.\n\nTRƯỞNG BAN\n\nHà Anh Dũng", "Hà Anh Dũng", Some("Trưởng ban"), None),
            // dev/d031: a wrapped bold authority line and a stacked chain.
            ("|\n**TM. ỦY BAN NHÂN\nDÂN**\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrương Việt Dũng\n|", "Trương Việt Dũng", Some("Phó chủ tịch"), Some("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH")),
            // dev/d002
            ("|\n**KT. THỦ TƯỚNG**\nPHÓ THỦ TƯỚNG\nLê Thành Long\n|", "Lê Thành Long", Some("Phó thủ tướng"), Some("KT. THỦ TƯỚNG")),
            // dev/d021: authority lines only, the second wrapped.
            ("**TL. CỤC TRƯỞNG**\nKT. TRƯỞNG BAN BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ\nNguyễn Thị Thanh Hằng\n|", "Nguyễn Thị Thanh Hằng", None, Some("TL. CỤC TRƯỞNG KT. TRƯỞNG BAN BAN CHÍNH SÁCH, THUẾ QUỐC TẾ")),
            // A party signature with "(Đã ký)" in place of the signature.
            ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n(Đã ký)\nNguyễn Thị Hồng Nhung", "Nguyễn Thị Hồng Nhung", Some("Phó bí thư"), Some("T/M BAN THƯỜNG VỤ")),
            // An acting head signs with "Q." and no position line.
            ("Q. GIÁM ĐỐC\n\nLý Văn Quang", "Lý Văn Quang", Some("Giám đốc"), Some("Q. GIÁM ĐỐC")),
            // dev/d025: the position wrapped over two lines.
            ("**TL. BỘ TRƯỞNG**\nCỤC TRƯỞNG CỤC\nCHUYỂN ĐỔI SỐ QUỐC GIA\n**Trần Duy Ninh**", "Trần Duy Ninh", Some("Cục trưởng cục chuyển đổi số quốc gia"), Some("TL. BỘ TRƯỞNG")),
        ] {
            let got = sign(&format!("{intro}{tail}"));
            assert_eq!(
                got,
                Some((name.to_string(), title.map(str::to_string), authority.map(str::to_string))),
                "{tail}"
            );
        }
        assert_eq!(sign("Chỉ có một đoạn văn.\n(Đã ký)\n"), None);
        // dev/d050: the signature lines among the "Nơi nhận" items, no tabs, the form in
        // mixed case and run into its body with a slash.
        let text = format!("{intro}Điều 3. Thi hành.\n\nNơi nhận:\nkT/chủ tịch ủy ban nhân dân\n\n- Sở Tài chính;\nPhó Chủ tịch\n\n- Sở Nội vụ;\n\n- Các phòng, ban,\n  các đơn vị trực thuộc;\n\n- Văn phòng UBND;\n    Nguyễn Văn Bình\n\n- Lưu VT, TH.\n");
        let seg = segment(&text);
        assert_eq!(
            signer(&seg).map(|s| (s.name, s.title, s.authority)),
            Some((
                Some("Nguyễn Văn Bình".into()),
                Some("Phó Chủ tịch".into()),
                Some("KT/chủ tịch ủy ban nhân dân".into())
            ))
        );
        assert_eq!(
            crate::extract::recipients::distribution(&seg),
            [
                "Sở Tài chính",
                "Sở Nội vụ",
                "Các phòng, ban, các đơn vị trực thuộc",
                "Văn phòng UBND",
                "Lưu VT, TH"
            ]
        );
        // dev/d042: no "Nơi nhận" label, the items on one line, the signature in the next
        // cell of the row with its position glued to the authority line.
        let text = format!("{intro}Điều 2. Thi hành.\n\n- Chính phủ; - Bộ Nội vụ; - Lưu: VT, TH. | TM. ỦY BAN NHÂN DÂNCHỦ TỊCH\n|\n");
        let seg = segment(&text);
        assert_eq!(
            signer(&seg).map(|s| (s.name, s.title, s.authority)),
            Some((
                None,
                Some("Chủ tịch".into()),
                Some("TM. ỦY BAN NHÂN DÂN".into())
            ))
        );
        assert_eq!(
            crate::extract::recipients::distribution(&seg),
            ["Chính phủ", "Bộ Nội vụ", "Lưu: VT, TH"]
        );
        // dev/d052, a legacy two-column layout in lower case: the signing lines above "Nơi
        // nhận", the name set far right beside a wrapped item of the list.
        let text = format!("{intro}Trong quá trình thực hiện, đề nghị phản ánh về Sở để giải quyết./.\n\n                                            kt/giám đốc sở tài chính\n                                                  phó giám đốc\nNơi nhận:\n- Ủy ban nhân dân tỉnh\n- Các phòng, ban,\n  đơn vị thuộc Sở                                                Lê Văn Nam\n- Các Chi cục Thuế\n- Lưu: VP (HC,TH)\n        TCT (NV2)\n");
        let seg = segment(&text);
        assert_eq!(
            signer(&seg).map(|s| (s.name, s.title, s.authority)),
            Some((
                Some("Lê Văn Nam".into()),
                Some("Phó giám đốc".into()),
                Some("KT/giám đốc sở tài chính".into())
            ))
        );
        assert_eq!(
            crate::extract::recipients::distribution(&seg),
            [
                "Ủy ban nhân dân tỉnh",
                "Các phòng, ban, đơn vị thuộc Sở",
                "Các Chi cục Thuế",
                "Lưu: VP (HC,TH) TCT (NV2)"
            ]
        );
        // A position after a space is no glued one.
        assert_eq!(glued_position("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"), None);
        // dev/d055: the post alone above "Nơi nhận" (the name was not transcribed).
        let s = signer(&segment(&format!(
            "{intro}Điều 2. Thi hành.\n\nTRƯỞNG BAN\n\nNơi nhận :\nNhư điều 2\n- Lưu VT."
        )));
        assert_eq!(
            s.map(|s| (s.name, s.title, s.authority)),
            Some((None, Some("Trưởng ban".into()), None))
        );
    }
}
