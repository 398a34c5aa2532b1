//! The classroom toolbar in the top bar: copy a share link, start a new lesson, export,
//! fullscreen, the keyboard help, the language and projector mode.
//!
//! On a phone the lesson comes first: the toolbar folds away behind one Menu button
//! (CSS shows the button and hides the toolbar below 700 px), so the data chart, a and
//! Step are on the first screen instead of seven buttons.

use crate::classroom::{self, fullscreen, ClassroomState, Export};
use crate::i18n::{Lang, Strings};
use crate::state::{shows_steps_chart, LessonState};
use leptos::html::Details;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long the Copy link button says "Link copied".
const COPIED_FOR: Duration = Duration::from_secs(2);

/// The Menu button (shown on a phone only) and the toolbar it folds away.
#[component]
pub fn Toolbar(
    /// The lesson's reactive state.
    state: LessonState,
    /// Dialogs, fullscreen and saving.
    classroom: ClassroomState,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let toolbar = NodeRef::<leptos::html::Div>::new();
    let toggle = NodeRef::<leptos::html::Button>::new();
    let inside = move |target: Option<web_sys::EventTarget>| {
        let node = target.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let within = |element: Option<web_sys::HtmlElement>| {
            element.is_some_and(|e| node.as_ref().is_some_and(|n| e.contains(Some(n))))
        };
        within(toolbar.get_untracked().map(Into::into))
            || within(toggle.get_untracked().map(Into::into))
    };
    // An open menu covers the lesson: a tap elsewhere folds it away again.
    let handle = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if open.get_untracked() && !inside(ev.target()) {
            open.set(false);
        }
    });
    on_cleanup(move || handle.remove());
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if open.get_untracked() && matches!(ev.key().as_str(), "Escape" | "Esc") {
            open.set(false);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <button
            type="button"
            class="toolbar-toggle"
            data-testid="toolbar-toggle"
            aria-controls="toolbar"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            node_ref=toggle
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {state.tr(|t| t.toolbar_menu)}
        </button>
        <div class="toolbar" id="toolbar" class:open=move || open.get() node_ref=toolbar on:keydown=on_keydown>
            <ToolbarItems state classroom />
            <label class="field inline">
                <span class="visually-hidden">{state.tr(|t| t.language_label)}</span>
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
                {state.tr(|t| t.projector_mode)}
            </button>
        </div>
    }
}

/// Copy link, New lesson, Export, Fullscreen and `?`.
#[component]
fn ToolbarItems(
    /// The lesson's reactive state.
    state: LessonState,
    /// Dialogs, fullscreen and saving.
    classroom: ClassroomState,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let on_copy_link = move |_| {
        classroom::copy_link(state, classroom, move || {
            copied.set(true);
            set_timeout(move || copied.set(false), COPIED_FOR);
        })
    };
    let fullscreen_label = move || {
        let t = state.t();
        if classroom.fullscreen.get() {
            t.exit_fullscreen
        } else {
            t.fullscreen
        }
    };
    // The walkthrough runs in the full build; the first-load build's button hands over to
    // it (classroom::full_app::start_walkthrough_in_full), so it is shown in both.
    let walkthrough =
        use_context::<crate::walkthrough::Walkthrough>().filter(|_| crate::FULL_BUILD);
    let has_button = walkthrough.is_some() || !crate::FULL_BUILD;
    view! {
        {has_button.then(|| view! {
            <button
                type="button"
                data-testid="tour-button"
                class="tour-button"
                aria-label={state.tour_tr(|w| w.start)}
                title={state.tour_tr(|w| w.start)}
                aria-pressed=move || {
                    if walkthrough.is_some_and(|tour| tour.is_running()) { "true" } else { "false" }
                }
                on:click=move |_| match walkthrough {
                    Some(tour) if tour.is_running_untracked() => tour.exit(state),
                    Some(tour) => tour.start(state, 0),
                    None => classroom::full_app::start_walkthrough_in_full(state, classroom),
                }
            >
                <span aria-hidden="true">"▶"</span>
                <span class="tour-label">{state.tour_tr(|w| w.start)}</span>
            </button>
        })}
        <button type="button" data-testid="copy-link" on:click=on_copy_link>
            {move || if copied.get() { state.t().link_copied } else { state.t().copy_link }}
        </button>
        <button
            type="button"
            data-testid="new-lesson"
            aria-haspopup="dialog"
            on:click=move |_| classroom.ask_new_lesson()
        >
            {state.tr(|t| t.new_lesson)}
        </button>
        <ExportMenu state classroom />
        <Show when=fullscreen::is_supported>
            <button
                type="button"
                data-testid="fullscreen-button"
                aria-pressed=move || if classroom.fullscreen.get() { "true" } else { "false" }
                on:click=move |_| fullscreen::toggle()
            >
                {fullscreen_label}
            </button>
        </Show>
        <button
            type="button"
            class="help-button"
            data-testid="help-button"
            aria-haspopup="dialog"
            aria-label={state.tr(|t| t.keyboard_help_title)}
            title={state.tr(|t| t.keyboard_help_title)}
            on:click=move |_| classroom.help_open.set(true)
        >
            "?"
        </button>
    }
}

