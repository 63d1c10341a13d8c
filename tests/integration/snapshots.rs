//! The full record of every bundled document (`corpus/seeds`, `corpus/composed`), as insta
//! snapshots in `tests/integration/snapshots/`. A change to any field of any document shows up
//! as a diff. A snapshot is not the truth (`tests/expected/` is): read each diff before
//! accepting it.
//!
//! After an extractor change, regenerate and then read what changed:
//!
//! ```text
//! INSTA_UPDATE=always cargo test --no-default-features --test integration snapshots
//! git diff tests/integration/snapshots/
//! ```
//!
//! (`cargo insta review` does the same interactively when cargo-insta is installed.) Under
//! `CI=true` insta writes nothing and fails on any difference or missing snapshot.

use std::path::Path;

use vanban::Options;

/// Extracts `path` as the CLI does from the repository root, with `source` relative to it so
/// the snapshot does not depend on where the repository is checked out.
fn record_of(path: &Path) -> vanban::Record {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let relative = path
        .strip_prefix(&canonical_root)
        .or_else(|_| path.strip_prefix(root))
        .unwrap_or(path);
    let source = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let opts = Options::default().source(source);
    vanban::extract_file(path, &opts).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn seeds() {
    insta::glob!("../../corpus/seeds", "*.txt", |path| {
        insta::assert_json_snapshot!(record_of(path));
    });
}

#[test]
fn composed() {
    insta::glob!("../../corpus/composed", "*.txt", |path| {
        insta::assert_json_snapshot!(record_of(path));
    });
}
