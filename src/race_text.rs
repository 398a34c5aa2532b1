//! The race's sentences with numbers: what a setting field says about a value it cannot
//! use, each lane's outcome in words, and each optimizer's update rule written out with the
//! numbers of its next step (`OPTIMIZERS.md`'s rules, as [`crate::worked`] writes
//! a := a − γ·∂L/∂a). Every number comes from descent-core's [`Update`]; this module
//! only writes them down, it computes nothing. (A little over 400 lines: the messages and
//! the rules share their number formatting; split, each half would import the other.)

use crate::i18n::race::{
    batch_size_out_of_range, optimizer_name, race_words, schedule_out_of_range, seed_not_whole,
    setting_decay_out_of_range, setting_not_positive, setting_unusable,
};
use crate::i18n::{
    format_exact, format_number, parameter_not_a_number, parameter_not_finite, Lang,
};
use crate::worked::operand;
use descent_core::optimizer::{Divergence, HyperparameterError, Outcome};
use descent_core::race::{Hyperparameter, Row, ScheduleParameter, SettingError, Update};
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
        SettingInputError::Setting(SettingError::Schedule { name: which, .. }) => {
            let all = [
                ScheduleParameter::Every,
                ScheduleParameter::Factor,
                ScheduleParameter::Rate,
            ];
            if all.iter().any(|p| p.name() == *which) {
                schedule_out_of_range(lang, which, raw, kept)
            } else {
                setting_unusable(lang, name, raw, kept)
            }
        }
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

/// Text for HTML: `&`, `<`, `>` and `"` escaped (the race's markup is written as one
/// string, see [`race_table_html`]).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An optimizer's marker in its series colour and shape, as the charts draw it.
fn marker_html(id: &str) -> String {
    let (colour, shape) = crate::chart_data::series_look(id);
    format!(
        "<span class=\"series-marker shape-{shape}\" style=\"color:{colour}\" aria-hidden=\"true\"></span>"
    )
}

/// One race table row as the table shows it: the exact a, b, L and step of its `data-*`
/// attributes, and the texts of its outcome and its five number cells. The table is
/// written once from these ([`race_table_html`]) and then only the values that changed
/// are written again at each Step (`components::race_table`).
#[derive(Clone, Debug, PartialEq)]
pub struct RowCells {
    /// `data-a`, `data-b`, `data-loss` and `data-step`, in full precision.
    pub data: [String; 4],
    /// The outcome in words, then the cells step, a, b, L and ‖∇L‖ as shown.
    pub texts: [String; 6],
}

/// The names of [`RowCells::data`]'s attributes, in its order.
pub const ROW_DATA: [&str; 4] = ["data-a", "data-b", "data-loss", "data-step"];

/// A race table row's values ([`RowCells`]).
pub fn row_cells(row: &Row, lang: Lang) -> RowCells {
    let a = row.params.first().copied();
    let b = row.params.get(1).copied();
    let exact = |v: Option<f64>| v.map(format_exact).unwrap_or_default();
    let shown = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format_number(v, lang));
    RowCells {
        data: [
            exact(a),
            exact(b),
            format_exact(row.loss),
            row.step.to_string(),
        ],
        texts: [
            outcome_text(lang, row.outcome).to_owned(),
            row.step.to_string(),
            shown(a),
            shown(b),
            format_number(row.loss, lang),
            format_number(row.gradient_norm, lang),
        ],
    }
}

