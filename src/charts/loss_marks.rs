//! The loss chart's moving marks: the extrema with their names, the numbered trail of
//! gradient descent, the current point with its tangent and slope label.
//!
//! About 450 lines, one idea: the marks share one [`LabelBoard`] so that their labels step
//! aside from each other and from the marks; split apart, that bookkeeping would cross files.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::labels::{segment_obstacles, Label, LabelBoard, Priority};
use super::loss_chart::LossChart;
use super::text::measure_text;
use super::{
    clip_unit_segment, to_backend, unit_visible, ChartStyle, DrawResult, PlotFrame, Point,
};

/// How many trail points at the start get a number; the last point is numbered as well.
pub(super) const NUMBERED_TRAIL_POINTS: usize = 10;

/// A visible trail dot: its index in the trail and its pixel position.
pub(super) type Dot = (usize, Point);

/// The index of the minimum lower than every other by more than a billionth of the
/// loss's scale; `None` when there is no such one (a single minimum has no rival).
pub(super) fn lowest_minimum(minima: &[(f64, f64)]) -> Option<usize> {
    let finite = || minima.iter().enumerate().filter(|(_, p)| p.1.is_finite());
    let (index, low) = finite().min_by(|a, b| a.1 .1.total_cmp(&b.1 .1))?;
    let scale = finite().map(|(_, p)| p.1.abs()).fold(0.0, f64::max);
    let rivals = finite().filter(|(i, p)| *i != index && p.1 - low.1 <= 1e-9 * scale);
    (minima.len() > 1 && rivals.count() == 0).then_some(index)
}

/// Minima as hollow diamonds, maxima as hollow triangles, marked on the board. Returns their
/// labels (of `priority`, chosen by the caller), to be placed once every mark is known.
pub(super) fn draw_extrema<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    chart: &LossChart,
    style: &ChartStyle,
    board: &mut LabelBoard,
) -> DrawResult<Vec<Label>, DB> {
    let palette = style.palette();
    let size = style.px(10.0);
    let line = palette.extremum.stroke_width(style.stroke(2.5));
    let font_px = 18.0;
    let font = style.font(font_px, palette.text);
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
            board.mark((x - size, y - size, x + size, y + size));
            let (width, text_height) = measure_text(area, text, &font);
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
                text: text.to_owned(),
                font: font.clone(),
                size: (width, text_height),
                candidates,
                backdrop: false,
                priority: Priority::Optional,
            });
        }
    }
    Ok(labels)
}

/// The trail: segments between consecutive points (with an arrowhead where a segment is long
/// enough to carry one) and a dot at every visible point. Returns the visible dots as
/// (index, pixel position) for numbering.
pub(super) fn draw_trail<DB: DrawingBackend>(
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

/// The tangent, the current point (or an arrow at the edge pointing to it when it left the view),
/// both marked on the board, and the slope label (essential) to place.
pub(super) fn draw_current<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    chart: &LossChart,
    style: &ChartStyle,
    board: &mut LabelBoard,
) -> DrawResult<Option<Label>, DB> {
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
                board.mark_all(segment_obstacles(p, q, style.px(4.0)));
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
    board.mark((
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
    let (w, h) = measure_text(area, &tangent.label, &font);
    let gap = style.px(18.0);
    let (x, y) = anchor;
    let upper_right = ((x + gap, y - gap), HPos::Left, VPos::Bottom);
    let upper_left = ((x - gap, y - gap), HPos::Right, VPos::Bottom);
    let lower_right = ((x + gap, y + gap), HPos::Left, VPos::Top);
    let lower_left = ((x - gap, y + gap), HPos::Right, VPos::Top);
    let higher = h + gap;
    let upper_right_far = ((x + gap, y - gap - higher), HPos::Left, VPos::Bottom);
    let upper_left_far = ((x - gap, y - gap - higher), HPos::Right, VPos::Bottom);
    let above = ((x, y - 2.0 * gap), HPos::Center, VPos::Bottom);
    let below = ((x, y + 2.0 * gap), HPos::Center, VPos::Top);
    // Beside the point on the side the tangent leaves free, then further away; last, above or
    // below it slid sideways into the plot (a narrow chart has no room beside the point for
    // a label this long), then the plot's top corners.
    let slid_x = if frame.width() > w {
        x.clamp(frame.left + w / 2.0, frame.right - w / 2.0)
    } else {
        x
    };
    let inset = style.px(4.0);
    let last_resorts = [
        ((slid_x, y - 2.0 * gap), HPos::Center, VPos::Bottom),
        ((slid_x, y + 2.0 * gap), HPos::Center, VPos::Top),
        ((slid_x, y - 2.0 * gap - higher), HPos::Center, VPos::Bottom),
        (
            (frame.right - inset, frame.top + inset),
            HPos::Right,
            VPos::Top,
        ),
        (
            (frame.left + inset, frame.top + inset),
            HPos::Left,
            VPos::Top,
        ),
    ];
    let mut candidates = if tangent.slope > 0.0 {
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
    candidates.extend(last_resorts);
    let label = Label {
        text: tangent.label.clone(),
        font,
        size: (w, h),
        candidates,
        backdrop: true,
        priority: Priority::Essential,
    };
    Ok(Some(label))
}

/// The tangent through the current point (in unit coordinates) with the given slope in data
/// units, drawn with the same on-screen length whatever its steepness, clipped to the view.
pub(super) fn draw_tangent<DB: DrawingBackend>(
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

/// Numbers the first trail points and the last, leaving out any number with no free place
/// (the trail crowds together near a minimum).
pub(super) fn place_trail_numbers<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    dots: &[Dot],
    style: &ChartStyle,
    board: &mut LabelBoard,
) {
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
        let size = measure_text(area, &text, &font);
        board.place(Label {
            text,
            font: font.clone(),
            size,
            candidates: vec![
                ((x + gap, y - gap), HPos::Left, VPos::Bottom),
                ((x - gap, y - gap), HPos::Right, VPos::Bottom),
                ((x + gap, y + gap), HPos::Left, VPos::Top),
                ((x - gap, y + gap), HPos::Right, VPos::Top),
            ],
            backdrop: false,
            priority: Priority::Optional,
        });
    }
}
