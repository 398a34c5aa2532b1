//! Closed forms for a typed model linear in its parameters whose features are not the
//! built-in ŷ = a·x + b's: the minimum and the learning-rate limit come from the model's
//! own normal equations (`descent_core::normal`), not from the sums Σx, Σx² of a·x + b.
#![allow(clippy::unwrap_used)]

use descent_core::analysis::{closed_form, Optimum};
use descent_core::data::Dataset;
use descent_core::formula::ParseOptions;
use descent_core::{Loss, Model, Problem};

fn problem(formula: &str, points: &[(f64, f64)]) -> Problem {
    let model = Model::formula_text(formula).unwrap();
    let n = model.param_count();
    Problem {
        data: Dataset::from_pairs(points).unwrap(),
        model,
        loss: Loss::L2,
        frozen: vec![false; n],
    }
}

const LECTURE: [(f64, f64); 3] = [(2.0, 19.6), (4.5, 44.1), (10.0, 98.0)];

#[test]
fn a_scaled_line_finds_its_own_minimum_not_the_built_in_lines() {
    // y = 9.8·x exactly, so with ŷ = 2.5·a·x + b the minimum is a* = 9.8/2.5 = 3.92, b* = 0
    // (the built-in a·x + b's formulas gave a* = 9.8).
    let p = problem("2.5*a*x + b", &LECTURE);
    let Optimum::Unique(best) = closed_form(&p, &[8.0, 0.0]) else {
        panic!("a unique minimum")
    };
    assert!((best[0] - 3.92).abs() < 1e-12, "{best:?}");
    assert!(best[1].abs() < 1e-10, "{best:?}");
    assert!(p.evaluate(&best).loss < 1e-18);
    // γ < 2/λmax with λmax of the Hessian 2·[[6.25Σx², 2.5Σx], [2.5Σx, n]].
    let (sxx, sx, n): (f64, f64, f64) = (124.25, 16.5, 3.0);
    let (p11, p12, p22) = (6.25 * sxx, 2.5 * sx, n);
    let lambda = 2.0 * ((p11 + p22) / 2.0 + (((p11 - p22) / 2.0).powi(2) + p12 * p12).sqrt());
    let limit = p.learning_rate_limit().unwrap();
    assert!(
        (limit - 2.0 / lambda).abs() < 1e-15,
        "{limit} vs {}",
        2.0 / lambda
    );
}

#[test]
fn a_parabola_with_three_parameters_recovers_the_coefficients_that_made_the_data() {
    let points: Vec<(f64, f64)> = [-2.0, -1.0, 0.5, 1.0, 3.0]
        .iter()
        .map(|&x| (x, 0.5 * x * x - 3.0 * x + 7.0))
        .collect();
    let p = problem("a*x^2 + b*x + c", &points);
    let Optimum::Unique(best) = closed_form(&p, &[0.0, 0.0, 0.0]) else {
        panic!("a unique minimum")
    };
    for (got, want) in best.iter().zip([0.5, -3.0, 7.0]) {
        assert!((got - want).abs() < 1e-12, "{best:?}");
    }
}

#[test]
fn a_frozen_parameter_is_held_and_the_others_fit_around_it() {
    // ŷ = a·x² + b with b frozen at 1: a* = Σx²(y − 1)/Σx⁴.
    let mut p = problem("a*x^2 + b", &LECTURE);
    p.frozen = vec![false, true];
    let Optimum::Unique(best) = closed_form(&p, &[0.0, 1.0]) else {
        panic!("a unique minimum")
    };
    let num: f64 = LECTURE.iter().map(|&(x, y)| x * x * (y - 1.0)).sum();
    let den: f64 = LECTURE.iter().map(|&(x, _)| x.powi(4)).sum();
    assert!((best[0] - num / den).abs() < 1e-14, "{best:?}");
    assert_eq!(best[1], 1.0);
}

#[test]
fn features_that_cannot_be_told_apart_have_no_unique_minimum() {
    // ŷ = a·x + b·x: only a + b is fixed by the data.
    let p = problem("a*x + b*x", &LECTURE);
    assert_eq!(closed_form(&p, &[1.0, 1.0]), Optimum::NoUniqueMinimum);
}

