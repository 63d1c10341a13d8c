//! The text of a ZIP package: a Word `.docx` (Office Open XML, `word/document.xml`) or an
//! OpenDocument text `.odt` (`content.xml`), the forms of most documents written since 2007;
//! Excel `.xlsx` workbooks are read by `xlsx.rs`.
//!
//! Paragraphs and line breaks become line breaks, tabs and table cells tabs, table rows line
//! breaks; deleted text of tracked changes, field instructions, footnotes and comments are left
//! out. A document typed in a legacy font (TCVN3, VNI) stores the font's codes as the
//! Windows-1252 characters of its bytes, as in `.doc` files, and goes back to those bytes the same
//! way.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{word, xlsx};
use super::{Container, Content, READ};

/// The largest XML part read (a guard against ZIP bombs).
const MAX_PART: u64 = 256 << 20;

/// Reads the text of the package `bytes`.
pub(super) fn text(bytes: &[u8]) -> Result<(Container, Content), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("damaged ZIP package: {e}"))?;
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    let (part, flavour, container) = if has("word/document.xml") {
        ("word/document.xml", Flavour::Docx, Container::Docx)
    } else if has("content.xml") && is_odf_text(&mut archive) {
        ("content.xml", Flavour::Odt, Container::Odt)
    } else if has("xl/workbook.xml") {
        return xlsx::text(&mut archive).map(|content| (Container::Xlsx, content));
    } else if has("content.xml") {
        return Err(format!(
            "an OpenDocument spreadsheet or presentation ({READ})"
        ));
    } else if has("ppt/presentation.xml") {
        return Err(format!("a PowerPoint presentation ({READ})"));
    } else {
        return Err(format!("a ZIP archive ({READ}; unpack it first)"));
    };
    let mut xml = Vec::new();
    archive
        .by_name(part)
        .map_err(|e| format!("damaged package: {part}: {e}"))?
        .take(MAX_PART)
        .read_to_end(&mut xml)
        .map_err(|e| format!("damaged package: {part}: {e}"))?;
    let text = walk(&xml, flavour).map_err(|e| format!("damaged package: {part}: {e}"))?;
    let units: Vec<word::Unit> = text.encode_utf16().map(word::Unit::Wide).collect();
    Ok((container, word::content(&units)))
}

