//! Mini-batch and stochastic descent: which rows each step sees, shuffled each epoch by
//! a seeded generator, and the gradient they estimate.
//!
//! The generator is oorandom's PCG32 (pinned in Cargo.toml): plain 64-bit integer
//! arithmetic, so a seed gives the same shuffles on every machine and in wasm, and a
//! shared link the same path. Epoch e's order is a Fisher–Yates shuffle drawn from the
//! stream `Rand32::new_inc(seed, e)`, so it depends on the seed and the epoch only: Undo
//! and Reset need no generator state, and every racer sees the same batches.

use super::settings::SettingError;
use crate::data::Dataset;
use crate::problem::Problem;
use oorandom::Rand32;

/// The seed a new lesson uses.
pub const DEFAULT_SEED: u64 = 1;

/// How many rows each step sees, and the seed of their order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Batching {
    /// Rows a step sees: `None` for all of them (full batch, the lecture's), `Some(1)`
    /// for stochastic descent, `Some(k)` for mini-batches of k.
    pub size: Option<usize>,
    /// The shuffles' seed.
    pub seed: u64,
}

/// Where a step falls in the epochs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Completed epochs (passes over all rows) before this step.
    pub epoch: usize,
    /// The batch within the epoch, from 0.
    pub batch: usize,
    /// Batches an epoch has: ⌈n/k⌉.
    pub batches_per_epoch: usize,
}

impl Batching {
    /// Full batch with the default seed.
    pub fn full() -> Self {
        Self {
            size: None,
            seed: DEFAULT_SEED,
        }
    }

    /// Whether the size is usable with `rows` rows: from 1 to `rows` (full batch always
    /// is).
    pub fn validate(&self, rows: usize) -> Result<(), SettingError> {
        match self.size {
            Some(size) if size == 0 || size > rows => Err(SettingError::BatchSize { size, rows }),
            _ => Ok(()),
        }
    }

    /// Whether every step sees every row: no size, or a size of all `rows` (the order
    /// of the rows changes nothing then, so the step is the full-batch one exactly).
    pub fn is_full(&self, rows: usize) -> bool {
        self.size.is_none_or(|k| k >= rows)
    }

    /// The rows a batch holds (k, or the whole table when it is full).
    fn width(&self, rows: usize) -> usize {
        self.size.map_or(rows, |k| k.clamp(1, rows.max(1)))
    }

    /// Where step t (0-based) falls: its epoch and batch.
    pub fn position(&self, rows: usize, t: usize) -> Position {
        let k = self.width(rows).max(1);
        let batches_per_epoch = rows.div_ceil(k).max(1);
        Position {
            epoch: t / batches_per_epoch,
            batch: t % batches_per_epoch,
            batches_per_epoch,
        }
    }

    /// The rows (indices into the data) step t sees; all rows in order when the batch
    /// is full. The last batch of an epoch holds what is left when k does not divide n.
    pub fn rows(&self, rows: usize, t: usize) -> Vec<usize> {
        if self.is_full(rows) {
            return (0..rows).collect();
        }
        let k = self.width(rows);
        let at = self.position(rows, t);
        let order = shuffle(rows, self.seed, at.epoch as u64);
        let from = (at.batch * k).min(rows);
        order
            .get(from..(from + k).min(rows))
            .unwrap_or(&[])
            .to_vec()
    }
}

/// The rows 0..n in the order of epoch `epoch` for `seed`: Fisher–Yates from PCG32's
/// stream `epoch`.
pub fn shuffle(rows: usize, seed: u64, epoch: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows).collect();
    let mut rng = Rand32::new_inc(seed, epoch);
    for i in (1..rows).rev() {
        let bound = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let j = rng.rand_range(0..bound) as usize;
        order.swap(i, j);
    }
    order
}

/// The gradient of `problem`'s loss over the rows `batch` at `params`, scaled to
/// estimate the full one: by n/|B| for a sum (L2, L1), by 1 for a mean (the batch's
/// mean already estimates the mean). Frozen parameters' entries are 0. `None` for an
/// empty batch.
pub fn estimate(problem: &Problem, params: &[f64], batch: &[usize]) -> Option<Vec<f64>> {
    let points = problem.data.points();
    let chosen: Vec<_> = batch
        .iter()
        .filter_map(|&i| points.get(i).copied())
        .collect();
    if chosen.is_empty() {
        return None;
    }
    let (n, k) = (points.len(), chosen.len());
    let data = Dataset::new(problem.data.labels().clone(), chosen).ok()?;
    let sub = Problem {
        data,
        model: problem.model.clone(),
        loss: problem.loss,
        frozen: problem.frozen.clone(),
    };
    let factor = n as f64 / k as f64 * problem.loss.scale(n) / problem.loss.scale(k);
    Some(
        sub.evaluate(params)
            .gradient
            .iter()
            .map(|g| g * factor)
            .collect(),
    )
}
