//! The Vietnamese analyzer: syllables, document numbers and dates as single tokens, lower case,
//! one tone style, an accent-free variant beside each accented syllable, and syllable bigrams.
//!
//! The heading analyzer ([`VI_BIGRAMS`]) on a line of text:
//!
//! ```text
//! "Tuyên truyền Quy chế số 04-QC/BTGTU ngày 20/3/2023"
//!  pos 0  tuyên, tuyen
//!  pos 1  truyền, truyen, "tuyen truyen"      ← bigram of the folded syllables
//!  pos 2  quy, "truyen quy"
//!  pos 3  chế, che, "quy che"
//!  pos 4  số, so, "che so"
//!  pos 5  "04 qc btgtu", qc, btgtu, "04 qc"   ← one number token + its parts and prefix
//!  pos 6  ngày, ngay
//!  pos 7  2023-03-20, 2023                    ← one date token + its year
//! ```
//!
//! The body analyzer ([`VI`]) stops before the bigrams; headings and metadata ([`VI_BIGRAMS`])
//! get them too.
//!
//! Text reaches the analyzer already normalised by [`crate::normalize_str`] (NFC): no filter can
//! repair NFD, because a combining mark is not alphanumeric and the tokenizer would already have
//! split the syllable there. Filters only rewrite `token.text`; offsets always point into the
//! stored text, so snippets highlight the original accented words.

use std::collections::VecDeque;
use std::mem;

use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// The analyzer of the body: [`SyllableTokenizer`], lower case, [`ToneFilter`],
/// [`FoldVariantFilter`]. Phrases in the body are matched through positions.
pub const VI: &str = "vi";
/// The analyzer of headings and metadata (title, subject, issuer, people): [`VI`] plus
/// [`BigramFilter`], so that a two-syllable word or a phrase of the query ranks above the same
/// syllables scattered, at the cost of one term lookup per pair.
pub const VI_BIGRAMS: &str = "vi_bigrams";
/// The query-side analyzer: the same tokens without the folded variants and bigrams, which the
/// query builder adds itself (it needs to know which form is which).
pub(crate) const VI_QUERY: &str = "vi_query";

/// Tokens longer than this (in bytes) are dropped: base64 blobs, URLs run together.
const MAX_TOKEN_BYTES: usize = 80;

/// Builds the body analyzer ([`VI`]).
pub fn vietnamese_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SyllableTokenizer)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(ToneFilter)
        .filter(FoldVariantFilter)
        .build()
}

/// Builds the heading analyzer ([`VI_BIGRAMS`]).
pub fn vietnamese_bigram_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SyllableTokenizer)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(ToneFilter)
        .filter(BigramFilter)
        .filter(FoldVariantFilter)
        .build()
}

/// Builds the query analyzer ([`VI_QUERY`]): syllables, numbers and dates, lower case, tone.
pub(crate) fn query_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SyllableTokenizer)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(ToneFilter)
        .build()
}

/// Registers vanban's analyzers on `index`. tantivy keeps the registry in memory only, so this
/// runs after every create and every open.
pub fn register_analyzers(index: &tantivy::Index) {
    index.tokenizers().register(VI, vietnamese_analyzer());
    index
        .tokenizers()
        .register(VI_BIGRAMS, vietnamese_bigram_analyzer());
    index.tokenizers().register(VI_QUERY, query_analyzer());
}

// ---------------------------------------------------------------------------------------------
// Folding

/// Removes the diacritics of one lower-case Vietnamese letter (`ệ` → `e`, `đ` → `d`); other
/// characters are returned unchanged. Equal to [`crate::fold`] on NFC text, without the NFD
/// round trip.
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ'
        | 'ẫ' | 'ậ' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' => 'e',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' => 'i',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở'
        | 'ỡ' | 'ợ' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' => 'u',
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' => 'y',
        'đ' => 'd',
        _ => c,
    }
}

/// Folds `text` (lower case expected) into `out`; returns whether anything changed.
pub(crate) fn fold_into(text: &str, out: &mut String) -> bool {
    out.clear();
    let mut changed = false;
    for c in text.chars() {
        let f = fold_char(c);
        changed |= f != c;
        out.push(f);
    }
    changed
}

