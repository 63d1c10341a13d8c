//! Dictionaries compiled into the library: `dictionaries/*.tsv` parsed once into `LazyLock`
//! tables, with Aho-Corasick automata for the lookups that scan text.
//!
//! Each table names its source in a header comment. `every_dictionary_parses` checks them all
//! (NFC, no duplicate keys, no empty cells), which is why the `expect`s below are invariants.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub(crate) mod table;

use table::{values, word_list, Table};

use crate::record::System;

const DOC_TYPES_TSV: &str = include_str!("../../dictionaries/doc_types.tsv");
const ABBREVIATIONS_TSV: &str = include_str!("../../dictionaries/abbreviations.tsv");
const SIGNING_FORMS_TSV: &str = include_str!("../../dictionaries/signing_forms.tsv");
const PROVINCES_TSV: &str = include_str!("../../dictionaries/provinces.tsv");
const BOILERPLATE_TSV: &str = include_str!("../../dictionaries/boilerplate.tsv");
const MOTTOS_TXT: &str = include_str!("../../dictionaries/mottos.txt");
const HEADER_MARKS_TXT: &str = include_str!("../../dictionaries/header_marks.txt");
const ISSUER_HEADS_TXT: &str = include_str!("../../dictionaries/issuer_heads.txt");

fn parse(name: &'static str, text: &'static str) -> Table {
    // Bundled and checked by `every_dictionary_parses`: failing here is our bug.
    Table::parse(name, text).expect("bundled dictionary")
}

fn col(table: &Table, name: &str) -> usize {
    table.column(name).expect("bundled dictionary column")
}

/// Lower-cases `s` for case-insensitive keys (Vietnamese capitals included).
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Document types

/// A document type (tên loại văn bản) and its codes.
#[derive(Debug, Clone)]
pub(crate) struct DocType {
    /// Canonical name, sentence case (`Quyết định`).
    pub name: &'static str,
    /// Codes in party numbers (`SEQ-CODE/ISSUER`).
    pub party_codes: Vec<&'static str>,
    /// Codes in state numbers (`SEQ/CODE-ISSUER`).
    pub state_codes: Vec<&'static str>,
    /// Other spellings of the name.
    pub variants: Vec<&'static str>,
}

static DOC_TYPES: LazyLock<Vec<DocType>> = LazyLock::new(|| {
    let t = parse("doc_types.tsv", DOC_TYPES_TSV);
    let (n, p, s, v) = (
        col(&t, "name"),
        col(&t, "party_codes"),
        col(&t, "state_codes"),
        col(&t, "variants"),
    );
    t.rows()
        .iter()
        .map(|r| DocType {
            name: r[n],
            party_codes: values(r[p]),
            state_codes: values(r[s]),
            variants: values(r[v]),
        })
        .collect()
});

static DOC_TYPE_BY_NAME: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (i, d) in DOC_TYPES.iter().enumerate() {
        for name in std::iter::once(&d.name).chain(&d.variants) {
            map.entry(key(name)).or_insert(i);
        }
    }
    map
});

/// Every document type, in table order.
pub(crate) fn doc_types() -> &'static [DocType] {
    &DOC_TYPES
}

/// The type named `name` (any case, a variant spelling allowed): "QUYẾT ĐỊNH" → Quyết định.
pub(crate) fn doc_type_by_name(name: &str) -> Option<&'static DocType> {
    // A key has at least one character for each non-space character of the name: a longer line
    // names no type, and is not lower-cased and hashed for nothing.
    let longest = *DOC_TYPE_KEY_CHARS;
    if name
        .chars()
        .filter(|c| !c.is_whitespace())
        .nth(longest)
        .is_some()
    {
        return None;
    }
    DOC_TYPE_BY_NAME.get(&key(name)).map(|&i| &DOC_TYPES[i])
}

/// The length in characters of the longest key of [`DOC_TYPE_BY_NAME`].
static DOC_TYPE_KEY_CHARS: LazyLock<usize> = LazyLock::new(|| {
    DOC_TYPE_BY_NAME
        .keys()
        .map(|k| k.chars().count())
        .max()
        .unwrap_or(0)
});

/// The type a number's type code stands for, in the party or state system. The party code `QĐ`
/// gives Quyết định (first in the table) though it also stands for Quy định: callers use this
/// only when no title line or citing word names the type.
pub(crate) fn doc_type_by_code(code: &str, system: System) -> Option<&'static DocType> {
    doc_types().iter().find(|d| {
        let codes = match system {
            System::Party => &d.party_codes,
            System::State => &d.state_codes,
        };
        codes.contains(&code)
    })
}

/// Whether `code` names more than one type in `system` (party `QĐ`: Quyết định or Quy định).
pub(crate) fn doc_type_code_is_ambiguous(code: &str, system: System) -> bool {
    DOC_TYPES
        .iter()
        .filter(|d| match system {
            System::Party => d.party_codes.contains(&code),
            System::State => d.state_codes.contains(&code),
        })
        .count()
        > 1
}

