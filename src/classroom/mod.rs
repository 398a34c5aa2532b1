//! The classroom around the lesson: everything that talks to the browser outside the page
//! itself. One idea per module:
//!
//! - [`start`]: where a lesson opens from (a share link, the saved work, the lecture);
//! - [`saving`]: every change to `localStorage`, and saved work a link pushed aside;
//! - [`run_memory`]: the run and the speed beside the lesson, replayed on reopening;
//! - [`merge`]: two tabs' changes merged, so neither overwrites the other's, and
//!   [`tabs`]: taking in what another tab saved;
//! - [`storage`]: `localStorage` itself, its keys and its failures;
//! - [`share`]: share links in the URL's fragment;
//! - [`language`]: the interface language chosen, remembered and given to the page;
//! - [`keys`]: keyboard and presentation clickers (a pure `decide`);
//! - [`full_app`]: the first-load build handing a lesson that needs the map, the race or
//!   a typed formula to the full build;
//! - [`fullscreen`], [`clipboard`], [`export`] (downloads and copies), [`modal`]
//!   (`<dialog>`s);
//! - [`classroom_state`]: the classroom's own signals (dialogs, fullscreen, saving).
//!
//! The decisions are plain functions tested natively ([`start::choose_start`],
//! [`keys::decide`], [`share::read_fragment`]); the rest is thin glue over web-sys.

pub mod classroom_state;
pub mod clipboard;
pub mod export;
pub mod full_app;
pub mod fullscreen;
pub mod keys;
pub mod language;
pub mod merge;
pub mod modal;
pub mod run_memory;
pub mod saving;
pub mod share;
pub mod start;
pub mod storage;
pub mod tabs;

pub use classroom_state::ClassroomState;
pub use export::{run_export, Export};
pub use saving::{dismiss_saved_work, keep_work_aside, open_saved_work, start_new_lesson};
pub use share::copy_link;
pub use start::restore;

use crate::state::LessonState;

/// Installs the classroom around a mounted lesson: keys, fullscreen tracking, links
/// pasted into a running tab, saving, and remembering the language. Every listener it
/// adds is removed when the lesson unmounts.
pub fn use_classroom(state: LessonState) -> ClassroomState {
    let classroom = ClassroomState::new();
    // For the components that hand the lesson to the full build (`full_app`).
    leptos::prelude::provide_context(classroom);
    keys::use_keyboard(state, classroom);
    fullscreen::use_fullscreen_signal(classroom.fullscreen);
    share::use_hash_links(state);
    saving::use_saved_work(state, classroom);
    language::use_language_memory(state);
    language::use_document_language(state);
    full_app::use_full_app(state, classroom);
    classroom
}
