//! The loss-against-step chart (`chart-steps`): L on a log axis against the step, one line
//! per optimizer of the race, drawn through the same canvas pipeline as the other charts.
//! Shown while a race is on, in the race's results beside the table (the centre column
//! keeps its three charts at a usable height), and, with the lesson's own descent as its
//! one line, for a model of three or four free parameters ([`shows_steps_chart`]).

use super::canvas_redraw::use_chart_canvas;
use crate::chart_data::steps_chart;
use crate::i18n::race::race_words;
use crate::state::{shows_steps_chart, LessonState};
use leptos::html::Canvas;
use leptos::prelude::*;

/// The loss-against-step chart.
#[component]
pub fn StepsChartView(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let on = Memo::new(move |_| state.session.with(shows_steps_chart));
    let chart = Memo::new(move |_| {
        let lang = state.lang.get();
        let words = race_words(lang);
        let empty = state.t().chart_loss_empty;
        state
            .session
            .with(|s| steps_chart(s, lang, words.steps_axis, empty))
    });
    use_chart_canvas(canvas, chart, state);
    let title = move || race_words(state.lang.get()).steps_chart_title;
    view! {
        <figure class="chart steps-chart" hidden=move || !on.get()>
            <figcaption>
                <span>{title}</span>
            </figcaption>
            <div class="stack">
                <canvas node_ref=canvas data-testid="chart-steps" role="img" aria-label=title></canvas>
            </div>
        </figure>
    }
}
