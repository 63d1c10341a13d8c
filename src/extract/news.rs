//! News reports: headline, publication time, byline author and source credit.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::date;
use crate::record::PartialDate;
use crate::segment::{self, Segments};

/// What a news report's frame gives.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct News {
    pub title: Option<String>,
    pub published_at: Option<String>,
    pub date: Option<PartialDate>,
    pub author: Option<String>,
    pub source: Option<String>,
}

/// A dateline tag opening the first paragraph: "(BĐ) - Ông …", "(binhdinh.gov.vn) - …",
/// "(TTXVN) - …".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\((?P<s>[\p{L}\d./ &-]{2,40})\)\s*[-–—:]").expect("dateline regex")
});

/// A source tag closing a paragraph: "… nhiệm kỳ mới. (TTXVN)".
static TRAILING_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?P<s>[\p{Lu}Đ][\p{L}./ ]{1,40})\)\.?$").expect("tag regex"));

static INLINE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^Theo (?P<s>(?:Báo|Tạp chí|Cổng|Trang|Đài|Thông tấn xã|TTXVN|VTV|VOV|Văn phòng)[^,;:.]{0,60}),")
        .expect("inline credit regex")
});

static BYLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?P<author>tác giả|bài(?:\s*(?:và|,)\s*ảnh)?|tin(?:\s*(?:và|,)\s*ảnh)?|nhóm phóng viên|pv)|(?P<source>nguồn|theo))\s*[:.]?\s+(?P<v>.+)$")
        .expect("byline label regex")
});

static ISO_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<i>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<z>Z|[+-]\d{2}:?\d{2})?)?")
        .expect("iso time regex")
});

/// Reads the news frame of `seg`.
pub(crate) fn news(seg: &Segments<'_>) -> News {
    let mut n = News {
        title: headline(seg),
        ..News::default()
    };
    let stamp = seg
        .time_line
        .and_then(|i| date::parse_timestamp(seg.line(i)))
        .or_else(|| seg.metadata.iter().find_map(|m| date::parse_timestamp(m)))
        .or_else(|| {
            repost_tail(seg)
                .find(|&i| is_repost_time(seg.line(i)))
                .and_then(|i| date::parse_timestamp(seg.line(i)))
        });
    if let Some(ts) = stamp {
        n.published_at = Some(ts.to_string());
        n.date = Some(ts.date);
    } else if let Some((text, d)) = seg.front_matter.date.and_then(front_matter_time) {
        n.published_at = Some(text);
        n.date = Some(d);
    }
    let (author, source) = byline(seg);
    n.author = author;
    n.source = source;
    n
}

fn headline(seg: &Segments<'_>) -> Option<String> {
    let raw = match seg.front_matter.title {
        Some(t) => t.to_string(),
        None => seg.line(seg.headline?).to_string(),
    };
    let t = raw
        .trim()
        .trim_matches(|c: char| c == '*' || c == '#')
        .trim()
        .trim_end_matches('.');
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// "2020-03-05T02:00:00.000Z" → "2020-03-05T09:00" (Vietnam time, UTC+7), the date alone when
/// no time is given.
fn front_matter_time(s: &str) -> Option<(String, PartialDate)> {
    let c = ISO_TIME.captures(s.trim())?;
    let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u16>().ok());
    let (y, m, d) = (num("y")?, num("m")? as u8, num("d")? as u8);
    let mut date = PartialDate::ymd(y, m, d)?;
    let (Some(h), Some(i)) = (num("h"), num("i")) else {
        return Some((date.to_string(), date));
    };
    let mut h = h as i32;
    if c.name("z").is_some_and(|z| z.as_str() == "Z") {
        h += 7;
        if h >= 24 {
            h -= 24;
            date = next_day(date)?;
        }
    }
    if h > 23 || i > 59 {
        return None;
    }
    Some((format!("{date}T{h:02}:{i:02}"), date))
}

fn next_day(d: PartialDate) -> Option<PartialDate> {
    let (y, m, day) = (d.year, d.month?, d.day?);
    PartialDate::ymd(y, m, day + 1)
        .or_else(|| PartialDate::ymd(y, m + 1, 1))
        .or_else(|| PartialDate::ymd(y + 1, 1, 1))
}

