//! The race's words (issue 10): the optimizers' names, the race panel's and table's fixed
//! text ([`RaceWords`], one `static` per language, so a missing translation does not
//! compile), and the sentences with values that its fields and rows say. The Lithuanian
//! terms follow `OPTIMIZERS.md`'s glossary (optimizatorius, inercija, mokymosi greičio
//! kitimo planas, paketas, epocha).

use super::Lang;

/// The race's fixed text in one language; see [`race_words`].
#[derive(Debug)]
pub struct RaceWords {
    /// Heading of the race panel.
    pub heading: &'static str,
    /// What ticking does, and what the buttons then act on.
    pub intro: &'static str,
    /// Label of the schedule select.
    pub schedule: &'static str,
    /// The schedules, in `Schedule::ALL`'s order.
    pub schedules: [&'static str; 4],
    /// Label of the batch-size field.
    pub batch_size: &'static str,
    /// Label of the seed field.
    pub seed: &'static str,
    /// The batch size as a message names it ("the batch size stays …").
    pub batch_name: &'static str,
    /// The seed as a message names it.
    pub seed_name: &'static str,
    /// The batch field's hint: what n means.
    pub batch_hint: &'static str,
    /// Column headers: optimizer, step, outcome.
    pub column_optimizer: &'static str,
    /// Column header: steps taken.
    pub column_step: &'static str,
    /// Column header: where it stands.
    pub column_outcome: &'static str,
    /// Outcome: still stepping.
    pub running: &'static str,
    /// Outcome: converged.
    pub converged: &'static str,
    /// Outcome: the step limit was reached.
    pub step_limit: &'static str,
    /// Outcome: a step would have left the finite numbers (it was not taken).
    pub diverged_non_finite: &'static str,
    /// Outcome: the loss grew far beyond where it started.
    pub diverged_growing: &'static str,
    /// Title of the loss-against-step chart.
    pub steps_chart_title: &'static str,
    /// Its horizontal axis.
    pub steps_axis: &'static str,
    /// Heading of the update rules with numbers.
    pub rules_heading: &'static str,
    /// The table's caption.
    pub table_caption: &'static str,
}

static EN: RaceWords = RaceWords {
    heading: "Optimizers race",
    intro: "Tick optimizers to race them from the same start. While one is ticked, Step, \
            Undo, Reset and Play act on all of them (and on the descent above).",
    schedule: "Learning-rate schedule",
    schedules: [
        "constant",
        "step decay (×q every s steps)",
        "exponential (×q each step)",
        "1/t (γ / (1 + r·t))",
    ],
    batch_size: "Batch size",
    seed: "Seed",
    batch_name: "the batch size",
    seed_name: "the seed",
    batch_hint: "n = the full batch",
    column_optimizer: "Optimizer",
    column_step: "Step",
    column_outcome: "Outcome",
    running: "still going",
    converged: "converged",
    step_limit: "stopped at the step limit",
    diverged_non_finite: "diverged: the numbers became too large (step not taken)",
    diverged_growing: "diverged: the loss grew far beyond its start",
    steps_chart_title: "Loss against step",
    steps_axis: "step",
    rules_heading: "Update rules with the current numbers",
    table_caption: "The race: where each optimizer stands",
};

static LT: RaceWords = RaceWords {
    heading: "Optimizatorių lenktynės",
    intro: "Pažymėkite optimizatorius – jie lenktyniaus iš to paties taško. Kol pažymėtas \
            bent vienas, Žingsnis, Atšaukti, Iš naujo ir Leisti veikia juos visus (ir \
            nusileidimą aukščiau).",
    schedule: "Mokymosi greičio kitimo planas",
    schedules: [
        "pastovus",
        "laiptuotas (×q kas s žingsnių)",
        "eksponentinis (×q kas žingsnį)",
        "1/t (γ / (1 + r·t))",
    ],
    batch_size: "Paketo dydis",
    seed: "Atsitiktinumo sėkla",
    batch_name: "paketo dydis",
    seed_name: "sėkla",
    batch_hint: "n – visas paketas",
    column_optimizer: "Optimizatorius",
    column_step: "Žingsnis",
    column_outcome: "Būsena",
    running: "dar juda",
    converged: "konvergavo",
    step_limit: "sustojo ties žingsnių riba",
    diverged_non_finite: "diverguoja: skaičiai tapo per dideli (žingsnis neatliktas)",
    diverged_growing: "diverguoja: nuostoliai išaugo gerokai virš pradinių",
    steps_chart_title: "Nuostoliai pagal žingsnį",
    steps_axis: "žingsnis",
    rules_heading: "Atnaujinimo taisyklės su dabartiniais skaičiais",
    table_caption: "Lenktynės: kur yra kiekvienas optimizatorius",
};

/// The race's fixed text in `lang`.
pub fn race_words(lang: Lang) -> &'static RaceWords {
    match lang {
        Lang::Lt => &LT,
        Lang::En => &EN,
    }
}

