//! Text that carries values: counts, row numbers, formatted numbers.
//!
//! Each function matches on [`Lang`], so a language without its sentence does not
//! compile. Numbers arrive already formatted by [`super::format_number`]; counts and row
//! numbers are plain integers (row numbers as shown, from 1).

use super::{en_plural, lt_plural, Lang};

/// How many row numbers a message lists before it shortens the list with "…".
const LISTED_ROWS: usize = 5;

/// How many characters of a bad cell a message quotes before it shortens it with "…".
const QUOTED_CHARS: usize = 24;

/// "3 rows" / "3 eilutės", with the noun in the right plural form.
pub fn row_count(lang: Lang, rows: usize) -> String {
    match lang {
        Lang::Lt => format!("{rows} {}", lt_plural(rows, "eilutė", "eilutės", "eilučių")),
        Lang::En => format!("{rows} {}", en_plural(rows, "row", "rows")),
    }
}

/// "5 steps" / "5 žingsniai", with the noun in the right plural form.
pub fn step_count(lang: Lang, steps: usize) -> String {
    match lang {
        Lang::Lt => format!(
            "{steps} {}",
            lt_plural(steps, "žingsnis", "žingsniai", "žingsnių")
        ),
        Lang::En => format!("{steps} {}", en_plural(steps, "step", "steps")),
    }
}

/// The end of a shortened worked sum: "… and 12 more rows" / "… ir dar 12 eilučių".
pub fn more_rows(lang: Lang, rows: usize) -> String {
    match lang {
        Lang::Lt => format!("… ir dar {}", row_count(lang, rows)),
        Lang::En => format!("… and {rows} more {}", en_plural(rows, "row", "rows")),
    }
}

/// The accessible label of one row's delete button: "Delete row 3" / "Ištrinti eilutę
/// Nr. 3". `row` is the row number as shown, from 1.
pub fn delete_row_label(lang: Lang, row: usize) -> String {
    match lang {
        Lang::Lt => format!("Ištrinti eilutę Nr. {row}"),
        Lang::En => format!("Delete row {row}"),
    }
}

/// Rows left out of the fit because a cell is not a number: "2 rows ignored (rows 3,
/// 5): each row needs two numbers." / "Praleistos 2 eilutės (Nr. 3, 5): …".
///
/// `rows` are row numbers as shown, from 1, in order; after five of them the list ends
/// with "…". An empty list gives an empty string (nothing to say).
pub fn rows_ignored(lang: Lang, rows: &[usize]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let count = rows.len();
    let mut list: Vec<String> = rows
        .iter()
        .take(LISTED_ROWS)
        .map(ToString::to_string)
        .collect();
    if count > LISTED_ROWS {
        list.push("…".to_owned());
    }
    let list = list.join(", ");
    match lang {
        Lang::Lt => format!(
            "{} {} (Nr. {list}): kiekvienoje eilutėje turi būti du skaičiai.",
            // The participle agrees with the noun: praleista 1 eilutė, praleistos
            // 2 eilutės, praleista 10 eilučių.
            lt_plural(count, "Praleista", "Praleistos", "Praleista"),
            row_count(lang, count),
        ),
        Lang::En => format!(
            "{} ignored ({} {list}): each row needs two numbers.",
            row_count(lang, count),
            en_plural(count, "row", "rows"),
        ),
    }
}

/// A cell whose text is not a number: "Row 3, column y: “4,4,1” is not a number." /
/// "Eilutė Nr. 3, stulpelis y: „4,4,1“ nėra skaičius."
///
/// `row` is the row number as shown, from 1; `column` is the column's name as shown
/// (x, y, or what the student renamed it to); `raw` is the text as typed, quoted up to
/// 24 characters. Blank text gives [`cell_empty`]'s message instead.
pub fn cell_not_a_number(lang: Lang, row: usize, column: &str, raw: &str) -> String {
    if raw.trim().is_empty() {
        return cell_empty(lang, row, column);
    }
    let raw = quoted_cell(raw);
    match lang {
        Lang::Lt => format!("Eilutė Nr. {row}, stulpelis {column}: „{raw}“ nėra skaičius."),
        Lang::En => format!("Row {row}, column {column}: “{raw}” is not a number."),
    }
}

/// A parameter field whose text is not a number: "“abc” is not a number: a stays 8."
/// `value` is the value kept, already formatted.
pub fn parameter_not_a_number(lang: Lang, name: &str, raw: &str, value: &str) -> String {
    let raw = quoted_cell(raw);
    match lang {
        Lang::Lt => format!("„{raw}“ nėra skaičius: {name} lieka {value}."),
        Lang::En => format!("“{raw}” is not a number: {name} stays {value}."),
    }
}

