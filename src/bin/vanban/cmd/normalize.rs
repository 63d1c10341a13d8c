//! `vanban normalize`, and the text pipeline that `vanban fold` shares.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::args::Common;
use crate::cmd::{detected, Outcome};
use crate::input::{self, Input};

/// Arguments of `vanban normalize`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  vanban normalize cong-van.txt                    repaired text on standard output
  vanban normalize --encoding tcvn3 nd94-tcvn3.txt -o nd94.txt
  vanban normalize --tone new corpus/ > all.txt    every file under corpus/, in name order
  cat bao-cao.txt | vanban normalize -v            -v: detected encoding on standard error")]
pub struct NormalizeArgs {
    /// Files, directories (walked recursively) or `-` for standard input.
    pub paths: Vec<PathBuf>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `vanban normalize`.
pub fn run(args: &NormalizeArgs, common: &Common, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    run_text(
        &args.paths,
        args.output.as_deref(),
        common,
        Mode::Normalize,
        out,
    )
}

/// What to do with each input's normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Print it.
    Normalize,
    /// Remove its diacritics, then print it.
    Fold,
}

/// Normalises (and for `Mode::Fold` folds) every input, in order, to `out`, streaming each one
/// in bounded memory. A bad input is reported and skipped; a failed write ends the run.
pub fn run_text(
    paths: &[PathBuf],
    output: Option<&Path>,
    common: &Common,
    mode: Mode,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let opts = common.options();
    let skip: Vec<&Path> = output.into_iter().collect();
    let mut outcome = Outcome::default();
    let mut out = Tracked::new(out);
    for input in input::inputs(paths, &skip) {
        let input = match input {
            Ok(input) => input,
            Err(err) => {
                outcome.fail(&err.name, err.error);
                continue;
            }
        };
        let name = input.name();
        match stream(&input, &mut out, &opts, mode) {
            Streamed::Done(summary) => {
                if common.verbose {
                    let (encoding, confidence) = (summary.encoding, summary.confidence);
                    let line = detected(&name, encoding, confidence, &summary.warnings);
                    eprintln!("{line}");
                }
                // Documents never run into each other.
                if !out.at_line_start {
                    out.write_all(b"\n").context("writing output")?;
                }
            }
            Streamed::BadInput(cause) => outcome.fail(&name, cause),
            Streamed::WriteFailed(err) => return Err(err).context("writing output"),
        }
    }
    out.flush().context("writing output")?;
    Ok(outcome)
}

/// What became of one input.
enum Streamed {
    /// Written in full.
    Done(vanban::StreamSummary),
    /// The input could not be read or decoded: the cause to report.
    BadInput(String),
    /// Writing the output failed: fatal for the whole run.
    WriteFailed(io::Error),
}

fn stream(input: &Input, out: &mut Tracked<'_>, opts: &vanban::Options, mode: Mode) -> Streamed {
    let reader = match input.open() {
        Ok(reader) => reader,
        Err(err) => return Streamed::BadInput(err.to_string()),
    };
    let result = match mode {
        Mode::Normalize => vanban::normalize_reader(reader, &mut *out, opts),
        Mode::Fold => vanban::fold_reader(reader, &mut *out, opts),
    };
    // The library reports read and write errors alike; ours were kept apart by `Tracked`.
    if let Some(err) = out.error.take() {
        return Streamed::WriteFailed(err);
    }
    match result {
        Ok(summary) => Streamed::Done(summary),
        Err(err) => Streamed::BadInput(err.to_string()),
    }
}

/// The output, remembering whether the last byte ended a line and keeping a write error apart
/// from the library's read and decode errors.
struct Tracked<'a> {
    out: &'a mut dyn Write,
    at_line_start: bool,
    error: Option<io::Error>,
}

impl<'a> Tracked<'a> {
    fn new(out: &'a mut dyn Write) -> Self {
        Tracked {
            out,
            at_line_start: true,
            error: None,
        }
    }

    fn keep<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        result.map_err(|err| {
            if err.kind() == io::ErrorKind::Interrupted {
                return err; // retried by `write_all`
            }
            let copy = io::Error::new(err.kind(), err.to_string());
            self.error = Some(err);
            copy
        })
    }
}

impl Write for Tracked<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let result = self.out.write(buf);
        let written = self.keep(result)?;
        if let Some(&last) = buf[..written].last() {
            self.at_line_start = last == b'\n';
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        let result = self.out.flush();
        self.keep(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn common() -> Common {
        Common {
            tone: vanban::Tone::Old,
            encoding: vanban::Encoding::Auto,
            verbose: false,
        }
    }

    /// Accepts `room` bytes, then fails as a closed pipe does.
    struct ClosedPipe {
        room: usize,
    }

    impl Write for ClosedPipe {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_ends_the_run_and_keeps_its_kind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Ủy ban nhân dân tỉnh\n".repeat(100)).unwrap();
        let mut out = ClosedPipe { room: 10 };
        let err = run_text(&[path], None, &common(), Mode::Normalize, &mut out).unwrap_err();
        let kinds: Vec<io::ErrorKind> = err
            .chain()
            .filter_map(|cause| cause.downcast_ref::<io::Error>())
            .map(io::Error::kind)
            .collect();
        assert_eq!(kinds, [io::ErrorKind::BrokenPipe], "{err:#}");
    }

    #[test]
    fn bad_inputs_are_counted_and_documents_end_with_a_line_break() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, "Đảng ủy").unwrap();
        std::fs::write(&b, "Thủy điện").unwrap();
        let paths = [a, dir.path().join("missing.txt"), b];
        let mut out = Vec::new();
        let outcome = run_text(&paths, None, &common(), Mode::Fold, &mut out).unwrap();
        assert_eq!(outcome.failed, 1);
        assert_eq!(String::from_utf8(out).unwrap(), "Dang uy\nThuy dien\n");
    }
}
