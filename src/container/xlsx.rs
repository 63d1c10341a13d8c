//! The cell text of an Excel 2007+ `.xlsx` workbook (Office Open XML spreadsheet: a ZIP package
//! holding `xl/workbook.xml`).
//!
//! The workbook part lists the sheets, its relationships name each sheet's part, the shared
//! strings hold the text of most cells and the styles say which numbers are dates or
//! percentages. Each visible worksheet is laid out as an `.xls` sheet is (a row a line, cells
//! separated by tabs, empty rows left out). Text typed in a legacy font is stored as the
//! Windows-1252 characters of its bytes and goes back to those bytes as in `.doc` and `.docx`
//! files.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::word::{self, Unit};
use super::xls::{self, Cells, NumberKind};
use super::Content;

/// The largest XML part read (a guard against ZIP bombs).
const MAX_PART: u64 = 256 << 20;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Reads the cells of the workbook in the package `archive`.
pub(super) fn text(archive: &mut Archive<'_>) -> Result<Content, String> {
    let workbook =
        part(archive, "xl/workbook.xml")?.ok_or("damaged Excel workbook: no xl/workbook.xml")?;
    let (sheets, date1904) = sheets(&workbook).map_err(damaged("xl/workbook.xml"))?;
    let rels = match part(archive, "xl/_rels/workbook.xml.rels")? {
        Some(xml) => relationships(&xml).map_err(damaged("xl/_rels/workbook.xml.rels"))?,
        None => Vec::new(),
    };
    let strings = match part(archive, "xl/sharedStrings.xml")? {
        Some(xml) => shared_strings(&xml).map_err(damaged("xl/sharedStrings.xml"))?,
        None => Vec::new(),
    };
    let styles = match part(archive, "xl/styles.xml")? {
        Some(xml) => Styles::parse(&xml).map_err(damaged("xl/styles.xml"))?,
        None => Styles::default(),
    };
    let mut read = Vec::new();
    for (k, id) in sheets.iter().enumerate() {
        let target = rels
            .iter()
            .find(|(rid, _)| rid == id)
            .map(|(_, target)| target.clone())
            // Without relationships, the sheets' usual names.
            .unwrap_or_else(|| format!("worksheets/sheet{}.xml", k + 1));
        let name = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let Some(xml) = part(archive, &name)? else {
            continue;
        };
        let cells = sheet(&xml, &strings, &styles, date1904).map_err(damaged(&name))?;
        read.push(cells);
    }
    if read.is_empty() {
        return Err("an Excel workbook without a visible worksheet".to_string());
    }
    Ok(word::content(&xls::layout(&read)))
}

fn damaged(part: &str) -> impl Fn(quick_xml::Error) -> String + '_ {
    move |e| format!("damaged Excel workbook: {part}: {e}")
}

/// A part of the package, `None` when there is none of that name.
fn part(archive: &mut Archive<'_>, name: &str) -> Result<Option<Vec<u8>>, String> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("damaged package: {name}: {e}")),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("damaged package: {name}: {e}"))?;
    Ok(Some(bytes))
}

