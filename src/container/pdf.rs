//! The text layer of a PDF document.
//!
//! Each page's content stream is walked in order: the text it shows, string by string, with the
//! position the text matrix gives each string. A string drawn lower or higher than the last one
//! starts a new line; a gap on the same line wider than a fifth of the font's height is a space.
//! Pages follow one another, a line break between them. Form objects, annotations and
//! bookmarks are not read.
//!
//! Legacy documents turned into PDF keep their fonts' names: a font whose base name is `.VnTime`,
//! `VnTimeH`, `VnArial`… (TCVN3) or `VNI-Times`… (VNI) shows the legacy byte codes, so the text
//! drawn in it is taken as those bytes, whatever Unicode the font's encoding claims for them,
//! and the decoder detects TCVN3 or VNI as in a `.doc`. Where the PDF writer moved a few codes
//! into a two-byte font of the same family (Acrobat Distiller did so for the bytes Windows-1252
//! calls a soft hyphen and a middle dot, TCVN3's `ư` and `ã`), the characters of its Unicode
//! map go back to their bytes. Runs in a TCVN3 capital font (`VnTimeH`) are decoded and put in
//! capitals as the font shows them. Text in other fonts is read through the font's Unicode map
//! or encoding.

use lopdf::content::Content as Operations;
use lopdf::{Dictionary, Document, Encoding, Object};

use super::{Content, Run};
use crate::options::Encoding as TextEncoding;

/// Reads the text layer of the PDF `bytes`.
pub(super) fn text(bytes: &[u8]) -> Result<Content, String> {
    let doc = Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => {
            "an encrypted PDF (vanban cannot read it without its password)".to_string()
        }
        e => format!("damaged PDF: {e}"),
    })?;
    if doc.is_encrypted() {
        return Err("an encrypted PDF (vanban cannot read it without its password)".to_string());
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err("damaged PDF: no pages".to_string());
    }
    let mut out = Out::default();
    let mut read_any = false;
    for (_, page) in pages {
        let Ok(content) = doc.get_page_content(page) else {
            continue;
        };
        let Ok(operations) = Operations::decode(&content) else {
            continue;
        };
        read_any = true;
        let fonts = doc
            .get_page_fonts(page)
            .unwrap_or_default()
            .into_iter()
            .map(|(name, dict)| (name, Font::new(&doc, dict)))
            .collect::<Vec<_>>();
        out.newline();
        Page::new(&fonts, &mut out).run(&operations.operations);
    }
    if !read_any {
        return Err("damaged PDF: no page could be read".to_string());
    }
    out.finish()
}

/// How a font's codes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    /// A TCVN3 (ABC) font: `.VnTime`, `VnArial`…
    Tcvn3,
    /// A TCVN3 capital font: `.VnTimeH`, `VnArialH`… (lower-case codes drawn as capitals).
    Tcvn3Capital,
    /// A VNI font: `VNI-Times`, `VNI-Helve`…
    Vni,
    /// Any other font: its encoding or Unicode map tells the characters.
    Unicode,
}

/// The family of a font from its base name (`ABCDEF+VnTimeHBold`, `.VnTime,Bold`, `VNI-Times`).
pub(super) fn family(base_font: &str) -> Family {
    // A subset's tag (six capitals and `+`) and the leading dot are no part of the name.
    let name = match base_font.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => base_font,
    };
    let name = name.trim_start_matches('.');
    let lower = name.to_ascii_lowercase();
    if ["vni-", "vni_", "vni "]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Family::Vni;
    }
    if !lower.starts_with("vn") {
        return Family::Unicode;
    }
    // The family without its style: `VnTimeH,Bold`, `VnTimeHBold`, `VnTimeH-Italic`.
    let mut stem = name.split([',', '-']).next().unwrap_or(name);
    for style in ["Italic", "Bold", "Oblique", "Regular", "Normal"] {
        stem = stem.strip_suffix(style).unwrap_or(stem);
    }
    if stem.len() > 3 && stem.ends_with('H') {
        Family::Tcvn3Capital
    } else {
        Family::Tcvn3
    }
}

