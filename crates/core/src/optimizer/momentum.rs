//! Heavy-ball momentum, as `torch.optim.SGD(momentum=β)`: a velocity v that remembers
//! the gradients, `v := g` at the first step, then `v := β·v + g`, and `θ := θ − γ·v`.
//! With β = 0 it is plain gradient descent.

use super::{far_beyond_the_start, valid_decay, valid_learning_rate, Divergence};
use super::{HyperparameterError, Optimizer, State, Step, StopRule};

/// The id momentum is registered under.
pub const ID: &str = "momentum";

/// β of `torch.optim.SGD` that the course uses, 0.9.
pub const DEFAULT_MOMENTUM: f64 = 0.9;

/// Heavy-ball momentum with learning rate γ and momentum β.
///
/// State: one slot, the velocity v (one entry per parameter; 0 for a frozen one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Momentum {
    /// γ, the learning rate.
    pub learning_rate: f64,
    /// β, how much of the velocity is kept from one step to the next: at least 0,
    /// below 1.
    pub momentum: f64,
}

impl Momentum {
    /// Momentum with learning rate γ and β, checked: γ must be a positive finite
    /// number and β lie in [0, 1).
    pub fn new(learning_rate: f64, momentum: f64) -> Result<Self, HyperparameterError> {
        let optimizer = Self {
            learning_rate,
            momentum,
        };
        optimizer.validate().map(|()| optimizer)
    }
}

/// The step and the state after it, for both momentum methods: the velocity `v := g` at
/// the first step, `v := β·v + g` after it, then `θ := θ − γ·v` (heavy ball) or, with
/// `look_ahead`, `θ := θ − γ·(g + β·v)` (Nesterov).
pub(super) fn velocity_step(
    learning_rate: f64,
    momentum: f64,
    look_ahead: bool,
    gradient: &[f64],
    state: &State,
) -> (Vec<f64>, State) {
    let v: Vec<f64> = match state.slots.first() {
        Some(v) if state.count > 0 => v
            .iter()
            .zip(gradient)
            .map(|(v, g)| momentum * v + g)
            .collect(),
        _ => gradient.to_vec(),
    };
    let step = gradient
        .iter()
        .zip(&v)
        .map(|(g, v)| {
            let direction = if look_ahead { g + momentum * v } else { *v };
            -(learning_rate * direction)
        })
        .collect();
    let next = State {
        count: state.count.saturating_add(1),
        slots: vec![v],
    };
    (step, next)
}

/// The state both momentum methods start from: one slot, the velocity, all zeros.
pub(super) fn zero_velocity(param_count: usize) -> State {
    State {
        count: 0,
        slots: vec![vec![0.0; param_count]],
    }
}

impl Optimizer for Momentum {
    fn id(&self) -> &'static str {
        ID
    }

    fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    fn validate(&self) -> Result<(), HyperparameterError> {
        valid_learning_rate(self.learning_rate)?;
        valid_decay("β", self.momentum)
    }

    fn init(&self, param_count: usize) -> State {
        zero_velocity(param_count)
    }

    fn update(&self, gradient: &[f64], state: &State, _params: &[f64]) -> (Vec<f64>, State) {
        velocity_step(self.learning_rate, self.momentum, false, gradient, state)
    }

    /// A momentum run climbs for a step or two and still converges (on `lecture-ab` at
    /// γ = 0.003 the loss rises at steps 2–3 and 9–10), so it diverges only when the
    /// loss grew far beyond where it started.
    fn divergence(&self, history: &[Step], _rule: &StopRule) -> Option<Divergence> {
        far_beyond_the_start(history)
    }
}

/// Momentum as the registry makes it: β = 0.9.
#[cfg_attr(not(feature = "optimizers"), allow(dead_code))]
pub(super) fn boxed(learning_rate: f64) -> Box<dyn Optimizer> {
    Box::new(Momentum {
        learning_rate,
        momentum: DEFAULT_MOMENTUM,
    })
}
