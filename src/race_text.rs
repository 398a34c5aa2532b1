//! The race's sentences with numbers: what a setting field says about a value it cannot
//! use, each lane's outcome in words, and each optimizer's update rule written out with the
//! numbers of its next step (`OPTIMIZERS.md`'s rules, as [`crate::worked`] writes
//! a := a − γ·∂L/∂a). Every number comes from descent-core's [`Update`]; this module
//! only writes them down, it computes nothing.

use crate::i18n::race::{
    batch_size_out_of_range, race_words, seed_not_whole, setting_decay_out_of_range,
    setting_not_positive, setting_unusable,
};
use crate::i18n::{format_number, parameter_not_a_number, parameter_not_finite, Lang};
use descent_core::optimizer::{Divergence, HyperparameterError, Outcome};
use descent_core::race::{Hyperparameter, SettingError, Update};
use descent_core::session::SettingInputError;
use descent_core::NumberError;

/// The symbol a hyperparameter's field is labelled with.
pub fn symbol(which: Hyperparameter) -> &'static str {
    match which {
        Hyperparameter::LearningRate => "γ",
        Hyperparameter::Beta => "β",
        Hyperparameter::Alpha => "α",
        Hyperparameter::Beta1 => "β₁",
        Hyperparameter::Beta2 => "β₂",
        Hyperparameter::Epsilon => "ε",
    }
}

/// The test id of a hyperparameter's field for optimizer `id`: `lr-gd`, `beta-momentum`,
/// `alpha-rmsprop`, `beta1-adam`, `beta2-adam`, `epsilon-adam`.
pub fn field_id(which: Hyperparameter, id: &str) -> String {
    let kind = match which {
        Hyperparameter::LearningRate => "lr",
        Hyperparameter::Beta => "beta",
        Hyperparameter::Alpha => "alpha",
        Hyperparameter::Beta1 => "beta1",
        Hyperparameter::Beta2 => "beta2",
        Hyperparameter::Epsilon => "epsilon",
    };
    format!("{kind}-{id}")
}

/// What a field named `name` says when `raw`, typed in it, cannot be used; `kept` is the
/// value still in use, formatted. `rows` is the table's n (for the batch size).
pub fn setting_message(
    lang: Lang,
    name: &str,
    raw: &str,
    error: &SettingInputError,
    kept: &str,
    rows: usize,
) -> String {
    match error {
        SettingInputError::Number(NumberError::NotFinite) => {
            parameter_not_finite(lang, name, raw, kept)
        }
        SettingInputError::Number(_) => parameter_not_a_number(lang, name, raw, kept),
        SettingInputError::Setting(SettingError::Hyperparameter(e)) => match e {
            HyperparameterError::DecayRate { .. } => {
                setting_decay_out_of_range(lang, name, raw, kept)
            }
            HyperparameterError::LearningRate(_) | HyperparameterError::Epsilon(_) => {
                setting_not_positive(lang, name, raw, kept)
            }
        },
        SettingInputError::Setting(SettingError::BatchSize { .. }) => {
            batch_size_out_of_range(lang, rows, raw, kept)
        }
        SettingInputError::Setting(SettingError::Seed(_)) => seed_not_whole(lang, raw, kept),
        SettingInputError::Setting(_) => setting_unusable(lang, name, raw, kept),
    }
}

/// A lane's outcome in words.
pub fn outcome_text(lang: Lang, outcome: Outcome) -> &'static str {
    let w = race_words(lang);
    match outcome {
        Outcome::Running => w.running,
        Outcome::Converged => w.converged,
        Outcome::StepLimit => w.step_limit,
        Outcome::Diverged(Divergence::NonFinite) => w.diverged_non_finite,
        Outcome::Diverged(Divergence::LossGrowing) => w.diverged_growing,
    }
}

/// A number inside a formula: negative numbers in parentheses.
fn operand(value: f64, lang: Lang) -> String {
    let text = format_number(value, lang);
    if text.starts_with('\u{2212}') {
        format!("({text})")
    } else {
        text
    }
}