/// Lower case, then folded: the form every key (numbers, facets, abbreviations) is compared in.
pub(crate) fn fold_lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        out.push(fold_char(c));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

/// Splits normalised text into syllables (runs of letters and digits), keeping document numbers
/// (`04-QC/BTGTU`, `15/2020/NĐ-CP`) and dates (`20/3/2023`, `03/2021`) as single tokens.
///
/// - A number becomes one token, its parts joined by one space (`04 QC BTGTU`), so that every
///   spelling of it (`04-QC/BTGTU`, `04 QC BTGTU`) meets the same term. At the same position
///   come its letter parts (`QC`, `BTGTU`: "all documents of the BTGTU"), its four-digit years,
///   and its shorter prefixes that end in a letter part (`04 QC`: "số 04-QC").
/// - A date becomes one ISO token (`2023-03-20`, `2021-03`), with its year at the same position.
/// - Anything else joined by `-`, `/` or `.` (`kinh tế-xã hội`, `V/v`, `1.000`) is split.
#[derive(Debug, Clone, Copy, Default)]
pub struct SyllableTokenizer;

impl Tokenizer for SyllableTokenizer {
    type TokenStream<'a> = SyllableStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SyllableStream<'a> {
        SyllableStream {
            text,
            cursor: 0,
            token: Token::default(),
            pending: VecDeque::new(),
            plain_until: 0,
        }
    }
}

/// An extra token at the position of the last one: (text, from, to).
type Extra = (String, usize, usize);

/// The stream of [`SyllableTokenizer`].
pub struct SyllableStream<'a> {
    text: &'a str,
    cursor: usize,
    token: Token,
    pending: VecDeque<Extra>,
    /// End of a compound that is neither a number nor a date: its parts are plain syllables.
    plain_until: usize,
}

/// Characters that may join the parts of a number or a date.
fn is_joiner(c: char) -> bool {
    matches!(c, '/' | '-' | '.')
}

/// The end of the alphanumeric run starting at `from`.
fn run_end(text: &str, from: usize) -> usize {
    text[from..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| from + i)
}

/// A compound token: the alphanumeric parts joined by single joiners.
struct Compound {
    /// Byte ranges of the parts.
    parts: Vec<(usize, usize)>,
    /// The joiner before each part after the first.
    joiners: Vec<char>,
}

impl Compound {
    fn scan(text: &str, start: usize) -> Compound {
        let mut parts = vec![(start, run_end(text, start))];
        let mut joiners = Vec::new();
        // At most 6 parts: `15/2020/NĐ-CP` has 4; longer chains are not numbers.
        while parts.len() < 7 {
            let end = parts[parts.len() - 1].1;
            let mut chars = text[end..].chars();
            let (Some(j), Some(next)) = (chars.next(), chars.next()) else {
                break;
            };
            if !is_joiner(j) || !next.is_alphanumeric() {
                break;
            }
            let from = end + j.len_utf8();
            parts.push((from, run_end(text, from)));
            joiners.push(j);
        }
        Compound { parts, joiners }
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && all_digits(s) && matches!(s.parse::<u16>(), Ok(1900..=2100))
}

/// `d/m/yyyy` (or with `-`, `.`) or `m/yyyy` as ISO text, if it is a real date.
fn date_token(parts: &[&str], joiners: &[char]) -> Option<String> {
    if !parts.iter().all(|p| all_digits(p)) || joiners.windows(2).any(|w| w[0] != w[1]) {
        return None;
    }
    let small = |s: &str| -> Option<u8> { (s.len() <= 2).then(|| s.parse().ok()).flatten() };
    match parts {
        [d, m, y] if is_year(y) => {
            let year: u16 = y.parse().ok()?;
            let date = crate::record::PartialDate::ymd(year, small(m)?, small(d)?)?;
            Some(date.to_string())
        }
        [m, y] if is_year(y) && joiners[0] != '.' => {
            let year: u16 = y.parse().ok()?;
            let date = crate::record::PartialDate::ym(year, small(m)?)?;
            Some(date.to_string())
        }
        _ => None,
    }
}

impl SyllableStream<'_> {
    fn set(&mut self, text: &str, from: usize, to: usize) {
        self.token.text.clear();
        self.token.text.push_str(text);
        self.token.offset_from = from;
        self.token.offset_to = to;
    }

