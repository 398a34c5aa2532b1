//! Charts: `draw_*` functions generic over Plotters' [`DrawingBackend`], with no Leptos and no
//! descent-core inside. They take plain data structs, so the same code draws on the SVG backend
//! in native tests and on `plotters_canvas::CanvasBackend` in the browser.
//!
//! Conventions:
//! - f64 everywhere; sizes are in backend pixels and are multiplied by [`ChartStyle::scale`].
//! - Every axis range goes through [`finite_range`] and every non-finite point is skipped before
//!   Plotters sees it: Plotters 0.3.7 loops forever on an infinite axis range and draws NaN
//!   points at the axis minimum.
//! - Plotters does not clip elements to the plotting area, so these functions clip segments,
//!   skip markers outside the view and clamp rectangles themselves.
//! - Nothing here panics: errors come back as [`DrawingAreaErrorKind`].

#[cfg(target_arch = "wasm32")]
pub mod canvas;
pub mod data_chart;
pub mod loss_chart;
pub mod pointer;

pub use data_chart::{data_view, draw_data_chart, DataChart, Residual};
pub use loss_chart::{draw_loss_chart, loss_view, LossChart, Tangent};

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The result of a drawing call: `T` on success, the backend's error wrapped by Plotters otherwise.
pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The largest magnitude an axis end may have. Far beyond any lesson's numbers, yet small enough
/// that the width of a range and Plotters' tick arithmetic stay finite and exact enough.
pub const RANGE_LIMIT: f64 = 1e15;

/// The narrowest axis range, in absolute terms.
const MIN_ABSOLUTE_WIDTH: f64 = 1e-12;

/// The narrowest axis range relative to the magnitude of its ends. Plotters' tick search divides
/// its step until it fits; below float precision the step never fits and the search never ends.
const MIN_RELATIVE_WIDTH: f64 = 1e-9;

/// The most tick labels on one axis: Plotters measures every label through the DOM in the browser.
const MAX_TICKS: usize = 6;

/// How the charts look on one screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    /// `devicePixelRatio` × projector factor: multiplies every font size, line width and marker.
    /// Non-finite or non-positive values count as 1; the factor is clamped to 0.25..=8.
    pub scale: f64,
    /// Black on white with thicker lines, for projectors and low vision.
    pub high_contrast: bool,
}

/// How much projector mode enlarges a chart of `css_size` CSS pixels: the full
/// [`PROJECTOR_ENLARGEMENT`] from [`PROJECTOR_FULL_SIZE`] up, less on a smaller chart (a
/// 1280 × 720 projector's), never less than 1. Text enlarged on a small chart would crowd
/// out the plot: tick labels overlap, or no room is left for the plotting area at all.
pub fn projector_enlargement((width, height): (f64, f64)) -> f64 {
    let room = (width / PROJECTOR_FULL_SIZE.0).min(height / PROJECTOR_FULL_SIZE.1);
    if room.is_nan() {
        1.0
    } else {
        room.clamp(1.0, PROJECTOR_ENLARGEMENT)
    }
}

impl Default for ChartStyle {
    fn default() -> Self {
        Self {
            scale: 1.0,
            high_contrast: false,
        }
    }
}

/// The chart size (CSS pixels) from which projector mode draws text and lines at their full
/// [`PROJECTOR_ENLARGEMENT`]: about a chart's size on a 1920 × 1080 projector (950 × 430).
pub const PROJECTOR_FULL_SIZE: (f64, f64) = (600.0, 270.0);

/// How much larger projector mode draws the charts' text, lines and markers, at most.
pub const PROJECTOR_ENLARGEMENT: f64 = 1.5;

