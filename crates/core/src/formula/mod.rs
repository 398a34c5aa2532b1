//! A model the teacher types: `ŷ = a·x²`, `a·sin(b·x)`, `1/(1 + exp(−(a·x + b)))` …
//!
//! The text goes through [`lexer`] (tokens with byte spans, typographic forms), [`parser`]
//! (a Pratt parser with a depth limit) to an [`ast::Expr`] with a span on every node
//! ([`print`] writes it back),
//! which [`compile`] flattens to stack instructions that [`eval`] runs in `f64` and in
//! [`dual`] numbers (ŷ and every ∂ŷ/∂θ at once, exact up to rounding). [`derivative`] writes
//! ∂ŷ/∂θ as a readable formula. Every way a text can fail is an [`error::FormulaError`]
//! with the span to underline.
//!
//! [`FormulaModel`] is the result: a [`ParametricModel`], so the losses, their gradients
//! and every optimizer's update work on it as on the built-in models.
//!
//! ```
//! use descent_core::formula::{FormulaModel, ParseOptions};
//! use descent_core::ParametricModel;
//! let model = FormulaModel::parse("a*x + b - 2a^2", ParseOptions::default())?;
//! assert_eq!(model.param_names(), vec!["a", "b"]);
//! assert_eq!(model.predict(&[0.5, 2.0], 1.0), 2.0);
//! assert_eq!(model.derivative_text(0, false).as_deref(), Some("x − 4a"));
//! # Ok::<(), descent_core::formula::FormulaError>(())
//! ```

// Without formulas every method ends at its first line and the stages go unused.
#![cfg_attr(
    not(feature = "formula"),
    allow(unreachable_code, unused_variables, dead_code)
)]

pub mod ast;
pub mod batch;
pub mod compile;
pub mod derivative;
pub mod dual;
pub mod error;
pub mod eval;
pub mod lexer;
pub mod parser;
pub mod print;

pub use ast::{BinOp, Constant, Expr, Func, Node, Param, Span};
pub use error::{ErrorKind, FormulaError};
pub use eval::{Dual, Reason, Undefined};

use crate::data::Point;
use crate::loss::{Evaluation, Loss};
use crate::parametric::{ParametricModel, MAX_PARAMS};
use compile::Program;

/// The longest formula accepted, in characters.
pub const MAX_CHARS: usize = 500;

/// The deepest nesting accepted: each parenthesis, leading minus, exponent or right-hand
/// operand nests one level.
pub const MAX_DEPTH: usize = 64;

/// How to read a formula.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// The interface is Lithuanian: a comma between two digits is a decimal comma
    /// (`2,5` = 2.5). A decimal point is read in every language, and a comma anywhere
    /// else is an error in both, so a text the English reading accepts reads the same
    /// with decimal commas: saved formulas can always be reopened with them.
    pub decimal_comma: bool,
}

/// Reads `text` into a tree, checking only the grammar (a formula with no parameter is
/// accepted here; [`FormulaModel::parse`] refuses it).
pub fn parse_expr(text: &str, options: ParseOptions) -> Result<Expr, FormulaError> {
    let chars = text.chars().count();
    if chars > MAX_CHARS {
        let start = text
            .char_indices()
            .nth(MAX_CHARS)
            .map_or(text.len(), |(i, _)| i);
        return Err(FormulaError::new(
            ErrorKind::TooLong { chars },
            Span::new(start, text.len()),
        ));
    }
    let tokens = lexer::tokens(text, options.decimal_comma)?;
    if tokens.is_empty() {
        return Err(FormulaError::new(
            ErrorKind::Empty,
            Span::new(0, text.len()),
        ));
    }
    parser::parse(&tokens, text.len(), options.decimal_comma)
}

/// One data row where the prediction is not a finite number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UndefinedRow {
    /// Its index in the points given.
    pub row: usize,
    /// Its x.
    pub x: f64,
    /// Why, and which part of the formula.
    pub undefined: Undefined,
}

