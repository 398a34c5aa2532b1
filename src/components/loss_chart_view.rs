//! The loss chart: L(a), the current point with its tangent, the trail, the minima.

use super::canvas_redraw::use_chart_canvas;
use crate::chart_data::{alt_numbers, landscape_of, loss_chart, LossWords};
use crate::i18n::loss_chart_alt;
use crate::state::LessonState;
use descent_core::Session;
use leptos::html::Canvas;
use leptos::prelude::*;

/// The loss chart: L(a), the current point with its tangent, the trail, the minima.
#[component]
pub fn LossChartView(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // Two memos, so that dragging a, which changes nothing in the landscape, never
    // resamples the curve.
    let key = Memo::new(move |_| state.session.with(Session::landscape_key));
    let landscape = Memo::new(move |_| key.with(landscape_of));
    let chart = Memo::new(move |_| {
        let lang = state.lang.get();
        let t = state.t();
        let too_large = crate::i18n::loss_too_large(lang);
        let words = LossWords {
            global_minimum: t.global_minimum,
            local_minimum: t.local_minimum,
            local_maximum: t.local_maximum,
            no_data: t.chart_loss_empty,
            too_large: &too_large,
        };
        state
            .session
            .with(|s| landscape.with(|l| loss_chart(s, l, lang, words)))
    });
    use_chart_canvas(canvas, chart, state);
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
                <span>{state.tr(|t| t.chart_loss_title)}</span>
            </figcaption>
            <canvas node_ref=canvas data-testid="chart-loss" role="img" aria-label=alt></canvas>
        </figure>
    }
}
