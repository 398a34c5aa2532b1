//! The frame of every chart: background, grid, ticks, tick labels, zero lines and axis names
//! ([`draw_axes`]), and the text helpers the charts place their labels with.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::{fit_with_ellipsis, keep_lines, measure_text, wrap_to_width};
use super::ticks::{TickFormat, MAX_TICKS};
use super::{draw_clipped_polyline, to_backend, ChartStyle, ChartView, DrawResult, PlotFrame};

/// Draws a text with its anchor at a pixel position.
pub(crate) fn draw_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    (x, y): (f64, f64),
    style: &TextStyle,
    h: HPos,
    v: VPos,
) -> DrawResult<(), DB> {
    if text.is_empty() {
        return Ok(());
    }
    let style = style.pos(Pos::new(h, v));
    area.draw(&Text::new(text, (to_backend(x), to_backend(y)), style))
}

/// A rough width of a text in pixels, without asking the backend (which in the browser means a
/// DOM measurement per call).
pub(crate) fn approximate_text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * 0.6 * font_px
}

/// The names and view of the axes [`draw_axes`] draws.
pub(crate) struct Axes<'a> {
    pub view: ChartView,
    pub x_name: &'a str,
    pub y_name: &'a str,
}

/// Fills the background, lays out margins from the font sizes, draws the grid, ticks, tick labels,
/// axis names and zero lines, and returns where the plotting area landed — or `None` when the
/// area is too small to hold a chart (then only the background is drawn).
pub(crate) fn draw_axes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    axes: &Axes,
    style: &ChartStyle,
) -> DrawResult<Option<PlotFrame>, DB> {
    draw_axes_with_y_labels(area, axes, style, None)
}

