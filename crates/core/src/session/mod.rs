//! A session: a lesson being taught. It owns the lesson, the problem read from its table,
//! and the gradient-descent run, and keeps them consistent through plain methods — the
//! app's components only call these.
//!
//! Rules the methods keep:
//! - the lesson's `params` are always the run's current parameters;
//! - editing the data, the model, the loss or a frozen parameter restarts the run where
//!   it stands (the old history described another loss);
//! - moving a parameter by hand restarts the run there (a new start);
//! - each parameter's range (its slider and the loss chart's axis) is fitted when the
//!   problem changes, its *home* range, and otherwise only ever shows the home range
//!   widened as far as the run's values need, never more: a typo that widened it is
//!   forgotten as soon as the value is back home (see [`Session::range`]);
//! - changing γ keeps the history: γ may change mid-run;
//! - text typed into the table or the γ field is kept exactly, even when it is not a
//!   number; a share link carries exactly what is shown, or is refused
//!   ([`Session::shareable`]);
//! - every change to the table (a cell, a column name, a row added or deleted, a paste,
//!   a point dragged or added on the chart) can be taken back with
//!   [`Session::undo_edit`]. A run of changes to one thing — the keystrokes in one cell,
//!   the moves of one drag — is taken back as one, until [`Session::end_edit`] closes it.
//!
//! (Over 400 lines with a reason: `Session` is the one object the app mutates, and each
//! of its methods is a user action with its undo; what the screen reads is in `views`.)

mod current;
mod formula;
mod map;
mod race;
mod ranges;
mod views;
mod window;

pub use formula::formula_of;
pub use map::{MapKey, MapProgress, WIDEN_STEP};
pub use race::{BatchArrows, MapSurface, SettingInputError};
pub use ranges::RANGES_LATER_POINTS;
pub use views::{LossLandscape, Tangent};
pub use window::LandscapeKey;

use crate::lesson::{Lesson, MAX_LABEL_CHARS};
use crate::model::Model;
use crate::number::exact;
use crate::optimizer::{self, Optimizer, Outcome, Run, Step, StopRule};
use crate::presets::Preset;
use crate::problem::Problem;
use crate::range::PARAM_BOUND;
use crate::table::{
    parse_number, parse_table, Conversion, NumberError, ParsedTable, Table, TableError, MAX_ROWS,
};
use crate::Loss;
use std::collections::VecDeque;

/// How many table edits [`Session::undo_edit`] can take back.
pub const EDIT_UNDO_LIMIT: usize = 100;

/// The most table rows the undo stack holds in all. A table may have 100 000 rows, and a
/// hundred copies of one would take far more memory than a phone lends a tab, so the
/// oldest snapshots are dropped first once the stack holds this many rows.
const EDIT_UNDO_ROW_BUDGET: usize = 200_000;

/// What the newest undo snapshot was taken for. Another change to the same target adds
/// no snapshot, so undo takes back a whole typed number or a whole drag, not one
/// keystroke or one pointer move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EditTarget {
    /// A cell (row, column).
    Cell(usize, usize),
    /// A column name (0: x, 1: y).
    Label(usize),
    /// A data point dragged on the chart, by its table row.
    Point(usize),
}

/// A parameter field's text as the session reads it ([`Session::read_param`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ParamInput {
    /// A number within ±[`PARAM_BOUND`], used as typed.
    Value(f64),
    /// A number beyond ±[`PARAM_BOUND`]: the parameter takes the bound with its sign.
    Limited {
        /// The number typed (`1e15`).
        typed: f64,
        /// The number used (`1e12`).
        used: f64,
    },
    /// Not a usable number: empty, not a number, or not finite (`1e309`).
    Invalid(NumberError),
}

impl ParamInput {
    /// The value the parameter takes, if any.
    pub fn value(self) -> Option<f64> {
        match self {
            ParamInput::Value(value) | ParamInput::Limited { used: value, .. } => Some(value),
            ParamInput::Invalid(_) => None,
        }
    }
}

