//! A race: several optimizers, each with its own hyperparameters, from the same start,
//! stepped, undone and reset in sync; each stops on its own outcome.
//!
//! Every racer ([`Lane`]) holds a [`Run`] and its [`Settings`]. Step advances every lane
//! that has not stopped; a lane stops when it converges, reaches the step limit or
//! diverges: the loss left the finite numbers, or grew far beyond where it started
//! ([`far_beyond_the_start`]), for every optimizer alike. A few rises in a row are not
//! divergence in a race: momentum's loss rises at steps 2–3 and 9–10 on `lecture-ab` at
//! γ = 0.003 and converges, and a mini-batch's loss rises whenever the batch pulls away
//! from the full loss. (Plain descent on its own, outside a race, keeps its stricter rule
//! of three rises in a row, which is right for it on the full batch.) Undo
//! takes back the last Step for the lanes that moved in it, restoring each one's
//! optimizer state and outcome. A hyperparameter changed mid-run applies from the next
//! step on: the run continues from where it is.
//!
//! The race also holds what all lanes share: the learning-rate [`Schedule`] (γ at a
//! lane's step t is the schedule's value from the lane's γ₀) and the [`Batching`] (which
//! rows step t sees; every lane sees the same ones).
//!
//! (Over 400 lines with a reason: `Race` and its `Lane`s keep one undo log between them,
//! and every user action on the race is a method here with its part of that log; the
//! settings and the batches are in their own files.)

pub mod batch;
pub mod settings;

pub use batch::{Batching, Position};
pub use settings::{
    parse_seed, Hyperparameter, Schedule, ScheduleParameter, SettingError, Settings,
};

use crate::optimizer::{
    far_beyond_the_start, Divergence, Optimizer, Outcome, Run, State, Step, StopRule,
};
use crate::problem::Problem;

/// One racer: an optimizer's settings and its run.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    settings: Settings,
    run: Run,
    outcome: Outcome,
    /// For each Step of the race: whether this lane moved in it, and its outcome before.
    log: Vec<(bool, Outcome)>,
    /// The mini-batch gradient each of the run's steps moved by (`None`: the full one).
    estimates: Vec<Option<Vec<f64>>>,
}

impl Lane {
    fn new(settings: Settings, start: Vec<f64>) -> Self {
        Self {
            settings,
            run: Run::new(start),
            outcome: Outcome::Running,
            log: Vec::new(),
            estimates: Vec::new(),
        }
    }

    /// The optimizer's id.
    pub fn id(&self) -> &'static str {
        self.settings.id
    }

    /// Its settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Its run: start, parameters, history and optimizer state.
    pub fn run(&self) -> &Run {
        &self.run
    }

    /// Where it stands.
    pub fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// The steps this lane has taken.
    pub fn steps(&self) -> usize {
        self.run.history().len()
    }

    /// The mini-batch gradient its last step moved by; `None` for a full-batch step or
    /// before the first.
    pub fn last_estimate(&self) -> Option<&[f64]> {
        self.estimates.last().and_then(|e| e.as_deref())
    }

    /// Its path in (a, b): the start, then the parameters after each step (a model
    /// with one parameter gives b = 0).
    pub fn path(&self) -> Vec<(f64, f64)> {
        let ab = |p: &[f64]| {
            (
                p.first().copied().unwrap_or(0.0),
                p.get(1).copied().unwrap_or(0.0),
            )
        };
        std::iter::once(ab(self.run.start()))
            .chain(self.run.history().iter().map(|s| ab(&s.after)))
            .collect()
    }

    /// L after each step, from step 0 (the start): the loss-against-step chart's line.
    pub fn losses(&self) -> Vec<(usize, f64)> {
        let history = self.run.history();
        let first = history.first().map(|s| (0, s.loss_before));
        first
            .into_iter()
            .chain(
                history
                    .iter()
                    .enumerate()
                    .map(|(t, s)| (t + 1, s.loss_after)),
            )
            .collect()
    }
}

/// The race's table row of one lane ([`Race::rows`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The optimizer's id.
    pub id: &'static str,
    /// Steps taken.
    pub step: usize,
    /// The parameters now.
    pub params: Vec<f64>,
    /// L now.
    pub loss: f64,
    /// ‖∇L‖ now, the Euclidean length of the gradient (frozen parameters count 0).
    pub gradient_norm: f64,
    /// Where it stands.
    pub outcome: Outcome,
    /// Where its next step falls in the epochs.
    pub position: Position,
}

/// The numbers of one lane's update rule for the worked arithmetic: the step it would
/// take next ([`Race::next_update`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    /// The optimizer's id.
    pub id: &'static str,
    /// The step number it would be (1-based, t of `OPTIMIZERS.md`).
    pub t: usize,
    /// The γ of this step (after the schedule).
    pub learning_rate: f64,
    /// The settings (β, α, β₁, β₂, ε).
    pub settings: Settings,
    /// The gradient the step moves by: the full one, or the mini-batch's estimate.
    pub gradient: Vec<f64>,
    /// The optimizer's state before the step (fresh before the first).
    pub state_before: State,
    /// The state after it (v; s; m and v, with the count t).
    pub state_after: State,
    /// The step: θ before, L before, θ after, L after.
    pub step: Step,
}

