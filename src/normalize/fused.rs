//! One pass for the common kinds of dirty text (NFD or "Unicode tổ hợp" letters, CRLF, tabs,
//! NBSP, the other tone style): composes Vietnamese letters written with combining marks,
//! applies the character rules of [`super::lines`], and restyles each word's tone mark as soon
//! as the word ends, writing the result once, with unchanged stretches copied verbatim.
//!
//! It gives up (`None`, and the caller runs the stage-by-stage pipeline) on anything rarer,
//! where the order of the stages matters: the eth (decided from its word after composition),
//! marks that are not Vietnamese or follow a replaced character, starters that are not NFC.
//! Line-break repair runs after it, and is rare: when it joins anything, the caller runs this
//! pass again without the tone style, then the repair, then [`tone::restyle`], in the
//! pipeline's order (a chain of joins can make a word that is no syllable, whose halves
//! restyled alone would differ).

use std::borrow::Cow;
use std::sync::LazyLock;

use super::syllable;
use super::{lines, nfc, tone};
use crate::options::Tone;

/// The Vietnamese combining marks [`nfc::compose_vietnamese`] knows: grave, acute, circumflex,
/// tilde, breve, hook above, horn, dot below.
#[inline]
fn is_vietnamese_mark(cp: u32) -> bool {
    matches!(
        cp,
        0x300 | 0x301 | 0x302 | 0x303 | 0x306 | 0x309 | 0x31B | 0x323
    )
}

/// The code point starting at byte `i` of valid UTF-8 and its length, inlined for the common
/// one- to three-byte characters.
#[inline(always)]
fn decode(b: &[u8], i: usize) -> (u32, usize) {
    let x = b.get(i).map_or(0, |&x| x as u32);
    let byte = |k: usize| b.get(i + k).map_or(0, |&y| (y & 0x3F) as u32);
    match x {
        0..=0x7F => (x, 1),
        0xC0..=0xDF => ((x & 0x1F) << 6 | byte(1), 2),
        0xE0..=0xEF => ((x & 0x0F) << 12 | byte(1) << 6 | byte(2), 3),
        _ => syllable::decode_at(b, i),
    }
}

/// The Vietnamese combining marks in [`is_vietnamese_mark`]'s order, by the second byte of
/// their UTF-8 form (CC 80, CC 81, …); [`NO_MARK`] for every other second byte.
const MARK_INDEX: [u8; 64] = {
    let mut t = [NO_MARK; 64];
    let seconds = [0x80, 0x81, 0x82, 0x83, 0x86, 0x89, 0x9B, 0xA3];
    let mut k = 0;
    while k < seconds.len() {
        t[seconds[k] & 0x3F] = k as u8;
        k += 1;
    }
    t
};
const NO_MARK: u8 = 8;
const MARKS: [char; 8] = [
    '\u{300}', '\u{301}', '\u{302}', '\u{303}', '\u{306}', '\u{309}', '\u{31B}', '\u{323}',
];
/// The ASCII vowel letters, lower case then upper: the bases of [`COMPOSED`].
const BASES: &[u8; 12] = b"aeiouyAEIOUY";

/// A precomposed letter, and whether its tone mark may be misplaced
/// ([`syllable::may_misplace`]).
#[derive(Clone, Copy)]
struct Composed {
    letter: char,
    parts: syllable::Letter,
    toned: bool,
}

/// What [`nfc::compose_vietnamese`] makes of an ASCII vowel and one or two marks, by base,
/// first mark and second mark ([`NO_MARK`] for none); `None` where it makes nothing (and the
/// text needs the full pipeline). Built from that function, so the two cannot disagree.
static COMPOSED: LazyLock<Vec<Option<Composed>>> = LazyLock::new(|| {
    let mut table = Vec::with_capacity(BASES.len() * 8 * 9);
    for &base in BASES {
        for first in MARKS {
            // The second mark in index order, then none ([`NO_MARK`], the last index).
            for second in MARKS.iter().map(Some).chain([None]) {
                let pair = [first, second.copied().unwrap_or(first)];
                let marks = if second.is_some() {
                    &pair[..]
                } else {
                    &pair[..1]
                };
                table.push(nfc::compose_vietnamese(base as char, marks).map(|letter| {
                    let packed = syllable::packed(letter as u32);
                    Composed {
                        letter,
                        parts: syllable::unpack(packed),
                        toned: syllable::may_misplace(packed),
                    }
                }));
            }
        }
    }
    table
});

/// The index in [`BASES`] of each ASCII vowel letter, [`NO_BASE`] for every other byte.
const BASE_INDEX: [u8; 256] = {
    let mut t = [NO_BASE; 256];
    let mut k = 0;
    while k < BASES.len() {
        t[BASES[k] as usize] = k as u8;
        k += 1;
    }
    t
};
const NO_BASE: u8 = 0xFF;

