//! Numbers rounded for people to read.
//!
//! The app's readouts and the history tables pasted into slides round through this one
//! module, so a number on a slide is always the number the students saw on the screen.
//! A computed `f64` is first cut to the [`RELIABLE_DIGITS`] it holds reliably, which
//! removes the noise of binary arithmetic (8 → 9.3419 → 9.68341355 is computed as
//! 9.683413550000001, L(8) = 402.57 as 402.57000000000005), and only then rounded half
//! away from zero, as by hand, to [`SIGNIFICANT_DIGITS`].
//!
//! What differs between readers stays with the caller: the decimal separator, the minus
//! sign, how an exponent is written, and the signs for NaN and the infinities, which
//! [`Rounded::new`] does not take.
//!
//! Machine-readable values (`data-*` attributes, a dragged point's cell) do not round at
//! all: they write [`exact`], the one exact form, the shortest text that reads back as the
//! same `f64`. The history CSV, which a person opens in a spreadsheet, writes
//! [`reliable`]: the [`RELIABLE_DIGITS`] digits an `f64` holds, so it shows 402.57 and
//! 9.68341355, not 402.57000000000005 and 9.683413550000001.
//!
//! (Over 400 lines only through its tests: each written form is checked digit by digit.)

/// Significant digits a reader sees: seven, as many as the lecture's own figures carry
/// (L(11.5) = 359.0825; gradient descent from 8 goes to 9.683414, 9.770329, 9.792449), and
/// few enough to read from the back of a lecture hall.
pub const SIGNIFICANT_DIGITS: usize = 7;

/// Digits a computed `f64` carries reliably; rounding to these first removes the noise of
/// binary arithmetic before rounding to what is shown.
pub const RELIABLE_DIGITS: usize = 15;

/// From `10^SCIENTIFIC_FROM_EXPONENT` on, a rounded number is written in scientific
/// notation, as a calculator would.
pub const SCIENTIFIC_FROM_EXPONENT: i32 = 6;

/// Below `10^SCIENTIFIC_BELOW_EXPONENT` (and above zero), a rounded number is written in
/// scientific notation.
pub const SCIENTIFIC_BELOW_EXPONENT: i32 = -4;

/// The characters one kind of reader expects in a rounded number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notation {
    /// The character between the whole and the fractional part: `.` or `,`.
    pub decimal_separator: char,
    /// The sign before a negative number and a negative exponent: the typographic `−`
    /// (U+2212) on screen and in Markdown, an ASCII `-` in LaTeX math.
    pub minus: char,
}

/// A finite number rounded to at most [`SIGNIFICANT_DIGITS`] significant digits: its
/// sign, its digits and the power of ten of the first digit.
///
/// 359.0825 is `359.0825` (digits 3, 5, 9, 0, 8, 2, 5; exponent 2), 9.683413550000001 is
/// `9.683414`, 9.99999995 is `10`, −0 is `0`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rounded {
    /// Below zero; never for zero itself, −0 included.
    negative: bool,
    /// The significant digits, each 0–9, without trailing zeros; `[0]` for zero.
    digits: Vec<u8>,
    /// The power of ten of the first digit; 0 for zero.
    exponent: i32,
}

impl Rounded {
    /// `value` rounded for reading; `None` for NaN and the infinities, which each reader
    /// writes in its own way (`—` and `∞` on screen, `\infty` in LaTeX).
    pub fn new(value: f64) -> Option<Self> {
        if !value.is_finite() {
            return None;
        }
        if value == 0.0 {
            return Some(Self {
                negative: false,
                digits: vec![0],
                exponent: 0,
            });
        }
        let (digits, exponent) = significant_digits(value.abs());
        Some(Self {
            negative: value < 0.0,
            digits,
            exponent,
        })
    }

    /// Whether the number is below zero (a rounded number is never −0).
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// The significant digits, each 0–9, without trailing zeros: 402.57 → 4, 0, 2, 5, 7.
    pub fn digits(&self) -> &[u8] {
        &self.digits
    }

    /// The power of ten of the first significant digit: 402.57 → 2, 0.003 → −3.
    pub fn exponent(&self) -> i32 {
        self.exponent
    }

