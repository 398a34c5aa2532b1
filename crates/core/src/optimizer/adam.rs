//! Adam, as `torch.optim.Adam(betas=(β₁, β₂), eps=ε)`: running means of the gradient,
//! `m := β₁·m + (1 − β₁)·g`, and of its square, `v := β₂·v + (1 − β₂)·g²`, each
//! corrected for starting at 0 (`m̂ := m / (1 − β₁ᵗ)`, `v̂ := v / (1 − β₂ᵗ)`), and
//! `θ := θ − γ·m̂ / (√v̂ + ε)`. Its first step moves every free coordinate by γ (up to ε)
//! against the sign of its gradient.

use super::rmsprop::DEFAULT_EPSILON;
use super::{far_beyond_the_start, valid_decay, valid_epsilon, valid_learning_rate, Divergence};
use super::{HyperparameterError, Optimizer, State, Step, StopRule};

/// The id Adam is registered under.
pub const ID: &str = "adam";

/// β₁ of `torch.optim.Adam`, 0.9.
pub const DEFAULT_BETA1: f64 = 0.9;

/// β₂ of `torch.optim.Adam`, 0.999.
pub const DEFAULT_BETA2: f64 = 0.999;

/// Adam with learning rate γ, β₁, β₂ and ε.
///
/// State: two slots, the first moment m and the second moment v (one entry per
/// parameter each; 0 for a frozen one), and the step count t for the bias correction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Adam {
    /// γ, the learning rate.
    pub learning_rate: f64,
    /// β₁, how much of the mean gradient m is kept: at least 0, below 1.
    pub beta1: f64,
    /// β₂, how much of the mean square v is kept: at least 0, below 1.
    pub beta2: f64,
    /// ε, added to √v̂ so that a zero gradient does not divide by zero: positive.
    pub epsilon: f64,
}

impl Adam {
    /// Adam with learning rate γ, β₁, β₂ and ε, checked: γ and ε must be positive finite
    /// numbers and β₁, β₂ lie in [0, 1).
    pub fn new(
        learning_rate: f64,
        beta1: f64,
        beta2: f64,
        epsilon: f64,
    ) -> Result<Self, HyperparameterError> {
        let optimizer = Self {
            learning_rate,
            beta1,
            beta2,
            epsilon,
        };
        optimizer.validate().map(|()| optimizer)
    }
}

impl Optimizer for Adam {
    fn id(&self) -> &'static str {
        ID
    }

    fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    fn validate(&self) -> Result<(), HyperparameterError> {
        valid_learning_rate(self.learning_rate)?;
        valid_decay("β₁", self.beta1)?;
        valid_decay("β₂", self.beta2)?;
        valid_epsilon(self.epsilon)
    }

    fn init(&self, param_count: usize) -> State {
        State {
            count: 0,
            slots: vec![vec![0.0; param_count]; 2],
        }
    }

    fn update(&self, gradient: &[f64], state: &State, _params: &[f64]) -> (Vec<f64>, State) {
        let n = gradient.len();
        let slot = |k: usize| {
            state
                .slots
                .get(k)
                .filter(|s| s.len() == n)
                .cloned()
                .unwrap_or_else(|| vec![0.0; n])
        };
        let (mut m, mut v) = (slot(0), slot(1));
        for ((m, v), g) in m.iter_mut().zip(v.iter_mut()).zip(gradient) {
            *m = self.beta1 * *m + (1.0 - self.beta1) * g;
            *v = self.beta2 * *v + (1.0 - self.beta2) * g * g;
        }
        let t = state.count.saturating_add(1);
        let t_power = i32::try_from(t).unwrap_or(i32::MAX);
        let correction1 = 1.0 - self.beta1.powi(t_power);
        let correction2 = 1.0 - self.beta2.powi(t_power);
        let step = m
            .iter()
            .zip(&v)
            .map(|(m, v)| {
                let m_hat = m / correction1;
                let v_hat = v / correction2;
                -(self.learning_rate * m_hat / (v_hat.sqrt() + self.epsilon))
            })
            .collect();
        let next = State {
            count: t,
            slots: vec![m, v],
        };
        (step, next)
    }

    /// Adam's steps keep a length of about γ, so near a minimum the loss may rise a few
    /// times: only a loss far beyond the start is divergence.
    fn divergence(&self, history: &[Step], _rule: &StopRule) -> Option<Divergence> {
        far_beyond_the_start(history)
    }
}

/// Adam as the registry makes it: β₁ = 0.9, β₂ = 0.999, ε = 1e−8.
#[cfg_attr(not(feature = "optimizers"), allow(dead_code))]
pub(super) fn boxed(learning_rate: f64) -> Box<dyn Optimizer> {
    Box::new(Adam {
        learning_rate,
        beta1: DEFAULT_BETA1,
        beta2: DEFAULT_BETA2,
        epsilon: DEFAULT_EPSILON,
    })
}
