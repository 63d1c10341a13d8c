//! Vietnamese syllable structure: onset, (glide +) nucleus, coda and tone, decided by rule with no
//! word list. Shared by tone placement, line repair, VIQR and legacy-encoding detection.
//!
//! A syllable is `onset? vowels coda? + one tone`. The vowel clusters and where the tone goes
//! come from research/standards.md §5.2–5.3 (UniKey's `getTonePosition`, restated): one vowel
//! takes it; else the vowel with a circumflex (â ê ô); else the one with a horn or breve (ă ơ ư;
//! the ơ of ươ); else the middle of three; else, for two plain vowels, the 1st in an open
//! syllable and the 2nd in a closed one, except that the new style puts it on the 2nd of the
//! open `oa`, `oe`, `uy` (hoà, khoẻ, thuỷ). `qu` and `gi` are onsets when a vowel follows.

use std::sync::LazyLock;

use crate::options::Tone;

/// The 12 vowel letters × 6 tones, lower case. A vowel's index here + 1 is its `v` code.
pub(crate) const LOWER: [[char; 6]; 12] = [
    ['a', 'á', 'à', 'ả', 'ã', 'ạ'],
    ['ă', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'é', 'è', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ế', 'ề', 'ể', 'ễ', 'ệ'],
    ['i', 'í', 'ì', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ó', 'ò', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ớ', 'ờ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ú', 'ù', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ứ', 'ừ', 'ử', 'ữ', 'ự'],
    ['y', 'ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'],
];

/// The same letters in upper case.
pub(crate) const UPPER: [[char; 6]; 12] = [
    ['A', 'Á', 'À', 'Ả', 'Ã', 'Ạ'],
    ['Ă', 'Ắ', 'Ằ', 'Ẳ', 'Ẵ', 'Ặ'],
    ['Â', 'Ấ', 'Ầ', 'Ẩ', 'Ẫ', 'Ậ'],
    ['E', 'É', 'È', 'Ẻ', 'Ẽ', 'Ẹ'],
    ['Ê', 'Ế', 'Ề', 'Ể', 'Ễ', 'Ệ'],
    ['I', 'Í', 'Ì', 'Ỉ', 'Ĩ', 'Ị'],
    ['O', 'Ó', 'Ò', 'Ỏ', 'Õ', 'Ọ'],
    ['Ô', 'Ố', 'Ồ', 'Ổ', 'Ỗ', 'Ộ'],
    ['Ơ', 'Ớ', 'Ờ', 'Ở', 'Ỡ', 'Ợ'],
    ['U', 'Ú', 'Ù', 'Ủ', 'Ũ', 'Ụ'],
    ['Ư', 'Ứ', 'Ừ', 'Ử', 'Ữ', 'Ự'],
    ['Y', 'Ý', 'Ỳ', 'Ỷ', 'Ỹ', 'Ỵ'],
];

// Vowel codes (index in LOWER + 1).
pub(crate) const A: u8 = 1;
pub(crate) const AW: u8 = 2; // ă
pub(crate) const AA: u8 = 3; // â
pub(crate) const E: u8 = 4;
pub(crate) const EE: u8 = 5; // ê
pub(crate) const I: u8 = 6;
pub(crate) const O: u8 = 7;
pub(crate) const OO: u8 = 8; // ô
pub(crate) const OW: u8 = 9; // ơ
pub(crate) const U: u8 = 10;
pub(crate) const UW: u8 = 11; // ư
pub(crate) const Y: u8 = 12;

/// The consonant code of đ/Đ (other consonants are their lower-case ASCII byte).
pub(crate) const DD: u8 = b'D';

/// One letter of a word, case and tone split off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Letter {
    /// Vowel code 1..=12, or 0 for a consonant.
    pub v: u8,
    /// Lower-case ASCII consonant, [`DD`] for đ; 0 for a vowel.
    pub c: u8,
    /// 0 ngang, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng.
    pub tone: u8,
    /// Written in upper case.
    pub upper: bool,
}

impl Letter {
    /// The character for this letter with `tone` instead of its own.
    #[inline]
    pub(crate) fn to_char_with_tone(self, tone: u8) -> char {
        if self.v > 0 {
            let row = (self.v - 1) as usize;
            let t = tone as usize;
            if self.upper {
                UPPER[row][t]
            } else {
                LOWER[row][t]
            }
        } else if self.c == DD {
            if self.upper {
                'Đ'
            } else {
                'đ'
            }
        } else if self.upper {
            self.c.to_ascii_uppercase() as char
        } else {
            self.c as char
        }
    }

    /// The character for this letter.
    pub(crate) fn to_char(self) -> char {
        self.to_char_with_tone(self.tone)
    }
}

// Packed letter info: bit 15 = letter; bits 0-3 vowel; 4-6 tone; bit 7 upper; bits 8-14 consonant.
const IS_LETTER: u16 = 1 << 15;

const fn pack(v: u8, c: u8, tone: u8, upper: bool) -> u16 {
    IS_LETTER | v as u16 | (tone as u16) << 4 | (upper as u16) << 7 | (c as u16) << 8
}

#[inline]
pub(crate) fn unpack(p: u16) -> Letter {
    let v = (p & 0xF) as u8;
    Letter {
        v,
        tone: ((p >> 4) & 0x7) as u8,
        upper: p & 0x80 != 0,
        c: if v > 0 { 0 } else { ((p >> 8) & 0x7F) as u8 },
    }
}

const LATIN_END: usize = 0x1B1; // through ư U+01B0
const EXT_START: u32 = 0x1EA0;
const EXT_END: u32 = 0x1EFA;
const EXT_LEN: usize = (EXT_END - EXT_START) as usize;

struct LetterTables {
    latin: [u16; LATIN_END],
    ext: [u16; EXT_LEN],
}

const fn set(t: &mut LetterTables, ch: char, packed: u16) {
    let cp = ch as u32;
    if (cp as usize) < LATIN_END {
        t.latin[cp as usize] = packed;
    } else if cp >= EXT_START && cp < EXT_END {
        t.ext[(cp - EXT_START) as usize] = packed;
    }
}

const fn build_letters() -> LetterTables {
    let mut t = LetterTables {
        latin: [0; LATIN_END],
        ext: [0; EXT_LEN],
    };
    let mut b = b'a';
    while b <= b'z' {
        set(&mut t, b as char, pack(0, b, 0, false));
        set(&mut t, b.to_ascii_uppercase() as char, pack(0, b, 0, true));
        b += 1;
    }
    let mut row = 0;
    while row < 12 {
        let mut tone = 0;
        while tone < 6 {
            let v = row as u8 + 1;
            // Bit 8 (the consonant field, unused by vowels) flags a marked plain vowel or ư.
            let flag = if tone > 0 && matches!(v, A | E | I | O | U | Y | UW) {
                0x100
            } else {
                0
            };
            set(
                &mut t,
                LOWER[row][tone],
                pack(v, 0, tone as u8, false) | flag,
            );
            set(
                &mut t,
                UPPER[row][tone],
                pack(v, 0, tone as u8, true) | flag,
            );
            tone += 1;
        }
        row += 1;
    }
    set(&mut t, 'đ', pack(0, DD, 0, false));
    set(&mut t, 'Đ', pack(0, DD, 0, true));
    t
}

static LETTERS: LetterTables = build_letters();

/// The packed letter of a code point, 0 when it is no letter of the Vietnamese alphabet. Use
/// [`unpack`] for the parts.
#[inline]
pub(crate) fn packed(cp: u32) -> u16 {
    if (cp as usize) < LATIN_END {
        LETTERS.latin[cp as usize]
    } else if (EXT_START..EXT_END).contains(&cp) {
        LETTERS.ext[(cp - EXT_START) as usize]
    } else {
        0
    }
}

/// Whether a packed letter is a marked plain vowel or a marked ư: the only letters whose mark
/// can be in the wrong place (flag bit 8, free in vowels).
#[inline]
pub(crate) fn may_misplace(p: u16) -> bool {
    p & 0x10F > 0x100
}

/// Vowel code of a packed letter (0 for a consonant or no letter).
#[inline]
pub(crate) fn packed_vowel(p: u16) -> u8 {
    (p & 0xF) as u8
}

/// The code point starting at byte `i` of valid UTF-8 and its length; (0, 1) past the end.
#[inline]
pub(crate) fn decode_at(b: &[u8], i: usize) -> (u32, usize) {
    match b.get(i) {
        Some(&x) if x < 0x80 => return (x as u32, 1),
        None => return (0, 1),
        _ => {}
    }
    if let Some(&[x, y, z]) = b.get(i..i + 3) {
        // The common case, with one bounds check: a 2- or 3-byte letter.
        if (0xC0..0xE0).contains(&x) {
            return (((x & 0x1F) as u32) << 6 | (y & 0x3F) as u32, 2);
        }
        if (0xE0..0xF0).contains(&x) {
            return (
                ((x & 0x0F) as u32) << 12 | ((y & 0x3F) as u32) << 6 | (z & 0x3F) as u32,
                3,
            );
        }
    }
    let byte = |k: usize| b.get(i + k).map_or(0, |&x| (x & 0x3F) as u32);
    match b.get(i) {
        None => (0, 1),
        Some(&x) if x < 0x80 => (x as u32, 1),
        Some(&x) if x < 0xE0 => (((x & 0x1F) as u32) << 6 | byte(1), 2),
        Some(&x) if x < 0xF0 => (((x & 0x0F) as u32) << 12 | byte(1) << 6 | byte(2), 3),
        Some(&x) => (
            ((x & 0x07) as u32) << 18 | byte(1) << 12 | byte(2) << 6 | byte(3),
            4,
        ),
    }
}

/// The code point ending just before byte `i` of valid UTF-8, and its start.
#[inline]
pub(crate) fn decode_before(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let mut s = i.checked_sub(1)?;
    if b[s] < 0x80 {
        return Some((b[s] as u32, s));
    }
    while s > 0 && i - s < 4 && (b[s] & 0xC0) == 0x80 {
        s -= 1;
    }
    Some((decode_at(b, s).0, s))
}

/// The letter `c` stands for, if it is a letter of the Vietnamese alphabet (ASCII letters
/// included, so English words parse too and are then rejected by structure).
#[inline]
pub(crate) fn letter(c: char) -> Option<Letter> {
    let p = packed(c as u32);
    if p & IS_LETTER != 0 {
        Some(unpack(p))
    } else {
        None
    }
}

/// The longest syllable in letters ("nghiêng", "khuyếch" have 7).
pub(crate) const MAX_LETTERS: usize = 8;

/// A word split into its syllable parts. Indices are letter positions in the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Syllable {
    /// Letters of the onset (`qu`, `gi` included when a vowel follows).
    pub onset: usize,
    /// Letters of the vowel cluster.
    pub vowels: usize,
    /// Letters of the final consonant.
    pub coda: usize,
    /// The tone, 0 (ngang) ..= 5 (nặng).
    pub tone: u8,
    /// Which letter carries the tone mark now (None for ngang).
    pub marked: Option<usize>,
    info: u8,
}

