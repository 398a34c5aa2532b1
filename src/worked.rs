//! The worked arithmetic of the slides, written out with live numbers:
//! `L = (19.6 − 8·2)² + (44.1 − 8·4.5)² + (98 − 8·10)² = 402.57` and
//! `a := 8 − 0.003 · (−447.3) = 9.3419`. Every number comes from descent-core; this
//! module only writes them down.

use crate::i18n::{format_number, Lang};
use descent_core::{Labels, Loss, Model, Session, Step};

/// How many terms of a sum are written out before "… (n terms)".
pub const SHOWN_TERMS: usize = 3;

/// A number as it stands inside a formula: negative numbers in parentheses (the worked
/// arithmetic and the race's update rules).
pub(crate) fn operand(value: f64, lang: Lang) -> String {
    let text = format_number(value, lang);
    if text.starts_with('\u{2212}') {
        format!("({text})")
    } else {
        text
    }
}

/// The longest a typed formula's ŷ written with its numbers may be (in characters) to be
/// written out in a term of the sum; a longer one shows the value computed instead.
pub const SHORT_FORMULA: usize = 40;

/// ŷ(x) written with the parameters' numbers, e.g. `8·2` or `(0.5·(−0.3) + 2 − 2·0.5²)`;
/// for a typed formula the same (`8·sin(0.5·2)`, in parentheses when it is a sum) where
/// that is at most [`SHORT_FORMULA`] characters, otherwise `prediction`, the value the
/// session computed (the formula itself is shown beside the sum).
pub fn prediction_text(
    model: &Model,
    params: &[f64],
    x: f64,
    prediction: f64,
    lang: Lang,
) -> String {
    let n = |v: f64| operand(v, lang);
    let a = params.first().copied().unwrap_or(0.0);
    let b = params.get(1).copied().unwrap_or(0.0);
    match model {
        Model::Linear => format!("{}·{}", n(a), n(x)),
        Model::Affine => format!("({}·{} + {})", n(a), n(x), n(b)),
        Model::NonConvex => format!("({}·{} + {} − 2·{}²)", n(a), n(x), n(b), n(a)),
        Model::Formula(formula) => {
            let comma = lang.decimal_separator() == ',';
            let written = formula.with_numbers(params, x, comma, &n);
            if written.chars().count() > SHORT_FORMULA {
                n(prediction)
            } else if formula.is_sum() {
                format!("({written})")
            } else {
                written
            }
        }
    }
}

/// The loss written out term by term, ending in its value:
/// `L = (19.6 − 8·2)² + (44.1 − 8·4.5)² + (98 − 8·10)² = 402.57`. Long tables show the
/// first [`SHOWN_TERMS`] terms and "… (n terms)"; the value is always the whole sum. A
/// table without rows writes `L = —`. Every number is the session's: the data, the
/// parameters and L itself.
pub fn loss_sum_text(session: &Session, lang: Lang, terms_word: &str) -> String {
    let (model, loss) = (&session.lesson().model, session.lesson().loss);
    let params = session.params();
    let points = session.data_points();
    if points.is_empty() {
        // No term to write, and the empty sum's 0 would read as a perfect fit.
        return "L = —".to_owned();
    }
    let value = session.loss();
    // A typed formula's predictions, as the session computes them (only the terms shown).
    let predictions: Vec<f64> = match model {
        Model::Formula(_) => session
            .residuals()
            .iter()
            .take(SHOWN_TERMS)
            .map(|r| r.prediction)
            .collect(),
        _ => Vec::new(),
    };
    let term = |k: usize, x: f64, y: f64| {
        let prediction = predictions.get(k).copied().unwrap_or(f64::NAN);
        let inner = format!(
            "{} − {}",
            operand(y, lang),
            prediction_text(model, params, x, prediction, lang)
        );
        match loss {
            Loss::L2 | Loss::Mse => format!("({inner})²"),
            Loss::L1 => format!("|{inner}|"),
        }
    };
    let mut parts: Vec<String> = points
        .iter()
        .take(SHOWN_TERMS)
        .enumerate()
        .map(|(k, &(x, y))| term(k, x, y))
        .collect();
    if points.len() > SHOWN_TERMS {
        parts.push(format!("… ({} {terms_word})", points.len()));
    }
    let sum = parts.join(" + ");
    let sum = match loss {
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

/// A formula written with the table's column names: `ŷ = a·x` becomes `ŷ = a·m` and
/// `L = Σ (y − ŷ)²` becomes `L = Σ (F − ŷ)²` once the columns are renamed m, F. Only a
/// standalone `x` or `y` is a column (never the one inside a word, and never ŷ, the
/// prediction); a column whose name was cleared keeps its letter.
pub fn with_column_names(formula: &str, labels: &Labels) -> String {
    let name = |letter: char| {
        let label = if letter == 'x' { &labels.x } else { &labels.y };
        let label = label.trim();
        if label.is_empty() {
            letter.to_string()
        } else {
            label.to_owned()
        }
    };
    let chars: Vec<char> = formula.chars().collect();
    let standalone = |i: usize| {
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i + 1);
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            'x' | 'y' if standalone(i) => name(c),
            _ => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renamed_columns_appear_in_every_model_and_loss_formula() {
        let labels = Labels::new("m", "F");
        assert_eq!(
            with_column_names(&Model::Linear.formula(), &labels),
            "ŷ = a·m"
        );
        assert_eq!(
            with_column_names(&Model::NonConvex.formula(), &labels),
            "ŷ = a·m + b − 2a²"
        );
        assert_eq!(
            with_column_names(Loss::L2.formula(), &labels),
            "L = Σ (F − ŷ)²"
        );
        assert_eq!(
            with_column_names(Loss::L1.formula(), &labels),
            "L = Σ |F − ŷ|"
        );
    }

    #[test]
    fn default_or_cleared_names_leave_the_formula_as_it_is() {
        let formula = Model::Affine.formula();
        assert_eq!(with_column_names(&formula, &Labels::default()), formula);
        assert_eq!(with_column_names(&formula, &Labels::new(" ", "")), formula);
    }
}
