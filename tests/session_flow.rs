//! The questionnaire as a respondent goes through it: every change is an `Action` applied by
//! `Session::apply`, and saved progress is a snapshot.

use crate::util::{
    arb_profile, arb_rng, config, mini_bank, mini_bank_with, question_json, random_session,
    read_test_file,
};
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeSet;
use tscheck::answers::Answer;
use tscheck::answers_file;
use tscheck::bank::Bank;
use tscheck::lang::Lang;
use tscheck::problem::ProblemKind;
use tscheck::profile::{Industry, Profile};
use tscheck::session::{Action, Session, Stage};
use tscheck::snapshot;

fn apply_all(
    bank: &Bank,
    mut session: Session,
    actions: impl IntoIterator<Item = Action>,
) -> Session {
    for action in actions {
        session = session.apply(bank, action);
    }
    session
}

fn choose(question: &str, option: &str) -> Action {
    Action::Choose {
        question: question.into(),
        option: option.into(),
    }
}

fn tick(question: &str, option: &str, ticked: bool) -> Action {
    Action::Tick {
        question: question.into(),
        option: option.into(),
        ticked,
    }
}

fn checked(options: &[&str]) -> Option<Answer> {
    Some(Answer::Checked(
        options
            .iter()
            .map(|o| o.to_string())
            .collect::<BTreeSet<_>>(),
    ))
}

fn biomedical() -> Profile {
    Profile {
        industry: Industry::Biomedical,
        ..Profile::default()
    }
}

/// The mini bank with a third dimension, "gamma", between alpha and beta, holding only the
/// biomedical question b3: it is a section for biomedical enterprises only.
fn bank_with_biomedical_section() -> Bank {
    mini_bank_with(|bank| {
        let mut gamma = bank["dimensions"][1].clone();
        gamma["id"] = json!("gamma");
        bank["dimensions"].as_array_mut().unwrap().insert(1, gamma);
        question_json(bank, "b3")["dimension"] = json!("gamma");
    })
}

#[test]
fn a_respondent_goes_from_start_to_report() {
    let bank = mini_bank();
    let mut s = Session::new(Lang::Zh);
    assert_eq!(s.stage, Stage::Start);
    s = s.apply(&bank, Action::Start);
    assert_eq!(s.stage, Stage::Profile);
    s = s.apply(&bank, Action::SetProfile(biomedical()));
    s = s.apply(&bank, Action::BeginQuestions);
    assert_eq!(
        (s.stage, s.section.as_deref()),
        (Stage::Questions, Some("alpha"))
    );
    s = apply_all(
        &bank,
        s,
        [
            choose("a1", "full"),
            choose("a2", "some"),
            tick("a3", "x", true),
        ],
    );
    s = s.apply(&bank, Action::Next);
    assert_eq!(
        (s.stage, s.section.as_deref()),
        (Stage::Questions, Some("beta"))
    );
    s = apply_all(
        &bank,
        s,
        [
            choose("b1", "some"),
            choose("b2", "full"),
            choose("b3", "none"),
        ],
    );
    s = s.apply(&bank, Action::Next);
    assert_eq!(s.stage, Stage::Review);
    s = s.apply(&bank, Action::Finish);
    assert_eq!(s.stage, Stage::Report);
    assert_eq!(s.answers.len(), 6);
    assert_eq!(s.profile, biomedical());
}

#[test]
fn prev_walks_back_through_the_sections_to_the_profile() {
    let bank = mini_bank();
    let s = apply_all(
        &bank,
        Session::default(),
        [Action::Start, Action::BeginQuestions, Action::Next],
    );
    assert_eq!(s.section.as_deref(), Some("beta"));
    let s = s.apply(&bank, Action::Prev);
    assert_eq!(
        (s.stage, s.section.as_deref()),
        (Stage::Questions, Some("alpha"))
    );
    let s = s.apply(&bank, Action::Prev);
    assert_eq!(s.stage, Stage::Profile);
}

#[test]
fn next_skips_sections_that_do_not_apply_to_the_profile() {
    let bank = bank_with_biomedical_section();
    let walk = |profile: Profile| {
        let mut s = apply_all(
            &bank,
            Session::default(),
            [
                Action::Start,
                Action::SetProfile(profile),
                Action::BeginQuestions,
            ],
        );
        let mut seen = vec![s.section.clone().unwrap()];
        while s.stage == Stage::Questions {
            s = s.apply(&bank, Action::Next);
            if s.stage == Stage::Questions {
                seen.push(s.section.clone().unwrap());
            }
        }
        assert_eq!(s.stage, Stage::Review);
        seen
    };
    assert_eq!(walk(Profile::default()), ["alpha", "beta"]);
    assert_eq!(walk(biomedical()), ["alpha", "gamma", "beta"]);
}

