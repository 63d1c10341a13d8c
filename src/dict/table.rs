//! The tab-separated format of `dictionaries/*.tsv`.
//!
//! Lines starting with `#` are comments (each table names its source there); blank lines are
//! skipped; the first other line names the columns. Every row has one cell per column, no cell
//! is empty: `-` stands for "none" and `|` separates several values within one cell.

use std::fmt;

/// One parsed table, borrowing its cells from the bundled text.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    columns: Vec<&'static str>,
    rows: Vec<Vec<&'static str>>,
}

/// Why a bundled table does not parse (a bug in `dictionaries/`, caught by the unit tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableError {
    table: &'static str,
    line: usize,
    cause: String,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}: {}", self.table, self.line, self.cause)
    }
}

impl std::error::Error for TableError {}

impl Table {
    /// Parses `text` (the contents of the file `name`).
    pub(crate) fn parse(name: &'static str, text: &'static str) -> Result<Table, TableError> {
        let err = |line: usize, cause: String| TableError {
            table: name,
            line,
            cause,
        };
        let mut columns: Vec<&'static str> = Vec::new();
        let mut rows = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cells: Vec<&'static str> = line.split('\t').collect();
            for cell in &cells {
                if cell.is_empty() {
                    return Err(err(line_no, "empty cell".into()));
                }
                if cell.trim() != *cell {
                    return Err(err(line_no, format!("spaces around {cell:?}")));
                }
            }
            if columns.is_empty() {
                columns = cells;
                continue;
            }
            if cells.len() != columns.len() {
                return Err(err(
                    line_no,
                    format!("{} cells, {} columns", cells.len(), columns.len()),
                ));
            }
            rows.push(cells);
        }
        if columns.is_empty() {
            return Err(err(0, "no header line".into()));
        }
        Ok(Table { columns, rows })
    }

    /// The index of the column named `column`.
    pub(crate) fn column(&self, column: &str) -> Option<usize> {
        self.columns.iter().position(|c| *c == column)
    }

    /// The rows, each with one cell per column.
    pub(crate) fn rows(&self) -> &[Vec<&'static str>] {
        &self.rows
    }
}

/// The values of one cell: none for `-`, else the `|`-separated parts.
pub(crate) fn values(cell: &'static str) -> Vec<&'static str> {
    if cell == "-" {
        Vec::new()
    } else {
        cell.split('|').collect()
    }
}

/// A plain word list (`*.txt`): one entry a line, `#` comments and blank lines skipped.
pub(crate) fn word_list(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_header_rows_and_none_marker() {
        let t = Table::parse(
            "t.tsv",
            "# source: test\nabbr\tfull\nUBND\tỦy ban nhân dân\n\nTW\t-\n",
        )
        .unwrap();
        assert_eq!(t.column("full"), Some(1));
        assert_eq!(t.rows().len(), 2);
        assert_eq!(values(t.rows()[1][1]), Vec::<&str>::new());
        assert_eq!(values("QĐi|QĐ"), vec!["QĐi", "QĐ"]);
    }

    #[test]
    fn rejects_empty_cells_and_ragged_rows() {
        assert!(Table::parse("t.tsv", "a\tb\nx\t\n").is_err());
        assert!(Table::parse("t.tsv", "a\tb\nx\n").is_err());
        assert!(Table::parse("t.tsv", "a\tb\nx \ty\n").is_err());
        assert!(Table::parse("t.tsv", "# only a comment\n").is_err());
    }

    #[test]
    fn word_lists_skip_comments() {
        assert_eq!(word_list("# c\nA\n\nB\r\n"), vec!["A", "B"]);
    }
}
