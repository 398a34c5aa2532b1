//! The heatmap's colours: matplotlib's viridis as a 256-entry lookup table, the log scale that
//! maps a loss L onto it ([`LogColourScale`]), and [`fill_heatmap`], the pure function that fills
//! an RGBA buffer from a [`SurfaceGrid`] — the bitmap the browser puts on the canvas in one call.
//!
//! Viridis is perceptually uniform (equal steps in L look like equal steps in colour), reads in
//! greyscale from dark to light, and stays ordered under the common colour-vision deficiencies.
//! The table is matplotlib's `_viridis_data` rounded to 8 bits.
//!
//! Over 400 lines only because the table takes 256 of them.

use std::sync::Arc;

use plotters::prelude::RGBColor;

/// Viridis, from dark purple (lowest L) to yellow (highest).
pub const VIRIDIS: [[u8; 3]; 256] = [
    [0x44, 0x01, 0x54],
    [0x44, 0x02, 0x56],
    [0x45, 0x04, 0x57],
    [0x45, 0x05, 0x59],
    [0x46, 0x07, 0x5A],
    [0x46, 0x08, 0x5C],
    [0x46, 0x0A, 0x5D],
    [0x46, 0x0B, 0x5E],
    [0x47, 0x0D, 0x60],
    [0x47, 0x0E, 0x61],
    [0x47, 0x10, 0x63],
    [0x47, 0x11, 0x64],
    [0x47, 0x13, 0x65],
    [0x48, 0x14, 0x67],
    [0x48, 0x16, 0x68],
    [0x48, 0x17, 0x69],
    [0x48, 0x18, 0x6A],
    [0x48, 0x1A, 0x6C],
    [0x48, 0x1B, 0x6D],
    [0x48, 0x1C, 0x6E],
    [0x48, 0x1D, 0x6F],
    [0x48, 0x1F, 0x70],
    [0x48, 0x20, 0x71],
    [0x48, 0x21, 0x73],
    [0x48, 0x23, 0x74],
    [0x48, 0x24, 0x75],
    [0x48, 0x25, 0x76],
    [0x48, 0x26, 0x77],
    [0x48, 0x28, 0x78],
    [0x48, 0x29, 0x79],
    [0x47, 0x2A, 0x7A],
    [0x47, 0x2C, 0x7A],
    [0x47, 0x2D, 0x7B],
    [0x47, 0x2E, 0x7C],
    [0x47, 0x2F, 0x7D],
    [0x46, 0x30, 0x7E],
    [0x46, 0x32, 0x7E],
    [0x46, 0x33, 0x7F],
    [0x46, 0x34, 0x80],
    [0x45, 0x35, 0x81],
    [0x45, 0x37, 0x81],
    [0x45, 0x38, 0x82],
    [0x44, 0x39, 0x83],
    [0x44, 0x3A, 0x83],
    [0x44, 0x3B, 0x84],
    [0x43, 0x3D, 0x84],
    [0x43, 0x3E, 0x85],
    [0x42, 0x3F, 0x85],
    [0x42, 0x40, 0x86],
    [0x42, 0x41, 0x86],
    [0x41, 0x42, 0x87],
    [0x41, 0x44, 0x87],
    [0x40, 0x45, 0x88],
    [0x40, 0x46, 0x88],
    [0x3F, 0x47, 0x88],
    [0x3F, 0x48, 0x89],
    [0x3E, 0x49, 0x89],
    [0x3E, 0x4A, 0x89],
    [0x3E, 0x4C, 0x8A],
    [0x3D, 0x4D, 0x8A],
    [0x3D, 0x4E, 0x8A],
    [0x3C, 0x4F, 0x8A],
    [0x3C, 0x50, 0x8B],
    [0x3B, 0x51, 0x8B],
    [0x3B, 0x52, 0x8B],
    [0x3A, 0x53, 0x8B],
    [0x3A, 0x54, 0x8C],
    [0x39, 0x55, 0x8C],
    [0x39, 0x56, 0x8C],
    [0x38, 0x58, 0x8C],
    [0x38, 0x59, 0x8C],
    [0x37, 0x5A, 0x8C],
    [0x37, 0x5B, 0x8D],
    [0x36, 0x5C, 0x8D],
    [0x36, 0x5D, 0x8D],
    [0x35, 0x5E, 0x8D],
    [0x35, 0x5F, 0x8D],
    [0x34, 0x60, 0x8D],
    [0x34, 0x61, 0x8D],
    [0x33, 0x62, 0x8D],
    [0x33, 0x63, 0x8D],
    [0x32, 0x64, 0x8E],
    [0x32, 0x65, 0x8E],
    [0x31, 0x66, 0x8E],
    [0x31, 0x67, 0x8E],
    [0x31, 0x68, 0x8E],
    [0x30, 0x69, 0x8E],
    [0x30, 0x6A, 0x8E],
    [0x2F, 0x6B, 0x8E],
    [0x2F, 0x6C, 0x8E],
    [0x2E, 0x6D, 0x8E],
    [0x2E, 0x6E, 0x8E],
    [0x2E, 0x6F, 0x8E],
    [0x2D, 0x70, 0x8E],
    [0x2D, 0x71, 0x8E],
    [0x2C, 0x71, 0x8E],
    [0x2C, 0x72, 0x8E],
    [0x2C, 0x73, 0x8E],
    [0x2B, 0x74, 0x8E],
    [0x2B, 0x75, 0x8E],
    [0x2A, 0x76, 0x8E],
    [0x2A, 0x77, 0x8E],
    [0x2A, 0x78, 0x8E],
    [0x29, 0x79, 0x8E],
    [0x29, 0x7A, 0x8E],
    [0x29, 0x7B, 0x8E],
    [0x28, 0x7C, 0x8E],
    [0x28, 0x7D, 0x8E],
    [0x27, 0x7E, 0x8E],
    [0x27, 0x7F, 0x8E],
    [0x27, 0x80, 0x8E],
    [0x26, 0x81, 0x8E],
    [0x26, 0x82, 0x8E],
    [0x26, 0x82, 0x8E],
    [0x25, 0x83, 0x8E],
    [0x25, 0x84, 0x8E],
    [0x25, 0x85, 0x8E],
    [0x24, 0x86, 0x8E],
    [0x24, 0x87, 0x8E],
    [0x23, 0x88, 0x8E],
    [0x23, 0x89, 0x8E],
    [0x23, 0x8A, 0x8D],
    [0x22, 0x8B, 0x8D],
    [0x22, 0x8C, 0x8D],
    [0x22, 0x8D, 0x8D],
    [0x21, 0x8E, 0x8D],
    [0x21, 0x8F, 0x8D],
    [0x21, 0x90, 0x8D],
    [0x21, 0x91, 0x8C],
    [0x20, 0x92, 0x8C],
    [0x20, 0x92, 0x8C],
    [0x20, 0x93, 0x8C],
    [0x1F, 0x94, 0x8C],
    [0x1F, 0x95, 0x8B],
    [0x1F, 0x96, 0x8B],
    [0x1F, 0x97, 0x8B],
    [0x1F, 0x98, 0x8B],
    [0x1F, 0x99, 0x8A],
    [0x1F, 0x9A, 0x8A],
    [0x1E, 0x9B, 0x8A],
    [0x1E, 0x9C, 0x89],
    [0x1E, 0x9D, 0x89],
    [0x1F, 0x9E, 0x89],
    [0x1F, 0x9F, 0x88],
    [0x1F, 0xA0, 0x88],
    [0x1F, 0xA1, 0x88],
    [0x1F, 0xA1, 0x87],
    [0x1F, 0xA2, 0x87],
    [0x20, 0xA3, 0x86],
    [0x20, 0xA4, 0x86],
    [0x21, 0xA5, 0x85],
    [0x21, 0xA6, 0x85],
    [0x22, 0xA7, 0x85],
    [0x22, 0xA8, 0x84],
    [0x23, 0xA9, 0x83],
    [0x24, 0xAA, 0x83],
    [0x25, 0xAB, 0x82],
    [0x25, 0xAC, 0x82],
    [0x26, 0xAD, 0x81],
    [0x27, 0xAD, 0x81],
    [0x28, 0xAE, 0x80],
    [0x29, 0xAF, 0x7F],
    [0x2A, 0xB0, 0x7F],
    [0x2C, 0xB1, 0x7E],
    [0x2D, 0xB2, 0x7D],
    [0x2E, 0xB3, 0x7C],
    [0x2F, 0xB4, 0x7C],
    [0x31, 0xB5, 0x7B],
    [0x32, 0xB6, 0x7A],
    [0x34, 0xB6, 0x79],
    [0x35, 0xB7, 0x79],
    [0x37, 0xB8, 0x78],
    [0x38, 0xB9, 0x77],
    [0x3A, 0xBA, 0x76],
    [0x3B, 0xBB, 0x75],
    [0x3D, 0xBC, 0x74],
    [0x3F, 0xBC, 0x73],
    [0x40, 0xBD, 0x72],
    [0x42, 0xBE, 0x71],
    [0x44, 0xBF, 0x70],
    [0x46, 0xC0, 0x6F],
    [0x48, 0xC1, 0x6E],
    [0x4A, 0xC1, 0x6D],
    [0x4C, 0xC2, 0x6C],
    [0x4E, 0xC3, 0x6B],
    [0x50, 0xC4, 0x6A],
    [0x52, 0xC5, 0x69],
    [0x54, 0xC5, 0x68],
    [0x56, 0xC6, 0x67],
    [0x58, 0xC7, 0x65],
    [0x5A, 0xC8, 0x64],
    [0x5C, 0xC8, 0x63],
    [0x5E, 0xC9, 0x62],
    [0x60, 0xCA, 0x60],
    [0x63, 0xCB, 0x5F],
    [0x65, 0xCB, 0x5E],
    [0x67, 0xCC, 0x5C],
    [0x69, 0xCD, 0x5B],
    [0x6C, 0xCD, 0x5A],
    [0x6E, 0xCE, 0x58],
    [0x70, 0xCF, 0x57],
    [0x73, 0xD0, 0x56],
    [0x75, 0xD0, 0x54],
    [0x77, 0xD1, 0x53],
    [0x7A, 0xD1, 0x51],
    [0x7C, 0xD2, 0x50],
    [0x7F, 0xD3, 0x4E],
    [0x81, 0xD3, 0x4D],
    [0x84, 0xD4, 0x4B],
    [0x86, 0xD5, 0x49],
    [0x89, 0xD5, 0x48],
    [0x8B, 0xD6, 0x46],
    [0x8E, 0xD6, 0x45],
    [0x90, 0xD7, 0x43],
    [0x93, 0xD7, 0x41],
    [0x95, 0xD8, 0x40],
    [0x98, 0xD8, 0x3E],
    [0x9B, 0xD9, 0x3C],
    [0x9D, 0xD9, 0x3B],
    [0xA0, 0xDA, 0x39],
    [0xA2, 0xDA, 0x37],
    [0xA5, 0xDB, 0x36],
    [0xA8, 0xDB, 0x34],
    [0xAA, 0xDC, 0x32],
    [0xAD, 0xDC, 0x30],
    [0xB0, 0xDD, 0x2F],
    [0xB2, 0xDD, 0x2D],
    [0xB5, 0xDE, 0x2B],
    [0xB8, 0xDE, 0x29],
    [0xBA, 0xDE, 0x28],
    [0xBD, 0xDF, 0x26],
    [0xC0, 0xDF, 0x25],
    [0xC2, 0xDF, 0x23],
    [0xC5, 0xE0, 0x21],
    [0xC8, 0xE0, 0x20],
    [0xCA, 0xE1, 0x1F],
    [0xCD, 0xE1, 0x1D],
    [0xD0, 0xE1, 0x1C],
    [0xD2, 0xE2, 0x1B],
    [0xD5, 0xE2, 0x1A],
    [0xD8, 0xE2, 0x19],
    [0xDA, 0xE3, 0x19],
    [0xDD, 0xE3, 0x18],
    [0xDF, 0xE3, 0x18],
    [0xE2, 0xE4, 0x18],
    [0xE5, 0xE4, 0x19],
    [0xE7, 0xE4, 0x19],
    [0xEA, 0xE5, 0x1A],
    [0xEC, 0xE5, 0x1B],
    [0xEF, 0xE5, 0x1C],
    [0xF1, 0xE5, 0x1D],
    [0xF4, 0xE6, 0x1E],
    [0xF6, 0xE6, 0x20],
    [0xF8, 0xE6, 0x21],
    [0xFB, 0xE7, 0x23],
    [0xFD, 0xE7, 0x25],
];

