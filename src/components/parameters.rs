//! The parameters: for each one a slider and a number field, always in sync. The field
//! takes exact values (8, 11.5, 11,5); a value beyond ±10¹² is limited to the bound, and
//! the field then shows the bound and says so in words. The slider spans the session's range for the
//! parameter ([`descent_core::Session::range`]: the range fitted to the problem, widened
//! only while the value lies outside it) in round steps ([`descent_core::Session::slider`]), so a drag lands
//! on 8, 9.8 or 10 exactly.

use crate::i18n::{
    format_exact, format_number, parameter_limited, parameter_not_a_number, parameter_not_finite,
    Lang,
};
use crate::state::LessonState;
use descent_core::range::PARAM_BOUND;
use descent_core::table::NumberError;
use descent_core::{ParamInput, Session};
use leptos::prelude::*;

/// What a parameter field says under it about `typed`, the text it holds, when the text
/// is not taken as typed: not a number (the value stays `value`), or limited to the bound.
/// `None` for a number used as typed.
pub fn field_message(lang: Lang, name: &str, typed: &str, value: f64) -> Option<String> {
    let kept = format_number(value, lang);
    match Session::read_param(typed) {
        ParamInput::Value(_) => None,
        ParamInput::Limited { used, .. } => Some(parameter_limited(
            lang,
            name,
            typed,
            &format_number(PARAM_BOUND, lang),
            &format_number(used, lang),
        )),
        ParamInput::Invalid(NumberError::NotFinite) => {
            Some(parameter_not_finite(lang, name, typed, &kept))
        }
        ParamInput::Invalid(_) => Some(parameter_not_a_number(lang, name, typed, &kept)),
    }
}

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
                {state.tr(|t| t.panel_parameter)}
            </h2>
            {
                // Indexed rows, written again in place when their number changes (no keyed list:
                // see `components::history`).
                let parameter = move |i| view! { <Parameter state index=i /> };
                move || (0..count.get()).map(parameter).collect_view()
            }
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
    let invalid = move || {
        typed
            .get()
            .is_some_and(|t| Session::read_param(&t).value().is_none())
    };
    // The text last typed beyond ±10¹² and the bound it was limited to: said under the
    // field (which shows the bound once it loses focus) for as long as the value is it.
    let limited: RwSignal<Option<(String, f64)>> = RwSignal::new(None);
    let message = move || {
        let lang = lang();
        let name = name.get();
        if let Some(text) = typed.get() {
            if let Some(message) = field_message(lang, name, &text, value.get()) {
                return Some(message);
            }
        }
        limited
            .get()
            .filter(|(_, used)| *used == value.get())
            .and_then(|(text, _)| field_message(lang, name, &text, value.get()))
    };
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
                    let input = Session::read_param(&text);
                    if let Some(v) = input.value() {
                        state.set_param(index, v);
                    }
                    limited
                        .set(
                            match input {
                                ParamInput::Limited { used, .. } => Some((text.clone(), used)),
                                _ => None,
                            },
                        );
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
                        if let Some(v) = descent_core::decimal::parse_f64(&event_target_value(&ev)) {
                            typed.set(None);
                            limited.set(None);
                            state.slide_param(index, v);
                        }
                    }
                    // A drag ends (or an arrow key moved the slider): only now may the
                    // range change, never under the pointer.
                    on:change=move |_| state.end_slide()
                    // A drag back to where it began fires no `change`: letting go (or
                    // leaving the slider) ends it all the same.
                    on:pointerup=move |_| state.end_slide()
                    on:blur=move |_| state.end_slide()
                />
            </Show>
            <Show when=move || frozen.get()>
                <span class="hint">{state.tr(|t| t.parameter_frozen)}</span>
            </Show>
            // The red field alone does not say that the value was not taken, and a value
            // limited to the bound must not be a silent surprise either.
            <Show when=move || message().is_some()>
                <p
                    class="param-error"
                    role="alert"
                    data-testid=move || format!("param-error-{}", name.get())
                >
                    {move || message().unwrap_or_default()}
                </p>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::cell_not_finite;

    #[test]
    fn a_value_beyond_the_bound_is_said_to_be_limited_in_words() {
        assert_eq!(
            field_message(Lang::En, "a", "1e15", 1e12).as_deref(),
            Some("a is limited to ±1e12: “1e15” is beyond it, so a = 1e12.")
        );
        assert_eq!(
            field_message(Lang::Lt, "a", "-1e15", -1e12).as_deref(),
            Some("a gali būti tik tarp ±1e12: „-1e15“ už šių ribų, todėl a = \u{2212}1e12.")
        );
        assert_eq!(field_message(Lang::En, "a", "11,5", 11.5), None);
    }

    #[test]
    fn a_number_too_large_to_compute_with_is_worded_as_in_the_table() {
        let field = field_message(Lang::En, "a", "1e309", 8.0).unwrap_or_default();
        assert_eq!(
            field,
            "“1e309” is too large a number to compute with: a stays 8."
        );
        let cell = cell_not_finite(Lang::En, 1, "x", "1e309");
        assert!(cell.contains("“1e309” is too large a number to compute with"));
        for lang in Lang::ALL {
            let field = field_message(lang, "a", "1e309", 8.0).unwrap_or_default();
            let cell = cell_not_finite(lang, 1, "x", "1e309");
            let shared = cell
                .split(": ")
                .nth(1)
                .unwrap_or_default()
                .trim_end_matches('.');
            assert!(field.starts_with(shared), "{field} / {cell}");
        }
        assert_eq!(
            field_message(Lang::En, "a", "abc", 8.0).as_deref(),
            Some("“abc” is not a number: a stays 8.")
        );
    }
}
