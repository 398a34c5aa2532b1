//! The loss map's key and view while the point moves: the expensive grid depends on the
//! data, the model, the frozen parameters and the view, never on (a, b), and the
//! automatic view holds still while the point moves inside it.
#![allow(clippy::unwrap_used)]

use descent_core::presets::Preset;
use descent_core::surface::View;
use descent_core::Session;

#[test]
fn dragging_a_and_b_inside_the_map_keeps_its_key() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    let key = s.map_key().unwrap();
    let view = key.view();
    // Moves like a drag on the map, a slider, and a click that sets the start.
    for (a, b) in [(8.5, 0.2), (9.0, -0.3), (10.0, 0.05)] {
        assert!(view.contains((a, b)));
        s.slide_param(0, a);
        s.slide_param(1, b);
        assert_eq!(s.map_key().as_ref(), Some(&key), "moved to ({a}, {b})");
    }
    assert!(s.race_start_at(9.5, 0.1));
    assert_eq!(s.map_key().as_ref(), Some(&key));
    // A Step inside the view keeps it too.
    s.race_step();
    s.step();
    assert_eq!(s.map_key().unwrap().view(), view);
    // The surface of the key is the session's.
    assert_eq!(key.surface(20, 20), s.map_surface(20, 20));
}

#[test]
fn a_point_moved_outside_the_map_widens_it_and_fit_fits_again() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    let home = s.map_view().unwrap();
    s.set_param(0, 40.0);
    let wide = s.map_view().unwrap();
    assert!(wide.contains((40.0, 0.0)) && wide.contains((home.a.0, home.b.0)));
    // Back inside: home again, as a parameter's range does.
    s.set_param(0, 9.0);
    assert_eq!(s.map_view(), Some(home));
    // A chosen view is kept until "fit".
    let chosen = View::new((0.0, 1.0), (0.0, 1.0));
    s.set_map_view(Some(chosen));
    s.set_param(1, 3.0);
    assert_eq!(s.map_view(), Some(chosen));
    s.fit_map_view();
    assert_eq!(s.lesson().race.view, None);
    assert_eq!(s.map_view(), s.fitted_map_view());
    assert!(s.map_view().unwrap().contains((9.0, 3.0)));
}

#[test]
fn zooming_keeps_the_point_under_the_pointer_and_refuses_nonsense() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    let before = s.map_view().unwrap();
    let at = (9.0, 0.5);
    assert!(s.zoom_map_view(at, 2.0));
    let after = s.map_view().unwrap();
    assert_eq!(s.lesson().race.view, Some(after));
    let fraction = |v: View| {
        (
            (at.0 - v.a.0) / (v.a.1 - v.a.0),
            (at.1 - v.b.0) / (v.b.1 - v.b.0),
        )
    };
    let (f0, f1) = (fraction(before), fraction(after));
    assert!((f0.0 - f1.0).abs() < 1e-12 && (f0.1 - f1.1).abs() < 1e-12);
    assert!(((after.a.1 - after.a.0) * 2.0 - (before.a.1 - before.a.0)).abs() < 1e-9);
    for (at, factor) in [
        ((f64::NAN, 0.0), 2.0),
        ((9.0, 0.0), f64::INFINITY),
        ((9.0, 0.0), 0.0),
        ((9.0, 0.0), -1.0),
        ((9.0, 0.0), 1e300),
        ((9.0, 0.0), 1e-300),
    ] {
        assert!(!s.zoom_map_view(at, factor), "{at:?} × {factor}");
        assert_eq!(s.map_view(), Some(after));
    }
    // One parameter: no map to zoom.
    let mut one = Session::new(Preset::Lecture.lesson());
    assert!(!one.zoom_map_view((1.0, 1.0), 2.0));
    assert!(one.map_key().is_none());
}

#[test]
fn an_edit_that_leaves_the_map_a_good_fit_keeps_it() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    let view = s.map_view().unwrap();
    // A small change of one y moves the minimum a little: the view stays.
    let y = s.lesson().table.rows[0][1].clone();
    let nudged = format!("{}", y.parse::<f64>().unwrap() + 0.1);
    s.set_cell(0, 1, &nudged);
    assert_eq!(s.map_view(), Some(view));
    // A new lesson fits afresh.
    s.load(Preset::Ravine.lesson());
    assert_eq!(s.map_view(), s.fitted_map_view());
    assert_ne!(s.map_view(), Some(view));
}

