//! The hatched band over the parameter values where the loss is not defined (a typed
//! formula that is not a number at some row, issue 11): where the curve has a gap, the
//! chart says so instead of looking unfinished. The loss map hatches its "not defined"
//! cells the same way ([`draw_undefined_cells`]).

use super::colormap::SurfaceGrid;
use super::{ChartStyle, DrawResult, PlotFrame};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The hatching's colour: the interface's warning colour (`--warn`).
pub(crate) const HATCH: RGBColor = RGBColor(163, 58, 0);

/// The x ranges (data) of the runs of non-finite samples of `curve`, each reaching halfway
/// to the neighbouring finite samples; in increasing order.
pub(crate) fn undefined_bands(curve: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut bands: Vec<(f64, f64)> = Vec::new();
    for (i, &(x, y)) in curve.iter().enumerate() {
        if !x.is_finite() || y.is_finite() {
            continue;
        }
        let side = |j: Option<usize>| {
            j.and_then(|j| curve.get(j))
                .map(|p| p.0)
                .filter(|v| v.is_finite())
                .map_or(x, |v| (v + x) / 2.0)
        };
        let (lo, hi) = (side(i.checked_sub(1)), side(Some(i + 1)));
        match bands.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => bands.push((lo.min(hi), lo.max(hi))),
        }
    }
    bands
}

/// The hatching of a rectangle of pixels (left, top, right, bottom): 45° lines on the
/// lines x + y = k·gap of the whole canvas, so that rectangles side by side (the map's
/// cells) join into one hatched region.
pub(crate) fn hatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (left, top, right, bottom): (f64, f64, f64, f64),
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    if !(right - left >= 0.5 && bottom - top >= 0.5) {
        return Ok(());
    }
    let gap = style.px(9.0).max(3.0);
    let line = HATCH.mix(0.45).stroke_width(style.stroke(1.2));
    let corner = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    let mut c = ((left + top) / gap).ceil() * gap;
    while c <= right + bottom {
        // x + y = c inside the rectangle.
        let (x0, x1) = ((c - bottom).max(left), (c - top).min(right));
        if x1 > x0 {
            area.draw(&PathElement::new(
                vec![corner(x0, c - x0), corner(x1, c - x1)],
                line,
            ))?;
        }
        c += gap;
    }
    Ok(())
}

/// The grid's "not defined" cells (NaN) as runs along each row: `(a_lo, a_hi, b_lo, b_hi)`
/// in data, each node's cell reaching halfway to its neighbours (the heatmap's nearest
/// node), cut to the grid's ranges.
pub(crate) fn undefined_cells(grid: &SurfaceGrid) -> Vec<(f64, f64, f64, f64)> {
    if !grid.is_valid() || !grid.has_undefined() {
        return Vec::new();
    }
    let edges = |(lo, hi): (f64, f64), n: usize, k: usize| {
        let step = if n > 1 {
            (hi - lo) / (n - 1) as f64
        } else {
            0.0
        };
        let at = |k: f64| lo + k * step;
        let low = if k == 0 { lo } else { at(k as f64 - 0.5) };
        let high = if k + 1 >= n { hi } else { at(k as f64 + 0.5) };
        (low, high)
    };
    let mut runs = Vec::new();
    for (j, row) in grid.values.chunks(grid.columns).enumerate() {
        let (b_lo, b_hi) = edges(grid.b_range, grid.rows, j);
        let mut i = 0;
        while i < row.len() {
            if !row.get(i).is_some_and(|v| v.is_nan()) {
                i += 1;
                continue;
            }
            let start = i;
            while row.get(i).is_some_and(|v| v.is_nan()) {
                i += 1;
            }
            let (a_lo, _) = edges(grid.a_range, grid.columns, start);
            let (_, a_hi) = edges(grid.a_range, grid.columns, i - 1);
            runs.push((a_lo, a_hi, b_lo, b_hi));
        }
    }
    runs
}

/// Hatches the map's "not defined" cells ([`undefined_cells`]) within the frame.
pub(crate) fn draw_undefined_cells<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    grid: &SurfaceGrid,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    for (a_lo, a_hi, b_lo, b_hi) in undefined_cells(grid) {
        let (x0, y0) = frame.to_pixel((a_lo, b_hi));
        let (x1, y1) = frame.to_pixel((a_hi, b_lo));
        let clamp_x = |x: f64| x.clamp(frame.left, frame.right);
        let clamp_y = |y: f64| y.clamp(frame.top, frame.bottom);
        let rect = (clamp_x(x0), clamp_y(y0), clamp_x(x1), clamp_y(y1));
        hatch(area, rect, style)?;
    }
    Ok(())
}

/// Draws each band of [`undefined_bands`] as a pale rectangle crossed by diagonal lines,
/// within the frame.
pub(crate) fn draw_undefined_bands<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    curve: &[(f64, f64)],
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let (top, bottom) = (frame.top, frame.bottom);
    let height = (bottom - top).max(0.0);
    let gap = style.px(9.0).max(3.0);
    let line = HATCH.mix(0.45).stroke_width(style.stroke(1.2));
    for (lo, hi) in undefined_bands(curve) {
        let y = frame.view.y.0;
        let left = frame.to_pixel((lo, y)).0.clamp(frame.left, frame.right);
        let right = frame.to_pixel((hi, y)).0.clamp(frame.left, frame.right);
        let width = right - left;
        if width.is_nan() || width < 1.0 {
            continue;
        }
        let corner = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
        area.draw(&Rectangle::new(
            [corner(left, top), corner(right, bottom)],
            RGBColor(255, 241, 232).mix(0.7).filled(),
        ))?;
        // Lines x = x0 + t, y = bottom − t (45°), cut to the band.
        let mut x0 = left - height;
        while x0 < right {
            let t0 = (left - x0).max(0.0);
            let t1 = (right - x0).min(height);
            if t1 > t0 {
                area.draw(&PathElement::new(
                    vec![corner(x0 + t0, bottom - t0), corner(x0 + t1, bottom - t1)],
                    line,
                ))?;
            }
            x0 += gap;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_cover_each_run_of_undefined_samples_halfway_to_its_neighbours() {
        let nan = f64::NAN;
        let curve = [(0.0, 1.0), (1.0, nan), (2.0, nan), (3.0, 2.0), (4.0, nan)];
        assert_eq!(undefined_bands(&curve), vec![(0.5, 2.5), (3.5, 4.0)]);
        assert!(undefined_bands(&[(0.0, 1.0), (1.0, 2.0)]).is_empty());
        let all = [(0.0, nan), (1.0, nan)];
        assert_eq!(undefined_bands(&all), vec![(0.0, 1.0)]);
    }
}
