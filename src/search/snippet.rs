//! Snippets: the passage of a hit's text where the query's words are densest, with the words
//! marked.
//!
//! A word of the query is marked wherever its exact or folded form occurs; what an abbreviation
//! stands for (UBND → Ủy ban nhân dân) only where the whole phrase occurs, as folding alone
//! would mark every "nhận" and "ban". The "Nơi nhận" list is never a snippet: it names the
//! same bodies as the query in every document.

use std::collections::BTreeMap;
use std::ops::Range;

use tantivy::tokenizer::{TokenStream, Tokenizer};
use tantivy::Score;

use crate::search::analyzer::{fold_lower, SyllableTokenizer};

/// What to mark: single terms (exact or folded tokens of the body analyzer) and phrases (folded
/// syllables that must be adjacent), each with the weight it adds to a passage.
#[derive(Debug, Clone, Default)]
pub(crate) struct Highlights {
    pub terms: BTreeMap<String, Score>,
    pub phrases: Vec<(Vec<String>, Score)>,
}

/// A passage of a text: its byte range, and the marked ranges relative to its start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Passage {
    pub range: Range<usize>,
    pub marked: Vec<Range<usize>>,
}

/// A candidate passage.
#[derive(Debug)]
struct Candidate {
    score: Score,
    start: usize,
    end: usize,
    marked: Vec<Range<usize>>,
}

impl Candidate {
    fn new(start: usize) -> Candidate {
        Candidate {
            score: 0.0,
            start,
            end: start,
            marked: Vec::new(),
        }
    }
}

/// One position of the text: where its token lies and its folded form.
#[derive(Debug, Clone, Default)]
struct Syllable {
    position: usize,
    from: usize,
    to: usize,
    fold: String,
}

impl Highlights {
    /// Whether there is anything to mark.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty()
    }

    /// The best passage of `text` of about `max_bytes` (the first of the best-scoring ones), or
    /// `None` when nothing in `text` outside the distribution lists matches.
    pub fn passage(&self, text: &str, max_bytes: usize) -> Option<Passage> {
        if self.is_empty() {
            return None;
        }
        let quiet = distribution_lists(text);
        // A handful of terms: comparing lengths first rules most tokens out at once.
        let terms: Vec<(&str, Score)> = self.terms.iter().map(|(t, &w)| (t.as_str(), w)).collect();
        let weight_of = |token: &str| -> Option<Score> {
            terms
                .iter()
                .find(|(t, _)| t.len() == token.len() && *t == token)
                .map(|&(_, w)| w)
        };
        let longest = self.phrases.iter().map(|(p, _)| p.len()).max().unwrap_or(0);
        // The last syllables seen, for phrases (newest last). A syllable's folded variant comes
        // right after it, so a phrase is looked for once the next syllable begins.
        let mut recent: Vec<Syllable> = Vec::with_capacity(longest + 1);
        let mut best: Option<Candidate> = None;
        let mut current: Option<Candidate> = Some(Candidate::new(0));
        let mut tokenizer = SyllableTokenizer::with_fold_variants();
        let mut stream = tokenizer.token_stream(text);
        let mut quiet_at = 0;
        while stream.advance() {
            let token = stream.token();
            while quiet
                .get(quiet_at)
                .is_some_and(|q| q.end <= token.offset_from)
            {
                quiet_at += 1;
            }
            let in_list = quiet
                .get(quiet_at)
                .is_some_and(|q| q.start <= token.offset_from);
            let same = recent
                .last()
                .is_some_and(|last| last.position == token.position);
            if longest > 0 && !same {
                self.mark_phrases(&recent, current.as_mut());
            }
            if in_list {
                // Inside a distribution list: no passage runs through it.
                keep_best(current.take(), &mut best);
                recent.clear();
                continue;
            }
            let c = match current.as_mut() {
                Some(c) if token.offset_to - c.start <= max_bytes => c,
                _ => {
                    keep_best(current.take(), &mut best);
                    recent.clear();
                    current.insert(Candidate::new(token.offset_from))
                }
            };
            c.end = c.end.max(token.offset_to);
            if let Some(score) = weight_of(&token.text) {
                // An exact form and its folded variant both count; the word is marked once.
                c.score += score;
                let range = token.offset_from..token.offset_to;
                if c.marked.last() != Some(&range) {
                    c.marked.push(range);
                }
            }
            if longest == 0 {
                continue;
            }
            match recent.last_mut() {
                Some(last) if last.position == token.position => {
                    // The folded variant of the syllable just seen; a number's parts and
                    // prefixes, at the same position, have other offsets.
                    if token.offset_from == last.from && token.offset_to == last.to {
                        last.fold.clone_from(&token.text);
                    }
                }
                _ => {
                    let mut syllable = if recent.len() >= longest {
                        recent.remove(0)
                    } else {
                        Syllable::default()
                    };
                    syllable.position = token.position;
                    syllable.from = token.offset_from;
                    syllable.to = token.offset_to;
                    syllable.fold.clone_from(&token.text);
                    recent.push(syllable);
                }
            }
        }
        self.mark_phrases(&recent, current.as_mut());
        keep_best(current, &mut best);
        let best = best?;
        let mut marked: Vec<Range<usize>> = best
            .marked
            .iter()
            .filter(|r| r.start >= best.start && r.end <= best.end)
            .map(|r| r.start - best.start..r.end - best.start)
            .collect();
        marked.sort_by_key(|r| (r.start, r.end));
        Some(Passage {
            range: best.start..best.end,
            marked,
        })
    }

    /// Marks, in `candidate`, the phrases that end with the last of `recent`.
    fn mark_phrases(&self, recent: &[Syllable], candidate: Option<&mut Candidate>) {
        let Some(c) = candidate else { return };
        for (phrase, score) in &self.phrases {
            let n = phrase.len();
            if n == 0 || recent.len() < n {
                continue;
            }
            let tail = &recent[recent.len() - n..];
            let adjacent = tail.windows(2).all(|w| w[1].position == w[0].position + 1);
            if adjacent && tail.iter().zip(phrase).all(|(s, p)| s.fold == *p) {
                c.score += score;
                c.marked.push(tail[0].from.max(c.start)..tail[n - 1].to);
            }
        }
    }
}

