//! The "data and model" chart: points, the model's line, residuals, squared errors.
//!
//! The chart is also edited by hand: a pointer (mouse, pen or finger) drags a point, and
//! Shift+click or the "Add points" toggle adds one. The last drawn [`PlotFrame`](crate::charts::PlotFrame) turns
//! pointer positions into data; while a point is dragged the axes hold still
//! ([`PointDrag::view`]) so the point does not run away from the pointer.

use super::canvas_redraw::use_chart_canvas;
use crate::chart_data::{alt_numbers, data_window, held_data_chart, Hold, PointDrag};
use crate::charts::pointer::{
    dragged_position, grabbed_point, GRAB_RADIUS_MOUSE, GRAB_RADIUS_TOUCH,
};
use crate::charts::ChartView;
use crate::i18n::data_chart_alt;
use crate::state::LessonState;
use descent_core::Session;
use leptos::html::Canvas;
use leptos::prelude::*;

/// The "data and model" chart: points, the model's line, residuals, squared errors.
#[component]
pub fn DataChartView(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let drag = RwSignal::new(None::<PointDrag>);
    let add_mode = RwSignal::new(false);
    // Whether a mouse hovers over a point, for the grab cursor.
    let hovering = RwSignal::new(false);
    // The still part of the window, kept while a moves (two memos, as on the loss chart:
    // at 10 000 points it is 90 000 predictions).
    let key = Memo::new(move |_| state.session.with(Session::landscape_key));
    let window = Memo::new(move |_| key.with(data_window));
    // The view shown at a slider drag's last move, or at autoplay's (a race's) last step:
    // the axes only widen until it ends. With b free the still window follows b, and
    // fitting it at every Step redrew the axes in every frame of a race.
    let slid = StoredValue::new(None::<ChartView>);
    let chart = Memo::new(move |_| {
        let empty = state.t().chart_data_empty;
        let squares = state.show_squares.get();
        let drag = drag.get();
        let held = state.holds_axes();
        let hold = match &drag {
            Some(drag) => Hold::Point(drag),
            None if held => Hold::Slider(slid.get_value()),
            None => Hold::Nothing,
        };
        let chart = state
            .session
            .with(|s| window.with(|w| held_data_chart(s, w, squares, empty, hold)));
        slid.set_value(chart.view.filter(|_| held));
        chart
    });
    let drawn = use_chart_canvas(canvas, chart, state);
    let frame = drawn.frame;

    // Grabs the point under the pointer, or adds one there (Shift or "Add points") and
    // grabs that, so one gesture both places a point and fine-tunes it.
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let (Some(f), Some((pixel, ratio))) = (frame.get_value(), drawn.event_pixel(canvas, &ev))
        else {
            return;
        };
        let radius = if ev.pointer_type() == "touch" {
            GRAB_RADIUS_TOUCH
        } else {
            GRAB_RADIUS_MOUSE
        };
        let hit = chart.with_untracked(|c| grabbed_point(&f, &c.points, pixel, radius, ratio));
        let grabbed = match hit {
            Some(point) => state.session.with_untracked(|s| {
                let row = s.point_row(point)?;
                let p = chart.with_untracked(|c| c.points.get(point).copied())?;
                let (px, py) = f.to_pixel(p);
                Some((point, row, (px - pixel.0, py - pixel.1)))
            }),
            None if (ev.shift_key() || add_mode.get_untracked()) && f.contains_pixel(pixel) => {
                let (x, y) = dragged_position(&f, pixel, ratio);
                state.add_point(x, y).and_then(|row| {
                    // The new row is the table's last, so its point is the last point.
                    state.session.with_untracked(|s| {
                        let last = s.point_count().checked_sub(1)?;
                        (s.point_row(last) == Some(row)).then_some((last, row, (0.0, 0.0)))
                    })
                })
            }
            None => None,
        };
        let Some((point, row, offset)) = grabbed else {
            return;
        };
        // No text selection (Shift+click) and no focus change while dragging.
        ev.prevent_default();
        if let Some(element) = canvas.get_untracked() {
            // Keeps the pointer's events coming to the canvas when it leaves it.
            let _ = element.set_pointer_capture(ev.pointer_id());
        }
        drag.set(Some(PointDrag {
            pointer_id: ev.pointer_id(),
            point,
            row,
            view: f.view,
            offset,
        }));
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let (Some(f), Some((pixel, ratio))) = (frame.get_value(), drawn.event_pixel(canvas, &ev))
        else {
            return;
        };
        match drag.get_untracked() {
            Some(d) if d.pointer_id == ev.pointer_id() => {
                let centre = (pixel.0 + d.offset.0, pixel.1 + d.offset.1);
                let (x, y) = dragged_position(&f, centre, ratio);
                state.move_point(d.row, x, y);
            }
            Some(_) => {}
            None => {
                let over = chart
                    .with_untracked(|c| {
                        grabbed_point(&f, &c.points, pixel, GRAB_RADIUS_MOUSE, ratio)
                    })
                    .is_some();
                if hovering.get_untracked() != over {
                    hovering.set(over);
                }
            }
        }
    };
    // Up, cancel and lost capture all end a drag; the axes then fit the data again.
    let end_drag = move |ev: web_sys::PointerEvent| {
        if drag
            .get_untracked()
            .is_some_and(|d| d.pointer_id == ev.pointer_id())
        {
            drag.set(None);
            state.end_point_drag();
        }
    };
    // A finger on a point must drag it, not scroll the page, so the touch is refused to the
    // browser — only then: a touch elsewhere on the chart still scrolls the page. This needs a
    // non-passive listener on the canvas itself, which is what Leptos attaches here (its
    // event delegation to the window, where touch listeners are passive, is not enabled).
    let on_touchstart = move |ev: web_sys::TouchEvent| {
        if drag.with_untracked(Option::is_some) {
            ev.prevent_default();
        }
    };

    let alt = move || {
        let lang = state.lang.get();
        state.session.with(|s| {
            let [a, loss, slope] = alt_numbers(s, lang);
            data_chart_alt(lang, &s.lesson().model.formula(), &a, &loss, &slope)
        })
    };
    view! {
        <figure class="panel chart">
            <figcaption>
                <span>{state.tr(|t| t.chart_data_title)}</span>
                <div class="chart-tools">
                    <label class="checkbox">
                        <input
                            type="checkbox"
                            data-testid="toggle-squares"
                            prop:checked=move || state.show_squares.get()
                            on:change=move |ev| state.show_squares.set(event_target_checked(&ev))
                        />
                        <span>{state.tr(|t| t.show_squared_errors)}</span>
                    </label>
                    <button
                        type="button"
                        class="chart-tool"
                        data-testid="add-point-toggle"
                        aria-pressed=move || if add_mode.get() { "true" } else { "false" }
                        on:click=move |_| add_mode.update(|on| *on = !*on)
                    >
                        {state.tr(|t| t.add_point_toggle)}
                    </button>
                </div>
            </figcaption>
            <div class="stack">
                <canvas
                    node_ref=canvas
                    data-testid="chart-data"
                    role="img"
                    aria-label=alt
                    aria-describedby="chart-data-hint"
                    class="editable"
                    class:grab=move || hovering.get()
                    class:grabbing=move || drag.with(Option::is_some)
                    class:adding=move || add_mode.get()
                    on:pointerdown=on_pointerdown
                    on:pointermove=on_pointermove
                    on:pointerup=end_drag
                    on:pointercancel=end_drag
                    on:lostpointercapture=end_drag
                    on:touchstart=on_touchstart
                ></canvas>
            </div>
            <p class="hint chart-hint" id="chart-data-hint">{state.tr(|t| t.chart_edit_hint)}</p>
        </figure>
    }
}
