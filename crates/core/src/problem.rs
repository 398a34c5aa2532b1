//! A problem: data, a model, a loss, and which parameters are frozen. Everything the
//! lesson computes at a given parameter vector goes through it.

use crate::data::Dataset;
use crate::loss::{self, Evaluation, Loss, Residual};
use crate::model::Model;
use crate::normal::{Features, NormalEquations};

/// What gradient descent minimises: L(θ) for a dataset, a model and a loss, with some
/// parameters possibly frozen.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The data.
    pub data: Dataset,
    /// The model ŷ(x; θ).
    pub model: Model,
    /// The loss L.
    pub loss: Loss,
    /// `frozen[i]` keeps parameter i fixed; missing entries mean free.
    pub frozen: Vec<bool>,
}

impl Problem {
    /// A problem with every parameter free.
    pub fn new(data: Dataset, model: Model, loss: Loss) -> Self {
        let frozen = vec![false; model.param_count()];
        Self {
            data,
            model,
            loss,
            frozen,
        }
    }

    /// Whether parameter `index` is frozen.
    pub fn is_frozen(&self, index: usize) -> bool {
        self.frozen.get(index).copied().unwrap_or(false)
    }

    /// The free-parameter mask, one entry per model parameter.
    pub fn free_mask(&self) -> Vec<bool> {
        (0..self.model.param_count())
            .map(|i| !self.is_frozen(i))
            .collect()
    }

    /// L(θ). A typed formula evaluates 64 points per instruction
    /// (`FormulaModel::loss_value`, the same number to the bit) rather than one point
    /// at a time through the generic loss: what every loss curve and map cell calls.
    pub fn loss_at(&self, params: &[f64]) -> f64 {
        match &self.model {
            Model::Formula(formula) => formula.loss_value(self.loss, self.data.points(), params),
            model => loss::loss_value(model, self.loss, self.data.points(), params),
        }
    }

    /// L(θ) and ∂L/∂θ (0 for frozen parameters).
    pub fn evaluate(&self, params: &[f64]) -> Evaluation {
        self.evaluate_free(params, &self.free_mask())
    }

    /// L(θ) and ∂L/∂θ with the parameters `free` says (0 for the others), whatever the
    /// problem's own frozen flags. A typed formula computes its dual numbers 64 points
    /// an instruction (`FormulaModel::evaluate`, the same numbers to the bit).
    pub fn evaluate_free(&self, params: &[f64], free: &[bool]) -> Evaluation {
        match &self.model {
            Model::Formula(formula) => {
                formula.evaluate(self.loss, self.data.points(), params, free)
            }
            model => loss::evaluate(model, self.loss, self.data.points(), params, free),
        }
    }

    /// L(θ) and ∂L/∂θ as [`Problem::evaluate`] gives them, ŷ at every data point (in
    /// order) and whether a typed formula's ŷ and ∂ŷ/∂θ are finite at every point (as
    /// `FormulaModel::defined_everywhere` says; always for a built-in model): for a
    /// typed formula one batched pass gives all three.
    pub fn reading(&self, params: &[f64]) -> (Evaluation, bool, Vec<f64>) {
        let points = self.data.points();
        match &self.model {
            Model::Formula(formula) => {
                formula.evaluate_with_predictions(self.loss, points, params, &self.free_mask())
            }
            model => (
                self.evaluate(params),
                true,
                points.iter().map(|p| model.predict(params, p.x)).collect(),
            ),
        }
    }

    /// Each point's residual and contribution to L.
    pub fn residuals(&self, params: &[f64]) -> Vec<Residual> {
        loss::residuals(&self.model, self.loss, self.data.points(), params)
    }

    /// The largest learning rate γ for which gradient descent still converges, when the
    /// loss is a quadratic in the free parameters (a model linear in its parameters with
    /// the L2 loss or MSE): γ < 2/λ_max, where λ_max is the largest eigenvalue of the
    /// loss's Hessian. For the lecture, L = Σ(y − a·x)² has L'' = 2Σx², so the limit is
    /// 1/Σx² ≈ 0.008048.
    ///
    /// `None` when there is no fixed limit: a non-quadratic loss or model, no free
    /// parameter, or a flat loss (λ_max = 0).
    pub fn learning_rate_limit(&self) -> Option<f64> {
        if !self.model.is_linear_in_params() || !self.loss.is_quadratic() {
            return None;
        }
        let scale = 2.0 * self.loss.scale(self.data.len());
        // A typed model with other features: the Hessian's own largest eigenvalue.
        let params = vec![0.0; self.model.param_count()];
        match NormalEquations::of(&self.model, self.data.points(), &params, &|i| {
            self.is_frozen(i)
        }) {
            Features::BuiltIn => {}
            Features::Unusable => return None,
            Features::General(equations) => {
                let lambda = equations.largest_eigenvalue() * scale;
                return (lambda > 0.0 && lambda.is_finite()).then(|| 2.0 / lambda);
            }
        }
        let s = self.data.sums();
        let a_free = !self.is_frozen(0);
        let b_free = self.model.param_count() > 1 && !self.is_frozen(1);
        // The Hessian of Σ(y − a·x − b)² over the free parameters, divided by 2.
        let lambda = match (a_free, b_free) {
            (true, true) => {
                let (p, q, r) = (s.xx, s.x, s.n);
                (p + r) / 2.0 + (((p - r) / 2.0).powi(2) + q * q).sqrt()
            }
            (true, false) => s.xx,
            (false, true) => s.n,
            (false, false) => return None,
        } * scale;
        (lambda > 0.0 && lambda.is_finite()).then(|| 2.0 / lambda)
    }
}
