//! The data chart's marks: the squared errors, the residuals and the points, thinned out
//! where they are too dense to tell apart (10 000 points cost what 2 000 do).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    clip_unit_segment, draw_clipped_polyline, to_backend, unit_visible, ChartStyle, DrawResult,
    PlotFrame, Residual,
};

/// The most data points drawn as discs. Beyond it, points whose discs would land within a few
/// pixels of one already drawn are left out (see [`points_to_draw`]): 10 000 points then cost
/// what 2 000 do, and where points are that dense their discs overlap anyway.
pub const MAX_DRAWN_POINTS: usize = 2_000;

/// Each squared error as a square of side |y − ŷ| in pixels of the y axis: the residual is one
/// side, the square extends to its right (or left, where only that fits). Clipped to the
/// plotting area.
pub(super) fn draw_squares<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    residuals: &[Residual],
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let palette = style.palette();
    let fill = palette
        .square
        .mix(if style.high_contrast { 0.2 } else { 0.3 });
    let outline = palette.square.mix(0.8).stroke_width(style.stroke(1.5));
    for r in residuals {
        if !(r.x.is_finite() && r.y.is_finite() && r.y_hat.is_finite()) {
            continue;
        }
        let (u, v_y) = frame.unit_of((r.x, r.y));
        let (_, v_hat) = frame.unit_of((r.x, r.y_hat));
        // The side in pixels, capped far beyond any screen so the arithmetic stays finite.
        let side = ((v_y - v_hat).abs() * frame.height()).min(1e7);
        if !(side.is_finite() && side >= 0.5) {
            continue;
        }
        let (x_residual, _) = frame.unit_to_pixel((u.clamp(-1e3, 1e3), 0.0));
        let top = frame
            .unit_to_pixel((0.0, v_y.max(v_hat).clamp(-1e3, 1e3)))
            .1;
        let bottom = frame
            .unit_to_pixel((0.0, v_y.min(v_hat).clamp(-1e3, 1e3)))
            .1;
        // To the right of the residual, unless it would be cut off there and fits on the left.
        let room_right = frame.right - x_residual;
        let room_left = x_residual - frame.left;
        let (x_left, x_right) = if side > room_right && side <= room_left {
            (x_residual - side, x_residual)
        } else {
            (x_residual, x_residual + side)
        };
        let clipped = (
            x_left.max(frame.left),
            top.max(frame.top),
            x_right.min(frame.right),
            bottom.min(frame.bottom),
        );
        if clipped.0 >= clipped.2 || clipped.1 >= clipped.3 {
            continue;
        }
        let corners = [
            (to_backend(clipped.0), to_backend(clipped.1)),
            (to_backend(clipped.2), to_backend(clipped.3)),
        ];
        area.draw(&Rectangle::new(corners, fill.filled()))?;
        area.draw(&Rectangle::new(corners, outline))?;
    }
    Ok(())
}

/// Each residual as a vertical segment from (x, y) to (x, ŷ).
pub(super) fn draw_residuals<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    residuals: &[Residual],
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let line = style.palette().residual.stroke_width(style.stroke(2.5));
    let column = style.px(1.0).max(1.0);
    if (residuals.len() as f64) <= frame.width() / column {
        for r in residuals {
            draw_clipped_polyline(area, frame, &[(r.x, r.y), (r.x, r.y_hat)], line)?;
        }
        return Ok(());
    }
    for (u, v_lo, v_hi) in merged_residuals(frame, residuals, column) {
        if let Some((p, q)) = clip_unit_segment((u, v_lo), (u, v_hi)) {
            let ends = vec![frame.unit_to_backend(p), frame.unit_to_backend(q)];
            area.draw(&PathElement::new(ends, line))?;
        }
    }
    Ok(())
}

/// The residual segments of many points, one per pixel column of width `column` (in
/// backend pixels) as (u, v low, v high) in unit coordinates: each column's segment runs
/// from the lowest to the highest end of the segments in it. They all touch the model's
/// line, which is drawn over them, so the merged segment covers the same pixels, and a
/// redraw costs one stroke per column instead of one per point. Residuals outside the
/// view's x range (invisible) and non-finite ones are left out; columns come left to right.
pub fn merged_residuals(
    frame: &PlotFrame,
    residuals: &[Residual],
    column: f64,
) -> Vec<(f64, f64, f64)> {
    let column = if column.is_finite() && column >= 1.0 {
        column
    } else {
        1.0
    };
    let columns = (frame.width() / column).ceil().clamp(1.0, 1e5) as usize;
    let mut merged: Vec<Option<(f64, f64, f64)>> = vec![None; columns + 1];
    for r in residuals {
        if !(r.x.is_finite() && r.y.is_finite() && r.y_hat.is_finite()) {
            continue;
        }
        let (u, v_y) = frame.unit_of((r.x, r.y));
        let (_, v_hat) = frame.unit_of((r.x, r.y_hat));
        if !(0.0..=1.0).contains(&u) {
            continue;
        }
        // u is in 0..=1, so the index is within 0..=columns.
        let index = (u * frame.width() / column) as usize;
        let (lo, hi) = (v_y.min(v_hat), v_y.max(v_hat));
        if let Some(slot) = merged.get_mut(index) {
            *slot = Some(match *slot {
                None => (u, lo, hi),
                Some((u0, lo0, hi0)) => (u0, lo0.min(lo), hi0.max(hi)),
            });
        }
    }
    merged.into_iter().flatten().collect()
}

