//! The charts' texts on the SVG backend, measured: labels never overlap one another or
//! leave the plot, a long message is wrapped into lines that fit the chart, and a long
//! column name ends with "…" instead of running off both edges (issue 14, item 7).
//!
//! A text's box is computed from the SVG the way the charts measured it on this backend
//! (Plotters' estimate for the font and size written, anchored as the SVG anchors it), so a
//! box here is exactly the box the chart laid out.
// Helpers outside #[test] functions fail the test loudly, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use descent_lab::charts::{
    draw_data_chart, draw_loss_chart, ChartStyle, DataChart, LossChart, Tangent,
};
use plotters::prelude::*;
use plotters_svg::SVGBackend;

const LECTURE: [(f64, f64); 3] = [(2.0, 19.6), (4.5, 44.1), (10.0, 98.0)];

/// The loss chart's canvas on a 1024 × 768 projector (CSS px, measured in Chromium).
const PROJECTOR_1024: (u32, u32) = (454, 304);

/// The loss chart's canvas on other screens: a 1920 × 1080 and a 1280 × 720 projector, a
/// laptop, and a phone at three device pixels per CSS pixel (in device pixels), with the
/// device pixel ratio of each.
const OTHER_SCREENS: [((u32, u32), f64, bool); 4] = [
    ((950, 439), 1.0, true),
    ((613, 280), 1.0, true),
    ((596, 270), 1.0, false),
    ((1053, 795), 3.0, true),
];

/// A text as drawn: its words and its box (left, top, right, bottom) in pixels.
#[derive(Debug, Clone)]
struct Drawn {
    text: String,
    bounds: (f64, f64, f64, f64),
}

/// An attribute's value in an element's opening tag.
fn attribute<'a>(tag: &'a str, name: &str) -> &'a str {
    let key = format!(" {name}=\"");
    let start = tag.find(&key).expect("attribute present") + key.len();
    let end = start + tag[start..].find('"').expect("attribute closed");
    &tag[start..end]
}

/// Every text of the SVG with its box.
fn drawn_texts(svg: &str) -> Vec<Drawn> {
    svg.split("<text ")
        .skip(1)
        .map(|chunk| {
            let tag = format!(" {}", &chunk[..chunk.find('>').expect("tag closed")]);
            let start = chunk.find('>').expect("tag closed") + 1;
            let end = chunk.find("</text>").expect("text closed");
            let text = chunk[start..end]
                .trim()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            let x: f64 = attribute(&tag, "x").parse().expect("x");
            let y: f64 = attribute(&tag, "y").parse().expect("y");
            // The SVG backend writes the font size divided by 1.24.
            let px = attribute(&tag, "font-size").parse::<f64>().expect("size") * 1.24;
            let (w, _) = ("sans-serif", px)
                .into_font()
                .box_size(&text)
                .expect("size");
            let w = f64::from(w);
            let left = match attribute(&tag, "text-anchor") {
                "start" => x,
                "middle" => x - w / 2.0,
                _ => x - w,
            };
            let top = match attribute(&tag, "dy") {
                "0.76em" => y,
                "0.5ex" => y - px / 2.0,
                _ => y - px,
            };
            Drawn {
                text,
                bounds: (left, top, left + w, top + px),
            }
        })
        .collect()
}

/// The translucent boxes drawn behind labels (the slope label's backdrop).
fn backdrops(svg: &str) -> Vec<(f64, f64, f64, f64)> {
    svg.lines()
        .filter(|l| l.starts_with("<rect ") && l.contains("opacity=\"0.85\""))
        .map(|tag| {
            let n = |name: &str| attribute(tag, name).parse::<f64>().expect("number");
            (n("x"), n("y"), n("x") + n("width"), n("y") + n("height"))
        })
        .collect()
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Every pair of texts whose boxes overlap, and every text drawn over a backdrop that is not
/// its own, described.
fn collisions(svg: &str) -> Vec<String> {
    let texts = drawn_texts(svg);
    let mut found = Vec::new();
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            if overlap(a.bounds, b.bounds) {
                found.push(format!("{:?} overlaps {:?}", a, b));
            }
        }
    }
    for backdrop in backdrops(svg) {
        let covered: Vec<&Drawn> = texts
            .iter()
            .filter(|t| overlap(t.bounds, backdrop))
            .collect();
        // The backdrop's own label lies inside it; anything else under it is hidden.
        if covered.len() > 1 {
            found.push(format!("backdrop {backdrop:?} covers {covered:?}"));
        }
    }
    found
}

