//! The classroom around the lesson: keys and clickers, projector fullscreen, share links,
//! saved work, exports and the clipboard — everything that talks to the browser outside
//! the page itself.
//!
//! The decisions are plain functions tested natively ([`choose_start`], [`keys::decide`],
//! [`share::read_fragment`]); the rest is thin glue over web-sys.
//!
//! Where a lesson comes from when the app opens, first match wins:
//! 1. a share link in the URL's fragment (one that cannot be read opens the default
//!    lesson with a notice, and leaves the saved work alone: see below);
//! 2. the saved work in `localStorage` (unreadable saved work: the default lesson and a
//!    notice, and the unreadable text is copied to [`storage::UNREADABLE_KEY`] before a
//!    change replaces it);
//! 3. the lecture's lesson.
//!
//! ## Saved work a bad link pushed aside
//! A share link that cannot be read still opens the default lesson: the student asked for
//! some other lesson than their saved work, and the default one is a known place to start.
//! But the saved work is theirs, and bad input never loses what the user made:
//! - When the saved work can be read and is more than the default lesson, the notice
//!   offers to open it (a button, [`NoticeAction::OpenSavedWork`]; [`open_saved_work`]).
//!   That is a normal opening, as without the link: fresh undo and edit histories, no
//!   preset, and the notice goes away.
//! - Every change is saved, so the first change to the default lesson would replace the
//!   saved work. Before that write (or "New lesson" forgetting the saved work) it is
//!   copied to [`storage::BEFORE_LINK_KEY`], where the button then reads it for as long
//!   as the offer stands. If the copy cannot be written (storage full), the saved work is
//!   not replaced either, and the change is reported as not saved.
//! - A later bad-link start copies over that key: it keeps the work pushed aside last.

pub mod clipboard;
pub mod export;
pub mod fullscreen;
pub mod keys;
pub mod modal;
pub mod share;
pub mod storage;

use crate::i18n::{strings, Lang, Strings};
use crate::state::{LessonState, NoticeAction};
use descent_core::presets::Preset;
use descent_core::{HistoryTable, Lesson, LessonError};
use keys::Overlay;
use leptos::prelude::*;
use std::time::Duration;
use storage::{StorageProblem, BEFORE_LINK_KEY, LANG_KEY, LESSON_KEY, UNREADABLE_KEY};

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
    /// Whether the notice offers to open the saved work instead (a bad link's start,
    /// with saved work worth opening; see the module docs).
    pub offer_saved_work: bool,
}

impl Start {
    fn default_lesson(notice: Option<StartNotice>) -> Start {
        Start {
            lesson: Preset::Lecture.lesson(),
            preset: Some(Preset::Lecture),
            notice,
            save_now: false,
            offer_saved_work: false,
        }
    }
}

