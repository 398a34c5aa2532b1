//! The session's reading at the current parameters (`session/current.rs`): L and ∇L, the
//! residuals, the model's line at the data and the rows where a typed formula is not
//! defined, all from one batched pass kept until the parameters or the problem change.
//! Each must be to the bit what the pass of its own gave before, and a change of the
//! parameters or of the problem must never leave an old answer in place.
#![allow(clippy::unwrap_used)]

use descent_core::formula::{ParseOptions, UndefinedRow};
use descent_core::loss::{Evaluation, Residual};
use descent_core::presets::Preset;
use descent_core::{Loss, Session};

/// The lecture's lesson with these (x, y) rows.
fn session_with(rows: &[(f64, f64)]) -> Session {
    let mut lesson = Preset::Lecture.lesson();
    lesson.table.rows = rows
        .iter()
        .map(|(x, y)| [x.to_string(), y.to_string()])
        .collect();
    Session::new(lesson)
}

fn eval_bits(e: &Evaluation) -> Vec<u64> {
    std::iter::once(e.loss)
        .chain(e.gradient.iter().copied())
        .map(f64::to_bits)
        .collect()
}

fn residual_bits(r: &[Residual]) -> Vec<[u64; 5]> {
    r.iter()
        .map(|r| [r.x, r.y, r.prediction, r.residual, r.contribution].map(f64::to_bits))
        .collect()
}

/// What each reader computed on its own before: `Problem::evaluate`, `Problem::residuals`,
/// and the row-by-row check wherever the batched "defined everywhere?" said no.
fn before(s: &Session) -> (Evaluation, Vec<Residual>, Vec<UndefinedRow>) {
    let problem = s.problem();
    let params = s.params();
    let undefined = match problem.model.as_formula() {
        Some(f) if !f.defined_everywhere(params, problem.data.points()) => {
            f.undefined_rows(params, problem.data.points())
        }
        _ => Vec::new(),
    };
    (
        problem.evaluate(params),
        problem.residuals(params),
        undefined,
    )
}

fn assert_same_as_before(s: &Session, what: &str) {
    let (evaluation, residuals, undefined) = before(s);
    assert_eq!(eval_bits(&s.evaluation()), eval_bits(&evaluation), "{what}");
    assert_eq!(
        residual_bits(&s.residuals()),
        residual_bits(&residuals),
        "{what}"
    );
    assert_eq!(s.undefined_rows(), undefined, "{what}");
    assert_eq!(s.first_undefined(), undefined.first().copied(), "{what}");
    // The line over the data starts with ŷ at every data x (the finite ones).
    let line = s.line_over_data(10);
    let at_data: Vec<(u64, u64)> = residuals
        .iter()
        .filter(|r| r.prediction.is_finite())
        .map(|r| (r.x.to_bits(), r.prediction.to_bits()))
        .collect();
    let drawn: Vec<(u64, u64)> = line
        .iter()
        .take(at_data.len())
        .map(|(x, y)| (x.to_bits(), y.to_bits()))
        .collect();
    assert_eq!(drawn, at_data, "{what}");
}

#[test]
fn one_reading_gives_what_each_pass_gave_alone_for_every_formula_loss_and_setting() {
    let rows = [
        (-2.0, 1.0),
        (-0.5, 2.0),
        (0.0, 0.5),
        (1.0, 3.0),
        (3.0, -1.0),
        (700.0, 2.0),
    ];
    let formulas = [
        "a*x",
        "a*x + b",
        "a*x^2",
        "ln(a*x) + b",
        "a/(x - b)",
        "exp(a*x)",
        "sqrt(a + x)",
        "a*sin(b*x)",
        "a*x + b - 2a^2",
        "1/(1 + exp(-(a*x + b)))",
    ];
    let settings: [&[f64]; 4] = [&[1.0, 2.0], &[-1.0, 0.0], &[2.0, 0.25], &[0.0, -3.0]];
    for text in formulas {
        for loss in Loss::ALL {
            for frozen in [false, true] {
                let mut s = session_with(&rows);
                s.set_formula(text, ParseOptions::default()).unwrap();
                s.set_loss(loss);
                s.set_frozen(0, frozen);
                for params in settings {
                    for (i, &v) in params.iter().enumerate() {
                        s.set_param(i, v);
                    }
                    let what = format!("{text}, {loss:?}, frozen {frozen}, at {:?}", s.params());
                    // Twice: the second answer is the kept one.
                    assert_same_as_before(&s, &what);
                    assert_same_as_before(&s, &what);
                }
            }
        }
    }
}

#[test]
fn a_change_of_the_parameters_or_of_the_problem_is_read_again() {
    let mut s = session_with(&[(1.0, 2.0), (2.0, 3.0), (4.0, 1.0)]);
    s.set_formula("ln(a*x) + b", ParseOptions::default())
        .unwrap();
    s.set_param(0, 1.0);
    assert_eq!(s.first_undefined(), None);
    let defined = s.evaluation();
    assert!(defined.is_finite());
    // a < 0: ln of a negative number at every row, read at once.
    s.set_param(0, -1.0);
    assert_eq!(s.undefined_rows().len(), 3);
    assert_eq!(s.first_undefined().map(|r| r.row), Some(0));
    assert_same_as_before(&s, "a = -1");
    s.set_param(0, 1.0);
    assert_eq!(s.first_undefined(), None);
    assert_eq!(eval_bits(&s.evaluation()), eval_bits(&defined));
    // A step moves the parameters: the readouts follow.
    s.set_learning_rate_text("0.01");
    s.step();
    assert_ne!(eval_bits(&s.evaluation()), eval_bits(&defined));
    assert_same_as_before(&s, "after a step");
    s.undo();
    assert_eq!(eval_bits(&s.evaluation()), eval_bits(&defined));
    // The problem changes at the same parameters: a negative x, another loss, a frozen b.
    s.set_cell(1, 0, "-2");
    assert_eq!(s.first_undefined().map(|r| r.row), Some(1));
    assert_same_as_before(&s, "x = -2 in row 2");
    s.set_cell(1, 0, "2");
    assert_eq!(s.first_undefined(), None);
    s.set_loss(Loss::Mse);
    assert_same_as_before(&s, "MSE");
    s.set_frozen(1, true);
    assert_eq!(s.evaluation().gradient[1], 0.0);
    assert_same_as_before(&s, "b frozen");
    // A clone keeps answering for its own parameters.
    let mut other = s.clone();
    other.set_param(0, -1.0);
    assert_eq!(s.first_undefined(), None);
    assert!(other.first_undefined().is_some());
    assert_eq!(s, s.clone());
}
