//! Extraction throughput on the corpus: one core, every core (rayon over documents), and the
//! whole path from bytes (decode + normalise + extract).
//!
//! ```text
//! cargo bench --no-default-features --bench extract -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! The documents are the seeds (`../shared/corpus/seeds`, or the bundled `corpus/seeds` when the
//! shared corpus is absent), the development set `../shared/corpus/dev/*.txt` and the composed
//! samples `corpus/composed/*.txt`; missing directories are skipped. Every timed loop checks the
//! extractor's answer against a fingerprint taken before timing, so a broken extractor cannot
//! post a fast time.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;
use vanban::{Options, Record};

/// One corpus document: where it came from, its raw bytes and its text.
struct Doc {
    path: PathBuf,
    bytes: Vec<u8>,
    text: String,
}

/// The `.txt` files of `dir`, sorted; empty when the directory does not exist.
fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

fn load_corpus() -> Vec<Doc> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared_seeds = root.join("../shared/corpus/seeds");
    let seeds = if shared_seeds.is_dir() {
        shared_seeds
    } else {
        root.join("corpus/seeds")
    };
    let mut docs = Vec::new();
    for dir in [
        seeds,
        root.join("../shared/corpus/dev"),
        root.join("corpus/composed"),
    ] {
        for path in txt_files(&dir) {
            let Ok(bytes) = fs::read(&path) else { continue };
            // The str benches need text; a file that is not UTF-8 is still timed from bytes.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            docs.push(Doc { path, bytes, text });
        }
    }
    docs
}

/// How many fields the record fills: each present scalar and each list item counts one. Two
/// runs of a deterministic extractor give the same sum over the corpus.
fn filled(r: &Record) -> usize {
    let scalars = [
        r.doc_type.is_some(),
        r.number.is_some(),
        r.number_parts.is_some(),
        r.date.is_some(),
        r.place.is_some(),
        r.issuer.is_some(),
        r.subject.is_some(),
        r.title.is_some(),
        r.signer.is_some(),
        r.published_at.is_some(),
        r.author.is_some(),
        r.news_source.is_some(),
    ];
    scalars.iter().filter(|&&b| b).count()
        + r.recipients.len()
        + r.distribution.len()
        + r.people.len()
        + r.references.len()
        + r.action_items.len()
}

/// What a timed loop must reproduce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Answer {
    /// Records with a document number.
    numbered: usize,
    /// Sum of [`filled`] over the records.
    fields: usize,
}

impl Answer {
    fn of<'a>(records: impl Iterator<Item = &'a Record>) -> Answer {
        let mut answer = Answer {
            numbered: 0,
            fields: 0,
        };
        for r in records {
            answer.add(r);
        }
        answer
    }

    fn add(&mut self, r: &Record) {
        self.numbered += usize::from(r.number.is_some());
        self.fields += filled(r);
    }

    fn merge(self, other: Answer) -> Answer {
        Answer {
            numbered: self.numbered + other.numbered,
            fields: self.fields + other.fields,
        }
    }

    const ZERO: Answer = Answer {
        numbered: 0,
        fields: 0,
    };
}

fn extract_all(docs: &[Doc], opts: &Options) -> Answer {
    docs.iter().fold(Answer::ZERO, |mut a, d| {
        a.add(&vanban::extract_with(black_box(&d.text), opts));
        a
    })
}

fn extract_all_parallel(docs: &[Doc], opts: &Options) -> Answer {
    docs.par_iter()
        .map(|d| {
            Answer::of(std::iter::once(&vanban::extract_with(
                black_box(&d.text),
                opts,
            )))
        })
        .reduce(|| Answer::ZERO, Answer::merge)
}

/// Decodes, normalises and extracts every document from its bytes; `None` marks an error.
fn extract_all_bytes(docs: &[Doc], opts: &Options) -> (Answer, usize) {
    let mut failed = 0;
    let mut answer = Answer::ZERO;
    for d in docs {
        match vanban::extract_bytes(black_box(&d.bytes), opts) {
            Ok(r) => answer.add(&r),
            Err(_) => failed += 1,
        }
    }
    (answer, failed)
}

fn bench_extract(c: &mut Criterion) {
    let docs = load_corpus();
    assert!(
        !docs.is_empty(),
        "no corpus documents found under {}",
        env!("CARGO_MANIFEST_DIR")
    );
    let opts = Options::default();
    let total_bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let raw_bytes: u64 = docs.iter().map(|d| d.bytes.len() as u64).sum();

    // Build the dictionaries, automata and regexes before anything is timed.
    black_box(vanban::extract_with(&docs[0].text, &opts));

    let expected = extract_all(&docs, &opts);
    let (expected_bytes, expected_failed) = extract_all_bytes(&docs, &opts);
    eprintln!(
        "extract bench: {} documents, {:.2} MB, {} with a number, {} fields filled; \
         from bytes: {} decode errors; rayon threads: {}",
        docs.len(),
        total_bytes as f64 / 1e6,
        expected.numbered,
        expected.fields,
        expected_failed,
        rayon::current_num_threads(),
    );
    for d in docs.iter().filter(|d| d.bytes != d.text.as_bytes()) {
        eprintln!("  not UTF-8, timed as lossy text: {}", d.path.display());
    }
    // An extractor that finds no number anywhere is broken, and its time would mean nothing.
    assert!(
        expected.numbered > 0,
        "no document number found in {} documents",
        docs.len()
    );
    // A parallel run must give the same answer as the sequential one before it is worth timing.
    assert_eq!(extract_all_parallel(&docs, &opts), expected);

    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total_bytes));
    group.bench_function("corpus", |b| {
        b.iter(|| assert_eq!(extract_all(&docs, &opts), expected))
    });
    group.bench_function("rayon", |b| {
        b.iter(|| assert_eq!(extract_all_parallel(&docs, &opts), expected))
    });
    group.throughput(Throughput::Bytes(raw_bytes));
    group.bench_function("bytes", |b| {
        b.iter(|| {
            assert_eq!(
                extract_all_bytes(&docs, &opts),
                (expected_bytes, expected_failed)
            )
        })
    });
    group.finish();

    let mut group = c.benchmark_group("extract_docs");
    group.sample_size(10);
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| assert_eq!(extract_all(&docs, &opts), expected))
    });
    group.bench_function("rayon", |b| {
        b.iter(|| assert_eq!(extract_all_parallel(&docs, &opts), expected))
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
