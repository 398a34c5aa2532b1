//! Share links and saved lessons made by today's build (format version 1, written by the
//! code before issue 10's race settings) must open exactly as before: the same lesson,
//! and written back the very same text, so a link made now still opens in an older build
//! a classroom may have cached. The literal strings below were produced by that build's
//! `Lesson::to_json` and `Lesson::to_link`; they must never be regenerated.
#![allow(clippy::unwrap_used)]

use descent_core::presets;
use descent_core::{Lesson, Loss, Model};

/// The lesson each pair of texts was made from, built as that build built it.
fn made(name: &str) -> Lesson {
    match name {
        "lecture" => presets::lecture(),
        "force" => presets::force(),
        "local_minima" => presets::local_minima(),
        "empty" => presets::empty(),
        _ => {
            let mut edited = presets::lecture();
            edited.set_model(Model::Affine);
            edited.loss = Loss::Mse;
            edited.frozen = vec![false, true];
            edited.params = vec![9.5, 0.25];
            edited.start = vec![-1e-7, 3.0];
            edited.learning_rate = 1e300;
            edited.table.labels.x = "m (kg) ąčę 😀".to_owned();
            edited.table.labels.y = "F \"N\"\t\\".to_owned();
            edited.table.rows = vec![
                ["4,5".to_owned(), "44.1".to_owned()],
                ["".to_owned(), "abc".to_owned()],
                ["1e3".to_owned(), "−2".to_owned()],
            ];
            edited
        }
    }
}

/// (name, saved JSON, share-link payload), as version 1 wrote them.
const TODAY: [(&str, &str, &str); 5] = [
    (
        "lecture",
        r#"{"version":1,"table":{"labels":{"x":"x","y":"y"},"rows":[["2","19.6"],["4.5","44.1"],["10","98"]]},"model":"linear","loss":"l2","frozen":[false],"params":[8.0],"start":[8.0],"learning_rate":0.003}"#,
        "v1.eyJ2ZXJzaW9uIjoxLCJ0YWJsZSI6eyJsYWJlbHMiOnsieCI6IngiLCJ5IjoieSJ9LCJyb3dzIjpbWyIyIiwiMTkuNiJdLFsiNC41IiwiNDQuMSJdLFsiMTAiLCI5OCJdXX0sIm1vZGVsIjoibGluZWFyIiwibG9zcyI6ImwyIiwiZnJvemVuIjpbZmFsc2VdLCJwYXJhbXMiOls4LjBdLCJzdGFydCI6WzguMF0sImxlYXJuaW5nX3JhdGUiOjAuMDAzfQ",
    ),
    (
        "force",
        r#"{"version":1,"table":{"labels":{"x":"m","y":"F"},"rows":[["2","19.6"],["4.5","44.1"],["10","98"]]},"model":"linear","loss":"l2","frozen":[false],"params":[8.0],"start":[8.0],"learning_rate":0.003}"#,
        "v1.eyJ2ZXJzaW9uIjoxLCJ0YWJsZSI6eyJsYWJlbHMiOnsieCI6Im0iLCJ5IjoiRiJ9LCJyb3dzIjpbWyIyIiwiMTkuNiJdLFsiNC41IiwiNDQuMSJdLFsiMTAiLCI5OCJdXX0sIm1vZGVsIjoibGluZWFyIiwibG9zcyI6ImwyIiwiZnJvemVuIjpbZmFsc2VdLCJwYXJhbXMiOls4LjBdLCJzdGFydCI6WzguMF0sImxlYXJuaW5nX3JhdGUiOjAuMDAzfQ",
    ),
    (
        "local_minima",
        r#"{"version":1,"table":{"labels":{"x":"x","y":"y"},"rows":[["-0.3","1.9"],["-0.2","1.85"],["0.2","1.85"],["0.3","1.85"]]},"model":"non-convex","loss":"l2","frozen":[false,true],"params":[0.5,2.0],"start":[0.5,2.0],"learning_rate":0.05}"#,
        "v1.eyJ2ZXJzaW9uIjoxLCJ0YWJsZSI6eyJsYWJlbHMiOnsieCI6IngiLCJ5IjoieSJ9LCJyb3dzIjpbWyItMC4zIiwiMS45Il0sWyItMC4yIiwiMS44NSJdLFsiMC4yIiwiMS44NSJdLFsiMC4zIiwiMS44NSJdXX0sIm1vZGVsIjoibm9uLWNvbnZleCIsImxvc3MiOiJsMiIsImZyb3plbiI6W2ZhbHNlLHRydWVdLCJwYXJhbXMiOlswLjUsMi4wXSwic3RhcnQiOlswLjUsMi4wXSwibGVhcm5pbmdfcmF0ZSI6MC4wNX0",
    ),
    (
        "empty",
        r#"{"version":1,"table":{"labels":{"x":"x","y":"y"},"rows":[]},"model":"linear","loss":"l2","frozen":[false],"params":[1.0],"start":[1.0],"learning_rate":0.003}"#,
        "v1.eyJ2ZXJzaW9uIjoxLCJ0YWJsZSI6eyJsYWJlbHMiOnsieCI6IngiLCJ5IjoieSJ9LCJyb3dzIjpbXX0sIm1vZGVsIjoibGluZWFyIiwibG9zcyI6ImwyIiwiZnJvemVuIjpbZmFsc2VdLCJwYXJhbXMiOlsxLjBdLCJzdGFydCI6WzEuMF0sImxlYXJuaW5nX3JhdGUiOjAuMDAzfQ",
    ),
    (
        "edited",
        r#"{"version":1,"table":{"labels":{"x":"m (kg) ąčę 😀","y":"F \"N\"\t\\"},"rows":[["4,5","44.1"],["","abc"],["1e3","−2"]]},"model":"affine","loss":"mse","frozen":[false,true],"params":[9.5,0.25],"start":[-1e-7,3.0],"learning_rate":1e300}"#,
        "v1.eyJ2ZXJzaW9uIjoxLCJ0YWJsZSI6eyJsYWJlbHMiOnsieCI6Im0gKGtnKSDEhcSNxJkg8J-YgCIsInkiOiJGIFwiTlwiXHRcXCJ9LCJyb3dzIjpbWyI0LDUiLCI0NC4xIl0sWyIiLCJhYmMiXSxbIjFlMyIsIuKIkjIiXV19LCJtb2RlbCI6ImFmZmluZSIsImxvc3MiOiJtc2UiLCJmcm96ZW4iOltmYWxzZSx0cnVlXSwicGFyYW1zIjpbOS41LDAuMjVdLCJzdGFydCI6Wy0xZS03LDMuMF0sImxlYXJuaW5nX3JhdGUiOjFlMzAwfQ",
    ),
];

#[test]
fn todays_saved_lessons_and_links_open_exactly_as_before() {
    for (name, json, link) in TODAY {
        let lesson = made(name);
        assert_eq!(
            Lesson::from_json(json),
            Ok(lesson.clone()),
            "{name}: saved work"
        );
        assert_eq!(Lesson::from_link(link), Ok(lesson.clone()), "{name}: link");
        assert_eq!(
            Lesson::from_link(&format!("#{link}")),
            Ok(lesson.clone()),
            "{name}: #link"
        );
        // Written back, the same text: an older build opens it too.
        assert_eq!(lesson.to_json(), json, "{name}: JSON written back");
        assert_eq!(lesson.to_link(), link, "{name}: link written back");
    }
}
