//! The walkthrough's caption bar: what the slide says, "6 / 13", Back, Next, Leave.

use crate::i18n::tour_caption;
use crate::state::LessonState;
use crate::walkthrough::Walkthrough;
use leptos::prelude::*;

/// The caption bar, shown while the walkthrough runs.
#[component]
pub fn TourBar(
    /// The lesson's reactive state.
    state: LessonState,
    /// The walkthrough.
    walkthrough: Walkthrough,
) -> impl IntoView {
    let scene_number = move || walkthrough.tour.get().map_or(0, |t| t.scene() + 1);
    let count = walkthrough.scene_count();
    view! {
        <Show when=move || walkthrough.is_running()>
            <section
                class="tour-bar"
                data-testid="tour-caption"
                data-scene=move || scene_number().to_string()
                data-count=count.to_string()
                aria-label={state.tour_tr(|w| w.bar_label)}
            >
                <p class="tour-caption" aria-live="polite">
                    {move || walkthrough.caption().map(|c| tour_caption(state.lang.get(), c))}
                </p>
                <div class="tour-nav">
                    <button data-testid="tour-prev" on:click=move |_| walkthrough.previous(state)>
                        {state.tour_tr(|w| w.previous)}
                    </button>
                    <span class="tour-count">{move || format!("{} / {count}", scene_number())}</span>
                    <button data-testid="tour-next" on:click=move |_| walkthrough.next(state)>
                        {state.tour_tr(|w| w.next)}
                    </button>
                    <button
                        data-testid="tour-exit"
                        class="tour-exit"
                        aria-label={state.tour_tr(|w| w.exit)}
                        on:click=move |_| walkthrough.exit(state)
                    >
                        {state.tour_tr(|w| w.exit)}
                    </button>
                </div>
            </section>
        </Show>
    }
}
