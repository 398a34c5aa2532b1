//! Plain gradient descent: `θ := θ − γ·∂L/∂θ` for every free parameter at once. No state.

use super::{take_step, Optimizer, State, Step};
use crate::problem::Problem;

/// The id gradient descent is registered under.
pub const ID: &str = "gd";

/// Plain gradient descent with a fixed learning rate γ.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradientDescent {
    /// γ, the learning rate: how far each step moves against the gradient.
    pub learning_rate: f64,
}

impl GradientDescent {
    /// A descent with learning rate γ.
    pub fn new(learning_rate: f64) -> Self {
        Self { learning_rate }
    }

    /// Whether γ is usable: a finite positive number.
    pub fn is_valid(&self) -> bool {
        Optimizer::is_valid(self)
    }

    /// One step from `params`: `θ := θ − γ·∂L/∂θ`. Returns `None` when γ is not valid
    /// or the step would leave the finite numbers or carry a parameter beyond
    /// ±[`crate::range::PARAM_BOUND`] (see [`take_step`]).
    pub fn step(&self, problem: &Problem, params: &[f64]) -> Option<Step> {
        take_step(self, problem, params, &State::default()).map(|(step, _)| step)
    }
}

impl Optimizer for GradientDescent {
    fn id(&self) -> &'static str {
        ID
    }

    fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    fn init(&self, _param_count: usize) -> State {
        State::default()
    }

    fn update(&self, gradient: &[f64], state: &State, _params: &[f64]) -> (Vec<f64>, State) {
        let step = gradient.iter().map(|g| -(self.learning_rate * g)).collect();
        (step, state.clone())
    }
}

/// Gradient descent as the registry makes it.
pub(super) fn boxed(learning_rate: f64) -> Box<dyn Optimizer> {
    Box::new(GradientDescent::new(learning_rate))
}
