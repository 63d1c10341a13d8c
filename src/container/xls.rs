//! The cell text of an Excel 97–2003 `.xls` workbook (and of the Excel 5/95 workbooks before
//! it).
//!
//! The workbook is the `Workbook` (or `Book`) stream of an OLE compound file: a sequence of BIFF
//! records, first the workbook globals (shared strings, number formats, cell formats, the list of
//! sheets), then one block of records per sheet holding its cells. vanban reads the text, number,
//! formula-result and true/false cells of every visible worksheet and lays each sheet out as a
//! table: one row a line, the cells of a row separated by tabs (an empty cell between two others
//! keeps its tab, so columns stay in place), empty rows left out, and an empty line between
//! sheets.
//!
//! A cell typed in a TCVN3 or VNI font holds the font's byte codes as characters: BIFF8 stores
//! them either as one byte a character (the low byte of each code unit) or as UTF-16 of their
//! Windows-1252 reading, Excel 5/95 as the bytes themselves. Both go back to the bytes the legacy
//! decoder expects, the way a Word `.doc` does; a workbook in Unicode comes out as Unicode.
//! Numbers read as Excel shows them in its General format (integers without a decimal point, at
//! most ten significant digits), dates as day/month/year and percentages with their sign.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use super::word::{self, Unit};
use super::Content;

/// The largest workbook stream read.
const MAX_STREAM: u64 = 256 << 20;

// Record types.
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const FILEPASS: u16 = 0x002F;
const DATEMODE: u16 = 0x0022;
const BOUNDSHEET: u16 = 0x0085;
const SST: u16 = 0x00FC;
const CONTINUE: u16 = 0x003C;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const LABELSST: u16 = 0x00FD;
const LABEL: u16 = 0x0204;
const RSTRING: u16 = 0x00D6;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
const STRING: u16 = 0x0207;
const BOOLERR: u16 = 0x0205;

/// Reads the cells of the workbook in the compound file `file`.
pub(super) fn text(file: &mut cfb::CompoundFile<Cursor<&[u8]>>) -> Result<Content, String> {
    let name = if file.is_stream("/Workbook") {
        "/Workbook"
    } else {
        "/Book"
    };
    let mut stream = file
        .open_stream(name)
        .map_err(|e| format!("damaged Excel workbook: {name}: {e}"))?;
    let mut bytes = Vec::new();
    stream
        .by_ref()
        .take(MAX_STREAM)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("damaged Excel workbook: {name}: {e}"))?;
    let sheets = workbook(&bytes)?;
    Ok(word::content(&layout(&sheets)))
}

/// One BIFF record: its type and data.
#[derive(Debug, Clone, Copy)]
struct Record<'a> {
    kind: u16,
    data: &'a [u8],
}

/// The records of a stream from `at` on; a record cut short ends the sequence.
fn records(stream: &[u8], at: usize) -> impl Iterator<Item = Record<'_>> {
    let mut at = at;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some(Record { kind, data })
    })
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn f64_at(b: &[u8], at: usize) -> Option<f64> {
    Some(f64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// What a number cell's format makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumberKind {
    /// Shown as a number.
    Plain,
    /// Shown as a date (and time).
    Date,
    /// Shown as a time of day.
    Time,
    /// Shown as a percentage.
    Percent,
}

/// What the built-in number format `id`, or the format `code`, shows.
pub(super) fn number_kind(id: u16, code: Option<&str>) -> NumberKind {
    match id {
        9 | 10 => return NumberKind::Percent,
        14..=17 | 22 | 27..=36 | 50..=58 => return NumberKind::Date,
        18..=21 | 45..=47 => return NumberKind::Time,
        _ => {}
    }
    let Some(code) = code else {
        return NumberKind::Plain;
    };
    // Only the first section counts; quoted text, escaped characters and [colour] or [$-locale]
    // brackets are no part of the pattern.
    let (mut date, mut time, mut percent) = (false, false, false);
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            ';' => break,
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                // Elapsed-time brackets ([h], [mm]) are times; other brackets are not.
                let inner: String = chars.by_ref().take_while(|&q| q != ']').collect();
                if matches!(
                    inner.to_ascii_lowercase().chars().next(),
                    Some('h' | 'm' | 's')
                ) {
                    time = true;
                }
            }
            'd' | 'D' | 'y' | 'Y' => date = true,
            'h' | 'H' | 's' | 'S' => time = true,
            '%' => percent = true,
            _ => {}
        }
    }
    if date {
        NumberKind::Date
    } else if time {
        NumberKind::Time
    } else if percent {
        NumberKind::Percent
    } else {
        NumberKind::Plain
    }
}

