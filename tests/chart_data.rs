//! The session → chart adapters (`descent_lab::chart_data`), natively: the lecture's figures
//! reach the charts' plain structs, and the data chart's window always shows the data and
//! the model's line over the data's x range.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use descent_core::presets::Preset;
use descent_core::Session;
use descent_lab::chart_data::{
    alt_numbers, data_chart, data_window, held_data_chart, landscape_is_deferred, landscape_of,
    loss_chart, Hold, LossWords, HELD_HEADROOM,
};
use descent_lab::charts::ChartView;
use descent_lab::i18n::Lang;

const WORDS: LossWords<'static> = LossWords {
    global_minimum: "global minimum",
    local_minimum: "local minimum",
    local_maximum: "local maximum",
    no_data: "no data",
    too_large: "too large",
};

fn lecture() -> Session {
    Session::new(Preset::Lecture.lesson())
}

/// The curve's value at `a`, interpolated between its two nearest samples.
fn curve_at(curve: &[(f64, f64)], a: f64) -> f64 {
    let i = curve
        .windows(2)
        .position(|w| w[0].0 <= a && a <= w[1].0)
        .unwrap();
    let ((a0, l0), (a1, l1)) = (curve[i], curve[i + 1]);
    l0 + (l1 - l0) * (a - a0) / (a1 - a0)
}

#[test]
fn the_lecture_loss_curve_passes_through_a_8_l_402_57() {
    let session = lecture();
    let landscape = landscape_of(&session.landscape_key());
    let at_8 = curve_at(&landscape.curve, 8.0);
    assert!((at_8 - 402.57).abs() < 0.5, "L(8) on the curve is {at_8}");
    // The exact minimum of the lecture, a = 9.8 with L = 0, named the global one.
    assert_eq!(landscape.minima.len(), 1);
    assert!((landscape.minima[0].0 - 9.8).abs() < 1e-9);
    assert!(landscape.minima[0].1.abs() < 1e-9);
    assert!(landscape.global);
}

#[test]
fn the_lecture_loss_chart_marks_a_8_with_the_slope_minus_447_3() {
    let session = lecture();
    let landscape = landscape_of(&session.landscape_key());
    let chart = loss_chart(&session, &landscape, Lang::En, WORDS);
    let (a, l) = chart.current.unwrap();
    assert_eq!(a, 8.0);
    assert!((l - 402.57).abs() < 1e-9);
    let tangent = chart.tangent.unwrap();
    assert!((tangent.slope - -447.3).abs() < 1e-9);
    assert_eq!(tangent.label, "∂L/∂a = −447.3");
    assert_eq!(chart.minimum_label, "global minimum");
    assert!(chart.trail.is_empty());
}

#[test]
fn the_slope_label_is_written_in_the_interface_language() {
    let session = lecture();
    let landscape = landscape_of(&session.landscape_key());
    let chart = loss_chart(&session, &landscape, Lang::Lt, WORDS);
    assert_eq!(chart.tangent.unwrap().label, "∂L/∂a = −447,3");
    assert_eq!(alt_numbers(&session, Lang::Lt), ["8", "402,57", "−447,3"]);
    assert_eq!(alt_numbers(&session, Lang::En), ["8", "402.57", "−447.3"]);
}

#[test]
fn one_step_leaves_a_trail_from_8_to_9_3419() {
    let mut session = lecture();
    session.step();
    let landscape = landscape_of(&session.landscape_key());
    let chart = loss_chart(&session, &landscape, Lang::En, WORDS);
    assert_eq!(chart.trail.len(), 2);
    assert_eq!(chart.trail[0].0, 8.0);
    assert!((chart.trail[1].0 - 9.3419).abs() < 1e-9);
}

#[test]
fn moving_a_leaves_the_landscape_key_unchanged() {
    let mut session = lecture();
    let before = session.landscape_key();
    session.slide_param(0, 10.0);
    assert_eq!(session.landscape_key(), before);
}

#[test]
fn moving_a_keeps_the_still_window_and_the_view_still_holds_the_line() {
    // The still part of the data chart's window is computed once per key, not per frame;
    // the view built from it must be the one a fresh computation gives.
    let mut session = lecture();
    let window = data_window(&session.landscape_key());
    session.slide_param(0, 10.0);
    assert_eq!(data_window(&session.landscape_key()), window);
    let held = held_data_chart(&session, &window, false, "", Hold::Nothing)
        .view
        .unwrap();
    assert_eq!(Some(held), data_chart(&session, false, "").view);
    shows_data_and_model(&session, held).unwrap();
    // The lecture's points and a = 8's line sit inside the still window's corners.
    let [(x_lo, y_lo), (x_hi, y_hi)] = <[(f64, f64); 2]>::try_from(window).unwrap();
    assert!(x_lo <= 2.0 && x_hi >= 10.0 && y_lo <= 16.0 && y_hi >= 98.0);
}

