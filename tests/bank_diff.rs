//! `tscheck diff` and the pure diff: questions added, removed and changed by id, each changed
//! field named, and the exit codes 0 (same), 1 (different), 2 (usage or invalid bank).

use crate::util::{
    mini_bank, mini_bank_with, question_json, tscheck_output as tscheck, MINI_BANK_JSON,
};
use serde_json::{json, Value};
use std::path::PathBuf;
use tscheck::bank::diff::{diff, FieldChange};

const MINI: &str = "tests/fixtures/mini-bank.json";

fn field(name: &str, old: Option<&str>, new: Option<&str>) -> FieldChange {
    FieldChange {
        field: name.to_string(),
        old: old.map(str::to_string),
        new: new.map(str::to_string),
    }
}

/// The changed fields of one question after an edit of the mini bank.
fn changed_fields(id: &str, edit: impl FnOnce(&mut Value)) -> Vec<FieldChange> {
    let d = diff(&mini_bank(), &mini_bank_with(edit));
    assert!(d.added.is_empty() && d.removed.is_empty(), "{d:?}");
    assert_eq!(d.changed.len(), 1, "{d:?}");
    assert_eq!(d.changed[0].id, id);
    d.changed[0].fields.clone()
}

#[test]
fn a_bank_is_the_same_as_itself_and_the_version_is_not_content() {
    let d = diff(&mini_bank(), &mini_bank());
    assert!(d.is_empty(), "{d:?}");
    let bumped = mini_bank_with(|b| b["version"] = json!("2.0"));
    let d = diff(&mini_bank(), &bumped);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(d.to_text(), "old: mini 1.0\nnew: mini 2.0\nsame content\n");
}

#[test]
fn each_question_field_is_named_with_old_and_new_value() {
    assert_eq!(
        changed_fields("a1", |b| question_json(b, "a1")["text"]["en"] =
            json!("Question A1")),
        vec![field(
            "text",
            Some("题目a1 | Question a1"),
            Some("题目a1 | Question A1")
        )]
    );
    assert_eq!(
        changed_fields("a1", |b| question_json(b, "a1")["options"][1]["score"] =
            json!(0.4)),
        vec![field("options[some].score", Some("0.5"), Some("0.4"))]
    );
    assert_eq!(
        changed_fields("a1", |b| question_json(b, "a1")["weight"] = json!(3)),
        vec![field("weight", Some("2"), Some("3"))]
    );
    assert_eq!(
        changed_fields("a1", |b| question_json(b, "a1")["critical"]["threshold"] =
            json!(0.75)),
        vec![field(
            "critical",
            Some("measure 1, threshold 0.5"),
            Some("measure 1, threshold 0.75")
        )]
    );
    assert_eq!(
        changed_fields("a1", |b| {
            question_json(b, "a1")
                .as_object_mut()
                .expect("object")
                .remove("critical");
        }),
        vec![field("critical", Some("measure 1, threshold 0.5"), None)]
    );
    assert_eq!(
        changed_fields("a1", |b| question_json(b, "a1")["owner"] = json!("it")),
        vec![field("owner", Some("officer"), Some("it"))]
    );
    assert_eq!(
        changed_fields("a1", |b| question_json(b, "a1")["title"]["zh"] =
            json!("简称")),
        vec![field(
            "title",
            Some("题目a1简称 | Short a1"),
            Some("简称 | Short a1")
        )]
    );
    assert_eq!(
        changed_fields("a1", |b| {
            question_json(b, "a1")["references"][0]["text"]["en"] = json!("AUCL Art. 9")
        }),
        vec![field(
            "references",
            Some("law: 法释〔2020〕7号 第六条 | SPC Provisions (2020), Art. 6"),
            Some("law: 法释〔2020〕7号 第六条 | AUCL Art. 9")
        )]
    );
    assert_eq!(
        changed_fields("b2", |b| {
            question_json(b, "b2")["show_if"]["answer"]["any_of"] = json!(["full"])
        }),
        vec![field(
            "show_if",
            Some("question b1 is answered \u{201c}Some\u{201d} or \u{201c}All\u{201d}"),
            Some("question b1 is answered \u{201c}All\u{201d}")
        )]
    );
    assert_eq!(
        changed_fields("a2", |b| question_json(b, "a2")["show_if"] =
            json!({ "cross_border": true })),
        vec![field(
            "show_if",
            None,
            Some("the enterprise has overseas business, staff or partners")
        )]
    );
}

