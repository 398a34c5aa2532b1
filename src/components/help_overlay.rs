//! The keyboard help: every key and what it does, opened with `?` or the toolbar's `?`
//! button, closed with Esc, `?` or its button.

use crate::classroom::modal::{is_closed, use_modal};
use crate::classroom::ClassroomState;
use crate::state::LessonState;
use leptos::html::Dialog;
use leptos::prelude::*;

/// The list of keys, in a modal dialog (`data-testid="help-overlay"`).
#[component]
pub fn HelpOverlay(
    /// The lesson's reactive state (for the language).
    state: LessonState,
    /// Which dialog is open.
    classroom: ClassroomState,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    use_modal(dialog, classroom.help_open.into());
    let rows = move || {
        state
            .t()
            .shortcuts()
            .into_iter()
            .map(|shortcut| {
                let keys = shortcut
                    .keys
                    .into_iter()
                    .map(|key| view! { <kbd>{key}</kbd> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row" class="keys">{keys}</th>
                        <td>{shortcut.description}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <dialog
            node_ref=dialog
            class="overlay help-overlay"
            data-testid="help-overlay"
            aria-labelledby="help-overlay-title"
            on:close=move |_| {
                if is_closed(dialog) {
                    classroom.help_open.set(false);
                }
            }
        >
            <h2 id="help-overlay-title">{state.tr(|t| t.keyboard_help_title)}</h2>
            <table class="shortcuts">
                <tbody>{rows}</tbody>
            </table>
            <p class="hint">{state.tr(|t| t.shortcuts_note)}</p>
            <div class="dialog-buttons">
                <button
                    type="button"
                    data-testid="help-close"
                    autofocus
                    on:click=move |_| classroom.help_open.set(false)
                >
                    {state.tr(|t| t.close)}
                </button>
            </div>
        </dialog>
    }
}