impl ChartStyle {
    /// The style of a chart whose canvas is `css_size` CSS pixels large, drawn at
    /// `pixel_ratio` device pixels per CSS pixel, in projector mode or not.
    pub fn for_canvas(css_size: (f64, f64), pixel_ratio: f64, projector: bool) -> ChartStyle {
        let enlargement = if projector {
            projector_enlargement(css_size)
        } else {
            1.0
        };
        ChartStyle {
            scale: pixel_ratio * enlargement,
            high_contrast: projector,
        }
    }

    /// The scale actually used: finite, positive and within 0.25..=8.
    pub fn effective_scale(&self) -> f64 {
        if self.scale.is_finite() && self.scale > 0.0 {
            self.scale.clamp(0.25, 8.0)
        } else {
            1.0
        }
    }

    /// The colours for this style.
    pub fn palette(&self) -> Palette {
        if self.high_contrast {
            Palette::high_contrast()
        } else {
            Palette::okabe_ito()
        }
    }

    /// A length of `base` pixels at scale 1, in backend pixels.
    pub(crate) fn px(&self, base: f64) -> f64 {
        base * self.effective_scale()
    }

    /// A line width of `base` pixels at scale 1; high contrast draws it 1.6 times as thick.
    pub(crate) fn stroke(&self, base: f64) -> u32 {
        let contrast = if self.high_contrast { 1.6 } else { 1.0 };
        (self.px(base) * contrast).round().clamp(1.0, 64.0) as u32
    }

    /// A sans-serif font of `base` pixels at scale 1 in the given colour.
    pub(crate) fn font(&self, base: f64, color: RGBColor) -> TextStyle<'static> {
        ("sans-serif", self.px(base)).into_font().color(&color)
    }

    /// Like [`Self::font`], in italics, as mathematics sets single-letter variables.
    pub(crate) fn italic_font(&self, base: f64, color: RGBColor) -> TextStyle<'static> {
        ("sans-serif", self.px(base), FontStyle::Italic)
            .into_font()
            .color(&color)
    }
}

/// The colours of both charts. The default is the Okabe–Ito palette, which stays distinguishable
/// under the common colour-vision deficiencies; every colour also differs in shape or line width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Behind everything.
    pub background: RGBColor,
    /// Tick labels, axis names and annotations.
    pub text: RGBColor,
    /// The centred message on an empty chart.
    pub muted_text: RGBColor,
    /// The axis lines and the zero lines.
    pub axis: RGBColor,
    /// The grid lines at the ticks.
    pub grid: RGBColor,
    /// The data points.
    pub points: RGBColor,
    /// The model's line ŷ(x).
    pub model: RGBColor,
    /// The residual segments from y to ŷ.
    pub residual: RGBColor,
    /// The squared-error squares (drawn translucent).
    pub square: RGBColor,
    /// The loss curve L(a).
    pub curve: RGBColor,
    /// The current point on the loss curve and its tangent.
    pub current: RGBColor,
    /// The descent trail.
    pub trail: RGBColor,
    /// The minimum and maximum markers.
    pub extremum: RGBColor,
    /// The ring around a highlighted (dragged) point.
    pub highlight: RGBColor,
}

impl Palette {
    /// Okabe–Ito colours on white.
    pub fn okabe_ito() -> Self {
        let blue = RGBColor(0x00, 0x72, 0xB2);
        let vermillion = RGBColor(0xD5, 0x5E, 0x00);
        let reddish_purple = RGBColor(0xCC, 0x79, 0xA7);
        let bluish_green = RGBColor(0x00, 0x9E, 0x73);
        let black = RGBColor(0x00, 0x00, 0x00);
        Self {
            background: RGBColor(0xFF, 0xFF, 0xFF),
            text: RGBColor(0x1A, 0x1A, 0x1A),
            muted_text: RGBColor(0x55, 0x55, 0x55),
            axis: RGBColor(0x33, 0x33, 0x33),
            grid: RGBColor(0xE3, 0xE3, 0xE3),
            points: blue,
            model: vermillion,
            residual: reddish_purple,
            square: reddish_purple,
            curve: blue,
            current: vermillion,
            trail: bluish_green,
            extremum: black,
            highlight: black,
        }
    }

