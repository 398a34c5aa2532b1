//! Modal dialogs on the native `<dialog>` element: `showModal()` puts the dialog in the
//! top layer (above a fullscreen page too), makes the page behind it inert, keeps the
//! focus inside, closes on Esc and gives the focus back where it was.

use leptos::html::Dialog;
use leptos::prelude::*;

/// Opens and closes `dialog` with `open`. The dialog must also set `open` to false on
/// its `close` event, which the browser fires when Esc closes it — when
/// [`is_closed`] says it really is closed.
pub fn use_modal(dialog: NodeRef<Dialog>, open: Signal<bool>) {
    Effect::new(move |_| {
        let want = open.get();
        let Some(element) = dialog.get() else {
            return;
        };
        if want && !element.open() {
            // Throws only when the dialog is not in the document or already open.
            let _ = element.show_modal();
        } else if !want && element.open() {
            element.close();
        }
    });
}

/// Whether `dialog` is closed now. A `close` event is queued, not sent at once, and a
/// browser may first handle the next key press: after Esc and a quick `?` the event of
/// the old close arrives when the dialog is already open again, and must not close it.
pub fn is_closed(dialog: NodeRef<Dialog>) -> bool {
    dialog.get_untracked().is_none_or(|d| !d.open())
}
