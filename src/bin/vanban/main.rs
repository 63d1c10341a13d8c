//! The `vanban` command-line tool: parses the flags, runs one verb, sets the exit code.
//!
//! Exit codes: 0 when every input was processed (a closed pipe, as in `vanban extract … | head`,
//! counts as success), 1 when some input failed (each one reported on standard error with its
//! path), 2 on a usage error or a fatal one (the output file cannot be written).

mod args;
mod cmd;
mod input;
mod output;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use crate::args::{Cli, Command};
use crate::cmd::Outcome;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(outcome) if outcome.failed == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("vanban: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Opens the output (standard output or `-o FILE`), runs the verb and flushes.
fn run(cli: &Cli) -> anyhow::Result<Outcome> {
    let stdout = io::stdout();
    let mut out: Box<dyn Write> = match cli.command.output() {
        Some(path) => {
            refuse_input_as_output(&cli.command, path)?;
            let file = File::create(path).with_context(|| path.display().to_string())?;
            Box::new(BufWriter::new(file))
        }
        None => Box::new(BufWriter::new(stdout.lock())),
    };
    let outcome = match &cli.command {
        Command::Normalize(args) => cmd::normalize::run(args, &cli.common, &mut out),
        Command::Fold(args) => cmd::fold::run(args, &cli.common, &mut out),
        Command::Extract(args) => cmd::extract::run(args, &cli.common, &mut out),
        #[cfg(feature = "search")]
        Command::Index(args) => cmd::index::run(args, &cli.common, &mut out),
        #[cfg(feature = "search")]
        Command::Search(args) => cmd::search::run(args, &cli.common, &mut out),
    }?;
    out.flush().context("writing output")?;
    Ok(outcome)
}

/// `vanban normalize a.txt -o a.txt` would empty `a.txt` before reading it.
fn refuse_input_as_output(command: &Command, output: &Path) -> anyhow::Result<()> {
    let paths = match command {
        Command::Normalize(args) => &args.paths,
        Command::Fold(args) => &args.paths,
        Command::Extract(args) => &args.paths,
        #[cfg(feature = "search")]
        Command::Index(_) | Command::Search(_) => return Ok(()),
    };
    let Ok(output) = output.canonicalize() else {
        return Ok(()); // does not exist yet, so it is no input
    };
    for path in paths {
        if path.canonicalize().is_ok_and(|path| path == output) {
            anyhow::bail!("{}: the output file is also an input", path.display());
        }
    }
    Ok(())
}

/// `vanban extract … | head` closes the pipe early: that is success, not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
