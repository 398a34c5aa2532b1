//! Running a [`Program`]: in `f64` for ŷ, in [`Dual`] numbers for ŷ and every ∂ŷ/∂θ at
//! once (forward-mode automatic differentiation), and step by step to find why a
//! prediction is not a finite number.
//!
//! The dual type is our own: `num-dual` without its default features has only one
//! derivative slot (its vector duals need nalgebra); BENCHMARKS.md has the measurement.
//! Both evaluations do the same `f64` operations in the same order for the value, so
//! [`Dual::value`] equals [`value`] to the last bit.

use super::ast::{Func, Span};
use super::compile::{Op, Program};
use crate::model::MAX_PARAMS;
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
    fn chain(self, value: f64, slope: f64) -> Self {
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
fn pow_int(u: f64, n: i32) -> f64 {
    match n {
        2 => u * u,
        _ => u.powi(n),
    }
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
        let value = pow_int(self.value, n);
        let slope = match n {
            0 => 0.0,
            1 => 1.0,
            _ => f64::from(n) * pow_int(self.value, n - 1),
        };
        self.chain(value, slope)
    }
    fn pow(self, v: Self) -> Self {
        let value = self.value.powf(v.value);
        let exponent_fixed = v.grad.iter().all(|g| *g == 0.0);
        if exponent_fixed {
            // d(uⁿ) = n·uⁿ⁻¹·du: defined for a negative u too.
            let slope = if v.value == 0.0 {
                0.0
            } else {
                v.value * self.value.powf(v.value - 1.0)
            };
            return self.chain(value, slope);
        }
        // d(u^v) = u^v·(dv·ln u + v·du/u)
        let ln = self.value.ln();
        let mut grad = [0.0; MAX_PARAMS];
        for ((g, du), dv) in grad.iter_mut().zip(self.grad).zip(v.grad) {
            let from_base = if du == 0.0 {
                0.0
            } else {
                v.value * du / self.value
            };
            let from_exponent = if dv == 0.0 { 0.0 } else { dv * ln };
            *g = value * (from_exponent + from_base);
        }
        Dual { value, grad }
    }
    fn call(self, f: Func) -> Self {
        let u = self.value;
        let value = f.apply(u);
        let slope = match f {
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
        };
        self.chain(value, slope)
    }
}

/// How many stack slots live on the call stack; a deeper program (none the parser
/// accepts needs it) uses the heap.
const STACK: usize = 96;

/// Runs `program` with parameter `i` read by `param(i)` and x given; after each
/// instruction `check(index, result, inputs)` may stop the run (the diagnosis does).
fn run<T: Scalar>(
    program: &Program,
    param: impl Fn(usize) -> T,
    x: T,
    mut check: impl FnMut(usize, T, &[T]) -> bool,
) -> T {
    let mut local = [T::number(0.0); STACK];
    let mut heap = Vec::new();
    let stack: &mut [T] = if program.max_stack <= STACK {
        &mut local
    } else {
        heap.resize(program.max_stack, T::number(0.0));
        &mut heap
    };
    let mut len = 0usize;
    for (index, instr) in program.code.iter().enumerate() {
        let arity = match instr.op {
            Op::Number(_) | Op::X | Op::Param(_) => 0,
            Op::Neg | Op::PowInt(_) | Op::Call(_) => 1,
            _ => 2,
        };
        let Some(base) = len.checked_sub(arity) else {
            return T::nan();
        };
        let (u, v) = match (stack.get(base), stack.get(base + 1)) {
            (Some(u), Some(v)) if arity == 2 => (*u, *v),
            (Some(u), _) => (*u, *u),
            (None, _) => (T::nan(), T::nan()),
        };
        let result = match instr.op {
            Op::Number(n) => T::number(n),
            Op::X => x,
            Op::Param(i) => param(i),
            Op::Neg => u.negate(),
            Op::Add => u + v,
            Op::Sub => u - v,
            Op::Mul => u * v,
            Op::Div => u.divide(v),
            Op::PowInt(n) => u.pow_int(n),
            Op::Pow => u.pow(v),
            Op::Call(f) => u.call(f),
        };
        let inputs = stack.get(base..len).unwrap_or_default();
        if !check(index, result, inputs) {
            return result;
        }
        let Some(slot) = stack.get_mut(base) else {
            return T::nan();
        };
        *slot = result;
        len = base + 1;
    }
    stack.first().copied().unwrap_or_else(T::nan)
}

