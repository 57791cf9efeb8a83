//! The widget's components, one per file. Stage screens read the state handle; leaves take
//! plain props and callbacks.

mod bank_error;
mod charts;
mod header;
mod notice;
mod other_tab_prompt;
mod privacy_controls;
mod profile_form;
mod question;
mod questionnaire;
mod report_actions;
mod report_comparison;
mod report_dimensions;
mod report_disclaimer;
mod report_evidence;
mod report_findings;
mod report_method;
mod report_page;
mod report_plan;
mod report_red_flags;
mod report_references;
mod report_services;
mod report_summary;
mod review;
mod start_screen;

pub use bank_error::BankError;
pub use header::Header;
pub use notice::NoticeView;
pub use other_tab_prompt::OtherTabPrompt;
pub use profile_form::ProfileForm;
pub use questionnaire::Questionnaire;
pub use report_page::ReportPage;
pub use review::Review;
pub use start_screen::StartScreen;

use super::state::{UiAction, UiState};
use crate::session::Action;
use yew::prelude::*;

/// Props of a stage screen: the state and the way to change it.
#[derive(Properties, PartialEq)]
pub struct StageProps {
    pub state: UseReducerHandle<UiState>,
    pub dispatch: Callback<UiAction>,
}

/// A click handler that saves the current answers as a local file (a download; nothing is sent).
pub fn export_answers(
    state: &UseReducerHandle<UiState>,
    dispatch: &Callback<UiAction>,
) -> Callback<MouseEvent> {
    // The handle is a cheap pointer: the answers are read, and the plan computed, only when
    // the user saves, not on every render.
    let state = state.clone();
    let dispatch = dispatch.clone();
    Callback::from(move |_| {
        let (bank, session) = (&state.bank, &state.session);
        let date = crate::ui::embed::today();
        let plan = session.plan_for_file(bank);
        let text = crate::answers_file::encode(
            bank,
            &session.profile,
            &session.answers,
            &plan,
            Some(&date),
        );
        if !crate::ui::files::download_json(&format!("tscheck-answers-{date}.json"), &text) {
            dispatch.emit(UiAction::ExportFailed);
        }
    })
}

/// A click handler that dispatches one session action.
pub fn on_click(dispatch: &Callback<UiAction>, action: Action) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.emit(UiAction::Session(action.clone())))
}
