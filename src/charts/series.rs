//! The look of one optimizer across the charts: an Okabe–Ito colour and a marker shape, both
//! chosen by the optimizer's index, so its path on the surface, its line in the loss-against-step
//! chart and its row in the race table match. Shapes differ as well as colours, so the series
//! stay apart in greyscale and on a washed-out projector.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{draw_clipped_polyline, to_backend, unit_visible, ChartStyle, DrawResult, PlotFrame};

const WHITE: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// The series colours, in order: Okabe–Ito's vermillion, blue, orange, reddish purple, sky blue,
/// bluish green, black and yellow. Index `i` takes entry `i % 8`.
pub const SERIES_COLOURS: [RGBColor; 8] = [
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0x00, 0x00, 0x00),
    RGBColor(0xF0, 0xE4, 0x42),
];

/// The shape of a series' markers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerShape {
    /// A filled disc.
    Circle,
    /// A filled square.
    Square,
    /// A filled triangle pointing up.
    TriangleUp,
    /// A filled diamond.
    Diamond,
    /// A filled triangle pointing down.
    TriangleDown,
    /// A thick ×.
    Cross,
    /// A thick +.
    Plus,
    /// A filled five-pointed star.
    Star,
}

/// The marker shapes, in series order.
pub const SERIES_SHAPES: [MarkerShape; 8] = [
    MarkerShape::Circle,
    MarkerShape::Square,
    MarkerShape::TriangleUp,
    MarkerShape::Diamond,
    MarkerShape::TriangleDown,
    MarkerShape::Cross,
    MarkerShape::Plus,
    MarkerShape::Star,
];

/// One optimizer's path on a chart: over the surface the points are (a, b), on the loss
/// curve of a one-parameter model they are (a, L).
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesPath {
    /// The optimizer's index: picks its colour and marker shape (see [`series_colour`]),
    /// the same in every chart and in the race table.
    pub series: usize,
    /// The points it visited, oldest first; the last gets the largest marker.
    pub points: Vec<(f64, f64)>,
}

/// The colour of series `index`.
pub fn series_colour(index: usize) -> RGBColor {
    SERIES_COLOURS[index % SERIES_COLOURS.len()]
}

/// The marker shape of series `index`.
pub fn series_shape(index: usize) -> MarkerShape {
    SERIES_SHAPES[index % SERIES_SHAPES.len()]
}

/// (sin θ, cos θ) of the star's ten points, θ = k·36° clockwise from the top: written out,
/// so that the app's wasm carries no sine or cosine (libm's argument reduction alone is
/// about 5 KB; BENCHMARKS.md, "Size"). `star_directions_are_the_sines_and_cosines` in
/// tests/charts.rs checks them against `f64::sin` and `f64::cos`.
pub const STAR_DIRECTIONS: [(f64, f64); 10] = {
    const S36: f64 = 0.587_785_252_292_473_1;
    const C36: f64 = 0.809_016_994_374_947_5;
    const S72: f64 = 0.951_056_516_295_153_5;
    const C72: f64 = 0.309_016_994_374_947_45;
    [
        (0.0, 1.0),
        (S36, C36),
        (S72, C72),
        (S72, -C72),
        (S36, -C36),
        (0.0, -1.0),
        (-S36, -C36),
        (-S72, -C72),
        (-S72, C72),
        (-S36, C36),
    ]
};

