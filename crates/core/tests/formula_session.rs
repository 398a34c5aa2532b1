//! A typed formula as the model of a session and a lesson (issue 11): the lecture's
//! models typed in give the built-in sessions' numbers to the last bit (loss, gradient,
//! steps, undo, history, loss curve, map); the formula travels in saved work and links,
//! whose older forms open byte for byte as before; a formula that cannot be used keeps
//! the last good model; a formula undefined at a row refuses Step.
#![allow(clippy::unwrap_used)]

use descent_core::formula::{ErrorKind, FormulaModel, ParseOptions, Reason};
use descent_core::optimizer::Divergence;
use descent_core::presets::Preset;
use descent_core::session::formula_of;
use descent_core::{HistoryTable, Lesson, LessonError, Model, Notation, Outcome, Rounded, Session};

const EN: ParseOptions = ParseOptions {
    decimal_comma: false,
};
const LT: ParseOptions = ParseOptions {
    decimal_comma: true,
};

/// URL-safe base64 without padding, as share links write it.
fn base64_url(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bytes = text.as_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

fn shown(value: f64) -> String {
    let notation = Notation {
        decimal_separator: '.',
        minus: '-',
    };
    Rounded::new(value)
        .map(|r| r.write(notation))
        .unwrap_or_default()
}

/// The session of `preset` with its model typed in as `text`.
fn typed(preset: Preset, text: &str) -> Session {
    let mut s = Session::new(preset.lesson());
    s.set_formula(text, EN).unwrap();
    assert_eq!(s.lesson().model.id(), "formula");
    s
}

fn same_bits(a: &[f64], b: &[f64]) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert_eq!(x.to_bits(), y.to_bits(), "{a:?} vs {b:?}");
    }
}

#[test]
fn typed_a_x_is_the_lecture_to_the_last_bit() {
    let built_in = Session::new(Preset::Lecture.lesson());
    let mut s = typed(Preset::Lecture, "a*x");
    assert_eq!(s.params(), &[8.0]);
    assert_eq!(shown(s.evaluation().loss), "402.57");
    assert_eq!(shown(s.evaluation().gradient[0]), "-447.3");
    assert_eq!(s.loss().to_bits(), built_in.loss().to_bits());
    let mut reference = built_in.clone();
    let mut path = Vec::new();
    for _ in 0..5 {
        s.step();
        reference.step();
        same_bits(s.params(), reference.params());
        path.push(shown(s.params()[0]));
    }
    assert_eq!(
        path,
        ["9.3419", "9.683414", "9.770329", "9.792449", "9.798078"]
    );
    assert_eq!(s.history().len(), 5);
    assert!(s.undo());
    assert_eq!(shown(s.params()[0]), "9.792449");
    assert_eq!(s.history().len(), 4);
    // The loss curve over a is the built-in one, point for point.
    let curve = s.loss_landscape((5.0, 12.0), 64);
    let reference_curve = reference.loss_landscape((5.0, 12.0), 64);
    assert_eq!(format!("{curve:?}"), format!("{reference_curve:?}"));
}

#[test]
fn typed_affine_and_non_convex_models_are_the_built_in_ones() {
    for (preset, text, start) in [
        (Preset::LectureAb, "a*x + b", [8.0, 0.0]),
        (
            Preset::NonConvexAb,
            "a*x + b - 2a^2",
            Preset::NonConvexAb.lesson().params.try_into().unwrap(),
        ),
        (
            Preset::LocalMinima,
            "a*x + b − 2a²",
            Preset::LocalMinima.lesson().params.try_into().unwrap(),
        ),
    ] {
        let mut reference = Session::new(preset.lesson());
        let mut s = typed(preset, text);
        same_bits(s.params(), &start);
        assert_eq!(s.is_frozen(1), reference.is_frozen(1), "{text}");
        for _ in 0..20 {
            assert_eq!(s.step(), reference.step(), "{text}");
            same_bits(s.params(), reference.params());
            same_bits(&s.evaluation().gradient, &reference.evaluation().gradient);
        }
        // The map L(a, b) is the built-in one, cell for cell.
        if !s.is_frozen(1) {
            let map = s.map_surface(24, 16).unwrap();
            let reference_map = reference.map_surface(24, 16).unwrap();
            same_bits(map.surface.values(), reference_map.surface.values());
        }
    }
    // The lecture's non-convex example: b frozen at 2, a starting at 0.
    let s = typed(Preset::LocalMinima, "a*x + b - 2a^2");
    let reference = Session::new(Preset::LocalMinima.lesson());
    assert_eq!(s.loss().to_bits(), reference.loss().to_bits());
}

