//! The loss surface L(a, b): its grid from the data's sums against L point by point, the
//! lecture's valley (Hessian, condition number, γ limits), contours, the minimum, the
//! view and the too-large cells.
#![allow(clippy::unwrap_used)]

use descent_core::presets::{LECTURE_POINTS, LOCAL_MINIMA_POINTS};
use descent_core::surface::{Method, Surface, View, DEFAULT_CELLS, DEFAULT_LEVELS, TOO_LARGE};
use descent_core::{Dataset, Loss, Model, Problem};

fn lecture_ab() -> Problem {
    Problem::new(
        Dataset::from_pairs(&LECTURE_POINTS).unwrap(),
        Model::Affine,
        Loss::L2,
    )
}

fn lecture_view() -> View {
    View::new((5.0, 14.0), (-3.0, 3.0))
}

#[test]
fn the_grid_from_sums_is_the_loss_point_by_point() {
    let problem = lecture_ab();
    let surface = Surface::compute(&problem, &[8.0, 0.0], lecture_view(), 200, 150).unwrap();
    assert_eq!(surface.method(), Method::Sums);
    assert_eq!(surface.values().len(), 200 * 150);
    for (i, j) in [(0, 0), (17, 99), (199, 149), (120, 75)] {
        let (a, b) = (surface.a_at(i), surface.b_at(j));
        let direct = problem.loss_at(&[a, b]);
        let grid = surface.value(i, j).unwrap();
        assert!(
            (grid - direct).abs() <= 1e-9 * (1.0 + direct),
            "({a}, {b}): {grid} vs {direct}"
        );
    }
    // Cell centres: column 0 is half a cell in from a = 5.
    assert!((surface.a_at(0) - (5.0 + 0.5 * 9.0 / 200.0)).abs() < 1e-12);
    assert!((surface.b_at(149) - (3.0 - 0.5 * 6.0 / 150.0)).abs() < 1e-12);
    // The MSE is the sum over n, from the same sums.
    let mut mse = problem.clone();
    mse.loss = Loss::Mse;
    let q = Surface::compute(&mse, &[8.0, 0.0], lecture_view(), 10, 10).unwrap();
    let direct = mse.loss_at(&[q.a_at(3), q.b_at(4)]);
    assert!((q.value(3, 4).unwrap() - direct).abs() < 1e-9 * (1.0 + direct));
    // The L1 loss is no quadratic: point by point.
    mse.loss = Loss::L1;
    let l1 = Surface::compute(&mse, &[8.0, 0.0], lecture_view(), 10, 10).unwrap();
    assert_eq!(l1.method(), Method::PerPoint);
    assert!(l1.quadratic().is_none());
}

#[test]
fn the_lectures_valley_is_long_and_narrow() {
    let problem = lecture_ab();
    let surface = Surface::compute(&problem, &[8.0, 0.0], lecture_view(), 20, 20).unwrap();
    let q = surface.quadratic().unwrap();
    // 2·[[Σx², Σx], [Σx, n]] = [[248.5, 33], [33, 6]].
    let h = q.hessian();
    assert!((h[0][0] - 248.5).abs() < 1e-9 && (h[0][1] - 33.0).abs() < 1e-9);
    assert!((h[1][0] - 33.0).abs() < 1e-9 && (h[1][1] - 6.0).abs() < 1e-12);
    // λ = 127.25 ± √(121.25² + 33²): 252.9105… and 1.5895…, so the valley is about 159
    // times steeper across than along (the figure).
    let (max, min) = q.eigenvalues();
    assert!((max - 252.910_505).abs() < 1e-6, "λmax {max}");
    assert!((min - 1.589_495).abs() < 1e-6, "λmin {min}");
    let kappa = q.condition_number().unwrap();
    assert!((kappa - 159.1137).abs() < 1e-4, "condition number {kappa}");
    // The limits: GD 2/λmax ≈ 0.00791, the same as the problem's own; momentum with
    // β = 0.9: 3.8/λmax ≈ 0.015025; Nesterov with β = 0.9: 3.8/(2.8·λmax) ≈ 0.005366.
    let limits = q.limits().unwrap();
    assert!((limits.gd() - 0.007_907_936).abs() < 1e-9);
    assert!((limits.gd() - problem.learning_rate_limit().unwrap()).abs() < 1e-15);
    assert!((limits.momentum(0.9) - 0.015_025_078).abs() < 1e-9);
    assert!((limits.momentum(0.0) - limits.gd()).abs() < 1e-18);
    assert!((limits.nesterov(0.9) - 0.005_366_099).abs() < 1e-9);
    // The start's figures: L(8, 0) = 402.57, ∇L = (−447.3, −59.4).
    assert!((q.at(8.0, 0.0) - 402.57).abs() < 1e-9);
    let (ga, gb) = q.gradient(8.0, 0.0);
    assert!((ga + 447.3).abs() < 1e-9 && (gb + 59.4).abs() < 1e-9);
}

