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
//! The optimizers follow `torch.optim`'s update rules and defaults (`OPTIMIZERS.md`):
//! plain gradient descent ([`gd`]), heavy-ball [`momentum`], [`nesterov`] momentum,
//! [`rmsprop`] and [`adam`]. Each checks its hyperparameters ([`Optimizer::validate`],
//! a typed [`HyperparameterError`]) and never moves a frozen parameter nor keeps state
//! for it ([`take_step`]).
//!
//! Adding an optimizer is one new module here implementing [`Optimizer`], plus its line
//! in [`REGISTRY`] and its `mod` line below.

pub mod adam;
pub mod gd;
pub mod momentum;
pub mod nesterov;
pub mod rmsprop;
mod run;

pub use adam::Adam;
pub use gd::GradientDescent;
pub use momentum::Momentum;
pub use nesterov::Nesterov;
pub use rmsprop::RmsProp;
pub use run::{Divergence, Outcome, Run, Step, StopRule};

use crate::loss::Evaluation;
use crate::problem::Problem;
use crate::range::PARAM_BOUND;

/// Every optimizer a lesson may name, by id, in the order the app lists them: what a
/// lesson's race is checked against ([`crate::race::Settings::validate`]) and what the
/// race's checkboxes offer, in every build. Only names: no optimizer's code comes with
/// them, so a build without the `optimizers` feature still reads, checks, keeps and
/// passes on a lesson that races momentum, though it cannot step one.
pub const IDS: [&str; 5] = [gd::ID, momentum::ID, nesterov::ID, rmsprop::ID, adam::ID];

/// Every optimizer this build can step, by id, each with what makes it for a learning
/// rate γ (its other hyperparameters at their defaults).
///
/// Without the `optimizers` feature (on by default) only gradient descent is registered,
/// and [`crate::race::Settings::optimizer_at`] makes no other: the web app's first-load
/// build, which hands every race to the full build, leaves it off, so the other four
/// stay out of its wasm (BENCHMARKS.md, Size). [`IDS`] names all five in every build.
pub const REGISTRY: &[(&str, MakeOptimizer)] = &[
    (gd::ID, gd::boxed),
    #[cfg(feature = "optimizers")]
    (momentum::ID, momentum::boxed),
    #[cfg(feature = "optimizers")]
    (nesterov::ID, nesterov::boxed),
    #[cfg(feature = "optimizers")]
    (rmsprop::ID, rmsprop::boxed),
    #[cfg(feature = "optimizers")]
    (adam::ID, adam::boxed),
];

/// A hyperparameter an optimizer cannot step with; the optimizer's `new` and
/// [`Optimizer::validate`] return it, and [`take_step`] takes no step with it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HyperparameterError {
    /// γ is not a positive finite number.
    LearningRate(f64),
    /// A decay rate — β of momentum and Nesterov, α of RMSProp, β₁ or β₂ of Adam, named
    /// by `name` — is not a number from 0 up to, but not including, 1. At 1 or above the
    /// running means never forget and grow without bound.
    DecayRate {
        /// The symbol: `β`, `α`, `β₁` or `β₂`.
        name: &'static str,
        /// The value given.
        value: f64,
    },
    /// ε is not a positive finite number (it keeps a division by √s or √v̂ finite).
    Epsilon(f64),
}

impl std::fmt::Display for HyperparameterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HyperparameterError::LearningRate(value) => {
                write!(f, "γ = {value} is not a positive number")
            }
            HyperparameterError::DecayRate { name, value } => {
                write!(f, "{name} = {value} is not at least 0 and below 1")
            }
            HyperparameterError::Epsilon(value) => {
                write!(f, "ε = {value} is not a positive number")
            }
        }
    }
}

impl std::error::Error for HyperparameterError {}

/// γ as every optimizer needs it: a positive finite number.
pub fn valid_learning_rate(learning_rate: f64) -> Result<(), HyperparameterError> {
    if learning_rate.is_finite() && learning_rate > 0.0 {
        Ok(())
    } else {
        Err(HyperparameterError::LearningRate(learning_rate))
    }
}

/// A decay rate (β, α, β₁, β₂) named `name`: from 0 up to, but not including, 1.
pub fn valid_decay(name: &'static str, value: f64) -> Result<(), HyperparameterError> {
    if (0.0..1.0).contains(&value) {
        Ok(())
    } else {
        Err(HyperparameterError::DecayRate { name, value })
    }
}

/// ε: a positive finite number.
pub fn valid_epsilon(epsilon: f64) -> Result<(), HyperparameterError> {
    if epsilon.is_finite() && epsilon > 0.0 {
        Ok(())
    } else {
        Err(HyperparameterError::Epsilon(epsilon))
    }
}

/// How many times the loss where a run started its loss must grow before
/// [`far_beyond_the_start`] calls the run diverged. A stable momentum run can climb well
/// above its start for a while (the velocity carries it past the minimum), by a factor
/// of tens or hundreds for β close to 1, never by a million.
pub const FAR_BEYOND_THE_START: f64 = 1e6;