/// The update rule of `update`'s optimizer for parameter `index` (named `name`), with the
/// numbers of that step: the state's update(s), then the parameter's. For example
/// momentum's second step on `lecture-ab`:
/// `v := β·v + g = 0.9·(−447.3) + (−…) = …` and `a := a − γ·v = 9.3419 − 0.003·(…) = …`.
pub fn update_lines(update: &Update, index: usize, name: &str, lang: Lang) -> Vec<String> {
    let n = |v: f64| operand(v, lang);
    let at = |v: &[f64]| v.get(index).copied().unwrap_or(0.0);
    let slot = |state: &descent_core::optimizer::State, k: usize| {
        state.slots.get(k).map(|s| at(s)).unwrap_or(0.0)
    };
    let (before, after, g) = (
        at(&update.step.before),
        at(&update.step.after),
        at(&update.gradient),
    );
    let gamma = format_number(update.learning_rate, lang);
    let s = &update.settings;
    let (old, new) = (&update.state_before, &update.state_after);
    let first = old.count == 0;
    let momentum_line = || {
        if first {
            format!("v := g = {}", format_number(slot(new, 0), lang))
        } else {
            format!(
                "v := β·v + g = {}·{} + {} = {}",
                format_number(s.beta, lang),
                n(slot(old, 0)),
                n(g),
                format_number(slot(new, 0), lang)
            )
        }
    };
    let result = format_number(after, lang);
    match update.id {
        "momentum" => vec![
            momentum_line(),
            format!(
                "{name} := {name} − γ·v = {} − {gamma}·{} = {result}",
                n(before),
                n(slot(new, 0))
            ),
        ],
        "nesterov" => vec![
            momentum_line(),
            format!(
                "{name} := {name} − γ·(g + β·v) = {} − {gamma}·({} + {}·{}) = {result}",
                n(before),
                n(g),
                format_number(s.beta, lang),
                n(slot(new, 0))
            ),
        ],
        "rmsprop" => vec![
            format!(
                "s := α·s + (1 − α)·g² = {}·{} + (1 − {})·{}² = {}",
                format_number(s.alpha, lang),
                n(slot(old, 0)),
                format_number(s.alpha, lang),
                n(g),
                format_number(slot(new, 0), lang)
            ),
            format!(
                "{name} := {name} − γ·g / (√s + ε) = {} − {gamma}·{} / (√{} + {}) = {result}",
                n(before),
                n(g),
                n(slot(new, 0)),
                format_number(s.epsilon, lang)
            ),
        ],
        "adam" => {
            let t = new.count;
            vec![
                format!(
                    "m := β₁·m + (1 − β₁)·g = {}·{} + (1 − {})·{} = {}",
                    format_number(s.beta1, lang),
                    n(slot(old, 0)),
                    format_number(s.beta1, lang),
                    n(g),
                    format_number(slot(new, 0), lang)
                ),
                format!(
                    "v := β₂·v + (1 − β₂)·g² = {}·{} + (1 − {})·{}² = {}",
                    format_number(s.beta2, lang),
                    n(slot(old, 1)),
                    format_number(s.beta2, lang),
                    n(g),
                    format_number(slot(new, 1), lang)
                ),
                format!(
                    "{name} := {name} − γ·m̂ / (√v̂ + ε), m̂ = {} / (1 − {}^{t}), v̂ = {} / (1 − {}^{t}): \
                     {} − {gamma}·m̂ / (√v̂ + {}) = {result}",
                    n(slot(new, 0)),
                    format_number(s.beta1, lang),
                    n(slot(new, 1)),
                    format_number(s.beta2, lang),
                    n(before),
                    format_number(s.epsilon, lang)
                ),
            ]
        }
        _ => vec![format!(
            "{name} := {name} − γ·g = {} − {gamma}·{} = {result}",
            n(before),
            n(g)
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use descent_core::Session;

    fn lecture_ab() -> Option<Session> {
        Some(Session::new(descent_core::presets::lecture_ab()))
    }

    #[test]
    fn the_first_updates_on_lecture_ab_are_written_with_the_lectures_numbers() {
        let Some(mut session) = lecture_ab() else {
            panic!("no lecture-ab preset");
        };
        let gd = session
            .race_update("gd")
            .map(|u| update_lines(&u, 0, "a", Lang::En));
        assert_eq!(
            gd,
            Some(vec!["a := a − γ·g = 8 − 0.003·(−447.3) = 9.3419".to_owned()])
        );
        let momentum = session
            .race_update("momentum")
            .map(|u| update_lines(&u, 1, "b", Lang::En));
        assert_eq!(
            momentum,
            Some(vec![
                "v := g = −59.4".to_owned(),
                "b := b − γ·v = 0 − 0.003·(−59.4) = 0.1782".to_owned()
            ])
        );
        session.race_step();
        // Momentum's second step: a = 10.87348175 in OPTIMIZERS.md.
        let second = session
            .race_update("momentum")
            .map(|u| update_lines(&u, 0, "a", Lang::Lt))
            .unwrap_or_default();
        assert!(
            second[0].starts_with("v := β·v + g = 0,9·(−447,3) + "),
            "{second:?}"
        );
        assert!(second[1].ends_with("= 10,87348"), "{second:?}");
    }

    #[test]
    fn bad_settings_are_worded_with_the_text_typed_and_the_value_kept() {
        let Some(mut session) = lecture_ab() else {
            panic!("no lecture-ab preset");
        };
        let error = session
            .set_hyperparameter_text("momentum", Hyperparameter::Beta, "1")
            .err();
        let text = error
            .map(|e| setting_message(Lang::En, "β", "1", &e, "0.9", 3))
            .unwrap_or_default();
        assert!(text.contains("“1” is not, so β stays 0.9."), "{text}");
        let error = session.set_batch_size_text("0").err();
        let text = error
            .map(|e| setting_message(Lang::En, "batch", "0", &e, "3", 3))
            .unwrap_or_default();
        assert!(text.starts_with("The batch size must be a whole number from 1 to n = 3"));
        let error = session.set_seed_text("1.5").err();
        let text = error
            .map(|e| setting_message(Lang::Lt, "sėkla", "1.5", &e, "0", 3))
            .unwrap_or_default();
        assert!(
            text.starts_with("Sėkla turi būti sveikasis skaičius"),
            "{text}"
        );
        let error = session
            .set_hyperparameter_text("gd", Hyperparameter::LearningRate, "NaN")
            .err();
        let text = error
            .map(|e| setting_message(Lang::En, "γ", "NaN", &e, "0.003", 3))
            .unwrap_or_default();
        assert!(text.contains("γ stays 0.003"), "{text}");
    }
}
