//! The question bank: dimensions, modules, questions and the report texts, validated.
//!
//! A bank arrives as JSON (see `assets/bank.schema.json` and the README). [`Bank::from_json`]
//! either returns a bank whose every invariant holds, or **every** problem found, each with its
//! JSON path. The rest of the program trusts a `Bank` and never re-checks it.

pub mod diff;
mod read;
pub mod render;
pub mod review;

use crate::coded_enum::coded_enum;
use crate::condition::Condition;
use crate::format_check::DocumentFormat;
use crate::lang::Text;
use crate::problem::Problem;

/// The `format` marker of a bank file.
pub const BANK_FORMAT: &str = "tscheck-bank";
/// The bank format version this build reads.
pub const BANK_FORMAT_VERSION: u32 = 1;
/// What a bank file carries at its top level to say it is one (`format_version`, since its
/// `version` is the bank's own).
pub const BANK_DOCUMENT: DocumentFormat = DocumentFormat {
    marker: BANK_FORMAT,
    version_field: "format_version",
    version: BANK_FORMAT_VERSION,
};
/// The largest bank file accepted.
pub const BANK_MAX_BYTES: usize = 4 * 1024 * 1024;
/// The bank bundled into the widget and the CLI's default: `assets/bank/bank.json` with the
/// whitespace between its tokens removed by the build script (`src/build.rs`).
pub const BUNDLED_BANK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bank.min.json"));

/// A validated question bank. Construct it with [`Bank::from_json`].
#[derive(Clone, Debug, PartialEq)]
pub struct Bank {
    id: String,
    version: String,
    title: Text,
    scoring: Scoring,
    modules: Vec<Module>,
    dimensions: Vec<Dimension>,
    questions: Vec<Question>,
    services: Vec<Service>,
    disclaimer: Text,
    roles: Vec<Role>,
    evidence: Vec<EvidenceMeasure>,
}

/// Scoring parameters stated in the bank, so the published method and the numbers agree.
#[derive(Clone, Debug, PartialEq)]
pub struct Scoring {
    /// Five maturity levels; `levels[i].min` is the lowest overall score of level `i + 1`.
    pub levels: Vec<Level>,
    /// With any red flag, the level is at most this.
    pub red_flag_level_cap: u8,
    /// A dimension scoring below this is high risk.
    pub high_risk_below: f64,
    /// A dimension scoring at least this is low risk.
    pub low_risk_from: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    pub min: f64,
    pub name: Text,
    pub description: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub show_if: Option<Condition>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dimension {
    pub id: String,
    pub weight: f64,
    pub name: Text,
    pub description: Text,
    pub summary: BandTexts,
}

/// A text for each risk band of a dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct BandTexts {
    pub high_risk: Text,
    pub medium_risk: Text,
    pub low_risk: Text,
}

coded_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum QuestionKind {
        /// One option on a maturity scale, weakest (score 0) to strongest (score 1).
        Single = "single",
        /// Several practices to tick; the score is the weighted share ticked.
        Checklist = "checklist",
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    /// Index into [`Bank::dimensions`].
    pub dimension: usize,
    /// Index into [`Bank::modules`].
    pub module: usize,
    pub kind: QuestionKind,
    pub weight: f64,
    pub critical: Option<Critical>,
    pub not_applicable: bool,
    pub show_if: Option<Condition>,
    /// A short name for places where a line must be short; see [`Question::short_name`].
    pub title: Option<Text>,
    pub text: Text,
    pub help: Text,
    pub recommendation: Text,
    pub references: Vec<Reference>,
    pub options: Vec<AnswerOption>,
    /// Index into [`Bank::roles`]: who owns the action this question recommends.
    pub owner: Option<usize>,
    /// Questions of earlier bank versions that this question replaces (merged into it). None
    /// of them is a question of this bank, and each is replaced by one question only; an
    /// answers file's answer to one of them is read as an answer to this question.
    pub replaces: Vec<Replaced>,
}

/// A question of an earlier bank version merged into a question of this one.
#[derive(Clone, Debug, PartialEq)]
pub struct Replaced {
    /// The old question's id.
    pub id: String,
    /// Old option id → option id of the replacing question; an option not listed keeps its id.
    pub options: Vec<(String, String)>,
}

impl Replaced {
    /// The option of the replacing question that an old option id stands for.
    pub fn option<'a>(&'a self, old: &'a str) -> &'a str {
        self.options
            .iter()
            .find(|(from, _)| from == old)
            .map_or(old, |(_, to)| to.as_str())
    }
}

