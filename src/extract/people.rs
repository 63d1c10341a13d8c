//! People named with a position or an honorific ("đồng chí Hà Anh Dũng - UVBTV, Trưởng Ban
//! Tuyên giáo Tỉnh ủy").
//!
//! Three shapes, found from one Aho-Corasick pass over the positions table
//! (`dictionaries/positions.tsv`):
//! - honorific + name [+ titles]: "Đồng chí Hà Anh Dũng - UVBTV, Trưởng Ban Tuyên giáo Tỉnh ủy",
//!   "đồng chí Mạc Đình Huấn- Phó Trưởng Ban …", "Đ/c Phan Duy Khiêm-Trưởng phòng …", plural
//!   "các đồng chí: A, B và C";
//! - titles + name: "Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy Hà Anh Dũng",
//!   "Phó Chủ tịch UBND tỉnh Nguyễn Văn A";
//! - rank + name [+ titles]: "Trung tá Trương Quốc Sỹ, Trưởng CA xã Phước An".
//!
//! A name is 2–4 capitalised syllables. After a title it must begin with a family name
//! (`dictionaries/surnames.txt`); after "đồng chí" a name of three or more syllables may begin
//! with another syllable (names of ethnic communities). Places are not people: a name that is a
//! province ("Lâm Đồng"), or two syllables right after a level word ("huyện Lý Sơn"), is dropped.
//!
//! This file also holds the word helpers the other inline extractors share: the cue words of
//! `dictionaries/cues.tsv` and [`body_end`], which finds where a body's name ends.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::dict::table::{word_list, Table};
use crate::dict::{self, at_word_bounds, is_alnum};
use crate::record::Person;

const SURNAMES_TXT: &str = include_str!("../../dictionaries/surnames.txt");
const CUES_TSV: &str = include_str!("../../dictionaries/cues.tsv");

static SURNAMES: LazyLock<WordSet> =
    LazyLock::new(|| word_list(SURNAMES_TXT).into_iter().collect());

/// What a cue word does (`dictionaries/cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    /// "Một" in "Một là, …".
    Ordinal,
    /// "đề nghị", "yêu cầu", "giao", "mời".
    Request,
    /// "trước", "chậm nhất" before a deadline date.
    Deadline,
    /// "Sở", "Ban", "Ủy ban": a body's name begins.
    BodyHead,
    /// "tỉnh", "nhân", "dân": stays inside a body's name.
    NameWord,
    /// "về", "hướng", "phát": ends a name.
    Stop,
    /// "số", "ngày", "đã": ends a cited law's title.
    TitleStop,
    /// "huyện", "xã": a place name follows.
    Level,
    /// "chiến lược": goes on with a body's name after a comma ("Ban Chính sách, chiến lược
    /// Trung ương").
    CommaWord,
}

static CUES: LazyLock<HashMap<Cue, Vec<&'static str>>> = LazyLock::new(|| {
    // Bundled and checked by `dictionaries_parse`: failing here is our bug.
    let t = Table::parse("cues.tsv", CUES_TSV).expect("bundled dictionary");
    let (c, r) = (
        t.column("cue").expect("cues.tsv column"),
        t.column("role").expect("cues.tsv column"),
    );
    let mut map: HashMap<Cue, Vec<&'static str>> = HashMap::new();
    for row in t.rows() {
        let role = match row[r] {
            "ordinal" => Cue::Ordinal,
            "request" => Cue::Request,
            "deadline" => Cue::Deadline,
            "body_head" => Cue::BodyHead,
            "name_word" => Cue::NameWord,
            "title_stop" => Cue::TitleStop,
            "level" => Cue::Level,
            "comma_word" => Cue::CommaWord,
            _ => Cue::Stop,
        };
        map.entry(role).or_default().push(row[c]);
    }
    // Longest first, so "hoàn thành trước" is tried before "hoàn thành".
    for list in map.values_mut() {
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    map
});

/// A set of words with a cheap hash: cue words are short and looked up once per word of a
/// body, where the standard hasher's setup cost more than the lookup.
type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

/// FNV-1a over the bytes of a word.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Per role (indexed by `Cue as usize`), its cue words.
static CUE_SETS: LazyLock<[WordSet; CUE_ROLES]> = LazyLock::new(|| {
    let mut sets: [WordSet; CUE_ROLES] = Default::default();
    for (&role, list) in CUES.iter() {
        sets[role as usize].extend(list.iter().copied());
    }
    sets
});

/// Per role (indexed by `Cue as usize`), the first words of its cues of several words ("trực"
/// of "trực tiếp"): only after one of these can a cue longer than the word itself begin.
static PHRASE_HEADS: LazyLock<[WordSet; CUE_ROLES]> = LazyLock::new(|| {
    let mut heads: [WordSet; CUE_ROLES] = Default::default();
    for (&role, list) in CUES.iter() {
        for cue in list {
            if let Some((first, _)) = cue.split_once(' ') {
                heads[role as usize].insert(first);
            }
        }
    }
    heads
});

/// Whether a cue of `role` begins `text`, whose first word is `word`: [`cue_at`]`.is_some()`,
/// answered without it for a lower-case word that opens no cue of several words.
pub(crate) fn cue_starts(text: &str, word: &str, role: Cue) -> bool {
    if word.chars().any(char::is_uppercase) {
        return cue_at(text, role).is_some();
    }
    is_cue(word, role)
        || (PHRASE_HEADS[role as usize].contains(word) && cue_at(text, role).is_some())
}

/// The cue words of one role, longest first (lower case).
pub(crate) fn cues(role: Cue) -> &'static [&'static str] {
    CUES.get(&role).map_or(&[], Vec::as_slice)
}

/// Whether the lower-cased `word` is a cue of `role`.
pub(crate) fn is_cue(word: &str, role: Cue) -> bool {
    CUE_SETS[role as usize].contains(word)
}

/// One role's cues: `(first letter, cues longest first)`, sorted by the letter.
type CueGroups = Vec<(char, Vec<&'static str>)>;

/// The cues of each role (indexed by `Cue as usize`) grouped by their first letter, sorted by
/// it, each group longest first: [`cue_at`] tries only the cues that can match.
static CUES_BY_FIRST: LazyLock<[CueGroups; CUE_ROLES]> = LazyLock::new(|| {
    let mut index: [CueGroups; CUE_ROLES] = Default::default();
    for (&role, list) in CUES.iter() {
        let groups = &mut index[role as usize];
        for &cue in list {
            let Some(first) = cue.chars().next() else {
                continue;
            };
            match groups.iter_mut().find(|(c, _)| *c == first) {
                Some((_, group)) => group.push(cue),
                None => groups.push((first, vec![cue])),
            }
        }
        groups.sort_by_key(|(c, _)| *c);
    }
    index
});

/// How many [`Cue`] roles there are.
const CUE_ROLES: usize = Cue::CommaWord as usize + 1;

/// The longest cue of `role` that `text` begins with (any case, whole words): its length in
/// `text`.
pub(crate) fn cue_at(text: &str, role: Cue) -> Option<usize> {
    let first = lower_char(text.chars().next()?)?;
    let groups = &CUES_BY_FIRST[role as usize];
    let k = groups.binary_search_by_key(&first, |(c, _)| *c).ok()?;
    let cues = &groups[k].1;
    // The opening of `text` lower-cased once, at the same byte offsets (each letter Vietnamese
    // writes keeps its UTF-8 length in lower case), then each cue is a byte comparison.
    let longest = cues.first().map_or(0, |c| c.len());
    let mut buf = [0u8; LOWERED];
    let Some(lowered) = lower_prefix(text, longest, &mut buf) else {
        return cues.iter().find_map(|cue| {
            let n = prefix_len_ci(text, cue)?;
            at_word_bounds(text, 0, n).then_some(n)
        });
    };
    cues.iter().find_map(|cue| {
        let n = cue.len();
        (buf[..lowered].starts_with(cue.as_bytes()) && at_word_bounds(text, 0, n)).then_some(n)
    })
}

/// Bytes of a text's opening [`lower_prefix`] lower-cases (longer than every cue).
const LOWERED: usize = 96;

/// Lower-cases the opening of `text` into `buf`, whole characters, until `want` bytes are
/// written or the text ends: the number of bytes written, or `None` when a character's lower
/// case has another UTF-8 length (or `want` does not fit `buf`), for the character-by-character
/// comparison.
fn lower_prefix(text: &str, want: usize, buf: &mut [u8; LOWERED]) -> Option<usize> {
    if want + 4 > LOWERED {
        return None;
    }
    let mut n = 0;
    for c in text.chars() {
        if n >= want {
            break;
        }
        let l = lower_char(c)?;
        if l.len_utf8() != c.len_utf8() {
            return None;
        }
        n += l.encode_utf8(&mut buf[n..]).len();
    }
    Some(n)
}

/// The lower case of `c` when it is one character: at once for ASCII, Latin-1 and the letters
/// of Vietnamese ([`small_letter`]), by the Unicode tables otherwise.
#[inline]
fn lower_char(c: char) -> Option<char> {
    small_letter(c).or_else(|| {
        let mut lower = c.to_lowercase();
        let l = lower.next()?;
        lower.next().is_none().then_some(l)
    })
}

/// The lower case of `c` when it is found without the Unicode tables: ASCII, Latin-1, the
/// letters of Vietnamese (a capital and its small letter are one code point apart) and
/// punctuation. `None` for any other character.
#[inline]
pub(crate) fn small_letter(c: char) -> Option<char> {
    let cp = c as u32;
    let lower = match cp {
        0..=0x7F => return Some(c.to_ascii_lowercase()),
        // À … Þ (but ×) → à … þ; the rest of Latin-1 has no capitals.
        0xC0..=0xDE if cp != 0xD7 => cp + 0x20,
        0x80..=0xFF => cp,
        // Ă Đ Ĩ Ũ Ơ → ă đ ĩ ũ ơ, Ư → ư; the small letters stay.
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 => cp + 1,
        0x1AF => 0x1B0,
        0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => cp,
        // Ạ … Ỹ: even capitals, odd small letters.
        0x1EA0..=0x1EF9 => cp | 1,
        // Dashes, quotes, "…".
        0x2000..=0x206F => cp,
        _ => return None,
    };
    char::from_u32(lower)
}

/// The byte length of the prefix of `text` equal to the lower-case `lower` ignoring case.
fn prefix_len_ci(text: &str, lower: &str) -> Option<usize> {
    let mut t = text.char_indices();
    for lc in lower.chars() {
        let (_, tc) = t.next()?;
        let same = if tc.is_ascii() {
            tc.to_ascii_lowercase() == lc
        } else {
            tc == lc || tc.to_lowercase().eq(std::iter::once(lc))
        };
        if !same {
            return None;
        }
    }
    Some(t.next().map_or(text.len(), |(i, _)| i))
}

// ---------------------------------------------------------------------------------------------
// Words

/// A word (letters and digits, `&` between two of them: "NN&PTNT") at `i`, if one starts
/// there: its end.
pub(crate) fn word_end(text: &str, i: usize) -> Option<usize> {
    let mut end = i;
    let mut chars = text[i..].char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if is_alnum(c) {
            end = i + k + c.len_utf8();
        } else if c == '&' && end > i && chars.peek().is_some_and(|&(_, n)| is_alnum(n)) {
            continue;
        } else {
            break;
        }
    }
    (end > i).then_some(end)
}

