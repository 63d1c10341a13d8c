//! Date expressions (research §6): "ngày 05 tháng 3 năm 2020", "ngày 14/7/2022", "22-10-2018",
//! "tháng 9/2021", a blank day ("ngày tháng 9 năm 2021" → 2021-09).
//!
//! What is *not* a date here: quarters (`quý III/2021`), parts of a year (`6 tháng đầu năm
//! 2023`), durations (`03 ngày`), outline numbers (`6.1`), thousands (`23.000`), year ranges
//! (`nhiệm kỳ 2020 - 2025`, `(1930 - 2020)`), recurring days (`ngày 15/12 hàng năm`), lunar
//! dates (`10/3 âm lịch`, `tháng Giêng`: no lunar calendar here, see [`find_lunar`]). A day and
//! month with no year (`Chiều 5/6`, `ngày 14 - 6`) counts only when the caller knows the year
//! ([`find_dates_in_year`]). Days are checked against their month (`30/02` is not a date).

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::record::PartialDate;

/// A date found in text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateMatch {
    /// The date, at the precision written.
    pub date: PartialDate,
    /// Byte range in the searched text.
    pub range: Range<usize>,
}

// One pass over the text: the alternatives are tried left to right at each position, so the
// formal "ngày D tháng M năm Y" wins over the "năm Y" inside it.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<formal>
            (?: (?i:ngày) [\s_]* (?P<fd>\d{1,2})? [\s.…_]* )?
            (?i:tháng) [\s.…_]* (?P<fm>\d{1,2})? [\s.…_]* (?i:năm) \s+ (?P<fy>\d{4})
        )
        | (?P<lead> (?i:ngày|sáng|chiều|tối|trưa|đêm|nay|từ|đến|hôm) \s+ (?:(?i:ngày)\s+)?
            (?P<ld>\d{1,2}) \s?(?P<ls1>[/.\-–])\s? (?P<lm>\d{1,2})
            (?: \s?(?P<ls2>[/.\-–])\s? (?P<ly>\d{4}) )? )
        | (?P<num> (?P<nd>\d{1,2}) \s?(?P<s1>[/.\-–])\s? (?P<nm>\d{1,2}) \s?(?P<s2>[/.\-–])\s? (?P<ny>\d{4}) )
        | (?P<month> (?i:tháng) \s+ (?P<mm>\d{1,2}) \s?[/.\-]\s? (?P<my>\d{4}) )
        | (?P<year> (?i:năm) \s+ (?P<yy>\d{4}) )
        ",
    )
    .expect("date regex")
});

static LUNAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:âm lịch)|tháng (?:Giêng|Chạp)|(?i:mùng) \d{1,2}|(?i:rằm tháng)")
        .expect("lunar regex")
});

static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<dt> (?P<d1>\d{1,2})/(?P<m1>\d{1,2})/(?P<y1>\d{4}) [\s,\-–|]* (?P<h1>\d{1,2}):(?P<i1>\d{2}) )
        | (?P<td> (?P<h2>\d{1,2})(?::|h|\s?giờ\s?)(?P<i2>\d{2}) [\s,\-–|]* (?:(?i:ngày)\s+)?
              (?P<d2>\d{1,2})[/.\-](?P<m2>\d{1,2})[/.\-](?P<y2>\d{4}) )
        | (?P<d> (?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>\d{4}) )
        ",
    )
    .expect("timestamp regex")
});

static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s*_|]*(?P<place>\p{Lu}[^,\n\d]{0,60}?)[\s*_]*,[\s*_]*(?i:ngày)")
        .expect("place-date regex")
});

