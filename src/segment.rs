//! Segmentation: one normalised document → its lines, cleaned of markup debris and web-page
//! boilerplate, and the spans that the field extractors read.
//!
//! Dispatch layout (Nghị định 30/2020/NĐ-CP Phụ lục I; Hướng dẫn 36-HD/VPTW): a header block
//! (issuer lines, motto, number, place-date line, "V/v" subject), the type title and the lines
//! under it, a "Kính gửi" block, the body, the signature block and the "Nơi nhận" list, then any
//! annex. News layout: headline, time line, body, byline, source credit. Text extraction
//! interleaves the two header columns line by line and thuvienphapluat.vn dumps put header cells
//! between `|` lines, so header lines are recognised by what they say, not by where they stand.
//!
//! The pass over the text is linear: each raw line is looked at a bounded number of times.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

use crate::dict::{self, BoilerplateScope};

/// One logical line (or table cell) of the document, cleaned of markdown and HTML debris.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// The cleaned text: no `**`, `|`, `#`, tags or entities; trimmed; never empty.
    pub text: Cow<'a, str>,
    /// The whole line was bold (`**…**`), as titles and authority lines are.
    pub bold: bool,
    /// Markdown heading level: 1 for `# …`, 2 for `## …`; 0 for none.
    pub heading: u8,
    /// A blank line, a rule (`-----`, `*`) or a table-cell boundary came just before.
    pub gap_before: bool,
    /// 0 for a whole line or its first cell; 1, 2 … for further tab- or `|`-separated cells.
    /// A signature line set among the "Nơi nhận" items without tabs is moved to cell 1, the
    /// right column it stands for ([`Segments::signature_in_list`]).
    pub cell: u8,
}

/// Values of a JSON front matter block (`---json … ---`) that some portals put on top.
#[derive(Debug, Clone, Default)]
pub(crate) struct FrontMatter<'a> {
    /// `"title"`: the post's headline.
    pub title: Option<&'a str>,
    /// `"date"`: the post's publication time (ISO 8601).
    pub date: Option<&'a str>,
}

/// The spans of one document. Ranges index [`Segments::lines`]; an empty range is an absent
/// block.
#[derive(Debug, Clone, Default)]
pub(crate) struct Segments<'a> {
    /// Every line that is part of the document (boilerplate removed), in order.
    pub lines: Vec<Line<'a>>,
    /// Header block: issuer lines, mottos, number, place-date line.
    pub header: Range<usize>,
    /// Issuer lines of the header (left column, above the number), in order.
    pub issuer_lines: Vec<usize>,
    /// The header's "Số …" line, and the line holding the number when it stands on the next.
    pub number_line: Option<(usize, Option<usize>)>,
    /// The place-date line and how many lines it spans (a wrapped date line).
    pub place_date: Option<Range<usize>>,
    /// The type title line ("QUYẾT ĐỊNH", "KẾ HOẠCH").
    pub title: Option<usize>,
    /// Subject (trích yếu) lines: the "V/v …" line and its continuation, or the lines under
    /// the title.
    pub subject: Range<usize>,
    /// The promulgating authority line under the title ("THỦ TƯỚNG CHÍNH PHỦ", "Bộ trưởng Bộ
    /// Tài chính"): the issuer when the header names none.
    pub promulgator: Option<usize>,
    /// "Kính gửi" block, its first line included.
    pub recipients: Range<usize>,
    /// Body of the document (after the title, subject and recipients, before the signature
    /// and "Nơi nhận").
    pub body: Range<usize>,
    /// Running text above the title of a page without a header (a news lead above the
    /// document it reports, dev/d068); part of the body text.
    pub lead: Range<usize>,
    /// Signature block: authority, position and name lines.
    pub signature: Range<usize>,
    /// "Nơi nhận" block, its first line included.
    pub distribution: Range<usize>,
    /// The signature lines stand among the "Nơi nhận" items (dev/d050) and were moved to the
    /// right column (`cell` 1): the list reads as a column layout.
    pub signature_in_list: bool,
    /// Lines after the signature and distribution (annexes); part of the body text.
    pub annex: Range<usize>,
    /// News: the headline line.
    pub headline: Option<usize>,
    /// News: the publication-time line.
    pub time_line: Option<usize>,
    /// News: byline and source-credit lines at the end of the report.
    pub byline: Range<usize>,
    /// JSON front matter values.
    pub front_matter: FrontMatter<'a>,
    /// Raw boilerplate lines that carry metadata ("Giờ đăng bài viết gốc: …").
    pub metadata: Vec<String>,
    /// Number of `[img]` markers (news pages keep them where pictures stood).
    pub images: usize,
}

impl<'a> Segments<'a> {
    /// The text of `range` joined with newlines.
    pub(crate) fn text(&self, range: Range<usize>) -> String {
        let range = range.start.min(self.lines.len())..range.end.min(self.lines.len());
        let len: usize = self.lines[range.clone()]
            .iter()
            .map(|l| l.text.len() + 1)
            .sum();
        let mut out = String::with_capacity(len);
        for line in &self.lines[range] {
            out.push_str(&line.text);
            out.push('\n');
        }
        out
    }

    /// The body text given to the inline extractors: body, then annexes. Boilerplate, header,
    /// signature and distribution are left out.
    pub(crate) fn body_text(&self) -> String {
        let mut out = self.text(self.body.clone());
        if !self.lead.is_empty() {
            out.insert_str(0, &self.text(self.lead.clone()));
        }
        if !self.annex.is_empty() {
            out.push_str(&self.text(self.annex.clone()));
        }
        out
    }

    /// The line at `i`, or "" past the end.
    pub(crate) fn line(&self, i: usize) -> &str {
        self.lines.get(i).map_or("", |l| &l.text)
    }
}

// ---------------------------------------------------------------------------------------------
// Patterns (compiled once)

/// "Số: 123/QĐ-UBND", "Số -CV/BTGTU", "SỐ:155/1998/TT/BTC", "Luật số: 51/2024/QH15".
pub(crate) static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:(?:bộ\s+)?luật|nghị\s+quyết|pháp\s+lệnh|lệnh|nghị\s+định|quyết\s+định|thông\s+tư|văn\s+bản\s+hợp\s+nhất)\s+)?(?i:số|so)\s*(?:hiệu)?\s*[:.]?\s*(?P<rest>.*)$")
        .expect("number line regex")
});

/// A number as it starts: digits or a blank, then a separator and a capital letter.
static NUMBER_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d[\d.]*\s*[-/–]?\s*|[-/–]\s*|\.{2,}\s*/?\s*|…\s*/?\s*)?(?:\d{4}\s*/\s*)?[\p{Lu}Đ][\p{L}\d&.]*(?:\s*[-/–.]\s*[\p{L}\d&]+)*\s*$")
        .expect("number-like regex")
});

/// "Bình Phước, ngày tháng 9 năm 2021", "*Hà Nội, ngày 20" (wrapped), "TP.Cần Thơ, ngày 01 …".
pub(crate) static PLACE_DATE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>[^,;:0-9]{2,60}?)\s*,\s*(?i:ngày)(?:\s|$|\d)")
        .expect("place-date regex")
});

static HAS_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i:năm)\s*\d{4}|\d{1,2}\s*/\s*\d{4}").expect("year regex"));

/// "V/v …", "Về việc …" (marker only; the text follows).
pub(crate) static SUBJECT_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:V/v|V/V|v/v|V\.v|Về việc|VỀ VIỆC|Về\s+việc)\s*[:.]?\s*").expect("V/v regex")
});

/// "Kính gửi:", "- Kính gửi:*", "**Kính gửi:** Bộ Nội vụ"; a giấy mời's "Trân trọng kính mời:".
pub(crate) static RECIPIENTS_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-–+•*\s]*(?i:kính\s+gửi|(?:trân\s+trọng\s+)?kính\s+mời)\s*[:.]?\s*")
        .expect("Kính gửi regex")
});

/// "THỦ TƯỚNG CHÍNH PHỦ điện:" (công điện recipients).
static TELEGRAM_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s(?:điện|ĐIỆN)\s*:\s*$").expect("điện regex"));

/// "Nơi nhận:", "Nơi gửi:".
pub(crate) static DISTRIBUTION_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-–*\s]*(?i:nơi\s+nhận)\s*[:.]?\s*").expect("Nơi nhận regex"));

/// [`DISTRIBUTION_MARKER`]`.is_match(s)`, most lines answered without the regex: after the
/// dashes, stars and spaces the marker opens with "n" or "N" (no other letter folds to them).
fn is_distribution_marker(s: &str) -> bool {
    s.trim_start_matches(|c: char| c == '-' || c == '–' || c == '*' || c.is_whitespace())
        .starts_with(['n', 'N'])
        && DISTRIBUTION_MARKER.is_match(s)
}

/// "(Đã ký)", "[đã ký]", "Đã ký", "(Ký tên, đóng dấu)", "(ký, ghi rõ họ tên)", seals.
static SIGNED_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\[(]?\s*(?i:(?:đã\s+)?ký(?:\s+tên)?(?:\s*(?:,|và)\s*(?:đóng dấu|ghi rõ họ(?:\s+và)?\s+tên))*|đóng dấu|chữ ký|\(?dấu\)?|signature not verified|ký bởi.*)\s*[\])]?\.?$")
        .expect("signed-mark regex")
});

/// A news time line: "Thứ tư - 14/06/2023 23:03", "Thứ sáu 05/06/2020 19:00", "14/04/2025 23:02".
pub(crate) static TIME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:thứ\s+\p{L}+|chủ\s+nhật)\s*[-,–]?\s*)?(?:(?i:ngày)\s*)?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?:\s*[-,|]?\s*(?P<h>\d{1,2})[:h](?P<min>\d{2})(?::\d{2})?(?:\s*(?i:GMT|\+07:?00))?)?")
        .expect("time line regex")
});

