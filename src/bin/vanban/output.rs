//! Output formats of `vanban extract`: one JSON array, JSON lines, or CSV with one row a
//! document.

use std::io::{self, Write};

use vanban::record::{Person, Reference};
use vanban::Record;

/// How `vanban extract` prints its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// One JSON array of records, pretty-printed.
    #[default]
    Json,
    /// One record per line (JSON lines).
    Jsonl,
    /// A header row, then one row per document; list fields joined by " ; ".
    Csv,
}

/// The CSV columns, in order. Nested objects are flattened as `object.field`.
pub const CSV_COLUMNS: [&str; 28] = [
    "source",
    "kind",
    "doc_type",
    "number",
    "number_parts.seq",
    "number_parts.year",
    "number_parts.type_code",
    "number_parts.issuer_code",
    "number_parts.system",
    "date",
    "place",
    "issuer.name",
    "issuer.parent",
    "issuer.full",
    "subject",
    "title",
    "recipients",
    "distribution",
    "signer.name",
    "signer.title",
    "signer.authority",
    "published_at",
    "author",
    "news_source",
    "people",
    "references",
    "action_items",
    "warnings",
];

/// The separator of list items inside one CSV cell.
const LIST_SEPARATOR: &str = " ; ";

/// Writes records one at a time in the chosen format, so that output starts before the last
/// document is read.
pub enum RecordWriter<'a> {
    /// Inside a JSON array; `count` records written so far.
    Json {
        /// Where to write.
        out: &'a mut dyn Write,
        /// Records written so far.
        count: usize,
    },
    /// One JSON object per line.
    Jsonl {
        /// Where to write.
        out: &'a mut dyn Write,
    },
    /// CSV rows after a header.
    Csv {
        /// The CSV writer.
        out: Box<csv::Writer<&'a mut dyn Write>>,
    },
}

impl<'a> RecordWriter<'a> {
    /// Starts the output (the CSV header is written here).
    pub fn new(format: Format, out: &'a mut dyn Write) -> io::Result<Self> {
        Ok(match format {
            Format::Json => RecordWriter::Json { out, count: 0 },
            Format::Jsonl => RecordWriter::Jsonl { out },
            Format::Csv => {
                let mut out = csv::Writer::from_writer(out);
                out.write_record(CSV_COLUMNS).map_err(csv_error)?;
                RecordWriter::Csv { out: Box::new(out) }
            }
        })
    }

    /// Writes one record.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        match self {
            RecordWriter::Json { out, count } => {
                let text = serde_json::to_string_pretty(record)?;
                out.write_all(if *count == 0 { b"[\n" } else { b",\n" })?;
                // JSON strings escape their newlines: every line break here is layout.
                for (i, line) in text.lines().enumerate() {
                    if i > 0 {
                        out.write_all(b"\n")?;
                    }
                    out.write_all(b"  ")?;
                    out.write_all(line.as_bytes())?;
                }
                *count += 1;
                Ok(())
            }
            RecordWriter::Jsonl { out } => {
                serde_json::to_writer(&mut *out, record)?;
                out.write_all(b"\n")
            }
            RecordWriter::Csv { out } => out.write_record(csv_row(record)).map_err(csv_error),
        }
    }

    /// Ends the output (closes the JSON array) and flushes it.
    pub fn finish(self) -> io::Result<()> {
        match self {
            RecordWriter::Json { out, count } => {
                out.write_all(if count == 0 { b"[]\n" } else { b"\n]\n" })?;
                out.flush()
            }
            RecordWriter::Jsonl { out } => out.flush(),
            RecordWriter::Csv { mut out } => out.flush(),
        }
    }
}

/// Keeps the operating system's error (a broken pipe must stay recognisable).
fn csv_error(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        other => io::Error::other(format!("csv: {other:?}")),
    }
}

