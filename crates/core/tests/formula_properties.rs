//! Properties of typed formulas on random input: 10⁴ random formulas (random trees,
//! printed, parsed) whose dual-number derivatives match central finite differences and
//! whose printed derivatives compute the same numbers; printing and reading back gives
//! the same value; 10⁵ arbitrary strings never make the parser panic.
#![allow(clippy::unwrap_used)]

use descent_core::formula::compile::compile;
use descent_core::formula::{batch, eval};
use descent_core::formula::{
    parse_expr, BinOp, Constant, ErrorKind, Expr, FormulaModel, Func, Node, Param, ParseOptions,
    Span,
};
use descent_core::{loss, Loss, ParametricModel, Point};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::cell::Cell;

const EN: ParseOptions = ParseOptions {
    decimal_comma: false,
};
const LT: ParseOptions = ParseOptions {
    decimal_comma: true,
};

fn node(n: Node) -> Expr {
    Expr::new(n, Span::default())
}

fn leaf() -> impl Strategy<Value = Expr> {
    prop_oneof![
        2 => Just(Node::X),
        4 => prop::sample::select(Param::ALL.to_vec()).prop_map(Node::Param),
        2 => (0u32..12).prop_map(|n| Node::Number(f64::from(n))),
        1 => prop::sample::select(vec![0.5, 0.25, 1.5, 2.75, 0.1]).prop_map(Node::Number),
        1 => prop::sample::select(vec![Constant::Pi, Constant::E]).prop_map(Node::Constant),
    ]
    .prop_map(node)
}

/// Random formulas: up to 4 levels, up to about 24 nodes.
fn formula() -> impl Strategy<Value = Expr> {
    leaf().prop_recursive(4, 24, 2, |inner| {
        let ops = vec![BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div, BinOp::Pow];
        prop_oneof![
            1 => inner.clone().prop_map(|u| node(Node::Neg(Box::new(u)))),
            4 => (prop::sample::select(ops), inner.clone(), inner.clone())
                .prop_map(|(op, u, v)| node(Node::Binary(op, Box::new(u), Box::new(v)))),
            2 => (prop::sample::select(Func::ALL.to_vec()), inner.clone())
                .prop_map(|(f, u)| node(Node::Call(f, Box::new(u)))),
            1 => (inner, 0u32..4).prop_map(|(u, n)| node(Node::Binary(
                BinOp::Pow,
                Box::new(u),
                Box::new(node(Node::Number(f64::from(n)))),
            ))),
        ]
    })
}

fn close(a: f64, b: f64, relative: f64) -> bool {
    (a - b).abs() <= relative * (1.0 + a.abs().max(b.abs()))
}