#[test]
fn picking_own_formula_starts_from_the_model_on_screen() {
    for preset in [Preset::Lecture, Preset::LectureAb, Preset::LocalMinima] {
        let lesson = preset.lesson();
        let text = formula_of(&lesson.model);
        let reference = Session::new(lesson);
        let s = typed(preset, &text);
        same_bits(s.params(), reference.params());
        assert_eq!(s.loss().to_bits(), reference.loss().to_bits(), "{text}");
    }
}

#[test]
fn a_formula_that_cannot_be_used_keeps_the_last_good_model() {
    let mut s = typed(Preset::Lecture, "a*x^2");
    s.step();
    let before = s.clone();
    let cases = [
        ("", ErrorKind::Empty, (0, 0)),
        (
            "sinn(x)",
            ErrorKind::UnknownName {
                name: "sinn".into(),
                suggestion: Some("sin"),
            },
            (0, 4),
        ),
        ("a*(x + 1", ErrorKind::MissingCloseParen, (2, 3)),
        (
            "a*x +",
            ErrorKind::MissingOperand {
                operator: "+".into(),
            },
            (4, 5),
        ),
        ("2*x", ErrorKind::NoParameter, (0, 3)),
    ];
    for (text, kind, span) in cases {
        let error = s.set_formula(text, EN).unwrap_err();
        assert_eq!(error.kind, kind, "{text}");
        assert_eq!(error.span.chars(text), span, "{text}");
        assert_eq!(s, before, "{text} changed the session");
    }
    // Typing the same formula again keeps the run.
    s.set_formula("a*x^2", EN).unwrap();
    assert_eq!(s.history().len(), 1);
}

#[test]
fn parameters_are_carried_by_name_and_each_gets_a_derivative() {
    let mut s = typed(Preset::LectureAb, "a*x + b + c*x^2 + d");
    assert_eq!(s.lesson().model.param_names(), ["a", "b", "c", "d"]);
    assert_eq!(s.params(), &[8.0, 0.0, 1.0, 1.0]);
    let derivatives = s.derivative_texts(false);
    let names: Vec<_> = derivatives.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["a", "b", "c", "d"]);
    assert_eq!(derivatives[0].1, "x");
    assert_eq!(derivatives[2].1, "x²");
    s.set_formula("c*sin(a*x)", EN).unwrap();
    assert_eq!(s.lesson().model.param_names(), ["a", "c"]);
    assert_eq!(s.params(), &[8.0, 1.0]);
    assert_eq!(s.derivative_texts(false)[1].1, "sin(a·x)");
    // A decimal comma in the Lithuanian interface.
    s.set_formula("2,5a*x", LT).unwrap();
    assert_eq!(s.lesson().model.formula_in(true), "ŷ = 2,5a·x");
    assert!(s.set_formula("2,5a*x", EN).is_err());
    // Stored with a decimal point, written for each language's field; the English text
    // is the same model (the run is not reset by it).
    let typed = s.lesson().model.as_formula().unwrap();
    assert_eq!(typed.source(), "2.5a*x");
    assert_eq!(typed.source_in(true), "2,5a*x");
    assert_eq!(typed.source_in(false), "2.5a*x");
    s.step();
    s.set_formula("2.5a*x", EN).unwrap();
    assert_eq!(s.history().len(), 1, "the same formula keeps the run");
    s.set_formula("2.5a*x + 0,5", LT).unwrap();
    let both = s.lesson().model.as_formula().unwrap();
    assert_eq!(both.source(), "2.5a*x + 0.5");
    assert_eq!(both.source_in(true), "2,5a*x + 0,5");
    // A leading point stays a point: a comma cannot start a number.
    s.set_formula(".5a*x + 1,25", LT).unwrap();
    let leading = s.lesson().model.as_formula().unwrap();
    assert_eq!(leading.source(), ".5a*x + 1.25");
    assert_eq!(leading.source_in(true), ".5a*x + 1,25");
    assert!(FormulaModel::parse(&leading.source_in(true), LT).is_ok());
    assert!(FormulaModel::parse(leading.source(), EN).is_ok());
}

