//! A chart's layers in the browser, as a stack of visible canvases in one positioned box
//! (issue 13). The chart's own canvas, the one with its test id that takes the pointer and
//! carries `data-frame`, holds the **base** (axes, tick labels, the loss curve, the map) and
//! is redrawn only when the base's key or the canvas's size changes. Above it lie the
//! layers, canvases the pipeline adds to the same box (`class="layer"`, no pointer events):
//! the **moving** layer, the cached **overlay** and the **top**. A frame that only moves a
//! parameter clears and redraws the moving layer and, when something is on it, the top;
//! nothing else is touched, and the browser composes the canvases. (Clearing only the box
//! the last drawing inked was measured and gave nothing: `BENCHMARKS.md`, ninth session.)
//!
//! [`composed`] puts the stack back into one picture, for a PNG export.

use plotters::coord::Shift;
use plotters::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

#[cfg(feature = "full")]
use super::still::Still;
use super::{canvas_area, context_2d, fit, new_canvas, MeasuringCanvas};
use crate::charts::{CachedLayer, ChartStyle, LayeredChart, PlotFrame};

/// The class of the canvases stacked above a chart's own (`style/main.css` places them).
pub const LAYER_CLASS: &str = "layer";

/// A new canvas for a layer, added to the box of `chart` (above what is there), or `None`
/// when the browser refuses.
fn new_layer(chart: &HtmlCanvasElement) -> Option<HtmlCanvasElement> {
    let layer = new_canvas()?;
    layer.set_class_name(LAYER_CLASS);
    let _ = layer.set_attribute("aria-hidden", "true");
    // Empty until it is first drawn: a bare canvas would be 300 × 150 pixels.
    layer.set_width(0);
    layer.set_height(0);
    chart.parent_node()?.append_child(&layer).ok()?;
    Some(layer)
}

/// One layer's canvas, and whether anything was drawn on it since it was last cleared.
pub struct Sheet {
    canvas: HtmlCanvasElement,
    inked: bool,
}

impl Sheet {
    /// A sheet on a new canvas above `chart`'s.
    fn above(chart: &HtmlCanvasElement) -> Option<Sheet> {
        Some(Sheet {
            canvas: new_layer(chart)?,
            inked: false,
        })
    }

    /// Gives the sheet `size` (which clears it); `true` when it had another size.
    fn fit(&mut self, size: (u32, u32)) -> bool {
        let resized = fit(&self.canvas, size);
        if resized {
            self.inked = false;
        }
        resized
    }

    /// Clears the last drawing, if there was one.
    fn wipe(&mut self) {
        if std::mem::take(&mut self.inked) {
            if let Some(context) = context_2d(&self.canvas) {
                let (width, height) = (self.canvas.width(), self.canvas.height());
                context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
            }
        }
    }

    /// Clears the last drawing and draws afresh with `draw`.
    fn redraw<T>(
        &mut self,
        size: (u32, u32),
        draw: impl FnOnce(&DrawingArea<MeasuringCanvas, Shift>) -> Option<T>,
    ) -> Option<T> {
        self.fit(size);
        self.wipe();
        let area = canvas_area(&self.canvas)?;
        self.inked = true;
        draw(&area)
    }
}

/// The base as the chart's own canvas shows it: its key, the frame its drawing returned,
/// and the canvas size it was drawn at (a new size clears a canvas); and, in the full
/// build, its still copy ([`Still`]).
pub struct BaseDrawn<K> {
    drawn: Option<(K, Option<PlotFrame>, (u32, u32))>,
    #[cfg(feature = "full")]
    still: Still,
}

impl<K> Default for BaseDrawn<K> {
    fn default() -> Self {
        Self {
            drawn: None,
            #[cfg(feature = "full")]
            still: Still::default(),
        }
    }
}

impl<K: PartialEq> BaseDrawn<K> {
    /// Redraws the base on `canvas` with `draw` when `key` or the canvas's size differ from
    /// the last drawing; returns the frame either way. `draw` must paint every pixel, as a
    /// base does: the canvas is not cleared first.
    pub fn draw(
        &mut self,
        canvas: &HtmlCanvasElement,
        key: K,
        draw: impl FnOnce(&K) -> Option<PlotFrame>,
    ) -> Option<PlotFrame> {
        let size = (canvas.width(), canvas.height());
        let fresh = self
            .drawn
            .as_ref()
            .is_some_and(|(k, _, s)| *k == key && *s == size);
        if !fresh {
            #[cfg(feature = "full")]
            self.still.wake(canvas);
            // No clearing: a base paints every pixel with its background first
            // (`LayeredChart::Base`), and a full clear cost 0.2–0.5 ms more at scale 2 in
            // every frame that redraws one (the map under a data point's drag).
            let frame = draw(&key);
            self.drawn = Some((key, frame, size));
            #[cfg(feature = "full")]
            self.still.settle_later(canvas);
        }
        self.drawn.as_ref().and_then(|(_, frame, _)| *frame)
    }
}