/// Whether saved work, as storage gave it, is worth offering in place of the default
/// lesson: it reads as a lesson, and it is not just the default lesson already open.
fn worth_offering(saved: &Result<Option<String>, StorageProblem>) -> bool {
    match saved {
        Ok(Some(json)) => Lesson::from_json(json).is_ok_and(|l| l != Preset::Lecture.lesson()),
        Ok(None) | Err(_) => false,
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
            offer_saved_work: false,
        },
        Some(Err(_)) => Start {
            offer_saved_work: worth_offering(&saved),
            ..Start::default_lesson(Some(StartNotice::BadShareLink))
        },
        None => match saved {
            Ok(Some(json)) => match Lesson::from_json(&json) {
                Ok(lesson) => Start {
                    lesson,
                    preset: None,
                    notice: None,
                    save_now: false,
                    offer_saved_work: false,
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
    // Read even with a link: a bad one offers the saved work instead.
    let saved = storage::read(LESSON_KEY);
    if link.is_some() {
        share::clear_fragment();
    }
    let start = choose_start(link, saved.clone());
    if start.notice == Some(StartNotice::SavedWorkUnreadable) {
        // The first change will replace text this app cannot read (a damaged or a newer
        // format): it is kept aside first, as it was, for whoever can still use it.
        if let Ok(Some(text)) = &saved {
            let _ = storage::write(UNREADABLE_KEY, text);
        }
    }
    let state = LessonState::new(start.lesson, lang);
    state.preset.set(start.preset);
    let t = strings(lang);
    if let Some(notice) = start.notice {
        if start.offer_saved_work {
            state.notify_with_action(notice.text(t), true, NoticeAction::OpenSavedWork);
        } else {
            state.notify(notice.text(t), true);
        }
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

/// Where the saved work a bad link pushed aside is now (see the module docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum EarlierWork {
    /// No saved work was pushed aside, or it was opened again: saves simply replace what
    /// is under the main key.
    #[default]
    None,
    /// Still under [`LESSON_KEY`]: copy it aside before anything replaces it.
    UnderMainKey,
    /// Copied to [`BEFORE_LINK_KEY`]; the main key holds this page's lesson.
    CopiedAside,
}

impl EarlierWork {
    /// The key "Open my saved work" reads it from.
    fn key(self) -> Option<&'static str> {
        match self {
            EarlierWork::None => None,
            EarlierWork::UnderMainKey => Some(LESSON_KEY),
            EarlierWork::CopiedAside => Some(BEFORE_LINK_KEY),
        }
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
    /// The saved work a bad link pushed aside.
    earlier_work: EarlierWork,
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
    use_document_language(state);
    classroom
}

/// Keeps the page's own language and title in step with the interface language: a
/// screen reader picks its voice from `<html lang>`, and the tab and a bookmark show the
/// title.
fn use_document_language(state: LessonState) {
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

/// Saves the lesson after every change, at most once per [`SAVE_DELAY`], and at once
/// when the page is hidden or closed, so closing the tab loses nothing.
fn use_saved_work(state: LessonState, classroom: ClassroomState) {
    // What is on screen at mount is what storage holds, or what must not overwrite it
    // yet (a default lesson opened for an unreadable link): save only real changes.
    let opened = state.session.with_untracked(|s| s.lesson().to_json());
    // A start that offers the saved work (a bad link's: the notice is still the one
    // `restore` showed) must not replace that work unasked.
    let earlier_work = if state.offers(NoticeAction::OpenSavedWork) {
        EarlierWork::UnderMainKey
    } else {
        EarlierWork::None
    };
    classroom.saver.update_value(|s| {
        s.last_saved = Some(opened);
        s.earlier_work = earlier_work;
    });
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
    // Without its copy, the saved work a bad link pushed aside is left where it is, and
    // this change goes unsaved (and is reported so) rather than replacing it.
    if let Err(problem) = keep_earlier_work(classroom) {
        report_storage_problem(state, classroom, problem);
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
        Err(problem) => report_storage_problem(state, classroom, problem),
    }
}

/// Says a storage problem once, not again until a write succeeds.
fn report_storage_problem(state: LessonState, classroom: ClassroomState, problem: StorageProblem) {
    let first_time = classroom
        .saver
        .try_update_value(|s| s.reported.replace(problem) != Some(problem))
        .unwrap_or(false);
    if first_time {
        let t = strings(state.lang.get_untracked());
        state.notify(storage_text(problem, t), true);
    }
}

/// Copies the saved work a bad link pushed aside to [`BEFORE_LINK_KEY`] while it is still
/// under the main key, which is about to be replaced or removed. On an error the main key
/// must be left as it is.
fn keep_earlier_work(classroom: ClassroomState) -> Result<(), StorageProblem> {
    let under_main_key = classroom
        .saver
        .try_with_value(|s| s.earlier_work == EarlierWork::UnderMainKey)
        .unwrap_or(false);
    if !under_main_key {
        return Ok(());
    }
    let now = match storage::read(LESSON_KEY)? {
        Some(json) => {
            storage::write(BEFORE_LINK_KEY, &json)?;
            EarlierWork::CopiedAside
        }
        // Removed meanwhile (another tab started a new lesson): nothing is left to keep.
        None => EarlierWork::None,
    };
    classroom.saver.try_update_value(|s| s.earlier_work = now);
    Ok(())
}

/// Opens the saved work a bad link pushed aside (the button of that notice) from where it
/// is now, as the app opens saved work: fresh undo and edit histories, no preset, and the
/// notice goes away. Saved work that cannot be read (changed in another tab meanwhile)
/// leaves the lesson as it is, with a notice.
pub fn open_saved_work(state: LessonState, classroom: ClassroomState) {
    let lesson = classroom
        .saver
        .try_with_value(|s| s.earlier_work.key())
        .flatten()
        .and_then(|key| storage::read(key).ok().flatten())
        .and_then(|json| Lesson::from_json(&json).ok());
    let Some(lesson) = lesson else {
        let t = strings(state.lang.get_untracked());
        state.notify(t.status_saved_work_unreadable, true);
        return;
    };
    // Once it is on screen, saving it replaces nothing the student did not choose.
    classroom
        .saver
        .update_value(|s| s.earlier_work = EarlierWork::None);
    state.load(lesson);
    state.preset.set(None);
    state.notice.set(None);
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
    // The question was about the lesson on screen: saved work a bad link pushed aside is
    // kept, not forgotten, and stays where it is if it cannot be copied.
    match keep_earlier_work(classroom) {
        Ok(()) => storage::remove(LESSON_KEY),
        Err(problem) => report_storage_problem(state, classroom, problem),
    }
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
    // A link carries what the screen shows, or nothing: say why (issue 14, item 9).
    let url = match state
        .session
        .with_untracked(|s| s.shareable().map(share::share_url_here))
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

    fn bad_link() -> Option<Result<Lesson, LessonError>> {
        let error = Lesson::from_link("v1.truncat").map(|_| ());
        Some(Err(error.err().unwrap_or(LessonError::Encoding)))
    }

    #[test]
    fn a_bad_link_opens_the_lecture_with_a_notice_and_keeps_saved_work() {
        let start = choose_start(bad_link(), saved(&Preset::Force.lesson()));
        assert_eq!(start.lesson, Preset::Lecture.lesson());
        assert_eq!(start.preset, Some(Preset::Lecture));
        assert_eq!(start.notice, Some(StartNotice::BadShareLink));
        assert!(!start.save_now);
    }

    #[test]
    fn a_bad_link_offers_the_saved_work_instead() {
        let mut work = Preset::Lecture.lesson();
        work.table.rows[1][1] = "44".into();
        for saved_work in [work, Preset::Force.lesson(), Preset::Empty.lesson()] {
            let start = choose_start(bad_link(), saved(&saved_work));
            assert!(start.offer_saved_work, "{saved_work:?}");
            // The offer is only an offer: the default lesson is what opens.
            assert_eq!(start.lesson, Preset::Lecture.lesson());
        }
    }

    #[test]
    fn a_bad_link_offers_nothing_without_saved_work_worth_opening() {
        let mut stepped = Preset::Lecture.lesson();
        stepped.params = vec![9.3419];
        let nothing_to_offer = [
            Ok(None),
            Err(StorageProblem::Unavailable),
            Ok(Some("not json at all {".into())),
            Ok(Some("{\"version\":99,\"table\":{}}".into())),
            // Just the default lesson, which is open already.
            saved(&Preset::Lecture.lesson()),
        ];
        for saved_work in nothing_to_offer {
            let start = choose_start(bad_link(), saved_work.clone());
            assert!(!start.offer_saved_work, "{saved_work:?}");
            assert_eq!(start.notice, Some(StartNotice::BadShareLink));
        }
        // Steps taken are work too.
        assert!(choose_start(bad_link(), saved(&stepped)).offer_saved_work);
    }

    #[test]
    fn only_a_bad_link_offers_the_saved_work() {
        let work = saved(&Preset::Force.lesson());
        let shared = Preset::LocalMinima.lesson();
        assert!(!choose_start(Some(Ok(shared)), work.clone()).offer_saved_work);
        assert!(!choose_start(None, work).offer_saved_work);
        assert!(!choose_start(None, Ok(Some("{".into()))).offer_saved_work);
        assert!(!choose_start(None, Err(StorageProblem::Unavailable)).offer_saved_work);
    }

    #[test]
    fn the_saved_work_is_opened_from_where_it_is_now() {
        assert_eq!(EarlierWork::default(), EarlierWork::None);
        assert_eq!(EarlierWork::None.key(), None);
        assert_eq!(EarlierWork::UnderMainKey.key(), Some(LESSON_KEY));
        assert_eq!(EarlierWork::CopiedAside.key(), Some(BEFORE_LINK_KEY));
        assert_ne!(BEFORE_LINK_KEY, LESSON_KEY);
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
