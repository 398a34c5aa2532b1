//! The race's settings (issue 10): a checkbox per optimizer of the core's registry
//! (`optimizer-<id>`), and for each one ticked its hyperparameter fields (`lr-<id>`,
//! `beta-momentum`, `alpha-rmsprop`, `beta1-adam`, …); then what all racers share: the
//! learning-rate schedule (`schedule-select`), the batch size (`batch-size`) and the seed
//! (`seed`), with a field per number of the schedule picked (`schedule-every`,
//! `schedule-factor`, `schedule-rate`).
//!
//! Every field is one [`SettingField`]: it keeps what was typed, hands the text to a
//! `Session` method, and says under itself, in the interface language, why a value it
//! cannot use was refused (the value in use stays, and no step is taken with the bad
//! one). A value changed mid-run applies from the next step on.

use crate::components::race_entry::RaceTick;
use crate::i18n::format_number;
use crate::i18n::race::{
    full_batch, lane_diverged, lane_limit, lane_over_limit, optimizer_name, race_words,
    schedule_parameter_label, schedule_parameter_symbol, RaceWords,
};
use crate::race_text::{field_id, setting_message, symbol};
use crate::state::LessonState;
use descent_core::optimizer::Outcome;
use descent_core::race::{Hyperparameter, Schedule, ScheduleParameter, Settings};
use descent_core::session::SettingInputError;
use descent_core::Session;
use leptos::prelude::*;

/// One of the race's fixed texts, following the language. Every such text is the same
/// closure type, so Leptos renders them all with one copy of its code (as
/// [`LessonState::tr`]).
fn race_tr(
    state: LessonState,
    pick: fn(&RaceWords) -> &'static str,
) -> impl Fn() -> &'static str + Copy {
    move || pick(race_words(state.lang.get()))
}

