//! A run: one recorded step at a time with any [`Optimizer`], with undo (the optimizer's
//! state included), reset and typed stopping outcomes.

use super::{take_step_from, GradientDescent, Optimizer, State};
use crate::loss::Evaluation;
use crate::problem::Problem;

/// The record of one step, as the history table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// θ before the step.
    pub before: Vec<f64>,
    /// L(θ) before the step.
    pub loss_before: f64,
    /// ∂L/∂θ before the step (0 for frozen parameters).
    pub gradient: Vec<f64>,
    /// θ after the step: `before` plus the optimizer's step (for gradient descent
    /// `before − γ·gradient`).
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
    /// a parameter beyond ±[`crate::range::PARAM_BOUND`], the bound every saved or shared lesson keeps;
    /// the step was not taken.
    NonFinite,
    /// The loss grew the way the optimizer calls divergence ([`super::Optimizer::divergence`]):
    /// for gradient descent, [`StopRule::divergence_patience`] steps in a row, γ being so
    /// large that every step overshoots the minimum further than the last; for the
    /// momentum and adaptive methods, far beyond where the run started
    /// ([`super::far_beyond_the_start`]).
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

/// A run of an optimizer: where it started, where it is, every step taken, and the
/// optimizer's state before each of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    start: Vec<f64>,
    params: Vec<f64>,
    history: Vec<Step>,
    /// The optimizer's state now; `None` until the first step of a (re)started run,
    /// which takes the optimizer's fresh state.
    state: Option<State>,
    /// The state before each step of `history`, so Undo restores it exactly.
    states: Vec<Option<State>>,
}

impl Run {
    /// A run that starts (and is) at `start`.
    pub fn new(start: Vec<f64>) -> Self {
        Self {
            params: start.clone(),
            start,
            history: Vec::new(),
            state: None,
            states: Vec::new(),
        }
    }

    /// A run that started at `start` and stands at `params`, with no recorded steps (a
    /// lesson reopened from a link or from saved work).
    pub fn resume(start: Vec<f64>, params: Vec<f64>) -> Self {
        Self {
            start,
            params,
            history: Vec::new(),
            state: None,
            states: Vec::new(),
        }
    }

    /// Forgets the history but keeps the start, so Reset still goes back to it (the data
    /// or the loss changed, and the recorded steps described another loss).
    pub fn resume_here(&mut self) {
        self.clear();
    }

    /// The optimizer's state after the last step; `None` before the first.
    pub fn state(&self) -> Option<&State> {
        self.state.as_ref()
    }

    /// Forgets the steps and the optimizer's state.
    fn clear(&mut self) {
        self.history.clear();
        self.states.clear();
        self.state = None;
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
        self.clear();
    }

    /// Takes one step with `optimizer` and says where the run stands. A step that would
    /// leave the finite numbers is not taken and reports [`Divergence::NonFinite`].
    pub fn step(
        &mut self,
        problem: &Problem,
        optimizer: impl Optimizer,
        rule: &StopRule,
    ) -> Outcome {
        self.step_using(problem, optimizer, rule, None)
    }

    /// [`Run::step`] moved by `estimate` (a mini-batch's estimate of ∇L) instead of the
    /// full gradient when one is given; the history still records the full loss and
    /// gradient ([`super::take_step_using`]).
    pub fn step_using(
        &mut self,
        problem: &Problem,
        optimizer: impl Optimizer,
        rule: &StopRule,
        estimate: Option<&[f64]>,
    ) -> Outcome {
        self.step_with(problem, optimizer, rule, estimate, |params| {
            problem.evaluate(params)
        })
    }

