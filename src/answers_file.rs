//! The answers file: what export writes and import, compare and `tscheck score` read.
//!
//! ```json
//! { "format": "tscheck-answers", "version": 1,
//!   "bank": { "id": "…", "version": "…" }, "saved_at": "2026-11-27",
//!   "profile": { "industry": "biomedical", "cross_border": true, "ai_models": true, "org_name": "…" },
//!   "answers": { "<single>": "<option>", "<checklist>": ["<option>"], "<question>": "na" },
//!   "plan": { "<question>": "3m" | "12m" | "later" } }
//! ```
//! `plan` is optional. When present, an action without an entry is planned for later; when
//! absent (a file saved before plans existed), the plan takes its defaults.
//! A file of another format or version, over 1 MiB, not JSON, or with values of the wrong type
//! is refused with every problem listed. Answers to questions the bank does not have, or with
//! options it does not have, are reported and ignored: the rest of the file still loads. An
//! answer to a question that an earlier bank version had and this one merged into another
//! (the other's `replaces`) counts as an answer to the replacing question, unless the file
//! answers that one too (then the merged answer is reported and ignored).

use crate::answers::{Answer, Answers, NOT_APPLICABLE};
use crate::bank::{Bank, QuestionKind};
use crate::format_check::DocumentFormat;
use crate::json_read::{child, index, parse, Reader};
use crate::plan::{PlanChoices, Step};
use crate::problem::{Problem, ProblemKind};
use crate::profile::{clean_org_name, Industry, Profile, Size, Stage};
use serde_json::{json, Map, Value};

pub const ANSWERS_FORMAT: &str = "tscheck-answers";
pub const ANSWERS_VERSION: u32 = 1;
pub const ANSWERS_MAX_BYTES: usize = 1024 * 1024;
const ANSWERS_DOCUMENT: DocumentFormat = DocumentFormat {
    marker: ANSWERS_FORMAT,
    version_field: "version",
    version: ANSWERS_VERSION,
};

/// A decoded answers file.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswersFile {
    pub bank_id: String,
    pub bank_version: String,
    /// The date the file was saved (as written by the widget), if present.
    pub saved_at: Option<String>,
    pub profile: Profile,
    pub answers: Answers,
    /// The improvement plan, when the file has one.
    pub plan: Option<PlanChoices>,
    /// Answers and plan entries that were reported and left out (unknown question, option or
    /// step).
    pub ignored: Vec<Problem>,
}

/// Writes an answers file (pretty JSON, stable key order). `plan` should hold every current
/// action (see [`crate::plan::as_choices`]), since a missing entry reads back as "later".
pub fn encode(
    bank: &Bank,
    profile: &Profile,
    answers: &Answers,
    plan: &PlanChoices,
    saved_at: Option<&str>,
) -> String {
    let mut root = json!({
        "format": ANSWERS_FORMAT,
        "version": ANSWERS_VERSION,
        "bank": { "id": bank.id(), "version": bank.version() },
        "profile": profile_json(profile),
        "answers": answers_json(answers),
        "plan": plan_json(plan),
    });
    if let Some(date) = saved_at {
        root["saved_at"] = Value::String(date.to_string());
    }
    serde_json::to_string_pretty(&root).unwrap_or_default()
}

pub fn profile_json(profile: &Profile) -> Value {
    let mut map = Map::new();
    map.insert("industry".into(), profile.industry.code().into());
    if let Some(size) = profile.size {
        map.insert("size".into(), size.code().into());
    }
    if let Some(stage) = profile.stage {
        map.insert("stage".into(), stage.code().into());
    }
    map.insert("cross_border".into(), profile.cross_border.into());
    map.insert("partners".into(), profile.partners.into());
    map.insert("ai_models".into(), profile.ai_models.into());
    map.insert("org_name".into(), profile.org_name.clone().into());
    Value::Object(map)
}

pub fn plan_json(plan: &PlanChoices) -> Value {
    Value::Object(
        plan.iter()
            .map(|(id, step)| (id.clone(), Value::String(step.code().into())))
            .collect(),
    )
}

