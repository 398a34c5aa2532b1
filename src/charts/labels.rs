//! Labels that step aside: each label has candidate places, tried in order, and a
//! [`Priority`]. A [`LabelBoard`] places the labels one by one inside the plot, away from the
//! marks (markers, dots, the tangent) and from every label placed before; no two labels ever
//! overlap. A label that finds no place is moved — an essential one pushes aside the lesser
//! labels in its way, which try their other places — or left out.

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

/// How hard a label holds on to a place when every candidate is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Priority {
    /// Only a free place, else left out: trail numbers, one of several extremum names.
    Optional,
    /// Over marks if it must, never over another label: the name of a lone extremum.
    Named,
    /// Over marks if it must, and pushing aside lesser labels, which try their other places
    /// or are left out: the slope label, the number the lecture is about.
    Essential,
}

/// A label with candidate positions, tried in order.
pub(super) struct Label {
    /// The text.
    pub(super) text: String,
    /// Its font.
    pub(super) font: TextStyle<'static>,
    /// Its size in pixels (width, height).
    pub(super) size: (f64, f64),
    /// The places to try, in order.
    pub(super) candidates: Vec<Anchor>,
    /// Whether a translucent background goes behind the text, to keep it legible over lines.
    pub(super) backdrop: bool,
    /// What it may do when no candidate is free.
    pub(super) priority: Priority,
}

/// Labels and the marks they avoid, placed as they come and drawn together by
/// [`LabelBoard::draw`].
pub(super) struct LabelBoard {
    frame: PlotFrame,
    /// How far a label keeps from another label (and its backdrop).
    spacing: f64,
    /// How far a backdrop reaches beyond its text.
    backdrop_pad: f64,
    /// What labels avoid when they can: markers, dots, the tangent.
    marks: Vec<PixelBox>,
    /// Every label given, in order, with the extent it took (text box and backdrop), if any.
    labels: Vec<(Label, Option<(usize, PixelBox)>)>,
}

impl LabelBoard {
    /// An empty board for labels inside `frame`, spaced for `style`.
    pub(super) fn new(frame: &PlotFrame, style: &ChartStyle) -> Self {
        Self {
            frame: *frame,
            spacing: style.px(2.0),
            backdrop_pad: style.px(3.0),
            marks: Vec::new(),
            labels: Vec::new(),
        }
    }

    /// A box labels keep clear of when they can.
    pub(super) fn mark(&mut self, b: PixelBox) {
        self.marks.push(b);
    }

    /// Several boxes labels keep clear of when they can.
    pub(super) fn mark_all(&mut self, boxes: impl IntoIterator<Item = PixelBox>) {
        self.marks.extend(boxes);
    }

    /// Places `label` after those already on the board (see [`Priority`]). Returns whether it
    /// got a place.
    pub(super) fn place(&mut self, label: Label) -> bool {
        let index = self.labels.len();
        self.labels.push((label, None));
        self.settle(index, true)
    }

    /// Finds a place for the label at `index`: a free candidate; else, as its priority
    /// allows, one over marks only, or one whose only obstacles are lesser labels, which are
    /// then moved (without pushing others) or left out.
    fn settle(&mut self, index: usize, may_push: bool) -> bool {
        let Some((label, _)) = self.labels.get(index) else {
            return false;
        };
        let spots: Vec<(usize, PixelBox, PixelBox)> = label
            .candidates
            .iter()
            .enumerate()
            .map(|(i, (at, h, v))| {
                let text = anchored_box(*at, label.size, *h, *v);
                (i, text, self.extent(label, text))
            })
            .filter(|(_, text, _)| self.frame.contains_box(*text))
            .collect();
        let priority = label.priority;
        let over_marks = |b: PixelBox| self.marks.iter().any(|m| boxes_overlap(*m, b));
        let free = spots.iter().find(|(_, text, extent)| {
            !over_marks(*text) && self.blockers(index, *extent).is_empty()
        });
        let chosen = free.or_else(|| {
            (priority >= Priority::Named)
                .then(|| {
                    spots
                        .iter()
                        .find(|(_, _, e)| self.blockers(index, *e).is_empty())
                })
                .flatten()
        });
        if let Some(&(candidate, _, extent)) = chosen {
            self.set(index, Some((candidate, extent)));
            return true;
        }
        if !(may_push && priority == Priority::Essential) {
            return false;
        }
        // The spots whose only obstacles are lesser labels, in order. The first whose pushed
        // labels all find another place wins; failing that, the first, and the labels it
        // pushed that found no other place are left out.
        let pushable: Vec<(usize, PixelBox, Vec<usize>)> = spots
            .iter()
            .map(|&(candidate, _, extent)| (candidate, extent, self.blockers(index, extent)))
            .filter(|(_, _, blockers)| {
                blockers
                    .iter()
                    .all(|&j| self.priority(j) < Priority::Essential)
            })
            .collect();
        let before: Vec<Option<(usize, PixelBox)>> = self.labels.iter().map(|l| l.1).collect();
        for (candidate, extent, blockers) in pushable.iter().chain(pushable.first()) {
            for (entry, placed) in self.labels.iter_mut().zip(&before) {
                entry.1 = *placed;
            }
            for &j in blockers {
                self.set(j, None);
            }
            self.set(index, Some((*candidate, *extent)));
            let mut all_moved = true;
            for &j in blockers {
                all_moved &= self.settle(j, false);
            }
            if all_moved {
                return true;
            }
        }
        // The fallback (the first spot) is what is left on the board, if there was a spot.
        !pushable.is_empty()
    }

