//! The loss surface L(a, b) of a model with two parameters: a heatmap with contour lines,
//! the minimum, the current point with −∇L, and the path descent has taken. Shown only for
//! such a model; the data chart beside it stays live.

use super::canvas_redraw::use_chart_canvas;
use crate::chart_data::{surface_chart, SurfaceWords};
use crate::state::LessonState;
use leptos::html::Canvas;
use leptos::prelude::*;

/// The loss surface chart (test id `chart-surface`), for models with two parameters.
#[component]
pub fn SurfaceChartView(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // One memo, no copy of the grid: a model with one parameter gets the empty default
    // (nothing is computed for it) and the figure is hidden.
    let chart = Memo::new(move |_| {
        let t = state.t();
        let words = SurfaceWords {
            minimum: t.surface_minimum,
            too_large: t.surface_too_large,
            empty: t.chart_loss_empty,
        };
        state
            .session
            .with(|s| surface_chart(s, words))
            .unwrap_or_default()
    });
    let shown = Memo::new(move |_| state.session.with(|s| s.map_view().is_some()));
    use_chart_canvas(canvas, chart, state);
    view! {
        <figure class="panel chart surface-chart" hidden=move || !shown.get()>
            <figcaption>
                <span>{state.tr(|t| t.chart_surface_title)}</span>
            </figcaption>
            <canvas node_ref=canvas data-testid="chart-surface" role="img"
                aria-label=move || state.t().chart_surface_title></canvas>
        </figure>
    }
}