    /// Emits the compound starting at `start` as a number or a date, if it is one.
    fn compound(&mut self, start: usize) -> bool {
        // Most syllables end at a space: no compound to look at.
        let end = run_end(self.text, start);
        let mut after = self.text[end..].chars();
        match (after.next(), after.next()) {
            (Some(j), Some(next)) if is_joiner(j) && next.is_alphanumeric() => {}
            _ => return false,
        }
        let c = Compound::scan(self.text, start);
        if c.parts.len() < 2 {
            return false;
        }
        if c.parts.len() > 6 {
            self.plain_until = c.parts[c.parts.len() - 1].1;
            return false;
        }
        let text = self.text;
        let parts: Vec<&str> = c.parts.iter().map(|&(a, b)| &text[a..b]).collect();
        let (from, to) = (c.parts[0].0, c.parts[c.parts.len() - 1].1);
        if let Some(iso) = date_token(&parts, &c.joiners) {
            self.set(&iso, from, to);
            self.cursor = to;
            self.pending
                .push_back((iso[..4].to_string(), c.parts[parts.len() - 1].0, to));
            return true;
        }
        let is_number = c.joiners.iter().all(|&j| j != '.')
            && parts.iter().any(|p| has_letter(p))
            && parts.iter().any(|p| p.bytes().any(|b| b.is_ascii_digit()));
        if !is_number {
            self.plain_until = to;
            return false;
        }
        self.set(&parts.join(" "), from, to);
        self.cursor = to;
        for (i, part) in parts.iter().enumerate() {
            if has_letter(part) || is_year(part) {
                let (a, b) = c.parts[i];
                self.pending.push_back((part.to_string(), a, b));
            }
        }
        // "số 04-QC" finds 04-QC/BTGTU: prefixes that end in a letter part.
        for k in 2..parts.len() {
            if has_letter(parts[k - 1]) {
                self.pending
                    .push_back((parts[..k].join(" "), from, c.parts[k - 1].1));
            }
        }
        true
    }
}

impl TokenStream for SyllableStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some((text, from, to)) = self.pending.pop_front() {
            self.token.text = text;
            self.token.offset_from = from;
            self.token.offset_to = to;
            return true;
        }
        let text = self.text;
        let Some((i, _)) = text[self.cursor..]
            .char_indices()
            .find(|&(_, c)| c.is_alphanumeric())
        else {
            self.cursor = text.len();
            return false;
        };
        let start = self.cursor + i;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.position_length = 1;
        if start >= self.plain_until && self.compound(start) {
            return true;
        }
        let end = run_end(text, start);
        self.set(&text[start..end], start, end);
        self.cursor = end;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

// ---------------------------------------------------------------------------------------------
// ToneFilter

/// Puts the tone mark of open `oa`, `oe`, `uy` syllables in the old style, the style of most
/// official documents (`hoà` → `hòa`, `khoẻ` → `khỏe`, `thuỷ` → `thủy`), so that a query in
/// either style meets the text in either style. `quý`, `quỳnh`, `hoàng`, `thuyền` are untouched:
/// after `q` the `u` is part of the consonant, and with a final consonant both styles agree.
/// Expects lower-case tokens.
#[derive(Debug, Clone, Copy, Default)]
pub struct ToneFilter;

/// New-style tail → old-style tail.
fn old_style_tail(tail: [char; 2]) -> Option<[char; 2]> {
    let [v, marked] = tail;
    let (base, tone) = match marked {
        'à' => ('a', 0),
        'á' => ('a', 1),
        'ả' => ('a', 2),
        'ã' => ('a', 3),
        'ạ' => ('a', 4),
        'è' => ('e', 0),
        'é' => ('e', 1),
        'ẻ' => ('e', 2),
        'ẽ' => ('e', 3),
        'ẹ' => ('e', 4),
        'ỳ' => ('y', 0),
        'ý' => ('y', 1),
        'ỷ' => ('y', 2),
        'ỹ' => ('y', 3),
        'ỵ' => ('y', 4),
        _ => return None,
    };
    let marked_first = match (v, base) {
        ('o', 'a' | 'e') => ['ò', 'ó', 'ỏ', 'õ', 'ọ'][tone],
        ('u', 'y') => ['ù', 'ú', 'ủ', 'ũ', 'ụ'][tone],
        _ => return None,
    };
    Some([marked_first, base])
}

