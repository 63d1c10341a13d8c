//! Decoders for the pre-Unicode Vietnamese encodings: TCVN3 (ABC), VNI-Windows, VISCII and
//! Windows-1258. The byte tables are data (`dictionaries/encodings/*.tsv`), parsed once.

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use super::syllable;

const TCVN3_TSV: &str = include_str!("../../dictionaries/encodings/tcvn3.tsv");
const VNI_TSV: &str = include_str!("../../dictionaries/encodings/vni.tsv");
const VISCII_TSV: &str = include_str!("../../dictionaries/encodings/viscii.tsv");

/// One parsed encoding table: byte sequences (1 or 2 bytes) → character.
#[derive(Debug)]
pub(crate) struct ByteTable {
    pub(crate) entries: Vec<(Vec<u8>, char)>,
}

/// Parses a `bytes<TAB>char[<TAB>note]` table; `#` lines are comments.
pub(crate) fn parse_table(name: &str, text: &str) -> Result<ByteTable, String> {
    let mut entries = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(hex), Some(ch)) = (cols.next(), cols.next()) else {
            return Err(format!("{name}:{}: expected bytes<TAB>char", n + 1));
        };
        let bytes = hex
            .split(' ')
            .map(|h| u8::from_str_radix(h, 16))
            .collect::<Result<Vec<u8>, _>>()
            .map_err(|e| format!("{name}:{}: {e}", n + 1))?;
        let mut chars = ch.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return Err(format!("{name}:{}: expected one character", n + 1));
        };
        if bytes.is_empty() || bytes.len() > 2 || !seen.insert(bytes.clone()) {
            return Err(format!("{name}:{}: bad or duplicate byte sequence", n + 1));
        }
        entries.push((bytes, c));
    }
    Ok(ByteTable { entries })
}

fn cp1252_byte(b: u8) -> char {
    let mut buf = [0u16; 2];
    let mut dec = encoding_rs::WINDOWS_1252.new_decoder_without_bom_handling();
    let (_, _, written, _) = dec.decode_to_utf16(&[b], &mut buf, true);
    char::from_u32(buf[..written].first().copied().unwrap_or(0xFFFD) as u32).unwrap_or('\u{FFFD}')
}

/// A single-byte decoder: 256 characters, and which of them were found in the table.
pub(crate) struct SingleByte {
    pub(crate) chars: [char; 256],
    pub(crate) mapped: [bool; 256],
}

fn single_byte(name: &str, tsv: &str, fallback: fn(u8) -> char) -> SingleByte {
    // Bundled and checked by `every_table_parses`: failing here is our bug.
    let table = parse_table(name, tsv).expect("bundled encoding table");
    let mut chars = [' '; 256];
    let mut mapped = [false; 256];
    for (b, c) in chars.iter_mut().enumerate() {
        *c = fallback(b as u8);
    }
    for (bytes, c) in table.entries {
        chars[bytes[0] as usize] = c;
        mapped[bytes[0] as usize] = true;
    }
    SingleByte { chars, mapped }
}

/// TCVN3: ASCII, the table, Windows-1252 for the 0x80–0x9F symbols a Word export leaves.
pub(crate) static TCVN3: LazyLock<SingleByte> =
    LazyLock::new(|| single_byte("tcvn3.tsv", TCVN3_TSV, cp1252_byte));

/// VISCII: every byte is defined (identity where not in the table).
pub(crate) static VISCII: LazyLock<SingleByte> =
    LazyLock::new(|| single_byte("viscii.tsv", VISCII_TSV, |b| b as char));

/// VNI-Windows: single bytes and base + mark pairs.
pub(crate) struct Vni {
    single: [char; 256],
    pairs: HashMap<(u8, u8), char>,
    is_mark: [bool; 256],
}

pub(crate) static VNI: LazyLock<Vni> = LazyLock::new(|| {
    // Bundled and checked by `every_table_parses`: failing here is our bug.
    let table = parse_table("vni.tsv", VNI_TSV).expect("bundled encoding table");
    let mut single = [' '; 256];
    for (b, c) in single.iter_mut().enumerate() {
        *c = cp1252_byte(b as u8);
    }
    let mut pairs = HashMap::new();
    let mut is_mark = [false; 256];
    for (bytes, c) in table.entries {
        match bytes[..] {
            [b] => single[b as usize] = c,
            [b, m] => {
                pairs.insert((b, m), c);
                is_mark[m as usize] = true;
            }
            _ => {}
        }
    }
    Vni {
        single,
        pairs,
        is_mark,
    }
});

/// Whether a TCVN3 byte is a toned vowel whose upper-case form has no code of its own.
fn tcvn3_caseless(b: u8) -> bool {
    b >= 0xB5
        && TCVN3.mapped[b as usize]
        && syllable::letter(TCVN3.chars[b as usize])
            .is_some_and(|l| l.v > 0 && l.tone > 0 && !l.upper)
}

