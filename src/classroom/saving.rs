//! Saved work: every change to the lesson goes to `localStorage`, so a reload or a closed
//! tab loses nothing.
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
//! - Starting the walkthrough replaces the lesson on screen with its scenes: the work is
//!   saved and copied aside first, and offered back the same way ([`keep_work_aside`]).

use crate::classroom::full_app;
use crate::classroom::run_memory::{RunRecord, RUN_KEY};
use crate::classroom::start::worth_offering;
use crate::classroom::storage::{self, StorageProblem, BEFORE_LINK_KEY, LESSON_KEY};
use crate::classroom::tabs;
use crate::classroom::ClassroomState;
use crate::i18n::strings;
use crate::state::{LessonState, NoticeAction};
use descent_core::presets::Preset;
use descent_core::Lesson;
use leptos::prelude::*;
use std::time::Duration;

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

/// Where the saved work a bad link pushed aside is now (see the module docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum EarlierWork {
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
pub(crate) struct Saver {
    /// A save is scheduled.
    pending: bool,
    /// The JSON last written (or found) in storage: an unchanged lesson is not written.
    pub(super) last_saved: Option<String>,
    /// The run record last written (or found) beside it ([`run_memory`]).
    pub(super) last_run: Option<String>,
    /// The storage problem already reported, so it is said once, not on every change.
    reported: Option<StorageProblem>,
    /// How long the last save took, in milliseconds.
    last_cost_ms: f64,
    /// The saved work a bad link pushed aside.
    pub(super) earlier_work: EarlierWork,
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

/// Saves the lesson after every change, at most once per [`SAVE_DELAY`] (while a slider
/// is dragged, when it is let go), and at once when the page is hidden or closed, so
/// closing the tab loses nothing.
pub fn use_saved_work(state: LessonState, classroom: ClassroomState) {
    // What is on screen at mount is what storage holds, or what must not overwrite it
    // yet (a default lesson opened for an unreadable link): save only real changes.
    let opened = state.session.with_untracked(|s| s.lesson().to_json());
    let opened_run = run_text(state);
    // A start that offers the saved work (the notice is still the one `restore` showed)
    // must not replace that work unasked: it is either still under the main key (a bad
    // link's start) or was copied aside (a good link's, or an earlier visit's).
    let earlier_work = if !state.offers(NoticeAction::OpenSavedWork) {
        EarlierWork::None
    } else if storage::read(LESSON_KEY).ok().flatten().as_deref() == Some(opened.as_str()) {
        EarlierWork::CopiedAside
    } else {
        EarlierWork::UnderMainKey
    };
    classroom.saver.update_value(|s| {
        s.last_saved = Some(opened);
        s.last_run = opened_run;
        s.earlier_work = earlier_work;
    });
    Effect::new(move |_| {
        state.session.track();
        state.speed.track();
        let delay = classroom
            .saver
            .try_update_value(|s| (!std::mem::replace(&mut s.pending, true)).then(|| s.delay()))
            .flatten();
        if let Some(delay) = delay {
            set_timeout(move || save_when_still(state, classroom), delay);
        }
    });
    // A first-load tab handing over to this build kept changes it had not saved.
    if crate::FULL_BUILD {
        tabs::take_in_handed_over(state, classroom);
    }
    // Another tab saved: take its changes in at once ([`tabs`]).
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key();
        if key.is_none() || key.as_deref() == Some(LESSON_KEY) || key.as_deref() == Some(RUN_KEY) {
            tabs::take_in_other_tabs(state, classroom);
        }
    });
    let on_hide = window_event_listener_untyped("pagehide", move |_| save_now(state, classroom));
    let on_hidden =
        window_event_listener_untyped("visibilitychange", move |_| save_now(state, classroom));
    on_cleanup(move || {
        on_storage.remove();
        on_hide.remove();
        on_hidden.remove();
    });
}

/// Saves now, or once no slider is being dragged: a save lands in one frame of the drag
/// (a 10 000-point lesson's takes milliseconds: reading storage back, writing the JSON),
/// and that frame is late. The drag's end is seen at most [`SAVE_DELAY`] later; closing
/// or hiding the page saves at once all the same.
fn save_when_still(state: LessonState, classroom: ClassroomState) {
    if state.dragging.try_get_untracked().unwrap_or(false) {
        set_timeout(move || save_when_still(state, classroom), SAVE_DELAY);
    } else {
        save_now(state, classroom);
    }
}

/// The run record of what is on screen now, as stored; `None` once the page is gone.
fn run_text(state: LessonState) -> Option<String> {
    let speed = state.speed.try_get_untracked()?;
    state
        .session
        .try_with_untracked(|s| RunRecord::of(s, speed).encode())
}