/// A number as Excel's General format shows it: integers without a decimal point, others with
/// at most ten significant digits.
pub(super) fn general(v: f64) -> String {
    if !v.is_finite() {
        return "#NUM!".to_string();
    }
    if v == v.trunc() && v.abs() < 1e15 {
        // Exact: `v` is an integer well inside the range of i64.
        return format!("{}", v as i64);
    }
    let magnitude = v.abs().log10().floor();
    if !(-9.0..15.0).contains(&magnitude) {
        return format!("{v:e}");
    }
    let decimals = (9.0 - magnitude).clamp(0.0, 20.0) as usize;
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A number cell's text in the way its format shows it; `date1904` for workbooks counting days
/// from 1904.
pub(super) fn number_text(v: f64, kind: NumberKind, date1904: bool) -> String {
    match kind {
        NumberKind::Plain => general(v),
        NumberKind::Percent => format!("{}%", general(v * 100.0)),
        NumberKind::Date | NumberKind::Time => {
            if !(0.0..2_958_466.0).contains(&v) {
                return general(v);
            }
            let days = v.trunc() as i64;
            let seconds = ((v - v.trunc()) * 86_400.0).round() as i64;
            let (h, m, s) = (seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
            let clock = if s == 0 {
                format!("{h:02}:{m:02}")
            } else {
                format!("{h:02}:{m:02}:{s:02}")
            };
            if kind == NumberKind::Time && days == 0 {
                return clock;
            }
            // Days since 1899-12-31 (1900 system, with Excel's phantom 29 February 1900) or
            // since 1904-01-01.
            let from_1970 = if date1904 {
                days - 24_107
            } else if days >= 60 {
                days - 25_569
            } else {
                days - 25_568
            };
            let (y, mo, d) = civil(from_1970);
            if seconds == 0 {
                format!("{d:02}/{mo:02}/{y}")
            } else {
                format!("{d:02}/{mo:02}/{y} {clock}")
            }
        }
    }
}

/// Year, month and day of a day count from 1970-01-01 (proleptic Gregorian calendar).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A sheet's cells by (row, column), counted from 0.
pub(super) type Cells = BTreeMap<(u32, u32), Vec<Unit>>;

/// What the workbook globals say.
#[derive(Debug, Default)]
struct Globals {
    /// BIFF8 (Excel 97 and later), else BIFF5 (Excel 5/95).
    biff8: bool,
    date1904: bool,
    /// Shared strings (BIFF8).
    strings: Vec<Vec<Unit>>,
    /// Per cell format: its number format's id.
    xf_formats: Vec<u16>,
    /// Custom number formats by id.
    formats: Vec<(u16, String)>,
    /// Where each visible worksheet's records start.
    sheets: Vec<usize>,
}

impl Globals {
    fn number(&self, xf: u16, v: f64) -> Vec<Unit> {
        let kind = match self.xf_formats.get(usize::from(xf)) {
            Some(&id) => {
                let code = self
                    .formats
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map(|(_, c)| c.as_str());
                number_kind(id, code)
            }
            None => NumberKind::Plain,
        };
        number_text(v, kind, self.date1904)
            .bytes()
            .map(Unit::Byte)
            .collect()
    }
}

/// The cells of every visible worksheet of a workbook stream.
fn workbook(stream: &[u8]) -> Result<Vec<Cells>, String> {
    let first = records(stream, 0)
        .next()
        .ok_or("damaged Excel workbook: no records")?;
    match first.kind {
        BOF => {}
        0x0009 | 0x0209 | 0x0409 => {
            return Err("an Excel 2.x-4.x worksheet (not read; save it as .xls or .xlsx)".into())
        }
        _ => return Err("damaged Excel workbook: no BOF record".to_string()),
    }
    let version = u16_at(first.data, 0).unwrap_or(0);
    let mut globals = Globals {
        biff8: version == 0x0600 || version == 0,
        ..Globals::default()
    };
    let mut iter = records(stream, 0).skip(1).peekable();
    while let Some(record) = iter.next() {
        let data = record.data;
        match record.kind {
            EOF => break,
            FILEPASS => return Err("an encrypted Excel workbook".to_string()),
            DATEMODE => globals.date1904 = u16_at(data, 0) == Some(1),
            BOUNDSHEET => {
                let at = u32_at(data, 0).unwrap_or(0) as usize;
                let hidden = data.get(4).is_some_and(|&s| s & 0x03 != 0);
                let worksheet = data.get(5) == Some(&0);
                if worksheet && !hidden {
                    globals.sheets.push(at);
                }
            }
            XF => globals.xf_formats.push(u16_at(data, 2).unwrap_or(0)),
            FORMAT => {
                let id = u16_at(data, 0).unwrap_or(0);
                let code = if globals.biff8 {
                    let mut reader = Segments::new(vec![data]);
                    reader.skip(2).and_then(|()| reader.string16())
                } else {
                    data.get(3..)
                        .map(|b| b.iter().map(|&b| Unit::Byte(b)).collect())
                };
                if let Some(code) = code {
                    let code: String = code
                        .iter()
                        .filter_map(|u| char::from_u32(unit_value(*u)))
                        .collect();
                    globals.formats.push((id, code));
                }
            }
            SST => {
                let mut parts = vec![data];
                while let Some(next) = iter.next_if(|r| r.kind == CONTINUE) {
                    parts.push(next.data);
                }
                globals.strings = shared_strings(parts);
            }
            _ => {}
        }
    }
    if globals.sheets.is_empty() {
        return Err("an Excel workbook without a visible worksheet".to_string());
    }
    Ok(globals
        .sheets
        .iter()
        .map(|&at| sheet(stream, at, &globals))
        .collect())
}

fn unit_value(u: Unit) -> u32 {
    match u {
        Unit::Byte(b) => u32::from(b),
        Unit::Wide(w) => u32::from(w),
    }
}

/// The data of a record and of the `CONTINUE` records after it, read across their boundaries.
struct Segments<'a> {
    parts: Vec<&'a [u8]>,
    part: usize,
    at: usize,
}

impl<'a> Segments<'a> {
    fn new(parts: Vec<&'a [u8]>) -> Segments<'a> {
        Segments {
            parts,
            part: 0,
            at: 0,
        }
    }

    /// Moves to the next part when the current one is used up; false at the end.
    fn ready(&mut self) -> bool {
        while let Some(part) = self.parts.get(self.part) {
            if self.at < part.len() {
                return true;
            }
            self.part += 1;
            self.at = 0;
        }
        false
    }

    fn byte(&mut self) -> Option<u8> {
        if !self.ready() {
            return None;
        }
        let b = *self.parts.get(self.part)?.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes([
            self.byte()?,
            self.byte()?,
            self.byte()?,
            self.byte()?,
        ]))
    }

    /// Skips `n` bytes (across parts).
    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            if !self.ready() {
                return None;
            }
            let left = self.parts.get(self.part)?.len() - self.at;
            let step = left.min(n);
            self.at += step;
            n -= step;
        }
        Some(())
    }

    /// A BIFF8 string with a 16-bit character count (`XLUnicodeRichExtendedString` and its
    /// plainer kinds): its characters, rich-text runs and phonetic data skipped. Where the
    /// characters go on in the next part, that part opens with a new flags byte.
    fn string16(&mut self) -> Option<Vec<Unit>> {
        let count = usize::from(self.u16()?);
        self.string_body(count)
    }

    fn string_body(&mut self, count: usize) -> Option<Vec<Unit>> {
        let flags = self.byte()?;
        let runs = if flags & 0x08 != 0 { self.u16()? } else { 0 };
        let phonetic = if flags & 0x04 != 0 { self.u32()? } else { 0 };
        let mut wide = flags & 0x01 != 0;
        let mut units = Vec::with_capacity(count.min(1 << 12));
        let mut part = self.part;
        while units.len() < count {
            if !self.ready() {
                return None;
            }
            if self.part != part {
                // Characters going on in a CONTINUE record: it opens with a new flags byte.
                part = self.part;
                wide = self.byte()? & 0x01 != 0;
                continue;
            }
            let part = self.parts.get(self.part)?;
            let rest = part.get(self.at..)?;
            let want = count - units.len();
            if wide {
                let n = want.min(rest.len() / 2);
                if n == 0 {
                    // An odd byte left in this part: damaged.
                    return None;
                }
                units.extend(
                    rest.chunks_exact(2)
                        .take(n)
                        .map(|w| Unit::Wide(u16::from_le_bytes([w[0], w[1]]))),
                );
                self.at += 2 * n;
            } else {
                let n = want.min(rest.len());
                units.extend(rest.iter().take(n).map(|&b| Unit::Byte(b)));
                self.at += n;
            }
        }
        self.skip(usize::from(runs) * 4)?;
        self.skip(phonetic as usize)?;
        Some(units)
    }
}

