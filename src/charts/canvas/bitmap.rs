//! The surface chart's heatmap on a canvas in one call: the RGBA buffer becomes an `ImageData`,
//! is put on an offscreen canvas of the buffer's size, and `drawImage` scales that into the
//! plotting area (smoothed; on a HiDPI screen in two stages, [`draw_rgba_into_frame`]).
//! Plotters' canvas backend would draw a bitmap one `fillRect` per pixel — 40 000 calls for
//! 200 × 200.
//!
//! [`draw_surface_base`] draws the surface chart's cached layer in the browser: Plotters' first
//! pass, the bitmap, Plotters' second pass. [`SurfaceCache`] draws it on the chart's own
//! canvas, as the stack does the other charts' bases ([`super::stack`]).

use wasm_bindgen::Clamped;
use web_sys::{HtmlCanvasElement, ImageData};

use super::stack::{BaseDrawn, MovingLayer};
use super::{canvas_area, context_2d, fit, new_canvas};
use crate::charts::{bar_rgba, draw_bands, to_backend, PlotFrame, SurfaceBase};

thread_local! {
    /// The legend's colour bar as a canvas one pixel wide and a pixel a band, made once.
    static BAR: Option<HtmlCanvasElement> = bar_canvas();
}

/// A canvas holding [`bar_rgba`], or `None` when the browser refuses one.
fn bar_canvas() -> Option<HtmlCanvasElement> {
    let rgba = bar_rgba();
    let bands = u32::try_from(rgba.len() / 4).ok()?;
    let canvas = new_canvas()?;
    fit(&canvas, (1, bands));
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), 1, bands).ok()?;
    context_2d(&canvas)?.put_image_data(&image, 0.0, 0.0).ok()?;
    Some(canvas)
}

/// Stretches the legend's bar over `[left, top, right, bottom]` of `canvas` without
/// smoothing: its bands, as 64 rectangles would draw them, in one call (a data point's drag
/// redraws the map at every move; `BENCHMARKS.md`, thirteenth session).
fn draw_bar(canvas: &HtmlCanvasElement, [left, top, right, bottom]: [f64; 4]) -> Option<()> {
    BAR.with(|bar| {
        let context = context_2d(canvas)?;
        let at = |v: f64| f64::from(to_backend(v));
        context.set_image_smoothing_enabled(false);
        let drawn = context
            .draw_image_with_html_canvas_element_and_dw_and_dh(
                bar.as_ref()?,
                at(left),
                at(top),
                at(right) - at(left),
                at(bottom) - at(top),
            )
            .ok();
        context.set_image_smoothing_enabled(true);
        drawn
    })
}

/// Whole device pixels per CSS pixel, when the screen has two or more (a HiDPI screen, or
/// a page zoomed to 200 %): the factor by which [`draw_rgba_into_frame`] enlarges its
/// smoothed picture without smoothing. `None` on a screen of about one device pixel per CSS pixel.
fn sharp_factor() -> Option<u32> {
    let ratio = web_sys::window()?.device_pixel_ratio();
    // `ratio` is finite and at least 2 here, so the conversion is exact after `floor`.
    (ratio.is_finite() && ratio >= 2.0).then(|| ratio.min(8.0).floor() as u32)
}

