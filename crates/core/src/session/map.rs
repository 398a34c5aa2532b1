//! The loss map's view and its expensive part, kept apart from the current point.
//!
//! The heatmap and its contours cost milliseconds; the current point moves on every
//! pointer event of a drag. So the map's grid depends only on a [`MapKey`] — the problem
//! (data, model, loss, frozen flags), the parameters after the first two, and the view —
//! never on (a, b) themselves, and the view the map shows when the student has not chosen
//! one holds still while the point moves inside it:
//!
//! - the *home* view is fitted ([`Session::fitted_map_view`]) when a lesson opens or the
//!   model changes, and when an edit of the data, the loss or a frozen flag leaves it a
//!   poor fit (something it must show falls outside, or it is more than four times too
//!   wide along its wider side);
//! - the view shown is the home view while it holds the start, the current point, the
//!   minimum and every path; otherwise home widened to hold them (as a parameter's range
//!   is widened, [`Session::range`]), each side by whole sixteenths of home's width
//!   ([`WIDEN_STEP`]): a path creeping outward during a race widens the map every few
//!   Steps, not at each one (each new view is a new grid, contours and axes); "fit" fits
//!   home afresh;
//! - while a data point is dragged ([`Session::move_point`], [`Session::add_point`]) the
//!   view shown when the drag began is held: the minimum moves with every pointer move,
//!   and a view following it would re-draw the axes and re-fit the map each time. The
//!   drag's end ([`Session::end_edit`]) fits home once.

use super::race::MapSurface;
use super::Session;
use crate::problem::Problem;
use crate::range;
use crate::surface::{PartialSurface, Surface, View, DEFAULT_LEVELS};

/// Everything the map's grid, contours and minimum depend on. Built only by
/// [`Session::map_key`], so no part can be left out; equal keys give equal maps.
#[derive(Clone, Debug, PartialEq)]
pub struct MapKey {
    problem: Problem,
    /// The parameters after the first two (a and b are set to 0: they do not matter).
    params: Vec<f64>,
    view: View,
}

/// How much wider than a freshly fitted view a kept home view may be.
const HOME_SLACK: f64 = 4.0;

/// A widened view reaches beyond home on each side by a whole number of this fraction of
/// home's width along that side.
pub const WIDEN_STEP: f64 = 0.0625;

/// `fitted` (which holds home) widened outward, side by side, to reach beyond `home` by
/// whole steps of [`WIDEN_STEP`] × home's width ([`range::widen_in_steps`], its steps all
/// linear); within the parameters' bound.
fn widen_in_steps(home: View, fitted: View) -> View {
    let bound = range::PARAM_BOUND;
    let side = |home: (f64, f64), fitted: (f64, f64)| {
        let (lo, hi) = range::widen_in_steps(home, fitted, WIDEN_STEP, f64::INFINITY);
        (lo.max(-bound), hi.min(bound))
    };
    View::new(side(home.a, fitted.a), side(home.b, fitted.b))
}

impl MapKey {
    /// The view the map covers.
    pub fn view(&self) -> View {
        self.view
    }

    /// How many data points the map is computed from.
    pub fn point_count(&self) -> usize {
        self.problem.data.len()
    }