/// The colour of a cell whose loss is not a finite number ("too large"): a light grey that is
/// in no viridis shade, with its own entry in the legend.
pub const TOO_LARGE: RGBColor = RGBColor(0xD9, 0xD9, 0xD9);

/// The colour under the hatching of a cell where a typed formula is not defined (its loss
/// is NaN): the pale ground of the loss chart's hatched band, in no viridis shade either.
pub const UNDEFINED: RGBColor = RGBColor(255, 241, 232);

/// How many decades below the highest L the colour scale reaches at most. A grid node at the
/// exact minimum has L = 0 or 1e-30; without a floor that one node would stretch the scale
/// and flatten every other colour into the top shades.
pub const SCALE_DECADES: f64 = 5.0;

/// L over a rectangular grid of (a, b) nodes. Node (column i, row j) lies at
/// a = a_lo + i·(a_hi − a_lo)/(columns − 1), b = b_lo + j·(b_hi − b_lo)/(rows − 1): the first and
/// last nodes sit on the range's ends, row 0 at the lowest b.
///
/// Two grids are equal when their numbers are bit for bit the same, NaN included: the grid is
/// part of a cached layer's key, and a grid with "too large" cells must equal itself, or its
/// layer would be redrawn on every frame.
#[derive(Clone, Debug, Default)]
pub struct SurfaceGrid {
    /// The a range (low, high) the nodes span; the chart's horizontal axis.
    pub a_range: (f64, f64),
    /// The b range (low, high) the nodes span; the chart's vertical axis.
    pub b_range: (f64, f64),
    /// Nodes along a.
    pub columns: usize,
    /// Nodes along b.
    pub rows: usize,
    /// L at the nodes, row after row: `values[row * columns + column]`. ±∞ (the loss
    /// overflowed) is a "too large" cell; NaN a cell where a typed formula is not defined
    /// (hatched). A grid whose length is not `columns × rows` counts as empty. Shared: the
    /// chart is copied at every move of the current point (its marks change), and its
    /// cached layer's key compared at every frame; a shared grid is copied by a count and
    /// compared equal at once by its address.
    pub values: Arc<Vec<f64>>,
}