#[test]
fn the_lecture_data_chart_shows_three_points_residuals_and_the_line_y_8x() {
    let chart = data_chart(&lecture(), false, "");
    assert_eq!(chart.points, [(2.0, 19.6), (4.5, 44.1), (10.0, 98.0)]);
    assert_eq!(chart.residuals.len(), 3);
    assert_eq!(chart.residuals[0].y_hat, 16.0);
    for &(x, y) in &chart.model_line {
        assert!((y - 8.0 * x).abs() < 1e-9);
    }
    let view = chart.view.unwrap();
    assert!(view.x.0 <= 0.0 && view.x.1 >= 10.0);
    assert!(view.y.0 <= 0.0 && view.y.1 >= 98.0);
}

/// Whether `view` shows every point of `session` and its model's line at both ends of the
/// data's x range.
fn shows_data_and_model(session: &Session, view: ChartView) -> Result<(), String> {
    let problem = session.problem();
    let points = problem.data.points();
    let inside =
        |(x, y): (f64, f64)| view.x.0 <= x && x <= view.x.1 && view.y.0 <= y && y <= view.y.1;
    let (x_lo, x_hi) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.x), hi.max(p.x))
        });
    for p in points {
        if !inside((p.x, p.y)) {
            return Err(format!("point ({}, {}) outside {view:?}", p.x, p.y));
        }
    }
    for k in 0..=20 {
        let x = x_lo + (x_hi - x_lo) * f64::from(k) / 20.0;
        let y = problem.model.predict(session.params(), x);
        if !inside((x, y)) {
            return Err(format!("model ({x}, {y}) outside {view:?}"));
        }
    }
    Ok(())
}

#[test]
fn the_non_convex_example_shows_its_model_line_at_a_0_5() {
    // The preset opens at a = 0.5: ŷ = 0.5·x + 1.5, below every point (y ≈ 1.85–1.9).
    let session = Session::new(Preset::LocalMinima.lesson());
    assert_eq!(session.params()[0], 0.5);
    let view = data_chart(&session, false, "").view.unwrap();
    shows_data_and_model(&session, view).unwrap();
}

#[test]
fn the_non_convex_example_shows_its_model_line_wherever_the_slider_goes() {
    let mut session = Session::new(Preset::LocalMinima.lesson());
    let (lo, hi) = session.range(0);
    for k in 0..=40 {
        let a = lo + (hi - lo) * f64::from(k) / 40.0;
        session.slide_param(0, a);
        let view = data_chart(&session, false, "").view.unwrap();
        shows_data_and_model(&session, view).unwrap_or_else(|e| panic!("a = {a}: {e}"));
    }
}

#[test]
fn the_non_convex_view_holds_still_while_the_slider_moves_near_the_start() {
    // From a = 0.4 to 0.6 every line lies inside the window the slider's ends set, so the
    // axes do not jump under a student's drag.
    let mut session = Session::new(Preset::LocalMinima.lesson());
    session.slide_param(0, 0.4);
    let first = data_chart(&session, false, "").view.unwrap();
    for a in [0.45, 0.5, 0.55, 0.6] {
        session.slide_param(0, a);
        assert_eq!(
            data_chart(&session, false, "").view.unwrap(),
            first,
            "a = {a}"
        );
    }
}

#[test]
fn every_preset_shows_its_data_and_model() {
    for preset in Preset::ALL {
        let session = Session::new(preset.lesson());
        if session.problem().data.is_empty() {
            continue;
        }
        let view = data_chart(&session, false, "").view.unwrap();
        shows_data_and_model(&session, view).unwrap_or_else(|e| panic!("{preset:?}: {e}"));
    }
}

#[test]
fn an_empty_lesson_says_no_data_on_the_loss_chart() {
    let session = Session::new(Preset::Empty.lesson());
    let landscape = landscape_of(&session.landscape_key());
    let chart = loss_chart(&session, &landscape, Lang::En, WORDS);
    assert_eq!(chart.empty_message, "no data");
    assert!(chart.current.is_none());
}

