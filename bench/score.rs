//! Native benchmark of the scoring engine (issue 3): a synthetic 1,000-question bank with
//! every question answered is scored in full, then re-scored after one answer changes.
//!
//! Run with `cargo bench --bench score` (a hand-written harness: std::time::Instant, many
//! iterations, median reported). It is not part of `cargo test`. See README "Performance".

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tscheck::answers::{Answer, Answers};
use tscheck::bank::{Bank, QuestionKind};
use tscheck::lang::Lang;
use tscheck::profile::{Industry, Profile};
use tscheck::report;
use tscheck::score::score;
use tscheck::session::{Action, Session, Stage};

const QUESTIONS: usize = 1_000;
const DIMENSIONS: usize = 20;

fn text(zh: String, en: String) -> Value {
    json!({ "zh": zh, "en": en })
}

/// A valid bank of `QUESTIONS` questions over `DIMENSIONS` dimensions and four modules (one
/// switched on by the industry, one by cross-border), with single-choice and checklist
/// questions, critical questions, "not applicable" and a few (monotone) answer conditions.
fn synthetic_json() -> String {
    let levels: Vec<Value> = [0, 40, 60, 75, 90]
        .iter()
        .enumerate()
        .map(|(i, min)| {
            json!({
                "min": min,
                "name": text(format!("等级{}", i + 1), format!("Level {}", i + 1)),
                "description": text(format!("等级{}说明", i + 1), format!("Level {} description", i + 1)),
            })
        })
        .collect();
    let modules = json!([
        { "id": "general", "name": text("通用".into(), "General".into()), "description": text("通用".into(), "General".into()) },
        { "id": "low-altitude", "name": text("低空".into(), "Low altitude".into()), "description": text("低空".into(), "Low altitude".into()),
          "show_if": { "industry": ["low-altitude"] } },
        { "id": "biomedical", "name": text("生物医药".into(), "Biomedical".into()), "description": text("生物医药".into(), "Biomedical".into()),
          "show_if": { "industry": ["biomedical"] } },
        { "id": "cross-border", "name": text("跨境".into(), "Cross-border".into()), "description": text("跨境".into(), "Cross-border".into()),
          "show_if": { "cross_border": true } },
    ]);
    let dimensions: Vec<Value> = (0..DIMENSIONS)
        .map(|d| {
            json!({
                "id": format!("dim-{d:02}"),
                "weight": 1 + d % 3,
                "name": text(format!("维度{d}"), format!("Dimension {d}")),
                "description": text(format!("维度{d}说明"), format!("Dimension {d} description")),
                "summary": {
                    "high_risk": text("高风险".into(), "High risk".into()),
                    "medium_risk": text("中风险".into(), "Medium risk".into()),
                    "low_risk": text("低风险".into(), "Low risk".into()),
                },
            })
        })
        .collect();
    let module_of = |i: usize| match i % 10 {
        7 => "low-altitude",
        8 => "biomedical",
        9 => "cross-border",
        _ => "general",
    };
    let questions: Vec<Value> = (0..QUESTIONS)
        .map(|i| {
            let checklist = i % 5 == 4;
            let options: Vec<Value> = if checklist {
                (0..6)
                    .map(|o| json!({ "id": format!("p{o}"), "weight": 1 + o % 3, "text": text(format!("做法{o}"), format!("Practice {o}")) }))
                    .collect()
            } else {
                (0..5)
                    .map(|o| json!({ "id": format!("o{o}"), "score": f64::from(o) / 4.0, "text": text(format!("选项{o}"), format!("Option {o}")) }))
                    .collect()
            };
            let mut q = json!({
                "id": format!("q{i:04}"),
                "dimension": format!("dim-{:02}", i % DIMENSIONS),
                "module": module_of(i),
                "kind": if checklist { "checklist" } else { "single" },
                "weight": 1 + i % 3,
                "text": text(format!("题目{i}"), format!("Question {i}")),
                "help": text(format!("说明{i}"), format!("Help {i}")),
                "recommendation": text(format!("建议{i}"), format!("Recommendation {i}")),
                "references": [{ "kind": "law", "text": text("法释〔2020〕7号 第六条".into(), "SPC Provisions (2020), Art. 6".into()) }],
                "options": options,
            });
            // Every 20th general single-choice question is critical (never conditional).
            if i % 20 == 0 {
                q["critical"] = json!({
                    "measure": 1 + (i / 20) % 7,
                    "threshold": if (i / 20) % 2 == 0 { 0.75 } else { 0.5 },
                });
            } else if i % 20 == 10 {
                q["not_applicable"] = json!(true);
            } else if i % 20 == 13 {
                // A follow-up shown when question i-1 (single choice, no "not applicable")
                // is answered at least "o2": every stronger option is listed (monotone).
                q["show_if"] =
                    json!({ "answer": { "question": format!("q{:04}", i - 1), "any_of": ["o2", "o3", "o4"] } });
            } else if i % 20 == 17 {
                q["show_if"] = json!({ "partners": true });
            }
            q
        })
        .collect();
    let doc = json!({
        "format": "tscheck-bank",
        "format_version": 1,
        "id": "synthetic-1000",
        "version": "1",
        "title": text("合成题库".into(), "Synthetic bank".into()),
        "scoring": { "levels": levels, "red_flag_level_cap": 2, "high_risk_below": 50, "low_risk_from": 80 },
        "modules": modules,
        "dimensions": dimensions,
        "questions": questions,
        "services": [{ "id": "svc", "name": text("服务".into(), "Service".into()), "description": text("服务".into(), "Service".into()) }],
        "disclaimer": text("免责声明".into(), "Disclaimer".into()),
    });
    serde_json::to_string(&doc).expect("serialises")
}

