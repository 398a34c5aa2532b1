//! Descent Lab: the Leptos app that teaches models, the L2 loss and gradient descent.
pub mod app;
