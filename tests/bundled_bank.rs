//! The bank bundled into the widget (`assets/bank/bank.json`): valid, and keeping every scoring
//! promise whatever its content. These tests hold for any valid bank, so they keep working
//! when the real content replaces the placeholder.

use crate::scoring_properties::check_every_scoring_property;
use crate::util::{answer_all, session_with_profile, strongest, weakest};
use tscheck::answers_file;
use tscheck::bank::{Bank, BUNDLED_BANK_JSON};
use tscheck::lang::Lang;
use tscheck::profile::{Industry, Profile};
use tscheck::report;
use tscheck::report_text::to_text;

fn bundled() -> Bank {
    match Bank::bundled() {
        Ok(bank) => bank,
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(|p| p.line(Lang::En)).collect();
            panic!("assets/bank/bank.json is invalid:\n{}", lines.join("\n"))
        }
    }
}

#[test]
fn the_bundled_bank_is_valid() {
    let bank = bundled();
    assert!(!bank.questions().is_empty());
    let on_disk = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/bank/bank.json"
    ))
    .unwrap();
    // The build script bundles the file without its pretty-printing: the same JSON.
    let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(
        parse(&on_disk),
        parse(BUNDLED_BANK_JSON),
        "the binary bundles the file in assets/bank"
    );
    assert!(
        BUNDLED_BANK_JSON.len() < on_disk.len() && !BUNDLED_BANK_JSON.contains("\n"),
        "the bundled copy is minified"
    );
}

#[test]
fn the_bundled_bank_keeps_every_scoring_promise() {
    check_every_scoring_property(&bundled(), 0xB0B, 20);
}

#[test]
fn every_industry_gets_a_complete_report_from_the_bundled_bank() {
    let bank = bundled();
    for industry in Industry::ALL {
        for (cross_border, ai_models) in [(false, false), (true, false), (false, true)] {
            let profile = Profile {
                industry: *industry,
                cross_border,
                ai_models,
                ..Profile::default()
            };
            for choose in [strongest, weakest] {
                let session = answer_all(&bank, session_with_profile(&bank, &profile), choose);
                let built = report::build(
                    &bank,
                    &profile,
                    &session.answers,
                    &Default::default(),
                    None,
                    None,
                );
                assert_eq!(built.completeness, 100);
                assert!(!built.dimensions.is_empty());
                for lang in Lang::ALL {
                    let text = to_text(&built, lang);
                    assert!(text.contains(bank.disclaimer().get(lang)));
                }
                let saved = answers_file::encode(
                    &bank,
                    &profile,
                    &session.answers,
                    &Default::default(),
                    None,
                );
                let loaded = answers_file::decode(saved.as_bytes(), &bank).expect("loads");
                assert_eq!(loaded.answers, session.answers);
            }
        }
    }
}
