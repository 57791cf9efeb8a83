//! What changed between two versions of a bank (`tscheck diff`, the check page's comparison).
//!
//! Questions are matched by id: ids are forever, so a question whose id changed is reported as
//! one removed and one added. Each changed question lists its changed fields by the name they
//! have in the bank file (`text`, `options[o2].score`, `critical`, `show_if`…), with the old and
//! the new value as short text. Dimensions, modules, roles, the evidence index, the scoring
//! parameters, the title, the disclaimer and the services are compared too ("other changes").
//! The bank's `version` is shown but is not content: two files that differ only in it are the same.

use super::review::condition_in_words;
use super::{Bank, Question, QuestionKind};
use crate::condition::Condition;
use crate::lang::{Lang, Text};
use crate::number::decimal;
use serde::Serialize;

/// The differences between an old and a new bank.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BankDiff {
    pub old: BankId,
    pub new: BankId,
    /// Question ids only in the new bank, in its order.
    pub added: Vec<String>,
    /// Question ids only in the old bank, in its order.
    pub removed: Vec<String>,
    /// Questions in both banks whose content differs, in the new bank's order.
    pub changed: Vec<QuestionChange>,
    pub other: Vec<OtherChange>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BankId {
    pub id: String,
    pub version: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionChange {
    pub id: String,
    pub fields: Vec<FieldChange>,
}

/// One changed field; `None` where the field is absent on that side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A change outside the questions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OtherChange {
    /// `bank`, `dimension`, `module`, `role`, `evidence`, `service`.
    pub what: &'static str,
    pub id: String,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    pub fields: Vec<FieldChange>,
}

impl BankDiff {
    /// True when the two banks have the same content.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.other.is_empty()
    }

    /// A plain-text listing, one change a line (for `tscheck diff` and the tests).
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "old: {} {}\nnew: {} {}\n",
            self.old.id, self.old.version, self.new.id, self.new.version
        );
        if self.is_empty() {
            out.push_str("same content\n");
            return out;
        }
        for id in &self.added {
            out.push_str(&format!("added question {id}\n"));
        }
        for id in &self.removed {
            out.push_str(&format!("removed question {id}\n"));
        }
        for q in &self.changed {
            out.push_str(&format!("changed question {}\n", q.id));
            push_fields(&mut out, &q.fields);
        }
        for o in &self.other {
            out.push_str(&format!("{} {} {}\n", o.change, o.what, o.id));
            push_fields(&mut out, &o.fields);
        }
        out.push_str(&format!(
            "{} added, {} removed, {} changed, {} other changes\n",
            self.added.len(),
            self.removed.len(),
            self.changed.len(),
            self.other.len()
        ));
        out
    }
}

fn push_fields(out: &mut String, fields: &[FieldChange]) {
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_string());
    for f in fields {
        out.push_str(&format!(
            "  {}: {} -> {}\n",
            f.field,
            show(&f.old),
            show(&f.new)
        ));
    }
}

/// Compares two valid banks.
pub fn diff(old: &Bank, new: &Bank) -> BankDiff {
    let mut d = BankDiff {
        old: BankId {
            id: old.id().to_string(),
            version: old.version().to_string(),
        },
        new: BankId {
            id: new.id().to_string(),
            version: new.version().to_string(),
        },
        ..BankDiff::default()
    };
    for q in new.questions() {
        match old.question(&q.id) {
            None => d.added.push(q.id.clone()),
            Some(o) => {
                let fields = question_fields(old, o, new, q);
                if !fields.is_empty() {
                    d.changed.push(QuestionChange {
                        id: q.id.clone(),
                        fields,
                    });
                }
            }
        }
    }
    d.removed = (old.questions().iter())
        .filter(|q| new.question(&q.id).is_none())
        .map(|q| q.id.clone())
        .collect();
    other_changes(old, new, &mut d.other);
    d
}

/// A field list that collects only the fields whose values differ.
#[derive(Default)]
struct Fields(Vec<FieldChange>);

impl Fields {
    fn cmp(&mut self, field: impl Into<String>, old: Option<String>, new: Option<String>) {
        if old != new {
            self.0.push(FieldChange {
                field: field.into(),
                old,
                new,
            });
        }
    }
    fn text(&mut self, field: &str, old: &Text, new: &Text) {
        self.cmp(field, Some(text(old)), Some(text(new)));
    }
}

fn text(t: &Text) -> String {
    format!("{} | {}", t.zh, t.en)
}

fn kind(k: QuestionKind) -> String {
    k.code().to_string()
}

