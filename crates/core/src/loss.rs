//! Losses: how far the predictions are from the data, and how that changes with each
//! parameter (the chain rule through the model).
//!
//! With the residual `r = y − ŷ(x)`:
//! - L2 (the lecture's): `L = Σ r²`, `∂L/∂θ = Σ −2r · ∂ŷ/∂θ`;
//! - mean squared error: `L = (1/n) Σ r²`, `∂L/∂θ = (1/n) Σ −2r · ∂ŷ/∂θ`;
//! - L1: `L = Σ |r|`, `∂L/∂θ = Σ −sign(r) · ∂ŷ/∂θ`, with the subgradient 0 where r = 0.

use crate::data::Point;
use crate::parametric::{ParametricModel, MAX_PARAMS};
use serde::{Deserialize, Serialize};

/// A loss function.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Loss {
    /// `L = Σ (y − ŷ)²`: the lecture's L2 loss, a plain sum.
    #[default]
    L2,
    /// `L = (1/n) Σ (y − ŷ)²`: mean squared error.
    Mse,
    /// `L = Σ |y − ŷ|`: the L1 loss.
    L1,
}

impl Loss {
    /// Every loss, in the order the interface lists them.
    pub const ALL: [Loss; 3] = [Loss::L2, Loss::Mse, Loss::L1];

    /// The formula as a student reads it.
    pub fn formula(self) -> &'static str {
        match self {
            Loss::L2 => "L = Σ (y − ŷ)²",
            Loss::Mse => "L = (1/n) Σ (y − ŷ)²",
            Loss::L1 => "L = Σ |y − ŷ|",
        }
    }

    /// A stable machine name (used in links and saved lessons).
    pub fn id(self) -> &'static str {
        match self {
            Loss::L2 => "l2",
            Loss::Mse => "mse",
            Loss::L1 => "l1",
        }
    }

    /// The loss with the given [`Loss::id`].
    pub fn from_id(id: &str) -> Option<Loss> {
        Loss::ALL.into_iter().find(|l| l.id() == id)
    }

    /// Whether the loss is a smooth quadratic in the residuals (so gradient descent on a
    /// model linear in its parameters has a fixed learning-rate limit).
    pub fn is_quadratic(self) -> bool {
        matches!(self, Loss::L2 | Loss::Mse)
    }

    /// A point's contribution `ℓ(r)` to the sum, before any mean is taken.
    #[inline]
    pub fn term(self, residual: f64) -> f64 {
        match self {
            Loss::L2 | Loss::Mse => residual * residual,
            Loss::L1 => residual.abs(),
        }
    }

    /// `dℓ/dŷ` for one point, before any mean is taken (`r = y − ŷ`).
    #[inline]
    pub fn term_derivative(self, residual: f64) -> f64 {
        match self {
            Loss::L2 | Loss::Mse => -2.0 * residual,
            Loss::L1 => {
                if residual > 0.0 {
                    -1.0
                } else if residual < 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
        }
    }

    /// The factor applied to the sum of terms: `1/n` for the mean, 1 otherwise.
    pub fn scale(self, n: usize) -> f64 {
        match self {
            Loss::Mse if n > 0 => 1.0 / n as f64,
            _ => 1.0,
        }
    }
}

/// The loss and its gradient at one parameter vector.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The value L.
    pub loss: f64,
    /// ∂L/∂θ for each parameter, in the model's order; 0 for a frozen parameter.
    pub gradient: Vec<f64>,
}

impl Evaluation {
    /// Whether the loss and every gradient entry are finite.
    pub fn is_finite(&self) -> bool {
        self.loss.is_finite() && self.gradient.iter().all(|g| g.is_finite())
    }

    /// The largest absolute gradient entry (the ∞-norm).
    pub fn gradient_norm(&self) -> f64 {
        self.gradient.iter().fold(0.0, |m, g| m.max(g.abs()))
    }
}

/// One point's part of the loss, as the worked sums on the slides show it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Residual {
    /// The input x.
    pub x: f64,
    /// The observed y.
    pub y: f64,
    /// The prediction ŷ(x).
    pub prediction: f64,
    /// The residual y − ŷ(x).
    pub residual: f64,
    /// This point's share of L (for MSE already divided by n).
    pub contribution: f64,
}

/// The loss value alone (cheaper than [`evaluate`] when no gradient is needed).
pub fn loss_value(
    model: impl ParametricModel,
    loss: Loss,
    points: &[Point],
    params: &[f64],
) -> f64 {
    let sum = if model.is_proportional() {
        let a = params.first().copied().unwrap_or(0.0);
        sum_terms(points, loss, |x| a * x)
    } else {
        sum_terms(points, loss, |x| model.predict(params, x))
    };
    sum * loss.scale(points.len())
}

fn sum_terms(points: &[Point], loss: Loss, predict: impl Fn(f64) -> f64) -> f64 {
    // Four independent accumulators let the CPU overlap the additions.
    let mut acc = [0.0f64; 4];
    let chunks = points.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        for (k, p) in c.iter().enumerate() {
            acc[k] += loss.term(p.y - predict(p.x));
        }
    }
    for p in rest {
        acc[0] += loss.term(p.y - predict(p.x));
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3])
}

