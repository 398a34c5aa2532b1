//! The core's formula errors and undefined predictions, worded through `i18n` (which does
//! not import the core's formula module): a mirror of each kind, for the formula field,
//! the status line and a share link whose formula cannot be used.

use crate::i18n::{formula_link_problem, formula_problem, FormulaProblem, Lang, UndefinedWhy};
use descent_core::formula::{ErrorKind, Reason, MAX_CHARS, MAX_DEPTH};
use descent_core::LessonError;

/// A formula error's kind as its message needs it.
pub fn problem(kind: &ErrorKind) -> FormulaProblem<'_> {
    match kind {
        ErrorKind::NotInThisBuild => FormulaProblem::NotInThisBuild,
        ErrorKind::Empty => FormulaProblem::Empty,
        ErrorKind::TooLong { chars } => FormulaProblem::TooLong {
            chars: *chars,
            max: MAX_CHARS,
        },
        ErrorKind::TooDeep => FormulaProblem::TooDeep { max: MAX_DEPTH },
        ErrorKind::UnexpectedChar(c) => FormulaProblem::UnexpectedChar(*c),
        ErrorKind::MisplacedComma { decimal_comma } => FormulaProblem::MisplacedComma {
            decimal_comma: *decimal_comma,
        },
        ErrorKind::NumberTooLarge => FormulaProblem::NumberTooLarge,
        ErrorKind::UnknownName { name, suggestion } => FormulaProblem::UnknownName {
            name,
            suggestion: *suggestion,
        },
        ErrorKind::ProductWithoutOperator {
            name,
            product,
            spaced,
        } => FormulaProblem::Product {
            name,
            product,
            spaced,
        },
        ErrorKind::FunctionWithoutParenthesis { suggestion, .. } => {
            FormulaProblem::FunctionWithoutParenthesis { suggestion }
        }
        ErrorKind::MissingCloseParen => FormulaProblem::MissingCloseParen,
        ErrorKind::UnmatchedCloseParen => FormulaProblem::UnmatchedCloseParen,
        ErrorKind::EmptyParens => FormulaProblem::EmptyParens,
        ErrorKind::MissingOperand { operator } => FormulaProblem::MissingOperand { operator },
        ErrorKind::NothingBefore { operator } => FormulaProblem::NothingBefore { operator },
        ErrorKind::MissingOperator => FormulaProblem::MissingOperator,
        ErrorKind::NoParameter => FormulaProblem::NoParameter,
    }
}

/// What a link's or saved lesson's formula has wrong, in `lang`; `None` for any other
/// reason a lesson cannot be read.
pub fn lesson_formula_problem(lang: Lang, error: &LessonError) -> Option<String> {
    // The first-load build reads no formula: such a lesson goes to the full build
    // (`classroom::full_app`), and the words for formula errors stay out of it.
    if !crate::FULL_BUILD {
        return None;
    }
    match error {
        LessonError::Formula { text, error } => Some(formula_link_problem(
            lang,
            text,
            &formula_problem(lang, problem(&error.kind)),
        )),
        _ => None,
    }
}

/// Why a prediction is undefined, as its message needs it.
pub fn undefined_why(reason: Reason) -> UndefinedWhy {
    match reason {
        Reason::LogOfNegative => UndefinedWhy::LogOfNegative,
        Reason::LogOfZero => UndefinedWhy::LogOfZero,
        Reason::DivisionByZero => UndefinedWhy::DivisionByZero,
        Reason::SqrtOfNegative => UndefinedWhy::SqrtOfNegative,
        Reason::NegativeBase => UndefinedWhy::NegativeBase,
        Reason::Overflow => UndefinedWhy::Overflow,
        Reason::ParameterNotFinite => UndefinedWhy::ParameterNotFinite,
        Reason::NoDerivative => UndefinedWhy::NoDerivative,
    }
}
