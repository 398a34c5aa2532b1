//! The surface chart (L(a, b) as a heatmap with contours, the race's paths) and the
//! loss-against-step chart, drawn natively on the SVG backend, and the heatmap's RGBA buffer:
//! what a student sees (colours, labels, legend entries, one line per optimizer) and that no
//! input — empty, non-finite, degenerate — panics or hangs Plotters.
//!
//! The realistic surface is the lecture's table with ŷ = a·x + b, computed here from the
//! points (the app gets it from descent-core); its contours are the quadratic's exact ellipses.
//!
//! About 750 lines: the two charts share the lecture's surface and race built here, and the
//! helpers that read the SVG.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::mpsc;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use descent_lab::charts::{
    bar_rgba, draw_bands, draw_steps_chart, draw_surface_chart, fill_heatmap, legend_values,
    log10_of_normal, lut_colour, series_colour, step_axis_end, steps_view, BatchArrow, CachedLayer,
    ChartStyle, ContourLevel, LayeredChart, LogColourScale, PlotFrame, StepsChart, StepsSeries,
    SurfaceBase, SurfaceChart, SurfaceGrid, SurfacePath, TOO_LARGE, UNDEFINED, VIRIDIS,
};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_svg::SVGBackend;

const LECTURE: [(f64, f64); 3] = [(2.0, 19.6), (4.5, 44.1), (10.0, 98.0)];
const TIME_LIMIT: Duration = Duration::from_secs(5);

type Drawn = Result<Option<PlotFrame>, String>;

/// Draws on an SVG string in a separate thread and waits at most [`TIME_LIMIT`].
fn render_svg<F>(size: (u32, u32), draw: F) -> (String, Drawn)
where
    F: FnOnce(DrawingArea<SVGBackend<'_>, Shift>) -> Drawn + Send + 'static,
{
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut svg = String::new();
        let drawn = {
            let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            draw(area)
        };
        let _ = sender.send((svg, drawn));
    });
    match receiver.recv_timeout(TIME_LIMIT) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("drawing did not finish within 5 s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("drawing panicked"),
    }
}

fn render_surface(chart: SurfaceChart, style: ChartStyle, size: (u32, u32)) -> (String, Drawn) {
    render_svg(size, move |area| {
        draw_surface_chart(area, &chart, &style).map_err(|e| e.to_string())
    })
}

/// The attribute `key` of the text element whose text is `name`.
fn text_attribute(svg: &str, name: &str, key: &str) -> String {
    let chunk = svg
        .split("<text ")
        .skip(1)
        .find(|chunk| {
            let body = chunk.split('>').nth(1).unwrap_or("");
            body.split("</text").next().unwrap_or("").trim() == name
        })
        .map(|chunk| format!(" {chunk}"))
        .unwrap_or_else(|| panic!("no text {name}"));
    let start = chunk.find(&format!(" {key}=\"")).unwrap() + key.len() + 3;
    chunk[start..start + chunk[start..].find('"').unwrap()].to_owned()
}

/// Where the text `name` is drawn: its x and y attributes.
fn text_position(svg: &str, name: &str) -> (f64, f64) {
    let attr = |key: &str| -> f64 { text_attribute(svg, name, key).parse().unwrap() };
    (attr("x"), attr("y"))
}

#[test]
fn the_steps_legend_moves_off_a_line_that_climbs_into_its_corner() {
    // A hundred steps: both lines have fallen long before the right edge, so the legend
    // keeps the top right.
    let (svg, drawn) = render_steps(race_steps(), ChartStyle::default(), (900, 500));
    let frame = drawn.unwrap().unwrap();
    let mid = (
        (frame.left + frame.right) / 2.0,
        (frame.top + frame.bottom) / 2.0,
    );
    let (x, y) = text_position(&svg, "Momentum");
    assert!(
        x > mid.0 && y < mid.1,
        "legend at ({x}, {y}), frame {frame:?}"
    );
    // Five steps: momentum climbs back at steps 2–3, up under where the legend stood (as in
    // a screenshot of lecture-ab); the legend goes to a corner no line crosses. (In a chart
    // much smaller than this one every corner is crossed, and it stays top right.)
    let mut short = race_steps();
    for s in &mut short.series {
        s.losses.truncate(6);
    }
    assert!(short.series[1].losses[3] > short.series[1].losses[1]);
    let (svg, drawn) = render_steps(short, ChartStyle::default(), (600, 320));
    let frame = drawn.unwrap().unwrap();
    let mid = (
        (frame.left + frame.right) / 2.0,
        (frame.top + frame.bottom) / 2.0,
    );
    let (x, y) = text_position(&svg, "Momentum");
    assert!(
        !(x > mid.0 && y < mid.1),
        "legend still top right at ({x}, {y})"
    );
}

fn render_steps(chart: StepsChart, style: ChartStyle, size: (u32, u32)) -> (String, Drawn) {
    render_svg(size, move |area| {
        draw_steps_chart(area, &chart, &style).map_err(|e| e.to_string())
    })
}

fn hex(color: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
}

/// The texts drawn, in order.
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

