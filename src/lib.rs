//! vanban: repair, normalise, extract and search official Vietnamese documents.
#![warn(missing_docs)]

mod container;
mod dict;
mod error;
mod extract;
mod normalize;
mod options;
pub mod record;
#[cfg(feature = "search")]
pub mod search;
mod segment;

pub use crate::error::{Error, Result};
pub use crate::extract::{extract, extract_bytes, extract_file, extract_with};
pub use crate::normalize::{
    decode, fold, fold_reader, normalize, normalize_reader, normalize_str, Decoded, StreamSummary,
};
pub use crate::options::{Encoding, Options, Tone};
pub use crate::record::Record;
