//! The loss-against-step chart: L on a log axis against the step number, one line per optimizer
//! of the race in its colour and with its markers (as on the surface), and a legend naming them.
//!
//! The y axis plots log10 L and labels each tick with the L it stands for. A loss of 0 (an
//! optimizer that landed exactly on the minimum) is drawn at the bottom of the axis; a loss
//! that is not finite (diverged) breaks the line, which leaves the chart at the top.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::draw_axes_with_y_labels;
use super::series::{draw_marker, series_colour, series_shape};
use super::ticks::format_significant;
use super::{
    approximate_text_width, asymmetric_padding, draw_centred_message, draw_clipped_polyline,
    draw_layered, draw_text, finite_extent, to_backend, unit_visible, Axes, CachedLayer,
    ChartStyle, ChartView, DrawResult, LayeredChart, NoLayer, PlotFrame,
};

/// The most decades the L axis spans: below that, a run that converged to 1e-30 would squeeze
/// every other line into the top of the chart.
pub const MAX_DECADES: f64 = 16.0;

/// One optimizer's losses, step by step.
#[derive(Clone, Debug, PartialEq)]
pub struct StepsSeries {
    /// The optimizer's index: its colour and marker shape, as on the surface chart.
    pub series: usize,
    /// Its name in the legend, e.g. "Adam".
    pub name: String,
    /// L before the first step (step 0), after the first, and so on.
    pub losses: Vec<f64>,
}

/// Everything the loss-against-step chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct StepsChart {
    /// One entry per optimizer in the race.
    pub series: Vec<StepsSeries>,
    /// The horizontal axis's name, e.g. "step".
    pub step_name: String,
    /// The vertical axis's name, e.g. "L".
    pub loss_name: String,
    /// Shown in the middle of the chart when no series has a positive finite loss.
    pub empty_message: String,
}

impl Default for StepsChart {
    fn default() -> Self {
        Self {
            series: Vec::new(),
            step_name: "step".to_owned(),
            loss_name: "L".to_owned(),
            empty_message: String::new(),
        }
    }
}

/// The data window: steps 0 to the longest series' last, rounded up ([`step_axis_end`]),
/// and log10 L over the positive finite losses (at most [`MAX_DECADES`] deep) widened to
/// whole half decades, padded; finite and of nonzero width whatever the input.
///
/// The rounding keeps the axes still while a race runs: the window changes only every
/// few steps, not at each one, so the cached axes layer is redrawn that seldom and the
/// labels do not creep along at every Step.
pub fn steps_view(chart: &StepsChart) -> ChartView {
    let last_step = chart
        .series
        .iter()
        .map(|s| s.losses.len().saturating_sub(1))
        .max()
        .unwrap_or(0);
    let logs = chart
        .series
        .iter()
        .flat_map(|s| s.losses.iter())
        .filter(|l| l.is_finite() && **l > 0.0)
        .map(|l| l.log10());
    let (lo, hi) = finite_extent(logs).unwrap_or((0.0, 1.0));
    let (lo, hi) = ((lo * 2.0).floor() / 2.0, (hi * 2.0).ceil() / 2.0);
    let lo = lo.max(hi - MAX_DECADES);
    let (lo, hi) = if hi - lo < 1.0 {
        let mid = (lo + hi) / 2.0;
        (mid - 0.5, mid + 0.5)
    } else {
        (lo, hi)
    };
    ChartView {
        x: asymmetric_padding(0.0, step_axis_end(last_step) as f64, 0.02, 0.03),
        y: asymmetric_padding(lo, hi, 0.05, 0.08),
    }
}

/// Where the step axis ends for a longest series ending at step `last`: at `last` up to
/// 10, else at the next multiple of half its power of ten (11 → 15, 101 → 150, 1 001 →
/// 1 500), so the lines fill at least two thirds of the width.
pub fn step_axis_end(last: usize) -> usize {
    if last <= 10 {
        return last.max(1);
    }
    let mut unit = 1usize;
    while unit <= last / 10 {
        unit = unit.saturating_mul(10);
    }
    let half = (unit / 2).max(1);
    last.div_ceil(half).saturating_mul(half)
}