/// Start of the body proper: "Căn cứ …", "Điều 1.", "Thực hiện …", "I. …", "1. …".
static BODY_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:căn cứ|thực hiện|theo đề nghị|xét đề nghị|xét tờ trình|điều\s+\d|chương\s+[IVX\d]|phần\s+[IVX\d]|mục\s+[IVX\d])\b|[IVX]{1,4}\.\s|\d{1,2}\.\s|\(\d+\)\s)")
        .expect("body start regex")
});

/// Promulgating-authority lines under a title ("THỦ TƯỚNG CHÍNH PHỦ", "CHỦ TỊCH ỦY BAN NHÂN
/// DÂN TỈNH …", "BỘ TRƯỞNG BỘ …"): they end the subject.
static PROMULGATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|VỤ TRƯỞNG|CHÁNH|TRƯỞNG BAN|TỔNG KIỂM TOÁN|VIỆN TRƯỞNG|HIỆU TRƯỞNG|ỦY BAN|UỶ BAN|HỘI ĐỒNG|CHÍNH PHỦ|QUỐC HỘI|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|BỘ CHÍNH TRỊ|BAN BÍ THƯ|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|ĐẢNG ỦY|BAN\s)")
        .expect("promulgator regex")
});

static HTML_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^<>]{0,400}>").expect("tag regex"));

static FRONT_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*"?(?P<k>title|date)"?\s*:\s*"(?P<v>[^"]*)""#).expect("front matter regex")
});

// ---------------------------------------------------------------------------------------------
// Line cleaning

/// A rule or separator line once debris is gone: `-----`, `*`, `===&===`, `_____`.
fn is_rule(s: &str) -> bool {
    let base = |c: char| {
        matches!(
            c,
            '-' | '–' | '—' | '=' | '_' | '*' | '&' | '~' | '.' | '·' | ' ' | '|'
        )
    };
    if s.chars().all(base) {
        return !s.is_empty();
    }
    // Ornaments of old transcripts: "-:-", "-0-" (dev/d050, legacy TCVN3 files).
    if s.len() > 12 {
        return false;
    }
    let marks = s
        .chars()
        .filter(|&c| matches!(c, '-' | '–' | '=' | '_'))
        .count();
    marks >= 2
        && s.chars()
            .all(|c| base(c) || matches!(c, ':' | '0' | 'o' | 'O'))
}

fn decode_entity(name: &str) -> Option<&'static str> {
    // HTML named entities that Vietnamese CMS pages use (HTML 4 Latin-1 set + common ones).
    Some(match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => " ",
        "amp" => "&",
        "quot" => "\"",
        "apos" => "'",
        "lt" => "<",
        "gt" => ">",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "ldquo" => "“",
        "rdquo" => "”",
        "lsquo" => "‘",
        "rsquo" => "’",
        "agrave" => "à",
        "aacute" => "á",
        "acirc" => "â",
        "atilde" => "ã",
        "egrave" => "è",
        "eacute" => "é",
        "ecirc" => "ê",
        "igrave" => "ì",
        "iacute" => "í",
        "ograve" => "ò",
        "oacute" => "ó",
        "ocirc" => "ô",
        "otilde" => "õ",
        "ugrave" => "ù",
        "uacute" => "ú",
        "yacute" => "ý",
        "Agrave" => "À",
        "Aacute" => "Á",
        "Acirc" => "Â",
        "Atilde" => "Ã",
        "Egrave" => "È",
        "Eacute" => "É",
        "Ecirc" => "Ê",
        "Igrave" => "Ì",
        "Iacute" => "Í",
        "Ograve" => "Ò",
        "Oacute" => "Ó",
        "Ocirc" => "Ô",
        "Otilde" => "Õ",
        "Ugrave" => "Ù",
        "Uacute" => "Ú",
        "Yacute" => "Ý",
        _ => return None,
    })
}

/// Replaces `&name;`, `&#NNN;` and `&#xHH;` entities.
fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp + 1..];
        let semi = tail.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| {
            let name = &tail[..i];
            if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                code.and_then(char::from_u32).map(|c| (c.to_string(), i))
            } else {
                decode_entity(name).map(|d| (d.to_string(), i))
            }
        });
        match decoded {
            Some((text, i)) => {
                out.push_str(&text);
                rest = &tail[i + 1..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether a cell holds debris, a double space or a no-break space. Most cells are clean, so
/// the check looks at 16 bytes at a time (SSE2 on x86_64, the last block overlapping the one
/// before), each byte together with the one before it for the two-byte marks.
fn needs_cleaning(bytes: &[u8]) -> bool {
    let Some(&first) = bytes.first() else {
        return false;
    };
    if marks(first, 0) {
        return true;
    }
    #[cfg(target_arch = "x86_64")]
    if bytes.len() > 16 {
        let mut i = 1;
        while i + 16 <= bytes.len() {
            if block_marks(bytes, i) {
                return true;
            }
            i += 16;
        }
        return i < bytes.len() && block_marks(bytes, bytes.len() - 16);
    }
    (1..bytes.len()).any(|k| marks(bytes[k], bytes[k - 1]))
}

/// Whether byte `b`, after `prev`, is cleaning work: debris, a second space, a no-break space.
#[inline(always)]
fn marks(b: u8, prev: u8) -> bool {
    let debris = (b == b'*')
        | (b == b'#')
        | (b == b'|')
        | (b == b'&')
        | (b == b'<')
        | (b == b'[')
        | (b == b'_')
        | (b == b'\t')
        | (b == b'>')
        | (b == b'`');
    debris | ((b == b' ') & (prev == b' ')) | ((b == 0xa0) & (prev == 0xc2))
}

/// [`marks`] over `bytes[i..i + 16]`, each byte with the one before it (`i >= 1`).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn block_marks(bytes: &[u8], i: usize) -> bool {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    let block = &bytes[i..i + 16];
    let before = &bytes[i - 1..i + 15];
    // SAFETY: both slices hold 16 bytes, the width of an unaligned load; SSE2 is part of every
    // x86_64 target, so its intrinsics may be called anywhere.
    unsafe {
        let b = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        let p = _mm_loadu_si128(before.as_ptr().cast::<__m128i>());
        let eq = |v: __m128i, x: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(x as i8));
        let mut hit = _mm_or_si128(eq(b, b'*'), eq(b, b'#'));
        for x in [b'|', b'&', b'<', b'[', b'_', b'\t', b'>', b'`'] {
            hit = _mm_or_si128(hit, eq(b, x));
        }
        hit = _mm_or_si128(hit, _mm_and_si128(eq(b, b' '), eq(p, b' ')));
        hit = _mm_or_si128(hit, _mm_and_si128(eq(b, 0xa0), eq(p, 0xc2)));
        _mm_movemask_epi8(hit) != 0
    }
}

/// What [`clean_cell`] does with a byte or character.
enum Mark {
    Drop,
    Space,
    Keep,
}

/// Cleans one cell: markup debris, entities, tags, list bullets kept. Returns the text, whether
/// the cell was wholly bold and its markdown heading level (0 for none). Borrows when the cell is
/// already clean (most lines). `marked` is false when the whole line was found clean already.
fn clean_cell(raw: &str, marked: bool) -> (Cow<'_, str>, bool, u8) {
    let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !marked || !needs_cleaning(t.as_bytes()) {
        return (Cow::Borrowed(t), false, 0);
    }
    let heading = t.bytes().take_while(|&b| b == b'#').count().min(6) as u8;
    let bold = t.starts_with("**") && t.ends_with("**") && t.len() > 4;
    let mut s: Cow<'_, str> = Cow::Borrowed(t);
    let has = |s: &str, b: u8| memchr::memchr(b, s.as_bytes()).is_some();
    if has(&s, b'<') {
        s = Cow::Owned(HTML_TAG.replace_all(&s, " ").into_owned());
    }
    if has(&s, b'&') {
        s = Cow::Owned(decode_entities(&s).into_owned());
    }
    if has(&s, b'[') {
        s = Cow::Owned(s.replace("[img]", " ").replace("[IMG]", " "));
    }
    // One pass: drop emphasis marks, turn separators into spaces, collapse spaces, skip the
    // leading heading and quote marks.
    // Kept characters are copied a run at a time: `kept` is the run of `s` not yet copied.
    // The marks are ASCII, and a non-ASCII space is led by C2, E1, E2 or E3: other bytes are
    // kept without decoding their character (a kept character's bytes stay in one run).
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut started = false;
    let mut kept = 0..0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (mark, len) = match b {
            // Bold debris inside words ("**V****ề việc s****ắp xếp", dev/d042) is dropped.
            b'*' | b'`' => (Mark::Drop, 1),
            b'|' | b'\t' => (Mark::Space, 1),
            b'#' | b'>' if !started => (Mark::Drop, 1),
            _ if b.is_ascii() => {
                let space = char::from(b).is_whitespace();
                (if space { Mark::Space } else { Mark::Keep }, 1)
            }
            0xc2 | 0xe1 | 0xe2 | 0xe3 => {
                let mark = if wide_space_at(bytes, i) {
                    Mark::Space
                } else {
                    Mark::Keep
                };
                (mark, if b == 0xc2 { 2 } else { 3 })
            }
            _ => (Mark::Keep, 1),
        };
        match mark {
            Mark::Drop => {}
            Mark::Space => space = started,
            // One plain space right after the run goes on with it: the output has the same
            // byte there, and a run a word long would be copied word by word.
            Mark::Keep if space && kept.end + 1 == i && bytes[kept.end] == b' ' => {
                space = false;
                kept.end = i + len;
            }
            Mark::Keep => {
                if space || kept.end != i {
                    out.push_str(&s[kept]);
                    if space {
                        out.push(' ');
                        space = false;
                    }
                    kept = i..i;
                }
                kept.end = i + len;
                started = true;
            }
        }
        i += len;
    }
    out.push_str(&s[kept]);
    // Underscores as emphasis (`_text_`) but not inside words.
    if out.starts_with('_') || out.ends_with('_') {
        out = out.trim_matches('_').trim().to_string();
    }
    (Cow::Owned(out), bold, heading)
}

