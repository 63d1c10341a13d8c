//! [`super::clean`]'s block classification written with AVX2 instructions, for CPUs that
//! have them (checked at run time by the caller). It computes exactly what the portable
//! `block_mask` computes (a test compares the two on generated and corpus windows), with
//! byte-table lookups (`vpshufb` on the low and high half of each byte) in place of most of
//! the comparisons: a letter or vowel test is four instructions instead of a dozen.

use std::arch::x86_64::{
    __m256i, _mm256_and_si256, _mm256_andnot_si256, _mm256_blendv_epi8,
    _mm256_broadcastsi128_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_max_epu8,
    _mm256_min_epu8, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8, _mm256_setzero_si256,
    _mm256_shuffle_epi8, _mm256_srli_epi16, _mm_loadu_si128,
};

use super::clean::WINDOW;

// Classes of one byte, from its low and high half: ASCII vowels (two rows of the ASCII table),
// ASCII letters (two rows), non-ASCII, q, g and u (either case).
const VOWEL_AEIO: u8 = 1;
const VOWEL_UY: u8 = 2;
const LETTER_AO: u8 = 4;
const LETTER_PZ: u8 = 8;
const HIGH: u8 = 16;
const Q: u8 = 32;
const G: u8 = 64;
const U: u8 = 128;
const VOWEL: u8 = VOWEL_AEIO | VOWEL_UY;
const LETTER: u8 = LETTER_AO | LETTER_PZ;

/// Class bits by the high half of a byte: rows 4 and 6 hold A–O and a–o, rows 5 and 7 P–Z and
/// p–z; rows 8–F are non-ASCII.
const BY_HIGH: [u8; 16] = {
    let ao = VOWEL_AEIO | LETTER_AO | G;
    let pz = VOWEL_UY | LETTER_PZ | Q | U;
    [
        0, 0, 0, 0, ao, pz, ao, pz, HIGH, HIGH, HIGH, HIGH, HIGH, HIGH, HIGH, HIGH,
    ]
};

/// Class bits by the low half of a byte (each bit kept only if the high half allows it).
const BY_LOW: [u8; 16] = {
    let mut t = [HIGH; 16];
    let mut lo = 0;
    while lo < 16 {
        // Rows 4/6: @ A … O; rows 5/7: P … Z [ \ ] ^ _.
        if lo >= 1 {
            t[lo] |= LETTER_AO;
        }
        if lo <= 0xA {
            t[lo] |= LETTER_PZ;
        }
        if matches!(lo, 1 | 5 | 9 | 0xF) {
            t[lo] |= VOWEL_AEIO;
        }
        if matches!(lo, 5 | 9) {
            t[lo] |= VOWEL_UY;
        }
        if lo == 1 {
            t[lo] |= Q;
        }
        if lo == 7 {
            t[lo] |= G;
        }
        if lo == 5 {
            t[lo] |= U;
        }
        lo += 1;
    }
    t
};

// Third bytes of toned letters in Latin Extended Additional: after E1 BA, A0–A3 (ạ ả) and
// B8–BD (ẹ ẻ ẽ); after E1 BB, 88–8F (ỉ ị ọ ỏ), A4–AF and B0–B9 (ụ … ỹ). One bit per
// rectangle of (high half, low half).
const BA_A: u8 = 1;
const BA_B: u8 = 2;
const BB_8: u8 = 4;
const BB_A: u8 = 8;
const BB_B: u8 = 16;
const THIRD_BY_HIGH: [u8; 16] = [
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    BB_8,
    0,
    BA_A | BB_A,
    BA_B | BB_B,
    0,
    0,
    0,
    0,
];
const THIRD_BY_LOW: [u8; 16] = {
    let mut t = [0u8; 16];
    let mut lo = 0;
    while lo < 16 {
        if lo <= 3 {
            t[lo] |= BA_A;
        }
        if lo >= 8 && lo <= 0xD {
            t[lo] |= BA_B;
        }
        if lo >= 8 {
            t[lo] |= BB_8;
        }
        if lo >= 4 {
            t[lo] |= BB_A;
        }
        if lo <= 9 {
            t[lo] |= BB_B;
        }
        lo += 1;
    }
    t
};

/// The 32 bytes of `w` from `k` (at most `WINDOW - 32`).
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn load(w: &[u8; WINDOW], k: usize) -> __m256i {
    let bytes = &w[k..k + 32];
    // SAFETY: `bytes` is 32 bytes long (the slice above panics otherwise).
    unsafe { _mm256_loadu_si256(bytes.as_ptr().cast()) }
}

/// A 16-byte table in both 128-bit lanes, for `vpshufb`.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn table(t: &[u8; 16]) -> __m256i {
    // SAFETY: `t` is 16 readable bytes, and this load needs no alignment.
    let lane = unsafe { _mm_loadu_si128(t.as_ptr().cast()) };
    _mm256_broadcastsi128_si256(lane)
}

/// Each byte looked up by its low half in `low` and its high half in `high`, the two ANDed.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn lookup(x: __m256i, low: __m256i, high: __m256i) -> __m256i {
    let nibble = _mm256_set1_epi8(0x0F);
    let lo = _mm256_and_si256(x, nibble);
    let hi = _mm256_and_si256(_mm256_srli_epi16::<4>(x), nibble);
    _mm256_and_si256(_mm256_shuffle_epi8(low, lo), _mm256_shuffle_epi8(high, hi))
}

/// All ones where `x` equals `v`.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn eq(x: __m256i, v: u8) -> __m256i {
    _mm256_cmpeq_epi8(x, _mm256_set1_epi8(v as i8))
}

