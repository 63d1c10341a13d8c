//! `vanban extract`.

use std::io::Write;
use std::path::PathBuf;

use crate::args::Common;
use crate::cmd::Outcome;

/// Arguments of `vanban extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Files, directories (walked recursively) or `-` for standard input.
    pub paths: Vec<PathBuf>,
}

/// Runs `vanban extract`.
pub fn run(args: &ExtractArgs, common: &Common, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let _ = (args, common, out);
    anyhow::bail!("vanban extract is being built")
}
