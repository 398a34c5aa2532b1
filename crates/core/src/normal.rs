//! The normal equations of a least-squares fit for any model linear in its parameters,
//! ŷ = c(x) + Σ θᵢ·φᵢ(x) with φᵢ = ∂ŷ/∂θᵢ (a typed `2.5*a*x + b`, `a*x^2 + b*x + c` …):
//! the closed-form minimiser over the free parameters and the Hessian's largest
//! eigenvalue, which sets the learning-rate limit.
//!
//! The built-in ŷ = a·x and a·x + b keep their own formulas from the data's sums
//! (`analysis::closed_form`, `Problem::learning_rate_limit`), which give the lecture's
//! figures to the bit; [`NormalEquations::of`] says `None` for a model whose features are
//! exactly theirs (φ = x, 1 and no c(x)), so a typed `a*x + b` shows the same digits.

use crate::data::Point;
use crate::parametric::{ParametricModel, MAX_PARAMS};

/// Which closed forms fit a model linear in its parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum Features {
    /// φ = x (and 1), no c(x): the built-in ŷ = a·x (+ b)'s own formulas from the sums.
    BuiltIn,
    /// Any other features: the general equations.
    General(NormalEquations),
    /// No free parameter, or a sum that is not a finite number.
    Unusable,
}

/// Σφφᵀ over the free parameters and Σφ·(y − the part of ŷ that is not free), at most
/// [`MAX_PARAMS`] of them.
#[derive(Clone, Debug, PartialEq)]
pub struct NormalEquations {
    /// The indices of the free parameters, in order.
    free: Vec<usize>,
    /// Σφᵢφⱼ, row-major over `free`.
    gram: Vec<f64>,
    /// Σφᵢ·tᵢ with t = y − c(x) − Σ_frozen θⱼφⱼ.
    rhs: Vec<f64>,
    /// Σt², the loss with every free parameter at 0: the scale L is computed at.
    target_squares: f64,
}

impl NormalEquations {
    /// The features of `model` (linear in its parameters) over `points` at `params`, with
    /// the parameters `frozen` held (see [`Features`] and the module docs).
    pub fn of(
        model: &dyn ParametricModel,
        points: &[Point],
        params: &[f64],
        frozen: &dyn Fn(usize) -> bool,
    ) -> Features {
        // Only a typed formula has other features: without formulas (descent-core's
        // `formula` feature) every model is a built-in one, and this code stays out.
        if !cfg!(feature = "formula") {
            return Features::BuiltIn;
        }
        let count = model.param_count().min(MAX_PARAMS);
        let value = |i: usize| params.get(i).copied().unwrap_or(0.0);
        let free: Vec<usize> = (0..count).filter(|&i| !frozen(i)).collect();
        let k = free.len();
        let (mut gram, mut rhs) = (vec![0.0; k * k], vec![0.0; k]);
        let mut target_squares = 0.0;
        let mut built_in_shape = count <= 2;
        for p in points {
            let (prediction, phi) = model.predict_with_gradient(params, p.x);
            let linear_part: f64 = (0..count).map(|i| value(i) * phi[i]).sum();
            let offset = prediction - linear_part;
            built_in_shape &= phi[0] == p.x && (count < 2 || phi[1] == 1.0) && offset == 0.0;
            let frozen_part: f64 = (0..count)
                .filter(|&i| frozen(i))
                .map(|i| value(i) * phi[i])
                .sum();
            let target = p.y - offset - frozen_part;
            target_squares += target * target;
            for (r, &i) in free.iter().enumerate() {
                rhs[r] += phi[i] * target;
                for (c, &j) in free.iter().enumerate() {
                    gram[r * k + c] += phi[i] * phi[j];
                }
            }
        }
        let all_finite = gram
            .iter()
            .chain(&rhs)
            .chain([&target_squares])
            .all(|v| v.is_finite());
        if built_in_shape {
            Features::BuiltIn
        } else if free.is_empty() || !all_finite {
            Features::Unusable
        } else {
            Features::General(NormalEquations {
                free,
                gram,
                rhs,
                target_squares,
            })
        }
    }

    /// The free parameters' indices.
    pub fn free(&self) -> &[usize] {
        &self.free
    }