/// The mark of [`MARK_INDEX`] at byte `i`, or [`NO_MARK`].
#[inline]
fn mark_at(b: &[u8], i: usize) -> u8 {
    match b.get(i..i + 2) {
        Some(&[0xCC, y]) => MARK_INDEX[(y & 0x3F) as usize],
        _ => NO_MARK,
    }
}

/// The common case of NFD text: an ASCII vowel (just before byte `i`, not yet copied) and
/// one or two Vietnamese marks from `i`, followed by a character below U+0300 (so no other
/// mark joins the run). The letter they make and the byte after the marks; `None` for
/// anything else, which the general code handles.
#[inline]
fn compose_ascii(b: &[u8], i: usize, composed: &[Option<Composed>]) -> Option<(Composed, usize)> {
    let base = BASE_INDEX[*b.get(i.checked_sub(1)?)? as usize];
    if base == NO_BASE {
        return None;
    }
    let base = base as usize;
    let first = mark_at(b, i);
    let second = mark_at(b, i + 2);
    let end = if second == NO_MARK { i + 2 } else { i + 4 };
    // The byte after the run starts a character below U+0300 (ASCII, or lead C2–CB).
    if b.get(end).is_some_and(|&x| x >= 0xCC) || first == NO_MARK {
        return None;
    }
    let slot = (base * 8 + first as usize) * 9 + second as usize;
    Some((composed[slot]?, end))
}

/// The most marks one letter takes (a tone and a circumflex, breve or horn); a longer run
/// is left to the full composer.
const MAX_MARKS: usize = 4;

struct Writer<'a> {
    text: &'a str,
    out: String,
    /// Input bytes before this are in `out`; from here to the current position they are
    /// unchanged and not yet copied.
    copied: usize,
    changed: bool,
    /// Where in `out` the current word's first letter with a movable mark is, if any.
    toned: Option<usize>,
    /// Scratch for a restyled word.
    word: String,
}

impl Writer<'_> {
    #[inline]
    fn flush(&mut self, to: usize) {
        self.out.push_str(&self.text[self.copied..to]);
        self.copied = to;
    }

    /// Where the character at input byte `i` will be in `out`.
    #[inline]
    fn out_pos(&self, i: usize) -> usize {
        self.out.len() + (i - self.copied)
    }

    /// The current word ended just before input byte `i`: move its tone mark if `style` wants
    /// it elsewhere, deciding letter by letter as [`tone::restyle`] does.
    fn end_word(&mut self, i: usize, style: Option<Tone>) {
        let (Some(from), Some(style)) = (self.toned.take(), style) else {
            return;
        };
        self.flush(i);
        let b = self.out.as_bytes();
        let mut p = from;
        while p < b.len() {
            let (cp, len) = decode(b, p);
            let packed = syllable::packed(cp);
            // A marked vowel with no vowel on either side is the only one: settled by bytes.
            let prev = if p > 0 { b[p - 1] } else { b' ' };
            let next = b.get(p + len).copied().unwrap_or(b' ');
            let alone = !super::clean::MAY_BE_VOWEL[prev as usize]
                && !super::clean::MAY_BE_VOWEL[next as usize];
            // Unsettled by the neighbours: the word decides, so retone it (which writes
            // nothing when the mark is in place; then no other letter of the word moves it
            // either, as every letter's check parses the same word).
            if syllable::may_misplace(packed)
                && !alone
                && tone::settled_at(&self.out, p, len, syllable::unpack(packed), style)
                    != Some(false)
            {
                let (s, e) = tone::word_bounds(&self.out, p);
                self.word.clear();
                if syllable::retone_into(&self.out[s..e], style, &mut self.word) {
                    self.out.truncate(s);
                    self.out.push_str(&self.word);
                    self.changed = true;
                }
                return;
            }
            p += len;
        }
    }
}

/// Whether the toned letter `l`, written as input bytes `from..to`, is settled as in place by
/// the ASCII letters around it ([`tone::settled_by_ascii`]), so that [`Writer::end_word`] need
/// not look at it. ASCII next to it comes out as it is (a tab and a CR stay non-letters), and
/// the rules only trust a letter after it that is followed by ASCII or that is a consonant
/// (a consonant with a mark makes the pass give up), so the input's bytes tell.
#[inline(always)]
fn settled(b: &[u8], from: usize, to: usize, l: syllable::Letter, style: Option<Tone>) -> bool {
    style.is_some_and(|style| tone::settled_by_ascii(b, from, to - from, l, style) == Some(false))
}

