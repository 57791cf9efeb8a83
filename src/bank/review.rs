//! The bank as its editors review it: every question grouped by module and dimension, with its
//! facts (kind, weight, critical mark, owner, condition) spelled out in both languages.
//!
//! This is a plain view-model. `tscheck render` (through [`super::render`]) turns it into
//! Markdown or HTML, and the bank check page builds its preview from it, so the wording of a
//! condition ("shown when industry is biomedical and …") is written once, here.

use super::{Bank, Question, QuestionKind};
use crate::condition::Condition;
use crate::lang::{Lang, Text};
use crate::number::decimal;
use crate::strings::{fill, Ed};

/// The whole bank as a review document.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub id: String,
    pub version: String,
    pub title: Text,
    /// Counts of questions, critical questions and the listed measures covered.
    pub summary: Text,
    pub coverage: Coverage,
    pub modules: Vec<ModuleReview>,
}

/// One module with the dimensions its questions belong to, in the bank's dimension order.
#[derive(Clone, Debug, PartialEq)]
pub struct ModuleReview {
    pub id: String,
    pub name: Text,
    /// "Shown when …" or "Always shown".
    pub condition: Text,
    pub dimensions: Vec<DimensionReview>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionReview {
    pub id: String,
    pub name: Text,
    pub questions: Vec<QuestionReview>,
}

/// A question as the widget would ask it, with what an editor needs to check.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionReview {
    pub id: String,
    pub title: Option<Text>,
    pub text: Text,
    pub critical: bool,
    /// Kind, weight, critical mark, "not applicable", owner and condition, one line each.
    pub facts: Vec<Text>,
    /// "Score" for a single choice, "Weight" for a checklist.
    pub value_label: Text,
    pub options: Vec<OptionReview>,
    pub help: Text,
    pub recommendation: Text,
    pub references: Vec<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OptionReview {
    pub id: String,
    pub text: Text,
    /// The score (0–1) or the checklist weight, as a short decimal.
    pub value: String,
}

/// How many questions each module and dimension has, and the listed measures covered.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// `(id, name, number of questions)` in the bank's order.
    pub modules: Vec<(String, Text, usize)>,
    pub dimensions: Vec<(String, Text, usize)>,
    pub critical_questions: usize,
    /// The items of SPC 2020 provisions Art. 6 that at least one critical question covers.
    pub measures: Vec<u8>,
}

/// A text built by the same function in both languages.
pub fn both(f: impl Fn(Lang) -> String) -> Text {
    Text::new(f(Lang::Zh), f(Lang::En))
}

/// Builds the review document of a valid bank.
pub fn review(bank: &Bank) -> Review {
    let coverage = coverage(bank);
    let measures = if coverage.measures.is_empty() {
        both(|l| Ed::NoneListed.get(l).to_string())
    } else {
        let list: Vec<String> = coverage.measures.iter().map(u8::to_string).collect();
        both(|_| list.join(", "))
    };
    let summary = both(|l| {
        fill(
            Ed::Summary.get(l),
            &[
                ("questions", &bank.questions().len()),
                ("critical", &coverage.critical_questions),
                ("measures", &measures.get(l)),
            ],
        )
    });
    let modules = bank
        .modules()
        .iter()
        .enumerate()
        .map(|(m, module)| ModuleReview {
            id: module.id.clone(),
            name: module.name.clone(),
            condition: shown_when(bank, module.show_if.as_ref()),
            dimensions: bank
                .dimensions()
                .iter()
                .enumerate()
                .filter_map(|(d, dimension)| {
                    let questions: Vec<QuestionReview> = bank
                        .questions()
                        .iter()
                        .filter(|q| q.module == m && q.dimension == d)
                        .map(|q| question_review(bank, q))
                        .collect();
                    (!questions.is_empty()).then(|| DimensionReview {
                        id: dimension.id.clone(),
                        name: dimension.name.clone(),
                        questions,
                    })
                })
                .collect(),
        })
        .collect();
    Review {
        id: bank.id().to_string(),
        version: bank.version().to_string(),
        title: bank.title().clone(),
        summary,
        coverage,
        modules,
    }
}

/// Questions per module and dimension, critical questions and the measures they cover.
pub fn coverage(bank: &Bank) -> Coverage {
    let count = |f: &dyn Fn(&Question) -> bool| bank.questions().iter().filter(|q| f(q)).count();
    let mut measures: Vec<u8> = bank
        .questions()
        .iter()
        .filter_map(|q| q.critical.as_ref().map(|c| c.measure))
        .collect();
    let critical_questions = measures.len();
    measures.sort_unstable();
    measures.dedup();
    Coverage {
        modules: (bank.modules().iter().enumerate())
            .map(|(i, m)| (m.id.clone(), m.name.clone(), count(&|q| q.module == i)))
            .collect(),
        dimensions: (bank.dimensions().iter().enumerate())
            .map(|(i, d)| (d.id.clone(), d.name.clone(), count(&|q| q.dimension == i)))
            .collect(),
        critical_questions,
        measures,
    }
}

