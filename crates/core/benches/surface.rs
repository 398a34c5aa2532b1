//! The loss surface of ŷ = a·x + b on the lecture's table at 200×200 cells: the grid from
//! the data's sums, the 15 contour levels by the hand-written marching squares, and the
//! same isolines by the `contour` crate (0.13.1, d3-contour's port), which decided which
//! one the core uses. `cargo bench -p descent-core --bench surface`; figures go to
//! BENCHMARKS.md ("Loss surface").
#![allow(missing_docs)] // criterion_group! generates undocumented items.

use contour::ContourBuilder;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use descent_core::presets::{Preset, LECTURE_POINTS};
use descent_core::surface::{isolines, Surface, View, DEFAULT_LEVELS};
use descent_core::{Dataset, Loss, Model, Problem, Session};

fn lecture_ab() -> Problem {
    Problem::new(
        Dataset::from_pairs(&LECTURE_POINTS).unwrap_or_default(),
        Model::Affine,
        Loss::L2,
    )
}

fn surface(c: &mut Criterion) {
    let problem = lecture_ab();
    let view = View::new((5.0, 14.0), (-3.0, 3.0));
    let mut group = c.benchmark_group("surface_200x200_lecture_ab");
    group.bench_function("grid_from_sums", |b| {
        b.iter(|| Surface::compute(&problem, black_box(&[8.0, 0.0]), view, 200, 200))
    });
    let Some(grid) = Surface::compute(&problem, &[8.0, 0.0], view, 200, 200) else {
        return;
    };
    let levels = grid.levels(DEFAULT_LEVELS);
    group.bench_function("isolines_hand_written_15_levels", |b| {
        b.iter(|| {
            levels
                .iter()
                .map(|&l| isolines(grid.values(), 200, 200, l, (0.0, 0.0), (1.0, 1.0)).len())
                .sum::<usize>()
        })
    });
    let builder = ContourBuilder::new(200, 200, true);
    group.bench_function("isolines_contour_crate_15_levels", |b| {
        b.iter(|| {
            builder
                .lines(black_box(grid.values()), &levels)
                .map(|l| l.len())
        })
    });
    group.bench_function("grid_and_contours_and_shades", |b| {
        b.iter(|| {
            Surface::compute(&problem, black_box(&[8.0, 0.0]), view, 200, 200).map(|s| {
                let levels = s.levels(DEFAULT_LEVELS);
                (s.contours(&levels).len(), s.shades().len())
            })
        })
    });
    // The non-convex model with b free: no sums, L point by point (n = 4).
    let mut non_convex = problem.clone();
    non_convex.model = Model::NonConvex;
    group.bench_function("grid_per_point_non_convex", |b| {
        b.iter(|| Surface::compute(&non_convex, black_box(&[8.0, 0.0]), view, 200, 200))
    });
    // What the app computes for each new map of `lecture-ab` (its `surface-compute`
    // measure in the browser): the grid over the preset's own view, the contour lines at
    // the default levels, the minimum and the γ limits, through the session's map key.
    if let Some(key) = Session::new(Preset::LectureAb.lesson()).map_key() {
        group.bench_function("map_key_surface_lecture_ab", |b| {
            b.iter(|| black_box(&key).surface(200, 200).map(|m| m.contours.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, surface);
criterion_main!(benches);
