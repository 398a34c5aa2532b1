//! `Lesson::needs_full_app`: which lessons the app's first-load build hands to its full
//! build (the map of two parameters, the race, typed formulas). `boot.js` makes the same
//! test on a lesson's JSON; `end2end/tests/two-builds.spec.ts` checks the two agree on
//! every example.
#![allow(clippy::unwrap_used)]

use descent_core::presets::Preset;
use descent_core::{Lesson, LessonError, Model, Session};

#[test]
fn the_lecture_examples_stay_in_the_first_load_build_and_the_others_go_to_the_full_one() {
    for preset in Preset::ALL {
        let expected = matches!(
            preset,
            Preset::LectureAb | Preset::Ravine | Preset::NoisyLine | Preset::NonConvexAb
        );
        assert_eq!(
            preset.lesson().needs_full_app(),
            expected,
            "{}",
            preset.id()
        );
    }
}

#[test]
fn freeing_b_ticking_an_optimizer_or_typing_a_formula_needs_the_full_build() {
    // The lecture's ŷ = a·x + b with b frozen at 2 (the local-minima example's shape): one
    // free parameter, no map.
    let mut session = Session::new(Preset::LocalMinima.lesson());
    assert!(!session.lesson().needs_full_app());
    session.set_frozen(1, false);
    assert!(
        session.lesson().needs_full_app(),
        "two free parameters: the map"
    );
    session.set_frozen(1, true);
    assert!(!session.lesson().needs_full_app());

    let mut session = Session::new(Preset::Lecture.lesson());
    session.set_racing("momentum", true).unwrap();
    assert!(
        session.lesson().needs_full_app(),
        "an optimizer ticked: the race"
    );
    session.set_racing("momentum", false).unwrap();
    assert!(!session.lesson().needs_full_app());

    // Typed formulas are in descent-core's `formula` feature only.
    if cfg!(feature = "formula") {
        let mut lesson: Lesson = Preset::Lecture.lesson();
        lesson.set_model(Model::formula_text("a*x").unwrap());
        assert!(
            lesson.needs_full_app(),
            "a typed formula, even a one-parameter one"
        );
    }
}

/// The first-load build (descent-core without `optimizers`, `race`) cannot step momentum,
/// but it must still tick it, check and keep the race, and write it, so that it can hand
/// the lesson to the full build whole; a lesson with a race it reads only in the full one. Run this file with `--no-default-features` as well as with the
/// defaults (`scripts/test.sh`): it needs no optimizer beyond plain gradient descent.
#[test]
fn a_lesson_racing_every_optimizer_opens_and_keeps_its_race_in_either_build() {
    let mut session = Session::new(Preset::Lecture.lesson());
    for id in Session::optimizer_ids() {
        session.set_racing(id, true).unwrap();
    }
    let ids: Vec<&str> = session.race().lanes().iter().map(|l| l.id()).collect();
    assert_eq!(ids, ["gd", "momentum", "nesterov", "rmsprop", "adam"]);
    let lesson = session.lesson().clone();
    assert!(lesson.needs_full_app());
    let racers: Vec<&str> = lesson.race.racers.iter().map(|r| r.id).collect();
    assert_eq!(racers, ids);

    let (json, link) = (lesson.to_json(), lesson.to_link());
    if cfg!(feature = "race") {
        for read in [Lesson::from_json(&json), Lesson::from_link(&link)] {
            let read = read.unwrap();
            assert_eq!(read, lesson);
            let reopened = Session::new(read);
            assert_eq!(reopened.lesson(), &lesson, "the race is kept");
            assert_eq!(reopened.race().lanes().len(), 5);
        }
    } else {
        // The first-load build reads no race: it hands the saved work or link to the
        // full build (`boot.js` sends a lesson of version 2 or later there at once).
        assert_eq!(Lesson::from_json(&json), Err(LessonError::NotInThisBuild));
        assert_eq!(Lesson::from_link(&link), Err(LessonError::NotInThisBuild));
    }
}

#[test]
fn without_a_race_a_lesson_is_written_in_version_1_which_every_build_reads() {
    let mut session = Session::new(Preset::Lecture.lesson());
    session.step();
    session.set_racing("momentum", true).unwrap();
    session.set_racing("momentum", false).unwrap();
    let json = session.lesson().to_json();
    assert!(json.contains("\"version\":1"), "{json}");
    assert_eq!(Lesson::from_json(&json).as_ref(), Ok(session.lesson()));
    session.set_racing("gd", true).unwrap();
    let raced = session.lesson().to_json();
    assert!(raced.contains("\"version\":2"), "{raced}");
}