/// All ones where `lo <= x <= hi` (unsigned).
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn within(x: __m256i, lo: u8, hi: u8) -> __m256i {
    let clamped = _mm256_min_epu8(
        _mm256_max_epu8(x, _mm256_set1_epi8(lo as i8)),
        _mm256_set1_epi8(hi as i8),
    );
    _mm256_cmpeq_epi8(clamped, x)
}

/// All ones where a class has none of `bits`.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn none(class: __m256i, bits: u8) -> __m256i {
    _mm256_cmpeq_epi8(
        _mm256_and_si256(class, _mm256_set1_epi8(bits as i8)),
        _mm256_setzero_si256(),
    )
}

/// All ones where a class has one of `bits`.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn any(class: __m256i, bits: u8) -> __m256i {
    not(none(class, bits))
}

#[inline]
#[target_feature(enable = "avx2")]
unsafe fn not(x: __m256i) -> __m256i {
    _mm256_andnot_si256(x, _mm256_set1_epi8(-1))
}

#[inline]
#[target_feature(enable = "avx2")]
unsafe fn and(a: __m256i, b: __m256i) -> __m256i {
    _mm256_and_si256(a, b)
}

#[inline]
#[target_feature(enable = "avx2")]
unsafe fn or(a: __m256i, b: __m256i) -> __m256i {
    _mm256_or_si256(a, b)
}

/// `a & !b`.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn and_not(a: __m256i, b: __m256i) -> __m256i {
    _mm256_andnot_si256(b, a)
}

/// The portable `block_mask` of [`super::clean`], rule for rule (the comments there say why).
///
/// # Safety
/// The CPU must support AVX2.
#[inline]
#[target_feature(enable = "avx2")]
pub(super) unsafe fn block_mask(w: &[u8; WINDOW], new_style: bool) -> u32 {
    let (pp, p, x, y, z) = (load(w, 0), load(w, 1), load(w, 2), load(w, 3), load(w, 4));
    let (v, u) = (load(w, 5), load(w, 6));
    let (low, high) = (table(&BY_LOW), table(&BY_HIGH));
    let class_p = lookup(p, low, high);
    let class_pp = lookup(pp, low, high);
    let class_y = lookup(y, low, high);

    let control = or(eq(x, b'\r'), eq(x, b'\t'));
    let letter_p = any(class_p, LETTER | HIGH);
    let line_feed = and(
        and(eq(x, b'\n'), or(letter_p, eq(p, b' '))),
        any(class_y, LETTER | HIGH),
    );

    let c3 = eq(x, 0xC3);
    let e1 = eq(x, 0xE1);
    let latin_ext = and(e1, within(y, 0xB8, 0xBB));
    let rare = and_not(
        and_not(within(x, 0xC0, 0xFF), within(x, 0xC3, 0xC6)),
        latin_ext,
    );
    let y_lower = _mm256_and_si256(y, _mm256_set1_epi8(0xDFu8 as i8));
    let eth = and(c3, eq(y_lower, 0x90));

    let third = lookup(z, table(&THIRD_BY_LOW), table(&THIRD_BY_HIGH));
    let toned_latin1 = and_not(
        c3,
        or(or(eq(y_lower, 0x82), eq(y_lower, 0x8A)), eq(y_lower, 0x94)),
    );
    let x_even = _mm256_and_si256(x, _mm256_set1_epi8(0xFEu8 as i8));
    let y_even = _mm256_and_si256(y, _mm256_set1_epi8(0xFEu8 as i8));
    let toned_ext_a = and(eq(x_even, 0xC4), eq(y_even, 0xA8));
    let toned_ext_add = and(
        e1,
        or(
            and(eq(y, 0xBA), any(third, BA_A | BA_B)),
            and(eq(y, 0xBB), any(third, BB_8 | BB_A | BB_B)),
        ),
    );
    let toned = or(or(toned_latin1, toned_ext_a), toned_ext_add);

    let after = _mm256_blendv_epi8(z, v, e1);
    let after2 = _mm256_blendv_epi8(v, u, e1);
    let class_after = lookup(after, low, high);
    let class_after2 = lookup(after2, low, high);
    let p_even = _mm256_and_si256(p, _mm256_set1_epi8(0xFEu8 as i8));
    let dd = and(eq(pp, 0xC4), eq(p_even, 0x90));
    let near = or(
        and_not(any(class_p, VOWEL | HIGH), dd),
        any(class_after, VOWEL | HIGH),
    );

    let consonant_before = or(none(class_p, VOWEL | HIGH | Q | G), dd);
    let new_pair = if new_style {
        let after_lower = _mm256_or_si256(after, _mm256_set1_epi8(0x20));
        or(
            or(eq(after_lower, b'a'), eq(after_lower, b'e')),
            eq(after_lower, b'y'),
        )
    } else {
        _mm256_setzero_si256()
    };
    let open_first = and_not(
        and(
            and(consonant_before, any(class_after, VOWEL)),
            none(class_after2, LETTER | HIGH),
        ),
        new_pair,
    );
    let p_lower = _mm256_or_si256(p, _mm256_set1_epi8(0x20));
    let qu_gi = or(
        and(any(class_pp, Q), any(class_p, U)),
        and(any(class_pp, G), eq(p_lower, b'i')),
    );
    let second = and(
        and(
            and(any(class_p, VOWEL), none(class_pp, VOWEL | HIGH)),
            none(class_after, VOWEL | HIGH),
        ),
        or(any(class_after, LETTER), qu_gi),
    );
    let tone = and_not(and_not(and(toned, near), open_first), second);
    let flags = or(or(or(control, line_feed), or(rare, eth)), tone);
    _mm256_movemask_epi8(flags) as u32
}
