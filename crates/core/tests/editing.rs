//! Editing the table from the chart (dragging and adding points) and taking edits back
//! with `Session::undo_edit`, as the table's own editing does.

use approx::assert_relative_eq;
use descent_core::presets::Preset;
use descent_core::session::EDIT_UNDO_LIMIT;
use descent_core::Session;

fn close(actual: f64, expected: f64) {
    assert_relative_eq!(actual, expected, max_relative = 1e-9, epsilon = 1e-9);
}

fn lecture() -> Session {
    Session::new(Preset::Lecture.lesson())
}

fn rows(s: &Session) -> Vec<[String; 2]> {
    s.lesson().table.rows.clone()
}

#[test]
fn moving_a_point_rewrites_its_cells_and_changes_the_loss() {
    let mut s = lecture();
    close(s.evaluation().loss, 402.57);
    assert!(s.move_point(2, 10.0, 80.0));
    assert_eq!(s.lesson().table.rows[2], ["10".to_owned(), "80".to_owned()]);
    // The third point now lies on ŷ = 8x: only the first two residuals are left.
    close(s.evaluation().loss, 3.6 * 3.6 + 8.1 * 8.1);
}

#[test]
fn moved_cells_are_short_and_read_back_exactly() {
    let mut s = lecture();
    assert!(s.move_point(0, 2.35, -0.0));
    assert_eq!(
        s.lesson().table.rows[0],
        ["2.35".to_owned(), "0".to_owned()]
    );
    assert!(s.move_point(0, 1.5e-7, 3e25));
    assert_eq!(
        s.lesson().table.rows[0],
        ["1.5e-7".to_owned(), "3e25".to_owned()]
    );
    let p = s.problem().data.points()[0];
    assert_eq!((p.x, p.y), (1.5e-7, 3e25));
}

#[test]
fn a_move_to_a_missing_row_or_a_non_finite_place_is_refused() {
    let mut s = lecture();
    let before = s.clone();
    assert!(!s.move_point(3, 1.0, 1.0));
    assert!(!s.move_point(0, f64::NAN, 1.0));
    assert!(!s.move_point(0, 1.0, f64::INFINITY));
    assert_eq!(s, before);
    assert!(!s.can_undo_edit());
}

#[test]
fn a_whole_drag_is_undone_at_once() {
    let mut s = lecture();
    let original = rows(&s);
    for k in 1..=20 {
        assert!(s.move_point(1, 4.5, 44.1 + f64::from(k)));
    }
    s.end_edit();
    assert!(s.undo_edit());
    assert_eq!(rows(&s), original);
    close(s.evaluation().loss, 402.57);
    assert!(!s.can_undo_edit());
    assert!(!s.undo_edit());
}

#[test]
fn two_drags_of_the_same_point_are_two_edits() {
    let mut s = lecture();
    s.move_point(0, 3.0, 30.0);
    s.end_edit();
    s.move_point(0, 4.0, 40.0);
    s.end_edit();
    assert!(s.undo_edit());
    assert_eq!(s.lesson().table.rows[0], ["3".to_owned(), "30".to_owned()]);
    assert!(s.undo_edit());
    assert_eq!(
        s.lesson().table.rows[0],
        ["2".to_owned(), "19.6".to_owned()]
    );
}

#[test]
fn adding_a_point_appends_a_row_and_undo_removes_it() {
    let mut s = lecture();
    assert_eq!(s.add_point(6.0, 58.8), Some(3));
    assert_eq!(
        s.lesson().table.rows[3],
        ["6".to_owned(), "58.8".to_owned()]
    );
    assert_eq!(s.problem().data.len(), 4);
    // On y = 9.8x the new point adds nothing to L at the minimum.
    s.set_param(0, 9.8);
    close(s.evaluation().loss, 0.0);
    assert!(s.undo_edit());
    assert_eq!(s.lesson().table.rows.len(), 3);
    assert_eq!(s.problem().data.len(), 3);
}

#[test]
fn adding_a_point_and_dragging_it_at_once_is_one_edit() {
    let mut s = lecture();
    let original = rows(&s);
    let row = s.add_point(6.0, 50.0);
    assert_eq!(row, Some(3));
    s.move_point(3, 6.5, 55.0);
    s.move_point(3, 7.0, 60.0);
    s.end_edit();
    assert_eq!(s.lesson().table.rows[3], ["7".to_owned(), "60".to_owned()]);
    assert!(s.undo_edit());
    assert_eq!(rows(&s), original);
}

