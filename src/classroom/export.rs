//! Exports: the charts as PNG files and the tables as CSV files, made in the browser
//! (a `Blob` behind a temporary `<a download>`), so nothing goes through a server, and
//! the step history as Markdown or LaTeX on the clipboard.
//!
//! The text itself comes from descent-core ([`descent_core::HistoryTable`],
//! [`descent_core::Table::to_csv`]); this module only hands it to the browser.

use crate::classroom::{clipboard, ClassroomState};
use crate::i18n::strings;
use crate::state::LessonState;
use descent_core::HistoryTable;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The download file names.
pub mod file_names {
    /// The "data and model" chart.
    pub const DATA_PNG: &str = "descent-lab-data.png";
    /// The loss chart.
    pub const LOSS_PNG: &str = "descent-lab-loss.png";
    /// The map of L over two parameters.
    pub const MAP_PNG: &str = "descent-lab-map.png";
    /// The loss-against-step chart.
    pub const STEPS_PNG: &str = "descent-lab-steps.png";
    /// The data table.
    pub const TABLE_CSV: &str = "descent-lab-table.csv";
    /// The step history.
    pub const HISTORY_CSV: &str = "descent-lab-history.csv";
}

/// How long an object URL outlives its click: revoking it at once can cancel the
/// download in some browsers.
const REVOKE_AFTER: Duration = Duration::from_secs(30);

/// Why a download could not be made.
#[derive(Debug)]
pub struct DownloadError;

impl From<JsValue> for DownloadError {
    fn from(_: JsValue) -> Self {
        DownloadError
    }
}

/// Offers `blob` for download as `file_name`.
fn download_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), DownloadError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError)?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")?
        .dyn_into()
        .map_err(|_| DownloadError)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        REVOKE_AFTER,
    );
    Ok(())
}

/// The byte-order mark a CSV download starts with. Without it Excel reads a CSV file in
/// the computer's legacy code page, and a Lithuanian column name such as `jėga` (or a
/// `−` in a cell) arrives garbled; LibreOffice, Google Sheets, pandas (`utf-8-sig`) and
/// R's `read.csv(fileEncoding = "UTF-8-BOM")` all read it.
pub const CSV_BOM: &str = "\u{feff}";

/// The type the CSV downloads are offered as.
const CSV_MIME: &str = "text/csv;charset=utf-8";

/// Offers CSV `text` for download as `file_name`, behind a [`CSV_BOM`].
pub fn download_csv(file_name: &str, text: &str) -> Result<(), DownloadError> {
    download_parts(file_name, CSV_MIME, &[CSV_BOM, text])
}

/// Offers the concatenated `parts` for download (a `Blob` joins them without copying
/// them into one Rust string first).
fn download_parts(file_name: &str, mime: &str, parts: &[&str]) -> Result<(), DownloadError> {
    let parts: js_sys::Array = parts.iter().map(|p| JsValue::from_str(p)).collect();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(&blob, file_name)
}

