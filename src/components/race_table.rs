//! The race table and the optimizers' update rules (issue 10), shown while a race is on:
//! one row per ticked optimizer (`race-<id>`, with its exact a, b, L and step in `data-*`
//! attributes), in its series colour and marker; where the next step falls in the epochs
//! when the batch is smaller than the table; and each optimizer's next update written out
//! with its numbers ([`crate::race_text::update_lines`]).

use crate::chart_data::series_look;
use crate::i18n::race::{optimizer_name, race_position, race_words};
use crate::i18n::{format_exact, format_number};
use crate::race_text::{outcome_text, update_lines};
use crate::state::{racing, LessonState};
use leptos::prelude::*;

/// The race table and the update rules.
#[component]
pub fn RaceTable(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let lang = move || state.lang.get();
    let words = move || race_words(lang());
    let on = Memo::new(move |_| state.session.with(racing));
    let rows = Memo::new(move |_| state.session.with(|s| s.race_rows()));
    let names = Memo::new(move |_| {
        state.session.with(|s| {
            let names = s.lesson().model.param_names();
            (0..names.len())
                .filter(|i| !s.is_frozen(*i))
                .map(|i| (i, names[i]))
                .collect::<Vec<_>>()
        })
    });
    let mini_batch = Memo::new(move |_| state.session.with(|s| s.race().batching().size.is_some()));
    let position = move || {
        rows.with(|rows| {
            rows.first().map(|r| {
                race_position(
                    lang(),
                    r.position.epoch + 1,
                    r.position.batch + 1,
                    r.position.batches_per_epoch,
                )
            })
        })
    };
    let rules = move || {
        let lang = lang();
        let names = names.get();
        state.session.with(|s| {
            s.race()
                .lanes()
                .iter()
                .map(|lane| {
                    let id = lane.id();
                    let lines: Vec<String> = s
                        .race_update(id)
                        .map(|u| {
                            names
                                .iter()
                                .flat_map(|(i, name)| update_lines(&u, *i, name, lang))
                                .collect()
                        })
                        .unwrap_or_default();
                    let (colour, shape) = series_look(id);
                    view! {
                        <li data-testid=format!("race-rule-{id}")>
                            <span class=format!("series-marker shape-{shape}") style=format!("color:{colour}") aria-hidden="true"></span>
                            <strong>{optimizer_name(lang, id)}</strong>
                            {lines
                                .into_iter()
                                .map(|l| view! { <span class="formula">{l}</span> })
                                .collect_view()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let body = move || {
        let lang = lang();
        rows.get()
            .into_iter()
            .map(|row| {
                let (colour, shape) = series_look(row.id);
                let a = row.params.first().copied();
                let b = row.params.get(1).copied();
                let number = move |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format_number(v, lang));
                view! {
                    <tr
                        data-testid=format!("race-{}", row.id)
                        data-a=a.map(format_exact).unwrap_or_default()
                        data-b=b.map(format_exact).unwrap_or_default()
                        data-loss=format_exact(row.loss)
                        data-step=row.step.to_string()
                        data-outcome=format!("{:?}", row.outcome)
                        style=format!("--series:{colour}")
                    >
                        <th scope="row">
                            <span class=format!("series-marker shape-{shape}") style=format!("color:{colour}") aria-hidden="true"></span>
                            {optimizer_name(lang, row.id)}
                        </th>
                        <td>{row.step}</td>
                        <td>{number(a)}</td>
                        <td>{number(b)}</td>
                        <td>{format_number(row.loss, lang)}</td>
                        <td>{format_number(row.gradient_norm, lang)}</td>
                        <td class="outcome">{outcome_text(lang, row.outcome)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel race-results" hidden=move || !on.get() aria-labelledby="race-table-caption">
            <table class="race-table">
                <caption id="race-table-caption">{move || words().table_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || words().column_optimizer}</th>
                        <th scope="col">{move || words().column_step}</th>
                        <th scope="col">"a"</th>
                        <th scope="col">"b"</th>
                        <th scope="col">"L"</th>
                        <th scope="col">"‖∇L‖"</th>
                        <th scope="col">{move || words().column_outcome}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            <Show when=move || mini_batch.get()>
                <p class="hint" data-testid="race-position">{position}</p>
            </Show>
            <h3>{move || words().rules_heading}</h3>
            <ul class="race-rules">{rules}</ul>
        </section>
    }
}