#[test]
fn a_formula_undefined_at_a_row_marks_it_and_refuses_step() {
    let mut s = typed(Preset::Lecture, "a*ln(x - 3)");
    let rows = s.undefined_rows();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].row, 0);
    assert_eq!(rows[0].x, 2.0);
    assert_eq!(rows[0].undefined.reason, Reason::LogOfNegative);
    assert!(!s.loss().is_finite());
    let params = s.params().to_vec();
    assert_eq!(s.step(), Outcome::Diverged(Divergence::NonFinite));
    assert_eq!(s.params(), &params[..]);
    assert!(s.history().is_empty());
    // Defined everywhere again: Step steps.
    s.set_formula("a*ln(x + 3)", EN).unwrap();
    assert!(s.undefined_rows().is_empty());
    assert_eq!(s.step(), Outcome::Running);
    assert_eq!(s.history().len(), 1);
}

#[test]
fn the_formula_travels_in_saved_work_and_links() {
    for text in [
        "a*x^2",
        "a*sin(b*x)",
        "a*exp(-b*x)",
        "1/(1 + exp(-(a*x + b)))",
        "a·x + b − 2a²",
        "2,5a*x + c",
    ] {
        let model = Model::parse_formula(text, LT).unwrap();
        let mut lesson = Preset::Lecture.lesson();
        lesson.set_model(model);
        let json = lesson.to_json();
        assert!(json.starts_with("{\"version\":3,"), "{json}");
        assert!(
            json.contains(",\"model\":\"formula\",\"formula\":"),
            "{json}"
        );
        assert_eq!(Lesson::from_json(&json), Ok(lesson.clone()));
        let back = Lesson::from_link(&lesson.to_link()).unwrap();
        // Decimal commas are stored as points (read the same in both languages).
        let stored = text.replace("2,5", "2.5");
        assert_eq!(back.model.as_formula().unwrap().source(), stored);
        assert_eq!(back, lesson);
    }
    // Built-in models are written as before: version 1.
    assert!(Preset::Lecture
        .lesson()
        .to_json()
        .starts_with("{\"version\":1,"));
}

#[test]
fn a_link_whose_formula_does_not_parse_says_why() {
    let mut lesson = Preset::Lecture.lesson();
    lesson.set_model(Model::parse_formula("a*x^2", EN).unwrap());
    let json = lesson.to_json().replace("a*x^2", "a*sinn(x)");
    let Err(LessonError::Formula { text, error }) = Lesson::from_json(&json) else {
        panic!("{json} opened");
    };
    assert_eq!(text, "a*sinn(x)");
    assert_eq!(error.span.chars(&text), (2, 6));
    let why = LessonError::Formula { text, error }.to_string();
    assert!(
        why.contains("“a*sinn(x)”") && why.contains("did you mean sin?"),
        "{why}"
    );
    // The same through a link.
    let broken = format!("v1.{}", base64_url(&json));
    assert!(matches!(
        Lesson::from_link(&broken),
        Err(LessonError::Formula { .. })
    ));
    // A formula in a version-2 lesson is not a thing an app ever wrote.
    let old = lesson.to_json().replace("\"version\":3", "\"version\":2");
    assert!(Lesson::from_json(&old).is_err());
    // "formula" without its text, or a text beside a built-in model.
    let missing = lesson.to_json().replace(",\"formula\":\"a*x^2\"", "");
    assert!(Lesson::from_json(&missing).is_err());
    let beside = Preset::Lecture
        .lesson()
        .to_json()
        .replace("\"version\":1", "\"version\":3")
        .replace(
            "\"model\":\"linear\"",
            "\"model\":\"linear\",\"formula\":\"a*x\"",
        );
    assert!(Lesson::from_json(&beside).is_err());
}

