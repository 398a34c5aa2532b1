//! Two tabs of one browser, one saved work: what another tab saved is taken in as soon
//! as the `storage` event says so, and again just before every save, merged with this
//! tab's own changes ([`super::merge`]) so that no tab writes over a change it has not
//! seen.

use crate::classroom::full_app;
use crate::classroom::merge::{merge, RunFrom};
use crate::classroom::run_memory::{self, RunRecord, RUN_KEY};
use crate::classroom::saving::EarlierWork;
use crate::classroom::storage::{self, LESSON_KEY};
use crate::classroom::ClassroomState;
use crate::state::{LessonState, SPEEDS};
use descent_core::Lesson;
use leptos::prelude::*;

/// Where a first-load tab that hands over to the full build keeps what it had not saved
/// yet, in this tab's `sessionStorage` (kept across the reload): the lesson it last saved
/// or read, the lesson on screen, and their run records, in that order.
const HANDED_OVER_KEYS: [&str; 4] = [
    "descent-lab/handed-over/base",
    "descent-lab/handed-over/base-run",
    "descent-lab/handed-over/mine",
    "descent-lab/handed-over/my-run",
];

/// First-load build, reloading because another tab saved work only the full build reads:
/// this tab's changes since its last save (`base`, `seen_run`; an edit made in the last
/// save delay) would be lost with the page, so they are kept for the full build, which
/// merges them in ([`take_in_handed_over`]) as it would another tab's.
fn keep_unsaved_for_full_build(state: LessonState, base: Option<&str>, seen_run: Option<&str>) {
    let Some(speed) = state.speed.try_get_untracked() else {
        return;
    };
    let Some((mine, my_run)) = state
        .session
        .try_with_untracked(|s| (s.lesson().to_json(), RunRecord::of(s, speed).encode()))
    else {
        return;
    };
    let Some(base) = base else {
        return;
    };
    if base == mine && seen_run == Some(my_run.as_str()) {
        return;
    }
    let [base_key, base_run_key, mine_key, my_run_key] = HANDED_OVER_KEYS;
    // The lesson on screen last, and only once the rest is stored: without it the full
    // build takes in nothing (a storage that refuses leaves the hand-over as before).
    let _ = storage::write_for_this_tab(base_key, base)
        && storage::write_for_this_tab(base_run_key, seen_run.unwrap_or_default())
        && storage::write_for_this_tab(my_run_key, &my_run)
        && storage::write_for_this_tab(mine_key, &mine);
}

/// Full build, at the start: the changes a first-load tab had not saved when it handed
/// over to this build ([`keep_unsaved_for_full_build`]) are put on screen over the lesson
/// it had saved, and what storage holds now (the other tab's work that caused the hand-
/// over) is merged in as [`take_in_other_tabs`] merges any other tab's: nothing typed in
/// the last moment before the reload is lost. Nothing happens when there are none.
pub fn take_in_handed_over(state: LessonState, classroom: ClassroomState) {
    let [base_key, base_run_key, mine_key, my_run_key] =
        HANDED_OVER_KEYS.map(storage::take_for_this_tab);
    let (Some(base), Some(mine)) = (base_key, mine_key) else {
        return;
    };
    let Ok(lesson) = Lesson::from_json(&mine) else {
        return;
    };
    let Some(record) = my_run_key.as_deref().and_then(RunRecord::decode) else {
        return;
    };
    classroom.saver.update_value(|s| {
        s.last_saved = Some(base);
        s.last_run = base_run_key.filter(|run| !run.is_empty());
    });
    state.session.set(run_memory::replay(lesson, &record));
    take_in_other_tabs(state, classroom);
}

/// Takes in what another tab saved since this tab last read or wrote storage: the two
/// lessons are merged ([`merge`]) and the merged one (with the run of the side whose
/// parameters it kept) replaces this tab's session when it differs. What storage holds
/// is then counted as seen, so the next save writes the merge over it, and only it.
pub fn take_in_other_tabs(state: LessonState, classroom: ClassroomState) {
    let Some((base, seen_run, earlier_work)) = classroom
        .saver
        .try_with_value(|s| (s.last_saved.clone(), s.last_run.clone(), s.earlier_work))
    else {
        return;
    };
    // Storage holds saved work this page must not take over (a bad link's start).
    if earlier_work == EarlierWork::UnderMainKey {
        return;
    }
    let Ok(Some(stored)) = storage::read(LESSON_KEY) else {
        return;
    };
    let stored_run = storage::read(RUN_KEY).ok().flatten();
    if base.as_deref() == Some(stored.as_str()) && seen_run == stored_run {
        return;
    }
    let theirs = match Lesson::from_json(&stored) {
        Ok(lesson) => lesson,
        // The first-load build cannot read another tab's race or formula: the full build
        // opens that work (with this tab's changes up to its last save merged into it).
        Err(error) if full_app::needs_full_build(&error) => {
            if let Some(lang) = state.lang.try_get_untracked() {
                keep_unsaved_for_full_build(state, base.as_deref(), seen_run.as_deref());
                full_app::reload_into_full_for_saved_work(lang, false);
            }
            return;
        }
        Err(_) => return,
    };
    let base = base
        .and_then(|json| Lesson::from_json(&json).ok())
        .unwrap_or_else(|| theirs.clone());
    // The same lesson written another way (by hand, by an older version: `8` for `8.0`;
    // no run record at all for an empty run) is nothing new, and no reason to write it
    // again.
    let steps = |text: Option<&str>| text.and_then(RunRecord::decode).map(|r| r.steps);
    let same_steps = steps(seen_run.as_deref()).unwrap_or_default()
        == steps(stored_run.as_deref()).unwrap_or_default();
    if base == theirs && same_steps {
        return;
    }
    let Some(speed) = state.speed.try_get_untracked() else {
        return;
    };
    let Some((mine, my_run)) = state
        .session
        .try_with_untracked(|s| (s.lesson().clone(), RunRecord::of(s, speed)))
    else {
        return;
    };
    let their_run = stored_run.as_deref().and_then(RunRecord::decode);
    let (merged, run_from) = merge(&base, &mine, &theirs);
    let record = match (run_from, &their_run) {
        (RunFrom::Theirs, Some(record)) => record.clone(),
        (RunFrom::Theirs, None) => RunRecord {
            steps: Vec::new(),
            speed,
            race: 0,
        },
        (RunFrom::Mine, _) => my_run.clone(),
    };
    // What storage holds is seen now. When the merge is just their lesson, it is also
    // what storage holds, however its text was written: nothing to write back.
    let adopted = merged == theirs && run_from == RunFrom::Theirs;
    classroom.saver.update_value(|s| {
        s.last_saved = Some(if merged == theirs {
            merged.to_json()
        } else {
            stored
        });
        s.last_run = if adopted {
            Some(record.encode())
        } else {
            stored_run
        };
    });
    if merged != mine || record.steps != my_run.steps || record.race != my_run.race {
        state.session.set(run_memory::replay(merged, &record));
    }
    if let Some(record) = their_run.filter(|r| SPEEDS.contains(&r.speed)) {
        if run_from == RunFrom::Theirs && record.speed != speed {
            state.speed.set(record.speed);
        }
    }
}
