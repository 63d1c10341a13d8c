//! Cited documents: "Quy chế số 04-QC/BTGTU ngày 20/3/2023 của Ban Tuyên giáo Tỉnh ủy".
//!
//! Each number [`find_numbers`] finds is a citation. Its type is the type word before it
//! ("Quy chế số …", "Chỉ thị 05-CT/TW", "Luật Quản lý thuế số 38/2019/QH14"), else its type
//! code (never the party `QĐ`, which is Quyết định or Quy định); its date the "ngày …" right
//! after it (a comma allowed: "35-NQ/TW, ngày 22-10-2018"); its issuer the body after "của".
//! A document cited with no number is kept when it has a date ("Luật Ban hành văn bản quy phạm
//! pháp luật ngày 19 tháng 6 năm 2025") or, for a law, a title ("Luật Bảo hiểm y tế").
//! Each document appears once, with what its citations say put together.

use std::ops::Range;

use crate::dict::{self, DocType};
use crate::extract::date::date_at_start;
use crate::extract::number::{find_numbers, NumberMatch};
use crate::extract::people::{
    body_end, collapse, continue_at, cue_at, is_capitalised, is_cue, skip_spaces, skip_ws,
    word_end, Cue,
};
use crate::record::{NumberParts, PartialDate, Reference, System};
use crate::segment::collapsed;

/// Every other document the body cites, each once, in order of first citation. `own_number`
/// (the document's own number) is never a reference.
pub(crate) fn references(body: &str, own_number: Option<&str>) -> Vec<Reference> {
    references_with(body, own_number, find_numbers(body))
}

/// Like [`references`], with the numbers of `body` already found by [`find_numbers`] (the
/// document-level extractor needs them too).
pub(crate) fn references_with(
    body: &str,
    own_number: Option<&str>,
    numbers: Vec<NumberMatch>,
) -> Vec<Reference> {
    let types = dict::find_doc_types(body);
    let mut found: Vec<Found> = Vec::new();
    let mut cited: Vec<Range<usize>> = Vec::new();
    let mut prev_end = 0;
    for m in numbers {
        // The citing word stands in the same clause, at most a title before the number.
        let window_start = prev_end.max(m.range.start.saturating_sub(CITING_WINDOW));
        prev_end = m.range.end;
        if own_number.is_some_and(|own| own.eq_ignore_ascii_case(&m.number) || own == m.number) {
            continue;
        }
        if m.parts.seq.is_none() {
            // "Quyết định số /2025/QĐ-UBND" in an annex: a blank, no document to cite.
            continue;
        }
        let citing = citing_type(body, &types, window_start, &m);
        let start = citing.as_ref().map_or(m.range.start, |c| c.range.start);
        let doc_type = match &citing {
            Some(c) => Some(c.doc_type.name.to_string()),
            None => type_from_code(&m.parts),
        };
        let tail = tail(body, m.range.end);
        let end = tail.end.max(m.range.end);
        // "Ngày 17/9/2025, Ban chấp hành Trung ương đã ban hành Công văn …": issuer and date
        // before the citation, when none follow it.
        let before = if tail.issuer.is_none() {
            issuer_before(body, start)
        } else {
            (None, None)
        };
        let date = match (tail.date, before.1) {
            (Some(d), Some(full)) if d.month.is_none() && d.year == full.year => Some(full),
            (None, full) => full,
            (d, _) => d,
        };
        cited.push(start..end);
        found.push(Found {
            key: m.number.clone(),
            title: citing.and_then(|c| c.title),
            reference: Reference {
                number: Some(m.number),
                doc_type,
                date,
                issuer: tail.issuer.or(before.0),
                text: clean_text(&body[start..end]),
            },
        });
    }
    untitled(body, &types, &cited, &mut found);
    merge(found)
}

/// How far before a number its type word may stand (bytes): a law's title fits.
const CITING_WINDOW: usize = 240;

struct Found {
    /// The number, or the type and title of an unnumbered document (lower case).
    key: String,
    /// "luật|quản lý thuế": a cited law's title, to match a later mention without number.
    title: Option<String>,
    reference: Reference,
}

struct Citing {
    doc_type: &'static DocType,
    range: Range<usize>,
    title: Option<String>,
}

