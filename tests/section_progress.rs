//! What the screens show of a session's progress: each section's status (the section list and
//! the review page) and where "continue" on the start screen leads.

use crate::util::{mini_bank, mini_bank_with, read_test_file};
use serde_json::json;
use tscheck::answers::{NONE_OF_THESE, NOT_APPLICABLE};
use tscheck::answers_file;
use tscheck::bank::Bank;
use tscheck::lang::Lang;
use tscheck::profile::{Industry, Profile};
use tscheck::session::{Action, SectionStatus, Session, Stage};

fn status_of(bank: &Bank, session: &Session, dimension: &str) -> SectionStatus {
    let d = bank.dimension_index(dimension).unwrap();
    session.progress(bank).section_status(d)
}

/// The ids of a section's questions its page counts as unanswered (and the review lists).
fn unanswered_of(bank: &Bank, session: &Session, dimension: &str) -> Vec<String> {
    let d = bank.dimension_index(dimension).unwrap();
    (session.progress(bank).unanswered_in(bank, d))
        .map(|i| bank.questions()[i].id.clone())
        .collect()
}

#[test]
fn a_section_lists_its_unanswered_questions_until_each_has_an_answer() {
    let bank = mini_bank();
    let mut session = Session::new(Lang::Zh);
    assert_eq!(unanswered_of(&bank, &session, "alpha"), ["a1", "a2", "a3"]);
    session = session
        .apply(
            &bank,
            Action::Choose {
                question: "a2".into(),
                option: NOT_APPLICABLE.into(),
            },
        )
        .apply(
            &bank,
            Action::Choose {
                question: "a1".into(),
                option: "none".into(),
            },
        );
    // "Not applicable" is an answer; the other section is untouched.
    assert_eq!(unanswered_of(&bank, &session, "alpha"), ["a3"]);
    let beta = unanswered_of(&bank, &session, "beta");
    assert!(
        !beta.is_empty() && beta.iter().all(|id| !id.starts_with('a')),
        "{beta:?}"
    );
}

#[test]
fn a_section_is_not_started_in_progress_or_done() {
    let bank = mini_bank();
    let mut session = Session::new(Lang::Zh);
    assert_eq!(
        status_of(&bank, &session, "alpha"),
        SectionStatus::NotStarted
    );
    session = session.apply(
        &bank,
        Action::Choose {
            question: "a1".into(),
            option: "none".into(),
        },
    );
    assert_eq!(
        status_of(&bank, &session, "alpha"),
        SectionStatus::InProgress
    );
    session = session
        .apply(
            &bank,
            Action::Choose {
                question: "a2".into(),
                option: NOT_APPLICABLE.into(),
            },
        )
        .apply(
            &bank,
            Action::Tick {
                question: "a3".into(),
                option: NONE_OF_THESE.into(),
                ticked: true,
            },
        );
    // "Not applicable" and "none of these" are answers.
    assert_eq!(status_of(&bank, &session, "alpha"), SectionStatus::Done);
    assert_eq!(
        status_of(&bank, &session, "beta"),
        SectionStatus::NotStarted
    );
}

#[test]
fn a_revealed_follow_up_puts_a_done_section_back_in_progress() {
    let bank = mini_bank();
    let mut session = Session::new(Lang::Zh);
    for (question, option) in [("b1", "none"), ("b3", "full")] {
        session = session.apply(
            &bank,
            Action::Choose {
                question: question.into(),
                option: option.into(),
            },
        );
    }
    assert_eq!(status_of(&bank, &session, "beta"), SectionStatus::Done);
    // A stronger answer to b1 shows its follow-up b2, not yet answered.
    session = session.apply(
        &bank,
        Action::Choose {
            question: "b1".into(),
            option: "full".into(),
        },
    );
    assert_eq!(
        status_of(&bank, &session, "beta"),
        SectionStatus::InProgress
    );
}

#[test]
fn each_status_has_its_label_in_both_languages() {
    let statuses = [
        SectionStatus::NotStarted,
        SectionStatus::InProgress,
        SectionStatus::Done,
    ];
    for lang in Lang::ALL {
        let labels: Vec<&str> = statuses.iter().map(|s| s.label().get(lang)).collect();
        assert!(labels.iter().all(|l| !l.is_empty()), "{lang:?}");
        assert!(labels[0] != labels[1] && labels[1] != labels[2] && labels[0] != labels[2]);
    }
    assert_eq!(SectionStatus::Done.label().get(Lang::Zh), "已完成");
    assert_eq!(SectionStatus::Done.label().get(Lang::En), "Done");
}

/// The session after `actions`, from a fresh one.
fn after(bank: &Bank, actions: impl IntoIterator<Item = Action>) -> Session {
    actions
        .into_iter()
        .fold(Session::new(Lang::Zh), |s, action| s.apply(bank, action))
}

fn choose(question: &str, option: &str) -> Action {
    Action::Choose {
        question: question.into(),
        option: option.into(),
    }
}

#[test]
fn there_is_nothing_to_continue_before_the_first_answer() {
    let bank = mini_bank();
    let session = after(&bank, [Action::Start, Action::BeginQuestions, Action::Next]);
    assert_eq!(session.resume_target(&bank), None);
}

#[test]
fn continue_leads_back_to_the_section_left() {
    let bank = mini_bank();
    let session = after(
        &bank,
        [
            Action::Start,
            Action::BeginQuestions,
            choose("a1", "some"),
            Action::Next,
            Action::Home,
        ],
    );
    assert_eq!(session.stage, Stage::Start);
    assert_eq!(session.resume_target(&bank).as_deref(), Some("beta"));
    // Following it shows that section.
    let resumed = session.apply(&bank, Action::ShowSection("beta".into()));
    assert_eq!(resumed.stage, Stage::Questions);
    assert_eq!(resumed.section.as_deref(), Some("beta"));
}

#[test]
fn continue_after_an_import_starts_at_the_first_section() {
    let bank = mini_bank();
    let file =
        answers_file::decode(&read_test_file("fixtures/answers/mini-answers.json"), &bank).unwrap();
    let session = after(
        &bank,
        [Action::BeginQuestions, Action::Next, Action::Import(file)],
    );
    assert_eq!(session.section, None);
    assert_eq!(session.resume_target(&bank).as_deref(), Some("alpha"));
}

#[test]
fn continue_skips_a_section_that_no_longer_applies() {
    // Beta's questions belong to the biomedical module here.
    let bank = mini_bank_with(|b| {
        for q in b["questions"].as_array_mut().unwrap() {
            if q["dimension"] == "beta" {
                q["module"] = json!("bio");
            }
        }
    });
    let biomedical = Profile {
        industry: Industry::Biomedical,
        ..Profile::default()
    };
    let mut session = Session::new(Lang::Zh)
        .apply(&bank, Action::SetProfile(biomedical))
        .apply(&bank, Action::BeginQuestions)
        .apply(
            &bank,
            Action::Choose {
                question: "a1".into(),
                option: "full".into(),
            },
        )
        .apply(&bank, Action::Next);
    assert_eq!(session.section.as_deref(), Some("beta"));
    assert_eq!(session.resume_target(&bank).as_deref(), Some("beta"));
    session = session.apply(&bank, Action::SetProfile(Profile::default()));
    assert_eq!(session.resume_target(&bank).as_deref(), Some("alpha"));
}
