//! Searching: plain text → a tantivy query (syllables with and without accents, bigrams,
//! numbers, dates, abbreviations both ways, a typo tolerated), filters, facet counts, snippets.
//!
//! Two passes. The first selects: every word of the query is required (an intersection of
//! folded-term postings; a document number, an abbreviation or a fuzzy match may stand in for
//! a word), and counts hits and facets. The second ranks the best hundred again with what is
//! too costly to score on every match: body phrases of adjacent syllables, exact accented
//! forms, headings and metadata, bigrams, dates, abbreviations typed out. When few documents
//! have every word, a word that looks mistyped as another syllable (`giao thon`) gets the word
//! its neighbours call for (`giao thong`) as an alternative; when none has them all, the words
//! become optional.
//!
//! The query text is never parsed as tantivy syntax: `+`, `"`, `:`, `(` and the like are just
//! punctuation between syllables, so every query runs.

use std::collections::{BTreeMap, HashMap};
use std::ops::{Bound, Range};
use std::sync::{Arc, LazyLock, Mutex};

use serde::Serialize;
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, EnableScoring, Explanation, FuzzyTermQuery,
    Occur, PhraseQuery, Query, RangeQuery, Scorer, TermQuery, Weight,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::tokenizer::TokenStream;
use tantivy::{DocSet, Score, Searcher, SeekDangerResult, TantivyDocument, Term, TERMINATED};

use crate::error::{Error, Result};
use crate::options::Options;
use crate::record::PartialDate;
use crate::search::analyzer::{fold_lower, query_analyzer};
use crate::search::schema::{date_span, number_key, Fields, FACETS};
use crate::search::snippet::Highlights;
use crate::search::Index;

/// Hits shown unless the request says otherwise.
pub const DEFAULT_LIMIT: usize = 10;
/// Facet values reported per field.
const FACET_VALUES: usize = 10;
/// Snippet length in characters.
const SNIPPET_CHARS: usize = 200;
/// How much of a long body the snippet is looked for in, in bytes.
const SNIPPET_SCAN: usize = 16 * 1024;

fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

// Weights. A document's own number outweighs everything; a bigram (a two-syllable word or a
// phrase) outweighs its two syllables apart; title, subject and metadata outweigh the body.
const W_OWN_NUMBER: Score = 12.0;
const W_NUMBER_IN_TEXT: Score = 3.0;
const W_CITES: Score = 1.0;
const W_DATE: Score = 2.0;
const W_BIGRAM: Score = 2.0;
const W_META: Score = 2.0;
const W_EXPANSION: Score = 0.8;
const W_TYPO: Score = 0.5;

/// A search: text plus filters. Build with [`SearchRequest::new`] and the setters.
///
/// ```
/// use vanban::search::SearchRequest;
/// let request = SearchRequest::new("tuyen truyen")
///     .facet("doc_type", "Kế hoạch")
///     .from("2021".parse()?)
///     .limit(5);
/// assert_eq!(request.limit, 5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SearchRequest {
    /// The text: syllables with or without accents, abbreviations, document numbers, dates.
    /// Empty matches every document (to list by filters alone).
    pub query: String,
    /// `(field, value)` filters, all required: `("doc_type", "Kế hoạch")`,
    /// `("issuer", "Tỉnh ủy Bình Phước/Ban Tuyên giáo")`. Values compare without case or
    /// accents; a hierarchical value matches its whole path or its last step.
    pub facets: Vec<(String, String)>,
    /// Only documents dated in or after this period.
    pub from: Option<PartialDate>,
    /// Only documents dated in or before this period.
    pub to: Option<PartialDate>,
    /// Only documents that cite this number (any spelling).
    pub cites: Option<String>,
    /// The most hits to return.
    pub limit: usize,
    /// Whether to count facet values (on by default; off saves a pass over the facet columns
    /// of every matching document).
    pub facet_counts: bool,
}

impl SearchRequest {
    /// A request for `query`, with no filter and the default limit (10).
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            facets: Vec::new(),
            from: None,
            to: None,
            cites: None,
            limit: DEFAULT_LIMIT,
            facet_counts: true,
        }
    }

    /// Adds a facet filter.
    pub fn facet(mut self, field: impl Into<String>, value: impl Into<String>) -> Self {
        self.facets.push((field.into(), value.into()));
        self
    }

    /// Keeps documents dated in or after `date`.
    pub fn from(mut self, date: PartialDate) -> Self {
        self.from = Some(date);
        self
    }

    /// Keeps documents dated in or before `date`.
    pub fn to(mut self, date: PartialDate) -> Self {
        self.to = Some(date);
        self
    }

    /// Keeps documents citing `number`.
    pub fn cites(mut self, number: impl Into<String>) -> Self {
        self.cites = Some(number.into());
        self
    }

    /// Sets the most hits to return.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Counts facet values (`true`, the default) or not.
    pub fn facet_counts(mut self, on: bool) -> Self {
        self.facet_counts = on;
        self
    }
}

/// One found document, with what `vanban search` shows of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Hit {
    /// The path the document was indexed from.
    pub source: String,
    /// Relevance (BM25 with vanban's weights); higher is better.
    pub score: f32,
    /// The document's number.
    pub number: Option<String>,
    /// Its type (`Công văn`).
    pub doc_type: Option<String>,
    /// Its date, reduced-precision ISO 8601.
    pub date: Option<String>,
    /// Its issuer as named in running text.
    pub issuer: Option<String>,
    /// A news headline, else the trích yếu.
    pub title: Option<String>,
    /// A passage of the text with the matched words in `<b>…</b>` (HTML-escaped).
    pub snippet: String,
    /// The same passage as plain text.
    #[serde(skip)]
    pub fragment: String,
    /// Byte ranges of the matched words in [`Hit::fragment`].
    #[serde(skip)]
    pub highlights: Vec<Range<usize>>,
}

/// One facet value and how many matching documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value (`Công văn`; for issuer, the parent body or the body itself).
    pub value: String,
    /// Matching documents with this value.
    pub count: u64,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SearchResults {
    /// How many documents match.
    pub total: u64,
    /// The best `limit` of them, best first.
    pub hits: Vec<Hit>,
    /// Per facet field, the most frequent values among all matching documents (empty when the
    /// request turned facet counts off).
    pub facets: BTreeMap<String, Vec<FacetCount>>,
}