/// Reads an optional plan object. A value that is not a string is a problem (the file is
/// refused); an entry for an unknown question, or with an unknown step, is listed in `ignored`.
pub fn read_plan(
    r: &mut Reader,
    map: &Map<String, Value>,
    bank: &Bank,
    ignored: &mut Vec<Problem>,
) -> Option<Option<PlanChoices>> {
    let Some(value) = map.get("plan") else {
        return Some(None);
    };
    let entries = r.object(value, "$.plan")?;
    let before = r.problems.len();
    let mut plan = PlanChoices::new();
    for (id, value) in entries {
        let p = child("$.plan", id);
        let Some(code) = r.string(value, &p) else {
            continue;
        };
        if bank.question(id).is_none() {
            ignored.push(Problem::new(
                &p,
                ProblemKind::UnknownQuestion { id: id.clone() },
            ));
            continue;
        }
        match Step::from_code(code) {
            Some(step) => {
                plan.insert(id.clone(), step);
            }
            None => ignored.push(Problem::new(
                &p,
                ProblemKind::NotAllowed {
                    found: code.to_string(),
                    allowed: Step::CODES.iter().map(|c| c.to_string()).collect(),
                },
            )),
        }
    }
    (r.problems.len() == before).then_some(Some(plan))
}

pub fn answers_json(answers: &Answers) -> Value {
    Value::Object(
        answers
            .iter()
            .map(|(id, answer)| {
                let value = match answer {
                    Answer::Choice(option) => Value::String(option.clone()),
                    Answer::Checked(ticked) => {
                        Value::Array(ticked.iter().cloned().map(Value::String).collect())
                    }
                    Answer::NotApplicable => Value::String(NOT_APPLICABLE.into()),
                };
                (id.clone(), value)
            })
            .collect(),
    )
}

/// Reads an answers file for `bank`. Refuses it (with every problem) when it is not a valid
/// answers file of this bank; otherwise returns it with the ignored answers listed.
pub fn decode(bytes: &[u8], bank: &Bank) -> Result<AnswersFile, Vec<Problem>> {
    let root = parse(bytes, ANSWERS_MAX_BYTES).map_err(|p| vec![p])?;
    let mut r = Reader::default();
    let map = r.object(&root, "$").ok_or_else(|| r.problems.clone())?;
    if !ANSWERS_DOCUMENT.check(&mut r, map) {
        return Err(r.problems);
    }
    let (bank_id, bank_version) = read_bank_stamp(&mut r, map);
    if let Some(id) = &bank_id {
        if id != bank.id() {
            return Err(vec![Problem::new(
                "$.bank.id",
                ProblemKind::OtherBank {
                    found: id.clone(),
                    expected: bank.id().to_string(),
                },
            )]);
        }
    }
    let saved_at = match map.get("saved_at") {
        None => None,
        Some(v) => r
            .string(v, "$.saved_at")
            .map(|s| s.chars().take(40).collect()),
    };
    let mut ignored = Vec::new();
    let (profile, answers) = read_profile_and_answers(&mut r, map, bank, &mut ignored);
    let plan = read_plan(&mut r, map, bank, &mut ignored);
    match (bank_id, bank_version, profile, answers, plan) {
        (Some(bank_id), Some(bank_version), Some(profile), Some(answers), Some(plan))
            if r.problems.is_empty() =>
        {
            Ok(AnswersFile {
                bank_id,
                bank_version,
                saved_at,
                profile,
                answers,
                plan,
                ignored,
            })
        }
        _ => Err(r.problems),
    }
}

fn read_bank_stamp(r: &mut Reader, map: &Map<String, Value>) -> (Option<String>, Option<String>) {
    let Some(stamp) = r
        .required(map, "$", "bank")
        .and_then(|v| r.object(v, "$.bank"))
    else {
        return (None, None);
    };
    let id = r.required_string(stamp, "$.bank", "id").map(str::to_string);
    let version = r
        .required_string(stamp, "$.bank", "version")
        .map(str::to_string);
    (id, version)
}

/// Reads the `profile` and `answers` members of a file's top-level object (shared with saved
/// progress, which stores them the same way).
pub fn read_profile_and_answers(
    r: &mut Reader,
    map: &Map<String, Value>,
    bank: &Bank,
    ignored: &mut Vec<Problem>,
) -> (Option<Profile>, Option<Answers>) {
    let profile = r
        .required(map, "$", "profile")
        .and_then(|v| read_profile(r, v, "$.profile"));
    let answers = r
        .required(map, "$", "answers")
        .and_then(|v| read_answers(r, v, "$.answers", bank, ignored));
    (profile, answers)
}