/// Several optimizers racing from one start; see the module docs.
#[derive(Clone, Debug, PartialEq)]
pub struct Race {
    start: Vec<f64>,
    lanes: Vec<Lane>,
    schedule: Schedule,
    batching: Batching,
    rule: StopRule,
    steps: usize,
}

impl Default for Race {
    /// A race with no lane and an empty start (a lesson without a race).
    fn default() -> Self {
        Race {
            start: Vec::new(),
            lanes: Vec::new(),
            schedule: Schedule::Constant,
            batching: Batching::full(),
            rule: StopRule::default(),
            steps: 0,
        }
    }
}

impl Race {
    /// A race of `settings` (one lane each, in this order; a second lane of an id already
    /// there is dropped) from `start`, constant γ, full batch. Fails on the first
    /// setting that cannot step.
    pub fn new(start: Vec<f64>, settings: &[Settings]) -> Result<Race, SettingError> {
        let mut race = Race {
            start,
            lanes: Vec::new(),
            schedule: Schedule::Constant,
            batching: Batching::full(),
            rule: StopRule::default(),
            steps: 0,
        };
        for s in settings {
            s.validate()?;
            if race.lane(s.id).is_none() {
                race.lanes.push(Lane::new(*s, race.start.clone()));
            }
        }
        Ok(race)
    }

