//! The data table as a student types or pastes it: raw cells kept exactly as typed,
//! numbers read in either decimal style, and every bad cell reported — never dropped
//! silently.
//!
//! Pasted text may be tab-separated (a spreadsheet), comma- or semicolon-separated CSV,
//! or whitespace-separated; numbers may use a decimal point or a decimal comma (`19,6`).
//! The separator is chosen per paste:
//! 1. any tab → tab-separated;
//! 2. else any `;` → semicolon-separated (commas are then decimal commas);
//! 3. else, with a `,` somewhere: comma-separated (`2,19.6`; a lone `2,5` is two
//!    cells), unless more rows read as two numbers when split on whitespace, whose
//!    commas are then decimal commas (`19,6 44,1`);
//! 4. else whitespace-separated.
//!
//! A first row in which no cell is a number is a header: its cells become the column
//! labels.

use crate::data::{Dataset, Labels, Point};
use serde::{Deserialize, Serialize};

/// The most rows a table may hold; a longer paste is refused with [`TableError`].
pub const MAX_ROWS: usize = 100_000;

/// The longest cell text read as a number; longer text is not a number.
pub const MAX_CELL_CHARS: usize = 1_000;

/// Why a cell is not a usable number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumberError {
    /// The cell is empty.
    Empty,
    /// The text is not a number (letters, two decimal separators, …).
    NotANumber,
    /// The text names a number that is not finite: `NaN`, `inf`, or too large (`1e400`).
    NotFinite,
}

impl std::fmt::Display for NumberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NumberError::Empty => "empty",
            NumberError::NotANumber => "not a number",
            NumberError::NotFinite => "not a finite number",
        })
    }
}

/// Reads one cell as a finite number.
///
/// Accepts a decimal point or a single decimal comma (`19,6`), surrounding whitespace
/// (including no-break spaces), spaces between digit groups (`1 234,5`), the Unicode
/// minus `−`, a leading `+`, and exponents (`1e-3`). `-0` reads as 0.
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
    if text.chars().count() > MAX_CELL_CHARS {
        return Err(NumberError::NotANumber);
    }
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{2212}' | '\u{2013}' | '\u{FE63}' | '\u{FF0D}' => '-',
            other => other,
        })
        .collect();
    if cleaned.is_empty() {
        return Err(NumberError::Empty);
    }
    let has_point = cleaned.contains('.');
    let commas = cleaned.matches(',').count();
    let normalized = match (has_point, commas) {
        (_, 0) => cleaned,
        (false, 1) => cleaned.replace(',', "."),
        _ => return Err(NumberError::NotANumber),
    };
    // Rust also reads "inf", "NaN" and "infinity"; a student means no number by them.
    let looks_numeric = normalized
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    let value: f64 = match normalized.parse() {
        Ok(v) if looks_numeric => v,
        Ok(_) => return Err(NumberError::NotFinite),
        Err(_) => return Err(NumberError::NotANumber),
    };
    if !value.is_finite() {
        return Err(NumberError::NotFinite);
    }
    Ok(if value == 0.0 { 0.0 } else { value })
}

/// A bad cell: where it is, what was typed, and why it is not a number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellError {
    /// Row index, from 0, in the table's rows (the header is not counted).
    pub row: usize,
    /// Column index: 0 for x, 1 for y.
    pub column: usize,
    /// The cell's text exactly as typed.
    pub raw: String,
    /// What is wrong with it.
    pub error: NumberError,
}

/// A table of raw cells, two columns, with labels. What the student typed is kept here
/// exactly; [`Table::to_dataset`] reads the numbers out of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The column names.
    pub labels: Labels,
    /// The rows: `[x cell, y cell]`, as typed.
    pub rows: Vec<[String; 2]>,
}

/// A table read into a dataset: the good rows, and every bad cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conversion {
    /// The points of the rows whose both cells are numbers, with the table's labels.
    pub dataset: Dataset,
    /// Every bad cell of a row that was not entirely empty, in row order.
    pub errors: Vec<CellError>,
    /// Rows left out of the fit because a cell is bad (not counting entirely empty
    /// rows, which are simply skipped), in order.
    pub ignored_rows: Vec<usize>,
    /// For each point of `dataset`, the table row it came from.
    pub source_rows: Vec<usize>,
}

impl Table {
    /// A table with the given labels and rows.
    pub fn new(labels: Labels, rows: Vec<[String; 2]>) -> Self {
        Self { labels, rows }
    }

    /// A table showing a dataset's numbers (each written so that it reads back exactly).
    pub fn from_dataset(data: &Dataset) -> Self {
        Self {
            labels: data.labels().clone(),
            rows: data
                .points()
                .iter()
                .map(|p| [format!("{}", p.x), format!("{}", p.y)])
                .collect(),
        }
    }

