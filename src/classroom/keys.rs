//! Keyboard and presentation clickers.
//!
//! Clickers send PageDown/PageUp (some send the arrow keys), so those step and undo;
//! Space steps as well, Home resets, P plays or pauses, `?` shows the list of keys, M
//! switches projector mode, F fullscreen, Esc closes a dialog. The list the help overlay
//! shows is [`Strings::shortcuts`](crate::i18n::Strings::shortcuts): keep the two in step.
//!
//! The decision is pure ([`action_for`], [`decide`]) and tested natively; only
//! [`use_keyboard`] touches the browser. (Over 400 lines only through its tests: every
//! rule of [`decide`] is checked case by case.)

use crate::classroom::{fullscreen, ClassroomState};
use crate::state::LessonState;
use crate::walkthrough::Walkthrough;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// One step of gradient descent (PageDown, →, Space).
    Step,
    /// Take back the last step (PageUp, ←).
    Undo,
    /// Back to the starting value (Home).
    Reset,
    /// Start or pause autoplay (P).
    TogglePlay,
    /// Show or hide the keyboard help (`?`).
    ToggleHelp,
    /// Close whatever dialog is open (Esc).
    CloseOverlay,
    /// Projector mode on or off (M).
    ToggleProjector,
    /// Fullscreen on or off (F).
    ToggleFullscreen,
}

impl KeyAction {
    /// Whether holding the key down repeats the action. Stepping and undoing repeat, as
    /// holding an arrow key scrolls; a toggle must not flicker on and off.
    pub fn repeats(self) -> bool {
        matches!(self, KeyAction::Step | KeyAction::Undo)
    }
}

/// The action of `key` (a `KeyboardEvent.key` value), or `None` when the key is not
/// ours or the focus is in a text field (`target_is_text_field`): there the key belongs
/// to the field — typing a `p` in a cell, moving the caret with the arrows.
pub fn action_for(key: &str, target_is_text_field: bool) -> Option<KeyAction> {
    if target_is_text_field {
        return None;
    }
    // "Right", "Left", "Spacebar" and "Esc" are what older browsers report.
    match key {
        "PageDown" | "ArrowRight" | "Right" | " " | "Spacebar" => Some(KeyAction::Step),
        "PageUp" | "ArrowLeft" | "Left" => Some(KeyAction::Undo),
        "Home" => Some(KeyAction::Reset),
        "p" | "P" => Some(KeyAction::TogglePlay),
        "?" => Some(KeyAction::ToggleHelp),
        "Escape" | "Esc" => Some(KeyAction::CloseOverlay),
        "m" | "M" => Some(KeyAction::ToggleProjector),
        "f" | "F" => Some(KeyAction::ToggleFullscreen),
        _ => None,
    }
}

/// What has the keyboard focus, as far as the keys care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A field for typing: a text input, textarea, or editable content. Every key belongs
    /// to it.
    FormField,
    /// A picker a mouse choice leaves focused: a `<select>` (the example and model
    /// pickers) or a slider. The clicker keys (PageDown, PageUp, ← →, Space, Home)
    /// still step, undo and reset — a lecturer's clicker must not change the example or
    /// a — and every other key belongs to the picker (type-ahead in a select).
    Picker,
    /// A button, link or disclosure: Space (and Enter) activate it, other keys are ours.
    Activatable,
    /// Anything else (the page itself, a panel).
    Other,
}