/// Keeps `candidate` when it scores above the best so far (the first of equals wins).
fn keep_best(candidate: Option<Candidate>, best: &mut Option<Candidate>) {
    if let Some(c) = candidate {
        if c.score > 0.0 && best.as_ref().is_none_or(|b| c.score > b.score) {
            *best = Some(c);
        }
    }
}

/// Byte ranges of the "Nơi nhận" lists of `text`: from a line that begins with "Nơi nhận" to the
/// last list item after it ("- UBND tỉnh;", "+ Lưu: VT.").
pub(crate) fn distribution_lists(text: &str) -> Vec<Range<usize>> {
    let mut lists = Vec::new();
    let mut open: Option<Range<usize>> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let is_item = line
            .trim_start()
            .starts_with(['-', '+', '•', '–', '—', '*']);
        match &mut open {
            Some(list) if is_item => list.end = at,
            Some(_) => lists.extend(open.take()),
            None => {}
        }
        if open.is_none() && is_distribution_heading(line) {
            open = Some(start..at);
        }
    }
    lists.extend(open);
    lists
}

/// "Nơi nhận:", "NƠI NHẬN", "Nơi nhận: - Như trên;", but not "Nơi nhận hồ sơ: …" in running
/// text.
fn is_distribution_heading(line: &str) -> bool {
    let line = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    let cut = line.char_indices().nth(8).map_or(line.len(), |(i, _)| i);
    let (head, rest) = line.split_at(cut);
    if fold_lower(head).trim_end() != "noi nhan" {
        return false;
    }
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    rest.is_empty() || rest.starts_with(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distribution_lists_run_from_the_heading_to_the_last_item() {
        let text = "Các đơn vị báo cáo.\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\nCHỦ TỊCH\n\
                    Nơi nhận hồ sơ là bộ phận một cửa.";
        let lists = distribution_lists(text);
        assert_eq!(lists.len(), 1);
        assert_eq!(
            &text[lists[0].clone()],
            "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n"
        );
        for heading in [
            "Nơi nhận:",
            "NƠI NHẬN",
            "Nơi nhận : - Như trên;",
            "Nơi nhận\n",
        ] {
            assert!(is_distribution_heading(heading), "{heading}");
        }
        for line in ["Nơi nhận hồ sơ: bộ phận một cửa", "Nơi", "nơi nhận là"] {
            assert!(!is_distribution_heading(line), "{line}");
        }
    }

    #[test]
    fn phrases_are_marked_whole_and_terms_alone() {
        let mut h = Highlights::default();
        h.terms.insert("tinh".into(), 0.5);
        h.phrases
            .push((["uy", "ban", "nhan", "dan"].map(String::from).to_vec(), 1.0));
        let text = "các sở, ban, ngành; Ủy ban nhân dân tỉnh; nhận";
        let p = h.passage(text, 200).expect("a passage");
        let marked: Vec<&str> = p
            .marked
            .iter()
            .map(|r| &text[p.range.start + r.start..p.range.start + r.end])
            .collect();
        assert_eq!(marked, ["Ủy ban nhân dân", "tỉnh"]);
    }
}
