//! The canvas pipeline every chart goes through: [`use_chart_canvas`].
//!
//! - One effect per canvas: it tracks the chart's plain data, the canvas's CSS size, projector
//!   mode and the language, and redraws at most once per animation frame.
//! - The CSS size comes from a `ResizeObserver` on the canvas and is kept until it reports a
//!   change: nothing reads the layout (`client_width`) while drawing.
//! - The style (device scale, projector mode, the decimal separator) is built from those
//!   tracked inputs and goes into every cached layer's key ([`crate::charts::layer`]).
//! - A chart scrolled out of sight (an `IntersectionObserver`: below the fold of its column,
//!   or in a closed panel) is not redrawn while only its data change; it is redrawn once
//!   when it comes back into sight, and at once when its size, projector mode or the
//!   language change. Its first drawing happens wherever it is, so its `data-frame`
//!   is there from the start. A race's loss-against-step chart below the race table, for
//!   instance, costs nothing at every Step while the table is what is looked at.
//! - An export asks for a fresh picture even out of sight: [`REDRAW_EVENT`] on the canvas.
//! - The observers are disconnected in `on_cleanup`, and an animation frame that fires after
//!   the component is gone does nothing (a flag, and only `try_*` reads of its signals).

use crate::charts::pointer::canvas_pixel;
use crate::charts::{CanvasChart, ChartStyle, PlotFrame};
use crate::i18n::format_exact;
use crate::state::LessonState;
use leptos::html::Canvas;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The event that makes a chart draw its current data at the next animation frame even
/// while it is out of sight: an export dispatches it on the canvas before reading its
/// pixels (`classroom::export`), so a chart below the fold is not saved as it last was.
pub const REDRAW_EVENT: &str = "descent-redraw";

/// What a chart component gets back from [`use_chart_canvas`]: where the chart last drew
/// its plotting area, and the canvas's CSS size, for pointer hit tests.
#[derive(Clone, Copy)]
pub struct ChartCanvas {
    /// The plotting area of the last redraw (`None` before the first, or on a canvas too
    /// small for a plot).
    pub frame: StoredValue<Option<PlotFrame>>,
    /// The canvas's CSS content size as the `ResizeObserver` last reported it.
    pub css_size: RwSignal<Option<(f64, f64)>>,
}

impl ChartCanvas {
    /// Canvas (device) pixels per CSS pixel: the backing store's width over the CSS width.
    /// No layout is read.
    pub fn pixels_per_css(&self, canvas: &web_sys::HtmlCanvasElement) -> f64 {
        match self.css_size.try_get_untracked().flatten() {
            Some((width, _)) if width >= 1.0 => f64::from(canvas.width()) / width,
            _ => 1.0,
        }
    }

    /// A pointer or mouse event's position in canvas (device) pixels, and the canvas's
    /// pixels per CSS pixel; `None` before the canvas is mounted.
    pub fn event_pixel(
        &self,
        canvas: NodeRef<Canvas>,
        ev: &web_sys::MouseEvent,
    ) -> Option<((f64, f64), f64)> {
        let element = canvas.get_untracked()?;
        let ratio = self.pixels_per_css(&element);
        let offset = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        Some((canvas_pixel(offset, ratio), ratio))
    }
}

/// What the style of a chart depends on; the redraw effect tracks it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct StyleInputs {
    css_size: (f64, f64),
    projector: bool,
    decimal_separator: char,
}

