//! The loss chart: L(a), the current point with its tangent, the trail, the minima.

use super::canvas_redraw::use_chart_canvas;
use super::in_own_task;
use crate::chart_data::{
    alt_numbers, hold_loss_chart, landscape_is_deferred, landscape_of, loss_chart, LossHold,
    LossWords,
};
use crate::i18n::loss_chart_alt;
use crate::state::LessonState;
use descent_core::{LandscapeKey, LossLandscape, Session};
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
    let landscape = use_landscape(key);
    // While a slider, the map's point or a data point is dragged, or play runs: the axes
    // only widen, and a curve that moves (b or the data changing) is drawn with the marks
    // (`hold_loss_chart`). The first-load build leaves this out (it cost 400 B of the
    // first load): b is frozen there, so only a data point's drag moves the curve, and
    // the base is then redrawn with it at every move.
    let hold = StoredValue::new(None::<LossHold>);
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
        let mut chart = state
            .session
            .with(|s| landscape.with(|l| loss_chart(s, l, lang, words)));
        let held = crate::FULL_BUILD && state.holds_axes();
        let last = hold.try_update_value(Option::take).flatten();
        hold.set_value(held.then(|| hold_loss_chart(&mut chart, last)));
        chart
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
            // The box of the chart's stack of canvases (`charts::canvas::stack`).
            <div class="stack">
                <canvas node_ref=canvas data-testid="chart-loss" role="img" aria-label=alt></canvas>
            </div>
        </figure>
    }
}

/// The landscape of `key`, kept up to date: at once for few data points, in a task after
/// the one that changed the key for many ([`landscape_is_deferred`]: a typed formula
/// over 1 000 points would otherwise add milliseconds to the keystroke's task), with no
/// curve until then. A task of an older key does nothing.
fn use_landscape(key: Memo<LandscapeKey>) -> RwSignal<LossLandscape> {
    let at_once = |k: &LandscapeKey| (!landscape_is_deferred(k)).then(|| landscape_of(k));
    let first = key.with_untracked(at_once);
    // The key the landscape shown (or being computed) belongs to, and a count that makes
    // a frame of an older key do nothing.
    let computed_for = StoredValue::new(first.is_some().then(|| key.get_untracked()));
    let landscape = RwSignal::new(first.unwrap_or_default());
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        if key.with(|k| computed_for.with_value(|c| c.as_ref() == Some(k))) {
            return;
        }
        computed_for.set_value(Some(key.get_untracked()));
        let now = generation.get_value().wrapping_add(1);
        generation.set_value(now);
        if let Some(computed) = key.with_untracked(at_once) {
            landscape.set(computed);
            return;
        }
        landscape.set(LossLandscape::default());
        in_own_task(move || {
            if generation.try_get_value() == Some(now) {
                if let Some(computed) = key.try_with_untracked(landscape_of) {
                    landscape.try_set(computed);
                }
            }
        });
    });
    landscape
}