/// A cell that is empty while the other cell of its row is filled: "Row 3, column y is
/// empty." Arguments as for [`cell_not_a_number`].
pub fn cell_empty(lang: Lang, row: usize, column: &str) -> String {
    match lang {
        Lang::Lt => format!("Eilutė Nr. {row}, stulpelis {column}: langelis tuščias."),
        Lang::En => format!("Row {row}, column {column} is empty."),
    }
}

/// A cell that names a number too large to compute with (`1e400`, `inf`, `NaN`).
/// Arguments as for [`cell_not_a_number`].
pub fn cell_not_finite(lang: Lang, row: usize, column: &str, raw: &str) -> String {
    let raw = quoted_cell(raw);
    match lang {
        Lang::Lt => format!(
            "Eilutė Nr. {row}, stulpelis {column}: „{raw}“ – per didelis skaičius, kad su \
             juo būtų galima skaičiuoti."
        ),
        Lang::En => {
            format!("Row {row}, column {column}: “{raw}” is too large a number to compute with.")
        }
    }
}

/// A paste longer than the table can hold, which is refused whole (descent-core keeps
/// the old table): "The pasted text has more rows than a table holds (at most 100000
/// rows), so the table is unchanged."
pub fn too_many_rows(lang: Lang, limit: usize) -> String {
    match lang {
        Lang::Lt => format!(
            "Įklijuotame tekste daugiau eilučių, nei telpa lentelėje (daugiausia {}), todėl \
             lentelė nepakeista.",
            row_count(lang, limit)
        ),
        Lang::En => format!(
            "The pasted text has more rows than a table holds (at most {}), so the table is \
             unchanged.",
            row_count(lang, limit)
        ),
    }
}

/// The loss overflows (a cell such as 1e308 makes (y − ŷ)² larger than any f64): not a
/// problem of γ, so not the "press Reset" message of a diverged run.
pub fn loss_too_large(lang: Lang) -> String {
    match lang {
        Lang::Lt => "Nuostoliai L per dideli, kad juos būtų galima apskaičiuoti: lentelėje \
                     naudokite mažesnius skaičius arba mažesnį a."
            .to_owned(),
        Lang::En => "The loss L is too large to compute: use smaller numbers in the table, or \
                     a smaller a."
            .to_owned(),
    }
}

/// The learning rate's limit: "γ must be below 0.008048, or descent diverges."
/// `limit` is already formatted.
pub fn learning_rate_limit(lang: Lang, limit: &str) -> String {
    match lang {
        Lang::Lt => {
            format!("γ turi būti mažesnis už {limit}, kitaip gradientinis nusileidimas diverguoja.")
        }
        Lang::En => format!("γ must be below {limit}, or gradient descent diverges."),
    }
}

/// Descent diverged because γ is too large, in a student's words; with the limit
/// (already formatted) when it is known, as it is for the lecture's ŷ = a·x.
pub fn diverged(lang: Lang, limit: Option<&str>) -> String {
    match lang {
        Lang::Lt => {
            let advice = match limit {
                Some(limit) => format!("Pasirinkite γ, mažesnį už {limit}."),
                None => "Pasirinkite mažesnį γ.".to_owned(),
            };
            format!(
                "γ per didelis: kiekvienas žingsnis peršoka minimumą vis toliau, todėl \
                 nuostoliai didėja. {advice}"
            )
        }
        Lang::En => {
            let advice = match limit {
                Some(limit) => format!("Choose γ below {limit}."),
                None => "Choose a smaller γ.".to_owned(),
            };
            format!(
                "γ is too large: each step overshoots the minimum further than the last, \
                 so the loss grows. {advice}"
            )
        }
    }
}

/// Autoplay stopped at the step limit: "Stopped after 1000 steps: the minimum is not
/// reached yet." / "Sustabdyta po 1000 žingsnių: …".
pub fn step_limit_reached(lang: Lang, steps: usize) -> String {
    match lang {
        // "po" takes the genitive: po 1 žingsnio, po 2 žingsnių, po 21 žingsnio.
        Lang::Lt => format!(
            "Sustabdyta po {steps} {}: minimumas dar nepasiektas.",
            lt_plural(steps, "žingsnio", "žingsnių", "žingsnių")
        ),
        Lang::En => format!(
            "Stopped after {}: the minimum is not reached yet.",
            step_count(lang, steps)
        ),
    }
}

/// The text alternative of the data chart. `model` is the formula (ŷ = a·x); `a`,
/// `loss` and `derivative` (∂L/∂a) are already formatted. It states the derivative too,
/// so a screen reader hears the same three numbers on either chart.
pub fn data_chart_alt(lang: Lang, model: &str, a: &str, loss: &str, derivative: &str) -> String {
    match lang {
        Lang::Lt => format!(
            "Duomenų taškų ir modelio {model} grafikas, kai a = {a}; nuostoliai L = {loss}, \
             ∂L/∂a = {derivative}."
        ),
        Lang::En => format!(
            "Chart of the data points and the model {model} with a = {a}; the loss is \
             L = {loss} and ∂L/∂a = {derivative}."
        ),
    }
}

