//! Each parameter's range: its *home* range, fitted to the current value and the minimum
//! when the problem changes, and the range shown, home widened as far as the run needs
//! (see [`Session::range`]).
//!
//! Fitting a home range without a closed form scans ∂L/∂θ along the parameter: a few
//! hundred passes over the data. Over [`RANGES_LATER_POINTS`] points or more a change of
//! the problem leaves such a range provisional (the range it had, or the scan's window)
//! and [`Session::ranges_pending`] says so; the app then calls
//! [`Session::settle_ranges`] in a task of its own, so that the keystroke of a typed
//! formula over 1 000 points does not also carry the scan.

use super::Session;
use crate::analysis;
use crate::range;

/// Data points from which a change of the problem leaves a scanned home range for
/// [`Session::settle_ranges`] instead of scanning at once.
pub const RANGES_LATER_POINTS: usize = 500;

impl Session {
    /// Whether a parameter's home range is provisional until [`Session::settle_ranges`].
    pub fn ranges_pending(&self) -> bool {
        self.ranges_pending
    }

    /// Fits the home ranges left provisional by a change of the problem; `true` when
    /// there were any.
    pub fn settle_ranges(&mut self) -> bool {
        if !self.ranges_pending {
            return false;
        }
        self.fit_ranges();
        true
    }

    /// Fits every parameter's home range afresh to the current value and the minimum
    /// (on the slider's grid), and shows it.
    pub(super) fn fit_ranges(&mut self) {
        self.home_ranges = (0..self.lesson.model.param_count())
            .map(|i| on_grid(analysis::default_range(&self.problem, self.run.params(), i)))
            .collect();
        self.ranges_pending = false;
        self.cover_ranges();
    }

    /// [`Session::fit_ranges`], except that over [`RANGES_LATER_POINTS`] a range that
    /// needs a scan keeps the home range it had (or, for a new parameter, the scan's
    /// window) until [`Session::settle_ranges`].
    pub(super) fn fit_ranges_soon(&mut self) {
        if self.problem.data.len() < RANGES_LATER_POINTS {
            self.fit_ranges();
            return;
        }
        let params = self.run.params().to_vec();
        let mut pending = false;
        self.home_ranges = (0..self.lesson.model.param_count())
            .map(|i| {
                if let Some(fitted) = analysis::range_without_scan(&self.problem, &params, i) {
                    return on_grid(fitted);
                }
                pending = true;
                self.home_ranges.get(i).copied().unwrap_or_else(|| {
                    let current = params.get(i).copied().unwrap_or(0.0);
                    let current = if current.is_finite() { current } else { 0.0 };
                    on_grid(analysis::finite_range(analysis::scan_window(current)))
                })
            })
            .collect();
        self.ranges_pending = pending;
        self.cover_ranges();
    }

    /// Shows every parameter's home range, widened as far as the current value and the
    /// run's earlier values need. Computed from the home range every time, so a widening
    /// lasts only as long as the value that caused it.
    pub(super) fn cover_ranges(&mut self) {
        let run = &self.run;
        self.ranges = self
            .home_ranges
            .iter()
            .enumerate()
            .map(|(i, &home)| {
                let trail = run
                    .history()
                    .iter()
                    .filter_map(|s| s.before.get(i).copied());
                range::covering_range(home, trail.chain(run.params().get(i).copied()))
            })
            .collect();
    }
}

/// A range on the slider's grid.
fn on_grid(fitted: (f64, f64)) -> (f64, f64) {
    let (min, max, _) = range::slider_grid(fitted);
    (min, max)
}
