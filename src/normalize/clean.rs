//! The clean check: is a text already normalised (NFC, no character the space rules change, no
//! split syllable, every tone mark where the style puts it)? [`is_clean`] answers in one scan,
//! and must never say yes where the pipeline would change something.
//!
//! What it decides is [`clean_at`], asked of every character that is not plain ASCII. Asking it
//! of every character is slow, because Vietnamese puts a two- or three-byte letter in almost
//! every word: one 32-byte block in forty is pure ASCII. So the scan first classifies each
//! block's bytes with vector instructions ([`block_mask`], portable code the compiler
//! vectorises, or its AVX2 twin in [`super::clean_avx2`] when the CPU has AVX2) and asks
//! [`clean_at`] only where that classification cannot settle it:
//!
//! - CR and tab (always changed), and a line feed between two letters (a split syllable?);
//! - characters a space rule or NFC may change, the eth, combining marks, and every character
//!   outside the ranges Vietnamese text is made of (Latin letters, general punctuation,
//!   currency signs, Latin Extended Additional);
//! - a toned a, e, i, o, u, y or ư next to a byte that may be a vowel (the only letters whose
//!   mark can be misplaced; a lone vowel carries its syllable's mark wherever the style puts
//!   it), unless its ASCII neighbours settle the mark as in place by the rules of
//!   [`tone::misplaced_at`]: "của", "tài" (first of an open pair), "hoàn", "quả" (second,
//!   closed or after qu/gi).
//!
//! Everything else is settled by the block classification alone: in the corpus, [`clean_at`]
//! is asked about one non-ASCII character in twenty. Tests check that the blocks and a
//! character-by-character run of [`clean_at`] agree on the corpus and its normalised and NFD
//! forms at every alignment, on every code point up to U+3100 between letters, on special
//! characters at every offset of two blocks, and that the AVX2 and portable classifications
//! agree on generated and corpus windows.

use std::sync::LazyLock;

use super::{lines, nfc, syllable, tone};
use crate::options::Tone;

/// Bytes a block's classification reads: the two before the block, its 32 bytes, and the
/// four after (the rest of a character starting in the block, and the two bytes after it).
pub(super) const WINDOW: usize = BEFORE + BLOCK + 4;
const BEFORE: usize = 2;
const BLOCK: usize = 32;

/// Whether `text` is already normalised for `style`: every character [`clean_at`] would ask
/// about passes.
#[cfg(test)]
pub(crate) fn is_clean(text: &str, style: Tone) -> bool {
    first_dirty(text, style).is_none()
}

/// The byte offset of the first character [`clean_at`] would change in `text` for `style`
/// (`None` when the text is already normalised). Every character before it is settled, so a
/// rewrite may copy that stretch as it is.
pub(crate) fn first_dirty(text: &str, style: Tone) -> Option<usize> {
    first_dirty_from(text, 0, style)
}

/// [`first_dirty`] at or after byte `from` (a character boundary).
pub(crate) fn first_dirty_from(text: &str, from: usize, style: Tone) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { first_dirty_avx2(text, from, style) };
    }
    scan::<false>(text, from, style)
}

/// [`scan`] with [`super::clean_avx2::block_mask`], inlined here where AVX2 is enabled.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn first_dirty_avx2(text: &str, from: usize, style: Tone) -> Option<usize> {
    scan::<true>(text, from, style)
}

/// One block's [`block_mask`], by the AVX2 code when `AVX2` (only ever set by
/// [`first_dirty_avx2`], after checking the CPU).
#[inline(always)]
fn block<const AVX2: bool>(w: &[u8; WINDOW], new_style: bool) -> u32 {
    #[cfg(target_arch = "x86_64")]
    if AVX2 {
        // SAFETY: `AVX2` is true only inside `first_dirty_avx2`, which runs only on CPUs with
        // AVX2.
        return unsafe { super::clean_avx2::block_mask(w, new_style) };
    }
    block_mask(w, new_style)
}

