//! The data chart: the points (x, y), the model's line ŷ(x), the residuals y − ŷ as vertical
//! segments and, on demand, the squared errors as squares — the picture of L = Σ (y − ŷ)².

use plotters::coord::Shift;
use plotters::prelude::*;

pub use super::data_marks::{merged_residuals, points_to_draw, MAX_DRAWN_POINTS};

use super::data_marks::{draw_points, draw_residuals, draw_squares};
use super::{
    asymmetric_padding, draw_axes, draw_centred_message, draw_clipped_polyline, draw_layered,
    finite_extent, Axes, CachedLayer, ChartStyle, ChartView, DrawResult, LayeredChart, PlotFrame,
};

/// Up to this many points are drawn with the moving layer on every frame; more go on a cached
/// overlay. Copying a full-size transparent layer costs more than a few discs (measured at
/// scale 2, where the lecture's three points took 1 ms longer a frame through the layer).
pub const LAYERED_POINTS: usize = 200;

/// One residual: the data point (x, y) and the model's prediction ŷ at the same x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Residual {
    /// The input x of the row.
    pub x: f64,
    /// The observed y of the row.
    pub y: f64,
    /// The prediction ŷ(x).
    pub y_hat: f64,
}

/// Everything the data chart shows. Non-finite numbers anywhere are skipped, never drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct DataChart {
    /// The data points (x, y).
    pub points: Vec<(f64, f64)>,
    /// The model's line as samples (x, ŷ) across the x range, drawn as a polyline; sample it over
    /// [`data_view`]'s x range (or `view`'s) so it spans the chart.
    pub model_line: Vec<(f64, f64)>,
    /// One residual per point, drawn as a vertical segment from (x, y) to (x, ŷ).
    pub residuals: Vec<Residual>,
    /// Draw each squared error as a translucent square whose side is the residual segment
    /// |y − ŷ| in pixels: attached to the right of the segment, or to its left when it would be
    /// cut off on the right and fits on the left.
    pub show_squares: bool,
    /// The x column's name, e.g. "x" or "m" (user text, drawn as text).
    pub x_label: String,
    /// The y column's name, e.g. "y" or "F" (user text, drawn as text).
    pub y_label: String,
    /// The index into `points` of the point being dragged, drawn with a ring.
    pub highlighted: Option<usize>,
    /// Shown in the middle of the chart when there is no finite point, e.g. "No valid rows".
    pub empty_message: String,
    /// A fixed data window; `None` fits [`data_view`] to the points. Fix it while a point is
    /// being dragged so the axes do not move under the pointer.
    pub view: Option<ChartView>,
}

impl Default for DataChart {
    fn default() -> Self {
        Self {
            points: Vec::new(),
            model_line: Vec::new(),
            residuals: Vec::new(),
            show_squares: false,
            x_label: "x".to_owned(),
            y_label: "y".to_owned(),
            highlighted: None,
            empty_message: String::new(),
            view: None,
        }
    }
}

/// The data window fitted to the finite points: it takes in the origin unless that would squeeze
/// the points into less than a third of an axis (y = a·x passes through it), adds padding, and
/// falls back to 0..1 without points. Every range is finite and of nonzero width.
pub fn data_view(points: &[(f64, f64)]) -> ChartView {
    let finite: Vec<(f64, f64)> = points
        .iter()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
    let axis = |values: &mut dyn Iterator<Item = f64>| {
        let (lo, hi) = finite_extent(values).unwrap_or((0.0, 1.0));
        let width = hi - lo;
        let lo = if lo > 0.0 && (lo <= 2.0 * width || width == 0.0) {
            0.0
        } else {
            lo
        };
        let hi = if hi < 0.0 && (-hi <= 2.0 * width || width == 0.0) {
            0.0
        } else {
            hi
        };
        asymmetric_padding(lo, hi, 0.06, 0.10)
    };
    ChartView {
        x: axis(&mut finite.iter().map(|p| p.0)),
        y: axis(&mut finite.iter().map(|p| p.1)),
    }
}
/// Draws the data chart onto `area` and returns where its plotting area landed (`None` when the
/// area is too small for a chart, e.g. a hidden canvas of width 0): its layers
/// ([`DataAxes`], the model, [`DataPoints`]) one over the other.
pub fn draw_data_chart<DB: DrawingBackend>(
    area: DrawingArea<DB, Shift>,
    data: &DataChart,
    style: &ChartStyle,
) -> DrawResult<Option<PlotFrame>, DB> {
    draw_layered(&area, data, style)
}

/// The data chart's base layer: the background, grid, ticks and column names. It depends only
/// on the view, the names and the style, so the browser draws it once per data set, not on
/// every slider frame.
#[derive(Clone, Debug, PartialEq)]
pub struct DataAxes {
    /// The data window shown.
    pub view: ChartView,
    /// The x column's name.
    pub x_label: String,
    /// The y column's name.
    pub y_label: String,
    /// How it is drawn.
    pub style: ChartStyle,
}

