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
use std::sync::LazyLock;

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
#[cfg(test)]
pub(crate) fn references(body: &str, own_number: Option<&str>) -> Vec<Reference> {
    references_with(body, own_number, None, &dict::find_doc_types(body))
}

/// Like [`references`], with the document-type words of `body` already found (as
/// [`dict::find_doc_types`] finds them; the document-level extractor finds them in the same
/// pass as the positions). `own_title` is the document's own type and title ("Điều lệ",
/// "Đảng Cộng sản Việt Nam"): the charter citing itself as "Điều lệ Đảng" cites no document.
pub(crate) fn references_with(
    body: &str,
    own_number: Option<&str>,
    own_title: Option<(&str, &str)>,
    types: &[(&'static DocType, Range<usize>)],
) -> Vec<Reference> {
    let numbers = find_numbers(body);
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
        let citing = citing_type(body, types, window_start, &m);
        // "Đơn đề nghị … số 301025/MHD-HQ" (dev/d030): an application cited by a company's
        // number, no công văn.
        let application = if citing.is_none() {
            application_before(body, window_start, m.range.start)
        } else {
            None
        };
        let start = match (&citing, &application) {
            (Some(c), _) => c.range.start,
            (None, Some((_, at))) => *at,
            (None, None) => m.range.start,
        };
        let doc_type = match (&citing, application) {
            (Some(c), _) => Some(c.name.to_string()),
            (None, Some((name, _))) => Some(name),
            (None, None) => type_from_code(&m.parts),
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
            span: start..end,
            issuer_code: m.parts.issuer_code.clone(),
            reference: Reference {
                number: Some(m.number),
                doc_type,
                date,
                issuer: tail.issuer.or(before.0),
                text: clean_text(&body[start..end]),
            },
        });
    }
    share_issuers(body, &mut found);
    untitled(body, types, &cited, &mut found);
    if let Some((own_type, title)) = own_title {
        // The own key only when a citation without number has the document's own type: a
        // subject can be long.
        let own_type = own_type.to_lowercase();
        let same_type = |f: &Found| {
            f.reference.number.is_none()
                && f.title
                    .as_deref()
                    .and_then(|t| t.split_once('|'))
                    .is_some_and(|(name, _)| name == own_type)
        };
        if found.iter().any(same_type) {
            let own = title_key(&own_type, title.trim());
            found.retain(|f| {
                !same_type(f) || !f.title.as_deref().is_some_and(|t| same_title(t, &own))
            });
        }
    }
    merge(found)
}

/// "Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày 29/12/2023 của Ban Thường
/// vụ Tỉnh ủy": a "của …" closing a list of citations names the issuer of each, when they are
/// joined by commas or "và" alone and their numbers carry the same body's code.
fn share_issuers(text: &str, found: &mut [Found]) {
    for i in (1..found.len()).rev() {
        let (head, tail) = found.split_at_mut(i);
        let (prev, next) = (&mut head[i - 1], &tail[0]);
        let Some(issuer) = next.reference.issuer.as_ref() else {
            continue;
        };
        if prev.reference.issuer.is_some()
            || prev.span.end > next.span.start
            || !same_body(prev.issuer_code.as_deref(), next.issuer_code.as_deref())
            || !list_gap(text, prev.span.end, next.span.start)
        {
            continue;
        }
        prev.reference.issuer = Some(issuer.clone());
    }
}

/// Whether two issuer codes name the same body: equal up to their first "-", or one the
/// other with a term number (`UBKTTC`, `UBKTTC15`).
fn same_body(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let head = |c: &str| c.split('-').next().unwrap_or(c).to_string();
    let (a, b) = (head(a), head(b));
    !a.is_empty() && (a == b || a.starts_with(&b) || b.starts_with(&a))
}

/// Whether `text[from..to]` only joins two citations of a list: commas, "và", "số", and
/// at most the next citation's type word with a short qualifier ("Báo cáo thẩm tra bổ sung
/// số").
fn list_gap(text: &str, from: usize, to: usize) -> bool {
    if to - from > 80 {
        return false;
    }
    let gap = &text[from..to];
    if gap.contains([';', '.', ':', '(', ')']) {
        return false;
    }
    let g = gap.trim_matches(|c: char| c.is_whitespace() || c == ',');
    let g = g.strip_prefix("và").map_or(g, str::trim_start);
    let g = strip_so(g).trim();
    if g.is_empty() {
        return true;
    }
    g.split_whitespace().count() <= 6 && starts_type(g, 0)
}

/// How far before a number its type word may stand (bytes): a law's title fits.
const CITING_WINDOW: usize = 240;

struct Found {
    /// The number, or the type and title of an unnumbered document (lower case).
    key: String,
    /// "luật|quản lý thuế": a cited law's title, to match a later mention without number.
    title: Option<String>,
    /// Where the citation stands in the text.
    span: Range<usize>,
    /// The issuing body's code of a numbered citation (`CP` of `291/TTr-CP`).
    issuer_code: Option<String>,
    reference: Reference,
}

struct Citing {
    /// The type's name as the record gives it ("Bộ luật" is filed under "Luật").
    name: &'static str,
    range: Range<usize>,
    title: Option<String>,
}

/// The type name of a citation: "Bộ luật" when written so (the dictionary files it as a form
/// of "Luật": "Bộ luật Lao động" is a code, cited under its own type), else the dictionary's.
fn type_name(doc_type: &DocType, written: &str) -> &'static str {
    let bo = written.starts_with("Bộ") || written.starts_with("bộ") || written.starts_with("BỘ");
    if doc_type.name == "Luật" && bo {
        "Bộ luật"
    } else {
        doc_type.name
    }
}

/// Whether a type word is written in sentence case ("Luật", not "LUẬT").
fn sentence_case(written: &str) -> bool {
    is_capitalised(written) && written.chars().any(char::is_lowercase)
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
    let mut fallback = None;
    for (doc_type, r) in candidates {
        let gap = &text[r.end..m.range.start];
        let law = matches!(doc_type.name, "Luật" | "Pháp lệnh");
        // "Luật khuyến khích đầu tư trong nước (sửa đổi) số 03/1998/QH 10" (dev/d052).
        let unmarked = if law { without_amended_mark(gap) } else { None };
        let gap = unmarked.as_deref().unwrap_or(gap);
        let written = &text[r.clone()];
        let lower = !is_capitalised(written);
        let gap_words = gap.split_whitespace().count();
        let before_so = strip_so(gap).trim().is_empty();
        if lower && !before_so {
            continue;
        }
        if lower && text[..r.start].ends_with("pháp ") {
            // "Luật sửa đổi … Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15": the
            // "luật" of "pháp luật" only when no title before it cites the number.
            fallback = Some(Citing {
                name: doc_type.name,
                range: r.clone(),
                title: None,
            });
            continue;
        }
        if gap_words > 14 || gap.contains([';', '.', '(', ')', '“', '”', '"']) && !before_so {
            continue;
        }
        // A title wrapped onto the next line ("… Điều 9 Luật\nThuế giá trị gia tăng số
        // 48/2024/QH15", dev/d028) goes on; a heading in capitals does not cite the next line.
        if gap.contains('\n')
            && !before_so
            && (!sentence_case(written) || gap.matches('\n').count() > 1 || split_type(gap))
        {
            // A type word wrapped apart in the gap ("… và Nghị\nđịnh số …") is the nearer one.
            continue;
        }
        if gap.contains(':') && !before_so {
            continue;
        }
        // A title must begin with a capital ("Luật Quản lý thuế"); "Quyết định phê duyệt …
        // số" is a description, not a citation of this type.
        let title_text = strip_so(gap).trim();
        // "Luật thuế thu nhập cá nhân số 04/2007/QH12" (dev/d021): a law's title in lower case
        // right before "số", or a tax law's.
        let lower_law = law
            && sentence_case(written)
            && (closed_by_so(gap) || title_text.starts_with("thuế "))
            && title_text.split_whitespace().count() <= 12
            && !title_text.chars().any(char::is_uppercase);
        if !title_text.is_empty() && !title_text.starts_with(char::is_uppercase) && !lower_law {
            continue;
        }
        let name = type_name(doc_type, written);
        let title = (!title_text.is_empty()).then(|| {
            format!(
                "{}|{}",
                name.to_lowercase(),
                collapse(title_text).to_lowercase()
            )
        });
        best = Some(Citing {
            name,
            range: r.clone(),
            title,
        });
    }
    best.or(fallback)
}

