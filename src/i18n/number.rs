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
/// tests: descent-core's one exact form, [`descent_core::number::exact`] (shortest
/// round-trip decimal, plain from 10⁻⁶ up to 10²¹ and `1e308`, `1.5e-7` outside; −0 is
/// `0`; `NaN`, `Infinity`, `-Infinity`).
pub fn format_exact(value: f64) -> String {
    descent_core::number::exact(value)
}