#[test]
fn switching_language_keeps_the_answers_and_the_stage() {
    let bank = mini_bank();
    let mut s = Session::new(Lang::Zh);
    let steps = [
        Action::Start,
        Action::BeginQuestions,
        choose("a1", "some"),
        Action::Next,
        Action::Review,
        Action::Finish,
    ];
    for step in steps {
        s = s.apply(&bank, step);
        for lang in [Lang::En, Lang::Zh] {
            let switched = s.clone().apply(&bank, Action::SetLang(lang));
            assert_eq!(switched.lang, lang);
            assert_eq!(
                Session {
                    lang: s.lang,
                    ..switched
                },
                s
            );
        }
    }
    assert_eq!(
        s.apply(&bank, Action::SetLang(Lang::En)).stage,
        Stage::Report
    );
}

#[test]
fn none_of_these_is_exclusive_and_unticking_the_last_practice_leaves_the_question_unanswered() {
    let bank = mini_bank();
    let s = Session::default().apply(&bank, tick("a3", "none", true));
    assert_eq!(
        s.answers.get("a3").cloned(),
        checked(&[]),
        "none of these is an answer"
    );
    let s = s.apply(&bank, tick("a3", "x", true));
    assert_eq!(
        s.answers.get("a3").cloned(),
        checked(&["x"]),
        "a practice unticks none of these"
    );
    let s = s.apply(&bank, tick("a3", "y", true));
    assert_eq!(s.answers.get("a3").cloned(), checked(&["x", "y"]));
    let s = s.apply(&bank, tick("a3", "none", true));
    assert_eq!(
        s.answers.get("a3").cloned(),
        checked(&[]),
        "none of these unticks every practice"
    );
    let s = s.apply(&bank, tick("a3", "none", false));
    assert_eq!(s.answers.get("a3"), None);
    let s = apply_all(&bank, s, [tick("a3", "y", true), tick("a3", "y", false)]);
    assert_eq!(
        s.answers.get("a3"),
        None,
        "unticking the last practice is not 'none of these'"
    );
}

#[test]
fn not_applicable_can_be_ticked_only_where_the_question_allows_it() {
    let bank = mini_bank();
    let s = Session::default().apply(&bank, tick("a3", "x", true));
    assert_eq!(
        s.clone().apply(&bank, tick("a3", "na", true)),
        s,
        "a3 has no 'not applicable'"
    );
    assert_eq!(
        s.clone().apply(&bank, choose("a1", "na")).answers.get("a1"),
        None
    );
    assert_eq!(
        s.clone().apply(&bank, choose("a2", "na")).answers.get("a2"),
        Some(&Answer::NotApplicable)
    );

    let bank = mini_bank_with(|b| question_json(b, "a3")["not_applicable"] = json!(true));
    let s = Session::default().apply(&bank, tick("a3", "x", true));
    let s = s.apply(&bank, tick("a3", "na", true));
    assert_eq!(
        s.answers.get("a3"),
        Some(&Answer::NotApplicable),
        "n/a unticks the practices"
    );
    let s = s.apply(&bank, tick("a3", "y", true));
    assert_eq!(
        s.answers.get("a3").cloned(),
        checked(&["y"]),
        "a practice unticks n/a"
    );
    let s = apply_all(&bank, s, [tick("a3", "na", true), tick("a3", "na", false)]);
    assert_eq!(s.answers.get("a3"), None);
}

#[test]
fn clicks_that_do_not_fit_the_question_change_nothing() {
    let bank = mini_bank();
    let s = apply_all(
        &bank,
        Session::default(),
        [choose("a1", "some"), tick("a3", "x", true)],
    );
    for stray in [
        choose("a1", "perfect"),
        choose("a3", "y"),
        choose("no-such-question", "full"),
        tick("a1", "full", true),
        tick("a3", "z", true),
        Action::ShowSection("no-such-dimension".into()),
    ] {
        assert_eq!(s.clone().apply(&bank, stray.clone()), s, "{stray:?}");
    }
}

