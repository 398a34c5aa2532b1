//! The charts drawn natively on the SVG backend: what a student would see (labels, markers,
//! squares) and that no input — empty, non-finite, huge or degenerate — panics or hangs Plotters.
// Helpers outside #[test] functions fail the test loudly, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use descent_lab::charts::{
    data_view, draw_data_chart, draw_loss_chart, finite_range, loss_view, nice_padding,
    projector_enlargement, ChartStyle, ChartView, DataChart, LossChart, PlotFrame, Residual,
    Tangent, PROJECTOR_ENLARGEMENT, RANGE_LIMIT,
};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_svg::SVGBackend;

/// Long enough for any sane drawing, short enough that a Plotters infinite loop fails the test
/// instead of hanging CI.
const TIME_LIMIT: Duration = Duration::from_secs(5);

const LECTURE: [(f64, f64); 3] = [(2.0, 19.6), (4.5, 44.1), (10.0, 98.0)];

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
        // The receiver is gone only if the test already failed on the time limit.
        let _ = sender.send((svg, drawn));
    });
    match receiver.recv_timeout(TIME_LIMIT) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("drawing did not finish within 5 s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("drawing panicked"),
    }
}

fn render_data(data: DataChart, style: ChartStyle, size: (u32, u32)) -> (String, Drawn) {
    render_svg(size, move |area| {
        draw_data_chart(area, &data, &style).map_err(|e| e.to_string())
    })
}

fn render_loss(chart: LossChart, style: ChartStyle, size: (u32, u32)) -> (String, Drawn) {
    render_svg(size, move |area| {
        draw_loss_chart(area, &chart, &style).map_err(|e| e.to_string())
    })
}

/// Renders and insists on success with a plotting area.
fn data_svg(data: DataChart) -> (String, PlotFrame) {
    let (svg, drawn) = render_data(data, ChartStyle::default(), (800, 600));
    let frame = drawn
        .expect("drawing succeeds")
        .expect("800×600 holds a chart");
    (svg, frame)
}

fn loss_svg(chart: LossChart) -> (String, PlotFrame) {
    let (svg, drawn) = render_loss(chart, ChartStyle::default(), (800, 600));
    let frame = drawn
        .expect("drawing succeeds")
        .expect("800×600 holds a chart");
    (svg, frame)
}

fn hex(color: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
}

/// The SVG elements with the given tag whose attributes contain `fragment`.
fn elements<'a>(svg: &'a str, tag: &str, fragment: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    svg.lines()
        .filter(|line| line.starts_with(&open) && line.contains(fragment))
        .collect()
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

/// A numeric attribute of one SVG element.
fn attribute(element: &str, name: &str) -> f64 {
    let key = format!(" {name}=\"");
    let start = element.find(&key).expect("attribute present") + key.len();
    let end = start + element[start..].find('"').expect("attribute closed");
    element[start..end].parse().expect("numeric attribute")
}

/// The points of a polyline element.
fn polyline_points(element: &str) -> Vec<(f64, f64)> {
    let start = element.find("points=\"").expect("points present") + "points=\"".len();
    let end = start + element[start..].find('"').expect("points closed");
    element[start..end]
        .split_whitespace()
        .map(|pair| {
            let (x, y) = pair.split_once(',').expect("x,y");
            (x.parse().expect("x"), y.parse().expect("y"))
        })
        .collect()
}

fn lecture_data(a: f64, show_squares: bool) -> DataChart {
    let points = LECTURE.to_vec();
    let view = data_view(&points);
    DataChart {
        residuals: points
            .iter()
            .map(|&(x, y)| Residual { x, y, y_hat: a * x })
            .collect(),
        model_line: vec![(view.x.0, a * view.x.0), (view.x.1, a * view.x.1)],
        points,
        show_squares,
        x_label: "m".to_owned(),
        y_label: "F".to_owned(),
        empty_message: "No valid rows".to_owned(),
        ..DataChart::default()
    }
}

fn lecture_loss(a: f64) -> f64 {
    LECTURE.iter().map(|(x, y)| (y - a * x).powi(2)).sum()
}

fn lecture_slope(a: f64) -> f64 {
    2.0 * (a * 124.25 - 1217.65)
}

/// The lecture's loss chart: the curve over a ∈ [4, 16] and descent from a = 8 with γ = 0.003.
fn lecture_loss_chart(steps: usize) -> LossChart {
    let curve = (0..=200)
        .map(|i| 4.0 + 12.0 * f64::from(i) / 200.0)
        .map(|a| (a, lecture_loss(a)))
        .collect();
    let mut a = 8.0;
    let mut trail = vec![(a, lecture_loss(a))];
    for _ in 0..steps {
        a -= 0.003 * lecture_slope(a);
        trail.push((a, lecture_loss(a)));
    }
    LossChart {
        curve,
        current: trail.last().copied(),
        tangent: Some(Tangent {
            slope: lecture_slope(a),
            label: format!("∂L/∂a = {:.1}", lecture_slope(a)).replace('-', "\u{2212}"),
        }),
        trail,
        minima: vec![(9.8, 0.0)],
        empty_message: "No curve".to_owned(),
        ..LossChart::default()
    }
}

