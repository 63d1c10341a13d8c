//! One automaton pass over a document for both phrase tables every body is searched for:
//! document-type words (for [`super::references`]) and positions, ranks and honorifics (for
//! [`super::people`]).
//!
//! Each table alone is a leftmost-longest search. Both together are one automaton that
//! reports every occurrence, overlaps included ([`PhraseDfa::each_overlapping`]); each
//! table's leftmost-longest matches are then picked from its own occurrences
//! ([`dict::leftmost_longest`]), which gives exactly what its own search would. The body is
//! read once instead of twice.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::MatchKind;

use super::people::{self, Hit, Kind};
use crate::dict::{self, at_word_bounds, DocType, PhraseDfa};

/// The phrases of one document.
pub(crate) struct Phrases {
    /// Document-type words of the whole text, leftmost-longest, whole words, in order.
    pub(crate) doc_types: Vec<(&'static DocType, Range<usize>)>,
    /// Positions, ranks and honorifics of the body (offsets from the body's start),
    /// leftmost-longest, whole words, in order.
    pub(crate) positions: Vec<Hit>,
}

/// What a phrase of the joint automaton is in each table.
#[derive(Clone, Copy)]
struct Owner {
    /// Index in [`dict::doc_types`].
    doc_type: Option<usize>,
    position: Option<Kind>,
}

static JOINT: LazyLock<(PhraseDfa, Vec<Owner>)> = LazyLock::new(|| {
    let (type_patterns, type_owner) = dict::doc_type_patterns();
    let (position_patterns, kinds) = people::position_patterns();
    let mut patterns: Vec<String> = Vec::with_capacity(type_patterns.len() + kinds.len());
    let mut owners: Vec<Owner> = Vec::with_capacity(patterns.capacity());
    for (p, i) in type_patterns.into_iter().zip(type_owner) {
        patterns.push(p);
        owners.push(Owner {
            doc_type: Some(i),
            position: None,
        });
    }
    for (p, kind) in position_patterns.into_iter().zip(kinds) {
        // A phrase in both tables is one pattern with both owners.
        match patterns.iter().position(|q| *q == p) {
            Some(k) => owners[k].position = Some(kind),
            None => {
                patterns.push(p);
                owners.push(Owner {
                    doc_type: None,
                    position: Some(kind),
                });
            }
        }
    }
    (PhraseDfa::new(&patterns, MatchKind::Standard), owners)
});

/// The phrases of `text`: document types over all of it, positions over the body that starts
/// at byte `body_at` (a subject line may come before it).
pub(crate) fn scan(text: &str, body_at: usize) -> Phrases {
    let (dfa, owners) = &*JOINT;
    let mut types = Vec::new();
    let mut positions = Vec::new();
    dfa.each_overlapping(text, |p, range| {
        let owner = owners[p];
        if let Some(i) = owner.doc_type {
            types.push((range.start, range.end, i));
        }
        if let Some(kind) = owner.position {
            if range.start >= body_at {
                positions.push((range.start - body_at, range.end - body_at, kind));
            }
        }
    });
    let all = dict::doc_types();
    let doc_types = dict::leftmost_longest(types)
        .into_iter()
        .filter(|&(start, end, _)| at_word_bounds(text, start, end))
        .map(|(start, end, i)| (&all[i], start..end))
        .collect();
    let body = &text[body_at..];
    let positions = dict::leftmost_longest(positions)
        .into_iter()
        .filter(|&(start, end, _)| at_word_bounds(body, start, end))
        .map(|(start, end, kind)| Hit { kind, start, end })
        .collect();
    Phrases {
        doc_types,
        positions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position table's own leftmost-longest search, whole words only.
    fn positions_alone(text: &str) -> Vec<Hit> {
        let (patterns, kinds) = people::position_patterns();
        let dfa = PhraseDfa::new(&patterns, MatchKind::LeftmostLongest);
        let mut hits = Vec::new();
        dfa.each_match(text, |p, r| {
            if at_word_bounds(text, r.start, r.end) {
                hits.push(Hit {
                    kind: kinds[p],
                    start: r.start,
                    end: r.end,
                });
            }
        });
        hits
    }

    /// One joint pass finds what each table's own search finds, on every corpus document,
    /// with and without a subject line before the body.
    #[test]
    fn the_joint_pass_finds_what_each_table_finds() {
        let texts = crate::testing::corpus_texts();
        assert!(texts.len() > 100, "{} texts", texts.len());
        let (mut types_seen, mut positions_seen) = (0, 0);
        for body in texts.iter().map(String::as_str).chain([
            "",
            "Phó Chủ tịch UBND tỉnh; Phó Chủ tịch Ubnd; không ông bà",
            "Quyết định số 12/QĐ-UBND và Quy định, Quy chế, Quyquyết định của Tư lệnh",
        ]) {
            let alone: Vec<(&str, Range<usize>)> = dict::find_doc_types(body)
                .into_iter()
                .map(|(d, r)| (d.name, r))
                .collect();
            let found = scan(body, 0);
            let joint: Vec<(&str, Range<usize>)> = found
                .doc_types
                .iter()
                .map(|(d, r)| (d.name, r.clone()))
                .collect();
            assert_eq!(joint, alone, "{:?}", &body[..body.floor_char_boundary(60)]);
            assert_eq!(found.positions, positions_alone(body));
            types_seen += alone.len();
            positions_seen += found.positions.len();

            let subject = "V/v triển khai Kế hoạch số 12-KH/TU của Trưởng ban\n";
            let text = format!("{subject}{body}");
            assert_eq!(scan(&text, subject.len()).positions, positions_alone(body));
        }
        assert!(
            types_seen > 2000 && positions_seen > 1500,
            "{types_seen} {positions_seen}"
        );
    }
}
