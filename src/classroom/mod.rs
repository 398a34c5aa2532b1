//! The classroom around the lesson: keys and clickers, projector fullscreen, share links,
//! saved work, exports and the clipboard — everything that talks to the browser outside
//! the page itself.
//!
//! The decisions are plain functions tested natively ([`choose_start`], [`keys::decide`],
//! [`share::read_fragment`]); the rest is thin glue over web-sys.
//!
//! Where a lesson comes from when the app opens, first match wins:
//! 1. a share link in the URL's fragment (one that cannot be read opens the default
//!    lesson with a notice, and leaves the saved work alone);
//! 2. the saved work in `localStorage` (unreadable saved work: the default lesson and a
//!    notice);
//! 3. the lecture's lesson.

pub mod clipboard;
pub mod export;
pub mod fullscreen;
pub mod keys;
pub mod modal;
pub mod share;
pub mod storage;

use crate::i18n::{strings, Lang, Strings};
use crate::state::LessonState;
use descent_core::presets::Preset;
use descent_core::{HistoryTable, Lesson, LessonError};
use keys::Overlay;
use leptos::prelude::*;
use std::time::Duration;
use storage::{StorageProblem, LANG_KEY, LESSON_KEY};

/// How long after a change the lesson is saved, at the least. Changes in between (a
/// slider being dragged, autoplay) are saved together, so storage is written at most
/// about three times a second however fast the lesson changes.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// The delay is also at least this many times the last save's duration, so saving
/// never takes more than a twentieth of the main thread. Measured (release build,
/// headless Chromium): the lecture's lesson saves in well under a millisecond, a pasted
/// table of 100 000 rows (2.7 MB of JSON) in tens of milliseconds, which would make a
/// dragged slider stutter three times a second.
const SAVE_COST_FACTOR: f64 = 20.0;

/// Why the app did not open the lesson it was asked for, or cannot keep it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartNotice {
    /// The link in the URL could not be read.
    BadShareLink,
    /// The saved work could not be read.
    SavedWorkUnreadable,
    /// The browser gives no storage, so nothing will be saved.
    StorageUnavailable,
}

impl StartNotice {
    /// The notice's text.
    pub fn text(self, t: &Strings) -> &'static str {
        match self {
            StartNotice::BadShareLink => t.status_bad_share_link,
            StartNotice::SavedWorkUnreadable => t.status_saved_work_unreadable,
            StartNotice::StorageUnavailable => t.status_storage_unavailable,
        }
    }
}

/// The lesson the app opens with, and what to tell about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    /// The lesson to open.
    pub lesson: Lesson,
    /// The preset it is, when it is one untouched (for the picker).
    pub preset: Option<Preset>,
    /// A warning to show.
    pub notice: Option<StartNotice>,
    /// Whether to save it at once: a shared lesson replaces the saved work, so that a
    /// reload (the fragment is gone by then) shows it again.
    pub save_now: bool,
}

impl Start {
    fn default_lesson(notice: Option<StartNotice>) -> Start {
        Start {
            lesson: Preset::Lecture.lesson(),
            preset: Some(Preset::Lecture),
            notice,
            save_now: false,
        }
    }
}

/// Chooses the opening lesson (see the module docs) from the URL's share link, if there
/// is one, and the saved work as storage gave it.
pub fn choose_start(
    link: Option<Result<Lesson, LessonError>>,
    saved: Result<Option<String>, StorageProblem>,
) -> Start {
    match link {
        Some(Ok(lesson)) => Start {
            lesson,
            preset: None,
            notice: None,
            save_now: true,
        },
        Some(Err(_)) => Start::default_lesson(Some(StartNotice::BadShareLink)),
        None => match saved {
            Ok(Some(json)) => match Lesson::from_json(&json) {
                Ok(lesson) => Start {
                    lesson,
                    preset: None,
                    notice: None,
                    save_now: false,
                },
                Err(_) => Start::default_lesson(Some(StartNotice::SavedWorkUnreadable)),
            },
            Ok(None) => Start::default_lesson(None),
            Err(_) => Start::default_lesson(Some(StartNotice::StorageUnavailable)),
        },
    }
}

/// The interface language: the one chosen before (remembered in storage), else the
/// browser's.
pub fn choose_language(stored: Option<&str>, browser: Lang) -> Lang {
    stored.and_then(Lang::from_code).unwrap_or(browser)
}