/// What a [`FormulaModel`] carries to say it can exist: nothing with the `formula` feature;
/// without it (the app's first-load build, see the crate's features) an uninhabited type,
/// so no `FormulaModel` can be made, every method's body is unreachable and the linker
/// leaves the parser, compiler and evaluators out of the build.
#[cfg(feature = "formula")]
type Present = ();
#[cfg(not(feature = "formula"))]
type Present = std::convert::Infallible;

/// The first line of every `FormulaModel` method: in a build without formulas, where no
/// model exists, it ends the (unreachable) call before anything else is reached.
macro_rules! present {
    ($model:expr) => {
        #[cfg(not(feature = "formula"))]
        match $model.present {}
    };
}

/// A typed formula, parsed and compiled: a model with the parameters it names.
#[derive(Clone, Debug, PartialEq)]
pub struct FormulaModel {
    present: Present,
    source: String,
    expr: Expr,
    params: Vec<Param>,
    program: Program,
    linear_in_params: bool,
    linear_in_x: bool,
    proportional: bool,
}

impl FormulaModel {
    /// Reads `text`: a usable model, or what is wrong and where.
    /// In a build without the `formula` feature every text is refused with
    /// [`ErrorKind::NotInThisBuild`].
    pub fn parse(text: &str, options: ParseOptions) -> Result<FormulaModel, FormulaError> {
        #[cfg(not(feature = "formula"))]
        return {
            let _ = options;
            Err(FormulaError::new(
                ErrorKind::NotInThisBuild,
                Span::new(0, text.len()),
            ))
        };
        #[cfg(feature = "formula")]
        FormulaModel::parse_available(text, options)
    }

    #[cfg(feature = "formula")]
    fn parse_available(text: &str, options: ParseOptions) -> Result<FormulaModel, FormulaError> {
        let expr = parse_expr(text, options)?;
        let params = expr.params();
        if params.is_empty() {
            let start = text.len() - text.trim_start().len();
            let end = text.trim_end().len();
            return Err(FormulaError::new(
                ErrorKind::NoParameter,
                Span::new(start, end.max(start)),
            ));
        }
        let program = compile::compile(&expr, &params);
        let proportional = params.len() == 1
            && matches!(&expr.node, Node::Binary(BinOp::Mul, u, v)
                if matches!((&u.node, &v.node), (Node::Param(_), Node::X) | (Node::X, Node::Param(_))));
        // Stored with decimal points, so that it reads the same whatever the language.
        let source = if options.decimal_comma {
            lexer::with_decimal_points(text)
        } else {
            text.to_string()
        };
        Ok(FormulaModel {
            present: (),
            source,
            linear_in_params: linearity(&expr, &|n| matches!(n, Node::Param(_))).is_some(),
            linear_in_x: linearity(&expr, &|n| matches!(n, Node::X)).is_some(),
            proportional,
            expr,
            params,
            program,
        })
    }

    /// The text as typed, with decimal points for any decimal commas (`2,5a*x` typed in
    /// Lithuanian is `2.5a*x`): what links and saved work store, read the same in both
    /// languages. [`FormulaModel::source_in`] writes it for a field.
    pub fn source(&self) -> &str {
        present!(self);
        &self.source
    }

    /// [`FormulaModel::source`] for the formula field of an interface that writes decimal
    /// commas (`decimal_comma`: `2,5a*x`) or points (`2.5a*x`).
    pub fn source_in(&self, decimal_comma: bool) -> String {
        present!(self);
        if decimal_comma {
            lexer::with_decimal_commas(&self.source)
        } else {
            self.source.clone()
        }
    }

    /// The parsed tree.
    pub fn expr(&self) -> &Expr {
        present!(self);
        &self.expr
    }

    /// The parameters the formula uses, in the order their values are passed (a, b, c, d
    /// order, whichever appear: `c·x + a` takes `[a, c]`).
    pub fn params(&self) -> &[Param] {
        present!(self);
        &self.params
    }

