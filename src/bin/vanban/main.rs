//! The `vanban` command-line tool: parses the flags, runs one verb, sets the exit code.

mod args;
mod cmd;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Command::Normalize(args) => cmd::normalize::run(args, &cli.common, &mut out),
        Command::Fold(args) => cmd::fold::run(args, &cli.common, &mut out),
        Command::Extract(args) => cmd::extract::run(args, &cli.common, &mut out),
        #[cfg(feature = "search")]
        Command::Index(args) => cmd::index::run(args, &cli.common, &mut out),
        #[cfg(feature = "search")]
        Command::Search(args) => cmd::search::run(args, &cli.common, &mut out),
    };
    let result = result.and_then(|outcome| out.flush().map(|()| outcome).map_err(Into::into));
    match result {
        Ok(outcome) if outcome.failed == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("vanban: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// `vanban extract … | head` closes the pipe early: that is success, not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
