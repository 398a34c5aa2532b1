//! The surface chart: L(a, b) as a heatmap coloured by log L, contour lines labelled with their
//! L, a colour legend, the minimum; over them the current point, the arrow of −∇L, the step
//! just taken and one path per optimizer of the race.
//!
//! Layers (see [`super::layer`]):
//! - [`SurfaceBase`], cached, changes with the data and the view: axes, legend, heatmap,
//!   contours and the minimum. It draws in two passes around the heatmap: [`SurfaceBase::draw_under`]
//!   (background, axes, ticks, legend; returns the frame), the heatmap bitmap into the frame,
//!   then [`SurfaceBase::draw_over`] (contours, their labels, the minimum).
//! - the moving layer ([`draw_surface_marks`]): current point, arrow, last step, paths.
//!
//! The heatmap is a bitmap filled by [`fill_heatmap`] at [`SurfaceBase::heatmap_size`]. In the
//! browser, `charts::canvas::bitmap` puts it on the canvas in one call and scales it into the
//! frame. [`CachedLayer::draw`] on a generic backend (SVG in tests, exports) draws the same
//! buffer as one rectangle per run of equal pixels in a row — fine on SVG, but far too many
//! `fillRect` calls for a canvas: the browser must use `canvas::bitmap::draw_surface_base`.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::colormap::{fill_heatmap, LogColourScale, SurfaceGrid};
use super::surface_legend::{draw_bands, draw_legend, legend_width, BarPainter};
use super::surface_marks::{draw_contours, draw_minimum, draw_surface_marks};
use super::undefined::draw_undefined_cells;
use super::{
    draw_axes, draw_centred_message, draw_layered, to_backend, Axes, CachedLayer, ChartStyle,
    ChartView, DrawResult, LayeredChart, NoLayer, PixelBox, PlotFrame,
};

/// The largest heatmap bitmap side, in pixels: a finer grid is sampled down.
pub const MAX_HEATMAP_SIDE: u32 = 1024;

/// The contour lines of one level of L.
#[derive(Clone, Debug, PartialEq)]
pub struct ContourLevel {
    /// The L on these lines; written beside one of them where there is room.
    pub level: f64,
    /// Polylines of points (a, b); a closed line repeats its first point at its end. Non-finite
    /// points break a line.
    pub lines: Vec<Vec<(f64, f64)>>,
}

/// One optimizer's path over the surface: points (a, b).
pub type SurfacePath = super::series::SeriesPath;

/// One racer's last mini-batch step: the arrow of the full −∇L and, beside it, the arrow
/// of the mini-batch's estimate that the step followed, both from where it started.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BatchArrow {
    /// The optimizer's index (its colour, as its path).
    pub series: usize,
    /// (a, b) where the step started.
    pub at: (f64, f64),
    /// ∇L over every row there.
    pub full: (f64, f64),
    /// The mini-batch's estimate.
    pub batch: (f64, f64),
}

/// Everything the surface chart shows. Non-finite numbers anywhere are skipped, never drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct SurfaceChart {
    /// L over the (a, b) grid; its ranges are the chart's axes.
    pub grid: SurfaceGrid,
    /// The contour lines, one entry per level (about 12–20 log-spaced levels).
    pub contours: Vec<ContourLevel>,
    /// The minimum (a, b), marked with a diamond and `minimum_label`.
    pub minimum: Option<(f64, f64)>,
    /// The word beside the minimum, e.g. "min".
    pub minimum_label: String,
    /// The current point (a, b).
    pub current: Option<(f64, f64)>,
    /// The gradient ∇L = (∂L/∂a, ∂L/∂b) at the current point; drawn from it as an arrow of
    /// −∇L with a fixed length on screen (its direction is the step's direction in (a, b)).
    pub gradient: Option<(f64, f64)>,
    /// The label at the arrow's tip, e.g. "−∇L".
    pub gradient_label: String,
    /// The step just taken, (from, to) in (a, b).
    pub last_step: Option<((f64, f64), (f64, f64))>,
    /// One path per optimizer in the race.
    pub paths: Vec<SurfacePath>,
    /// Mini-batch descent: each racer's last step as a pair of arrows (full −∇L, and the
    /// mini-batch's estimate in the racer's colour).
    pub batch_arrows: Vec<BatchArrow>,
    /// The horizontal axis's name, e.g. "a".
    pub a_name: String,
    /// The vertical axis's name, e.g. "b".
    pub b_name: String,
    /// The loss's name over the legend, e.g. "L".
    pub loss_name: String,
    /// The legend's entry for cells whose loss is ±∞, e.g. "too large"; shown only when
    /// the grid has such cells.
    pub too_large_label: String,
    /// The legend's entry for the hatched cells where a typed formula is not defined (NaN),
    /// e.g. "not defined"; shown only when the grid has such cells.
    pub undefined_label: String,
    /// Shown in the middle of the chart when the grid has no finite value.
    pub empty_message: String,
}

