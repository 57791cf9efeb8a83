//! Reading and validating a bank from JSON: every problem is recorded with its path, and the
//! bank is returned only when there are none.
//!
//! The reading is split by the bank's seams: the parts around the questions (`structure`), the
//! evidence index (`evidence`), questions with their options and references (`question`),
//! `show_if` and `have_if` conditions (`condition`), and the checks that look across items
//! (`cross_checks`). This file holds the walk over the top level and the helpers they share.

mod condition;
mod cross_checks;
mod evidence;
mod question;
mod structure;

use super::*;
use crate::json_read::{child, index, parse, Reader};
use crate::problem::ProblemKind;
use cross_checks::{
    check_critical_follow_ups, check_cycles, check_evidence_measures, check_replaced_once,
    dimensions_without_questions,
};
use evidence::read_evidence_measure;
use question::read_question;
use serde_json::{Map, Value};
use std::collections::HashMap;
use structure::{read_dimension, read_module, read_role, read_scoring, read_service};

// `$schema` lets editors point their tools at assets/bank.schema.json; it is ignored here.
const TOP_FIELDS: &[&str] = &[
    "$schema",
    "format",
    "format_version",
    "id",
    "version",
    "title",
    "scoring",
    "modules",
    "dimensions",
    "questions",
    "services",
    "disclaimer",
    "roles",
    "evidence",
];

pub(super) fn read_bank(bytes: &[u8]) -> Result<Bank, Vec<Problem>> {
    let root = parse(bytes, BANK_MAX_BYTES).map_err(|p| vec![p])?;
    let mut r = Reader::default();
    let Some(map) = r.object(&root, "$") else {
        return Err(r.problems);
    };
    // A file of another kind (or a future version) would drown the editor in irrelevant
    // problems, so those two checks stop the reading early.
    if !BANK_DOCUMENT.check(&mut r, map) {
        return Err(r.problems);
    }
    r.known_fields(map, "$", TOP_FIELDS);

    let id = r.required_id(map, "$", "id");
    let version = r.required_string(map, "$", "version").map(str::to_string);
    if version.as_deref().is_some_and(|v| v.trim().is_empty()) {
        r.report("$.version", ProblemKind::Missing);
    }
    let title = r.required_text(map, "$", "title");
    let disclaimer = r.required_text(map, "$", "disclaimer");
    let scoring = r
        .required(map, "$", "scoring")
        .and_then(|v| read_scoring(&mut r, v, "$.scoring"));

    // Ids first, so references can point forwards as well as backwards.
    let ids = Ids {
        modules: collect_ids(&mut r, map, "modules"),
        dimensions: collect_ids(&mut r, map, "dimensions"),
        questions: collect_ids(&mut r, map, "questions"),
        roles: collect_ids(&mut r, map, "roles"),
    };
    let question_values = map.get("questions").and_then(Value::as_array);

    let modules = read_list(&mut r, map, "modules", |r, v, p| {
        read_module(r, v, p, &ids, question_values)
    });
    let dimensions = read_list(&mut r, map, "dimensions", read_dimension);
    let questions = read_list(&mut r, map, "questions", |r, v, p| {
        read_question(r, v, p, &ids, question_values)
    });
    let services = read_list(&mut r, map, "services", read_service);
    let roles = read_optional_list(&mut r, map, "roles", read_role);
    let evidence = read_optional_list(&mut r, map, "evidence", |r, v, p| {
        read_evidence_measure(r, v, p, &ids, question_values)
    });
    if let Some(Some(measures)) = map.get("evidence").map(Value::as_array) {
        check_evidence_measures(&mut r, measures);
    }

    if let Some(raw_questions) = question_values {
        dimensions_without_questions(&mut r, map.get("dimensions"), raw_questions, &ids);
        check_critical_follow_ups(&mut r, raw_questions, map.get("modules"), &ids);
        check_replaced_once(&mut r, raw_questions);
    }
    if let (Some(modules), Some(questions)) = (&modules, &questions) {
        // Condition indices point into the raw list; they match only if no item was left out.
        if question_values.is_some_and(|raw| raw.len() == questions.len()) {
            check_cycles(&mut r, modules, questions);
        }
    }

    match (
        (id, version, title, scoring, modules),
        (dimensions, questions, services, disclaimer),
        (roles, evidence),
    ) {
        (
            (Some(id), Some(version), Some(title), Some(scoring), Some(modules)),
            (Some(dimensions), Some(questions), Some(services), Some(disclaimer)),
            (Some(roles), Some(evidence)),
        ) if r.problems.is_empty() => Ok(Bank {
            id,
            version,
            title,
            scoring,
            modules,
            dimensions,
            questions,
            services,
            disclaimer,
            roles,
            evidence,
        }),
        _ => {
            debug_assert!(
                !r.problems.is_empty(),
                "a bank was refused without a problem"
            );
            Err(r.problems)
        }
    }
}

