//! The field-by-field evaluation: `vanban extract --format json` on every document that has a
//! hand-checked record under `tests/expected/`, compared with the SPEC's rule (equal after NFC,
//! one tone style, case folding and whitespace collapsing).
//!
//! | expected record                 | document                          |
//! |---------------------------------|-----------------------------------|
//! | `tests/expected/seeds/X.json`   | `corpus/seeds/X.txt`              |
//! | `tests/expected/dev/dNNN.json`  | `../shared/corpus/dev/dNNN.txt`   |
//! | `tests/expected/composed/X.json`| `corpus/composed/X.txt`           |
//!
//! Scoring, per field:
//! - a scalar (`kind`, `number`, `issuer.name`, …): expected and predicted equal → TP; both
//!   present but different → FP + FN; only predicted → FP; only expected → FN.
//! - a list of strings (`recipients`, `distribution`): compared as sets.
//! - `people`: matched by name; `people.titles` compares the titles of each matched person.
//! - `references`: matched by number when the expected one has a number, else by doc_type and
//!   date, else by the similarity of their text; then `reference.date`, `reference.doc_type`
//!   and `reference.issuer` are scored as scalars over the matched pairs.
//! - `action_items`: matched by text (token-set Jaccard ≥ 0.5, or one text's tokens all within
//!   the other's, with at least 3 tokens); then `action_items.deadline` (scalar) and
//!   `action_items.assignees` (set) over the matched pairs.
//!
//! `source` and `warnings` are not scored. The test prints a precision/recall/F1 table, the worst
//! documents of each field, and fails when the micro-F1 over all fields falls below
//! [`MICRO_F1_FLOOR`]. `VANBAN_EVAL_VERBOSE=1` prints every mismatch.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// The evaluation fails below this micro-F1: the figure measured when it was set (0.964 on
/// 2026-11-23, session 3, 115 expected records), less a point and a half for the run-to-run
/// changes that new expected records bring. Raise it as the extractors improve.
const MICRO_F1_FLOOR: f64 = 0.95;

/// The scored fields, in the order of the table.
const FIELDS: &[&str] = &[
    "kind",
    "doc_type",
    "number",
    "number_parts.seq",
    "number_parts.year",
    "number_parts.type_code",
    "number_parts.issuer_code",
    "number_parts.system",
    "date",
    "place",
    "issuer.name",
    "issuer.parent",
    "issuer.full",
    "subject",
    "title",
    "recipients",
    "distribution",
    "signer.name",
    "signer.title",
    "signer.authority",
    "published_at",
    "author",
    "news_source",
    "people",
    "people.titles",
    "references",
    "reference.date",
    "reference.doc_type",
    "reference.issuer",
    "action_items",
    "action_items.deadline",
    "action_items.assignees",
];

const SCALARS: &[&str] = &[
    "kind",
    "doc_type",
    "number",
    "date",
    "place",
    "subject",
    "title",
    "published_at",
    "author",
    "news_source",
];

/// Scored subfields of the nested objects: (object, subfield, field name in the table).
const SUB_OBJECTS: &[(&str, &str, &str)] = &[
    ("number_parts", "seq", "number_parts.seq"),
    ("number_parts", "year", "number_parts.year"),
    ("number_parts", "type_code", "number_parts.type_code"),
    ("number_parts", "issuer_code", "number_parts.issuer_code"),
    ("number_parts", "system", "number_parts.system"),
    ("issuer", "name", "issuer.name"),
    ("issuer", "parent", "issuer.parent"),
    ("issuer", "full", "issuer.full"),
    ("signer", "name", "signer.name"),
    ("signer", "title", "signer.title"),
    ("signer", "authority", "signer.authority"),
];

/// True positives, false positives, false negatives.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    fn errors(&self) -> usize {
        self.fp + self.fn_
    }

    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// F1; 1.0 when there was nothing to find and nothing was found.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// One difference between the expected and the predicted record.
#[derive(Debug, Clone)]
pub struct Mismatch {
    pub field: &'static str,
    pub expected: String,
    pub predicted: String,
}