#[test]
fn a_point_put_down_on_the_map_starts_every_run_there() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    s.step();
    s.race_step();
    // A drag moves (a, b) and leaves the race's lanes where they are…
    assert!(s.move_on_map(8.5, 0.25));
    assert_eq!(s.params(), [8.5, 0.25]);
    assert!(s.race_rows().iter().all(|r| r.step == 1));
    // …and putting the point down starts every run there: nothing to undo, Reset
    // returns there, Step goes on from there.
    assert!(s.put_down_on_map(8.5, 0.25));
    assert!(s.history().is_empty() && !s.undo());
    assert!(s
        .race_rows()
        .iter()
        .all(|r| r.step == 0 && r.params == [8.5, 0.25]));
    s.step();
    s.reset();
    assert_eq!(s.params(), [8.5, 0.25]);
    assert!(!s.put_down_on_map(f64::NAN, 0.0));
    // A frozen b stays where it is.
    s.set_frozen(1, true);
    assert!(s.move_on_map(9.0, 3.0));
    assert_eq!(s.params(), [9.0, 0.25]);
    assert!(s.put_down_on_map(9.5, 3.0));
    assert_eq!(s.params(), [9.5, 0.25]);
}

/// The least-squares line (a, b) through `points`, by the normal equations.
fn least_squares(points: &[(f64, f64)]) -> (f64, f64) {
    let n = points.len() as f64;
    let (sx, sy) = points
        .iter()
        .fold((0.0, 0.0), |(sx, sy), p| (sx + p.0, sy + p.1));
    let sxx: f64 = points.iter().map(|p| p.0 * p.0).sum();
    let sxy: f64 = points.iter().map(|p| p.0 * p.1).sum();
    let a = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    (a, (sy - a * sx) / n)
}

#[test]
fn dragging_a_data_point_holds_the_maps_view_until_the_drag_ends() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    assert!(!s.end_edit(), "no drag, nothing held");
    let before = s.map_view().unwrap();
    assert!(before.contains((9.8, 0.0)));
    // The lecture's last point (10, 98) dragged down to (10, 30), through 60 and 40: the
    // minimum runs far out of the view, which stays as it was while the drag goes on.
    for y in [60.0, 40.0, 30.0] {
        assert!(s.move_point(2, 10.0, y));
        assert_eq!(s.map_view(), Some(before), "while dragging to y = {y}");
        assert_eq!(s.map_key().unwrap().view(), before);
    }
    let minimum = least_squares(&[(2.0, 19.6), (4.5, 44.1), (10.0, 30.0)]);
    assert!(!before.contains(minimum), "{minimum:?} left the view");
    // The pointer lifts: one fit, which holds the new minimum and the start.
    assert!(s.end_edit());
    let after = s.map_view().unwrap();
    assert_ne!(after, before);
    assert!(
        after.contains(minimum) && after.contains((8.0, 0.0)),
        "{after:?}"
    );
    assert!(!s.end_edit(), "let go once");
}

#[test]
fn a_point_added_and_dragged_holds_the_view_too_and_a_chosen_view_is_kept() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    let before = s.map_view().unwrap();
    let row = s.add_point(6.0, 200.0).unwrap();
    assert_eq!(s.map_view(), Some(before));
    assert!(s.move_point(row, 6.0, 250.0));
    assert_eq!(s.map_view(), Some(before));
    // Typing in a cell is another edit: the drag that never saw its pointer-up lets go.
    s.set_cell(0, 1, "19.7");
    let minimum = least_squares(&[(2.0, 19.7), (4.5, 44.1), (10.0, 98.0), (6.0, 250.0)]);
    assert!(s.map_view().unwrap().contains(minimum));
    // A view the student chose is kept through a drag and after it.
    let chosen = View::new((0.0, 20.0), (-50.0, 50.0));
    s.set_map_view(Some(chosen));
    assert!(s.move_point(0, 2.0, 10.0));
    assert_eq!(s.map_view(), Some(chosen));
    s.end_edit();
    assert_eq!(s.map_view(), Some(chosen));
}

