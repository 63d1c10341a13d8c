//! Documents inside a container: the text of RTF files and Word 97–2003 `.doc` files, the form
//! in which decades of legacy-encoded archives were kept, of the ZIP packages of later years
//! (Word `.docx`, OpenDocument `.odt`), of Excel workbooks (`.xls` of Excel 97–2003 and 5/95,
//! `.xlsx`) and of the text layer of PDF documents (with the `pdf` feature, on by default).
//!
//! A container is recognised by its first bytes. What comes out is either the 8-bit text stream
//! as the legacy font saw it (TCVN3 or VNI bytes, still to be decoded by [`crate::decode`]'s
//! detection), or Unicode text, or both in runs when the document mixes legacy runs with Unicode
//! characters. A workbook gives the text of its cells, a row a line, cells separated by tabs; a
//! PDF its lines as drawn on the pages. Presentations, other compound files and ZIP archives,
//! encrypted documents and PDF files without a text layer (scans) are named in a clear error
//! instead of being read as noise.

mod package;
#[cfg(feature = "pdf")]
mod pdf;
mod rtf;
mod word;
mod xls;
mod xlsx;

use std::fmt;
use std::io::Cursor;

use crate::error::{Error, Result};
use crate::normalize::Decoded;
use crate::options::Encoding;

/// The kinds of container vanban reads or names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    /// Rich Text Format (`{\rtf1 …`).
    Rtf,
    /// A Word 97–2003 binary document (the `WordDocument` stream of a compound file).
    Word,
    /// A Word 2007+ document (`word/document.xml` in a ZIP package).
    Docx,
    /// An OpenDocument text (`content.xml` in a ZIP package).
    Odt,
    /// An Excel 97–2003 (or 5/95) workbook (the `Workbook`/`Book` stream of a compound file).
    Xls,
    /// An Excel 2007+ workbook (`xl/workbook.xml` in a ZIP package).
    Xlsx,
    /// The text layer of a PDF document.
    #[cfg(feature = "pdf")]
    Pdf,
}

impl fmt::Display for Container {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Container::Rtf => "an RTF document",
            Container::Word => "a Word 97-2003 document",
            Container::Docx => "a Word .docx document",
            Container::Odt => "an OpenDocument text",
            Container::Xls => "an Excel 97-2003 workbook",
            Container::Xlsx => "an Excel .xlsx workbook",
            #[cfg(feature = "pdf")]
            Container::Pdf => "a PDF document",
        })
    }
}

/// The text a container holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Content {
    /// 8-bit text as the document's fonts stored it: still to be decoded (TCVN3, VNI, …).
    Bytes(Vec<u8>),
    /// Unicode text (legacy runs already decoded by their font).
    Text(String),
    /// Legacy byte runs (to be decoded in the encoding their concatenation is detected in)
    /// between runs of Unicode text (words typed in a Unicode font, capital-font runs already
    /// decoded).
    Runs(Vec<Run>),
}

/// A stretch of [`Content::Runs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Run {
    /// 8-bit text in the document's legacy encoding.
    Legacy(Vec<u8>),
    /// Unicode text.
    Unicode(String),
}

/// What [`open`] took out of a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Opened {
    /// The container it came from.
    pub container: Container,
    /// Its text.
    pub content: Content,
}

/// The magic number of an OLE compound file (Word, Excel and PowerPoint 97–2003).
const COMPOUND_FILE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What vanban reads, for the errors naming files it does not.
const READ: &str = "vanban reads text, RTF, Word .doc/.docx, OpenDocument .odt, \
                               Excel .xls/.xlsx and PDF files";

/// Whether `bytes` start like a container [`open`] reads or names.
pub(crate) fn is_container(bytes: &[u8]) -> bool {
    bytes.starts_with(COMPOUND_FILE)
        || bytes.starts_with(b"%PDF-")
        || bytes.starts_with(b"PK\x03\x04")
        || rtf::is_rtf(bytes)
}

