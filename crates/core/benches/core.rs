//! Criterion benchmarks of the hot paths: loss + gradient, the loss curve, descent
//! steps, a 100-step run of each optimizer, and typed formulas (parse + compile, loss +
//! gradient, a loss curve). `cargo bench -p descent-core`; figures go to BENCHMARKS.md.
#![allow(missing_docs)] // criterion_group! generates undocumented items.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use descent_core::formula::{FormulaModel, ParseOptions};
use descent_core::loss;
use descent_core::optimizer::REGISTRY;
use descent_core::presets::{self, LECTURE_POINTS};
use descent_core::{Dataset, GradientDescent, Loss, Model, Problem, Run, StopRule};

/// The same synthetic data as `numpy_l2.py`: y ≈ 9.8·x with a little deterministic noise.
fn synthetic(n: usize) -> Dataset {
    let pairs: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let x = (i % 1000) as f64 * 0.01;
            let noise = ((i * 7919) % 1000) as f64 / 1000.0 - 0.5;
            (x, 9.8 * x + noise)
        })
        .collect();
    Dataset::from_pairs(&pairs).unwrap_or_default()
}

fn loss_and_gradient(c: &mut Criterion) {
    let mut group = c.benchmark_group("loss_and_gradient");
    for n in [1_000usize, 1_000_000] {
        let problem = Problem::new(synthetic(n), Model::Linear, Loss::L2);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("linear_l2", n), &problem, |b, p| {
            b.iter(|| p.evaluate(black_box(&[8.0])))
        });
        let affine = Problem::new(synthetic(n), Model::Affine, Loss::L2);
        group.bench_with_input(BenchmarkId::new("affine_l2", n), &affine, |b, p| {
            b.iter(|| p.evaluate(black_box(&[8.0, 0.5])))
        });
    }
    group.finish();
}

fn loss_curve(c: &mut Criterion) {
    let problem = Problem::new(synthetic(10_000), Model::Linear, Loss::L2);
    c.bench_function("loss_curve/1000_samples_10000_points", |b| {
        b.iter(|| problem.loss_curve(black_box(&[8.0]), 0, (5.0, 13.0), 1000))
    });
}

fn descent_steps(c: &mut Criterion) {
    let problem = presets::lecture().problem();
    let rule = StopRule::default();
    c.bench_function("descent/10000_steps_lecture", |b| {
        b.iter(|| {
            let mut run = Run::new(vec![8.0]);
            for _ in 0..10_000 {
                run.step(&problem, GradientDescent::new(0.003), &rule);
            }
            black_box(run.params()[0])
        })
    });
}

/// 100 steps of each registered optimizer on the lecture's table with ŷ = a·x + b from
/// (8, 0), at the learning rates of `OPTIMIZERS.md`'s reference table.
fn optimizer_runs(c: &mut Criterion) {
    let data = Dataset::from_pairs(&LECTURE_POINTS).unwrap_or_default();
    let problem = Problem::new(data, Model::Affine, Loss::L2);
    let rule = StopRule::default();
    let mut group = c.benchmark_group("optimizer_100_steps_lecture_ab");
    for (id, make) in REGISTRY {
        let learning_rate = match *id {
            "rmsprop" => 0.01,
            "adam" => 0.1,
            _ => 0.003,
        };
        let optimizer = make(learning_rate);
        group.bench_function(*id, |b| {
            b.iter(|| {
                let mut run = Run::new(vec![8.0, 0.0]);
                for _ in 0..100 {
                    run.step(&problem, &optimizer, &rule);
                }
                black_box(run.params()[0])
            })
        });
    }
    group.finish();
}

/// A 200-character formula using every function, typography and products without signs.
const FORMULA_200: &str = "a*sin(b*x) + c*exp(-d*x^2) + 1/(1 + exp(-(a*x + b))) + sqrt(abs(c*x)) + ln(1 + x^2)*d - tanh(a - b*x) + 2(x + 1)^3 * c·x² − π d + sigmoid(a x) * log(10 + b^2) + cos(a)/(2 + d^2) - a b c + 0.25x^4 + 12";

