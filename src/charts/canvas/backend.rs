//! [`MeasuringCanvas`]: Plotters' canvas backend with text measured by the canvas itself.

use std::cell::{Cell, RefCell};

use plotters::prelude::*;
use plotters_backend::{
    text_anchor::{HPos, VPos},
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use plotters_canvas::CanvasBackend;
use web_sys::CanvasRenderingContext2d;

/// Plotters' canvas backend, except that it measures text with the canvas's own
/// `measureText`. Plotters' default measurement adds a `<span>` to the page, reads its size
/// and removes it again: a forced layout per label, and a repaint of the whole page on the
/// next frame — on every redraw, for the loss chart's slope label.
///
/// It also draws text and paths itself, as Plotters' canvas backend does, but sets the
/// context's font, alignment, baseline, stroke colour and line width only when they change:
/// a map's layer draws some sixty labels, each measured and drawn, and hundreds of contour
/// pieces; each set passes a string out of wasm and has the canvas parse it (BENCHMARKS.md,
/// tenth session). A backend is made afresh for each drawing ([`super::canvas_area`]), and
/// the calls it leaves to Plotters forget what it set.
pub struct MeasuringCanvas {
    pub(super) inner: CanvasBackend,
    pub(super) context: CanvasRenderingContext2d,
    /// The size Plotters draws for, in device pixels: the canvas's own, or the chart's
    /// when the canvas holds a part of it (`super::window_area`).
    pub(super) size: (u32, u32),
    /// The text and stroke state this backend last set on the context.
    pub(super) state: ContextState,
}

/// A stroke colour (RGB, alpha's bits) and line width.
type LineKey = ((u8, u8, u8), u64, u32);

/// What [`MeasuringCanvas`] last set on its context for text and lines.
#[derive(Default)]
pub struct ContextState {
    font: RefCell<String>,
    align: Cell<Option<&'static str>>,
    baseline: Cell<Option<&'static str>>,
    line: Cell<Option<LineKey>>,
}

impl ContextState {
    /// Sets `style`'s colour and width for strokes unless they are the ones set last.
    fn set_line<S: BackendStyle>(&self, context: &CanvasRenderingContext2d, style: &S) {
        let color = style.color();
        let line = (color.rgb, color.alpha.to_bits(), style.stroke_width());
        if self.line.replace(Some(line)) != Some(line) {
            context.set_stroke_style_str(&super::css_colour(color));
            context.set_line_width(f64::from(style.stroke_width()));
        }
    }

    /// Forgets the stroke style: Plotters' own drawing sets it in its own way.
    fn forget_line(&self) {
        self.line.set(None);
    }

    /// Sets `style`'s font on `context` unless it is the one set last.
    fn set_font<S: BackendTextStyle>(&self, context: &CanvasRenderingContext2d, style: &S) {
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        let mut last = self.font.borrow_mut();
        if *last != font {
            context.set_font(&font);
            *last = font;
        }
    }

    /// Sets the text alignment and baseline for `style`'s anchor, each unless set already.
    fn set_anchor<S: BackendTextStyle>(&self, context: &CanvasRenderingContext2d, style: &S) {
        let anchor = style.anchor();
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.baseline.replace(Some(baseline)) != Some(baseline) {
            context.set_text_baseline(baseline);
        }
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.align.replace(Some(align)) != Some(align) {
            context.set_text_align(align);
        }
    }
}

impl DrawingBackend for MeasuringCanvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size
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
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.state.forget_line();
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.state.forget_line();
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        // Plotters' path, with the line style set only when it changes.
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut path = path.into_iter();
        self.context.begin_path();
        if let Some((x, y)) = path.next() {
            self.state.set_line(&self.context, style);
            self.context.move_to(f64::from(x), f64::from(y));
            for (x, y) in path {
                self.context.line_to(f64::from(x), f64::from(y));
            }
        }
        self.context.stroke();
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
        self.state.forget_line();
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        // What Plotters' canvas backend does, with the text state set only when it changes
        // (set before any `save`, so the `restore` after rotated text keeps it).
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.state.set_anchor(&self.context, style);
        self.state.set_font(&self.context, style);
        self.context.set_fill_style_str(&super::css_colour(color));
        let quarter_turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        let drawn = if quarter_turns == 0.0 {
            self.context.fill_text(text, f64::from(x), f64::from(y))
        } else {
            self.context.save();
            let drawn = self
                .context
                .translate(f64::from(x), f64::from(y))
                .and_then(|()| {
                    self.context
                        .rotate(quarter_turns * std::f64::consts::FRAC_PI_2)
                })
                .and_then(|()| self.context.fill_text(text, 0.0, 0.0));
            self.context.restore();
            drawn
        };
        // `fillText` throws nothing in practice. Were it refused, only this label would be
        // missing; passing the error on (Plotters' canvas error has no public maker, and
        // keeping its own text drawing for it cost 400 B of first load) would end the
        // chart's whole drawing.
        let _ = drawn;
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        // The font as the text is drawn with.
        self.state.set_font(&self.context, style);
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
        self.inner.blit_bitmap(pos, size, src)
    }
}
