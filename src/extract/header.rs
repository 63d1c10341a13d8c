//! The header block: number ("Số …"), place and date, issuer (name, parent, full) and the
//! document type (from the title line, a self-citation, or the number's type code).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use crate::dict;
use crate::extract::{date, number};
use crate::record::{Issuer, NumberParts, PartialDate, System};
use crate::segment::{self, Segments};

/// What the header gives.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub number: Option<String>,
    pub number_parts: Option<NumberParts>,
    pub date: Option<PartialDate>,
    pub place: Option<String>,
    pub issuer: Option<Issuer>,
    pub doc_type: Option<String>,
}

/// "Bình Phước, ngày tháng 9 năm 2021", "Hà Nội, ngày 05/3/2020", "TP.Cần Thơ, ngày 01 tháng 7
/// năm 2004" (research §1.3, §6 cases 1 and 1b).
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>[^,;:0-9]{2,60}?)\s*,\s*(?i:ngày)\s*(?P<d>\d{1,2})?[\s.…_]*(?:(?i:tháng)|[/.-])\s*(?P<m>\d{1,2})?[\s.…_]*(?:(?i:năm)|[/.-])\s*(?P<y>\d{4})")
        .expect("place-date regex")
});

/// Reads the header segment.
pub(crate) fn header(seg: &Segments<'_>, warnings: &mut Vec<String>) -> Header {
    let mut h = Header::default();
    if let Some((line, value)) = seg.number_line {
        let text = match value {
            Some(v) => seg.line(v).to_string(),
            None => segment::NUMBER_LINE
                .captures(seg.line(line))
                .and_then(|c| c.name("rest"))
                .map_or_else(String::new, |m| m.as_str().to_string()),
        };
        let text = text.trim().trim_end_matches(['.', ',', ';']);
        match number::parse_number(text) {
            Some(m) => {
                h.number = Some(m.number);
                h.number_parts = Some(m.parts);
            }
            None => warnings.push(format!("number: could not read {text:?}")),
        }
    }
    if let Some(range) = seg.place_date.clone().or_else(|| loose_place_date(seg)) {
        let line = join_lines(seg, range);
        let (place, date) = place_date(&line);
        h.place = place;
        h.date = date;
        if h.date.is_none() {
            warnings.push(format!("date: could not read the place-date line {line:?}"));
        }
    }
    h.issuer = issuer(seg);
    if let Some(form) = segment::title_form(seg) {
        // "Quyết định của Bộ trưởng Bộ Tài chính số 1141-TC/QĐ/CĐKT ngày 01 tháng 11 năm 1995".
        if h.number.is_none() {
            match number::parse_number(&form.number) {
                Some(m) => {
                    h.number = Some(m.number);
                    h.number_parts = Some(m.parts);
                }
                None => warnings.push(format!("number: could not read {:?}", form.number)),
            }
        }
        if h.date.is_none() {
            if let Some(d) = form.date.as_deref() {
                h.date = date::find_dates(d).first().map(|m| m.date);
            }
        }
        if h.issuer.is_none() {
            h.issuer = Some(plain_issuer(&form.issuer));
        }
    }
    if h.issuer.is_none() {
        // The promulgating authority under the title when the header has no issuer lines
        // ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", dev/d042; "Bộ trưởng Bộ Tài chính", dev/d049).
        h.issuer = seg.promulgator.map(|i| plain_issuer(seg.line(i)));
    }
    h.doc_type = doc_type(seg, h.number_parts.as_ref(), warnings);
    h
}

/// A place-date line the header block left out, between the header and the title: "Hà Nội,
/// ngày" / "tháng" / "năm 2015" under a "(Dự thảo)" mark (dev/d057), its blanks cut into
/// lines. The lines up to the one with the year.
fn loose_place_date(seg: &Segments<'_>) -> Option<std::ops::Range<usize>> {
    if seg.header.is_empty() {
        return None;
    }
    let from = seg.header.end;
    let to = seg.title.unwrap_or(from + 4).min(from + 6);
    let start = (from..to).find(|&i| segment::PLACE_DATE_START.is_match(seg.line(i)))?;
    let has_year = |i: usize| {
        let l = seg.line(i);
        l.len() < 160
            && l.as_bytes()
                .windows(4)
                .any(|w| w.iter().all(u8::is_ascii_digit))
    };
    let end = (start..(start + 3).min(to)).find(|&i| has_year(i))?;
    Some(start..end + 1)
}