/// The first byte at or after `i` that needs a look: a non-ASCII byte, or a control byte
/// below 0x0E (CR and tab among them), eight bytes at a time.
#[inline]
fn skip_plain(b: &[u8], mut i: usize) -> usize {
    while let Some(w) = b.get(i..i + 8) {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        // High bit of a byte: set in the byte, or borrowed by subtracting 0x0E from it. A borrow
        // can only flag a byte after a true stop, so the first flag is exact.
        let flags = (x | (x.wrapping_sub(0x0E0E_0E0E_0E0E_0E0E) & !x)) & 0x8080_8080_8080_8080;
        if flags != 0 {
            return i + (flags.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + b[i..]
        .iter()
        .position(|&y| !(0x0E..0x80).contains(&y))
        .unwrap_or(b.len() - i)
}

/// NFC, the character rules and (with `Some(style)`) the tone style in one pass; `None` when
/// the text needs the stage-by-stage pipeline (see the module doc). Borrows when nothing
/// changes.
pub(crate) fn normalize_common(text: &str, style: Option<Tone>) -> Option<Cow<'_, str>> {
    let b = text.as_bytes();
    let n = b.len();
    let mut w = Writer {
        text,
        out: String::with_capacity(n),
        copied: 0,
        changed: false,
        toned: None,
        word: String::new(),
    };
    let composed = &*COMPOSED;
    // Input byte just after the last replaced or removed character: a mark there has no base.
    let mut replaced_end = usize::MAX;
    let mut i = 0;
    while i < n {
        let x = b[i];
        if x < 0x80 {
            if w.toned.is_some() {
                if x.is_ascii_alphabetic() {
                    i += 1;
                    continue;
                }
                w.end_word(i, style);
            }
            if x == b'\r' || x == b'\t' {
                let r = match x {
                    b'\t' => "  ",
                    _ if b.get(i + 1) == Some(&b'\n') => "",
                    _ => "\n",
                };
                w.flush(i);
                w.out.push_str(r);
                w.changed = true;
                i += 1;
                w.copied = i;
                replaced_end = i;
                continue;
            }
            i = skip_plain(b, i + 1);
            continue;
        }
        // The common case of NFD text first: one or two marks after an ASCII vowel.
        if x == 0xCC && i != replaced_end && w.copied < i {
            if let Some((c, end)) = compose_ascii(b, i, composed) {
                w.flush(i - 1);
                if w.toned.is_none() && c.toned && !settled(b, i - 1, end, c.parts, style) {
                    w.toned = Some(w.out.len());
                }
                w.out.push(c.letter);
                w.changed = true;
                w.copied = end;
                i = end;
                continue;
            }
        }
        let (cp, len) = decode(b, i);
        if is_vietnamese_mark(cp) {
            // A run of marks: compose it with the letter before, already in `out`.
            if i == replaced_end {
                return None;
            }
            w.flush(i);
            // The letter before is in `out` as it was written: it was copied, not replaced.
            let base = char::from_u32(syllable::decode_before(b, i)?.0)?;
            let mut marks = ['\0'; MAX_MARKS];
            let mut count = 0;
            let mut j = i;
            while j < n {
                let (m, l) = decode(b, j);
                if m < 0x300 {
                    break;
                }
                if !is_vietnamese_mark(m) {
                    // Another mark, or a starter NFC changes: the full composer's job.
                    if !nfc::is_stable(char::from_u32(m)?) {
                        return None;
                    }
                    break;
                }
                if count == MAX_MARKS {
                    return None;
                }
                marks[count] = char::from_u32(m)?;
                count += 1;
                j += l;
            }
            let letter = nfc::compose_vietnamese(base, &marks[..count])?;
            let at = w.out.len() - base.len_utf8();
            w.out.truncate(at);
            w.out.push(letter);
            w.changed = true;
            w.copied = j;
            if w.toned.is_none() && syllable::may_misplace(syllable::packed(letter as u32)) {
                w.toned = Some(at);
            }
            i = j;
            continue;
        }
        let c = char::from_u32(cp)?;
        // The eth is decided from its word after composition; other marks and starters NFC
        // changes need the full composer.
        if matches!(c, 'Ð' | 'ð') || !nfc::is_stable(c) {
            return None;
        }
        if let Some(r) = lines::space_rule(c) {
            if !r.is_empty() {
                w.end_word(i, style);
            }
            w.flush(i);
            w.out.push_str(r);
            w.changed = true;
            i += len;
            w.copied = i;
            replaced_end = i;
            continue;
        }
        let packed = syllable::packed(cp);
        if packed == 0 {
            w.end_word(i, style);
        } else if w.toned.is_none()
            && syllable::may_misplace(packed)
            && !settled(b, i, i + len, syllable::unpack(packed), style)
        {
            w.toned = Some(w.out_pos(i));
        }
        i += len;
    }
    w.end_word(n, style);
    if !w.changed {
        return Some(Cow::Borrowed(text));
    }
    w.flush(n);
    Some(Cow::Owned(w.out))
}
