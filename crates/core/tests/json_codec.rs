//! The hand-written lesson JSON (src/json.rs) against serde_json, which wrote and read the
//! format before: saved work and share links made by either open in the other, the same
//! lesson bit for bit; the reader is never more lenient than serde_json was; and no text,
//! however deep or broken, makes it panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use descent_core::presets::Preset;
use descent_core::{Lesson, LessonError};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

/// The serde form the app used to write: the lesson with its version.
#[derive(Serialize, Deserialize)]
struct Versioned<L> {
    version: u32,
    #[serde(flatten)]
    lesson: L,
}

fn serde_write(lesson: &Lesson) -> String {
    serde_json::to_string(&Versioned { version: 1, lesson }).unwrap()
}

/// The decoder as it was: version first, then the lesson, then validation.
fn serde_read(text: &str) -> Result<Lesson, LessonError> {
    #[derive(Deserialize)]
    struct VersionOnly {
        version: u32,
    }
    let head: VersionOnly =
        serde_json::from_str(text).map_err(|e| LessonError::Json(e.to_string()))?;
    if head.version != 1 {
        return Err(LessonError::Version {
            found: head.version,
        });
    }
    let versioned: Versioned<Lesson> =
        serde_json::from_str(text).map_err(|e| LessonError::Json(e.to_string()))?;
    versioned.lesson.validate()?;
    Ok(versioned.lesson)
}

