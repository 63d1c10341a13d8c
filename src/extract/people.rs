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

use aho_corasick::MatchKind;

use crate::dict::table::{word_list, Table};
use crate::dict::{self, at_word_bounds, is_alnum, PhraseDfa};
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
    let first = text.chars().next()?.to_lowercase().next()?;
    let groups = &CUES_BY_FIRST[role as usize];
    let k = groups.binary_search_by_key(&first, |(c, _)| *c).ok()?;
    groups[k].1.iter().find_map(|cue| {
        let n = prefix_len_ci(text, cue)?;
        at_word_bounds(text, 0, n).then_some(n)
    })
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
        let Some(we) = word_end(text, k) else { break };
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
        } else {
            let lw = w.to_lowercase();
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
            if stop.is_some_and(|n| !name_word(n)) {
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
            } else if pending > 0 && matches!(lw.as_str(), "tỉnh" | "huyện" | "xã" | "quận")
            {
                // A level word closes a lower-case name: "Ban An toàn giao thông tỉnh",
                // "Ban Chỉ đạo chuyển đổi số tỉnh".
                pending = 0;
                end = we;
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
    if to_punctuation && pending > 0 && pending_end > end {
        let after = skip_spaces(text, pending_end);
        if text[after..].is_empty() || text[after..].starts_with([',', ';', '.', ')', ':', '\n']) {
            return pending_end;
        }
    }
    end
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Position,
    Rank,
    Honorific,
}

static POSITION_FINDER: LazyLock<(PhraseDfa, Vec<Kind>)> = LazyLock::new(|| {
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
    // A DFA: this automaton scans every body, and a few hundred patterns keep it small.
    (PhraseDfa::new(&patterns, MatchKind::LeftmostLongest), kinds)
});

fn upper_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

#[derive(Debug, Clone)]
struct Hit {
    kind: Kind,
    start: usize,
    end: usize,
}

fn position_hits(text: &str) -> Vec<Hit> {
    let (dfa, kinds) = &*POSITION_FINDER;
    let mut hits = Vec::new();
    dfa.each_match(text, |p, range| {
        if at_word_bounds(text, range.start, range.end) {
            hits.push(Hit {
                kind: kinds[p],
                start: range.start,
                end: range.end,
            });
        }
    });
    hits
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
}

/// A personal name at `i`: 2–4 capitalised syllables, stopping before a position word.
fn name_at(text: &str, i: usize, hits: &[Hit], need: Need) -> Option<(usize, String)> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut j = i;
    while let Some(we) = word_end(text, j) {
        let w = &text[j..we];
        if !is_titlecase(w) || hit_at(hits, j).is_some() {
            break;
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
    let surname = SURNAMES.contains(first);
    let ok = match need {
        Need::Surname => surname,
        Need::Comrade => surname || words.len() >= 3,
        Need::Listed => true,
    };
    if !ok {
        return None;
    }
    let end = words[words.len() - 1].1;
    let name = collapse(&text[i..end]);
    if is_place(text, i, &name, words.len()) {
        return None;
    }
    Some((end, name))
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
fn title_end(text: &str, i: usize, hits: &[Hit]) -> usize {
    let end = name_end(text, i, true).max(i);
    let mut j = i;
    while j < end {
        let k = skip_ws(text, j);
        let Some(we) = word_end(text, k) else { break };
        if k > i
            && SURNAMES.contains(&text[k..we])
            && name_at(text, k, hits, Need::Surname).is_some()
        {
            return text[..k].trim_end().len();
        }
        j = we;
    }
    end
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
        if let Some(h) = hit_at(hits, s) {
            let e = title_end(text, h.end, hits);
            if starts_name(text, e, hits) {
                // "…, Bộ trưởng Bộ Xây dựng Trần Hồng Minh": the next person's title.
                break;
            }
            titles.push(collapse(&text[s..e]));
            had_own = true;
            end = e;
            j = e;
            continue;
        }
        let Some(we) = word_end(text, s) else { break };
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
    let mut cur = hits[h].start;
    let mut j = hits[h].end;
    let mut prev_cap = true;
    for _ in 0..16 {
        let k = skip_ws(text, j);
        let c = text[k..].chars().next()?;
        if c == ',' {
            let s = skip_spaces(text, k + 1);
            let next = hit_at(hits, s)?;
            titles.push(collapse(&text[cur..k]));
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

fn is_allcaps_title(t: &str) -> bool {
    t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
}

/// Every person the body names with a position or honorific, each once with all titles.
pub(crate) fn people(body: &str) -> Vec<Person> {
    let hits = position_hits(body);
    let mut found: Vec<Person> = Vec::new();
    let mut done = 0;
    for (h, hit) in hits.iter().enumerate() {
        if hit.start < done {
            continue;
        }
        match hit.kind {
            Kind::Honorific => {
                let w = &body[hit.start..hit.end];
                let comrade = !matches!(w.to_lowercase().as_str(), "ông" | "bà");
                let plural = body[..hit.start]
                    .trim_end()
                    .rsplit(|c: char| !is_alnum(c))
                    .next()
                    .is_some_and(|p| p == "các" || p == "Các");
                let mut j = skip_spaces(body, hit.end);
                if body[j..].starts_with(':') {
                    j = skip_ws(body, j + 1);
                }
                while let Some((person, end)) = honored(body, &hits, j, comrade) {
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
                        && name_at(body, next, &hits, Need::Surname)
                            .is_none_or(|(e, _)| trailing_list_ends(body, e))
                    {
                        break;
                    }
                    j = next;
                }
            }
            Kind::Position | Kind::Rank => {
                if let Some((persons, end)) = titled_list(body, &hits, h) {
                    done = end;
                    found.extend(persons);
                } else if let Some((person, end)) = titled_name(body, &hits, h) {
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
fn honored(text: &str, hits: &[Hit], j: usize, comrade: bool) -> Option<(Person, usize)> {
    if let Some(h) = hits
        .iter()
        .position(|h| h.start == j && h.kind != Kind::Honorific)
    {
        return titled_name(text, hits, h);
    }
    let need = if comrade {
        Need::Comrade
    } else {
        Need::Surname
    };
    let (end, name) = name_at(text, j, hits, need)?;
    let mut titles = Vec::new();
    let end = trailing_titles(text, end, hits, &mut titles);
    Some((Person { name, titles }, end))
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

    fn got(text: &str) -> Vec<(String, Vec<String>)> {
        people(text)
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
        assert!(!position_hits("Trưởng ban").is_empty());
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
                want(&[("Trương Quốc Sỹ", &["Trung tá", "Trưởng CA xã Phước An"])]),
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
            for p in people(&s) {
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