/// Splits a raw line into cells: at tabs or runs of 4+ spaces (tab-aligned two-column headers
/// of older documents) and at inner `|` of markdown table rows. One scan decides whether the
/// line needs splitting at all; `None` when it is one cell (most lines: no allocation).
fn split_cells(raw: &str) -> Option<Vec<&str>> {
    static FOUR_SPACES: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"    "));
    let t = raw.trim();
    let bytes = t.as_bytes();
    let pipe = memchr::memchr(b'|', bytes).is_some();
    let wide = memchr::memchr(b'\t', bytes).is_some() || FOUR_SPACES.find(bytes).is_some();
    if pipe {
        let inner = t.trim_matches('|');
        if inner.contains('|') {
            return Some(inner.split('|').filter(|c| !c.trim().is_empty()).collect());
        }
    }
    if wide {
        let mut cells = Vec::new();
        let mut start = 0;
        let bytes = t.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\t' || (bytes[i] == b' ' && t[i..].starts_with("    ")) {
                let mut j = i;
                while j < bytes.len() && (bytes[j] == b'\t' || bytes[j] == b' ') {
                    j += 1;
                }
                if !t[start..i].trim().is_empty() {
                    cells.push(&t[start..i]);
                }
                start = j;
                i = j;
            } else {
                i += 1;
            }
        }
        if !t[start..].trim().is_empty() {
            cells.push(&t[start..]);
        }
        if cells.len() > 1 {
            return Some(cells);
        }
    }
    None
}

/// The lines of `text` as [`str::lines`] gives them (a "\r" before the "\n" dropped), found with
/// the vectorised `memchr`.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => {
                let line = &rest[..i];
                (line.strip_suffix('\r').unwrap_or(line), &rest[i + 1..])
            }
            None => (rest, ""),
        };
        rest = next;
        Some(line)
    })
}

/// `people::collapse(s)` (whitespace runs to one space, trimmed), borrowing `s` when it is
/// already collapsed (most task and citation texts): one byte loop instead of a push a word.
pub(crate) fn collapsed(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    // A space at the start, after a space or at the end is a change.
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = match b {
            b' ' => (true, 1),
            b'\t'..=b'\r' => return Cow::Owned(crate::extract::people::collapse(s)),
            // The leads of the non-ASCII spaces (U+0085, U+00A0, U+1680, U+2000 …, U+3000),
            // told by their bytes: E1 leads every letter ạ … ỹ too.
            0xc2 | 0xe1 | 0xe2 | 0xe3 => {
                if wide_space_at(bytes, i) {
                    return Cow::Owned(crate::extract::people::collapse(s));
                }
                (false, if b == 0xc2 { 2 } else { 3 })
            }
            _ => (false, 1),
        };
        if space && after_space {
            return Cow::Owned(crate::extract::people::collapse(s));
        }
        after_space = space;
        i += len;
    }
    if after_space && !s.is_empty() {
        return Cow::Owned(crate::extract::people::collapse(s));
    }
    Cow::Borrowed(s)
}

/// Whether the character at byte `i` (led by C2, E1, E2 or E3) is one of the non-ASCII
/// white-space characters (`char::is_whitespace`): U+0085, U+00A0, U+1680, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000.
#[inline]
fn wide_space_at(bytes: &[u8], i: usize) -> bool {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        0xc2 => matches!(next(1), 0x85 | 0xa0),
        0xe1 => next(1) == 0x9a && next(2) == 0x80,
        0xe2 => match next(1) {
            0x80 => matches!(next(2), 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf),
            0x81 => next(2) == 0x9f,
            _ => false,
        },
        0xe3 => next(1) == 0x80 && next(2) == 0x80,
        _ => false,
    }
}

/// Counts `**` pairs-openers: an odd count leaves a bold span open.
fn open_bold(s: &str) -> bool {
    // `s.matches("**").count()`, by bytes: non-overlapping, left to right.
    let b = s.as_bytes();
    let (mut count, mut i) = (0usize, 0);
    while i + 1 < b.len() {
        if b[i] == b'*' && b[i + 1] == b'*' {
            count += 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    count % 2 == 1
}

/// Raw lines, with short bold/italic spans wrapped over 2–3 lines joined
/// (`**THỦ TƯỚNG CHÍNH` / `PHỦ**` → one line).
fn logical_lines(text: &str) -> Vec<Cow<'_, str>> {
    let raw: Vec<&str> = lines(text).collect();
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let line = raw[i];
        // Only a line opening with "*" can open a span: the others are not trimmed at the end.
        if !line.trim_start().starts_with('*') {
            out.push(Cow::Borrowed(line));
            i += 1;
            continue;
        }
        let t = line.trim();
        let opens_bold = t.starts_with("**") && open_bold(t) && t.len() > 2;
        let opens_italic = !opens_bold
            && t.starts_with('*')
            && !t.starts_with("**")
            && t.len() > 1
            && t.matches('*').count() == 1
            && !t.starts_with("* ");
        if opens_bold || opens_italic {
            let mut joined = t.to_string();
            let mut j = i + 1;
            let mut closed = false;
            while j < raw.len() && j <= i + 2 {
                let next = raw[j].trim();
                if next.is_empty() || next.starts_with('|') || joined.len() + next.len() > 200 {
                    break;
                }
                joined.push(' ');
                joined.push_str(next);
                let done = if opens_bold {
                    !open_bold(&joined)
                } else {
                    next.contains('*')
                };
                j += 1;
                if done {
                    closed = true;
                    break;
                }
            }
            if closed {
                out.push(Cow::Owned(joined));
                i = j;
                continue;
            }
        }
        out.push(Cow::Borrowed(line));
        i += 1;
    }
    out
}

/// What [`prepare`] gives: the document's lines and what it learnt on the way.
struct Prepared<'a> {
    lines: Vec<Line<'a>>,
    front: FrontMatter<'a>,
    metadata: Vec<String>,
    dropped: usize,
    images: usize,
}

/// Converts a cleaned cell that may borrow a joined (owned) logical line into one that lives as
/// long as the document.
fn to_doc_lifetime<'a>(text: Cow<'_, str>, logical: &Cow<'a, str>) -> Cow<'a, str> {
    match (logical, text) {
        (Cow::Borrowed(doc), Cow::Borrowed(t)) => {
            // `t` is a sub-slice of `doc`: re-slice it from the document.
            let start = (t.as_ptr() as usize).wrapping_sub(doc.as_ptr() as usize);
            match start
                .checked_add(t.len())
                .and_then(|end| doc.get(start..end))
            {
                Some(same) if same.as_ptr() == t.as_ptr() => Cow::Borrowed(same),
                _ => Cow::Owned(t.to_string()),
            }
        }
        (_, t) => Cow::Owned(t.into_owned()),
    }
}

/// Splits the document into cleaned lines, dropping front matter and boilerplate.
fn prepare(text: &str) -> Prepared<'_> {
    let mut out = Prepared {
        lines: Vec::new(),
        front: FrontMatter::default(),
        metadata: Vec::new(),
        dropped: 0,
        images: 0,
    };
    let mut body: &str = text.trim_start_matches('\u{feff}');

    // JSON or YAML front matter: "---json" / "---" … "---" on top.
    if body.starts_with("---") {
        let after_open = body.find('\n').map_or(body.len(), |i| i + 1);
        if let Some(close) = body[after_open..].find("\n---") {
            let block = &body[after_open..after_open + close];
            for l in block.lines() {
                if let Some(c) = FRONT_FIELD.captures(l) {
                    let v = c
                        .name("v")
                        .map(|m| m.as_str().trim())
                        .filter(|v| !v.is_empty());
                    if &c["k"] == "title" {
                        out.front.title = out.front.title.or(v);
                    } else {
                        out.front.date = out.front.date.or(v);
                    }
                }
            }
            let rest = &body[after_open + close + 4..];
            out.dropped += block.lines().count() + 2;
            body = rest.find('\n').map_or("", |i| &rest[i + 1..]);
        }
    }

    let mut gap = true;
    let mut skip_value = false;
    let mut skip_until: Option<&'static str> = None;
    let mut content = 0usize;
    'lines: for logical in logical_lines(body) {
        if logical.trim().is_empty() {
            gap = true;
            continue;
        }
        // One vectorised look at the line: without debris, double spaces or tabs it is one
        // clean cell (most lines), and neither splitting nor cleaning looks at it again.
        let marked = needs_cleaning(logical.as_bytes());
        // "[" is debris: only a marked line can hold an image marker.
        if marked
            && memchr::memchr(b'[', logical.as_bytes()).is_some()
            && (logical.contains("[img]") || logical.contains("[IMG]"))
        {
            out.images += 1;
        }
        let split = if marked { split_cells(&logical) } else { None };
        let whole = [logical.as_ref()];
        let cells: &[&str] = split.as_deref().unwrap_or(&whole);
        let multi = cells.len() > 1;
        for (ci, cell) in cells.iter().enumerate() {
            let (text, bold, heading) = clean_cell(cell, marked);
            let url = !text.contains(' ')
                && (text.starts_with("http://")
                    || text.starts_with("https://")
                    || text.starts_with("www."));
            if text.is_empty() || is_rule(&text) || url {
                gap = true;
                continue;
            }
            if let Some(until) = skip_until {
                out.dropped += 1;
                if dict::key(&text).starts_with(until) {
                    skip_until = None;
                }
                continue;
            }
            if skip_value {
                skip_value = false;
                out.dropped += 1;
                continue;
            }
            if let Some(hit) = dict::boilerplate_marker(&text) {
                out.dropped += 1;
                gap = true;
                match hit.scope {
                    // A "rest" marker ends the page only once the document has begun: portal
                    // tab bars put the same words above it.
                    BoilerplateScope::Rest if content >= 1 => break 'lines,
                    BoilerplateScope::Until(end) => skip_until = Some(end),
                    _ => {}
                }
                if hit.label && text.ends_with(':') {
                    skip_value = true;
                }
                if hit.metadata {
                    out.metadata.push(text.into_owned());
                }
                continue;
            }
            out.lines.push(Line {
                text: to_doc_lifetime(text, &logical),
                bold,
                heading,
                gap_before: gap || (multi && ci > 0),
                cell: if multi { ci.min(255) as u8 } else { 0 },
            });
            content += 1;
            gap = false;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Line shapes

/// Letters of `s` are (mostly) capitals: header and signature lines are set in capitals.
pub(crate) fn is_upper(s: &str) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in s.chars() {
        if c.is_lowercase() {
            lower += 1;
            // Running text shows itself within its first words: stop early.
            if lower >= 6 && lower * 4 > upper {
                return false;
            }
        } else if c.is_uppercase() {
            upper += 1;
        }
    }
    upper + lower >= 2 && lower * 4 <= upper
}

