//! Saved work: the lesson and the interface language in `localStorage`.
//!
//! Storage can be missing (disabled by the user or a policy, a private window in some
//! browsers: reading `localStorage` then throws) or full (`QuotaExceededError`). Either
//! way the app goes on working and says so once; nothing here panics.

use crate::i18n::Strings;
use wasm_bindgen::JsValue;

/// Where the lesson is kept: versioned, so a later format can sit beside this one.
pub const LESSON_KEY: &str = "descent-lab/lesson/v1";

/// Where the saved work goes when a page opened for a bad share link is about to replace
/// it: the student did not choose to give it up, so it is copied here first (see
/// [`super`], "Saved work a bad link pushed aside").
pub const BEFORE_LINK_KEY: &str = "descent-lab/lesson/v1/before-link";

/// Where saved work this version cannot read (damaged, or from a newer version) is copied,
/// as it was, when the app opens the default lesson in its place: the first change would
/// otherwise replace it.
pub const UNREADABLE_KEY: &str = "descent-lab/lesson/v1/unreadable";

/// Where the chosen interface language is kept (`lt` or `en`).
pub const LANG_KEY: &str = "descent-lab/lang";

/// Why storage could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// The browser gives no storage at all.
    Unavailable,
    /// Storage is full: this write was refused.
    Full,
}

impl StorageProblem {
    /// The problem a failed write reports, from the thrown `DOMException`'s name:
    /// Chromium and Safari say `QuotaExceededError`, older Firefox
    /// `NS_ERROR_DOM_QUOTA_REACHED`; anything else means storage is not usable.
    pub fn from_error_name(name: &str) -> StorageProblem {
        match name {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageProblem::Full,
            _ => StorageProblem::Unavailable,
        }
    }

    /// What the status line says about it.
    pub fn text(self, t: &Strings) -> &'static str {
        match self {
            StorageProblem::Unavailable => t.status_storage_unavailable,
            StorageProblem::Full => t.status_storage_full,
        }
    }

    fn from_error(error: &JsValue) -> StorageProblem {
        let name = js_sys::Reflect::get(error, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        StorageProblem::from_error_name(&name)
    }
}

fn local_storage() -> Result<web_sys::Storage, StorageProblem> {
    web_sys::window()
        .ok_or(StorageProblem::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageProblem::Unavailable)
}

/// The text stored under `key`, `None` when nothing is.
pub fn read(key: &str) -> Result<Option<String>, StorageProblem> {
    local_storage()?
        .get_item(key)
        .map_err(|_| StorageProblem::Unavailable)
}

/// Stores `value` under `key`.
pub fn write(key: &str, value: &str) -> Result<(), StorageProblem> {
    local_storage()?
        .set_item(key, value)
        .map_err(|e| StorageProblem::from_error(&e))
}

/// Forgets `key`; a storage that cannot be used has nothing to forget.
pub fn remove(key: &str) {
    if let Ok(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Stores `value` under `key` in this tab's `sessionStorage`, which a reload keeps and
/// other tabs do not see. Whether it could be stored.
pub fn write_for_this_tab(key: &str, value: &str) -> bool {
    session_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// The text this tab stored under `key` with [`write_for_this_tab`], forgotten as it is
/// read; `None` when there is none.
pub fn take_for_this_tab(key: &str) -> Option<String> {
    let storage = session_storage()?;
    let value = storage.get_item(key).ok().flatten();
    let _ = storage.remove_item(key);
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_storage_is_told_apart_from_a_missing_one() {
        assert_eq!(
            StorageProblem::from_error_name("QuotaExceededError"),
            StorageProblem::Full
        );
        assert_eq!(
            StorageProblem::from_error_name("NS_ERROR_DOM_QUOTA_REACHED"),
            StorageProblem::Full
        );
        assert_eq!(
            StorageProblem::from_error_name("SecurityError"),
            StorageProblem::Unavailable
        );
        assert_eq!(
            StorageProblem::from_error_name(""),
            StorageProblem::Unavailable
        );
    }
}
