//! ŷ and every ∂ŷ/∂θ over many points at once: the dual-number evaluation of
//! [`super::eval::dual`] run one instruction at a time over 64 points, and the loss with
//! its gradient built on it (what every Step, the extrema search along a parameter and
//! the map's minimum ask for).
//!
//! Each lane calls the very [`Scalar`] operations of the point-by-point evaluation in the
//! same order, so every number is the same to the last bit; what changes is that the
//! instruction is decoded and the stack addressed once per 64 points instead of once per
//! point (BENCHMARKS.md, "Typed formula: the map").

use super::compile::{Op, Program};
use super::dual::{self, Dual};
use crate::data::Point;
use crate::loss::Loss;
use crate::parametric::MAX_PARAMS;

/// How many points one pass of [`duals`] takes.
const LANES: usize = 64;

/// Derivative rows a stack slot carries: one per parameter, and one seeded 0 that stands
/// for every slot a formula with fewer than [`MAX_PARAMS`] parameters leaves unused (they
/// all start at 0 and go through the same operations, so they all hold its numbers; a
/// [`Dual`] carries them too, and `u^v` looks at them to tell a fixed exponent).
const ROWS: usize = MAX_PARAMS + 1;

/// One stack slot over 64 points: the values and each derivative row.
#[derive(Clone)]
struct Slot {
    v: [f64; LANES],
    g: [[f64; LANES]; ROWS],
}

impl Slot {
    const ZERO: Slot = Slot {
        v: [0.0; LANES],
        g: [[0.0; LANES]; ROWS],
    };
}

/// `g[r][k] *= slope[k]` for the rows in use and the first `n` lanes.
#[inline]
fn chain(u: &mut Slot, rows: usize, n: usize, slope: &[f64; LANES]) {
    for row in u.g.iter_mut().take(rows) {
        for (g, s) in row.iter_mut().zip(slope).take(n) {
            *g *= s;
        }
    }
}

/// One binary operation over the first `n` lanes: the values by `value(u, v)`, each row
/// by `grad(u, v, du, dv, result)` (before `u`'s value is overwritten).
#[inline]
fn binary(
    u: &mut Slot,
    w: &Slot,
    (rows, n): (usize, usize),
    value: impl Fn(f64, f64) -> f64,
    grad: impl Fn(f64, f64, f64, f64, f64) -> f64,
) {
    let mut result = [0.0; LANES];
    for ((r, a), b) in result.iter_mut().zip(&u.v).zip(&w.v).take(n) {
        *r = value(*a, *b);
    }
    for (row, wrow) in u.g.iter_mut().zip(&w.g).take(rows) {
        for k in 0..n {
            let (Some(g), Some(dv)) = (row.get_mut(k), wrow.get(k)) else {
                break;
            };
            let (a, b, r) = (u.v[k % LANES], w.v[k % LANES], result[k % LANES]);
            *g = grad(a, b, *g, *dv, r);
        }
    }
    u.v = result;
}

/// u^v over the first `n` lanes, as [`Dual`]'s `pow` takes it lane by lane: with v's
/// derivatives all 0 (the unused slots' row included when there is one) the exponent is
/// fixed.
fn pow(u: &mut Slot, w: &Slot, rows: usize, n: usize) {
    for k in 0..n {
        let (a, b) = (u.v[k % LANES], w.v[k % LANES]);
        let value = a.powf(b);
        let fixed = w.g.iter().take(rows).all(|row| row[k % LANES] == 0.0);
        if fixed {
            let slope = dual::pow_fixed_slope(a, b);
            for row in u.g.iter_mut().take(rows) {
                row[k % LANES] *= slope;
            }
        } else {
            let ln = a.ln();
            for (row, wrow) in u.g.iter_mut().zip(&w.g).take(rows) {
                let (du, dv) = (row[k % LANES], wrow[k % LANES]);
                row[k % LANES] = dual::pow_moving(value, (a, du), (b, dv), ln);
            }
        }
        u.v[k % LANES] = value;
    }
}

/// ŷ and ∂ŷ/∂θ at every x of `xs`, appended to `out`: [`super::eval::dual`]'s numbers to
/// the last bit (the same `f64` operations in the same order, lane by lane), with the
/// values and each parameter's derivatives in arrays of 64 points.
pub fn duals(program: &Program, params: &[f64], xs: &[f64], out: &mut Vec<Dual>) {
    run(program, params, xs, true, out);
}