#[test]
fn a_typed_line_keeps_the_built_in_lines_figures_to_the_bit() {
    for (typed, built_in) in [("a*x", Model::Linear), ("a*x + b", Model::Affine)] {
        let t = problem(typed, &LECTURE);
        let b = Problem {
            model: built_in,
            ..t.clone()
        };
        let params = vec![8.0; t.model.param_count()];
        assert_eq!(
            closed_form(&t, &params),
            closed_form(&b, &params),
            "{typed}"
        );
        assert_eq!(t.learning_rate_limit(), b.learning_rate_limit(), "{typed}");
    }
    // The lecture's own: a* = 9.8, γ < 1/Σx² = 0.008048…
    let t = problem("a*x", &LECTURE);
    assert_eq!(closed_form(&t, &[8.0]), Optimum::Unique(vec![9.8]));
}

#[test]
fn a_parabola_through_the_lectures_line_finds_a_and_c_exactly_zero() {
    // y = 9.8·x exactly, so ŷ = a·x² + b·x + c is best at (0, 9.8, 0). Elimination
    // leaves a* ≈ −2.3e−14 and c* ≈ −6.7e−13 in rounding; the loss cannot tell them from
    // 0 (moving them there changes L by about 1e−24, against L's rounding of 1e−12), so
    // the minimum shows 0, and b* is then the lecture's own 9.8 (Σxy/Σx²), to the bit.
    let p = problem("a*x^2 + b*x + c", &LECTURE);
    let Optimum::Unique(best) = closed_form(&p, &[1.0, 2.0, 3.0]) else {
        panic!("a unique minimum")
    };
    assert_eq!(best[0], 0.0, "{best:?}");
    assert_eq!(best[2], 0.0, "{best:?}");
    assert_eq!(best[1], 9.8, "{best:?}");
    // A coefficient the loss does feel is kept, however small: y = x² / 1000 + 9.8·x.
    let bent: Vec<(f64, f64)> = LECTURE
        .iter()
        .map(|&(x, _)| (x, x * x / 1000.0 + 9.8 * x))
        .collect();
    let p = problem("a*x^2 + b*x + c", &bent);
    let Optimum::Unique(best) = closed_form(&p, &[1.0, 2.0, 3.0]) else {
        panic!("a unique minimum")
    };
    assert!((best[0] - 0.001).abs() < 1e-12, "{best:?}");
    assert!((best[1] - 9.8).abs() < 1e-10, "{best:?}");
}

#[test]
fn the_loss_curve_marks_its_own_lowest_point_not_the_joint_minimums_a() {
    use descent_core::presets::Preset;
    use descent_core::Session;
    // ŷ = a·x + b on the lecture's table with b = 0.2: the curve L(a) at b = 0.2 is lowest
    // at a = Σx(y − 0.2)/Σx² = (1217.65 − 0.2·16.5)/124.25, not at the joint a* = 9.8.
    let mut ab = Session::new(Preset::LectureAb.lesson());
    assert!(ab.set_param(1, 0.2));
    let landscape = ab.loss_landscape((5.0, 12.0), 200);
    assert_eq!(landscape.minima.len(), 1);
    let (a, l) = landscape.minima[0];
    assert!((a - (1217.65 - 0.2 * 16.5) / 124.25).abs() < 1e-12, "{a}");
    assert!(landscape.global);
    assert!(
        landscape.curve.iter().all(|&(_, c)| c >= l),
        "a sample below the mark"
    );
    // At b = 0 (the example's start) it is the lecture's 9.8 to the bit.
    assert!(ab.set_param(1, 0.0));
    assert_eq!(ab.loss_landscape((5.0, 12.0), 200).minima[0].0, 9.8);
    // Three parameters: the mark is the curve's own bottom too, and the chart's range
    // (the a slider's home range) holds it.
    let mut p3 = Session::new(Preset::Lecture.lesson());
    p3.set_formula("a*x^2 + b*x + c", ParseOptions::default())
        .unwrap();
    for (i, v) in [0.07, 0.2, 0.9].into_iter().enumerate() {
        assert!(p3.set_param(i, v));
    }
    let range = descent_core::analysis::default_range(p3.problem(), p3.params(), 0);
    let landscape = p3.loss_landscape(range, 200);
    let (a, l) = landscape.minima[0];
    assert!(range.0 < a && a < range.1, "{a} outside {range:?}");
    assert!(
        landscape.curve.iter().all(|&(_, c)| c >= l),
        "a sample below the mark"
    );
}