/// Id → index of each list, from the items' `id` fields (duplicates reported here).
pub(super) struct Ids {
    pub(super) modules: HashMap<String, usize>,
    pub(super) dimensions: HashMap<String, usize>,
    pub(super) questions: HashMap<String, usize>,
    pub(super) roles: HashMap<String, usize>,
}

fn collect_ids(r: &mut Reader, map: &Map<String, Value>, key: &str) -> HashMap<String, usize> {
    let mut ids = HashMap::new();
    let Some(items) = map.get(key).and_then(Value::as_array) else {
        return ids;
    };
    for (i, item) in items.iter().enumerate() {
        if let Some(Value::String(id)) = item.get("id") {
            // The first occurrence stays the target of references.
            if ids.contains_key(id) {
                r.report(
                    child(&index(&child("$", key), i), "id"),
                    ProblemKind::DuplicateId { id: id.clone() },
                );
            } else {
                ids.insert(id.clone(), i);
            }
        }
    }
    ids
}

/// Reads a required, non-empty array with `read_item` for each element. Returns `None` if the
/// list itself is unusable; items that fail are left out (their problems are recorded).
fn read_list<T>(
    r: &mut Reader,
    map: &Map<String, Value>,
    key: &str,
    mut read_item: impl FnMut(&mut Reader, &Value, &str) -> Option<T>,
) -> Option<Vec<T>> {
    let path = child("$", key);
    let items = r.required(map, "$", key).and_then(|v| r.array(v, &path))?;
    if items.is_empty() {
        r.report(&path, ProblemKind::Missing);
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if let Some(value) = read_item(r, item, &index(&path, i)) {
            out.push(value);
        }
    }
    Some(out)
}

/// Like [`read_list`] for a list the format does not require: absent means empty.
fn read_optional_list<T>(
    r: &mut Reader,
    map: &Map<String, Value>,
    key: &str,
    read_item: impl FnMut(&mut Reader, &Value, &str) -> Option<T>,
) -> Option<Vec<T>> {
    if map.contains_key(key) {
        read_list(r, map, key, read_item)
    } else {
        Some(Vec::new())
    }
}

/// Reads a required, non-empty array member `key` of the object at `path`.
pub(super) fn read_list_at<T>(
    r: &mut Reader,
    map: &Map<String, Value>,
    path: &str,
    key: &str,
    mut read_item: impl FnMut(&mut Reader, &Value, &str) -> Option<T>,
) -> Option<Vec<T>> {
    let list_path = child(path, key);
    let items = r
        .required(map, path, key)
        .and_then(|v| r.array(v, &list_path))?;
    if items.is_empty() {
        r.report(&list_path, ProblemKind::Missing);
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        match read_item(r, item, &index(&list_path, i)) {
            Some(value) => out.push(value),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// A weight: a number greater than 0.
pub(super) fn positive(r: &mut Reader, value: &Value, path: &str) -> Option<f64> {
    let n = r.number(value, path)?;
    if n > 0.0 {
        Some(n)
    } else {
        r.report(path, ProblemKind::WeightNotPositive);
        None
    }
}

/// An id that must name an item of the list `ids` was collected from (`what` names the list
/// in the problem).
pub(super) fn reference_to(
    r: &mut Reader,
    value: &Value,
    path: &str,
    what: &'static str,
    ids: &HashMap<String, usize>,
) -> Option<usize> {
    let id = r.string(value, path)?;
    match ids.get(id) {
        Some(&i) => Some(i),
        None => {
            r.report(
                path,
                ProblemKind::UnknownReference {
                    what,
                    id: id.to_string(),
                },
            );
            None
        }
    }
}
