//! The loss surface L(a, b) of a model with two parameters: a heatmap with contour lines,
//! the minimum, the current point with −∇L, and the path descent has taken. Shown only for
//! such a model; the data chart beside it stays live.
//!
//! The map is also a control:
//! - a mouse or pen pressed anywhere on the map puts the point there and drags it; a finger
//!   drags it when it touches near the point (elsewhere it scrolls the page, and a tap
//!   puts the point there). While it moves, (a, b) follow as the sliders do: the data
//!   chart's line and residuals follow live. Where the point is put down (released, or
//!   tapped, or moved by a key) every run starts afresh ([`LessonState::put_down_on_map`]):
//!   Step goes on from there, Undo has nothing to take back, Reset returns there;
//! - the arrow keys move the point by one tick of its axis (Shift: a tenth of a tick), and
//!   a live region reads out a, b and L;
//! - the wheel zooms about the pointer, two fingers pinch; "fit" fits the view again. A
//!   chosen view is kept in the lesson, so a link restores it.
//!
//! The grid is computed only when the map's key changes (data, model, frozen parameters,
//! view): moving (a, b) redraws only the marks. An expensive grid (a typed formula over
//! many points) is drawn coarse first and refined over the next frames ([`progress`]).

mod progress;

use super::canvas_redraw::use_chart_canvas;
use crate::chart_data::with_surface_marks;
use crate::charts::pointer::{dragged_position, key_step, round_to_resolution, GRAB_RADIUS_TOUCH};
use crate::charts::PlotFrame;
use crate::i18n::{format_number, surface_readout};
use crate::state::LessonState;
use descent_core::Session;
use leptos::html::Canvas;
use leptos::prelude::*;

/// What the pointers on the map are doing.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Gesture {
    /// Nothing.
    Idle,
    /// One pointer drags the point.
    Drag { pointer_id: i32 },
    /// A finger is down away from the point: a tap puts the point there, a move lets the
    /// page scroll.
    Tap { pointer_id: i32, at: (f64, f64) },
    /// Two fingers pinch: the distance between them last time.
    Pinch { distance: f64 },
}

/// How far (CSS pixels) a finger may move and still tap.
const TAP_SLOP: f64 = 10.0;

/// The zoom of one wheel "line" (a notch is about 3 lines, or 100 pixels).
const WHEEL_ZOOM_PER_PIXEL: f64 = 0.002;

