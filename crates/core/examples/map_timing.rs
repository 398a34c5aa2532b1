//! Where the loss map's computing goes: the parts of what the app's `surface-compute`
//! measure times for `lecture-ab` (`MapKey::surface` at 200 × 200 over the preset's own
//! view), each timed alone, best of many runs (the minimum is what a shared, loaded
//! machine disturbs least). `cargo run --release -p descent-core --example map_timing`;
//! figures in BENCHMARKS.md ("Loss surface (issue 10)", sixth session).

mod common;

use common::best_of;
use descent_core::presets::Preset;
use descent_core::surface::{Surface, DEFAULT_LEVELS};
use descent_core::Session;
use std::hint::black_box;

fn main() {
    let session = Session::new(Preset::LectureAb.lesson());
    let Some(key) = session.map_key() else {
        eprintln!("lecture-ab has no map");
        return;
    };
    let problem = session.problem();
    let params = session.params().to_vec();
    let view = key.view();
    let runs = 300;
    let Some(grid) = Surface::compute(problem, &params, view, 200, 200) else {
        return;
    };
    let levels = grid.levels(DEFAULT_LEVELS);
    let contours = grid.contours(&levels);
    let segments: usize = contours
        .iter()
        .flat_map(|c| &c.lines)
        .map(|l| l.len().saturating_sub(1))
        .sum();
    let lines: usize = contours.iter().map(|c| c.lines.len()).sum();
    let parts = [
        (
            "grid from the sums (Surface::compute)",
            best_of(runs, || {
                black_box(Surface::compute(
                    problem,
                    black_box(&params),
                    view,
                    200,
                    200,
                ));
            }),
        ),
        (
            "levels",
            best_of(runs, || {
                black_box(grid.levels(DEFAULT_LEVELS));
            }),
        ),
        (
            "contours (marching squares, all levels, joined)",
            best_of(runs, || {
                black_box(grid.contours(black_box(&levels)));
            }),
        ),
        (
            "minimum",
            best_of(runs, || {
                black_box(grid.minimum(problem, &params));
            }),
        ),
        (
            "shades (core's bitmap indices)",
            best_of(runs, || {
                black_box(grid.shades());
            }),
        ),
        (
            "the whole MapKey::surface",
            best_of(runs, || {
                black_box(black_box(&key).surface(200, 200));
            }),
        ),
    ];
    println!(
        "lecture-ab's map, view a {:?} b {:?}, {} levels, {lines} lines, {segments} segments",
        view.a,
        view.b,
        levels.len()
    );
    for (name, ms) in parts {
        println!("{ms:8.3} ms  {name}");
    }
}
