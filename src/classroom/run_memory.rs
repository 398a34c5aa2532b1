//! The run and the autoplay speed, kept beside the lesson so that a reload keeps the step
//! history, Undo, the trail on the loss curve and the history exports.
//!
//! The lesson's own format (descent-core's `Lesson`, also the share links') is left as it
//! is. Beside it, under [`RUN_KEY`], goes a short record of *how* the run got where it
//! stands: the γ of every step, run-length encoded (`0.003*5`), and the speed. Reopening
//! replays those steps from the lesson's start through the session's own methods, so the
//! history comes back exactly as it was computed, whatever the optimizer keeps inside.
//! The replay is checked: unless it ends exactly at the saved lesson (a record from an
//! older lesson, another tab, a hand edit), the lesson opens as before, without history.
//!
//! A race of optimizers (issue 10) is kept the same way: the record says how many Steps
//! the race has taken (`race=20`), and reopening steps it that often from its start. Its
//! settings are the lesson's as saved, so a race whose γ or β was changed mid-run comes
//! back as if it had run with the last values from the start.
//!
//! The first-load build cannot step a race (it hands a race to the full build,
//! `classroom::full_app`, and leaves the optimizers beyond gradient descent out of its
//! wasm): it replays only the lesson's own descent, and the record it writes on the way
//! to the full build keeps the race's Steps it was given, so the full build replays them.
//!
//! Bounded: at most [`MAX_KEPT_STEPS`] steps, and no more than [`REPLAY_BUDGET`] point
//! evaluations in all (a 100 000-row table keeps 200 steps), so a reload stays quick. A
//! longer run reopens where it stands, without its history, as every run did before.

use descent_core::{Lesson, Session};
use std::cell::Cell;

thread_local! {
    /// First-load build only: the race Steps of the record last replayed, for a lesson
    /// with a race, which that build cannot step (see the module docs).
    static RACE_NOT_REPLAYED: Cell<usize> = const { Cell::new(0) };
}

/// Where the record is kept.
pub const RUN_KEY: &str = "descent-lab/lesson/v1/run";

/// The most steps a record keeps (the step limit of a run).
pub const MAX_KEPT_STEPS: usize = 10_000;

/// The most steps × data rows a replay may cost.
pub const REPLAY_BUDGET: usize = 20_000_000;

/// How the run got where it stands, and the autoplay speed.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRecord {
    /// The γ of each step, oldest first, as (γ, how many steps in a row used it).
    pub steps: Vec<(f64, usize)>,
    /// Autoplay speed in steps per second.
    pub speed: u32,
    /// The Steps the race of optimizers has taken (0 without a race).
    pub race: usize,
}

impl RunRecord {
    /// The record of `session`'s run (empty when it is over the bounds) and `speed`.
    pub fn of(session: &Session, speed: u32) -> RunRecord {
        Self::of_in(crate::FULL_BUILD, session, speed)
    }

    /// [`RunRecord::of`] in the full build (`steps_races`) or the first-load build.
    fn of_in(steps_races: bool, session: &Session, speed: u32) -> RunRecord {
        let history = session.history();
        let rows = session.lesson().table.rows.len().max(1);
        let mut steps: Vec<(f64, usize)> = Vec::new();
        if history.len() <= MAX_KEPT_STEPS && history.len().saturating_mul(rows) <= REPLAY_BUDGET {
            for step in history {
                match steps.last_mut() {
                    Some((gamma, count)) if gamma.to_bits() == step.learning_rate.to_bits() => {
                        *count += 1
                    }
                    _ => steps.push((step.learning_rate, 1)),
                }
            }
        }
        let race = if steps_races {
            session.race().steps()
        } else if session.race().lanes().is_empty() {
            0
        } else {
            RACE_NOT_REPLAYED.get()
        };
        let race_cost = race
            .saturating_mul(rows)
            .saturating_mul(session.race().lanes().len());
        let race = if race <= MAX_KEPT_STEPS && race_cost <= REPLAY_BUDGET {
            race
        } else {
            0
        };
        RunRecord { steps, speed, race }
    }

    /// How many steps it records.
    pub fn len(&self) -> usize {
        self.steps.iter().map(|(_, n)| n).sum()
    }

