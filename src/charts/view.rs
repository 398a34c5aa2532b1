//! The geometry every chart shares: the data window ([`ChartView`]), where the plotting area
//! landed ([`PlotFrame`]), and the range helpers that keep every axis finite before Plotters
//! sees it ([`finite_range`], [`nice_padding`]).

/// The largest magnitude an axis end may have. Far beyond any lesson's numbers, yet small enough
/// that the width of a range and Plotters' tick arithmetic stay finite and exact enough.
pub const RANGE_LIMIT: f64 = 1e15;

/// The narrowest axis range, in absolute terms.
const MIN_ABSOLUTE_WIDTH: f64 = 1e-12;

/// The narrowest axis range relative to the magnitude of its ends. Plotters' tick search divides
/// its step until it fits; below float precision the step never fits and the search never ends.
const MIN_RELATIVE_WIDTH: f64 = 1e-9;

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