/// The characters Acrobat Distiller gave some legacy codes in its Unicode maps, with the codes'
/// bytes: Windows-1252's soft hyphen (TCVN3 `ư`) became a minus sign and its middle dot
/// (TCVN3 `ã`) a bullet operator.
const DISTILLER: [(char, u8); 2] = [('\u{2212}', 0xAD), ('\u{2219}', 0xB7)];

/// The byte a character of a legacy font's Unicode map stands for.
fn legacy_byte(c: char) -> Option<u8> {
    if let Some(&(_, b)) = DISTILLER.iter().find(|(d, _)| *d == c) {
        return Some(b);
    }
    if let Ok(b) = u8::try_from(u32::from(c)) {
        return Some(b);
    }
    let mut buf = [0u8; 4];
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    match (&*bytes, bad) {
        ([b], false) => Some(*b),
        _ => None,
    }
}

/// What vanban needs of a font.
struct Font<'a> {
    family: Family,
    /// Two-byte codes (a `Type0` font).
    wide: bool,
    /// Unicode of each code of a one-byte font.
    table: Vec<String>,
    /// The Unicode map of a two-byte font.
    map: Option<Encoding<'a>>,
    /// Glyph widths in thousandths of the font size: (first code, widths), and the default.
    widths: Vec<(u32, Vec<f64>)>,
    default_width: f64,
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

impl<'a> Font<'a> {
    fn new(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let base = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let wide = dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
        let mut font = Font {
            family: family(&base),
            wide,
            table: Vec::new(),
            map: None,
            widths: Vec::new(),
            default_width: if wide { 1000.0 } else { 500.0 },
        };
        if wide {
            if dict.has(b"ToUnicode") {
                font.map = dict.get_font_encoding(doc).ok();
            }
            let descendant = dict
                .get(b"DescendantFonts")
                .map(|o| deref(doc, o))
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok());
            if let Some(cid) = descendant {
                if let Some(dw) = cid.get(b"DW").ok().and_then(number) {
                    font.default_width = dw;
                }
                if let Ok(w) = cid
                    .get(b"W")
                    .map(|o| deref(doc, o))
                    .and_then(Object::as_array)
                {
                    font.widths = cid_widths(doc, w);
                }
            }
        } else {
            // A Unicode map wins over the encoding: decode with a copy of the font without it.
            let encoding = if dict.has(b"ToUnicode") && dict.has(b"Encoding") {
                let mut copy = dict.clone();
                copy.remove(b"Encoding");
                table(copy.get_font_encoding(doc).ok().as_ref())
            } else {
                table(dict.get_font_encoding(doc).ok().as_ref())
            };
            font.table = encoding;
            let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0);
            if let Ok(w) = dict
                .get(b"Widths")
                .map(|o| deref(doc, o))
                .and_then(Object::as_array)
            {
                let widths = w
                    .iter()
                    .map(|o| number(deref(doc, o)).unwrap_or(0.0))
                    .collect();
                font.widths = vec![(first.max(0.0) as u32, widths)];
            }
            if let Some(missing) = dict
                .get(b"FontDescriptor")
                .map(|o| deref(doc, o))
                .and_then(Object::as_dict)
                .ok()
                .and_then(|d| d.get(b"MissingWidth").ok())
                .and_then(number)
            {
                font.default_width = missing;
            }
        }
        font
    }

    fn width(&self, code: u32) -> f64 {
        for (first, widths) in &self.widths {
            if let Some(w) = code
                .checked_sub(*first)
                .and_then(|k| widths.get(k as usize))
            {
                return *w;
            }
        }
        self.default_width
    }

    /// The Unicode of a code.
    fn unicode(&self, code: u32) -> String {
        if self.wide {
            let bytes = [(code >> 8) as u8, code as u8];
            self.map
                .as_ref()
                .and_then(|m| m.bytes_to_string(&bytes).ok())
                .unwrap_or_default()
        } else {
            self.table.get(code as usize).cloned().unwrap_or_default()
        }
    }
}

