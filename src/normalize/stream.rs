//! Streaming the pipeline over inputs of any size in bounded memory.

use std::io::{Read, Write};

use super::{decode, detect, fold, normalize_str, Decoded};
use crate::error::{Error, Result};
use crate::options::{Encoding, Options};

/// Bytes read per step. Each step holds about three times this much in memory.
const CHUNK: usize = 1 << 20;

/// A carried-over tail longer than this is cut even without a safe line break (a file with no
/// line breaks at all), at a space, or else at a character boundary.
const MAX_CARRY: usize = 4 * CHUNK;

/// The largest RTF or Word file read (whole, as containers must be).
const MAX_CONTAINER: usize = 512 << 20;

/// What a streaming run saw: the encoding used (detected from the first chunk), the detector's
/// confidence and warnings, and the byte counts.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct StreamSummary {
    /// The encoding the input was read as.
    pub encoding: Encoding,
    /// How sure the detector was (1.0 when the encoding was given or is valid UTF-8).
    pub confidence: f32,
    /// What the decoder noticed (the detected encoding, replaced bytes).
    pub warnings: Vec<String>,
    /// Bytes read from the input.
    pub bytes_read: u64,
    /// Bytes written to the output.
    pub bytes_written: u64,
}

/// Decodes and normalises `reader` into `writer` chunk by chunk, in bounded memory (a few MiB
/// whatever the input size), with the same result as [`normalize`](crate::normalize) on the
/// whole input.
///
/// - The encoding is `opts`' encoding, or (with [`Encoding::Auto`]) detected from the first
///   chunk (1 MiB); later chunks are read the same way.
/// - Chunks are cut just after a line feed, so no UTF-8 sequence, VNI base + mark pair or CRLF
///   is split; and only after a line break that cannot be a split syllable (a non-letter on one
///   side), so the line-break repair sees both halves.
/// - UTF-16 input (with its BOM) is decoded incrementally.
///
/// # Errors
/// As [`decode`](crate::decode) for the first chunk (binary data, no encoding fits, a forced
/// encoding that does not fit); a later chunk that does not fit the encoding is decoded with
/// replacement characters and counted in `warnings`. I/O errors as [`Error::Stream`].
///
/// ```
/// let input = "Uỷ ban nhân dân\r\nT\nham mưu\n".repeat(3);
/// let mut out = Vec::new();
/// let summary = vanban::normalize_reader(input.as_bytes(), &mut out, &vanban::Options::default())?;
/// assert_eq!(String::from_utf8_lossy(&out), "Ủy ban nhân dân\nTham mưu\n".repeat(3));
/// assert_eq!(summary.encoding, vanban::Encoding::Utf8);
/// # Ok::<(), vanban::Error>(())
/// ```
pub fn normalize_reader(
    reader: impl Read,
    writer: impl Write,
    opts: &Options,
) -> Result<StreamSummary> {
    run(reader, writer, opts, false)
}

/// Like [`normalize_reader`], then folds each normalised piece with [`fold`](crate::fold)
/// (diacritics removed, đ → d): what `vanban fold` prints, in bounded memory.
///
/// # Errors
/// As [`normalize_reader`].
pub fn fold_reader(reader: impl Read, writer: impl Write, opts: &Options) -> Result<StreamSummary> {
    run(reader, writer, opts, true)
}

fn read_full(reader: &mut impl Read, buf: &mut Vec<u8>, want: usize) -> Result<bool> {
    let start = buf.len();
    buf.resize(start + want, 0);
    let mut filled = start;
    let mut eof = false;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => {
                eof = true;
                break;
            }
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::Stream(e)),
        }
    }
    buf.truncate(filled);
    Ok(eof)
}

enum Decoder {
    Bytes(Encoding),
    Utf16(Box<encoding_rs::Decoder>),
}