fn question_fields(ob: &Bank, o: &Question, nb: &Bank, n: &Question) -> Vec<FieldChange> {
    let mut f = Fields::default();
    f.cmp("kind", Some(kind(o.kind)), Some(kind(n.kind)));
    f.cmp(
        "dimension",
        Some(ob.dimensions()[o.dimension].id.clone()),
        Some(nb.dimensions()[n.dimension].id.clone()),
    );
    f.cmp(
        "module",
        Some(ob.modules()[o.module].id.clone()),
        Some(nb.modules()[n.module].id.clone()),
    );
    f.cmp("weight", Some(decimal(o.weight)), Some(decimal(n.weight)));
    let critical = |q: &Question| {
        q.critical.as_ref().map(|c| {
            let mut text = format!("measure {}, threshold {}", c.measure, decimal(c.threshold));
            if !c.required.is_empty() {
                text.push_str(&format!(", required {}", c.required.join(", ")));
            }
            text
        })
    };
    f.cmp("critical", critical(o), critical(n));
    f.cmp(
        "not_applicable",
        Some(o.not_applicable.to_string()),
        Some(n.not_applicable.to_string()),
    );
    condition_field(
        &mut f,
        "show_if",
        ob,
        o.show_if.as_ref(),
        nb,
        n.show_if.as_ref(),
    );
    f.cmp(
        "title",
        o.title.as_ref().map(text),
        n.title.as_ref().map(text),
    );
    f.text("text", &o.text, &n.text);
    f.text("help", &o.help, &n.help);
    f.text("recommendation", &o.recommendation, &n.recommendation);
    let refs = |q: &Question| {
        let list: Vec<String> = (q.references.iter())
            .map(|r| {
                format!(
                    "{}: {}",
                    super::ReferenceKind::CODES[r.kind as usize],
                    text(&r.text)
                )
            })
            .collect();
        (!list.is_empty()).then(|| list.join("; "))
    };
    f.cmp("references", refs(o), refs(n));
    let owner = |b: &Bank, q: &Question| q.owner.map(|r| b.roles()[r].id.clone());
    f.cmp("owner", owner(ob, o), owner(nb, n));
    let value_name = match n.kind {
        QuestionKind::Single => "score",
        QuestionKind::Checklist => "weight",
    };
    for no in &n.options {
        match o.option(&no.id) {
            None => f.cmp(
                format!("options[{}]", no.id),
                None,
                Some(format!(
                    "{} ({value_name} {})",
                    text(&no.text),
                    decimal(no.value)
                )),
            ),
            Some(oo) => {
                f.text(&format!("options[{}].text", no.id), &oo.text, &no.text);
                f.cmp(
                    format!("options[{}].{value_name}", no.id),
                    Some(decimal(oo.value)),
                    Some(decimal(no.value)),
                );
            }
        }
    }
    for oo in &o.options {
        if n.option(&oo.id).is_none() {
            f.cmp(format!("options[{}]", oo.id), Some(text(&oo.text)), None);
        }
    }
    let order = |q: &Question| {
        Some(
            (q.options.iter())
                .map(|o| o.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    if f.0.iter().all(|c| !c.field.starts_with("options[")) {
        f.cmp("options (order)", order(o), order(n));
    }
    f.0
}

/// Compares conditions by what they test (question and option ids, not positions), and shows
/// them in English words.
fn condition_field(
    f: &mut Fields,
    field: &str,
    ob: &Bank,
    o: Option<&Condition>,
    nb: &Bank,
    n: Option<&Condition>,
) {
    let code = |b: &Bank, c: Option<&Condition>| c.map(|c| condition_code(b, c));
    if code(ob, o) != code(nb, n) {
        f.0.push(FieldChange {
            field: field.to_string(),
            old: o.map(|c| condition_in_words(ob, c, Lang::En)),
            new: n.map(|c| condition_in_words(nb, c, Lang::En)),
        });
    }
}

/// A canonical form of a condition that names questions by id.
fn condition_code(bank: &Bank, c: &Condition) -> String {
    let list = |parts: &[Condition]| {
        (parts.iter())
            .map(|p| condition_code(bank, p))
            .collect::<Vec<_>>()
            .join(",")
    };
    match c {
        Condition::Industry(s) => format!(
            "industry{:?}",
            s.iter().map(|i| i.code()).collect::<Vec<_>>()
        ),
        Condition::Size(s) => format!("size{:?}", s.iter().map(|i| i.code()).collect::<Vec<_>>()),
        Condition::Stage(s) => format!("stage{:?}", s.iter().map(|i| i.code()).collect::<Vec<_>>()),
        Condition::CrossBorder(b) => format!("cross_border({b})"),
        Condition::Partners(b) => format!("partners({b})"),
        Condition::AiModels(b) => format!("ai_models({b})"),
        Condition::Answer { question, any_of } => {
            format!("answer({},{any_of:?})", bank.questions()[*question].id)
        }
        Condition::All(parts) => format!("all({})", list(parts)),
        Condition::Any(parts) => format!("any({})", list(parts)),
        Condition::Not(inner) => format!("not({})", condition_code(bank, inner)),
    }
}

/// Pairs items by id: changed fields of common items, and the items added or removed.
fn by_id<T>(
    out: &mut Vec<OtherChange>,
    what: &'static str,
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> String,
    fields: impl Fn(&mut Fields, &T, &T),
) {
    for n in new {
        match old.iter().find(|o| id(o) == id(n)) {
            None => out.push(OtherChange {
                what,
                id: id(n),
                change: "added",
                fields: vec![],
            }),
            Some(o) => {
                let mut f = Fields::default();
                fields(&mut f, o, n);
                if !f.0.is_empty() {
                    out.push(OtherChange {
                        what,
                        id: id(n),
                        change: "changed",
                        fields: f.0,
                    });
                }
            }
        }
    }
    for o in old {
        if !new.iter().any(|n| id(n) == id(o)) {
            out.push(OtherChange {
                what,
                id: id(o),
                change: "removed",
                fields: vec![],
            });
        }
    }
}

fn other_changes(ob: &Bank, nb: &Bank, out: &mut Vec<OtherChange>) {
    let mut f = Fields::default();
    f.cmp("id", Some(ob.id().to_string()), Some(nb.id().to_string()));
    f.text("title", ob.title(), nb.title());
    f.text("disclaimer", ob.disclaimer(), nb.disclaimer());
    let scoring = |b: &Bank| {
        let s = b.scoring();
        let levels: Vec<String> = (s.levels.iter())
            .map(|l| format!("{} {}", decimal(l.min), text(&l.name)))
            .collect();
        format!(
            "levels [{}], red_flag_level_cap {}, high_risk_below {}, low_risk_from {}",
            levels.join("; "),
            s.red_flag_level_cap,
            decimal(s.high_risk_below),
            decimal(s.low_risk_from)
        )
    };
    f.cmp("scoring", Some(scoring(ob)), Some(scoring(nb)));
    for (i, (o, n)) in (ob.scoring().levels.iter())
        .zip(&nb.scoring().levels)
        .enumerate()
    {
        f.text(
            &format!("scoring.levels[{i}].description"),
            &o.description,
            &n.description,
        );
    }
    if !f.0.is_empty() {
        out.push(OtherChange {
            what: "bank",
            id: nb.id().to_string(),
            change: "changed",
            fields: f.0,
        });
    }
    by_id(
        out,
        "dimension",
        ob.dimensions(),
        nb.dimensions(),
        |d| d.id.clone(),
        |f, o, n| {
            f.cmp("weight", Some(decimal(o.weight)), Some(decimal(n.weight)));
            f.text("name", &o.name, &n.name);
            f.text("description", &o.description, &n.description);
            f.text(
                "summary.high_risk",
                &o.summary.high_risk,
                &n.summary.high_risk,
            );
            f.text(
                "summary.medium_risk",
                &o.summary.medium_risk,
                &n.summary.medium_risk,
            );
            f.text("summary.low_risk", &o.summary.low_risk, &n.summary.low_risk);
        },
    );
    by_id(
        out,
        "module",
        ob.modules(),
        nb.modules(),
        |m| m.id.clone(),
        |f, o, n| {
            f.text("name", &o.name, &n.name);
            f.text("description", &o.description, &n.description);
            condition_field(f, "show_if", ob, o.show_if.as_ref(), nb, n.show_if.as_ref());
        },
    );
    by_id(
        out,
        "role",
        ob.roles(),
        nb.roles(),
        |r| r.id.clone(),
        |f, o, n| f.text("name", &o.name, &n.name),
    );
    by_id(
        out,
        "service",
        ob.services(),
        nb.services(),
        |s| s.id.clone(),
        |f, o, n| {
            f.text("name", &o.name, &n.name);
            f.text("description", &o.description, &n.description);
        },
    );
    by_id(
        out,
        "evidence",
        ob.evidence(),
        nb.evidence(),
        |m| m.measure.to_string(),
        |f, o, n| {
            f.text("name", &o.name, &n.name);
            for nr in &n.records {
                match o.records.iter().find(|r| r.id == nr.id) {
                    None => f.cmp(format!("records[{}]", nr.id), None, Some(text(&nr.text))),
                    Some(or) => {
                        f.text(&format!("records[{}].text", nr.id), &or.text, &nr.text);
                        condition_field(
                            f,
                            &format!("records[{}].have_if", nr.id),
                            ob,
                            Some(&or.have_if),
                            nb,
                            Some(&nr.have_if),
                        );
                    }
                }
            }
            for or in &o.records {
                if !n.records.iter().any(|r| r.id == or.id) {
                    f.cmp(format!("records[{}]", or.id), Some(text(&or.text)), None);
                }
            }
        },
    );
}
