//! What the screen reads at the current parameters, computed once per change: L and ∇L
//! (the readouts, the loss chart's tangent), ŷ at every data point (the residuals, the
//! model's line) and the rows where a typed formula is not defined (the status line, the
//! table's marks, Step's refusal). For a typed formula one batched pass of dual numbers
//! gives all of it ([`crate::Problem::reading`]); before, each reader made a pass of its
//! own, seven or eight a move of a slider over 10 000 points (BENCHMARKS.md, "Typed
//! formula: dragging a").
//!
//! The reading is kept in the session keyed like its closed forms: by the problem (it is
//! dropped whenever the problem changes) and by the parameters (a reading made at other
//! parameters is never used: the bits are compared).

use super::Session;
use crate::formula::UndefinedRow;
use crate::loss::{self, Evaluation, Residual};
use crate::problem::Problem;
use std::sync::{Arc, Mutex};

/// The numbers read at one setting of the parameters.
#[derive(Debug, PartialEq)]
struct Reading {
    /// The parameters' bits it was read at.
    at: Vec<u64>,
    evaluation: Evaluation,
    /// ŷ at every data point, in order.
    predictions: Vec<f64>,
    /// The rows where a typed formula is not defined, in order.
    undefined: Vec<UndefinedRow>,
}

impl Reading {
    fn of(problem: &Problem, params: &[f64]) -> Reading {
        let (evaluation, defined, predictions) = problem.reading(params);
        // Row by row only where the batched pass found a non-finite number.
        let undefined = match problem.model.as_formula() {
            Some(formula) if !defined => formula.undefined_rows(params, problem.data.points()),
            _ => Vec::new(),
        };
        Reading {
            at: bits(params),
            evaluation,
            predictions,
            undefined,
        }
    }
}

fn bits(params: &[f64]) -> Vec<u64> {
    params.iter().map(|v| v.to_bits()).collect()
}

/// The session's last [`Reading`], if any. A cache: two sessions are equal whatever their
/// caches hold, and a clone shares the reading (it is never changed, only replaced).
#[derive(Default)]
pub(super) struct Current(Mutex<Option<Arc<Reading>>>);

impl Current {
    fn get(&self) -> Option<Arc<Reading>> {
        self.0.lock().ok().and_then(|kept| kept.clone())
    }

    fn put(&self, reading: Arc<Reading>) {
        if let Ok(mut kept) = self.0.lock() {
            *kept = Some(reading);
        }
    }

    /// The reading of `problem` at `params`: the kept one when it was made there, else a
    /// new one, kept.
    fn reading_at(&self, problem: &Problem, params: &[f64]) -> Arc<Reading> {
        if let Some(kept) = self.get() {
            if kept.at == bits(params) {
                return kept;
            }
        }
        let fresh = Arc::new(Reading::of(problem, params));
        self.put(Arc::clone(&fresh));
        fresh
    }

    /// L and ∂L/∂θ of `problem` at `params`, through the kept reading
    /// ([`Current::reading_at`]): what a step reads before and after itself, so the pass
    /// after a step is the one the screen then shows.
    pub(super) fn evaluation_at(&self, problem: &Problem, params: &[f64]) -> Evaluation {
        self.reading_at(problem, params).evaluation.clone()
    }
}

impl Clone for Current {
    fn clone(&self) -> Self {
        Current(Mutex::new(self.get()))
    }
}

impl PartialEq for Current {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Current {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Current")
    }
}

impl Session {
    /// The reading at the current parameters: the kept one when it was made there, else
    /// a new one, kept.
    fn reading(&self) -> Arc<Reading> {
        self.current.reading_at(&self.problem, self.run.params())
    }

    /// L and ∂L/∂θ at the current parameters.
    pub fn evaluation(&self) -> Evaluation {
        self.reading().evaluation.clone()
    }

    /// Each data point with the model's prediction, residual and share of L, in table
    /// order.
    pub fn residuals(&self) -> Vec<Residual> {
        let reading = self.reading();
        loss::residuals_from(
            self.problem.loss,
            self.problem.data.points(),
            &reading.predictions,
        )
    }

    /// ŷ at every data point at the current parameters, in order (what
    /// [`Session::residuals`] and [`Session::line_over_data`] are made of).
    pub(super) fn predictions(&self) -> Vec<f64> {
        self.reading().predictions.clone()
    }

    /// The data rows where a typed formula's prediction (or a derivative) is not a
    /// finite number at the current parameters, each with the reason and the part of the
    /// formula at fault; empty for a built-in model or a formula defined at every row.
    pub fn undefined_rows(&self) -> Vec<UndefinedRow> {
        self.reading().undefined.clone()
    }

    /// The first row of [`Session::undefined_rows`].
    pub fn first_undefined(&self) -> Option<UndefinedRow> {
        self.reading().undefined.first().copied()
    }
}
