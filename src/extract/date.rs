//! Date expressions (research §6): "ngày 05 tháng 3 năm 2020", "ngày 14/7/2022", "22-10-2018",
//! "tháng 9/2021", a blank day ("ngày tháng 9 năm 2021" → 2021-09).

use std::ops::Range;

use crate::record::PartialDate;

/// A date found in text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateMatch {
    /// The date, at the precision written.
    pub date: PartialDate,
    /// Byte range in the searched text.
    pub range: Range<usize>,
}

/// Every calendar date in `text`, in order (not quarters, not durations, not number parts).
pub(crate) fn find_dates(text: &str) -> Vec<DateMatch> {
    let _ = text;
    Vec::new()
}

/// A place-date line ("Bình Phước, ngày tháng 9 năm 2021"): the place and the date.
pub(crate) fn parse_place_date(line: &str) -> Option<(Option<String>, Option<PartialDate>)> {
    let _ = line;
    None
}
