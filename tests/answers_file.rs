//! The answers file that export writes and import, compare and `tscheck score` read.

use crate::util::{
    arb_bank_or_mini, arb_profile, arb_rng, config, mini_bank, random_session, read_test_file,
};
use proptest::prelude::*;
use serde_json::{json, Value};
use tscheck::answers::Answer;
use tscheck::answers_file::{decode, encode, ANSWERS_MAX_BYTES};
use tscheck::lang::Lang;
use tscheck::problem::{Problem, ProblemKind};
use tscheck::profile::{Industry, Profile};
use tscheck::report;
use tscheck::report_text::to_text;

fn mini_answers() -> Value {
    serde_json::from_slice(&read_test_file("fixtures/answers/mini-answers.json")).unwrap()
}

/// Decodes an edited copy of the mini answers file and returns its single problem.
fn refusal(edit: impl FnOnce(&mut Value)) -> Problem {
    let mut file = mini_answers();
    edit(&mut file);
    refusal_of_bytes(file.to_string().as_bytes())
}

fn refusal_of_bytes(bytes: &[u8]) -> Problem {
    match decode(bytes, &mini_bank()) {
        Ok(file) => panic!("accepted: {file:?}"),
        Err(mut problems) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            problems.remove(0)
        }
    }
}

proptest! {
    #![proptest_config(config(60))]

    #[test]
    fn a_saved_file_loads_back_with_the_same_profile_and_answers(
        b in arb_bank_or_mini(4),
        mut profile in arb_profile(),
        mut rng in arb_rng(),
    ) {
        let bank = &b.bank;
        profile.org_name = "深圳某科技有限公司".into();
        let session = random_session(bank, &profile, &mut rng, 25);
        let saved = encode(
            bank,
            &session.profile,
            &session.answers,
            &Default::default(),
            Some("2026-11-27"),
        );
        let file = decode(saved.as_bytes(), bank).expect("a saved file loads");
        prop_assert_eq!(&file.profile, &session.profile);
        prop_assert_eq!(&file.answers, &session.answers);
        prop_assert_eq!(file.saved_at.as_deref(), Some("2026-11-27"));
        prop_assert_eq!(
            (file.bank_id.as_str(), file.bank_version.as_str()),
            (bank.id(), bank.version())
        );
        prop_assert!(file.ignored.is_empty(), "{:?}", file.ignored);
    }
}

#[test]
fn the_fixture_file_reads_as_written() {
    let file = decode(
        &read_test_file("fixtures/answers/mini-answers.json"),
        &mini_bank(),
    )
    .unwrap();
    assert_eq!(file.profile.industry, Industry::Biomedical);
    assert!(file.profile.cross_border);
    assert_eq!(file.profile.org_name, "深圳示例科技有限公司");
    assert_eq!(file.answers.get("a2"), Some(&Answer::NotApplicable));
    assert_eq!(
        file.answers.get("a3"),
        Some(&Answer::Checked(["y".to_string()].into()))
    );
    assert_eq!(file.answers.get("b1"), Some(&Answer::Choice("full".into())));
    assert_eq!(file.answers.len(), 4);
}

#[test]
fn a_file_of_another_format_is_refused() {
    let p = refusal(|f| f["format"] = json!("tscheck-bank"));
    assert_eq!(p.path, "$.format");
    assert!(
        matches!(p.kind, ProblemKind::WrongFormat { ref found, expected: "tscheck-answers" } if found == "tscheck-bank")
    );
}

#[test]
fn a_file_of_a_newer_version_is_refused() {
    let p = refusal(|f| f["version"] = json!(2));
    assert_eq!(p.path, "$.version");
    assert!(matches!(
        p.kind,
        ProblemKind::UnsupportedVersion { supported: 1, .. }
    ));
}

#[test]
fn a_file_for_another_bank_is_refused() {
    let p = refusal(|f| f["bank"]["id"] = json!("another-bank"));
    assert_eq!(p.path, "$.bank.id");
    assert_eq!(
        p.kind,
        ProblemKind::OtherBank {
            found: "another-bank".into(),
            expected: "mini".into()
        }
    );
}

#[test]
fn a_file_that_is_not_json_is_refused_with_line_and_column() {
    let p = refusal_of_bytes(b"{\n  \"format\": \"tscheck-answers\",\n  \"version\": 1,\n}");
    assert_eq!(p.path, "$");
    assert!(
        matches!(
            p.kind,
            ProblemKind::InvalidJson {
                line: 4,
                column: 1,
                ..
            }
        ),
        "{p:?}"
    );
}