fn num<T: std::str::FromStr>(caps: &Captures<'_>, name: &str) -> Option<T> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

fn plausible_year(y: u16) -> bool {
    (1800..=2199).contains(&y)
}

fn same_sep(a: &str, b: &str) -> bool {
    fn norm(s: &str) -> &str {
        if s == "–" {
            "-"
        } else {
            s
        }
    }
    norm(a) == norm(b)
}

/// Every calendar date in `text`, in order (not quarters, not durations, not number parts).
pub(crate) fn find_dates(text: &str) -> Vec<DateMatch> {
    find_dates_in_year(text, None)
}

/// Like [`find_dates`], and a day-month with no year ("Chiều 5/6", "ngày 14 - 6") takes
/// `context_year` (a news report's publication year) when one is given.
pub(crate) fn find_dates_in_year(text: &str, context_year: Option<u16>) -> Vec<DateMatch> {
    let mut out = Vec::new();
    each_date(text, context_year, |d| {
        out.push(d);
        false
    });
    out
}

/// The first calendar date in `text` for which `wanted` holds ([`find_dates`] in order, stopping
/// there: the dates after it are not read).
pub(crate) fn find_date(
    text: &str,
    mut wanted: impl FnMut(&DateMatch) -> bool,
) -> Option<DateMatch> {
    let mut found = None;
    each_date(text, None, |d| {
        if wanted(&d) {
            found = Some(d);
            return true;
        }
        false
    });
    found
}

/// Calls `each` with every calendar date of `text` in order until it returns `true`.
fn each_date(text: &str, context_year: Option<u16>, mut each: impl FnMut(DateMatch) -> bool) {
    // Most sentences have no digit: they are answered without the regex.
    if !has_digit(text) {
        return;
    }
    for caps in DATE.captures_iter(text) {
        if let Some(d) = accept(&caps, text, context_year) {
            if each(d) {
                return;
            }
        }
    }
}

/// The date that opens `text`, if one does: the first of [`find_dates`] when it starts at byte
/// 0, read with the regex anchored there (no search through the rest of `text`).
pub(crate) fn date_at_start(text: &str) -> Option<DateMatch> {
    static DATE_AT_START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("^(?:{})", DATE.as_str())).expect("anchored date regex")
    });
    if let Some(d) = plain_day_date(text) {
        return Some(d);
    }
    if !has_digit(text) {
        return None;
    }
    let caps = DATE_AT_START.captures(text)?;
    accept(&caps, text, None)
}

/// The two commonest dates of citations, read without the regex: "ngày D/M/YYYY" and "ngày D
/// tháng M năm YYYY" (one space each, ASCII digits), when a valid date and not followed by
/// another digit, a slash or a lunar-calendar mark. `None` otherwise: [`date_at_start`]'s regex
/// then decides, and it decides these forms the same way (a test compares them).
fn plain_day_date(text: &str) -> Option<DateMatch> {
    let rest = text
        .strip_prefix("ngày ")
        .or_else(|| text.strip_prefix("Ngày "))?;
    let head = text.len() - rest.len();
    let b = rest.as_bytes();
    let number = |at: usize, min: usize, max: usize| -> Option<(u16, usize)> {
        let n = b[at.min(b.len())..]
            .iter()
            .take(max + 1)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if n < min || n > max {
            return None;
        }
        let value = rest[at..at + n].parse().ok()?;
        Some((value, at + n))
    };
    let (day, i) = number(0, 1, 2)?;
    let (month, year, end) = if b.get(i) == Some(&b'/') {
        let (month, j) = number(i + 1, 1, 2)?;
        if b.get(j) != Some(&b'/') {
            return None;
        }
        let (year, k) = number(j + 1, 4, 4)?;
        (month, year, k)
    } else if rest[i..].starts_with(" tháng ") {
        let (month, j) = number(i + " tháng ".len(), 1, 2)?;
        if !rest[j..].starts_with(" năm ") {
            return None;
        }
        let (year, k) = number(j + " năm ".len(), 4, 4)?;
        (month, year, k)
    } else {
        return None;
    };
    let after = &rest[end..];
    if after.starts_with(|c: char| c.is_ascii_digit() || c == '/') || !plausible_year(year) {
        return None;
    }
    let next: String = after.chars().take(14).collect::<String>().to_lowercase();
    if next.contains("âm lịch") || next.trim_start().starts_with("(al)") {
        return None;
    }
    let date = PartialDate::ymd(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)?;
    Some(DateMatch {
        date,
        range: 0..head + end,
    })
}

