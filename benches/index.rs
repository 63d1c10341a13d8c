//! Indexing throughput (one core) beside tantivy's default analyzer on the same text, and query
//! latency on an index of 100,000 documents generated from the corpus.
//!
//! ```text
//! cargo bench --bench index -- --warm-up-time 1 --measurement-time 5
//! ```
//!
//! Before criterion runs, a plain timer prints the figures the README quotes: MB/s and docs/s
//! of each analyzer (median of 5 runs, one indexing thread, commit included) and their ratio;
//! then p50/p99 latency of `Index::search` (hits, count, facet counts and snippets included)
//! over the judged queries on the 100,000-document index. That index is built once into
//! `$CARGO_TARGET_DIR/vanban-bench-index` (or `target/…`) and reused while its size matches.
//!
//! `VANBAN_BENCH_ANALYZERS=1` prints, instead of the latency, what each analyzer stage costs:
//! tokens, tokenizing and indexing speed of the default analyzer and of vanban's tokenizer with
//! and without fold variants, positions and bigrams, each on a single field.
//!
//! For instruction counts (repeatable on a loaded machine), under `valgrind --tool=callgrind`:
//! `VANBAN_BENCH_ONCE=vanban|default|none` indexes the batch once and exits (subtract `none`,
//! the loading of the corpus); `VANBAN_BENCH_QUERY=TEXT` runs one query on the large index
//! (`VANBAN_BENCH_REPEAT` times), `*` every latency query twice; collect with
//! `--toggle-collect='*Index::search*'`.
//!
//! The documents are `corpus/` and `../shared/corpus/dev/*.txt`, normalised and extracted
//! before timing. Every timed loop checks the number of documents it indexed, and the latency
//! run checks that each query still finds what it found first.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, TEXT};
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream,
};
use tantivy::TantivyDocument;
use vanban::search::{
    content_hash, vietnamese_analyzer, vietnamese_bigram_analyzer, Index, Indexer, Prepared,
    SearchRequest, SyllableTokenizer,
};
use vanban::Options;

/// Generated documents for the latency index.
const LARGE: usize = 100_000;
/// Copies of the corpus indexed per throughput run (distinct sources), so that one run is
/// long enough to time and the term dictionary is not trivially small.
const COPIES: usize = 4;

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// The corpus, normalised and extracted.
fn corpus() -> Vec<Prepared> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let opts = Options::default();
    let mut docs = Vec::new();
    for dir in ["corpus/seeds", "corpus/composed", "../shared/corpus/dev"] {
        for path in txt_files(&root.join(dir)) {
            let Ok(bytes) = fs::read(&path) else { continue };
            if let Ok(doc) = Prepared::from_bytes(&path.display().to_string(), &bytes, &opts) {
                docs.push(doc);
            }
        }
    }
    assert!(docs.len() >= 100, "corpus too small: {}", docs.len());
    docs
}

/// `COPIES` copies of the corpus under distinct sources.
fn copies(docs: &[Prepared]) -> Vec<Prepared> {
    (0..COPIES)
        .flat_map(|c| {
            docs.iter().map(move |d| {
                let mut d = d.clone();
                d.source = format!("{c}/{}", d.source);
                d
            })
        })
        .collect()
}

#[inline(never)]
fn index_default(docs: &[Prepared]) -> u64 {
    let mut schema = Schema::builder();
    let source = schema.add_text_field("source", TEXT | STORED);
    let body = schema.add_text_field("body", TEXT | STORED);
    let index = tantivy::Index::create_in_ram(schema.build());
    let mut writer: tantivy::IndexWriter = index
        .writer_with_num_threads(1, 128 * 1024 * 1024)
        .expect("writer");
    for d in docs {
        let mut doc = TantivyDocument::new();
        doc.add_text(source, &d.source);
        doc.add_text(body, &d.text);
        writer.add_document(doc).expect("add");
    }
    writer.commit().expect("commit");
    let n = index.reader().expect("reader").searcher().num_docs();
    assert_eq!(n as usize, docs.len());
    n
}

#[inline(never)]
fn index_vanban(docs: &[Prepared]) -> u64 {
    let index = Index::create_in_ram().expect("index");
    let mut indexer = Indexer::with_threads(&index, 1).expect("indexer");
    for d in docs {
        indexer.add(d.clone()).expect("add");
    }
    indexer.commit().expect("commit");
    drop(indexer);
    let n = index.num_docs();
    assert_eq!(n as usize, docs.len());
    n
}