/// Writes the lesson and its run record if they changed since the last write; reports a
/// storage problem once. A change another tab saved meanwhile is merged in first, so it
/// is never written over unseen.
pub(crate) fn save_now(state: LessonState, classroom: ClassroomState) {
    tabs::take_in_other_tabs(state, classroom);
    // A page reloading into the full build saved what it had before it began to go (or
    // is giving way to another tab's work it cannot read): nothing to write now.
    if full_app::handing_over() {
        return;
    }
    let started = js_sys::Date::now();
    // The page may be gone by the time a delayed save runs: then there is nothing to do.
    let Some(json) = state.session.try_with_untracked(|s| s.lesson().to_json()) else {
        return;
    };
    let Some(run) = run_text(state) else {
        return;
    };
    let (lesson_changed, run_changed) = classroom
        .saver
        .try_update_value(|s| {
            s.pending = false;
            (
                s.last_saved.as_deref() != Some(json.as_str()),
                s.last_run.as_deref() != Some(run.as_str()),
            )
        })
        .unwrap_or((false, false));
    if !lesson_changed && !run_changed {
        return;
    }
    // Without its copy, the saved work a bad link pushed aside is left where it is, and
    // this change goes unsaved (and is reported so) rather than replacing it.
    let under_main_key = classroom
        .saver
        .try_with_value(|s| s.earlier_work == EarlierWork::UnderMainKey)
        .unwrap_or(false);
    if under_main_key && !lesson_changed {
        // Only the speed changed: not worth giving up the saved work's own run for.
        return;
    }
    if let Err(problem) = keep_earlier_work(classroom) {
        report_storage_problem(state, classroom, problem);
        return;
    }
    // The lesson first: a run record that does not lead to the stored lesson is ignored
    // when it is read, so a write cut between the two loses the history, never the work.
    let written = if lesson_changed {
        storage::write(LESSON_KEY, &json)
    } else {
        Ok(())
    }
    .and_then(|()| storage::write(RUN_KEY, &run));
    let cost_ms = js_sys::Date::now() - started;
    classroom.saver.update_value(|s| s.last_cost_ms = cost_ms);
    match written {
        Ok(()) => classroom.saver.update_value(|s| {
            s.last_saved = Some(json);
            s.last_run = Some(run);
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
        state.notify(problem.text(t), true);
    }
}

/// Sets the work on screen aside before the walkthrough replaces it with its scenes, as a
/// good link's start does: saved at once (nothing typed in the last moments is lost), then
/// copied to [`BEFORE_LINK_KEY`], from where "Open my saved work" reads it, across
/// reloads, until opened or dismissed. Returns whether there was work worth offering (it
/// reads as a lesson and is not the lecture's own). Where the copy cannot be written
/// (storage full) the work stays under the main key and saving will not write over it.
pub fn keep_work_aside(state: LessonState, classroom: ClassroomState) -> bool {
    save_now(state, classroom);
    let saved = storage::read(LESSON_KEY);
    if !worth_offering(&saved, &Preset::Lecture.lesson()) {
        return false;
    }
    let Ok(Some(json)) = saved else {
        return false;
    };
    let now = if storage::write(BEFORE_LINK_KEY, &json).is_ok() {
        EarlierWork::CopiedAside
    } else {
        EarlierWork::UnderMainKey
    };
    classroom.saver.update_value(|s| s.earlier_work = now);
    true
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

/// Opens the saved work a link pushed aside (the button of that notice) from where it is
/// now, as the app opens saved work: fresh undo and edit histories, no preset, and the
/// notice goes away. It is saved at once as the saved work, and then no longer kept
/// aside. Saved work that cannot be read (changed in another tab meanwhile) leaves the
/// lesson as it is, with a notice.
pub fn open_saved_work(state: LessonState, classroom: ClassroomState) {
    let key = classroom
        .saver
        .try_with_value(|s| s.earlier_work.key())
        .flatten();
    let lesson = key
        .and_then(|key| storage::read(key).ok().flatten())
        .map(|json| Lesson::from_json(&json));
    // Work with a race or a formula in the first-load build: the full build opens it
    // (saved work under the main key as it starts; work a link set aside because the
    // address asks it to).
    if let Some(Err(error)) = &lesson {
        if full_app::needs_full_build(error) {
            full_app::reload_into_full_for_saved_work(
                state.lang.get_untracked(),
                key == Some(BEFORE_LINK_KEY),
            );
            return;
        }
    }
    let Some(Ok(lesson)) = lesson else {
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
    save_now(state, classroom);
    let saved = state.session.with_untracked(|s| s.lesson().to_json());
    let stored = classroom.saver.with_value(|s| s.last_saved.clone());
    if key == Some(BEFORE_LINK_KEY) && stored.as_deref() == Some(saved.as_str()) {
        storage::remove(BEFORE_LINK_KEY);
    }
}

/// Declines the offer to open saved work a link pushed aside (the notice's Dismiss
/// button): the copy kept aside is forgotten, or, while the work is still under the main
/// key, the next save may replace it. The notice goes away.
pub fn dismiss_saved_work(state: LessonState, classroom: ClassroomState) {
    let earlier = classroom
        .saver
        .try_update_value(|s| std::mem::take(&mut s.earlier_work))
        .unwrap_or_default();
    if earlier == EarlierWork::CopiedAside {
        storage::remove(BEFORE_LINK_KEY);
    }
    state.notice.set(None);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_saved_work_is_opened_from_where_it_is_now() {
        assert_eq!(EarlierWork::default(), EarlierWork::None);
        assert_eq!(EarlierWork::None.key(), None);
        assert_eq!(EarlierWork::UnderMainKey.key(), Some(LESSON_KEY));
        assert_eq!(EarlierWork::CopiedAside.key(), Some(BEFORE_LINK_KEY));
        assert_ne!(BEFORE_LINK_KEY, LESSON_KEY);
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
}
