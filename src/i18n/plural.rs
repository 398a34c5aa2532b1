//! Plural forms of a noun after a count.

/// The Lithuanian form of a word after the count `n`.
///
/// Lithuanian has three forms after a whole number:
/// - `one` when `n` ends in 1 but not in 11: 1, 21, 101 *eilutė*;
/// - `few` when `n` ends in 2–9 but not in 12–19: 2, 9, 22 *eilutės*;
/// - `many` when `n` ends in 0 or in 11–19: 0, 10, 11, 20 *eilučių*.
///
/// The forms may be whole phrases, so an agreeing word changes with the noun
/// (*praleista 1 eilutė*, *praleistos 2 eilutės*, *praleista 10 eilučių*).
pub fn lt_plural<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let last_two = n % 100;
    if (11..=19).contains(&last_two) {
        return many;
    }
    match n % 10 {
        1 => one,
        2..=9 => few,
        _ => many,
    }
}

/// The English form of a word after the count `n`: `one` for 1, `other` otherwise
/// (0 rows, 2 rows).
pub fn en_plural<'a>(n: usize, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        other
    }
}
