//! The numbers the screen shows, read from a session without changing it: the next
//! step, the minimum, the model's line, the residuals, the loss landscape and its
//! tangent. Every component and chart adapter of the app takes its numbers from these
//! methods, so none of them computes a loss, a prediction or a step itself.

use super::Session;
pub use crate::analysis::LossLandscape;
use crate::analysis::{ExtremumKind, Optimum};
use crate::optimizer::Step;
use crate::range::slider_grid;

/// The loss chart's current point and the slope of its tangent there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tangent {
    /// The first parameter's value.
    pub at: f64,
    /// L there.
    pub loss: f64,
    /// ∂L/∂θ₀ there (0 when that parameter is frozen).
    pub slope: f64,
}

/// The closed-form minimum and the γ limit of a problem: they depend on the data, the
/// model, the loss and the frozen parameters' values, not on the free ones, so they are
/// computed when those change, not on every move of a slider (for a typed formula over
/// 10 000 points each is a pass of dual numbers: BENCHMARKS.md, typed formula).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ClosedForms {
    /// The frozen parameters' values it was computed with (the free ones as 0).
    frozen_values: Vec<f64>,
    optimum: Optimum,
    limit: Option<f64>,
}

impl Default for ClosedForms {
    fn default() -> Self {
        ClosedForms {
            frozen_values: Vec::new(),
            optimum: Optimum::NotAvailable,
            limit: None,
        }
    }
}

impl ClosedForms {
    /// The closed forms of `problem` with its frozen parameters at `params`.
    pub(super) fn of(problem: &crate::problem::Problem, params: &[f64]) -> ClosedForms {
        ClosedForms {
            frozen_values: frozen_values(problem, params),
            optimum: problem.optimum(params),
            limit: problem.learning_rate_limit(),
        }
    }
}

/// `params` with the free parameters' values set to 0.
fn frozen_values(problem: &crate::problem::Problem, params: &[f64]) -> Vec<f64> {
    params
        .iter()
        .enumerate()
        .map(|(i, &v)| if problem.is_frozen(i) { v } else { 0.0 })
        .collect()
}

impl Session {
    /// How many good rows (data points) the table has.
    pub fn point_count(&self) -> usize {
        self.problem.data.len()
    }

    /// Whether the table has at least one good row (with none, L is an empty sum whose 0
    /// would read as a perfect fit).
    pub fn has_data(&self) -> bool {
        !self.problem.data.is_empty()
    }

    /// L at the current parameters.
    pub fn loss(&self) -> f64 {
        self.evaluation().loss
    }

    /// Whether parameter `index` is frozen.
    pub fn is_frozen(&self, index: usize) -> bool {
        self.problem.is_frozen(index)
    }

    /// How many of the model's parameters descend (are not frozen): one gets the loss
    /// curve, two the map of L, three or four only L against the step (issue 11).
    pub fn free_parameter_count(&self) -> usize {
        self.problem
            .free_mask()
            .into_iter()
            .filter(|free| *free)
            .count()
    }

    /// What the next Step would do, without taking it (the worked update on the slides):
    /// `None` when Step cannot act (no data, an invalid γ) or would not move (the step
    /// would leave the finite numbers).
    pub fn preview_step(&self) -> Option<Step> {
        let optimizer = self.stepper()?;
        self.run
            .preview_from(&self.problem, optimizer, self.evaluation())
            .map(|(step, _)| step)
    }

    /// The exact minimiser at the current parameters, where a closed form exists.
    pub fn optimum(&self) -> Optimum {
        if self.closed.frozen_values == frozen_values(&self.problem, self.run.params()) {
            self.closed.optimum.clone()
        } else {
            self.problem.optimum(self.run.params())
        }
    }

    /// The largest γ for which gradient descent still converges, where the loss is a
    /// quadratic in the free parameters (see [`crate::Problem::learning_rate_limit`]).
    pub fn learning_rate_limit(&self) -> Option<f64> {
        self.closed.limit
    }