/// Why the lesson on screen cannot be put in a share link ([`Session::shareable`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotShareable {
    /// The γ field holds this text, which is not a positive number; a link would carry
    /// another γ than the one on screen.
    LearningRate(String),
}

impl std::fmt::Display for NotShareable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotShareable::LearningRate(text) => write!(
                f,
                "the learning rate γ “{text}” is not a positive number, so a link cannot carry it"
            ),
        }
    }
}

impl std::error::Error for NotShareable {}

/// A lesson in progress; see the module docs for the rules it keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    lesson: Lesson,
    conversion: Conversion,
    problem: Problem,
    run: Run,
    outcome: Outcome,
    rule: StopRule,
    /// The id of the optimizer Step uses (see [`optimizer::REGISTRY`]).
    optimizer: &'static str,
    learning_rate_text: String,
    /// Each parameter's range fitted to the problem when it last changed.
    home_ranges: Vec<(f64, f64)>,
    /// Each parameter's range as shown: its home range widened to cover the run.
    ranges: Vec<(f64, f64)>,
    /// Whether a home range is provisional until [`Session::settle_ranges`] scans for it.
    ranges_pending: bool,
    /// The tables before each edit, oldest first.
    edits: VecDeque<Table>,
    /// The target of the edit still open (see [`EditTarget`]).
    open_edit: Option<EditTarget>,
    /// The race of the lesson's ticked optimizers (none for a lesson without one); see
    /// `race.rs`.
    race: crate::race::Race,
    /// The loss map's automatic view, fitted when the problem last changed much; see
    /// `map.rs`.
    map_home: Option<crate::surface::View>,
    /// The automatic view held while a data point is dragged (the data, and so the
    /// minimum, change on every pointer move; the map keeps its axes until the drag
    /// ends, then fits once); see `map.rs`.
    map_held: Option<crate::surface::View>,
    /// The problem's closed forms, computed when the problem or a frozen parameter
    /// changes, not on every move of a free one; see `views.rs`.
    closed: views::ClosedForms,
    /// L, ∇L, the predictions and the undefined rows at the current parameters, read
    /// once per change of them; dropped when the problem changes. See `current.rs`.
    current: current::Current,
}

impl Default for Session {
    fn default() -> Self {
        Self::new(Preset::default().lesson())
    }
}

impl Session {
    /// A session that opens `lesson`; its run starts at the lesson's start and stands at
    /// its current parameters.
    pub fn new(lesson: Lesson) -> Self {
        let conversion = lesson.conversion();
        let problem = lesson.problem();
        let run = Run::resume(lesson.start.clone(), lesson.params.clone());
        // The exact form keeps 1e300 short (`{}` would write 301 digits).
        let learning_rate_text = exact(lesson.learning_rate);
        let mut session = Self {
            lesson,
            conversion,
            problem,
            run,
            outcome: Outcome::Running,
            rule: StopRule::default(),
            optimizer: optimizer::gd::ID,
            learning_rate_text,
            home_ranges: Vec::new(),
            ranges: Vec::new(),
            ranges_pending: false,
            edits: VecDeque::new(),
            open_edit: None,
            race: crate::race::Race::default(),
            map_home: None,
            map_held: None,
            closed: views::ClosedForms::default(),
            current: current::Current::default(),
        };
        session.closed = views::ClosedForms::of(&session.problem, session.run.params());
        session.race = session.race_from_lesson();
        session.refit_map_home(false);
        session.fit_ranges();
        session
    }

    /// The lesson, with its parameters as they stand now.
    pub fn lesson(&self) -> &Lesson {
        &self.lesson
    }

    /// The problem posed by the table's good rows.
    pub fn problem(&self) -> &Problem {
        &self.problem
    }

    /// The table read into numbers, with every bad cell and ignored row.
    pub fn conversion(&self) -> &Conversion {
        &self.conversion
    }

    /// The current parameters.
    pub fn params(&self) -> &[f64] {
        self.run.params()
    }

    /// Every step taken since the run (re)started.
    pub fn history(&self) -> &[Step] {
        self.run.history()
    }

