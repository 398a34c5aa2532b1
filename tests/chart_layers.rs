//! Which layer each part of a chart is drawn on, and when a cached layer's key changes: a
//! change of a redraws only the moving layer; a data edit, a language switch or projector
//! mode redraw the cached ones. (The browser keeps a cached layer's pixels while its key
//! stays equal; see `descent_lab::charts::layer`.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use descent_core::presets::Preset;
use descent_core::Session;
use descent_lab::chart_data::{
    data_chart, hold_loss_chart, landscape_of, loss_chart, LossHold, LossWords,
};
use descent_lab::charts::{CachedLayer, ChartStyle, ChartView, DataChart, LayeredChart, LossChart};
use descent_lab::i18n::Lang;
use plotters::prelude::*;
use plotters_svg::SVGBackend;

const WORDS: LossWords<'static> = LossWords {
    global_minimum: "global minimum",
    local_minimum: "local minimum",
    local_maximum: "local maximum",
    no_data: "no data",
    too_large: "too large",
};

fn hex(color: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
}

/// The SVG of one cached layer alone.
fn layer_svg(layer: &impl CachedLayer) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (800, 600)).into_drawing_area();
        layer.draw(&area).unwrap();
        area.present().unwrap();
    }
    svg
}

/// The SVG of a chart's moving layer alone, over its base's frame.
fn moving_svg<C: LayeredChart>(chart: &C, style: &ChartStyle) -> String {
    let mut frame_svg = String::new();
    let frame = {
        let area = SVGBackend::with_string(&mut frame_svg, (800, 600)).into_drawing_area();
        chart.base(style).draw(&area).unwrap()
    };
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (800, 600)).into_drawing_area();
        chart.draw_moving(&area, frame.as_ref(), style).unwrap();
        area.present().unwrap();
    }
    svg
}

fn lecture_at(a: f64) -> Session {
    let mut session = Session::new(Preset::Lecture.lesson());
    session.slide_param(0, a);
    session
}

#[test]
fn the_model_line_is_on_the_moving_layer_and_the_axes_on_the_base() {
    let style = ChartStyle::default();
    let chart = data_chart(&lecture_at(8.0), false, "");
    let palette = style.palette();
    let base = layer_svg(&chart.base(&style));
    let moving = moving_svg(&chart, &style);
    assert!(
        !base.contains(&hex(palette.model)),
        "no model line on the base"
    );
    assert!(base.contains("<text"), "tick labels on the base");
    assert!(moving.contains(&hex(palette.model)), "the model line moves");
    assert!(
        !moving.contains("<text"),
        "no tick label is redrawn per frame"
    );
}

#[test]
fn moving_a_keeps_every_cached_layer_of_both_charts() {
    let style = ChartStyle::default();
    let (at_8, at_9) = (lecture_at(8.0), lecture_at(9.0));
    let data = |s: &Session| data_chart(s, false, "");
    assert_eq!(data(&at_8).base(&style), data(&at_9).base(&style));
    assert_ne!(data(&at_8).model_line, data(&at_9).model_line);
    let loss = |s: &Session| loss_chart(s, &landscape_of(&s.landscape_key()), Lang::En, WORDS);
    assert_eq!(loss(&at_8).base(&style), loss(&at_9).base(&style));
    assert_ne!(loss(&at_8).current, loss(&at_9).current);
}

#[test]
fn a_data_edit_redraws_the_cached_layers() {
    let style = ChartStyle::default();
    let before = lecture_at(8.0);
    let mut after = lecture_at(8.0);
    after.move_point(2, 12.0, 120.0);
    let data = |s: &Session| data_chart(s, false, "");
    assert_ne!(data(&before).base(&style), data(&after).base(&style));
    let loss = |s: &Session| loss_chart(s, &landscape_of(&s.landscape_key()), Lang::En, WORDS);
    assert_ne!(loss(&before).base(&style), loss(&after).base(&style));
}