const SURFACE_WORDS: descent_lab::chart_data::SurfaceWords<'static> =
    descent_lab::chart_data::SurfaceWords {
        minimum: "minimum",
        too_large: "too large",
        undefined: "not defined",
        empty: "no data",
    };

#[test]
fn the_surface_shows_only_for_two_parameters() {
    assert!(descent_lab::chart_data::surface_chart(&lecture(), SURFACE_WORDS).is_none());
    let session = Session::new(Preset::LectureAb.lesson());
    assert!(descent_lab::chart_data::surface_chart(&session, SURFACE_WORDS).is_some());
}

#[test]
fn lecture_ab_surface_has_the_minimum_at_9_8_0_and_the_gradient_of_the_lecture() {
    let mut session = Session::new(Preset::LectureAb.lesson());
    let chart = descent_lab::chart_data::surface_chart(&session, SURFACE_WORDS).unwrap();
    assert_eq!((chart.grid.columns, chart.grid.rows), (200, 200));
    assert_eq!(chart.grid.values.len(), 200 * 200);
    let (a, b) = chart.minimum.unwrap();
    assert!((a - 9.8).abs() < 1e-9 && b.abs() < 1e-9, "{a}, {b}");
    assert_eq!(chart.current, Some((8.0, 0.0)));
    // ∂L/∂a = −447.3 as on the slides (b = 0); ∂L/∂b = −2·(3.6 + 8.1 + 18) = −59.4.
    let (ga, gb) = chart.gradient.unwrap();
    assert!(
        (ga + 447.3).abs() < 1e-9 && (gb + 59.4).abs() < 1e-9,
        "{ga}, {gb}"
    );
    assert_eq!((chart.a_name.as_str(), chart.b_name.as_str()), ("a", "b"));
    // The map holds the start and the minimum, and its contours are there.
    let inside = |(x, y): (f64, f64)| {
        chart.grid.a_range.0 <= x
            && x <= chart.grid.a_range.1
            && chart.grid.b_range.0 <= y
            && y <= chart.grid.b_range.1
    };
    assert!(inside((8.0, 0.0)) && inside((9.8, 0.0)));
    assert!(chart.contours.len() >= 12);
    // One Step: a path per racer from the start, and the step just taken.
    session.race_step();
    session.step();
    let chart = descent_lab::chart_data::surface_chart(&session, SURFACE_WORDS).unwrap();
    let first = chart.last_step.unwrap().0;
    assert_eq!(first, (8.0, 0.0));
    assert!(!chart.paths.is_empty());
    for path in &chart.paths {
        assert_eq!(path.points.first(), Some(&(8.0, 0.0)));
    }
}

