//! Session → chart: the adapters that turn a lesson in progress into the charts' plain
//! structs ([`DataChart`], [`LossChart`], the loss map's in [`surface`]) and the numbers
//! of their text alternatives.
//!
//! Pure: no Leptos, no web-sys, so every adapter is tested natively (`tests/chart_data.rs`).
//!
//! This is the one place of the app that asks the core for chart numbers; the chart
//! components only call these functions. About 450 lines on purpose: one short adapter per
//! chart, all of them found here.

use crate::charts::{
    data_view, ChartView, DataChart, LossChart, Residual, SeriesPath, StepsChart, StepsSeries,
    Tangent,
};
use crate::i18n::{format_number, formula_words, Lang};
use descent_core::range::widen_in_steps;
use descent_core::{LandscapeKey, LossLandscape, Session};
use plotters::style::RGBColor;

mod surface;
pub use surface::{
    surface_base_chart, surface_chart, surface_chart_of, surface_coarse_side,
    surface_is_progressive, surface_side, with_surface_marks, SurfaceWords,
};

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

/// What the "data and model" chart shows, read from a session: its window fitted by
/// [`data_window`] from the session's own [`LandscapeKey`].
pub fn data_chart(session: &Session, show_squares: bool, empty_message: &str) -> DataChart {
    let window = data_window(&session.landscape_key());
    held_data_chart(session, &window, show_squares, empty_message, Hold::Nothing)
}

/// How many values of a, evenly spread over its slider range, set the data chart's window.
/// The non-convex model's ŷ = a·x + b − 2a² is highest at an a inside the range, not at
/// its ends, so the ends alone would not do.
const WINDOW_SAMPLES: usize = 8;

/// The part of the data chart's window that holds still while a moves: the extent of the
/// points and of the model's predictions at the points for a spread over its slider range
/// and at the minimum, as two corners `[(x_min, y_min), (x_max, y_max)]` (empty without a
/// finite value). It depends only on the [`LandscapeKey`], so the chart keeps it while the
/// slider moves: at 10 000 points it is 90 000 predictions, too many for every frame.
///
/// The predictions for other values of a stretch the y axis by at most three times the
/// data's scale, so one absurd end of the range cannot squash the points into a line. The
/// scale is the points' spread, or half their largest magnitude when that is more: the
/// second example's y lie between 1.85 and 1.9, and three such spreads hold no line but the
/// best one.
pub fn data_window(key: &LandscapeKey) -> Vec<(f64, f64)> {
    let points = key.data_points();
    let base = data_view(&points);
    let (y_lo, y_hi) = base.y;
    let magnitude = points
        .iter()
        .map(|p| p.1.abs())
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let scale = (y_hi - y_lo).max(0.5 * magnitude).max(f64::MIN_POSITIVE);
    let (floor, ceiling) = (y_lo - 3.0 * scale, y_hi + 3.0 * scale);
    let predictions = if points.is_empty() {
        Vec::new()
    } else {
        key.window_predictions(WINDOW_SAMPLES)
    };
    let all = points
        .iter()
        .copied()
        .chain(
            predictions
                .into_iter()
                .map(|(x, y)| (x, y.clamp(floor, ceiling))),
        )
        .filter(|(x, y)| x.is_finite() && y.is_finite());
    let corners = all.fold(None, |acc: Option<[(f64, f64); 2]>, (x, y)| {
        Some(match acc {
            None => [(x, y), (x, y)],
            Some([lo, hi]) => [(lo.0.min(x), lo.1.min(y)), (hi.0.max(x), hi.1.max(y))],
        })
    });
    corners.map_or_else(Vec::new, |c| c.to_vec())
}

/// Where the model's line leaves the data chart's still window, a side moves out by whole
/// quarters of the window's height (or width) ...
pub const VIEW_STEP: f64 = 0.25;
/// ... up to eight of them, then by powers of 2^¼ ([`widen_in_steps`]): while a moves, the
/// axes change now and then, not at every frame, so the chart's cached layers (10 000
/// points) are kept for most frames and the tick labels do not flicker.
pub const VIEW_LINEAR_STEPS: f64 = 8.0;

