//! The parsed formula: a tree of [`Expr`] nodes, each with the byte [`Span`] of the text
//! it came from. Printing it is in `print`.

/// A range of bytes `start..end` in the typed text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span counted in characters of `source` (what an input field's selection and
    /// `data-start`/`data-end` use), clamped to the text.
    pub fn chars(self, source: &str) -> (usize, usize) {
        let count = |byte: usize| {
            source
                .char_indices()
                .take_while(|(i, _)| *i < byte.min(source.len()))
                .count()
        };
        (count(self.start), count(self.end))
    }
}

/// One of the four parameters a formula may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Param {
    /// `a`
    A,
    /// `b`
    B,
    /// `c`
    C,
    /// `d`
    D,
}

impl Param {
    /// All four, in the order their values are passed.
    pub const ALL: [Param; 4] = [Param::A, Param::B, Param::C, Param::D];

    /// The letter as typed.
    pub fn name(self) -> &'static str {
        match self {
            Param::A => "a",
            Param::B => "b",
            Param::C => "c",
            Param::D => "d",
        }
    }
}

/// A function of one argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Func {
    /// sine (radians)
    Sin,
    /// cosine
    Cos,
    /// tangent
    Tan,
    /// eˣ
    Exp,
    /// natural logarithm
    Ln,
    /// base-10 logarithm (as on a calculator; `ln` is the natural one)
    Log,
    /// square root
    Sqrt,
    /// absolute value
    Abs,
    /// hyperbolic tangent
    Tanh,
    /// the logistic function 1/(1 + e⁻ᵘ)
    Sigmoid,
}

impl Func {
    /// Every function, in the order the error messages suggest them.
    pub const ALL: [Func; 10] = [
        Func::Sin,
        Func::Cos,
        Func::Tan,
        Func::Exp,
        Func::Ln,
        Func::Log,
        Func::Sqrt,
        Func::Abs,
        Func::Tanh,
        Func::Sigmoid,
    ];

    /// The name as typed.
    pub fn name(self) -> &'static str {
        match self {
            Func::Sin => "sin",
            Func::Cos => "cos",
            Func::Tan => "tan",
            Func::Exp => "exp",
            Func::Ln => "ln",
            Func::Log => "log",
            Func::Sqrt => "sqrt",
            Func::Abs => "abs",
            Func::Tanh => "tanh",
            Func::Sigmoid => "sigmoid",
        }
    }

    /// The function with this name.
    pub fn from_name(name: &str) -> Option<Func> {
        Func::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Its value at `u`.
    #[inline]
    pub fn apply(self, u: f64) -> f64 {
        match self {
            Func::Sin => u.sin(),
            Func::Cos => u.cos(),
            Func::Tan => u.tan(),
            Func::Exp => u.exp(),
            Func::Ln => u.ln(),
            Func::Log => u.log10(),
            Func::Sqrt => u.sqrt(),
            Func::Abs => u.abs(),
            Func::Tanh => u.tanh(),
            Func::Sigmoid => 1.0 / (1.0 + (-u).exp()),
        }
    }
}

/// A named constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Constant {
    /// π (typed `pi` or `π`)
    Pi,
    /// e, Euler's number
    E,
}

impl Constant {
    /// Its value.
    pub fn value(self) -> f64 {
        match self {
            Constant::Pi => std::f64::consts::PI,
            Constant::E => std::f64::consts::E,
        }
    }
}

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`
    Add,
    /// `−`
    Sub,
    /// `*`, `·`, `×` or a product written without a sign (`2a`)
    Mul,
    /// `/`
    Div,
    /// `^`, `²`, `³`
    Pow,
}

/// What a node is.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A number as typed (never negative: a minus is [`Node::Neg`]).
    Number(f64),
    /// The input `x`.
    X,
    /// A parameter.
    Param(Param),
    /// `pi` or `e`.
    Constant(Constant),
    /// `−u`
    Neg(Box<Expr>),
    /// `u ∘ v`
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `f(u)`
    Call(Func, Box<Expr>),
}

/// A node with the bytes of the text it was read from (for a derivative's node, the
/// text of the part it was derived from).
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub node: Node,
    /// Where it was typed.
    pub span: Span,
}

impl Expr {
    /// A node at `span`.
    pub fn new(node: Node, span: Span) -> Self {
        Self { node, span }
    }

    /// Whether any parameter occurs in it.
    pub fn has_param(&self) -> bool {
        self.any(&|n| matches!(n, Node::Param(_)))
    }

    /// Whether parameter `p` occurs in it.
    pub fn uses(&self, p: Param) -> bool {
        self.any(&|n| *n == Node::Param(p))
    }

    /// Whether `x` occurs in it.
    pub fn has_x(&self) -> bool {
        self.any(&|n| matches!(n, Node::X))
    }

    fn any(&self, test: &dyn Fn(&Node) -> bool) -> bool {
        test(&self.node)
            || match &self.node {
                Node::Neg(u) | Node::Call(_, u) => u.any(test),
                Node::Binary(_, u, v) => u.any(test) || v.any(test),
                _ => false,
            }
    }

    /// The parameters it uses, in order.
    pub fn params(&self) -> Vec<Param> {
        Param::ALL.into_iter().filter(|p| self.uses(*p)).collect()
    }

    /// The same tree with every span set to 0..0 (to compare trees read from different
    /// texts).
    pub fn without_spans(&self) -> Expr {
        let node = match &self.node {
            Node::Neg(u) => Node::Neg(Box::new(u.without_spans())),
            Node::Call(f, u) => Node::Call(*f, Box::new(u.without_spans())),
            Node::Binary(op, u, v) => Node::Binary(
                *op,
                Box::new(u.without_spans()),
                Box::new(v.without_spans()),
            ),
            other => other.clone(),
        };
        Expr::new(node, Span::default())
    }
}
