//! Descent Lab: the Leptos app that teaches models, the L2 loss and gradient descent.
//!
//! Every number it shows comes from `descent-core`; this crate only lays the lesson out,
//! draws it (`charts`, backend-generic), speaks two languages (`i18n`) and fits the
//! classroom: keys, share links, saved work, exports (`classroom`).

/// Whether this is the full build (the `full` feature: the map, the race, typed formulas)
/// rather than the first-load build; `classroom::full_app` says how a page moves from one
/// to the other. The one spelling of that question in the app.
pub const FULL_BUILD: bool = cfg!(feature = "full");

pub mod app;
pub mod chart_data;
pub mod charts;
pub mod classroom;
pub mod components;
pub mod formula_text;
pub mod i18n;
pub mod race_text;
pub mod state;
pub mod walkthrough;
pub mod worked;
