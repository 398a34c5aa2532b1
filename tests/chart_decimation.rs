//! Big tables on the data chart: 10 000 points must redraw within a frame, so the chart draws
//! at most a couple of thousand discs and one residual stroke per pixel column — without
//! changing what a small table looks like, and without losing the shape of a big cloud.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use descent_lab::charts::data_chart::{merged_residuals, points_to_draw, MAX_DRAWN_POINTS};
use descent_lab::charts::{
    data_view, draw_data_chart, ChartStyle, ChartView, DataChart, PlotFrame, Residual,
};
use plotters::prelude::*;
use plotters_svg::SVGBackend;

fn frame(view: ChartView) -> PlotFrame {
    PlotFrame {
        left: 60.0,
        top: 40.0,
        right: 860.0,
        bottom: 540.0,
        view,
    }
}

/// `n` points scattered around F = 9.8·m, the same on every run.
fn cloud(n: usize) -> Vec<(f64, f64)> {
    let mut state = 42_u64;
    let mut noise = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    };
    (0..n)
        .map(|_| {
            let x = 10.0 * (noise() + 0.5);
            (x, 9.8 * x + 4.0 * noise())
        })
        .collect()
}

#[test]
fn a_small_table_draws_every_point() {
    let points = [(2.0, 19.6), (4.5, 44.1), (10.0, 98.0)];
    let f = frame(data_view(&points));
    let drawn = points_to_draw(&f, &points, 8.0);
    assert_eq!(drawn.iter().map(|d| d.0).collect::<Vec<_>>(), [0, 1, 2]);
}

#[test]
fn points_on_the_same_pixel_draw_one_disc() {
    let points = [(3.0, 3.0), (3.0, 3.0), (3.0, 3.0), (f64::NAN, 1.0)];
    let f = frame(data_view(&points));
    assert_eq!(points_to_draw(&f, &points, 8.0).len(), 1);
}

#[test]
fn ten_thousand_points_draw_at_most_the_budget_and_keep_the_clouds_shape() {
    let points = cloud(10_000);
    let f = frame(data_view(&points));
    let radius = 8.0;
    let drawn = points_to_draw(&f, &points, radius);
    assert!(drawn.len() <= MAX_DRAWN_POINTS, "{} discs", drawn.len());
    assert!(drawn.len() >= 200, "too few discs left: {}", drawn.len());
    assert!(drawn.windows(2).all(|w| w[0].0 < w[1].0), "in table order");
    // Every point still lies under (or right beside) a drawn disc.
    for &p in points.iter().step_by(5) {
        let (px, py) = f.to_pixel(p);
        let nearest = drawn
            .iter()
            .map(|&(_, (x, y))| (f64::from(x) - px).hypot(f64::from(y) - py))
            .fold(f64::INFINITY, f64::min);
        assert!(
            nearest <= radius * 1.5 + 1.0,
            "{p:?} is {nearest} px from a disc"
        );
    }
}

#[test]
fn dense_residuals_merge_into_one_segment_per_pixel_column() {
    let points = cloud(10_000);
    let f = frame(data_view(&points));
    let residuals: Vec<Residual> = points
        .iter()
        .map(|&(x, y)| Residual {
            x,
            y,
            y_hat: 9.0 * x,
        })
        .collect();
    let merged = merged_residuals(&f, &residuals, 1.0);
    let unit = |(x, y): (f64, f64)| {
        let ((x0, x1), (y0, y1)) = (f.view.x, f.view.y);
        ((x - x0) / (x1 - x0), (y - y0) / (y1 - y0))
    };
    let width = f.right - f.left;
    assert!(merged.len() <= 801, "{} segments", merged.len());
    assert!(merged.windows(2).all(|w| w[0].0 < w[1].0), "left to right");
    // Each residual lies within the merged segment of its pixel column.
    for r in &residuals {
        let (u, v_y) = unit((r.x, r.y));
        let (_, v_hat) = unit((r.x, r.y_hat));
        let (lo, hi) = (v_y.min(v_hat), v_y.max(v_hat));
        assert!(
            merged
                .iter()
                .any(|m| ((m.0 - u) * width).abs() < 1.0 && m.1 <= lo + 1e-12 && m.2 >= hi - 1e-12),
            "no segment in the column of {r:?} covers it"
        );
    }
}

#[test]
fn ten_thousand_points_render_with_bounded_strokes() {
    let points = cloud(10_000);
    let view = data_view(&points);
    let data = DataChart {
        residuals: points
            .iter()
            .map(|&(x, y)| Residual {
                x,
                y,
                y_hat: 9.0 * x,
            })
            .collect(),
        model_line: vec![(view.x.0, 9.0 * view.x.0), (view.x.1, 9.0 * view.x.1)],
        points,
        ..DataChart::default()
    };
    let style = ChartStyle::default();
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (900, 600)).into_drawing_area();
        draw_data_chart(area, &data, &style).expect("drawn");
    }
    let palette = style.palette();
    let fill = format!(
        "fill=\"#{:02X}{:02X}{:02X}\"",
        palette.points.0, palette.points.1, palette.points.2
    );
    let discs = svg
        .lines()
        .filter(|l| l.starts_with("<circle ") && l.contains(&fill))
        .count();
    assert!((200..=MAX_DRAWN_POINTS).contains(&discs), "{discs} discs");
    let stroke = format!(
        "stroke=\"#{:02X}{:02X}{:02X}\"",
        palette.residual.0, palette.residual.1, palette.residual.2
    );
    let segments = svg
        .lines()
        .filter(|l| l.starts_with("<polyline ") && l.contains(&stroke))
        .count();
    assert!(
        (100..=900).contains(&segments),
        "{segments} residual strokes"
    );
}
