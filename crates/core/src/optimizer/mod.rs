//! Optimizers: how a step is made from the gradient, and the runs that take them.
//!
//! An optimizer is a pair, as in optax's `GradientTransformation(init, update)`: a fresh
//! [`State`] ([`Optimizer::init`]) and `update(gradient, state) → (step, state)`
//! ([`Optimizer::update`]). The hyperparameters (γ, β, …) live in the optimizer value,
//! the state is plain data, so a [`Run`] keeps the state before every step and Undo
//! restores it exactly. Stopping is kept apart from stepping (argmin's `Solver`): the
//! [`StopRule`] and [`Run::outcome`] decide when a run ends, and an optimizer may say
//! what divergence looks like for it ([`Optimizer::divergence`]).
//!
//! Adding an optimizer (momentum, Nesterov, RMSProp, Adam in `OPTIMIZERS.md`) is one new
//! module here implementing [`Optimizer`], plus its line in [`REGISTRY`] and its `mod`
//! line below.

pub mod gd;
mod run;

pub use gd::GradientDescent;
pub use run::{Divergence, Outcome, Run, Step, StopRule};

use crate::problem::Problem;
use crate::range::PARAM_BOUND;

/// Every optimizer the app offers, by id: the one place an optimizer is registered.
/// Each entry makes the optimizer for a learning rate γ, with its other hyperparameters
/// at their defaults.
pub const REGISTRY: &[(&str, MakeOptimizer)] = &[(gd::ID, gd::boxed)];

/// How the registry makes an optimizer: from γ, the other hyperparameters at defaults.
pub type MakeOptimizer = fn(f64) -> Box<dyn Optimizer>;

/// The optimizer registered as `id` with learning rate γ; `None` for an unknown id.
pub fn by_id(id: &str, learning_rate: f64) -> Option<Box<dyn Optimizer>> {
    REGISTRY
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(_, make)| make(learning_rate))
}

/// What an optimizer carries from one step to the next: plain numbers, so a state can be
/// copied (Undo keeps the one before each step), compared and saved.
///
/// Each optimizer says what its slots mean: none for gradient descent, the velocity v
/// for momentum, s for RMSProp, m and v for Adam. A frozen parameter's entries stay 0
/// (its gradient is 0).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// How many updates built this state (t of `OPTIMIZERS.md`, for Adam's bias
    /// correction); 0 for a fresh state.
    pub count: u32,
    /// The optimizer's vectors, each with one entry per parameter.
    pub slots: Vec<Vec<f64>>,
}

/// An optimizer: a fresh state, and a step from the gradient and the state.
///
/// Object safe, so the app can hold whichever one the student picks
/// ([`by_id`]); `&O` and `Box<O>` are optimizers too.
pub trait Optimizer {
    /// A stable machine name (the key in [`REGISTRY`]).
    fn id(&self) -> &'static str;

    /// γ, the learning rate.
    fn learning_rate(&self) -> f64;

    /// Whether the optimizer can step: γ is a finite positive number.
    fn is_valid(&self) -> bool {
        let gamma = self.learning_rate();
        gamma.is_finite() && gamma > 0.0
    }

    /// The state before the first step, for `param_count` parameters.
    fn init(&self, param_count: usize) -> State;

    /// The step to add to the parameters, `params` being where they stand and
    /// `gradient` ∂L/∂θ there (0 for a frozen parameter), and the state after it.
    fn update(&self, gradient: &[f64], state: &State, params: &[f64]) -> (Vec<f64>, State);

    /// Whether the run whose steps are `history` (oldest first) is diverging. By
    /// default, when the loss grew [`StopRule::divergence_patience`] steps in a row
    /// ([`loss_kept_growing`]): true of gradient descent with too large a γ, but a
    /// momentum method may climb for a few steps and still converge, so it may say
    /// otherwise.
    fn divergence(&self, history: &[Step], rule: &StopRule) -> Option<Divergence> {
        loss_kept_growing(history, rule)
    }
}

impl<O: Optimizer + ?Sized> Optimizer for &O {
    fn id(&self) -> &'static str {
        (**self).id()
    }
    fn learning_rate(&self) -> f64 {
        (**self).learning_rate()
    }
    fn is_valid(&self) -> bool {
        (**self).is_valid()
    }
    fn init(&self, param_count: usize) -> State {
        (**self).init(param_count)
    }
    fn update(&self, gradient: &[f64], state: &State, params: &[f64]) -> (Vec<f64>, State) {
        (**self).update(gradient, state, params)
    }
    fn divergence(&self, history: &[Step], rule: &StopRule) -> Option<Divergence> {
        (**self).divergence(history, rule)
    }
}

