//! What the examples share: the benchmark's noisy points and best-of-N timing. (A
//! directory module, so that Cargo does not take it for an example of its own; each
//! example uses only part of it.)
#![allow(dead_code)]

use descent_core::presets::lecture;
use descent_core::table::Table;
use descent_core::Lesson;
use std::time::Instant;

/// The same points on every run: a small linear congruential generator, not a crate.
pub struct Noise(pub u64);

impl Noise {
    /// A number in [−0.5, 0.5).
    pub fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    }
}

/// The lecture with `count` points around y = 9.8·x, x in [0, 10], noise from `seed`
/// (seed 42 gives the browser benchmark's points, `bench_link`).
pub fn noisy_line(count: usize, seed: u64) -> Lesson {
    let mut noise = Noise(seed);
    let rows = (0..count)
        .map(|_| {
            let x = 10.0 * (noise.next() + 0.5);
            let y = 9.8 * x + 4.0 * noise.next();
            [format!("{x:.3}"), format!("{y:.3}")]
        })
        .collect();
    let mut lesson = lecture();
    lesson.table = Table::new(lesson.table.labels.clone(), rows);
    lesson
}

/// The fastest of `runs` runs of `f`, in milliseconds: the minimum is what a shared,
/// loaded machine disturbs least.
pub fn best_of(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..runs {
        let start = Instant::now();
        f();
        best = best.min(start.elapsed().as_secs_f64() * 1e3);
    }
    best
}
