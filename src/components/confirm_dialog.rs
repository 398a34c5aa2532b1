//! A yes-or-no question in the page (not `window.confirm`, which blocks the page, looks
//! out of place on a projector and cannot be answered by an end-to-end test's clicks).

use crate::classroom::modal::{is_closed, use_modal};
use crate::state::LessonState;
use leptos::html::Dialog;
use leptos::prelude::*;

/// A modal question (`data-testid="confirm-dialog"`) with OK (`confirm-ok`) and Cancel
/// (`confirm-cancel`). Cancel has the focus, so a stray Enter changes nothing.
#[component]
pub fn ConfirmDialog(
    /// The lesson's reactive state (for the language).
    state: LessonState,
    /// Whether the question is shown; set back to false when answered either way.
    open: RwSignal<bool>,
    /// The dialog's title (what is being decided).
    #[prop(into)]
    title: Signal<&'static str>,
    /// The question.
    #[prop(into)]
    message: Signal<&'static str>,
    /// What OK does.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    use_modal(dialog, open.into());
    view! {
        <dialog
            node_ref=dialog
            class="overlay confirm-dialog"
            data-testid="confirm-dialog"
            aria-labelledby="confirm-dialog-title"
            aria-describedby="confirm-dialog-message"
            on:close=move |_| {
                if is_closed(dialog) {
                    open.set(false);
                }
            }
        >
            <h2 id="confirm-dialog-title">{move || title.get()}</h2>
            <p id="confirm-dialog-message" class="dialog-message">{move || message.get()}</p>
            <div class="dialog-buttons">
                <button
                    type="button"
                    data-testid="confirm-cancel"
                    autofocus
                    on:click=move |_| open.set(false)
                >
                    {state.tr(|t| t.cancel)}
                </button>
                <button
                    type="button"
                    class="primary"
                    data-testid="confirm-ok"
                    on:click=move |_| {
                        open.set(false);
                        on_confirm.run(());
                    }
                >
                    {state.tr(|t| t.confirm)}
                </button>
            </div>
        </dialog>
    }
}
