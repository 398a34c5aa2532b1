//! The surface chart's colour legend, right of the plot: a bar of the colour scale from the
//! lowest L (bottom) to the highest (top), labelled with round values of L, the loss's name over
//! it, and above the bar — only when the grid has such cells — a swatch of the "too large"
//! colour (L overflowed) and a hatched swatch for "not defined" (a typed formula has no value
//! there), each with its label.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::colormap::{lut_colour, LogColourScale, TOO_LARGE, UNDEFINED};
use super::surface_chart::SurfaceBase;
use super::ticks::format_significant;
use super::undefined::hatch;
use super::{approximate_text_width, draw_text, to_backend, ChartStyle, DrawResult, PlotFrame};

/// The legend's font size at scale 1.
const FONT_PX: f64 = 16.0;
/// How many bands the bar is drawn with.
const BANDS: usize = 64;

/// A painter of the legend's colour bar into the rectangle `[left, top, right, bottom]` (in
/// the area's pixels): [`draw_bands`], or the canvas's one bitmap of the bands.
pub type BarPainter<'a, DB> =
    dyn FnMut(&DrawingArea<DB, Shift>, [f64; 4]) -> DrawResult<(), DB> + 'a;

/// The colour of each band of the bar, lowest L (bottom) first.
fn band_colours() -> impl DoubleEndedIterator<Item = RGBColor> {
    (0..BANDS).map(|i| lut_colour((i as f64 + 0.5) / BANDS as f64))
}

/// The bar's bands as an RGBA bitmap one pixel wide, one pixel a band, the top band (highest
/// L) first: what a canvas stretches over the bar ([`BarPainter`]).
pub fn bar_rgba() -> Vec<u8> {
    band_colours()
        .rev()
        .flat_map(|c| [c.0, c.1, c.2, 255])
        .collect()
}

/// Draws the bar's bands, each a rectangle, into `[left, top, right, bottom]`.
pub fn draw_bands<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    [left, top, right, bottom]: [f64; 4],
) -> DrawResult<(), DB> {
    let band = (bottom - top) / BANDS as f64;
    for (i, colour) in band_colours().enumerate() {
        let corners = [
            (to_backend(left), to_backend(bottom - (i + 1) as f64 * band)),
            (to_backend(right), to_backend(bottom - i as f64 * band)),
        ];
        area.draw(&Rectangle::new(corners, colour.filled()))?;
    }
    Ok(())
}

/// Round values of L for the legend's labels, low to high, within the scale: powers of ten
/// (every second or third when there are many), or 1, 2, 5 × 10ᵏ over less than two decades,
/// or the scale's two ends when not even those fall inside.
pub fn legend_values(scale: &LogColourScale) -> Vec<f64> {
    let (lo, hi) = (scale.low.log10(), scale.high.log10());
    if !(lo.is_finite() && hi.is_finite()) {
        return Vec::new();
    }
    let inside = |v: f64| v >= scale.low * (1.0 - 1e-9) && v <= scale.high * (1.0 + 1e-9);
    let first = lo.ceil() as i32;
    let last = hi.floor() as i32;
    let decades = (last - first + 1).max(0);
    if decades >= 3 {
        let stride = (decades + 6) / 7;
        return (first..=last)
            .filter(|k| (k - first) % stride == 0)
            .map(|k| 10f64.powi(k))
            .collect();
    }
    let mut values: Vec<f64> = (first - 1..=last)
        .flat_map(|k| [1.0, 2.0, 5.0].map(|m| m * 10f64.powi(k)))
        .filter(|v| inside(*v))
        .collect();
    if values.len() < 2 {
        values = if hi > lo {
            vec![scale.low, scale.high]
        } else {
            vec![scale.low]
        };
    }
    values
}

/// The legend's labels: each value and its text.
fn labels(base: &SurfaceBase, style: &ChartStyle) -> Vec<(f64, String)> {
    legend_values(&base.scale)
        .into_iter()
        .map(|v| (v, format_significant(v, 2, style.decimal_separator)))
        .collect()
}

