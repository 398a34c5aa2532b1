//! The classroom's own state: which dialog is open, whether the page is fullscreen, and
//! the saving machinery's memory. Cheap to copy: every field is a handle.

use crate::classroom::keys::Overlay;
use crate::classroom::saving::Saver;
use leptos::prelude::*;

/// The classroom's own state: which dialog is open, fullscreen, and the saving.
#[derive(Clone, Copy)]
pub struct ClassroomState {
    /// The keyboard help is open.
    pub help_open: RwSignal<bool>,
    /// The "start a new lesson?" question is open.
    pub confirm_new_lesson: RwSignal<bool>,
    /// Text the clipboard refused, shown to be copied by hand.
    pub copy_by_hand: RwSignal<Option<String>>,
    /// The page is fullscreen.
    pub fullscreen: RwSignal<bool>,
    /// What saving remembers between changes (see [`crate::classroom::saving`]).
    pub(crate) saver: StoredValue<Saver>,
}

impl Default for ClassroomState {
    fn default() -> Self {
        Self::new()
    }
}

impl ClassroomState {
    /// Nothing open, not fullscreen, nothing saved yet.
    pub fn new() -> Self {
        Self {
            help_open: RwSignal::new(false),
            confirm_new_lesson: RwSignal::new(false),
            copy_by_hand: RwSignal::new(None),
            fullscreen: RwSignal::new(false),
            saver: StoredValue::new(Saver::default()),
        }
    }

    /// Which overlay is open now (untracked: the key handler asks).
    pub fn overlay(&self) -> Overlay {
        if self.help_open.get_untracked() {
            Overlay::Help
        } else if self.confirm_new_lesson.get_untracked()
            || self.copy_by_hand.with_untracked(Option::is_some)
        {
            Overlay::Dialog
        } else {
            Overlay::None
        }
    }

    /// Closes every overlay.
    pub fn close_overlays(&self) {
        self.help_open.set(false);
        self.confirm_new_lesson.set(false);
        self.copy_by_hand.set(None);
    }
}