/// The date of one match of [`DATE`], unless the match is part of something else (a number,
/// a path) or names no calendar date.
fn accept(caps: &Captures<'_>, text: &str, context_year: Option<u16>) -> Option<DateMatch> {
    let whole = caps.get(0)?;
    let (start, end) = (whole.start(), whole.end());
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    if before.is_some_and(|c| c.is_alphanumeric() || c == '/')
        || after.is_some_and(|c| c.is_ascii_digit() || c == '/')
    {
        return None;
    }
    if let Some(date) = date_of(caps, text, start, end, context_year) {
        // "Chiều 5/6", "từ ngày 01/12/2025": the date starts at "ngày" or at the day, the
        // word before it only gave the context.
        let start = if caps.name("lead").is_some() {
            let m = &text[start..end];
            let lower = m.to_lowercase();
            match lower.find("ngày") {
                // Lower-casing keeps byte lengths for Vietnamese letters; check anyway.
                Some(k) if lower.len() == m.len() && m.is_char_boundary(k) => start + k,
                _ => start + m.find(|c: char| c.is_ascii_digit()).unwrap_or(0),
            }
        } else {
            start
        };
        return Some(DateMatch {
            date,
            range: start..end,
        });
    }
    None
}

/// Whether `text` has an ASCII digit. The regex's `\d` also takes other scripts' digits, but
/// every form needs a day, month or year that `str::parse` reads, and it reads ASCII digits
/// only: a text without one gives no date.
fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

fn date_of(
    caps: &Captures<'_>,
    text: &str,
    start: usize,
    end: usize,
    context_year: Option<u16>,
) -> Option<PartialDate> {
    let rest = &text[end..];
    let followed_by_range = || {
        let r = rest.trim_start_matches([' ', '\u{a0}']);
        let r = r
            .strip_prefix('-')
            .or_else(|| r.strip_prefix('–'))
            .map(|r| r.trim_start());
        r.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    };
    let lunar_after = || {
        let head: String = rest.chars().take(14).collect::<String>().to_lowercase();
        head.contains("âm lịch") || head.trim_start().starts_with("(al)")
    };
    if caps.name("formal").is_some() {
        let y: u16 = num(caps, "fy")?;
        if !plausible_year(y) || lunar_after() {
            return None;
        }
        return match (num::<u8>(caps, "fd"), num::<u8>(caps, "fm")) {
            (Some(d), Some(m)) => PartialDate::ymd(y, m, d),
            (None, Some(m)) => PartialDate::ym(y, m),
            // "ngày … tháng … năm 2025": only the year is filled in.
            (None, None) => Some(PartialDate::y(y)),
            (Some(_), None) => None,
        };
    }
    if caps.name("lead").is_some() {
        let d: u8 = num(caps, "ld")?;
        let m: u8 = num(caps, "lm")?;
        if lunar_after() {
            return None;
        }
        if let Some(y) = num::<u16>(caps, "ly") {
            let s1 = caps.name("ls1")?.as_str();
            let s2 = caps.name("ls2")?.as_str();
            if !same_sep(s1, s2) || !plausible_year(y) {
                return None;
            }
            return PartialDate::ymd(y, m, d);
        }
        // A day-month: only with the caller's year, never when it recurs every year.
        let y = context_year?;
        let next: String = rest.chars().take(12).collect::<String>().to_lowercase();
        let next = next.trim_start();
        if next.starts_with("hàng năm") || next.starts_with("hằng năm") || followed_by_range()
        {
            return None;
        }
        return PartialDate::ymd(y, m, d);
    }
    if caps.name("num").is_some() {
        let (s1, s2) = (caps.name("s1")?.as_str(), caps.name("s2")?.as_str());
        let y: u16 = num(caps, "ny")?;
        if !same_sep(s1, s2) || !plausible_year(y) || lunar_after() {
            return None;
        }
        return PartialDate::ymd(y, num(caps, "nm")?, num(caps, "nd")?);
    }
    if caps.name("month").is_some() {
        let y: u16 = num(caps, "my")?;
        if !plausible_year(y) || followed_by_range() {
            return None;
        }
        return PartialDate::ym(y, num(caps, "mm")?);
    }
    if caps.name("year").is_some() {
        let y: u16 = num(caps, "yy")?;
        if !plausible_year(y) || followed_by_range() || part_of_year_before(&text[..start]) {
            return None;
        }
        return Some(PartialDate::y(y));
    }
    None
}

