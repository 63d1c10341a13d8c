//! Tone-mark style: moves the tone mark of each Vietnamese syllable to where the chosen style
//! puts it (hòa/hoà, thủy/thuỷ), by the syllable rule in [`super::syllable`], never by
//! rewriting substrings. Words that are not syllables (English, codes) are left alone.

use std::borrow::Cow;

use super::syllable::{self, Letter, A, E, I, O, OW, U, UW, Y};
use crate::options::Tone;

#[inline]
fn is_plain(v: u8) -> bool {
    matches!(v, A | E | I | O | U | Y)
}

/// The word (run of Vietnamese letters) around byte `at`.
pub(crate) fn word_bounds(text: &str, at: usize) -> (usize, usize) {
    word_bounds_in(text.as_bytes(), at)
}

/// [`word_bounds`] in valid UTF-8 bytes.
pub(crate) fn word_bounds_in(b: &[u8], at: usize) -> (usize, usize) {
    let is_letter = |cp: u32| syllable::packed(cp) != 0;
    let mut start = at;
    while let Some((cp, s)) = syllable::decode_before(b, start) {
        if !is_letter(cp) {
            break;
        }
        start = s;
    }
    let mut end = at;
    while end < b.len() {
        let (cp, len) = syllable::decode_at(b, end);
        if !is_letter(cp) {
            break;
        }
        end += len;
    }
    (start, end)
}

/// For a marked vowel `l` at byte `at` (`len` bytes): whether its word's mark is misplaced for
/// `style`. Most words are settled from the neighbouring letters alone; the rest are parsed.
///
/// Only a marked plain vowel (a e i o u y) next to another vowel, or a marked ư before ơ, can
/// be misplaced: a marked â ê ô ă ơ is right in every cluster (research §5.2 rules 2–3).
#[inline]
pub(crate) fn misplaced_at(text: &str, at: usize, len: usize, l: Letter, style: Tone) -> bool {
    match settled_at(text.as_bytes(), at, len, l, style) {
        Some(misplaced) => misplaced,
        None => full_check(text, at, style),
    }
}

/// [`misplaced_at`] from the neighbouring letters alone: `None` when only parsing the word
/// can tell (and then the mark is misplaced exactly when [`syllable::needs_retone`] says so).
#[inline]
pub(crate) fn settled_at(b: &[u8], at: usize, len: usize, l: Letter, style: Tone) -> Option<bool> {
    if l.tone == 0 || !(is_plain(l.v) || l.v == UW) {
        return Some(false);
    }
    if let Some(settled) = settled_by_ascii(b, at, len, l, style) {
        return Some(settled);
    }
    let (next_cp, next_len) = syllable::decode_at(b, at + len);
    let next = syllable::packed(next_cp);
    let next_v = syllable::packed_vowel(next);
    if l.v == UW {
        return if next_v == OW { None } else { Some(false) };
    }
    let before = syllable::decode_before(b, at);
    let prev = before.map_or(0, |(cp, _)| syllable::packed(cp));
    let prev_v = syllable::packed_vowel(prev);
    if prev_v == 0 && next_v == 0 {
        return Some(false);
    }
    if prev_v == 0 {
        // Marked first of two vowels: with no qu/gi before and nothing after the second, an
        // open two-vowel cluster; old style is right, new style moves it in oa, oe, uy. The
        // letter before starts qu/gi only when the marked letter is that u/i ("ngày" is no
        // gi).
        let n = syllable::unpack(next);
        let c = if prev != 0 {
            syllable::unpack(prev).c
        } else {
            0
        };
        let qg = (c == b'q' && l.v == U) || (c == b'g' && l.v == I);
        let after = syllable::packed(syllable::decode_at(b, at + len + next_len).0);
        let new_pair = style == Tone::New && matches!((l.v, n.v), (O, A) | (O, E) | (U, Y));
        if !is_plain(n.v) || n.tone != 0 || qg || after != 0 || new_pair {
            None
        } else {
            Some(false)
        }
    } else if next_v == 0 {
        // Marked second of two vowels.
        let p = syllable::unpack(prev);
        let pp = before
            .and_then(|(_, s)| syllable::decode_before(b, s))
            .map_or(0, |(cp, _)| syllable::packed(cp));
        let pp = syllable::unpack(pp);
        // Right when closed (the second vowel, or the only vowel after qu/gi), after qu/gi,
        // or in the new style's open oa, oe, uy.
        let closed = next != 0;
        let qu_gi = (pp.c == b'q' && p.v == U) || (pp.c == b'g' && p.v == I);
        let new_pair = style == Tone::New && matches!((p.v, l.v), (O, A) | (O, E) | (U, Y));
        if !is_plain(p.v) || p.tone != 0 || pp.v > 0 {
            None
        } else if closed || qu_gi || new_pair {
            Some(false)
        } else {
            None
        }
    } else {
        None
    }
}