#[test]
fn options_added_removed_and_reordered() {
    let fields = changed_fields("a3", |b| {
        let options = question_json(b, "a3")["options"]
            .as_array_mut()
            .expect("options");
        let mut added = options[0].clone();
        added["id"] = json!("z");
        options.push(added);
    });
    assert_eq!(
        fields,
        vec![field("options[z]", None, Some("甲项 | X (weight 1)"))]
    );
    let fields = changed_fields("b3", |b| {
        question_json(b, "b3")["options"]
            .as_array_mut()
            .expect("options")
            .remove(1);
    });
    assert_eq!(
        fields,
        vec![field("options[some]", Some("部分 | Some"), None)]
    );
    let fields = changed_fields("a3", |b| {
        question_json(b, "a3")["options"]
            .as_array_mut()
            .expect("options")
            .swap(0, 1);
    });
    assert_eq!(
        fields,
        vec![field("options (order)", Some("x, y"), Some("y, x"))]
    );
}

/// The evidence index reads b3; before b3 is removed, its record must read another question.
fn repoint_b3_evidence(bank: &mut Value) {
    for measure in bank["evidence"].as_array_mut().expect("evidence") {
        for record in measure["records"].as_array_mut().expect("records") {
            if record["have_if"]["answer"]["question"] == "b3" {
                record["have_if"]["answer"]["question"] = json!("b1");
            }
        }
    }
}

#[test]
fn questions_added_and_removed_by_id() {
    let edited = mini_bank_with(|b| {
        let mut copy = question_json(b, "a2").clone();
        copy["id"] = json!("a4");
        let questions = b["questions"].as_array_mut().expect("questions");
        questions.retain(|q| q["id"] != "b3");
        questions.push(copy);
        repoint_b3_evidence(b);
    });
    let d = diff(&mini_bank(), &edited);
    assert_eq!(d.added, ["a4"]);
    assert_eq!(d.removed, ["b3"]);
    assert!(d.changed.is_empty(), "{d:?}");
    assert!(d
        .to_text()
        .contains("added question a4\nremoved question b3\n"));
}

#[test]
fn dimensions_and_modules_are_compared_too() {
    let edited = mini_bank_with(|b| {
        b["dimensions"][1]["weight"] = json!(3);
        b["modules"][1]["show_if"] = json!({ "industry": ["biomedical", "low-altitude"] });
    });
    let d = diff(&mini_bank(), &edited);
    assert!(d.changed.is_empty() && d.added.is_empty() && d.removed.is_empty());
    let lines: Vec<String> = d
        .other
        .iter()
        .map(|o| format!("{} {} {}: {:?}", o.change, o.what, o.id, o.fields))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("changed dimension beta") && lines[0].contains("\"weight\""));
    assert!(lines[1].starts_with("changed module bio") && lines[1].contains("Low-altitude"));
}

fn write_copy(name: &str, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut value: Value = serde_json::from_str(MINI_BANK_JSON).expect("JSON");
    edit(&mut value);
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("diff-{name}.json"));
    std::fs::write(&path, value.to_string()).expect("written");
    path
}

#[test]
fn cli_diff_exit_codes_and_json() {
    let same = write_copy("same", |b| b["version"] = json!("1.1"));
    let changed = write_copy("changed", |b| {
        question_json(b, "a1")["weight"] = json!(5);
        b["questions"]
            .as_array_mut()
            .expect("questions")
            .retain(|q| q["id"] != "b3");
        repoint_b3_evidence(b);
    });
    let (code, out, _) = tscheck(&["diff", MINI, same.to_str().expect("path")]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("same content"));

    let (code, out, _) = tscheck(&["diff", MINI, changed.to_str().expect("path")]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("removed question b3\nchanged question a1\n  weight: 2 -> 5\n"),
        "{out}"
    );

    let (code, out, _) = tscheck(&[
        "diff",
        MINI,
        changed.to_str().expect("path"),
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(1));
    let v: Value = serde_json::from_str(&out).expect("JSON output");
    assert_eq!(v["same"], json!(false));
    assert_eq!(v["removed"], json!(["b3"]));
    assert_eq!(v["changed"][0]["id"], json!("a1"));
    assert_eq!(
        v["changed"][0]["fields"][0],
        json!({ "field": "weight", "old": "2", "new": "5" })
    );

    let broken = "tests/fixtures/broken/several-problems.json";
    let (code, _, err) = tscheck(&["diff", broken, MINI]);
    assert_eq!(code, Some(2));
    assert!(err.contains(&format!("{broken}: $.")), "{err}");
    for usage in [
        vec!["diff", MINI],
        vec!["diff", MINI, MINI, MINI],
        vec!["diff", MINI, MINI, "--format", "yaml"],
        vec!["diff", MINI, "no-such-file.json"],
    ] {
        let (code, _, err) = tscheck(&usage);
        assert_eq!(code, Some(2), "{usage:?}: {err}");
    }
}