static DOC_TYPE_FINDER: LazyLock<(PhraseDfa, Vec<usize>)> = LazyLock::new(|| {
    let (patterns, owner) = doc_type_patterns();
    (PhraseDfa::new(&patterns, MatchKind::LeftmostLongest), owner)
});

/// The forms [`find_doc_types`] looks for (each name and variant as written, all-lower,
/// ALL-UPPER and First-upper, once each), with the index in [`doc_types`] of the type each
/// names.
pub(crate) fn doc_type_patterns() -> (Vec<String>, Vec<usize>) {
    let mut patterns = Vec::new();
    let mut owner = Vec::new();
    for (i, d) in DOC_TYPES.iter().enumerate() {
        for name in std::iter::once(&d.name).chain(&d.variants) {
            let lower = name.to_lowercase();
            let upper = name.to_uppercase();
            let mut title = String::new();
            for (j, c) in lower.chars().enumerate() {
                if j == 0 {
                    title.extend(c.to_uppercase());
                } else {
                    title.push(c);
                }
            }
            for form in [name.to_string(), lower, upper, title] {
                if !patterns.contains(&form) {
                    patterns.push(form);
                    owner.push(i);
                }
            }
        }
    }
    (patterns, owner)
}

/// Every document-type name in `text` (as written, all-lower, ALL-UPPER or First-upper),
/// leftmost-longest, at word boundaries: `(type, byte range)`.
pub(crate) fn find_doc_types(text: &str) -> Vec<(&'static DocType, std::ops::Range<usize>)> {
    let (dfa, owner) = &*DOC_TYPE_FINDER;
    let mut out = Vec::new();
    dfa.each_match(text, |p, range| {
        if at_word_bounds(text, range.start, range.end) {
            out.push((&DOC_TYPES[owner[p]], range));
        }
    });
    out
}

/// Which two-byte openings a set of phrases has (a phrase of one byte opens with any byte
/// after it): 64 Kbit, so that an anchored search is tried only where it can succeed.
pub(crate) struct OpeningPairs(Box<[u64; 1024]>);

impl OpeningPairs {
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: impl IntoIterator<Item = P>) -> OpeningPairs {
        let mut bits = Box::new([0u64; 1024]);
        for p in patterns {
            match *p.as_ref() {
                [b0] => bits[usize::from(b0) * 4..usize::from(b0) * 4 + 4].fill(u64::MAX),
                [b0, b1, ..] => {
                    let k = usize::from(b0) * 256 + usize::from(b1);
                    bits[k / 64] |= 1 << (k % 64);
                }
                [] => bits.fill(u64::MAX),
            }
        }
        OpeningPairs(bits)
    }

    /// Whether some phrase may open `bytes` (a missing second byte reads as 0, which no
    /// phrase of two bytes or more has there).
    pub(crate) fn may_open(&self, bytes: &[u8]) -> bool {
        let Some(&b0) = bytes.first() else {
            return self.0.iter().all(|&w| w == u64::MAX);
        };
        let b1 = bytes.get(1).copied().unwrap_or(0);
        let k = usize::from(b0) * 256 + usize::from(b1);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// An unanchored aho-corasick DFA over a set of phrases, searched by a loop of our own.
///
/// The matches are those of `AhoCorasick::find_iter` with the same match kind (non-overlapping,
/// leftmost-first or leftmost-longest), but aho-corasick's generic search loop reloads its input
/// and checks bounds on every byte. The doc-type and position scans run over every body, and
/// this loop takes a third fewer instructions.
pub(crate) struct PhraseDfa {
    dfa: aho_corasick::dfa::DFA,
    start: aho_corasick::automaton::StateID,
}

impl PhraseDfa {
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P], kind: MatchKind) -> PhraseDfa {
        use aho_corasick::automaton::Automaton;
        // No prefilter: on Vietnamese text the phrases' first bytes are everywhere, and without
        // one the start state is an ordinary state.
        let dfa = aho_corasick::dfa::DFA::builder()
            .match_kind(kind)
            .prefilter(false)
            .build(patterns)
            .expect("phrase automaton");
        let start = dfa
            .start_state(aho_corasick::Anchored::No)
            .expect("unanchored start state");
        PhraseDfa { dfa, start }
    }

    /// Calls `found` with `(pattern index, byte range)` for each match in `text`, in order.
    /// Each search starts where the previous match ended, from the start state, and ends at
    /// the dead state with the last match seen (the preferred one of a leftmost kind).
    pub(crate) fn each_match(
        &self,
        text: &str,
        mut found: impl FnMut(usize, std::ops::Range<usize>),
    ) {
        use aho_corasick::automaton::Automaton;
        let hay = text.as_bytes();
        let dfa = &self.dfa;
        let mut at = 0;
        while at < hay.len() {
            let mut sid = self.start;
            let mut last: Option<(usize, std::ops::Range<usize>)> = None;
            let mut i = at;
            let no = aho_corasick::Anchored::No;
            while i < hay.len() {
                (i, sid) = self.skip_plain(hay, i, sid);
                let Some(&b) = hay.get(i) else {
                    break;
                };
                sid = dfa.next_state(no, sid, b);
                i += 1;
                if dfa.is_special(sid) {
                    if dfa.is_dead(sid) {
                        break;
                    }
                    if dfa.is_match(sid) {
                        let pid = dfa.match_pattern(sid, 0);
                        last = Some((pid.as_usize(), i - dfa.pattern_len(pid)..i));
                    }
                }
            }
            let Some((p, range)) = last else {
                break;
            };
            at = range.end;
            found(p, range);
        }
    }

    /// Steps from state `sid` at byte `i` four bytes at a time while none of them reaches a
    /// special (dead or match) state, as most bytes do: the position and state where the
    /// caller steps on byte by byte (the four bytes that hold a special state are stepped
    /// again there, alone).
    #[inline(always)]
    fn skip_plain(
        &self,
        hay: &[u8],
        mut i: usize,
        mut sid: aho_corasick::automaton::StateID,
    ) -> (usize, aho_corasick::automaton::StateID) {
        use aho_corasick::automaton::Automaton;
        let dfa = &self.dfa;
        let no = aho_corasick::Anchored::No;
        while let Some(&[b0, b1, b2, b3]) = hay.get(i..i + 4) {
            let s0 = dfa.next_state(no, sid, b0);
            let s1 = dfa.next_state(no, s0, b1);
            let s2 = dfa.next_state(no, s1, b2);
            let s3 = dfa.next_state(no, s2, b3);
            if dfa.is_special(s0) | dfa.is_special(s1) | dfa.is_special(s2) | dfa.is_special(s3) {
                break;
            }
            sid = s3;
            i += 4;
        }
        (i, sid)
    }

    /// Calls `found` with `(pattern index, byte range)` for every occurrence of every phrase
    /// in `text`, overlaps included, in order of their ends. The automaton must be built with
    /// `MatchKind::Standard`. One pass serves several phrase tables at once: each table's
    /// leftmost-longest matches are then picked from these by [`leftmost_longest`].
    pub(crate) fn each_overlapping(
        &self,
        text: &str,
        mut found: impl FnMut(usize, std::ops::Range<usize>),
    ) {
        use aho_corasick::automaton::Automaton;
        let hay = text.as_bytes();
        let dfa = &self.dfa;
        let no = aho_corasick::Anchored::No;
        let mut sid = self.start;
        let mut i = 0;
        loop {
            (i, sid) = self.skip_plain(hay, i, sid);
            let Some(&b) = hay.get(i) else {
                break;
            };
            sid = dfa.next_state(no, sid, b);
            i += 1;
            if dfa.is_match(sid) {
                for k in 0..dfa.match_len(sid) {
                    let pid = dfa.match_pattern(sid, k);
                    found(pid.as_usize(), i - dfa.pattern_len(pid)..i);
                }
            }
        }
    }
}