impl Focus {
    /// Classifies an element by its tag name (any case), its `type` (for an input),
    /// whether it is editable content, and its ARIA role.
    pub fn of(
        tag_name: &str,
        input_type: Option<&str>,
        content_editable: bool,
        role: Option<&str>,
    ) -> Focus {
        let tag = tag_name.to_ascii_lowercase();
        let input_type = input_type.unwrap_or_default().to_ascii_lowercase();
        let role = role.unwrap_or_default();
        if tag == "select" || (tag == "input" && input_type == "range") || role == "slider" {
            return Focus::Picker;
        }
        if content_editable || matches!(tag.as_str(), "input" | "textarea") {
            return Focus::FormField;
        }
        if matches!(role, "textbox" | "spinbutton" | "combobox" | "listbox") {
            Focus::FormField
        } else if matches!(tag.as_str(), "button" | "summary" | "a")
            || matches!(role, "button" | "link" | "checkbox" | "menuitem" | "tab")
        {
            Focus::Activatable
        } else {
            Focus::Other
        }
    }
}

/// Which overlay is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// None: the lesson has the keys.
    None,
    /// The keyboard help.
    Help,
    /// Another dialog (the new-lesson question, the copy-by-hand box).
    Dialog,
}

/// A key press as [`decide`] needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    /// Ctrl, Alt or Meta is held. Shift is not counted: `?` needs it on most layouts.
    pub command_modifier: bool,
    /// The key is held down and this is an automatic repeat.
    pub repeat: bool,
    /// What has the focus.
    pub focus: Focus,
}

/// The action a key press takes, all rules applied:
/// - with Ctrl, Alt or Meta the key belongs to the browser (Ctrl+P prints, Ctrl+F
///   finds, Alt+← goes back) or to another shortcut (Ctrl+Z undoes an edit);
/// - a text field keeps every key ([`action_for`]); a picker (select, slider) keeps all
///   but the clicker keys ([`is_clicker_key`]);
/// - Space on a focused button belongs to the button, which it clicks: acting as well
///   would step twice after the Step button was clicked;
/// - while a dialog is open the lesson behind it takes no keys: Esc closes the dialog,
///   and `?` also closes the help;
/// - an automatic repeat only repeats stepping and undoing.
pub fn decide(press: KeyPress<'_>, overlay: Overlay) -> Option<KeyAction> {
    if press.command_modifier {
        return None;
    }
    if press.focus == Focus::Activatable && matches!(press.key, " " | "Spacebar" | "Enter") {
        return None;
    }
    let action = action_for(press.key, press.focus == Focus::FormField)?;
    if press.focus == Focus::Picker && !is_clicker_key(press.key) {
        return None;
    }
    if press.repeat && !action.repeats() {
        return None;
    }
    match (overlay, action) {
        (Overlay::None, KeyAction::CloseOverlay) => None,
        (Overlay::None, action) => Some(action),
        (_, KeyAction::CloseOverlay) | (Overlay::Help, KeyAction::ToggleHelp) => {
            Some(KeyAction::CloseOverlay)
        }
        _ => None,
    }
}

/// What a key does in the walkthrough.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TourKey {
    /// The next beat or scene, or one descent step in a stepping scene.
    Next,
    /// The previous beat or scene, or one step back in a stepping scene.
    Previous,
    /// Leave the walkthrough; the lesson stays as it stands.
    Exit,
}

/// What a key press does while the walkthrough runs: the keys that step and undo
/// ([`decide`]) move through the scenes, Esc leaves it; every other key does what it
/// always does (`None`). A dialog keeps its keys.
pub fn tour_key(press: KeyPress<'_>, overlay: Overlay) -> Option<TourKey> {
    if overlay != Overlay::None {
        return None;
    }
    if !press.command_modifier
        && press.focus != Focus::FormField
        && matches!(press.key, "Escape" | "Esc")
    {
        return Some(TourKey::Exit);
    }
    match decide(press, overlay)? {
        KeyAction::Step => Some(TourKey::Next),
        KeyAction::Undo => Some(TourKey::Previous),
        _ => None,
    }
}