#[test]
fn the_language_and_projector_mode_are_part_of_every_cached_key() {
    let chart = data_chart(&lecture_at(8.0), false, "");
    let english = ChartStyle::default();
    let lithuanian = english.with_decimal_separator(',');
    let projector = ChartStyle::for_canvas((950.0, 427.0), 1.0, true);
    assert_ne!(chart.base(&english), chart.base(&lithuanian));
    assert_ne!(chart.base(&english), chart.base(&projector));
}

#[test]
fn many_points_go_on_the_cached_overlay_and_few_on_the_moving_layer() {
    let style = ChartStyle::default();
    let few = data_chart(&lecture_at(8.0), false, "");
    assert!(few.overlay(None, &style).is_none());
    let many = DataChart {
        points: (0..1_000).map(|i| (f64::from(i), f64::from(i))).collect(),
        ..DataChart::default()
    };
    let overlay = many.overlay(None, &style).unwrap();
    assert_eq!(overlay.points.len(), 1_000);
    // The overlay's key follows the points, not the model.
    let moved = DataChart {
        model_line: vec![(0.0, 1.0), (1.0, 2.0)],
        ..many.clone()
    };
    assert_eq!(moved.overlay(None, &style), Some(overlay));
}

#[test]
fn dragging_one_of_many_points_keeps_the_overlay_and_draws_that_point_on_top() {
    let style = ChartStyle::default();
    let at = |y: f64| DataChart {
        points: (0..1_000)
            .map(|i| (f64::from(i), if i == 7 { y } else { f64::from(i) }))
            .collect(),
        highlighted: Some(7),
        view: Some(ChartView {
            x: (0.0, 1_000.0),
            y: (0.0, 1_000.0),
        }),
        ..DataChart::default()
    };
    let (before, after) = (at(7.0), at(300.0));
    // The other 999 points are the overlay's key: it stays the same while point 7 moves.
    let overlay = before.overlay(None, &style).unwrap();
    assert_eq!(overlay.points.len(), 999);
    assert!(!overlay.points.contains(&(7.0, 7.0)));
    assert_eq!(after.overlay(None, &style), Some(overlay));
    // The top has something to show only while a point of many is dragged: the browser
    // gives it pixels only then.
    assert!(before.has_top() && after.has_top());
    assert!(!DataChart {
        highlighted: None,
        ..before.clone()
    }
    .has_top());
    assert!(!data_chart(&lecture_at(8.0), false, "").has_top());
    // Point 7 is drawn on the top, with its highlight ring, and only there.
    let top_svg = |chart: &DataChart| {
        let mut frame_svg = String::new();
        let frame = {
            let area = SVGBackend::with_string(&mut frame_svg, (800, 600)).into_drawing_area();
            chart.base(&style).draw(&area).unwrap()
        };
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (800, 600)).into_drawing_area();
            chart.draw_top(&area, frame.as_ref(), &style).unwrap();
            area.present().unwrap();
        }
        svg
    };
    let (top_before, top_after) = (top_svg(&before), top_svg(&after));
    let palette = style.palette();
    for top in [&top_before, &top_after] {
        assert_eq!(
            top.matches("<circle").count(),
            3,
            "disc, rim and ring: {top}"
        );
        assert!(top.contains(&hex(palette.highlight)));
    }
    assert_ne!(top_before, top_after, "the top follows the dragged point");
    // Without a drag nothing is on the top, and every point is on the overlay.
    let resting = DataChart {
        highlighted: None,
        ..before.clone()
    };
    assert_eq!(top_svg(&resting).matches("<circle").count(), 0);
    assert_eq!(resting.overlay(None, &style).unwrap().points.len(), 1_000);
}

/// The loss chart of `session` as a drag or play holds it (`hold_loss_chart`).
fn held_loss(session: &Session, hold: Option<LossHold>) -> (LossChart, LossHold) {
    let mut chart = loss_chart(
        session,
        &landscape_of(&session.landscape_key()),
        Lang::En,
        WORDS,
    );
    let hold = hold_loss_chart(&mut chart, hold);
    (chart, hold)
}