#[test]
fn a_file_over_one_mebibyte_is_refused_but_one_at_the_limit_loads() {
    let text = mini_answers().to_string();
    let at_limit = format!("{text}{}", " ".repeat(ANSWERS_MAX_BYTES - text.len()));
    assert_eq!(at_limit.len(), 1024 * 1024);
    assert!(decode(at_limit.as_bytes(), &mini_bank()).is_ok());
    let over = format!("{at_limit} ");
    assert_eq!(
        refusal_of_bytes(over.as_bytes()).kind,
        ProblemKind::TooLarge {
            limit_bytes: 1024 * 1024
        }
    );
}

#[test]
fn answers_that_are_not_an_object_are_refused() {
    let p = refusal(|f| f["answers"] = json!(["a1", "full"]));
    assert_eq!(
        (p.path.as_str(), p.kind),
        ("$.answers", ProblemKind::WrongType { expected: "object" })
    );
}

#[test]
fn an_answer_that_is_a_number_is_refused() {
    let p = refusal(|f| f["answers"]["b1"] = json!(1));
    assert_eq!(p.path, "$.answers.b1");
    assert!(matches!(p.kind, ProblemKind::WrongType { .. }));
}

#[test]
fn an_unknown_industry_is_refused() {
    let p = refusal(|f| f["profile"]["industry"] = json!("mining"));
    assert_eq!(p.path, "$.profile.industry");
    assert!(
        matches!(p.kind, ProblemKind::NotAllowed { ref found, ref allowed } if found == "mining" && allowed.contains(&"biomedical".to_string()))
    );
}

#[test]
fn a_missing_profile_is_refused() {
    let p = refusal(|f| {
        f.as_object_mut().unwrap().remove("profile");
    });
    assert_eq!(
        (p.path.as_str(), p.kind),
        ("$.profile", ProblemKind::Missing)
    );
}

#[test]
fn answers_to_unknown_questions_and_options_are_listed_and_the_rest_loads() {
    let mut text = mini_answers();
    text["answers"]["retired-question"] = json!("full");
    text["answers"]["b2"] = json!("perfect");
    text["answers"]["a3"] = json!(["x", "z"]);
    text["answers"]["a1"] = json!("na"); // a1 does not allow "not applicable".
    let file = decode(text.to_string().as_bytes(), &mini_bank()).expect("the rest loads");
    let mut ignored: Vec<(String, ProblemKind)> = file
        .ignored
        .iter()
        .map(|p| (p.path.clone(), p.kind.clone()))
        .collect();
    ignored.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        ignored,
        vec![
            (
                "$.answers.a1".into(),
                ProblemKind::BadAnswer {
                    question: "a1".into()
                }
            ),
            (
                "$.answers.a3".into(),
                ProblemKind::BadAnswer {
                    question: "a3".into()
                }
            ),
            (
                "$.answers.b2".into(),
                ProblemKind::BadAnswer {
                    question: "b2".into()
                }
            ),
            (
                "$.answers.retired-question".into(),
                ProblemKind::UnknownQuestion {
                    id: "retired-question".into()
                }
            ),
        ]
    );
    let kept: Vec<&str> = file.answers.keys().map(String::as_str).collect();
    assert_eq!(kept, ["a2", "b1"]);
}

#[test]
fn a_hostile_enterprise_name_survives_as_plain_text() {
    let bank = mini_bank();
    for name in [
        "<img src=x onerror=alert(1)>",
        "</script><script>alert(1)</script>",
        "\"quoted\" \\ back\\slash {\"json\": true}",
        "名称\u{2028}行分隔\u{202E}RTL",
        "{{name}} {date} %s",
    ] {
        let profile = Profile {
            org_name: name.into(),
            ..Profile::default()
        };
        let saved = encode(
            &bank,
            &profile,
            &Default::default(),
            &Default::default(),
            None,
        );
        let file = decode(saved.as_bytes(), &bank).expect("loads");
        assert_eq!(file.profile.org_name, name);
        let built = report::build(
            &bank,
            &file.profile,
            &file.answers,
            &Default::default(),
            None,
            None,
        );
        assert_eq!(built.org_name.as_deref(), Some(name));
        assert!(
            to_text(&built, Lang::En).contains(name),
            "the report shows the name as typed"
        );
    }
}

#[test]
fn control_characters_in_a_loaded_name_become_spaces() {
    let mut file = mini_answers();
    file["profile"]["org_name"] = json!("  Acme\u{0}Ltd\n");
    let decoded = decode(file.to_string().as_bytes(), &mini_bank()).unwrap();
    assert_eq!(decoded.profile.org_name, "Acme Ltd");
}