/// Author and source from the byline lines, the dateline or a closing source tag.
fn byline(seg: &Segments<'_>) -> (Option<String>, Option<String>) {
    let mut author: Option<String> = None;
    let mut source: Option<String> = None;
    let mut tag: Option<String> = None;
    for i in seg.byline.clone() {
        let s = seg.line(i).trim();
        if let Some(c) = BYLINE_LABEL.captures(s) {
            let v = clean_value(&c["v"]);
            if v.is_empty() {
                continue;
            }
            if c.name("author").is_some() {
                author.get_or_insert(v);
            } else if let Some((who, outlet)) = split_credit(&v) {
                // "Theo DUY CƯỜNG/SGGP": the writer, then the outlet.
                author.get_or_insert(who);
                source = Some(outlet);
            } else {
                source = Some(v);
            }
            continue;
        }
        if let Some(c) = TRAILING_TAG.captures(s) {
            if c.get(0).is_some_and(|m| m.start() == 0) {
                let inner = clean_value(&c["s"]);
                // "(Theo TIẾN TRUNG/NDO)" (dev/d075): a credit in brackets.
                if let Some(credit) = BYLINE_LABEL
                    .captures(&inner)
                    .filter(|c| c.name("source").is_some())
                {
                    let v = clean_value(&credit["v"]);
                    match split_credit(&v) {
                        Some((who, outlet)) => {
                            author.get_or_insert(who);
                            source = Some(outlet);
                        }
                        None => source = Some(v),
                    }
                } else {
                    tag.get_or_insert(inner);
                }
                continue;
            }
        }
        if segment::is_byline(s) || segment::is_name_like(s) {
            author.get_or_insert_with(|| clean_value(s));
        }
    }
    if source.is_none() {
        // "(BĐ) - Ông Nguyễn Bay …" (dev/d072), "… (TTXVN)" closing the last paragraph.
        let first = seg.body.clone().next().map(|i| seg.line(i)).unwrap_or("");
        let dateline = DATELINE.captures(first).map(|c| clean_value(&c["s"]));
        let closing = seg
            .body
            .clone()
            .last()
            .and_then(|i| TRAILING_TAG.captures(seg.line(i)))
            .map(|c| clean_value(&c["s"]))
            .filter(|s| s.split_whitespace().count() <= 3 && segment::is_upper(s));
        // "Theo Báo Phụ nữ Việt Nam, đây là …" (dev/d064): a credit opening a paragraph.
        let inline = seg.body.clone().take(4).find_map(|i| {
            INLINE_CREDIT
                .captures(seg.line(i))
                .map(|c| clean_value(&c["s"]))
        });
        // "Theo Cổng Thông tin điện tử Chính phủ" above the repost's link and time lines
        // (dev/d098).
        let reposted = repost_tail(seg).find_map(|i| {
            let line = seg.line(i);
            let c = BYLINE_LABEL
                .captures(line)
                .filter(|c| c.name("source").is_some())?;
            (line.len() <= 80).then(|| clean_value(&c["v"]))
        });
        source = tag.or(dateline).or(closing).or(inline).or(reposted);
    }
    (author, source)
}

/// The last lines of the body, where a reposted report keeps its credit, link and time
/// ("Theo …", "Link bài viết gốc: …", "Ngày giờ đăng bài viết gốc: 20:00 22/05/2025").
pub(crate) fn repost_tail<'s>(seg: &'s Segments<'_>) -> impl Iterator<Item = usize> + 's {
    let end = seg.body.end;
    let start = end.saturating_sub(4).max(seg.body.start);
    start..end
}

/// "Ngày giờ đăng bài viết gốc: …", "Thời gian đăng: …", "Ngày đăng: …": the publication time
/// of a reposted report.
pub(crate) fn is_repost_time(line: &str) -> bool {
    line.len() < 100
        && ["Ngày giờ đăng", "Thời gian đăng", "Ngày đăng", "Giờ đăng"]
            .iter()
            .any(|p| line.starts_with(p))
}

/// A repost's closing lines: its time, or a link to the original report.
pub(crate) fn is_repost_line(line: &str) -> bool {
    is_repost_time(line) || line.starts_with("Link bài viết gốc")
}

fn split_credit(v: &str) -> Option<(String, String)> {
    let (who, outlet) = v.split_once('/')?;
    let (who, outlet) = (who.trim(), outlet.trim());
    (segment::is_upper(who)
        && !who.is_empty()
        && !outlet.is_empty()
        && who.split_whitespace().count() <= 4)
        .then(|| (who.to_string(), outlet.to_string()))
}

