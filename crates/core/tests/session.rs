//! The lesson as a student and a lecturer drive it, through `Session`'s methods.

use approx::assert_relative_eq;
use descent_core::optimizer::Divergence;
use descent_core::presets::Preset;
use descent_core::table::NumberError;
use descent_core::{Lesson, Loss, Model, Outcome, Session};

fn close(actual: f64, expected: f64) {
    assert_relative_eq!(actual, expected, max_relative = 1e-9, epsilon = 1e-9);
}

#[test]
fn lecture_flow_step_undo_play_and_diverge() {
    let mut s = Session::new(Preset::Lecture.lesson());
    let e = s.evaluation();
    close(e.loss, 402.57);
    close(e.gradient[0], -447.3);
    s.step();
    close(s.params()[0], 9.3419);
    assert_eq!(s.history().len(), 1);
    assert!(s.undo());
    close(s.params()[0], 8.0);
    let mut outcome = Outcome::Running;
    for _ in 0..100 {
        outcome = s.step();
        if outcome.is_final() {
            break;
        }
    }
    assert_eq!(outcome, Outcome::Converged);
    close(s.params()[0], 9.8);
    s.reset();
    s.set_learning_rate_text("0,01");
    assert_eq!(s.learning_rate(), Some(0.01));
    let mut outcome = Outcome::Running;
    for _ in 0..100 {
        outcome = s.step();
        if outcome.is_final() {
            break;
        }
    }
    assert_eq!(outcome, Outcome::Diverged(Divergence::LossGrowing));
    assert!(s.history().len() <= 5);
}

#[test]
fn a_bad_cell_is_kept_as_typed_and_its_row_left_out() {
    let mut s = Session::new(Preset::Lecture.lesson());
    s.set_cell(1, 1, "abc");
    assert_eq!(s.lesson().table.rows[1][1], "abc");
    let c = s.conversion();
    assert_eq!(c.ignored_rows, vec![1]);
    assert_eq!(c.errors[0].error, NumberError::NotANumber);
    // Without row 1: (19.6 − 16)² + (98 − 80)² = 12.96 + 324.
    close(s.evaluation().loss, 336.96);
    s.set_cell(1, 1, "44,1");
    close(s.evaluation().loss, 402.57);
}

#[test]
fn an_invalid_learning_rate_is_kept_and_disables_stepping() {
    let mut s = Session::new(Preset::Lecture.lesson());
    for text in ["", "abc", "0", "-0.1", "NaN"] {
        s.set_learning_rate_text(text);
        assert_eq!(s.learning_rate_text(), text);
        assert!(!s.can_step(), "{text:?}");
        s.step();
        assert!(s.history().is_empty());
    }
}

#[test]
fn an_empty_table_cannot_step_and_all_zero_x_has_no_unique_minimum() {
    let mut s = Session::new(Preset::Empty.lesson());
    assert!(!s.can_step());
    s.paste("0\t1\n0\t2\n").unwrap();
    assert!(s.can_step());
    assert_eq!(
        s.problem().optimum(s.params()),
        descent_core::Optimum::NoUniqueMinimum
    );
    let (lo, hi) = s.range(0);
    assert!(lo.is_finite() && hi.is_finite() && lo < hi);
}

#[test]
fn paste_with_header_and_decimal_commas_renames_columns() {
    let mut s = Session::new(Preset::Empty.lesson());
    let parsed = s.paste("m;F\n2;19,6\n4,5;44,1\n10;98\n").unwrap();
    assert!(parsed.had_header);
    assert_eq!(s.lesson().table.labels.x, "m");
    assert!(s.set_param(0, 8.0));
    close(s.evaluation().loss, 402.57);
}

#[test]
fn renaming_a_column_changes_no_number() {
    let mut s = Session::new(Preset::Lecture.lesson());
    s.step();
    s.set_label(0, "m");
    s.set_label(1, "F");
    assert_eq!(s.problem().data.labels().y, "F");
    assert_eq!(s.history().len(), 1, "renaming keeps the run");
    close(s.params()[0], 9.3419);
}

#[test]
fn moving_the_slider_restarts_the_run_there_and_widens_the_range() {
    let mut s = Session::new(Preset::Lecture.lesson());
    s.step();
    assert!(s.set_param(0, 11.5));
    assert!(s.history().is_empty());
    close(s.evaluation().loss, 359.0825);
    assert!(s.set_param(0, 500.0));
    let (lo, hi) = s.range(0);
    assert!(lo <= 500.0 && 500.0 <= hi);
    assert!(!s.set_param(0, f64::INFINITY));
    s.set_param(0, 1e308);
    assert!(s.params()[0].is_finite());
    close(s.params()[0], 1e12);
}

#[test]
fn switching_model_and_loss_keeps_a() {
    let mut s = Session::new(Preset::Lecture.lesson());
    s.set_model(Model::Affine);
    assert_eq!(s.params(), &[8.0, 0.0]);
    s.set_loss(Loss::L1);
    close(s.evaluation().loss, 29.7);
    s.set_model(Model::Linear);
    assert_eq!(s.params(), &[8.0]);
}

#[test]
fn a_lesson_reopened_from_a_link_continues_where_it_was() {
    let mut s = Session::new(Preset::Force.lesson());
    s.step();
    let link = s.lesson().to_link();
    let reopened = Session::new(Lesson::from_link(&link).unwrap());
    close(reopened.params()[0], 9.3419);
    assert_eq!(reopened.lesson().start, vec![8.0]);
    assert_eq!(reopened.lesson().table.labels.x, "m");
    let mut reopened = reopened;
    reopened.reset();
    close(reopened.params()[0], 8.0);
}

#[test]
fn local_minima_preset_freezes_b_at_2() {
    let mut s = Session::new(Preset::LocalMinima.lesson());
    for _ in 0..500 {
        if s.step().is_final() {
            break;
        }
    }
    assert_eq!(s.outcome(), Outcome::Converged);
    assert_eq!(s.params()[1], 2.0);
    assert!((s.params()[0] - 0.242).abs() < 5e-4);
}