/// The race table's inner markup: the caption, the header and one row per lane
/// (`data-testid="race-<id>"` with its exact a, b, L and step in `data-*`), each in its
/// series colour and marker. Written as one string rather than as Leptos views: one
/// string costs the first load far less than a typed view of seven cells and eight
/// attributes per row.
pub fn race_table_html(rows: &[Row], lang: Lang) -> String {
    let w = race_words(lang);
    let mut html = format!(
        "<caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">a</th><th scope=\"col\">b</th><th scope=\"col\">L</th>\
         <th scope=\"col\">‖∇L‖</th></tr></thead><tbody>",
        escape(w.table_caption),
        // The outcome goes under each name: seven columns did not fit the side column.
        escape(&format!("{} · {}", w.column_optimizer, w.column_outcome)),
        escape(w.column_step),
    );
    for row in rows {
        let (colour, _) = crate::chart_data::series_look(row.id);
        let RowCells { data, texts } = row_cells(row, lang);
        let [a, b, loss, step] = data.map(|v| escape(&v));
        let [outcome, step_cell, a_cell, b_cell, loss_cell, norm_cell] = texts.map(|t| escape(&t));
        html.push_str(&format!(
            "<tr data-testid=\"race-{id}\" data-a=\"{a}\" data-b=\"{b}\" data-loss=\"{loss}\" \
             data-step=\"{step}\" style=\"--series:{colour}\"><th scope=\"row\">{}{}\
             <span class=\"outcome\">{outcome}</span></th><td>{step_cell}</td><td>{a_cell}</td>\
             <td>{b_cell}</td><td>{loss_cell}</td><td>{norm_cell}</td></tr>",
            marker_html(row.id),
            escape(optimizer_name(lang, row.id)),
            id = row.id,
        ));
    }
    html.push_str("</tbody>");
    html
}

/// Each lane's update rule as lines: per lane its id and the lines of [`update_lines`] for
/// each free parameter `(index, name)` (none for a lane that has stopped).
pub fn race_rule_lines(
    updates: &[(&'static str, Option<Update>)],
    params: &[(usize, &str)],
    lang: Lang,
) -> Vec<(&'static str, Vec<String>)> {
    updates
        .iter()
        .map(|(id, update)| {
            let lines = params
                .iter()
                .flat_map(|(index, name)| {
                    update
                        .iter()
                        .flat_map(|u| update_lines(u, *index, name, lang))
                        .collect::<Vec<_>>()
                })
                .collect();
            (*id, lines)
        })
        .collect()
}

/// The update rules' inner markup from [`race_rule_lines`]: per lane an item
/// (`data-testid="race-rule-<id>"`) with its marker and name, then one `formula` span per
/// line.
pub fn race_rules_html(rules: &[(&'static str, Vec<String>)], lang: Lang) -> String {
    let mut html = String::new();
    for (id, lines) in rules {
        html.push_str(&format!(
            "<li data-testid=\"race-rule-{id}\"><span>{}<strong>{}</strong></span>",
            marker_html(id),
            escape(optimizer_name(lang, id))
        ));
        for line in lines {
            html.push_str(&format!("<span class=\"formula\">{}</span>", escape(line)));
        }
        html.push_str("</li>");
    }
    html
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
    fn the_race_table_carries_each_lanes_exact_numbers_and_its_outcome() {
        let Some(mut session) = lecture_ab() else {
            panic!("no lecture-ab preset");
        };
        session.race_step();
        let html = race_table_html(&session.race_rows(), Lang::En);
        // Full precision in the attributes, seven digits on screen.
        assert!(
            html.contains(
                "data-testid=\"race-gd\" data-a=\"9.3419\" data-b=\"0.17820000000000003\""
            ),
            "{html}"
        );
        assert!(
            html.contains("<td>9.3419</td><td>0.1782</td><td>23.47592</td>"),
            "{html}"
        );
        assert!(html.contains("data-step=\"1\""), "{html}");
        assert!(
            html.contains("<span class=\"outcome\">still going</span>"),
            "{html}"
        );
        assert_eq!(html.matches("<tr data-testid=\"race-").count(), 2);
        let updates: Vec<_> = ["gd", "momentum"]
            .into_iter()
            .map(|id| (id, session.race_update(id)))
            .collect();
        let rules = race_rules_html(
            &race_rule_lines(&updates, &[(0, "a"), (1, "b")], Lang::En),
            Lang::En,
        );
        assert!(
            rules.contains("<span class=\"formula\">a := a − γ·g = 9.3419 − 0.003·"),
            "{rules}"
        );
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
