//! A Pratt parser (recursive descent with binding powers) from tokens to an [`Expr`].
//!
//! Binding, loosest first: `+ −`; `* /` and products written without a sign (`2a`,
//! `a x`, `2(x + 1)`, `a sin(x)`), all left-associative, so `1/2a` is (1/2)·a; a leading
//! minus; `^` and superscripts, right-associative (`x^y^z` = x^(y^z)) and tighter than the
//! minus (`−x²` = −(x²)). A number right after a value (`x2`, `2 3`) is an error, not a
//! product: it is more often a typing slip.
//!
//! Every recursion goes through [`Parser::expr`], which counts its depth and refuses to go
//! past [`super::MAX_DEPTH`] levels, so no text can overflow the stack.

use super::ast::{BinOp, Constant, Expr, Func, Node, Param, Span};
use super::error::{unknown_name, ErrorKind, FormulaError};
use super::lexer::{Tok, Token};

const SUM: (u8, u8) = (10, 11);
const PRODUCT: (u8, u8) = (20, 21);
const PREFIX_MINUS: u8 = 25;
const POWER: (u8, u8) = (30, 29);

/// Parses a whole token list (`text_len` bytes of text) into one expression.
/// `decimal_comma` only words the error for a stray comma.
pub fn parse(tokens: &[Token], text_len: usize, decimal_comma: bool) -> Result<Expr, FormulaError> {
    let mut parser = Parser {
        tokens,
        pos: 0,
        depth: 0,
        text_len,
        decimal_comma,
    };
    let expr = parser.expr(0)?;
    match parser.peek() {
        None => Ok(expr),
        Some(t) => Err(FormulaError::new(ErrorKind::UnmatchedCloseParen, t.span)),
    }
}

struct Parser<'a> {
    tokens: &'a [Token],
    pos: usize,
    depth: usize,
    text_len: usize,
    decimal_comma: bool,
}

