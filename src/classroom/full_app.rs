//! Two builds of one app, so that the lecture opens fast (BENCHMARKS.md, "Size"): the
//! first load is a build without the `full` feature, which has the whole lecture but not
//! the map of two parameters, the race of optimizers, typed formulas or the walkthrough
//! (about 100 KB gzip less); the full build has everything. `boot.js` picks the build
//! before any wasm loads: the full one for a page opened with [`FULL_QUERY`] in its
//! address, or whose share link or saved work needs it (the same test as
//! [`Lesson::needs_full_app`], written in JS).
//!
//! In the first-load build, the moment the lesson comes to need the full build (a
//! two-parameter example chosen, b unfrozen, an optimizer ticked, "Own formula…", a link
//! pasted into the tab, another tab's change), [`use_full_app`] saves the work as every
//! change is saved and reloads the page with [`FULL_QUERY`]; the full build reopens the
//! saved work, its run replayed, as after any reload. Where storage is not available the
//! lesson travels in the address as a share link instead. The Walkthrough button and a
//! `#tour=N` link reload into the full build the same way
//! ([`start_walkthrough_in_full`], [`use_tour_links_in_first_load`]). In the full build
//! this module only carries out [`OWN_FORMULA_QUERY`].

use crate::classroom::saving::save_now;
use crate::classroom::storage::{self, LESSON_KEY};
use crate::classroom::ClassroomState;
use crate::i18n::{strings, Lang};
use crate::state::LessonState;
use descent_core::formula::ErrorKind;
use descent_core::presets::Preset;
use descent_core::session::formula_of;
use descent_core::LessonError;
use leptos::prelude::*;

/// The address's query that makes `boot.js` load the full build (`?full`).
pub const FULL_QUERY: &str = "full";

/// Added to [`FULL_QUERY`] when "Own formula…" was chosen in the first-load build: the
/// full build then opens the formula field with the model on screen typed out.
pub const OWN_FORMULA_QUERY: &str = "own-formula";

/// Added to [`FULL_QUERY`] with the example's id (`preset=lecture-ab`) when the lesson
/// handed over is still that example: the full build's picker then names it, as the
/// first-load build's did, and picking another example asks nothing.
pub const PRESET_QUERY: &str = "preset";

/// Added to [`FULL_QUERY`] when "Open my saved work" in the first-load build found work a
/// link had set aside that only the full build reads: the full build then opens it at once,
/// instead of offering it a second time.
pub const OPEN_SAVED_QUERY: &str = "open-saved";

/// The class `<html>` carries while the page reloads into the full build: the lesson is
/// hidden (nothing can be typed into a page about to go) and a line says what is loading.
pub const LOADING_CLASS: &str = "loading-full";

/// The attribute of `<body>` whose text the stylesheet shows (`body::after`) while
/// [`LOADING_CLASS`] is on: the i18n table's `loading_full` in the interface language.
pub const LOADING_TEXT_ATTRIBUTE: &str = "data-loading";

/// Hands the lesson to the full build once it needs it (first-load build), or carries out
/// [`OWN_FORMULA_QUERY`] (full build).
pub fn use_full_app(state: LessonState, classroom: ClassroomState) {
    if crate::FULL_BUILD {
        let preset = query_value(PRESET_QUERY)
            .and_then(|id| Preset::from_id(&id))
            .filter(|p| state.session.with_untracked(|s| p.matches(s.lesson())));
        if let Some(preset) = preset {
            state.preset.set(Some(preset));
        }
        if query_has(OWN_FORMULA_QUERY) {
            let text = state
                .session
                .with_untracked(|s| formula_of(&s.lesson().model));
            let _ = state.set_formula(&text);
        }
        if query_has(OPEN_SAVED_QUERY) {
            crate::classroom::saving::open_saved_work(state, classroom);
        }
        if query_has(OWN_FORMULA_QUERY) || query_has(PRESET_QUERY) || query_has(OPEN_SAVED_QUERY) {
            replace_query(FULL_QUERY);
        }
        return;
    }
    Effect::new(move |_| {
        if state.session.with(|s| s.lesson().needs_full_app()) {
            switch_to_full(state, classroom, false);
        }
    });
}

/// Saves the work and reloads the page into the full build; with `own_formula`, the full
/// build then turns the model on screen into a typed formula.
pub fn switch_to_full(state: LessonState, classroom: ClassroomState, own_formula: bool) {
    if document_class_has(LOADING_CLASS) {
        return;
    }
    state.playing.set(false);
    save_now(state, classroom);
    // Saving found another tab's work that only the full build reads: it is loading.
    if handing_over() {
        return;
    }
    let Some(json) = state.session.try_with_untracked(|s| s.lesson().to_json()) else {
        return;
    };
    let saved = storage::read(LESSON_KEY).ok().flatten().as_deref() == Some(json.as_str());
    // Without storage the lesson goes in the address, as a share link would carry it.
    let fragment = if saved {
        String::new()
    } else {
        state
            .session
            .with_untracked(|s| format!("#{}", s.lesson().to_link()))
    };
    let mut query = format!("?{FULL_QUERY}");
    if own_formula {
        query.push_str(&format!("&{OWN_FORMULA_QUERY}"));
    }
    let example = state
        .preset
        .get_untracked()
        .filter(|p| state.session.with_untracked(|s| p.matches(s.lesson())));
    if let Some(example) = example {
        query.push_str(&format!("&{PRESET_QUERY}={}", example.id()));
    }
    go_to(
        &query,
        &fragment,
        strings(state.lang.get_untracked()).loading_full,
    );
}

