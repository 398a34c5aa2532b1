//! Numbers as the lesson shows them.
//!
//! [`format_number`] writes the readouts a student reads (and may copy into the table);
//! [`format_exact`] writes the machine-readable values of `data-*` attributes and exports.

use super::Lang;

/// Significant digits shown in a readout: enough for the lecture's 9.68341 and 359.083,
/// few enough to read from the back of a lecture hall.
const SIGNIFICANT_DIGITS: usize = 6;

/// Digits a computed `f64` carries reliably. Rounding to these first removes the noise
/// of binary arithmetic (the lecture's 359.0825 is stored as 359.08249999999998…, and
/// 10·10 − 98 leaves …96 in the last place) before rounding to what is shown.
const RELIABLE_DIGITS: usize = 15;

/// At or above this magnitude a readout switches to scientific notation.
const SCIENTIFIC_ABOVE_EXPONENT: i32 = 6;

/// Below `10^this` (and above zero) a readout switches to scientific notation.
const SCIENTIFIC_BELOW_EXPONENT: i32 = -4;

/// The typographic minus sign, U+2212, used for every negative number in both languages.
const MINUS: char = '\u{2212}';

/// A number as a student reads it, in `lang`'s style.
///
/// - At most six significant digits, rounded half away from zero as by hand, after the
///   value is first cut to the 15 digits an `f64` holds reliably: 359.0825 → `359.083`,
///   9.683414 → `9.68341`, 9.9999995 → `10`.
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
    if value.is_nan() {
        return "—".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 {
            "∞".to_owned()
        } else {
            format!("{MINUS}∞")
        };
    }
    if value == 0.0 {
        return "0".to_owned();
    }
    let (digits, exponent) = significant_digits(value.abs());
    let separator = lang.decimal_separator();
    let mut text = String::new();
    if value < 0.0 {
        text.push(MINUS);
    }
    if (SCIENTIFIC_BELOW_EXPONENT..SCIENTIFIC_ABOVE_EXPONENT).contains(&exponent) {
        push_positional(&mut text, &digits, exponent, separator);
    } else {
        push_scientific(&mut text, &digits, exponent, separator);
    }
    text
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

/// The significant digits of a finite, positive `value` rounded for display, with
/// trailing zeros removed (at least one digit is kept), and the decimal exponent of the
/// first digit: 359.0825 → (`[3, 5, 9, 0, 8, 3]`, 2).
fn significant_digits(value: f64) -> (Vec<u8>, i32) {
    // `{:.14e}` rounds the exact binary value correctly to 15 significant digits:
    // "3.59082500000000e2".
    let reliable = format!("{:.*e}", RELIABLE_DIGITS - 1, value);
    let (mantissa, exponent) = reliable.split_once('e').unwrap_or((&reliable, "0"));
    let mut exponent: i32 = exponent.parse().unwrap_or(0);
    let all: Vec<u8> = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|digit| digit - b'0')
        .collect();
    let mut digits: Vec<u8> = all.iter().copied().take(SIGNIFICANT_DIGITS).collect();
    let rounds_up = all.get(SIGNIFICANT_DIGITS).is_some_and(|&next| next >= 5);
    if rounds_up && carry_one(&mut digits) {
        // 9.999995 became 10.0000: one more digit before the point.
        digits.insert(0, 1);
        digits.truncate(SIGNIFICANT_DIGITS);
        exponent += 1;
    }
    while digits.len() > 1 && digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, exponent)
}

/// Adds one in the last place of `digits`; returns whether the carry ran out of the
/// first digit (all nines, now all zeros).
fn carry_one(digits: &mut [u8]) -> bool {
    for digit in digits.iter_mut().rev() {
        if *digit == 9 {
            *digit = 0;
        } else {
            *digit += 1;
            return false;
        }
    }
    true
}

/// Writes `digits` × 10^`exponent` with a decimal separator: 0.003, 402.57, 98.
fn push_positional(text: &mut String, digits: &[u8], exponent: i32, separator: char) {
    let digit_char = |digit: u8| char::from(b'0' + digit);
    if exponent < 0 {
        text.push('0');
        text.push(separator);
        for _ in 1..exponent.unsigned_abs() {
            text.push('0');
        }
        text.extend(digits.iter().copied().map(digit_char));
        return;
    }
    let whole_len = exponent.unsigned_abs() as usize + 1;
    for index in 0..whole_len {
        text.push(digits.get(index).copied().map_or('0', digit_char));
    }
    if digits.len() > whole_len {
        text.push(separator);
        text.extend(digits[whole_len..].iter().copied().map(digit_char));
    }
}

/// Writes `digits` × 10^`exponent` as a mantissa and exponent: 1.5e−7, 1e308.
fn push_scientific(text: &mut String, digits: &[u8], exponent: i32, separator: char) {
    let digit_char = |digit: u8| char::from(b'0' + digit);
    let mut rest = digits.iter().copied().map(digit_char);
    text.extend(rest.next());
    let rest: String = rest.collect();
    if !rest.is_empty() {
        text.push(separator);
        text.push_str(&rest);
    }
    text.push('e');
    if exponent < 0 {
        text.push(MINUS);
    }
    text.push_str(&exponent.unsigned_abs().to_string());
}
