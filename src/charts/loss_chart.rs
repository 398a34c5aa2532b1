//! The loss chart: the curve L(a) over the parameter, the current point with its tangent (whose
//! slope is ∂L/∂a), the numbered trail of gradient descent, and the minima and maxima.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    approximate_text_width, asymmetric_padding, boxes_overlap, clip_unit_segment, draw_axes,
    draw_centred_message, draw_clipped_polyline, draw_text, finite_extent, to_backend,
    unit_visible, Axes, ChartStyle, ChartView, DrawResult, PixelBox, PlotFrame, Point,
};

/// How many trail points at the start get a number; the last point is numbered as well.
const NUMBERED_TRAIL_POINTS: usize = 10;

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
            minima: Vec::new(),
            maxima: Vec::new(),
            minimum_label: "min".to_owned(),
            lowest_minimum_label: None,
            maximum_label: "max".to_owned(),
            empty_message: String::new(),
            view: None,
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
    let (a_lo, a_hi) = finite_extent(finite.iter().map(|p| p.0)).unwrap_or((0.0, 1.0));
    let mut losses: Vec<f64> = finite.iter().map(|p| p.1).collect();
    losses.sort_by(f64::total_cmp);
    let (l_lo, l_hi) = match (losses.first(), losses.last()) {
        (Some(&lo), Some(&hi)) => {
            let index = ((losses.len() - 1) as f64 * 0.8).round() as usize;
            let p80 = losses.get(index).copied().unwrap_or(hi);
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

/// Draws the loss chart onto `area` and returns where its plotting area landed (`None` when the
/// area is too small for a chart). The same as its two layers, [`draw_loss_axes`] and
/// [`draw_loss_marks`], one over the other.
pub fn draw_loss_chart<DB: DrawingBackend>(
    area: DrawingArea<DB, Shift>,
    chart: &LossChart,
    style: &ChartStyle,
) -> DrawResult<Option<PlotFrame>, DB> {
    let frame = draw_loss_axes(&area, chart, style)?;
    draw_loss_marks(&area, frame.as_ref(), chart, style)?;
    area.present()?;
    Ok(frame)
}

/// The bottom layer of the loss chart: background, grid, ticks, names and the curve L(a). It
/// does not change while a moves, so the browser draws it once per curve, not on every
/// slider frame. Returns where the plotting area landed.
pub fn draw_loss_axes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &LossChart,
    style: &ChartStyle,
) -> DrawResult<Option<PlotFrame>, DB> {
    let view = chart.view.unwrap_or_else(|| chart.fitted_view());
    let axes = Axes {
        view,
        x_name: &chart.parameter_name,
        y_name: &chart.loss_name,
    };
    let frame = draw_axes(area, &axes, style)?;
    if let Some(frame) = &frame {
        draw_clipped_polyline(
            area,
            frame,
            &chart.curve,
            style.palette().curve.stroke_width(style.stroke(3.5)),
        )?;
    }
    Ok(frame)
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
        // Boxes already taken by markers and labels, so later labels can step aside.
        let mut occupied: Vec<PixelBox> = Vec::new();
        let extremum_labels = draw_extrema(area, frame, chart, style, &mut occupied)?;
        let dots = draw_trail(area, frame, &chart.trail, style)?;
        let dot_radius = style.px(5.5);
        occupied.extend(dots.iter().map(|&(_, (x, y))| {
            (
                x - dot_radius,
                y - dot_radius,
                x + dot_radius,
                y + dot_radius,
            )
        }));
        let slope_label = draw_current(area, frame, chart, style, &mut occupied)?;
        // Labels of fixed things first, so they stay put while the slope label moves around.
        // A lone extremum is always named; of several (the same words beside the same
        // markers), one with no free place is left out rather than written over another.
        let name_all = extremum_labels.len() == 1;
        for label in &extremum_labels {
            place_label(area, frame, label, style, &mut occupied, name_all)?;
        }
        if let Some(label) = &slope_label {
            place_label(area, frame, label, style, &mut occupied, true)?;
        }
        draw_trail_numbers(area, frame, &dots, style, &mut occupied)?;
    }
    if !has_curve {
        draw_centred_message(area, frame, &chart.empty_message, style)?;
    }
    Ok(())
}