fn lecture_loss(a: f64) -> f64 {
    LECTURE.iter().map(|(x, y)| (y - a * x).powi(2)).sum()
}

fn lecture_slope(a: f64) -> f64 {
    2.0 * (a * 124.25 - 1217.65)
}

/// The lecture's loss chart as the app draws it: the curve over the app's range of a
/// (6.2 to 11.6), "global minimum" at a* = 9.8, descent from a = 8 with γ = 0.003 after
/// `steps` steps, and the slope label written as the app writes it (∂L/∂a = −113.8379).
fn lecture_loss_chart(steps: usize) -> LossChart {
    let mut a: f64 = 8.0;
    let mut trail = vec![(a, lecture_loss(a))];
    for _ in 0..steps {
        a -= 0.003 * lecture_slope(a);
        trail.push((a, lecture_loss(a)));
    }
    let slope = lecture_slope(a);
    let digits = 7 - (slope.abs().log10().floor() as i32 + 1).clamp(0, 7);
    let label = format!("∂L/∂a = {:.*}", digits.max(0) as usize, slope);
    LossChart {
        curve: (0..=200)
            .map(|i| 6.2 + 5.4 * f64::from(i) / 200.0)
            .map(|a| (a, lecture_loss(a)))
            .collect(),
        current: Some((a, lecture_loss(a))),
        tangent: Some(Tangent {
            slope,
            label: label.replace('-', "\u{2212}"),
        }),
        trail: if steps == 0 { Vec::new() } else { trail },
        minima: vec![(9.8, 0.0)],
        minimum_label: "global minimum".to_owned(),
        empty_message: "No data".to_owned(),
        ..LossChart::default()
    }
}

fn render_loss(chart: &LossChart, style: ChartStyle, size: (u32, u32)) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_loss_chart(area, chart, &style)
            .expect("drawing succeeds")
            .expect("a plotting area");
    }
    svg
}

fn render_data(chart: &DataChart, style: ChartStyle, size: (u32, u32)) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_data_chart(area, chart, &style)
            .expect("drawing succeeds")
            .expect("a plotting area");
    }
    svg
}

/// The style the app gives a chart of `size` CSS px at `ratio` device px each.
fn style_for((w, h): (u32, u32), ratio: f64, projector: bool) -> ChartStyle {
    ChartStyle::for_canvas(
        (f64::from(w) / ratio, f64::from(h) / ratio),
        ratio,
        projector,
    )
}

// ---- Labels never overlap --------------------------------------------------------------------

#[test]
fn on_a_1024x768_projector_the_slope_label_after_one_step_overlaps_no_other_text() {
    // The reported case: "∂L/∂a = −113.8379" was drawn over "global minimum", and its
    // backdrop hid half of the trail's "0".
    let mut chart = lecture_loss_chart(1);
    // As the readout writes it, from the lecture: ∂L/∂a(9.3419) = −113.83785.
    if let Some(tangent) = chart.tangent.as_mut() {
        tangent.label = "∂L/∂a = −113.8379".to_owned();
    }
    let svg = render_loss(&chart, style_for(PROJECTOR_1024, 1.0, true), PROJECTOR_1024);
    let texts = drawn_texts(&svg);
    assert!(
        texts.iter().any(|t| t.text == "∂L/∂a = −113.8379"),
        "the slope label is drawn: {texts:?}"
    );
    assert_eq!(collisions(&svg), Vec::<String>::new());
}

#[test]
fn through_a_whole_descent_no_two_loss_chart_texts_overlap_on_any_screen() {
    let screens = [(PROJECTOR_1024, 1.0, true)]
        .into_iter()
        .chain(OTHER_SCREENS);
    for (size, ratio, projector) in screens {
        for steps in 0..=15 {
            let chart = lecture_loss_chart(steps);
            let svg = render_loss(&chart, style_for(size, ratio, projector), size);
            let found = collisions(&svg);
            assert!(found.is_empty(), "{size:?} after {steps} steps: {found:#?}");
            assert!(
                drawn_texts(&svg)
                    .iter()
                    .any(|t| t.text.starts_with("∂L/∂a")),
                "{size:?} after {steps} steps: the slope label is drawn"
            );
        }
    }
}

