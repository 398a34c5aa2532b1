//! Criterion benchmarks of the hot paths: loss + gradient, the loss curve, descent
//! steps, and a 100-step run of each optimizer. `cargo bench -p descent-core`; figures go to BENCHMARKS.md.
#![allow(missing_docs)] // criterion_group! generates undocumented items.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
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

criterion_group!(
    benches,
    loss_and_gradient,
    loss_curve,
    descent_steps,
    optimizer_runs
);
criterion_main!(benches);
