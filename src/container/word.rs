//! The text of a Word 97–2003 `.doc` file.
//!
//! The document text sits in the `WordDocument` stream of an OLE compound file, in pieces listed
//! by the piece table (the `Clx` in the `0Table`/`1Table` stream, found through the file
//! information block). A piece is either 8-bit (one byte a character, the byte the font saw) or
//! UTF-16. Documents typed in TCVN3 or VNI fonts store the font's byte codes: in 8-bit pieces as
//! they are, in UTF-16 pieces as the Windows-1252 character of each byte. The reader turns both
//! back into the byte stream the legacy decoder expects; a document holding real Unicode
//! Vietnamese comes out as Unicode text. Only the main text is read (not headers, footnotes or
//! comments); paragraph marks and table cells end lines, field instructions are left out and
//! field results kept. Word 6/95 files without a piece table are read from their text
//! range.

use std::io::{Cursor, Read};

use super::{Content, Run};

/// Reads the text of the Word document in the compound file `file`.
pub(super) fn text(file: &mut cfb::CompoundFile<Cursor<&[u8]>>) -> Result<Content, String> {
    let word = read_stream(file, "/WordDocument")?;
    let fib = Fib::parse(&word)?;
    if fib.encrypted {
        return Err("an encrypted Word document".to_string());
    }
    let units = match fib.clx {
        None => {
            // Word 6/95 without a piece table: the text is one 8-bit range.
            let (start, end) = fib.text_range;
            word.get(start..end)
                .ok_or("damaged Word document: text range outside the file")?
                .iter()
                .map(|&b| Unit::Byte(b))
                .collect()
        }
        Some((fc, lcb)) => {
            let table_name = if fib.table_one { "/1Table" } else { "/0Table" };
            let table = read_stream(file, table_name)?;
            let clx = table
                .get(fc..fc.saturating_add(lcb))
                .ok_or("damaged Word document: piece table outside its stream")?;
            let pieces = pieces(clx)?;
            units(&word, &pieces, fib.ccp_text)
        }
    };
    Ok(content(&units))
}

