//! Helpers shared by the unit tests: the documents on disk they check the code against.

use std::path::{Path, PathBuf};

/// The bundled samples and the shared development set, relative to the crate root.
pub(crate) const CORPUS_DIRS: [&str; 3] =
    ["corpus/seeds", "corpus/composed", "../shared/corpus/dev"];

/// The text files of `dir` (relative to the crate root), sorted by path, with their contents;
/// files that are not UTF-8 are left out. A missing directory gives nothing, or panics when
/// `required` (a test that needs the corpus says so instead of passing on nothing).
pub(crate) fn texts_in(dir: &str, required: bool) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let Ok(entries) = std::fs::read_dir(&root) else {
        assert!(!required, "corpus not found at {}", root.display());
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
        .collect()
}

/// The texts of every directory of [`CORPUS_DIRS`] that exists.
pub(crate) fn corpus_texts() -> Vec<String> {
    CORPUS_DIRS
        .iter()
        .flat_map(|dir| texts_in(dir, false))
        .map(|(_, text)| text)
        .collect()
}

/// Every line of [`corpus_texts`].
pub(crate) fn corpus_lines() -> Vec<String> {
    corpus_texts()
        .iter()
        .flat_map(|t| t.lines().map(str::to_string).collect::<Vec<_>>())
        .collect()
}
