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
                full_app::reload_into_full_for_saved_work(lang);
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
