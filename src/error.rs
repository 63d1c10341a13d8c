//! The library's error type.

use std::path::PathBuf;

use crate::options::Encoding;

/// What can go wrong when vanban reads a document or an index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not a text document (NUL bytes, or no decoder yields Vietnamese letters).
    #[error("not a text document: {0}")]
    NotText(String),
    /// `--encoding` forced a decoder that the bytes do not fit.
    #[error("not valid {encoding}: byte {byte:#04x} at offset {offset}")]
    Decode {
        /// The encoding that was asked for.
        encoding: Encoding,
        /// The first byte that does not fit.
        byte: u8,
        /// Its offset in the input.
        offset: usize,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// Reading or writing a stream failed.
    #[error("{0}")]
    Stream(#[from] std::io::Error),
    /// The search index could not be opened, read or written.
    #[cfg(feature = "search")]
    #[error("index {}: {message}", path.display())]
    Index {
        /// The index directory.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A search request that cannot be answered (bad date, unknown facet).
    #[error("bad query: {0}")]
    Query(String),
}

/// `Result` with vanban's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