/// The loss and its gradient with respect to the free parameters.
///
/// `free[i] == false` freezes parameter i: its gradient entry is 0. A `free` slice that
/// is too short leaves the missing parameters free.
pub fn evaluate(
    model: impl ParametricModel,
    loss: Loss,
    points: &[Point],
    params: &[f64],
    free: &[bool],
) -> Evaluation {
    // The lecture's case gets a loop of its own: it is the one benchmarked against
    // numpy, and it is what every slider movement computes.
    let (sum, grad) = if model.is_proportional() && loss.is_quadratic() {
        let a = params.first().copied().unwrap_or(0.0);
        linear_l2(points, a)
    } else {
        accumulate(points, loss, |x| model.predict_with_gradient(params, x))
    };
    finish(loss, points.len(), model.param_count(), (sum, grad), free)
}

/// The evaluation from the sums Σℓ(r) and Σ ∂ℓ/∂θ over `n` points: scaled (MSE), one
/// gradient entry per parameter, 0 for a frozen one. Shared with a typed formula's
/// batched loop, so both end the same way.
pub(crate) fn finish(
    loss: Loss,
    n: usize,
    param_count: usize,
    (sum, grad): (f64, [f64; MAX_PARAMS]),
    free: &[bool],
) -> Evaluation {
    let scale = loss.scale(n);
    let gradient = (0..param_count)
        .map(|i| {
            if free.get(i).copied().unwrap_or(true) {
                grad.get(i).copied().unwrap_or(0.0) * scale
            } else {
                0.0
            }
        })
        .collect();
    Evaluation {
        loss: sum * scale,
        gradient,
    }
}

/// Σ r² and Σ −2r·x for ŷ = a·x, with four accumulators.
fn linear_l2(points: &[Point], a: f64) -> (f64, [f64; MAX_PARAMS]) {
    let mut l = [0.0f64; 4];
    let mut g = [0.0f64; 4];
    let chunks = points.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        for (k, p) in c.iter().enumerate() {
            let r = p.y - a * p.x;
            l[k] += r * r;
            g[k] += r * p.x;
        }
    }
    for p in rest {
        let r = p.y - a * p.x;
        l[0] += r * r;
        g[0] += r * p.x;
    }
    let loss = (l[0] + l[1]) + (l[2] + l[3]);
    let rx = (g[0] + g[1]) + (g[2] + g[3]);
    let mut gradient = [0.0; MAX_PARAMS];
    gradient[0] = -2.0 * rx;
    (loss, gradient)
}

fn accumulate(
    points: &[Point],
    loss: Loss,
    predict: impl Fn(f64) -> (f64, [f64; MAX_PARAMS]),
) -> (f64, [f64; MAX_PARAMS]) {
    let mut sum = 0.0;
    let mut grad = [0.0; MAX_PARAMS];
    for p in points {
        let (prediction, dy) = predict(p.x);
        let r = p.y - prediction;
        sum += loss.term(r);
        let d = loss.term_derivative(r);
        for (g, dyi) in grad.iter_mut().zip(dy) {
            *g += d * dyi;
        }
    }
    (sum, grad)
}

/// Each point's residual and contribution, in table order.
pub fn residuals(
    model: impl ParametricModel,
    loss: Loss,
    points: &[Point],
    params: &[f64],
) -> Vec<Residual> {
    let predictions: Vec<f64> = points.iter().map(|p| model.predict(params, p.x)).collect();
    residuals_from(loss, points, &predictions)
}

/// Each point's residual and contribution, in table order, from the model's predictions
/// at the points (`predictions[i]` at `points[i]`; points past the end of `predictions`
/// are left out).
pub fn residuals_from(loss: Loss, points: &[Point], predictions: &[f64]) -> Vec<Residual> {
    let scale = loss.scale(points.len());
    points
        .iter()
        .zip(predictions)
        .map(|(p, &prediction)| {
            let residual = p.y - prediction;
            Residual {
                x: p.x,
                y: p.y,
                prediction,
                residual,
                contribution: loss.term(residual) * scale,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;

    #[test]
    fn l1_subgradient_is_zero_at_a_zero_residual() {
        assert_eq!(Loss::L1.term_derivative(0.0), 0.0);
        let e = evaluate(
            Model::Linear,
            Loss::L1,
            &[Point::new(1.0, 2.0)],
            &[2.0],
            &[true],
        );
        assert_eq!(e.gradient, vec![0.0]);
    }

    #[test]
    fn frozen_parameters_have_zero_gradient() {
        let pts = [Point::new(1.0, 5.0)];
        let e = evaluate(Model::Affine, Loss::L2, &pts, &[1.0, 1.0], &[true, false]);
        assert_eq!(e.gradient[1], 0.0);
        assert!(e.gradient[0] < 0.0);
    }
}
