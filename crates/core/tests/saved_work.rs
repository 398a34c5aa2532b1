//! Whatever a student does to a lesson, the lesson can be saved and reopened exactly:
//! every state the editing methods can reach passes the decoder's validation. Saved work
//! and share links are decoded with [`Lesson::from_json`] / [`Lesson::from_link`], so a
//! state they refuse would be lost on the next reload.

use descent_core::analysis::PARAM_BOUND;
use descent_core::lesson::{Lesson, MAX_LABEL_CHARS};
use descent_core::optimizer::Divergence;
use descent_core::presets::Preset;
use descent_core::{Loss, Model, Outcome, Session};
use proptest::prelude::*;

fn assert_reopens(session: &Session) {
    let lesson = session.lesson().clone();
    assert_eq!(Lesson::from_json(&lesson.to_json()), Ok(lesson.clone()));
    assert_eq!(Lesson::from_link(&lesson.to_link()), Ok(lesson));
}

#[test]
fn stepping_far_above_the_learning_rate_limit_stops_within_bounds() {
    for gamma in ["10", "1000", "1e6", "1e300"] {
        let mut session = Session::new(Preset::Lecture.lesson());
        session.set_learning_rate_text(gamma);
        // Clicking Step on and on after the run has diverged, as a curious student does.
        for _ in 0..20 {
            session.step();
            assert!(
                session.params().iter().all(|a| a.abs() <= PARAM_BOUND),
                "γ = {gamma}"
            );
            assert_reopens(&session);
        }
        assert_eq!(
            session.outcome(),
            Outcome::Diverged(Divergence::NonFinite),
            "γ = {gamma}: the step that would leave the bounds is refused"
        );
    }
}

#[test]
fn a_cell_longer_than_a_number_can_be_is_kept_and_saved() {
    let mut session = Session::new(Preset::Lecture.lesson());
    let long = "1".repeat(5_000);
    session.set_cell(0, 1, &long);
    assert_eq!(session.lesson().table.rows[0][1], long);
    assert_eq!(session.conversion().ignored_rows, vec![0]);
    assert_reopens(&session);
}

#[test]
fn a_long_pasted_header_is_cut_like_a_typed_label_and_saved() {
    let mut session = Session::new(Preset::Lecture.lesson());
    let name = "m".repeat(MAX_LABEL_CHARS + 50);
    assert!(session.paste(&format!("{name}\tF\n2\t19.6\n")).is_ok());
    assert_eq!(session.lesson().table.labels.x, "m".repeat(MAX_LABEL_CHARS));
    assert_eq!(session.lesson().table.labels.y, "F");
    assert_reopens(&session);
}

/// One thing a student can do to a lesson.
#[derive(Clone, Debug)]
enum Action {
    Cell(usize, usize, String),
    Label(usize, String),
    Paste(String),
    LearningRate(String),
    Param(usize, f64),
    Model(Model),
    Loss(Loss),
    Freeze(usize, bool),
    Steps(usize),
    Undo,
    UndoEdit,
    AddRow,
    DeleteRow(usize),
    MovePoint(usize, f64, f64),
    AddPoint(f64, f64),
}

fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<f64>().prop_map(|v| format!("{v}")),
        any::<f64>().prop_map(|v| format!("{v:e}")),
        Just("1e308".to_owned()),
        Just("-0".to_owned()),
        Just("−4,5".to_owned()),
        "\\PC{0,30}",
        "[0-9]{300,1200}",
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let any_number = prop_oneof![any::<f64>(), -1e3..1e3f64, Just(f64::MAX), Just(f64::NAN)];
    prop_oneof![
        (0..5usize, 0..2usize, number_text()).prop_map(|(r, c, t)| Action::Cell(r, c, t)),
        (0..2usize, "\\PC{0,150}").prop_map(|(c, t)| Action::Label(c, t)),
        prop::collection::vec((number_text(), number_text()), 0..6).prop_map(|rows| {
            let mut text = "x\ty\n".to_owned();
            for (x, y) in rows {
                text.push_str(&format!("{x}\t{y}\n"));
            }
            Action::Paste(text)
        }),
        "\\PC{0,150}\t[a-z]{0,5}\n1\t2\n".prop_map(Action::Paste),
        prop_oneof![
            number_text(),
            Just("10".to_owned()),
            Just("1e6".to_owned()),
            Just("1e300".to_owned())
        ]
        .prop_map(Action::LearningRate),
        (0..2usize, any_number.clone()).prop_map(|(i, v)| Action::Param(i, v)),
        prop::sample::select(Model::ALL.to_vec()).prop_map(Action::Model),
        prop::sample::select(Loss::ALL.to_vec()).prop_map(Action::Loss),
        (0..2usize, any::<bool>()).prop_map(|(i, f)| Action::Freeze(i, f)),
        (1..30usize).prop_map(Action::Steps),
        Just(Action::Undo),
        Just(Action::UndoEdit),
        Just(Action::AddRow),
        (0..5usize).prop_map(Action::DeleteRow),
        (0..5usize, any_number.clone(), any_number.clone())
            .prop_map(|(r, x, y)| Action::MovePoint(r, x, y)),
        (any_number.clone(), any_number).prop_map(|(x, y)| Action::AddPoint(x, y)),
    ]
}

fn apply(session: &mut Session, action: &Action) {
    match action {
        Action::Cell(r, c, t) => session.set_cell(*r, *c, t),
        Action::Label(c, t) => session.set_label(*c, t),
        Action::Paste(t) => {
            let _ = session.paste(t);
        }
        Action::LearningRate(t) => session.set_learning_rate_text(t),
        Action::Param(i, v) => {
            session.set_param(*i, *v);
        }
        Action::Model(m) => session.set_model(m.clone()),
        Action::Loss(l) => session.set_loss(*l),
        Action::Freeze(i, f) => session.set_frozen(*i, *f),
        Action::Steps(n) => {
            for _ in 0..*n {
                session.step();
            }
        }
        Action::Undo => {
            session.undo();
        }
        Action::UndoEdit => {
            session.undo_edit();
        }
        Action::AddRow => session.add_row(),
        Action::DeleteRow(r) => session.delete_row(*r),
        Action::MovePoint(r, x, y) => {
            session.move_point(*r, *x, *y);
        }
        Action::AddPoint(x, y) => {
            session.add_point(*x, *y);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn every_lesson_reached_by_editing_reopens_exactly(
        preset in prop::sample::select(Preset::ALL.to_vec()),
        actions in prop::collection::vec(action(), 1..12),
    ) {
        let mut session = Session::new(preset.lesson());
        for action in &actions {
            apply(&mut session, action);
            let lesson = session.lesson();
            prop_assert_eq!(Lesson::from_json(&lesson.to_json()), Ok(lesson.clone()), "after {:?}", action);
        }
        let lesson = session.lesson().clone();
        prop_assert_eq!(Lesson::from_link(&lesson.to_link()), Ok(lesson));
    }
}
