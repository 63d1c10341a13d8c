//! NFC, with a fast path for text that already is NFC and a table composer for Vietnamese
//! letters written with combining marks (NFD text, "Unicode tổ hợp", Windows-1258 output).
//! Anything else goes through `unicode-normalization`.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::syllable::{self, A, AA, AW, E, EE, O, OO, OW, U, UW};

/// The combining class of the Vietnamese marks, without a table lookup.
#[inline]
fn ccc(c: char) -> u8 {
    if (c as u32) < 0x300 || (0x1E00..=0x1EFF).contains(&(c as u32)) {
        return 0;
    }
    match c {
        '\u{300}' | '\u{301}' | '\u{302}' | '\u{303}' | '\u{306}' | '\u{309}' => 230,
        '\u{31B}' => 216,
        '\u{323}' => 220,
        c => canonical_combining_class(c),
    }
}

/// Whether one character is NFC on its own and starts a new cluster (quick check Yes and
/// combining class 0): such characters never change under NFC whatever surrounds them, unless
/// a combining mark follows (which is checked separately).
#[inline]
pub(crate) fn is_stable(c: char) -> bool {
    let cp = c as u32;
    // Latin, Latin Extended Additional, general punctuation to currency signs (U+2000 and
    // U+2001 are singletons that NFC replaces, so the range starts at U+2002).
    if cp < 0x300 || (0x1E00..=0x1EFF).contains(&cp) || (0x2002..=0x20CF).contains(&cp) {
        return true;
    }
    is_stable_by_tables(c)
}

/// [`is_stable`] for the characters Vietnamese text seldom has, by the Unicode tables.
#[inline(never)]
fn is_stable_by_tables(c: char) -> bool {
    ccc(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Composes `text` to NFC; borrows when it already is. Vietnamese letter + marks are composed
/// from our tables; other mark sequences by `unicode-normalization`, and the whole text by it
/// when a starter itself is not NFC (Hangul jamo, compatibility singletons).
pub(crate) fn compose(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    let mut marks: Vec<char> = Vec::with_capacity(4);
    while i < b.len() {
        match b[i..].iter().position(|&x| x >= 0x80) {
            Some(p) => i += p,
            None => break,
        }
        let (cp, len) = syllable::decode_at(b, i);
        if cp < 0x300 || (0x1E00..=0x1EFF).contains(&cp) {
            i += len;
            continue;
        }
        let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
        if is_stable(c) {
            i += len;
            continue;
        }
        if ccc(c) == 0 {
            return Cow::Owned(text.nfc().collect());
        }
        let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
        // The base is the character before the marks: still in `text`, or already written.
        let base = match syllable::decode_before(b, i).filter(|&(_, start)| start >= copied) {
            Some((base, start)) => {
                buf.push_str(&text[copied..start]);
                char::from_u32(base)
            }
            None => buf.pop(),
        };
        marks.clear();
        let mut j = i;
        while j < b.len() {
            let (m, len) = syllable::decode_at(b, j);
            let m = char::from_u32(m).unwrap_or('\u{FFFD}');
            if ccc(m) == 0 {
                break;
            }
            marks.push(m);
            j += len;
        }
        match base.and_then(|base| compose_vietnamese(base, &marks)) {
            Some(v) => buf.push(v),
            None => buf.extend(base.into_iter().chain(marks.iter().copied()).nfc()),
        }
        copied = j;
        i = j;
    }
    super::finish_rewrite(out, text, copied)
}

/// A Vietnamese letter + combining marks → one precomposed letter, when NFC gives exactly that.
#[inline]
pub(crate) fn compose_vietnamese(base: char, marks: &[char]) -> Option<char> {
    let mut l = syllable::letter(base)?;
    if l.v == 0 {
        return None;
    }
    // Marks of class 230 compose in written order: a tone written before the circumflex or
    // breve blocks it ("a\u{301}\u{302}" stays "á\u{302}" in NFC). Dot below (220) and horn (216)
    // sort first, so they never block.
    let mut tone_230 = matches!(l.tone, 1..=4);
    for &m in marks {
        match m {
            '\u{302}' | '\u{306}' => {
                if tone_230 {
                    return None;
                }
                l.v = match (m, l.v) {
                    ('\u{302}', A) => AA,
                    ('\u{302}', E) => EE,
                    ('\u{302}', O) => OO,
                    ('\u{306}', A) => AW,
                    _ => return None,
                };
            }
            '\u{31B}' => {
                l.v = match l.v {
                    O => OW,
                    U => UW,
                    _ => return None,
                };
            }
            _ => {
                let tone = match m {
                    '\u{301}' => 1,
                    '\u{300}' => 2,
                    '\u{309}' => 3,
                    '\u{303}' => 4,
                    '\u{323}' => 5,
                    _ => return None,
                };
                if l.tone != 0 {
                    return None;
                }
                l.tone = tone;
                tone_230 |= tone != 5;
            }
        }
    }
    Some(l.to_char())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_like_the_reference() {
        for s in [
            "Vie\u{302}\u{323}t Nam",
            "Vie\u{323}\u{302}t",
            "ngu\u{31B}o\u{31B}\u{300}i",
            "a\u{301}\u{302}",
            "o\u{301}\u{31B}",
            "A\u{302}\u{301}",
            "\u{e2}\u{301}",
            "d\u{323}",
            "\u{301}lead",
            "x\u{304}",
            "Ω\u{2126}",
            "한\u{1100}\u{1161}",
        ] {
            let want: String = s.nfc().collect();
            assert_eq!(compose(s), want, "{s:?}");
        }
        assert!(matches!(compose("Việt Nam đã"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_vietnamese_letter_composes_from_nfd() {
        for rows in [syllable::LOWER, syllable::UPPER] {
            for row in rows {
                for c in row {
                    let nfd: String = c.to_string().nfd().collect();
                    assert_eq!(compose(&nfd), c.to_string());
                }
            }
        }
    }
}