    /// The parameters' names, in order.
    pub fn param_names(&self) -> Vec<&'static str> {
        present!(self);
        self.params.iter().map(|p| p.name()).collect()
    }

    /// The formula written as a slide writes it (`a·x + b − 2a²`), with a decimal comma
    /// if asked.
    pub fn pretty(&self, decimal_comma: bool) -> String {
        present!(self);
        self.expr.to_pretty(decimal_comma)
    }

    /// The formula written as a slide writes it with numbers in place of its letters:
    /// `number(v)` for x and for each parameter's value (`a·x²` at a = 8, x = 2 is
    /// `8·2²`), for the worked arithmetic. `number` should wrap a negative number in
    /// parentheses.
    pub fn with_numbers(
        &self,
        params: &[f64],
        x: f64,
        decimal_comma: bool,
        number: &dyn Fn(f64) -> String,
    ) -> String {
        present!(self);
        let leaf = |node: &Node| match node {
            Node::X => Some(number(x)),
            Node::Param(p) => {
                let i = self.params.iter().position(|q| q == p)?;
                Some(number(params.get(i).copied().unwrap_or(0.0)))
            }
            _ => None,
        };
        self.expr.to_pretty_with(decimal_comma, &leaf)
    }

    /// Whether ŷ written out ([`FormulaModel::with_numbers`]) needs parentheses after a
    /// minus sign: its last operation is a sum, a difference or a leading minus.
    pub fn is_sum(&self) -> bool {
        present!(self);
        matches!(
            self.expr.node,
            Node::Binary(BinOp::Add | BinOp::Sub, ..) | Node::Neg(_)
        )
    }

    /// The formula in plain ASCII that reads back to the same tree, unless writing it out
    /// passes [`MAX_CHARS`] or [`MAX_DEPTH`] (`2a` becomes `2*a`, `x²` becomes `x^2`):
    /// save and share [`FormulaModel::source`], what was typed.
    pub fn canonical(&self) -> String {
        present!(self);
        self.expr.to_ascii()
    }

    /// ∂ŷ/∂θ for parameter `index`, simplified; `None` past the last parameter.
    pub fn derivative(&self, index: usize) -> Option<Expr> {
        present!(self);
        let p = self.params.get(index)?;
        Some(derivative::derivative(&self.expr, *p))
    }

    /// ∂ŷ/∂θ for parameter `index`, written as a slide writes it (`x − 4a`).
    pub fn derivative_text(&self, index: usize, decimal_comma: bool) -> Option<String> {
        present!(self);
        self.derivative(index).map(|d| d.to_pretty(decimal_comma))
    }

    /// ŷ at every x of `xs`, appended to `out`: [`ParametricModel::predict`]'s numbers
    /// to the last bit, faster per point (2.5× on a loss curve: BENCHMARKS.md), for curves
    /// and maps.
    pub fn predict_many(&self, params: &[f64], xs: &[f64], out: &mut Vec<f64>) {
        present!(self);
        eval::values(&self.program, params, xs, out);
    }

    /// L(θ) over `points`: [`crate::loss::loss_value`] on this model to the last bit (the
    /// same terms added in the same order), with the predictions of
    /// [`FormulaModel::predict_many`]. What a loss curve or a loss map should call for
    /// each of its samples.
    pub fn loss_value(&self, loss: Loss, points: &[Point], params: &[f64]) -> f64 {
        present!(self);
        // The sum of loss::loss_value: four accumulators over groups of four points, the
        // points past the last whole group added to the first.
        let mut acc = [0.0f64; 4];
        let whole = points.len() - points.len() % 4;
        let mut xs = Vec::with_capacity(256);
        let mut predictions = Vec::with_capacity(256);
        for (c, chunk) in points.chunks(256).enumerate() {
            xs.clear();
            xs.extend(chunk.iter().map(|p| p.x));
            predictions.clear();
            self.predict_many(params, &xs, &mut predictions);
            for (j, (p, y)) in chunk.iter().zip(&predictions).enumerate() {
                let i = c * 256 + j;
                let k = if i < whole { i % 4 } else { 0 };
                if let Some(a) = acc.get_mut(k) {
                    *a += loss.term(p.y - y);
                }
            }
        }
        ((acc[0] + acc[1]) + (acc[2] + acc[3])) * loss.scale(points.len())
    }

    /// L(θ) and ∂L/∂θ (0 for a parameter not `free`) over `points`:
    /// [`crate::loss::evaluate`] on this model to the last bit, its dual numbers computed
    /// 64 points an instruction ([`batch::duals`]): what Step, the extrema search and
    /// the map's minimum call.
    pub fn evaluate(
        &self,
        loss: Loss,
        points: &[Point],
        params: &[f64],
        free: &[bool],
    ) -> Evaluation {
        present!(self);
        if self.proportional && loss.is_quadratic() {
            // The generic loss has a loop of its own for θ₀·x; keep its numbers.
            return crate::loss::evaluate(self, loss, points, params, free);
        }
        let sums = batch::loss_sums(&self.program, loss, points, params);
        crate::loss::finish(loss, points.len(), self.params.len(), sums, free)
    }

    /// [`FormulaModel::evaluate`], [`FormulaModel::defined_everywhere`] and ŷ at every
    /// point (in order), each to the bit what it gives alone, from one batched pass of
    /// dual numbers: what the screen reads at the current parameters, so that a move of
    /// a slider over 10 000 points costs one pass, not one per readout.
    pub fn evaluate_with_predictions(
        &self,
        loss: Loss,
        points: &[Point],
        params: &[f64],
        free: &[bool],
    ) -> (Evaluation, bool, Vec<f64>) {
        present!(self);
        if self.proportional && loss.is_quadratic() {
            // The generic loss's own loop for θ₀·x (as `evaluate` and `defined_everywhere`
            // take it), and the predictions apart: ŷ = a·x is cheap.
            let xs: Vec<f64> = points.iter().map(|p| p.x).collect();
            let mut predictions = Vec::with_capacity(xs.len());
            self.predict_many(params, &xs, &mut predictions);
            return (
                crate::loss::evaluate(self, loss, points, params, free),
                self.defined_everywhere(params, points),
                predictions,
            );
        }
        let pass = batch::loss_pass(&self.program, loss, points, params);
        let count = self.params.len();
        let all = [true; MAX_PARAMS];
        let l2 = crate::loss::finish(
            Loss::L2,
            points.len(),
            count,
            pass.l2,
            &all[..count.min(MAX_PARAMS)],
        );
        let defined = l2.loss.is_finite() && l2.gradient.iter().all(|g| g.is_finite());
        let evaluation = crate::loss::finish(loss, points.len(), count, pass.sums, free);
        (evaluation, defined, pass.predictions)
    }

    /// ŷ and every ∂ŷ/∂θ at `x`, as a dual number.
    pub fn dual(&self, params: &[f64], x: f64) -> Dual {
        present!(self);
        eval::dual(&self.program, params, x)
    }

    /// ŷ at `x` if it and its derivatives are finite; else where and why not.
    pub fn check(&self, params: &[f64], x: f64) -> Result<f64, Undefined> {
        present!(self);
        eval::diagnose(&self.program, params, x)
    }

    /// Why ŷ is not a finite number at the first row of `points` where it is not, at
    /// `params` (derivatives are not looked at); `None` when every prediction is finite.
    /// What a loss map asks of a cell whose L is not a finite number: [`Reason::Overflow`]
    /// is a value too large, any other reason a formula not defined there.
    pub fn first_failure(&self, params: &[f64], points: &[Point]) -> Option<Reason> {
        present!(self);
        let mut xs = Vec::with_capacity(256);
        let mut predictions = Vec::with_capacity(256);
        for chunk in points.chunks(256) {
            xs.clear();
            xs.extend(chunk.iter().map(|p| p.x));
            predictions.clear();
            self.predict_many(params, &xs, &mut predictions);
            if let Some(k) = predictions.iter().position(|y| !y.is_finite()) {
                let x = xs.get(k).copied().unwrap_or(f64::NAN);
                return Some(eval::diagnose(&self.program, params, x).err()?.reason);
            }
        }
        None
    }

    /// Whether ŷ is affine in the parameters `free` picks (by index), the others held
    /// as constants: `a*sin(b*x)` is in a alone, not in b, and `a*b*x` in each alone but
    /// not in both. Then L2 along those parameters is a quadratic with a closed-form
    /// minimum (`analysis::closed_form_along`).
    pub fn is_linear_in(&self, free: &dyn Fn(usize) -> bool) -> bool {
        present!(self);
        let picked = |n: &Node| match n {
            Node::Param(p) => self.params.iter().position(|q| q == p).is_some_and(free),
            _ => false,
        };
        linearity(&self.expr, &picked).is_some()
    }

    /// Whether ŷ and every ∂ŷ/∂θ are finite at every one of `points`, in one batched pass:
    /// the L2 loss and its gradient with every parameter free are finite only then (a
    /// NaN or ±∞ in a prediction or a derivative reaches the sums, 0·∞ included). `false`
    /// also when only a sum overflowed: then ask [`FormulaModel::undefined_rows`].
    pub fn defined_everywhere(&self, params: &[f64], points: &[Point]) -> bool {
        present!(self);
        let free = [true; MAX_PARAMS];
        let count = self.params.len().min(MAX_PARAMS);
        let e = self.evaluate(Loss::L2, points, params, &free[..count]);
        e.loss.is_finite() && e.gradient.iter().all(|g| g.is_finite())
    }

    /// The rows of `points` where ŷ or a derivative is not a finite number at `params`,
    /// each with the reason (ln of a negative number, division by zero, overflow …) and
    /// the part of the formula that fails; empty when the model is defined everywhere.
    pub fn undefined_rows(&self, params: &[f64], points: &[Point]) -> Vec<UndefinedRow> {
        present!(self);
        points
            .iter()
            .enumerate()
            .filter_map(|(row, p)| {
                self.check(params, p.x).err().map(|undefined| UndefinedRow {
                    row,
                    x: p.x,
                    undefined,
                })
            })
            .collect()
    }
}