/// Whether `key` is one a presentation clicker sends (or a lecturer uses as one): these
/// step, undo and reset even while a picker has the focus. ↑ and ↓ are not among them:
/// they stay the keyboard's way through a select's options (choosing another example
/// after edits asks first).
pub fn is_clicker_key(key: &str) -> bool {
    matches!(
        key,
        "PageDown"
            | "PageUp"
            | "ArrowRight"
            | "ArrowLeft"
            | "Right"
            | "Left"
            | " "
            | "Spacebar"
            | "Home"
    )
}

/// Does `action` on the lesson and the classroom state.
pub fn perform(action: KeyAction, state: LessonState, classroom: ClassroomState) {
    match action {
        KeyAction::Step => state.step(),
        KeyAction::Undo => state.undo(),
        KeyAction::Reset => state.reset(),
        KeyAction::TogglePlay => state.toggle_play(),
        KeyAction::ToggleHelp => classroom.help_open.update(|open| *open = !*open),
        KeyAction::CloseOverlay => classroom.close_overlays(),
        KeyAction::ToggleProjector => state.projector.update(|on| *on = !*on),
        KeyAction::ToggleFullscreen => fullscreen::toggle(),
    }
}

/// Whether a key press is Ctrl+Z (⌘Z on a Mac) that takes back the last edit of the table
/// (typed, pasted or dragged on the chart). In a form field the key is left to the field's
/// own text undo; Ctrl+Shift+Z and Alt combinations are not ours.
pub fn is_undo_edit(key: &str, ctrl_or_meta: bool, shift_or_alt: bool, focus: Focus) -> bool {
    ctrl_or_meta && !shift_or_alt && matches!(key, "z" | "Z") && focus != Focus::FormField
}

/// What has the focus when `target` receives a key.
fn focus_of(target: Option<web_sys::EventTarget>) -> Focus {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return Focus::Other;
    };
    let editable = element
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|e| e.is_content_editable());
    Focus::of(
        &element.tag_name(),
        element.get_attribute("type").as_deref(),
        editable,
        element.get_attribute("role").as_deref(),
    )
}