#[test]
fn every_loss_chart_label_lies_inside_the_canvas() {
    // On a phone in projector mode the slope label ran off the canvas's right edge and
    // "global minimum" was written over the tick labels.
    for (size, ratio, projector) in [(PROJECTOR_1024, 1.0, true)]
        .into_iter()
        .chain(OTHER_SCREENS)
    {
        for steps in [1, 3, 8] {
            let svg = render_loss(
                &lecture_loss_chart(steps),
                style_for(size, ratio, projector),
                size,
            );
            for t in drawn_texts(&svg) {
                let (l, top, r, b) = t.bounds;
                let (w, h) = (f64::from(size.0), f64::from(size.1));
                assert!(
                    l >= 0.0 && top >= 0.0 && r <= w && b <= h,
                    "{size:?}, {steps} steps: {t:?} leaves the canvas"
                );
            }
        }
    }
}

// ---- Messages wrap, titles end with "…" ------------------------------------------------------

const TOO_LARGE: &str =
    "The loss L is too large to compute: use smaller numbers in the table, or a smaller a.";

#[test]
fn a_long_message_is_wrapped_into_lines_that_each_fit_the_plot() {
    // A loss that overflowed everywhere: rows, but no finite sample of the curve.
    let chart = LossChart {
        curve: vec![(6.2, f64::INFINITY), (11.6, f64::INFINITY)],
        empty_message: TOO_LARGE.to_owned(),
        ..LossChart::default()
    };
    for (size, ratio, projector) in [(PROJECTOR_1024, 1.0, true)]
        .into_iter()
        .chain(OTHER_SCREENS)
    {
        let mut svg = String::new();
        let frame = {
            let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            draw_loss_chart(area, &chart, &style_for(size, ratio, projector))
                .expect("drawing succeeds")
                .expect("a plotting area")
        };
        let words: Vec<&str> = TOO_LARGE.split(' ').collect();
        let lines: Vec<Drawn> = drawn_texts(&svg)
            .into_iter()
            .filter(|t| t.text.split(' ').all(|w| words.contains(&w)) && t.text.len() > 2)
            .collect();
        let joined: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            joined.join(" "),
            TOO_LARGE,
            "{size:?}: every word, in order"
        );
        assert!(lines.len() > 1, "{size:?}: wrapped, {joined:?}");
        for line in &lines {
            let (l, _, r, _) = line.bounds;
            assert!(
                l >= frame.left && r <= frame.right,
                "{size:?}: {line:?} fits between {} and {}",
                frame.left,
                frame.right
            );
        }
        assert!(collisions(&svg).is_empty(), "{:#?}", collisions(&svg));
    }
}

/// A column name of exactly 100 characters.
fn hundred_characters(start: &str) -> String {
    let name: String =
        format!("{start} measured every second during the third experiment on the long spring")
            .chars()
            .cycle()
            .take(100)
            .collect();
    assert_eq!(name.chars().count(), 100);
    name
}

#[test]
fn a_100_character_column_name_ends_with_an_ellipsis_and_fits_the_chart() {
    let x_name = hundred_characters("Mass of the weight");
    let y_name = hundred_characters("Force on the spring");
    let chart = DataChart {
        points: LECTURE.to_vec(),
        model_line: vec![(0.0, 0.0), (10.0, 80.0)],
        x_label: x_name.clone(),
        y_label: y_name.clone(),
        ..DataChart::default()
    };
    // The data chart on a 1024 × 768 projector, and on a 1280 × 720 laptop.
    for (size, ratio, projector) in [((454, 265), 1.0, true), ((596, 228), 1.0, false)] {
        let svg = render_data(&chart, style_for(size, ratio, projector), size);
        let texts = drawn_texts(&svg);
        for name in [&x_name, &y_name] {
            let start: String = name.chars().take(10).collect();
            let title = texts
                .iter()
                .find(|t| t.text.starts_with(&start))
                .unwrap_or_else(|| panic!("{size:?}: the title {start}… is drawn: {texts:?}"));
            assert!(title.text.ends_with('…'), "{size:?}: {title:?}");
            let kept = title.text.trim_end_matches('…');
            assert!(
                name.starts_with(kept),
                "{size:?}: {title:?} begins the name"
            );
            let (l, _, r, _) = title.bounds;
            assert!(
                l >= 0.0 && r <= f64::from(size.0),
                "{size:?}: {title:?} fits the canvas"
            );
        }
        assert!(collisions(&svg).is_empty(), "{:#?}", collisions(&svg));
    }
    // A short name is left whole.
    let svg = render_data(
        &DataChart {
            x_label: "Mass (kg)".to_owned(),
            ..chart
        },
        style_for((454, 265), 1.0, true),
        (454, 265),
    );
    assert!(drawn_texts(&svg).iter().any(|t| t.text == "Mass (kg)"));
}