/// Offers the canvas with `data-testid` `test_id` as a PNG file, at the resolution it is
/// drawn (CSS size × device pixel ratio, so sharp on slides). `on_error` is called when
/// there is no such canvas or it has no pixels yet.
///
/// The chart components own their canvases; they are found here by the same stable ids
/// the end-to-end tests use, so exporting needs nothing from them.
pub fn download_canvas_png(test_id: &str, file_name: &str, on_error: impl Fn() + Clone + 'static) {
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("canvas[data-testid=\"{test_id}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .filter(|c| c.width() > 0 && c.height() > 0);
    let Some(canvas) = canvas else {
        on_error();
        return;
    };
    // A chart out of sight may not have drawn its latest data (components::canvas_redraw):
    // ask it to, and read the pixels two animation frames later, once it has.
    if let Ok(event) = web_sys::Event::new(crate::components::canvas_redraw::REDRAW_EVENT) {
        let _ = canvas.dispatch_event(&event);
    }
    let file_name = file_name.to_owned();
    request_animation_frame(move || {
        request_animation_frame(move || encode_png(&canvas, file_name, on_error));
    });
}

/// Encodes the chart `canvas`, with the layers stacked above it, as PNG and downloads it as
/// `file_name`.
fn encode_png(
    canvas: &web_sys::HtmlCanvasElement,
    file_name: String,
    on_error: impl Fn() + Clone + 'static,
) {
    let on_encoding_error = on_error.clone();
    // `toBlob` encodes off the main thread; the callback gets null when it fails.
    let callback = Closure::once_into_js(move |blob: JsValue| {
        let saved = blob
            .dyn_into::<web_sys::Blob>()
            .map_err(DownloadError::from)
            .and_then(|blob| download_blob(&blob, &file_name));
        if saved.is_err() {
            on_encoding_error();
        }
    });
    // The chart is a stack of canvases (`charts::canvas::stack`): the file is their picture.
    #[cfg(target_arch = "wasm32")]
    let picture = crate::charts::canvas::composed(canvas);
    // (Native builds only type-check this: there is no browser to compose in.)
    #[cfg(not(target_arch = "wasm32"))]
    let picture = {
        let _ = canvas;
        None::<web_sys::HtmlCanvasElement>
    };
    let Some(picture) = picture else {
        on_error();
        return;
    };
    // A canvas that was ever tainted would throw; ours never draw foreign images, but
    // the lecturer still hears of it if one does.
    if picture.to_blob(callback.unchecked_ref()).is_err() {
        on_error();
    }
}

/// The exports the toolbar offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The "data and model" chart as PNG.
    DataPng,
    /// The loss chart as PNG.
    LossPng,
    /// The map of L(a, b) as PNG (shown for two free parameters).
    MapPng,
    /// The loss-against-step chart as PNG (shown in a race, and for three or four free
    /// parameters).
    StepsPng,
    /// The data table as CSV.
    TableCsv,
    /// The step history as CSV.
    HistoryCsv,
    /// The step history as a Markdown table, to the clipboard.
    HistoryMarkdown,
    /// The step history as a LaTeX tabular, to the clipboard.
    HistoryLatex,
}

impl Export {
    /// For a chart's PNG: the canvas's test id and the file's name.
    pub fn chart(self) -> Option<(&'static str, &'static str)> {
        match self {
            Export::DataPng => Some(("chart-data", file_names::DATA_PNG)),
            Export::LossPng => Some(("chart-loss", file_names::LOSS_PNG)),
            Export::MapPng => Some(("chart-surface", file_names::MAP_PNG)),
            Export::StepsPng => Some(("chart-steps", file_names::STEPS_PNG)),
            _ => None,
        }
    }

    /// Whether it needs at least one step in the history.
    pub fn needs_history(self) -> bool {
        matches!(
            self,
            Export::HistoryCsv | Export::HistoryMarkdown | Export::HistoryLatex
        )
    }
}

/// Makes an export: a download, or text copied to the clipboard.
pub fn run_export(state: LessonState, classroom: ClassroomState, what: Export) {
    let failed = move || state.notify(strings(state.lang.get_untracked()).export_failed, true);
    let downloaded = match what {
        Export::DataPng | Export::LossPng | Export::MapPng | Export::StepsPng => {
            if let Some((canvas, file_name)) = what.chart() {
                download_canvas_png(canvas, file_name, failed);
            }
            Ok(())
        }
        Export::TableCsv => {
            let text = state.session.with_untracked(|s| s.lesson().table.to_csv());
            download_csv(file_names::TABLE_CSV, &text)
        }
        Export::HistoryCsv => {
            let text = state
                .session
                .with_untracked(|s| HistoryTable::from_session(s).to_csv());
            download_csv(file_names::HISTORY_CSV, &text)
        }
        Export::HistoryMarkdown | Export::HistoryLatex => {
            let text = state.session.with_untracked(|s| {
                let table = HistoryTable::from_session(s);
                if what == Export::HistoryMarkdown {
                    table.to_markdown()
                } else {
                    table.to_latex()
                }
            });
            clipboard::copy_text(state, classroom, text, move || {
                state.notify(
                    strings(state.lang.get_untracked()).copied_to_clipboard,
                    false,
                )
            });
            Ok(())
        }
    };
    if downloaded.is_err() {
        failed();
    }
}