/// The Unicode of each one-byte code under an encoding (none: Latin-1).
fn table(encoding: Option<&Encoding<'_>>) -> Vec<String> {
    (0u8..=255)
        .map(
            |b| match encoding.and_then(|e| e.bytes_to_string(&[b]).ok()) {
                Some(s) => s,
                None => char::from(b).to_string(),
            },
        )
        .collect()
}

/// The widths of a CID font's `W` array: `c [w1 w2 …]` and `c_first c_last w` entries.
fn cid_widths(doc: &Document, w: &[Object]) -> Vec<(u32, Vec<f64>)> {
    let mut out = Vec::new();
    let mut at = 0;
    // Widths kept in all: a damaged file may claim millions of codes in many ranges.
    let mut budget: usize = 1 << 20;
    while at < w.len() && budget > 0 {
        let Some(first) = number(deref(doc, &w[at])) else {
            break;
        };
        let first = first.max(0.0) as u32;
        match w.get(at + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                let widths: Vec<f64> = list
                    .iter()
                    .take(budget)
                    .map(|o| number(o).unwrap_or(0.0))
                    .collect();
                budget -= widths.len();
                out.push((first, widths));
                at += 2;
            }
            Some(o) => {
                let (Some(last), Some(width)) =
                    (number(o), w.get(at + 2).and_then(|o| number(deref(doc, o))))
                else {
                    break;
                };
                // A range of one width: capped, a damaged file may claim millions of codes.
                let count = ((last.max(0.0) as u32).saturating_sub(first) as usize)
                    .saturating_add(1)
                    .min(1 << 16)
                    .min(budget);
                budget -= count;
                out.push((first, vec![width; count]));
                at += 3;
            }
            None => break,
        }
    }
    out
}

/// An affine matrix `[a b c d e f]`.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`.
fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// The text collected from the pages.
#[derive(Debug, Default)]
struct Out {
    runs: Vec<Run>,
}

impl Out {
    fn ends_with(&self, c: char) -> bool {
        match self.runs.last() {
            Some(Run::Legacy(b)) => b.last().is_some_and(|&b| char::from(b) == c),
            Some(Run::Unicode(s)) => s.ends_with(c),
            None => true,
        }
    }

    /// ASCII, the same in every encoding: joins the last run, whatever its kind.
    fn ascii(&mut self, c: u8) {
        match self.runs.last_mut() {
            Some(Run::Legacy(b)) => b.push(c),
            Some(Run::Unicode(s)) => s.push(char::from(c)),
            None => self.runs.push(Run::Legacy(vec![c])),
        }
    }

    fn newline(&mut self) {
        if !self.ends_with('\n') {
            self.ascii(b'\n');
        }
    }

    fn space(&mut self) {
        if !self.ends_with(' ') && !self.ends_with('\n') {
            self.ascii(b' ');
        }
    }

    fn legacy(&mut self, b: u8) {
        if b.is_ascii() {
            return self.ascii(b);
        }
        match self.runs.last_mut() {
            Some(Run::Legacy(bytes)) => bytes.push(b),
            _ => self.runs.push(Run::Legacy(vec![b])),
        }
    }

    fn unicode(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if s.is_ascii() {
            return s.bytes().for_each(|b| self.ascii(b));
        }
        match self.runs.last_mut() {
            Some(Run::Unicode(text)) => text.push_str(s),
            _ => self.runs.push(Run::Unicode(s.to_string())),
        }
    }

