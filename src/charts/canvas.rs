//! The browser side: a Plotters drawing area on an HTML canvas, sized for sharp HiDPI drawing.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// The largest backing-store side we allocate, in device pixels; browsers refuse far larger
/// canvases, and a runaway CSS size must not exhaust memory.
const MAX_CANVAS_SIDE: f64 = 8192.0;

/// A drawing area covering the whole canvas, or `None` when the canvas has no 2D context.
/// Draw with the `draw_*` functions; their sizes are in canvas (device) pixels.
pub fn canvas_area(canvas: &HtmlCanvasElement) -> Option<DrawingArea<CanvasBackend, Shift>> {
    CanvasBackend::with_canvas_object(canvas.clone()).map(IntoDrawingArea::into_drawing_area)
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