    /// The model's parameter names, a and b first.
    pub fn param_names(&self) -> Vec<&'static str> {
        self.problem.model.param_names()
    }

    /// The loss map over the key's view at `columns` × `rows` cells, with
    /// [`DEFAULT_LEVELS`] contour levels, the minimum and the limits; `None` for a model
    /// with fewer than two parameters.
    pub fn surface(&self, columns: usize, rows: usize) -> Option<MapSurface> {
        Some(self.begin_surface(columns, rows)?.finish())
    }

    /// A coarse `columns` × `rows` map drawn before the full `full` = (columns, rows)
    /// one: its first and last cell centres are the full map's, so that the chart's axes
    /// (which run from centre to centre) do not move when the full map replaces it. Its
    /// cells reach a little past the key's view on each side.
    pub fn coarse_surface(
        &self,
        (columns, rows): (usize, usize),
        full: (usize, usize),
    ) -> Option<MapSurface> {
        let span = |(lo, hi): (f64, f64), fine: usize, coarse: usize| {
            let (fine, coarse) = (fine.max(2) as f64, coarse.max(2) as f64);
            let half_fine = 0.5 * (hi - lo) / fine;
            let (first, last) = (lo + half_fine, hi - half_fine);
            let half_coarse = 0.5 * (last - first) / (coarse - 1.0);
            (first - half_coarse, last + half_coarse)
        };
        let view = View {
            a: span(self.view.a, full.0, columns),
            b: span(self.view.b, full.1, rows),
        };
        let coarse = MapKey {
            view,
            ..self.clone()
        };
        let progress = coarse.begin_surface(columns, rows)?;
        let surface = progress.partial.finish(&coarse.problem);
        // Without a closed form the full map's minimum is refined from its lowest cell
        // by Newton or descent steps, each a pass over the data: more than the coarse
        // map's cells cost. The coarse map, shown for a few frames, marks none then.
        Some(coarse.with_surface(surface, false))
    }

    /// [`MapKey::surface`] to be computed a few rows at a time ([`MapProgress::advance`]),
    /// for a map too slow to compute in one go; `None` for a model with fewer than two
    /// parameters.
    pub fn begin_surface(&self, columns: usize, rows: usize) -> Option<MapProgress> {
        let partial = Surface::begin(&self.problem, &self.params, self.view, columns, rows)?;
        Some(MapProgress {
            key: self.clone(),
            partial,
        })
    }

    /// How many data points the loss is evaluated over for each cell of a
    /// `columns` × `rows` map: the cells times the points for a map computed point by
    /// point, the cells alone for one computed from the data's sums (O(1) a cell). What
    /// decides whether the map is worth computing in several frames.
    pub fn work(&self, columns: usize, rows: usize) -> usize {
        let cells = columns.saturating_mul(rows);
        if crate::surface::Quadratic::of(&self.problem, &self.params).is_some() {
            cells
        } else {
            cells.saturating_mul(self.problem.data.len().max(1))
        }
    }

    /// The grid's contours, minimum and limits around a computed `surface`; without
    /// `refine`, a minimum only where it is the closed form's (no refining steps).
    fn with_surface(&self, surface: Surface, refine: bool) -> MapSurface {
        let problem = &self.problem;
        let contours = surface.contours(&surface.levels(DEFAULT_LEVELS));
        let minimum = if refine || surface.quadratic().is_some() {
            surface.minimum(problem, &self.params)
        } else {
            None
        };
        let limits = surface.quadratic().and_then(|q| q.limits());
        let condition_number = surface.quadratic().and_then(|q| q.condition_number());
        MapSurface {
            surface,
            contours,
            minimum,
            limits,
            condition_number,
        }
    }
}

/// A loss map being computed row by row ([`MapKey::begin_surface`]): the same map as
/// [`MapKey::surface`] once finished.
#[derive(Clone, Debug, PartialEq)]
pub struct MapProgress {
    key: MapKey,
    partial: PartialSurface,
}

impl MapProgress {
    /// The key the map is computed for.
    pub fn key(&self) -> &MapKey {
        &self.key
    }

    /// Computes up to `rows` more rows; returns whether every row is computed.
    pub fn advance(&mut self, rows: usize) -> bool {
        self.partial.fill_rows(&self.key.problem, rows)
    }

    /// Whether every row is computed.
    pub fn is_done(&self) -> bool {
        self.partial.is_done()
    }

    /// The map: the rows not yet computed, then its contours, minimum and limits.
    pub fn finish(self) -> MapSurface {
        let surface = self.partial.finish(&self.key.problem);
        self.key.with_surface(surface, true)
    }
}

impl Session {
    /// The key of the map shown now: equal for two moments whose maps are equal, whatever
    /// (a, b) are. `None` for a model with fewer than two parameters.
    pub fn map_key(&self) -> Option<MapKey> {
        let view = self.map_view()?;
        let mut params = self.params().to_vec();
        for p in params.iter_mut().take(2) {
            *p = 0.0;
        }
        Some(MapKey {
            problem: self.problem.clone(),
            params,
            view,
        })
    }

    /// The points an automatic view must show: the start, the current point, the minimum
    /// (where there is a unique one), every lane's path and the one descent's history.
    fn map_points(&self) -> Vec<(f64, f64)> {
        let ab = |p: &[f64]| {
            (
                p.first().copied().unwrap_or(0.0),
                p.get(1).copied().unwrap_or(0.0),
            )
        };
        let mut points = vec![ab(&self.lesson.start), ab(self.params())];
        if let Some(q) = crate::surface::Quadratic::of(&self.problem, self.params()) {
            points.extend(q.minimiser());
        }
        for lane in self.race.lanes() {
            points.extend(lane.path());
        }
        points.extend(self.run.history().iter().map(|s| ab(&s.before)));
        points
    }

    /// The view fitted to the start, the current point, the minimum (where there is a
    /// unique one) and every path: what "fit" shows.
    pub fn fitted_map_view(&self) -> Option<View> {
        if self.lesson.model.param_count() < 2 {
            return None;
        }
        View::fit(self.map_points())
    }

    /// The view shown when the student has chosen none: home, or home widened to hold
    /// what it must show (see the module docs).
    pub(super) fn automatic_map_view(&self) -> Option<View> {
        if self.lesson.model.param_count() < 2 {
            return None;
        }
        let points = self.map_points();
        let Some(home) = self.map_home else {
            return View::fit(points);
        };
        let held = |p: &(f64, f64)| !(p.0.is_finite() && p.1.is_finite()) || home.contains(*p);
        if points.iter().all(held) {
            return Some(home);
        }
        let corners = [(home.a.0, home.b.0), (home.a.1, home.b.1)];
        View::fit(points.into_iter().chain(corners)).map(|fitted| widen_in_steps(home, fitted))
    }

