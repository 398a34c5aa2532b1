//! The lecture as a walkthrough on the live app: descent-core's scenes
//! ([`descent_core::tour`]) applied to the [`LessonState`].
//!
//! The position and the clicker's logic are the core's [`Tour`]; this module only carries
//! out its [`Move`]s: entering a beat loads the beat's lesson (so Back re-enters a scene in
//! its defined state), a stepping beat steps or undoes. While the walkthrough runs the app
//! stays fully interactive; leaving it (Esc) keeps the lesson as it stands.

use crate::state::{LessonState, NoticeAction};
use descent_core::tour::{scenes, Highlight, Move, Scene, Tour};
use leptos::prelude::*;

/// The walkthrough's reactive state. Cheap to copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct Walkthrough {
    /// Where the walkthrough stands; `None` when it is not running.
    pub tour: RwSignal<Option<Tour>>,
    scenes: StoredValue<Vec<Scene>>,
    /// Called once before the walkthrough replaces the lesson on screen: sets the work
    /// there aside and says whether it did ([`Walkthrough::set_before_entering`]).
    before_entering: StoredValue<Option<Callback<(), bool>>>,
}

impl Default for Walkthrough {
    fn default() -> Self {
        Self::new()
    }
}

impl Walkthrough {
    /// A walkthrough that is not running.
    pub fn new() -> Self {
        Self {
            tour: RwSignal::new(None),
            scenes: StoredValue::new(scenes()),
            before_entering: StoredValue::new(None),
        }
    }

    /// What to do before the walkthrough first replaces the lesson on screen: the
    /// classroom sets the student's work aside there (`crate::classroom::keep_work_aside`)
    /// and returns whether it did, so the walkthrough can offer it back, as a link does.
    pub fn set_before_entering(&self, keep_aside: impl Fn() -> bool + Send + Sync + 'static) {
        self.before_entering
            .set_value(Some(Callback::new(move |()| keep_aside())));
    }

    /// How many scenes there are.
    pub fn scene_count(&self) -> usize {
        self.scenes.with_value(Vec::len)
    }

    /// Whether the walkthrough runs (tracked).
    pub fn is_running(&self) -> bool {
        self.tour.with(Option::is_some)
    }

    /// Whether the walkthrough runs (untracked, for key handlers).
    pub fn is_running_untracked(&self) -> bool {
        self.tour.with_untracked(Option::is_some)
    }

    /// Starts the walkthrough at scene `index` (0-based) and enters its first beat.
    ///
    /// Started from the lesson (not from another scene), the work on screen is first set
    /// aside and, when it was, offered back by the notice's "Open my saved work".
    pub fn start(&self, state: LessonState, index: usize) {
        let kept_aside = !self.is_running_untracked()
            && self
                .before_entering
                .with_value(|f| f.map(|f| f.run(())))
                .unwrap_or(false);
        let tour = self.scenes.with_value(|s| Tour::at_scene(index, s));
        self.tour.set(Some(tour));
        self.apply(state, Move::Enter);
        if kept_aside {
            let text = state.t().status_walkthrough_kept_aside;
            state.notify_with_action(text, true, NoticeAction::OpenSavedWork);
        }
    }

    /// The clicker's "next": a step in a stepping beat whose run goes on, else the next
    /// beat or scene.
    pub fn next(&self, state: LessonState) {
        let finished = state.session.with_untracked(|s| s.outcome().is_final());
        self.advance(state, |tour, scenes| tour.next(scenes, finished));
    }

    /// The clicker's "previous": an undone step in a stepping beat, else the previous
    /// beat or scene.
    pub fn previous(&self, state: LessonState) {
        let taken = state.session.with_untracked(|s| s.history().len());
        self.advance(state, |tour, scenes| tour.previous(scenes, taken));
    }

    /// Leaves the walkthrough; the lesson stays as it stands, an ordinary lesson.
    pub fn exit(&self, state: LessonState) {
        self.tour.set(None);
        state.show_squares.set(false);
    }

    /// What the caption talks about, while the walkthrough runs (tracked).
    pub fn highlight(&self) -> Option<Highlight> {
        let tour = self.tour.get()?;
        self.scenes
            .with_value(|s| tour.beat(s).map(|beat| beat.highlight))
    }

    /// The caption of the beat the walkthrough stands at (tracked).
    pub fn caption(&self) -> Option<descent_core::tour::Caption> {
        let tour = self.tour.get()?;
        self.scenes
            .with_value(|s| tour.beat(s).map(|beat| beat.caption))
    }

    fn advance(&self, state: LessonState, decide: impl FnOnce(&mut Tour, &[Scene]) -> Move) {
        let Some(mut tour) = self.tour.get_untracked() else {
            return;
        };
        let action = self.scenes.with_value(|s| decide(&mut tour, s));
        self.tour.set(Some(tour));
        self.apply(state, action);
    }

    fn apply(&self, state: LessonState, action: Move) {
        match action {
            Move::Enter => {
                let Some(tour) = self.tour.get_untracked() else {
                    return;
                };
                let Some(beat) = self.scenes.with_value(|s| tour.beat(s).cloned()) else {
                    return;
                };
                state.load(beat.lesson);
                state.preset.set(None);
                state.notice.set(None);
                state.show_squares.set(beat.squares);
                for _ in 0..beat.steps_on_enter {
                    state.session.update(|s| {
                        s.step();
                    });
                }
            }
            Move::Step => state.step(),
            Move::Undo => state.undo(),
            Move::Stay => {}
        }
    }
}

/// The name of a highlight in the page's `data-highlight` attribute (its outline in style/full.css).
pub fn highlight_name(highlight: Highlight) -> &'static str {
    match highlight {
        Highlight::Table => "table",
        Highlight::DataChart => "data-chart",
        Highlight::Parameter => "parameter",
        Highlight::Readouts => "readouts",
        Highlight::Worked => "worked",
        Highlight::LossChart => "loss-chart",
        Highlight::LearningRate => "learning-rate",
        Highlight::Descent => "descent",
    }
}

/// What a `#tour=N` link does, in words for a notice when it is not simply scene N.
fn open_from_link(state: LessonState, walkthrough: Walkthrough, text: &str) {
    use crate::i18n::{tour_link_nearest, tour_link_not_a_number};
    use descent_core::tour::{scene_from_link, SceneLink};
    let count = walkthrough.scene_count();
    let lang = state.lang.get_untracked();
    match scene_from_link(text, count) {
        SceneLink::Scene(index) => walkthrough.start(state, index),
        SceneLink::Nearest(index) => {
            walkthrough.start(state, index);
            state.notify(tour_link_nearest(lang, count, index + 1), true);
        }
        SceneLink::NotANumber => state.notify(tour_link_not_a_number(lang, text), true),
    }
}

/// Opens the walkthrough from a `#tour=N` link: the one the page was opened with, and any
/// pasted into the address bar later. The fragment is then removed, so a reload keeps
/// the lesson as it stands instead of starting the scene again.
pub fn use_tour_links(state: LessonState, walkthrough: Walkthrough) {
    use crate::classroom::share::{clear_fragment, current_fragment, Fragment};
    let follow = move || {
        if let Fragment::Tour(text) = current_fragment() {
            clear_fragment();
            open_from_link(state, walkthrough, &text);
        }
    };
    follow();
    let handle = window_event_listener_untyped("hashchange", move |_| follow());
    on_cleanup(move || handle.remove());
}
