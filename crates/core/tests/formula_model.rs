//! A typed formula as a model: the lecture's three models typed in give the built-in
//! models' numbers to the last bit (losses, gradients, every optimizer's path); values and
//! derivatives agree with Rust closures; undefined predictions are reported per row.
#![allow(clippy::unwrap_used)]

use descent_core::formula::{FormulaModel, ParseOptions, Reason};
use descent_core::loss::{self, Loss};
use descent_core::optimizer::REGISTRY;
use descent_core::presets::{LECTURE_POINTS, LOCAL_MINIMA_POINTS};
use descent_core::{
    Dataset, GradientDescent, Model, Notation, ParametricModel, Point, Problem, Rounded, Run,
    StopRule,
};

fn formula(text: &str) -> FormulaModel {
    FormulaModel::parse(text, ParseOptions::default()).unwrap()
}

fn data(pairs: &[(f64, f64)]) -> Dataset {
    Dataset::from_pairs(pairs).unwrap()
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

#[test]
fn typed_a_x_gives_the_lecture_table_bit_for_bit() {
    let lecture = Problem::new(data(&LECTURE_POINTS), Model::Linear, Loss::L2);
    let points = lecture.data.points();
    let table = [
        (5.0, 2862.72, -1192.8),
        (8.0, 402.57, -447.3),
        (9.0, 79.52, -198.8),
        (9.8, 0.0, 0.0),
        (10.0, 4.97, 49.7),
        (11.5, 359.0825, 422.45),
    ];
    for text in ["a*x", "a x", "a·x", "x*a", "(a)(x)"] {
        let model = formula(text);
        assert!(model.is_proportional(), "{text}");
        for (a, l, dl) in table {
            let typed = loss::evaluate(&model, Loss::L2, points, &[a], &[true]);
            let built_in = lecture.evaluate(&[a]);
            assert_eq!(
                typed.loss.to_bits(),
                built_in.loss.to_bits(),
                "{text}, a = {a}"
            );
            assert_eq!(typed.gradient[0].to_bits(), built_in.gradient[0].to_bits());
            assert_eq!(shown(typed.loss), format!("{l}"), "L({a}) for {text}");
            assert_eq!(shown(typed.gradient[0]), format!("{dl}"));
            let value = loss::loss_value(&model, Loss::L2, points, &[a]);
            assert_eq!(value.to_bits(), lecture.loss_at(&[a]).to_bits());
        }
    }
}

/// Loss, gradient and residuals of a typed formula and a built-in model, bit for bit.
fn agree_bit_for_bit(text: &str, built_in: Model, pairs: &[(f64, f64)], params: &[[f64; 2]]) {
    let model = formula(text);
    let points = data(pairs);
    let points = points.points();
    for p in params {
        let p = &p[..built_in.param_count()];
        for l in Loss::ALL {
            let free = vec![true; p.len()];
            let typed = loss::evaluate(&model, l, points, p, &free);
            let reference = loss::evaluate(&built_in, l, points, p, &free);
            assert_eq!(typed, reference, "{text} at {p:?}, {l:?}");
            assert_eq!(
                loss::residuals(&model, l, points, p),
                loss::residuals(&built_in, l, points, p)
            );
        }
        for point in points {
            assert_eq!(
                model.predict(p, point.x).to_bits(),
                built_in.predict(p, point.x).to_bits()
            );
            assert_eq!(
                model.prediction_gradient(p, point.x),
                built_in.prediction_gradient(p, point.x)
            );
        }
    }
}

#[test]
fn typed_lecture_models_equal_the_built_in_ones_bit_for_bit() {
    let params = [
        [8.0, 0.0],
        [9.8, 0.0],
        [-0.25, 2.0],
        [0.242, 2.0],
        [1e-3, -7.5],
    ];
    for text in ["a*x + b", "a x + b", "b + a·x"] {
        agree_bit_for_bit(text, Model::Affine, &LECTURE_POINTS, &params);
    }
    for text in ["a*x + b - 2a^2", "a·x + b − 2a²", "a*x + b - 2*a*a"] {
        agree_bit_for_bit(text, Model::NonConvex, &LECTURE_POINTS, &params);
        agree_bit_for_bit(text, Model::NonConvex, &LOCAL_MINIMA_POINTS, &params);
    }
}

#[test]
fn a_different_order_of_operations_agrees_to_rounding_only() {
    // (a·x − 2a²) + b rounds in another order than the built-in (a·x + b) − 2a²: the
    // same to 1e−15 relative, not always to the bit.
    let model = formula("a*x - 2a^2 + b");
    let points = data(&LOCAL_MINIMA_POINTS);
    for a in [-0.25, 0.008, 0.242, 3.3] {
        let typed = loss::evaluate(&model, Loss::L2, points.points(), &[a, 2.0], &[true, true]);
        let reference = loss::evaluate(
            Model::NonConvex,
            Loss::L2,
            points.points(),
            &[a, 2.0],
            &[true, true],
        );
        assert!((typed.loss - reference.loss).abs() <= 1e-15 * reference.loss.abs().max(1.0));
    }
}

#[test]
fn gradient_descent_from_8_follows_the_lecture_path_bit_for_bit() {
    let model = formula("a*x");
    let lecture = Problem::new(data(&LECTURE_POINTS), Model::Linear, Loss::L2);
    let descent = GradientDescent::new(0.003);
    let mut run = Run::new(vec![8.0]);
    let mut params = vec![8.0];
    let mut state = descent_core::Optimizer::init(&descent, 1);
    let mut shown_path = Vec::new();
    for _ in 0..5 {
        run.step(&lecture, descent, &StopRule::default());
        let eval = loss::evaluate(&model, Loss::L2, lecture.data.points(), &params, &[true]);
        let (step, next) =
            descent_core::Optimizer::update(&descent, &eval.gradient, &state, &params);
        state = next;
        params = params.iter().zip(&step).map(|(p, s)| p + s).collect();
        assert_eq!(params[0].to_bits(), run.params()[0].to_bits());
        shown_path.push(shown(params[0]));
    }
    assert_eq!(
        shown_path,
        ["9.3419", "9.683414", "9.770329", "9.792449", "9.798078"]
    );
}

#[test]
fn every_optimizer_takes_the_same_steps_on_a_typed_model() {
    let model = formula("a*x + b - 2a^2");
    let problem = Problem::new(data(&LOCAL_MINIMA_POINTS), Model::NonConvex, Loss::L2);
    for (id, make) in REGISTRY {
        let optimizer = make(0.01);
        let mut run = Run::new(vec![0.3, 2.0]);
        let mut params = vec![0.3, 2.0];
        let mut state = optimizer.init(2);
        for step in 0..50 {
            run.step(&problem, &optimizer, &StopRule::default());
            let eval = loss::evaluate(
                &model,
                Loss::L2,
                problem.data.points(),
                &params,
                &[true, true],
            );
            let (delta, next) = optimizer.update(&eval.gradient, &state, &params);
            state = next;
            params = params.iter().zip(&delta).map(|(p, s)| p + s).collect();
            assert_eq!(params, run.params(), "{id}, step {step}");
        }
    }
}

#[test]
fn values_and_derivatives_match_rust_closures() {
    type F = fn(f64, f64, f64) -> f64;
    let cases: [(&str, F, [F; 2]); 6] = [
        (
            "a*x^2 + b",
            |a, b, x| a * x * x + b,
            [|_, _, x| x * x, |_, _, _| 1.0],
        ),
        (
            "a*sin(b*x)",
            |a, b, x| a * (b * x).sin(),
            [|_, b, x| (b * x).sin(), |a, b, x| a * x * (b * x).cos()],
        ),
        (
            "a*exp(-b*x)",
            |a, b, x| a * (-b * x).exp(),
            [|_, b, x| (-b * x).exp(), |a, b, x| -a * x * (-b * x).exp()],
        ),
        (
            "1/(1 + exp(-(a*x + b)))",
            |a, b, x| 1.0 / (1.0 + (-(a * x + b)).exp()),
            [
                |a, b, x| {
                    let s = 1.0 / (1.0 + (-(a * x + b)).exp());
                    s * (1.0 - s) * x
                },
                |a, b, x| {
                    let s = 1.0 / (1.0 + (-(a * x + b)).exp());
                    s * (1.0 - s)
                },
            ],
        ),
        (
            "sqrt(a) ln(x) + tanh(b)/x",
            |a, b, x| a.sqrt() * x.ln() + b.tanh() / x,
            [
                |a, _, x| 0.5 / a.sqrt() * x.ln(),
                |_, b, x| (1.0 - b.tanh() * b.tanh()) / x,
            ],
        ),
        (
            "x^a + b^x",
            |a, b, x: f64| x.powf(a) + b.powf(x),
            [|a, _, x| x.powf(a) * x.ln(), |_, b, x| x * b.powf(x - 1.0)],
        ),
    ];
    for (text, f, df) in cases {
        let model = formula(text);
        for (a, b, x) in [(0.7, 1.3, 2.0), (2.5, 0.4, 0.5), (1.1, 3.0, 1.7)] {
            let y = model.predict(&[a, b], x);
            let expected = f(a, b, x);
            assert!(
                (y - expected).abs() <= 1e-14 * expected.abs().max(1.0),
                "{text}"
            );
            let grad = model.prediction_gradient(&[a, b], x);
            for (i, d) in df.iter().enumerate() {
                let expected = d(a, b, x);
                assert!(
                    (grad[i] - expected).abs() <= 1e-13 * expected.abs().max(1.0),
                    "{text}: ∂/∂{} = {} vs {expected}",
                    ["a", "b"][i],
                    grad[i]
                );
            }
            assert_eq!(model.dual(&[a, b], x).value.to_bits(), y.to_bits());
        }
    }
}

#[test]
fn derivatives_read_as_a_student_writes_them() {
    let cases: [(&str, &[&str]); 12] = [
        ("a*x", &["x"]),
        ("a*x + b", &["x", "1"]),
        ("a*x + b - 2a^2", &["x − 4a", "1"]),
        ("a*x^2", &["x²"]),
        ("a*sin(b*x)", &["sin(b·x)", "a·x·cos(b·x)"]),
        ("a*exp(-b*x)", &["exp(−b·x)", "−a·x·exp(−b·x)"]),
        (
            "1/(1 + exp(-(a*x + b)))",
            &[
                "x·exp(−(a·x + b))/(1 + exp(−(a·x + b)))²",
                "exp(−(a·x + b))/(1 + exp(−(a·x + b)))²",
            ],
        ),
        ("c x³ + d", &["x³", "1"]),
        ("a^3 x + 0.5b²", &["3a²·x", "b"]),
        ("x/a", &["−x/a²"]),
        ("(a*x + b)^2", &["2·(a·x + b)·x", "2·(a·x + b)"]),
        ("a*x - b", &["x", "−1"]),
    ];
    for (text, expected) in cases {
        let model = formula(text);
        let shown: Vec<String> = (0..model.param_count())
            .filter_map(|i| model.derivative_text(i, false))
            .collect();
        assert_eq!(shown, *expected, "{text}");
    }
    // In the Lithuanian interface, with a decimal comma.
    assert_eq!(
        formula("0.5a^2 x").derivative_text(0, true).as_deref(),
        Some("a·x")
    );
    assert_eq!(
        formula("1.5a^2").derivative_text(0, true).as_deref(),
        Some("3a")
    );
    assert_eq!(
        formula("0.25a^2").derivative_text(0, true).as_deref(),
        Some("0,5a")
    );
}

#[test]
fn parameters_are_the_ones_typed_in_order() {
    let model = formula("d·x + b");
    assert_eq!(model.param_names(), ["b", "d"]);
    assert_eq!(model.param_name(1), Some("d"));
    assert_eq!(model.predict(&[1.0, 2.0], 3.0), 7.0);
    assert!(model.is_linear_in_params());
    assert!(model.is_linear_in_x());
    assert!(!model.is_proportional());
    let curve = formula("a*x^2 + b");
    assert!(curve.is_linear_in_params());
    assert!(!curve.is_linear_in_x());
    let nonconvex = formula("a*x + b - 2a^2");
    assert!(!nonconvex.is_linear_in_params());
    assert!(nonconvex.is_linear_in_x());
    assert_eq!(formula("a b c d x").param_count(), 4);
}

#[test]
fn undefined_predictions_are_reported_per_row_with_a_reason() {
    let pts: Vec<Point> = [-1.0, 0.0, 2.0]
        .iter()
        .map(|&x| Point::new(x, 1.0))
        .collect();
    let reasons = |text: &str, params: &[f64]| -> Vec<(usize, Reason, String)> {
        let model = formula(text);
        model
            .undefined_rows(params, &pts)
            .into_iter()
            .map(|r| {
                let span = r.undefined.span;
                (
                    r.row,
                    r.undefined.reason,
                    text[span.start..span.end].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        reasons("a*ln(x)", &[1.0]),
        vec![
            (0, Reason::LogOfNegative, "ln(x)".to_string()),
            (1, Reason::LogOfZero, "ln(x)".to_string())
        ]
    );
    assert_eq!(
        reasons("a/x", &[1.0]),
        vec![(1, Reason::DivisionByZero, "a/x".to_string())]
    );
    assert_eq!(
        reasons("exp(a*x)", &[400.0]),
        vec![(2, Reason::Overflow, "exp(a*x)".to_string())]
    );
    assert_eq!(
        reasons("sqrt(a*x)", &[1.0]),
        vec![
            (0, Reason::SqrtOfNegative, "sqrt(a*x)".to_string()),
            (1, Reason::NoDerivative, "sqrt(a*x)".to_string())
        ]
    );
    assert_eq!(
        reasons("x^a", &[0.5]),
        vec![
            (0, Reason::NegativeBase, "x^a".to_string()),
            (1, Reason::NoDerivative, "x^a".to_string())
        ]
    );
    assert_eq!(
        reasons("a x", &[f64::INFINITY]),
        (0..3)
            .map(|row| (row, Reason::ParameterNotFinite, "a".to_string()))
            .collect::<Vec<_>>()
    );
    assert!(reasons("a*x + b - 2a^2", &[8.0, 0.0]).is_empty());
    // The loss itself is then not a finite number: the session must not step.
    let model = formula("a*ln(x)");
    let eval = loss::evaluate(&model, Loss::L2, &pts, &[1.0], &[true]);
    assert!(!eval.is_finite());
    assert_eq!(model.check(&[1.0], 2.0), Ok(2f64.ln()));
}

#[test]
fn many_points_at_once_give_the_same_numbers_to_the_bit() {
    let xs: Vec<f64> = (0..301).map(|i| -3.0 + f64::from(i) * 0.021).collect();
    let deep = "a*(x + (b - (x*(a + (b/(x + (a - (x^2 + (b*(x - (a + b))))))))))) + sin(b)";
    for text in [
        "a*x",
        "a*x + b - 2a^2",
        "a*sin(b*x) + c",
        "1/(1 + exp(-(a*x + b)))",
        "ln(a*x) + sqrt(b - x)",
        deep,
    ] {
        let model = formula(text);
        let params = [1.3, -0.7, 0.2];
        let params = &params[..model.param_count()];
        let mut many = Vec::new();
        model.predict_many(params, &xs, &mut many);
        assert_eq!(many.len(), xs.len());
        for (x, y) in xs.iter().zip(&many) {
            let one = model.predict(params, *x);
            assert!(
                one.to_bits() == y.to_bits() || (one.is_nan() && y.is_nan()),
                "{text} at {x}: {one} vs {y}"
            );
        }
        for n in [0usize, 1, 3, 4, 5, 257, 301] {
            let pts: Vec<Point> = xs[..n]
                .iter()
                .map(|&x| Point::new(x, 2.0 * x - 1.0))
                .collect();
            for l in Loss::ALL {
                let fast = model.loss_value(l, &pts, params);
                let generic = loss::loss_value(&model, l, &pts, params);
                assert!(
                    fast.to_bits() == generic.to_bits() || (fast.is_nan() && generic.is_nan()),
                    "{text}, {n} points, {l:?}: {fast} vs {generic}"
                );
            }
        }
    }
}