    /// Black on white: roles differ by line width, dashes and marker shape instead of colour.
    pub fn high_contrast() -> Self {
        let black = RGBColor(0x00, 0x00, 0x00);
        Self {
            background: RGBColor(0xFF, 0xFF, 0xFF),
            text: black,
            muted_text: black,
            axis: black,
            grid: RGBColor(0xC8, 0xC8, 0xC8),
            points: black,
            model: black,
            residual: black,
            square: black,
            curve: black,
            current: black,
            trail: black,
            extremum: black,
            highlight: black,
        }
    }
}

/// The data window of a chart: the x and y ranges it shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartView {
    /// The x range (low, high).
    pub x: (f64, f64),
    /// The y range (low, high).
    pub y: (f64, f64),
}

impl ChartView {
    /// The same view with both ranges passed through [`finite_range`].
    pub fn sanitized(self) -> Self {
        Self {
            x: finite_range(self.x.0, self.x.1),
            y: finite_range(self.y.0, self.y.1),
        }
    }
}

/// Where a drawn chart's plotting area landed: its rectangle in backend pixels (relative to the
/// drawing area passed in; for a whole canvas, canvas pixels) and the data view it shows.
/// Components use it to turn pointer positions into data coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotFrame {
    /// The pixel column of the view's low x.
    pub left: f64,
    /// The pixel row of the view's high y.
    pub top: f64,
    /// The pixel column of the view's high x.
    pub right: f64,
    /// The pixel row of the view's low y.
    pub bottom: f64,
    /// The data window shown.
    pub view: ChartView,
}

impl PlotFrame {
    /// The pixel position of a data point; far outside the frame for points outside the view,
    /// and non-finite only for non-finite input.
    pub fn to_pixel(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let (u, v) = self.unit_of((x, y));
        self.unit_to_pixel((u, v))
    }

    /// The data point under a pixel position (inverse of [`Self::to_pixel`]).
    pub fn to_data(&self, (px, py): (f64, f64)) -> (f64, f64) {
        let width = (self.right - self.left).max(1.0);
        let height = (self.bottom - self.top).max(1.0);
        let u = (px - self.left) / width;
        let v = (self.bottom - py) / height;
        let (x0, x1) = self.view.x;
        let (y0, y1) = self.view.y;
        (x0 + u * (x1 - x0), y0 + v * (y1 - y0))
    }

    /// Whether a pixel position lies inside the plotting area (edges included).
    pub fn contains_pixel(&self, (px, py): (f64, f64)) -> bool {
        px >= self.left && px <= self.right && py >= self.top && py <= self.bottom
    }

    /// The index of the finite point drawn nearest to `pixel`, if it is within `max_distance`
    /// pixels: the hit test for dragging points.
    pub fn nearest_point(
        &self,
        points: &[(f64, f64)],
        pixel: (f64, f64),
        max_distance: f64,
    ) -> Option<usize> {
        points
            .iter()
            .enumerate()
            .filter(|(_, p)| p.0.is_finite() && p.1.is_finite())
            .map(|(i, p)| {
                let (px, py) = self.to_pixel(*p);
                (i, (px - pixel.0).hypot(py - pixel.1))
            })
            .filter(|(_, d)| d.is_finite() && *d <= max_distance)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }

    /// The point in unit coordinates: (0, 0) is the view's low corner, (1, 1) its high corner.
    /// Finite input gives finite output: overflow is clamped to ±1e300.
    pub(crate) fn unit_of(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let (x0, x1) = self.view.x;
        let (y0, y1) = self.view.y;
        let clamp = |t: f64| {
            if t.is_nan() {
                t
            } else {
                t.clamp(-1e300, 1e300)
            }
        };
        (clamp((x - x0) / (x1 - x0)), clamp((y - y0) / (y1 - y0)))
    }