impl Syllable {
    /// Where the tone mark belongs in `style` (a letter index in the word).
    pub(crate) fn tone_position(&self, style: Tone) -> usize {
        let rel = if self.coda > 0 {
            (self.info >> 6) & 3
        } else if style == Tone::New {
            (self.info >> 4) & 3
        } else {
            (self.info >> 2) & 3
        };
        self.onset + rel as usize
    }
}

// Cluster info bits: 0 open ok, 1 closed ok, 2-3 old open pos, 4-5 new open pos, 6-7 closed pos.
const OPEN: u8 = 1;
const CLOSED: u8 = 2;

/// Every vowel cluster of research §5.3 with whether it may end the syllable (open) or needs a
/// final consonant (closed).
const CLUSTERS: &[(&str, u8)] = &[
    ("a", OPEN | CLOSED),
    ("ă", CLOSED),
    ("â", CLOSED),
    ("e", OPEN | CLOSED),
    ("ê", OPEN | CLOSED),
    ("i", OPEN | CLOSED),
    ("o", OPEN | CLOSED),
    ("ô", OPEN | CLOSED),
    ("ơ", OPEN | CLOSED),
    ("u", OPEN | CLOSED),
    ("ư", OPEN | CLOSED),
    ("y", OPEN | CLOSED),
    ("ai", OPEN),
    ("ao", OPEN),
    ("au", OPEN),
    ("ay", OPEN),
    ("âu", OPEN),
    ("ây", OPEN),
    ("eo", OPEN),
    ("êu", OPEN),
    ("ia", OPEN),
    ("iu", OPEN),
    ("oi", OPEN),
    ("ôi", OPEN),
    ("ơi", OPEN),
    ("ui", OPEN),
    ("ưa", OPEN),
    ("ưi", OPEN),
    ("ưu", OPEN),
    ("ua", OPEN),
    ("oa", OPEN | CLOSED),
    ("oe", OPEN | CLOSED),
    ("uy", OPEN | CLOSED),
    ("oă", CLOSED),
    ("oo", CLOSED),
    ("iê", CLOSED),
    ("yê", CLOSED),
    ("uâ", CLOSED),
    ("uê", OPEN | CLOSED),
    ("uô", CLOSED),
    ("uơ", OPEN),
    ("ươ", CLOSED),
    ("iêu", OPEN),
    ("yêu", OPEN),
    ("oai", OPEN),
    ("oay", OPEN),
    ("oeo", OPEN),
    ("uây", OPEN),
    ("uôi", OPEN),
    ("uya", OPEN),
    ("uyê", CLOSED),
    ("uyu", OPEN),
    ("ươi", OPEN),
    ("ươu", OPEN),
];