/// Draws the chart onto `area` and returns where its plotting area landed.
pub fn draw_steps_chart<DB: DrawingBackend>(
    area: DrawingArea<DB, Shift>,
    chart: &StepsChart,
    style: &ChartStyle,
) -> DrawResult<Option<PlotFrame>, DB> {
    draw_layered(&area, chart, style)
}

/// The chart's cached layer: background, axes and tick labels.
#[derive(Clone, Debug, PartialEq)]
pub struct StepsAxes {
    /// The data window (x: steps, y: log10 L).
    pub view: ChartView,
    /// The horizontal axis's name.
    pub step_name: String,
    /// The vertical axis's name.
    pub loss_name: String,
    /// How it is drawn.
    pub style: ChartStyle,
}

impl CachedLayer for StepsAxes {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> DrawResult<Option<PlotFrame>, DB> {
        let axes = Axes {
            view: self.view,
            x_name: &self.step_name,
            y_name: &self.loss_name,
        };
        let separator = self.style.decimal_separator;
        let label = move |log: f64| format_significant(10f64.powf(log), 2, separator);
        draw_axes_with_y_labels(area, &axes, &self.style, Some(&label))
    }
}

impl LayeredChart for StepsChart {
    type Base = StepsAxes;
    type Overlay = NoLayer;

    fn base(&self, style: &ChartStyle) -> StepsAxes {
        StepsAxes {
            view: steps_view(self),
            step_name: self.step_name.clone(),
            loss_name: self.loss_name.clone(),
            style: *style,
        }
    }

    fn draw_moving<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        frame: Option<&PlotFrame>,
        style: &ChartStyle,
    ) -> DrawResult<(), DB> {
        if let Some(frame) = frame {
            for series in &self.series {
                draw_series(area, frame, series, style)?;
            }
            draw_steps_legend(area, frame, &self.series, style)?;
        }
        let has_values = self
            .series
            .iter()
            .flat_map(|s| s.losses.iter())
            .any(|l| l.is_finite() && *l > 0.0);
        if !has_values {
            draw_centred_message(area, frame, &self.empty_message, style)?;
        }
        Ok(())
    }

    fn overlay(&self, _frame: Option<&PlotFrame>, _style: &ChartStyle) -> Option<NoLayer> {
        None
    }
}

/// The points (step, log10 L) of a series: a loss of 0 or below sits at the axis's bottom, a
/// non-finite one is NaN (a break in the line).
fn series_points(series: &StepsSeries, view: &ChartView) -> Vec<(f64, f64)> {
    series
        .losses
        .iter()
        .enumerate()
        .map(|(step, &l)| {
            let y = if !l.is_finite() {
                f64::NAN
            } else if l <= 0.0 {
                view.y.0
            } else {
                l.log10().max(view.y.0)
            };
            (step as f64, y)
        })
        .collect()
}

/// One series: its line and a marker at steps spread out enough to tell apart, and at its
/// last finite step.
fn draw_series<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    series: &StepsSeries,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let colour = series_colour(series.series);
    let points = series_points(series, &frame.view);
    draw_clipped_polyline(area, frame, &points, colour.stroke_width(style.stroke(2.5)))?;
    let radius = style.px(4.5);
    let white = RGBColor(0xFF, 0xFF, 0xFF);
    let visible: Vec<(f64, f64)> = points
        .iter()
        .filter(|p| p.1.is_finite())
        .map(|&p| frame.unit_of(p))
        .filter(|u| unit_visible(*u))
        .map(|u| frame.unit_to_pixel(u))
        .collect();
    // Markers about every 40 pixels (at least 4 marker widths), phase-shifted per series so two
    // lines on top of each other still show both shapes.
    let spacing = style.px(40.0).max(8.0 * radius);
    let phase = (series.series % 4) as f64 * spacing / 4.0;
    let mut next = frame.left + phase;
    for &p in &visible {
        if p.0 + 0.5 >= next {
            draw_marker(
                area,
                p,
                series_shape(series.series),
                radius,
                colour,
                white,
                style,
            )?;
            next = p.0 + spacing;
        }
    }
    if let Some(&last) = visible.last() {
        draw_marker(
            area,
            last,
            series_shape(series.series),
            radius * 1.3,
            colour,
            white,
            style,
        )?;
    }
    Ok(())
}

