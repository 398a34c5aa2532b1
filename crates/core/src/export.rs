//! The step history as text a lecturer takes elsewhere: CSV for a spreadsheet, a Markdown
//! table and a LaTeX `tabular` to paste into slides.
//!
//! The two kinds of output write numbers differently, because they are read by different
//! readers:
//! - **CSV** is for a spreadsheet that computes with the numbers and a person who reads
//!   them, so every number keeps the 15 significant digits an `f64` holds reliably
//!   ([`reliable`]): `402.57`, `-113.83785`, `9.68341355`, not the binary noise
//!   `402.57000000000005` of the last two digits. Each reads back to the number the run
//!   holds within one unit of its fifteenth digit. Numbers so large or so small that
//!   they would take many digits switch to exponent form (`1.5e-7`).
//! - **Markdown and LaTeX** are for slides, so every number is written as the screen
//!   shows it: rounded to seven significant digits by [`crate::number`], the same
//!   rounding as the app's readouts (402.57, 9.683414). Markdown uses the typographic
//!   minus `−` like the screen; LaTeX puts every number in math mode, where a plain `-`
//!   already typesets as a minus sign.
//!
//! The headers are formulas, not words, so the text is the same in every interface
//! language.
//!
//! (Over 400 lines only through its tests: three formats, each checked as a reader sees it.)

pub use crate::number::exact;
use crate::number::{reliable, Notation, Rounded};
use crate::optimizer::Step;
use crate::session::Session;
use std::fmt::Write as _;

/// The typographic minus sign, U+2212, that Markdown numbers use as the screen does.
const MINUS: char = '\u{2212}';

/// A history of steps ready to be written out, with the names of the parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryTable<'a> {
    steps: &'a [Step],
    names: Vec<&'a str>,
    /// The parameters the slide formats (Markdown, LaTeX) show: the free ones.
    shown: Vec<usize>,
    /// A typed formula's model, written above the slide formats' table (a built-in
    /// model's history is written as before: its columns say which model it is).
    formula: Option<Formula>,
}

/// A typed formula as the slide formats write it.
#[derive(Clone, Debug, PartialEq)]
struct Formula {
    /// As a slide writes it: `a·x²`.
    pretty: String,
    /// Plain ASCII that reads back to the same formula: `a*x^2`.
    ascii: String,
}

