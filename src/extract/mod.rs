//! Field extraction: normalised text → segments → one extractor per field family → [`Record`].

use std::path::Path;

use crate::error::{Error, Result};
use crate::options::Options;
use crate::record::{Kind, Person, Record, Signer};
use crate::segment::{segment, Segments};

pub(crate) mod actions;
pub(crate) mod date;
pub(crate) mod header;
pub(crate) mod kind;
pub(crate) mod news;
pub(crate) mod number;
pub(crate) mod people;
pub(crate) mod phrases;
pub(crate) mod recipients;
pub(crate) mod references;
pub(crate) mod signature;
pub(crate) mod subject;

/// Extracts the record of one document from its text (any normalisation state: the text is
/// normalised first with default options).
pub fn extract(text: &str) -> Record {
    extract_with(text, &Options::default())
}

/// Extracts the record of one document with the given options (tone style, source name).
///
/// The text is normalised, split into segments (header, title, recipients, body, signature,
/// distribution; news frame; boilerplate dropped), and each field is read from its segment.
/// Nothing is guessed: what the document does not say stays `None` / empty, and what could
/// not be read is reported in `warnings`.
pub fn extract_with(text: &str, opts: &Options) -> Record {
    let text = crate::normalize::normalize_str(text, opts);
    let seg = segment(&text);
    let mut record = Record {
        source: opts.source_name().map(str::to_string),
        kind: kind::kind(&seg),
        ..Record::default()
    };
    fill(&mut record, &seg);
    if opts.tone_style() != crate::options::Tone::Old {
        restyle(&mut record, opts);
    }
    record
}

/// Dictionary values (type names, written-out abbreviations) are stored in the old tone style
/// ("Ủy ban"); the record follows the chosen one ("Uỷ ban").
fn restyle(record: &mut Record, opts: &Options) {
    let fix = |s: &mut String| {
        if let std::borrow::Cow::Owned(o) = crate::normalize::normalize_str(s, opts) {
            *s = o;
        }
    };
    if let Some(d) = record.doc_type.as_mut() {
        fix(d);
    }
    if let Some(issuer) = record.issuer.as_mut() {
        fix(&mut issuer.name);
        if let Some(p) = issuer.parent.as_mut() {
            fix(p);
        }
        if let Some(f) = issuer.full.as_mut() {
            fix(f);
        }
    }
}

fn fill(record: &mut Record, seg: &Segments<'_>) {
    let mut warnings = Vec::new();
    let body = seg.body_text();
    match record.kind {
        Kind::Dispatch => {
            let h = header::header(seg, &mut warnings);
            record.doc_type = h.doc_type;
            record.number = h.number;
            record.number_parts = h.number_parts;
            record.date = h.date;
            record.place = h.place;
            record.issuer = h.issuer;
            record.subject = subject::subject(seg);
            record.recipients = recipients::recipients(seg);
            record.distribution = recipients::distribution(seg);
            record.signer = signature::signer(seg);
            if record.date.is_none() {
                record.date = adoption_date(&body);
            }
            if record.doc_type.is_none()
                && record.number_parts.is_none()
                && !record.recipients.is_empty()
            {
                // A công văn whose header was lost: it opens with "Kính gửi" and has no title
                // (dev/d024, d027).
                record.doc_type = Some("Công văn".to_string());
            }
        }
        Kind::News | Kind::Other => {
            let n = news::news(seg);
            record.title = n.title;
            if record.kind == Kind::News {
                record.published_at = n.published_at;
                record.date = n.date;
                record.author = n.author;
                record.news_source = n.source;
            } else if let Some((place, date)) = place_date_near_top(seg) {
                record.place = Some(place);
                record.date = Some(date);
            }
        }
    }
    // Citations may sit in the subject or title block too ("V/v triển khai Kế hoạch số …").
    let mut cited = seg.text(seg.subject.clone());
    let body_at = cited.len();
    cited.push_str(&body);
    let phrases = phrases::scan(&cited, body_at);
    // A document named by its type and title ("Điều lệ Đảng" in the charter) is not cited by
    // itself.
    let own_title = record
        .doc_type
        .as_deref()
        .zip(record.subject.as_deref().or(record.title.as_deref()));
    record.references = references::references_with(
        &cited,
        record.number.as_deref(),
        own_title,
        &phrases.doc_types,
    );
    record.people = people::people(&body, &phrases.positions);
    if let Some(signer) = &record.signer {
        merge_signer(&mut record.people, signer);
    }
    record.action_items = actions::action_items(&body);
    lunar_deadlines(&record.action_items, &mut warnings);
    record.warnings = warnings;
}