fn plain_issuer(line: &str) -> Issuer {
    let name = sentence_case(&expand(line.trim()));
    Issuer {
        full: Some(name.clone()),
        name,
        parent: None,
    }
}

fn join_lines(seg: &Segments<'_>, range: std::ops::Range<usize>) -> String {
    let mut out = String::new();
    for i in range {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(seg.line(i));
    }
    out
}

/// The place and date of a place-date line. Uses the shared date parser, then this module's
/// own pattern for the forms it does not read.
pub(crate) fn place_date(line: &str) -> (Option<String>, Option<PartialDate>) {
    if let Some((place, Some(date))) = date::parse_place_date(line) {
        return (
            place.map(|p| clean_place(&p)).filter(|p| !p.is_empty()),
            Some(date),
        );
    }
    let Some(c) = PLACE_DATE.captures(line) else {
        let place = segment::PLACE_DATE_START
            .captures(line)
            .and_then(|c| c.name("place"))
            .map(|m| clean_place(m.as_str()))
            .filter(|p| !p.is_empty());
        return (place, None);
    };
    let place = c
        .name("place")
        .map(|m| clean_place(m.as_str()))
        .filter(|p| !p.is_empty());
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u16>().ok());
    let date = match (num("y"), num("m"), num("d")) {
        (Some(y), Some(m), Some(d)) => PartialDate::ymd(y, m as u8, d as u8),
        (Some(y), Some(m), None) => PartialDate::ym(y, m as u8),
        (Some(y), None, _) => Some(PartialDate::y(y)),
        _ => None,
    };
    (place, date)
}

fn clean_place(p: &str) -> String {
    let p = p
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '(' | ')' | '"'));
    p.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Issuer

/// The issuer from the header's left column: wrapped lines joined into bodies; the last body
/// is the issuer, the one above it its parent.
pub(crate) fn issuer(seg: &Segments<'_>) -> Option<Issuer> {
    let mut bodies: Vec<String> = Vec::new();
    for &i in &seg.issuer_lines {
        let line = seg
            .line(i)
            .trim_matches(|c: char| c == '*' || c.is_whitespace());
        if line.is_empty() || dict::is_motto(line) {
            continue;
        }
        match bodies.last_mut() {
            Some(last) if !dict::starts_with_issuer_head(line) => {
                last.push(' ');
                last.push_str(line);
            }
            _ => bodies.push(line.to_string()),
        }
    }
    let name_raw = bodies.pop()?;
    let name = sentence_case(&expand(&name_raw));
    // Công báo copies repeat the issuer line (dev/d059): a body is not its own parent.
    let parent = bodies
        .pop()
        .map(|p| sentence_case(&expand(&p)))
        .filter(|p| p.to_lowercase() != name.to_lowercase());
    let full = Some(full_name(&name, parent.as_deref()));
    Some(Issuer { name, parent, full })
}

/// Writes out abbreviations in a header line: "UBND TỈNH LÂM ĐỒNG" → "Ủy ban nhân dân TỈNH LÂM
/// ĐỒNG", "TP. HÀ NỘI" → "thành phố HÀ NỘI".
fn expand(line: &str) -> String {
    let upper = segment::is_upper(line);
    let mut out = String::with_capacity(line.len() + 16);
    let mut last = 0;
    for (a, range) in dict::find_abbreviations(line) {
        // Only names of bodies and level words ("TP"); "TƯ"-like words are not in the table.
        if a.kind == "word" || a.abbr.chars().count() < 2 {
            continue;
        }
        out.push_str(&line[last..range.start]);
        if upper {
            out.push_str(&a.full.to_uppercase());
        } else {
            out.push_str(a.full);
        }
        last = range.end;
    }
    out.push_str(&line[last..]);
    out
}

/// Level words after which a place name follows.
/// Party committees, lower case: a name after one is capitalised, and a body under one is
/// named with it in running text ("Ban Tuyên giáo Tỉnh ủy Bình Phước").
const PARTY_COMMITTEES: [&str; 6] = [
    "tỉnh ủy",
    "thành ủy",
    "huyện ủy",
    "quận ủy",
    "thị ủy",
    "đảng ủy",
];

const LEVEL_WORDS: [&str; 8] = [
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
];