/// ŷ at `x` (parameters past the slice read as 0).
#[inline]
pub fn value(program: &Program, params: &[f64], x: f64) -> f64 {
    run(
        program,
        |i| params.get(i).copied().unwrap_or(0.0),
        x,
        |_, _, _| true,
    )
}

/// ŷ and ∂ŷ/∂θ at `x`.
#[inline]
pub fn dual(program: &Program, params: &[f64], x: f64) -> Dual {
    run(
        program,
        |i| Dual::variable(params.get(i).copied().unwrap_or(0.0), i),
        Dual::constant(x),
        |_, _, _| true,
    )
}

/// Why a prediction is not a finite number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// ln or log of a negative number.
    LogOfNegative,
    /// ln or log of 0 (−∞).
    LogOfZero,
    /// Division by zero (also 0 to a negative power).
    DivisionByZero,
    /// Square root of a negative number.
    SqrtOfNegative,
    /// A negative number to a power that is not whole.
    NegativeBase,
    /// A result too large for a floating-point number (exp(1000), 10^400 …).
    Overflow,
    /// A parameter's value is itself not finite.
    ParameterNotFinite,
    /// The value is finite but a derivative is not (√u or |u|^0.5 at 0: a vertical
    /// tangent).
    NoDerivative,
}

/// Where and why a prediction is undefined.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Undefined {
    /// Why.
    pub reason: Reason,
    /// The part of the formula whose value is the first not to be finite.
    pub span: Span,
}

fn classify(op: Op, inputs: &[f64]) -> Reason {
    let u = inputs.first().copied().unwrap_or(f64::NAN);
    let v = inputs.get(1).copied().unwrap_or(f64::NAN);
    match op {
        Op::Param(_) => Reason::ParameterNotFinite,
        Op::Div if v == 0.0 => Reason::DivisionByZero,
        Op::Call(Func::Ln | Func::Log) if u < 0.0 => Reason::LogOfNegative,
        Op::Call(Func::Ln | Func::Log) if u == 0.0 => Reason::LogOfZero,
        Op::Call(Func::Sqrt) if u < 0.0 => Reason::SqrtOfNegative,
        Op::PowInt(n) if u == 0.0 && n < 0 => Reason::DivisionByZero,
        Op::Pow if u == 0.0 && v < 0.0 => Reason::DivisionByZero,
        Op::Pow if u < 0.0 && v.fract() != 0.0 => Reason::NegativeBase,
        _ => Reason::Overflow,
    }
}

/// The first instruction whose result is not finite though its inputs are, if any.
fn first_failure<T: Scalar>(
    program: &Program,
    param: impl Fn(usize) -> T,
    x: T,
    finite: impl Fn(&T) -> bool,
) -> Option<(usize, Vec<f64>)> {
    let mut failure = None;
    run(program, param, x, |index, result, inputs| {
        if finite(&result) || !inputs.iter().all(&finite) {
            return true;
        }
        failure = Some((index, inputs.iter().map(Scalar::value).collect()));
        false
    });
    failure
}

/// ŷ at `x` if it and every ∂ŷ/∂θ are finite numbers; else where and why not.
pub fn diagnose(program: &Program, params: &[f64], x: f64) -> Result<f64, Undefined> {
    let span_of = |index: usize| {
        program
            .code
            .get(index)
            .map_or(Span::default(), |instr| instr.span)
    };
    let param = |i: usize| params.get(i).copied().unwrap_or(0.0);
    if let Some((index, inputs)) = first_failure(program, param, x, |v: &f64| v.is_finite()) {
        let op = program.code.get(index).map_or(Op::X, |i| i.op);
        return Err(Undefined {
            reason: classify(op, &inputs),
            span: span_of(index),
        });
    }
    let dual_param = |i: usize| Dual::variable(param(i), i);
    if let Some((index, _)) = first_failure(program, dual_param, Dual::constant(x), Dual::is_finite)
    {
        return Err(Undefined {
            reason: Reason::NoDerivative,
            span: span_of(index),
        });
    }
    Ok(value(program, params, x))
}