    /// Where the run stands.
    pub fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// The stopping rule in use.
    pub fn stop_rule(&self) -> &StopRule {
        &self.rule
    }

    /// The γ field's text, exactly as typed.
    pub fn learning_rate_text(&self) -> &str {
        &self.learning_rate_text
    }

    /// γ, when the field holds a positive finite number; `None` otherwise.
    pub fn learning_rate(&self) -> Option<f64> {
        parse_number(&self.learning_rate_text)
            .ok()
            .filter(|g| *g > 0.0)
    }

    /// The lesson to put in a share link: the lesson exactly as the screen shows it, or
    /// why a link cannot carry it. A link carries γ as a number, so while the γ field
    /// holds text that is not a positive number (`abc`, `0`, `-1`) the link would open
    /// with the last valid γ instead of what the field shows, and it is refused.
    pub fn shareable(&self) -> Result<&Lesson, NotShareable> {
        if self.learning_rate().is_none() {
            return Err(NotShareable::LearningRate(self.learning_rate_text.clone()));
        }
        Ok(&self.lesson)
    }

    /// Whether Step and Play can act: γ is valid and there is at least one good row.
    pub fn can_step(&self) -> bool {
        self.learning_rate().is_some() && !self.problem.data.is_empty()
    }

    /// The range shown for parameter `index` (its slider and the loss chart's axis).
    ///
    /// When the problem changes (a lesson opens, the table, the model, the loss or a
    /// frozen parameter changes) a *home* range is fitted around the current value and
    /// the minimum ([`crate::analysis::default_range`]). The range shown is the home range
    /// widened just enough (plus a margin) to cover the current value and the values of
    /// the run that led to it since it last (re)started ([`crate::range::covering_range`]):
    /// gradient descent that diverges stays in view with its whole trail, and as soon as
    /// the value and its run are back inside — typed, undone, reset or stepped there —
    /// the range is the home range again; nothing remembers an earlier widening. The one
    /// exception is a slider drag ([`Session::slide_param`]). Always on its own
    /// [`crate::range::slider_grid`], so a slider over it produces only values inside it.
    pub fn range(&self, index: usize) -> (f64, f64) {
        self.ranges.get(index).copied().unwrap_or((-1.0, 1.0))
    }