/// Whether the words before "năm YYYY" make it part of a year or a recurring year: "6 tháng
/// đầu năm 2023" (seeds/001), "những tháng cuối năm", "hằng năm".
fn part_of_year_before(before: &str) -> bool {
    let tail = before.trim_end();
    let word_start = tail
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = tail[word_start..].to_lowercase();
    matches!(
        word.as_str(),
        "đầu" | "cuối" | "giữa" | "hàng" | "hằng" | "mỗi"
    )
}

/// The first lunar-calendar expression in `text` ("10/3 âm lịch", "tháng Giêng", "mùng 10"):
/// these are not converted to dates; the extractor notes a task whose deadline is one in the
/// record's warnings.
pub(crate) fn find_lunar(text: &str) -> Option<Range<usize>> {
    LUNAR.find(text).map(|m| m.range())
}

/// A place-date line ("Bình Phước, ngày tháng 9 năm 2021"): the place and the date. The line
/// may be wrapped ("Hà Nội, ngày 17\ntháng 11 năm 2025") and carry markdown (`*…*`). `None`
/// when the text has neither a place before ", ngày" nor a date.
pub(crate) fn parse_place_date(line: &str) -> Option<(Option<String>, Option<PartialDate>)> {
    let (place, rest_at) = match PLACE_DATE.captures(line) {
        Some(caps) => {
            let place = caps.name("place").map(|m| collapse(m.as_str()));
            let ngay = caps.get(0).map_or(0, |m| m.end() - "ngày".len());
            (place.filter(|p| !p.is_empty()), ngay)
        }
        None => (None, 0),
    };
    let rest = &line[rest_at..];
    let date = find_dates(rest)
        .into_iter()
        .find(|d| {
            let before =
                rest[..d.range.start].trim_matches(|c: char| c.is_whitespace() || c == '*');
            before.is_empty() || (d.date.day.is_none() && is_day_list(before))
        })
        .map(|d| d.date);
    if place.is_none() && date.is_none() {
        return None;
    }
    Some((place, date))
}

/// "ngày 20, 21" / "ngày 20 và 21" / "ngày 20-21" before "tháng 03 năm 2002": a meeting of
/// several days, dated by its month (dev/d100).
fn is_day_list(before: &str) -> bool {
    let Some(days) = before
        .strip_prefix("ngày")
        .or_else(|| before.strip_prefix("Ngày"))
    else {
        return false;
    };
    let days = days.replace(" và ", ",");
    let mut n = 0;
    for d in days.split([',', '-', '–']) {
        let d = d.trim();
        if d.is_empty() || d.len() > 2 || !d.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        n += 1;
    }
    n >= 2
}

fn collapse(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c == '*' || c == '_')
        .trim()
        .to_string()
}

/// A publication time: a date, and the time of day when one is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Timestamp {
    /// The day.
    pub date: PartialDate,
    /// Hour and minute.
    pub time: Option<(u8, u8)>,
}

impl fmt::Display for Timestamp {
    /// `2023-06-14T23:03`, or the date alone.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some((h, m)) = self.time {
            write!(f, "T{h:02}:{m:02}")?;
        }
        Ok(())
    }
}