#[test]
fn lowering_a_gate_answer_removes_the_hidden_follow_ups_answer() {
    let bank = mini_bank();
    let s = apply_all(
        &bank,
        Session::default(),
        [choose("b1", "full"), choose("b2", "some")],
    );
    let s = s.apply(&bank, choose("b1", "some"));
    assert_eq!(
        s.answers.get("b2"),
        Some(&Answer::Choice("some".into())),
        "b2 is still shown"
    );
    let s = s.apply(&bank, choose("b1", "none"));
    assert_eq!(s.answers.get("b2"), None);
    let s = s.apply(&bank, choose("b1", "full"));
    assert!(s
        .visibility(&bank)
        .is_visible(bank.question_index("b2").unwrap()));
    assert_eq!(s.answers.get("b2"), None, "the follow-up comes back empty");
    let s = apply_all(
        &bank,
        s,
        [
            choose("b2", "full"),
            Action::ClearAnswer {
                question: "b1".into(),
            },
        ],
    );
    assert_eq!(
        s.answers.get("b2"),
        None,
        "clearing the gate hides the follow-up too"
    );
}

#[test]
fn changing_the_profile_keeps_answers_to_questions_it_hides() {
    let bank = mini_bank();
    let s = apply_all(
        &bank,
        Session::default(),
        [Action::SetProfile(biomedical()), choose("b3", "some")],
    );
    let s = s.apply(&bank, Action::SetProfile(Profile::default()));
    assert!(!s
        .visibility(&bank)
        .is_visible(bank.question_index("b3").unwrap()));
    let s = s.apply(&bank, Action::SetProfile(biomedical()));
    assert_eq!(s.answers.get("b3"), Some(&Answer::Choice("some".into())));
}

#[test]
fn a_typed_enterprise_name_is_bounded_and_the_report_shows_it_trimmed() {
    let bank = mini_bank();
    let typed = Profile {
        org_name: " 深圳某公司\u{7}有限 ".into(),
        ..Profile::default()
    };
    let s = Session::default().apply(&bank, Action::SetProfile(typed));
    assert_eq!(
        s.profile.org_name, " 深圳某公司 有限 ",
        "spaces stay while typing; control characters do not"
    );
    let built = tscheck::report::build(
        &bank,
        &s.profile,
        &s.answers,
        &Default::default(),
        None,
        None,
    );
    assert_eq!(built.org_name.as_deref(), Some("深圳某公司 有限"));
    let long = Profile {
        org_name: "名".repeat(500),
        ..Profile::default()
    };
    let s = Session::default().apply(&bank, Action::SetProfile(long));
    assert_eq!(
        s.profile.org_name.chars().count(),
        tscheck::profile::ORG_NAME_MAX_CHARS
    );
    let blank = Profile {
        org_name: "   ".into(),
        ..Profile::default()
    };
    let s = Session::default().apply(&bank, Action::SetProfile(blank));
    assert_eq!(
        tscheck::report::build(
            &bank,
            &s.profile,
            &s.answers,
            &Default::default(),
            None,
            None
        )
        .org_name,
        None
    );
}

#[test]
fn importing_a_file_replaces_the_profile_and_every_answer() {
    let bank = mini_bank();
    let file =
        answers_file::decode(&read_test_file("fixtures/answers/mini-answers.json"), &bank).unwrap();
    let s = apply_all(
        &bank,
        Session::new(Lang::En),
        [
            Action::Start,
            Action::BeginQuestions,
            choose("a1", "full"),
            choose("b1", "none"),
        ],
    );
    let s = s.apply(&bank, Action::Import(file.clone()));
    assert_eq!(s.profile, file.profile);
    assert_eq!(s.answers, file.answers);
    assert_eq!(
        s.answers.get("a1"),
        None,
        "answers the file does not have are gone"
    );
    assert_eq!((s.stage, s.lang), (Stage::Review, Lang::En));
}

#[test]
fn comparing_with_a_previous_file_can_be_undone() {
    let bank = mini_bank();
    let file = answers_file::decode(
        &read_test_file("fixtures/answers/mini-previous.json"),
        &bank,
    )
    .unwrap();
    let s = Session::default().apply(&bank, choose("a1", "some"));
    let compared = s.clone().apply(&bank, Action::Compare(file.clone()));
    assert_eq!(compared.previous, Some(file));
    assert_eq!(
        compared.answers, s.answers,
        "comparing does not touch the answers"
    );
    assert_eq!(compared.apply(&bank, Action::ClearComparison), s);
}

#[test]
fn reset_forgets_everything_but_the_language() {
    let bank = mini_bank();
    let s = apply_all(
        &bank,
        Session::new(Lang::En),
        [
            Action::Start,
            Action::SetProfile(biomedical()),
            Action::BeginQuestions,
            choose("a1", "some"),
            Action::Finish,
        ],
    );
    assert_eq!(s.apply(&bank, Action::Reset), Session::new(Lang::En));
}