// ---------------------------------------------------------------------------------------------
// Query text → units

/// One piece of the query text.
#[derive(Debug, Clone, PartialEq)]
enum Unit {
    /// A syllable: lower case, old tone style (`exact`), and folded.
    Word {
        exact: String,
        fold: String,
        /// As typed (case kept), for abbreviation lookup.
        raw: String,
    },
    /// A document number's key (`04 qc btgtu`).
    Number(String),
    /// An ISO date (`2023-03-20`).
    Date(String),
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    (b.len() == 7 || b.len() == 10)
        && b[4] == b'-'
        && s.split('-')
            .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
}

/// Splits normalised query text into units. Numbers written with spaces (`04 QC BTGTU`) are
/// joined later, against the index.
fn units(text: &str) -> Vec<Unit> {
    let mut analyzer = query_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    let mut last_position = usize::MAX;
    while let Some(token) = stream.next() {
        if token.position == last_position {
            continue; // parts and prefixes of a number, the year of a date
        }
        last_position = token.position;
        let t = &token.text;
        let unit = if is_iso_date(t) {
            Unit::Date(t.clone())
        } else if t.contains(' ') {
            Unit::Number(fold_lower(t))
        } else {
            Unit::Word {
                exact: t.clone(),
                fold: fold_lower(t),
                raw: text
                    .get(token.offset_from..token.offset_to)
                    .unwrap_or(t)
                    .to_string(),
            }
        };
        out.push(unit);
    }
    out
}

/// Joins runs like `04` `QC` `BTGTU` into one number when the index knows that number (as a
/// document's own number or in some text), longest run first.
fn join_spaced_numbers(units: Vec<Unit>, known: impl Fn(&str) -> bool) -> Vec<Unit> {
    let mut out = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        let starts_number = matches!(&units[i], Unit::Word { fold, .. }
            if fold.bytes().all(|b| b.is_ascii_digit()));
        if starts_number {
            let mut best = None;
            let mut key = String::new();
            for (j, unit) in units.iter().enumerate().skip(i).take(5) {
                let Unit::Word { fold, .. } = unit else { break };
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(fold);
                if j > i && fold.chars().any(char::is_alphabetic) && known(&key) {
                    best = Some((j, key.clone()));
                }
            }
            if let Some((j, key)) = best {
                out.push(Unit::Number(key));
                i = j + 1;
                continue;
            }
        }
        out.push(units[i].clone());
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Abbreviations

/// Full forms of abbreviations by their folded syllables (`uy ban nhan dan` → `ubnd`).
static FULL_FORMS: LazyLock<HashMap<String, Vec<String>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for a in crate::dict::abbreviations() {
        let full = fold_syllables(a.full).join(" ");
        if full.contains(' ') {
            map.entry(full).or_default().push(fold_lower(a.abbr));
        }
    }
    map
});

/// Longest full form, in syllables.
static LONGEST_FULL_FORM: LazyLock<usize> = LazyLock::new(|| {
    FULL_FORMS
        .keys()
        .map(|k| k.split(' ').count())
        .max()
        .unwrap_or(0)
});

fn fold_syllables(text: &str) -> Vec<String> {
    units(text)
        .into_iter()
        .filter_map(|u| match u {
            Unit::Word { fold, .. } => Some(fold),
            _ => None,
        })
        .collect()
}

/// What an abbreviation typed in the query stands for. Keys match as written (`TU`, `TTg`);
/// keys without a vowel or of four letters or more also match in any case (`ubnd`, `btg`), but
/// `tu` stays a syllable.
fn expansion(raw: &str) -> Option<&'static str> {
    if let Some(full) = crate::dict::expand_abbreviation(raw) {
        return Some(full);
    }
    let lower = fold_lower(raw);
    let vowelless = !lower.contains(['a', 'e', 'i', 'o', 'u', 'y']);
    if !(vowelless || lower.chars().count() >= 4) {
        return None;
    }
    crate::dict::abbreviations()
        .iter()
        .find(|a| fold_lower(a.abbr) == lower)
        .map(|a| a.full)
}

// ---------------------------------------------------------------------------------------------
// Building the query

/// Builds the clauses of one query and collects the terms to highlight.
struct Builder<'s> {
    searcher: &'s Searcher,
    fields: &'s Fields,
    /// Body terms and phrases to mark in snippets, with their weight (rarer: higher).
    highlight: Highlights,
}

type Clauses = Vec<(Occur, Box<dyn Query>)>;

/// `query` with `weight`; a weight of 1 is left out, so that tantivy keeps its fast paths for
/// plain term queries (intersections of term scorers).
fn boosted(query: impl Query, weight: Score) -> Box<dyn Query> {
    if weight == 1.0 {
        Box::new(query)
    } else {
        Box::new(BoostQuery::new(Box::new(query), weight))
    }
}

fn should(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        if let Some(query) = queries.pop() {
            return query;
        }
    }
    Box::new(AnyOf(queries))
}

/// The documents that match any of the queries, scored by the sum of those that match, as a
/// `BooleanQuery` of `Should` clauses would. A required word with alternatives (an
/// abbreviation or its full form, a typo) is one of these inside the intersection of the
/// query's words; tantivy's union fills a window of 4,096 documents from every alternative on
/// each seek, which costs a pass over a common alternative ("Ủy ban nhân dân" is in most
/// documents) however rare the other words are. This one only moves its alternatives to the
/// documents the intersection asks about.
#[derive(Debug)]
struct AnyOf(Vec<Box<dyn Query>>);

impl Clone for AnyOf {
    fn clone(&self) -> AnyOf {
        AnyOf(self.0.iter().map(|q| q.box_clone()).collect())
    }
}

