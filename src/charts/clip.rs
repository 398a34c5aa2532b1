//! Clipping: Plotters does not clip elements to the plotting area, so segments are clipped to
//! the unit square here and polylines drawn through the clipped pieces.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{DrawResult, PlotFrame};

/// Clips the segment a–b to the unit square [0, 1]² (Liang–Barsky). Inputs must be finite; they
/// may be huge, so the arithmetic runs on coordinates scaled into [−1, 1].
pub(crate) fn clip_unit_segment(a: (f64, f64), b: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
    let inside = |v: f64| (0.0..=1.0).contains(&v);
    if inside(a.0) && inside(a.1) && inside(b.0) && inside(b.1) {
        // Both ends in the view (a contour's segments, nearly always): what the clipping
        // below gives then (m = 1, t0 = 0, t1 = 1), without its nine divisions.
        let unit = |v: f64| v.clamp(0.0, 1.0);
        return Some((
            (unit(a.0), unit(a.1)),
            (unit(a.0 + (b.0 - a.0)), unit(a.1 + (b.1 - a.1))),
        ));
    }
    liang_barsky(a, b)
}

/// [`clip_unit_segment`] for any finite ends.
fn liang_barsky(a: (f64, f64), b: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
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

/// How far (in backend pixels) a simplified path may stray from the one it replaces: half
/// a device pixel, as far as rounding each vertex to whole pixels already moved it.
const SIMPLIFY_TOLERANCE_PX: f64 = 0.5;

/// `path` with the vertices left out that lie within `tolerance` pixels of the straight
/// line between the vertices kept around them (Douglas–Peucker, iterative, so a long path
/// cannot overflow the stack); the ends are always kept. A contour of the 200 × 200 loss
/// map has a vertex every few pixels along smooth curves, and the canvas's software
/// rasteriser pays per vertex of a wide stroke (BENCHMARKS.md, "Eighth session").
pub(crate) fn simplify_path(path: Vec<(i32, i32)>, tolerance: f64) -> Vec<(i32, i32)> {
    let n = path.len();
    if n < 3 {
        return path;
    }
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let mut spans = vec![(0, n - 1)];
    while let Some((first, last)) = spans.pop() {
        if last <= first + 1 {
            continue;
        }
        let (ax, ay) = (f64::from(path[first].0), f64::from(path[first].1));
        let (bx, by) = (f64::from(path[last].0), f64::from(path[last].1));
        let (dx, dy) = (bx - ax, by - ay);
        // The distance to the segment, not to its line: a vertex where the path turns back
        // along itself lies on the line but must stay.
        let squared = dx * dx + dy * dy;
        let distance = |&(x, y): &(i32, i32)| {
            let (px, py) = (f64::from(x) - ax, f64::from(y) - ay);
            let t = if squared > 0.0 {
                ((px * dx + py * dy) / squared).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (px - t * dx).hypot(py - t * dy)
        };
        let (farthest, far) =
            (first + 1..last)
                .map(|i| (i, distance(&path[i])))
                .fold(
                    (first, -1.0),
                    |best, next| if next.1 > best.1 { next } else { best },
                );
        if far > tolerance {
            keep[farthest] = true;
            spans.push((first, farthest));
            spans.push((farthest, last));
        }
    }
    path.into_iter()
        .zip(keep)
        .filter_map(|(point, kept)| kept.then_some(point))
        .collect()
}

/// Draws a polyline through data points, clipped to the frame. Non-finite samples break the
/// line instead of being joined across.
pub(crate) fn draw_clipped_polyline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    points: &[(f64, f64)],
    style: ShapeStyle,
) -> DrawResult<(), DB> {
    draw_clipped_runs(area, frame, points, style, |run| run)
}

/// [`draw_clipped_polyline`] with each piece simplified by [`simplify_path`] first: for the
/// loss map's contours. (Only there: the first-load build, which draws no map, then carries
/// no simplifying code.)
pub(crate) fn draw_simplified_polyline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    points: &[(f64, f64)],
    style: ShapeStyle,
) -> DrawResult<(), DB> {
    draw_clipped_runs(area, frame, points, style, |run| {
        simplify_path(run, SIMPLIFY_TOLERANCE_PX)
    })
}