// ---- The data chart -------------------------------------------------------------------------

#[test]
fn lecture_data_chart_shows_column_names_three_points_and_three_residuals() {
    let style = ChartStyle::default();
    let palette = style.palette();
    let (svg, _) = data_svg(lecture_data(8.0, false));
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "m"), "x column name: {texts:?}");
    assert!(texts.iter().any(|t| t == "F"), "y column name: {texts:?}");
    let fill = format!("fill=\"{}\"", hex(palette.points));
    assert_eq!(
        elements(&svg, "circle", &fill).len(),
        3,
        "one disc per point"
    );
    let stroke = format!("stroke=\"{}\"", hex(palette.residual));
    assert_eq!(
        elements(&svg, "polyline", &stroke).len(),
        3,
        "one residual segment per point"
    );
    let model = format!("stroke=\"{}\"", hex(palette.model));
    assert_eq!(
        elements(&svg, "polyline", &model).len(),
        1,
        "the model line"
    );
    let square = format!("fill=\"{}\"", hex(palette.square));
    assert!(
        elements(&svg, "rect", &square).is_empty(),
        "squares are off"
    );
}

#[test]
fn residual_segments_are_vertical_and_join_each_point_to_the_line() {
    let palette = ChartStyle::default().palette();
    let (svg, frame) = data_svg(lecture_data(8.0, false));
    let stroke = format!("stroke=\"{}\"", hex(palette.residual));
    for (element, &(x, y)) in elements(&svg, "polyline", &stroke).iter().zip(&LECTURE) {
        let ends = polyline_points(element);
        let (px, py) = frame.to_pixel((x, y));
        let (_, py_hat) = frame.to_pixel((x, 8.0 * x));
        assert_eq!(ends.len(), 2);
        assert!(
            ends.iter().all(|e| (e.0 - px).abs() <= 1.0),
            "vertical at x"
        );
        let (lo, hi) = (ends[0].1.min(ends[1].1), ends[0].1.max(ends[1].1));
        assert!((lo - py.min(py_hat)).abs() <= 1.0 && (hi - py.max(py_hat)).abs() <= 1.0);
    }
}

#[test]
fn toggling_squares_draws_one_pixel_square_per_residual() {
    let palette = ChartStyle::default().palette();
    let (svg, _) = data_svg(lecture_data(8.0, true));
    let fill = format!("fill=\"{}\"", hex(palette.square));
    let squares = elements(&svg, "rect", &fill);
    assert_eq!(squares.len(), 3);
    for square in squares {
        let (w, h) = (attribute(square, "width"), attribute(square, "height"));
        assert!((w - h).abs() <= 1.0, "a square in pixels, not {w}×{h}");
    }
}

#[test]
fn squares_grow_with_the_squared_residual() {
    let palette = ChartStyle::default().palette();
    let (svg, _) = data_svg(lecture_data(9.0, true));
    let fill = format!("fill=\"{}\"", hex(palette.square));
    let sides: Vec<f64> = elements(&svg, "rect", &fill)
        .iter()
        .map(|s| attribute(s, "height"))
        .collect();
    // Residuals at a = 9: 1.6, 3.6 and 8: the sides keep their ratios.
    assert_eq!(sides.len(), 3);
    assert!((sides[2] / sides[0] - 8.0 / 1.6).abs() < 0.5, "{sides:?}");
    assert!((sides[1] / sides[0] - 3.6 / 1.6).abs() < 0.3, "{sides:?}");
}

#[test]
fn the_dragged_point_gets_a_ring() {
    let palette = ChartStyle::default().palette();
    let ring = format!("stroke=\"{}\"", hex(palette.highlight));
    let (plain, _) = data_svg(lecture_data(8.0, false));
    assert!(elements(&plain, "circle", &ring).is_empty());
    let (svg, _) = data_svg(DataChart {
        highlighted: Some(1),
        ..lecture_data(8.0, false)
    });
    assert_eq!(elements(&svg, "circle", &ring).len(), 1);
}

#[test]
fn column_names_are_drawn_as_text_not_markup() {
    let (svg, _) = data_svg(DataChart {
        x_label: "<b>m</b> & kg".to_owned(),
        ..lecture_data(8.0, false)
    });
    assert!(!svg.contains("<b>"));
    assert!(svg.contains("&lt;b&gt;m&lt;/b&gt; &amp; kg"));
}

#[test]
fn empty_data_draws_axes_and_the_message() {
    let (svg, _) = data_svg(DataChart {
        empty_message: "No valid rows".to_owned(),
        ..DataChart::default()
    });
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "No valid rows"), "{texts:?}");
    let ticks = texts
        .iter()
        .filter(|t| t.replace('\u{2212}', "-").parse::<f64>().is_ok())
        .count();
    assert!(ticks >= 4, "tick labels: {texts:?}");
    assert!(texts.iter().any(|t| t == "x") && texts.iter().any(|t| t == "y"));
}

