//! Labels that step aside: each label has candidate places, tried in order, and takes the
//! first inside the plot that overlaps nothing drawn before it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    boxes_overlap, draw_text, to_backend, ChartStyle, DrawResult, PixelBox, PlotFrame, Point,
};

/// A pixel box of the given size with its anchor at `at`.
pub(super) fn anchored_box(at: (f64, f64), (w, h): (f64, f64), hpos: HPos, vpos: VPos) -> PixelBox {
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
pub(super) type Anchor = (Point, HPos, VPos);

/// A label with candidate positions, tried in order.
pub(super) struct Label<'a> {
    /// The text.
    pub(super) text: &'a str,
    /// Its font.
    pub(super) font: TextStyle<'static>,
    /// Its size in pixels (width, height).
    pub(super) size: (f64, f64),
    /// The places to try, in order.
    pub(super) candidates: Vec<Anchor>,
    /// Whether a translucent background goes behind the text, to keep it legible over lines.
    pub(super) backdrop: bool,
}

/// Draws the label at its first candidate that lies inside the frame and overlaps nothing
/// drawn so far. With `required`, falls back to the first candidate inside the frame, then to
/// the first candidate. Returns whether it was drawn.
pub(super) fn place_label<DB: DrawingBackend>(
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
/// Small boxes along a pixel segment, so labels can avoid a line without avoiding its whole
/// bounding box.
pub(super) fn segment_obstacles(p: (f64, f64), q: (f64, f64), half_width: f64) -> Vec<PixelBox> {
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