/// An optimizer's name by its registry id (`gd`, `momentum`, …); the id itself for one
/// without a name here.
pub fn optimizer_name(lang: Lang, id: &'static str) -> &'static str {
    match (lang, id) {
        (Lang::Lt, "gd") => "Gradientinis nusileidimas",
        (Lang::En, "gd") => "Gradient descent",
        (Lang::Lt, "momentum") => "Inercija (momentum)",
        (Lang::En, "momentum") => "Momentum",
        (Lang::Lt, "nesterov") => "Nesterovo inercija",
        (Lang::En, "nesterov") => "Nesterov momentum",
        (_, "rmsprop") => "RMSProp",
        (_, "adam") => "Adam",
        (_, other) => other,
    }
}

/// A field's text as a message quotes it: trimmed, at most 24 characters.
fn quoted(raw: &str) -> String {
    let raw = raw.trim();
    if raw.chars().count() <= 24 {
        raw.to_owned()
    } else {
        raw.chars().take(23).chain(['…']).collect()
    }
}

/// γ or ε typed as a number that is not positive: "γ must be a positive number: “-1” is
/// not, so γ stays 0.003." `kept` is the value in use, formatted.
pub fn setting_not_positive(lang: Lang, name: &str, raw: &str, kept: &str) -> String {
    let raw = quoted(raw);
    match lang {
        Lang::Lt => {
            format!("{name} turi būti teigiamas skaičius, o „{raw}“ – ne: {name} lieka {kept}.")
        }
        Lang::En => {
            format!("{name} must be a positive number: “{raw}” is not, so {name} stays {kept}.")
        }
    }
}

/// β, α, β₁ or β₂ typed outside [0, 1).
pub fn setting_decay_out_of_range(lang: Lang, name: &str, raw: &str, kept: &str) -> String {
    let raw = quoted(raw);
    match lang {
        Lang::Lt => format!(
            "{name} turi būti ne mažesnis už 0 ir mažesnis už 1 (kai 1 ar daugiau, vidurkis \
             nieko nepamiršta ir auga be ribų): „{raw}“ netinka, {name} lieka {kept}."
        ),
        Lang::En => format!(
            "{name} must be at least 0 and below 1 (at 1 or more the running mean never \
             forgets and grows without bound): “{raw}” is not, so {name} stays {kept}."
        ),
    }
}

/// A batch size that is not a whole number from 1 to the `rows` there are.
pub fn batch_size_out_of_range(lang: Lang, rows: usize, raw: &str, kept: &str) -> String {
    let raw = quoted(raw);
    match lang {
        Lang::Lt => format!(
            "Paketo dydis turi būti sveikasis skaičius nuo 1 iki n = {rows} (n – visas \
             paketas): „{raw}“ netinka, paketas lieka {kept}."
        ),
        Lang::En => format!(
            "The batch size must be a whole number from 1 to n = {rows} (n: the full batch): \
             “{raw}” is not, so the batch stays {kept}."
        ),
    }
}

/// A seed that is not a whole number from 0 up.
pub fn seed_not_whole(lang: Lang, raw: &str, kept: &str) -> String {
    let raw = quoted(raw);
    match lang {
        Lang::Lt => format!(
            "Sėkla turi būti sveikasis skaičius nuo 0 (be ženklo ir trupmenos): „{raw}“ \
             netinka, sėkla lieka {kept}."
        ),
        Lang::En => format!(
            "The seed must be a whole number from 0 up (no sign, no fraction): “{raw}” is \
             not, so the seed stays {kept}."
        ),
    }
}

/// The label of the field of a schedule's number, by its machine name (`every`, `factor`,
/// `rate`): its symbol, as the schedule's name in the picker writes it, and what it is.
pub fn schedule_parameter_label(lang: Lang, name: &str) -> &'static str {
    match (lang, name) {
        (Lang::Lt, "every") => "s (kas kiek žingsnių)",
        (Lang::En, "every") => "s (every so many steps)",
        (Lang::Lt, "factor") => "q (daugiklis)",
        (Lang::En, "factor") => "q (factor)",
        (Lang::Lt, _) => "r (koeficientas)",
        (Lang::En, _) => "r (rate)",
    }
}

/// The symbol a message calls a schedule's number by (machine name `every`, `factor`,
/// `rate`): s, q or r.
pub fn schedule_parameter_symbol(name: &str) -> &'static str {
    match name {
        "every" => "s",
        "factor" => "q",
        _ => "r",
    }
}