/// Whether an OpenDocument package is a text document (not a spreadsheet or presentation).
fn is_odf_text(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> bool {
    let Ok(file) = archive.by_name("mimetype") else {
        return false;
    };
    let mut mime = String::new();
    file.take(200).read_to_string(&mut mime).is_ok()
        && mime.starts_with("application/vnd.oasis.opendocument.text")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flavour {
    Docx,
    Odt,
}

/// Elements whose content is no document text.
fn skipped(flavour: Flavour, name: &[u8]) -> bool {
    match flavour {
        Flavour::Docx => matches!(
            name,
            b"instrText"
                | b"delText"
                | b"delInstrText"
                | b"footnoteReference"
                | b"commentReference"
        ),
        Flavour::Odt => matches!(
            name,
            b"note" | b"annotation" | b"tracked-changes" | b"bookmark-ref" | b"sequence-decls"
        ),
    }
}

/// The text of a document part.
fn walk(xml: &[u8], flavour: Flavour) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = String::new();
    // Depth inside skipped elements, and inside elements whose text is document text.
    let mut skip = 0usize;
    let mut text_depth = 0usize;
    let mut tables = Tables::default();
    loop {
        let event = reader.read_event_into(&mut buf)?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip > 0 || skipped(flavour, name) {
                    skip += 1;
                } else if holds_text(flavour, name) {
                    text_depth += 1;
                } else {
                    tables.start(name, &out);
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                if holds_text(flavour, name) {
                    text_depth = text_depth.saturating_sub(1);
                }
                end_of(name, &mut out, &mut tables);
            }
            Event::Empty(e) if skip == 0 => {
                let name = e.local_name();
                match name.as_ref() {
                    b"tab" => out.push('\t'),
                    b"br" | b"cr" | b"line-break" => out.push('\n'),
                    b"noBreakHyphen" => out.push('-'),
                    b"s" if flavour == Flavour::Odt => {
                        let count = e
                            .attributes()
                            .flatten()
                            .find(|a| a.key.local_name().as_ref() == b"c")
                            .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse::<usize>().ok())
                            .unwrap_or(1);
                        out.extend(std::iter::repeat_n(' ', count.min(1000)));
                    }
                    name => {
                        tables.start(name, &out);
                        end_of(name, &mut out, &mut tables);
                    }
                }
            }
            Event::Text(e) if skip == 0 && text_depth > 0 => {
                let text = e.decode().map_err(quick_xml::Error::Encoding)?;
                if flavour == Flavour::Odt {
                    // OpenDocument collapses white space; `text:s` stands for the rest.
                    let mut last_space = out.ends_with(' ');
                    for c in text.chars() {
                        if c.is_whitespace() {
                            if !last_space {
                                out.push(' ');
                            }
                            last_space = true;
                        } else {
                            out.push(c);
                            last_space = false;
                        }
                    }
                } else {
                    out.push_str(&text);
                }
            }
            Event::CData(e) if skip == 0 && text_depth > 0 => {
                out.push_str(&String::from_utf8_lossy(&e));
            }
            Event::GeneralRef(e) if skip == 0 && text_depth > 0 => {
                if let Ok(Some(c)) = e.resolve_char_ref() {
                    out.push(c);
                } else {
                    match &*e as &[u8] {
                        b"amp" => out.push('&'),
                        b"lt" => out.push('<'),
                        b"gt" => out.push('>'),
                        b"quot" => out.push('"'),
                        b"apos" => out.push('\''),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// Elements whose character content is document text.
fn holds_text(flavour: Flavour, name: &[u8]) -> bool {
    match flavour {
        Flavour::Docx => name == b"t",
        Flavour::Odt => matches!(name, b"p" | b"h"),
    }
}

/// The cells of the table rows being read (a stack: tables nest).
#[derive(Debug, Default)]
struct Tables {
    /// Per open row: its cells' texts, and where the open cell's text starts in the output.
    rows: Vec<(Vec<String>, usize)>,
}

impl Tables {
    fn start(&mut self, name: &[u8], out: &str) {
        match name {
            b"tr" | b"table-row" => self.rows.push((Vec::new(), out.len())),
            b"tc" | b"table-cell" => {
                if let Some(row) = self.rows.last_mut() {
                    row.1 = out.len();
                }
            }
            _ => {}
        }
    }
}

/// What the end of an element adds: paragraphs end lines; a table row is laid out as on the page,
/// its cells side by side, line by line, separated by tabs (the header and signature tables of
/// official documents then read as two columns).
fn end_of(name: &[u8], out: &mut String, tables: &mut Tables) {
    match name {
        b"p" | b"h" => out.push('\n'),
        b"tc" | b"table-cell" => {
            if let Some((cells, start)) = tables.rows.last_mut() {
                let start = (*start).min(out.len());
                let cell = out.split_off(start);
                cells.push(cell.trim_end_matches('\n').to_string());
            }
        }
        b"tr" | b"table-row" => {
            let Some((cells, start)) = tables.rows.pop() else {
                return;
            };
            out.truncate(start.min(out.len()));
            let lines: Vec<Vec<&str>> = cells.iter().map(|c| c.split('\n').collect()).collect();
            let height = lines.iter().map(Vec::len).max().unwrap_or(0);
            for k in 0..height {
                let row: Vec<&str> = lines
                    .iter()
                    .map(|l| l.get(k).copied().unwrap_or(""))
                    .collect();
                out.push_str(row.join("\t").trim_end_matches('\t'));
                out.push('\n');
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docx_paragraphs_tables_and_fields() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>BAN TUY&#202;N GI&#193;O</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>Độc lập &amp; Tự do</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t xml:space="preserve">Số </w:t></w:r><w:r><w:fldChar/><w:instrText> PAGE </w:instrText></w:r>
<w:r><w:t>04</w:t><w:tab/><w:t>x</w:t><w:br/><w:delText>gone</w:delText><w:t>y</w:t></w:r></w:p>
</w:body></w:document>"#;
        assert_eq!(
            walk(xml.as_bytes(), Flavour::Docx).unwrap(),
            "BAN TUYÊN GIÁO\tĐộc lập & Tự do\nSố 04\tx\ny\n"
        );
        let xml = r#"<w:document xmlns:w="x"><w:body><w:tbl><w:tr>
<w:tc><w:p><w:r><w:t>TỈNH ỦY</w:t></w:r></w:p><w:p><w:r><w:t>BAN TUYÊN GIÁO</w:t></w:r></w:p><w:p><w:r><w:t>Số 04-CV/BTGTU</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>ĐẢNG CỘNG SẢN VIỆT NAM</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>ngày 5 tháng 3</w:t></w:r></w:p><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>
</w:tr></w:tbl><w:p><w:r><w:t>Kính gửi</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            walk(xml.as_bytes(), Flavour::Docx).unwrap(),
            "TỈNH ỦY\tĐẢNG CỘNG SẢN VIỆT NAM\nBAN TUYÊN GIÁO\nSố 04-CV/BTGTU\tngày 5 tháng 3\n\tx\nKính gửi\n"
        );
    }

    #[test]
    fn odt_spaces_headings_and_notes() {
        let xml = r#"<office:document-content xmlns:text="t" xmlns:office="o"><office:body><office:text>
<text:h>QUYẾT   ĐỊNH</text:h><text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d<text:note><text:note-body><text:p>note</text:p></text:note-body></text:note></text:p>
</office:text></office:body></office:document-content>"#;
        assert_eq!(
            walk(xml.as_bytes(), Flavour::Odt).unwrap(),
            "QUYẾT ĐỊNH\na   b\tc\nd\n"
        );
    }

    #[test]
    fn zip_archives_that_are_no_text_document_are_named() {
        let mut bytes = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(Cursor::new(&mut bytes));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            zip.start_file("content.xml", options).unwrap();
            std::io::Write::write_all(&mut zip, b"<office:document-content/>").unwrap();
            zip.finish().unwrap();
        }
        let err = text(&bytes).unwrap_err();
        assert!(err.contains("spreadsheet"), "{err}");
        assert!(text(b"PK\x03\x04garbage").unwrap_err().contains("damaged"));
    }
}