fn run(
    mut reader: impl Read,
    mut writer: impl Write,
    opts: &Options,
    folding: bool,
) -> Result<StreamSummary> {
    let mut raw: Vec<u8> = Vec::with_capacity(CHUNK + 64);
    let mut eof = read_full(&mut reader, &mut raw, CHUNK)?;
    let mut summary = StreamSummary {
        encoding: Encoding::Utf8,
        confidence: 1.0,
        warnings: Vec::new(),
        bytes_read: raw.len() as u64,
        bytes_written: 0,
    };
    // A container (RTF, Word .doc) is read whole: its text is not a byte stream in order.
    if crate::container::is_container(&raw) {
        if !eof {
            (&mut reader)
                .take(MAX_CONTAINER as u64)
                .read_to_end(&mut raw)
                .map_err(Error::Stream)?;
            summary.bytes_read = raw.len() as u64;
            if raw.len() > MAX_CONTAINER {
                return Err(Error::NotText(format!(
                    "a container document larger than {} MiB",
                    MAX_CONTAINER >> 20
                )));
            }
        }
        let decoded = decode(&raw, opts.input_encoding())?;
        let normalised = normalize_str(&decoded.text, opts);
        let out = if folding {
            fold(&normalised).into_owned()
        } else {
            normalised.into_owned()
        };
        writer.write_all(out.as_bytes()).map_err(Error::Stream)?;
        writer.flush().map_err(Error::Stream)?;
        summary.bytes_written = out.len() as u64;
        summary.encoding = decoded.encoding;
        summary.confidence = decoded.confidence;
        summary.warnings = decoded.warnings;
        return Ok(summary);
    }
    // Detect (or check the forced encoding) on the first chunk, cut at a line feed.
    let mut decoder = match encoding_rs::Encoding::for_bom(&raw) {
        Some((enc, bom)) if enc != encoding_rs::UTF_8 => {
            summary.encoding = Encoding::Utf16;
            raw.drain(..bom);
            Decoder::Utf16(Box::new(enc.new_decoder_without_bom_handling()))
        }
        _ => {
            let probe_end = if eof {
                raw.len()
            } else {
                last_line_feed(&raw).map_or(raw.len(), |p| p + 1)
            };
            let probe = &raw[..probe_end];
            let Decoded {
                encoding,
                confidence,
                warnings,
                ..
            } = decode(probe, opts.input_encoding())?;
            summary.encoding = encoding;
            summary.confidence = confidence;
            summary.warnings = warnings;
            if raw.starts_with(b"\xEF\xBB\xBF") {
                raw.drain(..3);
            }
            Decoder::Bytes(encoding)
        }
    };
    let mut text = String::new();
    let mut replaced = 0usize;
    loop {
        // Decode the raw bytes up to the last line feed (all of them at the end).
        match &mut decoder {
            Decoder::Utf16(d) => {
                let mut out = String::with_capacity(raw.len() + 8);
                let need = d
                    .max_utf8_buffer_length(raw.len())
                    .unwrap_or(raw.len() * 3 + 8);
                out.reserve(need);
                let (_, read, _) = d.decode_to_string(&raw, &mut out, eof);
                raw.drain(..read);
                text.push_str(&out);
            }
            Decoder::Bytes(enc) => {
                let cut = if eof {
                    raw.len()
                } else {
                    last_line_feed(&raw).map_or(0, |p| p + 1)
                };
                let cut = if cut == 0 && raw.len() > MAX_CARRY {
                    safe_byte_cut(&raw, *enc)
                } else {
                    cut
                };
                if cut > 0 {
                    let piece = &raw[..cut];
                    let decoded = decode_piece(piece, *enc, &mut replaced);
                    text.push_str(&decoded);
                    raw.drain(..cut);
                }
            }
        }
        // Normalise the text up to the last line break that cannot be a split syllable.
        let cut = if eof {
            text.len()
        } else {
            safe_text_cut(&text)
        };
        if cut > 0 {
            let piece = &text[..cut];
            let normalised = normalize_str(piece, opts);
            let out = if folding {
                fold(&normalised).into_owned()
            } else {
                normalised.into_owned()
            };
            writer.write_all(out.as_bytes()).map_err(Error::Stream)?;
            summary.bytes_written += out.len() as u64;
            text.drain(..cut);
        }
        if eof {
            break;
        }
        let before = raw.len();
        eof = read_full(&mut reader, &mut raw, CHUNK)?;
        summary.bytes_read += (raw.len() - before) as u64;
    }
    writer.flush().map_err(Error::Stream)?;
    if replaced > 0 {
        summary.warnings.push(format!(
            "invalid {}: {replaced} byte(s) replaced with U+FFFD",
            summary.encoding
        ));
    }
    Ok(summary)
}

fn last_line_feed(bytes: &[u8]) -> Option<usize> {
    memchr::memrchr(b'\n', bytes)
}