fn read_stream(file: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, String> {
    let mut stream = file
        .open_stream(name)
        .map_err(|e| format!("damaged Word document: {name}: {e}"))?;
    let mut bytes = Vec::new();
    stream
        .read_to_end(&mut bytes)
        .map_err(|e| format!("damaged Word document: {name}: {e}"))?;
    Ok(bytes)
}

/// What vanban needs from the file information block.
#[derive(Debug)]
struct Fib {
    encrypted: bool,
    /// Whether the table stream is `1Table` (else `0Table`).
    table_one: bool,
    /// Characters of main text.
    ccp_text: usize,
    /// Offset and length of the piece table in the table stream (Word 97 and later).
    clx: Option<(usize, usize)>,
    /// The text's byte range in the `WordDocument` stream (Word 6/95).
    text_range: (usize, usize),
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl Fib {
    fn parse(word: &[u8]) -> Result<Fib, String> {
        let short = || "damaged Word document: file information block too short".to_string();
        let ident = u16_at(word, 0).ok_or_else(short)?;
        if ident != 0xA5EC && ident != 0xA5DC {
            return Err("not a Word document (unknown file information block)".to_string());
        }
        let n_fib = u16_at(word, 2).ok_or_else(short)?;
        let flags = u16_at(word, 0x0A).ok_or_else(short)?;
        let fc_min = u32_at(word, 0x18).ok_or_else(short)? as usize;
        let fc_mac = u32_at(word, 0x1C).ok_or_else(short)? as usize;
        let mut fib = Fib {
            encrypted: flags & 0x0100 != 0,
            table_one: flags & 0x0200 != 0,
            ccp_text: 0,
            clx: None,
            text_range: (fc_min, fc_mac.max(fc_min)),
        };
        if n_fib < 101 {
            if flags & 0x0004 != 0 {
                return Err("a Word 6/95 document saved in fast-save form (not read)".to_string());
            }
            return Ok(fib);
        }
        // FibBase (32 bytes), then three arrays each led by its count.
        let csw = usize::from(u16_at(word, 32).ok_or_else(short)?);
        let lw_at = 34 + csw * 2;
        let cslw = usize::from(u16_at(word, lw_at).ok_or_else(short)?);
        let lw = lw_at + 2;
        fib.ccp_text = u32_at(word, lw + 3 * 4).ok_or_else(short)? as usize;
        let fc_at = lw + cslw * 4;
        let pairs = usize::from(u16_at(word, fc_at).ok_or_else(short)?);
        if pairs <= 33 {
            return Err(short());
        }
        let clx_at = fc_at + 2 + 33 * 8;
        let fc = u32_at(word, clx_at).ok_or_else(short)? as usize;
        let lcb = u32_at(word, clx_at + 4).ok_or_else(short)? as usize;
        fib.clx = Some((fc, lcb));
        Ok(fib)
    }
}

/// One piece of text: its first character position, its length in characters, where its bytes
/// start in `WordDocument`, and whether it is 8-bit.
#[derive(Debug, Clone, Copy)]
struct Piece {
    cp: usize,
    len: usize,
    fc: usize,
    compressed: bool,
}

/// The pieces listed by a `Clx`.
fn pieces(clx: &[u8]) -> Result<Vec<Piece>, String> {
    let damaged = || "damaged Word document: piece table".to_string();
    let mut at = 0;
    // Property runs (`Prc`) come first; the piece table (`Pcdt`) follows.
    while clx.get(at) == Some(&0x01) {
        let cb = usize::from(u16_at(clx, at + 1).ok_or_else(damaged)?);
        at += 3 + cb;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(damaged());
    }
    let lcb = u32_at(clx, at + 1).ok_or_else(damaged)? as usize;
    let plc = clx.get(at + 5..at + 5 + lcb).ok_or_else(damaged)?;
    if lcb < 4 || !(lcb - 4).is_multiple_of(12) {
        return Err(damaged());
    }
    let n = (lcb - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let start = u32_at(plc, 4 * k).ok_or_else(damaged)? as usize;
        let end = u32_at(plc, 4 * (k + 1)).ok_or_else(damaged)? as usize;
        let pcd = 4 * (n + 1) + 8 * k;
        let fc = u32_at(plc, pcd + 2).ok_or_else(damaged)?;
        let compressed = fc & 0x4000_0000 != 0;
        let raw = (fc & 0x3FFF_FFFF) as usize;
        out.push(Piece {
            cp: start,
            len: end.saturating_sub(start),
            fc: if compressed { raw / 2 } else { raw },
            compressed,
        });
    }
    Ok(out)
}

/// A character of the document as stored: a byte of an 8-bit piece or a UTF-16 unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Byte(u8),
    Wide(u16),
}

impl Unit {
    fn value(self) -> u32 {
        match self {
            Unit::Byte(b) => u32::from(b),
            Unit::Wide(w) => u32::from(w),
        }
    }
}

/// The main text's characters, in order, cut at `ccp_text` (a piece past the end of the stream
/// ends the text there).
fn units(word: &[u8], pieces: &[Piece], ccp_text: usize) -> Vec<Unit> {
    let mut sorted = pieces.to_vec();
    sorted.sort_by_key(|p| p.cp);
    let mut out = Vec::new();
    for piece in sorted {
        if piece.cp >= ccp_text {
            break;
        }
        let len = piece.len.min(ccp_text - piece.cp);
        if piece.compressed {
            let Some(bytes) = word.get(piece.fc..piece.fc.saturating_add(len)) else {
                break;
            };
            out.extend(bytes.iter().map(|&b| Unit::Byte(b)));
        } else {
            let Some(bytes) = word.get(piece.fc..piece.fc.saturating_add(len * 2)) else {
                break;
            };
            out.extend(
                bytes
                    .chunks_exact(2)
                    .map(|w| Unit::Wide(u16::from_le_bytes([w[0], w[1]]))),
            );
        }
    }
    out
}

/// The characters Windows-1252 gives the bytes 0x80–0x9F, with their bytes.
fn cp1252_high() -> Vec<(u32, u8)> {
    (0x80u8..0xA0)
        .filter_map(|b| {
            let byte = [b];
            let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            decoded.chars().next().map(|c| (u32::from(c), b))
        })
        .collect()
}

/// The byte a character stands for: itself below U+0100, else its Windows-1252 byte.
fn cp1252_byte(high: &[(u32, u8)], c: u32) -> Option<u8> {
    match u8::try_from(c) {
        Ok(b) => Some(b),
        Err(_) => high.iter().find(|(ch, _)| *ch == c).map(|(_, b)| *b),
    }
}

/// Turns the stored characters into the document's text: Word's marks become line breaks and
/// tabs, field instructions and object anchors are dropped.
pub(super) fn content(units: &[Unit]) -> Content {
    // First the marks, on the units themselves.
    let mut kept: Vec<Unit> = Vec::with_capacity(units.len());
    // Per open field: whether its instruction part is over (the result is text).
    let mut fields: Vec<bool> = Vec::new();
    let mut last_was_cell = false;
    for &unit in units {
        let v = unit.value();
        let in_instruction = fields.last() == Some(&false);
        match v {
            0x13 => {
                fields.push(false);
                continue;
            }
            0x14 => {
                if let Some(top) = fields.last_mut() {
                    *top = true;
                }
                continue;
            }
            0x15 => {
                fields.pop();
                continue;
            }
            _ if in_instruction => continue,
            _ => {}
        }
        let mapped = match v {
            // A row's end mark follows its last cell's mark: the cell already ended the line.
            0x07 if last_was_cell => {
                last_was_cell = false;
                continue;
            }
            // Cells are stacked, one after the other: without the table's paragraph properties
            // the reader cannot tell where a row's first cell starts, and official headers read
            // well stacked (issuer, number, then motto, place and date).
            0x07 => {
                last_was_cell = true;
                if !matches!(kept.last(), Some(Unit::Byte(b'\n')) | None) {
                    kept.push(Unit::Byte(b'\n'));
                }
                continue;
            }
            // Paragraph, line, page and column breaks.
            0x0A..=0x0E => Some(b'\n'),
            0x09 => Some(b'\t'),
            0x1E => Some(b'-'),
            // Control characters, and glyphs of symbol fonts (private use area).
            0x00..=0x1F | 0xE000..=0xF8FF => None,
            _ => {
                kept.push(unit);
                last_was_cell = false;
                continue;
            }
        };
        last_was_cell = false;
        if let Some(b) = mapped {
            kept.push(Unit::Byte(b));
        }
    }

    // Then the code: legacy bytes when every character has its byte.
    let high = cp1252_high();
    let byte_of = |u: Unit| match u {
        Unit::Byte(b) => Some(b),
        Unit::Wide(w) => cp1252_byte(&high, u32::from(w)),
    };
    if let Some(bytes) = kept.iter().map(|&u| byte_of(u)).collect() {
        return Content::Bytes(bytes);
    }
    // A Unicode document: many accented words hold a character with no byte (ư, ơ, đ, ạ, …).
    let is_space = |u: Unit| matches!(u.value(), 0x20 | 0x09 | 0x0A);
    let (mut accented, mut unicode_words) = (0usize, 0usize);
    for word in kept.split(|&u| is_space(u)) {
        if word.iter().any(|u| u.value() >= 0x80) {
            accented += 1;
            if word.iter().any(|&u| byte_of(u).is_none()) {
                unicode_words += 1;
            }
        }
    }
    if unicode_words * 5 >= accented {
        return Content::Text(unicode(&kept));
    }
    // Otherwise a legacy document with some words typed in a Unicode font: a word holding a
    // character with no byte is Unicode, the other words are legacy bytes.
    let mut runs: Vec<Run> = Vec::new();
    let mut at = 0;
    while at < kept.len() {
        let end = if is_space(kept[at]) {
            at + 1
        } else {
            kept[at..]
                .iter()
                .position(|&u| is_space(u))
                .map_or(kept.len(), |n| at + n)
        };
        let word = &kept[at..end];
        let legacy: Option<Vec<u8>> = word.iter().map(|&u| byte_of(u)).collect();
        match (legacy, runs.last_mut()) {
            (Some(bytes), Some(Run::Legacy(last))) => last.extend_from_slice(&bytes),
            (Some(bytes), _) => runs.push(Run::Legacy(bytes)),
            (None, last) => {
                let text = unicode(word);
                match last {
                    Some(Run::Unicode(s)) => s.push_str(&text),
                    _ => runs.push(Run::Unicode(text)),
                }
            }
        }
        at = end;
    }
    Content::Runs(runs)
}

/// Units as Unicode: UTF-16 as it is, bytes as Windows-1252.
fn unicode(units: &[Unit]) -> String {
    let mut text = String::with_capacity(units.len());
    let mut wide: Vec<u16> = Vec::new();
    for &u in units {
        match u {
            Unit::Wide(w) => wide.push(w),
            Unit::Byte(b) => {
                text.extend(char::decode_utf16(wide.drain(..)).map(|c| c.unwrap_or('\u{FFFD}')));
                let byte = [b];
                let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
                text.push_str(&decoded);
            }
        }
    }
    text.extend(char::decode_utf16(wide.drain(..)).map(|c| c.unwrap_or('\u{FFFD}')));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_fields_and_cells_become_plain_text() {
        let units: Vec<Unit> = b"\x13 HYPERLINK x \x14link\x15 a\x07b\x07\x07c\rd\x01"
            .iter()
            .map(|&b| Unit::Byte(b))
            .collect();
        assert_eq!(content(&units), Content::Bytes(b"link a\nb\nc\nd".to_vec()));
    }

    #[test]
    fn wide_characters_of_a_legacy_font_go_back_to_their_bytes() {
        // TCVN3 "Cộng hòa" typed in a .VnTime font and stored as UTF-16 of Windows-1252.
        let units: Vec<Unit> = "Cộng hßa"
            .chars()
            .map(|c| match c {
                'ộ' => Unit::Wide(0x00E9),
                c => Unit::Wide(c as u16),
            })
            .collect();
        assert_eq!(content(&units), Content::Bytes(b"C\xe9ng h\xdfa".to_vec()));
        // The euro sign's byte is 0x80.
        assert_eq!(cp1252_byte(&cp1252_high(), 0x20AC), Some(0x80));
    }

    #[test]
    fn words_typed_in_a_unicode_font_stay_unicode() {
        // A TCVN3 document ("Cộng hòa" ×5) with two words typed in a Unicode font.
        let legacy = " C\u{E9}ng h\u{DF}a".repeat(5);
        let units: Vec<Unit> = format!("Cộng h\u{DF}a Việt\r\u{F0B7}{legacy}")
            .encode_utf16()
            .map(Unit::Wide)
            .collect();
        let mut tail = b"\n".to_vec();
        tail.extend_from_slice(&b" C\xe9ng h\xdfa".repeat(5));
        assert_eq!(
            content(&units),
            Content::Runs(vec![
                Run::Unicode("Cộng".to_string()),
                Run::Legacy(b" h\xdfa ".to_vec()),
                Run::Unicode("Việt".to_string()),
                Run::Legacy(tail),
            ])
        );
    }

    #[test]
    fn a_unicode_document_stays_unicode_even_where_letters_have_a_byte() {
        let units: Vec<Unit> = "Có việc\rnày là của ông"
            .encode_utf16()
            .map(Unit::Wide)
            .collect();
        assert_eq!(
            content(&units),
            Content::Text("Có việc\nnày là của ông".to_string())
        );
    }
}
