//! What the two lecture charts' fixed parts depend on, as one comparable key: the loss
//! landscape along the first parameter and the data chart's window. Both depend on the
//! problem, the first parameter's range and the *other* parameters, never on the first
//! parameter itself, so a chart may keep them while the slider moves and recompute them
//! only when the key changes.

use super::Session;
use crate::analysis::LossLandscape;
use crate::data::Labels;
use crate::problem::Problem;

/// Everything the loss landscape and the data chart's window depend on: the problem, the
/// first parameter's range and the other parameters (the first is set to 0). Built only by
/// [`Session::landscape_key`], so no part can be left out.
#[derive(Clone, Debug, PartialEq)]
pub struct LandscapeKey {
    problem: Problem,
    range: (f64, f64),
    params: Vec<f64>,
}

impl Session {
    /// The key of this session's loss landscape and data window: equal for two sessions
    /// whose landscapes and windows are equal, whatever their first parameters.
    pub fn landscape_key(&self) -> LandscapeKey {
        let mut params = self.run.params().to_vec();
        if let Some(a) = params.first_mut() {
            *a = 0.0;
        }
        LandscapeKey {
            problem: self.problem.clone(),
            range: self.range(0),
            params,
        }
    }

    /// The data points as `(x, y)`, in table order.
    pub fn data_points(&self) -> Vec<(f64, f64)> {
        points_of(&self.problem)
    }

    /// The data's column names (x, y).
    pub fn data_labels(&self) -> &Labels {
        self.problem.data.labels()
    }

    /// The current model's values over the data's x range: at every data x and, for a model
    /// that is not a straight line in x, at `samples + 1` evenly spaced x between the ends.
    /// Non-finite predictions are left out. A data chart whose window holds these never
    /// clips the line the student is looking at.
    pub fn line_over_data(&self, samples: usize) -> Vec<(f64, f64)> {
        let model = &self.problem.model;
        let params = self.run.params();
        // A dataset's points are finite: at every one, ŷ is the reading's prediction.
        let points = self.problem.data.points();
        let (lo, hi) = points
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                (lo.min(p.x), hi.max(p.x))
            });
        let mut line: Vec<(f64, f64)> =
            points.iter().map(|p| p.x).zip(self.predictions()).collect();
        if !model.is_linear_in_x() && lo < hi {
            line.extend((0..=samples).map(|k| {
                let x = lo + (hi - lo) * k as f64 / samples.max(1) as f64;
                (x, model.predict(params, x))
            }));
        }
        line.retain(|(_, y)| y.is_finite());
        line
    }
}

/// The problem's data points as `(x, y)`, in table order.
fn points_of(problem: &Problem) -> Vec<(f64, f64)> {
    problem.data.points().iter().map(|p| (p.x, p.y)).collect()
}

impl LandscapeKey {
    /// How many data points the landscape is computed over.
    pub fn point_count(&self) -> usize {
        self.problem.data.len()
    }

    /// The data points as `(x, y)`, in table order.
    pub fn data_points(&self) -> Vec<(f64, f64)> {
        points_of(&self.problem)
    }

    /// L along the first parameter over the key's range (`samples` values), with its
    /// minima and maxima, the other parameters as the key holds them.
    pub fn landscape(&self, samples: usize) -> LossLandscape {
        self.problem
            .loss_landscape(&self.params, self.range, samples)
    }

    /// The model's predictions `(x, ŷ)` at every data x with the first parameter at
    /// `spread + 1` values evenly spread over its range (ends included) and at the
    /// minimum, where a closed form gives one; non-finite predictions are left out. A data
    /// chart that fits its window to these keeps the line and the residuals in view
    /// wherever the slider goes, and holds its axes still while it moves. The
    /// non-convex model's ŷ = a·x + b − 2a² is highest at an a inside the range, not at
    /// its ends, which is why the ends alone would not do.
    pub fn window_predictions(&self, spread: usize) -> Vec<(f64, f64)> {
        let (lo, hi) = self.range;
        let spread = spread.max(1);
        let with_a = |a: f64| {
            let mut at = self.params.clone();
            if let Some(first) = at.first_mut() {
                *first = a;
            }
            at
        };
        let mut settings: Vec<Vec<f64>> = (0..=spread)
            .map(|k| with_a(lo + (hi - lo) * k as f64 / spread as f64))
            .collect();
        if let Some(best) = self.problem.optimum(&self.params).unique() {
            settings.push(best.to_vec());
        }
        let model = &self.problem.model;
        let points = self.problem.data.points();
        settings
            .iter()
            .flat_map(|params| {
                points
                    .iter()
                    .map(move |p| (p.x, model.predict(params, p.x)))
                    .filter(|(_, y)| y.is_finite())
            })
            .collect()
    }
}