#[test]
fn the_message_is_not_shown_when_there_are_points() {
    let (svg, _) = data_svg(lecture_data(8.0, false));
    assert!(!texts(&svg).iter().any(|t| t == "No valid rows"));
}

#[test]
fn axes_carry_at_most_six_tick_labels_each() {
    let (svg, _) = data_svg(lecture_data(8.0, false));
    let y_ticks = svg.matches("text-anchor=\"end\"").count();
    let all = texts(&svg).len();
    assert!(y_ticks <= 6, "{y_ticks} y tick labels");
    // x ticks + y ticks + the two axis names.
    assert!(all <= 6 + 6 + 2, "{all} texts");
}

#[test]
fn tick_labels_share_their_decimals_and_use_a_true_minus_sign() {
    // The lecture's second example: x around 0, y between 1.85 and 1.9.
    let points = [(-0.3, 1.9), (-0.2, 1.85), (0.2, 1.85), (0.3, 1.85)];
    let (svg, _) = data_svg(data_from(&points, 0.0));
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "1.90"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "1.85"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "\u{2212}0.2"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.starts_with('-')), "{texts:?}");
}

#[test]
fn lithuanian_tick_labels_write_a_decimal_comma() {
    // The axes beside a readout of −447,3 must not say 1.90: in Lithuanian every tick label
    // has a decimal comma (and the true minus sign, as in English).
    let points = [(-0.3, 1.9), (-0.2, 1.85), (0.2, 1.85), (0.3, 1.85)];
    let style = ChartStyle::default().with_decimal_separator(',');
    let (svg, _) = render_data(data_from(&points, 0.0), style, (800, 600));
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "1,90"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "1,85"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "\u{2212}0,2"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains('.')), "{texts:?}");
}

#[test]
fn lithuanian_scientific_tick_labels_write_a_decimal_comma() {
    let points = [(1.0e7, 2.5e7), (1.5e7, 3.0e7)];
    let style = ChartStyle::default().with_decimal_separator(',');
    let (svg, _) = render_data(data_from(&points, 2.0), style, (800, 600));
    let texts = texts(&svg);
    assert!(
        texts.iter().any(|t| t.contains(',') && t.contains('e')),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.contains('.')), "{texts:?}");
}

#[test]
fn the_data_view_takes_in_the_origin_and_every_point() {
    let view = data_view(&LECTURE);
    assert!(view.x.0 < 0.0 && view.y.0 < 0.0, "{view:?}");
    assert!(view.x.1 > 10.0 && view.y.1 > 98.0, "{view:?}");
}

#[test]
fn points_outside_a_fixed_view_are_not_drawn() {
    let palette = ChartStyle::default().palette();
    let (svg, frame) = data_svg(DataChart {
        view: Some(ChartView {
            x: (0.0, 5.0),
            y: (0.0, 50.0),
        }),
        ..lecture_data(8.0, true)
    });
    let fill = format!("fill=\"{}\"", hex(palette.points));
    assert_eq!(
        elements(&svg, "circle", &fill).len(),
        2,
        "(10, 98) is outside"
    );
    for line in svg.lines().filter(|l| l.starts_with("<polyline ")) {
        for (x, y) in polyline_points(line) {
            let inside = x >= frame.left - 1.0
                && x <= frame.right + 1.0
                && y >= frame.top - 1.0
                && y <= frame.bottom + 1.0;
            // Axis lines and tick marks sit just outside the plotting area; data never does.
            if line.contains(&hex(palette.model)) || line.contains(&hex(palette.residual)) {
                assert!(inside, "({x}, {y}) outside {frame:?}");
            }
        }
    }
}

#[test]
fn the_plot_frame_maps_pointer_pixels_back_to_data() {
    let (_, frame) = data_svg(lecture_data(8.0, false));
    for &(x, y) in &LECTURE {
        let (px, py) = frame.to_pixel((x, y));
        assert!(frame.contains_pixel((px, py)));
        let (dx, dy) = frame.to_data((px, py));
        assert!((dx - x).abs() < 1e-9 && (dy - y).abs() < 1e-9);
    }
    let near_second = frame.to_pixel((4.6, 45.0));
    assert_eq!(frame.nearest_point(&LECTURE, near_second, 20.0), Some(1));
    assert_eq!(frame.nearest_point(&LECTURE, (-500.0, -500.0), 20.0), None);
}

// ---- The loss chart -------------------------------------------------------------------------