/// The type word that introduces the number `m`: the nearest one in the same clause, with at
/// most a title between them ("Luật Quản lý thuế số …"); a lower-case type word only right
/// before "số" ("các nghị quyết số …" is still a citation).
fn citing_type(
    text: &str,
    types: &[(&'static DocType, Range<usize>)],
    window_start: usize,
    m: &NumberMatch,
) -> Option<Citing> {
    let first = types.partition_point(|(_, r)| r.start < window_start);
    let candidates = types[first..]
        .iter()
        .take_while(|(_, r)| r.start < m.range.start)
        .filter(|(_, r)| r.end <= m.range.start);
    let mut best = None;
    for (doc_type, r) in candidates {
        let gap = &text[r.end..m.range.start];
        let written = &text[r.clone()];
        let lower = !is_capitalised(written);
        let gap_words = gap.split_whitespace().count();
        let before_so = strip_so(gap).trim().is_empty();
        if lower && !before_so {
            continue;
        }
        if gap_words > 14 || gap.contains([';', '.', '(', ')', '“', '”', '"', '\n']) && !before_so
        {
            continue;
        }
        if gap.contains(':') && !before_so {
            continue;
        }
        // A title must begin with a capital ("Luật Quản lý thuế"); "Quyết định phê duyệt …
        // số" is a description, not a citation of this type.
        let title_text = strip_so(gap).trim();
        if !title_text.is_empty() && !title_text.starts_with(char::is_uppercase) {
            continue;
        }
        let title = (!title_text.is_empty()).then(|| {
            format!(
                "{}|{}",
                doc_type.name.to_lowercase(),
                collapse(title_text).to_lowercase()
            )
        });
        best = Some(Citing {
            doc_type,
            range: r.clone(),
            title,
        });
    }
    best
}

/// `gap` without a trailing "số" / "số:" / "SỐ".
fn strip_so(gap: &str) -> &str {
    let t = gap.trim_end();
    let t = t.strip_suffix(':').unwrap_or(t).trim_end();
    for so in ["số", "Số", "SỐ"] {
        if let Some(rest) = t.strip_suffix(so) {
            if rest.is_empty() || rest.ends_with(char::is_whitespace) {
                return rest;
            }
        }
    }
    t
}

/// The type a bare number's code names: not the party `QĐ` (Quyết định or Quy định); a state
/// number without a type code and without a year is a công văn (`11299/VPCP-KGVX`).
fn type_from_code(parts: &NumberParts) -> Option<String> {
    match &parts.type_code {
        Some(code) => {
            let code = if dict::doc_type_by_code(code, parts.system).is_none() && code.contains('D')
            {
                code.replace('D', "Đ")
            } else {
                code.clone()
            };
            if dict::doc_type_code_is_ambiguous(&code, parts.system) {
                return None;
            }
            dict::doc_type_by_code(&code, parts.system).map(|d| d.name.to_string())
        }
        None if parts.system == System::State && parts.year.is_none() => {
            dict::doc_type_by_name("Công văn").map(|d| d.name.to_string())
        }
        None => None,
    }
}

struct Tail {
    date: Option<PartialDate>,
    issuer: Option<String>,
    end: usize,
}

/// What follows a number: ", ngày …" and "của …".
fn tail(text: &str, at: usize) -> Tail {
    let mut end = at;
    let mut date = None;
    let limit = floor_char(text, (at + 80).min(text.len()));
    if let Some(day) = day_word_at(&text[at..limit]) {
        // The date must open at "ngày": it is read there, anchored.
        if let Some(mut d) = date_at_start(&text[at + day..limit]) {
            d.range = d.range.start + day..d.range.end + day;
            let gap = &text[at..at + d.range.start];
            let gap = gap.trim_matches(|c: char| c.is_whitespace() || c == ',');
            let gap = gap.strip_suffix("ban hành").unwrap_or(gap).trim();
            let head: String = text[at + d.range.start..].chars().take(4).collect();
            let is_day = head.to_lowercase() == "ngày";
            if gap.is_empty() && is_day {
                date = Some(d.date);
                end = at + d.range.end;
            }
        }
    }
    if date.is_none() {
        // "Công văn 9671-CV/BTCTW năm 2025": the year alone, as digests cite.
        if let Some((year, e)) = year_after(text, at) {
            date = Some(PartialDate {
                year,
                month: None,
                day: None,
            });
            end = e;
        }
    }
    let issuer = issuer_after(text, end).map(|(name, e)| {
        end = e;
        name
    });
    Tail { date, issuer, end }
}

/// "năm 2025" right after a number (spaces between): the year and where it ends.
fn year_after(text: &str, at: usize) -> Option<(u16, usize)> {
    let k = skip_spaces(text, at);
    let rest = text[k..].strip_prefix("năm ")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || rest[digits..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let year: u16 = rest[..4].parse().ok()?;
    (1945..=2100)
        .contains(&year)
        .then_some((year, k + "năm ".len() + 4))
}

/// Where "ngày" (any case) opens `rest`, after spaces and commas and an optional "ban hành":
/// the only place where [`tail`] takes a date. Most numbers are not followed by one, and this
/// spares them the date regex.
fn day_word_at(rest: &str) -> Option<usize> {
    fn skip(s: &str) -> &str {
        s.trim_start_matches(|c: char| c.is_whitespace() || c == ',')
    }
    let is_day = |s: &str| {
        s.chars()
            .take(4)
            .flat_map(char::to_lowercase)
            .eq("ngày".chars())
    };
    let at = |s: &str| rest.len() - s.len();
    let first = skip(rest);
    if is_day(first) {
        return Some(at(first));
    }
    let second = skip(first.strip_prefix("ban hành")?);
    is_day(second).then(|| at(second))
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "của Ban Tuyên giáo Tỉnh ủy về …" → "Ban Tuyên giáo Tỉnh ujy". An all-capitals heading
/// ("… CỦA CHÍNH PHỦ BAN HÀNH KẾ HOẠCH …") gives no issuer: its words cannot be told apart.
fn issuer_after(text: &str, at: usize) -> Option<(String, usize)> {
    let k = skip_ws(text, at);
    let k = if text[k..].starts_with(',') {
        skip_ws(text, k + 1)
    } else {
        k
    };
    let we = word_end(text, k)?;
    if &text[k..we] != "của" {
        return None;
    }
    let s = skip_ws(text, we);
    let e = body_end(text, s);
    if e <= s {
        return None;
    }
    let name = collapsed(&text[s..e]);
    let name = name.trim_end_matches([',', '.', ';', ':']).to_string();
    if name.is_empty() || !name.starts_with(char::is_uppercase) {
        return None;
    }
    Some((name, e))
}

/// The body that issued a document cited as "<body> (đã|vừa) ban hành <type> <number>", the
/// way news and digests name it ("Ngày 17/9/2025, Ban chấp hành Trung ương đã ban hành Công
/// văn 9671-CV/BTCTW", dev/d092): the clause before "ban hành" when the whole clause is a
/// body's name opening with a body word.
fn issuer_before(text: &str, start: usize) -> (Option<String>, Option<PartialDate>) {
    match issuer_before_at(text, start) {
        Some((name, clause_start)) => (Some(name), leading_date(&text[..clause_start])),
        None => (None, None),
    }
}

/// "Ngày 17/9/2025," closing `pre` (the text before the issuing clause): that date.
fn leading_date(pre: &str) -> Option<PartialDate> {
    let pre = pre.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    let from = floor_char(pre, pre.len().saturating_sub(40));
    let at = from + pre[from..].rfind("gày ")?;
    let at = pre[..at].char_indices().next_back().map_or(at, |(i, _)| i);
    let d = date_at_start(&pre[at..])?;
    (at + d.range.end == pre.len()).then_some(d.date)
}

/// [`issuer_before`]'s name, and where its clause starts.
fn issuer_before_at(text: &str, start: usize) -> Option<(String, usize)> {
    let before = text[..start].trim_end();
    let mut rest = before.strip_suffix("ban hành")?.trim_end();
    for word in ["ký", "mới", "vừa", "đã"] {
        if let Some(r) = rest.strip_suffix(word) {
            if r.ends_with(char::is_whitespace) {
                rest = r.trim_end();
            }
        }
    }
    // The clause: after the last comma, full stop or line break, at most 120 bytes back.
    let floor = floor_char(rest, rest.len().saturating_sub(120));
    let clause_start = rest[floor..]
        .rfind([',', '.', ';', ':', '\n', '(', '“', '"'])
        .map_or(floor, |p| {
            let at = floor + p;
            at + rest[at..].chars().next().map_or(1, char::len_utf8)
        });
    let s = skip_ws(rest, clause_start);
    if s >= rest.len() || !rest[s..].starts_with(char::is_uppercase) {
        return None;
    }
    let phrase = &rest[s..];
    let central = ["Chính phủ", "Quốc hội", "Thủ tướng", "UBTVQH"]
        .iter()
        .any(|b| phrase.starts_with(b));
    if !central && cue_at(phrase, Cue::BodyHead).is_none() {
        return None;
    }
    // The whole clause must read as one name.
    if body_end(rest, s) < rest.len() {
        return None;
    }
    let name = collapsed(phrase).into_owned();
    (!name.is_empty()).then_some((name, clause_start))
}

/// A citation's text: whitespace collapsed, markdown emphasis removed.
fn clean_text(s: &str) -> String {
    // Removing every "*" removes the "**" pairs too; most citations have none.
    if s.contains('*') {
        collapse(&s.replace('*', ""))
    } else {
        collapsed(s).into_owned()
    }
}

/// Documents cited without a number: a capitalised type word, then a title or nothing, then
/// "ngày …"; or a law (Luật, Bộ luật, Pháp lệnh, Hiến pháp) followed by its title.
fn untitled(
    text: &str,
    types: &[(&'static DocType, Range<usize>)],
    cited: &[Range<usize>],
    found: &mut Vec<Found>,
) {
    let mut covered: Vec<Range<usize>> = Vec::new();
    let mut next_cited = 0;
    for (doc_type, r) in types {
        let written = &text[r.clone()];
        if !is_capitalised(written) {
            continue;
        }
        // `cited` is in text order: skip the citations that end before this word.
        while next_cited < cited.len() && cited[next_cited].end <= r.start {
            next_cited += 1;
        }
        let in_cited = cited[next_cited..]
            .iter()
            .take_while(|c| c.start <= r.start)
            .any(|c| r.start < c.end);
        if in_cited
            || covered
                .last()
                .is_some_and(|c| c.start <= r.start && r.start < c.end)
        {
            continue;
        }
        // Sentence case only: "LUẬT" heads a title block, "luật" is a common noun.
        if !is_capitalised(written)
            || written.chars().skip(1).any(char::is_uppercase)
                && written.chars().all(|c| !c.is_lowercase())
        {
            continue;
        }
        // "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam" (dev/d042).
        let (title_end, title) = law_title(text, r.end, doc_type.name == "Hiến pháp");
        let tail = tail(text, title_end);
        let law = matches!(
            doc_type.name,
            "Luật" | "Pháp lệnh" | "Hiến pháp" | "Điều lệ"
        );
        // "Hiến pháp" needs no title: there is one.
        let title_needed = doc_type.name != "Hiến pháp";
        // "Luật Việt Nam" is a site's name in page dumps, not a law.
        if title == "Việt Nam" {
            continue;
        }
        if tail.date.is_none() && (!law || (title.is_empty() && title_needed)) {
            continue;
        }
        if tail.date.is_some() && !title.is_empty() && !title.starts_with(char::is_uppercase) {
            continue;
        }
        let end = tail.end.max(title_end);
        covered.push(r.start..end);
        let key = format!("{}|{}", doc_type.name.to_lowercase(), title.to_lowercase());
        found.push(Found {
            key: key.clone(),
            title: Some(key),
            reference: Reference {
                number: None,
                doc_type: Some(doc_type.name.to_string()),
                date: tail.date,
                issuer: tail.issuer,
                text: clean_text(&text[r.start..end]),
            },
        });
    }
}

/// The title after a type word: words up to a title stop word ("số", "ngày", "đã", "của" …),
/// "quy định", punctuation or a line break. A title begins with a capital.
fn law_title(text: &str, at: usize, lower_ok: bool) -> (usize, String) {
    let mut end = at;
    let mut j = at;
    let mut first = true;
    let mut prev_cap = false;
    loop {
        let mut k = continue_at(text, j);
        if k == j && !first && text[j..].starts_with(", ") && prev_cap {
            // "Luật Phòng, chống thiên tai": a comma inside a compound after a capital.
            let n = j + 2;
            match word_end(text, n) {
                Some(e)
                    if !is_capitalised(&text[n..e])
                        && !is_cue(&text[n..e].to_lowercase(), Cue::TitleStop) =>
                {
                    k = n
                }
                _ => break,
            }
        }
        if k == j {
            break;
        }
        let Some(we) = word_end(text, k) else { break };
        let w = &text[k..we];
        let lw = w.to_lowercase();
        if first && !is_capitalised(w) && !lower_ok {
            break;
        }
        if lw == "năm" && !first {
            // "Luật Báo chí năm 2016": the year belongs to the title.
            let n = skip_spaces(text, we);
            if let Some(e) = word_end(text, n) {
                if e - n == 4 && text[n..e].bytes().all(|b| b.is_ascii_digit()) {
                    end = e;
                }
            }
            break;
        }
        if lw == "và" {
            // "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân", not "Luật X và
            // Luật Y".
            let n = skip_spaces(text, we);
            let next_is_type =
                dict::find_doc_types(&text[n..floor_char(text, (n + 40).min(text.len()))])
                    .first()
                    .is_some_and(|(_, r)| r.start == 0);
            if next_is_type || n == we {
                break;
            }
        } else if is_cue(&lw, Cue::TitleStop) || w.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        if lw == "quy" || lw == "hướng" {
            let n = skip_spaces(text, we);
            let next = word_end(text, n).map(|e| text[n..e].to_lowercase());
            if matches!(next.as_deref(), Some("định") | Some("dẫn")) {
                break;
            }
        }
        first = false;
        prev_cap = is_capitalised(w);
        if lw != "và" {
            end = we;
        }
        j = we;
    }
    (end, collapse(&text[at..end]))
}

/// One reference per key, in order of first citation; later citations fill in the fields the
/// first one lacked, and the fullest citation's text is kept.
fn merge(found: Vec<Found>) -> Vec<Reference> {
    let mut out: Vec<(String, Option<String>, Reference)> = Vec::new();
    for f in found {
        let existing = out.iter_mut().find(|(k, t, _)| {
            *k == f.key || (f.reference.number.is_none() && t.is_some() && *t == f.title)
        });
        match existing {
            Some((_, _, r)) => {
                let score = |r: &Reference| {
                    r.date.is_some() as u8 + r.issuer.is_some() as u8 + r.doc_type.is_some() as u8
                };
                let new = f.reference;
                if r.number.is_none() && new.number.is_some() {
                    r.number = new.number.clone();
                }
                if score(&new) > score(r) {
                    r.text = new.text.clone();
                }
                if r.doc_type.is_none() {
                    r.doc_type = new.doc_type;
                }
                if r.date.is_none() {
                    r.date = new.date;
                }
                if r.issuer.is_none() {
                    r.issuer = new.issuer;
                }
            }
            None => out.push((f.key, f.title, f.reference)),
        }
    }
    out.into_iter().map(|(_, _, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_after_the_number_and_a_date_opening_the_sentence() {
        let refs = references(
            "Ngày 17/9/2025, Ban chấp hành Trung ương đã ban hành Công văn 9671-CV/BTCTW năm 2025 về vị trí việc làm. Nghị quyết 57-NQ/TW năm 2024 của Bộ Chính trị.",
            None,
        );
        let dates: Vec<String> = refs
            .iter()
            .map(|r| r.date.map(|d| d.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(dates, ["2025-09-17", "2024"]);
        assert_eq!(refs[1].issuer.as_deref(), Some("Bộ Chính trị"));
        // Five digits are no year.
        let refs = references("Kế hoạch 01-KH/TU năm 20255.", None);
        assert_eq!(refs[0].date, None);
    }

    #[test]
    fn the_body_that_issued_before_ban_hanh() {
        for (text, want) in [
            (
                "Ngày 17/9/2025, Ban chấp hành Trung ương đã ban hành Công văn 9671-CV/BTCTW năm 2025.",
                Some("Ban chấp hành Trung ương"),
            ),
            (
                "Ban Tuyên giáo Tỉnh ủy ban hành Hướng dẫn số 93-HD/BTGTU ngày 28/4/2020 chỉ đạo.",
                Some("Ban Tuyên giáo Tỉnh ủy"),
            ),
            (
                "Ban Tuyên giáo Tỉnh ủy tham mưu cho Tỉnh ủy ban hành Kế hoạch số 417-KH/TU ngày 30/12/2019.",
                None,
            ),
            ("Việc ban hành Thông tư số 10/2025/TT-BTC không ảnh hưởng.", None),
        ] {
            let refs = references(text, None);
            assert_eq!(refs.len(), 1, "{text}");
            assert_eq!(refs[0].issuer.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn day_word_at_finds_ngay_after_the_gap() {
        for (rest, at) in [
            (" ngày 20/3/2023", Some(1)),
            (", Ngày 20/3/2023", Some(2)),
            (" ban hành ngày 5/6/2021", Some(11)),
            (", ban hành, ngày 5/6/2021", Some(13)),
            (" của Ban Tuyên giáo", None),
            (" ban hành kèm theo", None),
            ("", None),
        ] {
            assert_eq!(day_word_at(rest), at, "{rest:?}");
        }
    }

    type Row = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
    );

    fn refs(text: &str, own: Option<&str>) -> Vec<Row> {
        references(text, own)
            .into_iter()
            .map(|r| {
                (
                    r.number,
                    r.doc_type,
                    r.date.map(|d| d.to_string()),
                    r.issuer,
                    r.text,
                )
            })
            .collect()
    }

    fn row(
        number: Option<&str>,
        doc_type: Option<&str>,
        date: Option<&str>,
        issuer: Option<&str>,
        text: &str,
    ) -> Row {
        (
            number.map(String::from),
            doc_type.map(String::from),
            date.map(String::from),
            issuer.map(String::from),
            text.to_string(),
        )
    }

    #[test]
    fn seed_citations() {
        // seeds/001
        let text = "Phát huy vai trò của Tổ công tác 03 thành lập theo Đề án số 03-ĐA/TU ngày 16/3/2022 của Tỉnh ủy (Mật) về Đấu tranh.\n\
            Tổ chức thực hiện nghiêm Chỉ thị 17-CT/TU ngày 14/7/2022 của Ban Thường vụ Tỉnh ủy về việc định hướng. \
            Tổ chức hội nghị trực tiếp triển khai sâu rộng Quy định số 85-QĐ/TW ngày 07/10/2022 của Ban Bí thư và Hướng dẫn số 99-HD/BTGTW ngày 20/3/2023 của Ban Tuyên giáo Trung ương về việc cán bộ.\n\
            theo Quy chế số 04-QC/BTGTU ngày 20/3/2023 của Ban Tuyên giáo Tỉnh ủy về hoạt động báo cáo viên. \
            quán triệt, thực hiện hiệu quả Chỉ thị 05-CT/TW với nhiều mô hình mới";
        assert_eq!(
            refs(text, None),
            vec![
                row(
                    Some("03-ĐA/TU"),
                    Some("Đề án"),
                    Some("2022-03-16"),
                    Some("Tỉnh ủy"),
                    "Đề án số 03-ĐA/TU ngày 16/3/2022 của Tỉnh ủy"
                ),
                row(
                    Some("17-CT/TU"),
                    Some("Chỉ thị"),
                    Some("2022-07-14"),
                    Some("Ban Thường vụ Tỉnh ủy"),
                    "Chỉ thị 17-CT/TU ngày 14/7/2022 của Ban Thường vụ Tỉnh ủy"
                ),
                row(
                    Some("85-QĐ/TW"),
                    Some("Quy định"),
                    Some("2022-10-07"),
                    Some("Ban Bí thư"),
                    "Quy định số 85-QĐ/TW ngày 07/10/2022 của Ban Bí thư"
                ),
                row(
                    Some("99-HD/BTGTW"),
                    Some("Hướng dẫn"),
                    Some("2023-03-20"),
                    Some("Ban Tuyên giáo Trung ương"),
                    "Hướng dẫn số 99-HD/BTGTW ngày 20/3/2023 của Ban Tuyên giáo Trung ương"
                ),
                row(
                    Some("04-QC/BTGTU"),
                    Some("Quy chế"),
                    Some("2023-03-20"),
                    Some("Ban Tuyên giáo Tỉnh ủy"),
                    "Quy chế số 04-QC/BTGTU ngày 20/3/2023 của Ban Tuyên giáo Tỉnh ủy"
                ),
                row(
                    Some("05-CT/TW"),
                    Some("Chỉ thị"),
                    None,
                    None,
                    "Chỉ thị 05-CT/TW"
                ),
            ]
        );
        // seeds/003
        assert_eq!(
            refs("Triển khai quyết liệt, có hiệu quả Nghị quyết số 35-NQ/TW, ngày 22-10-2018 của Bộ Chính trị về “Tăng cường”.", None),
            vec![row(Some("35-NQ/TW"), Some("Nghị quyết"), Some("2018-10-22"), Some("Bộ Chính trị"), "Nghị quyết số 35-NQ/TW, ngày 22-10-2018 của Bộ Chính trị")]
        );
        // seeds/002: the same plan cited twice, the first time in full
        assert_eq!(
            refs("Thực hiện Kế hoạch số 13-KH/TBTTKT ngày 15/7/2019 của Tiểu ban, Ban Tuyên giáo. Nhiều nội dung trong Kế hoạch số 13-KH/TBTTKT chưa được thực hiện", None),
            vec![row(Some("13-KH/TBTTKT"), Some("Kế hoạch"), Some("2019-07-15"), Some("Tiểu ban"), "Kế hoạch số 13-KH/TBTTKT ngày 15/7/2019 của Tiểu ban")]
        );
    }

    #[test]
    fn state_citations() {
        // dev/d031: a line break between "số" and the number, a heading in capitals
        let text = "TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 214/NQ-CP NGÀY 23/7/2025\nCỦA CHÍNH PHỦ BAN HÀNH KẾ HOẠCH\n\nThực hiện Nghị quyết số\n214/NQ-CP ngày 23/7/2025 của Chính phủ ban hành Kế hoạch; Nghị định số\n278/2025/NĐ-CP ngày 22/10/2025 của Chính phủ quy định về kết nối; Quyết định số 142/QĐ-TTg của\nThủ tướng Chính phủ phê duyệt Chiến lược";
        assert_eq!(
            refs(text, Some("308/KH-UBND")),
            vec![
                row(
                    Some("214/NQ-CP"),
                    Some("Nghị quyết"),
                    Some("2025-07-23"),
                    Some("Chính phủ"),
                    "Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ"
                ),
                row(
                    Some("278/2025/NĐ-CP"),
                    Some("Nghị định"),
                    Some("2025-10-22"),
                    Some("Chính phủ"),
                    "Nghị định số 278/2025/NĐ-CP ngày 22/10/2025 của Chính phủ"
                ),
                row(
                    Some("142/QĐ-TTg"),
                    Some("Quyết định"),
                    None,
                    Some("Thủ tướng Chính phủ"),
                    "Quyết định số 142/QĐ-TTg của Thủ tướng Chính phủ"
                ),
            ]
        );
        // dev/d022: a law with its title before the number; the own number is skipped
        assert_eq!(
            refs("Số: 1539/VLO-QLDN3\nCăn cứ khoản 2 Điều 49 Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019 của Quốc hội, quy định:", Some("1539/VLO-QLDN3")),
            vec![row(Some("38/2019/QH14"), Some("Luật"), Some("2019-06-13"), Some("Quốc hội"), "Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019 của Quốc hội")]
        );
        // Nghị định 30/2020/NĐ-CP style formal date
        assert_eq!(
            refs("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;", None),
            vec![row(Some("30/2020/NĐ-CP"), Some("Nghị định"), Some("2020-03-05"), Some("Chính phủ"), "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ")]
        );
        // bare numbers: type from the code, never from the party QĐ
        assert_eq!(
            refs(
                "theo 69-QĐ/TW và 13421-CV/VPTW; công văn 11299/VPCP-KGVX; 51/2024/QH15",
                None
            ),
            vec![
                row(Some("69-QĐ/TW"), None, None, None, "69-QĐ/TW"),
                row(
                    Some("13421-CV/VPTW"),
                    Some("Công văn"),
                    None,
                    None,
                    "13421-CV/VPTW"
                ),
                row(
                    Some("11299/VPCP-KGVX"),
                    Some("Công văn"),
                    None,
                    None,
                    "công văn 11299/VPCP-KGVX"
                ),
                row(Some("51/2024/QH15"), None, None, None, "51/2024/QH15"),
            ]
        );
    }

    #[test]
    fn documents_without_numbers() {
        assert_eq!(
            refs(
                "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 6 năm 2025;",
                None
            ),
            vec![row(
                None,
                Some("Luật"),
                Some("2025-06-19"),
                None,
                "Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 6 năm 2025"
            )]
        );
        // dev/d046: a law by its title, cited twice; "Luật này" is not a citation
        assert_eq!(
            refs("sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế. Luật này có hiệu lực; theo Luật Bảo hiểm y tế đã được sửa đổi", None),
            vec![row(None, Some("Luật"), None, None, "Luật Bảo hiểm y tế")]
        );
        // seeds/000: no number, no date, no title → not a reference
        assert_eq!(refs("thực hiện Nghị quyết số 05 của Tỉnh ủy về sẵn sàng ứng phó; Quyết định này có hiệu lực từ ngày 01/01/2026", None), vec![]);
    }
}
