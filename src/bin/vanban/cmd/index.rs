//! `vanban index`.

use std::io::Write;
use std::path::PathBuf;

use crate::args::Common;
use crate::cmd::Outcome;

/// Arguments of `vanban index`.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Files, directories (walked recursively) or `-` for standard input.
    pub paths: Vec<PathBuf>,
}

/// Runs `vanban index`.
pub fn run(args: &IndexArgs, common: &Common, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let _ = (args, common, out);
    anyhow::bail!("vanban index is being built")
}
