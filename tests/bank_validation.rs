//! Broken banks are refused with the problem an editor needs: its kind and its JSON path.
//!
//! Each file in `tests/fixtures/broken/` is the mini bank with exactly one kind of problem
//! (except `several-problems.json`). The table below names what each must report.

use crate::util::{generate_bank, read_test_file, test_path, valid_bank, Rng, MINI_BANK_JSON};
use std::collections::BTreeSet;
use tscheck::bank::Bank;
use tscheck::lang::Lang;
use tscheck::problem::{Problem, ProblemKind};

/// One broken fixture: its file stem, the JSON path of the problem and a test of its kind.
pub(crate) struct Case {
    pub(crate) file: &'static str,
    pub(crate) path: &'static str,
    kind: fn(&ProblemKind) -> bool,
    expected: &'static str,
}

macro_rules! case {
    ($file:literal, $path:literal, $($kind:tt)+) => {
        Case {
            file: $file,
            path: $path,
            kind: |k| matches!(k, $($kind)+),
            expected: stringify!($($kind)+),
        }
    };
}

pub(crate) const CASES: &[Case] = &[
    case!(
        "not-json",
        "$",
        ProblemKind::InvalidJson {
            line: 5,
            column: 2,
            ..
        }
    ),
    case!("unsupported-format-version", "$.format_version", ProblemKind::UnsupportedVersion { found, supported: 1 } if found == "2"),
    case!("wrong-format", "$.format", ProblemKind::WrongFormat { found, expected: "tscheck-bank" } if found == "tscheck-answers"),
    case!("duplicate-question-id", "$.questions[5].id", ProblemKind::DuplicateId { id } if id == "b2"),
    case!("duplicate-option-id", "$.questions[0].options[1].id", ProblemKind::DuplicateId { id } if id == "none"),
    case!("unknown-dimension", "$.questions[2].dimension", ProblemKind::UnknownReference { what: "dimension", id } if id == "gamma"),
    case!("unknown-module", "$.questions[5].module", ProblemKind::UnknownReference { what: "module", id } if id == "biomed"),
    case!(
        "missing-translation-zh",
        "$.questions[3].text.zh",
        ProblemKind::MissingTranslation { lang: Lang::Zh }
    ),
    case!(
        "blank-translation-en",
        "$.questions[1].help.en",
        ProblemKind::MissingTranslation { lang: Lang::En }
    ),
    case!("dangling-show-if", "$.questions[4].show_if.answer.question", ProblemKind::UnknownReference { what: "question", id } if id == "b9"),
    case!(
        "weight-not-positive",
        "$.questions[2].weight",
        ProblemKind::WeightNotPositive
    ),
    case!("option-score-out-of-range", "$.questions[1].options[1].score", ProblemKind::OutOfRange { min, max } if *min == 0.0 && *max == 1.0),
    case!(
        "scale-not-rising",
        "$.questions[1].options",
        ProblemKind::ScaleNotRising
    ),
    case!("dimension-without-questions", "$.dimensions[2]", ProblemKind::DimensionWithoutQuestions { id } if id == "gamma"),
    case!(
        "question-without-options",
        "$.questions[1].options",
        ProblemKind::TooFewOptions { min: 2 }
    ),
    case!(
        "critical-without-law",
        "$.questions[0].references",
        ProblemKind::CriticalWithoutLegalReference
    ),
    case!("unknown-field", "$.questions[1].not_aplicable", ProblemKind::UnknownField { allowed } if allowed.contains(&"not_applicable")),
    case!(
        "answer-condition-not-monotone",
        "$.questions[4].show_if.answer",
        ProblemKind::AnswerConditionNotMonotone
    ),
    case!(
        "answer-condition-under-not",
        "$.questions[4].show_if.not.answer",
        ProblemKind::AnswerConditionNotMonotone
    ),
    case!(
        "gate-allows-not-applicable",
        "$.questions[4].show_if.answer.question",
        ProblemKind::GateAllowsNotApplicable
    ),
    case!("bad-levels", "$.scoring.levels", ProblemKind::BadLevels),
    case!("reserved-option-id", "$.questions[2].options[0].id", ProblemKind::ReservedId { id } if id == "none"),
    case!("bad-id", "$.questions[2].id", ProblemKind::BadId { id } if id == "A3"),
    case!(
        "critical-follow-up",
        "$.questions[4].critical",
        ProblemKind::CriticalDependsOnAnswer
    ),
    case!("unknown-role", "$.questions[0].owner", ProblemKind::UnknownReference { what: "role", id } if id == "nobody"),
    case!(
        "evidence-measure-twice",
        "$.evidence",
        ProblemKind::EvidenceNotEachMeasureOnce
    ),
    case!("duplicate-evidence-record", "$.evidence[1].records[1].id", ProblemKind::DuplicateId { id } if id == "x-records"),
    case!("evidence-unknown-option", "$.evidence[0].records[0].have_if.answer.any_of[0]", ProblemKind::UnknownReference { what: "option", id } if id == "most"),
    case!("replaced-still-in-bank", "$.questions[1].replaces[0]", ProblemKind::ReplacedQuestionStillInBank { id } if id == "b1"),
    case!("replaced-twice", "$.questions[3].replaces[1]", ProblemKind::DuplicateId { id } if id == "old-a"),
    case!("required-unknown-option", "$.questions[2].critical.required[0]", ProblemKind::UnknownReference { what: "option", id } if id == "z"),
    case!(
        "required-on-single",
        "$.questions[0].critical.required",
        ProblemKind::RequiredOnSingleChoice
    ),
    case!(
        "critical-in-follow-up-module",
        "$.questions[5].critical",
        ProblemKind::CriticalDependsOnAnswer
    ),
];

