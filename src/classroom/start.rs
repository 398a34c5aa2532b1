//! Where a lesson opens from when the app starts, first match wins:
//! 1. a share link in the URL's fragment (one that cannot be read opens the default
//!    lesson with a notice, and leaves the saved work alone: see [`super::saving`]);
//! 2. the saved work in `localStorage` (unreadable saved work: the default lesson and a
//!    notice, and the unreadable text is copied to [`storage::UNREADABLE_KEY`] before a
//!    change replaces it);
//! 3. the lecture's lesson.
//!
//! The choice is a plain function ([`choose_start`]), tested natively; [`restore`] reads
//! the browser and applies it.

use crate::classroom::full_app;
use crate::classroom::language::choose_language;
use crate::classroom::run_memory::{self, RunRecord, RUN_KEY};
use crate::classroom::{share, storage};
use crate::formula_text::lesson_formula_problem;
use crate::i18n::{strings, Lang, Strings};
use crate::state::{LessonState, NoticeAction, SPEEDS};
use descent_core::presets::Preset;
use descent_core::{Lesson, LessonError};
use leptos::prelude::*;
use storage::{StorageProblem, BEFORE_LINK_KEY, LANG_KEY, LESSON_KEY, UNREADABLE_KEY};

/// Why the app did not open the lesson it was asked for, or cannot keep it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartNotice {
    /// The link in the URL could not be read.
    BadShareLink,
    /// The saved work could not be read.
    SavedWorkUnreadable,
    /// The browser gives no storage, so nothing will be saved.
    StorageUnavailable,
    /// A link opened its lesson in place of the saved work, which is kept aside until the
    /// student opens it or dismisses the offer (shown again after every reload until then).
    SavedWorkKeptAside,
}

impl StartNotice {
    /// The notice's text.
    pub fn text(self, t: &Strings) -> &'static str {
        match self {
            StartNotice::BadShareLink => t.status_bad_share_link,
            StartNotice::SavedWorkUnreadable => t.status_saved_work_unreadable,
            StartNotice::StorageUnavailable => t.status_storage_unavailable,
            StartNotice::SavedWorkKeptAside => t.status_saved_work_kept_aside,
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
    /// Whether the notice offers to open the saved work instead (a link's start, good or
    /// bad, with saved work worth opening; or saved work a link set aside earlier).
    pub offer_saved_work: bool,
    /// Whether to copy the saved work aside ([`storage::BEFORE_LINK_KEY`]) before
    /// anything else: a good link's lesson replaces it at once.
    pub set_aside: bool,
}

impl Start {
    fn default_lesson(notice: Option<StartNotice>) -> Start {
        Start {
            lesson: Preset::Lecture.lesson(),
            preset: Some(Preset::Lecture),
            notice,
            save_now: false,
            offer_saved_work: false,
            set_aside: false,
        }
    }
}

/// Whether saved work, as storage gave it, is worth offering in place of `opened`: it
/// reads as a lesson, and it is not just the lesson already open; or only the full build
/// can read it (a race, a formula: opening it reloads into the full build).
pub(super) fn worth_offering(
    saved: &Result<Option<String>, StorageProblem>,
    opened: &Lesson,
) -> bool {
    match saved {
        Ok(Some(json)) => match Lesson::from_json(json) {
            Ok(lesson) => &lesson != opened,
            Err(error) => full_app::needs_full_build(&error),
        },
        Ok(None) | Err(_) => false,
    }
}

/// Chooses the opening lesson (see the module docs) from the URL's share link, if there
/// is one, the saved work as storage gave it, and the saved work a link set aside
/// earlier (still offered until opened or dismissed).
pub fn choose_start(
    link: Option<Result<Lesson, LessonError>>,
    saved: Result<Option<String>, StorageProblem>,
    kept_aside: Option<String>,
) -> Start {
    let start = match link {
        Some(Ok(lesson)) => {
            let displaced = worth_offering(&saved, &lesson);
            Start {
                lesson,
                preset: None,
                notice: displaced.then_some(StartNotice::SavedWorkKeptAside),
                save_now: true,
                offer_saved_work: displaced,
                set_aside: displaced,
            }
        }
        Some(Err(_)) => Start {
            offer_saved_work: worth_offering(&saved, &Preset::Lecture.lesson()),
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
                    set_aside: false,
                },
                Err(_) => Start::default_lesson(Some(StartNotice::SavedWorkUnreadable)),
            },
            Ok(None) => Start::default_lesson(None),
            Err(_) => Start::default_lesson(Some(StartNotice::StorageUnavailable)),
        },
    };
    // Work a link set aside on an earlier visit is offered until the student answers.
    if start.notice.is_none() && worth_offering(&Ok(kept_aside), &start.lesson) {
        return Start {
            notice: Some(StartNotice::SavedWorkKeptAside),
            offer_saved_work: true,
            ..start
        };
    }
    start
}