/// The clipped pieces of the polyline through `points`, each passed through `finish` and
/// drawn.
fn draw_clipped_runs<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    points: &[(f64, f64)],
    style: ShapeStyle,
    finish: impl Fn(Vec<(i32, i32)>) -> Vec<(i32, i32)>,
) -> DrawResult<(), DB> {
    let mut run: Vec<(i32, i32)> = Vec::new();
    let flush = |run: &mut Vec<(i32, i32)>| -> DrawResult<(), DB> {
        if run.len() >= 2 {
            area.draw(&PathElement::new(finish(std::mem::take(run)), style))?;
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

#[cfg(test)]
mod tests {
    use super::{clip_unit_segment, liang_barsky, simplify_path};

    /// The shortcut for a segment inside the view gives what the clipping gives.
    #[test]
    fn a_segment_inside_the_view_is_clipped_to_itself_as_the_full_clipping_does() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut unit = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let edges = [0.0, 1.0, 0.5, f64::EPSILON, 1.0 - f64::EPSILON];
        for k in 0..20_000 {
            let mut pick = || {
                if k % 4 == 0 {
                    edges[(unit() * 5.0) as usize % 5]
                } else {
                    unit()
                }
            };
            let (a, b) = ((pick(), pick()), (pick(), pick()));
            assert_eq!(clip_unit_segment(a, b), liang_barsky(a, b), "{a:?} {b:?}");
        }
        // Outside or not finite: the full clipping.
        assert_eq!(
            clip_unit_segment((-1.0, 0.5), (0.5, 0.5)),
            Some(((0.0, 0.5), (0.5, 0.5)))
        );
        assert_eq!(clip_unit_segment((f64::NAN, 0.5), (0.5, 0.5)), None);
    }

    /// The largest distance from any vertex of `path` to the polyline `simplified`.
    fn deviation(path: &[(i32, i32)], simplified: &[(i32, i32)]) -> f64 {
        let to_segment = |p: (i32, i32), a: (i32, i32), b: (i32, i32)| {
            let (px, py) = (f64::from(p.0 - a.0), f64::from(p.1 - a.1));
            let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
            let squared = dx * dx + dy * dy;
            let t = if squared > 0.0 {
                ((px * dx + py * dy) / squared).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (px - t * dx).hypot(py - t * dy)
        };
        path.iter()
            .map(|&p| {
                simplified
                    .windows(2)
                    .map(|w| to_segment(p, w[0], w[1]))
                    .fold(f64::INFINITY, f64::min)
            })
            .fold(0.0, f64::max)
    }

    #[test]
    fn a_smooth_contour_keeps_few_vertices_and_stays_within_the_tolerance() {
        // An ellipse as the loss map's contours are: a vertex every few pixels.
        let ellipse: Vec<(i32, i32)> = (0..=400)
            .map(|k| {
                let t = f64::from(k) / 400.0 * std::f64::consts::TAU;
                (
                    (900.0 + 800.0 * t.cos()).round() as i32,
                    (300.0 + 200.0 * t.sin()).round() as i32,
                )
            })
            .collect();
        let simplified = simplify_path(ellipse.clone(), 0.25);
        assert_eq!(simplified.first(), ellipse.first());
        assert_eq!(simplified.last(), ellipse.last());
        assert!(deviation(&ellipse, &simplified) <= 0.25);
        // Rounded to whole pixels, an ellipse has short straight runs between its steps;
        // these go.
        assert!(
            simplified.len() < ellipse.len() * 3 / 4,
            "{} of {} vertices kept",
            simplified.len(),
            ellipse.len()
        );
    }

    #[test]
    fn a_path_that_turns_back_along_itself_keeps_its_turning_point() {
        let path = vec![(0, 0), (10, 0), (5, 0)];
        assert_eq!(simplify_path(path.clone(), 0.25), path);
    }

    #[test]
    fn collinear_vertices_go_and_corners_stay() {
        let path = vec![(0, 0), (1, 0), (2, 0), (3, 0), (3, 1), (3, 2)];
        assert_eq!(simplify_path(path, 0.25), vec![(0, 0), (3, 0), (3, 2)]);
        assert_eq!(
            simplify_path(vec![(1, 1), (2, 2)], 0.25),
            vec![(1, 1), (2, 2)]
        );
    }
}
