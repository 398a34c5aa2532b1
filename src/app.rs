//! `<App/>`: creates the lesson state, runs autoplay, and lays out the panels.

use crate::components::{
    ConfirmDialog, CopyByHand, DataChartView, DataTable, DescentControls, HelpOverlay, History,
    LossChartView, ModelPanel, Parameters, Readouts, StatusMessage, Toolbar, Worked,
};
use crate::i18n::Lang;
use crate::state::LessonState;
use leptos::prelude::*;
use std::time::Duration;

/// The whole lesson screen, opening a share link, the saved work or the lecture's lesson
/// (see [`crate::classroom`]).
#[component]
pub fn App() -> impl IntoView {
    let state = crate::classroom::restore(browser_language());
    view! { <Lesson state /> }
}

/// The lesson screen around a given state (browser tests mount it with their own).
#[component]
pub fn Lesson(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    use_autoplay(state);
    let classroom = crate::classroom::use_classroom(state);
    view! {
        <div class="app" class:projector=move || state.projector.get() lang=move || state.lang.get().code()>
            <header class="topbar">
                <div class="title">
                    <h1>{move || state.t().app_title}</h1>
                    <p class="subtitle">{move || state.t().app_subtitle}</p>
                </div>
                <div class="toolbar">
                    <Toolbar state classroom />
                    <label class="field inline">
                        <span class="visually-hidden">{move || state.t().language_label}</span>
                        <select
                            data-testid="language-select"
                            prop:value=move || state.lang.get().code()
                            on:change=move |ev| {
                                if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                                    state.lang.set(lang);
                                }
                            }
                        >
                            {Lang::ALL
                                .into_iter()
                                .map(|l| view! { <option value=l.code()>{l.native_name()}</option> })
                                .collect_view()}
                        </select>
                    </label>
                    <button
                        data-testid="projector-button"
                        aria-pressed=move || if state.projector.get() { "true" } else { "false" }
                        on:click=move |_| state.projector.update(|p| *p = !*p)
                    >
                        {move || state.t().projector_mode}
                    </button>
                </div>
            </header>
            <main class="layout">
                <div class="column left">
                    <DataTable state />
                    <ModelPanel state />
                </div>
                <div class="column center">
                    <DataChartView state />
                    <LossChartView state />
                </div>
                <div class="column right">
                    <Parameters state />
                    <Readouts state />
                    <DescentControls state />
                    <StatusMessage state classroom />
                    <Worked state />
                    <History state />
                </div>
            </main>
            <HelpOverlay state classroom />
            <ConfirmDialog
                state
                open=classroom.confirm_new_lesson
                title=Signal::derive(move || state.t().new_lesson)
                message=Signal::derive(move || state.t().new_lesson_confirm)
                on_confirm=Callback::new(move |()| crate::classroom::start_new_lesson(state, classroom))
            />
            <CopyByHand state classroom />
        </div>
    }
}

/// Steps at the chosen speed while `playing` is set; the timer is replaced when the speed
/// changes, cleared on pause, and cleared when the lesson screen goes (an interval left
/// running would step a disposed session).
fn use_autoplay(state: LessonState) {
    let timer = StoredValue::new(None::<IntervalHandle>);
    let clear = move || {
        if let Some(Some(handle)) = timer.try_update_value(Option::take) {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        clear();
        if !state.playing.get() {
            return;
        }
        let speed = state.speed.get().clamp(1, 60);
        let handle = set_interval_with_handle(
            move || state.step(),
            Duration::from_millis(u64::from(1000 / speed)),
        )
        .ok();
        let _ = timer.try_set_value(handle);
    });
    on_cleanup(clear);
}

/// The browser's preferred language: Lithuanian when it asks for `lt`, else English.
fn browser_language() -> Lang {
    #[cfg(target_arch = "wasm32")]
    {
        let languages: Vec<String> = web_sys::window()
            .map(|w| w.navigator().languages())
            .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default();
        Lang::from_browser_languages(&languages)
    }
    #[cfg(not(target_arch = "wasm32"))]
    Lang::default()
}