/// [`duals`]; without `unused_slots` the slots no parameter seeds are left 0 unless an
/// exponent needs them (`u^v`), saving a row of work for a loss that never reads them.
fn run(program: &Program, params: &[f64], xs: &[f64], unused_slots: bool, out: &mut Vec<Dual>) {
    // The derivative slots the program's parameters seed; the others stay on the zero
    // row's numbers.
    let used = program
        .code
        .iter()
        .filter_map(|i| match i.op {
            Op::Param(p) => Some(p + 1),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .min(MAX_PARAMS);
    // The rows computed: the parameters', and the unused slots' one if any.
    let needs_zero_row = unused_slots || program.code.iter().any(|i| i.op == Op::Pow);
    let rows = if used < MAX_PARAMS && needs_zero_row {
        used + 1
    } else {
        used
    };
    let mut stack = vec![Slot::ZERO; program.max_stack.max(1)];
    for chunk in xs.chunks(LANES) {
        let n = chunk.len();
        let mut len = 0usize;
        for instr in &program.code {
            match instr.op {
                Op::Number(_) | Op::Param(_) | Op::X => {
                    let Some(slot) = stack.get_mut(len) else {
                        return;
                    };
                    for row in slot.g.iter_mut().take(rows) {
                        row.fill(0.0);
                    }
                    match instr.op {
                        Op::Number(c) => slot.v.fill(c),
                        Op::Param(i) => {
                            slot.v.fill(params.get(i).copied().unwrap_or(0.0));
                            if let Some(row) = slot.g.get_mut(i) {
                                row.fill(1.0);
                            }
                        }
                        _ => {
                            for (a, x) in slot.v.iter_mut().zip(chunk) {
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
                    let mut slope = [0.0; LANES];
                    match instr.op {
                        Op::Neg => {
                            for a in u.v.iter_mut().take(n) {
                                *a = -*a;
                            }
                            for row in u.g.iter_mut().take(rows) {
                                for g in row.iter_mut().take(n) {
                                    *g = -*g;
                                }
                            }
                            continue;
                        }
                        Op::PowInt(p) => {
                            for (a, s) in u.v.iter_mut().zip(slope.iter_mut()).take(n) {
                                *s = dual::pow_int_slope(*a, p);
                                *a = dual::pow_int(*a, p);
                            }
                        }
                        Op::Call(f) => {
                            for (a, s) in u.v.iter_mut().zip(slope.iter_mut()).take(n) {
                                let value = f.apply(*a);
                                *s = dual::slope(f, *a, value);
                                *a = value;
                            }
                        }
                        _ => {}
                    }
                    chain(u, rows, n, &slope);
                }
                Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Pow => {
                    let Some(top) = len.checked_sub(2) else {
                        return;
                    };
                    let (below, above) = stack.split_at_mut(top + 1);
                    let (Some(u), Some(w)) = (below.last_mut(), above.first()) else {
                        return;
                    };
                    let shape = (rows, n);
                    match instr.op {
                        Op::Add => binary(u, w, shape, |a, b| a + b, |_, _, du, dv, _| du + dv),
                        Op::Sub => binary(u, w, shape, |a, b| a - b, |_, _, du, dv, _| du - dv),
                        Op::Mul => {
                            binary(u, w, shape, |a, b| a * b, |a, b, du, dv, _| du * b + a * dv)
                        }
                        Op::Div => binary(
                            u,
                            w,
                            shape,
                            |a, b| a / b,
                            |_, b, du, dv, r| (du - r * dv) / b,
                        ),
                        _ => pow(u, w, rows, n),
                    }
                    len -= 1;
                }
            }
        }
        if let Some(result) = stack.first() {
            for k in 0..n {
                let mut grad = [0.0; MAX_PARAMS];
                for (r, g) in grad.iter_mut().enumerate() {
                    let row = if r < used { r } else { used.min(ROWS - 1) };
                    *g = if row < rows {
                        result.g[row][k % LANES]
                    } else {
                        0.0
                    };
                }
                out.push(Dual {
                    value: result.v[k % LANES],
                    grad,
                });
            }
        }
    }
}

/// How many points [`loss_sums`] takes between two batched runs.
const BLOCK: usize = 256;

/// Σℓ(r) and Σ ∂ℓ/∂θ over `points`, ready for [`crate::loss`]'s ending: the sums of
/// the generic loss's loop to the last bit (the same terms added in the same order), with
/// the dual numbers of [`duals`].
pub fn loss_sums(
    program: &Program,
    loss: Loss,
    points: &[Point],
    params: &[f64],
) -> (f64, [f64; MAX_PARAMS]) {
    sums_with(program, loss, points, params, |_, _| {})
}

/// What one batched pass over the data gives at once ([`loss_pass`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Pass {
    /// [`loss_sums`]'s numbers for the loss asked.
    pub sums: (f64, [f64; MAX_PARAMS]),
    /// [`loss_sums`]'s numbers for the L2 loss (the same as `sums` when the loss is L2),
    /// whose finiteness says whether ŷ and ∂ŷ/∂θ are finite at every point.
    pub l2: (f64, [f64; MAX_PARAMS]),
    /// ŷ at every point, in order: [`super::eval::value`]'s numbers to the bit.
    pub predictions: Vec<f64>,
}

/// [`loss_sums`] for `loss` and for L2, and every prediction, from one pass of dual
/// numbers: what the screen reads at the current parameters (the readouts' L and ∇L,
/// whether a row is undefined, the residuals), each to the bit what its own pass gives.
pub fn loss_pass(program: &Program, loss: Loss, points: &[Point], params: &[f64]) -> Pass {
    let mut predictions = Vec::with_capacity(points.len());
    let other = loss != Loss::L2;
    let mut l2 = (0.0, [0.0; MAX_PARAMS]);
    let sums = sums_with(program, loss, points, params, |p, dual| {
        predictions.push(dual.value);
        if other {
            let r = p.y - dual.value;
            l2.0 += Loss::L2.term(r);
            let d = Loss::L2.term_derivative(r);
            for (g, dyi) in l2.1.iter_mut().zip(dual.grad) {
                *g += d * dyi;
            }
        }
    });
    Pass {
        sums,
        l2: if other { l2 } else { sums },
        predictions,
    }
}

/// The loop of [`loss_sums`], calling `each` with every point and its dual number.
#[inline]
fn sums_with(
    program: &Program,
    loss: Loss,
    points: &[Point],
    params: &[f64],
    mut each: impl FnMut(&Point, &Dual),
) -> (f64, [f64; MAX_PARAMS]) {
    let mut sum = 0.0;
    let mut grad = [0.0; MAX_PARAMS];
    let mut xs = Vec::with_capacity(BLOCK);
    let mut predictions = Vec::with_capacity(BLOCK);
    for chunk in points.chunks(BLOCK) {
        xs.clear();
        xs.extend(chunk.iter().map(|p| p.x));
        predictions.clear();
        run(program, params, &xs, false, &mut predictions);
        for (p, dual) in chunk.iter().zip(&predictions) {
            let r = p.y - dual.value;
            sum += loss.term(r);
            let d = loss.term_derivative(r);
            for (g, dyi) in grad.iter_mut().zip(dual.grad) {
                *g += d * dyi;
            }
            each(p, dual);
        }
    }
    (sum, grad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formula::{eval, FormulaModel, ParseOptions};

    /// Formulas whose unused derivative slots turn NaN (exp(1000) is +∞, and 0·∞ is
    /// NaN) before an exponent is tested for being fixed: the zero row must stand for
    /// them exactly.
    #[test]
    fn the_batched_duals_equal_the_point_by_point_ones_where_numbers_overflow() {
        let xs: Vec<f64> = (0..150).map(|k| f64::from(k) / 10.0 - 5.0).collect();
        for text in [
            "a*x^(1/exp(1000*x))",
            "b + x^(a/exp(1000))",
            "(a*x)^(x/0)",
            "c*x^(b*0)",
            "a^(exp(1000)*0) + b*x",
            "sqrt(a*x) + ln(b - x) + tan(x)^a",
        ] {
            let Ok(model) = FormulaModel::parse(text, ParseOptions::default()) else {
                panic!("{text} does not parse");
            };
            let params = [0.7, -1.3, 2.0, 0.0];
            let mut batched = Vec::new();
            duals(&model.program, &params, &xs, &mut batched);
            assert_eq!(batched.len(), xs.len());
            for (x, got) in xs.iter().zip(&batched) {
                let want = eval::dual(&model.program, &params, *x);
                let bits = |d: &Dual| {
                    let mut all = vec![d.value];
                    all.extend(d.grad);
                    all.iter()
                        .map(|v| if v.is_nan() { u64::MAX } else { v.to_bits() })
                        .collect::<Vec<_>>()
                };
                assert_eq!(bits(got), bits(&want), "{text} at x = {x}");
            }
        }
    }
}