    /// Reads every row; rows with a bad cell are left out and reported, entirely empty
    /// rows are skipped quietly (a row just added and not yet filled).
    pub fn to_dataset(&self) -> Conversion {
        let mut conversion = Conversion::default();
        let mut points = Vec::with_capacity(self.rows.len());
        for (row, cells) in self.rows.iter().enumerate() {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let x = parse_number(&cells[0]);
            let y = parse_number(&cells[1]);
            match (x, y) {
                (Ok(x), Ok(y)) => {
                    points.push(Point::new(x, y));
                    conversion.source_rows.push(row);
                }
                (x, y) => {
                    for (column, result) in [x, y].into_iter().enumerate() {
                        if let Err(error) = result {
                            conversion.errors.push(CellError {
                                row,
                                column,
                                raw: cells[column].clone(),
                                error,
                            });
                        }
                    }
                    conversion.ignored_rows.push(row);
                }
            }
        }
        // Every point passed `parse_number`, so each is finite.
        conversion.dataset = Dataset::new(self.labels.clone(), points).unwrap_or_default();
        conversion
    }

    /// The table as tab-separated text with a header row: what a spreadsheet pastes, and
    /// what [`parse_table`] reads back.
    pub fn to_tsv(&self) -> String {
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        let mut out = format!("{}\t{}\n", clean(&self.labels.x), clean(&self.labels.y));
        for [x, y] in &self.rows {
            out.push_str(&clean(x));
            out.push('\t');
            out.push_str(&clean(y));
            out.push('\n');
        }
        out
    }

    /// The table as CSV (comma-separated, quoted where needed) with a header row.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let mut line = |cells: [&str; 2]| {
            let quoted: Vec<String> = cells.iter().map(|c| csv_quote(c)).collect();
            out.push_str(&quoted.join(","));
            out.push('\n');
        };
        line([&self.labels.x, &self.labels.y]);
        for [x, y] in &self.rows {
            line([x, y]);
        }
        out
    }
}

fn csv_quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// The separator chosen for a paste.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// Tab (from a spreadsheet).
    Tab,
    /// Semicolon (CSV where commas are decimal commas).
    Semicolon,
    /// Comma (CSV).
    Comma,
    /// Runs of whitespace.
    Whitespace,
}

/// Pasted text split into a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedTable {
    /// The cells, exactly as pasted (trimmed), and the labels if there was a header.
    pub table: Table,
    /// Whether the first row was taken as a header.
    pub had_header: bool,
    /// The separator chosen.
    pub separator: Separator,
    /// How many rows had more than two cells (only the first two are used).
    pub rows_with_extra_cells: usize,
}

/// Why pasted text could not become a table at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// More than [`MAX_ROWS`] rows.
    TooManyRows {
        /// The most rows allowed.
        limit: usize,
        /// How many non-blank rows the text has.
        found: usize,
    },
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TableError::TooManyRows { limit, found } => {
                write!(f, "{found} rows is more than the {limit} a table can hold")
            }
        }
    }
}

impl std::error::Error for TableError {}

/// Splits pasted text into a table (see the module docs for the rules). Bad cells are
/// kept as typed; [`Table::to_dataset`] reports them. Blank lines are ignored.
pub fn parse_table(text: &str) -> Result<ParsedTable, TableError> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() > MAX_ROWS + 1 {
        return Err(TableError::TooManyRows {
            limit: MAX_ROWS,
            found: lines.len(),
        });
    }
    let separator = detect_separator(&lines);
    let mut rows: Vec<Vec<String>> = match separator {
        Separator::Whitespace => lines
            .iter()
            .map(|l| l.split_whitespace().map(str::to_owned).collect())
            .collect(),
        Separator::Tab => split_csv(&lines, b'\t'),
        Separator::Semicolon => split_csv(&lines, b';'),
        Separator::Comma => split_csv(&lines, b','),
    };
    rows.retain(|r| r.iter().any(|c| !c.is_empty()));
    let had_header = rows
        .first()
        .is_some_and(|r| r.iter().all(|c| parse_number(c).is_err()));
    let mut labels = Labels::default();
    if had_header {
        let header = rows.remove(0);
        let name = |i: usize, fallback: &str| {
            header
                .get(i)
                .filter(|c| !c.is_empty())
                .cloned()
                .unwrap_or_else(|| fallback.to_owned())
        };
        labels = Labels::new(name(0, "x"), name(1, "y"));
    }
    if rows.len() > MAX_ROWS {
        return Err(TableError::TooManyRows {
            limit: MAX_ROWS,
            found: rows.len(),
        });
    }
    let rows_with_extra_cells = rows.iter().filter(|r| r.len() > 2).count();
    let rows = rows
        .into_iter()
        .map(|mut r| {
            r.resize(2, String::new());
            r.truncate(2);
            let y = r.pop().unwrap_or_default();
            let x = r.pop().unwrap_or_default();
            [x, y]
        })
        .collect();
    Ok(ParsedTable {
        table: Table::new(labels, rows),
        had_header,
        separator,
        rows_with_extra_cells,
    })
}