/// A pixel box of the given size with its anchor at `at`.
fn anchored_box(at: (f64, f64), (w, h): (f64, f64), hpos: HPos, vpos: VPos) -> PixelBox {
    let left = match hpos {
        HPos::Left => at.0,
        HPos::Center => at.0 - w / 2.0,
        HPos::Right => at.0 - w,
    };
    let top = match vpos {
        VPos::Top => at.1,
        VPos::Center => at.1 - h / 2.0,
        VPos::Bottom => at.1 - h,
    };
    (left, top, left + w, top + h)
}

/// Where a label may go: the anchor pixel and how the text hangs from it.
type Anchor = (Point, HPos, VPos);

/// A visible trail dot: its index in the trail and its pixel position.
type Dot = (usize, Point);

/// A label with candidate positions, tried in order.
struct Label<'a> {
    text: &'a str,
    font: TextStyle<'static>,
    size: (f64, f64),
    candidates: Vec<Anchor>,
    /// Whether a translucent background goes behind the text, to keep it legible over lines.
    backdrop: bool,
}

/// Draws the label at its first candidate that lies inside the frame and overlaps nothing
/// drawn so far. With `required`, falls back to the first candidate inside the frame, then to
/// the first candidate. Returns whether it was drawn.
fn place_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    label: &Label,
    style: &ChartStyle,
    occupied: &mut Vec<PixelBox>,
    required: bool,
) -> DrawResult<bool, DB> {
    let boxed: Vec<(PixelBox, &Anchor)> = label
        .candidates
        .iter()
        .map(|c| (anchored_box(c.0, label.size, c.1, c.2), c))
        .collect();
    let free = boxed
        .iter()
        .find(|(b, _)| frame.contains_box(*b) && !occupied.iter().any(|o| boxes_overlap(*o, *b)));
    let chosen = match free {
        Some(found) => Some(found),
        None if required => boxed
            .iter()
            .find(|(b, _)| frame.contains_box(*b))
            .or(boxed.first()),
        None => None,
    };
    let Some((b, (at, hpos, vpos))) = chosen else {
        return Ok(false);
    };
    if label.backdrop {
        let pad = style.px(3.0);
        let corners = [
            (to_backend(b.0 - pad), to_backend(b.1 - pad)),
            (to_backend(b.2 + pad), to_backend(b.3 + pad)),
        ];
        let fill = style.palette().background.mix(0.85).filled();
        area.draw(&Rectangle::new(corners, fill))?;
    }
    draw_text(area, label.text, *at, &label.font, *hpos, *vpos)?;
    occupied.push(*b);
    Ok(true)
}

/// The index of the minimum lower than every other by more than a billionth of the
/// loss's scale; `None` when there is no such one (a single minimum has no rival).
fn lowest_minimum(minima: &[(f64, f64)]) -> Option<usize> {
    let finite = || minima.iter().enumerate().filter(|(_, p)| p.1.is_finite());
    let (index, low) = finite().min_by(|a, b| a.1 .1.total_cmp(&b.1 .1))?;
    let scale = finite().map(|(_, p)| p.1.abs()).fold(0.0, f64::max);
    let rivals = finite().filter(|(i, p)| *i != index && p.1 - low.1 <= 1e-9 * scale);
    (minima.len() > 1 && rivals.count() == 0).then_some(index)
}

