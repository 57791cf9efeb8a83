//! Saved progress: the session as JSON for the browser's storage, and back.
//!
//! The widget stores this after every change and reads it once on load. Anything unreadable
//! (damaged, another bank, an older format) is reported so the widget can start afresh with a
//! notice; it never stops the widget.

use crate::answers_file::{self, answers_json, plan_json, profile_json};
use crate::bank::Bank;
use crate::format_check::DocumentFormat;
use crate::json_read::{parse, Reader};
use crate::lang::Lang;
use crate::problem::{Problem, ProblemKind};
use crate::session::{Session, Stage};
use serde_json::{json, Value};

pub const SNAPSHOT_FORMAT: &str = "tscheck-session";
pub const SNAPSHOT_VERSION: u32 = 1;
const SNAPSHOT_MAX_BYTES: usize = 2 * 1024 * 1024;
const SNAPSHOT_DOCUMENT: DocumentFormat = DocumentFormat {
    marker: SNAPSHOT_FORMAT,
    version_field: "version",
    version: SNAPSHOT_VERSION,
};

pub fn encode(bank: &Bank, session: &Session) -> String {
    let mut root = json!({
        "format": SNAPSHOT_FORMAT,
        "version": SNAPSHOT_VERSION,
        "bank": { "id": bank.id(), "version": bank.version() },
        "stage": session.stage.code(),
        "lang": session.lang.code(),
        "profile": profile_json(&session.profile),
        "answers": answers_json(&session.answers),
        "plan": plan_json(&session.plan),
    });
    if let Some(section) = &session.section {
        root["section"] = Value::String(section.clone());
    }
    // The previous self-check loaded for comparison is kept too, as the answers file it came
    // from, so a reload does not silently drop the comparison from the report.
    if let Some(previous) = &session.previous {
        let file = answers_file::encode(
            bank,
            &previous.profile,
            &previous.answers,
            previous.plan.as_ref().unwrap_or(&Default::default()),
            previous.saved_at.as_deref(),
        );
        if let Ok(value) = serde_json::from_str::<Value>(&file) {
            root["previous"] = value;
        }
    }
    root.to_string()
}

/// Reads saved progress. Answers the current bank does not know are dropped silently: the
/// bank was updated since, and the respondent is told nothing they could act on.
pub fn decode(bytes: &[u8], bank: &Bank) -> Result<Session, Problem> {
    let root = parse(bytes, SNAPSHOT_MAX_BYTES)?;
    let mut r = Reader::default();
    let first = |r: Reader| {
        r.problems
            .into_iter()
            .next()
            .unwrap_or_else(|| Problem::new("$", ProblemKind::Missing))
    };
    let Some(map) = r.object(&root, "$") else {
        return Err(first(r));
    };
    if !SNAPSHOT_DOCUMENT.check(&mut r, map) {
        return Err(first(r));
    }
    let bank_id = map
        .get("bank")
        .and_then(|b| b.get("id"))
        .and_then(Value::as_str);
    if bank_id != Some(bank.id()) {
        return Err(Problem::new(
            "$.bank.id",
            ProblemKind::OtherBank {
                found: bank_id.unwrap_or("").to_string(),
                expected: bank.id().to_string(),
            },
        ));
    }
    let stage = map
        .get("stage")
        .and_then(Value::as_str)
        .and_then(Stage::from_code)
        .unwrap_or_default();
    let lang = map
        .get("lang")
        .and_then(Value::as_str)
        .and_then(Lang::from_code)
        .unwrap_or_default();
    let section = map
        .get("section")
        .and_then(Value::as_str)
        .filter(|id| bank.dimension_index(id).is_some())
        .map(str::to_string);
    // Answers the bank no longer has are dropped without a word: see the function's doc.
    let mut ignored = Vec::new();
    let (profile, answers) =
        answers_file::read_profile_and_answers(&mut r, map, bank, &mut ignored);
    let plan = answers_file::read_plan(&mut r, map, bank, &mut ignored);
    match (profile, answers, plan) {
        (Some(profile), Some(answers), Some(plan)) => Ok(Session {
            stage,
            section,
            lang,
            profile,
            answers,
            plan: plan.unwrap_or_default(),
            previous: map
                .get("previous")
                .and_then(|v| answers_file::decode(v.to_string().as_bytes(), bank).ok()),
        }),
        _ => Err(first(r)),
    }
}