    /// The id of the optimizer Step uses; gradient descent (`gd`) unless
    /// [`Session::set_optimizer`] chose another.
    pub fn optimizer_id(&self) -> &'static str {
        self.optimizer
    }

    /// Chooses the optimizer Step uses by its id in [`optimizer::REGISTRY`]; `false` for
    /// an unknown id. The run restarts where it stands: the steps so far, and the state
    /// they built, belonged to the other optimizer.
    pub fn set_optimizer(&mut self, id: &str) -> bool {
        let Some(&(known, _)) = optimizer::REGISTRY.iter().find(|(k, _)| *k == id) else {
            return false;
        };
        if known != self.optimizer {
            self.optimizer = known;
            self.run.resume_here();
            self.outcome = Outcome::Running;
        }
        true
    }

    /// The optimizer Step would use now, with the γ of the field; `None` while Step
    /// cannot act (see [`Session::can_step`]).
    fn stepper(&self) -> Option<Box<dyn Optimizer>> {
        if !self.can_step() {
            return None;
        }
        optimizer::by_id(self.optimizer, self.learning_rate()?)
    }

    /// One step of the optimizer; does nothing but report when it cannot act, or when
    /// a typed formula is not defined at some row ([`Session::first_undefined`]: the step
    /// is refused as leaving the finite numbers).
    pub fn step(&mut self) -> Outcome {
        let Some(optimizer) = self.stepper() else {
            return self.outcome;
        };
        if self.first_undefined().is_some() {
            self.outcome = Outcome::Diverged(optimizer::Divergence::NonFinite);
            return self.outcome;
        }
        // Through the kept reading: the pass the screen made before the step is not made
        // again, and the one after it is what the screen shows next.
        let (problem, current) = (&self.problem, &self.current);
        self.outcome = self
            .run
            .step_with(problem, optimizer, &self.rule, None, |params| {
                current.evaluation_at(problem, params)
            });
        self.sync_params();
        self.cover_ranges();
        self.outcome
    }

    /// Takes back the last step; `false` when there was none.
    pub fn undo(&mut self) -> bool {
        let undone = self.run.undo();
        if undone {
            self.sync_params();
            self.outcome = Outcome::Running;
            self.cover_ranges();
        }
        undone
    }

    /// Back to the start; the history is cleared.
    pub fn reset(&mut self) {
        self.run.reset();
        self.outcome = Outcome::Running;
        self.sync_params();
        self.cover_ranges();
    }

    /// What a parameter field's text means ([`ParamInput`]): a number used as typed, a
    /// number beyond ±[`PARAM_BOUND`] that is limited to the bound (what
    /// [`Session::set_param`] does with it), or no usable number. The field says which,
    /// so the value in use is never a silent surprise.
    pub fn read_param(text: &str) -> ParamInput {
        match parse_number(text) {
            Ok(value) if value.abs() <= PARAM_BOUND => ParamInput::Value(value),
            Ok(value) => ParamInput::Limited {
                typed: value,
                used: value.clamp(-PARAM_BOUND, PARAM_BOUND),
            },
            Err(error) => ParamInput::Invalid(error),
        }
    }

    /// Sets parameter `index` by hand (the number field; a slider uses
    /// [`Session::slide_param`]): the run restarts there. Non-finite values are refused
    /// (`false`); values are clamped to ±[`PARAM_BOUND`] (10¹²), as
    /// [`Session::read_param`] tells the field.
    pub fn set_param(&mut self, index: usize, value: f64) -> bool {
        if !value.is_finite() || index >= self.lesson.model.param_count() {
            return false;
        }
        let mut params = self.run.params().to_vec();
        params[index] = value.clamp(-PARAM_BOUND, PARAM_BOUND);
        self.run.restart_at(params);
        if self.problem.is_frozen(index) {
            // A frozen parameter's value is part of the closed-form minimum.
            self.closed = views::ClosedForms::of(&self.problem, self.run.params());
        }
        self.outcome = Outcome::Running;
        self.sync_params();
        self.cover_ranges();
        true
    }

    /// Sets parameter `index` from its slider, while the slider may still be dragged: as
    /// [`Session::set_param`], except that the parameter's range holds still as long as
    /// the value lies inside it. A slider only produces values inside its range, so the
    /// scale never moves under the pointer — which matters when the range was widened for
    /// a value outside home and the drag heads back home. [`Session::end_slide`] fits the
    /// range to the value when the drag ends.
    pub fn slide_param(&mut self, index: usize, value: f64) -> bool {
        let held = self.ranges.get(index).copied();
        if !self.set_param(index, value) {
            return false;
        }
        let value = self.run.params().get(index).copied();
        if let (Some((lo, hi)), Some(v), Some(range)) = (held, value, self.ranges.get_mut(index)) {
            if lo <= v && v <= hi {
                *range = (lo, hi);
            }
        }
        true
    }

    /// A slider drag (or one key press on a slider) has ended: every range is fitted to
    /// its value again, as [`Session::range`] describes. Returns whether a range changed.
    pub fn end_slide(&mut self) -> bool {
        let before = self.ranges.clone();
        self.cover_ranges();
        self.ranges != before
    }

    /// Sets the γ field's text. The text is kept whatever it is; γ is used only while it
    /// reads as a positive finite number (see [`Session::learning_rate`]).
    pub fn set_learning_rate_text(&mut self, text: &str) {
        self.learning_rate_text = text.to_owned();
        if let Some(g) = self.learning_rate() {
            self.lesson.learning_rate = g;
            if self.outcome.is_final() {
                self.outcome = Outcome::Running;
            }
        }
    }

    /// Sets one cell's text, exactly as typed.
    pub fn set_cell(&mut self, row: usize, column: usize, text: &str) {
        let current = self.lesson.table.rows.get(row).and_then(|r| r.get(column));
        match current {
            None => return,
            Some(old) if old != text => self.record_edit(Some(EditTarget::Cell(row, column))),
            Some(_) => {}
        }
        if let Some(cell) = self
            .lesson
            .table
            .rows
            .get_mut(row)
            .and_then(|r| r.get_mut(column))
        {
            *cell = text.to_owned();
            self.data_changed();
        }
    }

    /// Moves the point of table row `row` to (x, y), as a drag on the chart does: both
    /// cells are rewritten in the shortest form that reads back exactly (round the
    /// numbers first for short cells). Moves of one row in a row are one edit for
    /// [`Session::undo_edit`] until [`Session::end_edit`]. Refused (`false`) for a row
    /// that does not exist or a non-finite number.
    pub fn move_point(&mut self, row: usize, x: f64, y: f64) -> bool {
        if !(x.is_finite() && y.is_finite()) || row >= self.lesson.table.rows.len() {
            return false;
        }
        let cells = [exact(x), exact(y)];
        if self.lesson.table.rows.get(row) == Some(&cells) {
            return true;
        }
        self.record_edit(Some(EditTarget::Point(row)));
        self.hold_map_view();
        if let Some(r) = self.lesson.table.rows.get_mut(row) {
            *r = cells;
        }
        self.data_changed();
        true
    }

    /// Appends a row holding the point (x, y), as a click on the chart does, and returns
    /// its row. A drag of the new point that follows at once belongs to the same edit.
    /// `None` for a non-finite number or a full table ([`MAX_ROWS`]).
    pub fn add_point(&mut self, x: f64, y: f64) -> Option<usize> {
        if !(x.is_finite() && y.is_finite()) || self.lesson.table.rows.len() >= MAX_ROWS {
            return None;
        }
        self.record_edit(None);
        let row = self.lesson.table.rows.len();
        self.hold_map_view();
        self.lesson.table.rows.push([exact(x), exact(y)]);
        self.open_edit = Some(EditTarget::Point(row));
        self.data_changed();
        Some(row)
    }

    /// The table row that point `index` of the problem's data came from (rows with a bad
    /// cell and empty rows have no point, so the two numberings differ).
    pub fn point_row(&self, index: usize) -> Option<usize> {
        self.conversion.source_rows.get(index).copied()
    }

    /// Takes back the last edit of the table (see the module docs); `false` when there is
    /// none. The run restarts where it stands, as after any edit.
    pub fn undo_edit(&mut self) -> bool {
        let Some(table) = self.edits.pop_back() else {
            return false;
        };
        self.lesson.table = table;
        self.open_edit = None;
        self.data_changed();
        true
    }

    /// Whether [`Session::undo_edit`] has an edit to take back.
    pub fn can_undo_edit(&self) -> bool {
        !self.edits.is_empty()
    }

    /// Closes the edit in progress: the next change, even to the same cell or point, is
    /// taken back on its own. Call it when a cell loses focus or a drag ends. Returns
    /// whether the map's view, held during a point's drag, was let go and fitted (then
    /// the map must be drawn again).
    pub fn end_edit(&mut self) -> bool {
        self.open_edit = None;
        self.release_map_view()
    }

    /// Adds an empty row at the end (up to [`MAX_ROWS`]).
    pub fn add_row(&mut self) {
        if self.lesson.table.rows.len() < MAX_ROWS {
            self.record_edit(None);
            self.lesson.table.rows.push([String::new(), String::new()]);
            self.data_changed();
        }
    }

    /// Deletes row `row`, if it exists.
    pub fn delete_row(&mut self, row: usize) {
        if row < self.lesson.table.rows.len() {
            self.record_edit(None);
            self.lesson.table.rows.remove(row);
            self.data_changed();
        }
    }

    /// Replaces the table with pasted text. A header row renames the columns (each name
    /// cut to [`MAX_LABEL_CHARS`], as typing it would be). The old table is kept when the
    /// text cannot become a table at all.
    pub fn paste(&mut self, text: &str) -> Result<ParsedTable, TableError> {
        let parsed = parse_table(text)?;
        let mut table = parsed.table.clone();
        if parsed.had_header {
            // A header cell names a column as typing it would: cut to the same length.
            table.labels.x = label_text(&table.labels.x);
            table.labels.y = label_text(&table.labels.y);
        } else {
            table.labels = self.lesson.table.labels.clone();
        }
        self.record_edit(None);
        self.lesson.table = table;
        self.data_changed();
        Ok(parsed)
    }

    /// Renames column `column` (0: x, 1: y); the numbers are untouched.
    pub fn set_label(&mut self, column: usize, text: &str) {
        let text = label_text(text);
        let column = usize::from(column != 0);
        let labels = &self.lesson.table.labels;
        if (if column == 0 { &labels.x } else { &labels.y }) != &text {
            self.record_edit(Some(EditTarget::Label(column)));
        }
        let labels = &mut self.lesson.table.labels;
        let label = if column == 0 {
            &mut labels.x
        } else {
            &mut labels.y
        };
        *label = text;
        self.problem
            .data
            .set_labels(self.lesson.table.labels.clone());
        self.conversion
            .dataset
            .set_labels(self.lesson.table.labels.clone());
    }

    /// Switches the model, carrying over the parameters the two share.
    pub fn set_model(&mut self, model: Model) {
        if model != self.lesson.model {
            self.lesson.set_model(model);
            self.run = Run::resume(self.lesson.start.clone(), self.lesson.params.clone());
            self.problem_changed();
            self.refit_map_home(false);
        }
    }

    /// Switches the loss.
    pub fn set_loss(&mut self, loss: Loss) {
        if loss != self.lesson.loss {
            self.lesson.loss = loss;
            self.problem_changed();
        }
    }

    /// Freezes or frees parameter `index` (a frozen parameter keeps its value).
    pub fn set_frozen(&mut self, index: usize, frozen: bool) {
        if let Some(f) = self.lesson.frozen.get_mut(index) {
            *f = frozen;
            self.problem_changed();
        }
    }

    /// Opens another lesson (a preset, a share link, saved work).
    pub fn load(&mut self, lesson: Lesson) {
        *self = Session::new(lesson);
    }

    /// Keeps the table as it is before an edit of `target`, unless the open edit is of
    /// the same target (`None` is never the same: each such edit is kept on its own).
    fn record_edit(&mut self, target: Option<EditTarget>) {
        if target.is_some() && target == self.open_edit {
            return;
        }
        // Another edit begins: a drag that was not ended (no pointer-up) lets go of the map.
        self.release_map_view();
        self.open_edit = target;
        self.edits.push_back(self.lesson.table.clone());
        let mut rows: usize = self.edits.iter().map(|t| t.rows.len()).sum();
        while self.edits.len() > EDIT_UNDO_LIMIT
            || (rows > EDIT_UNDO_ROW_BUDGET && self.edits.len() > 1)
        {
            if let Some(dropped) = self.edits.pop_front() {
                rows -= dropped.rows.len();
            }
        }
    }

    fn data_changed(&mut self) {
        self.conversion = self.lesson.table.to_dataset();
        self.problem_changed();
    }

    fn problem_changed(&mut self) {
        self.problem = self.lesson.problem();
        self.current = current::Current::default();
        self.closed = views::ClosedForms::of(&self.problem, self.run.params());
        self.run.resume_here();
        self.outcome = Outcome::Running;
        self.sync_params();
        self.fit_ranges_soon();
        self.race_problem_changed();
        if self.map_held.is_none() {
            self.refit_map_home(true);
        }
    }

    fn sync_params(&mut self) {
        self.lesson.params = self.run.params().to_vec();
        self.lesson.start = self.run.start().to_vec();
    }
}

/// A column label as a lesson keeps it: at most [`MAX_LABEL_CHARS`] characters, so
/// that every lesson made by editing can be saved and shared ([`Lesson::validate`]).
fn label_text(text: &str) -> String {
    text.chars().take(MAX_LABEL_CHARS).collect()
}
