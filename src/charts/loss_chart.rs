//! The loss chart: the curve L(a) over the parameter, the current point with its tangent (whose
//! slope is ∂L/∂a), the numbered trail of gradient descent, the race's paths, and the minima and
//! maxima.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::labels::{LabelBoard, Priority};
use super::loss_marks::{draw_current, draw_extrema, draw_trail, place_trail_numbers};
use super::series::{draw_series_path, SeriesPath};
use super::{
    asymmetric_padding, draw_axes, draw_centred_message, draw_clipped_polyline, draw_layered,
    finite_extent, Axes, CachedLayer, ChartStyle, ChartView, DrawResult, LayeredChart, NoLayer,
    PlotFrame,
};

/// The tangent to the loss curve at the current point.
#[derive(Clone, Debug, PartialEq)]
pub struct Tangent {
    /// The slope ∂L/∂a at the current point, in data units.
    pub slope: f64,
    /// The slope written out by the caller, e.g. "∂L/∂a = −447.3"; drawn beside the point.
    pub label: String,
}

/// Everything the loss chart shows. Non-finite numbers anywhere are skipped, never drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct LossChart {
    /// Samples (parameter value, L) of the loss curve, in increasing parameter order; non-finite
    /// samples break the curve.
    pub curve: Vec<(f64, f64)>,
    /// The parameter's name on the x axis, e.g. "a".
    pub parameter_name: String,
    /// The loss's name on the y axis, e.g. "L".
    pub loss_name: String,
    /// The current point (a, L(a)).
    pub current: Option<(f64, f64)>,
    /// The tangent at the current point; drawn only with `current`.
    pub tangent: Option<Tangent>,
    /// The points (a, L) gradient descent visited, oldest first: numbered dots joined by arrows.
    /// The first ten and the last get a number.
    pub trail: Vec<(f64, f64)>,
    /// The race's optimizers on a one-parameter model: each one's path (a, L) from the
    /// common start, in its colour and marker shape (as on the surface for two parameters).
    pub paths: Vec<SeriesPath>,
    /// Minima (a, L), marked with a hollow diamond and `minimum_label`.
    pub minima: Vec<(f64, f64)>,
    /// Maxima (a, L), marked with a hollow triangle and `maximum_label`.
    pub maxima: Vec<(f64, f64)>,
    /// The word beside a minimum, e.g. "min".
    pub minimum_label: String,
    /// The word beside the lowest of several minima, when it is the global one (e.g.
    /// "global minimum" while the others are "local minimum"); `None` names every minimum
    /// alike. Two minima within a billionth of each other have no lowest.
    pub lowest_minimum_label: Option<String>,
    /// The word beside a maximum, e.g. "max".
    pub maximum_label: String,
    /// Shown in the middle of the chart when the curve has no finite sample.
    pub empty_message: String,
    /// A fixed data window; `None` fits one to the curve ([`LossChart::fitted_view`]). Points outside are clipped
    /// (an arrow at the edge shows where the current point went).
    pub view: Option<ChartView>,
    /// Whether the curve is drawn with the moving marks instead of on the base: while it
    /// changes with every frame (b dragged on the map, a data point dragged, a race on
    /// a·x + b), the axes and their labels would otherwise be redrawn with it each time.
    pub curve_moves: bool,
}

impl Default for LossChart {
    fn default() -> Self {
        Self {
            curve: Vec::new(),
            parameter_name: "a".to_owned(),
            loss_name: "L".to_owned(),
            current: None,
            tangent: None,
            trail: Vec::new(),
            paths: Vec::new(),
            minima: Vec::new(),
            maxima: Vec::new(),
            minimum_label: "min".to_owned(),
            lowest_minimum_label: None,
            maximum_label: "max".to_owned(),
            empty_message: String::new(),
            view: None,
            curve_moves: false,
        }
    }
}

/// The data window fitted to the finite curve samples. The x range spans the samples. The y range
/// starts at 0 for a non-negative loss and ends at the highest sample, unless that is an outlier
/// (such as 1e300 at the end of the range): then it ends at ten times the 80th percentile's
/// height, and the curve leaves the chart at the top. Falls back to 0..1 without samples.
pub fn loss_view(curve: &[(f64, f64)]) -> ChartView {
    fit_loss_view(curve, None)
}

/// How high a loss chart with a local maximum reaches, in multiples of its highest local
/// extremum (see [`LossChart::fitted_view`]). At 8 the lecture's second example shows the
/// bump between its minima as an eighth of the height, and both of its natural starting
/// points, a = ±0.5, on the chart.
pub const NON_CONVEX_ZOOM: f64 = 8.0;

