//! The status line: what is going on, in words a student understands — why rows are
//! ignored, why Step is disabled, why a run stopped — and any notice, with the button
//! of what it offers.

use super::memo_in_full;
use crate::classroom::{self, ClassroomState};
use crate::formula_text::undefined_why;
use crate::i18n::{
    converged_local_minimum, diverged, format_number, formula_undefined, loss_too_large,
    rows_ignored, step_limit_reached, Lang, Strings,
};
use crate::state::{LessonState, NoticeAction};
use descent_core::optimizer::Divergence;
use descent_core::{Optimum, Outcome, Session};
use leptos::prelude::*;

/// How serious a status line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Plain information.
    Info,
    /// Something worth knowing: a run ended well.
    Success,
    /// Something the student must fix, or a run that went wrong.
    Warning,
}

impl Level {
    fn class(self) -> &'static str {
        match self {
            Level::Info => "status-line info",
            Level::Success => "status-line success",
            Level::Warning => "status-line warning",
        }
    }
}

/// Every status line that applies to a session, most important first.
pub fn status_lines(session: &Session, t: &Strings, lang: Lang) -> Vec<(Level, String)> {
    let mut lines = Vec::new();
    let table = &session.lesson().table;
    let conversion = session.conversion();
    if table
        .rows
        .iter()
        .all(|r| r.iter().all(|c| c.trim().is_empty()))
    {
        lines.push((Level::Warning, t.status_empty_table.to_owned()));
    } else if !session.has_data() {
        lines.push((Level::Warning, t.status_no_valid_rows.to_owned()));
    }
    if !conversion.ignored_rows.is_empty() {
        let rows: Vec<usize> = conversion.ignored_rows.iter().map(|r| r + 1).collect();
        lines.push((Level::Warning, rows_ignored(lang, &rows)));
    }
    if session.learning_rate().is_none() {
        lines.push((Level::Warning, t.status_invalid_learning_rate.to_owned()));
    }
    // A typed formula not defined at some rows: said with the first row and why; Step
    // refuses (the core's `Session::step`), and it is not an overflow.
    let undefined = session.first_undefined();
    if let Some(first) = undefined {
        lines.push((
            Level::Warning,
            formula_undefined(
                lang,
                session.point_row(first.row).unwrap_or(first.row) + 1,
                &format_number(first.x, lang),
                undefined_why(first.undefined.reason),
                session.undefined_rows().len(),
            ),
        ));
    }
    // A loss too large for f64 (a cell of 1e308) also leaves no closed-form minimum and
    // refuses every step; it is said as what it is, not as "every x is 0" or "choose a
    // smaller γ".
    let overflow = undefined.is_some() || (session.has_data() && !session.evaluation().is_finite());
    if overflow {
        if undefined.is_none() {
            lines.push((Level::Warning, loss_too_large(lang)));
        }
    } else if session.has_data() && session.optimum() == Optimum::NoUniqueMinimum {
        lines.push((Level::Warning, t.status_all_x_zero.to_owned()));
    }
    let limit = session
        .learning_rate_limit()
        .map(|l| format_number(l, lang));
    match session.outcome() {
        // A minimum with a lower one beside it (the loss chart labels that one global)
        // is named for what it is.
        Outcome::Converged => match session.lower_minimum() {
            Some((at, loss)) => {
                let name = session.lesson().model.param_names().first().copied();
                lines.push((
                    Level::Success,
                    converged_local_minimum(
                        lang,
                        name.unwrap_or("a"),
                        &format_number(at, lang),
                        &format_number(loss, lang),
                    ),
                ));
            }
            None => lines.push((Level::Success, t.status_converged.to_owned())),
        },
        Outcome::Diverged(Divergence::LossGrowing) => {
            lines.push((Level::Warning, diverged(lang, limit.as_deref())))
        }
        Outcome::Diverged(Divergence::NonFinite) if !overflow => {
            lines.push((Level::Warning, t.status_non_finite.to_owned()))
        }
        Outcome::Diverged(Divergence::NonFinite) => {}
        Outcome::StepLimit => lines.push((
            Level::Warning,
            step_limit_reached(lang, session.history().len()),
        )),
        Outcome::Running => {}
    }
    // The invitation to press Step is for a run not yet started; once steps are taken
    // (during Play too) it would only be stale.
    if lines.is_empty() && session.history().is_empty() {
        lines.push((Level::Info, t.status_ready.to_owned()));
    }
    lines
}

