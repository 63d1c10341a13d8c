//! `vanban search`: full-text search with facet filters, dates and citations.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use vanban::record::PartialDate;
use vanban::search::{Hit, Index, SearchRequest, SearchResults};

use crate::args::Common;
use crate::cmd::index::{bundled_corpus, default_index_dir, index_paths};
use crate::cmd::Outcome;

/// Output formats of `vanban search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SearchFormat {
    /// For people: one block per hit, matched words marked.
    #[default]
    Text,
    /// One JSON object: total, hits, facets.
    Json,
}

/// Arguments of `vanban search`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  vanban search \"tuyên truyền đại hội\"            accents optional: \"tuyen truyen dai hoi\"
  vanban search \"04 QC BTGTU\"                     a number in any spelling
  vanban search \"UBND\" --facet doc_type=\"Kế hoạch\" --from 2021 --to 2023-06
  vanban search \"\" --cites 15/2020/NĐ-CP          every document citing a number
  vanban search \"chuyển đổi số\" --format json --limit 20

Facet fields: doc_type, kind, issuer, place, year, system, people. A facet value compares without
case or accents; issuer takes \"Parent/Body\" or either part. Dates are YYYY, YYYY-MM or
YYYY-MM-DD; a document dated by month or year matches when its period overlaps.

Without --index, the default index is used (see `vanban index --help`); when it does not exist
yet and vanban's source tree is there, it is built from the bundled corpus/ first.")]
pub struct SearchArgs {
    /// The query: words with or without diacritics, abbreviations, document numbers.
    pub query: String,
    /// The index directory.
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Keep documents whose FIELD has VALUE (repeatable; all must hold).
    #[arg(long = "facet", value_name = "FIELD=VALUE", value_parser = parse_facet)]
    pub facets: Vec<(String, String)>,
    /// Keep documents dated in or after DATE.
    #[arg(long, value_name = "DATE")]
    pub from: Option<PartialDate>,
    /// Keep documents dated in or before DATE.
    #[arg(long, value_name = "DATE")]
    pub to: Option<PartialDate>,
    /// Keep documents citing NUMBER.
    #[arg(long, value_name = "NUMBER")]
    pub cites: Option<String>,
    /// Show at most N hits.
    #[arg(short = 'n', long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = SearchFormat::Text)]
    pub format: SearchFormat,
}

fn parse_facet(arg: &str) -> Result<(String, String), String> {
    match arg.split_once('=') {
        Some((field, value)) if !field.trim().is_empty() => {
            Ok((field.trim().to_string(), value.trim().to_string()))
        }
        _ => Err(format!("expected FIELD=VALUE, got {arg:?}")),
    }
}

/// Runs `vanban search`.
pub fn run(args: &SearchArgs, common: &Common, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let index = open_index(args.index.as_deref(), common)?;
    let mut request = SearchRequest::new(args.query.clone()).limit(args.limit);
    for (field, value) in &args.facets {
        request = request.facet(field.clone(), value.clone());
    }
    if let Some(from) = args.from {
        request = request.from(from);
    }
    if let Some(to) = args.to {
        request = request.to(to);
    }
    if let Some(cites) = &args.cites {
        request = request.cites(cites.clone());
    }
    let mut results = index.search(&request)?;
    for hit in &mut results.hits {
        hit.source = shown_path(&hit.source);
    }
    match args.format {
        SearchFormat::Json => {
            serde_json::to_writer(&mut *out, &results).context("writing output")?;
            writeln!(out).context("writing output")?;
        }
        SearchFormat::Text => {
            let marks = if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            {
                ("\x1b[1;33m", "\x1b[0m")
            } else {
                ("«", "»")
            };
            write_text(out, &args.query, &results, marks).context("writing output")?;
        }
    }
    Ok(Outcome::default())
}

/// Opens `--index`, or the default index, building the latter from the bundled corpus on first
/// use.
fn open_index(dir: Option<&Path>, common: &Common) -> anyhow::Result<Index> {
    if let Some(dir) = dir {
        return Ok(Index::open(dir)?);
    }
    let dir = default_index_dir();
    if dir.join("meta.json").is_file() {
        return Ok(Index::open(&dir)?);
    }
    let Some(corpus) = bundled_corpus() else {
        anyhow::bail!(
            "no index at {} yet: build one with `vanban index PATH..` (or pass --index DIR)",
            dir.display()
        );
    };
    eprintln!(
        "vanban: first use: indexing {} into {}",
        corpus.display(),
        dir.display()
    );
    let index = Index::open_or_create(&dir)?;
    let summary = index_paths(&index, &[corpus], common, 1000, false)?;
    eprintln!("vanban: {}", summary.line(&dir, index.num_docs()));
    Ok(index)
}

/// A source path relative to the current directory when it lies under it.
fn shown_path(source: &str) -> String {
    let path = Path::new(source);
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .map_or_else(|| source.to_string(), |p| p.display().to_string())
}

fn write_text(
    out: &mut dyn Write,
    query: &str,
    results: &SearchResults,
    (open, close): (&str, &str),
) -> std::io::Result<()> {
    let shown = results.hits.len();
    let verb = if results.total == 1 {
        "document matches"
    } else {
        "documents match"
    };
    writeln!(out, "{} {verb} {query:?} (showing {shown})", results.total)?;
    for (i, hit) in results.hits.iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "{:>2}. {}", i + 1, heading(hit))?;
        if let Some(title) = &hit.title {
            writeln!(out, "    {title}")?;
        }
        if !hit.fragment.is_empty() {
            writeln!(out, "    {}", marked(hit, open, close))?;
        }
        writeln!(out, "    {}  (score {:.2})", hit.source, hit.score)?;
    }
    let facets: Vec<String> = results
        .facets
        .iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(field, values)| {
            let values: Vec<String> = values
                .iter()
                .take(5)
                .map(|v| format!("{} ({})", v.value, v.count))
                .collect();
            format!("  {field}: {}", values.join(", "))
        })
        .collect();
    if !facets.is_empty() {
        writeln!(out)?;
        writeln!(out, "Facets:")?;
        for line in facets {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// "Công văn 04-QC/BTGTU · 2023-03-20 · Ban Tuyên giáo Tỉnh ủy Bình Phước".
fn heading(hit: &Hit) -> String {
    let mut first = String::new();
    if let Some(doc_type) = &hit.doc_type {
        first.push_str(doc_type);
    }
    if let Some(number) = &hit.number {
        if !first.is_empty() {
            first.push(' ');
        }
        first.push_str(number);
    }
    let parts: Vec<&str> = [
        Some(first.as_str()),
        hit.date.as_deref(),
        hit.issuer.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|p| !p.is_empty())
    .collect();
    if parts.is_empty() {
        "(no number, type, date or issuer found)".to_string()
    } else {
        parts.join(" · ")
    }
}

/// The snippet on one line with the matched words between `open` and `close`.
fn marked(hit: &Hit, open: &str, close: &str) -> String {
    let text = &hit.fragment;
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for range in &hit.highlights {
        let (Some(before), Some(word)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(word);
        out.push_str(close);
        at = range.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
