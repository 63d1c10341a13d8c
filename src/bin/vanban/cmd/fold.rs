//! `vanban fold`.

use std::io::Write;
use std::path::PathBuf;

use crate::args::Common;
use crate::cmd::Outcome;

/// Arguments of `vanban fold`.
#[derive(Debug, clap::Args)]
pub struct FoldArgs {
    /// Files, directories (walked recursively) or `-` for standard input.
    pub paths: Vec<PathBuf>,
}

/// Runs `vanban fold`.
pub fn run(args: &FoldArgs, common: &Common, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let _ = (args, common, out);
    anyhow::bail!("vanban fold is being built")
}
