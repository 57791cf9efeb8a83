//! Shared helpers: fixture paths, a deterministic PRNG, a generator of valid random banks and
//! the answers that drive a session the way a respondent would.

use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, RngSeed};
use serde_json::{json, Value};
use std::path::PathBuf;
use tscheck::answers::{Answer, NONE_OF_THESE, NOT_APPLICABLE};
use tscheck::bank::{Bank, Question, QuestionKind};
use tscheck::lang::Lang;
use tscheck::profile::{Industry, Profile, Size, Stage};
use tscheck::session::{Action, Session};

/// The small valid bank most tests run on.
pub const MINI_BANK_JSON: &str = include_str!("fixtures/mini-bank.json");

/// The absolute path of a file under `tests/`.
pub fn test_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(relative)
}

pub fn read_test_file(relative: &str) -> Vec<u8> {
    let path = test_path(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Validates a bank, failing the test with every problem listed.
pub fn valid_bank(json: &[u8]) -> Bank {
    match Bank::from_json(json) {
        Ok(bank) => bank,
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(|p| p.line(Lang::En)).collect();
            panic!("the bank was refused:\n{}", lines.join("\n"))
        }
    }
}

pub fn mini_bank() -> Bank {
    valid_bank(MINI_BANK_JSON.as_bytes())
}

/// The mini bank after an edit of its JSON (the edit must keep it valid).
pub fn mini_bank_with(edit: impl FnOnce(&mut Value)) -> Bank {
    let mut value: Value = serde_json::from_str(MINI_BANK_JSON).expect("the mini bank is JSON");
    edit(&mut value);
    valid_bank(value.to_string().as_bytes())
}

/// The JSON object of one question of a bank document, by id.
pub fn question_json<'a>(bank: &'a mut Value, id: &str) -> &'a mut Value {
    bank["questions"]
        .as_array_mut()
        .and_then(|qs| qs.iter_mut().find(|q| q["id"] == id))
        .unwrap_or_else(|| panic!("no question {id}"))
}

/// The source of every random choice of the generators below. Under proptest it replays a
/// sequence of numbers that proptest generated (`Rng::replay`), then continues with SplitMix64
/// from a seed, also generated: when a property fails, proptest shrinks the numbers towards 0
/// and fewer of them, and since every choice maps 0 to its simplest case (the first option,
/// the fewest questions, no condition), the failure is reported on the smallest bank and
/// session that still fail. `Rng::new(seed)` is SplitMix64 alone, for the example tests that
/// need a fixed spread of cases.
#[derive(Clone, Debug)]
pub struct Rng {
    replay: Vec<u64>,
    at: usize,
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng::replay(Vec::new(), seed)
    }

    pub fn replay(choices: Vec<u64>, seed: u64) -> Rng {
        Rng {
            replay: choices,
            at: 0,
            state: seed,
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        if let Some(&choice) = self.replay.get(self.at) {
            self.at += 1;
            return choice;
        }
        // SplitMix64: small, fast and the same on every machine.
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }

    /// A non-empty random subset, in the original order.
    pub fn subset<T: Clone>(&mut self, items: &[T]) -> Vec<T> {
        loop {
            let chosen: Vec<T> = items.iter().filter(|_| self.chance(50)).cloned().collect();
            if !chosen.is_empty() {
                return chosen;
            }
        }
    }

    /// A positive number with two decimals, at most `max`.
    pub fn positive(&mut self, max: usize) -> f64 {
        self.range(1, max * 100) as f64 / 100.0
    }
}

// ---------------------------------------------------------------------------------------------
// A generator of valid banks.

fn text(what: &str) -> Value {
    json!({ "zh": format!("{what}（中文）"), "en": format!("{what} (English)") })
}

fn random_profile_condition(rng: &mut Rng) -> Value {
    match rng.below(6) {
        0 => json!({ "industry": rng.subset(Industry::CODES) }),
        1 => json!({ "size": rng.subset(Size::CODES) }),
        2 => json!({ "stage": rng.subset(Stage::CODES) }),
        3 => json!({ "cross_border": rng.chance(50) }),
        4 => json!({ "ai_models": rng.chance(50) }),
        _ => json!({ "partners": rng.chance(50) }),
    }
}

