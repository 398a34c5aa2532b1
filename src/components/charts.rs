//! The two chart components. Each builds its chart's plain data from the session (a
//! memo), and one effect per canvas redraws it at most once per animation frame.
//!
//! The data chart is also edited by hand: a pointer (mouse, pen or finger) drags a point,
//! and Shift+click or the "Add points" toggle adds one. The last drawn [`PlotFrame`] turns
//! pointer positions into data; while a point is dragged the axes hold still
//! ([`PointDrag::view`]) so the point does not run away from the pointer.

use crate::charts::pointer::{
    canvas_pixel, dragged_position, grabbed_point, GRAB_RADIUS_MOUSE, GRAB_RADIUS_TOUCH,
};
use crate::charts::{data_view, ChartView, DataChart, LossChart, PlotFrame, Residual, Tangent};
use crate::i18n::{data_chart_alt, format_exact, format_number, loss_chart_alt};
use crate::state::LessonState;
use descent_core::analysis::ExtremumKind;
use descent_core::{Optimum, Problem, Session};
use leptos::html::Canvas;
use leptos::prelude::*;

/// How many samples draw the model's line and the loss curve.
const LINE_SAMPLES: usize = 200;
/// How many samples draw the loss curve.
const CURVE_SAMPLES: usize = 400;
/// How many trail points the loss chart shows (the latest ones).
const TRAIL_POINTS: usize = 200;

/// A point being dragged on the data chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointDrag {
    /// The pointer that drags; other pointers (a second finger) are ignored until it lifts.
    pub pointer_id: i32,
    /// The index of the point among the chart's points, to highlight it.
    pub point: usize,
    /// The table row the point came from, to move it.
    pub row: usize,
    /// The data window when the drag began, kept until it ends.
    pub view: ChartView,
    /// The point's centre minus the pointer's position when grabbed, in canvas pixels: the
    /// point keeps this offset from the pointer instead of jumping under it, so a purely
    /// vertical drag leaves x exactly as it was.
    pub offset: (f64, f64),
}

/// What the "data and model" chart shows, read from a session.
pub fn data_chart(session: &Session, show_squares: bool, empty_message: &str) -> DataChart {
    held_data_chart(session, show_squares, empty_message, None)
}

/// The data chart's window: the points, and the model's predictions at the points with a
/// at both ends of its slider range and at the minimum, so the line and the residuals
/// stay in view wherever the slider goes, and the axes hold still while it moves.
/// Predictions stretch the y axis by at most three data spans, so one absurd a cannot
/// squash the points into a line.
fn fitted_view(session: &Session, points: &[(f64, f64)]) -> ChartView {
    let base = data_view(points);
    if points.is_empty() {
        return base;
    }
    let problem = session.problem();
    let (lo, hi) = session.range(0);
    let mut settings: Vec<Vec<f64>> = [lo, hi]
        .iter()
        .map(|a| {
            let mut params = session.params().to_vec();
            if let Some(first) = params.first_mut() {
                *first = *a;
            }
            params
        })
        .collect();
    if let Some(best) = problem.optimum(session.params()).unique() {
        settings.push(best.to_vec());
    }
    let (y_lo, y_hi) = base.y;
    let span = (y_hi - y_lo).max(f64::MIN_POSITIVE);
    let mut extended = points.to_vec();
    for params in &settings {
        for &(x, _) in points {
            let y = problem.model.predict(params, x);
            if y.is_finite() {
                extended.push((x, y.clamp(y_lo - 3.0 * span, y_hi + 3.0 * span)));
            }
        }
    }
    data_view(&extended)
}

/// [`data_chart`] while `drag` holds a point: the axes keep the drag's view instead of
/// fitting the points, and the dragged point is highlighted.
pub fn held_data_chart(
    session: &Session,
    show_squares: bool,
    empty_message: &str,
    drag: Option<&PointDrag>,
) -> DataChart {
    let problem = session.problem();
    let params = session.params();
    let points: Vec<(f64, f64)> = problem.data.points().iter().map(|p| (p.x, p.y)).collect();
    let view = drag.map_or_else(|| fitted_view(session, &points), |d| d.view);
    let (lo, hi) = view.x;
    // A straight line is drawn from its two ends: through many samples, each rounded to
    // whole pixels, it showed a one-pixel jog on a projector.
    let samples = if problem.model.is_linear_in_x() {
        1
    } else {
        LINE_SAMPLES
    };
    let model_line = (0..=samples)
        .map(|k| {
            let x = lo + (hi - lo) * k as f64 / samples as f64;
            (x, problem.model.predict(params, x))
        })
        .collect();
    let residuals = problem
        .residuals(params)
        .iter()
        .map(|r| Residual {
            x: r.x,
            y: r.y,
            y_hat: r.prediction,
        })
        .collect();
    let labels = problem.data.labels();
    DataChart {
        points,
        model_line,
        residuals,
        show_squares,
        x_label: labels.x.clone(),
        y_label: labels.y.clone(),
        highlighted: drag.map(|d| d.point),
        empty_message: empty_message.to_owned(),
        view: Some(view),
    }
}