impl Default for SurfaceChart {
    fn default() -> Self {
        Self {
            grid: SurfaceGrid::default(),
            contours: Vec::new(),
            minimum: None,
            minimum_label: "min".to_owned(),
            current: None,
            gradient: None,
            gradient_label: "\u{2212}\u{2207}L".to_owned(),
            last_step: None,
            paths: Vec::new(),
            batch_arrows: Vec::new(),
            a_name: "a".to_owned(),
            b_name: "b".to_owned(),
            loss_name: "L".to_owned(),
            too_large_label: "too large".to_owned(),
            undefined_label: "not defined".to_owned(),
            empty_message: String::new(),
        }
    }
}

impl SurfaceChart {
    /// The data window: the grid's ranges, made finite and of nonzero width.
    pub fn view(&self) -> ChartView {
        ChartView {
            x: self.grid.a_range,
            y: self.grid.b_range,
        }
        .sanitized()
    }
}

/// Draws the whole surface chart onto `area` (heatmap as rectangles: for SVG and exports, not
/// for a canvas) and returns where its plotting area landed.
pub fn draw_surface_chart<DB: DrawingBackend>(
    area: DrawingArea<DB, Shift>,
    chart: &SurfaceChart,
    style: &ChartStyle,
) -> DrawResult<Option<PlotFrame>, DB> {
    draw_layered(&area, chart, style)
}

/// The surface chart's cached layer: axes, legend, heatmap, contours and the minimum. Its value
/// is its key: it changes with the grid, the contours, the names and the style, not while the
/// current point moves.
#[derive(Clone, Debug, PartialEq)]
pub struct SurfaceBase {
    /// The data window (the grid's ranges, sanitized).
    pub view: ChartView,
    /// L over the grid.
    pub grid: SurfaceGrid,
    /// The colour scale, spanning the grid's finite values.
    pub scale: LogColourScale,
    /// Whether some node's loss is ±∞ (the legend's "too large" entry).
    pub too_large: bool,
    /// Whether some node's loss is NaN (hatched; the legend's "not defined" entry).
    pub undefined: bool,
    /// The contour lines.
    pub contours: Vec<ContourLevel>,
    /// The minimum (a, b).
    pub minimum: Option<(f64, f64)>,
    /// The word beside the minimum.
    pub minimum_label: String,
    /// The horizontal axis's name.
    pub a_name: String,
    /// The vertical axis's name.
    pub b_name: String,
    /// The loss's name over the legend.
    pub loss_name: String,
    /// The legend's "too large" entry.
    pub too_large_label: String,
    /// The legend's "not defined" entry.
    pub undefined_label: String,
    /// Shown when the grid has no finite value.
    pub empty_message: String,
    /// How it is drawn.
    pub style: ChartStyle,
}

impl SurfaceBase {
    /// The base layer of `chart` in `style`.
    pub fn of(chart: &SurfaceChart, style: &ChartStyle) -> Self {
        // One pass over the grid for the colour scale and the legend's entries (the legend
        // and the hatching asked the grid five times a drawing; this runs at every frame).
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        let (mut too_large, mut undefined) = (false, false);
        if chart.grid.is_valid() {
            for &v in chart.grid.values.iter() {
                if v.is_finite() {
                    if v > 0.0 {
                        low = if v < low { v } else { low };
                        high = if v > high { v } else { high };
                    }
                } else if v.is_nan() {
                    undefined = true;
                } else {
                    too_large = true;
                }
            }
        }
        Self {
            too_large,
            undefined,
            scale: LogColourScale::from_extent(low, high),
            view: chart.view(),
            grid: chart.grid.clone(),
            contours: chart.contours.clone(),
            minimum: chart.minimum,
            minimum_label: chart.minimum_label.clone(),
            a_name: chart.a_name.clone(),
            b_name: chart.b_name.clone(),
            loss_name: chart.loss_name.clone(),
            too_large_label: chart.too_large_label.clone(),
            undefined_label: chart.undefined_label.clone(),
            empty_message: chart.empty_message.clone(),
            style: *style,
        }
    }

    /// Whether the grid has a finite value to colour.
    pub fn has_values(&self) -> bool {
        self.grid.is_valid() && self.grid.values.iter().any(|v| v.is_finite())
    }

    /// The size in pixels of the heatmap bitmap: one pixel per grid node (at most
    /// [`MAX_HEATMAP_SIDE`] a side); the browser scales it into the frame with smoothing.
    pub fn heatmap_size(&self) -> (u32, u32) {
        let side = |n: usize| {
            u32::try_from(n)
                .unwrap_or(u32::MAX)
                .clamp(1, MAX_HEATMAP_SIDE)
        };
        (side(self.grid.columns), side(self.grid.rows))
    }

    /// The heatmap as an RGBA buffer of [`Self::heatmap_size`], top row (highest b) first; to be
    /// stretched over the whole frame. Empty when the grid has no value to show.
    pub fn heatmap_rgba(&self) -> Vec<u8> {
        if !self.grid.is_valid() {
            return Vec::new();
        }
        fill_heatmap(&self.grid, &self.scale, self.heatmap_size())
    }

