//! Best-of-N timings of what the app computes when a two-parameter formula is typed over
//! 1 000 points (issue 11's "never a main-thread task over 50 ms"): `Session::set_formula`
//! (the ranges a closed form gives), `Session::settle_ranges` (the ranges that need the
//! extrema search, in a task of their own), the loss landscape, and the
//! loss map at the app's coarse and fine sizes; and what the screen reads at each move of
//! the slider a with `a*x^2` over 10 000 points, as each reader once made its own pass
//! and from the session's one reading (`session/current.rs`); and one Step of autoplay
//! there, as the step and the screen once each evaluated and through the session's reading
//! now. `cargo run --release -p
//! descent-core --example formula_timing`; figures in BENCHMARKS.md ("Typed formula").

mod common;

use common::{best_of, noisy_line};
use descent_core::formula::ParseOptions;
use descent_core::Session;
use std::hint::black_box;

fn main() {
    let base = Session::new(noisy_line(1000, 42));
    let text = "a*sin(b*x)";
    let runs = 10;
    let set_ms = best_of(runs, || {
        let mut s = base.clone();
        black_box(
            s.set_formula(black_box(text), ParseOptions::default())
                .is_ok(),
        );
    });
    // The ranges the keystroke leaves for a task of their own (`Session::settle_ranges`).
    let settle_ms = best_of(runs, || {
        let mut s = base.clone();
        if s.set_formula(text, ParseOptions::default()).is_ok() {
            black_box(s.settle_ranges());
        }
    }) - set_ms;
    let mut session = base.clone();
    if session.set_formula(text, ParseOptions::default()).is_err() {
        return;
    }
    session.settle_ranges();
    let landscape_ms = best_of(runs, || {
        black_box(session.loss_landscape(session.range(0), 400));
    });
    let problem = session.problem().clone();
    let params = session.params().to_vec();
    let evaluate_us = 1e3
        * best_of(runs * 10, || {
            black_box(problem.evaluate(black_box(&params)));
        });
    let loss_us = 1e3
        * best_of(runs * 10, || {
            black_box(problem.loss_at(black_box(&params)));
        });
    let Some(key) = session.map_key() else {
        return;
    };
    println!("{text} over 1 000 points, best of {runs} (ms):");
    println!("  set_formula        {set_ms:8.2}");
    println!("  settle_ranges      {:8.2}", settle_ms.max(0.0));
    println!("  loss_landscape 400 {landscape_ms:8.2}");
    println!("  one L and ∇L       {:8.3}", evaluate_us / 1e3);
    println!("  one L              {:8.3}", loss_us / 1e3);
    for cells in [11, 22, 44] {
        let map_ms = best_of(runs, || {
            black_box(key.surface(cells, cells));
        });
        println!("  map {cells:>2}×{cells:<2}         {map_ms:8.2}");
    }
    slider_move(runs);
    autoplay_step(runs);
}

/// One move of the slider a with `a*x^2` over 10 000 points: what the readouts, the status
/// line, the table, the loss chart and the data chart read.
fn slider_move(runs: usize) {
    let mut session = Session::new(noisy_line(10_000, 7));
    if session
        .set_formula("a*x^2", ParseOptions::default())
        .is_err()
    {
        return;
    }
    let problem = session.problem().clone();
    let Some(formula) = problem.model.as_formula() else {
        return;
    };
    let points = problem.data.points();
    let mut a = 8.0;
    // Before: L and ∇L four times (readouts, status line, loss chart, its text), "is any
    // row undefined?" five times (readouts, status line twice, table, loss chart), the
    // residuals and the model's line at the data point by point.
    let before_ms = best_of(runs, || {
        a += 1e-3;
        let params = [a];
        for _ in 0..4 {
            black_box(problem.evaluate(&params));
        }
        for _ in 0..5 {
            black_box(formula.defined_everywhere(&params, points));
        }
        black_box(problem.residuals(&params));
        black_box(
            points
                .iter()
                .map(|p| descent_core::ParametricModel::predict(formula, &params, p.x))
                .collect::<Vec<_>>(),
        );
    });
    // After: the same questions asked of the session, which reads once per move.
    let after_ms = best_of(runs, || {
        a += 1e-3;
        session.slide_param(0, a);
        for _ in 0..4 {
            black_box(session.evaluation());
        }
        black_box(session.first_undefined());
        black_box(session.first_undefined());
        black_box(session.undefined_rows());
        black_box(session.undefined_rows());
        black_box(session.first_undefined());
        black_box(session.residuals());
        black_box(session.line_over_data(200));
    });
    println!("a*x^2 over 10 000 points, one move of a, best of {runs} (ms):");
    println!("  each reader its own pass {before_ms:8.2}");
    println!("  one reading per move     {after_ms:8.2}");
}

/// `a*x^2` over 10 000 points (the bench's data), ready to step with a γ far below its
/// limit of 4.9·10⁻⁸, as the bench's autoplay runs it.
fn ten_thousand_a_x2() -> Option<Session> {
    let mut session = Session::new(noisy_line(10_000, 42));
    session.set_formula("a*x^2", ParseOptions::default()).ok()?;
    session.set_learning_rate_text("0.00000000001");
    Some(session)
}

/// One Step of autoplay with `a*x^2` over 10 000 points and what the screen then reads:
/// L and ∇L, the worked arithmetic's L and next step, the table's undefined rows, the
/// residuals.
fn autoplay_step(runs: usize) {
    let Some(mut session) = ten_thousand_a_x2() else {
        return;
    };
    let problem = session.problem().clone();
    let mut a = 8.0;
    // Before: the step evaluated L and ∇L before it, L after it, and L and ∇L again for
    // its outcome; the screen read once, the preview evaluated L and ∇L again and L after
    // it, and the worked arithmetic L once more.
    let before_ms = best_of(runs, || {
        a -= 1e-6;
        let (p, next, after) = ([a], [a - 1e-6], [a - 2e-6]);
        black_box(problem.evaluate(&p));
        black_box(problem.loss_at(&next));
        black_box(problem.evaluate(&next));
        black_box(problem.reading(&next));
        black_box(problem.evaluate(&next));
        black_box(problem.loss_at(&after));
        black_box(problem.loss_at(&next));
    });
    let after_ms = best_of(runs, || {
        black_box(session.step());
        black_box(session.evaluation());
        black_box(session.preview_step());
        black_box(session.loss());
        black_box(session.undefined_rows());
        black_box(session.residuals());
    });
    println!("a*x^2 over 10 000 points, one Step and what the screen reads, best of {runs} (ms):");
    println!("  each its own pass        {before_ms:8.2}");
    println!("  through the reading      {after_ms:8.2}");
}
