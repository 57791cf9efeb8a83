//! The text report for fixed answers, compared line by line with golden files in
//! `tests/golden/`. A missing golden file is written on the first run; `UPDATE_GOLDEN=1 cargo
//! test` rewrites them all after an intended change (read the diff before committing it).

use crate::util::{mini_bank, read_test_file, test_path};
use tscheck::answers_file::{self, AnswersFile};
use tscheck::bank::Bank;
use tscheck::lang::Lang;
use tscheck::report::{self, FindingState, Report};
use tscheck::report_text::to_text;
use tscheck::score::Band;

fn load(bank: &Bank, name: &str) -> AnswersFile {
    answers_file::decode(&read_test_file(&format!("fixtures/answers/{name}")), bank)
        .expect("a valid answers file")
}

fn mini_report(compared: bool) -> Report {
    let bank = mini_bank();
    let now = load(&bank, "mini-answers.json");
    let previous = compared.then(|| load(&bank, "mini-previous.json"));
    report::build(
        &bank,
        &now.profile,
        &now.answers,
        &Default::default(),
        now.saved_at.as_deref(),
        previous.as_ref(),
    )
}

/// Compares `actual` with the golden file `name`, writing it when missing or when
/// UPDATE_GOLDEN=1.
#[track_caller]
fn check_golden(name: &str, actual: &str) {
    let path = test_path(&format!("golden/{name}"));
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    match std::fs::read_to_string(&path) {
        Ok(expected) if !update => {
            if expected != actual {
                panic!(
                    "\n{} differs from the golden file (- golden, + now):\n{}\n\
                     If the change is intended, run `UPDATE_GOLDEN=1 cargo test` and review the diff.\n",
                    path.display(),
                    line_diff(&expected, actual)
                );
            }
        }
        Ok(_) | Err(_) => {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, actual)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            eprintln!("wrote golden file {}", path.display());
        }
    }
}

/// A unified-style line diff (longest common subsequence) with line numbers of the golden file.
fn line_diff(expected: &str, actual: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(format!("{:>4} - {}", i + 1, a[i]));
            i += 1;
        } else {
            out.push(format!("{:>4} + {}", i + 1, b[j]));
            j += 1;
        }
    }
    if out.is_empty() {
        out.push(
            "(the lines are equal; the difference is in line endings or the final newline)".into(),
        );
    }
    out.join("\n")
}

#[test]
fn the_mini_report_in_chinese_matches_its_golden_file() {
    check_golden(
        "report-mini-zh.txt",
        &to_text(&mini_report(false), Lang::Zh),
    );
}

#[test]
fn the_mini_report_in_english_matches_its_golden_file() {
    check_golden(
        "report-mini-en.txt",
        &to_text(&mini_report(false), Lang::En),
    );
}

#[test]
fn the_mini_report_compared_with_a_previous_check_matches_its_golden_files() {
    let report = mini_report(true);
    check_golden("report-mini-compared-zh.txt", &to_text(&report, Lang::Zh));
    check_golden("report-mini-compared-en.txt", &to_text(&report, Lang::En));
}

#[test]
fn the_fixed_answers_score_as_worked_out_by_hand() {
    // Biomedical, so b3 is shown (and left unanswered). a1 is critical and unanswered.
    // alpha: a1 unanswered, a2 n/a, a3 ticks y (weight 3 of 4) → 75, medium risk (50 ≤ 75 < 80).
    // beta: b1 full, b2 full → 100, low risk. Overall (2·75 + 1·100) / 3 = 83.3 → 83: level 4
    // by the table (75 ≤ 83 < 90), capped to 2 by the red flag on a1.
    let r = mini_report(false);
    assert_eq!((r.overall, r.level), (83, 2));
    assert_eq!(r.capped_from.as_ref().map(|(level, _)| *level), Some(4));
    let dims: Vec<(&str, Option<u8>, Option<Band>)> = r
        .dimensions
        .iter()
        .map(|d| (d.id.as_str(), d.score, d.band))
        .collect();
    assert_eq!(
        dims,
        [
            ("alpha", Some(75), Some(Band::Medium)),
            ("beta", Some(100), Some(Band::Low))
        ]
    );
    let flags: Vec<(&str, bool)> = r
        .red_flags
        .iter()
        .map(|f| (f.question_id.as_str(), f.unanswered))
        .collect();
    assert_eq!(flags, [("a1", true)]);
    // a1 first (red flag); then a3 (gap 0.25); full, n/a and unanswered non-critical need nothing.
    let actions: Vec<&str> = r.actions.iter().map(|a| a.question_id.as_str()).collect();
    assert_eq!(actions, ["a1", "a3"]);
    // 4 of 6 shown questions answered (n/a counts as answered).
    assert_eq!((r.answered, r.visible, r.completeness), (4, 6, 66));
    let alpha = &r.dimensions[0];
    let states: Vec<FindingState> = alpha.findings.iter().map(|f| f.state).collect();
    assert_eq!(
        states,
        [
            FindingState::Unanswered,
            FindingState::NotApplicable,
            FindingState::Scored(75)
        ]
    );
    assert_eq!(r.org_name.as_deref(), Some("深圳示例科技有限公司"));
}

#[test]
fn the_comparison_shows_what_changed_since_the_previous_check() {
    // Previously: alpha (2·0.5 + 1·0 + 1·0) / 4 = 25, beta (0.5 + 0) / 2 = 25, overall 25, level 1.
    let c = mini_report(true).comparison.expect("a comparison");
    assert_eq!(
        (c.previous_overall, c.previous_level, c.overall_delta),
        (25, 1, 58)
    );
    assert_eq!(c.dimensions, [Some((25, 50)), Some((25, 75))]);
    let improved: Vec<&str> = c.improved.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        improved,
        ["a3", "b1", "b2"],
        "a1 and a2 are not scored now, so they are not compared"
    );
    assert!(c.regressed.is_empty());
    assert_eq!(
        c.ignored, 1,
        "the previous file answered a question this bank no longer has"
    );
    assert_eq!(c.previous_date.as_deref(), Some("2026-05-01"));
}

#[test]
fn the_report_text_names_the_bank_content_in_the_chosen_language() {
    let report = mini_report(false);
    let (zh, en) = (to_text(&report, Lang::Zh), to_text(&report, Lang::En));
    assert!(zh.contains("等级2说明") && zh.contains("建议a1") && !zh.contains("Do a1"));
    assert!(en.contains("Level 2 description") && en.contains("Do a1") && !en.contains("建议a1"));
    for text in [&zh, &en] {
        assert!(text.contains("[a1]") && text.contains("83"));
    }
}