/// A confidentiality measure listed in SPC 2020 provisions Art. 6 that this question asks
/// about: below `threshold`, unanswered, or (for a checklist) with a `required` practice not
/// ticked, the question is a red flag. A red flag means the evidence of that measure is weak or
/// missing; the law weighs measures as a whole (Art. 5), so a red flag is this tool's warning,
/// not a finding that protection is lost.
#[derive(Clone, Debug, PartialEq)]
pub struct Critical {
    /// The item of Art. 6 (1–7).
    pub measure: u8,
    pub threshold: f64,
    /// Checklist options that the measure itself consists of: any of them unticked is a red
    /// flag whatever the score (empty for single-choice questions).
    pub required: Vec<String>,
}

impl Critical {
    /// Whether an answered question with this score (and, for a checklist, these ticks) falls
    /// short of the measure.
    pub fn falls_short(
        &self,
        score: f64,
        ticked: Option<&std::collections::BTreeSet<String>>,
    ) -> bool {
        score < self.threshold
            || self
                .required
                .iter()
                .any(|o| !ticked.is_some_and(|t| t.contains(o)))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AnswerOption {
    pub id: String,
    pub text: Text,
    /// For a single-choice question, the option's score in 0–1; for a checklist, its weight (> 0).
    pub value: f64,
}

coded_enum! {
    /// What a reference cites; the report groups references by kind.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum ReferenceKind {
        Law = "law",
        Standard = "standard",
        Guideline = "guideline",
        Case = "case",
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub kind: ReferenceKind,
    pub text: Text,
}

/// A role that owns actions (the plan's "who"), named once for the whole bank.
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    pub id: String,
    pub name: Text,
}

/// One measure listed in SPC 2020 provisions Art. 6, with the records that would show it.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceMeasure {
    /// The item of Art. 6 (1–7).
    pub measure: u8,
    pub name: Text,
    pub records: Vec<EvidenceRecord>,
}

/// A record an enterprise would put in its evidence binder, present when `have_if` holds on
/// the answers given (it reads answers only through visible questions, like `show_if`).
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceRecord {
    pub id: String,
    pub text: Text,
    pub have_if: Condition,
}

/// A public service the report points to.
#[derive(Clone, Debug, PartialEq)]
pub struct Service {
    pub id: String,
    pub name: Text,
    pub description: Text,
}

impl Bank {
    /// Validates a bank from JSON bytes, reporting every problem at once. Never panics.
    pub fn from_json(bytes: &[u8]) -> Result<Bank, Vec<Problem>> {
        read::read_bank(bytes)
    }

    /// The bundled bank. It is validated by a test, so this only fails if that test fails.
    pub fn bundled() -> Result<Bank, Vec<Problem>> {
        Bank::from_json(BUNDLED_BANK_JSON.as_bytes())
    }

    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn version(&self) -> &str {
        &self.version
    }
    pub fn title(&self) -> &Text {
        &self.title
    }
    pub fn scoring(&self) -> &Scoring {
        &self.scoring
    }
    pub fn modules(&self) -> &[Module] {
        &self.modules
    }
    pub fn dimensions(&self) -> &[Dimension] {
        &self.dimensions
    }
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }
    pub fn services(&self) -> &[Service] {
        &self.services
    }
    pub fn disclaimer(&self) -> &Text {
        &self.disclaimer
    }
    /// The roles that own actions; empty when the bank names none.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }
    /// The evidence index, one entry per listed measure in order; empty when the bank has none.
    pub fn evidence(&self) -> &[EvidenceMeasure] {
        &self.evidence
    }
    /// The name of the role that owns a question's action, if the bank names one.
    pub fn owner_of(&self, question: &Question) -> Option<&Text> {
        question.owner.map(|r| &self.roles[r].name)
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The question that replaces a question id of an earlier bank version, if any, with the
    /// link (for its option map).
    pub fn replacement_of(&self, old_id: &str) -> Option<(&Question, &Replaced)> {
        self.questions.iter().find_map(|q| {
            q.replaces
                .iter()
                .find(|r| r.id == old_id)
                .map(|link| (q, link))
        })
    }

    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.id == id)
    }
}

impl Question {
    /// The title when the bank gives one, else the full text.
    pub fn short_name(&self) -> &Text {
        self.title.as_ref().unwrap_or(&self.text)
    }

    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The option's normalised score in 0–1: for a single choice its score, for a checklist
    /// practice its share of the total weight.
    pub fn option_score(&self, option: &AnswerOption) -> f64 {
        match self.kind {
            QuestionKind::Single => option.value,
            QuestionKind::Checklist => {
                option.value / self.options.iter().map(|o| o.value).sum::<f64>()
            }
        }
    }
}
