//! The history table's rows (`components::history`): which rows a change of the run
//! writes, drops or rewrites, so that the table always shows the latest 100 steps as the
//! session has them, and autoplay touches one row per step.
#![allow(clippy::unwrap_used)]

use descent_core::presets::Preset;
use descent_core::{Session, Step};
use descent_lab::components::history::{row_cells, HistoryRows, RowChanges, SHOWN_STEPS};
use descent_lab::i18n::Lang;

fn stepped(steps: usize) -> Session {
    let mut session = Session::new(Preset::Lecture.lesson());
    for _ in 0..steps {
        session.step();
    }
    session
}

/// What the table shows after `changes`, rows as history indices, applied to `before`.
fn apply(before: &[usize], changes: &RowChanges, first: usize) -> Vec<usize> {
    let mut rows = if changes.clear {
        Vec::new()
    } else {
        before.to_vec()
    };
    rows.drain(..changes.drop_top);
    rows.truncate(rows.len() - changes.drop_bottom);
    rows.extend(changes.append.clone());
    assert!(
        rows.iter().enumerate().all(|(p, &k)| k == first + p),
        "{rows:?}"
    );
    rows
}

#[test]
fn the_first_steps_are_appended_one_row_each() {
    let mut rows = HistoryRows::default();
    let mut session = stepped(0);
    assert_eq!(
        rows.update(session.history(), Lang::En),
        RowChanges::default()
    );
    for k in 0..3 {
        session.step();
        let changes = rows.update(session.history(), Lang::En);
        assert_eq!(
            changes,
            RowChanges {
                append: k..k + 1,
                ..RowChanges::default()
            }
        );
    }
    assert_eq!(rows.steps.as_slice(), session.history());
}

#[test]
fn past_a_hundred_steps_each_step_drops_the_top_row_and_appends_one() {
    let mut rows = HistoryRows::default();
    let mut session = stepped(SHOWN_STEPS);
    let mut shown: Vec<usize> = Vec::new();
    let changes = rows.update(session.history(), Lang::En);
    shown = apply(&shown, &changes, 0);
    assert_eq!(shown.len(), SHOWN_STEPS);
    session.step();
    let changes = rows.update(session.history(), Lang::En);
    assert_eq!(
        changes,
        RowChanges {
            drop_top: 1,
            append: 100..101,
            ..RowChanges::default()
        }
    );
    shown = apply(&shown, &changes, 1);
    assert_eq!(shown.first(), Some(&1));
    assert_eq!(rows.first, 1);
    assert_eq!(rows.steps.as_slice(), &session.history()[1..]);
}

#[test]
fn undo_reset_and_a_new_language_write_what_the_session_has() {
    let mut rows = HistoryRows::default();
    let mut session = stepped(5);
    rows.update(session.history(), Lang::En);
    // Undo: the last row goes.
    session.undo();
    let changes = rows.update(session.history(), Lang::En);
    assert_eq!(
        changes,
        RowChanges {
            drop_bottom: 1,
            append: 4..4,
            ..RowChanges::default()
        }
    );
    // Undo and another γ in one go: the same number of rows, the last one rewritten.
    session.undo();
    session.set_learning_rate_text("0.001");
    session.step();
    let changes = rows.update(session.history(), Lang::En);
    assert_eq!(
        changes,
        RowChanges {
            rewrite: vec![3],
            append: 4..4,
            ..RowChanges::default()
        }
    );
    assert_eq!(rows.steps.as_slice(), session.history());
    // Another language: every row again, with a decimal comma.
    let changes = rows.update(session.history(), Lang::Lt);
    assert_eq!(
        changes,
        RowChanges {
            clear: true,
            append: 0..4,
            ..RowChanges::default()
        }
    );
    // Reset: no rows.
    session.reset();
    let changes = rows.update(session.history(), Lang::Lt);
    assert_eq!(
        changes,
        RowChanges {
            drop_bottom: 4,
            append: 0..0,
            ..RowChanges::default()
        }
    );
    assert!(rows.steps.is_empty());
}

#[test]
fn going_back_below_a_hundred_steps_writes_the_earlier_rows_again() {
    let mut rows = HistoryRows::default();
    let mut session = stepped(SHOWN_STEPS + 3);
    rows.update(session.history(), Lang::En);
    for _ in 0..5 {
        session.undo();
    }
    let changes = rows.update(session.history(), Lang::En);
    assert!(changes.clear);
    assert_eq!(changes.append, 0..SHOWN_STEPS - 2);
    assert_eq!(rows.first, 0);
    assert_eq!(rows.steps.as_slice(), session.history());
}

#[test]
fn a_row_reads_as_the_lecture_slide_in_both_languages() {
    let session = stepped(1);
    let step: &Step = &session.history()[0];
    // a = 8 → 9.3419 with L = 402.57 and ∂L/∂a = −447.3 (the lecture's first step).
    let (cells, exact) = row_cells(0, step, Lang::En);
    assert_eq!(
        cells,
        ["1", "8", "402.57", "−447.3", "9.3419"].map(String::from)
    );
    assert_eq!(exact, "9.3419");
    let (cells, _) = row_cells(0, step, Lang::Lt);
    assert_eq!(
        cells,
        ["1", "8", "402,57", "−447,3", "9,3419"].map(String::from)
    );
}