fn cluster_key(vowels: &[u8]) -> usize {
    vowels.iter().fold(0usize, |k, &v| k * 13 + v as usize)
}

const KEY_SPACE: usize = 13 * 13 * 13 + 13 * 13 + 13 + 1;

/// The tone position (index in the cluster) by the rule of research §5.2.
fn rule_position(vowels: &[u8], closed: bool, style: Tone) -> u8 {
    if vowels.len() == 1 {
        return 0;
    }
    if let Some(i) = vowels.iter().position(|&v| matches!(v, AA | EE | OO)) {
        return i as u8;
    }
    if vowels.len() >= 2 && vowels[0] == UW && vowels[1] == OW {
        return 1;
    }
    if let Some(i) = vowels.iter().position(|&v| matches!(v, AW | OW | UW)) {
        return i as u8;
    }
    if vowels.len() == 3 {
        return 1;
    }
    if closed {
        return 1;
    }
    let new_pair = matches!((vowels[0], vowels[1]), (O, A) | (O, E) | (U, Y));
    if style == Tone::New && new_pair {
        1
    } else {
        0
    }
}

static CLUSTER_INFO: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut table = vec![0u8; KEY_SPACE];
    for (text, flags) in CLUSTERS {
        let vowels: Vec<u8> = text.chars().map(|c| letter(c).map_or(0, |l| l.v)).collect();
        let old = rule_position(&vowels, false, Tone::Old);
        let new = rule_position(&vowels, false, Tone::New);
        let closed = rule_position(&vowels, true, Tone::Old);
        table[cluster_key(&vowels)] = flags | old << 2 | new << 4 | closed << 6;
    }
    table
});

