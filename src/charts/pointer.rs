//! Pointer geometry for editing the data chart by hand: where a pointer is in canvas pixels,
//! which point it grabs, and the short numbers a dragged point is written with. Plain
//! arithmetic on a [`PlotFrame`], so it is tested natively; the component only feeds it
//! event coordinates.

use super::PlotFrame;

/// How far from a point's centre, in CSS pixels, a mouse or pen still grabs it: a little more
/// than the drawn radius, so a point is easy to hit without covering its neighbours.
pub const GRAB_RADIUS_MOUSE: f64 = 14.0;

/// The same for a finger, which covers far more than a mouse pointer (a 44 px touch target,
/// as the WCAG's target size asks, has a 22 px radius).
pub const GRAB_RADIUS_TOUCH: f64 = 22.0;

/// A pointer position in CSS pixels relative to the canvas (`offsetX`, `offsetY`) in the
/// canvas's own (device) pixels, which [`PlotFrame`] uses. `pixels_per_css` is the canvas's
/// backing-store width over its CSS width; a missing or absurd ratio counts as 1.
pub fn canvas_pixel(offset_css: (f64, f64), pixels_per_css: f64) -> (f64, f64) {
    let ratio = if pixels_per_css.is_finite() && pixels_per_css > 0.0 {
        pixels_per_css
    } else {
        1.0
    };
    (offset_css.0 * ratio, offset_css.1 * ratio)
}

/// The point under a pointer at `pixel` (canvas pixels), searching `grab_radius_css` CSS pixels
/// around it: the index into `points`, or `None` when nothing is that close.
pub fn grabbed_point(
    frame: &PlotFrame,
    points: &[(f64, f64)],
    pixel: (f64, f64),
    grab_radius_css: f64,
    pixels_per_css: f64,
) -> Option<usize> {
    let (radius, _) = canvas_pixel((grab_radius_css, 0.0), pixels_per_css);
    frame.nearest_point(points, pixel, radius)
}

/// Where a point dragged to `pixel` lands in data coordinates: the pixel is first held inside
/// the plotting area (so a point dragged past an axis stays in view and can be grabbed again),
/// and each coordinate is rounded to the finest power of ten that one CSS pixel can still tell
/// apart, so the table gets `4.52`, not `4.5213793103448`.
pub fn dragged_position(frame: &PlotFrame, pixel: (f64, f64), pixels_per_css: f64) -> (f64, f64) {
    let held = (
        hold(pixel.0, frame.left, frame.right),
        hold(pixel.1, frame.top, frame.bottom),
    );
    let (x, y) = frame.to_data(held);
    let (css_per_pixel, _) = canvas_pixel((1.0, 0.0), pixels_per_css);
    let width = (frame.right - frame.left).max(1.0) / css_per_pixel;
    let height = (frame.bottom - frame.top).max(1.0) / css_per_pixel;
    let (x0, x1) = frame.view.x;
    let (y0, y1) = frame.view.y;
    (
        round_inside(x, (x1 - x0).abs() / width, (x0, x1)),
        round_inside(y, (y1 - y0).abs() / height, (y0, y1)),
    )
}

/// [`round_to_resolution`], but a value rounded past an end of `range` is moved one step back
/// inside it: a point just outside the view would not be drawn, and could not be grabbed again.
fn round_inside(value: f64, resolution: f64, range: (f64, f64)) -> f64 {
    let (lo, hi) = (range.0.min(range.1), range.0.max(range.1));
    let rounded = round_to_resolution(value, resolution);
    if (lo..=hi).contains(&rounded) {
        return rounded;
    }
    let step = 10f64.powf(resolution.log10().floor());
    let back = if rounded < lo {
        rounded + step
    } else {
        rounded - step
    };
    let back = round_to_resolution(back, resolution);
    if (lo..=hi).contains(&back) {
        back
    } else {
        hold(value, lo, hi)
    }
}

/// `value` held within `lo..=hi`, like `f64::clamp` but never panicking (clamp panics on a NaN
/// or reversed bound; a pointer handler must not take the page down).
fn hold(value: f64, lo: f64, hi: f64) -> f64 {
    value.min(hi).max(lo)
}

/// `value` rounded to the largest power of ten not above `resolution` (the data distance of one
/// CSS pixel). Rounding goes through whole multiples divided by a power of ten, so the result is
/// the double nearest to a short decimal and prints short: 4.5213 at resolution 0.016 gives
/// 4.52. A non-finite or non-positive resolution leaves `value` as it is.
pub fn round_to_resolution(value: f64, resolution: f64) -> f64 {
    if !(value.is_finite() && resolution.is_finite() && resolution > 0.0) {
        return value;
    }
    // Beyond ±300 the powers of ten themselves stop being finite.
    let exponent = resolution.log10().floor().clamp(-300.0, 300.0) as i32;
    let rounded = if exponent < 0 {
        let scale = 10f64.powi(-exponent);
        (value * scale).round() / scale
    } else {
        let step = 10f64.powi(exponent);
        (value / step).round() * step
    };
    if rounded.is_finite() {
        // −0 would print as "-0".
        rounded + 0.0
    } else {
        value
    }
}

/// The step an arrow key moves a point along an axis showing `range`: the distance between
/// two of the axis's tick marks (Plotters' own choice for at most
/// [`MAX_TICKS`](super::ticks::MAX_TICKS) ticks: 1, 2 or 5 × a power of ten). A range with
/// fewer than two ticks, or no finite width, steps by a tenth of its width (or by 1).
pub fn key_step(range: (f64, f64)) -> f64 {
    use plotters::coord::ranged1d::Ranged;
    use plotters::coord::types::RangedCoordf64;
    let (lo, hi) = super::finite_range(range.0, range.1);
    let ticks = RangedCoordf64::from(lo..hi).key_points(super::ticks::MAX_TICKS);
    let step = match ticks.as_slice() {
        [first, second, ..] => second - first,
        _ => (hi - lo) / 10.0,
    };
    if step.is_finite() && step > 0.0 {
        step
    } else {
        1.0
    }
}