/// `gap` (between a law's type word and its number) without the "(sửa đổi)" or "(sửa đổi, bổ
/// sung)" closing the title before "số": "khuyến khích đầu tư trong nước (sửa đổi) số " →
/// "khuyến khích đầu tư trong nước số ". `None` when there is no such mark.
fn without_amended_mark(gap: &str) -> Option<String> {
    let open = gap.rfind("(sửa đổi")?;
    let close = open + gap[open..].find(')')?;
    let inside = &gap[open + 1..close];
    if !matches!(inside, "sửa đổi" | "sửa đổi, bổ sung" | "sửa đổi bổ sung") {
        return None;
    }
    let after = &gap[close + 1..];
    if !strip_so(after).trim().is_empty() || after.trim().is_empty() {
        return None;
    }
    Some(format!("{}{}", gap[..open].trim_end(), after))
}

/// Whether a capitalised type word is wrapped apart in `gap` ("… và Nghị\nđịnh"): more of
/// them with the line breaks made spaces.
fn split_type(gap: &str) -> bool {
    let capitalised = |s: &str| {
        dict::find_doc_types(s)
            .iter()
            .filter(|(_, r)| is_capitalised(&s[r.clone()]))
            .count()
    };
    capitalised(&collapse(gap)) > capitalised(gap)
}

/// Whether `gap` ends with "số" (or "số:"), as [`strip_so`] strips it.
fn closed_by_so(gap: &str) -> bool {
    let t = gap.trim_end();
    let t = t.strip_suffix(':').unwrap_or(t).trim_end();
    strip_so(gap).len() != t.len()
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

/// An application ("Đơn đề nghị", "đơn khiếu nại") citing the number at `at`, in the same
/// clause (at most 100 bytes back, not before `from`) with at most ten lower-case words
/// between: its name and where it starts. "Đơn" with a word of [`APPLICATIONS`] after it is
/// named with that word; a lower-case "đơn" counts only right before "số".
fn application_before(text: &str, from: usize, at: usize) -> Option<(String, usize)> {
    let lo = floor_char(text, at.saturating_sub(100)).max(from);
    let clause_start = text[lo..at]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '.' | ';' | ':' | '(' | ')' | '“' | '"'))
        .map_or(lo, |(p, c)| lo + p + c.len_utf8());
    let clause = &text[clause_start..at];
    let p = clause.rfind("Đơn ").or_else(|| clause.rfind("đơn "))?;
    if clause[..p]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace())
    {
        return None;
    }
    let after = &clause[p + "Đơn ".len()..];
    let words = after.split_whitespace().count();
    if words > 10 || after.chars().any(char::is_uppercase) {
        return None;
    }
    if clause[p..].starts_with('đ') && (words > 4 || !closed_by_so(after)) {
        return None;
    }
    let name = APPLICATIONS
        .iter()
        .find(|w| {
            after
                .strip_prefix(**w)
                .is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace))
        })
        .map_or_else(|| "Đơn".to_string(), |w| format!("Đơn {w}"));
    Some((name, clause_start + p))
}

/// What an application asks for, named after "Đơn".
const APPLICATIONS: &[&str] = &[
    "đề nghị",
    "khiếu nại",
    "tố cáo",
    "kiến nghị",
    "phản ánh",
    "đề xuất",
    "xin",
];

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
    let mut e = body_end(text, s);
    if e <= s {
        return None;
    }
    // "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ" (dev/d016): one person's two posts.
    if let Some(next) = second_post(text, s, e) {
        e = next;
    }
    // "Bộ Lao động - Thương binh và Xã hội", "UBND tỉnh BR – VT": a dash inside the name.
    loop {
        let a = skip_spaces(text, e);
        let Some(dash) = ["- ", "– "].into_iter().find(|d| text[a..].starts_with(d)) else {
            break;
        };
        let n = skip_spaces(text, a + dash.len());
        let first = word_end(text, n).map_or("", |w| &text[n..w]);
        let capital = is_capitalised(first);
        let mut next = if capital { body_end(text, n) } else { n };
        if capital && first.chars().count() > 1 && is_upper(first) {
            // "CÔNG TY … SÀI GÒN – BẾN TRE vướng mắc": a name in capitals ends with them.
            next = upper_end(text, n);
        }
        if a == e || next <= n {
            break;
        }
        e = next;
    }
    // "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Khóa XII": a plenum named by its
    // ordinal and the body that held it.
    if &text[s..e] == "Hội nghị" && starts_words(text, skip_ws(text, e), &["lần", "thứ"]) {
        let k = skip_ws(text, e);
        let ordinal = (0..3).try_fold(k, |i, _| word_end(text, skip_ws(text, i)));
        if let Some(after) = ordinal {
            let n = skip_ws(text, after);
            let held = body_end(text, n);
            if held > n && word_end(text, n).is_some_and(|w| is_capitalised(&text[n..w])) {
                e = held;
            }
        }
    }
    // "Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương, bảo hiểm xã hội và ưu đãi
    // người có công" (dev/d057): a steering committee is named by its task.
    if text[s..].starts_with(['B', 'b']) && starts_words(text, s, &["ban", "chỉ", "đạo"]) {
        // "Ban chỉ đạo Trung ương" in lower case too.
        let k = skip_ws(text, s);
        let after = (0..3).try_fold(k, |i, _| word_end(text, skip_spaces(text, i)));
        if let Some(after) = after {
            e = e.max(after).max(body_end(text, after));
        }
        e = task_end(text, e).unwrap_or(e);
    }
    // "của Chính phủ Quy định chi tiết …": a verb written with a capital is no part of the name.
    let verb_at = text[s..e].bytes().enumerate().skip(1).find_map(|(p, b)| {
        // An ASCII capital is a char boundary.
        let verb = match b {
            b'Q' => "Quy định",
            b'H' => "Hướng dẫn",
            _ => return None,
        };
        let after = text[s + p..e].strip_prefix(verb)?;
        (text.as_bytes()[s + p - 1] == b' '
            && (after.is_empty() || after.starts_with(char::is_whitespace)))
        .then_some(s + p - 1)
    });
    if let Some(v) = verb_at {
        e = v;
    }
    let name = collapsed(&text[s..e]);
    let name = name.trim_end_matches([',', '.', ';', ':']).to_string();
    if name.is_empty() || !name.starts_with(char::is_uppercase) {
        return None;
    }
    Some((name, e))
}

/// After an issuer that is a post alone (`text[s..e]`, "Bộ trưởng"), ", " and a second post
/// of the same person followed by a body's name ("Chủ nhiệm Văn phòng Chính phủ", "Trưởng Ban
/// Tổ chức - Cán bộ Chính phủ"): where that name ends. Not a list of posts ("Bộ trưởng, Thủ
/// trưởng cơ quan ngang bộ": no body's name after the second).
fn second_post(text: &str, s: usize, e: usize) -> Option<usize> {
    let rest = text[e..].strip_prefix(", ")?;
    let first = &text[s..e];
    if first.len() > 40 || !is_post_name(first) {
        return None;
    }
    let n = text.len() - rest.len();
    let head = &text[n..floor_char(text, (n + 60).min(text.len()))];
    let head_lower = head.to_lowercase();
    let post = POSTS
        .iter()
        .filter(|p| head_lower.len() > p.len() && head_lower.starts_with(p.as_str()))
        .map(String::len)
        .max()?;
    // Lower-casing keeps the byte lengths of Vietnamese letters: `post` is a boundary of `head`.
    let after = head.get(post..)?.trim_start_matches([' ', '*']);
    if after.len() == head.len() - post || !after.starts_with(char::is_uppercase) {
        return None;
    }
    let end = body_end(text, n);
    (end > n + post).then_some(end)
}