impl PartialEq for SurfaceGrid {
    fn eq(&self, other: &Self) -> bool {
        let bits = |(lo, hi): (f64, f64)| (lo.to_bits(), hi.to_bits());
        bits(self.a_range) == bits(other.a_range)
            && bits(self.b_range) == bits(other.b_range)
            && self.columns == other.columns
            && self.rows == other.rows
            && self.values.len() == other.values.len()
            && (Arc::ptr_eq(&self.values, &other.values)
                || self
                    .values
                    .iter()
                    .zip(other.values.iter())
                    .all(|(a, b)| a.to_bits() == b.to_bits()))
    }
}

impl SurfaceGrid {
    /// Whether the grid has nodes and its values match its shape.
    pub fn is_valid(&self) -> bool {
        self.columns > 0
            && self.rows > 0
            && self.columns.checked_mul(self.rows) == Some(self.values.len())
    }

    /// Whether some node's loss is ±∞ (the legend then shows the "too large" entry).
    pub fn has_too_large(&self) -> bool {
        self.is_valid() && self.values.iter().any(|v| v.is_infinite())
    }

    /// Whether some node's loss is NaN: the formula is not defined there (the legend then
    /// shows the "not defined" entry, and those cells are hatched).
    pub fn has_undefined(&self) -> bool {
        self.is_valid() && self.values.iter().any(|v| v.is_nan())
    }

