//! The lecture as a walkthrough: its scenes as data, and where the clicker goes next.
//!
//! A [`Scene`] follows one part of the lecture's story (LECTURE.md, "The story of the
//! lecture"); it has one or more [`Beat`]s, the builds of a slide: each beat sets the
//! lesson up as the slide needs it ([`Beat::lesson`]), names its caption
//! ([`Caption`], worded by the app in both languages) and what to draw the eye to
//! ([`Highlight`]). A *stepping* beat lets the clicker take one descent step per click
//! until the run converges or diverges.
//!
//! [`Tour`] is the position in the walkthrough; [`Tour::next`] and [`Tour::previous`]
//! say what the app must do ([`Move`]), so the whole clicker logic is tested here. Adding
//! a scene is one entry in [`scenes`].

use crate::data::Labels;
use crate::lesson::Lesson;
use crate::loss::Loss;
use crate::presets;

/// What a caption says; the app words each one in Lithuanian and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Caption {
    /// Scene 1: the table, "which y?", a model is a simplification.
    Table,
    /// Scene 2: guess ŷ = a·x with a = 5.
    GuessFive,
    /// Scene 2: a = 12.
    GuessTwelve,
    /// Scene 2: a = 10.
    GuessTen,
    /// Scene 3: the columns are m and F; F = m·g with g = 9.8.
    Reveal,
    /// Scene 4: data (x, y) against the prediction ŷ.
    DataVsPrediction,
    /// Scene 5: the distances y − ŷ.
    Distances,
    /// Scene 5: their absolute values; the L1 loss.
    AbsoluteDistances,
    /// Scene 5: their squares.
    SquaredDistances,
    /// Scene 5: the sum L = Σ(y − ŷ)², the L2 loss.
    SumOfSquares,
    /// Scene 6: L worked by hand at a = 8.
    WorkedEight,
    /// Scene 6: at a = 9.
    WorkedNine,
    /// Scene 6: at a = 10.
    WorkedTen,
    /// Scene 7: min over a of L, a* = argmin L; the loss curve.
    Minimum,
    /// Scene 8: the derivative at a = 8.
    DerivativeEight,
    /// Scene 8: at a = 11.5.
    DerivativeElevenHalf,
    /// Scene 9: a := a − ∂L/∂a, without γ.
    RuleWithoutRate,
    /// Scene 9: a := a − γ·∂L/∂a with γ = 0.003.
    RuleWithRate,
    /// Scene 10: the steps, one per click, to 9.8.
    Steps,
    /// Scene 11: too large a γ diverges.
    TooLarge,
    /// Scene 12: the harder example, from a = 0.5: a local minimum.
    LocalFromRight,
    /// Scene 12: from a = −0.5: the global minimum.
    GlobalFromLeft,
    /// Scene 13: the recap.
    Recap,
}

/// The part of the screen a caption talks about. The app draws the eye to it; nothing
/// else is hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Highlight {
    /// The data table.
    Table,
    /// The data chart: points, model line and residual segments.
    DataChart,
    /// The parameter a (field and slider).
    Parameter,
    /// The loss readout (L and ∂L/∂a).
    Readouts,
    /// The worked sum.
    Worked,
    /// The loss chart (curve, minimum, tangent).
    LossChart,
    /// The learning rate γ.
    LearningRate,
    /// The descent controls and the history.
    Descent,
}

/// One build of a slide.
#[derive(Clone, Debug, PartialEq)]
pub struct Beat {
    /// What the caption says.
    pub caption: Caption,
    /// The lesson as the slide needs it, entered afresh each time the beat is entered.
    pub lesson: Lesson,
    /// What to draw the eye to.
    pub highlight: Highlight,
    /// Whether the data chart draws the squares of the residuals.
    pub squares: bool,
    /// Descent steps taken on entering (the "one step shows why" of γ = 1).
    pub steps_on_enter: usize,
    /// Whether the clicker steps until the run converges or diverges before it moves on.
    pub stepping: bool,
}

/// One scene of the walkthrough: a part of the lecture's story.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Its builds, in order (at least one).
    pub beats: Vec<Beat>,
}

/// A beat that shows `lesson` with a caption and a highlight, nothing else.
fn beat(caption: Caption, lesson: Lesson, highlight: Highlight) -> Beat {
    Beat {
        caption,
        lesson,
        highlight,
        squares: false,
        steps_on_enter: 0,
        stepping: false,
    }
}

