//! A surface computed a few rows at a time, so that a map evaluated point by point (a
//! typed formula over 1 000 points: 44 × 44 cells, tens of milliseconds) can be spread
//! over several frames instead of holding the page in one long task. The rows are the
//! same numbers [`Surface::compute`] gives (it is this, run to the end at once).

use super::{Method, Quadratic, Surface, View, MAX_CELLS};
use crate::formula::Reason;
use crate::model::Model;
use crate::problem::Problem;

/// A [`Surface`] whose rows are being computed, lowest b first ([`Surface::begin`]).
#[derive(Clone, Debug, PartialEq)]
pub struct PartialSurface {
    surface: Surface,
    /// The parameter vector the cells are evaluated at (a and b change per cell).
    point: Vec<f64>,
}

impl Surface {
    /// A surface of `problem` over `view` at `columns` × `rows` cells (each from 2 to
    /// [`MAX_CELLS`]) with no row computed yet, the parameters after the first two held
    /// at `params`. `None` when the model has fewer than two parameters.
    pub fn begin(
        problem: &Problem,
        params: &[f64],
        view: View,
        columns: usize,
        rows: usize,
    ) -> Option<PartialSurface> {
        if problem.model.param_count() < 2 {
            return None;
        }
        let view = View::new(view.a, view.b);
        let (columns, rows) = (columns.clamp(2, MAX_CELLS), rows.clamp(2, MAX_CELLS));
        let quadratic = Quadratic::of(problem, params);
        let mut point = params.to_vec();
        point.resize(problem.model.param_count(), 0.0);
        Some(PartialSurface {
            surface: Surface {
                view,
                columns,
                rows,
                values: Vec::with_capacity(columns * rows),
                method: if quadratic.is_some() {
                    Method::Sums
                } else {
                    Method::PerPoint
                },
                quadratic,
            },
            point,
        })
    }
}

impl PartialSurface {
    /// How the values are computed: from the data's sums (O(1) a cell) or point by point.
    pub fn method(&self) -> Method {
        self.surface.method
    }

    /// How many rows are computed.
    pub fn rows_done(&self) -> usize {
        self.surface.values.len() / self.surface.columns.max(1)
    }

    /// Whether every row is computed.
    pub fn is_done(&self) -> bool {
        self.rows_done() >= self.surface.rows
    }

    /// Computes up to `count` more rows of `problem` (the problem it was begun with);
    /// returns whether every row is now computed.
    pub fn fill_rows(&mut self, problem: &Problem, count: usize) -> bool {
        let surface = &mut self.surface;
        let start = surface.values.len() / surface.columns.max(1);
        let end = start.saturating_add(count).min(surface.rows);
        // Each column's a, worked out once rather than at every cell.
        let columns: Vec<f64> = (0..surface.columns).map(|i| surface.a_at(i)).collect();
        for j in start..end {
            let b = surface.b_at(j);
            for &a in &columns {
                let value = match &surface.quadratic {
                    Some(q) => q.at(a, b),
                    None => {
                        if let Some(p) = self.point.get_mut(0) {
                            *p = a;
                        }
                        if let Some(p) = self.point.get_mut(1) {
                            *p = b;
                        }
                        problem.loss_at(&self.point)
                    }
                };
                surface.values.push(cell_value(problem, &self.point, value));
            }
        }
        self.is_done()
    }

    /// The surface, its remaining rows computed from `problem` first.
    pub fn finish(mut self, problem: &Problem) -> Surface {
        self.fill_rows(problem, usize::MAX);
        self.surface
    }
}

/// What a cell stores for L: L itself (never below 0: rounding in the sums), `+∞` for a
/// value too large to be a finite number, NaN where a typed formula is not defined (ln of
/// a negative number, division by zero … at some row: the map hatches those cells).
fn cell_value(problem: &Problem, point: &[f64], value: f64) -> f64 {
    if value.is_finite() {
        return value.max(0.0);
    }
    let undefined = match &problem.model {
        Model::Formula(formula) => formula
            .first_failure(point, problem.data.points())
            .is_some_and(|reason| reason != Reason::Overflow),
        _ => false,
    };
    if undefined {
        f64::NAN
    } else {
        f64::INFINITY
    }
}
