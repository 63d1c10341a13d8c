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

use tantivy::tokenizer::{TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// The analyzer of the body: [`SyllableTokenizer::with_fold_variants`]. Phrases in the body
/// are matched through positions.
pub const VI: &str = "vi";
/// The analyzer of headings and metadata (title, subject, issuer, people): [`VI`] plus
/// [`BigramFilter`], so that a two-syllable word or a phrase of the query ranks above the same
/// syllables scattered, at the cost of one term lookup per pair.
pub const VI_BIGRAMS: &str = "vi_bigrams";
/// The query-side analyzer: the same tokens without the folded variants and bigrams, which the
/// query builder adds itself (it needs to know which form is which).
pub(crate) const VI_QUERY: &str = "vi_query";

/// Tokens this long or longer (in bytes) are dropped: base64 blobs, URLs run together.
const MAX_TOKEN_BYTES: usize = 80;

/// Builds the body analyzer ([`VI`]).
pub fn vietnamese_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(SyllableTokenizer::with_fold_variants())
}

/// Builds the heading analyzer ([`VI_BIGRAMS`]).
pub fn vietnamese_bigram_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SyllableTokenizer::with_fold_variants())
        .filter(BigramFilter)
        .build()
}

/// Builds the query analyzer ([`VI_QUERY`]): syllables, numbers and dates, lower case, tone.
pub(crate) fn query_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(SyllableTokenizer::new())
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
// Characters

/// `c` in lower case when that is one character and can be told without the Unicode case
/// tables: ASCII and the letters of Vietnamese (Latin-1, ă đ ĩ ũ ơ ư and ạ … ỹ). `None` for the
/// rest, which goes through `char::to_lowercase`.
fn lower_fast(c: char) -> Option<char> {
    let lower = match c {
        '\0'..='\x7f' => c.to_ascii_lowercase(),
        'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 0x20)?,
        'ß'..='ÿ' | 'ă' | 'đ' | 'ĩ' | 'ũ' | 'ơ' | 'ư' => c,
        'Ă' => 'ă',
        'Đ' => 'đ',
        'Ĩ' => 'ĩ',
        'Ũ' => 'ũ',
        'Ơ' => 'ơ',
        'Ư' => 'ư',
        // Latin Extended Additional pairs each capital (even) with its small letter (odd).
        '\u{1ea0}'..='\u{1ef9}' => char::from_u32(c as u32 | 1)?,
        _ => return None,
    };
    Some(lower)
}

/// Pushes `c` in lower case onto `exact` and, folded, onto `folded`; returns whether folding
/// changed anything.
#[inline]
fn push_lower(c: char, exact: &mut String, folded: &mut String) -> bool {
    let mut changed = false;
    let mut push = |l: char| {
        exact.push(l);
        let f = fold_char(l);
        changed |= f != l;
        folded.push(f);
    };
    match lower_fast(c) {
        Some(l) => push(l),
        None => c.to_lowercase().for_each(push),
    }
    changed
}

/// Whether the byte at `i` starts a letter or a digit, and its length in bytes. `i` must be
/// a character boundary of `text`.
#[inline]
fn alnum_at(text: &str, i: usize) -> Option<usize> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return b.is_ascii_alphanumeric().then_some(1);
    }
    let c = text[i..].chars().next()?;
    crate::dict::is_alnum(c).then(|| c.len_utf8())
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

/// Splits normalised text into syllables (runs of letters and digits), keeping document numbers
/// (`04-QC/BTGTU`, `15/2020/NĐ-CP`) and dates (`20/3/2023`, `03/2021`) as single tokens; every
/// token lower case, in the old tone style ([`to_old_tone`]: `thuỷ` → `thủy`), tokens of 80
/// bytes or more (base64 blobs, URLs run together) left out.
///
/// - A number becomes one token, its parts joined by one space (`04 qc btgtu`), so that every
///   spelling of it (`04-QC/BTGTU`, `04 QC BTGTU`) meets the same term. At the same position
///   come its letter parts (`qc`, `btgtu`: "all documents of the BTGTU"), its four-digit years,
///   and its shorter prefixes that end in a letter part (`04 qc`: "số 04-QC").
/// - A date becomes one ISO token (`2023-03-20`, `2021-03`), with its year at the same position.
/// - Anything else joined by `-`, `/` or `.` (`kinh tế-xã hội`, `V/v`, `1.000`) is split.
///
/// [`SyllableTokenizer::with_fold_variants`] also puts, after each token with diacritics, its
/// folded form at the same position (`truyền` then `truyen`): a query without accents finds
/// the text, and a query with them matches both forms, so exact spellings can rank higher.
/// Everything happens in one pass over the text, without a string per token.
#[derive(Debug, Clone, Copy, Default)]
pub struct SyllableTokenizer {
    fold_variants: bool,
}

