//! The table parser on any text: it must never panic, and what it returns must keep the
//! promises the app relies on — only finite numbers reach the dataset, every row with a
//! bad cell is reported with the cell's exact text, and nothing is dropped silently.
#![no_main]

use descent_core::table::{parse_number, parse_table, MAX_ROWS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse_number(&text);
    let Ok(parsed) = parse_table(&text) else {
        return;
    };
    let table = &parsed.table;
    assert!(table.rows.len() <= MAX_ROWS);
    let conversion = table.to_dataset();
    let points = conversion.dataset.points();
    assert!(points.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
    assert_eq!(points.len(), conversion.source_rows.len());
    for error in &conversion.errors {
        assert_eq!(table.rows[error.row][error.column], error.raw);
        assert!(conversion.ignored_rows.contains(&error.row));
    }
    // Every row is a point, ignored with a reason, or entirely blank.
    let blank = table
        .rows
        .iter()
        .filter(|r| r.iter().all(|c| c.trim().is_empty()))
        .count();
    assert_eq!(
        points.len() + conversion.ignored_rows.len() + blank,
        table.rows.len()
    );
    let _ = table.to_csv();
    let _ = table.to_tsv();
});
