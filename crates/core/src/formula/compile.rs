//! The tree flattened to a list of stack instructions (postfix order), evaluated once per
//! data point without walking the tree. Each instruction keeps the span of the node it
//! came from, so an undefined value can be traced to the part of the formula that made it.

use super::ast::{BinOp, Expr, Func, Node, Param, Span};

/// One stack instruction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    /// Push a number.
    Number(f64),
    /// Push x.
    X,
    /// Push parameter `i` (its index among the formula's parameters).
    Param(usize),
    /// Negate the top.
    Neg,
    /// Pop v, u; push u + v.
    Add,
    /// Pop v, u; push u − v.
    Sub,
    /// Pop v, u; push u·v.
    Mul,
    /// Pop v, u; push u/v.
    Div,
    /// Raise the top to a whole power written as a number (`x^2`, `x²`, `x^-1`).
    PowInt(i32),
    /// Pop v, u; push u^v.
    Pow,
    /// Apply a function to the top.
    Call(Func),
}

/// An instruction and the span of its node.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Instr {
    /// What it does.
    pub op: Op,
    /// The part of the formula it computes.
    pub span: Span,
}

/// A compiled formula.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Program {
    /// The instructions, in order.
    pub code: Vec<Instr>,
    /// The deepest the stack gets.
    pub max_stack: usize,
}

/// Compiles `expr`; `params` lists the formula's parameters in the order of their values.
pub fn compile(expr: &Expr, params: &[Param]) -> Program {
    let mut program = Program::default();
    let mut depth = 0;
    emit(expr, params, &mut program, &mut depth);
    program
}

/// A whole exponent written as a number (perhaps with a minus), within ±1024.
fn whole_exponent(e: &Expr) -> Option<i32> {
    let (n, sign) = match &e.node {
        Node::Number(n) => (*n, 1.0),
        Node::Neg(inner) => match inner.node {
            Node::Number(n) => (n, -1.0),
            _ => return None,
        },
        _ => return None,
    };
    (n.fract() == 0.0 && n <= 1024.0).then_some((sign * n) as i32)
}

fn emit(e: &Expr, params: &[Param], program: &mut Program, depth: &mut usize) {
    let span = e.span;
    let push = |program: &mut Program, depth: &mut usize, op: Op, change: isize| {
        *depth = depth.saturating_add_signed(change);
        program.max_stack = program.max_stack.max(*depth);
        program.code.push(Instr { op, span });
    };
    match &e.node {
        Node::Number(n) => push(program, depth, Op::Number(*n), 1),
        Node::Constant(c) => push(program, depth, Op::Number(c.value()), 1),
        Node::X => push(program, depth, Op::X, 1),
        Node::Param(p) => {
            let index = params.iter().position(|q| q == p).unwrap_or(usize::MAX);
            push(program, depth, Op::Param(index), 1);
        }
        Node::Neg(u) => {
            emit(u, params, program, depth);
            push(program, depth, Op::Neg, 0);
        }
        Node::Call(f, u) => {
            emit(u, params, program, depth);
            push(program, depth, Op::Call(*f), 0);
        }
        Node::Binary(BinOp::Pow, u, v) if whole_exponent(v).is_some() => {
            emit(u, params, program, depth);
            push(
                program,
                depth,
                Op::PowInt(whole_exponent(v).unwrap_or(1)),
                0,
            );
        }
        Node::Binary(op, u, v) => {
            emit(u, params, program, depth);
            emit(v, params, program, depth);
            let op = match op {
                BinOp::Add => Op::Add,
                BinOp::Sub => Op::Sub,
                BinOp::Mul => Op::Mul,
                BinOp::Div => Op::Div,
                BinOp::Pow => Op::Pow,
            };
            push(program, depth, op, -1);
        }
    }
}