fn cluster_info(vowels: &[u8]) -> u8 {
    if vowels.is_empty() || vowels.len() > 3 {
        return 0;
    }
    CLUSTER_INFO[cluster_key(vowels)]
}

/// Splits `letters` into onset, vowels and coda and checks them against Vietnamese syllable
/// structure. `None` when the word is not a Vietnamese syllable (English words, codes, halves of
/// a broken syllable, more than one tone mark).
pub(crate) fn parse(letters: &[Letter]) -> Option<Syllable> {
    let n = letters.len();
    if n == 0 || n > MAX_LETTERS {
        return None;
    }
    let mut tone = 0u8;
    let mut marked = None;
    for (i, l) in letters.iter().enumerate() {
        if l.tone != 0 {
            if marked.is_some() {
                return None;
            }
            tone = l.tone;
            marked = Some(i);
        }
    }
    let cons = |i: usize| letters.get(i).map_or(0, |l| l.c);
    let vowel_at = |i: usize| letters.get(i).is_some_and(|l| l.v > 0);
    let (c0, c1, c2) = (cons(0), cons(1), cons(2));
    // Onset, longest first. `qu` and `gi` only when another vowel follows.
    // "gi" + vowel is the onset gi ("già", "giữa"; a mark on its i is misplaced: "gìa"), and
    // "qu" + vowel the onset qu.
    let qu_gi = (c0 == b'q' && letters.get(1).is_some_and(|l| l.v == U) && vowel_at(2))
        || (c0 == b'g' && letters.get(1).is_some_and(|l| l.v == I) && vowel_at(2));
    let onset = if c0 == b'n' && c1 == b'g' && c2 == b'h' {
        3
    } else if (c0 != 0 && c1 != 0 && is_onset_pair(c0, c1)) || qu_gi {
        2
    } else if c0 != 0 {
        if !matches!(
            c0,
            b'b' | b'c'
                | b'd'
                | DD
                | b'g'
                | b'h'
                | b'k'
                | b'l'
                | b'm'
                | b'n'
                | b'p'
                | b'r'
                | b's'
                | b't'
                | b'v'
                | b'x'
        ) {
            return None;
        }
        1
    } else {
        0
    };
    let mut vowels = [0u8; 3];
    let mut nv = 0;
    let mut i = onset;
    while i < n && letters[i].v > 0 {
        if nv == 3 {
            return None;
        }
        vowels[nv] = letters[i].v;
        nv += 1;
        i += 1;
    }
    if nv == 0 {
        return None;
    }
    let vowels = &vowels[..nv];
    let coda_start = i;
    let coda = n - coda_start;
    let (k0, k1) = (cons(coda_start), cons(coda_start + 1));
    let coda_ok = match coda {
        0 => true,
        1 => matches!(k0, b'c' | b'm' | b'n' | b'p' | b't'),
        2 => matches!((k0, k1), (b'c', b'h') | (b'n', b'g') | (b'n', b'h')),
        _ => false,
    };
    if !coda_ok {
        return None;
    }
    let info = cluster_info(vowels);
    let needed = if coda > 0 { CLOSED } else { OPEN };
    if info & needed == 0 {
        return None;
    }
    let first = vowels[0];
    let last = vowels[nv - 1];
    let front = matches!(first, E | EE | I | Y);
    match (onset, c0, c1) {
        (1, b'k', _) | (2, b'g', b'h') | (3, _, _) if !front => return None,
        (1, b'c', _) | (2, b'n', b'g') if front => return None,
        (1, b'g', _) if matches!(first, E | EE) => return None,
        (2, b'q', _) if matches!(first, U | UW | O | OO) => return None,
        (2, b'g', b'i') if matches!(first, I) => return None,
        _ => {}
    }
    // ch / nh follow a, ê, i, y (ach, êch, ich, anh, ênh, inh, uynh); c / ng never follow i, y.
    let soft = matches!(k0, b'c' | b'n') && k1 == b'h';
    if soft && !matches!(last, A | EE | I | Y) {
        return None;
    }
    let hard = (k0 == b'c' && coda == 1) || (k0 == b'n' && k1 == b'g');
    if hard && nv == 1 && matches!(last, I | Y) {
        return None;
    }
    // Stops (c ch p t) take only sắc or nặng.
    if matches!(k0, b'c' | b'p' | b't') && !matches!(tone, 0 | 1 | 5) {
        return None;
    }
    Some(Syllable {
        onset,
        vowels: nv,
        coda,
        tone,
        marked,
        info,
    })
}