/// The strings of an `SST` record and its `CONTINUE` records (as many as can be read).
fn shared_strings(parts: Vec<&[u8]>) -> Vec<Vec<Unit>> {
    let mut reader = Segments::new(parts);
    let Some(_total) = reader.u32() else {
        return Vec::new();
    };
    let Some(unique) = reader.u32() else {
        return Vec::new();
    };
    let mut strings = Vec::with_capacity((unique as usize).min(1 << 16));
    for _ in 0..unique {
        match reader.string16() {
            Some(s) => strings.push(s),
            None => break,
        }
    }
    strings
}

/// The units of a BIFF5 byte string with a 16-bit length.
fn bytes16(data: &[u8], at: usize) -> Option<Vec<Unit>> {
    let count = usize::from(u16_at(data, at)?);
    let bytes = data
        .get(at + 2..at + 2 + count)
        .or_else(|| data.get(at + 2..))?;
    Some(bytes.iter().map(|&b| Unit::Byte(b)).collect())
}

/// A string in a cell record at `at`: BIFF8 `XLUnicodeString` (the rich-text runs of an
/// `RSTRING` follow its characters and are not read), or BIFF5 bytes.
fn cell_string(data: &[u8], at: usize, biff8: bool) -> Option<Vec<Unit>> {
    if !biff8 {
        return bytes16(data, at);
    }
    let count = usize::from(u16_at(data, at)?);
    let flags = *data.get(at + 2)?;
    let chars = data.get(at + 3..)?;
    Some(if flags & 0x01 != 0 {
        chars
            .chunks_exact(2)
            .take(count)
            .map(|w| Unit::Wide(u16::from_le_bytes([w[0], w[1]])))
            .collect()
    } else {
        chars.iter().take(count).map(|&b| Unit::Byte(b)).collect()
    })
}