#[test]
fn the_minimum_is_the_closed_form_for_a_line() {
    let problem = lecture_ab();
    let surface = Surface::compute(&problem, &[8.0, 0.0], lecture_view(), 50, 50).unwrap();
    let m = surface.minimum(&problem, &[8.0, 0.0]).unwrap();
    assert!(m.exact);
    assert!((m.a - 9.8).abs() < 1e-12 && m.b.abs() < 1e-12, "{m:?}");
    assert!(m.loss < 1e-20);
    // No cell is lower than the one that holds the minimum (the valley is so narrow that
    // the lowest cell may lie a few cells along it).
    let (_, _, lowest) = surface.lowest_cell().unwrap();
    let (i, j) = (
        ((9.8 - 5.0) / 9.0 * 50.0) as usize,
        ((0.0 + 3.0) / 6.0 * 50.0) as usize,
    );
    assert!(lowest <= surface.value(i, j).unwrap());
    assert!(surface.values().iter().all(|&v| v >= lowest));
    // All x equal: no unique minimiser.
    let flat = Problem::new(
        Dataset::from_pairs(&[(2.0, 1.0), (2.0, 3.0)]).unwrap(),
        Model::Affine,
        Loss::L2,
    );
    let s = Surface::compute(&flat, &[0.0, 0.0], lecture_view(), 10, 10).unwrap();
    assert_eq!(s.minimum(&flat, &[0.0, 0.0]), None);
    assert_eq!(s.quadratic().unwrap().condition_number(), None);
}

/// ŷ = a·x + b − 2a² with b free is ŷ = a·x + c with c = b − 2a²: one valley, curved
/// along b = c* + 2a², with one minimum at the line fit (a*, c* + 2a*²). The grid search
/// and its refinement find it without a closed form.
#[test]
fn the_non_convex_model_with_b_free_is_refined_from_the_lowest_cell() {
    let data = Dataset::from_pairs(&LOCAL_MINIMA_POINTS).unwrap();
    let problem = Problem::new(data.clone(), Model::NonConvex, Loss::L2);
    let view = View::new((-1.5, 1.5), (0.0, 6.0));
    let surface = Surface::compute(&problem, &[0.0, 2.0], view, 200, 200).unwrap();
    assert_eq!(surface.method(), Method::PerPoint);
    let m = surface.minimum(&problem, &[0.0, 2.0]).unwrap();
    assert!(!m.exact);
    let line = Problem::new(data, Model::Affine, Loss::L2);
    let fit = line.optimum(&[0.0, 0.0]);
    let fit = fit.unique().unwrap();
    let (a, c) = (fit[0], fit[1]);
    assert!((m.a - a).abs() < 1e-6, "a {} vs {a}", m.a);
    assert!(
        (m.b - (c + 2.0 * a * a)).abs() < 1e-6,
        "b {} vs {}",
        m.b,
        c + 2.0 * a * a
    );
    let (_, _, lowest) = surface.lowest_cell().unwrap();
    assert!(m.loss <= lowest);
    assert!((m.loss - line.loss_at(fit)).abs() < 1e-9);
}