/// A person's name as a signature or byline prints it: 2–6 capitalised syllables, letters
/// only ("Hà Anh Dũng", "Lê Thành Long"), after an optional academic title ("TS.", "ThS.").
pub(crate) fn is_name_like(s: &str) -> bool {
    let s = strip_academic_title(s.trim().trim_end_matches('.'));
    if s.len() > 60 {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) {
        return false;
    }
    words.iter().all(|w| {
        let mut chars = w.chars();
        let first = chars.next();
        first.is_some_and(char::is_uppercase)
            && w.chars().count() <= 7
            && chars.all(|c| c.is_alphabetic() && c.is_lowercase())
    })
}

/// Removes a leading academic or professional title ("TS.", "PGS.TS.", "ThS.", "BS.").
pub(crate) fn strip_academic_title(s: &str) -> &str {
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?:GS|PGS|TS|ThS|TSKH|BS|CKII|CKI|KS|LS|NCS|Ths|Đại tá|Thượng tá|Trung tá|Thiếu tá|Thiếu tướng|Trung tướng|Thượng tướng|Đại tướng)\.?\s*)+")
            .expect("academic title regex")
    });
    match TITLE.find(s) {
        Some(m) if m.end() < s.len() => s[m.end()..].trim_start(),
        _ => s,
    }
}

/// A type title line: the type's name alone ("QUYẾT ĐỊNH", "Thông tư"), or opening the line
/// before "của …", "về …", "số …" or run together with the subject ("NGHỊ ĐỊNHQuy định …",
/// dev/d043). Returns the type and the subject text that follows on the same line.
pub(crate) fn title_line(s: &str) -> Option<(&'static dict::DocType, Option<&str>)> {
    if s.len() > 400 || s.ends_with(':') {
        return None;
    }
    if let Some(d) = dict::doc_type_by_name(s) {
        return Some((d, None));
    }
    let found = dict::find_doc_types(s);
    if let Some((d, rest)) = title_form_line(s, &found) {
        return Some((d, Some(rest)));
    }
    // "NGHỊ ĐỊNHQuy định …" (dev/d043): the type in capitals run together with the subject.
    static UPPER_TYPES: LazyLock<Vec<(String, &'static dict::DocType)>> = LazyLock::new(|| {
        dict::doc_types()
            .iter()
            .map(|d| (d.name.to_uppercase(), d))
            .collect()
    });
    if s.starts_with(char::is_uppercase) {
        for (upper, d) in UPPER_TYPES.iter() {
            if let Some(rest) = s.strip_prefix(upper.as_str()) {
                let mut cs = rest.chars();
                if cs.next().is_some_and(char::is_uppercase)
                    && cs.next().is_some_and(char::is_lowercase)
                {
                    return Some((d, Some(rest)));
                }
            }
        }
    }
    // Only upper-case type words open a longer title line.
    let (d, range) = found.first()?;
    if range.start != 0 || !is_upper(&s[..range.end]) {
        return None;
    }
    let rest = &s[range.end..];
    let rest_trim = rest.trim_start();
    let joined = !rest.starts_with(char::is_whitespace);
    if joined {
        // "NGHỊ ĐỊNHQuy định …": a capital then small letters right after the type.
        let mut cs = rest.chars();
        let ok =
            cs.next().is_some_and(char::is_uppercase) && cs.next().is_some_and(char::is_lowercase);
        return ok.then_some((*d, Some(rest)));
    }
    let lower = rest_trim.to_lowercase();
    if lower.starts_with("của ") || lower.starts_with("về ") || lower.starts_with("số ") {
        return Some((*d, Some(rest_trim)));
    }
    None
}

/// "Nghị định của Chính phủ số 114/2003/NĐ-CP" (dev/d053): an old title-form line, the type in
/// any case; "quyết định của bộ trưởng bộ tài chính" (a TCVN3 transcript whose capitals were
/// lost) when the line has no capital at all.
/// `found` holds the type words of `s` ([`dict::find_doc_types`]).
fn title_form_line<'s>(
    s: &'s str,
    found: &[(&'static dict::DocType, Range<usize>)],
) -> Option<(&'static dict::DocType, &'s str)> {
    let (d, range) = found.first()?;
    if range.start != 0 {
        return None;
    }
    let rest = s[range.end..].trim_start();
    let lower = rest.to_lowercase();
    let numbered = lower.contains(" số ");
    (lower.starts_with("của ") && (numbered || !s.chars().any(char::is_uppercase)))
        .then_some((*d, rest))
}

/// A promulgating-authority line: short, unpunctuated, in capitals or opening with a body or a
/// post ("THỦ TƯỚNG CHÍNH PHỦ", "Bộ trưởng Bộ Tài chính", "Chính phủ").
fn is_promulgator(s: &str) -> bool {
    s.len() <= 90
        && !s.ends_with(['.', ';', ':', ','])
        && !BODY_START.is_match(s)
        && (PROMULGATOR.is_match(&s.to_uppercase()) || dict::starts_with_issuer_head(s))
        && (is_upper(s) || s.split_whitespace().count() <= 8)
}

/// An old title-form header (dev/d049, d051): "Quyết định" / "của Bộ trưởng Bộ Tài chính số
/// 1141-TC/QĐ/CĐKT" / "ngày 01 tháng 11 năm 1995 Về việc ban hành …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TitleForm {
    /// The issuing body or post after "của".
    pub issuer: String,
    /// The number after "số".
    pub number: String,
    /// "ngày 01 tháng 11 năm 1995", when given.
    pub date: Option<String>,
    /// The rest: the subject.
    pub subject: Option<String>,
}

/// Reads the subject lines of `seg` as a title-form header, if they are one.
pub(crate) fn title_form(seg: &Segments<'_>) -> Option<TitleForm> {
    static FORM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:của)\s+(?P<issuer>.{3,80}?)\s+(?i:số)\s*:?\s*(?P<num>\S+(?:\s*/\s*\S+)*)(?:\s+(?P<date>(?i:ngày)\s*\d{1,2}\s*(?:(?i:tháng)|/|-)\s*\d{1,2}\s*(?:(?i:năm)|/|-)\s*\d{4}))?\s*(?P<rest>.*)$")
            .expect("title form regex")
    });
    let t = seg.title?;
    let mut text = match title_line(seg.line(t)) {
        Some((_, Some(rest))) => format!("{rest} "),
        _ => String::new(),
    };
    text.push_str(&seg.text(seg.subject.clone()).replace('\n', " "));
    let c = FORM.captures(text.trim())?;
    let number: String = c["num"]
        .trim_end_matches([',', ';', '.'])
        .split_whitespace()
        .collect();
    if !is_number_like(&number) {
        return None;
    }
    let rest = c["rest"].trim();
    Some(TitleForm {
        issuer: c["issuer"].trim().to_string(),
        number,
        date: c.name("date").map(|m| m.as_str().to_string()),
        subject: (!rest.is_empty()).then(|| rest.to_string()),
    })
}

fn is_place_date(s: &str) -> bool {
    s.len() < 160 && PLACE_DATE_START.is_match(s)
}

fn number_rest(s: &str) -> Option<&str> {
    if s.len() > 120 {
        return None;
    }
    let caps = NUMBER_LINE.captures(s)?;
    Some(caps.name("rest").map_or("", |m| m.as_str().trim()))
}

/// Whether the text after "Số" looks like a document number (it may be blank: "Số -CV/BTGTU").
pub(crate) fn is_number_like(s: &str) -> bool {
    let s = s.trim().trim_end_matches(['.', ',', ';']);
    !s.is_empty() && s.len() <= 60 && NUMBER_LIKE.is_match(s)
}

fn is_issuer_line(s: &str) -> bool {
    s.len() <= 110
        && !s.ends_with(['.', ':', ';', ','])
        && !s.contains(", ngày")
        && (is_upper(s) || (s.len() <= 60 && dict::starts_with_issuer_head(s)))
        && !(s.split_whitespace().count() == 1 && s.chars().any(|c| c.is_ascii_digit()))
}

fn is_signed_mark(s: &str) -> bool {
    s.len() < 60 && SIGNED_MARK.is_match(s)
}

