//! The surface chart's heatmap on a canvas in one call: the RGBA buffer becomes an `ImageData`,
//! is put on an offscreen canvas of the buffer's size, and `drawImage` scales that into the
//! plotting area (smoothed). Plotters' canvas backend would draw a bitmap one `fillRect` per
//! pixel — 40 000 calls for 200 × 200.
//!
//! [`draw_surface_base`] draws the surface chart's cached layer in the browser: Plotters' first
//! pass, the bitmap, Plotters' second pass. [`SurfaceCache`] draws it on the chart's own
//! canvas, as the stack does the other charts' bases ([`super::stack`]).

use wasm_bindgen::Clamped;
use web_sys::{HtmlCanvasElement, ImageData};

use super::stack::{BaseDrawn, MovingLayer};
use super::{canvas_area, context_2d, new_canvas};
use crate::charts::{PlotFrame, SurfaceBase};

/// Draws an RGBA buffer of `size` pixels stretched over the plotting area of `target`, through
/// the offscreen canvas `scratch` (resized to the buffer). `None` when the browser refuses.
pub fn draw_rgba_into_frame(
    target: &HtmlCanvasElement,
    scratch: &HtmlCanvasElement,
    rgba: &[u8],
    (width, height): (u32, u32),
    frame: &PlotFrame,
) -> Option<()> {
    if width == 0 || height == 0 || rgba.len() != (width as usize) * (height as usize) * 4 {
        return None;
    }
    if scratch.width() != width {
        scratch.set_width(width);
    }
    if scratch.height() != height {
        scratch.set_height(height);
    }
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height).ok()?;
    context_2d(scratch)?.put_image_data(&image, 0.0, 0.0).ok()?;
    let context = context_2d(target)?;
    context.set_image_smoothing_enabled(true);
    context
        .draw_image_with_html_canvas_element_and_dw_and_dh(
            scratch,
            frame.left,
            frame.top,
            frame.width() + 1.0,
            frame.height() + 1.0,
        )
        .ok()
}

/// Draws the surface chart's cached layer on `canvas` (cleared): axes and legend,
/// the heatmap bitmap through `scratch`, then contours and the minimum. Returns where the
/// plotting area landed.
pub fn draw_surface_base(
    canvas: &HtmlCanvasElement,
    scratch: &HtmlCanvasElement,
    base: &SurfaceBase,
) -> Option<PlotFrame> {
    let area = canvas_area(canvas)?;
    let frame = base.draw_under(&area).ok()?;
    if let Some(frame) = &frame {
        let rgba = base.heatmap_rgba();
        // A grid without values leaves the plot blank with its message, not a bitmap.
        if base.has_values() {
            draw_rgba_into_frame(canvas, scratch, &rgba, base.heatmap_size(), frame);
        }
    }
    base.draw_over(&area, frame.as_ref()).ok()?;
    frame
}

/// The map's cache: its base as drawn on the chart's own canvas (redrawn only when its key,
/// the [`SurfaceBase`], or the canvas's size changes), the heatmap's scratch canvas, and the
/// layer above for the point, the arrow and the paths.
#[derive(Default)]
pub struct SurfaceCache {
    scratch: Option<HtmlCanvasElement>,
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
            self.scratch = new_canvas();
        }
        let scratch = self.scratch.as_ref()?;
        self.base.draw(canvas, base, |base| {
            super::timed("surface-draw", "surface-draw-start", || {
                draw_surface_base(canvas, scratch, base)
            })
        })
    }
}
