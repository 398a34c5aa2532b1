//! What the surface chart draws over its heatmap: the contour lines with their L labels and
//! the minimum (cached, with the base), and the moving marks — the optimizers' paths, the step
//! just taken, the arrow of −∇L and the current point.
//!
//! Every mark has a light casing under it (or a dark one on light shades), so it stays visible
//! on both ends of the colour scale.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::labels::{chosen_place, place_label, Label, Priority};
use super::series::{draw_series_path, series_colour};
use super::surface_chart::{SurfaceBase, SurfaceChart};
use super::text::measure_text;
use super::ticks::format_significant;
use super::{
    approximate_text_width, draw_simplified_polyline, to_backend, unit_visible, ChartStyle,
    DrawResult, PixelBox, PlotFrame,
};

const WHITE: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
const BLACK: RGBColor = RGBColor(0x00, 0x00, 0x00);

/// The contour label's font size at scale 1.
const CONTOUR_FONT_PX: f64 = 15.0;

/// The contour lines, each in white on the dark part of the scale and in black on the light
/// part (a line lies where the heatmap has its level's colour), and a label with the level's
/// L on the longest line of each level that has room for one.
pub(super) fn draw_contours<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    base: &SurfaceBase,
    style: &ChartStyle,
    occupied: &mut Vec<PixelBox>,
) -> DrawResult<(), DB> {
    let width = style.stroke(1.5);
    for level in &base.contours {
        let Some(position) = base.scale.position(level.level) else {
            continue;
        };
        let colour = if position < 0.6 {
            WHITE.mix(0.8)
        } else {
            BLACK.mix(0.65)
        };
        for line in &level.lines {
            draw_simplified_polyline(area, frame, line, colour.stroke_width(width))?;
        }
    }
    let font_px = style.px(CONTOUR_FONT_PX);
    let font = style.font(CONTOUR_FONT_PX, style.palette().text);
    for level in &base.contours {
        let text = format_significant(level.level, 2, style.decimal_separator);
        if text.is_empty() {
            continue;
        }
        let size = (approximate_text_width(&text, font_px), font_px * 1.1);
        // Each line's length measured once (it was measured again at every comparison).
        let Some((pixels, longest)) = level
            .lines
            .iter()
            .map(|line| {
                let pixels = visible_pixels(frame, line);
                let length = length(&pixels);
                (pixels, length)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
        else {
            continue;
        };
        if longest < 3.0 * size.0 {
            continue;
        }
        let candidates = [0.5, 0.3, 0.7, 0.15, 0.85]
            .into_iter()
            .filter_map(|t| point_along(&pixels, longest, t))
            .map(|p| (p, HPos::Center, VPos::Center))
            .collect();
        let label = Label {
            text,
            font: font.clone(),
            size,
            candidates,
            backdrop: true,
            priority: Priority::Optional,
        };
        place_label(area, frame, &label, style, occupied, false)?;
    }
    Ok(())
}

/// The pixel positions of the longest run of a line's points that lie inside the frame.
fn visible_pixels(frame: &PlotFrame, line: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut best: Vec<(f64, f64)> = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for &p in line {
        let unit = frame.unit_of(p);
        if p.0.is_finite() && p.1.is_finite() && unit_visible(unit) {
            run.push(frame.unit_to_pixel(unit));
        } else {
            if length(&run) > length(&best) {
                best = std::mem::take(&mut run);
            }
            run.clear();
        }
    }
    if length(&run) > length(&best) {
        best = run;
    }
    best
}

/// The distance in pixels between two points: a square root (one instruction in wasm), not
/// `hypot` (a software routine there, careful of overflow that pixel distances never reach).
fn distance(p: (f64, f64), q: (f64, f64)) -> f64 {
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    (dx * dx + dy * dy).sqrt()
}

/// The length in pixels of a polyline.
fn length(points: &[(f64, f64)]) -> f64 {
    points.windows(2).map(|w| distance(w[0], w[1])).sum()
}

/// The point a fraction `t` of the way along a polyline `total` pixels long.
fn point_along(points: &[(f64, f64)], total: f64, t: f64) -> Option<(f64, f64)> {
    let mut remaining = total * t;
    for w in points.windows(2) {
        let step = distance(w[0], w[1]);
        if step >= remaining && step > 0.0 {
            let f = remaining / step;
            return Some((
                w[0].0 + f * (w[1].0 - w[0].0),
                w[0].1 + f * (w[1].1 - w[0].1),
            ));
        }
        remaining -= step;
    }
    points.last().copied()
}

/// Where the minimum of a chart is drawn, in pixels, the half size of its diamond and the
/// label to place beside it; `None` when it is not in view. Shared by the base, which
/// draws them, and the moving marks, which keep off them.
fn minimum_mark<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    minimum: Option<(f64, f64)>,
    text: &str,
    style: &ChartStyle,
) -> Option<((f64, f64), f64, Label)> {
    let minimum = minimum?;
    let unit = frame.unit_of(minimum);
    if !(minimum.0.is_finite() && minimum.1.is_finite() && unit_visible(unit)) {
        return None;
    }
    let (x, y) = frame.unit_to_pixel(unit);
    let size = style.px(10.0);
    let font_px = 18.0;
    let font = style.font(font_px, style.palette().text);
    // Measured: a word such as "minimum" is much wider than 0.6 em a letter, and its
    // backdrop then left the text over a contour's label.
    let (width, _) = measure_text(area, text, &font);
    let gap = style.px(5.0);
    let label = Label {
        text: text.to_owned(),
        font,
        size: (width, style.px(font_px) * 1.2),
        candidates: vec![
            ((x + size + gap, y), HPos::Left, VPos::Center),
            ((x - size - gap, y), HPos::Right, VPos::Center),
            ((x, y + size + gap), HPos::Center, VPos::Top),
            ((x, y - size - gap), HPos::Center, VPos::Bottom),
        ],
        backdrop: true,
        priority: Priority::Named,
    };
    Some(((x, y), size, label))
}

/// The boxes the base's minimum takes, its diamond and its label where the base put it
/// (the base places the label first, beside the diamond alone): what the moving marks'
/// labels keep off.
fn minimum_boxes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    chart: &SurfaceChart,
    style: &ChartStyle,
) -> Vec<PixelBox> {
    let Some(((x, y), size, label)) =
        minimum_mark(area, frame, chart.minimum, &chart.minimum_label, style)
    else {
        return Vec::new();
    };
    let mut boxes = vec![(x - size, y - size, x + size, y + size)];
    if let Some((taken, _)) = chosen_place(frame, &label, &boxes, true) {
        boxes.push(taken);
    }
    boxes
}