/// The parts of the loss chart that do not move when a moves: the curve and the extrema.
#[derive(Clone, Debug, PartialEq)]
pub struct LossLandscape {
    curve: Vec<(f64, f64)>,
    minima: Vec<(f64, f64)>,
    maxima: Vec<(f64, f64)>,
    /// Whether the minimum is the exact, global one (closed form) rather than local.
    global: bool,
}

/// What the landscape depends on: the problem, the range of a, and the other parameters
/// (a itself is 0 here, so moving the slider changes nothing in it).
pub fn landscape_key(session: &Session) -> (Problem, (f64, f64), Vec<f64>) {
    let mut params = session.params().to_vec();
    if let Some(a) = params.first_mut() {
        *a = 0.0;
    }
    (session.problem().clone(), session.range(0), params)
}

/// L(a) over `range`, and its minima and maxima, the other parameters held at `params`.
pub fn loss_landscape(problem: &Problem, params: &[f64], range: (f64, f64)) -> LossLandscape {
    let mut landscape = LossLandscape {
        curve: Vec::new(),
        minima: Vec::new(),
        maxima: Vec::new(),
        global: false,
    };
    if problem.data.is_empty() {
        return landscape;
    }
    landscape.curve = problem.loss_curve(params, 0, range, CURVE_SAMPLES).points;
    match problem.optimum(params) {
        Optimum::Unique(best) => {
            let a = best.first().copied().unwrap_or(0.0);
            let mut at = params.to_vec();
            if let Some(first) = at.first_mut() {
                *first = a;
            }
            landscape.minima.push((a, problem.loss_at(&at)));
            landscape.global = true;
        }
        Optimum::NoUniqueMinimum => {}
        Optimum::NotAvailable => {
            for e in problem.extrema(params, 0, range) {
                match e.kind {
                    ExtremumKind::Minimum => landscape.minima.push((e.value, e.loss)),
                    ExtremumKind::Maximum => landscape.maxima.push((e.value, e.loss)),
                }
            }
        }
    }
    landscape
}

/// The words the loss chart writes: beside the global minimum, a local minimum, a local
/// maximum, and on an empty chart.
#[derive(Clone, Copy, Debug)]
pub struct LossWords<'a> {
    /// Beside the exact minimum.
    pub global_minimum: &'a str,
    /// Beside a local minimum.
    pub local_minimum: &'a str,
    /// Beside a local maximum.
    pub local_maximum: &'a str,
    /// On an empty chart.
    pub empty: &'a str,
}

/// What the loss chart shows: the landscape, the current point, its tangent, the trail.
pub fn loss_chart(
    session: &Session,
    landscape: &LossLandscape,
    slope_label: String,
    words: LossWords<'_>,
) -> LossChart {
    let evaluation = session.evaluation();
    let a = session.params().first().copied().unwrap_or(0.0);
    let slope = evaluation.gradient.first().copied().unwrap_or(0.0);
    let history = session.history();
    let mut trail: Vec<(f64, f64)> = history
        .iter()
        .skip(history.len().saturating_sub(TRAIL_POINTS))
        .map(|s| (s.before.first().copied().unwrap_or(0.0), s.loss_before))
        .collect();
    if !history.is_empty() {
        trail.push((a, evaluation.loss));
    }
    let has_data = !session.problem().data.is_empty();
    LossChart {
        curve: landscape.curve.clone(),
        parameter_name: session
            .lesson()
            .model
            .param_names()
            .first()
            .copied()
            .unwrap_or("a")
            .to_owned(),
        loss_name: "L".to_owned(),
        current: has_data.then_some((a, evaluation.loss)),
        tangent: has_data.then_some(Tangent {
            slope,
            label: slope_label,
        }),
        trail,
        minima: landscape.minima.clone(),
        maxima: landscape.maxima.clone(),
        minimum_label: if landscape.global {
            words.global_minimum
        } else {
            words.local_minimum
        }
        .to_owned(),
        // Of several local minima the lowest is the global one, as the lecture says of
        // its second example.
        lowest_minimum_label: (!landscape.global && landscape.minima.len() > 1)
            .then(|| words.global_minimum.to_owned()),
        maximum_label: words.local_maximum.to_owned(),
        empty_message: words.empty.to_owned(),
        view: None,
    }
}

