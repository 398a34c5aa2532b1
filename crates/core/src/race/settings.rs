//! What a racer is set to: its optimizer and hyperparameters ([`Settings`]), the
//! learning-rate [`Schedule`], and the typed errors of every setting ([`SettingError`]).

use crate::optimizer::{
    self, adam, gd, momentum, nesterov, rmsprop, valid_decay, valid_epsilon, valid_learning_rate,
    GradientDescent, HyperparameterError, Optimizer,
};
#[cfg(feature = "optimizers")]
use crate::optimizer::{Adam, Momentum, Nesterov, RmsProp};

/// A setting the race cannot use; the app words each one.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingError {
    /// No optimizer is registered under this id.
    UnknownOptimizer(String),
    /// γ, β, α, β₁, β₂ or ε is out of range (see [`HyperparameterError`]).
    Hyperparameter(HyperparameterError),
    /// A batch size of 0, or more than the n rows there are.
    BatchSize {
        /// The size asked for.
        size: usize,
        /// The rows there are.
        rows: usize,
    },
    /// The seed's text is not a whole number from 0 to 2⁶⁴ − 1.
    Seed(String),
    /// A schedule's own number is out of range: the decay factor or rate (named
    /// `name`) must be a number above 0 and at most 1 (a rate for 1/t: any finite number
    /// from 0 up), and a step-decay period a whole number of steps from 1.
    Schedule {
        /// `factor`, `every` or `rate`.
        name: &'static str,
        /// The value given.
        value: f64,
    },
}

impl std::fmt::Display for SettingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingError::UnknownOptimizer(id) => write!(f, "there is no optimizer “{id}”"),
            SettingError::Hyperparameter(e) => e.fmt(f),
            SettingError::BatchSize { size, rows } => {
                write!(f, "a batch of {size} rows is not between 1 and {rows}")
            }
            SettingError::Seed(text) => write!(f, "the seed “{text}” is not a whole number"),
            SettingError::Schedule { name, value } => {
                write!(f, "the schedule's {name} = {value} is out of range")
            }
        }
    }
}

impl std::error::Error for SettingError {}

impl From<HyperparameterError> for SettingError {
    fn from(e: HyperparameterError) -> Self {
        SettingError::Hyperparameter(e)
    }
}

/// An optimizer and every hyperparameter it may use; those it does not use keep their
/// defaults and are ignored (β for GD, α for Adam, …).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// The optimizer's id, one of [`optimizer::IDS`].
    pub id: &'static str,
    /// γ, the learning rate (before any schedule).
    pub learning_rate: f64,
    /// β of momentum and Nesterov.
    pub beta: f64,
    /// α of RMSProp.
    pub alpha: f64,
    /// β₁ of Adam.
    pub beta1: f64,
    /// β₂ of Adam.
    pub beta2: f64,
    /// ε of RMSProp and Adam.
    pub epsilon: f64,
}

/// A hyperparameter a racer's settings may hold, for the fields the app shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hyperparameter {
    /// γ.
    LearningRate,
    /// β (momentum, Nesterov).
    Beta,
    /// α (RMSProp).
    Alpha,
    /// β₁ (Adam).
    Beta1,
    /// β₂ (Adam).
    Beta2,
    /// ε (RMSProp, Adam).
    Epsilon,
}

impl Settings {
    /// The settings of the optimizer `id` with torch.optim's defaults and the learning
    /// rate of `OPTIMIZERS.md`'s reference table (0.003 for GD, momentum and Nesterov,
    /// 0.01 for RMSProp, 0.1 for Adam); `None` for an unknown id.
    pub fn defaults(id: &str) -> Option<Settings> {
        let (id, learning_rate) =
            optimizer::IDS
                .iter()
                .find(|known| **known == id)
                .map(|known| match *known {
                    rmsprop::ID => (rmsprop::ID, 0.01),
                    adam::ID => (adam::ID, 0.1),
                    other => (other, 0.003),
                })?;
        Some(Settings {
            id,
            learning_rate,
            beta: momentum::DEFAULT_MOMENTUM,
            alpha: rmsprop::DEFAULT_ALPHA,
            beta1: adam::DEFAULT_BETA1,
            beta2: adam::DEFAULT_BETA2,
            epsilon: rmsprop::DEFAULT_EPSILON,
        })
    }