/// The minimum as a hollow diamond, black on a white casing; returns its label to place.
pub(super) fn draw_minimum<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    base: &SurfaceBase,
    style: &ChartStyle,
    occupied: &mut Vec<PixelBox>,
) -> DrawResult<Option<Label>, DB> {
    let Some(((x, y), size, label)) =
        minimum_mark(area, frame, base.minimum, &base.minimum_label, style)
    else {
        return Ok(None);
    };
    let outline: Vec<(i32, i32)> = [
        (0.0, -1.0),
        (1.0, 0.0),
        (0.0, 1.0),
        (-1.0, 0.0),
        (0.0, -1.0),
    ]
    .into_iter()
    .map(|(dx, dy)| (to_backend(x + dx * size), to_backend(y + dy * size)))
    .collect();
    area.draw(&PathElement::new(
        outline.clone(),
        WHITE.stroke_width(style.stroke(5.0)),
    ))?;
    area.draw(&PathElement::new(
        outline,
        BLACK.stroke_width(style.stroke(2.0)),
    ))?;
    occupied.push((x - size, y - size, x + size, y + size));
    Ok(Some(label))
}

/// The moving marks: paths (the race's later optimizers under the earlier ones, so plain
/// descent's straight path stays visible over momentum's wide zigzags), the last step, the
/// arrow of −∇L and the current point on top.
pub(super) fn draw_surface_marks<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    chart: &SurfaceChart,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    for path in chart.paths.iter().rev() {
        draw_series_path(area, frame, &path.points, path.series, style)?;
    }
    for arrow in &chart.batch_arrows {
        let unit = frame.unit_of(arrow.at);
        if !(arrow.at.0.is_finite() && arrow.at.1.is_finite() && unit_visible(unit)) {
            continue;
        }
        let at = frame.unit_to_pixel(unit);
        if let Some(tip) = arrow_tip(frame, at, arrow.full, style) {
            draw_arrow(area, at, tip, BLACK, style.stroke(2.0), style)?;
        }
        if let Some(tip) = arrow_tip(frame, at, arrow.batch, style) {
            let colour = series_colour(arrow.series);
            draw_arrow(area, at, tip, colour, style.stroke(3.0), style)?;
        }
    }
    if let Some((from, to)) = chart.last_step {
        let (p, q) = (frame.to_pixel(from), frame.to_pixel(to));
        if [p.0, p.1, q.0, q.1].iter().all(|v| v.is_finite())
            && unit_visible(frame.unit_of(from))
            && unit_visible(frame.unit_of(to))
        {
            let colour = style.palette().current;
            draw_arrow(area, p, q, colour, style.stroke(3.0), style)?;
        }
    }
    let Some(current) = chart.current else {
        return Ok(());
    };
    let unit = frame.unit_of(current);
    if !(current.0.is_finite() && current.1.is_finite() && unit_visible(unit)) {
        return Ok(());
    }
    let at = frame.unit_to_pixel(unit);
    if let Some(tip) = chart.gradient.and_then(|g| arrow_tip(frame, at, g, style)) {
        draw_arrow(area, at, tip, BLACK, style.stroke(3.0), style)?;
        let font_px = 18.0;
        let text = &chart.gradient_label;
        let size = (
            approximate_text_width(text, style.px(font_px)),
            style.px(font_px) * 1.2,
        );
        let (dx, dy) = (tip.0 - at.0, tip.1 - at.1);
        let (hpos, back) = if dx >= 0.0 {
            (HPos::Left, HPos::Right)
        } else {
            (HPos::Right, HPos::Left)
        };
        let (vpos, up) = if dy >= 0.0 {
            (VPos::Top, VPos::Bottom)
        } else {
            (VPos::Bottom, VPos::Top)
        };
        let label = Label {
            text: text.to_string(),
            font: style.font(font_px, style.palette().text),
            size,
            candidates: vec![
                (tip, hpos, vpos),
                (tip, HPos::Center, VPos::Bottom),
                (tip, HPos::Center, VPos::Top),
                (tip, back, vpos),
                (tip, hpos, up),
            ],
            backdrop: true,
            priority: Priority::Named,
        };
        // Off the minimum and its label where a place is free (the base drew them, under
        // this layer); else where it always went.
        let minimum = minimum_boxes(area, frame, chart, style);
        let mut occupied = if chosen_place(frame, &label, &minimum, false).is_some() {
            minimum
        } else {
            Vec::new()
        };
        place_label(area, frame, &label, style, &mut occupied, false)?;
    }
    let centre = (to_backend(at.0), to_backend(at.1));
    let radius = style.px(7.0).round().clamp(2.0, 1e4) as i32;
    area.draw(&Circle::new(centre, radius, WHITE.filled()))?;
    area.draw(&Circle::new(
        centre,
        radius,
        BLACK.stroke_width(style.stroke(2.5)),
    ))?;
    area.draw(&Circle::new(centre, (radius / 3).max(1), BLACK.filled()))?;
    Ok(())
}

