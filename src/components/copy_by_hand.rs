//! The way out when the clipboard refuses: the text, selected, to copy with Ctrl+C.

use crate::classroom::modal::{is_closed, use_modal};
use crate::classroom::ClassroomState;
use crate::state::LessonState;
use leptos::html::{Dialog, Textarea};
use leptos::prelude::*;

/// A modal box (`data-testid="copy-by-hand"`) showing the text the clipboard refused in
/// a read-only field (`copy-by-hand-text`), already selected.
#[component]
pub fn CopyByHand(
    /// The lesson's reactive state (for the language).
    state: LessonState,
    /// Holds the text to show.
    classroom: ClassroomState,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let field = NodeRef::<Textarea>::new();
    let open = Signal::derive(move || classroom.copy_by_hand.with(Option::is_some));
    use_modal(dialog, open);
    // Select the text once it is in the field, so Ctrl+C is all that is left to do.
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        request_animation_frame(move || {
            if let Some(field) = field.get_untracked() {
                let _ = field.focus();
                field.select();
            }
        });
    });
    view! {
        <dialog
            node_ref=dialog
            class="overlay copy-by-hand"
            data-testid="copy-by-hand"
            aria-labelledby="copy-by-hand-title"
            on:close=move |_| {
                if is_closed(dialog) {
                    classroom.copy_by_hand.set(None);
                }
            }
        >
            <h2 id="copy-by-hand-title">{state.tr(|t| t.copy_by_hand_title)}</h2>
            <p class="hint">{state.tr(|t| t.copy_failed)}</p>
            <textarea
                node_ref=field
                readonly
                rows="6"
                data-testid="copy-by-hand-text"
                aria-labelledby="copy-by-hand-title"
                prop:value=move || classroom.copy_by_hand.get().unwrap_or_default()
            ></textarea>
            <div class="dialog-buttons">
                <button type="button" on:click=move |_| classroom.copy_by_hand.set(None)>
                    {state.tr(|t| t.close)}
                </button>
            </div>
        </dialog>
    }
}
