//! The interface language: which one the app opens in, remembering the student's choice,
//! and keeping the page's own `lang` and title in step with it.

use crate::classroom::storage::{self, LANG_KEY};
use crate::i18n::{strings, Lang};
use crate::state::LessonState;
use leptos::prelude::*;

/// The interface language: the one chosen before (remembered in storage), else the
/// browser's.
pub fn choose_language(stored: Option<&str>, browser: Lang) -> Lang {
    stored.and_then(Lang::from_code).unwrap_or(browser)
}

/// Remembers the language whenever the student switches it.
pub fn use_language_memory(state: LessonState) {
    Effect::new(move |previous: Option<Lang>| {
        let lang = state.lang.get();
        if previous.is_some_and(|p| p != lang) {
            // Not remembering the language is no reason to bother anyone: the lesson's
            // own saving reports storage trouble.
            let _ = storage::write(LANG_KEY, lang.code());
        }
        lang
    });
}

/// Keeps the page's own language and title in step with the interface language: a
/// screen reader picks its voice from `<html lang>`, and the tab and a bookmark show the
/// title.
pub fn use_document_language(state: LessonState) {
    Effect::new(move |_| {
        let lang = state.lang.get();
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document.set_title(strings(lang).app_title);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_language_wins_over_the_browser() {
        assert_eq!(choose_language(Some("lt"), Lang::En), Lang::Lt);
        assert_eq!(choose_language(Some("en"), Lang::Lt), Lang::En);
        assert_eq!(choose_language(Some("de"), Lang::Lt), Lang::Lt);
        assert_eq!(choose_language(None, Lang::En), Lang::En);
    }
}