impl Query for AnyOf {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .0
            .iter()
            .map(|q| q.weight(scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(AnyOfWeight(weights)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for query in &self.0 {
            query.query_terms(visitor);
        }
    }
}

struct AnyOfWeight(Vec<Box<dyn Weight>>);

impl Weight for AnyOfWeight {
    fn scorer(
        &self,
        reader: &tantivy::SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Box<dyn Scorer>> {
        let scorers = self
            .0
            .iter()
            .map(|w| w.scorer(reader, boost))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let doc = scorers.iter().map(|s| s.doc()).min().unwrap_or(TERMINATED);
        Ok(Box::new(AnyOfScorer { scorers, doc }))
    }

    fn explain(
        &self,
        reader: &tantivy::SegmentReader,
        doc: tantivy::DocId,
    ) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.doc() > doc || scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("any of", scorer.score()))
    }
}

struct AnyOfScorer {
    scorers: Vec<Box<dyn Scorer>>,
    doc: tantivy::DocId,
}

impl AnyOfScorer {
    fn settle(&mut self) -> tantivy::DocId {
        self.doc = self
            .scorers
            .iter()
            .map(|s| s.doc())
            .min()
            .unwrap_or(TERMINATED);
        self.doc
    }
}

impl DocSet for AnyOfScorer {
    fn advance(&mut self) -> tantivy::DocId {
        let doc = self.doc;
        if doc == TERMINATED {
            return TERMINATED;
        }
        for scorer in &mut self.scorers {
            if scorer.doc() == doc {
                scorer.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: tantivy::DocId) -> tantivy::DocId {
        if target <= self.doc {
            return self.doc;
        }
        for scorer in &mut self.scorers {
            if scorer.doc() < target {
                scorer.seek(target);
            }
        }
        self.settle()
    }

    fn doc(&self) -> tantivy::DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.scorers
            .iter()
            .map(|s| s.size_hint())
            .fold(0u32, u32::saturating_add)
    }

    fn cost(&self) -> u64 {
        self.scorers.iter().map(|s| s.cost()).sum()
    }
}

impl Scorer for AnyOfScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        self.scorers
            .iter_mut()
            .filter(|s| s.doc() == doc)
            .map(|s| s.score())
            .sum()
    }
}

impl Builder<'_> {
    fn doc_freq(&self, field: Field, text: &str) -> u64 {
        self.searcher
            .doc_freq(&Term::from_field_text(field, text))
            .unwrap_or(0)
    }

    fn term(&mut self, field: Field, text: &str, weight: Score) -> Box<dyn Query> {
        if field == self.fields.body {
            let df = self.doc_freq(field, text);
            if df > 0 {
                self.highlight
                    .terms
                    .insert(text.to_string(), 1.0 / (1.0 + df as Score));
            }
        }
        let term = Term::from_field_text(field, text);
        boosted(TermQuery::new(term, IndexRecordOption::WithFreqs), weight)
    }

    /// Adjacent syllables in the body (positions).
    fn phrase(&mut self, words: &[String], weight: Score) -> Box<dyn Query> {
        match words {
            [] => Box::new(EmptyQuery),
            [one] => self.term(self.fields.body, one, weight),
            _ => {
                let terms = words
                    .iter()
                    .map(|w| Term::from_field_text(self.fields.body, w))
                    .collect();
                boosted(PhraseQuery::new(terms), weight)
            }
        }
    }

    /// One syllable of the query: its exact and folded forms in the body and the headings; a
    /// fuzzy match when the index knows neither (a typo); what an abbreviation stands for.
    /// `None` when nothing can match it (a short unknown syllable): it is then left out.
    fn word(
        &mut self,
        exact: &str,
        fold: &str,
        raw: &str,
        optional: &mut Vec<Box<dyn Query>>,
        rerank: &mut Vec<Box<dyn Query>>,
    ) -> Option<Box<dyn Query>> {
        let f = self.fields;
        let mut alternatives = Vec::new();
        let known = self.doc_freq(f.body, fold) > 0 || self.doc_freq(f.meta, fold) > 0;
        if known {
            // Required in the body (the whole text, headings included), so that the words
            // intersect; headings and metadata only add to the score.
            alternatives.push(self.term(f.body, fold, 1.0));
            optional.push(self.term(f.meta, fold, W_META));
            if exact != fold {
                // Exact accents rank higher: the accented form scores on top of the folded one
                // when the best hits are ranked again.
                rerank.push(self.term(f.body, exact, 1.0));
                rerank.push(self.term(f.meta, exact, W_META));
            }
        } else if fold.chars().count() >= 4 && fold.chars().all(char::is_alphabetic) {
            let term = Term::from_field_text(f.body, fold);
            alternatives.push(boosted(FuzzyTermQuery::new(term, 1, true), W_TYPO));
        }
        if let Some(full) = expansion(raw) {
            // The full form counts as a phrase only: its syllables apart, folded, are other
            // words (nhận in "Nơi nhận", every "ban").
            let words = fold_syllables(full);
            // Selected by the exact syllables (a phrase query would read positions of every
            // document that has them all); marked, and ranked higher, as a phrase.
            let exact: Clauses = units(full)
                .into_iter()
                .filter_map(|u| match u {
                    Unit::Word { exact, .. } => Some(exact),
                    _ => None,
                })
                .map(|w| {
                    let term = Term::from_field_text(f.body, &w);
                    let query = TermQuery::new(term, IndexRecordOption::WithFreqs);
                    (Occur::Must, boosted(query, W_EXPANSION))
                })
                .collect();
            alternatives.push(Box::new(BooleanQuery::new(exact)));
            let weight: Score = words
                .iter()
                .map(|w| 1.0 / (1.0 + self.doc_freq(f.body, w) as Score))
                .sum();
            self.highlight.phrases.push((words.clone(), weight));
            rerank.push(self.phrase(&words, W_EXPANSION * W_BIGRAM));
            let pairs: Vec<(Occur, Box<dyn Query>)> = words
                .windows(2)
                .map(|p| {
                    let bigram = format!("{} {}", p[0], p[1]);
                    (
                        Occur::Must,
                        self.term(f.meta, &bigram, W_EXPANSION * W_META),
                    )
                })
                .collect();
            if !pairs.is_empty() {
                alternatives.push(Box::new(BooleanQuery::new(pairs)));
            }
        }
        (!alternatives.is_empty()).then(|| should(alternatives))
    }

    /// A document number: the document's own (first), in the text, cited.
    fn number(&mut self, key: &str) -> Box<dyn Query> {
        let f = self.fields;
        should(vec![
            self.term(f.number_key, key, W_OWN_NUMBER),
            self.term(f.body, key, W_NUMBER_IN_TEXT),
            self.term(f.meta, key, W_NUMBER_IN_TEXT),
            self.term(f.cites, key, W_CITES),
        ])
    }

    /// Two adjacent syllables as a bigram term of the headings.
    fn pair(&mut self, a: &str, b: &str) -> Box<dyn Query> {
        self.term(self.fields.meta, &format!("{a} {b}"), W_BIGRAM * W_META)
    }
}

