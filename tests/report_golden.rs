//! The text report for fixed answers, compared with golden files in `tests/golden/` through
//! `expect_file!`: `UPDATE_EXPECT=1 cargo test` rewrites them after an intended change (read
//! the diff before committing it).

use crate::util::{mini_bank, read_test_file};
use expect_test::expect_file;
use tscheck::answers_file::{self, AnswersFile};
use tscheck::bank::Bank;
use tscheck::lang::{Lang, Text};
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

#[test]
fn the_mini_report_in_chinese_matches_its_golden_file() {
    expect_file!["golden/report-mini-zh.txt"].assert_eq(&to_text(&mini_report(false), Lang::Zh));
}

#[test]
fn the_mini_report_in_english_matches_its_golden_file() {
    expect_file!["golden/report-mini-en.txt"].assert_eq(&to_text(&mini_report(false), Lang::En));
}

#[test]
fn the_mini_report_compared_with_a_previous_check_matches_its_golden_files() {
    let report = mini_report(true);
    expect_file!["golden/report-mini-compared-zh.txt"].assert_eq(&to_text(&report, Lang::Zh));
    expect_file!["golden/report-mini-compared-en.txt"].assert_eq(&to_text(&report, Lang::En));
}

#[test]
fn the_fixed_answers_score_as_worked_out_by_hand() {
    // Biomedical, so b3 is shown (and left unanswered). a1 is critical and unanswered.
    // alpha: a1 unanswered, a2 n/a, a3 ticks y (weight 3 of 4) → 75, medium risk (50 ≤ 75 < 80).
    // beta: b1 full, b2 full → 100, low risk. Overall (2·75 + 1·100) / 3 = 83.3 → 83: level 4
    // by the table (75 ≤ 83 < 90), capped to 2 by the red flag on a1.
    let r = mini_report(false);
    assert_eq!((r.overall, r.level), (83, 2));
    assert_eq!(r.capped_from.as_ref().map(|from| from.level), Some(4));
    let dims: Vec<(&str, Option<u8>, Option<Band>)> = r
        .dimensions
        .iter()
        .map(|d| (d.id.as_str(), d.score(), d.scored.as_ref().map(|s| s.band)))
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
    let states: Vec<&FindingState> = alpha.findings.iter().map(|f| &f.state).collect();
    assert_eq!(
        states,
        [
            &FindingState::Unanswered,
            &FindingState::NotApplicable,
            &FindingState::Scored {
                score: 75,
                answer: vec![Text {
                    zh: "乙项".into(),
                    en: "Y".into()
                }]
            }
        ]
    );
    assert_eq!(r.org_name.as_deref(), Some("深圳示例科技有限公司"));
}

#[test]
fn the_comparison_shows_what_changed_since_the_previous_check() {
    // Previously: alpha (2·0.5 + 1·0 + 1·0) / 4 = 25, beta (0.5 + 0) / 2 = 25, overall 25, level 1.
    let report = mini_report(true);
    let c = report.comparison.as_ref().expect("a comparison");
    assert_eq!(
        (c.previous_overall, c.previous_level, report.overall_delta()),
        (25, 1, Some(58))
    );
    let dimensions: Vec<_> = (report.dimensions.iter())
        .map(|d| d.scored.as_ref().map(|s| (s.previous, s.delta())))
        .collect();
    assert_eq!(
        dimensions,
        [Some((Some(25), Some(50))), Some((Some(25), Some(75)))]
    );
    let improved: Vec<&str> = c.improved.iter().map(|q| q.id.as_str()).collect();
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
    // The overall score and the red flag, each on its own line of the summary.
    let lines = |text: &str| text.lines().map(str::to_string).collect::<Vec<_>>();
    let (zh, en) = (lines(&zh), lines(&en));
    assert!(zh.contains(&"总分：83 / 100".to_string()), "{zh:#?}");
    assert!(
        en.contains(&"Overall score: 83 / 100".to_string()),
        "{en:#?}"
    );
    assert!(zh.contains(&"- [a1] 题目a1简称".to_string()), "{zh:#?}");
    assert!(en.contains(&"- [a1] Short a1".to_string()), "{en:#?}");
}