static KNOWN_NAMES: LazyLock<(AhoCorasick, Vec<&'static str>)> = LazyLock::new(|| {
    let mut names: Vec<&'static str> = dict::abbreviations()
        .iter()
        .filter(|a| a.kind == "body")
        .map(|a| a.full)
        .collect();
    names.extend(dict::provinces().iter().map(|p| p.name));
    names.extend([
        "Ban Chấp hành Trung ương",
        "Trung ương",
        "Chính phủ",
        "Quốc hội",
        "Đảng",
    ]);
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&lower)
        .expect("known names automaton");
    (ac, names)
});

/// Re-cases a header line as running text writes it (Nghị định 30/2020/NĐ-CP Phụ lục II):
/// "BAN TUYÊN GIÁO" → "Ban Tuyên giáo", "TỈNH ỦY BÌNH PHƯỚC" → "Tỉnh ủy Bình Phước",
/// "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH" → "Ủy ban nhân dân tỉnh Bình Định".
pub(crate) fn sentence_case(line: &str) -> String {
    let line = line.trim();
    if !segment::is_upper(line) {
        // Already in running-text case (or a lower-case TCVN3 header): fix the first letter
        // and known names only.
        return apply_known_names(&capitalize_first(line), line);
    }
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower.split(' ').collect();
    let mut cap = vec![false; words.len()];
    if !cap.is_empty() {
        cap[0] = true;
    }
    // After a level word, a party committee or a head word, capitalise the following name.
    let mut k = 0;
    while k < words.len() {
        let rest = words[k..].join(" ");
        let level = LEVEL_WORDS
            .iter()
            .chain(PARTY_COMMITTEES.iter())
            .chain(["đảng bộ"].iter())
            .filter(|w| rest.starts_with(*w) && rest[w.len()..].starts_with(' '))
            .map(|w| w.split(' ').count())
            .max();
        if let Some(len) = level {
            for c in cap.iter_mut().skip(k + len) {
                *c = true;
            }
            break;
        }
        let head = [
            "bộ",
            "sở",
            "cục",
            "ban",
            "vụ",
            "viện",
            "trung tâm",
            "văn phòng",
            "chi cục",
            "tổng cục",
            "ủy ban",
            "hội đồng",
        ]
        .iter()
        .filter(|w| rest.starts_with(*w) && rest[w.len()..].starts_with(' '))
        .map(|w| w.split(' ').count())
        .max();
        if let Some(len) = head {
            if k + len < words.len() && !["nhân", "và", "của"].contains(&words[k + len]) {
                cap[k + len] = true;
            }
            k += len;
            continue;
        }
        k += 1;
    }
    let mut out = String::with_capacity(line.len());
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        if cap[k] {
            out.push_str(&capitalize_first(w));
        } else {
            out.push_str(w);
        }
    }
    apply_known_names(&out, line)
}

fn capitalize_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Replaces known names (bodies, provinces) with their dictionary casing.
fn apply_known_names(text: &str, _original: &str) -> String {
    let (ac, names) = &*KNOWN_NAMES;
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in ac.find_iter(&lower) {
        if !dict::at_word_bounds(&lower, m.start(), m.end()) {
            continue;
        }
        let name = names[m.pattern().as_usize()];
        if name.len() != m.end() - m.start() {
            continue;
        }
        out.push_str(&text[last..m.start()]);
        if m.start() == 0 {
            out.push_str(&capitalize_first(name));
        } else {
            out.push_str(name);
        }
        last = m.end();
    }
    out.push_str(&text[last..]);
    out
}

/// How running text names the issuer: "Ban Tuyên giáo" under "Tỉnh ủy Bình Phước" → "Ban
/// Tuyên giáo Tỉnh ủy Bình Phước"; "Trung tâm …" under "Ủy ban nhân dân thành phố Hà Nội" →
/// "Trung tâm … thành phố Hà Nội"; a body that names its own place, or one under a ministry,
/// stands alone ("Huyện ủy Bù Đăng", "Cục Thuế").
fn full_name(name: &str, parent: Option<&str>) -> String {
    let Some(parent) = parent else {
        return name.to_string();
    };
    let name_l = name.to_lowercase();
    let parent_l = parent.to_lowercase();
    if names_a_place(&name_l) {
        return name.to_string();
    }
    if parent_l == "ban chấp hành trung ương" {
        let candidate = format!("{name} Trung ương");
        let c_l = candidate.to_lowercase();
        // "Văn phòng Trung ương" is officially "Văn phòng Trung ương Đảng".
        return dict::abbreviations()
            .iter()
            .find(|a| a.kind == "body" && a.full.to_lowercase().starts_with(&c_l))
            .map_or(candidate, |a| a.full.to_string());
    }
    for committee in PARTY_COMMITTEES {
        if parent_l.starts_with(committee) {
            return format!("{name} {parent}");
        }
    }
    for council in ["ủy ban nhân dân ", "hội đồng nhân dân "] {
        if parent_l.starts_with(council) && (name_l == "văn phòng" || name_l == "thanh tra") {
            // The council's own office: "Văn phòng Ủy ban nhân dân tỉnh Bình Phước".
            return format!("{name} {parent}");
        }
        if parent_l.starts_with(council) {
            return format!("{name} {}", &parent[council.len()..]);
        }
    }
    name.to_string()
}

