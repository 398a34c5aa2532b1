//! The data table: edit cells in place, rename the columns, add and delete rows, paste a
//! block from a spreadsheet or CSV, pick a preset.

use super::settled;
use crate::classroom::ClassroomState;
use crate::i18n::{
    cell_empty, cell_not_a_number, cell_not_finite, delete_row_label, more_rows, unnamed_column,
    Lang,
};
use crate::state::LessonState;
use descent_core::presets::Preset;
use descent_core::table::NumberError;
use descent_core::{Labels, Session};
use leptos::prelude::*;
use std::collections::HashMap;

/// How many rows are shown for editing; a longer table shows a count of the rest.
pub const VISIBLE_ROWS: usize = 200;

/// The editable data table with its preset picker.
#[component]
pub fn DataTable(
    /// The lesson's reactive state.
    state: LessonState,
    /// Where the question before replacing edited work is asked.
    classroom: ClassroomState,
) -> impl IntoView {
    let lang = move || state.lang.get();
    // A memo of its own, apart from what the cells show (`shown` below): the rows are built
    // anew whenever it notifies (every cell's bindings made again), which must not happen
    // at each keystroke in a cell.
    let row_count = Memo::new(move |_| state.session.with(|s| s.lesson().table.rows.len()));
    // What the cells show, as one settled signal (`settled`): moving the slider changes the
    // session but none of this, so the hundreds of cells of a long table are not revisited
    // on every frame of a drag or of autoplay.
    let shown = settled(move || {
        let lang = state.lang.get();
        state.session.with(|s| shown_table(s, lang))
    });
    let label = move |column: usize| {
        shown.with(|t| {
            if column == 0 {
                t.labels.x.clone()
            } else {
                t.labels.y.clone()
            }
        })
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) else {
            return;
        };
        // A single value pastes into its cell as usual; a block replaces the table.
        if !text.contains(['\n', '\t', ';']) {
            return;
        }
        ev.prevent_default();
        state.paste(&text);
    };
    let cell = move |row: usize, column: usize| {
        let id = format!("cell-{row}-{}", if column == 0 { "x" } else { "y" });
        let text = move || {
            shown.with(|t| {
                t.rows
                    .get(row)
                    .map(|r| r[column].clone())
                    .unwrap_or_default()
            })
        };
        let error = move || shown.with(|t| t.errors.get(&(row, column)).cloned());
        view! {
            <td>
                <input
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    data-testid=id
                    aria-label=move || {
                        let name = label(column);
                        if name.trim().is_empty() {
                            format!("{} {}", unnamed_column(lang(), column + 1), row + 1)
                        } else {
                            format!("{name} {}", row + 1)
                        }
                    }
                    class="cell"
                    class:invalid=move || error().is_some()
                    aria-invalid=move || if error().is_some() { "true" } else { "false" }
                    title=move || error().unwrap_or_default()
                    prop:value=text
                    on:input=move |ev| state.set_cell(row, column, &event_target_value(&ev))
                    on:change=move |_| state.end_edit()
                />
            </td>
        }
    };
    // A column's header: its name, editable (x, y → m, F renames without changing a number).
    let label_header = move |column: usize| {
        view! {
            <th scope="col">
                <input
                    type="text"
                    class="label-input"
                    data-testid=if column == 0 { "label-x" } else { "label-y" }
                    aria-label=move || format!("{} {}", state.t().table_column_name, column + 1)
                    title={state.tr(|t| t.table_rename_hint)}
                    prop:value=move || label(column)
                    on:input=move |ev| state.set_label(column, &event_target_value(&ev))
                    on:change=move |_| state.end_edit()
                />
            </th>
        }
    };
    // The picker names the example only while the lesson still holds it: once its data
    // is edited it shows "—", so that picking the example again reloads it.
    let shown_preset = Memo::new(move |_| {
        state
            .preset
            .get()
            .filter(|p| state.session.with(|s| p.matches(s.lesson())))
    });
    view! {
        <section class="panel data-panel" aria-labelledby="data-heading">
            <h2 id="data-heading">{state.tr(|t| t.panel_data)}</h2>
            <label class="field">
                <span>{state.tr(|t| t.preset_label)}</span>
                <select
                    data-testid="preset-select"
                    prop:value=move || shown_preset.get().map(Preset::id).unwrap_or("")
                    on:change=move |ev| {
                        let Some(p) = Preset::from_id(&event_target_value(&ev)) else {
                            return;
                        };
                        if shown_preset.get_untracked().is_some() {
                            // An untouched example: nothing of the student's is lost.
                            state.load_preset(p);
                        } else {
                            // Edited work (or a link's, or saved work) would be replaced:
                            // ask first, as New lesson does, and show "—" until answered.
                            event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
                            classroom.ask_open_preset(p);
                        }
                    }
                >
                    <option value="" disabled=true>"—"</option>
                    <option value="lecture">{state.tr(|t| t.preset_lecture)}</option>
                    <option value="force">{state.tr(|t| t.preset_force)}</option>
                    <option value="local-minima">{state.tr(|t| t.preset_two_minima)}</option>
                    <option value="empty">{state.tr(|t| t.preset_empty)}</option>
                    <option value="lecture-ab">{state.tr(|t| t.preset_lecture_ab)}</option>
                    <option value="ravine">{state.tr(|t| t.preset_ravine)}</option>
                    <option value="noisy-line">{state.tr(|t| t.preset_noisy_line)}</option>
                    <option value="non-convex-ab">{state.tr(|t| t.preset_non_convex_ab)}</option>
                </select>
            </label>
            <p class="hint">{state.tr(|t| t.table_paste_hint)}</p>
            <div class="table-scroll">
                <table data-testid="data-table" on:paste=on_paste>
                    <caption class="visually-hidden">{state.tr(|t| t.table_caption)}</caption>
                    <thead>
                        <tr>
                            {label_header(0)}
                            {label_header(1)}
                            <th><span class="visually-hidden">{state.tr(|t| t.table_delete_row)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {
                            // Indexed rows, written again in place when their number changes (no keyed list:
                            // see `components::history`).
                            let row = move |row| {
                                let undefined =
                                    move || shown.with(|t| t.undefined_rows.contains(&row));
                                view! {
                                    <tr
                                        class:undefined-row=undefined
                                        data-undefined=move || undefined().then_some("true")
                                    >
                                        {cell(row, 0)}
                                        {cell(row, 1)}
                                        <td>
                                            <button
                                                class="icon-button"
                                                data-testid=format!("delete-row-{row}")
                                                aria-label=move || delete_row_label(lang(), row + 1)
                                                on:click=move |_| state.delete_row(row)
                                            >
                                                "×"
                                            </button>
                                        </td>
                                    </tr>
                                }
                            };
                            move || (0..row_count.get().min(VISIBLE_ROWS)).map(row).collect_view()
                        }
                    </tbody>
                </table>
            </div>
            <Show when=move || { row_count.get() > VISIBLE_ROWS }>
                <p class="hint">{move || more_rows(lang(), row_count.get() - VISIBLE_ROWS)}</p>
            </Show>
            <div class="buttons">
                <button data-testid="add-row" on:click=move |_| state.add_row()>
                    {state.tr(|t| t.table_add_row)}
                </button>
                <button
                    data-testid="undo-edit"
                    disabled=move || !state.session.with(Session::can_undo_edit)
                    on:click=move |_| state.undo_edit()
                >
                    {state.tr(|t| t.undo_edit)}
                </button>
            </div>
        </section>
    }
}

