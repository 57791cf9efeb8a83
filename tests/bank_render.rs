//! The review document (`tscheck render`): every question, both languages, conditions in words,
//! and bank text always escaped.

use crate::util::{mini_bank, mini_bank_with, question_json, tscheck_output as tscheck};
use serde_json::json;
use tscheck::bank::render::{escape_html, render, Format, Langs};
use tscheck::bank::review::{condition_in_words, review};
use tscheck::lang::Lang;

const MINI: &str = "tests/fixtures/mini-bank.json";

#[test]
fn the_review_groups_every_question_by_module_and_dimension() {
    let doc = review(&mini_bank());
    let grouped: Vec<(String, String, Vec<String>)> = doc
        .modules
        .iter()
        .flat_map(|m| {
            m.dimensions.iter().map(|d| {
                let ids = d.questions.iter().map(|q| q.id.clone()).collect();
                (m.id.clone(), d.id.clone(), ids)
            })
        })
        .collect();
    let expected = [
        ("general", "alpha", vec!["a1", "a2", "a3"]),
        ("general", "beta", vec!["b1", "b2"]),
        ("bio", "beta", vec!["b3"]),
    ];
    let expected: Vec<(String, String, Vec<String>)> = expected
        .iter()
        .map(|(m, d, q)| {
            (
                m.to_string(),
                d.to_string(),
                q.iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(grouped, expected);
    assert_eq!(doc.coverage.critical_questions, 1);
    assert_eq!(doc.coverage.measures, vec![1]);
}

#[test]
fn markdown_in_both_languages_shows_every_text_and_fact() {
    let md = render(&mini_bank(), Format::Markdown, Langs::Both);
    for needle in [
        "# 迷你题库 · Mini bank",
        "## 模块 / Module: 生物 · Bio (`bio`)",
        "*显示条件：行业为生物医药 / Shown when industry is Biomedical*",
        "#### `a1` 题目a1简称 · Short a1 (司法解释列举的保密措施 / Measure listed in SPC Art. 6)",
        "题目a1  \nQuestion a1  \n",
        "- 权重 2 / weight 2",
        "Measure listed in SPC Art. 6: SPC Provisions (2020) Art. 6(1); a red flag below 0.5",
        "- 负责角色：保密管理人员 / Owner: Trade secret officer",
        "| `some` | 部分 | Some | 0.5 |",
        "显示条件：题目 b1 的回答为“部分”或“全部” / Shown when question b1 is answered “Some” or “All”",
        "**建议 / Recommendation**  \n建议a1  \nDo a1",
        "- 法释〔2020〕7号 第六条 / SPC Provisions (2020), Art. 6",
    ] {
        assert!(md.contains(needle), "missing {needle:?} in\n{md}");
    }
    for id in ["a1", "a2", "a3", "b1", "b2", "b3"] {
        assert!(md.contains(&format!("#### `{id}`")), "{id}");
    }
}

#[test]
fn one_language_leaves_the_other_out() {
    let zh = render(&mini_bank(), Format::Markdown, Langs::One(Lang::Zh));
    assert!(zh.contains("题目a1") && zh.contains("显示条件：行业为生物医药"));
    assert!(
        !zh.contains("Question a1") && !zh.contains("Shown when"),
        "{zh}"
    );
    let en = render(&mini_bank(), Format::Html, Langs::One(Lang::En));
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("Question a1") && en.contains("Shown when industry is Biomedical"));
    assert!(!en.contains("题目a1"), "{en}");
}

#[test]
fn conditions_read_as_words_in_both_languages() {
    let bank = mini_bank_with(|b| {
        question_json(b, "a2")["show_if"] = json!({
            "all": [
                { "industry": ["biomedical", "low-altitude"] },
                { "any": [{ "cross_border": true }, { "partners": false }] }
            ]
        });
    });
    let q = bank.question("a2").expect("a2");
    let c = q.show_if.as_ref().expect("a condition");
    assert_eq!(
        condition_in_words(&bank, c, Lang::Zh),
        "行业为生物医药或低空经济（无人机、eVTOL、飞控、运营）且（有境外业务、员工或合作方或不与外部合作方共享信息）"
    );
    assert_eq!(
        condition_in_words(&bank, c, Lang::En),
        "industry is Biomedical or Low-altitude economy (drones, eVTOL, flight control, operations) and \
         (the enterprise has overseas business, staff or partners or the enterprise shares no information with external partners)"
    );
}

#[test]
fn bank_text_is_escaped_in_html_and_markdown() {
    let hostile = "<script>alert(1)</script> & \"q\" 'x' | y";
    let bank = mini_bank_with(|b| {
        question_json(b, "a1")["text"]["en"] = json!(hostile);
        question_json(b, "a1")["options"][0]["text"]["zh"] = json!(hostile);
    });
    let html = render(&bank, Format::Html, Langs::Both);
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains(&escape_html(hostile)));
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;x&#39; | y")
    );
    let md = render(&bank, Format::Markdown, Langs::Both);
    assert!(!md.contains("<script>"), "{md}");
    // In a table cell the bar is escaped too, so it cannot split the row.
    assert!(
        md.contains("| `none` | &lt;script>alert(1)&lt;/script> & \"q\" 'x' \\| y | None | 0 |"),
        "{md}"
    );
}

#[test]
fn the_html_document_is_whole_and_printable() {
    let html = render(&mini_bank(), Format::Html, Langs::Both);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("@page{size:A4"));
    assert!(html.contains("<span lang=\"zh-CN\">题目a1</span><span lang=\"en\">Question a1</span>"));
    assert_eq!(html.matches("<article ").count(), 6);
}

#[test]
fn cli_render_exit_codes_and_formats() {
    let (code, md, _) = tscheck(&["render", MINI]);
    assert_eq!(code, Some(0));
    assert!(md.starts_with("# 迷你题库 · Mini bank"), "{md}");
    let (code, html, _) = tscheck(&["render", MINI, "--format", "html", "--lang", "en"]);
    assert_eq!(code, Some(0));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Question b3"));
    assert!(!html.contains("题目b3"));
    let (code, _, err) = tscheck(&["render", "tests/fixtures/broken/several-problems.json"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("tests/fixtures/broken/several-problems.json: $."),
        "{err}"
    );
    for usage in [
        vec!["render"],
        vec!["render", MINI, "--lang", "fr"],
        vec!["render", MINI, "--format", "pdf"],
        vec!["render", MINI, MINI],
        vec!["render", MINI, "--colour", "red"],
    ] {
        let (code, _, err) = tscheck(&usage);
        assert_eq!(code, Some(2), "{usage:?}");
        assert!(err.contains("usage:"), "{err}");
    }
}

#[test]
fn the_bundled_bank_renders_every_question() {
    let bank = tscheck::bank::Bank::bundled().expect("the bundled bank is valid");
    let md = render(&bank, Format::Markdown, Langs::Both);
    for q in bank.questions() {
        assert!(md.contains(&format!("#### `{}`", q.id)), "{}", q.id);
    }
    // The AI and robotics module's condition reads in words like every other.
    assert!(md.contains(
        "或开发或训练人工智能模型或算法 / Shown when industry is AI and robotics (models, algorithms, embodied robots) or the enterprise develops or trains AI models or algorithms"
    ), "the ai_models condition in words");
}