/// The lesson state the app opens with: the share link, the saved work or the lecture,
/// in the remembered or the browser's language, with any notice already shown.
pub fn restore(browser_language: Lang) -> LessonState {
    let stored_lang = storage::read(LANG_KEY).ok().flatten();
    let lang = choose_language(stored_lang.as_deref(), browser_language);
    let link = match share::current_fragment() {
        share::Fragment::Link(result) => Some(result),
        share::Fragment::Empty | share::Fragment::Anchor => None,
    };
    let saved = if link.is_some() {
        Ok(None)
    } else {
        storage::read(LESSON_KEY)
    };
    if link.is_some() {
        share::clear_fragment();
    }
    let start = choose_start(link, saved);
    let state = LessonState::new(start.lesson, lang);
    state.preset.set(start.preset);
    let t = strings(lang);
    if let Some(notice) = start.notice {
        state.notify(notice.text(t), true);
    } else if start.save_now {
        let json = state.session.with_untracked(|s| s.lesson().to_json());
        if let Err(problem) = storage::write(LESSON_KEY, &json) {
            state.notify(storage_text(problem, t), true);
        }
    }
    state
}

fn storage_text(problem: StorageProblem, t: &Strings) -> &'static str {
    match problem {
        StorageProblem::Unavailable => t.status_storage_unavailable,
        StorageProblem::Full => t.status_storage_full,
    }
}

/// What the saving machinery remembers between changes.
#[derive(Debug, Default)]
struct Saver {
    /// A save is scheduled.
    pending: bool,
    /// The JSON last written (or found) in storage: an unchanged lesson is not written.
    last_saved: Option<String>,
    /// The storage problem already reported, so it is said once, not on every change.
    reported: Option<StorageProblem>,
    /// How long the last save took, in milliseconds.
    last_cost_ms: f64,
}

impl Saver {
    /// How long to wait before the next save.
    fn delay(&self) -> Duration {
        let seconds = self.last_cost_ms * SAVE_COST_FACTOR / 1000.0;
        // `from_secs_f64` panics on NaN, and `clamp` passes NaN through.
        if seconds.is_nan() {
            return SAVE_DELAY;
        }
        SAVE_DELAY.max(Duration::from_secs_f64(seconds.clamp(0.0, 60.0)))
    }
}

/// The classroom's own state: which dialog is open, fullscreen, and the saving. Cheap to
/// copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct ClassroomState {
    /// The keyboard help is open.
    pub help_open: RwSignal<bool>,
    /// The "start a new lesson?" question is open.
    pub confirm_new_lesson: RwSignal<bool>,
    /// Text the clipboard refused, shown to be copied by hand.
    pub copy_by_hand: RwSignal<Option<String>>,
    /// The page is fullscreen.
    pub fullscreen: RwSignal<bool>,
    saver: StoredValue<Saver>,
}

impl Default for ClassroomState {
    fn default() -> Self {
        Self::new()
    }
}

impl ClassroomState {
    /// Nothing open, not fullscreen, nothing saved yet.
    pub fn new() -> Self {
        Self {
            help_open: RwSignal::new(false),
            confirm_new_lesson: RwSignal::new(false),
            copy_by_hand: RwSignal::new(None),
            fullscreen: RwSignal::new(false),
            saver: StoredValue::new(Saver::default()),
        }
    }

    /// Which overlay is open now (untracked: the key handler asks).
    pub fn overlay(&self) -> Overlay {
        if self.help_open.get_untracked() {
            Overlay::Help
        } else if self.confirm_new_lesson.get_untracked()
            || self.copy_by_hand.with_untracked(Option::is_some)
        {
            Overlay::Dialog
        } else {
            Overlay::None
        }
    }

    /// Closes every overlay.
    pub fn close_overlays(&self) {
        self.help_open.set(false);
        self.confirm_new_lesson.set(false);
        self.copy_by_hand.set(None);
    }
}

/// Installs the classroom around a mounted lesson: keys, fullscreen tracking, links
/// pasted into a running tab, saving, and remembering the language.
pub fn use_classroom(state: LessonState) -> ClassroomState {
    let classroom = ClassroomState::new();
    keys::use_keyboard(state, classroom);
    fullscreen::use_fullscreen_signal(classroom.fullscreen);
    share::use_hash_links(state);
    use_saved_work(state, classroom);
    use_language_memory(state);
    classroom
}

