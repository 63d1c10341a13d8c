//! One pass for the common kinds of dirty text (NFD or "Unicode tổ hợp" letters, CRLF, tabs,
//! NBSP, the other tone style): composes Vietnamese letters written with combining marks,
//! applies the character rules of [`super::lines`], and restyles each word's tone mark as soon
//! as the word ends, writing the result once, with unchanged stretches copied verbatim.
//!
//! Speed: the loop visits only the bytes a 64-byte block classification flags (non-ASCII
//! lead bytes and control bytes), and writes into a byte buffer with fixed-size copies (a
//! 16-byte copy for the short ASCII between two letters, four bytes for a letter), taken as
//! UTF-8 without a second scan. It notes the line feeds that line-break repair must ask
//! about, so the caller need not search its output for them.
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
    /// The letter's UTF-8 form, `len` bytes of it.
    bytes: [u8; 4],
    len: u8,
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
                    let (bytes, len) = utf8(letter);
                    Composed {
                        bytes,
                        len,
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

/// The room [`Writer::room`] leaves after what it makes room for, which the short copies
/// and characters written without a check of their own ([`Writer::flush`], [`Writer::put`])
/// use up. The main loop asks for it before each block of [`BLOCK`] input bytes, and every
/// longer write asks for it again after itself. Between two asks, the loop writes at most the
/// characters of one block and a few bytes past it (a mark run, a 4-byte character), a piece
/// of at most 16 bytes left from before, and writes no more than it reads there (a letter and
/// its marks shrink; a tab, a line feed for a CR and a restyled word go through
/// [`Writer::put_str`], which asks), plus a 16-byte copy past its end: well under 256 bytes.
/// Bounds are checked all the same, so a mistake here would panic, never write out of place.
const SLACK: usize = 256;

/// A character's UTF-8 form in four bytes, and how many of them it uses.
#[inline]
fn utf8(c: char) -> ([u8; 4], u8) {
    let mut bytes = [0; 4];
    let len = c.encode_utf8(&mut bytes).len() as u8;
    (bytes, len)
}

struct Writer<'a> {
    text: &'a [u8],
    /// The output, its first `len` bytes written. The rest is room that the fixed-size
    /// copies write into before `len` moves over what they wrote (or not).
    out: Vec<u8>,
    len: usize,
    /// Input bytes before this are in `out`; from here to the current position they are
    /// unchanged and not yet copied.
    copied: usize,
    changed: bool,
    /// Where in `out` the current word's first letter with a movable mark is, if any.
    toned: Option<usize>,
    /// Scratch for a restyled word.
    word: String,
    /// Where in `out` each line feed with a letter (or any non-ASCII byte) after it is:
    /// the only places line-break repair may join.
    breaks: Vec<usize>,
}

impl Writer<'_> {
    /// Makes room for `extra` more bytes and then [`SLACK`].
    #[inline(always)]
    fn room(&mut self, extra: usize) {
        if self.len + extra + SLACK > self.out.len() {
            self.grow(extra);
        }
    }

    #[cold]
    fn grow(&mut self, extra: usize) {
        let want = (self.len + extra + SLACK).max(self.out.len() * 2);
        self.out.resize(want, 0);
    }

    /// Copies the input up to byte `to` (a character boundary). Pieces between Vietnamese
    /// letters are short: one 16-byte copy, whose surplus the next write covers, into the
    /// room [`SLACK`] keeps.
    #[inline(always)]
    fn flush(&mut self, to: usize) {
        let from = self.copied;
        let k = to - from;
        let at = self.len;
        let src = self.text.get(from..from + 16);
        match (src.and_then(|s| <&[u8; 16]>::try_from(s).ok()), k <= 16) {
            (Some(src), true) => {
                if let Ok(to) = <&mut [u8; 16]>::try_from(&mut self.out[at..at + 16]) {
                    *to = *src;
                }
            }
            _ => self.copy_long(from, to),
        }
        self.len += k;
        self.copied = to;
    }

    /// [`Writer::flush`]'s copy of a long piece (or one at the end of the input).
    #[inline(never)]
    fn copy_long(&mut self, from: usize, to: usize) {
        let k = to - from;
        self.room(k);
        let at = self.len;
        self.out[at..at + k].copy_from_slice(&self.text[from..to]);
    }

    /// Writes one character: the first `len` of its UTF-8 `bytes`, into the room
    /// [`SLACK`] keeps.
    #[inline(always)]
    fn put(&mut self, bytes: [u8; 4], len: u8) {
        let at = self.len;
        if let Ok(to) = <&mut [u8; 4]>::try_from(&mut self.out[at..at + 4]) {
            *to = bytes;
        }
        self.len += len as usize;
    }

    #[inline(always)]
    fn put_str(&mut self, s: &str) {
        self.room(s.len());
        let at = self.len;
        self.out[at..at + s.len()].copy_from_slice(s.as_bytes());
        self.len += s.len();
    }

    /// Where the character at input byte `i` will be in `out`.
    #[inline]
    fn out_pos(&self, i: usize) -> usize {
        self.len + (i - self.copied)
    }

    /// The current word ended just before input byte `i`: move its tone mark if `style` wants
    /// it elsewhere, deciding letter by letter as [`tone::restyle`] does.
    fn end_word(&mut self, i: usize, style: Option<Tone>) {
        let (Some(from), Some(style)) = (self.toned.take(), style) else {
            return;
        };
        self.flush(i);
        let b = &self.out[..self.len];
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
                && tone::settled_at(b, p, len, syllable::unpack(packed), style) != Some(false)
            {
                let (s, e) = tone::word_bounds_in(b, p);
                let mut word = std::mem::take(&mut self.word);
                word.clear();
                // The word is whole characters of valid output; the check is only for the
                // type.
                if std::str::from_utf8(&b[s..e])
                    .is_ok_and(|w| syllable::retone_into(w, style, &mut word))
                {
                    self.len = s;
                    self.put_str(&word);
                    self.changed = true;
                }
                self.word = word;
                return;
            }
            p += len;
        }
    }

    /// Records a line feed written (or about to be written) at `out` byte `at`, when the
    /// input byte `next` after it may start a letter.
    #[inline]
    fn line_feed(&mut self, at: usize, next: Option<&u8>) {
        if next.is_some_and(|&x| x >= 0x80 || x.is_ascii_alphabetic()) {
            self.breaks.push(at);
        }
    }
}