fn problems_of(file: &str) -> Vec<Problem> {
    match Bank::from_json(&read_test_file(&format!("fixtures/broken/{file}.json"))) {
        Ok(_) => panic!("{file}.json was accepted"),
        Err(problems) => problems,
    }
}

fn lines(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {}", p.line(Lang::En)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_broken_bank_reports_exactly_its_problem_at_its_path() {
    let mut failures = Vec::new();
    for case in CASES {
        let problems = problems_of(case.file);
        let ok =
            problems.len() == 1 && problems[0].path == case.path && (case.kind)(&problems[0].kind);
        if !ok {
            failures.push(format!(
                "{}.json: expected only {} at {}, got:\n{}",
                case.file,
                case.expected,
                case.path,
                lines(&problems)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_show_if_cycle_is_reported_with_the_questions_in_it() {
    let problems = problems_of("show-if-cycle");
    assert_eq!(problems.len(), 1, "{}", lines(&problems));
    let ProblemKind::ShowIfCycle { ids } = &problems[0].kind else {
        panic!("expected a cycle, got:\n{}", lines(&problems));
    };
    // b1 (questions[3]) and b2 (questions[4]) read each other; either may close the circle.
    assert!(
        ["$.questions[3].show_if", "$.questions[4].show_if"].contains(&problems[0].path.as_str())
    );
    let in_cycle: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    assert_eq!(in_cycle, BTreeSet::from(["b1", "b2"]));
    assert_eq!(
        ids.first(),
        ids.last(),
        "the chain ends where it starts: {ids:?}"
    );
}

#[test]
fn every_broken_fixture_has_a_row_in_the_table() {
    let mut on_disk: Vec<String> = std::fs::read_dir(test_path("fixtures/broken"))
        .expect("fixtures/broken")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut known: Vec<String> = CASES.iter().map(|c| c.file.to_string()).collect();
    known.extend(["show-if-cycle".to_string(), "several-problems".to_string()]);
    known.sort();
    assert_eq!(on_disk, known);
}

#[test]
fn a_bank_with_several_problems_reports_all_of_them_at_once() {
    let problems = problems_of("several-problems");
    let got: BTreeSet<(String, String)> = problems
        .iter()
        .map(|p| (p.path.clone(), format!("{:?}", p.kind)))
        .collect();
    let expected = [
        ("$.dimensions[0].weight", ProblemKind::WeightNotPositive),
        // Dimension 0 is broken too: the path still points at the dimension without questions.
        (
            "$.dimensions[2]",
            ProblemKind::DimensionWithoutQuestions { id: "gamma".into() },
        ),
        (
            "$.questions[1].options[1].score",
            ProblemKind::OutOfRange { min: 0.0, max: 1.0 },
        ),
        (
            "$.questions[3].help.en",
            ProblemKind::MissingTranslation { lang: Lang::En },
        ),
        (
            "$.questions[5].module",
            ProblemKind::UnknownReference {
                what: "module",
                id: "biomed".into(),
            },
        ),
        (
            "$.services[0].url",
            ProblemKind::UnknownField {
                allowed: vec!["id", "name", "description"],
            },
        ),
    ];
    let expected: BTreeSet<(String, String)> = expected
        .iter()
        .map(|(path, kind)| (path.to_string(), format!("{kind:?}")))
        .collect();
    assert_eq!(got, expected, "got:\n{}", lines(&problems));
}

#[test]
fn the_mini_bank_is_valid() {
    let bank = valid_bank(MINI_BANK_JSON.as_bytes());
    assert_eq!(
        (bank.id(), bank.dimensions().len(), bank.questions().len()),
        ("mini", 2, 6)
    );
}

#[test]
fn every_generated_bank_is_valid() {
    let mut rng = Rng::new(0x5EED_0001);
    let mut with_required = 0;
    for case in 0..300 {
        let n_dimensions = rng.range(1, 6);
        let json = generate_bank(&mut rng, n_dimensions);
        match Bank::from_json(json.as_bytes()) {
            Err(problems) => panic!(
                "generated bank {case} was refused:\n{}\n{json}",
                lines(&problems)
            ),
            Ok(bank) => {
                with_required += bank
                    .questions()
                    .iter()
                    .filter(|q| q.critical.as_ref().is_some_and(|c| !c.required.is_empty()))
                    .count();
            }
        }
    }
    // The scoring properties run over these banks, so they cover required practices too.
    assert!(
        with_required >= 20,
        "only {with_required} checklists with required practices"
    );
}

#[test]
fn problems_read_in_both_languages() {
    for case in CASES {
        for problem in problems_of(case.file) {
            let (zh, en) = (problem.line(Lang::Zh), problem.line(Lang::En));
            assert!(zh.starts_with(&problem.path) && en.starts_with(&problem.path));
            assert_ne!(
                zh, en,
                "{}: the Chinese message is the English one",
                case.file
            );
            assert!(
                !zh.contains('\n') && !en.contains('\n'),
                "one problem, one line: {en}"
            );
        }
    }
}
