//! What the app calls for the race and the loss map: `Session`'s race methods on
//! `lecture-ab`, hyperparameter fields with every bad input, the map's surface, view and
//! limits, and a share link carrying the race.
#![allow(clippy::unwrap_used)]

use descent_core::optimizer::HyperparameterError;
use descent_core::presets::Preset;
use descent_core::race::{Hyperparameter, Schedule, SettingError};
use descent_core::session::SettingInputError;
use descent_core::table::NumberError;
use descent_core::{Lesson, Session};

#[test]
fn the_race_table_of_lecture_ab() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    assert!(s.is_racing("gd") && s.is_racing("momentum") && !s.is_racing("adam"));
    for _ in 0..100 {
        assert!(s.race_step());
    }
    let rows = s.race_rows();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].id, rows[0].step), ("gd", 100));
    assert!((rows[0].params[1] - 0.146_544_537).abs() < 1e-9);
    assert!(rows[1].loss < 0.001);
    let paths = s.race_paths();
    assert_eq!(paths[0].1.len(), 101);
    assert_eq!(paths[0].1[0], (8.0, 0.0));
    assert_eq!(s.race_losses()[1].1.len(), 101);
    // The worked arithmetic of momentum's step 101.
    let update = s.race_update("momentum").unwrap();
    assert_eq!(update.t, 101);
    assert_eq!(update.state_before.count, 100);
    assert!(s.race_undo());
    assert_eq!(s.race_rows()[0].step, 99);
    s.race_reset();
    assert!(s
        .race_rows()
        .iter()
        .all(|r| r.step == 0 && r.params == [8.0, 0.0]));
    // A click on the map: every lane starts there, and so does the lesson.
    assert!(s.race_start_at(7.0, 1.0));
    assert!(s.race_rows().iter().all(|r| r.params == [7.0, 1.0]));
    assert_eq!(s.lesson().start, [7.0, 1.0]);
    // Ticking Adam adds a lane at the start; unticking GD takes it out.
    s.set_racing("adam", true).unwrap();
    s.set_racing("gd", false).unwrap();
    let ids: Vec<_> = s.race_rows().iter().map(|r| r.id).collect();
    assert_eq!(ids, ["momentum", "adam"]);
    assert_eq!(
        s.set_racing("lbfgs", true),
        Err(SettingError::UnknownOptimizer("lbfgs".into()))
    );
}

#[test]
fn hyperparameter_fields_take_what_the_gamma_field_takes_and_refuse_the_rest() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    for _ in 0..10 {
        s.race_step();
    }
    assert_eq!(
        s.set_hyperparameter_text("momentum", Hyperparameter::Beta, " 0,5 "),
        Ok(0.5)
    );
    assert_eq!(
        s.set_hyperparameter_text("gd", Hyperparameter::LearningRate, "−0,001"),
        Err(SettingInputError::Setting(SettingError::Hyperparameter(
            HyperparameterError::LearningRate(-0.001)
        )))
    );
    let before = s.clone();
    let bad = [
        ("abc", SettingInputError::Number(NumberError::NotANumber)),
        ("", SettingInputError::Number(NumberError::Empty)),
        ("NaN", SettingInputError::Number(NumberError::NotFinite)),
        ("inf", SettingInputError::Number(NumberError::NotFinite)),
        ("1e400", SettingInputError::Number(NumberError::NotFinite)),
        (
            "1",
            SettingInputError::Setting(SettingError::Hyperparameter(
                HyperparameterError::DecayRate {
                    name: "β",
                    value: 1.0,
                },
            )),
        ),
    ];
    for (text, error) in bad {
        assert_eq!(
            s.set_hyperparameter_text("momentum", Hyperparameter::Beta, text),
            Err(error),
            "{text}"
        );
    }
    assert_eq!(s, before, "nothing changes on a bad value");
    // 1e300 is a positive finite γ: taken; its step is refused, the lane stops on its own.
    assert_eq!(
        s.set_hyperparameter_text("gd", Hyperparameter::LearningRate, "1e300"),
        Ok(1e300)
    );
    s.race_step();
    let rows = s.race_rows();
    assert!(rows[0].outcome.is_final() && rows[0].step == 10);
    assert_eq!(rows[1].step, 11);
    // Batch size and seed.
    assert_eq!(
        s.set_batch_size_text("0"),
        Err(SettingInputError::Setting(SettingError::BatchSize {
            size: 0,
            rows: 3
        }))
    );
    assert_eq!(
        s.set_batch_size_text("4"),
        Err(SettingInputError::Setting(SettingError::BatchSize {
            size: 4,
            rows: 3
        }))
    );
    assert!(s.set_batch_size_text("2,5").is_err());
    assert_eq!(s.set_batch_size_text("2"), Ok(Some(2)));
    assert_eq!(s.set_batch_size_text("n"), Ok(None));
    assert_eq!(
        s.set_seed_text("1.5"),
        Err(SettingInputError::Setting(SettingError::Seed("1.5".into())))
    );
    assert_eq!(s.set_seed_text("7"), Ok(7));
    assert!(s
        .set_schedule(Schedule::Exponential { factor: 0.0 })
        .is_err());
    s.set_schedule(Schedule::InverseTime { rate: 0.5 }).unwrap();
    // The link carries all of it.
    let reopened = Session::new(Lesson::from_link(&s.lesson().to_link()).unwrap());
    assert_eq!(reopened.lesson(), s.lesson());
    let setup = &reopened.lesson().race;
    assert_eq!(setup.racers[1].beta, 0.5);
    assert_eq!(setup.racers[0].learning_rate, 1e300);
    assert_eq!(setup.batching.seed, 7);
    assert_eq!(setup.schedule, Schedule::InverseTime { rate: 0.5 });
}