/// Whether the toned letter `l`, written as input bytes `from..to`, is settled as in place by
/// the ASCII letters around it ([`tone::settled_by_ascii`]), so that [`Writer::end_word`] need
/// not look at it. ASCII next to it comes out as it is (a tab and a CR stay non-letters), and
/// the rules only trust a letter after it that is followed by ASCII or that is a consonant
/// (a consonant with a mark makes the pass give up), so the input's bytes tell.
///
/// Also settled: the letter after đ or Đ (copied as it is) with ASCII other than a vowel
/// after it, or nothing: the only vowel of its syllable ("đã", "Đà"), the commonest
/// case with a non-ASCII neighbour.
#[inline(always)]
fn settled(b: &[u8], from: usize, to: usize, l: syllable::Letter, style: Option<Tone>) -> bool {
    let Some(style) = style else {
        return false;
    };
    match tone::settled_by_ascii(b, from, to - from, l, style) {
        Some(false) => true,
        Some(true) => false,
        None => {
            from >= 2
                && b[from - 2] == 0xC4
                && (b[from - 1] & 0xFE) == 0x90
                && b.get(to)
                    .is_none_or(|&x| x < 0x80 && !super::clean::MAY_BE_VOWEL[x as usize])
        }
    }
}

/// Bytes of input the main loop classifies at a time.
const BLOCK: usize = 64;

/// One bit per byte of `block` that needs a look: a non-ASCII lead byte (0b11xxxxxx), or a
/// control byte below 0x0E (line feed, CR and tab among them). Comparisons into a flag array
/// (all ones for true, as vector comparisons give), then eight flags to eight bits by one
/// multiplication, so that the compiler vectorises the first loop.
#[inline(always)]
fn stops(block: &[u8; BLOCK]) -> u64 {
    let ones = |b: bool| 0u8.wrapping_sub(u8::from(b));
    let mut flags = [0u8; BLOCK];
    for (f, &x) in flags.iter_mut().zip(block) {
        *f = (ones(x >= 0xC0) | ones(x < 0x0E)) & 1;
    }
    let mut mask = 0u64;
    for (j, eight) in flags.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes([
            eight[0], eight[1], eight[2], eight[3], eight[4], eight[5], eight[6], eight[7],
        ]);
        mask |= (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * j);
    }
    mask
}

/// [`stops`] for the block of `b` at `base`, padded with spaces past the end.
#[inline(always)]
fn stops_at(b: &[u8], base: usize) -> u64 {
    match b
        .get(base..base + BLOCK)
        .and_then(|block| <&[u8; BLOCK]>::try_from(block).ok())
    {
        Some(block) => stops(block),
        None => {
            let mut block = [b' '; BLOCK];
            block[..b.len() - base].copy_from_slice(&b[base..]);
            stops(&block)
        }
    }
}

/// NFC, the character rules and (with `Some(style)`) the tone style in one pass; `None` when
/// the text needs the stage-by-stage pipeline (see the module doc). Borrows when nothing
/// changes.
pub(crate) fn normalize_common(text: &str, style: Option<Tone>) -> Option<Cow<'_, str>> {
    normalize_with_breaks(text, style).map(|(s, _)| s)
}

