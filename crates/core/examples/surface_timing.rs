//! Best-of-100 timings of the 200×200 loss surface (grid, hand-written isolines, the
//! `contour` crate's isolines) on the lecture's table with ŷ = a·x + b: the minimum of
//! many runs is what a loaded, shared machine disturbs least. `cargo run --release -p
//! descent-core --example surface_timing`; figures in BENCHMARKS.md ("Loss surface").

mod common;

use common::best_of;
use contour::ContourBuilder;
use descent_core::presets::LECTURE_POINTS;
use descent_core::surface::{isolines, isolines_at_levels, Surface, View, DEFAULT_LEVELS};
use descent_core::{Dataset, Loss, Model, Problem};
use std::hint::black_box;

fn main() {
    let problem = Problem::new(
        Dataset::from_pairs(&LECTURE_POINTS).unwrap_or_default(),
        Model::Affine,
        Loss::L2,
    );
    let view = View::new((5.0, 14.0), (-3.0, 3.0));
    let Some(grid) = Surface::compute(&problem, &[8.0, 0.0], view, 200, 200) else {
        return;
    };
    let levels = grid.levels(DEFAULT_LEVELS);
    let grid_ms = best_of(100, || {
        black_box(Surface::compute(
            &problem,
            black_box(&[8.0, 0.0]),
            view,
            200,
            200,
        ));
    });
    let mut lines = (0, 0);
    let hand_ms = best_of(100, || {
        lines.0 = levels
            .iter()
            .map(|&l| isolines(grid.values(), 200, 200, l, (0.0, 0.0), (1.0, 1.0)).len())
            .sum();
    });
    let one_pass_ms = best_of(100, || {
        black_box(isolines_at_levels(
            grid.values(),
            200,
            200,
            &levels,
            (0.0, 0.0),
            (1.0, 1.0),
        ));
    });
    let builder = ContourBuilder::new(200, 200, true);
    let crate_ms = best_of(100, || {
        lines.1 = builder
            .lines(black_box(grid.values()), &levels)
            .map(|l| l.iter().map(|l| l.geometry().0.len()).sum())
            .unwrap_or(0);
    });
    let shades_ms = best_of(100, || {
        black_box(grid.shades());
    });
    println!("grid from sums: {grid_ms:.3} ms");
    println!(
        "isolines, hand-written, {} levels: {hand_ms:.3} ms ({} lines)",
        levels.len(),
        lines.0
    );
    println!(
        "isolines, contour crate, {} levels: {crate_ms:.3} ms ({} lines)",
        levels.len(),
        lines.1
    );
    println!("isolines, hand-written, all levels in one pass: {one_pass_ms:.3} ms");
    println!("shades: {shades_ms:.3} ms");
}
