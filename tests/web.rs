//! Components in a real browser (headless Chromium through wasm-bindgen-test): the
//! lesson screen mounted, driven through its inputs, read back through its readouts.
//! Run with `cargo test -p descent-lab --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // A failed lookup is a failed test.

use descent_core::presets::Preset;
use descent_lab::app::Lesson;
use descent_lab::i18n::Lang;
use descent_lab::state::LessonState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlButtonElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh lesson screen in its own element and returns that element.
fn mount(lang: Lang) -> (Element, LessonState) {
    let document = document();
    let wrapper = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&wrapper).unwrap();
    let state = LessonState::new(Preset::Lecture.lesson(), lang);
    let handle = leptos::mount::mount_to(wrapper.clone().unchecked_into(), move || {
        view! { <Lesson state /> }
    });
    // Keep the view alive for the rest of the test run.
    std::mem::forget(handle);
    (wrapper, state)
}

fn by_testid<T: JsCast>(root: &Element, id: &str) -> T {
    root.query_selector(&format!("[data-testid='{id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {id}"))
        .unchecked_into()
}

fn text(root: &Element, id: &str) -> String {
    by_testid::<Element>(root, id)
        .text_content()
        .unwrap_or_default()
}

fn type_into(root: &Element, id: &str, value: &str) {
    let input: HtmlInputElement = by_testid(root, id);
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_lecture_opens_at_a_equals_8_with_the_slides_figures() {
    let (root, _) = mount(Lang::En);
    leptos::task::tick().await;
    assert_eq!(text(&root, "loss-value"), "402.57");
    assert_eq!(text(&root, "gradient-value"), "−447.3");
    let field: HtmlInputElement = by_testid(&root, "param-a");
    assert_eq!(field.value(), "8");
}

#[wasm_bindgen_test]
async fn editing_a_cell_updates_the_loss_and_flags_a_bad_cell() {
    let (root, _) = mount(Lang::En);
    leptos::task::tick().await;
    type_into(&root, "cell-1-y", "abc");
    leptos::task::tick().await;
    // Row 2 is left out: (19.6 − 16)² + (98 − 80)² = 336.96.
    assert_eq!(text(&root, "loss-value"), "336.96");
    let cell: HtmlInputElement = by_testid(&root, "cell-1-y");
    assert_eq!(cell.value(), "abc", "what was typed is kept");
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(text(&root, "status-message").contains('2'));
    type_into(&root, "cell-1-y", "44,1");
    leptos::task::tick().await;
    assert_eq!(text(&root, "loss-value"), "402.57");
}

#[wasm_bindgen_test]
async fn step_then_undo_moves_a_and_back() {
    let (root, _) = mount(Lang::En);
    leptos::task::tick().await;
    by_testid::<HtmlButtonElement>(&root, "step-button").click();
    leptos::task::tick().await;
    let field: HtmlInputElement = by_testid(&root, "param-a");
    assert_eq!(field.value(), "9.3419");
    assert!(text(&root, "history-table").contains("9.3419"));
    by_testid::<HtmlButtonElement>(&root, "undo-button").click();
    leptos::task::tick().await;
    assert_eq!(field.value(), "8");
}

#[wasm_bindgen_test]
async fn an_invalid_learning_rate_disables_step_and_keeps_the_text() {
    let (root, _) = mount(Lang::En);
    leptos::task::tick().await;
    type_into(&root, "learning-rate", "-1");
    leptos::task::tick().await;
    let step: HtmlButtonElement = by_testid(&root, "step-button");
    assert!(step.disabled());
    let gamma: HtmlInputElement = by_testid(&root, "learning-rate");
    assert_eq!(gamma.value(), "-1");
    type_into(&root, "learning-rate", "0,003");
    leptos::task::tick().await;
    assert!(!step.disabled());
}

#[wasm_bindgen_test]
async fn lithuanian_writes_a_decimal_comma() {
    let (root, _) = mount(Lang::Lt);
    leptos::task::tick().await;
    assert_eq!(text(&root, "loss-value"), "402,57");
    assert!(text(&root, "worked-update").contains("9,3419"));
}

/// Waits `ms` milliseconds of real time (timers and intervals run meanwhile).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_unmounted_lesson_stops_autoplay_and_takes_no_keys() {
    let document = document();
    let wrapper = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&wrapper).unwrap();
    let state = LessonState::new(Preset::Lecture.lesson(), Lang::En);
    let handle = leptos::mount::mount_to(wrapper.clone().unchecked_into(), move || {
        view! { <Lesson state /> }
    });
    leptos::task::tick().await;
    state.speed.set(60);
    state.playing.set(true);
    leptos::task::tick().await;
    sleep(100).await;
    let steps = || state.session.with_untracked(|s| s.history().len());
    assert!(steps() > 0, "autoplay runs while mounted");
    drop(handle);
    leptos::task::tick().await;
    let after_unmount = steps();
    sleep(200).await;
    assert_eq!(steps(), after_unmount, "no step after unmounting");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("PageDown");
    let key = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&key).unwrap();
    leptos::task::tick().await;
    assert_eq!(steps(), after_unmount, "no key handled after unmounting");
}