/// The data chart's view: the still part of the window ([`data_window`]) and always the
/// current model's line over the data's x range, which is never clipped: it is what the
/// student is looking at.
pub fn fitted_view(session: &Session, window: &[(f64, f64)]) -> ChartView {
    if !session.has_data() {
        return data_view(&[]);
    }
    let still = data_view(window);
    let line = session.line_over_data(LINE_SAMPLES);
    let mut extent = window.to_vec();
    extent.extend_from_slice(&line);
    let needed = data_view(&extent);
    // Inside the still window, the view is that window's. Where the line crosses one of
    // its sides, that side moves out in steps ([`widen_in_steps`]), not at every value of
    // a; a side the line does not cross stays (the wider padding alone does not move it).
    let crossing = |still: (f64, f64), needed: (f64, f64), of: fn(&(f64, f64)) -> f64| {
        let below = line.iter().map(of).any(|v| v < still.0);
        let above = line.iter().map(of).any(|v| v > still.1);
        let needed = (
            if below { needed.0 } else { still.0 },
            if above { needed.1 } else { still.1 },
        );
        widen_in_steps(still, needed, VIEW_STEP, VIEW_LINEAR_STEPS)
    };
    ChartView {
        x: crossing(still.x, needed.x, |p| p.0),
        y: crossing(still.y, needed.y, |p| p.1),
    }
}

/// What holds the data chart's axes while something is dragged.
#[derive(Clone, Copy, Debug)]
pub enum Hold<'a> {
    /// Nothing: the view is fitted ([`fitted_view`]).
    Nothing,
    /// A point being dragged: the axes keep the drag's view, and the point is highlighted.
    Point(&'a PointDrag),
    /// A slider being dragged, or autoplay (a race) playing, with the view shown at its
    /// last move or Step (`None` at the first): the view only widens until the drag or the
    /// play ends, to take in the fitted one. A drag back
    /// and forth across the steps of [`fitted_view`] would otherwise redraw every layer
    /// (10 000 points) at each crossing: 19 times in the bench's 240 moves of `a*x^2`.
    Slider(Option<ChartView>),
}

/// How much further a held view widens than it must, as a share of its new span, on each
/// side where it must.
pub const HELD_HEADROOM: f64 = 0.2;

/// The held view `shown`, widened to hold `needed` where it reaches beyond it, with
/// [`HELD_HEADROOM`] more on that side. A view that must grow a little at every frame (the
/// map's point dragged one way: the curve L(a) rises, the data window follows b) would
/// redraw the chart's axes at every frame; with room to spare it redraws them every few
/// dozen frames (BENCHMARKS.md, twelfth session).
fn widened(shown: ChartView, needed: ChartView) -> ChartView {
    let axis = |s: (f64, f64), n: (f64, f64)| {
        let extra = HELD_HEADROOM * (s.1.max(n.1) - s.0.min(n.0));
        // No headroom where it would leave the finite numbers (a span near f64::MAX).
        let extra = if (n.0 - extra).is_finite() && (n.1 + extra).is_finite() {
            extra
        } else {
            0.0
        };
        (
            if n.0 < s.0 { n.0 - extra } else { s.0 },
            if n.1 > s.1 { n.1 + extra } else { s.1 },
        )
    };
    ChartView {
        x: axis(shown.x, needed.x),
        y: axis(shown.y, needed.y),
    }
}

/// The data chart with `window` ([`data_window`]), its axes held as `hold` says.
pub fn held_data_chart(
    session: &Session,
    window: &[(f64, f64)],
    show_squares: bool,
    empty_message: &str,
    hold: Hold<'_>,
) -> DataChart {
    let points = session.data_points();
    let (view, highlighted) = match hold {
        Hold::Point(drag) => (drag.view, Some(drag.point)),
        Hold::Slider(Some(shown)) => (widened(shown, fitted_view(session, window)), None),
        Hold::Slider(None) | Hold::Nothing => (fitted_view(session, window), None),
    };
    let model_line = session.model_line(view.x, LINE_SAMPLES);
    let residuals = session
        .residuals()
        .iter()
        .map(|r| Residual {
            x: r.x,
            y: r.y,
            y_hat: r.prediction,
        })
        .collect();
    let labels = session.data_labels();
    DataChart {
        points,
        model_line,
        residuals,
        show_squares,
        x_label: labels.x.clone(),
        y_label: labels.y.clone(),
        highlighted,
        empty_message: empty_message.to_owned(),
        view: Some(view),
    }
}

