//! Command-line arguments (clap derive), as close to the flags as possible.

use std::path::Path;

use clap::{Args, Parser, Subcommand};

use vanban::{Encoding, Tone};

/// Repair, normalise, extract and search official Vietnamese documents.
#[derive(Debug, Parser)]
#[command(name = "vanban", version, about, long_about = None)]
#[command(after_help = "\
Inputs are files, directories (walked recursively in name order, hidden files skipped) or `-`
for standard input; with no input, standard input is read. A bad input is reported on standard
error with its path and the others are still processed; the exit code is then 1 (2 for a usage
or fatal error).

Run `vanban help VERB` for a verb's options and examples.")]
pub struct Cli {
    /// Options common to every verb.
    #[command(flatten)]
    pub common: Common,
    /// The verb.
    #[command(subcommand)]
    pub command: Command,
}

/// Options common to every verb.
#[derive(Debug, Clone, Args)]
pub struct Common {
    /// Tone-mark style of the output: old (hòa, thủy) or new (hoà, thuỷ).
    #[arg(long, value_enum, default_value_t = Tone::Old, global = true)]
    pub tone: Tone,
    /// Input encoding; auto detects it from the bytes.
    #[arg(long, value_enum, default_value_t = Encoding::Auto, global = true)]
    pub encoding: Encoding,
    /// Report what was detected (encoding, confidence) on standard error.
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

impl Common {
    /// The library options these flags ask for.
    pub fn options(&self) -> vanban::Options {
        vanban::Options::default()
            .tone(self.tone)
            .encoding(self.encoding)
    }
}

/// The verbs.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Repair text: legacy encodings to Unicode, NFC, one tone style, broken lines, stray spaces.
    Normalize(crate::cmd::normalize::NormalizeArgs),
    /// Remove diacritics (đ → d) after normalising: the accent-insensitive form.
    Fold(crate::cmd::fold::FoldArgs),
    /// Print one record per document (JSON array, JSON lines or CSV).
    Extract(crate::cmd::extract::ExtractArgs),
    /// Add or update documents in a search index.
    #[cfg(feature = "search")]
    Index(crate::cmd::index::IndexArgs),
    /// Search the index.
    #[cfg(feature = "search")]
    Search(crate::cmd::search::SearchArgs),
}

impl Command {
    /// The file that `-o/--output` names, for the verbs that have the flag.
    pub fn output(&self) -> Option<&Path> {
        match self {
            Command::Normalize(args) => args.output.as_deref(),
            Command::Fold(args) => args.output.as_deref(),
            Command::Extract(args) => args.output.as_deref(),
            #[cfg(feature = "search")]
            Command::Index(_) | Command::Search(_) => None,
        }
    }
}
