//! The inputs of a verb: files, directories walked in name order, or `-` for standard input.
//!
//! Walking a directory skips hidden entries (`.git`, `.vanban-index`, editor swap files), what
//! the `.gitignore`, `.ignore` and git exclude files of a repository leave out (so that
//! `vanban extract .` in a project does not read its `target/`), tantivy index directories
//! wherever they are, and the paths a verb asks to skip (its own output file), so that
//! `vanban extract . -o records.json` never reads what it writes. A file named on the command
//! line is always read, ignored or not.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ignore::{DirEntry, WalkBuilder};

/// One document to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-`, or no input at all).
    Stdin,
    /// A file, as named on the command line or found under a named directory.
    File(PathBuf),
}

impl Input {
    /// The name used in messages and as the record's `source`: the path as given, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// Opens the input for reading.
    pub fn open(&self) -> io::Result<Box<dyn Read>> {
        match self {
            Input::Stdin => Ok(Box::new(io::stdin().lock())),
            Input::File(path) => Ok(Box::new(fs::File::open(path)?)),
        }
    }

    /// Reads the whole input.
    pub fn read(&self) -> io::Result<Vec<u8>> {
        match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes)?;
                Ok(bytes)
            }
            Input::File(path) => fs::read(path),
        }
    }
}

/// A path that could not be turned into inputs (missing, unreadable directory).
#[derive(Debug)]
pub struct InputError {
    /// The path as given or as found while walking.
    pub name: String,
    /// What went wrong.
    pub error: io::Error,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.error)
    }
}

/// Expands the command line's paths into inputs, lazily and in order: each directory's files
/// sorted by name, depth first. No path at all means standard input. A path that cannot be read
/// becomes an `Err` at its place, so that the caller reports it and goes on with the others.
pub fn inputs<'a>(
    paths: &'a [PathBuf],
    skip: &[&Path],
) -> Box<dyn Iterator<Item = Result<Input, InputError>> + 'a> {
    if paths.is_empty() {
        return Box::new(std::iter::once(Ok(Input::Stdin)));
    }
    let skip = Arc::new(Skip::new(skip));
    Box::new(
        paths
            .iter()
            .flat_map(move |path| expand(path, Arc::clone(&skip))),
    )
}

/// [`inputs`], all at once.
#[cfg_attr(not(feature = "search"), allow(dead_code))]
pub fn collect(paths: &[PathBuf], skip: &[&Path]) -> Vec<Result<Input, InputError>> {
    inputs(paths, skip).collect()
}

/// The inputs one command-line path stands for.
fn expand(path: &Path, skip: Arc<Skip>) -> Box<dyn Iterator<Item = Result<Input, InputError>>> {
    if path.as_os_str() == "-" {
        return Box::new(std::iter::once(Ok(Input::Stdin)));
    }
    match fs::metadata(path) {
        Err(error) => Box::new(std::iter::once(Err(InputError {
            name: path.display().to_string(),
            error,
        }))),
        Ok(meta) if meta.is_dir() => Box::new(walk(path, skip)),
        Ok(_) => Box::new(std::iter::once(Ok(Input::File(path.to_path_buf())))),
    }
}

/// The files under `root`, sorted by name, depth first.
fn walk(root: &Path, skip: Arc<Skip>) -> impl Iterator<Item = Result<Input, InputError>> {
    let root_name = root.display().to_string();
    WalkBuilder::new(root)
        .follow_links(true)
        .hidden(true)
        .parents(true)
        .ignore(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| entry.depth() == 0 || !skip.contains(entry))
        .build()
        .filter_map(move |entry| match entry {
            Ok(entry) if entry.file_type().is_none_or(|t| t.is_dir()) => None,
            Ok(entry) => Some(Ok(Input::File(entry.into_path()))),
            Err(err) => Some(Err(walk_error(err, &root_name))),
        })
}

