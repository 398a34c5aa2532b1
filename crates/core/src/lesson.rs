//! The lesson state: everything needed to reopen a lesson exactly as it was. Its two
//! encodings — JSON for storage and a compact URL-safe string for share links — are in
//! `encoding` (which calls `json`), so this module imports neither.
//!
//! Decoding never panics: any string comes back either as a valid lesson or as a
//! [`LessonError`] that says what was wrong.

use crate::data::Labels;
use crate::loss::Loss;
use crate::model::Model;
use crate::optimizer::GradientDescent;
use crate::problem::Problem;
use crate::range::PARAM_BOUND;
use crate::table::{Conversion, Table, MAX_ROWS};
use serde::{Deserialize, Serialize};

/// The version written into every encoding; older or newer versions are refused.
pub const LESSON_VERSION: u32 = 1;

/// The prefix of a share-link payload, so a link of another version is recognised.
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
}

impl std::fmt::Display for LessonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LessonError::Encoding => f.write_str("the link is not a lesson link"),
            LessonError::Json(e) => write!(f, "the lesson is malformed: {e}"),
            LessonError::Version { found } => {
                write!(
                    f,
                    "the lesson has version {found}; this app reads {LESSON_VERSION}"
                )
            }
            LessonError::Invalid(e) => write!(f, "the lesson has an invalid value: {e}"),
        }
    }
}

impl std::error::Error for LessonError {}

impl Lesson {
    /// The problem this lesson poses: its table's good rows, model, loss and frozen
    /// parameters.
    pub fn problem(&self) -> Problem {
        Problem {
            data: self.table.to_dataset().dataset,
            model: self.model,
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
        Ok(())
    }
}