    /// The content: bytes when all is legacy, text when none is.
    fn finish(self) -> Result<Content, String> {
        let blank = self.runs.iter().all(|r| match r {
            Run::Legacy(b) => b.iter().all(u8::is_ascii_whitespace),
            Run::Unicode(s) => s.trim().is_empty(),
        });
        if blank {
            return Err("a PDF without a text layer (a scan?)".to_string());
        }
        let unicode = self.runs.iter().any(|r| matches!(r, Run::Unicode(_)));
        let legacy = self.runs.iter().any(|r| match r {
            Run::Legacy(b) => !b.is_ascii(),
            Run::Unicode(_) => false,
        });
        Ok(match (legacy, unicode) {
            (_, false) => Content::Bytes(
                self.runs
                    .into_iter()
                    .flat_map(|r| match r {
                        Run::Legacy(b) => b,
                        Run::Unicode(s) => s.into_bytes(),
                    })
                    .collect(),
            ),
            (false, true) => Content::Text(
                self.runs
                    .into_iter()
                    .map(|r| match r {
                        Run::Legacy(b) => String::from_utf8_lossy(&b).into_owned(),
                        Run::Unicode(s) => s,
                    })
                    .collect(),
            ),
            (true, true) => Content::Runs(self.runs),
        })
    }
}

/// The graphics and text state while a page's operations are walked.
struct Page<'f, 'a, 'o> {
    fonts: &'f [(Vec<u8>, Font<'a>)],
    out: &'o mut Out,
    ctm: Matrix,
    saved: Vec<Matrix>,
    tm: Matrix,
    tlm: Matrix,
    font: Option<usize>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
    /// Where the last string drawn ended (x, y) and its font height, in page space.
    last: Option<(f64, f64, f64)>,
}