/// Rewrites `word` in old tone style if needed; returns whether it changed.
pub(crate) fn to_old_tone(word: &mut String) -> bool {
    let mut rev = word.chars().rev();
    let (Some(last), Some(before)) = (rev.next(), rev.next()) else {
        return false;
    };
    if last.is_ascii() || rev.clone().next() == Some('q') {
        return false;
    }
    let Some([a, b]) = old_style_tail([before, last]) else {
        return false;
    };
    let cut = word.len() - last.len_utf8() - before.len_utf8();
    word.truncate(cut);
    word.push(a);
    word.push(b);
    true
}

impl TokenFilter for ToneFilter {
    type Tokenizer<T: Tokenizer> = ToneFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ToneFilterWrapper<T> {
        ToneFilterWrapper(tokenizer)
    }
}

/// [`ToneFilter`] applied to a tokenizer.
#[derive(Debug, Clone)]
pub struct ToneFilterWrapper<T>(T);

impl<T: Tokenizer> Tokenizer for ToneFilterWrapper<T> {
    type TokenStream<'a> = ToneStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ToneStream(self.0.token_stream(text))
    }
}

/// The stream of [`ToneFilter`].
pub struct ToneStream<S>(S);

impl<S: TokenStream> TokenStream for ToneStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        to_old_tone(&mut self.0.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

// ---------------------------------------------------------------------------------------------
// BigramFilter

/// After each syllable that directly follows another (one space or hyphen between them), adds
/// the two folded syllables joined by a space (`tuyen truyen`) at the second one's position, its
/// offsets spanning both. Most Vietnamese words are two syllables, so a query's bigrams make a
/// phrase rank above the same syllables scattered, at the cost of one term lookup each. Numbers
/// and dates take no part in bigrams.
#[derive(Debug, Clone, Copy, Default)]
pub struct BigramFilter;

impl TokenFilter for BigramFilter {
    type Tokenizer<T: Tokenizer> = BigramFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> BigramFilterWrapper<T> {
        BigramFilterWrapper(tokenizer)
    }
}

/// [`BigramFilter`] applied to a tokenizer.
#[derive(Debug, Clone)]
pub struct BigramFilterWrapper<T>(T);

impl<T: Tokenizer> Tokenizer for BigramFilterWrapper<T> {
    type TokenStream<'a> = BigramStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        BigramStream {
            tail: self.0.token_stream(text),
            prev: String::new(),
            cur: String::new(),
            prev_word: false,
            prev_from: 0,
            prev_to: 0,
            last_position: usize::MAX,
            pending: false,
            saved: Token::default(),
        }
    }
}

/// The stream of [`BigramFilter`].
pub struct BigramStream<S> {
    tail: S,
    /// The folded previous syllable.
    prev: String,
    /// Scratch buffer for the folded current syllable.
    cur: String,
    prev_word: bool,
    prev_from: usize,
    prev_to: usize,
    last_position: usize,
    /// The current token is a bigram; `saved` holds the tail's token, restored on next advance.
    pending: bool,
    saved: Token,
}

fn is_word(text: &str) -> bool {
    text.chars().all(char::is_alphabetic)
}