/// Where the arrow of −∇L from pixel `at` ends: a fixed length on screen (the gradient's size
/// spans many orders of magnitude), in the direction a step of −γ∇L takes in (a, b), shortened
/// to stay inside the frame. `None` for a zero or non-finite gradient.
fn arrow_tip(
    frame: &PlotFrame,
    at: (f64, f64),
    (da, db): (f64, f64),
    style: &ChartStyle,
) -> Option<(f64, f64)> {
    let (a, b) = (frame.view.x, frame.view.y);
    let sx = frame.width() / (a.1 - a.0);
    let sy = frame.height() / (b.1 - b.0);
    // Scaled first, so a gradient of 1e300 does not overflow on the way to its direction.
    let m = da.abs().max(db.abs());
    if !(m.is_finite() && m > 0.0 && sx.is_finite() && sy.is_finite()) {
        return None;
    }
    let (dx, dy) = (-da / m * sx, db / m * sy);
    let norm = dx.hypot(dy);
    if !(norm.is_finite() && norm > 0.0) {
        return None;
    }
    let (ux, uy) = (dx / norm, dy / norm);
    let mut len = style.px(70.0);
    let limit = |u: f64, p: f64, lo: f64, hi: f64| {
        if u > 0.0 {
            (hi - p) / u
        } else if u < 0.0 {
            (lo - p) / u
        } else {
            f64::INFINITY
        }
    };
    len = len.min(limit(ux, at.0, frame.left, frame.right)).min(limit(
        uy,
        at.1,
        frame.top,
        frame.bottom,
    ));
    (len > style.px(8.0)).then_some((at.0 + ux * len, at.1 + uy * len))
}

/// An arrow between two pixel positions on a white casing, its head at `to`.
fn draw_arrow<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    from: (f64, f64),
    to: (f64, f64),
    colour: RGBColor,
    width: u32,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = dx.hypot(dy);
    if !(len.is_finite() && len >= 1.0) {
        return Ok(());
    }
    let (ux, uy) = (dx / len, dy / len);
    let head = style.px(11.0).min(len * 0.6);
    let base = (to.0 - ux * head, to.1 - uy * head);
    let wing = head * 0.55;
    let head_points = vec![
        (to_backend(to.0), to_backend(to.1)),
        (
            to_backend(base.0 - uy * wing),
            to_backend(base.1 + ux * wing),
        ),
        (
            to_backend(base.0 + uy * wing),
            to_backend(base.1 - ux * wing),
        ),
    ];
    let shaft = vec![
        (to_backend(from.0), to_backend(from.1)),
        (to_backend(base.0), to_backend(base.1)),
    ];
    let casing = width + 2 * style.stroke(1.5);
    area.draw(&PathElement::new(shaft.clone(), WHITE.stroke_width(casing)))?;
    let mut closed = head_points.clone();
    closed.push(head_points[0]);
    area.draw(&PathElement::new(closed, WHITE.stroke_width(casing)))?;
    area.draw(&PathElement::new(shaft, colour.stroke_width(width)))?;
    area.draw(&Polygon::new(head_points, colour.filled()))
}