/// The status line (`data-testid="status-message"`), and any notice beside it
/// (`data-testid="notice"`, its text) with the button of what it offers
/// (`data-testid="open-saved-work"`).
#[component]
pub fn StatusMessage(
    /// The lesson's reactive state.
    state: LessonState,
    /// The classroom, which carries out what a notice offers.
    classroom: ClassroomState,
) -> impl IntoView {
    let lines = memo_in_full(move || {
        let lang = state.lang.get();
        let t = state.t();
        state.session.with(|s| status_lines(s, t, lang))
    });
    view! {
        <div class="status" data-testid="status-message" role="status" aria-live="polite">
            {move || {
                state
                    .notice
                    .get()
                    .map(|n| {
                        let level = if n.is_warning { Level::Warning } else { Level::Info };
                        let action = n
                            .action
                            .map(|action| match action {
                                NoticeAction::OpenSavedWork => {
                                    view! {
                                        <button
                                            type="button"
                                            data-testid="open-saved-work"
                                            on:click=move |_| classroom::open_saved_work(state, classroom)
                                        >
                                            {state.tr(|t| t.open_saved_work)}
                                        </button>
                                        <button
                                            type="button"
                                            data-testid="dismiss-saved-work"
                                            on:click=move |_| classroom::dismiss_saved_work(state, classroom)
                                        >
                                            {state.tr(|t| t.dismiss_saved_work)}
                                        </button>
                                    }
                                }
                            });
                        view! {
                            <div class=format!("{} notice", level.class())>
                                <p data-testid="notice">{n.text}</p>
                                {action}
                            </div>
                        }
                    })
            }}
            {move || {
                lines
                    .get()
                    .into_iter()
                    .map(|(level, text)| view! { <p class=level.class()>{text}</p> })
                    .collect_view()
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::strings;
    use descent_core::presets::Preset;

    fn texts(session: &Session) -> Vec<String> {
        status_lines(session, strings(Lang::En), Lang::En)
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    #[test]
    fn a_loss_too_large_for_f64_is_named_as_such_not_as_every_x_zero() {
        let mut session = Session::new(Preset::Lecture.lesson());
        session.set_cell(0, 0, "1e308");
        session.step();
        let lines = texts(&session);
        assert_eq!(lines, vec![loss_too_large(Lang::En)], "{lines:?}");
    }

    #[test]
    fn press_step_is_said_before_the_first_step_only() {
        let ready = strings(Lang::En).status_ready.to_owned();
        let mut session = Session::new(Preset::Lecture.lesson());
        assert_eq!(texts(&session), vec![ready.clone()]);
        session.step();
        assert_eq!(texts(&session), Vec::<String>::new());
        session.reset();
        assert_eq!(texts(&session), vec![ready]);
    }

    /// Steps `session` until its run ends (at most 10 000 steps).
    fn to_the_end(session: &mut Session) {
        for _ in 0..10_000 {
            if session.step().is_final() {
                break;
            }
        }
    }

    #[test]
    fn descent_stopped_at_a_local_minimum_says_local_and_where_the_lower_one_is() {
        let mut session = Session::new(Preset::LocalMinima.lesson());
        to_the_end(&mut session);
        assert_eq!(session.outcome(), Outcome::Converged);
        let lines = texts(&session);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].starts_with("Converged at a local minimum")
                && lines[0].contains("A lower minimum lies at a = \u{2212}0.25"),
            "{lines:?}"
        );
        assert!(!lines[0].contains("the minimum is reached"), "{lines:?}");
        // From the left it reaches the lowest minimum, and the lecture its only one.
        session.set_param(0, -0.5);
        to_the_end(&mut session);
        let global = strings(Lang::En).status_converged.to_owned();
        assert_eq!(texts(&session), vec![global.clone()]);
        let mut lecture = Session::new(Preset::Lecture.lesson());
        to_the_end(&mut lecture);
        assert_eq!(texts(&lecture), vec![global]);
    }

    #[test]
    fn every_x_zero_still_says_there_is_no_unique_minimum() {
        let mut session = Session::new(Preset::Lecture.lesson());
        for row in 0..3 {
            session.set_cell(row, 0, "0");
        }
        let lines = texts(&session);
        assert!(
            lines.contains(&strings(Lang::En).status_all_x_zero.to_owned()),
            "{lines:?}"
        );
    }
}
