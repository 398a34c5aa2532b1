//! The loss surface L(a, b) of a model with two free parameters: a grid of values over a
//! view, its log-spaced contour levels and lines, its minimum, and for models linear in
//! their parameters the constant Hessian with the learning-rate limits it sets.
//!
//! For a model linear in its parameters (ŷ = c(x) + a·φ(x) + b·ψ(x), e.g. ŷ = a·x + b)
//! and a quadratic loss (L2, MSE), L is a quadratic in (a, b), fixed by a few sums over
//! the data ([`Quadratic`]); each grid cell then costs O(1), not O(n). Any other model or
//! loss is evaluated point by point (O(n) a cell). A cell whose loss is not a finite
//! number is *too large* (stored as `+∞`), or *not defined* (NaN) where a typed formula
//! has no value at some row (ln of a negative number, division by zero); the map shows
//! the first in one colour and hatches the second.
//!
//! Parameters beyond the first two keep the values they are given.
//!
//! (Just over 400 lines with a reason: the grid, its shades, levels, contours and
//! minimum read the same private values and view; the isolines and the quadratic are in
//! their own files.)

pub mod contour;
mod progressive;
mod quadratic;

pub use contour::{isolines, isolines_at_levels, Polyline};
pub use progressive::PartialSurface;
pub use quadratic::{learning_rate_limits, LearningRateLimits, Quadratic};

use crate::problem::Problem;
use crate::range::{finite_range, PARAM_BOUND};

/// The cells a side of the map has by default (200×200).
pub const DEFAULT_CELLS: usize = 200;

/// The most cells a side may have; larger requests are cut to it.
pub const MAX_CELLS: usize = 1000;

/// How many contour levels [`Surface::levels`] gives by default (Distill's article uses
/// about as many).
pub const DEFAULT_LEVELS: usize = 15;

/// The shade index of a too-large cell in [`Surface::shades`]; the others are 0 (the
/// lowest L on the map) to 254 (the highest), on a log scale.
pub const TOO_LARGE: u8 = 255;

/// The region of the (a, b) plane the map shows: finite, nonempty ranges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// The a-axis range (lo, hi).
    pub a: (f64, f64),
    /// The b-axis range (lo, hi).
    pub b: (f64, f64),
}

/// The fraction of its width a fitted view adds on each side of what it must show.
const FIT_MARGIN: f64 = 0.15;

impl View {
    /// A view of these ranges, each made finite, ordered and nonempty
    /// ([`finite_range`]).
    pub fn new(a: (f64, f64), b: (f64, f64)) -> Self {
        Self {
            a: finite_range(a),
            b: finite_range(b),
        }
    }

    /// The smallest view that shows every point `(a, b)` given (the start, the minimum,
    /// the paths) with a margin of [`FIT_MARGIN`] of its width on each side. A side
    /// with no width of its own takes the other side's, so that a start and a minimum
    /// at the same b (the lecture's (8, 0) and (9.8, 0)) still show the valley across b.
    /// Non-finite points are skipped; `None` when none is left.
    pub fn fit(points: impl IntoIterator<Item = (f64, f64)>) -> Option<View> {
        let mut bounds: Option<[f64; 4]> = None;
        for (a, b) in points {
            if !(a.is_finite() && b.is_finite()) {
                continue;
            }
            let (a, b) = (
                a.clamp(-PARAM_BOUND, PARAM_BOUND),
                b.clamp(-PARAM_BOUND, PARAM_BOUND),
            );
            bounds = Some(match bounds {
                None => [a, a, b, b],
                Some([a0, a1, b0, b1]) => [a0.min(a), a1.max(a), b0.min(b), b1.max(b)],
            });
        }
        let [a0, a1, b0, b1] = bounds?;
        let widest = (a1 - a0).max(b1 - b0);
        let floor = if widest > 0.0 {
            widest
        } else {
            2.0 * (1.0 + 0.1 * a0.abs().max(b0.abs()))
        };
        let side = |lo: f64, hi: f64| {
            let width = if hi - lo > 1e-9 * floor {
                hi - lo
            } else {
                floor
            };
            let mid = lo / 2.0 + hi / 2.0;
            let half = width * (0.5 + FIT_MARGIN);
            (mid - half, mid + half)
        };
        Some(View::new(side(a0, a1), side(b0, b1)))
    }

    /// The view zoomed by `factor` (above 1: closer) about the point `(a, b)`, which
    /// stays where it is on the screen.
    pub fn zoom(self, (a, b): (f64, f64), factor: f64) -> View {
        if !(factor.is_finite() && factor > 0.0 && a.is_finite() && b.is_finite()) {
            return self;
        }
        let scale =
            |(lo, hi): (f64, f64), at: f64| (at - (at - lo) / factor, at + (hi - at) / factor);
        View::new(scale(self.a, a), scale(self.b, b))
    }