/// What the table's cells show of a session: the first [`VISIBLE_ROWS`] rows as typed, the
/// column names, each bad cell's message and the rows where a typed formula is not defined.
#[derive(Clone, Debug, PartialEq)]
struct ShownTable {
    rows: Vec<[String; 2]>,
    labels: Labels,
    errors: HashMap<(usize, usize), String>,
    undefined_rows: Vec<usize>,
}

/// The table of `session` as its cells show it, in `lang`.
fn shown_table(s: &Session, lang: Lang) -> ShownTable {
    let labels = &s.lesson().table.labels;
    let errors = s
        .conversion()
        .errors
        .iter()
        .map(|e| {
            let name = if e.column == 0 { &labels.x } else { &labels.y };
            // A column without a name is called by its number: "column 2".
            let number = (e.column + 1).to_string();
            let column = if name.trim().is_empty() {
                &number
            } else {
                name
            };
            let text = match e.error {
                NumberError::Empty => cell_empty(lang, e.row + 1, column),
                NumberError::NotANumber => cell_not_a_number(lang, e.row + 1, column, &e.raw),
                NumberError::NotFinite => cell_not_finite(lang, e.row + 1, column, &e.raw),
            };
            ((e.row, e.column), text)
        })
        .collect();
    let rows = &s.lesson().table.rows;
    ShownTable {
        rows: rows.iter().take(VISIBLE_ROWS).cloned().collect(),
        labels: labels.clone(),
        errors,
        undefined_rows: s
            .undefined_rows()
            .iter()
            .filter_map(|r| s.point_row(r.row))
            .collect(),
    }
}