/// Draws `chart` on `canvas` whenever the chart's data, the canvas's size, projector mode or
/// the language change, at most once per animation frame, through the chart's own cache
/// ([`CanvasChart`]: cached layers, or the surface's bitmap).
pub fn use_chart_canvas<C>(
    canvas: NodeRef<Canvas>,
    chart: Memo<C>,
    state: LessonState,
) -> ChartCanvas
where
    C: CanvasChart + Clone + PartialEq + Send + Sync + 'static,
{
    let handle = ChartCanvas {
        frame: StoredValue::new(None),
        css_size: RwSignal::new(None),
    };
    let alive = Arc::new(AtomicBool::new(true));
    observe_size(canvas, handle.css_size, alive.clone());
    // Whether any of the canvas is in sight; until the observer first reports, it counts as
    // seen.
    let in_sight = RwSignal::new(true);
    observe_sight(canvas, in_sight, alive.clone());
    // Set by [`REDRAW_EVENT`] until the next redraw.
    let forced = RwSignal::new(false);
    observe_redraw_requests(canvas, forced, alive.clone());
    let inputs = Memo::new(move |_| {
        Some(StyleInputs {
            css_size: handle.css_size.get()?,
            projector: state.projector.get(),
            decimal_separator: state.lang.get().decimal_separator(),
        })
    });
    let pending = StoredValue::new(false);
    let drawn_before = StoredValue::new(false);
    // The style inputs of the last redraw.
    let drawn_inputs = StoredValue::new(None::<StyleInputs>);
    // The `data-frame` and `data-view` last written.
    let attributes = StoredValue::new(None::<(String, String)>);
    // Offscreen canvases are not Send: the layers stay on the page's thread.
    #[cfg(target_arch = "wasm32")]
    let layers = StoredValue::new_local(C::Cache::default());
    let frame_alive = alive.clone();
    Effect::new(move |_| {
        chart.track();
        let style_inputs = inputs.get();
        let force = forced.get();
        // Out of sight, a chart drawn once waits while only its data change: coming back
        // into sight runs this again. A new size, projector mode or language is drawn at
        // once (rare, and `data-frame` then says where the plot is now).
        if !force
            && !in_sight.get()
            && drawn_before.get_value()
            && drawn_inputs.get_value() == style_inputs
        {
            return;
        }
        if canvas.get().is_none() || pending.get_value() {
            return;
        }
        pending.set_value(true);
        let alive = frame_alive.clone();
        request_animation_frame(move || {
            // The component may have gone between the request and the frame.
            if !alive.load(Ordering::Relaxed) {
                return;
            }
            let _ = pending.try_set_value(false);
            let _ = forced.try_update_untracked(|f| *f = false);
            let Some(element) = canvas.try_get_untracked().flatten() else {
                return;
            };
            let Some(inputs) = inputs.try_get_untracked().flatten() else {
                return;
            };
            let _ = drawn_inputs.try_set_value(Some(inputs));
            let style = chart_style(&element, inputs);
            #[cfg(target_arch = "wasm32")]
            let drawn = layers
                .try_update_value(|layers| {
                    chart.try_with_untracked(|value| value.draw_frame(&element, &style, layers))
                })
                .flatten()
                .flatten();
            #[cfg(not(target_arch = "wasm32"))]
            let drawn: Option<PlotFrame> = {
                let _ = style;
                None
            };
            let _ = attributes.try_update_value(|written| {
                write_frame_attributes(&element, drawn.as_ref(), inputs.css_size, written);
            });
            let _ = handle.frame.try_set_value(drawn);
            announce_drawn(!drawn_before.try_get_value().unwrap_or(true));
            let _ = drawn_before.try_set_value(true);
        });
    });
    on_cleanup(move || alive.store(false, Ordering::Relaxed));
    handle
}

/// The style of a chart drawn now with `inputs`; sizes the canvas's backing store.
fn chart_style(canvas: &web_sys::HtmlCanvasElement, inputs: StyleInputs) -> ChartStyle {
    #[cfg(target_arch = "wasm32")]
    let ratio = crate::charts::canvas::fit_canvas_to_css_size(canvas, inputs.css_size);
    #[cfg(not(target_arch = "wasm32"))]
    let ratio = {
        let _ = canvas;
        1.0
    };
    ChartStyle::for_canvas(inputs.css_size, ratio, inputs.projector)
        .with_decimal_separator(inputs.decimal_separator)
}

/// Keeps `css_size` at the canvas's CSS content size through a `ResizeObserver`, from when the
/// canvas is mounted until the component is cleaned up.
fn observe_size(
    canvas: NodeRef<Canvas>,
    css_size: RwSignal<Option<(f64, f64)>>,
    alive: Arc<AtomicBool>,
) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    type Observer = (
        web_sys::ResizeObserver,
        Closure<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>,
    );
    // The observer and its callback live on the page's thread until cleanup.
    let observer = StoredValue::new_local(None::<Observer>);
    canvas.on_load(move |element| {
        let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>::new(
            move |entries: js_sys::Array, _: web_sys::ResizeObserver| {
                if !alive.load(Ordering::Relaxed) {
                    return;
                }
                // The last entry is the latest size.
                let Some(entry) = entries
                    .iter()
                    .last()
                    .and_then(|e| e.dyn_into::<web_sys::ResizeObserverEntry>().ok())
                else {
                    return;
                };
                let rect = entry.content_rect();
                let size = (rect.width(), rect.height());
                if css_size.try_get_untracked() != Some(Some(size)) {
                    let _ = css_size.try_set(Some(size));
                }
            },
        );
        if let Ok(resize) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            resize.observe(&element);
            let _ = observer.try_set_value(Some((resize, callback)));
        }
    });
    on_cleanup(move || {
        if let Some(Some((resize, _callback))) = observer.try_update_value(Option::take) {
            resize.disconnect();
        }
    });
}

