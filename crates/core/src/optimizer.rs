//! Gradient descent: `θ := θ − γ·∂L/∂θ` for every free parameter at once, one recorded
//! step at a time, with undo, reset and typed stopping outcomes.

use crate::problem::Problem;
use crate::range::PARAM_BOUND;

/// Plain gradient descent with a fixed learning rate γ.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradientDescent {
    /// γ, the learning rate: how far each step moves against the gradient.
    pub learning_rate: f64,
}

/// The record of one step, as the history table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// θ before the step.
    pub before: Vec<f64>,
    /// L(θ) before the step.
    pub loss_before: f64,
    /// ∂L/∂θ before the step (0 for frozen parameters).
    pub gradient: Vec<f64>,
    /// θ after the step: `before − γ·gradient`.
    pub after: Vec<f64>,
    /// L after the step.
    pub loss_after: f64,
    /// The γ this step used (γ may change mid-run).
    pub learning_rate: f64,
}

/// Why a run diverged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Divergence {
    /// The next step would produce a number too large to represent (∞ or NaN), or carry
    /// a parameter beyond ±[`PARAM_BOUND`], the bound every saved or shared lesson keeps;
    /// the step was not taken.
    NonFinite,
    /// The loss grew for [`StopRule::divergence_patience`] steps in a row: γ is so large
    /// that every step overshoots the minimum further than the last.
    LossGrowing,
}

/// The state of a run after a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Neither converged nor diverged yet.
    Running,
    /// The gradient vanished, or the loss and the parameters stopped changing.
    Converged,
    /// The run is diverging; see [`Divergence`].
    Diverged(Divergence),
    /// [`StopRule::max_steps`] steps were taken without converging.
    StepLimit,
}

impl Outcome {
    /// Whether autoplay should stop.
    pub fn is_final(self) -> bool {
        !matches!(self, Outcome::Running)
    }
}

/// When a run stops.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StopRule {
    /// Converged when every gradient entry is at most this in absolute value.
    pub gradient_tolerance: f64,
    /// Converged when a step changes every parameter by at most this, relative to
    /// `1 + |θ|`, and L by at most this relative to `1 + L`.
    pub step_tolerance: f64,
    /// Diverged after the loss grew this many steps in a row.
    pub divergence_patience: usize,
    /// Stop after this many steps in all.
    pub max_steps: usize,
}

impl Default for StopRule {
    fn default() -> Self {
        Self {
            gradient_tolerance: 1e-9,
            step_tolerance: 1e-12,
            divergence_patience: 3,
            max_steps: 10_000,
        }
    }
}

impl GradientDescent {
    /// A descent with learning rate γ.
    pub fn new(learning_rate: f64) -> Self {
        Self { learning_rate }
    }

    /// Whether γ is usable: a finite positive number.
    pub fn is_valid(&self) -> bool {
        self.learning_rate.is_finite() && self.learning_rate > 0.0
    }

    /// One step from `params`: `θ := θ − γ·∂L/∂θ`. Returns `None` when γ is not valid
    /// or the step would leave the finite numbers or carry a parameter beyond
    /// ±[`PARAM_BOUND`] (a lesson holding such a value could not be saved or shared).
    pub fn step(&self, problem: &Problem, params: &[f64]) -> Option<Step> {
        if !self.is_valid() {
            return None;
        }
        let eval = problem.evaluate(params);
        if !eval.is_finite() {
            return None;
        }
        let after: Vec<f64> = params
            .iter()
            .zip(&eval.gradient)
            .map(|(p, g)| p - self.learning_rate * g)
            .collect();
        let loss_after = problem.loss_at(&after);
        let in_bounds = |p: &f64| p.is_finite() && p.abs() <= PARAM_BOUND;
        if !loss_after.is_finite() || !after.iter().all(in_bounds) {
            return None;
        }
        Some(Step {
            before: params.to_vec(),
            loss_before: eval.loss,
            gradient: eval.gradient,
            after,
            loss_after,
            learning_rate: self.learning_rate,
        })
    }
}