/// The comparison of one document.
#[derive(Debug, Default)]
pub struct DocScore {
    pub fields: BTreeMap<&'static str, Counts>,
    pub mismatches: Vec<Mismatch>,
}

impl DocScore {
    fn count(&mut self, field: &'static str, counts: Counts) {
        self.fields.entry(field).or_default().add(counts);
    }

    fn mismatch(
        &mut self,
        field: &'static str,
        expected: impl Into<String>,
        predicted: impl Into<String>,
    ) {
        self.mismatches.push(Mismatch {
            field,
            expected: expected.into(),
            predicted: predicted.into(),
        });
    }

    /// Micro-F1 over every field of this document.
    pub fn micro(&self) -> Counts {
        let mut all = Counts::default();
        for counts in self.fields.values() {
            all.add(*counts);
        }
        all
    }
}

/// The SPEC's comparison form: NFC, old tone style, lower case, whitespace collapsed.
pub fn canonical(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    let opts = vanban::Options::default().tone(vanban::Tone::Old);
    let toned = vanban::normalize_str(&nfc, &opts);
    toned
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A scalar JSON value as text; `None` for null or absent.
fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn show(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "null".to_string())
}

/// Scores one scalar by the SPEC's rule.
fn scalar(
    score: &mut DocScore,
    field: &'static str,
    expected: Option<String>,
    predicted: Option<String>,
) {
    let counts = match (&expected, &predicted) {
        (None, None) => Counts::default(),
        (Some(e), Some(p)) if canonical(e) == canonical(p) => Counts {
            tp: 1,
            fp: 0,
            fn_: 0,
        },
        (Some(_), Some(_)) => Counts {
            tp: 0,
            fp: 1,
            fn_: 1,
        },
        (None, Some(_)) => Counts {
            tp: 0,
            fp: 1,
            fn_: 0,
        },
        (Some(_), None) => Counts {
            tp: 0,
            fp: 0,
            fn_: 1,
        },
    };
    if counts.errors() > 0 {
        score.mismatch(field, show(&expected), show(&predicted));
    }
    score.count(field, counts);
}

fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(|v| text_of(Some(v))).collect(),
        _ => Vec::new(),
    }
}

/// Scores two lists of strings as sets of canonical forms.
fn string_set(
    score: &mut DocScore,
    field: &'static str,
    expected: &[String],
    predicted: &[String],
) {
    let canon = |items: &[String]| -> BTreeMap<String, String> {
        items.iter().map(|s| (canonical(s), s.clone())).collect()
    };
    let (e, p) = (canon(expected), canon(predicted));
    let mut counts = Counts::default();
    for (key, original) in &e {
        if p.contains_key(key) {
            counts.tp += 1;
        } else {
            counts.fn_ += 1;
            score.mismatch(field, original.clone(), "(missing)");
        }
    }
    for (key, original) in &p {
        if !e.contains_key(key) {
            counts.fp += 1;
            score.mismatch(field, "(none)", original.clone());
        }
    }
    score.count(field, counts);
}

