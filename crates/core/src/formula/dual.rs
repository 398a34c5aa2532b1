//! The dual numbers of forward-mode automatic differentiation: a value and its derivative
//! with respect to each of up to [`MAX_PARAMS`] parameters, carried through every
//! operation by the chain rule.
//!
//! [`Scalar`] is what the evaluator needs of a number: `f64` and [`Dual`] implement it.
//!
//! The type is our own: `num-dual` without its default features has only a one-slot
//! dual (its vector duals need nalgebra, a default feature); BENCHMARKS.md has the
//! measurement behind the choice.

use super::ast::Func;
use crate::parametric::MAX_PARAMS;
use std::ops::{Add, Div, Mul, Neg, Sub};

/// A dual number: a value and its derivative with respect to each of up to
/// [`MAX_PARAMS`] parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dual {
    /// The value.
    pub value: f64,
    /// ∂value/∂θᵢ.
    pub grad: [f64; MAX_PARAMS],
}

impl Dual {
    /// A constant: every derivative 0.
    pub fn constant(value: f64) -> Self {
        Self {
            value,
            grad: [0.0; MAX_PARAMS],
        }
    }

    /// Parameter `slot` at `value`: its own derivative 1, the others 0.
    pub fn variable(value: f64, slot: usize) -> Self {
        let mut grad = [0.0; MAX_PARAMS];
        if let Some(g) = grad.get_mut(slot) {
            *g = 1.0;
        }
        Self { value, grad }
    }

    /// The chain rule for f(self) with f(u) = `value`, f′(u) = `slope`.
    #[inline]
    pub(super) fn chain(self, value: f64, slope: f64) -> Self {
        let mut grad = self.grad;
        for g in &mut grad {
            *g *= slope;
        }
        Self { value, grad }
    }

    /// Whether the value and every derivative are finite.
    pub fn is_finite(&self) -> bool {
        self.value.is_finite() && self.grad.iter().all(|g| g.is_finite())
    }
}

impl Add for Dual {
    type Output = Dual;
    #[inline]
    fn add(self, o: Dual) -> Dual {
        let mut grad = self.grad;
        for (g, h) in grad.iter_mut().zip(o.grad) {
            *g += h;
        }
        Dual {
            value: self.value + o.value,
            grad,
        }
    }
}

impl Sub for Dual {
    type Output = Dual;
    #[inline]
    fn sub(self, o: Dual) -> Dual {
        let mut grad = self.grad;
        for (g, h) in grad.iter_mut().zip(o.grad) {
            *g -= h;
        }
        Dual {
            value: self.value - o.value,
            grad,
        }
    }
}

impl Mul for Dual {
    type Output = Dual;
    #[inline]
    fn mul(self, o: Dual) -> Dual {
        let mut grad = [0.0; MAX_PARAMS];
        for ((g, du), dv) in grad.iter_mut().zip(self.grad).zip(o.grad) {
            *g = du * o.value + self.value * dv;
        }
        Dual {
            value: self.value * o.value,
            grad,
        }
    }
}

impl Div for Dual {
    type Output = Dual;
    #[inline]
    fn div(self, o: Dual) -> Dual {
        let value = self.value / o.value;
        let mut grad = [0.0; MAX_PARAMS];
        for ((g, du), dv) in grad.iter_mut().zip(self.grad).zip(o.grad) {
            *g = (du - value * dv) / o.value;
        }
        Dual { value, grad }
    }
}

impl Neg for Dual {
    type Output = Dual;
    #[inline]
    fn neg(self) -> Dual {
        let mut grad = self.grad;
        for g in &mut grad {
            *g = -*g;
        }
        Dual {
            value: -self.value,
            grad,
        }
    }
}

/// u^n for a whole n, with u² computed as u·u (as the built-in models write it).
#[inline]
pub(super) fn pow_int(u: f64, n: i32) -> f64 {
    match n {
        2 => u * u,
        _ => u.powi(n),
    }
}

/// d(uⁿ)/du for a whole n.
#[inline]
pub(super) fn pow_int_slope(u: f64, n: i32) -> f64 {
    match n {
        0 => 0.0,
        1 => 1.0,
        _ => f64::from(n) * pow_int(u, n - 1),
    }
}

