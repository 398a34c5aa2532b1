//! Models: a prediction ŷ(x) with parameters, and its derivatives ∂ŷ/∂θ.
//!
//! What the losses, the problem and the optimizers need of a model is the trait
//! [`ParametricModel`]: its parameters' names, ŷ and ∂ŷ/∂θ for 1 to [`MAX_PARAMS`]
//! parameters, and two facts about its shape. The built-in [`Model`] enum implements it;
//! a typed formula will be another implementation (and a variant of [`Model`] holding
//! it, so that a [`crate::Problem`] stays plain data: `Clone`, `PartialEq`, serialisable
//! by name).

use serde::{Deserialize, Serialize};

/// The most parameters a model may have; lets the hot loops use fixed arrays.
pub const MAX_PARAMS: usize = 4;

/// A model ŷ(x; θ) with 1 to [`MAX_PARAMS`] parameters, as the losses use it.
///
/// Parameters are passed as a slice in the order of [`ParametricModel::param_name`]; a
/// slice that is too short reads the missing values as 0.
pub trait ParametricModel {
    /// How many parameters θ has (1 to [`MAX_PARAMS`]).
    fn param_count(&self) -> usize;

    /// The name of parameter `index` as the lecture writes it (`a`, `b`); `None` past
    /// the last.
    fn param_name(&self, index: usize) -> Option<&str>;

    /// The prediction ŷ(x).
    fn predict(&self, params: &[f64], x: f64) -> f64;

    /// ∂ŷ/∂θ at x, one entry per parameter; entries past [`ParametricModel::param_count`]
    /// are 0.
    fn prediction_gradient(&self, params: &[f64], x: f64) -> [f64; MAX_PARAMS];

    /// ŷ(x) and ∂ŷ/∂θ together, as the losses' gradient loop asks for them; a model that
    /// computes both in one pass (a typed formula's dual numbers) overrides it.
    #[inline]
    fn predict_with_gradient(&self, params: &[f64], x: f64) -> (f64, [f64; MAX_PARAMS]) {
        (self.predict(params, x), self.prediction_gradient(params, x))
    }

    /// Whether ŷ is linear in the parameters (then the L2 loss is a quadratic in θ).
    fn is_linear_in_params(&self) -> bool;

    /// Whether ŷ is a straight line in x for fixed parameters (then two points draw it).
    fn is_linear_in_x(&self) -> bool;

    /// Whether ŷ is exactly θ₀·x, the lecture's line through the origin: the losses then
    /// use a loop of their own, the one benchmarked against numpy.
    fn is_proportional(&self) -> bool {
        false
    }
}

impl<M: ParametricModel + ?Sized> ParametricModel for &M {
    fn param_count(&self) -> usize {
        (**self).param_count()
    }
    fn param_name(&self, index: usize) -> Option<&str> {
        (**self).param_name(index)
    }
    #[inline]
    fn predict(&self, params: &[f64], x: f64) -> f64 {
        (**self).predict(params, x)
    }
    #[inline]
    fn prediction_gradient(&self, params: &[f64], x: f64) -> [f64; MAX_PARAMS] {
        (**self).prediction_gradient(params, x)
    }
    #[inline]
    fn predict_with_gradient(&self, params: &[f64], x: f64) -> (f64, [f64; MAX_PARAMS]) {
        (**self).predict_with_gradient(params, x)
    }
    fn is_linear_in_params(&self) -> bool {
        (**self).is_linear_in_params()
    }
    fn is_linear_in_x(&self) -> bool {
        (**self).is_linear_in_x()
    }
    fn is_proportional(&self) -> bool {
        (**self).is_proportional()
    }
}

/// A model ŷ(x; θ). Parameters are passed as a slice in the order of
/// [`Model::param_names`]; a slice that is too short reads the missing values as 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Model {
    /// `ŷ = a·x`: the lecture's model (a line through the origin).
    #[default]
    Linear,
    /// `ŷ = a·x + b`: a line with an intercept.
    Affine,
    /// `ŷ = a·x + b − 2a²`: the lecture's non-convex example, whose loss in `a` has two
    /// local minima when b is frozen at 2.
    NonConvex,
}

impl Model {
    /// Every model, in the order the interface lists them.
    pub const ALL: [Model; 3] = [Model::Linear, Model::Affine, Model::NonConvex];

