//! `vanban normalize`.

use std::io::Write;
use std::path::PathBuf;

use crate::args::Common;
use crate::cmd::Outcome;

/// Arguments of `vanban normalize`.
#[derive(Debug, clap::Args)]
pub struct NormalizeArgs {
    /// Files, directories (walked recursively) or `-` for standard input.
    pub paths: Vec<PathBuf>,
}

/// Runs `vanban normalize`.
pub fn run(args: &NormalizeArgs, common: &Common, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let _ = (args, common, out);
    anyhow::bail!("vanban normalize is being built")
}
