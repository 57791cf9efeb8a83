//! Issue 11: the AI and robotics industry, the `ai_models` profile checkbox and its `show_if`
//! key, answers files that carry it, and the content of the bundled AI and robotics module.

use crate::util::{mini_bank, mini_bank_with, question_json, read_test_file, MINI_BANK_JSON};
use serde_json::{json, Value};
use tscheck::answers::Answers;
use tscheck::answers_file::{decode, encode};
use tscheck::bank::{Bank, ReferenceKind};
use tscheck::lang::Lang;
use tscheck::problem::ProblemKind;
use tscheck::profile::{Industry, Profile};
use tscheck::visibility::Visibility;

fn profile(industry: Industry, ai_models: bool) -> Profile {
    Profile {
        industry,
        ai_models,
        ..Profile::default()
    }
}

fn visible_ids(bank: &Bank, profile: &Profile) -> Vec<String> {
    let v = Visibility::compute(bank, profile, &Answers::new());
    bank.questions()
        .iter()
        .enumerate()
        .filter(|(i, _)| v.is_visible(*i))
        .map(|(_, q)| q.id.clone())
        .collect()
}

#[test]
fn the_industry_code_round_trips_and_has_labels_in_both_languages() {
    let ai = Industry::from_code("ai-robotics").expect("a known code");
    assert_eq!(ai, Industry::AiRobotics);
    assert_eq!(ai.code(), "ai-robotics");
    assert!(Industry::CODES.contains(&"ai-robotics"));
    assert!(ai.label(Lang::Zh).starts_with("人工智能与机器人"));
    assert!(ai.label(Lang::En).starts_with("AI and robotics"));
    assert_eq!(Industry::from_code("AI-robotics"), None);
    assert!(
        !Profile::default().ai_models,
        "the checkbox starts unticked"
    );
}

#[test]
fn an_ai_models_condition_follows_the_checkbox_in_any_industry() {
    let bank = mini_bank_with(|b| {
        question_json(b, "a2")["show_if"] = json!({ "ai_models": true });
        question_json(b, "a3")["show_if"] = json!({ "not": { "ai_models": true } });
    });
    for industry in Industry::ALL {
        for ai_models in [false, true] {
            let ids = visible_ids(&bank, &profile(*industry, ai_models));
            assert_eq!(ids.contains(&"a2".to_string()), ai_models, "{industry:?}");
            assert_eq!(ids.contains(&"a3".to_string()), !ai_models, "{industry:?}");
        }
    }
}

#[test]
fn a_malformed_ai_models_condition_is_refused_at_its_path() {
    let mut value: Value = serde_json::from_str(MINI_BANK_JSON).unwrap();
    question_json(&mut value, "a2")["show_if"] = json!({ "ai_models": "yes" });
    let problems = Bank::from_json(value.to_string().as_bytes()).expect_err("refused");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "$.questions[1].show_if.ai_models");

    let mut value: Value = serde_json::from_str(MINI_BANK_JSON).unwrap();
    question_json(&mut value, "a2")["show_if"] = json!({ "ai_model": true });
    let problems = Bank::from_json(value.to_string().as_bytes()).expect_err("refused");
    assert!(
        matches!(&problems[0].kind, ProblemKind::UnknownField { allowed } if allowed.contains(&"ai_models")),
        "{problems:?}"
    );
}

#[test]
fn answers_files_carry_the_checkbox_and_older_files_read_it_as_unticked() {
    let bank = mini_bank();
    for ai_models in [false, true] {
        let p = Profile {
            industry: Industry::AiRobotics,
            ai_models,
            ..Profile::default()
        };
        let saved = encode(&bank, &p, &Answers::new(), &Default::default(), None);
        let json: Value = serde_json::from_str(&saved).unwrap();
        assert_eq!(json["profile"]["ai_models"], json!(ai_models));
        assert_eq!(json["profile"]["industry"], json!("ai-robotics"));
        let file = decode(saved.as_bytes(), &bank).expect("loads");
        assert_eq!(file.profile, p);
    }
    // A file written before the checkbox existed has no such key.
    let old = read_test_file("fixtures/answers/mini-answers.json");
    assert!(!String::from_utf8_lossy(&old).contains("ai_models"));
    assert!(!decode(&old, &bank).unwrap().profile.ai_models);
    // A value that is not a boolean refuses the file.
    let mut file: Value = serde_json::from_slice(&old).unwrap();
    file["profile"]["ai_models"] = json!("yes");
    let problems = decode(file.to_string().as_bytes(), &bank).expect_err("refused");
    assert_eq!(problems[0].path, "$.profile.ai_models");
}

