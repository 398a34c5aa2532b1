//! The browser side: Plotters drawing areas on HTML canvases, sized for sharp HiDPI drawing,
//! and a chart's layers as a stack of canvases ([`stack`]).

mod backend;
pub mod bitmap;
mod chart;
mod sprites;
pub mod stack;
#[cfg(feature = "full")]
mod still;

pub use backend::MeasuringCanvas;
pub use chart::CanvasChart;
pub use stack::{composed, draw_stack, StackCache};

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Runs `f` and records how long it took as a `performance.measure` named `name` in the
/// page's performance timeline, where tools read it (`end2end/perf/bench.mjs` times the
/// surface's computing and drawing by these). Only the latest measure of each name is
/// kept (an observer still sees every one), so a long drag does not fill the timeline.
/// `start` names the mark it starts from.
pub fn timed<T>(name: &str, start: &str, f: impl FnOnce() -> T) -> T {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return f();
    };
    let _ = performance.mark(start);
    let out = f();
    performance.clear_measures_with_measure_name(name);
    let _ = performance.measure_with_start_mark(name, start);
    performance.clear_marks_with_mark_name(start);
    out
}

/// The largest backing-store side we allocate, in device pixels; browsers refuse far larger
/// canvases, and a runaway CSS size must not exhaust memory.
const MAX_CANVAS_SIDE: f64 = 8192.0;

/// `color` as the CSS string Plotters' canvas backend gives the canvas (`rgba(r,g,b,a)`), so
/// that what this module draws itself looks as Plotters' drawing does.
fn css_colour(color: plotters_backend::BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

/// A drawing area covering the whole canvas, or `None` when the canvas has no 2D context.
/// Draw with the `draw_*` functions; their sizes are in canvas (device) pixels.
pub fn canvas_area(canvas: &HtmlCanvasElement) -> Option<DrawingArea<MeasuringCanvas, Shift>> {
    window_area(canvas, (canvas.width(), canvas.height()), (0, 0))
}

/// A drawing area of `size` device pixels of which `canvas` holds the part from `at`: a
/// chart is drawn as on a whole canvas of `size`, and what falls outside the part is not
/// kept (a moving layer sized to the plotting area, [`stack`]).
fn window_area(
    canvas: &HtmlCanvasElement,
    size: (u32, u32),
    (x, y): (u32, u32),
) -> Option<DrawingArea<MeasuringCanvas, Shift>> {
    let context = context_2d(canvas)?;
    // The first-load build's layers are whole (`stack::Window::around`): no offset.
    #[cfg(feature = "full")]
    let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, -f64::from(x), -f64::from(y));
    #[cfg(not(feature = "full"))]
    let _ = (x, y);
    CanvasBackend::with_canvas_object(canvas.clone()).map(|inner| {
        MeasuringCanvas {
            inner,
            context,
            size,
            state: Default::default(),
        }
        .into_drawing_area()
    })
}

/// The device pixels per CSS pixel that canvases are sized for: the window's
/// `devicePixelRatio`, within 0.5..=4.
pub(crate) fn pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
        .clamp(0.5, 4.0)
}

/// Sizes the canvas's backing store to `css_size` (its CSS content size, as a
/// `ResizeObserver` reported it: no layout is read here) × `window.devicePixelRatio`, so lines
/// and text are sharp on HiDPI screens, and returns the device pixels per CSS pixel actually
/// used (1 when the canvas is not laid out). Multiply [`ChartStyle::scale`](super::ChartStyle)
/// by it, and pointer offsets in CSS pixels by it before
/// [`PlotFrame::to_data`](super::PlotFrame::to_data).
///
/// The size is only written when it changes, because writing it clears the canvas.
pub fn fit_canvas_to_css_size(
    canvas: &HtmlCanvasElement,
    (css_width, css_height): (f64, f64),
) -> f64 {
    let ratio = pixel_ratio();
    if css_width < 1.0 || css_height < 1.0 {
        return 1.0;
    }
    let width = (css_width * ratio).round().clamp(1.0, MAX_CANVAS_SIDE);
    let height = (css_height * ratio).round().clamp(1.0, MAX_CANVAS_SIDE);
    // Both conversions are exact: the values are whole numbers within 1..=8192.
    let (width_px, height_px) = (width as u32, height as u32);
    fit(canvas, (width_px, height_px));
    width / css_width
}

/// Gives `canvas` `size`, writing only what changed (a write clears the canvas); `true`
/// when it had another size.
pub(crate) fn fit(canvas: &HtmlCanvasElement, (width, height): (u32, u32)) -> bool {
    let resized = canvas.width() != width || canvas.height() != height;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    resized
}

/// A new detached canvas, if the browser gives one.
pub(crate) fn new_canvas() -> Option<HtmlCanvasElement> {
    web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into::<HtmlCanvasElement>()
        .ok()
}

/// The canvas's 2D context, if it has one.
pub(crate) fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
}
