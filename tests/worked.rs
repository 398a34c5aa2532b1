//! The worked arithmetic of a typed formula (issue 11): L written out term by term with
//! the current numbers, as for the built-in models — the formula's ŷ with its numbers in
//! place of its letters where that is short, the computed value where it is not.
#![allow(clippy::unwrap_used)]

use descent_core::presets::Preset;
use descent_core::{ParseOptions, Session};
use descent_lab::i18n::{format_number, Lang};
use descent_lab::worked::{loss_sum_text, SHORT_FORMULA};

const EN: ParseOptions = ParseOptions {
    decimal_comma: false,
};

fn lecture_with(formula: &str, options: ParseOptions) -> Session {
    let mut session = Session::new(Preset::Lecture.lesson());
    session.set_formula(formula, options).unwrap();
    session
}

#[test]
fn typed_a_x_is_written_out_as_the_built_in_model_is() {
    let built_in = Session::new(Preset::Lecture.lesson());
    let expected = "L = (19.6 − 8·2)² + (44.1 − 8·4.5)² + (98 − 8·10)² = 402.57";
    assert_eq!(loss_sum_text(&built_in, Lang::En, "terms"), expected);
    let typed = lecture_with("a*x", EN);
    assert_eq!(loss_sum_text(&typed, Lang::En, "terms"), expected);
}

#[test]
fn a_formula_is_written_with_its_numbers_in_place_of_its_letters() {
    let session = lecture_with("a x^2", EN);
    // (19.6 − 32)² + (44.1 − 162)² + (98 − 800)² = 153.76 + 13 900.41 + 492 804.
    assert!((session.loss() - 506_858.17).abs() < 1e-6);
    assert_eq!(
        loss_sum_text(&session, Lang::En, "terms"),
        format!(
            "L = (19.6 − 8·2²)² + (44.1 − 8·4.5²)² + (98 − 8·10²)² = {}",
            format_number(session.loss(), Lang::En)
        )
    );
    // A sum is put in parentheses after the minus; a negative number in its own.
    let mut session = lecture_with("a*x + b", EN);
    session.set_param(1, -0.5);
    let text = loss_sum_text(&session, Lang::En, "terms");
    assert!(
        text.starts_with("L = (19.6 − (8·2 + (−0.5)))² + (44.1 − (8·4.5 + (−0.5)))²"),
        "{text}"
    );
}

#[test]
fn lithuanian_writes_decimal_commas_in_the_formulas_numbers_too() {
    let lt = ParseOptions {
        decimal_comma: true,
    };
    let session = lecture_with("2,5*a*x", lt);
    let text = loss_sum_text(&session, Lang::Lt, "nariai");
    assert!(
        text.starts_with("L = (19,6 − 2,5·8·2)² + (44,1 − 2,5·8·4,5)²"),
        "{text}"
    );
}

#[test]
fn a_long_formula_shows_each_prediction_computed() {
    let text_of = "a*sin(b*x) + exp(-a*x)/(1 + x^2) + b*x^3 - a*b";
    let session = lecture_with(text_of, EN);
    let first = session.residuals()[0].prediction;
    let formula = session.lesson().model.as_formula().unwrap();
    let written = formula.with_numbers(session.params(), 2.0, false, &|v| v.to_string());
    assert_eq!(written, "8·sin(1·2) + exp(−8·2)/(1 + 2²) + 1·2³ − 8·1");
    assert!(written.chars().count() > SHORT_FORMULA);
    let text = loss_sum_text(&session, Lang::En, "terms");
    assert!(
        text.starts_with(&format!("L = (19.6 − {})²", format_number(first, Lang::En))),
        "{text}"
    );
    assert!(!text.contains("sin"), "{text}");
}
