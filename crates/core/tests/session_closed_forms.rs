//! The session's cheap answers for every frame: the closed forms computed once per
//! problem (and per frozen value), and a typed formula's "defined everywhere?" in one
//! batched pass, each equal to the slow answer it stands for.
#![allow(clippy::unwrap_used)]

use descent_core::data::Point;
use descent_core::formula::{FormulaModel, ParseOptions};
use descent_core::presets::Preset;
use descent_core::{Model, Session};

#[test]
fn the_kept_closed_forms_follow_the_parameters_they_depend_on() {
    // The local-minima example's ŷ = a·x + b − 2a² is no closed-form case; the lecture's
    // ŷ = a·x + b with b frozen is: a* = Σx(y − b)/Σx².
    let mut s = Session::new(Preset::Lecture.lesson());
    s.set_model(Model::formula_text("2.5*a*x + b").unwrap());
    s.set_frozen(1, true);
    for b in [0.0, 2.0, -3.5] {
        s.set_param(1, b);
        let fresh = s.lesson().problem().optimum(s.params());
        assert_eq!(s.optimum(), fresh, "b = {b}");
        assert_eq!(
            s.learning_rate_limit(),
            s.lesson().problem().learning_rate_limit()
        );
    }
    // Moving a free parameter changes neither.
    let before = (s.optimum(), s.learning_rate_limit());
    s.set_param(0, 11.0);
    assert_eq!((s.optimum(), s.learning_rate_limit()), before);
    // a* = Σ 2.5x(y − b)/Σ(2.5x)² at b = −3.5.
    let xs = [(2.0, 19.6), (4.5, 44.1), (10.0, 98.0)];
    let num: f64 = xs.iter().map(|&(x, y)| 2.5 * x * (y + 3.5)).sum();
    let den: f64 = xs.iter().map(|&(x, _)| 6.25 * x * x).sum();
    let a = s.optimum().unique().unwrap()[0];
    assert!((a - num / den).abs() < 1e-13, "{a} vs {}", num / den);
}

#[test]
fn defined_everywhere_in_one_pass_agrees_with_the_rows_checked_one_by_one() {
    let points: Vec<Point> = [-2.0, -0.5, 0.0, 1.0, 3.0, 700.0]
        .iter()
        .map(|&x| Point { x, y: 1.0 })
        .collect();
    let cases: [(&str, &[f64]); 8] = [
        ("a*x + b", &[1.0, 2.0]),
        ("ln(a*x) + b", &[1.0, 0.0]),
        ("ln(a*x) + b", &[-1.0, 0.0]),
        ("a/(x - b)", &[1.0, 3.0]),
        ("a/(x - b)", &[1.0, 0.25]),
        ("exp(a*x)", &[2.0]),
        ("sqrt(a + x)", &[5.0]),
        ("a*sin(b*x)", &[1.5, 0.5]),
    ];
    for (text, params) in cases {
        let f = FormulaModel::parse(text, ParseOptions::default()).unwrap();
        let rows = f.undefined_rows(params, &points);
        let fast = f.defined_everywhere(params, &points);
        // Never "defined" where a row is not; "undefined" exactly where rows are, unless a
        // sum merely overflowed (not among these cases).
        assert_eq!(fast, rows.is_empty(), "{text} at {params:?}: {rows:?}");
    }
}
