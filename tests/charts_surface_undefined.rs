//! The loss map of a typed formula where it is not defined (issue 11): the cells where ŷ
//! is not a number at some row (ln of a negative number …) are hatched and have a legend
//! entry of their own, apart from the "too large" cells where L overflowed; drawn natively
//! on the SVG backend from the core's own map.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use descent_core::presets::Preset;
use descent_core::surface::View;
use descent_core::{ParseOptions, Session};
use descent_lab::chart_data::{surface_chart, SurfaceWords};
use descent_lab::charts::{
    draw_surface_chart, fill_heatmap, ChartStyle, LogColourScale, PlotFrame, SurfaceChart,
    TOO_LARGE, UNDEFINED,
};
use plotters::prelude::*;
use plotters_svg::SVGBackend;

const WORDS: SurfaceWords<'static> = SurfaceWords {
    minimum: "minimum",
    too_large: "too large",
    undefined: "not defined",
    empty: "no data",
};

/// The hatching's colour (the interface's warning colour).
const HATCH: &str = "#A33A00";

fn hex(color: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
}

fn render(chart: &SurfaceChart) -> (String, PlotFrame) {
    let mut svg = String::new();
    let frame = {
        let area = SVGBackend::with_string(&mut svg, (1000, 700)).into_drawing_area();
        draw_surface_chart(area, chart, &ChartStyle::default()).unwrap()
    };
    (svg, frame.expect("1000×700 holds a chart"))
}

fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|chunk| {
            let start = chunk.find('>')? + 1;
            let end = chunk.find("</text>")?;
            Some(chunk[start..end].trim().to_owned())
        })
        .collect()
}

/// The x pixel coordinates of the hatching's lines.
fn hatch_xs(svg: &str) -> Vec<f64> {
    svg.lines()
        .filter(|l| l.starts_with("<polyline ") && l.contains(&format!("stroke=\"{HATCH}\"")))
        .flat_map(|l| {
            let points = l
                .split("points=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            points
                .split_whitespace()
                .map(|p| p.split(',').next().unwrap().parse::<f64>().unwrap())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// ŷ = ln(a·x) + b on the lecture's table over a ∈ [−5, 5], b ∈ [−3, 3]: not defined
/// for a ≤ 0 (ln of a negative number, or of 0).
fn log_formula_map() -> SurfaceChart {
    let mut session = Session::new(Preset::LectureAb.lesson());
    session
        .set_formula("ln(a*x) + b", ParseOptions::default())
        .unwrap();
    session.set_map_view(Some(View::new((-5.0, 5.0), (-3.0, 3.0))));
    surface_chart(&session, WORDS).unwrap()
}

#[test]
fn the_cells_where_the_formula_is_not_defined_are_hatched_with_a_legend_entry() {
    let chart = log_formula_map();
    let grid = &chart.grid;
    assert!(grid.has_undefined() && !grid.has_too_large());
    // Every column left of a = 0 is NaN, every one right of it a number.
    let step = (grid.a_range.1 - grid.a_range.0) / (grid.columns - 1) as f64;
    for (k, v) in grid.values.iter().enumerate() {
        let a = grid.a_range.0 + (k % grid.columns) as f64 * step;
        assert_eq!(v.is_nan(), a <= 0.0, "a = {a}: {v}");
    }
    let (svg, frame) = render(&chart);
    let words = texts(&svg);
    assert!(words.iter().any(|t| t == "not defined"), "{words:?}");
    assert!(!words.iter().any(|t| t == "too large"));
    // The hatching covers the left half of the map only (and the legend's swatch, right
    // of the plot).
    let zero = frame.to_pixel((0.0, 0.0)).0;
    let (inside, legend): (Vec<f64>, Vec<f64>) = hatch_xs(&svg)
        .into_iter()
        .partition(|&x| x <= frame.right + 0.5);
    assert!(
        inside.len() > 40,
        "{} hatch points on the map",
        inside.len()
    );
    let cell = (frame.right - frame.left) / grid.columns as f64;
    assert!(inside
        .iter()
        .all(|&x| x >= frame.left - 0.5 && x <= zero + cell));
    assert!(inside.iter().any(|&x| x < frame.left + cell));
    assert!(!legend.is_empty(), "the legend's swatch is hatched");
    // Under the hatching, the pale colour of "not defined", never the grey of "too large".
    assert!(svg.contains(&format!("fill=\"{}\"", hex(UNDEFINED))));
    assert!(!svg.contains(&format!("fill=\"{}\"", hex(TOO_LARGE))));
    let scale = LogColourScale::spanning(grid.values.iter().copied());
    let rgba = fill_heatmap(grid, &scale, (100, 50));
    assert_eq!(
        &rgba[..3],
        &[UNDEFINED.0, UNDEFINED.1, UNDEFINED.2],
        "top left"
    );
    let right = (100 - 1) * 4;
    assert_ne!(
        &rgba[right..right + 3],
        &[UNDEFINED.0, UNDEFINED.1, UNDEFINED.2]
    );
}

#[test]
fn too_large_and_not_defined_cells_each_have_their_own_entry() {
    let mut chart = log_formula_map();
    // The last cell (a = 5, b = 3) overflowed as well.
    if let Some(v) = Arc::make_mut(&mut chart.grid.values).last_mut() {
        *v = f64::INFINITY;
    }
    let (svg, _) = render(&chart);
    let words = texts(&svg);
    assert!(words.iter().any(|t| t == "not defined"));
    assert!(words.iter().any(|t| t == "too large"));
    assert!(svg.contains(&format!("fill=\"{}\"", hex(TOO_LARGE))));
    // A map defined everywhere: neither entry, no hatching.
    let session = Session::new(Preset::LectureAb.lesson());
    let (svg, _) = render(&surface_chart(&session, WORDS).unwrap());
    assert!(!texts(&svg).iter().any(|t| t == "not defined"));
    assert!(hatch_xs(&svg).is_empty());
}
