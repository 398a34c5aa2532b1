//! The lesson state: everything needed to reopen a lesson exactly as it was. Its two
//! encodings — JSON for storage and a compact URL-safe string for share links — are in
//! `encoding` (which calls `json`), so this module imports neither.
//!
//! Decoding never panics: any string comes back either as a valid lesson or as a
//! [`LessonError`] that says what was wrong.

use crate::data::Labels;
use crate::formula::FormulaError;
use crate::loss::Loss;
use crate::model::Model;
use crate::optimizer::{GradientDescent, IDS};
use crate::problem::Problem;
use crate::race::{Batching, Schedule, Settings};
use crate::range::PARAM_BOUND;
use crate::surface::View;
use crate::table::{Conversion, Table, MAX_ROWS};
use serde::{Deserialize, Serialize};

/// The newest version of the lesson format: 2 added the race ([`RaceSetup`]), 3 a typed
/// formula as the model. A lesson is written in the oldest version that holds it (1
/// when its race is the lecture's default and its model built in), so links of plain
/// lessons still open in a build that reads only version 1; versions 1 to 3 are read,
/// others refused.
pub const LESSON_VERSION: u32 = 3;

/// The version that added the race: a lesson with a race and a built-in model is
/// written in it.
pub const RACE_VERSION: u32 = 2;

/// The oldest version still read: a version-1 lesson opens with the default race.
pub const OLDEST_LESSON_VERSION: u32 = 1;

/// The prefix of a share-link payload: the link's own encoding (URL-safe base64 of the
/// JSON), unchanged since version 1 of the lesson format, whose version is inside.
pub const LINK_PREFIX: &str = "v1.";

/// The longest column label kept.
pub const MAX_LABEL_CHARS: usize = 100;

/// A whole lesson: the table as typed, the model, the loss, the frozen parameters, where
/// descent started and where it is now, and the learning rate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// The data table, cells exactly as typed, with the column labels.
    pub table: Table,
    /// The model.
    pub model: Model,
    /// The loss.
    pub loss: Loss,
    /// `frozen[i]` keeps parameter i fixed (the lecture freezes b = 2).
    pub frozen: Vec<bool>,
    /// The current parameters, in the model's order.
    pub params: Vec<f64>,
    /// Where gradient descent starts (Reset goes back here).
    pub start: Vec<f64>,
    /// γ, the learning rate.
    pub learning_rate: f64,
    /// The race and the map's view (format version 2). Not part of the serde form, which
    /// is version 1's. Boxed: most lessons have the default race, and a lesson is passed
    /// around by value (in `Result`s, in enums) where its size counts.
    #[serde(skip)]
    pub race: Box<RaceSetup>,
}

/// The most racers a lesson holds: one per optimizer a lesson may name
/// ([`crate::optimizer::IDS`]), whether or not this build can step it.
pub const MAX_RACERS: usize = IDS.len();

/// The race a lesson holds: which optimizers are ticked with their settings, the
/// learning-rate schedule, the batching and seed, and the view of the loss map.
#[derive(Clone, Debug, PartialEq)]
pub struct RaceSetup {
    /// The optimizers ticked, each once, in the order shown. Empty means the lecture's
    /// single gradient descent at the lesson's γ, as a version-1 lesson has it.
    pub racers: Vec<Settings>,
    /// How γ changes with the step.
    pub schedule: Schedule,
    /// The batch size and the seed of the shuffles.
    pub batching: Batching,
    /// The map's view; `None`: fitted to the start and the minimum.
    pub view: Option<View>,
}

impl Default for RaceSetup {
    fn default() -> Self {
        Self {
            racers: Vec::new(),
            schedule: Schedule::Constant,
            batching: Batching::full(),
            view: None,
        }
    }
}

impl RaceSetup {
    /// Whether this is the race of a version-1 lesson (then the lesson is written as
    /// version 1).
    pub fn is_default(&self) -> bool {
        *self == RaceSetup::default()
    }

    /// Checks the racers (known, each once, usable settings), the schedule, the batch
    /// size (1 to [`MAX_ROWS`]) and the view (finite, within ±[`PARAM_BOUND`], nonempty).
    pub fn validate(&self) -> Result<(), LessonError> {
        let invalid = |what: &str| Err(LessonError::Invalid(what.to_owned()));
        if self.racers.len() > MAX_RACERS {
            return invalid("the race has too many optimizers");
        }
        for (i, racer) in self.racers.iter().enumerate() {
            if racer.validate().is_err() {
                return invalid("an optimizer's setting is out of range");
            }
            if self.racers.iter().take(i).any(|r| r.id == racer.id) {
                return invalid("an optimizer is in the race twice");
            }
        }
        if self.schedule.validate().is_err() {
            return invalid("the learning-rate schedule is out of range");
        }
        if self.batching.size.is_some_and(|k| k == 0 || k > MAX_ROWS) {
            return invalid("the batch size is out of range");
        }
        if let Some(View { a, b }) = self.view {
            let sane = |(lo, hi): (f64, f64)| {
                lo.is_finite() && hi.is_finite() && lo < hi && lo.abs().max(hi.abs()) <= PARAM_BOUND
            };
            if !sane(a) || !sane(b) {
                return invalid("the map's view is not a finite region");
            }
        }
        Ok(())
    }
}