/// Skips spaces, tabs and at most one line break.
pub(crate) fn skip_ws(text: &str, mut i: usize) -> usize {
    let mut newlines = 0;
    while let Some(c) = text[i..].chars().next() {
        match c {
            ' ' | '\t' | '\u{a0}' | '\r' => i += c.len_utf8(),
            '\n' if newlines == 0 => {
                newlines += 1;
                i += 1;
            }
            _ => break,
        }
    }
    i
}

/// "Hà", "A": a capital then lower-case letters only.
pub(crate) fn is_titlecase(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
}

/// Starts with a capital: "Tỉnh", "UBND", "TTg".
pub(crate) fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Where a body's name that continues at `i` ends ("Ban Tuyên giáo Tỉnh ủy về …" → before
/// " về"): capitalised words, digits, a lower-case word right after a capitalised one unless
/// it is a stop word, and the name words of `cues.tsv` ("nhân dân tỉnh"); "và" only before a
/// capital ("Bộ Văn hóa, Thể thao và Du lịch"). Returns `i` when no word continues the name.
pub(crate) fn body_end(text: &str, i: usize) -> usize {
    name_end(text, i, false)
}

/// [`body_end`], or with `to_punctuation` the lower-case words at the end of the name are kept
/// when a punctuation mark or the line's end follows them (a title after a name: "ông Nguyễn
/// Bay, Giám đốc Trung tâm xúc tiến đầu tư tỉnh, cho biết", dev/d072).
fn name_end(text: &str, i: usize, to_punctuation: bool) -> usize {
    let mut pending_end = i;
    let mut end = i;
    let mut j = i;
    let mut prev_cap = text[..i]
        .trim_end()
        .rsplit(|c: char| !is_alnum(c))
        .next()
        .is_some_and(is_capitalised);
    // Lower-case words after a lower-case one wait for a capital to confirm them: "Hội Cựu
    // chiến binh Việt Nam" keeps "binh", "Tỉnh ủy làm việc" drops "làm".
    let mut pending = 0;
    let mut first = true;
    // Whether the last word of the name so far is a level word ("huyện", "tỉnh"): "ủy" goes on
    // with it ("Phó bí thư huyện ủy").
    let mut after_level = false;
    // Whether the name so far ends with a capitalised word or a number.
    let mut end_cap = false;
    loop {
        let k = if first {
            skip_ws(text, j)
        } else {
            continue_at(text, j)
        };
        if !first && pending == 0 && text[k..].starts_with(',') && comma_in_name(text, k) {
            // "Bộ Văn hóa, Thể thao và Du lịch": one name.
            j = k + 1;
            continue;
        }
        if !first && k == j {
            break;
        }
        first = false;
        let Some(mut we) = word_end(text, k) else {
            break;
        };
        let w = &text[k..we];
        if pending > 0 && starts_doc_type(&text[k..]) {
            // "của Chính phủ ban hành Kế hoạch …": the capital starts another document.
            break;
        }
        if is_capitalised(w) || w.chars().all(|c| c.is_ascii_digit()) {
            // "Quân khu 1 thay mặt": a number ends a name as a capital does, but a lower-case
            // word after it is not a second syllable.
            prev_cap = is_capitalised(w);
            pending = 0;
            end = we;
            end_cap = true;
            after_level = false;
        } else {
            let mut lw = w.to_lowercase();
            if after_level && matches!(lw.as_str(), "ủy" | "uỷ") {
                // "huyện ủy", "tỉnh ủy" written in lower case: the party committee.
                pending = 0;
                end = we;
                end_cap = false;
                after_level = false;
                prev_cap = false;
                j = we;
                continue;
            }
            after_level = false;
            // A name word of several words is one word here, with no stop word inside it:
            // "Ủy ban bầu cử xã", "Ban Chỉ đạo chuyển đổi số tỉnh".
            let phrase = PHRASE_HEADS[Cue::NameWord as usize]
                .contains(lw.as_str())
                .then(|| cue_at(&text[k..], Cue::NameWord))
                .flatten()
                .filter(|&m| m > w.len());
            if let Some(m) = phrase {
                we = k + m;
                lw = collapse(&text[k..we]).to_lowercase();
            }
            // Multi-word stops too: "trực tiếp" ends "Chủ tịch UBND huyện" though "trực"
            // alone continues a name ("Phó Chủ tịch thường trực").
            let single = is_cue(&lw, Cue::Stop).then_some(w.len());
            let stop = if PHRASE_HEADS[Cue::Stop as usize].contains(lw.as_str()) {
                cue_at(&text[k..], Cue::Stop).or(single)
            } else {
                single
            };
            // A longer name word wins over a stop word it begins with: "giao thông" goes on
            // ("Ban An toàn giao thông tỉnh") where "giao" alone would end the name.
            let name_word = |n: usize| {
                PHRASE_HEADS[Cue::NameWord as usize].contains(lw.as_str())
                    && cue_at(&text[k..], Cue::NameWord).is_some_and(|m| m > n)
            };
            if stop.is_some_and(|n| !name_word(n)) && !(prev_cap && second_of_body(text, k)) {
                break;
            }
            if lw == "và" {
                let n = skip_spaces(text, we);
                let next_cap = word_end(text, n).is_some_and(|e| is_capitalised(&text[n..e]));
                if !next_cap || starts_doc_type(&text[n..]) {
                    break;
                }
                pending += 1;
            } else if pending == 0 && (prev_cap || is_cue(&lw, Cue::NameWord)) {
                end = we;
                end_cap = false;
                after_level = is_cue(&lw, Cue::Level);
            } else if pending > 0 && matches!(lw.as_str(), "tỉnh" | "huyện" | "xã" | "quận")
            {
                // A level word closes a lower-case name: "Ban An toàn giao thông tỉnh",
                // "Ban Chỉ đạo chuyển đổi số tỉnh".
                pending = 0;
                end = we;
                end_cap = false;
                after_level = true;
            } else {
                pending += 1;
                if pending > 5 {
                    break;
                }
                pending_end = we;
            }
            prev_cap = false;
        }
        j = we;
    }
    // Only after a lower-case word of the name: "Giám đốc Trung tâm xúc tiến đầu tư, cho biết",
    // but "Giám đốc HTX Nông nghiệp II Nhơn Thọ tâm đắc, …" ends with the place's name.
    if to_punctuation && !end_cap && pending > 0 && pending_end > end {
        let after = skip_spaces(text, pending_end);
        if text[after..].is_empty() || text[after..].starts_with([',', ';', '.', ')', ':', '\n']) {
            return pending_end;
        }
    }
    end
}