/// Takes the text out of a container; `Ok(None)` when `bytes` are no container.
///
/// # Errors
/// [`Error::NotText`] for a damaged container, a compound file or package without a text
/// document or workbook (a presentation), an encrypted document, a PDF without a text layer (or
/// any PDF in a build without the `pdf` feature) or another ZIP archive, each naming what it
/// is.
pub(crate) fn open(bytes: &[u8]) -> Result<Option<Opened>> {
    if rtf::is_rtf(bytes) {
        let content = rtf::text(bytes);
        return Ok(Some(Opened {
            container: Container::Rtf,
            content,
        }));
    }
    if bytes.starts_with(COMPOUND_FILE) {
        // The compound-file reader is a dependency fed with untrusted bytes: a panic inside it
        // must become an error on this one file, not end a batch.
        let read = std::panic::catch_unwind(|| compound(bytes))
            .unwrap_or_else(|_| Err("damaged compound file".to_string()));
        return match read {
            Ok((container, content)) => Ok(Some(Opened { container, content })),
            Err(cause) => Err(Error::NotText(cause)),
        };
    }
    if bytes.starts_with(b"%PDF-") {
        #[cfg(feature = "pdf")]
        {
            let read = std::panic::catch_unwind(|| pdf::text(bytes))
                .unwrap_or_else(|_| Err("damaged PDF".to_string()));
            return match read {
                Ok(content) => Ok(Some(Opened {
                    container: Container::Pdf,
                    content,
                })),
                Err(cause) => Err(Error::NotText(cause)),
            };
        }
        #[cfg(not(feature = "pdf"))]
        return Err(Error::NotText(
            "a PDF file (this build of vanban was made without its `pdf` feature)".to_string(),
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let read = std::panic::catch_unwind(|| package::text(bytes))
            .unwrap_or_else(|_| Err("damaged ZIP package".to_string()));
        return match read {
            Ok((container, content)) => Ok(Some(Opened { container, content })),
            Err(cause) => Err(Error::NotText(cause)),
        };
    }
    Ok(None)
}

/// The text of a compound file: a Word document or an Excel workbook.
fn compound(bytes: &[u8]) -> std::result::Result<(Container, Content), String> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| format!("damaged compound file: {e}"))?;
    if file.is_stream("/WordDocument") {
        word::text(&mut file).map(|content| (Container::Word, content))
    } else if file.is_stream("/Workbook") || file.is_stream("/Book") {
        xls::text(&mut file).map(|content| (Container::Xls, content))
    } else if file.is_stream("/PowerPoint Document") {
        Err(format!("a PowerPoint presentation ({READ})"))
    } else {
        Err(format!(
            "a compound file without a Word document or workbook ({READ})"
        ))
    }
}

/// Decodes what [`open`] took out of a container, in `encoding` (or detected), and says in
/// the warnings which container it was.
pub(crate) fn decode(opened: Opened, encoding: Encoding) -> Result<Decoded> {
    let mut decoded = match opened.content {
        Content::Bytes(bytes) => crate::decode(&bytes, encoding)?,
        // RTF `\u` characters and Word's wide characters are UTF-16 units.
        Content::Text(text) => Decoded {
            text,
            encoding: Encoding::Utf16,
            confidence: 1.0,
            warnings: Vec::new(),
        },
        Content::Runs(runs) => decode_runs(&runs, encoding)?,
    };
    decoded
        .warnings
        .insert(0, format!("read the text of {}", opened.container));
    Ok(decoded)
}

/// Legacy runs in the encoding detected on all of them together, Unicode runs as they are.
fn decode_runs(runs: &[Run], encoding: Encoding) -> Result<Decoded> {
    let legacy: Vec<u8> = runs
        .iter()
        .filter_map(|run| match run {
            Run::Legacy(bytes) => Some(bytes.as_slice()),
            Run::Unicode(_) => None,
        })
        .flatten()
        .copied()
        .collect();
    let mut decoded = crate::decode(&legacy, encoding)?;
    let mut text = String::with_capacity(decoded.text.len() + legacy.len() / 8);
    for run in runs {
        match run {
            Run::Unicode(s) => text.push_str(s),
            Run::Legacy(bytes) => match crate::decode(bytes, decoded.encoding) {
                Ok(part) => text.push_str(&part.text),
                Err(_) => text.push_str(&encoding_rs::WINDOWS_1252.decode(bytes).0),
            },
        }
    }
    decoded.text = text;
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_no_container() {
        assert!(!is_container(b"C\xe9ng h\xdfa"));
        assert_eq!(open(b"Ban Tuyen giao").unwrap(), None);
    }

    #[test]
    fn pdf_zip_and_other_compound_files_are_named() {
        let pdf = open(b"%PDF-1.4\n%\xe2\xe3").unwrap_err().to_string();
        assert!(pdf.contains("PDF"), "{pdf}");
        let zip = open(b"PK\x03\x04\x14\0\0\0").unwrap_err().to_string();
        assert!(zip.contains("damaged ZIP"), "{zip}");
        let mut broken = COMPOUND_FILE.to_vec();
        broken.extend_from_slice(&[0u8; 600]);
        let err = open(&broken).unwrap_err().to_string();
        assert!(err.contains("compound file"), "{err}");
    }
}