/// [`normalize_common`], and where in its output the line feeds are that line-break repair
/// must ask about ([`lines::joins_any`]): every one with a letter after it.
pub(crate) fn normalize_with_breaks(
    text: &str,
    style: Option<Tone>,
) -> Option<(Cow<'_, str>, Vec<usize>)> {
    let (out, breaks) = rewrite(text, style)?;
    let Some(out) = out else {
        return Some((Cow::Borrowed(text), breaks));
    };
    debug_assert!(std::str::from_utf8(&out).is_ok());
    // SAFETY: `rewrite` returns valid UTF-8. Its output is built from whole characters only:
    // copies of the input (valid UTF-8, `&str`) between character boundaries, the UTF-8 forms
    // of `char`s and `&str`s, and cuts at the start of a character ([`Writer::end_word`] cuts
    // at a word's first letter; a composition cuts off the base letter it checked is the
    // output's last character). The room past `len` that fixed-size copies write into is cut
    // off before it returns. The test `one_pass_output_is_utf8` checks this with
    // `String::from_utf8` on the corpus and its dirty variants, as does the debug assertion.
    let s = unsafe { String::from_utf8_unchecked(out) };
    Some((Cow::Owned(s), breaks))
}

/// The one pass: the output bytes (`None` when they equal the input) and the line feeds to
/// ask about; `None` for text the pass leaves to the pipeline.
pub(super) fn rewrite(text: &str, style: Option<Tone>) -> Option<(Option<Vec<u8>>, Vec<usize>)> {
    let b = text.as_bytes();
    let n = b.len();
    let mut w = Writer {
        text: b,
        out: vec![0; n + n / 16 + SLACK],
        len: 0,
        copied: 0,
        changed: false,
        toned: None,
        word: String::new(),
        breaks: Vec::new(),
    };
    let composed = &*COMPOSED;
    // Input byte just after the last replaced or removed character: a mark there has no base.
    let mut replaced_end = usize::MAX;
    // Input before `i` is handled. The loop visits the bytes [`stops`] flags; the ASCII
    // between them is copied as it is, after ending the open word at its first non-letter.
    let mut i = 0;
    let mut base = 0;
    let mut mask = 0u64;
    loop {
        while mask == 0 {
            if base >= n {
                break;
            }
            mask = stops_at(b, base);
            base += BLOCK;
            w.room(0);
        }
        if mask == 0 {
            break;
        }
        let at = base - BLOCK + mask.trailing_zeros() as usize;
        mask &= mask - 1;
        if at < i {
            continue;
        }
        if w.toned.is_some() {
            if let Some(k) = b[i..at].iter().position(|x| !x.is_ascii_alphabetic()) {
                w.end_word(i + k, style);
            }
        }
        i = at;
        let x = b[i];
        if x < 0x80 {
            if w.toned.is_some() {
                w.end_word(i, style);
            }
            if x == b'\r' || x == b'\t' {
                w.flush(i);
                match x {
                    b'\t' => w.put_str("  "),
                    _ if b.get(i + 1) == Some(&b'\n') => {}
                    _ => {
                        w.line_feed(w.len, b.get(i + 1));
                        w.put_str("\n");
                    }
                }
                w.changed = true;
                i += 1;
                w.copied = i;
                replaced_end = i;
                continue;
            }
            if x == b'\n' {
                w.line_feed(w.out_pos(i), b.get(i + 1));
            }
            i += 1;
            continue;
        }
        // The common case of NFD text first: one or two marks after an ASCII vowel.
        if x == 0xCC && i != replaced_end && w.copied < i {
            if let Some((c, end)) = compose_ascii(b, i, composed) {
                w.flush(i - 1);
                if w.toned.is_none() && c.toned && !settled(b, i - 1, end, c.parts, style) {
                    w.toned = Some(w.len);
                }
                w.put(c.bytes, c.len);
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
            let (base_cp, base_at) = syllable::decode_before(b, i)?;
            let base = char::from_u32(base_cp)?;
            let at = w.len.checked_sub(i - base_at)?;
            if w.out[at..w.len] != b[base_at..i] {
                return None;
            }
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
            w.len = at;
            let (bytes, l) = utf8(letter);
            w.put(bytes, l);
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
            if r == "\n" {
                w.line_feed(w.len, b.get(i + len));
            }
            w.put_str(r);
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
    if w.toned.is_some() {
        if let Some(k) = b[i..].iter().position(|x| !x.is_ascii_alphabetic()) {
            w.end_word(i + k, style);
        }
    }
    w.end_word(n, style);
    if !w.changed {
        return Some((None, w.breaks));
    }
    w.flush(n);
    w.out.truncate(w.len);
    Some((Some(w.out), w.breaks))
}