/// Indexes the texts alone into one `TEXT | STORED` field analyzed by `analyzer` (the cost of
/// each analyzer on the same text, the rest of the schema left out).
fn index_with(docs: &[Prepared], analyzer: TextAnalyzer, positions: bool) -> u64 {
    let mut schema = Schema::builder();
    let option = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::WithFreqs
    };
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("a")
        .set_index_option(option);
    let body = schema.add_text_field(
        "body",
        TextOptions::default()
            .set_indexing_options(indexing)
            .set_stored(),
    );
    let index = tantivy::Index::create_in_ram(schema.build());
    index.tokenizers().register("a", analyzer);
    let mut writer: tantivy::IndexWriter = index
        .writer_with_num_threads(1, 128 * 1024 * 1024)
        .expect("writer");
    for d in docs {
        let mut doc = TantivyDocument::new();
        doc.add_text(body, &d.text);
        writer.add_document(doc).expect("add");
    }
    writer.commit().expect("commit");
    let n = index.reader().expect("reader").searcher().num_docs();
    assert_eq!(n as usize, docs.len());
    n
}

fn count_tokens(docs: &[Prepared], mut analyzer: TextAnalyzer) -> usize {
    let mut n = 0;
    for d in docs {
        let mut stream = analyzer.token_stream(&d.text);
        while stream.advance() {
            n += 1;
        }
    }
    n
}

/// Builds a fresh analyzer for one run.
type MakeAnalyzer = Box<dyn Fn() -> TextAnalyzer>;

fn analyzer_variants(batch: &[Prepared], bytes: usize) {
    let default = || {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .build()
    };
    let variants: Vec<(&str, MakeAnalyzer, bool)> = vec![
        (
            "default (simple, lower), positions",
            Box::new(default),
            true,
        ),
        ("default (simple, lower), freqs", Box::new(default), false),
        (
            "syllables (lower, tone), freqs",
            Box::new(|| TextAnalyzer::from(SyllableTokenizer::new())),
            false,
        ),
        (
            "syllables + fold variants, freqs",
            Box::new(vietnamese_analyzer),
            false,
        ),
        (
            "syllables + fold variants, positions",
            Box::new(vietnamese_analyzer),
            true,
        ),
        (
            "syllables + fold variants + bigrams, freqs",
            Box::new(vietnamese_bigram_analyzer),
            false,
        ),
    ];
    for (name, make, positions) in &variants {
        let tokens = count_tokens(batch, make());
        let t_tok = median_time(3, || {
            black_box(count_tokens(batch, make()));
        });
        let t_idx = median_time(3, || {
            black_box(index_with(batch, make(), *positions));
        });
        eprintln!(
            "  {name:<42} {tokens:>9} tokens  tokenize {:>6.1} MB/s  index {:>5.1} MB/s",
            bytes as f64 / 1e6 / t_tok.as_secs_f64(),
            bytes as f64 / 1e6 / t_idx.as_secs_f64(),
        );
    }
}

fn median_time(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// A small deterministic generator (xorshift), so the large index is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `LARGE` documents: each takes the record and first paragraphs of a corpus document and
/// adds paragraphs drawn from the whole corpus.
fn generated(docs: &[Prepared]) -> impl Iterator<Item = Prepared> + '_ {
    let paragraphs: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.text.split("\n\n").chain(d.text.lines()))
        .filter(|p| p.len() > 80)
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let opts = Options::default();
    (0..LARGE).map(move |i| {
        let base = &docs[rng.below(docs.len())];
        let mut text: String = base.text.chars().take(600).collect();
        for _ in 0..(2 + rng.below(6)) {
            text.push_str("\n\n");
            text.push_str(paragraphs[rng.below(paragraphs.len())]);
        }
        Prepared {
            source: format!("gen/{i:06}.txt"),
            hash: content_hash(text.as_bytes(), &opts),
            text,
            record: base.record.clone(),
        }
    })
}

fn large_index(docs: &[Prepared]) -> Index {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("vanban-bench-index");
    if let Ok(index) = Index::open(&dir) {
        if index.num_docs() == LARGE as u64 {
            return index;
        }
    }
    let _ = fs::remove_dir_all(&dir);
    let index = Index::open_or_create(&dir).expect("bench index");
    let t = Instant::now();
    {
        let mut indexer = index.indexer().expect("indexer");
        for doc in generated(docs) {
            indexer.add(doc).expect("add");
        }
        indexer.finish().expect("commit");
    }
    eprintln!(
        "built {} generated documents into {} in {:.1} s",
        index.num_docs(),
        dir.display(),
        t.elapsed().as_secs_f64()
    );
    assert_eq!(index.num_docs(), LARGE as u64);
    index
}