/// The SVG elements with the given tag whose attributes contain `fragment`.
fn elements<'a>(svg: &'a str, tag: &str, fragment: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    svg.lines()
        .filter(|line| line.starts_with(&open) && line.contains(fragment))
        .collect()
}

#[test]
fn the_legends_bar_as_one_bitmap_has_the_bands_the_rectangles_have() {
    // The canvas stretches `bar_rgba` over the bar (one pixel a band, top first); SVG draws
    // the bands as rectangles, lowest L at the bottom. Over 128 pixels each band is two.
    let (svg, drawn) = render_svg((60, 200), |area| {
        draw_bands(&area, [10.0, 20.0, 30.0, 148.0]).map_err(|e| e.to_string())?;
        Ok(None)
    });
    drawn.unwrap();
    let rgba = bar_rgba();
    assert_eq!(rgba.len(), 64 * 4);
    let mut rects: Vec<(i32, String)> = elements(&svg, "rect", "fill=\"#")
        .iter()
        .map(|r| {
            let y = r
                .split("y=\"")
                .nth(1)
                .and_then(|t| t.split('"').next())
                .unwrap();
            let fill = r
                .split("fill=\"")
                .nth(1)
                .and_then(|t| t.split('"').next())
                .unwrap();
            (y.parse().unwrap(), fill.to_uppercase())
        })
        .collect();
    rects.sort();
    assert_eq!(rects.len(), 64, "{svg}");
    for (band, (y, fill)) in rects.iter().enumerate() {
        assert_eq!(*y, 20 + 2 * band as i32, "band {band}");
        let [r, g, b, a] = [0, 1, 2, 3].map(|k| rgba[band * 4 + k]);
        assert_eq!(a, 255);
        assert_eq!(*fill, hex(RGBColor(r, g, b)), "band {band} from the top");
    }
    // Lowest L at the bottom: the bitmap's last row is the scale's low end.
    assert_eq!(rects[63].1, hex(lut_colour(0.5 / 64.0)));
}

/// The lecture's L2 loss for ŷ = a·x + b.
fn lecture_loss(a: f64, b: f64) -> f64 {
    LECTURE.iter().map(|(x, y)| (y - a * x - b).powi(2)).sum()
}

/// The lecture's gradient (∂L/∂a, ∂L/∂b).
fn lecture_gradient(a: f64, b: f64) -> (f64, f64) {
    LECTURE.iter().fold((0.0, 0.0), |(ga, gb), (x, y)| {
        let r = y - a * x - b;
        (ga - 2.0 * r * x, gb - 2.0 * r)
    })
}

fn lecture_grid(
    a_range: (f64, f64),
    b_range: (f64, f64),
    columns: usize,
    rows: usize,
) -> SurfaceGrid {
    let mut values = Vec::with_capacity(columns * rows);
    for j in 0..rows {
        let b = b_range.0 + j as f64 * (b_range.1 - b_range.0) / (rows - 1) as f64;
        for i in 0..columns {
            let a = a_range.0 + i as f64 * (a_range.1 - a_range.0) / (columns - 1) as f64;
            values.push(lecture_loss(a, b));
        }
    }
    SurfaceGrid {
        a_range,
        b_range,
        columns,
        rows,
        values: values.into(),
    }
}

/// The level sets L = c of the lecture's quadratic loss, exactly: ellipses around (9.8, 0),
/// where L = 0, through the Cholesky factor of the Hessian's half [[Σx², Σx], [Σx, n]].
fn lecture_contours(levels: &[f64]) -> Vec<ContourLevel> {
    let p: f64 = LECTURE.iter().map(|(x, _)| x * x).sum();
    let q: f64 = LECTURE.iter().map(|(x, _)| x).sum();
    let r = LECTURE.len() as f64;
    let l11 = p.sqrt();
    let l21 = q / l11;
    let l22 = (r - l21 * l21).sqrt();
    levels
        .iter()
        .map(|&c| {
            let radius = c.sqrt();
            let line = (0..=240)
                .map(|k| {
                    let t = std::f64::consts::TAU * k as f64 / 240.0;
                    let (u1, u2) = (radius * t.cos(), radius * t.sin());
                    let d2 = u2 / l22;
                    let d1 = (u1 - l21 * d2) / l11;
                    (9.8 + d1, d2)
                })
                .collect();
            ContourLevel {
                level: c,
                lines: vec![line],
            }
        })
        .collect()
}

/// `count` levels spaced evenly in log L from `low` to `high`.
fn log_levels(low: f64, high: f64, count: usize) -> Vec<f64> {
    (0..count)
        .map(|i| 10f64.powf(low.log10() + (high / low).log10() * i as f64 / (count - 1) as f64))
        .collect()
}

/// A path of `steps` steps from (8, 0) at γ = 0.003: plain descent (β = 0) or torch's heavy
/// ball with β.
fn lecture_path(beta: f64, steps: usize) -> Vec<(f64, f64)> {
    path_from((8.0, 0.0), beta, steps)
}