/// The first publication timestamp in `line`: "Thứ tư - 14/06/2023 23:03" (seeds/001),
/// "Thứ sáu 05/06/2020 19:00" (seeds/002), "20:36 ngày 28/08/2025" (dev/d065), or a date
/// alone "05/06/2020". Hours and minutes are checked (0–23, 0–59).
pub(crate) fn parse_timestamp(line: &str) -> Option<Timestamp> {
    for caps in TIMESTAMP.captures_iter(line) {
        let (d, m, y, h, i) = if caps.name("dt").is_some() {
            ("d1", "m1", "y1", Some("h1"), Some("i1"))
        } else if caps.name("td").is_some() {
            ("d2", "m2", "y2", Some("h2"), Some("i2"))
        } else {
            ("d3", "m3", "y3", None, None)
        };
        let Some(date) = (|| PartialDate::ymd(num(&caps, y)?, num(&caps, m)?, num(&caps, d)?))()
        else {
            continue;
        };
        if !plausible_year(date.year) {
            continue;
        }
        let time = match (
            h.and_then(|h| num::<u8>(&caps, h)),
            i.and_then(|i| num::<u8>(&caps, i)),
        ) {
            (Some(h), Some(i)) if h < 24 && i < 60 => Some((h, i)),
            (Some(_), Some(_)) => continue,
            _ => None,
        };
        return Some(Timestamp { date, time });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_at_start_is_the_first_date_when_it_opens_the_text() {
        for text in [
            "ngày 20/3/2023 của Ban Tuyên giáo",
            "ngày 20 tháng 3 năm 2023, Ban …",
            "Ngày 5-6-2021",
            "ngày 30/02/2024 và ngày 01/3/2024",
            "ngày 20/3 của Ban",
            "ngày ký",
            "của Ban, ngày 20/3/2023",
            "",
        ] {
            let first = find_dates(text).into_iter().next();
            let want = first.filter(|d| d.range.start == 0);
            let got = date_at_start(text);
            assert_eq!(
                got.as_ref().map(|d| (d.date, d.range.clone())),
                want.as_ref().map(|d| (d.date, d.range.clone())),
                "{text:?}"
            );
        }
    }

    #[test]
    fn find_date_stops_at_the_first_wanted_date() {
        let text = "từ ngày 01/12/2025 đến ngày 31/12/2025, trước ngày 15/01/2026";
        let all = find_dates(text);
        assert_eq!(all.len(), 3);
        let second = find_date(text, |d| d.range.start > all[0].range.start);
        assert_eq!(second.map(|d| d.range), Some(all[1].range.clone()));
        assert!(find_date("không có ngày nào", |_| true).is_none());
    }

    fn dates(text: &str, year: Option<u16>) -> Vec<String> {
        find_dates_in_year(text, year)
            .into_iter()
            .map(|d| d.date.to_string())
            .collect()
    }

    #[test]
    fn date_forms_of_research_section_6() {
        for (text, want) in [
            // §6 #1/#2 (Nghị định 30/2020/NĐ-CP)
            ("Hà Nội, ngày 05 tháng 3 năm 2020", vec!["2020-03-05"]),
            ("ngày 05 tháng 3 năm 2020 của Chính phủ", vec!["2020-03-05"]),
            // #1b seeds/000: blank day
            ("Bình Phước, ngày tháng 9 năm 2021", vec!["2021-09"]),
            // dev/d031: wrapped place-date line
            ("*Hà Nội, ngày 17\ntháng 11 năm 2025*", vec!["2025-11-17"]),
            // #3 seeds/001
            (
                "Chỉ thị 17-CT/TU ngày 14/7/2022 của Ban Thường vụ",
                vec!["2022-07-14"],
            ),
            // #4, #4b seeds/003
            (
                "Nghị quyết số 35-NQ/TW, ngày 22-10-2018 của Bộ Chính trị",
                vec!["2018-10-22"],
            ),
            // dev/d054: spaces inside
            ("số:  256/2004/QĐ-UB ngày 01/ 7 /2004", vec!["2004-07-01"]),
            // dev/d070, dev/d075: dotted
            (
                "Ngày Giải phóng miền Nam (30.4.1975 - 30.4.2025)",
                vec!["1975-04-30", "2025-04-30"],
            ),
            // #6 seeds/000, seeds/002
            (
                "vào tuần cuối tháng 9/2021 (thời gian cụ thể",
                vec!["2021-09"],
            ),
            ("dự kiến xuất bản tháng 9/2020.", vec!["2020-09"]),
            ("tháng 9 năm 2021", vec!["2021-09"]),
            // #9
            (
                "chương trình công tác tuyên giáo năm 2021, Ban Tuyên giáo",
                vec!["2021"],
            ),
            // #11 seeds/001: anniversary ranges are two dates
            (
                "(20/02/2003 – 20/02/2023) và (01/5/2003 - 01/5/2023)",
                vec!["2003-02-20", "2023-02-20", "2003-05-01", "2023-05-01"],
            ),
            // #13 seeds/002
            ("gửi Tiểu ban trước ngày 30/6/2020.", vec!["2020-06-30"]),
            // not dates: quarters, durations, outline numbers, thousands, ranges, parts of a year
            (
                "giao ban công tác tuyên giáo quý III/2021, quý I/2021",
                vec![],
            ),
            (
                "trước khi diễn ra hội nghị 03 ngày; trong ½ ngày; 01 ngày.",
                vec![],
            ),
            (
                "6.1. Mời Thường trực; 2.2. Ở điểm cầu; 23.000 đảng viên",
                vec![],
            ),
            (
                "nhiệm kỳ 2020 - 2025; nhiệm kỳ 2021-2026; (1930 - 2020); giai đoạn 2022 – 2025",
                vec![],
            ),
            (
                "6 tháng đầu năm 2023; 6 tháng cuối năm 2023; hằng năm 2024",
                vec![],
            ),
            ("Đến nay, 10/10 huyện; 5/5 đảng ủy; Covid-19", vec![]),
            // numbers are not dates
            ("Nghị định 30/2020/NĐ-CP; Luật số 51/2024/QH15", vec![]),
            // invalid days
            ("ngày 30/02/2021 và ngày 31 tháng 4 năm 2021", vec![]),
            // lunar: not converted
            ("Giỗ Tổ Hùng Vương (10/3/2024 âm lịch)", vec![]),
        ] {
            assert_eq!(dates(text, None), want, "{text:?}");
        }
    }

    #[test]
    fn day_month_needs_a_context_year() {
        for (text, want) in [
            // seeds/001, seeds/002, seeds/003
            ("Sáng ngày 14 - 6, Đoàn Kiểm tra", vec!["2023-06-14"]),
            ("Chiều 5/6, Tiểu ban Tuyên truyền", vec!["2023-06-05"]),
            ("tổ chức sáng nay 30-3.", vec!["2023-03-30"]),
            // dev/d078
            ("Ngày 23.4, Trung tá Trương Quốc Sỹ", vec!["2023-04-23"]),
            // recurring, not a date
            ("Trước ngày 15/12 hàng năm", vec![]),
            ("Đến nay, 10/10 huyện", vec![]),
        ] {
            assert_eq!(dates(text, Some(2023)), want, "{text:?}");
            if !want.is_empty() {
                assert_eq!(dates(text, None), Vec::<String>::new(), "{text:?}");
            }
        }
    }

    #[test]
    fn place_date_lines() {
        let d = |s: &str| s.parse::<PartialDate>().ok();
        for (line, place, date) in [
            (
                "Bình Phước, ngày tháng 9 năm 2021",
                Some("Bình Phước"),
                d("2021-09"),
            ),
            (
                "*Hà Nội, ngày 17\ntháng 11 năm 2025*",
                Some("Hà Nội"),
                d("2025-11-17"),
            ),
            (
                "Thành phố Huế, ngày 18 tháng 11 năm 2025",
                Some("Thành phố Huế"),
                d("2025-11-18"),
            ),
            (
                "TP. Hồ Chí Minh, ngày 24 tháng 10 năm 2025",
                Some("TP. Hồ Chí Minh"),
                d("2025-10-24"),
            ),
            (
                "Hà Nội, ngày …. tháng …. năm 2015",
                Some("Hà Nội"),
                d("2015"),
            ),
            ("Hà Nội, ngày    tháng    năm 20", Some("Hà Nội"), None),
            ("ngày 05 tháng 3 năm 2020", None, d("2020-03-05")),
            // A meeting of two days: its month (dev/d100).
            (
                "Hà Nội, ngày 20, 21 tháng 03 năm 2002",
                Some("Hà Nội"),
                d("2002-03"),
            ),
            (
                "Đà Nẵng, ngày 5 và 6 tháng 4 năm 2010",
                Some("Đà Nẵng"),
                d("2010-04"),
            ),
            ("Hà Nội, ngày 20 21 tháng 03 năm 2002", Some("Hà Nội"), None),
        ] {
            let got = parse_place_date(line).unwrap_or_else(|| panic!("nothing in {line:?}"));
            assert_eq!((got.0.as_deref(), got.1), (place, date), "{line:?}");
        }
        assert_eq!(parse_place_date("Kính gửi: Sở Y tế"), None);
    }

    #[test]
    fn timestamps_for_news() {
        for (line, want) in [
            ("Thứ tư - 14/06/2023 23:03 722 0", Some("2023-06-14T23:03")),
            ("Thứ sáu 05/06/2020 19:00", Some("2020-06-05T19:00")),
            (
                "Thời gian đăng bài viết gốc: 20:36 ngày 28/08/2025",
                Some("2025-08-28T20:36"),
            ),
            ("Cập nhật 05/06/2020", Some("2020-06-05")),
            ("Thứ hai - 31/02/2023 10:00", None),
            ("không có ngày", None),
        ] {
            assert_eq!(
                parse_timestamp(line).map(|t| t.to_string()).as_deref(),
                want,
                "{line:?}"
            );
        }
    }

    #[test]
    fn plain_day_dates_read_as_the_regex_reads_them() {
        let regex = |text: &str| {
            let caps = Regex::new(&format!("^(?:{})", DATE.as_str()))
                .ok()?
                .captures(text)?;
            accept(&caps, text, None)
        };
        let mut texts = crate::testing::corpus_texts();
        for extra in [
            "ngày 31/2/2020 x",
            "ngày 5/6/20251",
            "ngày 5/6/2025/",
            "ngày 05 tháng 13 năm 2020",
            "Ngày 1 tháng 1 năm 1799.",
            "ngày 10/3/2024 âm lịch",
            "ngày 10/3/2024 (AL)",
            "ngày 7 tháng 8 năm 2025",
            "ngày 7/8/2025",
            "ngày 7/8",
            "ngày 07/08/2025,",
        ] {
            texts.push(extra.to_string());
        }
        let mut checked = 0;
        for t in &texts {
            for (at, _) in t.match_indices("gày ") {
                let Some(start) = t[..at].char_indices().next_back().map(|(i, _)| i) else {
                    continue;
                };
                let text = &t[start..];
                if let Some(fast) = plain_day_date(text) {
                    let slow = regex(text);
                    assert_eq!(
                        slow.as_ref().map(|d| (d.date, d.range.clone())),
                        Some((fast.date, fast.range.clone())),
                        "{:?}",
                        &text[..text.len().min(40)]
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 300, "only {checked} plain dates checked");
    }

    #[test]
    fn lunar_dates_are_flagged() {
        assert!(find_lunar("Rằm tháng Giêng năm Giáp Thìn").is_some());
        assert!(find_lunar("(Tức ngày 01 tháng 06 âm lịch)").is_some());
        assert!(find_lunar("ngày 05 tháng 3 năm 2020").is_none());
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_real_dates(s in "[0-9ngàythángnămSáng/\\-.–: \n]{0,40}") {
            for d in find_dates_in_year(&s, Some(2024)) {
                proptest::prop_assert!(s.is_char_boundary(d.range.start) && s.is_char_boundary(d.range.end));
                // Every date found exists: it survives its own ISO round trip.
                proptest::prop_assert_eq!(d.date.to_string().parse::<PartialDate>().ok(), Some(d.date));
            }
            let _ = parse_place_date(&s);
            if let Some(t) = parse_timestamp(&s) {
                proptest::prop_assert!(t.to_string().starts_with(&t.date.to_string()));
            }
        }
    }
}
