//! The `tscheck` command line, run as a process: exit codes, one problem a line naming the file
//! and the JSON path, and the text and JSON reports.

use crate::bank_validation::CASES;
use crate::util::{mini_bank, read_test_file};
use serde_json::{json, Value};
use std::process::{Command, Output};
use tscheck::answers_file;
use tscheck::bank::Bank;
use tscheck::lang::Lang;
use tscheck::report;
use tscheck::report_text::to_text;

const MINI: &str = "tests/fixtures/mini-bank.json";
const ANSWERS: &str = "tests/fixtures/answers/mini-answers.json";
const PREVIOUS: &str = "tests/fixtures/answers/mini-previous.json";

/// Runs `tscheck` from the crate root, so file names in its output are the relative paths given.
fn tscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tscheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("tscheck runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

#[track_caller]
fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

#[test]
fn check_accepts_valid_banks() {
    let out = tscheck(&["check", MINI, "assets/bank/bank.json"]);
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.starts_with(&format!("{MINI}: ok"))),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("assets/bank/bank.json: ok")),
        "{text}"
    );
}

#[test]
fn check_lists_every_problem_of_every_file_one_a_line() {
    let files: Vec<String> = CASES
        .iter()
        .map(|c| format!("tests/fixtures/broken/{}.json", c.file))
        .collect();
    let mut args = vec!["check", MINI];
    args.extend(files.iter().map(String::as_str));
    let out = tscheck(&args);
    assert_exit(&out, 1);
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.starts_with(&format!("{MINI}: ok"))),
        "a valid file among broken ones is still ok"
    );
    for (case, file) in CASES.iter().zip(&files) {
        let prefix = format!("{file}: {}: ", case.path);
        assert!(
            text.lines().any(|l| l.starts_with(&prefix)),
            "no line starts with {prefix:?} in:\n{text}"
        );
    }
    // One line per problem, and nothing else but the two lines ("ok" and its counts) of the valid file.
    let problems: usize = CASES
        .iter()
        .map(|c| {
            Bank::from_json(&read_test_file(&format!("fixtures/broken/{}.json", c.file)))
                .unwrap_err()
                .len()
        })
        .sum();
    assert_eq!(text.lines().count(), problems + 2, "{text}");
    assert!(
        text.contains(
            "mini-bank.json: questions per module: general 5, bio 1; critical questions: 1"
        ),
        "{text}"
    );
}

#[test]
fn check_reports_a_file_it_cannot_read() {
    let out = tscheck(&["check", "tests/fixtures/no-such-bank.json"]);
    assert_exit(&out, 1);
    assert!(stdout(&out).contains("tests/fixtures/no-such-bank.json"));
}

#[test]
fn score_prints_the_text_report_in_chinese_by_default() {
    let out = tscheck(&["score", MINI, ANSWERS]);
    assert_exit(&out, 0);
    let bank = mini_bank();
    let file =
        answers_file::decode(&read_test_file("fixtures/answers/mini-answers.json"), &bank).unwrap();
    let built = report::build(
        &bank,
        &file.profile,
        &file.answers,
        &Default::default(),
        file.saved_at.as_deref(),
        None,
    );
    assert_eq!(stdout(&out), to_text(&built, Lang::Zh));
    let en = tscheck(&["score", MINI, ANSWERS, "--lang", "en"]);
    assert_exit(&en, 0);
    assert_eq!(stdout(&en), to_text(&built, Lang::En));
    assert!(stdout(&en).contains("Do a1"));
}

#[test]
fn score_as_json_gives_the_numbers_of_the_report() {
    let out = tscheck(&["score", "--format", "json", MINI, ANSWERS]);
    assert_exit(&out, 0);
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON on stdout");
    // Worked out by hand in report_golden::the_fixed_answers_score_as_worked_out_by_hand.
    assert_eq!(report["overall"], json!(83));
    assert_eq!(report["level"], json!(2));
    let dimensions: Vec<(Value, Value)> = report["dimensions"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| (d["id"].clone(), d["score"].clone()))
        .collect();
    assert_eq!(
        dimensions,
        [(json!("alpha"), json!(75)), (json!("beta"), json!(100))]
    );
    assert_eq!(report["red_flags"], json!(["a1"]));
    assert_eq!(report["actions"], json!(["a1", "a3"]));
}