    /// Whether `(a, b)` lies in the view (edges included).
    pub fn contains(&self, (a, b): (f64, f64)) -> bool {
        (self.a.0..=self.a.1).contains(&a) && (self.b.0..=self.b.1).contains(&b)
    }
}

/// How the grid's values were computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// From the data's sums: O(1) a cell (a model linear in its parameters, L2 or MSE).
    Sums,
    /// Point by point: O(n) a cell.
    PerPoint,
}

/// The lowest point of the surface.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Minimum {
    /// a at the minimum.
    pub a: f64,
    /// b at the minimum.
    pub b: f64,
    /// L there.
    pub loss: f64,
    /// Whether it is the exact minimiser (closed form), rather than the lowest grid cell
    /// refined by a few Newton or descent steps.
    pub exact: bool,
}

/// One contour level's lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Contour {
    /// The value of L along the lines.
    pub level: f64,
    /// The lines, in (a, b) coordinates.
    pub lines: Vec<Polyline>,
}

/// L(a, b) on a grid of `columns` × `rows` cells over a [`View`], sampled at each cell's
/// centre.
#[derive(Clone, Debug, PartialEq)]
pub struct Surface {
    view: View,
    columns: usize,
    rows: usize,
    /// Row-major, row 0 at the lowest b; `+∞` for a too-large cell, NaN for one where
    /// the formula is not defined.
    values: Vec<f64>,
    method: Method,
    quadratic: Option<Quadratic>,
}

impl Surface {
    /// The surface of `problem` over `view` at `columns` × `rows` cells (each from 2 to
    /// [`MAX_CELLS`]), the parameters after the first two held at `params`. `None` when
    /// the model has fewer than two parameters.
    pub fn compute(
        problem: &Problem,
        params: &[f64],
        view: View,
        columns: usize,
        rows: usize,
    ) -> Option<Surface> {
        Some(Surface::begin(problem, params, view, columns, rows)?.finish(problem))
    }

    /// The view the grid covers.
    pub fn view(&self) -> View {
        self.view
    }

    /// Cells along a.
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// Cells along b.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// How the values were computed.
    pub fn method(&self) -> Method {
        self.method
    }

    /// L as a quadratic in (a, b), for a model linear in its parameters and the L2 loss
    /// or MSE.
    pub fn quadratic(&self) -> Option<&Quadratic> {
        self.quadratic.as_ref()
    }

    /// The a at the centre of column `i`.
    pub fn a_at(&self, i: usize) -> f64 {
        let (lo, hi) = self.view.a;
        lo + (i as f64 + 0.5) * (hi - lo) / self.columns as f64
    }

    /// The b at the centre of row `j` (row 0 at the lowest b).
    pub fn b_at(&self, j: usize) -> f64 {
        let (lo, hi) = self.view.b;
        lo + (j as f64 + 0.5) * (hi - lo) / self.rows as f64
    }

    /// Every cell's L, row-major from the lowest b; `+∞` marks a too-large cell, NaN one
    /// where a typed formula is not defined.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The cells' values (as [`Surface::values`]), taken out without a copy.
    pub fn into_values(self) -> Vec<f64> {
        self.values
    }

    /// L in cell (i, j); `None` outside the grid or for a too-large cell.
    pub fn value(&self, i: usize, j: usize) -> Option<f64> {
        if i >= self.columns {
            return None;
        }
        self.values
            .get(j * self.columns + i)
            .copied()
            .filter(|v| v.is_finite())
    }

    /// How many cells are too large (`+∞`).
    pub fn too_large_count(&self) -> usize {
        self.values.iter().filter(|v| v.is_infinite()).count()
    }

    /// How many cells are where a typed formula is not defined (NaN).
    pub fn undefined_count(&self) -> usize {
        self.values.iter().filter(|v| v.is_nan()).count()
    }