/// The points to draw as discs: the indices of the finite points inside the view, with the
/// backend pixel of each centre, in their order. Points that land on a pixel already taken are
/// left out — exactly what the canvas would show, since discs are drawn at whole pixels. If
/// more than [`MAX_DRAWN_POINTS`] remain, the cells grow (a quarter, a half, then the whole
/// `radius`) until few enough remain; at a cell of one radius every point still lies under a
/// drawn disc, so the cloud keeps its shape.
pub fn points_to_draw(
    frame: &PlotFrame,
    points: &[(f64, f64)],
    radius: f64,
) -> Vec<(usize, (i32, i32))> {
    let visible: Vec<(usize, (i32, i32))> = points
        .iter()
        .enumerate()
        .filter(|(_, (x, y))| x.is_finite() && y.is_finite())
        .filter_map(|(i, &p)| {
            let unit = frame.unit_of(p);
            unit_visible(unit).then(|| (i, frame.unit_to_backend(unit)))
        })
        .collect();
    let radius = if radius.is_finite() {
        radius.max(1.0)
    } else {
        1.0
    };
    // Cells are counted from just outside the frame's top-left corner; a bitmap marks the
    // cells taken, so each pass is one sweep in table order (the first point of a cell wins).
    let (left, top) = (frame.left.floor() - 2.0, frame.top.floor() - 2.0);
    let (width, height) = (frame.width() + 4.0, frame.height() + 4.0);
    let mut kept = Vec::new();
    for cell in [1.0, radius / 4.0, radius / 2.0, radius] {
        let cell = cell.max(1.0);
        let columns = (width / cell).ceil().clamp(1.0, 1e5) as usize + 1;
        let rows = (height / cell).ceil().clamp(1.0, 1e5) as usize + 1;
        let mut taken = vec![0_u64; (columns * rows).div_ceil(64)];
        kept = visible
            .iter()
            .copied()
            .filter(|&(_, (x, y))| {
                let column = ((f64::from(x) - left) / cell).clamp(0.0, 1e5) as usize;
                let row = ((f64::from(y) - top) / cell).clamp(0.0, 1e5) as usize;
                let bit = row * columns + column.min(columns - 1);
                match taken.get_mut(bit / 64) {
                    Some(word) if *word & (1 << (bit % 64)) == 0 => {
                        *word |= 1 << (bit % 64);
                        true
                    }
                    Some(_) => false,
                    // Outside the bitmap (cannot happen for points in the view): draw it.
                    None => true,
                }
            })
            .collect();
        if kept.len() <= MAX_DRAWN_POINTS {
            break;
        }
    }
    kept
}

/// The points as filled discs with a white rim (so they stand out on the line), and a ring around
/// the highlighted one.
pub(super) fn draw_points<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    points: &[(f64, f64)],
    highlighted: Option<usize>,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let palette = style.palette();
    let radius = style.px(7.5).round().max(2.0) as u32;
    let rim = palette.background.stroke_width(style.stroke(2.0));
    let mut drawn = points_to_draw(frame, points, f64::from(radius));
    // The dragged point is always drawn, last, so it is on top.
    if let Some(h) = highlighted {
        drawn.retain(|&(i, _)| i != h);
        let point = points.get(h).copied();
        if let Some(unit) = point
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .map(|p| frame.unit_of(p))
            .filter(|&unit| unit_visible(unit))
        {
            drawn.push((h, frame.unit_to_backend(unit)));
        }
    }
    for (i, centre) in drawn {
        area.draw(&Circle::new(centre, radius, palette.points.filled()))?;
        area.draw(&Circle::new(centre, radius, rim))?;
        if highlighted == Some(i) {
            let ring = radius + style.px(5.0).round() as u32;
            area.draw(&Circle::new(
                centre,
                ring,
                palette.highlight.stroke_width(style.stroke(3.0)),
            ))?;
        }
    }
    Ok(())
}
