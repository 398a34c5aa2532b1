//! A chart as a stack of layers, bottom to top:
//! 1. the **base**, cached: background, grid, axes, tick labels and whatever else depends only
//!    on the data and the view (the loss curve); it lays the chart out and returns the
//!    [`PlotFrame`];
//! 2. the **moving** layer, redrawn on every frame: what moves with the parameters (the model's
//!    line and residuals, the current point, the tangent, the trail);
//! 3. an optional **overlay**, cached: what sits above the moving marks but does not move with
//!    them (the data points, when there are many).
//!
//! A cached layer is a struct holding everything its drawing reads, and its drawing reads
//! nothing else ([`CachedLayer::draw`] takes only `&self`). So the struct is also the layer's
//! cache key: two equal values draw the same pixels, and a field the drawing needs cannot be
//! left out of the key. Style inputs (scale, projector mode, the decimal separator) come in
//! as the layer's [`ChartStyle`] field.
//!
//! [`draw_layered`] draws the stack onto one area (the SVG backend in native tests, an export);
//! the browser keeps each cached layer's pixels (`crate::charts::canvas`) and redraws a layer
//! only when its key changed.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{ChartStyle, DrawResult, PlotFrame};

/// A layer drawn once and kept until its value changes: the value is both everything the
/// drawing reads and the key its pixels are cached under.
pub trait CachedLayer: Clone + PartialEq + 'static {
    /// Draws the layer onto `area`, over whatever is there (a cached layer is drawn on a
    /// transparent canvas). Returns where the plotting area landed when this layer lays the
    /// chart out (a base layer), else `None`.
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> DrawResult<Option<PlotFrame>, DB>;
}

/// A chart drawn as a stack of layers (see the module's documentation). Implement it once per
/// chart; the browser's canvas pipeline and [`draw_layered`] then draw it alike.
pub trait LayeredChart {
    /// The base layer's type: its key. Its drawing paints every pixel of the area with the
    /// background first (every base begins with `draw_axes`, which fills it): the browser
    /// draws a new base over the old one without clearing the canvas first.
    type Base: CachedLayer;
    /// The overlay's type; [`NoLayer`] for a chart without one.
    type Overlay: CachedLayer;

    /// The base layer of this chart drawn in `style`.
    fn base(&self, style: &ChartStyle) -> Self::Base;

    /// Draws what moves with the parameters onto `area`, inside `frame` (the base's; `None`
    /// when the area had no room for a plot).
    fn draw_moving<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        frame: Option<&PlotFrame>,
        style: &ChartStyle,
    ) -> DrawResult<(), DB>;

    /// The overlay above the moving layer, if this chart has one now.
    fn overlay(&self, frame: Option<&PlotFrame>, style: &ChartStyle) -> Option<Self::Overlay>;

    /// Whether [`LayeredChart::draw_top`] draws anything now; the browser gives the top its
    /// own canvas only then.
    fn has_top(&self) -> bool {
        false
    }

    /// Draws what must lie above the overlay and changes with every frame (the data point
    /// being dragged, over the cached others); nothing by default.
    fn draw_top<DB: DrawingBackend>(
        &self,
        _area: &DrawingArea<DB, Shift>,
        _frame: Option<&PlotFrame>,
        _style: &ChartStyle,
    ) -> DrawResult<(), DB> {
        Ok(())
    }
}

/// The overlay of a chart that has none: a type with no values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NoLayer {}

impl CachedLayer for NoLayer {
    fn draw<DB: DrawingBackend>(
        &self,
        _area: &DrawingArea<DB, Shift>,
    ) -> DrawResult<Option<PlotFrame>, DB> {
        match *self {}
    }
}

/// Draws a chart's whole stack onto one area — base, moving layer, overlay, top — and
/// returns where the plotting area landed. It is the picture the browser composes from its layers.
pub fn draw_layered<C: LayeredChart, DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &C,
    style: &ChartStyle,
) -> DrawResult<Option<PlotFrame>, DB> {
    let frame = chart.base(style).draw(area)?;
    chart.draw_moving(area, frame.as_ref(), style)?;
    if let Some(overlay) = chart.overlay(frame.as_ref(), style) {
        overlay.draw(area)?;
    }
    chart.draw_top(area, frame.as_ref(), style)?;
    area.present()?;
    Ok(frame)
}