/// [`lecture_path`] from any start.
fn path_from(start: (f64, f64), beta: f64, steps: usize) -> Vec<(f64, f64)> {
    let (mut a, mut b) = start;
    let (mut va, mut vb) = (0.0, 0.0);
    let mut points = vec![(a, b)];
    for _ in 0..steps {
        let (ga, gb) = lecture_gradient(a, b);
        va = beta * va + ga;
        vb = beta * vb + gb;
        a -= 0.003 * va;
        b -= 0.003 * vb;
        points.push((a, b));
    }
    points
}

/// The lecture's surface around the valley with GD and momentum racing from (8, 0).
fn lecture_surface(columns: usize, rows: usize) -> SurfaceChart {
    let grid = lecture_grid((6.5, 13.1), (-16.0, 16.0), columns, rows);
    let high = grid.values.iter().copied().fold(0.0, f64::max);
    let gd = lecture_path(0.0, 100);
    let (a, b) = *gd.last().unwrap();
    SurfaceChart {
        grid,
        contours: lecture_contours(&log_levels(0.5, high, 14)),
        minimum: Some((9.8, 0.0)),
        current: Some((a, b)),
        gradient: Some(lecture_gradient(a, b)),
        last_step: Some((gd[gd.len() - 2], (a, b))),
        paths: vec![
            SurfacePath {
                series: 0,
                points: gd,
            },
            SurfacePath {
                series: 1,
                points: lecture_path(0.9, 100),
            },
        ],
        ..SurfaceChart::default()
    }
}

/// The RGB of pixel (x, y) in an RGBA buffer `width` wide.
fn pixel(rgba: &[u8], width: u32, (x, y): (u32, u32)) -> [u8; 3] {
    let i = ((y * width + x) * 4) as usize;
    [rgba[i], rgba[i + 1], rgba[i + 2]]
}

#[test]
fn the_heatmap_is_darkest_at_the_minimum_and_lightest_on_the_far_wall() {
    // a from 8.8 to 10.8 and b from −10 to 10: the minimum (9.8, 0) is the centre.
    let grid = lecture_grid((8.8, 10.8), (-10.0, 10.0), 101, 101);
    let scale = LogColourScale::spanning(grid.values.iter().copied());
    let rgba = fill_heatmap(&grid, &scale, (101, 101));
    assert_eq!(rgba.len(), 101 * 101 * 4);
    assert!(rgba.chunks(4).all(|p| p[3] == 255), "the heatmap is opaque");
    // The centre pixel is the node at the minimum, where L = 0: the scale's darkest colour.
    assert_eq!(pixel(&rgba, 101, (50, 50)), VIRIDIS[0]);
    // The highest L of the grid is at one of its corners: the lightest colour. Row 0 of the
    // image is the highest b.
    let corners = [(0, 0), (100, 0), (0, 100), (100, 100)];
    let (hottest, _) = corners
        .iter()
        .map(|&(x, y)| {
            let a = 8.8 + 2.0 * x as f64 / 100.0;
            let b = 10.0 - 20.0 * y as f64 / 100.0;
            ((x, y), lecture_loss(a, b))
        })
        .max_by(|p, q| p.1.total_cmp(&q.1))
        .unwrap();
    // Its pixel's centre lies half a pixel inside the last node, so it is within a few shades of
    // the top.
    let shade = VIRIDIS
        .iter()
        .position(|c| *c == pixel(&rgba, 101, hottest))
        .expect("a viridis shade");
    assert!(shade >= 250, "the far wall's shade {shade}");
    // The valley floor is darker than the walls: along the a axis through b = 0, the colour's
    // brightness grows away from the minimum.
    let brightness = |p: [u8; 3]| u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]);
    let floor = brightness(pixel(&rgba, 101, (55, 50)));
    let wall = brightness(pixel(&rgba, 101, (95, 50)));
    assert!(
        floor < wall,
        "floor {floor} should be darker than wall {wall}"
    );
}

#[test]
fn cells_whose_loss_is_not_finite_have_the_too_large_colour() {
    let mut grid = lecture_grid((8.0, 12.0), (-5.0, 5.0), 20, 10);
    // The top right quarter overflowed.
    for j in 5..10 {
        for i in 10..20 {
            Arc::make_mut(&mut grid.values)[j * 20 + i] = if i % 2 == 0 {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            };
        }
    }
    let scale = LogColourScale::spanning(grid.values.iter().copied());
    let rgba = fill_heatmap(&grid, &scale, (200, 100));
    let too_large = [TOO_LARGE.0, TOO_LARGE.1, TOO_LARGE.2];
    assert_eq!(pixel(&rgba, 200, (199, 0)), too_large, "top right corner");
    assert_eq!(pixel(&rgba, 200, (150, 20)), too_large);
    assert_ne!(
        pixel(&rgba, 200, (0, 99)),
        too_large,
        "bottom left is finite"
    );
    assert!(
        !VIRIDIS.contains(&too_large),
        "the too-large colour is in no viridis shade"
    );
    // An invalid grid (values do not match its shape) is one flat "too large".
    let broken = SurfaceGrid {
        values: vec![1.0; 5].into(),
        ..grid
    };
    let rgba = fill_heatmap(&broken, &scale, (4, 3));
    assert!(rgba.chunks(4).all(|p| p[..3] == too_large));
    assert!(fill_heatmap(&broken, &scale, (0, 3)).is_empty());
}

