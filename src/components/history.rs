//! The history of steps: k, a, L, ∂L/∂a, next a.
//!
//! The rows are written into the table's body by one effect ([`HistoryRows`] plans what
//! changes), not through Leptos's keyed `<For>`: with no keyed list left in the first-load
//! build, Leptos's keyed diffing and the `indexmap` it uses leave its wasm (−5.5 KB gzip;
//! BENCHMARKS.md, Size). Autoplay still writes one row per step, and drops one at the top
//! once [`SHOWN_STEPS`] are shown.

use crate::i18n::{format_exact, format_number, Lang};
use crate::state::LessonState;
use descent_core::Step;
use leptos::html::Tbody;
use leptos::prelude::*;

/// How many of the latest steps the table shows.
pub const SHOWN_STEPS: usize = 100;

/// The rows on screen: the steps `first..first + steps.len()` of the history as they
/// were written, and the language they were written in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HistoryRows {
    /// The history index of the top row.
    pub first: usize,
    /// The steps shown, top row first.
    pub steps: Vec<Step>,
    /// The language of the numbers shown.
    pub lang: Option<Lang>,
}

/// What to change so that the rows show the latest [`SHOWN_STEPS`] of `history` in `lang`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowChanges {
    /// Remove every row first (the language changed, or earlier steps are needed again).
    pub clear: bool,
    /// Rows to remove from the top.
    pub drop_top: usize,
    /// Rows to remove from the bottom (after `drop_top`).
    pub drop_bottom: usize,
    /// Positions (after the removals) whose step changed and must be written again.
    pub rewrite: Vec<usize>,
    /// History indices to append at the bottom, in order.
    pub append: std::ops::Range<usize>,
}

impl HistoryRows {
    /// The changes that bring the rows to `history`'s latest steps in `lang`, and the
    /// rows as they stand afterwards.
    pub fn update(&mut self, history: &[Step], lang: Lang) -> RowChanges {
        let first = history.len().saturating_sub(SHOWN_STEPS);
        let mut changes = RowChanges::default();
        if self.lang != Some(lang) || self.first > first {
            changes.clear = !self.steps.is_empty();
            self.steps.clear();
            self.first = first;
            self.lang = Some(lang);
        }
        changes.drop_top = (first - self.first).min(self.steps.len());
        self.steps.drain(..changes.drop_top);
        self.first = first;
        let keep = self.steps.len().min(history.len().saturating_sub(first));
        changes.drop_bottom = self.steps.len() - keep;
        self.steps.truncate(keep);
        for (position, shown) in self.steps.iter_mut().enumerate() {
            if let Some(step) = history.get(first + position).filter(|s| *s != shown) {
                *shown = step.clone();
                changes.rewrite.push(position);
            }
        }
        changes.append = first + self.steps.len()..history.len();
        self.steps
            .extend(history.iter().skip(changes.append.start).cloned());
        changes
    }
}

/// The cells of step `k` (0-based) as the table shows them: k + 1, a, L, ∂L/∂a, next a,
/// and the exact next a (the last cell's `data-value`).
pub fn row_cells(k: usize, step: &Step, lang: Lang) -> ([String; 5], String) {
    let first = |v: &[f64]| v.first().copied().unwrap_or(0.0);
    let next = first(&step.after);
    (
        [
            (k + 1).to_string(),
            format_number(first(&step.before), lang),
            format_number(step.loss_before, lang),
            format_number(first(&step.gradient), lang),
            format_number(next, lang),
        ],
        format_exact(next),
    )
}

/// The table of steps taken, newest last.
#[component]
pub fn History(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let len = Memo::new(move |_| state.session.with(|s| s.history().len()));
    let body = NodeRef::<Tbody>::new();
    let shown = StoredValue::new(HistoryRows::default());
    // The one effect of this table: it reaches outside the reactive system, into the DOM.
    Effect::new(move |_| {
        let lang = state.lang.get();
        let Some(body) = body.get() else {
            return;
        };
        state.session.with(|s| {
            let history = s.history();
            let changes = shown.try_update_value(|rows| rows.update(history, lang));
            if let Some(changes) = changes {
                write_rows(&body, &changes, history, lang);
            }
        });
    });
    view! {
        <section class="panel history" aria-labelledby="history-heading">
            <h2 id="history-heading">{state.tr(|t| t.panel_history)}</h2>
            <div class="table-scroll history-scroll">
                <table data-testid="history-table">
                    <thead>
                        <tr>
                            <th scope="col">"k"</th>
                            <th scope="col">"a"</th>
                            <th scope="col">"L"</th>
                            <th scope="col">"∂L/∂a"</th>
                            <th scope="col">{state.tr(|t| t.history_next_a)}</th>
                        </tr>
                    </thead>
                    <tbody node_ref=body></tbody>
                </table>
            </div>
            <Show when=move || len.get() == 0>
                <p class="hint">{state.tr(|t| t.history_empty)}</p>
            </Show>
        </section>
    }
}

/// Carries out `changes` on the table's body; the history indices of its rows after the
/// removals start at `history.len()` minus the rows kept and appended.
fn write_rows(
    body: &web_sys::HtmlTableSectionElement,
    changes: &RowChanges,
    history: &[Step],
    lang: Lang,
) {
    if changes.clear {
        body.set_text_content(None);
    }
    let rows = body.rows();
    for _ in 0..changes.drop_top {
        let _ = body.delete_row(0);
    }
    for _ in 0..changes.drop_bottom {
        let _ = body.delete_row(-1);
    }
    let first = history.len().saturating_sub(SHOWN_STEPS);
    for &position in &changes.rewrite {
        let (Some(step), Some(row)) = (history.get(first + position), rows.item(position as u32))
        else {
            continue;
        };
        fill_row(&row, first + position, step, lang);
    }
    for k in changes.append.clone() {
        let (Some(step), Ok(row)) = (history.get(k), body.insert_row()) else {
            continue;
        };
        fill_row(&row, k, step, lang);
    }
}

/// Writes step `k`'s cells into `row` (made afresh: five `<td>`s).
fn fill_row(row: &web_sys::Element, k: usize, step: &Step, lang: Lang) {
    use wasm_bindgen::JsCast;
    let Some(row) = row.dyn_ref::<web_sys::HtmlTableRowElement>() else {
        return;
    };
    while row.cells().length() > 0 {
        let _ = row.delete_cell(0);
    }
    let (cells, exact) = row_cells(k, step, lang);
    for (i, text) in cells.iter().enumerate() {
        if let Ok(cell) = row.insert_cell() {
            cell.set_text_content(Some(text));
            if i == cells.len() - 1 {
                let _ = cell.set_attribute("data-value", &exact);
            }
        }
    }
}