fn clean_value(s: &str) -> String {
    let s = s
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '(' | ')' | '"'))
        .trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn seed_news_frames() {
        // seeds/001 (shortened): headline, weekday time line with counters, "Tác giả:" byline.
        let s001 = "Ban Tuyên giáo Tỉnh ủy kiểm tra công tác tuyên giáo 6 tháng tại huyện Bù Đốp\n\nThứ tư - 14/06/2023 23:03 722 0\nSáng ngày 14 - 6, Đoàn Kiểm tra của Ban Tuyên giáo Tỉnh ủy đã tiến hành kiểm tra.\n\nTác giả: Duy Khiêm.\n\nTổng số điểm của bài viết là: 5 trong 1 đánh giá\n\n  Ý kiến bạn đọc\n\nVăn bản mới\n";
        let n = news(&segment(s001));
        assert_eq!(
            n.title.as_deref(),
            Some("Ban Tuyên giáo Tỉnh ủy kiểm tra công tác tuyên giáo 6 tháng tại huyện Bù Đốp")
        );
        assert_eq!(n.published_at.as_deref(), Some("2023-06-14T23:03"));
        assert_eq!(n.author.as_deref(), Some("Duy Khiêm"));
        assert_eq!(n.source, None);
        // seeds/003 (shortened): no headline, "Theo Báo Bình Phước", related-news boilerplate.
        let s003 = "Ban Tuyên giáo các cấp trong tỉnh đã chủ động nắm thông tin. Đó là kết quả nổi bật được nêu tại hội nghị.\n\nNhững kiến nghị cũng được ghi nhận.\n\nTheo Báo Bình Phước\n\nCác tin liên quan đến bài viết này\n/1954-21/7/2024)\n";
        let n = news(&segment(s003));
        assert_eq!(
            (n.title, n.author, n.source.as_deref()),
            (None, None, Some("Báo Bình Phước"))
        );
        // dev/d072: dateline tag and initials in capitals.
        let d072 = "(BĐ) - Ông Nguyễn Bay, Giám đốc Trung tâm xúc tiến đầu tư tỉnh, cho biết: tỉnh đã thu hút thêm 36 dự án.\nTrong tổng số 36 dự án mới, có 25 dự án thuộc lĩnh vực công nghiệp.\nT.SỸ\n";
        let n = news(&segment(d072));
        assert_eq!(
            (n.author.as_deref(), n.source.as_deref()),
            (Some("T.SỸ"), Some("BĐ"))
        );
    }

    #[test]
    fn a_reposted_report_keeps_its_time_and_source_at_the_end() {
        // dev/d098 (shortened)
        let text = "THÔNG CÁO ĐẶC BIỆT VỀ LỄ QUỐC TANG\nBan Lễ tang trân trọng thông báo lễ viếng được tổ chức tại Hà Nội.\nCác cơ quan treo cờ rủ.\nBAN LỄ TANG\nTheo Cổng Thông tin điện tử Chính phủ\nLink bài viết gốc: http://baochinhphu.vn/a.htm\nNgày giờ đăng bài viết gốc: 20:00 22/05/2025\n";
        let n = news(&segment(text));
        assert_eq!(n.published_at.as_deref(), Some("2025-05-22T20:00"));
        assert_eq!(n.date.map(|d| d.to_string()).as_deref(), Some("2025-05-22"));
        assert_eq!(
            n.source.as_deref(),
            Some("Cổng Thông tin điện tử Chính phủ")
        );
    }

    #[test]
    fn front_matter_times_in_vietnam_time() {
        for (s, want) in [
            ("2020-03-05T02:00:00.000Z", Some("2020-03-05T09:00")),
            ("2020-12-31T20:30:00Z", Some("2021-01-01T03:30")),
            ("2020-03-05", Some("2020-03-05")),
            ("2020-13-05", None),
        ] {
            assert_eq!(front_matter_time(s).map(|(t, _)| t).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn credits() {
        assert_eq!(
            split_credit("DUY CƯỜNG/SGGP"),
            Some(("DUY CƯỜNG".into(), "SGGP".into()))
        );
        assert_eq!(split_credit("Báo Bình Phước"), None);
    }
}
