//! Models: a prediction ŷ(x) with parameters, and its derivatives ∂ŷ/∂θ.
//!
//! What the losses, the problem and the optimizers need of a model is the trait
//! [`ParametricModel`]: its parameters' names, ŷ and ∂ŷ/∂θ for 1 to [`MAX_PARAMS`]
//! parameters, and two facts about its shape. The built-in [`Model`] enum implements it;
//! a typed formula will be another implementation (and a variant of [`Model`] holding
//! it, so that a [`crate::Problem`] stays plain data: `Clone`, `PartialEq`, serialisable
//! by name).

use crate::formula::{FormulaError, FormulaModel, ParseOptions};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

pub use crate::parametric::{ParametricModel, MAX_PARAMS};

/// A model ŷ(x; θ). Parameters are passed as a slice in the order of
/// [`Model::param_names`]; a slice that is too short reads the missing values as 0.
///
/// Cheap to clone: a typed formula is shared ([`Arc`]). Two formulas are equal when their
/// texts are (the text is what a lesson saves).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(into = "ModelRepr", try_from = "ModelRepr")]
pub enum Model {
    /// `ŷ = a·x`: the lecture's model (a line through the origin).
    #[default]
    Linear,
    /// `ŷ = a·x + b`: a line with an intercept.
    Affine,
    /// `ŷ = a·x + b − 2a²`: the lecture's non-convex example, whose loss in `a` has two
    /// local minima when b is frozen at 2.
    NonConvex,
    /// A formula the teacher typed (issue 11), with its parameters among a, b, c, d.
    Formula(Arc<FormulaModel>),
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Model::Formula(f), Model::Formula(g)) => f.source() == g.source(),
            _ => self.id() == other.id(),
        }
    }
}

impl Eq for Model {}

impl std::hash::Hash for Model {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id().hash(state);
        if let Model::Formula(f) = self {
            f.source().hash(state);
        }
    }
}

/// The serde form: the built-in models by name, a formula by its text (read with decimal
/// commas, which accepts every text either language accepted).
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ModelRepr {
    Linear,
    Affine,
    NonConvex,
    Formula(String),
}

impl From<Model> for ModelRepr {
    fn from(model: Model) -> Self {
        match model {
            Model::Linear => ModelRepr::Linear,
            Model::Affine => ModelRepr::Affine,
            Model::NonConvex => ModelRepr::NonConvex,
            Model::Formula(f) => ModelRepr::Formula(f.source().to_owned()),
        }
    }
}

impl TryFrom<ModelRepr> for Model {
    type Error = FormulaError;
    fn try_from(repr: ModelRepr) -> Result<Self, FormulaError> {
        Ok(match repr {
            ModelRepr::Linear => Model::Linear,
            ModelRepr::Affine => Model::Affine,
            ModelRepr::NonConvex => Model::NonConvex,
            ModelRepr::Formula(text) => Model::formula_text(&text)?,
        })
    }
}

impl Model {
    /// The built-in models, in the order the interface lists them.
    pub const ALL: [Model; 3] = [Model::Linear, Model::Affine, Model::NonConvex];

    /// A typed formula as a model, or what is wrong with it and where.
    pub fn parse_formula(text: &str, options: ParseOptions) -> Result<Model, FormulaError> {
        FormulaModel::parse(text, options).map(|f| Model::Formula(Arc::new(f)))
    }

    /// A saved formula's text as a model: read with decimal commas, which accepts every
    /// text the interface accepted in either language (see [`ParseOptions`]).
    pub fn formula_text(text: &str) -> Result<Model, FormulaError> {
        Model::parse_formula(
            text,
            ParseOptions {
                decimal_comma: true,
            },
        )
    }

    /// The typed formula, if this model is one.
    pub fn as_formula(&self) -> Option<&FormulaModel> {
        match self {
            Model::Formula(f) => Some(f),
            _ => None,
        }
    }

    /// The formula as a student reads it (`ŷ = a·x`); a typed formula as a slide writes
    /// it, with a decimal comma if asked.
    pub fn formula(&self) -> String {
        self.formula_in(false)
    }

    /// [`Model::formula`] with a decimal comma for a typed formula's numbers if asked.
    pub fn formula_in(&self, decimal_comma: bool) -> String {
        match self {
            Model::Linear => "ŷ = a·x".to_owned(),
            Model::Affine => "ŷ = a·x + b".to_owned(),
            Model::NonConvex => "ŷ = a·x + b − 2a²".to_owned(),
            Model::Formula(f) => format!("ŷ = {}", f.pretty(decimal_comma)),
        }
    }

