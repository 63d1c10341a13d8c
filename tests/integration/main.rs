//! Integration tests: the real CLI on real documents.