/// The lecture's lesson with a = `a` (start and current) and γ = `learning_rate`.
fn lecture_at(a: f64, learning_rate: f64) -> Lesson {
    Lesson {
        params: vec![a],
        start: vec![a],
        learning_rate,
        ..presets::lecture()
    }
}

/// The non-convex example (b frozen at 2) starting at a = `a`.
fn two_minima_from(a: f64) -> Lesson {
    let mut lesson = presets::local_minima();
    lesson.params[0] = a;
    lesson.start[0] = a;
    lesson
}

/// Every scene, in the lecture's order (13 in all).
pub fn scenes() -> Vec<Scene> {
    use Caption as C;
    use Highlight as H;
    let gamma = 0.003;
    let lecture = |a: f64| lecture_at(a, gamma);
    let squares = |mut b: Beat| {
        b.squares = true;
        b
    };
    let stepping = |mut b: Beat| {
        b.stepping = true;
        b
    };
    let l1 = Lesson {
        loss: Loss::L1,
        ..lecture(8.0)
    };
    let force = |a: f64| {
        let mut lesson = lecture(a);
        lesson.table.labels = Labels::new("m", "F");
        lesson
    };
    let one_step = Beat {
        steps_on_enter: 1,
        ..beat(C::RuleWithoutRate, lecture_at(8.0, 1.0), H::LearningRate)
    };
    let scene = |beats: Vec<Beat>| Scene { beats };
    vec![
        scene(vec![beat(C::Table, lecture(8.0), H::Table)]),
        scene(vec![
            beat(C::GuessFive, lecture(5.0), H::DataChart),
            beat(C::GuessTwelve, lecture(12.0), H::DataChart),
            beat(C::GuessTen, lecture(10.0), H::DataChart),
        ]),
        scene(vec![beat(C::Reveal, force(9.8), H::Table)]),
        scene(vec![beat(C::DataVsPrediction, lecture(8.0), H::DataChart)]),
        scene(vec![
            beat(C::Distances, lecture(8.0), H::DataChart),
            beat(C::AbsoluteDistances, l1, H::Readouts),
            squares(beat(C::SquaredDistances, lecture(8.0), H::DataChart)),
            squares(beat(C::SumOfSquares, lecture(8.0), H::Readouts)),
        ]),
        scene(vec![
            beat(C::WorkedEight, lecture(8.0), H::Worked),
            beat(C::WorkedNine, lecture(9.0), H::Worked),
            beat(C::WorkedTen, lecture(10.0), H::Worked),
        ]),
        scene(vec![beat(C::Minimum, lecture(8.0), H::LossChart)]),
        scene(vec![
            beat(C::DerivativeEight, lecture(8.0), H::LossChart),
            beat(C::DerivativeElevenHalf, lecture(11.5), H::LossChart),
        ]),
        scene(vec![
            one_step,
            beat(C::RuleWithRate, lecture(8.0), H::LearningRate),
        ]),
        scene(vec![stepping(beat(C::Steps, lecture(8.0), H::Descent))]),
        scene(vec![stepping(beat(
            C::TooLarge,
            lecture_at(8.0, 0.01),
            H::LearningRate,
        ))]),
        scene(vec![
            stepping(beat(C::LocalFromRight, two_minima_from(0.5), H::LossChart)),
            stepping(beat(C::GlobalFromLeft, two_minima_from(-0.5), H::LossChart)),
        ]),
        scene(vec![beat(C::Recap, lecture(9.8), H::DataChart)]),
    ]
}

/// Where a `#tour=` link value leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SceneLink {
    /// A scene that exists (0-based index).
    Scene(usize),
    /// A number outside the scenes: the nearest scene (0-based index).
    Nearest(usize),
    /// Not a whole number: the walkthrough does not open.
    NotANumber,
}

/// Reads the value of a `#tour=N` link (1-based scene numbers, as the caption counts).
pub fn scene_from_link(text: &str, scene_count: usize) -> SceneLink {
    let last = scene_count.saturating_sub(1);
    let text = text.trim();
    let Ok(number) = text.parse::<i64>() else {
        // Digits too many for an i64 are still a number: far beyond the last scene.
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let index = if text.starts_with('-') { 0 } else { last };
            return SceneLink::Nearest(index);
        }
        return SceneLink::NotANumber;
    };
    match usize::try_from(number) {
        Ok(n) if (1..=scene_count).contains(&n) => SceneLink::Scene(n - 1),
        Ok(n) if n > scene_count => SceneLink::Nearest(last),
        _ => SceneLink::Nearest(0),
    }
}

