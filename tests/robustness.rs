//! Hostile input never crashes a reader. Thousands of random byte strings and random mutations
//! of valid documents go into `Bank::from_json`, `answers_file::decode` and `snapshot::decode`:
//! each returns, and a refusal always says why. A mutated bank that is still accepted can be
//! scored and reported. The cases come from proptest, which shrinks a failure to the fewest,
//! smallest changes; `cargo bench --bench fuzz` runs the same readers on millions of inputs,
//! and an input it finds panicking becomes a fixture read here.

use crate::util::{
    arb_rng, config, mini_bank, random_profile, read_test_file, test_path, Rng, MINI_BANK_JSON,
};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use serde_json::{json, Value};
use tscheck::answers_file;
use tscheck::bank::Bank;
use tscheck::lang::Lang;
use tscheck::report;
use tscheck::report_text::to_text;
use tscheck::session::{Session, Stage};
use tscheck::snapshot;

/// JSON pointers of every value in a document.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointers(
                    child,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn pointer_list(doc: &Value) -> Vec<String> {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    all
}

fn random_scalar(rng: &mut Rng) -> Value {
    match rng.below(14) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1),
        3 => json!(0),
        4 => json!(1.5),
        5 => json!(1e308),
        6 => json!(u64::MAX),
        7 => json!(""),
        8 => json!("na"),
        9 => json!("none"),
        10 => json!("   "),
        11 => json!("<img src=x onerror=alert(1)>"),
        12 => json!(i64::MIN),
        _ => json!("b1"),
    }
}

fn random_value(rng: &mut Rng) -> Value {
    match rng.below(4) {
        0 => json!([]),
        1 => json!({}),
        2 => json!([random_scalar(rng)]),
        _ => random_scalar(rng),
    }
}

/// One random change: delete a key, change a type, change a number, duplicate or drop an
/// array item, rename a key, or nest conditions deeply.
/// `all` lists the pointers of the unmutated document; one that no longer resolves after an
/// earlier change makes this change a no-op.
fn mutate(doc: &mut Value, all: &[String], rng: &mut Rng) {
    let target = rng.pick(all).clone();
    let (parent, last) = match target.rfind('/') {
        Some(i) => (
            target[..i].to_string(),
            target[i + 1..].replace("~1", "/").replace("~0", "~"),
        ),
        None => (String::new(), String::new()),
    };
    match rng.below(8) {
        0 => match doc.pointer_mut(&parent) {
            Some(Value::Object(map)) => {
                map.remove(&last);
            }
            Some(Value::Array(items)) => {
                if let Some(i) = last.parse::<usize>().ok().filter(|&i| i < items.len()) {
                    items.remove(i);
                }
            }
            _ => {}
        },
        1 => {
            if let Some(v) = doc.pointer_mut(&target) {
                *v = random_value(rng);
            }
        }
        2 => {
            if let Some(v) = doc.pointer_mut(&target) {
                if v.is_number() || rng.chance(30) {
                    *v =
                        json!(*rng.pick(&[
                            -1.0, 0.0, 0.25, 0.5, 1.0, 2.0, 5.0, 100.0, 101.0, 1e-9, -0.0
                        ]));
                }
            }
        }
        3 => {
            if let Some(Value::Array(items)) = doc.pointer_mut(&parent) {
                if let Some(i) = last.parse::<usize>().ok().filter(|&i| i < items.len()) {
                    let copy = items[i].clone();
                    items.insert(i, copy);
                }
            }
        }
        4 => {
            if let Some(Value::Object(map)) = doc.pointer_mut(&parent) {
                if let Some(v) = map.remove(&last) {
                    map.insert(format!("{last}x"), v);
                }
            }
        }
        5 => {
            if let Some(v) = doc.pointer_mut(&target) {
                let mut nested = json!({ "industry": ["general"] });
                for _ in 0..rng.range(1, 80) {
                    nested = match rng.below(3) {
                        0 => json!({ "not": nested }),
                        1 => json!({ "all": [nested] }),
                        _ => {
                            json!({ "any": [nested, { "answer": { "question": "b1", "any_of": ["full"] } }] })
                        }
                    };
                }
                *v = nested;
            }
        }
        6 => {
            if let Some(v) = doc.pointer_mut(&target) {
                *v = json!(*rng.pick(&[
                    "a1", "b1", "b2", "alpha", "beta", "bio", "general", "some", "full", "x", "y"
                ]));
            }
        }
        _ => {
            if let Some(Value::Object(map)) = doc.pointer_mut(&target) {
                map.insert(
                    "show_if".into(),
                    json!({ "answer": { "question": "b2", "any_of": ["full"] } }),
                );
            }
        }
    }
}

/// Bytes of a mutated document: one to four changes, then sometimes a truncation.
fn mutated_bytes(base: &Value, all: &[String], rng: &mut Rng) -> Vec<u8> {
    let mut doc = base.clone();
    for _ in 0..rng.range(1, 4) {
        mutate(&mut doc, all, rng);
    }
    let mut bytes = if rng.chance(50) {
        doc.to_string()
    } else {
        serde_json::to_string_pretty(&doc).unwrap()
    }
    .into_bytes();
    if rng.chance(15) {
        bytes.truncate(rng.below(bytes.len() + 1));
    }
    bytes
}