/// Whether `e` is linear in the leaves `var` picks (treating everything else as
/// constant): `Some(false)` constant, `Some(true)` linear, `None` not linear.
fn linearity(e: &Expr, var: &dyn Fn(&Node) -> bool) -> Option<bool> {
    if var(&e.node) {
        return Some(true);
    }
    match &e.node {
        Node::Number(_) | Node::X | Node::Param(_) | Node::Constant(_) => Some(false),
        Node::Neg(u) => linearity(u, var),
        Node::Binary(BinOp::Add | BinOp::Sub, u, v) => {
            let (l, r) = (linearity(u, var)?, linearity(v, var)?);
            Some(l || r)
        }
        Node::Binary(BinOp::Mul, u, v) => match (linearity(u, var)?, linearity(v, var)?) {
            (true, true) => None,
            (l, r) => Some(l || r),
        },
        Node::Binary(BinOp::Div, u, v) => match linearity(v, var)? {
            false => linearity(u, var),
            true => None,
        },
        Node::Binary(BinOp::Pow, u, v) => {
            (!linearity(u, var)? && !linearity(v, var)?).then_some(false)
        }
        Node::Call(_, u) => (!linearity(u, var)?).then_some(false),
    }
}

impl ParametricModel for FormulaModel {
    fn param_count(&self) -> usize {
        present!(self);
        self.params.len()
    }

    fn param_name(&self, index: usize) -> Option<&str> {
        present!(self);
        self.params.get(index).map(|p| p.name())
    }

    #[inline]
    fn predict(&self, params: &[f64], x: f64) -> f64 {
        present!(self);
        eval::value(&self.program, params, x)
    }

    #[inline]
    fn prediction_gradient(&self, params: &[f64], x: f64) -> [f64; MAX_PARAMS] {
        present!(self);
        eval::dual(&self.program, params, x).grad
    }

    /// One pass in dual numbers: its value is [`ParametricModel::predict`]'s to the bit.
    #[inline]
    fn predict_with_gradient(&self, params: &[f64], x: f64) -> (f64, [f64; MAX_PARAMS]) {
        present!(self);
        let dual = eval::dual(&self.program, params, x);
        (dual.value, dual.grad)
    }

    fn is_linear_in_params(&self) -> bool {
        present!(self);
        self.linear_in_params
    }

    fn is_linear_in_x(&self) -> bool {
        present!(self);
        self.linear_in_x
    }

    fn is_proportional(&self) -> bool {
        present!(self);
        self.proportional
    }
}