impl SyllableTokenizer {
    /// Syllables, numbers and dates, lower case, old tone style.
    pub fn new() -> SyllableTokenizer {
        SyllableTokenizer::default()
    }

    /// The same, each token with diacritics followed by its folded form.
    pub fn with_fold_variants() -> SyllableTokenizer {
        SyllableTokenizer {
            fold_variants: true,
        }
    }
}

impl Tokenizer for SyllableTokenizer {
    type TokenStream<'a> = SyllableStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SyllableStream<'a> {
        SyllableStream {
            text,
            cursor: 0,
            token: Token::default(),
            folded: String::new(),
            fold_variants: self.fold_variants,
            folded_next: false,
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
    /// The folded form of the current token.
    folded: String,
    fold_variants: bool,
    /// `folded` goes out on the next call.
    folded_next: bool,
    /// Parts and prefixes of a number, the year of a date, as written.
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
    let mut i = from;
    while let Some(n) = alnum_at(text, i) {
        i += n;
    }
    i
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
            if !is_joiner(j) || !crate::dict::is_alnum(next) {
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
    /// Makes `raw` (a number, its part or prefix, a date) the current token: lower case, old
    /// tone style, its folded form ready when it differs.
    fn set_raw(&mut self, raw: &str, from: usize, to: usize) {
        self.token.text.clear();
        self.folded.clear();
        let mut changed = false;
        for c in raw.chars() {
            changed |= push_lower(c, &mut self.token.text, &mut self.folded);
        }
        to_old_tone(&mut self.token.text);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.folded_next = self.fold_variants && changed;
    }

    /// Emits the next pending extra that is short enough; false when there is none.
    fn next_extra(&mut self) -> bool {
        while let Some((raw, from, to)) = self.pending.pop_front() {
            if raw.len() < MAX_TOKEN_BYTES {
                self.set_raw(&raw, from, to);
                return true;
            }
        }
        false
    }

    /// Emits the compound starting at `start` as a number or a date, if it is one.
    fn compound(&mut self, start: usize) -> bool {
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
            self.cursor = to;
            self.pending
                .push_back((iso[..4].to_string(), c.parts[parts.len() - 1].0, to));
            self.set_raw(&iso, from, to);
            return true;
        }
        let is_number = c.joiners.iter().all(|&j| j != '.')
            && parts.iter().any(|p| has_letter(p))
            && parts.iter().any(|p| p.bytes().any(|b| b.is_ascii_digit()));
        if !is_number {
            self.plain_until = to;
            return false;
        }
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
        let whole = parts.join(" ");
        if whole.len() < MAX_TOKEN_BYTES {
            self.set_raw(&whole, from, to);
            return true;
        }
        // Too long to be a term: its parts and prefixes, else its syllables one by one.
        self.plain_until = to;
        self.next_extra()
    }
}

impl TokenStream for SyllableStream<'_> {
    fn advance(&mut self) -> bool {
        if self.folded_next {
            self.folded_next = false;
            mem::swap(&mut self.token.text, &mut self.folded);
            return true;
        }
        if self.next_extra() {
            return true;
        }
        let text = self.text;
        let bytes = text.as_bytes();
        loop {
            // The next letter or digit.
            let mut start = self.cursor;
            let first = loop {
                match bytes.get(start) {
                    None => {
                        self.cursor = text.len();
                        return false;
                    }
                    Some(&b) if b < 0x80 => {
                        if b.is_ascii_alphanumeric() {
                            break 1;
                        }
                        start += 1;
                    }
                    Some(_) => {
                        let Some(c) = text[start..].chars().next() else {
                            return false;
                        };
                        if crate::dict::is_alnum(c) {
                            break c.len_utf8();
                        }
                        start += c.len_utf8();
                    }
                }
            };
            self.token.position = self.token.position.wrapping_add(1);
            self.token.position_length = 1;
            let end = run_end(text, start + first);
            self.cursor = end;
            // Most syllables end at a space: no compound to look at.
            if start >= self.plain_until && is_joiner(bytes.get(end).map_or(' ', |&b| b as char)) {
                let next = end + 1;
                if alnum_at(text, next).is_some() && self.compound(start) {
                    return true;
                }
                self.cursor = end;
            }
            if end - start >= MAX_TOKEN_BYTES {
                continue;
            }
            self.token.text.clear();
            self.folded.clear();
            let mut changed = false;
            for c in text[start..end].chars() {
                changed |= push_lower(c, &mut self.token.text, &mut self.folded);
            }
            if changed {
                to_old_tone(&mut self.token.text);
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.folded_next = self.fold_variants && changed;
            return true;
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

// ---------------------------------------------------------------------------------------------
// Tone style

// Putting the tone mark of open `oa`, `oe`, `uy` syllables in the old style, the style of most
// official documents (`hoà` → `hòa`, `khoẻ` → `khỏe`, `thuỷ` → `thủy`), lets a query in either
// style meet the text in either style. `quý`, `quỳnh`, `hoàng`, `thuyền` are untouched: after
// `q` the `u` is part of the consonant, and with a final consonant both styles agree.

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
            swapped: false,
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
    /// `saved` holds a bigram, to go out on the next call.
    pending: bool,
    /// The current token is a bigram; `saved` holds the tail's token, restored on next advance.
    swapped: bool,
    saved: Token,
}

/// Whether every character of `text` is a letter (`char::is_alphabetic`, without the Unicode
/// table for Vietnamese letters).
fn is_word(text: &str) -> bool {
    text.chars().all(|c| {
        if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            (c != '÷' && lower_fast(c).is_some()) || c.is_alphabetic()
        }
    })
}

impl<S: TokenStream> TokenStream for BigramStream<S> {
    fn advance(&mut self) -> bool {
        if self.pending {
            // The syllable went out on the last call; now the bigram takes its place.
            self.pending = false;
            self.swapped = true;
            mem::swap(self.tail.token_mut(), &mut self.saved);
            return true;
        }
        if self.swapped {
            // Give the tail its token back: it may go on from it (a folded variant).
            self.swapped = false;
            mem::swap(self.tail.token_mut(), &mut self.saved);
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
            (1, "dang uy", 0, 12),
            (1, "uy", 8, 12),
            (2, "thủy", 13, 19),
            (2, "uy thuy", 8, 19),
            (2, "thuy", 13, 19),
            (3, "điện", 20, 27),
            (3, "thuy dien", 13, 27),
            (3, "dien", 20, 27),
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
    fn fast_lower_case_agrees_with_the_standard_library() {
        for c in ('\0'..='\u{2ff}').chain('\u{1e00}'..='\u{1eff}') {
            if let Some(lower) = lower_fast(c) {
                let std: Vec<char> = c.to_lowercase().collect();
                assert_eq!(std, [lower], "{c:?}");
            }
            if !c.is_ascii() && c.is_alphanumeric() {
                assert_eq!(is_word(&c.to_string()), c.is_alphabetic(), "{c:?}");
            }
        }
        let texts = |s: &str| -> Vec<String> {
            analyze(vietnamese_analyzer(), s)
                .into_iter()
                .map(|t| t.1)
                .collect()
        };
        assert_eq!(
            texts("ĐẢNG ỦY THUỶ ĐIỆN İx"),
            [
                "đảng",
                "dang",
                "ủy",
                "uy",
                "thủy",
                "thuy",
                "điện",
                "dien",
                "i\u{307}x"
            ]
        );
    }

    #[test]
    fn long_tokens_are_dropped_but_keep_their_position() {
        let long = "x".repeat(80);
        let tokens = analyze(vietnamese_analyzer(), &format!("một {long} hai"));
        let got: Vec<(usize, &str)> = tokens.iter().map(|t| (t.0, t.1.as_str())).collect();
        assert_eq!(got, [(0, "một"), (0, "mot"), (2, "hai")]);
        let tokens = analyze(query_analyzer(), &format!("số 12-{long}"));
        let got: Vec<(usize, &str)> = tokens.iter().map(|t| (t.0, t.1.as_str())).collect();
        assert_eq!(got, [(0, "số"), (1, "12")]);
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