/// d(u^v) with v fixed: n·uⁿ⁻¹ (0 for v = 0), defined for a negative u too.
#[inline]
pub(super) fn pow_fixed_slope(u: f64, v: f64) -> f64 {
    if v == 0.0 {
        0.0
    } else {
        v * u.powf(v - 1.0)
    }
}

/// One derivative of u^v when the exponent moves: u^v·(dv·ln u + v·du/u), each part 0
/// where its derivative is (so a base or exponent that does not move adds nothing, even
/// where ln u or 1/u is not finite).
#[inline]
pub(super) fn pow_moving(value: f64, (u, du): (f64, f64), (v, dv): (f64, f64), ln: f64) -> f64 {
    let from_base = if du == 0.0 { 0.0 } else { v * du / u };
    let from_exponent = if dv == 0.0 { 0.0 } else { dv * ln };
    value * (from_exponent + from_base)
}

/// What the evaluator needs of a number type.
pub trait Scalar: Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> {
    /// A constant.
    fn number(value: f64) -> Self;
    /// Not-a-number, for a malformed program (never met in a compiled one).
    fn nan() -> Self {
        Self::number(f64::NAN)
    }
    /// The value part.
    fn value(&self) -> f64;
    /// −u
    fn negate(self) -> Self;
    /// u/v
    fn divide(self, v: Self) -> Self;
    /// uⁿ
    fn pow_int(self, n: i32) -> Self;
    /// u^v
    fn pow(self, v: Self) -> Self;
    /// f(u)
    fn call(self, f: Func) -> Self;
}

impl Scalar for f64 {
    fn number(value: f64) -> Self {
        value
    }
    fn value(&self) -> f64 {
        *self
    }
    fn negate(self) -> Self {
        -self
    }
    fn divide(self, v: Self) -> Self {
        self / v
    }
    fn pow_int(self, n: i32) -> Self {
        pow_int(self, n)
    }
    fn pow(self, v: Self) -> Self {
        self.powf(v)
    }
    fn call(self, f: Func) -> Self {
        f.apply(self)
    }
}

impl Scalar for Dual {
    fn number(value: f64) -> Self {
        Dual::constant(value)
    }
    fn value(&self) -> f64 {
        self.value
    }
    fn negate(self) -> Self {
        -self
    }
    fn divide(self, v: Self) -> Self {
        self / v
    }
    fn pow_int(self, n: i32) -> Self {
        self.chain(pow_int(self.value, n), pow_int_slope(self.value, n))
    }
    fn pow(self, v: Self) -> Self {
        let value = self.value.powf(v.value);
        let exponent_fixed = v.grad.iter().all(|g| *g == 0.0);
        if exponent_fixed {
            return self.chain(value, pow_fixed_slope(self.value, v.value));
        }
        let ln = self.value.ln();
        let mut grad = [0.0; MAX_PARAMS];
        for ((g, du), dv) in grad.iter_mut().zip(self.grad).zip(v.grad) {
            *g = pow_moving(value, (self.value, du), (v.value, dv), ln);
        }
        Dual { value, grad }
    }
    fn call(self, f: Func) -> Self {
        let value = f.apply(self.value);
        self.chain(value, slope(f, self.value, value))
    }
}

/// f′(u) for f(u) = `value`.
#[inline]
pub(super) fn slope(f: Func, u: f64, value: f64) -> f64 {
    match f {
        Func::Sin => u.cos(),
        Func::Cos => -u.sin(),
        Func::Tan => 1.0 + value * value,
        Func::Exp => value,
        Func::Ln => 1.0 / u,
        Func::Log => 1.0 / (u * std::f64::consts::LN_10),
        Func::Sqrt => 0.5 / value,
        // The subgradient 0 at the kink, as the L1 loss takes it.
        Func::Abs => {
            if u > 0.0 {
                1.0
            } else if u < 0.0 {
                -1.0
            } else {
                0.0
            }
        }
        Func::Tanh => 1.0 - value * value,
        Func::Sigmoid => value * (1.0 - value),
    }
}