/// Listens for keys on the whole window while the lesson is mounted.
pub fn use_keyboard(state: LessonState, classroom: ClassroomState) {
    // Only the full build has the walkthrough (the first-load build leaves its code out).
    let walkthrough = use_context::<Walkthrough>().filter(|_| crate::FULL_BUILD);
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        // A component that already handled the key (a chart's own keys) keeps it.
        if ev.default_prevented() || ev.is_composing() {
            return;
        }
        let key = ev.key();
        if classroom.overlay() == Overlay::None
            && is_undo_edit(
                &key,
                ev.ctrl_key() || ev.meta_key(),
                ev.shift_key() || ev.alt_key(),
                focus_of(ev.target()),
            )
        {
            ev.prevent_default();
            state.undo_edit();
            return;
        }
        let press = KeyPress {
            key: &key,
            command_modifier: ev.ctrl_key() || ev.alt_key() || ev.meta_key(),
            repeat: ev.repeat(),
            focus: focus_of(ev.target()),
        };
        if let Some(tour) = walkthrough.filter(Walkthrough::is_running_untracked) {
            if let Some(key) = tour_key(press, classroom.overlay()) {
                ev.prevent_default();
                match key {
                    TourKey::Next => tour.next(state),
                    TourKey::Previous => tour.previous(state),
                    TourKey::Exit => tour.exit(state),
                }
                return;
            }
        }
        if let Some(action) = decide(press, classroom.overlay()) {
            // Space and PageDown would scroll the page, Home jump to its top.
            ev.prevent_default();
            perform(action, state, classroom);
        }
    });
    on_cleanup(move || handle.remove());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> KeyPress<'_> {
        KeyPress {
            key,
            command_modifier: false,
            repeat: false,
            focus: Focus::Other,
        }
    }

    #[test]
    fn in_the_walkthrough_the_clicker_moves_through_scenes_and_esc_leaves() {
        assert_eq!(
            tour_key(press("PageDown"), Overlay::None),
            Some(TourKey::Next)
        );
        assert_eq!(tour_key(press(" "), Overlay::None), Some(TourKey::Next));
        assert_eq!(
            tour_key(press("PageUp"), Overlay::None),
            Some(TourKey::Previous)
        );
        assert_eq!(
            tour_key(press("Escape"), Overlay::None),
            Some(TourKey::Exit)
        );
        // Other keys keep their meaning; a dialog keeps its keys.
        assert_eq!(tour_key(press("m"), Overlay::None), None);
        assert_eq!(tour_key(press("Home"), Overlay::None), None);
        assert_eq!(tour_key(press("PageDown"), Overlay::Help), None);
        assert_eq!(tour_key(press("Escape"), Overlay::Dialog), None);
    }

    #[test]
    fn clicker_keys_step_undo_and_reset() {
        for key in ["PageDown", "ArrowRight", " "] {
            assert_eq!(action_for(key, false), Some(KeyAction::Step), "{key:?}");
        }
        for key in ["PageUp", "ArrowLeft"] {
            assert_eq!(action_for(key, false), Some(KeyAction::Undo), "{key:?}");
        }
        assert_eq!(action_for("Home", false), Some(KeyAction::Reset));
        assert_eq!(action_for("p", false), Some(KeyAction::TogglePlay));
        assert_eq!(action_for("P", false), Some(KeyAction::TogglePlay));
        assert_eq!(action_for("?", false), Some(KeyAction::ToggleHelp));
        assert_eq!(action_for("Escape", false), Some(KeyAction::CloseOverlay));
        assert_eq!(action_for("m", false), Some(KeyAction::ToggleProjector));
        assert_eq!(action_for("F", false), Some(KeyAction::ToggleFullscreen));
        assert_eq!(action_for("x", false), None);
        assert_eq!(action_for("Enter", false), None);
    }

    #[test]
    fn typing_in_a_field_is_never_hijacked() {
        for key in [
            "PageDown",
            "ArrowRight",
            "ArrowLeft",
            " ",
            "Home",
            "p",
            "?",
            "m",
            "f",
        ] {
            assert_eq!(action_for(key, true), None, "{key:?}");
        }
    }

    #[test]
    fn every_text_field_keeps_its_keys() {
        for tag in ["INPUT", "input", "TEXTAREA"] {
            assert_eq!(
                Focus::of(tag, Some("text"), false, None),
                Focus::FormField,
                "{tag}"
            );
        }
        assert_eq!(Focus::of("INPUT", None, false, None), Focus::FormField);
        assert_eq!(Focus::of("DIV", None, true, None), Focus::FormField);
        let in_cell = KeyPress {
            focus: Focus::FormField,
            ..press("ArrowRight")
        };
        assert_eq!(decide(in_cell, Overlay::None), None);
    }

    #[test]
    fn a_clicker_steps_undoes_and_resets_while_a_picker_has_the_focus() {
        assert_eq!(Focus::of("SELECT", None, false, None), Focus::Picker);
        assert_eq!(
            Focus::of("INPUT", Some("range"), false, None),
            Focus::Picker
        );
        assert_eq!(Focus::of("DIV", None, false, Some("slider")), Focus::Picker);
        let on_picker = |key| KeyPress {
            focus: Focus::Picker,
            ..press(key)
        };
        for key in ["PageDown", "ArrowRight", " "] {
            assert_eq!(
                decide(on_picker(key), Overlay::None),
                Some(KeyAction::Step),
                "{key:?}"
            );
        }
        for key in ["PageUp", "ArrowLeft"] {
            assert_eq!(
                decide(on_picker(key), Overlay::None),
                Some(KeyAction::Undo),
                "{key:?}"
            );
        }
        assert_eq!(
            decide(on_picker("Home"), Overlay::None),
            Some(KeyAction::Reset)
        );
        // Type-ahead and ↑ ↓ stay the picker's.
        for key in ["p", "m", "f", "?", "ArrowDown", "ArrowUp", "Enter"] {
            assert_eq!(decide(on_picker(key), Overlay::None), None, "{key:?}");
        }
    }

    #[test]
    fn space_on_a_focused_button_clicks_it_only_once() {
        assert_eq!(Focus::of("BUTTON", None, false, None), Focus::Activatable);
        assert_eq!(Focus::of("SUMMARY", None, false, None), Focus::Activatable);
        let on_button = |key| KeyPress {
            focus: Focus::Activatable,
            ..press(key)
        };
        assert_eq!(decide(on_button(" "), Overlay::None), None);
        // The other clicker keys still step while a button has the focus.
        assert_eq!(
            decide(on_button("PageDown"), Overlay::None),
            Some(KeyAction::Step)
        );
        assert_eq!(decide(press(" "), Overlay::None), Some(KeyAction::Step));
    }

    #[test]
    fn browser_shortcuts_are_left_alone() {
        for key in ["p", "f", "ArrowLeft", "PageDown"] {
            let with_ctrl = KeyPress {
                command_modifier: true,
                ..press(key)
            };
            assert_eq!(decide(with_ctrl, Overlay::None), None, "{key}");
        }
    }

    #[test]
    fn ctrl_z_undoes_a_table_edit_only_outside_form_fields() {
        assert!(is_undo_edit("z", true, false, Focus::Other));
        assert!(is_undo_edit("Z", true, false, Focus::Activatable));
        assert!(!is_undo_edit("z", true, false, Focus::FormField));
        assert!(!is_undo_edit("z", false, false, Focus::Other));
        assert!(!is_undo_edit("z", true, true, Focus::Other));
        assert!(!is_undo_edit("y", true, false, Focus::Other));
    }

    #[test]
    fn holding_a_key_repeats_steps_but_not_toggles() {
        let held = |key| KeyPress {
            repeat: true,
            ..press(key)
        };
        assert_eq!(
            decide(held("PageDown"), Overlay::None),
            Some(KeyAction::Step)
        );
        assert_eq!(
            decide(held("ArrowLeft"), Overlay::None),
            Some(KeyAction::Undo)
        );
        assert_eq!(decide(held("p"), Overlay::None), None);
        assert_eq!(decide(held("m"), Overlay::None), None);
    }

    #[test]
    fn an_open_dialog_takes_the_keys_from_the_lesson() {
        assert_eq!(decide(press("Escape"), Overlay::None), None);
        assert_eq!(
            decide(press("Escape"), Overlay::Help),
            Some(KeyAction::CloseOverlay)
        );
        assert_eq!(
            decide(press("?"), Overlay::Help),
            Some(KeyAction::CloseOverlay)
        );
        assert_eq!(
            decide(press("Escape"), Overlay::Dialog),
            Some(KeyAction::CloseOverlay)
        );
        assert_eq!(decide(press("?"), Overlay::Dialog), None);
        assert_eq!(decide(press("PageDown"), Overlay::Help), None);
        assert_eq!(decide(press("p"), Overlay::Dialog), None);
    }

    #[test]
    fn the_help_lists_every_key_this_module_handles() {
        let listed: Vec<&str> = crate::i18n::strings(crate::i18n::Lang::En)
            .shortcuts()
            .into_iter()
            .flat_map(|s| s.keys)
            .collect();
        let names = [
            ("PageDown", "PageDown"),
            ("→", "ArrowRight"),
            ("Space", " "),
            ("PageUp", "PageUp"),
            ("←", "ArrowLeft"),
            ("Home", "Home"),
            ("P", "p"),
            ("?", "?"),
            ("M", "m"),
            ("F", "f"),
            ("Esc", "Escape"),
        ];
        assert_eq!(listed, names.map(|(shown, _)| shown));
        for (shown, key) in names {
            assert!(action_for(key, false).is_some(), "{shown}");
        }
    }
}
