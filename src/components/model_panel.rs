//! The model and loss pickers, with the formulas as a student reads them (in the table's
//! column names), and the frozen parameters (the lecture freezes b = 2).

use super::memo_in_full;
use crate::classroom::{full_app, ClassroomState};
use crate::components::formula_field::FormulaField;
use crate::i18n::formula_words;
use crate::state::LessonState;
use crate::worked::with_column_names;
use descent_core::session::formula_of;
use descent_core::{Loss, Model};
use leptos::prelude::*;

/// Model picker, loss picker and the freeze toggles.
#[component]
pub fn ModelPanel(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let classroom = use_context::<ClassroomState>();
    let model = Memo::new(move |_| state.session.with(|s| s.lesson().model.clone()));
    let loss = Memo::new(move |_| state.session.with(|s| s.lesson().loss));
    // The formulas speak of the table's columns by their names (x, y → m, F).
    let labels = Memo::new(move |_| state.session.with(|s| s.lesson().table.labels.clone()));
    let named = move |formula: &str| labels.with(|l| with_column_names(formula, l));
    let model_description = move || {
        let t = state.t();
        match model.get() {
            Model::Linear => t.model_linear_description,
            Model::Affine => t.model_affine_description,
            Model::NonConvex => t.model_two_minima_description,
            Model::Formula(_) => formula_words(state.lang.get()).description,
        }
    };
    let loss_description = move || {
        let t = state.t();
        match loss.get() {
            Loss::L2 => t.loss_l2_description,
            Loss::Mse => t.loss_mse_description,
            Loss::L1 => t.loss_l1_description,
        }
    };
    let loss_name = move |l: Loss| {
        let t = state.t();
        match l {
            Loss::L2 => t.loss_l2_name,
            Loss::Mse => t.loss_mse_name,
            Loss::L1 => t.loss_l1_name,
        }
    };
    // Every parameter after a can be frozen; a is what the lesson is about.
    let freezable = move || (1..model.get().param_count()).collect::<Vec<_>>();
    view! {
        <section class="panel model-panel" aria-labelledby="model-heading">
            <h2 id="model-heading" class="visually-hidden">{state.tr(|t| t.panel_model)}</h2>
            <label class="field">
                <span>{state.tr(|t| t.model_picker_label)}</span>
                <select
                    data-testid="model-select"
                    prop:value=move || model.get().id()
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        if let Some(m) = Model::from_id(&id) {
                            state.set_model(m);
                        } else if id == "formula" {
                            // The model on screen, typed out: the same numbers to start from.
                            let refused = state.set_formula(&model.with_untracked(formula_of)).is_err();
                            // The first-load build has no formulas: the full build opens it.
                            if let (true, false, Some(classroom)) = (refused, crate::FULL_BUILD, classroom) {
                                full_app::switch_to_full(state, classroom, true);
                            }
                        }
                    }
                >
                    {Model::ALL
                        .into_iter()
                        .map(|m| {
                            let id = m.id();
                            view! { <option value=id>{move || named(&m.formula())}</option> }
                        })
                        .collect_view()}
                    <option value="formula">{move || formula_words(state.lang.get()).option}</option>
                </select>
            </label>
            <Show when=move || model.with(|m| m.as_formula().is_some())>
                {crate::FULL_BUILD.then(|| view! { <FormulaField state /> })}
            </Show>
            <p class="hint">{model_description}</p>
            <label class="field">
                <span>{state.tr(|t| t.loss_picker_label)}</span>
                <select
                    data-testid="loss-select"
                    prop:value=move || loss.get().id()
                    on:change=move |ev| {
                        if let Some(l) = Loss::from_id(&event_target_value(&ev)) {
                            state.set_loss(l);
                        }
                    }
                >
                    {Loss::ALL
                        .into_iter()
                        .map(|l| view! { <option value=l.id()>{move || loss_name(l)}</option> })
                        .collect_view()}
                </select>
            </label>
            <p class="formula" data-testid="loss-formula">{move || named(loss.get().formula())}</p>
            <p class="hint">{loss_description}</p>
            {
                // Indexed rows, written again in place when their number changes (no keyed list:
                // see `components::history`).
                let freeze_box = move |i| {
                    let name = move || model.get().param_names().get(i).copied().unwrap_or("b");
                    let frozen = memo_in_full(move || state.session.with(|s| s.is_frozen(i)));
                    view! {
                        <label class="checkbox">
                            <input
                                type="checkbox"
                                data-testid=move || format!("freeze-{}", name())
                                prop:checked=move || frozen.get()
                                on:change=move |ev| state.set_frozen(i, event_target_checked(&ev))
                            />
                            <span>{move || format!("{} {}", state.t().parameter_freeze, name())}</span>
                        </label>
                    }
                };
                move || freezable().into_iter().map(freeze_box).collect_view()
            }
        </section>
    }
}