fn tokens(text: &str) -> BTreeSet<String> {
    canonical(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// How alike two texts are: their token-set Jaccard, raised to 0.5 when one's tokens (at least
/// 3) all occur in the other. Two texts match at 0.5 or more.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (tokens(a), tokens(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(&b).count();
    let jaccard = common as f64 / a.union(&b).count() as f64;
    let smaller = a.len().min(b.len());
    if smaller >= 3 && common == smaller {
        jaccard.max(0.5)
    } else {
        jaccard
    }
}

const MATCH_AT: f64 = 0.5;

/// Pairs expected and predicted items one to one, best pairs first; `score` returns `None` for
/// a pair that may not match.
fn pair_up(
    expected: usize,
    predicted: usize,
    score: impl Fn(usize, usize) -> Option<f64>,
) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for e in 0..expected {
        for p in 0..predicted {
            if let Some(s) = score(e, p) {
                candidates.push((s, e, p));
            }
        }
    }
    // Stable sort: among equal scores, earlier items pair first.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut used_e, mut used_p) = (vec![false; expected], vec![false; predicted]);
    let mut pairs = Vec::new();
    for (_, e, p) in candidates {
        if !used_e[e] && !used_p[p] {
            used_e[e] = true;
            used_p[p] = true;
            pairs.push((e, p));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Counts a matching's TP/FP/FN and names the unmatched items.
fn matched(
    score: &mut DocScore,
    field: &'static str,
    pairs: &[(usize, usize)],
    expected: &[String],
    predicted: &[String],
) {
    let counts = Counts {
        tp: pairs.len(),
        fp: predicted.len() - pairs.len(),
        fn_: expected.len() - pairs.len(),
    };
    for (i, label) in expected.iter().enumerate() {
        if !pairs.iter().any(|&(e, _)| e == i) {
            score.mismatch(field, label.clone(), "(missing)");
        }
    }
    for (i, label) in predicted.iter().enumerate() {
        if !pairs.iter().any(|&(_, p)| p == i) {
            score.mismatch(field, "(none)", label.clone());
        }
    }
    score.count(field, counts);
}

fn items(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

fn field(value: &Value, name: &str) -> Option<String> {
    text_of(value.get(name))
}

fn same(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if canonical(a) == canonical(b))
}

fn people(score: &mut DocScore, expected: &[Value], predicted: &[Value]) {
    let name = |v: &Value| field(v, "name").unwrap_or_default();
    let (e_names, p_names): (Vec<_>, Vec<_>) = (
        expected.iter().map(name).collect(),
        predicted.iter().map(name).collect(),
    );
    let pairs = pair_up(e_names.len(), p_names.len(), |e, p| {
        (canonical(&e_names[e]) == canonical(&p_names[p])).then_some(1.0)
    });
    matched(score, "people", &pairs, &e_names, &p_names);
    for &(e, p) in &pairs {
        let (e_titles, p_titles) = (
            strings(expected[e].get("titles")),
            strings(predicted[p].get("titles")),
        );
        string_set(score, "people.titles", &e_titles, &p_titles);
    }
}

fn references(score: &mut DocScore, expected: &[Value], predicted: &[Value]) {
    let label = |v: &Value| {
        field(v, "number")
            .or_else(|| field(v, "text"))
            .unwrap_or_default()
    };
    let pairs = pair_up(expected.len(), predicted.len(), |e, p| {
        let (e, p) = (&expected[e], &predicted[p]);
        let e_number = field(e, "number");
        if e_number.is_some() {
            return same(&e_number, &field(p, "number")).then_some(1.0);
        }
        let (e_type, e_date) = (field(e, "doc_type"), field(e, "date"));
        if e_type.is_some() && e_date.is_some() {
            return (same(&e_type, &field(p, "doc_type")) && same(&e_date, &field(p, "date")))
                .then_some(1.0);
        }
        let s = similarity(
            &field(e, "text").unwrap_or_default(),
            &field(p, "text").unwrap_or_default(),
        );
        (s >= MATCH_AT).then_some(s)
    });
    let e_labels: Vec<String> = expected.iter().map(label).collect();
    let p_labels: Vec<String> = predicted.iter().map(label).collect();
    matched(score, "references", &pairs, &e_labels, &p_labels);
    for &(e, p) in &pairs {
        for (name, sub) in [
            ("reference.date", "date"),
            ("reference.doc_type", "doc_type"),
            ("reference.issuer", "issuer"),
        ] {
            scalar(
                score,
                name,
                field(&expected[e], sub),
                field(&predicted[p], sub),
            );
        }
    }
}

fn action_items(score: &mut DocScore, expected: &[Value], predicted: &[Value]) {
    let text = |v: &Value| field(v, "text").unwrap_or_default();
    let (e_texts, p_texts): (Vec<_>, Vec<_>) = (
        expected.iter().map(text).collect(),
        predicted.iter().map(text).collect(),
    );
    let pairs = pair_up(e_texts.len(), p_texts.len(), |e, p| {
        let s = similarity(&e_texts[e], &p_texts[p]);
        (s >= MATCH_AT).then_some(s)
    });
    matched(score, "action_items", &pairs, &e_texts, &p_texts);
    for &(e, p) in &pairs {
        scalar(
            score,
            "action_items.deadline",
            field(&expected[e], "deadline"),
            field(&predicted[p], "deadline"),
        );
        string_set(
            score,
            "action_items.assignees",
            &strings(expected[e].get("assignees")),
            &strings(predicted[p].get("assignees")),
        );
    }
}

/// Compares one predicted record with its expected record, field by field.
pub fn compare(expected: &Value, predicted: &Value) -> DocScore {
    let mut score = DocScore::default();
    for &name in SCALARS {
        scalar(
            &mut score,
            name,
            text_of(expected.get(name)),
            text_of(predicted.get(name)),
        );
    }
    for &(object, sub, name) in SUB_OBJECTS {
        let get = |record: &Value| record.get(object).and_then(|o| text_of(o.get(sub)));
        scalar(&mut score, name, get(expected), get(predicted));
    }
    for name in ["recipients", "distribution"] {
        string_set(
            &mut score,
            name,
            &strings(expected.get(name)),
            &strings(predicted.get(name)),
        );
    }
    people(
        &mut score,
        items(expected.get("people")),
        items(predicted.get("people")),
    );
    references(
        &mut score,
        items(expected.get("references")),
        items(predicted.get("references")),
    );
    action_items(
        &mut score,
        items(expected.get("action_items")),
        items(predicted.get("action_items")),
    );
    score
}

/// Scores of every document, by document name.
#[derive(Debug, Default)]
pub struct Report {
    pub docs: Vec<(String, DocScore)>,
}

impl Report {
    pub fn field(&self, name: &str) -> Counts {
        let mut all = Counts::default();
        for (_, doc) in &self.docs {
            if let Some(counts) = doc.fields.get(name) {
                all.add(*counts);
            }
        }
        all
    }

    pub fn micro(&self) -> Counts {
        let mut all = Counts::default();
        for (_, doc) in &self.docs {
            all.add(doc.micro());
        }
        all
    }

    /// The table, the worst documents of each field, and (when `verbose`) every mismatch.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "\nvanban evaluation: {} documents\n", self.docs.len());
        let _ = writeln!(
            s,
            "{:<24} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7}",
            "field", "tp", "fp", "fn", "prec", "recall", "f1"
        );
        let mut row = |name: &str, c: Counts| {
            // A field with nothing expected and nothing found has no score.
            let figure = |x: f64| {
                if c.tp + c.fp + c.fn_ == 0 {
                    "-".to_string()
                } else {
                    format!("{x:.3}")
                }
            };
            let _ = writeln!(
                s,
                "{:<24} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7}",
                name,
                c.tp,
                c.fp,
                c.fn_,
                figure(c.precision()),
                figure(c.recall()),
                figure(c.f1())
            );
        };
        for name in FIELDS {
            row(name, self.field(name));
        }
        row("micro (all fields)", self.micro());
        let _ = writeln!(s, "\nworst documents per field (errors = fp + fn):");
        for name in FIELDS {
            let mut worst: Vec<(&str, usize)> = self
                .docs
                .iter()
                .map(|(doc, score)| {
                    (
                        doc.as_str(),
                        score.fields.get(name).map_or(0, Counts::errors),
                    )
                })
                .filter(|&(_, errors)| errors > 0)
                .collect();
            if worst.is_empty() {
                continue;
            }
            worst.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let list: Vec<String> = worst
                .iter()
                .take(4)
                .map(|(doc, errors)| format!("{doc} ({errors})"))
                .collect();
            let _ = writeln!(s, "  {name:<24} {}", list.join(", "));
        }
        if verbose {
            let _ = writeln!(s, "\nevery mismatch:");
            for (doc, score) in &self.docs {
                for m in &score.mismatches {
                    let _ = writeln!(
                        s,
                        "  {doc} {}: expected {:?}, got {:?}",
                        m.field, m.expected, m.predicted
                    );
                }
            }
        } else {
            let _ = writeln!(s, "\n(VANBAN_EVAL_VERBOSE=1 prints every mismatch)");
        }
        s
    }
}

/// An expected record and the document it describes, both relative to the manifest directory.
struct Case {
    expected: PathBuf,
    document: String,
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every expected record with its document, sorted by name within each folder.
fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for (folder, documents) in [
        ("seeds", "corpus/seeds"),
        ("dev", "../shared/corpus/dev"),
        ("composed", "corpus/composed"),
    ] {
        let dir = manifest_dir().join("tests/expected").join(folder);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        for name in names {
            let stem = name.trim_end_matches(".json");
            cases.push(Case {
                expected: dir.join(&name),
                document: format!("{documents}/{stem}.txt"),
            });
        }
    }
    cases
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

#[test]
fn expected_records_follow_the_record_schema() {
    let cases = cases();
    assert!(
        !cases.is_empty(),
        "no expected records under tests/expected/"
    );
    let mut bad = Vec::new();
    for case in &cases {
        let value = read_json(&case.expected);
        for key in FIELDS.iter().filter(|f| !f.contains('.')) {
            if value.get(*key).is_none() {
                bad.push(format!("{}: no field {key:?}", case.expected.display()));
            }
        }
        if let Err(e) = serde_json::from_value::<vanban::Record>(value) {
            bad.push(format!("{}: not a record: {e}", case.expected.display()));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn extraction_matches_the_expected_records() {
    let cases = cases();
    assert!(
        !cases.is_empty(),
        "no expected records under tests/expected/"
    );
    let missing: Vec<&str> = cases
        .iter()
        .map(|c| c.document.as_str())
        .filter(|d| !manifest_dir().join(d).is_file())
        .collect();
    assert!(
        missing.is_empty(),
        "documents missing (the dev corpus is read from ../shared beside the repository): {}",
        missing.join(", ")
    );
    let output = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .current_dir(manifest_dir())
        .args(["extract", "--format", "json"])
        .args(cases.iter().map(|c| &c.document))
        .output()
        .expect("run vanban");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !stderr.is_empty() {
        eprintln!("vanban extract reported:\n{stderr}");
    }
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).expect("a JSON array");
    let by_source: HashMap<&str, &Value> = records
        .iter()
        .filter_map(|r| Some((r.get("source")?.as_str()?, r)))
        .collect();
    let null_record = Value::Object(Default::default());
    let mut report = Report::default();
    for case in &cases {
        let expected = read_json(&case.expected);
        // A document that failed to extract scores as a record with nothing in it.
        let predicted = by_source
            .get(case.document.as_str())
            .copied()
            .unwrap_or(&null_record);
        let name = case
            .document
            .rsplit('/')
            .next()
            .unwrap_or(&case.document)
            .trim_end_matches(".txt")
            .to_string();
        report.docs.push((name, compare(&expected, predicted)));
    }
    let verbose = std::env::var_os("VANBAN_EVAL_VERBOSE").is_some_and(|v| v != "0");
    println!("{}", report.render(verbose));
    let micro = report.micro().f1();
    println!("micro-F1 {micro:.4} (floor {MICRO_F1_FLOOR})");
    assert!(
        micro >= MICRO_F1_FLOOR,
        "micro-F1 {micro:.4} is below the floor {MICRO_F1_FLOOR}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn seed() -> Value {
        json!({
            "kind": "dispatch",
            "doc_type": "Công văn",
            "number": "-CV/BTGTU",
            "number_parts": {"seq": null, "year": null, "type_code": "CV",
                             "issuer_code": "BTGTU", "system": "party"},
            "date": "2021-09",
            "place": "Bình Phước",
            "issuer": {"name": "Ban Tuyên giáo", "parent": "Tỉnh ủy Bình Phước",
                       "full": "Ban Tuyên giáo Tỉnh ủy Bình Phước"},
            "subject": "tổ chức hội nghị trực tuyến",
            "title": null,
            "recipients": ["Sở Y tế", "Sở Giáo dục và Đào tạo"],
            "distribution": ["Như trên"],
            "signer": {"name": "Hà Anh Dũng", "title": "Trưởng ban", "authority": null},
            "people": [{"name": "Hà Anh Dũng", "titles": ["UVBTV", "Trưởng ban"]}],
            "references": [
                {"number": "04-QC/BTGTU", "doc_type": "Quy chế", "date": "2023-03-20",
                 "issuer": "Ban Tuyên giáo Tỉnh ủy", "text": "Quy chế số 04-QC/BTGTU"},
                {"number": null, "doc_type": "Luật", "date": "2016-04-05",
                 "issuer": null, "text": "Luật Báo chí ngày 05 tháng 4 năm 2016"}
            ],
            "action_items": [
                {"text": "Hỗ trợ cán bộ kỹ thuật thử đường truyền và phục vụ Hội nghị",
                 "assignees": ["Sở Thông tin và Truyền thông"], "deadline": null}
            ],
            "warnings": []
        })
    }

    fn field_counts(score: &DocScore, name: &str) -> Counts {
        score.fields.get(name).copied().unwrap_or_default()
    }

    #[test]
    fn a_record_equal_to_the_expected_one_scores_one() {
        let score = compare(&seed(), &seed());
        assert_eq!(score.micro().f1(), 1.0);
        assert!(score.mismatches.is_empty(), "{:?}", score.mismatches);
        assert_eq!(field_counts(&score, "references").tp, 2);
        assert_eq!(field_counts(&score, "people.titles").tp, 2);
    }

    #[test]
    fn a_wrong_value_lowers_f1() {
        let mut predicted = seed();
        predicted["number"] = json!("04-CV/BTGTU");
        let score = compare(&seed(), &predicted);
        assert_eq!(
            field_counts(&score, "number"),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert!(score.micro().f1() < 1.0);
        assert_eq!(score.mismatches.len(), 1);
        assert_eq!(score.mismatches[0].field, "number");
    }

    #[test]
    fn nulls_count_as_missing_or_spurious() {
        let mut predicted = seed();
        predicted["place"] = Value::Null;
        predicted["title"] = json!("Hội nghị");
        predicted["issuer"] = Value::Null;
        let score = compare(&seed(), &predicted);
        assert_eq!(
            field_counts(&score, "place"),
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            field_counts(&score, "title"),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            field_counts(&score, "issuer.parent"),
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        // Both null: nothing to count.
        assert_eq!(field_counts(&score, "published_at"), Counts::default());
        assert_eq!(field_counts(&score, "signer.authority"), Counts::default());
    }

    #[test]
    fn case_and_whitespace_do_not_count_but_words_do() {
        let mut predicted = seed();
        predicted["subject"] = json!("Tổ chức  hội nghị\ntrực tuyến");
        predicted["place"] = json!("BÌNH PHƯỚC");
        predicted["doc_type"] = json!("Công điện");
        let score = compare(&seed(), &predicted);
        assert_eq!(field_counts(&score, "subject").tp, 1);
        assert_eq!(field_counts(&score, "place").tp, 1);
        assert_eq!(
            field_counts(&score, "doc_type"),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
    }

    #[test]
    fn decomposed_text_compares_equal_to_composed_text() {
        let decomposed: String = "Bình Phước".nfd().collect();
        assert_ne!(decomposed, "Bình Phước");
        assert_eq!(canonical(&decomposed), canonical("Bình Phước"));
    }

    #[test]
    fn lists_compare_as_sets() {
        let mut predicted = seed();
        predicted["recipients"] = json!(["sở giáo dục và đào tạo", "Sở Tư pháp"]);
        let score = compare(&seed(), &predicted);
        assert_eq!(
            field_counts(&score, "recipients"),
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
    }

    #[test]
    fn people_match_by_name_and_titles_score_separately() {
        let mut predicted = seed();
        predicted["people"] = json!([
            {"name": "hà anh dũng", "titles": ["Trưởng ban"]},
            {"name": "Nguyễn Văn A", "titles": ["Giám đốc"]}
        ]);
        let score = compare(&seed(), &predicted);
        assert_eq!(
            field_counts(&score, "people"),
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        // Titles of the unmatched person are not scored.
        assert_eq!(
            field_counts(&score, "people.titles"),
            Counts {
                tp: 1,
                fp: 0,
                fn_: 1
            }
        );
    }

    #[test]
    fn references_match_by_number_then_type_and_date_then_text() {
        let mut predicted = seed();
        predicted["references"] = json!([
            // Matches the Luật by doc_type and date; its text differs.
            {"number": null, "doc_type": "Luật", "date": "2016-04-05",
             "issuer": null, "text": "Luật Báo chí năm 2016"},
            // Same number, wrong date.
            {"number": "04-QC/BTGTU", "doc_type": "Quy chế", "date": "2023-03-21",
             "issuer": "Ban Tuyên giáo Tỉnh ủy", "text": "Quy chế 04-QC/BTGTU"},
            {"number": "05-QC/BTGTU", "doc_type": "Quy chế", "date": null,
             "issuer": null, "text": "Quy chế số 05-QC/BTGTU"}
        ]);
        let score = compare(&seed(), &predicted);
        assert_eq!(
            field_counts(&score, "references"),
            Counts {
                tp: 2,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            field_counts(&score, "reference.date"),
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(field_counts(&score, "reference.doc_type").tp, 2);
    }

    #[test]
    fn a_reference_with_neither_number_nor_date_matches_by_text() {
        let expected = json!({"references": [
            {"number": null, "doc_type": "Luật", "date": null, "issuer": null,
             "text": "Luật Tổ chức chính quyền địa phương"}]});
        let close = json!({"references": [
            {"number": null, "doc_type": "Luật", "date": null, "issuer": null,
             "text": "Luật Tổ chức chính quyền địa phương năm 2015"}]});
        let far = json!({"references": [
            {"number": null, "doc_type": "Luật", "date": null, "issuer": null,
             "text": "Luật Báo chí"}]});
        assert_eq!(
            field_counts(&compare(&expected, &close), "references").tp,
            1
        );
        assert_eq!(
            field_counts(&compare(&expected, &far), "references"),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
    }

    #[test]
    fn action_items_match_by_overlapping_text() {
        let mut predicted = seed();
        predicted["action_items"] = json!([
            {"text": "Hỗ trợ cán bộ kỹ thuật thử đường truyền",
             "assignees": ["Sở Thông tin và Truyền thông", "Đài Phát thanh"],
             "deadline": "2021-09-20"},
            {"text": "Báo cáo kết quả về Ban Tuyên giáo", "assignees": [], "deadline": null}
        ]);
        let score = compare(&seed(), &predicted);
        assert_eq!(
            field_counts(&score, "action_items"),
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            field_counts(&score, "action_items.deadline"),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            field_counts(&score, "action_items.assignees"),
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
    }

    #[test]
    fn similarity_needs_shared_words() {
        assert!(
            similarity(
                "tổ chức hội nghị giao ban",
                "Tổ chức hội nghị giao ban quý III"
            ) >= MATCH_AT
        );
        assert!(similarity("tổ chức hội nghị", "báo cáo kết quả thực hiện") < MATCH_AT);
        // Two words contained in a long text are not enough.
        assert!(similarity("hội nghị", "tổ chức hội nghị giao ban công tác tuyên giáo") < MATCH_AT);
    }

    #[test]
    fn report_sums_documents_and_renders_every_field() {
        let mut wrong = seed();
        wrong["date"] = json!("2021-10");
        let report = Report {
            docs: vec![
                ("a".to_string(), compare(&seed(), &seed())),
                ("b".to_string(), compare(&seed(), &wrong)),
            ],
        };
        assert_eq!(
            report.field("date"),
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert!(report.micro().f1() < 1.0);
        let text = report.render(true);
        for name in FIELDS {
            assert!(text.contains(name), "{name} missing from the table");
        }
        assert!(text.contains("b (2)"), "{text}");
        assert!(
            text.contains("expected \"2021-09\", got \"2021-10\""),
            "{text}"
        );
    }
}
