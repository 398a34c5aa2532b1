//! L as a quadratic in (a, b) for a model linear in its parameters, from sums over the
//! data; the learning-rate limits its constant Hessian sets; and the refinement of a
//! grid minimum when L is no quadratic.

use crate::problem::Problem;

/// L(a, b) = s·[R₀ − 2Δa·R₁ − 2Δb·R₂ + Δa²·S_aa + 2Δa·Δb·S_ab + Δb²·S_bb] with
/// Δ = (a, b) − (a₀, b₀), for ŷ = c(x) + a·φ(x) + b·ψ(x) (for ŷ = a·x + b: φ = x, ψ = 1),
/// where r = y − ŷ(a₀, b₀), R₀ = Σr², R₁ = Σr·φ, R₂ = Σr·ψ, S_aa = Σφ², S_ab = Σφ·ψ,
/// S_bb = Σψ², and s is 1 for the sum (L2) or 1/n for the mean (MSE).
///
/// These are the data's sums Σx, Σy, Σx², Σxy, Σy², n taken about a reference point
/// (a₀, b₀), the closed-form minimum when there is one: about it R₁ = R₂ = 0 and R₀ is the
/// least loss, so L near the valley floor keeps its digits instead of being the small
/// difference of large sums (Σy² − 2aΣxy − …). One pass over the data to find the
/// minimum, one about it; then every L(a, b) is O(1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quadratic {
    reference: (f64, f64),
    r: [f64; 3],
    s_aa: f64,
    s_ab: f64,
    s_bb: f64,
    scale: f64,
}

impl Quadratic {
    /// The quadratic of `problem`'s loss over its first two parameters (the others held
    /// at `params`), when its model is linear in its parameters and its loss is L2 or
    /// MSE; `None` otherwise, or when a sum overflows.
    pub fn of(problem: &Problem, params: &[f64]) -> Option<Quadratic> {
        let model = &problem.model;
        if model.param_count() < 2 || !model.is_linear_in_params() || !problem.loss.is_quadratic() {
            return None;
        }
        let mut point = params.to_vec();
        point.resize(model.param_count(), 0.0);
        let first = Self::about(problem, &point)?;
        let Some((a, b)) = first.minimiser() else {
            return Some(first);
        };
        point[0] = a;
        point[1] = b;
        Self::about(problem, &point).or(Some(first))
    }

    /// The sums about `point` (one pass over the data).
    fn about(problem: &Problem, point: &[f64]) -> Option<Quadratic> {
        let model = &problem.model;
        let (mut r, mut s) = ([0.0f64; 3], [0.0f64; 3]);
        for p in problem.data.points() {
            let residual = p.y - model.predict(point, p.x);
            let g = model.prediction_gradient(point, p.x);
            let (phi, psi) = (g[0], g[1]);
            r[0] += residual * residual;
            r[1] += residual * phi;
            r[2] += residual * psi;
            s[0] += phi * phi;
            s[1] += phi * psi;
            s[2] += psi * psi;
        }
        let q = Quadratic {
            reference: (point.first().copied()?, point.get(1).copied()?),
            r,
            s_aa: s[0],
            s_ab: s[1],
            s_bb: s[2],
            scale: problem.loss.scale(problem.data.len()),
        };
        (r.iter().chain(&s).all(|v| v.is_finite())).then_some(q)
    }

    /// L(a, b), O(1).
    #[inline]
    pub fn at(&self, a: f64, b: f64) -> f64 {
        let (da, db) = (a - self.reference.0, b - self.reference.1);
        self.scale
            * (self.r[0] - 2.0 * (da * self.r[1] + db * self.r[2])
                + da * da * self.s_aa
                + 2.0 * da * db * self.s_ab
                + db * db * self.s_bb)
    }

    /// ∇L(a, b) = (∂L/∂a, ∂L/∂b).
    pub fn gradient(&self, a: f64, b: f64) -> (f64, f64) {
        let (da, db) = (a - self.reference.0, b - self.reference.1);
        let k = 2.0 * self.scale;
        (
            k * (da * self.s_aa + db * self.s_ab - self.r[1]),
            k * (da * self.s_ab + db * self.s_bb - self.r[2]),
        )
    }

    /// The Hessian, constant: 2s·[[S_aa, S_ab], [S_ab, S_bb]] (for ŷ = a·x + b and the
    /// sum, 2·[[Σx², Σx], [Σx, n]]).
    pub fn hessian(&self) -> [[f64; 2]; 2] {
        let k = 2.0 * self.scale;
        [
            [k * self.s_aa, k * self.s_ab],
            [k * self.s_ab, k * self.s_bb],
        ]
    }

    /// The Hessian's eigenvalues (λmax, λmin).
    pub fn eigenvalues(&self) -> (f64, f64) {
        let [[p, q], [_, r]] = self.hessian();
        let mid = (p + r) / 2.0;
        let radius = (((p - r) / 2.0).powi(2) + q * q).sqrt();
        (mid + radius, mid - radius)
    }

    /// The condition number λmax/λmin: how long and narrow the valley is (about 159 on
    /// the lecture's table with ŷ = a·x + b). `None` when λmin is not positive (a valley
    /// with a flat floor).
    pub fn condition_number(&self) -> Option<f64> {
        let (max, min) = self.eigenvalues();
        (min > 1e-12 * max && min > 0.0).then(|| max / min)
    }

