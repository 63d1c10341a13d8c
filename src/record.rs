//! The record that `vanban extract` prints: one per document, as `../SPEC.md` defines it.
//!
//! Every scalar field that the document does not contain is `None` (JSON `null`) and every list
//! is empty (`[]`): the extractor never guesses and never writes an empty string.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What kind of text a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Kind {
    /// An issued document: it has a number, an issuer header or a signature block.
    Dispatch,
    /// A report about events: headline, byline, publication time.
    News,
    /// Anything else (Q&A pages, speeches, tables).
    #[default]
    Other,
}

impl Kind {
    /// The lower-case name used in JSON, CSV and the index.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Dispatch => "dispatch",
            Kind::News => "news",
            Kind::Other => "other",
        }
    }
}

/// Which numbering grammar a document number follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum System {
    /// Hướng dẫn 36-HD/VPTW: `SEQ-TYPE/ISSUER` (`04-QC/BTGTU`).
    Party,
    /// Nghị định 30/2020/NĐ-CP: `SEQ/TYPE-ISSUER`, `SEQ/YEAR/TYPE-ISSUER`, `SEQ/ISSUER-UNIT`.
    State,
}

impl System {
    /// The lower-case name used in JSON and the index.
    pub fn as_str(self) -> &'static str {
        match self {
            System::Party => "party",
            System::State => "state",
        }
    }
}

/// A calendar date of year, month or day precision, written as reduced-precision ISO 8601:
/// `2021-09-14`, `2021-09`, `2021`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// Four-digit year.
    pub year: u16,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day 1–31, when known (only together with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// A full date; `None` when the day does not exist in that month.
    pub fn ymd(year: u16, month: u8, day: u8) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A month of a year; `None` when the month is not 1–12.
    pub fn ym(year: u16, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A year alone.
    pub fn y(year: u16) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }
}

/// Number of days in `month` of `year` (Gregorian).
pub(crate) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// The error of parsing a [`PartialDate`] from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateError(String);

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a date (YYYY, YYYY-MM or YYYY-MM-DD): {:?}", self.0)
    }
}

impl std::error::Error for ParseDateError {}

impl FromStr for PartialDate {
    type Err = ParseDateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseDateError(s.to_string());
        let mut parts = s.trim().split('-');
        let year_text = parts.next().ok_or_else(err)?;
        if year_text.len() != 4 {
            return Err(err());
        }
        let year: u16 = year_text.parse().map_err(|_| err())?;
        let month: Option<u8> = match parts.next() {
            Some(m) if m.len() == 2 => Some(m.parse().map_err(|_| err())?),
            Some(_) => return Err(err()),
            None => None,
        };
        let day: Option<u8> = match parts.next() {
            Some(d) if d.len() == 2 => Some(d.parse().map_err(|_| err())?),
            Some(_) => return Err(err()),
            None => None,
        };
        if parts.next().is_some() {
            return Err(err());
        }
        match (month, day) {
            (None, _) => Ok(PartialDate::y(year)),
            (Some(m), None) => PartialDate::ym(year, m).ok_or_else(err),
            (Some(m), Some(d)) => PartialDate::ymd(year, m, d).ok_or_else(err),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The parts of a document number (số, ký hiệu).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumberParts {
    /// The sequence number as written (`"04"`, `"123"`); `None` when left blank (`-CV/BTGTU`).
    pub seq: Option<String>,
    /// The year inside the number (`15/2020/NĐ-CP` → `"2020"`).
    pub year: Option<String>,
    /// The document-type code (`QC`, `QĐ`, `NĐ`); `None` for a state công văn.
    pub type_code: Option<String>,
    /// The issuing-body code, with any unit codes (`BTGTU`, `UBND`, `CP`, `UBND-VX`).
    pub issuer_code: Option<String>,
    /// Party or state numbering.
    pub system: System,
}

/// The issuing body, from the header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Issuer {
    /// The body itself (`Ban Tuyên giáo`, `Ủy ban nhân dân tỉnh Bình Định`).
    pub name: String,
    /// The superior body on the line above (`Tỉnh ủy Bình Phước`).
    pub parent: Option<String>,
    /// The body as named in running text (`Ban Tuyên giáo Tỉnh ủy Bình Phước`).
    pub full: Option<String>,
}

/// The signature block.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signer {
    /// The person who signs.
    pub name: Option<String>,
    /// The position line as a phrase (`Trưởng ban`, `Phó Chủ tịch`).
    pub title: Option<String>,
    /// The signing form with whom it is for (`T/M BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`).
    pub authority: Option<String>,
}