fn lesson_strategy() -> impl Strategy<Value = Lesson> {
    (
        // The serde form is format version 1's: the presets without a race (those with
        // one are version 2, checked in tests/lesson_format.rs).
        prop::sample::select(
            Preset::ALL
                .into_iter()
                .filter(|p| p.lesson().race.is_default())
                .collect::<Vec<_>>(),
        ),
        prop_oneof![
            -1e12..1e12f64,
            Just(0.0),
            Just(-0.0),
            Just(1e-300),
            Just(5e-324),
            Just(123_456_789.123_456_78)
        ],
        prop_oneof![1e-300..1e6f64, Just(0.003), Just(1e-7), Just(1e6)],
        prop::collection::vec(
            ("\\PC{0,12}", "[ -~\\x00-\\x1f\u{7f}\u{a0}\u{2212}]{0,8}"),
            0..6,
        ),
        "\\PC{0,20}",
        "[\"\\\\\\x00-\\x1f a]{0,10}",
    )
        .prop_map(|(preset, a, rate, cells, x, y)| {
            let mut lesson = preset.lesson();
            lesson.params[0] = a;
            lesson.start[0] = -a / 3.0;
            lesson.learning_rate = rate;
            lesson.table.labels.x = x;
            lesson.table.labels.y = y;
            lesson.table.rows = cells.into_iter().map(|(x, y)| [x, y]).collect();
            lesson
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn serde_json_reads_what_we_write_and_we_read_what_it_wrote(lesson in lesson_strategy()) {
        let ours = lesson.to_json();
        let theirs = serde_write(&lesson);
        prop_assert_eq!(serde_read(&ours), Ok(lesson.clone()));
        prop_assert_eq!(Lesson::from_json(&theirs), Ok(lesson.clone()));
        // Same shape: the texts differ at most in how numbers are spelled.
        let strip = |t: &str| t.replace(|c: char| c.is_ascii_digit() || ".e-".contains(c), "");
        prop_assert_eq!(strip(&ours), strip(&theirs));
    }

    #[test]
    fn we_never_accept_what_serde_json_refused(text in any::<String>()) {
        if let Ok(lesson) = Lesson::from_json(&text) {
            prop_assert_eq!(serde_read(&text), Ok(lesson));
        }
    }

    #[test]
    fn mangled_lessons_decode_alike(
        lesson in lesson_strategy(),
        cut in 0usize..400,
        at in 0usize..400,
        insert in prop::sample::select(vec![
            " ", "\n", ",", "]", "}", "\"", "\\", "0", "-", "e", "1.5", "null", "[[", "{\"k\":1}",
        ]),
    ) {
        let text = serde_write(&lesson);
        let mut edited = text.clone();
        let at = (at * text.len() / 400).min(text.len());
        if text.is_char_boundary(at) {
            edited.insert_str(at, insert);
        }
        let cut = (cut * edited.len() / 400).max(1);
        for candidate in [edited.clone(), edited.chars().take(cut).collect::<String>()] {
            let ours = Lesson::from_json(&candidate);
            let theirs = serde_read(&candidate);
            // serde_json also took an object's fields as an array; nothing ever wrote that.
            if theirs.is_ok() || ours.is_ok() {
                prop_assert_eq!(ours, theirs, "{}", candidate);
            }
        }
    }
}

#[test]
fn equivalent_spellings_read_the_same() {
    let lecture = Preset::Lecture.lesson();
    let texts = [
        r#"{"version":1,"table":{"labels":{"x":"x","y":"y"},"rows":[["2","19.6"],["4.5","44.1"],["10","98"]]},"model":"linear","loss":"l2","frozen":[false],"params":[8],"start":[8.0],"learning_rate":3e-3}"#,
        " {\n \"learning_rate\" : 0.003 , \"start\":[ 0.8E1 ],\"params\":[80e-1],\"frozen\":[false],\"loss\":\"l2\",\"model\":\"linear\",\"table\":{\"rows\":[[\"2\",\"19.6\"],[\"4.5\",\"44.1\"],[\"10\",\"98\"]],\"labels\":{\"y\":\"\\u0079\",\"x\":\"x\"}},\"version\":1, \"unknown\": {\"deep\": [1, {\"x\": null}, true]} }\r\n",
    ];
    for text in texts {
        assert_eq!(serde_read(text), Ok(lecture.clone()), "{text}");
        assert_eq!(Lesson::from_json(text), Ok(lecture.clone()), "{text}");
    }
}

#[test]
fn escapes_and_surrogate_pairs_come_back() {
    let mut lesson = Preset::Lecture.lesson();
    lesson.table.labels.x = "q\"\\/\u{8}\u{c}\n\r\t\u{1}\u{7f}😀 ąčę".to_owned();
    assert_eq!(Lesson::from_json(&lesson.to_json()), Ok(lesson.clone()));
    let text = serde_write(&lesson).replace("😀", "\\ud83d\\ude00");
    assert_eq!(Lesson::from_json(&text), Ok(lesson.clone()));
    for bad in ["\\ud83d", "\\ude00", "\\ud83dx", "\\u12", "\\x", "\u{1}"] {
        let text =
            serde_write(&Preset::Lecture.lesson()).replacen("\"x\"", &format!("\"{bad}\""), 1);
        assert!(
            matches!(Lesson::from_json(&text), Err(LessonError::Json(_))),
            "{bad}"
        );
        assert!(serde_read(&text).is_err(), "{bad}");
    }
}

#[test]
fn typed_errors_stay_as_they_were() {
    let text = serde_write(&Preset::Lecture.lesson());
    // The first version this build does not read (it reads 1 to 3).
    let v4 = text.replacen("\"version\":1", "\"version\":4", 1);
    assert_eq!(
        Lesson::from_json(&v4),
        Err(LessonError::Version { found: 4 })
    );
    let duplicate = text.replacen(
        "\"model\":\"linear\"",
        "\"model\":\"linear\",\"model\":\"affine\"",
        1,
    );
    assert!(
        matches!(Lesson::from_json(&duplicate), Err(LessonError::Json(e)) if e.contains("duplicate"))
    );
    let missing = text.replacen("\"loss\":\"l2\",", "", 1);
    assert!(
        matches!(Lesson::from_json(&missing), Err(LessonError::Json(e)) if e.contains("missing field `loss`"))
    );
    let nan = text.replacen("\"learning_rate\":0.003", "\"learning_rate\":1e400", 1);
    assert!(Lesson::from_json(&nan).is_err() && serde_read(&nan).is_err());
    let huge = text.replacen("\"params\":[8.0]", "\"params\":[1e13]", 1);
    assert!(matches!(
        Lesson::from_json(&huge),
        Err(LessonError::Invalid(_))
    ));
    for trailing in [" x", "{}", ","] {
        let bad = format!("{text}{trailing}");
        assert!(
            matches!(Lesson::from_json(&bad), Err(LessonError::Json(_))),
            "{trailing}"
        );
    }
}

#[test]
fn hostile_nesting_is_refused_without_exhausting_the_stack() {
    let text = serde_write(&Preset::Lecture.lesson());
    for depth in [125, 126, 127, 128, 100_000] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let hostile = text.replacen(
            "{\"version\":1,",
            &format!("{{\"version\":1,\"x\":{deep},"),
            1,
        );
        let ours = Lesson::from_json(&hostile);
        assert_eq!(ours.is_ok(), serde_read(&hostile).is_ok(), "depth {depth}");
    }
}

#[test]
fn a_hundred_thousand_rows_round_trip() {
    let mut lesson = Preset::Lecture.lesson();
    lesson.table.rows = (0..100_000)
        .map(|i| [format!("{i}"), format!("{}.5", i * 2)])
        .collect();
    let text = lesson.to_json();
    assert_eq!(Lesson::from_json(&text), Ok(lesson.clone()));
    assert_eq!(serde_read(&text), Ok(lesson));
}