/// The number an `RK` value stands for.
fn rk(value: u32) -> f64 {
    let v = if value & 0x02 != 0 {
        f64::from((value as i32) >> 2)
    } else {
        f64::from_bits(u64::from(value & 0xFFFF_FFFC) << 32)
    };
    if value & 0x01 != 0 {
        v / 100.0
    } else {
        v
    }
}

/// The cells of the worksheet whose records start at `at`.
fn sheet(stream: &[u8], at: usize, globals: &Globals) -> Cells {
    let mut cells = Cells::new();
    let mut iter = records(stream, at).peekable();
    match iter.next() {
        Some(r) if r.kind == BOF => {}
        _ => return cells,
    }
    let biff8 = globals.biff8;
    // Nested substreams (a chart embedded in the sheet) are skipped.
    let mut depth = 0usize;
    // A string-result formula whose text follows in a STRING record.
    let mut pending: Option<(u32, u32)> = None;
    for record in iter {
        let data = record.data;
        let cell = || {
            Some((
                u32::from(u16_at(data, 0)?),
                u32::from(u16_at(data, 2)?),
                u16_at(data, 4)?,
            ))
        };
        match record.kind {
            BOF => depth += 1,
            EOF if depth == 0 => break,
            EOF => depth -= 1,
            _ if depth > 0 => {}
            LABELSST => {
                if let (Some((row, col, _)), Some(i)) = (cell(), u32_at(data, 6)) {
                    if let Some(s) = globals.strings.get(i as usize) {
                        cells.insert((row, col), s.clone());
                    }
                }
            }
            LABEL | RSTRING => {
                if let (Some((row, col, _)), Some(s)) = (cell(), cell_string(data, 6, biff8)) {
                    cells.insert((row, col), s);
                }
            }
            NUMBER => {
                if let (Some((row, col, xf)), Some(v)) = (cell(), f64_at(data, 6)) {
                    cells.insert((row, col), globals.number(xf, v));
                }
            }
            RK => {
                if let (Some((row, col, xf)), Some(v)) = (cell(), u32_at(data, 6)) {
                    cells.insert((row, col), globals.number(xf, rk(v)));
                }
            }
            MULRK => {
                let (Some(row), Some(first)) = (u16_at(data, 0), u16_at(data, 2)) else {
                    continue;
                };
                let values = data.get(4..data.len().saturating_sub(2)).unwrap_or(&[]);
                for (k, item) in values.chunks_exact(6).enumerate() {
                    let (Some(xf), Some(v)) = (u16_at(item, 0), u32_at(item, 2)) else {
                        continue;
                    };
                    let col = u32::from(first) + k as u32;
                    cells.insert((u32::from(row), col), globals.number(xf, rk(v)));
                }
            }
            FORMULA => {
                let Some((row, col, xf)) = cell() else {
                    continue;
                };
                let Some(result) = data.get(6..14) else {
                    continue;
                };
                if result[6..8] == [0xFF, 0xFF] {
                    match result[0] {
                        0 => pending = Some((row, col)),
                        1 => {
                            let text = if result[2] != 0 { "TRUE" } else { "FALSE" };
                            cells.insert((row, col), ascii(text));
                        }
                        2 => {
                            cells.insert((row, col), ascii(error_text(result[2])));
                        }
                        _ => {}
                    }
                } else if let Some(v) = f64_at(result, 0) {
                    cells.insert((row, col), globals.number(xf, v));
                }
            }
            STRING => {
                if let (Some(at), Some(s)) = (pending.take(), cell_string(data, 0, biff8)) {
                    cells.insert(at, s);
                }
            }
            BOOLERR => {
                if let (Some((row, col, _)), Some(&value), Some(&error)) =
                    (cell(), data.get(6), data.get(7))
                {
                    let text = match (error, value) {
                        (0, 0) => "FALSE",
                        (0, _) => "TRUE",
                        (_, code) => error_text(code),
                    };
                    cells.insert((row, col), ascii(text));
                }
            }
            _ => {}
        }
    }
    cells
}