/// The function that draws one chart on a canvas and says where its plotting area landed;
/// `L` holds the chart's cached layers between redraws.
type DrawFn<T, L> =
    fn(&web_sys::HtmlCanvasElement, &T, &crate::charts::ChartStyle, &mut L) -> Option<PlotFrame>;

/// Redraws `canvas` from `input` at most once per animation frame, whenever the input,
/// the window size or the chart style changes, and keeps the frame it drew in `frame`
/// (for pointer hit tests).
fn use_canvas_redraw<T, L>(
    canvas: NodeRef<Canvas>,
    input: Memo<T>,
    state: LessonState,
    frame: StoredValue<Option<PlotFrame>>,
    draw: DrawFn<T, L>,
) where
    T: Clone + PartialEq + Send + Sync + 'static,
    L: Default + 'static,
{
    let pending = StoredValue::new(false);
    let drawn_before = StoredValue::new(false);
    // Offscreen canvases are not Send: this state stays on the page's thread.
    let layers = StoredValue::new_local(L::default());
    Effect::new(move |_| {
        input.track();
        state.redraw.track();
        state.projector.track();
        if canvas.get().is_none() || pending.get_value() {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            pending.set_value(false);
            let Some(element) = canvas.get_untracked() else {
                return;
            };
            let style = state.chart_style(&element);
            let drawn = layers
                .try_update_value(|layers| {
                    input.with_untracked(|value| draw(&element, value, &style, layers))
                })
                .flatten();
            write_frame_attributes(&element, drawn.as_ref());
            frame.set_value(drawn);
            announce_drawn(!drawn_before.get_value());
            drawn_before.set_value(true);
        });
    });
}

/// The data chart's cached layers: below what moves, the axes (for a view, column names and
/// style); above it, the points (for the points, the highlighted one, the empty-chart
/// message, the frame and the style).
#[cfg(target_arch = "wasm32")]
type DataLayers = (
    crate::charts::canvas::Layer<(ChartView, String, String, crate::charts::ChartStyle)>,
    crate::charts::canvas::Layer<DataPointsKey>,
);

/// What the data chart's top layer depends on.
#[cfg(target_arch = "wasm32")]
type DataPointsKey = (
    Vec<(f64, f64)>,
    Option<usize>,
    String,
    Option<PlotFrame>,
    crate::charts::ChartStyle,
);

/// The loss chart's cached layer: the axes and the curve, for a fixed view (if any), the
/// curve, the axis names and the style.
#[cfg(target_arch = "wasm32")]
type LossLayers = crate::charts::canvas::Layer<(
    Option<ChartView>,
    Vec<(f64, f64)>,
    String,
    String,
    crate::charts::ChartStyle,
)>;

/// Up to this many points are drawn straight onto the canvas on every redraw: copying a
/// full-size transparent layer costs more than a few discs (measured at scale 2, where the
/// lecture's three points took 1 ms longer a frame through the layer).
#[cfg(target_arch = "wasm32")]
const LAYERED_POINTS: usize = 200;

/// Draws the data chart as three layers: the cached axes, what moves with the parameters
/// (drawn on every redraw), the points (cached when there are many).
#[cfg(target_arch = "wasm32")]
fn draw_data(
    canvas: &web_sys::HtmlCanvasElement,
    chart: &DataChart,
    style: &crate::charts::ChartStyle,
    (axes, points): &mut DataLayers,
) -> Option<PlotFrame> {
    use crate::charts::data_chart::{draw_data_axes, draw_data_model, draw_data_points};
    let view = chart.view.unwrap_or_else(|| data_view(&chart.points));
    let axes_key = (view, chart.x_label.clone(), chart.y_label.clone(), *style);
    let frame = axes.draw_onto(canvas, axes_key, |area| {
        draw_data_axes(area, chart, style).ok().flatten()
    });
    let area = crate::charts::canvas::canvas_area(canvas)?;
    if let Some(f) = &frame {
        draw_data_model(&area, f, chart, style).ok()?;
    }
    if chart.points.len() <= LAYERED_POINTS {
        draw_data_points(&area, frame.as_ref(), chart, style).ok()?;
        return frame;
    }
    let points_key = (
        chart.points.clone(),
        chart.highlighted,
        chart.empty_message.clone(),
        frame,
        *style,
    );
    points.draw_onto(canvas, points_key, |area| {
        draw_data_points(area, frame.as_ref(), chart, style).ok()?;
        frame
    });
    frame
}