/// The blocks of `text` classified ([`block`]), and the flagged characters settled one by
/// one.
#[inline(always)]
fn scan<const AVX2: bool>(text: &str, from: usize, style: Tone) -> Option<usize> {
    let b = text.as_bytes();
    let classes = &*CLEAN_CLASS;
    let new_style = style == Tone::New;
    let n = b.len();
    let mut base = from;
    // Blocks whose window lies inside the text are read in place; the others padded.
    while base < n {
        let window = base
            .checked_sub(BEFORE)
            .and_then(|from| b.get(from..from + WINDOW))
            .and_then(|w| <&[u8; WINDOW]>::try_from(w).ok());
        let mask = match window {
            Some(w) => block::<AVX2>(w, new_style),
            None => block::<AVX2>(&padded_window(b, base), new_style) & valid_bits(n - base),
        };
        if mask != 0 {
            if let Some(dirty) = settle(text, base, mask, style, classes) {
                return Some(dirty);
            }
        }
        base += BLOCK;
    }
    None
}

/// The window of the block at `base`, with a space for every byte outside the text (what
/// [`clean_at`] reads there).
#[inline]
fn padded_window(b: &[u8], base: usize) -> [u8; WINDOW] {
    let mut w = [b' '; WINDOW];
    let from = base.saturating_sub(BEFORE);
    let to = (base + WINDOW - BEFORE).min(b.len());
    let at = from + BEFORE - base;
    w[at..at + (to - from)].copy_from_slice(&b[from..to]);
    w
}

/// Bits for the first `len` bytes of a block.
#[inline]
fn valid_bits(len: usize) -> u32 {
    if len >= BLOCK {
        u32::MAX
    } else {
        (1u32 << len) - 1
    }
}

/// Asks [`clean_at_fast`] about each byte of the block at `base` flagged in `mask`, in order;
/// the first one that is not clean.
#[inline]
fn settle(text: &str, base: usize, mut mask: u32, style: Tone, classes: &[u8]) -> Option<usize> {
    while mask != 0 {
        let i = base + mask.trailing_zeros() as usize;
        mask &= mask - 1;
        if !clean_at_fast(text, i, style, classes) {
            return Some(i);
        }
    }
    None
}

/// All ones for true, zero for false: the form of a vector comparison's result, so that the
/// compiler need not convert between the two.
#[inline(always)]
fn ones(b: bool) -> u8 {
    0u8.wrapping_sub(u8::from(b))
}

/// Whether a byte is an ASCII vowel letter (a e i o u y, either case).
#[inline(always)]
fn ascii_vowel(v: u8) -> u8 {
    let l = v | 0x20;
    ones(l == b'a')
        | ones(l == b'e')
        | ones(l == b'i')
        | ones(l == b'o')
        | ones(l == b'u')
        | ones(l == b'y')
}

/// Whether a byte is an ASCII letter.
#[inline(always)]
fn ascii_letter(v: u8) -> u8 {
    ones((v | 0x20).wrapping_sub(b'a') < 26)
}

