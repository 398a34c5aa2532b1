//! What can be wrong with a typed formula, and where: every [`FormulaError`] carries the
//! byte [`Span`] to underline and, for a name, the nearest one the formula language knows.
//! The interface words the messages itself (in `src/i18n/`); [`std::fmt::Display`] here
//! is the English wording, for logs and tests.

use super::ast::{Func, Span};
use std::fmt;

/// A formula that cannot be used, and the part of the text that says why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormulaError {
    /// What is wrong.
    pub kind: ErrorKind,
    /// The bytes to underline.
    pub span: Span,
}

/// What is wrong with a formula.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// This build of the app has no typed formulas (descent-core without its `formula`
    /// feature: the first-load build, which hands such a lesson to the full one).
    NotInThisBuild,
    /// Nothing but spaces was typed.
    Empty,
    /// More than [`super::MAX_CHARS`] characters; the span is what lies past the limit.
    TooLong {
        /// How many characters were typed.
        chars: usize,
    },
    /// Parentheses, minus signs or powers nested more than [`super::MAX_DEPTH`] deep; the
    /// span is where the limit was passed.
    TooDeep,
    /// A character that is no part of a formula (`$`, `;`, `=` …).
    UnexpectedChar(char),
    /// A comma that is not a decimal comma between two digits (there are no functions of
    /// two arguments). `decimal_comma` says whether the interface reads `2,5` as 2.5.
    MisplacedComma {
        /// Whether a comma between digits would have been a decimal comma.
        decimal_comma: bool,
    },
    /// A number too large for a floating-point value.
    NumberTooLarge,
    /// A name the formula language does not know, with the nearest one it does.
    UnknownName {
        /// The name as typed.
        name: String,
        /// The nearest known name (`sinn` → `sin`), if any is close.
        suggestion: Option<&'static str>,
    },
    /// Letters written together where a product was meant: `ax` (→ `a*x` or `a x`).
    ProductWithoutOperator {
        /// The name as typed.
        name: String,
        /// The product with explicit signs: `a*x`.
        product: String,
        /// The product with spaces: `a x`.
        spaced: String,
    },
    /// A function name without its parenthesis: `sin x`, `sinx`.
    FunctionWithoutParenthesis {
        /// The function.
        function: Func,
        /// What to write instead: `sin(x)`.
        suggestion: String,
    },
    /// An opening parenthesis that is never closed (the span is the `(`).
    MissingCloseParen,
    /// A closing parenthesis with no opening one (the span is the `)`).
    UnmatchedCloseParen,
    /// `()` with nothing inside.
    EmptyParens,
    /// An operator with nothing after it: `x +`, `2*)` (the span is the operator).
    MissingOperand {
        /// The operator as typed.
        operator: String,
    },
    /// A binary operator with nothing before it: `*x`, `(^2)` (the span is the operator).
    NothingBefore {
        /// The operator as typed.
        operator: String,
    },
    /// A number right after a value with no operator between (`x2`, `2 3`, `(x)2`); the
    /// span is the number.
    MissingOperator,
    /// A usable formula needs at least one of the parameters a, b, c, d.
    NoParameter,
}

