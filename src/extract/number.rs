//! Document numbers (số, ký hiệu): party `SEQ-TYPE/ISSUER` and state `SEQ/TYPE-ISSUER`.
//!
//! Party numbers put the type code before the slash (Hướng dẫn 36-HD/VPTW: `04-QC/BTGTU`);
//! state numbers put it after (Nghị định 30/2020/NĐ-CP: `123/QĐ-UBND`, `30/2020/NĐ-CP`), and a
//! state công văn has no type code at all (`05/BNV-VP`). Unsigned drafts keep a blank sequence
//! (`Số -CV/BTGTU`): it stays blank. Real text adds noise that the scanner tolerates: spaces
//! around separators (`35- NQ/TW`, `Số : 837 / QĐ - BKH`), dots left for hand-filling
//! (`…05…./2006/ QĐ-UBND`), an en dash or a dot between groups (`/QĐ. BQL–VP`), slashes where
//! the grammar has hyphens (`155/1998/TT/BTC`), mixed-case codes (`TTg`, `CTr`, `QĐi`, `QyĐ`).
//!
//! The scanner is hand-written over `char`s: every number contains a `/`, so [`find_numbers`]
//! only looks at lines that have one (memchr), and each candidate is parsed once, left to right.

use std::ops::Range;

use memchr::memchr;

use crate::dict;
use crate::record::{NumberParts, System};

/// A document number found in text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumberMatch {
    /// Canonical form: no "Số", no spaces (`04-QC/BTGTU`, `-CV/BTGTU`, `15/2020/NĐ-CP`).
    pub number: String,
    /// Its parts.
    pub parts: NumberParts,
    /// Byte range of the number as written in the searched text.
    pub range: Range<usize>,
}

/// Parses a number standing at the start of `s` (the text after "Số" / "Số:"), tolerating
/// spaces around separators and a blank sequence. A leading "Số"/"SỐ" and colon are skipped
/// too, so a whole number line can be passed.
pub(crate) fn parse_number(s: &str) -> Option<NumberMatch> {
    let start = skip_prefix(s, 0).unwrap_or(0);
    let start = skip_blank(s, start, true);
    let raw = scan(s, start, Mode::Line)?;
    classify(&raw, true)
}

/// Every document number in `text`, in order. Dates (`14/7/2022`), fractions (`10/10`),
/// `Covid-19`, `quý III/2021`, phone numbers and outline numbers are not numbers: a number needs
/// a code (letters) after its first separator. A blank sequence counts only after "số".
pub(crate) fn find_numbers(text: &str) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // Only the lines holding a "/" are read, in order: each slash's line once.
    let mut next_line = 0;
    for slash in memchr::memchr_iter(b'/', bytes) {
        if slash < next_line {
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..slash]).map_or(0, |i| i + 1);
        let line_end = memchr(b'\n', &bytes[slash..]).map_or(text.len(), |i| slash + i);
        find_in_line(text, line_start, line_end, &mut out);
        next_line = line_end + 1;
    }
    out
}

fn find_in_line(text: &str, start: usize, end: usize, out: &mut Vec<NumberMatch>) {
    // The whole text, so that a number broken after a separator ("10/2025/TT-\nBNV", dev/d006)
    // can go on to the next line; candidates start on this line only.
    let line = text;
    // A number broken over the line break ended on this line: start after it.
    let mut i = out.last().map_or(start, |m| m.range.end.max(start));
    if i >= end {
        return;
    }
    let bytes = line.as_bytes();
    while i < end {
        // A number opens with a digit or with "Số": jump to the next such byte (both ASCII, so
        // always a character boundary) instead of classifying every character on the way.
        let Some(skip) = bytes[i..end]
            .iter()
            .position(|&b| b.is_ascii_digit() || b == b'S' || b == b's')
        else {
            break;
        };
        i += skip;
        let c = char::from(bytes[i]);
        let prev = line[..i].chars().next_back();
        // Not inside a word, a date or a standard's code ("QCVN 03:2012/BXD", dev/d062).
        let after_digit_colon = prev == Some(':')
            && line[..i - 1]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
        let boundary = !prev.is_some_and(|p| p.is_alphanumeric() || p == '/' || p == '.')
            && !after_digit_colon;
        if boundary {
            let candidate = if c.is_ascii_digit() {
                scan(line, i, Mode::Text).and_then(|raw| classify(&raw, false))
            } else if c == 'S' || c == 's' {
                skip_prefix(line, i).and_then(|after| {
                    // "Số : /QĐ. BQL–VP" opening a line is a number line: read it as one.
                    let at_line_start = line[start..i].trim().is_empty();
                    let mode = if at_line_start {
                        Mode::Line
                    } else {
                        Mode::Text
                    };
                    let after = skip_blank(line, after, at_line_start);
                    let first = line[after..].chars().next()?;
                    let opens = matches!(first, '-' | '/' | '–')
                        || (at_line_start && first.is_ascii_digit());
                    if !opens {
                        return None;
                    }
                    scan(line, after, mode).and_then(|raw| classify(&raw, true))
                })
            } else {
                None
            };
            if let Some(m) = candidate {
                i = m.range.end;
                out.push(m);
                continue;
            }
        }
        i += 1;
    }
}