#[test]
fn the_map_of_lecture_ab() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    let view = s.map_view().unwrap();
    assert!(view.contains((8.0, 0.0)) && view.contains((9.8, 0.0)));
    let map = s.map_surface(200, 200).unwrap();
    assert_eq!(map.surface.values().len(), 40_000);
    assert!((map.condition_number.unwrap() - 159.11).abs() < 0.01);
    assert!((map.limits.unwrap().gd() - 0.007_908).abs() < 1e-6);
    let m = map.minimum.unwrap();
    assert!(m.exact && (m.a - 9.8).abs() < 1e-9 && m.b.abs() < 1e-9);
    assert!(!map.contours.is_empty() && map.contours.iter().any(|c| !c.lines.is_empty()));
    // After 30 steps the fitted view also holds momentum's overshoot to a ≈ 11.4.
    for _ in 0..30 {
        s.race_step();
    }
    let fitted = s.map_view().unwrap();
    assert!(s
        .race_paths()
        .iter()
        .all(|(_, p)| p.iter().all(|&q| fitted.contains(q))));
    // A chosen view is kept, and saved.
    let chosen = descent_core::surface::View::new((0.0, 20.0), (-10.0, 10.0));
    s.set_map_view(Some(chosen));
    assert_eq!(s.map_view(), Some(chosen));
    assert_eq!(
        Lesson::from_json(&s.lesson().to_json()).unwrap().race.view,
        Some(chosen)
    );
    // One parameter: no map.
    assert!(Session::new(Preset::Lecture.lesson())
        .map_surface(10, 10)
        .is_none());
}

#[test]
fn editing_the_data_keeps_the_lanes_where_they_are() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    for _ in 0..5 {
        s.race_step();
    }
    let here: Vec<_> = s.race_rows().iter().map(|r| r.params.clone()).collect();
    s.set_cell(0, 1, "20");
    let rows = s.race_rows();
    assert!(rows.iter().all(|r| r.step == 0));
    assert_eq!(
        rows.iter().map(|r| r.params.clone()).collect::<Vec<_>>(),
        here
    );
    // Another model with as many parameters keeps them; one with fewer restarts the race.
    s.set_model(descent_core::Model::Linear);
    assert!(s.race_rows().iter().all(|r| r.params.len() == 1));
    // A lesson without a race has none, and its Step is the old one.
    let mut lecture = Session::new(Preset::Lecture.lesson());
    assert!(lecture.race_rows().is_empty());
    assert!(!lecture.race_step());
}

#[test]
fn mini_batch_steps_give_the_map_both_arrows_full_batches_none() {
    let lesson = Preset::NoisyLine.lesson();
    let mut s = Session::new(lesson.clone());
    assert!(s.race_batch_arrows().is_empty(), "before the first step");
    let full_at_start = Session::new(lesson).evaluation().gradient;
    let start = (s.params()[0], s.params()[1]);
    assert!(s.race_step());
    let arrows = s.race_batch_arrows();
    assert!(!arrows.is_empty());
    for arrows in &arrows {
        // Every racer starts at the lesson's start: the full gradient is the session's there.
        assert_eq!(arrows.at, start, "{}", arrows.id);
        assert_eq!(arrows.full, (full_at_start[0], full_at_start[1]));
        // 20 rows of 200, scaled by 10: an estimate, not the gradient itself.
        assert_ne!(arrows.batch, arrows.full);
        let ratio = arrows.batch.0 / arrows.full.0;
        assert!(
            ratio > 0.0,
            "the estimate points the same way in a: {ratio}"
        );
    }
    // The full batch: no estimate, no pair of arrows.
    assert_eq!(s.set_batch_size_text("200"), Ok(Some(200)));
    s.race_reset();
    assert!(s.race_step());
    assert!(s.race_batch_arrows().is_empty());
}

