//! Fullscreen through the Fullscreen API, on the whole document so that dialogs and the
//! notice stay visible in it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the browser allows fullscreen here (iPhones and some embeds do not; the
/// button is then hidden).
pub fn is_supported() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.fullscreen_enabled())
}

/// Whether something is shown fullscreen now.
pub fn is_active() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.fullscreen_element().is_some())
}

/// Enters fullscreen, or leaves it when already in it.
pub fn toggle() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
        return;
    }
    if !document.fullscreen_enabled() {
        return;
    }
    let Some(root) = document.document_element() else {
        return;
    };
    // `requestFullscreen` returns a promise that rejects when the browser refuses (no
    // user gesture, a permissions policy). web-sys drops that promise, and a dropped
    // rejection shows as an uncaught error, so call it through JS and await it here.
    let request = js_sys::Reflect::get(&root, &"requestFullscreen".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(request) = request else {
        return;
    };
    if let Ok(result) = request.call0(&root) {
        if let Ok(promise) = result.dyn_into::<js_sys::Promise>() {
            leptos::task::spawn_local(async move {
                // Refused: the page simply stays as it is, and the button says so.
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// Keeps `active` equal to whether the page is fullscreen, whichever way it changed
/// (the button, F, the browser's Esc or F11 key).
pub fn use_fullscreen_signal(active: RwSignal<bool>) {
    active.set(is_active());
    let handle = window_event_listener_untyped("fullscreenchange", move |_| {
        active.set(is_active());
    });
    on_cleanup(move || handle.remove());
}