/// After "Số", "SỐ", "số" (a whole word) and an optional colon: the offset, else `None`.
fn skip_prefix(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    let word = ["Số", "SỐ", "số"]
        .into_iter()
        .find(|w| rest.starts_with(w))?;
    let mut i = at + word.len();
    if s[i..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    i = skip_spaces(s, i, usize::MAX);
    if s[i..].starts_with(':') {
        i = skip_spaces(s, i + 1, usize::MAX);
    }
    Some(i)
}

/// Skips horizontal spaces (at most `max` characters).
fn skip_spaces(s: &str, mut i: usize, max: usize) -> usize {
    let mut n = 0;
    while n < max {
        match s[i..].chars().next() {
            Some(c @ (' ' | '\t' | '\u{a0}')) => {
                i += c.len_utf8();
                n += 1;
            }
            _ => break,
        }
    }
    i
}

/// Skips spaces and, in a number line, the dots of a hand-filled blank (`…05….`).
fn skip_blank(s: &str, mut i: usize, dots: bool) -> usize {
    loop {
        i = skip_spaces(s, i, usize::MAX);
        match s[i..].chars().next() {
            Some(c @ ('.' | '…')) if dots => i += c.len_utf8(),
            _ => return i,
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// A number line: wide spacing, dots of a blank, a dot before a spaced group.
    Line,
    /// Running text: at most two spaces around a separator, no spaced dots.
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Sep {
    Slash,
    Dash,
    Dot,
}

#[derive(Debug)]
struct Raw<'a> {
    seq: Option<&'a str>,
    groups: Vec<(Sep, &'a str)>,
    start: usize,
    /// End of each group in `s`, parallel to `groups`.
    ends: Vec<usize>,
    /// The legislature's term spaced from a last code ending in "QH" ("03/1998/QH 10", dev/d052;
    /// "32/2013/QH 13"): its digits and where they end.
    term: Option<(&'a str, usize)>,
}

fn scan(s: &str, start: usize, mode: Mode) -> Option<Raw<'_>> {
    let max_space = match mode {
        Mode::Line => 40,
        Mode::Text => 2,
    };
    let mut i = start;
    let digits = s[i..].bytes().take_while(u8::is_ascii_digit).count();
    let seq = if digits > 0 {
        if digits > 6 {
            return None;
        }
        // "30c/NQ-CP": a letter suffix on the sequence, right before the slash.
        let suffix = match s.as_bytes().get(i + digits..i + digits + 2) {
            Some([l, b'/']) if l.is_ascii_lowercase() => 1,
            _ => 0,
        };
        let seq = &s[i..i + digits + suffix];
        i += digits + suffix;
        Some(seq)
    } else {
        None
    };
    if mode == Mode::Line {
        i = skip_blank(s, i, true);
    }
    let mut groups = Vec::new();
    let mut ends = Vec::new();
    loop {
        let j = skip_spaces(s, i, max_space);
        let spaced_before = j > i;
        let Some(c) = s[j..].chars().next() else {
            break;
        };
        let sep = match c {
            '/' => Sep::Slash,
            '-' | '–' | '\u{2011}' => Sep::Dash,
            '.' if !groups.is_empty() && (mode == Mode::Line || !spaced_before) => Sep::Dot,
            _ => break,
        };
        let k = j + c.len_utf8();
        let mut after = skip_spaces(s, k, max_space);
        if sep != Sep::Dot {
            // A line broken right after a separator.
            if let Some(rest) = s[after..]
                .strip_prefix("\r\n")
                .or_else(|| s[after..].strip_prefix('\n'))
            {
                after = skip_spaces(s, s.len() - rest.len(), max_space);
            }
        }
        if sep == Sep::Dot && mode == Mode::Text && after > k {
            break;
        }
        let len: usize = s[after..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '&')
            .map(char::len_utf8)
            .sum();
        if len == 0 {
            break;
        }
        groups.push((sep, &s[after..after + len]));
        i = after + len;
        ends.push(i);
    }
    if groups.is_empty() {
        return None;
    }
    let term = groups
        .last()
        .filter(|(_, code)| code.ends_with("QH"))
        .and_then(|_| spaced_term(s, i));
    Some(Raw {
        seq,
        groups,
        start,
        ends,
        term,
    })
}

/// One space, then the one or two digits of a legislature's term (1 to 20) standing as a word:
/// the digits and their end.
fn spaced_term(s: &str, at: usize) -> Option<(&str, usize)> {
    let k = at + usize::from(s[at..].starts_with(' '));
    if k == at {
        return None;
    }
    let digits = s[k..].bytes().take_while(u8::is_ascii_digit).count();
    let term = &s[k..k + digits];
    let rest = &s[k + digits..];
    let mut after = rest.chars();
    // Not a longer number, a date or a decimal: "QH 10/2020", "QH 1.5".
    let word_end = match after.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || matches!(c, '/' | '-' | '–') => false,
        Some('.' | ',') => !after.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    };
    let ok = (1..=2).contains(&digits)
        && word_end
        && term.parse::<u8>().is_ok_and(|t| (1..=20).contains(&t));
    ok.then_some((term, k + digits))
}

/// Whether `tok` can be a type or issuer code: a capital first, letters (any case) and digits,
/// never two lower-case letters in a row (`TTg`, `QĐi`, `CTr`, `BSGBTr`, `QH15`; not `Covid`).
fn is_code(tok: &str) -> bool {
    let mut chars = tok.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut upper = 0;
    let mut lower = 0;
    let mut prev_lower = false;
    for c in tok.chars() {
        if c.is_lowercase() {
            if prev_lower {
                return false;
            }
            prev_lower = true;
            lower += 1;
        } else {
            prev_lower = false;
            if c.is_uppercase() {
                upper += 1;
            } else if !(c.is_ascii_digit() || c == '&') {
                return false;
            }
        }
    }
    // "Sở", "Bộ" are words; "Ctr" is a code seen in real party numbers (standards.md §2.1).
    lower == 0 || upper >= 2 || tok == "Ctr"
}

fn is_year(tok: &str) -> bool {
    tok.len() == 4
        && tok.bytes().all(|b| b.is_ascii_digit())
        && tok.parse::<u16>().is_ok_and(|y| (1900..=2099).contains(&y))
}

/// Whether `code` is a document-type code in either system; `ND`, `QD` (an OCR or ASCII copy
/// losing the stroke of Đ) count as `NĐ`, `QĐ`.
pub(crate) fn is_type_code(code: &str) -> bool {
    let known = |c: &str| {
        dict::doc_type_by_code(c, System::State).is_some()
            || dict::doc_type_by_code(c, System::Party).is_some()
    };
    known(code) || (code.contains('D') && known(&code.replace('D', "Đ")))
}

fn sep_char(sep: Sep) -> char {
    match sep {
        Sep::Slash => '/',
        Sep::Dash | Sep::Dot => '-',
    }
}

fn classify(raw: &Raw<'_>, blank_ok: bool) -> Option<NumberMatch> {
    if raw.seq.is_none() && !blank_ok {
        return None;
    }
    let g = &raw.groups;
    let (first_sep, first) = g[0];
    // How many groups the number uses, and its parts.
    let (used, parts): (usize, NumberParts) = match first_sep {
        Sep::Dash | Sep::Dot => {
            if first_sep == Sep::Dot
                || g.len() < 2
                || g[1].0 != Sep::Slash
                || !is_code(first)
                || !is_code(g[1].1)
                || first.chars().any(|c| c.is_ascii_digit())
            {
                return None;
            }
            if g.len() >= 3 && g[2].0 == Sep::Slash && is_code(g[2].1) && is_type_code(g[1].1) {
                // Pre-2004 state form: 1141-TC/QĐ/CĐKT (Bộ Tài chính, dev/d049).
                let parts = NumberParts {
                    seq: raw.seq.map(str::to_string),
                    year: None,
                    type_code: Some(g[1].1.to_string()),
                    issuer_code: Some(format!("{first}/{}", g[2].1)),
                    system: System::State,
                };
                (3, parts)
            } else {
                let mut used = 2;
                let mut issuer = g[1].1.to_string();
                while used < g.len() && g[used].0 == Sep::Dash && is_code(g[used].1) {
                    issuer.push('-');
                    issuer.push_str(g[used].1);
                    used += 1;
                }
                let parts = NumberParts {
                    seq: raw.seq.map(str::to_string),
                    year: None,
                    type_code: Some(first.to_string()),
                    issuer_code: Some(issuer),
                    system: System::Party,
                };
                (used, parts)
            }
        }
        Sep::Slash => {
            let mut idx = 0;
            let mut year = None;
            if is_year(first) && g.len() > 1 && g[1].0 == Sep::Slash {
                year = Some(first);
                idx = 1;
            }
            let codes_start = idx;
            while idx < g.len()
                && is_code(g[idx].1)
                && (idx == codes_start || g[idx].0 != Sep::Dot || idx == codes_start + 1)
            {
                idx += 1;
            }
            let codes = &g[codes_start..idx];
            if codes.is_empty() {
                return None;
            }
            // The first code after the seq (or seq/year) must be at least two characters in
            // running text, so "5/A" or "2/a" are not numbers.
            if !blank_ok && codes[0].1.chars().count() < 2 {
                return None;
            }
            let join = |parts: &[(Sep, &str)]| {
                let mut out = String::new();
                for (k, (sep, tok)) in parts.iter().enumerate() {
                    if k > 0 {
                        out.push(sep_char(*sep));
                    }
                    out.push_str(tok);
                }
                out
            };
            let (type_code, issuer) = if codes.len() >= 2 && is_type_code(codes[0].1) {
                (Some(codes[0].1.to_string()), Some(join(&codes[1..])))
            } else {
                (None, Some(join(codes)))
            };
            let parts = NumberParts {
                seq: raw.seq.map(str::to_string),
                year: year.map(str::to_string),
                type_code,
                issuer_code: issuer,
                system: System::State,
            };
            (idx, parts)
        }
    };
    if used == 0 || used > g.len() {
        return None;
    }
    let mut parts = parts;
    let mut number = String::new();
    if let Some(seq) = raw.seq {
        number.push_str(seq);
    }
    for (sep, tok) in &g[..used] {
        number.push(sep_char(*sep));
        number.push_str(tok);
    }
    // "QĐ-TTG" from a capital font is the Prime Minister's "QĐ-TTg".
    if g[..used]
        .iter()
        .any(|(_, tok)| dict::code_case(tok).is_some())
    {
        let recase = |code: &str| {
            code.split_inclusive(['-', '/'])
                .map(|piece| {
                    let (tok, sep) = piece
                        .strip_suffix(['-', '/'])
                        .map_or((piece, ""), |t| (t, &piece[t.len()..]));
                    format!("{}{sep}", dict::code_case(tok).unwrap_or(tok))
                })
                .collect::<String>()
        };
        number = recase(&number);
        if let Some(code) = parts.issuer_code.as_mut() {
            *code = recase(code);
        }
    }
    let mut end = raw.ends[used - 1];
    // "QH 10": the term belongs to the code (canonical numbers have no spaces).
    if let Some((term, term_end)) = raw.term.filter(|_| used == g.len()) {
        number.push_str(term);
        if let Some(code) = parts.issuer_code.as_mut() {
            code.push_str(term);
        }
        end = term_end;
    }
    Some(NumberMatch {
        number,
        parts,
        range: raw.start..end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// seq, year, type code, issuer code, system.
    type Parts<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        System,
    );

    fn parts(m: &NumberMatch) -> Parts<'_> {
        let p = &m.parts;
        (
            p.seq.as_deref(),
            p.year.as_deref(),
            p.type_code.as_deref(),
            p.issuer_code.as_deref(),
            p.system,
        )
    }

    #[test]
    fn number_lines_give_canonical_numbers_and_parts() {
        use System::{Party, State};
        #[rustfmt::skip]
        let cases: &[(&str, &str, Parts<'_>)] = &[
            // seeds/000
            ("Số -CV/BTGTU", "-CV/BTGTU", (None, None, Some("CV"), Some("BTGTU"), Party)),
            // seeds/001
            ("04-QC/BTGTU", "04-QC/BTGTU", (Some("04"), None, Some("QC"), Some("BTGTU"), Party)),
            // dev/d085: stray space after the hyphen
            ("35- NQ/TW", "35-NQ/TW", (Some("35"), None, Some("NQ"), Some("TW"), Party)),
            // dev/d058
            ("Số : 837 / QĐ - BKH", "837/QĐ-BKH", (Some("837"), None, Some("QĐ"), Some("BKH"), State)),
            // dev/d052
            ("SỐ:      40   /2000/TT/BTC", "40/2000/TT/BTC", (Some("40"), Some("2000"), Some("TT"), Some("BTC"), State)),
            // dev/d050
            ("Số: 155/1998/TT/BTC", "155/1998/TT/BTC", (Some("155"), Some("1998"), Some("TT"), Some("BTC"), State)),
            // dev/d049 (1995 Bộ Tài chính form)
            ("Số 1141-TC/QĐ/CĐKT", "1141-TC/QĐ/CĐKT", (Some("1141"), None, Some("QĐ"), Some("TC/CĐKT"), State)),
            // dev/d034: leading zero kept
            ("Số: 0124/KH-UBND", "0124/KH-UBND", (Some("0124"), None, Some("KH"), Some("UBND"), State)),
            // legacy/tcvn3_2004_qd115: the title in a capital font
            ("SỐ 115/2004/QĐ-TTG", "115/2004/QĐ-TTg", (Some("115"), Some("2004"), Some("QĐ"), Some("TTg"), State)),
            ("Số: 12-NQ/THU", "12-NQ/ThU", (Some("12"), None, Some("NQ"), Some("ThU"), Party)),
            // dev/d011
            ("Số: 144/2025/QĐ-CTUBND", "144/2025/QĐ-CTUBND", (Some("144"), Some("2025"), Some("QĐ"), Some("CTUBND"), State)),
            // dev/d022: state công văn, no type code
            ("Số: 1539/VLO-QLDN3", "1539/VLO-QLDN3", (Some("1539"), None, None, Some("VLO-QLDN3"), State)),
            // dev/d023
            ("Số: 11299/VPCP-KGVX", "11299/VPCP-KGVX", (Some("11299"), None, None, Some("VPCP-KGVX"), State)),
            // dev/d055: blank sequence, dot and en dash between groups
            ("Số :          /QĐ. BQL–VP", "/QĐ-BQL-VP", (None, None, Some("QĐ"), Some("BQL-VP"), State)),
            // dev/d054 style hand-filled blank
            ("Số: …05…./2006/ QĐ-UBND", "05/2006/QĐ-UBND", (Some("05"), Some("2006"), Some("QĐ"), Some("UBND"), State)),
            // dev/d046, dev/d060
            ("Luật số: 51/2024/QH15", "", (None, None, None, None, State)),
            ("51/2024/QH15", "51/2024/QH15", (Some("51"), Some("2024"), None, Some("QH15"), State)),
            ("17/2022/UBTVQH15", "17/2022/UBTVQH15", (Some("17"), Some("2022"), None, Some("UBTVQH15"), State)),
            // dev/d042
            ("Số: 1654/NQ-UBTVQH15", "1654/NQ-UBTVQH15", (Some("1654"), None, Some("NQ"), Some("UBTVQH15"), State)),
            // mixed-case codes: dev/d002, dev/d035, research §1.1, §2.1
            ("2536/QĐ-TTg", "2536/QĐ-TTg", (Some("2536"), None, Some("QĐ"), Some("TTg"), State)),
            ("27-CTr/TU", "27-CTr/TU", (Some("27"), None, Some("CTr"), Some("TU"), Party)),
            ("08-QĐi/TW", "08-QĐi/TW", (Some("08"), None, Some("QĐi"), Some("TW"), Party)),
            ("12/QyĐ-UBND", "12/QyĐ-UBND", (Some("12"), None, Some("QyĐ"), Some("UBND"), State)),
            ("05/TTr-BLĐTBXH", "05/TTr-BLĐTBXH", (Some("05"), None, Some("TTr"), Some("BLĐTBXH"), State)),
            // dev/d099: ASCII copy of NĐ
            ("310/2025/ND-CP", "310/2025/ND-CP", (Some("310"), Some("2025"), Some("ND"), Some("CP"), State)),
            // joint issuers (research §2.2), mass organisation (§2.2)
            ("Số 05-QC/BTCTU-BDVTU", "05-QC/BTCTU-BDVTU", (Some("05"), None, Some("QC"), Some("BTCTU-BDVTU"), Party)),
            ("Số: 367 - QĐ/TWĐTN-VP", "367-QĐ/TWĐTN-VP", (Some("367"), None, Some("QĐ"), Some("TWĐTN-VP"), Party)),
            ("55/2005/TTLT-BNV-VPCP", "55/2005/TTLT-BNV-VPCP", (Some("55"), Some("2005"), Some("TTLT"), Some("BNV-VPCP"), State)),
        ];
        for (line, number, want) in cases {
            let got = parse_number(line);
            if number.is_empty() {
                // "Luật số:" is not "Số:": the caller strips the type word first.
                assert!(got.is_none(), "{line:?} → {got:?}");
                continue;
            }
            let got = got.unwrap_or_else(|| panic!("no number in {line:?}"));
            assert_eq!(got.number, *number, "{line:?}");
            assert_eq!(parts(&got), *want, "{line:?}");
        }
    }

    #[test]
    fn running_text_numbers_without_false_positives() {
        for (text, want) in [
            // seeds/001
            (
                "Quy định số 85-QĐ/TW ngày 07/10/2022 của Ban Bí thư và Hướng dẫn số 99-HD/BTGTW ngày 20/3/2023",
                vec!["85-QĐ/TW", "99-HD/BTGTW"],
            ),
            ("Chỉ thị 17-CT/TU ngày 14/7/2022 của Ban Thường vụ Tỉnh ủy", vec!["17-CT/TU"]),
            // seeds/003: comma between number and date
            ("Nghị quyết số 35-NQ/TW, ngày 22-10-2018 của Bộ Chính trị", vec!["35-NQ/TW"]),
            // seeds/000: quarters, Covid-19, fractions of a day, section numbers
            ("giao ban công tác tuyên giáo quý III/2021 bằng hình thức trực tuyến", vec![]),
            ("dịch bệnh Covid-19 diễn biến phức tạp; 6.1. Mời Thường trực", vec![]),
            ("Dự kiến tổ chức trong ½ ngày, vào tuần cuối tháng 9/2021", vec![]),
            // seeds/002: fractions
            ("Đến nay, 10/10 huyện, Thành phố; 5/5 đảng ủy trực thuộc", vec![]),
            ("Lịch sử Đảng bộ tỉnh Cao Bằng (1930 - 2020), (20/02/2003 – 20/02/2023)", vec![]),
            ("tăng 12,5%/năm, gọi 0271.3879.123 hoặc 0912-345-678, 100.000 đồng/người", vec![]),
            // dev/d031: number on the line after "số"
            ("Thực hiện Nghị quyết số\n214/NQ-CP ngày 23/7/2025 của Chính phủ", vec!["214/NQ-CP"]),
            // dev/d022
            (
                "Công văn số 144/2025/CV-BSGBTr ngày 17/11/2025; Luật Quản lý thuế số 38/2019/QH14",
                vec!["144/2025/CV-BSGBTr", "38/2019/QH14"],
            ),
            // dev/d047 annex: blank sequence after "số"
            ("theo Quyết định số /2025/QĐ-UBND ngày / /2025", vec!["/2025/QĐ-UBND"]),
            // dev/d085
            ("Nghị quyết số 35- NQ/TW của Bộ Chính trị", vec!["35-NQ/TW"]),
            // sentence end after the number
            ("theo Quyết định số 123/QĐ-UBND. UBND tỉnh giao", vec!["123/QĐ-UBND"]),
            ("Kế hoạch 14-KH/TU; 1383-CV/BTGTU.", vec!["14-KH/TU", "1383-CV/BTGTU"]),
            // composed state_06: a letter after the sequence
            ("Nghị quyết số 30c/NQ-CP của Chính phủ", vec!["30c/NQ-CP"]),
            // dev/d006: broken after the hyphen; dev/d062: a standard, not a number
            ("- Thông tư số 10/2025/TT-\nBNV ngày", vec!["10/2025/TT-BNV"]),
            ("được định nghĩa trong QCVN 03:2012/BXD và", vec![]),
            // dev/d055: the number line itself, blank and spaced
            ("       Số :          /QĐ. BQL–VP\t\t Vũng Tàu", vec!["/QĐ-BQL-VP"]),
        ] {
            let got: Vec<String> = find_numbers(text).into_iter().map(|m| m.number).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn ranges_point_at_the_written_number() {
        let text = "Nghị quyết số 35- NQ/TW, ngày 22-10-2018";
        let m = &find_numbers(text)[0];
        assert_eq!(&text[m.range.clone()], "35- NQ/TW");
    }

    #[test]
    fn a_legislature_term_spaced_from_its_code() {
        // dev/d052, dev/d046: "QH 10" is the code QH10 of the 10th legislature.
        for (text, want, written) in [
            (
                "Luật (sửa đổi) số 03/1998/QH 10 ngày 20/5/1998",
                "03/1998/QH10",
                "03/1998/QH 10",
            ),
            (
                "theo Luật số 32/2013/QH 13, Luật số 46/2014/QH13",
                "32/2013/QH13",
                "32/2013/QH 13",
            ),
            (
                "Nghị quyết số 12/2020/UBTVQH 14.",
                "12/2020/UBTVQH14",
                "12/2020/UBTVQH 14",
            ),
            // Not a term: a count, a date, another code.
            ("Luật số 5/2000/QH 200 lần", "5/2000/QH", "5/2000/QH"),
            ("Nghị quyết 7/2001/QH 10/5/2001", "7/2001/QH", "7/2001/QH"),
            (
                "Quyết định 8/2002/QĐ-UBND 12 bản",
                "8/2002/QĐ-UBND",
                "8/2002/QĐ-UBND",
            ),
        ] {
            let m = &find_numbers(text)[0];
            assert_eq!(m.number, want, "{text}");
            assert_eq!(&text[m.range.clone()], written, "{text}");
        }
        let m = &find_numbers("Luật số 32/2013/QH 13")[0];
        assert_eq!(m.parts.issuer_code.as_deref(), Some("QH13"));
    }

    #[test]
    fn no_panic_on_odd_input() {
        for text in [
            "",
            "/",
            "-",
            "Số",
            "Số:",
            "Số -",
            "1/",
            "1-A/",
            "ĐĐ/ĐĐ",
            "Số …/",
            "9999999/QĐ-UB",
        ] {
            let _ = parse_number(text);
            assert!(
                find_numbers(text).iter().all(|m| !m.number.is_empty()),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_valid_ranges(s in "[0-9SốQĐKHCVTUNDBấ/\\-–.:… \n]{0,40}") {
            for m in find_numbers(&s) {
                proptest::prop_assert!(m.range.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(m.range.start) && s.is_char_boundary(m.range.end));
                proptest::prop_assert!(m.number.contains('/') && !m.number.contains(' '));
            }
            if let Some(m) = parse_number(&s) {
                proptest::prop_assert!(m.number.contains('/') && !m.number.contains(' '));
            }
        }
    }
}