/// Whether the lower-case word at `k` is the second syllable of the first word of a body's
/// name: the word before it is capitalised and comes right after a body head ("Bộ Ngoại giao",
/// "Tổ Biên tập", "Văn phòng Quốc hội"), so that a stop word there ("giao", "tập") is still
/// the name's. A level word ("UBND Tỉnh giao …") is no first word of a name.
fn second_of_body(text: &str, k: usize) -> bool {
    const POST_HEADS: [&str; 12] = [
        "chủ tịch",
        "giám đốc",
        "thủ trưởng",
        "bộ trưởng",
        "chánh",
        "phó",
        "trưởng",
        "các",
        "lãnh đạo",
        "đại diện",
        "người đứng đầu",
        "thường trực",
    ];
    // The start of the word ending at `end` of `s`.
    let word_start = |s: &str, end: usize| {
        s[..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_alnum(c))
            .map_or(0, |(p, c)| p + c.len_utf8())
    };
    let before = text[..k].trim_end_matches([' ', '\t']);
    let cap_start = word_start(before, before.len());
    let cap = &before[cap_start..];
    if !is_titlecase(cap) {
        return false;
    }
    // The body head: the one to three words before the capitalised one, on the same line.
    let head = before[..cap_start].trim_end_matches(' ');
    if head.len() == cap_start {
        return false;
    }
    let mut end = head.len();
    for _ in 0..3 {
        let start = word_start(head, end);
        if start == end {
            return false;
        }
        let words = &head[start..];
        if is_capitalised(words) && cue_at(words, Cue::BodyHead) == Some(words.len()) {
            // A post or a quantifier among the heads ("Trưởng Đoàn phát biểu") names no body.
            // A level word ("UBND Tỉnh giao …") is no first word of a name.
            return !POST_HEADS.contains(&words.to_lowercase().as_str())
                && !is_cue(&cap.to_lowercase(), Cue::Level);
        }
        let prev = head[..start].trim_end_matches(' ');
        if prev.len() == start || prev.is_empty() {
            return false;
        }
        end = prev.len();
    }
    false
}

/// Whether the comma at `k` is inside a name: it is followed, on the same line and before any
/// other punctuation, by a few capitalised words joined by "và" to a last capitalised one, and
/// not by the head of another body ("Bộ Văn hóa, Thể thao và Du lịch" is one ministry; "Sở Y
/// tế, Sở Tài chính và …" is a list).
fn comma_in_name(text: &str, k: usize) -> bool {
    let s = skip_spaces(text, k + 1);
    let Some(first_end) = word_end(text, s) else {
        return false;
    };
    if cue_at(&text[s..], Cue::CommaWord).is_some() {
        // "Ban Chính sách, chiến lược Trung ương": the second half of a paired name.
        return true;
    }
    if !is_titlecase(&text[s..first_end]) || cue_at(&text[s..], Cue::BodyHead).is_some() {
        return false;
    }
    let mut j = s;
    let mut saw_and = false;
    for _ in 0..6 {
        let Some(we) = word_end(text, j) else {
            return false;
        };
        let w = &text[j..we];
        if saw_and {
            return is_titlecase(w);
        }
        if w == "và" {
            saw_and = true;
        }
        let n = skip_spaces(text, we);
        if n == we {
            return false;
        }
        j = n;
    }
    false
}

/// Where the next word of a phrase starts after `j`: spaces skipped, and a line break too when
/// the next line goes on with a lower-case word that is not a stop word (a wrapped line:
/// "Thủ tướng Chính\nphủ", dev/d024). `j` itself when nothing follows on the same phrase.
pub(crate) fn continue_at(text: &str, j: usize) -> usize {
    let k = skip_spaces(text, j);
    if !text[k..].starts_with(['\n', '\r']) {
        return k;
    }
    let n = skip_ws(text, k);
    match word_end(text, n) {
        // A numbered item ("1. Đồng chí …") opens a line of its own.
        Some(e)
            if text[n..e].bytes().all(|b| b.is_ascii_digit())
                && text[e..].starts_with(['.', ')']) =>
        {
            j
        }
        Some(e)
            if !is_capitalised(&text[n..e]) && !is_cue(&text[n..e].to_lowercase(), Cue::Stop) =>
        {
            n
        }
        // A hard-wrapped paragraph (a long line) goes on with a capital inside a name too:
        // "… của Ban Thường vụ" / "Tỉnh ủy Hậu Giang về …" (dev/d035).
        Some(_) if wrapped_line(text, j) && !starts_doc_type(&text[n..]) => n,
        _ => j,
    }
}

/// Whether the line ending at `j` is long enough to have been wrapped by the page, not ended by
/// its writer.
fn wrapped_line(text: &str, j: usize) -> bool {
    const WRAPPED: usize = 64;
    let start = text[..j].rfind('\n').map_or(0, |p| p + 1);
    let line = &text[start..j];
    line.len() >= WRAPPED && line.chars().count() >= WRAPPED
}

fn starts_doc_type(text: &str) -> bool {
    let head: &str = {
        let mut n = 0;
        for (k, c) in text.char_indices() {
            if k > 40 {
                break;
            }
            n = k + c.len_utf8();
        }
        &text[..n]
    };
    dict::find_doc_types(head)
        .first()
        .is_some_and(|(_, r)| r.start == 0 && is_capitalised(&head[..r.end]))
}

/// Skips spaces and tabs only (no line break).
pub(crate) fn skip_spaces(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if matches!(c, ' ' | '\t' | '\u{a0}') {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Positions

/// What a phrase of the position scan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Position,
    Rank,
    Honorific,
}

/// The forms the position scan looks for (each position, rank and honorific as written,
/// all-lower, First-upper, Each Word Upper and ALL-UPPER, and its abbreviations, once each),
/// with the kind of each.
pub(crate) fn position_patterns() -> (Vec<String>, Vec<Kind>) {
    let mut patterns: Vec<String> = Vec::new();
    let mut kinds = Vec::new();
    let mut add = |p: String, k: Kind| {
        if !patterns.contains(&p) {
            patterns.push(p);
            kinds.push(k);
        }
    };
    for p in dict::positions() {
        let kind = match p.kind {
            "rank" => Kind::Rank,
            "honorific" => Kind::Honorific,
            _ => Kind::Position,
        };
        let lower = p.name.to_lowercase();
        let first_upper = upper_first(&lower);
        let words_upper = lower
            .split(' ')
            .map(upper_first)
            .collect::<Vec<_>>()
            .join(" ");
        for form in [
            p.name.to_string(),
            lower,
            first_upper,
            words_upper,
            p.name.to_uppercase(),
        ] {
            add(form, kind);
        }
        for a in &p.abbreviations {
            add((*a).to_string(), kind);
        }
    }
    (patterns, kinds)
}

fn upper_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// A position, rank or honorific found in the body, as a whole word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The position or rank hit starting exactly at `i`, if any (`hits` sorted by start).
fn hit_at(hits: &[Hit], i: usize) -> Option<&Hit> {
    hits.binary_search_by_key(&i, |h| h.start)
        .ok()
        .map(|k| &hits[k])
        .filter(|h| h.kind != Kind::Honorific)
}

// ---------------------------------------------------------------------------------------------
// Names

/// How sure the context is that a name follows.
#[derive(Clone, Copy, PartialEq)]
enum Need {
    /// After a title or "ông"/"bà": the first syllable must be a family name.
    Surname,
    /// After "đồng chí": a family name, or three or more syllables.
    Comrade,
    /// In a list after a title and a colon ("các Nghệ sĩ Nhân dân: Thu Hiền, Quang Thọ"):
    /// any name, stage names too.
    Listed,
    /// After "ông"/"bà": a family name, or a foreign name of two or three words in Latin
    /// letters that cannot be Vietnamese syllables ("bà Yoonhee Kim").
    Foreign,
}

/// A personal name at `i`: 2–4 capitalised syllables, stopping before a position word.
fn name_at(text: &str, i: usize, hits: &[Hit], need: Need) -> Option<(usize, String)> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut j = i;
    // A foreign first name joined by a hyphen ("Jean-Pierre Aubert", dev/d100).
    let mut foreign = false;
    while let Some(mut we) = word_end(text, j) {
        let w = &text[j..we];
        if !is_titlecase(w) || hit_at(hits, j).is_some() {
            break;
        }
        if words.is_empty() && need != Need::Listed {
            if let Some(e) = hyphenated_end(text, j, we) {
                we = e;
                foreign = true;
            }
        }
        words.push((j, we));
        if words.len() > 4 {
            return None;
        }
        // A name wrapped over two lines ("Trần\nHồng Minh", dev/d029), but not a name at
        // the end of a line followed by a capitalised line.
        let k = if words.len() < 2 {
            skip_ws(text, we)
        } else {
            skip_spaces(text, we)
        };
        if k == we {
            break;
        }
        j = k;
    }
    if words.len() < 2 {
        return None;
    }
    let after = skip_spaces(text, words[words.len() - 1].1);
    if words.len() == 2 {
        // "Đoàn Thanh niên" is a body: a two-syllable name is followed by punctuation, a
        // capital, "và" or a stop word ("Lương Cường phát biểu").
        if let Some(e) = word_end(text, after) {
            let lw = text[after..e].to_lowercase();
            if !is_capitalised(&text[after..e]) && lw != "và" && !is_cue(&lw, Cue::Stop) {
                return None;
            }
        }
    }
    let first = &text[words[0].0..words[0].1];
    let surname = SURNAMES.contains(first) || foreign;
    let ok = match need {
        Need::Surname => surname,
        Need::Comrade => surname || words.len() >= 3,
        Need::Listed => true,
        Need::Foreign => {
            surname
                || (words.len() <= 3
                    && words.iter().all(|&(a, b)| text[a..b].is_ascii())
                    && words.iter().any(|&(a, b)| foreign_word(&text[a..b])))
        }
    };
    if !ok {
        return None;
    }
    if words.len() == 2
        && words
            .iter()
            .all(|&(a, b)| is_cue(&text[a..b].to_lowercase(), Cue::BodyHead))
    {
        // "Bí thư Đoàn Trường": the school's Youth Union, two body words.
        return None;
    }
    let end = words[words.len() - 1].1;
    let name = collapse(&text[i..end]);
    if is_place(text, i, &name, words.len()) {
        return None;
    }
    Some((end, name))
}