/// The lesson state the app opens with: the share link, the saved work or the lecture,
/// in the remembered or the browser's language, with any notice already shown.
pub fn restore(browser_language: Lang) -> LessonState {
    let stored_lang = storage::read(LANG_KEY).ok().flatten();
    let lang = choose_language(stored_lang.as_deref(), browser_language);
    let link = match share::current_fragment() {
        share::Fragment::Link(result) => Some(result),
        // A walkthrough link opens the walkthrough once the page is up (crate::walkthrough).
        share::Fragment::Empty | share::Fragment::Anchor | share::Fragment::Tour(_) => None,
    };
    // Read even with a link: a bad one offers the saved work instead, a good one sets it
    // aside.
    let saved = storage::read(LESSON_KEY);
    // A link with a typed formula, opened in the first-load build, goes to the full build
    // with its fragment (kept in the address for it).
    let to_full = matches!(&link, Some(Err(error)) if full_app::needs_full_build(error));
    if to_full {
        full_app::reload_into_full_with_link(lang);
    } else if link.is_some() {
        share::clear_fragment();
    }
    let kept_aside = storage::read(BEFORE_LINK_KEY).ok().flatten();
    // A link whose formula cannot be used says why, after the bad-link notice.
    let formula_problem = match &link {
        Some(Err(error)) => lesson_formula_problem(lang, error),
        _ => None,
    };
    let mut start = choose_start(link, saved.clone(), kept_aside);
    if start.notice == Some(StartNotice::SavedWorkUnreadable) {
        // The first change will replace text this app cannot read (a damaged or a newer
        // format): it is kept aside first, as it was, for whoever can still use it.
        if let Ok(Some(text)) = &saved {
            let _ = storage::write(UNREADABLE_KEY, text);
        }
    }
    if start.set_aside {
        // Not copied (storage full): the link's lesson is not saved over the work either;
        // saving then copies it aside before the first change, as after a bad link.
        let copied = match &saved {
            Ok(Some(text)) => storage::write(BEFORE_LINK_KEY, text).is_ok(),
            _ => false,
        };
        start.save_now &= copied;
    }
    let from_saved_work = start.preset.is_none() && !start.save_now;
    let record = storage::read(RUN_KEY)
        .ok()
        .flatten()
        .and_then(|text| RunRecord::decode(&text));
    let state = LessonState::new(start.lesson.clone(), lang);
    if let (true, Some(record)) = (from_saved_work, &record) {
        // The saved work's run, replayed: history, Undo, trail and exports survive a reload.
        state.session.set(run_memory::replay(start.lesson, record));
    }
    if let Some(speed) = record.map(|r| r.speed).filter(|s| SPEEDS.contains(s)) {
        state.speed.set(speed);
    }
    state.preset.set(start.preset);
    let t = strings(lang);
    if let Some(notice) = start.notice {
        let text = match (&formula_problem, notice) {
            (Some(why), StartNotice::BadShareLink) => format!("{} {why}", notice.text(t)),
            _ => notice.text(t).to_owned(),
        };
        if start.offer_saved_work {
            state.notify_with_action(text, true, NoticeAction::OpenSavedWork);
        } else {
            state.notify(text, true);
        }
    }
    if start.save_now {
        let json = state.session.with_untracked(|s| s.lesson().to_json());
        if let Err(problem) = storage::write(LESSON_KEY, &json) {
            state.notify(problem.text(t), true);
        }
    }
    state
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
        let start = choose_start(Some(Ok(shared.clone())), Ok(None), None);
        assert_eq!(start.lesson, shared);
        assert_eq!(start.notice, None);
        assert!(start.save_now);
        assert!(!start.set_aside);
    }

    #[test]
    fn a_share_link_sets_the_saved_work_aside_and_offers_it() {
        let shared = Preset::Force.lesson();
        let start = choose_start(
            Some(Ok(shared.clone())),
            saved(&Preset::Empty.lesson()),
            None,
        );
        assert_eq!(start.lesson, shared);
        assert!(start.save_now);
        assert!(start.set_aside);
        assert!(start.offer_saved_work);
        assert_eq!(start.notice, Some(StartNotice::SavedWorkKeptAside));
        // Saved work that is the link's lesson already is not worth keeping twice.
        let same = choose_start(Some(Ok(shared.clone())), saved(&shared), None);
        assert!(!same.set_aside && !same.offer_saved_work);
    }

    #[test]
    fn work_a_link_set_aside_is_offered_after_a_reload_until_answered() {
        let mut work = Preset::Lecture.lesson();
        work.table.rows[0][1] = "111".into();
        let opened = Preset::Force.lesson();
        let start = choose_start(None, saved(&opened), Some(work.to_json()));
        assert_eq!(start.lesson, opened);
        assert!(start.offer_saved_work);
        assert_eq!(start.notice, Some(StartNotice::SavedWorkKeptAside));
        assert!(!start.save_now && !start.set_aside);
        // Nothing kept aside, unreadable, or just what is open: no offer.
        for kept in [None, Some("{".to_owned()), Some(opened.to_json())] {
            assert!(!choose_start(None, saved(&opened), kept).offer_saved_work);
        }
    }

    fn bad_link() -> Option<Result<Lesson, LessonError>> {
        let error = Lesson::from_link("v1.truncat").map(|_| ());
        Some(Err(error.err().unwrap_or(LessonError::Encoding)))
    }

    #[test]
    fn a_bad_link_opens_the_lecture_with_a_notice_and_keeps_saved_work() {
        let start = choose_start(bad_link(), saved(&Preset::Force.lesson()), None);
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
            let start = choose_start(bad_link(), saved(&saved_work), None);
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
            let start = choose_start(bad_link(), saved_work.clone(), None);
            assert!(!start.offer_saved_work, "{saved_work:?}");
            assert_eq!(start.notice, Some(StartNotice::BadShareLink));
        }
        // Steps taken are work too.
        assert!(choose_start(bad_link(), saved(&stepped), None).offer_saved_work);
    }

    #[test]
    fn saved_work_alone_offers_nothing() {
        let work = saved(&Preset::Force.lesson());
        assert!(!choose_start(None, work, None).offer_saved_work);
        assert!(!choose_start(None, Ok(Some("{".into())), None).offer_saved_work);
        assert!(!choose_start(None, Err(StorageProblem::Unavailable), None).offer_saved_work);
    }

    #[test]
    fn saved_work_reopens_exactly() {
        let mut lesson = Preset::Lecture.lesson();
        lesson.table.rows[1][1] = "44,1".into();
        lesson.params = vec![9.3419];
        let start = choose_start(None, saved(&lesson), None);
        assert_eq!(start.lesson, lesson);
        assert_eq!(start.notice, None);
        assert!(!start.save_now);
    }

    #[test]
    fn corrupt_saved_work_opens_the_lecture_with_a_notice() {
        for corrupt in ["{", "null", "{\"version\":0}", "not json at all"] {
            let start = choose_start(None, Ok(Some(corrupt.into())), None);
            assert_eq!(start.lesson, Preset::Lecture.lesson(), "{corrupt}");
            assert_eq!(start.notice, Some(StartNotice::SavedWorkUnreadable));
        }
    }

    #[test]
    fn no_storage_opens_the_lecture_and_says_nothing_will_be_saved() {
        let start = choose_start(None, Err(StorageProblem::Unavailable), None);
        assert_eq!(start.lesson, Preset::Lecture.lesson());
        assert_eq!(start.notice, Some(StartNotice::StorageUnavailable));
        let fresh = choose_start(None, Ok(None), None);
        assert_eq!(fresh.notice, None);
        assert_eq!(fresh.preset, Some(Preset::Lecture));
    }

    #[test]
    fn every_notice_has_text_in_both_languages() {
        for lang in Lang::ALL {
            for notice in [
                StartNotice::BadShareLink,
                StartNotice::SavedWorkUnreadable,
                StartNotice::StorageUnavailable,
                StartNotice::SavedWorkKeptAside,
            ] {
                assert!(!notice.text(strings(lang)).is_empty());
            }
        }
    }
}