/// A signing form, also written with a space before the dot ("tm . ubnd", dev/d054).
pub(crate) fn signing_form(s: &str) -> Option<&'static str> {
    if !s.starts_with(['T', 'K', 'Q', 't', 'k', 'q']) {
        return None;
    }
    dict::signing_form_at_start(s).or_else(|| {
        // "KT/BỘ TRƯỞNG" (dev/d050): the form run into its body with a slash.
        static SPACED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?i:(tm|kt|tl|tuq)(?:\s+\.\s|/\s*\p{L}))").expect("spaced form regex")
        });
        let c = SPACED.captures(s)?;
        let form = c.get(1)?.as_str().to_uppercase();
        dict::signing_forms()
            .iter()
            .copied()
            .find(|f| f.strip_suffix('.') == Some(form.as_str()))
    })
}

/// A list item's line ends with its full stop: "- Lưu: VT, TCCB.", "… thực hiện./.", not with
/// the abbreviation of a city, town, district or ward whose name runs onto the next line
/// ("(181 Nguyễn Đình Chiểu, phường Xuân Hòa, TP." / "Hồ Chí Minh);", dev/d030).
pub(crate) fn ends_item(s: &str) -> bool {
    s.ends_with('.') && !ends_with_place_abbreviation(s)
}

/// `s` ends with "TP.", "Tp.", "TX.", "Tx.", "Q." or "P." standing as a word.
pub(crate) fn ends_with_place_abbreviation(s: &str) -> bool {
    ["TP.", "Tp.", "TX.", "Tx.", "Q.", "P."].iter().any(|a| {
        s.strip_suffix(a).is_some_and(|head| {
            head.is_empty() || head.ends_with(|c: char| c.is_whitespace() || matches!(c, ',' | '('))
        })
    })
}

fn is_list_item(s: &str) -> bool {
    s.starts_with(['-', '+', '•', '–', '·'])
}

// ---------------------------------------------------------------------------------------------
// Segmentation

/// Splits a normalised document into its segments.
pub(crate) fn segment(text: &str) -> Segments<'_> {
    let prepared = prepare(text);
    let mut seg = Segments {
        lines: prepared.lines,
        front_matter: prepared.front,
        metadata: prepared.metadata,
        images: prepared.images,
        ..Segments::default()
    };
    let n = seg.lines.len();
    let mut cursor = scan_header(&mut seg);

    // Title and the subject lines under it.
    if seg.title.is_none() {
        let window = (cursor + 15).min(n);
        for i in cursor..window {
            let t = seg.line(i);
            if BODY_START.is_match(t) || RECIPIENTS_MARKER.is_match(t) {
                break;
            }
            if title_line(t).is_some() && (seg.lines[i].bold || is_upper(t) || i < cursor + 3) {
                seg.title = Some(i);
                break;
            }
        }
    }
    if let Some(t) = seg.title {
        if seg.header.is_empty() {
            // Sentences above the title of a page without a header: a lead, read with the body.
            let lead = (cursor..t).find(|&k| seg.line(k).len() >= 40 && seg.line(k).ends_with('.'));
            if let Some(k) = lead {
                seg.lead = k..t;
            }
        }
        cursor = t + 1;
        if seg.subject.is_empty() {
            let end = subject_under_title(&seg, t);
            seg.subject = t + 1..end;
            cursor = end;
        }
        if cursor < n && is_promulgator(seg.line(cursor)) {
            seg.promulgator = Some(cursor);
        }
    }
    cursor = cursor.max(seg.subject.end);

    // "Kính gửi" block. When body lines stand above it (a giấy mời's "Trân trọng kính mời:"
    // after the purpose of the meeting), the body starts above it and takes it in.
    let from = cursor;
    for i in from..(from + 12).min(n) {
        let t = seg.line(i);
        if RECIPIENTS_MARKER.is_match(t) || (is_upper(t) && TELEGRAM_MARKER.is_match(t)) {
            let end = list_block_end(&seg, i, true);
            seg.recipients = i..end;
            if i <= from + 1 {
                cursor = end;
            }
            break;
        }
        if BODY_START.is_match(t) {
            break;
        }
    }

    let body_start = cursor.min(n);
    let dispatch_like = !seg.header.is_empty() || seg.title.is_some() || !seg.recipients.is_empty();

    // Signature and "Nơi nhận".
    let mut distribution_start =
        (body_start..n).find(|&i| seg.line(i).len() < 60 && is_distribution_marker(seg.line(i)));
    if let Some(d) = distribution_start {
        seg.signature_in_list = signature_among_items(&mut seg, d);
    }
    let mut signature = find_signature(&seg, body_start, distribution_start)
        .or_else(|| distribution_start.and_then(|d| unnamed_signature(&seg, body_start, d)));
    if let (Some(d), Some(sig)) = (distribution_start, &signature) {
        // The name beside the list items (dev/d052): the list reads as a column layout.
        let last = sig.end.saturating_sub(1);
        if last > d && seg.lines.get(last).is_some_and(|l| l.cell > 0) {
            seg.signature_in_list = true;
        }
    }
    if distribution_start.is_none() && signature.is_none() {
        if let Some((d, sig)) = unlabelled_list(&seg, body_start) {
            distribution_start = Some(d);
            signature = sig;
        }
    }
    let mut body_end = n;
    let mut tail_end = n;
    if let Some(d) = distribution_start {
        let end = list_block_end(&seg, d, false);
        seg.distribution = d..end;
        body_end = body_end.min(d);
        tail_end = end;
    }
    if let Some(sig) = signature {
        body_end = body_end.min(sig.start);
        tail_end = if seg.distribution.is_empty() {
            sig.end
        } else {
            tail_end.max(sig.end)
        };
        seg.signature = sig;
    }
    if seg.signature.is_empty() && seg.distribution.is_empty() {
        tail_end = n;
    }

    // News: headline, time line and byline when the text has no dispatch header.
    let mut body_from = body_start;
    if !dispatch_like {
        news_parts(&mut seg, &mut body_from, &mut body_end);
    }
    seg.body = body_from.min(body_end)..body_end;
    seg.annex = tail_end.min(n)..n;
    seg
}

/// Finds the header block from the top: issuer lines, mottos, number, place-date line, a
/// "V/v" subject, stopping at the title, "Kính gửi" or the first body line. Returns the index
/// where the rest of the document starts.
fn scan_header(seg: &mut Segments<'_>) -> usize {
    let n = seg.lines.len();
    let limit = n.min(80);
    let mut i = 0;
    let mut stop = 0;
    let mut motto = false;
    let mut issuers: Vec<usize> = Vec::new();
    let mut last_issuer_at: Option<usize> = None;
    while i < limit {
        let t = seg.line(i);
        stop = i;
        if dict::starts_with_motto(t) {
            motto = true;
            i += 1;
            continue;
        }
        if seg.place_date.is_none() && is_place_date(t) {
            let mut j = i;
            while j + 1 < n && j < i + 2 && !HAS_YEAR.is_match(&seg.text(i..j + 1)) {
                j += 1;
            }
            seg.place_date = Some(i..j + 1);
            i = j + 1;
            continue;
        }
        if seg.number_line.is_none() {
            if let Some(rest) = number_rest(t) {
                if rest.is_empty() && i + 1 < n && is_number_like(seg.line(i + 1)) {
                    seg.number_line = Some((i, Some(i + 1)));
                    i += 2;
                    continue;
                }
                if is_number_like(rest) {
                    seg.number_line = Some((i, None));
                    i += 1;
                    continue;
                }
            }
        }
        if seg.subject.is_empty() && SUBJECT_MARKER.is_match(t) && t.len() < 400 {
            let mut j = i + 1;
            while j < limit
                && j < i + 5
                && !seg.lines[j].gap_before
                && !seg.line(j - 1).ends_with(['.', ';'])
                && seg.line(j).len() < 200
                && !is_header_element(seg.line(j))
                && (seg
                    .line(j)
                    .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
                    || !is_upper(seg.line(j)))
            {
                j += 1;
            }
            seg.subject = i..j;
            i = j;
            continue;
        }
        if title_line(t).is_some() && !t.contains(", ngày") {
            seg.title = Some(i);
            break;
        }
        if RECIPIENTS_MARKER.is_match(t) {
            break;
        }
        if dict::is_header_mark(t) {
            i += 1;
            continue;
        }
        if seg.number_line.is_none() && seg.place_date.is_none() && is_issuer_line(t) {
            issuers.push(i);
            last_issuer_at = Some(i);
            i += 1;
            continue;
        }
        // A lower-case continuation of the issuer line just above ("thành phố cần thơ", d054).
        if seg.number_line.is_none()
            && last_issuer_at.is_some_and(|l| l + 1 == i || (l + 2 == i && motto))
            && t.len() <= 60
            && !t.ends_with(['.', ':', ';'])
            && t.starts_with(char::is_lowercase)
        {
            issuers.push(i);
            last_issuer_at = Some(i);
            i += 1;
            continue;
        }
        let anchored = seg.number_line.is_some() || seg.place_date.is_some();
        // Under the motto, before the number: a stray code of the page or the typist ("XV80",
        // dev/d054) is no body line yet.
        let code = t.len() <= 10 && !t.contains(' ') && !t.chars().any(char::is_lowercase);
        if motto && !anchored && code && i + 1 < limit {
            i += 1;
            continue;
        }
        if anchored || motto {
            break;
        }
        // Before any header element: tolerate a little page noise ("CÔNG BÁO/Số 5", an
        // editor's note in brackets).
        let note = t.starts_with('[') && t.ends_with(']');
        if i < 3 && (note || (t.len() < 60 && !BODY_START.is_match(t))) {
            i += 1;
            continue;
        }
        break;
    }
    if i >= limit {
        stop = limit;
    }
    let anchored = seg.number_line.is_some() || seg.place_date.is_some() || motto;
    if !anchored {
        // No header: whatever looked like one was the start of the text.
        seg.place_date = None;
        seg.subject = 0..0;
        seg.title = seg.title.filter(|&t| t < 3);
        return seg.title.map_or(0, |t| t);
    }
    seg.issuer_lines = issuers;
    let end = match seg.title {
        Some(t) => t,
        None => stop,
    };
    seg.header = 0..end;
    end
}