/// The leftmost-longest, non-overlapping choice among `matches` (`(start, end, tag)`, any
/// order): what a leftmost-longest search over the same phrases finds. The earliest start
/// wins, then the longest match there, and the next choice starts at or after its end.
pub(crate) fn leftmost_longest<T>(mut matches: Vec<(usize, usize, T)>) -> Vec<(usize, usize, T)> {
    matches.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut free = 0;
    matches.retain(|&(start, end, _)| {
        let keep = start >= free;
        if keep {
            free = end;
        }
        keep
    });
    matches
}

/// Whether `text[start..end]` is a whole word (no letter or digit just outside it).
pub(crate) fn at_word_bounds(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_alnum) && !after.is_some_and(is_alnum)
}

/// `char::is_alphanumeric`, answered without the Unicode table lookup (tens of instructions a
/// character) for ASCII and for the blocks Vietnamese letters come from: Latin-1 Supplement,
/// Latin Extended-A, ơ/ư of Latin Extended-B and Latin Extended Additional (ạ … ỹ).
pub(crate) fn is_alnum(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ſ' | 'Ơ' | 'ơ' | 'Ư' | 'ư' | '\u{1ea0}'..='\u{1ef9}' => {
            true
        }
        _ => c.is_alphanumeric(),
    }
}

// ---------------------------------------------------------------------------------------------
// Abbreviations

/// An abbreviation and what it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Abbreviation {
    /// As written (`UBND`, `TTg`, `CT-XH`).
    pub abbr: &'static str,
    /// Written out (`Ủy ban nhân dân`).
    pub full: &'static str,
    /// `body`, `level` or `word`.
    pub kind: &'static str,
}

static ABBREVIATIONS: LazyLock<Vec<Abbreviation>> = LazyLock::new(|| {
    let t = parse("abbreviations.tsv", ABBREVIATIONS_TSV);
    let (a, f, k) = (col(&t, "abbr"), col(&t, "full"), col(&t, "kind"));
    t.rows()
        .iter()
        .map(|r| Abbreviation {
            abbr: r[a],
            full: r[f],
            kind: r[k],
        })
        .collect()
});