/// Minima as hollow diamonds, maxima as hollow triangles. Returns their labels, to be placed
/// once the more important slope label has its place.
fn draw_extrema<'a, DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    chart: &'a LossChart,
    style: &ChartStyle,
    occupied: &mut Vec<PixelBox>,
) -> DrawResult<Vec<Label<'a>>, DB> {
    let palette = style.palette();
    let size = style.px(10.0);
    let line = palette.extremum.stroke_width(style.stroke(2.5));
    let font_px = 18.0;
    let font = style.font(font_px, palette.text);
    let text_height = style.px(font_px) * 1.2;
    let gap = style.px(5.0);
    let lowest = chart
        .lowest_minimum_label
        .as_deref()
        .and_then(|label| lowest_minimum(&chart.minima).map(|i| (i, label)));
    let kinds = [
        (&chart.minima, chart.minimum_label.as_str(), true),
        (&chart.maxima, chart.maximum_label.as_str(), false),
    ];
    let mut labels = Vec::new();
    for (points, text, is_minimum) in kinds {
        for (index, &(a, l)) in points.iter().enumerate() {
            let text = match lowest {
                Some((i, label)) if is_minimum && i == index => label,
                _ => text,
            };
            let unit = frame.unit_of((a, l));
            if !(a.is_finite() && l.is_finite() && unit_visible(unit)) {
                continue;
            }
            let (x, y) = frame.unit_to_pixel(unit);
            let outline: Vec<(f64, f64)> = if is_minimum {
                vec![
                    (x, y - size),
                    (x + size, y),
                    (x, y + size),
                    (x - size, y),
                    (x, y - size),
                ]
            } else {
                vec![
                    (x, y - size),
                    (x + size, y + size * 0.8),
                    (x - size, y + size * 0.8),
                    (x, y - size),
                ]
            };
            let outline: Vec<(i32, i32)> = outline
                .into_iter()
                .map(|(px, py)| (to_backend(px), to_backend(py)))
                .collect();
            area.draw(&PathElement::new(outline, line))?;
            occupied.push((x - size, y - size, x + size, y + size));
            let below = ((x, y + size + gap), HPos::Center, VPos::Top);
            let above = ((x, y - size - gap), HPos::Center, VPos::Bottom);
            let right = ((x + size + gap, y), HPos::Left, VPos::Center);
            let left = ((x - size - gap, y), HPos::Right, VPos::Center);
            let upper_right = ((x + size, y - size - gap), HPos::Left, VPos::Bottom);
            let upper_left = ((x - size, y - size - gap), HPos::Right, VPos::Bottom);
            let higher = (
                (x, y - size - gap - text_height),
                HPos::Center,
                VPos::Bottom,
            );
            // Last: above, slid sideways to lie within the plot, for a label wider than
            // the room on either side (a long Lithuanian name on a phone).
            let width = approximate_text_width(text, style.px(font_px));
            let slid_x = if frame.right - frame.left > width {
                x.clamp(frame.left + width / 2.0, frame.right - width / 2.0)
            } else {
                x
            };
            let above_slid = ((slid_x, y - size - gap), HPos::Center, VPos::Bottom);
            let higher_slid = (
                (slid_x, y - size - gap - text_height),
                HPos::Center,
                VPos::Bottom,
            );
            let mut candidates = if is_minimum {
                vec![below, right, left, above, upper_right, upper_left, higher]
            } else {
                vec![above, right, left, below, upper_right, upper_left, higher]
            };
            candidates.extend([above_slid, higher_slid]);
            labels.push(Label {
                text,
                font: font.clone(),
                size: (width, text_height),
                candidates,
                backdrop: false,
            });
        }
    }
    Ok(labels)
}

/// The trail: segments between consecutive points (with an arrowhead where a segment is long
/// enough to carry one) and a dot at every visible point. Returns the visible dots as
/// (index, pixel position) for numbering.
fn draw_trail<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    trail: &[(f64, f64)],
    style: &ChartStyle,
) -> DrawResult<Vec<Dot>, DB> {
    let palette = style.palette();
    let line = palette.trail.mix(0.8).stroke_width(style.stroke(2.0));
    let arrow = style.px(6.5);
    for pair in trail.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if ![a.0, a.1, b.0, b.1].iter().all(|v| v.is_finite()) {
            continue;
        }
        let Some((p, q)) = clip_unit_segment(frame.unit_of(a), frame.unit_of(b)) else {
            continue;
        };
        let (p, q) = (frame.unit_to_pixel(p), frame.unit_to_pixel(q));
        let ends = vec![
            (to_backend(p.0), to_backend(p.1)),
            (to_backend(q.0), to_backend(q.1)),
        ];
        area.draw(&PathElement::new(ends, line))?;
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let length = dx.hypot(dy);
        if length > 6.0 * arrow {
            let (ux, uy) = (dx / length, dy / length);
            let tip = (p.0 + dx * 0.5 + ux * arrow, p.1 + dy * 0.5 + uy * arrow);
            let back = (tip.0 - ux * 2.0 * arrow, tip.1 - uy * 2.0 * arrow);
            let head = vec![
                (to_backend(tip.0), to_backend(tip.1)),
                (
                    to_backend(back.0 - uy * arrow),
                    to_backend(back.1 + ux * arrow),
                ),
                (
                    to_backend(back.0 + uy * arrow),
                    to_backend(back.1 - ux * arrow),
                ),
            ];
            area.draw(&Polygon::new(head, palette.trail.filled()))?;
        }
    }
    let radius = style.px(5.5).round().max(2.0) as u32;
    let rim = palette.background.stroke_width(style.stroke(1.5));
    let mut dots = Vec::new();
    for (i, &(a, l)) in trail.iter().enumerate() {
        let unit = frame.unit_of((a, l));
        if !(a.is_finite() && l.is_finite() && unit_visible(unit)) {
            continue;
        }
        let centre = frame.unit_to_backend(unit);
        area.draw(&Circle::new(centre, radius, palette.trail.filled()))?;
        area.draw(&Circle::new(centre, radius, rim))?;
        dots.push((i, frame.unit_to_pixel(unit)));
    }
    Ok(dots)
}