/// An answer condition on `gate` that a stronger answer never switches off: for a single
/// choice, every option from some score upwards; for a checklist, any non-empty set of practices.
fn upward_closed_condition(rng: &mut Rng, gate: &Value) -> Value {
    let options = gate["options"].as_array().expect("options");
    let any_of: Vec<Value> = if gate["kind"] == "single" {
        let from = options[rng.below(options.len())]["score"]
            .as_f64()
            .expect("score");
        options
            .iter()
            .filter(|o| o["score"].as_f64() >= Some(from))
            .map(|o| o["id"].clone())
            .collect()
    } else {
        rng.subset(options)
            .into_iter()
            .map(|o| o["id"].clone())
            .collect()
    };
    json!({ "answer": { "question": gate["id"], "any_of": any_of } })
}

/// Builds the JSON of a valid random bank with `n_dimensions` dimensions: single-choice and
/// checklist questions (with tied scores now and then), critical questions (checklists with
/// required practices now and then), questions that
/// allow "not applicable", profile conditions (also under `not`), and upward-closed answer
/// conditions on questions and on a whole module. Questions only depend on earlier ones, so
/// there is no cycle.
pub fn generate_bank(rng: &mut Rng, n_dimensions: usize) -> String {
    let n_questions = n_dimensions + rng.below(2 * n_dimensions + 3);
    let mut questions: Vec<Value> = Vec::new();
    for i in 0..n_questions {
        let kind = if rng.chance(60) {
            "single"
        } else {
            "checklist"
        };
        let n_options = rng.range(2, 5);
        let options: Vec<Value> = if kind == "single" {
            // Scores on a rising scale from 0 to 1, with ties allowed in the middle.
            let mut scores: Vec<f64> = (0..n_options).map(|_| rng.below(5) as f64 / 4.0).collect();
            scores.sort_by(f64::total_cmp);
            scores[0] = 0.0;
            scores[n_options - 1] = 1.0;
            scores
                .iter()
                .enumerate()
                .map(|(k, s)| json!({ "id": format!("o{k}"), "score": s, "text": text(&format!("q{i} o{k}")) }))
                .collect()
        } else {
            (0..n_options)
                .map(|k| json!({ "id": format!("p{k}"), "weight": rng.positive(3), "text": text(&format!("q{i} p{k}")) }))
                .collect()
        };
        let module = if i == 0 {
            "general"
        } else {
            *rng.pick(&["general", "general", "general", "sector", "deep"])
        };
        let mut question = json!({
            "id": format!("q{i}"),
            "dimension": format!("d{}", if i < n_dimensions { i } else { rng.below(n_dimensions) }),
            "module": module,
            "kind": kind,
            "weight": rng.positive(3),
            "text": text(&format!("q{i}")),
            "help": text(&format!("q{i} help")),
            "recommendation": text(&format!("q{i} recommendation")),
            "options": options,
        });
        // A critical question may not wait for another answer: not in the "deep" module.
        if module != "deep" && rng.chance(30) {
            question["critical"] =
                json!({ "measure": rng.range(1, 7), "threshold": rng.range(1, 4) as f64 / 4.0 });
            // A checklist's measure may consist of some of its practices (`required`).
            if kind == "checklist" && rng.chance(50) {
                let ids: Vec<Value> = (0..n_options)
                    .filter(|_| rng.chance(40))
                    .map(|k| json!(format!("p{k}")))
                    .collect();
                question["critical"]["required"] = json!(ids);
            }
            question["references"] = json!([{ "kind": "law", "text": text("law") }]);
        } else if rng.chance(30) {
            question["references"] = json!([{ "kind": *rng.pick(&["standard", "guideline", "case"]), "text": text("ref") }]);
        }
        questions.push(question);
    }
    // Conditions on earlier questions; the questions they read become gates.
    let mut gates = vec![false; n_questions];
    gates[0] = true; // The "deep" module is shown after an answer to q0.
    for i in 1..n_questions {
        if !rng.chance(40) {
            continue;
        }
        if questions[i].get("critical").is_some() {
            questions[i]["show_if"] = random_profile_condition(rng);
            continue;
        }
        let gate_index = rng.below(i);
        let answer = upward_closed_condition(rng, &questions[gate_index]);
        let profile = random_profile_condition(rng);
        let condition = match rng.below(6) {
            0 | 1 => answer,
            2 => json!({ "all": [answer, profile] }),
            3 => json!({ "any": [answer, profile] }),
            4 => json!({ "not": profile }),
            _ => profile,
        };
        if condition.to_string().contains("\"answer\"") {
            gates[gate_index] = true;
        }
        questions[i]["show_if"] = condition;
    }
    for (question, gate) in questions.iter_mut().zip(&gates) {
        if !gate && rng.chance(30) {
            question["not_applicable"] = json!(true);
        }
    }
    let deep_condition = upward_closed_condition(rng, &questions[0]);
    let dimensions: Vec<Value> = (0..n_dimensions)
        .map(|d| {
            json!({
                "id": format!("d{d}"),
                "weight": rng.positive(5),
                "name": text(&format!("d{d}")),
                "description": text(&format!("d{d} description")),
                "summary": { "high_risk": text("high"), "medium_risk": text("medium"), "low_risk": text("low") },
            })
        })
        .collect();
    let mut mins: Vec<usize> = Vec::new();
    while mins.len() < 4 {
        let m = rng.range(1, 100);
        if !mins.contains(&m) {
            mins.push(m);
        }
    }
    mins.sort_unstable();
    mins.insert(0, 0);
    let levels: Vec<Value> = mins
        .iter()
        .enumerate()
        .map(|(i, m)| json!({ "min": m, "name": text(&format!("level {}", i + 1)), "description": text("level") }))
        .collect();
    let high = rng.range(0, 100);
    let low = rng.range(high, 100);
    json!({
        "format": "tscheck-bank",
        "format_version": 1,
        "id": "generated",
        "version": "1",
        "title": text("generated bank"),
        "scoring": {
            "levels": levels,
            "red_flag_level_cap": rng.range(1, 5),
            "high_risk_below": high,
            "low_risk_from": low,
        },
        "modules": [
            { "id": "general", "name": text("general"), "description": text("general") },
            { "id": "sector", "name": text("sector"), "description": text("sector"), "show_if": random_profile_condition(rng) },
            { "id": "deep", "name": text("deep"), "description": text("deep"), "show_if": deep_condition },
        ],
        "dimensions": dimensions,
        "questions": questions,
        "services": [{ "id": "svc", "name": text("service"), "description": text("service") }],
        "disclaimer": text("disclaimer"),
    })
    .to_string()
}

