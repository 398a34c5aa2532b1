//! Circles stamped from a small cached canvas instead of drawn as paths.
//!
//! A chart of 1 000 data points draws 2 000 circles (a disc and its rim) at every redraw
//! of its points. Drawn as paths, each is eight calls from wasm into the canvas (a colour
//! string made and parsed, `beginPath`, `arc`, `fill` or `stroke`) and an antialiased path
//! for the browser to rasterise. Stamped, each is one `drawImage` of a sprite drawn once:
//! the same pixels, since the sprite's circle has the same whole-pixel centre offset and
//! source-over compositing of the sprite equals compositing the path (BENCHMARKS.md,
//! "Seventh session").

use plotters_backend::BackendColor;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Circles wider than this (device pixels) are drawn as paths: big circles are few (a
/// highlight ring), and a sprite per size would be large.
const MAX_RADIUS: u32 = 48;

/// How many sprites are kept; when a new one would exceed it, all are dropped (a change of
/// projector mode or scale makes a new set, and the old one is not needed again soon).
const MAX_SPRITES: usize = 24;

/// What a sprite's pixels depend on.
#[derive(Clone, Copy, PartialEq)]
struct Key {
    radius: u32,
    rgb: (u8, u8, u8),
    alpha: u64,
    stroke: u32,
    fill: bool,
}

struct Sprite {
    key: Key,
    canvas: HtmlCanvasElement,
    /// The circle's centre in the sprite, in whole pixels along both axes.
    half: i32,
}

thread_local! {
    static SPRITES: RefCell<Vec<Sprite>> = const { RefCell::new(Vec::new()) };
}

/// Draws a circle of `radius` at `center` on `context` as a filled disc or a ring of
/// `stroke` pixels, from a cached sprite; `false` when it was not drawn (too large, or the
/// sprite could not be made) and the caller must draw the path itself.
pub(super) fn stamp(
    context: &CanvasRenderingContext2d,
    center: (i32, i32),
    radius: u32,
    color: BackendColor,
    stroke: u32,
    fill: bool,
) -> bool {
    if radius > MAX_RADIUS || stroke > MAX_RADIUS {
        return false;
    }
    let key = Key {
        radius,
        rgb: color.rgb,
        alpha: color.alpha.to_bits(),
        stroke: if fill { 0 } else { stroke },
        fill,
    };
    SPRITES.with(|sprites| {
        let mut sprites = sprites.borrow_mut();
        let index = match sprites.iter().position(|s| s.key == key) {
            Some(i) => i,
            None => {
                let Some(sprite) = make_sprite(key, color) else {
                    return false;
                };
                if sprites.len() >= MAX_SPRITES {
                    sprites.clear();
                }
                sprites.push(sprite);
                sprites.len() - 1
            }
        };
        let Some(sprite) = sprites.get(index) else {
            return false;
        };
        context
            .draw_image_with_html_canvas_element(
                &sprite.canvas,
                f64::from(center.0 - sprite.half),
                f64::from(center.1 - sprite.half),
            )
            .is_ok()
    })
}

/// A transparent canvas with the circle drawn as Plotters' canvas backend draws it (the
/// same colour string, line width and arc), centred on a whole pixel.
fn make_sprite(key: Key, color: BackendColor) -> Option<Sprite> {
    let half = i32::try_from(key.radius + key.stroke + 2).ok()?;
    let side = u32::try_from(2 * half).ok()?;
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(side);
    canvas.set_height(side);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let css = super::css_colour(color);
    if key.fill {
        context.set_fill_style_str(&css);
    } else {
        context.set_stroke_style_str(&css);
        context.set_line_width(f64::from(key.stroke));
    }
    context.begin_path();
    context
        .arc(
            f64::from(half),
            f64::from(half),
            f64::from(key.radius),
            0.0,
            std::f64::consts::TAU,
        )
        .ok()?;
    if key.fill {
        context.fill();
    } else {
        context.stroke();
    }
    Some(Sprite { key, canvas, half })
}