fn names_a_place(lower: &str) -> bool {
    let province = dict::provinces().iter().any(|p| {
        std::iter::once(&p.name)
            .chain(&p.variants)
            .any(|n| lower.contains(&n.to_lowercase()))
    });
    province
        || LEVEL_WORDS
            .iter()
            .chain(["tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy"].iter())
            .any(|w| {
                lower.match_indices(w).any(|(i, _)| {
                    dict::at_word_bounds(lower, i, i + w.len())
                        && lower[i + w.len()..].starts_with(' ')
                })
            })
}

// ---------------------------------------------------------------------------------------------
// Document type

/// "Quyết định này …", "(Công văn này thay cho giấy mời)": the document names its own type.
static SELF_CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<t>\p{L}+(?: \p{L}+){0,3}) này\b").expect("self citation regex")
});

/// The document's own type: the title line; else "Công văn" for a "V/v" subject or a
/// "Kính gửi" block without a title; else the number's type code when it names one type; else
/// a self-citation in the body ("Quyết định này có hiệu lực …"); else "Công văn" for a state
/// công văn number. The party code QĐ (Quyết định or Quy định) alone gives no type.
fn doc_type(
    seg: &Segments<'_>,
    parts: Option<&NumberParts>,
    warnings: &mut Vec<String>,
) -> Option<String> {
    if let Some(t) = seg.title {
        if let Some((d, _)) = segment::title_line(seg.line(t)) {
            return Some(d.name.to_string());
        }
    }
    if let Some((d, _)) = crate::extract::subject::title_sentence(seg) {
        // "Báo cáo về tình hình …" opening a text without header (dev/d101).
        return Some(d.name.to_string());
    }
    let vv =
        seg.subject.clone().next().is_some_and(|i| {
            segment::SUBJECT_MARKER.is_match(seg.line(i)) && seg.header.contains(&i)
        });
    if vv || (seg.title.is_none() && !seg.recipients.is_empty()) {
        // A "V/v" trích yếu, or "Kính gửi" without a type title: a công văn (NĐ30 Mẫu 1.5).
        return Some("Công văn".to_string());
    }
    if let Some(code) = parts.and_then(|p| p.type_code.as_deref()) {
        let system = parts.map_or(System::State, |p| p.system);
        if !dict::doc_type_code_is_ambiguous(code, system) {
            if let Some(d) = dict::doc_type_by_code(code, system) {
                return Some(d.name.to_string());
            }
        }
    }
    for i in seg.body.clone().chain(seg.annex.clone()).take(400) {
        let line = seg.line(i);
        if !line.contains(" này") {
            continue;
        }
        for c in SELF_CITATION.captures_iter(line) {
            let Some(m) = c.name("t") else { continue };
            let phrase = m.as_str();
            // The type is the last words before "này": try the longest tail first.
            let words: Vec<&str> = phrase.split(' ').collect();
            for k in 0..words.len() {
                let tail = words[k..].join(" ");
                if let Some(d) = dict::doc_type_by_name(&tail) {
                    if tail.starts_with(char::is_uppercase) {
                        return Some(d.name.to_string());
                    }
                }
            }
        }
    }
    let parts = parts?;
    match (&parts.type_code, parts.system) {
        (None, System::State) => Some("Công văn".to_string()),
        (Some(code), system) => {
            if dict::doc_type_code_is_ambiguous(code, system) {
                warnings.push(format!(
                    "doc_type: the code {code} stands for more than one type and no title names it"
                ));
                return None;
            }
            dict::doc_type_by_code(code, system).map(|d| d.name.to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_date_lines() {
        for (line, place, date) in [
            // seeds/000: a blank day gives a month.
            ("Bình Phước, ngày tháng 9 năm 2021", "Bình Phước", "2021-09"),
            // dev/d002 (wrapped line joined)
            ("Hà Nội, ngày 20 tháng 11 năm 2025", "Hà Nội", "2025-11-20"),
            // dev/d054 (TCVN3 transcript, doubled spaces)
            (
                "TP.Cần Thơ, ngày  01 tháng  7 năm 2004",
                "TP.Cần Thơ",
                "2004-07-01",
            ),
            // dev/d050
            ("Hà nội, ngày 8 tháng 12 năm 1998", "Hà nội", "1998-12-08"),
            (
                "Thành phố Huế, ngày 18 tháng 11 năm 2025",
                "Thành phố Huế",
                "2025-11-18",
            ),
        ] {
            let (p, d) = place_date(line);
            assert_eq!(p.as_deref(), Some(place), "{line}");
            assert_eq!(d.map(|d| d.to_string()).as_deref(), Some(date), "{line}");
        }
        assert_eq!(place_date("Hà Nội, ngày 30 tháng 2 năm 2025").1, None);
    }

    #[test]
    fn a_place_date_line_below_a_draft_mark() {
        // dev/d057: blank day and month cut the line apart; a "(Dự thảo)" mark above it.
        let seg = crate::segment::segment(
            "BỘ TƯ PHÁP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:\n/TTr-BTP\n(Dự thảo)\nHà Nội, ngày\ntháng\nnăm 2015\nTỜ TRÌNH\nVề dự án Luật Tố cáo\nKính gửi: Chính phủ\nThực hiện chương trình công tác.\n",
        );
        let h = header(&seg, &mut Vec::new());
        assert_eq!(h.place.as_deref(), Some("Hà Nội"));
        assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2015"));
    }

    #[test]
    fn header_lines_recased() {
        for (line, want) in [
            ("BAN TUYÊN GIÁO", "Ban Tuyên giáo"),
            ("TỈNH ỦY BÌNH PHƯỚC", "Tỉnh ủy Bình Phước"),
            (
                "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH",
                "Ủy ban nhân dân tỉnh Bình Định",
            ),
            ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
            ("BỘ TÀI CHÍNH", "Bộ Tài chính"),
            ("SỞ Y TẾ", "Sở Y tế"),
        ] {
            assert_eq!(sentence_case(line), want, "{line}");
        }
        assert_eq!(
            expand("UBND TỈNH LÂM ĐỒNG"),
            "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
        );
        assert_eq!(expand("Ubnd huyện"), "Ubnd huyện");
        // dev/d058: "ĐẦU TƯ" is not an abbreviation.
        assert_eq!(
            sentence_case(&expand("BỘ KẾ HOẠCH VÀ ĐẦU TƯ")),
            "Bộ Kế hoạch và Đầu tư"
        );
    }

    #[test]
    fn full_names_follow_the_parent() {
        for (name, parent, full) in [
            (
                "Ban Tuyên giáo",
                Some("Tỉnh ủy Bình Phước"),
                "Ban Tuyên giáo Tỉnh ủy Bình Phước",
            ),
            (
                "Sở Y tế",
                Some("Ủy ban nhân dân tỉnh Lâm Đồng"),
                "Sở Y tế tỉnh Lâm Đồng",
            ),
            (
                "Ban Tuyên giáo",
                Some("Ban Chấp hành Trung ương"),
                "Ban Tuyên giáo Trung ương",
            ),
            (
                "Văn phòng",
                Some("Ban Chấp hành Trung ương"),
                "Văn phòng Trung ương Đảng",
            ),
            ("Cục Thuế", Some("Bộ Tài chính"), "Cục Thuế"),
            (
                "Văn phòng",
                Some("Ủy ban nhân dân tỉnh Bình Phước"),
                "Văn phòng Ủy ban nhân dân tỉnh Bình Phước",
            ),
            (
                "Huyện ủy Bù Đăng",
                Some("Đảng bộ tỉnh Bình Phước"),
                "Huyện ủy Bù Đăng",
            ),
            (
                "Thuế tỉnh Vĩnh Long",
                Some("Cục Thuế"),
                "Thuế tỉnh Vĩnh Long",
            ),
            ("Bộ Y tế", None, "Bộ Y tế"),
        ] {
            assert_eq!(full_name(name, parent), full, "{name} / {parent:?}");
        }
    }
}
