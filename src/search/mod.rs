//! Full-text and faceted search over records, in tantivy (feature `search`).
//!
//! An [`Index`] lives in a directory. An [`Indexer`] adds files to it: each file is keyed by its
//! path and a hash of its bytes, so indexing again skips unchanged files and replaces changed
//! ones. A [`SearchRequest`] is plain text (with or without diacritics, in either tone style,
//! with abbreviations and document numbers in any common spelling) plus filters; it never fails
//! to parse.
//!
//! ```
//! use vanban::search::{Index, SearchRequest};
//!
//! let dir = tempfile::tempdir()?;
//! let index = Index::open_or_create(dir.path())?;
//! let mut indexer = index.indexer()?;
//! let text = "TỈNH ỦY BÌNH PHƯỚC\nBAN TUYÊN GIÁO\nSố 04-QC/BTGTU\n\
//!             Quy chế tuyên truyền đại hội Đảng bộ tỉnh";
//! indexer.add_text("quy-che.txt", text, &vanban::Options::default())?;
//! indexer.commit()?;
//!
//! // No accents, another spelling of the number: the document is found all the same.
//! for query in ["tuyen truyen dai hoi", "04 QC BTGTU", "số 04-qc"] {
//!     let results = index.search(&SearchRequest::new(query))?;
//!     assert_eq!(results.hits[0].source, "quy-che.txt", "{query}");
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod analyzer;
mod indexer;
mod query;
mod schema;
mod snippet;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::MmapDirectory;
use tantivy::{IndexReader, ReloadPolicy};

pub use self::analyzer::{
    register_analyzers, vietnamese_analyzer, vietnamese_bigram_analyzer, BigramFilter,
    SyllableTokenizer, VI, VI_BIGRAMS,
};
pub use self::indexer::{content_hash, Change, Indexer, Prepared};
pub use self::query::{FacetCount, Hit, SearchRequest, SearchResults};
pub use self::schema::FACETS;

use self::query::FacetCache;
use self::schema::Fields;
use crate::error::{Error, Result};

/// A vanban search index: a tantivy index with vanban's schema and analyzers.
pub struct Index {
    inner: tantivy::Index,
    fields: Fields,
    reader: IndexReader,
    /// The directory, or `None` for an index in memory.
    path: Option<PathBuf>,
    /// Facet ordinals of the segments that broad queries matched.
    facet_cache: Arc<FacetCache>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("path", &self.path).finish()
    }
}

impl Index {
    /// Opens the index in `dir`, or creates an empty one there (creating `dir` too).
    ///
    /// # Errors
    /// [`Error::Index`] when `dir` cannot be created, holds a damaged index, or an index built
    /// with another schema (another version of vanban, or not vanban's).
    pub fn open_or_create(dir: &Path) -> Result<Index> {
        std::fs::create_dir_all(dir).map_err(|e| index_error(dir, e))?;
        let directory = MmapDirectory::open(dir).map_err(|e| index_error(dir, e))?;
        let exists = tantivy::Index::exists(&directory).map_err(|e| index_error(dir, e))?;
        let inner = if exists {
            tantivy::Index::open(directory).map_err(|e| index_error(dir, e))?
        } else {
            let (schema, _) = Fields::build();
            tantivy::Index::create(directory, schema, tantivy::IndexSettings::default())
                .map_err(|e| index_error(dir, e))?
        };
        Index::wrap(inner, Some(dir.to_path_buf()))
    }

    /// Opens the existing index in `dir`.
    ///
    /// # Errors
    /// [`Error::Index`] when there is no index in `dir` ("no index here: run `vanban index`"), or
    /// it is damaged or was built with another schema.
    pub fn open(dir: &Path) -> Result<Index> {
        if !dir.join("meta.json").is_file() {
            return Err(Error::Index {
                path: dir.to_path_buf(),
                message: "no index here (build one with `vanban index PATH.. --index DIR`)".into(),
            });
        }
        let inner = tantivy::Index::open_in_dir(dir).map_err(|e| index_error(dir, e))?;
        Index::wrap(inner, Some(dir.to_path_buf()))
    }

    /// Creates an empty index in memory (tests, short-lived tools).
    pub fn create_in_ram() -> Result<Index> {
        let (schema, _) = Fields::build();
        Index::wrap(tantivy::Index::create_in_ram(schema), None)
    }

    fn wrap(inner: tantivy::Index, path: Option<PathBuf>) -> Result<Index> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from("(memory)"));
        let fields = Fields::of(&inner.schema()).ok_or_else(|| Error::Index {
            path: shown.clone(),
            message: "not a vanban index of this version (its fields differ): \
                      delete it and index again"
                .into(),
        })?;
        register_analyzers(&inner);
        let reader = inner
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| index_error(&shown, e))?;
        let index = Index {
            inner,
            fields,
            reader,
            path,
            facet_cache: Arc::default(),
        };
        // Open every segment now, so that a damaged file is reported here and not mid-search.
        index.reload()?;
        Ok(index)
    }

    /// Starts adding documents. Only one indexer may be open on a directory at a time.
    ///
    /// # Errors
    /// [`Error::Index`] when another process is writing to the index.
    pub fn indexer(&self) -> Result<Indexer<'_>> {
        Indexer::new(self)
    }

    /// Runs `request` against the last committed state of the index.
    ///
    /// # Errors
    /// [`Error::Query`] for a bad filter (unknown facet field, a `--from` after `--to`) and
    /// [`Error::Index`] when the index cannot be read.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        query::search(self, request)
    }

    /// The number of documents in the last committed state.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The directory of the index (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Makes the committed state visible to [`Index::search`] (an [`Indexer`] does this after
    /// each commit).
    pub fn reload(&self) -> Result<()> {
        self.reader.reload().map_err(|e| self.error(e))?;
        self.facet_cache.retain(&self.reader.searcher());
        Ok(())
    }

    pub(crate) fn error(&self, err: impl std::fmt::Display) -> Error {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from("(memory)"));
        index_error(&path, err)
    }
}

fn index_error(path: &Path, err: impl std::fmt::Display) -> Error {
    Error::Index {
        path: path.to_path_buf(),
        message: err.to_string(),
    }
}
