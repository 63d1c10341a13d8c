//! The "Kính gửi" list (recipients) and the "Nơi nhận" list (distribution): one body per item,
//! list markers and trailing ",;." removed, wrapped items joined.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::segment::{self, Segments};

/// The "Kính gửi" list.
pub(crate) fn recipients(seg: &Segments<'_>) -> Vec<String> {
    list_items(seg, seg.recipients.clone(), true)
}

/// The "Nơi nhận" list.
pub(crate) fn distribution(seg: &Segments<'_>) -> Vec<String> {
    list_items(seg, seg.distribution.clone(), false)
}

fn list_items(seg: &Segments<'_>, range: Range<usize>, recipients: bool) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let Some(first) = range.clone().next() else {
        return items;
    };
    let marker = if recipients {
        &*segment::RECIPIENTS_MARKER
    } else {
        &*segment::DISTRIBUTION_MARKER
    };
    let columns = seg.lines[first].cell > 0
        || seg.lines.get(first + 1).is_some_and(|l| l.cell > 0)
        || (!recipients && seg.signature_in_list);
    let head = seg.line(first);
    let is_marked = |s: &str| s.starts_with(['-', '+', '•', '–', '·']);
    let inline = match marker.find(head) {
        Some(m) => &head[m.end()..],
        // A list without its label ("- Chính phủ; - Ban Tổ chức Trung ương; …", dev/d042).
        None if is_marked(head) => head,
        // "THỦ TƯỚNG CHÍNH PHỦ điện:" (công điện, dev/d039): the list follows.
        None => "",
    };
    // Raw items first (a wrapped item is joined before its punctuation is cleaned).
    let mut raw: Vec<String> = Vec::new();
    if !clean_item(inline).is_empty() {
        raw.push(inline.trim().to_string());
    }
    let marked_list = (first + 1..range.end).any(|i| is_marked(seg.line(i)));
    for i in first + 1..range.end {
        let line = &seg.lines[i];
        if columns && line.cell > 0 {
            continue;
        }
        let s: &str = line.text.trim();
        let ended = raw
            .last()
            .is_none_or(|r| r.trim_end_matches('*').ends_with(['.', ';']));
        // In a list marked only in part, an unmarked line in capitals after an unmarked item
        // is an item of its own ("Như điều 2" / "Sở TC, KBNN (b/c)." / "- Lưu VT", dev/d055).
        let last_marked = raw.last().is_some_and(|r| is_marked(r.trim_start()));
        // "… phường Xuân Hòa, TP." / "Hồ Chí Minh);" (dev/d030): the place's name runs on.
        let place_runs_on = !is_marked(s)
            && !line.gap_before
            && raw
                .last()
                .is_some_and(|r| segment::ends_with_place_abbreviation(r));
        let wrapped = place_runs_on
            || if marked_list {
                !is_marked(s)
                    && (!ended || !line.gap_before)
                    && (last_marked || !s.starts_with(char::is_uppercase))
            } else {
                !ended && s.starts_with(char::is_lowercase)
            };
        match raw.last_mut() {
            Some(last) if wrapped => {
                last.push(' ');
                last.push_str(s);
            }
            _ => raw.push(s.to_string()),
        }
    }
    // Items run together on one line: "- Chính phủ; - Ban Tổ chức Trung ương; - Lưu: HC."
    items.extend(
        raw.iter()
            .flat_map(|r| run_together(r))
            .map(clean_item)
            .filter(|r| !r.is_empty()),
    );
    items
}

/// The items of `raw` split at "; - " (most items hold no ";": one look for it).
fn run_together(raw: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(raw);
    std::iter::from_fn(move || {
        let r = rest?;
        let mut from = 0;
        while let Some(i) = r[from..].find(';').map(|i| from + i) {
            if r[i..].starts_with("; - ") {
                rest = Some(&r[i + 4..]);
                return Some(&r[..i]);
            }
            from = i + 1;
        }
        rest = None;
        Some(r)
    })
}