#[cfg_attr(not(feature = "search"), allow(dead_code))]
static ABBREVIATION_INDEX: LazyLock<HashMap<&'static str, usize>> = LazyLock::new(|| {
    ABBREVIATIONS
        .iter()
        .enumerate()
        .map(|(i, a)| (a.abbr, i))
        .collect()
});

/// Every abbreviation, in table order.
pub(crate) fn abbreviations() -> &'static [Abbreviation] {
    &ABBREVIATIONS
}

/// The written case of a body's code that has lower-case letters (`TTg`, `ThU`), for the same
/// code set in capitals (`TTG`, `THU`: a header typed in a capital font, a title in capitals).
pub(crate) fn code_case(upper: &str) -> Option<&'static str> {
    CODE_CASE.get(upper).copied()
}

static CODE_CASE: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    ABBREVIATIONS
        .iter()
        .filter(|a| a.abbr.chars().any(char::is_lowercase))
        .map(|a| (a.abbr.to_uppercase(), a.abbr))
        .collect()
});

/// What `abbr` stands for (case-sensitive: `TTg`, `UBND`): `BTGTU` → Ban Tuyên giáo Tỉnh ủy.
// The search query expander is its caller; the extractors scan with `find_abbreviations`.
#[cfg_attr(not(feature = "search"), allow(dead_code))]
pub(crate) fn expand_abbreviation(abbr: &str) -> Option<&'static str> {
    ABBREVIATION_INDEX.get(abbr).map(|&i| ABBREVIATIONS[i].full)
}

static ABBREVIATION_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(ABBREVIATIONS.iter().map(|a| a.abbr))
        .expect("abbreviation automaton")
});

/// Every known abbreviation standing as a whole word in `text`: `(abbreviation, byte range)`.
pub(crate) fn find_abbreviations(
    text: &str,
) -> Vec<(&'static Abbreviation, std::ops::Range<usize>)> {
    ABBREVIATION_FINDER
        .find_iter(text)
        .filter(|m| at_word_bounds(text, m.start(), m.end()))
        .map(|m| (&ABBREVIATIONS[m.pattern().as_usize()], m.range()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Signing forms, mottos, provinces, boilerplate

static SIGNING_FORMS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let t = parse("signing_forms.tsv", SIGNING_FORMS_TSV);
    let f = col(&t, "form");
    let mut forms: Vec<&'static str> = t.rows().iter().map(|r| r[f]).collect();
    // Longest first, so "TUQ." wins over "TUQ" and "T/UQ." over "T/UQ".
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms
});

/// The signing forms (`T/M`, `KT.`, `TUQ.` …), longest first.
pub(crate) fn signing_forms() -> &'static [&'static str] {
    &SIGNING_FORMS
}

/// The signing form opening `line` (followed by a space, or by nothing), if any.
pub(crate) fn signing_form_at_start(line: &str) -> Option<&'static str> {
    let line = line.trim_start();
    SIGNING_FORMS.iter().copied().find(|f| {
        line.len() >= f.len()
            && line.is_char_boundary(f.len())
            && line[..f.len()].eq_ignore_ascii_case(f)
            && {
                let rest = &line[f.len()..];
                // "TM." / "T/M" are enough; the dotless "TM", "KT", "TL" need a space after.
                rest.is_empty()
                    || rest.starts_with(char::is_whitespace)
                    || (f.ends_with('.') || f.contains('/'))
            }
    })
}

static MOTTOS: LazyLock<Vec<String>> =
    LazyLock::new(|| word_list(MOTTOS_TXT).into_iter().map(motto_key).collect());

fn motto_key(s: &str) -> String {
    key(&s.replace(['-', '–', '—'], " "))
}

/// Whether `line` is a national or party motto (never an issuer), in any case and spacing.
pub(crate) fn is_motto(line: &str) -> bool {
    let k = motto_key(line);
    !k.is_empty() && MOTTOS.contains(&k)
}

/// Whether `line` begins with a motto (text extraction sometimes runs the two mottos together:
/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc").
pub(crate) fn starts_with_motto(line: &str) -> bool {
    // Cheap test before building the key: its first letter opens one of the mottos.
    static FIRSTS: LazyLock<Vec<char>> =
        LazyLock::new(|| MOTTOS.iter().filter_map(|m| m.chars().next()).collect());
    let first = line
        .chars()
        .find(|c| !c.is_whitespace() && !matches!(c, '-' | '–' | '—'));
    if !first.is_some_and(|c| c.to_lowercase().any(|l| FIRSTS.contains(&l))) {
        return false;
    }
    let k = motto_key(line);
    !k.is_empty()
        && MOTTOS.iter().any(|m| {
            k.strip_prefix(m.as_str()).is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.is_empty() || MOTTOS.iter().any(|n| rest.starts_with(n.as_str()))
            })
        })
}

static HEADER_MARKS: LazyLock<Vec<String>> =
    LazyLock::new(|| word_list(HEADER_MARKS_TXT).into_iter().map(key).collect());