/// Why a string is not a lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LessonError {
    /// The link payload is not valid URL-safe base64, or has no version prefix.
    Encoding,
    /// The JSON is malformed or lacks a field; the text says where.
    Json(String),
    /// The lesson was written by another version of the app.
    Version {
        /// The version found.
        found: u32,
    },
    /// A value is out of bounds; the text says which.
    Invalid(String),
    /// The lesson is of format version 2 or later (a race, the map's view, a typed
    /// formula), which this build cannot read: descent-core without its `race` feature
    /// (the app's first-load build, which hands such a lesson to its full build).
    NotInThisBuild,
    /// The model is a typed formula that cannot be used (format version 3): its text,
    /// and what is wrong with it.
    Formula {
        /// The formula as saved.
        text: String,
        /// What is wrong, and where in `text`.
        error: FormulaError,
    },
}

impl std::fmt::Display for LessonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LessonError::Encoding => f.write_str("the link is not a lesson link"),
            LessonError::Json(e) => write!(f, "the lesson is malformed: {e}"),
            LessonError::Version { found } => {
                write!(
                    f,
                    "the lesson has version {found}; this app reads {OLDEST_LESSON_VERSION} to {LESSON_VERSION}"
                )
            }
            LessonError::Invalid(e) => write!(f, "the lesson has an invalid value: {e}"),
            LessonError::NotInThisBuild => {
                f.write_str("the lesson has a race or a formula, which this build cannot read")
            }
            LessonError::Formula { text, error } => {
                write!(f, "the lesson's formula “{text}” cannot be used: {error}")
            }
        }
    }
}

impl std::error::Error for LessonError {}

impl Lesson {
    /// Whether this lesson uses the tools beyond the one-parameter lecture: a typed
    /// formula, two or more free parameters (the map L(a, b)), or a race of optimizers.
    /// The app's first-load build has none of them and hands such a lesson to its full
    /// build (`boot.js` makes the same test on a link or saved work before loading).
    pub fn needs_full_app(&self) -> bool {
        matches!(self.model, Model::Formula(_))
            || self.frozen.iter().filter(|frozen| !**frozen).count() >= 2
            || !self.race.racers.is_empty()
    }

    /// The problem this lesson poses: its table's good rows, model, loss and frozen
    /// parameters.
    pub fn problem(&self) -> Problem {
        Problem {
            data: self.table.to_dataset().dataset,
            model: self.model.clone(),
            loss: self.loss,
            frozen: self.frozen.clone(),
        }
    }

    /// The table read into numbers, with every bad cell.
    pub fn conversion(&self) -> Conversion {
        self.table.to_dataset()
    }

    /// The gradient descent this lesson uses.
    pub fn descent(&self) -> GradientDescent {
        GradientDescent::new(self.learning_rate)
    }

    /// Switches the model, keeping parameters the two models share by name and giving
    /// the others the new model's defaults.
    pub fn set_model(&mut self, model: Model) {
        let old_names = self.model.param_names();
        // For each of the new model's parameters, its index in the old model, if any.
        let old_index: Vec<Option<usize>> = model
            .param_names()
            .iter()
            .map(|name| old_names.iter().position(|n| n == name))
            .collect();
        let carry = |old: &[f64], defaults: &[f64]| -> Vec<f64> {
            old_index
                .iter()
                .zip(defaults)
                .map(|(j, default)| j.and_then(|j| old.get(j).copied()).unwrap_or(*default))
                .collect()
        };
        let defaults = model.default_params();
        self.params = carry(&self.params, &defaults);
        self.start = carry(&self.start, &defaults);
        self.frozen = old_index
            .iter()
            .map(|j| j.and_then(|j| self.frozen.get(j).copied()).unwrap_or(false))
            .collect();
        self.model = model;
    }

    /// Checks every value: parameter counts match the model, numbers are finite and
    /// within bounds, the table has at most [`MAX_ROWS`] rows and the labels at most
    /// [`MAX_LABEL_CHARS`] characters.
    ///
    /// Every lesson the app can make by editing passes: steps stop at ±[`PARAM_BOUND`],
    /// typed parameters are clamped, γ is any positive finite number, and labels are cut
    /// to [`MAX_LABEL_CHARS`].
    pub fn validate(&self) -> Result<(), LessonError> {
        let n = self.model.param_count();
        let invalid = |what: &str| Err(LessonError::Invalid(what.to_owned()));
        if self.params.len() != n || self.start.len() != n || self.frozen.len() != n {
            return invalid("the number of parameters does not match the model");
        }
        let sane = |v: &f64| v.is_finite() && v.abs() <= PARAM_BOUND;
        if !self.params.iter().all(sane) || !self.start.iter().all(sane) {
            return invalid("a parameter is not a finite number within ±10¹²");
        }
        // Any positive finite γ: a link must carry the γ on screen, and a γ far too large
        // only takes steps that are refused (see `optimizer::take_step`).
        if !(self.learning_rate.is_finite() && self.learning_rate > 0.0) {
            return invalid("the learning rate is not a positive finite number");
        }
        if self.table.rows.len() > MAX_ROWS {
            return invalid("the table has too many rows");
        }
        // A cell may hold any text: the table keeps what the student typed, however long
        // (the number reader gives up beyond `MAX_CELL_CHARS`), and a limit here would make
        // saved work with such a cell unreadable. A decoded cell is never longer than the
        // text it came from, so there is nothing to bound.
        let Labels { x, y } = &self.table.labels;
        if x.chars().count() > MAX_LABEL_CHARS || y.chars().count() > MAX_LABEL_CHARS {
            return invalid("a column label is too long");
        }
        self.race.validate()
    }
}
