//! Spaces and lines: line endings, invisible and non-breaking spaces, soft hyphens, the Ð
//! look-alike, and syllables split by a line break.
//!
//! What changes (and nothing else: runs of spaces and blank lines are kept, because the
//! extractor reads the two-column header and the signature block from the line layout):
//! - CRLF and lone CR, U+2028/U+2029 → LF;
//! - a tab → two spaces (one space would glue the columns of a tab-aligned header together);
//! - NBSP and the other Unicode space characters (U+2000–U+200A, U+202F, U+205F, U+3000,
//!   U+1680) → one space;
//! - zero-width space, word joiner, BOM, LRM/RLM and soft hyphen → removed;
//! - U+00D0 Ð / U+00F0 ð (Icelandic eth) → Đ / đ inside a Vietnamese syllable ("Ðảng") or an
//!   upper-case code ("QÐ-UBND");
//! - a syllable split by a line break ("T\nham mưu") → joined, when one half is not a syllable
//!   and the joined word is ([`break_join`]).

use std::borrow::Cow;

use super::syllable;

/// What [`clean_spaces`] does with one character, if anything.
#[inline]
pub(crate) fn space_rule(c: char) -> Option<&'static str> {
    match c {
        '\r' | '\u{2028}' | '\u{2029}' => Some("\n"),
        '\t' => Some("  "),
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{1680}' => {
            Some(" ")
        }
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{200E}' | '\u{200F}' | '\u{AD}' => Some(""),
        _ => None,
    }
}

/// Applies the character rules above; borrows when nothing changes.
pub(crate) fn clean_spaces(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    let rare = has_rare(text);
    while let Some(p) = first_space_rule(&text[i..], rare).map(|p| p + i) {
        let Some(c) = text[p..].chars().next() else {
            break;
        };
        i = p + c.len_utf8();
        let replacement = match c {
            // CRLF → LF: drop the CR; a lone CR becomes LF.
            '\r' if text.as_bytes().get(i) == Some(&b'\n') => "",
            'Ð' | 'ð' if !eth_is_dd(text, p) => continue,
            'Ð' => "Đ",
            'ð' => "đ",
            c => match space_rule(c) {
                Some(r) => r,
                None => continue,
            },
        };
        let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
        buf.push_str(&text[copied..p]);
        buf.push_str(replacement);
        copied = i;
    }
    super::finish_rewrite(out, text, copied)
}

/// Whether `text` has Ð, ð or U+1680, whose lead bytes C3 and E1 [`first_space_rule`] then
/// has to look at (they lead most Vietnamese letters, so it skips them otherwise).
pub(crate) fn has_rare(text: &str) -> bool {
    ["Ð", "ð", "\u{1680}"]
        .iter()
        .any(|s| memchr::memmem::find(text.as_bytes(), s.as_bytes()).is_some())
}