fn is_onset_pair(c0: u8, c1: u8) -> bool {
    matches!(
        (c0, c1),
        (b'c', b'h')
            | (b'g', b'h')
            | (b'k', b'h')
            | (b'n', b'g')
            | (b'n', b'h')
            | (b'p', b'h')
            | (b't', b'h')
            | (b't', b'r')
    )
}

/// Letters of `word` (all its characters must be letters), at most [`MAX_LETTERS`].
pub(crate) fn letters_of(word: &str, out: &mut [Letter; MAX_LETTERS]) -> Option<usize> {
    let mut n = 0;
    for c in word.chars() {
        if n == MAX_LETTERS {
            return None;
        }
        out[n] = letter(c)?;
        n += 1;
    }
    Some(n)
}

/// Whether `word` is one valid Vietnamese syllable (tone position not considered).
pub(crate) fn is_syllable(word: &str) -> bool {
    let mut buf = [Letter::default(); MAX_LETTERS];
    letters_of(word, &mut buf).is_some_and(|n| parse(&buf[..n]).is_some())
}

/// Whether `word` is a valid syllable whose tone mark sits where `style` puts it.
pub(crate) fn needs_retone(word: &str, style: Tone) -> bool {
    let mut buf = [Letter::default(); MAX_LETTERS];
    let Some(n) = letters_of(word, &mut buf) else {
        return false;
    };
    match parse(&buf[..n]) {
        Some(s) => s.marked.is_some_and(|m| m != s.tone_position(style)),
        None => false,
    }
}

