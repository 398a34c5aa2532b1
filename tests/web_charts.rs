//! The canvas pipeline in a real browser (headless Chromium through wasm-bindgen-test): the
//! charts follow their canvas's size through a `ResizeObserver`, and a chart removed before
//! its animation frame fires neither panics nor touches its disposed signals.
//! Run with `cargo test -p descent-lab --target wasm32-unknown-unknown --test web_charts`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // A failed lookup is a failed test.

use descent_core::presets::Preset;
use descent_lab::app::Lesson;
use descent_lab::i18n::Lang;
use descent_lab::state::LessonState;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Set by the panic hook: a panic inside an animation frame reaches no test otherwise.
static PANICKED: AtomicBool = AtomicBool::new(false);

fn watch_panics() {
    std::panic::set_hook(Box::new(|info| {
        PANICKED.store(true, Ordering::SeqCst);
        web_sys::console::error_1(&info.to_string().into());
    }));
}

/// Resolves on the next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Mounts a lesson screen in a wrapper `width` CSS pixels wide, its charts 200 pixels high.
fn mount(
    width: u32,
) -> (
    HtmlElement,
    LessonState,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    let document = document();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(
        ".chart canvas { display: block; width: 100%; height: 200px; }",
    ));
    document.head().unwrap().append_child(&style).unwrap();
    let wrapper: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    wrapper
        .style()
        .set_property("width", &format!("{width}px"))
        .unwrap();
    document.body().unwrap().append_child(&wrapper).unwrap();
    let state = LessonState::new(Preset::Lecture.lesson(), Lang::Lt);
    let handle = leptos::mount::mount_to(wrapper.clone(), move || view! { <Lesson state /> });
    (wrapper, state, handle)
}

fn data_canvas(root: &HtmlElement) -> HtmlCanvasElement {
    root.query_selector("[data-testid='chart-data']")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_canvas_follows_its_box_when_only_the_box_is_resized() {
    watch_panics();
    let (wrapper, _state, handle) = mount(600);
    for _ in 0..4 {
        next_frame().await;
    }
    let canvas = data_canvas(&wrapper);
    let ratio = window().device_pixel_ratio();
    // The test reads the layout; the app does not.
    let css_width = || canvas.get_bounding_client_rect().width();
    let before = css_width();
    assert!(before > 100.0);
    assert_eq!(f64::from(canvas.width()), (before * ratio).round());
    assert!(canvas.get_attribute("data-frame").is_some());
    // No window resize event: only the box changes.
    wrapper.style().set_property("width", "400px").unwrap();
    for _ in 0..4 {
        next_frame().await;
    }
    let after = css_width();
    assert!(after < before - 100.0, "{before} → {after}");
    assert_eq!(f64::from(canvas.width()), (after * ratio).round());
    assert!(!PANICKED.load(Ordering::SeqCst));
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_chart_removed_before_its_frame_does_not_panic() {
    watch_panics();
    let (_wrapper, state, handle) = mount(500);
    for _ in 0..3 {
        next_frame().await;
    }
    // A change schedules a redraw for the next frame; the screen goes before it fires.
    state.slide_param(0, 9.0);
    leptos::task::tick().await;
    drop(handle);
    for _ in 0..3 {
        next_frame().await;
    }
    assert!(!PANICKED.load(Ordering::SeqCst));
}

#[wasm_bindgen_test]
async fn a_lesson_removed_while_playing_stops_its_timer() {
    watch_panics();
    let wrapper: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&wrapper).unwrap();
    // The state is made inside the mounted screen, as <App/> makes it, so it goes with it.
    let made = std::rc::Rc::new(std::cell::Cell::new(None::<LessonState>));
    let handle = leptos::mount::mount_to(wrapper, {
        let made = made.clone();
        move || {
            let state = LessonState::new(Preset::Lecture.lesson(), Lang::En);
            made.set(Some(state));
            view! { <Lesson state /> }
        }
    });
    let state = made.get().unwrap();
    next_frame().await;
    state.speed.set(60);
    state.toggle_play();
    leptos::task::tick().await;
    assert!(state.playing.get_untracked());
    drop(handle);
    // At 60 steps a second, a timer left running would step the disposed session.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 200);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    assert!(!PANICKED.load(Ordering::SeqCst));
}
