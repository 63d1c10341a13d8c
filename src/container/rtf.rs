//! The text of an RTF document.
//!
//! Legacy Vietnamese RTF files store each letter as the byte of a TCVN3 or VNI font (`\'b8`,
//! or the byte itself), naming the font in the font table (`.VnTime`, `VNI-Times`). The reader
//! keeps those bytes as they are, so that the decoder can detect and convert them; paragraph and
//! line marks become line breaks, table cells tabs, and the groups that are no text (font and
//! colour tables, style sheet, document information, pictures, field instructions, headers and
//! footers, `\*` destinations) are left out. When the document also holds Unicode characters
//! (`\u7871?`), each run is decoded by its own font and the result is Unicode text.

use super::Content;
use crate::options::Encoding;

/// Whether `bytes` start an RTF document (after an optional UTF-8 BOM or leading whitespace).
pub(super) fn is_rtf(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    start.is_some_and(|at| bytes[at..].starts_with(b"{\\rtf"))
}

/// How the bytes of a font's runs are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FontCode {
    /// A TCVN3 (ABC) font: `.VnTime`, `.VnArial`, …
    Tcvn3,
    /// A TCVN3 capital font (`.VnTimeH`, `.VnArialH`): lower-case codes show as capitals.
    Tcvn3Capital,
    /// A VNI font: `VNI-Times`, `VNI-Helve`, …
    Vni,
    /// Any other font: the document's ANSI code page.
    Ansi,
}

impl FontCode {
    fn of_name(name: &str) -> FontCode {
        let name = name.trim().to_ascii_lowercase();
        let first = name.split_whitespace().next().unwrap_or("");
        if first.starts_with(".vn") && first.len() > 4 && first.ends_with('h') {
            FontCode::Tcvn3Capital
        } else if name.starts_with(".vn") {
            FontCode::Tcvn3
        } else if name.starts_with("vni-") || name.starts_with("vni ") {
            FontCode::Vni
        } else {
            FontCode::Ansi
        }
    }
}

/// What a group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    /// Document text.
    Text,
    /// The font table.
    Fonts,
    /// A group whose content is no text.
    Skip,
}

/// The state a group opens with and restores when it closes.
#[derive(Debug, Clone, Copy)]
struct Group {
    dest: Dest,
    /// The current font number.
    font: i32,
    /// How many fallback characters follow a `\uN`.
    uc: u32,
}

/// Control words that open a group holding no document text.
const SKIPPED: &[&str] = &[
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "annotation",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "fldinst",
    "filetbl",
    "revtbl",
    "pgdsctbl",
    "bkmkstart",
    "bkmkend",
    "template",
    "userprops",
    "docvar",
    "nonshppict",
    "shpinst",
    "fchars",
    "lchars",
    "pn",
];

/// A stretch of output in one font (or of Unicode characters).
#[derive(Debug)]
enum Run {
    Bytes(FontCode, Vec<u8>),
    Unicode(String),
}

/// Collects the document text as runs.
struct Out {
    runs: Vec<Run>,
    /// Whether any `\uN` character beyond ASCII was met.
    unicode: bool,
}

impl Out {
    fn byte(&mut self, code: FontCode, b: u8) {
        match self.runs.last_mut() {
            Some(Run::Bytes(c, bytes)) if *c == code => bytes.push(b),
            _ => self.runs.push(Run::Bytes(code, vec![b])),
        }
    }

    fn char(&mut self, c: char) {
        if c.is_ascii() {
            // ASCII reads the same in every font: keep it in the byte stream.
            let code = match self.runs.last() {
                Some(Run::Bytes(code, _)) => *code,
                _ => FontCode::Ansi,
            };
            self.byte(code, c as u8);
            return;
        }
        self.unicode = true;
        match self.runs.last_mut() {
            Some(Run::Unicode(s)) => s.push(c),
            _ => self.runs.push(Run::Unicode(c.to_string())),
        }
    }
}

