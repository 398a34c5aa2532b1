//! The surface chart's heatmap on a canvas in one call: the RGBA buffer becomes an `ImageData`,
//! is put on an offscreen canvas of the buffer's size, and `drawImage` scales that into the
//! plotting area (smoothed). Plotters' canvas backend would draw a bitmap one `fillRect` per
//! pixel — 40 000 calls for 200 × 200.
//!
//! [`draw_surface_base`] draws the surface chart's cached layer in the browser: Plotters' first
//! pass, the bitmap, Plotters' second pass. [`SurfaceBaseCache`] keeps its pixels like
//! [`LayerCache`](super::LayerCache) does for the other charts.

use wasm_bindgen::{Clamped, JsCast};
use web_sys::{HtmlCanvasElement, ImageData};

use super::{canvas_area, context_2d};
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

/// A new detached canvas, if the browser gives one.
fn new_canvas() -> Option<HtmlCanvasElement> {
    web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into::<HtmlCanvasElement>()
        .ok()
}

/// Draws the surface chart's cached layer on `canvas` (which it clears first): axes and legend,
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

/// The surface chart's cached layer on its own offscreen canvas, redrawn only when its key (the
/// [`SurfaceBase`]) or the target's size changes.
#[derive(Default)]
pub struct SurfaceBaseCache {
    layer: Option<HtmlCanvasElement>,
    scratch: Option<HtmlCanvasElement>,
    drawn: Option<(SurfaceBase, Option<PlotFrame>)>,
}

impl SurfaceBaseCache {
    /// Copies the layer onto `target`, first redrawing it from `base` when that differs from the
    /// last one or `target` changed size. Returns the frame, or `None` when the browser refuses
    /// a canvas (then nothing is drawn).
    pub fn draw_onto(
        &mut self,
        target: &HtmlCanvasElement,
        base: SurfaceBase,
    ) -> Option<PlotFrame> {
        let (width, height) = (target.width(), target.height());
        if self.layer.is_none() {
            self.layer = new_canvas();
        }
        if self.scratch.is_none() {
            self.scratch = new_canvas();
        }
        let (layer, scratch) = (self.layer.as_ref()?, self.scratch.as_ref()?);
        let resized = layer.width() != width || layer.height() != height;
        if resized || self.drawn.as_ref().is_none_or(|(key, _)| *key != base) {
            if resized {
                layer.set_width(width);
                layer.set_height(height);
            }
            let frame = super::timed("surface-draw", "surface-draw-start", || {
                draw_surface_base(layer, scratch, &base)
            });
            self.drawn = Some((base, frame));
        }
        if width > 0 && height > 0 {
            context_2d(target)?
                .draw_image_with_html_canvas_element(layer, 0.0, 0.0)
                .ok()?;
        }
        self.drawn.as_ref().and_then(|(_, frame)| *frame)
    }
}