/// The text alternative of the loss chart. `a`, `loss` and `derivative` (∂L/∂a) are
/// already formatted.
pub fn loss_chart_alt(lang: Lang, a: &str, loss: &str, derivative: &str) -> String {
    match lang {
        Lang::Lt => format!(
            "Nuostolių funkcijos L(a) grafikas; dabartinis taškas a = {a}, kuriame \
             L = {loss}, o ∂L/∂a = {derivative}."
        ),
        Lang::En => format!(
            "Chart of the loss function L(a); the current point is a = {a}, where \
             L = {loss} and ∂L/∂a = {derivative}."
        ),
    }
}

/// A cell's text trimmed and shortened to [`QUOTED_CHARS`] characters for quoting.
fn quoted_cell(raw: &str) -> String {
    let raw = raw.trim();
    if raw.chars().count() <= QUOTED_CHARS {
        raw.to_owned()
    } else {
        let mut short: String = raw.chars().take(QUOTED_CHARS - 1).collect();
        short.push('…');
        short
    }
}

// Issue 14: numbers

/// A parameter typed beyond the bound every parameter keeps, so the value in use is the
/// bound: "a is limited to ±1e12: “1e15” is beyond it, so a = 1e12." / "a gali būti tik
/// tarp ±1e12: „1e15“ už šių ribų, todėl a = 1e12." `bound` and `used` are already
/// formatted; `raw` is the text as typed.
pub fn parameter_limited(lang: Lang, name: &str, raw: &str, bound: &str, used: &str) -> String {
    let raw = quoted_cell(raw);
    match lang {
        Lang::Lt => format!(
            "{name} gali būti tik tarp ±{bound}: „{raw}“ už šių ribų, todėl {name} = {used}."
        ),
        Lang::En => {
            format!("{name} is limited to ±{bound}: “{raw}” is beyond it, so {name} = {used}.")
        }
    }
}

/// A parameter field whose text names a number too large to compute with (`1e309`), in
/// the words a table cell of it gets ([`cell_not_finite`]): "“1e309” is too large a number
/// to compute with: a stays 8." `value` is the value kept, already formatted.
pub fn parameter_not_finite(lang: Lang, name: &str, raw: &str, value: &str) -> String {
    let raw = quoted_cell(raw);
    match lang {
        Lang::Lt => format!(
            "„{raw}“ – per didelis skaičius, kad su juo būtų galima skaičiuoti: {name} lieka {value}."
        ),
        Lang::En => format!("“{raw}” is too large a number to compute with: {name} stays {value}."),
    }
}

/// Copy link refused because the γ field does not hold a positive number, which a link
/// could not carry: it would open with another γ than the one on screen. `raw` is the
/// field's text as typed.
pub fn link_refused_learning_rate(lang: Lang, raw: &str) -> String {
    let raw = quoted_cell(raw);
    match lang {
        Lang::Lt => format!(
            "Nuoroda nenukopijuota: γ laukelyje „{raw}“, o ne teigiamas skaičius, todėl nuoroda \
             atvertų pamoką su kitu γ. Pirmiausia įrašykite γ, pavyzdžiui, 0,003."
        ),
        Lang::En => format!(
            "No link was copied: the γ field holds “{raw}”, not a positive number, so a link \
             would open the lesson with another γ. Type a γ such as 0.003 first."
        ),
    }
}

/// Descent converged where a lower minimum is known: a *local* minimum. `name` is the
/// parameter (a); `at` and `loss` (where the lower minimum lies, and L there) are already
/// formatted.
pub fn converged_local_minimum(lang: Lang, name: &str, at: &str, loss: &str) -> String {
    match lang {
        Lang::Lt => format!(
            "Pasiektas lokalusis minimumas: tolesni žingsniai {name} beveik nebekeičia. \
             Žemesnis minimumas yra ties {name} = {at} (L = {loss}): kad jį pasiektumėte, \
             pradėkite iš kitur."
        ),
        Lang::En => format!(
            "Converged at a local minimum: further steps barely change {name}. A lower \
             minimum lies at {name} = {at} (L = {loss}): start elsewhere to reach it."
        ),
    }
}

/// A column whose name is empty, called by its number (from 1): "column 2".
pub fn unnamed_column(lang: Lang, number: usize) -> String {
    match lang {
        Lang::Lt => format!("stulpelis {number}"),
        Lang::En => format!("column {number}"),
    }
}

/// The loss map's live readout: the first two parameters' names and values and L, the
/// values already formatted in `lang` ("a = 8,2; b = 0; L = 402,57"); the words before it
/// are [`Strings::surface_point`](super::Strings).
pub fn surface_readout(names: [&str; 2], values: [&str; 2], loss: &str) -> String {
    let [na, nb] = names;
    let [a, b] = values;
    format!("{na} = {a}; {nb} = {b}; L = {loss}")
}
