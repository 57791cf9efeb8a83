//! Reading and validating a bank from JSON: every problem is recorded with its path, and the
//! bank is returned only when there are none.

use super::*;
use crate::json_read::{child, index, parse, Reader};
use crate::problem::ProblemKind;
use crate::profile::{Industry, Size, Stage};
use serde_json::{Map, Value};
use std::collections::HashMap;

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

pub(super) fn read_bank(bytes: &[u8]) -> Result<Bank, Vec<Problem>> {
    let root = parse(bytes, BANK_MAX_BYTES).map_err(|p| vec![p])?;
    let mut r = Reader::default();
    let Some(map) = r.object(&root, "$") else {
        return Err(r.problems);
    };
    // A file of another kind (or a future version) would drown the editor in irrelevant
    // problems, so those two checks stop the reading early.
    if !format_is_supported(&mut r, map) {
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

    // Judged on the raw lists: a dimension or question that failed to read must neither shift
    // the reported path nor hide (or fake) a dimension's questions.
    let dimension_values = map.get("dimensions").and_then(Value::as_array);
    if let (Some(raw_dimensions), Some(raw_questions)) = (dimension_values, question_values) {
        for (i, dimension) in raw_dimensions.iter().enumerate() {
            let Some(id) = dimension.get("id").and_then(Value::as_str) else {
                continue;
            };
            let used = raw_questions
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
    if let Some(raw_questions) = question_values {
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

fn format_is_supported(r: &mut Reader, map: &Map<String, Value>) -> bool {
    let Some(format) = r.required_string(map, "$", "format") else {
        return false;
    };
    if format != BANK_FORMAT {
        r.report(
            "$.format",
            ProblemKind::WrongFormat {
                found: format.to_string(),
                expected: BANK_FORMAT,
            },
        );
        return false;
    }
    let Some(version) = r.required(map, "$", "format_version") else {
        return false;
    };
    if version.as_u64() != Some(u64::from(BANK_FORMAT_VERSION)) {
        r.report(
            "$.format_version",
            ProblemKind::UnsupportedVersion {
                found: version.to_string(),
                supported: BANK_FORMAT_VERSION,
            },
        );
        return false;
    }
    true
}

/// Id → index of each list, from the items' `id` fields (duplicates reported here).
struct Ids {
    modules: HashMap<String, usize>,
    dimensions: HashMap<String, usize>,
    questions: HashMap<String, usize>,
    roles: HashMap<String, usize>,
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

fn read_role(r: &mut Reader, value: &Value, path: &str) -> Option<Role> {
    let map = r.object(value, path)?;
    r.known_fields(map, path, &["id", "name"]);
    let id = r.required_id(map, path, "id");
    let name = r.required_text(map, path, "name");
    Some(Role {
        id: id?,
        name: name?,
    })
}

fn read_evidence_measure(
    r: &mut Reader,
    value: &Value,
    path: &str,
    ids: &Ids,
    questions: Option<&Vec<Value>>,
) -> Option<EvidenceMeasure> {
    let map = r.object(value, path)?;
    r.known_fields(map, path, &["measure", "name", "records"]);
    let measure = r
        .required(map, path, "measure")
        .and_then(|v| measure_number(r, v, &child(path, "measure")));
    let name = r.required_text(map, path, "name");
    let records = read_list_at(r, map, path, "records", |r, v, p| {
        let record = r.object(v, p)?;
        r.known_fields(record, p, &["id", "text", "have_if"]);
        let id = r.required_id(record, p, "id");
        let text = r.required_text(record, p, "text");
        let have_if = r
            .required(record, p, "have_if")
            .and_then(|c| read_condition(r, c, &child(p, "have_if"), ids, questions, false, false));
        Some(EvidenceRecord {
            id: id?,
            text: text?,
            have_if: have_if?,
        })
    });
    Some(EvidenceMeasure {
        measure: measure?,
        name: name?,
        records: records?,
    })
}

/// An item number of SPC 2020 provisions Art. 6 (1–7).
fn measure_number(r: &mut Reader, value: &Value, path: &str) -> Option<u8> {
    match value.as_u64() {
        Some(n @ 1..=7) => Some(n as u8),
        _ => {
            r.report(path, ProblemKind::OutOfRange { min: 1.0, max: 7.0 });
            None
        }
    }
}

/// The evidence index lists the seven measures once each, in order, and a record id once in
/// the whole index (the report and its tests address records by id).
fn check_evidence_measures(r: &mut Reader, measures: &[Value]) {
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

/// Reads a required, non-empty array member `key` of the object at `path`.
fn read_list_at<T>(
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

fn read_scoring(r: &mut Reader, value: &Value, path: &str) -> Option<Scoring> {
    let map = r.object(value, path)?;
    r.known_fields(
        map,
        path,
        &[
            "levels",
            "red_flag_level_cap",
            "high_risk_below",
            "low_risk_from",
        ],
    );
    let levels_path = child(path, "levels");
    let levels = r
        .required(map, path, "levels")
        .and_then(|v| r.array(v, &levels_path))
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let p = index(&levels_path, i);
                    let m = r.object(item, &p)?;
                    r.known_fields(m, &p, &["min", "name", "description"]);
                    let min = r
                        .required(m, &p, "min")
                        .and_then(|v| r.number(v, &child(&p, "min")));
                    let name = r.required_text(m, &p, "name");
                    let description = r.required_text(m, &p, "description");
                    Some(Level {
                        min: min?,
                        name: name?,
                        description: description?,
                    })
                })
                .collect::<Vec<_>>()
        });
    if let Some(levels) = &levels {
        let rising = levels.windows(2).all(|w| w[0].min < w[1].min);
        if levels.len() != 5 || levels[0].min != 0.0 || !rising || levels[4].min > 100.0 {
            r.report(&levels_path, ProblemKind::BadLevels);
        }
    }
    let cap_path = child(path, "red_flag_level_cap");
    let cap = r
        .required(map, path, "red_flag_level_cap")
        .and_then(|v| match v.as_u64() {
            Some(n @ 1..=5) => Some(n as u8),
            _ => {
                r.report(&cap_path, ProblemKind::OutOfRange { min: 1.0, max: 5.0 });
                None
            }
        });
    let high = r
        .required(map, path, "high_risk_below")
        .and_then(|v| percent(r, v, &child(path, "high_risk_below")));
    let low = r
        .required(map, path, "low_risk_from")
        .and_then(|v| percent(r, v, &child(path, "low_risk_from")));
    if let (Some(h), Some(l)) = (high, low) {
        if h > l {
            r.report(
                child(path, "low_risk_from"),
                ProblemKind::OutOfRange { min: h, max: 100.0 },
            );
        }
    }
    Some(Scoring {
        levels: levels?,
        red_flag_level_cap: cap?,
        high_risk_below: high?,
        low_risk_from: low?,
    })
}

fn percent(r: &mut Reader, value: &Value, path: &str) -> Option<f64> {
    let n = r.number(value, path)?;
    if (0.0..=100.0).contains(&n) {
        Some(n)
    } else {
        r.report(
            path,
            ProblemKind::OutOfRange {
                min: 0.0,
                max: 100.0,
            },
        );
        None
    }
}

fn read_module(
    r: &mut Reader,
    value: &Value,
    path: &str,
    ids: &Ids,
    questions: Option<&Vec<Value>>,
) -> Option<Module> {
    let map = r.object(value, path)?;
    r.known_fields(map, path, &["id", "name", "description", "show_if"]);
    let id = r.required_id(map, path, "id");
    let name = r.required_text(map, path, "name");
    let description = r.required_text(map, path, "description");
    let show_if = optional_condition(r, map, path, ids, questions)?;
    Some(Module {
        id: id?,
        name: name?,
        description: description?,
        show_if,
    })
}

fn read_dimension(r: &mut Reader, value: &Value, path: &str) -> Option<Dimension> {
    let map = r.object(value, path)?;
    r.known_fields(
        map,
        path,
        &["id", "weight", "name", "description", "summary"],
    );
    let id = r.required_id(map, path, "id");
    let weight = r
        .required(map, path, "weight")
        .and_then(|v| positive(r, v, &child(path, "weight")));
    let name = r.required_text(map, path, "name");
    let description = r.required_text(map, path, "description");
    let summary_path = child(path, "summary");
    let summary = r.required(map, path, "summary").and_then(|v| {
        let m = r.object(v, &summary_path)?;
        r.known_fields(m, &summary_path, &["high_risk", "medium_risk", "low_risk"]);
        let mut band = |key: &str| {
            r.required(m, &summary_path, key)
                .and_then(|v| r.text(v, &child(&summary_path, key)))
        };
        let (high_risk, medium_risk, low_risk) =
            (band("high_risk"), band("medium_risk"), band("low_risk"));
        Some(BandTexts {
            high_risk: high_risk?,
            medium_risk: medium_risk?,
            low_risk: low_risk?,
        })
    });
    Some(Dimension {
        id: id?,
        weight: weight?,
        name: name?,
        description: description?,
        summary: summary?,
    })
}

fn read_service(r: &mut Reader, value: &Value, path: &str) -> Option<Service> {
    let map = r.object(value, path)?;
    r.known_fields(map, path, &["id", "name", "description"]);
    let id = r.required_id(map, path, "id");
    let name = r.required_text(map, path, "name");
    let description = r.required_text(map, path, "description");
    Some(Service {
        id: id?,
        name: name?,
        description: description?,
    })
}

fn positive(r: &mut Reader, value: &Value, path: &str) -> Option<f64> {
    let n = r.number(value, path)?;
    if n > 0.0 {
        Some(n)
    } else {
        r.report(path, ProblemKind::WeightNotPositive);
        None
    }
}

fn reference_to(
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

fn read_question(
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
        .and_then(|v| r.choice(v, &child(path, "kind"), &["single", "checklist"]))
        .map(|k| {
            if k == "single" {
                QuestionKind::Single
            } else {
                QuestionKind::Checklist
            }
        });
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
/// each is replaced once across the bank is checked in [`check_replaced_once`].
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

/// Each replaced id is replaced by one question only, once.
fn check_replaced_once(r: &mut Reader, questions: &[Value]) {
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

/// `Some(None)` when absent, `Some(Some(c))` when valid, `None` when invalid (problem recorded).
fn optional_condition(
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

fn read_condition(
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

/// Reports critical questions shown only after an answer to another question, by their own
/// condition or their module's. Read from the raw lists, so paths stay right when other items
/// are broken.
fn check_critical_follow_ups(
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
fn check_cycles(r: &mut Reader, modules: &[Module], questions: &[Question]) {
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