#[test]
fn contours_lie_on_log_spaced_levels() {
    let problem = lecture_ab();
    let surface = Surface::compute(
        &problem,
        &[8.0, 0.0],
        lecture_view(),
        DEFAULT_CELLS,
        DEFAULT_CELLS,
    )
    .unwrap();
    let levels = surface.levels(DEFAULT_LEVELS);
    assert_eq!(levels.len(), 15);
    let ratio = levels[1] / levels[0];
    for pair in levels.windows(2) {
        assert!((pair[1] / pair[0] - ratio).abs() < 1e-9 * ratio);
    }
    let (lo, hi) = surface.color_range().unwrap();
    assert!(levels[0] > lo && levels[14] < hi);
    let q = *surface.quadratic().unwrap();
    let contours = surface.contours(&levels);
    assert_eq!(contours.len(), 15);
    let mut lines = 0;
    for contour in &contours {
        for line in &contour.lines {
            lines += 1;
            assert!(line.len() >= 2);
            for &(a, b) in line {
                assert!(surface.view().contains((a, b)));
                // Linear interpolation along a cell edge of a quadratic errs by at most
                // h²·L''/8: 0.045²·248.5/8 ≈ 0.063 across a cell 0.045 wide in a.
                let l = q.at(a, b);
                assert!(
                    (l - contour.level).abs() <= 0.07,
                    "{l} vs {}",
                    contour.level
                );
            }
        }
    }
    assert!(lines >= 15, "{lines} lines");
}

#[test]
fn too_large_cells_are_marked_and_shaded_apart() {
    // x = 10¹⁵² and 2·10¹⁵²: L ≈ 5·10³⁰⁴·a² overflows for |a| beyond about 60, so of
    // the columns at a = ±25, ±75, … only the two at ±25 are finite.
    let problem = Problem::new(
        Dataset::from_pairs(&[(1e152, 1.0), (2e152, 2.0)]).unwrap(),
        Model::Affine,
        Loss::L2,
    );
    let surface = Surface::compute(
        &problem,
        &[0.0, 0.0],
        View::new((-1000.0, 1000.0), (-1.0, 1.0)),
        40,
        10,
    )
    .unwrap();
    let too_large = surface.too_large_count();
    assert_eq!(too_large, 380);
    assert!(surface.value(19, 0).is_some() && surface.value(20, 9).is_some());
    let shades = surface.shades();
    assert_eq!(shades.len(), 400);
    assert_eq!(
        shades.iter().filter(|&&s| s == TOO_LARGE).count(),
        too_large
    );
    assert!(surface.value(0, 0).is_none());
    // Every cell too large: no colour range, no level, no panic.
    let all = Surface::compute(
        &problem,
        &[0.0, 0.0],
        View::new((1e11, 1e12), (-1.0, 1.0)),
        10,
        10,
    )
    .unwrap();
    assert_eq!(all.too_large_count(), 100);
    assert_eq!(all.color_range(), None);
    assert!(all.levels(15).is_empty());
    assert!(all.contours(&[1.0]).iter().all(|c| c.lines.is_empty()));
    assert!(all.shades().iter().all(|&s| s == TOO_LARGE));
}

#[test]
fn shades_run_from_the_top_row_down_on_a_log_scale() {
    let problem = lecture_ab();
    let surface = Surface::compute(&problem, &[8.0, 0.0], lecture_view(), 4, 3).unwrap();
    let shades = surface.shades();
    // Bitmap order: the first row is the highest b (row 2 of the grid).
    let (lo, hi) = surface.color_range().unwrap();
    for (k, &shade) in shades.iter().enumerate() {
        let (i, row) = (k % 4, k / 4);
        let v = surface.value(i, 2 - row).unwrap();
        let t = (v.ln() - lo.ln()) / (hi.ln() - lo.ln());
        assert_eq!(shade, (t * 254.0).round() as u8);
    }
    assert!(shades.contains(&0) && shades.contains(&254));
}