/// Draws a marker of `shape` centred on a pixel position, `radius` pixels from its centre to its
/// tips, in `colour` with an outline of `outline` (a light casing keeps it visible on any
/// background).
pub(crate) fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (f64, f64),
    shape: MarkerShape,
    radius: f64,
    colour: RGBColor,
    outline: RGBColor,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    if !(x.is_finite() && y.is_finite()) {
        return Ok(());
    }
    let r = radius;
    let ring = style.stroke(1.5);
    let polygon = |points: Vec<(f64, f64)>| -> Vec<(i32, i32)> {
        points
            .into_iter()
            .map(|(dx, dy)| (to_backend(x + dx), to_backend(y + dy)))
            .collect()
    };
    let filled = |points: Vec<(f64, f64)>| -> DrawResult<(), DB> {
        let mut outline_points = polygon(points.clone());
        area.draw(&Polygon::new(polygon(points), colour.filled()))?;
        if let Some(first) = outline_points.first().copied() {
            outline_points.push(first);
        }
        area.draw(&PathElement::new(
            outline_points,
            outline.stroke_width(ring),
        ))
    };
    match shape {
        MarkerShape::Circle => {
            let centre = (to_backend(x), to_backend(y));
            let r = r.round().clamp(1.0, 1e4) as i32;
            area.draw(&Circle::new(centre, r, colour.filled()))?;
            area.draw(&Circle::new(centre, r, outline.stroke_width(ring)))
        }
        MarkerShape::Square => {
            let s = r * 0.85;
            filled(vec![(-s, -s), (s, -s), (s, s), (-s, s)])
        }
        MarkerShape::TriangleUp => filled(vec![(0.0, -r * 1.1), (r, r * 0.75), (-r, r * 0.75)]),
        MarkerShape::TriangleDown => filled(vec![(0.0, r * 1.1), (r, -r * 0.75), (-r, -r * 0.75)]),
        MarkerShape::Diamond => filled(vec![(0.0, -r * 1.2), (r, 0.0), (0.0, r * 1.2), (-r, 0.0)]),
        MarkerShape::Star => {
            let points = STAR_DIRECTIONS
                .iter()
                .enumerate()
                .map(|(k, &(sin, cos))| {
                    let length = if k % 2 == 0 { r * 1.25 } else { r * 0.55 };
                    (length * sin, -length * cos)
                })
                .collect();
            filled(points)
        }
        MarkerShape::Cross | MarkerShape::Plus => {
            let d = if shape == MarkerShape::Cross {
                r * 0.8
            } else {
                r
            };
            let arms: [((f64, f64), (f64, f64)); 2] = if shape == MarkerShape::Cross {
                [((-d, -d), (d, d)), ((-d, d), (d, -d))]
            } else {
                [((-d, 0.0), (d, 0.0)), ((0.0, -d), (0.0, d))]
            };
            let thick = style.stroke(3.5);
            for (from, to) in arms {
                area.draw(&PathElement::new(
                    polygon(vec![from, to]),
                    outline.stroke_width(thick + 2 * ring),
                ))?;
            }
            for (from, to) in arms {
                area.draw(&PathElement::new(
                    polygon(vec![from, to]),
                    colour.stroke_width(thick),
                ))?;
            }
            Ok(())
        }
    }
}

/// One optimizer's path (on the surface in (a, b), on the loss curve in (a, L)): a line on a
/// white casing, a marker at each visited point that is not crowded by the previous marker,
/// and a larger marker at its last point.
pub(crate) fn draw_series_path<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    points: &[(f64, f64)],
    series: usize,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let colour = series_colour(series);
    let shape = series_shape(series);
    let width = style.stroke(2.5);
    draw_clipped_polyline(
        area,
        frame,
        points,
        WHITE.mix(0.85).stroke_width(width + 2 * style.stroke(1.0)),
    )?;
    draw_clipped_polyline(area, frame, points, colour.stroke_width(width))?;
    let radius = style.px(4.5);
    let head_radius = style.px(7.0);
    let visible: Vec<(f64, f64)> = points
        .iter()
        .filter(|p| p.0.is_finite() && p.1.is_finite())
        .map(|&p| frame.unit_of(p))
        .filter(|u| unit_visible(*u))
        .map(|u| frame.unit_to_pixel(u))
        .collect();
    let last = points
        .iter()
        .rev()
        .find(|p| p.0.is_finite() && p.1.is_finite())
        .map(|&p| frame.unit_of(p))
        .filter(|u| unit_visible(*u))
        .map(|u| frame.unit_to_pixel(u));
    let mut previous: Option<(f64, f64)> = None;
    for &p in &visible {
        let crowded = previous.is_some_and(|q| (p.0 - q.0).hypot(p.1 - q.1) < 3.0 * radius);
        let near_head = last.is_some_and(|h| (p.0 - h.0).hypot(p.1 - h.1) < 2.0 * head_radius);
        if crowded || near_head {
            continue;
        }
        draw_marker(area, p, shape, radius, colour, WHITE, style)?;
        previous = Some(p);
    }
    if let Some(head) = last {
        draw_marker(area, head, shape, head_radius, colour, WHITE, style)?;
    }
    Ok(())
}
