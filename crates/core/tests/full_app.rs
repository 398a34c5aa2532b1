//! `Lesson::needs_full_app`: which lessons the app's first-load build hands to its full
//! build (the map of two parameters, the race, typed formulas). `boot.js` makes the same
//! test on a lesson's JSON; `end2end/tests/two-builds.spec.ts` checks the two agree on
//! every example.
#![allow(clippy::unwrap_used)]

use descent_core::presets::Preset;
use descent_core::{Lesson, Model, Session};

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

    let mut lesson: Lesson = Preset::Lecture.lesson();
    lesson.set_model(Model::formula_text("a*x").unwrap());
    assert!(
        lesson.needs_full_app(),
        "a typed formula, even a one-parameter one"
    );
}