/// Queries an archivist types: topics with and without accents, numbers, abbreviations,
/// tone variants, a typo.
const QUERIES: &[&str] = &[
    "tuyên truyền đại hội đảng bộ",
    "tuyen truyen dai hoi dang bo",
    "chuyển đổi số Bình Phước",
    "chuyen doi so",
    "phòng chống dịch Covid-19",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "bao ve nen tang tu tuong cua Dang",
    "thu nhập cá nhân",
    "bảo hiểm y tế",
    "189-KH/TU",
    "189 KH TU",
    "so 356-CV",
    "45/2025/QĐ-UBND",
    "Nghị định 29/1998/NĐ-CP",
    "UBND Lâm Đồng cải cách hành chính",
    "HĐND bầu cử kinh phí",
    "MTTQ niêm yết danh sách cử tri",
    "thuỷ văn bão số 9",
    "Thanh Hóa dân vận bầu cử",
    "tuyen truyn dai hoi",
    "an toan giao thon truong hoc",
    "quyết định",
    "ủy ban nhân dân",
    "của",
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let batch = copies(&docs);
    let bytes: usize = batch.iter().map(|d| d.text.len()).sum();

    // Warm up lazy tables and code paths before timing.
    index_vanban(&batch[..10]);
    index_default(&batch[..10]);
    if let Some(query) = std::env::var_os("VANBAN_BENCH_QUERY") {
        // One query on the large index, `VANBAN_BENCH_REPEAT` times (10), and nothing else:
        // under `valgrind --tool=callgrind --toggle-collect='*Index::search*'`, what it costs.
        // `*` runs every latency query twice.
        let large = large_index(&docs);
        if query == "*" {
            // Every query of the latency run, twice each (the second is the one to read).
            for q in QUERIES {
                for _ in 0..2 {
                    black_box(large.search(&SearchRequest::new(*q)).expect("search"));
                }
            }
            return;
        }
        let request = SearchRequest::new(query.to_string_lossy());
        let repeat: usize = std::env::var("VANBAN_BENCH_REPEAT")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(10);
        let t = Instant::now();
        for _ in 0..repeat {
            black_box(large.search(&request).expect("search"));
        }
        eprintln!(
            "{:?}: {:.2} ms",
            request.query,
            t.elapsed().as_secs_f64() * 1e3 / repeat as f64
        );
        return;
    }
    if let Some(which) = std::env::var_os("VANBAN_BENCH_ONCE") {
        // One indexing run and nothing else, for an instruction count under
        // `valgrind --tool=callgrind`: the count of `vanban` or `default` less that of `none`
        // (loading the corpus) is the cost of indexing.
        match which.to_str() {
            Some("default") => black_box(index_default(&batch)),
            Some("none") => 0,
            _ => black_box(index_vanban(&batch)),
        };
        return;
    }
    let t_default = median_time(5, || {
        black_box(index_default(&batch));
    });
    let t_vanban = median_time(5, || {
        black_box(index_vanban(&batch));
    });
    let rate = |t: Duration| {
        (
            bytes as f64 / 1e6 / t.as_secs_f64(),
            batch.len() as f64 / t.as_secs_f64(),
        )
    };
    let (mb_default, docs_default) = rate(t_default);
    let (mb_vanban, docs_vanban) = rate(t_vanban);
    eprintln!(
        "indexing, one thread, {} documents, {:.1} MB of text:\n  \
         tantivy default analyzer: {mb_default:.1} MB/s, {docs_default:.0} docs/s\n  \
         vanban (full schema):     {mb_vanban:.1} MB/s, {docs_vanban:.0} docs/s ({:.0} % of default)",
        batch.len(),
        bytes as f64 / 1e6,
        100.0 * mb_vanban / mb_default
    );

    if std::env::var_os("VANBAN_BENCH_ANALYZERS").is_some() {
        analyzer_variants(&batch, bytes);
        return;
    }

    let large = large_index(&docs);
    let requests: Vec<SearchRequest> = QUERIES.iter().map(|q| SearchRequest::new(*q)).collect();
    let expected: Vec<u64> = requests
        .iter()
        .map(|r| large.search(r).expect("search").total)
        .collect();
    for with_facets in [true, false] {
        let mut samples = Vec::new();
        for _ in 0..20 {
            for (r, want) in requests.iter().zip(&expected) {
                let r = r.clone().facet_counts(with_facets);
                let t = Instant::now();
                let results = large.search(&r).expect("search");
                samples.push(t.elapsed());
                assert_eq!(results.total, *want);
            }
        }
        samples.sort();
        eprintln!(
            "query latency on {} documents ({} queries × 20, facet counts {}): p50 {:.2} ms, \
             p99 {:.2} ms, max {:.2} ms",
            large.num_docs(),
            QUERIES.len(),
            if with_facets { "on" } else { "off" },
            percentile(&samples, 0.50).as_secs_f64() * 1e3,
            percentile(&samples, 0.99).as_secs_f64() * 1e3,
            samples[samples.len() - 1].as_secs_f64() * 1e3,
        );
    }

    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("tantivy_default_analyzer", |b| {
        b.iter(|| index_default(&batch))
    });
    group.bench_function("vanban", |b| b.iter(|| index_vanban(&batch)));
    group.finish();

    let mut group = c.benchmark_group("search_100k");
    for (name, query) in [
        ("topic", "tuyên truyền đại hội đảng bộ"),
        ("folded", "tuyen truyen dai hoi dang bo"),
        ("number", "189 KH TU"),
        ("typo", "tuyen truyn dai hoi"),
    ] {
        let request = SearchRequest::new(query);
        group.bench_function(name, |b| {
            b.iter(|| black_box(large.search(&request).expect("search").total))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