    /// The text box with its backdrop, if it has one.
    fn extent(&self, label: &Label, (l, t, r, b): PixelBox) -> PixelBox {
        let pad = if label.backdrop {
            self.backdrop_pad
        } else {
            0.0
        };
        (l - pad, t - pad, r + pad, b + pad)
    }

    /// The placed labels other than `index` that lie within the spacing of `extent`.
    fn blockers(&self, index: usize, extent: PixelBox) -> Vec<usize> {
        let s = self.spacing;
        let grown = (extent.0 - s, extent.1 - s, extent.2 + s, extent.3 + s);
        self.labels
            .iter()
            .enumerate()
            .filter(|(j, (_, placed))| {
                *j != index && placed.is_some_and(|(_, other)| boxes_overlap(grown, other))
            })
            .map(|(j, _)| j)
            .collect()
    }

    fn priority(&self, index: usize) -> Priority {
        self.labels
            .get(index)
            .map_or(Priority::Optional, |(label, _)| label.priority)
    }

    fn set(&mut self, index: usize, placed: Option<(usize, PixelBox)>) {
        if let Some(entry) = self.labels.get_mut(index) {
            entry.1 = placed;
        }
    }

    /// Draws every placed label: its backdrop, then its text.
    pub(super) fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
    ) -> DrawResult<(), DB> {
        let fill = style.palette().background.mix(0.85).filled();
        for (label, placed) in &self.labels {
            let Some((candidate, extent)) = placed else {
                continue;
            };
            let Some((at, hpos, vpos)) = label.candidates.get(*candidate) else {
                continue;
            };
            if label.backdrop {
                let corners = [
                    (to_backend(extent.0), to_backend(extent.1)),
                    (to_backend(extent.2), to_backend(extent.3)),
                ];
                area.draw(&Rectangle::new(corners, fill))?;
            }
            draw_text(area, &label.text, *at, &label.font, *hpos, *vpos)?;
        }
        Ok(())
    }
}

/// Draws one label at once, greedily: at its first candidate that lies inside the frame and
/// overlaps nothing in `occupied`; with `required`, else at the first candidate inside the
/// frame, else at the first. Returns whether it was drawn. For charts whose few labels need
/// no [`LabelBoard`] (the surface's contour labels, drawn level by level); `priority` is not
/// used here.
pub(super) fn place_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    label: &Label,
    style: &ChartStyle,
    occupied: &mut Vec<PixelBox>,
    required: bool,
) -> DrawResult<bool, DB> {
    let Some((b, (at, hpos, vpos))) = chosen_place(frame, label, occupied, required) else {
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
    draw_text(area, &label.text, *at, &label.font, *hpos, *vpos)?;
    occupied.push(b);
    Ok(true)
}

/// Where [`place_label`] puts `label`: its first candidate that lies inside the frame and
/// overlaps nothing in `occupied`; with `required`, else the first inside the frame, else
/// the first. `None` when it is not drawn.
pub(super) fn chosen_place<'a>(
    frame: &PlotFrame,
    label: &'a Label,
    occupied: &[PixelBox],
    required: bool,
) -> Option<(PixelBox, &'a Anchor)> {
    let boxed = || {
        label
            .candidates
            .iter()
            .map(|c| (anchored_box(c.0, label.size, c.1, c.2), c))
    };
    boxed()
        .find(|(b, _)| frame.contains_box(*b) && !occupied.iter().any(|o| boxes_overlap(*o, *b)))
        .or_else(|| {
            if required {
                boxed()
                    .find(|(b, _)| frame.contains_box(*b))
                    .or_else(|| boxed().next())
            } else {
                None
            }
        })
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