/// The race panel: the optimizers to tick and the settings they share.
#[component]
pub fn RacePanel(
    /// The lesson's reactive state.
    state: LessonState,
) -> impl IntoView {
    let lang = move || state.lang.get();
    let words = move || race_words(lang());
    let schedule = Memo::new(move |_| state.session.with(|s| s.race().schedule().id()));
    let rows = Memo::new(move |_| state.session.with(Session::point_count));
    // Memos: written to their fields only when they change, not at every move of a drag.
    let batch_text: Signal<String> = Memo::new(move |_| {
        state
            .session
            .with(|s| s.race().batching().size)
            .map_or_else(|| "n".to_owned(), |k| k.to_string())
    })
    .into();
    let batch_kept: Signal<String> = Memo::new(move |_| {
        state
            .session
            .with(|s| s.race().batching().size)
            .map_or_else(|| full_batch(lang(), rows.get()), |k| k.to_string())
    })
    .into();
    let seed_text: Signal<String> =
        Memo::new(move |_| state.session.with(|s| s.race().batching().seed.to_string())).into();
    view! {
        <section class="panel race" aria-labelledby="race-heading" data-testid="race-panel">
            <h2 id="race-heading">{race_tr(state, |w| w.heading)}</h2>
            <p class="hint">{race_tr(state, |w| w.intro)}</p>
            <ul class="race-optimizers">
                {Session::optimizer_ids()
                    .map(|id| view! { <RaceOptimizer state id /> })
                    .collect_view()}
            </ul>
            <div class="race-shared">
                <label class="field">
                    <span>{race_tr(state, |w| w.schedule)}</span>
                    <select
                        data-testid="schedule-select"
                        prop:value=move || schedule.get()
                        on:change=move |ev| {
                            if let Some(s) = Schedule::from_id(&event_target_value(&ev)) {
                                state.session.update(|session| {
                                    let _ = session.set_schedule(s);
                                });
                            }
                        }
                    >
                        {Schedule::ALL
                            .into_iter()
                            .enumerate()
                            .map(|(i, s)| {
                                view! {
                                    <option value=s.id()>
                                        {move || words().schedules.get(i).copied().unwrap_or_default()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                {move || {
                    // A field per number of the schedule picked; a new kind brings new fields.
                    let _ = schedule.get();
                    let kind = state.session.with_untracked(|s| s.race().schedule());
                    kind.parameters()
                        .iter()
                        .map(|&which| view! { <ScheduleField state which /> })
                        .collect_view()
                }}
                <SettingField
                    state
                    testid="batch-size".to_owned()
                    label=Signal::derive(move || format!("{} ({})", words().batch_size, words().batch_hint))
                    name=Signal::derive(move || words().batch_name.to_owned())
                    shown=batch_text
                    kept=batch_kept
                    apply=Callback::new(move |text: String| {
                        let mut result = Ok(());
                        state.session.update(|s| result = s.set_batch_size_text(&text).map(|_| ()));
                        result
                    })
                />
                <SettingField
                    state
                    testid="seed".to_owned()
                    label=Signal::derive(move || words().seed.to_owned())
                    name=Signal::derive(move || words().seed_name.to_owned())
                    shown=seed_text
                    kept=seed_text
                    apply=Callback::new(move |text: String| {
                        let mut result = Ok(());
                        state.session.update(|s| result = s.set_seed_text(&text).map(|_| ()));
                        result
                    })
                />
            </div>
        </section>
    }
}

/// One optimizer: its checkbox with its name, colour and marker, and, while it is ticked,
/// a field per hyperparameter it uses.
#[component]
fn RaceOptimizer(
    /// The lesson's reactive state.
    state: LessonState,
    /// The optimizer's registry id.
    id: &'static str,
) -> impl IntoView {
    let lang = move || state.lang.get();
    let ticked = Memo::new(move |_| state.session.with(|s| s.is_racing(id)));
    let settings = Memo::new(move |_| {
        state
            .session
            .with(|s| s.race_lane(id).map(|l| *l.settings()))
    });
    let diverged = Memo::new(move |_| {
        state.session.with(|s| {
            s.race_lane(id)
                .is_some_and(|l| matches!(l.outcome(), Outcome::Diverged(_)))
        })
    });
    let used = Settings::defaults(id).map(|s| s.used()).unwrap_or_default();
    // The γ limit where the Hessian is constant, and whether the γ in use reaches it.
    let limit = Memo::new(move |_| state.session.with(|s| s.race_learning_rate_limit(id)));
    let over_limit =
        move || matches!((settings.get(), limit.get()), (Some(s), Some(l)) if s.learning_rate >= l);
    let number = move |v: f64| format_number(v, lang());
    view! {
        <li class="race-optimizer" class:ticked=move || ticked.get()>
            <RaceTick state id ticked />
            <div class="race-fields" hidden=move || !ticked.get()>
                    {used
                        .iter()
                        .map(|&which| {
                            let shown = Signal::derive(move || {
                                settings
                                    .get()
                                    .map(|s| format_number(s.get(which), lang()))
                                    .unwrap_or_default()
                            });
                            view! {
                                <SettingField
                                    state
                                    testid=field_id(which, id)
                                    label=Signal::derive(move || symbol(which).to_owned())
                                    name=Signal::derive(move || symbol(which).to_owned())
                                    shown
                                    kept=shown
                                    apply=Callback::new(move |text: String| {
                                        set_hyperparameter(state, id, which, &text)
                                    })
                                />
                            }
                        })
                        .collect_view()}
                <p class="limit" class:warning=over_limit data-testid=format!("lr-limit-{id}") hidden=move || limit.get().is_none()>
                    {move || limit.get().map(|l| lane_limit(lang(), &number(l))).unwrap_or_default()}
                </p>
                <p class="param-error" role="alert" data-testid=format!("lr-warning-{id}") hidden=move || !over_limit()>
                    {move || {
                        let gamma = settings.get().map(|s| number(s.learning_rate)).unwrap_or_default();
                        let l = limit.get().map(number).unwrap_or_default();
                        lane_over_limit(lang(), optimizer_name(lang(), id), &gamma, &l)
                    }}
                </p>
                <p
                    class="param-error"
                    role="alert"
                    data-testid=format!("race-diverged-{id}")
                    hidden=move || !diverged.get()
                >
                    {move || {
                        let gamma = settings
                            .get()
                            .map(|s| format_number(s.learning_rate, lang()))
                            .unwrap_or_default();
                        lane_diverged(lang(), optimizer_name(lang(), id), &gamma)
                    }}
                </p>
            </div>
        </li>
    }
}

/// The field of one number of the learning-rate schedule (`schedule-every`,
/// `schedule-factor`, `schedule-rate`), as every other setting's field.
#[component]
fn ScheduleField(
    /// The lesson's reactive state.
    state: LessonState,
    /// Which number.
    which: ScheduleParameter,
) -> impl IntoView {
    let lang = move || state.lang.get();
    let shown: Signal<String> = Memo::new(move |_| {
        state
            .session
            .with(|s| s.race().schedule().get(which))
            .map(|v| format_number(v, lang()))
            .unwrap_or_default()
    })
    .into();
    view! {
        <SettingField
            state
            testid=format!("schedule-{}", which.name())
            label=Signal::derive(move || schedule_parameter_label(lang(), which.name()).to_owned())
            name=Signal::derive(move || schedule_parameter_symbol(which.name()).to_owned())
            shown
            kept=shown
            apply=Callback::new(move |text: String| {
                let mut result = Ok(());
                state.session.update(|s| {
                    result = s.set_schedule_parameter_text(which, &text).map(|_| ());
                });
                result
            })
        />
    }
}

/// Sets hyperparameter `which` of optimizer `id` from its field's text.
fn set_hyperparameter(
    state: LessonState,
    id: &'static str,
    which: Hyperparameter,
    text: &str,
) -> Result<(), SettingInputError> {
    let mut result = Ok(());
    state.session.update(|s| {
        result = s.set_hyperparameter_text(id, which, text).map(|_| ());
    });
    result
}

/// A setting's text field: shows the value in use until the student types, then keeps
/// exactly what was typed; a text that cannot be used is refused with a message under the
/// field (and the red outline), the value in use staying as it was.
#[component]
fn SettingField(
    /// The lesson's reactive state.
    state: LessonState,
    /// The field's test id.
    testid: String,
    /// The label before the field.
    label: Signal<String>,
    /// What a message calls the setting.
    name: Signal<String>,
    /// The value in use, as the field shows it.
    shown: Signal<String>,
    /// The value in use, as a message says it stays.
    kept: Signal<String>,
    /// Hands the typed text to the session; an error leaves everything as it was.
    apply: Callback<String, Result<(), SettingInputError>>,
) -> impl IntoView {
    let typed: RwSignal<Option<String>> = RwSignal::new(None);
    let error: RwSignal<Option<SettingInputError>> = RwSignal::new(None);
    let rows = Memo::new(move |_| state.session.with(Session::point_count));
    let message = move || {
        let error = error.get()?;
        let raw = typed.get().unwrap_or_default();
        Some(setting_message(
            state.lang.get(),
            &name.get(),
            &raw,
            &error,
            &kept.get(),
            rows.get(),
        ))
    };
    let error_id = format!("{testid}-error");
    view! {
        <div class="race-field">
            <label class="field">
                <span>{move || label.get()}</span>
                <input
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    data-testid=testid.clone()
                    class:invalid=move || error.with(Option::is_some)
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    prop:value=move || typed.get().unwrap_or_else(|| shown.get())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        error.set(apply.run(text.clone()).err());
                        typed.set(Some(text));
                    }
                    on:blur=move |_| {
                        if error.with_untracked(Option::is_none) {
                            typed.set(None);
                        }
                    }
                />
            </label>
            <p class="param-error" role="alert" data-testid=error_id hidden=move || error.with(Option::is_none)>
                {message}
            </p>
        </div>
    }
}