/// The tangent, the current point (or an arrow at the edge pointing to it when it left the view)
/// and the slope label.
fn draw_current<'a, DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    chart: &'a LossChart,
    style: &ChartStyle,
    occupied: &mut Vec<PixelBox>,
) -> DrawResult<Option<Label<'a>>, DB> {
    let Some((a, l)) = chart.current else {
        return Ok(None);
    };
    if !(a.is_finite() && l.is_finite()) {
        return Ok(None);
    }
    let palette = style.palette();
    let unit = frame.unit_of((a, l));
    let visible = unit_visible(unit);
    let radius = style.px(9.0);

    if visible {
        if let Some(tangent) = &chart.tangent {
            if let Some((p, q)) = draw_tangent(area, frame, unit, tangent.slope, style)? {
                occupied.extend(segment_obstacles(p, q, style.px(4.0)));
            }
        }
    }

    let anchor = frame.unit_to_pixel((unit.0.clamp(0.0, 1.0), unit.1.clamp(0.0, 1.0)));
    if visible {
        let centre = (to_backend(anchor.0), to_backend(anchor.1));
        let r = radius.round() as u32;
        area.draw(&Circle::new(centre, r, palette.current.filled()))?;
        area.draw(&Circle::new(
            centre,
            r,
            palette.background.stroke_width(style.stroke(2.0)),
        ))?;
    } else {
        // Point the way to where the current point went, e.g. when descent diverges.
        let (sx, sy) = (
            if unit.0 > 1.0 {
                1.0
            } else if unit.0 < 0.0 {
                -1.0
            } else {
                0.0
            },
            if unit.1 > 1.0 {
                -1.0
            } else if unit.1 < 0.0 {
                1.0
            } else {
                0.0
            },
        );
        let norm = f64::hypot(sx, sy).max(1.0);
        let (ux, uy) = (sx / norm, sy / norm);
        let size = radius * 1.2;
        let tip = anchor;
        let back = (tip.0 - ux * 2.0 * size, tip.1 - uy * 2.0 * size);
        let head = vec![
            (to_backend(tip.0), to_backend(tip.1)),
            (
                to_backend(back.0 - uy * size),
                to_backend(back.1 + ux * size),
            ),
            (
                to_backend(back.0 + uy * size),
                to_backend(back.1 - ux * size),
            ),
        ];
        area.draw(&Polygon::new(head, palette.current.filled()))?;
    }
    occupied.push((
        anchor.0 - radius,
        anchor.1 - radius,
        anchor.0 + radius,
        anchor.1 + radius,
    ));

    let Some(tangent) = &chart.tangent else {
        return Ok(None);
    };
    let font_px = 20.0;
    let font = style.font(font_px, palette.text);
    let (w, h) = area.estimate_text_size(&tangent.label, &font)?;
    let gap = style.px(18.0);
    let (x, y) = anchor;
    let upper_right = ((x + gap, y - gap), HPos::Left, VPos::Bottom);
    let upper_left = ((x - gap, y - gap), HPos::Right, VPos::Bottom);
    let lower_right = ((x + gap, y + gap), HPos::Left, VPos::Top);
    let lower_left = ((x - gap, y + gap), HPos::Right, VPos::Top);
    let higher = f64::from(h) + gap;
    let upper_right_far = ((x + gap, y - gap - higher), HPos::Left, VPos::Bottom);
    let upper_left_far = ((x - gap, y - gap - higher), HPos::Right, VPos::Bottom);
    let above = ((x, y - 2.0 * gap), HPos::Center, VPos::Bottom);
    let below = ((x, y + 2.0 * gap), HPos::Center, VPos::Top);
    // Beside the point on the side the tangent leaves free, then further away.
    let candidates = if tangent.slope > 0.0 {
        vec![
            upper_left,
            upper_left_far,
            lower_right,
            above,
            below,
            upper_right,
            lower_left,
        ]
    } else {
        vec![
            upper_right,
            upper_right_far,
            lower_left,
            above,
            below,
            upper_left,
            lower_right,
        ]
    };
    let label = Label {
        text: &tangent.label,
        font,
        size: (f64::from(w), f64::from(h).max(style.px(font_px))),
        candidates,
        backdrop: true,
    };
    Ok(Some(label))
}