/// One bit per byte of the block in `w` (bytes 2..34; the two before it and four after it
/// are context) that [`clean_at_fast`] must be asked about. A clear bit is a byte that needs
/// nothing: ASCII other than CR, tab and a line feed between letters, a continuation byte, or
/// a character that no rule changes (by [`CLEAN_CLASS`]: fine, or toned with no vowel beside
/// it), or a toned vowel whose mark [`tone::misplaced_at`] settles as in place from the
/// neighbouring ASCII letters alone.
///
/// Only comparisons and bit operations on fixed-size arrays, with all-ones for true, so that
/// the compiler turns the loop into vector instructions.
#[inline(always)]
fn block_mask(w: &[u8; WINDOW], new_style: bool) -> u32 {
    let mut flags = [0u8; BLOCK];
    for k in 0..BLOCK {
        let (pp, p, x, y, z, v, u) = (
            w[k],
            w[k + 1],
            w[k + 2],
            w[k + 3],
            w[k + 4],
            w[k + 5],
            w[k + 6],
        );
        let high_p = ones(p >= 0x80);
        let letter_p = high_p | ascii_letter(p);
        // CR, tab; a line feed with a letter (or a space, then maybe a letter) before it and
        // a letter after it, where `lines::break_join` may join a syllable.
        let control = ones(x == b'\r') | ones(x == b'\t');
        let line_feed =
            ones(x == b'\n') & (letter_p | ones(p == b' ')) & (ones(y >= 0x80) | ascii_letter(y));
        // Lead bytes of characters other than Latin-1 letters (C3), Latin Extended-A and -B
        // up to ư (C4–C6) and Latin Extended Additional (E1 B8–BB): rare in Vietnamese text,
        // and [`CLEAN_CLASS`] knows which of them (NBSP, combining marks, …) need a look.
        let c3 = ones(x == 0xC3);
        let e1 = ones(x == 0xE1);
        let latin_ext = e1 & ones(y.wrapping_sub(0xB8) < 4);
        let rare = ones(x >= 0xC0) & ones(x.wrapping_sub(0xC3) >= 4) & !latin_ext;
        // The eth: Ð (C3 90), ð (C3 B0).
        let eth = c3 & ones((y & 0xDF) == 0x90);
        // Toned plain vowels and ư: in Latin-1 every letter but â ê ô (and a few that are no
        // Vietnamese letter, asked about for nothing), ĩ Ĩ ũ Ũ, and in Latin Extended
        // Additional ạ ả, ẹ ẻ ẽ, ỉ ị ọ ỏ, ụ ủ ứ … ỹ with their capitals.
        let y_lower = y & 0xDF;
        let toned = (c3 & ones(y_lower != 0x82) & ones(y_lower != 0x8A) & ones(y_lower != 0x94))
            | (ones((x & 0xFE) == 0xC4) & ones((y & 0xFE) == 0xA8))
            | (e1
                & ((ones(y == 0xBA)
                    & (ones(z.wrapping_sub(0xA0) < 4) | ones(z.wrapping_sub(0xB8) < 6)))
                    | (ones(y == 0xBB)
                        & (ones(z.wrapping_sub(0x88) < 8) | ones(z.wrapping_sub(0xA4) < 0x16)))));
        // The two bytes after the character (two bytes on, or three from an E1 lead).
        let after = (e1 & v) | (!e1 & z);
        let after2 = (e1 & u) | (!e1 & v);
        // The character before: đ or Đ (C4 91, C4 90) is a consonant, not a vowel.
        let dd = ones(pp == 0xC4) & ones((p & 0xFE) == 0x90);
        let vowel_p = ascii_vowel(p);
        let vowel_after = ascii_vowel(after);
        let high_after = ones(after >= 0x80);
        let near = (high_p & !dd) | vowel_p | high_after | vowel_after;
        // Settled by `tone::misplaced_at` from ASCII neighbours. Marked first of an open pair
        // ("của", "tài"): a consonant before that cannot start qu/gi, a plain vowel after,
        // then no letter; in the new style not o+a, o+e, u+y.
        let p_lower = p | 0x20;
        let consonant_before =
            (!high_p & !vowel_p & ones(p_lower != b'q') & ones(p_lower != b'g')) | dd;
        let after_lower = after | 0x20;
        let new_pair = ones(new_style)
            & (ones(after_lower == b'a') | ones(after_lower == b'e') | ones(after_lower == b'y'));
        let open_first = consonant_before
            & vowel_after
            & !new_pair
            & !(ones(after2 >= 0x80) | ascii_letter(after2));
        // Marked second of two ("hoàn", "quả", "giá"): a plain vowel before, a non-vowel
        // before that, and after it a consonant (closed) or, after qu/gi, no vowel.
        let pp_lower = pp | 0x20;
        let qu_gi = (ones(pp_lower == b'q') & ones(p_lower == b'u'))
            | (ones(pp_lower == b'g') & ones(p_lower == b'i'));
        let second = vowel_p
            & ones(pp < 0x80)
            & !ascii_vowel(pp)
            & !high_after
            & !vowel_after
            & (ascii_letter(after) | qu_gi);
        let tone = toned & near & !open_first & !second;
        flags[k] = (control | line_feed | rare | eth | tone) & 1;
    }
    // Eight flags (0 or 1 per byte) to eight bits, by one multiplication.
    let mut mask = 0u32;
    for (j, eight) in flags.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes([
            eight[0], eight[1], eight[2], eight[3], eight[4], eight[5], eight[6], eight[7],
        ]);
        mask |= ((x.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32) << (8 * j);
    }
    mask
}

