//! The bank's accuracy pass (issue 10): the glossary, the wording of the listed measures and red
//! flags, current criminal citations, overlapping questions counted once, the items the exit
//! procedure requires, and answers files of bank 2026.11.1 still importing.

use crate::util::{mini_bank_with, question_json, read_test_file};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashSet};
use tscheck::answers::{Answer, Answers};
use tscheck::answers_file;
use tscheck::bank::Bank;
use tscheck::lang::Lang;
use tscheck::problem::ProblemKind;
use tscheck::profile::{Industry, Profile};
use tscheck::score::score;
use tscheck::strings::{Ed, ProblemText, S};
use tscheck::visibility::Visibility;

fn bank() -> Bank {
    Bank::bundled().expect("the bundled bank is valid")
}

/// Every text of the bank a respondent or reader can see, with where it is.
fn bank_texts(bank: &Bank) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut push = |place: String, t: &tscheck::lang::Text| {
        out.push((place, t.zh.clone(), t.en.clone()));
    };
    push("title".into(), bank.title());
    push("disclaimer".into(), bank.disclaimer());
    for l in &bank.scoring().levels {
        push("level".into(), &l.name);
        push("level".into(), &l.description);
    }
    for m in bank.modules() {
        push(format!("module {}", m.id), &m.name);
        push(format!("module {}", m.id), &m.description);
    }
    for d in bank.dimensions() {
        let p = format!("dimension {}", d.id);
        for t in [
            &d.name,
            &d.description,
            &d.summary.high_risk,
            &d.summary.medium_risk,
            &d.summary.low_risk,
        ] {
            push(p.clone(), t);
        }
    }
    for q in bank.questions() {
        let p = format!("question {}", q.id);
        for t in [&q.text, &q.help, &q.recommendation] {
            push(p.clone(), t);
        }
        for o in &q.options {
            push(format!("{p} option {}", o.id), &o.text);
        }
        for r in &q.references {
            push(format!("{p} reference"), &r.text);
        }
    }
    for s in bank.services() {
        push(format!("service {}", s.id), &s.name);
        push(format!("service {}", s.id), &s.description);
    }
    for r in bank.roles() {
        push(format!("role {}", r.id), &r.name);
    }
    for m in bank.evidence() {
        push(format!("evidence {}", m.measure), &m.name);
        for r in &m.records {
            push(format!("evidence {}", r.id), &r.text);
        }
    }
    out
}

/// The widget's strings and the bank check page's.
fn interface_texts() -> Vec<(String, String, String)> {
    let widget = S::ALL.iter().map(|s| {
        (
            format!("{s:?}"),
            s.get(Lang::Zh).to_string(),
            s.get(Lang::En).to_string(),
        )
    });
    let editors = Ed::ALL.iter().map(|s| {
        (
            format!("Ed::{s:?}"),
            s.get(Lang::Zh).to_string(),
            s.get(Lang::En).to_string(),
        )
    });
    // The messages about a bank, an answers file or saved progress are read by the same people.
    let problems = ProblemText::ALL.iter().map(|s| {
        (
            format!("ProblemText::{s:?}"),
            s.get(Lang::Zh).to_string(),
            s.get(Lang::En).to_string(),
        )
    });
    widget.chain(editors).chain(problems).collect()
}

