//! Field extraction: normalised text → segments → one extractor per field family → [`Record`].

use std::path::Path;

use crate::error::{Error, Result};
use crate::options::Options;
use crate::record::{Kind, Person, Record, Signer};
use crate::segment::{segment, Segments};

pub(crate) mod actions;
pub(crate) mod date;
pub(crate) mod header;
pub(crate) mod kind;
pub(crate) mod news;
pub(crate) mod number;
pub(crate) mod people;
pub(crate) mod recipients;
pub(crate) mod references;
pub(crate) mod signature;
pub(crate) mod subject;

/// Extracts the record of one document from its text (any normalisation state: the text is
/// normalised first with default options).
pub fn extract(text: &str) -> Record {
    extract_with(text, &Options::default())
}

/// Extracts the record of one document with the given options (tone style, source name).
///
/// The text is normalised, split into segments (header, title, recipients, body, signature,
/// distribution; news frame; boilerplate dropped), and each field is read from its segment.
/// Nothing is guessed: what the document does not say stays `None` / empty, and what could
/// not be read is reported in `warnings`.
pub fn extract_with(text: &str, opts: &Options) -> Record {
    let text = crate::normalize::normalize_str(text, opts);
    let seg = segment(&text);
    let mut record = Record {
        source: opts.source_name().map(str::to_string),
        kind: kind::kind(&seg),
        ..Record::default()
    };
    fill(&mut record, &seg);
    record
}

fn fill(record: &mut Record, seg: &Segments<'_>) {
    let mut warnings = Vec::new();
    match record.kind {
        Kind::Dispatch => {
            let h = header::header(seg, &mut warnings);
            record.doc_type = h.doc_type;
            record.number = h.number;
            record.number_parts = h.number_parts;
            record.date = h.date;
            record.place = h.place;
            record.issuer = h.issuer;
            record.subject = subject::subject(seg);
            record.recipients = recipients::recipients(seg);
            record.distribution = recipients::distribution(seg);
            record.signer = signature::signer(seg);
            if record.doc_type.is_none() && record.number_parts.is_none() && !record.recipients.is_empty() {
                // A công văn whose header was lost: it opens with "Kính gửi" and has no title
                // (dev/d024, d027).
                record.doc_type = Some("Công văn".to_string());
            }
        }
        Kind::News | Kind::Other => {
            let n = news::news(seg);
            record.title = n.title;
            if record.kind == Kind::News {
                record.published_at = n.published_at;
                record.date = n.date;
                record.author = n.author;
                record.news_source = n.source;
            }
        }
    }
    let body = seg.body_text();
    // Citations may sit in the subject or title block too ("V/v triển khai Kế hoạch số …").
    let mut cited = seg.text(seg.subject.clone());
    cited.push_str(&body);
    record.references = references::references(&cited, record.number.as_deref());
    record.people = people::people(&body);
    if let Some(signer) = &record.signer {
        merge_signer(&mut record.people, signer);
    }
    record.action_items = actions::action_items(&body);
    record.warnings = warnings;
}

/// Adds the signer to `people` (CONVENTIONS): once, with the signature's title unless a title
/// already seen for the person begins with it.
fn merge_signer(people: &mut Vec<Person>, signer: &Signer) {
    let Some(name) = signer.name.as_deref() else {
        return;
    };
    let key = name.to_lowercase();
    let title = signer.title.as_deref();
    match people.iter_mut().find(|p| p.name.to_lowercase() == key) {
        Some(p) => {
            if let Some(t) = title {
                let t_l = t.to_lowercase();
                if !p.titles.iter().any(|x| x.to_lowercase().starts_with(&t_l)) {
                    p.titles.push(t.to_string());
                }
            }
        }
        None => people.push(Person {
            name: name.to_string(),
            titles: title.map(|t| vec![t.to_string()]).unwrap_or_default(),
        }),
    }
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