    /// The slider of parameter `index`: `(min, max, step)` of its range
    /// ([`Session::range`]) on round steps ([`slider_grid`]).
    pub fn slider(&self, index: usize) -> (f64, f64, f64) {
        slider_grid(self.range(index))
    }

    /// The model's line ŷ(x) over `x_range` at the current parameters: its two ends when
    /// the model is a straight line in x (drawn through many samples, each rounded to
    /// whole pixels, it shows a jog), otherwise `samples + 1` evenly spaced points.
    pub fn model_line(&self, (lo, hi): (f64, f64), samples: usize) -> Vec<(f64, f64)> {
        let model = &self.problem.model;
        let samples = if model.is_linear_in_x() {
            1
        } else {
            samples.max(1)
        };
        let params = self.run.params();
        (0..=samples)
            .map(|k| {
                let x = lo + (hi - lo) * k as f64 / samples as f64;
                (x, model.predict(params, x))
            })
            .collect()
    }

    /// L along the first parameter over `range` (`samples` values), with its minima and
    /// maxima, the other parameters as they are. Empty without data. The first
    /// parameter's own value does not matter (it is set to 0 first), so a chart may keep
    /// the landscape while the slider moves.
    pub fn loss_landscape(&self, range: (f64, f64), samples: usize) -> LossLandscape {
        self.problem
            .loss_landscape(self.run.params(), range, samples)
    }

    /// A minimum lower than the loss where the run stands, when one is known: the lowest
    /// local minimum of L along the first parameter within its range (what the loss
    /// chart shows), the other parameters as they are, as `(parameter value, L)`.
    ///
    /// `None` where a closed form gives the one global minimum (descent that converges
    /// there is at it), and where no minimum in the range lies lower. A run that
    /// converged while this is `Some` stopped at a *local* minimum, as descent from
    /// a = 0.5 does at a ≈ 0.2423 on the lecture's second example, where L is lower at
    /// a ≈ −0.25.
    pub fn lower_minimum(&self) -> Option<(f64, f64)> {
        if !self.has_data() {
            return None;
        }
        let here = self.loss();
        if !here.is_finite() {
            return None;
        }
        let mut params = self.run.params().to_vec();
        if let Some(a) = params.first_mut() {
            *a = 0.0;
        }
        if self.problem.optimum(&params) != Optimum::NotAvailable {
            return None;
        }
        // Lower by more than rounding: the minimum the run stands at is one of these.
        let below = here - 1e-9 * (1.0 + here.abs());
        self.problem
            .extrema(&params, 0, self.range(0))
            .into_iter()
            .filter(|e| e.kind == ExtremumKind::Minimum && e.loss < below)
            .map(|e| (e.value, e.loss))
            .min_by(|x, y| x.1.total_cmp(&y.1))
    }

    /// The current point on the loss chart and its tangent's slope; `None` without data.
    pub fn tangent(&self) -> Option<Tangent> {
        if !self.has_data() {
            return None;
        }
        let evaluation = self.evaluation();
        Some(Tangent {
            at: self.run.params().first().copied().unwrap_or(0.0),
            loss: evaluation.loss,
            slope: evaluation.gradient.first().copied().unwrap_or(0.0),
        })
    }