/// The text part of a request: a strict query (every unit of the text required) and a relaxed
/// one (any unit, for when nothing has them all), or `None` when the text has no searchable
/// token.
struct TextQuery {
    strict: Box<dyn Query>,
    relaxed: Option<Box<dyn Query>>,
    /// Phrases (adjacent syllables, in the body's positions) and exact accented forms: they
    /// rank the best hits again (scoring them on every match of common words would cost more
    /// than the whole search).
    phrases: Vec<Box<dyn Query>>,
    highlight: Highlights,
}

/// The syllables of `text` (by unit index) that look mistyped as another real syllable, each
/// with the syllable meant: one edit away (`thon` → `thong`), and paired in the headings of
/// some document with a neighbour of the query (`giao thong`) where the syllable as typed is
/// not (`giao thon`). Asked only when a query finds few documents: a typo that is itself a
/// word ("thôn") is not caught as unknown.
fn corrections(searcher: &Searcher, fields: &Fields, units: &[Unit]) -> HashMap<usize, String> {
    let df = |field: Field, text: &str| -> u64 {
        searcher
            .doc_freq(&Term::from_field_text(field, text))
            .unwrap_or(0)
    };
    let word = |i: Option<usize>| -> Option<&str> {
        match units.get(i?) {
            Some(Unit::Word { fold, .. }) => Some(fold.as_str()),
            _ => None,
        }
    };
    let mut found = HashMap::new();
    for i in 0..units.len() {
        let Some(typed) = word(Some(i)) else { continue };
        if typed.len() < 3 || !typed.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        let neighbours: Vec<(&str, bool)> =
            [(word(i.checked_sub(1)), true), (word(Some(i + 1)), false)]
                .into_iter()
                .filter_map(|(n, before)| n.map(|n| (n, before)))
                .collect();
        let pair = |n: &str, before: bool, w: &str| {
            if before {
                format!("{n} {w}")
            } else {
                format!("{w} {n}")
            }
        };
        let support = |w: &str| -> u64 {
            neighbours
                .iter()
                .map(|&(n, before)| df(fields.meta, &pair(n, before, w)))
                .sum()
        };
        if neighbours.is_empty() || support(typed) > 0 {
            continue;
        }
        let typed_df = df(fields.body, typed);
        let mut best: Option<(u64, String)> = None;
        for candidate in one_edit(typed) {
            if df(fields.body, &candidate) <= typed_df {
                continue;
            }
            let s = support(&candidate);
            if s > 0 && best.as_ref().is_none_or(|(b, _)| s > *b) {
                best = Some((s, candidate));
            }
        }
        if let Some((_, meant)) = best {
            found.insert(i, meant);
        }
    }
    found
}

/// Every ASCII word one deletion, transposition, substitution or insertion away from `word`
/// (lower-case ASCII), without `word` itself.
fn one_edit(word: &str) -> Vec<String> {
    let b = word.as_bytes();
    let mut out: Vec<String> = Vec::new();
    let mut push = |bytes: Vec<u8>| {
        if let Ok(s) = String::from_utf8(bytes) {
            if s != word {
                out.push(s);
            }
        }
    };
    for i in 0..b.len() {
        push([&b[..i], &b[i + 1..]].concat());
        if i + 1 < b.len() {
            let mut t = b.to_vec();
            t.swap(i, i + 1);
            push(t);
        }
    }
    for i in 0..=b.len() {
        for c in b'a'..=b'z' {
            if i < b.len() {
                let mut t = b.to_vec();
                t[i] = c;
                push(t);
            }
            push([&b[..i], &[c], &b[i..]].concat());
        }
    }
    out.sort();
    out.dedup();
    out
}

fn text_query(
    searcher: &Searcher,
    fields: &Fields,
    text: &str,
    correct: bool,
) -> Option<TextQuery> {
    let text = crate::normalize::normalize_str(text, &Options::default());
    let known = |key: &str| {
        [fields.number_key, fields.body].iter().any(|&field| {
            searcher
                .doc_freq(&Term::from_field_text(field, key))
                .is_ok_and(|df| df > 0)
        })
    };
    let units = join_spaced_numbers(units(&text), known);
    let fixes = if correct {
        corrections(searcher, fields, &units)
    } else {
        HashMap::new()
    };
    if correct && fixes.is_empty() {
        return None;
    }
    let mut b = Builder {
        searcher,
        fields,
        highlight: Highlights::default(),
    };
    let mut required: Vec<Box<dyn Query>> = Vec::new();
    let mut optional: Vec<Box<dyn Query>> = Vec::new();
    let mut phrases: Vec<Box<dyn Query>> = Vec::new();
    // Runs of adjacent syllables, split by numbers and dates.
    let mut runs: Vec<Vec<String>> = vec![Vec::new()];
    for (i, unit) in units.iter().enumerate() {
        match unit {
            Unit::Word { exact, fold, raw } => {
                let typed = b.word(exact, fold, raw, &mut optional, &mut phrases);
                let mut fold = fold;
                if let Some(meant) = fixes.get(&i) {
                    // The syllable meant counts in full; the one typed stays an alternative.
                    let alternative = b.term(fields.body, meant, 1.0);
                    optional.push(b.term(fields.meta, meant, W_META));
                    required.push(should(typed.into_iter().chain([alternative]).collect()));
                    fold = meant;
                } else {
                    required.extend(typed);
                }
                if let Some(run) = runs.last_mut() {
                    run.push(fold.clone());
                }
            }
            Unit::Number(key) => {
                required.push(b.number(key));
                runs.push(Vec::new());
            }
            Unit::Date(iso) => {
                optional.push(b.term(fields.body, iso, W_DATE));
                optional.push(b.term(fields.meta, iso, W_DATE));
                runs.push(Vec::new());
            }
        }
    }
    for run in &runs {
        for pair in run.windows(2) {
            optional.push(b.pair(&pair[0], &pair[1]));
            phrases.push(b.phrase(pair, W_BIGRAM));
        }
        // Full forms typed out: also look for their abbreviation (Ủy ban nhân dân → UBND).
        for len in 2..=(*LONGEST_FULL_FORM).min(run.len()) {
            for window in run.windows(len) {
                if let Some(abbrs) = FULL_FORMS.get(&window.join(" ")) {
                    for abbr in abbrs {
                        optional.push(b.term(fields.body, abbr, W_BIGRAM * W_EXPANSION));
                        optional.push(b.term(fields.meta, abbr, W_BIGRAM * W_EXPANSION));
                    }
                }
            }
        }
    }
    if required.is_empty() && optional.is_empty() {
        return None;
    }
    let n = required.len();
    let clauses = |queries: &[Box<dyn Query>], occur: Occur| -> Clauses {
        queries.iter().map(|q| (occur, q.box_clone())).collect()
    };
    // The words select the documents (an intersection of term postings, fast). Headings,
    // metadata, bigrams, dates and expanded abbreviations only add to the score: they rank the
    // best hits again, where scoring them costs a few seeks instead of a pass over every match.
    let strict = if n == 0 {
        clauses(&optional, Occur::Should)
    } else {
        phrases.extend(optional);
        clauses(&required, Occur::Must)
    };
    let relaxed = (n >= 2)
        .then(|| Box::new(BooleanQuery::new(clauses(&required, Occur::Should))) as Box<dyn Query>);
    Some(TextQuery {
        strict: Box::new(BooleanQuery::new(strict)),
        relaxed,
        phrases,
        highlight: b.highlight,
    })
}

