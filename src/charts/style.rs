//! How the charts look: [`ChartStyle`] (device scale, projector mode, the language's way of
//! writing numbers) and the colours of its [`Palette`].

use plotters::prelude::*;

/// How the charts look on one screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    /// `devicePixelRatio` × projector factor: multiplies every font size, line width and marker.
    /// Non-finite or non-positive values count as 1; the factor is clamped to 0.25..=8.
    pub scale: f64,
    /// Black on white with thicker lines, for projectors and low vision.
    pub high_contrast: bool,
    /// The decimal separator of the interface language, for tick labels: `.` in English,
    /// `,` in Lithuanian, so an axis reads 1,9 beside a readout of −447,3.
    pub decimal_separator: char,
}

/// How much projector mode enlarges a chart of `css_size` CSS pixels: the full
/// [`PROJECTOR_ENLARGEMENT`] from [`PROJECTOR_FULL_SIZE`] up, less on a smaller chart (a
/// 1280 × 720 projector's), never less than 1. Text enlarged on a small chart would crowd
/// out the plot: tick labels overlap, or no room is left for the plotting area at all.
pub fn projector_enlargement((width, height): (f64, f64)) -> f64 {
    let room = (width / PROJECTOR_FULL_SIZE.0).min(height / PROJECTOR_FULL_SIZE.1);
    if room.is_nan() {
        1.0
    } else {
        room.clamp(1.0, PROJECTOR_ENLARGEMENT)
    }
}

impl Default for ChartStyle {
    fn default() -> Self {
        Self {
            scale: 1.0,
            high_contrast: false,
            decimal_separator: '.',
        }
    }
}

/// The chart size (CSS pixels) from which projector mode draws text and lines at their full
/// [`PROJECTOR_ENLARGEMENT`]: about a chart's size on a 1920 × 1080 projector (950 × 430).
pub const PROJECTOR_FULL_SIZE: (f64, f64) = (600.0, 270.0);

/// How much larger projector mode draws the charts' text, lines and markers, at most.
pub const PROJECTOR_ENLARGEMENT: f64 = 1.5;

impl ChartStyle {
    /// The style of a chart whose canvas is `css_size` CSS pixels large, drawn at
    /// `pixel_ratio` device pixels per CSS pixel, in projector mode or not.
    pub fn for_canvas(css_size: (f64, f64), pixel_ratio: f64, projector: bool) -> ChartStyle {
        let enlargement = if projector {
            projector_enlargement(css_size)
        } else {
            1.0
        };
        ChartStyle {
            scale: pixel_ratio * enlargement,
            high_contrast: projector,
            decimal_separator: '.',
        }
    }

    /// The same style, writing numbers with `separator` as the decimal separator.
    pub fn with_decimal_separator(self, separator: char) -> ChartStyle {
        ChartStyle {
            decimal_separator: separator,
            ..self
        }
    }

    /// The scale actually used: finite, positive and within 0.25..=8.
    pub fn effective_scale(&self) -> f64 {
        if self.scale.is_finite() && self.scale > 0.0 {
            self.scale.clamp(0.25, 8.0)
        } else {
            1.0
        }
    }

    /// The colours for this style.
    pub fn palette(&self) -> Palette {
        if self.high_contrast {
            Palette::high_contrast()
        } else {
            Palette::okabe_ito()
        }
    }

    /// A length of `base` pixels at scale 1, in backend pixels.
    pub(crate) fn px(&self, base: f64) -> f64 {
        base * self.effective_scale()
    }

    /// A line width of `base` pixels at scale 1; high contrast draws it 1.6 times as thick.
    pub(crate) fn stroke(&self, base: f64) -> u32 {
        let contrast = if self.high_contrast { 1.6 } else { 1.0 };
        (self.px(base) * contrast).round().clamp(1.0, 64.0) as u32
    }

    /// A sans-serif font of `base` pixels at scale 1 in the given colour. Named by
    /// `FontFamily::SansSerif`, not by the text "sans-serif": Plotters reads a family's
    /// name through `str::to_lowercase`, whose Unicode tables would then be in the wasm
    /// (BENCHMARKS.md, "Size").
    pub(crate) fn font(&self, base: f64, color: RGBColor) -> TextStyle<'static> {
        (FontFamily::SansSerif, self.px(base))
            .into_font()
            .color(&color)
    }

    /// Like [`Self::font`], in italics, as mathematics sets single-letter variables.
    pub(crate) fn italic_font(&self, base: f64, color: RGBColor) -> TextStyle<'static> {
        (FontFamily::SansSerif, self.px(base), FontStyle::Italic)
            .into_font()
            .color(&color)
    }
}

/// The colours of both charts. The default is the Okabe–Ito palette, which stays distinguishable
/// under the common colour-vision deficiencies; every colour also differs in shape or line width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Behind everything.
    pub background: RGBColor,
    /// Tick labels, axis names and annotations.
    pub text: RGBColor,
    /// The centred message on an empty chart.
    pub muted_text: RGBColor,
    /// The axis lines and the zero lines.
    pub axis: RGBColor,
    /// The grid lines at the ticks.
    pub grid: RGBColor,
    /// The data points.
    pub points: RGBColor,
    /// The model's line ŷ(x).
    pub model: RGBColor,
    /// The residual segments from y to ŷ.
    pub residual: RGBColor,
    /// The squared-error squares (drawn translucent).
    pub square: RGBColor,
    /// The loss curve L(a).
    pub curve: RGBColor,
    /// The current point on the loss curve and its tangent.
    pub current: RGBColor,
    /// The descent trail.
    pub trail: RGBColor,
    /// The minimum and maximum markers.
    pub extremum: RGBColor,
    /// The ring around a highlighted (dragged) point.
    pub highlight: RGBColor,
}

impl Palette {
    /// Okabe–Ito colours on white.
    pub fn okabe_ito() -> Self {
        let blue = RGBColor(0x00, 0x72, 0xB2);
        let vermillion = RGBColor(0xD5, 0x5E, 0x00);
        let reddish_purple = RGBColor(0xCC, 0x79, 0xA7);
        let bluish_green = RGBColor(0x00, 0x9E, 0x73);
        let black = RGBColor(0x00, 0x00, 0x00);
        Self {
            background: RGBColor(0xFF, 0xFF, 0xFF),
            text: RGBColor(0x1A, 0x1A, 0x1A),
            muted_text: RGBColor(0x55, 0x55, 0x55),
            axis: RGBColor(0x33, 0x33, 0x33),
            grid: RGBColor(0xE3, 0xE3, 0xE3),
            points: blue,
            model: vermillion,
            residual: reddish_purple,
            square: reddish_purple,
            curve: blue,
            current: vermillion,
            trail: bluish_green,
            extremum: black,
            highlight: black,
        }
    }

    /// Black on white: roles differ by line width, dashes and marker shape instead of colour.
    pub fn high_contrast() -> Self {
        let black = RGBColor(0x00, 0x00, 0x00);
        Self {
            background: RGBColor(0xFF, 0xFF, 0xFF),
            text: black,
            muted_text: black,
            axis: black,
            grid: RGBColor(0xC8, 0xC8, 0xC8),
            points: black,
            model: black,
            residual: black,
            square: black,
            curve: black,
            current: black,
            trail: black,
            extremum: black,
            highlight: black,
        }
    }
}
