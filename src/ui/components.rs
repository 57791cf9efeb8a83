//! The widget's components, one per file. Each takes the data it shows and the callbacks it
//! needs as props (the callbacks are built once, in `ui::handlers`); none reads the whole state
//! or does IO itself.

mod bank_error;
mod bar_chart;
mod charts;
mod file_button;
mod header;
mod how_computed;
mod keep_progress;
mod notice;
mod other_tab_prompt;
mod privacy_controls;
mod profile_form;
mod question;
mod questionnaire;
mod radar_chart;
mod remember_box;
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
mod section_nav;
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

use crate::session::Action;
use yew::prelude::*;

/// A click handler that makes one move through the self-check.
pub fn on_click(navigate: &Callback<Action>, action: Action) -> Callback<MouseEvent> {
    navigate.reform(move |_| action.clone())
}
