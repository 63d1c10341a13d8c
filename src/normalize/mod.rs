//! Decoding and normalising Vietnamese text: legacy encodings to Unicode, NFC, one tone-mark
//! style, broken lines and stray spaces; and folding for accent-insensitive matching.
//!
//! The pipeline, in order: [`decode`] (bytes → Unicode, detecting the encoding), then
//! [`normalize_str`]: NFC ([`nfc`]), spaces and line endings ([`lines`]), syllables split by a
//! line break ([`lines`]), tone style ([`tone`]). [`fold`] removes diacritics.
//!
//! Speed: [`clean::first_dirty`] finds in one scan the first character that would change; a
//! text with none is returned borrowed. A word whose only fault is its tone mark's place (the
//! common case: the other style here and there) is restyled alone and the scan goes on after
//! it; anything else is rewritten from one line before it, the text before copied as it is. The scan classifies 32-byte blocks with vector instructions
//! (auto-vectorised portable code; [`clean_avx2`] with byte-table lookups where the CPU has
//! AVX2) and looks closer only at the rare characters that may change: CR, tab, a line feed
//! between letters, invisible and odd spaces, the eth, combining marks, and toned vowels
//! whose neighbours cannot settle the mark. Common dirty text (NFD, CRLF, tabs, NBSP, the
//! other tone style) is composed, cleaned and restyled in one pass ([`fused`]), with a direct
//! (vowel, marks) → letter table for NFD; anything rarer goes through the stages one by one.
//! Tests check that all three agree with the stage-by-stage pipeline on every corpus document
//! and dirty variants of it. For inputs too big to hold in memory, [`normalize_reader`] and
//! [`fold_reader`] stream the same pipeline.
//!
//! What `normalize_str` changes is listed in [`lines`] and [`tone`]; everything else is kept as
//! written: runs of spaces, blank lines, punctuation, numbers such as `04-QC/BTGTU`, `V/v`,
//! `123/QĐ-UBND`, dates and URLs. It is idempotent.

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::options::{Encoding, Options, Tone};

mod clean;
#[cfg(target_arch = "x86_64")]
mod clean_avx2;
mod detect;
mod fold;
mod fused;
mod legacy;
mod lines;
mod nfc;
mod stream;
pub(crate) mod syllable;
mod tone;
mod viqr;

#[cfg(test)]
use self::clean::is_clean;
use self::clean::{first_dirty, first_dirty_from};
pub use self::fold::fold;
pub use self::stream::{fold_reader, normalize_reader, StreamSummary};

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Decoded {
    /// The text, in Unicode (not yet normalised; Windows-1258 input is already NFC).
    pub text: String,
    /// The encoding the bytes were read as.
    pub encoding: Encoding,
    /// How sure the detector was, 0.0–1.0 (1.0 when the encoding was given or the bytes are
    /// valid UTF-8).
    pub confidence: f32,
    /// What the decoder noticed: the container the text came from, the detected encoding and
    /// its confidence when it had to guess ("detected encoding tcvn3 (confidence 0.93)"),
    /// replaced bytes.
    pub warnings: Vec<String>,
}

