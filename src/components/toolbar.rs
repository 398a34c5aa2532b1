//! The classroom toolbar in the top bar: copy a share link, start a new lesson, export,
//! fullscreen, and the keyboard help.

use crate::classroom::{self, fullscreen, ClassroomState, Export};
use crate::i18n::Strings;
use crate::state::LessonState;
use leptos::html::Details;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long the Copy link button says "Link copied".
const COPIED_FOR: Duration = Duration::from_secs(2);

/// Copy link, New lesson, Export, Fullscreen and `?`.
#[component]
pub fn Toolbar(
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
    view! {
        <button type="button" data-testid="copy-link" on:click=on_copy_link>
            {move || if copied.get() { state.t().link_copied } else { state.t().copy_link }}
        </button>
        <button
            type="button"
            data-testid="new-lesson"
            aria-haspopup="dialog"
            on:click=move |_| classroom.confirm_new_lesson.set(true)
        >
            {move || state.t().new_lesson}
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
            aria-label=move || state.t().keyboard_help_title
            title=move || state.t().keyboard_help_title
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
    let item = move |what: Export, test_id: &'static str, label: fn(&Strings) -> &'static str| {
        let unavailable = move || what.needs_history() && !has_history.get();
        view! {
            <button
                type="button"
                data-testid=test_id
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
            <summary data-testid="export-menu">{move || state.t().export_label}</summary>
            <div class="menu-items">
                {item(Export::DataPng, "export-data-png", |t| t.export_data_png)}
                {item(Export::LossPng, "export-loss-png", |t| t.export_loss_png)}
                {item(Export::TableCsv, "export-table-csv", |t| t.export_table_csv)}
                {item(Export::HistoryCsv, "export-history-csv", |t| t.export_history_csv)}
                {item(Export::HistoryMarkdown, "copy-markdown", |t| t.copy_history_markdown)}
                {item(Export::HistoryLatex, "copy-latex", |t| t.copy_history_latex)}
            </div>
        </details>
    }
}
