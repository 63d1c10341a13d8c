//! Every field of the index, in one place.

use tantivy::schema::{
    DateOptions, FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
    FAST, STORED, STRING,
};
use tantivy::DateTime;

use crate::record::PartialDate;
use crate::search::analyzer::{VI, VI_BIGRAMS};

/// The facet fields, in the order `vanban search` reports them.
pub const FACETS: [&str; 7] = [
    "doc_type", "kind", "issuer", "place", "year", "system", "people",
];

/// Handles to the fields of vanban's schema.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    /// The path the document was read from: the key of incremental indexing.
    pub source: Field,
    /// Content hash (with the vanban version and tone style) of the indexed file.
    pub hash: Field,
    /// The normalised text, stored for snippets.
    pub body: Field,
    /// A news report's headline.
    pub title: Field,
    /// Trích yếu.
    pub subject: Field,
    /// Searchable headings and metadata: title, subject, type, number, issuer, place, signer
    /// and people, one text (title and subject are stored apart for output).
    pub meta: Field,
    /// The canonical number, stored for output.
    pub number: Field,
    /// Every spelling of the document's own number ([`number_keys`]).
    pub number_key: Field,
    /// The keys of the numbers the document cites.
    pub cites: Field,
    /// First day of the document's date (a month or year date covers the whole period).
    pub date: Field,
    /// Last day of the document's date.
    pub date_end: Field,
    /// The date as written in the record (`2021-09`), for output.
    pub date_text: Field,
    /// The issuer as named in running text, for output.
    pub issuer_full: Field,
    /// Facets.
    pub doc_type: Field,
    pub kind: Field,
    pub issuer: Field,
    pub place: Field,
    pub year: Field,
    pub system: Field,
    pub people: Field,
}

impl Fields {
    /// Builds the schema and its field handles.
    pub fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        // The body keeps positions, for phrases; headings and metadata carry bigram terms
        // instead (small fields: cheap to index, one lookup per pair at query time).
        let body = TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(VI)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored();
        let meta = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(VI_BIGRAMS)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let date = || DateOptions::default().set_indexed().set_fast();
        let facet = FacetOptions::default;
        let fields = Fields {
            source: b.add_text_field("source", STRING | STORED | FAST),
            hash: b.add_text_field("hash", STRING | STORED | FAST),
            body: b.add_text_field("body", body),
            title: b.add_text_field("title", STORED),
            subject: b.add_text_field("subject", STORED),
            meta: b.add_text_field("meta", meta),
            number: b.add_text_field("number", STRING | STORED),
            number_key: b.add_text_field("number_key", STRING),
            cites: b.add_text_field("cites", STRING),
            date: b.add_date_field("date", date()),
            date_end: b.add_date_field("date_end", date()),
            date_text: b.add_text_field("date_text", STORED),
            issuer_full: b.add_text_field("issuer_full", STORED),
            doc_type: b.add_facet_field("doc_type", facet().set_stored()),
            kind: b.add_facet_field("kind", facet()),
            issuer: b.add_facet_field("issuer", facet()),
            place: b.add_facet_field("place", facet()),
            year: b.add_facet_field("year", facet()),
            system: b.add_facet_field("system", facet()),
            people: b.add_facet_field("people", facet()),
        };
        (b.build(), fields)
    }

    /// Handles to the fields of an existing index's schema; `None` when a field is missing or
    /// of another type (an index built by another version of vanban).
    pub fn of(schema: &Schema) -> Option<Fields> {
        let (ours, fields) = Fields::build();
        for (field, entry) in ours.fields() {
            let theirs = schema.get_field(entry.name()).ok()?;
            if theirs != field || schema.get_field_entry(theirs) != entry {
                return None;
            }
        }
        (schema.num_fields() == ours.num_fields()).then_some(fields)
    }

    /// The facet field called `name`.
    pub fn facet(&self, name: &str) -> Option<Field> {
        Some(match name {
            "doc_type" => self.doc_type,
            "kind" => self.kind,
            "issuer" => self.issuer,
            "place" => self.place,
            "year" => self.year,
            "system" => self.system,
            "people" => self.people,
            _ => return None,
        })
    }
}

