//! A chart's cached layers in the browser. Each [`CachedLayer`] keeps its pixels on an
//! offscreen canvas and is redrawn only when its value (its key) changes; every frame composes
//! base, moving layer and overlay onto the visible canvas. While the slider is dragged the
//! axes, tick labels, the loss curve and the data points stay as they are, so a frame draws
//! only what moves and copies the rest. (Each tick label costs a text measurement and each
//! point two circles to rasterise; a copy costs the same whatever is on the layer.)
//!
//! Issue 13's next step, a stack of visible canvases in one positioned box with only the top
//! one redrawn per frame, replaces [`LayerCache`]'s offscreen canvas by a visible one and
//! [`draw_stack`]'s copies by nothing; the keys and the `draw_*` functions stay.

use plotters::coord::Shift;
use plotters::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::{canvas_area, context_2d, MeasuringCanvas};
use crate::charts::{CachedLayer, ChartStyle, LayeredChart, PlotFrame};

/// One cached layer on its own offscreen canvas, with the key it was drawn for.
pub struct LayerCache<K> {
    canvas: Option<HtmlCanvasElement>,
    /// What the layer shows now: its key, and the frame its drawing returned.
    drawn: Option<(K, Option<PlotFrame>)>,
}

impl<K> Default for LayerCache<K> {
    fn default() -> Self {
        Self {
            canvas: None,
            drawn: None,
        }
    }
}

impl<K: CachedLayer> LayerCache<K> {
    /// Copies the layer onto `target` (over what is there), first clearing and redrawing it
    /// from `key` when `key` differs from the last one or `target` changed size. Returns the
    /// frame the layer's drawing returned, or `None` when the browser refuses a canvas (then
    /// nothing is drawn).
    pub fn draw_onto(&mut self, target: &HtmlCanvasElement, key: K) -> Option<PlotFrame> {
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
            let area: DrawingArea<MeasuringCanvas, Shift> = canvas_area(canvas)?;
            let frame = key.draw(&area).ok().flatten();
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

/// The cached layers of one chart: its base and its overlay.
pub struct StackCache<C: LayeredChart> {
    base: LayerCache<C::Base>,
    overlay: LayerCache<C::Overlay>,
}

impl<C: LayeredChart> Default for StackCache<C> {
    fn default() -> Self {
        Self {
            base: LayerCache::default(),
            overlay: LayerCache::default(),
        }
    }
}

/// Draws `chart` on the visible `canvas`: the cached base (redrawn when its key changed), the
/// moving layer drawn afresh, the cached overlay, and the top drawn afresh. Returns where
/// the plotting area landed.
pub fn draw_stack<C: LayeredChart>(
    canvas: &HtmlCanvasElement,
    chart: &C,
    style: &ChartStyle,
    cache: &mut StackCache<C>,
) -> Option<PlotFrame> {
    // The base fills the background, so it covers the last frame completely.
    let frame = cache.base.draw_onto(canvas, chart.base(style));
    let area = canvas_area(canvas)?;
    chart.draw_moving(&area, frame.as_ref(), style).ok()?;
    if let Some(overlay) = chart.overlay(frame.as_ref(), style) {
        cache.overlay.draw_onto(canvas, overlay);
    }
    chart.draw_top(&area, frame.as_ref(), style).ok()?;
    frame
}