fn is_header_element(s: &str) -> bool {
    dict::starts_with_motto(s)
        || is_place_date(s)
        || number_rest(s).is_some_and(is_number_like)
        || RECIPIENTS_MARKER.is_match(s)
        || title_line(s).is_some()
}

/// The end (exclusive) of the subject lines under the title at `t`.
fn subject_under_title(seg: &Segments<'_>, t: usize) -> usize {
    let n = seg.lines.len();
    let mut j = t + 1;
    let mut len = 0;
    let first_bold = seg.lines.get(t + 1).is_some_and(|l| l.bold);
    let mut all_upper = true;
    // A title run together with its subject ("NGHỊ ĐỊNHQuy định …") counts as one line.
    let inline = title_line(seg.line(t)).and_then(|(_, rest)| rest).is_some();
    while j < n && j < t + 9 && len < 700 {
        let l = &seg.lines[j];
        let s: &str = &l.text;
        let collected = j > t + 1 || inline;
        // Upper-case lines under the title are the subject even when they open with a body
        // word ("THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG …", dev/d035); so is a motto-like name
        // ("ĐIỀU LỆ" / "ĐẢNG CỘNG SẢN VIỆT NAM", dev/d001).
        let upper = is_upper(s);
        if (BODY_START.is_match(s) && !upper)
            || RECIPIENTS_MARKER.is_match(s)
            || is_distribution_marker(s)
            || is_place_date(s)
            || number_rest(s).is_some_and(is_number_like)
            || (dict::starts_with_motto(s) && !(j == t + 1 && dict::is_motto(s)))
            || s.starts_with('(')
            || s.ends_with(':')
        {
            break;
        }
        if collected {
            if l.gap_before || (l.bold && !first_bold) {
                break;
            }
            if PROMULGATOR.is_match(s) && is_upper(s) && (!all_upper || l.bold) {
                break;
            }
        }
        all_upper &= is_upper(s);
        len += s.len();
        j += 1;
    }
    j
}

/// Signature lines set among the "Nơi nhận" items without tabs (dev/d050: "kT/bộ trưởng bộ tài
/// chính" under the marker, "Thứ trưởng" after the first item, the name after a later one):
/// a signing form inside the list, in any case, opens them; after it, a line that is no list
/// item and follows an item ending in ";" (or another signature line) is one of them. They are
/// moved to the right column (`cell` 1), as a tab-aligned table would have put them, when list
/// items follow the signing form. Returns whether it did. Reads only the lines of the list.
fn signature_among_items(seg: &mut Segments<'_>, d: usize) -> bool {
    let n = seg.lines.len();
    if seg.lines[d].cell > 0 || seg.lines.get(d + 1).is_some_and(|l| l.cell > 0) {
        // Already a column layout (dev/d054).
        return false;
    }
    let mut found: Vec<usize> = Vec::new();
    let mut items_after_form = 0;
    // The line before is a list item ending in ";" / a signature line.
    let (mut after_open_item, mut after_signature) = (false, false);
    for j in d + 1..(d + 40).min(n) {
        let s = seg.line(j);
        if is_distribution_marker(s) {
            break;
        }
        if is_list_item(s) {
            if !found.is_empty() {
                items_after_form += 1;
            }
            if s.ends_with('.') {
                break;
            }
            after_open_item = s.ends_with(';');
            after_signature = false;
            continue;
        }
        let form = s.len() <= 90 && signing_form(s).is_some();
        if form || (!found.is_empty() && (after_open_item || after_signature) && s.len() <= 60) {
            found.push(j);
            after_signature = true;
            after_open_item = false;
            continue;
        }
        // A wrapped item ("- Các Bộ, cơ quan ngang bộ," / "các cơ quan khác thuộc Chính phủ;")
        // or an unmarked one.
        after_open_item = s.ends_with(';');
        after_signature = false;
        if s.ends_with('.') {
            break;
        }
    }
    if found.is_empty() || items_after_form == 0 {
        return false;
    }
    for j in found {
        seg.lines[j].cell = 1;
    }
    true
}

/// A "Nơi nhận" list without its label, its items on one line ("- Chính phủ; - Ban Tổ chức
/// Trung ương; … - Lưu: HC, PLTP."), beside a signing form in the next cell of a table row
/// (dev/d042): the list's line and the signature's cells. Without a signature, the list
/// closes the document (dev/d043): three items or more run on the line, only list items after
/// it. Looks at the last lines only.
fn unlabelled_list(seg: &Segments<'_>, from: usize) -> Option<(usize, Option<Range<usize>>)> {
    let n = seg.lines.len();
    let lo = n.saturating_sub(8).max(from);
    (lo..n).rev().find_map(|i| {
        let s = seg.line(i);
        let list = seg.lines[i].cell == 0 && is_list_item(s) && s.contains("; - ");
        if !list {
            return None;
        }
        if let Some(next) = seg.lines.get(i + 1) {
            if next.cell > 0 && signing_form(&next.text).is_some() {
                let end = (i + 2..n).find(|&j| seg.lines[j].cell == 0).unwrap_or(n);
                return Some((i, Some(i + 1..end)));
            }
        }
        let closing = s.matches("; - ").count() >= 2
            && (i + 1..n).all(|j| seg.lines[j].cell == 0 && is_list_item(seg.line(j)));
        closing.then_some((i, None))
    })
}

/// The end (exclusive) of a "Kính gửi" (`recipients`) or "Nơi nhận" list starting at `start`.
fn list_block_end(seg: &Segments<'_>, start: usize, recipients: bool) -> usize {
    let n = seg.lines.len();
    let marker = if recipients {
        &*RECIPIENTS_MARKER
    } else {
        &*DISTRIBUTION_MARKER
    };
    let first = seg.line(start);
    let inline = marker
        .find(first)
        .map_or("", |m| first[m.end()..].trim())
        .trim_start_matches([':', '*'])
        .trim();
    let columns = seg.lines[start].cell > 0
        || seg.lines.get(start + 1).is_some_and(|l| l.cell > 0)
        || (!recipients && seg.signature_in_list);
    let mut j = start + 1;
    let mut items = usize::from(!inline.is_empty());
    let mut last_ended = inline.ends_with('.');
    let mut marked = 0;
    while j < n && j < start + 60 {
        let l = &seg.lines[j];
        let s: &str = &l.text;
        if columns && l.cell > 0 {
            // The right column of a tab-aligned table (the signature): not part of the list.
            j += 1;
            continue;
        }
        if is_distribution_marker(s) || (recipients && BODY_START.is_match(s)) {
            break;
        }
        if is_list_item(s) {
            if last_ended && items > 0 && l.gap_before {
                break;
            }
            items += 1;
            marked += 1;
            last_ended = ends_item(s);
            j += 1;
            if !recipients && last_ended {
                break;
            }
            continue;
        }
        if signing_form(s).is_some() || is_signed_mark(s) {
            break;
        }
        if items > 0
            && !l.gap_before
            && !last_ended
            && marked > 0
            && s.len() < 150
            && signature_at(seg, j).is_none()
        {
            // A wrapped item: "- VPCP: … các Vụ: PL," / "TCCV, KTTH;" (dev/d002).
            last_ended = ends_item(s);
            j += 1;
            continue;
        }
        if items > 0 && !l.gap_before && !last_ended && !recipients && !is_upper(s) && s.len() < 120
        {
            // Unmarked items ("Như trên;" / "Lưu: VT, TCCB."), one a line.
            items += 1;
            last_ended = ends_item(s);
            j += 1;
            continue;
        }
        if items == 0 && inline.is_empty() && s.len() < 150 && !is_upper(s) {
            // "Kính gửi:" with the bodies on the lines below, unmarked.
            items += 1;
            last_ended = ends_item(s);
            j += 1;
            continue;
        }
        break;
    }
    j
}

/// The signature block: authority lines (T/M, KT. …), position lines, the name; "(Đã ký)" and
/// seal lines between them are skipped. Searches from `from`, first near `distribution` (the
/// block stands next to "Nơi nhận"), then anywhere after the body start.
fn find_signature(
    seg: &Segments<'_>,
    from: usize,
    distribution: Option<usize>,
) -> Option<Range<usize>> {
    let n = seg.lines.len();
    if let Some(d) = distribution {
        let lo = d.saturating_sub(8).max(from);
        let hi = (d + 40).min(n);
        for i in lo..hi {
            if let Some(r) = signature_at(seg, i) {
                return Some(r);
            }
        }
    }
    (from..n).find_map(|i| signature_at(seg, i))
}

/// A signature block without a name (a copy whose signer's name was not transcribed,
/// dev/d055): a post in capitals, or signing-form lines, just above "Nơi nhận".
fn unnamed_signature(seg: &Segments<'_>, from: usize, distribution: usize) -> Option<Range<usize>> {
    let lo = distribution.saturating_sub(3).max(from);
    let mut start = None;
    for i in lo..distribution {
        let s = seg.line(i);
        let post = s.len() <= 60 && is_upper(s) && is_post(s);
        if signing_form(s).is_some() || post {
            start.get_or_insert(i);
        } else {
            start = None;
        }
    }
    start.map(|s| s..distribution)
}