#[test]
fn each_racer_has_its_own_learning_rate_limit() {
    // lecture-ab: the Hessian 2·[[Σx², Σx], [Σx, n]] = [[248.5, 33], [33, 6]] has
    // λmax ≈ 252.9105, so GD's limit is 2/λmax ≈ 0.00791 (OPTIMIZERS.md), momentum's
    // 2(1 + 0.9)/λmax ≈ 0.015025 and Nesterov's 2·1.9/(2.8·λmax) ≈ 0.005366.
    let lambda = 2.0 * ((124.25 + 3.0) / 2.0 + ((121.25f64 / 2.0).powi(2) + 16.5 * 16.5).sqrt());
    let mut s = Session::new(Preset::LectureAb.lesson());
    s.set_racing("nesterov", true).unwrap();
    s.set_racing("adam", true).unwrap();
    let gd = s.race_learning_rate_limit("gd").unwrap();
    assert!((gd - 0.00791).abs() < 5e-6, "{gd}");
    assert!((gd - 2.0 / lambda).abs() < 1e-15);
    let momentum = s.race_learning_rate_limit("momentum").unwrap();
    assert!((momentum - 3.8 / lambda).abs() < 1e-15, "{momentum}");
    let nesterov = s.race_learning_rate_limit("nesterov").unwrap();
    assert!(
        (nesterov - 3.8 / (2.8 * lambda)).abs() < 1e-15,
        "{nesterov}"
    );
    // Adam adapts its step: no fixed limit. An optimizer not in the race has none shown.
    assert_eq!(s.race_learning_rate_limit("adam"), None);
    assert_eq!(s.race_learning_rate_limit("rmsprop"), None);
    // Momentum's limit follows its β: with β = 0 it is GD's.
    s.set_hyperparameter("momentum", Hyperparameter::Beta, 0.0)
        .unwrap();
    assert_eq!(s.race_learning_rate_limit("momentum"), Some(gd));
    // The lecture's one parameter, ŷ = a·x: 1/Σx² ≈ 0.008048 (LECTURE.md), momentum's
    // 1.9/Σx².
    let mut s = Session::new(Preset::Lecture.lesson());
    s.set_racing("gd", true).unwrap();
    s.set_racing("momentum", true).unwrap();
    assert!((s.race_learning_rate_limit("gd").unwrap() - 1.0 / 124.25).abs() < 1e-15);
    assert!((s.race_learning_rate_limit("momentum").unwrap() - 1.9 / 124.25).abs() < 1e-15);
    // A model not linear in its parameters has no fixed limit.
    let mut s = Session::new(Preset::NonConvexAb.lesson());
    s.set_racing("gd", true).unwrap();
    assert_eq!(s.race_learning_rate_limit("gd"), None);
}

#[test]
fn the_schedules_numbers_are_typed_in_their_fields_and_carried_by_a_link() {
    use descent_core::race::ScheduleParameter::{Every, Factor, Rate};
    let mut s = Session::new(Preset::LectureAb.lesson());
    // The constant schedule has no numbers: nothing to type.
    assert!(Schedule::Constant.parameters().is_empty());
    assert!(s.set_schedule_parameter_text(Factor, "0.5").is_err());
    s.set_schedule(Schedule::from_id("step").unwrap()).unwrap();
    assert_eq!(s.race().schedule().parameters(), &[Every, Factor]);
    // Decimal comma, as the γ field reads it.
    assert_eq!(s.set_schedule_parameter_text(Factor, "0,8"), Ok(0.8));
    assert_eq!(s.set_schedule_parameter_text(Every, "3"), Ok(3.0));
    let used = Schedule::StepDecay {
        every: 3,
        factor: 0.8,
    };
    assert_eq!(s.race().schedule(), used);
    // Every nonsense value is refused and changes nothing.
    for (which, text) in [
        (Every, "2.5"),
        (Every, "0"),
        (Every, "-1"),
        (Every, "1e300"),
        (Factor, "0"),
        (Factor, "1.5"),
        (Factor, "-0.5"),
        (Factor, "NaN"),
        (Factor, "inf"),
        (Factor, "abc"),
        (Factor, ""),
        (Rate, "0.1"),
    ] {
        assert!(
            s.set_schedule_parameter_text(which, text).is_err(),
            "{which:?} = {text:?}"
        );
        assert_eq!(s.race().schedule(), used, "{which:?} = {text:?}");
    }
    assert_eq!(
        s.set_schedule_parameter_text(Factor, "2"),
        Err(SettingInputError::Setting(SettingError::Schedule {
            name: "factor",
            value: 2.0
        }))
    );
    // GD's γ at step t: 0.003·0.8^⌊t/3⌋, so 0.003 for steps 0–2 and 0.0024 from step 3.
    assert_eq!(used.learning_rate(0.003, 2), 0.003);
    assert!((used.learning_rate(0.003, 3) - 0.0024).abs() < 1e-18);
    // The link and saved work carry the typed numbers.
    let reopened = Session::new(Lesson::from_link(&s.lesson().to_link()).unwrap());
    assert_eq!(reopened.race().schedule(), used);
    assert_eq!(reopened.lesson(), s.lesson());
    // 1/t: its rate, from 0 up.
    s.set_schedule(Schedule::from_id("inverse-time").unwrap())
        .unwrap();
    assert_eq!(s.set_schedule_parameter_text(Rate, "0"), Ok(0.0));
    assert!(s.set_schedule_parameter_text(Rate, "-0.1").is_err());
    assert_eq!(s.set_schedule_parameter_text(Rate, "0,25"), Ok(0.25));
    let json = s.lesson().to_json();
    assert_eq!(
        Lesson::from_json(&json).unwrap().race.schedule,
        Schedule::InverseTime { rate: 0.25 }
    );
}