/// A schedule's number (by machine name) out of its range: s not a whole number from 1 up,
/// q not in (0, 1], r below 0.
pub fn schedule_out_of_range(lang: Lang, which: &str, raw: &str, kept: &str) -> String {
    let raw = quoted(raw);
    let name = schedule_parameter_symbol(which);
    let rule = match (lang, which) {
        (Lang::Lt, "every") => "sveikasis skaičius nuo 1",
        (Lang::En, "every") => "a whole number from 1 up",
        (Lang::Lt, "factor") => "didesnis už 0 ir ne didesnis už 1",
        (Lang::En, "factor") => "above 0 and at most 1",
        (Lang::Lt, _) => "ne mažesnis už 0",
        (Lang::En, _) => "at least 0",
    };
    match lang {
        Lang::Lt => format!("{name} turi būti {rule}: „{raw}“ netinka, {name} lieka {kept}."),
        Lang::En => format!("{name} must be {rule}: “{raw}” is not, so {name} stays {kept}."),
    }
}

/// Any other setting that cannot be used (a schedule's number, an unknown optimizer).
pub fn setting_unusable(lang: Lang, name: &str, raw: &str, kept: &str) -> String {
    let raw = quoted(raw);
    match lang {
        Lang::Lt => format!("„{raw}“ čia netinka: {name} lieka {kept}."),
        Lang::En => format!("“{raw}” cannot be used here: {name} stays {kept}."),
    }
}

/// Beside the γ of an optimizer that diverged: what to do about it.
pub fn lane_diverged(lang: Lang, optimizer: &str, gamma: &str) -> String {
    match lang {
        Lang::Lt => format!(
            "{optimizer} diverguoja su γ = {gamma}. Pasirinkite mažesnį γ: lenktynės tęsis \
             nuo ten, kur sustojo."
        ),
        Lang::En => format!(
            "{optimizer} diverged at γ = {gamma}. Choose a smaller γ: its run goes on from \
             where it stopped."
        ),
    }
}

/// Beside an optimizer's γ: its stability limit where the loss's Hessian is constant,
/// "stable for γ < 0.00791" (`limit` already in the language's number format).
pub fn lane_limit(lang: Lang, limit: &str) -> String {
    match lang {
        Lang::Lt => format!("stabilu, kai γ < {limit}"),
        Lang::En => format!("stable for γ < {limit}"),
    }
}

/// Under an optimizer's γ that is at or above its limit, before any step is taken: a
/// warning, not a refusal (the run may be stepped to watch it diverge).
pub fn lane_over_limit(lang: Lang, optimizer: &str, gamma: &str, limit: &str) -> String {
    match lang {
        Lang::Lt => format!(
            "{optimizer}: γ = {gamma} ne mažesnis už ribą {limit}; kiekvienas žingsnis \
             peršoks minimumą vis toliau ir jis diverguos."
        ),
        Lang::En => format!(
            "{optimizer}: γ = {gamma} is not below its limit {limit}; each step will \
             overshoot further and it will diverge."
        ),
    }
}

/// The batch full batch in words, where the batch size is said: "full (n = 3)".
pub fn full_batch(lang: Lang, rows: usize) -> String {
    match lang {
        Lang::Lt => format!("visas (n = {rows})"),
        Lang::En => format!("full (n = {rows})"),
    }
}

/// Where the next step falls: "epoch 2, batch 1 of 3".
pub fn race_position(lang: Lang, epoch: usize, batch: usize, batches: usize) -> String {
    match lang {
        Lang::Lt => format!("epocha {epoch}, paketas {batch} iš {batches}"),
        Lang::En => format!("epoch {epoch}, batch {batch} of {batches}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_optimizer_of_the_race_has_a_name_in_both_languages() {
        for lang in Lang::ALL {
            for id in ["gd", "momentum", "nesterov", "rmsprop", "adam"] {
                assert_ne!(optimizer_name(lang, id), id, "{id} in {lang:?}");
            }
        }
        assert_eq!(optimizer_name(Lang::Lt, "momentum"), "Inercija (momentum)");
    }

    #[test]
    fn a_decay_rate_of_one_is_refused_in_words_that_quote_it() {
        assert_eq!(
            setting_decay_out_of_range(Lang::En, "β", "1", "0.9"),
            "β must be at least 0 and below 1 (at 1 or more the running mean never forgets \
             and grows without bound): “1” is not, so β stays 0.9."
        );
        assert!(setting_decay_out_of_range(Lang::Lt, "β₁", "1,5", "0,9").contains("„1,5“"));
    }
}
