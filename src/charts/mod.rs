//! Charts: `draw_*` functions generic over Plotters' [`DrawingBackend`], with no Leptos and no
//! descent-core inside. They take plain data structs, so the same code draws on the SVG backend
//! in native tests and on `plotters_canvas::CanvasBackend` in the browser.
//!
//! Conventions:
//! - f64 everywhere; sizes are in backend pixels and are multiplied by [`ChartStyle::scale`].
//! - Every axis range goes through [`finite_range`] and every non-finite point is skipped before
//!   Plotters sees it: Plotters 0.3.7 loops forever on an infinite axis range and draws NaN
//!   points at the axis minimum.
//! - Plotters does not clip elements to the plotting area, so these functions clip segments,
//!   skip markers outside the view and clamp rectangles themselves.
//! - Nothing here panics: errors come back as [`DrawingAreaErrorKind`].
//! - A chart is a stack of layers ([`layer`]): each cached layer is a struct holding
//!   everything its drawing reads, so the struct is also the layer's cache key.

mod axes;
#[cfg(target_arch = "wasm32")]
pub mod canvas;
#[cfg(target_arch = "wasm32")]
pub use canvas::CanvasChart;
/// Native builds draw no canvas: every chart counts as a [`CanvasChart`] there, so the
/// components that draw charts build and test natively.
#[cfg(not(target_arch = "wasm32"))]
pub trait CanvasChart {}
#[cfg(not(target_arch = "wasm32"))]
impl<T> CanvasChart for T {}
mod clip;
pub mod colormap;
pub mod data_chart;
mod data_marks;
mod labels;
pub mod layer;
pub mod loss_chart;
mod loss_marks;
pub mod pointer;
pub mod series;
pub mod steps_chart;
mod style;
pub mod surface_chart;
mod surface_legend;
mod surface_marks;
mod text;
mod ticks;
mod undefined;
mod view;

pub use colormap::{
    fill_heatmap, log10_of_normal, lut_colour, LogColourScale, SurfaceGrid, TOO_LARGE, UNDEFINED,
    VIRIDIS,
};
pub use data_chart::{data_view, draw_data_chart, DataChart, Residual};
pub use layer::{draw_layered, CachedLayer, LayeredChart, NoLayer};
pub use loss_chart::{draw_loss_chart, loss_view, LossChart, Tangent};
pub use series::{series_colour, series_shape, MarkerShape, SeriesPath, SERIES_COLOURS};
pub use steps_chart::{
    draw_steps_chart, step_axis_end, steps_view, StepsAxes, StepsChart, StepsSeries,
};
pub use style::{
    projector_enlargement, ChartStyle, Palette, PROJECTOR_ENLARGEMENT, PROJECTOR_FULL_SIZE,
};
pub use surface_chart::{
    draw_surface_chart, BatchArrow, ContourLevel, SurfaceBase, SurfaceChart, SurfacePath,
    MAX_HEATMAP_SIDE,
};
pub use surface_legend::{bar_rgba, draw_bands, legend_values};
pub use text::{fit_with_ellipsis, keep_lines, wrap_to_width, ELLIPSIS};
pub use view::{finite_range, nice_padding, ChartView, PlotFrame, RANGE_LIMIT};

pub(crate) use axes::{approximate_text_width, draw_axes, draw_centred_message, draw_text, Axes};
pub(crate) use clip::{
    clip_unit_segment, draw_clipped_polyline, draw_simplified_polyline, unit_visible,
};
pub(crate) use view::{
    asymmetric_padding, boxes_overlap, finite_extent, to_backend, PixelBox, Point,
};

use plotters::prelude::*;

/// The result of a drawing call: `T` on success, the backend's error wrapped by Plotters otherwise.
pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;
