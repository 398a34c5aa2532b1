//! The lessons the app opens with: the lecture's table, the same as mass and force, and
//! the non-convex example with two local minima.

use crate::data::{Dataset, Labels};
use crate::lesson::Lesson;
use crate::loss::Loss;
use crate::model::Model;
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
}

impl Preset {
    /// Every preset, in the order the picker lists them.
    pub const ALL: [Preset; 4] = [
        Preset::Lecture,
        Preset::Force,
        Preset::LocalMinima,
        Preset::Empty,
    ];

    /// The machine name: `lecture`, `force`, `local-minima`, `empty`.
    pub fn id(self) -> &'static str {
        match self {
            Preset::Lecture => "lecture",
            Preset::Force => "force",
            Preset::LocalMinima => "local-minima",
            Preset::Empty => "empty",
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