/// The export menu: a disclosure (`<details>`) listing the six exports. The history
/// exports are disabled until a step is taken.
#[component]
fn ExportMenu(
    /// The lesson's reactive state.
    state: LessonState,
    /// Dialogs and the copy-by-hand box.
    classroom: ClassroomState,
) -> impl IntoView {
    let menu = NodeRef::<Details>::new();
    let close = move || {
        if let Some(details) = menu.get_untracked() {
            details.set_open(false);
        }
    };
    let contains = move |target: Option<web_sys::EventTarget>| {
        let node = target.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        menu.get_untracked()
            .is_some_and(|details| node.is_some_and(|n| details.contains(Some(&n))))
    };
    // A menu left open covers the page: close it when a click lands elsewhere…
    let handle = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if !contains(ev.target()) {
            close();
        }
    });
    on_cleanup(move || handle.remove());
    // …or the keyboard moves the focus out of it.
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        let target = ev.related_target();
        if target.is_some() && !contains(target) {
            close();
        }
    };
    let has_history = Memo::new(move |_| state.session.with(|s| !s.history().is_empty()));
    // The map and the loss-against-step chart are offered only while they are shown (the
    // map: as `SurfaceChartView` shows it, asked without building its key, which copies
    // the data; neither is in the first-load build).
    let map_shown =
        Memo::new(move |_| crate::FULL_BUILD && state.session.with(|s| s.map_view().is_some()));
    let steps_shown = Memo::new(move |_| state.session.with(shows_steps_chart));
    let item = move |what: Export, test_id: &'static str, label: fn(&Strings) -> &'static str| {
        let unavailable = move || what.needs_history() && !has_history.get();
        let hidden = move || match what {
            Export::MapPng => !map_shown.get(),
            Export::StepsPng => !steps_shown.get(),
            _ => false,
        };
        view! {
            <button
                type="button"
                data-testid=test_id
                hidden=hidden
                disabled=unavailable
                title=move || unavailable().then(|| state.t().history_empty)
                on:click=move |_| {
                    close();
                    classroom::run_export(state, classroom, what);
                }
            >
                {move || label(state.t())}
            </button>
        }
    };
    view! {
        <details class="menu" node_ref=menu on:focusout=on_focusout>
            <summary data-testid="export-menu">{state.tr(|t| t.export_label)}</summary>
            <div class="menu-items">
                {item(Export::DataPng, "export-data-png", |t| t.export_data_png)}
                {item(Export::LossPng, "export-loss-png", |t| t.export_loss_png)}
                {item(Export::MapPng, "export-map-png", |t| t.export_map_png)}
                {item(Export::StepsPng, "export-steps-png", |t| t.export_steps_png)}
                {item(Export::TableCsv, "export-table-csv", |t| t.export_table_csv)}
                {item(Export::HistoryCsv, "export-history-csv", |t| t.export_history_csv)}
                {item(Export::HistoryMarkdown, "copy-markdown", |t| t.copy_history_markdown)}
                {item(Export::HistoryLatex, "copy-latex", |t| t.copy_history_latex)}
            </div>
        </details>
    }
}