#[test]
fn a_non_finite_new_point_is_refused() {
    let mut s = lecture();
    assert_eq!(s.add_point(f64::NAN, 1.0), None);
    assert_eq!(s.add_point(1.0, f64::NEG_INFINITY), None);
    assert_eq!(s.lesson().table.rows.len(), 3);
    assert!(!s.can_undo_edit());
}

#[test]
fn typing_in_one_cell_is_undone_at_once_and_cells_edits_share_the_stack_with_drags() {
    let mut s = lecture();
    s.set_cell(1, 1, "4");
    s.set_cell(1, 1, "45");
    s.set_cell(1, 1, "45.5");
    s.end_edit();
    s.move_point(0, 3.0, 29.0);
    s.end_edit();
    s.add_row();
    s.delete_row(0);
    s.set_label(0, "m");
    assert!(s.undo_edit()); // the label
    assert_eq!(s.lesson().table.labels.x, "x");
    assert!(s.undo_edit()); // the deleted row
    assert_eq!(s.lesson().table.rows.len(), 4);
    assert!(s.undo_edit()); // the added row
    assert_eq!(s.lesson().table.rows.len(), 3);
    assert!(s.undo_edit()); // the drag
    assert_eq!(
        s.lesson().table.rows[0],
        ["2".to_owned(), "19.6".to_owned()]
    );
    assert!(s.undo_edit()); // all the typing in one cell
    assert_eq!(s.lesson().table.rows[1][1], "44.1");
    close(s.evaluation().loss, 402.57);
    assert!(!s.undo_edit());
}

#[test]
fn a_paste_is_undone_back_to_the_old_table() {
    let mut s = lecture();
    let original = s.lesson().table.clone();
    assert!(s.paste("m\tF\n1\t9.8\n2\t19.6").is_ok());
    assert_eq!(s.lesson().table.labels.y, "F");
    assert!(s.undo_edit());
    assert_eq!(s.lesson().table, original);
}

#[test]
fn an_unchanged_cell_or_label_adds_no_undo_step() {
    let mut s = lecture();
    s.set_cell(0, 0, "2");
    s.set_label(1, "y");
    assert!(s.move_point(0, 2.0, 19.6));
    assert!(!s.can_undo_edit());
}

#[test]
fn the_undo_stack_keeps_only_the_newest_edits() {
    let mut s = lecture();
    for k in 0..EDIT_UNDO_LIMIT + 10 {
        s.set_cell(0, 0, &k.to_string());
        s.end_edit();
    }
    let mut undone = 0;
    while s.undo_edit() {
        undone += 1;
    }
    assert_eq!(undone, EDIT_UNDO_LIMIT);
    // The oldest snapshots were dropped, so the table is not back to the lecture's.
    assert_eq!(s.lesson().table.rows[0][0], "9");
}

#[test]
fn opening_another_lesson_forgets_the_edits() {
    let mut s = lecture();
    s.move_point(0, 1.0, 1.0);
    s.load(Preset::Force.lesson());
    assert!(!s.can_undo_edit());
}

#[test]
fn points_map_to_their_table_rows_around_bad_and_empty_rows() {
    let mut s = lecture();
    s.set_cell(0, 1, "oops");
    s.add_row();
    s.add_point(1.0, 2.0);
    // Points: row 1, row 2, row 4 (row 0 is bad, row 3 empty).
    assert_eq!(s.point_row(0), Some(1));
    assert_eq!(s.point_row(1), Some(2));
    assert_eq!(s.point_row(2), Some(4));
    assert_eq!(s.point_row(3), None);
}

#[test]
fn big_tables_drop_the_oldest_undo_snapshots_to_bound_memory() {
    let mut s = lecture();
    let big: String = (0..60_000).map(|i| format!("{i}\t{i}\n")).collect();
    for _ in 0..5 {
        assert!(s.paste(&big).is_ok());
    }
    // Five pastes leave the lecture's table and four 60 000-row tables to go back to, but
    // only three big ones fit in the 200 000-row budget.
    let mut undone = 0;
    while s.undo_edit() {
        undone += 1;
    }
    assert_eq!(undone, 3);
    assert_eq!(s.lesson().table.rows.len(), 60_000);
}