    /// First pass: background, axes, ticks, names and the colour legend. Returns where the
    /// plotting area landed (`None` when the area is too small for a chart). The heatmap goes
    /// into that frame next, then [`Self::draw_over`].
    pub fn draw_under<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> DrawResult<Option<PlotFrame>, DB> {
        self.draw_under_with(area, &mut draw_bands)
    }

    /// [`Self::draw_under`] with the legend's colour bar painted by `bar`: a canvas draws it
    /// as one bitmap, where the bands cost 64 colour strings and rectangles at every redraw.
    pub fn draw_under_with<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        bar: &mut BarPainter<'_, DB>,
    ) -> DrawResult<Option<PlotFrame>, DB> {
        let style = &self.style;
        let (width, height) = area.dim_in_pixel();
        let legend = legend_width(self, style).ceil();
        let split = (f64::from(width) - legend).max(0.0) as u32;
        if split < 2 || height < 2 {
            area.fill(&style.palette().background)?;
            return Ok(None);
        }
        // `draw_axes` fills the plot's part: filling the whole first painted most of the
        // canvas twice, in every frame that redraws the map.
        let (plot_area, legend_area) = area.split_horizontally(split);
        legend_area.fill(&style.palette().background)?;
        let axes = Axes {
            view: self.view,
            x_name: &self.a_name,
            y_name: &self.b_name,
        };
        let frame = draw_axes(&plot_area, &axes, style)?;
        if let Some(frame) = &frame {
            if self.has_values() {
                draw_legend(area, frame, f64::from(split), self, style, bar)?;
            }
        }
        Ok(frame)
    }

    /// Second pass, over the heatmap: the hatching of the cells where the formula is not
    /// defined, the contour lines with their labels and the minimum, or the empty message.
    pub fn draw_over<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        frame: Option<&PlotFrame>,
    ) -> DrawResult<(), DB> {
        let style = &self.style;
        if let Some(frame) = frame {
            if self.undefined {
                draw_undefined_cells(area, frame, &self.grid, style)?;
            }
            let mut occupied: Vec<PixelBox> = Vec::new();
            let minimum_label = draw_minimum(area, frame, self, style, &mut occupied)?;
            if let Some(label) = &minimum_label {
                super::labels::place_label(area, frame, label, style, &mut occupied, true)?;
            }
            draw_contours(area, frame, self, style, &mut occupied)?;
        }
        if !self.has_values() {
            draw_centred_message(area, frame, &self.empty_message, style)?;
        }
        Ok(())
    }
}

/// Draws an RGBA bitmap stretched over the frame, one rectangle per run of equal pixels in a
/// row: the heatmap on a backend without a bitmap call of its own (SVG).
fn draw_bitmap_as_rectangles<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    rgba: &[u8],
    (width, height): (u32, u32),
) -> DrawResult<(), DB> {
    let (width, height) = (width as usize, height as usize);
    if width == 0 || height == 0 || rgba.len() != width * height * 4 {
        return Ok(());
    }
    let pixel_w = (frame.width() + 1.0) / width as f64;
    let pixel_h = (frame.height() + 1.0) / height as f64;
    for (row, line) in rgba.chunks_exact(width * 4).enumerate() {
        let top = to_backend(frame.top + row as f64 * pixel_h);
        let bottom = to_backend(frame.top + (row + 1) as f64 * pixel_h);
        let mut start = 0;
        while start < width {
            let colour = &line[start * 4..start * 4 + 3];
            let mut end = start + 1;
            while end < width && &line[end * 4..end * 4 + 3] == colour {
                end += 1;
            }
            let left = to_backend(frame.left + start as f64 * pixel_w);
            let right = to_backend(frame.left + end as f64 * pixel_w);
            let fill = RGBColor(colour[0], colour[1], colour[2]).filled();
            area.draw(&Rectangle::new([(left, top), (right, bottom)], fill))?;
            start = end;
        }
    }
    Ok(())
}

impl CachedLayer for SurfaceBase {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> DrawResult<Option<PlotFrame>, DB> {
        let frame = self.draw_under(area)?;
        if let Some(frame) = &frame {
            let rgba = self.heatmap_rgba();
            draw_bitmap_as_rectangles(area, frame, &rgba, self.heatmap_size())?;
        }
        self.draw_over(area, frame.as_ref())?;
        Ok(frame)
    }
}

impl LayeredChart for SurfaceChart {
    type Base = SurfaceBase;
    type Overlay = NoLayer;

    fn base(&self, style: &ChartStyle) -> SurfaceBase {
        SurfaceBase::of(self, style)
    }

    fn draw_moving<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        frame: Option<&PlotFrame>,
        style: &ChartStyle,
    ) -> DrawResult<(), DB> {
        match frame {
            Some(frame) => draw_surface_marks(area, frame, self, style),
            None => Ok(()),
        }
    }

    fn overlay(&self, _frame: Option<&PlotFrame>, _style: &ChartStyle) -> Option<NoLayer> {
        None
    }
}
