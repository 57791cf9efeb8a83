//! One question: its fields, its options (a rising scale or a weighted checklist), its
//! references, its critical measure and the questions of earlier versions it replaces.

use super::condition::optional_condition;
use super::{positive, reference_to, Ids};
use crate::bank::{
    AnswerOption, Critical, Question, QuestionKind, Reference, ReferenceKind, Replaced,
};
use crate::json_read::{child, index, Reader};
use crate::problem::ProblemKind;
use serde_json::{Map, Value};

const QUESTION_FIELDS: &[&str] = &[
    "id",
    "dimension",
    "module",
    "kind",
    "weight",
    "critical",
    "not_applicable",
    "show_if",
    "text",
    "help",
    "recommendation",
    "references",
    "options",
    "owner",
    "replaces",
    "title",
];
const RESERVED_OPTION_IDS: &[&str] = &[
    crate::answers::NOT_APPLICABLE,
    crate::answers::NONE_OF_THESE,
];
pub(super) fn read_question(
    r: &mut Reader,
    value: &Value,
    path: &str,
    ids: &Ids,
    questions: Option<&Vec<Value>>,
) -> Option<Question> {
    let map = r.object(value, path)?;
    r.known_fields(map, path, QUESTION_FIELDS);
    let id = r.required_id(map, path, "id");
    let dimension = r.required(map, path, "dimension").and_then(|v| {
        reference_to(
            r,
            v,
            &child(path, "dimension"),
            "dimension",
            &ids.dimensions,
        )
    });
    let module = r
        .required(map, path, "module")
        .and_then(|v| reference_to(r, v, &child(path, "module"), "module", &ids.modules));
    let kind = r
        .required(map, path, "kind")
        .and_then(|v| r.choice(v, &child(path, "kind"), QuestionKind::CODES))
        .and_then(QuestionKind::from_code);
    let weight = r
        .required(map, path, "weight")
        .and_then(|v| positive(r, v, &child(path, "weight")));
    let text = r.required_text(map, path, "text");
    let title = match map.get("title") {
        None => Some(None),
        Some(v) => r.text(v, &child(path, "title")).map(Some),
    };
    let help = r.required_text(map, path, "help");
    let recommendation = r.required_text(map, path, "recommendation");
    let not_applicable = match map.get("not_applicable") {
        None => Some(false),
        Some(v) => r.boolean(v, &child(path, "not_applicable")),
    };
    let references = read_references(r, map, path);
    let critical = match map.get("critical") {
        None => Some(None),
        Some(v) => read_critical(r, v, &child(path, "critical")).map(Some),
    };
    if let (Some(Some(_)), Some(refs)) = (&critical, &references) {
        if !refs
            .iter()
            .any(|reference| reference.kind == ReferenceKind::Law)
        {
            r.report(
                child(path, "references"),
                ProblemKind::CriticalWithoutLegalReference,
            );
        }
    }
    let options = kind.and_then(|kind| read_options(r, map, path, kind));
    let show_if = optional_condition(r, map, path, ids, questions);
    let owner = match map.get("owner") {
        None => Some(None),
        Some(v) => reference_to(r, v, &child(path, "owner"), "role", &ids.roles).map(Some),
    };
    let replaces = read_replaces(r, map, path, ids, options.as_ref());
    if let (Some(Some(critical)), Some(kind), Some(options)) = (&critical, kind, &options) {
        check_required(r, critical, kind, options, &child(path, "critical"));
    }
    Some(Question {
        id: id?,
        dimension: dimension?,
        module: module?,
        kind: kind?,
        weight: weight?,
        critical: critical?,
        not_applicable: not_applicable?,
        show_if: show_if?,
        title: title?,
        text: text?,
        help: help?,
        recommendation: recommendation?,
        references: references?,
        options: options?,
        owner: owner?,
        replaces: replaces?,
    })
}

/// `replaces`: questions of earlier versions merged into this one, each an id or
/// `{"question": id, "options": {old option id: option id of this question}}`. None may be a
/// question of this bank (a merged question must not come back beside its replacement); that
/// each is replaced once across the bank is checked in `cross_checks::check_replaced_once`.
fn read_replaces(
    r: &mut Reader,
    map: &Map<String, Value>,
    path: &str,
    ids: &Ids,
    options: Option<&Vec<AnswerOption>>,
) -> Option<Vec<Replaced>> {
    let Some(value) = map.get("replaces") else {
        return Some(Vec::new());
    };
    let list_path = child(path, "replaces");
    let items = r.array(value, &list_path)?;
    let mut out = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let p = index(&list_path, i);
        let (id_path, id, option_map) = match item {
            Value::Object(m) => {
                r.known_fields(m, &p, &["question", "options"]);
                let id = r.required_id(m, &p, "question");
                let mut pairs = Vec::new();
                if let Some(v) = m.get("options") {
                    let map_path = child(&p, "options");
                    match r.object(v, &map_path) {
                        Some(om) => {
                            for (from, to) in om {
                                let to_path = child(&map_path, from);
                                let Some(to) = r.string(to, &to_path) else {
                                    ok = false;
                                    continue;
                                };
                                if options.is_some_and(|os| !os.iter().any(|o| o.id == to)) {
                                    r.report(
                                        to_path,
                                        ProblemKind::UnknownReference {
                                            what: "option",
                                            id: to.to_string(),
                                        },
                                    );
                                    ok = false;
                                }
                                pairs.push((from.clone(), to.to_string()));
                            }
                        }
                        None => ok = false,
                    }
                }
                (child(&p, "question"), id, pairs)
            }
            _ => (p.clone(), r.id(item, &p), Vec::new()),
        };
        match id {
            Some(id) if ids.questions.contains_key(&id) => {
                r.report(id_path, ProblemKind::ReplacedQuestionStillInBank { id });
                ok = false;
            }
            Some(id) => out.push(Replaced {
                id,
                options: option_map,
            }),
            None => ok = false,
        }
    }
    ok.then_some(out)
}
/// `critical.required` names options of a checklist only.
fn check_required(
    r: &mut Reader,
    critical: &Critical,
    kind: QuestionKind,
    options: &[AnswerOption],
    path: &str,
) {
    if critical.required.is_empty() {
        return;
    }
    let list_path = child(path, "required");
    if kind != QuestionKind::Checklist {
        r.report(list_path, ProblemKind::RequiredOnSingleChoice);
        return;
    }
    for (i, id) in critical.required.iter().enumerate() {
        if !options.iter().any(|o| &o.id == id) {
            r.report(
                index(&list_path, i),
                ProblemKind::UnknownReference {
                    what: "option",
                    id: id.clone(),
                },
            );
        }
    }
}