/// Draws an RGBA buffer of `size` pixels stretched over the plotting area of `target`, through
/// the offscreen canvas `scratch` (resized to the buffer). `None` when the browser refuses.
///
/// The stretch is smoothed (bilinear), which the browser's software raster does at about
/// 3 ns a pixel: 3–4 ms for a map's frame at device scale 2, in every frame that redraws the
/// map (dragging a data point). On a screen with `k` ≥ 2 device pixels per CSS pixel the
/// picture is smoothed into `enlarged` at the frame's size in CSS pixels, then enlarged
/// `k` times without smoothing: about 1.3 ms, and what the heatmap looks like at scale 1
/// (`BENCHMARKS.md`, twelfth session). The contours and labels over it stay sharp.
pub fn draw_rgba_into_frame(
    target: &HtmlCanvasElement,
    scratch: &HtmlCanvasElement,
    enlarged: &HtmlCanvasElement,
    rgba: &[u8],
    (width, height): (u32, u32),
    frame: &PlotFrame,
) -> Option<()> {
    if width == 0 || height == 0 || rgba.len() != (width as usize) * (height as usize) * 4 {
        return None;
    }
    fit(scratch, (width, height));
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height).ok()?;
    context_2d(scratch)?.put_image_data(&image, 0.0, 0.0).ok()?;
    let context = context_2d(target)?;
    let (dw, dh) = (frame.width() + 1.0, frame.height() + 1.0);
    let smoothed = match sharp_factor() {
        Some(k) => {
            let k = f64::from(k);
            // Whole pixels within 1..=8192: a frame lies inside a canvas of at most that.
            let side = |d: f64| (d / k).ceil().clamp(1.0, 8192.0) as u32;
            let size = (side(dw), side(dh));
            fit(enlarged, size);
            let middle = context_2d(enlarged)?;
            middle.set_image_smoothing_enabled(true);
            middle
                .draw_image_with_html_canvas_element_and_dw_and_dh(
                    scratch,
                    0.0,
                    0.0,
                    f64::from(size.0),
                    f64::from(size.1),
                )
                .ok()?;
            context.set_image_smoothing_enabled(false);
            enlarged
        }
        None => scratch,
    };
    let drawn = context
        .draw_image_with_html_canvas_element_and_dw_and_dh(smoothed, frame.left, frame.top, dw, dh)
        .ok();
    context.set_image_smoothing_enabled(true);
    drawn
}

/// Draws the surface chart's cached layer on `canvas` (cleared): axes and legend,
/// the heatmap bitmap through the two offscreen canvases of `scratch`
/// ([`draw_rgba_into_frame`]), then contours and the minimum. Returns where the plotting
/// area landed.
pub fn draw_surface_base(
    canvas: &HtmlCanvasElement,
    (scratch, enlarged): (&HtmlCanvasElement, &HtmlCanvasElement),
    base: &SurfaceBase,
) -> Option<PlotFrame> {
    let area = canvas_area(canvas)?;
    let frame = base
        .draw_under_with(&area, &mut |area, bar| match draw_bar(canvas, bar) {
            Some(()) => Ok(()),
            // No bitmap (the browser refused a canvas): the bands as rectangles.
            None => draw_bands(area, bar),
        })
        .ok()?;
    if let Some(frame) = &frame {
        let rgba = base.heatmap_rgba();
        // A grid without values leaves the plot blank with its message, not a bitmap.
        if base.has_values() {
            draw_rgba_into_frame(canvas, scratch, enlarged, &rgba, base.heatmap_size(), frame);
        }
    }
    base.draw_over(&area, frame.as_ref()).ok()?;
    frame
}

/// The map's cache: its base as drawn on the chart's own canvas (redrawn only when its key,
/// the [`SurfaceBase`], or the canvas's size changes), the heatmap's two offscreen canvases
/// (the bitmap, and it smoothed to the frame's CSS size), and the layer above for the
/// point, the arrow and the paths.
#[derive(Default)]
pub struct SurfaceCache {
    scratch: Option<(HtmlCanvasElement, HtmlCanvasElement)>,
    base: BaseDrawn<SurfaceBase>,
    /// The moving marks' layer.
    pub moving: MovingLayer,
}

impl SurfaceCache {
    /// Draws `base` on `canvas` when it differs from the last one or the canvas changed
    /// size. Returns the frame, or `None` when the browser refuses a canvas.
    pub fn draw_base(
        &mut self,
        canvas: &HtmlCanvasElement,
        base: SurfaceBase,
    ) -> Option<PlotFrame> {
        if self.scratch.is_none() {
            self.scratch = new_canvas().zip(new_canvas());
        }
        let (scratch, enlarged) = self.scratch.as_ref()?;
        self.base.draw(canvas, base, |base| {
            super::timed("surface-draw", "surface-draw-start", || {
                draw_surface_base(canvas, (scratch, enlarged), base)
            })
        })
    }
}
