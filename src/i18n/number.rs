//! Numbers as the lesson shows them.
//!
//! [`format_number`] writes the readouts a student reads (and may copy into the table);
//! [`format_exact`] writes the machine-readable values of `data-*` attributes and exports.

use super::Lang;
use descent_core::{Notation, Rounded};

/// The typographic minus sign, U+2212, used for every negative number in both languages.
const MINUS: char = '\u{2212}';

/// A number as a student reads it, in `lang`'s style.
///
/// The rounding is descent-core's [`Rounded`], the same the slide exports use; this
/// function adds what belongs to the language and the screen:
/// - At most seven significant digits, rounded half away from zero as by hand, after the
///   value is first cut to the 15 digits an `f64` holds reliably: 359.0825 → `359.0825`,
///   9.683413550000001 → `9.683414`, 9.99999995 → `10`.
/// - Trailing zeros and a trailing decimal separator are dropped: 98.0 → `98`.
/// - The decimal separator is a comma in Lithuanian (`402,57`) and a point in English
///   (`402.57`); there is never a thousands separator.
/// - Negative numbers start with the typographic minus `−` (U+2212); zero, including
///   −0, is `0`.
/// - When the rounded magnitude is at least 10⁶ or below 10⁻⁴, the number is written in
///   scientific notation as a calculator would: mantissa, `e`, exponent, with the same
///   separator and minus: 1.5e-7 → `1.5e−7` (Lithuanian `1,5e−7`), 1e308 → `1e308`.
///   This stays one short token that a student recognises, and the table's
///   `descent_core::parse_number` reads every finite result back.
/// - Not-a-number is `—` (an em dash: no value; the status line says why), and the
///   infinities are `∞` and `−∞`.
pub fn format_number(value: f64, lang: Lang) -> String {
    match Rounded::new(value) {
        Some(rounded) => rounded.write(Notation {
            decimal_separator: lang.decimal_separator(),
            minus: MINUS,
        }),
        None if value.is_nan() => "—".to_owned(),
        None if value > 0.0 => "∞".to_owned(),
        None => format!("{MINUS}∞"),
    }
}

/// A number written so that it reads back exactly, for `data-*` attributes, exports and
/// tests: Rust's shortest round-trip form, always with a decimal point.
///
/// It is plain `{}` for magnitudes from 10⁻⁶ up to 10²¹ and `{:e}` (`1e308`, `1.5e-7`)
/// outside them, the same limits as JavaScript's `String(number)`, so no value is
/// hundreds of digits long. −0 is written `0`; NaN and the infinities are `NaN`,
/// `Infinity` and `-Infinity`, which both Rust's `str::parse::<f64>` and JavaScript's
/// `Number()` read.
pub fn format_exact(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_owned()
    } else if value.is_infinite() {
        if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else if value == 0.0 {
        "0".to_owned()
    } else if (1e-6..1e21).contains(&value.abs()) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}