    /// The exponent to write when the number needs scientific notation (its rounded
    /// magnitude is at least 10⁶ or below 10⁻⁴), `None` when it is written plainly.
    pub fn scientific_exponent(&self) -> Option<i32> {
        let plain = (SCIENTIFIC_BELOW_EXPONENT..SCIENTIFIC_FROM_EXPONENT).contains(&self.exponent);
        (!plain).then_some(self.exponent)
    }

    /// The number without its sign: plainly (`402.57`, `0.003`, `98`), or, when it needs
    /// scientific notation, the mantissa alone (`1.5` of 1.5e−7), which the caller
    /// follows with [`Rounded::scientific_exponent`] in its own form.
    pub fn significand(&self, decimal_separator: char) -> String {
        let mut text = String::new();
        if self.scientific_exponent().is_some() {
            push_digits(&mut text, &self.digits[..1]);
            if self.digits.len() > 1 {
                text.push(decimal_separator);
                push_digits(&mut text, &self.digits[1..]);
            }
        } else if self.exponent < 0 {
            text.push('0');
            text.push(decimal_separator);
            for _ in 1..self.exponent.unsigned_abs() {
                text.push('0');
            }
            push_digits(&mut text, &self.digits);
        } else {
            let whole_len = self.exponent.unsigned_abs() as usize + 1;
            let (whole, fraction) = self.digits.split_at(whole_len.min(self.digits.len()));
            push_digits(&mut text, whole);
            for _ in whole.len()..whole_len {
                text.push('0');
            }
            if !fraction.is_empty() {
                text.push(decimal_separator);
                push_digits(&mut text, fraction);
            }
        }
        text
    }

    /// The number as a calculator writes it, with `notation`'s separator and minus:
    /// `−447.3`, `402,57`, `1.5e−7`, `1e308`.
    pub fn write(&self, notation: Notation) -> String {
        let mut text = String::new();
        if self.negative {
            text.push(notation.minus);
        }
        text.push_str(&self.significand(notation.decimal_separator));
        if let Some(exponent) = self.scientific_exponent() {
            text.push('e');
            if exponent < 0 {
                text.push(notation.minus);
            }
            text.push_str(&exponent.unsigned_abs().to_string());
        }
        text
    }
}

/// The significant digits of a finite, positive `value` rounded for reading, without
/// trailing zeros (at least one digit is kept), and the decimal exponent of the first
/// digit: 359.0825 → (`[3, 5, 9, 0, 8, 2, 5]`, 2).
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
        // 9.9999995 became 10.000000: one more digit before the point.
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

/// Appends `digits` (each 0–9) as characters.
fn push_digits(text: &mut String, digits: &[u8]) {
    text.extend(digits.iter().map(|&digit| char::from(b'0' + digit)));
}

/// From this magnitude on, [`exact`] writes an exponent (JavaScript's `String(number)`
/// switches at the same place).
pub const EXACT_PLAIN_BELOW: f64 = 1e21;

/// Below this magnitude (and above zero), [`exact`] writes an exponent.
pub const EXACT_PLAIN_FROM: f64 = 1e-6;

/// A number written exactly, for programs to read: the shortest decimal that reads back as
/// the same `f64` (Rust's round-trip formatting), plain from 10⁻⁶ up to 10²¹ (`402.57`,
/// `0.003`, `-447.3`) and with an exponent outside (`1e300`, `1.5e-7`), so no number is
/// hundreds of digits long. −0 is `0`; NaN and the infinities are `NaN`, `Infinity` and
/// `-Infinity`, which both Rust's `str::parse::<f64>` and JavaScript's `Number()` read.
///
/// The one exact form of the core and the app: CSV exports, the cells a dragged point
/// writes, a table made from a dataset and the app's machine-readable attributes.
pub fn exact(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_owned()
    } else if value.is_infinite() {
        if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else if value == 0.0 {
        "0".to_owned()
    } else if (EXACT_PLAIN_FROM..EXACT_PLAIN_BELOW).contains(&value.abs()) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}