/// The text of the RTF document `bytes`.
pub(super) fn text(bytes: &[u8]) -> Content {
    let mut fonts: Vec<(i32, FontCode)> = Vec::new();
    let mut default_font = 0;
    let mut codepage = 1252u32;
    let mut font_name = String::new();
    let mut font_number = 0;
    let mut stack: Vec<Group> = Vec::new();
    let mut group = Group {
        dest: Dest::Text,
        font: 0,
        uc: 1,
    };
    let mut out = Out {
        runs: Vec::new(),
        unicode: false,
    };
    // Fallback characters still to skip after a `\uN`.
    let mut skip_chars = 0u32;
    // Whether the next control word is the destination of a `\*` group.
    let mut starred = false;
    let code_of = |fonts: &[(i32, FontCode)], font: i32| {
        fonts
            .iter()
            .find(|(n, _)| *n == font)
            .map_or(FontCode::Ansi, |(_, code)| *code)
    };

    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'{' => {
                stack.push(group);
                skip_chars = 0;
                i += 1;
            }
            b'}' => {
                if group.dest == Dest::Fonts && !font_name.is_empty() {
                    fonts.push((font_number, FontCode::of_name(&font_name)));
                    font_name.clear();
                }
                if let Some(outer) = stack.pop() {
                    group = outer;
                }
                skip_chars = 0;
                i += 1;
            }
            b'\\' => {
                let (word, param, next) = control(bytes, i + 1);
                i = next;
                match word {
                    Control::Symbol(c) => {
                        let text = match c {
                            b'\\' | b'{' | b'}' => Some(c as char),
                            b'~' => Some('\u{A0}'),
                            b'_' => Some('-'),
                            b'*' => {
                                starred = true;
                                None
                            }
                            _ => None,
                        };
                        if let Some(c) = text {
                            if skip_chars > 0 {
                                skip_chars -= 1;
                            } else if group.dest == Dest::Text {
                                out.char(c);
                            }
                        }
                    }
                    Control::Hex(byte) => {
                        if skip_chars > 0 {
                            skip_chars -= 1;
                        } else if group.dest == Dest::Text {
                            out.byte(code_of(&fonts, group.font), byte);
                        } else if group.dest == Dest::Fonts {
                            font_name.push(byte as char);
                        }
                    }
                    Control::Word(name) => {
                        let in_text = group.dest == Dest::Text;
                        if std::mem::take(&mut starred) && name != "fonttbl" {
                            group.dest = Dest::Skip;
                            continue;
                        }
                        match name {
                            "fonttbl" => group.dest = Dest::Fonts,
                            "bin" => {
                                let n = usize::try_from(param.unwrap_or(0)).unwrap_or(0);
                                i = i.saturating_add(n).min(bytes.len());
                            }
                            "ansicpg" => {
                                codepage = u32::try_from(param.unwrap_or(1252)).unwrap_or(1252)
                            }
                            "deff" => default_font = param.unwrap_or(0),
                            "f" if group.dest == Dest::Fonts => {
                                font_number = param.unwrap_or(0);
                                font_name.clear();
                            }
                            "f" => group.font = param.unwrap_or(0),
                            "plain" => group.font = default_font,
                            "uc" => group.uc = u32::try_from(param.unwrap_or(1)).unwrap_or(1),
                            "u" => {
                                let unit = param.unwrap_or(0);
                                let unit = if unit < 0 { unit + 0x10000 } else { unit };
                                if in_text {
                                    if let Some(c) =
                                        u32::try_from(unit).ok().and_then(char::from_u32)
                                    {
                                        out.char(c);
                                    }
                                }
                                skip_chars = group.uc;
                            }
                            "par" | "line" | "sect" | "page" | "row" if in_text => out.char('\n'),
                            "cell" | "nestcell" | "tab" if in_text => out.char('\t'),
                            "emdash" if in_text => out.char('—'),
                            "endash" if in_text => out.char('–'),
                            "lquote" if in_text => out.char('‘'),
                            "rquote" if in_text => out.char('’'),
                            "ldblquote" if in_text => out.char('“'),
                            "rdblquote" if in_text => out.char('”'),
                            "bullet" if in_text => out.char('•'),
                            name if SKIPPED.contains(&name) => group.dest = Dest::Skip,
                            _ => {}
                        }
                    }
                }
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                i += 1;
                if skip_chars > 0 {
                    skip_chars -= 1;
                    continue;
                }
                match group.dest {
                    Dest::Text => out.byte(code_of(&fonts, group.font), b),
                    Dest::Fonts if b == b';' => {
                        fonts.push((font_number, FontCode::of_name(&font_name)));
                        font_name.clear();
                    }
                    Dest::Fonts => font_name.push(b as char),
                    Dest::Skip => {}
                }
            }
        }
    }

    let capitals = out
        .runs
        .iter()
        .any(|run| matches!(run, Run::Bytes(FontCode::Tcvn3Capital, b) if !b.is_ascii()));
    if !out.unicode && !capitals {
        let mut bytes = Vec::new();
        for run in out.runs {
            if let Run::Bytes(_, b) = run {
                bytes.extend_from_slice(&b);
            }
        }
        return Content::Bytes(bytes);
    }
    if !out.unicode {
        // Capital-font runs are decoded here, where their font is known; the rest is left to
        // detection.
        let mut runs: Vec<super::Run> = Vec::new();
        for run in out.runs {
            let Run::Bytes(code, bytes) = run else {
                continue;
            };
            match (code, runs.last_mut()) {
                (FontCode::Tcvn3Capital, _) => {
                    runs.push(super::Run::Unicode(decode_run(code, &bytes, codepage)))
                }
                (_, Some(super::Run::Legacy(last))) => last.extend_from_slice(&bytes),
                _ => runs.push(super::Run::Legacy(bytes)),
            }
        }
        return Content::Runs(runs);
    }
    let mut text = String::new();
    for run in &out.runs {
        match run {
            Run::Unicode(s) => text.push_str(s),
            Run::Bytes(code, bytes) => text.push_str(&decode_run(*code, bytes, codepage)),
        }
    }
    Content::Text(text)
}