/// Draws the loss chart as two layers: the cached axes and curve, then the marks that move.
#[cfg(target_arch = "wasm32")]
fn draw_loss(
    canvas: &web_sys::HtmlCanvasElement,
    chart: &LossChart,
    style: &crate::charts::ChartStyle,
    axes: &mut LossLayers,
) -> Option<PlotFrame> {
    use crate::charts::loss_chart::{draw_loss_axes, draw_loss_marks};
    let key = (
        chart.view,
        chart.curve.clone(),
        chart.parameter_name.clone(),
        chart.loss_name.clone(),
        *style,
    );
    let frame = axes.draw_onto(canvas, key, |area| {
        draw_loss_axes(area, chart, style).ok().flatten()
    });
    let area = crate::charts::canvas::canvas_area(canvas)?;
    draw_loss_marks(&area, frame.as_ref(), chart, style).ok()?;
    frame
}

// Natively there is no canvas; the components are only mounted in the browser.
#[cfg(not(target_arch = "wasm32"))]
type DataLayers = ();
#[cfg(not(target_arch = "wasm32"))]
type LossLayers = ();

#[cfg(not(target_arch = "wasm32"))]
fn draw_data(
    _: &web_sys::HtmlCanvasElement,
    _: &DataChart,
    _: &crate::charts::ChartStyle,
    _: &mut DataLayers,
) -> Option<PlotFrame> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn draw_loss(
    _: &web_sys::HtmlCanvasElement,
    _: &LossChart,
    _: &crate::charts::ChartStyle,
    _: &mut LossLayers,
) -> Option<PlotFrame> {
    None
}

