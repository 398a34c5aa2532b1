//! Session → chart: the adapters that turn a lesson in progress into the charts' plain
//! structs ([`DataChart`], [`LossChart`]) and the numbers of their text alternatives.
//!
//! Pure: no Leptos, no web-sys, so every adapter is tested natively (`tests/chart_data.rs`).
//! This is the one place of the app that asks the core for chart numbers; the chart
//! components only call these functions.

use crate::charts::colormap::SurfaceGrid;
use crate::charts::{
    data_view, BatchArrow, ChartView, ContourLevel, DataChart, LossChart, Residual, StepsChart,
    StepsSeries, SurfaceChart, SurfacePath, Tangent,
};
use crate::i18n::{format_number, formula_words, Lang};
use descent_core::session::MapSurface;
use descent_core::{LandscapeKey, LossLandscape, MapKey, Session};
use plotters::style::RGBColor;

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
    held_data_chart(session, &window, show_squares, empty_message, None)
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

/// The data chart's view: the still part of the window ([`data_window`]) and always the
/// current model's line over the data's x range, which is never clipped: it is what the
/// student is looking at.
pub fn fitted_view(session: &Session, window: &[(f64, f64)]) -> ChartView {
    if !session.has_data() {
        return data_view(&[]);
    }
    let mut extent = window.to_vec();
    extent.extend(session.line_over_data(LINE_SAMPLES));
    data_view(&extent)
}

/// The data chart with `window` ([`data_window`]); while `drag` holds a point, the axes keep
/// the drag's view instead, and the dragged point is highlighted.
pub fn held_data_chart(
    session: &Session,
    window: &[(f64, f64)],
    show_squares: bool,
    empty_message: &str,
    drag: Option<&PointDrag>,
) -> DataChart {
    let points = session.data_points();
    let view = drag.map_or_else(|| fitted_view(session, window), |d| d.view);
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
        highlighted: drag.map(|d| d.point),
        empty_message: empty_message.to_owned(),
        view: Some(view),
    }
}

/// The loss landscape a [`LandscapeKey`] stands for.
pub fn landscape_of(key: &LandscapeKey) -> LossLandscape {
    key.landscape(CURVE_SAMPLES)
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
    let has_data = session.has_data();
    let slope_label = format!("∂L/∂a = {}", format_number(slope, lang));
    // The samples where L is not defined go in as gaps: the chart hatches them.
    let mut curve = landscape.curve.clone();
    curve.extend(landscape.undefined.iter().map(|a| (*a, f64::NAN)));
    curve.sort_by(|p, q| p.0.total_cmp(&q.0));
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

/// The words the surface chart writes.
#[derive(Clone, Copy, Debug)]
pub struct SurfaceWords<'a> {
    /// Beside the minimum.
    pub minimum: &'a str,
    /// The legend's entry for cells whose loss overflows.
    pub too_large: &'a str,
    /// The legend's entry for the hatched cells where a typed formula is not defined.
    pub undefined: &'a str,
    /// On a map without one finite cell.
    pub empty: &'a str,
}

/// The number of grid cells the surface computes at most: 200 × 200 for few points, fewer
/// for many, since a model that is not linear in its parameters costs one pass over the
/// data per cell.
const SURFACE_WORK: usize = 2_000_000;

/// The side of the surface's square grid for `points` data points: 200 for up to 50 points,
/// down to 40 at 1 250 and more.
pub fn surface_side(points: usize) -> usize {
    let side = (SURFACE_WORK as f64 / points.max(1) as f64).sqrt();
    (side as usize).clamp(40, 200)
}

/// Point evaluations above which a map is computed in several frames: a coarse map first
/// ([`surface_coarse_side`]), then the full one a few rows a frame (about 10 ms natively
/// for a short formula; the lecture's maps, from the data's sums or over a few points,
/// stay under it and are computed at once).
const PROGRESSIVE_WORK: usize = 500_000;

/// Whether the map of `key` at `side` × `side` is worth computing in several frames.
pub fn surface_is_progressive(key: &MapKey, side: usize) -> bool {
    key.work(side, side) > PROGRESSIVE_WORK
}

/// The side of the coarse map shown first when the full one of side `side` is computed
/// in several frames: a quarter, at least 10 cells.
pub fn surface_coarse_side(side: usize) -> usize {
    (side / 4).max(10)
}

