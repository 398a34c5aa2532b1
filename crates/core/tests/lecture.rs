//! Every figure of the lecture (see shared/LECTURE.md) comes out of the core exactly.

use approx::assert_relative_eq;
use descent_core::analysis::ExtremumKind;
use descent_core::optimizer::Divergence;
use descent_core::presets::{self, Preset};
use descent_core::{
    GradientDescent, Loss, Notation, Optimum, Outcome, Problem, Rounded, Run, StopRule,
};

fn lecture() -> Problem {
    presets::lecture().problem()
}

/// `value` rounded as the readouts and slides show it, with an ASCII minus so that it
/// compares with Rust's `{}` of the lecture's figure.
fn shown(value: f64) -> String {
    let notation = Notation {
        decimal_separator: '.',
        minus: '-',
    };
    Rounded::new(value)
        .map(|rounded| rounded.write(notation))
        .unwrap_or_default()
}

/// Relative 1e-9, or absolute 1e-9 near zero.
fn close(actual: f64, expected: f64) {
    assert_relative_eq!(actual, expected, max_relative = 1e-9, epsilon = 1e-9);
}

#[test]
fn loss_and_derivative_match_the_lecture_table() {
    let table = [
        (5.0, 2862.72, -1192.8),
        (8.0, 402.57, -447.3),
        (9.0, 79.52, -198.8),
        (9.8, 0.0, 0.0),
        (10.0, 4.97, 49.7),
        (11.5, 359.0825, 422.45),
    ];
    let problem = lecture();
    for (a, loss, derivative) in table {
        let eval = problem.evaluate(&[a]);
        close(eval.loss, loss);
        close(eval.gradient[0], derivative);
        close(problem.loss_at(&[a]), loss);
        // Rounded for reading, the computed values are the lecture's figures, digit for
        // digit (359.0825 included).
        assert_eq!(shown(eval.loss), format!("{loss}"), "L({a})");
        assert_eq!(
            shown(eval.gradient[0]),
            format!("{derivative}"),
            "∂L/∂a({a})"
        );
    }
}

#[test]
fn worked_sum_at_a_equals_8_has_the_slides_terms() {
    let residuals = lecture().residuals(&[8.0]);
    let terms: Vec<f64> = residuals.iter().map(|r| r.contribution).collect();
    close(terms[0], (19.6f64 - 16.0).powi(2));
    close(terms[1], (44.1f64 - 36.0).powi(2));
    close(terms[2], (98.0f64 - 80.0).powi(2));
    close(terms.iter().sum(), 402.57);
}

#[test]
fn closed_form_minimum_is_9_8() {
    let problem = lecture();
    let sums = problem.data.sums();
    close(sums.xy, 1217.65);
    close(sums.xx, 124.25);
    match problem.optimum(&[8.0]) {
        Optimum::Unique(best) => close(best[0], 9.8),
        other => panic!("expected a unique optimum, got {other:?}"),
    }
}

#[test]
fn a_line_with_intercept_through_the_lecture_data_passes_through_the_origin_exactly() {
    // F = 9.8·m exactly: the intercept b* = (Σy − a*·Σx)/n cancels to rounding noise
    // (−3.8e−14), which a readout would show as a real intercept. It is 0.
    let mut lesson = presets::lecture();
    lesson.model = descent_core::Model::Affine;
    lesson.frozen = vec![false, false];
    lesson.params = vec![8.0, 0.0];
    lesson.start = lesson.params.clone();
    match lesson.problem().optimum(&lesson.params) {
        Optimum::Unique(best) => {
            close(best[0], 9.8);
            assert_eq!(best[1], 0.0);
        }
        other => panic!("expected a unique optimum, got {other:?}"),
    }
    // A real intercept is kept: y = 2x + 1 through the lecture's x.
    let mut shifted = lesson.clone();
    shifted.table = descent_core::Table::new(
        descent_core::Labels::default(),
        vec![
            ["2".into(), "5".into()],
            ["4.5".into(), "10".into()],
            ["10".into(), "21".into()],
        ],
    );
    match shifted.problem().optimum(&shifted.params) {
        Optimum::Unique(best) => {
            close(best[0], 2.0);
            close(best[1], 1.0);
        }
        other => panic!("expected a unique optimum, got {other:?}"),
    }
}

#[test]
fn descent_from_8_with_gamma_0_003_follows_the_lecture_path() {
    let problem = lecture();
    let mut run = Run::new(vec![8.0]);
    let descent = GradientDescent::new(0.003);
    let printed = [9.3419, 9.683414, 9.770329, 9.792449, 9.798078];
    for (k, printed) in printed.iter().enumerate() {
        run.step(&problem, descent, &StopRule::default());
        let a = run.params()[0];
        // Each step shrinks the distance to 9.8 by 1 − 2γΣx² = 0.2545.
        close(a, 9.8 - 1.8 * 0.2545f64.powi(k as i32 + 1));
        assert_eq!(shown(a), format!("{printed}"));
    }
    let first = &run.history()[0];
    close(first.loss_before, 402.57);
    close(first.gradient[0], -447.3);
    close(first.after[0], 9.3419);
}

