//! Adding documents: one tantivy document per file, replaced by source path and content hash.

use std::collections::HashMap;
use std::path::Path;

use tantivy::schema::Facet;
use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::options::Options;
use crate::record::Record;
use crate::search::schema::{date_span, number_key, number_keys, Fields};
use crate::search::Index;

/// Memory the writer may use before it flushes a segment (split over its threads).
const WRITER_BUDGET: usize = 128 * 1024 * 1024;

/// What indexing one file did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Change {
    /// The file was new to the index.
    Added,
    /// The file was indexed before with other bytes: its old entry was replaced.
    Updated,
    /// The file was indexed before with the same bytes: nothing was done.
    Unchanged,
}

/// A document ready to index: decoded, normalised, extracted and hashed. Building one is the
/// expensive part and needs no index, so callers may prepare files in parallel and hand them to
/// one [`Indexer`].
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The key of the document in the index: its path.
    pub source: String,
    /// The content hash ([`content_hash`]).
    pub hash: String,
    /// The normalised text, without web-page boilerplate: what is indexed and shown.
    pub text: String,
    /// The extracted record.
    pub record: Record,
}

impl Prepared {
    /// Decodes, normalises and extracts `bytes` read from `source`.
    ///
    /// # Errors
    /// [`Error::NotText`] for empty or binary input and whatever [`crate::normalize`] reports.
    pub fn from_bytes(source: &str, bytes: &[u8], opts: &Options) -> Result<Prepared> {
        let hash = content_hash(bytes, opts);
        if bytes.contains(&0) {
            return Err(Error::NotText("binary data (NUL bytes)".into()));
        }
        let text = crate::normalize::normalize(bytes, opts)?;
        Prepared::from_text(source, hash, text, opts)
    }

    /// Extracts a document whose text is already normalised; `hash` identifies its content.
    ///
    /// # Errors
    /// [`Error::NotText`] when the text is empty.
    pub fn from_text(source: &str, hash: String, text: String, opts: &Options) -> Result<Prepared> {
        if text.trim().is_empty() {
            return Err(Error::NotText("empty".into()));
        }
        let opts = opts.clone().source(source);
        let record = crate::extract::extract_with(&text, &opts);
        Ok(Prepared {
            source: source.to_string(),
            hash,
            text: document_text(&text),
            record,
        })
    }
}

/// The text that is indexed and shown in snippets: the document's lines cleaned of markup
/// debris, web-page boilerplate (menus, "Ý kiến bạn đọc", related news, view counters) left out,
/// as the extractors see them.
fn document_text(text: &str) -> String {
    let segments = crate::segment::segment(text);
    segments.text(0..segments.lines.len())
}

/// The hash that decides whether a file changed: its bytes, and what else shapes its entry
/// (the vanban version, tone style and encoding), so that upgrading vanban re-extracts.
pub fn content_hash(bytes: &[u8], opts: &Options) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(&[0]);
    hasher.update(format!("{:?}/{}", opts.tone_style(), opts.input_encoding()).as_bytes());
    hasher.update(&[0]);
    hasher.update(bytes);
    hasher.finalize().to_hex().to_string()
}

/// Adds, replaces and removes documents of an [`Index`]. Changes become visible, all at once,
/// at [`Indexer::commit`]; a crash before it leaves the index as it was at the last commit.
pub struct Indexer<'a> {
    index: &'a Index,
    writer: IndexWriter,
    /// Source → hash of every document, committed or pending.
    known: HashMap<String, String>,
    /// Documents added or removed since the last commit.
    pending: usize,
}