/// The place and date of a text that is neither a dispatch nor a report (a speech, a
/// commentary), from a place-date line near its top, as dispatches give them ("Hà Nội, ngày
/// 20, 21 tháng 03 năm 2002", dev/d100): a line of its own, within the first 40.
fn place_date_near_top(seg: &Segments<'_>) -> Option<(String, crate::record::PartialDate)> {
    let lines = seg
        .place_date
        .clone()
        .into_iter()
        .chain((0..seg.lines.len().min(40)).map(|i| i..i + 1));
    lines.into_iter().find_map(|range| {
        let line = seg.text(range);
        if line.chars().count() > 60 {
            return None;
        }
        match header::place_date(&line) {
            (Some(place), Some(date)) => Some((place, date)),
            _ => None,
        }
    })
}

/// The date in the closing formula of a law or resolution, when the header has no place-date
/// line: "Nghị quyết này được Ủy ban Thường vụ Quốc hội … thông qua ngày 16 tháng 6 năm 2025"
/// (dev/d042); "Luật này đã được Quốc hội … thông qua ngày …". Markdown emphasis inside the
/// date is ignored.
fn adoption_date(body: &str) -> Option<crate::record::PartialDate> {
    let at = body.rfind("thông qua")?;
    let tail: String = body[at + "thông qua".len()..]
        .chars()
        .take(80)
        .filter(|&c| c != '*' && c != '_')
        .collect();
    let tail = tail.trim_start();
    if !tail.starts_with("ngày") {
        return None;
    }
    date::find_dates(tail)
        .into_iter()
        .find(|d| d.range.start <= "ngày ".len() + 1)
        .map(|d| d.date)
}

/// Notes each task whose only deadline is a lunar date ("trước Rằm tháng Giêng", "mùng 10 tháng
/// Chạp"): vanban does not convert the lunar calendar, so `deadline` stays null and the reader is
/// told why.
fn lunar_deadlines(items: &[crate::record::ActionItem], warnings: &mut Vec<String>) {
    for item in items.iter().filter(|item| item.deadline.is_none()) {
        let Some(found) = date::find_lunar(&item.text) else {
            continue;
        };
        // The three words before the lunar expression name the day ("trước ngày 10/3 âm lịch").
        let before = &item.text[..found.start];
        let start = before
            .char_indices()
            .rev()
            .filter(|(_, c)| c.is_whitespace())
            .nth(3)
            .map_or(0, |(i, c)| i + c.len_utf8());
        let phrase = item.text[start..found.end].trim();
        warnings.push(format!(
            "lunar-calendar deadline not converted: \"{phrase}\""
        ));
    }
}

/// Adds the signer to `people` (CONVENTIONS): once, with the signature's title unless a title
/// already seen for the person begins with it.
fn merge_signer(people: &mut Vec<Person>, signer: &Signer) {
    let Some(name) = signer.name.as_deref() else {
        return;
    };
    let key = name.to_lowercase();
    let title = signer.title.as_deref();
    match people.iter_mut().find(|p| p.name.to_lowercase() == key) {
        Some(p) => {
            if let Some(t) = title {
                let t_l = t.to_lowercase();
                if !p.titles.iter().any(|x| x.to_lowercase().starts_with(&t_l)) {
                    p.titles.push(t.to_string());
                }
            }
        }
        None => people.push(Person {
            name: name.to_string(),
            titles: title.map(|t| vec![t.to_string()]).unwrap_or_default(),
        }),
    }
}

/// Decodes (per `opts`' encoding), normalises and extracts a document held in memory.
pub fn extract_bytes(bytes: &[u8], opts: &Options) -> Result<Record> {
    // `extract_with` normalises the decoded text itself: normalising here too would scan twice.
    let decoded = crate::normalize::decode(bytes, opts.input_encoding())?;
    Ok(extract_with(&decoded.text, opts))
}