/// Writes `word` with its tone mark moved to where `style` puts it; returns false (writing
/// nothing) when the word is not a syllable or the mark is already in place.
pub(crate) fn retone_into(word: &str, style: Tone, out: &mut String) -> bool {
    let mut buf = [Letter::default(); MAX_LETTERS];
    let Some(n) = letters_of(word, &mut buf) else {
        return false;
    };
    let Some(s) = parse(&buf[..n]) else {
        return false;
    };
    let Some(m) = s.marked else {
        return false;
    };
    let target = s.tone_position(style);
    if m == target {
        return false;
    }
    for (i, l) in buf[..n].iter().enumerate() {
        let t = if i == target { s.tone } else { 0 };
        out.push(l.to_char_with_tone(t));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retone(word: &str, style: Tone) -> String {
        let mut out = String::new();
        if retone_into(word, style, &mut out) {
            out
        } else {
            word.to_string()
        }
    }

    #[test]
    fn every_letter_round_trips_through_the_table() {
        for rows in [LOWER, UPPER] {
            for row in rows {
                for c in row {
                    let l = letter(c).unwrap_or_else(|| panic!("{c} not a letter"));
                    assert_eq!(l.to_char(), c);
                }
            }
        }
        assert_eq!(letter('đ').map(Letter::to_char), Some('đ'));
        assert_eq!(letter('Đ').map(Letter::to_char), Some('Đ'));
        assert_eq!(letter('1'), None);
        assert_eq!(letter('ñ'), None);
    }

    #[test]
    fn valid_and_invalid_syllables() {
        for w in [
            "nghiêng",
            "khuyếch",
            "quý",
            "giữa",
            "gì",
            "gìn",
            "hoàn",
            "thuở",
            "khuỷu",
            "người",
            "được",
            "Việt",
            "NAM",
            "tiếng",
            "yêu",
            "oái",
            "xoong",
            "quạ",
            "uỷ",
            "Ủy",
            "huơ",
            "khuya",
        ] {
            assert!(is_syllable(w), "{w} should be a syllable");
        }
        for w in [
            "T", "UBND", "what", "street", "ka", "ghá", "ngi", "tàt", "hoàa", "qua̒", "ic", "Tỉnhx",
            "cie", "tiê", "quu", "email", "http",
        ] {
            assert!(!is_syllable(w), "{w} should not be a syllable");
        }
    }

    #[test]
    fn naive_rewrite_traps_keep_their_mark() {
        for w in [
            "quý", "hoàn", "suýt", "khuỷu", "thuở", "giữa", "quạ", "Quý", "HOÀN", "SUÝT", "KHUỶU",
            "THUỞ",
        ] {
            assert_eq!(retone(w, Tone::Old), w);
            assert_eq!(retone(w, Tone::New), w);
        }
    }

    #[test]
    fn open_oa_oe_uy_follow_the_style() {
        for (old, new) in [
            ("hòa", "hoà"),
            ("khỏe", "khoẻ"),
            ("thủy", "thuỷ"),
            ("Ủy", "Uỷ"),
            ("HÒA", "HOÀ"),
        ] {
            assert_eq!(retone(old, Tone::New), new);
            assert_eq!(retone(new, Tone::Old), old);
            assert_eq!(retone(old, Tone::Old), old);
            assert_eq!(retone(new, Tone::New), new);
        }
    }

    #[test]
    fn misplaced_marks_are_moved_by_the_rule() {
        for (bad, good) in [
            ("qúy", "quý"),
            ("hòan", "hoàn"),
            ("súyt", "suýt"),
            ("khủyu", "khuỷu"),
            ("gìa", "già"),
            ("ngòai", "ngoài"),
            ("mùôn", "muồn"),
        ] {
            assert_eq!(retone(bad, Tone::Old), good, "{bad}");
        }
    }
}
