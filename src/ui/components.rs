//! The widget's components, one per file. Stage screens read the state handle; leaves take
//! plain props and callbacks.

mod bank_error;
mod charts;
mod header;
mod notice;
mod privacy_controls;
mod profile_form;
mod question;
mod questionnaire;
mod report_page;
mod review;
mod start_screen;

pub use bank_error::BankError;
pub use header::Header;
pub use notice::NoticeView;
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
    let bank = state.bank.clone();
    let (profile, answers) = (state.session.profile.clone(), state.session.answers.clone());
    let dispatch = dispatch.clone();
    Callback::from(move |_| {
        let date = crate::ui::embed::today();
        let text = crate::answers_file::encode(&bank, &profile, &answers, Some(&date));
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