    /// The pixel position of a point in unit coordinates.
    pub(crate) fn unit_to_pixel(&self, (u, v): (f64, f64)) -> (f64, f64) {
        (
            self.left + u * (self.right - self.left),
            self.bottom - v * (self.bottom - self.top),
        )
    }

    /// The backend pixel of a point in unit coordinates, which must lie in (or near) the frame.
    pub(crate) fn unit_to_backend(&self, p: (f64, f64)) -> (i32, i32) {
        let (px, py) = self.unit_to_pixel(p);
        (to_backend(px), to_backend(py))
    }

    /// The width of the plotting area in pixels.
    pub(crate) fn width(&self) -> f64 {
        self.right - self.left
    }

    /// The height of the plotting area in pixels.
    pub(crate) fn height(&self) -> f64 {
        self.bottom - self.top
    }

    /// Whether a pixel box (left, top, right, bottom) lies inside the plotting area.
    pub(crate) fn contains_box(&self, b: PixelBox) -> bool {
        b.0 >= self.left && b.2 <= self.right && b.1 >= self.top && b.3 <= self.bottom
    }
}

/// A point (x, y), in data, unit or pixel coordinates.
pub(crate) type Point = (f64, f64);

/// A box in pixels: (left, top, right, bottom).
pub(crate) type PixelBox = (f64, f64, f64, f64);

/// Whether two pixel boxes overlap.
pub(crate) fn boxes_overlap(a: PixelBox, b: PixelBox) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// A pixel coordinate as Plotters wants it; saturating, never NaN-dependent.
pub(crate) fn to_backend(p: f64) -> i32 {
    if p.is_finite() {
        p.round().clamp(-1e6, 1e6) as i32
    } else {
        0
    }
}

/// Clamps any range to finite numbers within ±[`RANGE_LIMIT`] and with a width Plotters can
/// tick: NaN ends are replaced by the other end (or 0..1 when both are NaN), infinities and huge
/// values are clamped, reversed ends are swapped, and a zero or too narrow width is widened
/// symmetrically (by 10% of the magnitude, or by 1 around zero).
pub fn finite_range(lo: f64, hi: f64) -> (f64, f64) {
    let clamp = |v: f64| v.clamp(-RANGE_LIMIT, RANGE_LIMIT);
    let (lo, hi) = match (lo.is_nan(), hi.is_nan()) {
        (true, true) => return (0.0, 1.0),
        (true, false) => (clamp(hi), clamp(hi)),
        (false, true) => (clamp(lo), clamp(lo)),
        (false, false) => (clamp(lo), clamp(hi)),
    };
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    let magnitude = lo.abs().max(hi.abs());
    let min_width = MIN_ABSOLUTE_WIDTH.max(MIN_RELATIVE_WIDTH * magnitude);
    if hi - lo >= min_width {
        return (lo, hi);
    }
    let center = lo / 2.0 + hi / 2.0;
    let half = if center == 0.0 {
        1.0
    } else {
        (center.abs() * 0.1).max(min_width)
    };
    let (mut lo, mut hi) = (center - half, center + half);
    // Shift a widened range back inside the limits rather than narrowing it again.
    if hi > RANGE_LIMIT {
        lo -= hi - RANGE_LIMIT;
        hi = RANGE_LIMIT;
    }
    if lo < -RANGE_LIMIT {
        hi += -RANGE_LIMIT - lo;
        lo = -RANGE_LIMIT;
    }
    (lo, hi)
}

/// Widens a range by `fraction` of its width on each side so markers at the ends are not cut by
/// the axes, then passes it through [`finite_range`]. A non-finite or negative fraction counts
/// as 0; fractions above 1 count as 1.
pub fn nice_padding(lo: f64, hi: f64, fraction: f64) -> (f64, f64) {
    asymmetric_padding(lo, hi, fraction, fraction)
}