/// [`CLEAN_CLASS`]: the character never changes (and its tone mark, if any, is never wrong).
const FINE: u8 = 0;
/// [`CLEAN_CLASS`]: the character never changes, but its tone mark may be misplaced.
const TONED: u8 = 1;
/// [`CLEAN_CLASS`]: [`clean_at`] decides (a space rule, the eth, a combining mark, …).
const ASK: u8 = 2;
/// Characters below this have a [`CLEAN_CLASS`] entry (Latin, Latin Extended Additional,
/// general punctuation, currency signs); the entry at this index, [`ASK`], stands for all
/// the others.
const CLASSES: usize = 0x2100;

/// What [`clean_at`] would say about each character below [`CLASSES`] that does not depend on
/// its neighbours, so that [`clean_at_fast`] decodes a letter and looks it up, nothing more.
static CLEAN_CLASS: LazyLock<Vec<u8>> = LazyLock::new(|| {
    (0..=CLASSES as u32)
        .map(|cp| {
            let Some(c) = char::from_u32(cp).filter(|_| (cp as usize) < CLASSES) else {
                return ASK;
            };
            let ask = if cp < 0x300 {
                matches!(cp, 0xA0 | 0xAD | 0xD0 | 0xF0) || cp < 0x80
            } else {
                !(0x1E00..=0x1EFF).contains(&cp)
                    && (lines::space_rule(c).is_some() || !nfc::is_stable(c))
            };
            if ask {
                ASK
            } else if syllable::may_misplace(syllable::packed(cp)) {
                TONED
            } else {
                FINE
            }
        })
        .collect()
});

/// Bytes that may be or start a vowel: the ASCII vowel letters and every non-ASCII byte. A
/// marked vowel between two other bytes is the only vowel of its syllable, so its mark is in
/// place.
pub(crate) static MAY_BE_VOWEL: [bool; 256] = {
    let mut t = [true; 256];
    let mut i = 0;
    while i < 0x80 {
        t[i] = matches!(
            i as u8,
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'A' | b'E' | b'I' | b'O' | b'U' | b'Y'
        );
        i += 1;
    }
    t
};

/// [`clean_at`] for the common characters, by table: a two- or three-byte character is decoded
/// and classed; a marked vowel with no vowel next to it is settled from its neighbour bytes.
#[inline]
fn clean_at_fast(text: &str, i: usize, style: Tone, classes: &[u8]) -> bool {
    let b = text.as_bytes();
    let x = b[i] as usize;
    if !(0xC0..0xF0).contains(&x) {
        return clean_at(text, i, style);
    }
    let byte = |k: usize| b.get(k).map_or(0, |&y| (y & 0x3F) as usize);
    let (y, z) = (byte(i + 1), byte(i + 2));
    let three = x >= 0xE0;
    let cp = if three {
        ((x & 0x0F) << 12) | (y << 6) | z
    } else {
        ((x & 0x1F) << 6) | y
    };
    let len = 2 + usize::from(three);
    let class = classes[cp.min(CLASSES)];
    let next = b.get(i + len).copied().unwrap_or(b' ');
    let prev = if i > 0 { b[i - 1] } else { b' ' };
    let vowel_near = MAY_BE_VOWEL[next as usize] | MAY_BE_VOWEL[prev as usize];
    if (class == ASK) | ((class == TONED) & vowel_near) {
        if class == ASK {
            return clean_at(text, i, style);
        }
        let packed = syllable::packed(cp as u32);
        return !tone::misplaced_at(text, i, len, syllable::unpack(packed), style);
    }
    true
}

