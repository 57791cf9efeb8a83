//! Checks that look across items: each reads the raw lists, so a broken item neither shifts
//! the reported paths nor hides a problem elsewhere.

use super::Ids;
use crate::bank::{Module, Question};
use crate::json_read::{child, index, Reader};
use crate::problem::ProblemKind;
use serde_json::Value;

/// Reports dimensions that no question belongs to. Judged on the raw lists: a dimension or
/// question that failed to read must neither shift the reported path nor hide (or fake) a
/// dimension's questions.
pub(super) fn dimensions_without_questions(
    r: &mut Reader,
    dimensions: Option<&Value>,
    questions: &[Value],
    ids: &Ids,
) {
    let Some(dimensions) = dimensions.and_then(Value::as_array) else {
        return;
    };
    for (i, dimension) in dimensions.iter().enumerate() {
        let Some(id) = dimension.get("id").and_then(Value::as_str) else {
            continue;
        };
        let used = questions
            .iter()
            .any(|q| q.get("dimension").and_then(Value::as_str) == Some(id));
        // A duplicate id is reported already; only its first occurrence is the target.
        if !used && ids.dimensions.get(id) == Some(&i) {
            r.report(
                index("$.dimensions", i),
                ProblemKind::DimensionWithoutQuestions { id: id.to_string() },
            );
        }
    }
}

/// The evidence index lists the seven measures once each, in order, and a record id once in
/// the whole index (the report and its tests address records by id).
pub(super) fn check_evidence_measures(r: &mut Reader, measures: &[Value]) {
    let numbers: Vec<Option<u64>> = measures
        .iter()
        .map(|m| m.get("measure").and_then(Value::as_u64))
        .collect();
    if numbers != (1..=7).map(Some).collect::<Vec<_>>() {
        r.report("$.evidence", ProblemKind::EvidenceNotEachMeasureOnce);
    }
    let mut seen = std::collections::HashSet::new();
    for (i, measure) in measures.iter().enumerate() {
        let records = measure.get("records").and_then(Value::as_array);
        for (j, record) in records.into_iter().flatten().enumerate() {
            if let Some(id) = record.get("id").and_then(Value::as_str) {
                if !seen.insert(id) {
                    let path = child(&index(&child(&index("$.evidence", i), "records"), j), "id");
                    r.report(path, ProblemKind::DuplicateId { id: id.to_string() });
                }
            }
        }
    }
}

/// Each replaced id is replaced by one question only, once.
pub(super) fn check_replaced_once(r: &mut Reader, questions: &[Value]) {
    let mut seen = std::collections::HashSet::new();
    for (i, question) in questions.iter().enumerate() {
        let Some(items) = question.get("replaces").and_then(Value::as_array) else {
            continue;
        };
        for (j, item) in items.iter().enumerate() {
            let p = index(&child(&index("$.questions", i), "replaces"), j);
            let (id, p) = match item.get("question") {
                Some(id) => (id.as_str(), child(&p, "question")),
                None => (item.as_str(), p),
            };
            if let Some(id) = id {
                if !seen.insert(id) {
                    r.report(p, ProblemKind::DuplicateId { id: id.to_string() });
                }
            }
        }
    }
}

/// Reports critical questions shown only after an answer to another question, by their own
/// condition or their module's. Read from the raw lists, so paths stay right when other items
/// are broken.
pub(super) fn check_critical_follow_ups(
    r: &mut Reader,
    questions: &[Value],
    modules: Option<&Value>,
    ids: &Ids,
) {
    fn reads_answers(condition: &Value) -> bool {
        match condition {
            Value::Object(map) => map
                .iter()
                .any(|(key, inner)| key == "answer" || reads_answers(inner)),
            Value::Array(items) => items.iter().any(reads_answers),
            _ => false,
        }
    }
    for (i, question) in questions.iter().enumerate() {
        if question.get("critical").is_none() {
            continue;
        }
        let own = question.get("show_if").is_some_and(reads_answers);
        let module = question
            .get("module")
            .and_then(Value::as_str)
            .and_then(|id| ids.modules.get(id))
            .and_then(|&m| modules?.get(m)?.get("show_if"))
            .is_some_and(reads_answers);
        if own || module {
            r.report(
                child(&index("$.questions", i), "critical"),
                ProblemKind::CriticalDependsOnAnswer,
            );
        }
    }
}

/// Finds show_if dependencies that form a cycle (a question's visibility depending, through
/// other questions or its module, on itself) and reports each cycle once.
pub(super) fn check_cycles(r: &mut Reader, modules: &[Module], questions: &[Question]) {
    let deps: Vec<Vec<usize>> = questions
        .iter()
        .map(|q| {
            let mut out = Vec::new();
            if let Some(c) = &q.show_if {
                c.questions(&mut out);
            }
            if let Some(c) = modules.get(q.module).and_then(|m| m.show_if.as_ref()) {
                c.questions(&mut out);
            }
            out
        })
        .collect();
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks = vec![Mark::New; questions.len()];
    for start in 0..questions.len() {
        if marks[start] != Mark::New {
            continue;
        }
        // Iterative depth-first search: a hostile bank cannot overflow the stack.
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        marks[start] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&dep) = deps[node].get(*next) {
                *next += 1;
                match marks.get(dep).copied() {
                    Some(Mark::New) => {
                        marks[dep] = Mark::Open;
                        stack.push((dep, 0));
                    }
                    Some(Mark::Open) => {
                        let from = stack.iter().position(|&(n, _)| n == dep).unwrap_or(0);
                        let mut cycle: Vec<String> = stack[from..]
                            .iter()
                            .map(|&(n, _)| questions[n].id.clone())
                            .collect();
                        cycle.push(questions[dep].id.clone());
                        r.report(
                            child(&index("$.questions", dep), "show_if"),
                            ProblemKind::ShowIfCycle { ids: cycle },
                        );
                    }
                    _ => {}
                }
            } else {
                marks[node] = Mark::Done;
                stack.pop();
            }
        }
    }
}