// ---------------------------------------------------------------------------------------------
// Proptest strategies: the generators above, driven by numbers proptest can shrink.

/// The settings every property uses: a fixed seed (a run is the same on every machine and a
/// failure replays; `PROPTEST_RNG_SEED` does not apply), no regression files, and `cases`
/// cases, chosen per property to keep `cargo test` quick.
pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        rng_seed: RngSeed::Fixed(0x7C5C_EC4B),
        failure_persistence: None,
        max_shrink_iters: 4_096,
        ..ProptestConfig::default()
    }
}

/// Random choices for the generators: up to 600 numbers proptest shrinks, then SplitMix64
/// from a shrinkable seed.
pub fn arb_rng() -> impl Strategy<Value = Rng> {
    (prop::collection::vec(any::<u64>(), 0..600), any::<u64>())
        .prop_map(|(choices, seed)| Rng::replay(choices, seed))
}

/// A generated bank, shown by its JSON when a property fails.
#[derive(Clone)]
pub struct GeneratedBank {
    pub json: String,
    pub bank: Bank,
}

impl std::fmt::Debug for GeneratedBank {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value: Value = serde_json::from_str(&self.json).map_err(|_| std::fmt::Error)?;
        let pretty = serde_json::to_string_pretty(&value).map_err(|_| std::fmt::Error)?;
        write!(f, "the bank\n{pretty}")
    }
}

/// A valid generated bank (see `generate_bank`) of 1 to `max_dimensions` dimensions.
pub fn arb_bank(max_dimensions: usize) -> impl Strategy<Value = GeneratedBank> {
    (1..=max_dimensions, arb_rng()).prop_map(|(n, mut rng)| {
        let json = generate_bank(&mut rng, n);
        let bank = valid_bank(json.as_bytes());
        GeneratedBank { json, bank }
    })
}

/// The mini bank now and then, a generated bank otherwise.
pub fn arb_bank_or_mini(max_dimensions: usize) -> impl Strategy<Value = GeneratedBank> {
    prop_oneof![
        1 => Just(GeneratedBank {
            json: MINI_BANK_JSON.to_string(),
            bank: mini_bank(),
        }),
        9 => arb_bank(max_dimensions),
    ]
}

pub fn arb_profile() -> impl Strategy<Value = Profile> {
    (
        prop::sample::select(Industry::ALL),
        prop::option::of(prop::sample::select(Size::ALL)),
        prop::option::of(prop::sample::select(Stage::ALL)),
        any::<(bool, bool, bool)>(),
    )
        .prop_map(
            |(industry, size, stage, (cross_border, partners, ai_models))| Profile {
                industry,
                size,
                stage,
                cross_border,
                partners,
                ai_models,
                org_name: String::new(),
            },
        )
}