#[test]
fn lecture_loss_chart_shows_the_slope_label_the_minimum_and_the_trail() {
    let palette = ChartStyle::default().palette();
    let chart = lecture_loss_chart(3);
    let label = chart.tangent.as_ref().unwrap().label.clone();
    let (svg, _) = loss_svg(chart);
    let texts = texts(&svg);
    assert!(texts.contains(&label), "{label} in {texts:?}");
    assert!(texts.iter().any(|t| t == "min"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "a") && texts.iter().any(|t| t == "L"));
    let dots = format!("fill=\"{}\"", hex(palette.trail));
    assert_eq!(elements(&svg, "circle", &dots).len(), 4, "a dot per step");
    // One "0" is the L axis's first tick, the other numbers the start of the trail.
    assert_eq!(texts.iter().filter(|t| *t == "0").count(), 2, "{texts:?}");
}

#[test]
fn the_first_step_shows_the_lectures_slope() {
    let (svg, _) = loss_svg(lecture_loss_chart(0));
    assert!(texts(&svg).iter().any(|t| t == "∂L/∂a = \u{2212}447.3"));
}

#[test]
fn only_the_first_ten_trail_points_and_the_last_are_numbered() {
    let curve: Vec<(f64, f64)> = (0..=300)
        .map(|i| f64::from(i) / 10.0)
        .map(|a| (a, a * a))
        .collect();
    let trail: Vec<(f64, f64)> = (0..30).map(|i| (f64::from(i), f64::from(i * i))).collect();
    let (svg, _) = loss_svg(LossChart {
        curve,
        trail,
        ..LossChart::default()
    });
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "29"), "the last: {texts:?}");
    assert!(texts.iter().any(|t| t == "1"), "an early step: {texts:?}");
    // Tick labels may be multiples of 5; no other number from 10 to 28 may appear.
    for n in (10..29).filter(|n| n % 5 != 0) {
        assert!(!texts.contains(&n.to_string()), "{n} numbered: {texts:?}");
    }
}

#[test]
fn the_tangent_stays_inside_the_plotting_area() {
    let palette = ChartStyle::default().palette();
    let chart = LossChart {
        current: Some((4.2, lecture_loss(4.2))),
        tangent: Some(Tangent {
            slope: lecture_slope(4.2),
            label: "steep".to_owned(),
        }),
        ..lecture_loss_chart(0)
    };
    let (svg, frame) = loss_svg(chart);
    let stroke = format!("stroke=\"{}\"", hex(palette.current));
    let tangents = elements(&svg, "polyline", &stroke);
    assert_eq!(tangents.len(), 1);
    for (x, y) in polyline_points(tangents[0]) {
        assert!(frame.contains_pixel((x, y)), "({x}, {y}) outside {frame:?}");
    }
}

#[test]
fn a_diverging_trail_is_clipped_and_the_lost_point_marked_at_the_edge() {
    let palette = ChartStyle::default().palette();
    let mut chart = lecture_loss_chart(0);
    let mut a: f64 = 8.0;
    chart.trail = (0..40)
        .map(|_| {
            let point = (a, lecture_loss(a));
            a -= 0.02 * lecture_slope(a);
            point
        })
        .collect();
    chart.current = chart.trail.last().copied();
    let (svg, frame) = loss_svg(chart);
    let radius_slack = 12.0;
    for circle in svg.lines().filter(|l| l.starts_with("<circle ")) {
        let (cx, cy) = (attribute(circle, "cx"), attribute(circle, "cy"));
        assert!(
            cx >= frame.left - radius_slack && cx <= frame.right + radius_slack,
            "{circle}"
        );
        assert!(
            cy >= frame.top - radius_slack && cy <= frame.bottom + radius_slack,
            "{circle}"
        );
    }
    let arrow = format!("fill=\"{}\"", hex(palette.current));
    assert_eq!(elements(&svg, "polygon", &arrow).len(), 1, "edge arrow");
}

#[test]
fn the_loss_view_ignores_an_outlier_at_the_end_of_the_range() {
    let mut curve: Vec<(f64, f64)> = (0..=100)
        .map(|i| f64::from(i) / 10.0)
        .map(|a| (a, (a - 5.0).powi(2)))
        .collect();
    curve.push((10.1, 1e300));
    let view = loss_view(&curve);
    assert!(view.y.1 < 1e4, "{view:?}");
    assert!(view.y.0 <= 0.0);
}

/// The lecture's second example: data (−0.3, 1.9), (−0.2, 1.85), (0.2, 1.85), (0.3, 1.85),
/// ŷ = a·x + b − 2a² with b = 2, its loss over the app's range of a, [−0.5, 0.75].
fn two_minima_chart() -> LossChart {
    let data = [(-0.3, 1.9), (-0.2, 1.85), (0.2, 1.85), (0.3, 1.85)];
    let loss = |a: f64| -> f64 {
        data.iter()
            .map(|(x, y)| (y - (a * x + 2.0 - 2.0 * a * a)).powi(2))
            .sum()
    };
    LossChart {
        curve: (0..=200)
            .map(|i| -0.5 + 1.25 * f64::from(i) / 200.0)
            .map(|a| (a, loss(a)))
            .collect(),
        minima: vec![(-0.25, loss(-0.25)), (0.242, loss(0.242))],
        maxima: vec![(0.008, loss(0.008))],
        ..LossChart::default()
    }
}

