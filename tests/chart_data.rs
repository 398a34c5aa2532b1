//! The session → chart adapters (`descent_lab::chart_data`), natively: the lecture's figures
//! reach the charts' plain structs, and the data chart's window always shows the data and
//! the model's line over the data's x range.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use descent_core::presets::Preset;
use descent_core::Session;
use descent_lab::chart_data::{
    alt_numbers, data_chart, landscape_key, landscape_of, loss_chart, LossWords,
};
use descent_lab::i18n::Lang;

const WORDS: LossWords<'static> = LossWords {
    global_minimum: "global minimum",
    local_minimum: "local minimum",
    local_maximum: "local maximum",
    no_data: "no data",
    too_large: "too large",
};

fn lecture() -> Session {
    Session::new(Preset::Lecture.lesson())
}

/// The curve's value at `a`, interpolated between its two nearest samples.
fn curve_at(curve: &[(f64, f64)], a: f64) -> f64 {
    let i = curve
        .windows(2)
        .position(|w| w[0].0 <= a && a <= w[1].0)
        .unwrap();
    let ((a0, l0), (a1, l1)) = (curve[i], curve[i + 1]);
    l0 + (l1 - l0) * (a - a0) / (a1 - a0)
}

#[test]
fn the_lecture_loss_curve_passes_through_a_8_l_402_57() {
    let session = lecture();
    let landscape = landscape_of(&landscape_key(&session));
    let at_8 = curve_at(&landscape.curve, 8.0);
    assert!((at_8 - 402.57).abs() < 0.5, "L(8) on the curve is {at_8}");
    // The exact minimum of the lecture, a = 9.8 with L = 0, named the global one.
    assert_eq!(landscape.minima.len(), 1);
    assert!((landscape.minima[0].0 - 9.8).abs() < 1e-9);
    assert!(landscape.minima[0].1.abs() < 1e-9);
    assert!(landscape.global);
}

#[test]
fn the_lecture_loss_chart_marks_a_8_with_the_slope_minus_447_3() {
    let session = lecture();
    let landscape = landscape_of(&landscape_key(&session));
    let chart = loss_chart(&session, &landscape, Lang::En, WORDS);
    let (a, l) = chart.current.unwrap();
    assert_eq!(a, 8.0);
    assert!((l - 402.57).abs() < 1e-9);
    let tangent = chart.tangent.unwrap();
    assert!((tangent.slope - -447.3).abs() < 1e-9);
    assert_eq!(tangent.label, "∂L/∂a = −447.3");
    assert_eq!(chart.minimum_label, "global minimum");
    assert!(chart.trail.is_empty());
}

#[test]
fn the_slope_label_is_written_in_the_interface_language() {
    let session = lecture();
    let landscape = landscape_of(&landscape_key(&session));
    let chart = loss_chart(&session, &landscape, Lang::Lt, WORDS);
    assert_eq!(chart.tangent.unwrap().label, "∂L/∂a = −447,3");
    assert_eq!(alt_numbers(&session, Lang::Lt), ["8", "402,57", "−447,3"]);
    assert_eq!(alt_numbers(&session, Lang::En), ["8", "402.57", "−447.3"]);
}

#[test]
fn one_step_leaves_a_trail_from_8_to_9_3419() {
    let mut session = lecture();
    session.step();
    let landscape = landscape_of(&landscape_key(&session));
    let chart = loss_chart(&session, &landscape, Lang::En, WORDS);
    assert_eq!(chart.trail.len(), 2);
    assert_eq!(chart.trail[0].0, 8.0);
    assert!((chart.trail[1].0 - 9.3419).abs() < 1e-9);
}

#[test]
fn moving_a_leaves_the_landscape_key_unchanged() {
    let mut session = lecture();
    let before = landscape_key(&session);
    session.slide_param(0, 10.0);
    assert_eq!(landscape_key(&session), before);
}

#[test]
fn the_lecture_data_chart_shows_three_points_residuals_and_the_line_y_8x() {
    let chart = data_chart(&lecture(), false, "");
    assert_eq!(chart.points, [(2.0, 19.6), (4.5, 44.1), (10.0, 98.0)]);
    assert_eq!(chart.residuals.len(), 3);
    assert_eq!(chart.residuals[0].y_hat, 16.0);
    for &(x, y) in &chart.model_line {
        assert!((y - 8.0 * x).abs() < 1e-9);
    }
    let view = chart.view.unwrap();
    assert!(view.x.0 <= 0.0 && view.x.1 >= 10.0);
    assert!(view.y.0 <= 0.0 && view.y.1 >= 98.0);
}

#[test]
fn an_empty_lesson_says_no_data_on_the_loss_chart() {
    let session = Session::new(Preset::Empty.lesson());
    let landscape = landscape_of(&landscape_key(&session));
    let chart = loss_chart(&session, &landscape, Lang::En, WORDS);
    assert_eq!(chart.empty_message, "no data");
    assert!(chart.current.is_none());
}