/// The first character a space rule or the eth rule may change, by a byte scan: CR, tab, or
/// one of the lead + second byte pairs of NBSP, soft hyphen, Ð, ð, U+1680, U+2000–U+2060,
/// U+3000, U+FEFF. Vietnamese letters (C3 xx, E1 BA/BB xx) are passed over without decoding.
pub(crate) fn first_space_rule(text: &str, rare: bool) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        i += if rare {
            b[i..].iter().position(|&x| {
                matches!(x, b'\r' | b'\t' | 0xC2 | 0xC3 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
            })?
        } else {
            b[i..]
                .iter()
                .position(|&x| matches!(x, b'\r' | b'\t' | 0xC2 | 0xE2 | 0xE3 | 0xEF))?
        };
        let second = b.get(i + 1).copied().unwrap_or(0);
        let candidate = match b[i] {
            b'\r' | b'\t' => return Some(i),
            0xC2 => matches!(second, 0xA0 | 0xAD),
            0xC3 => matches!(second, 0x90 | 0xB0),
            0xE1 => second == 0x9A,
            0xE2 => matches!(second, 0x80 | 0x81),
            0xE3 => second == 0x80,
            _ => second == 0xBB,
        };
        if candidate {
            let c = text[i..].chars().next()?;
            if space_rule(c).is_some() || c == 'Ð' || c == 'ð' {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

fn is_word_char(c: char) -> bool {
    syllable::letter(c).is_some() || c.is_alphabetic()
}

/// For [`break_join`]: reading the word from byte `at` away from a line break (forward, or
/// backward from its end), whether it has a vowel before its end, and whether the letter at
/// the break is one; `None` at a letter that is no Vietnamese letter.
#[inline(always)]
fn nearest_vowel(bytes: &[u8], mut at: usize, forward: bool) -> Option<(bool, bool)> {
    // ASCII letters (most words at a line's ends start and end with them) by their bytes.
    let mut first = true;
    loop {
        let x = if forward {
            bytes.get(at)
        } else {
            at.checked_sub(1).and_then(|k| bytes.get(k))
        };
        match x {
            None => return Some((false, false)),
            Some(&x) if x < 0x80 => {
                if !x.is_ascii_alphabetic() {
                    return Some((false, false));
                }
                if super::clean::MAY_BE_VOWEL[x as usize] {
                    return Some((true, first));
                }
            }
            Some(_) => return nearest_vowel_decoding(bytes, at, forward, first),
        }
        first = false;
        at = if forward { at + 1 } else { at - 1 };
    }
}

/// [`nearest_vowel`] from a non-ASCII character on; `first` when it is the letter at the break.
fn nearest_vowel_decoding(
    bytes: &[u8],
    mut at: usize,
    forward: bool,
    mut first: bool,
) -> Option<(bool, bool)> {
    loop {
        let (cp, next) = if forward {
            match bytes.get(at) {
                None => return Some((false, false)),
                Some(&x) if x < 0x80 => (u32::from(x), at + 1),
                Some(_) => {
                    let (cp, len) = syllable::decode_at(bytes, at);
                    (cp, at + len)
                }
            }
        } else {
            match syllable::decode_before(bytes, at) {
                None => return Some((false, false)),
                Some(found) => found,
            }
        };
        match word_letter(cp)? {
            None => return Some((false, false)),
            Some(l) if l.v > 0 => return Some((true, first)),
            Some(_) => {}
        }
        first = false;
        at = next;
    }
}

/// For [`break_join`]: `Some(Some(letter))` for a Vietnamese letter, `Some(None)` for a
/// character that ends a word, `None` for another letter (the word is no syllable).
#[inline(always)]
fn word_letter(cp: u32) -> Option<Option<syllable::Letter>> {
    let packed = syllable::packed(cp);
    if packed != 0 {
        return Some(Some(syllable::unpack(packed)));
    }
    match char::from_u32(cp) {
        Some(c) if cp >= 0x80 && c.is_alphabetic() => None,
        _ => Some(None),
    }
}

/// Whether the eth at byte `at` stands for Đ: its word (with Đ in its place) is a Vietnamese
/// syllable, or the word is an upper-case code of two or more letters.
pub(crate) fn eth_is_dd(text: &str, at: usize) -> bool {
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| at + i);
    let word: String = text[start..end]
        .chars()
        .map(|c| match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            c => c,
        })
        .collect();
    if syllable::is_syllable(&word) {
        return true;
    }
    word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase())
}

/// For the line break at byte `nl` (a `\n`), the bytes to remove, if the break splits a
/// syllable: `(left_end, right_start)`, from the end of the left half (spaces before the break
/// go too) to just after the `\n`. Joins when the halves are
/// not both syllables, the joined word is one, and its case is one word's case ("T" + "ham").
pub(crate) fn break_join(text: &str, nl: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut left_end = nl;
    while left_end > 0 && bytes[left_end - 1] == b' ' {
        left_end -= 1;
    }
    // Most lines end or start with punctuation, a digit or a space: settled from the bytes.
    let ascii_non_letter = |x: u8| x < 0x80 && !x.is_ascii_alphabetic();
    if left_end == 0
        || ascii_non_letter(bytes[left_end - 1])
        || bytes.get(nl + 1).is_none_or(|&x| ascii_non_letter(x))
    {
        return None;
    }
    let right_start = nl + 1;
    // Most candidates are two words: settled by the letters up to the nearest vowel on each
    // side (the rule below, read without collecting the halves).
    let (left_vowel, left_meets) = nearest_vowel(bytes, left_end, false)?;
    let (right_vowel, right_meets) = nearest_vowel(bytes, right_start, true)?;
    if left_vowel && right_vowel && !(left_meets && right_meets) {
        return None;
    }
    // The halves' letters, read by bytes: the right half forwards, then the left half
    // backwards from its end into the front of `letters`. Either half empty, a word character
    // that is no Vietnamese letter, or more letters than a syllable has: no join. Nor when
    // both halves have vowels that do not meet at the break, because a syllable's vowels are
    // one run (the u of qu and the i of gi run into it): "DÂN" + "TỈNH", "bổ" + "sung".
    let mut right = [syllable::Letter::default(); syllable::MAX_LETTERS];
    let mut nr = 0;
    let mut at = right_start;
    while let Some(&x) = bytes.get(at) {
        let (cp, len) = if x < 0x80 {
            (u32::from(x), 1)
        } else {
            syllable::decode_at(bytes, at)
        };
        let Some(l) = word_letter(cp)? else {
            break;
        };
        if nr == syllable::MAX_LETTERS {
            return None;
        }
        right[nr] = l;
        nr += 1;
        at += len;
    }
    let right = &right[..nr];
    let right_vowel = right.iter().any(|l| l.v > 0);
    let meets = right.first().is_some_and(|l| l.v > 0);
    let mut letters = [syllable::Letter::default(); syllable::MAX_LETTERS];
    let mut nl_left = 0;
    let mut at = left_end;
    while let Some(&x) = at.checked_sub(1).and_then(|k| bytes.get(k)) {
        let (cp, start) = if x < 0x80 {
            (u32::from(x), at - 1)
        } else {
            match syllable::decode_before(bytes, at) {
                Some(found) => found,
                None => break,
            }
        };
        let Some(l) = word_letter(cp)? else {
            break;
        };
        if nl_left + nr == syllable::MAX_LETTERS {
            return None;
        }
        // A vowel on the left that cannot run into the right half's vowels.
        if right_vowel && l.v > 0 && !(meets && letters[..nl_left].iter().all(|l| l.v > 0)) {
            return None;
        }
        letters[nl_left] = l;
        nl_left += 1;
        at = start;
    }
    if nl_left == 0 || nr == 0 {
        return None;
    }
    letters[..nl_left].reverse();
    letters[nl_left..nl_left + nr].copy_from_slice(right);
    let n = nl_left + nr;
    let joined = &letters[..n];
    // One word's case: all capitals, or only the first letter a capital.
    let all_upper = joined.iter().all(|l| l.upper);
    let rest_lower = joined[1..].iter().all(|l| !l.upper);
    if !(all_upper || rest_lower) {
        return None;
    }
    syllable::parse(joined)?;
    if syllable::parse(&joined[..nl_left]).is_some()
        && syllable::parse(&joined[nl_left..]).is_some()
    {
        return None;
    }
    Some((left_end, right_start))
}