pub fn random_profile(rng: &mut Rng) -> Profile {
    Profile {
        industry: *rng.pick(Industry::ALL),
        size: if rng.chance(70) {
            Some(*rng.pick(Size::ALL))
        } else {
            None
        },
        stage: if rng.chance(70) {
            Some(*rng.pick(Stage::ALL))
        } else {
            None
        },
        cross_border: rng.chance(50),
        partners: rng.chance(50),
        ai_models: rng.chance(50),
        org_name: String::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Answering like a respondent: only visible questions, only through `Session::apply`.

/// The actions that give `question` exactly `answer`, starting from no answer.
pub fn actions_for(question: &Question, answer: &Answer) -> Vec<Action> {
    let id = question.id.clone();
    match answer {
        Answer::Choice(option) => vec![Action::Choose {
            question: id,
            option: option.clone(),
        }],
        Answer::NotApplicable => vec![Action::Choose {
            question: id,
            option: NOT_APPLICABLE.into(),
        }],
        Answer::Checked(ticked) if ticked.is_empty() => {
            vec![Action::Tick {
                question: id,
                option: NONE_OF_THESE.into(),
                ticked: true,
            }]
        }
        Answer::Checked(ticked) => ticked
            .iter()
            .map(|option| Action::Tick {
                question: id.clone(),
                option: option.clone(),
                ticked: true,
            })
            .collect(),
    }
}

/// The strongest answer: the top of the scale, or every practice ticked.
pub fn strongest(question: &Question) -> Answer {
    match question.kind {
        QuestionKind::Single => {
            Answer::Choice(question.options.last().expect("options").id.clone())
        }
        QuestionKind::Checklist => {
            Answer::Checked(question.options.iter().map(|o| o.id.clone()).collect())
        }
    }
}

/// The weakest answer: the bottom of the scale, or "none of these".
pub fn weakest(question: &Question) -> Answer {
    match question.kind {
        QuestionKind::Single => Answer::Choice(question.options[0].id.clone()),
        QuestionKind::Checklist => Answer::Checked(Default::default()),
    }
}

pub fn session_with_profile(bank: &Bank, profile: &Profile) -> Session {
    Session::new(Lang::Zh).apply(bank, Action::SetProfile(profile.clone()))
}

/// Answers every visible question with `choose`, again and again as answers reveal follow-ups,
/// until every visible question is answered.
pub fn answer_all(
    bank: &Bank,
    mut session: Session,
    choose: impl Fn(&Question) -> Answer,
) -> Session {
    loop {
        let open: Vec<usize> = session
            .visibility(bank)
            .questions()
            .filter(|&i| !session.answers.contains_key(&bank.questions()[i].id))
            .collect();
        if open.is_empty() {
            return session;
        }
        for i in open {
            let question = &bank.questions()[i];
            for action in actions_for(question, &choose(question)) {
                session = session.apply(bank, action);
            }
        }
    }
}

/// One random click of a respondent on a visible question: an option, a box, "none of these",
/// "not applicable" or clearing the answer.
pub fn random_click(bank: &Bank, session: &Session, rng: &mut Rng) -> Option<Action> {
    let visible: Vec<usize> = session.visibility(bank).questions().collect();
    if visible.is_empty() {
        return None;
    }
    let question = &bank.questions()[*rng.pick(&visible)];
    let id = question.id.clone();
    let option = rng.pick(&question.options).id.clone();
    Some(match (question.kind, rng.below(10)) {
        (_, 0) => Action::ClearAnswer { question: id },
        (_, 1) => Action::Choose {
            question: id,
            option: NOT_APPLICABLE.into(),
        },
        (QuestionKind::Single, _) => Action::Choose {
            question: id,
            option,
        },
        (QuestionKind::Checklist, 2) => Action::Tick {
            question: id,
            option: NONE_OF_THESE.into(),
            ticked: true,
        },
        (QuestionKind::Checklist, n) => Action::Tick {
            question: id,
            option,
            ticked: n < 8,
        },
    })
}

/// A session after `clicks` random clicks on visible questions.
pub fn random_session(bank: &Bank, profile: &Profile, rng: &mut Rng, clicks: usize) -> Session {
    let mut session = session_with_profile(bank, profile);
    for _ in 0..clicks {
        if let Some(action) = random_click(bank, &session, rng) {
            session = session.apply(bank, action);
        }
    }
    session
}

/// Runs `tscheck` from the crate root: (exit code, stdout, stderr).
pub fn tscheck_output(args: &[&str]) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tscheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("tscheck runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}
