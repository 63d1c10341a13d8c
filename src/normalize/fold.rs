//! Folding for accent-insensitive matching: diacritics removed, đ/Đ → d/D, case kept.
//! A table maps each precomposed Latin letter (U+00C0–U+024F, U+1E00–U+1EFF) to its base
//! letter; combining marks (U+0300–U+036F) are dropped; every other character is kept.
//!
//! Every change shortens the text (a 2- or 3-byte letter becomes one ASCII byte, a mark
//! nothing), so [`fold`] writes into a buffer the size of its input, copies ASCII eight bytes at
//! a time and looks each other character up by its UTF-8 bytes, without decoding to `char`.

use std::borrow::Cow;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

/// Table entry: the character is kept as it is.
const KEEP: u8 = 0;
/// Table entry: the character (a combining mark) is dropped.
const DROP: u8 = 1;

const LATIN_START: u32 = 0xC0;
const LATIN_END: u32 = 0x250;
const MARKS: std::ops::RangeInclusive<u32> = 0x300..=0x36F;
const EXT_START: u32 = 0x1E00;
const EXT_END: u32 = 0x1F00;

/// What each character folds to: [`KEEP`], [`DROP`] or an ASCII letter. Indexed by the code
/// point for two-byte characters (U+0080–U+07FF), by [`EXT_INDEX`] + the low 8 bits for Latin
/// Extended Additional (E1 B8–BB xx); the last slot ([`OTHER`]) for every other character.
const EXT_INDEX: usize = 0x800;
const OTHER: usize = EXT_INDEX + 0x100;

fn base_of(c: char) -> char {
    match c {
        'đ' | 'ð' => return 'd',
        'Đ' | 'Ð' => return 'D',
        _ => {}
    }
    let s = c.to_string();
    let mut d = s.nfd();
    match (d.next(), d.all(|m| MARKS.contains(&(m as u32)))) {
        (Some(b), true) if b.is_ascii_alphabetic() && b != c => b,
        _ => '\0',
    }
}

fn entry(cp: u32) -> u8 {
    if MARKS.contains(&cp) {
        return DROP;
    }
    let folds = (LATIN_START..LATIN_END).contains(&cp) || (EXT_START..EXT_END).contains(&cp);
    match char::from_u32(cp).filter(|_| folds).map(base_of) {
        Some(b) if b != '\0' => b as u8,
        _ => KEEP,
    }
}

static TABLE: LazyLock<[u8; OTHER + 1]> = LazyLock::new(|| {
    let mut t = [KEEP; OTHER + 1];
    for cp in 0x80..0x800 {
        t[cp as usize] = entry(cp);
    }
    for cp in EXT_START..EXT_END {
        t[EXT_INDEX + (cp - EXT_START) as usize] = entry(cp);
    }
    t
});

