//! Conditions: `show_if` of modules and questions (gates) and `have_if` of evidence records.
//! An answer condition must be monotone (a stronger answer never switches it off), which is
//! what makes "a better answer never lowers a score" true.

use super::{reference_to, Ids};
use crate::condition::Condition;
use crate::json_read::{child, index, Reader};
use crate::problem::ProblemKind;
use crate::profile::{Industry, Size, Stage};
use serde_json::{Map, Value};

/// `Some(None)` when absent, `Some(Some(c))` when valid, `None` when invalid (problem recorded).
pub(super) fn optional_condition(
    r: &mut Reader,
    map: &Map<String, Value>,
    path: &str,
    ids: &Ids,
    questions: Option<&Vec<Value>>,
) -> Option<Option<Condition>> {
    match map.get("show_if") {
        None => Some(None),
        Some(v) => {
            read_condition(r, v, &child(path, "show_if"), ids, questions, false, true).map(Some)
        }
    }
}

const CONDITION_KEYS: &[&str] = &[
    "industry",
    "size",
    "stage",
    "cross_border",
    "partners",
    "ai_models",
    "answer",
    "all",
    "any",
    "not",
];

pub(super) fn read_condition(
    r: &mut Reader,
    value: &Value,
    path: &str,
    ids: &Ids,
    questions: Option<&Vec<Value>>,
    under_not: bool,
    gate: bool,
) -> Option<Condition> {
    let map = r.object(value, path)?;
    if map.len() != 1 {
        r.report(
            path,
            ProblemKind::UnknownField {
                allowed: CONDITION_KEYS.to_vec(),
            },
        );
        return None;
    }
    let (key, inner) = map.iter().next()?;
    let p = child(path, key);
    match key.as_str() {
        "industry" => {
            codes(r, inner, &p, Industry::CODES, Industry::from_code).map(Condition::Industry)
        }
        "size" => codes(r, inner, &p, Size::CODES, Size::from_code).map(Condition::Size),
        "stage" => codes(r, inner, &p, Stage::CODES, Stage::from_code).map(Condition::Stage),
        "cross_border" => r.boolean(inner, &p).map(Condition::CrossBorder),
        "partners" => r.boolean(inner, &p).map(Condition::Partners),
        "ai_models" => r.boolean(inner, &p).map(Condition::AiModels),
        "all" | "any" => {
            let items = r.array(inner, &p)?;
            if items.is_empty() {
                r.report(&p, ProblemKind::Missing);
                return None;
            }
            let parts: Vec<_> = items
                .iter()
                .enumerate()
                .map(|(i, c)| read_condition(r, c, &index(&p, i), ids, questions, under_not, gate))
                .collect();
            let parts: Option<Vec<_>> = parts.into_iter().collect();
            parts.map(|parts| {
                if key == "all" {
                    Condition::All(parts)
                } else {
                    Condition::Any(parts)
                }
            })
        }
        "not" => read_condition(r, inner, &p, ids, questions, true, gate)
            .map(|c| Condition::Not(Box::new(c))),
        "answer" => read_answer_condition(r, inner, &p, ids, questions, under_not, gate),
        _ => {
            r.report(
                p,
                ProblemKind::UnknownField {
                    allowed: CONDITION_KEYS.to_vec(),
                },
            );
            None
        }
    }
}

fn codes<T>(
    r: &mut Reader,
    value: &Value,
    path: &str,
    allowed: &[&str],
    parse: fn(&str) -> Option<T>,
) -> Option<Vec<T>> {
    let items = r.array(value, path)?;
    if items.is_empty() {
        r.report(path, ProblemKind::Missing);
        return None;
    }
    let parsed: Vec<Option<T>> = items
        .iter()
        .enumerate()
        .map(|(i, v)| r.choice(v, &index(path, i), allowed).and_then(parse))
        .collect();
    parsed.into_iter().collect()
}

fn read_answer_condition(
    r: &mut Reader,
    value: &Value,
    path: &str,
    ids: &Ids,
    questions: Option<&Vec<Value>>,
    under_not: bool,
    // A gate decides visibility (`show_if`); an evidence condition only reads answers.
    gate: bool,
) -> Option<Condition> {
    let map = r.object(value, path)?;
    r.known_fields(map, path, &["question", "any_of"]);
    let question = r
        .required(map, path, "question")
        .and_then(|v| reference_to(r, v, &child(path, "question"), "question", &ids.questions))?;
    let any_of_path = child(path, "any_of");
    let items = r
        .required(map, path, "any_of")
        .and_then(|v| r.array(v, &any_of_path))?;
    let any_of: Option<Vec<String>> = items
        .iter()
        .enumerate()
        .map(|(i, v)| r.string(v, &index(&any_of_path, i)).map(str::to_string))
        .collect();
    let any_of = any_of?;
    if any_of.is_empty() {
        r.report(&any_of_path, ProblemKind::Missing);
        return None;
    }
    if under_not {
        r.report(path, ProblemKind::AnswerConditionNotMonotone);
        return None;
    }
    // Check the options against the raw target question: it may not be read yet.
    let target = questions.and_then(|qs| qs.get(question))?;
    let options: Vec<(String, Option<f64>)> = target
        .get("options")
        .and_then(Value::as_array)
        .map(|opts| {
            opts.iter()
                .filter_map(|o| {
                    Some((
                        o.get("id")?.as_str()?.to_string(),
                        o.get("score").and_then(Value::as_f64),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut ok = true;
    for (i, option) in any_of.iter().enumerate() {
        if !options.iter().any(|(id, _)| id == option) {
            r.report(
                index(&any_of_path, i),
                ProblemKind::UnknownReference {
                    what: "option",
                    id: option.clone(),
                },
            );
            ok = false;
        }
    }
    if gate && target.get("not_applicable") == Some(&Value::Bool(true)) {
        r.report(
            child(path, "question"),
            ProblemKind::GateAllowsNotApplicable,
        );
        ok = false;
    }
    let is_single = target.get("kind").and_then(Value::as_str) == Some("single");
    if ok && is_single {
        let weakest = options
            .iter()
            .filter(|(id, _)| any_of.contains(id))
            .filter_map(|(_, s)| *s)
            .fold(f64::INFINITY, f64::min);
        let upward_closed = options
            .iter()
            .all(|(id, score)| score.is_none_or(|s| s < weakest) || any_of.contains(id));
        if !upward_closed {
            r.report(path, ProblemKind::AnswerConditionNotMonotone);
            ok = false;
        }
    }
    ok.then_some(Condition::Answer { question, any_of })
}