impl LossChart {
    /// The data window drawn when [`Self::view`] is `None`: [`loss_view`] of the curve,
    /// except that a loss with a local maximum (several minima, as in the lecture's second
    /// example) reaches at most [`NON_CONVEX_ZOOM`] times its highest extremum. Steep walls
    /// at the ends of the range (a quartic there grows to 150 times the bump's height)
    /// would otherwise flatten the minima and the maximum between them into one line, and
    /// the point of the example — two valleys — would not be seen.
    pub fn fitted_view(&self) -> ChartView {
        if self.maxima.is_empty() {
            return loss_view(&self.curve);
        }
        let highest = self
            .minima
            .iter()
            .chain(&self.maxima)
            .map(|p| p.1)
            .filter(|l| l.is_finite())
            .fold(f64::NEG_INFINITY, f64::max);
        let ceiling = NON_CONVEX_ZOOM * highest;
        fit_loss_view(
            &self.curve,
            (ceiling.is_finite() && ceiling > 0.0).then_some(ceiling),
        )
    }
}

/// [`loss_view`], its top at most `ceiling` (when that is above the lowest sample).
fn fit_loss_view(curve: &[(f64, f64)], ceiling: Option<f64>) -> ChartView {
    let finite: Vec<(f64, f64)> = curve
        .iter()
        .copied()
        .filter(|(a, l)| a.is_finite() && l.is_finite())
        .collect();
    // Every sample's a, L defined or not: where L is not defined the chart shows a hatched
    // band ([`super::undefined`]), not a narrower window.
    let (a_lo, a_hi) = finite_extent(curve.iter().map(|p| p.0)).unwrap_or((0.0, 1.0));
    let mut losses: Vec<f64> = finite.iter().map(|p| p.1).collect();
    let lowest = losses.iter().copied().min_by(f64::total_cmp);
    let highest = losses.iter().copied().max_by(f64::total_cmp);
    let (l_lo, l_hi) = match (lowest, highest) {
        (Some(lo), Some(hi)) => {
            let index = ((losses.len() - 1) as f64 * 0.8).round() as usize;
            let p80 = kth_smallest(&mut losses, index).unwrap_or(hi);
            let cap = lo + 10.0 * (p80 - lo);
            let mut hi = if p80 > lo && cap.is_finite() {
                hi.min(cap)
            } else {
                hi
            };
            if let Some(ceiling) = ceiling.filter(|c| *c > lo) {
                hi = hi.min(ceiling);
            }
            (if lo >= 0.0 { 0.0 } else { lo }, hi)
        }
        _ => (0.0, 1.0),
    };
    ChartView {
        x: asymmetric_padding(a_lo, a_hi, 0.02, 0.02),
        y: asymmetric_padding(l_lo, l_hi, 0.08, 0.10),
    }
}

/// The `k`-th smallest of `values` (0: the smallest) in [`f64::total_cmp`]'s order: what
/// `values` sorted would hold at `k` (`None` past the end); `values` is reordered. A
/// selection (quickselect, Lomuto's partition around the middle element) rather than a
/// sort: the first-load build then has no sorting routine of its own for floats, only
/// the one Plotters brings for its label areas (−1.8 KB gzip; BENCHMARKS.md, Size). The
/// loss curve has a few hundred samples, so even its worst case (all equal) is quick.
pub fn kth_smallest(values: &mut [f64], k: usize) -> Option<f64> {
    if k >= values.len() {
        return None;
    }
    // The part of `values` that holds the k-th smallest: `lo..=hi`.
    let (mut lo, mut hi) = (0, values.len() - 1);
    while lo < hi {
        values.swap(lo + (hi - lo) / 2, hi);
        let pivot = values[hi];
        let mut store = lo;
        for i in lo..hi {
            if values[i].total_cmp(&pivot).is_lt() {
                values.swap(i, store);
                store += 1;
            }
        }
        values.swap(store, hi);
        // Now everything before `store` is below the pivot and nothing after it is.
        match k.cmp(&store) {
            std::cmp::Ordering::Equal => return Some(values[store]),
            std::cmp::Ordering::Less => hi = store - 1,
            std::cmp::Ordering::Greater => lo = store + 1,
        }
    }
    Some(values[k])
}

/// Draws the loss chart onto `area` and returns where its plotting area landed (`None` when the
/// area is too small for a chart): its base layer [`LossAxes`] and the marks over it
/// ([`draw_loss_marks`]).
pub fn draw_loss_chart<DB: DrawingBackend>(
    area: DrawingArea<DB, Shift>,
    chart: &LossChart,
    style: &ChartStyle,
) -> DrawResult<Option<PlotFrame>, DB> {
    draw_layered(&area, chart, style)
}