/// The `## ` headings of a text report, in order.
fn headings(text: &str) -> Vec<&str> {
    text.lines().filter_map(|l| l.strip_prefix("## ")).collect()
}

#[test]
fn the_text_report_shows_its_sections_in_the_order_of_the_report() {
    use tscheck::report::ReportSection;
    use tscheck::report_vocab::section_title;
    let bank = mini_bank();
    let now = load(&bank, "mini-answers.json");
    let nothing_to_do = report::build(
        &bank,
        &now.profile,
        &Default::default(),
        &Default::default(),
        None,
        None,
    );
    let with_actions = mini_report(false);
    let compared = mini_report(true);
    for (report, what) in [
        (&with_actions, "with actions"),
        (&compared, "compared"),
        (&nothing_to_do, "nothing answered"),
    ] {
        for lang in Lang::ALL {
            let titles: Vec<&str> = (report.sections().into_iter())
                .map(|s| section_title(s).get(lang))
                .collect();
            assert_eq!(headings(&to_text(report, lang)), titles, "{what}, {lang:?}");
        }
    }
    // Every section shows in a compared report with actions; the comparison only when compared.
    assert_eq!(compared.sections(), ReportSection::ALL);
    let mut without_comparison = ReportSection::ALL.to_vec();
    without_comparison.retain(|s| *s != ReportSection::Comparison);
    assert_eq!(with_actions.sections(), without_comparison);
}

#[test]
fn a_report_without_actions_leaves_out_the_plan_and_says_nothing_needs_doing() {
    use tscheck::report::ReportSection;
    let bank = mini_bank();
    // Every shown question at its strongest answer (b3 is biomedical only).
    let answers = tscheck::answers_file::decode(
        br#"{"format": "tscheck-answers", "version": 1, "bank": {"id": "mini", "version": "1.0"},
             "profile": {"industry": "general"},
             "answers": {"a1": "full", "a2": "full", "a3": ["x", "y"], "b1": "full", "b2": "full"}}"#,
        &bank,
    )
    .expect("a valid answers file");
    let r = report::build(
        &bank,
        &answers.profile,
        &answers.answers,
        &Default::default(),
        None,
        None,
    );
    assert!(r.actions.is_empty(), "{:?}", r.actions);
    assert!(!r.sections().contains(&ReportSection::Plan));
    let text = to_text(&r, Lang::En);
    assert_eq!(headings(&text)[2], "Priority action plan");
    assert!(text.lines().any(|l| l == "Nothing needs improvement."));
}

#[test]
fn the_method_shows_each_level_threshold_as_the_bank_defines_it() {
    let bank = crate::util::mini_bank_with(|b| b["scoring"]["levels"][2]["min"] = 62.5.into());
    let r = report::build(
        &bank,
        &Default::default(),
        &Default::default(),
        &Default::default(),
        None,
        None,
    );
    assert_eq!(r.levels[2].min, 62.5);
    let (zh, en) = (to_text(&r, Lang::Zh), to_text(&r, Lang::En));
    assert!(
        en.lines().any(|l| l == "- Level 3 Level 3: 62.5 and above"),
        "{en}"
    );
    assert!(
        zh.lines().any(|l| l == "- 第 3 级 等级3：62.5 分及以上"),
        "{zh}"
    );
    // A rounded score of 63 reaches it, 62 does not: the threshold is not rounded down.
    assert_eq!(tscheck::score::level_for(&bank, 63), 3);
    assert_eq!(tscheck::score::level_for(&bank, 62), 2);
}

#[test]
fn weights_show_as_people_read_them() {
    // The widget shows a third as 0.3333; the text report did print 0.3333333333333333.
    let bank = crate::util::mini_bank_with(|b| b["dimensions"][0]["weight"] = (1.0 / 3.0).into());
    let now = load(&bank, "mini-answers.json");
    let r = report::build(
        &bank,
        &now.profile,
        &now.answers,
        &Default::default(),
        None,
        None,
    );
    let text = to_text(&r, Lang::En);
    assert!(
        text.lines()
            .any(|l| l == "  Score: 75 · Medium risk; Weight: 0.3333; In 12 months: 100"),
        "{text}"
    );
}
