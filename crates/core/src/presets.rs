//! The lessons the app opens with: the lecture's table, the same as mass and force, the
//! non-convex example with two local minima, and the two-parameter races of issue 10
//! (`lecture-ab`, `ravine`, `noisy-line`, `non-convex-ab`).

use crate::data::{Dataset, Labels};
use crate::lesson::{Lesson, RaceSetup};
use crate::loss::Loss;
use crate::model::Model;
use crate::race::{Batching, Hyperparameter, Settings};
use crate::table::Table;
use serde::{Deserialize, Serialize};

/// A named starting lesson.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// The lecture's table (x, y), ŷ = a·x, a = 8, γ = 0.003.
    #[default]
    Lecture,
    /// The same table as mass m and force F (F = m·g, g = 9.8).
    Force,
    /// The non-convex example ŷ = a·x + b − 2a² with b frozen at 2: two local minima.
    LocalMinima,
    /// An empty table to fill in.
    Empty,
    /// The lecture's table with ŷ = a·x + b from (8, 0), γ = 0.003: plain descent and
    /// momentum racing down a long, narrow valley (condition number about 159).
    LectureAb,
    /// Five points with x from 5 to 15 (x far from 0 against its spread): a ravine 1 000
    /// times steeper across than along, where plain descent zigzags and momentum and
    /// Adam win clearly.
    Ravine,
    /// 200 points around y = 1.5·x + 2 with seeded noise, in mini-batches of 20.
    NoisyLine,
    /// The non-convex example with b free: ŷ = a·x + b − 2a² over (a, b).
    NonConvexAb,
}

impl Preset {
    /// Every preset, in the order the picker lists them.
    pub const ALL: [Preset; 8] = [
        Preset::Lecture,
        Preset::Force,
        Preset::LocalMinima,
        Preset::Empty,
        Preset::LectureAb,
        Preset::Ravine,
        Preset::NoisyLine,
        Preset::NonConvexAb,
    ];