impl<O: Optimizer + ?Sized> Optimizer for Box<O> {
    fn id(&self) -> &'static str {
        (**self).id()
    }
    fn learning_rate(&self) -> f64 {
        (**self).learning_rate()
    }
    fn is_valid(&self) -> bool {
        (**self).is_valid()
    }
    fn init(&self, param_count: usize) -> State {
        (**self).init(param_count)
    }
    fn update(&self, gradient: &[f64], state: &State, params: &[f64]) -> (Vec<f64>, State) {
        (**self).update(gradient, state, params)
    }
    fn divergence(&self, history: &[Step], rule: &StopRule) -> Option<Divergence> {
        (**self).divergence(history, rule)
    }
}

/// The divergence rule of gradient descent: the loss grew for
/// [`StopRule::divergence_patience`] steps in a row, so every step overshoots the minimum
/// further than the last.
pub fn loss_kept_growing(history: &[Step], rule: &StopRule) -> Option<Divergence> {
    let growing = history
        .iter()
        .rev()
        .take_while(|s| s.loss_after > s.loss_before * (1.0 + 1e-9))
        .count();
    (growing >= rule.divergence_patience).then_some(Divergence::LossGrowing)
}

/// One step of `optimizer` from `params` with `state`, recorded for the history, and
/// the state after it. `None` when the optimizer is not valid, or the step would leave
/// the finite numbers or carry a parameter beyond ±[`PARAM_BOUND`] (a lesson holding
/// such a value could not be saved or shared). Nothing is changed: this is also what a
/// preview of the next step shows.
pub fn take_step(
    optimizer: &(impl Optimizer + ?Sized),
    problem: &Problem,
    params: &[f64],
    state: &State,
) -> Option<(Step, State)> {
    if !optimizer.is_valid() {
        return None;
    }
    let eval = problem.evaluate(params);
    if !eval.is_finite() {
        return None;
    }
    let (step, next) = optimizer.update(&eval.gradient, state, params);
    let after: Vec<f64> = params.iter().zip(&step).map(|(p, s)| p + s).collect();
    let loss_after = problem.loss_at(&after);
    let in_bounds = |p: &f64| p.is_finite() && p.abs() <= PARAM_BOUND;
    if !loss_after.is_finite() || !after.iter().all(in_bounds) || after.len() != params.len() {
        return None;
    }
    let record = Step {
        before: params.to_vec(),
        loss_before: eval.loss,
        gradient: eval.gradient,
        after,
        loss_after,
        learning_rate: optimizer.learning_rate(),
    };
    Some((record, next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    /// A stateful optimizer for the tests: heavy-ball momentum with β = 0.9.
    struct Heavy(f64);

    impl Optimizer for Heavy {
        fn id(&self) -> &'static str {
            "heavy"
        }
        fn learning_rate(&self) -> f64 {
            self.0
        }
        fn init(&self, param_count: usize) -> State {
            State {
                count: 0,
                slots: vec![vec![0.0; param_count]],
            }
        }
        fn update(&self, gradient: &[f64], state: &State, _params: &[f64]) -> (Vec<f64>, State) {
            let v: Vec<f64> = match state.slots.first() {
                Some(v) if state.count > 0 => {
                    v.iter().zip(gradient).map(|(v, g)| 0.9 * v + g).collect()
                }
                _ => gradient.to_vec(),
            };
            let step = v.iter().map(|v| -self.0 * v).collect();
            (
                step,
                State {
                    count: state.count + 1,
                    slots: vec![v],
                },
            )
        }
    }

    #[test]
    fn undo_restores_the_optimizers_state_exactly() {
        let problem = presets::lecture().problem();
        let rule = StopRule::default();
        let mut run = Run::new(vec![8.0]);
        run.step(&problem, Heavy(0.001), &rule);
        let after_one = (run.params().to_vec(), run.state().cloned());
        run.step(&problem, Heavy(0.001), &rule);
        assert_ne!(run.state().cloned(), after_one.1);
        assert!(run.undo());
        assert_eq!((run.params().to_vec(), run.state().cloned()), after_one);
        // The same second step again, from the restored state.
        let mut again = run.clone();
        again.step(&problem, Heavy(0.001), &rule);
        run.step(&problem, Heavy(0.001), &rule);
        assert_eq!(run, again);
        assert!(run.undo() && run.undo());
        assert_eq!(run.state(), None);
        assert_eq!(run.params(), [8.0]);
    }

    #[test]
    fn gradient_descent_is_registered_and_steps_as_the_lecture_does() {
        let problem = presets::lecture().problem();
        let gd = by_id("gd", 0.003).map(|o| o.id());
        assert_eq!(gd, Some("gd"));
        assert!(by_id("nope", 0.003).is_none());
        let mut run = Run::new(vec![8.0]);
        if let Some(optimizer) = by_id("gd", 0.003) {
            run.step(&problem, optimizer, &StopRule::default());
        }
        assert!((run.params()[0] - 9.3419).abs() < 1e-12);
    }
}