/// Like [`nice_padding`], with separate fractions for the low and the high side.
pub(crate) fn asymmetric_padding(lo: f64, hi: f64, below: f64, above: f64) -> (f64, f64) {
    let sane = |f: f64| {
        if f.is_finite() {
            f.clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    let (lo, hi) = finite_range(lo, hi);
    let width = hi - lo;
    finite_range(lo - sane(below) * width, hi + sane(above) * width)
}

/// The low and high ends of the finite values, if there are any.
pub(crate) fn finite_extent(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((f64::min(lo, v), f64::max(hi, v))),
        })
}

/// How the tick labels of one axis are written: the same number of decimals on every label,
/// just enough for the ticks Plotters will draw; scientific notation for huge or minute ranges.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TickFormat {
    range: (f64, f64),
    scientific: bool,
    decimals: usize,
}

impl TickFormat {
    /// The format for an axis showing `range` (already through [`finite_range`]).
    pub(crate) fn for_range(range: (f64, f64)) -> Self {
        let magnitude = range.0.abs().max(range.1.abs());
        let width = (range.1 - range.0).abs().max(f64::MIN_POSITIVE);
        let step_exponent = (width / MAX_TICKS as f64).log10().floor();
        let scientific = magnitude >= 1e6 || step_exponent < -5.0;
        // The ticks Plotters will draw, so every label can get the decimals the finest one needs.
        let ticks = RangedCoordf64::from(range.0..range.1).key_points(MAX_TICKS);
        let most = (-step_exponent).clamp(0.0, 10.0) as usize;
        let decimals = ticks
            .iter()
            .map(|t| {
                let text = format!("{t:.most$}");
                let trimmed = trim_decimals(&text);
                trimmed.split_once('.').map_or(0, |(_, d)| d.len())
            })
            .max()
            .unwrap_or(0);
        Self {
            range,
            scientific,
            decimals,
        }
    }

    /// The label for one tick value, with a true minus sign.
    pub(crate) fn format(&self, value: f64) -> String {
        if !value.is_finite() {
            return String::new();
        }
        let text = if self.scientific {
            if value == 0.0 {
                "0".to_owned()
            } else {
                let width = (self.range.1 - self.range.0).abs().max(f64::MIN_POSITIVE);
                let step_exponent = (width / MAX_TICKS as f64).log10().floor();
                let exponent = value.abs().log10().floor();
                let digits = (exponent - step_exponent).clamp(0.0, 6.0) as usize;
                let formatted = format!("{value:.digits$e}");
                match formatted.split_once('e') {
                    Some((mantissa, exp)) => format!("{}e{}", trim_decimals(mantissa), exp),
                    None => formatted,
                }
            }
        } else {
            let decimals = self.decimals;
            format!("{value:.decimals$}")
        };
        // "-0" and "-0.00" are zero; a hyphen is not a minus sign.
        if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
            text[1..].to_owned()
        } else {
            text.replace('-', "\u{2212}")
        }
    }
}