/// Whether `line` opens with a post of the positions table ("TRƯỞNG BAN", "PHÓ CHỦ TỊCH").
fn is_post(line: &str) -> bool {
    let k = dict::key(line);
    dict::positions()
        .iter()
        .filter(|p| p.kind == "position")
        .any(|p| {
            let pk = dict::key(p.name);
            k.starts_with(&pk)
                && k[pk.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
}

fn signature_at(seg: &Segments<'_>, start: usize) -> Option<Range<usize>> {
    let n = seg.lines.len();
    let first = seg.line(start);
    if first.len() > 90 {
        return None;
    }
    let has_form = signing_form(first).is_some();
    if !has_form && (first.len() > 70 || !is_upper(first)) {
        return None;
    }
    if !has_form && (BODY_START.is_match(first) || title_line(first).is_some()) {
        return None;
    }
    let mut authority = 0;
    let mut position = 0;
    let mut j = start;
    // A tab-aligned table puts "Nơi nhận" items beside the signature (dev/d054).
    let columns = seg.lines[start..(start + 9).min(n)]
        .iter()
        .any(|l| l.cell > 0);
    // In a column layout the signature's lines are spread between "Nơi nhận" items: count
    // only right-column lines (at most 9), within 40 lines.
    let mut seen = 0;
    while j < n && j < start + if columns { 40 } else { 9 } && seen < 9 {
        let s = seg.line(j);
        let left = columns && j > start && seg.lines[j].cell == 0;
        if is_signed_mark(s) || (columns && (left || is_list_item(s) || is_distribution_marker(s)))
        {
            // "(Đã ký)"; the left column of a tab-aligned "Nơi nhận" table (dev/d054).
            j += 1;
            continue;
        }
        if !columns && j > start && (authority + position) > 0 && is_distribution_marker(s) {
            // The signature's name set in the right column beside the "Nơi nhận" items below
            // the marker, the signing lines above it (dev/d052).
            return name_beside_list(seg, j).map(|k| start..k + 1);
        }
        seen += 1;
        if signing_form(s).is_some() {
            if position > 0 {
                return None;
            }
            authority += 1;
            j += 1;
            continue;
        }
        if (authority + position) > 0 && is_name_like(s) {
            return Some(start..j + 1);
        }
        let short = s.len() <= 80 && s.split_whitespace().count() <= 12;
        if short && (is_upper(s) || (authority > 0 && position == 0 && seg.lines[j].cell > 0)) {
            position += 1;
            j += 1;
            continue;
        }
        if short && authority > 0 && position == 0 && s.starts_with(char::is_lowercase) {
            // Lower-case position lines of TCVN3 transcripts ("chủ tịch", d054).
            position += 1;
            j += 1;
            continue;
        }
        return None;
    }
    None
}

/// The line of the signer's name in the right column (`cell` > 0) of the "Nơi nhận" list
/// opened at `d`, its items in the left column: "- Các Bộ, …" / "thành phố thuộc TW" /
/// "\tPhạm Văn Trọng" / "- Các đơn vị trực thuộc Bộ". Reads at most 40 lines of the list.
fn name_beside_list(seg: &Segments<'_>, d: usize) -> Option<usize> {
    let n = seg.lines.len();
    for k in d + 1..(d + 40).min(n) {
        let l = &seg.lines[k];
        if l.cell == 0 {
            if is_distribution_marker(&l.text) {
                return None;
            }
            continue;
        }
        if is_signed_mark(&l.text) {
            continue;
        }
        return is_name_like(&l.text).then_some(k);
    }
    None
}

/// Headline, time line and byline of a news report.
fn news_parts(seg: &mut Segments<'_>, from: &mut usize, to: &mut usize) {
    let n = (*to).min(seg.lines.len());
    let mut i = *from;
    // An editor's note in brackets above the report is not its headline.
    while i < n && i < *from + 2 && seg.line(i).starts_with('[') && seg.line(i).ends_with(']') {
        i += 1;
    }
    // Time line first or second (after the headline).
    for k in i..(i + 4).min(n) {
        let s = seg.line(k);
        if let Some(m) = TIME_LINE.find(s) {
            if m.start() == 0 && s.len() < 80 {
                seg.time_line = Some(k);
                break;
            }
        }
    }
    if i < n {
        let s = seg.line(i);
        let words = s.split_whitespace().count();
        let headline_shape = s.len() <= 300
            && words >= 3
            && !s.ends_with(['.', ';', ':', ','])
            && !s.starts_with('(')
            && !TIME_LINE.is_match(s);
        let next_is_time = seg.time_line == Some(i + 1);
        let next_longer = i + 1 < n && seg.line(i + 1).len() > s.len();
        // A second-level heading opening a portal excerpt is a section title, not the report's
        // headline (dev/d066).
        let heading = seg.lines[i].heading;
        if headline_shape
            && heading != 2
            && (next_is_time || heading == 1 || (next_longer && s.len() <= 200))
        {
            seg.headline = Some(i);
            i += 1;
        }
    }
    if let Some(t) = seg.time_line {
        i = i.max(t + 1);
    }
    *from = i;
    // Byline and source credits at the end; the very last line may be a plain name
    // ("Vương Hợp", dev/d085).
    let mut b = n;
    while b > i && b + 4 > n {
        let s = seg.line(b - 1);
        if is_byline(s) || (b == n && is_name_like(s) && s.split_whitespace().count() <= 4) {
            b -= 1;
        } else {
            break;
        }
    }
    seg.byline = b..n;
    *to = b;
}

/// A byline or source credit line: "Tác giả: Duy Khiêm.", "Theo Báo Bình Phước", "(TTXVN)",
/// "K.X", "T.SỸ", "Nguồn: …".
pub(crate) fn is_byline(s: &str) -> bool {
    static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?i:tác giả|bài(?:\s*(?:và|,)\s*ảnh)?|nguồn|theo|tin(?:\s*(?:và|,)\s*ảnh)?|nhóm phóng viên|pv)\s*[:.]?\s+\S|\(\s*[\p{L}.\s/]{2,40}\)\.?$)")
            .expect("byline regex")
    });
    let s = s.trim();
    if s.is_empty() || s.len() > 120 {
        return false;
    }
    if BYLINE.is_match(s) {
        return !s.to_lowercase().starts_with("theo ") || s.len() <= 80;
    }
    static INITIALS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:\p{Lu}\.\s?)+\p{Lu}\p{L}*$").expect("initials regex"));
    // Initials or a name in capitals: "K.X", "T.SỸ", "P.Lý", "H.M", "DUY CƯỜNG".
    if s.len() <= 24 && INITIALS.is_match(s) {
        return true;
    }
    s.len() <= 40
        && is_upper(s)
        && s.split_whitespace().count() <= 4
        && !s.ends_with(':')
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | ' ' | '-' | '/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_str_lines() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb\r\n",
            "a\rb\n\nc",
            "trailing\r",
            "Số: 12/QĐ-UBND\n\nBình Phước, ngày 1 tháng 2 năm 2024\r\n",
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn clean_cell_reads_bytes_as_the_character_loop_did() {
        // The loop over characters that `clean_cell` ran before it read bytes.
        fn by_chars(s: &str) -> String {
            let mut out = String::new();
            let (mut space, mut started) = (false, false);
            for c in s.chars() {
                let c = match c {
                    '*' | '`' => continue,
                    '|' | '\u{a0}' | '\t' => ' ',
                    '#' | '>' if !started => continue,
                    c => c,
                };
                if c.is_whitespace() {
                    space = started;
                    continue;
                }
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
                started = true;
            }
            out
        }
        for cell in [
            "**Điều 3.** Tổ chức   thực hiện",
            "## > Kế hoạch | số\u{a0}12/KH-UBND",
            "| Ủy ban | Sở\u{2003}Y tế |",
            "`mã` # không phải #tiêu đề > x",
            "*a\u{3000}b\u{2028}c\u{85}d\u{1680}e",
            "ẠẶẬ ạặậ  đĐ “trích” – …",
            " a b  c * d *e ",
            "a |b| c\t d",
        ] {
            let (text, _, _) = clean_cell(cell, true);
            assert_eq!(
                text,
                by_chars(cell.trim()).trim_matches('_').trim(),
                "{cell:?}"
            );
        }
        // Every line of the corpus on disk.
        let lines = crate::testing::corpus_lines();
        for cell in lines.iter().filter(|l| !l.contains(['<', '&', '['])) {
            let (got, _, _) = clean_cell(cell, true);
            let t = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            let want = by_chars(t);
            let want = if needs_cleaning(t.as_bytes()) {
                want.trim_matches('_').trim()
            } else {
                t
            };
            assert_eq!(got, want, "{cell:?}");
        }
    }

    #[test]
    fn distribution_marker_check_agrees_with_the_regex() {
        let mut lines: Vec<String> = [
            "Nơi nhận:",
            "- – * NƠI NHẬN.",
            "nơi  nhận",
            "\u{a0}Nơi\tnhận",
            "*Nơi nhận*:",
            "Nới nhận",
            "ṇơi nhận",
            "N",
            "",
        ]
        .map(String::from)
        .to_vec();
        lines.extend(crate::testing::corpus_lines());
        for line in &lines {
            assert_eq!(
                is_distribution_marker(line),
                DISTRIBUTION_MARKER.is_match(line),
                "{line:?}"
            );
        }
    }

    #[test]
    fn wide_spaces_are_told_by_their_bytes() {
        for cp in 0x80..0x10000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            if matches!(b[0], 0xc2 | 0xe1 | 0xe2 | 0xe3) {
                assert_eq!(wide_space_at(b, 0), c.is_whitespace(), "{c:?}");
            } else {
                assert!(!c.is_whitespace(), "{c:?} has another lead byte");
            }
        }
    }

    #[test]
    fn collapsed_is_collapse() {
        use crate::extract::people::collapse;
        let mut texts: Vec<String> = [
            "",
            " ",
            "a",
            " a",
            "a ",
            "a  b",
            "a b",
            "a\tb",
            "a\u{a0}b",
            "a\u{2003}b",
            "a\u{1680}b",
            "a\u{3000}b",
            "a\u{85}b",
            "“Tăng cường” – ạ … ỹ",
            "x \n y",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(crate::testing::corpus_lines());
        for t in &texts {
            assert_eq!(collapsed(t), collapse(t), "{t:?}");
        }
    }

    #[test]
    fn open_bold_counts_pairs_of_stars() {
        for s in [
            "",
            "*",
            "**",
            "***",
            "****",
            "**a** **b",
            "**THỦ TƯỚNG",
            "a*b**c",
        ] {
            assert_eq!(open_bold(s), s.matches("**").count() % 2 == 1, "{s:?}");
        }
    }

    #[test]
    fn needs_cleaning_sees_marks_in_every_block() {
        // What the check must answer: debris bytes, a double space, a no-break space.
        let reference = |s: &str| {
            s.bytes().any(|b| b"*#|&<[_\t>`".contains(&b))
                || s.contains("  ")
                || s.contains('\u{a0}')
        };
        let base = "Ủy ban nhân dân tỉnh Bình Phước ban hành Kế hoạch số 12";
        let mut cases = vec![String::new(), base.to_string()];
        for at in 0..base.len() {
            let at = (0..=at)
                .rev()
                .find(|&i| base.is_char_boundary(i))
                .unwrap_or(0);
            for mark in ["*", "|", "\t", "  ", "\u{a0}", "`", "_"] {
                cases.push(format!("{}{mark}{}", &base[..at], &base[at..]));
            }
        }
        for s in &cases {
            // Every length: blocks, the overlapping last block and the short scalar path.
            for end in (0..=s.len()).filter(|&e| s.is_char_boundary(e)) {
                let s = &s[..end];
                assert_eq!(needs_cleaning(s.as_bytes()), reference(s), "{s:?}");
            }
        }
    }

    fn texts(seg: &Segments<'_>, range: Range<usize>) -> Vec<String> {
        range.map(|i| seg.line(i).to_string()).collect()
    }

    #[test]
    fn portal_metadata_and_banner_are_dropped() {
        // dev/d002: copyright banner, "CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI" block, `**Số hiệu:**` table.
        let text = "|\nBản dịch này thuộc quyền sở hữu của **\nTHƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép là vi phạm.\nX\n**\nCÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN\n**\nCác nội dung của VB này được VB khác thay đổi\ncác màu sắc:\n: Sửa đổi, thay thế,\nhủy bỏ\nClick vào phần bôi vàng để xem chi tiết.\n|\nĐang tải văn bản...\n#\n**Số hiệu:**\n|\n2536/QĐ-TTg\n|\n**Loại văn bản:**\n|\nQuyết định\n|\n**THỦ TƯỚNG CHÍNH\nPHỦ**\n-------\n|\nSố: 2536/QĐ-TTg\n|\n*Hà Nội, ngày 20\ntháng 11 năm 2025*\n|\n**QUYẾT ĐỊNH**\nĐiều 1. Chuyển trường.\n## Văn bản liên quan\nBan hành:\n05/11/2025\n";
        let seg = segment(text);
        let all: Vec<&str> = seg.lines.iter().map(|l| &*l.text).collect();
        assert!(
            !all.iter()
                .any(|l| l.contains("THƯ VIỆN") || l.contains("Số hiệu") || l.contains("màu sắc")),
            "{all:?}"
        );
        assert!(
            !all.contains(&"Quyết định") && !all.contains(&"05/11/2025"),
            "{all:?}"
        );
        // The bold issuer wrapped over two lines is one line; the italic date line too.
        let issuer: Vec<&str> = seg.issuer_lines.iter().map(|&i| seg.line(i)).collect();
        assert_eq!(issuer, vec!["THỦ TƯỚNG CHÍNH PHỦ"]);
        let pd = seg.place_date.clone().unwrap_or(0..0);
        assert_eq!(texts(&seg, pd), vec!["Hà Nội, ngày 20 tháng 11 năm 2025"]);
        assert_eq!(seg.title.map(|t| seg.line(t)), Some("QUYẾT ĐỊNH"));
        assert_eq!(
            texts(&seg, seg.body.clone()),
            vec!["Điều 1. Chuyển trường."]
        );
    }

    #[test]
    fn a_stray_code_under_the_motto_does_not_end_the_header() {
        // dev/d054 as found: "XV80" in the right column between the motto and the number.
        let text = "ủy Ban Nhân Dân \t         Cộng hòa xã hội chủ nghĩa việt nam\nthành phố cần thơ \t                   Độc lập - Tự do - Hạnh phúc\n   \t                                              XV80\n\n  Số:  256 /2004/QĐ-UB  \t                 TP.Cần Thơ, ngày  01 tháng  7 năm 2004\n\nQUYẾT ĐỊNH\nV/v ban hành Chương trình\n\nĐiều 1. Nay ban hành Chương trình.\n";
        let seg = segment(text);
        assert!(seg.number_line.is_some(), "number line lost");
        assert!(seg.place_date.is_some(), "place-date line lost");
        assert_eq!(seg.title.map(|t| seg.line(t)), Some("QUYẾT ĐỊNH"));
    }

    #[test]
    fn tab_aligned_columns_split_into_cells() {
        // dev/d054 (TCVN3 transcript): two header columns and the signature beside "Nơi nhận".
        let text = "ủy Ban Nhân Dân \t         Cộng hòa xã hội chủ nghĩa việt nam\nthành phố cần thơ \t                   Độc lập - Tự do - Hạnh phúc\n\n  Số:  256 /2004/QĐ-UB  \t                 TP.Cần Thơ, ngày  01 tháng  7 năm 2004\n\nĐiều 1. Nay ban hành Chương trình.\n   \t\t\t                          tm . ubnd thành phố Cần Thơ\nNơi nhận:                                                               chủ tịch\n- Bộ Nội vụ\n- BTV Thành ủy\t\t\t\t\t                            (Đã ký)\n- Lưu VP\t\t\t\t\t                            Võ Thanh Tòng\n";
        let seg = segment(text);
        let issuer: Vec<&str> = seg.issuer_lines.iter().map(|&i| seg.line(i)).collect();
        assert_eq!(issuer, vec!["ủy Ban Nhân Dân", "thành phố cần thơ"]);
        assert!(seg.number_line.is_some() && seg.place_date.is_some());
        assert_eq!(
            texts(&seg, seg.distribution.clone())
                .first()
                .map(String::as_str),
            Some("Nơi nhận:")
        );
        let sig = texts(&seg, seg.signature.clone());
        assert_eq!(
            sig.first().map(String::as_str),
            Some("tm . ubnd thành phố Cần Thơ")
        );
        assert_eq!(sig.last().map(String::as_str), Some("Võ Thanh Tòng"));
    }

    #[test]
    fn front_matter_and_html_are_read() {
        // dev/d085: a CMS post with JSON front matter and HTML paragraphs with entities.
        let text = "---json\n{\n    \"title\": \"Ban tuyên giáo Huyện ủy tổ chức Hội nghị tổng kết.\",\n    \"date\": \"2020-03-05T02:00:00.000Z\"\n}\n---\n<p><span>&nbsp;&nbsp; Nh&acirc;n dịp n&agrave;y, huyện ủy đ&atilde; tặng giấy khen.</span></p>\n<p style=\"text-align:right\">&nbsp;&nbsp;<strong>Vương Hợp</strong></p>\n";
        let seg = segment(text);
        assert_eq!(
            seg.front_matter.title,
            Some("Ban tuyên giáo Huyện ủy tổ chức Hội nghị tổng kết.")
        );
        assert_eq!(seg.front_matter.date, Some("2020-03-05T02:00:00.000Z"));
        assert_eq!(
            texts(&seg, seg.body.clone()),
            vec!["Nhân dịp này, huyện ủy đã tặng giấy khen."]
        );
        assert_eq!(texts(&seg, seg.byline.clone()), vec!["Vương Hợp"]);
    }

    #[test]
    fn line_shapes() {
        for (s, upper) in [
            ("BAN TUYÊN GIÁO", true),
            ("Ban Tuyên giáo", false),
            ("KT. CHỦ TỊCH", true),
            ("", false),
        ] {
            assert_eq!(is_upper(s), upper, "{s}");
        }
        for (s, name) in [
            ("Hà Anh Dũng", true),
            ("TS. Nguyễn Văn A", true),
            ("Trưởng ban", false),
            ("Lê Thành Long.", true),
            ("Điều 1 Quy định", false),
        ] {
            assert_eq!(is_name_like(s), name, "{s}");
        }
        for (s, number) in [
            ("-CV/BTGTU", true),
            ("2536/QĐ-TTg", true),
            ("51/2024/QH15", true),
            ("256 /2004/QĐ-UB", true),
            ("lượng lớn", false),
            ("", false),
        ] {
            assert_eq!(is_number_like(s), number, "{s}");
        }
        assert!(title_line("KẾ HOẠCH").is_some() && title_line("QUYẾT ĐỊNH:").is_none());
        assert!(title_line("NGHỊ ĐỊNHQuy định hỗ trợ")
            .is_some_and(|(d, r)| d.name == "Nghị định" && r == Some("Quy định hỗ trợ")));
        assert!(title_line("Nghị định của Chính phủ số 114/2003/NĐ-CP").is_some());
        assert!(title_line("quyết định của bộ trưởng bộ tài chính").is_some());
        assert!(title_line("Quyết định của Thủ tướng về việc").is_none());
        for rule in ["-----", "*", "===&===", "-:-", "-0-", "| |"] {
            assert!(is_rule(rule), "{rule}");
        }
        for text in ["0", "Số:", "-CV/BTGTU", ""] {
            assert!(!is_rule(text), "{text}");
        }
        assert!(title_line("Quyết định này có hiệu lực").is_none());
    }
}
