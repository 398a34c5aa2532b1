//! The parameters: for each one a slider and a number field, always in sync. The field
//! takes exact values (8, 11.5, 11,5). The slider spans the session's range for the
//! parameter ([`descent_core::Session::range`]: the range fitted to the problem, widened
//! only while the value lies outside it) in round steps ([`descent_core::Session::slider`]), so a drag lands
//! on 8, 9.8 or 10 exactly.

use crate::i18n::{format_exact, format_number, parameter_not_a_number};
use crate::state::LessonState;
use descent_core::parse_number;
use leptos::prelude::*;

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
    // (min, max, step) of the slider: round numbers, computed by the core.
    let grid = Memo::new(move |_| state.session.with(|s| s.slider(index)));
    let frozen = Memo::new(move |_| state.session.with(|s| s.is_frozen(index)));
    // The field's own text while the student types in it, so a half-typed number
    // ("11,") is neither rewritten nor lost.
    let typed: RwSignal<Option<String>> = RwSignal::new(None);
    let invalid = move || typed.get().is_some_and(|t| parse_number(&t).is_err());
    let field_text = move || {
        typed
            .get()
            .unwrap_or_else(|| format_number(value.get(), lang()))
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
                    min=move || format_exact(grid.get().0)
                    max=move || format_exact(grid.get().1)
                    step=move || format_exact(grid.get().2)
                    // The browser snaps the value to the grid whenever min, max or step
                    // change, with whichever of them is already new: after 9 on a scale
                    // from 6.2 in 0.1 came home to 6.28 in 0.01, it showed 8.98. So the
                    // value is written again after every change of the grid (this
                    // attribute comes last, and its effect runs after theirs).
                    prop:value=move || {
                        grid.track();
                        format_exact(value.get())
                    }
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            typed.set(None);
                            state.slide_param(index, v);
                        }
                    }
                    // A drag ends (or an arrow key moved the slider): only now may the
                    // range change, never under the pointer.
                    on:change=move |_| state.end_slide()
                />
            </Show>
            <Show when=move || frozen.get()>
                <span class="hint">{move || state.t().parameter_frozen}</span>
            </Show>
            // The red field alone does not say that the value was not taken.
            <Show when=invalid>
                <p
                    class="param-error"
                    role="alert"
                    data-testid=move || format!("param-error-{}", name.get())
                >
                    {move || {
                        parameter_not_a_number(
                            lang(),
                            name.get(),
                            &typed.get().unwrap_or_default(),
                            &format_number(value.get(), lang()),
                        )
                    }}
                </p>
            </Show>
        </div>
    }
}