fn question_review(bank: &Bank, q: &Question) -> QuestionReview {
    let mut facts = vec![
        both(|l| {
            match q.kind {
                QuestionKind::Single => Ed::KindSingle,
                QuestionKind::Checklist => Ed::KindChecklist,
            }
            .get(l)
            .to_string()
        }),
        both(|l| fill(Ed::Weight.get(l), &[("weight", &decimal(q.weight))])),
    ];
    if let Some(c) = &q.critical {
        facts.push(both(|l| {
            fill(
                Ed::Critical.get(l),
                &[
                    ("measure", &crate::strings::measure_number(l, c.measure)),
                    ("threshold", &decimal(c.threshold)),
                ],
            )
        }));
        if !c.required.is_empty() {
            facts.push(both(|l| {
                fill(
                    Ed::RequiredPractices.get(l),
                    &[("ids", &c.required.join(", "))],
                )
            }));
        }
    }
    if q.not_applicable {
        facts.push(both(|l| Ed::NotApplicableAllowed.get(l).to_string()));
    }
    if let Some(owner) = bank.owner_of(q) {
        facts.push(both(|l| {
            fill(Ed::Owner.get(l), &[("owner", &owner.get(l))])
        }));
    }
    if q.show_if.is_some() {
        facts.push(shown_when(bank, q.show_if.as_ref()));
    }
    QuestionReview {
        id: q.id.clone(),
        title: q.title.clone(),
        text: q.text.clone(),
        critical: q.critical.is_some(),
        facts,
        value_label: both(|l| {
            match q.kind {
                QuestionKind::Single => Ed::OptionScore,
                QuestionKind::Checklist => Ed::OptionWeight,
            }
            .get(l)
            .to_string()
        }),
        options: (q.options.iter())
            .map(|o| OptionReview {
                id: o.id.clone(),
                text: o.text.clone(),
                value: decimal(o.value),
            })
            .collect(),
        help: q.help.clone(),
        recommendation: q.recommendation.clone(),
        references: q.references.iter().map(|r| r.text.clone()).collect(),
    }
}

/// "Shown when …" for a condition, or "Always shown" for none.
pub fn shown_when(bank: &Bank, condition: Option<&Condition>) -> Text {
    match condition {
        None => both(|l| Ed::AlwaysShown.get(l).to_string()),
        Some(c) => both(|l| {
            fill(
                Ed::ShownWhen.get(l),
                &[("condition", &condition_in_words(bank, c, l))],
            )
        }),
    }
}

/// A condition in words, e.g. "industry is Biomedical and the enterprise has overseas business,
/// staff or partners". Nested `all`/`any` are put in brackets, so the grouping stays clear.
pub fn condition_in_words(bank: &Bank, condition: &Condition, lang: Lang) -> String {
    let or = Ed::ListOr.get(lang);
    let values =
        |template: Ed, labels: Vec<&str>| fill(template.get(lang), &[("values", &labels.join(or))]);
    let nested = |c: &Condition| {
        let words = condition_in_words(bank, c, lang);
        match c {
            Condition::All(_) | Condition::Any(_) => match lang {
                Lang::Zh => format!("（{words}）"),
                Lang::En => format!("({words})"),
            },
            _ => words,
        }
    };
    match condition {
        Condition::Industry(set) => {
            values(Ed::IndustryIs, set.iter().map(|i| i.label(lang)).collect())
        }
        Condition::Size(set) => values(Ed::SizeIs, set.iter().map(|s| s.label(lang)).collect()),
        Condition::Stage(set) => values(Ed::StageIs, set.iter().map(|s| s.label(lang)).collect()),
        Condition::CrossBorder(true) => Ed::CrossBorderYes.get(lang).to_string(),
        Condition::CrossBorder(false) => Ed::CrossBorderNo.get(lang).to_string(),
        Condition::Partners(true) => Ed::PartnersYes.get(lang).to_string(),
        Condition::Partners(false) => Ed::PartnersNo.get(lang).to_string(),
        Condition::AiModels(true) => Ed::AiModelsYes.get(lang).to_string(),
        Condition::AiModels(false) => Ed::AiModelsNo.get(lang).to_string(),
        Condition::Answer { question, any_of } => {
            let q = &bank.questions()[*question];
            let options: Vec<String> = any_of
                .iter()
                .map(|id| {
                    let text = q.option(id).map_or(id.as_str(), |o| o.text.get(lang));
                    fill(Ed::Quote.get(lang), &[("text", &text)])
                })
                .collect();
            fill(
                Ed::AnswerIs.get(lang),
                &[("question", &q.id), ("options", &options.join(or))],
            )
        }
        Condition::All(parts) => (parts.iter().map(nested))
            .collect::<Vec<_>>()
            .join(Ed::And.get(lang)),
        Condition::Any(parts) => (parts.iter().map(nested))
            .collect::<Vec<_>>()
            .join(Ed::Or.get(lang)),
        Condition::Not(inner) => fill(
            Ed::Not.get(lang),
            &[("condition", &condition_in_words(bank, inner, lang))],
        ),
    }
}