fn ascii(text: &str) -> Vec<Unit> {
    text.bytes().map(Unit::Byte).collect()
}

/// How Excel shows an error code.
fn error_text(code: u8) -> &'static str {
    match code {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        _ => "#N/A",
    }
}

/// Whether a cell's text is blank.
fn blank(units: &[Unit]) -> bool {
    units
        .iter()
        .all(|&u| matches!(unit_value(u), 0x00..=0x20 | 0xA0))
}

/// The most tabs [`layout`] puts between two cells of a row (a sheet is laid out far narrower).
const MAX_GAP: usize = 256;

/// The sheets laid out as text: a row a line, cells separated by tabs, line breaks and tabs
/// inside a cell turned into spaces, other control characters dropped.
pub(super) fn layout(sheets: &[Cells]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for cells in sheets {
        if cells.values().all(|c| blank(c)) {
            continue;
        }
        if !out.is_empty() {
            out.push(Unit::Byte(b'\n'));
        }
        let mut row_at: Option<u32> = None;
        let mut last_col: Option<u32> = None;
        for (&(row, col), units) in cells {
            if blank(units) {
                continue;
            }
            if row_at != Some(row) {
                if row_at.is_some() {
                    out.push(Unit::Byte(b'\n'));
                }
                row_at = Some(row);
                last_col = None;
            }
            // One tab a column from the last cell (or from the first column), at most
            // `MAX_GAP`: a damaged file may put a cell billions of columns away.
            let tabs = match last_col {
                None => col,
                Some(last) => col.saturating_sub(last),
            };
            out.extend(std::iter::repeat_n(
                Unit::Byte(b'\t'),
                (tabs as usize).min(MAX_GAP),
            ));
            last_col = Some(col);
            push_cell(&mut out, units);
        }
        out.push(Unit::Byte(b'\n'));
    }
    out
}

