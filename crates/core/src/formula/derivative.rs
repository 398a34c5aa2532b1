//! ∂ŷ/∂θ as a formula a student can read, built by the rules of differentiation and
//! simplified as it is built: no `0·…`, `1·…`, `+ 0`, `x^1`, `−(−u)`; numbers multiplied
//! out and written before the letters (`4a`), minus signs pulled to the front.
//!
//! The exact numbers come from the dual numbers in `eval`; this tree is what the screen
//! shows, and the tests check that both agree.

use super::ast::{BinOp, Constant, Expr, Func, Node, Param, Span};

fn num(n: f64, span: Span) -> Expr {
    Expr::new(Node::Number(n), span)
}

fn number_of(e: &Expr) -> Option<f64> {
    match e.node {
        Node::Number(n) => Some(n),
        _ => None,
    }
}

fn is(e: &Expr, n: f64) -> bool {
    number_of(e) == Some(n)
}

fn binary(op: BinOp, u: Expr, v: Expr, span: Span) -> Expr {
    Expr::new(Node::Binary(op, Box::new(u), Box::new(v)), span)
}

fn call(f: Func, u: Expr, span: Span) -> Expr {
    Expr::new(Node::Call(f, Box::new(u)), span)
}

/// −u, simplified.
fn neg(u: Expr, span: Span) -> Expr {
    match u.node {
        Node::Neg(inner) => *inner,
        Node::Number(0.0) => u,
        _ => Expr::new(Node::Neg(Box::new(u)), span),
    }
}

/// u + v, simplified.
fn add(u: Expr, v: Expr, span: Span) -> Expr {
    if is(&u, 0.0) {
        return v;
    }
    if is(&v, 0.0) {
        return u;
    }
    match v.node {
        Node::Neg(inner) => sub(u, *inner, span),
        _ => match u.node {
            Node::Neg(inner) => sub(v, *inner, span),
            _ => binary(BinOp::Add, u, v, span),
        },
    }
}

/// u − v, simplified.
fn sub(u: Expr, v: Expr, span: Span) -> Expr {
    if is(&v, 0.0) {
        return u;
    }
    if is(&u, 0.0) {
        return neg(v, span);
    }
    match v.node {
        Node::Neg(inner) => add(u, *inner, span),
        _ => binary(BinOp::Sub, u, v, span),
    }
}

/// u·v, simplified: 0 and 1 vanish, numbers are multiplied out and put first, minus
/// signs go to the front.
fn mul(u: Expr, v: Expr, span: Span) -> Expr {
    if is(&u, 0.0) || is(&v, 0.0) {
        return num(0.0, span);
    }
    if is(&u, 1.0) {
        return v;
    }
    if is(&v, 1.0) {
        return u;
    }
    if let Node::Neg(inner) = u.node {
        return neg(mul(*inner, v, span), span);
    }
    if let Node::Neg(inner) = v.node {
        return neg(mul(u, *inner, span), span);
    }
    match (number_of(&u), number_of(&v)) {
        (Some(p), Some(q)) => return num(p * q, span),
        (None, Some(_)) => return mul(v, u, span),
        _ => {}
    }
    if let (Some(p), Node::Binary(BinOp::Mul, first, rest)) = (number_of(&u), &v.node) {
        if let Some(q) = number_of(first) {
            return mul(num(p * q, span), (**rest).clone(), span);
        }
    }
    // A number inside the right factor comes to the front: x·(2a) → 2x·a is no clearer,
    // but a·(2·u) → 2a·u is.
    if let Node::Binary(BinOp::Mul, first, rest) = &v.node {
        if let Some(q) = number_of(first) {
            return mul(num(q, span), mul(u, (**rest).clone(), span), span);
        }
    }
    binary(BinOp::Mul, u, v, span)
}

/// u/v, simplified.
fn div(u: Expr, v: Expr, span: Span) -> Expr {
    if is(&u, 0.0) {
        return num(0.0, span);
    }
    if is(&v, 1.0) {
        return u;
    }
    if let Node::Neg(inner) = u.node {
        return neg(div(*inner, v, span), span);
    }
    binary(BinOp::Div, u, v, span)
}

/// u^n for a number n, simplified.
fn pow_number(u: Expr, n: f64, span: Span) -> Expr {
    if n == 0.0 {
        return num(1.0, span);
    }
    if n == 1.0 {
        return u;
    }
    let exponent = if n < 0.0 {
        neg(num(-n, span), span)
    } else {
        num(n, span)
    };
    binary(BinOp::Pow, u, exponent, span)
}