/// Every facet of `field` present in the index (each level of a hierarchy), with its path.
fn facets_in_index(index: &Index, searcher: &Searcher, field: Field) -> Result<Vec<Facet>> {
    let mut facets = Vec::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field).map_err(|e| index.error(e))?;
        let mut stream = inverted.terms().stream().map_err(|e| index.error(e))?;
        while stream.advance() {
            if let Ok(facet) = Facet::from_encoded(stream.key().to_vec()) {
                facets.push(facet);
            }
        }
    }
    facets.sort();
    facets.dedup();
    Ok(facets)
}

/// The filter for `field=value`: the facets whose path, or last step, equals `value` without
/// case or accents.
fn facet_filter(
    index: &Index,
    searcher: &Searcher,
    name: &str,
    value: &str,
) -> Result<Box<dyn Query>> {
    let field = index.fields.facet(name).ok_or_else(|| {
        Error::Query(format!(
            "unknown facet field {name:?} (one of: {})",
            FACETS.join(", ")
        ))
    })?;
    let wanted = fold_lower(value.trim().trim_start_matches('/'));
    let wanted: Vec<&str> = wanted.split('/').map(str::trim).collect();
    let mut matches: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for facet in facets_in_index(index, searcher, field)? {
        let path: Vec<String> = facet.to_path().iter().map(|s| fold_lower(s)).collect();
        let whole = path.iter().map(String::as_str).eq(wanted.iter().copied());
        let last = wanted.len() == 1 && path.last().is_some_and(|l| *l == wanted[0]);
        if whole || last {
            let term = Term::from_facet(field, &facet);
            matches.push((
                Occur::Should,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
    }
    if matches.is_empty() {
        return Ok(Box::new(EmptyQuery));
    }
    Ok(Box::new(BooleanQuery::new(matches)))
}

/// Documents citing `number`: by their extracted references, or by the number appearing in
/// their text when it is not their own.
fn cites_filter(fields: &Fields, number: &str) -> Result<Box<dyn Query>> {
    let key = number_key(number);
    if key.is_empty() {
        return Err(Error::Query(format!("not a document number: {number:?}")));
    }
    let term = |field| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, &key),
            IndexRecordOption::Basic,
        ))
    };
    let in_text = BooleanQuery::new(vec![
        (Occur::Must, term(fields.body)),
        (Occur::MustNot, term(fields.number_key)),
    ]);
    Ok(Box::new(BooleanQuery::new(vec![
        (Occur::Should, term(fields.cites)),
        (Occur::Should, Box::new(in_text)),
    ])))
}

// ---------------------------------------------------------------------------------------------
// Running it

/// Hits ranked again with phrases, headings and exact forms.
const RERANK: usize = 100;