    /// The hyperparameters this optimizer uses, in the order the app lists them.
    pub fn used(&self) -> &'static [Hyperparameter] {
        use Hyperparameter::*;
        match self.id {
            momentum::ID | nesterov::ID => &[LearningRate, Beta],
            rmsprop::ID => &[LearningRate, Alpha, Epsilon],
            adam::ID => &[LearningRate, Beta1, Beta2, Epsilon],
            _ => &[LearningRate],
        }
    }

    /// The value of `which`.
    pub fn get(&self, which: Hyperparameter) -> f64 {
        match which {
            Hyperparameter::LearningRate => self.learning_rate,
            Hyperparameter::Beta => self.beta,
            Hyperparameter::Alpha => self.alpha,
            Hyperparameter::Beta1 => self.beta1,
            Hyperparameter::Beta2 => self.beta2,
            Hyperparameter::Epsilon => self.epsilon,
        }
    }

    /// These settings with `which` set to `value`, checked: the value must be usable
    /// (γ and ε positive and finite, β, α, β₁, β₂ from 0 up to but not including 1).
    /// Nothing changes on an error.
    pub fn with(self, which: Hyperparameter, value: f64) -> Result<Settings, SettingError> {
        check(which, value)?;
        let mut next = self;
        match which {
            Hyperparameter::LearningRate => next.learning_rate = value,
            Hyperparameter::Beta => next.beta = value,
            Hyperparameter::Alpha => next.alpha = value,
            Hyperparameter::Beta1 => next.beta1 = value,
            Hyperparameter::Beta2 => next.beta2 = value,
            Hyperparameter::Epsilon => next.epsilon = value,
        }
        Ok(next)
    }

    /// Whether these settings can race: the id is one of [`optimizer::IDS`] and every
    /// hyperparameter the optimizer uses is in range, in the order of [`Settings::used`],
    /// which is the order each optimizer's own [`Optimizer::validate`] checks them in (a
    /// test holds the two together). Builds no optimizer, so it costs a build without
    /// the `optimizers` feature none of their code.
    pub fn validate(&self) -> Result<(), SettingError> {
        if !optimizer::IDS.contains(&self.id) {
            return Err(SettingError::UnknownOptimizer(self.id.to_owned()));
        }
        self.used()
            .iter()
            .try_for_each(|&which| check(which, self.get(which)))
            .map_err(SettingError::from)
    }

    /// The optimizer these settings make, with learning rate `learning_rate` (the
    /// schedule's γ for this step), checked. Without the `optimizers` feature only
    /// gradient descent is made, and any other id is [`SettingError::UnknownOptimizer`]
    /// (see [`optimizer::REGISTRY`]).
    pub fn optimizer_at(&self, learning_rate: f64) -> Result<Box<dyn Optimizer>, SettingError> {
        let optimizer: Box<dyn Optimizer> = match self.id {
            gd::ID => Box::new(GradientDescent::new(learning_rate)),
            #[cfg(feature = "optimizers")]
            momentum::ID => Box::new(Momentum {
                learning_rate,
                momentum: self.beta,
            }),
            #[cfg(feature = "optimizers")]
            nesterov::ID => Box::new(Nesterov {
                learning_rate,
                momentum: self.beta,
            }),
            #[cfg(feature = "optimizers")]
            rmsprop::ID => Box::new(RmsProp {
                learning_rate,
                alpha: self.alpha,
                epsilon: self.epsilon,
            }),
            #[cfg(feature = "optimizers")]
            adam::ID => Box::new(Adam {
                learning_rate,
                beta1: self.beta1,
                beta2: self.beta2,
                epsilon: self.epsilon,
            }),
            other => return Err(SettingError::UnknownOptimizer(other.to_owned())),
        };
        optimizer.validate()?;
        Ok(optimizer)
    }

    /// The optimizer these settings make at their own γ, checked.
    pub fn optimizer(&self) -> Result<Box<dyn Optimizer>, SettingError> {
        self.optimizer_at(self.learning_rate)
    }
}