/// Decodes TCVN3 bytes. Upper-case toned letters share the lower-case codes (a capital font drew
/// them), so their case is restored from context: a word whose other letters are capitals is
/// upper case ("CéNG HßA" → "CỘNG HÒA"); a word with no other cased letter follows its line
/// ("Uû BAN" → "UỶ BAN", "Uû ban" → "Uỷ ban").
pub(crate) fn decode_tcvn3(bytes: &[u8]) -> String {
    let t = &*TCVN3;
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let line_upper = line_is_upper(line);
        let mut i = 0;
        while i < line.len() {
            let b = line[i];
            if !is_tcvn3_letter(b) {
                out.push(t.chars[b as usize]);
                i += 1;
                continue;
            }
            let start = i;
            while i < line.len() && is_tcvn3_letter(line[i]) {
                i += 1;
            }
            let word = &line[start..i];
            let upper = if word.iter().any(|&b| tcvn3_caseless(b)) {
                word_is_upper(word).unwrap_or(line_upper)
            } else {
                false
            };
            for &b in word {
                let c = t.chars[b as usize];
                if upper && tcvn3_caseless(b) {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
            }
        }
    }
    out
}

fn is_tcvn3_letter(b: u8) -> bool {
    b.is_ascii_alphabetic()
        || (b >= 0xA1 && TCVN3.mapped[b as usize] && TCVN3.chars[b as usize].is_alphabetic())
}

/// The case of a TCVN3 byte that has one: Some(true) upper, Some(false) lower.
fn tcvn3_case(b: u8) -> Option<bool> {
    if b.is_ascii_alphabetic() {
        return Some(b.is_ascii_uppercase());
    }
    if tcvn3_caseless(b) || !TCVN3.mapped[b as usize] {
        return None;
    }
    let c = TCVN3.chars[b as usize];
    if c.is_uppercase() {
        Some(true)
    } else if c.is_lowercase() {
        Some(false)
    } else {
        None
    }
}

/// Case of a word from its letters after the first (a capital initial says nothing).
fn word_is_upper(word: &[u8]) -> Option<bool> {
    let mut upper = 0;
    for &b in &word[1..] {
        match tcvn3_case(b) {
            Some(false) => return Some(false),
            Some(true) => upper += 1,
            None => {}
        }
    }
    if upper > 0 {
        return Some(true);
    }
    match tcvn3_case(word[0]) {
        Some(false) => Some(false),
        _ => None,
    }
}

/// Whether most cased letters of a line (word initials aside) are capitals.
fn line_is_upper(line: &[u8]) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    let mut prev_letter = false;
    for &b in line {
        let letter = is_tcvn3_letter(b);
        if letter && prev_letter {
            match tcvn3_case(b) {
                Some(true) => upper += 1,
                Some(false) => lower += 1,
                None => {}
            }
        }
        prev_letter = letter;
    }
    upper > lower
}

/// Decodes VNI-Windows bytes, longest match: a base letter and the mark byte after it make one
/// letter. A mark written in the other case than its base still counts ("Aù" → "Á").
pub(crate) fn decode_vni(bytes: &[u8]) -> String {
    let t = &*VNI;
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(&m) = bytes.get(i + 1) {
            if t.is_mark[m as usize] || t.is_mark[(m ^ 0x20) as usize] {
                let found = t.pairs.get(&(b, m)).or_else(|| t.pairs.get(&(b, m ^ 0x20)));
                if let Some(&c) = found {
                    out.push(c);
                    i += 2;
                    continue;
                }
            }
        }
        out.push(t.single[b as usize]);
        i += 1;
    }
    out
}

/// Decodes VISCII bytes.
pub(crate) fn decode_viscii(bytes: &[u8]) -> String {
    let t = &*VISCII;
    bytes.iter().map(|&b| t.chars[b as usize]).collect()
}

/// Decodes Windows-1258 (base letters + combining tone marks) and composes to NFC.
pub(crate) fn decode_cp1258(bytes: &[u8]) -> String {
    let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_parses() {
        for (name, tsv, min) in [
            ("tcvn3.tsv", TCVN3_TSV, 75),
            ("vni.tsv", VNI_TSV, 136),
            ("viscii.tsv", VISCII_TSV, 100),
        ] {
            let table = parse_table(name, tsv).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                table.entries.len() >= min,
                "{name}: {} entries",
                table.entries.len()
            );
            for (_, c) in &table.entries {
                let s = c.to_string();
                assert_eq!(s.nfc().collect::<String>(), s, "{name}: {c:?} not NFC");
            }
        }
    }

    #[test]
    fn worked_examples_decode() {
        assert_eq!(decode_tcvn3(&latin1("Uû ban nh©n d©n")), "Uỷ ban nhân dân");
        assert_eq!(decode_tcvn3(&latin1("Céng hßa")), "Cộng hòa");
        assert_eq!(decode_tcvn3(&latin1("CéNG HßA X· HéI")), "CỘNG HÒA XÃ HỘI");
        assert_eq!(decode_tcvn3(&latin1("Uû BAN NH¢N D¢N")), "UỶ BAN NHÂN DÂN");
        assert_eq!(decode_tcvn3(b"Ph\xad\xedc"), "Phước");
        assert_eq!(decode_vni(&latin1("Vieät Nam")), "Việt Nam");
        assert_eq!(decode_vni(&latin1("Phöôùc ñöôïc")), "Phước được");
        assert_eq!(decode_vni(&latin1("ÑAÛNG")), "ĐẢNG");
        assert_eq!(decode_cp1258(b"Vi\xea\xf2t"), "Việt");
    }

    fn latin1(s: &str) -> Vec<u8> {
        s.chars().map(|c| c as u32 as u8).collect()
    }
}
