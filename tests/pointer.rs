//! Editing the data chart by hand, natively: from a pointer position in CSS pixels, through the
//! drawn frame, to the short numbers written into the table — and the chart held still while a
//! point is dragged.
// Helpers outside #[test] functions fail the test loudly, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use descent_core::presets::Preset;
use descent_core::Session;
use descent_lab::chart_data::{data_chart, data_window, held_data_chart, Hold, PointDrag};
use descent_lab::charts::pointer::{
    canvas_pixel, dragged_position, grabbed_point, round_to_resolution, GRAB_RADIUS_MOUSE,
    GRAB_RADIUS_TOUCH,
};
use descent_lab::charts::{draw_data_chart, ChartStyle, ChartView, PlotFrame};
use plotters::prelude::*;
use plotters_svg::SVGBackend;

/// The frame the lecture's data chart lands in on an 800 × 500 canvas at `ratio` device pixels
/// per CSS pixel (the canvas is that much larger, and so is everything drawn on it).
fn lecture_frame(ratio: f64) -> (Session, PlotFrame) {
    let session = Session::new(Preset::Lecture.lesson());
    let chart = data_chart(&session, false, "");
    let size = ((800.0 * ratio) as u32, (500.0 * ratio) as u32);
    let mut svg = String::new();
    let frame = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let style = ChartStyle {
            scale: ratio,
            high_contrast: false,
            ..ChartStyle::default()
        };
        draw_data_chart(area, &chart, &style).unwrap().unwrap()
    };
    (session, frame)
}

fn points(session: &Session) -> Vec<(f64, f64)> {
    session
        .problem()
        .data
        .points()
        .iter()
        .map(|p| (p.x, p.y))
        .collect()
}

#[test]
fn css_offsets_are_scaled_to_canvas_pixels() {
    assert_eq!(canvas_pixel((10.0, 20.0), 2.0), (20.0, 40.0));
    assert_eq!(canvas_pixel((10.0, 20.0), 1.5), (15.0, 30.0));
    // A canvas that has not been laid out reports no ratio: count it as 1.
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert_eq!(canvas_pixel((10.0, 20.0), bad), (10.0, 20.0), "{bad}");
    }
}

#[test]
fn rounding_keeps_what_one_pixel_can_tell_apart() {
    assert_eq!(round_to_resolution(4.521_379, 0.016), 4.52);
    assert_eq!(round_to_resolution(44.137, 0.27), 44.1);
    assert_eq!(round_to_resolution(1234.5, 12.0), 1230.0);
    assert_eq!(round_to_resolution(-0.004, 0.016), 0.0);
    assert!(round_to_resolution(-0.004, 0.016).is_sign_positive());
    // The rounded numbers print short, as the table shows them.
    assert_eq!(format!("{}", round_to_resolution(0.1 + 0.2, 0.01)), "0.3");
    assert_eq!(round_to_resolution(7.25, f64::NAN), 7.25);
    assert_eq!(round_to_resolution(7.25, 0.0), 7.25);
    assert!(round_to_resolution(f64::NAN, 0.1).is_nan());
}

#[test]
fn a_point_is_grabbed_within_its_radius_at_any_pixel_ratio() {
    for ratio in [1.0, 2.0, 3.0] {
        let (session, frame) = lecture_frame(ratio);
        let pts = points(&session);
        let centre = frame.to_pixel(pts[2]);
        let near = (centre.0 + 10.0 * ratio, centre.1);
        assert_eq!(
            grabbed_point(&frame, &pts, near, GRAB_RADIUS_MOUSE, ratio),
            Some(2),
            "ratio {ratio}"
        );
        let far = (centre.0 + 18.0 * ratio, centre.1);
        assert_eq!(
            grabbed_point(&frame, &pts, far, GRAB_RADIUS_MOUSE, ratio),
            None
        );
        assert_eq!(
            grabbed_point(&frame, &pts, far, GRAB_RADIUS_TOUCH, ratio),
            Some(2)
        );
    }
}

#[test]
fn dragging_the_lecture_point_down_writes_short_cells_and_lowers_the_loss() {
    let ratio = 2.0;
    let (mut session, frame) = lecture_frame(ratio);
    let before = session.evaluation().loss;
    let (px, py) = frame.to_pixel((10.0, 98.0));
    // 60 CSS pixels straight down.
    let (x, y) = dragged_position(&frame, (px, py + 60.0 * ratio), ratio);
    assert_eq!(x, 10.0, "a vertical drag keeps x");
    assert!(y < 98.0 && y > 60.0, "{y}");
    assert!(session.move_point(2, x, y));
    let cells = &session.lesson().table.rows[2];
    assert_eq!(cells[0], "10");
    assert!(cells[1].len() <= 5, "{cells:?}");
    assert!(session.evaluation().loss < before);
}

#[test]
fn a_point_dragged_past_the_axes_stays_inside_the_view() {
    let (_, frame) = lecture_frame(1.0);
    let (x, y) = dragged_position(&frame, (-500.0, 5000.0), 1.0);
    let view = frame.view;
    assert!((view.x.0..=view.x.1).contains(&x), "{x}");
    assert!((view.y.0..=view.y.1).contains(&y), "{y}");
}

#[test]
fn while_a_point_is_dragged_the_axes_hold_still_and_the_point_is_ringed() {
    let mut session = Session::new(Preset::Lecture.lesson());
    let fitted = data_chart(&session, false, "").view.unwrap();
    let drag = PointDrag {
        pointer_id: 1,
        point: 2,
        row: 2,
        view: fitted,
        offset: (0.0, 0.0),
    };
    session.move_point(2, 10.0, 300.0);
    let held = held_data_chart(
        &session,
        &data_window(&session.landscape_key()),
        false,
        "",
        Hold::Point(&drag),
    );
    assert_eq!(held.view, Some(fitted));
    assert_eq!(held.highlighted, Some(2));
    // The model's line still spans the held view.
    let first = held.model_line.first().unwrap().0;
    let last = held.model_line.last().unwrap().0;
    assert_eq!((first, last), fitted.x);
    // Once the drag ends the axes fit the data again, up to the new point.
    let free = data_chart(&session, false, "");
    let ChartView { y, .. } = free.view.unwrap();
    assert!(y.1 > 300.0);
    assert_eq!(free.highlighted, None);
}

#[test]
fn an_arrow_key_moves_the_map_point_by_one_tick_of_its_axis() {
    use descent_lab::charts::pointer::key_step;
    // The lecture-ab map's a axis (7.73 … 10.07) has ticks 0.5 apart; its b axis
    // (−1.17 … 1.17) ticks 0.5 apart too; a narrow axis steps finer.
    assert_eq!(key_step((7.73, 10.07)), 0.5);
    assert_eq!(key_step((-1.17, 1.17)), 0.5);
    assert_eq!(key_step((0.0, 0.01)), 0.002);
    // A range with no width or no finite end still gives a finite, positive step.
    for range in [
        (1.0, 1.0),
        (f64::NAN, 2.0),
        (f64::NEG_INFINITY, f64::INFINITY),
    ] {
        let step = key_step(range);
        assert!(step.is_finite() && step > 0.0, "{range:?}: {step}");
    }
}