/// Decodes bytes in `encoding`, or detects the encoding with [`Encoding::Auto`].
///
/// Documents in a container are opened first: RTF, Word 97–2003 `.doc`, Word `.docx`,
/// OpenDocument `.odt`, Excel `.xls`/`.xlsx` (cells as tab-separated rows) and the text layer
/// of PDF files (with the `pdf` feature). Their text is then decoded as below (a TCVN3 `.doc`
/// is detected as TCVN3), and the first warning names the container ("read the text of a Word
/// 97-2003 document").
///
/// Detection: valid UTF-8 is UTF-8 (a BOM is dropped; UTF-16 needs its BOM); ASCII full of VIQR
/// marks spelling Vietnamese syllables is VIQR; otherwise each legacy decoder (TCVN3, VNI,
/// VISCII, Windows-1258) is scored by the share of valid Vietnamese syllables among the
/// accented words it produces, and the best wins, with a warning naming it.
///
/// # Errors
/// [`Error::NotText`] for binary data (NUL or control bytes), for bytes that are neither
/// UTF-8 nor any legacy encoding, and for files vanban does not read or cannot open (PDF
/// scans without a text layer, presentations, other ZIP archives, damaged or encrypted
/// documents), naming which;
/// [`Error::Decode`] when a forced encoding does not fit.
///
/// ```
/// let d = vanban::decode(b"C\xe9ng h\xdfa", vanban::Encoding::Auto)?; // TCVN3 bytes
/// assert_eq!(d.text, "Cộng hòa");
/// assert_eq!(d.encoding, vanban::Encoding::Tcvn3);
/// assert!(d.warnings[0].contains("tcvn3"));
/// assert_eq!(vanban::decode(b"", vanban::Encoding::Auto)?.text, "");
/// # Ok::<(), vanban::Error>(())
/// ```
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<Decoded> {
    let done = |text: String, encoding: Encoding| Decoded {
        text,
        encoding,
        confidence: 1.0,
        warnings: Vec::new(),
    };
    if bytes.is_empty() {
        return Ok(done(
            String::new(),
            if encoding == Encoding::Auto {
                Encoding::Utf8
            } else {
                encoding
            },
        ));
    }
    if let Some(opened) = crate::container::open(bytes)? {
        return crate::container::decode(opened, encoding);
    }
    if let Some(text) = decode_utf16_bom(bytes) {
        if matches!(encoding, Encoding::Auto | Encoding::Utf8 | Encoding::Utf16) {
            return Ok(done(text, Encoding::Utf16));
        }
    }
    detect::check_text(bytes)?;
    match encoding {
        Encoding::Auto => decode_auto(bytes),
        Encoding::Utf8 => {
            let body = strip_utf8_bom(bytes);
            match std::str::from_utf8(body) {
                Ok(s) => Ok(done(s.to_string(), Encoding::Utf8)),
                Err(e) => Err(decode_error(
                    Encoding::Utf8,
                    bytes,
                    bytes.len() - body.len() + e.valid_up_to(),
                )),
            }
        }
        Encoding::Utf16 => Err(decode_error(Encoding::Utf16, bytes, 0)),
        Encoding::Viqr => match bytes.iter().position(|b| !b.is_ascii()) {
            Some(at) => Err(decode_error(Encoding::Viqr, bytes, at)),
            None => {
                let text = std::str::from_utf8(bytes)
                    .map_err(|e| decode_error(Encoding::Viqr, bytes, e.valid_up_to()))?;
                Ok(done(viqr::decode(text).0, Encoding::Viqr))
            }
        },
        legacy => {
            let text = detect::decode_legacy(bytes, legacy);
            let (valid, total) = detect::syllable_score(&text);
            // The bytes do not fit when most accented words come out as no Vietnamese syllable.
            if total >= 3 && valid * 10 < total * 3 {
                let at = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
                return Err(decode_error(legacy, bytes, at));
            }
            Ok(done(text, legacy))
        }
    }
}

fn decode_error(encoding: Encoding, bytes: &[u8], offset: usize) -> Error {
    Error::Decode {
        encoding,
        byte: bytes.get(offset).copied().unwrap_or(0),
        offset,
    }
}

fn strip_utf8_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn decode_utf16_bom(bytes: &[u8]) -> Option<String> {
    let (enc, _) = encoding_rs::Encoding::for_bom(bytes)?;
    if enc == encoding_rs::UTF_8 {
        return None;
    }
    let (text, _, _) = enc.decode(bytes);
    Some(text.into_owned())
}

fn decode_auto(bytes: &[u8]) -> Result<Decoded> {
    let body = strip_utf8_bom(bytes);
    if let Ok(text) = std::str::from_utf8(body) {
        if text.is_ascii() {
            let (share, converted, decoded) = detect::viqr_score(text);
            if converted >= 3 && share >= 0.2 {
                let confidence = share.min(1.0);
                return Ok(Decoded {
                    text: decoded,
                    encoding: Encoding::Viqr,
                    confidence,
                    warnings: vec![format!(
                        "detected encoding viqr (confidence {confidence:.2})"
                    )],
                });
            }
        }
        return Ok(Decoded {
            text: text.to_string(),
            encoding: Encoding::Utf8,
            confidence: 1.0,
            warnings: Vec::new(),
        });
    }
    if let Some(bad) = detect::mostly_utf8(body) {
        let text = String::from_utf8_lossy(body).into_owned();
        return Ok(Decoded {
            text,
            encoding: Encoding::Utf8,
            confidence: 0.9,
            warnings: vec![format!("invalid UTF-8: {bad} byte(s) replaced with U+FFFD")],
        });
    }
    let (encoding, confidence) = detect::detect_legacy(bytes)?;
    Ok(Decoded {
        text: detect::decode_legacy(bytes, encoding),
        encoding,
        confidence,
        warnings: vec![format!(
            "detected encoding {encoding} (confidence {confidence:.2})"
        )],
    })
}

