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

/// Types `text` into the field of a the way a student does, one key at a time: every
/// prefix that reads as a number sets a (what the app's field does on each keystroke).
fn type_a(s: &mut Session, text: &str) {
    for end in 1..=text.len() {
        if let Ok(v) = descent_core::parse_number(&text[..end]) {
            s.set_param(0, v);
        }
    }
}

#[test]
fn typing_1_then_10_then_8_leaves_the_range_where_it_started() {
    let mut s = Session::new(Preset::Lecture.lesson());
    let home = s.range(0);
    assert!(home.0 <= 8.0 && 9.8 <= home.1, "{home:?}");
    s.set_param(0, 1.0);
    let (lo, _) = s.range(0);
    assert!(lo < 1.0, "a = 1 is shown: {:?}", s.range(0));
    // "10" passes through "1" on the way.
    type_a(&mut s, "10");
    assert_eq!(s.range(0), home);
    type_a(&mut s, "8");
    assert_eq!(s.range(0), home);
}

#[test]
fn a_typo_as_large_as_1e12_is_forgotten_once_a_is_back_home() {
    let mut s = Session::new(Preset::Lecture.lesson());
    let home = s.range(0);
    for typo in ["80", "1e308", "-5e11"] {
        type_a(&mut s, typo);
        let (lo, hi) = s.range(0);
        let a = s.params()[0];
        assert!(lo <= a && a <= hi && (lo, hi) != home, "{typo}: {lo}..{hi}");
        type_a(&mut s, "8");
        assert_eq!(s.range(0), home, "after {typo} and 8");
    }
    // Reset goes back to the start, which typing moved: a typo, then Reset, is home too.
    s.set_param(0, 1e12);
    s.set_param(0, 9.0);
    s.step();
    s.reset();
    assert_eq!(s.range(0), home);
}

#[test]
fn diverging_descent_widens_the_range_and_undo_and_reset_bring_it_back() {
    let mut s = Session::new(Preset::Lecture.lesson());
    let home = s.range(0);
    s.set_learning_rate_text("0.01");
    let mut widths = vec![home.1 - home.0];
    for _ in 0..4 {
        s.step();
        let (lo, hi) = s.range(0);
        // The loss chart's axis shows every point of the trail, the newest included.
        for a in s.history().iter().map(|step| step.before[0]) {
            assert!(lo <= a && a <= hi, "trail point {a} outside {lo}..{hi}");
        }
        let a = s.params()[0];
        assert!(lo <= a && a <= hi, "a = {a} outside {lo}..{hi}");
        widths.push(hi - lo);
    }
    assert!(widths[4] > 2.0 * widths[0], "diverging: {widths:?}");
    for _ in 0..4 {
        s.undo();
        let (lo, hi) = s.range(0);
        assert!(hi - lo <= *widths.last().unwrap_or(&f64::INFINITY));
        widths.pop();
    }
    assert_eq!(s.range(0), home, "every step undone");
    for _ in 0..4 {
        s.step();
    }
    assert_ne!(s.range(0), home);
    s.reset();
    assert_eq!(s.range(0), home, "reset");
}

#[test]
fn a_run_that_started_outside_home_keeps_its_start_in_view_until_it_restarts() {
    let mut s = Session::new(Preset::Lecture.lesson());
    let home = s.range(0);
    s.set_param(0, 13.0);
    assert_ne!(s.range(0), home);
    // γ = 0.003 shrinks the distance to 9.8 by 0.2545 a step: 13 → 10.6144, inside
    // home, but the loss chart still draws the trail from 13.
    s.step();
    close(s.params()[0], 10.6144);
    let (_, hi) = s.range(0);
    assert!(hi >= 13.0);
    // Undo goes back to 13; a value typed (or dragged) inside home restarts the run there.
    s.undo();
    s.step();
    s.set_param(0, s.params()[0]);
    assert_eq!(s.range(0), home);
}

#[test]
fn the_range_sits_on_the_slider_grid_so_the_slider_reaches_9_8_exactly() {
    let mut s = Session::new(Preset::Lecture.lesson());
    let (lo, hi) = s.range(0);
    let (min, max, step) = descent_core::analysis::slider_grid((lo, hi));
    assert_eq!((min, max), (lo, hi));
    assert_eq!(step, 0.01);
    // The slider's 352nd position from 6.28 is 9.8, as the browser computes it in decimal.
    assert!(s.slide_param(0, 9.8));
    close(s.evaluation().loss, 0.0);
    assert_eq!(s.range(0), (lo, hi));
}

