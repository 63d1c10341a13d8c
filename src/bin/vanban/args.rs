//! Command-line arguments (clap derive), as close to the flags as possible.

use clap::{Args, Parser, Subcommand};

use vanban::{Encoding, Tone};

/// Repair, normalise, extract and search official Vietnamese documents.
#[derive(Debug, Parser)]
#[command(name = "vanban", version, about, long_about = None)]
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