/// A run of 8-bit text in a document that also holds Unicode characters.
fn decode_run(code: FontCode, bytes: &[u8], codepage: u32) -> String {
    if code == FontCode::Tcvn3Capital {
        let text = crate::decode(bytes, Encoding::Tcvn3)
            .map_or_else(|_| String::from_utf8_lossy(bytes).into_owned(), |d| d.text);
        return text.to_uppercase();
    }
    let legacy = match code {
        FontCode::Tcvn3 | FontCode::Tcvn3Capital => Some(Encoding::Tcvn3),
        FontCode::Vni => Some(Encoding::Vni),
        FontCode::Ansi if codepage == 1258 => Some(Encoding::Cp1258),
        FontCode::Ansi => None,
    };
    if bytes.is_ascii() {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    if let Some(Ok(decoded)) = legacy.map(|e| crate::decode(bytes, e)) {
        return decoded.text;
    }
    encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()
}

/// One control sequence after a backslash.
enum Control<'a> {
    /// `\word` with an optional number.
    Word(&'a str),
    /// `\'hh`.
    Hex(u8),
    /// `\` and one other character.
    Symbol(u8),
}

/// Reads the control sequence starting at `at` (just after the backslash): the control, its
/// numeric parameter, and where the text goes on.
fn control(bytes: &[u8], at: usize) -> (Control<'_>, Option<i32>, usize) {
    let Some(&first) = bytes.get(at) else {
        return (Control::Symbol(b'\\'), None, at);
    };
    if first == b'\'' {
        let hex = bytes.get(at + 1..at + 3).and_then(|h| {
            std::str::from_utf8(h)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        });
        return match hex {
            Some(byte) => (Control::Hex(byte), None, at + 3),
            None => (Control::Symbol(b'\''), None, at + 1),
        };
    }
    if !first.is_ascii_alphabetic() {
        return (Control::Symbol(first), None, at + 1);
    }
    let mut end = at;
    while end < bytes.len() && bytes[end].is_ascii_alphabetic() && end - at < 32 {
        end += 1;
    }
    // The letters are ASCII, so this cannot fail.
    let word = std::str::from_utf8(&bytes[at..end]).unwrap_or("");
    let mut next = end;
    let negative = bytes.get(next) == Some(&b'-');
    if negative {
        next += 1;
    }
    let digits_start = next;
    while next < bytes.len() && bytes[next].is_ascii_digit() && next - digits_start < 10 {
        next += 1;
    }
    let param = if next > digits_start {
        std::str::from_utf8(&bytes[digits_start..next])
            .ok()
            .and_then(|d| d.parse::<i64>().ok())
            .map(|n| if negative { -n } else { n })
            .and_then(|n| i32::try_from(n).ok())
    } else {
        if negative {
            next -= 1;
        }
        None
    };
    // One space ends a control word and belongs to it.
    if bytes.get(next) == Some(&b' ') {
        next += 1;
    }
    (Control::Word(word), param, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes_of(rtf: &[u8]) -> Vec<u8> {
        match text(rtf) {
            Content::Bytes(b) => b,
            other => panic!("expected bytes, got {other:?}"),
        }
    }

    #[test]
    fn legacy_bytes_are_kept_and_tables_left_out() {
        let rtf = br"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss .VnTime;}{\f1 .VnTimeH;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\f0 Normal;}}{\info{\title x}}\pard\plain\f0 C\'e9ng h\'dfa\par {\*\bkmkstart a}x\tab y\cell z\row}";
        assert_eq!(bytes_of(rtf), b"C\xe9ng h\xdfa\nx\ty\tz\n");
    }

    #[test]
    fn unicode_characters_decode_each_run_by_its_font() {
        let rtf = br"{\rtf1\ansi\ansicpg1252\uc1{\fonttbl{\f0 Times New Roman;}{\f1 .VnTime;}}\f0 Vi\u7879?t \f1 C\'e9ng h\'dfa}";
        assert_eq!(text(rtf), Content::Text("Việt Cộng hòa".to_string()));
    }

    #[test]
    fn capital_font_runs_are_decoded_in_capitals() {
        let rtf = br"{\rtf1{\fonttbl{\f0 .VnTime;}{\f1 .VnTimeH;}}\f1 b\'e9 t\'b5i ch\'ddnh\par\f0 C\'e9ng h\'dfa}";
        assert_eq!(
            text(rtf),
            Content::Runs(vec![
                super::super::Run::Unicode("BỘ TÀI CHÍNH\n".to_string()),
                super::super::Run::Legacy(b"C\xe9ng h\xdfa".to_vec()),
            ])
        );
    }

    #[test]
    fn fields_keep_their_result_and_binary_data_is_skipped() {
        let rtf = b"{\\rtf1{\\field{\\*\\fldinst HYPERLINK x}{\\fldrslt link}} a\\bin3 \x00\x01\x02 b \\{c\\}\\\\}";
        assert_eq!(bytes_of(rtf), b"link a b {c}\\");
    }

    #[test]
    fn truncated_and_unbalanced_input_ends_without_panic() {
        for rtf in [
            &b"{\\rtf1 abc\\"[..],
            b"{\\rtf1 }}}}a",
            b"{\\rtf1 \\'4",
            b"{\\rtf1 \\u-",
        ] {
            let _ = text(rtf);
        }
        assert_eq!(bytes_of(b"{\\rtf1 }}}}a"), b"a");
    }
}
