//! The content of the bundled bank meets the coverage the product promises (issue 4): enough
//! questions per module and dimension, every confidentiality measure listed in SPC Art. 6 asked as a
//! critical question, the typical case patterns and industry risks addressed, and texts that
//! read right in both languages.

use std::collections::{BTreeMap, BTreeSet};
use tscheck::bank::{Bank, ReferenceKind};

fn bank() -> Bank {
    Bank::bundled().expect("the bundled bank is valid (see bundled_bank.rs)")
}

fn module_of(bank: &Bank, q: &tscheck::bank::Question) -> String {
    bank.modules()[q.module].id.clone()
}

fn all_text(q: &tscheck::bank::Question) -> String {
    let mut s = format!("{} {} {} {}", q.text.zh, q.text.en, q.help.zh, q.help.en);
    s.push_str(&format!(" {} {}", q.recommendation.zh, q.recommendation.en));
    for o in &q.options {
        s.push_str(&format!(" {} {}", o.text.zh, o.text.en));
    }
    s
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[test]
fn every_module_and_dimension_has_the_promised_number_of_questions() {
    let bank = bank();
    let mut per_module: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_dimension: BTreeMap<String, usize> = BTreeMap::new();
    for q in bank.questions() {
        *per_module.entry(module_of(&bank, q)).or_default() += 1;
        *per_dimension
            .entry(bank.dimensions()[q.dimension].id.clone())
            .or_default() += 1;
    }
    println!("questions per module: {per_module:?}");
    println!("questions per dimension: {per_dimension:?}");
    for (module, minimum) in [
        ("general", 70),
        ("low-altitude", 15),
        ("biomedical", 15),
        ("ai-robotics", 16),
        ("cross-border", 8),
    ] {
        let n = per_module.get(module).copied().unwrap_or(0);
        assert!(
            n >= minimum,
            "module {module} has {n} questions, fewer than {minimum}"
        );
    }
    assert!(bank.dimensions().len() >= 12, "at least 12 dimensions");
    for d in bank.dimensions() {
        let n = per_dimension.get(&d.id).copied().unwrap_or(0);
        assert!(n >= 3, "dimension {} has only {n} questions", d.id);
    }
    // Every dimension but cross-border is asked of every enterprise.
    for d in bank.dimensions().iter().filter(|d| d.id != "cross-border") {
        assert!(
            bank.questions()
                .iter()
                .any(|q| bank.dimensions()[q.dimension].id == d.id
                    && module_of(&bank, q) == "general"),
            "dimension {} has no general question",
            d.id
        );
    }
}

#[test]
fn each_listed_confidentiality_measure_is_a_critical_general_question_citing_the_law() {
    let bank = bank();
    let mut measures = BTreeSet::new();
    for q in bank.questions() {
        if let Some(c) = &q.critical {
            assert!(
                q.references.iter().any(|r| r.kind == ReferenceKind::Law),
                "critical question {} cites no law",
                q.id
            );
            if module_of(&bank, q) == "general" && q.show_if.is_none() {
                measures.insert(c.measure);
            }
        }
    }
    println!("listed measures asked of every enterprise: {measures:?}");
    assert_eq!(
        measures,
        (1..=7).collect::<BTreeSet<u8>>(),
        "SPC 2020 provisions Art. 6 (1)-(7)"
    );
}

#[test]
fn the_typical_case_patterns_of_the_guidelines_are_each_addressed() {
    let bank = bank();
    let has = |id: &str, words: &[&str]| {
        let q = bank
            .question(id)
            .unwrap_or_else(|| panic!("question {id} is missing"));
        let text = all_text(q);
        for w in words {
            assert!(text.contains(w), "question {id} should speak of {w:?}");
        }
    };
    // Technical secrets disclosed by departing staff (exit procedure, forensic review, group departures).
    has("people-exit-procedure", &["离职"]);
    has("people-exit-forensic-review", &["离职"]);
    has("people-group-departure-watch", &["吉利"]);
    // Leakage through partners and suppliers.
    has("partners-equipment-suppliers", &["供应商"]);
    has("partners-nda-before-disclosure", &["保密协议"]);
    // Protection of customer lists.
    has("customers-enriched-info", &["客户"]);
    // Repeated infringement after a settlement.
    has("response-settlement-terms", &["违约金"]);
}

#[test]
fn the_industry_modules_cover_their_named_risks() {
    let bank = bank();
    let module_text = |module: &str| {
        bank.questions()
            .iter()
            .filter(|q| module_of(&bank, q) == module)
            .map(all_text)
            .collect::<String>()
    };
    let la = module_text("low-altitude");
    for w in ["飞控", "固件", "GPL", "PX4", "试飞", "出口管制", "密钥"] {
        assert!(la.contains(w), "the low-altitude module should address {w}");
    }
    let bio = module_text("biomedical");
    for w in [
        "临床试验",
        "细胞",
        "CRO",
        "材料转移",
        "人类遗传资源",
        "专利",
    ] {
        assert!(bio.contains(w), "the biomedical module should address {w}");
    }
    let cb = module_text("cross-border");
    for w in ["出口管制", "数据出境", "第二百一十九条之一"] {
        assert!(cb.contains(w), "the cross-border module should address {w}");
    }
}

#[test]
fn texts_are_distinct_short_enough_and_in_the_right_language() {
    let bank = bank();
    let mut seen_zh = BTreeMap::new();
    let mut seen_en = BTreeMap::new();
    for q in bank.questions() {
        let chars = q.text.zh.chars().count();
        assert!(
            chars <= 120,
            "question {} has {chars} Chinese characters (at most 120)",
            q.id
        );
        if let Some(other) = seen_zh.insert(q.text.zh.clone(), q.id.clone()) {
            panic!("questions {other} and {} share their Chinese text", q.id);
        }
        if let Some(other) = seen_en.insert(q.text.en.to_lowercase(), q.id.clone()) {
            panic!("questions {other} and {} share their English text", q.id);
        }
        let mut pairs = vec![
            (&q.text, "text"),
            (&q.help, "help"),
            (&q.recommendation, "recommendation"),
        ];
        pairs.extend(q.options.iter().map(|o| (&o.text, "option")));
        for (text, what) in pairs {
            assert!(
                text.zh.chars().any(is_cjk),
                "{} {what}: the Chinese text has no Chinese",
                q.id
            );
            assert!(
                !text.en.chars().any(is_cjk)
                    || text.en.contains('《')
                    || text.en.chars().filter(|c| is_cjk(*c)).count() < 8,
                "{} {what}: the English text looks Chinese: {}",
                q.id,
                text.en
            );
        }
    }
}

#[test]
fn the_report_lists_each_source_once_laws_first_and_only_for_questions_asked() {
    use tscheck::answers::Answers;
    use tscheck::profile::{Industry, Profile};
    let bank = bank();
    let general = Profile::default();
    let biomedical = Profile {
        industry: Industry::Biomedical,
        ..Profile::default()
    };
    let refs = |p: &Profile| {
        tscheck::report::build(&bank, p, &Answers::new(), &Default::default(), None, None)
            .references
    };
    let (g, b) = (refs(&general), refs(&biomedical));
    for list in [&g, &b] {
        let texts: Vec<&str> = list.iter().map(|r| r.text.zh.as_str()).collect();
        let unique: BTreeSet<&str> = texts.iter().copied().collect();
        assert_eq!(unique.len(), texts.len(), "a source is listed twice");
        let ranks: Vec<u8> = list
            .iter()
            .map(|r| match r.kind {
                ReferenceKind::Law => 0,
                ReferenceKind::Standard => 1,
                ReferenceKind::Guideline => 2,
                ReferenceKind::Case => 3,
            })
            .collect();
        assert!(
            ranks.windows(2).all(|w| w[0] <= w[1]),
            "laws, then standards, guidelines, cases"
        );
        assert_eq!(ranks.first(), Some(&0));
    }
    // A source cited only by biomedical questions appears for a biomedical enterprise only.
    let only_bio: Vec<_> = b.iter().filter(|r| !g.contains(r)).collect();
    assert!(
        !only_bio.is_empty(),
        "the biomedical module adds sources of its own"
    );
    let bio_cited: BTreeSet<&str> = bank
        .questions()
        .iter()
        .filter(|q| module_of(&bank, q) == "biomedical")
        .flat_map(|q| q.references.iter().map(|r| r.text.zh.as_str()))
        .collect();
    for reference in only_bio {
        assert!(
            bio_cited.contains(reference.text.zh.as_str()),
            "{} is not from a biomedical question",
            reference.text.zh
        );
    }
}