/// Small boxes along a pixel segment, so labels can avoid a line without avoiding its whole
/// bounding box.
fn segment_obstacles(p: (f64, f64), q: (f64, f64), half_width: f64) -> Vec<PixelBox> {
    let length = (q.0 - p.0).hypot(q.1 - p.1);
    let step = (2.0 * half_width).max(1.0);
    let count = (length / step).ceil().clamp(1.0, 2000.0) as usize;
    (0..=count)
        .map(|i| {
            let t = i as f64 / count as f64;
            let (x, y) = (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t);
            (
                x - half_width,
                y - half_width,
                x + half_width,
                y + half_width,
            )
        })
        .collect()
}

/// The tangent through the current point (in unit coordinates) with the given slope in data
/// units, drawn with the same on-screen length whatever its steepness, clipped to the view.
fn draw_tangent<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    at: (f64, f64),
    slope: f64,
    style: &ChartStyle,
) -> DrawResult<Option<(Point, Point)>, DB> {
    if !slope.is_finite() {
        return Ok(None);
    }
    let (x0, x1) = frame.view.x;
    let (y0, y1) = frame.view.y;
    // One step of 1 in a, in pixels: across by the x scale, up by slope times the y scale.
    let across = frame.width() / (x1 - x0);
    let up = slope * frame.height() / (y1 - y0);
    let (dx, dy) = if up.is_finite() && across.is_finite() {
        let norm = across.hypot(up);
        if norm > 0.0 && norm.is_finite() {
            (across / norm, up / norm)
        } else {
            (1.0, 0.0)
        }
    } else {
        (0.0, up.signum())
    };
    let half = (frame.width().min(frame.height()) * 0.28).max(style.px(20.0));
    // Back to unit coordinates: (dx, dy) is a pixel direction with y pointing up.
    let (du, dv) = (
        dx * half / frame.width().max(1.0),
        dy * half / frame.height().max(1.0),
    );
    let Some((p, q)) = clip_unit_segment((at.0 - du, at.1 - dv), (at.0 + du, at.1 + dv)) else {
        return Ok(None);
    };
    let line = style.palette().current.stroke_width(style.stroke(3.0));
    let ends = vec![frame.unit_to_backend(p), frame.unit_to_backend(q)];
    if style.high_contrast {
        // Black on black: dashes tell the tangent from the curve.
        let dash = style.px(10.0).round() as u32;
        area.draw(&plotters::element::DashedPathElement::new(
            ends,
            dash,
            dash / 2,
            line,
        ))?;
    } else {
        area.draw(&PathElement::new(ends, line))?;
    }
    Ok(Some((frame.unit_to_pixel(p), frame.unit_to_pixel(q))))
}

/// Numbers the first trail points and the last, skipping any number that would overlap
/// something already drawn (the trail crowds together near a minimum).
fn draw_trail_numbers<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    dots: &[Dot],
    style: &ChartStyle,
    occupied: &mut Vec<PixelBox>,
) -> DrawResult<(), DB> {
    let palette = style.palette();
    let font_px = 16.0;
    let font = style.font(font_px, palette.text);
    let radius = style.px(5.5);
    // The start and the end matter most, then the early steps in order.
    let mut ordered: Vec<&Dot> = Vec::new();
    ordered.extend(dots.first());
    if dots.len() > 1 {
        ordered.extend(dots.last().filter(|(i, _)| *i >= NUMBERED_TRAIL_POINTS));
    }
    ordered.extend(
        dots.iter()
            .skip(1)
            .filter(|(i, _)| *i < NUMBERED_TRAIL_POINTS),
    );
    for &(index, (x, y)) in ordered {
        let text = index.to_string();
        let gap = radius + style.px(2.0);
        let label = Label {
            text: &text,
            font: font.clone(),
            size: (
                approximate_text_width(&text, style.px(font_px)),
                style.px(font_px) * 1.1,
            ),
            candidates: vec![
                ((x + gap, y - gap), HPos::Left, VPos::Bottom),
                ((x - gap, y - gap), HPos::Right, VPos::Bottom),
                ((x + gap, y + gap), HPos::Left, VPos::Top),
                ((x - gap, y + gap), HPos::Right, VPos::Top),
            ],
            backdrop: false,
        };
        place_label(area, frame, &label, style, occupied, false)?;
    }
    Ok(())
}
