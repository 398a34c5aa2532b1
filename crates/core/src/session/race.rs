//! The session's race and loss map: what the race table, the surface view and the
//! optimizers' worked arithmetic call. The race is built from the lesson's
//! [`crate::lesson::RaceSetup`] and every change to it is written back there, so a share
//! link and saved work carry it.
//!
//! A lesson without racers (every version-1 lesson) has an empty race: the existing
//! Step, Undo and Reset of the one gradient descent are untouched by it.

use super::Session;
use crate::optimizer::IDS;
use crate::race::{
    parse_seed, Batching, Hyperparameter, Lane, Race, Row, Schedule, ScheduleParameter,
    SettingError, Settings, Update,
};
use crate::surface::{Contour, LearningRateLimits, Minimum, Surface, View};
use crate::table::{parse_number, NumberError};

/// A hyperparameter, batch size or seed typed in its field that cannot be used; the
/// field keeps the text and no step is taken with it.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingInputError {
    /// Not a number at all (empty, letters, `NaN`, beyond f64: `1e309`).
    Number(NumberError),
    /// A number, but out of range for this setting.
    Setting(SettingError),
}

impl std::fmt::Display for SettingInputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingInputError::Number(e) => e.fmt(f),
            SettingInputError::Setting(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SettingInputError {}

impl From<SettingError> for SettingInputError {
    fn from(e: SettingError) -> Self {
        SettingInputError::Setting(e)
    }
}

/// The loss map for the screen: the grid, its contour lines, the minimum and the
/// valley's learning-rate limits ([`Session::map_surface`]).
#[derive(Clone, Debug, PartialEq)]
pub struct MapSurface {
    /// L over the view: values, shades for the bitmap, too-large cells.
    pub surface: Surface,
    /// The contour lines, lowest level first.
    pub contours: Vec<Contour>,
    /// The lowest point: closed form, or the refined lowest cell.
    pub minimum: Option<Minimum>,
    /// For a model linear in its parameters with L2 or MSE: the limits 2/λmax (GD),
    /// 2(1 + β)/λmax (momentum), … of the constant Hessian.
    pub limits: Option<LearningRateLimits>,
    /// λmax/λmin of that Hessian (about 159 on `lecture-ab`).
    pub condition_number: Option<f64>,
}

/// One racer's last mini-batch step, for the map's pair of arrows: where the step started,
/// the full gradient there and the mini-batch estimate it moved by, each as (∂L/∂a, ∂L/∂b)
/// ([`Session::race_batch_arrows`]).
#[derive(Clone, Debug, PartialEq)]
pub struct BatchArrows {
    /// The optimizer's id.
    pub id: &'static str,
    /// (a, b) where the step started.
    pub at: (f64, f64),
    /// ∇L over every row there.
    pub full: (f64, f64),
    /// The mini-batch's estimate of it (scaled n/k), which the step followed.
    pub batch: (f64, f64),
}

impl Session {
    /// For each racer whose last step used a mini-batch (batch size below n): where it
    /// started, the full gradient and the mini-batch estimate. Empty for full batches.
    pub fn race_batch_arrows(&self) -> Vec<BatchArrows> {
        let two = |v: &[f64]| {
            (
                v.first().copied().unwrap_or(0.0),
                v.get(1).copied().unwrap_or(0.0),
            )
        };
        self.race
            .lanes()
            .iter()
            .filter_map(|lane| {
                let batch = lane.last_estimate()?;
                let step = lane.run().history().last()?;
                Some(BatchArrows {
                    id: lane.id(),
                    at: two(&step.before),
                    full: two(&step.gradient),
                    batch: two(batch),
                })
            })
            .collect()
    }

    /// The race the lesson describes, from its start.
    pub(super) fn race_from_lesson(&self) -> Race {
        let setup = &self.lesson.race;
        let mut race = Race::new(self.lesson.start.clone(), &setup.racers)
            .unwrap_or_else(|_| Race::new(self.lesson.start.clone(), &[]).unwrap_or_default());
        let _ = race.set_schedule(setup.schedule);
        // A batch larger than the table acts as the full batch (the rows may have been
        // deleted since it was set).
        race.set_batching_unchecked(setup.batching);
        race
    }

    /// The data, the model or the loss changed: each lane forgets its steps and stays
    /// where it is; a model with another number of parameters restarts the race at the
    /// lesson's start.
    pub(super) fn race_problem_changed(&mut self) {
        if self.race.start().len() != self.lesson.start.len() {
            self.race.restart_at(self.lesson.start.clone());
        } else {
            self.race.resume_here();
        }
    }

    /// Writes the race's settings back into the lesson.
    fn race_changed(&mut self) {
        self.lesson.race.racers = self.race.lanes().iter().map(|l| *l.settings()).collect();
        self.lesson.race.schedule = self.race.schedule();
        self.lesson.race.batching = self.race.batching();
    }

    /// The race.
    pub fn race(&self) -> &Race {
        &self.race
    }

    /// Whether optimizer `id` is in the race.
    pub fn is_racing(&self, id: &str) -> bool {
        self.race.lane(id).is_some()
    }

    /// Ticks or unticks optimizer `id` (a new lane starts at the race's start with its
    /// default settings).
    pub fn set_racing(&mut self, id: &str, racing: bool) -> Result<(), SettingError> {
        if racing {
            if self.race.lane(id).is_none() {
                let settings = Settings::defaults(id)
                    .ok_or_else(|| SettingError::UnknownOptimizer(id.to_owned()))?;
                self.race.tick(settings)?;
            }
        } else {
            self.race.untick(id);
        }
        self.race_changed();
        Ok(())
    }

    /// Every optimizer the race can hold, by id, in the order the app lists them.
    pub fn optimizer_ids() -> impl Iterator<Item = &'static str> {
        IDS.into_iter()
    }

    /// One Step of every lane still going; `false` when none moved.
    pub fn race_step(&mut self) -> bool {
        self.race.step(&self.problem)
    }

    /// Takes back the race's last Step; `false` when there is none.
    pub fn race_undo(&mut self) -> bool {
        self.race.undo()
    }

    /// Every lane back to the start.
    pub fn race_reset(&mut self) {
        self.race.reset();
    }

    /// A new start for every lane (a click on the map), within ±10¹²; the lesson's start
    /// and parameters move there too.
    pub fn race_start_at(&mut self, a: f64, b: f64) -> bool {
        let bound = crate::range::PARAM_BOUND;
        if !(a.is_finite() && b.is_finite() && self.lesson.model.param_count() >= 2) {
            return false;
        }
        let (a, b) = (a.clamp(-bound, bound), b.clamp(-bound, bound));
        let mut start = self.lesson.start.clone();
        if let Some(s) = start.get_mut(0) {
            *s = a;
        }
        if let Some(s) = start.get_mut(1) {
            *s = b;
        }
        self.set_param(0, a);
        self.set_param(1, b);
        self.race.restart_at(start);
        true
    }

    /// The race table: step, parameters, L, ‖∇L‖, outcome and epoch of each lane.
    pub fn race_rows(&self) -> Vec<Row> {
        self.race.rows(&self.problem)
    }

    /// Each lane's path in (a, b), by id.
    pub fn race_paths(&self) -> Vec<(&'static str, Vec<(f64, f64)>)> {
        self.race
            .lanes()
            .iter()
            .map(|l| (l.id(), l.path()))
            .collect()
    }

    /// Each lane's L against the step, by id (the loss-against-step chart).
    pub fn race_losses(&self) -> Vec<(&'static str, Vec<(usize, f64)>)> {
        self.race
            .lanes()
            .iter()
            .map(|l| (l.id(), l.losses()))
            .collect()
    }

    /// The lane of optimizer `id`.
    pub fn race_lane(&self, id: &str) -> Option<&Lane> {
        self.race.lane(id)
    }

    /// The numbers of lane `id`'s next update, for its worked arithmetic.
    pub fn race_update(&self, id: &str) -> Option<Update> {
        self.race.next_update(&self.problem, id)
    }

    /// Reads `text` as hyperparameter `which` of lane `id` (decimal comma, Unicode
    /// minus and the rest as the γ field reads them) and sets it; the lane goes on from
    /// where it is. Nothing changes on an error.
    pub fn set_hyperparameter_text(
        &mut self,
        id: &str,
        which: Hyperparameter,
        text: &str,
    ) -> Result<f64, SettingInputError> {
        let value = parse_number(text).map_err(SettingInputError::Number)?;
        self.set_hyperparameter(id, which, value)?;
        Ok(value)
    }

    /// The largest stable γ of lane `id` with its current β, where the loss's Hessian is
    /// constant (a model linear in its parameters, L2 or MSE): 2/λmax for GD (≈ 0.00791
    /// on `lecture-ab`, 1/Σx² ≈ 0.008048 for ŷ = a·x), 2(1 + β)/λmax for momentum,
    /// 2(1 + β)/((1 + 2β)·λmax) for Nesterov. `None` for RMSProp and Adam (their step
    /// adapts to the gradient: no such bound), another loss or model, or no lane `id`.
    pub fn race_learning_rate_limit(&self, id: &str) -> Option<f64> {
        let settings = self.race.lane(id)?.settings();
        let limits =
            crate::surface::learning_rate_limits(2.0 / self.problem.learning_rate_limit()?)?;
        match id {
            crate::optimizer::gd::ID => Some(limits.gd()),
            crate::optimizer::momentum::ID => Some(limits.momentum(settings.beta)),
            crate::optimizer::nesterov::ID => Some(limits.nesterov(settings.beta)),
            _ => None,
        }
        .filter(|l| l.is_finite() && *l > 0.0)
    }

    /// Sets hyperparameter `which` of lane `id` to `value`, checked.
    pub fn set_hyperparameter(
        &mut self,
        id: &str,
        which: Hyperparameter,
        value: f64,
    ) -> Result<(), SettingError> {
        self.race.set_hyperparameter(id, which, value)?;
        self.race_changed();
        Ok(())
    }

    /// Sets the learning-rate schedule, checked.
    pub fn set_schedule(&mut self, schedule: Schedule) -> Result<(), SettingError> {
        self.race.set_schedule(schedule)?;
        self.race_changed();
        Ok(())
    }

    /// Reads `text` as the schedule's number `which` (decimal comma and the rest as the
    /// γ field reads them) and sets it; the racers go on from where they are with it.
    /// Nothing changes on an error.
    pub fn set_schedule_parameter_text(
        &mut self,
        which: ScheduleParameter,
        text: &str,
    ) -> Result<f64, SettingInputError> {
        let value = parse_number(text).map_err(SettingInputError::Number)?;
        let schedule = self.race.schedule().with(which, value)?;
        self.set_schedule(schedule)?;
        Ok(value)
    }

    /// Reads the batch-size field: empty or `n` for the full batch, else a whole number
    /// from 1 to the table's n; the lanes go on from where they are.
    pub fn set_batch_size_text(&mut self, text: &str) -> Result<Option<usize>, SettingInputError> {
        let trimmed = text.trim();
        let rows = self.problem.data.len();
        let size = if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("n") {
            None
        } else {
            let value = parse_number(trimmed).map_err(SettingInputError::Number)?;
            if value.fract() != 0.0 || value < 0.0 || value > usize::MAX as f64 {
                return Err(SettingError::BatchSize { size: 0, rows }.into());
            }
            Some(value as usize)
        };
        let batching = Batching {
            size,
            ..self.race.batching()
        };
        self.race.set_batching(batching, rows)?;
        self.race_changed();
        Ok(size)
    }

    /// Reads the seed field: a whole number from 0 to 2⁶⁴ − 1.
    pub fn set_seed_text(&mut self, text: &str) -> Result<u64, SettingInputError> {
        let seed = parse_seed(text)?;
        let batching = Batching {
            seed,
            ..self.race.batching()
        };
        self.race.set_batching_unchecked(batching);
        self.race_changed();
        Ok(seed)
    }

    /// The map's view: the one the student chose, else the automatic one, which holds
    /// still while the point moves inside it and while a data point is dragged (see
    /// `map.rs`). `None` for a model with fewer than two parameters.
    pub fn map_view(&self) -> Option<View> {
        if self.lesson.model.param_count() < 2 {
            return None;
        }
        if let Some(view) = self.lesson.race.view.or(self.map_held) {
            return Some(view);
        }
        self.automatic_map_view()
    }

    /// Sets the map's view (zoom, pan), or `None` to fit it again.
    pub fn set_map_view(&mut self, view: Option<View>) {
        self.lesson.race.view = view.map(|v| View::new(v.a, v.b));
    }

    /// The loss map over [`Session::map_view`] at `columns` × `rows` cells, with
    /// [`crate::surface::DEFAULT_LEVELS`] contour levels, the minimum and the limits; `None`
    /// for a model with fewer than two parameters. The same as [`Session::map_key`]'s surface.
    pub fn map_surface(&self, columns: usize, rows: usize) -> Option<MapSurface> {
        self.map_key()?.surface(columns, rows)
    }
}