/// Normalises already-decoded text: NFC, spaces and line endings, syllables split by a line
/// break, one tone style. Borrows when nothing changes (a single scan over the bytes decides).
///
/// ```
/// use vanban::{normalize_str, Options, Tone};
/// let opts = Options::default(); // Tone::Old: hòa, thủy, Ủy
/// assert_eq!(normalize_str("Uỷ ban hoà giải\r\nT\nham mưu", &opts), "Ủy ban hòa giải\nTham mưu");
/// assert_eq!(normalize_str("thủy, quý, hoàn", &opts.clone().tone(Tone::New)), "thuỷ, quý, hoàn");
/// assert!(matches!(normalize_str("Số 04-QC/BTGTU", &opts), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize_str<'a>(text: &'a str, opts: &Options) -> Cow<'a, str> {
    let style = opts.tone_style();
    let Some(mut dirty) = first_dirty(text, style) else {
        return Cow::Borrowed(text);
    };
    // Words whose only fault is the place of their tone mark (most dirty text: the other tone
    // style here and there) are restyled one by one, the text between them copied as it is.
    let mut out = String::new();
    let mut copied = 0;
    // (end in `text`, length of `out`) after each restyled word.
    let mut restyled: Vec<(usize, usize)> = Vec::new();
    loop {
        if let Some((start, end)) = misplaced_word(text, dirty, style).filter(|w| w.0 >= copied) {
            if out.capacity() == 0 {
                out.reserve(text.len() + 16);
            }
            out.push_str(&text[copied..start]);
            if !syllable::retone_into(&text[start..end], style, &mut out) {
                out.push_str(&text[start..end]);
            }
            copied = end;
            restyled.push((end, out.len()));
            match first_dirty_from(text, end, style) {
                Some(next) => dirty = next,
                None => {
                    out.push_str(&text[copied..]);
                    return Cow::Owned(out);
                }
            }
            continue;
        }
        // Anything else: the whole pass over the rest. It starts one whole line before the
        // dirty character, so that the line feed before its line is still asked about (a
        // line-break repair reads the words on both sides of it); everything before is settled.
        let cut = resume_point(text.as_bytes(), dirty);
        if cut == 0 {
            return rewrite(text, style);
        }
        if copied <= cut {
            out.push_str(&text[copied..cut]);
        } else {
            // Words restyled after the cut are redone by the pass: keep the output up to it.
            let kept = match restyled.iter().rev().find(|&&(end, _)| end <= cut) {
                Some(&(end, len)) => len + (cut - end),
                None => cut,
            };
            out.truncate(kept);
        }
        out.push_str(&rewrite(&text[cut..], style));
        return Cow::Owned(out);
    }
}

/// The word around the dirty character at byte `at` when that character is a letter whose
/// only fault is its word's tone-mark place: the word can be restyled alone.
fn misplaced_word(text: &str, at: usize, style: Tone) -> Option<(usize, usize)> {
    let (cp, len) = syllable::decode_at(text.as_bytes(), at);
    let packed = syllable::packed(cp);
    (packed != 0
        && syllable::may_misplace(packed)
        && tone::misplaced_at(text, at, len, syllable::unpack(packed), style))
    .then(|| tone::word_bounds(text, at))
}

/// The start of the line before the one holding byte `dirty` (0 when there is none).
fn resume_point(b: &[u8], dirty: usize) -> usize {
    let line = memchr::memrchr(b'\n', &b[..dirty]).map_or(0, |nl| nl + 1);
    match line.checked_sub(1) {
        Some(nl) => memchr::memrchr(b'\n', &b[..nl]).map_or(0, |prev| prev + 1),
        None => 0,
    }
}