#[test]
fn a_slider_drag_inside_home_never_moves_the_range() {
    let mut s = Session::new(Preset::Lecture.lesson());
    let home = s.range(0);
    for a in [home.0, 7.0, 9.8, 10.0, home.1] {
        assert!(s.slide_param(0, a));
        assert_eq!(s.range(0), home, "dragged to {a}");
    }
    assert!(!s.end_slide(), "nothing to fit at the end of the drag");
    assert_eq!(s.range(0), home);
}

#[test]
fn a_slider_drag_from_a_widened_range_holds_it_until_the_drag_ends() {
    let mut s = Session::new(Preset::Lecture.lesson());
    let home = s.range(0);
    s.set_param(0, 80.0);
    let wide = s.range(0);
    assert_ne!(wide, home);
    // Dragging back towards home: the scale stays put under the pointer…
    for a in [60.0, 30.0, 12.0, 9.8] {
        assert!(s.slide_param(0, a));
        assert_eq!(s.range(0), wide, "dragged to {a}");
        close(s.params()[0], a);
    }
    // …and the drag's end shows home again.
    assert!(s.end_slide());
    assert_eq!(s.range(0), home);
    // A value from outside the range (no slider makes one) is covered as typed.
    assert!(s.slide_param(0, 40.0));
    let (lo, hi) = s.range(0);
    assert!(lo <= 40.0 && 40.0 <= hi);
}

#[test]
fn a_new_problem_fits_a_new_home_range() {
    let mut s = Session::new(Preset::Lecture.lesson());
    let lecture_home = s.range(0);
    s.load(Preset::LocalMinima.lesson());
    let (lo, hi) = s.range(0);
    assert!(lo < -0.25 && 0.242 < hi && hi < 5.0, "{lo}..{hi}");
    s.load(Preset::Lecture.lesson());
    s.set_param(0, 80.0);
    s.load(Preset::Lecture.lesson());
    assert_eq!(s.range(0), lecture_home, "picking the example again");
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

#[test]
fn a_typed_parameter_beyond_the_bound_is_limited_and_says_so() {
    use descent_core::range::PARAM_BOUND;
    use descent_core::ParamInput;
    assert_eq!(Session::read_param("11,5"), ParamInput::Value(11.5));
    assert_eq!(
        Session::read_param("1e15"),
        ParamInput::Limited {
            typed: 1e15,
            used: PARAM_BOUND
        }
    );
    assert_eq!(
        Session::read_param("−1e15").value(),
        Some(-PARAM_BOUND),
        "a Unicode minus, limited to the lower bound"
    );
    assert_eq!(Session::read_param("1e12"), ParamInput::Value(PARAM_BOUND));
    // 1e309 is not finite, as a table cell of 1e309 is: one error for both.
    assert_eq!(
        Session::read_param("1e309"),
        ParamInput::Invalid(NumberError::NotFinite)
    );
    assert_eq!(
        Session::read_param("abc"),
        ParamInput::Invalid(NumberError::NotANumber)
    );
    // What the field reads is what the session uses.
    let mut s = Session::new(Preset::Lecture.lesson());
    let used = Session::read_param("1e15").value().unwrap_or_default();
    assert!(s.set_param(0, 1e15));
    assert_eq!(s.params()[0], used);
}

#[test]
fn a_link_carries_the_learning_rate_on_screen_or_is_refused() {
    use descent_core::NotShareable;
    for text in ["abc", "0", "-1", "", "1e309"] {
        let mut s = Session::new(Preset::Lecture.lesson());
        s.set_learning_rate_text(text);
        assert_eq!(
            s.shareable(),
            Err(NotShareable::LearningRate(text.to_owned())),
            "γ = {text:?}"
        );
    }
    for (text, gamma) in [("1e300", 1e300), ("0,01", 0.01), ("1e6", 1e6)] {
        let mut s = Session::new(Preset::Lecture.lesson());
        s.set_learning_rate_text(text);
        let link = s.shareable().map(Lesson::to_link).ok();
        let opened = link
            .and_then(|l| Lesson::from_link(&l).ok())
            .map(Session::new);
        assert_eq!(
            opened.as_ref().and_then(Session::learning_rate),
            Some(gamma),
            "γ = {text}"
        );
        if text == "1e300" {
            // Written short, not as 301 digits.
            let text = opened.map(|o| o.learning_rate_text().to_owned());
            assert_eq!(text.as_deref(), Some("1e300"));
        }
    }
}