/// The value of the attribute whose local name is `key`.
fn attribute(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Adds the character content of a text event to `out`; false for other events.
fn push_text(event: &Event<'_>, out: &mut String) -> Result<bool, quick_xml::Error> {
    match event {
        Event::Text(e) => out.push_str(&e.decode().map_err(quick_xml::Error::Encoding)?),
        Event::CData(e) => out.push_str(&String::from_utf8_lossy(e)),
        Event::GeneralRef(e) => {
            if let Ok(Some(c)) = e.resolve_char_ref() {
                out.push(c);
            } else {
                out.push_str(match &**e as &[u8] {
                    b"amp" => "&",
                    b"lt" => "<",
                    b"gt" => ">",
                    b"quot" => "\"",
                    b"apos" => "'",
                    _ => "",
                });
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The relationship ids of the visible sheets, in order, and whether dates count from 1904.
fn sheets(xml: &[u8]) -> Result<(Vec<String>, bool), quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let (mut ids, mut date1904) = (Vec::new(), false);
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"sheet" => {
                    let hidden = attribute(&e, b"state").is_some_and(|s| s != "visible");
                    if let (false, Some(id)) = (hidden, attribute(&e, b"id")) {
                        ids.push(id);
                    }
                }
                b"workbookPr" => {
                    date1904 = attribute(&e, b"date1904").is_some_and(|v| v == "1" || v == "true");
                }
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    Ok((ids, date1904))
}

/// The (id, target) pairs of a relationships part.
fn relationships(xml: &[u8]) -> Result<Vec<(String, String)>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                if let (Some(id), Some(target)) = (attribute(&e, b"Id"), attribute(&e, b"Target")) {
                    out.push((id, target));
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// The text of each shared string (`si`), phonetic guides (`rPh`) left out.
fn shared_strings(xml: &[u8]) -> Result<Vec<String>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let (mut in_t, mut phonetic) = (false, 0usize);
    loop {
        let event = reader.read_event_into(&mut buf)?;
        match &event {
            Event::Eof => break,
            Event::Start(e) => match e.local_name().as_ref() {
                b"si" => current = Some(String::new()),
                b"t" => in_t = true,
                b"rPh" => phonetic += 1,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == b"si" => out.push(String::new()),
            Event::End(e) => match e.local_name().as_ref() {
                b"si" => out.extend(current.take()),
                b"t" => in_t = false,
                b"rPh" => phonetic = phonetic.saturating_sub(1),
                _ => {}
            },
            _ => {
                if let (true, 0, Some(s)) = (in_t, phonetic, current.as_mut()) {
                    push_text(&event, s)?;
                }
            }
        }
        buf.clear();
    }
    Ok(out)
}

/// What the styles part says about numbers.
#[derive(Debug, Default)]
struct Styles {
    /// Per cell format (`cellXfs/xf`): its number format's id.
    xf_formats: Vec<u16>,
    /// Custom number formats by id.
    formats: Vec<(u16, String)>,
}

impl Styles {
    fn parse(xml: &[u8]) -> Result<Styles, quick_xml::Error> {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut styles = Styles::default();
        let mut in_cell_xfs = false;
        loop {
            match reader.read_event_into(&mut buf)? {
                Event::Eof => break,
                Event::Start(e) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = true,
                Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"numFmt" => {
                        let id = attribute(&e, b"numFmtId").and_then(|v| v.parse().ok());
                        if let (Some(id), Some(code)) = (id, attribute(&e, b"formatCode")) {
                            styles.formats.push((id, code));
                        }
                    }
                    b"xf" if in_cell_xfs => styles.xf_formats.push(
                        attribute(&e, b"numFmtId")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0),
                    ),
                    _ => {}
                },
                _ => {}
            }
            buf.clear();
        }
        Ok(styles)
    }

    fn kind(&self, style: usize) -> NumberKind {
        let Some(&id) = self.xf_formats.get(style) else {
            return NumberKind::Plain;
        };
        let code = self
            .formats
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, c)| c.as_str());
        xls::number_kind(id, code)
    }
}

/// Row and column (from 0) of a cell reference such as `B3`.
fn position(reference: &str) -> Option<(u32, u32)> {
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let mut col: u32 = 0;
    for b in reference.bytes().take(letters) {
        col = col
            .checked_mul(26)?
            .checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1)?;
    }
    let row: u32 = reference.get(letters..)?.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

/// The cell being read.
#[derive(Debug, Default)]
struct Cell {
    at: (u32, u32),
    kind: String,
    style: usize,
    value: String,
    inline: String,
}

/// The cells of a worksheet part.
fn sheet(
    xml: &[u8],
    strings: &[String],
    styles: &Styles,
    date1904: bool,
) -> Result<Cells, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut cells = Cells::new();
    // The row and column the next cell without a reference goes to.
    let (mut row, mut next_col) = (0u32, 0u32);
    let mut cell: Option<Cell> = None;
    // Inside `v`, inside `is/t`, inside a phonetic guide.
    let (mut in_v, mut in_t, mut phonetic) = (false, false, 0usize);
    loop {
        let event = reader.read_event_into(&mut buf)?;
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"row" => {
                    row = attribute(e, b"r")
                        .and_then(|r| r.parse::<u32>().ok())
                        .and_then(|r| r.checked_sub(1))
                        .unwrap_or(row);
                    next_col = 0;
                }
                b"c" => {
                    let at = attribute(e, b"r")
                        .and_then(|r| position(&r))
                        .unwrap_or((row, next_col));
                    next_col = at.1.saturating_add(1);
                    let c = Cell {
                        at,
                        kind: attribute(e, b"t").unwrap_or_default(),
                        style: attribute(e, b"s").and_then(|s| s.parse().ok()).unwrap_or(0),
                        ..Cell::default()
                    };
                    if matches!(event, Event::Start(_)) {
                        cell = Some(c);
                    }
                }
                b"v" if matches!(event, Event::Start(_)) => in_v = true,
                b"t" if matches!(event, Event::Start(_)) => in_t = true,
                b"rPh" if matches!(event, Event::Start(_)) => phonetic += 1,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"v" => in_v = false,
                b"t" => in_t = false,
                b"rPh" => phonetic = phonetic.saturating_sub(1),
                b"c" => {
                    if let Some(c) = cell.take() {
                        if let Some(text) = cell_text(&c, strings, styles, date1904) {
                            cells.insert(c.at, text.encode_utf16().map(Unit::Wide).collect());
                        }
                    }
                }
                b"row" => row = row.saturating_add(1),
                _ => {}
            },
            _ => {
                if let Some(c) = cell.as_mut() {
                    if in_v {
                        push_text(&event, &mut c.value)?;
                    } else if in_t && phonetic == 0 {
                        push_text(&event, &mut c.inline)?;
                    }
                }
            }
        }
        buf.clear();
    }
    Ok(cells)
}