#[test]
fn a_loss_with_two_minima_is_shown_tall_enough_to_see_the_bump_between_them() {
    let chart = two_minima_chart();
    // The walls reach L = 4.07 at a = 0.75; fitted to them, the bump between the minima
    // (0.026 up to 0.078) was 1 % of the chart's height: one flat line.
    assert!(loss_view(&chart.curve).y.1 > 4.0);
    let view = chart.fitted_view();
    let height = view.y.1 - view.y.0;
    let bump = chart.maxima[0].1 - chart.minima[1].1;
    assert!(
        bump / height > 0.07,
        "the bump is {} of {view:?}",
        bump / height
    );
    // Both natural starting points, a = −0.5 (L = 0.5775) and a = 0.5 (L = 0.6075), are
    // on the chart.
    let start = chart
        .curve
        .iter()
        .find(|p| (p.0 - 0.5).abs() < 1e-9)
        .unwrap();
    assert!(start.1 < view.y.1, "{start:?} in {view:?}");
    assert!(chart.curve[0].1 < view.y.1);
    assert!(view.y.0 <= 0.0);
}

#[test]
fn of_two_minima_the_lower_is_named_the_global_one() {
    let chart = LossChart {
        minimum_label: "local minimum".to_owned(),
        lowest_minimum_label: Some("global minimum".to_owned()),
        maximum_label: "local maximum".to_owned(),
        ..two_minima_chart()
    };
    let (svg, frame) = loss_svg(chart.clone());
    let drawn = texts(&svg);
    let count = |word: &str, drawn: &[String]| drawn.iter().filter(|t| *t == word).count();
    assert_eq!(count("global minimum", &drawn), 1, "{drawn:?}");
    assert_eq!(count("local minimum", &drawn), 1, "{drawn:?}");
    assert_eq!(count("local maximum", &drawn), 1, "{drawn:?}");
    // The global one is a ≈ −0.25 (L ≈ 0.01125), not a ≈ 0.242 (L ≈ 0.026): its label
    // is nearer the first diamond.
    let label = svg
        .split("<text ")
        .find(|chunk| chunk.contains(">global minimum<") || chunk.contains(">\nglobal minimum"))
        .expect("the label is drawn");
    let x = attribute(&format!(" {label}"), "x");
    let (global_x, _) = frame.to_pixel(chart.minima[0]);
    let (local_x, _) = frame.to_pixel(chart.minima[1]);
    assert!((x - global_x).abs() < (x - local_x).abs(), "label at {x}");

    // Two minima of the same height: neither is "the" global one.
    let mut level = chart;
    level.minima[1].1 = level.minima[0].1;
    let (svg, _) = loss_svg(level);
    let drawn = texts(&svg);
    assert_eq!(count("global minimum", &drawn), 0, "{drawn:?}");
    assert_eq!(count("local minimum", &drawn), 2, "{drawn:?}");
}

#[test]
fn a_long_minimum_label_on_a_small_chart_stays_inside_the_plot() {
    // The loss chart on a phone (351 × 265 CSS px at scale 2), in Lithuanian: the label
    // is wider than the room on either side of the minimum, and was written over the
    // axis's tick labels below the plot.
    let chart = LossChart {
        curve: (0..=200)
            .map(|i| 6.2 + 5.4 * f64::from(i) / 200.0)
            .map(|a| (a, lecture_loss(a)))
            .collect(),
        minimum_label: "globalusis minimumas".to_owned(),
        ..lecture_loss_chart(3)
    };
    let style = ChartStyle {
        scale: 2.0,
        high_contrast: false,
        ..ChartStyle::default()
    };
    let (svg, drawn) = render_loss(chart, style, (702, 530));
    let frame = drawn.expect("drawing succeeds").expect("a plotting area");
    let label = svg
        .split("<text ")
        .find(|chunk| chunk.contains("globalusis minimumas"))
        .expect("the label is drawn");
    let y = attribute(&format!(" {label}"), "y");
    assert!(
        y < frame.bottom,
        "label at y = {y}, the plot ends at {}",
        frame.bottom
    );
}

#[test]
fn a_loss_without_a_local_maximum_is_fitted_to_its_whole_curve() {
    let chart = lecture_loss_chart(3);
    assert_eq!(chart.fitted_view(), loss_view(&chart.curve));
    let mut one_minimum = two_minima_chart();
    one_minimum.maxima.clear();
    assert_eq!(one_minimum.fitted_view(), loss_view(&one_minimum.curve));
}

#[test]
fn an_empty_loss_chart_shows_its_message() {
    let (svg, _) = loss_svg(LossChart {
        empty_message: "No curve".to_owned(),
        ..LossChart::default()
    });
    assert!(texts(&svg).iter().any(|t| t == "No curve"));
}