/// One CSV row: the cells of [`CSV_COLUMNS`], empty where the record has nothing.
pub fn csv_row(record: &Record) -> Vec<String> {
    let text = |value: Option<&str>| value.unwrap_or_default().to_string();
    let parts = record.number_parts.as_ref();
    let issuer = record.issuer.as_ref();
    let signer = record.signer.as_ref();
    let row = vec![
        text(record.source.as_deref()),
        record.kind.as_str().to_string(),
        text(record.doc_type.as_deref()),
        text(record.number.as_deref()),
        text(parts.and_then(|p| p.seq.as_deref())),
        text(parts.and_then(|p| p.year.as_deref())),
        text(parts.and_then(|p| p.type_code.as_deref())),
        text(parts.and_then(|p| p.issuer_code.as_deref())),
        text(parts.map(|p| p.system.as_str())),
        record.date.map(|d| d.to_string()).unwrap_or_default(),
        text(record.place.as_deref()),
        text(issuer.map(|i| i.name.as_str())),
        text(issuer.and_then(|i| i.parent.as_deref())),
        text(issuer.and_then(|i| i.full.as_deref())),
        text(record.subject.as_deref()),
        text(record.title.as_deref()),
        record.recipients.join(LIST_SEPARATOR),
        record.distribution.join(LIST_SEPARATOR),
        text(signer.and_then(|s| s.name.as_deref())),
        text(signer.and_then(|s| s.title.as_deref())),
        text(signer.and_then(|s| s.authority.as_deref())),
        text(record.published_at.as_deref()),
        text(record.author.as_deref()),
        text(record.news_source.as_deref()),
        join(record.people.iter().map(person_cell)),
        join(record.references.iter().map(reference_cell)),
        join(record.action_items.iter().map(|a| a.text.clone())),
        record.warnings.join(LIST_SEPARATOR),
    ];
    debug_assert_eq!(row.len(), CSV_COLUMNS.len());
    row
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(LIST_SEPARATOR)
}

/// "Hà Anh Dũng (UVBTV, Trưởng Ban Tuyên giáo Tỉnh ủy)", or the name alone.
fn person_cell(person: &Person) -> String {
    if person.titles.is_empty() {
        person.name.clone()
    } else {
        format!("{} ({})", person.name, person.titles.join(", "))
    }
}

/// A cited document by its number, or by its citation text when it has none.
fn reference_cell(reference: &Reference) -> String {
    reference
        .number
        .clone()
        .unwrap_or_else(|| reference.text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        serde_json::from_value(serde_json::json!({
            "source": "a.txt",
            "kind": "dispatch",
            "doc_type": "Công văn",
            "number": "-CV/BTGTU",
            "number_parts": {"seq": null, "year": null, "type_code": "CV",
                             "issuer_code": "BTGTU", "system": "party"},
            "date": "2021-09",
            "place": "Bình Phước",
            "issuer": {"name": "Ban Tuyên giáo", "parent": "Tỉnh ủy Bình Phước",
                       "full": "Ban Tuyên giáo Tỉnh ủy Bình Phước"},
            "subject": "tổ chức hội nghị",
            "title": null,
            "recipients": ["Sở Thông tin và Truyền thông", "Đài Phát thanh"],
            "distribution": ["Như trên"],
            "signer": {"name": "Hà Anh Dũng", "title": "Trưởng ban", "authority": null},
            "published_at": null, "author": null, "news_source": null,
            "people": [{"name": "Hà Anh Dũng", "titles": ["UVBTV", "Trưởng ban"]},
                       {"name": "Nguyễn Văn A", "titles": []}],
            "references": [{"number": "04-QC/BTGTU", "doc_type": "Quy chế", "date": "2023-03-20",
                            "issuer": null, "text": "Quy chế số 04-QC/BTGTU"},
                           {"number": null, "doc_type": "Luật", "date": null,
                            "issuer": null, "text": "Luật Báo chí"}],
            "action_items": [],
            "warnings": []
        }))
        .unwrap()
    }

    fn cell<'r>(row: &'r [String], column: &str) -> &'r str {
        let i = CSV_COLUMNS.iter().position(|c| *c == column).unwrap();
        &row[i]
    }

    #[test]
    fn csv_row_flattens_objects_and_joins_lists() {
        let row = csv_row(&record());
        assert_eq!(row.len(), CSV_COLUMNS.len());
        assert_eq!(cell(&row, "number_parts.system"), "party");
        assert_eq!(cell(&row, "number_parts.seq"), "");
        assert_eq!(cell(&row, "issuer.parent"), "Tỉnh ủy Bình Phước");
        assert_eq!(cell(&row, "signer.title"), "Trưởng ban");
        assert_eq!(cell(&row, "date"), "2021-09");
        assert_eq!(
            cell(&row, "recipients"),
            "Sở Thông tin và Truyền thông ; Đài Phát thanh"
        );
        assert_eq!(
            cell(&row, "people"),
            "Hà Anh Dũng (UVBTV, Trưởng ban) ; Nguyễn Văn A"
        );
        assert_eq!(cell(&row, "references"), "04-QC/BTGTU ; Luật Báo chí");
    }

    #[test]
    fn json_array_is_valid_json_empty_or_not() {
        for n in [0, 1, 3] {
            let mut buf = Vec::new();
            let mut writer = RecordWriter::new(Format::Json, &mut buf).unwrap();
            for _ in 0..n {
                writer.write(&record()).unwrap();
            }
            writer.finish().unwrap();
            let back: Vec<Record> = serde_json::from_slice(&buf).unwrap();
            assert_eq!(back.len(), n);
            assert!(back.iter().all(|r| *r == record()));
        }
    }
}
