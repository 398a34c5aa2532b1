//! The reactive lesson: signals around descent-core's plain [`Session`], and the few
//! things only the screen has (autoplay, the language, toggles, a notice line).
//!
//! Components get a [`LessonState`] (it is `Copy`) and call its methods; every number
//! they show comes from the session, never from arithmetic of their own.

use crate::i18n::{strings, Lang, Strings, TourWords};
use descent_core::presets::Preset;
use descent_core::{FormulaError, Lesson, Loss, Model, Outcome, ParseOptions, Session, TableError};
use leptos::prelude::*;

/// The autoplay speeds offered, in steps per second.
pub const SPEEDS: [u32; 6] = [1, 2, 5, 10, 30, 60];

/// A transient message that is not derived from the session (a paste report, a link
/// that could not be read, storage trouble).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The text, already in the interface language.
    pub text: String,
    /// Whether it reports a problem (shown as a warning) or just informs.
    pub is_warning: bool,
    /// What it offers to do, as a button beside the text; the offer stands as long as the
    /// notice is shown.
    pub action: Option<NoticeAction>,
    /// It reports the table edit last made (a paste): taking that edit back with Undo
    /// edit withdraws it, or it would describe a table no longer on screen.
    pub reports_edit: bool,
}

/// Something a notice offers to do about what it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Open the saved work that a share link which could not be read left closed
    /// (`crate::classroom::open_saved_work`).
    OpenSavedWork,
}

/// The lesson's reactive state. Cheap to copy: every field is a signal handle.
#[derive(Clone, Copy)]
pub struct LessonState {
    /// The lesson in progress.
    pub session: RwSignal<Session>,
    /// Whether autoplay runs.
    pub playing: RwSignal<bool>,
    /// Autoplay speed in steps per second (one of [`SPEEDS`]).
    pub speed: RwSignal<u32>,
    /// Whether the data chart draws each squared error as a square.
    pub show_squares: RwSignal<bool>,
    /// The interface language.
    pub lang: RwSignal<Lang>,
    /// The preset last chosen (for the picker).
    pub preset: RwSignal<Option<Preset>>,
    /// A message not derived from the session.
    pub notice: RwSignal<Option<Notice>>,
    /// Projector mode: larger readouts and chart text, thicker lines, high contrast.
    pub projector: RwSignal<bool>,
    /// Whether a slider, the loss map's point or a data point is being dragged (from the
    /// first move to [`LessonState::end_slide`], [`LessonState::put_down_on_map`] or
    /// [`LessonState::end_point_drag`]): the data and loss charts' axes only widen meanwhile
    /// ([`crate::chart_data::Hold::Slider`], [`crate::chart_data::hold_loss_chart`]), and
    /// the save waits.
    pub dragging: RwSignal<bool>,
}

impl LessonState {
    /// State around a lesson, in a language.
    pub fn new(lesson: Lesson, lang: Lang) -> Self {
        Self {
            session: RwSignal::new(Session::new(lesson)),
            playing: RwSignal::new(false),
            speed: RwSignal::new(5),
            show_squares: RwSignal::new(false),
            lang: RwSignal::new(lang),
            preset: RwSignal::new(None),
            notice: RwSignal::new(None),
            projector: RwSignal::new(false),
            dragging: RwSignal::new(false),
        }
    }