/// A cell's text by its type.
fn cell_text(cell: &Cell, strings: &[String], styles: &Styles, date1904: bool) -> Option<String> {
    let value = cell.value.trim();
    match cell.kind.as_str() {
        "s" => strings.get(value.parse::<usize>().ok()?).cloned(),
        "inlineStr" => Some(cell.inline.clone()),
        "str" | "e" => Some(cell.value.clone()),
        "b" => Some(if value == "1" { "TRUE" } else { "FALSE" }.to_string()),
        // An ISO 8601 date.
        "d" => Some(value.to_string()),
        _ => {
            let v: f64 = value.parse().ok()?;
            Some(xls::number_text(v, styles.kind(cell.style), date1904))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(position("A1"), Some((0, 0)));
        assert_eq!(position("AB12"), Some((11, 27)));
        assert_eq!(position("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(position("A0"), None);
        assert_eq!(position("ZZZZZZZZZZZZ1"), None);
        assert_eq!(position("12"), None);
    }

    #[test]
    fn sheets_shared_strings_and_styles() {
        let workbook = br#"<workbook xmlns:r="r"><workbookPr date1904="0"/><sheets>
<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="H" sheetId="2" state="hidden" r:id="rId2"/>
</sheets></workbook>"#;
        assert_eq!(sheets(workbook).unwrap(), (vec!["rId1".to_string()], false));
        let sst = br#"<sst><si><t>C&#233;ng h&#223;a</t></si><si/><si><r><t>Ban </t></r><r><t>X</t></r><rPh><t>no</t></rPh></si></sst>"#;
        assert_eq!(
            shared_strings(sst).unwrap(),
            vec!["C\u{e9}ng h\u{df}a", "", "Ban X"]
        );
        let styles = br#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<cellStyleXfs><xf numFmtId="9"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>"#;
        let styles = Styles::parse(styles).unwrap();
        assert_eq!(styles.kind(1), NumberKind::Date);
        assert_eq!(styles.kind(2), NumberKind::Percent);
        let xml = br#"<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Stt</t></is></c></row>
<row r="3"><c r="B3"><v>30200</v></c><c r="C3" s="1"><v>38618</v></c><c r="D3" s="2"><v>0.125</v></c><c t="b"><v>1</v></c></row>
</sheetData></worksheet>"#;
        let strings = shared_strings(sst).unwrap();
        let cells = sheet(xml, &strings, &styles, false).unwrap();
        assert_eq!(
            word::content(&xls::layout(&[cells])),
            Content::Bytes(b"C\xe9ng h\xdfa\t\tStt\n\t30200\t23/09/2005\t12.5%\tTRUE\n".to_vec())
        );
    }

    #[test]
    fn damaged_parts_are_errors() {
        assert!(sheet(
            b"<worksheet><row><c><v>1</c></row>",
            &[],
            &Styles::default(),
            false
        )
        .is_err());
        assert!(shared_strings(b"<sst><si><t>x</si>").is_err());
    }
}