/// Normalises text that is known to need it: the one pass, or the stages in order when a
/// line-break repair joins a syllable.
fn rewrite(text: &str, style: Tone) -> Cow<'_, str> {
    let Some((s, breaks)) = fused::normalize_with_breaks(text, Some(style)) else {
        return pipeline(text, style);
    };
    // The one pass noted every line feed line-break repair would ask about.
    if !lines::joins_any(&s, &breaks) {
        return s;
    }
    // A line break joins a syllable: the tone style must see the joined words, so redo the
    // stages in order.
    match fused::normalize_common(text, None) {
        Some(s) => {
            let s = then(s, lines::repair_breaks);
            then(s, |t| tone::restyle(t, style))
        }
        None => pipeline(text, style),
    }
}

/// The pipeline stage by stage, for text the one-pass [`fused`] normaliser leaves alone
/// (and as the reference it is tested against).
fn pipeline(text: &str, style: Tone) -> Cow<'_, str> {
    // Invisible characters go first: one between a letter and its mark (web copies have them)
    // would otherwise keep the pair apart through composition and leave the output non-NFC.
    let s = lines::clean_spaces(text);
    let s = then(s, nfc::compose);
    let s = then(s, lines::repair_breaks);
    then(s, |t| tone::restyle(t, style))
}

fn then<'a>(s: Cow<'a, str>, f: impl for<'b> Fn(&'b str) -> Cow<'b, str>) -> Cow<'a, str> {
    match s {
        Cow::Borrowed(b) => f(b),
        Cow::Owned(o) => match f(&o) {
            Cow::Borrowed(_) => Cow::Owned(o),
            Cow::Owned(n) => Cow::Owned(n),
        },
    }
}

/// Ends a copy-on-change rewrite of `text`: `out` holds the rewritten part up to `copied`
/// (`None` when nothing changed, so `text` is borrowed), and the rest is copied as it is.
pub(crate) fn finish_rewrite(out: Option<String>, text: &str, copied: usize) -> Cow<'_, str> {
    match out {
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(text),
    }
}

/// Decodes `bytes` (per `opts`' encoding) and normalises the text.
///
/// # Errors
/// As [`decode`].
pub fn normalize(bytes: &[u8], opts: &Options) -> Result<String> {
    let decoded = decode(bytes, opts.input_encoding())?;
    match normalize_str(&decoded.text, opts) {
        Cow::Borrowed(_) => Ok(decoded.text),
        Cow::Owned(s) => Ok(s),
    }
}