/// Whether `line` is an urgency, secrecy, circulation, draft or copy mark ("HỎA TỐC", "MẬT").
pub(crate) fn is_header_mark(line: &str) -> bool {
    if line.len() > 40 {
        return false;
    }
    let k = key(line);
    let k = k.trim_end_matches([':', '.']);
    HEADER_MARKS.iter().any(|m| m == k)
}

static ISSUER_HEADS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut heads: Vec<String> = word_list(ISSUER_HEADS_TXT).into_iter().map(key).collect();
    heads.sort_by_key(|h| std::cmp::Reverse(h.len()));
    heads
});

/// Whether `line` opens with a word that starts the name of a body ("BỘ", "SỞ", "TỈNH ỦY").
pub(crate) fn starts_with_issuer_head(line: &str) -> bool {
    let prefix: String = line.chars().take(24).collect();
    let k = key(&prefix);
    ISSUER_HEADS.iter().any(|h| {
        k.starts_with(h.as_str())
            && k[h.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A province or centrally-run city, before or after the 2025 merger.
#[derive(Debug, Clone)]
// `kind`, `period` and `merged_into` describe the 2025 merger for callers that map old names
// to new ones; the extractors only read names so far.
#[allow(dead_code)]
pub(crate) struct Province {
    /// Official name (`Bình Phước`, `Thành phố Hồ Chí Minh`).
    pub name: &'static str,
    /// `tỉnh` or `thành phố`.
    pub kind: &'static str,
    /// `new` (only from 01/7/2025), `old` (only before) or `both`.
    pub period: &'static str,
    /// The 2025 unit an old province became part of.
    pub merged_into: Option<&'static str>,
    /// Other spellings.
    pub variants: Vec<&'static str>,
}

static PROVINCES: LazyLock<Vec<Province>> = LazyLock::new(|| {
    let t = parse("provinces.tsv", PROVINCES_TSV);
    let (n, k, p, m, v) = (
        col(&t, "name"),
        col(&t, "kind"),
        col(&t, "period"),
        col(&t, "merged_into"),
        col(&t, "variants"),
    );
    t.rows()
        .iter()
        .map(|r| Province {
            name: r[n],
            kind: r[k],
            period: r[p],
            merged_into: values(r[m]).first().copied(),
            variants: values(r[v]),
        })
        .collect()
});

static PROVINCE_BY_NAME: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (i, p) in PROVINCES.iter().enumerate() {
        for name in std::iter::once(&p.name).chain(&p.variants) {
            map.entry(key(name)).or_insert(i);
        }
    }
    map
});

/// The 34 + 63 provinces and cities (one row for a unit that exists in both periods).
pub(crate) fn provinces() -> &'static [Province] {
    &PROVINCES
}

/// The province named `name` (any case, a variant spelling allowed).
pub(crate) fn province_by_name(name: &str) -> Option<&'static Province> {
    PROVINCE_BY_NAME.get(&key(name)).map(|&i| &PROVINCES[i])
}

/// How much of the page a boilerplate marker removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BoilerplateScope {
    /// Only the line with the marker.
    Line,
    /// The line and everything after it.
    Rest,
    /// The line and every line up to the one starting with this key (lower-cased).
    Until(&'static str),
}

/// A boilerplate line recognised by [`boilerplate_marker`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BoilerplateHit {
    /// How much it removes.
    pub scope: BoilerplateScope,
    /// A metadata label ("Số hiệu:") whose value may stand on the next line.
    pub label: bool,
    /// The line carries page metadata worth keeping (publication time of the original).
    pub metadata: bool,
}

struct BoilerplateMarker {
    prefix: bool,
    hit: BoilerplateHit,
}

/// The markers, the automaton, each spelling's marker and the spellings' openings.
type Boilerplate = (
    Vec<BoilerplateMarker>,
    AhoCorasick,
    Vec<usize>,
    OpeningPairs,
);