#[test]
fn a_formula_undefined_at_a_row_says_so_in_the_loss_chart_and_never_blanks_it() {
    let mut session = lecture();
    session
        .set_formula(
            "a*ln(x - 3)",
            descent_core::ParseOptions {
                decimal_comma: false,
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let landscape = landscape_of(&session.landscape_key());
    assert!(landscape.curve.is_empty());
    assert!(landscape.undefined.len() > 100);
    let chart = loss_chart(&session, &landscape, Lang::En, WORDS);
    // The undefined samples reach the chart, which hatches them.
    assert_eq!(chart.curve.len(), landscape.undefined.len());
    assert!(chart.curve.iter().all(|(a, l)| a.is_finite() && l.is_nan()));
    assert_eq!(
        chart.empty_message,
        "L is not defined here: ŷ is not a number at some rows"
    );
    // The data chart still has its points and a window around them.
    let data = data_chart(&session, false, "");
    assert_eq!(data.points.len(), 3);
    assert!(data.view.is_some());
}

#[test]
fn moving_the_point_on_the_map_reuses_the_base_and_moves_only_the_marks() {
    use descent_lab::chart_data::{surface_base_chart, with_surface_marks};
    let mut session = Session::new(Preset::LectureAb.lesson());
    let key = session.map_key().unwrap();
    let base = surface_base_chart(&key, SURFACE_WORDS);
    assert!(base.current.is_none() && base.paths.is_empty());
    session.move_on_map(8.5, 0.5);
    // Same key: the base is reused, and with the marks it is exactly the full chart.
    assert_eq!(session.map_key().as_ref(), Some(&key));
    let chart = with_surface_marks(&session, &base);
    assert_eq!(chart.current, Some((8.5, 0.5)));
    assert_eq!(
        Some(chart),
        descent_lab::chart_data::surface_chart(&session, SURFACE_WORDS)
    );
}

/// A typed two-parameter formula over 1 000 points makes a map too slow for one frame:
/// the app draws an 11 × 11 map first, then the 44 × 44 one computed row by row, which is
/// the map computed at once. The lecture's maps are computed at once.
#[test]
fn an_expensive_map_is_drawn_coarse_first_then_in_full() {
    use descent_lab::chart_data::{
        surface_base_chart, surface_chart_of, surface_coarse_side, surface_is_progressive,
        surface_side,
    };
    let cheap = Session::new(Preset::LectureAb.lesson());
    let key = cheap.map_key().unwrap();
    assert!(!surface_is_progressive(
        &key,
        surface_side(key.point_count())
    ));
    let mut lesson = Preset::LectureAb.lesson();
    let rows = (0..1000)
        .map(|i| {
            let x = f64::from(i) / 100.0;
            [
                format!("{x}"),
                format!("{}", 9.8 * x + f64::from(i % 7) - 3.0),
            ]
        })
        .collect();
    lesson.table = descent_core::Table::new(lesson.table.labels.clone(), rows);
    let mut session = Session::new(lesson);
    session
        .set_formula("a*sin(b*x)", descent_core::ParseOptions::default())
        .unwrap();
    let key = session.map_key().unwrap();
    let side = surface_side(key.point_count());
    assert_eq!((side, surface_coarse_side(side)), (44, 11));
    assert!(surface_is_progressive(&key, side));
    let coarse_map = key.coarse_surface((11, 11), (side, side)).unwrap();
    let coarse = surface_chart_of(&key, coarse_map, SURFACE_WORDS);
    assert_eq!((coarse.grid.columns, coarse.grid.rows), (11, 11));
    let mut progress = key.begin_surface(side, side).unwrap();
    while !progress.advance(5) {}
    let full = surface_chart_of(&key, progress.finish(), SURFACE_WORDS);
    assert_eq!((full.grid.columns, full.grid.rows), (44, 44));
    assert_eq!(full, surface_base_chart(&key, SURFACE_WORDS));
    // The axes (from the first to the last cell centre) do not move when the full map
    // replaces the coarse one.
    let close = |u: (f64, f64), v: (f64, f64)| {
        (u.0 - v.0).abs() < 1e-9 * v.0.abs().max(1.0)
            && (u.1 - v.1).abs() < 1e-9 * v.1.abs().max(1.0)
    };
    assert!(close(coarse.grid.a_range, full.grid.a_range));
    assert!(close(coarse.grid.b_range, full.grid.b_range));
}

/// The lecture's landscape is drawn with the chart that changed it; over 1 000 points (a
/// typed formula's landscape is tens of milliseconds there) it waits for a frame of its
/// own, and is the same landscape when it comes.
#[test]
fn a_landscape_over_many_points_waits_for_a_frame_of_its_own() {
    assert!(!landscape_is_deferred(&lecture().landscape_key()));
    let mut many = lecture();
    let rows: String = (0..1000)
        .map(|i| format!("{}\t{}\n", i as f64 / 100.0, 9.8 * i as f64 / 100.0))
        .collect();
    many.paste(&rows).unwrap();
    assert_eq!(many.point_count(), 1000);
    let key = many.landscape_key();
    assert!(landscape_is_deferred(&key));
    let landscape = landscape_of(&key);
    assert_eq!(landscape.curve.len(), 400);
    assert!(
        (landscape.minima[0].0 - 9.8).abs() < 1e-9,
        "{:?}",
        landscape.minima
    );
}

/// The lecture's table with ŷ = a·x² + b·x + c at (a, b, c) = (1, 2, 3): three free
/// parameters, so no curve or map shows the loss whole.
fn three_parameters() -> Session {
    let mut session = lecture();
    session
        .set_formula(
            "a*x^2 + b*x + c",
            descent_core::formula::ParseOptions::default(),
        )
        .unwrap();
    for (i, v) in [1.0, 2.0, 3.0].into_iter().enumerate() {
        assert!(session.set_param(i, v));
    }
    session
}

#[test]
fn three_free_parameters_show_the_loss_against_step_chart_of_the_lessons_own_descent() {
    use descent_lab::chart_data::steps_chart;
    use descent_lab::state::shows_steps_chart;
    // One parameter (the lecture) or two (lecture-ab without its race): the curve or the map.
    assert!(!shows_steps_chart(&lecture()));
    let mut two = Session::new(Preset::LectureAb.lesson());
    for id in ["gd", "momentum"] {
        two.set_racing(id, false).unwrap();
    }
    assert!(!shows_steps_chart(&two));

    let mut session = three_parameters();
    assert_eq!(session.free_parameter_count(), 3);
    assert!(shows_steps_chart(&session));
    // Before a step: the one point of the start. ŷ = x² + 2x + 3 predicts 11, 32.25 and
    // 123, so L = 8.6² + 11.85² + 25² = 839.3825.
    let chart = steps_chart(&session, Lang::En, "step", "no data");
    assert_eq!(chart.series.len(), 1);
    assert_eq!(chart.series[0].name, "Gradient descent");
    assert_eq!(chart.series[0].losses.len(), 1);
    assert!((chart.series[0].losses[0] - 839.3825).abs() < 1e-9);
    // Two steps: the start and L after each, as the history lists them.
    session.set_learning_rate_text("0.00005");
    session.step();
    session.step();
    let chart = steps_chart(&session, Lang::Lt, "žingsnis", "nėra duomenų");
    let losses = &chart.series[0].losses;
    assert_eq!(losses.len(), 3);
    assert!((losses[0] - 839.3825).abs() < 1e-9);
    assert_eq!(losses[1], session.history()[0].loss_after);
    assert_eq!(losses[2], session.loss());
    assert!(losses[2] < losses[1] && losses[1] < losses[0], "{losses:?}");
    assert_eq!(chart.series[0].name, "Gradientinis nusileidimas");
    // Fixing c leaves two free parameters: the map again, not this chart.
    session.set_frozen(2, true);
    assert!(!shows_steps_chart(&session));
}

#[test]
fn a_line_far_above_the_data_widens_the_view_in_steps_not_at_every_a() {
    // ŷ = a·x² on the lecture's table: at a = 8 the line reaches 800 at x = 10, far above
    // the points (at most 98), so the view must widen to hold it. Descending a from 8 to
    // 2 in 120 small moves (as autoplay or a slider drag does), the axes change only now
    // and then: before, every move gave new axes, so the chart redrew all its layers at
    // every frame (10 000 points in the bench).
    let mut session = lecture();
    session
        .set_formula("a*x^2", descent_core::formula::ParseOptions::default())
        .unwrap();
    let window = data_window(&session.landscape_key());
    let mut views = Vec::new();
    for k in 0..=120 {
        let a = 8.0 - 6.0 * f64::from(k) / 120.0;
        session.slide_param(0, a);
        let view = held_data_chart(&session, &window, false, "", Hold::Nothing)
            .view
            .unwrap();
        shows_data_and_model(&session, view).unwrap_or_else(|e| panic!("a = {a}: {e}"));
        if views.last() != Some(&view) {
            views.push(view);
        }
    }
    assert!(views.len() <= 12, "{} different views", views.len());
    // The line's top falls from 800 to 200: the view follows it down in quarters of the
    // still window's height, its bottom never moves (the line stays above 0), and once
    // the line is back inside, the view is the still window's.
    let still = descent_lab::charts::data_view(&window);
    let quarter = (still.y.1 - still.y.0) / 4.0;
    for pair in views.windows(2) {
        assert_eq!(pair[0].y.0, still.y.0);
        assert!(
            (pair[0].y.1 - pair[1].y.1 - quarter).abs() < 1e-9,
            "{views:?}"
        );
    }
    assert_eq!(views.last(), Some(&still));
    assert!(views[0].y.1 >= 800.0 && views[0].y.1 < 800.0 + quarter + 0.1 * 1400.0);
}

#[test]
fn widening_in_steps_holds_what_is_needed_in_quarters_then_powers() {
    use descent_lab::chart_data::{VIEW_LINEAR_STEPS, VIEW_STEP};
    let widen_in_steps = |base, needed| {
        descent_core::range::widen_in_steps(base, needed, VIEW_STEP, VIEW_LINEAR_STEPS)
    };
    // Inside: unchanged.
    assert_eq!(widen_in_steps((0.0, 100.0), (10.0, 90.0)), (0.0, 100.0));
    // 30 beyond the top: two quarters of the width of 100.
    assert_eq!(widen_in_steps((0.0, 100.0), (0.0, 130.0)), (0.0, 150.0));
    // 1 below, 900 above: a quarter below; above, 36 quarters is beyond eight, so
    // 8 · 2^(9/4) quarters (the next power of 2^¼ of eight quarters).
    let (lo, hi) = widen_in_steps((0.0, 100.0), (-1.0, 1000.0));
    assert_eq!(lo, -25.0);
    assert!((hi - (100.0 + 25.0 * 8.0 * 2f64.powf(2.25))).abs() < 1e-6 && hi >= 1000.0);
    // A base without width gives what is needed; nothing infinite comes out.
    assert_eq!(widen_in_steps((5.0, 5.0), (0.0, 10.0)), (0.0, 10.0));
    assert_eq!(widen_in_steps((0.0, 1.0), (0.0, f64::MAX)), (0.0, f64::MAX));
}

#[test]
fn a_slider_drag_back_and_forth_only_widens_the_view_until_it_ends() {
    // ŷ = a·x² on the lecture's table, the slider dragged from a = 2 up to 8, down to 2
    // and up again (as bench.mjs's drag does): the view shown at each move is carried to
    // the next (`Hold::Slider`), so it widens on the way up and then holds; when the drag
    // ends the view fits a = 2 again.
    let mut session = lecture();
    session
        .set_formula("a*x^2", descent_core::formula::ParseOptions::default())
        .unwrap();
    let window = data_window(&session.landscape_key());
    let sweep = (0..=60).map(|k| 2.0 + 6.0 * f64::from(k) / 60.0);
    let moves: Vec<f64> = sweep
        .clone()
        .chain(sweep.clone().rev())
        .chain(sweep)
        .collect();
    let mut shown = None;
    let mut changes = 0;
    for &a in &moves {
        session.slide_param(0, a);
        let view = held_data_chart(&session, &window, false, "", Hold::Slider(shown))
            .view
            .unwrap();
        shows_data_and_model(&session, view).unwrap_or_else(|e| panic!("a = {a}: {e}"));
        if let Some(before) = shown {
            assert!(
                view.y.0 <= before.y.0 && view.y.1 >= before.y.1,
                "a = {a}: {view:?} narrower than {before:?}"
            );
            changes += usize::from(view != before);
        }
        shown = Some(view);
    }
    // Only on the first way up: a = 8's line needs the widest view, and the held view then
    // stays. It holds that view, with at most a fifth of its span more on the side it grew
    // (`HELD_HEADROOM`), and it did not grow downwards.
    let widest = data_chart(&session, false, "").view.unwrap();
    let held = shown.unwrap();
    assert_eq!((held.x, held.y.0), (widest.x, widest.y.0));
    let span = held.y.1 - held.y.0;
    assert!(
        held.y.1 >= widest.y.1 && held.y.1 <= widest.y.1 + HELD_HEADROOM * span,
        "{held:?} against {widest:?}"
    );
    assert!((1..=4).contains(&changes), "{changes} changes");
    // Unheld (the drag ended) at a = 2, the view is the still window's again.
    session.slide_param(0, 2.0);
    session.end_slide();
    let fitted = data_chart(&session, false, "").view.unwrap();
    assert_eq!(fitted, descent_lab::charts::data_view(&window));
    assert!(fitted.y.1 < widest.y.1);
}

/// The loss chart's samples and undefined ones are merged in parameter order, as the stable
/// sort they replace put them: checked against that sort on sorted lists with ties.
#[test]
fn merging_the_undefined_samples_equals_sorting_them_in() {
    use descent_lab::chart_data::merge_by_parameter;
    let mut seed = 7_u64;
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        ((seed >> 33) % 40) as f64 / 4.0 - 5.0
    };
    for round in 0..200 {
        let mut curve: Vec<(f64, f64)> = (0..round % 17).map(|_| (next(), next())).collect();
        curve.sort_by(|p, q| p.0.total_cmp(&q.0));
        let mut undefined: Vec<f64> = (0..round % 5).map(|_| next()).collect();
        undefined.sort_by(f64::total_cmp);
        let mut sorted = curve.clone();
        sorted.extend(undefined.iter().map(|a| (*a, f64::NAN)));
        sorted.sort_by(|p, q| p.0.total_cmp(&q.0));
        let merged = merge_by_parameter(&curve, &undefined);
        let bits = |v: &[(f64, f64)]| -> Vec<(u64, u64)> {
            v.iter().map(|p| (p.0.to_bits(), p.1.to_bits())).collect()
        };
        assert_eq!(bits(&merged), bits(&sorted), "round {round}");
    }
}
