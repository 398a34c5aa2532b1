//! The history of steps: k, a, L, ∂L/∂a, next a.

use crate::i18n::{format_exact, format_number};
use crate::state::LessonState;
use leptos::prelude::*;

/// How many of the latest steps the table shows.
pub const SHOWN_STEPS: usize = 100;

/// The table of steps taken, newest last.
#[component]
pub fn History(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let lang = move || state.lang.get();
    let len = Memo::new(move |_| state.session.with(|s| s.history().len()));
    let first = move || len.get().saturating_sub(SHOWN_STEPS);
    let row = move |k: usize| {
        // A memo per row: a new step changes the session, but not the rows already shown,
        // so autoplay rewrites one row per step instead of every cell of the table.
        let step = Memo::new(move |_| state.session.with(|s| s.history().get(k).cloned()));
        let step = move || step.get();
        let cell = move |f: fn(&descent_core::Step) -> f64| {
            move || {
                step()
                    .map(|s| format_number(f(&s), lang()))
                    .unwrap_or_default()
            }
        };
        let exact = move || {
            step()
                .map(|s| format_exact(s.after.first().copied().unwrap_or(0.0)))
                .unwrap_or_default()
        };
        view! {
            <tr>
                <td>{k + 1}</td>
                <td>{cell(|s| s.before.first().copied().unwrap_or(0.0))}</td>
                <td>{cell(|s| s.loss_before)}</td>
                <td>{cell(|s| s.gradient.first().copied().unwrap_or(0.0))}</td>
                <td data-value=exact>{cell(|s| s.after.first().copied().unwrap_or(0.0))}</td>
            </tr>
        }
    };
    view! {
        <section class="panel history" aria-labelledby="history-heading">
            <h2 id="history-heading">{state.tr(|t| t.panel_history)}</h2>
            <div class="table-scroll history-scroll">
                <table data-testid="history-table">
                    <thead>
                        <tr>
                            <th scope="col">"k"</th>
                            <th scope="col">"a"</th>
                            <th scope="col">"L"</th>
                            <th scope="col">"∂L/∂a"</th>
                            <th scope="col">{state.tr(|t| t.history_next_a)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || first()..len.get() key=|k| *k children=row />
                    </tbody>
                </table>
            </div>
            <Show when=move || len.get() == 0>
                <p class="hint">{state.tr(|t| t.history_empty)}</p>
            </Show>
        </section>
    }
}