fn detect_separator(lines: &[&str]) -> Separator {
    if lines.iter().any(|l| l.contains('\t')) {
        return Separator::Tab;
    }
    if lines.iter().any(|l| l.contains(';')) {
        return Separator::Semicolon;
    }
    if !lines.iter().any(|l| l.contains(',')) {
        return Separator::Whitespace;
    }
    // A comma is either a separator (`2,19.6`) or a decimal comma (`19,6 44,1`): take
    // the reading under which more rows are two numbers.
    let score = |split: &dyn Fn(&str) -> Vec<String>| {
        lines
            .iter()
            .filter(|l| {
                let cells = split(l);
                cells.len() == 2 && cells.iter().all(|c| parse_number(c).is_ok())
            })
            .count()
    };
    let by_space = score(&|l| l.split_whitespace().map(str::to_owned).collect());
    let by_comma = score(&|l| l.split(',').map(|c| c.trim().to_owned()).collect());
    if by_space > by_comma {
        Separator::Whitespace
    } else {
        Separator::Comma
    }
}

fn split_csv(lines: &[&str], delimiter: u8) -> Vec<Vec<String>> {
    let plain = |line: &str| -> Vec<String> {
        line.split(delimiter as char)
            .map(|c| c.trim().to_owned())
            .collect()
    };
    // Lines are read one by one so that a stray quote spoils only its own line; only a
    // line with a quote needs the CSV reader.
    lines
        .iter()
        .map(|line| {
            if !line.contains('"') {
                return plain(line);
            }
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .has_headers(false)
                .flexible(true)
                .from_reader(line.as_bytes());
            match reader.records().next() {
                Some(Ok(record)) => record.iter().map(|c| c.trim().to_owned()).collect(),
                _ => plain(line),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_both_decimal_styles() {
        assert_eq!(parse_number("19.6"), Ok(19.6));
        assert_eq!(parse_number("19,6"), Ok(19.6));
        assert_eq!(parse_number(" \u{a0}−4,5 "), Ok(-4.5));
        assert_eq!(parse_number("1 234,5"), Ok(1234.5));
        assert_eq!(parse_number("-0"), Ok(0.0));
        assert!(parse_number("-0").unwrap().is_sign_positive());
        assert_eq!(parse_number("1e308"), Ok(1e308));
    }

    #[test]
    fn non_numbers_are_named() {
        assert_eq!(parse_number(""), Err(NumberError::Empty));
        assert_eq!(parse_number("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("1,2,3"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("1.2,3"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("NaN"), Err(NumberError::NotFinite));
        assert_eq!(parse_number("inf"), Err(NumberError::NotFinite));
        assert_eq!(parse_number("1e400"), Err(NumberError::NotFinite));
    }

    #[test]
    fn pasted_formats_are_recognised() {
        let cases = [
            ("x\ty\n2\t19,6\n4,5\t44,1\n", Separator::Tab),
            ("m;F\n2;19,6\n4,5;44,1\n", Separator::Semicolon),
            ("mass kg,F\n2,19.6\n4.5,44.1\n", Separator::Comma),
            ("2 19,6\n4,5 44,1\n", Separator::Whitespace),
            ("2   19.6\n\n4.5 44.1", Separator::Whitespace),
        ];
        for (text, separator) in cases {
            let parsed = parse_table(text).unwrap();
            assert_eq!(parsed.separator, separator, "{text}");
            let data = parsed.table.to_dataset();
            assert!(data.errors.is_empty(), "{text}: {:?}", data.errors);
            assert_eq!(data.dataset.points()[1], Point::new(4.5, 44.1), "{text}");
        }
    }

    #[test]
    fn bad_cells_are_reported_and_good_rows_kept() {
        let parsed = parse_table("x,y\n2,19.6\n\"abc\",44.1\n10,\n").unwrap();
        assert_eq!(parsed.table.labels, Labels::new("x", "y"));
        let c = parsed.table.to_dataset();
        assert_eq!(c.dataset.len(), 1);
        assert_eq!(c.ignored_rows, vec![1, 2]);
        assert_eq!(c.errors[0].raw, "abc");
        assert_eq!((c.errors[1].row, c.errors[1].column), (2, 1));
        assert_eq!(c.errors[1].error, NumberError::Empty);
    }

    #[test]
    fn more_than_the_row_limit_is_refused() {
        let text = "1\t2\n".repeat(MAX_ROWS + 1);
        assert!(matches!(
            parse_table(&text),
            Err(TableError::TooManyRows { .. })
        ));
    }
}