#[test]
fn dragging_b_moves_the_loss_curve_onto_the_moving_layer_and_holds_the_axes() {
    let style = ChartStyle::default();
    let curve_colour = hex(style.palette().curve);
    let mut session = Session::new(Preset::LectureAb.lesson());
    // The drag's first frame: nothing has moved yet, the curve is on the base.
    let (first, hold) = held_loss(&session, None);
    assert!(!first.curve_moves);
    assert!(layer_svg(&first.base(&style)).contains(&curve_colour));
    // b moves towards the valley: the curve L(a) sinks, the axes hold still.
    session.move_on_map(8.0, 0.5);
    let (second, hold) = held_loss(&session, Some(hold));
    session.move_on_map(8.0, 1.0);
    let (third, _) = held_loss(&session, Some(hold));
    for chart in [&second, &third] {
        assert!(
            chart.curve_moves,
            "b moved: the curve is not the hold's first"
        );
        let base = layer_svg(&chart.base(&style));
        assert!(!base.contains(&curve_colour), "no curve on the base");
        assert!(base.contains("<text"), "the tick labels stay on the base");
        assert!(
            moving_svg(chart, &style).contains(&curve_colour),
            "the curve moves"
        );
    }
    assert_eq!(
        second.base(&style),
        third.base(&style),
        "the base is not redrawn"
    );
    assert_ne!(second.curve, third.curve);
    assert_eq!(
        first.view, second.view,
        "the view only widens; it did not narrow"
    );
    // Unheld (the point put down), the view fits the curve again and the curve is on the base.
    let unheld = loss_chart(
        &session,
        &landscape_of(&session.landscape_key()),
        Lang::En,
        WORDS,
    );
    assert!(!unheld.curve_moves && unheld.view.is_none());
    assert!(layer_svg(&unheld.base(&style)).contains(&curve_colour));
}

#[test]
fn sliding_a_keeps_the_loss_curve_on_the_base() {
    let style = ChartStyle::default();
    let mut session = Session::new(Preset::LectureAb.lesson());
    let (_, hold) = held_loss(&session, None);
    session.slide_param(0, 9.0);
    let (chart, _) = held_loss(&session, Some(hold));
    assert!(!chart.curve_moves, "L(a) did not change");
    assert!(layer_svg(&chart.base(&style)).contains(&hex(style.palette().curve)));
}

#[test]
fn dragging_b_one_way_redraws_the_loss_charts_axes_every_few_dozen_moves_not_at_each() {
    // The map's point dragged from b = 0 to b = −1.2 in 120 moves on lecture-ab: the curve
    // L(a) rises at every move, so a view that only just holds it had to grow (and the
    // base, axes and ticks, be redrawn) at each. With room to spare it grows a few times.
    let style = ChartStyle::default();
    let mut session = Session::new(Preset::LectureAb.lesson());
    let (first, mut hold) = held_loss(&session, None);
    let mut bases = vec![first.base(&style)];
    let mut views = vec![first.view.unwrap()];
    for k in 1..=120 {
        session.move_on_map(8.0, -f64::from(k) * 0.01);
        let (chart, next) = held_loss(&session, Some(hold));
        hold = next;
        // Whatever the view, it holds the curve.
        let view = chart.view.unwrap();
        let fitted = chart.fitted_view();
        assert!(
            view.y.0 <= fitted.y.0 && view.y.1 >= fitted.y.1,
            "b = {}: {view:?} does not hold {fitted:?}",
            -f64::from(k) * 0.01
        );
        let base = chart.base(&style);
        if Some(&base) != bases.last() {
            bases.push(base);
        }
        views.push(view);
    }
    let grew = views.windows(2).filter(|w| w[0] != w[1]).count();
    assert!(
        (1..=6).contains(&grew),
        "the view grew {grew} times in 120 moves"
    );
    assert_eq!(
        bases.len(),
        grew + 1,
        "the base is redrawn only when the view grows"
    );
}