#[test]
fn the_glossary_is_kept_in_the_bank_and_the_interface_strings() {
    let glossary: Value =
        serde_json::from_slice(&read_test_file("../assets/bank/glossary.json")).unwrap();
    let terms = glossary["terms"].as_array().expect("terms");
    assert!(
        terms.len() >= 15,
        "the glossary lists the terms of issue 10"
    );
    let texts: Vec<_> = bank_texts(&bank())
        .into_iter()
        .chain(interface_texts())
        .collect();
    let mut found = Vec::new();
    for term in terms {
        for (lang, fold) in [("zh", false), ("en", true)] {
            assert!(
                term["preferred"][lang]
                    .as_str()
                    .is_some_and(|s| !s.is_empty()),
                "{term}: a preferred term in {lang}"
            );
            for banned in term["banned"][lang].as_array().expect("banned list") {
                let banned = banned.as_str().unwrap();
                for (place, zh, en) in &texts {
                    let hit = if fold {
                        en.to_lowercase().contains(&banned.to_lowercase())
                    } else {
                        zh.contains(banned)
                    };
                    if hit {
                        found.push(format!(
                            "{place}: \"{banned}\" (use \"{}\")",
                            term["preferred"][lang].as_str().unwrap_or_default()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "banned variants in use:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_glossary_test_would_catch_a_banned_variant() {
    // The check above reads every question text: a bank with a banned variant fails it.
    let bank = mini_bank_with(|b| {
        question_json(b, "a1")["text"]["en"] = json!("Is the classified area locked?");
    });
    assert!(bank_texts(&bank)
        .iter()
        .any(|(_, _, en)| en.to_lowercase().contains("classified")));
}

#[test]
fn red_flags_name_measures_listed_in_the_spc_provisions_not_statutory_ones() {
    let zh = |s: S| s.get(Lang::Zh);
    let en = |s: S| s.get(Lang::En);
    assert_eq!(zh(S::CriticalBadge), "司法解释列举的保密措施");
    assert_eq!(en(S::CriticalBadge), "Measure listed in SPC Art. 6");
    assert!(zh(S::RedFlagsHeading).contains("司法解释列举的保密措施"));
    assert!(en(S::RedFlagsHeading).contains("measures listed in the SPC provisions"));
    // What a red flag says: the evidence is weak or missing, where a court looks first.
    assert!(zh(S::RedFlagsHeading).contains("证据薄弱或缺失"));
    assert!(en(S::RedFlagsHeading).contains("weak or missing evidence"));
    for needle in ["第三十九条", "第五条", "整体判断", "并不必然导致失去保护"]
    {
        assert!(
            zh(S::RedFlagsLead).contains(needle),
            "RedFlagsLead zh: {needle}"
        );
    }
    for needle in [
        "Art. 39",
        "Art. 5",
        "as a whole",
        "does not by itself mean protection is lost",
    ] {
        assert!(
            en(S::RedFlagsLead).contains(needle),
            "RedFlagsLead en: {needle}"
        );
    }
    assert!(zh(S::MethodologyCap).contains("这是本自测的规则，不是法律的规定"));
    assert!(en(S::MethodologyCap).contains("this tool's rule, not the law's"));
    for (key, zh, en) in interface_texts() {
        assert!(!en.to_lowercase().contains("statutory"), "{key}");
        assert!(!zh.contains("法定保密措施"), "{key}");
        assert!(!en.contains("may not be protected"), "{key}");
    }
    // The register (measure 7) is presented as what makes the other measures correspond.
    let register = bank().question("identify-secret-register").unwrap().clone();
    assert_eq!(register.critical.as_ref().map(|c| c.measure), Some(7));
    assert!(
        register.help.zh.contains("其他合理的保密措施")
            && register.help.zh.contains("对应到具体信息")
    );
    assert!(
        register.help.en.contains("other reasonable measures")
            && register.help.en.contains("correspond")
    );
}

#[test]
fn interpretation_three_is_not_cited_as_current_law() {
    let bank = bank();
    for q in bank.questions() {
        for r in &q.references {
            assert!(
                !r.text.zh.contains("解释（三）") && !r.text.en.contains("Interpretation (III)"),
                "{} cites Interpretation (III): {}",
                q.id,
                r.text.en
            );
        }
    }
    for id in [
        "it-operation-logs",
        "response-loss-records",
        "response-route-choice",
    ] {
        let q = bank.question(id).unwrap();
        assert!(
            q.references
                .iter()
                .any(|r| r.text.zh.contains("法释〔2025〕5号")
                    && r.text.en.contains("Fa Shi [2025] No. 5")),
            "{id} cites the 2025 interpretation"
        );
    }
    // Where the enforcement routes are explained: the thresholds, repeat offenders included.
    let routes = bank.question("response-route-choice").unwrap();
    assert!(
        routes.help.zh.contains("30万元")
            && routes.help.zh.contains("10万元")
            && routes.help.zh.contains("两年内")
    );
    assert!(
        routes.help.en.contains("RMB 300,000")
            && routes.help.en.contains("RMB 100,000")
            && routes.help.en.contains("two years")
    );
}

#[test]
fn references_the_brief_does_not_support_are_gone() {
    let bank = bank();
    for id in [
        "la-oss-licence",
        "la-certification",
        "la-flight-geo-data",
        "bio-nmpa",
        "bio-split-knowledge",
    ] {
        let q = bank.question(id).unwrap();
        for r in &q.references {
            assert!(
                !r.text.zh.contains("保护指引"),
                "{id} cites a Shenzhen guideline: {}",
                r.text.zh
            );
        }
    }
    let all: String = bank_texts(&bank)
        .iter()
        .map(|(_, zh, _)| zh.as_str())
        .collect();
    for phrase in [
        "仅靠内部合同约束并不够",
        "法院通常不会把它当作",
        "列为首要保护对象",
    ] {
        assert!(!all.contains(phrase), "{phrase}");
    }
}

/// Pairs of questions that ask the same thing of the same enterprise: at most one of each is
/// shown to any profile. A merged question is listed with its replacement.
const KNOWN_OVERLAPS: &[(&str, &str)] = &[
    ("it-code-secrets-scanning", "la-keys-in-code"),
    ("disclosure-product-teardown", "la-teardown-review"),
    ("disclosure-patent-drafting", "bio-patent-drafting"),
    ("disclosure-prerelease-review", "bio-prepublication"),
    ("identify-patent-or-secret", "bio-ip-route"),
    ("cb-export-screen", "la-export-control"),
    ("people-exit-forensic-review", "la-core-engineer-exit"),
    (
        "policies-external-written-notice",
        "customers-written-notice",
    ),
    ("disclosure-regulatory-filings", "la-certification"),
    ("disclosure-regulatory-filings", "bio-nmpa"),
    ("rnd-carriers-split-knowledge", "bio-split-knowledge"),
    ("rnd-carriers-oss-licence", "la-oss-licence"),
];

/// Pairs whose questions read alike but ask about different things (checked by a person).
const ALIKE_BUT_DISTINCT: &[(&str, &str, &str)] = &[
    (
        "partners-contract-clauses",
        "bio-cro-cdmo",
        "all partners vs the CRO/CDMO contract's own terms",
    ),
    (
        "org-sz-public-services",
        "cb-sz-services",
        "general services vs the foreign-related base",
    ),
    (
        "ai-customer-data",
        "robot-teleop-data",
        "data a customer hands over for training vs data your robots collect on the customer's premises",
    ),
];

fn every_profile() -> Vec<Profile> {
    let mut out = Vec::new();
    for code in Industry::CODES {
        for cross_border in [false, true] {
            for partners in [false, true] {
                for ai_models in [false, true] {
                    out.push(Profile {
                        industry: Industry::from_code(code).unwrap(),
                        cross_border,
                        partners,
                        ai_models,
                        ..Profile::default()
                    });
                }
            }
        }
    }
    out
}

fn shown_together(bank: &Bank, a: &str, b: &str) -> Option<Profile> {
    let (Some(ia), Some(ib)) = (bank.question_index(a), bank.question_index(b)) else {
        return None;
    };
    every_profile().into_iter().find(|p| {
        let v = Visibility::compute(bank, p, &Answers::new());
        v.is_visible(ia) && v.is_visible(ib)
    })
}

#[test]
fn known_overlaps_are_never_shown_together() {
    let bank = bank();
    for (a, b) in KNOWN_OVERLAPS {
        assert!(
            bank.question(a).is_some() || bank.replacement_of(a).is_some(),
            "{a} is neither a question nor replaced"
        );
        assert!(
            bank.question(b).is_some() || bank.replacement_of(b).is_some(),
            "{b} is neither a question nor replaced"
        );
        if let Some(p) = shown_together(&bank, a, b) {
            panic!("{a} and {b} are both shown to {p:?}");
        }
    }
    let (merged_into, _) = bank.replacement_of("customers-written-notice").unwrap();
    assert_eq!(merged_into.id, "policies-external-written-notice");
    // Measure 2 is asked once of every enterprise in that pair, not twice.
    let measure_2: Vec<_> = bank
        .questions()
        .iter()
        .filter(|q| q.critical.as_ref().is_some_and(|c| c.measure == 2))
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(
        measure_2,
        [
            "policies-written-policy",
            "policies-external-written-notice"
        ]
    );
}

/// Words every question uses, left out so that only what a question is about is compared.
const BOILERPLATE: &[&str] = &[
    "贵单位",
    "是否",
    "以下",
    "哪些",
    "下列",
    "商业秘密",
    "内容",
    "做法",
    "措施",
    "采取了",
];

/// Pairs of adjacent Chinese characters, within runs not broken by boilerplate or punctuation.
fn bigrams(text: &str) -> HashSet<(char, char)> {
    let mut text = text.to_string();
    for word in BOILERPLATE {
        text = text.replace(word, " ");
    }
    let mut out = HashSet::new();
    let mut run: Vec<char> = Vec::new();
    for c in text.chars().chain([' ']) {
        if ('\u{4e00}'..='\u{9fff}').contains(&c) {
            run.push(c);
        } else {
            out.extend(run.windows(2).map(|w| (w[0], w[1])));
            run.clear();
        }
    }
    out
}

/// The rule that catches the next overlap: two questions one profile can see together must not
/// read alike (Dice overlap of the character pairs of their Chinese question texts). Calibrated
/// on bank 2026.11.1, where it found six of the eight overlaps of issue 10 and the regulatory
/// filing and split-knowledge pairs it missed (the two it did not find were found by reading).
const ALIKE: f64 = 0.28;

#[test]
fn no_two_questions_shown_together_read_alike() {
    let bank = bank();
    let profiles = every_profile();
    let visible: Vec<Visibility> = profiles
        .iter()
        .map(|p| Visibility::compute(&bank, p, &Answers::new()))
        .collect();
    let qs = bank.questions();
    let mut alike = Vec::new();
    for i in 0..qs.len() {
        for j in i + 1..qs.len() {
            let (a, b) = (bigrams(&qs[i].text.zh), bigrams(&qs[j].text.zh));
            let dice = 2.0 * a.intersection(&b).count() as f64 / (a.len() + b.len()) as f64;
            let together = visible.iter().any(|v| v.is_visible(i) && v.is_visible(j));
            let reviewed = ALIKE_BUT_DISTINCT.iter().any(|(x, y, _)| {
                (qs[i].id == *x && qs[j].id == *y) || (qs[i].id == *y && qs[j].id == *x)
            });
            if dice >= ALIKE && together && !reviewed {
                alike.push(format!("{} / {} ({dice:.2})", qs[i].id, qs[j].id));
            }
        }
    }
    assert!(alike.is_empty(), "questions that read alike are shown together; merge them, hide one per profile, or list them as distinct:\n{}", alike.join("\n"));
}

#[test]
fn the_exit_procedure_requires_return_deletion_and_the_undertaking() {
    let bank = bank();
    let exit = bank.question("people-exit-procedure").unwrap();
    let critical = exit.critical.as_ref().unwrap();
    assert_eq!(critical.measure, 6);
    assert_eq!(
        critical.required,
        ["return-carriers", "delete-destroy", "exit-undertaking"]
    );
    let profile = Profile::default();
    let everything: BTreeSet<String> = exit.options.iter().map(|o| o.id.clone()).collect();
    let i = bank.question_index("people-exit-procedure").unwrap();
    for missing in &critical.required {
        let mut ticked = everything.clone();
        ticked.remove(missing);
        let answers = Answers::from([(exit.id.clone(), Answer::Checked(ticked))]);
        let scores = score(&bank, &profile, &answers);
        assert!(scores.is_red_flag(i), "no red flag without {missing}");
    }
    let answers = Answers::from([(exit.id.clone(), Answer::Checked(everything))]);
    assert!(!score(&bank, &profile, &answers).is_red_flag(i));
    // Before issue 10 this passed the threshold with neither item: 3.5 of 5.5 ticked.
    let ticked: BTreeSet<String> = [
        "register-holdings",
        "return-carriers",
        "revoke-access",
        "handover",
    ]
    .map(String::from)
    .into();
    let answers = Answers::from([(exit.id.clone(), Answer::Checked(ticked))]);
    let scores = score(&bank, &profile, &answers);
    assert!(
        scores.is_red_flag(i),
        "the threshold alone is met, the required items are not"
    );
}

#[test]
fn a_required_item_flags_a_checklist_whatever_its_score() {
    let bank = mini_bank_with(|b| {
        let q = question_json(b, "a3");
        q["critical"] = json!({"measure": 6, "threshold": 0.2, "required": ["x"]});
        q["references"] = json!([{"kind": "law", "text": {"zh": "法释〔2020〕7号 第六条", "en": "SPC Provisions, Art. 6"}}]);
    });
    let i = bank.question_index("a3").unwrap();
    let profile = Profile::default();
    let only_y = Answers::from([("a3".to_string(), Answer::Checked(["y".to_string()].into()))]);
    let scores = score(&bank, &profile, &only_y);
    assert!(
        scores.is_red_flag(i),
        "y scores 0.75, above 0.2, but x is required"
    );
    let both = Answers::from([(
        "a3".to_string(),
        Answer::Checked(["x".to_string(), "y".to_string()].into()),
    )]);
    assert!(!score(&bank, &profile, &both).is_red_flag(i));
}

#[test]
fn answers_files_of_bank_2026_11_1_still_import() {
    let bank = bank();
    assert_ne!(bank.version(), "2026.11.1");
    // Saved with both written-notice questions answered: the replacing question's own answer
    // counts, and the merged one is named and ignored.
    let la = answers_file::decode(
        &read_test_file("fixtures/answers/bank-2026.11.1-low-altitude.json"),
        &bank,
    )
    .expect("a 2026.11.1 file imports");
    assert_eq!(la.bank_version, "2026.11.1");
    assert_eq!(
        la.answers.get("policies-external-written-notice"),
        Some(&Answer::Choice("written".into()))
    );
    assert!(!la.answers.contains_key("customers-written-notice"));
    assert!(la.ignored.iter().any(|p| matches!(&p.kind,
        ProblemKind::MergedAnswerSuperseded { id, into }
            if id == "customers-written-notice" && into == "policies-external-written-notice")
        && p.path == "$.answers.customers-written-notice"));
    assert_eq!(la.ignored.len(), 1, "{:?}", la.ignored);
    assert!(la.ignored[0]
        .line(Lang::Zh)
        .contains("customers-written-notice"));
    // Saved before the policies section was answered: the merged answer carries over, its
    // option mapped (systematic → recorded).
    let bio = answers_file::decode(
        &read_test_file("fixtures/answers/bank-2026.11.1-biomedical.json"),
        &bank,
    )
    .expect("a 2026.11.1 file imports");
    assert_eq!(
        bio.answers.get("policies-external-written-notice"),
        Some(&Answer::Choice("recorded".into()))
    );
    assert!(bio.ignored.is_empty(), "{:?}", bio.ignored);
    // Every other answer of both files is kept as it was.
    for (file, decoded) in [("low-altitude", &la), ("biomedical", &bio)] {
        let raw: Value = serde_json::from_slice(&read_test_file(&format!(
            "fixtures/answers/bank-2026.11.1-{file}.json"
        )))
        .unwrap();
        let old = raw["answers"].as_object().unwrap();
        let kept = old
            .keys()
            .filter(|id| decoded.answers.contains_key(*id))
            .count();
        assert_eq!(
            kept + 1,
            old.len(),
            "{file}: all but the merged answer keep their id"
        );
        let scores = score(&bank, &decoded.profile, &decoded.answers);
        assert!(scores.overall > 0.0, "{file} scores");
    }
}

#[test]
fn an_answer_to_a_question_gone_without_replacement_is_named_and_ignored() {
    let bank = bank();
    let file = json!({
        "format": "tscheck-answers", "version": 1,
        "bank": {"id": bank.id(), "version": "2026.11.1"},
        "profile": {"industry": "general"},
        "answers": {"a-question-long-gone": "none", "people-nda-all-staff": "everyone"}
    });
    let decoded = answers_file::decode(file.to_string().as_bytes(), &bank).unwrap();
    assert_eq!(decoded.answers.len(), 1);
    assert!(matches!(&decoded.ignored[..], [p] if matches!(&p.kind,
        ProblemKind::UnknownQuestion { id } if id == "a-question-long-gone")));
}

#[test]
fn every_question_has_an_owner_and_its_recommendation_names_a_role_of_the_bank() {
    let bank = bank();
    let roles = bank.roles();
    for q in bank.questions() {
        assert!(q.owner.is_some(), "{} has no owner", q.id);
        assert!(
            roles
                .iter()
                .any(|r| q.recommendation.zh.contains(&r.name.zh)),
            "{}: the recommendation names no role of the bank in zh",
            q.id
        );
        let en = q.recommendation.en.to_lowercase();
        assert!(
            roles.iter().any(|r| en.contains(&r.name.en.to_lowercase())),
            "{}: the recommendation names no role of the bank in en",
            q.id
        );
    }
}