/// The divergence rule of the momentum and adaptive methods: the loss grew far beyond
/// where the run started (more than [`FAR_BEYOND_THE_START`] times it). A few rises in a
/// row are not divergence for them: momentum's loss rises at steps 2–3 and 9–10 on the
/// lecture's table with ŷ = a·x + b at γ = 0.003 and still converges. A loss that left
/// the finite numbers is caught before this ([`Divergence::NonFinite`]).
pub fn far_beyond_the_start(history: &[Step]) -> Option<Divergence> {
    let start = history.first()?.loss_before;
    let now = history.last()?.loss_after;
    (now > FAR_BEYOND_THE_START * start.max(f64::MIN_POSITIVE)).then_some(Divergence::LossGrowing)
}

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

    /// Whether every hyperparameter is usable: γ is a finite positive number, and each
    /// optimizer checks its own others (β, α, β₁, β₂, ε).
    fn validate(&self) -> Result<(), HyperparameterError> {
        valid_learning_rate(self.learning_rate())
    }

    /// Whether the optimizer can step ([`Optimizer::validate`] finds nothing wrong).
    fn is_valid(&self) -> bool {
        self.validate().is_ok()
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
    fn validate(&self) -> Result<(), HyperparameterError> {
        (**self).validate()
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
    fn validate(&self) -> Result<(), HyperparameterError> {
        (**self).validate()
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
/// the state after it; a frozen parameter does not move and its state entries stay 0.
/// `None` when the optimizer is not valid, or the step would leave
/// the finite numbers or carry a parameter beyond ±[`PARAM_BOUND`] (a lesson holding
/// such a value could not be saved or shared). Nothing is changed: this is also what a
/// preview of the next step shows.
pub fn take_step(
    optimizer: &(impl Optimizer + ?Sized),
    problem: &Problem,
    params: &[f64],
    state: &State,
) -> Option<(Step, State)> {
    take_step_using(optimizer, problem, params, state, None)
}

/// [`take_step`] moved by `estimate` instead of the full gradient when one is given (a
/// mini-batch's estimate of ∇L); the record still holds the full loss and gradient
/// before the step and the full loss after it. `None` also when `estimate` is not finite.
pub fn take_step_using(
    optimizer: &(impl Optimizer + ?Sized),
    problem: &Problem,
    params: &[f64],
    state: &State,
    estimate: Option<&[f64]>,
) -> Option<(Step, State)> {
    if !optimizer.is_valid() {
        return None;
    }
    take_step_from(
        optimizer,
        problem,
        params,
        state,
        estimate,
        problem.evaluate(params),
    )
}

/// [`take_step_using`] with L and ∇L at `params` already evaluated (`eval`, as
/// [`Problem::evaluate`] gives them): a session keeps the evaluation at its current
/// parameters for the screen, and a typed formula over 10 000 points should not pay for
/// the same pass of dual numbers twice.
pub fn take_step_from(
    optimizer: &(impl Optimizer + ?Sized),
    problem: &Problem,
    params: &[f64],
    state: &State,
    estimate: Option<&[f64]>,
    eval: Evaluation,
) -> Option<(Step, State)> {
    if !optimizer.is_valid() {
        return None;
    }
    if !eval.is_finite() {
        return None;
    }
    let direction = match estimate {
        Some(g) if g.len() == eval.gradient.len() && g.iter().all(|v| v.is_finite()) => g,
        Some(_) => return None,
        None => &eval.gradient,
    };
    let (mut step, mut next) = optimizer.update(direction, state, params);
    // A frozen parameter's gradient is 0, so no rule of `OPTIMIZERS.md` moves it from a
    // fresh state; this holds it even so, whatever an optimizer carries.
    for i in (0..params.len()).filter(|&i| problem.is_frozen(i)) {
        if let Some(s) = step.get_mut(i) {
            *s = 0.0;
        }
        for slot in &mut next.slots {
            if let Some(entry) = slot.get_mut(i) {
                *entry = 0.0;
            }
        }
    }
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
    fn heavy(learning_rate: f64) -> Momentum {
        Momentum {
            learning_rate,
            momentum: 0.9,
        }
    }

    #[test]
    fn undo_restores_the_optimizers_state_exactly() {
        let problem = presets::lecture().problem();
        let rule = StopRule::default();
        let mut run = Run::new(vec![8.0]);
        run.step(&problem, heavy(0.001), &rule);
        let after_one = (run.params().to_vec(), run.state().cloned());
        run.step(&problem, heavy(0.001), &rule);
        assert_ne!(run.state().cloned(), after_one.1);
        assert!(run.undo());
        assert_eq!((run.params().to_vec(), run.state().cloned()), after_one);
        // The same second step again, from the restored state.
        let mut again = run.clone();
        again.step(&problem, heavy(0.001), &rule);
        run.step(&problem, heavy(0.001), &rule);
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