// ---------------------------------------------------------------------------------------------
// The bundled module.

fn bundled() -> Bank {
    Bank::bundled().expect("the bundled bank is valid")
}

fn module_questions(bank: &Bank) -> Vec<&tscheck::bank::Question> {
    bank.questions()
        .iter()
        .filter(|q| bank.modules()[q.module].id == "ai-robotics")
        .collect()
}

#[test]
fn the_module_has_at_least_16_complete_questions_in_both_languages() {
    let bank = bundled();
    let qs = module_questions(&bank);
    assert!(qs.len() >= 16, "{} questions", qs.len());
    let roles = bank.roles();
    for q in &qs {
        for (what, text) in [
            ("text", &q.text),
            ("help", &q.help),
            ("recommendation", &q.recommendation),
        ] {
            assert!(
                text.zh.chars().count() >= 20 && text.en.len() >= 40,
                "{} {what} is too thin",
                q.id
            );
        }
        let owner = q.owner.expect("an owner");
        assert!(
            q.recommendation.zh.contains(&roles[owner].name.zh),
            "{}: the recommendation names its owner {}",
            q.id,
            roles[owner].name.zh
        );
        assert!(
            q.references.iter().any(|r| r.kind == ReferenceKind::Law),
            "{} cites no law",
            q.id
        );
        // The listed measures are asked once, in the general module (one gap counted once).
        assert!(q.critical.is_none(), "{} is critical", q.id);
        assert!(
            q.id.starts_with("ai-") || q.id.starts_with("robot-"),
            "{}: ai-* or robot-*",
            q.id
        );
    }
    assert!(qs.iter().filter(|q| q.id.starts_with("ai-")).count() >= 10);
    assert!(qs.iter().filter(|q| q.id.starts_with("robot-")).count() >= 5);
}

#[test]
fn the_module_shows_whole_for_ai_robotics_and_its_ai_part_for_the_checkbox() {
    let bank = bundled();
    let all: Vec<String> = module_questions(&bank)
        .iter()
        .map(|q| q.id.clone())
        .collect();
    let ai: Vec<&String> = all.iter().filter(|id| id.starts_with("ai-")).collect();
    let robot: Vec<&String> = all.iter().filter(|id| id.starts_with("robot-")).collect();

    // AI and robotics (partners on, the default): every question of the module.
    let shown = visible_ids(&bank, &profile(Industry::AiRobotics, false));
    for id in &all {
        assert!(shown.contains(id), "{id} is not shown for ai-robotics");
    }
    assert_eq!(
        visible_ids(&bank, &profile(Industry::AiRobotics, true)),
        shown,
        "the checkbox adds nothing the industry has not"
    );
    for industry in [
        Industry::General,
        Industry::LowAltitude,
        Industry::Biomedical,
    ] {
        let without = visible_ids(&bank, &profile(industry, false));
        assert!(
            all.iter().all(|id| !without.contains(id)),
            "{industry:?} without the checkbox sees none of the module"
        );
        let with = visible_ids(&bank, &profile(industry, true));
        for id in &ai {
            assert!(
                with.contains(id),
                "{id} is not shown for {industry:?} + AI models"
            );
        }
        for id in &robot {
            assert!(
                !with.contains(id),
                "{id} is shown for {industry:?} + AI models"
            );
        }
        // Everything else stays as it was.
        let rest: Vec<&String> = with.iter().filter(|id| !ai.contains(id)).collect();
        assert_eq!(rest, without.iter().collect::<Vec<_>>());
    }
}

#[test]
fn the_module_covers_the_risks_the_issue_names() {
    let bank = bundled();
    let text: String = module_questions(&bank)
        .iter()
        .map(|q| {
            let mut s = format!("{} {} {}", q.text.zh, q.help.zh, q.recommendation.zh);
            for o in &q.options {
                s.push_str(&o.text.zh);
            }
            s
        })
        .collect();
    for w in [
        "权重",
        "检查点",
        "来源",
        "许可",
        "超参数",
        "系统提示词",
        "评测集",
        "标注",
        "算力",
        "蒸馏",
        "开源模型权重",
        "AI编程助手",
        "运动控制",
        "安全启动",
        "遥操作",
        "数字孪生",
        "试用",
        "远程锁定",
        "减速器",
        "零极案",
    ] {
        assert!(
            text.contains(w),
            "the AI and robotics module should address {w}"
        );
    }
}
