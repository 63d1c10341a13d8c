//! Document numbers (số, ký hiệu): party `SEQ-TYPE/ISSUER` and state `SEQ/TYPE-ISSUER`.

use std::ops::Range;

use crate::record::NumberParts;

/// A document number found in text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumberMatch {
    /// Canonical form: no "Số", no spaces (`04-QC/BTGTU`, `-CV/BTGTU`, `15/2020/NĐ-CP`).
    pub number: String,
    /// Its parts.
    pub parts: NumberParts,
    /// Byte range of the number as written in the searched text.
    pub range: Range<usize>,
}

/// Parses a number standing at the start of `s` (the text after "Số" / "Số:"), tolerating
/// spaces around separators and a blank sequence.
pub(crate) fn parse_number(s: &str) -> Option<NumberMatch> {
    let _ = s;
    None
}

/// Every document number in `text`, in order.
pub(crate) fn find_numbers(text: &str) -> Vec<NumberMatch> {
    let _ = text;
    Vec::new()
}