    /// The formula as a student reads it.
    pub fn formula(self) -> &'static str {
        match self {
            Model::Linear => "ŷ = a·x",
            Model::Affine => "ŷ = a·x + b",
            Model::NonConvex => "ŷ = a·x + b − 2a²",
        }
    }

    /// A stable machine name (used in links and saved lessons).
    pub fn id(self) -> &'static str {
        match self {
            Model::Linear => "linear",
            Model::Affine => "affine",
            Model::NonConvex => "non-convex",
        }
    }

    /// The model with the given [`Model::id`].
    pub fn from_id(id: &str) -> Option<Model> {
        Model::ALL.into_iter().find(|m| m.id() == id)
    }

    /// The parameter names, in the order parameters are passed.
    pub fn param_names(self) -> &'static [&'static str] {
        match self {
            Model::Linear => &["a"],
            Model::Affine | Model::NonConvex => &["a", "b"],
        }
    }

    /// Number of parameters.
    pub fn param_count(self) -> usize {
        self.param_names().len()
    }

    /// Whether ŷ is linear in the parameters (then the L2 loss is a quadratic with a
    /// closed-form minimum and a fixed learning-rate limit).
    pub fn is_linear_in_params(self) -> bool {
        !matches!(self, Model::NonConvex)
    }

    /// Whether ŷ is a straight line in x for fixed parameters (then two points draw it
    /// exactly). True of every model here; a future curve in x would say false.
    pub fn is_linear_in_x(self) -> bool {
        match self {
            Model::Linear | Model::Affine | Model::NonConvex => true,
        }
    }

    /// The prediction ŷ(x).
    #[inline]
    pub fn predict(self, params: &[f64], x: f64) -> f64 {
        let a = param(params, 0);
        match self {
            Model::Linear => a * x,
            Model::Affine => a * x + param(params, 1),
            Model::NonConvex => a * x + param(params, 1) - 2.0 * a * a,
        }
    }

    /// The derivatives ∂ŷ/∂θ at x, one per parameter (unused entries are 0):
    /// - `a·x`: ∂ŷ/∂a = x;
    /// - `a·x + b`: ∂ŷ/∂a = x, ∂ŷ/∂b = 1;
    /// - `a·x + b − 2a²`: ∂ŷ/∂a = x − 4a, ∂ŷ/∂b = 1.
    #[inline]
    pub fn prediction_gradient(self, params: &[f64], x: f64) -> [f64; MAX_PARAMS] {
        match self {
            Model::Linear => [x, 0.0, 0.0, 0.0],
            Model::Affine => [x, 1.0, 0.0, 0.0],
            Model::NonConvex => [x - 4.0 * param(params, 0), 1.0, 0.0, 0.0],
        }
    }

    /// Default parameter values for a new lesson with this model.
    pub fn default_params(self) -> Vec<f64> {
        match self {
            Model::Linear => vec![1.0],
            Model::Affine => vec![1.0, 0.0],
            Model::NonConvex => vec![0.0, 2.0],
        }
    }
}

impl ParametricModel for Model {
    fn param_count(&self) -> usize {
        Model::param_count(*self)
    }
    fn param_name(&self, index: usize) -> Option<&str> {
        self.param_names().get(index).copied()
    }
    #[inline]
    fn predict(&self, params: &[f64], x: f64) -> f64 {
        Model::predict(*self, params, x)
    }
    #[inline]
    fn prediction_gradient(&self, params: &[f64], x: f64) -> [f64; MAX_PARAMS] {
        Model::prediction_gradient(*self, params, x)
    }
    fn is_linear_in_params(&self) -> bool {
        Model::is_linear_in_params(*self)
    }
    fn is_linear_in_x(&self) -> bool {
        Model::is_linear_in_x(*self)
    }
    fn is_proportional(&self) -> bool {
        matches!(self, Model::Linear)
    }
}

#[inline]
fn param(params: &[f64], i: usize) -> f64 {
    params.get(i).copied().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predictions_follow_the_formulas() {
        assert_eq!(Model::Linear.predict(&[8.0], 2.0), 16.0);
        assert_eq!(Model::Affine.predict(&[2.0, 1.0], 3.0), 7.0);
        assert_eq!(Model::NonConvex.predict(&[0.5, 2.0], 1.0), 2.0);
    }

    #[test]
    fn ids_round_trip() {
        for m in Model::ALL {
            assert_eq!(Model::from_id(m.id()), Some(m));
        }
        assert_eq!(Model::from_id("cubic"), None);
    }
}