    /// How many nodes' loss is NaN (the formula is not defined there).
    pub fn undefined_count(&self) -> usize {
        self.values.iter().filter(|v| v.is_nan()).count()
    }
}

/// The map from a loss L to a position 0..=1 on the colour table: linear in log10 L between
/// [`Self::low`] and [`Self::high`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogColourScale {
    /// The L at the bottom of the scale (the darkest colour); positive and finite.
    pub low: f64,
    /// The L at the top of the scale (the lightest colour); at least `low`, finite.
    pub high: f64,
}

impl LogColourScale {
    /// The scale spanning the finite positive values, at most [`SCALE_DECADES`] deep; 1..10 when
    /// there are none.
    pub fn spanning(values: impl IntoIterator<Item = f64>) -> Self {
        let (low, high) = values
            .into_iter()
            .filter(|v| v.is_finite() && *v > 0.0)
            // Plain comparisons (the values are finite): `f64::min`'s care for NaN costs
            // a call a value in the release build, and this runs at every frame of the map.
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (if v < lo { v } else { lo }, if v > hi { v } else { hi })
            });
        Self::from_extent(low, high)
    }

    /// The scale from the smallest to the largest finite positive value (as
    /// [`Self::spanning`] finds them; ±∞ when there were none), at most [`SCALE_DECADES`]
    /// deep; 1..10 when there are none.
    pub(crate) fn from_extent(low: f64, high: f64) -> Self {
        if !(low.is_finite() && high.is_finite()) {
            return Self {
                low: 1.0,
                high: 10.0,
            };
        }
        let floor = high * 10f64.powf(-SCALE_DECADES);
        Self {
            low: low.max(floor).max(f64::MIN_POSITIVE),
            high,
        }
    }

    /// The position of L on the scale, clamped to 0..=1 (L ≤ 0 is the bottom); `None` for a
    /// non-finite L, which has the [`TOO_LARGE`] colour instead.
    pub fn position(&self, loss: f64) -> Option<f64> {
        if !loss.is_finite() {
            return None;
        }
        if loss <= self.low {
            return Some(0.0);
        }
        let (lo, hi) = (self.low.log10(), self.high.log10());
        if hi <= lo || hi.is_nan() || lo.is_nan() {
            return Some(0.0);
        }
        Some(((loss.log10() - lo) / (hi - lo)).clamp(0.0, 1.0))
    }

    /// The L at a position 0..=1 of the scale (inverse of [`Self::position`]).
    pub fn value_at(&self, position: f64) -> f64 {
        let (lo, hi) = (self.low.log10(), self.high.log10());
        10f64.powf(lo + position.clamp(0.0, 1.0) * (hi - lo))
    }

    /// The colour of L: viridis at its position, [`TOO_LARGE`] when it is ±∞,
    /// [`UNDEFINED`] when it is NaN.
    pub fn colour(&self, loss: f64) -> RGBColor {
        if loss.is_nan() {
            return UNDEFINED;
        }
        self.position(loss).map_or(TOO_LARGE, lut_colour)
    }
}