/// Saves the lesson after every change, at most once per [`SAVE_DELAY`], and at once
/// when the page is hidden or closed, so closing the tab loses nothing.
fn use_saved_work(state: LessonState, classroom: ClassroomState) {
    // What is on screen at mount is what storage holds, or what must not overwrite it
    // yet (a default lesson opened for an unreadable link): save only real changes.
    let opened = state.session.with_untracked(|s| s.lesson().to_json());
    classroom
        .saver
        .update_value(|s| s.last_saved = Some(opened));
    Effect::new(move |_| {
        state.session.track();
        let delay = classroom
            .saver
            .try_update_value(|s| (!std::mem::replace(&mut s.pending, true)).then(|| s.delay()))
            .flatten();
        if let Some(delay) = delay {
            set_timeout(move || save_now(state, classroom), delay);
        }
    });
    let on_hide = window_event_listener_untyped("pagehide", move |_| save_now(state, classroom));
    let on_hidden =
        window_event_listener_untyped("visibilitychange", move |_| save_now(state, classroom));
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
    });
}

/// Writes the lesson if it changed since the last write; reports a storage problem once.
fn save_now(state: LessonState, classroom: ClassroomState) {
    let started = js_sys::Date::now();
    // The page may be gone by the time a delayed save runs: then there is nothing to do.
    let Some(json) = state.session.try_with_untracked(|s| s.lesson().to_json()) else {
        return;
    };
    let unchanged = classroom
        .saver
        .try_update_value(|s| {
            s.pending = false;
            s.last_saved.as_deref() == Some(json.as_str())
        })
        .unwrap_or(true);
    if unchanged {
        return;
    }
    let written = storage::write(LESSON_KEY, &json);
    let cost_ms = js_sys::Date::now() - started;
    classroom.saver.update_value(|s| s.last_cost_ms = cost_ms);
    match written {
        Ok(()) => classroom.saver.update_value(|s| {
            s.last_saved = Some(json);
            s.reported = None;
        }),
        Err(problem) => {
            let first_time = classroom
                .saver
                .try_update_value(|s| s.reported.replace(problem) != Some(problem))
                .unwrap_or(false);
            if first_time {
                let t = strings(state.lang.get_untracked());
                state.notify(storage_text(problem, t), true);
            }
        }
    }
}

/// Remembers the language whenever the student switches it.
fn use_language_memory(state: LessonState) {
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

/// Starts over with the lecture's lesson and forgets the saved work (after the
/// confirmation).
pub fn start_new_lesson(state: LessonState, classroom: ClassroomState) {
    state.load_preset(Preset::Lecture);
    storage::remove(LESSON_KEY);
    // The lecture's lesson is what an empty storage opens anyway: no need to write it.
    let json = state.session.with_untracked(|s| s.lesson().to_json());
    classroom.saver.update_value(|s| s.last_saved = Some(json));
}

/// Copies a link that opens the current lesson; `on_copied` runs once it is copied.
pub fn copy_link(
    state: LessonState,
    classroom: ClassroomState,
    on_copied: impl FnOnce() + 'static,
) {
    let Some(url) = state
        .session
        .with_untracked(|s| share::share_url_here(s.lesson()))
    else {
        return;
    };
    clipboard::copy_text(state, classroom, url, move || {
        state.notify(strings(state.lang.get_untracked()).link_copied, false);
        on_copied();
    });
}

/// The exports the toolbar offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The "data and model" chart as PNG.
    DataPng,
    /// The loss chart as PNG.
    LossPng,
    /// The data table as CSV.
    TableCsv,
    /// The step history as CSV.
    HistoryCsv,
    /// The step history as a Markdown table, to the clipboard.
    HistoryMarkdown,
    /// The step history as a LaTeX tabular, to the clipboard.
    HistoryLatex,
}

impl Export {
    /// Whether it needs at least one step in the history.
    pub fn needs_history(self) -> bool {
        matches!(
            self,
            Export::HistoryCsv | Export::HistoryMarkdown | Export::HistoryLatex
        )
    }
}

