//! Tick labels: how many decimals an axis needs, and how a tick value is written.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

/// The most tick labels on one axis: Plotters measures every label through the DOM in the browser.
pub(crate) const MAX_TICKS: usize = 6;

/// How the tick labels of one axis are written: the same number of decimals on every label,
/// just enough for the ticks Plotters will draw; scientific notation for huge or minute ranges.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TickFormat {
    range: (f64, f64),
    scientific: bool,
    decimals: usize,
    decimal_separator: char,
}

impl TickFormat {
    /// The format for an axis showing `range` (already through
    /// [`finite_range`](super::finite_range)), writing `decimal_separator` between the whole
    /// and the fractional digits.
    pub(crate) fn for_range(range: (f64, f64), decimal_separator: char) -> Self {
        let magnitude = range.0.abs().max(range.1.abs());
        let width = (range.1 - range.0).abs().max(f64::MIN_POSITIVE);
        let step_exponent = (width / MAX_TICKS as f64).log10().floor();
        let scientific = magnitude >= 1e6 || step_exponent < -5.0;
        // The ticks Plotters will draw, so every label can get the decimals the finest one needs.
        let ticks = RangedCoordf64::from(range.0..range.1).key_points(MAX_TICKS);
        let most = (-step_exponent).clamp(0.0, 10.0) as usize;
        let decimals = ticks
            .iter()
            .map(|t| {
                let text = format!("{t:.most$}");
                let trimmed = trim_decimals(&text);
                trimmed.split_once('.').map_or(0, |(_, d)| d.len())
            })
            .max()
            .unwrap_or(0);
        Self {
            range,
            scientific,
            decimals,
            decimal_separator,
        }
    }

    /// The label for one tick value, with a true minus sign and the language's decimal
    /// separator.
    pub(crate) fn format(&self, value: f64) -> String {
        if !value.is_finite() {
            return String::new();
        }
        let text = if self.scientific {
            if value == 0.0 {
                "0".to_owned()
            } else {
                let width = (self.range.1 - self.range.0).abs().max(f64::MIN_POSITIVE);
                let step_exponent = (width / MAX_TICKS as f64).log10().floor();
                let exponent = value.abs().log10().floor();
                let digits = (exponent - step_exponent).clamp(0.0, 6.0) as usize;
                let formatted = format!("{value:.digits$e}");
                match formatted.split_once('e') {
                    Some((mantissa, exp)) => format!("{}e{}", trim_decimals(mantissa), exp),
                    None => formatted,
                }
            }
        } else {
            let decimals = self.decimals;
            format!("{value:.decimals$}")
        };
        // "-0" and "-0.00" are zero; a hyphen is not a minus sign.
        let text = if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
            text[1..].to_owned()
        } else {
            text.replace('-', "\u{2212}")
        };
        if self.decimal_separator == '.' {
            text
        } else {
            text.replace('.', self.decimal_separator.encode_utf8(&mut [0; 4]))
        }
    }
}

/// "1.500" → "1.5", "2.000" → "2"; integers are left alone.
fn trim_decimals(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// A value written with at most `digits` significant digits (trailing zeros dropped), a true
/// minus sign and `decimal_separator`: 402.57 → "403", 0.01125 → "0.0113", 2 → "2". Values from
/// 10⁶ up or below 10⁻³ are written as "1.2e7". Non-finite values give "".
pub(crate) fn format_significant(value: f64, digits: usize, decimal_separator: char) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let digits = digits.clamp(1, 15);
    let text = if value == 0.0 {
        "0".to_owned()
    } else {
        let exponent = value.abs().log10().floor();
        if (-3.0..6.0).contains(&exponent) {
            // Rounded to the digits first, so 1940 with two digits reads 1900.
            let unit = 10f64.powf(exponent + 1.0 - digits as f64);
            let value = (value / unit).round() * unit;
            let decimals = (digits as f64 - 1.0 - exponent).max(0.0) as usize;
            trim_decimals(&format!("{value:.decimals$}")).to_owned()
        } else {
            let decimals = digits - 1;
            let formatted = format!("{value:.decimals$e}");
            match formatted.split_once('e') {
                Some((mantissa, exp)) => format!("{}e{}", trim_decimals(mantissa), exp),
                None => formatted,
            }
        }
    };
    let text = text.replace('-', "\u{2212}");
    if decimal_separator == '.' {
        text
    } else {
        text.replace('.', decimal_separator.encode_utf8(&mut [0; 4]))
    }
}
