//! Copying text to the clipboard, with a way out when the browser refuses.
//!
//! `navigator.clipboard` exists only on secure pages (https or localhost) and may refuse
//! (no permission, the page not focused). Then the text is shown, selected, in a dialog
//! ([`ClassroomState::copy_by_hand`]) so the lecturer copies it with Ctrl+C: nothing is
//! lost either way.

use crate::classroom::ClassroomState;
use crate::state::LessonState;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Copies `text`; on success calls `on_copied`, otherwise shows the text to copy by
/// hand with the `copy_failed` notice.
pub fn copy_text(
    state: LessonState,
    classroom: ClassroomState,
    text: String,
    on_copied: impl FnOnce() + 'static,
) {
    let refused = move |text: String| {
        classroom.copy_by_hand.set(Some(text));
        state.notify(
            crate::i18n::strings(state.lang.get_untracked()).copy_failed,
            true,
        );
    };
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        refused(text);
        return;
    };
    // On an insecure page `navigator.clipboard` is undefined, and calling a method on it
    // would throw through the wasm boundary, so look before touching it.
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        refused(text);
        return;
    }
    let promise = navigator.clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => on_copied(),
            Err(_) => refused(text),
        }
    });
}