impl<'f, 'a, 'o> Page<'f, 'a, 'o> {
    fn new(fonts: &'f [(Vec<u8>, Font<'a>)], out: &'o mut Out) -> Self {
        Page {
            fonts,
            out,
            ctm: IDENTITY,
            saved: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            last: None,
        }
    }

    fn run(&mut self, operations: &[lopdf::content::Operation]) {
        for op in operations {
            let args = &op.operands;
            let num = |k: usize| args.get(k).and_then(number).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" => self.saved.push(self.ctm),
                "Q" => self.ctm = self.saved.pop().unwrap_or(IDENTITY),
                "cm" if args.len() == 6 => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    self.ctm = multiply(&m, &self.ctm);
                }
                "BT" => {
                    self.tm = IDENTITY;
                    self.tlm = IDENTITY;
                }
                "Tf" => {
                    let name = args.first().and_then(|o| o.as_name().ok());
                    self.font = name.and_then(|n| self.fonts.iter().position(|(k, _)| k == n));
                    self.size = num(1);
                }
                "Tc" => self.char_spacing = num(0),
                "Tw" => self.word_spacing = num(0),
                "Tz" => self.scale = num(0) / 100.0,
                "TL" => self.leading = num(0),
                "Ts" => self.rise = num(0),
                "Td" => self.move_line(num(0), num(1)),
                "TD" => {
                    self.leading = -num(1);
                    self.move_line(num(0), num(1));
                }
                "Tm" if args.len() == 6 => {
                    self.tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    self.tm = self.tlm;
                }
                "T*" => self.move_line(0.0, -self.leading),
                "Tj" => self.show_object(args.first()),
                "'" => {
                    self.move_line(0.0, -self.leading);
                    self.show_object(args.first());
                }
                "\"" => {
                    self.word_spacing = num(0);
                    self.char_spacing = num(1);
                    self.move_line(0.0, -self.leading);
                    self.show_object(args.get(2));
                }
                "TJ" => {
                    let Some(Ok(items)) = args.first().map(Object::as_array) else {
                        continue;
                    };
                    for item in items {
                        match number(item) {
                            Some(adjust) => {
                                let tx = -adjust / 1000.0 * self.size * self.scale;
                                self.tm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
                            }
                            None => self.show_object(Some(item)),
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn move_line(&mut self, tx: f64, ty: f64) {
        self.tlm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    /// Where the text matrix puts the origin, in page space, and the font's height there.
    fn position(&self) -> (f64, f64, f64) {
        let m = multiply(&self.tm, &self.ctm);
        let height = self.size * (m[0] * m[3] - m[1] * m[2]).abs().sqrt();
        let y = m[5] + self.rise * m[3];
        (m[4], y, height)
    }

    fn show_object(&mut self, object: Option<&Object>) {
        if let Some(Object::String(bytes, _)) = object {
            self.show(bytes);
        }
    }

    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.font.and_then(|k| self.fonts.get(k)).map(|(_, f)| f) else {
            return;
        };
        let (x, y, height) = self.position();
        if let Some((last_x, last_y, last_height)) = self.last {
            let h = height.max(last_height).max(1e-3);
            if (y - last_y).abs() > 0.5 * h {
                self.out.newline();
            } else if x - last_x > 0.2 * h {
                self.out.space();
            }
        }
        let codes: Vec<u32> = if font.wide {
            bytes
                .chunks(2)
                .map(|c| c.iter().fold(0u32, |v, &b| v << 8 | u32::from(b)))
                .collect()
        } else {
            bytes.iter().map(|&b| u32::from(b)).collect()
        };
        let mut capitals: Vec<u8> = Vec::new();
        for code in codes {
            match (font.family, font.wide) {
                (Family::Unicode, _) => self.out.unicode(&font.unicode(code)),
                (Family::Tcvn3Capital, false) => capitals.push(code as u8),
                (Family::Tcvn3Capital, true) => {
                    capitals.extend(font.unicode(code).chars().filter_map(legacy_byte))
                }
                (_, false) => self.out.legacy(code as u8),
                (_, true) => {
                    for c in font.unicode(code).chars() {
                        match legacy_byte(c) {
                            Some(b) => self.out.legacy(b),
                            None => self.out.unicode(c.encode_utf8(&mut [0; 4])),
                        }
                    }
                }
            }
            let w = font.width(code) / 1000.0 * self.size;
            let space = if !font.wide && code == 32 {
                self.word_spacing
            } else {
                0.0
            };
            let tx = (w + self.char_spacing + space) * self.scale;
            self.tm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
        }
        if !capitals.is_empty() {
            self.out.unicode(&capital(&capitals));
        }
        let (x, y, height) = self.position();
        self.last = Some((x, y, height));
    }
}

/// Text in a TCVN3 capital font, as it shows: decoded and in capitals.
fn capital(bytes: &[u8]) -> String {
    let text = crate::decode(bytes, TextEncoding::Tcvn3)
        .map_or_else(|_| String::from_utf8_lossy(bytes).into_owned(), |d| d.text);
    text.to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claimed_width_ranges_are_bounded() {
        let doc = Document::with_version("1.5");
        // Many ranges each claiming every code, the last one up to u32::MAX.
        let mut w = Vec::new();
        for _ in 0..100 {
            w.extend([
                Object::Integer(0),
                Object::Integer(i64::from(u32::MAX)),
                Object::Integer(500),
            ]);
        }
        let widths = cid_widths(&doc, &w);
        let total: usize = widths.iter().map(|(_, v)| v.len()).sum();
        assert!(total <= 1 << 20, "{total}");
        assert_eq!(widths[0].1.len(), 1 << 16);
    }

    #[test]
    fn font_families_from_base_names() {
        assert_eq!(family("GDNPNH+VnTime"), Family::Tcvn3);
        assert_eq!(family(".VnTime,Bold"), Family::Tcvn3);
        assert_eq!(family("GDNPOI+VnTimeItalic"), Family::Tcvn3);
        assert_eq!(family("GDNPMF+VnTimeHBold"), Family::Tcvn3Capital);
        assert_eq!(family(".VnArialH"), Family::Tcvn3Capital);
        assert_eq!(family("VNI-Times"), Family::Vni);
        assert_eq!(family("ABCDEF+VNI-Helve-Bold"), Family::Vni);
        assert_eq!(family("TimesNewRomanPSMT"), Family::Unicode);
        assert_eq!(family("Arial,Bold"), Family::Unicode);
    }

    use lopdf::content::Operation;
    use lopdf::{dictionary, Stream};

    /// A one-page PDF with a TCVN3 font `L`, a TCVN3 capital font `H` and a standard font `U`,
    /// drawing `operations`.
    fn pdf(operations: Vec<Operation>) -> Vec<u8> {
        let mut doc = Document::with_version("1.4");
        let pages_id = doc.new_object_id();
        let font = |doc: &mut Document, base: &str| {
            doc.add_object(dictionary! {
                "Type" => "Font",
                "Subtype" => "TrueType",
                "BaseFont" => base,
                "Encoding" => "WinAnsiEncoding",
                "FirstChar" => 32,
                "Widths" => vec![Object::Integer(250); 224],
            })
        };
        let legacy = font(&mut doc, "ABCDEF+VnTime");
        let capital = font(&mut doc, "ABCDEF+VnTimeHBold");
        let unicode = font(&mut doc, "Helvetica");
        let resources = doc.add_object(dictionary! {
            "Font" => dictionary! { "L" => legacy, "H" => capital, "U" => unicode },
        });
        let content = Operations { operations }.encode().unwrap();
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page.into()],
                "Count" => 1,
                "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    fn op(operator: &str, operands: Vec<Object>) -> Operation {
        Operation::new(operator, operands)
    }

    #[test]
    fn legacy_fonts_give_their_bytes_and_lines_follow_positions() {
        let bytes = pdf(vec![
            op("BT", vec![]),
            op("Tf", vec!["H".into(), 12.into()]),
            op(
                "Tm",
                vec![
                    1.into(),
                    0.into(),
                    0.into(),
                    1.into(),
                    100.into(),
                    700.into(),
                ],
            ),
            // TCVN3 "quyết định" in the capital font.
            op(
                "Tj",
                vec![Object::string_literal(b"quy\xd5t \xae\xdenh".to_vec())],
            ),
            op("Tf", vec!["L".into(), 12.into()]),
            op("Td", vec![0.into(), (-14).into()]),
            // TCVN3 "Cộng hòa", then a word further right on the same line.
            op(
                "TJ",
                vec![Object::Array(vec![
                    Object::string_literal(b"C\xe9ng".to_vec()),
                    Object::Integer(-300),
                    Object::string_literal(b"h\xdfa".to_vec()),
                ])],
            ),
            op("Tf", vec!["U".into(), 12.into()]),
            op("Td", vec![0.into(), (-14).into()]),
            op("Tj", vec![Object::string_literal("Trang 2")]),
            op("ET", vec![]),
        ]);
        assert_eq!(
            text(&bytes).unwrap(),
            Content::Runs(vec![
                // ASCII joins the run before it, whatever its kind.
                Run::Unicode("QUYẾT ĐỊNH\nC".to_string()),
                Run::Legacy(b"\xe9ng h\xdfa\nTrang 2".to_vec()),
            ])
        );
    }

    #[test]
    fn no_text_layer_damage_and_cuts_are_errors_not_panics() {
        let bytes = pdf(vec![op("q", vec![]), op("Q", vec![])]);
        assert_eq!(
            text(&bytes).unwrap_err(),
            "a PDF without a text layer (a scan?)"
        );
        let good = pdf(vec![
            op("BT", vec![]),
            op("Tf", vec!["U".into(), 12.into()]),
            op("Tj", vec![Object::string_literal("Ban Tuyen giao")]),
            op("ET", vec![]),
        ]);
        assert_eq!(
            text(&good).unwrap(),
            Content::Bytes(b"Ban Tuyen giao".to_vec())
        );
        for cut in (0..good.len()).step_by(7) {
            let _ = std::panic::catch_unwind(|| text(&good[..cut]));
        }
        assert!(text(b"%PDF-1.4\n").unwrap_err().starts_with("damaged PDF"));
    }

    #[test]
    fn distiller_characters_go_back_to_their_bytes() {
        assert_eq!(legacy_byte('\u{2212}'), Some(0xAD));
        assert_eq!(legacy_byte('\u{2219}'), Some(0xB7));
        assert_eq!(legacy_byte('\u{e9}'), Some(0xE9));
        assert_eq!(legacy_byte('\u{20AC}'), Some(0x80));
        assert_eq!(legacy_byte('\u{1EA1}'), None);
    }
}
