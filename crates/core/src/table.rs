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
//! A cell may be quoted as in CSV (RFC 4180), so that it can hold the separator
//! (`4.5,"44,1"`); `""` inside quotes is one `"`. A byte-order mark that a spreadsheet
//! writes at the start of a CSV file is dropped.
//!
//! A first row in which no cell is a number is a header: its cells become the column
//! labels.
//!
//! (Over 400 lines with a reason: the typed table, its number reading and the paste
//! splitter are one idea — text in, cells and their errors out — and half the file is the
//! tests that hold the splitter to the csv crate.)

use crate::data::{Dataset, Labels, Point};
use crate::number::exact;
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
    let value: f64 = match crate::decimal::parse_f64(&normalized) {
        Some(v) if looks_numeric => v,
        Some(_) => return Err(NumberError::NotFinite),
        None => return Err(NumberError::NotANumber),
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

    /// A table showing a dataset's numbers, each in the exact form of [`exact`] (reads back
    /// exactly, never hundreds of digits long).
    pub fn from_dataset(data: &Dataset) -> Self {
        Self {
            labels: data.labels().clone(),
            rows: data
                .points()
                .iter()
                .map(|p| [exact(p.x), exact(p.y)])
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
    ///
    /// A cell that is a number is written as a number, in [`exact`]'s form with a decimal
    /// point (a typed `2,5` becomes `2.5`, `−4,5` becomes `-4.5`), so a column is read by
    /// a spreadsheet as numbers in one style; only a cell that is not a number keeps its
    /// text as typed (quoted where needed), so nothing is lost.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let mut line = |cells: [String; 2]| {
            let quoted: Vec<String> = cells.iter().map(|c| csv_quote(c)).collect();
            out.push_str(&quoted.join(","));
            out.push('\n');
        };
        line([self.labels.x.clone(), self.labels.y.clone()]);
        let cell = |text: &String| parse_number(text).map_or_else(|_| text.clone(), exact);
        for [x, y] in &self.rows {
            line([cell(x), cell(y)]);
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
/// kept as typed; [`Table::to_dataset`] reports them. Blank lines are ignored; a line
/// ends at `\n`, `\r\n` or a lone `\r`.
pub fn parse_table(text: &str) -> Result<ParsedTable, TableError> {
    // Spreadsheets start a CSV file with a byte-order mark; kept, it would become part of
    // the first column label (`str::trim` does not remove it).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Rows end at `\n`, `\r\n` or a lone `\r` (what "CSV (Macintosh)" files and old Mac
    // spreadsheets write; `str::lines` would keep such a table on one line). The empty
    // piece between `\r` and `\n` is a blank line, ignored like every other.
    let lines: Vec<&str> = text
        .split(['\n', '\r'])
        .filter(|l| !l.trim().is_empty())
        .collect();
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
        Separator::Tab => split_csv(&lines, '\t'),
        Separator::Semicolon => split_csv(&lines, ';'),
        Separator::Comma => split_csv(&lines, ','),
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

fn split_csv(lines: &[&str], delimiter: char) -> Vec<Vec<String>> {
    // Lines are read one by one so that a stray quote spoils only its own line.
    lines
        .iter()
        .map(|line| {
            if line.contains('"') {
                split_quoted_line(line, delimiter)
            } else {
                line.split(delimiter).map(|c| c.trim().to_owned()).collect()
            }
        })
        .collect()
}

/// Where [`split_quoted_line`] is inside a field.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldState {
    /// Nothing of the field read yet: a `"` here opens a quoted field.
    Start,
    /// In a field that did not start with a quote, or in the text after a quoted part.
    Unquoted,
    /// Inside quotes.
    Quoted,
    /// Just after a `"` inside quotes: it closes the quotes unless another `"` follows.
    QuoteInQuoted,
}

/// Splits one line into trimmed cells the way the `csv` crate reads its first record
/// (RFC 4180, flexible, no header), which this replaces to keep the wasm small; a test
/// checks the two agree.
///
/// A field that starts with `"` is quoted: the delimiter is literal inside it, `""` is
/// one `"`, and without a closing quote it runs to the end of the line. Text after the
/// closing quote is appended as it stands (`"a"b` reads `ab`, `"a"b"` reads `ab"`). A
/// quote anywhere else, even after a space (`2, "5"`), is literal. A line break outside
/// quotes ends the record and the rest is not read, as in the `csv` crate; lines from
/// `str::lines` can still hold a lone `\r`.
fn split_quoted_line(line: &str, delimiter: char) -> Vec<String> {
    let is_break = |c: char| c == '\r' || c == '\n';
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut state = FieldState::Start;
    // The csv crate skips blank records before the first one.
    for c in line.trim_start_matches(is_break).chars() {
        state = match state {
            FieldState::Start | FieldState::Unquoted | FieldState::QuoteInQuoted
                if c == delimiter =>
            {
                cells.push(cell.trim().to_owned());
                cell.clear();
                FieldState::Start
            }
            FieldState::Start | FieldState::Unquoted | FieldState::QuoteInQuoted if is_break(c) => {
                break;
            }
            FieldState::Start if c == '"' => FieldState::Quoted,
            FieldState::Quoted if c == '"' => FieldState::QuoteInQuoted,
            FieldState::Quoted => {
                cell.push(c);
                FieldState::Quoted
            }
            FieldState::QuoteInQuoted if c == '"' => {
                cell.push('"');
                FieldState::Quoted
            }
            FieldState::Start | FieldState::Unquoted | FieldState::QuoteInQuoted => {
                cell.push(c);
                FieldState::Unquoted
            }
        };
    }
    cells.push(cell.trim().to_owned());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
    fn csv_writes_numbers_as_numbers_and_keeps_only_bad_cells_as_typed() {
        let table = Table::new(
            Labels::new("m", "F, N"),
            vec![
                ["2".into(), "19.6".into()],
                ["4,5".into(), "44,1".into()],
                ["\u{2212}1 234,5".into(), "abc".into()],
                ["1e400".into(), "".into()],
            ],
        );
        assert_eq!(
            table.to_csv(),
            "m,\"F, N\"\n2,19.6\n4.5,44.1\n-1234.5,abc\n1e400,\n"
        );
        // Read back, the numbers are the ones typed.
        let back = parse_table(&table.to_csv()).map(|p| p.table.to_dataset().dataset);
        let first_two = back.map(|d| d.points()[..2].to_vec()).unwrap_or_default();
        assert_eq!(first_two, [Point::new(2.0, 19.6), Point::new(4.5, 44.1)]);
    }

    #[test]
    fn quoted_decimal_commas_stay_inside_their_cell() {
        let parsed = parse_table("m,F\n2,\"19,6\"\n4.5,\"44,1\"\n").unwrap();
        assert_eq!(parsed.separator, Separator::Comma);
        assert_eq!(parsed.rows_with_extra_cells, 0);
        let data = parsed.table.to_dataset();
        assert!(data.errors.is_empty(), "{:?}", data.errors);
        assert_eq!(
            data.dataset.points(),
            [Point::new(2.0, 19.6), Point::new(4.5, 44.1)]
        );
    }

    #[test]
    fn doubled_quotes_inside_quotes_are_one_quote() {
        assert_eq!(
            split_quoted_line(r#""the ""mass"" m",F"#, ','),
            ["the \"mass\" m", "F"]
        );
        assert_eq!(split_quoted_line(r#""""",""#, ','), ["\"", ""]);
        let parsed = parse_table("\"the \"\"mass\"\"\",F\n2,19.6\n").unwrap();
        assert_eq!(parsed.table.labels, Labels::new("the \"mass\"", "F"));
    }

    #[test]
    fn a_delimiter_inside_quotes_belongs_to_the_cell() {
        let cases = [
            ("\"a\tb\"\ty\n1\t2\n", Separator::Tab, "a\tb"),
            ("\"a;b\";y\n1;2\n", Separator::Semicolon, "a;b"),
            ("\"a,b\",y\n1,2\n", Separator::Comma, "a,b"),
        ];
        for (text, separator, label) in cases {
            let parsed = parse_table(text).unwrap();
            assert_eq!(parsed.separator, separator, "{text:?}");
            assert_eq!(parsed.table.labels, Labels::new(label, "y"), "{text:?}");
            assert_eq!(parsed.rows_with_extra_cells, 0, "{text:?}");
        }
    }

    #[test]
    fn an_unterminated_quote_runs_to_the_end_of_its_line_only() {
        assert_eq!(split_quoted_line("1,\"2,3", ','), ["1", "2,3"]);
        let parsed = parse_table("x,y\n1,\"2\n3,4\n").unwrap();
        assert_eq!(parsed.table.rows[0], ["1", "2"]);
        assert_eq!(parsed.table.rows[1], ["3", "4"]);
    }

    /// Each comma-separated line splits into its cells, here and in the csv crate alike.
    fn assert_split_as_the_csv_crate(cases: &[(&str, &[&str])]) {
        for &(line, cells) in cases {
            assert_eq!(split_quoted_line(line, ','), cells, "{line:?}");
            assert_eq!(
                csv_crate_cells(line, ',').unwrap().unwrap(),
                cells,
                "{line:?}"
            );
        }
    }

    #[test]
    fn quotes_not_opening_a_field_are_literal_as_in_the_csv_crate() {
        let cases: [(&str, &[&str]); 3] = [
            (r#"4"5,2"#, &["4\"5", "2"]),
            // The quote follows a space, so it does not open a quoted field.
            (r#"2, "19,6""#, &["2", "\"19", "6\""]),
            // Text after the closing quote is appended, and its quotes are literal.
            (r#""4"5,"a" ,"b"c"d""#, &["45", "a", "bc\"d\""]),
        ];
        assert_split_as_the_csv_crate(&cases);
    }

    #[test]
    fn a_line_break_outside_quotes_ends_the_line_as_in_the_csv_crate() {
        let cases: [(&str, &[&str]); 2] = [
            ("\r\"1\",2\r3,4", &["1", "2"]),
            ("\"1\r2\",3", &["1\r2", "3"]),
        ];
        assert_split_as_the_csv_crate(&cases);
    }

    #[test]
    fn a_byte_order_mark_before_the_header_is_dropped() {
        let parsed = parse_table("\u{feff}m,F\n2,19.6").unwrap();
        assert!(parsed.had_header);
        assert_eq!(parsed.table.labels, Labels::new("m", "F"));
        let parsed = parse_table("\u{feff}\"m\";F\n2;19,6").unwrap();
        assert_eq!(parsed.table.labels, Labels::new("m", "F"));
        let parsed = parse_table("\u{feff}2\t19,6\n").unwrap();
        assert!(!parsed.had_header);
        assert_eq!(parsed.table.rows, [["2", "19,6"]]);
    }

    #[test]
    fn rows_end_at_any_line_ending() {
        let lecture = [["2", "19.6"], ["4.5", "44.1"], ["10", "98"]];
        for text in [
            "x,y\n2,19.6\n4.5,44.1\n10,98\n",
            "x,y\r\n2,19.6\r\n4.5,44.1\r\n10,98\r\n",
            // "CSV (Macintosh)": a lone carriage return, quotes included.
            "x,y\r2,19.6\r4.5,\"44.1\"\r10,98\r",
        ] {
            let parsed = parse_table(text).unwrap();
            assert_eq!(parsed.table.labels, Labels::new("x", "y"), "{text:?}");
            assert_eq!(parsed.table.rows, lecture, "{text:?}");
        }
    }

    #[test]
    fn more_than_the_row_limit_is_refused() {
        let text = "1\t2\n".repeat(MAX_ROWS + 1);
        assert!(matches!(
            parse_table(&text),
            Err(TableError::TooManyRows { .. })
        ));
    }

    /// The first record as the `csv` crate reads it, configured as `split_csv` once used
    /// it, with each cell trimmed.
    fn csv_crate_cells(line: &str, delimiter: char) -> Option<csv::Result<Vec<String>>> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(u8::try_from(delimiter).unwrap())
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes());
        let record = reader.records().next()?;
        Some(record.map(|r| r.iter().map(|c| c.trim().to_owned()).collect()))
    }

    /// One-line text rich in what CSV parsing turns on: quotes, the three delimiters,
    /// spaces and line breaks, with a few digits, letters and non-ASCII characters.
    fn csv_like_line() -> impl Strategy<Value = String> {
        let alphabet = vec![
            '"', '"', '"', '"', ',', ',', ';', ';', '\t', '\t', ' ', ' ', '\r', '\n', '1', '4',
            '.', 'a', 'F', '\u{a0}', 'ė',
        ];
        prop::collection::vec(prop::sample::select(alphabet), 0..24)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn the_quoted_line_splitter_reads_what_the_csv_crate_reads(
            line in csv_like_line(),
            delimiter in prop::sample::select(vec!['\t', ';', ',']),
        ) {
            match csv_crate_cells(&line, delimiter) {
                Some(Ok(cells)) => {
                    prop_assert_eq!(split_quoted_line(&line, delimiter), cells, "{:?}", line);
                }
                // The csv crate finds no record in text made only of line breaks (and
                // `parse_table` never splits such a line: it has no `"`, and is blank).
                None => prop_assert!(
                    line.trim_start_matches(['\r', '\n']).is_empty(),
                    "no record in {:?}",
                    line
                ),
                // With flexible records and text that is valid UTF-8 split at ASCII
                // delimiters, the csv crate never fails, so its old error fallback was
                // never taken.
                Some(Err(error)) => prop_assert!(false, "{:?}: {}", line, error),
            }
        }
    }
}
