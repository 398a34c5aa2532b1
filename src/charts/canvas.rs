//! The browser side: a Plotters drawing area on an HTML canvas, sized for sharp HiDPI drawing.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The largest backing-store side we allocate, in device pixels; browsers refuse far larger
/// canvases, and a runaway CSS size must not exhaust memory.
const MAX_CANVAS_SIDE: f64 = 8192.0;

/// A drawing area covering the whole canvas, or `None` when the canvas has no 2D context.
/// Draw with the `draw_*` functions; their sizes are in canvas (device) pixels.
pub fn canvas_area(canvas: &HtmlCanvasElement) -> Option<DrawingArea<MeasuringCanvas, Shift>> {
    let context = context_2d(canvas)?;
    CanvasBackend::with_canvas_object(canvas.clone())
        .map(|inner| MeasuringCanvas { inner, context }.into_drawing_area())
}

/// Plotters' canvas backend, except that it measures text with the canvas's own
/// `measureText`. Plotters' default measurement adds a `<span>` to the page, reads its size
/// and removes it again: a forced layout per label, and a repaint of the whole page on the
/// next frame — on every redraw, for the loss chart's slope label.
pub struct MeasuringCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
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
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
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
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
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
        self.inner.blit_bitmap(pos, size, src)
    }
}

/// Sizes the canvas's backing store to its CSS size × `window.devicePixelRatio`, so lines and text
/// are sharp on HiDPI screens, and returns the device pixels per CSS pixel actually used (1 when
/// the canvas is not laid out). Multiply [`super::ChartStyle::scale`] by it, and pointer offsets
/// in CSS pixels by it before [`super::PlotFrame::to_data`].
///
/// The size is only written when it changes, because writing it clears the canvas.
pub fn fit_canvas_to_css_size(canvas: &HtmlCanvasElement) -> f64 {
    let ratio = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
        .clamp(0.5, 4.0);
    let css_width = f64::from(canvas.client_width());
    let css_height = f64::from(canvas.client_height());
    if css_width < 1.0 || css_height < 1.0 {
        return 1.0;
    }
    let width = (css_width * ratio).round().clamp(1.0, MAX_CANVAS_SIDE);
    let height = (css_height * ratio).round().clamp(1.0, MAX_CANVAS_SIDE);
    // Both conversions are exact: the values are whole numbers within 1..=8192.
    let (width_px, height_px) = (width as u32, height as u32);
    if canvas.width() != width_px {
        canvas.set_width(width_px);
    }
    if canvas.height() != height_px {
        canvas.set_height(height_px);
    }
    width / css_width
}

/// One layer of a chart on its own offscreen canvas, copied onto the visible canvas on every
/// redraw and redrawn itself only when what it shows changes: while the slider is dragged the
/// axes, tick labels, the loss curve and the data points stay as they are, so a frame draws
/// only what moves and copies the rest. (Each tick label costs a DOM measurement and each
/// point two circles to rasterise; a copy costs the same whatever is on the layer.)
pub struct Layer<K> {
    canvas: Option<HtmlCanvasElement>,
    /// What the layer shows now: its key, and the frame its drawing returned.
    drawn: Option<(K, Option<super::PlotFrame>)>,
}

impl<K> Default for Layer<K> {
    fn default() -> Self {
        Self {
            canvas: None,
            drawn: None,
        }
    }
}

impl<K: PartialEq> Layer<K> {
    /// Copies the layer onto `target` (over what is there), first clearing and redrawing it
    /// with `draw` when `key` differs from the last one or `target` changed size. `key` must
    /// hold everything `draw` depends on. Returns the frame `draw` returned when it drew, or
    /// `None` when the browser refuses a canvas (then nothing is drawn).
    pub fn draw_onto(
        &mut self,
        target: &HtmlCanvasElement,
        key: K,
        draw: impl FnOnce(&DrawingArea<MeasuringCanvas, Shift>) -> Option<super::PlotFrame>,
    ) -> Option<super::PlotFrame> {
        let (width, height) = (target.width(), target.height());
        if self.canvas.is_none() {
            self.canvas = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("canvas").ok())
                .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok());
        }
        let canvas = self.canvas.as_ref()?;
        let resized = canvas.width() != width || canvas.height() != height;
        if resized || self.drawn.as_ref().is_none_or(|(k, _)| *k != key) {
            if resized {
                // Setting the size also clears the canvas.
                canvas.set_width(width);
                canvas.set_height(height);
            } else {
                context_2d(canvas)?.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
            }
            let area = canvas_area(canvas)?;
            let frame = draw(&area);
            self.drawn = Some((key, frame));
        }
        if width > 0 && height > 0 {
            context_2d(target)?
                .draw_image_with_html_canvas_element(canvas, 0.0, 0.0)
                .ok()?;
        }
        self.drawn.as_ref().and_then(|(_, frame)| *frame)
    }
}

/// The canvas's 2D context, if it has one.
fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
}
