//! Folding for accent-insensitive matching: diacritics removed, đ/Đ → d/D, case kept.
//! A table maps each precomposed Latin letter (U+00C0–U+024F, U+1E00–U+1EFF) to its base
//! letter; combining marks are dropped; every other character is kept.

use std::borrow::Cow;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

const LATIN_START: u32 = 0xC0;
const LATIN_END: u32 = 0x250;
const EXT_START: u32 = 0x1E00;
const EXT_END: u32 = 0x1F00;

/// Base letters of the two Latin blocks; '\0' where the character folds to itself.
struct FoldTable {
    latin: Vec<char>,
    ext: Vec<char>,
}

fn base_of(c: char) -> char {
    match c {
        'đ' | 'ð' => return 'd',
        'Đ' | 'Ð' => return 'D',
        _ => {}
    }
    let s = c.to_string();
    let mut d = s.nfd();
    match (d.next(), d.all(|m| ('\u{300}'..='\u{36F}').contains(&m))) {
        (Some(b), true) if b.is_ascii_alphabetic() && b != c => b,
        _ => '\0',
    }
}

static TABLE: LazyLock<FoldTable> = LazyLock::new(|| FoldTable {
    latin: (LATIN_START..LATIN_END)
        .map(|cp| char::from_u32(cp).map_or('\0', base_of))
        .collect(),
    ext: (EXT_START..EXT_END)
        .map(|cp| char::from_u32(cp).map_or('\0', base_of))
        .collect(),
});

/// What `c` folds to: `Some(None)` dropped (a combining mark), `Some(Some(b))` replaced, `None`
/// kept.
#[inline]
fn fold_char(c: char, t: &FoldTable) -> Option<Option<char>> {
    let cp = c as u32;
    let b = if (LATIN_START..LATIN_END).contains(&cp) {
        t.latin[(cp - LATIN_START) as usize]
    } else if (EXT_START..EXT_END).contains(&cp) {
        t.ext[(cp - EXT_START) as usize]
    } else if (0x300..=0x36F).contains(&cp) {
        return Some(None);
    } else {
        '\0'
    };
    if b == '\0' {
        None
    } else {
        Some(Some(b))
    }
}

/// Removes diacritics (đ → d), keeping case; borrows when nothing changes (ASCII text).
///
/// ```
/// assert_eq!(vanban::fold("Đảng ủy Thủy điện"), "Dang uy Thuy dien");
/// ```
pub fn fold(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let t = &*TABLE;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i..].iter().position(|&x| x >= 0x80) {
            Some(p) => i += p,
            None => break,
        }
        let (cp, len) = super::syllable::decode_at(b, i);
        if let Some(folded) = char::from_u32(cp).and_then(|c| fold_char(c, t)) {
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            buf.push_str(&text[copied..i]);
            if let Some(f) = folded {
                buf.push(f);
            }
            copied = i + len;
        }
        i += len;
    }
    match out {
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(text),
    }
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
}