/// A cell's text, trimmed, its line breaks and tabs as spaces.
fn push_cell(out: &mut Vec<Unit>, units: &[Unit]) {
    let is_space = |u: &Unit| matches!(unit_value(*u), 0x00..=0x20);
    let start = units.iter().position(|u| !is_space(u)).unwrap_or(0);
    let end = units
        .iter()
        .rposition(|u| !is_space(u))
        .map_or(0, |e| e + 1);
    for &u in units.get(start..end).unwrap_or(&[]) {
        match unit_value(u) {
            0x09 | 0x0A | 0x0D => {
                if !matches!(out.last(), Some(Unit::Byte(b' '))) {
                    out.push(Unit::Byte(b' '));
                }
            }
            0x00..=0x1F => {}
            _ => out.push(u),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    fn cell(row: u16, col: u16, rest: &[u8]) -> Vec<u8> {
        let mut out = row.to_le_bytes().to_vec();
        out.extend_from_slice(&col.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(rest);
        out
    }

    fn text_of(units: &[Unit]) -> String {
        units
            .iter()
            .filter_map(|&u| char::from_u32(unit_value(u)))
            .collect()
    }

    /// A BIFF8 workbook stream: globals with a shared-string table split over a CONTINUE
    /// record, one sheet with string, number, RK, MULRK and formula cells.
    fn workbook_stream() -> Vec<u8> {
        let mut globals = record(BOF, &[0x00, 0x06, 0x05, 0x00]);
        // SST: 2 strings; the second ("C\xe9ng h\xdfa", TCVN3 "Cộng hòa") goes on in a
        // CONTINUE record as UTF-16 after 3 compressed characters.
        let mut sst = vec![2, 0, 0, 0, 2, 0, 0, 0];
        sst.extend_from_slice(&[3, 0, 0]);
        sst.extend_from_slice(b"Stt");
        sst.extend_from_slice(&[8, 0, 0]);
        sst.extend_from_slice(b"C\xe9n");
        globals.extend(record(SST, &sst));
        let mut cont = vec![1];
        for c in "g h\u{DF}a".encode_utf16() {
            cont.extend_from_slice(&c.to_le_bytes());
        }
        globals.extend(record(CONTINUE, &cont));
        // A hidden sheet and a visible one; offsets patched below.
        let mut visible = vec![0, 0, 0, 0, 0, 0, 6, 0];
        visible.extend_from_slice(b"Sheet1");
        let mut hidden = vec![0, 0, 0, 0, 1, 0, 6, 0];
        hidden.extend_from_slice(b"Hidden");
        let boundsheet_at = globals.len();
        globals.extend(record(BOUNDSHEET, &visible));
        globals.extend(record(BOUNDSHEET, &hidden));
        globals.extend(record(EOF, &[]));
        let sheet_at = globals.len() as u32;
        globals[boundsheet_at + 4..boundsheet_at + 8].copy_from_slice(&sheet_at.to_le_bytes());

        let mut s = record(BOF, &[0x00, 0x06, 0x10, 0x00]);
        s.extend(record(LABELSST, &cell(0, 0, &0u32.to_le_bytes())));
        s.extend(record(LABELSST, &cell(0, 2, &1u32.to_le_bytes())));
        s.extend(record(
            NUMBER,
            &cell(2, 1, &119.61722488038278f64.to_le_bytes()),
        ));
        // RK 30200 (integer form) and MULRK 1.5 (an f64's high bits), 25 (integer / 100).
        s.extend(record(
            RK,
            &cell(2, 2, &((30200u32 << 2) | 2).to_le_bytes()),
        ));
        let mut mulrk = vec![3, 0, 1, 0];
        mulrk.extend_from_slice(&[0, 0]);
        mulrk.extend_from_slice(&((1.5f64.to_bits() >> 32) as u32).to_le_bytes());
        mulrk.extend_from_slice(&[0, 0]);
        mulrk.extend_from_slice(&((2500u32 << 2) | 3).to_le_bytes());
        mulrk.extend_from_slice(&[2, 0]);
        s.extend(record(MULRK, &mulrk));
        // A formula with a string result, then its STRING record.
        let mut formula = cell(4, 0, &[0, 0, 0, 0, 0, 0, 0xFF, 0xFF]);
        formula.extend_from_slice(&[0; 6]);
        s.extend(record(FORMULA, &formula));
        s.extend(record(STRING, &[2, 0, 0, b'o', b'k']));
        s.extend(record(EOF, &[]));
        globals.extend(s);
        globals
    }

    #[test]
    fn cells_are_laid_out_as_rows_of_tabs() {
        let sheets = workbook(&workbook_stream()).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(
            text_of(&layout(&sheets)),
            "Stt\t\tC\u{e9}ng h\u{df}a\n\t119.6172249\t30200\n\t1.5\t25\nok\n"
        );
        // The legacy characters go back to their bytes.
        assert_eq!(
            word::content(&layout(&sheets)),
            Content::Bytes(
                b"Stt\t\tC\xe9ng h\xdfa\n\t119.6172249\t30200\n\t1.5\t25\nok\n".to_vec()
            )
        );
    }

    #[test]
    fn a_cell_far_away_gets_a_bounded_gap() {
        let mut sheet = Cells::new();
        sheet.insert((0, 0), "a".bytes().map(Unit::Byte).collect());
        sheet.insert((0, u32::MAX), "b".bytes().map(Unit::Byte).collect());
        let text = text_of(&layout(&[sheet]));
        assert_eq!(text, format!("a{}b\n", "\t".repeat(MAX_GAP)));
    }

    #[test]
    fn cut_short_and_flipped_streams_do_not_panic() {
        let stream = workbook_stream();
        for cut in 0..stream.len() {
            let _ = workbook(&stream[..cut]);
        }
        for at in 0..stream.len() {
            let mut flipped = stream.clone();
            flipped[at] ^= 0xA5;
            let _ = workbook(&flipped);
        }
        assert!(workbook(&record(FILEPASS, &[]))
            .unwrap_err()
            .contains("BOF"));
        let mut encrypted = record(BOF, &[0x00, 0x06, 0x05, 0x00]);
        encrypted.extend(record(FILEPASS, &[0; 6]));
        assert!(workbook(&encrypted).unwrap_err().contains("encrypted"));
    }

    #[test]
    fn numbers_dates_and_percentages() {
        assert_eq!(general(30200.0), "30200");
        assert_eq!(general(-4.0), "-4");
        assert_eq!(general(119.61722488038278), "119.6172249");
        assert_eq!(general(152.17391304347825), "152.173913");
        assert_eq!(general(6.622516556291391), "6.622516556");
        assert_eq!(general(0.1 + 0.2), "0.3");
        assert_eq!(number_kind(14, None), NumberKind::Date);
        assert_eq!(number_kind(164, Some("dd/mm/yyyy")), NumberKind::Date);
        assert_eq!(number_kind(165, Some("0.00%")), NumberKind::Percent);
        assert_eq!(number_kind(166, Some("#,##0\" ngày\"")), NumberKind::Plain);
        assert_eq!(number_kind(167, Some("[Red]0.0")), NumberKind::Plain);
        assert_eq!(number_kind(168, Some("[h]:mm")), NumberKind::Time);
        assert_eq!(number_text(38618.0, NumberKind::Date, false), "23/09/2005");
        assert_eq!(
            number_text(38618.5, NumberKind::Date, false),
            "23/09/2005 12:00"
        );
        assert_eq!(number_text(1.0, NumberKind::Date, false), "01/01/1900");
        assert_eq!(number_text(61.0, NumberKind::Date, false), "01/03/1900");
        assert_eq!(number_text(0.0, NumberKind::Date, true), "01/01/1904");
        assert_eq!(number_text(0.75, NumberKind::Time, false), "18:00");
        assert_eq!(number_text(0.125, NumberKind::Percent, false), "12.5%");
    }
}
