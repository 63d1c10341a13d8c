//! `vanban index`: extract files in parallel and add them to a search index, incrementally.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use vanban::search::{content_hash, Change, Index, Indexer, Prepared};

use crate::args::Common;
use crate::cmd::Outcome;
use crate::input::{self, Input, InputError};

/// Arguments of `vanban index`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  vanban index corpus/                       add or update every file under corpus/
  vanban index ~/van-ban --index ~/idx       into another index directory
  vanban index corpus/ --prune               also drop files that are gone from disk

A file is keyed by its full path and a hash of its bytes: an unchanged file is skipped, a changed
one replaces its old entry. Changes are committed every --batch documents, so an interrupted run
loses at most one batch; run it again to finish.

The default index is $VANBAN_INDEX if set, else target/vanban-index in vanban's source tree when
the binary was built from one (cargo run), else $XDG_CACHE_HOME/vanban/index (~/.cache/…).")]
pub struct IndexArgs {
    /// Files or directories (walked recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The index directory (created if missing).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Remove documents whose file no longer exists.
    #[arg(long)]
    pub prune: bool,
    /// Commit after this many new or changed documents.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub batch: usize,
}

/// Files read and extracted in parallel between two hand-overs to the writer.
const CHUNK: usize = 256;

/// Counts of one indexing run.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// New files.
    pub added: usize,
    /// Files whose bytes changed.
    pub updated: usize,
    /// Files skipped as unchanged.
    pub unchanged: usize,
    /// Inputs that could not be indexed (each reported on stderr).
    pub failed: usize,
    /// Documents removed by `--prune`.
    pub pruned: usize,
}

impl Summary {
    /// The summary line.
    pub fn line(&self, dir: &Path, total: u64) -> String {
        let mut line = format!(
            "{} added, {} updated, {} unchanged, {} failed",
            self.added, self.updated, self.unchanged, self.failed
        );
        if self.pruned > 0 {
            line.push_str(&format!(", {} pruned", self.pruned));
        }
        line.push_str(&format!(" ({total} documents in {})", dir.display()));
        line
    }
}

/// Runs `vanban index`.
pub fn run(args: &IndexArgs, common: &Common, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let dir = args.index.clone().unwrap_or_else(default_index_dir);
    let index = Index::open_or_create(&dir)?;
    let summary = index_paths(&index, &args.paths, common, args.batch, args.prune)?;
    writeln!(out, "{}", summary.line(&dir, index.num_docs())).context("writing output")?;
    Ok(Outcome {
        failed: summary.failed,
    })
}

/// Indexes `paths` into `index`, with a progress bar on a terminal (standard error); each bad
/// input is reported there and counted.
pub fn index_paths(
    index: &Index,
    paths: &[PathBuf],
    common: &Common,
    batch: usize,
    prune: bool,
) -> anyhow::Result<Summary> {
    let opts = common.options();
    let inputs = input::collect(paths, &[]);
    let mut indexer = index.indexer()?;
    let bar =
        ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} indexing {pos}/{len} files [{bar:30}] {eta} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let mut summary = Summary::default();
    let mut outcome = Outcome::default();
    for chunk in inputs.chunks(CHUNK) {
        let prepared: Vec<(String, Result<Option<Prepared>, String>)> = chunk
            .par_iter()
            .map(|input| prepare(input, &indexer, &opts))
            .collect();
        for (name, result) in prepared {
            match result {
                Ok(None) => summary.unchanged += 1,
                Ok(Some(doc)) => match indexer.add(doc)? {
                    Change::Added => summary.added += 1,
                    Change::Updated => summary.updated += 1,
                    _ => summary.unchanged += 1,
                },
                Err(cause) => {
                    bar.suspend(|| outcome.fail(&name, cause));
                }
            }
            bar.inc(1);
            if indexer.pending() >= batch.max(1) {
                bar.set_message("committing");
                indexer.commit()?;
                bar.set_message("");
            }
        }
    }
    if prune {
        summary.pruned = indexer.prune(|source| Path::new(source).exists()).len();
    }
    bar.set_message("committing");
    indexer.finish()?;
    bar.finish_and_clear();
    summary.failed = outcome.failed;
    Ok(summary)
}

/// Reads, hashes and (unless unchanged) extracts one input; `Ok(None)` when unchanged.
fn prepare(
    input: &Result<Input, InputError>,
    indexer: &Indexer<'_>,
    opts: &vanban::Options,
) -> (String, Result<Option<Prepared>, String>) {
    let path = match input {
        Ok(Input::File(path)) => path,
        Ok(Input::Stdin) => {
            let cause = "standard input cannot be indexed: an entry is keyed by its file path";
            return ("-".to_string(), Err(cause.to_string()));
        }
        Err(err) => return (err.name.clone(), Err(err.error.to_string())),
    };
    let name = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => return (name, Err(err.to_string())),
    };
    // The key is the absolute path, so that runs from other directories and --prune agree.
    let source =
        std::fs::canonicalize(path).map_or_else(|_| name.clone(), |p| p.display().to_string());
    let hash = content_hash(&bytes, opts);
    if indexer.is_unchanged(&source, &hash) {
        return (name, Ok(None));
    }
    let result = Prepared::from_bytes(&source, &bytes, opts)
        .map(Some)
        .map_err(|e| e.to_string());
    (name, result)
}

/// The index used when `--index` is not given: `$VANBAN_INDEX`; else `target/vanban-index` in
/// vanban's source tree when it still exists (a `cargo run` from a clone); else
/// `$XDG_CACHE_HOME/vanban/index`, `~/.cache/vanban/index`.
pub fn default_index_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("VANBAN_INDEX").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let tree = Path::new(env!("CARGO_MANIFEST_DIR"));
    if tree.join("Cargo.toml").is_file() {
        return tree.join("target").join("vanban-index");
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    cache.join("vanban").join("index")
}

/// The corpus bundled with vanban's source tree, when it is there.
pub fn bundled_corpus() -> Option<PathBuf> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    corpus.is_dir().then_some(corpus)
}