/// The markers, and an anchored automaton over their spellings (as written, lower-case,
/// upper-case, first letter capitalised) that finds the one opening a line without lower-casing
/// the line.
static BOILERPLATE: LazyLock<Boilerplate> = LazyLock::new(|| {
    let t = parse("boilerplate.tsv", BOILERPLATE_TSV);
    let (k, m, s, u, meta) = (
        col(&t, "marker"),
        col(&t, "match"),
        col(&t, "scope"),
        col(&t, "until"),
        col(&t, "meta"),
    );
    let mut markers = Vec::new();
    let mut patterns: Vec<String> = Vec::new();
    let mut owner = Vec::new();
    for r in t.rows() {
        let scope = match r[s] {
            "rest" => BoilerplateScope::Rest,
            "until" => {
                // Built once for the program's life: leaking the few end keys is bounded.
                let end: &'static str = Box::leak(key(r[u]).into_boxed_str());
                BoilerplateScope::Until(end)
            }
            _ => BoilerplateScope::Line,
        };
        let prefix = r[m] == "prefix";
        // A labelled prefix ("Ban hành:") needs its colon; a whole-line marker may omit it.
        let marker = if prefix {
            r[k]
        } else {
            r[k].trim_end_matches(':')
        };
        for form in spellings(marker) {
            if !patterns.contains(&form) {
                patterns.push(form);
                owner.push(markers.len());
            }
        }
        markers.push(BoilerplateMarker {
            prefix,
            hit: BoilerplateHit {
                scope,
                label: prefix && r[k].ends_with(':'),
                metadata: r[meta] == "yes",
            },
        });
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(&patterns)
        .expect("boilerplate automaton");
    let openings = OpeningPairs::new(&patterns);
    (markers, ac, owner, openings)
});

/// `s` as written, lower-case, upper-case and with its first letter capitalised.
fn spellings(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    let mut first_upper = String::with_capacity(s.len());
    for (i, c) in lower.chars().enumerate() {
        if i == 0 {
            first_upper.extend(c.to_uppercase());
        } else {
            first_upper.push(c);
        }
    }
    vec![s.to_string(), s.to_uppercase(), lower, first_upper]
}

/// Whether `line` (already stripped of markdown debris) is a boilerplate marker, and what it
/// removes. A "line" marker must be the whole line (a trailing ":" or "." allowed); a "prefix"
/// marker opens it.
pub(crate) fn boilerplate_marker(line: &str) -> Option<BoilerplateHit> {
    let line = line.trim();
    if line.is_empty() || line.len() > 300 {
        return None;
    }
    let (markers, ac, owner, openings) = &*BOILERPLATE;
    // Cheap test first: the line opens with the first two bytes of some spelling.
    if !openings.may_open(line.as_bytes()) {
        return None;
    }
    let input = aho_corasick::Input::new(line).anchored(aho_corasick::Anchored::Yes);
    let m = ac.find(input)?;
    let marker = &markers[owner[m.pattern().as_usize()]];
    let rest = &line[m.end()..];
    let whole = rest
        .trim_matches(|c: char| c == ':' || c == '.' || c.is_whitespace())
        .is_empty();
    let boundary = !rest.starts_with(char::is_alphanumeric);
    (whole || (marker.prefix && boundary)).then_some(marker.hit)
}

// ---------------------------------------------------------------------------------------------
// Positions (added by the inline-extractor developer; used by extract/people.rs)

const POSITIONS_TSV: &str = include_str!("../../dictionaries/positions.tsv");

/// A position, rank or honorific that introduces a person's name ("Phó Chủ tịch", "Thượng tá",
/// "đồng chí"), with its abbreviations ("PCT", "UVBTV", "đ/c").
#[derive(Debug, Clone)]
pub(crate) struct Position {
    /// As written in running text, sentence case.
    pub name: &'static str,
    /// Abbreviations, case as written.
    pub abbreviations: Vec<&'static str>,
    /// `position`, `rank` or `honorific`.
    pub kind: &'static str,
}

static POSITIONS: LazyLock<Vec<Position>> = LazyLock::new(|| {
    let t = parse("positions.tsv", POSITIONS_TSV);
    let (n, a, k) = (
        col(&t, "position"),
        col(&t, "abbreviations"),
        col(&t, "kind"),
    );
    t.rows()
        .iter()
        .map(|r| Position {
            name: r[n],
            abbreviations: values(r[a]),
            kind: r[k],
        })
        .collect()
});

/// Every position, rank and honorific, in table order.
pub(crate) fn positions() -> &'static [Position] {
    &POSITIONS
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEEDS: [&str; 4] = [
        include_str!("../../corpus/seeds/000_77c515b30785bc67.txt"),
        include_str!("../../corpus/seeds/001_6f18e75c22ead646.txt"),
        include_str!("../../corpus/seeds/002_4c4fd20774bcd057.txt"),
        include_str!("../../corpus/seeds/003_33f196b0544b334b.txt"),
    ];

    #[test]
    fn phrase_dfa_finds_what_aho_corasick_finds() {
        // Prefixes of one another, phrases inside words ("ông" in "không"), multi-byte letters.
        let patterns = [
            "Quyết định",
            "quyết định",
            "Quy định",
            "Quy",
            "ông",
            "bà",
            "Chủ tịch",
            "Phó Chủ tịch",
            "Phó Chủ tịch UBND",
            "UBND",
            "Kế hoạch",
            "đ/c",
        ];
        let texts = SEEDS.iter().copied().chain([
            "",
            "Phó Chủ tịch UBND tỉnh; Phó Chủ tịch Ubnd; không ông bà",
            "Quyết định số 12/QĐ-UBND và Quy định, Quy chế, Quyquyết định",
            "đ/c đ/",
        ]);
        for kind in [MatchKind::LeftmostLongest, MatchKind::LeftmostFirst] {
            let dfa = PhraseDfa::new(&patterns, kind);
            let ac = AhoCorasickBuilder::new()
                .match_kind(kind)
                .build(patterns)
                .expect("automaton");
            for text in texts.clone() {
                let mut ours = Vec::new();
                dfa.each_match(text, |p, r| ours.push((p, r)));
                let theirs: Vec<_> = ac
                    .find_iter(text)
                    .map(|m| (m.pattern().as_usize(), m.range()))
                    .collect();
                assert_eq!(ours, theirs, "{kind:?} {:?}", &text[..text.len().min(40)]);
            }
        }
    }

    #[test]
    fn starts_with_motto_takes_the_cheap_test_right() {
        for (line, motto) in [
            (
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc",
                true,
            ),
            ("  – ĐẢNG CỘNG SẢN VIỆT NAM", true),
            ("cộng hòa xã hội chủ nghĩa việt nam", true),
            ("Độc lập – Tự do – Hạnh phúc", true),
            ("ỦY BAN NHÂN DÂN", false),
            ("", false),
            ("---", false),
        ] {
            assert_eq!(starts_with_motto(line), motto, "{line:?}");
        }
    }
    use std::collections::HashSet;
    use unicode_normalization::is_nfc;

    const TABLES: [(&str, &str); 5] = [
        ("doc_types.tsv", DOC_TYPES_TSV),
        ("abbreviations.tsv", ABBREVIATIONS_TSV),
        ("signing_forms.tsv", SIGNING_FORMS_TSV),
        ("provinces.tsv", PROVINCES_TSV),
        ("boilerplate.tsv", BOILERPLATE_TSV),
    ];

    #[test]
    fn every_dictionary_parses() {
        for (name, text) in TABLES {
            assert!(is_nfc(text), "{name} is not NFC");
            assert!(text.starts_with('#'), "{name} has no source comment");
            let t = Table::parse(name, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(!t.rows().is_empty(), "{name} is empty");
            let mut seen = HashSet::new();
            for row in t.rows() {
                assert!(seen.insert(row[0]), "{name}: duplicate key {:?}", row[0]);
            }
        }
        for (name, text) in [
            ("mottos.txt", MOTTOS_TXT),
            ("header_marks.txt", HEADER_MARKS_TXT),
            ("issuer_heads.txt", ISSUER_HEADS_TXT),
        ] {
            assert!(is_nfc(text) && text.starts_with('#'), "{name}");
            let words = word_list(text);
            assert!(!words.is_empty(), "{name}");
            let keys: HashSet<String> = words.iter().map(|w| key(w)).collect();
            assert_eq!(words.len(), keys.len(), "{name}: duplicate entry");
            assert!(words.iter().all(|w| w.trim() == *w), "{name}: spaces");
        }
        // Every lazily built table and automaton builds.
        assert!(!doc_types().is_empty() && !abbreviations().is_empty());
        assert!(!signing_forms().is_empty() && !provinces().is_empty());
        assert!(find_doc_types("Quyết định").len() == 1);
        assert!(!find_abbreviations("UBND").is_empty());
        assert!(boilerplate_marker("Ý kiến bạn đọc").is_some());
    }

    #[test]
    fn provinces_count_34_after_and_63_before_2025() {
        let new = provinces().iter().filter(|p| p.period != "old").count();
        let old = provinces().iter().filter(|p| p.period != "new").count();
        assert_eq!((new, old), (34, 63));
        for p in provinces() {
            if let Some(m) = p.merged_into {
                assert!(
                    province_by_name(m).is_some_and(|q| q.period != "old"),
                    "{} merged into unknown {m}",
                    p.name
                );
            }
        }
        assert_eq!(
            province_by_name("TP. Hồ Chí Minh").map(|p| p.name),
            Some("Thành phố Hồ Chí Minh")
        );
        assert_eq!(
            province_by_name("bình phước").map(|p| p.merged_into),
            Some(Some("Đồng Nai"))
        );
    }

    #[test]
    fn doc_types_by_name_and_code() {
        for (text, name) in [
            ("QUYẾT ĐỊNH", "Quyết định"),
            ("Công văn", "Công văn"),
            ("kế  hoạch", "Kế hoạch"),
            ("GIẤY UỶ QUYỀN", "Giấy ủy quyền"),
        ] {
            assert_eq!(doc_type_by_name(text).map(|d| d.name), Some(name), "{text}");
        }
        assert_eq!(doc_type_by_name("Nơi nhận").map(|d| d.name), None);
        assert_eq!(
            doc_type_by_code("CV", System::Party).map(|d| d.name),
            Some("Công văn")
        );
        assert_eq!(
            doc_type_by_code("NĐ", System::State).map(|d| d.name),
            Some("Nghị định")
        );
        assert_eq!(
            doc_type_by_code("QyĐ", System::State).map(|d| d.name),
            Some("Quy định")
        );
        assert!(doc_type_code_is_ambiguous("QĐ", System::Party));
        assert!(!doc_type_code_is_ambiguous("QĐ", System::State));
        assert!(!doc_type_code_is_ambiguous("KH", System::Party));
    }

    #[test]
    fn is_alnum_agrees_with_the_standard_library() {
        for c in ('\0'..='\u{2ff}').chain('\u{1e00}'..='\u{1eff}') {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn doc_types_found_in_text_at_word_boundaries() {
        // seeds/001: "Quy chế số 04-QC/BTGTU ngày 20/3/2023 của Ban Tuyên giáo Tỉnh ủy"
        let text = "theo Quy chế số 04-QC/BTGTU và Thông tư liên tịch số 1; Luật Đất đai; Luậtx";
        let found: Vec<&str> = find_doc_types(text).iter().map(|(d, _)| d.name).collect();
        assert_eq!(found, vec!["Quy chế", "Thông tư liên tịch", "Luật"]);
    }

    #[test]
    fn abbreviations_write_out_bodies() {
        for (abbr, full) in [
            ("UBND", "Ủy ban nhân dân"),
            ("HĐND", "Hội đồng nhân dân"),
            ("MTTQ", "Mặt trận Tổ quốc"),
            ("BTGTU", "Ban Tuyên giáo Tỉnh ủy"),
            ("TU", "Tỉnh ủy"),
            ("CT-XH", "chính trị - xã hội"),
            ("TTg", "Thủ tướng Chính phủ"),
        ] {
            assert_eq!(expand_abbreviation(abbr), Some(full), "{abbr}");
        }
        assert_eq!(expand_abbreviation("ubnd"), None);
        // seeds/000: "Ủy ban MTTQ và các đoàn thể CT-XH tỉnh"
        let found: Vec<&str> = find_abbreviations("Ủy ban MTTQ và các đoàn thể CT-XH tỉnh")
            .iter()
            .map(|(a, _)| a.abbr)
            .collect();
        assert_eq!(found, vec!["MTTQ", "CT-XH"]);
    }

    #[test]
    fn mottos_and_signing_forms() {
        for line in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "cộng hòa xã hội chủ nghĩa việt nam",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Độc lập – Tự do – Hạnh phúc",
        ] {
            assert!(is_motto(line), "{line}");
        }
        assert!(!is_motto("BAN TUYÊN GIÁO"));
        assert!(is_header_mark("HỎA TỐC") && is_header_mark("Mật") && !is_header_mark("BỘ Y TẾ"));
        // seeds/000: "TỈNH ỦY BÌNH PHƯỚC" / "BAN TUYÊN GIÁO"; NĐ30: "ỦY BAN NHÂN DÂN" / "TỈNH …".
        assert!(starts_with_issuer_head("TỈNH ỦY BÌNH PHƯỚC"));
        assert!(starts_with_issuer_head("BAN TUYÊN GIÁO"));
        assert!(starts_with_issuer_head("Bộ tài chính"));
        assert!(!starts_with_issuer_head("TỈNH BÌNH ĐỊNH"));
        assert!(!starts_with_issuer_head("PHỦ"));
        assert!(!starts_with_issuer_head("BANG"));
        assert!(starts_with_motto(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc"
        ));
        assert!(!starts_with_motto(
            "Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)"
        ));
        for (line, form) in [
            ("T/M BAN THƯỜNG VỤ", Some("T/M")),
            ("TM. ỦY BAN NHÂN DÂN", Some("TM.")),
            ("KT. CHỦ TỊCH", Some("KT.")),
            ("KT CHỦ TỊCH", Some("KT")),
            ("TUQ. CHỦ TỊCH", Some("TUQ.")),
            ("Q. CHÁNH VĂN PHÒNG", Some("Q.")),
            ("TRƯỞNG BAN", None),
            ("TLX", None),
        ] {
            assert_eq!(signing_form_at_start(line), form, "{line}");
        }
    }

    #[test]
    fn boilerplate_markers_match_lines_and_prefixes() {
        let scope = |l: &str| boilerplate_marker(l).map(|h| h.scope);
        // seeds/001 ends with "Ý kiến bạn đọc" and "Văn bản mới" lists.
        assert_eq!(scope("Ý kiến bạn đọc"), Some(BoilerplateScope::Rest));
        assert_eq!(scope("Văn bản mới"), Some(BoilerplateScope::Rest));
        // dev/d002.txt: "## Văn bản liên quan" after the signature; "**Số hiệu:**" metadata.
        assert_eq!(scope("Văn bản liên quan"), Some(BoilerplateScope::Rest));
        assert_eq!(scope("Số hiệu:"), Some(BoilerplateScope::Line));
        assert!(boilerplate_marker("Số hiệu:").is_some_and(|h| h.label));
        assert_eq!(scope("lượt xem: 105"), Some(BoilerplateScope::Line));
        assert!(matches!(
            scope("CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN"),
            Some(BoilerplateScope::Until(_))
        ));
        assert!(
            boilerplate_marker("Giờ đăng bài viết gốc: 14/04/2025 23:02")
                .is_some_and(|h| h.metadata)
        );
        assert_eq!(scope("Văn bản liên quan đến việc tổ chức"), None);
        // composed/state_10: a subject line is not the portal's "Ban hành:" label.
        assert_eq!(
            scope("Ban hành Kế hoạch tuyên truyền, giáo dục pháp luật"),
            None
        );
        assert_eq!(scope("Ban hành: 05/11/2025"), Some(BoilerplateScope::Line));
        assert_eq!(scope("Bình luận của ông Trần Du Lịch"), None);
    }
}