impl<'a> HistoryTable<'a> {
    /// The steps, with each parameter's name and whether it is frozen.
    ///
    /// The slide formats leave frozen parameters out: their columns would only repeat
    /// the same value with a zero derivative (the lecture's b = 2). When every parameter
    /// is frozen they show all of them rather than an empty table. CSV always has every
    /// column, since a spreadsheet user may want them.
    pub fn new(steps: &'a [Step], names: &[&'a str], frozen: &[bool]) -> Self {
        let mut shown: Vec<usize> = (0..names.len())
            .filter(|i| !frozen.get(*i).copied().unwrap_or(false))
            .collect();
        if shown.is_empty() {
            shown = (0..names.len()).collect();
        }
        Self {
            steps,
            names: names.to_vec(),
            shown,
            formula: None,
        }
    }

    /// The history of a session, with its model's parameter names and frozen flags.
    pub fn from_session(session: &'a Session) -> Self {
        let names = session.lesson().model.param_names();
        let frozen: Vec<bool> = (0..names.len())
            .map(|i| session.problem().is_frozen(i))
            .collect();
        let mut table = Self::new(session.history(), &names, &frozen);
        table.formula = session.lesson().model.as_formula().map(|f| Formula {
            pretty: f.pretty(false),
            ascii: f.canonical(),
        });
        table
    }

    /// Whether there is no step to write.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Whether γ changed during the run, so the slide formats need a γ column.
    fn learning_rate_varies(&self) -> bool {
        self.steps
            .windows(2)
            .any(|w| w[0].learning_rate != w[1].learning_rate)
    }

    /// CSV with a header row: `k`, every parameter, `L`, every `dL/dθ`, every
    /// `θ_next`, `L_next` and `gamma`; one row per step, `k` counted from 1. The header
    /// is plain ASCII so every spreadsheet reads it; the numbers have 15 significant
    /// digits ([`reliable`]).
    pub fn to_csv(&self) -> String {
        let all: Vec<usize> = (0..self.names.len()).collect();
        let mut header = vec!["k".to_owned()];
        header.extend(all.iter().map(|&i| self.names[i].to_owned()));
        header.push("L".to_owned());
        header.extend(all.iter().map(|&i| format!("dL/d{}", self.names[i])));
        header.extend(all.iter().map(|&i| format!("{}_next", self.names[i])));
        header.push("L_next".to_owned());
        header.push("gamma".to_owned());
        let mut out = header.join(",");
        out.push('\n');
        for (k, step) in self.steps.iter().enumerate() {
            let mut row = vec![(k + 1).to_string()];
            row.extend(all.iter().map(|&i| reliable(value(&step.before, i))));
            row.push(reliable(step.loss_before));
            row.extend(all.iter().map(|&i| reliable(value(&step.gradient, i))));
            row.extend(all.iter().map(|&i| reliable(value(&step.after, i))));
            row.push(reliable(step.loss_after));
            row.push(reliable(step.learning_rate));
            out.push_str(&row.join(","));
            out.push('\n');
        }
        out
    }

    /// A Markdown (GitHub-flavoured) table: `k`, each shown parameter, `L`, each
    /// `∂L/∂θ`, each `θ − γ·∂L/∂θ` (the value after the step), and `γ` when it changed
    /// during the run. Numbers are right-aligned and written as the screen shows them
    /// (`402.57`, `−447.3`, `9.683414`), with the typographic minus.
    pub fn to_markdown(&self) -> String {
        let with_gamma = self.learning_rate_varies();
        let mut header = vec!["k".to_owned()];
        header.extend(self.shown.iter().map(|&i| self.names[i].to_owned()));
        header.push("L".to_owned());
        header.extend(self.shown.iter().map(|&i| format!("∂L/∂{}", self.names[i])));
        if with_gamma {
            header.push("γ".to_owned());
        }
        header.extend(self.shown.iter().map(|&i| {
            let p = self.names[i];
            format!("{p} − γ·∂L/∂{p}")
        }));
        let mut out = match &self.formula {
            Some(f) => format!("ŷ = {}\n\n", f.pretty),
            None => String::new(),
        };
        out.push_str(&markdown_row(&header));
        out.push_str(&markdown_row(&vec!["---:".to_owned(); header.len()]));
        for (k, row) in self.slide_rows(with_gamma, slide_number) {
            let mut cells = vec![k.to_string()];
            cells.extend(row);
            out.push_str(&markdown_row(&cells));
        }
        out
    }

    /// A LaTeX `tabular` with the same columns as [`HistoryTable::to_markdown`], every
    /// header and number in math mode (so a negative number gets a true minus sign), and
    /// `\hline` rules; it needs no package. Numbers are rounded as on screen; an exponent
    /// becomes `\times 10^{…}`.
    pub fn to_latex(&self) -> String {
        let with_gamma = self.learning_rate_varies();
        let mut header = vec!["$k$".to_owned()];
        header.extend(self.shown.iter().map(|&i| format!("${}$", self.names[i])));
        header.push("$L$".to_owned());
        header.extend(
            self.shown
                .iter()
                .map(|&i| format!("$\\partial L/\\partial {}$", self.names[i])),
        );
        if with_gamma {
            header.push("$\\gamma$".to_owned());
        }
        header.extend(self.shown.iter().map(|&i| {
            let p = self.names[i];
            format!("${p} - \\gamma\\,\\partial L/\\partial {p}$")
        }));
        let mut out = match &self.formula {
            Some(f) => format!("$\\hat{{y}} = {}$\n\n", latex_formula(&f.ascii)),
            None => String::new(),
        };
        let _ = write!(
            out,
            "\\begin{{tabular}}{{{}}}\n\\hline\n",
            "r".repeat(header.len())
        );
        out.push_str(&latex_row(&header));
        out.push_str("\\hline\n");
        for (k, row) in self.slide_rows(with_gamma, latex_number) {
            let mut cells = vec![format!("${k}$")];
            cells.extend(row.into_iter().map(|n| format!("${n}$")));
            out.push_str(&latex_row(&cells));
        }
        out.push_str("\\hline\n\\end{tabular}\n");
        out
    }

    /// Each step's number (from 1) and its cells after `k` for the slide formats,
    /// numbers written by `write`.
    fn slide_rows(
        &self,
        with_gamma: bool,
        write: fn(f64) -> String,
    ) -> impl Iterator<Item = (usize, Vec<String>)> + '_ {
        self.steps.iter().enumerate().map(move |(k, step)| {
            let mut cells: Vec<String> = self
                .shown
                .iter()
                .map(|&i| write(value(&step.before, i)))
                .collect();
            cells.push(write(step.loss_before));
            cells.extend(self.shown.iter().map(|&i| write(value(&step.gradient, i))));
            if with_gamma {
                cells.push(write(step.learning_rate));
            }
            cells.extend(self.shown.iter().map(|&i| write(value(&step.after, i))));
            (k + 1, cells)
        })
    }
}