/// The separators-free key of a number: folded, lower case, parts joined by one space
/// (`04-QC/BTGTU`, `04 QC BTGTU`, `04-qc/btgtu` → `04 qc btgtu`). The analyzer turns every
/// number in the text into the same form.
pub(crate) fn number_key(number: &str) -> String {
    let folded = super::analyzer::fold_lower(number);
    let mut key = String::with_capacity(folded.len());
    for part in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(part);
    }
    key
}

/// Every spelling of a number the `number_key` field holds: as written (`04-QC/BTGTU`), lower
/// case and folded (`04-qc/btgtu`), its key (`04 qc btgtu`) and the key's prefixes that end in
/// a letter part (`04 qc`, for "số 04-QC").
pub(crate) fn number_keys(number: &str) -> Vec<String> {
    let mut keys = vec![number.to_string(), super::analyzer::fold_lower(number)];
    let key = number_key(number);
    let parts: Vec<&str> = key.split(' ').collect();
    for k in 2..parts.len() {
        if parts[k - 1].chars().any(char::is_alphabetic) {
            keys.push(parts[..k].join(" "));
        }
    }
    keys.push(key);
    keys.sort();
    keys.dedup();
    keys.retain(|k| !k.is_empty());
    keys
}

/// Days from 1970-01-01 to a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The first and last day a partial date covers (`2021-09` → 1 and 30 September 2021).
pub(crate) fn date_span(date: &PartialDate) -> (DateTime, DateTime) {
    let y = i64::from(date.year);
    let (m0, m1) = date.month.map_or((1, 12), |m| (m, m));
    let d0 = date.day.unwrap_or(1);
    let d1 = date
        .day
        .unwrap_or_else(|| crate::record::days_in_month(date.year, m1));
    let at = |m: u8, d: u8| {
        DateTime::from_timestamp_secs(days_from_civil(y, i64::from(m), i64::from(d)) * 86_400)
    };
    (at(m0, d0), at(m1, d1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_spellings_meet_in_one_key() {
        for spelling in [
            "04-QC/BTGTU",
            "04 QC BTGTU",
            "04-qc/btgtu",
            "04 - QC / BTGTU",
        ] {
            assert_eq!(number_key(spelling), "04 qc btgtu", "{spelling}");
        }
        assert_eq!(number_key("15/2020/NĐ-CP"), "15 2020 nd cp");
        assert_eq!(
            number_keys("04-QC/BTGTU"),
            ["04 qc", "04 qc btgtu", "04-QC/BTGTU", "04-qc/btgtu"]
        );
        assert_eq!(
            number_keys("123/QĐ-UBND"),
            ["123 qd", "123 qd ubnd", "123/QĐ-UBND", "123/qd-ubnd"]
        );
    }

    #[test]
    fn partial_dates_cover_their_period() {
        let secs = |d: DateTime| d.into_timestamp_secs() / 86_400;
        let (a, b) = date_span(&PartialDate::y(1970));
        assert_eq!((secs(a), secs(b)), (0, 364));
        let (a, b) = date_span(&"2024-02".parse().expect("valid date"));
        assert_eq!(secs(b) - secs(a), 28);
        let (a, b) = date_span(&"2023-03-20".parse().expect("valid date"));
        assert_eq!(a, b);
        assert_eq!(secs(a), 19_436);
    }

    #[test]
    fn an_index_schema_is_recognised_only_when_it_is_ours() {
        let (schema, _) = Fields::build();
        assert!(Fields::of(&schema).is_some());
        let mut other = Schema::builder();
        other.add_text_field("source", STRING);
        assert!(Fields::of(&other.build()).is_none());
    }
}