/// Whether the character starting at byte `i` (a control byte below 0x0E or a non-ASCII
/// character) leaves the text normalised.
#[inline]
fn clean_at(text: &str, i: usize, style: Tone) -> bool {
    let b = text.as_bytes();
    let x = b[i];
    if x < 0x80 {
        return !(x == b'\r' || x == b'\t' || (x == b'\n' && lines::break_join(text, i).is_some()));
    }
    let (cp, len) = syllable::decode_at(b, i);
    if cp < 0x300 {
        if matches!(cp, 0xA0 | 0xAD) || (matches!(cp, 0xD0 | 0xF0) && lines::eth_is_dd(text, i)) {
            return false;
        }
    } else if !(0x1E00..=0x1EFF).contains(&cp) {
        let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
        if lines::space_rule(c).is_some() || !nfc::is_stable(c) {
            return false;
        }
    }
    let packed = syllable::packed(cp);
    !(syllable::may_misplace(packed)
        && tone::misplaced_at(text, i, len, syllable::unpack(packed), style))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition: [`clean_at`] asked of every character that is not plain ASCII; the
    /// first that fails.
    fn first_dirty_by_char(text: &str, style: Tone) -> Option<usize> {
        text.char_indices()
            .filter(|&(_, c)| !(' '..='\u{7F}').contains(&c))
            .find(|&(i, _)| !clean_at(text, i, style))
            .map(|(i, _)| i)
    }

    /// The dispatching check and the portable one both agree with the definition, on whether
    /// the text is clean and on where it first is not.
    fn agree(text: &str) {
        for style in [Tone::Old, Tone::New] {
            let want = first_dirty_by_char(text, style);
            assert_eq!(first_dirty(text, style), want, "{text:?} {style:?}");
            assert_eq!(is_clean(text, style), want.is_none(), "{text:?} {style:?}");
            assert_eq!(scan::<false>(text, 0, style), want, "{text:?} {style:?}");
            // From a character part way, the first one at or after it (a few starting points:
            // each check reads the rest of the text).
            let step = (text.len() / 8).max(7);
            let starts = text
                .char_indices()
                .map(|(i, _)| i)
                .filter(|&i| i % step < 4);
            for from in starts.take(12) {
                let after = text[from..]
                    .char_indices()
                    .filter(|&(_, c)| !(' '..='\u{7F}').contains(&c))
                    .map(|(i, _)| from + i)
                    .find(|&i| !clean_at(text, i, style));
                assert_eq!(
                    first_dirty_from(text, from, style),
                    after,
                    "{text:?} {from}"
                );
            }
        }
    }

    #[test]
    fn blocks_agree_with_the_definition_on_samples() {
        for s in [
            "",
            "a",
            "hòa",
            "hoà",
            "T\nham",
            "T \nham",
            "a\tb",
            "a\rb",
            "Ðảng",
            "quý hoàn",
            "của người",
            "x\u{301}",
            "Uỷ ban",
            "qúa gìa hòan mùôn ngòai",
            "giữa, quạ, thuở, khuỷu, suýt",
            "≥ 5 ₫ – “trích” …",
            "a\u{A0}b\u{AD}c\u{200B}d\u{2028}e\u{202F}f\u{FEFF}",
            "Ω Ж 한 😀 \u{1680}",
        ] {
            agree(s);
        }
    }

    /// Characters that make the blocks look closer, or that they must see past.
    const PROBES: &[&str] = &[
        "\r", "\t", "\n", "\u{A0}", "\u{AD}", "Ð", "ð", "\u{301}", "\u{300}", "\u{2028}",
        "\u{2029}", "\u{200B}", "\u{200D}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{3000}",
        "\u{FEFF}", "\u{1680}", "\u{2000}", "\u{2126}", "\u{20D0}", "“", "…", "₫", "≥", "😀", "ủa",
        "hòa", "hoà", "Ủy", "Uỷ", "qúy", "gìa", "T\nham", "ỏ", "ư", "ươ", "ừơ", "ĩa", "ũa", "Ĩa",
        "ìa", "ễ", "ả", "ặ", "đã", "đìa", "Đìa", "ngày", "ngaỳ",
    ];

    /// `probe` at byte `at` of a text made of `filler`, at every offset around the first
    /// two block boundaries (and the end of the text).
    fn at_every_offset(probe: &str, offsets: impl Iterator<Item = usize> + Clone) {
        for filler in ["hoa xa toi ", "ngày tháng năm ", "của ông bà "] {
            for at in offsets.clone() {
                let mut s = String::new();
                let mut pad = filler.chars().cycle();
                while s.len() < at {
                    s.extend(pad.next());
                }
                s.push_str(probe);
                let end = s.len();
                while s.len() < end + BLOCK + 5 {
                    s.extend(pad.next());
                }
                agree(&s);
                agree(&s[..end]);
            }
        }
    }

    #[test]
    fn every_probe_is_noticed_at_every_offset_of_a_block() {
        for probe in PROBES {
            at_every_offset(probe, 0..2 * BLOCK + 3);
        }
        // Every character the blocks classify by its bytes, across a block boundary.
        for c in ('\u{80}'..='\u{2FF}')
            .chain('\u{1E00}'..='\u{1EFF}')
            .chain('\u{2000}'..='\u{20FF}')
        {
            at_every_offset(&format!("o{c}a"), BLOCK - 4..BLOCK + 2);
        }
    }

    #[test]
    fn code_points_between_letters() {
        // Every code point up to the CJK symbols (the ranges the blocks classify and their
        // neighbours), BOM and the half-width forms, and a sample of the rest.
        let all = (0x80..0x3100)
            .chain(0xFE00..0x1_0000)
            .chain((0x3100..0x11_0000).step_by(61));
        for c in all.filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("ho{c}a "),
                format!("xx{c}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
                format!("a{c}"),
            ] {
                agree(&s);
            }
        }
    }

    /// Bytes the classification treats specially, for generated windows.
    #[cfg(target_arch = "x86_64")]
    const SPECIAL: &[u8] = &[
        b'\r', b'\t', b'\n', b' ', b'a', b'e', b'i', b'o', b'u', b'y', b'A', b'O', b'U', b'Y',
        b'q', b'Q', b'g', b'G', b'h', b'n', b'd', b'z', b'@', b'[', b'`', b'{', b'0', 0x7F, 0x80,
        0x88, 0x8F, 0x90, 0x91, 0x9F, 0xA0, 0xA3, 0xA4, 0xA8, 0xA9, 0xAD, 0xAF, 0xB0, 0xB7, 0xB8,
        0xB9, 0xBA, 0xBB, 0xBD, 0xBE, 0xBF, 0x82, 0x8A, 0x94, 0xC0, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6,
        0xC7, 0xCB, 0xCC, 0xCD, 0xDF, 0xE0, 0xE1, 0xE2, 0xE3, 0xEF, 0xF0, 0xF4, 0xFF,
    ];

    #[cfg(target_arch = "x86_64")]
    fn avx2_agrees(w: &[u8; WINDOW]) {
        if !std::arch::is_x86_feature_detected!("avx2") {
            return;
        }
        for new_style in [false, true] {
            // SAFETY: AVX2 is available, checked above.
            let fast = unsafe { super::super::clean_avx2::block_mask(w, new_style) };
            assert_eq!(
                fast,
                block_mask(w, new_style),
                "{w:02X?} new style: {new_style}"
            );
        }
    }

    #[cfg(target_arch = "x86_64")]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn avx2_blocks_agree_with_the_portable_ones(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::any::<u8>(),
                    proptest::sample::select(SPECIAL),
                    proptest::sample::select(SPECIAL),
                ],
                WINDOW,
            )
        ) {
            let mut w = [0u8; WINDOW];
            w.copy_from_slice(&bytes);
            avx2_agrees(&w);
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn avx2_blocks_agree_with_the_portable_ones_on_the_corpus() {
        for dir in ["../shared/corpus/seeds", "../shared/corpus/dev"] {
            for (_, text) in crate::testing::texts_in(dir, true) {
                for window in text.as_bytes().windows(WINDOW) {
                    let Ok(w) = <&[u8; WINDOW]>::try_from(window) else {
                        continue;
                    };
                    avx2_agrees(w);
                }
            }
        }
    }

    #[test]
    fn blocks_agree_with_the_definition_on_the_corpus() {
        use unicode_normalization::UnicodeNormalization;
        let mut seen = 0;
        for dir in ["../shared/corpus/seeds", "../shared/corpus/dev"] {
            for (_, text) in crate::testing::texts_in(dir, true) {
                seen += 1;
                let old = super::super::pipeline(&text, Tone::Old).into_owned();
                let new = super::super::pipeline(&text, Tone::New).into_owned();
                let nfd: String = old.nfd().collect();
                for t in [&text, &old, &new, &nfd] {
                    agree(t);
                    // Every alignment of the text against the blocks.
                    for skip in 1..4 {
                        agree(&format!("{}{t}", " ".repeat(skip)));
                    }
                }
            }
        }
        assert!(seen >= 100, "{seen} documents");
    }
}