/// Reads a profile object; missing optional fields take their defaults.
pub fn read_profile(r: &mut Reader, value: &Value, path: &str) -> Option<Profile> {
    let map = r.object(value, path)?;
    let mut profile = Profile::default();
    let mut ok = true;
    let industry = r
        .required(map, path, "industry")
        .and_then(|v| r.choice(v, &child(path, "industry"), Industry::CODES))
        .and_then(Industry::from_code);
    match industry {
        Some(i) => profile.industry = i,
        None => ok = false,
    }
    if let Some(v) = map.get("size").filter(|v| !v.is_null()) {
        match r
            .choice(v, &child(path, "size"), Size::CODES)
            .and_then(Size::from_code)
        {
            Some(s) => profile.size = Some(s),
            None => ok = false,
        }
    }
    if let Some(v) = map.get("stage").filter(|v| !v.is_null()) {
        match r
            .choice(v, &child(path, "stage"), Stage::CODES)
            .and_then(Stage::from_code)
        {
            Some(s) => profile.stage = Some(s),
            None => ok = false,
        }
    }
    for (key, slot) in [
        ("cross_border", &mut profile.cross_border),
        ("partners", &mut profile.partners),
        ("ai_models", &mut profile.ai_models),
    ] {
        if let Some(v) = map.get(key) {
            match r.boolean(v, &child(path, key)) {
                Some(b) => *slot = b,
                None => ok = false,
            }
        }
    }
    if let Some(v) = map.get("org_name") {
        match r.string(v, &child(path, "org_name")) {
            Some(name) => profile.org_name = clean_org_name(name),
            None => ok = false,
        }
    }
    ok.then_some(profile)
}

/// An answer to a merged question, in the option ids of the question that replaced it.
fn carried_over(answer: Answer, link: &crate::bank::Replaced) -> Answer {
    match answer {
        Answer::Choice(o) => Answer::Choice(link.option(&o).to_string()),
        Answer::Checked(ticked) => {
            Answer::Checked(ticked.iter().map(|o| link.option(o).to_string()).collect())
        }
        Answer::NotApplicable => Answer::NotApplicable,
    }
}

/// Reads the answers object. Values of the wrong JSON type are problems (the file is refused);
/// answers that name an unknown question or option are listed in `ignored`.
pub fn read_answers(
    r: &mut Reader,
    value: &Value,
    path: &str,
    bank: &Bank,
    ignored: &mut Vec<Problem>,
) -> Option<Answers> {
    let map = r.object(value, path)?;
    let mut answers = Answers::new();
    let before = r.problems.len();
    // Answers to questions merged into another (an earlier bank version's `replaces`) are read
    // after the others, as answers to the replacing question, unless that has its own answer.
    let (current, merged): (Vec<_>, Vec<_>) = map
        .iter()
        .partition(|(id, _)| bank.question(id).is_some() || bank.replacement_of(id).is_none());
    for (id, value) in current.into_iter().chain(merged) {
        let p = child(path, id);
        let answer = match value {
            Value::String(s) if s == NOT_APPLICABLE => Answer::NotApplicable,
            Value::String(s) => Answer::Choice(s.clone()),
            Value::Array(items) => {
                let mut ticked = std::collections::BTreeSet::new();
                for (i, item) in items.iter().enumerate() {
                    if let Some(s) = r.string(item, &index(&p, i)) {
                        ticked.insert(s.to_string());
                    }
                }
                Answer::Checked(ticked)
            }
            _ => {
                r.report(&p, ProblemKind::WrongType { expected: "string" });
                continue;
            }
        };
        let (question, answer) = match (bank.question(id), bank.replacement_of(id)) {
            (Some(question), _) => (question, answer),
            (None, Some((question, _))) if answers.contains_key(&question.id) => {
                ignored.push(Problem::new(
                    &p,
                    ProblemKind::MergedAnswerSuperseded {
                        id: id.clone(),
                        into: question.id.clone(),
                    },
                ));
                continue;
            }
            (None, Some((question, link))) => (question, carried_over(answer, link)),
            (None, None) => {
                ignored.push(Problem::new(
                    &p,
                    ProblemKind::UnknownQuestion { id: id.clone() },
                ));
                continue;
            }
        };
        let fits = match (&answer, question.kind) {
            (Answer::NotApplicable, _) => question.not_applicable,
            (Answer::Choice(o), QuestionKind::Single) => question.option(o).is_some(),
            (Answer::Checked(ticked), QuestionKind::Checklist) => {
                ticked.iter().all(|o| question.option(o).is_some())
            }
            _ => false,
        };
        if fits {
            answers.insert(question.id.clone(), answer);
        } else {
            ignored.push(Problem::new(
                &p,
                ProblemKind::BadAnswer {
                    question: id.clone(),
                },
            ));
        }
    }
    (r.problems.len() == before).then_some(answers)
}
