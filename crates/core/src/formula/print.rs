//! Printing a tree: exact ASCII that reads back to the same tree (spans aside), or the
//! typographic form a slide shows (`a·x + b − 2a²`, a decimal comma if asked).

use super::ast::{BinOp, Constant, Expr, Node};

impl Expr {
    /// The formula in plain ASCII with every parenthesis the tree needs and no other:
    /// parsing it gives this tree back (spans aside), so the same value to the last bit.
    pub fn to_ascii(&self) -> String {
        let mut out = String::new();
        write_expr(&mut out, self, Style::EXACT);
        out
    }

    /// The formula as a slide writes it: `·` for products (none between a number and a
    /// letter: `2a`), `−`, `x²`, and the interface's decimal separator. It reads back to
    /// the same value, perhaps with products regrouped (a·(b·c) is written a·b·c).
    pub fn to_pretty(&self, decimal_comma: bool) -> String {
        let mut out = String::new();
        let style = Style {
            pretty: true,
            decimal_comma,
            leaf: None,
        };
        write_expr(&mut out, self, style);
        out
    }

    /// [`Expr::to_pretty`] with `leaf`'s text written for each x or parameter it gives one
    /// (the worked arithmetic: `8·2²` for `a·x²` at a = 8, x = 2). A number standing for
    /// a letter is never written against a number (`2·8`, not `28`); `leaf` should wrap a
    /// negative number in parentheses, as `(−0.3)²` needs.
    pub fn to_pretty_with(
        &self,
        decimal_comma: bool,
        leaf: &dyn Fn(&Node) -> Option<String>,
    ) -> String {
        let mut out = String::new();
        let style = Style {
            pretty: true,
            decimal_comma,
            leaf: Some(leaf),
        };
        write_expr(&mut out, self, style);
        out
    }
}

/// What writes an x or a parameter as a number.
type Leaf<'a> = &'a dyn Fn(&Node) -> Option<String>;

#[derive(Clone, Copy)]
struct Style<'a> {
    pretty: bool,
    decimal_comma: bool,
    /// Text to write instead of an x or a parameter.
    leaf: Option<Leaf<'a>>,
}

impl Style<'_> {
    const EXACT: Style<'static> = Style {
        pretty: false,
        decimal_comma: false,
        leaf: None,
    };
}

/// Binding strength when printed: sums 1, products 2, a minus sign 3, powers 4,
/// everything else 5.
fn strength(e: &Expr) -> u8 {
    match &e.node {
        Node::Binary(BinOp::Add | BinOp::Sub, ..) => 1,
        Node::Binary(BinOp::Mul | BinOp::Div, ..) => 2,
        Node::Neg(_) => 3,
        Node::Binary(BinOp::Pow, ..) => 4,
        _ => 5,
    }
}

fn write_wrapped(out: &mut String, e: &Expr, style: Style<'_>, wrap: bool) {
    if wrap {
        out.push('(');
        write_expr(out, e, style);
        out.push(')');
    } else {
        write_expr(out, e, style);
    }
}

fn write_number(out: &mut String, n: f64, style: Style<'_>) {
    let text = format!("{n}");
    if style.decimal_comma {
        out.push_str(&text.replace('.', ","));
    } else {
        out.push_str(&text);
    }
}

/// Whether a pretty product `n·v` may be written `nv` (a number before a letter).
fn juxtaposable(left: &Expr, right: &Expr) -> bool {
    let letter = |e: &Expr| matches!(e.node, Node::X | Node::Param(_) | Node::Constant(_));
    matches!(left.node, Node::Number(_))
        && (letter(right)
            || matches!(&right.node, Node::Binary(BinOp::Pow, base, _) if letter(base)))
}

fn superscript(n: f64) -> Option<String> {
    if !((0.0..=99.0).contains(&n) && n.fract() == 0.0) {
        return None;
    }
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    Some(
        format!("{n}")
            .chars()
            .filter_map(|c| c.to_digit(10).and_then(|d| DIGITS.get(d as usize)))
            .collect(),
    )
}

fn write_expr(out: &mut String, e: &Expr, style: Style<'_>) {
    let minus = if style.pretty { "−" } else { "-" };
    match &e.node {
        Node::Number(n) => write_number(out, *n, style),
        Node::X | Node::Param(_) if style.leaf.is_some() => {
            let text = style.leaf.and_then(|leaf| leaf(&e.node));
            match (text, &e.node) {
                (Some(text), _) => out.push_str(&text),
                (None, Node::Param(p)) => out.push_str(p.name()),
                (None, _) => out.push('x'),
            }
        }
        Node::X => out.push('x'),
        Node::Param(p) => out.push_str(p.name()),
        Node::Constant(Constant::Pi) => out.push_str(if style.pretty { "π" } else { "pi" }),
        Node::Constant(Constant::E) => out.push('e'),
        Node::Neg(u) => {
            out.push_str(minus);
            // −(a·b) reads the same as (−a)·b; exact printing keeps the tree's grouping.
            let wrap = if style.pretty {
                strength(u) < 2
            } else {
                strength(u) < 3
            };
            write_wrapped(out, u, style, wrap);
        }
        Node::Call(f, u) => {
            out.push_str(f.name());
            out.push('(');
            write_expr(out, u, style);
            out.push(')');
        }
        Node::Binary(op, u, v) => {
            let (mine, sign) = match op {
                BinOp::Add => (1, " + "),
                BinOp::Sub => (1, if style.pretty { " − " } else { " - " }),
                BinOp::Mul => (2, if style.pretty { "·" } else { "*" }),
                BinOp::Div => (2, "/"),
                BinOp::Pow => (4, "^"),
            };
            let (su, sv) = (strength(u), strength(v));
            let wrap_left = match op {
                BinOp::Pow => su <= 4,
                // A leading minus binds tighter than a product or a sum when read back.
                _ => su < mine,
            };
            let wrap_right = match op {
                BinOp::Pow => sv < 4 && !matches!(v.node, Node::Neg(_)),
                BinOp::Add if style.pretty => sv < 1 || matches!(v.node, Node::Neg(_)),
                BinOp::Mul if style.pretty => {
                    sv < 2 || matches!(v.node, Node::Neg(_) | Node::Binary(BinOp::Div, ..))
                }
                _ => sv <= mine || (style.pretty && matches!(v.node, Node::Neg(_))),
            };
            write_wrapped(out, u, style, wrap_left);
            if style.pretty && *op == BinOp::Pow {
                if let Node::Number(n) = v.node {
                    if let Some(sup) = superscript(n) {
                        out.push_str(&sup);
                        return;
                    }
                }
            }
            if style.pretty && *op == BinOp::Mul && style.leaf.is_none() && juxtaposable(u, v) {
                // `2a`, `4a²`: the way the lecture writes a coefficient.
            } else {
                out.push_str(sign);
            }
            if *op == BinOp::Pow && style.pretty && matches!(v.node, Node::Neg(_)) {
                write_wrapped(out, v, style, true);
            } else {
                write_wrapped(out, v, style, wrap_right);
            }
        }
    }
}
