//! Extracts every document under a folder and prints one JSON record per line: what
//! `vanban extract --format jsonl FOLDER` does, in library calls.
//!
//! ```text
//! cargo run --example extract_folder -- corpus/seeds
//! ```
//!
//! [`vanban::extract_file`] reads one file, decodes it (UTF-8 or a legacy encoding: TCVN3, VNI,
//! VISCII, VIQR, Windows-1258), normalises it and extracts its record. A file that is not a text
//! document is an error: it is reported and skipped.

use std::io::Write;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("corpus"));
    extract_folder(&folder)
}

/// Prints the record of every file under `folder` as one JSON line, in path order.
fn extract_folder(folder: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let opts = vanban::Options::default(); // old tone style (hòa, thủy); encoding detected
    let mut out = std::io::stdout().lock();
    for path in files_under(folder)? {
        match vanban::extract_file(&path, &opts) {
            Ok(record) => writeln!(out, "{}", serde_json::to_string(&record)?)?,
            // Not a text document, unreadable, or not in the forced encoding: skip it.
            Err(err) => eprintln!("skipped {}: {err}", path.display()),
        }
    }
    Ok(())
}

/// The files under `folder`, recursively, sorted by path; hidden entries (`.git`) left out.
fn files_under(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