/// A number cut to the [`RELIABLE_DIGITS`] significant digits an `f64` holds reliably,
/// in [`exact`]'s form: what a spreadsheet user should see of a computed number.
///
/// The binary noise of arithmetic goes (402.57000000000005 → `402.57`,
/// −113.83784999999978 → `-113.83785`, 9.683413550000001 → `9.68341355`), and the text
/// still reads back to the same number within one unit of its fifteenth digit (a
/// relative difference of at most 5·10⁻¹⁵). NaN and the infinities are written as by
/// [`exact`].
pub fn reliable(value: f64) -> String {
    if !value.is_finite() {
        return exact(value);
    }
    // `{:.14e}` rounds the exact binary value correctly to 15 significant digits, and
    // reading that back gives the double nearest to those digits, which `exact` writes
    // in the fewest digits that name it (never more than the 15).
    let rounded = format!("{:.*e}", RELIABLE_DIGITS - 1, value);
    match crate::decimal::parse_f64(&rounded) {
        Some(cut) if cut.is_finite() => exact(cut),
        // Near f64::MAX the digits round up beyond the largest double
        // (1.79769313486232e308): cut them toward zero instead, still within a unit.
        _ => {
            let long = format!("{:.*e}", RELIABLE_DIGITS + 1, value);
            let (mantissa, exponent) = long.split_once('e').unwrap_or((&long, "0"));
            // The sign, the first digit and the point, then the other fourteen digits.
            let keep = usize::from(value < 0.0) + 2 + (RELIABLE_DIGITS - 1);
            let cut = format!("{}e{exponent}", &mantissa[..keep.min(mantissa.len())]);
            crate::decimal::parse_f64(&cut).map_or_else(|| exact(value), exact)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Notation = Notation {
        decimal_separator: '.',
        minus: '-',
    };

    fn written(value: f64) -> String {
        Rounded::new(value)
            .map(|r| r.write(PLAIN))
            .unwrap_or_default()
    }

    #[test]
    fn the_lecture_figures_keep_all_their_digits() {
        assert_eq!(written(359.0825), "359.0825");
        assert_eq!(written(9.683_413_550_000_001), "9.683414");
        assert_eq!(written(402.570_000_000_000_05), "402.57");
        assert_eq!(written(-447.3), "-447.3");
        assert_eq!(written(1.0 / 124.25), "0.00804829");
    }

    #[test]
    fn digits_and_exponent_describe_the_rounded_number() {
        let rounded = Rounded::new(359.0825).unwrap();
        assert_eq!(rounded.digits(), [3, 5, 9, 0, 8, 2, 5]);
        assert_eq!(rounded.exponent(), 2);
        assert!(!rounded.is_negative());
        let rounded = Rounded::new(-0.003).unwrap();
        assert_eq!(rounded.digits(), [3]);
        assert_eq!(rounded.exponent(), -3);
        assert!(rounded.is_negative());
    }

    #[test]
    fn binary_noise_is_rounded_away_before_the_shown_digits() {
        // −113.83785 is computed as −113.83784999999978: cut to 15 digits it is exactly
        // half way, and half rounds away from zero as by hand.
        assert_eq!(written(-113.837_849_999_999_78), "-113.8379");
        assert_eq!(written(0.1 + 0.2), "0.3");
    }

    #[test]
    fn a_carry_can_add_a_digit_and_cross_into_scientific_notation() {
        assert_eq!(written(9.999_999_5), "10");
        assert_eq!(written(-99.999_999_6), "-100");
        assert_eq!(written(999_999.96), "1e6");
        assert_eq!(written(0.000_099_999_995), "0.0001");
    }

    #[test]
    fn zero_has_no_sign_and_non_finite_values_are_left_to_the_caller() {
        assert_eq!(Rounded::new(-0.0), Rounded::new(0.0));
        assert_eq!(written(-0.0), "0");
        assert_eq!(Rounded::new(f64::NAN), None);
        assert_eq!(Rounded::new(f64::INFINITY), None);
        assert_eq!(Rounded::new(f64::NEG_INFINITY), None);
    }

    #[test]
    fn scientific_notation_gives_the_mantissa_and_exponent_apart() {
        let rounded = Rounded::new(-1.5e-7).unwrap();
        assert_eq!(rounded.significand(','), "1,5");
        assert_eq!(rounded.scientific_exponent(), Some(-7));
        assert_eq!(
            rounded.write(Notation {
                decimal_separator: ',',
                minus: '\u{2212}',
            }),
            "\u{2212}1,5e\u{2212}7"
        );
        assert_eq!(written(1e308), "1e308");
        assert_eq!(written(1_234_567.8), "1.234568e6");
        assert_eq!(written(123_456.7), "123456.7");
        assert_eq!(written(0.0001), "0.0001");
        assert_eq!(Rounded::new(402.57).unwrap().scientific_exponent(), None);
    }

    #[test]
    fn exact_numbers_are_short_at_any_magnitude() {
        assert_eq!(exact(1e300), "1e300");
        assert_eq!(exact(-1e300), "-1e300");
        assert_eq!(exact(1.5e-7), "1.5e-7");
        assert_eq!(exact(402.57), "402.57");
        assert_eq!(exact(-0.0), "0");
        assert_eq!(exact(1e20), "100000000000000000000");
        assert_eq!(exact(1e21), "1e21");
        assert_eq!(exact(f64::NAN), "NaN");
        assert_eq!(exact(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(exact(f64::MAX).parse::<f64>(), Ok(f64::MAX));
        assert!(exact(f64::MIN_POSITIVE / 3.0).len() < 30);
    }

    #[test]
    fn reliable_numbers_drop_the_binary_noise_of_the_lecture_figures() {
        assert_eq!(reliable(402.570_000_000_000_05), "402.57");
        assert_eq!(reliable(-113.837_849_999_999_78), "-113.83785");
        assert_eq!(reliable(9.683_413_550_000_001), "9.68341355");
        assert_eq!(reliable(0.1 + 0.2), "0.3");
        assert_eq!(reliable(0.003), "0.003");
        assert_eq!(reliable(-0.0), "0");
        assert_eq!(reliable(1e300), "1e300");
        assert_eq!(reliable(f64::MAX), "1.79769313486231e308");
        assert_eq!(reliable(-f64::MAX), "-1.79769313486231e308");
        assert_eq!(reliable(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(reliable(f64::NAN), "NaN");
    }

    proptest::proptest! {
        #[test]
        fn every_reliable_number_reads_back_within_a_unit_of_its_fifteenth_digit(
            bits in proptest::num::u64::ANY,
        ) {
            let value = f64::from_bits(bits);
            let text = reliable(value);
            proptest::prop_assert!(text.len() <= 24, "{} is {} long", text, text.len());
            let back: f64 = text.parse().map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{text}: {e}")))?;
            if value.is_nan() {
                proptest::prop_assert!(back.is_nan());
            } else if !value.is_finite() || value == 0.0 {
                proptest::prop_assert_eq!(back, value);
            } else {
                // One unit of the fifteenth significant digit of |value|.
                // (`powf`, since `powi` gives 0 below 10⁻³⁰⁸.)
                let unit = 10f64.powf(value.abs().log10().floor() - 14.0);
                proptest::prop_assert!((back - value).abs() <= unit, "{} -> {}", value, text);
                let digits = text
                    .trim_start_matches('-')
                    .split('e')
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>();
                let significant = digits.trim_matches('0').len();
                proptest::prop_assert!(significant <= RELIABLE_DIGITS, "{}", text);
            }
        }

        #[test]
        fn every_exact_number_reads_back_bit_for_bit_and_stays_short(
            bits in proptest::num::u64::ANY,
        ) {
            let value = f64::from_bits(bits);
            let text = exact(value);
            // At most a sign, "0." and five zeros, and 17 digits (−0.0000015012934306166622).
            proptest::prop_assert!(text.len() <= 25, "{} is {} long", text, text.len());
            let back: f64 = text.parse().map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{text}: {e}")))?;
            if value.is_nan() {
                proptest::prop_assert!(back.is_nan());
            } else if value == 0.0 {
                proptest::prop_assert_eq!(back, 0.0);
            } else {
                proptest::prop_assert_eq!(back.to_bits(), value.to_bits(), "{}", text);
            }
        }
    }
}