/// One bit per byte of `block` (at most 64 bytes) that starts a non-ASCII character
/// (0b11xxxxxx). A whole block is compared into a flag array (all ones for true, as vector
/// comparisons give), which the compiler vectorises, and eight flags become eight bits by one
/// multiplication; a shorter one goes eight bytes at a time.
#[inline]
pub(crate) fn lead_bytes(block: &[u8]) -> u64 {
    let mut mask = 0u64;
    if let Ok(block) = <&[u8; 64]>::try_from(block) {
        let mut flags = [0u8; 64];
        for (f, &x) in flags.iter_mut().zip(block) {
            *f = 0u8.wrapping_sub(u8::from(x >= 0xC0)) & 1;
        }
        for (j, eight) in flags.chunks_exact(8).enumerate() {
            let x = u64::from_le_bytes([
                eight[0], eight[1], eight[2], eight[3], eight[4], eight[5], eight[6], eight[7],
            ]);
            mask |= (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * j);
        }
        return mask;
    }
    let mut chunks = block.chunks_exact(8);
    for (k, word) in chunks.by_ref().enumerate() {
        let x = u64::from_le_bytes([
            word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
        ]);
        let flags = x & (x << 1) & 0x8080_8080_8080_8080;
        mask |= ((flags >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
    }
    let done = block.len() - chunks.remainder().len();
    for (k, &x) in chunks.remainder().iter().enumerate() {
        mask |= u64::from(x >= 0xC0) << (done + k);
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str, tone: Tone) -> String {
        normalize_str(s, &Options::default().tone(tone)).into_owned()
    }

    #[test]
    fn keeps_what_it_need_not_change() {
        for s in [
            "Số 04-QC/BTGTU, V/v tổ chức, 123/QĐ-UBND ngày 20/3/2023, https://example.vn/a?b=1",
            "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n\n   Độc lập - Tự do",
            "",
            "plain ASCII text\n",
        ] {
            assert!(
                matches!(normalize_str(s, &Options::default()), Cow::Borrowed(_)),
                "{s:?}"
            );
        }
    }

    #[test]
    fn pipeline_in_order() {
        let nfd = "Uy\u{309} ban hoa\u{300}\u{A0}gia\u{309}i\r\nT\nham mu\u{31B}u";
        assert_eq!(norm(nfd, Tone::Old), "Ủy ban hòa giải\nTham mưu");
        assert_eq!(norm(nfd, Tone::New), "Uỷ ban hoà giải\nTham mưu");
        assert_eq!(norm("h\noa\u{300}", Tone::Old), "hòa");
    }

    #[test]
    fn clean_check_agrees_with_the_pipeline() {
        for s in [
            "hòa",
            "hoà",
            "T\nham",
            "a\tb",
            "Ðảng",
            "quý hoàn",
            "của người",
            "x\u{301}",
        ] {
            for tone in [Tone::Old, Tone::New] {
                let slow = {
                    let t = nfc::compose(s);
                    let t = then(t, lines::clean_spaces);
                    let t = then(t, lines::repair_breaks);
                    then(t, |x| tone::restyle(x, tone)).into_owned()
                };
                // Clean must imply unchanged; the check may be cautious the other way.
                assert!(!is_clean(s, tone) || slow == s, "{s:?} {tone:?}");
            }
        }
    }

    #[test]
    fn clean_check_agrees_with_the_pipeline_on_the_corpus() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            panic!("corpus not found at {}", dir.display());
        };
        for path in entries.flatten().map(|e| e.path()) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for tone in [Tone::Old, Tone::New] {
                let slow = {
                    let t = nfc::compose(&text);
                    let t = then(t, lines::clean_spaces);
                    let t = then(t, lines::repair_breaks);
                    then(t, |x| tone::restyle(x, tone)).into_owned()
                };
                assert!(
                    !is_clean(&text, tone) || slow == text,
                    "{} {tone:?}",
                    path.display()
                );
                if !is_clean(&slow, tone) {
                    let again = normalize_str(&slow, &Options::default().tone(tone));
                    let at = slow
                        .bytes()
                        .zip(again.bytes())
                        .position(|(a, b)| a != b)
                        .unwrap_or(0);
                    let from = slow.floor_char_boundary(at.saturating_sub(40));
                    let to = slow.floor_char_boundary((at + 40).min(slow.len()));
                    panic!(
                        "normalised {} not clean at {at}: {:?}",
                        path.display(),
                        &slow[from..to]
                    );
                }
            }
        }
    }

    /// Variants of a text that exercise every branch of the one-pass normaliser: NFD, the
    /// other tone style, CRLF, tabs, NBSP, invisible characters, split words, the eth.
    fn dirty_variants(text: &str) -> Vec<String> {
        use unicode_normalization::UnicodeNormalization;
        let new = pipeline(text, Tone::New).into_owned();
        let old = pipeline(text, Tone::Old).into_owned();
        let mut out = vec![
            text.to_string(),
            text.nfd().collect(),
            new.nfd().collect(),
            old.nfd().collect(),
            new.clone(),
        ];
        // Every 7th space, line break or letter touched in turn by one of the rules.
        let swaps: [(&str, &str); 9] = [
            (" ", "\u{A0}"),
            (" ", "\t"),
            ("\n", "\r\n"),
            ("\n", "\r"),
            ("a", "a\u{AD}"),
            ("o", "\u{200B}o"),
            (" ", " \n"),
            ("Đ", "Ð"),
            ("n", "n\n"),
        ];
        let nfd_new: String = new.nfd().collect();
        for (k, (from, to)) in swaps.iter().enumerate() {
            for base in [&nfd_new, &new] {
                let mut v = String::with_capacity(base.len() + 64);
                for (m, piece) in base.split(from).enumerate() {
                    if m > 0 {
                        v.push_str(if (m + k) % 7 == 0 { to } else { from });
                    }
                    v.push_str(piece);
                }
                out.push(v);
            }
        }
        out
    }

    #[test]
    fn one_pass_agrees_with_the_pipeline() {
        use unicode_normalization::UnicodeNormalization;
        let samples = [
            "hoa\u{300} giải\tkhoe\u{309}\r\nthuy\u{309}",
            "\u{A0}\u{301}x",
            "a\u{200B}\u{301}",
            "\ta\u{301}",
            "\u{301}lead",
            "d\u{323} a\u{301}\u{302} x\u{304} Ω\u{2126}",
            "hoa\u{AD}\u{300}",
            "T\nhoà Uỷ\nban",
            "q\nùy h\noà",
            "Ðảng hoà",
            "Nghi\u{323} đi\u{323}nh, “quy\u{301}” – 50%",
            "hoà\u{200B}n, ho\u{200B}à",
            "uỷ\u{2028}hoà\u{3000}khoẻ",
        ];
        for s in samples {
            for tone in [Tone::Old, Tone::New] {
                let opts = Options::default().tone(tone);
                let (fast, slow) = (normalize_str(s, &opts), pipeline(s, tone));
                assert_eq!(fast, slow, "{s:?} {tone:?}");
                assert_eq!(
                    matches!(fast, Cow::Borrowed(_)),
                    matches!(slow, Cow::Borrowed(_)),
                    "{s:?}"
                );
                let nfd: String = s.nfd().collect();
                assert_eq!(normalize_str(&nfd, &opts), pipeline(&nfd, tone), "{nfd:?}");
            }
        }
    }

    #[test]
    fn one_pass_agrees_with_the_pipeline_on_the_corpus() {
        let mut seen = 0;
        let mut fused_took = 0;
        for dir in ["../shared/corpus/seeds", "../shared/corpus/dev"] {
            for (path, text) in crate::testing::texts_in(dir, true) {
                seen += 1;
                for (v, variant) in dirty_variants(&text).iter().enumerate() {
                    for tone in [Tone::Old, Tone::New] {
                        let fast = normalize_str(variant, &Options::default().tone(tone));
                        let slow = pipeline(variant, tone);
                        if fast != slow {
                            let at = fast
                                .bytes()
                                .zip(slow.bytes())
                                .position(|(a, b)| a != b)
                                .unwrap_or(0);
                            let from = slow.floor_char_boundary(at.saturating_sub(30));
                            let to = slow.floor_char_boundary((at + 30).min(slow.len()));
                            let fto = fast.floor_char_boundary((at + 30).min(fast.len()));
                            panic!(
                                "{} variant {v} {tone:?} at {at}: {:?} ≠ {:?}",
                                path.display(),
                                &fast[from.min(fto)..fto],
                                &slow[from..to]
                            );
                        }
                        assert_eq!(
                            matches!(fast, Cow::Borrowed(_)),
                            matches!(slow, Cow::Borrowed(_)),
                            "{} variant {v}",
                            path.display()
                        );
                        fused_took +=
                            usize::from(fused::normalize_common(variant, Some(tone)).is_some());
                    }
                }
            }
        }
        assert!(seen >= 100, "{seen} documents");
        // Most variants must take the one pass, or this test proves little.
        assert!(fused_took * 2 > seen * 2 * 23, "{fused_took} one-pass runs");
    }

    /// Text that turns dirty only part way through: the rewrite resumes a line before the first
    /// change, and must give what the whole pipeline gives.
    #[test]
    fn a_rewrite_resumed_late_agrees_with_the_pipeline() {
        use unicode_normalization::UnicodeNormalization;
        let samples = [
            "Dòng một\nDòng hai\nBan T\nham mưu",
            "Dòng một\nDòng hai\nBan Th\nuỷ lợi",
            "Dòng một\nhòa\nhoà\tx",
            "a\nb\nc\r\nd",
            "một\n\nhai\n\u{301}ba",
            "hoà\nhoà x\tb",
            "a hoà\nb hoà\nc hoà\u{301}",
            "thuỷ hoà khoẻ\nUỷ ban\nT\nham mưu",
        ];
        for s in samples {
            for tone in [Tone::Old, Tone::New] {
                let got = normalize_str(s, &Options::default().tone(tone));
                assert_eq!(got, pipeline(s, tone), "{s:?} {tone:?}");
            }
        }
        let swaps: [(&str, &str); 7] = [
            (" ", "\t"),
            ("\n", "\r\n"),
            ("a", "a\u{AD}"),
            (" ", " \n"),
            ("n", "n\n"),
            ("ò", "o\u{300}"),
            ("ỷ", "ủy"),
        ];
        let mut resumed = 0;
        let texts = crate::testing::CORPUS_DIRS
            .iter()
            .flat_map(|dir| crate::testing::texts_in(dir, false));
        for (path, text) in texts {
            for tone in [Tone::Old, Tone::New] {
                let clean = pipeline(&text, tone).into_owned();
                for (k, (from, to)) in swaps.iter().enumerate() {
                    let mid = clean.floor_char_boundary(clean.len() * (k + 2) / 10);
                    let mut v = clean[..mid].to_string();
                    v.push_str(&clean[mid..].replacen(from, to, 3));
                    let want = pipeline(&v, tone);
                    let got = normalize_str(&v, &Options::default().tone(tone));
                    assert_eq!(got, want, "{} swap {k} {tone:?}", path.display());
                    let first = first_dirty(&v, tone);
                    resumed +=
                        usize::from(first.is_some_and(|d| resume_point(v.as_bytes(), d) > 0));
                    let nfd: String = v.nfd().collect();
                    assert_eq!(
                        normalize_str(&nfd, &Options::default().tone(tone)),
                        pipeline(&nfd, tone),
                        "{} swap {k} {tone:?} NFD",
                        path.display()
                    );
                }
            }
        }
        // Most of these must resume part way, or the test proves little.
        assert!(resumed > 1000, "{resumed} resumed rewrites");
    }

    /// The one pass builds its output as bytes and takes it as UTF-8 unchecked: check it as
    /// `String::from_utf8` would, and that the line feeds it notes are where repair looks.
    #[test]
    fn one_pass_output_is_utf8() {
        let mut texts: Vec<String> = [
            "hoa\u{300} giải\tkhoe\u{309}\r\nthuy\u{309}\rx\u{2028}y",
            "T\nhoà Uỷ\nban\r\nq\rùy h\noà\u{AD}",
            "\u{200B}\u{301}x a\u{301}\u{302} ươ\u{303}",
        ]
        .map(String::from)
        .to_vec();
        // Output that outgrows its input (tabs, a mark moved onto a three-byte letter) after
        // a long unchanged stretch, and letters packed into one block.
        texts.extend([
            "x".repeat(300) + &"a\u{301}\t".repeat(200),
            "\t".repeat(1000),
            "Đảng ".repeat(50) + &"thùy\t".repeat(300),
            "ab".repeat(70) + &"o\u{302}\u{301}".repeat(100) + "\r",
        ]);
        for text in &texts[..7] {
            for tone in [Tone::Old, Tone::New] {
                let opts = Options::default().tone(tone);
                assert_eq!(normalize_str(text, &opts), pipeline(text, tone), "{text:?}");
            }
        }
        for dir in ["../shared/corpus/seeds", "../shared/corpus/dev"] {
            let found = crate::testing::texts_in(dir, true);
            for (_, text) in found.iter().take(40) {
                texts.extend(dirty_variants(text));
            }
        }
        let mut checked = 0;
        for text in &texts {
            for style in [None, Some(Tone::Old), Some(Tone::New)] {
                let Some((bytes, breaks)) = fused::rewrite(text, style) else {
                    continue;
                };
                let safe = match bytes {
                    Some(bytes) => String::from_utf8(bytes).expect("one-pass output is UTF-8"),
                    None => text.clone(),
                };
                let fast = fused::normalize_common(text, style).map(Cow::into_owned);
                assert_eq!(fast.as_deref(), Some(safe.as_str()));
                let every: Vec<usize> = memchr::memchr_iter(b'\n', safe.as_bytes())
                    .filter(|&nl| lines::letter_after(safe.as_bytes(), nl))
                    .collect();
                assert!(every.iter().all(|nl| breaks.contains(nl)), "{text:?}");
                checked += 1;
            }
        }
        assert!(checked > 500, "{checked} one-pass runs");
    }

    #[test]
    fn decode_errors_are_clear() {
        assert!(matches!(
            decode(b"\x00\x01PK", Encoding::Auto),
            Err(Error::NotText(_))
        ));
        assert!(matches!(
            decode(b"ok \xff\xfe\xfd", Encoding::Utf8),
            Err(Error::Decode { offset: 3, .. })
        ));
        assert!(matches!(
            decode("Việt Nam là một nước".as_bytes(), Encoding::Tcvn3),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            decode("Việt".as_bytes(), Encoding::Viqr),
            Err(Error::Decode { .. })
        ));
        let d = decode(b"\xff\xfeV\x00i\x00", Encoding::Auto)
            .map(|d| d.text)
            .ok();
        assert_eq!(d.as_deref(), Some("Vi"));
    }
}