/// What the app does after a clicker press.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Open the beat the tour now stands at: load its lesson, take its steps on entering.
    Enter,
    /// Take one descent step (a stepping beat whose run has not finished).
    Step,
    /// Take back the last descent step (going back through a stepping beat).
    Undo,
    /// Nothing to do: the first beat's "previous" or the last beat's "next".
    Stay,
}

/// The position in the walkthrough: a scene and one of its beats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tour {
    scene: usize,
    beat: usize,
}

impl Tour {
    /// The walkthrough at the first beat of scene `scene` (0-based; held to the last).
    pub fn at_scene(scene: usize, scenes: &[Scene]) -> Self {
        Self {
            scene: scene.min(scenes.len().saturating_sub(1)),
            beat: 0,
        }
    }

    /// The scene's index, 0-based.
    pub fn scene(&self) -> usize {
        self.scene
    }

    /// The beat's index within its scene, 0-based.
    pub fn beat_index(&self) -> usize {
        self.beat
    }

    /// The beat the tour stands at; `None` only for an empty list of scenes.
    pub fn beat<'a>(&self, scenes: &'a [Scene]) -> Option<&'a Beat> {
        scenes.get(self.scene)?.beats.get(self.beat)
    }

    /// The clicker's "next": one more step while a stepping beat's run goes on
    /// (`run_finished` is false), else the next beat, else the next scene.
    pub fn next(&mut self, scenes: &[Scene], run_finished: bool) -> Move {
        let Some(beat) = self.beat(scenes) else {
            return Move::Stay;
        };
        if beat.stepping && !run_finished {
            return Move::Step;
        }
        let beats = scenes.get(self.scene).map_or(0, |s| s.beats.len());
        if self.beat + 1 < beats {
            self.beat += 1;
            Move::Enter
        } else if self.scene + 1 < scenes.len() {
            self.scene += 1;
            self.beat = 0;
            Move::Enter
        } else {
            Move::Stay
        }
    }

    /// The clicker's "previous": in a stepping beat, one step back while the run has
    /// more steps than the beat took on entering (`steps_taken`); else the previous beat,
    /// else the previous scene's last beat, each entered in its defined state.
    pub fn previous(&mut self, scenes: &[Scene], steps_taken: usize) -> Move {
        let Some(beat) = self.beat(scenes) else {
            return Move::Stay;
        };
        if beat.stepping && steps_taken > beat.steps_on_enter {
            return Move::Undo;
        }
        if self.beat > 0 {
            self.beat -= 1;
            Move::Enter
        } else if self.scene > 0 {
            self.scene -= 1;
            self.beat = scenes
                .get(self.scene)
                .map_or(0, |s| s.beats.len().saturating_sub(1));
            Move::Enter
        } else {
            Move::Stay
        }
    }

    /// Goes to the first beat of the next scene, skipping what is left of this one (the
    /// caption bar's Next button on a stepping scene takes the clicker's way instead).
    pub fn next_scene(&mut self, scenes: &[Scene]) -> Move {
        if self.scene + 1 < scenes.len() {
            self.scene += 1;
            self.beat = 0;
            Move::Enter
        } else {
            Move::Stay
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scene_has_a_beat() {
        let scenes = scenes();
        assert_eq!(scenes.len(), 13);
        assert!(scenes.iter().all(|s| !s.beats.is_empty()));
    }

    #[test]
    fn link_values_open_the_nearest_scene_or_none() {
        assert_eq!(scene_from_link("6", 13), SceneLink::Scene(5));
        assert_eq!(scene_from_link(" 13 ", 13), SceneLink::Scene(12));
        assert_eq!(scene_from_link("0", 13), SceneLink::Nearest(0));
        assert_eq!(scene_from_link("-1", 13), SceneLink::Nearest(0));
        assert_eq!(scene_from_link("999", 13), SceneLink::Nearest(12));
        assert_eq!(
            scene_from_link("99999999999999999999999", 13),
            SceneLink::Nearest(12)
        );
        assert_eq!(scene_from_link("x", 13), SceneLink::NotANumber);
        assert_eq!(scene_from_link("", 13), SceneLink::NotANumber);
        assert_eq!(scene_from_link("6.5", 13), SceneLink::NotANumber);
    }
}