    /// [`Run::step_using`] with L and ∇L read through `evaluate` (as
    /// [`Problem::evaluate`] gives them): before the step at the current parameters, and
    /// after it at the new ones for the outcome. A session passes its kept reading, so
    /// the pass it made for the screen is not made again, and the one made here after the
    /// step is the one the screen shows next.
    pub fn step_with(
        &mut self,
        problem: &Problem,
        optimizer: impl Optimizer,
        rule: &StopRule,
        estimate: Option<&[f64]>,
        evaluate: impl Fn(&[f64]) -> Evaluation,
    ) -> Outcome {
        let fresh;
        let state = match &self.state {
            Some(state) => state,
            None => {
                fresh = optimizer.init(self.params.len());
                &fresh
            }
        };
        let before = evaluate(&self.params);
        match take_step_from(&optimizer, problem, &self.params, state, estimate, before) {
            Some((step, next)) => {
                self.states.push(self.state.replace(next));
                self.params.clone_from(&step.after);
                self.history.push(step);
                self.outcome_given(&evaluate(&self.params), &optimizer, rule)
            }
            None => Outcome::Diverged(Divergence::NonFinite),
        }
    }

    /// The step [`Run::step`] would take, and the optimizer's state after it, without
    /// taking it; `None` when it would not be taken.
    pub fn preview(&self, problem: &Problem, optimizer: impl Optimizer) -> Option<(Step, State)> {
        self.preview_from(problem, optimizer, problem.evaluate(&self.params))
    }

    /// [`Run::preview`] with L and ∇L at the current parameters already evaluated.
    pub fn preview_from(
        &self,
        problem: &Problem,
        optimizer: impl Optimizer,
        eval: Evaluation,
    ) -> Option<(Step, State)> {
        let state = self
            .state
            .clone()
            .unwrap_or_else(|| optimizer.init(self.params.len()));
        take_step_from(&optimizer, problem, &self.params, &state, None, eval)
    }

    /// Steps until the run converges, diverges or reaches the step limit.
    pub fn run(
        &mut self,
        problem: &Problem,
        optimizer: impl Optimizer,
        rule: &StopRule,
    ) -> Outcome {
        loop {
            let outcome = self.step(problem, &optimizer, rule);
            if outcome.is_final() {
                return outcome;
            }
        }
    }

    /// Takes back the last step, the optimizer's state included; `false` when there is
    /// none.
    pub fn undo(&mut self) -> bool {
        match self.history.pop() {
            Some(step) => {
                self.params = step.before;
                self.state = self.states.pop().flatten();
                true
            }
            None => false,
        }
    }

    /// Back to the start; the history is cleared.
    pub fn reset(&mut self) {
        self.params.clone_from(&self.start);
        self.clear();
    }

    /// Where a run of gradient descent stands after its last step (see
    /// [`Run::outcome_with`]).
    pub fn outcome(&self, problem: &Problem, rule: &StopRule) -> Outcome {
        self.outcome_with(problem, &GradientDescent::new(1.0), rule)
    }

    /// Where the run stands after its last step of `optimizer`: converged when the
    /// gradient vanished or the last step changed nothing, diverged as the optimizer
    /// judges ([`Optimizer::divergence`]), stopped at the step limit, or running.
    pub fn outcome_with(
        &self,
        problem: &Problem,
        optimizer: &impl Optimizer,
        rule: &StopRule,
    ) -> Outcome {
        if self.history.is_empty() {
            return Outcome::Running;
        }
        self.outcome_given(&problem.evaluate(&self.params), optimizer, rule)
    }

    /// [`Run::outcome_with`] with L and ∇L at the current parameters already evaluated.
    fn outcome_given(
        &self,
        eval: &Evaluation,
        optimizer: &impl Optimizer,
        rule: &StopRule,
    ) -> Outcome {
        let Some(last) = self.history.last() else {
            return Outcome::Running;
        };
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
        if let Some(divergence) = optimizer.divergence(&self.history, rule) {
            return Outcome::Diverged(divergence);
        }
        if self.history.len() >= rule.max_steps {
            return Outcome::StepLimit;
        }
        Outcome::Running
    }
}