#[test]
fn editing_the_profile_keeps_the_answers() {
    let bank = mini_bank();
    let s = apply_all(
        &bank,
        Session::default(),
        [Action::Start, Action::BeginQuestions, choose("a1", "some")],
    );
    let edited = s.clone().apply(&bank, Action::EditProfile);
    assert_eq!(edited.stage, Stage::Profile);
    assert_eq!(edited.answers, s.answers);
}

#[test]
fn a_section_can_be_opened_directly() {
    let bank = mini_bank();
    let s = Session::default().apply(&bank, Action::ShowSection("beta".into()));
    assert_eq!(
        (s.stage, s.section.as_deref()),
        (Stage::Questions, Some("beta"))
    );
}

proptest! {
    #![proptest_config(config(100))]

    #[test]
    fn saved_progress_loads_back_as_it_was(
        profile in arb_profile(),
        mut rng in arb_rng(),
        stage in prop::sample::select(&[
            Stage::Start,
            Stage::Profile,
            Stage::Questions,
            Stage::Review,
            Stage::Report,
        ][..]),
        lang in prop::sample::select(&Lang::ALL[..]),
        section in prop::option::of(prop::sample::select(&["alpha", "beta"][..])),
    ) {
        let bank = mini_bank();
        let mut s = random_session(&bank, &profile, &mut rng, 15);
        s.stage = stage;
        s.lang = lang;
        s.section = section.map(str::to_string);
        s.profile.org_name = "<b>某公司</b>".into();
        prop_assert_eq!(
            snapshot::decode(snapshot::encode(&bank, &s).as_bytes(), &bank),
            Ok(s)
        );
    }
}

#[test]
fn damaged_saved_progress_is_refused() {
    let bank = mini_bank();
    let s = apply_all(
        &bank,
        Session::default(),
        [Action::Start, Action::BeginQuestions, choose("a1", "some")],
    );
    let saved = snapshot::encode(&bank, &s);
    let cut = &saved.as_bytes()[..saved.len() / 2];
    assert!(
        matches!(snapshot::decode(cut, &bank), Err(p) if matches!(p.kind, ProblemKind::InvalidJson { .. }))
    );
    assert!(snapshot::decode(b"[]", &bank).is_err());
    let mut value: serde_json::Value = serde_json::from_str(&saved).unwrap();
    value["answers"] = json!("a1");
    assert!(snapshot::decode(value.to_string().as_bytes(), &bank).is_err());
    value["format"] = json!("tscheck-answers");
    let refused = snapshot::decode(value.to_string().as_bytes(), &bank).unwrap_err();
    assert_eq!(refused.path, "$.format");
}

#[test]
fn saved_progress_of_another_bank_is_refused() {
    let bank = mini_bank();
    let other = mini_bank_with(|b| b["id"] = json!("other"));
    let s = Session::default().apply(&other, choose("a1", "some"));
    let refused = snapshot::decode(snapshot::encode(&other, &s).as_bytes(), &bank).unwrap_err();
    assert_eq!(
        refused.kind,
        ProblemKind::OtherBank {
            found: "other".into(),
            expected: "mini".into()
        }
    );
}

#[test]
fn going_home_keeps_the_answers() {
    let bank = mini_bank();
    let s = apply_all(
        &bank,
        Session::default(),
        [Action::Start, Action::BeginQuestions, choose("a1", "some")],
    );
    let home = s.clone().apply(&bank, Action::Home);
    assert_eq!(home.stage, Stage::Start);
    assert_eq!(home.answers, s.answers);
}

#[test]
fn saved_progress_keeps_the_comparison_with_a_previous_self_check() {
    use tscheck::answers_file;
    use tscheck::session::{Action, Session};
    use tscheck::snapshot;
    let bank = crate::util::mini_bank();
    let mut earlier = Session::default();
    earlier = earlier.apply(
        &bank,
        Action::Choose {
            question: "a1".into(),
            option: "some".into(),
        },
    );
    let file = answers_file::encode(
        &bank,
        &earlier.profile,
        &earlier.answers,
        &Default::default(),
        Some("2026-01-02"),
    );
    let previous = answers_file::decode(file.as_bytes(), &bank).unwrap();
    let now = Session::default()
        .apply(
            &bank,
            Action::Choose {
                question: "a1".into(),
                option: "full".into(),
            },
        )
        .apply(&bank, Action::Compare(previous.clone()));
    let restored = snapshot::decode(snapshot::encode(&bank, &now).as_bytes(), &bank).unwrap();
    assert_eq!(restored.previous, Some(previous));
    assert_eq!(restored.answers, now.answers);
}