#[test]
fn ten_thousand_random_formulas_differentiate_exactly() {
    let checked = Cell::new(0usize);
    let symbolic = Cell::new(0usize);
    let mut runner = TestRunner::new(Config {
        cases: 10_000,
        failure_persistence: None,
        ..Config::default()
    });
    let inputs = (formula(), prop::array::uniform4(-2.0..2.0f64), -2.0..2.0f64);
    let result = runner.run(&inputs, |(tree, params, x)| {
        // Print, read back: the same tree, hence the same value to the bit.
        let text = tree.to_ascii();
        let back =
            parse_expr(&text, EN).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(back.without_spans(), tree.clone(), "{}", text);
        let Ok(model) = FormulaModel::parse(&text, EN) else {
            // Only a formula without a parameter is refused.
            prop_assert!(!tree.has_param());
            return Ok(());
        };
        let n = model.param_count();
        let p = &params[..n];
        let y = model.predict(p, x);
        let dual = model.dual(p, x);
        // The same bits, or both NaN: a NaN's sign bit may differ with the code the
        // optimiser makes (x^0.5 at x < 0 gave −NaN one way and NaN the other in release).
        prop_assert!(
            dual.value.to_bits() == y.to_bits() || (dual.value.is_nan() && y.is_nan()),
            "{}: dual {} vs value {}",
            text,
            dual.value,
            y
        );
        let xs = [x, x + 0.5, -x];
        let mut many = Vec::new();
        model.predict_many(p, &xs, &mut many);
        for (xi, yi) in xs.iter().zip(&many) {
            let one = model.predict(p, *xi);
            prop_assert!(one.to_bits() == yi.to_bits() || (one.is_nan() && yi.is_nan()));
        }
        let mut batched = Vec::new();
        batch::duals(&compile(model.expr(), model.params()), p, &xs, &mut batched);
        prop_assert_eq!(batched.len(), xs.len());
        for (xi, d) in xs.iter().zip(&batched) {
            let one = model.dual(p, *xi);
            let same = |u: f64, v: f64| u.to_bits() == v.to_bits() || (u.is_nan() && v.is_nan());
            prop_assert!(same(one.value, d.value), "{}: {:?} vs {:?}", text, one, d);
            for (u, v) in one.grad.iter().zip(d.grad) {
                prop_assert!(same(*u, v), "{}: {:?} vs {:?}", text, one, d);
            }
        }
        if !(y.is_finite() && y.abs() < 1e4 && dual.is_finite()) {
            return Ok(());
        }
        let mut all_agree = true;
        for i in 0..n {
            let fd = |h: f64| {
                let mut up = p.to_vec();
                let mut down = p.to_vec();
                up[i] += h;
                down[i] -= h;
                (model.predict(&up, x) - model.predict(&down, x)) / (2.0 * h)
            };
            let h = 1e-5 * (1.0 + p[i].abs());
            let (coarse, fine) = (fd(h), fd(h / 4.0));
            // Where the two differences disagree the function is not smooth at this
            // point at the scale of h (a kink, a pole nearby): nothing to compare.
            // Two differences of exactly 0 say the step was lost in rounding (sin(exp(32) + a):
            // a step of 1e-5 is below the ulp of e³² ≈ 7.9e13), not that the slope is 0.
            let lost = coarse == 0.0 && fine == 0.0;
            if lost || !(coarse.is_finite() && fine.is_finite() && close(coarse, fine, 1e-4)) {
                all_agree = false;
                continue;
            }
            let exact = dual.grad[i];
            prop_assert!(
                close(exact, fine, 1e-4),
                "{}: ∂/∂θ{} exact {} vs difference {} at {:?}, x = {}",
                text,
                i,
                exact,
                fine,
                p,
                x
            );
            // The printed derivative computes the same number.
            let d = model.derivative(i).unwrap();
            let value = eval::value(&compile(&d, model.params()), p, x);
            if value.is_finite() {
                prop_assert!(
                    close(value, exact, 1e-7),
                    "{}: ∂/∂θ{} printed {} = {} vs {}",
                    text,
                    i,
                    d.to_ascii(),
                    value,
                    exact
                );
                symbolic.set(symbolic.get() + 1);
            }
        }
        if all_agree {
            checked.set(checked.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // Most random formulas are smooth and finite where they are tried.
    assert!(
        checked.get() >= 4_000,
        "only {} formulas checked",
        checked.get()
    );
    assert!(
        symbolic.get() >= 4_000,
        "only {} derivatives printed",
        symbolic.get()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn pretty_printing_reads_back_to_the_same_value(
        tree in formula(), params in prop::array::uniform4(-2.0..2.0f64), x in -2.0..2.0f64,
    ) {
        let exact = tree.to_ascii();
        let reference = parse_expr(&exact, EN).unwrap();
        let all: Vec<Param> = Param::ALL.to_vec();
        let value = |e: &Expr| eval::value(&compile(e, &all), &params, x);
        let expected = value(&reference);
        for (options, comma) in [(EN, false), (LT, true)] {
            let pretty = tree.to_pretty(comma);
            let back = parse_expr(&pretty, options)
                .map_err(|e| TestCaseError::fail(format!("{pretty}: {e}")))?;
            let got = value(&back);
            // Products may be regrouped (a·(b·c) is printed a·b·c): equal to rounding.
            prop_assert!(
                got.to_bits() == expected.to_bits()
                    || (got.is_nan() && expected.is_nan())
                    || close(got, expected, 1e-9)
                    || !expected.is_finite() || expected.abs() > 1e6,
                "{} → {}: {} vs {}", exact, pretty, got, expected
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// The batched loss and gradient (Step, the extrema search, the map's minimum) gives
    /// the generic loss's numbers to the bit, across the 64-point lanes and 256-point
    /// blocks, for every loss and any frozen parameters.
    #[test]
    fn the_batched_loss_and_gradient_equal_the_generic_ones_to_the_bit(
        tree in formula(),
        params in prop::array::uniform4(-2.0..2.0f64),
        xs in prop::collection::vec(-3.0..3.0f64, 0..300),
        loss in prop::sample::select(vec![Loss::L2, Loss::Mse, Loss::L1]),
        free in prop::array::uniform4(any::<bool>()),
    ) {
        let text = tree.to_ascii();
        let Ok(model) = FormulaModel::parse(&text, EN) else {
            return Ok(());
        };
        let p = &params[..model.param_count()];
        let points: Vec<Point> = xs.iter().enumerate()
            .map(|(i, &x)| Point { x, y: x * 1.5 - (i % 7) as f64 })
            .collect();
        let generic = loss::evaluate(&model, loss, &points, p, &free);
        let batched = model.evaluate(loss, &points, p, &free);
        let same = |u: f64, v: f64| u.to_bits() == v.to_bits() || (u.is_nan() && v.is_nan());
        prop_assert!(same(generic.loss, batched.loss), "{}: {:?} vs {:?}", text, generic, batched);
        prop_assert_eq!(generic.gradient.len(), batched.gradient.len());
        for (u, v) in generic.gradient.iter().zip(&batched.gradient) {
            prop_assert!(same(*u, *v), "{}: {:?} vs {:?}", text, generic, batched);
        }
    }
}

/// Pieces a formula is made of, right and wrong ones (a regex strategy would spend most
/// of the test's time generating text).
const PIECES: [&str; 48] = [
    "a", "b", "c", "d", "x", "e", "π", "pi", "sin", "cos", "tan", "exp", "ln", "log", "sqrt",
    "abs", "tanh", "sigmoid", "sinn", "ax", "q", "ä", "0", "1", "2", "9", "0.5", ".", ",", "+",
    "-", "−", "–", "*", "·", "×", "/", "÷", "^", "²", "³", "(", ")", " ", "=", "$", "\u{0}", "((",
];

fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..24)
            .prop_map(|pieces| pieces.concat()),
        1 => prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter),
        1 => (0usize..120, 0usize..120).prop_map(|(open, close)| {
            format!("{}a{}", "(".repeat(open), ")".repeat(close))
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    #[test]
    fn no_text_makes_the_formula_parser_panic(text in arbitrary_text(), comma in any::<bool>()) {
        let options = ParseOptions { decimal_comma: comma };
        match FormulaModel::parse(&text, options) {
            Ok(model) => {
                // A usable model reads back from its canonical form (unless printing it made
                // it longer or deeper than the limits: `2a` is printed `2*a`) and evaluates.
                match FormulaModel::parse(&model.canonical(), EN) {
                    Ok(again) => prop_assert_eq!(again.expr().without_spans(), model.expr().without_spans()),
                    Err(e) => {
                        let beyond = matches!(e.kind, ErrorKind::TooLong { .. } | ErrorKind::TooDeep);
                        prop_assert!(beyond, "{}", e);
                    }
                }
                // Decimal commas only add readings: what the English interface reads, the
                // Lithuanian one reads the same (so saved text may always be read with them).
                if !comma {
                    let lt = FormulaModel::parse(&text, LT).unwrap();
                    prop_assert_eq!(lt.expr(), model.expr());
                }
                let params = [0.5, -1.5, 2.0, 3.0];
                let _ = model.predict(&params, 1.25);
                let _ = model.prediction_gradient(&params, 1.25);
                for i in 0..model.param_count() {
                    prop_assert!(model.derivative_text(i, comma).is_some());
                }
                let _ = model.undefined_rows(&params, &[Point::new(0.0, 1.0), Point::new(-1.0, 2.0)]);
            }
            Err(e) => {
                // The span lies inside the text, on character boundaries.
                prop_assert!(e.span.start <= e.span.end && e.span.end <= text.len());
                prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}
