//! Models: a prediction ŷ(x) with parameters, and its derivatives ∂ŷ/∂θ.

use serde::{Deserialize, Serialize};

/// The most parameters any model here has; lets the hot loops use fixed arrays.
pub const MAX_PARAMS: usize = 2;

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
            Model::Linear => [x, 0.0],
            Model::Affine => [x, 1.0],
            Model::NonConvex => [x - 4.0 * param(params, 0), 1.0],
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
