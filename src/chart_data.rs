//! Session → chart: the adapters that turn a lesson in progress into the charts' plain
//! structs ([`DataChart`], [`LossChart`]) and the numbers of their text alternatives.
//!
//! Pure: no Leptos, no web-sys, so every adapter is tested natively (`tests/chart_data.rs`).
//! This is the one place of the app that asks the core for chart numbers; the chart
//! components only call these functions.

use crate::charts::{data_view, ChartView, DataChart, LossChart, Residual, Tangent};
use crate::i18n::{format_number, Lang};
use descent_core::{LossLandscape, Problem, Session};

/// How many samples draw the model's line and the loss curve.
const LINE_SAMPLES: usize = 200;
/// How many samples draw the loss curve.
const CURVE_SAMPLES: usize = 400;
/// How many trail points the loss chart shows (the latest ones).
const TRAIL_POINTS: usize = 200;

/// A point being dragged on the data chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointDrag {
    /// The pointer that drags; other pointers (a second finger) are ignored until it lifts.
    pub pointer_id: i32,
    /// The index of the point among the chart's points, to highlight it.
    pub point: usize,
    /// The table row the point came from, to move it.
    pub row: usize,
    /// The data window when the drag began, kept until it ends.
    pub view: ChartView,
    /// The point's centre minus the pointer's position when grabbed, in canvas pixels: the
    /// point keeps this offset from the pointer instead of jumping under it, so a purely
    /// vertical drag leaves x exactly as it was.
    pub offset: (f64, f64),
}

/// What the "data and model" chart shows, read from a session.
pub fn data_chart(session: &Session, show_squares: bool, empty_message: &str) -> DataChart {
    held_data_chart(session, show_squares, empty_message, None)
}

/// How many values of a, evenly spread over its slider range, set the data chart's window.
/// The non-convex model's ŷ = a·x + b − 2a² is highest at an a inside the range, not at
/// its ends, so the ends alone would not do.
const WINDOW_SAMPLES: usize = 8;

/// The data chart's window: the points, the model's predictions at the points for a spread
/// over its slider range and at the minimum, so the line and the residuals stay in view
/// wherever the slider goes and the axes hold still while it moves; and always the current
/// model's line over the data's x range.
///
/// The predictions for other values of a stretch the y axis by at most three times the
/// data's scale, so one absurd end of the range cannot squash the points into a line. The
/// scale is the points' spread, or half their largest magnitude when that is more: the
/// second example's y lie between 1.85 and 1.9, and three such spreads hold no line but the
/// best one. The current line is never clipped: it is what the student is looking at.
pub fn fitted_view(session: &Session, points: &[(f64, f64)]) -> ChartView {
    let base = data_view(points);
    if points.is_empty() {
        return base;
    }
    let problem = session.problem();
    let params = session.params();
    let (lo, hi) = session.range(0);
    let with_a = |a: f64| {
        let mut at = params.to_vec();
        if let Some(first) = at.first_mut() {
            *first = a;
        }
        at
    };
    let mut settings: Vec<Vec<f64>> = (0..=WINDOW_SAMPLES)
        .map(|k| with_a(lo + (hi - lo) * k as f64 / WINDOW_SAMPLES as f64))
        .collect();
    if let Some(best) = problem.optimum(params).unique() {
        settings.push(best.to_vec());
    }
    let (y_lo, y_hi) = base.y;
    let magnitude = points
        .iter()
        .map(|p| p.1.abs())
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let scale = (y_hi - y_lo).max(0.5 * magnitude).max(f64::MIN_POSITIVE);
    let (floor, ceiling) = (y_lo - 3.0 * scale, y_hi + 3.0 * scale);
    let mut extended = points.to_vec();
    for at in &settings {
        for &(x, _) in points {
            let y = problem.model.predict(at, x);
            if y.is_finite() {
                extended.push((x, y.clamp(floor, ceiling)));
            }
        }
    }
    extended.extend(current_line(problem, params, points));
    data_view(&extended)
}

/// The current model's line over the data's x range: its values at the points' x and, for a
/// model that is not a straight line, at samples between the ends.
fn current_line(problem: &Problem, params: &[f64], points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let xs: Vec<f64> = points
        .iter()
        .map(|p| p.0)
        .filter(|x| x.is_finite())
        .collect();
    let (x_lo, x_hi) = xs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(x), hi.max(x))
        });
    let mut samples = xs.clone();
    if !problem.model.is_linear_in_x() && x_lo < x_hi {
        samples.extend(
            (0..=LINE_SAMPLES).map(|k| x_lo + (x_hi - x_lo) * k as f64 / LINE_SAMPLES as f64),
        );
    }
    samples
        .into_iter()
        .map(|x| (x, problem.model.predict(params, x)))
        .filter(|(_, y)| y.is_finite())
        .collect()
}