    /// The unique minimiser (a*, b*), solving the normal equations; `None` when they
    /// have no unique solution (every φ(x) a multiple of ψ(x): all x equal, or no data).
    pub fn minimiser(&self) -> Option<(f64, f64)> {
        let det = self.s_aa * self.s_bb - self.s_ab * self.s_ab;
        if det.is_nan() || det <= 1e-12 * self.s_aa * self.s_bb {
            return None;
        }
        let da = (self.r[1] * self.s_bb - self.r[2] * self.s_ab) / det;
        let db = (self.r[2] * self.s_aa - self.r[1] * self.s_ab) / det;
        let (a, b) = (self.reference.0 + da, self.reference.1 + db);
        (a.is_finite() && b.is_finite()).then_some((a, b))
    }

    /// The learning-rate limits set by this Hessian; `None` when it is flat.
    pub fn limits(&self) -> Option<LearningRateLimits> {
        learning_rate_limits(self.eigenvalues().0)
    }
}

/// The largest stable learning rates on a quadratic whose Hessian's largest eigenvalue
/// is `lambda_max` (from the linear recurrence each method is on a quadratic).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LearningRateLimits {
    /// λmax, the Hessian's largest eigenvalue.
    pub lambda_max: f64,
}

/// The limits for a Hessian with largest eigenvalue `lambda_max`; `None` unless it is a
/// positive finite number.
pub fn learning_rate_limits(lambda_max: f64) -> Option<LearningRateLimits> {
    (lambda_max.is_finite() && lambda_max > 0.0).then_some(LearningRateLimits { lambda_max })
}

impl LearningRateLimits {
    /// Gradient descent: γ < 2/λmax (≈ 0.00791 on `lecture-ab`).
    pub fn gd(&self) -> f64 {
        2.0 / self.lambda_max
    }

    /// Heavy-ball momentum with β: γ < 2(1 + β)/λmax (the recurrence
    /// θ' = θ − γ(βv + λθ) has its roots inside the unit circle exactly then).
    pub fn momentum(&self, beta: f64) -> f64 {
        2.0 * (1.0 + beta) / self.lambda_max
    }

    /// Nesterov momentum (torch.optim's form) with β: γ < 2(1 + β)/((1 + 2β)·λmax).
    pub fn nesterov(&self, beta: f64) -> f64 {
        2.0 * (1.0 + beta) / ((1.0 + 2.0 * beta) * self.lambda_max)
    }
}

/// The lowest grid cell `start` refined by up to 30 Newton steps (Hessian by central
/// differences of the exact gradient), each halved until L falls, or a descent step
/// where the Hessian is not positive definite. `cell` is a grid cell's size, the first
/// descent step's length. Returns (a, b, L); never worse than `start`.
pub(super) fn refine(
    problem: &Problem,
    params: &[f64],
    start: (f64, f64),
    cell: (f64, f64),
) -> (f64, f64, f64) {
    let mut free = problem.clone();
    free.frozen = (0..problem.model.param_count()).map(|i| i >= 2).collect();
    let mut point = params.to_vec();
    point.resize(problem.model.param_count(), 0.0);
    let eval = |a: f64, b: f64, point: &mut Vec<f64>| {
        point[0] = a;
        point[1] = b;
        let e = free.evaluate(point);
        let g0 = e.gradient.first().copied().unwrap_or(0.0);
        let g1 = e.gradient.get(1).copied().unwrap_or(0.0);
        (e.loss, g0, g1)
    };
    let (mut a, mut b) = start;
    let (mut loss, mut ga, mut gb) = eval(a, b, &mut point);
    if !loss.is_finite() {
        return (a, b, loss);
    }
    for _ in 0..30 {
        let (ha, hb) = (1e-6 * (1.0 + a.abs()), 1e-6 * (1.0 + b.abs()));
        let (_, pa0, pb0) = eval(a + ha, b, &mut point);
        let (_, ma0, mb0) = eval(a - ha, b, &mut point);
        let (_, pa1, pb1) = eval(a, b + hb, &mut point);
        let (_, ma1, mb1) = eval(a, b - hb, &mut point);
        let haa = (pa0 - ma0) / (2.0 * ha);
        let hbb = (pb1 - mb1) / (2.0 * hb);
        let hab = ((pb0 - mb0) / (2.0 * ha) + (pa1 - ma1) / (2.0 * hb)) / 2.0;
        let det = haa * hbb - hab * hab;
        let (mut da, mut db) = if haa > 0.0 && det > 0.0 {
            (-(hbb * ga - hab * gb) / det, -(haa * gb - hab * ga) / det)
        } else {
            let norm = ga.hypot(gb).max(f64::MIN_POSITIVE);
            (-ga / norm * cell.0, -gb / norm * cell.1)
        };
        let mut moved = false;
        for _ in 0..40 {
            let (na, nb) = (a + da, b + db);
            // A step lost in rounding lands where L is already known not to fall: the
            // halvings left cannot move (at the minimum, about 20 passes over the data).
            if na == a && nb == b {
                break;
            }
            let (nl, nga, ngb) = eval(na, nb, &mut point);
            if nl.is_finite() && nl < loss {
                (a, b, loss, ga, gb) = (na, nb, nl, nga, ngb);
                moved = true;
                break;
            }
            da /= 2.0;
            db /= 2.0;
        }
        if !moved || ga.hypot(gb) <= 1e-12 * (1.0 + loss) {
            break;
        }
    }
    (a, b, loss)
}