impl<S: TokenStream> TokenStream for BigramStream<S> {
    fn advance(&mut self) -> bool {
        if self.pending {
            // The syllable went out on the last call; now the bigram takes its place.
            self.pending = false;
            let token = self.tail.token_mut();
            mem::swap(token, &mut self.saved);
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token();
        if token.position == self.last_position {
            return true; // an extra at the same position: not part of the syllable chain
        }
        self.last_position = token.position;
        let word = is_word(&token.text);
        if word {
            fold_into(&token.text, &mut self.cur);
            if self.prev_word && token.offset_from <= self.prev_to + 1 {
                let saved = &mut self.saved;
                saved.text.clear();
                saved.text.push_str(&self.prev);
                saved.text.push(' ');
                saved.text.push_str(&self.cur);
                saved.offset_from = self.prev_from;
                saved.offset_to = token.offset_to;
                saved.position = token.position;
                saved.position_length = 1;
                self.pending = true;
            }
            mem::swap(&mut self.prev, &mut self.cur);
        }
        self.prev_word = word;
        self.prev_from = token.offset_from;
        self.prev_to = token.offset_to;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

// ---------------------------------------------------------------------------------------------
// FoldVariantFilter

/// After each token with diacritics, adds its folded form at the same position (`truyền` then
/// `truyen`): a query without accents finds the text, and a query with them matches both forms,
/// so exact spellings rank higher.
#[derive(Debug, Clone, Copy, Default)]
pub struct FoldVariantFilter;

impl TokenFilter for FoldVariantFilter {
    type Tokenizer<T: Tokenizer> = FoldVariantWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FoldVariantWrapper<T> {
        FoldVariantWrapper(tokenizer)
    }
}

/// [`FoldVariantFilter`] applied to a tokenizer.
#[derive(Debug, Clone)]
pub struct FoldVariantWrapper<T>(T);

impl<T: Tokenizer> Tokenizer for FoldVariantWrapper<T> {
    type TokenStream<'a> = FoldVariantStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FoldVariantStream {
            tail: self.0.token_stream(text),
            folded: String::new(),
            pending: false,
        }
    }
}

/// The stream of [`FoldVariantFilter`].
pub struct FoldVariantStream<S> {
    tail: S,
    folded: String,
    pending: bool,
}

impl<S: TokenStream> TokenStream for FoldVariantStream<S> {
    fn advance(&mut self) -> bool {
        if self.pending {
            self.pending = false;
            mem::swap(&mut self.tail.token_mut().text, &mut self.folded);
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let text = &self.tail.token().text;
        if !text.is_ascii() {
            self.pending = fold_into(text, &mut self.folded);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// (position, text, from, to) of every token `analyzer` makes of `text`.
    pub(crate) fn analyze(
        mut analyzer: TextAnalyzer,
        text: &str,
    ) -> Vec<(usize, String, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        while let Some(t) = stream.next() {
            tokens.push((t.position, t.text.clone(), t.offset_from, t.offset_to));
        }
        tokens
    }

    fn assert_token(
        token: &(usize, String, usize, usize),
        position: usize,
        text: &str,
        from: usize,
        to: usize,
    ) {
        assert_eq!(
            (token.0, token.1.as_str(), token.2, token.3),
            (position, text, from, to),
            "token {token:?}"
        );
    }

    #[test]
    fn syllables_fold_and_pair_with_byte_offsets() {
        let tokens = analyze(vietnamese_bigram_analyzer(), "Đảng ủy Thủy điện");
        let expected = [
            (0, "đảng", 0, 7),
            (0, "dang", 0, 7),
            (1, "ủy", 8, 12),
            (1, "uy", 8, 12),
            (1, "dang uy", 0, 12),
            (2, "thủy", 13, 19),
            (2, "thuy", 13, 19),
            (2, "uy thuy", 8, 19),
            (3, "điện", 20, 27),
            (3, "dien", 20, 27),
            (3, "thuy dien", 13, 27),
        ];
        assert_eq!(tokens.len(), expected.len(), "{tokens:?}");
        for (token, (p, t, a, b)) in tokens.iter().zip(expected) {
            assert_token(token, p, t, a, b);
        }
    }

    #[test]
    fn numbers_stay_whole_with_parts_and_prefixes() {
        let tokens = analyze(query_analyzer(), "Quy chế số 04-QC/BTGTU,");
        let texts: Vec<(usize, &str)> = tokens.iter().map(|t| (t.0, t.1.as_str())).collect();
        assert_eq!(
            texts,
            [
                (0, "quy"),
                (1, "chế"),
                (2, "số"),
                (3, "04 qc btgtu"),
                (3, "qc"),
                (3, "btgtu"),
                (3, "04 qc"),
            ]
        );
        assert_token(&tokens[3], 3, "04 qc btgtu", 15, 26);
        assert_token(&tokens[4], 3, "qc", 18, 20);

        let tokens = analyze(vietnamese_analyzer(), "Nghị định 15/2020/NĐ-CP");
        let at_number: Vec<&str> = tokens
            .iter()
            .filter(|t| t.0 == 2)
            .map(|t| t.1.as_str())
            .collect();
        assert_eq!(
            at_number,
            [
                "15 2020 nđ cp",
                "15 2020 nd cp",
                "2020",
                "nđ",
                "nd",
                "cp",
                "15 2020 nđ",
                "15 2020 nd"
            ]
        );
    }

    #[test]
    fn dates_become_iso_tokens_with_their_year() {
        for (text, iso) in [
            ("ngày 20/3/2023", "2023-03-20"),
            ("ngày 20-03-2023", "2023-03-20"),
            ("ngày 05.11.2021", "2021-11-05"),
            ("tháng 03/2021", "2021-03"),
        ] {
            let tokens = analyze(query_analyzer(), text);
            assert_eq!(tokens.len(), 3, "{text}: {tokens:?}");
            assert_token(
                &tokens[1],
                1,
                iso,
                text.find(|c: char| c.is_ascii_digit()).unwrap_or(0),
                text.len(),
            );
            assert_eq!(tokens[2].1, &iso[..4]);
            assert_eq!(tokens[2].0, 1);
        }
        // Not dates: 31/2 does not exist, 1.000.000 is an amount.
        let tokens = analyze(query_analyzer(), "31/2/2023 1.000.000");
        let texts: Vec<&str> = tokens.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(texts, ["31", "2", "2023", "1", "000", "000"]);
    }

    #[test]
    fn hyphenated_words_split_and_covid_stays_whole() {
        let texts = |s: &str| -> Vec<String> {
            analyze(query_analyzer(), s)
                .into_iter()
                .map(|t| t.1)
                .collect()
        };
        assert_eq!(texts("kinh tế-xã hội"), ["kinh", "tế", "xã", "hội"]);
        assert_eq!(texts("V/v góp ý"), ["v", "v", "góp", "ý"]);
        assert_eq!(texts("Covid-19"), ["covid 19", "covid"]);
    }

    #[test]
    fn tone_filter_puts_marks_in_the_old_style() {
        for (new, old) in [
            ("hoà", "hòa"),
            ("khoẻ", "khỏe"),
            ("thuỷ", "thủy"),
            ("uỷ", "ủy"),
            ("hòa", "hòa"),
            ("quý", "quý"),
            ("hoàng", "hoàng"),
            ("thuyền", "thuyền"),
            ("hoá", "hóa"),
            ("loạ", "lọa"),
        ] {
            let mut word = new.to_string();
            to_old_tone(&mut word);
            assert_eq!(word, old, "{new}");
        }
        let tokens = analyze(vietnamese_analyzer(), "Uỷ ban");
        assert_eq!(tokens[0].1, "ủy");
    }

    #[test]
    fn bigrams_do_not_cross_punctuation_or_numbers() {
        let bigrams = |s: &str| -> Vec<String> {
            analyze(vietnamese_bigram_analyzer(), s)
                .into_iter()
                .map(|t| t.1)
                .filter(|t| t.contains(' ') && !t.chars().any(|c| c.is_ascii_digit()))
                .collect()
        };
        assert_eq!(
            bigrams("tuyên truyền. Đại hội"),
            ["tuyen truyen", "dai hoi"]
        );
        assert_eq!(bigrams("số 04-QC/BTGTU ban hành"), ["ban hanh"]);
        assert_eq!(bigrams("kinh tế-xã hội"), ["kinh te", "te xa", "xa hoi"]);
    }

    #[test]
    fn fold_char_agrees_with_the_crate_fold() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        for c in letters.chars() {
            let mut ours = String::new();
            fold_into(&c.to_string(), &mut ours);
            assert_eq!(ours, crate::fold(&c.to_string()), "{c}");
        }
        assert_eq!(fold_lower("ỦY BAN Nhân Dân"), "uy ban nhan dan");
    }

    #[test]
    fn garbage_never_panics_and_offsets_stay_on_char_boundaries() {
        for text in [
            "",
            "///",
            "-CV/BTGTU",
            "a-",
            "1/",
            "ệ-ệ/ệ",
            "\u{0}\u{1}x",
            "99999999999/9999/99",
        ] {
            for (_, _, from, to) in analyze(vietnamese_bigram_analyzer(), text) {
                assert!(
                    text.is_char_boundary(from) && text.is_char_boundary(to),
                    "{text:?}"
                );
            }
        }
    }
}
