//! The own-formula field (issue 11): `ŷ =` and a text field applied as the teacher types,
//! a menu of examples, what is wrong with the text (worded in the interface language,
//! the wrong part underlined) while the last good model keeps working, and the symbolic
//! derivatives ∂ŷ/∂a, ∂ŷ/∂b … of the model in use.
//!
//! Applied on every keystroke, like the sliders and the table: the charts follow the
//! formula as it is written, and a half-typed text (`a*x +`) only shows its error, since
//! the model in use changes only when the text is a usable formula.

use crate::formula_text::problem;
use crate::i18n::{formula_problem, formula_words, Lang};
use crate::state::LessonState;
use descent_core::FormulaError;
use leptos::prelude::*;

/// The examples of the menu, as typed.
pub const EXAMPLES: [&str; 5] = [
    "a*x^2",
    "a*sin(b*x)",
    "a*exp(-b*x)",
    "1/(1 + exp(-(a*x + b)))",
    "a*x + b - 2a^2",
];

/// The text cut around the error's span (in characters): before, the span, after.
fn split_at_span(text: &str, (start, end): (usize, usize)) -> (String, String, String) {
    let chars: Vec<char> = text.chars().collect();
    let start = start.min(chars.len());
    let end = end.clamp(start, chars.len());
    let part = |r: std::ops::Range<usize>| chars.get(r).unwrap_or(&[]).iter().collect::<String>();
    (part(0..start), part(start..end), part(end..chars.len()))
}

/// The field, its examples, its error and the derivatives.
#[component]
pub fn FormulaField(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let lang = move || state.lang.get();
    let words = move || formula_words(lang());
    let source = Memo::new(move |_| {
        state
            .session
            .with(|s| s.lesson().model.as_formula().map(|f| f.source().to_owned()))
    });
    // The text while it is not the model's (an error): kept exactly as typed, with the
    // model's text it was typed over. Once the model changes otherwise (a lesson opened,
    // a link) the field shows the new model's text again.
    let wrong: RwSignal<Option<(String, FormulaError, Option<String>)>> = RwSignal::new(None);
    let typed = Memo::new(move |_| {
        let now = source.get();
        wrong.with(|w| {
            w.as_ref()
                .filter(|(_, _, over)| *over == now)
                .map(|(text, error, _)| (text.clone(), error.clone()))
        })
    });
    let apply = move |text: String| match state.set_formula(&text) {
        Ok(()) => wrong.set(None),
        Err(error) => wrong.set(Some((text, error, source.get_untracked()))),
    };
    // The model's formula in the interface's writing: stored with decimal points, shown
    // with decimal commas in Lithuanian, so that switching the language never leaves a
    // text the other reading flags.
    let shown = Memo::new(move |_| {
        let comma = lang() == Lang::Lt;
        state
            .session
            .with(|s| s.lesson().model.as_formula().map(|f| f.source_in(comma)))
    });
    let text = move || {
        typed
            .with(|t| t.as_ref().map(|(text, _)| text.clone()))
            .or_else(|| shown.get())
            .unwrap_or_default()
    };
    let span = move || typed.with(|t| t.as_ref().map(|(text, error)| error.span.chars(text)));
    let message = move || {
        let lang = lang();
        typed.with(|t| {
            t.as_ref()
                .map(|(_, error)| formula_problem(lang, problem(&error.kind)))
        })
    };
    let derivatives = Memo::new(move |_| {
        let comma = state.lang.get() == Lang::Lt;
        state.session.with(|s| s.derivative_texts(comma))
    });
    let model_in_use = move || {
        let comma = lang() == Lang::Lt;
        state.session.with(|s| s.lesson().model.formula_in(comma))
    };
    view! {
        <div class="formula-field">
            <div class="formula-line">
                <label class="formula-label" for="formula-input">
                    <span aria-hidden="true">"ŷ ="</span>
                    <span class="visually-hidden">{move || words().field_label}</span>
                </label>
                <input
                    id="formula-input"
                    type="text"
                    class="formula-input"
                    data-testid="formula-input"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    maxlength="1000"
                    aria-invalid=move || if typed.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby="formula-error"
                    prop:value=text
                    on:input=move |ev| apply(event_target_value(&ev))
                />
                <select
                    class="formula-examples"
                    data-testid="formula-examples"
                    aria-label=move || words().examples
                    prop:value=""
                    on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        if !chosen.is_empty() {
                            apply(chosen);
                        }
                    }
                >
                    <option value="">{move || words().examples}</option>
                    {EXAMPLES
                        .into_iter()
                        .map(|e| view! { <option value=e>{e}</option> })
                        .collect_view()}
                </select>
            </div>
            <Show when=move || typed.with(Option::is_some)>
                <p class="formula-echo" aria-hidden="true">
                    {move || {
                        let (before, wrong, after) = split_at_span(&text(), span().unwrap_or((0, 0)));
                        let empty = wrong.is_empty();
                        view! {
                            <span>{before}</span>
                            <span class="formula-wrong" class:formula-caret=empty>{wrong}</span>
                            <span>{after}</span>
                        }
                    }}
                </p>
                <p
                    id="formula-error"
                    class="formula-error"
                    data-testid="formula-error"
                    role="alert"
                    data-start=move || span().map(|s| s.0.to_string())
                    data-end=move || span().map(|s| s.1.to_string())
                >
                    {message}
                </p>
                <p class="hint formula-kept" data-testid="formula-in-use">
                    {move || words().still_in_use}" "<span class="formula">{model_in_use}</span>
                </p>
            </Show>
            <div class="derivatives" aria-label=move || words().derivatives>
                <For
                    each=move || derivatives.get()
                    key=|d| d.clone()
                    children=move |(name, text)| {
                        view! {
                            <p class="formula derivative" data-testid=format!("derivative-{name}")>
                                {format!("∂ŷ/∂{name} = {text}")}
                            </p>
                        }
                    }
                />
            </div>
        </div>
    }
}