/// Whether `value` is usable as hyperparameter `which` (γ and ε positive and finite, β,
/// α, β₁, β₂ from 0 up to but not including 1), as the optimizers check them.
fn check(which: Hyperparameter, value: f64) -> Result<(), HyperparameterError> {
    match which {
        Hyperparameter::LearningRate => valid_learning_rate(value),
        Hyperparameter::Beta => valid_decay("β", value),
        Hyperparameter::Alpha => valid_decay("α", value),
        Hyperparameter::Beta1 => valid_decay("β₁", value),
        Hyperparameter::Beta2 => valid_decay("β₂", value),
        Hyperparameter::Epsilon => valid_epsilon(value),
    }
}

/// How the learning rate changes with the step number t (0 for the first step), from
/// the racer's γ₀.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Schedule {
    /// γ₀ at every step (the lecture's).
    #[default]
    Constant,
    /// γ₀·factorᵏ with k = ⌊t / every⌋ (torch.optim's `StepLR`).
    StepDecay {
        /// Steps between decays, at least 1.
        every: u32,
        /// The factor, above 0 and at most 1.
        factor: f64,
    },
    /// γ₀·factorᵗ (torch.optim's `ExponentialLR`).
    Exponential {
        /// The factor, above 0 and at most 1.
        factor: f64,
    },
    /// γ₀/(1 + rate·t) (the 1/t decay of Robbins and Monro's conditions).
    InverseTime {
        /// The rate, a finite number from 0 up.
        rate: f64,
    },
}

impl Schedule {
    /// Every kind of schedule with its default numbers, in the order the app lists them.
    pub const ALL: [Schedule; 4] = [
        Schedule::Constant,
        Schedule::StepDecay {
            every: 10,
            factor: 0.5,
        },
        Schedule::Exponential { factor: 0.95 },
        Schedule::InverseTime { rate: 0.1 },
    ];

    /// A stable machine name: `constant`, `step`, `exponential`, `inverse-time`.
    pub fn id(&self) -> &'static str {
        match self {
            Schedule::Constant => "constant",
            Schedule::StepDecay { .. } => "step",
            Schedule::Exponential { .. } => "exponential",
            Schedule::InverseTime { .. } => "inverse-time",
        }
    }

    /// The schedule of that kind with its default numbers.
    pub fn from_id(id: &str) -> Option<Schedule> {
        Schedule::ALL.into_iter().find(|s| s.id() == id)
    }

    /// γ at step t (0-based) from γ₀.
    pub fn learning_rate(&self, base: f64, t: usize) -> f64 {
        let t = t as f64;
        match *self {
            Schedule::Constant => base,
            Schedule::StepDecay { every, factor } => {
                base * factor.powf((t / f64::from(every.max(1))).floor())
            }
            Schedule::Exponential { factor } => base * factor.powf(t),
            Schedule::InverseTime { rate } => base / (1.0 + rate * t),
        }
    }

    /// Whether the schedule's numbers are usable.
    pub fn validate(&self) -> Result<(), SettingError> {
        let factor_ok = |f: f64| f > 0.0 && f <= 1.0;
        match *self {
            Schedule::Constant => Ok(()),
            Schedule::StepDecay { every: 0, .. } => Err(SettingError::Schedule {
                name: "every",
                value: 0.0,
            }),
            Schedule::StepDecay { factor, .. } | Schedule::Exponential { factor }
                if !factor_ok(factor) =>
            {
                Err(SettingError::Schedule {
                    name: "factor",
                    value: factor,
                })
            }
            Schedule::InverseTime { rate } if !(rate.is_finite() && rate >= 0.0) => {
                Err(SettingError::Schedule {
                    name: "rate",
                    value: rate,
                })
            }
            _ => Ok(()),
        }
    }
}