    /// The machine name: `lecture`, `force`, `local-minima`, `empty`, `lecture-ab`,
    /// `ravine`, `noisy-line`, `non-convex-ab`.
    pub fn id(self) -> &'static str {
        match self {
            Preset::Lecture => "lecture",
            Preset::Force => "force",
            Preset::LocalMinima => "local-minima",
            Preset::Empty => "empty",
            Preset::LectureAb => "lecture-ab",
            Preset::Ravine => "ravine",
            Preset::NoisyLine => "noisy-line",
            Preset::NonConvexAb => "non-convex-ab",
        }
    }

    /// The preset with the given [`Preset::id`].
    pub fn from_id(id: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Whether `lesson` still holds this example: its table (cells as typed, column
    /// names), model, loss and frozen parameters. Parameters, γ and the run may differ:
    /// stepping through an example does not leave it, editing its table does.
    pub fn matches(self, lesson: &Lesson) -> bool {
        let example = self.lesson();
        lesson.table == example.table
            && lesson.model == example.model
            && lesson.loss == example.loss
            && lesson.frozen == example.frozen
    }

    /// The lesson this preset opens.
    pub fn lesson(self) -> Lesson {
        match self {
            Preset::Lecture => lecture(),
            Preset::Force => force(),
            Preset::LocalMinima => local_minima(),
            Preset::Empty => empty(),
            Preset::LectureAb => lecture_ab(),
            Preset::Ravine => ravine(),
            Preset::NoisyLine => noisy_line(),
            Preset::NonConvexAb => non_convex_ab(),
        }
    }
}

/// The lecture's data: x = 2, 4.5, 10 and y = 19.6, 44.1, 98.
pub const LECTURE_POINTS: [(f64, f64); 3] = [(2.0, 19.6), (4.5, 44.1), (10.0, 98.0)];

/// The non-convex example's data.
pub const LOCAL_MINIMA_POINTS: [(f64, f64); 4] =
    [(-0.3, 1.9), (-0.2, 1.85), (0.2, 1.85), (0.3, 1.85)];

fn table(labels: Labels, points: &[(f64, f64)]) -> Table {
    let mut data = Dataset::from_pairs(points).unwrap_or_default();
    data.set_labels(labels);
    Table::from_dataset(&data)
}

/// The lecture: ŷ = a·x on the (x, y) table, the L2 loss, starting at a = 8, γ = 0.003.
pub fn lecture() -> Lesson {
    Lesson {
        table: table(Labels::default(), &LECTURE_POINTS),
        model: Model::Linear,
        loss: Loss::L2,
        frozen: vec![false],
        params: vec![8.0],
        start: vec![8.0],
        learning_rate: 0.003,
        race: Box::default(),
    }
}

/// The lecture's table as mass and force: F = m·g, and descent finds g = 9.8.
pub fn force() -> Lesson {
    Lesson {
        table: table(Labels::new("m", "F"), &LECTURE_POINTS),
        ..lecture()
    }
}

/// The non-convex example: ŷ = a·x + b − 2a² with b frozen at 2, starting at a = 0.5,
/// γ = 0.05. From there descent ends in the local minimum near 0.242; from a start
/// left of the maximum near 0.008 it finds the global one at −0.25.
pub fn local_minima() -> Lesson {
    Lesson {
        table: table(Labels::default(), &LOCAL_MINIMA_POINTS),
        model: Model::NonConvex,
        loss: Loss::L2,
        frozen: vec![false, true],
        params: vec![0.5, 2.0],
        start: vec![0.5, 2.0],
        learning_rate: 0.05,
        race: Box::default(),
    }
}

/// An empty table with the lecture's model, to fill in by hand.
pub fn empty() -> Lesson {
    Lesson {
        table: Table::new(Labels::default(), Vec::new()),
        params: vec![1.0],
        start: vec![1.0],
        ..lecture()
    }
}

/// The optimizers `ids` with their defaults, at learning rates `rates`.
fn racers(ids: &[(&str, f64)]) -> Vec<Settings> {
    ids.iter()
        .filter_map(|&(id, rate)| {
            Settings::defaults(id).and_then(|s| s.with(Hyperparameter::LearningRate, rate).ok())
        })
        .collect()
}

/// A two-parameter lesson of `model` on `table`, from `start`, racing `ids`.
fn race_lesson(table: Table, model: Model, start: [f64; 2], ids: &[(&str, f64)]) -> Lesson {
    let racers = racers(ids);
    Lesson {
        table,
        model,
        loss: Loss::L2,
        frozen: vec![false, false],
        params: start.to_vec(),
        start: start.to_vec(),
        learning_rate: racers.first().map_or(0.003, |s| s.learning_rate),
        race: Box::new(RaceSetup {
            racers,
            ..RaceSetup::default()
        }),
    }
}

/// `lecture-ab`: the lecture's table, ŷ = a·x + b, start (8, 0), γ = 0.003, plain
/// descent and momentum. After 100 steps plain descent still has b ≈ 0.147 (the minimum
/// has b = 0); momentum has L < 0.001.
pub fn lecture_ab() -> Lesson {
    race_lesson(
        table(Labels::default(), &LECTURE_POINTS),
        Model::Affine,
        [8.0, 0.0],
        &[("gd", 0.003), ("momentum", 0.003)],
    )
}

/// The ravine's data: y = 2x + 5 with a little noise, x from 5 to 15.
pub const RAVINE_POINTS: [(f64, f64); 5] = [
    (5.0, 15.3),
    (7.5, 19.8),
    (10.0, 25.1),
    (12.5, 29.75),
    (15.0, 35.15),
];

/// `ravine`: x far from 0 against its spread, so the valley is about 1 000 times
/// steeper across than along (Hessian eigenvalues ≈ 1 134 and 1.10). From (0, 0), plain
/// descent at γ = 0.0015 (above 1/λmax, below the limit 2/λmax ≈ 0.00176) zigzags across
/// the valley and crawls along it; momentum at the same γ and Adam at γ = 0.3 reach the
/// minimum (1.986, 5.16). (With x around 100 the valley would be millions of times
/// steeper across than along, and no method would get anywhere in a lesson's steps.)
pub fn ravine() -> Lesson {
    race_lesson(
        table(Labels::default(), &RAVINE_POINTS),
        Model::Affine,
        [0.0, 0.0],
        &[("gd", 0.0015), ("momentum", 0.0015), ("adam", 0.3)],
    )
}

/// How many points `noisy-line` has.
pub const NOISY_LINE_POINTS: usize = 200;

/// The seed of `noisy-line`'s noise (and of its batches).
pub const NOISY_LINE_SEED: u64 = 10;

/// `noisy-line`: 200 points with x evenly from 0 to 9.95 and y = 1.5·x + 2 plus noise
/// (the mean of three uniform draws from PCG32 with seed [`NOISY_LINE_SEED`], scaled to
/// ±1.5), cells rounded to two decimals; plain descent and Adam in mini-batches of 20.
pub fn noisy_line() -> Lesson {
    let mut rng = oorandom::Rand32::new(NOISY_LINE_SEED);
    let points: Vec<(f64, f64)> = (0..NOISY_LINE_POINTS)
        .map(|i| {
            let x = i as f64 * 0.05;
            let noise: f64 = (0..3).map(|_| f64::from(rng.rand_float())).sum::<f64>() - 1.5;
            let y = 1.5 * x + 2.0 + noise;
            (x, (y * 100.0).round() / 100.0)
        })
        .collect();
    let mut lesson = race_lesson(
        table(Labels::default(), &points),
        Model::Affine,
        [0.0, 0.0],
        &[("gd", 0.0001), ("adam", 0.1)],
    );
    lesson.race.batching = Batching {
        size: Some(20),
        seed: NOISY_LINE_SEED,
    };
    lesson
}

/// `non-convex-ab`: the non-convex example with b free, from (0.5, 2), γ = 0.05, plain
/// descent and momentum. With b free, ŷ = a·x + b − 2a² is the line a·x + c with
/// c = b − 2a², so the map shows one valley curved along the parabola b = c* + 2a², not
/// two; its one minimum is the line fit's (a*, c* + 2a*²).
pub fn non_convex_ab() -> Lesson {
    race_lesson(
        table(Labels::default(), &LOCAL_MINIMA_POINTS),
        Model::NonConvex,
        [0.5, 2.0],
        &[("gd", 0.05), ("momentum", 0.05)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_is_left_by_editing_its_data_not_by_stepping_through_it() {
        for preset in Preset::ALL {
            let mut lesson = preset.lesson();
            assert!(preset.matches(&lesson), "{preset:?}");
            lesson.params[0] += 1.0;
            lesson.learning_rate *= 2.0;
            assert!(
                preset.matches(&lesson),
                "{preset:?}: a and γ are not the example"
            );
        }
        let mut edited = Preset::Lecture.lesson();
        edited.table.rows[1][1] = "44".to_owned();
        assert!(!Preset::Lecture.matches(&edited));
        let mut renamed = Preset::Lecture.lesson();
        renamed.table.labels = Labels::new("m", "F");
        assert!(!Preset::Lecture.matches(&renamed));
        assert!(Preset::Force.matches(&renamed));
        let mut other_loss = Preset::Lecture.lesson();
        other_loss.loss = Loss::L1;
        assert!(!Preset::Lecture.matches(&other_loss));
        assert!(!Preset::Empty.matches(&Preset::Lecture.lesson()));
    }
}