    /// The strings of the current language (tracked).
    pub fn t(&self) -> &'static Strings {
        strings(self.lang.get())
    }

    /// One of [`Strings`]' texts, following the language (tracked): `{state.tr(|t| t.step)}`.
    /// Every such text is the same closure type, so Leptos's code that renders a reactive
    /// text or attribute is compiled once for all of them instead of once per text
    /// (BENCHMARKS.md, Size).
    pub fn tr(self, pick: fn(&Strings) -> &'static str) -> impl Fn() -> &'static str + Copy {
        move || pick(self.t())
    }

    /// One of the walkthrough's words ([`TourWords`]), following the language, as
    /// [`LessonState::tr`] does for [`Strings`].
    pub fn tour_tr(self, pick: fn(&TourWords) -> &'static str) -> impl Fn() -> &'static str + Copy {
        move || pick(crate::i18n::tour_words(self.lang.get()))
    }

    /// One step of gradient descent; autoplay stops when the run ends. While a race is on
    /// ([`racing`]) it is one Step of the whole race, see [`race_step`].
    pub fn step(&self) {
        let mut outcome = Outcome::Running;
        let mut stop = false;
        self.session.update(|s| {
            if racing(s) {
                race_step(s);
                stop = !can_step_all(s);
            } else {
                outcome = s.step();
            }
        });
        if stop || outcome.is_final() || !self.session.with_untracked(|s| racing(s) || s.can_step())
        {
            self.playing.set(false);
        }
    }

    /// Takes back one step (of the race and the descent, while a race is on).
    pub fn undo(&self) {
        self.playing.set(false);
        self.session.update(|s| {
            if racing(s) {
                s.race_undo();
                // The descent undoes the step it took with the race: it stepped with
                // every race Step until it stopped.
                if s.history().len() > s.race().steps() {
                    s.undo();
                }
            } else {
                s.undo();
            }
        });
    }

    /// Back to the start value (every racer too).
    pub fn reset(&self) {
        self.playing.set(false);
        self.session.update(|s| {
            s.race_reset();
            s.reset();
        });
    }

    /// Starts or pauses autoplay; it does not start when stepping is impossible, and a
    /// run that has ended starts again from where it stands.
    pub fn toggle_play(&self) {
        if self.playing.get_untracked() {
            self.playing.set(false);
        } else if self.session.with_untracked(racing) {
            // A race that has ended everywhere replays from the start, as one run does.
            if !self.session.with_untracked(can_step_all) {
                self.reset();
            }
            if self.session.with_untracked(can_step_all) {
                self.playing.set(true);
            }
        } else if self.session.with_untracked(Session::can_step) {
            // Play after a run that converged (or hit the step limit) replays it from the
            // start, as a player replays a finished video: otherwise, at the minimum, a
            // new γ would have nothing to show.
            if matches!(
                self.session.with_untracked(Session::outcome),
                Outcome::Converged | Outcome::StepLimit
            ) {
                self.session.update(Session::reset);
            }
            self.playing.set(true);
        }
    }

    /// Sets parameter `index` by hand (its number field).
    pub fn set_param(&self, index: usize, value: f64) {
        self.playing.set(false);
        self.session.update(|s| {
            s.set_param(index, value);
        });
    }

    /// Sets parameter `index` from its slider: the range holds still during a drag
    /// ([`Session::slide_param`]).
    pub fn slide_param(&self, index: usize, value: f64) {
        self.playing.set(false);
        self.start_drag();
        self.session.update(|s| {
            s.slide_param(index, value);
        });
    }

    /// A slider drag (or key press) has ended: the ranges fit the values again
    /// ([`Session::end_slide`]). Nothing is notified when no range changed.
    pub fn end_slide(&self) {
        self.stop_dragging();
        self.session.maybe_update(Session::end_slide);
    }

    /// Whether the charts' axes hold still (they only widen): while anything is dragged
    /// ([`LessonState::dragging`]) or play runs (tracked).
    pub fn holds_axes(&self) -> bool {
        self.dragging.get() || self.playing.get()
    }

    /// Marks a drag (a slider's, the map's point, a data point) as going on.
    fn start_drag(&self) {
        if !self.dragging.get_untracked() {
            self.dragging.set(true);
        }
    }

    /// Marks the drag as over.
    fn stop_dragging(&self) {
        if self.dragging.get_untracked() {
            self.dragging.set(false);
        }
    }

    /// The point dragged on the loss map to (a, b) ([`Session::move_on_map`]). Like a
    /// slider's drag, it holds the data chart's axes (they only widen) and the save until
    /// the point is put down.
    pub fn move_on_map(&self, a: f64, b: f64) {
        self.pause();
        self.start_drag();
        self.session.maybe_update(|s| s.move_on_map(a, b));
    }

    /// The point put down on the loss map: every run starts there
    /// ([`Session::put_down_on_map`]). A drag of the point ends here.
    pub fn put_down_on_map(&self, a: f64, b: f64) {
        self.pause();
        self.stop_dragging();
        self.session.update(|s| {
            s.put_down_on_map(a, b);
        });
    }

    /// Zooms the loss map by `factor` about (a, b) ([`Session::zoom_map_view`]).
    pub fn zoom_map(&self, at: (f64, f64), factor: f64) {
        self.session.maybe_update(|s| s.zoom_map_view(at, factor));
    }

    /// Fits the loss map's view again ([`Session::fit_map_view`]).
    pub fn fit_map(&self) {
        self.session.update(Session::fit_map_view);
    }

    /// Stops autoplay, without notifying when it is already stopped.
    fn pause(&self) {
        if self.playing.get_untracked() {
            self.playing.set(false);
        }
    }

    /// Sets the γ field's text (kept as typed).
    pub fn set_learning_rate_text(&self, text: &str) {
        self.session.update(|s| s.set_learning_rate_text(text));
        if !self.session.with_untracked(Session::can_step) {
            self.playing.set(false);
        }
    }

    /// Sets one table cell's text.
    pub fn set_cell(&self, row: usize, column: usize, text: &str) {
        self.playing.set(false);
        self.session.update(|s| s.set_cell(row, column, text));
    }

    /// Moves the point of table row `row` to (x, y) (a drag on the data chart).
    pub fn move_point(&self, row: usize, x: f64, y: f64) {
        self.playing.set(false);
        self.start_drag();
        self.session.update(|s| {
            s.move_point(row, x, y);
        });
    }

    /// Adds a point at (x, y) (a click on the data chart) and returns its table row.
    pub fn add_point(&self, x: f64, y: f64) -> Option<usize> {
        self.playing.set(false);
        let mut row = None;
        self.session.update(|s| row = s.add_point(x, y));
        row
    }

    /// Replaces the table with a pasted block, as any edit does: autoplay stops, Undo
    /// edit takes it back, and a notice says how many rows arrived (or why none did).
    pub fn paste(&self, text: &str) {
        self.playing.set(false);
        let mut result = None;
        self.session.update(|s| result = Some(s.paste(text)));
        let lang = self.lang.get_untracked();
        let t = strings(lang);
        match result {
            Some(Ok(parsed)) => {
                let rows = parsed.table.rows.len();
                let mut text = format!("{} {}", t.table_pasted, crate::i18n::row_count(lang, rows));
                if parsed.rows_with_extra_cells > 0 {
                    text.push(' ');
                    text.push_str(t.table_extra_columns);
                }
                self.notice.set(Some(Notice {
                    text,
                    is_warning: false,
                    action: None,
                    reports_edit: true,
                }));
            }
            Some(Err(TableError::TooManyRows { limit, .. })) => {
                self.notify(crate::i18n::too_many_rows(lang, limit), true);
            }
            None => {}
        }
    }

    /// Takes back the last edit of the table, typed, pasted or dragged (the "Undo edit"
    /// button and Ctrl+Z outside text fields), and the notice that reported it ("Pasted:
    /// 2 rows" would describe a table no longer on screen).
    pub fn undo_edit(&self) {
        if self.session.with_untracked(Session::can_undo_edit) {
            self.playing.set(false);
            if self
                .notice
                .with_untracked(|n| n.as_ref().is_some_and(|n| n.reports_edit))
            {
                self.notice.set(None);
            }
            self.session.update(|s| {
                s.undo_edit();
            });
        }
    }

    /// Closes the edit in progress, so the next change is undone on its own (a cell
    /// lost focus, a drag ended). Untracked, as it changes nothing anyone shows, unless
    /// the end of a point's drag lets the map's held view go: then the map fits again.
    pub fn end_edit(&self) {
        if self.session.update_untracked(Session::end_edit) {
            self.session.notify();
        }
    }

    /// A data point's drag has ended: the charts fit again, and the drag is one edit.
    pub fn end_point_drag(&self) {
        self.stop_dragging();
        self.end_edit();
    }

    /// Adds an empty row.
    pub fn add_row(&self) {
        self.session.update(Session::add_row);
    }

    /// Deletes a row.
    pub fn delete_row(&self, row: usize) {
        self.playing.set(false);
        self.session.update(|s| s.delete_row(row));
    }

    /// Renames a column.
    pub fn set_label(&self, column: usize, text: &str) {
        self.session.update(|s| s.set_label(column, text));
    }

    /// Switches the model.
    pub fn set_model(&self, model: Model) {
        self.playing.set(false);
        self.session.update(|s| s.set_model(model));
    }

    /// Makes the typed formula the model (read with a decimal comma in Lithuanian, stored
    /// with decimal points); when it cannot be used, the model stays and the error says
    /// what and where. The model's own formula, in either language's writing, changes
    /// nothing (the run keeps its history).
    pub fn set_formula(&self, text: &str) -> Result<(), FormulaError> {
        let options = ParseOptions {
            decimal_comma: self.lang.get_untracked() == Lang::Lt,
        };
        let model = Model::parse_formula(text, options)?;
        // Compared as stored (decimal points): `2,5a*x` in Lithuanian is `2.5a*x`.
        if self.session.with_untracked(|s| s.lesson().model == model) {
            return Ok(());
        }
        self.set_model(model);
        Ok(())
    }

    /// Switches the loss.
    pub fn set_loss(&self, loss: Loss) {
        self.playing.set(false);
        self.session.update(|s| s.set_loss(loss));
    }

    /// Freezes or frees a parameter.
    pub fn set_frozen(&self, index: usize, frozen: bool) {
        self.playing.set(false);
        self.session.update(|s| s.set_frozen(index, frozen));
    }

    /// Opens a preset.
    pub fn load_preset(&self, preset: Preset) {
        self.playing.set(false);
        self.preset.set(Some(preset));
        self.notice.set(None);
        self.session.update(|s| s.load(preset.lesson()));
    }

    /// Opens a whole lesson (a share link, saved work).
    pub fn load(&self, lesson: Lesson) {
        self.playing.set(false);
        self.session.update(|s| s.load(lesson));
    }

    /// Shows a notice.
    pub fn notify(&self, text: impl Into<String>, is_warning: bool) {
        self.notice.set(Some(Notice {
            text: text.into(),
            is_warning,
            action: None,
            reports_edit: false,
        }));
    }

    /// Shows a notice that offers `action` as a button.
    pub fn notify_with_action(
        &self,
        text: impl Into<String>,
        is_warning: bool,
        action: NoticeAction,
    ) {
        self.notice.set(Some(Notice {
            text: text.into(),
            is_warning,
            action: Some(action),
            reports_edit: false,
        }));
    }

    /// Whether the notice shown offers `action` (untracked).
    pub fn offers(&self, action: NoticeAction) -> bool {
        self.notice
            .with_untracked(|n| n.as_ref().and_then(|n| n.action) == Some(action))
    }
}

/// Whether a race is on: at least one optimizer is ticked. Then Step, Undo, Reset, Play and
/// the clicker keys act on the whole race; with none ticked (the lecture's own lesson) they
/// act on the one gradient descent exactly as before. Never in the first-load build, which
/// hands a race to the full build (`classroom::full_app`) and so leaves its stepping out.
pub fn racing(session: &Session) -> bool {
    crate::FULL_BUILD && !session.race().lanes().is_empty()
}

/// Whether the loss-against-step chart is shown: during a race (a line per optimizer),
/// and for a model with three or four free parameters, whose loss no curve or map shows
/// whole (the lesson's own descent, one line). Never in the first-load build, which has
/// neither.
pub fn shows_steps_chart(session: &Session) -> bool {
    racing(session) || (crate::FULL_BUILD && session.free_parameter_count() >= 3)
}

/// One Step of the race: every optimizer still going steps, and so does the lesson's own
/// descent (the γ field, the parameters, the data chart, the history) unless it has
/// stopped or cannot step; each stops on its own rule.
pub fn race_step(session: &mut Session) {
    session.race_step();
    if session.can_step() && !session.outcome().is_final() {
        session.step();
    }
}

/// Whether Step would move anything: some racer still going, or the lesson's own descent.
pub fn can_step_all(session: &Session) -> bool {
    if racing(session) {
        session.race().can_step() || (session.can_step() && !session.outcome().is_final())
    } else {
        session.can_step()
    }
}

/// Whether there is a step to take back: the descent's or the race's.
pub fn has_steps(session: &Session) -> bool {
    !session.history().is_empty() || session.race().steps() > 0
}
