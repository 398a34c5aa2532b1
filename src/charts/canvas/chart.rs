//! [`CanvasChart`]: how each chart draws itself in the browser, with a cache of its own
//! kind. Most charts are a stack of layers ([`draw_stack`]); the surface puts its heatmap
//! on as one bitmap ([`SurfaceCache`]), since Plotters would draw it one `fillRect` per
//! pixel, and its moving marks on one layer above.

use web_sys::HtmlCanvasElement;

use super::bitmap::SurfaceCache;
use super::stack::{draw_stack, StackCache};
use crate::charts::{
    ChartStyle, DataChart, LayeredChart, LossChart, PlotFrame, StepsChart, SurfaceChart,
};

/// A chart the canvas pipeline can draw: one frame onto `canvas` in `style`, through `cache`
/// (kept between frames). Returns where the plotting area landed.
pub trait CanvasChart {
    /// What the chart keeps between frames.
    type Cache: Default;

    /// Draws one frame.
    fn draw_frame(
        &self,
        canvas: &HtmlCanvasElement,
        style: &ChartStyle,
        cache: &mut Self::Cache,
    ) -> Option<PlotFrame>;
}

/// Registers a chart drawn as a stack of cached layers.
macro_rules! stacked {
    ($($chart:ty),*) => {$(
        impl CanvasChart for $chart {
            type Cache = StackCache<$chart>;

            fn draw_frame(
                &self,
                canvas: &HtmlCanvasElement,
                style: &ChartStyle,
                cache: &mut Self::Cache,
            ) -> Option<PlotFrame> {
                draw_stack(canvas, self, style, cache)
            }
        }
    )*};
}

stacked!(DataChart, LossChart, StepsChart);

impl CanvasChart for SurfaceChart {
    type Cache = SurfaceCache;

    fn draw_frame(
        &self,
        canvas: &HtmlCanvasElement,
        style: &ChartStyle,
        cache: &mut Self::Cache,
    ) -> Option<PlotFrame> {
        let frame = cache.draw_base(canvas, self.base(style));
        cache.moving.redraw(canvas, frame.as_ref(), style, |area| {
            self.draw_moving(area, frame.as_ref(), style).ok()
        });
        frame
    }
}