impl FormulaError {
    /// An error of `kind` at `span`.
    pub fn new(kind: ErrorKind, span: Span) -> Self {
        Self { kind, span }
    }
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::NotInThisBuild => write!(f, "typed formulas open in the full app"),
            ErrorKind::Empty => write!(f, "type a formula, for example a*x + b"),
            ErrorKind::TooLong { chars } => write!(
                f,
                "the formula is {chars} characters long; at most {} are allowed",
                super::MAX_CHARS
            ),
            ErrorKind::TooDeep => write!(f, "nested more than {} levels deep", super::MAX_DEPTH),
            ErrorKind::UnexpectedChar(c) => write!(f, "“{c}” cannot be part of a formula"),
            ErrorKind::MisplacedComma {
                decimal_comma: true,
            } => write!(f, "a comma is a decimal comma only between digits (2,5)"),
            ErrorKind::MisplacedComma {
                decimal_comma: false,
            } => write!(f, "write a decimal point (2.5), not a comma"),
            ErrorKind::NumberTooLarge => write!(f, "this number is too large"),
            ErrorKind::UnknownName {
                name,
                suggestion: Some(s),
            } => write!(f, "unknown name “{name}”: did you mean {s}?"),
            ErrorKind::UnknownName {
                name,
                suggestion: None,
            } => write!(
                f,
                "unknown name “{name}”: use x, a, b, c, d, pi, e or a function"
            ),
            ErrorKind::ProductWithoutOperator {
                name,
                product,
                spaced,
            } => write!(
                f,
                "“{name}” is not a name: for a product write {product} or {spaced}"
            ),
            ErrorKind::FunctionWithoutParenthesis { suggestion, .. } => {
                write!(f, "a function needs parentheses: {suggestion}")
            }
            ErrorKind::MissingCloseParen => write!(f, "this parenthesis is never closed"),
            ErrorKind::UnmatchedCloseParen => write!(f, "this parenthesis was never opened"),
            ErrorKind::EmptyParens => write!(f, "nothing inside the parentheses"),
            ErrorKind::MissingOperand { operator } => {
                write!(f, "nothing after “{operator}”")
            }
            ErrorKind::NothingBefore { operator } => {
                write!(f, "nothing before “{operator}”")
            }
            ErrorKind::MissingOperator => {
                write!(f, "an operator is missing before this number (* + − / ^)")
            }
            ErrorKind::NoParameter => {
                write!(f, "the model needs a parameter to learn: a, b, c or d")
            }
        }
    }
}

impl std::error::Error for FormulaError {}

/// The names a formula knows, for suggestions.
const KNOWN: [&str; 17] = [
    "sin", "cos", "tan", "exp", "ln", "log", "sqrt", "abs", "tanh", "sigmoid", "pi", "e", "x", "a",
    "b", "c", "d",
];

/// The single-letter (or `pi`) names a run of letters may be a product of.
const FACTORS: [&str; 8] = ["pi", "π", "x", "a", "b", "c", "d", "e"];

/// `name` cut into known factors (`ax` → `[a, x]`), if it can be.
fn factors(name: &str) -> Option<Vec<&'static str>> {
    if name.is_empty() {
        return Some(Vec::new());
    }
    for f in FACTORS {
        if let Some(rest) = name.strip_prefix(f) {
            if let Some(mut more) = factors(rest) {
                more.insert(0, f);
                return Some(more);
            }
        }
    }
    None
}

/// The error for an unknown name at `span`: a product written without signs, a function
/// without its parenthesis, or the nearest known name.
pub(crate) fn unknown_name(name: &str, span: Span) -> FormulaError {
    // Long runs of letters are cut short: this is only a suggestion.
    let name: String = name.chars().take(40).collect();
    if let Some(parts) = factors(&name).filter(|p| p.len() > 1) {
        let kind = ErrorKind::ProductWithoutOperator {
            product: parts.join("*"),
            spaced: parts.join(" "),
            name,
        };
        return FormulaError::new(kind, span);
    }
    for function in Func::ALL.iter().rev() {
        // Longest names first: `tanhx` is tanh(x), not tan(hx).
        let Some(rest) = name.strip_prefix(function.name()) else {
            continue;
        };
        if let Some(parts) = factors(rest).filter(|p| !p.is_empty()) {
            let kind = ErrorKind::FunctionWithoutParenthesis {
                function: *function,
                suggestion: format!("{}({})", function.name(), parts.join("*")),
            };
            return FormulaError::new(kind, span);
        }
    }
    let lower = name.to_ascii_lowercase();
    let limit = if name.chars().count() <= 3 { 1 } else { 2 };
    let suggestion = KNOWN
        .iter()
        .map(|k| (edit_distance(&lower, k), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k);
    FormulaError::new(ErrorKind::UnknownName { name, suggestion }, span)
}

/// Levenshtein distance between two short strings (in characters).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("sinn", "sin"), 1);
        assert_eq!(edit_distance("sqr", "sqrt"), 1);
        assert_eq!(edit_distance("", "ab"), 2);
    }

    #[test]
    fn products_are_cut_into_known_letters() {
        assert_eq!(factors("ax"), Some(vec!["a", "x"]));
        assert_eq!(factors("pix"), Some(vec!["pi", "x"]));
        assert_eq!(factors("q"), None);
    }
}
