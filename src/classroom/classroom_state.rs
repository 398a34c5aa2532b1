//! The classroom's own state: which dialog is open, whether the page is fullscreen, and
//! the saving machinery's memory. Cheap to copy: every field is a handle.

use crate::classroom::keys::Overlay;
use crate::classroom::saving::Saver;
use descent_core::presets::Preset;
use leptos::prelude::*;

/// The classroom's own state: which dialog is open, fullscreen, and the saving.
#[derive(Clone, Copy)]
pub struct ClassroomState {
    /// The keyboard help is open.
    pub help_open: RwSignal<bool>,
    /// The "start a new lesson?" question is open (or, with [`Self::pending_preset`],
    /// "open this example?").
    pub confirm_new_lesson: RwSignal<bool>,
    /// The example the open question is about; `None` when it is about a new lesson.
    pub pending_preset: RwSignal<Option<Preset>>,
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
            pending_preset: RwSignal::new(None),
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

    /// Asks before a New lesson replaces the lesson on screen.
    pub fn ask_new_lesson(&self) {
        self.pending_preset.set(None);
        self.confirm_new_lesson.set(true);
    }

    /// Asks before `preset` replaces the lesson on screen.
    pub fn ask_open_preset(&self, preset: Preset) {
        self.pending_preset.set(Some(preset));
        self.confirm_new_lesson.set(true);
    }

    /// Closes every overlay.
    pub fn close_overlays(&self) {
        self.help_open.set(false);
        self.confirm_new_lesson.set(false);
        self.copy_by_hand.set(None);
    }
}