    /// The least-squares values of the free parameters (in [`NormalEquations::free`]'s
    /// order), by Gaussian elimination with partial pivoting; `None` when the features are
    /// linearly dependent on the data (no unique minimum).
    ///
    /// A value the loss cannot tell from 0 is 0: at the minimum, moving θᵢ to 0 raises L
    /// by θᵢ²·Σφᵢ², and where that is below L's own rounding (ε·Σt²) the elimination's
    /// rounding left it, not the data. The others are then solved again without it, so
    /// `a*x^2 + b*x + c` on the lecture's y = 9.8·x gives (0, 9.8, 0) to the bit, not
    /// (−2.3e−14, 9.800000000000294, −6.7e−13).
    pub fn solve(&self) -> Option<Vec<f64>> {
        let k = self.free.len();
        let mut x = eliminate(self.gram.clone(), self.rhs.clone(), k)?;
        let felt: Vec<usize> = (0..k)
            .filter(|&i| x[i] * x[i] * self.gram[i * k + i] > f64::EPSILON * self.target_squares)
            .collect();
        if felt.len() < k {
            let gram = felt
                .iter()
                .flat_map(|&r| felt.iter().map(move |&c| self.gram[r * k + c]))
                .collect();
            let rhs = felt.iter().map(|&r| self.rhs[r]).collect();
            let reduced = eliminate(gram, rhs, felt.len())?;
            x = vec![0.0; k];
            for (&i, t) in felt.iter().zip(reduced) {
                x[i] = t;
            }
        }
        x.iter().all(|t| t.is_finite()).then_some(x)
    }

    /// The largest eigenvalue of Σφφᵀ (half the L2 loss's Hessian over the free
    /// parameters), by Jacobi rotations: exact to rounding for these few parameters.
    pub fn largest_eigenvalue(&self) -> f64 {
        let k = self.free.len();
        let mut m = self.gram.clone();
        for _sweep in 0..50 {
            let off: f64 = (0..k)
                .flat_map(|r| (0..k).filter(move |&c| c != r).map(move |c| (r, c)))
                .map(|(r, c)| m[r * k + c] * m[r * k + c])
                .sum();
            if off
                <= f64::EPSILON
                    * f64::EPSILON
                    * (0..k).map(|i| m[i * k + i] * m[i * k + i]).sum::<f64>()
            {
                break;
            }
            for p in 0..k {
                for q in p + 1..k {
                    let apq = m[p * k + q];
                    if apq == 0.0 {
                        continue;
                    }
                    let theta = (m[q * k + q] - m[p * k + p]) / (2.0 * apq);
                    let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                    let t = if theta == 0.0 { 1.0 } else { t };
                    let (c, s) = (1.0 / (t * t + 1.0).sqrt(), t / (t * t + 1.0).sqrt());
                    for r in 0..k {
                        let (mrp, mrq) = (m[r * k + p], m[r * k + q]);
                        m[r * k + p] = c * mrp - s * mrq;
                        m[r * k + q] = s * mrp + c * mrq;
                    }
                    for r in 0..k {
                        let (mpr, mqr) = (m[p * k + r], m[q * k + r]);
                        m[p * k + r] = c * mpr - s * mqr;
                        m[q * k + r] = s * mpr + c * mqr;
                    }
                }
            }
        }
        (0..k)
            .map(|i| m[i * k + i])
            .fold(f64::NEG_INFINITY, f64::max)
    }
}

/// Solves the `k`×`k` system `m`·x = `v` (`m` row-major) by Gaussian elimination with
/// partial pivoting; `None` when it is singular to rounding.
fn eliminate(mut m: Vec<f64>, mut v: Vec<f64>, k: usize) -> Option<Vec<f64>> {
    let scale = (0..k).map(|i| m[i * k + i].abs()).fold(0.0, f64::max);
    for col in 0..k {
        let pivot =
            (col..k).max_by(|&r, &s| m[r * k + col].abs().total_cmp(&m[s * k + col].abs()))?;
        if m[pivot * k + col].abs() <= 1e-12 * scale || scale == 0.0 {
            return None;
        }
        if pivot != col {
            for c in 0..k {
                m.swap(pivot * k + c, col * k + c);
            }
            v.swap(pivot, col);
        }
        for r in col + 1..k {
            let f = m[r * k + col] / m[col * k + col];
            for c in col..k {
                m[r * k + c] -= f * m[col * k + c];
            }
            v[r] -= f * v[col];
        }
    }
    let mut x = vec![0.0; k];
    for r in (0..k).rev() {
        let known: f64 = (r + 1..k).map(|c| m[r * k + c] * x[c]).sum();
        x[r] = (v[r] - known) / m[r * k + r];
    }
    Some(x)
}
