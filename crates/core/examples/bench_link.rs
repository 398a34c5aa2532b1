//! Prints a share-link payload (`v1.…`, exactly what the app's share button writes) for the
//! lecture's lesson with `N` noisy points on F = 9.8·m, so the browser benchmark
//! (`scripts/bench.sh`) can open the app with big data the honest way: through a link.
//!
//! Usage: `cargo run -p descent-core --example bench_link -- 10000 [FORMULA]`; with a
//! formula (`a*x^2`), the lesson's model is that typed formula.

use descent_core::presets::lecture;
use descent_core::table::Table;
use descent_core::Model;

/// The same points on every run: a small linear congruential generator, not a crate.
struct Noise(u64);

impl Noise {
    /// A number in [−0.5, 0.5).
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    }
}

fn main() {
    let count: usize = match std::env::args().nth(1).map(|a| a.parse()) {
        Some(Ok(n)) if n > 0 => n,
        _ => {
            eprintln!("usage: bench_link POINTS (a positive whole number)");
            std::process::exit(2);
        }
    };
    let mut noise = Noise(42);
    let rows = (0..count)
        .map(|_| {
            let x = 10.0 * (noise.next() + 0.5);
            let y = 9.8 * x + 4.0 * noise.next();
            [format!("{x:.3}"), format!("{y:.3}")]
        })
        .collect();
    let mut lesson = lecture();
    lesson.table = Table::new(lesson.table.labels.clone(), rows);
    if let Some(text) = std::env::args().nth(2) {
        match Model::formula_text(&text) {
            Ok(model) => lesson.set_model(model),
            Err(error) => {
                eprintln!("bench_link: {text}: {error}");
                std::process::exit(2);
            }
        }
    }
    println!("{}", lesson.to_link());
}