/// The heatmap's own logarithm (a software `log10` per node is too slow in wasm) must give the
/// same table positions: it agrees with `f64::log10` to 10⁻¹² over every normal number, at
/// powers of ten exactly enough to land on the same side of each shade's boundary.
#[test]
fn the_heatmaps_logarithm_agrees_with_log10_over_every_normal_number() {
    let mut x = f64::MIN_POSITIVE;
    let mut checked = 0;
    while x.is_finite() {
        let (fast, exact) = (log10_of_normal(x), x.log10());
        assert!(
            (fast - exact).abs() < 1e-12,
            "log10({x:e}): {fast} against {exact}"
        );
        x *= 1.000_7;
        checked += 1;
    }
    assert!(checked > 1_000_000);
    for k in -300..=300 {
        let x = 10f64.powi(k);
        assert!((log10_of_normal(x) - f64::from(k)).abs() < 1e-12, "10^{k}");
    }
    // The lecture's map: every node's shade is the one `f64::log10` gives.
    let grid = lecture_grid((7.73, 10.07), (-1.17, 1.17), 200, 200);
    let scale = LogColourScale::spanning(grid.values.iter().copied());
    let (lo, hi) = (scale.low.log10(), scale.high.log10());
    let shade =
        |log: f64| (((log - lo) * 255.0 / (hi - lo)).clamp(0.0, 255.0) as f32 + 0.5) as usize;
    for &v in grid.values.iter().filter(|&&v| v > scale.low) {
        assert_eq!(shade(log10_of_normal(v)), shade(v.log10()), "L = {v}");
    }
}

#[test]
fn the_colour_scale_maps_log_l_onto_the_table_and_back() {
    let scale = LogColourScale {
        low: 0.1,
        high: 1000.0,
    };
    assert_eq!(scale.colour(0.1), lut_colour(0.0));
    assert_eq!(scale.colour(0.0), lut_colour(0.0), "L = 0 is the bottom");
    assert_eq!(scale.colour(1000.0), lut_colour(1.0));
    assert_eq!(scale.colour(f64::INFINITY), TOO_LARGE);
    assert_eq!(
        scale.colour(f64::NAN),
        UNDEFINED,
        "NaN: the formula is not defined"
    );
    // 10 is half way up four decades, in log L.
    assert!((scale.position(10.0).unwrap() - 0.5).abs() < 1e-12);
    assert!((scale.value_at(0.5) - 10.0).abs() < 1e-9);
    assert_eq!(legend_values(&scale), vec![0.1, 1.0, 10.0, 100.0, 1000.0]);
    // The floor: L = 0 at the minimum's node does not stretch the scale below 10⁻⁵ of the top.
    let lecture = lecture_grid((6.5, 13.1), (-16.0, 16.0), 201, 201);
    let spanned = LogColourScale::spanning(lecture.values.iter().copied());
    assert!(spanned.low >= spanned.high * 1e-5 * (1.0 - 1e-12));
    // Under two decades the legend uses 1, 2, 5 steps.
    let narrow = LogColourScale {
        low: 3.0,
        high: 60.0,
    };
    assert_eq!(legend_values(&narrow), vec![5.0, 10.0, 20.0, 50.0]);
}

#[test]
fn the_surface_shows_contour_labels_legend_values_and_the_minimum() {
    let chart = lecture_surface(60, 60);
    let levels: Vec<f64> = chart.contours.iter().map(|c| c.level).collect();
    let (svg, drawn) = render_surface(chart, ChartStyle::default(), (1000, 700));
    drawn.unwrap().expect("1000×700 holds a chart");
    let texts = texts(&svg);
    // Some contours are labelled with their L, written with two significant digits.
    let level_texts: Vec<String> = levels
        .iter()
        .map(|l| {
            let digits = if *l >= 100.0 { 0 } else { 1 };
            let rounded = format!("{:.*}", digits, l);
            rounded
        })
        .collect();
    let labelled = texts
        .iter()
        .filter(|t| {
            levels.iter().any(|l| {
                let value: f64 = t.parse().unwrap_or(f64::NAN);
                (value - l).abs() <= 0.05 * l
            })
        })
        .count();
    assert!(
        labelled >= 4,
        "at least four contours labelled; texts {texts:?}, levels {level_texts:?}"
    );
    // The legend: the loss's name and powers of ten of L.
    for value in ["1", "10", "100", "1000"] {
        assert!(
            texts.iter().any(|t| t == value),
            "legend value {value} in {texts:?}"
        );
    }
    assert!(texts.iter().any(|t| t == "L"));
    assert!(texts.iter().any(|t| t == "min"));
    // Every L of the grid is finite: no "too large" entry.
    assert!(!texts.iter().any(|t| t == "too large"));
    assert!(!svg.contains(&hex(TOO_LARGE)));
}