/// Short byte strings, mostly JSON's own characters so that many get past the first byte.
fn arb_bytes() -> impl Strategy<Value = Vec<u8>> {
    const JSON_BYTES: &[u8] = b"{}[]\":,0123456789.eE-+ \n\ttruefalsnul\\";
    prop::collection::vec(
        prop_oneof![7 => prop::sample::select(JSON_BYTES), 3 => any::<u8>()],
        0..200,
    )
}

/// Runs `property` on `cases` generated choices under proptest (shrinking a failure to the
/// fewest, smallest changes) and returns how many cases it counted.
fn count_cases(cases: u32, property: impl Fn(&mut Rng) -> bool) -> usize {
    let counted = std::cell::Cell::new(0);
    let mut runner = TestRunner::new(config(cases));
    let result = runner.run(&arb_rng(), |mut rng| {
        if property(&mut rng) {
            counted.set(counted.get() + 1);
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    counted.get()
}

/// Feeds the bytes to all three readers; a refusal must name at least one problem.
fn read_all_ways(bytes: &[u8], bank: &Bank) -> Option<Bank> {
    let parsed = Bank::from_json(bytes);
    if let Err(problems) = &parsed {
        assert!(
            !problems.is_empty(),
            "a bank was refused without a problem:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
    if let Err(problems) = answers_file::decode(bytes, bank) {
        assert!(
            !problems.is_empty(),
            "an answers file was refused without a problem:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
    let _ = snapshot::decode(bytes, bank);
    parsed.ok()
}

/// A bank the validator accepts must be usable: visibility, scores, the report and its text.
fn use_bank(bank: &Bank, rng: &mut Rng) {
    let session = crate::util::random_session(bank, &random_profile(rng), rng, 30);
    let built = report::build(
        bank,
        &session.profile,
        &session.answers,
        &Default::default(),
        None,
        None,
    );
    let _ = to_text(&built, Lang::En);
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn random_bytes_never_crash_a_reader(bytes in arb_bytes()) {
        static BANK: std::sync::OnceLock<Bank> = std::sync::OnceLock::new();
        read_all_ways(&bytes, BANK.get_or_init(mini_bank));
    }
}

#[test]
fn mutated_banks_never_crash_the_validator_and_accepted_ones_can_be_scored() {
    let bank = mini_bank();
    let base: Value = serde_json::from_str(MINI_BANK_JSON).unwrap();
    let all = pointer_list(&base);
    let accepted = count_cases(2000, |rng| {
        let bytes = mutated_bytes(&base, &all, rng);
        let mutant = read_all_ways(&bytes, &bank);
        if let Some(mutant) = &mutant {
            use_bank(mutant, rng);
        }
        mutant.is_some()
    });
    // Some changes keep the bank valid (a number within range, a deleted optional field):
    // those must be scored too, so make sure the run included them.
    assert!(accepted > 50, "only {accepted} mutants were valid");
}

#[test]
fn mutated_answers_files_and_snapshots_never_crash_their_readers() {
    let bank = mini_bank();
    let answers: Value =
        serde_json::from_slice(&read_test_file("fixtures/answers/mini-answers.json")).unwrap();
    let mut rng = Rng::new(0xA115);
    let session = crate::util::random_session(&bank, &random_profile(&mut rng), &mut rng, 20);
    let saved: Value = serde_json::from_str(&snapshot::encode(
        &bank,
        &Session {
            stage: Stage::Questions,
            ..session
        },
    ))
    .unwrap();
    let (answers_pointers, saved_pointers) = (pointer_list(&answers), pointer_list(&saved));
    let loaded_files = count_cases(1500, |rng| {
        let bytes = mutated_bytes(&answers, &answers_pointers, rng);
        read_all_ways(&bytes, &bank);
        let Ok(file) = answers_file::decode(&bytes, &bank) else {
            return false;
        };
        let _ = report::build(
            &bank,
            &file.profile,
            &file.answers,
            &Default::default(),
            None,
            Some(&file),
        );
        true
    });
    let loaded_snapshots = count_cases(1500, |rng| {
        let bytes = mutated_bytes(&saved, &saved_pointers, rng);
        read_all_ways(&bytes, &bank);
        snapshot::decode(&bytes, &bank).is_ok()
    });
    assert!(
        loaded_files > 50 && loaded_snapshots > 50,
        "{loaded_files} files, {loaded_snapshots} snapshots"
    );
}

#[test]
fn every_fixture_file_goes_through_every_reader() {
    let bank = mini_bank();
    for dir in ["fixtures", "fixtures/broken", "fixtures/answers"] {
        for entry in std::fs::read_dir(test_path(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                read_all_ways(&std::fs::read(&path).unwrap(), &bank);
            }
        }
    }
}
