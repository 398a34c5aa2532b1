//! [`MeasuringCanvas`]: Plotters' canvas backend with text measured by the canvas itself,
//! and, on a layer redrawn every frame, a record of where it put ink ([`Ink`]).

use std::cell::Cell;
use std::rc::Rc;

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use web_sys::CanvasRenderingContext2d;

/// Plotters' canvas backend, except that it measures text with the canvas's own
/// `measureText`. Plotters' default measurement adds a `<span>` to the page, reads its size
/// and removes it again: a forced layout per label, and a repaint of the whole page on the
/// next frame — on every redraw, for the loss chart's slope label.
pub struct MeasuringCanvas {
    pub(super) inner: CanvasBackend,
    pub(super) context: CanvasRenderingContext2d,
    /// Where the drawing's ink goes, when someone asked ([`super::stack`] clears only that
    /// box of a moving layer at the next frame).
    pub(super) ink: Option<Rc<Cell<Option<Ink>>>>,
}

/// A box in canvas (device) pixels that holds every pixel a drawing touched: left, top,
/// right, bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ink {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Ink {
    /// The smallest box holding both.
    pub fn union(self, other: Ink) -> Ink {
        Ink {
            left: self.left.min(other.left),
            top: self.top.min(other.top),
            right: self.right.max(other.right),
            bottom: self.bottom.max(other.bottom),
        }
    }
}

/// Antialiasing reaches a pixel or so beyond a shape's geometry; two are kept for safety.
const ANTIALIAS: f64 = 2.0;

/// The corners of the box holding `bounds` and `point`.
fn widen(bounds: &mut Option<(BackendCoord, BackendCoord)>, (x, y): BackendCoord) {
    let ((x0, y0), (x1, y1)) = bounds.unwrap_or(((x, y), (x, y)));
    *bounds = Some(((x0.min(x), y0.min(y)), (x1.max(x), y1.max(y))));
}

impl MeasuringCanvas {
    /// Records, when ink is being recorded, that ink goes within `pad` of the box with
    /// corners `from` and `to` (in any order).
    fn mark(&self, from: BackendCoord, to: BackendCoord, pad: f64) {
        let Some(ink) = &self.ink else {
            return;
        };
        let pad = pad + ANTIALIAS;
        let new = Ink {
            left: f64::from(from.0.min(to.0)) - pad,
            top: f64::from(from.1.min(to.1)) - pad,
            right: f64::from(from.0.max(to.0)) + pad,
            bottom: f64::from(from.1.max(to.1)) + pad,
        };
        ink.set(Some(ink.get().map_or(new, |old| old.union(new))));
    }

    /// Records the box of `bounds` (from [`widen`]), when there is one.
    fn mark_bounds(&self, bounds: Option<(BackendCoord, BackendCoord)>, pad: f64) {
        if let Some((from, to)) = bounds {
            self.mark(from, to, pad);
        }
    }

    /// Half a stroke of `style`: how far its line reaches beside the geometry.
    fn half_stroke<S: BackendStyle>(style: &S) -> f64 {
        f64::from(style.stroke_width()) / 2.0
    }
}

impl DrawingBackend for MeasuringCanvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.mark(point, point, 1.0);
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.mark(from, to, Self::half_stroke(style));
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.mark(upper_left, bottom_right, Self::half_stroke(style));
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let mut bounds = None;
        let path = path.into_iter().inspect(|&p| widen(&mut bounds, p));
        self.inner.draw_path(path, style)?;
        // A miter join can reach further than half a stroke; a round or bevel one cannot.
        self.mark_bounds(bounds, Self::half_stroke(style) * 2.0);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let color = style.color();
        self.mark(center, center, f64::from(radius) + Self::half_stroke(style));
        if color.alpha == 0.0
            || super::sprites::stamp(
                &self.context,
                center,
                radius,
                color,
                style.stroke_width(),
                fill,
            )
        {
            return Ok(());
        }
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let mut bounds = None;
        let vert = vert.into_iter().inspect(|&p| widen(&mut bounds, p));
        self.inner.fill_polygon(vert, style)?;
        self.mark_bounds(bounds, 0.0);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if self.ink.is_some() {
            // Whatever the anchor, the text lies within its width and height of `pos`; turned,
            // within its longer side.
            let (width, height) = self.estimate_text_size(text, style)?;
            let reach = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
            let (w, h) = match style.transform() {
                plotters_backend::FontTransform::None => (reach(width), reach(height)),
                _ => (reach(width.max(height)), reach(width.max(height))),
            };
            let from = (pos.0.saturating_sub(w), pos.1.saturating_sub(h));
            self.mark(
                from,
                (pos.0.saturating_add(w), pos.1.saturating_add(h)),
                0.0,
            );
        }
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        // The font as Plotters' canvas backend sets it to draw the text.
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        ));
        match self.context.measure_text(text) {
            // The height of a line box, as the span's offsetHeight was.
            Ok(m) => Ok((
                m.width().ceil().clamp(0.0, 1e6) as u32,
                (m.font_bounding_box_ascent() + m.font_bounding_box_descent())
                    .ceil()
                    .clamp(0.0, 1e6) as u32,
            )),
            Err(_) => self.inner.estimate_text_size(text, style),
        }
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let reach = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
        let to = (
            pos.0.saturating_add(reach(size.0)),
            pos.1.saturating_add(reach(size.1)),
        );
        self.mark(pos, to, 0.0);
        self.inner.blit_bitmap(pos, size, src)
    }
}