/// "1.500" → "1.5", "2.000" → "2"; integers are left alone.
fn trim_decimals(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// Clips the segment a–b to the unit square [0, 1]² (Liang–Barsky). Inputs must be finite; they
/// may be huge, so the arithmetic runs on coordinates scaled into [−1, 1].
pub(crate) fn clip_unit_segment(a: (f64, f64), b: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
    if ![a.0, a.1, b.0, b.1].iter().all(|v| v.is_finite()) {
        return None;
    }
    let m = [1.0, a.0.abs(), a.1.abs(), b.0.abs(), b.1.abs()]
        .into_iter()
        .fold(1.0_f64, f64::max);
    let (ax, ay, bx, by) = (a.0 / m, a.1 / m, b.0 / m, b.1 / m);
    let limit = 1.0 / m;
    let (dx, dy) = (bx - ax, by - ay);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [(-dx, ax), (dx, limit - ax), (-dy, ay), (dy, limit - ay)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    if t0 > t1 || !t0.is_finite() || !t1.is_finite() {
        return None;
    }
    let unit = |v: f64| (v * m).clamp(0.0, 1.0);
    Some((
        (unit(ax + t0 * dx), unit(ay + t0 * dy)),
        (unit(ax + t1 * dx), unit(ay + t1 * dy)),
    ))
}

/// Whether a point in unit coordinates lies in the view (with a hair of tolerance for rounding).
pub(crate) fn unit_visible((u, v): (f64, f64)) -> bool {
    const EPS: f64 = 1e-9;
    (-EPS..=1.0 + EPS).contains(&u) && (-EPS..=1.0 + EPS).contains(&v)
}

/// Draws a polyline through data points, clipped to the frame. Non-finite samples break the
/// line instead of being joined across.
pub(crate) fn draw_clipped_polyline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    points: &[(f64, f64)],
    style: ShapeStyle,
) -> DrawResult<(), DB> {
    let mut run: Vec<(i32, i32)> = Vec::new();
    let flush = |run: &mut Vec<(i32, i32)>| -> DrawResult<(), DB> {
        if run.len() >= 2 {
            area.draw(&PathElement::new(std::mem::take(run), style))?;
        }
        run.clear();
        Ok(())
    };
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let finite = a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite();
        let clipped = if finite {
            clip_unit_segment(frame.unit_of(a), frame.unit_of(b))
        } else {
            None
        };
        match clipped {
            Some((p, q)) => {
                let (p, q) = (frame.unit_to_backend(p), frame.unit_to_backend(q));
                if run.last() != Some(&p) {
                    flush(&mut run)?;
                    run.push(p);
                }
                run.push(q);
            }
            None => flush(&mut run)?,
        }
    }
    flush(&mut run)
}

/// Draws a text with its anchor at a pixel position.
pub(crate) fn draw_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    (x, y): (f64, f64),
    style: &TextStyle,
    h: HPos,
    v: VPos,
) -> DrawResult<(), DB> {
    if text.is_empty() {
        return Ok(());
    }
    let style = style.pos(Pos::new(h, v));
    area.draw(&Text::new(text, (to_backend(x), to_backend(y)), style))
}

/// A rough width of a text in pixels, without asking the backend (which in the browser means a
/// DOM measurement per call).
pub(crate) fn approximate_text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * 0.6 * font_px
}

/// The names and view of the axes [`draw_axes`] draws.
pub(crate) struct Axes<'a> {
    pub view: ChartView,
    pub x_name: &'a str,
    pub y_name: &'a str,
}

