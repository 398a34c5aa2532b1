//! The race table and the optimizers' update rules (issue 10), shown while a race is on:
//! one row per ticked optimizer (`race-<id>`, with its exact a, b, L and step in `data-*`
//! attributes), in its series colour and marker; where the next step falls in the epochs
//! when the batch is smaller than the table; and each optimizer's next update written out
//! with its numbers; between them the loss-against-step chart, which alone stays for a
//! model of three or four free parameters without a race. The markup is written by [`crate::race_text`] as strings (see
//! [`race_table_html`] for why); this component places it, and at each Step writes again
//! only the numbers that changed ([`patch_table`], [`patch_rules`]): the whole markup is
//! written only when the lanes, their lines or the language change. (Replacing both at
//! every Step of a race at 60 steps a second made the browser parse, style and lay out
//! new elements each time.)

use super::StepsChartView;
use crate::i18n::race::{race_position, race_words};
use crate::i18n::Lang;
use crate::race_text::{
    race_rule_lines, race_rules_html, race_table_html, row_cells, RowCells, ROW_DATA,
};
use crate::state::{racing, shows_steps_chart, LessonState};
use leptos::html::{Table, Ul};
use leptos::prelude::*;

/// What the table shows now: the language, the lanes and each row's values.
type TableShown = (Lang, Vec<&'static str>, Vec<RowCells>);

/// What the rules show now: the language and each lane's lines.
type RulesShown = (Lang, Vec<(&'static str, Vec<String>)>);

/// Sets `element`'s text, in place when it holds one text node: the browser then lays out
/// the changed text, rather than removing a node and styling and laying out a new one (in a
/// race, some forty cells and lines a frame).
fn set_text(element: &web_sys::Element, text: &str) {
    match element.first_child() {
        Some(node)
            if node.node_type() == web_sys::Node::TEXT_NODE && node.next_sibling().is_none() =>
        {
            node.set_node_value(Some(text));
        }
        _ => element.set_text_content(Some(text)),
    }
}

/// Writes into `table` only the values of `new` that differ from `old` (same lanes, same
/// order); `None` when a row or cell is not where the markup put it.
fn patch_table(
    table: &web_sys::Element,
    ids: &[&str],
    old: &[RowCells],
    new: &[RowCells],
) -> Option<()> {
    for ((id, old), new) in ids.iter().zip(old).zip(new) {
        if old == new {
            continue;
        }
        let row = table
            .query_selector(&format!("[data-testid=\"race-{id}\"]"))
            .ok()??;
        for ((name, was), now) in ROW_DATA.iter().zip(&old.data).zip(&new.data) {
            if was != now {
                row.set_attribute(name, now).ok()?;
            }
        }
        let [outcome, cells @ ..] = &new.texts;
        if *outcome != old.texts[0] {
            set_text(&row.query_selector(".outcome").ok()??, outcome);
        }
        let children = row.children();
        for (k, (was, now)) in old.texts[1..].iter().zip(cells).enumerate() {
            if was != now {
                // Cell 0 is the row's heading (marker, name, outcome).
                let index = u32::try_from(k + 1).ok()?;
                set_text(&children.item(index)?, now);
            }
        }
    }
    Some(())
}

/// Writes into `list` only the rule lines of `new` that differ from `old` (same lanes,
/// same number of lines each); `None` when an item is not where the markup put it.
fn patch_rules(
    list: &web_sys::Element,
    old: &[(&'static str, Vec<String>)],
    new: &[(&'static str, Vec<String>)],
) -> Option<()> {
    for ((id, was), (_, now)) in old.iter().zip(new) {
        if was == now {
            continue;
        }
        let item = list
            .query_selector(&format!("[data-testid=\"race-rule-{id}\"]"))
            .ok()??;
        let children = item.children();
        for (k, (was, now)) in was.iter().zip(now).enumerate() {
            if was != now {
                // Child 0 is the marker and name.
                let index = u32::try_from(k + 1).ok()?;
                set_text(&children.item(index)?, now);
            }
        }
    }
    Some(())
}

/// The race table and the update rules.
#[component]
pub fn RaceTable(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let on = Memo::new(move |_| state.session.with(racing));
    let shown = Memo::new(move |_| state.session.with(shows_steps_chart));
    let table_ref = NodeRef::<Table>::new();
    let table_shown = StoredValue::new(None::<TableShown>);
    Effect::new(move |_| {
        let Some(table) = table_ref.get() else {
            return;
        };
        let lang = state.lang.get();
        let rows = state.session.with(|s| s.race_rows());
        let ids: Vec<&'static str> = rows.iter().map(|r| r.id).collect();
        let cells: Vec<RowCells> = rows.iter().map(|r| row_cells(r, lang)).collect();
        table_shown.update_value(|shown| {
            let patched = match shown {
                Some((l, i, old)) if *l == lang && *i == ids => {
                    patch_table(&table, &ids, old, &cells).is_some()
                }
                _ => false,
            };
            if !patched {
                table.set_inner_html(&race_table_html(&rows, lang));
            }
            *shown = Some((lang, ids, cells));
        });
    });
    // Where the next step falls, for mini-batches only (empty, and so hidden, otherwise).
    let position = move || {
        let lang = state.lang.get();
        state.session.with(|s| {
            s.race().batching().size.map_or_else(String::new, |_| {
                s.race_rows()
                    .first()
                    .map(|r| {
                        race_position(
                            lang,
                            r.position.epoch + 1,
                            r.position.batch + 1,
                            r.position.batches_per_epoch,
                        )
                    })
                    .unwrap_or_default()
            })
        })
    };
    let rules_ref = NodeRef::<Ul>::new();
    let rules_shown = StoredValue::new(None::<RulesShown>);
    Effect::new(move |_| {
        let Some(list) = rules_ref.get() else {
            return;
        };
        let lang = state.lang.get();
        let rules = state.session.with(|s| {
            let names = s.lesson().model.param_names();
            let params: Vec<(usize, &str)> = (0..names.len())
                .filter(|i| !s.is_frozen(*i))
                .map(|i| (i, names[i]))
                .collect();
            let updates: Vec<_> = s
                .race()
                .lanes()
                .iter()
                .map(|l| (l.id(), s.race_update(l.id())))
                .collect();
            race_rule_lines(&updates, &params, lang)
        });
        rules_shown.update_value(|shown| {
            let same_shape = |old: &[(&'static str, Vec<String>)]| {
                old.len() == rules.len()
                    && old
                        .iter()
                        .zip(&rules)
                        .all(|(o, n)| o.0 == n.0 && o.1.len() == n.1.len())
            };
            let patched = match shown {
                Some((l, old)) if *l == lang && same_shape(old) => {
                    patch_rules(&list, old, &rules).is_some()
                }
                _ => false,
            };
            if !patched {
                list.set_inner_html(&race_rules_html(&rules, lang));
            }
            *shown = Some((lang, rules));
        });
    });
    view! {
        <section class="panel race-results" hidden=move || !shown.get()>
            <table class="race-table" node_ref=table_ref hidden=move || !on.get()></table>
            <p class="hint race-position" data-testid="race-position">{position}</p>
            <StepsChartView state />
            <h3 hidden=move || !on.get()>{move || race_words(state.lang.get()).rules_heading}</h3>
            <ul class="race-rules" node_ref=rules_ref hidden=move || !on.get()></ul>
        </section>
    }
}
