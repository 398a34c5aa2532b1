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
//! The moving layer covers only the plotting area and a margin around it ([`Window`]): its
//! marks stay there, and every frame the browser clears, copies and composes only that
//! much of it (`BENCHMARKS.md`, thirteenth session).
//!
//! [`composed`] puts the stack back into one picture, for a PNG export.

use plotters::coord::Shift;
use plotters::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

#[cfg(feature = "full")]
use super::still::Still;
use super::{canvas_area, context_2d, fit, new_canvas, window_area, MeasuringCanvas};
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

/// The margin a moving layer keeps around the plotting area, in pixels at scale 1: a marker
/// at the area's edge, with its ring, stays whole.
const MOVING_MARGIN: f64 = 20.0;

/// The part of a chart's canvas a layer covers, in device pixels: `size` from `at`.
#[derive(Clone, Copy, Default, PartialEq)]
pub struct Window {
    at: (u32, u32),
    size: (u32, u32),
}

impl Window {
    /// All of a canvas of `size`.
    fn whole(size: (u32, u32)) -> Window {
        Window { at: (0, 0), size }
    }

    /// The plotting area of `frame` and `margin` device pixels around it, within a canvas of
    /// `size`; all of it without a frame (a chart's message stands in its middle).
    #[cfg(feature = "full")]
    fn around(size: (u32, u32), frame: Option<&PlotFrame>, margin: f64) -> Window {
        let Some(frame) = frame else {
            return Window::whole(size);
        };
        // The edges on whole CSS pixels: the browser puts a box's edge there, and a layer
        // from a device pixel between two would show a pixel off its base (at scale 2 in
        // Chromium's emulated scale, `chart-window.spec.ts`). The grid is the fewest device
        // pixels that make whole CSS pixels at the ratio the chart's canvas was sized for
        // (`super::fit_canvas_to_css_size`): 2 at scale 2, 3 at 1.5, 5 at 1.25; at a scale
        // with none up to 16, the layer stays whole.
        let ratio = super::pixel_ratio();
        let whole_css = |g: &f64| (g / ratio - (g / ratio).round()).abs() < 1e-9;
        let Some(grid) = (1..=16).map(f64::from).find(whole_css) else {
            return Window::whole(size);
        };
        // NaN becomes 0 in the cast; the rest is within the canvas.
        let edge = |v: f64, max: u32| v.clamp(0.0, f64::from(max)) as u32;
        let at = (
            edge(((frame.left - margin) / grid).floor() * grid, size.0),
            edge(((frame.top - margin) / grid).floor() * grid, size.1),
        );
        let end = (
            edge(((frame.right + margin) / grid).ceil() * grid, size.0),
            edge(((frame.bottom + margin) / grid).ceil() * grid, size.1),
        );
        Window {
            at,
            size: (end.0.saturating_sub(at.0), end.1.saturating_sub(at.1)),
        }
    }

    /// All of a canvas of `size`: the first-load build keeps its layers whole, as its
    /// charts meet their goals so (the bytes of the rest went to the 300 KiB ceiling).
    #[cfg(not(feature = "full"))]
    fn around(size: (u32, u32), _frame: Option<&PlotFrame>, _margin: f64) -> Window {
        Window::whole(size)
    }
}

/// One layer's canvas, whether anything was drawn on it since it was last cleared, and the
/// part of the chart it covers within the chart of the size it was placed for.
pub struct Sheet {
    canvas: HtmlCanvasElement,
    inked: bool,
    #[cfg(feature = "full")]
    placed: (Window, (u32, u32)),
}