#[test]
fn high_contrast_draws_black_on_white() {
    let style = ChartStyle {
        scale: 1.0,
        high_contrast: true,
        ..ChartStyle::default()
    };
    let (svg, drawn) = render_loss(lecture_loss_chart(3), style, (800, 600));
    assert!(drawn.is_ok());
    for colour in [
        ChartStyle::default().palette().curve,
        ChartStyle::default().palette().trail,
    ] {
        assert!(
            !svg.contains(&hex(colour)),
            "no palette colour in high contrast"
        );
    }
}

#[test]
fn projector_mode_enlarges_a_chart_only_as_far_as_it_has_room() {
    // A chart on a 1920 × 1080 projector (measured in Chromium): the full enlargement.
    assert_eq!(projector_enlargement((950.0, 427.0)), PROJECTOR_ENLARGEMENT);
    // On a 1280 × 720 projector the chart is about 600 × 230: text stays at its normal size.
    assert_eq!(projector_enlargement((600.0, 230.0)), 1.0);
    // In between, in proportion to the tighter side.
    let between = projector_enlargement((900.0, 324.0));
    assert!((between - 1.2).abs() < 1e-12, "{between}");
    // A canvas not laid out yet, or a nonsense size, is not enlarged.
    for size in [
        (0.0, 0.0),
        (f64::NAN, 400.0),
        (f64::INFINITY, f64::INFINITY),
    ] {
        let enlargement = projector_enlargement(size);
        assert!(
            (1.0..=PROJECTOR_ENLARGEMENT).contains(&enlargement),
            "{size:?}"
        );
    }
    let style = ChartStyle::for_canvas((950.0, 427.0), 2.0, true);
    assert_eq!(style.scale, 3.0);
    assert!(style.high_contrast);
    let plain = ChartStyle::for_canvas((950.0, 427.0), 2.0, false);
    assert_eq!(plain.scale, 2.0);
    assert!(!plain.high_contrast);
}

#[test]
fn a_small_projector_chart_still_has_a_plotting_area() {
    // The data chart's size on a 1280 × 720 projector in Lithuanian, whose longer labels
    // wrap the caption: with text always 1.5 times as large the axes took all of it and the
    // chart was blank.
    let size = (371, 171);
    let full = ChartStyle {
        scale: PROJECTOR_ENLARGEMENT,
        high_contrast: true,
        ..ChartStyle::default()
    };
    let (_, drawn) = render_data(lecture_data(8.0, false), full, size);
    assert_eq!(drawn, Ok(None), "1.5 times as large leaves no room");

    let fitted = ChartStyle::for_canvas((371.0, 171.0), 1.0, true);
    let (svg, drawn) = render_data(lecture_data(8.0, false), fitted, size);
    let frame = drawn.expect("drawing succeeds").expect("a plotting area");
    assert!(
        frame.right - frame.left > 200.0 && frame.bottom - frame.top > 40.0,
        "{frame:?}"
    );
    let fill = format!("fill=\"{}\"", hex(fitted.palette().points));
    assert_eq!(
        elements(&svg, "circle", &fill).len(),
        3,
        "the three points are drawn"
    );
}

// ---- Robustness: nothing panics, nothing hangs ------------------------------------------------

fn assert_renders(data: DataChart, chart: LossChart) {
    for style in [
        ChartStyle::default(),
        ChartStyle {
            scale: 2.5,
            high_contrast: true,
            ..ChartStyle::default()
        },
    ] {
        let (svg, drawn) = render_data(data.clone(), style, (640, 420));
        assert!(drawn.is_ok(), "{drawn:?}");
        assert!(
            !svg.contains("NaN") && !svg.contains("inf"),
            "no non-finite output"
        );
        let (svg, drawn) = render_loss(chart.clone(), style, (640, 420));
        assert!(drawn.is_ok(), "{drawn:?}");
        assert!(
            !svg.contains("NaN") && !svg.contains("inf"),
            "no non-finite output"
        );
    }
}

fn data_from(points: &[(f64, f64)], a: f64) -> DataChart {
    DataChart {
        points: points.to_vec(),
        residuals: points
            .iter()
            .map(|&(x, y)| Residual { x, y, y_hat: a * x })
            .collect(),
        model_line: points.iter().map(|&(x, _)| (x, a * x)).collect(),
        show_squares: true,
        highlighted: Some(0),
        empty_message: "No valid rows".to_owned(),
        ..DataChart::default()
    }
}

fn loss_from(samples: &[(f64, f64)], slope: f64) -> LossChart {
    LossChart {
        curve: samples.to_vec(),
        current: samples.first().copied(),
        tangent: Some(Tangent {
            slope,
            label: "∂L/∂a".to_owned(),
        }),
        trail: samples.to_vec(),
        minima: samples.to_vec(),
        maxima: samples.iter().rev().take(1).copied().collect(),
        empty_message: "No curve".to_owned(),
        ..LossChart::default()
    }
}

#[test]
fn empty_charts_render() {
    assert_renders(DataChart::default(), LossChart::default());
}