/// A typed formula's map computed a few rows at a time (the app spreads it over frames)
/// is the map computed at once, and its work counts every point of every cell, while a
/// map from the data's sums counts the cells alone.
#[test]
fn a_map_computed_row_by_row_is_the_map_computed_at_once() {
    let mut s = Session::new(Preset::LectureAb.lesson());
    let sums = s.map_key().unwrap();
    assert_eq!(sums.work(44, 44), 44 * 44);
    s.set_formula("a*sin(b*x)", descent_core::ParseOptions::default())
        .unwrap();
    let key = s.map_key().unwrap();
    assert_eq!(key.work(44, 44), 44 * 44 * s.point_count());
    let mut progress = key.begin_surface(30, 20).unwrap();
    let mut steps = 0;
    while !progress.advance(3) {
        steps += 1;
        assert!(steps < 10, "20 rows in steps of 3 take 7 calls");
    }
    assert_eq!(steps, 6);
    assert!(progress.is_done());
    assert_eq!(progress.key(), &key);
    let whole = key.surface(30, 20).unwrap();
    let stepped = progress.finish();
    assert_eq!(stepped, whole);
    assert_eq!(stepped.surface.values().len(), 30 * 20);
    // The coarse map drawn first has the same first and last cell centres, so the
    // chart's axes stay put when the full map replaces it.
    let coarse = key.coarse_surface((8, 5), (30, 20)).unwrap();
    let (c, f) = (&coarse.surface, &whole.surface);
    assert_eq!((c.columns(), c.rows()), (8, 5));
    for (u, v) in [
        (c.a_at(0), f.a_at(0)),
        (c.a_at(7), f.a_at(29)),
        (c.b_at(0), f.b_at(0)),
        (c.b_at(4), f.b_at(19)),
    ] {
        assert!((u - v).abs() <= 1e-12 * v.abs().max(1.0), "{u} vs {v}");
    }
    // The full map marks its refined minimum; the coarse one, shown for a few frames,
    // spends no passes over the data on refining one (a closed form it would mark).
    assert!(whole.minimum.as_ref().is_some_and(|m| !m.exact));
    assert_eq!(coarse.minimum, None);
    let affine = sums.coarse_surface((8, 5), (30, 20)).unwrap();
    assert!(affine.minimum.as_ref().is_some_and(|m| m.exact));
    // Finishing early computes the rest.
    let mut half = key.begin_surface(30, 20).unwrap();
    assert!(!half.advance(10));
    assert_eq!(half.finish(), whole);
}

#[test]
fn a_race_creeping_out_of_the_map_widens_it_by_sixteenths_and_seldom() {
    // lecture-ab with all five racing: RMSProp and Adam leave the home view within a few
    // Steps and keep creeping outward.
    let mut s = Session::new(Preset::LectureAb.lesson());
    let home = s.map_view().unwrap();
    for id in ["nesterov", "rmsprop", "adam"] {
        s.set_racing(id, true).unwrap();
    }
    let mut views = vec![home];
    for _ in 0..150 {
        s.race_step();
        let view = s.map_view().unwrap();
        for lane in s.race().lanes() {
            for p in lane.path() {
                assert!(view.contains(p), "{p:?} outside {view:?}");
            }
        }
        // Each side is home's, or beyond it by whole sixteenths of home's width.
        let whole_steps = |edge: f64, home_edge: f64, width: f64| {
            let q = (edge - home_edge).abs() / (descent_core::session::WIDEN_STEP * width);
            (q - q.round()).abs() < 1e-6
        };
        let (wa, wb) = (home.a.1 - home.a.0, home.b.1 - home.b.0);
        assert!(whole_steps(view.a.0, home.a.0, wa) && whole_steps(view.a.1, home.a.1, wa));
        assert!(whole_steps(view.b.0, home.b.0, wb) && whole_steps(view.b.1, home.b.1, wb));
        views.push(view);
    }
    let changes = views.windows(2).filter(|w| w[0] != w[1]).count();
    assert!(changes >= 1, "the paths leave home");
    // Widened just enough at each Step, it was 18.
    assert!(changes <= 10, "{changes} new views in 150 Steps");
}