fn read_references(r: &mut Reader, map: &Map<String, Value>, path: &str) -> Option<Vec<Reference>> {
    let Some(value) = map.get("references") else {
        return Some(Vec::new());
    };
    let list_path = child(path, "references");
    let items = r.array(value, &list_path)?;
    let mut out = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let p = index(&list_path, i);
        let parsed = r.object(item, &p).and_then(|m| {
            r.known_fields(m, &p, &["kind", "text"]);
            let kind = r
                .required(m, &p, "kind")
                .and_then(|v| r.choice(v, &child(&p, "kind"), ReferenceKind::CODES))
                .and_then(ReferenceKind::from_code);
            let text = r.required_text(m, &p, "text");
            Some(Reference {
                kind: kind?,
                text: text?,
            })
        });
        match parsed {
            Some(reference) => out.push(reference),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_critical(r: &mut Reader, value: &Value, path: &str) -> Option<Critical> {
    let map = r.object(value, path)?;
    r.known_fields(map, path, &["measure", "threshold", "required"]);
    let measure = r
        .required(map, path, "measure")
        .and_then(|v| match v.as_u64() {
            Some(n @ 1..=7) => Some(n as u8),
            _ => {
                r.report(
                    child(path, "measure"),
                    ProblemKind::OutOfRange { min: 1.0, max: 7.0 },
                );
                None
            }
        });
    let threshold = r.required(map, path, "threshold").and_then(|v| {
        let p = child(path, "threshold");
        let n = r.number(v, &p)?;
        if n > 0.0 && n <= 1.0 {
            Some(n)
        } else {
            r.report(p, ProblemKind::OutOfRange { min: 0.0, max: 1.0 });
            None
        }
    });
    let required = match map.get("required") {
        None => Some(Vec::new()),
        Some(v) => {
            let list_path = child(path, "required");
            r.array(v, &list_path).and_then(|items| {
                let ids: Vec<Option<String>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| r.string(item, &index(&list_path, i)).map(str::to_string))
                    .collect();
                ids.into_iter().collect::<Option<Vec<String>>>()
            })
        }
    };
    Some(Critical {
        measure: measure?,
        threshold: threshold?,
        required: required?,
    })
}

fn read_options(
    r: &mut Reader,
    map: &Map<String, Value>,
    path: &str,
    kind: QuestionKind,
) -> Option<Vec<AnswerOption>> {
    let list_path = child(path, "options");
    let items = r
        .required(map, path, "options")
        .and_then(|v| r.array(v, &list_path))?;
    let value_key = match kind {
        QuestionKind::Single => "score",
        QuestionKind::Checklist => "weight",
    };
    let mut options = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let p = index(&list_path, i);
        let parsed = r.object(item, &p).and_then(|m| {
            r.known_fields(m, &p, &["id", "text", value_key]);
            let id = r.required_id(m, &p, "id");
            if let Some(id) = &id {
                let reserved = match kind {
                    QuestionKind::Single => id == crate::answers::NOT_APPLICABLE,
                    QuestionKind::Checklist => RESERVED_OPTION_IDS.contains(&id.as_str()),
                };
                if reserved {
                    r.report(child(&p, "id"), ProblemKind::ReservedId { id: id.clone() });
                }
                if options.iter().any(|o: &AnswerOption| &o.id == id) {
                    r.report(child(&p, "id"), ProblemKind::DuplicateId { id: id.clone() });
                }
            }
            let text = r.required_text(m, &p, "text");
            let value_path = child(&p, value_key);
            let value = r.required(m, &p, value_key).and_then(|v| match kind {
                QuestionKind::Single => {
                    let n = r.number(v, &value_path)?;
                    if (0.0..=1.0).contains(&n) {
                        Some(n)
                    } else {
                        r.report(&value_path, ProblemKind::OutOfRange { min: 0.0, max: 1.0 });
                        None
                    }
                }
                QuestionKind::Checklist => positive(r, v, &value_path),
            });
            Some(AnswerOption {
                id: id?,
                text: text?,
                value: value?,
            })
        });
        match parsed {
            Some(option) => options.push(option),
            None => ok = false,
        }
    }
    if items.len() < 2 {
        r.report(&list_path, ProblemKind::TooFewOptions { min: 2 });
        return None;
    }
    if !ok {
        return None;
    }
    if kind == QuestionKind::Single {
        let rising = options.windows(2).all(|w| w[0].value <= w[1].value);
        let first = options.first().map(|o| o.value);
        let last = options.last().map(|o| o.value);
        if !rising || first != Some(0.0) || last != Some(1.0) {
            r.report(&list_path, ProblemKind::ScaleNotRising);
            return None;
        }
    }
    Some(options)
}
