//! Nesterov momentum, as `torch.optim.SGD(momentum=β, nesterov=True)`: the velocity of
//! heavy-ball momentum (`v := g`, then `v := β·v + g`), but the step looks ahead along
//! it, `θ := θ − γ·(g + β·v)`. With β = 0 it is plain gradient descent.

use super::momentum::{velocity_step, zero_velocity, DEFAULT_MOMENTUM};
use super::{far_beyond_the_start, valid_decay, valid_learning_rate, Divergence};
use super::{HyperparameterError, Optimizer, State, Step, StopRule};

/// The id Nesterov momentum is registered under.
pub const ID: &str = "nesterov";

/// Nesterov momentum with learning rate γ and momentum β.
///
/// State: one slot, the velocity v (one entry per parameter; 0 for a frozen one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Nesterov {
    /// γ, the learning rate.
    pub learning_rate: f64,
    /// β, how much of the velocity is kept from one step to the next: at least 0,
    /// below 1.
    pub momentum: f64,
}

impl Nesterov {
    /// Nesterov momentum with learning rate γ and β, checked: γ must be a positive
    /// finite number and β lie in [0, 1).
    pub fn new(learning_rate: f64, momentum: f64) -> Result<Self, HyperparameterError> {
        let optimizer = Self {
            learning_rate,
            momentum,
        };
        optimizer.validate().map(|()| optimizer)
    }
}

impl Optimizer for Nesterov {
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
        velocity_step(self.learning_rate, self.momentum, true, gradient, state)
    }

    /// As for heavy-ball momentum: a few rises are part of the method, only a loss far
    /// beyond the start is divergence.
    fn divergence(&self, history: &[Step], _rule: &StopRule) -> Option<Divergence> {
        far_beyond_the_start(history)
    }
}

/// Nesterov momentum as the registry makes it: β = 0.9.
#[cfg_attr(not(feature = "optimizers"), allow(dead_code))]
pub(super) fn boxed(learning_rate: f64) -> Box<dyn Optimizer> {
    Box::new(Nesterov {
        learning_rate,
        momentum: DEFAULT_MOMENTUM,
    })
}
