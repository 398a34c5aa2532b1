//! Prints a share-link payload (`v1.…`, exactly what the app's share button writes) for the
//! lecture's lesson with `N` noisy points on F = 9.8·m, so the browser benchmark
//! (`scripts/bench.sh`) can open the app with big data the honest way: through a link.
//!
//! Usage: `cargo run -p descent-core --example bench_link -- 10000 [FORMULA]`; with a
//! formula (`a*x^2`), the lesson's model is that typed formula.

mod common;

use common::noisy_line;
use descent_core::Model;

fn main() {
    let count: usize = match std::env::args().nth(1).map(|a| a.parse()) {
        Some(Ok(n)) if n > 0 => n,
        _ => {
            eprintln!("usage: bench_link POINTS (a positive whole number)");
            std::process::exit(2);
        }
    };
    let mut lesson = noisy_line(count, 42);
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