/// How many charts have drawn at least once since the page loaded.
#[cfg(target_arch = "wasm32")]
static CHARTS_DRAWN: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Lets performance tools see the charts draw (`scripts/bench.sh` times the app by these):
/// every redraw fires a `chartdrawn` event on the window, which costs next to nothing
/// without listeners; when both charts have drawn once, the page gets
/// `<body data-drawn>`, the end of a cold load.
#[cfg(target_arch = "wasm32")]
fn announce_drawn(first_time: bool) {
    use std::sync::atomic::Ordering;
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

#[cfg(not(target_arch = "wasm32"))]
fn announce_drawn(_first_time: bool) {}

/// Writes where the plotting area landed onto the canvas, so end-to-end tests can point at
/// a data point without reading pixels: `data-frame` is its left, top, right and bottom
/// edge in CSS pixels from the canvas's corner, `data-view` the x0, x1, y0, y1 it shows.
/// Both go when nothing was drawn (a hidden or tiny canvas).
fn write_frame_attributes(canvas: &web_sys::HtmlCanvasElement, frame: Option<&PlotFrame>) {
    let Some(f) = frame else {
        let _ = canvas.remove_attribute("data-frame");
        let _ = canvas.remove_attribute("data-view");
        return;
    };
    let ratio = pixels_per_css(canvas);
    let css = |v: f64| format_exact(v / ratio);
    let edges = [f.left, f.top, f.right, f.bottom].map(css).join(",");
    let (x, y) = (f.view.x, f.view.y);
    let view = [x.0, x.1, y.0, y.1].map(format_exact).join(",");
    let _ = canvas.set_attribute("data-frame", &edges);
    let _ = canvas.set_attribute("data-view", &view);
}

/// Canvas (device) pixels per CSS pixel, read from the canvas itself: its backing store
/// was sized to CSS size × `devicePixelRatio` when it was last drawn.
fn pixels_per_css(canvas: &web_sys::HtmlCanvasElement) -> f64 {
    let css = canvas.client_width();
    if css <= 0 {
        return 1.0;
    }
    f64::from(canvas.width()) / f64::from(css)
}

/// A pointer event's position in canvas pixels, and the canvas's pixels per CSS pixel.
fn event_pixel(canvas: NodeRef<Canvas>, ev: &web_sys::PointerEvent) -> Option<((f64, f64), f64)> {
    let element = canvas.get_untracked()?;
    let ratio = pixels_per_css(&element);
    let offset = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
    Some((canvas_pixel(offset, ratio), ratio))
}

/// a, L and ∂L/∂a as the charts' text alternatives state them.
fn alt_numbers(session: &Session, lang: crate::i18n::Lang) -> [String; 3] {
    let e = session.evaluation();
    [
        session.params().first().copied().unwrap_or(0.0),
        e.loss,
        e.gradient.first().copied().unwrap_or(0.0),
    ]
    .map(|v| format_number(v, lang))
}

/// The "data and model" chart: points, the model's line, residuals, squared errors.
#[component]
pub fn DataChartView(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let frame = StoredValue::new(None::<PlotFrame>);
    let drag = RwSignal::new(None::<PointDrag>);
    let add_mode = RwSignal::new(false);
    // Whether a mouse hovers over a point, for the grab cursor.
    let hovering = RwSignal::new(false);
    let chart = Memo::new(move |_| {
        let empty = state.t().chart_data_empty;
        let squares = state.show_squares.get();
        let drag = drag.get();
        state
            .session
            .with(|s| held_data_chart(s, squares, empty, drag.as_ref()))
    });
    use_canvas_redraw(canvas, chart, state, frame, draw_data);

    // Grabs the point under the pointer, or adds one there (Shift or "Add points") and
    // grabs that, so one gesture both places a point and fine-tunes it.
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let (Some(f), Some((pixel, ratio))) = (frame.get_value(), event_pixel(canvas, &ev)) else {
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
                let p = s.problem().data.points().get(point)?;
                let (px, py) = f.to_pixel((p.x, p.y));
                Some((point, row, (px - pixel.0, py - pixel.1)))
            }),
            None if (ev.shift_key() || add_mode.get_untracked()) && f.contains_pixel(pixel) => {
                let (x, y) = dragged_position(&f, pixel, ratio);
                state.add_point(x, y).and_then(|row| {
                    // The new row is the table's last, so its point is the last point.
                    state.session.with_untracked(|s| {
                        let last = s.problem().data.len().checked_sub(1)?;
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
        let (Some(f), Some((pixel, ratio))) = (frame.get_value(), event_pixel(canvas, &ev)) else {
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
            state.end_edit();
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
            data_chart_alt(lang, s.lesson().model.formula(), &a, &loss, &slope)
        })
    };
    view! {
        <figure class="panel chart">
            <figcaption>
                <span>{move || state.t().chart_data_title}</span>
                <div class="chart-tools">
                    <label class="checkbox">
                        <input
                            type="checkbox"
                            data-testid="toggle-squares"
                            prop:checked=move || state.show_squares.get()
                            on:change=move |ev| state.show_squares.set(event_target_checked(&ev))
                        />
                        <span>{move || state.t().show_squared_errors}</span>
                    </label>
                    <button
                        type="button"
                        class="chart-tool"
                        data-testid="add-point-toggle"
                        aria-pressed=move || if add_mode.get() { "true" } else { "false" }
                        on:click=move |_| add_mode.update(|on| *on = !*on)
                    >
                        {move || state.t().add_point_toggle}
                    </button>
                </div>
            </figcaption>
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
            <p class="hint chart-hint" id="chart-data-hint">{move || state.t().chart_edit_hint}</p>
        </figure>
    }
}

/// The loss chart: L(a), the current point with its tangent, the trail, the minima.
#[component]
pub fn LossChartView(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // Two memos, so that dragging a, which changes nothing in the landscape, never
    // resamples the curve.
    let key = Memo::new(move |_| state.session.with(landscape_key));
    let landscape =
        Memo::new(move |_| key.with(|(p, range, params)| loss_landscape(p, params, *range)));
    let chart = Memo::new(move |_| {
        let lang = state.lang.get();
        let t = state.t();
        state.session.with(|s| {
            let slope = s.evaluation().gradient.first().copied().unwrap_or(0.0);
            let label = format!("∂L/∂a = {}", format_number(slope, lang));
            // With rows but no finite sample, the loss overflowed (a cell like 1e308):
            // saying "no data" would be wrong.
            let too_large = crate::i18n::loss_too_large(lang);
            let empty = if s.problem().data.is_empty() {
                t.chart_loss_empty
            } else {
                too_large.as_str()
            };
            landscape.with(|l| {
                loss_chart(
                    s,
                    l,
                    label,
                    LossWords {
                        global_minimum: t.global_minimum,
                        local_minimum: t.local_minimum,
                        local_maximum: t.local_maximum,
                        empty,
                    },
                )
            })
        })
    });
    use_canvas_redraw(canvas, chart, state, StoredValue::new(None), draw_loss);
    let alt = move || {
        let lang = state.lang.get();
        state.session.with(|s| {
            let [a, loss, slope] = alt_numbers(s, lang);
            loss_chart_alt(lang, &a, &loss, &slope)
        })
    };
    view! {
        <figure class="panel chart">
            <figcaption>
                <span>{move || state.t().chart_loss_title}</span>
            </figcaption>
            <canvas node_ref=canvas data-testid="chart-loss" role="img" aria-label=alt></canvas>
        </figure>
    }
}
