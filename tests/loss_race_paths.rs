//! The race on a one-parameter model (ŷ = a·x, the lecture's own): each optimizer's path
//! (a, L) on the loss curve, in its Okabe–Ito colour and marker shape, as the surface shows
//! the paths of a model with two parameters. Numbers from LECTURE.md and OPTIMIZERS.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use descent_core::presets::Preset;
use descent_core::Session;
use descent_lab::chart_data::{landscape_of, loss_chart, LossWords};
use descent_lab::charts::{draw_loss_chart, series_colour, ChartStyle, LossChart};
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

/// The lecture (ŷ = a·x from a = 8, γ = 0.003) with plain GD and momentum in the race,
/// after `steps` Steps of the whole race (the lesson's own descent goes along, as the
/// app's Step does).
fn lecture_race(steps: usize) -> Session {
    let mut session = Session::new(Preset::Lecture.lesson());
    session.set_racing("gd", true).unwrap();
    session.set_racing("momentum", true).unwrap();
    for _ in 0..steps {
        session.race_step();
        session.step();
    }
    session
}

fn chart_of(session: &Session) -> LossChart {
    let landscape = landscape_of(&session.landscape_key());
    loss_chart(session, &landscape, Lang::En, WORDS)
}

/// L(a) = Σ(y − a·x)² = Σx²·(a − 9.8)² = 124.25·(a − 9.8)² on the lecture's table.
fn lecture_loss(a: f64) -> f64 {
    124.25 * (a - 9.8) * (a - 9.8)
}

#[test]
fn each_racer_has_its_own_path_on_the_loss_curve() {
    assert!(
        chart_of(&lecture_race(0)).paths.is_empty(),
        "no path before a step"
    );
    let chart = chart_of(&lecture_race(2));
    assert_eq!(chart.paths.len(), 2);
    let (gd, momentum) = (&chart.paths[0], &chart.paths[1]);
    assert_eq!((gd.series, momentum.series), (0, 1));
    for path in [gd, momentum] {
        assert_eq!(path.points.len(), 3);
        assert_eq!(path.points[0].0, 8.0);
        assert!((path.points[0].1 - 402.57).abs() < 1e-9);
        // The first step is the same for both: a = 9.3419 (the lecture's).
        assert!((path.points[1].0 - 9.3419).abs() < 1e-9);
        for &(a, l) in &path.points {
            assert!((l - lecture_loss(a)).abs() < 1e-6, "L({a}) = {l}");
        }
    }
    // GD's second step: 9.683414 as on the slides.
    assert!((gd.points[2].0 - 9.683414).abs() < 1e-6);
    // Momentum's (torch's heavy ball): v = 0.9·(−447.3) + ∂L/∂a(9.3419) = −402.57 −
    // 113.83785 = −516.40785; a = 9.3419 + 0.003·516.40785 = 10.89112355, past the
    // minimum, where L = 124.25·1.09112355² ≈ 147.926.
    assert!((momentum.points[2].0 - 10.891_123_55).abs() < 1e-9);
    assert!((momentum.points[2].1 - 147.926).abs() < 1e-3);
    // The lesson's own numbered trail gives way to the race's paths.
    assert!(chart.trail.is_empty());
}

#[test]
fn a_model_with_two_parameters_shows_its_paths_on_the_surface_not_the_loss_curve() {
    let mut session = Session::new(Preset::LectureAb.lesson());
    session.race_step();
    session.step();
    assert!(chart_of(&session).paths.is_empty());
}

fn render(chart: LossChart) -> String {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut svg = String::new();
        let drawn = {
            let area = SVGBackend::with_string(&mut svg, (1000, 700)).into_drawing_area();
            draw_loss_chart(area, &chart, &ChartStyle::default()).map_err(|e| e.to_string())
        };
        let _ = sender.send((svg, drawn));
    });
    let (svg, drawn) = receiver
        .recv_timeout(Duration::from_secs(5))
        .expect("drawn within 5 s");
    drawn.unwrap().unwrap();
    svg
}

fn hex(colour: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
}

fn count(svg: &str, tag: &str, fragment: &str) -> usize {
    svg.split('<')
        .filter(|e| e.starts_with(tag) && e.contains(fragment))
        .count()
}

#[test]
fn the_paths_are_drawn_in_each_optimizers_colour_and_marker_shape() {
    // The chart before the race stepped draws the curve (blue) and the current point with
    // its tangent (vermillion) already: the paths are what three Steps add to it.
    let before = render(chart_of(&lecture_race(0)));
    let svg = render(chart_of(&lecture_race(3)));
    let added =
        |tag: &str, fragment: &str| count(&svg, tag, fragment) - count(&before, tag, fragment);
    for series in [0, 1] {
        let colour = hex(series_colour(series));
        let stroke = format!("stroke=\"{colour}\"");
        assert_eq!(added("polyline", &stroke), 1, "one path in {colour}");
    }
    // GD's markers are discs, momentum's squares (polygons): they differ in greyscale too.
    // Each path has a marker at the start and a larger one at its end at least.
    let (gd, momentum) = (hex(series_colour(0)), hex(series_colour(1)));
    assert!(added("circle", &format!("fill=\"{gd}\"")) >= 2);
    assert_eq!(count(&svg, "circle", &format!("fill=\"{momentum}\"")), 0);
    assert!(count(&svg, "polygon", &format!("fill=\"{momentum}\"")) >= 2);
    // Momentum's last point, a = 10.8959… after three steps, is past the minimum: its
    // marker lies right of GD's last one (which has not passed 9.8).
    let x_of = |element: &str| -> f64 {
        let points = element.split("points=\"").nth(1).unwrap();
        let first = points.split(' ').next().unwrap();
        first.split(',').next().unwrap().parse().unwrap()
    };
    let momentum_line = svg
        .split('<')
        .find(|e| {
            e.starts_with("polyline")
                && e.contains(&format!("stroke=\"{momentum}\""))
                && e.contains("stroke-width=\"3\"")
        })
        .unwrap();
    let gd_line = svg
        .split('<')
        .find(|e| {
            e.starts_with("polyline")
                && e.contains(&format!("stroke=\"{gd}\""))
                && e.contains("stroke-width=\"3\"")
        })
        .unwrap();
    let last_x = |line: &str| -> f64 {
        let points = line.split("points=\"").nth(1).unwrap();
        let last = points
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .split(' ')
            .next_back()
            .unwrap();
        last.split(',').next().unwrap().parse().unwrap()
    };
    assert_eq!(x_of(momentum_line), x_of(gd_line), "one start");
    assert!(last_x(momentum_line) > last_x(gd_line) + 100.0);
}

#[test]
fn the_non_convex_example_with_b_frozen_shows_its_racers_on_the_loss_curve() {
    let mut session = Session::new(Preset::LocalMinima.lesson());
    session.set_racing("gd", true).unwrap();
    session.race_step();
    let chart = chart_of(&session);
    assert_eq!(chart.paths.len(), 1);
    // ŷ = a·x + 2 − 2a² on (−0.3, 1.9), (−0.2, 1.85), (0.2, 1.85), (0.3, 1.85): each
    // point's L is that of the loss curve at its a.
    let loss = |a: f64| -> f64 {
        [(-0.3, 1.9), (-0.2, 1.85), (0.2, 1.85), (0.3, 1.85)]
            .iter()
            .map(|(x, y): &(f64, f64)| (y - (a * x + 2.0 - 2.0 * a * a)).powi(2))
            .sum()
    };
    for &(a, l) in &chart.paths[0].points {
        assert!((l - loss(a)).abs() < 1e-12, "L({a}) = {l}");
    }
}
