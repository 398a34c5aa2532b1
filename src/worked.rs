//! The worked arithmetic of the slides, written out with live numbers:
//! `L = (19.6 − 8·2)² + (44.1 − 8·4.5)² + (98 − 8·10)² = 402.57` and
//! `a := 8 − 0.003 · (−447.3) = 9.3419`. Every number comes from descent-core; this
//! module only writes them down.

use crate::i18n::{format_number, Lang};
use descent_core::{Loss, Model, Problem, Step};

/// How many terms of a sum are written out before "… (n terms)".
pub const SHOWN_TERMS: usize = 3;

/// A number as it stands inside a formula: negative numbers in parentheses.
fn operand(value: f64, lang: Lang) -> String {
    let text = format_number(value, lang);
    if text.starts_with('\u{2212}') {
        format!("({text})")
    } else {
        text
    }
}

/// ŷ(x) written with the parameters' numbers, e.g. `8·2` or `(0.5·(−0.3) + 2 − 2·0.5²)`.
pub fn prediction_text(model: Model, params: &[f64], x: f64, lang: Lang) -> String {
    let n = |v: f64| operand(v, lang);
    let a = params.first().copied().unwrap_or(0.0);
    let b = params.get(1).copied().unwrap_or(0.0);
    match model {
        Model::Linear => format!("{}·{}", n(a), n(x)),
        Model::Affine => format!("({}·{} + {})", n(a), n(x), n(b)),
        Model::NonConvex => format!("({}·{} + {} − 2·{}²)", n(a), n(x), n(b), n(a)),
    }
}

/// The loss written out term by term, ending in its value:
/// `L = (19.6 − 8·2)² + (44.1 − 8·4.5)² + (98 − 8·10)² = 402.57`. Long tables show the
/// first [`SHOWN_TERMS`] terms and "… (n terms)"; the value is always the whole sum.
pub fn loss_sum_text(problem: &Problem, params: &[f64], lang: Lang, terms_word: &str) -> String {
    let points = problem.data.points();
    let value = problem.loss_at(params);
    let term = |x: f64, y: f64| {
        let inner = format!(
            "{} − {}",
            operand(y, lang),
            prediction_text(problem.model, params, x, lang)
        );
        match problem.loss {
            Loss::L2 | Loss::Mse => format!("({inner})²"),
            Loss::L1 => format!("|{inner}|"),
        }
    };
    let mut parts: Vec<String> = points
        .iter()
        .take(SHOWN_TERMS)
        .map(|p| term(p.x, p.y))
        .collect();
    if points.len() > SHOWN_TERMS {
        parts.push(format!("… ({} {terms_word})", points.len()));
    }
    let sum = parts.join(" + ");
    let sum = match problem.loss {
        Loss::Mse => format!("(1/{})·[{sum}]", points.len()),
        _ => sum,
    };
    format!("L = {sum} = {}", format_number(value, lang))
}

/// One update written out for parameter `index`:
/// `a := 8 − 0.003 · (−447.3) = 9.3419`.
pub fn update_text(step: &Step, index: usize, name: &str, lang: Lang) -> String {
    let before = step.before.get(index).copied().unwrap_or(0.0);
    let gradient = step.gradient.get(index).copied().unwrap_or(0.0);
    let after = step.after.get(index).copied().unwrap_or(0.0);
    format!(
        "{name} := {} − {} · {} = {}",
        operand(before, lang),
        format_number(step.learning_rate, lang),
        operand(gradient, lang),
        format_number(after, lang)
    )
}
