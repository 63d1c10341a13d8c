//! Full-text and faceted search over records, in tantivy.