#[test]
fn the_too_large_entry_appears_only_when_the_grid_overflowed() {
    let mut chart = lecture_surface(30, 30);
    Arc::make_mut(&mut chart.grid.values)[29 * 30 + 29] = f64::INFINITY;
    chart.too_large_label = "per didelis".to_owned();
    let (svg, drawn) = render_surface(chart, ChartStyle::default(), (1000, 700));
    drawn.unwrap().unwrap();
    assert!(texts(&svg).iter().any(|t| t == "per didelis"));
    // The swatch in the legend and the cell on the map.
    assert!(elements(&svg, "rect", &format!("fill=\"{}\"", hex(TOO_LARGE))).len() >= 2);
}

#[test]
fn each_optimizer_has_one_path_in_its_colour() {
    let chart = lecture_surface(40, 40);
    let (svg, drawn) = render_surface(chart, ChartStyle::default(), (1000, 700));
    drawn.unwrap().unwrap();
    for series in [0, 1] {
        let colour = hex(series_colour(series));
        let lines = elements(&svg, "polyline", &format!("stroke=\"{colour}\""));
        assert_eq!(lines.len(), 1, "one path in {colour}");
        // Its markers: filled in the same colour.
        assert!(
            !elements(&svg, "circle", &format!("fill=\"{colour}\"")).is_empty()
                || !elements(&svg, "polygon", &format!("fill=\"{colour}\"")).is_empty()
        );
    }
    // The two optimizers' markers differ in shape: GD's are discs, momentum's polygons.
    let momentum = hex(series_colour(1));
    assert!(elements(&svg, "circle", &format!("fill=\"{momentum}\"")).is_empty());
    assert!(!elements(&svg, "polygon", &format!("fill=\"{momentum}\"")).is_empty());
    // The arrow's label.
    assert!(texts(&svg).iter().any(|t| t == "\u{2212}\u{2207}L"));
}

#[test]
fn moving_the_current_point_keeps_the_cached_layer() {
    let mut chart = lecture_surface(30, 30);
    let style = ChartStyle::default();
    let before = chart.base(&style);
    chart.current = Some((9.0, 1.0));
    chart.gradient = Some(lecture_gradient(9.0, 1.0));
    chart.paths[0].points.push((9.0, 1.0));
    assert_eq!(
        chart.base(&style),
        before,
        "paths and the point move on the moving layer"
    );
    Arc::make_mut(&mut chart.grid.values)[0] += 1.0;
    assert_ne!(chart.base(&style), before, "a new grid redraws the base");
    // Cells that overflowed (NaN) do not make the key differ from itself.
    Arc::make_mut(&mut chart.grid.values)[1] = f64::NAN;
    let overflowed = chart.base(&style);
    assert_eq!(chart.base(&style), overflowed);
    Arc::make_mut(&mut chart.grid.values)[1] = before.grid.values[1];
    let lithuanian = style.with_decimal_separator(',');
    Arc::make_mut(&mut chart.grid.values)[0] -= 1.0;
    assert_ne!(chart.base(&lithuanian), before);
}

#[test]
fn lithuanian_ticks_and_labels_use_a_decimal_comma() {
    let mut chart = lecture_surface(40, 40);
    chart.grid = lecture_grid((9.5, 10.1), (-0.6, 0.6), 40, 40);
    chart.contours = lecture_contours(&log_levels(0.05, 5.0, 6));
    let style = ChartStyle::default().with_decimal_separator(',');
    let (svg, drawn) = render_surface(chart, style, (1000, 700));
    drawn.unwrap().unwrap();
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "9,6"), "a tick 9,6 in {texts:?}");
    assert!(texts.iter().any(|t| t == "0,2"), "a tick 0,2 in {texts:?}");
    assert!(
        texts.iter().any(|t| t == "\u{2212}0,2"),
        "a tick −0,2 with a true minus in {texts:?}"
    );
    let decimal_points = texts
        .iter()
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()) && t.contains('.'))
        .count();
    assert_eq!(decimal_points, 0, "no decimal point in {texts:?}");
}