/// Removes diacritics (đ → d), keeping case; borrows when nothing changes (ASCII text).
///
/// ```
/// assert_eq!(vanban::fold("Đảng ủy Thủy điện"), "Dang uy Thuy dien");
/// ```
pub fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let b = text.as_bytes();
    let n = b.len();
    let t = &*TABLE;
    // Slack for the fixed-size copies below (16 bytes of ASCII, 4 of a character).
    let mut out = vec![0u8; n + 16];
    // Read at `i`, write at `j <= i`: the output never outgrows the input.
    let (mut i, mut j) = (0, 0);
    let mut base = 0;
    while base < n {
        let end = (base + 64).min(n);
        let mut leads = super::lead_bytes(&b[base..end]);
        while leads != 0 {
            let at = base + leads.trailing_zeros() as usize;
            leads &= leads - 1;
            // The ASCII since the last character: short in Vietnamese, so one 16-byte copy.
            let gap = at - i;
            match (
                b.get(i..i + 16).and_then(|s| <&[u8; 16]>::try_from(s).ok()),
                gap <= 16,
            ) {
                (Some(src), true) => copy_array(&mut out[j..], src),
                _ => copy_long(&mut out[j..], &b[i..at]),
            }
            j += gap;
            i = at;
            // One character, without branching on its length: Vietnamese mixes two- and
            // three-byte letters at random. `text` is valid UTF-8, so the lead byte gives it.
            let x = b[i];
            let y = b.get(i + 1).map_or(0, |&y| y as usize);
            let z = b.get(i + 2).map_or(0, |&z| z as usize);
            let len = 2 + usize::from(x >= 0xE0) + usize::from(x >= 0xF0);
            let two = ((x as usize & 0x1F) << 6) | (y & 0x3F);
            let ext = EXT_INDEX + (((y & 0x03) << 6) | (z & 0x3F));
            let slot = if len == 2 {
                two
            } else if x == 0xE1 && (y & 0xFC) == 0xB8 {
                ext
            } else {
                OTHER
            };
            let folded = t[slot];
            match b.get(i..i + 4).and_then(|s| <&[u8; 4]>::try_from(s).ok()) {
                Some(src) => copy_array(&mut out[j..], src),
                None => copy_long(&mut out[j..], &b[i..i + len]),
            }
            out[j] = if folded > DROP { folded } else { x };
            j += match folded {
                KEEP => len,
                DROP => 0,
                _ => 1,
            };
            i += len;
        }
        base = end;
    }
    out[j..j + (n - i)].copy_from_slice(&b[i..]);
    j += n - i;
    if j == n {
        return Cow::Borrowed(text);
    }
    out.truncate(j);
    // Whole characters were copied or replaced by ASCII, so this is UTF-8; the fallback only
    // keeps a bug from panicking.
    Cow::Owned(
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// Copies `src` to the start of `out` as one load and one store: a copy of a fixed size, kept
/// apart from [`copy_long`] so that the compiler cannot merge the two into one call to
/// `memcpy`.
#[inline(always)]
fn copy_array<const N: usize>(out: &mut [u8], src: &[u8; N]) {
    if let Some(Ok(to)) = out.get_mut(..N).map(<&mut [u8; N]>::try_from) {
        *to = *src;
    }
}

/// Copies `src` to the start of `out` in 16-byte pieces, the last one overlapping the one
/// before (a run of ASCII is seldom long enough to be worth a call to `memcpy`).
#[inline(never)]
fn copy_long(out: &mut [u8], src: &[u8]) {
    let n = src.len();
    if n < 16 {
        out[..n].copy_from_slice(src);
        return;
    }
    let mut k = 0;
    while k + 16 < n {
        out[k..k + 16].copy_from_slice(&src[k..k + 16]);
        k += 16;
    }
    out[n - 16..n].copy_from_slice(&src[n - 16..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese_and_keeps_case() {
        assert_eq!(fold("Đảng ủy Thủy điện"), "Dang uy Thuy dien");
        assert_eq!(
            fold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "CONG HOA XA HOI CHU NGHIA VIET NAM"
        );
        assert_eq!(fold("Vie\u{302}\u{323}t"), "Viet");
        assert_eq!(fold("“Ðiều 1” – 50%"), "“Dieu 1” – 50%");
        assert!(matches!(fold("04-QC/BTGTU"), Cow::Borrowed(_)));
        assert!(matches!(fold("“quoted” — 1/2"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_vietnamese_letter_folds_to_ascii() {
        for rows in [super::super::syllable::LOWER, super::super::syllable::UPPER] {
            for row in rows {
                for c in row {
                    let f = fold_owned(c);
                    assert!(f.is_ascii() && f.len() == 1, "{c} → {f}");
                }
            }
        }
    }

    fn fold_owned(c: char) -> String {
        fold(&c.to_string()).into_owned()
    }

    /// The rule of the module doc, one `char` at a time: the reference for the byte tables.
    fn fold_by_char(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            let cp = c as u32;
            if MARKS.contains(&cp) {
                continue;
            }
            let folds =
                (LATIN_START..LATIN_END).contains(&cp) || (EXT_START..EXT_END).contains(&cp);
            match base_of(c) {
                b if folds && b != '\0' => out.push(b),
                _ => out.push(c),
            }
        }
        out
    }

    #[test]
    fn byte_tables_agree_with_the_rule_on_every_character() {
        // Each character alone, between ASCII, and at every offset from the 8-byte blocks.
        let all: Vec<char> = (0x80..0x3_0000).filter_map(char::from_u32).collect();
        for &c in &all {
            for s in [
                c.to_string(),
                format!("ab{c}cdefghijk{c}"),
                format!("{c}{c}"),
            ] {
                assert_eq!(fold(&s), fold_by_char(&s), "U+{:04X}", c as u32);
            }
        }
        let mixed: String = all.iter().step_by(7).collect();
        for skip in 0..9 {
            let s: String = "x".repeat(skip) + &mixed;
            assert_eq!(fold(&s), fold_by_char(&s));
        }
    }

    #[test]
    fn byte_tables_agree_with_the_rule_on_the_corpus() {
        let mut seen = 0;
        for dir in ["../shared/corpus/seeds", "../shared/corpus/dev"] {
            for (path, text) in crate::testing::texts_in(dir, true) {
                let nfd: String = text.nfd().collect();
                for t in [&text, &nfd] {
                    let got = fold(t);
                    assert_eq!(got, fold_by_char(t), "{}", path.display());
                    assert_eq!(matches!(got, Cow::Borrowed(_)), got == **t);
                }
                seen += 1;
            }
        }
        assert!(seen >= 100, "{seen} documents");
    }
}
