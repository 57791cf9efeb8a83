//! Problems found in external data (a bank, an answers file, saved state), each tied to the JSON
//! path of the offending value and explainable in both languages.
//!
//! Validation never stops at the first problem: editors fix a bank in one pass when they see
//! every problem at once.

use crate::lang::Lang;
use crate::number::decimal;
use crate::strings::{fill, ProblemText as T};
use std::fmt;

/// One problem, located by a JSON path such as `$.questions[3].options[0].score`.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong. Each variant renders a sentence in Chinese and in English.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The bytes are not JSON (with 1-based line and column).
    InvalidJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The input is larger than we accept.
    TooLarge { limit_bytes: usize },
    /// A value has the wrong JSON type.
    WrongType { expected: &'static str },
    /// A required field is absent.
    Missing,
    /// A field the format does not know (often a typo of a known one).
    UnknownField { allowed: Vec<&'static str> },
    /// A string is not one of the allowed values.
    NotAllowed { found: String, allowed: Vec<String> },
    /// The `format` marker names another kind of file.
    WrongFormat {
        found: String,
        expected: &'static str,
    },
    /// A format version this build cannot read.
    UnsupportedVersion { found: String, supported: u32 },
    /// An id that is not lowercase kebab-case.
    BadId { id: String },
    /// The same id is used twice.
    DuplicateId { id: String },
    /// An id that refers to nothing (`what` is dimension, module, question or option).
    UnknownReference { what: &'static str, id: String },
    /// A text lacks one of its languages, or it is blank.
    MissingTranslation { lang: Lang },
    /// A weight of zero or less.
    WeightNotPositive,
    /// A score or threshold outside 0–1 (or outside the stated range).
    OutOfRange { min: f64, max: f64 },
    /// A maturity scale that does not rise from 0 (weakest) to 1 (strongest).
    ScaleNotRising,
    /// A question with no options (or too few to choose between).
    TooFewOptions { min: usize },
    /// A dimension that no question belongs to.
    DimensionWithoutQuestions { id: String },
    /// A critical question must cite the law it rests on.
    CriticalWithoutLegalReference,
    /// Conditions that depend on each other in a circle.
    ShowIfCycle { ids: Vec<String> },
    /// An answer condition that a stronger answer would switch off (breaks "a better answer never
    /// lowers a score"), or an answer condition under `not`.
    AnswerConditionNotMonotone,
    /// A question that other questions' conditions read may not offer "not applicable": marking
    /// it so would hide those questions and change other dimensions' scores.
    GateAllowsNotApplicable,
    /// A critical question shown only after an answer to another question (by its own
    /// condition or its module's): a better answer there would reveal it unanswered, which is
    /// a red flag, so a better answer would lower the level.
    CriticalDependsOnAnswer,
    /// The evidence index must list the seven measures of SPC 2020 provisions Art. 6 once
    /// each, in order.
    EvidenceNotEachMeasureOnce,
    /// A question of an earlier version listed in `replaces` is still a question of this bank.
    ReplacedQuestionStillInBank { id: String },
    /// `critical.required` is only for checklists.
    RequiredOnSingleChoice,
    /// An option id that the format reserves (`na`, `none`).
    ReservedId { id: String },
    /// The levels list must have five levels starting at 0 with rising thresholds.
    BadLevels,
    /// An answer file made for another question bank.
    OtherBank { found: String, expected: String },
    /// An answer whose option does not exist for its question, or of the wrong shape.
    BadAnswer { question: String },
    /// The operator's bank file could not be fetched (`detail` says why).
    Unreachable { url: String, detail: String },
    /// The operator's bank is not on the widget's own origin, so it is not fetched at all.
    NotSameOrigin { url: String },
    /// An answer to a merged question whose replacing question is answered in the same file
    /// (reported, then ignored: the replacing question's own answer counts).
    MergedAnswerSuperseded { id: String, into: String },
    /// An answer to a question this bank does not have (reported, then ignored).
    UnknownQuestion { id: String },
}

impl Problem {
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            path: path.into(),
            kind,
        }
    }

    /// The problem as one line: `<path>: <sentence>`.
    pub fn line(&self, lang: Lang) -> String {
        format!("{}: {}", self.path, self.kind.message(lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

fn list(items: &[impl AsRef<str>]) -> String {
    items
        .iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ProblemKind {
    /// The problem as a sentence in `lang`. The wording lives in the string table
    /// (`T::…`), so a missing translation does not compile; this only fills it in.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let say = |key: T, values: &[(&str, &dyn fmt::Display)]| fill(key.get(lang), values);
        match self {
            InvalidJson {
                line,
                column,
                detail,
            } => say(
                T::InvalidJson,
                &[("line", line), ("column", column), ("detail", detail)],
            ),
            TooLarge { limit_bytes } => say(T::TooLarge, &[("kib", &(limit_bytes / 1024))]),
            WrongType { expected } => {
                say(T::WrongType, &[("type", &json_type(expected).get(lang))])
            }
            Missing => say(T::Missing, &[]),
            UnknownField { allowed } => say(T::UnknownField, &[("allowed", &list(allowed))]),
            NotAllowed { found, allowed } => say(
                T::NotAllowed,
                &[("found", found), ("allowed", &list(allowed))],
            ),
            WrongFormat { found, expected } => {
                say(T::WrongFormat, &[("found", found), ("expected", expected)])
            }
            UnsupportedVersion { found, supported } => say(
                if is_newer(found, *supported) {
                    T::NewerVersion
                } else {
                    T::UnsupportedVersion
                },
                &[("found", found), ("supported", supported)],
            ),
            BadId { id } => say(T::BadId, &[("id", id)]),
            DuplicateId { id } => say(T::DuplicateId, &[("id", id)]),
            UnknownReference { what, id } => say(
                T::UnknownReference,
                &[("what", &item_kind(what).get(lang)), ("id", id)],
            ),
            MissingTranslation { lang: Lang::Zh } => say(T::MissingZh, &[]),
            MissingTranslation { lang: Lang::En } => say(T::MissingEn, &[]),
            WeightNotPositive => say(T::WeightNotPositive, &[]),
            OutOfRange { min, max } => say(
                T::OutOfRange,
                &[("min", &decimal(*min)), ("max", &decimal(*max))],
            ),
            ScaleNotRising => say(T::ScaleNotRising, &[]),
            TooFewOptions { min } => say(T::TooFewOptions, &[("min", min)]),
            DimensionWithoutQuestions { id } => say(T::DimensionWithoutQuestions, &[("id", id)]),
            CriticalWithoutLegalReference => say(T::CriticalWithoutLegalReference, &[]),
            ShowIfCycle { ids } => say(T::ShowIfCycle, &[("chain", &ids.join(" → "))]),
            AnswerConditionNotMonotone => say(T::AnswerConditionNotMonotone, &[]),
            GateAllowsNotApplicable => say(T::GateAllowsNotApplicable, &[]),
            CriticalDependsOnAnswer => say(T::CriticalDependsOnAnswer, &[]),
            EvidenceNotEachMeasureOnce => say(T::EvidenceNotEachMeasureOnce, &[]),
            ReplacedQuestionStillInBank { id } => {
                say(T::ReplacedQuestionStillInBank, &[("id", id)])
            }
            RequiredOnSingleChoice => say(T::RequiredOnSingleChoice, &[]),
            ReservedId { id } => say(T::ReservedId, &[("id", id)]),
            BadLevels => say(T::BadLevels, &[]),
            OtherBank { found, expected } => {
                say(T::OtherBank, &[("found", found), ("expected", expected)])
            }
            BadAnswer { question } => say(T::BadAnswer, &[("question", question)]),
            Unreachable { url, detail } => say(T::Unreachable, &[("url", url), ("detail", detail)]),
            NotSameOrigin { url } => say(T::NotSameOrigin, &[("url", url)]),
            MergedAnswerSuperseded { id, into } => {
                say(T::MergedAnswerSuperseded, &[("id", id), ("into", into)])
            }
            UnknownQuestion { id } => say(T::UnknownQuestion, &[("id", id)]),
        }
    }
}

/// Whether a version found in a file (as JSON text) is a whole number above the one supported.
fn is_newer(found: &str, supported: u32) -> bool {
    found.parse::<u64>().is_ok_and(|v| v > u64::from(supported))
}

/// The name of a JSON type (`expected` of [`ProblemKind::WrongType`]).
fn json_type(name: &str) -> T {
    match name {
        "object" => T::JsonObject,
        "array" => T::JsonArray,
        "string" => T::JsonString,
        "number" => T::JsonNumber,
        "boolean" => T::JsonBoolean,
        _ => T::JsonOther,
    }
}

/// The name of a kind of item (`what` of [`ProblemKind::UnknownReference`]).
fn item_kind(what: &str) -> T {
    match what {
        "dimension" => T::ItemDimension,
        "module" => T::ItemModule,
        "question" => T::ItemQuestion,
        "option" => T::ItemOption,
        "role" => T::ItemRole,
        _ => T::ItemOther,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ProblemKind::*;

    /// One problem of each kind, with values that look like placeholders where a file's text
    /// can reach the message.
    fn every_kind() -> Vec<ProblemKind> {
        let text = || "{id}".to_string();
        vec![
            InvalidJson {
                line: 3,
                column: 4,
                detail: "expected `,` or `}`".into(),
            },
            TooLarge {
                limit_bytes: 1 << 20,
            },
            WrongType { expected: "object" },
            Missing,
            UnknownField {
                allowed: vec!["zh", "en"],
            },
            NotAllowed {
                found: text(),
                allowed: vec!["3m".into()],
            },
            WrongFormat {
                found: text(),
                expected: "tscheck-bank",
            },
            UnsupportedVersion {
                found: "2".into(),
                supported: 1,
            },
            UnsupportedVersion {
                found: "0".into(),
                supported: 1,
            },
            BadId { id: text() },
            DuplicateId { id: text() },
            UnknownReference {
                what: "role",
                id: text(),
            },
            MissingTranslation { lang: Lang::Zh },
            MissingTranslation { lang: Lang::En },
            WeightNotPositive,
            OutOfRange { min: 0.0, max: 1.0 },
            ScaleNotRising,
            TooFewOptions { min: 2 },
            DimensionWithoutQuestions { id: text() },
            CriticalWithoutLegalReference,
            ShowIfCycle {
                ids: vec!["a".into(), "b".into(), "a".into()],
            },
            AnswerConditionNotMonotone,
            GateAllowsNotApplicable,
            CriticalDependsOnAnswer,
            EvidenceNotEachMeasureOnce,
            ReplacedQuestionStillInBank { id: text() },
            RequiredOnSingleChoice,
            ReservedId { id: "na".into() },
            BadLevels,
            OtherBank {
                found: text(),
                expected: "b".into(),
            },
            BadAnswer { question: text() },
            Unreachable {
                url: "/bank.json".into(),
                detail: "404".into(),
            },
            NotSameOrigin {
                url: "https://elsewhere.example/bank.json".into(),
            },
            MergedAnswerSuperseded {
                id: text(),
                into: "b".into(),
            },
            UnknownQuestion { id: text() },
        ]
    }

    #[test]
    fn every_problem_fills_every_placeholder_in_both_languages() {
        for kind in every_kind() {
            let [zh, en] = Lang::ALL.map(|lang| kind.message(lang));
            assert_ne!(zh, en, "{kind:?} is translated");
            for message in [&zh, &en] {
                // The only braces left are the ones the values brought.
                let unfilled = message.replace("{id}", "").replace("`}`", "");
                assert!(!unfilled.contains(['{', '}']), "{kind:?}: {message}");
            }
        }
    }

    #[test]
    fn messages_read_as_before() {
        let p = Problem::new(
            "$.questions[0].kind",
            NotAllowed {
                found: "multi".into(),
                allowed: vec!["single".into(), "checklist".into()],
            },
        );
        assert_eq!(
            p.line(Lang::En),
            "$.questions[0].kind: \"multi\" is not allowed (allowed: \"single\", \"checklist\")"
        );
        assert_eq!(
            p.line(Lang::Zh),
            "$.questions[0].kind: 取值 \"multi\" 无效（可用值：\"single\", \"checklist\"）"
        );
        let wrong_type = WrongType {
            expected: "boolean",
        };
        assert_eq!(wrong_type.message(Lang::Zh), "类型错误，应为布尔值");
        assert_eq!(wrong_type.message(Lang::En), "wrong type, expected boolean");
        let role = UnknownReference {
            what: "role",
            id: "cfo".into(),
        };
        assert_eq!(role.message(Lang::Zh), "引用了不存在的角色\"cfo\"");
        assert_eq!(role.message(Lang::En), "refers to unknown role \"cfo\"");
    }
}
