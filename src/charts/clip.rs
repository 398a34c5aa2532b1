//! Clipping: Plotters does not clip elements to the plotting area, so segments are clipped to
//! the unit square here and polylines drawn through the clipped pieces.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{DrawResult, PlotFrame};

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
