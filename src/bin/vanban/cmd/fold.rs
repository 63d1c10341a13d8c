//! `vanban fold`.

use std::io::Write;
use std::path::PathBuf;

use crate::args::Common;
use crate::cmd::normalize::{run_text, Mode};
use crate::cmd::Outcome;

/// Arguments of `vanban fold`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  vanban fold cong-van.txt                  \"Ủy ban nhân dân\" becomes \"Uy ban nhan dan\"
  echo 'Đảng ủy Thủy điện' | vanban fold    prints \"Dang uy Thuy dien\"
  vanban fold --encoding vni old.txt -o old.folded.txt")]
pub struct FoldArgs {
    /// Files, directories (walked recursively) or `-` for standard input.
    pub paths: Vec<PathBuf>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `vanban fold`.
pub fn run(args: &FoldArgs, common: &Common, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    run_text(&args.paths, args.output.as_deref(), common, Mode::Fold, out)
}