#[test]
fn score_shows_the_plan_and_where_it_leads() {
    let planned = "tests/fixtures/answers/mini-planned.json";
    let out = tscheck(&["score", "--format", "json", MINI, planned]);
    assert_exit(&out, 0);
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON on stdout");
    let plan: Vec<(Value, Value)> = report["plan"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| (a["id"].clone(), a["step"].clone()))
        .collect();
    assert_eq!(
        plan,
        [(json!("a1"), json!("12m")), (json!("a3"), json!("3m"))]
    );
    // After 3 months a3 is done: every counted question is at full marks, but a1, the red
    // flag, is planned for 12 months, so the level stays capped at 2 until then.
    assert_eq!(report["projected"]["3m"]["overall"], json!(100));
    assert_eq!(report["projected"]["3m"]["level"], json!(2));
    assert_eq!(report["projected"]["12m"]["overall"], json!(100));
    assert_eq!(report["projected"]["12m"]["level"], json!(5));
    let text = stdout(&tscheck(&["score", "--lang", "en", MINI, planned]));
    assert!(text.contains("After the actions planned within 3 months (1): Projected 100, level 2"));
    assert!(
        text.contains("- [a1] Do a1 | Trade secret officer"),
        "{text}"
    );
}

#[test]
fn score_mentions_ignored_answers_but_still_scores() {
    let out = tscheck(&["score", MINI, PREVIOUS, "--format", "json", "--lang", "en"]);
    assert_exit(&out, 0);
    assert!(
        stderr(&out).contains(&format!("{PREVIOUS}: $.answers.retired-question: ")),
        "{}",
        stderr(&out)
    );
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["overall"], json!(25));
}

#[test]
fn score_refuses_an_invalid_bank_with_its_problems() {
    let bank = "tests/fixtures/broken/several-problems.json";
    let out = tscheck(&["score", bank, ANSWERS, "--lang", "en"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{bank}: $.dimensions[0].weight: ")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{bank}: $.services[0].url: ")),
        "{err}"
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn score_refuses_a_file_that_is_not_an_answers_file() {
    let out = tscheck(&["score", MINI, MINI, "--lang", "en"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{MINI}: $.format: ")) && err.contains("tscheck-answers"),
        "{err}"
    );
}

#[test]
fn score_refuses_answers_made_for_another_bank() {
    let other =
        std::env::temp_dir().join(format!("tscheck-other-bank-{}.json", std::process::id()));
    let mut file: Value =
        serde_json::from_slice(&read_test_file("fixtures/answers/mini-answers.json")).unwrap();
    file["bank"]["id"] = json!("another-bank");
    std::fs::write(&other, file.to_string()).unwrap();
    let out = tscheck(&["score", MINI, other.to_str().unwrap(), "--lang", "en"]);
    let _ = std::fs::remove_file(&other);
    assert_exit(&out, 1);
    assert!(stderr(&out).contains("another-bank"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_with_2_and_show_the_usage() {
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["check"],
        vec!["score", MINI],
        vec!["score", MINI, ANSWERS, "extra.json"],
        vec!["score", MINI, ANSWERS, "--format", "xml"],
        vec!["score", MINI, ANSWERS, "--format"],
        vec!["score", MINI, ANSWERS, "--lang", "fr"],
        vec!["score", MINI, ANSWERS, "--verbose"],
    ] {
        let out = tscheck(&args);
        assert_exit(&out, 2);
        assert!(
            stderr(&out).contains("usage:"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
}

#[test]
fn help_shows_the_usage_and_succeeds() {
    let out = tscheck(&["--help"]);
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("tscheck score BANK ANSWERS"));
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    // `tscheck score … | head -1`: the pipe closes before the report is written. The report of
    // the bundled bank is tens of kilobytes, so writing it meets the closed pipe.
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_tscheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "score",
            "assets/bank/bank.json",
            "tests/fixtures/answers/bank-2026.11.1-biomedical.json",
            "--lang",
            "en",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "a closed pipe is not an error: {:?}",
        out.status
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr, "", "nothing on stderr");
}

#[test]
fn the_same_files_give_byte_identical_output_in_every_run() {
    // Two separate runs (a hash map's order, a clock or an address would differ between
    // processes): the report a user prints, the numbers a script reads and the problem list
    // an editor works through come out the same.
    let bio = "tests/fixtures/answers/bank-2026.11.1-biomedical.json";
    let broken = "tests/fixtures/broken/several-problems.json";
    for args in [
        vec!["score", "assets/bank/bank.json", bio],
        vec!["score", "--format", "json", "assets/bank/bank.json", bio],
        vec!["check", broken, MINI],
    ] {
        let (first, second) = (tscheck(&args), tscheck(&args));
        assert!(!stdout(&first).is_empty(), "{args:?} printed something");
        assert_eq!(
            (first.status.code(), stdout(&first), stderr(&first)),
            (second.status.code(), stdout(&second), stderr(&second)),
            "{args:?}"
        );
    }
}
