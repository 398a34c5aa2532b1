//! The lesson screen's components: one per file, thin — each reads the
//! [`LessonState`](crate::state::LessonState) and calls its methods.

pub mod canvas_redraw;
pub mod confirm_dialog;
pub mod copy_by_hand;
pub mod data_chart_view;
pub mod data_table;
pub mod descent_controls;
pub mod formula_field;
pub mod help_overlay;
pub mod history;
pub mod loss_chart_view;
pub mod model_panel;
pub mod parameters;
pub mod race_entry;
pub mod race_panel;
pub mod race_table;
pub mod readouts;
pub mod status;
pub mod steps_chart_view;
pub mod surface_chart_view;
pub mod toolbar;
pub mod tour_bar;
pub mod worked;

pub use confirm_dialog::ConfirmDialog;
pub use copy_by_hand::CopyByHand;
pub use data_chart_view::DataChartView;
pub use data_table::DataTable;
pub use descent_controls::DescentControls;
pub use help_overlay::HelpOverlay;
pub use history::History;
pub use loss_chart_view::LossChartView;
pub use model_panel::ModelPanel;
pub use parameters::Parameters;
pub use race_entry::RaceEntry;
pub use race_panel::RacePanel;
pub use race_table::RaceTable;
pub use readouts::Readouts;
pub use status::StatusMessage;
pub use steps_chart_view::StepsChartView;
pub use surface_chart_view::SurfaceChartView;
pub use toolbar::Toolbar;
pub use tour_bar::TourBar;
pub use worked::Worked;

use leptos::prelude::{untrack, Effect, ReadSignal, RwSignal, Set, WithUntracked};
#[cfg(feature = "full")]
use leptos::prelude::{Get, Memo, With};
use std::marker::PhantomData;

/// Runs `f` in a task of its own (a zero timeout), as soon as the page is free: for work
/// that follows an input but should lengthen neither the input's task nor a frame's
/// animation callbacks, which also redraw the charts (the map's rows, a landscape over
/// many points, a parameter range's scan).
pub fn in_own_task(f: impl FnOnce() + 'static) {
    leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
}

/// A signal holding `f`'s value, set only when that value changes. Unlike a [`Memo`], a
/// change of what `f` reads that leaves its value equal reaches none of the signal's
/// readers: a memo marks every reader for a check at each change of its sources, and the
/// hundreds of cells of a long table (each with five bindings) were then scheduled and
/// checked at every frame of a slider drag. The value follows one task later (an effect
/// sets it), before the next frame.
pub fn settled<T>(f: impl Fn() -> T + 'static) -> ReadSignal<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let signal = RwSignal::new(untrack(&f));
    Effect::new(move |_| {
        let value = f();
        if signal.with_untracked(|old| *old != value) {
            signal.set(value);
        }
    });
    signal.read_only()
}

/// A value the page shows, read from the session by `f`, that tells its views only when it
/// changed: in the full build a memo, so that a drag on the map (a new session at every
/// move) writes again only what moved, not every field, class and paragraph that reads the
/// session (`BENCHMARKS.md`, fourteenth session). In the first-load build it is `f`
/// itself, called at each read: there a memo or a derived signal of each new type cost
/// 400 B to 1 KB of first load, and [`settled`] for these four views 4.2 KB; its drags of
/// one parameter meet their goals without.
pub fn memo_in_full<T, F>(f: F) -> FullMemo<T, F>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    F: Fn() -> T + Copy + Send + Sync + 'static,
{
    FullMemo {
        #[cfg(feature = "full")]
        memo: Memo::new(move |_| f()),
        #[cfg(not(feature = "full"))]
        read: f,
        kinds: PhantomData,
    }
}

/// What [`memo_in_full`] makes: a memo in the full build, the reading closure in the other.
pub struct FullMemo<T: Send + Sync + 'static, F> {
    #[cfg(feature = "full")]
    memo: Memo<T>,
    #[cfg(not(feature = "full"))]
    read: F,
    kinds: PhantomData<(fn() -> T, F)>,
}

impl<T: Send + Sync + 'static, F: Copy> Clone for FullMemo<T, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static, F: Copy> Copy for FullMemo<T, F> {}

impl<T, F> FullMemo<T, F>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    F: Fn() -> T,
{
    /// The value, tracked by the reading effect.
    pub fn get(&self) -> T {
        #[cfg(feature = "full")]
        return self.memo.get();
        #[cfg(not(feature = "full"))]
        return (self.read)();
    }

    /// `g` of the value, tracked by the reading effect.
    pub fn with<U>(&self, g: impl FnOnce(&T) -> U) -> U {
        #[cfg(feature = "full")]
        return self.memo.with(g);
        #[cfg(not(feature = "full"))]
        return g(&(self.read)());
    }
}
