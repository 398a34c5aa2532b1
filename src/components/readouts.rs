//! The large readouts: L and ∂L/∂θ at the current parameters, and the minimum.

use crate::i18n::{format_exact, format_number, formula_words};
use crate::state::LessonState;
use descent_core::Optimum;
use leptos::prelude::*;

/// L, each free parameter's derivative, and the minimum where a closed form exists.
#[component]
pub fn Readouts(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let lang = move || state.lang.get();
    let evaluation = Memo::new(move |_| state.session.with(|s| s.evaluation()));
    // With no usable row, L is an empty sum: 0, which would read as a perfect fit. The
    // readouts show "—" (no value) instead, and the status line says why.
    let no_data = Memo::new(move |_| state.session.with(|s| !s.has_data()));
    let shown = move |v: f64| if no_data.get() { f64::NAN } else { v };
    let loss = move || shown(evaluation.with(|e| e.loss));
    // A typed formula not defined at some row: L is "not defined here", in words.
    let undefined = Memo::new(move |_| state.session.with(|s| s.first_undefined().is_some()));
    let names = Memo::new(move |_| state.session.with(|s| s.lesson().model.param_names()));
    let free = Memo::new(move |_| {
        state.session.with(|s| {
            (0..s.lesson().model.param_count())
                .filter(|i| !s.is_frozen(*i))
                .collect::<Vec<_>>()
        })
    });
    let minimum = Memo::new(move |_| {
        state.session.with(|s| match s.optimum() {
            Optimum::Unique(best) => Some(best),
            _ => None,
        })
    });
    view! {
        <section class="panel readouts" aria-live="polite">
            <div class="readout">
                <span class="readout-label">{state.tr(|t| t.readout_loss)}</span>
                <output
                    class="readout-value"
                    data-testid="loss-value"
                    data-value=move || format_exact(loss())
                >
                    {move || {
                        if undefined.get() {
                            formula_words(lang()).loss_not_defined.to_owned()
                        } else {
                            format_number(loss(), lang())
                        }
                    }}
                </output>
            </div>
            {
                // Indexed rows, written again in place when their number changes (no keyed list:
                // see `components::history`).
                let gradient = move |i| {
                    let name = move || names.get().get(i).copied().unwrap_or("a");
                    let value = move || shown(evaluation.with(|e| e.gradient.get(i).copied().unwrap_or(0.0)));
                    let testid = if i == 0 { "gradient-value".to_owned() } else { format!("gradient-value-{i}") };
                    view! {
                        <div class="readout">
                            <span class="readout-label">{move || format!("∂L/∂{}", name())}</span>
                            <output
                                class="readout-value"
                                data-testid=testid
                                data-value=move || format_exact(value())
                            >
                                {move || format_number(value(), lang())}
                            </output>
                        </div>
                    }
                };
                move || free.get().into_iter().map(gradient).collect_view()
            }
            <Show when=move || minimum.with(Option::is_some)>
                <div class="readout small">
                    <span class="readout-label">{state.tr(|t| t.readout_minimum)}</span>
                    <output class="readout-value" data-testid="minimum-value">
                        {move || {
                            minimum
                                .get()
                                .map(|best| {
                                    best.iter()
                                        .zip(names.get())
                                        .map(|(v, n)| format!("{n}* = {}", format_number(*v, lang())))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                })
                                .unwrap_or_default()
                        }}
                    </output>
                </div>
            </Show>
        </section>
    }
}
