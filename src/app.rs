//! `<App/>`: creates the lesson state, runs autoplay, and lays out the panels.

use crate::components::{
    ConfirmDialog, CopyByHand, DataChartView, DataTable, DescentControls, HelpOverlay, History,
    LossChartView, ModelPanel, Parameters, RaceEntry, RacePanel, RaceTable, Readouts,
    StatusMessage, SurfaceChartView, Toolbar, TourBar, Worked,
};
use crate::i18n::Lang;
use crate::state::LessonState;
use crate::walkthrough::{highlight_name, Walkthrough};
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
    use_settled_ranges(state);
    // The walkthrough is in the full build only: the first-load build's Walkthrough button
    // and `#tour=N` links hand over to it (crate::classroom::full_app). Provided before the
    // classroom's keys look for it.
    let walkthrough = crate::FULL_BUILD.then(Walkthrough::new);
    if let Some(walkthrough) = walkthrough {
        provide_context(walkthrough);
    }
    let classroom = crate::classroom::use_classroom(state);
    match walkthrough {
        Some(walkthrough) => {
            walkthrough
                .set_before_entering(move || crate::classroom::keep_work_aside(state, classroom));
            crate::walkthrough::use_tour_links(state, walkthrough);
        }
        None => crate::classroom::full_app::use_tour_links_in_first_load(state),
    }
    view! {
        <div
            class="app"
            class:projector=move || state.projector.get()
            lang=move || state.lang.get().code()
            data-highlight=move || walkthrough.and_then(|w| w.highlight()).map(highlight_name)
        >
            <header class="topbar">
                <div class="title">
                    <h1>{state.tr(|t| t.app_title)}</h1>
                    <p class="subtitle">{state.tr(|t| t.app_subtitle)}</p>
                </div>
                <Toolbar state classroom />
            </header>
            {walkthrough.map(|walkthrough| view! { <TourBar state walkthrough /> })}
            <main class="layout">
                <div class="column left">
                    <DataTable state classroom />
                    <ModelPanel state />
                    // The first-load build (crate::classroom::full_app) has the race's
                    // checkboxes only, and no map or race table.
                    {crate::FULL_BUILD.then(|| view! { <RacePanel state /> })}
                    {(!crate::FULL_BUILD).then(|| view! { <RaceEntry state /> })}
                </div>
                <div class="column center">
                    <DataChartView state />
                    <LossChartView state />
                    {crate::FULL_BUILD.then(|| view! { <SurfaceChartView state /> })}
                </div>
                <div class="column right">
                    <Parameters state />
                    <Readouts state />
                    <DescentControls state />
                    <StatusMessage state classroom />
                    {crate::FULL_BUILD.then(|| view! { <RaceTable state /> })}
                    <Worked state />
                    <History state />
                </div>
            </main>
            <HelpOverlay state classroom />
            <ConfirmDialog
                state
                open=classroom.confirm_new_lesson
                title=Signal::derive(move || {
                    let t = state.t();
                    if classroom.pending_preset.get().is_some() { t.preset_confirm_title } else { t.new_lesson }
                })
                message=Signal::derive(move || {
                    let t = state.t();
                    if classroom.pending_preset.get().is_some() { t.preset_confirm } else { t.new_lesson_confirm }
                })
                on_confirm=Callback::new(move |()| match classroom.pending_preset.get_untracked() {
                    Some(preset) => state.load_preset(preset),
                    None => crate::classroom::start_new_lesson(state, classroom),
                })
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

/// Fits the parameter ranges that a change of the problem left provisional
/// (`Session::ranges_pending`: a typed formula over many points, whose ranges need a scan
/// of ∂L/∂θ) in a task of their own after the one that changed it, so that a keystroke
/// does not also carry the scan.
fn use_settled_ranges(state: LessonState) {
    let scheduled = StoredValue::new(false);
    Effect::new(move |_| {
        if !state.session.with(descent_core::Session::ranges_pending) || scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        crate::components::in_own_task(move || {
            let _ = scheduled.try_set_value(false);
            if state
                .session
                .try_with_untracked(descent_core::Session::ranges_pending)
                == Some(true)
            {
                state.session.try_update(|s| {
                    s.settle_ranges();
                });
            }
        });
    });
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
