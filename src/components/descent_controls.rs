//! Gradient descent's controls: γ with its limit, Step, Undo, Reset, Play/Pause and the
//! autoplay speed.

use super::memo_in_full;
use crate::i18n::{format_number, learning_rate_limit};
use crate::state::{can_step_all, has_steps, racing, LessonState, SPEEDS};
use leptos::prelude::*;

/// γ, the buttons and the speed picker.
#[component]
pub fn DescentControls(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let lang = move || state.lang.get();
    let can_step = Memo::new(move |_| state.session.with(can_step_all));
    // A race that has ended everywhere replays from the start on Play.
    let race_on = Memo::new(move |_| state.session.with(racing));
    let gamma_text =
        memo_in_full(move || state.session.with(|s| s.learning_rate_text().to_owned()));
    let gamma_invalid = Memo::new(move |_| state.session.with(|s| s.learning_rate().is_none()));
    let limit = Memo::new(move |_| state.session.with(|s| s.learning_rate_limit()));
    let over_limit = move || {
        state
            .session
            .with(|s| match (s.learning_rate(), s.learning_rate_limit()) {
                (Some(g), Some(l)) => g >= l,
                _ => false,
            })
    };
    let has_history = Memo::new(move |_| state.session.with(has_steps));
    let moved = Memo::new(move |_| {
        state
            .session
            .with(|s| s.lesson().params != s.lesson().start || has_steps(s))
    });
    view! {
        <section class="panel descent" aria-labelledby="descent-heading">
            <h2 id="descent-heading">{state.tr(|t| t.panel_descent)}</h2>
            <p class="formula">"a := a − γ · ∂L/∂a"</p>
            <div class="gamma-row">
                <label class="field gamma">
                    <span>{state.tr(|t| t.learning_rate_label)}</span>
                    <input
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        data-testid="learning-rate"
                        class:invalid=move || gamma_invalid.get()
                        aria-invalid=move || if gamma_invalid.get() { "true" } else { "false" }
                        prop:value=move || gamma_text.get()
                        on:input=move |ev| state.set_learning_rate_text(&event_target_value(&ev))
                    />
                </label>
                <p class="limit" class:warning=over_limit data-testid="learning-rate-limit">
                    {move || {
                        limit
                            .get()
                            .map(|l| learning_rate_limit(lang(), &format_number(l, lang())))
                            .unwrap_or_default()
                    }}
                    <Show when=over_limit>
                        " "
                        <strong data-testid="learning-rate-warning">
                            {state.tr(|t| t.learning_rate_over_limit)}
                        </strong>
                    </Show>
                </p>
            </div>
            <div class="buttons">
                <button
                    class="primary"
                    data-testid="step-button"
                    disabled=move || !can_step.get()
                    on:click=move |_| state.step()
                >
                    {state.tr(|t| t.button_step)}
                </button>
                <button
                    data-testid="undo-button"
                    disabled=move || !has_history.get()
                    on:click=move |_| state.undo()
                >
                    {state.tr(|t| t.button_undo)}
                </button>
                <button
                    data-testid="reset-button"
                    disabled=move || !moved.get()
                    on:click=move |_| state.reset()
                >
                    {state.tr(|t| t.button_reset)}
                </button>
                <button
                    data-testid="play-button"
                    aria-pressed=move || if state.playing.get() { "true" } else { "false" }
                    disabled=move || !can_step.get() && !race_on.get() && !state.playing.get()
                    on:click=move |_| state.toggle_play()
                >
                    {move || if state.playing.get() { state.t().button_pause } else { state.t().button_play }}
                </button>
                <label class="field speed">
                    <span>{state.tr(|t| t.speed_label)}</span>
                    <select
                        data-testid="speed-select"
                        prop:value=move || state.speed.get().to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<u32>() {
                                state.speed.set(v);
                            }
                        }
                    >
                        {SPEEDS
                            .into_iter()
                            .map(|s| view! { <option value=s.to_string()>{s.to_string()}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
        </section>
    }
}
