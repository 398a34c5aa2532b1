//! The race table and the optimizers' update rules (issue 10), shown while a race is on:
//! one row per ticked optimizer (`race-<id>`, with its exact a, b, L and step in `data-*`
//! attributes), in its series colour and marker; where the next step falls in the epochs
//! when the batch is smaller than the table; and each optimizer's next update written out
//! with its numbers; between them the loss-against-step chart, which alone stays for a
//! model of three or four free parameters without a race. The markup is written by [`crate::race_text`] as strings (see
//! [`race_table_html`] for why); this component only places it.

use super::StepsChartView;
use crate::i18n::race::{race_position, race_words};
use crate::race_text::{race_rules_html, race_table_html};
use crate::state::{racing, shows_steps_chart, LessonState};
use leptos::prelude::*;

/// The race table and the update rules.
#[component]
pub fn RaceTable(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let on = Memo::new(move |_| state.session.with(racing));
    let shown = Memo::new(move |_| state.session.with(shows_steps_chart));
    let table = move || {
        let lang = state.lang.get();
        state
            .session
            .with(|s| race_table_html(&s.race_rows(), lang))
    };
    // Where the next step falls, for mini-batches only (empty, and so hidden, otherwise).
    let position = move || {
        let lang = state.lang.get();
        state.session.with(|s| {
            s.race().batching().size.map_or_else(String::new, |_| {
                s.race_rows()
                    .first()
                    .map(|r| {
                        race_position(
                            lang,
                            r.position.epoch + 1,
                            r.position.batch + 1,
                            r.position.batches_per_epoch,
                        )
                    })
                    .unwrap_or_default()
            })
        })
    };
    let rules = move || {
        let lang = state.lang.get();
        state.session.with(|s| {
            let names = s.lesson().model.param_names();
            let params: Vec<(usize, &str)> = (0..names.len())
                .filter(|i| !s.is_frozen(*i))
                .map(|i| (i, names[i]))
                .collect();
            let updates: Vec<_> = s
                .race()
                .lanes()
                .iter()
                .map(|l| (l.id(), s.race_update(l.id())))
                .collect();
            race_rules_html(&updates, &params, lang)
        })
    };
    view! {
        <section class="panel race-results" hidden=move || !shown.get()>
            <table class="race-table" inner_html=table hidden=move || !on.get()></table>
            <p class="hint race-position" data-testid="race-position">{position}</p>
            <StepsChartView state />
            <h3 hidden=move || !on.get()>{move || race_words(state.lang.get()).rules_heading}</h3>
            <ul class="race-rules" inner_html=rules hidden=move || !on.get()></ul>
        </section>
    }
}
