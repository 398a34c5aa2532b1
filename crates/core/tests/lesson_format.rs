//! Lesson format version 2: the race (racers with every hyperparameter, the schedule,
//! the batching and seed, the map's view) is saved and shared exactly; a lesson with the
//! default race is still written as version 1; a bad race is refused with a typed error.
#![allow(clippy::unwrap_used)]

use descent_core::lesson::{RaceSetup, RACE_VERSION};
use descent_core::presets::Preset;
use descent_core::race::{Batching, Hyperparameter, Schedule, Settings};
use descent_core::surface::View;
use descent_core::{Lesson, LessonError};

fn with_race() -> Lesson {
    let mut lesson = Preset::LectureAb.lesson();
    let adam = Settings::defaults("adam")
        .unwrap()
        .with(Hyperparameter::Beta2, 0.99)
        .unwrap()
        .with(Hyperparameter::Epsilon, 1e-6)
        .unwrap();
    lesson.race = Box::new(RaceSetup {
        racers: vec![
            Settings::defaults("nesterov")
                .unwrap()
                .with(Hyperparameter::Beta, 0.5)
                .unwrap(),
            adam,
            Settings::defaults("rmsprop")
                .unwrap()
                .with(Hyperparameter::Alpha, 0.9)
                .unwrap(),
        ],
        schedule: Schedule::StepDecay {
            every: 7,
            factor: 0.25,
        },
        batching: Batching {
            size: Some(2),
            seed: u64::MAX,
        },
        view: Some(View {
            a: (7.5, 10.25),
            b: (-1.0, 1e-7),
        }),
    });
    lesson
}

#[test]
fn every_preset_and_a_full_race_round_trip() {
    let mut lessons: Vec<Lesson> = Preset::ALL.iter().map(|p| p.lesson()).collect();
    lessons.push(with_race());
    for schedule in Schedule::ALL {
        let mut lesson = with_race();
        lesson.race.schedule = schedule;
        lesson.race.batching.size = None;
        lesson.race.view = None;
        lessons.push(lesson);
    }
    for lesson in lessons {
        let json = lesson.to_json();
        let version = if lesson.race.is_default() {
            1
        } else {
            RACE_VERSION
        };
        assert!(
            json.starts_with(&format!("{{\"version\":{version},")),
            "{json}"
        );
        assert_eq!(Lesson::from_json(&json), Ok(lesson.clone()), "{json}");
        assert_eq!(Lesson::from_link(&lesson.to_link()), Ok(lesson.clone()));
    }
}

#[test]
fn the_race_is_written_in_full() {
    let json = with_race().to_json();
    assert!(json.ends_with(r#","race":{"racers":[{"id":"nesterov","learning_rate":0.003,"beta":0.5,"alpha":0.99,"beta1":0.9,"beta2":0.999,"epsilon":1e-8},{"id":"adam","learning_rate":0.1,"beta":0.9,"alpha":0.99,"beta1":0.9,"beta2":0.99,"epsilon":1e-6},{"id":"rmsprop","learning_rate":0.01,"beta":0.9,"alpha":0.9,"beta1":0.9,"beta2":0.999,"epsilon":1e-8}],"schedule":{"kind":"step","every":7,"factor":0.25},"batch_size":2,"seed":18446744073709551615,"view":{"a":[7.5,10.25],"b":[-1.0,1e-7]}}}"#), "{json}");
    // lecture-ab: plain descent and momentum at γ = 0.003.
    let ab = Preset::LectureAb.lesson().to_json();
    assert!(
        ab.contains(r#""racers":[{"id":"gd","learning_rate":0.003,"#),
        "{ab}"
    );
    assert!(
        ab.contains(r#"{"id":"momentum","learning_rate":0.003,"beta":0.9,"#),
        "{ab}"
    );
}

#[test]
fn a_bad_race_is_refused() {
    let good = with_race().to_json();
    let cases = [
        (r#""beta":0.5"#, r#""beta":1.0"#, "invalid"),
        (r#""epsilon":1e-6"#, r#""epsilon":0.0"#, "invalid"),
        (r#""batch_size":2"#, r#""batch_size":0"#, "invalid"),
        (r#""batch_size":2"#, r#""batch_size":2.5"#, "json"),
        (
            r#""seed":18446744073709551615"#,
            r#""seed":18446744073709551616"#,
            "json",
        ),
        (r#""seed":18446744073709551615"#, r#""seed":-1"#, "json"),
        (r#""every":7"#, r#""every":0"#, "invalid"),
        (r#""a":[7.5,10.25]"#, r#""a":[10.25,7.5]"#, "invalid"),
        (r#""a":[7.5,10.25]"#, r#""a":[7.5]"#, "json"),
        (r#"{"id":"nesterov""#, r#"{"id":"lbfgs""#, "json"),
        (r#"{"id":"adam""#, r#"{"id":"nesterov""#, "invalid"),
        (r#","batch_size":2"#, "", "json"),
    ];
    for (from, to, kind) in cases {
        assert!(good.contains(from), "{from}");
        let bad = good.replacen(from, to, 1);
        let result = Lesson::from_json(&bad);
        match kind {
            "invalid" => assert!(
                matches!(result, Err(LessonError::Invalid(_))),
                "{to}: {result:?}"
            ),
            _ => assert!(
                matches!(result, Err(LessonError::Json(_))),
                "{to}: {result:?}"
            ),
        }
    }
    // Version 2 needs its race; version 1 skips one, as it skipped every unknown key.
    let v1 = Preset::Lecture.lesson().to_json();
    let v2_without = v1.replacen("\"version\":1", "\"version\":2", 1);
    assert!(
        matches!(Lesson::from_json(&v2_without), Err(LessonError::Json(e)) if e.contains("missing field `race`"))
    );
    let race = &good[good.find(",\"race\":").unwrap()..good.len() - 1];
    let v1_with = format!("{}{race}}}", &v1[..v1.len() - 1]);
    assert_eq!(Lesson::from_json(&v1_with), Ok(Preset::Lecture.lesson()));
}
