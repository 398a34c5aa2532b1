//! The parameters: for each one a slider and a number field, always in sync. The field
//! takes exact values (8, 11.5, 11,5); the slider's range covers the current value and
//! the minimum, and widens when a value outside it is typed.

use crate::i18n::{format_exact, format_number};
use crate::state::LessonState;
use descent_core::parse_number;
use leptos::prelude::*;

/// How many slider positions span the range.
const SLIDER_STEPS: f64 = 1000.0;

/// A slider and a field for every parameter of the model (frozen ones have only the
/// field, and are marked frozen).
#[component]
pub fn Parameters(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let count = Memo::new(move |_| state.session.with(|s| s.lesson().model.param_count()));
    view! {
        <section class="panel parameters" aria-labelledby="parameters-heading">
            <h2 id="parameters-heading" class="visually-hidden">
                {move || state.t().panel_parameter}
            </h2>
            <For
                each=move || 0..count.get()
                key=|i| *i
                children=move |i| view! { <Parameter state index=i /> }
            />
        </section>
    }
}

/// One parameter's slider and field.
#[component]
fn Parameter(
    /// The lesson's reactive state.
    state: LessonState,
    /// Which parameter, in the model's order.
    index: usize,
) -> impl IntoView {
    let lang = move || state.lang.get();
    let name = Memo::new(move |_| {
        state.session.with(|s| {
            s.lesson()
                .model
                .param_names()
                .get(index)
                .copied()
                .unwrap_or("a")
        })
    });
    let value = Memo::new(move |_| {
        state
            .session
            .with(|s| s.params().get(index).copied().unwrap_or(0.0))
    });
    let range = Memo::new(move |_| state.session.with(|s| s.range(index)));
    let frozen = Memo::new(move |_| state.session.with(|s| s.problem().is_frozen(index)));
    // The field's own text while the student types in it, so a half-typed number
    // ("11,") is neither rewritten nor lost.
    let typed: RwSignal<Option<String>> = RwSignal::new(None);
    let invalid = move || typed.get().is_some_and(|t| parse_number(&t).is_err());
    let field_text = move || {
        typed
            .get()
            .unwrap_or_else(|| format_number(value.get(), lang()))
    };
    let step = move || {
        let (lo, hi) = range.get();
        format_exact((hi - lo) / SLIDER_STEPS)
    };
    view! {
        <div class="parameter" class:frozen=frozen>
            <label class="parameter-name" for=move || format!("param-{}", name.get())>
                {move || name.get()}
                " ="
            </label>
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                class="param-field"
                id=move || format!("param-{}", name.get())
                data-testid=move || format!("param-{}", name.get())
                data-value=move || format_exact(value.get())
                class:invalid=invalid
                aria-invalid=move || if invalid() { "true" } else { "false" }
                prop:value=field_text
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    if let Ok(v) = parse_number(&text) {
                        state.set_param(index, v);
                    }
                    typed.set(Some(text));
                }
                on:blur=move |_| {
                    if !invalid() {
                        typed.set(None);
                    }
                }
            />
            <Show when=move || !frozen.get()>
                <input
                    type="range"
                    class="slider"
                    data-testid=move || format!("slider-{}", name.get())
                    aria-label=move || name.get()
                    min=move || format_exact(range.get().0)
                    max=move || format_exact(range.get().1)
                    step=step
                    prop:value=move || format_exact(value.get())
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            typed.set(None);
                            state.set_param(index, v);
                        }
                    }
                />
            </Show>
            <Show when=move || frozen.get()>
                <span class="hint">{move || state.t().parameter_frozen}</span>
            </Show>
        </div>
    }
}
