//! RMSProp, as `torch.optim.RMSprop(alpha=α, eps=ε)`: a running mean of squared
//! gradients, `s := α·s + (1 − α)·g²`, scales each coordinate's step,
//! `θ := θ − γ·g / (√s + ε)`, so a steep and a shallow direction move alike.

use super::{far_beyond_the_start, valid_decay, valid_epsilon, valid_learning_rate, Divergence};
use super::{HyperparameterError, Optimizer, State, Step, StopRule};

/// The id RMSProp is registered under.
pub const ID: &str = "rmsprop";

/// α of `torch.optim.RMSprop`, 0.99.
pub const DEFAULT_ALPHA: f64 = 0.99;

/// ε of `torch.optim.RMSprop` and `torch.optim.Adam`, 1e−8.
pub const DEFAULT_EPSILON: f64 = 1e-8;

/// RMSProp with learning rate γ, smoothing α and ε.
///
/// State: one slot, the mean square s (one entry per parameter; 0 for a frozen one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RmsProp {
    /// γ, the learning rate.
    pub learning_rate: f64,
    /// α, how much of the mean square is kept from one step to the next: at least 0,
    /// below 1.
    pub alpha: f64,
    /// ε, added to √s so that a zero gradient does not divide by zero: positive.
    pub epsilon: f64,
}

impl RmsProp {
    /// RMSProp with learning rate γ, α and ε, checked: γ and ε must be positive finite
    /// numbers and α lie in [0, 1).
    pub fn new(learning_rate: f64, alpha: f64, epsilon: f64) -> Result<Self, HyperparameterError> {
        let optimizer = Self {
            learning_rate,
            alpha,
            epsilon,
        };
        optimizer.validate().map(|()| optimizer)
    }
}

impl Optimizer for RmsProp {
    fn id(&self) -> &'static str {
        ID
    }

    fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    fn validate(&self) -> Result<(), HyperparameterError> {
        valid_learning_rate(self.learning_rate)?;
        valid_decay("α", self.alpha)?;
        valid_epsilon(self.epsilon)
    }

    fn init(&self, param_count: usize) -> State {
        State {
            count: 0,
            slots: vec![vec![0.0; param_count]],
        }
    }

    fn update(&self, gradient: &[f64], state: &State, _params: &[f64]) -> (Vec<f64>, State) {
        let zeros;
        let s_before = match state.slots.first() {
            Some(s) if s.len() == gradient.len() => s,
            _ => {
                zeros = vec![0.0; gradient.len()];
                &zeros
            }
        };
        let s: Vec<f64> = s_before
            .iter()
            .zip(gradient)
            .map(|(s, g)| self.alpha * s + (1.0 - self.alpha) * g * g)
            .collect();
        let step = gradient
            .iter()
            .zip(&s)
            .map(|(g, s)| -(self.learning_rate * g / (s.sqrt() + self.epsilon)))
            .collect();
        let next = State {
            count: state.count.saturating_add(1),
            slots: vec![s],
        };
        (step, next)
    }

    /// Each step has a length of about γ whatever the gradient, so near a minimum the
    /// loss may rise a few times while the steps shrink: only a loss far beyond the start
    /// is divergence.
    fn divergence(&self, history: &[Step], _rule: &StopRule) -> Option<Divergence> {
        far_beyond_the_start(history)
    }
}

/// RMSProp as the registry makes it: α = 0.99, ε = 1e−8.
#[cfg_attr(not(feature = "optimizers"), allow(dead_code))]
pub(super) fn boxed(learning_rate: f64) -> Box<dyn Optimizer> {
    Box::new(RmsProp {
        learning_rate,
        alpha: DEFAULT_ALPHA,
        epsilon: DEFAULT_EPSILON,
    })
}