/// The width in pixels the legend takes right of the plot (0 without values to show).
pub(super) fn legend_width(base: &SurfaceBase, style: &ChartStyle) -> f64 {
    if !base.has_values() {
        return 0.0;
    }
    let font = style.px(FONT_PX);
    let widest = labels(base, style)
        .iter()
        .map(|(_, text)| approximate_text_width(text, font))
        .fold(approximate_text_width(&base.loss_name, font), f64::max);
    let entries = swatches(base)
        .iter()
        .map(|(_, label)| approximate_text_width(label, font))
        .fold(0.0, f64::max);
    style.px(8.0) + style.px(18.0) + style.px(6.0) + widest.max(entries) + style.px(10.0)
}

/// The entries above the bar: (hatched?, label) for "too large" and "not defined", each
/// only when the grid has such cells.
fn swatches(base: &SurfaceBase) -> Vec<(bool, &str)> {
    let mut entries = Vec::new();
    if base.too_large {
        entries.push((false, base.too_large_label.as_str()));
    }
    if base.undefined {
        entries.push((true, base.undefined_label.as_str()));
    }
    entries
}

/// Draws the legend in the column that starts at pixel `left`, beside `frame`.
pub(super) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    left: f64,
    base: &SurfaceBase,
    style: &ChartStyle,
    bar: &mut BarPainter<'_, DB>,
) -> DrawResult<(), DB> {
    let palette = style.palette();
    let font = style.font(FONT_PX, palette.text);
    let bar_left = left + style.px(8.0);
    let bar_right = bar_left + style.px(18.0);
    let text_x = bar_right + style.px(6.0);
    let outline = palette.axis.stroke_width(style.stroke(1.0));
    let mut bar_top = frame.top;
    for (hatched, label) in swatches(base) {
        let swatch = style.px(18.0);
        let corners = [
            (to_backend(bar_left), to_backend(bar_top)),
            (to_backend(bar_right), to_backend(bar_top + swatch)),
        ];
        let fill = if hatched { UNDEFINED } else { TOO_LARGE };
        area.draw(&Rectangle::new(corners, fill.filled()))?;
        if hatched {
            hatch(
                area,
                (bar_left, bar_top, bar_right, bar_top + swatch),
                style,
            )?;
        }
        area.draw(&Rectangle::new(corners, outline))?;
        draw_text(
            area,
            label,
            (text_x, bar_top + swatch / 2.0),
            &font,
            HPos::Left,
            VPos::Center,
        )?;
        bar_top += swatch + style.px(FONT_PX) * 0.6;
    }
    if bar_top > frame.top {
        bar_top += style.px(FONT_PX) * 0.6;
    }
    let bar_bottom = frame.bottom;
    if bar_bottom - bar_top < style.px(20.0) {
        return Ok(());
    }
    bar(area, [bar_left, bar_top, bar_right, bar_bottom])?;
    let corners = [
        (to_backend(bar_left), to_backend(bar_top)),
        (to_backend(bar_right), to_backend(bar_bottom)),
    ];
    area.draw(&Rectangle::new(corners, outline))?;
    let tick = style.px(4.0);
    for (value, text) in labels(base, style) {
        let Some(position) = base.scale.position(value) else {
            continue;
        };
        let y = bar_bottom - position * (bar_bottom - bar_top);
        area.draw(&PathElement::new(
            vec![
                (to_backend(bar_right - tick), to_backend(y)),
                (to_backend(bar_right + tick / 2.0), to_backend(y)),
            ],
            outline,
        ))?;
        draw_text(area, &text, (text_x, y), &font, HPos::Left, VPos::Center)?;
    }
    let name_font = if base.loss_name.chars().count() == 1 {
        style.italic_font(22.0, palette.text)
    } else {
        style.font(22.0, palette.text)
    };
    draw_text(
        area,
        &base.loss_name,
        (bar_left, frame.top - style.px(22.0) * 0.5),
        &name_font,
        HPos::Left,
        VPos::Bottom,
    )
}