    /// A stable machine name (used in links and saved lessons); `formula` for a typed
    /// formula, whose text is saved beside it.
    pub fn id(&self) -> &'static str {
        match self {
            Model::Linear => "linear",
            Model::Affine => "affine",
            Model::NonConvex => "non-convex",
            Model::Formula(_) => "formula",
        }
    }

    /// The built-in model with the given [`Model::id`].
    pub fn from_id(id: &str) -> Option<Model> {
        Model::ALL.into_iter().find(|m| m.id() == id)
    }

    /// The parameter names, in the order parameters are passed.
    pub fn param_names(&self) -> Vec<&'static str> {
        match self {
            Model::Linear => vec!["a"],
            Model::Affine | Model::NonConvex => vec!["a", "b"],
            Model::Formula(f) => f.param_names(),
        }
    }

    /// Number of parameters.
    pub fn param_count(&self) -> usize {
        match self {
            Model::Linear => 1,
            Model::Affine | Model::NonConvex => 2,
            Model::Formula(f) => f.params().len(),
        }
    }

    /// Whether ŷ is linear in the parameters (then the L2 loss is a quadratic with a
    /// closed-form minimum and a fixed learning-rate limit).
    pub fn is_linear_in_params(&self) -> bool {
        match self {
            Model::Linear | Model::Affine => true,
            Model::NonConvex => false,
            Model::Formula(f) => f.is_linear_in_params(),
        }
    }

    /// Whether ŷ is affine in the parameters `free` picks, the others held: what a
    /// closed-form minimum over just those needs ([`crate::analysis::closed_form_along`]).
    /// The built-in non-convex model answers as [`Model::is_linear_in_params`] does: its
    /// closed forms would come from the data's sums, which hold for a·x + b alone.
    pub fn is_linear_in(&self, free: &dyn Fn(usize) -> bool) -> bool {
        match self {
            Model::Formula(f) => f.is_linear_in(free),
            _ => self.is_linear_in_params(),
        }
    }

    /// Whether ŷ is a straight line in x for fixed parameters (then two points draw it
    /// exactly).
    pub fn is_linear_in_x(&self) -> bool {
        match self {
            Model::Linear | Model::Affine | Model::NonConvex => true,
            Model::Formula(f) => f.is_linear_in_x(),
        }
    }

    /// The prediction ŷ(x).
    #[inline]
    pub fn predict(&self, params: &[f64], x: f64) -> f64 {
        let a = param(params, 0);
        match self {
            Model::Linear => a * x,
            Model::Affine => a * x + param(params, 1),
            Model::NonConvex => a * x + param(params, 1) - 2.0 * a * a,
            Model::Formula(f) => f.predict(params, x),
        }
    }

    /// The derivatives ∂ŷ/∂θ at x, one per parameter (unused entries are 0):
    /// - `a·x`: ∂ŷ/∂a = x;
    /// - `a·x + b`: ∂ŷ/∂a = x, ∂ŷ/∂b = 1;
    /// - `a·x + b − 2a²`: ∂ŷ/∂a = x − 4a, ∂ŷ/∂b = 1;
    /// - a typed formula: by dual numbers, exact up to rounding.
    #[inline]
    pub fn prediction_gradient(&self, params: &[f64], x: f64) -> [f64; MAX_PARAMS] {
        match self {
            Model::Linear => [x, 0.0, 0.0, 0.0],
            Model::Affine => [x, 1.0, 0.0, 0.0],
            Model::NonConvex => [x - 4.0 * param(params, 0), 1.0, 0.0, 0.0],
            Model::Formula(f) => f.prediction_gradient(params, x),
        }
    }

    /// Default parameter values for a new lesson with this model (1 for each parameter of
    /// a typed formula).
    pub fn default_params(&self) -> Vec<f64> {
        match self {
            Model::Linear => vec![1.0],
            Model::Affine => vec![1.0, 0.0],
            Model::NonConvex => vec![0.0, 2.0],
            Model::Formula(f) => vec![1.0; f.params().len()],
        }
    }
}

impl ParametricModel for Model {
    fn param_count(&self) -> usize {
        Model::param_count(self)
    }
    fn param_name(&self, index: usize) -> Option<&str> {
        match self {
            Model::Formula(f) => f.param_name(index),
            _ => ["a", "b"]
                .get(index)
                .copied()
                .filter(|_| index < Model::param_count(self)),
        }
    }
    #[inline]
    fn predict(&self, params: &[f64], x: f64) -> f64 {
        Model::predict(self, params, x)
    }
    #[inline]
    fn prediction_gradient(&self, params: &[f64], x: f64) -> [f64; MAX_PARAMS] {
        Model::prediction_gradient(self, params, x)
    }
    #[inline]
    fn predict_with_gradient(&self, params: &[f64], x: f64) -> (f64, [f64; MAX_PARAMS]) {
        match self {
            Model::Formula(f) => f.predict_with_gradient(params, x),
            _ => (
                Model::predict(self, params, x),
                Model::prediction_gradient(self, params, x),
            ),
        }
    }
    fn is_linear_in_params(&self) -> bool {
        Model::is_linear_in_params(self)
    }
    fn is_linear_in_x(&self) -> bool {
        Model::is_linear_in_x(self)
    }
    fn is_proportional(&self) -> bool {
        match self {
            Model::Linear => true,
            Model::Formula(f) => f.is_proportional(),
            _ => false,
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