/// A run of gradient descent: where it started, where it is, and every step taken.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    start: Vec<f64>,
    params: Vec<f64>,
    history: Vec<Step>,
}

impl Run {
    /// A run that starts (and is) at `start`.
    pub fn new(start: Vec<f64>) -> Self {
        Self {
            params: start.clone(),
            start,
            history: Vec::new(),
        }
    }

    /// A run that started at `start` and stands at `params`, with no recorded steps (a
    /// lesson reopened from a link or from saved work).
    pub fn resume(start: Vec<f64>, params: Vec<f64>) -> Self {
        Self {
            start,
            params,
            history: Vec::new(),
        }
    }

    /// Forgets the history but keeps the start, so Reset still goes back to it (the data
    /// or the loss changed, and the recorded steps described another loss).
    pub fn resume_here(&mut self) {
        self.history.clear();
    }

    /// The starting parameters.
    pub fn start(&self) -> &[f64] {
        &self.start
    }

    /// The current parameters.
    pub fn params(&self) -> &[f64] {
        &self.params
    }

    /// Every step taken, oldest first.
    pub fn history(&self) -> &[Step] {
        &self.history
    }

    /// Moves to `params` as a new start: the history is cleared (what a student does by
    /// dragging the slider).
    pub fn restart_at(&mut self, params: Vec<f64>) {
        self.start = params.clone();
        self.params = params;
        self.history.clear();
    }

    /// Takes one step and says where the run stands. A step that would leave the finite
    /// numbers is not taken and reports [`Divergence::NonFinite`].
    pub fn step(
        &mut self,
        problem: &Problem,
        descent: GradientDescent,
        rule: &StopRule,
    ) -> Outcome {
        match descent.step(problem, &self.params) {
            Some(step) => {
                self.params.clone_from(&step.after);
                self.history.push(step);
                self.outcome(problem, rule)
            }
            None => Outcome::Diverged(Divergence::NonFinite),
        }
    }

    /// Steps until the run converges, diverges or reaches the step limit.
    pub fn run(&mut self, problem: &Problem, descent: GradientDescent, rule: &StopRule) -> Outcome {
        loop {
            let outcome = self.step(problem, descent, rule);
            if outcome.is_final() {
                return outcome;
            }
        }
    }

    /// Takes back the last step; `false` when there is none.
    pub fn undo(&mut self) -> bool {
        match self.history.pop() {
            Some(step) => {
                self.params = step.before;
                true
            }
            None => false,
        }
    }

    /// Back to the start; the history is cleared.
    pub fn reset(&mut self) {
        self.params.clone_from(&self.start);
        self.history.clear();
    }

    /// Where the run stands after its last step.
    pub fn outcome(&self, problem: &Problem, rule: &StopRule) -> Outcome {
        let Some(last) = self.history.last() else {
            return Outcome::Running;
        };
        let eval = problem.evaluate(&self.params);
        if !eval.is_finite() {
            return Outcome::Diverged(Divergence::NonFinite);
        }
        if eval.gradient_norm() <= rule.gradient_tolerance {
            return Outcome::Converged;
        }
        let still = last
            .before
            .iter()
            .zip(&last.after)
            .all(|(b, a)| (a - b).abs() <= rule.step_tolerance * (1.0 + b.abs()))
            && (last.loss_after - last.loss_before).abs()
                <= rule.step_tolerance * (1.0 + last.loss_before.abs());
        if still {
            return Outcome::Converged;
        }
        let growing = self
            .history
            .iter()
            .rev()
            .take_while(|s| s.loss_after > s.loss_before * (1.0 + 1e-9))
            .count();
        if growing >= rule.divergence_patience {
            return Outcome::Diverged(Divergence::LossGrowing);
        }
        if self.history.len() >= rule.max_steps {
            return Outcome::StepLimit;
        }
        Outcome::Running
    }
}