#[test]
fn non_finite_values_are_skipped() {
    let samples = [
        (f64::NAN, 1.0),
        (1.0, f64::NAN),
        (2.0, f64::INFINITY),
        (f64::NEG_INFINITY, 3.0),
        (3.0, 4.0),
        (4.0, 2.0),
        (5.0, f64::NAN),
    ];
    assert_renders(data_from(&samples, f64::NAN), loss_from(&samples, f64::NAN));
    assert_renders(
        data_from(&samples, f64::INFINITY),
        loss_from(&samples, f64::INFINITY),
    );
}

#[test]
fn huge_values_render() {
    let samples = [
        (-1e308, 1e308),
        (0.0, 0.0),
        (1e308, -1e308),
        (f64::MAX, f64::MAX),
        (f64::MIN, f64::MIN),
    ];
    assert_renders(data_from(&samples, 1e308), loss_from(&samples, 1e308));
    let with_lecture = [(2.0, 19.6), (4.5, 44.1), (10.0, 1e308)];
    assert_renders(
        data_from(&with_lecture, 8.0),
        loss_from(&with_lecture, -1e308),
    );
}

#[test]
fn a_single_point_renders() {
    assert_renders(
        data_from(&[(2.0, 19.6)], 8.0),
        loss_from(&[(8.0, 402.57)], -447.3),
    );
}

#[test]
fn points_all_at_x_zero_render() {
    let samples = [(0.0, 1.0), (0.0, 5.0), (0.0, -3.0)];
    assert_renders(data_from(&samples, 2.0), loss_from(&samples, 0.0));
}

#[test]
fn identical_points_render() {
    let samples = [(3.0, 3.0); 4];
    assert_renders(data_from(&samples, 1.0), loss_from(&samples, 1.0));
    let origin = [(0.0, 0.0); 3];
    assert_renders(data_from(&origin, 0.0), loss_from(&origin, 0.0));
}

#[test]
fn a_curve_without_a_finite_sample_shows_the_message() {
    let samples = [
        (f64::NAN, f64::NAN),
        (1.0, f64::INFINITY),
        (f64::INFINITY, 2.0),
    ];
    assert_renders(data_from(&samples, 1.0), loss_from(&samples, 1.0));
    let (svg, _) = loss_svg(loss_from(&samples, 1.0));
    assert!(texts(&svg).iter().any(|t| t == "No curve"));
}

#[test]
fn minute_and_subnormal_ranges_render() {
    let minute = [(0.0, 1e-320), (1e-320, 0.0), (5e-324, 5e-324)];
    assert_renders(data_from(&minute, 1.0), loss_from(&minute, 1e-300));
    let close = [(1e15, 1e15), (1e15 + 0.125, 1e15 + 0.25)];
    assert_renders(data_from(&close, 1.0), loss_from(&close, 1.0));
}

#[test]
fn broken_fixed_views_render() {
    for (x, y) in [
        ((f64::NAN, f64::NAN), (f64::NEG_INFINITY, f64::INFINITY)),
        ((5.0, -5.0), (1.0, 1.0)),
        ((-1e308, 1e308), (0.0, 1e-300)),
    ] {
        let view = Some(ChartView { x, y });
        assert_renders(
            DataChart {
                view,
                ..lecture_data(8.0, true)
            },
            LossChart {
                view,
                ..lecture_loss_chart(3)
            },
        );
    }
}

#[test]
fn tiny_areas_and_odd_scales_do_not_panic() {
    for size in [(0, 0), (1, 1), (30, 20), (200, 20)] {
        let (_, drawn) = render_data(lecture_data(8.0, true), ChartStyle::default(), size);
        assert!(matches!(drawn, Ok(None)), "{size:?}: {drawn:?}");
        let (_, drawn) = render_loss(lecture_loss_chart(3), ChartStyle::default(), size);
        assert!(matches!(drawn, Ok(None)), "{size:?}: {drawn:?}");
    }
    for scale in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e9, 1e-9] {
        let style = ChartStyle {
            scale,
            high_contrast: false,
            ..ChartStyle::default()
        };
        let (_, drawn) = render_data(lecture_data(8.0, true), style, (640, 420));
        assert!(drawn.is_ok(), "scale {scale}: {drawn:?}");
        let (_, drawn) = render_loss(lecture_loss_chart(3), style, (640, 420));
        assert!(drawn.is_ok(), "scale {scale}: {drawn:?}");
    }
}

// ---- finite_range and nice_padding ------------------------------------------------------------

fn assert_usable((lo, hi): (f64, f64)) {
    assert!(lo.is_finite() && hi.is_finite(), "({lo}, {hi}) finite");
    assert!(lo < hi, "({lo}, {hi}) has width");
    assert!(
        lo >= -RANGE_LIMIT && hi <= RANGE_LIMIT,
        "({lo}, {hi}) within the limit"
    );
    assert!((hi - lo).is_finite());
}