/// The first-load build's Walkthrough button: the walkthrough (`crate::walkthrough`, its
/// scenes and captions) is in the full build only, so the work on screen is saved and the
/// page reloads into the full build with the first scene's link (`#tour=1`), which starts
/// the walkthrough there as the button would (the work set aside and offered back).
/// `sw.js` (or, without service workers, `boot.js`) fetches the full build's files once the
/// first load is done, so the reload takes them from a cache.
pub fn start_walkthrough_in_full(state: LessonState, classroom: ClassroomState) {
    if document_class_has(LOADING_CLASS) {
        return;
    }
    state.playing.set(false);
    save_now(state, classroom);
    if handing_over() {
        return;
    }
    go_to(
        &format!("?{FULL_QUERY}"),
        "#tour=1",
        loading_walkthrough(state),
    );
}

/// In the first-load build, a `#tour=N` link pasted into the address bar (or one the page
/// was opened with, should `boot.js` not have picked the full build): the page reloads into
/// the full build with the link kept, where the walkthrough follows it.
pub fn use_tour_links_in_first_load(state: LessonState) {
    use crate::classroom::share::{current_fragment, Fragment};
    let follow = move || {
        if matches!(current_fragment(), Fragment::Tour(_)) {
            go_to_full_keeping_hash(loading_walkthrough(state));
        }
    };
    follow();
    let handle = window_event_listener_untyped("hashchange", move |_| follow());
    on_cleanup(move || handle.remove());
}

/// Whether a lesson could not be read only because this build cannot read it: in the
/// first-load build, a lesson of format version 2 or later (a race, the map's view, a
/// typed formula: descent-core without `race`), or a typed formula. The full build reads
/// it.
pub fn needs_full_build(error: &LessonError) -> bool {
    match error {
        LessonError::NotInThisBuild => true,
        LessonError::Formula { error, .. } => error.kind == ErrorKind::NotInThisBuild,
        _ => false,
    }
}

/// Reloads into the full build, which opens saved work this build cannot read
/// ([`needs_full_build`]): another tab's, under the main key, or with `set_aside` the work
/// a link set aside ([`OPEN_SAVED_QUERY`]). Nothing is saved on the way, so that work is
/// not written over. `lang` is the language of the line shown meanwhile.
pub fn reload_into_full_for_saved_work(lang: Lang, set_aside: bool) {
    let query = if set_aside {
        format!("?{FULL_QUERY}&{OPEN_SAVED_QUERY}")
    } else {
        format!("?{FULL_QUERY}")
    };
    go_to(&query, "", strings(lang).loading_full);
}

/// Whether the page is reloading into the full build: it is hidden and no longer saves
/// (what it had was saved before, or belongs to another tab's newer work).
pub fn handing_over() -> bool {
    document_class_has(LOADING_CLASS)
}

/// Reloads into the full build with the address's fragment (a share link) kept; `lang`
/// is the language of the line shown meanwhile.
pub fn reload_into_full_with_link(lang: Lang) {
    go_to_full_keeping_hash(strings(lang).loading_full);
}

/// Reloads into the full build with the address's fragment (a share link, `#tour=N`) kept,
/// showing `loading` meanwhile.
fn go_to_full_keeping_hash(loading: &str) {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    go_to(&format!("?{FULL_QUERY}"), &hash, loading);
}

/// The line shown while the walkthrough loads, in the interface language.
fn loading_walkthrough(state: LessonState) -> &'static str {
    crate::i18n::tour_words(state.lang.get_untracked()).loading
}

/// Hides the lesson, shows `loading` (what is loading, in the interface language: the
/// stylesheet shows `<body>`'s [`LOADING_TEXT_ATTRIBUTE`]), and replaces the page's
/// address (the same path) with `query` and `fragment`, which loads the full build.
fn go_to(query: &str, fragment: &str, loading: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let document = window.document();
    if let Some(body) = document.as_ref().and_then(|d| d.body()) {
        let _ = body.set_attribute(LOADING_TEXT_ATTRIBUTE, loading);
    }
    if let Some(root) = document.and_then(|d| d.document_element()) {
        let _ = root.class_list().add_1(LOADING_CLASS);
    }
    let location = window.location();
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    let _ = location.replace(&format!("{path}{query}{fragment}"));
}

/// Whether `<html>` carries `class`.
fn document_class_has(class: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.class_list().contains(class))
}

/// Whether the address's query names `key` (`?full&own-formula`).
fn query_has(key: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .any(|part| part == key || part.starts_with(&format!("{key}=")))
        })
}

/// The value of `key` in the address's query (`?full&preset=lecture-ab`).
fn query_value(key: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|part| part.strip_prefix(key)?.strip_prefix('='))
        .map(str::to_owned)
}

/// Replaces the address's query without reloading or adding a history entry.
fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}?{query}{hash}")),
        );
    }
}