/// Reads, decodes, normalises and extracts one file. The record's `source` is the path unless
/// `opts` names another.
pub fn extract_file(path: &Path, opts: &Options) -> Result<Record> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.into(),
        source,
    })?;
    let opts = match opts.source_name() {
        Some(_) => opts.clone(),
        None => opts.clone().source(path.display().to_string()),
    };
    extract_bytes(&bytes, &opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_000: &str = include_str!("../../corpus/seeds/000_77c515b30785bc67.txt");
    const SEED_001: &str = include_str!("../../corpus/seeds/001_6f18e75c22ead646.txt");
    const SEED_002: &str = include_str!("../../corpus/seeds/002_4c4fd20774bcd057.txt");
    const SEED_003: &str = include_str!("../../corpus/seeds/003_33f196b0544b334b.txt");

    #[test]
    fn a_resolution_without_a_date_line_is_dated_by_its_adoption() {
        assert_eq!(
            adoption_date("Điều 3. Tổ chức thực hiện.\n*Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV thông qua **ngày** 16 **tháng** 6* *năm 2025.*")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2025-06-16")
        );
        assert_eq!(adoption_date("Dự thảo được thông qua tại phiên họp."), None);
    }

    #[test]
    fn a_commentary_is_dated_by_its_place_date_line() {
        let text = "Diễn đàn kinh tế mùa xuân\n\nBài bình luận về đổi mới doanh nghiệp\n\n\
                    Ông Nguyễn Văn An\nViện trưởng\nViện Kinh tế\n\nĐà Nẵng, ngày 20, 21 tháng 03 năm 2002\n\n\
                    Thưa các quý vị, tôi xin có mấy ý kiến về quá trình chuyển đổi doanh nghiệp \
                    trong những năm gần đây và những bài học rút ra cho giai đoạn tới.\n";
        let found = place_date_near_top(&segment(text)).map(|(p, d)| (p, d.to_string()));
        assert_eq!(found, Some(("Đà Nẵng".to_string(), "2002-03".to_string())));
        // Only a line that holds nothing else.
        let long = text.replace(
            "Đà Nẵng, ngày",
            "Ý kiến nêu tại hội thảo tổ chức ở Đà Nẵng, ngày",
        );
        assert_eq!(place_date_near_top(&segment(&long)), None);
    }

    #[test]
    fn a_lunar_deadline_is_left_null_and_noted() {
        let text = "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN CAN LỘC            Độc lập - Tự do - Hạnh phúc
Số: 12/UBND-VP           Can Lộc, ngày 05 tháng 01 năm 2024
V/v tổ chức đón Tết Nguyên đán

Kính gửi: Ủy ban nhân dân các xã, thị trấn.

Để nhân dân đón Tết vui tươi, an toàn, Ủy ban nhân dân huyện:
1. Giao Phòng Văn hóa và Thông tin tổ chức hội báo xuân trước ngày 25 tháng Chạp.
2. Giao Phòng Lao động - Thương binh và Xã hội thăm hỏi các gia đình chính sách trước ngày 20/01/2024.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An
";
        let r = extract(text);
        assert_eq!(r.action_items.len(), 2, "{:#?}", r.action_items);
        assert_eq!(r.action_items[0].deadline, None);
        assert_eq!(
            r.action_items[1].deadline.map(|d| d.to_string()).as_deref(),
            Some("2024-01-20")
        );
        assert_eq!(
            r.warnings,
            ["lunar-calendar deadline not converted: \"trước ngày 25 tháng Chạp\""]
        );
    }

    #[test]
    fn seed_dispatch_comes_out_complete() {
        let r = extract(SEED_000);
        assert_eq!(r.kind, Kind::Dispatch);
        assert_eq!(r.doc_type.as_deref(), Some("Công văn"));
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2021-09"));
        assert_eq!(r.place.as_deref(), Some("Bình Phước"));
        let issuer = r.issuer.expect("issuer");
        assert_eq!(issuer.name, "Ban Tuyên giáo");
        assert_eq!(issuer.parent.as_deref(), Some("Tỉnh ủy Bình Phước"));
        assert_eq!(
            issuer.full.as_deref(),
            Some("Ban Tuyên giáo Tỉnh ủy Bình Phước")
        );
        assert_eq!(
            r.subject.as_deref(),
            Some("tổ chức hội nghị trực tuyến giao ban công tác tuyên giáo quý III/2021")
        );
        assert_eq!(r.recipients.len(), 11);
        assert_eq!(r.recipients[0], "Ủy ban MTTQ và các đoàn thể CT-XH tỉnh");
        assert_eq!(
            r.distribution,
            vec![
                "Như trên",
                "Ban Tuyên giáo Tỉnh ủy",
                "Lưu Văn phòng Tỉnh ủy"
            ]
        );
        let signer = r.signer.expect("signer");
        assert_eq!(signer.name.as_deref(), Some("Hà Anh Dũng"));
        assert_eq!(signer.title.as_deref(), Some("Trưởng ban"));
        assert_eq!(signer.authority, None);
        assert!(r.people.iter().any(|p| p.name == "Hà Anh Dũng"));
        assert_eq!(
            (r.title, r.published_at, r.author, r.news_source),
            (None, None, None, None)
        );
    }

    #[test]
    fn seed_news_come_out_complete() {
        let r = extract(SEED_001);
        assert_eq!(r.kind, Kind::News);
        assert_eq!(
            r.title.as_deref(),
            Some("Ban Tuyên giáo Tỉnh ủy kiểm tra công tác tuyên giáo 6 tháng tại huyện Bù Đốp")
        );
        assert_eq!(r.published_at.as_deref(), Some("2023-06-14T23:03"));
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2023-06-14"));
        assert_eq!(r.author.as_deref(), Some("Duy Khiêm"));
        assert_eq!((r.issuer, r.number, r.signer), (None, None, None));
        // Nothing from the "Văn bản mới" list after the report becomes a reference.
        assert!(r
            .references
            .iter()
            .all(|x| x.number.as_deref() != Some("1383-CV/BTGTU")));

        let r = extract(SEED_002);
        assert_eq!(r.kind, Kind::News);
        assert_eq!(r.published_at.as_deref(), Some("2020-06-05T19:00"));
        assert_eq!(r.author.as_deref(), Some("K.X"));
        assert!(r
            .title
            .is_some_and(|t| t.starts_with("Họp Tiểu ban Tuyên truyền")));

        let r = extract(SEED_003);
        assert_eq!(r.kind, Kind::News);
        assert_eq!(r.news_source.as_deref(), Some("Báo Bình Phước"));
        assert_eq!((r.title, r.author), (None, None));
    }

    #[test]
    fn dictionary_values_follow_the_tone_style() {
        // composed/state_12: "UBND TỈNH BÌNH PHƯỚC" is written out from the dictionary.
        let text = "UBND TỈNH BÌNH PHƯỚC\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 45/STTTT-TTBCXB\nBình Phước, ngày 10 tháng 01 năm 2024\n";
        let old = extract(text).issuer.and_then(|i| i.parent);
        assert_eq!(old.as_deref(), Some("Ủy ban nhân dân tỉnh Bình Phước"));
        let opts = Options::default().tone(crate::options::Tone::New);
        let new = extract_with(text, &opts).issuer.and_then(|i| i.parent);
        assert_eq!(new.as_deref(), Some("Uỷ ban nhân dân tỉnh Bình Phước"));
    }

    #[test]
    fn hostile_inputs_give_empty_records() {
        let garbage: String = (0u32..20_000)
            .map(|i| char::from_u32((i * 7919) % 0x2FFF).unwrap_or('?'))
            .collect();
        let boilerplate_only =
            "Ý kiến bạn đọc\nVăn bản mới\nlượt xem: 105 | lượt tải:111\nĐăng nhập\n";
        for text in [
            "",
            "\n\n\n",
            "|\n|\n**\n",
            &garbage,
            boilerplate_only,
            "Số:",
            "Kính gửi:",
            "Nơi nhận:",
            "T/M",
        ] {
            let r = extract(text);
            assert_eq!(r.number, None, "{text:?}");
            assert_eq!(r.issuer, None, "{text:?}");
            assert_eq!(r.signer, None, "{text:?}");
            assert!(r.recipients.iter().all(|x| !x.is_empty()), "{text:?}");
            assert!(r.distribution.is_empty(), "{text:?}");
        }
        assert_eq!(extract(boilerplate_only).kind, Kind::Other);
    }

    #[test]
    fn large_document_is_read_in_one_pass() {
        let mut big = String::from(SEED_000);
        while big.len() < 4_000_000 {
            big.push_str("Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác tuyên giáo quý III/2021.\n");
        }
        let r = extract(&big);
        assert_eq!(r.issuer.map(|i| i.name).as_deref(), Some("Ban Tuyên giáo"));
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2021-09"));
    }
}