impl Sheet {
    /// A sheet on a new canvas above `chart`'s.
    fn above(chart: &HtmlCanvasElement) -> Option<Sheet> {
        Some(Sheet {
            canvas: new_layer(chart)?,
            inked: false,
            #[cfg(feature = "full")]
            placed: Default::default(),
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

    /// Makes the sheet cover `window` of a chart of `size`: its canvas gets the window's
    /// size and is placed over that part of the chart's box, in shares of the box as the
    /// chart's own canvas fills it. `data-at` tells where, for [`composed`] and the tests.
    #[cfg_attr(not(feature = "full"), allow(unused_variables))]
    fn place(&mut self, size: (u32, u32), window: Window) {
        self.fit(window.size);
        #[cfg(feature = "full")]
        if self.placed != (window, size) {
            self.placed = (window, size);
            let Window {
                at: (x, y),
                size: (w, h),
            } = window;
            let (width, height) = size;
            let _ = self.canvas.set_attribute(
                "style",
                &format!(
                    "left:calc(100%*{x}/{width});top:calc(100%*{y}/{height});\
                     width:calc(100%*{w}/{width});height:calc(100%*{h}/{height})"
                ),
            );
            let _ = self.canvas.set_attribute("data-at", &format!("{x},{y}"));
        }
    }

    /// Clears the last drawing, if there was one.
    fn wipe(&mut self) {
        if std::mem::take(&mut self.inked) {
            if let Some(context) = context_2d(&self.canvas) {
                let (width, height) = (self.canvas.width(), self.canvas.height());
                // The last drawing left its window's offset on the context.
                #[cfg(feature = "full")]
                let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
                context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
            }
        }
    }

    /// Clears the last drawing and draws afresh with `draw`, as on a canvas of `size` of
    /// which the sheet keeps `window`.
    fn redraw<T>(
        &mut self,
        size: (u32, u32),
        window: Window,
        draw: impl FnOnce(&DrawingArea<MeasuringCanvas, Shift>) -> Option<T>,
    ) -> Option<T> {
        draw(&self.fresh(size, window)?)
    }

    /// The sheet cleared, placed over `window` of a chart of `size`, as an area to draw on.
    /// Apart from [`Sheet::redraw`] so that its code is not repeated for every drawing.
    fn fresh(
        &mut self,
        size: (u32, u32),
        window: Window,
    ) -> Option<DrawingArea<MeasuringCanvas, Shift>> {
        self.wipe();
        self.place(size, window);
        let area = window_area(&self.canvas, size, window.at)?;
        self.inked = true;
        Some(area)
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
    let window = Window::around(size, frame.as_ref(), style.px(MOVING_MARGIN));
    layers.moving.redraw(size, window, |area| {
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
                .redraw(wanted, Window::whole(wanted), |area| {
                    overlay.draw(area).ok().map(|_| ())
                });
        }
        cache.overlay = overlay;
    }
    let top = chart.has_top();
    layers.top.fit(if top { size } else { (0, 0) });
    if top {
        layers.top.redraw(size, Window::whole(size), |area| {
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
    /// Clears the layer above `canvas` where it last drew and draws afresh with `draw`,
    /// keeping the plotting area of `frame` and a margin for `style`'s markers.
    pub fn redraw(
        &mut self,
        canvas: &HtmlCanvasElement,
        frame: Option<&PlotFrame>,
        style: &ChartStyle,
        draw: impl FnOnce(&DrawingArea<MeasuringCanvas, Shift>) -> Option<()>,
    ) -> Option<()> {
        if self.sheet.is_none() {
            self.sheet = Sheet::above(canvas);
        }
        let size = (canvas.width(), canvas.height());
        let window = Window::around(size, frame, style.px(MOVING_MARGIN));
        self.sheet.as_mut()?.redraw(size, window, draw)
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
            // Where the layer's part of the chart begins (`Sheet::place`).
            #[cfg(feature = "full")]
            let (x, y) = {
                let at = layer.get_attribute("data-at").unwrap_or_default();
                let mut at = at
                    .split(',')
                    .map(|v| v.parse::<u32>().map_or(0.0, f64::from));
                (at.next().unwrap_or(0.0), at.next().unwrap_or(0.0))
            };
            #[cfg(not(feature = "full"))]
            let (x, y) = (0.0, 0.0);
            context
                .draw_image_with_html_canvas_element(&layer, x, y)
                .ok()?;
        }
    }
    Some(picture)
}