/// Makes an export: a download, or text copied to the clipboard.
pub fn run_export(state: LessonState, classroom: ClassroomState, what: Export) {
    let failed = move || state.notify(strings(state.lang.get_untracked()).export_failed, true);
    let downloaded = match what {
        Export::DataPng => {
            export::download_canvas_png("chart-data", export::file_names::DATA_PNG, failed);
            Ok(())
        }
        Export::LossPng => {
            export::download_canvas_png("chart-loss", export::file_names::LOSS_PNG, failed);
            Ok(())
        }
        Export::TableCsv => {
            let text = state.session.with_untracked(|s| s.lesson().table.to_csv());
            export::download_csv(export::file_names::TABLE_CSV, &text)
        }
        Export::HistoryCsv => {
            let text = state
                .session
                .with_untracked(|s| HistoryTable::from_session(s).to_csv());
            export::download_csv(export::file_names::HISTORY_CSV, &text)
        }
        Export::HistoryMarkdown | Export::HistoryLatex => {
            let text = state.session.with_untracked(|s| {
                let table = HistoryTable::from_session(s);
                if what == Export::HistoryMarkdown {
                    table.to_markdown()
                } else {
                    table.to_latex()
                }
            });
            clipboard::copy_text(state, classroom, text, move || {
                state.notify(
                    strings(state.lang.get_untracked()).copied_to_clipboard,
                    false,
                )
            });
            Ok(())
        }
    };
    if downloaded.is_err() {
        failed();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(lesson: &Lesson) -> Result<Option<String>, StorageProblem> {
        Ok(Some(lesson.to_json()))
    }

    #[test]
    fn a_share_link_wins_over_saved_work_and_is_saved() {
        let shared = Preset::Force.lesson();
        let start = choose_start(Some(Ok(shared.clone())), saved(&Preset::Empty.lesson()));
        assert_eq!(start.lesson, shared);
        assert_eq!(start.notice, None);
        assert!(start.save_now);
    }

    #[test]
    fn a_bad_link_opens_the_lecture_with_a_notice_and_keeps_saved_work() {
        let error = Lesson::from_link("v1.truncat").map(|_| ());
        let start = choose_start(
            Some(Err(error.err().unwrap_or(LessonError::Encoding))),
            saved(&Preset::Force.lesson()),
        );
        assert_eq!(start.lesson, Preset::Lecture.lesson());
        assert_eq!(start.preset, Some(Preset::Lecture));
        assert_eq!(start.notice, Some(StartNotice::BadShareLink));
        assert!(!start.save_now);
    }

    #[test]
    fn saved_work_reopens_exactly() {
        let mut lesson = Preset::Lecture.lesson();
        lesson.table.rows[1][1] = "44,1".into();
        lesson.params = vec![9.3419];
        let start = choose_start(None, saved(&lesson));
        assert_eq!(start.lesson, lesson);
        assert_eq!(start.notice, None);
        assert!(!start.save_now);
    }

    #[test]
    fn corrupt_saved_work_opens_the_lecture_with_a_notice() {
        for corrupt in ["{", "null", "{\"version\":0}", "not json at all"] {
            let start = choose_start(None, Ok(Some(corrupt.into())));
            assert_eq!(start.lesson, Preset::Lecture.lesson(), "{corrupt}");
            assert_eq!(start.notice, Some(StartNotice::SavedWorkUnreadable));
        }
    }

    #[test]
    fn no_storage_opens_the_lecture_and_says_nothing_will_be_saved() {
        let start = choose_start(None, Err(StorageProblem::Unavailable));
        assert_eq!(start.lesson, Preset::Lecture.lesson());
        assert_eq!(start.notice, Some(StartNotice::StorageUnavailable));
        let fresh = choose_start(None, Ok(None));
        assert_eq!(fresh.notice, None);
        assert_eq!(fresh.preset, Some(Preset::Lecture));
    }

    #[test]
    fn slow_saves_wait_longer() {
        let quick = Saver::default();
        assert_eq!(quick.delay(), SAVE_DELAY);
        let slow = Saver {
            last_cost_ms: 40.0,
            ..Saver::default()
        };
        assert_eq!(slow.delay(), Duration::from_millis(800));
        let absurd = Saver {
            last_cost_ms: f64::INFINITY,
            ..Saver::default()
        };
        assert_eq!(absurd.delay(), Duration::from_secs(60));
        let broken = Saver {
            last_cost_ms: f64::NAN,
            ..Saver::default()
        };
        assert_eq!(broken.delay(), SAVE_DELAY);
    }

    #[test]
    fn a_remembered_language_wins_over_the_browser() {
        assert_eq!(choose_language(Some("lt"), Lang::En), Lang::Lt);
        assert_eq!(choose_language(Some("en"), Lang::Lt), Lang::En);
        assert_eq!(choose_language(Some("de"), Lang::Lt), Lang::Lt);
        assert_eq!(choose_language(None, Lang::En), Lang::En);
    }

    #[test]
    fn every_notice_has_text_in_both_languages() {
        for lang in Lang::ALL {
            for notice in [
                StartNotice::BadShareLink,
                StartNotice::SavedWorkUnreadable,
                StartNotice::StorageUnavailable,
            ] {
                assert!(!notice.text(strings(lang)).is_empty());
            }
        }
    }
}
