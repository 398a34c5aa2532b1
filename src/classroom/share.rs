//! Share links: the whole lesson in the URL's fragment (`#v1.…`, descent-core's
//! [`Lesson::to_link`]), so a link opens exactly that lesson, and nothing is sent to a
//! server (a fragment never leaves the browser).
//!
//! After a link is read the fragment is removed from the address bar: otherwise a reload
//! would open the link again and throw away every change made since, which the saved work
//! keeps.

use crate::classroom::{clipboard, ClassroomState};
use crate::formula_text::lesson_formula_problem;
use crate::i18n::strings;
use crate::state::LessonState;
use descent_core::{Lesson, LessonError};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// What a URL fragment holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Fragment {
    /// Nothing (no `#`, or a bare `#`).
    Empty,
    /// The id of an element on the page (an in-page link such as a skip link), not a
    /// lesson: left alone.
    Anchor,
    /// A lesson link, read or not: malformed, truncated and older links are errors.
    Link(Result<Lesson, LessonError>),
    /// A walkthrough link, `#tour=N`, with the text after `tour=` (read by
    /// [`crate::walkthrough`], which opens the walkthrough at that scene).
    Tour(String),
}

/// Reads a fragment (`location.hash`, with or without its `#`); `is_element_id` tells
/// whether a text is the id of an element on the page.
pub fn read_fragment(hash: &str, is_element_id: impl Fn(&str) -> bool) -> Fragment {
    let text = hash.trim().trim_start_matches('#');
    if text.is_empty() {
        Fragment::Empty
    } else if is_element_id(text) {
        Fragment::Anchor
    } else if let Some(scene) = text.strip_prefix("tour=") {
        Fragment::Tour(scene.to_owned())
    } else {
        Fragment::Link(Lesson::from_link(text))
    }
}

/// The link that opens `lesson` in the app at `origin` + `pathname`.
pub fn share_url(origin: &str, pathname: &str, lesson: &Lesson) -> String {
    format!("{origin}{pathname}#{}", lesson.to_link())
}

/// The link that opens `lesson` in this app, where it is served now.
pub fn share_url_here(lesson: &Lesson) -> Option<String> {
    let location = web_sys::window()?.location();
    Some(share_url(
        &location.origin().ok()?,
        &location.pathname().ok()?,
        lesson,
    ))
}

/// The current URL's fragment, read against the page's element ids.
pub fn current_fragment() -> Fragment {
    let Some(window) = web_sys::window() else {
        return Fragment::Empty;
    };
    let hash = window.location().hash().unwrap_or_default();
    let document = window.document();
    read_fragment(&hash, |id| {
        document
            .as_ref()
            .is_some_and(|d| d.get_element_by_id(id).is_some())
    })
}

/// Removes the fragment from the address bar without reloading or adding a history
/// entry (and without firing `hashchange`).
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Opens a link pasted into the address bar of a tab where the app is already open.
///
/// A link that cannot be read leaves the lesson as it is, with a notice: unlike at
/// start-up there is work on screen to keep.
pub fn use_hash_links(state: crate::state::LessonState) {
    let handle = window_event_listener_untyped("hashchange", move |_| {
        match current_fragment() {
            Fragment::Link(Ok(lesson)) => {
                state.load(lesson);
                state.preset.set(None);
                state.notice.set(None);
            }
            Fragment::Link(Err(error)) if crate::classroom::full_app::needs_full_build(&error) => {
                // A formula pasted into the first-load build: the full build opens it.
                crate::classroom::full_app::reload_into_full_with_link(state.lang.get_untracked());
                return;
            }
            Fragment::Link(Err(error)) => {
                let lang = state.lang.get_untracked();
                let kept = crate::i18n::strings(lang).status_bad_share_link_kept;
                state.notify(
                    match lesson_formula_problem(lang, &error) {
                        Some(why) => format!("{kept} {why}"),
                        None => kept.to_owned(),
                    },
                    true,
                );
            }
            // A walkthrough link is the walkthrough's own (`crate::walkthrough`).
            Fragment::Empty | Fragment::Anchor | Fragment::Tour(_) => return,
        }
        clear_fragment();
    });
    on_cleanup(move || handle.remove());
}

/// Copies a link that opens the current lesson; `on_copied` runs once it is copied.
pub fn copy_link(
    state: LessonState,
    classroom: ClassroomState,
    on_copied: impl FnOnce() + 'static,
) {
    // A link carries what the screen shows, or nothing: say why (issue 14, item 9).
    let url = match state
        .session
        .with_untracked(|s| s.shareable().map(share_url_here))
    {
        Ok(Some(url)) => url,
        Ok(None) => return,
        Err(descent_core::NotShareable::LearningRate(text)) => {
            let lang = state.lang.get_untracked();
            return state.notify(crate::i18n::link_refused_learning_rate(lang, &text), true);
        }
    };
    clipboard::copy_text(state, classroom, url, move || {
        state.notify(strings(state.lang.get_untracked()).link_copied, false);
        on_copied();
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use descent_core::presets::Preset;

    fn no_ids(_: &str) -> bool {
        false
    }

    #[test]
    fn a_shared_lesson_comes_back_exactly() {
        let mut lesson = Preset::LocalMinima.lesson();
        lesson.params = vec![0.3, 2.0];
        lesson.table.labels.x = "m".into();
        let url = share_url("https://example.org", "/lab/", &lesson);
        let (base, hash) = url.split_once('#').unwrap_or_default();
        assert_eq!(base, "https://example.org/lab/");
        assert_eq!(
            read_fragment(hash, no_ids),
            Fragment::Link(Ok(lesson.clone()))
        );
        assert_eq!(
            read_fragment(&format!("#{hash}"), no_ids),
            Fragment::Link(Ok(lesson))
        );
    }

    #[test]
    fn malformed_truncated_and_older_links_are_errors() {
        let link = Preset::Lecture.lesson().to_link();
        let truncated = &link[..link.len() / 2];
        let older = link.replacen("v1.", "v0.", 1);
        for bad in ["garbage", "v1.!!!", truncated, older.as_str()] {
            assert!(
                matches!(read_fragment(bad, no_ids), Fragment::Link(Err(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn in_page_anchors_and_empty_fragments_are_not_links() {
        assert_eq!(read_fragment("", no_ids), Fragment::Empty);
        assert_eq!(read_fragment("#", no_ids), Fragment::Empty);
        assert_eq!(read_fragment("#main", |id| id == "main"), Fragment::Anchor);
        assert_eq!(
            read_fragment("#tour=6", no_ids),
            Fragment::Tour("6".to_owned())
        );
    }
}