/// The loss landscape a [`LandscapeKey`] stands for.
pub fn landscape_of(key: &LandscapeKey) -> LossLandscape {
    key.landscape(CURVE_SAMPLES)
}

/// Data points from which the loss chart computes its landscape in a task of its own
/// rather than in the one that changed it: [`CURVE_SAMPLES`] losses, and without a
/// closed form the extrema search's few hundred gradients, each a pass over the data.
/// A typed formula over 1 000 points takes tens of milliseconds for it (BENCHMARKS.md,
/// "Typed formula: the map and the keystroke"), which would lengthen the keystroke's task.
const LANDSCAPE_LATER_POINTS: usize = 500;

/// Whether the landscape of `key` is computed in a task after the one that changed its
/// key (the chart shows no curve meanwhile) rather than at once.
pub fn landscape_is_deferred(key: &LandscapeKey) -> bool {
    key.point_count() >= LANDSCAPE_LATER_POINTS
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
    // Once the race has stepped, its paths stand for the descents (as on the surface): the
    // lesson's own descent goes along with the race, its trail under plain GD's path.
    // (The first-load build has no race: `state::racing`.)
    let paths = if crate::FULL_BUILD {
        loss_paths(session)
    } else {
        Vec::new()
    };
    if !paths.is_empty() {
        trail.clear();
    }
    let has_data = session.has_data();
    let slope_label = format!("∂L/∂a = {}", format_number(slope, lang));
    // The samples where L is not defined go in as gaps: the chart hatches them.
    let curve = merge_by_parameter(&landscape.curve, &landscape.undefined);
    LossChart {
        curve,
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
        paths,
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
        // With rows but no finite sample, the loss overflowed, or a typed formula is not
        // defined at some row: "no data" would be wrong.
        empty_message: if session.first_undefined().is_some() {
            formula_words(lang).chart_not_defined
        } else if has_data {
            words.too_large
        } else {
            words.no_data
        }
        .to_owned(),
        view: None,
        curve_moves: false,
    }
}

/// What the loss chart keeps while the parameters are dragged or play runs: the view it
/// showed last, and the curve it showed when the hold began.
#[derive(Clone, Debug, PartialEq)]
pub struct LossHold {
    /// The view shown at the last frame.
    pub view: ChartView,
    /// The curve L(a) at the hold's start.
    pub curve: Vec<(f64, f64)>,
}

/// Holds `chart`'s axes while a slider or the map's point is dragged or play runs (the
/// data chart's [`Hold::Slider`]): its view only widens from `hold`'s, so the axes do not
/// jump at every frame, and once the curve is no longer the one the hold began with (b
/// moved), the curve is drawn with the moving marks ([`LossChart::curve_moves`]): the
/// axes are then not redrawn with it at every frame. Returns the hold for the next frame.
pub fn hold_loss_chart(chart: &mut LossChart, hold: Option<LossHold>) -> LossHold {
    let fitted = chart.fitted_view();
    let hold = match hold {
        Some(h) => LossHold {
            view: widened(h.view, fitted),
            curve: h.curve,
        },
        None => LossHold {
            view: fitted,
            curve: chart.curve.clone(),
        },
    };
    chart.view = Some(hold.view);
    chart.curve_moves = chart.curve != hold.curve;
    hold
}

