//! The root component.
use leptos::prelude::*;

/// The whole lesson screen.
#[component]
pub fn App() -> impl IntoView {
    view! { <main><h1>"Descent Lab"</h1></main> }
}