#[test]
fn finite_range_keeps_an_ordinary_range() {
    assert_eq!(finite_range(2.0, 10.0), (2.0, 10.0));
    assert_eq!(finite_range(-0.3, 0.3), (-0.3, 0.3));
}

#[test]
fn finite_range_swaps_reversed_ends() {
    assert_eq!(finite_range(10.0, 2.0), (2.0, 10.0));
}

#[test]
fn finite_range_widens_an_empty_range() {
    assert_eq!(finite_range(0.0, 0.0), (-1.0, 1.0));
    let (lo, hi) = finite_range(9.8, 9.8);
    assert!(lo < 9.8 && hi > 9.8 && hi - lo < 2.0, "({lo}, {hi})");
    assert_usable(finite_range(1e-300, 1e-300));
}

#[test]
fn finite_range_replaces_nan_ends() {
    assert_eq!(finite_range(f64::NAN, f64::NAN), (0.0, 1.0));
    let (lo, hi) = finite_range(f64::NAN, 5.0);
    assert!(lo < 5.0 && hi > 5.0);
    let (lo, hi) = finite_range(5.0, f64::NAN);
    assert!(lo < 5.0 && hi > 5.0);
}

#[test]
fn finite_range_clamps_infinite_and_huge_ends() {
    assert_eq!(
        finite_range(f64::NEG_INFINITY, f64::INFINITY),
        (-RANGE_LIMIT, RANGE_LIMIT)
    );
    assert_eq!(finite_range(-1e308, 1e308), (-RANGE_LIMIT, RANGE_LIMIT));
    assert_eq!(finite_range(0.0, f64::MAX), (0.0, RANGE_LIMIT));
    assert_usable(finite_range(f64::INFINITY, f64::INFINITY));
    assert_usable(finite_range(f64::MIN, f64::MIN));
}

#[test]
fn finite_range_widens_a_range_narrower_than_float_precision_allows() {
    assert_usable(finite_range(1e15, 1e15 + 0.125));
    let (lo, hi) = finite_range(1e12, 1e12 + 1e-6);
    assert!(hi - lo >= 1e12 * 1e-9, "({lo}, {hi})");
}

#[test]
fn finite_range_always_gives_a_usable_range() {
    let edges = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN,
        1e308,
        -1e308,
        RANGE_LIMIT,
        -RANGE_LIMIT,
        1e15 + 1.0,
        0.0,
        -0.0,
        5e-324,
        1e-300,
        1.0,
        -1.0,
        9.8,
    ];
    for &lo in &edges {
        for &hi in &edges {
            assert_usable(finite_range(lo, hi));
        }
    }
}

#[test]
fn nice_padding_pads_both_sides() {
    let (lo, hi) = nice_padding(0.0, 10.0, 0.1);
    assert!((lo + 1.0).abs() < 1e-12 && (hi - 11.0).abs() < 1e-12);
    assert_eq!(nice_padding(0.0, 10.0, f64::NAN), (0.0, 10.0));
    assert_usable(nice_padding(-1e308, 1e308, 0.5));
    assert_usable(nice_padding(3.0, 3.0, 0.1));
}

#[test]
fn where_the_loss_is_not_defined_the_loss_chart_draws_a_hatched_band() {
    // L(a) not defined for a < 8 (a typed formula such as √(a − 8)·x): a gap in the curve.
    let mut chart = lecture_loss_chart(0);
    for p in &mut chart.curve {
        if p.0 < 8.0 {
            p.1 = f64::NAN;
        }
    }
    let (svg, frame) = loss_svg(chart);
    let hatch = hex(RGBColor(163, 58, 0));
    let lines = elements(&svg, "polyline", &hatch);
    assert!(lines.len() > 5, "{} hatch lines", lines.len());
    // Every hatch line lies left of a = 8, within the frame.
    let eight = frame.to_pixel((8.0, 0.0)).0;
    for line in lines {
        for (x, y) in polyline_points(line) {
            assert!(
                x >= frame.left - 1.0 && x <= eight + 1.0,
                "{x} beyond a = 8"
            );
            assert!(y >= frame.top - 1.0 && y <= frame.bottom + 1.0);
        }
    }
    // A curve defined everywhere has no band.
    let (svg, _) = loss_svg(lecture_loss_chart(0));
    assert!(elements(&svg, "polyline", &hatch).is_empty());
}

/// The star marker's written-out directions (no sine or cosine in the wasm) are the ten
/// points k·36° clockwise from the top, as `f64::sin` and `f64::cos` give them.
#[test]
fn star_directions_are_the_sines_and_cosines() {
    use descent_lab::charts::series::STAR_DIRECTIONS;
    for (k, &(sin, cos)) in STAR_DIRECTIONS.iter().enumerate() {
        let angle = std::f64::consts::PI * (k as f64) / 5.0;
        assert!((sin - angle.sin()).abs() < 1e-15, "sin at point {k}: {sin}");
        assert!((cos - angle.cos()).abs() < 1e-15, "cos at point {k}: {cos}");
    }
}
