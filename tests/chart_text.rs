//! Fitting text into a chart, with a plain measure (ten pixels a character): a title that is
//! too long ends with "…", a message wraps between words, a line never exceeds its width.

use descent_lab::charts::{fit_with_ellipsis, keep_lines, wrap_to_width, ELLIPSIS};

/// Ten pixels a character.
fn width(text: &str) -> f64 {
    10.0 * text.chars().count() as f64
}

const TOO_LARGE: &str =
    "The loss L is too large to compute: use smaller numbers in the table, or a smaller a.";

#[test]
fn a_title_that_fits_is_left_whole() {
    assert_eq!(fit_with_ellipsis("Mass (kg)", 90.0, width), "Mass (kg)");
    assert_eq!(fit_with_ellipsis("", 0.0, width), "");
}

#[test]
fn a_title_too_long_keeps_as_much_as_fits_and_ends_with_an_ellipsis() {
    let title = "Force on the spring in newtons";
    let fitted = fit_with_ellipsis(title, 125.0, width);
    // Twelve characters of room: eleven of the title and the ellipsis.
    assert_eq!(fitted, "Force on th…");
    assert!(width(&fitted) <= 125.0);
    let fitted = fit_with_ellipsis(title, 90.0, width);
    assert_eq!(fitted, "Force on…", "no space before the ellipsis");
    // Every width from nothing to the whole title: within it, and the longest that is.
    for room in 0..=320 {
        let room = f64::from(room);
        let fitted = fit_with_ellipsis(title, room, width);
        assert!(width(&fitted) <= room, "{room}: {fitted}");
        if fitted != title && !fitted.is_empty() {
            let kept = fitted.trim_end_matches(ELLIPSIS);
            assert!(title.starts_with(kept), "{room}: {fitted}");
            let one_more: String = title.chars().take(kept.chars().count() + 1).collect();
            assert!(
                width(&format!("{}{ELLIPSIS}", one_more.trim_end())) > room
                    || one_more.ends_with(' '),
                "{room}: {fitted} is the longest that fits"
            );
        }
    }
}

#[test]
fn where_not_even_the_ellipsis_fits_nothing_is_drawn() {
    assert_eq!(fit_with_ellipsis("Force", 5.0, width), "");
    assert_eq!(fit_with_ellipsis("Force", f64::NAN, width), "");
}

#[test]
fn a_message_wraps_between_words_into_lines_that_fit() {
    let lines = wrap_to_width(TOO_LARGE, 300.0, width);
    assert_eq!(
        lines,
        [
            "The loss L is too large to",
            "compute: use smaller numbers",
            "in the table, or a smaller a.",
        ]
    );
    for line in &lines {
        assert!(width(line) <= 300.0, "{line}");
    }
    // Wide enough: one line.
    assert_eq!(wrap_to_width(TOO_LARGE, 1000.0, width), [TOO_LARGE]);
    // Blank: no line at all.
    assert!(wrap_to_width("   ", 100.0, width).is_empty());
}

#[test]
fn a_word_wider_than_a_line_is_split_where_it_must() {
    let lines = wrap_to_width("a 1e308000000000 b", 50.0, width);
    assert_eq!(lines, ["a", "1e308", "00000", "0000", "b"]);
    // Not even one character fits: one a line, and the loop ends.
    assert_eq!(wrap_to_width("ab", 1.0, width), ["a", "b"]);
}

#[test]
fn lines_beyond_the_room_are_left_out_and_the_last_kept_ends_with_an_ellipsis() {
    let lines = wrap_to_width(TOO_LARGE, 300.0, width);
    assert_eq!(keep_lines(lines.clone(), 3, 300.0, width), lines);
    let kept = keep_lines(lines.clone(), 2, 300.0, width);
    // "compute: use smaller numbers…" is 29 characters: it fits as it is.
    assert_eq!(
        kept,
        [
            "The loss L is too large to",
            "compute: use smaller numbers…"
        ]
    );
    let kept = keep_lines(lines, 1, 260.0, width);
    assert_eq!(kept, ["The loss L is too large t…"]);
    assert!(kept.iter().all(|l| width(l) <= 260.0));
}