impl<'a> Indexer<'a> {
    pub(crate) fn new(index: &'a Index) -> Result<Indexer<'a>> {
        Indexer::with_threads(index, 0)
    }

    /// An indexer whose writer uses `threads` indexing threads (0: tantivy's choice, one per
    /// core up to 8).
    ///
    /// # Errors
    /// [`Error::Index`] when another process is writing to the index.
    pub fn with_threads(index: &'a Index, threads: usize) -> Result<Indexer<'a>> {
        let writer = if threads == 0 {
            index.inner.writer(WRITER_BUDGET)
        } else {
            index.inner.writer_with_num_threads(threads, WRITER_BUDGET)
        }
        .map_err(|e| index.error(e))?;
        let known = committed_sources(index)?;
        Ok(Indexer {
            index,
            writer,
            known,
            pending: 0,
        })
    }

    /// Whether `source` is in the index with this `hash` (indexing it again would change
    /// nothing).
    pub fn is_unchanged(&self, source: &str, hash: &str) -> bool {
        self.known.get(source).is_some_and(|h| h == hash)
    }

    /// The sources in the index, committed or pending, in no particular order.
    pub fn sources(&self) -> impl Iterator<Item = &str> {
        self.known.keys().map(String::as_str)
    }

    /// Documents added, replaced or removed since the last commit.
    pub fn pending(&self) -> usize {
        self.pending
    }

    /// Adds a prepared document, replacing the entry of the same source if its hash differs.
    ///
    /// # Errors
    /// [`Error::Index`] when the writer has failed (disk full, a killed merge thread).
    pub fn add(&mut self, doc: Prepared) -> Result<Change> {
        if self.is_unchanged(&doc.source, &doc.hash) {
            return Ok(Change::Unchanged);
        }
        let fields = &self.index.fields;
        let change = if self.known.contains_key(&doc.source) {
            self.writer
                .delete_term(Term::from_field_text(fields.source, &doc.source));
            Change::Updated
        } else {
            Change::Added
        };
        let document = document(fields, &doc);
        self.writer
            .add_document(document)
            .map_err(|e| self.index.error(e))?;
        self.known.insert(doc.source, doc.hash);
        self.pending += 1;
        Ok(change)
    }

    /// Normalises, extracts and adds `text`, read from `source`.
    ///
    /// # Errors
    /// [`Error::NotText`] for an empty text, [`Error::Index`] as [`Indexer::add`].
    pub fn add_text(&mut self, source: &str, text: &str, opts: &Options) -> Result<Change> {
        let hash = content_hash(text.as_bytes(), opts);
        if self.is_unchanged(source, &hash) {
            return Ok(Change::Unchanged);
        }
        let normalized = crate::normalize::normalize_str(text, opts).into_owned();
        self.add(Prepared::from_text(source, hash, normalized, opts)?)
    }

    /// Reads and adds the file at `path` (its source is the path as given). An unchanged file
    /// is hashed but not extracted again.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, [`Error::NotText`] for an empty or binary
    /// file, [`Error::Index`] as [`Indexer::add`].
    pub fn add_file(&mut self, path: &Path, opts: &Options) -> Result<Change> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let source = path.display().to_string();
        if self.is_unchanged(&source, &content_hash(&bytes, opts)) {
            return Ok(Change::Unchanged);
        }
        self.add(Prepared::from_bytes(&source, &bytes, opts)?)
    }

    /// Removes the document of `source`; returns whether there was one.
    pub fn remove(&mut self, source: &str) -> bool {
        if self.known.remove(source).is_none() {
            return false;
        }
        self.writer
            .delete_term(Term::from_field_text(self.index.fields.source, source));
        self.pending += 1;
        true
    }

    /// Removes every document whose source `keep` rejects (`--prune`: files gone from disk);
    /// returns the removed sources, sorted.
    pub fn prune(&mut self, keep: impl Fn(&str) -> bool) -> Vec<String> {
        let mut gone: Vec<String> = self
            .known
            .keys()
            .filter(|source| !keep(source))
            .cloned()
            .collect();
        gone.sort();
        for source in &gone {
            self.remove(source);
        }
        gone
    }

    /// Makes every change so far durable and visible to searches, atomically.
    ///
    /// # Errors
    /// [`Error::Index`] when writing fails; the index then stays at the previous commit.
    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit().map_err(|e| self.index.error(e))?;
        self.pending = 0;
        self.index.reload()
    }

    /// Commits, then waits for background merges to end so the process may exit.
    ///
    /// # Errors
    /// As [`Indexer::commit`].
    pub fn finish(mut self) -> Result<()> {
        self.commit()?;
        let index = self.index;
        self.writer
            .wait_merging_threads()
            .map_err(|e| index.error(e))?;
        index.reload()
    }
}