/// The loss surface chart (test id `chart-surface`), for models with two parameters.
#[component]
pub fn SurfaceChartView(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // The expensive part (grid, contours, minimum) only when the map's key changes: the
    // key memo notifies only when it differs, and the base memo reads nothing else of the
    // session. A model with one parameter has no key: nothing is computed.
    let key = Memo::new(move |_| state.session.with(Session::map_key));
    let base = progress::use_map_base(state, key);
    let chart = Memo::new(move |_| {
        base.with(|b| {
            b.as_ref()
                .map(|b| state.session.with(|s| with_surface_marks(s, b)))
                .unwrap_or_default()
        })
    });
    let shown = Memo::new(move |_| key.with(Option::is_some));
    let drawn = use_chart_canvas(canvas, chart, state);
    let frame = drawn.frame;
    let gesture = StoredValue::new(Gesture::Idle);
    // Every pointer down on the map, with where it is (canvas pixels): the pinch's fingers.
    let pointers = StoredValue::new(Vec::<(i32, (f64, f64))>::new());
    let dragging = RwSignal::new(false);

    let current = move || chart.with_untracked(|c| c.current);
    let move_to = move |f: &PlotFrame, pixel: (f64, f64), ratio: f64| {
        let (a, b) = dragged_position(f, pixel, ratio);
        state.move_on_map(a, b);
    };
    let set_pointer = move |id: i32, pixel: (f64, f64)| {
        pointers.update_value(|all| match all.iter_mut().find(|(p, _)| *p == id) {
            Some(entry) => entry.1 = pixel,
            None => all.push((id, pixel)),
        });
    };
    let pinch_distance = move || {
        pointers.with_value(|all| match all.as_slice() {
            [(_, p), (_, q), ..] => Some((p.0 - q.0).hypot(p.1 - q.1)),
            _ => None,
        })
    };

    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let (Some(f), Some((pixel, ratio))) = (frame.get_value(), drawn.event_pixel(canvas, &ev))
        else {
            return;
        };
        let touch = ev.pointer_type() == "touch";
        // Only fingers pinch; their pointers are captured by the browser until they lift.
        if touch {
            set_pointer(ev.pointer_id(), pixel);
        }
        let capture = || {
            if let Some(element) = canvas.get_untracked() {
                let _ = element.set_pointer_capture(ev.pointer_id());
            }
        };
        if let Some(distance) = pinch_distance() {
            // A second finger: the drag becomes a pinch, and the point stays put.
            ev.prevent_default();
            capture();
            gesture.set_value(Gesture::Pinch { distance });
            dragging.set(false);
            return;
        }
        if !f.contains_pixel(pixel) {
            return;
        }
        let near = current().is_some_and(|p| {
            let (px, py) = f.to_pixel(p);
            (px - pixel.0).hypot(py - pixel.1) <= GRAB_RADIUS_TOUCH * ratio
        });
        if touch && !near {
            gesture.set_value(Gesture::Tap {
                pointer_id: ev.pointer_id(),
                at: pixel,
            });
            return;
        }
        ev.prevent_default();
        capture();
        // Focus, so the arrow keys go on from here (a finger has no arrow keys).
        if let (false, Some(element)) = (touch, canvas.get_untracked()) {
            let _ = element.focus();
        }
        gesture.set_value(Gesture::Drag {
            pointer_id: ev.pointer_id(),
        });
        dragging.set(true);
        if !near {
            move_to(&f, pixel, ratio);
        }
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let (Some(f), Some((pixel, ratio))) = (frame.get_value(), drawn.event_pixel(canvas, &ev))
        else {
            return;
        };
        if pointers.with_value(|all| all.iter().any(|(p, _)| *p == ev.pointer_id())) {
            set_pointer(ev.pointer_id(), pixel);
        }
        match gesture.get_value() {
            Gesture::Drag { pointer_id } if pointer_id == ev.pointer_id() => {
                move_to(&f, pixel, ratio);
            }
            Gesture::Tap { pointer_id, at }
                if pointer_id == ev.pointer_id()
                    && (pixel.0 - at.0).hypot(pixel.1 - at.1) > TAP_SLOP * ratio =>
            {
                gesture.set_value(Gesture::Idle);
            }
            Gesture::Pinch { distance } => {
                let (Some(now), Some(middle)) = (
                    pinch_distance(),
                    pointers.with_value(|all| match all.as_slice() {
                        [(_, p), (_, q), ..] => Some(((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0)),
                        _ => None,
                    }),
                ) else {
                    return;
                };
                if distance > 0.0 && now > 0.0 {
                    state.zoom_map(f.to_data(middle), now / distance);
                }
                gesture.set_value(Gesture::Pinch { distance: now });
            }
            _ => {}
        }
    };
    // Up ends a drag, a tap or a pinch; cancel and lost capture end them without a tap.
    let end = move |ev: web_sys::PointerEvent, released: bool| {
        pointers.update_value(|all| all.retain(|(p, _)| *p != ev.pointer_id()));
        match gesture.get_value() {
            Gesture::Drag { pointer_id } if pointer_id == ev.pointer_id() => {
                gesture.set_value(Gesture::Idle);
                dragging.set(false);
                match current() {
                    Some((a, b)) => state.put_down_on_map(a, b),
                    // No point to put down (the data went meanwhile): the drag ends all
                    // the same, so the charts fit again and the save goes ahead.
                    None => state.end_slide(),
                }
            }
            Gesture::Tap { pointer_id, at } if pointer_id == ev.pointer_id() => {
                gesture.set_value(Gesture::Idle);
                if let (true, Some(f), Some((_, ratio))) =
                    (released, frame.get_value(), drawn.event_pixel(canvas, &ev))
                {
                    let (a, b) = dragged_position(&f, at, ratio);
                    state.put_down_on_map(a, b);
                }
            }
            Gesture::Pinch { .. } if pinch_distance().is_none() => {
                gesture.set_value(Gesture::Idle);
            }
            _ => {}
        }
    };
    // A finger dragging the point or pinching must not scroll or zoom the page.
    let on_touchstart = move |ev: web_sys::TouchEvent| {
        if matches!(
            gesture.get_value(),
            Gesture::Drag { .. } | Gesture::Pinch { .. }
        ) {
            ev.prevent_default();
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        let (Some(f), Some((pixel, _))) = (frame.get_value(), drawn.event_pixel(canvas, &ev))
        else {
            return;
        };
        if !f.contains_pixel(pixel) {
            return;
        }
        ev.prevent_default();
        // Lines and pages in pixels, as browsers roughly scroll them.
        let unit = match ev.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let factor = (-ev.delta_y() * unit * WHEEL_ZOOM_PER_PIXEL)
            .clamp(-2.0, 2.0)
            .exp();
        state.zoom_map(f.to_data(pixel), factor);
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let (da, db) = match ev.key().as_str() {
            "ArrowLeft" => (-1.0, 0.0),
            "ArrowRight" => (1.0, 0.0),
            "ArrowDown" => (0.0, -1.0),
            "ArrowUp" => (0.0, 1.0),
            _ => return,
        };
        let (Some(f), Some((a, b))) = (frame.get_value(), current()) else {
            return;
        };
        // The global keys (a clicker's arrows step) leave a handled key alone.
        ev.prevent_default();
        let fine = if ev.shift_key() { 0.1 } else { 1.0 };
        let step = |range: (f64, f64)| key_step(range) * fine;
        let (sa, sb) = (step(f.view.x), step(f.view.y));
        let a = round_to_resolution(a + da * sa, sa / 10.0);
        let b = round_to_resolution(b + db * sb, sb / 10.0);
        state.put_down_on_map(a, b);
    };

    let readout = move || {
        let lang = state.lang.get();
        state.session.with(|s| {
            let params = s.params();
            let names = s.lesson().model.param_names();
            let value = |i: usize| format_number(params.get(i).copied().unwrap_or(0.0), lang);
            let name = |i: usize, or: &'static str| names.get(i).copied().unwrap_or(or);
            let loss = format_number(s.evaluation().loss, lang);
            surface_readout([name(0, "a"), name(1, "b")], [&value(0), &value(1)], &loss)
        })
    };
    view! {
        <figure class="panel chart surface-chart" hidden=move || !shown.get()>
            <figcaption>
                <span>{state.tr(|t| t.chart_surface_title)}</span>
                <div class="chart-tools">
                    <button
                        type="button"
                        class="chart-tool"
                        data-testid="surface-fit"
                        title=state.tr(|t| t.surface_fit_hint)
                        on:click=move |_| state.fit_map()
                    >
                        {state.tr(|t| t.surface_fit)}
                    </button>
                    // One line that never wraps: a readout that changed its height would
                    // move the map under a dragging finger.
                    <span class="map-readout" data-testid="surface-readout" aria-live="polite">
                        <span class="visually-hidden">{state.tr(|t| t.surface_point)}" "</span>
                        {readout}
                    </span>
                </div>
            </figcaption>
            <div class="stack">
                <canvas
                    node_ref=canvas
                    data-testid="chart-surface"
                    // The grid drawn ("44x44"; an expensive map shows a coarse one first) and
                    // how many of its cells are hatched as not defined.
                    data-grid=move || {
                        base.with(|b| b.as_ref().map(|b| format!("{}x{}", b.grid.columns, b.grid.rows)))
                    }
                    data-undefined=move || {
                        base.with(|b| b.as_ref().map(|b| b.grid.undefined_count().to_string()))
                    }
                    role="img"
                    tabindex="0"
                    class="editable map"
                    class:grabbing=move || dragging.get()
                    aria-label=move || state.t().chart_surface_title
                    aria-describedby="chart-surface-hint"
                    title=state.tr(|t| t.surface_hint)
                    on:pointerdown=on_pointerdown
                    on:pointermove=on_pointermove
                    on:pointerup=move |ev| end(ev, true)
                    on:pointercancel=move |ev| end(ev, false)
                    on:lostpointercapture=move |ev| end(ev, false)
                    on:touchstart=on_touchstart
                    on:wheel=on_wheel
                    on:keydown=on_keydown
                ></canvas>
            </div>
            // The hint is read with the map and shown as its tooltip: a visible line
            // would take the height the map needs beside two other charts.
            <p class="visually-hidden" id="chart-surface-hint">{state.tr(|t| t.surface_hint)}</p>
        </figure>
    }
}
