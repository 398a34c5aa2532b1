//! `charts::loss_chart::kth_smallest`, the selection the loss chart's window uses for
//! its 80th percentile instead of sorting the samples: it must pick exactly what a sort
//! would have put at that place, for any samples the curve can hold.

use descent_lab::charts::loss_chart::kth_smallest;
use descent_lab::charts::loss_view;

/// A small deterministic generator (Knuth's MMIX LCG), so each case is the same on every run.
fn numbers(seed: u64, n: usize, distinct: u64) -> Vec<f64> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let k = (state >> 33) % distinct;
            // Negative and positive values, ±0 among them, many repeated.
            (k as f64 - distinct as f64 / 2.0) * 0.37
        })
        .map(|v| if v == 0.0 && seed % 2 == 0 { -0.0 } else { v })
        .collect()
}

#[test]
fn the_selection_picks_what_sorting_puts_at_every_place() {
    for seed in 0..40u64 {
        for (n, distinct) in [
            (1, 1),
            (2, 2),
            (7, 3),
            (50, 5),
            (401, 400),
            (400, 2),
            (33, 1000),
        ] {
            let values = numbers(seed, n, distinct);
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            for (k, want) in sorted.iter().enumerate() {
                let mut scratch = values.clone();
                let got = kth_smallest(&mut scratch, k);
                assert_eq!(
                    got.map(f64::to_bits),
                    Some(want.to_bits()),
                    "seed {seed}, n {n}, k {k}"
                );
            }
            assert_eq!(kth_smallest(&mut values.clone(), n), None);
        }
    }
    assert_eq!(kth_smallest(&mut [], 0), None);
}

#[test]
fn a_flat_loss_curve_has_a_window_around_its_one_value() {
    // 400 samples of one loss (a model whose loss does not depend on a): the selection's
    // worst case. The window runs from 0 to the value, padded by 8 % below and 10 % above.
    let curve: Vec<(f64, f64)> = (0..400).map(|i| (f64::from(i), 12.5)).collect();
    let view = loss_view(&curve);
    assert_eq!(view.y, (-1.0, 13.75));
}
