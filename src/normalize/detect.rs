//! Which encoding are these bytes in? UTF-8 when they are valid UTF-8 (VIQR when they are
//! ASCII full of VIQR marks that spell Vietnamese syllables); otherwise the legacy decoder whose
//! output has the most valid Vietnamese syllables among its accented words.

use super::{legacy, syllable, viqr};
use crate::error::{Error, Result};
use crate::options::Encoding;

/// How much of the input the detector reads.
pub(crate) const SAMPLE: usize = 256 * 1024;

/// Control bytes that never occur in text (VISCII's six letter bytes excepted).
fn is_binary_byte(b: u8) -> bool {
    b < 0x20
        && !matches!(
            b,
            b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0x1A | 0x02 | 0x05 | 0x06 | 0x14 | 0x19 | 0x1E
        )
}

/// Rejects bytes that are no text at all: NUL bytes, or many control bytes.
pub(crate) fn check_text(bytes: &[u8]) -> Result<()> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    if memchr::memchr(0, sample).is_some() {
        return Err(Error::NotText("binary data (NUL bytes)".to_string()));
    }
    let controls = sample.iter().filter(|&&b| is_binary_byte(b)).count();
    if controls * 100 > sample.len() {
        return Err(Error::NotText(format!(
            "binary data ({controls} control bytes in {} bytes)",
            sample.len()
        )));
    }
    Ok(())
}

/// Syllable statistics of decoded text: (accented words that are syllables, accented words +
/// stray symbols).
pub(crate) fn syllable_score(text: &str) -> (usize, usize) {
    let (mut valid, mut total) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_ascii() {
            continue;
        }
        total += 1;
        if syllable::is_syllable(word) {
            valid += 1;
        }
    }
    // Symbols a wrong table produces in the middle of words (¸ µ © ® …) count against it.
    let stray = text
        .chars()
        .filter(|&c| {
            !c.is_ascii() && !c.is_alphabetic() && !c.is_whitespace() && !is_common_punct(c)
        })
        .count();
    (valid, total + stray)
}

fn is_common_punct(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'
            ..='\u{2027}'
                | '\u{A0}'
                | '«'
                | '»'
                | '°'
                | '§'
                | '€'
                | '©'
                | '®'
                | '±'
                | '×'
                | '÷'
                | '·'
                | '№'
    )
}

fn ratio((valid, total): (usize, usize)) -> f32 {
    if total == 0 {
        0.0
    } else {
        valid as f32 / total as f32
    }
}

/// The legacy decoders the detector tries, in order of preference on a tie.
pub(crate) const LEGACY: [Encoding; 4] = [
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viscii,
    Encoding::Cp1258,
];

/// Decodes with one legacy encoding.
pub(crate) fn decode_legacy(bytes: &[u8], encoding: Encoding) -> String {
    match encoding {
        Encoding::Tcvn3 => legacy::decode_tcvn3(bytes),
        Encoding::Vni => legacy::decode_vni(bytes),
        Encoding::Viscii => legacy::decode_viscii(bytes),
        _ => legacy::decode_cp1258(bytes),
    }
}

/// Share of VIQR words among the words of ASCII text, and the decoded text.
pub(crate) fn viqr_score(text: &str) -> (f32, usize, String) {
    let (decoded, converted) = viqr::decode(text);
    let words = text.split_whitespace().count().max(1);
    (converted as f32 / words as f32, converted, decoded)
}

/// Picks the legacy encoding of bytes that are not UTF-8: (encoding, confidence).
pub(crate) fn detect_legacy(bytes: &[u8]) -> Result<(Encoding, f32)> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let mut scores: Vec<(Encoding, f32, usize)> = LEGACY
        .iter()
        .map(|&e| {
            let s = syllable_score(&decode_legacy(sample, e));
            (e, ratio(s), s.0)
        })
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, score, valid) = scores[0];
    if valid == 0 || score < 0.5 {
        return Err(Error::NotText(format!(
            "invalid UTF-8, and no Vietnamese legacy encoding fits (best: {best}, {:.0}% of accented words valid)",
            score * 100.0
        )));
    }
    let second = scores[1].1;
    Ok((best, (score - 0.5 * second).clamp(0.0, 1.0)))
}

/// Whether invalid UTF-8 is still mostly UTF-8 (a few damaged bytes in a UTF-8 document):
/// returns the number of invalid bytes when valid multi-byte characters outnumber them 20 to 1.
pub(crate) fn mostly_utf8(bytes: &[u8]) -> Option<usize> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in sample.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    // The sample may end inside a character.
    if bad > 0 && good >= 20 * bad {
        Some(bad)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_is_not_text() {
        assert!(matches!(
            check_text(b"PK\x03\x04\x00\x00"),
            Err(Error::NotText(_))
        ));
        assert!(check_text("Việt Nam\r\n\tx".as_bytes()).is_ok());
    }

    #[test]
    fn legacy_detection_picks_the_right_table() {
        let tcvn3: Vec<u8> = "Céng hßa x· héi chñ nghÜa ViÖt Nam, §éc lËp - Tù do - H¹nh phóc"
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        assert_eq!(
            detect_legacy(&tcvn3).map(|r| r.0).ok(),
            Some(Encoding::Tcvn3)
        );
        let vni: Vec<u8> =
            "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, Ñoäc laäp - Töï do - Haïnh phuùc"
                .chars()
                .map(|c| c as u32 as u8)
                .collect();
        assert_eq!(detect_legacy(&vni).map(|r| r.0).ok(), Some(Encoding::Vni));
        assert!(matches!(
            detect_legacy(b"caf\xe9 cr\xe8me br\xfbl\xe9e na\xefve"),
            Err(Error::NotText(_))
        ));
    }
}