#[test]
fn degenerate_surfaces_draw_finite_axes_without_hanging() {
    let cases = [
        (
            "all NaN",
            SurfaceGrid {
                a_range: (0.0, 1.0),
                b_range: (0.0, 1.0),
                columns: 3,
                rows: 3,
                values: vec![f64::NAN; 9].into(),
            },
        ),
        (
            "zero-width ranges",
            SurfaceGrid {
                a_range: (2.0, 2.0),
                b_range: (5.0, 5.0),
                columns: 2,
                rows: 2,
                values: vec![1.0; 4].into(),
            },
        ),
        (
            "infinite ranges",
            SurfaceGrid {
                a_range: (f64::NEG_INFINITY, f64::INFINITY),
                b_range: (f64::NAN, 1e308),
                columns: 2,
                rows: 2,
                values: vec![1.0, 2.0, 1e300, f64::INFINITY].into(),
            },
        ),
        ("no nodes", SurfaceGrid::default()),
        (
            "a lying shape",
            SurfaceGrid {
                a_range: (0.0, 1.0),
                b_range: (0.0, 1.0),
                columns: usize::MAX,
                rows: 2,
                values: vec![1.0; 3].into(),
            },
        ),
        (
            "one node",
            SurfaceGrid {
                a_range: (0.0, 1.0),
                b_range: (0.0, 1.0),
                columns: 1,
                rows: 1,
                values: vec![0.0].into(),
            },
        ),
    ];
    for (name, grid) in cases {
        let chart = SurfaceChart {
            grid,
            contours: vec![ContourLevel {
                level: f64::NAN,
                lines: vec![vec![(f64::NAN, 0.0), (f64::INFINITY, 1.0), (0.5, 0.5)]],
            }],
            minimum: Some((f64::INFINITY, 0.0)),
            current: Some((0.5, 0.5)),
            gradient: Some((f64::MAX, f64::NAN)),
            last_step: Some(((0.0, 0.0), (f64::NAN, 1.0))),
            paths: vec![SurfacePath {
                series: 7,
                points: vec![(0.0, 0.0), (f64::NAN, f64::NAN), (1e300, -1e300)],
            }],
            empty_message: "no values".to_owned(),
            ..SurfaceChart::default()
        };
        let view = chart.view();
        assert!(
            [view.x.0, view.x.1, view.y.0, view.y.1]
                .iter()
                .all(|v| v.is_finite())
                && view.x.1 > view.x.0
                && view.y.1 > view.y.0,
            "{name}: view {view:?}"
        );
        let (svg, drawn) = render_surface(chart, ChartStyle::default(), (600, 400));
        let frame = drawn.unwrap().unwrap_or_else(|| panic!("{name}: a frame"));
        assert!(
            frame.view.x.0.is_finite() && frame.view.y.1.is_finite(),
            "{name}"
        );
        assert!(!svg.contains("NaN"), "{name}: no NaN reaches the SVG");
    }
    // A tiny area: no frame, no panic.
    let (_, drawn) = render_surface(lecture_surface(10, 10), ChartStyle::default(), (30, 20));
    assert_eq!(drawn.unwrap(), None);
}

#[test]
fn the_empty_message_shows_when_no_cell_is_finite() {
    let chart = SurfaceChart {
        grid: SurfaceGrid {
            a_range: (0.0, 1.0),
            b_range: (0.0, 1.0),
            columns: 2,
            rows: 2,
            values: vec![f64::INFINITY; 4].into(),
        },
        empty_message: "no values".to_owned(),
        ..SurfaceChart::default()
    };
    let (svg, drawn) = render_surface(chart, ChartStyle::default(), (600, 400));
    drawn.unwrap().unwrap();
    assert!(texts(&svg).iter().any(|t| t == "no values"));
}

fn race_steps() -> StepsChart {
    let losses = |beta: f64| -> Vec<f64> {
        lecture_path(beta, 100)
            .into_iter()
            .map(|(a, b)| lecture_loss(a, b))
            .collect()
    };
    StepsChart {
        series: vec![
            StepsSeries {
                series: 0,
                name: "GD".to_owned(),
                losses: losses(0.0),
            },
            StepsSeries {
                series: 1,
                name: "Momentum".to_owned(),
                losses: losses(0.9),
            },
        ],
        ..StepsChart::default()
    }
}

#[test]
fn the_steps_chart_has_one_line_per_optimizer_and_a_legend() {
    let (svg, drawn) = render_steps(race_steps(), ChartStyle::default(), (900, 500));
    drawn.unwrap().unwrap();
    for series in [0, 1] {
        let colour = hex(series_colour(series));
        assert_eq!(
            elements(&svg, "polyline", &format!("stroke=\"{colour}\"")).len(),
            2,
            "the line and its legend sample in {colour}"
        );
    }
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "GD"));
    assert!(texts.iter().any(|t| t == "Momentum"));
    // A log axis: L = 402.57 at step 0 (from (8, 0)) down to where momentum converged; the
    // ticks are powers of ten.
    assert!(texts.iter().any(|t| t == "100"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "1"), "{texts:?}");
}

#[test]
fn the_steps_axis_stays_finite_for_zero_and_non_finite_losses() {
    let chart = StepsChart {
        series: vec![
            StepsSeries {
                series: 2,
                name: "exact".to_owned(),
                losses: vec![4.0, 0.0, 0.0],
            },
            StepsSeries {
                series: 3,
                name: "diverged".to_owned(),
                losses: vec![1.0, 1e300, f64::INFINITY, f64::NAN],
            },
            StepsSeries {
                series: 4,
                name: "empty".to_owned(),
                losses: Vec::new(),
            },
        ],
        ..StepsChart::default()
    };
    let view = steps_view(&chart);
    assert!([view.x.0, view.x.1, view.y.0, view.y.1]
        .iter()
        .all(|v| v.is_finite()));
    assert!(
        view.y.1 - view.y.0 <= 16.0 * 1.2,
        "at most sixteen decades and padding"
    );
    let (svg, drawn) = render_steps(chart, ChartStyle::default(), (600, 400));
    drawn.unwrap().unwrap();
    assert!(!svg.contains("NaN"));
    let (svg, drawn) = render_steps(
        StepsChart {
            empty_message: "no steps".to_owned(),
            ..StepsChart::default()
        },
        ChartStyle::default(),
        (600, 400),
    );
    drawn.unwrap().unwrap();
    assert!(texts(&svg).iter().any(|t| t == "no steps"));
}