/// Fills the background, lays out margins from the font sizes, draws the grid, ticks, tick labels,
/// axis names and zero lines, and returns where the plotting area landed — or `None` when the
/// area is too small to hold a chart (then only the background is drawn).
pub(crate) fn draw_axes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    axes: &Axes,
    style: &ChartStyle,
) -> DrawResult<Option<PlotFrame>, DB> {
    let palette = style.palette();
    area.fill(&palette.background)?;
    let view = axes.view.sanitized();
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));

    let tick_font_px = 18.0;
    let name_font_px = 22.0;
    let tick_px = style.px(tick_font_px);
    let name_px = style.px(name_font_px);
    let tick_mark = style.px(6.0);
    let gap = style.px(6.0);

    let x_ticks = TickFormat::for_range(view.x);
    let y_ticks = TickFormat::for_range(view.y);
    let widest_tick = RangedCoordf64::from(view.y.0..view.y.1)
        .key_points(MAX_TICKS)
        .into_iter()
        .map(|t| approximate_text_width(&y_ticks.format(t), tick_px))
        .fold(0.0, f64::max);
    let left_area = (widest_tick + tick_mark + 2.0 * gap).ceil();
    let bottom_area = (tick_mark + gap + tick_px * 1.2 + gap + name_px * 1.3).ceil();
    let margin_top = (name_px * 1.8).ceil();
    let margin_right = (tick_px * 1.6).ceil();
    let margin_left = gap.ceil();

    let min_plot = style.px(24.0);
    if width - left_area - margin_left - margin_right < min_plot
        || height - bottom_area - margin_top < min_plot
    {
        return Ok(None);
    }

    let mut chart = ChartBuilder::on(area)
        .margin_top(margin_top as u32)
        .margin_right(margin_right as u32)
        .margin_left(margin_left as u32)
        .x_label_area_size(bottom_area as u32)
        .y_label_area_size(left_area as u32)
        .build_cartesian_2d(view.x.0..view.x.1, view.y.0..view.y.1)?;

    let x_format = |v: &f64| x_ticks.format(*v);
    let y_format = |v: &f64| y_ticks.format(*v);
    chart
        .configure_mesh()
        .x_labels(MAX_TICKS)
        .y_labels(MAX_TICKS)
        .x_label_formatter(&x_format)
        .y_label_formatter(&y_format)
        .label_style(style.font(tick_font_px, palette.text))
        .axis_style(palette.axis.stroke_width(style.stroke(1.5)))
        .bold_line_style(palette.grid.stroke_width(style.stroke(1.0)))
        .light_line_style(palette.background.mix(0.0))
        .set_all_tick_mark_size(tick_mark as u32)
        .draw()?;

    let (x_pixels, y_pixels) = chart.plotting_area().get_pixel_range();
    let (base_x, base_y) = area.get_base_pixel();
    let frame = PlotFrame {
        left: f64::from(x_pixels.start - base_x),
        right: f64::from(x_pixels.end - 1 - base_x),
        top: f64::from(y_pixels.start - base_y),
        bottom: f64::from(y_pixels.end - 1 - base_y),
        view,
    };

    // Zero lines: the axes of the lesson's y = a·x live at the origin, not at the frame's edge.
    let zero_style = palette.axis.mix(0.4).stroke_width(style.stroke(1.5));
    if view.x.0 < 0.0 && view.x.1 > 0.0 {
        draw_clipped_polyline(
            area,
            &frame,
            &[(0.0, view.y.0), (0.0, view.y.1)],
            zero_style,
        )?;
    }
    if view.y.0 < 0.0 && view.y.1 > 0.0 {
        draw_clipped_polyline(
            area,
            &frame,
            &[(view.x.0, 0.0), (view.x.1, 0.0)],
            zero_style,
        )?;
    }

    // Axis names are user text (column names): drawn horizontally, the x name centred under the
    // tick labels and the y name above the top of the y axis, where a reader looks for it.
    let name_font = |name: &str| {
        if name.chars().count() == 1 {
            style.italic_font(name_font_px, palette.text)
        } else {
            style.font(name_font_px, palette.text)
        }
    };
    draw_text(
        area,
        axes.x_name,
        (
            (frame.left + frame.right) / 2.0,
            frame.bottom + tick_mark + gap + tick_px * 1.2 + gap,
        ),
        &name_font(axes.x_name),
        HPos::Center,
        VPos::Top,
    )?;
    draw_text(
        area,
        axes.y_name,
        (margin_left, frame.top - name_px * 0.5),
        &name_font(axes.y_name),
        HPos::Left,
        VPos::Bottom,
    )?;
    Ok(Some(frame))
}

/// Draws a message centred in the plotting area (or the whole area when there is no frame).
pub(crate) fn draw_centred_message<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: Option<&PlotFrame>,
    message: &str,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let centre = match frame {
        Some(f) => ((f.left + f.right) / 2.0, (f.top + f.bottom) / 2.0),
        None => {
            let (w, h) = area.dim_in_pixel();
            (f64::from(w) / 2.0, f64::from(h) / 2.0)
        }
    };
    let font = style.font(24.0, style.palette().muted_text);
    draw_text(area, message, centre, &font, HPos::Center, VPos::Center)
}
