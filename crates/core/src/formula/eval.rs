//! Running a [`Program`]: in `f64` for ŷ, in [`Dual`] numbers for ŷ and every ∂ŷ/∂θ at
//! once (forward-mode automatic differentiation), and step by step to find why a
//! prediction is not a finite number.
//!
//! Both evaluations do the same `f64` operations in the same order for the value, so
//! [`Dual::value`] equals [`value`] to the last bit.

use super::ast::{Func, Span};
use super::compile::{Op, Program};
pub use super::dual::{Dual, Scalar};

/// Runs `program` with parameter `i` read by `param(i)` and x given; after each
/// instruction `check(index, result, inputs)` may stop the run (the diagnosis does). The
/// stack lives on the call stack, sized to the program (a short one for the usual
/// formula: clearing it is part of every prediction's cost).
fn run<T: Scalar>(
    program: &Program,
    param: impl Fn(usize) -> T,
    x: T,
    check: impl FnMut(usize, T, &[T]) -> bool,
) -> T {
    if program.max_stack <= 8 {
        run_on(&mut [T::number(0.0); 8], program, param, x, check)
    } else if program.max_stack <= 32 {
        run_on(&mut [T::number(0.0); 32], program, param, x, check)
    } else {
        let mut heap = vec![T::number(0.0); program.max_stack];
        run_on(&mut heap, program, param, x, check)
    }
}

fn run_on<T: Scalar>(
    stack: &mut [T],
    program: &Program,
    param: impl Fn(usize) -> T,
    x: T,
    mut check: impl FnMut(usize, T, &[T]) -> bool,
) -> T {
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

/// How many points one pass of [`values`] takes.
const LANES: usize = 64;

/// `u[k] = f(u[k])` for the first `n` lanes.
#[inline]
fn map(u: &mut [f64; LANES], n: usize, f: impl Fn(f64) -> f64) {
    for a in u.iter_mut().take(n) {
        *a = f(*a);
    }
}

/// `u[k] = f(u[k], v[k])` for the first `n` lanes.
#[inline]
fn zip(u: &mut [f64; LANES], v: &[f64; LANES], n: usize, f: impl Fn(f64, f64) -> f64) {
    for (a, b) in u.iter_mut().zip(v).take(n) {
        *a = f(*a, *b);
    }
}

/// ŷ at every x of `xs`, appended to `out`: the same numbers as [`value`] to the last
/// bit, computed one instruction at a time over 64 points (the loop the loss curves and
/// maps of a typed formula spend their time in).
pub fn values(program: &Program, params: &[f64], xs: &[f64], out: &mut Vec<f64>) {
    let mut stack = vec![[0.0f64; LANES]; program.max_stack.max(1)];
    for chunk in xs.chunks(LANES) {
        let n = chunk.len();
        let mut len = 0usize;
        for instr in &program.code {
            match instr.op {
                Op::Number(_) | Op::Param(_) | Op::X => {
                    let Some(slot) = stack.get_mut(len) else {
                        return;
                    };
                    match instr.op {
                        Op::Number(c) => slot.fill(c),
                        Op::Param(i) => slot.fill(params.get(i).copied().unwrap_or(0.0)),
                        _ => {
                            for (a, x) in slot.iter_mut().zip(chunk) {
                                *a = *x;
                            }
                        }
                    }
                    len += 1;
                }
                Op::Neg | Op::PowInt(_) | Op::Call(_) => {
                    let Some(u) = len.checked_sub(1).and_then(|i| stack.get_mut(i)) else {
                        return;
                    };
                    match instr.op {
                        Op::Neg => map(u, n, |a| -a),
                        Op::PowInt(k) => map(u, n, |a| Scalar::pow_int(a, k)),
                        Op::Call(f) => map(u, n, |a| f.apply(a)),
                        _ => {}
                    }
                }
                Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Pow => {
                    let Some(top) = len.checked_sub(2) else {
                        return;
                    };
                    let (below, above) = stack.split_at_mut(top + 1);
                    let (Some(u), Some(v)) = (below.last_mut(), above.first()) else {
                        return;
                    };
                    match instr.op {
                        Op::Add => zip(u, v, n, |a, b| a + b),
                        Op::Sub => zip(u, v, n, |a, b| a - b),
                        Op::Mul => zip(u, v, n, |a, b| a * b),
                        Op::Div => zip(u, v, n, |a, b| a / b),
                        _ => zip(u, v, n, f64::powf),
                    }
                    len -= 1;
                }
            }
        }
        if let Some(result) = stack.first() {
            out.extend(result.iter().take(n));
        }
    }
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