    /// The lanes, in the order they were ticked.
    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }

    /// The lane of optimizer `id`.
    pub fn lane(&self, id: &str) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id() == id)
    }

    /// Where every lane started.
    pub fn start(&self) -> &[f64] {
        &self.start
    }

    /// How many times Step was pressed since the start (and not undone).
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// The learning-rate schedule.
    pub fn schedule(&self) -> Schedule {
        self.schedule
    }

    /// The batching.
    pub fn batching(&self) -> Batching {
        self.batching
    }

    /// The stopping rule.
    pub fn stop_rule(&self) -> &StopRule {
        &self.rule
    }

    /// Whether a Step would move some lane.
    pub fn can_step(&self) -> bool {
        self.lanes.iter().any(|l| !l.outcome.is_final())
    }

    /// Puts optimizer `settings.id` in the race: a new lane starts at the race's start
    /// with no steps (it runs behind the others); a lane already there keeps its run and
    /// takes these settings.
    pub fn tick(&mut self, settings: Settings) -> Result<(), SettingError> {
        settings.validate()?;
        match self.lanes.iter_mut().find(|l| l.id() == settings.id) {
            Some(lane) => lane.settings = settings,
            None => {
                let mut lane = Lane::new(settings, self.start.clone());
                lane.log = vec![(false, Outcome::Running); self.steps];
                self.lanes.push(lane);
            }
        }
        Ok(())
    }

    /// Takes optimizer `id` out of the race; `false` when it was not in it.
    pub fn untick(&mut self, id: &str) -> bool {
        let before = self.lanes.len();
        self.lanes.retain(|l| l.id() != id);
        self.lanes.len() != before
    }

    /// Sets hyperparameter `which` of lane `id` to `value`, checked; the lane goes on
    /// from where it is with it (a lane stopped by divergence or the step limit may move
    /// again). Nothing changes on an error.
    pub fn set_hyperparameter(
        &mut self,
        id: &str,
        which: Hyperparameter,
        value: f64,
    ) -> Result<(), SettingError> {
        let lane = self
            .lanes
            .iter_mut()
            .find(|l| l.id() == id)
            .ok_or_else(|| SettingError::UnknownOptimizer(id.to_owned()))?;
        lane.settings = lane.settings.with(which, value)?;
        if lane.outcome.is_final() && lane.outcome != Outcome::Converged {
            lane.outcome = Outcome::Running;
        }
        Ok(())
    }

    /// Sets the schedule, checked; it applies from the next step on.
    pub fn set_schedule(&mut self, schedule: Schedule) -> Result<(), SettingError> {
        schedule.validate()?;
        self.schedule = schedule;
        Ok(())
    }

    /// Sets the batching for data of `rows` rows, checked; it applies from the next
    /// step on.
    pub fn set_batching(&mut self, batching: Batching, rows: usize) -> Result<(), SettingError> {
        batching.validate(rows)?;
        self.batching = batching;
        Ok(())
    }

    /// Sets the batching without checking its size against the rows (a size above them
    /// acts as the full batch; a size of 0 is taken as the full batch too).
    pub fn set_batching_unchecked(&mut self, batching: Batching) {
        self.batching = Batching {
            size: batching.size.filter(|&k| k > 0),
            ..batching
        };
    }

    /// Sets the stopping rule.
    pub fn set_stop_rule(&mut self, rule: StopRule) {
        self.rule = rule;
    }

    /// One step of every lane that has not stopped; `false` when none moved (each
    /// lane's outcome says why).
    pub fn step(&mut self, problem: &Problem) -> bool {
        let rows = problem.data.len();
        let mut moved = false;
        for lane in &mut self.lanes {
            let before = lane.outcome;
            if before.is_final() {
                lane.log.push((false, before));
                continue;
            }
            let t = lane.run.history().len();
            let learning_rate = self
                .schedule
                .learning_rate(lane.settings.learning_rate, t)
                .max(f64::MIN_POSITIVE);
            let Ok(optimizer) = lane.settings.optimizer_at(learning_rate) else {
                lane.log.push((false, before));
                continue;
            };
            let estimate = (!self.batching.is_full(rows))
                .then(|| batch::estimate(problem, lane.run.params(), &self.batching.rows(rows, t)));
            let outcome = match &estimate {
                Some(None) => Outcome::Diverged(Divergence::NonFinite),
                Some(Some(g)) => lane
                    .run
                    .step_using(problem, &optimizer, &self.rule, Some(g)),
                None => lane.run.step_using(problem, &optimizer, &self.rule, None),
            };
            // The race's divergence rule (see the module docs) over the optimizer's own.
            let outcome = match outcome {
                Outcome::Diverged(Divergence::LossGrowing)
                    if far_beyond_the_start(lane.run.history()).is_none() =>
                {
                    if lane.run.history().len() >= self.rule.max_steps {
                        Outcome::StepLimit
                    } else {
                        Outcome::Running
                    }
                }
                other => other,
            };
            let took = lane.run.history().len() > t;
            if took {
                lane.estimates.push(estimate.flatten());
                moved = true;
            }
            lane.log.push((took, before));
            lane.outcome = outcome;
        }
        self.steps += 1;
        moved
    }

    /// Takes back the last Step: each lane that moved in it undoes its step (its
    /// optimizer state included) and every lane gets back its outcome from before it.
    /// `false` when there is nothing to take back.
    pub fn undo(&mut self) -> bool {
        if self.steps == 0 {
            return false;
        }
        self.steps -= 1;
        for lane in &mut self.lanes {
            if let Some((took, outcome)) = lane.log.pop() {
                if took && lane.run.undo() {
                    lane.estimates.pop();
                }
                lane.outcome = outcome;
            }
        }
        true
    }

    /// Every lane back to the start, no steps.
    pub fn reset(&mut self) {
        let start = self.start.clone();
        self.restart_at(start);
    }

    /// A new start for every lane (a click on the map); the steps are forgotten.
    pub fn restart_at(&mut self, start: Vec<f64>) {
        for lane in &mut self.lanes {
            *lane = Lane::new(lane.settings, start.clone());
        }
        self.start = start;
        self.steps = 0;
    }

    /// Each lane forgets its steps but stays where it is (the data changed, and the
    /// recorded steps described another loss); the start is kept for Reset.
    pub fn resume_here(&mut self) {
        for lane in &mut self.lanes {
            let params = lane.run.params().to_vec();
            lane.run = Run::resume(self.start.clone(), params);
            lane.outcome = Outcome::Running;
            lane.log.clear();
            lane.estimates.clear();
        }
        self.steps = 0;
    }

    /// The race table: one row per lane.
    pub fn rows(&self, problem: &Problem) -> Vec<Row> {
        let rows = problem.data.len();
        self.lanes
            .iter()
            .map(|lane| {
                let eval = problem.evaluate(lane.run.params());
                Row {
                    id: lane.id(),
                    step: lane.steps(),
                    params: lane.run.params().to_vec(),
                    loss: eval.loss,
                    gradient_norm: eval.gradient.iter().map(|g| g * g).sum::<f64>().sqrt(),
                    outcome: lane.outcome,
                    position: self.batching.position(rows, lane.steps()),
                }
            })
            .collect()
    }

    /// The update lane `id` would make next, with every number of its rule; `None` for
    /// an unknown lane or a step that would not be taken.
    pub fn next_update(&self, problem: &Problem, id: &str) -> Option<Update> {
        let lane = self.lane(id)?;
        let rows = problem.data.len();
        let t = lane.run.history().len();
        let learning_rate = self
            .schedule
            .learning_rate(lane.settings.learning_rate, t)
            .max(f64::MIN_POSITIVE);
        let optimizer = lane.settings.optimizer_at(learning_rate).ok()?;
        let params = lane.run.params();
        let gradient = if self.batching.is_full(rows) {
            problem.evaluate(params).gradient
        } else {
            batch::estimate(problem, params, &self.batching.rows(rows, t))?
        };
        let state_before = lane
            .run
            .state()
            .cloned()
            .unwrap_or_else(|| optimizer.init(params.len()));
        let (step, state_after) = crate::optimizer::take_step_using(
            &optimizer,
            problem,
            params,
            &state_before,
            Some(&gradient),
        )?;
        Some(Update {
            id: lane.id(),
            t: t + 1,
            learning_rate,
            settings: lane.settings,
            gradient,
            state_before,
            state_after,
            step,
        })
    }
}