/// Joins syllables split by a line break; borrows when there are none. Repeats until no break
/// joins, so that the result is stable ("T\nh\nam" → "Tham").
pub(crate) fn repair_breaks(text: &str) -> Cow<'_, str> {
    let mut current = Cow::Borrowed(text);
    loop {
        let next = repair_once(&current);
        match next {
            Cow::Borrowed(_) => return current,
            Cow::Owned(s) => current = Cow::Owned(s),
        }
    }
}

/// Whether the line feed at byte `nl` has a letter (or another non-ASCII character) after
/// it: [`break_join`]'s first test, to save the call at most line feeds.
#[inline]
pub(crate) fn letter_after(bytes: &[u8], nl: usize) -> bool {
    bytes
        .get(nl + 1)
        .is_some_and(|&x| x >= 0x80 || x.is_ascii_alphabetic())
}

/// Whether [`repair_breaks`] changes `text`, asking only about the line feeds at `breaks`,
/// which must include every line feed with a letter after it.
pub(crate) fn joins_any(text: &str, breaks: &[usize]) -> bool {
    let bytes = text.as_bytes();
    breaks
        .iter()
        .any(|&nl| letter_after(bytes, nl) && break_join(text, nl).is_some())
}

fn repair_once(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let bytes = text.as_bytes();
    for nl in memchr::memchr_iter(b'\n', bytes) {
        if nl < copied || !letter_after(bytes, nl) {
            continue;
        }
        if let Some((left_end, right_start)) = break_join(text, nl) {
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            buf.push_str(&text[copied..left_end]);
            copied = right_start;
        }
    }
    super::finish_rewrite(out, text, copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_and_line_endings() {
        assert_eq!(clean_spaces("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(clean_spaces("a\u{A0}b\u{200B}c\u{AD}d\te"), "a bcd  e");
        assert_eq!(
            clean_spaces("Ðảng và QÐ-UBND, Ðiều 1"),
            "Đảng và QĐ-UBND, Điều 1"
        );
        assert_eq!(clean_spaces("Guðrún Ðórðardóttir"), "Guðrún Ðórðardóttir");
        assert!(matches!(
            clean_spaces("Số 04-QC/BTGTU   ngày\n\n"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn split_syllables_are_joined_only_when_the_halves_are_not_words() {
        assert_eq!(repair_breaks("Ban T\nham mưu"), "Ban Tham mưu");
        assert_eq!(
            repair_breaks("Ủy ban nhân dân t  \nỉnh Bình Định"),
            "Ủy ban nhân dân tỉnh Bình Định"
        );
        assert_eq!(repair_breaks("T\nh\nam"), "Tham");
        for kept in [
            "Việt\nNam",
            "UBND\ntỉnh",
            "số 12\nngày",
            "QĐ-U\nBND",
            "Cộng hòa\nXã hội",
            "TỈNH ỦY\nBAN TUYÊN GIÁO",
            "Tr\nHam",
        ] {
            assert_eq!(repair_breaks(kept), kept);
        }
    }
}