    /// The smallest and largest finite L on the grid; `None` when every cell is too
    /// large.
    pub fn loss_range(&self) -> Option<(f64, f64)> {
        // Plain comparisons: every value here is finite, and `f64::min`'s care for NaN
        // costs a call a cell in the release build.
        let (lo, hi) = self
            .values
            .iter()
            .filter(|v| v.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                (if v < lo { v } else { lo }, if v > hi { v } else { hi })
            });
        (lo <= hi).then_some((lo, hi))
    }

    /// The L range the colours span, on a log scale: the grid's finite range with its
    /// low end raised to at least a 10⁻¹² of the high one (L = 0 has no logarithm: the
    /// lecture's line fits exactly). `None` when every cell is too large.
    pub fn color_range(&self) -> Option<(f64, f64)> {
        let (lo, hi) = self.loss_range()?;
        let hi = hi.max(f64::MIN_POSITIVE);
        let lo = lo.max(hi * 1e-12).max(f64::MIN_POSITIVE);
        Some((lo, hi))
    }

    /// Where `loss` falls on the colour scale, from 0 (the low end of
    /// [`Surface::color_range`]) to 1 (the high end), clamped; `None` for a loss that is
    /// not finite.
    pub fn shade_of(&self, loss: f64) -> Option<f64> {
        if !loss.is_finite() {
            return None;
        }
        let (lo, hi) = self.color_range()?;
        let (lo, hi) = (lo.ln(), hi.ln());
        if hi - lo <= 0.0 {
            return Some(0.0);
        }
        Some(((loss.max(f64::MIN_POSITIVE).ln() - lo) / (hi - lo)).clamp(0.0, 1.0))
    }

    /// A shade index for every cell, in the order of a bitmap: top row (highest b)
    /// first, left to right; 0–254 on the log scale of [`Surface::shade_of`],
    /// [`TOO_LARGE`] for a too-large cell. The app looks each up in a 256-colour table
    /// and puts the bitmap on the canvas in one call.
    pub fn shades(&self) -> Vec<u8> {
        // Shade s covers log L from (s − ½)/254 to (s + ½)/254 of the way up: the L at
        // each boundary, found once, and each cell placed among them by binary search
        // (no logarithm a cell).
        let bounds: Vec<f64> = match self.color_range() {
            Some((lo, hi)) if hi > lo => {
                let (lo, hi) = (lo.ln(), hi.ln());
                (0..254)
                    .map(|s| (lo + (s as f64 + 0.5) / 254.0 * (hi - lo)).exp())
                    .collect()
            }
            _ => Vec::new(),
        };
        let any_finite = self.color_range().is_some();
        let mut out = Vec::with_capacity(self.values.len());
        for row in self.values.chunks(self.columns).rev() {
            for &v in row {
                out.push(if v.is_finite() && any_finite {
                    u8::try_from(bounds.partition_point(|&b| b <= v)).unwrap_or(254)
                } else {
                    TOO_LARGE
                });
            }
        }
        out
    }

    /// `count` contour levels (at least 1), evenly spaced in log L strictly between the
    /// ends of [`Surface::color_range`], lowest first; empty when the grid is all too
    /// large or flat.
    pub fn levels(&self, count: usize) -> Vec<f64> {
        let Some((lo, hi)) = self.color_range() else {
            return Vec::new();
        };
        if hi <= lo {
            return Vec::new();
        }
        let count = count.max(1);
        let ratio = (hi / lo).ln();
        (1..=count)
            .map(|k| lo * (ratio * k as f64 / (count + 1) as f64).exp())
            .collect()
    }

    /// The contour lines at each of `levels`, in (a, b) coordinates (marching squares,
    /// [`isolines`]).
    pub fn contours(&self, levels: &[f64]) -> Vec<Contour> {
        let origin = (self.a_at(0), self.b_at(0));
        let step = (
            (self.view.a.1 - self.view.a.0) / self.columns as f64,
            (self.view.b.1 - self.view.b.0) / self.rows as f64,
        );
        isolines_at_levels(&self.values, self.columns, self.rows, levels, origin, step)
            .into_iter()
            .zip(levels)
            .map(|(lines, &level)| Contour { level, lines })
            .collect()
    }

    /// The lowest finite cell: (column, row, L).
    pub fn lowest_cell(&self) -> Option<(usize, usize, f64)> {
        let mut best: Option<(usize, f64)> = None;
        for (k, &v) in self.values.iter().enumerate() {
            if v.is_finite() && best.is_none_or(|(_, b)| v < b) {
                best = Some((k, v));
            }
        }
        best.map(|(k, v)| (k % self.columns, k / self.columns, v))
    }

    /// The minimum of L over (a, b): the closed form when L is a quadratic with a unique
    /// minimiser (wherever it lies); otherwise the lowest grid cell refined by a few
    /// Newton or descent steps on `problem` (parameters after the first two at
    /// `params`). `None` when there is no unique minimiser or no finite cell.
    pub fn minimum(&self, problem: &Problem, params: &[f64]) -> Option<Minimum> {
        if let Some(q) = &self.quadratic {
            let (a, b) = q.minimiser()?;
            return Some(Minimum {
                a,
                b,
                loss: q.at(a, b).max(0.0),
                exact: true,
            });
        }
        let (i, j, _) = self.lowest_cell()?;
        let cell = (
            (self.view.a.1 - self.view.a.0) / self.columns as f64,
            (self.view.b.1 - self.view.b.0) / self.rows as f64,
        );
        let (a, b, loss) = quadratic::refine(problem, params, (self.a_at(i), self.b_at(j)), cell);
        Some(Minimum {
            a,
            b,
            loss,
            exact: false,
        })
    }
}