/// The path and I/O cause of a failed step of a walk.
fn walk_error(err: ignore::Error, root_name: &str) -> InputError {
    let mut name = root_name.to_string();
    let mut err = err;
    loop {
        match err {
            ignore::Error::WithPath { path, err: inner } => {
                name = path.display().to_string();
                err = *inner;
            }
            ignore::Error::WithDepth { err: inner, .. }
            | ignore::Error::WithLineNumber { err: inner, .. } => err = *inner,
            ignore::Error::Loop { child, .. } => {
                return InputError {
                    name: child.display().to_string(),
                    error: io::Error::other("symbolic link loop"),
                };
            }
            ignore::Error::Io(error) => return InputError { name, error },
            other => {
                return InputError {
                    name,
                    error: io::Error::other(other.to_string()),
                };
            }
        }
    }
}

/// Paths a walk leaves out: the verb's own files, and search indexes.
struct Skip {
    /// Canonical paths of the files to skip.
    paths: Vec<PathBuf>,
}

impl Skip {
    fn new(paths: &[&Path]) -> Skip {
        Skip {
            paths: paths.iter().filter_map(|p| p.canonicalize().ok()).collect(),
        }
    }

    fn contains(&self, entry: &DirEntry) -> bool {
        if entry.file_type().is_some_and(|t| t.is_dir()) && is_search_index(entry.path()) {
            return true;
        }
        // Canonicalising costs a system call: only do it when the name could match.
        let name = entry.file_name();
        self.paths.iter().any(|skip| {
            skip.file_name() == Some(name)
                && entry.path().canonicalize().is_ok_and(|path| &path == skip)
        })
    }
}

/// A tantivy index directory holds `meta.json` and `.managed.json`.
fn is_search_index(dir: &Path) -> bool {
    dir.join(".managed.json").is_file() && dir.join("meta.json").is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(inputs: &[Result<Input, InputError>], root: &Path) -> Vec<String> {
        inputs
            .iter()
            .map(|input| match input {
                Ok(Input::Stdin) => "-".to_string(),
                Ok(Input::File(path)) => path
                    .strip_prefix(root)
                    .unwrap_or(path)
                    .display()
                    .to_string(),
                Err(err) => format!("error {}", err.name),
            })
            .collect()
    }

    #[test]
    fn walk_is_sorted_skips_hidden_and_indexes_and_keeps_errors_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "b.txt",
            "a.txt",
            "sub/c.txt",
            ".hidden.txt",
            ".git/x",
            "idx/meta.json",
        ] {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        fs::write(root.join("idx/.managed.json"), "[]").unwrap();
        fs::write(root.join("out.json"), "").unwrap();
        let out = root.join("out.json");
        let missing = root.join("missing.txt");
        let paths = [root.to_path_buf(), missing.clone(), PathBuf::from("-")];
        let inputs: Vec<_> = inputs(&paths, &[&out]).collect();
        let got = names(&inputs, root);
        assert_eq!(
            got,
            [
                "a.txt".to_string(),
                "b.txt".to_string(),
                "sub/c.txt".to_string(),
                format!("error {}", missing.display()),
                "-".to_string(),
            ]
        );
    }

    #[test]
    fn walk_leaves_out_what_a_repository_ignores_but_named_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            ".git/HEAD",
            ".gitignore",
            "target/release/build.txt",
            "notes.log",
            "docs/a.txt",
            "docs/.ignore",
            "docs/draft.txt",
        ] {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        fs::write(root.join(".gitignore"), "target/\n*.log\n").unwrap();
        fs::write(root.join("docs/.ignore"), "draft.txt\n").unwrap();
        let got = names(
            &inputs(&[root.to_path_buf()], &[]).collect::<Vec<_>>(),
            root,
        );
        assert_eq!(got, ["docs/a.txt"]);

        let named = [root.join("notes.log"), root.join("docs/draft.txt")];
        let got = names(&inputs(&named, &[]).collect::<Vec<_>>(), root);
        assert_eq!(got, ["notes.log", "docs/draft.txt"]);
    }

    #[test]
    fn no_path_means_standard_input() {
        let inputs: Vec<_> = inputs(&[], &[]).collect();
        assert!(matches!(inputs.as_slice(), [Ok(Input::Stdin)]));
    }
}