#[test]
fn the_step_axis_ends_at_the_last_step_up_to_ten_then_at_half_powers_of_ten() {
    let ends: Vec<usize> = [0, 1, 7, 10, 11, 15, 16, 99, 100, 101, 150, 151, 1001]
        .into_iter()
        .map(step_axis_end)
        .collect();
    assert_eq!(
        ends,
        [1, 1, 7, 10, 15, 15, 20, 100, 100, 150, 150, 200, 1500]
    );
}

#[test]
fn the_steps_axes_hold_still_over_many_steps_of_a_race_and_hold_every_point() {
    // Momentum on the lecture's table, a step at a time from step 20 to 100: the axes
    // (the cached layer's key) change at a few steps only, and every loss stays inside.
    let full = race_steps();
    let mut views = Vec::new();
    for last in 20..=100 {
        let chart = StepsChart {
            series: full
                .series
                .iter()
                .map(|s| StepsSeries {
                    losses: s.losses[..=last].to_vec(),
                    ..s.clone()
                })
                .collect(),
            ..StepsChart::default()
        };
        let view = steps_view(&chart);
        for l in chart.series.iter().flat_map(|s| &s.losses) {
            if *l > 0.0 && view.y.1 - view.y.0 < 16.0 {
                assert!(
                    view.y.0 < l.log10() && l.log10() < view.y.1,
                    "{l} in {view:?}"
                );
            }
        }
        assert!(view.x.0 < 0.0 && view.x.1 > last as f64);
        views.push(view);
    }
    let changes = views.windows(2).filter(|w| w[0] != w[1]).count();
    assert!(changes <= 20, "{changes} changes of the axes in 80 steps");
}

#[test]
fn the_steps_chart_writes_l_with_a_decimal_comma_in_lithuanian() {
    let chart = StepsChart {
        series: vec![StepsSeries {
            series: 0,
            name: "GD".to_owned(),
            losses: (0..20).map(|k| 10f64.powf(-(k as f64) / 4.0)).collect(),
        }],
        ..StepsChart::default()
    };
    let style = ChartStyle::default().with_decimal_separator(',');
    let (svg, drawn) = render_steps(chart, style, (900, 500));
    drawn.unwrap().unwrap();
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "0,1" || t == "0,01"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains('.')), "{texts:?}");
}

/// The speed goal is the browser's (≤ 4 ms for the whole 200 × 200 surface computed and
/// drawn); this prints the native figures of the parts drawn here. Run with
/// `cargo test --release --test charts_surface -- --ignored --nocapture timing`.
#[test]
#[ignore]
fn timing_of_the_heatmap_and_the_contours() {
    // Wall-clock time on a machine shared with other builds counts their time too; the thread's
    // own CPU time (Linux's schedstat, in ns) does not.
    fn cpu_ns() -> Option<f64> {
        let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        text.split_whitespace().next()?.parse().ok()
    }
    fn time(runs: usize, mut work: impl FnMut()) -> (f64, f64) {
        let (wall, cpu) = (Instant::now(), cpu_ns());
        for _ in 0..runs {
            work();
        }
        let wall = wall.elapsed().as_secs_f64() * 1e3 / runs as f64;
        let cpu = match (cpu, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) / 1e6 / runs as f64,
            _ => f64::NAN,
        };
        (cpu, wall)
    }
    let chart = lecture_surface(200, 200);
    let base = SurfaceBase::of(&chart, &ChartStyle::default());
    let runs = 200;
    let mut total = 0usize;
    let fill = time(runs, || total += base.heatmap_rgba().len());
    // The contours and their labels drawn on the SVG backend (a string: text formatting, no
    // rasterising), after the axes once.
    let mut svg = String::new();
    let area = SVGBackend::with_string(&mut svg, (1900, 1000)).into_drawing_area();
    let frame = base.draw_under(&area).unwrap();
    let contours = time(runs, || base.draw_over(&area, frame.as_ref()).unwrap());
    let key = time(runs, || {
        let _ = SurfaceBase::of(&chart, &ChartStyle::default());
    });
    println!(
        "(CPU ms, wall ms) per run: 200×200 heatmap fill {fill:.3?}; contours ({} levels, {} \
         points) drawn on SVG {contours:.3?}; base key (clone + colour scale) {key:.3?}; \
         ({total} bytes)",
        chart.contours.len(),
        chart
            .contours
            .iter()
            .map(|c| c.lines[0].len())
            .sum::<usize>(),
    );
}