/// The legend in a corner of the plot ([`legend_corner`]): a line with the marker and the
/// name per series.
fn draw_steps_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    series: &[StepsSeries],
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    if series.is_empty() {
        return Ok(());
    }
    let palette = style.palette();
    let font_px = 16.0;
    let font = style.font(font_px, palette.text);
    let line_height = style.px(font_px) * 1.5;
    let sample = style.px(28.0);
    let gap = style.px(6.0);
    let widest = series
        .iter()
        .map(|s| approximate_text_width(&s.name, style.px(font_px)))
        .fold(0.0, f64::max);
    let width = gap + sample + gap + widest + gap;
    let height = line_height * series.len() as f64 + gap;
    if frame.right - frame.left < width + 2.0 * gap || frame.bottom - frame.top < height + 2.0 * gap
    {
        return Ok(());
    }
    let (left, top) = legend_corner(frame, series, (width, height), gap);
    let right = left + width;
    area.draw(&Rectangle::new(
        [
            (to_backend(left), to_backend(top)),
            (to_backend(right), to_backend(top + height)),
        ],
        palette.background.mix(0.9).filled(),
    ))?;
    area.draw(&Rectangle::new(
        [
            (to_backend(left), to_backend(top)),
            (to_backend(right), to_backend(top + height)),
        ],
        palette.grid.stroke_width(style.stroke(1.0)),
    ))?;
    let white = RGBColor(0xFF, 0xFF, 0xFF);
    for (i, s) in series.iter().enumerate() {
        let y = top + gap / 2.0 + line_height * (i as f64 + 0.5);
        let colour = series_colour(s.series);
        let (x0, x1) = (left + gap, left + gap + sample);
        area.draw(&PathElement::new(
            vec![
                (to_backend(x0), to_backend(y)),
                (to_backend(x1), to_backend(y)),
            ],
            colour.stroke_width(style.stroke(2.5)),
        ))?;
        draw_marker(
            area,
            ((x0 + x1) / 2.0, y),
            series_shape(s.series),
            style.px(4.5),
            colour,
            white,
            style,
        )?;
        draw_text(
            area,
            &s.name,
            (x1 + gap, y),
            &font,
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(())
}

/// Where a legend of `size` (width, height in pixels) goes: the corner of the plot, `gap`
/// in from its edges, that the series' lines cross least, measured by points every few
/// pixels along each line. Top right when it is free (loss curves fall from the top
/// left), then bottom left, top left, bottom right: a momentum run that climbs again
/// would otherwise hide under a top-right legend. Returns its left and top.
pub fn legend_corner(
    frame: &PlotFrame,
    series: &[StepsSeries],
    (width, height): (f64, f64),
    gap: f64,
) -> (f64, f64) {
    let (left_x, right_x) = (frame.left + gap, frame.right - gap - width);
    let (top_y, bottom_y) = (frame.top + gap, frame.bottom - gap - height);
    let corners = [
        (right_x, top_y),
        (left_x, bottom_y),
        (left_x, top_y),
        (right_x, bottom_y),
    ];
    let lines: Vec<Vec<(f64, f64)>> = series
        .iter()
        .map(|s| {
            series_points(s, &frame.view)
                .into_iter()
                .map(|p| frame.to_pixel(p))
                .collect()
        })
        .collect();
    let covered = |(x, y): (f64, f64)| {
        let inside = |p: (f64, f64)| {
            p.0 >= x - gap && p.0 <= x + width + gap && p.1 >= y - gap && p.1 <= y + height + gap
        };
        lines
            .iter()
            .flat_map(|line| line.windows(2))
            .filter(|w| w.iter().all(|p| p.0.is_finite() && p.1.is_finite()))
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                // A point every 3 pixels along the segment (at most 2 000 per segment).
                let n = ((b.0 - a.0).hypot(b.1 - a.1) / 3.0)
                    .ceil()
                    .clamp(1.0, 2000.0) as usize;
                (0..=n)
                    .map(|k| {
                        let t = k as f64 / n as f64;
                        (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
                    })
                    .filter(|p| inside(*p))
                    .count()
            })
            .sum::<usize>()
    };
    corners
        .into_iter()
        .map(|corner| (covered(corner), corner))
        .min_by_key(|(count, _)| *count)
        .map_or((right_x, top_y), |(_, corner)| corner)
}
