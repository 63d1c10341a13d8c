//! Indexes every document under a folder, then searches it: what `vanban index FOLDER` and
//! `vanban search QUERY` do, in library calls.
//!
//! ```text
//! cargo run --example search_index -- corpus "tuyen truyen dai hoi"
//! ```
//!
//! The index lives in a temporary directory and is updated in place on the next run: an
//! unchanged file is skipped, a changed one replaced. The query may be typed with or without
//! diacritics, in either tone style, with abbreviations (UBND, HĐND, MTTQ) and document numbers
//! in any common spelling (`04-QC/BTGTU`, `04 QC BTGTU`).

use std::path::{Path, PathBuf};

use vanban::search::{Change, Index, SearchRequest};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = PathBuf::from(args.next().unwrap_or_else(|| "corpus".into()));
    let query = args.next().unwrap_or_else(|| "tuyên truyền đại hội".into());

    let index = Index::open_or_create(&std::env::temp_dir().join("vanban-example-index"))?;
    let mut indexer = index.indexer()?;
    let opts = vanban::Options::default();
    let (mut changed, mut unchanged) = (0, 0);
    for path in files_under(&folder)? {
        match indexer.add_file(&path, &opts) {
            Ok(Change::Unchanged) => unchanged += 1,
            Ok(_) => changed += 1,
            // Empty, binary or unreadable: report it and go on.
            Err(err) => eprintln!("skipped {}: {err}", path.display()),
        }
    }
    indexer.finish()?; // commit: the changes become visible, all at once
    println!("{changed} files indexed, {unchanged} unchanged");

    let results = index.search(&SearchRequest::new(query.as_str()).limit(5))?;
    println!("{} documents match {query:?}", results.total);
    for hit in &results.hits {
        let number = hit.number.as_deref().unwrap_or("(no number)");
        println!("{:>7.2}  {number}  {}", hit.score, hit.source);
        println!(
            "         {}",
            hit.fragment
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    if let Some(types) = results.facets.get("doc_type") {
        let types: Vec<String> = types
            .iter()
            .map(|t| format!("{} ({})", t.value, t.count))
            .collect();
        println!("by type: {}", types.join(", "));
    }
    Ok(())
}

/// Every file under `dir`, in path order.
fn files_under(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
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