/// A cut for a piece with no line feed: after an ASCII space, never inside a UTF-8 character or
/// between a VNI base letter and its mark.
fn safe_byte_cut(bytes: &[u8], enc: Encoding) -> usize {
    if let Some(p) = memchr::memrchr(b' ', bytes) {
        return p + 1;
    }
    let mut cut = bytes.len();
    if matches!(enc, Encoding::Utf8 | Encoding::Viqr | Encoding::Auto) {
        // Before the last character, whole or not.
        while cut > 0 && (bytes[cut - 1] & 0xC0) == 0x80 {
            cut -= 1;
        }
        return cut.saturating_sub(1);
    }
    // Single-byte encodings: after an ASCII non-letter if there is one; else before the last
    // byte, or before the last two when the last may be a VNI mark (base + mark stay together).
    if let Some(p) = bytes
        .iter()
        .rposition(|&b| b < 0x80 && !b.is_ascii_alphabetic())
    {
        return p + 1;
    }
    cut = cut.saturating_sub(1);
    if bytes.get(cut).is_some_and(|&b| b >= 0xC0) {
        cut = cut.saturating_sub(1);
    }
    cut
}

fn decode_piece(piece: &[u8], enc: Encoding, replaced: &mut usize) -> String {
    match enc {
        Encoding::Utf8 | Encoding::Auto | Encoding::Utf16 => match std::str::from_utf8(piece) {
            Ok(s) => s.to_string(),
            Err(_) => {
                *replaced += piece
                    .utf8_chunks()
                    .map(|c| c.invalid().len())
                    .sum::<usize>();
                String::from_utf8_lossy(piece).into_owned()
            }
        },
        Encoding::Viqr => match std::str::from_utf8(piece) {
            Ok(s) => super::viqr::decode(s).0,
            Err(_) => {
                *replaced += piece
                    .utf8_chunks()
                    .map(|c| c.invalid().len())
                    .sum::<usize>();
                super::viqr::decode(&String::from_utf8_lossy(piece)).0
            }
        },
        legacy => detect::decode_legacy(piece, legacy),
    }
}

/// The end of the longest prefix of `text` that can be normalised on its own: just after a
/// line feed with a non-letter on at least one side. 0 when there is none (and the text is not
/// yet too long to carry).
fn safe_text_cut(text: &str) -> usize {
    let b = text.as_bytes();
    let mut end = b.len();
    while let Some(p) = memchr::memrchr(b'\n', &b[..end]) {
        let after_letter = text[p + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
        let before = text[..p].trim_end_matches([' ', '\r']).chars().next_back();
        let before_letter = before.is_some_and(char::is_alphabetic);
        // A line feed at the very end may be followed by a letter in the next chunk.
        if p + 1 < b.len() && (!after_letter || !before_letter) {
            return p + 1;
        }
        end = p;
    }
    if b.len() > MAX_CARRY {
        // No usable line break in 4 MiB: cut after a space, else at a character boundary.
        let mut last = b.len() - 1;
        while !text.is_char_boundary(last) {
            last -= 1;
        }
        let mut cut = text[..last].rfind(' ').map_or(last, |p| p + 1);
        while cut > 0 && !text.is_char_boundary(cut) {
            cut -= 1;
        }
        return cut;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streaming_equals_whole_input_across_chunks() {
        let line = "Uỷ ban nhân dân tỉnh\r\nT\nham mưu, hoà giải\n\n";
        let input = line.repeat(CHUNK / line.len() * 3 + 7);
        let mut out = Vec::new();
        let s = normalize_reader(input.as_bytes(), &mut out, &Options::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let whole = crate::normalize(input.as_bytes(), &Options::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.len(), whole.len());
        assert!(out == whole.as_bytes());
        assert_eq!(s.bytes_read, input.len() as u64);
        assert_eq!(s.bytes_written, whole.len() as u64);
    }

    #[test]
    fn streaming_vni_without_line_breaks() {
        let word = "Vieät Nam ";
        let bytes: Vec<u8> = word
            .repeat(MAX_CARRY / word.len() + 100)
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        let mut out = Vec::new();
        let s = fold_reader(bytes.as_slice(), &mut out, &Options::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.encoding, Encoding::Vni);
        assert!(out.starts_with(b"Viet Nam Viet Nam"));
        assert_eq!(out.len(), bytes.len() - bytes.len() / 10);
    }

    #[test]
    fn streaming_text_without_spaces_or_breaks() {
        // 5 MiB of one "word" of two-byte letters: cut at character boundaries, nothing lost.
        let input = "đ".repeat(MAX_CARRY / 2 + CHUNK);
        let mut out = Vec::new();
        fold_reader(input.as_bytes(), &mut out, &Options::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.len(), input.len() / 2);
        assert!(out.iter().all(|&b| b == b'd'));
    }

    #[test]
    fn streaming_binary_is_an_error() {
        let mut out = Vec::new();
        assert!(matches!(
            normalize_reader(&b"\x7fELF\x00\x00\x01"[..], &mut out, &Options::default()),
            Err(Error::NotText(_))
        ));
    }
}