/// The canvases above a chart of the layered kind: moving, overlay, top.
pub struct Layers {
    moving: Sheet,
    overlay: Sheet,
    top: Sheet,
}

impl Layers {
    /// The three layers on new canvases above `chart`'s, in their order.
    fn above(chart: &HtmlCanvasElement) -> Option<Layers> {
        Some(Layers {
            moving: Sheet::above(chart)?,
            overlay: Sheet::above(chart)?,
            top: Sheet::above(chart)?,
        })
    }
}

/// What a layered chart keeps between frames: the base drawn on its own canvas, the layers
/// above it, and the overlay's key.
pub struct StackCache<C: LayeredChart> {
    base: BaseDrawn<C::Base>,
    layers: Option<Layers>,
    overlay: Option<C::Overlay>,
}

impl<C: LayeredChart> Default for StackCache<C> {
    fn default() -> Self {
        Self {
            base: BaseDrawn::default(),
            layers: None,
            overlay: None,
        }
    }
}

/// Draws one frame of `chart` on its canvas `canvas` and the layers above it: the base when
/// its key changed, the moving layer afresh, the overlay when its key changed, the top
/// afresh. Returns where the plotting area landed.
pub fn draw_stack<C: LayeredChart>(
    canvas: &HtmlCanvasElement,
    chart: &C,
    style: &ChartStyle,
    cache: &mut StackCache<C>,
) -> Option<PlotFrame> {
    let frame = cache.base.draw(canvas, chart.base(style), |base| {
        let area = canvas_area(canvas)?;
        base.draw(&area).ok().flatten()
    });
    if cache.layers.is_none() {
        cache.layers = Layers::above(canvas);
    }
    let layers = cache.layers.as_mut()?;
    let size = (canvas.width(), canvas.height());
    layers.moving.redraw(size, |area| {
        chart.draw_moving(area, frame.as_ref(), style).ok()
    });
    // The overlay is redrawn when its key or the size changed; without one, and the top
    // without a dragged point, they have no pixels at all (nothing for the browser to
    // compose).
    let overlay = chart.overlay(frame.as_ref(), style);
    let wanted = if overlay.is_some() { size } else { (0, 0) };
    if layers.overlay.fit(wanted) || overlay != cache.overlay {
        if let Some(overlay) = &overlay {
            layers
                .overlay
                .redraw(wanted, |area| overlay.draw(area).ok().map(|_| ()));
        }
        cache.overlay = overlay;
    }
    let top = chart.has_top();
    layers.top.fit(if top { size } else { (0, 0) });
    if top {
        layers.top.redraw(size, |area| {
            chart.draw_top(area, frame.as_ref(), style).ok()
        });
    }
    frame
}

/// The one layer above a chart whose base is drawn its own way (the map's bitmap): its
/// moving marks.
#[derive(Default)]
pub struct MovingLayer {
    sheet: Option<Sheet>,
}

impl MovingLayer {
    /// Clears the layer above `canvas` where it last drew and draws afresh with `draw`.
    pub fn redraw(
        &mut self,
        canvas: &HtmlCanvasElement,
        draw: impl FnOnce(&DrawingArea<MeasuringCanvas, Shift>) -> Option<()>,
    ) -> Option<()> {
        if self.sheet.is_none() {
            self.sheet = Sheet::above(canvas);
        }
        let size = (canvas.width(), canvas.height());
        self.sheet.as_mut()?.redraw(size, draw)
    }
}

/// The chart `canvas` as one picture: a new canvas of its size with it and every layer
/// above it in its box drawn in order. `None` when the browser refuses a canvas.
pub fn composed(canvas: &HtmlCanvasElement) -> Option<HtmlCanvasElement> {
    let picture = new_canvas()?;
    picture.set_width(canvas.width());
    picture.set_height(canvas.height());
    let context = context_2d(&picture)?;
    context
        .draw_image_with_html_canvas_element(canvas, 0.0, 0.0)
        .ok()?;
    let siblings = canvas.parent_element()?.children();
    for i in 0..siblings.length() {
        let Some(layer) = siblings
            .item(i)
            .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        else {
            continue;
        };
        if layer.class_name() == LAYER_CLASS && layer.width() > 0 && layer.height() > 0 {
            context
                .draw_image_with_html_canvas_element(&layer, 0.0, 0.0)
                .ok()?;
        }
    }
    Some(picture)
}
