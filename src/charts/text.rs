//! Text that fits: measuring a text the way the backend will draw it ([`measure_text`]),
//! shortening a title with an ellipsis ([`fit_with_ellipsis`]) and wrapping a message into
//! lines ([`wrap_to_width`]). The last two are pure: they take the measuring function, so
//! native tests can check them with any widths.

use std::borrow::Cow;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::approximate_text_width;

/// The ellipsis a shortened text ends with.
pub const ELLIPSIS: char = '…';

/// The size (width, height) in backend pixels of `text` drawn in `font`: the backend's own
/// measurement (in the browser the canvas's `measureText`, which needs no layout), or the
/// rough [`approximate_text_width`] where the backend cannot tell.
pub(crate) fn measure_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle,
) -> (f64, f64) {
    let px = font.font.get_size();
    match area.estimate_text_size(text, font) {
        Ok((w, h)) => (f64::from(w), f64::from(h).max(px)),
        Err(_) => (approximate_text_width(text, px), px * 1.2),
    }
}

/// `text` if it is at most `max_width` wide, else its longest beginning that fits with
/// [`ELLIPSIS`] after it (trailing spaces dropped), else the empty string when not even the
/// ellipsis fits. `width` measures a text; it is called about log₂(length) times.
pub fn fit_with_ellipsis<'a>(
    text: &'a str,
    max_width: f64,
    width: impl Fn(&str) -> f64,
) -> Cow<'a, str> {
    if width(text) <= max_width {
        return Cow::Borrowed(text);
    }
    Cow::Owned(shortened_with_ellipsis(text, max_width, width).unwrap_or_default())
}

/// The longest beginning of `text` shorter than all of it that fits within `max_width` with
/// [`ELLIPSIS`] after it, trailing spaces dropped; `None` when not even the ellipsis fits.
fn shortened_with_ellipsis(
    text: &str,
    max_width: f64,
    width: impl Fn(&str) -> f64,
) -> Option<String> {
    let shortened = |chars: usize| -> String {
        let mut s: String = text.chars().take(chars).collect();
        s.truncate(s.trim_end().len());
        s.push(ELLIPSIS);
        s
    };
    let fits = |chars: usize| width(&shortened(chars)) <= max_width;
    if !fits(0) {
        return None;
    }
    // Binary search for the most characters that fit: `lo` always fits, `hi` never does
    // (the whole text did not, and the ellipsis only adds to it).
    let (mut lo, mut hi) = (0, text.chars().count());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(shortened(lo))
}

/// `text` broken into lines each at most `max_width` wide: between words where it can be,
/// within a word only when the word alone is wider than a line. Runs of spaces collapse; an
/// empty or blank text gives no lines. `width` measures a text.
pub fn wrap_to_width(text: &str, max_width: f64, width: impl Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let joined = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&joined) <= max_width {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if width(word) <= max_width {
            line = word.to_owned();
            continue;
        }
        // A word wider than a line: as many characters as fit on each line (at least one,
        // so the loop always ends).
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if line.is_empty() || width(&longer) <= max_width {
                line = longer;
            } else {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// At most `max_lines` of `lines`; when some are left out, the last one kept ends with
/// [`ELLIPSIS`], shortened to stay within `max_width`.
pub fn keep_lines(
    mut lines: Vec<String>,
    max_lines: usize,
    max_width: f64,
    width: impl Fn(&str) -> f64,
) -> Vec<String> {
    if lines.len() <= max_lines {
        return lines;
    }
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        let marked = format!("{last}{ELLIPSIS}");
        *last = if width(&marked) <= max_width {
            marked
        } else {
            shortened_with_ellipsis(last, max_width, &width).unwrap_or_default()
        };
    }
    lines
}