/// A person named in the document with a position or an honorific.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Person {
    /// The person's name.
    pub name: String,
    /// Every title seen for the person, in order of first appearance.
    pub titles: Vec<String>,
}

/// Another document that the text cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reference {
    /// The cited number (`04-QC/BTGTU`), `None` for a law or document cited by title only.
    pub number: Option<String>,
    /// The cited document's type (`Quy chế`).
    pub doc_type: Option<String>,
    /// The cited document's date.
    pub date: Option<PartialDate>,
    /// The body that issued the cited document (`Ban Tuyên giáo Tỉnh ủy`).
    pub issuer: Option<String>,
    /// The citation as written.
    pub text: String,
}

/// A task the document assigns or asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActionItem {
    /// The task.
    pub text: String,
    /// Who must do it.
    pub assignees: Vec<String>,
    /// The deadline, when one is stated.
    pub deadline: Option<PartialDate>,
}

/// One document's structured fields.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Record {
    /// The path the document was read from (`-` for standard input), when known.
    pub source: Option<String>,
    /// Dispatch, news or other.
    pub kind: Kind,
    /// The document's own type in full Vietnamese (`Công văn`, `Kế hoạch`).
    pub doc_type: Option<String>,
    /// The document's number and symbol, canonical (`04-QC/BTGTU`, `-CV/BTGTU`).
    pub number: Option<String>,
    /// The parts of `number`.
    pub number_parts: Option<NumberParts>,
    /// Issuing date (dispatch) or publication date (news).
    pub date: Option<PartialDate>,
    /// The place of the place-date line.
    pub place: Option<String>,
    /// The issuing body from the header.
    pub issuer: Option<Issuer>,
    /// Trích yếu: the "V/v …" line or the line(s) under the type title.
    pub subject: Option<String>,
    /// A news report's headline.
    pub title: Option<String>,
    /// The "Kính gửi" list.
    pub recipients: Vec<String>,
    /// The "Nơi nhận" list.
    pub distribution: Vec<String>,
    /// The signature block.
    pub signer: Option<Signer>,
    /// A news report's publication time (`2023-06-14T23:03`, or a date alone).
    pub published_at: Option<String>,
    /// A news report's author(s), from the byline.
    pub author: Option<String>,
    /// The outlet a news report credits (`Báo Bình Phước`, `TTXVN`).
    pub news_source: Option<String>,
    /// People named with a position or an honorific.
    pub people: Vec<Person>,
    /// Other documents the text cites.
    pub references: Vec<Reference>,
    /// Tasks the document assigns.
    pub action_items: Vec<ActionItem>,
    /// What the extractor noticed and could not resolve.
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_round_trip_through_text() {
        for text in ["2021-09-14", "2021-09", "2021", "2024-02-29"] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
        }
        for bad in [
            "2021-13",
            "2021-02-30",
            "21-09",
            "2021-9",
            "",
            "2021-09-14-1",
            "2023-02-29",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn empty_record_serialises_absent_fields_as_null_and_empty_lists() {
        let json = serde_json::to_value(Record::default()).unwrap();
        assert_eq!(json["kind"], "other");
        assert!(json["number"].is_null());
        assert_eq!(json["recipients"], serde_json::json!([]));
        let back: Record = serde_json::from_value(json).unwrap();
        assert_eq!(back, Record::default());
    }
}
