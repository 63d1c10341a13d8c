//! `vanban extract`: one record per document, documents extracted in parallel, printed in input
//! order, with a progress line on standard error when it is a terminal.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::args::Common;
use crate::cmd::{detected, Outcome};
use crate::input::{self, Input, InputError};
use crate::output::{Format, RecordWriter};

/// Arguments of `vanban extract`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  vanban extract cong-van.txt                      one record in a JSON array
  vanban extract corpus/ --format jsonl | head -1  the first document's record
  vanban extract corpus/ --format csv -o records.csv
  vanban extract -v --encoding tcvn3 nd94-tcvn3.txt  -v: detected encoding on standard error

A field that the document does not contain is null (or [] for a list). In CSV, list fields are
joined by \" ; \", nested objects are flattened (issuer.name, signer.title, number_parts.system),
people are written \"Name (title, title)\" and references by their number (or their text).")]
pub struct ExtractArgs {
    /// Files, directories (walked recursively) or `-` for standard input.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Documents extracted between two writes: bounds memory on large folders and lets output start
/// early, while keeping both cores busy.
const BATCH: usize = 256;

/// What became of one input.
struct Extracted {
    name: String,
    /// The `-v` line.
    detected: Option<String>,
    /// The record, or the cause to report.
    result: Result<vanban::Record, String>,
}

/// Runs `vanban extract`.
pub fn run(args: &ExtractArgs, common: &Common, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let opts = common.options();
    let skip: Vec<&Path> = args.output.as_deref().into_iter().collect();
    let mut inputs = input::inputs(&args.paths, &skip);
    let mut writer = RecordWriter::new(args.format, out).context("writing output")?;
    let mut outcome = Outcome::default();
    // The walk is lazy (output starts before a large folder is listed), so the count has no end.
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} extracting: {pos} files, {per_sec} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    loop {
        let batch: Vec<_> = inputs.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        // `collect` keeps the order of `batch`: the output is the same on every run.
        let done: Vec<Extracted> = batch
            .par_iter()
            .map(|input| extract_one(input, &opts, common.verbose))
            .collect();
        for extracted in done {
            if let Some(line) = extracted.detected {
                bar.suspend(|| eprintln!("{line}"));
            }
            match extracted.result {
                Ok(record) => writer.write(&record).context("writing output")?,
                Err(cause) => bar.suspend(|| outcome.fail(&extracted.name, cause)),
            }
            bar.inc(1);
        }
        if outcome.failed > 0 {
            bar.set_message(format!("({} failed)", outcome.failed));
        }
    }
    bar.finish_and_clear();
    writer.finish().context("writing output")?;
    Ok(outcome)
}

fn extract_one(
    input: &Result<Input, InputError>,
    opts: &vanban::Options,
    verbose: bool,
) -> Extracted {
    let input = match input {
        Ok(input) => input,
        Err(err) => {
            return Extracted {
                name: err.name.clone(),
                detected: None,
                result: Err(err.error.to_string()),
            }
        }
    };
    let name = input.name();
    let bytes = match input.read() {
        Ok(bytes) => bytes,
        Err(err) => {
            return Extracted {
                name,
                detected: None,
                result: Err(err.to_string()),
            }
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Extracted {
            name,
            detected: None,
            result: Err("not a text document: empty".to_string()),
        };
    }
    // Decode once: the `-v` line and the record both come from the same decoding.
    let opts = opts.clone().source(name.clone());
    let (detected, result) = match vanban::decode(&bytes, opts.input_encoding()) {
        Ok(d) => (
            verbose.then(|| detected(&name, d.encoding, d.confidence, &d.warnings)),
            Ok(vanban::extract_with(&d.text, &opts)),
        ),
        Err(err) => (None, Err(err.to_string())),
    };
    Extracted {
        name,
        detected,
        result,
    }
}
