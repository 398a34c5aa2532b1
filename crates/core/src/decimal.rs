//! Decimal text read as an `f64`: [`parse_f64`], the same number `str::parse::<f64>` gives,
//! to the bit, without its tables.
//!
//! Rust's own reader (Eisel–Lemire) carries a table of 128-bit powers of five, about
//! 10 KB that gzip cannot shrink, which the app's first load would download only to read
//! the numbers a teacher types. This one is exact by plain arithmetic instead: the digits
//! as a big integer (nine digits a step), multiplied by the power of ten, or shifted left
//! and divided by it, then rounded once, half to even. Numbers of at most 15 digits and a
//! power of ten within 10^±22 (what a teacher types) take the classic fast path: one
//! correctly rounded multiplication or division of two exact doubles. Long numbers are
//! slower than with Rust's reader (natively about 0.5 µs for 17 digits and 0.1–0.15 ms
//! for a cell of 1 000 digits; Rust's: 0.02 µs and 0.4 µs), which only a pasted table of
//! thousands of such cells would notice.

/// Significant digits kept; any non-zero digit after them only says "a little more".
/// Every midpoint between two doubles is written in at most 767 significant digits, so
/// no midpoint lies strictly between the kept digits and the kept digits plus one unit in
/// their last place: the rounding is decided by them and that one bit.
const MAX_DIGITS: usize = 800;