/// Writes the lecture's surface and the race's steps as SVG files under `target/` to look
/// at: `cargo test --test charts_surface -- --ignored render`.
#[test]
#[ignore]
fn render_the_lecture_surface() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/surface-render");
    std::fs::create_dir_all(&dir).unwrap();
    // A 1920 × 1080 screen at device scale 1: the chart is about 950 × 600 CSS pixels.
    for (name, style) in [
        ("normal", ChartStyle::for_canvas((950.0, 600.0), 1.0, false)),
        (
            "projector",
            ChartStyle::for_canvas((950.0, 600.0), 1.0, true),
        ),
        (
            "lt",
            ChartStyle::for_canvas((950.0, 600.0), 1.0, false).with_decimal_separator(','),
        ),
    ] {
        let mut chart = lecture_surface(200, 200);
        if name == "normal" {
            // From (7, 12), where the two paths are apart.
            let steps = 12;
            chart.paths[0].points = path_from((7.0, 12.0), 0.0, steps);
            chart.paths[1].points = path_from((7.0, 12.0), 0.9, steps);
            let gd = &chart.paths[0].points;
            let (a, b) = gd[steps];
            chart.current = Some((a, b));
            chart.gradient = Some(lecture_gradient(a, b));
            chart.last_step = Some((gd[steps - 1], (a, b)));
        }
        if name == "lt" {
            Arc::make_mut(&mut chart.grid.values)[199 * 200 + 199] = f64::INFINITY;
            chart.too_large_label = "per didelis".to_owned();
            chart.minimum_label = "minimumas".to_owned();
        }
        let (svg, drawn) = render_surface(chart, style, (950, 600));
        drawn.unwrap().unwrap();
        std::fs::write(dir.join(format!("surface-{name}.svg")), svg).unwrap();
        let (svg, drawn) = render_steps(race_steps(), style, (950, 400));
        drawn.unwrap().unwrap();
        std::fs::write(dir.join(format!("steps-{name}.svg")), svg).unwrap();
    }
    // The moving layer alone uses the base's frame.
    let chart = lecture_surface(50, 50);
    let style = ChartStyle::default();
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (950, 600)).into_drawing_area();
        let frame = chart.base(&style).draw(&area).unwrap();
        chart.draw_moving(&area, frame.as_ref(), &style).unwrap();
        area.present().unwrap();
    }
    assert!(!svg.is_empty());
}

#[test]
fn a_mini_batch_step_shows_its_estimate_beside_the_full_gradient() {
    let mut chart = lecture_surface(30, 30);
    chart.paths.clear();
    chart.current = None;
    chart.gradient = None;
    let style = ChartStyle::default();
    let colour = hex(series_colour(2));
    let in_colour = |svg: &str| {
        elements(svg, "polyline", &format!("stroke=\"{colour}\"")).len()
            + elements(svg, "polygon", &format!("fill=\"{colour}\"")).len()
            + elements(svg, "line", &format!("stroke=\"{colour}\"")).len()
    };
    let (without, drawn) = render_surface(chart.clone(), style, (900, 600));
    drawn.unwrap().unwrap();
    assert_eq!(in_colour(&without), 0);
    let full = lecture_gradient(9.0, 0.5);
    chart.batch_arrows = vec![BatchArrow {
        series: 2,
        at: (9.0, 0.5),
        full,
        // A mini-batch estimate that points elsewhere.
        batch: (full.0 * 0.5, full.1 * 3.0),
    }];
    let (with, drawn) = render_surface(chart.clone(), style, (900, 600));
    drawn.unwrap().unwrap();
    assert!(
        in_colour(&with) > 0,
        "the estimate's arrow in the racer's colour"
    );
    // Outside the view: nothing drawn, no error.
    chart.batch_arrows[0].at = (1e9, 0.5);
    let (outside, drawn) = render_surface(chart, style, (900, 600));
    drawn.unwrap().unwrap();
    assert_eq!(in_colour(&outside), 0);
}

#[test]
fn the_gradients_label_keeps_off_the_minimum_and_its_label_where_it_can() {
    // The point 100 px left of the minimum with −∇L pointing right: the arrow (70 px) ends
    // 30 px short of the diamond, and a label to the right of the tip would cover the
    // diamond. To the tip's left there is room.
    let style = ChartStyle::default();
    let mut chart = lecture_surface(60, 60);
    chart.paths.clear();
    chart.last_step = None;
    chart.gradient = Some((-1.0, 0.0));
    let (_, drawn) = render_surface(chart.clone(), style, (1000, 700));
    let frame = drawn.unwrap().expect("1000×700 holds a chart");
    let (min_x, min_y) = frame.to_pixel((9.8, 0.0));
    let a = 9.8 - 100.0 * (frame.view.x.1 - frame.view.x.0) / (frame.right - frame.left);
    chart.current = Some((a, 0.0));
    let (svg, drawn) = render_surface(chart, style, (1000, 700));
    drawn.unwrap().expect("1000×700 holds a chart");
    let label = "\u{2212}\u{2207}L";
    let (x, y) = text_position(&svg, label);
    assert!(
        (y - min_y).abs() < 30.0,
        "the label by the tip, at {y} (minimum at {min_y})"
    );
    // Its right edge (three characters about 0.6 em wide each, at 18 px) left of the
    // diamond (10 px a side from its centre), and so of the "min" label right of it.
    let width = 3.0 * 0.6 * 18.0;
    let right = match text_attribute(&svg, label, "text-anchor").as_str() {
        "start" => x + width,
        "middle" => x + width / 2.0,
        _ => x,
    };
    assert!(
        right <= min_x - 10.0,
        "the label ends at {right}, the diamond begins at {}",
        min_x - 10.0
    );
}