/// Viridis at a position 0..=1 (clamped; NaN counts as 0).
pub fn lut_colour(position: f64) -> RGBColor {
    let [r, g, b] = VIRIDIS[lut_index(position)];
    RGBColor(r, g, b)
}

/// The table entry for a position 0..=1.
fn lut_index(position: f64) -> usize {
    if position.is_nan() {
        return 0;
    }
    (position.clamp(0.0, 1.0) * 255.0).round() as usize
}

/// log10 of a positive, finite, normal `x` (at least `f64::MIN_POSITIVE`), within about
/// 10⁻¹² of `f64::log10`: far finer than the f32 table positions [`fill_heatmap`] keeps.
/// `f64::log10` is a software routine in wasm, and the heatmap takes one a grid node (40 000
/// for the 200 × 200 map, about a millisecond of every new map); this is a handful of
/// multiplications. From the bits: x = m·2ᵉ with m in [√½, √2), and
/// ln m = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …) with s = (m − 1)/(m + 1), |s| < 0.172, so the
/// terms after s¹³/13 add less than 10⁻¹².
#[inline]
pub fn log10_of_normal(x: f64) -> f64 {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i32;
    let mantissa = f64::from_bits((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
    let (m, exponent) = if mantissa >= std::f64::consts::SQRT_2 {
        (mantissa * 0.5, biased - 1022)
    } else {
        (mantissa, biased - 1023)
    };
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let series = 1.0
        + s2 * (1.0 / 3.0
            + s2 * (1.0 / 5.0
                + s2 * (1.0 / 7.0 + s2 * (1.0 / 9.0 + s2 * (1.0 / 11.0 + s2 / 13.0)))));
    (f64::from(exponent) * std::f64::consts::LN_2 + 2.0 * s * series) * std::f64::consts::LOG10_E
}

/// Fills an RGBA buffer (row after row, top row first, 4 bytes a pixel, opaque) of `width` ×
/// `height` pixels showing the grid stretched over the whole image: the image's left edge is
/// a_lo, its top edge b_hi. Each pixel takes the colour of its centre's L, interpolated
/// bilinearly in log L between the four nodes around it; next to a "too large" or "not
/// defined" node it takes its nearest node's colour ([`TOO_LARGE`], [`UNDEFINED`]), so such
/// cells stay one flat colour. An empty or invalid grid
/// gives a buffer of the "too large" colour; a zero size an empty buffer.
pub fn fill_heatmap(
    grid: &SurfaceGrid,
    scale: &LogColourScale,
    (width, height): (u32, u32),
) -> Vec<u8> {
    let (width, height) = (width as usize, height as usize);
    let too_large = [TOO_LARGE.0, TOO_LARGE.1, TOO_LARGE.2, 255];
    if width.saturating_mul(height) == 0 {
        return Vec::new();
    }
    if !grid.is_valid() {
        return vec![too_large; width.saturating_mul(height)].into_flattened();
    }
    // Positions on the scale at the nodes, times 255 (table entries); +∞ for "too large",
    // NaN for "not defined".
    // f32 is plenty for 256 shades and halves the memory the loop reads.
    // The same arithmetic as `LogColourScale::position`, with the scale's logarithms taken
    // once rather than at every node.
    let (lo, hi) = (scale.low.log10(), scale.high.log10());
    let per_decade = if hi > lo { 255.0 / (hi - lo) } else { 0.0 };
    let entries: Vec<f32> = grid
        .values
        .iter()
        .map(|&v| {
            if v.is_nan() {
                f32::NAN
            } else if v.is_infinite() {
                f32::INFINITY
            } else if v <= scale.low {
                0.0
            } else {
                ((log10_of_normal(v) - lo) * per_decade).clamp(0.0, 255.0) as f32
            }
        })
        .collect();
    let (columns, rows) = (grid.columns, grid.rows);
    // Where each pixel column and row falls between nodes: (lower node, upper node, weight of
    // the upper).
    let spans = |pixels: usize, nodes: usize, flip: bool| -> Vec<(usize, usize, f32)> {
        (0..pixels)
            .map(|p| {
                let mut t = (p as f64 + 0.5) / pixels as f64;
                if flip {
                    t = 1.0 - t;
                }
                let x = t * (nodes - 1) as f64;
                let lower = (x.floor() as usize).min(nodes.saturating_sub(2));
                let upper = (lower + 1).min(nodes - 1);
                (lower, upper, (x - lower as f64).clamp(0.0, 1.0) as f32)
            })
            .collect()
    };
    let column_spans = spans(width, columns, false);
    let row_spans = spans(height, rows, true);
    // The colour of a table position (or of "too large" for +∞, "not defined" for NaN),
    // with its alpha.
    let undefined = [UNDEFINED.0, UNDEFINED.1, UNDEFINED.2, 255];
    let opaque = VIRIDIS.map(|[r, g, b]| [r, g, b, 255]);
    let colour = |entry: f32| -> [u8; 4] {
        if entry.is_nan() {
            undefined
        } else if entry.is_infinite() {
            too_large
        } else {
            // entry ≥ 0, so adding ½ and truncating rounds, without a call to `round`.
            opaque[((entry + 0.5) as usize).min(255)]
        }
    };
    // Each node row interpolated along a once, at every pixel column (`low` and `high`
    // below are two of these rows), rather than twice for every pixel: the same
    // arithmetic, in the same order, so the same colours. A pixel next to a "too large" or
    // "not defined" node gets a non-finite value (∞ and NaN carry through the
    // interpolation, and finite nodes never give one), and then its nearest node's colour.
    let along_a = |row: usize| -> Vec<f32> {
        let nodes = entries
            .get(row * columns..(row + 1) * columns)
            .unwrap_or(&[]);
        column_spans
            .iter()
            .map(|&(c0, c1, u)| match (nodes.get(c0), nodes.get(c1)) {
                (Some(&p0), Some(&p1)) => p0 + u * (p1 - p0),
                _ => f32::NAN,
            })
            .collect()
    };
    let nearest = |row0: usize, row1: usize, v: f32, (c0, c1, u): (usize, usize, f32)| {
        let row = if v >= 0.5 { row1 } else { row0 };
        let column = if u >= 0.5 { c1 } else { c0 };
        entries
            .get(row * columns + column)
            .copied()
            .unwrap_or(f32::INFINITY)
    };
    // Whole pixels written at once, not byte by byte: this loop runs for every pixel of
    // every new map.
    let mut pixels = vec![too_large; width * height];
    let mut rows_along_a: Option<(usize, Vec<f32>, usize, Vec<f32>)> = None;
    for (line, &(row0, row1, v)) in pixels.chunks_exact_mut(width).zip(&row_spans) {
        // Neighbouring pixel rows mostly share their two node rows.
        let (low, high) = match rows_along_a.take() {
            Some((r0, low, r1, high)) if (r0, r1) == (row0, row1) => (low, high),
            Some((r0, low, _, _)) if r0 == row1 => (along_a(row0), low),
            Some((_, _, r1, high)) if r1 == row0 => (high, along_a(row1)),
            _ => (along_a(row0), along_a(row1)),
        };
        for ((pixel, (&l, &h)), &span) in line
            .iter_mut()
            .zip(low.iter().zip(&high))
            .zip(&column_spans)
        {
            let entry = l + v * (h - l);
            *pixel = if entry.is_finite() {
                // entry ≥ 0, so adding ½ and truncating rounds, without a call to `round`.
                opaque[((entry + 0.5) as usize).min(255)]
            } else {
                colour(nearest(row0, row1, v, span))
            };
        }
        rows_along_a = Some((row0, low, row1, high));
    }
    pixels.into_flattened()
}