/// Whether the word of ASCII letters `w` cannot be a Vietnamese syllable: it has "f", "j",
/// "w" or "z", a doubled vowel ("Yoonhee"), or ends in consonants no Vietnamese syllable ends
/// in ("Smith", "Kurt").
fn foreign_word(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    if l.contains(['f', 'j', 'w', 'z']) || ["aa", "ee", "ii", "uu"].iter().any(|d| l.contains(d)) {
        return true;
    }
    let vowels: &[char] = &['a', 'e', 'i', 'o', 'u', 'y'];
    let last_vowel = l.rfind(vowels).map_or(0, |p| p + 1);
    let coda = &l[last_vowel..];
    !["", "c", "ch", "m", "n", "ng", "nh", "p", "t"].contains(&coda)
}

/// The end of a first name of Latin letters joined by hyphens without spaces, opening at
/// `start` with the word ending at `we` ("Jean-Pierre"): Vietnamese names are never written so.
fn hyphenated_end(text: &str, start: usize, we: usize) -> Option<usize> {
    let mut end = we;
    while text[end..].starts_with('-') {
        let Some(e) = word_end(text, end + 1) else {
            break;
        };
        if !is_titlecase(&text[end + 1..e]) {
            break;
        }
        end = e;
    }
    let latin = text[start..end]
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == '-');
    (end > we && latin).then_some(end)
}

/// A province, or a two-syllable name right after a level word ("huyện Lý Sơn").
fn is_place(text: &str, start: usize, name: &str, syllables: usize) -> bool {
    let before = text[..start].trim_end();
    let prev = before.rsplit(|c: char| !is_alnum(c)).next().unwrap_or("");
    // "huyện Lý Sơn", "Huyện ủy Lý Sơn", "huyện đảo Lý Sơn" (composed news_02).
    let level = is_cue(&prev.to_lowercase(), Cue::Level);
    if level && (syllables == 2 || dict::province_by_name(name).is_some()) {
        return true;
    }
    syllables == 2 && dict::province_by_name(name).is_some()
}

/// Where a title continuing at `i` ends: [`body_end`], cut before a personal name.
/// A name that is a province's ("Hồ Chí Minh") after a body's first word is the end of the
/// body's name ("Học viện Chính trị quốc gia Hồ Chí Minh"), not a person.
fn title_end(text: &str, i: usize, hits: &[Hit]) -> usize {
    let end = name_end(text, i, true).max(i);
    let first = skip_ws(text, i);
    let mut j = i;
    while j < end {
        let k = skip_ws(text, j);
        let Some(we) = word_end(text, k) else { break };
        if k > i && SURNAMES.contains(&text[k..we]) {
            if let Some((ne, name)) = name_at(text, k, hits, Need::Surname) {
                if k > first && dict::province_by_name(&name).is_some() {
                    j = ne;
                    continue;
                }
                return text[..k].trim_end().len();
            }
        }
        j = we;
    }
    end
}

/// A place or a parent body in brackets right after a title ("Trưởng CA xã Phước An (huyện Tuy
/// Phước)", "Tổ trưởng trinh sát … (Phòng Cảnh sát hình sự, CA TP Hồ Chí Minh)"), on the same
/// line: where the closing bracket ends. Other brackets (a year, a photo's side) are not the
/// title's.
fn body_in_brackets(text: &str, e: usize) -> Option<usize> {
    let open = skip_spaces(text, e);
    let inner = text[open..].strip_prefix('(')?;
    let close = inner.find([')', '\n', '('])?;
    if close > 120 || !inner[close..].starts_with(')') {
        return None;
    }
    let body = inner[..close].trim();
    let place = cue_at(body, Cue::Level).is_some() && !body.starts_with(char::is_uppercase);
    let parent = cue_at(body, Cue::BodyHead).is_some() && body.starts_with(char::is_uppercase);
    (place || parent).then_some(open + 1 + close + 1)
}

/// A former post: "nguyên" or "cựu" at `s` before a position hit ("nguyên Chủ tịch nước"):
/// where the hit starts. The word stays in the title as written.
fn former_hit(text: &str, hits: &[Hit], s: usize) -> Option<usize> {
    if !text[s..].starts_with(['n', 'N', 'c', 'C']) {
        return None;
    }
    let n = prefix_len_ci(&text[s..], "nguyên ").or_else(|| prefix_len_ci(&text[s..], "cựu "))?;
    let p = skip_spaces(text, s + n);
    hit_at(hits, p).map(|_| p)
}

/// Every post and rank of the positions table, lower case.
static POST_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    dict::positions()
        .iter()
        .filter(|p| p.kind != "honorific")
        .map(|p| p.name.to_lowercase())
        .collect()
});

