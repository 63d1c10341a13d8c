//! `vanban search`.

use std::io::Write;

use crate::args::Common;
use crate::cmd::Outcome;

/// Arguments of `vanban search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query: words with or without diacritics, abbreviations, document numbers.
    pub query: String,
}

/// Runs `vanban search`.
pub fn run(args: &SearchArgs, common: &Common, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let _ = (args, common, out);
    anyhow::bail!("vanban search is being built")
}