fn synthetic_bank() -> Bank {
    match Bank::from_json(synthetic_json().as_bytes()) {
        Ok(bank) => bank,
        Err(problems) => {
            for p in &problems {
                eprintln!("{}", p.line(Lang::En));
            }
            panic!("the synthetic bank is invalid");
        }
    }
}

/// Every question answered (a mix of scores; a few "not applicable").
fn answer_everything(bank: &Bank) -> Answers {
    let mut answers = Answers::new();
    for (i, q) in bank.questions().iter().enumerate() {
        let answer = match q.kind {
            _ if q.not_applicable && i % 3 == 0 => Answer::NotApplicable,
            QuestionKind::Single => {
                Answer::Choice(q.options[(i * 7 + 2) % q.options.len()].id.clone())
            }
            QuestionKind::Checklist => Answer::Checked(
                q.options
                    .iter()
                    .enumerate()
                    .filter(|(o, _)| (i + o) % 3 != 0)
                    .map(|(_, o)| o.id.clone())
                    .collect::<BTreeSet<_>>(),
            ),
        };
        answers.insert(q.id.clone(), answer);
    }
    answers
}

/// Runs `f` repeatedly for about `budget` (at least `min_iters` times) and returns the
/// median, min and max of single-call times.
fn time<F: FnMut()>(
    mut f: F,
    min_iters: usize,
    budget: Duration,
) -> (Duration, Duration, Duration, usize) {
    for _ in 0..min_iters / 10 + 1 {
        f(); // warm-up
    }
    let mut samples = Vec::with_capacity(min_iters);
    let start = Instant::now();
    while samples.len() < min_iters || start.elapsed() < budget {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
        if samples.len() >= 200_000 {
            break;
        }
    }
    samples.sort();
    (
        samples[samples.len() / 2],
        samples[0],
        samples[samples.len() - 1],
        samples.len(),
    )
}

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn main() {
    // `cargo bench` passes `--bench`; a name filter is accepted and ignored.
    let budget = Duration::from_millis(
        std::env::var("TSCHECK_BENCH_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(2_000),
    );
    let bank = synthetic_bank();
    let profile = Profile {
        industry: Industry::LowAltitude,
        cross_border: true,
        ..Profile::default()
    };
    let answers = answer_everything(&bank);
    let first = score(&bank, &profile, &answers);
    println!(
        "synthetic bank: {} questions, {} dimensions; {} visible and {} answered with this profile; overall {:.1}, level {}, {} red flags",
        bank.questions().len(),
        bank.dimensions().len(),
        first.visible(),
        first.answered(),
        first.overall,
        first.level,
        first.red_flags.len()
    );

    let mut rows = Vec::new();

    // 1. A full score: visibility, question, dimension and overall scores, level, red flags.
    let full = time(
        || {
            black_box(score(
                black_box(&bank),
                black_box(&profile),
                black_box(&answers),
            ));
        },
        2_000,
        budget,
    );
    rows.push(("full score (score())", full));

    // 2. Re-score after one answer changes, as a click does in the widget: the session applies
    //    the action (set the answer, recompute visibility before and after), then scores again.
    let session = Session {
        stage: Stage::Questions,
        profile: profile.clone(),
        answers: answers.clone(),
        ..Session::new(Lang::Zh)
    };
    let target = bank
        .questions()
        .iter()
        .rev()
        .find(|q| q.kind == QuestionKind::Single && q.critical.is_none() && !q.not_applicable)
        .expect("a single-choice question");
    let mut flip = false;
    let mut current = session.clone();
    let rescore = time(
        || {
            flip = !flip;
            let option = target.options[if flip { 0 } else { target.options.len() - 1 }]
                .id
                .clone();
            let next = std::mem::take(&mut current).apply(
                &bank,
                Action::Choose {
                    question: target.id.clone(),
                    option,
                },
            );
            black_box(score(&bank, &next.profile, &next.answers));
            current = next;
        },
        2_000,
        budget,
    );
    rows.push(("one answer changed: Session::apply + score()", rescore));

    // 3. The same change scored alone (answers map edited in place), for comparison.
    let mut edited = answers.clone();
    let rescore_only = time(
        || {
            flip = !flip;
            let option = target.options[if flip { 0 } else { target.options.len() - 1 }]
                .id
                .clone();
            edited.insert(target.id.clone(), Answer::Choice(option));
            black_box(score(&bank, &profile, &edited));
        },
        2_000,
        budget,
    );
    rows.push(("one answer changed: score() only", rescore_only));

    // 4. For scale: validating and building the bundled bank (the widget does this once at
    //    start-up), and the synthetic one.
    let bundled = time(
        || {
            black_box(Bank::bundled().is_ok());
        },
        20,
        budget,
    );
    rows.push(("build the bundled bank (Bank::bundled)", bundled));
    let synthetic_json = synthetic_json();
    let synthetic = time(
        || {
            black_box(Bank::from_json(synthetic_json.as_bytes()).is_ok());
        },
        5,
        budget,
    );
    rows.push(("build the synthetic bank (Bank::from_json)", synthetic));

    // 5. The whole report (scores, findings, prioritised actions), which the report page builds.
    let build = time(
        || {
            black_box(report::build(
                &bank,
                &profile,
                &answers,
                &Default::default(),
                None,
                None,
            ));
        },
        500,
        budget,
    );
    rows.push(("full report (report::build)", build));

    println!(
        "{:<48} {:>12} {:>12} {:>12} {:>9}",
        "benchmark", "median", "min", "max", "samples"
    );
    for (name, (median, min, max, n)) in &rows {
        println!(
            "{:<48} {:>12} {:>12} {:>12} {:>9}",
            name,
            us(*median),
            us(*min),
            us(*max),
            n
        );
    }
    let target_ms = 1.0;
    let ok = full.0.as_secs_f64() * 1e3 < target_ms;
    println!(
        "target: a full score under {target_ms} ms natively: {} (median {})",
        if ok { "met" } else { "NOT met" },
        us(full.0)
    );
}