/// Where a post wrapped over two lines begins when its first word ends the line above the hit
/// at `start..end` ("… đồng chí Tổng" / "Bí thư Tô Lâm"): the scan sees only "Bí thư". `start`
/// when the word above does not make a post with it.
fn wrapped_start(text: &str, start: usize, end: usize) -> usize {
    let before = text[..start].trim_end_matches([' ', '\t']);
    let Some(line) = before.strip_suffix('\n') else {
        return start;
    };
    let line = line.trim_end_matches([' ', '\t', '\r']);
    let ws = line
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_alnum(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &line[ws..];
    if ws == line.len() || !is_capitalised(word) {
        return start;
    }
    let joined = format!("{} {}", word, &text[start..end]).to_lowercase();
    if POST_NAMES.contains(&joined) {
        ws
    } else {
        start
    }
}

/// A post at `s` wrapped over two lines, which the scan does not see ("…, Trưởng" / "Ban Chỉ
/// đạo tại …"): the end of the longest post of two to four words that goes over the line break.
fn wrapped_post(text: &str, s: usize) -> Option<usize> {
    let nl = text[s..].find('\n')?;
    if nl > 40 {
        return None;
    }
    let mut joined = String::new();
    let mut j = s;
    let mut found = None;
    for n in 0..4 {
        let we = word_end(text, j)?;
        if n > 0 {
            joined.push(' ');
        }
        joined.push_str(&text[j..we].to_lowercase());
        if n > 0 && j > s + nl && POST_NAMES.contains(&joined) {
            found = Some(we);
        }
        let k = skip_ws(text, we);
        if k == we || text[we..k].contains(['\n']) && j > s + nl {
            break;
        }
        j = k;
    }
    found
}

/// Where "nguyên" or "cựu" stands right before the position hit at `start` (a former post),
/// else `start`.
fn former_start(text: &str, start: usize) -> usize {
    let before = text[..start].trim_end_matches(' ');
    // Both words end in "n" or "u".
    if before.len() == start || !before.ends_with(['n', 'u']) {
        return start;
    }
    for word in ["nguyên", "cựu"] {
        if let Some(p) = before.len().checked_sub(word.len()) {
            let at_word = before.is_char_boundary(p)
                && prefix_len_ci(&before[p..], word) == Some(before.len() - p)
                && before[..p].chars().next_back().is_none_or(|c| !is_alnum(c));
            if at_word {
                return p;
            }
        }
    }
    start
}

/// Whether a personal name begins right after `i` (spaces skipped).
fn starts_name(text: &str, i: usize, hits: &[Hit]) -> bool {
    let k = skip_spaces(text, i);
    k > i && name_at(text, k, hits, Need::Surname).is_some()
}

/// Titles after a name: "- UVBTV, Trưởng Ban Tuyên giáo Tỉnh ủy", "- TUV, Bí thư Huyện ủy".
/// A segment that starts with no position but with a capital continues the previous title
/// ("Trưởng phòng Thông tin - Khoa giáo").
fn trailing_titles(text: &str, mut j: usize, hits: &[Hit], titles: &mut Vec<String>) -> usize {
    let mut end = j;
    let mut had_own = false;
    loop {
        let k = skip_spaces(text, j);
        let Some(sep) = text[k..].chars().next() else {
            break;
        };
        // A post given or held with it: "…, Phó Trưởng Ban Chính sách, chiến lược Trung ương
        // làm Phó Trưởng Ban Chỉ đạo", "… kiêm Tổ trưởng Tổ Biên tập" (a personnel decision).
        let post = ["làm ", "kiêm "]
            .iter()
            .find_map(|w| text[k..].strip_prefix(w))
            .map(|rest| text.len() - rest.len())
            .filter(|&s| k > j && hit_at(hits, s).is_some());
        let mut s = match post {
            Some(s) => s,
            None if matches!(sep, ',' | '-' | '–' | '—') => {
                skip_spaces(text, k + sep.len_utf8())
            }
            None => break,
        };
        if let Some(n) = prefix_len_ci(&text[s..], "kiêm ") {
            s = skip_spaces(text, s + n);
        }
        let at = former_hit(text, hits, s).unwrap_or(s);
        let post = hit_at(hits, at)
            .map(|h| h.end)
            .or_else(|| wrapped_post(text, at));
        if let Some(post_end) = post {
            let e = title_end(text, post_end, hits);
            if starts_name(text, e, hits) {
                // "…, Bộ trưởng Bộ Xây dựng Trần Hồng Minh": the next person's title.
                break;
            }
            let mut title = collapse(&text[s..e]);
            let e = match body_in_brackets(text, e) {
                Some(b) => {
                    title.push(' ');
                    title.push_str(&collapse(&text[skip_spaces(text, e)..b]));
                    b
                }
                None => e,
            };
            titles.push(title);
            had_own = true;
            end = e;
            j = e;
            continue;
        }
        let Some(we) = word_end(text, s) else { break };
        // "Bí thư Thị ủy Đức Phổ, tỉnh Quảng Ngãi": a level word and a place go on with it.
        let level = (had_own && sep == ',')
            .then(|| cue_at(&text[s..], Cue::Level))
            .flatten()
            .filter(|_| !is_capitalised(&text[s..we]));
        if let Some(n) = level {
            let p = skip_spaces(text, s + n);
            let e = title_end(text, p, hits);
            let place = word_end(text, p).is_some_and(|pe| pe <= e && is_capitalised(&text[p..pe]));
            if !place || starts_name(text, e, hits) {
                break;
            }
            let e = body_in_brackets(text, e).unwrap_or(e);
            if let Some(last) = titles.last_mut() {
                last.push_str(&collapse(&text[end..e]));
            }
            end = e;
            j = e;
            continue;
        }
        if !had_own || !is_capitalised(&text[s..we]) || sep == ',' && starts_doc_type(&text[s..]) {
            break;
        }
        // Stop at the next person in a list ("A, Phó Chủ tịch; B, …").
        if name_at(text, s, hits, Need::Surname).is_some() {
            break;
        }
        let e = title_end(text, s, hits).max(we);
        if starts_name(text, e, hits) {
            break;
        }
        if let Some(last) = titles.last_mut() {
            if text[end..e].starts_with(char::is_whitespace) {
                last.push(' ');
            }
            last.push_str(&collapse(&text[end..e]));
        }
        end = e;
        j = e;
    }
    end
}

/// Titles before a name, starting at the position hit `hits[h]`: "Ủy viên Ban Thường vụ,
/// Trưởng ban Tuyên giáo Tỉnh ủy Hà Anh Dũng". Returns the person and where they end.
fn titled_name(text: &str, hits: &[Hit], h: usize) -> Option<(Person, usize)> {
    let mut titles = Vec::new();
    let mut cur = former_start(text, wrapped_start(text, hits[h].start, hits[h].end));
    let mut j = hits[h].end;
    let mut prev_cap = true;
    for _ in 0..16 {
        let k = skip_ws(text, j);
        let c = text[k..].chars().next()?;
        if c == ',' {
            let s = skip_spaces(text, k + 1);
            let next = hit_at(hits, former_hit(text, hits, s).unwrap_or(s))?;
            let title = collapse(&text[cur..k]);
            if is_deputy_of(&text[s..], &title) {
                // "báo cáo Thủ tướng Chính phủ, Phó Thủ tướng Chính phủ Hồ Đức Phớc": no one
                // holds a post and its deputy's, so the first post is someone else's.
                titles.clear();
            } else {
                titles.push(title);
            }
            cur = s;
            j = next.end;
            prev_cap = true;
            continue;
        }
        if k == j && k != hits[h].end {
            return None;
        }
        if text[j..k].contains('\n') && is_allcaps_title(&text[cur..j]) {
            // A signature block ("PHÓ CHỦ TỊCH" / name) is the signer's, read elsewhere.
            return None;
        }
        let we = word_end(text, k)?;
        let w = &text[k..we];
        if is_titlecase(w) && SURNAMES.contains(w) {
            if let Some((end, name)) = name_at(text, k, hits, Need::Surname) {
                let title = collapse(&text[cur..k]);
                let title = title.trim_end_matches([',', '-', '–', ' ']).to_string();
                // "Chủ tịch Hồ Chí Minh" is a person; "Đoàn Thanh niên Cộng sản Hồ Chí Minh"
                // names a body: a province name follows a bare position only.
                let bare = hits[h].end == k || text[hits[h].end..k].trim().is_empty();
                if !bare && dict::province_by_name(&name).is_some() {
                    return None;
                }
                if !title.is_empty() {
                    titles.push(title);
                }
                let end = trailing_titles(text, end, hits, &mut titles);
                return Some((Person { name, titles }, end));
            }
        }
        if is_capitalised(w) || w.chars().all(|c| c.is_ascii_digit()) {
            prev_cap = true;
        } else {
            let lw = w.to_lowercase();
            let ok = (prev_cap && !is_cue(&lw, Cue::Stop)) || is_cue(&lw, Cue::NameWord);
            if !ok {
                return None;
            }
            prev_cap = false;
        }
        j = we;
    }
    None
}

/// Whether `text` opens with the deputy of the post `title`, as a whole title: "Phó Thủ tướng
/// Chính phủ Hồ Đức Phớc" after "Thủ tướng Chính phủ".
fn is_deputy_of(text: &str, title: &str) -> bool {
    prefix_len_ci(text, "phó ").is_some_and(|n| {
        let rest = &text[n..];
        prefix_len_ci(rest, &title.to_lowercase())
            .is_some_and(|m| rest[m..].chars().next().is_none_or(|c| !is_alnum(c)))
    })
}

fn is_allcaps_title(t: &str) -> bool {
    t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
}

/// Every person the body names with a position or honorific, each once with all titles.
pub(crate) fn people(body: &str, hits: &[Hit]) -> Vec<Person> {
    let mut found: Vec<Person> = Vec::new();
    let mut done = 0;
    for (h, hit) in hits.iter().enumerate() {
        if hit.start < done {
            continue;
        }
        match hit.kind {
            Kind::Honorific => {
                let w = &body[hit.start..hit.end];
                // "đồng chí", "đ/c"; "ông", "bà", "anh", "chị", "cụ" need a family name (or, for
                // "ông" and "bà", a foreign name: "bà Yoonhee Kim").
                let comrade = w.starts_with(['đ', 'Đ']);
                let mister = matches!(w, "ông" | "Ông" | "ÔNG" | "bà" | "Bà" | "BÀ");
                let plural = body[..hit.start]
                    .trim_end()
                    .rsplit(|c: char| !is_alnum(c))
                    .next()
                    .is_some_and(|p| p == "các" || p == "Các");
                let mut j = skip_spaces(body, hit.end);
                if body[j..].starts_with(':') {
                    j = skip_ws(body, j + 1);
                }
                let need = if comrade {
                    Need::Comrade
                } else if mister {
                    Need::Foreign
                } else {
                    Need::Surname
                };
                while let Some((person, end)) = honored(body, hits, j, need) {
                    done = end;
                    found.push(person);
                    // "các đồng chí: A, B và C"; "đồng chí Phạm Văn Đồng, Võ Nguyên Giáp" (a
                    // second full name with its family name goes on the list too).
                    let k = skip_spaces(body, end);
                    let next = if body[k..].starts_with([',', ';']) {
                        skip_ws(body, k + 1)
                    } else if let Some(n) = prefix_len_ci(&body[k..], "và ") {
                        skip_spaces(body, k + n)
                    } else {
                        break;
                    };
                    if !plural
                        && name_at(body, next, hits, Need::Surname)
                            .is_none_or(|(e, _)| trailing_list_ends(body, e))
                    {
                        break;
                    }
                    j = next;
                }
            }
            Kind::Position | Kind::Rank => {
                if let Some((persons, end)) = titled_list(body, hits, h) {
                    done = end;
                    found.extend(persons);
                } else if let Some((person, end)) = titled_name(body, hits, h) {
                    done = end;
                    found.push(person);
                }
            }
        }
    }
    merge(found)
}

/// Whether a capitalised word follows the name ending at `e`: then the name is the start of a
/// longer one (a body, a street), not the next person of a list.
fn trailing_list_ends(text: &str, e: usize) -> bool {
    let k = skip_spaces(text, e);
    match word_end(text, k) {
        Some(we) => is_capitalised(&text[k..we]),
        None => false,
    }
}

/// A title, a colon and the names that hold it: "các Nghệ sĩ Nhân dân: Thu Hiền, Quang Thọ,
/// Trung Đức" (dev/d076). Each name gets the title.
fn titled_list(text: &str, hits: &[Hit], h: usize) -> Option<(Vec<Person>, usize)> {
    let e = title_end(text, hits[h].end, hits);
    let k = skip_spaces(text, e);
    if !text[k..].starts_with(':') {
        return None;
    }
    let title = collapse(&text[hits[h].start..e]);
    let mut persons = Vec::new();
    let mut j = skip_spaces(text, k + 1);
    let mut end = j;
    while let Some((name_end, name)) = name_at(text, j, hits, Need::Listed) {
        persons.push(Person {
            name,
            titles: vec![title.clone()],
        });
        end = name_end;
        let k = skip_spaces(text, name_end);
        j = if text[k..].starts_with(',') {
            skip_spaces(text, k + 1)
        } else if let Some(n) = prefix_len_ci(&text[k..], "và ") {
            skip_spaces(text, k + n)
        } else {
            break;
        };
    }
    (!persons.is_empty()).then_some((persons, end))
}

/// The person after an honorific at `j`: a rank or title may come first ("Đồng chí Thiếu
/// tướng Lê Ngọc Hải", "đồng chí Bí thư Tỉnh ủy Nguyễn Văn A").
fn honored(text: &str, hits: &[Hit], j: usize, need: Need) -> Option<(Person, usize)> {
    let at = former_hit(text, hits, j).unwrap_or(j);
    if let Some(h) = hits
        .iter()
        .position(|h| h.start == at && h.kind != Kind::Honorific)
    {
        return titled_name(text, hits, h);
    }
    let (end, name) = name_at(text, j, hits, need)?;
    let mut titles = Vec::new();
    let end = trailing_titles(text, end, hits, &mut titles);
    if titles.is_empty() {
        if let Some((title, e)) = title_under(text, j, end, hits) {
            titles.push(title);
            return Some((Person { name, titles }, e));
        }
    }
    Some((Person { name, titles }, end))
}

/// A title on the lines under a line that holds only the honorific and the name ("Ông Trần Du
/// Lịch" / "Viện trưởng" / "Viện Kinh tế thành phố Hồ Chí Minh", a speaker under a paper's
/// title, dev/d100): a line opening with a post, and the body's name on the next line when the
/// post line has none. `name_at` is where the name starts, `end` where it ends.
fn title_under(text: &str, name_at: usize, end: usize, hits: &[Hit]) -> Option<(String, usize)> {
    let line_start = text[..name_at].rfind('\n').map_or(0, |p| p + 1);
    let rest = skip_spaces(text, end);
    if !text[rest..].starts_with('\n') || name_at - line_start > 16 {
        return None;
    }
    let p = rest + 1;
    let h = hit_at(hits, p)?;
    let line_end = |from: usize| text[from..].find('\n').map_or(text.len(), |q| from + q);
    let e = line_end(p);
    let post_line = text[p..e].trim_end();
    if post_line.len() > 100 || post_line.ends_with(['.', ':', ';']) {
        return None;
    }
    let mut title = collapse(post_line);
    let mut last = e;
    if text[h.end..e].trim().is_empty() && e < text.len() {
        // The post alone: its body's name on the next line.
        let q = e + 1;
        let qe = line_end(q);
        let body = text[q..qe].trim_end();
        if body.len() <= 100
            && !body.ends_with(['.', ':', ';'])
            && hit_at(hits, q).is_none()
            && cue_at(body, Cue::BodyHead).is_some_and(|_| body.starts_with(char::is_uppercase))
        {
            title.push(' ');
            title.push_str(&collapse(body));
            last = qe;
        }
    }
    Some((title, last))
}

/// One entry per name, titles merged in order of first appearance.
fn merge(found: Vec<Person>) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    for p in found {
        match out.iter_mut().find(|q| q.name == p.name) {
            Some(q) => {
                for t in p.titles {
                    if !q
                        .titles
                        .iter()
                        .any(|u| u.to_lowercase() == t.to_lowercase())
                    {
                        q.titles.push(t);
                    }
                }
            }
            None => out.push(p),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    /// [`cue_at`] by the character-by-character comparison alone.
    fn cue_at_by_char(text: &str, role: Cue) -> Option<usize> {
        let first = text.chars().next()?.to_lowercase().next()?;
        let groups = &CUES_BY_FIRST[role as usize];
        let k = groups.binary_search_by_key(&first, |(c, _)| *c).ok()?;
        groups[k].1.iter().find_map(|cue| {
            let n = prefix_len_ci(text, cue)?;
            at_word_bounds(text, 0, n).then_some(n)
        })
    }

    #[test]
    fn cue_at_agrees_with_the_character_comparison_on_the_corpus() {
        let roles: Vec<Cue> = CUES.keys().copied().collect();
        let mut found = 0;
        for text in crate::testing::corpus_texts() {
            let upper = text.to_uppercase();
            for t in [text.as_str(), upper.as_str()] {
                let starts = t.char_indices().filter(|&(i, c)| {
                    is_alnum(c) && !t[..i].chars().next_back().is_some_and(is_alnum)
                });
                for (i, _) in starts.step_by(3) {
                    for &role in &roles {
                        let want = cue_at_by_char(&t[i..], role);
                        assert_eq!(
                            cue_at(&t[i..], role),
                            want,
                            "{:?} {role:?}",
                            &t[i..t.floor_char_boundary(i + 30)]
                        );
                        found += usize::from(want.is_some());
                    }
                }
            }
        }
        assert!(found > 10_000, "{found} cues");
        for c in [
            'Ă', 'Đ', 'Ĩ', 'Ũ', 'Ơ', 'Ư', 'Ạ', 'Ỹ', 'À', 'Þ', '×', 'İ', 'ß', 'Σ',
        ] {
            let want = {
                let mut l = c.to_lowercase();
                l.next().filter(|_| l.next().is_none())
            };
            assert_eq!(lower_char(c), want, "{c}");
        }
    }

    #[test]
    fn cue_at_finds_the_longest_cue_of_its_role_in_any_case() {
        for role in CUES.keys() {
            assert!(
                (*role as usize) < CUE_ROLES,
                "{role:?} has no slot in CUES_BY_FIRST"
            );
        }
        for (text, role, want) in [
            (
                "Hoàn thành trước ngày 5/6",
                Cue::Deadline,
                Some("Hoàn thành trước"),
            ),
            ("TRƯỚC ngày 5/6", Cue::Deadline, Some("TRƯỚC")),
            ("trướcngày", Cue::Deadline, None),
            ("Sở Nội vụ", Cue::BodyHead, Some("Sở")),
            ("", Cue::BodyHead, None),
        ] {
            let got = cue_at(text, role).map(|n| &text[..n]);
            assert_eq!(got, want, "{text:?} {role:?}");
        }
    }

    #[test]
    fn names_listed_after_a_title_and_a_colon_or_after_one_honorific() {
        let text = "chương trình có sự góp mặt của các Nghệ sĩ Nhân dân: Thu Hiền, Quang Thọ, \
                    Trung Đức; các Nghệ sĩ Ưu tú: Đăng Dương và Lan Anh. Người chỉ thị cho đồng chí \
                    Phạm Văn Đồng, Võ Nguyên Giáp không đi học.";
        let nsnd = vec!["Nghệ sĩ Nhân dân".to_string()];
        let nsut = vec!["Nghệ sĩ Ưu tú".to_string()];
        assert_eq!(
            got(text),
            vec![
                ("Thu Hiền".to_string(), nsnd.clone()),
                ("Quang Thọ".to_string(), nsnd.clone()),
                ("Trung Đức".to_string(), nsnd),
                ("Đăng Dương".to_string(), nsut.clone()),
                ("Lan Anh".to_string(), nsut),
                ("Phạm Văn Đồng".to_string(), vec![]),
                ("Võ Nguyên Giáp".to_string(), vec![]),
            ]
        );
        // One comrade, then a place or a post: not a second person.
        for text in [
            "đồng chí Nguyễn Văn An, Hà Tĩnh.",
            "đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy.",
        ] {
            assert_eq!(got(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_name_goes_on_after_the_wrap_of_a_long_line_even_with_a_capital() {
        let text = "quyết số 21-NQ/TW; Chương trình số 144-CTr/TU ngày 22/01/2018 của Ban Thường vụ\nTỉnh ủy Hậu Giang về thực hiện";
        let i = text.find("Ban").unwrap_or_default();
        assert_eq!(
            &text[i..body_end(text, i)],
            "Ban Thường vụ\nTỉnh ủy Hậu Giang"
        );
        // A short line ends where it ends: the next line is a heading of its own.
        let text = "của Ban Thường vụ\nTỉnh ủy Hậu Giang";
        let i = text.find("Ban").unwrap_or_default();
        assert_eq!(&text[i..body_end(text, i)], "Ban Thường vụ");
    }

    #[test]
    fn a_comma_inside_a_ministry_name() {
        for (text, want) in [
            (
                "của Bộ Văn hóa, Thể thao và Du lịch về việc",
                "Bộ Văn hóa, Thể thao và Du lịch",
            ),
            ("của Sở Y tế, Sở Tài chính và Sở Nội vụ", "Sở Y tế"),
            (
                "của Ban Tuyên giáo, Văn phòng và Ban Tổ chức",
                "Ban Tuyên giáo",
            ),
        ] {
            let i = text.find(char::is_uppercase).unwrap_or_default();
            assert_eq!(&text[i..body_end(text, i)], want, "{text}");
        }
    }

    #[test]
    fn titles_after_a_name_keep_their_lower_case_words() {
        for (text, want) in [
            (
                "(BĐ) - Ông Nguyễn Bay, Giám đốc Trung tâm xúc tiến đầu tư tỉnh, cho biết: Đến ngày 17.4",
                vec!["Giám đốc Trung tâm xúc tiến đầu tư tỉnh"],
            ),
            (
                "đồng chí Lâm Quốc Hưng - Phó Chủ tịch UBND tỉnh, Trưởng Ban An toàn giao thông tỉnh chủ trì cuộc họp",
                vec!["Phó Chủ tịch UBND tỉnh", "Trưởng Ban An toàn giao thông tỉnh"],
            ),
            (
                "ông Trần Văn Bình, Chủ tịch UBND huyện trực tiếp chỉ đạo",
                vec!["Chủ tịch UBND huyện"],
            ),
        ] {
            let people = got(text);
            assert_eq!(people.len(), 1, "{text}");
            assert_eq!(people[0].1, want, "{text}");
        }
    }

    #[test]
    fn a_paired_body_name_with_a_comma_and_posts_given_with_lam_and_kiem() {
        let text = "- Đồng chí Nguyễn Văn An, Phó Trưởng Ban Chính sách, chiến lược Trung ương \
                    làm Phó Trưởng Ban Chỉ đạo kiêm Tổ trưởng Tổ công tác;\n";
        assert_eq!(
            got(text),
            want(&[(
                "Nguyễn Văn An",
                &[
                    "Phó Trưởng Ban Chính sách, chiến lược Trung ương",
                    "Phó Trưởng Ban Chỉ đạo",
                    "Tổ trưởng Tổ công tác",
                ],
            )])
        );
        // A comma before another post still splits the titles.
        let text = "ông Trần Văn Bình, Giám đốc Sở Tài chính, Tổ trưởng Tổ công tác, phát biểu.\n";
        assert_eq!(
            got(text),
            want(&[(
                "Trần Văn Bình",
                &["Giám đốc Sở Tài chính", "Tổ trưởng Tổ công tác"],
            )])
        );
    }

    #[test]
    fn lower_case_committees_and_name_words_of_several_words_stay_in_titles() {
        for (text, want) in [
            (
                "Đồng chí Lê Văn An - Phó bí thư thường trực huyện ủy chủ trì hội nghị.",
                vec!["Phó bí thư thường trực huyện ủy"],
            ),
            (
                "Dự có đồng chí Lê Văn An - Phó Trưởng Ban Chỉ đạo chuyển đổi số tỉnh.",
                vec!["Phó Trưởng Ban Chỉ đạo chuyển đổi số tỉnh"],
            ),
            (
                "Liên hệ ông Lê Văn An - Phó Chủ tịch Ủy ban bầu cử xã (trực tại trụ sở).",
                vec!["Phó Chủ tịch Ủy ban bầu cử xã"],
            ),
            (
                "Ông Lê Văn An, Giám đốc Ban Quản lý dự án đầu tư xây dựng và Phát triển quỹ đất huyện Tây Sơn, cho biết.",
                vec!["Giám đốc Ban Quản lý dự án đầu tư xây dựng và Phát triển quỹ đất huyện Tây Sơn"],
            ),
            // A verb after a place's name is not the body's.
            (
                "Ông Lê Văn An, Giám đốc HTX Nông nghiệp Cát Tân tâm đắc, mô hình đã hiệu quả.",
                vec!["Giám đốc HTX Nông nghiệp Cát Tân"],
            ),
        ] {
            let people = got(text);
            assert_eq!(people.len(), 1, "{text}");
            assert_eq!(people[0].1, want, "{text}");
        }
    }

    #[test]
    fn a_post_and_its_deputy_are_two_people_and_wrapped_posts_are_whole() {
        assert_eq!(
            got("Bộ đã báo cáo Thủ tướng Chính phủ, Phó Thủ tướng Chính phủ Lê Văn An về dự án."),
            want(&[("Lê Văn An", &["Phó Thủ tướng Chính phủ"])])
        );
        // Two posts of one person still go together.
        assert_eq!(
            got("Chủ tịch UBND tỉnh, Phó Chủ tịch Hội đồng Lê Văn An dự."),
            want(&[(
                "Lê Văn An",
                &["Chủ tịch UBND tỉnh", "Phó Chủ tịch Hội đồng"]
            )])
        );
        let text = "trên tinh thần đó, Bộ Chính trị và trực tiếp là đồng chí Tổng\nBí thư Lê Văn An đã chỉ đạo.";
        assert_eq!(got(text), want(&[("Lê Văn An", &["Tổng Bí thư"])]));
        let text =
            "Kết luận của Phó Thủ tướng Chính phủ Lê Văn An, Trưởng\nBan Chỉ đạo tại Hội nghị.";
        assert_eq!(
            got(text),
            want(&[(
                "Lê Văn An",
                &["Phó Thủ tướng Chính phủ", "Trưởng Ban Chỉ đạo"]
            )])
        );
    }

    #[test]
    fn more_honorifics_degrees_army_posts_and_foreign_names() {
        for (text, expected) in [
            (
                "khen thưởng anh Lê Văn An (SN 1994), tài xế taxi.",
                want(&[("Lê Văn An", &[])]),
            ),
            (
                "*Cụ Phan Văn Bình chỉ yêu cầu cải lương.",
                want(&[("Phan Văn Bình", &[])]),
            ),
            (
                "Th.S Lê Văn An, Phó Giám đốc Trung tâm Khuyến nông chia sẻ: Việc trồng rừng khó.",
                want(&[("Lê Văn An", &["Th.S", "Phó Giám đốc Trung tâm Khuyến nông"])]),
            ),
            (
                "do thượng tướng Lê Văn An, Phó Tổng tham mưu trưởng Quân đội nhân dân Việt Nam, dẫn đầu.",
                want(&[("Lê Văn An", &["thượng tướng", "Phó Tổng tham mưu trưởng Quân đội nhân dân Việt Nam"])]),
            ),
            (
                "Đoàn do bà Yoonhee Kim, Giám đốc Ban Đô thị dẫn đầu. Ông John Smith cho biết.",
                want(&[("Yoonhee Kim", &["Giám đốc Ban Đô thị"]), ("John Smith", &[])]),
            ),
            // Vietnamese names without marks are not foreign; common words are not honorifics.
            ("Bà Lan Anh cho biết; cụ thể, anh em và Chị Hai.", want(&[])),
        ] {
            assert_eq!(got(text), expected, "{text:?}");
        }
    }

    /// The people of `text`, with its own phrase scan.
    fn people_of(text: &str) -> Vec<Person> {
        people(text, &crate::extract::phrases::scan(text, 0).positions)
    }

    fn got(text: &str) -> Vec<(String, Vec<String>)> {
        people_of(text)
            .into_iter()
            .map(|p| (p.name, p.titles))
            .collect()
    }

    fn want(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        list.iter()
            .map(|(n, t)| (n.to_string(), t.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn dictionaries_parse() {
        for (name, text) in [("surnames.txt", SURNAMES_TXT), ("cues.tsv", CUES_TSV)] {
            assert!(is_nfc(text) && text.starts_with('#'), "{name}");
        }
        let surnames = word_list(SURNAMES_TXT);
        assert_eq!(surnames.len(), SURNAMES.len(), "duplicate family name");
        let t = Table::parse("cues.tsv", CUES_TSV).unwrap();
        let mut pairs = HashSet::new();
        for row in t.rows() {
            assert!(pairs.insert((row[0], row[1])), "duplicate cue {row:?}");
            assert_eq!(row[0], row[0].to_lowercase(), "cue not lower case");
            assert!(
                [
                    "ordinal",
                    "request",
                    "deadline",
                    "body_head",
                    "name_word",
                    "stop",
                    "title_stop",
                    "level",
                    "comma_word"
                ]
                .contains(&row[1]),
                "{row:?}"
            );
        }
        assert!(is_nfc(include_str!("../../dictionaries/positions.tsv")));
        let mut names = HashSet::new();
        for p in dict::positions() {
            assert!(names.insert(p.name), "duplicate position {}", p.name);
            assert!(
                ["position", "rank", "honorific"].contains(&p.kind),
                "{}",
                p.name
            );
        }
        assert!(!crate::extract::phrases::scan("Trưởng ban", 0)
            .positions
            .is_empty());
    }

    #[test]
    fn people_with_honorifics_and_titles() {
        for (text, expected) in [
            // seeds/000
            (
                "1. Chủ trì: Đồng chí Hà Anh Dũng - UVBTV, Trưởng Ban Tuyên giáo Tỉnh ủy.",
                want(&[("Hà Anh Dũng", &["UVBTV", "Trưởng Ban Tuyên giáo Tỉnh ủy"])]),
            ),
            // seeds/001
            (
                "do đồng chí Mạc Đình Huấn- Phó Trưởng Ban Tuyên giáo Tỉnh ủy làm Trưởng Đoàn",
                want(&[(
                    "Mạc Đình Huấn",
                    &["Phó Trưởng Ban Tuyên giáo Tỉnh ủy", "Trưởng Đoàn"],
                )]),
            ),
            (
                "có đồng chí Dương Thanh Huân- TUV, Bí thư Huyện ủy và lãnh đạo, chuyên viên",
                want(&[("Dương Thanh Huân", &["TUV", "Bí thư Huyện ủy"])]),
            ),
            (
                "Đ/c Phan Duy Khiêm-Trưởng phòng Thông tin - Khoa giáo, Ban Tuyên giáo Tỉnh ủy - Thành viên Đoàn Kiểm tra phát biểu",
                want(&[(
                    "Phan Duy Khiêm",
                    &["Trưởng phòng Thông tin - Khoa giáo, Ban Tuyên giáo Tỉnh ủy", "Thành viên Đoàn Kiểm tra"],
                )]),
            ),
            // seeds/002
            (
                "Đồng chí Triệu Đình Lê, Phó Bí thư Thường trực Tỉnh ủy, Trưởng Tiểu ban chủ trì.",
                want(&[("Triệu Đình Lê", &["Phó Bí thư Thường trực Tỉnh ủy", "Trưởng Tiểu ban"])]),
            ),
            // dev/d070: rank first
            (
                "Thiếu tướng Lô Xuân Thuân, Phó Tư lệnh, kiêm Tham mưu trưởng Bộ Tư lệnh Quân khu 1 thay mặt",
                want(&[("Lô Xuân Thuân", &["Thiếu tướng", "Phó Tư lệnh", "Tham mưu trưởng Bộ Tư lệnh Quân khu 1"])]),
            ),
            // dev/d078
            (
                "Ngày 23.4, Trung tá Trương Quốc Sỹ, Trưởng CA xã Phước An (huyện Tuy Phước) cho biết",
                want(&[("Trương Quốc Sỹ", &["Trung tá", "Trưởng CA xã Phước An (huyện Tuy Phước)"])]),
            ),
            // dev/d098: honorific, then rank
            (
                "20. Đồng chí Thiếu tướng Lê Ngọc Hải, Tư lệnh Quân khu 5, Bộ Quốc phòng.",
                want(&[("Lê Ngọc Hải", &["Thiếu tướng", "Tư lệnh Quân khu 5, Bộ Quốc phòng"])]),
            ),
            // dev/d081-style: ông + name, no title
            ("Ông Nguyễn Xuân Phong cho biết", want(&[("Nguyễn Xuân Phong", &[])])),
        ] {
            assert_eq!(got(text), expected, "{text:?}");
        }
    }

    #[test]
    fn titles_before_names() {
        for (text, expected) in [
            // seeds/003
            (
                "Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy Hà Anh Dũng cùng các Phó trưởng ban chủ trì hội nghị. Trưởng ban Tuyên giáo Tỉnh ủy Hà Anh Dũng đề nghị",
                want(&[("Hà Anh Dũng", &["Ủy viên Ban Thường vụ", "Trưởng ban Tuyên giáo Tỉnh ủy"])]),
            ),
            // seeds/002
            (
                "Phó Bí thư Thường trực Tỉnh ủy Triệu Đình Lê phát biểu kết luận cuộc họp.",
                want(&[("Triệu Đình Lê", &["Phó Bí thư Thường trực Tỉnh ủy"])]),
            ),
            (
                "Phó Chủ tịch UBND tỉnh Nguyễn Văn An và Bí thư Huyện ủy Trần Văn Bình dự.",
                want(&[("Nguyễn Văn An", &["Phó Chủ tịch UBND tỉnh"]), ("Trần Văn Bình", &["Bí thư Huyện ủy"])]),
            ),
            // dev/d076
            ("Tổng Bí thư Tô Lâm dự chương trình nghệ thuật", want(&[("Tô Lâm", &["Tổng Bí thư"])])),
        ] {
            assert_eq!(got(text), expected, "{text:?}");
        }
    }

    #[test]
    fn titles_with_stop_words_in_a_body_name_and_former_posts() {
        // dev/d098, d095: "giao", "tập", "dự" inside a body's name or a post; "nguyên" kept.
        let text = "1. Đồng chí Lê Văn An, nguyên Ủy viên Bộ Chính trị, nguyên Bộ trưởng Bộ Ngoại giao, \
                    sinh ngày 5 tháng 5 năm 1950.\n2. Đồng chí Trần Văn Bình, Ủy viên dự khuyết Trung ương \
                    Đảng, Tổng Thư ký Quốc hội, Tổ trưởng Tổ Biên tập.\n";
        assert_eq!(
            got(text),
            want(&[
                (
                    "Lê Văn An",
                    &[
                        "nguyên Ủy viên Bộ Chính trị",
                        "nguyên Bộ trưởng Bộ Ngoại giao"
                    ],
                ),
                (
                    "Trần Văn Bình",
                    &[
                        "Ủy viên dự khuyết Trung ương Đảng",
                        "Tổng Thư ký Quốc hội",
                        "Tổ trưởng Tổ Biên tập",
                    ],
                ),
            ])
        );
        // A post before the name, former too.
        assert_eq!(
            got("Lễ tang nguyên Chủ tịch nước Lê Văn An được tổ chức."),
            want(&[("Lê Văn An", &["nguyên Chủ tịch nước"])])
        );
        // A stop word after a post and a body word still ends the title.
        assert_eq!(
            got("Đồng chí Mạc Văn Hùng - Trưởng Đoàn phát biểu."),
            want(&[("Mạc Văn Hùng", &["Trưởng Đoàn"])])
        );
    }

    #[test]
    fn titles_go_on_with_a_province_name_a_place_and_a_bracketed_body() {
        for (text, titles) in [
            // dev/d098
            (
                "Đồng chí Lê Văn An, Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh, Chủ tịch Hội đồng Lý luận.",
                vec!["Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh", "Chủ tịch Hội đồng Lý luận"],
            ),
            (
                "Đồng chí Lê Văn An, Bí thư Thị ủy Đức Phổ, tỉnh Quảng Ngãi.",
                vec!["Bí thư Thị ủy Đức Phổ, tỉnh Quảng Ngãi"],
            ),
            // dev/d071, d078, d079
            (
                "Theo ông Lê Văn An, Trưởng thôn Vinh Quang 2, xã Phước Sơn (huyện Tuy Phước), nhận thức đã nâng lên.",
                vec!["Trưởng thôn Vinh Quang 2, xã Phước Sơn (huyện Tuy Phước)"],
            ),
            (
                "Trung tá Lê Văn An, Trưởng CA xã Phước An (Phòng Cảnh sát hình sự, CA tỉnh) cho biết.",
                vec!["Trung tá", "Trưởng CA xã Phước An (Phòng Cảnh sát hình sự, CA tỉnh)"],
            ),
            // A bracket that names no body stays out.
            (
                "Ông Lê Văn An, Chủ tịch UBND xã (thứ hai từ trái) phát biểu.",
                vec!["Chủ tịch UBND xã"],
            ),
        ] {
            let people = got(text);
            assert_eq!(people.len(), 1, "{text}");
            assert_eq!(people[0].1, titles, "{text}");
        }
    }

    #[test]
    fn foreign_names_titles_under_the_name_and_youth_union_bodies() {
        // dev/d100: a hyphenated foreign name; a speaker's post on the lines under the name.
        assert_eq!(
            got("Bài tham luận của ông Jean-Pierre Aubert về chủ đề trên.\n"),
            want(&[("Jean-Pierre Aubert", &[])])
        );
        assert_eq!(
            got("Ông Lê Văn An\nViện trưởng\nViện Kinh tế thành phố Hồ Chí Minh\n\nHà Nội, ngày 20 tháng 3 năm 2002\n"),
            want(&[("Lê Văn An", &["Viện trưởng Viện Kinh tế thành phố Hồ Chí Minh"])])
        );
        // "Bà Rịa-Vũng Tàu" is no foreign name after "bà".
        assert_eq!(got("tỉnh Bà Rịa-Vũng Tàu phát triển."), want(&[]));
        // dev/d098: "Bí thư Đoàn Trường" is the school's Youth Union secretary.
        assert_eq!(got("Đồng chí là Bí thư Đoàn Trường (năm 1969)."), want(&[]));
        // A numbered line under a title ending its line is the next item.
        assert_eq!(
            got("Đồng chí Lê Văn An, nguyên Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam\n1. Đồng chí Trần Văn Bình, Bộ trưởng.\n"),
            want(&[
                ("Lê Văn An", &["nguyên Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam"]),
                ("Trần Văn Bình", &["Bộ trưởng"]),
            ])
        );
    }

    #[test]
    fn plural_comrades() {
        assert_eq!(
            got("Tham dự có các đồng chí: Nguyễn Văn An, Trần Thị Bình và Lê Hoàng Cường."),
            want(&[
                ("Nguyễn Văn An", &[]),
                ("Trần Thị Bình", &[]),
                ("Lê Hoàng Cường", &[])
            ])
        );
    }

    #[test]
    fn places_and_bodies_are_not_people() {
        for text in [
            // seeds/000, seeds/001
            "Bình Phước, ngày tháng 9 năm 2021; Ban Tuyên giáo Tỉnh ủy tổ chức",
            "Giám đốc Sở Y tế tỉnh Lâm Đồng cho biết",
            "Chủ tịch UBND huyện Lý Sơn phát biểu",
            "Bí thư Huyện ủy Lý Sơn cho biết",
            "Đồng chí bí thư chi bộ (đảng bộ) hoặc phó bí thư chi bộ làm tổ trưởng",
            "bà con nhân dân; ông bà tổ tiên; Bà Rịa - Vũng Tàu",
            "Bà Cương trị giá gần 14 tỷ đồng",
        ] {
            assert_eq!(got(text), Vec::<(String, Vec<String>)>::new(), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_well_formed_items(s in "[A-ZĐa-zđàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ0-9/\\-,.:; \n]{0,80}") {
            for p in people_of(&s) {
                proptest::prop_assert!(p.name.split(' ').count() >= 2 && !p.titles.iter().any(String::is_empty));
            }
            for r in crate::extract::references::references(&s, None) {
                proptest::prop_assert!(!r.text.is_empty());
            }
            for a in crate::extract::actions::action_items(&s) {
                proptest::prop_assert!(!a.text.is_empty() && !a.assignees.iter().any(String::is_empty));
            }
        }
    }
}