#[test]
fn descent_converges_to_9_8_and_undo_and_reset_go_back() {
    let problem = lecture();
    let mut run = Run::new(vec![8.0]);
    let outcome = run.run(&problem, GradientDescent::new(0.003), &StopRule::default());
    assert_eq!(outcome, Outcome::Converged);
    close(run.params()[0], 9.8);
    assert!(run.history().len() < 40, "{} steps", run.history().len());
    assert!(run.undo());
    assert!(!run.history().is_empty());
    run.reset();
    assert_eq!(run.params(), &[8.0]);
    assert!(run.history().is_empty());
    assert!(!run.undo());
}

#[test]
fn learning_rate_limit_is_one_over_sum_of_squares() {
    let limit = lecture().learning_rate_limit().expect("a limit");
    close(limit, 1.0 / 124.25);
    assert_eq!(format!("{limit:.6}"), "0.008048");
}

#[test]
fn gamma_above_the_limit_diverges_and_at_the_limit_oscillates() {
    let problem = lecture();
    let mut run = Run::new(vec![8.0]);
    let outcome = run.run(&problem, GradientDescent::new(0.01), &StopRule::default());
    assert_eq!(outcome, Outcome::Diverged(Divergence::LossGrowing));

    let limit = 1.0 / 124.25;
    let mut run = Run::new(vec![8.0]);
    let rule = StopRule {
        max_steps: 50,
        ..StopRule::default()
    };
    let outcome = run.run(&problem, GradientDescent::new(limit), &rule);
    assert_eq!(outcome, Outcome::StepLimit);
    // It jumps between 8 and 11.6, mirror images around 9.8.
    close(run.params()[0], 8.0);
    close(run.history()[0].after[0], 11.6);
}

#[test]
fn huge_learning_rate_stops_with_non_finite_instead_of_overflowing() {
    let problem = lecture();
    let mut run = Run::new(vec![8.0]);
    let outcome = run.run(&problem, GradientDescent::new(1e300), &StopRule::default());
    assert_eq!(outcome, Outcome::Diverged(Divergence::NonFinite));
    assert!(run.params().iter().all(|p| p.is_finite()));
}

#[test]
fn l1_loss_at_8_is_29_7() {
    let mut problem = lecture();
    problem.loss = Loss::L1;
    close(problem.loss_at(&[8.0]), 29.7);
}

#[test]
fn force_preset_is_the_same_maths_with_other_names() {
    let force = Preset::Force.lesson().problem();
    assert_eq!(force.data.labels().x, "m");
    assert_eq!(force.data.labels().y, "F");
    close(force.loss_at(&[8.0]), 402.57);
}

#[test]
fn non_convex_example_has_two_minima_and_a_maximum() {
    let lesson = presets::local_minima();
    let problem = lesson.problem();
    let found = problem.extrema(&lesson.params, 0, (-1.0, 1.0));
    let kinds: Vec<ExtremumKind> = found.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            ExtremumKind::Minimum,
            ExtremumKind::Maximum,
            ExtremumKind::Minimum
        ]
    );
    close(found[0].value, -0.25);
    close(found[0].loss, 0.01125);
    assert!((found[1].value - 0.008).abs() < 5e-4, "{}", found[1].value);
    assert!((found[2].value - 0.242).abs() < 5e-4, "{}", found[2].value);
    assert!((found[2].loss - 0.0260).abs() < 5e-5, "{}", found[2].loss);
    // At each extremum the derivative vanishes.
    for e in &found {
        let g = problem.evaluate(&[e.value, 2.0]).gradient[0];
        assert!(g.abs() < 1e-9, "{g}");
    }
}

#[test]
fn non_convex_descent_ends_in_the_minimum_on_its_side() {
    let lesson = presets::local_minima();
    let problem = lesson.problem();
    let descent = lesson.descent();
    let mut right = Run::new(vec![0.5, 2.0]);
    assert_eq!(
        right.run(&problem, descent, &StopRule::default()),
        Outcome::Converged
    );
    assert!((right.params()[0] - 0.242).abs() < 5e-4);
    assert_eq!(right.params()[1], 2.0, "b is frozen");
    let mut left = Run::new(vec![-0.1, 2.0]);
    left.run(&problem, descent, &StopRule::default());
    close(left.params()[0], -0.25);
}

#[test]
fn default_range_shows_the_current_value_and_the_minimum() {
    let problem = lecture();
    let (lo, hi) = problem.default_range(&[8.0], 0);
    assert!(lo < 8.0 && 9.8 < hi, "{lo}..{hi}");
    let lesson = presets::local_minima();
    let (lo, hi) = lesson.problem().default_range(&lesson.params, 0);
    assert!(lo < -0.25 && 0.5 < hi, "{lo}..{hi}");
}