/// Source → hash of every committed, live document, read from the fast fields.
fn committed_sources(index: &Index) -> Result<HashMap<String, String>> {
    let searcher = index.reader.searcher();
    let mut known = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let (Some(sources), Some(hashes)) = (
            fast.str("source").map_err(|e| index.error(e))?,
            fast.str("hash").map_err(|e| index.error(e))?,
        ) else {
            continue;
        };
        let (mut source, mut hash) = (String::new(), String::new());
        for doc in segment.doc_ids_alive() {
            let (Some(s), Some(h)) = (sources.term_ords(doc).next(), hashes.term_ords(doc).next())
            else {
                continue;
            };
            let read = sources
                .ord_to_str(s, &mut source)
                .map_err(|e| index.error(e))?
                && hashes
                    .ord_to_str(h, &mut hash)
                    .map_err(|e| index.error(e))?;
            if read {
                known.insert(source.clone(), hash.clone());
            }
        }
    }
    Ok(known)
}

/// Searchable metadata pieces are joined with this, so no bigram spans two of them.
const META_SEPARATOR: &str = " .\n";

/// The tantivy document of one prepared file.
fn document(f: &Fields, doc: &Prepared) -> TantivyDocument {
    let r = &doc.record;
    let mut d = TantivyDocument::new();
    d.add_text(f.source, &doc.source);
    d.add_text(f.hash, &doc.hash);
    d.add_text(f.body, &doc.text);
    if let Some(title) = &r.title {
        d.add_text(f.title, title);
    }
    if let Some(subject) = &r.subject {
        d.add_text(f.subject, subject);
    }

    let mut meta: Vec<&str> = Vec::new();
    meta.extend(r.title.as_deref());
    meta.extend(r.subject.as_deref());
    meta.extend(r.doc_type.as_deref());
    meta.extend(r.number.as_deref());
    meta.extend(r.place.as_deref());
    meta.extend(r.news_source.as_deref());
    if let Some(issuer) = &r.issuer {
        meta.push(&issuer.name);
        meta.extend(issuer.parent.as_deref());
        meta.extend(issuer.full.as_deref());
    }
    if let Some(signer) = &r.signer {
        meta.extend(signer.name.as_deref());
    }
    meta.extend(r.people.iter().map(|p| p.name.as_str()));
    if !meta.is_empty() {
        d.add_text(f.meta, meta.join(META_SEPARATOR));
    }

    if let Some(number) = &r.number {
        d.add_text(f.number, number);
        for key in number_keys(number) {
            d.add_text(f.number_key, key);
        }
    }
    let own = r.number.as_deref().map(number_key);
    let mut cited: Vec<String> = r
        .references
        .iter()
        .filter_map(|reference| reference.number.as_deref())
        .map(number_key)
        .filter(|key| !key.is_empty() && Some(key) != own.as_ref())
        .collect();
    cited.sort();
    cited.dedup();
    for key in cited {
        d.add_text(f.cites, key);
    }

    if let Some(date) = &r.date {
        let (start, end) = date_span(date);
        d.add_date(f.date, start);
        d.add_date(f.date_end, end);
        d.add_text(f.date_text, date.to_string());
        d.add_facet(f.year, Facet::from_path([date.year.to_string()]));
    }
    if let Some(issuer) = &r.issuer {
        d.add_text(
            f.issuer_full,
            issuer.full.as_deref().unwrap_or(&issuer.name),
        );
        let facet = match &issuer.parent {
            Some(parent) => Facet::from_path([parent.as_str(), issuer.name.as_str()]),
            None => Facet::from_path([issuer.name.as_str()]),
        };
        d.add_facet(f.issuer, facet);
    }
    if let Some(doc_type) = &r.doc_type {
        d.add_facet(f.doc_type, Facet::from_path([doc_type.as_str()]));
    }
    d.add_facet(f.kind, Facet::from_path([r.kind.as_str()]));
    if let Some(place) = &r.place {
        d.add_facet(f.place, Facet::from_path([place.as_str()]));
    }
    if let Some(parts) = &r.number_parts {
        d.add_facet(f.system, Facet::from_path([parts.system.as_str()]));
    }
    let mut people: Vec<&str> = r.people.iter().map(|p| p.name.as_str()).collect();
    people.sort_unstable();
    people.dedup();
    for name in people {
        d.add_facet(f.people, Facet::from_path([name]));
    }
    d
}