/// The loss chart's base layer: background, grid, ticks, names and the curve L(a). It does not
/// change while a moves, so the browser draws it once per curve, not on every slider frame.
#[derive(Clone, Debug, PartialEq)]
pub struct LossAxes {
    /// The data window shown.
    pub view: ChartView,
    /// The curve's samples (a, L).
    pub curve: Vec<(f64, f64)>,
    /// The parameter's name on the x axis.
    pub parameter_name: String,
    /// The loss's name on the y axis.
    pub loss_name: String,
    /// How it is drawn.
    pub style: ChartStyle,
}

impl CachedLayer for LossAxes {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> DrawResult<Option<PlotFrame>, DB> {
        let axes = Axes {
            view: self.view,
            x_name: &self.parameter_name,
            y_name: &self.loss_name,
        };
        let frame = draw_axes(area, &axes, &self.style)?;
        if let Some(frame) = &frame {
            draw_curve(area, frame, &self.curve, &self.style)?;
        }
        Ok(frame)
    }
}

/// The curve L(a), with the stretches where L is not defined hatched.
fn draw_curve<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    curve: &[(f64, f64)],
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    super::undefined::draw_undefined_bands(area, frame, curve, style)?;
    draw_clipped_polyline(
        area,
        frame,
        curve,
        style.palette().curve.stroke_width(style.stroke(3.5)),
    )
}

impl LossChart {
    /// Whether the curve is drawn with the moving marks ([`LossChart::curve_moves`]). Only
    /// the full build holds a moving curve (`components::loss_chart_view`); in the
    /// first-load build this is `false` and the compiler leaves the moving curve out.
    fn moving_curve(&self) -> bool {
        crate::FULL_BUILD && self.curve_moves
    }
}

impl LayeredChart for LossChart {
    type Base = LossAxes;
    type Overlay = NoLayer;

    fn base(&self, style: &ChartStyle) -> LossAxes {
        LossAxes {
            view: self.view.unwrap_or_else(|| self.fitted_view()),
            curve: if self.moving_curve() {
                Vec::new()
            } else {
                self.curve.clone()
            },
            parameter_name: self.parameter_name.clone(),
            loss_name: self.loss_name.clone(),
            style: *style,
        }
    }

    fn draw_moving<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        frame: Option<&PlotFrame>,
        style: &ChartStyle,
    ) -> DrawResult<(), DB> {
        if let (true, Some(frame)) = (self.moving_curve(), frame) {
            draw_curve(area, frame, &self.curve, style)?;
        }
        draw_loss_marks(area, frame, self, style)
    }

    fn overlay(&self, _frame: Option<&PlotFrame>, _style: &ChartStyle) -> Option<NoLayer> {
        None
    }
}

/// The top layer: the extrema, the trail, the current point with its tangent and every label
/// (placed so they avoid each other), or the message of an empty chart.
pub fn draw_loss_marks<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: Option<&PlotFrame>,
    chart: &LossChart,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let has_curve = chart
        .curve
        .iter()
        .any(|(a, l)| a.is_finite() && l.is_finite());
    if let Some(frame) = frame {
        // The marks first, then the labels, which step aside from the marks and each other.
        let mut board = LabelBoard::new(frame, style);
        let mut extremum_labels = draw_extrema(area, frame, chart, style, &mut board)?;
        // The race's paths, the later optimizers under the earlier ones (as on the surface).
        for path in chart.paths.iter().rev() {
            draw_series_path(area, frame, &path.points, path.series, style)?;
        }
        let dots = draw_trail(area, frame, &chart.trail, style)?;
        let dot_radius = style.px(5.5);
        board.mark_all(dots.iter().map(|&(_, (x, y))| {
            (
                x - dot_radius,
                y - dot_radius,
                x + dot_radius,
                y + dot_radius,
            )
        }));
        let slope_label = draw_current(area, frame, chart, style, &mut board)?;
        // Labels of fixed things first, so they stay put while the slope label moves around;
        // the slope label pushes one aside only when it has no other place. A lone extremum
        // is named wherever it fits, over the curve if need be; of several (the same words
        // beside the same markers), one with no free place is left out.
        if extremum_labels.len() == 1 {
            for label in &mut extremum_labels {
                label.priority = Priority::Named;
            }
        }
        for label in extremum_labels {
            board.place(label);
        }
        if let Some(label) = slope_label {
            board.place(label);
        }
        place_trail_numbers(area, &dots, style, &mut board);
        board.draw(area, style)?;
    }
    if !has_curve {
        draw_centred_message(area, frame, &chart.empty_message, style)?;
    }
    Ok(())
}
