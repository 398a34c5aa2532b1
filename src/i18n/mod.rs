//! The app's two languages: Lithuanian, the lecture's, and English.
//!
//! Plain Rust with no Leptos inside, so every string and every number format is tested
//! natively. Three parts:
//! - [`Lang`], the language, chosen from a stored code or the browser's preferences;
//! - [`Strings`], one typed table of fixed text with one `static` instance per language
//!   ([`strings`]); it is a struct, not a map, so a missing translation does not compile;
//! - functions for text that carries values ([`rows_ignored`], [`diverged`], …) and for
//!   numbers ([`format_number`], [`format_exact`]).
//!
//! ## Conventions
//! - The Lithuanian terms follow the lecture's glossary: *nuostolių funkcija*,
//!   *gradientinis nusileidimas*, *mokymosi greitis*, *išvestinė*, *spėjimas*,
//!   *minimumas*; where the slides have a phrase ("kartoti, kol pasieksime minimumą",
//!   "γ parenkame patys") it is used as written.
//! - Formulas (ŷ = a·x, ∂L/∂a) are language-neutral and written with the typographic
//!   minus `−`, the middle dot `·` and the hat `ŷ`.
//! - Functions take numbers already formatted with [`format_number`], so one rule formats
//!   every number on screen.
//! - Row numbers in messages are the ones a student sees, counted from 1.
//! - Quotation marks are „…“ in Lithuanian and “…” in English.
//!
//! (Over 400 lines with a reason: `Strings` is one typed table, a field per fixed text, so
//! a missing translation does not compile; the texts themselves are in `en` and `lt`.)

mod en;
mod formula;
mod lt;
mod messages;
mod number;
mod plural;
pub mod race;
mod tour;

pub use messages::{
    cell_empty, cell_not_a_number, cell_not_finite, data_chart_alt, delete_row_label, diverged,
    learning_rate_limit, loss_chart_alt, loss_too_large, more_rows, parameter_not_a_number,
    row_count, rows_ignored, step_count, step_limit_reached, too_many_rows, unnamed_column,
};
// Issue 14: numbers
pub use formula::{
    formula_link_problem, formula_problem, formula_undefined, formula_words, FormulaProblem,
    FormulaWords, UndefinedWhy,
};
pub use messages::{
    converged_local_minimum, link_refused_learning_rate, parameter_limited, parameter_not_finite,
};
// Issue 10: the loss map
pub use messages::surface_readout;
pub use number::{format_exact, format_number};
pub use plural::{en_plural, lt_plural};
pub use tour::{tour_caption, tour_link_nearest, tour_link_not_a_number, tour_words, TourWords};

/// A language of the interface.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Lang {
    /// Lithuanian, the language of the lecture.
    Lt,
    /// English, the default when the browser asks for neither.
    #[default]
    En,
}

impl Lang {
    /// Every language, in the order the language switch lists them.
    pub const ALL: [Lang; 2] = [Lang::Lt, Lang::En];

    /// The language's BCP 47 code, as `<html lang>`, links and storage write it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Lt => "lt",
            Lang::En => "en",
        }
    }

    /// The language with this code (`"lt"` or `"en"`, any letter case, surrounding
    /// whitespace ignored); `None` for any other text, so a stale or hand-edited value
    /// falls back to the caller's default.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim();
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code))
    }

    /// The language to start in, from the browser's preferred languages
    /// (`navigator.languages`, most preferred first).
    ///
    /// The first entry whose primary subtag is `lt` or `en` wins (`lt-LT` → Lithuanian,
    /// `en-GB` → English); entries in other languages are passed over, so a student whose
    /// browser prefers German and then Lithuanian gets Lithuanian. With no match, English.
    pub fn from_browser_languages(languages: &[String]) -> Lang {
        languages
            .iter()
            .find_map(|tag| {
                let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
                Lang::from_code(primary)
            })
            .unwrap_or_default()
    }

    /// The language's name in itself, for the language switch: a student who cannot read
    /// the current language still finds their own.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Lt => "Lietuvių",
            Lang::En => "English",
        }
    }

    /// The character between the whole and the fractional part of a number: a comma in
    /// Lithuanian, a point in English.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::Lt => ',',
            Lang::En => '.',
        }
    }

    /// The fixed text of the interface in this language; the same as [`strings`].
    pub fn strings(self) -> &'static Strings {
        strings(self)
    }
}

/// The fixed text of the interface in `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Lt => &lt::LT,
        Lang::En => &en::EN,
    }
}