/// Removes list markers ("-", "+", "*", "•"), markup and trailing ",;." from one item.
fn clean_item(raw: &str) -> String {
    static COPY_TO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?i:đồng\s+kính\s+gửi)\s*:?\s*").expect("copy-to regex"));
    static COPIES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s\(\d+\)").expect("copies regex"));
    static DRAFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\(\d+\))\s*\.\s*\p{Lu}{1,6}\.?$").expect("drafter regex"));
    static DRAFTER_DOT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^((?i:lưu)\b.*?)\.\s*[^\s()]{1,8}\s*(?:\(\d+\))?\.?$").expect("drafter regex")
    });
    // "- Lưu: VT, KGVX (3). ĐND", "Lưu: VT, KGVX (3) Q" (dev/d002, d023): the drafter's
    // initials after the number of copies; "Lưu: VT, QLDN3. H(4)" (dev/d022).
    let raw = raw.trim();
    let raw = if raw
        .trim_start_matches(['-', '+', ' '])
        .to_lowercase()
        .starts_with("lưu")
    {
        match COPIES.find(raw) {
            Some(m) => std::borrow::Cow::Borrowed(&raw[..m.end()]),
            None => DRAFTER_DOT.replace(raw.trim_start_matches(['-', '+', ' ']), "$1"),
        }
    } else {
        DRAFTER.replace(raw, "$1")
    };
    let s = raw.trim().trim_start_matches(|c: char| {
        matches!(c, '-' | '+' | '*' | '•' | '–' | '·' | ':') || c.is_whitespace()
    });
    // "Đồng kính gửi: Thủ tướng Chính phủ" (dev/d027): a copy to, still a recipient.
    let s = match COPY_TO.find(s) {
        Some(m) => &s[m.end()..],
        None => s,
    };
    let s =
        s.trim_end_matches(|c: char| matches!(c, ',' | ';' | '.' | '*' | '/') || c.is_whitespace());
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    // seeds/000, the recipient and distribution lists as printed.
    const SEED_000_TAIL: &str = "TỈNH ỦY BÌNH PHƯỚC\nBAN TUYÊN GIÁO\n\nĐẢNG CỘNG SẢN VIỆT NAM\nBình Phước, ngày tháng 9 năm 2021\n\n*\n\nSố -CV/BTGTU\n\nVề việc tổ chức hội nghị\n\n- Kính gửi:*\n- Ủy ban MTTQ và các đoàn thể CT-XH tỉnh,\n - Sở Thông tin và Truyền thông,\n - Trung tâm chính trị cấp huyện.\n\nThực hiện chương trình công tác tuyên giáo năm 2021, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị.\n\nNơi nhận:\n\n- Như trên,\n- Ban Tuyên giáo Tỉnh ủy,\n- Lưu Văn phòng Tỉnh ủy.\n\nTRƯỞNG BAN\n\nHà Anh Dũng";

    #[test]
    fn seed_lists() {
        let seg = segment(SEED_000_TAIL);
        assert_eq!(
            recipients(&seg),
            vec![
                "Ủy ban MTTQ và các đoàn thể CT-XH tỉnh",
                "Sở Thông tin và Truyền thông",
                "Trung tâm chính trị cấp huyện"
            ]
        );
        assert_eq!(
            distribution(&seg),
            vec![
                "Như trên",
                "Ban Tuyên giáo Tỉnh ủy",
                "Lưu Văn phòng Tỉnh ủy"
            ]
        );
    }

    #[test]
    fn inline_recipient_and_wrapped_distribution_item() {
        // dev/d021 ("**Kính gửi:** Ban …") and dev/d002 (an item wrapped onto the next line).
        let text = "**Kính gửi:** Ban Tuyên giáo và Dân vận Trung ương\n\nCục Thuế nhận được công văn.\n|\nNơi nhận:\n- Như trên;\n- VPCP: BTCN, các Vụ: PL,\nTCCV, KTTH;\n- Lưu: VT, KGVX (3). ĐND\n|\n**KT. THỦ TƯỚNG**\nPHÓ THỦ TƯỚNG\nLê Thành Long\n|";
        let seg = segment(text);
        assert_eq!(
            recipients(&seg),
            vec!["Ban Tuyên giáo và Dân vận Trung ương"]
        );
        assert_eq!(
            distribution(&seg),
            vec![
                "Như trên",
                "VPCP: BTCN, các Vụ: PL, TCCV, KTTH",
                "Lưu: VT, KGVX (3)"
            ]
        );
    }

    #[test]
    fn unmarked_items_of_a_list_marked_in_part() {
        // dev/d055: two unmarked items before the one marked item.
        let text = "Ban Quản lý thông báo.\n\nNơi nhận : \nNhư điều 2 \nSở TC, KBNN ( b/c).\n-  Lưu VT , Tài chính ,VP. \n\nTRƯỞNG BAN\n";
        let seg = segment(text);
        assert_eq!(
            distribution(&seg),
            vec!["Như điều 2", "Sở TC, KBNN ( b/c)", "Lưu VT , Tài chính ,VP"]
        );
    }

    #[test]
    fn unlabelled_list_closing_the_document() {
        // dev/d043: no label and no signature; the items run on one line at the very end.
        let text = "CHÍNH PHỦ\nSố: 5/2025/NĐ-CP\nHà Nội, ngày 1 tháng 2 năm 2025\nNGHỊ ĐỊNH\nVề hỗ trợ.\n\nĐiều 9. Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này.\n\n|\n- Ban Bí thư Trung ương Đảng; - Các bộ, cơ quan ngang bộ; - Kiểm toán nhà nước; - VPCP: BTCN, các PCN,\n- Lưu: VT, KTTH (2). |\n|\n";
        let seg = segment(text);
        assert_eq!(
            distribution(&seg),
            vec![
                "Ban Bí thư Trung ương Đảng",
                "Các bộ, cơ quan ngang bộ",
                "Kiểm toán nhà nước",
                "VPCP: BTCN, các PCN",
                "Lưu: VT, KTTH (2)"
            ]
        );
        assert!(seg.body.contains(&seg.distribution.start.saturating_sub(1)));
        // Items run together in a paragraph that is followed by running text are no list.
        let text = "Điều 9. Thi hành.\n- Bộ Tài chính; - Bộ Công Thương; - Bộ Xây dựng.\nCác bộ phối hợp thực hiện.\n";
        assert!(distribution(&segment(text)).is_empty());
    }

    #[test]
    fn place_name_run_onto_the_next_line() {
        // dev/d030: the first item under a bare "-" ends its line with "TP.", the city's name
        // on the next line.
        let text = "Cục trưởng thông báo để Công ty biết và thực hiện./.\nNơi nhận:\n-\nCông ty TNHH An Phú (12 Lê Lợi, phường Bến Nghé, TP.\nHồ Chí Minh);\n- Sở Công Thương;\n- Lưu: VT, NV (2b).\n**KT. CỤC TRƯỞNG**\nPHÓ CỤC TRƯỞNG\nTrần Văn An\n";
        let seg = segment(text);
        assert_eq!(
            distribution(&seg),
            vec![
                "Công ty TNHH An Phú (12 Lê Lợi, phường Bến Nghé, TP. Hồ Chí Minh)",
                "Sở Công Thương",
                "Lưu: VT, NV (2b)"
            ]
        );
        assert!(segment::ends_item("- Lưu: VT."));
        assert!(!segment::ends_item("phường 3, Q."));
        assert!(!segment::ends_item("(số 5 Trần Phú, Tp."));
    }

    #[test]
    fn clean_items() {
        for (raw, want) in [
            (" - Sở Y tế,", "Sở Y tế"),
            ("- Lưu: VT, TCCB.", "Lưu: VT, TCCB"),
            ("+ Như trên;", "Như trên"),
            ("-", ""),
            ("- Lưu: VT, QLDN3. H(4)", "Lưu: VT, QLDN3"),
            ("- Lưu: VT, KGVX (3) Q", "Lưu: VT, KGVX (3)"),
            ("- Lưu Văn phòng Tỉnh ủy.", "Lưu Văn phòng Tỉnh ủy"),
            ("- Lưu: VT, CST (P.CST3).", "Lưu: VT, CST (P.CST3)"),
        ] {
            assert_eq!(clean_item(raw), want);
        }
    }
}