#[test]
fn the_history_exports_carry_the_formula() {
    let mut s = typed(Preset::Lecture, "a*x^2");
    s.set_learning_rate_text("0.0001");
    s.step();
    let table = HistoryTable::from_session(&s);
    let markdown = table.to_markdown();
    assert!(
        markdown.starts_with("ŷ = a·x²\n\n| k | a | L |"),
        "{markdown}"
    );
    let latex = table.to_latex();
    assert!(
        latex.starts_with("$\\hat{y} = a \\cdot x^2$\n\n\\begin{tabular}"),
        "{latex}"
    );
    // A built-in model's exports are as they were.
    let mut lecture = Session::new(Preset::Lecture.lesson());
    lecture.step();
    assert!(HistoryTable::from_session(&lecture)
        .to_markdown()
        .starts_with("| k |"));
}

/// Over 1 000 points the keystroke that makes the model `a*sin(b*x)` fits at once only
/// the ranges a closed form gives (a's, along which L is a parabola, unless b = 0 makes
/// ŷ = 0 whatever a is) and leaves the ones that need a scan of ∂L/∂θ provisional: the
/// range the parameter had. `settle_ranges` then gives the very ranges a session opened
/// on the same lesson fits at once. With the lecture's few points nothing waits.
#[test]
fn over_many_points_a_range_that_needs_a_scan_is_settled_later() {
    let mut lesson = Preset::LectureAb.lesson();
    lesson.table = descent_core::Table::new(
        lesson.table.labels.clone(),
        (0..1000)
            .map(|i| {
                let x = f64::from(i) / 100.0;
                [
                    format!("{x}"),
                    format!("{}", 9.8 * x + f64::from(i % 7) - 3.0),
                ]
            })
            .collect(),
    );
    // A session opened on the same lesson fits every range at once.
    let fitted = |s: &Session, i: usize| Session::new(s.lesson().clone()).range(i);
    for (b, a_at_once) in [(0.0, false), (0.3, true)] {
        let mut s = Session::new(lesson.clone());
        assert!(s.set_param(1, b));
        assert!(!s.ranges_pending());
        let before = [s.range(0), s.range(1)];
        s.set_formula("a*sin(b*x)", EN).unwrap();
        assert!(s.ranges_pending(), "b = {b}");
        assert_eq!(s.range(1), before[1], "b keeps its range until the scan");
        if a_at_once {
            assert_eq!(s.range(0), fitted(&s, 0), "a's closed form at b = {b}");
        } else {
            assert_eq!(s.range(0), before[0], "no closed form along a at b = 0");
        }
        assert!(s.settle_ranges());
        assert!(!s.ranges_pending());
        assert!(!s.settle_ranges(), "nothing left to settle");
        for i in 0..2 {
            assert_eq!(s.range(i), fitted(&s, i), "b = {b}, θ{i}");
        }
        assert_ne!(s.range(1), before[1], "the scan found b's own range");
    }
    // The lecture's table: fitted at once, nothing pending.
    let lecture = typed(Preset::LectureAb, "a*sin(b*x)");
    assert!(!lecture.ranges_pending());
}
