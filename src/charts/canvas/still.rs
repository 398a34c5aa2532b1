//! A chart's base kept as a still picture while it does not change.
//!
//! Chromium with software compositing copies the pixels of **every** 2D canvas on the page
//! into the compositor at every frame in which anything changed, whether the canvas was
//! drawn on or not (`Canvas2DResourceProvider::ProduceCanvasResource`, 0.2–0.45 ms for a
//! chart's canvas at device scale 2). A drag on the map changes the four charts' moving
//! layers, and so also paid for their four bases in every frame (`BENCHMARKS.md`, twelfth
//! session). A canvas with an `ImageBitmapRenderingContext` holding a bitmap, and a canvas
//! at opacity 0, are not copied.
//!
//! So once a chart's base has stayed the same for a moment, [`Still`] puts a bitmap of it
//! into a canvas of class [`STILL_CLASS`] right above the chart's own canvas, and marks the
//! stack `data-still`, which (`style/full.css`) shows the copy and takes the own canvas to
//! opacity 0: same pixels, one copy once instead of one each frame. The own canvas keeps
//! its pixels, its pointer events and its test id. Before the base is drawn again,
//! [`Still::wake`] takes the mark away, in the same frame.
//!
//! A base redrawn again and again (the map while a data point is dragged) is never copied:
//! the wait finds it drawn again. Only the full build does this (its style sheet holds the
//! rules), and an export ([`super::composed`]) reads the own canvas as before.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlCanvasElement, ImageBitmap, ImageBitmapRenderingContext};

use super::new_canvas;

/// The class of the canvas that holds a base's still copy (not a `layer`: an export leaves
/// it out, since the own canvas under it has the same pixels).
pub const STILL_CLASS: &str = "still";

/// The attribute on a chart's stack while its still copy is what shows.
pub const STILL_MARK: &str = "data-still";

/// How long a base must stay the same before it is copied, in milliseconds. A base drawn
/// again within it (the map while a data point is dragged, a chart whose axes widen during
/// a drag) is not copied at all: a copy and the switch to it and back cost more than the
/// frames it would save.
const SETTLE_MS: i32 = 400;

/// A chart base's still copy: its canvas, once made; the number of the base's drawing,
/// which tells the wait whether the base changed meanwhile; and whether a wait is under way
/// (one at most).
#[derive(Default)]
pub struct Still {
    canvas: Option<HtmlCanvasElement>,
    drawing: Rc<Cell<u64>>,
    waiting: Rc<Cell<bool>>,
}

impl Still {
    /// Before the base is drawn again on `own`: the own canvas shows, not the copy.
    pub fn wake(&mut self, own: &HtmlCanvasElement) {
        self.drawing.set(self.drawing.get().wrapping_add(1));
        if let Some(stack) = own.parent_element() {
            if stack.has_attribute(STILL_MARK) {
                let _ = stack.remove_attribute(STILL_MARK);
            }
        }
    }

    /// After the base was drawn on `own`: once it has stayed the same for [`SETTLE_MS`],
    /// its bitmap goes into the still canvas and the stack is marked.
    pub fn settle_later(&mut self, own: &HtmlCanvasElement) {
        if self.waiting.get() {
            return;
        }
        if self.canvas.is_none() {
            self.canvas = still_canvas(own);
        }
        let Some(still) = self.canvas.clone() else {
            return;
        };
        let (drawing, waiting) = (self.drawing.clone(), self.waiting.clone());
        let own = own.clone();
        waiting.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let mut seen = drawing.get();
            // Waits until a whole period passes with no new drawing.
            loop {
                if sleep(SETTLE_MS).await.is_none() {
                    waiting.set(false);
                    return;
                }
                let now = drawing.get();
                if now == seen {
                    break;
                }
                seen = now;
            }
            waiting.set(false);
            let Some(bitmap) = bitmap_of(&own).await else {
                return;
            };
            let context = still
                .get_context("bitmaprenderer")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<ImageBitmapRenderingContext>().ok());
            match (drawing.get() == seen, context, own.parent_element()) {
                (true, Some(context), Some(stack)) => {
                    context.transfer_from_image_bitmap(&bitmap);
                    let _ = stack.set_attribute(STILL_MARK, "");
                }
                _ => bitmap.close(),
            }
        });
    }
}

/// A new canvas for the still copy, right above `own` in its stack (under the layers).
fn still_canvas(own: &HtmlCanvasElement) -> Option<HtmlCanvasElement> {
    let still = new_canvas()?;
    still.set_class_name(STILL_CLASS);
    let _ = still.set_attribute("aria-hidden", "true");
    // Here as well as in full.css: over the own canvas, it must never take its pointer.
    let _ = still.set_attribute("style", "pointer-events: none");
    own.parent_node()?
        .insert_before(&still, own.next_sibling().as_ref())
        .ok()?;
    Some(still)
}

/// Resolves after `ms` milliseconds; `None` when there is no window.
async fn sleep(ms: i32) -> Option<()> {
    let window = web_sys::window()?;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    JsFuture::from(promise).await.ok().map(|_| ())
}

/// A bitmap of `canvas`'s pixels, or `None` when the browser refuses.
async fn bitmap_of(canvas: &HtmlCanvasElement) -> Option<ImageBitmap> {
    let promise = web_sys::window()?
        .create_image_bitmap_with_html_canvas_element(canvas)
        .ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}
