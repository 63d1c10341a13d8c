//! Normalisation speed over the real corpus text (`../shared/corpus/dev` and `seeds`), each
//! bench beside `unicode-normalization`'s `nfc()` on the same input as a reference.
//!
//! - `clean`: the corpus already normalised (NFC, old tone style): the borrowing fast path.
//! - `clean_new_tone`: the same in the new tone style, normalised with `Tone::New`: the same
//!   fast path, whose tone checks differ.
//! - `dirty`: the same text in NFD and the new tone style: every stage rewrites.
//! - `fold`: diacritics removed from the clean text.
//!
//! Each timed closure checks its answer (the borrowed length, the repaired text's length, the
//! folded length), so a broken function cannot post a fast time.
//!
//! Run: `cargo bench --no-default-features --bench normalize -- --warm-up-time 1 --measurement-time 3`

use std::borrow::Cow;
use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use unicode_normalization::UnicodeNormalization;
use vanban::{fold, normalize_str, Options, Tone};

fn corpus_text() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut paths = Vec::new();
    for dir in ["seeds", "dev"] {
        let entries = std::fs::read_dir(root.join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}"));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) == Some("txt") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let mut text = String::new();
    for path in paths {
        text.push_str(
            &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        );
        text.push('\n');
    }
    text
}

fn bench(c: &mut Criterion) {
    let old = Options::default();
    let new = Options::default().tone(Tone::New);
    let raw = corpus_text();
    // Clean: the corpus after normalisation (old style). Dirty: NFD + new style.
    let clean = normalize_str(&raw, &old).into_owned();
    assert!(
        matches!(normalize_str(&clean, &old), Cow::Borrowed(_)),
        "clean text must borrow"
    );
    let clean_new = normalize_str(&clean, &new).into_owned();
    assert!(
        matches!(normalize_str(&clean_new, &new), Cow::Borrowed(_)),
        "clean text in the new style must borrow"
    );
    let dirty: String = clean_new.nfd().collect();
    assert_ne!(dirty, clean);
    let folded_len = fold(&clean).len();
    // Warm the lazily built tables before timing.
    let _ = normalize_str(&dirty, &old);

    let mut group = c.benchmark_group("normalize_clean");
    group.throughput(Throughput::Bytes(clean.len() as u64));
    group.bench_function("vanban_normalize_str", |b| {
        b.iter(|| match normalize_str(black_box(&clean), &old) {
            Cow::Borrowed(s) => assert_eq!(s.len(), clean.len()),
            Cow::Owned(_) => panic!("clean text allocated"),
        })
    });
    group.bench_function("reference_nfc", |b| {
        b.iter(|| {
            assert_eq!(
                black_box(&clean).nfc().map(char::len_utf8).sum::<usize>(),
                clean.len()
            )
        })
    });
    group.finish();

    let mut group = c.benchmark_group("normalize_clean_new_tone");
    group.throughput(Throughput::Bytes(clean_new.len() as u64));
    group.bench_function("vanban_normalize_str", |b| {
        b.iter(|| match normalize_str(black_box(&clean_new), &new) {
            Cow::Borrowed(s) => assert_eq!(s.len(), clean_new.len()),
            Cow::Owned(_) => panic!("clean text allocated"),
        })
    });
    group.finish();

    let mut group = c.benchmark_group("normalize_dirty");
    group.throughput(Throughput::Bytes(dirty.len() as u64));
    group.bench_function("vanban_normalize_str", |b| {
        b.iter(|| assert_eq!(normalize_str(black_box(&dirty), &old).len(), clean.len()))
    });
    group.bench_function("reference_nfc", |b| {
        b.iter(|| {
            assert_eq!(
                black_box(&dirty).nfc().collect::<String>().len(),
                clean_new.len()
            )
        })
    });
    group.finish();

    let mut group = c.benchmark_group("fold");
    group.throughput(Throughput::Bytes(clean.len() as u64));
    group.bench_function("vanban_fold", |b| {
        b.iter(|| assert_eq!(fold(black_box(&clean)).len(), folded_len))
    });
    group.bench_function("reference_nfc", |b| {
        b.iter(|| {
            assert_eq!(
                black_box(&clean).nfc().map(char::len_utf8).sum::<usize>(),
                clean.len()
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