#[test]
fn the_default_view_fits_the_start_and_the_minimum() {
    let view = View::fit([(8.0, 0.0), (9.8, 0.0)]).unwrap();
    assert!(view.contains((8.0, 0.0)) && view.contains((9.8, 0.0)));
    // 15 % of the width 1.8 on each side; b takes a's width, centred on 0.
    assert!((view.a.0 - (8.0 - 0.27)).abs() < 1e-12 && (view.a.1 - (9.8 + 0.27)).abs() < 1e-12);
    assert!((view.b.0 + 1.17).abs() < 1e-12 && (view.b.1 - 1.17).abs() < 1e-12);
    // One point: a box around it; nothing finite: no view.
    let one = View::fit([(3.0, 3.0)]).unwrap();
    assert!(one.contains((3.0, 3.0)) && one.a.1 > one.a.0);
    assert_eq!(View::fit([(f64::NAN, 1.0)]), None);
    // Zooming about a point keeps it in place.
    let zoomed = view.zoom((9.0, 0.0), 2.0);
    assert!(((zoomed.a.1 - zoomed.a.0) - (view.a.1 - view.a.0) / 2.0).abs() < 1e-12);
    assert_eq!(view.zoom((9.0, 0.0), f64::NAN), view);
    // A one-parameter model has no surface.
    let line = Problem::new(
        Dataset::from_pairs(&LECTURE_POINTS).unwrap(),
        Model::Linear,
        Loss::L2,
    );
    assert!(Surface::compute(&line, &[8.0], view, 10, 10).is_none());
}

/// A typed formula's map tells where the formula is not defined (NaN: ln of a negative
/// number or of 0 at some row) from where L is only too large (+∞: exp overflows), and
/// the other cells keep their L.
#[test]
fn a_formulas_map_marks_undefined_cells_apart_from_too_large_ones() {
    use descent_core::{FormulaModel, ParseOptions};
    use std::sync::Arc;
    let data = Dataset::from_pairs(&LECTURE_POINTS).unwrap();
    let formula = |text: &str| {
        Model::Formula(Arc::new(
            FormulaModel::parse(text, ParseOptions::default()).unwrap(),
        ))
    };
    // ln(a·x) + b over x = 1, 2, 3: defined for a > 0 only. Columns at a = −4.5 … 4.5.
    let problem = Problem::new(data.clone(), formula("ln(a*x) + b"), Loss::L2);
    let view = View::new((-5.0, 5.0), (-1.0, 1.0));
    let surface = Surface::compute(&problem, &[0.0, 0.0], view, 10, 4).unwrap();
    assert_eq!(
        (surface.undefined_count(), surface.too_large_count()),
        (20, 0)
    );
    for j in 0..4 {
        for i in 0..10 {
            let v = surface.values()[j * 10 + i];
            if surface.a_at(i) < 0.0 {
                assert!(v.is_nan(), "a = {}", surface.a_at(i));
            } else {
                let direct = problem.loss_at(&[surface.a_at(i), surface.b_at(j)]);
                assert_eq!(v, direct);
            }
        }
    }
    // No contour line runs along the edge of the undefined region: every point of every
    // line lies among the defined cells (a ≥ 0.5, the first defined column's centre).
    let fine = Surface::compute(&problem, &[0.0, 0.0], view, 40, 20).unwrap();
    let contours = fine.contours(&fine.levels(DEFAULT_LEVELS));
    let points: Vec<(f64, f64)> = contours
        .iter()
        .flat_map(|c| c.lines.iter().flatten().copied())
        .collect();
    assert!(!points.is_empty());
    let first_defined = fine.a_at(20);
    assert!(points.iter().all(|p| p.0 >= first_defined), "{points:?}");
    // exp(a·x) + b: at a = 200, e^(200·2) … e^(200·10) overflows to +∞, which is too
    // large, not undefined; at a = 0 every prediction is 1.
    let problem = Problem::new(data, formula("exp(a*x) + b"), Loss::L2);
    let view = View::new((-100.0, 300.0), (-1.0, 1.0));
    let surface = Surface::compute(&problem, &[0.0, 0.0], view, 2, 2).unwrap();
    assert_eq!(
        (surface.undefined_count(), surface.too_large_count()),
        (0, 2)
    );
    assert!(surface.values()[0].is_finite() && surface.values()[1] == f64::INFINITY);
}