    /// Holds the automatic view as it is now, unless one is held already or the student
    /// chose a view (that one holds still anyway).
    pub(super) fn hold_map_view(&mut self) {
        if !cfg!(feature = "map") {
            return;
        }
        if self.map_held.is_none() && self.lesson.race.view.is_none() {
            self.map_held = self.automatic_map_view();
        }
    }

    /// Lets go of a held view and fits home to the data as it now is; whether one was held.
    pub(super) fn release_map_view(&mut self) -> bool {
        let held = self.map_held.take().is_some();
        if held {
            self.refit_map_home(true);
        }
        held
    }

    /// Fits the home view afresh, or (`keep_good_fit`) keeps it while it still fits.
    ///
    /// Without descent-core's `map` feature neither this nor [`Session::hold_map_view`]
    /// keeps anything: there is no home and nothing held, and the automatic view is
    /// fitted afresh whenever it is asked for. The app's first-load build shows no map (it
    /// hands a lesson with two free parameters to the full build) and so leaves the
    /// fitting out of its wasm (BENCHMARKS.md, Size).
    pub(super) fn refit_map_home(&mut self, keep_good_fit: bool) {
        if !cfg!(feature = "map") {
            return;
        }
        let fitted = self.fitted_map_view();
        let kept = match (self.map_home, fitted) {
            (Some(home), Some(fit)) if keep_good_fit => {
                let inside = home.contains((fit.a.0, fit.b.0)) && home.contains((fit.a.1, fit.b.1));
                let width = |r: (f64, f64)| r.1 - r.0;
                // The wider side of each: a fit may be thin across one parameter.
                let snug =
                    width(home.a).max(width(home.b)) <= HOME_SLACK * width(fit.a).max(width(fit.b));
                (inside && snug).then_some(home)
            }
            _ => None,
        };
        self.map_home = kept.or(fitted);
    }

    /// "Fit": forgets the chosen view and fits the map to the start, the current point,
    /// the minimum and the paths.
    pub fn fit_map_view(&mut self) {
        self.lesson.race.view = None;
        self.refit_map_home(false);
    }

    /// The map's view zoomed by `factor` (above 1: closer) about `(a, b)`, which stays
    /// where it is on the screen; the result is kept as the chosen view. A factor or
    /// point that is not finite, or a view narrower than 10⁻⁹ of its centre's size or
    /// wider than the parameters' bound, changes nothing (`false`).
    pub fn zoom_map_view(&mut self, at: (f64, f64), factor: f64) -> bool {
        let Some(view) = self.map_view() else {
            return false;
        };
        if !(factor.is_finite() && factor > 0.0 && at.0.is_finite() && at.1.is_finite()) {
            return false;
        }
        let bound = crate::range::PARAM_BOUND;
        // The widths asked for, before `View::new` would widen a vanishing one.
        let fine = |(lo, hi): (f64, f64), centre: f64| {
            let width = (hi - lo) / factor;
            let size = lo.abs().max(hi.abs()).max(centre.abs()).max(1e-6);
            width > 1e-9 * size && width <= bound
        };
        let zoomed = view.zoom(at, factor);
        let inside = |(lo, hi): (f64, f64)| lo >= -bound && hi <= bound;
        if zoomed == view
            || !(fine(view.a, at.0) && fine(view.b, at.1) && inside(zoomed.a) && inside(zoomed.b))
        {
            return false;
        }
        self.set_map_view(Some(zoomed));
        true
    }

    /// The point dragged on the map to `(a, b)`: the free ones of the first two parameters
    /// move as their sliders move them ([`Session::slide_param`]); a frozen one stays.
    /// Returns whether anything moved.
    pub fn move_on_map(&mut self, a: f64, b: f64) -> bool {
        let mut moved = false;
        for (index, value) in [(0, a), (1, b)] {
            if !self.is_frozen(index) && self.params().get(index) != Some(&value) {
                moved |= self.slide_param(index, value);
            }
        }
        moved
    }

    /// The point put down on the map at `(a, b)` (a click or tap, the end of a drag, an
    /// arrow key): every run starts there — the one descent and each lane of the race
    /// ([`Session::race_start_at`]) — so Step goes on from there, Undo has nothing to
    /// take back and Reset returns there. A frozen parameter keeps its value; the ranges
    /// fit the new values ([`Session::end_slide`]). `false` for a non-finite point or a
    /// model without a map.
    pub fn put_down_on_map(&mut self, a: f64, b: f64) -> bool {
        let keep = |index: usize, value: f64| {
            if self.is_frozen(index) {
                self.params().get(index).copied().unwrap_or(value)
            } else {
                value
            }
        };
        let (a, b) = (keep(0, a), keep(1, b));
        let put = self.race_start_at(a, b);
        self.end_slide();
        put
    }
}