/// A number of a learning-rate schedule, each with a field of its own in the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScheduleParameter {
    /// Steps between decays of step decay: a whole number from 1 up.
    Every,
    /// The factor of step decay and of the exponential schedule: above 0, at most 1.
    Factor,
    /// The rate of the 1/t schedule: a finite number from 0 up.
    Rate,
}

impl ScheduleParameter {
    /// Its machine name, as the lesson format and [`SettingError::Schedule`] write it.
    pub fn name(&self) -> &'static str {
        match self {
            ScheduleParameter::Every => "every",
            ScheduleParameter::Factor => "factor",
            ScheduleParameter::Rate => "rate",
        }
    }
}

impl Schedule {
    /// The numbers this kind of schedule has, in the order the app shows their fields.
    pub fn parameters(&self) -> &'static [ScheduleParameter] {
        match self {
            Schedule::Constant => &[],
            Schedule::StepDecay { .. } => &[ScheduleParameter::Every, ScheduleParameter::Factor],
            Schedule::Exponential { .. } => &[ScheduleParameter::Factor],
            Schedule::InverseTime { .. } => &[ScheduleParameter::Rate],
        }
    }

    /// The value of `which`; `None` when this kind has no such number.
    pub fn get(&self, which: ScheduleParameter) -> Option<f64> {
        match (*self, which) {
            (Schedule::StepDecay { every, .. }, ScheduleParameter::Every) => Some(f64::from(every)),
            (Schedule::StepDecay { factor, .. }, ScheduleParameter::Factor)
            | (Schedule::Exponential { factor }, ScheduleParameter::Factor) => Some(factor),
            (Schedule::InverseTime { rate }, ScheduleParameter::Rate) => Some(rate),
            _ => None,
        }
    }

    /// This schedule with `which` set to `value`, checked ([`Schedule::validate`]); a
    /// step count that is not a whole number from 1 to 2³² − 1, or a number this kind
    /// does not have, is a [`SettingError::Schedule`] as well.
    pub fn with(self, which: ScheduleParameter, value: f64) -> Result<Schedule, SettingError> {
        let error = SettingError::Schedule {
            name: which.name(),
            value,
        };
        let schedule = match (self, which) {
            (Schedule::StepDecay { factor, .. }, ScheduleParameter::Every) => {
                if !(value.fract() == 0.0 && value >= 1.0 && value <= f64::from(u32::MAX)) {
                    return Err(error);
                }
                Schedule::StepDecay {
                    every: value as u32,
                    factor,
                }
            }
            (Schedule::StepDecay { every, .. }, ScheduleParameter::Factor) => Schedule::StepDecay {
                every,
                factor: value,
            },
            (Schedule::Exponential { .. }, ScheduleParameter::Factor) => {
                Schedule::Exponential { factor: value }
            }
            (Schedule::InverseTime { .. }, ScheduleParameter::Rate) => {
                Schedule::InverseTime { rate: value }
            }
            _ => return Err(error),
        };
        schedule.validate().map(|()| schedule)
    }
}

/// The seed typed in its field: a whole number from 0 to 2⁶⁴ − 1 (spaces around it
/// ignored); anything else, a fraction or a sign included, is a [`SettingError::Seed`].
pub fn parse_seed(text: &str) -> Result<u64, SettingError> {
    let trimmed = text.trim();
    if trimmed.is_empty() || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SettingError::Seed(text.to_owned()));
    }
    trimmed
        .parse::<u64>()
        .map_err(|_| SettingError::Seed(text.to_owned()))
}
