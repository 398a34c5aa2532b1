//! The worked arithmetic, as on the slides, with live numbers: the loss written out term
//! by term, the next update, and the sign rule.

use super::memo_in_full;
use crate::state::LessonState;
use crate::worked::{loss_sum_text, update_text};
use leptos::prelude::*;

/// The worked sum and the next update.
#[component]
pub fn Worked(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let lang = move || state.lang.get();
    let sum = move || {
        let lang = lang();
        let word = state.t().worked_terms;
        state.session.with(|s| loss_sum_text(s, lang, word))
    };
    // What the next Step would do, computed by descent-core without taking it.
    let next = Memo::new(move |_| state.session.with(|s| s.preview_step()));
    let updates = memo_in_full(move || {
        let lang = lang();
        next.get()
            .map(|step| {
                state.session.with(|s| {
                    let names = s.lesson().model.param_names();
                    (0..names.len())
                        .filter(|i| !s.is_frozen(*i))
                        .map(|i| update_text(&step, i, names[i], lang))
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    });
    // In the full build one paragraph per update, whose text alone follows it: a drag on
    // the map changes the numbers at every move, and rebuilding the paragraphs wrote their
    // attributes again. The first-load build rebuilds them (400 B less; BENCHMARKS.md).
    #[cfg(feature = "full")]
    let paragraphs = {
        let count = memo_in_full(move || updates.with(Vec::len));
        move || {
            (0..count.get())
                .map(|i| {
                    let text = move || updates.with(|u| u.get(i).cloned().unwrap_or_default());
                    view! { <p class="formula worked-update" data-testid="worked-update">{text}</p> }
                })
                .collect_view()
        }
    };
    #[cfg(not(feature = "full"))]
    let paragraphs = move || {
        updates
            .get()
            .into_iter()
            .map(|u| view! { <p class="formula worked-update" data-testid="worked-update">{u}</p> })
            .collect_view()
    };
    let sign_rule = move || {
        let t = state.t();
        let tolerance = state.session.with(|s| s.stop_rule().gradient_tolerance);
        next.get().map(|step| {
            let g = step.gradient.first().copied().unwrap_or(0.0);
            // Below the stopping tolerance the derivative is 0 for all a student can see.
            if g.abs() <= tolerance {
                t.sign_rule_zero
            } else if g < 0.0 {
                t.sign_rule_negative
            } else if g > 0.0 {
                t.sign_rule_positive
            } else {
                t.sign_rule_zero
            }
        })
    };
    view! {
        <section class="panel worked" aria-labelledby="worked-heading">
            <h2 id="worked-heading">{state.tr(|t| t.panel_worked)}</h2>
            <p class="formula worked-sum" data-testid="worked-sum">{sum}</p>
            // With no step possible (no data, an invalid γ) the heading would stand alone.
            <Show when=move || next.with(Option::is_some)>
                <p class="hint">{state.tr(|t| t.worked_next_step)}</p>
            </Show>
            {paragraphs}
            <p class="sign-rule" data-testid="sign-rule">{sign_rule}</p>
        </section>
    }
}
