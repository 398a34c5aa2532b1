//! The race panel of the first-load build (`classroom::full_app`): the same heading and
//! optimizer checkboxes (`optimizer-<id>`) as [`RacePanel`](super::RacePanel), without
//! the settings, the table or the charts that build leaves out. Ticking one puts the
//! optimizer in the lesson's race, which hands the lesson to the full build; there the
//! box is ticked and the race is on.

use crate::chart_data::series_look;
use crate::i18n::race::{optimizer_name, race_words};
use crate::state::LessonState;
use descent_core::Session;
use leptos::prelude::*;

/// The optimizers to tick, each with its name, colour and marker.
#[component]
pub fn RaceEntry(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let lang = move || state.lang.get();
    view! {
        <section class="panel race" aria-labelledby="race-heading" data-testid="race-panel">
            <h2 id="race-heading">{move || race_words(lang()).heading}</h2>
            <p class="hint">{move || race_words(lang()).intro}</p>
            <ul class="race-optimizers">
                {Session::optimizer_ids()
                    .map(|id| {
                        let ticked = Memo::new(move |_| state.session.with(|s| s.is_racing(id)));
                        view! { <li class="race-optimizer"><RaceTick state id ticked /></li> }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// One optimizer's checkbox (`optimizer-<id>`) with its colour, marker and name: ticking
/// it puts the optimizer in the race, unticking takes it out (and stops autoplay). Shared
/// by this build's panel and the full [`RacePanel`](super::RacePanel).
#[component]
pub fn RaceTick(
    /// The lesson's reactive state.
    state: LessonState,
    /// The optimizer's registry id.
    id: &'static str,
    /// Whether it is in the race.
    ticked: Memo<bool>,
) -> impl IntoView {
    let (colour, shape) = series_look(id);
    view! {
        <label class="race-tick">
            <input
                type="checkbox"
                data-testid=format!("optimizer-{id}")
                prop:checked=move || ticked.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.playing.set(false);
                    state.session.update(|s| {
                        let _ = s.set_racing(id, on);
                    });
                }
            />
            <span class=format!("series-marker shape-{shape}") style=format!("color:{colour}") aria-hidden="true"></span>
            <span>{move || optimizer_name(state.lang.get(), id)}</span>
        </label>
    }
}