/// The exponent as a number, if it is one (perhaps with a minus).
fn exponent_number(e: &Expr) -> Option<f64> {
    match &e.node {
        Node::Number(n) => Some(*n),
        Node::Neg(inner) => number_of(inner).map(|n| -n),
        _ => None,
    }
}

/// ∂e/∂p, simplified.
pub fn derivative(e: &Expr, p: Param) -> Expr {
    let span = e.span;
    if !e.uses(p) {
        return num(0.0, span);
    }
    match &e.node {
        Node::Param(_) => num(1.0, span),
        Node::Number(_) | Node::X | Node::Constant(_) => num(0.0, span),
        Node::Neg(u) => neg(derivative(u, p), span),
        Node::Binary(BinOp::Add, u, v) => add(derivative(u, p), derivative(v, p), span),
        Node::Binary(BinOp::Sub, u, v) => sub(derivative(u, p), derivative(v, p), span),
        Node::Binary(BinOp::Mul, u, v) => {
            // (u·v)′ = u′·v + u·v′
            let left = mul(derivative(u, p), (**v).clone(), span);
            let right = mul((**u).clone(), derivative(v, p), span);
            add(left, right, span)
        }
        Node::Binary(BinOp::Div, u, v) => {
            if !v.uses(p) {
                return div(derivative(u, p), (**v).clone(), span);
            }
            // (u/v)′ = (u′·v − u·v′)/v²
            let top = sub(
                mul(derivative(u, p), (**v).clone(), span),
                mul((**u).clone(), derivative(v, p), span),
                span,
            );
            div(top, pow_number((**v).clone(), 2.0, span), span)
        }
        Node::Binary(BinOp::Pow, u, v) => {
            if !v.uses(p) {
                // (uⁿ)′ = n·uⁿ⁻¹·u′
                let power = match exponent_number(v) {
                    Some(n) => mul(
                        num(n.abs(), span),
                        pow_number((**u).clone(), n - 1.0, span),
                        span,
                    ),
                    None => mul(
                        (**v).clone(),
                        binary(
                            BinOp::Pow,
                            (**u).clone(),
                            sub((**v).clone(), num(1.0, span), span),
                            span,
                        ),
                        span,
                    ),
                };
                let power = match exponent_number(v) {
                    Some(n) if n < 0.0 => neg(power, span),
                    _ => power,
                };
                return mul(power, derivative(u, p), span);
            }
            let ln_u = match u.node {
                Node::Constant(Constant::E) => num(1.0, span),
                _ => call(Func::Ln, (**u).clone(), span),
            };
            if !u.uses(p) {
                // (c^v)′ = c^v·ln c·v′
                return mul(mul(e.clone(), ln_u, span), derivative(v, p), span);
            }
            // (u^v)′ = u^v·(v′·ln u + v·u′/u)
            let inner = add(
                mul(derivative(v, p), ln_u, span),
                div(
                    mul((**v).clone(), derivative(u, p), span),
                    (**u).clone(),
                    span,
                ),
                span,
            );
            mul(e.clone(), inner, span)
        }
        Node::Call(f, u) => {
            let du = derivative(u, p);
            let u = (**u).clone();
            let outer = match f {
                Func::Sin => call(Func::Cos, u, span),
                Func::Cos => neg(call(Func::Sin, u, span), span),
                Func::Tan => {
                    return div(du, pow_number(call(Func::Cos, u, span), 2.0, span), span);
                }
                Func::Exp => e.clone(),
                Func::Ln => return div(du, u, span),
                Func::Log => {
                    let ln10 = call(Func::Ln, num(10.0, span), span);
                    return div(du, mul(u, ln10, span), span);
                }
                Func::Sqrt => return div(du, mul(num(2.0, span), e.clone(), span), span),
                Func::Abs => return mul(div(u, e.clone(), span), du, span),
                Func::Tanh => sub(num(1.0, span), pow_number(e.clone(), 2.0, span), span),
                Func::Sigmoid => mul(e.clone(), sub(num(1.0, span), e.clone(), span), span),
            };
            // The inner derivative first: ∂/∂b sin(b·x) = x·cos(b·x).
            mul(du, outer, span)
        }
    }
}
