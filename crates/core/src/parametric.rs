//! What the losses, the problem and the optimizers need of a model: the trait
//! [`ParametricModel`]. Its own module, used by both `model` (the built-in models and the
//! [`crate::model::Model`] enum) and `formula` (a typed formula), so that `model` can hold
//! a formula without a circle among the modules. `model` re-exports both items.

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