impl CachedLayer for DataAxes {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> DrawResult<Option<PlotFrame>, DB> {
        let axes = Axes {
            view: self.view,
            x_name: &self.x_label,
            y_name: &self.y_label,
        };
        draw_axes(area, &axes, &self.style)
    }
}

/// The data points, over everything (they do not move with the parameters), or the message of
/// an empty chart.
#[derive(Clone, Debug, PartialEq)]
pub struct DataPoints {
    /// The data points (x, y).
    pub points: Vec<(f64, f64)>,
    /// The index of the point being dragged, drawn with a ring.
    pub highlighted: Option<usize>,
    /// Shown when there is no finite point.
    pub empty_message: String,
    /// Where the plotting area is (the base layer's frame).
    pub frame: Option<PlotFrame>,
    /// How it is drawn.
    pub style: ChartStyle,
}

impl DataPoints {
    /// The points of `data` inside `frame`, drawn in `style`, without the one being
    /// dragged: [`LayeredChart::draw_top`] draws that one above them, so that the layer's
    /// key stays the same while only it moves (a drag among 1 000 points would otherwise
    /// redraw all of them at every move).
    pub fn of(data: &DataChart, frame: Option<&PlotFrame>, style: &ChartStyle) -> Self {
        let mut points = data.points.clone();
        if let Some(h) = data.highlighted.filter(|&h| h < points.len()) {
            points.remove(h);
        }
        Self {
            points,
            highlighted: None,
            empty_message: data.empty_message.clone(),
            frame: frame.copied(),
            style: *style,
        }
    }
}

impl CachedLayer for DataPoints {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> DrawResult<Option<PlotFrame>, DB> {
        draw_data_points(
            area,
            self.frame.as_ref(),
            &self.points,
            self.highlighted,
            &self.empty_message,
            &self.style,
        )?;
        Ok(None)
    }
}

impl DataChart {
    /// The point being dragged when the other points are on the cached overlay.
    fn dragged_over_overlay(&self) -> Option<(f64, f64)> {
        let dragged = self.highlighted.and_then(|h| self.points.get(h))?;
        (self.points.len() > LAYERED_POINTS).then_some(*dragged)
    }
}

impl LayeredChart for DataChart {
    type Base = DataAxes;
    type Overlay = DataPoints;

    fn base(&self, style: &ChartStyle) -> DataAxes {
        DataAxes {
            view: self.view.unwrap_or_else(|| data_view(&self.points)),
            x_label: self.x_label.clone(),
            y_label: self.y_label.clone(),
            style: *style,
        }
    }

    /// The squared errors (when shown), the residuals and the model's line; and the points
    /// themselves when they are few (see [`LAYERED_POINTS`]).
    fn draw_moving<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        frame: Option<&PlotFrame>,
        style: &ChartStyle,
    ) -> DrawResult<(), DB> {
        if let Some(frame) = frame {
            if self.show_squares {
                draw_squares(area, frame, &self.residuals, style)?;
            }
            draw_residuals(area, frame, &self.residuals, style)?;
            let palette = style.palette();
            draw_clipped_polyline(
                area,
                frame,
                &self.model_line,
                palette.model.stroke_width(style.stroke(3.5)),
            )?;
        }
        if self.points.len() <= LAYERED_POINTS {
            draw_data_points(
                area,
                frame,
                &self.points,
                self.highlighted,
                &self.empty_message,
                style,
            )?;
        }
        Ok(())
    }

    fn overlay(&self, frame: Option<&PlotFrame>, style: &ChartStyle) -> Option<DataPoints> {
        (self.points.len() > LAYERED_POINTS).then(|| DataPoints::of(self, frame, style))
    }

    /// A point being dragged while the others are on the overlay.
    fn has_top(&self) -> bool {
        self.dragged_over_overlay().is_some()
    }

    /// The point being dragged, with its ring, over the overlay's others.
    fn draw_top<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        frame: Option<&PlotFrame>,
        style: &ChartStyle,
    ) -> DrawResult<(), DB> {
        match (frame, self.dragged_over_overlay()) {
            (Some(frame), Some(point)) => draw_points(area, frame, &[point], Some(0), style),
            _ => Ok(()),
        }
    }
}

/// The points as discs, or `empty_message` when none is finite.
fn draw_data_points<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: Option<&PlotFrame>,
    points: &[(f64, f64)],
    highlighted: Option<usize>,
    empty_message: &str,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    if let Some(frame) = frame {
        draw_points(area, frame, points, highlighted, style)?;
    }
    if !points.iter().any(|(x, y)| x.is_finite() && y.is_finite()) {
        draw_centred_message(area, frame, empty_message, style)?;
    }
    Ok(())
}
