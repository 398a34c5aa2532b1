//! The two chart components. Each builds its chart's plain data from the session (a
//! memo), and one effect per canvas redraws it at most once per animation frame.

use crate::charts::{data_view, DataChart, LossChart, Residual, Tangent};
use crate::i18n::{data_chart_alt, format_number, loss_chart_alt};
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

/// What the "data and model" chart shows, read from a session.
pub fn data_chart(session: &Session, show_squares: bool, empty_message: &str) -> DataChart {
    let problem = session.problem();
    let params = session.params();
    let points: Vec<(f64, f64)> = problem.data.points().iter().map(|p| (p.x, p.y)).collect();
    let view = data_view(&points);
    let (lo, hi) = view.x;
    let model_line = (0..=LINE_SAMPLES)
        .map(|k| {
            let x = lo + (hi - lo) * k as f64 / LINE_SAMPLES as f64;
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
        highlighted: None,
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
        maximum_label: words.local_maximum.to_owned(),
        empty_message: words.empty.to_owned(),
        view: None,
    }
}

/// Redraws `canvas` from `input` at most once per animation frame, whenever the input,
/// the window size or the chart style changes.
fn use_canvas_redraw<T>(
    canvas: NodeRef<Canvas>,
    input: Memo<T>,
    state: LessonState,
    draw: fn(&web_sys::HtmlCanvasElement, &T, &crate::charts::ChartStyle),
) where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let pending = StoredValue::new(false);
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
            input.with_untracked(|value| draw(&element, value, &style));
        });
    });
}

#[cfg(target_arch = "wasm32")]
fn draw_data(
    canvas: &web_sys::HtmlCanvasElement,
    chart: &DataChart,
    style: &crate::charts::ChartStyle,
) {
    if let Some(area) = crate::charts::canvas::canvas_area(canvas) {
        let _ = crate::charts::draw_data_chart(area, chart, style);
    }
}

#[cfg(target_arch = "wasm32")]
fn draw_loss(
    canvas: &web_sys::HtmlCanvasElement,
    chart: &LossChart,
    style: &crate::charts::ChartStyle,
) {
    if let Some(area) = crate::charts::canvas::canvas_area(canvas) {
        let _ = crate::charts::draw_loss_chart(area, chart, style);
    }
}

// Natively there is no canvas; the components are only mounted in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn draw_data(_: &web_sys::HtmlCanvasElement, _: &DataChart, _: &crate::charts::ChartStyle) {}

#[cfg(not(target_arch = "wasm32"))]
fn draw_loss(_: &web_sys::HtmlCanvasElement, _: &LossChart, _: &crate::charts::ChartStyle) {}

/// The "data and model" chart: points, the model's line, residuals, squared errors.
#[component]
pub fn DataChartView(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let chart = Memo::new(move |_| {
        let empty = state.t().chart_data_empty;
        let squares = state.show_squares.get();
        state.session.with(|s| data_chart(s, squares, empty))
    });
    use_canvas_redraw(canvas, chart, state, draw_data);
    let alt = move || {
        let lang = state.lang.get();
        state.session.with(|s| {
            let e = s.evaluation();
            data_chart_alt(
                lang,
                s.lesson().model.formula(),
                &format_number(s.params().first().copied().unwrap_or(0.0), lang),
                &format_number(e.loss, lang),
            )
        })
    };
    view! {
        <figure class="panel chart">
            <figcaption>
                <span>{move || state.t().chart_data_title}</span>
                <label class="checkbox">
                    <input
                        type="checkbox"
                        data-testid="toggle-squares"
                        prop:checked=move || state.show_squares.get()
                        on:change=move |ev| state.show_squares.set(event_target_checked(&ev))
                    />
                    <span>{move || state.t().show_squared_errors}</span>
                </label>
            </figcaption>
            <canvas node_ref=canvas data-testid="chart-data" role="img" aria-label=alt></canvas>
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
            landscape.with(|l| {
                loss_chart(
                    s,
                    l,
                    label,
                    LossWords {
                        global_minimum: t.global_minimum,
                        local_minimum: t.local_minimum,
                        local_maximum: t.local_maximum,
                        empty: t.chart_loss_empty,
                    },
                )
            })
        })
    });
    use_canvas_redraw(canvas, chart, state, draw_loss);
    let alt = move || {
        let lang = state.lang.get();
        state.session.with(|s| {
            let e = s.evaluation();
            loss_chart_alt(
                lang,
                &format_number(s.params().first().copied().unwrap_or(0.0), lang),
                &format_number(e.loss, lang),
                &format_number(e.gradient.first().copied().unwrap_or(0.0), lang),
            )
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