/// The posts of the positions table, in lower case.
static POSTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    dict::positions()
        .iter()
        .filter(|p| p.kind == "position")
        .map(|p| p.name.to_lowercase())
        .collect()
});

/// Whether `s` is a post of the positions table, no more ("Bộ trưởng", "Chủ tịch").
fn is_post_name(s: &str) -> bool {
    if !s.starts_with(char::is_uppercase) || !POSTS.iter().any(|p| p.len() == s.len()) {
        return false;
    }
    let lower = s.to_lowercase();
    POSTS.contains(&lower)
}

/// Whether `s` has letters and none in lower case.
fn is_upper(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// The end of the words in capitals starting at `at`, on one line.
fn upper_end(text: &str, at: usize) -> usize {
    let mut end = at;
    let mut j = at;
    while let Some(e) = word_end(text, j) {
        if !is_upper(&text[j..e]) {
            break;
        }
        end = e;
        let n = skip_spaces(text, e);
        if n == e {
            break;
        }
        j = n;
    }
    end
}

/// After a steering committee's name, "về …" up to the next "về", punctuation other than a
/// comma, a line's end, a number or a document type: where its task ends, when the name
/// goes on with one (at most 24 words).
fn task_end(text: &str, e: usize) -> Option<usize> {
    let k = skip_spaces(text, e);
    if !starts_words(text, k, &["về"]) {
        return None;
    }
    let mut end = None;
    let mut j = k + "về".len();
    for _ in 0..24 {
        let mut n = continue_at(text, j);
        if n == j && text[j..].starts_with(',') {
            n = skip_spaces(text, j + 1);
        }
        if n == j {
            return end;
        }
        let we = word_end(text, n)?;
        let w = &text[n..we];
        if w == "về" || w.bytes().all(|b| b.is_ascii_digit()) || starts_type(text, n) {
            return end;
        }
        end = Some(we);
        j = we;
    }
    None
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
        let capital = is_capitalised(written);
        if !capital && !text[r.end..].starts_with(" số") {
            // Lower case: only "công văn số 1025-CVHQ" below.
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
        let numbered = dash_number(text, r.end).or_else(|| spaced_number(text, r.end));
        if let Some((number, number_end)) = numbered {
            // "công văn số 1025-CVHQ ngày 10/10/2025 của Công ty …" (dev/d028), "Nghị định số
            // 25-HĐBT ngày 18-3-1989" (dev/d049): a number of the older or a company's form.
            let tail = tail(text, number_end);
            let end = tail.end.max(number_end);
            covered.push(r.start..end);
            found.push(Found {
                key: number.clone(),
                title: None,
                span: r.start..end,
                issuer_code: None,
                reference: Reference {
                    number: Some(number),
                    doc_type: Some(type_name(doc_type, written).to_string()),
                    date: tail.date,
                    issuer: tail.issuer,
                    text: clean_text(&text[r.start..end]),
                },
            });
            continue;
        }
        if !capital {
            continue;
        }
        // Sentence case only: "LUẬT" heads a title block, "luật" is a common noun.
        if !is_capitalised(written)
            || written.chars().skip(1).any(char::is_uppercase)
                && written.chars().all(|c| !c.is_lowercase())
        {
            continue;
        }
        let law = matches!(
            doc_type.name,
            "Luật" | "Pháp lệnh" | "Hiến pháp" | "Điều lệ"
        );
        let amending = if law {
            amending_title_end(text, r.end)
        } else {
            None
        };
        if law && amending.is_none() && in_amended_title(text, r.start) {
            // "Luật số 56/2024/QH15 sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế
            // toán …": the laws an amending law names are not cited by the text.
            continue;
        }
        if law
            && (draft_before(text, r.start)
                || amended_by_cited(text, r.start, &cited[..next_cited]))
        {
            // "dự án Luật Thuế TNCN (sửa đổi)", "dự thảo Luật …": a bill is no issued text;
            // "Luật Thuế giá trị gia tăng số 48/2024/QH15 sửa đổi Luật Thuế TNCN": the law a
            // cited law amends is named in its description.
            continue;
        }
        if let Some(end) = amending {
            // "ban hành Luật sửa đổi, bổ sung …" right after a numbered law is that law's
            // title, already cited.
            let named = cited[..next_cited].last().is_some_and(|c| {
                let gap = text[c.end..r.start]
                    .trim_matches(|ch: char| ch.is_whitespace() || ch == ',' || ch == '*');
                matches!(gap, "" | "ban hành" | "về" | "về việc")
            });
            // "Luật sửa đổi, bổ sung một số điều của Luật X số 87/2025/QH15": the title of the
            // numbered citation that follows.
            let numbered = cited[next_cited..].first().is_some_and(|c| c.start < end);
            if named || numbered {
                covered.push(r.start..end);
                continue;
            }
        }
        // "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam" (dev/d042).
        let (mut title_end, mut title) = match amending {
            Some(end) => (end, collapse(&text[r.end..end])),
            None => title_words(
                text,
                r.end,
                doc_type.name == "Hiến pháp",
                doc_type.name != "Điều lệ",
            ),
        };
        if law && title.is_empty() && amending.is_none() {
            if let Some(at) = title_on_next_line(text, r.clone()) {
                // "… Luật Thanh tra, Luật" / "Khiếu nại, …" (dev/d010): the title read as if
                // one space stood before it.
                let line = format!(
                    " {}",
                    &text[at..floor_char(text, (at + 300).min(text.len()))]
                );
                let (end, t) = law_title(&line, 0, false);
                if !t.is_empty() {
                    (title_end, title) = (at + end - 1, t);
                }
            }
        }
        // "Luật thuế giá trị gia tăng" (dev/d052): a title in lower case, only a tax law's
        // or one closed by its year ("Luật đất đai năm 2003").
        let mut lower_title = false;
        if law && title.is_empty() && amending.is_none() && sentence_case(written) {
            let (e, t) = law_title(text, r.end, true);
            if lower_case_title(&t) {
                (title_end, title, lower_title) = (e, t, true);
            }
        }
        if law && text[..r.start].ends_with('(') && !title.is_empty() && is_upper(&title) {
            // "(Luật KH, CN&ĐMST có hiệu lực …)": a short name given in brackets to a law
            // cited before it.
            continue;
        }
        let mut tail = tail(text, title_end);
        if tail.date.is_none() {
            // "Luật Báo chí năm 2016": the year in the title dates the law.
            tail.date = title_year(&title);
        }
        // "Hiến pháp" needs no title: there is one.
        let title_needed = doc_type.name != "Hiến pháp";
        if !title_needed && title.is_empty() && tail.date.is_none() && generic_law(text, title_end)
        {
            // "trong khuôn khổ Hiến pháp và pháp luật", "mà Hiến pháp đã quy định": the
            // constitution as the law of the land, no document cited.
            continue;
        }
        // "Luật Việt Nam" is a site's name in page dumps, not a law.
        if title == "Việt Nam" {
            continue;
        }
        if tail.date.is_none() && (!law || (title.is_empty() && title_needed)) {
            continue;
        }
        if tail.date.is_some()
            && amending.is_none()
            && !lower_title
            && !title.is_empty()
            && !title.starts_with(char::is_uppercase)
        {
            continue;
        }
        let end = tail.end.max(title_end);
        covered.push(r.start..end);
        let name = type_name(doc_type, written);
        let key = title_key(name, &title);
        found.push(Found {
            key: key.clone(),
            title: Some(key),
            span: r.start..end,
            issuer_code: None,
            reference: Reference {
                number: None,
                doc_type: Some(name.to_string()),
                date: tail.date,
                issuer: tail.issuer,
                text: clean_text(&text[r.start..end]),
            },
        });
    }
}

/// The key of a document cited by its type and title: "điều lệ|đảng" for the Party's charter
/// however it is named ("Điều lệ Đảng", "Điều lệ Đảng Cộng sản Việt Nam 2011").
fn title_key(name: &str, title: &str) -> String {
    let title = title.to_lowercase();
    let name = name.to_lowercase();
    if name == "điều lệ" && title.starts_with("đảng cộng sản việt nam") {
        return format!("{name}|đảng");
    }
    format!("{name}|{title}")
}

/// Whether "dự án" or "dự thảo" (a bill) stands right before the type word at `at`.
fn draft_before(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '\n', '\r', '*']);
    ["dự án", "dự thảo", "Dự án", "Dự thảo"].iter().any(|d| {
        before
            .strip_suffix(d)
            .is_some_and(|r| r.is_empty() || r.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

/// Whether the law whose type word starts at `at` follows "sửa đổi" / "bổ sung" right after
/// the last citation before it (`cited`, in text order): the law that citation amends.
fn amended_by_cited(text: &str, at: usize, cited: &[Range<usize>]) -> bool {
    let Some(last) = cited.last() else {
        return false;
    };
    if last.end > at || at - last.end > 40 {
        return false;
    }
    let gap = text[last.end..at].trim_matches(|c: char| c.is_whitespace() || c == ',');
    let gap = collapse(gap);
    matches!(
        gap.as_str(),
        "sửa đổi" | "bổ sung" | "sửa đổi, bổ sung" | "sửa đổi bổ sung"
    )
}

/// Whether the words after a bare "Hiến pháp" (from `at`) make it the law of the land, not a
/// cited text: "và pháp luật", ", pháp luật", "(đã) quy định".
fn generic_law(text: &str, at: usize) -> bool {
    let k = skip_ws(text, at);
    let k = if text[k..].starts_with(',') {
        skip_ws(text, k + 1)
    } else {
        k
    };
    let k = if starts_words(text, k, &["và"]) {
        skip_ws(text, k + "và".len())
    } else {
        k
    };
    let k = if starts_words(text, k, &["đã"]) {
        skip_ws(text, k + "đã".len())
    } else {
        k
    };
    starts_words(text, k, &["pháp", "luật"]) || starts_words(text, k, &["quy", "định"])
}

/// Where the title of a law whose type word closes a line of running text starts on the next
/// line ("… Luật Thanh tra, Luật" / "Khiếu nại, Luật Tố cáo …", dev/d010): the type word does
/// not stand alone on its line, one line break follows it, and a capital opens the next line.
fn title_on_next_line(text: &str, r: Range<usize>) -> Option<usize> {
    let line_start = text[..r.start].rfind('\n').map_or(0, |p| p + 1);
    if text[line_start..r.start].trim().is_empty() {
        return None;
    }
    let k = skip_spaces(text, r.end);
    let k = k + usize::from(text[k..].starts_with('\r'));
    if !text[k..].starts_with('\n') {
        return None;
    }
    let n = skip_spaces(text, k + 1);
    let e = word_end(text, n)?;
    is_capitalised(&text[n..e]).then_some(n)
}

/// A law's title written in lower case that names a law: all its words in lower case (no
/// abbreviation: "Luật thuế TNCN" is a short name), and a tax law's ("thuế giá trị gia tăng",
/// "thuế xuất khẩu, thuế nhập khẩu") or closed by the law's year ("đất đai năm 2003").
fn lower_case_title(title: &str) -> bool {
    if title.is_empty() || title.chars().any(char::is_uppercase) {
        return false;
    }
    let year = title.rsplit_once(' ').is_some_and(|(head, y)| {
        head.ends_with(" năm") && y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())
    });
    title.starts_with("thuế ") || year
}

/// The title after a type word: words up to a title stop word ("số", "ngày", "đã", "của" …),
/// "quy định", punctuation or a line break. A title begins with a capital.
fn law_title(text: &str, at: usize, lower_ok: bool) -> (usize, String) {
    title_words(text, at, lower_ok, true)
}

/// [`law_title`], with `commas` false for a charter: "Điều lệ Đảng" is named by its body,
/// which has no comma in its name ("Điều lệ Đảng, nghị quyết, chỉ thị của Đảng" is a list).
fn title_words(text: &str, at: usize, lower_ok: bool, commas: bool) -> (usize, String) {
    let mut end = at;
    let mut j = at;
    let mut first = true;
    let mut prev_cap = false;
    loop {
        let mut k = continue_at(text, j);
        if k == j && !first && commas && text[j..].starts_with(',') {
            // "Luật Phòng, chống thiên tai": a comma inside a compound after a capital;
            // "Luật Quản lý, sử dụng tài sản công": lower-case words to the title's end.
            let n = j + 1 + (text[j + 1..].starts_with(' ') as usize);
            let compound = prev_cap
                && n == j + 2
                && word_end(text, n).is_some_and(|e| {
                    !is_capitalised(&text[n..e])
                        && !is_cue(&text[n..e].to_lowercase(), Cue::TitleStop)
                });
            match comma_in_title(text, j) {
                Some(after) => k = after,
                None if compound => k = n,
                None => break,
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
        // "Luật Các tổ chức tín dụng": a capital opens the title, even on a stop word.
        let opening =
            first && is_capitalised(w) && !matches!(lw.as_str(), "số" | "năm" | "ngày" | "này");
        if lw == "của" && !first {
            // "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam": "của" and a common noun go on
            // with the title; "của Quốc hội" names the issuer.
            let n = skip_spaces(text, we);
            let common = word_end(text, n).is_some_and(|e| {
                let next = &text[n..e];
                !is_capitalised(next) && !is_cue(&next.to_lowercase(), Cue::TitleStop)
            });
            if common {
                first = false;
                prev_cap = false;
                j = we;
                continue;
            }
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
        if !first && is_year(w) && !text[we..].starts_with(['/', '-', '.', '%']) {
            // "Luật Năng lượng nguyên tử 2025", "Điều lệ Đảng Cộng sản Việt Nam 2011": a bare
            // year closes the title, as "năm 2016" does.
            end = we;
            break;
        }
        if lw == "và" {
            // "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân", not "Luật X và
            // Luật Y", nor "Luật Đầu tư công và pháp luật có liên quan", nor "Luật X và khoản
            // 1 Điều 21 …".
            let n = continue_at(text, we);
            if n == we
                || starts_type(text, n)
                || starts_words(text, n, &["pháp", "luật"])
                || word_end(text, n)
                    .is_some_and(|e| PROVISIONS.contains(&text[n..e].to_lowercase().as_str()))
            {
                break;
            }
        } else if (is_cue(&lw, Cue::TitleStop)
            && !opening
            && !(lw == "số" && !first && !number_after(text, we)))
            || w.chars().all(|c| c.is_ascii_digit())
        {
            // "Pháp lệnh Dân số năm 2003": "số" with no number after it is a title word.
            break;
        }
        if !first && lw == "ban" && starts_words(text, k, &["ban", "hành"]) {
            // "… Luật Tiêu chuẩn và quy chuẩn kỹ thuật ban hành …": a verb after the title.
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

/// Whether a number follows "số" ending at `at`: digits, or a blank ("số …/", "số ../QĐ").
fn number_after(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start_matches(|c: char| c.is_whitespace() || c == ':');
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let blank = rest.trim_start_matches(['.', '…', '_', ' ']);
    blank.len() < rest.len() && blank.starts_with('/')
}

/// A number with no "/" after "số" ("số 1025-CVHQ", "số 25-HĐBT"), which the number grammar
/// leaves: digits, a hyphen, then a code of capitals (two at least). The number and its end.
fn dash_number(text: &str, at: usize) -> Option<(String, usize)> {
    let k = skip_ws(text, at);
    let rest = text[k..]
        .strip_prefix("số")
        .or_else(|| text[k..].strip_prefix("Số"))?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let n = skip_spaces(rest, 0);
    if n == 0 && !rest.is_empty() {
        return None;
    }
    let num = &rest[n..];
    let digits = num.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=5).contains(&digits) || !num[digits..].starts_with('-') {
        return None;
    }
    let code = &num[digits + 1..];
    let len = code
        .char_indices()
        .find(|&(_, c)| !(c.is_uppercase() || c.is_ascii_digit() || c == '-'))
        .map_or(code.len(), |(i, _)| i);
    let code = code[..len].trim_end_matches('-');
    let capitals = code.chars().filter(|c| c.is_uppercase()).count();
    let after = &num[digits + 1 + code.len()..];
    if capitals < 2
        || code.len() > 16
        || after.starts_with(['/', '.']) && after[1..].starts_with(char::is_alphanumeric)
        || after.starts_with(char::is_alphanumeric)
    {
        return None;
    }
    let end = text.len() - after.len();
    Some((text[end - digits - 1 - code.len()..end].to_string(), end))
}

/// A number of the 1990s ministry form, its sequence spaced from its code ("Thông tư 60
/// TC/CĐKT", "Quyết định số 1141 TC/QĐ/CĐKT"), right after a type word: the number written
/// without the space ("60TC/CĐKT") and its end.
fn spaced_number(text: &str, at: usize) -> Option<(String, usize)> {
    let k = skip_spaces(text, at);
    if k == at {
        return None;
    }
    let k = match text[k..]
        .strip_prefix("số")
        .or_else(|| text[k..].strip_prefix("Số"))
    {
        Some(rest) => {
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            let n = skip_spaces(text, text.len() - rest.len());
            if n == text.len() - rest.len() {
                return None;
            }
            n
        }
        None => k,
    };
    let digits = text[k..].bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=5).contains(&digits) || !text[k + digits..].starts_with(' ') {
        return None;
    }
    let c = k + digits + 1;
    let len = text[c..]
        .char_indices()
        .find(|&(_, ch)| !(ch.is_uppercase() || ch == '/'))
        .map_or(text.len() - c, |(i, _)| i);
    let code = text[c..c + len].trim_end_matches('/');
    let head = code.split('/').next().unwrap_or("");
    let after = &text[c + code.len()..];
    if !code.contains('/')
        || head.chars().count() < 2
        || code.contains("//")
        || after.starts_with(|ch: char| ch.is_alphanumeric() || ch == '-')
    {
        return None;
    }
    Some((format!("{}{code}", &text[k..k + digits]), c + code.len()))
}

/// After a law's type word, "sửa đổi, bổ sung một số điều của Luật X, Luật Y và Luật Z": the
/// end of that amending law's title (the last law it names).
fn amending_title_end(text: &str, at: usize) -> Option<usize> {
    let mut k = skip_ws(text, at);
    for want in AMENDING {
        if text[k..].starts_with(',') {
            k = skip_ws(text, k + 1);
        }
        let e = word_end(text, k)?;
        if !text[k..e]
            .chars()
            .flat_map(char::to_lowercase)
            .eq(want.chars())
        {
            return None;
        }
        k = skip_ws(text, e);
    }
    let mut end = None;
    loop {
        let t = dict::find_doc_types(&text[k..floor_char(text, (k + 12).min(text.len()))]);
        let Some((d, r)) = t
            .first()
            .filter(|(d, r)| r.start == 0 && matches!(d.name, "Luật" | "Pháp lệnh"))
        else {
            break;
        };
        let _ = d;
        let (title_end, title) = law_title(text, k + r.end, false);
        if title.is_empty() {
            break;
        }
        end = Some(title_end);
        let n = skip_spaces(text, title_end);
        let next = if text[n..].starts_with(',') {
            skip_ws(text, n + 1)
        } else if starts_words(text, n, &["và"]) {
            skip_ws(text, n + "và".len())
        } else {
            break;
        };
        k = next;
    }
    end
}

/// The words of an amending law's title before the laws it amends.
const AMENDING: [&str; 8] = ["sửa", "đổi", "bổ", "sung", "một", "số", "điều", "của"];

/// Whether the law whose type word starts at `at` is named inside the title of another
/// document: "một số điều của" earlier in the same clause ("… sửa đổi, bổ sung một số điều của
/// Luật Quy hoạch, Luật Đầu tư …", "Nghị định quy định chi tiết một số điều của Luật …").
fn in_amended_title(text: &str, at: usize) -> bool {
    let from = floor_char(text, at.saturating_sub(300));
    let before = &text[from..at];
    let clause = before
        .rfind([';', '.'])
        .map_or(before, |p| &before[p + 1..]);
    // Each "Căn cứ …" of a preamble is a clause of its own, with or without its ";".
    let clause = clause.rfind("Căn cứ").map_or(clause, |p| &clause[p..]);
    clause.contains("một số điều")
}

/// Whether a document type starts at `at` ("Nghị định", also wrapped: "Nghị\nđịnh").
fn starts_type(text: &str, at: usize) -> bool {
    let window = &text[at..floor_char(text, (at + 40).min(text.len()))];
    let starts = |w: &str| {
        dict::find_doc_types(w)
            .first()
            .is_some_and(|(_, r)| r.start == 0)
    };
    if window.contains('\n') {
        starts(&collapse(window))
    } else {
        starts(window)
    }
}

/// Whether the words at `at` are `words` (lower case given; any case, any spacing, a line
/// break allowed between them).
fn starts_words(text: &str, at: usize, words: &[&str]) -> bool {
    let mut k = at;
    for (n, want) in words.iter().enumerate() {
        if n > 0 {
            k = skip_ws(text, k);
        }
        let Some(e) = word_end(text, k) else {
            return false;
        };
        if !text[k..e]
            .chars()
            .flat_map(char::to_lowercase)
            .eq(want.chars())
        {
            return false;
        }
        k = e;
    }
    true
}

/// The parts of a legal text ("khoản 1 Điều 21"): after "và", a new clause, not the title's
/// second half.
const PROVISIONS: &[&str] = &["khoản", "điểm", "điều", "chương", "mục", "phần", "tiết"];

/// Whether `w` is a year as titles carry one: four digits, 1945 to 2100.
fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && w.parse::<u16>().is_ok_and(|y| (1945..=2100).contains(&y))
}

/// The year closing a law's title ("Báo chí năm 2016", "Năng lượng nguyên tử 2025").
fn title_year(title: &str) -> Option<PartialDate> {
    let (_, y) = title.rsplit_once(' ')?;
    if !is_year(y) {
        return None;
    }
    Some(PartialDate {
        year: y.parse().ok()?,
        month: None,
        day: None,
    })
}

/// Words that open a new clause after a comma in a law's title, not the title's second half:
/// "Luật Đấu thầu, khoản 2 Điều 5", "Luật Ngân sách nhà nước, pháp luật về …".
const CLAUSE_AFTER_COMMA: &[&str] = &[
    "khoản", "điểm", "điều", "chương", "mục", "phần", "tiết", "pháp", "văn", "quy", "hướng",
    "chính", "đồng", "nhất", "đặc",
];

/// After the comma at `j` inside a law's title ("Luật Quản lý, sử dụng tài sản công", "Luật
/// Thuế xuất khẩu, thuế nhập khẩu", "Luật Xuất cảnh,\nnhập cảnh của công dân"): where the
/// title goes on, when at most six lower-case words follow, none a stop word or a clause word,
/// up to a clean end: punctuation, a stop word ("ngày", "số", "của"), a number, the line's
/// end, or a comma before another capitalised title. `None` for a list or a new clause.
fn comma_in_title(text: &str, j: usize) -> Option<usize> {
    let start = skip_ws(text, j + 1);
    let mut k = start;
    for count in 0..7 {
        let we = word_end(text, k)?;
        let w = &text[k..we];
        if is_capitalised(w) {
            return None;
        }
        let lw = w.to_lowercase();
        let digits = w.bytes().all(|b| b.is_ascii_digit());
        if count == 0 {
            if digits
                || is_cue(&lw, Cue::TitleStop)
                || CLAUSE_AFTER_COMMA.contains(&lw.as_str())
                || starts_type(text, k)
            {
                return None;
            }
        } else if digits || is_cue(&lw, Cue::TitleStop) {
            return Some(start);
        }
        let next = continue_at(text, we);
        if next == we {
            let after = skip_spaces(text, we);
            let rest = &text[after..];
            if rest.is_empty() || rest.starts_with([';', '.', ':', ')', '(', '*', '\n', '\r']) {
                return Some(start);
            }
            if rest.starts_with(',') {
                let n = skip_ws(text, after + 1);
                return word_end(text, n)
                    .is_some_and(|e| is_capitalised(&text[n..e]))
                    .then_some(start);
            }
            return None;
        }
        k = next;
    }
    None
}

/// One reference per key, in order of first citation; later citations fill in the fields the
/// first one lacked, and the fullest citation's text is kept.
fn merge(found: Vec<Found>) -> Vec<Reference> {
    let mut out: Vec<(String, Option<String>, Reference)> = Vec::new();
    for f in found {
        let existing = out.iter_mut().find(|(k, t, _)| {
            same_key(k, &f.key)
                || (f.reference.number.is_none()
                    && t.as_deref()
                        .zip(f.title.as_deref())
                        .is_some_and(|(a, b)| same_title(a, b)))
        });
        match existing {
            Some((_, _, r)) => {
                let score = |r: &Reference| {
                    r.date.is_some() as u8 + r.issuer.is_some() as u8 + r.doc_type.is_some() as u8
                };
                let new = f.reference;
                let hyphens = |n: &Option<String>| n.as_deref().map(|n| n.matches('-').count());
                if r.number.is_none() && new.number.is_some()
                    || hyphens(&new.number) > hyphens(&r.number)
                {
                    // "27/CTTg" cited after "27/CT-TTg": the well-formed number is kept.
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

/// Whether two reference keys name the same document: equal once their hyphens are left out,
/// a letter repeated across a hyphen counted once, so a number typed without its hyphen
/// ("27/CTTg") is the well-formed one ("27/CT-TTg").
fn same_key(a: &str, b: &str) -> bool {
    // A number has two hyphens at most: its forms differ by four bytes at most, and the
    // sequence opens both.
    a == b
        || (a.len().abs_diff(b.len()) <= 4
            && a.as_bytes().first() == b.as_bytes().first()
            && unhyphenated(a).eq(unhyphenated(b)))
}

/// The characters of a key without its hyphens; after a hyphen, a letter equal to the one
/// before the hyphen is left out ("CT-TTg" reads "CTTg").
fn unhyphenated(key: &str) -> impl Iterator<Item = char> + '_ {
    let mut prev = None;
    let mut hyphen = false;
    key.chars().filter(move |&c| {
        if c == '-' {
            hyphen = true;
            return false;
        }
        let keep = !(hyphen && prev == Some(c));
        hyphen = false;
        prev = Some(c);
        keep
    })
}

/// Whether two title keys name the same law: equal, or one is the other closed by its year
/// ("pháp lệnh|dân số năm 2003" and a later "pháp lệnh|dân số").
fn same_title(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    long == short
        || long.strip_prefix(short).is_some_and(|rest| {
            let year = rest
                .strip_prefix(" năm ")
                .or_else(|| rest.strip_prefix(' '));
            year.is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        })
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

    fn texts_and_types(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        references(text, None)
            .into_iter()
            .map(|r| (r.text, r.doc_type, r.number))
            .collect()
    }

    #[test]
    fn law_titles_wrapped_onto_the_next_line() {
        // dev/d010: a hard-wrapped list of laws, two type words closing their lines.
        let refs = references(
            "Cán bộ thực hiện đúng quy định\ncủa Luật Đất đai, Luật Thanh tra, Luật\nKhiếu nại, Luật Tiếp công dân, Luật\nPhòng, chống tham nhũng và các văn bản pháp luật khác.\n",
            None,
        );
        let texts: Vec<&str> = refs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Luật Đất đai",
                "Luật Thanh tra",
                "Luật Khiếu nại",
                "Luật Tiếp công dân",
                "Luật Phòng, chống tham nhũng"
            ]
        );
        // A type word alone on its line heads a block; a sentence closing the line is no title.
        assert!(references("Luật\nKhiếu nại năm 2011 quy định.\n", None).is_empty());
        assert!(references("Việc này trái Luật.\nNgày 5/3 đoàn đến.\n", None).is_empty());
    }

    #[test]
    fn law_titles_in_lower_case() {
        // dev/d052: a tax law's title in lower case, with and without its number.
        let mut got = texts_and_types(
            "Doanh nghiệp khai báo theo qui định của Luật thuế xuất khẩu, thuế nhập khẩu và các qui định khác. Cơ quan thuế truy thu theo quy định tại Luật thuế giá trị gia tăng, Cục trưởng xử phạt theo Luật thuế tiêu thụ đặc biệt.\nTheo Luật thuế thu nhập doanh nghiệp số 14/2008/QH12 và Luật khuyến khích đầu tư trong nước (sửa đổi) số 03/1998/QH 10.",
        );
        let want = |t: &str, n: Option<&str>| {
            (
                t.to_string(),
                Some("Luật".to_string()),
                n.map(str::to_string),
            )
        };
        // Numbered citations come first.
        got.rotate_left(2);
        assert_eq!(
            got,
            [
                want("Luật thuế xuất khẩu, thuế nhập khẩu", None),
                want("Luật thuế giá trị gia tăng", None),
                want("Luật thuế tiêu thụ đặc biệt", None),
                want(
                    "Luật thuế thu nhập doanh nghiệp số 14/2008/QH12",
                    Some("14/2008/QH12")
                ),
                want(
                    "Luật khuyến khích đầu tư trong nước (sửa đổi) số 03/1998/QH 10",
                    Some("03/1998/QH10")
                ),
            ]
        );
        // A lower-case title closed by its year names a law too.
        assert_eq!(
            texts_and_types("Theo Luật đất đai năm 2003 thì đất được giao.")[0].0,
            "Luật đất đai năm 2003"
        );
        // The common noun, a short name with an abbreviation, a description: none.
        for text in [
            "Thực hiện theo quy định của pháp luật về thuế.",
            "Luật này có hiệu lực từ ngày ký.",
            "Áp dụng Luật thuế TNCN năm 2007 đã sửa đổi.",
            "Luật giao Chính phủ quy định chi tiết.",
            "Dự thảo luật thuế giá trị gia tăng đang trình.",
        ] {
            assert!(references(text, None).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_second_post_of_the_issuer() {
        // dev/d016, dev/d019: one person's two posts, a comma between them.
        let refs = references(
            "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn về nghiệp vụ.",
            None,
        );
        assert_eq!(
            refs[0].issuer.as_deref(),
            Some("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ")
        );
        // A list of posts, no body's name after the second: not one issuer.
        let text = "của Bộ trưởng, Thủ trưởng cơ quan ngang bộ";
        assert_eq!(second_post(text, 4, 4 + "Bộ trưởng".len()), None);
        // A body's name before the comma is a whole issuer.
        let text = "của Bộ Tài chính, Chủ tịch Ủy ban nhân dân tỉnh";
        assert_eq!(second_post(text, 4, 4 + "Bộ Tài chính".len()), None);
    }

    #[test]
    fn an_application_cited_by_its_number() {
        // dev/d030: a company's "Đơn đề nghị" numbered like a state công văn.
        let refs = references(
            "Trên cơ sở Đơn đề nghị xác định mã số số\n301025/MHD-HQ ngày 30/10/2025 của Công ty cổ phần An Phú và hồ sơ kèm theo; Công văn số 512/ABC-KT ngày 2/11/2025.",
            None,
        );
        assert_eq!(refs[0].doc_type.as_deref(), Some("Đơn đề nghị"));
        assert_eq!(
            refs[0].text,
            "Đơn đề nghị xác định mã số số 301025/MHD-HQ ngày 30/10/2025 của Công ty cổ phần An Phú"
        );
        assert_eq!(refs[1].doc_type.as_deref(), Some("Công văn"));
        let refs = references("Xét đơn khiếu nại số 77/KN-HT của ông A.", None);
        assert_eq!(refs[0].doc_type.as_deref(), Some("Đơn khiếu nại"));
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

    fn texts(text: &str) -> Vec<String> {
        references(text, None).into_iter().map(|r| r.text).collect()
    }

    #[test]
    fn law_titles_with_a_comma() {
        assert_eq!(
            refs("Căn cứ Luật Quản lý,\nsử dụng tài sản công ngày 21 tháng 6 năm 2017; Căn cứ Luật Phòng, chống tham nhũng;", None),
            vec![
                row(None, Some("Luật"), Some("2017-06-21"), None, "Luật Quản lý, sử dụng tài sản công ngày 21 tháng 6 năm 2017"),
                row(None, Some("Luật"), None, None, "Luật Phòng, chống tham nhũng"),
            ]
        );
        // dev/d028: the title wrapped after the type word, a comma inside it.
        assert_eq!(
            refs("quy định tại khoản 6 Điều 16 Luật\nThuế xuất khẩu, thuế nhập khẩu 107/2016/QH13, khoản 1 Điều 11; tại Điều 3, Điều 5, Điều 9 Luật\nThế giá trị gia tăng số 48/2024/QH15.", None),
            vec![
                row(Some("107/2016/QH13"), Some("Luật"), None, None, "Luật Thuế xuất khẩu, thuế nhập khẩu 107/2016/QH13"),
                row(Some("48/2024/QH15"), Some("Luật"), None, None, "Luật Thế giá trị gia tăng số 48/2024/QH15"),
            ]
        );
        // A comma before a new clause or another law ends the title.
        assert_eq!(
            texts("theo Điều 85 Luật Đấu thầu, khoản 2 Điều 5 Luật Lâm nghiệp, Luật Đất đai và Luật Xuất cảnh, nhập cảnh của công dân Việt Nam."),
            ["Luật Đấu thầu", "Luật Lâm nghiệp", "Luật Đất đai", "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam"]
        );
    }

    #[test]
    fn law_titles_end_before_the_next_words() {
        assert_eq!(
            texts("theo quy định của Luật Ngân sách nhà nước, Luật Đầu tư công và pháp luật có liên quan; thi hành Luật Tiêu chuẩn và quy chuẩn kỹ thuật ban hành kèm theo; rà soát, sửa đổi, bổ sung Luật Các tổ chức tín dụng;"),
            ["Luật Ngân sách nhà nước", "Luật Đầu tư công", "Luật Tiêu chuẩn và quy chuẩn kỹ thuật", "Luật Các tổ chức tín dụng"]
        );
        // dev/d032: a type word wrapped apart after "và" is the next citation's.
        assert_eq!(
            refs("theo Điều 59 Luật Ban hành văn bản quy phạm pháp luật và Nghị\nđịnh số 80/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ về tổ chức", None),
            vec![
                row(Some("80/2025/NĐ-CP"), Some("Nghị định"), Some("2025-04-01"), Some("Chính phủ"), "80/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ"),
                row(None, Some("Luật"), None, None, "Luật Ban hành văn bản quy phạm pháp luật"),
            ]
        );
    }

    #[test]
    fn laws_named_in_an_amending_title_are_not_cited() {
        // dev/d004
        assert_eq!(
            texts("Căn cứ Luật số\n56/2024/QH15 ngày 29 tháng 11 năm 2024 về sửa đổi, bổ sung một số điều của\nLuật: Chứng khoán, Kế toán, Luật Dự trữ quốc gia,\nLuật Xử lý vi phạm hành chính; Căn cứ Luật số 57/2024/QH15 ngày 29 tháng 11 năm 2024 của Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu; Căn cứ Nghị định số 214/2025/NĐ-CP của Chính phủ Quy định chi tiết một số điều và biện pháp thi hành Luật Đấu thầu;"),
            ["Luật số 56/2024/QH15 ngày 29 tháng 11 năm 2024", "Luật số 57/2024/QH15 ngày 29 tháng 11 năm 2024 của Quốc hội", "Nghị định số 214/2025/NĐ-CP của Chính phủ"]
        );
        // dev/d059: the amending law is cited by its title and date.
        assert_eq!(
            refs("Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008; Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật\nViên chức ngày 25 tháng 11 năm 2019;", None),
            vec![
                row(None, Some("Luật"), Some("2008-11-13"), None, "Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008"),
                row(None, Some("Luật"), Some("2019-11-25"), None, "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức ngày 25 tháng 11 năm 2019"),
            ]
        );
        // dev/d061: a title block naming "một số điều của" ends at the first "Căn cứ"; dev/d041:
        // an amending law cited with its number is that number's citation.
        assert_eq!(
            texts("Sửa đổi, bổ sung một số điều của Thông tư 08/2020/TT-BLĐTBXH hướng dẫn\nCăn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật\nBan hành văn bản quy phạm pháp luật số 87/2025/QH15;"),
            ["Thông tư 08/2020/TT-BLĐTBXH", "Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15", "Luật Tố cáo ngày 12 tháng 6 năm 2018"]
        );
    }

    #[test]
    fn numbers_without_a_slash_after_so() {
        assert_eq!(
            refs("Trả lời công văn số 1025-CVHQ\nngày 10/10/2025 của Công ty TNHH Minh An về việc; ban hành theo Nghị định số 25-HĐBT ngày 18-3-1989 của Hội đồng Bộ trưởng. Số 12-AB dự kiến; công văn số 5-a", None),
            vec![
                row(Some("1025-CVHQ"), Some("Công văn"), Some("2025-10-10"), Some("Công ty TNHH Minh An"), "công văn số 1025-CVHQ ngày 10/10/2025 của Công ty TNHH Minh An"),
                row(Some("25-HĐBT"), Some("Nghị định"), Some("1989-03-18"), Some("Hội đồng Bộ trưởng"), "Nghị định số 25-HĐBT ngày 18-3-1989 của Hội đồng Bộ trưởng"),
            ]
        );
    }

    /// The issuer of each reference `text` cites.
    fn issuers(text: &str) -> Vec<Option<String>> {
        references(text, None)
            .into_iter()
            .map(|r| r.issuer)
            .collect()
    }

    #[test]
    fn a_closing_issuer_is_shared_by_the_list() {
        // dev/d038, d068
        assert_eq!(
            issuers("thực hiện Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày\n29/12/2023 của Ban Thường vụ Tỉnh ủy; xem xét Tờ trình số 291/TTr-CP ngày 02 tháng 5 năm 2025, Báo cáo thẩm tra bổ sung số 444/BC-CP ngày 16 tháng 5 năm 2025 của Chính phủ"),
            [Some("Ban Thường vụ Tỉnh ủy"), Some("Ban Thường vụ Tỉnh ủy"), Some("Chính phủ"), Some("Chính phủ")].map(|s| s.map(String::from))
        );
        // Another body's code, or a clause between: not shared.
        assert_eq!(
            issuers("Luật Đất đai số 31/2024/QH15, Nghị định số 102/2024/NĐ-CP của Chính phủ; Kế hoạch số 12-KH/TU ngày 2/3/2024 triển khai, Chỉ thị số 5-CT/TU của Tỉnh ủy"),
            [None, Some("Chính phủ"), None, Some("Tỉnh ủy")].map(|s| s.map(String::from))
        );
    }

    #[test]
    fn issuer_names_with_a_dash_a_task_or_a_capitalised_verb() {
        assert_eq!(
            issuers("theo Thông tư số 10/2020/TT-BLĐTBXH ngày 12/11/2020 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn; Quyết định số 64/QĐ-BCĐCCTLBHXH ngày 12/5/2015 của Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương, bảo hiểm xã hội và ưu đãi người có công về phân công; Nghị định số 214/2025/NĐ-CP ngày 04 tháng 8 năm 2025 của Chính phủ Quy định chi tiết"),
            [
                Some("Bộ trưởng Bộ Lao động - Thương binh và Xã hội"),
                Some("Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương, bảo hiểm xã hội và ưu đãi người có công"),
                Some("Chính phủ"),
            ].map(|s| s.map(String::from))
        );
        assert_eq!(
            issuers("Công văn số 12/CV-BIA ngày 3/4/2024 của CÔNG TY CỔ PHẦN BIA SÀI GÒN – BẾN TRE vướng mắc; Thông báo số 03-TB/BCĐTW ngày 6/3/2025 của Ban chỉ đạo Trung ương thông báo"),
            [Some("CÔNG TY CỔ PHẦN BIA SÀI GÒN – BẾN TRE"), Some("Ban chỉ đạo Trung ương")].map(|s| s.map(String::from))
        );
    }

    #[test]
    fn a_code_is_cited_as_bo_luat() {
        assert_eq!(
            refs("Căn cứ Bộ luật Lao động số 45/2019/QH14; Căn cứ Bộ luật Hàng hải Việt Nam ngày 25 tháng 11 năm 2015;", None),
            vec![
                row(Some("45/2019/QH14"), Some("Bộ luật"), None, None, "Bộ luật Lao động số 45/2019/QH14"),
                row(None, Some("Bộ luật"), Some("2015-11-25"), None, "Bộ luật Hàng hải Việt Nam ngày 25 tháng 11 năm 2015"),
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

    #[test]
    fn a_year_closing_a_law_or_charter_title_dates_it() {
        assert_eq!(
            refs(
                "Theo Điều 5 Luật Lưu trữ 2024 và khoản 2 Điều 8 Luật Thư viện năm 2019;",
                None
            ),
            vec![
                row(None, Some("Luật"), Some("2024"), None, "Luật Lưu trữ 2024"),
                row(
                    None,
                    Some("Luật"),
                    Some("2019"),
                    None,
                    "Luật Thư viện năm 2019"
                ),
            ]
        );
        // The charter by its full name with a year, then by its short name: one document.
        assert_eq!(
            refs(
                "Căn cứ Điều 12 Điều lệ Đảng Cộng sản Việt Nam 2011 quy định; đảng viên chấp hành Điều lệ Đảng, nghị quyết, chỉ thị của Đảng.",
                None
            ),
            vec![row(
                None,
                Some("Điều lệ"),
                Some("2011"),
                None,
                "Điều lệ Đảng Cộng sản Việt Nam 2011"
            )]
        );
    }

    #[test]
    fn a_charter_title_does_not_run_on_past_a_comma() {
        assert_eq!(
            texts("Chi bộ thực hiện Cương lĩnh chính trị, Điều lệ Đảng, tiêu chuẩn đảng viên, hoạt động đúng quy định."),
            vec!["Điều lệ Đảng"]
        );
    }

    #[test]
    fn the_constitution_as_the_law_of_the_land_is_not_cited() {
        for text in [
            "Hội hoạt động trong khuôn khổ Hiến pháp và pháp luật.",
            "bảo đảm quyền con người mà Hiến pháp đã quy định, đúng thẩm quyền",
            "xử lý hành vi vi phạm Hiến pháp, pháp luật của Nhà nước",
        ] {
            assert_eq!(texts(text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(
            texts("một số quy định không còn phù hợp với Hiến pháp, như sau"),
            vec!["Hiến pháp"]
        );
    }

    #[test]
    fn bills_aliases_and_amended_laws_are_not_cited() {
        // A bill under discussion.
        assert_eq!(
            texts("Bộ Tư pháp báo cáo về dự án Luật Đất đai (sửa đổi); dự thảo Luật Đầu tư sau khi chỉnh lý."),
            Vec::<String>::new()
        );
        // A short name in brackets for the law cited before it.
        assert_eq!(
            texts("Luật Giá số 16/2023/QH15 bổ sung Điều 7 (Luật GSQG có hiệu lực từ ngày 01/7/2024)."),
            vec!["Luật Giá số 16/2023/QH15"]
        );
        // The law a cited law amends, named in its description.
        assert_eq!(
            texts("mức mà Luật Thuế tài nguyên số 45/2009/QH12 sửa đổi Luật\nThuế bảo vệ môi trường đã quy định."),
            vec!["Luật Thuế tài nguyên số 45/2009/QH12"]
        );
        // "và khoản …" opens a new clause after a law's title.
        assert_eq!(
            texts("tại điểm b khoản 3 Điều 12 Luật Thống kê\nvà khoản 2 Điều 4 Nghị định số 62/2024/NĐ-CP"),
            vec!["Nghị định số 62/2024/NĐ-CP", "Luật Thống kê"]
        );
    }

    #[test]
    fn a_plenum_named_by_its_ordinal_is_the_issuer() {
        let r = references(
            "thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban\nChấp hành Trung ương Khóa XII về tổ chức bộ máy",
            None,
        );
        assert_eq!(
            r[0].issuer.as_deref(),
            Some("Hội nghị lần thứ sáu Ban Chấp hành Trung ương Khóa XII")
        );
    }

    #[test]
    fn numbers_with_the_sequence_spaced_from_the_code() {
        assert_eq!(
            refs(
                "theo Thông tư 45 TC/TCT, ngày 12/05/1996 của Bộ Tài chính và Quyết định số 812 TC/QĐ/CĐKT ngày 20/3/1995",
                None
            ),
            vec![
                row(
                    Some("45TC/TCT"),
                    Some("Thông tư"),
                    Some("1996-05-12"),
                    Some("Bộ Tài chính"),
                    "Thông tư 45 TC/TCT, ngày 12/05/1996 của Bộ Tài chính"
                ),
                row(
                    Some("812TC/QĐ/CĐKT"),
                    Some("Quyết định"),
                    Some("1995-03-20"),
                    None,
                    "Quyết định số 812 TC/QĐ/CĐKT ngày 20/3/1995"
                ),
            ]
        );
        // A count before a word in capitals is no number.
        assert_eq!(texts("Kế hoạch 5 năm của UBND tỉnh"), Vec::<String>::new());
    }

    #[test]
    fn a_document_naming_itself_by_its_title_is_not_cited() {
        let body = "Đảng viên chấp hành Cương lĩnh chính trị, Điều lệ Đảng; Điều lệ Đảng ngày 19/01/2011 quy định như sau.";
        let types = dict::find_doc_types(body);
        let own = references_with(
            body,
            None,
            Some(("Điều lệ", "Đảng Cộng sản Việt Nam")),
            &types,
        );
        assert!(own.is_empty(), "{own:?}");
        // Another document's charter is still cited.
        let other = references_with(body, None, Some(("Quy định", "Thi hành Điều lệ")), &types);
        assert_eq!(other.len(), 1, "{other:?}");
    }

    #[test]
    fn so_without_a_number_after_it_is_a_title_word() {
        assert_eq!(
            texts(
                "Sửa đổi Điều 10 của Pháp lệnh dân số năm 2003. Một số nội dung tại Pháp lệnh Dân số không còn phù hợp."
            ),
            vec!["Pháp lệnh dân số năm 2003"]
        );
        // "số" before a number or a blank still ends the title.
        assert_eq!(
            texts("Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18/01/2024."),
            vec!["Luật Đất đai số 31/2024/QH15 ngày 18/01/2024"]
        );
    }

    #[test]
    fn a_number_typed_without_its_hyphen_is_the_same_document() {
        let rows = refs(
            "Thực hiện Chỉ thị số 27/CT-TTg ngày 15/8/2024 của Thủ tướng Chính phủ. Triển khai Chỉ thị số 27/CTTg ngày 15/8/2024 của Thủ tướng Chính phủ.",
            None,
        );
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0].0.as_deref(), Some("27/CT-TTg"));
        // The typo cited first gives way to the well-formed number.
        let rows = refs(
            "Triển khai Chỉ thị số 27/CTTg của Thủ tướng Chính phủ. Thực hiện Chỉ thị số 27/CT-TTg ngày 15/8/2024.",
            None,
        );
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0].0.as_deref(), Some("27/CT-TTg"));
    }
}