    /// The run's trail on the loss chart: `(θ₀, L)` before each of the last `max_steps`
    /// steps, then where the run stands; empty before the first step.
    pub fn loss_trail(&self, max_steps: usize) -> Vec<(f64, f64)> {
        let history = self.history();
        if history.is_empty() {
            return Vec::new();
        }
        let evaluation = self.evaluation();
        history
            .iter()
            .skip(history.len().saturating_sub(max_steps))
            .map(|s| (s.before.first().copied().unwrap_or(0.0), s.loss_before))
            .chain(std::iter::once((
                self.run.params().first().copied().unwrap_or(0.0),
                evaluation.loss,
            )))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Preset;

    fn lecture() -> Session {
        Session::new(crate::presets::lecture())
    }

    #[test]
    fn the_previewed_step_is_the_lectures_first_step_and_is_not_taken() {
        let session = lecture();
        let step = session.preview_step();
        let after = step.map(|s| s.after[0]).unwrap_or(f64::NAN);
        assert!((after - 9.3419).abs() < 1e-12, "{after}");
        assert!(session.history().is_empty());
        assert_eq!(session.params(), [8.0]);
    }

    #[test]
    fn the_lecture_landscape_has_its_one_global_minimum_at_9_8() {
        let session = lecture();
        let landscape = session.loss_landscape(session.range(0), 400);
        assert_eq!(landscape.curve.len(), 400);
        assert!(landscape.global && landscape.maxima.is_empty());
        let (a, loss) = landscape.minima[0];
        assert!((a - 9.8).abs() < 1e-12 && loss.abs() < 1e-9, "{a} {loss}");
        let tangent = session.tangent().map(|t| (t.at, t.slope));
        let (at, slope) = tangent.unwrap_or_default();
        assert!(at == 8.0 && (slope + 447.3).abs() < 1e-9);
        assert!((session.loss() - 402.57).abs() < 1e-9);
    }

    #[test]
    fn the_non_convex_landscape_shows_two_minima_and_a_maximum() {
        let session = Session::new(Preset::LocalMinima.lesson());
        let landscape = session.loss_landscape(session.range(0), 400);
        assert!(!landscape.global);
        assert_eq!((landscape.minima.len(), landscape.maxima.len()), (2, 1));
        assert_eq!(session.optimum(), Optimum::NotAvailable);
    }

    #[test]
    fn descent_from_a_half_converges_at_a_local_minimum_and_knows_the_lower_one() {
        let mut session = Session::new(Preset::LocalMinima.lesson());
        assert_eq!(to_the_end(&mut session), crate::Outcome::Converged);
        assert!(
            (session.params()[0] - 0.2423).abs() < 1e-3,
            "{:?}",
            session.params()
        );
        let lower = session.lower_minimum().map(|(a, _)| a);
        assert!(lower.is_some_and(|a| (a + 0.25).abs() < 1e-2), "{lower:?}");
        // From the left, descent reaches the lowest minimum: none is lower.
        session.set_param(0, -0.5);
        assert_eq!(to_the_end(&mut session), crate::Outcome::Converged);
        assert_eq!(session.lower_minimum(), None);
        // The lecture's closed form gives the global minimum.
        let mut lecture = lecture();
        assert_eq!(to_the_end(&mut lecture), crate::Outcome::Converged);
        assert_eq!(lecture.lower_minimum(), None);
    }

    /// Steps until the run ends (at most 10 000 steps) and returns how it ended.
    fn to_the_end(session: &mut Session) -> crate::Outcome {
        for _ in 0..10_000 {
            if session.step().is_final() {
                break;
            }
        }
        session.outcome()
    }

    #[test]
    fn a_straight_model_line_is_its_two_ends() {
        let session = lecture();
        assert_eq!(
            session.model_line((0.0, 10.0), 200),
            [(0.0, 0.0), (10.0, 80.0)]
        );
        let residuals = session.residuals();
        assert_eq!(residuals.len(), 3);
        assert_eq!(residuals[0].prediction, 16.0);
        // Both ends of the slider and the minimum, at every x.
        assert_eq!(session.landscape_key().window_predictions(1).len(), 9);
        // Nine values across the slider and the minimum, at every x.
        assert_eq!(session.landscape_key().window_predictions(8).len(), 30);
    }

    #[test]
    fn the_trail_ends_where_the_run_stands() {
        let mut session = lecture();
        assert!(session.loss_trail(200).is_empty());
        session.step();
        session.step();
        let trail = session.loss_trail(1);
        assert_eq!(trail.len(), 2);
        assert_eq!(trail[1].0, session.params()[0]);
    }

    #[test]
    fn without_data_nothing_is_previewed_or_drawn() {
        let session = Session::new(Preset::Empty.lesson());
        assert!(!session.has_data());
        assert_eq!(session.preview_step(), None);
        assert_eq!(session.tangent(), None);
        assert_eq!(
            session.loss_landscape((0.0, 1.0), 10),
            LossLandscape::default()
        );
    }
}