/// A formula's ASCII form in LaTeX math: `*` as `\cdot`, function names upright.
fn latex_formula(ascii: &str) -> String {
    let mut out = String::with_capacity(ascii.len() * 2);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.chars().count() > 1 {
            let _ = write!(out, "\\mathrm{{{word}}}");
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in ascii.chars() {
        if c.is_ascii_alphabetic() {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out);
        match c {
            '*' => out.push_str(" \\cdot "),
            c => out.push(c),
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Entry `i` of a parameter vector; 0 when absent (a step always has every entry).
fn value(values: &[f64], i: usize) -> f64 {
    values.get(i).copied().unwrap_or(0.0)
}

/// A number for a Markdown slide, written as the screen writes it in English: rounded to
/// seven significant digits, the typographic minus `−`, scientific notation from 10⁶ and
/// below 10⁻⁴ (`1.5e−7`); NaN is `—` and the infinities `∞` and `−∞`. Markdown has no
/// maths of its own, so this is the text a student already knows from the readouts.
fn slide_number(v: f64) -> String {
    match Rounded::new(v) {
        Some(rounded) => rounded.write(Notation {
            decimal_separator: '.',
            minus: MINUS,
        }),
        None if v.is_nan() => "—".to_owned(),
        None if v > 0.0 => "∞".to_owned(),
        None => format!("{MINUS}∞"),
    }
}

/// A number for LaTeX math mode, rounded as on screen: `-447.3` (in math mode the ASCII
/// `-` is a minus sign), `1.5 \times 10^{-7}` for what the screen writes `1.5e−7`;
/// `\infty`, `-\infty`, and `\mbox{---}` (an em dash, no value) for NaN.
fn latex_number(v: f64) -> String {
    let Some(rounded) = Rounded::new(v) else {
        return if v.is_nan() {
            "\\mbox{---}"
        } else if v > 0.0 {
            "\\infty"
        } else {
            "-\\infty"
        }
        .to_owned();
    };
    let sign = if rounded.is_negative() { "-" } else { "" };
    let significand = rounded.significand('.');
    match rounded.scientific_exponent() {
        Some(exponent) => format!("{sign}{significand} \\times 10^{{{exponent}}}"),
        None => format!("{sign}{significand}"),
    }
}

fn markdown_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn latex_row(cells: &[String]) -> String {
    format!("{} \\\\\n", cells.join(" & "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{self, Preset};

    /// The lecture's lesson after `steps` steps from a = 8 with γ = 0.003.
    fn lecture_after(steps: usize) -> Session {
        let mut session = Session::new(presets::lecture());
        for _ in 0..steps {
            session.step();
        }
        session
    }

    #[test]
    fn csv_has_a_header_and_one_row_per_step_in_fifteen_digits() {
        let session = lecture_after(2);
        let csv = HistoryTable::from_session(&session).to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "k,a,L,dL/da,a_next,L_next,gamma");
        assert_eq!(lines.len(), 3);
        // The lecture's figures as a person writes them, without the binary noise of
        // 402.57000000000005, −113.83784999999978 and 9.683413550000001. (L(9.3419) =
        // 26.0745595425 is computed 2 units of its 15th digit low: 15 digits keep that.)
        assert_eq!(lines[1], "1,8,402.57,-447.3,9.3419,26.0745595424999,0.003");
        let second: Vec<&str> = lines[2].split(',').collect();
        assert_eq!(second[3], "-113.83785");
        assert_eq!(second[4], "9.68341355");
        // Every number reads back within a unit of its fifteenth digit of what the run
        // holds.
        for (line, step) in lines[1..].iter().zip(session.history()) {
            let cells: Vec<f64> = line.split(',').filter_map(|c| c.parse().ok()).collect();
            let held = [
                step.before[0],
                step.loss_before,
                step.gradient[0],
                step.after[0],
                step.loss_after,
                step.learning_rate,
            ];
            for (written, held) in cells[1..].iter().zip(held) {
                assert!(
                    (written - held).abs() <= 1e-14 * held.abs(),
                    "{written} {held}"
                );
            }
        }
    }

    #[test]
    fn an_empty_history_gives_headers_only() {
        let session = lecture_after(0);
        let table = HistoryTable::from_session(&session);
        assert!(table.is_empty());
        assert_eq!(table.to_csv().lines().count(), 1);
        assert_eq!(table.to_markdown().lines().count(), 2);
        assert!(table.to_latex().ends_with("\\hline\n\\end{tabular}\n"));
    }

    #[test]
    fn markdown_is_a_right_aligned_table_with_the_update_as_a_formula() {
        let session = lecture_after(1);
        let md = HistoryTable::from_session(&session).to_markdown();
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "| k | a | L | ∂L/∂a | a − γ·∂L/∂a |");
        assert_eq!(lines[1], "| ---: | ---: | ---: | ---: | ---: |");
        assert_eq!(lines[2], "| 1 | 8 | 402.57 | −447.3 | 9.3419 |");
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn latex_is_a_tabular_with_math_mode_numbers() {
        let session = lecture_after(1);
        let tex = HistoryTable::from_session(&session).to_latex();
        let lines: Vec<&str> = tex.lines().collect();
        assert_eq!(lines[0], "\\begin{tabular}{rrrrr}");
        assert_eq!(lines[1], "\\hline");
        assert_eq!(
            lines[2],
            "$k$ & $a$ & $L$ & $\\partial L/\\partial a$ & \
             $a - \\gamma\\,\\partial L/\\partial a$ \\\\"
        );
        assert_eq!(lines[3], "\\hline");
        // In math mode an ASCII hyphen is typeset as a minus sign.
        assert_eq!(lines[4], "$1$ & $8$ & $402.57$ & $-447.3$ & $9.3419$ \\\\");
        assert_eq!(lines[5], "\\hline");
        assert_eq!(lines[6], "\\end{tabular}");
    }

    /// Whether `text` has `run` or more of `digit` in a row: the mark of a number written
    /// with its binary noise (402.57000000000005, 9.683413550000001, 113.83784999999978).
    fn has_run_of(text: &str, digit: char, run: usize) -> bool {
        text.split(|c| c != digit).any(|part| part.len() >= run)
    }

    #[test]
    fn slides_show_the_lecture_figures_as_the_screen_does() {
        let session = lecture_after(2);
        let table = HistoryTable::from_session(&session);
        let md = table.to_markdown();
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[2], "| 1 | 8 | 402.57 | −447.3 | 9.3419 |");
        assert_eq!(lines[3], "| 2 | 9.3419 | 26.07456 | −113.8379 | 9.683414 |");
        let tex = table.to_latex();
        assert!(tex.contains("$1$ & $8$ & $402.57$ & $-447.3$ & $9.3419$ \\\\"));
        assert!(
            tex.contains("$9.3419$") && tex.contains("$9.683414$"),
            "{tex}"
        );
        for text in [&md, &tex] {
            assert!(!has_run_of(text, '0', 6), "{text}");
            assert!(!has_run_of(text, '9', 6), "{text}");
        }
        // Below the alignment row, Markdown writes the typographic minus, never a hyphen.
        assert!(lines[2..].iter().all(|line| !line.contains('-')), "{md}");
    }

    #[test]
    fn csv_keeps_the_digits_the_slides_round() {
        let session = lecture_after(2);
        let csv = HistoryTable::from_session(&session).to_csv();
        assert!(csv.contains(",9.68341355,"), "{csv}");
        assert!(
            !has_run_of(&csv, '0', 6) && !has_run_of(&csv, '9', 6),
            "{csv}"
        );
    }

    #[test]
    fn frozen_parameters_are_left_out_of_slides_but_kept_in_csv() {
        let mut session = Session::new(Preset::LocalMinima.lesson());
        session.step();
        let table = HistoryTable::from_session(&session);
        assert!(table
            .to_csv()
            .starts_with("k,a,b,L,dL/da,dL/db,a_next,b_next,L_next,gamma\n"));
        assert!(table
            .to_markdown()
            .starts_with("| k | a | L | ∂L/∂a | a − γ·∂L/∂a |\n"));
        assert!(!table.to_latex().contains("partial b"));
    }

    #[test]
    fn a_learning_rate_changed_mid_run_gets_its_own_column() {
        let mut session = lecture_after(1);
        session.set_learning_rate_text("0,001");
        session.step();
        let table = HistoryTable::from_session(&session);
        let md = table.to_markdown();
        assert!(md.starts_with("| k | a | L | ∂L/∂a | γ | a − γ·∂L/∂a |\n"));
        assert!(md.contains(" 0.003 |") && md.contains(" 0.001 |"));
        assert!(table.to_latex().contains("$\\gamma$"));
    }

    #[test]
    fn every_parameter_is_shown_when_all_are_frozen() {
        let table = HistoryTable::new(&[], &["a", "b"], &[true, true]);
        assert!(table.to_markdown().starts_with("| k | a | b | L |"));
    }

    #[test]
    fn exact_numbers_read_back_and_stay_short() {
        for v in [
            9.3419,
            -447.3,
            0.1 + 0.2,
            1.5e-7,
            -2.5e20,
            1e-300,
            f64::MAX,
            123_456.789,
        ] {
            let text = exact(v);
            assert_eq!(text.parse::<f64>().ok(), Some(v), "{text}");
            assert!(text.len() < 30, "{text}");
        }
        assert_eq!(exact(-0.0), "0");
        assert_eq!(exact(0.003), "0.003");
        assert_eq!(exact(1.5e-7), "1.5e-7");
    }

    #[test]
    fn slide_numbers_are_rounded_like_the_screen() {
        assert_eq!(slide_number(402.570_000_000_000_05), "402.57");
        assert_eq!(slide_number(-447.3), "−447.3");
        assert_eq!(slide_number(9.683_413_550_000_001), "9.683414");
        assert_eq!(slide_number(-1.5e-7), "−1.5e−7");
        assert_eq!(slide_number(-0.0), "0");
        assert_eq!(slide_number(f64::INFINITY), "∞");
        assert_eq!(slide_number(f64::NAN), "—");
        assert_eq!(latex_number(-113.837_849_999_999_78), "-113.8379");
        assert_eq!(latex_number(1.5e-7), "1.5 \\times 10^{-7}");
        assert_eq!(latex_number(-2.5e20), "-2.5 \\times 10^{20}");
        assert_eq!(latex_number(-447.3), "-447.3");
        assert_eq!(latex_number(f64::NEG_INFINITY), "-\\infty");
    }
}