/// Declares [`Strings`] and its [`Strings::all`] from one list of fields, so that every
/// field is listed (and so tested) by `all` without anyone having to remember it.
macro_rules! strings_table {
    ($( $(#[doc = $doc:literal])+ $field:ident, )+) => {
        /// The fixed text of the interface in one language; see [`strings`].
        ///
        /// Every field is a plain `&'static str`. Text that carries a value is a function
        /// in this module instead (for example [`rows_ignored`]).
        #[derive(Debug)]
        pub struct Strings {
            $( $(#[doc = $doc])+ pub $field: &'static str, )+
        }

        impl Strings {
            /// Every field as `(field name, text)`, in declaration order, so tests can walk
            /// the whole table.
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                vec![ $( (stringify!($field), self.$field), )+ ]
            }
        }
    };
}

strings_table! {
    // The app as a whole.
    /// The app's title: "Descent Lab".
    app_title,
    /// One sentence under the title: a model, the L2 loss, gradient descent.
    app_subtitle,
    /// Where the lesson comes from: the course and its lecture.
    lecture_source,

    // Panel headings.
    /// Heading of the data table panel.
    panel_data,
    /// Heading of the model panel.
    panel_model,
    /// Heading of the loss function panel.
    panel_loss,
    /// Heading of the parameter panel ("Parameter a").
    panel_parameter,
    /// Heading of the gradient descent panel.
    panel_descent,
    /// Heading of the step history panel.
    panel_history,
    /// Heading of the panel that writes the loss out term by term.
    panel_worked,

    // Short introductions under the headings, in the slides' words.
    /// What the data are: "(x, y) – duomenys".
    data_notation,
    /// What a model is: a simplification of a real process.
    model_definition,
    /// What ŷ is: the prediction.
    prediction_notation,
    /// The loss panel's question and answer: distances between model and data.
    loss_intro,
    /// What L = 0 means.
    loss_zero_meaning,
    /// The parameter panel's question: how to find the right a.
    parameter_intro,
    /// The descent panel's introduction: the derivative shows how the loss changes.
    descent_intro,
    /// The update rule in words: repeat a := a − γ·∂L/∂a until the minimum is reached.
    update_rule,
    /// The worked-arithmetic panel's introduction.
    worked_intro,
    /// Label before the worked update a − γ·∂L/∂a.
    worked_next_step,
    /// The word after the count of terms of a long sum: "… (12 terms)".
    worked_terms,

    // Charts.
    /// Title of the chart of data points and the model's predictions.
    chart_data_title,
    /// Title of the chart of the loss against a.
    chart_loss_title,
    /// Title of the chart of the loss over two parameters, L(a, b).
    chart_surface_title,
    /// Label of the minimum on the loss surface.
    surface_minimum,
    /// The surface legend's entry for cells whose loss overflows.
    surface_too_large,
    /// The surface legend's entry for the hatched cells where a typed formula is not
    /// defined (ln of a negative number, division by zero at some row).
    surface_undefined,
    /// The button that fits the loss map's view to the start, the paths and the minimum.
    surface_fit,
    /// What "fit" does, as its tooltip.
    surface_fit_hint,
    /// Under the loss map: how to move the point and zoom, with the keys.
    surface_hint,
    /// Before the loss map's readout of a, b and L (read aloud, not shown).
    surface_point,
    /// Legend entry for the data points.
    legend_data,
    /// Legend entry for the model's curve.
    legend_model,
    /// Legend entry for the squared errors drawn as squares.
    legend_squared_errors,
    /// Legend entry for the current point on the loss curve.
    legend_current,
    /// Legend entry for the tangent at the current point (slope ∂L/∂a).
    legend_tangent,
    /// Legend entry for the points gradient descent visited.
    legend_path,
    /// Label of a local minimum on the loss chart.
    local_minimum,
    /// Label of the global minimum on the loss chart.
    global_minimum,
    /// Label of a local maximum on the loss chart.
    local_maximum,
    /// Shown in place of the data chart when there is nothing to draw.
    chart_data_empty,
    /// Shown in place of the loss chart when there is nothing to draw.
    chart_loss_empty,
    /// Toggle on the data chart: while on, a click or tap on empty chart space adds a
    /// point there.
    add_point_toggle,
    /// How to edit points on the data chart: drag to move, Shift+click to add.
    chart_edit_hint,
    /// Button that takes back the last change to the table (typed, pasted or dragged).
    undo_edit,

    // The data table.
    /// The table's caption, for screen readers.
    table_caption,
    /// Button that appends a row.
    table_add_row,
    /// Button that deletes a row (see also [`delete_row_label`]).
    table_delete_row,
    /// How to paste data in.
    table_paste_hint,
    /// Said after a paste, before the row count: "Pasted 3 rows."
    table_pasted,
    /// Said after a paste with more than two columns.
    table_extra_columns,
    /// How to rename a column, and that the maths does not change.
    table_rename_hint,
    /// Accessible label of a column-name input.
    table_column_name,
    /// Label of the preset picker.
    preset_label,
    /// Preset: the lecture's table (x, y).
    preset_lecture,
    /// Preset: the same numbers as force and mass, F = m·g.
    preset_force,
    /// Preset: the lecture's second example, whose loss has two local minima.
    preset_two_minima,
    /// Preset: an empty table.
    preset_empty,
    /// Preset: the lecture's table with ŷ = a·x + b, plain descent and momentum racing.
    preset_lecture_ab,
    /// Preset: a narrow valley where plain descent zigzags.
    preset_ravine,
    /// Preset: 200 noisy points, for mini-batches.
    preset_noisy_line,
    /// Preset: the non-convex model with b free.
    preset_non_convex_ab,

    // Models: the formulas are language-neutral, their descriptions are not.
    /// Label of the model picker.
    model_picker_label,
    /// Description of ŷ = a·x.
    model_linear_description,
    /// Description of ŷ = a·x + b.
    model_affine_description,
    /// Description of ŷ = a·x + b − 2a².
    model_two_minima_description,

    // Losses.
    /// Label of the loss picker.
    loss_picker_label,
    /// Name of the lecture's loss, the sum of squares.
    loss_l2_name,
    /// Description of the L2 loss.
    loss_l2_description,
    /// Name of the mean squared error.
    loss_mse_name,
    /// Description of the mean squared error.
    loss_mse_description,
    /// Name of the sum of absolute values.
    loss_l1_name,
    /// Description of the L1 loss.
    loss_l1_description,
    /// Toggle that draws each squared error as a square on the data chart.
    show_squared_errors,

    // Parameters.
    /// Accessible label of a parameter's value input.
    parameter_value,
    /// Label of a parameter's starting value.
    parameter_start,
    /// Toggle that fixes a parameter so descent leaves it alone.
    parameter_freeze,
    /// Badge on a fixed parameter: "fixed" / "užfiksuotas".
    parameter_frozen,
    /// What fixing a parameter does.
    parameter_frozen_hint,

    // Gradient descent controls.
    /// Label of the learning rate input: "Learning rate γ".
    learning_rate_label,
    /// The slides' remark that we choose γ ourselves.
    learning_rate_hint,
    /// Said beside the limit while γ exceeds it: descent will diverge.
    learning_rate_over_limit,
    /// Button: take one step.
    button_step,
    /// Button: undo the last step.
    button_undo,
    /// Button: back to the starting value.
    button_reset,
    /// Button: take steps automatically.
    button_play,
    /// Button: stop taking steps automatically.
    button_pause,
    /// Label of the speed control, in steps per second.
    speed_label,

    // Readouts.
    /// Label of the current loss.
    readout_loss,
    /// Label of the current derivative ∂L/∂a.
    readout_derivative,
    /// Label of the minimising a*.
    readout_minimum,
    /// Label of a prediction ŷ.
    readout_prediction,
    /// Label of the number of steps taken.
    readout_steps,

    // The sign rule of the slides.
    /// ∂L/∂a < 0, so a grows.
    sign_rule_negative,
    /// ∂L/∂a > 0, so a shrinks.
    sign_rule_positive,
    /// ∂L/∂a = 0: a minimum, a stays.
    sign_rule_zero,

    // Status messages (those with values are functions: [`diverged`],
    // [`step_limit_reached`], [`rows_ignored`], [`too_many_rows`], [`cell_not_a_number`]).
    /// Before the first step: what to press.
    status_ready,
    /// Descent converged: the minimum is reached.
    status_converged,
    /// A step would have left the finite numbers.
    status_non_finite,
    /// No row of the table has two numbers.
    status_no_valid_rows,
    /// The table has no rows at all.
    status_empty_table,
    /// Every x is 0, so a·x is 0 whatever a is: no unique minimum.
    status_all_x_zero,
    /// The learning rate typed is not a positive number.
    status_invalid_learning_rate,
    /// The share link could not be read; the default lesson opened instead.
    status_bad_share_link,
    /// Button in that notice, when there is saved work: open it instead of the default
    /// lesson.
    open_saved_work,
    /// A link opened in a running tab could not be read; the lesson stayed as it was.
    status_bad_share_link_kept,
    /// The saved lesson could not be read; the default lesson opened instead.
    status_saved_work_unreadable,
    /// The browser does not allow saving.
    status_storage_unavailable,
    /// The browser's storage is full.
    status_storage_full,

    // History of steps.
    /// Column header: step number k.
    history_step,
    /// Column header: a before the step.
    history_a,
    /// Column header: L before the step.
    history_loss,
    /// Column header: ∂L/∂a before the step.
    history_derivative,
    /// Column header: a after the step.
    history_next_a,
    /// Shown in place of the history before any step.
    history_empty,

    // Page controls.
    /// Label of the language switch.
    language_label,
    /// Toggle for large text and thick lines on a projector.
    projector_mode,
    /// Button: enter fullscreen.
    fullscreen,
    /// Button: leave fullscreen.
    exit_fullscreen,
    /// Button: copy a link that opens this lesson.
    copy_link,
    /// Confirmation that the link was copied.
    link_copied,
    /// Button: start a new lesson.
    new_lesson,
    /// Question asked before a new lesson clears the current one.
    new_lesson_confirm,
    /// Label of the export menu.
    export_label,
    /// Export: the "data and model" chart as a PNG file.
    export_data_png,
    /// Export: the loss chart as a PNG file.
    export_loss_png,
    /// Export: the map of L over two parameters as a PNG file (shown with the map).
    export_map_png,
    /// Export: the loss-against-step chart as a PNG file (shown with the chart).
    export_steps_png,
    /// Export: the data table as a CSV file.
    export_table_csv,
    /// Export: the step history as a CSV file.
    export_history_csv,
    /// Export: the step history as a Markdown table, copied to the clipboard.
    copy_history_markdown,
    /// Export: the step history as a LaTeX tabular, copied to the clipboard.
    copy_history_latex,
    /// A download could not be made (the chart has no size yet, the browser refused).
    export_failed,
    /// Heading of the box that shows text to copy by hand when the clipboard refuses.
    copy_by_hand_title,
    /// Confirmation that text was copied to the clipboard.
    copied_to_clipboard,
    /// The clipboard refused; what to do instead.
    copy_failed,
    /// Button: confirm a question.
    confirm,
    /// Button: dismiss a question without acting.
    cancel,
    /// Button: close an overlay.
    close,

    // Keyboard help (see [`Strings::shortcuts`]).
    /// Title of the keyboard help overlay, and of the button that opens it.
    keyboard_help_title,
    /// The name of the space bar.
    key_space,
    /// What PageDown, → and Space do.
    shortcut_step,
    /// What PageUp and ← do.
    shortcut_undo,
    /// What Home does.
    shortcut_reset,
    /// What P does.
    shortcut_play_pause,
    /// What ? does.
    shortcut_help,
    /// What M does.
    shortcut_projector,
    /// What F does.
    shortcut_fullscreen,
    /// What Esc does.
    shortcut_close,
    /// Under the list of keys: they do nothing while a field has the focus.
    shortcuts_note,

    // Classroom: the phone's toolbar menu, saved work (issues 9 and 14).
    /// The button that shows the toolbar on a phone, where it is folded away.
    toolbar_menu,
    /// A link opened its lesson in place of the saved work, which is kept aside.
    status_saved_work_kept_aside,
    /// The walkthrough opened its lesson in place of the work on screen, which is kept aside.
    status_walkthrough_kept_aside,
    /// The button that declines the offer to open saved work a link set aside.
    dismiss_saved_work,
    /// Title of the question before an example replaces edited work.
    preset_confirm_title,
    /// The question before an example replaces edited work.
    preset_confirm,
    /// The line shown while the page reloads into the full build (the map, the race,
    /// formulas): `classroom::full_app`.
    loading_full,
}

/// One line of the keyboard help: the keys, each shown as its own key cap, and what they
/// do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shortcut {
    /// The key names, in the order to show them.
    pub keys: Vec<&'static str>,
    /// What the keys do.
    pub description: &'static str,
}

impl Strings {
    /// The keyboard help, one [`Shortcut`] per action: PageDown/→/Space step, PageUp/←
    /// undo, Home resets, P plays or pauses, ? shows this help, M switches projector
    /// mode, F fullscreen, Esc closes a dialog. `classroom::keys` acts on the same keys.
    pub fn shortcuts(&self) -> Vec<Shortcut> {
        let line = |keys: Vec<&'static str>, description| Shortcut { keys, description };
        vec![
            line(vec!["PageDown", "→", self.key_space], self.shortcut_step),
            line(vec!["PageUp", "←"], self.shortcut_undo),
            line(vec!["Home"], self.shortcut_reset),
            line(vec!["P"], self.shortcut_play_pause),
            line(vec!["?"], self.shortcut_help),
            line(vec!["M"], self.shortcut_projector),
            line(vec!["F"], self.shortcut_fullscreen),
            line(vec!["Esc"], self.shortcut_close),
        ]
    }
}
