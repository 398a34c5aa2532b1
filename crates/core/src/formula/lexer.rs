//! The formula's text cut into tokens, each with its byte span. Typographic forms are
//! read here: `·` `×` `⋅` `∙` are `*`, `−` (U+2212) and `–` are `-`, `÷` is `/`, a run of
//! superscript digits (`²`, `³`, …) is a power, `π` is pi. A comma is a decimal comma
//! only between two digits, and only when the interface says so.

use super::ast::Span;
use super::error::{ErrorKind, FormulaError};

/// A token's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A non-negative number.
    Number(f64),
    /// A run of letters: a variable, a parameter, a constant or a function.
    Name(String),
    /// `+`
    Plus,
    /// `-`, `−`
    Minus,
    /// `*`, `·`, `×`
    Star,
    /// `/`, `÷`
    Slash,
    /// `^`
    Caret,
    /// `(`
    Open,
    /// `)`
    Close,
    /// Superscript digits: `²` is `Power(2)`.
    Power(u32),
    /// A comma that is not a decimal comma.
    Comma,
}

/// A token and where it was typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// Its bytes.
    pub span: Span,
}

fn superscript_digit(c: char) -> Option<u32> {
    Some(match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    })
}

/// A letter of a name: ASCII (every name the formulas know is) or π; another letter is
/// an unexpected character (and no Unicode table is needed in the wasm).
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || c == 'π'
}

/// Cuts `text` into tokens; `decimal_comma` reads `2,5` as 2.5.
pub fn tokens(text: &str, decimal_comma: bool) -> Result<Vec<Token>, FormulaError> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(at, _)| *at);
    let is_digit = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        let single = |tok: Tok| Token {
            tok,
            span: Span::new(start, start + c.len_utf8()),
        };
        if c.is_ascii_digit() || (c == '.' && is_digit(i + 1)) {
            let mut literal = String::new();
            let mut seen_separator = false;
            while let Some(&(_, d)) = chars.get(i) {
                if d.is_ascii_digit() {
                    literal.push(d);
                } else if (d == '.' || (d == ',' && decimal_comma))
                    && !seen_separator
                    && is_digit(i + 1)
                {
                    seen_separator = true;
                    literal.push('.');
                } else {
                    break;
                }
                i += 1;
            }
            let span = Span::new(start, end_of(i));
            let value = crate::decimal::parse_f64(&literal).unwrap_or(f64::INFINITY);
            if !value.is_finite() {
                return Err(FormulaError::new(ErrorKind::NumberTooLarge, span));
            }
            out.push(Token {
                tok: Tok::Number(value),
                span,
            });
            continue;
        }
        if let Some(first) = superscript_digit(c) {
            let mut n = first;
            i += 1;
            while let Some(d) = chars.get(i).and_then(|(_, c)| superscript_digit(*c)) {
                n = n.saturating_mul(10).saturating_add(d).min(1_000_000);
                i += 1;
            }
            out.push(Token {
                tok: Tok::Power(n),
                span: Span::new(start, end_of(i)),
            });
            continue;
        }
        if is_letter(c) {
            let mut name = String::new();
            while let Some(&(_, d)) = chars.get(i) {
                if !is_letter(d) {
                    break;
                }
                name.push(d);
                i += 1;
            }
            out.push(Token {
                tok: Tok::Name(name),
                span: Span::new(start, end_of(i)),
            });
            continue;
        }
        i += 1;
        let tok = match c {
            c if c.is_whitespace() => continue,
            '+' => Tok::Plus,
            '-' | '−' | '–' => Tok::Minus,
            '*' | '·' | '×' | '⋅' | '∙' => Tok::Star,
            '/' | '÷' => Tok::Slash,
            '^' => Tok::Caret,
            '(' => Tok::Open,
            ')' => Tok::Close,
            ',' => Tok::Comma,
            other => {
                return Err(FormulaError::new(
                    ErrorKind::UnexpectedChar(other),
                    single(Tok::Comma).span,
                ))
            }
        };
        out.push(single(tok));
    }
    Ok(out)
}

/// `text` with each number's decimal separator replaced by `to` (a decimal comma of the
/// Lithuanian reading by a point, or the other way): only a separator after a digit, since
/// a number may start with a point (`.5`) but not with a comma. `text` itself when it
/// does not read with `decimal_comma` (its errors are shown on the text as typed).
fn with_separator(text: &str, decimal_comma: bool, to: char) -> String {
    let Ok(tokens) = tokens(text, decimal_comma) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for token in tokens.iter().filter(|t| matches!(t.tok, Tok::Number(_))) {
        let (start, end) = (token.span.start, token.span.end);
        let Some(number) = text.get(start..end) else {
            continue;
        };
        out.push_str(text.get(last..start).unwrap_or_default());
        for (k, c) in number.char_indices() {
            out.push(if k > 0 && (c == '.' || c == ',') {
                to
            } else {
                c
            });
        }
        last = end;
    }
    out.push_str(text.get(last..).unwrap_or_default());
    out
}

/// A formula typed with decimal commas (the Lithuanian reading) written with decimal
/// points, as it is stored: `2,5a*x` becomes `2.5a*x`, which reads the same in both
/// languages.
pub fn with_decimal_points(text: &str) -> String {
    with_separator(text, true, '.')
}

/// A stored formula written with decimal commas for the Lithuanian field: `2.5a*x`
/// becomes `2,5a*x` (a leading point, `.5`, stays: a comma cannot start a number).
pub fn with_decimal_commas(text: &str) -> String {
    with_separator(text, false, ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, comma: bool) -> Vec<Tok> {
        tokens(text, comma)
            .unwrap_or_default()
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn decimal_comma_only_between_digits() {
        assert_eq!(kinds("2,5", true), vec![Tok::Number(2.5)]);
        assert_eq!(
            kinds("2,5", false),
            vec![Tok::Number(2.0), Tok::Comma, Tok::Number(5.0)]
        );
        assert_eq!(
            kinds("a,5", true),
            vec![Tok::Name("a".into()), Tok::Comma, Tok::Number(5.0)]
        );
        assert_eq!(kinds(".5", false), vec![Tok::Number(0.5)]);
    }

    #[test]
    fn superscripts_and_typography() {
        assert_eq!(
            kinds("x²·a−b³", false),
            vec![
                Tok::Name("x".into()),
                Tok::Power(2),
                Tok::Star,
                Tok::Name("a".into()),
                Tok::Minus,
                Tok::Name("b".into()),
                Tok::Power(3),
            ]
        );
    }
}