/// Ranks `top` again: each hit gets the scores of the `extra` queries (phrases, exact forms)
/// that match it. Each extra query is asked about these documents only, by seeking its scorer
/// to them, so its cost does not grow with the number of matches.
fn rerank(
    index: &Index,
    searcher: &Searcher,
    extra: &[Box<dyn Query>],
    top: &[(Score, tantivy::DocAddress)],
    limit: usize,
) -> Result<Vec<(Score, tantivy::DocAddress)>> {
    let mut ranked: Vec<(Score, tantivy::DocAddress)> = top.to_vec();
    // Ascending document order within each segment, as scorers only move forward.
    let mut order: Vec<usize> = (0..ranked.len()).collect();
    order.sort_by_key(|&i| (ranked[i].1.segment_ord, ranked[i].1.doc_id));
    let scoring = EnableScoring::enabled_from_searcher(searcher);
    for query in extra {
        let weight = query.weight(scoring).map_err(|e| index.error(e))?;
        // Per segment: the scorer, and the lowest document it may still match. Scorers are
        // made at the first document asked about and moved with `seek_danger`, which answers
        // for that document only: a phrase scorer's `seek` would go on reading positions up to
        // the next match, and a new one reads them from the start of the segment.
        let mut current: Option<(u32, Box<dyn Scorer>, tantivy::DocId)> = None;
        for &i in &order {
            let address = ranked[i].1;
            let doc = address.doc_id;
            let found = match current.as_mut() {
                Some((segment, scorer, bound)) if *segment == address.segment_ord => {
                    if doc < *bound {
                        continue;
                    }
                    let found = scorer.seek_danger(doc);
                    *bound = next_bound(found, doc);
                    found
                }
                _ => {
                    let reader = searcher.segment_reader(address.segment_ord);
                    let (found, scorer) = weight
                        .scorer_danger(reader, doc, 1.0)
                        .map_err(|e| index.error(e))?;
                    current = Some((address.segment_ord, scorer, next_bound(found, doc)));
                    found
                }
            };
            if found == SeekDangerResult::Found {
                if let Some((_, scorer, _)) = current.as_mut() {
                    ranked[i].0 += scorer.score();
                }
            }
        }
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    ranked.truncate(limit);
    Ok(ranked)
}

/// The lowest document a scorer may match after `seek_danger(doc)` answered `found`.
fn next_bound(found: SeekDangerResult, doc: tantivy::DocId) -> tantivy::DocId {
    match found {
        SeekDangerResult::Found => doc.saturating_add(1),
        SeekDangerResult::SeekLowerBound(bound) => bound,
    }
}

/// Counts the values of every facet field at their top level, over the matching documents.
///
/// Reading a document's facet ordinals from the columns costs a lookup per field, which adds up
/// to most of a search that matches much of the index ("của", "quyết định"). So a segment's
/// ordinals, once a query has matched a large share of it, are copied into one flat array
/// ([`SegmentFacets`], kept in the [`FacetCache`] for as long as the segment lives), and every
/// later count on that segment reads that array instead.
struct FacetTally {
    cache: Arc<FacetCache>,
}

/// Per field, value at the top level (`Tỉnh ủy Bình Phước` for
/// `/Tỉnh ủy Bình Phước/Ban Tuyên giáo`) → documents.
type Tally = Vec<HashMap<String, u64>>;

/// The facet ordinals of every document of one segment, all fields in one array: the slot of
/// ordinal `o` of field `f` is `bases[f] + o`.
pub(crate) struct SegmentFacets {
    /// Per document, where its slots start in `slots` (and, at `doc + 1`, end).
    starts: Vec<u32>,
    slots: Vec<u32>,
}

impl SegmentFacets {
    fn build(readers: &[tantivy::fastfield::FacetReader], max_doc: u32) -> Option<SegmentFacets> {
        let mut bases = Vec::with_capacity(readers.len() + 1);
        let mut total = 0usize;
        for reader in readers {
            bases.push(total);
            total += reader.num_facets();
        }
        u32::try_from(total).ok()?;
        let mut starts = Vec::with_capacity(max_doc as usize + 1);
        let mut slots = Vec::with_capacity(max_doc as usize * readers.len());
        for doc in 0..max_doc {
            starts.push(u32::try_from(slots.len()).ok()?);
            for (reader, &base) in readers.iter().zip(&bases) {
                slots.extend(reader.facet_ords(doc).map(|ord| (base as u64 + ord) as u32));
            }
        }
        starts.push(u32::try_from(slots.len()).ok()?);
        Some(SegmentFacets { starts, slots })
    }

    #[inline]
    fn count(&self, doc: tantivy::DocId, counts: &mut [u32]) {
        let doc = doc as usize;
        let (Some(&a), Some(&b)) = (self.starts.get(doc), self.starts.get(doc + 1)) else {
            return;
        };
        for &slot in self.slots.get(a as usize..b as usize).unwrap_or_default() {
            if let Some(count) = counts.get_mut(slot as usize) {
                *count += 1;
            }
        }
    }
}

/// [`SegmentFacets`] by segment, shared by the searches of one [`Index`].
#[derive(Default)]
pub(crate) struct FacetCache {
    segments: Mutex<HashMap<tantivy::index::SegmentId, Arc<SegmentFacets>>>,
}

impl FacetCache {
    fn get(&self, segment: tantivy::index::SegmentId) -> Option<Arc<SegmentFacets>> {
        let segments = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        segments.get(&segment).cloned()
    }

    fn insert(&self, segment: tantivy::index::SegmentId, facets: Arc<SegmentFacets>) {
        let mut segments = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        segments.insert(segment, facets);
    }

    /// Forgets the segments that `searcher` no longer has (merged away).
    pub(crate) fn retain(&self, searcher: &Searcher) {
        let live: Vec<tantivy::index::SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect();
        let mut segments = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        segments.retain(|id, _| live.contains(id));
    }
}

/// A query that matches at least this share of a segment (1 / `CACHE_SHARE`) has the
/// segment's facets copied into the cache: the copy costs about one count over the whole
/// segment, and makes later counts on it an order of magnitude cheaper per document.
const CACHE_SHARE: usize = 4;

/// [`FacetTally`] on one segment.
pub(crate) struct SegmentTally {
    readers: Vec<tantivy::fastfield::FacetReader>,
    /// Per slot ([`SegmentFacets`]), matching documents.
    counts: Vec<u32>,
    bases: Vec<usize>,
    /// The segment's ordinals when cached: documents are counted as they come.
    cached: Option<Arc<SegmentFacets>>,
    /// Otherwise the matching documents, counted at the end (from the columns, or from a copy
    /// made then when they are many).
    docs: Vec<tantivy::DocId>,
    segment: tantivy::index::SegmentId,
    max_doc: u32,
    cache: Arc<FacetCache>,
}

impl Collector for FacetTally {
    type Fruit = Tally;
    type Child = SegmentTally;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        segment: &tantivy::SegmentReader,
    ) -> tantivy::Result<SegmentTally> {
        let mut readers = Vec::with_capacity(FACETS.len());
        let mut bases = Vec::with_capacity(FACETS.len() + 1);
        let mut total = 0;
        for name in FACETS {
            let reader = segment.facet_reader(name)?;
            bases.push(total);
            total += reader.num_facets();
            readers.push(reader);
        }
        bases.push(total);
        Ok(SegmentTally {
            readers,
            counts: vec![0; total],
            bases,
            cached: self.cache.get(segment.segment_id()),
            docs: Vec::new(),
            segment: segment.segment_id(),
            max_doc: segment.max_doc(),
            cache: Arc::clone(&self.cache),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Tally>) -> tantivy::Result<Tally> {
        let mut total: Tally = vec![HashMap::new(); FACETS.len()];
        for segment in segments {
            for (into, from) in total.iter_mut().zip(segment) {
                for (value, count) in from {
                    *into.entry(value).or_insert(0) += count;
                }
            }
        }
        Ok(total)
    }
}

impl tantivy::collector::SegmentCollector for SegmentTally {
    type Fruit = Tally;

    fn collect(&mut self, doc: tantivy::DocId, _: Score) {
        match &self.cached {
            Some(facets) => facets.count(doc, &mut self.counts),
            None => self.docs.push(doc),
        }
    }

    fn harvest(mut self) -> Tally {
        if self.cached.is_none() && !self.docs.is_empty() {
            if self.docs.len() >= self.max_doc as usize / CACHE_SHARE {
                self.cached = SegmentFacets::build(&self.readers, self.max_doc).map(Arc::new);
                if let Some(facets) = &self.cached {
                    self.cache.insert(self.segment, Arc::clone(facets));
                }
            }
            match &self.cached {
                Some(facets) => {
                    for &doc in &self.docs {
                        facets.count(doc, &mut self.counts);
                    }
                }
                None => {
                    for &doc in &self.docs {
                        for (reader, &base) in self.readers.iter().zip(&self.bases) {
                            for ord in reader.facet_ords(doc) {
                                if let Some(count) = self.counts.get_mut(base + ord as usize) {
                                    *count += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        let mut tally: Tally = Vec::with_capacity(FACETS.len());
        for (f, reader) in self.readers.iter().enumerate() {
            let counts = &self.counts[self.bases[f]..self.bases[f + 1]];
            let mut values: HashMap<String, u64> = HashMap::new();
            // One walk through the dictionary in ordinal order: looking up each counted
            // ordinal on its own would decode a dictionary block every time.
            if counts.iter().any(|&c| c > 0) {
                if let Ok(mut terms) = reader.facet_dict().stream() {
                    while terms.advance() {
                        let ord = terms.term_ord() as usize;
                        let count = counts.get(ord).copied().unwrap_or(0);
                        if count == 0 {
                            continue;
                        }
                        // An encoded facet separates its steps with NUL: the top level is
                        // the first step. A document has one value per top level here (one
                        // issuer, distinct people), so counts add up per top-level value.
                        let key = terms.key();
                        let top = key.split(|&b| b == 0).next().unwrap_or(key);
                        let top = String::from_utf8_lossy(top).into_owned();
                        *values.entry(top).or_insert(0) += u64::from(count);
                    }
                }
            }
            tally.push(values);
        }
        tally
    }
}

pub(crate) fn search(index: &Index, request: &SearchRequest) -> Result<SearchResults> {
    let searcher = index.reader.searcher();
    let fields = &index.fields;
    let text = text_query(&searcher, fields, &request.query, false);
    let mut filters: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (name, value) in &request.facets {
        filters.push((Occur::Must, facet_filter(index, &searcher, name, value)?));
    }
    if let (Some(from), Some(to)) = (&request.from, &request.to) {
        if date_span(from).0 > date_span(to).1 {
            return Err(Error::Query(format!("--from {from} is after --to {to}")));
        }
    }
    if let Some(from) = &request.from {
        let start = Term::from_field_date(fields.date_end, date_span(from).0);
        let range = RangeQuery::new(Bound::Included(start), Bound::Unbounded);
        filters.push((Occur::Must, Box::new(range)));
    }
    if let Some(to) = &request.to {
        let end = Term::from_field_date(fields.date, date_span(to).1);
        let range = RangeQuery::new(Bound::Unbounded, Bound::Included(end));
        filters.push((Occur::Must, Box::new(range)));
    }
    if let Some(number) = &request.cites {
        filters.push((Occur::Must, cites_filter(fields, number)?));
    }

    let with_filters = |text: Option<Box<dyn Query>>| -> Box<dyn Query> {
        let mut clauses: Clauses = filters.iter().map(|(o, q)| (*o, q.box_clone())).collect();
        match text {
            Some(text) if clauses.is_empty() => text,
            Some(text) => {
                clauses.push((Occur::Must, text));
                Box::new(BooleanQuery::new(clauses))
            }
            None if clauses.is_empty() => Box::new(AllQuery),
            None => {
                clauses.push((Occur::Must, Box::new(AllQuery)));
                Box::new(BooleanQuery::new(clauses))
            }
        }
    };
    let (strict, mut relaxed, mut phrases, mut highlight) = match text {
        Some(t) => (Some(t.strict), t.relaxed, t.phrases, t.highlight),
        None => (None, None, Vec::new(), Highlights::default()),
    };
    // The best RERANK hits are ranked again with the phrases of the query.
    let limit = request.limit.max(1);
    let first = |phrases: &[Box<dyn Query>]| {
        if phrases.is_empty() {
            limit
        } else {
            limit.max(RERANK)
        }
    };
    let run = |query: &dyn Query, first: usize| {
        let collectors = (
            TopDocs::with_limit(first).order_by_score(),
            Count,
            request.facet_counts.then(|| FacetTally {
                cache: Arc::clone(&index.facet_cache),
            }),
        );
        searcher
            .search(query, &collectors)
            .map_err(|e| index.error(e))
    };
    let mut found = run(&*with_filters(strict), first(&phrases))?;
    if found.1 < limit {
        // Few documents have every word as typed: perhaps one was mistyped as another word.
        if let Some(fixed) = text_query(&searcher, fields, &request.query, true) {
            let better = run(&*with_filters(Some(fixed.strict)), first(&fixed.phrases))?;
            if better.1 > found.1 {
                found = better;
                relaxed = fixed.relaxed;
                phrases = fixed.phrases;
                highlight = fixed.highlight;
            }
        }
    }
    if found.1 == 0 {
        // Nothing has every word: rank what has some of them.
        if let Some(relaxed) = relaxed {
            found = run(&*with_filters(Some(relaxed)), first(&phrases))?;
        }
    }
    if let Some(number) = &request.cites {
        // Show where the citation is.
        highlight.terms.insert(number_key(number), 1.0);
    }
    let (mut top, total, tally) = found;
    if !phrases.is_empty() && !top.is_empty() {
        top = rerank(index, &searcher, &phrases, &top, limit)?;
    }

    let mut facets = BTreeMap::new();
    for (name, counts) in FACETS.iter().zip(tally.unwrap_or_default()) {
        facets.insert(name.to_string(), facet_counts(counts));
    }

    let mut hits = Vec::new();
    for (score, address) in top.into_iter().take(request.limit) {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| index.error(e))?;
        hits.push(hit(fields, &doc, score, &highlight));
    }
    Ok(SearchResults {
        total: total as u64,
        hits,
        facets,
    })
}

fn facet_counts(counts: HashMap<String, u64>) -> Vec<FacetCount> {
    let mut values: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values.truncate(FACET_VALUES);
    values
}

/// The highlight ranges that lie inside `fragment` on character boundaries, sorted, overlaps
/// merged (a number and its parts both match; a range computed from a token that starts
/// before the fragment would otherwise slice out of bounds).
fn clean_ranges(ranges: &[Range<usize>], fragment: &str) -> Vec<Range<usize>> {
    let mut ok: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| r.start < r.end && fragment.get(r.start..r.end).is_some())
        .cloned()
        .collect();
    ok.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ok.len());
    for r in ok {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// `fragment` HTML-escaped with each range in `<b>…</b>`.
fn to_html(fragment: &str, ranges: &[Range<usize>]) -> String {
    fn escape(text: &str, out: &mut String) {
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
        }
    }
    let mut out = String::with_capacity(fragment.len() + 8 * ranges.len());
    let mut at = 0;
    for r in ranges {
        escape(&fragment[at..r.start], &mut out);
        out.push_str("<b>");
        escape(&fragment[r.clone()], &mut out);
        out.push_str("</b>");
        at = r.end;
    }
    escape(&fragment[at..], &mut out);
    out
}

fn first_text(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

fn hit(fields: &Fields, doc: &TantivyDocument, score: Score, highlight: &Highlights) -> Hit {
    let body = first_text(doc, fields.body).unwrap_or_default();
    // The snippet comes from the first SNIPPET_SCAN bytes: re-analysing a 200 KB law for
    // every hit would cost more than the search.
    let scan = floor_char_boundary(&body, SNIPPET_SCAN);
    let (fragment, highlights) =
        if let Some(passage) = highlight.passage(&body[..scan], SNIPPET_CHARS) {
            // A matched number or word may run past the passage's end: extend it to the match.
            let range = passage.range;
            let end = passage
                .marked
                .iter()
                .map(|r| range.start.saturating_add(r.end))
                .filter(|&e| e <= scan && body.is_char_boundary(e))
                .fold(range.end, usize::max);
            let fragment = body.get(range.start..end).unwrap_or_default().to_string();
            let highlights = clean_ranges(&passage.marked, &fragment);
            (fragment, highlights)
        } else {
            // Found by its number or metadata alone: show how the text begins.
            let end = body
                .char_indices()
                .nth(SNIPPET_CHARS)
                .map_or(body.len(), |(i, _)| i);
            let start: String = body[..end].split_whitespace().collect::<Vec<_>>().join(" ");
            (start, Vec::new())
        };
    let html = to_html(&fragment, &highlights);
    let doc_type = doc
        .get_first(fields.doc_type)
        .and_then(|v| v.as_facet())
        .and_then(|f| Facet::from_encoded(f.as_bytes().to_vec()).ok())
        .and_then(|f| f.to_path().last().map(|s| s.to_string()));
    Hit {
        source: first_text(doc, fields.source).unwrap_or_default(),
        score,
        number: first_text(doc, fields.number),
        doc_type,
        date: first_text(doc, fields.date_text),
        issuer: first_text(doc, fields.issuer_full),
        title: first_text(doc, fields.title).or_else(|| first_text(doc, fields.subject)),
        snippet: html,
        fragment,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(units: &[Unit]) -> Vec<String> {
        units
            .iter()
            .map(|u| match u {
                Unit::Word { fold, .. } => fold.clone(),
                Unit::Number(k) => format!("#{k}"),
                Unit::Date(d) => format!("@{d}"),
            })
            .collect()
    }

    #[test]
    fn query_text_splits_into_syllables_numbers_and_dates() {
        let u = units("Quy chế số 04-QC/BTGTU ngày 20/3/2023 (UBND)");
        assert_eq!(
            words(&u),
            [
                "quy",
                "che",
                "so",
                "#04 qc btgtu",
                "ngay",
                "@2023-03-20",
                "ubnd"
            ]
        );
        assert!(units("+\"(:)*~^!").is_empty());
    }

    #[test]
    fn spaced_numbers_join_only_when_the_index_knows_them() {
        let known = |k: &str| k == "04 qc btgtu" || k == "04 qc";
        let u = join_spaced_numbers(units("so 04 QC BTGTU tuyen"), known);
        assert_eq!(words(&u), ["so", "#04 qc btgtu", "tuyen"]);
        let u = join_spaced_numbers(units("04 QC ve"), known);
        assert_eq!(words(&u), ["#04 qc", "ve"]);
        let u = join_spaced_numbers(units("2023 tuyen truyen"), known);
        assert_eq!(words(&u), ["2023", "tuyen", "truyen"]);
    }

    #[test]
    fn one_edit_covers_every_kind_of_typo() {
        let edits = one_edit("thon");
        for meant in ["thong", "tho", "than", "thno", "ton"] {
            assert!(edits.contains(&meant.to_string()), "{meant}");
        }
        assert!(!edits.contains(&"thon".to_string()));
        assert!(edits.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn abbreviations_expand_but_syllables_stay_syllables() {
        assert_eq!(expansion("UBND"), Some("Ủy ban nhân dân"));
        assert_eq!(expansion("ubnd"), Some("Ủy ban nhân dân"));
        assert_eq!(expansion("TU"), Some("Tỉnh ủy"));
        assert_eq!(expansion("tu"), None);
        assert_eq!(expansion("btg"), Some("Ban Tuyên giáo"));
        assert!(FULL_FORMS
            .get("uy ban nhan dan")
            .is_some_and(|a| a.contains(&"ubnd".to_string())));
    }
}

#[cfg(test)]
mod snippet_tests {
    use crate::search::{Index, SearchRequest};

    #[test]
    fn numbers_and_words_are_marked_in_snippets() {
        let index = Index::create_in_ram().expect("index");
        let mut indexer = index.indexer().expect("indexer");
        let text =
            "TỈNH ỦY BÌNH PHƯỚC\nSố 189-KH/TU\nKẾ HOẠCH\ntuyên truyền đại hội đảng bộ các cấp";
        indexer
            .add_text("a.txt", text, &crate::Options::default())
            .expect("add");
        indexer.commit().expect("commit");
        for (query, marked) in [
            ("189-KH/TU", "<b>189-KH/TU</b>"),
            ("tuyen truyen", "<b>tuyên</b> <b>truyền</b>"),
        ] {
            let results = index.search(&SearchRequest::new(query)).expect("search");
            let snippet = &results.hits[0].snippet;
            assert!(snippet.contains(marked), "{query}: {snippet}");
        }
    }
}