/// [`data_chart`] while `drag` holds a point: the axes keep the drag's view instead of
/// fitting the points, and the dragged point is highlighted.
pub fn held_data_chart(
    session: &Session,
    show_squares: bool,
    empty_message: &str,
    drag: Option<&PointDrag>,
) -> DataChart {
    let problem = session.problem();
    let params = session.params();
    let points: Vec<(f64, f64)> = problem.data.points().iter().map(|p| (p.x, p.y)).collect();
    let view = drag.map_or_else(|| fitted_view(session, &points), |d| d.view);
    let (lo, hi) = view.x;
    // A straight line is drawn from its two ends: through many samples, each rounded to
    // whole pixels, it showed a one-pixel jog on a projector.
    let samples = if problem.model.is_linear_in_x() {
        1
    } else {
        LINE_SAMPLES
    };
    let model_line = (0..=samples)
        .map(|k| {
            let x = lo + (hi - lo) * k as f64 / samples as f64;
            (x, problem.model.predict(params, x))
        })
        .collect();
    let residuals = problem
        .residuals(params)
        .iter()
        .map(|r| Residual {
            x: r.x,
            y: r.y,
            y_hat: r.prediction,
        })
        .collect();
    let labels = problem.data.labels();
    DataChart {
        points,
        model_line,
        residuals,
        show_squares,
        x_label: labels.x.clone(),
        y_label: labels.y.clone(),
        highlighted: drag.map(|d| d.point),
        empty_message: empty_message.to_owned(),
        view: Some(view),
    }
}

/// What the loss landscape depends on: the problem, the range of a, and the other parameters
/// (a itself is 0 here, so moving the slider changes nothing in it). Built only by
/// [`landscape_key`], so no part can be left out.
#[derive(Clone, Debug, PartialEq)]
pub struct LandscapeKey {
    problem: Problem,
    range: (f64, f64),
    params: Vec<f64>,
}

/// The key of `session`'s loss landscape: equal for two sessions whose landscapes are equal.
pub fn landscape_key(session: &Session) -> LandscapeKey {
    let mut params = session.params().to_vec();
    if let Some(a) = params.first_mut() {
        *a = 0.0;
    }
    LandscapeKey {
        problem: session.problem().clone(),
        range: session.range(0),
        params,
    }
}

/// The loss landscape a [`LandscapeKey`] stands for.
pub fn landscape_of(key: &LandscapeKey) -> LossLandscape {
    key.problem
        .loss_landscape(&key.params, key.range, CURVE_SAMPLES)
}

/// The words the loss chart writes: beside the global minimum, a local minimum, a local
/// maximum, and on an empty chart.
#[derive(Clone, Copy, Debug)]
pub struct LossWords<'a> {
    /// Beside the exact minimum.
    pub global_minimum: &'a str,
    /// Beside a local minimum.
    pub local_minimum: &'a str,
    /// Beside a local maximum.
    pub local_maximum: &'a str,
    /// On a chart without data.
    pub no_data: &'a str,
    /// On a chart whose data is there but whose loss overflowed everywhere (a cell like 1e308).
    pub too_large: &'a str,
}

/// What the loss chart shows: the landscape, the current point, its tangent (labelled with
/// ∂L/∂a in `lang`'s number format), the trail.
pub fn loss_chart(
    session: &Session,
    landscape: &LossLandscape,
    lang: Lang,
    words: LossWords<'_>,
) -> LossChart {
    let evaluation = session.evaluation();
    let a = session.params().first().copied().unwrap_or(0.0);
    let slope = evaluation.gradient.first().copied().unwrap_or(0.0);
    let history = session.history();
    let mut trail: Vec<(f64, f64)> = history
        .iter()
        .skip(history.len().saturating_sub(TRAIL_POINTS))
        .map(|s| (s.before.first().copied().unwrap_or(0.0), s.loss_before))
        .collect();
    if !history.is_empty() {
        trail.push((a, evaluation.loss));
    }
    let has_data = !session.problem().data.is_empty();
    let slope_label = format!("∂L/∂a = {}", format_number(slope, lang));
    LossChart {
        curve: landscape.curve.clone(),
        parameter_name: session
            .lesson()
            .model
            .param_names()
            .first()
            .copied()
            .unwrap_or("a")
            .to_owned(),
        loss_name: "L".to_owned(),
        current: has_data.then_some((a, evaluation.loss)),
        tangent: has_data.then_some(Tangent {
            slope,
            label: slope_label,
        }),
        trail,
        minima: landscape.minima.clone(),
        maxima: landscape.maxima.clone(),
        minimum_label: if landscape.global {
            words.global_minimum
        } else {
            words.local_minimum
        }
        .to_owned(),
        // Of several local minima the lowest is the global one, as the lecture says of
        // its second example.
        lowest_minimum_label: (!landscape.global && landscape.minima.len() > 1)
            .then(|| words.global_minimum.to_owned()),
        maximum_label: words.local_maximum.to_owned(),
        // With rows but no finite sample, the loss overflowed: "no data" would be wrong.
        empty_message: if has_data {
            words.too_large
        } else {
            words.no_data
        }
        .to_owned(),
        view: None,
    }
}

/// a, L and ∂L/∂a as the charts' text alternatives state them.
pub fn alt_numbers(session: &Session, lang: Lang) -> [String; 3] {
    let e = session.evaluation();
    [
        session.params().first().copied().unwrap_or(0.0),
        e.loss,
        e.gradient.first().copied().unwrap_or(0.0),
    ]
    .map(|v| format_number(v, lang))
}