fn operator_text(tok: &Tok) -> &'static str {
    match tok {
        Tok::Plus => "+",
        Tok::Minus => "−",
        Tok::Star => "*",
        Tok::Slash => "/",
        Tok::Caret => "^",
        _ => "",
    }
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&'a Token> {
        self.tokens.get(self.pos)
    }

    fn bump(&mut self) -> Option<&'a Token> {
        let t = self.tokens.get(self.pos);
        self.pos += 1;
        t
    }

    fn end_span(&self) -> Span {
        Span::new(self.text_len, self.text_len)
    }

    /// An operator at `at` must have something after it.
    fn operand_follows(&self, operator: &Token) -> Result<(), FormulaError> {
        let missing = match self.peek().map(|t| &t.tok) {
            None | Some(Tok::Close | Tok::Star | Tok::Slash | Tok::Caret | Tok::Power(_)) => true,
            Some(Tok::Plus) => matches!(operator.tok, Tok::Plus | Tok::Minus),
            _ => false,
        };
        if missing {
            let kind = ErrorKind::MissingOperand {
                operator: operator_text(&operator.tok).to_string(),
            };
            return Err(FormulaError::new(kind, operator.span));
        }
        Ok(())
    }

    /// An expression whose operators bind at least as tightly as `min_bp`.
    fn expr(&mut self, min_bp: u8) -> Result<Expr, FormulaError> {
        self.depth += 1;
        // Level 0 is the whole formula; each parenthesis, minus sign or exponent nests one
        // level deeper.
        if self.depth > super::MAX_DEPTH + 1 {
            // Underlined: the parenthesis, minus or operator that opened this level.
            let opener = self.pos.checked_sub(1).and_then(|i| self.tokens.get(i));
            let span = opener.or(self.peek()).map_or(self.end_span(), |t| t.span);
            return Err(FormulaError::new(ErrorKind::TooDeep, span));
        }
        let mut lhs = self.prefix()?;
        while let Some(token) = self.peek() {
            let (op, (left, right)) = match &token.tok {
                Tok::Close => break,
                Tok::Plus => (BinOp::Add, SUM),
                Tok::Minus => (BinOp::Sub, SUM),
                Tok::Star => (BinOp::Mul, PRODUCT),
                Tok::Slash => (BinOp::Div, PRODUCT),
                Tok::Caret => (BinOp::Pow, POWER),
                Tok::Power(n) => {
                    if POWER.0 < min_bp {
                        break;
                    }
                    self.bump();
                    let exponent = Expr::new(Node::Number(f64::from(*n)), token.span);
                    let span = lhs.span.to(token.span);
                    lhs = Expr::new(
                        Node::Binary(BinOp::Pow, Box::new(lhs), Box::new(exponent)),
                        span,
                    );
                    continue;
                }
                Tok::Number(_) => {
                    return Err(FormulaError::new(ErrorKind::MissingOperator, token.span))
                }
                Tok::Comma => return Err(self.comma(token)),
                Tok::Name(_) | Tok::Open => {
                    // A product written without a sign.
                    if PRODUCT.0 < min_bp {
                        break;
                    }
                    let rhs = self.expr(PRODUCT.1)?;
                    let span = lhs.span.to(rhs.span);
                    lhs = Expr::new(Node::Binary(BinOp::Mul, Box::new(lhs), Box::new(rhs)), span);
                    continue;
                }
            };
            if left < min_bp {
                break;
            }
            self.bump();
            self.operand_follows(token)?;
            let rhs = self.expr(right)?;
            let span = lhs.span.to(rhs.span);
            lhs = Expr::new(Node::Binary(op, Box::new(lhs), Box::new(rhs)), span);
        }
        self.depth -= 1;
        Ok(lhs)
    }

    fn comma(&self, token: &Token) -> FormulaError {
        FormulaError::new(
            ErrorKind::MisplacedComma {
                decimal_comma: self.decimal_comma,
            },
            token.span,
        )
    }

    /// A value, a minus sign and its operand, or a parenthesised expression.
    fn prefix(&mut self) -> Result<Expr, FormulaError> {
        let Some(token) = self.bump() else {
            return Err(FormulaError::new(ErrorKind::Empty, self.end_span()));
        };
        let span = token.span;
        let node = match &token.tok {
            Tok::Number(n) => Node::Number(*n),
            Tok::Minus | Tok::Plus => {
                self.operand_follows(token)?;
                let operand = self.expr(PREFIX_MINUS)?;
                let whole = span.to(operand.span);
                if token.tok == Tok::Plus {
                    return Ok(Expr::new(operand.node, whole));
                }
                return Ok(Expr::new(Node::Neg(Box::new(operand)), whole));
            }
            Tok::Open => return self.group(token),
            Tok::Name(name) => return self.name(name, span),
            Tok::Close => {
                return Err(FormulaError::new(ErrorKind::UnmatchedCloseParen, span));
            }
            Tok::Star | Tok::Slash | Tok::Caret => {
                let kind = ErrorKind::NothingBefore {
                    operator: operator_text(&token.tok).to_string(),
                };
                return Err(FormulaError::new(kind, span));
            }
            Tok::Power(n) => {
                let kind = ErrorKind::NothingBefore {
                    operator: format!("^{n}"),
                };
                return Err(FormulaError::new(kind, span));
            }
            Tok::Comma => return Err(self.comma(token)),
        };
        Ok(Expr::new(node, span))
    }

    /// After `(`: an expression and its `)`. The node's span covers both parentheses.
    fn group(&mut self, open: &Token) -> Result<Expr, FormulaError> {
        if self.peek().is_none() {
            return Err(FormulaError::new(ErrorKind::MissingCloseParen, open.span));
        }
        if let Some(t) = self.peek().filter(|t| t.tok == Tok::Close) {
            return Err(FormulaError::new(
                ErrorKind::EmptyParens,
                open.span.to(t.span),
            ));
        }
        let inner = self.expr(0)?;
        match self.bump() {
            Some(close) if close.tok == Tok::Close => {
                Ok(Expr::new(inner.node, open.span.to(close.span)))
            }
            _ => Err(FormulaError::new(ErrorKind::MissingCloseParen, open.span)),
        }
    }

    fn name(&mut self, name: &str, span: Span) -> Result<Expr, FormulaError> {
        let node = match name {
            "x" => Node::X,
            "a" => Node::Param(Param::A),
            "b" => Node::Param(Param::B),
            "c" => Node::Param(Param::C),
            "d" => Node::Param(Param::D),
            "pi" | "π" => Node::Constant(Constant::Pi),
            "e" => Node::Constant(Constant::E),
            _ => {
                let Some(function) = Func::from_name(name) else {
                    return Err(unknown_name(name, span));
                };
                return match self.peek() {
                    Some(open) if open.tok == Tok::Open => {
                        self.bump();
                        let argument = self.group(open)?;
                        let whole = span.to(argument.span);
                        Ok(Expr::new(Node::Call(function, Box::new(argument)), whole))
                    }
                    next => {
                        let argument = match next.map(|t| &t.tok) {
                            Some(Tok::Name(n)) => n.clone(),
                            Some(Tok::Number(v)) => format!("{v}"),
                            _ => "x".to_string(),
                        };
                        let kind = ErrorKind::FunctionWithoutParenthesis {
                            function,
                            suggestion: format!("{name}({argument})"),
                        };
                        Err(FormulaError::new(kind, span))
                    }
                };
            }
        };
        Ok(Expr::new(node, span))
    }
}