/// Typed formulas: reading one (the ≤ 1 ms goal of issue 11), and evaluating one over the
/// data against the built-in model it equals.
fn formulas(c: &mut Criterion) {
    let mut group = c.benchmark_group("formula");
    group.bench_function("parse_compile_200_chars", |b| {
        b.iter(|| FormulaModel::parse(black_box(FORMULA_200), ParseOptions::default()))
    });
    let data = synthetic(10_000);
    let points = data.points();
    group.throughput(Throughput::Elements(points.len() as u64));
    for text in ["a*x + b", "a*x + b - 2a^2", "a*sin(b*x) + c"] {
        let Ok(model) = FormulaModel::parse(text, ParseOptions::default()) else {
            continue;
        };
        let params = [8.0, 0.5, 0.1];
        let params = &params[..model.param_names().len()];
        let free = vec![true; params.len()];
        group.bench_with_input(
            BenchmarkId::new("loss_gradient_10000_points", text),
            &model,
            |b, m| b.iter(|| loss::evaluate(m, Loss::L2, points, black_box(params), &free)),
        );
    }
    // L and ∇L of a two-parameter formula over 1 000 points, as Step, the extrema search
    // and the map's minimum ask for them: point by point through the generic loss, and
    // 64 points an instruction (`FormulaModel::evaluate`, the same numbers to the bit).
    if let Ok(model) = FormulaModel::parse("a*sin(b*x)", ParseOptions::default()) {
        let small = synthetic(1_000);
        let points = small.points();
        let free = [true, true];
        group.throughput(Throughput::Elements(points.len() as u64));
        group.bench_function("loss_gradient_1000_points/a*sin(b*x)/generic", |b| {
            b.iter(|| loss::evaluate(&model, Loss::L2, points, black_box(&[8.0, 0.5]), &free))
        });
        group.bench_function("loss_gradient_1000_points/a*sin(b*x)/batched", |b| {
            b.iter(|| model.evaluate(Loss::L2, points, black_box(&[8.0, 0.5]), &free))
        });
    }
    group.throughput(Throughput::Elements(points.len() as u64));
    let affine = Problem::new(data.clone(), Model::Affine, Loss::L2);
    group.bench_function(
        BenchmarkId::new("loss_gradient_10000_points", "built-in a·x + b"),
        |b| b.iter(|| affine.evaluate(black_box(&[8.0, 0.5]))),
    );
    // The loss curve in a with b fixed: 1 000 samples over 10 000 points, as the app
    // draws it (then caches it: it changes only with the data and the fixed parameters),
    // through the generic loss and through the formula's own batched evaluation.
    if let Ok(model) = FormulaModel::parse("a*x + b - 2a^2", ParseOptions::default()) {
        group.throughput(Throughput::Elements(1000 * points.len() as u64));
        group.bench_function("loss_curve_1000_samples_10000_points/generic", |b| {
            b.iter(|| {
                (0..1000)
                    .map(|i| {
                        let a = 5.0 + 8.0 * f64::from(i) / 999.0;
                        loss::loss_value(&model, Loss::L2, points, &[a, 0.5])
                    })
                    .fold(0.0, f64::max)
            })
        });
        group.bench_function("loss_curve_1000_samples_10000_points/batched", |b| {
            b.iter(|| {
                (0..1000)
                    .map(|i| {
                        let a = 5.0 + 8.0 * f64::from(i) / 999.0;
                        model.loss_value(Loss::L2, points, &[a, 0.5])
                    })
                    .fold(0.0, f64::max)
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    loss_and_gradient,
    loss_curve,
    descent_steps,
    optimizer_runs,
    formulas
);
criterion_main!(benches);