    /// Whether it records no step.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The stored text: `v1 speed=5 steps=0.003*5,0.001*2`, and ` race=7` after it when
    /// the race has stepped (a record without it, from before the race, reads as 0).
    pub fn encode(&self) -> String {
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|(gamma, count)| format!("{gamma}*{count}"))
            .collect();
        let race = if self.race > 0 {
            format!(" race={}", self.race)
        } else {
            String::new()
        };
        format!("v1 speed={} steps={}{race}", self.speed, steps.join(","))
    }

    /// Reads [`RunRecord::encode`]'s text; `None` for anything else.
    pub fn decode(text: &str) -> Option<RunRecord> {
        let mut parts = text.split(' ');
        if parts.next()? != "v1" {
            return None;
        }
        let speed = parts.next()?.strip_prefix("speed=")?.parse().ok()?;
        let list = parts.next()?.strip_prefix("steps=")?;
        let race = match parts.next() {
            Some(part) => part.strip_prefix("race=")?.parse().ok()?,
            None => 0,
        };
        if parts.next().is_some() || race > MAX_KEPT_STEPS {
            return None;
        }
        let mut steps = Vec::new();
        let mut total = 0usize;
        for item in list.split(',').filter(|s| !s.is_empty()) {
            let (gamma, count) = item.split_once('*')?;
            let gamma = descent_core::decimal::parse_f64(gamma)?;
            let count: usize = count.parse().ok()?;
            total = total.checked_add(count)?;
            if !(gamma.is_finite() && gamma > 0.0) || count == 0 || total > MAX_KEPT_STEPS {
                return None;
            }
            steps.push((gamma, count));
        }
        Some(RunRecord { steps, speed, race })
    }
}

/// The session that opens `lesson` with the run `record` describes replayed from the
/// lesson's start; just `Session::new(lesson)` when the replay does not end exactly at
/// the lesson (see the module docs).
pub fn replay(lesson: Lesson, record: &RunRecord) -> Session {
    replay_in(crate::FULL_BUILD, lesson, record)
}

/// [`replay`] in the full build (`steps_races`), or in the first-load build, which
/// replays the descent only and keeps the race's Steps for the full build.
fn replay_in(steps_races: bool, lesson: Lesson, record: &RunRecord) -> Session {
    let mut session = replay_descent(lesson, record);
    if !steps_races {
        let handed_on = if session.race().lanes().is_empty() {
            0
        } else {
            record.race
        };
        RACE_NOT_REPLAYED.set(handed_on);
        return session;
    }
    let rows = session.lesson().table.rows.len().max(1);
    let cost = record
        .race
        .saturating_mul(rows)
        .saturating_mul(session.race().lanes().len());
    if cost <= REPLAY_BUDGET {
        for _ in 0..record.race {
            if !session.race_step() {
                break;
            }
        }
    }
    session
}