/// The race's paths on the loss curve, (a, L) after each step from the start, when a is the
/// model's one free parameter (ŷ = a·x, or the non-convex example with b frozen): the curve
/// L(a) is then the loss every racer descends. With two free parameters the surface shows
/// them. Empty until the race has stepped.
fn loss_paths(session: &Session) -> Vec<SeriesPath> {
    let count = session.lesson().model.param_count();
    if session.is_frozen(0) || (1..count).any(|i| !session.is_frozen(i)) {
        return Vec::new();
    }
    let losses = session.race_losses();
    session
        .race_paths()
        .into_iter()
        .zip(losses)
        .filter(|((_, path), (_, losses))| path.len() > 1 && !losses.is_empty())
        .map(|((id, path), (_, losses))| SeriesPath {
            series: series_index(id),
            points: path
                .iter()
                .zip(losses)
                .map(|(&(a, _), (_, loss))| (a, loss))
                .collect(),
        })
        .collect()
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

/// The series index of optimizer `id`: its place in the core's registry, so its colour and
/// marker are the same on the surface, in the loss-against-step chart and in the table.
pub fn series_index(id: &str) -> usize {
    Session::optimizer_ids()
        .position(|known| known == id)
        .unwrap_or(0)
}

/// Optimizer `id`'s look for the race table: its colour as CSS (`#d55e00`) and its marker
/// shape's name (`circle`, `square`, `triangle-up`, …), as the charts draw them.
pub fn series_look(id: &str) -> (String, &'static str) {
    use crate::charts::series::{series_colour, series_shape, MarkerShape};
    let index = series_index(id);
    let RGBColor(r, g, b) = series_colour(index);
    let shape = match series_shape(index) {
        MarkerShape::Circle => "circle",
        MarkerShape::Square => "square",
        MarkerShape::TriangleUp => "triangle-up",
        MarkerShape::Diamond => "diamond",
        MarkerShape::TriangleDown => "triangle-down",
        MarkerShape::Cross => "cross",
        MarkerShape::Plus => "plus",
        MarkerShape::Star => "star",
    };
    (format!("#{r:02x}{g:02x}{b:02x}"), shape)
}

/// What the loss-against-step chart shows: one line per optimizer in the race, L from its
/// start (before the first step, the one point of the start), named in `lang`; with no
/// race (a model of three or four free parameters), the lesson's own gradient descent.
pub fn steps_chart(session: &Session, lang: Lang, step_name: &str, empty: &str) -> StepsChart {
    let series = if session.race().lanes().is_empty() {
        vec![own_descent_series(session, lang)]
    } else {
        race_series(session, lang)
    };
    StepsChart {
        series,
        step_name: step_name.to_owned(),
        loss_name: "L".to_owned(),
        empty_message: empty.to_owned(),
    }
}

/// The lesson's own descent as one line of the loss-against-step chart: L at the start,
/// then after each step taken (only the start before the first Step).
fn own_descent_series(session: &Session, lang: Lang) -> StepsSeries {
    const GD: &str = descent_core::optimizer::gd::ID;
    let history = session.history();
    let losses = match history.first() {
        Some(first) => std::iter::once(first.loss_before)
            .chain(history.iter().map(|step| step.loss_after))
            .collect(),
        // The readouts' L, read once per change (this runs at every change, shown or not).
        None => vec![session.evaluation().loss],
    };
    StepsSeries {
        series: series_index(GD),
        name: crate::i18n::race::optimizer_name(lang, GD).to_owned(),
        losses,
    }
}

/// One line per optimizer in the race.
fn race_series(session: &Session, lang: Lang) -> Vec<StepsSeries> {
    let rows = session.race_rows();
    session
        .race_losses()
        .into_iter()
        .map(|(id, losses)| {
            let mut losses: Vec<f64> = losses.into_iter().map(|(_, l)| l).collect();
            if losses.is_empty() {
                losses.extend(rows.iter().filter(|r| r.id == id).map(|r| r.loss));
            }
            StepsSeries {
                series: series_index(id),
                name: crate::i18n::race::optimizer_name(lang, id).to_owned(),
                losses,
            }
        })
        .collect()
}

/// The loss curve's samples and the `undefined` ones (as NaN losses) in one list, in
/// increasing parameter order. Both come in that order (the core's `LossLandscape`), so they
/// are merged, not sorted: the sort's code was about 4 KB of the first-load wasm
/// (BENCHMARKS.md, "Size"). Equal parameters keep the curve's sample first, as a stable
/// sort of the two lists one after the other would.
pub fn merge_by_parameter(curve: &[(f64, f64)], undefined: &[f64]) -> Vec<(f64, f64)> {
    let mut merged = Vec::with_capacity(curve.len() + undefined.len());
    let mut gaps = undefined.iter().map(|a| (*a, f64::NAN)).peekable();
    for &sample in curve {
        while let Some(gap) = gaps.next_if(|gap| gap.0.total_cmp(&sample.0).is_lt()) {
            merged.push(gap);
        }
        merged.push(sample);
    }
    merged.extend(gaps);
    merged
}