/// What the surface chart shows for a model with two or more parameters (over the first
/// two, the others as they are): L(a, b) on the session's map view with its contours and
/// minimum, the current point and its gradient, the last step, and the path of each
/// optimizer in the race, or of the descent taken so far when there is no race. `None` for
/// a model with one parameter. The app builds it in two parts, [`surface_base_chart`]
/// (only when the [`MapKey`] changes) and [`with_surface_marks`] (on every move).
pub fn surface_chart(session: &Session, words: SurfaceWords<'_>) -> Option<SurfaceChart> {
    let base = surface_base_chart(&session.map_key()?, words);
    Some(with_surface_marks(session, &base))
}

/// The surface chart's expensive part from the map's key alone: the grid, its contours,
/// the minimum and the words; no current point, gradient or path. It depends on the data,
/// the model, the frozen parameters and the view, never on (a, b), so the app recomputes
/// it only when the key changes.
pub fn surface_base_chart(key: &MapKey, words: SurfaceWords<'_>) -> SurfaceChart {
    let side = surface_side(key.point_count());
    match key.surface(side, side) {
        Some(map) => surface_chart_of(key, &map, words),
        None => SurfaceChart::default(),
    }
}

/// [`surface_base_chart`] from a map already computed for `key` (at any size: the coarse
/// map drawn first, or the full one computed over several frames).
pub fn surface_chart_of(key: &MapKey, map: &MapSurface, words: SurfaceWords<'_>) -> SurfaceChart {
    let surface = &map.surface;
    let (columns, rows) = (surface.columns(), surface.rows());
    let grid = SurfaceGrid {
        a_range: (surface.a_at(0), surface.a_at(columns.saturating_sub(1))),
        b_range: (surface.b_at(0), surface.b_at(rows.saturating_sub(1))),
        columns,
        rows,
        values: surface.values().to_vec(),
    };
    let contours = map
        .contours
        .iter()
        .map(|c| ContourLevel {
            level: c.level,
            lines: c.lines.clone(),
        })
        .collect();
    let names = key.param_names();
    let name = |i: usize, or: &str| names.get(i).copied().unwrap_or(or).to_owned();
    SurfaceChart {
        grid,
        contours,
        minimum: map.minimum.map(|m| (m.a, m.b)),
        minimum_label: words.minimum.to_owned(),
        a_name: name(0, "a"),
        b_name: name(1, "b"),
        too_large_label: words.too_large.to_owned(),
        undefined_label: words.undefined.to_owned(),
        empty_message: words.empty.to_owned(),
        ..SurfaceChart::default()
    }
}

/// `base` with the session's moving marks: the current point and its gradient, the last
/// step, and the paths (cheap: no grid is computed).
pub fn with_surface_marks(session: &Session, base: &SurfaceChart) -> SurfaceChart {
    let ab = |p: &[f64]| -> Option<(f64, f64)> { Some((*p.first()?, *p.get(1)?)) };
    let history = session.history();
    let last_step = history
        .last()
        .and_then(|s| Some((ab(&s.before)?, ab(&s.after)?)));
    let ids: Vec<&str> = Session::optimizer_ids().collect();
    // The race's paths once it has stepped; before that (and while the app's Step drives
    // the one descent) the path of the descent taken so far.
    let raced = session.race_rows().iter().any(|row| row.step > 0);
    let mut paths: Vec<SurfacePath> = session
        .race_paths()
        .into_iter()
        .map(|(id, points)| SurfacePath {
            series: ids.iter().position(|known| *known == id).unwrap_or(0),
            points,
        })
        .filter(|_| raced)
        .collect();
    if paths.is_empty() && !history.is_empty() {
        let mut points: Vec<(f64, f64)> = history.iter().filter_map(|s| ab(&s.before)).collect();
        points.extend(ab(session.params()));
        paths.push(SurfacePath { series: 0, points });
    }
    let gradient = session
        .has_data()
        .then(|| ab(&session.evaluation().gradient))
        .flatten();
    SurfaceChart {
        current: ab(session.params()),
        gradient,
        last_step,
        paths,
        batch_arrows: session
            .race_batch_arrows()
            .into_iter()
            .map(|arrows| BatchArrow {
                series: series_index(arrows.id),
                at: arrows.at,
                full: arrows.full,
                batch: arrows.batch,
            })
            .collect(),
        ..base.clone()
    }
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
/// start (before the first step, the one point of the start), named in `lang`.
pub fn steps_chart(session: &Session, lang: Lang, step_name: &str, empty: &str) -> StepsChart {
    let rows = session.race_rows();
    let series = session
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
        .collect();
    StepsChart {
        series,
        step_name: step_name.to_owned(),
        loss_name: "L".to_owned(),
        empty_message: empty.to_owned(),
    }
}