/// Reads `text` exactly as `text.parse::<f64>().ok()` does: an optional sign, then digits
/// with at most one `.` (at least one digit in all) and an optional exponent (`e` or `E`,
/// an optional sign, at least one digit), or `inf`, `infinity` or `nan` in any case;
/// nothing else, no spaces. The result is the double nearest to the decimal, ties to even,
/// the infinities beyond the largest double; −0 stays −0.
pub fn parse_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    let magnitude = if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        f64::INFINITY
    } else if rest.eq_ignore_ascii_case(b"nan") {
        f64::NAN
    } else {
        let (digits, exponent) = read_decimal(rest)?;
        to_double(&digits, exponent)
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// The significant digits (each 0–9, no leading zeros, at most [`MAX_DIGITS`] + 1: a last
/// `1` stands for any non-zero digits cut off) and the power of ten of the last one, or
/// `None` when `text` is not a number.
fn read_decimal(text: &[u8]) -> Option<(Vec<u8>, i64)> {
    let mut digits = Vec::new();
    let mut exponent: i64 = 0;
    let mut cut = false;
    let mut seen_digit = false;
    let mut seen_point = false;
    let mut index = 0;
    while let Some(&byte) = text.get(index) {
        match byte {
            b'0'..=b'9' => {
                seen_digit = true;
                let digit = byte - b'0';
                if seen_point {
                    exponent -= 1;
                }
                if digits.len() < MAX_DIGITS {
                    if digit != 0 || !digits.is_empty() {
                        digits.push(digit);
                    }
                } else {
                    // A digit beyond those kept: a whole digit's place more before the
                    // point, a fraction's nothing.
                    cut |= digit != 0;
                    exponent += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        index += 1;
    }
    if !seen_digit {
        return None;
    }
    if let Some(&byte) = text.get(index) {
        if byte != b'e' && byte != b'E' {
            return None;
        }
        index += 1;
        let negative = match text.get(index) {
            Some(b'-') => {
                index += 1;
                true
            }
            Some(b'+') => {
                index += 1;
                false
            }
            _ => false,
        };
        let written = text.get(index..).unwrap_or_default();
        if written.is_empty() || !written.iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Far beyond any double's range either way: stop counting (as Rust's reader does).
        let mut value: i64 = 0;
        for &byte in written {
            if value < 0x1_0000 {
                value = value * 10 + i64::from(byte - b'0');
            }
        }
        exponent += if negative { -value } else { value };
    }
    if cut {
        digits.push(1);
        exponent -= 1;
    }
    Some((digits, exponent))
}

/// The double nearest to the integer `digits` times ten to the `exponent`.
fn to_double(digits: &[u8], exponent: i64) -> f64 {
    let count = digits.len() as i64;
    if digits.is_empty() || count + exponent <= -324 {
        // Below 10^-324, under half the smallest double.
        return 0.0;
    }
    if count + exponent > 310 {
        // At least 10^309.
        return f64::INFINITY;
    }
    if count <= 15 && (-22..=22).contains(&exponent) {
        // Exact operands, one rounding.
        let whole = digits
            .iter()
            .fold(0.0, |sum, &digit| sum * 10.0 + f64::from(digit));
        let power = (0..exponent.abs()).fold(1.0, |power, _| power * 10.0);
        return if exponent < 0 {
            whole / power
        } else {
            whole * power
        };
    }
    // Nine digits at a time: 10^9 < 2^32.
    let mut number = Big(Vec::new());
    for chunk in digits.chunks(9) {
        let value = chunk
            .iter()
            .fold(0, |value, &digit| value * 10 + u32::from(digit));
        number.multiply_add(10_u32.pow(chunk.len() as u32), value);
    }
    if exponent >= 0 {
        let places = exponent.unsigned_abs();
        for _ in 0..places / 9 {
            number.multiply_add(1_000_000_000, 0);
        }
        number.multiply_add(10_u32.pow((places % 9) as u32), 0);
        round(&number, 0, false)
    } else {
        // Enough bits that the quotient has more than 54 of them: 10^m < 2^(10m/3 + 1).
        let places = exponent.unsigned_abs();
        let shift = 64 + places * 10 / 3 + 1;
        number.shift_left(shift);
        let mut inexact = false;
        for _ in 0..places / 9 {
            inexact |= number.divide_by(1_000_000_000);
        }
        inexact |= number.divide_by(10_u32.pow((places % 9) as u32));
        round(&number, shift, inexact)
    }
}

/// `value` × 2^−`scale` (plus a little more when `inexact`: a fraction below the last bit
/// of `value` was dropped) rounded to the nearest double, ties to even.
fn round(value: &Big, scale: u64, inexact: bool) -> f64 {
    let length = value.bit_length() as i64;
    let scale = scale as i64;
    // The lowest bit kept: 53 bits, or fewer where the smallest subnormal's place
    // (2^−1074) comes first.
    let low = (length - 53).max(scale - 1074);
    let mut mantissa = 0_u64;
    for bit in (low.max(0)..length).rev() {
        mantissa = (mantissa << 1) | u64::from(value.bit(bit as u64));
    }
    if low < 0 {
        mantissa <<= low.unsigned_abs();
    } else if low > 0 {
        let half = value.bit(low as u64 - 1);
        let rest = inexact || value.any_below(low as u64 - 1);
        if half && (rest || mantissa & 1 == 1) {
            mantissa += 1;
        }
    }
    let mut place = low - scale;
    if mantissa == 1 << 53 {
        mantissa >>= 1;
        place += 1;
    }
    // mantissa × 2^place, the mantissa below 2^53, and at least 2^52 unless `place` is
    // the subnormals' −1074; its exponent field is then `place + 1074` (+ 1 from the
    // mantissa's own top bit, which the addition carries in).
    let field = place + 1074;
    if mantissa == 0 {
        0.0
    } else if field + (mantissa >> 52) as i64 >= 2047 {
        f64::INFINITY
    } else {
        f64::from_bits(((field as u64) << 52) + mantissa)
    }
}

/// A non-negative big integer, 32-bit limbs, least significant first.
struct Big(Vec<u32>);

impl Big {
    /// `self = self × factor + add`.
    fn multiply_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// `self = self × 2^bits`.
    fn shift_left(&mut self, bits: u64) {
        let whole = (bits / 32) as usize;
        let part = (bits % 32) as u32;
        if part > 0 {
            let mut carry = 0_u32;
            for limb in &mut self.0 {
                let next = *limb >> (32 - part);
                *limb = (*limb << part) | carry;
                carry = next;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, whole));
    }

    /// `self = ⌊self / divisor⌋`; whether a remainder was dropped.
    fn divide_by(&mut self, divisor: u32) -> bool {
        let divisor = u64::from(divisor);
        let mut remainder = 0_u64;
        for limb in self.0.iter_mut().rev() {
            let current = (remainder << 32) | u64::from(*limb);
            *limb = (current / divisor) as u32;
            remainder = current % divisor;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        remainder != 0
    }

    /// The number of bits up to the highest one set; 0 for zero.
    fn bit_length(&self) -> u64 {
        self.0.iter().rposition(|&limb| limb != 0).map_or(0, |top| {
            top as u64 * 32 + u64::from(32 - self.0[top].leading_zeros())
        })
    }

    /// Bit `index` (0 the lowest).
    fn bit(&self, index: u64) -> bool {
        self.0
            .get((index / 32) as usize)
            .is_some_and(|limb| limb >> (index % 32) & 1 == 1)
    }

    /// Whether any bit below `index` is set.
    fn any_below(&self, index: u64) -> bool {
        let whole = (index / 32) as usize;
        let part = index % 32;
        self.0.iter().take(whole).any(|&limb| limb != 0)
            || (part > 0
                && self
                    .0
                    .get(whole)
                    .is_some_and(|&limb| limb & ((1_u32 << part) - 1) != 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The two readers agree: both refuse, or both give the same bits.
    fn same_as_std(text: &str) -> Result<(), TestCaseError> {
        let ours = parse_f64(text).map(f64::to_bits);
        let std = text.parse::<f64>().ok().map(f64::to_bits);
        prop_assert_eq!(ours, std, "{:?}", text);
        Ok(())
    }

    #[test]
    fn the_lectures_numbers_and_the_hard_cases_read_as_rusts_reader_reads_them() {
        let long_fraction = format!("0.1{}1", "0".repeat(900));
        let long_whole = format!("9007199254740993{}e-300", "0".repeat(300));
        let halfway = format!("9007199254740993{}1", "0".repeat(790));
        for text in [
            "0",
            "-0",
            "+0",
            "0.003",
            "8",
            "11.5",
            "359.0825",
            "-447.3",
            "9.683413550000001",
            "402.57000000000005",
            "1e400",
            "-1e400",
            "1e-400",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "9007199254740993",
            "9007199254740995",
            "123456789012345678901234567890",
            "0.1",
            "0.30000000000000004",
            "1.",
            ".5",
            "-.5",
            "1e",
            "1e+",
            "e5",
            ".",
            "",
            "-",
            "+",
            "1.2.3",
            "1e5.",
            " 1",
            "1 ",
            "0x10",
            "inf",
            "-Infinity",
            "INF",
            "nan",
            "NaN",
            "-nan",
            "infin",
            "1_000",
            "1,5",
            "00000.000001e6",
            "1e0000000000000000000000000000001",
            "1e-99999999999999999",
            &long_fraction,
            &long_whole,
            &halfway,
        ] {
            assert_eq!(
                parse_f64(text).map(f64::to_bits),
                text.parse::<f64>().ok().map(f64::to_bits),
                "{text:?}"
            );
        }
        assert_eq!(parse_f64("359.0825"), Some(359.0825));
        assert_eq!(parse_f64("-0").map(f64::is_sign_negative), Some(true));
        assert_eq!(parse_f64("abc"), None);
    }

    /// The exact decimal halfway between two positive doubles: each written exactly with
    /// 1 100 decimals (every double has at most 1 074), added digit by digit and halved.
    fn midpoint(low: f64, high: f64) -> String {
        let digits = |value: f64| -> Vec<u32> {
            format!("{value:.1100}")
                .bytes()
                .filter(u8::is_ascii_digit)
                .map(|byte| u32::from(byte - b'0'))
                .collect()
        };
        let (mut a, mut b) = (digits(low), digits(high));
        let width = a.len().max(b.len()) + 1;
        a.splice(0..0, std::iter::repeat_n(0, width - a.len()));
        b.splice(0..0, std::iter::repeat_n(0, width - b.len()));
        // (a + b) × 5 read with one more decimal: the half.
        let mut sum: Vec<u32> = a.iter().zip(&b).map(|(x, y)| (x + y) * 5).collect();
        for index in (1..sum.len()).rev() {
            sum[index - 1] += sum[index] / 10;
            sum[index] %= 10;
        }
        let text: String = sum
            .iter()
            .map(|&digit| char::from(b'0' + digit as u8))
            .collect();
        let (whole, fraction) = text.split_at(text.len() - 1101);
        format!("{whole}.{fraction}")
    }

    #[test]
    fn the_midpoint_helper_is_exact() {
        assert_eq!(midpoint(1.0, 2.0).trim_end_matches('0'), "1.5");
        let above_one = midpoint(1.0, f64::from_bits(1.0_f64.to_bits() + 1));
        assert!(above_one.starts_with("1.00000000000000011102230246251565404236316680908203125"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn every_double_written_by_rust_reads_back_to_itself(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            same_as_std(&format!("{value}"))?;
            same_as_std(&format!("{value:e}"))?;
            same_as_std(&format!("{value:.20e}"))?;
            same_as_std(&format!("{value:.3e}"))?;
        }

        #[test]
        fn digits_and_exponents_of_every_size_read_as_rusts_reader_reads_them(
            whole in "[0-9]{0,40}",
            fraction in proptest::option::of("[0-9]{0,40}"),
            exponent in proptest::option::of(-400i32..400),
            sign in "[+-]?",
        ) {
            let mut text = format!("{sign}{whole}");
            if let Some(fraction) = fraction {
                text.push('.');
                text.push_str(&fraction);
            }
            if let Some(exponent) = exponent {
                text.push_str(&format!("e{exponent}"));
            }
            same_as_std(&text)?;
        }

        #[test]
        fn anything_typed_is_refused_or_read_as_rusts_reader_reads_it(
            text in "[0-9.eE+\\-naifAIN ]{0,12}",
        ) {
            same_as_std(&text)?;
        }

        #[test]
        fn near_halfway_between_two_doubles_rounds_as_rusts_reader_rounds(
            bits in 1u64..0x7fef_ffff_ffff_ffff,
            extra in "[0-9]{1,30}",
        ) {
            // The exact decimal of the midpoint above a double, then a nudge either way.
            let middle = midpoint(f64::from_bits(bits), f64::from_bits(bits + 1));
            same_as_std(&middle)?;
            let trimmed = middle.trim_end_matches('0');
            same_as_std(&format!("{trimmed}{extra}"))?;
            let below = format!("{}e-1", trimmed.replacen('.', "", 1));
            same_as_std(&below)?;
        }
    }
}