/// The lesson's own descent replayed (see [`replay`]).
fn replay_descent(lesson: Lesson, record: &RunRecord) -> Session {
    let plain = Session::new(lesson);
    let rows = plain.lesson().table.rows.len().max(1);
    if record.is_empty() || record.len().saturating_mul(rows) > REPLAY_BUDGET {
        return plain;
    }
    let mut session = plain.clone();
    session.reset();
    for &(gamma, count) in &record.steps {
        let text = format!("{gamma}");
        if session.learning_rate_text() != text {
            session.set_learning_rate_text(&text);
        }
        for _ in 0..count {
            session.step();
        }
    }
    // γ as the lesson has it now (it may have changed after the last step).
    let text = plain.learning_rate_text();
    if session.learning_rate_text() != text {
        session.set_learning_rate_text(text);
    }
    if session.lesson() == plain.lesson() && session.history().len() == record.len() {
        session
    } else {
        plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use descent_core::presets::Preset;

    fn stepped(steps: usize) -> Session {
        let mut session = Session::new(Preset::Lecture.lesson());
        for _ in 0..steps {
            session.step();
        }
        session
    }

    #[test]
    fn a_reopened_run_has_its_history_back_exactly() {
        let mut session = stepped(3);
        session.set_learning_rate_text("0.001");
        session.step();
        session.step();
        let record = RunRecord::of(&session, 10);
        assert_eq!(record.steps, vec![(0.003, 3), (0.001, 2)]);
        let text = record.encode();
        assert_eq!(text, "v1 speed=10 steps=0.003*3,0.001*2");
        let read = RunRecord::decode(&text);
        assert_eq!(read.as_ref(), Some(&record));
        let reopened = replay(session.lesson().clone(), &record);
        assert_eq!(reopened.history(), session.history());
        assert_eq!(reopened.lesson(), session.lesson());
        assert_eq!(reopened.outcome(), session.outcome());
    }

    #[test]
    fn five_lecture_steps_come_back_with_a_at_9_798078() {
        let session = stepped(5);
        let record = RunRecord::of(&session, 5);
        let reopened = replay(session.lesson().clone(), &record);
        assert_eq!(reopened.history().len(), 5);
        assert_eq!(reopened.params(), session.params());
    }

    #[test]
    fn a_record_that_does_not_lead_to_the_lesson_is_ignored() {
        let session = stepped(4);
        let record = RunRecord::of(&session, 5);
        let mut other = session.lesson().clone();
        other.params = vec![8.5];
        let reopened = replay(other.clone(), &record);
        assert!(reopened.history().is_empty());
        assert_eq!(reopened.lesson(), &other);
        // A lesson saved without a record (an older version) opens as before.
        let plain = replay(session.lesson().clone(), &RunRecord::of(&stepped(0), 5));
        assert!(plain.history().is_empty());
        assert_eq!(plain.lesson(), session.lesson());
    }

    #[test]
    fn a_race_comes_back_at_the_step_it_stood_at() {
        // lecture-ab: gradient descent and momentum ticked; a Step of the race also steps
        // the lesson's own descent, as the app's Step does.
        let mut session = Session::new(Preset::LectureAb.lesson());
        for _ in 0..7 {
            session.race_step();
            session.step();
        }
        let record = RunRecord::of(&session, 5);
        assert_eq!(record.race, 7);
        let text = record.encode();
        assert_eq!(text, "v1 speed=5 steps=0.003*7 race=7");
        let read = RunRecord::decode(&text).unwrap_or_else(|| panic!("{text}"));
        let reopened = replay(session.lesson().clone(), &read);
        assert_eq!(reopened.race_rows(), session.race_rows());
        assert_eq!(reopened.race_paths(), session.race_paths());
        assert_eq!(reopened.history(), session.history());
        // The first step of gradient descent in the race, as in OPTIMIZERS.md.
        let gd = reopened.race_lane("gd").map(|lane| lane.path());
        let (a, b) = gd.and_then(|p| p.get(1).copied()).unwrap_or_default();
        assert!(
            (a - 9.3419).abs() < 1e-12 && (b - 0.1782).abs() < 1e-12,
            "{a} {b}"
        );
        // Without the race's part (a record from before the race), the race starts afresh.
        let old = RunRecord::decode("v1 speed=5 steps=0.003*7").unwrap_or_else(|| panic!());
        assert_eq!(replay(session.lesson().clone(), &old).race().steps(), 0);
    }

    #[test]
    fn the_first_load_build_keeps_a_race_it_cannot_step_for_the_full_build() {
        let mut session = Session::new(Preset::LectureAb.lesson());
        for _ in 0..7 {
            session.race_step();
            session.step();
        }
        let record = RunRecord::of_in(true, &session, 5);
        assert_eq!(record.encode(), "v1 speed=5 steps=0.003*7 race=7");
        // The first-load build: the descent comes back, the race waits at its start...
        let first_load = replay_in(false, session.lesson().clone(), &record);
        assert_eq!(first_load.history(), session.history());
        assert_eq!(first_load.race().steps(), 0);
        assert_eq!(first_load.race().lanes().len(), 2);
        // ...and the record it saves on the way to the full build still says 7.
        let handed_on = RunRecord::of_in(false, &first_load, 5);
        assert_eq!(handed_on, record);
        let full = replay_in(true, first_load.lesson().clone(), &handed_on);
        assert_eq!(full.race_rows(), session.race_rows());
        assert_eq!(full.race_paths(), session.race_paths());
        // A lesson without a race hands nothing on, whatever its record says.
        let lecture = replay_in(false, Preset::Lecture.lesson(), &record);
        assert_eq!(RunRecord::of_in(false, &lecture, 5).race, 0);
    }

    #[test]
    fn unreadable_records_are_refused() {
        for bad in [
            "",
            "v2 speed=5 steps=",
            "v1 speed=x steps=",
            "v1 speed=5 steps=0.1*0",
            "v1 speed=5 steps=-1*3",
            "v1 speed=5 steps=NaN*3",
            "v1 speed=5 steps=0.1*99999",
            "v1 speed=5 steps=0.1*3 extra",
            "v1 speed=5 steps=0.1*3 race=x",
            "v1 speed=5 steps=0.1*3 race=99999",
            "v1 speed=5 steps=0.1*3 race=2 extra",
        ] {
            assert_eq!(RunRecord::decode(bad), None, "{bad}");
        }
        assert_eq!(
            RunRecord::decode("v1 speed=5 steps="),
            Some(RunRecord {
                steps: vec![],
                speed: 5,
                race: 0
            })
        );
    }
}