/// Keeps `in_sight` at whether any of the canvas is within the viewport (and the scrolled
/// boxes around it), through an `IntersectionObserver`, from when the canvas is mounted
/// until the component is cleaned up.
fn observe_sight(canvas: NodeRef<Canvas>, in_sight: RwSignal<bool>, alive: Arc<AtomicBool>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    type Observer = (
        web_sys::IntersectionObserver,
        Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
    );
    let observer = StoredValue::new_local(None::<Observer>);
    canvas.on_load(move |element| {
        let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, _: web_sys::IntersectionObserver| {
                if !alive.load(Ordering::Relaxed) {
                    return;
                }
                // The last entry is the latest state.
                let Some(entry) = entries
                    .iter()
                    .last()
                    .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                else {
                    return;
                };
                let seen = entry.is_intersecting();
                if in_sight.try_get_untracked() != Some(seen) {
                    let _ = in_sight.try_set(seen);
                }
            },
        );
        if let Ok(sight) = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
            sight.observe(&element);
            let _ = observer.try_set_value(Some((sight, callback)));
        }
    });
    on_cleanup(move || {
        if let Some(Some((sight, _callback))) = observer.try_update_value(Option::take) {
            sight.disconnect();
        }
    });
}

/// Sets `forced` whenever [`REDRAW_EVENT`] reaches the canvas, from when it is mounted
/// until the component is cleaned up.
fn observe_redraw_requests(
    canvas: NodeRef<Canvas>,
    forced: RwSignal<bool>,
    alive: Arc<AtomicBool>,
) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    type Listener = (web_sys::HtmlCanvasElement, Closure<dyn FnMut()>);
    let listener = StoredValue::new_local(None::<Listener>);
    canvas.on_load(move |element| {
        let callback = Closure::<dyn FnMut()>::new(move || {
            if alive.load(Ordering::Relaxed) {
                let _ = forced.try_set(true);
            }
        });
        let added = element
            .add_event_listener_with_callback(REDRAW_EVENT, callback.as_ref().unchecked_ref());
        if added.is_ok() {
            let _ = listener.try_set_value(Some((element, callback)));
        }
    });
    on_cleanup(move || {
        if let Some(Some((element, callback))) = listener.try_update_value(Option::take) {
            let _ = element.remove_event_listener_with_callback(
                REDRAW_EVENT,
                callback.as_ref().unchecked_ref(),
            );
        }
    });
}

/// How many charts have drawn at least once since the page loaded.
static CHARTS_DRAWN: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Lets performance tools see the charts draw (`scripts/bench.sh` times the app by these):
/// every redraw fires a `chartdrawn` event on the window, which costs next to nothing
/// without listeners; when both charts have drawn once, the page gets
/// `<body data-drawn>`, the end of a cold load.
fn announce_drawn(first_time: bool) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(event) = web_sys::Event::new("chartdrawn") {
        let _ = window.dispatch_event(&event);
    }
    if first_time && CHARTS_DRAWN.fetch_add(1, Ordering::Relaxed) + 1 == 2 {
        if let Some(body) = window.document().and_then(|d| d.body()) {
            let _ = body.set_attribute("data-drawn", "");
        }
    }
}

/// Writes where the plotting area landed onto the canvas, so end-to-end tests can point at
/// a data point without reading pixels: `data-frame` is its left, top, right and bottom
/// edge in CSS pixels from the canvas's corner, `data-view` the x0, x1, y0, y1 it shows.
/// Both go when nothing was drawn (a hidden or tiny canvas). `written` holds what was last
/// written, so an unchanged value is not written again.
fn write_frame_attributes(
    canvas: &web_sys::HtmlCanvasElement,
    frame: Option<&PlotFrame>,
    (css_width, _): (f64, f64),
    written: &mut Option<(String, String)>,
) {
    let Some(f) = frame else {
        if written.take().is_some() {
            let _ = canvas.remove_attribute("data-frame");
            let _ = canvas.remove_attribute("data-view");
        }
        return;
    };
    let ratio = if css_width >= 1.0 {
        f64::from(canvas.width()) / css_width
    } else {
        1.0
    };
    let css = |v: f64| format_exact(v / ratio);
    let edges = [f.left, f.top, f.right, f.bottom].map(css).join(",");
    let (x, y) = (f.view.x, f.view.y);
    let view = [x.0, x.1, y.0, y.1].map(format_exact).join(",");
    // Written only when they change: most frames keep the chart's frame and view.
    let (old_edges, old_view) = written.get_or_insert_with(Default::default);
    if *old_edges != edges {
        let _ = canvas.set_attribute("data-frame", &edges);
        *old_edges = edges;
    }
    if *old_view != view {
        let _ = canvas.set_attribute("data-view", &view);
        *old_view = view;
    }
}