/// [`misplaced_at`]'s local rules for the common case of ASCII letters (or none) around the
/// marked vowel, read from the bytes: `Some(false)` when they settle the mark as in place,
/// `None` when the general rules must decide.
#[inline(always)]
pub(crate) fn settled_by_ascii(
    b: &[u8],
    at: usize,
    len: usize,
    l: Letter,
    style: Tone,
) -> Option<bool> {
    let byte = |i: Option<usize>| i.and_then(|i| b.get(i)).copied().unwrap_or(b' ');
    let (prev, next) = (byte(at.checked_sub(1)), byte(Some(at + len)));
    if prev >= 0x80 || next >= 0x80 {
        return None;
    }
    let vowel = |x: u8| matches!(x | 0x20, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let (prev_v, next_v) = (vowel(prev), vowel(next));
    // No vowel beside it, or a ư with no ơ after it.
    if (!prev_v && !next_v) || l.v == UW {
        return Some(false);
    }
    let (p, n) = (prev | 0x20, next | 0x20);
    if !prev_v {
        // Marked first of an open pair: no qu/gi, no letter after the pair, and in the new
        // style not o+a, o+e, u+y.
        let after = byte(Some(at + len + 1));
        let qg = (p == b'q' && l.v == U) || (p == b'g' && l.v == I);
        let new_pair = style == Tone::New && matches!((l.v, n), (O, b'a') | (O, b'e') | (U, b'y'));
        let settled = after < 0x80 && !after.is_ascii_alphabetic() && !qg && !new_pair;
        return settled.then_some(false);
    }
    if next_v {
        return None;
    }
    // Marked second of two after a non-vowel: in place when closed, after qu/gi, or in the
    // new style's open o+a, o+e, u+y.
    let before = byte(at.checked_sub(2));
    if before >= 0x80 || vowel(before) {
        return None;
    }
    let pp = before | 0x20;
    let closed = next.is_ascii_alphabetic();
    let qu_gi = (pp == b'q' && p == b'u') || (pp == b'g' && p == b'i');
    let new_pair = style == Tone::New && matches!((p, l.v), (b'o', A) | (b'o', E) | (b'u', Y));
    (closed || qu_gi || new_pair).then_some(false)
}

fn full_check(text: &str, at: usize, style: Tone) -> bool {
    let (s, e) = word_bounds(text, at);
    syllable::needs_retone(&text[s..e], style)
}

/// The next word at or after byte `from` whose tone mark `style` moves.
fn next_misplaced(text: &str, mut from: usize, style: Tone) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    while from < b.len() {
        let p = from + b[from..].iter().position(|&x| x >= 0x80)?;
        let (cp, len) = syllable::decode_at(b, p);
        from = p + len;
        let packed = syllable::packed(cp);
        if syllable::may_misplace(packed)
            && misplaced_at(text, p, len, syllable::unpack(packed), style)
        {
            return Some(word_bounds(text, p));
        }
    }
    None
}

/// Puts every syllable's tone mark where `style` wants it; borrows when none moves.
pub(crate) fn restyle(text: &str, style: Tone) -> Cow<'_, str> {
    let Some(mut word) = next_misplaced(text, 0, style) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    loop {
        let (s, e) = word;
        out.push_str(&text[copied..s]);
        if !syllable::retone_into(&text[s..e], style, &mut out) {
            out.push_str(&text[s..e]);
        }
        copied = e;
        match next_misplaced(text, e, style) {
            Some(w) => word = w,
            None => break,
        }
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restyles_whole_sentences() {
        let old = "Ủy ban hòa giải, sức khỏe, thủy lợi; quý, hoàn, suýt, khuỷu, thuở, giữa, quạ.";
        let new = "Uỷ ban hoà giải, sức khoẻ, thuỷ lợi; quý, hoàn, suýt, khuỷu, thuở, giữa, quạ.";
        assert_eq!(restyle(old, Tone::New), new);
        assert_eq!(restyle(new, Tone::Old), old);
        assert!(matches!(restyle(old, Tone::Old), Cow::Borrowed(_)));
        assert!(matches!(restyle(new, Tone::New), Cow::Borrowed(_)));
    }

    #[test]
    fn local_decisions_agree_with_the_parser() {
        // Every cluster word with the mark on each vowel, after assorted onsets and codas.
        let words = [
            "hòa", "hoà", "hoàn", "hòan", "của", "cuả", "quá", "qúa", "già", "gìa", "giải", "giaỉ",
            "ngoài", "ngòai", "thủy", "thuỷ", "quý", "qúy", "khuỷu", "khủyu", "tài", "taì", "kìa",
            "kià", "hoạt", "họat", "khỏe", "khoẻ", "Ủy", "Uỷ", "người", "ngừơi", "được", "đựơc",
            "suýt", "súyt", "tuổi", "xoáy", "xóay", "ngày", "ngaỳ", "gìa", "gịa", "qùa", "quà",
            "gìn", "gỉa", "Ngày", "NGÀY", "QÙA", "GÌA", "gỏa", "qỏa", "ngòai", "ngoài",
        ];
        for w in words {
            for style in [Tone::Old, Tone::New] {
                let (at, c) = w
                    .char_indices()
                    .find(|(_, c)| syllable::letter(*c).is_some_and(|l| l.tone > 0))
                    .unwrap_or((0, 'a'));
                let l = syllable::letter(c).unwrap_or_default();
                assert_eq!(
                    misplaced_at(w, at, c.len_utf8(), l, style),
                    syllable::needs_retone(w, style),
                    "{w} {style:?}"
                );
            }
        }
    }

    #[test]
    fn leaves_non_syllables_alone() {
        for s in ["COVID-19 hoà", "email: hoà@x.vn", "Đắk Lắk", "naïve"] {
            let once = restyle(s, Tone::Old);
            assert_eq!(restyle(&once, Tone::Old), once);
        }
        assert_eq!(restyle("Đắk Lắk", Tone::Old), "Đắk Lắk");
    }
}
