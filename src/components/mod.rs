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
