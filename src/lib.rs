//! vanban: repair, normalise, extract and search official Vietnamese documents.
//!
//! The pipeline is bytes → [`decode`] → [`normalize_str`] → [`extract`] → [`Record`] (→ the
//! `search` index). Each stage is a function of its own:
//!
//! ```
//! // TCVN3 bytes, as decades of archives keep them (RTF, .doc, .docx, .odt, .xls, .xlsx and PDF
//! // text layers are opened too).
//! let decoded = vanban::decode(b"C\xe9ng h\xdfa x\xb7 h\xe9i", vanban::Encoding::Auto)?;
//! assert_eq!(decoded.text, "Cộng hòa xã hội");
//! assert_eq!(decoded.encoding, vanban::Encoding::Tcvn3);
//!
//! // NFC, one tone-mark style (old by default), invisible characters gone; clean text is
//! // borrowed, not copied.
//! let opts = vanban::Options::default();
//! assert_eq!(vanban::normalize_str("Hoà bình, thuỷ lợi", &opts), "Hòa bình, thủy lợi");
//!
//! // The accent-insensitive form used for matching.
//! assert_eq!(vanban::fold("Đảng bộ tỉnh Bình Phước"), "Dang bo tinh Binh Phuoc");
//!
//! // One record per document: number, type, date, issuer, signer, cited documents, tasks.
//! let record = vanban::extract(
//!     "TỈNH ỦY BÌNH PHƯỚC              ĐẢNG CỘNG SẢN VIỆT NAM\n\
//!      BAN TUYÊN GIÁO\n\
//!      Số 04-CV/BTGTU                  Bình Phước, ngày 05 tháng 3 năm 2024\n\
//!      V/v tuyên truyền kỷ niệm 94 năm Ngày thành lập Đảng\n\n\
//!      Kính gửi: Ban Tuyên giáo các huyện ủy, thị ủy, thành ủy.\n\n\
//!      Thực hiện Hướng dẫn số 125-HD/BTGTW ngày 10/01/2024 của Ban Tuyên giáo Trung ương, \
//!      đề nghị các đơn vị báo cáo kết quả trước ngày 15/3/2024.\n",
//! );
//! assert_eq!(record.number.as_deref(), Some("04-CV/BTGTU"));
//! assert_eq!(record.date.map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
//! assert_eq!(record.references[0].number.as_deref(), Some("125-HD/BTGTW"));
//! # Ok::<(), vanban::Error>(())
//! ```
//!
//! `examples/extract_folder.rs` turns a folder into JSON lines and `examples/search_index.rs`
//! builds and queries an index; the `vanban` command-line tool does both with progress and
//! error reports.
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
#[cfg(test)]
mod testing;

pub use crate::error::{Error, Result};
pub use crate::extract::{extract, extract_bytes, extract_file, extract_with};
pub use crate::normalize::{
    decode, fold, fold_reader, normalize, normalize_reader, normalize_str, Decoded, StreamSummary,
};
pub use crate::options::{Encoding, Options, Tone};
pub use crate::record::Record;