/// [`draw_axes`], with the y tick labels written by `y_label` instead of the linear
/// [`TickFormat`]: a log axis plots log10 L and labels each tick with the L it stands for.
pub(crate) fn draw_axes_with_y_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    axes: &Axes,
    style: &ChartStyle,
    y_label: Option<&dyn Fn(f64) -> String>,
) -> DrawResult<Option<PlotFrame>, DB> {
    let palette = style.palette();
    area.fill(&palette.background)?;
    let view = axes.view.sanitized();
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));

    let tick_font_px = 18.0;
    let name_font_px = 22.0;
    let tick_px = style.px(tick_font_px);
    let name_px = style.px(name_font_px);
    let tick_mark = style.px(6.0);
    let gap = style.px(6.0);

    let x_ticks = TickFormat::for_range(view.x, style.decimal_separator);
    let y_ticks = TickFormat::for_range(view.y, style.decimal_separator);
    let y_text = |v: f64| match y_label {
        Some(label) => label(v),
        None => y_ticks.format(v),
    };
    let widest_tick = RangedCoordf64::from(view.y.0..view.y.1)
        .key_points(MAX_TICKS)
        .into_iter()
        .map(|t| approximate_text_width(&y_text(t), tick_px))
        .fold(0.0, f64::max);
    let left_area = (widest_tick + tick_mark + 2.0 * gap).ceil();
    let bottom_area = (tick_mark + gap + tick_px * 1.2 + gap + name_px * 1.3).ceil();
    let margin_top = (name_px * 1.8).ceil();
    let margin_right = (tick_px * 1.6).ceil();
    let margin_left = gap.ceil();

    let min_plot = style.px(24.0);
    if width - left_area - margin_left - margin_right < min_plot
        || height - bottom_area - margin_top < min_plot
    {
        return Ok(None);
    }

    let mut chart = ChartBuilder::on(area)
        .margin_top(margin_top as u32)
        .margin_right(margin_right as u32)
        .margin_left(margin_left as u32)
        .x_label_area_size(bottom_area as u32)
        .y_label_area_size(left_area as u32)
        .build_cartesian_2d(view.x.0..view.x.1, view.y.0..view.y.1)?;

    let x_format = |v: &f64| x_ticks.format(*v);
    let y_format = |v: &f64| y_text(*v);
    chart
        .configure_mesh()
        .x_labels(MAX_TICKS)
        .y_labels(MAX_TICKS)
        .x_label_formatter(&x_format)
        .y_label_formatter(&y_format)
        .label_style(style.font(tick_font_px, palette.text))
        .axis_style(palette.axis.stroke_width(style.stroke(1.5)))
        .bold_line_style(palette.grid.stroke_width(style.stroke(1.0)))
        .light_line_style(palette.background.mix(0.0))
        .set_all_tick_mark_size(tick_mark as u32)
        .draw()?;

    let (x_pixels, y_pixels) = chart.plotting_area().get_pixel_range();
    let (base_x, base_y) = area.get_base_pixel();
    let frame = PlotFrame {
        left: f64::from(x_pixels.start - base_x),
        right: f64::from(x_pixels.end - 1 - base_x),
        top: f64::from(y_pixels.start - base_y),
        bottom: f64::from(y_pixels.end - 1 - base_y),
        view,
    };

    // Zero lines: the axes of the lesson's y = a·x live at the origin, not at the frame's edge.
    let zero_style = palette.axis.mix(0.4).stroke_width(style.stroke(1.5));
    if view.x.0 < 0.0 && view.x.1 > 0.0 {
        draw_clipped_polyline(
            area,
            &frame,
            &[(0.0, view.y.0), (0.0, view.y.1)],
            zero_style,
        )?;
    }
    // On a log axis (custom labels) y = 0 is L = 1, nothing special.
    if y_label.is_none() && view.y.0 < 0.0 && view.y.1 > 0.0 {
        draw_clipped_polyline(
            area,
            &frame,
            &[(view.x.0, 0.0), (view.x.1, 0.0)],
            zero_style,
        )?;
    }

    // Axis names are user text (column names): drawn horizontally, the x name centred under the
    // tick labels and the y name above the top of the y axis, where a reader looks for it. A
    // name too long for the chart ends in "…" rather than running off both edges.
    let name_font = |name: &str| {
        if name.chars().count() == 1 {
            style.italic_font(name_font_px, palette.text)
        } else {
            style.font(name_font_px, palette.text)
        }
    };
    let x_font = name_font(axes.x_name);
    let x_centre = (frame.left + frame.right) / 2.0;
    let x_room = 2.0 * x_centre.min(width - x_centre) - 2.0 * gap;
    let x_name = fit_with_ellipsis(axes.x_name, x_room, |t| measure_text(area, t, &x_font).0);
    draw_text(
        area,
        &x_name,
        (
            x_centre,
            frame.bottom + tick_mark + gap + tick_px * 1.2 + gap,
        ),
        &x_font,
        HPos::Center,
        VPos::Top,
    )?;
    let y_font = name_font(axes.y_name);
    let y_room = width - 2.0 * margin_left;
    let y_name = fit_with_ellipsis(axes.y_name, y_room, |t| measure_text(area, t, &y_font).0);
    draw_text(
        area,
        &y_name,
        (margin_left, frame.top - name_px * 0.5),
        &y_font,
        HPos::Left,
        VPos::Bottom,
    )?;
    Ok(Some(frame))
}

/// Draws a message centred in the plotting area (or the whole area when there is no frame),
/// wrapped into lines that fit its width; what does not fit its height ends in "…".
pub(crate) fn draw_centred_message<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: Option<&PlotFrame>,
    message: &str,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let (left, top, right, bottom) = match frame {
        Some(f) => (f.left, f.top, f.right, f.bottom),
        None => {
            let (w, h) = area.dim_in_pixel();
            (0.0, 0.0, f64::from(w), f64::from(h))
        }
    };
    let font = style.font(24.0, style.palette().muted_text);
    let pad = style.px(8.0);
    let max_width = right - left - 2.0 * pad;
    let line_height = style.px(24.0) * 1.25;
    let max_lines = ((bottom - top - 2.0 * pad) / line_height)
        .floor()
        .clamp(1.0, 50.0) as usize;
    let width = |t: &str| measure_text(area, t, &font).0;
    let lines = keep_lines(
        wrap_to_width(message, max_width, width),
        max_lines,
        max_width,
        width,
    );
    let centre_x = (left + right) / 2.0;
    let first_y = (top + bottom) / 2.0 - (lines.len() as f64 - 1.0) * line_height / 2.0;
    for (i, line) in lines.iter().enumerate() {
        let y = first_y + i as f64 * line_height;
        draw_text(area, line, (centre_x, y), &font, HPos::Center, VPos::Center)?;
    }
    Ok(())
}
