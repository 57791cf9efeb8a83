//! Fuzzing at scale (issue 15): the three readers of outside data, `Bank::from_json`,
//! `answers_file::decode` and `snapshot::decode`, on millions of generated and mutated inputs.
//!
//! Run with `cargo bench --bench fuzz` (stable Rust, a hand-written harness like
//! `bench/score.rs`; `cargo test` does not build it). Options: `--inputs N` (default
//! 10,000,000), `--seed S` (default 1: the same run every time), `--out DIR` (default
//! `target/fuzz-panics`). Every input goes to all three readers inside
//! `std::panic::catch_unwind`; a panicking input is saved to DIR with the reader and the panic
//! message, and the run exits 1 if there was any. A bank the reader accepts is then used the
//! way the widget uses one: scored with its strongest and weakest answers, reported, and its
//! text report written.
//!
//! The seeds are the bundled bank, every fixture under `tests/fixtures` and
//! `tests/e2e/fixtures/files`, and saved progress encoded from sessions on the mini bank and
//! the bundled bank. Each input is one of: structure-aware mutations of a seed's JSON (a value
//! replaced by another type, a huge or odd number, a long or unusual Unicode string, deep
//! nesting, a deleted, renamed, added or duplicated key or item, a value copied from elsewhere
//! in the same or another seed), byte mutations (bit flips, bytes and JSON tokens inserted,
//! ranges deleted or duplicated, truncation, a splice of two seeds), or small generated JSON.
//! Mostly small inputs; mutations of the full bundled bank (half a megabyte, a few
//! milliseconds each) are one input in 4,000, so ten million inputs take minutes.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Instant;

use serde_json::{json, Map, Value};
use tscheck::answers::{Answer, Answers};
use tscheck::answers_file;
use tscheck::bank::{Bank, QuestionKind};
use tscheck::lang::Lang;
use tscheck::profile::{Industry, Profile};
use tscheck::report;
use tscheck::report_text::to_text;
use tscheck::score::score;
use tscheck::session::{Action, Session, Stage};
use tscheck::snapshot;

/// SplitMix64: the same sequence on every machine, so a run is replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Which bank an answers file or saved progress belongs to.
#[derive(Clone, Copy)]
enum Against {
    Mini,
    Bundled,
}

struct Seed {
    name: String,
    bytes: Vec<u8>,
    value: Option<Value>,
    /// JSON pointers of every value of `value`, computed once.
    pointers: Vec<String>,
    against: Against,
    is_bank: bool,
}

struct Banks {
    mini: Bank,
    bundled: Bank,
}

impl Banks {
    fn get(&self, against: Against) -> &Bank {
        match against {
            Against::Mini => &self.mini,
            Against::Bundled => &self.bundled,
        }
    }
}

fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{at}/{key}"), out);
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

fn seed(name: String, bytes: Vec<u8>, against: Against) -> Seed {
    let value: Option<Value> = serde_json::from_slice(&bytes).ok();
    let mut all = Vec::new();
    if let Some(v) = &value {
        pointers(v, String::new(), &mut all);
    }
    let is_bank = value.as_ref().is_some_and(|v| v.get("questions").is_some());
    Seed {
        name,
        bytes,
        value,
        pointers: all,
        against,
        is_bank,
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// Saved progress after a few answers, a plan choice and a comparison: the snapshot seeds.
fn snapshot_seed(bank: &Bank, industry: Industry) -> Vec<u8> {
    let profile = Profile {
        industry,
        cross_border: true,
        org_name: "样例 <b>&".into(),
        ..Profile::default()
    };
    let mut session = Session::new(Lang::En).apply(bank, Action::SetProfile(profile));
    for (n, q) in bank.questions().iter().enumerate().take(12) {
        let option = q.options[n % q.options.len()].id.clone();
        let action = match q.kind {
            QuestionKind::Single => Action::Choose {
                question: q.id.clone(),
                option,
            },
            QuestionKind::Checklist => Action::Tick {
                question: q.id.clone(),
                option,
                ticked: true,
            },
        };
        session = session.apply(bank, action);
    }
    let file = answers_file::encode(
        bank,
        &session.profile,
        &session.answers,
        &Default::default(),
        Some("2026-12-01"),
    );
    if let Ok(previous) = answers_file::decode(file.as_bytes(), bank) {
        session = session.apply(bank, Action::Compare(previous));
    }
    if let Some(q) = bank.questions().first() {
        session = session.apply(
            bank,
            Action::Plan {
                question: q.id.clone(),
                step: tscheck::plan::Step::Within12Months,
            },
        );
    }
    snapshot::encode(
        bank,
        &Session {
            stage: Stage::Questions,
            ..session
        },
    )
    .into_bytes()
}

fn load_seeds(root: &Path, banks: &Banks) -> (Seed, Vec<Seed>) {
    let read = |p: &Path| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let bundled_path = root.join("assets/bank/bank.json");
    let big = seed(
        "assets/bank/bank.json".into(),
        read(&bundled_path),
        Against::Bundled,
    );
    let mut small = Vec::new();
    for dir in [
        "tests/fixtures",
        "tests/fixtures/broken",
        "tests/fixtures/answers",
        "tests/e2e/fixtures/files",
    ] {
        for path in files_in(&root.join(dir)) {
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            // Answers files of the bundled bank are read against it; the rest against the
            // mini bank, so that their ids are known and decoding goes deep.
            let against = if name.contains("bank-20") || name.contains("e2e") {
                Against::Bundled
            } else {
                Against::Mini
            };
            small.push(seed(name, read(&path), against));
        }
    }
    for industry in Industry::ALL {
        let code = industry.code();
        small.push(seed(
            format!("snapshot of the mini bank ({code})"),
            snapshot_seed(&banks.mini, *industry),
            Against::Mini,
        ));
        small.push(seed(
            format!("snapshot of the bundled bank ({code})"),
            snapshot_seed(&banks.bundled, *industry),
            Against::Bundled,
        ));
    }
    // Banks first: `next_input` draws from the two groups separately.
    small.sort_by_key(|s| !s.is_bank);
    (big, small)
}

// ---------------------------------------------------------------------------------------------
// Mutations.

const ODD_NUMBERS: &[f64] = &[
    -1.0,
    0.0,
    -0.0,
    0.5,
    1.0,
    1.000_000_000_000_000_2,
    2.0,
    4.0,
    7.0,
    8.0,
    100.0,
    101.0,
    255.0,
    256.0,
    65_536.0,
    9_007_199_254_740_993.0,
    1e-9,
    5e-324,
    1e308,
    -1e308,
    f64::MAX,
    f64::MIN,
];

const ODD_STRINGS: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "\u{202e}evil",
    "\u{feff}",
    "🙂",
    "e\u{301}\u{301}\u{301}",
    "中文",
    "\u{10ffff}",
    "\u{200b}",
    "na",
    "none",
    "$",
    "$.questions[0]",
    "<script>alert(1)</script>",
    "tscheck-bank",
    "tscheck-answers",
    "tscheck-session",
    "3m",
    "12m",
    "later",
    "zh",
    "en",
    "general",
    "low-altitude",
    "biomedical",
    "ai-robotics",
    "report",
    "questions",
    "review",
    "profile",
    "start",
    "error",
    "2026-12-01",
    "2026.12.2",
    "1",
    "-1",
    "1e999",
];

const KEYS: &[&str] = &[
    "format",
    "format_version",
    "version",
    "id",
    "bank",
    "profile",
    "answers",
    "plan",
    "previous",
    "stage",
    "section",
    "lang",
    "show_if",
    "critical",
    "required",
    "replaces",
    "not_applicable",
    "owner",
    "roles",
    "evidence",
    "have_if",
    "answer",
    "any_of",
    "all",
    "any",
    "not",
    "industry",
    "size",
    "cross_border",
    "ai_models",
    "partners",
    "weight",
    "score",
    "threshold",
    "measure",
    "options",
    "title",
    "$schema",
    "saved_at",
    "org_name",
];

fn odd_string(rng: &mut Rng, pool: &[String]) -> String {
    match rng.below(6) {
        // Long strings are few: they make the input large and every reader slow.
        0 if rng.chance(5) => {
            let unit = rng
                .pick(&["x", "中", "🙂", "\u{301}", "\\", "\""])
                .to_string();
            let count = if rng.chance(2) {
                rng.range(10_000, 300_000)
            } else {
                rng.range(50, 2_000)
            };
            unit.repeat(count)
        }
        1 if !pool.is_empty() => rng.pick(pool).clone(),
        2 if !pool.is_empty() => format!("{}{}", rng.pick(pool), rng.pick(ODD_STRINGS)),
        _ => rng.pick(ODD_STRINGS).to_string(),
    }
}

fn odd_scalar(rng: &mut Rng, pool: &[String]) -> Value {
    match rng.below(8) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => json!(*rng.pick(ODD_NUMBERS)),
        3 => json!(u64::MAX - rng.below(2) as u64),
        4 => json!(i64::MIN),
        5 => json!(rng.below(10)),
        _ => Value::String(odd_string(rng, pool)),
    }
}

/// A value of a random type, at most a little nested.
fn odd_value(rng: &mut Rng, pool: &[String], depth: usize) -> Value {
    match rng.below(if depth > 2 { 1 } else { 5 }) {
        0 => odd_scalar(rng, pool),
        1 => json!([]),
        2 => json!({}),
        3 => Value::Array(
            (0..rng.range(1, 4))
                .map(|_| odd_value(rng, pool, depth + 1))
                .collect(),
        ),
        _ => {
            let mut map = Map::new();
            for _ in 0..rng.range(1, 4) {
                map.insert(rng.pick(KEYS).to_string(), odd_value(rng, pool, depth + 1));
            }
            Value::Object(map)
        }
    }
}

/// `value` wrapped `levels` times in arrays, objects or conditions (serde_json refuses past
/// 128 levels; both sides of that limit are tried).
fn nested(rng: &mut Rng, mut value: Value, levels: usize) -> Value {
    // Built by hand: `json!` with a `Value` inside serializes it again at every level.
    let object =
        |key: &str, inner: Value| Value::Object(Map::from_iter([(key.to_string(), inner)]));
    let kind = rng.below(4);
    for _ in 0..levels {
        value = match kind {
            0 => Value::Array(vec![value]),
            1 => object("not", value),
            2 => object("all", Value::Array(vec![value])),
            _ => object(
                "any",
                Value::Array(vec![value, json!({ "industry": ["general"] })]),
            ),
        };
    }
    value
}

fn split(pointer: &str) -> (String, String) {
    match pointer.rfind('/') {
        Some(i) => (
            pointer[..i].to_string(),
            pointer[i + 1..].replace("~1", "/").replace("~0", "~"),
        ),
        None => (String::new(), String::new()),
    }
}

/// The strings of a document: ids, options and codes a mutation can put elsewhere, so that
/// references point at things that exist often enough to get past the first checks.
fn strings_of(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s.len() < 40 => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings_of(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings_of(v, out)),
        _ => {}
    }
}

/// One structure-aware change at a random place of `doc`. A pointer of the unmutated seed
/// that no longer resolves after an earlier change makes this change a no-op.
fn mutate_value(rng: &mut Rng, doc: &mut Value, seed: &Seed, other: &Seed, pool: &[String]) {
    let target = rng.pick(&seed.pointers).clone();
    let (parent, last) = split(&target);
    match rng.below(12) {
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
        1 | 2 => {
            if let Some(v) = doc.pointer_mut(&target) {
                *v = odd_value(rng, pool, 0);
            }
        }
        3 => {
            if let Some(v) = doc.pointer_mut(&target) {
                *v = if v.is_number() || rng.chance(50) {
                    json!(*rng.pick(ODD_NUMBERS))
                } else {
                    Value::String(odd_string(rng, pool))
                };
            }
        }
        4 => {
            if let Some(v) = doc.pointer_mut(&target) {
                let levels = if rng.chance(80) {
                    rng.range(1, 60)
                } else {
                    rng.range(100, 300)
                };
                *v = nested(rng, v.take(), levels);
            }
        }
        5 => {
            if let Some(Value::Array(items)) = doc.pointer_mut(&parent) {
                if let Some(i) = last.parse::<usize>().ok().filter(|&i| i < items.len()) {
                    let copies = if rng.chance(99) {
                        1
                    } else {
                        rng.range(2, 2_000)
                    };
                    for _ in 0..copies {
                        items.insert(i, items[i].clone());
                    }
                }
            }
        }
        6 => {
            if let Some(Value::Object(map)) = doc.pointer_mut(&parent) {
                if let Some(v) = map.remove(&last) {
                    let key = if rng.chance(50) {
                        rng.pick(KEYS).to_string()
                    } else {
                        format!("{last}x")
                    };
                    map.insert(key, v);
                }
            }
        }
        7 => {
            // A value from elsewhere in this document or in another seed.
            let from = if rng.chance(50) { seed } else { other };
            if let (Some(source), Some(v)) = (
                from.value
                    .as_ref()
                    .and_then(|d| d.pointer(rng.pick(&from.pointers).as_str()).cloned()),
                doc.pointer_mut(&target),
            ) {
                *v = source;
            }
        }
        8 => {
            if let Some(v) = doc.pointer_mut(&target) {
                if !pool.is_empty() {
                    *v = Value::String(rng.pick(pool).clone());
                }
            }
        }
        9 => {
            if let Some(v) = doc.pointer_mut(&target) {
                *v = match v {
                    Value::Array(_) => json!([]),
                    Value::Object(_) => json!({}),
                    Value::String(_) => json!(""),
                    _ => json!(0),
                };
            }
        }
        10 => {
            if let Some(Value::Object(map)) = doc.pointer_mut(&target) {
                map.insert(rng.pick(KEYS).to_string(), odd_value(rng, pool, 0));
            }
        }
        _ => {
            // An answer condition on a known id, the most intricate check of a bank.
            if let Some(Value::Object(map)) = doc.pointer_mut(&target) {
                let question = pool.get(rng.below(pool.len())).cloned().unwrap_or_default();
                let any_of: Vec<Value> = (0..rng.range(0, 3))
                    .map(|_| Value::String(rng.pick(pool).clone()))
                    .collect();
                map.insert(
                    rng.pick(&["show_if", "have_if"]).to_string(),
                    json!({ "answer": { "question": question, "any_of": any_of } }),
                );
            }
        }
    }
}

const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b",",
    b":",
    b"null",
    b"true",
    b"-",
    b"1e999",
    b"-1e999",
    b"0.0000000000000000000000000001",
    b"18446744073709551616",
    b"\\ud800",
    b"\\u0000",
    b"\\",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\"format\":",
    b"\"id\":\"a1\"",
    b",\"id\":1",
    b"{\"not\":",
];

/// One change of the raw bytes: a bit flip, a byte or JSON token inserted, a range deleted or
/// duplicated, a truncation, or the tail of another seed spliced in.
fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>, other: &[u8]) {
    let len = bytes.len();
    let at = rng.below(len + 1);
    match rng.below(8) {
        0 if len > 0 => bytes[at.min(len - 1)] ^= 1 << rng.below(8),
        1 if len > 0 => bytes[at.min(len - 1)] = rng.next_u64() as u8,
        2 | 3 => {
            let token = *rng.pick(TOKENS);
            bytes.splice(at..at, token.iter().copied());
        }
        4 => {
            let end = (at + rng.range(1, 64)).min(len);
            bytes.drain(at..end);
        }
        5 => {
            let end = (at + rng.range(1, 256)).min(len);
            let copy = bytes[at..end].to_vec();
            bytes.splice(at..at, copy);
        }
        6 => bytes.truncate(at),
        _ => {
            let from = rng.below(other.len() + 1);
            bytes.truncate(at);
            bytes.extend_from_slice(&other[from..]);
        }
    }
}

/// Small generated JSON: an object with known keys and odd values, or random bytes.
fn generated(rng: &mut Rng, pool: &[String]) -> Vec<u8> {
    if rng.chance(30) {
        let alphabet = b"{}[]\":,0123456789.eE-+ \n\ttruefalsnul\\";
        return (0..rng.below(200))
            .map(|_| {
                if rng.chance(70) {
                    *rng.pick(alphabet)
                } else {
                    rng.next_u64() as u8
                }
            })
            .collect();
    }
    let mut map = Map::new();
    map.insert(
        "format".into(),
        json!(*rng.pick(&["tscheck-bank", "tscheck-answers", "tscheck-session"])),
    );
    map.insert("version".into(), json!(1));
    map.insert("format_version".into(), json!(1));
    for _ in 0..rng.range(0, 8) {
        map.insert(rng.pick(KEYS).to_string(), odd_value(rng, pool, 0));
    }
    Value::Object(map).to_string().into_bytes()
}

fn serialize(rng: &mut Rng, doc: &Value) -> Vec<u8> {
    let compact = serde_json::to_vec(doc).expect("a Value serializes");
    if rng.chance(70) {
        return compact;
    }
    // Deep nesting pretty-printed is mostly indentation (quadratic): keep it compact.
    let pretty = serde_json::to_vec_pretty(doc).expect("a Value serializes");
    if pretty.len() > 4 * compact.len() {
        compact
    } else {
        pretty
    }
}

/// The next input and the bank its answers or progress are read against.
fn next_input(
    rng: &mut Rng,
    big: &Seed,
    small: &[Seed],
    pools: &[Vec<String>],
) -> (Vec<u8>, Against, Readers, String) {
    let full_bank = rng.below(4_000) == 0;
    // Small answers files and saved progress are 94 inputs in 100; banks of the size of
    // the mini bank (ten times larger, and the bank reader checks much more) are the rest.
    let of_banks = small.iter().filter(|s| s.is_bank).count();
    let index = if rng.chance(94) {
        of_banks + rng.below(small.len() - of_banks)
    } else {
        rng.below(of_banks)
    };
    let (seed, pool) = if full_bank {
        (big, &pools[small.len()])
    } else {
        (&small[index], &pools[index])
    };
    let other = &small[rng.below(small.len())];
    let how = rng.below(100);
    let bytes = if how < 55 && seed.value.is_some() {
        let mut doc = seed.value.clone().expect("checked");
        for _ in 0..rng.range(1, 4) {
            mutate_value(rng, &mut doc, seed, other, pool);
        }
        let mut bytes = serialize(rng, &doc);
        if rng.chance(10) {
            mutate_bytes(rng, &mut bytes, &other.bytes);
        }
        bytes
    } else if how < 90 {
        let mut bytes = seed.bytes.clone();
        for _ in 0..rng.range(1, 8) {
            mutate_bytes(rng, &mut bytes, &other.bytes);
        }
        bytes
    } else {
        let input = generated(rng, pool);
        return (
            input,
            seed.against,
            Readers {
                bank: true,
                answers: true,
                snapshot: true,
                use_bundled: rng.chance(10),
            },
            format!("generated ({})", seed.name),
        );
    };
    let all = rng.chance(10);
    let format = seed
        .value
        .as_ref()
        .and_then(|v| v.get("format"))
        .and_then(Value::as_str);
    let readers = Readers {
        bank: all || seed.is_bank,
        answers: all || format == Some("tscheck-answers"),
        snapshot: all || format == Some("tscheck-session"),
        use_bundled: rng.chance(10),
    };
    // A seed of none of the three formats (not JSON, or a wrong format) goes to all three.
    let readers = if readers.bank || readers.answers || readers.snapshot {
        readers
    } else {
        Readers {
            bank: true,
            answers: true,
            snapshot: true,
            ..readers
        }
    };
    (bytes, seed.against, readers, seed.name.clone())
}

// ---------------------------------------------------------------------------------------------
// The readers.

/// What the readers accepted, over all threads: proof that the run went past the first checks.
#[derive(Default)]
struct Counts {
    banks_accepted: AtomicU64,
    answers_accepted: AtomicU64,
    snapshots_accepted: AtomicU64,
}

fn strongest(bank: &Bank) -> Answers {
    bank.questions()
        .iter()
        .map(|q| {
            let answer = match q.kind {
                QuestionKind::Single => {
                    Answer::Choice(q.options.last().map(|o| o.id.clone()).unwrap_or_default())
                }
                QuestionKind::Checklist => {
                    Answer::Checked(q.options.iter().map(|o| o.id.clone()).collect())
                }
            };
            (q.id.clone(), answer)
        })
        .collect()
}

fn weakest(bank: &Bank) -> Answers {
    bank.questions()
        .iter()
        .map(|q| {
            let answer = match q.kind {
                QuestionKind::Single => {
                    Answer::Choice(q.options.first().map(|o| o.id.clone()).unwrap_or_default())
                }
                QuestionKind::Checklist => Answer::Checked(BTreeSet::new()),
            };
            (q.id.clone(), answer)
        })
        .collect()
}

/// Which readers an input goes to: each reader parses the whole input first, so parsing is most
/// of the cost; a mutated bank goes to the bank reader, and so on, and one input in ten (and
/// every generated one) goes to all three.
#[derive(Clone, Copy)]
struct Readers {
    bank: bool,
    answers: bool,
    snapshot: bool,
    /// Whether an accepted answers file or saved progress of the bundled bank is also
    /// reported (one in ten: a report of the whole bank costs as much as a hundred small
    /// inputs; of the mini bank, always).
    use_bundled: bool,
}

/// Runs the chosen readers on `bytes` (and uses what they accept); panics on a broken promise
/// as well as on a bug, so both are caught and saved.
fn read_all_ways(bytes: &[u8], bank: &Bank, readers: Readers, counts: &Counts) {
    if readers.bank {
        read_as_bank(bytes, counts);
    }
    let use_accepted = readers.use_bundled || bank.questions().len() < 20;
    if readers.answers {
        read_as_answers(bytes, bank, use_accepted, counts);
    }
    if readers.snapshot {
        read_as_snapshot(bytes, bank, use_accepted, counts);
    }
}

fn read_as_bank(bytes: &[u8], counts: &Counts) {
    match Bank::from_json(bytes) {
        Ok(accepted) => {
            counts.banks_accepted.fetch_add(1, Relaxed);
            for answers in [strongest(&accepted), weakest(&accepted)] {
                for industry in [Industry::General, Industry::AiRobotics] {
                    let profile = Profile {
                        industry,
                        ai_models: true,
                        ..Profile::default()
                    };
                    let _ = score(&accepted, &profile, &answers);
                    let built = report::build(
                        &accepted,
                        &profile,
                        &answers,
                        &Default::default(),
                        None,
                        None,
                    );
                    let _ = to_text(&built, Lang::Zh);
                }
            }
        }
        Err(problems) => assert!(!problems.is_empty(), "a bank refused without a problem"),
    }
}

fn read_as_answers(bytes: &[u8], bank: &Bank, use_accepted: bool, counts: &Counts) {
    match answers_file::decode(bytes, bank) {
        Ok(_) if !use_accepted => {
            counts.answers_accepted.fetch_add(1, Relaxed);
        }
        Ok(file) => {
            counts.answers_accepted.fetch_add(1, Relaxed);
            let built = report::build(
                bank,
                &file.profile,
                &file.answers,
                file.plan.as_ref().unwrap_or(&Default::default()),
                None,
                Some(&file),
            );
            let _ = to_text(&built, Lang::En);
        }
        Err(problems) => assert!(!problems.is_empty(), "answers refused without a problem"),
    }
}

fn read_as_snapshot(bytes: &[u8], bank: &Bank, use_accepted: bool, counts: &Counts) {
    if let Ok(session) = snapshot::decode(bytes, bank) {
        counts.snapshots_accepted.fetch_add(1, Relaxed);
        if !use_accepted {
            return;
        }
        let _ = session.progress(bank);
        // What was read is written back the same way.
        let again = snapshot::encode(bank, &session);
        let reread = snapshot::decode(again.as_bytes(), bank).expect("re-encoded progress reads");
        // The comparison's problems and bank version are not kept: it is stored as the answers
        // file of the current bank.
        let without_previous = |s: &Session| Session {
            previous: None,
            ..s.clone()
        };
        assert_eq!(
            without_previous(&reread),
            without_previous(&session),
            "saved progress changed in a round trip"
        );
        assert_eq!(
            reread.previous.map(|p| (p.profile, p.answers)),
            session.previous.map(|p| (p.profile, p.answers)),
            "the comparison changed in a round trip"
        );
    }
}

// ---------------------------------------------------------------------------------------------

struct Options {
    inputs: u64,
    seed: u64,
    out: PathBuf,
    threads: u64,
}

fn options(root: &Path) -> Options {
    let mut o = Options {
        inputs: 10_000_000,
        seed: 1,
        out: root.join("target/fuzz-panics"),
        threads: std::thread::available_parallelism().map_or(1, |n| n.get() as u64),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| usage(&format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--inputs" => {
                o.inputs = value("--inputs")
                    .replace('_', "")
                    .parse()
                    .unwrap_or_else(|_| usage("--inputs takes a number"))
            }
            "--seed" => {
                o.seed = value("--seed")
                    .parse()
                    .unwrap_or_else(|_| usage("--seed takes a number"))
            }
            "--out" => o.out = PathBuf::from(value("--out")),
            "--threads" => {
                o.threads = value("--threads")
                    .parse::<u64>()
                    .unwrap_or_else(|_| usage("--threads takes a number"))
                    .max(1)
            }
            // `cargo bench` passes `--bench` to every bench target.
            "--bench" => {}
            other => usage(&format!("unknown argument {other}")),
        }
    }
    o
}

fn usage(message: &str) -> ! {
    eprintln!("{message}\nusage: cargo bench --bench fuzz -- [--inputs N] [--seed S] [--out DIR] [--threads T]");
    std::process::exit(2)
}

thread_local! {
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Input `n` of a run comes from its own generator, so a run gives the same inputs whatever the
/// number of threads, and input `n` of seed `s` can be told apart from any other.
fn input_rng(seed: u64, n: u64) -> Rng {
    let mut mix = Rng(seed ^ n.wrapping_mul(0xD1B5_4A32_D192_ED03));
    Rng(mix.next_u64())
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let o = options(&root);
    let banks = Banks {
        mini: Bank::from_json(
            &std::fs::read(root.join("tests/fixtures/mini-bank.json")).expect("mini bank"),
        )
        .expect("the mini bank is valid"),
        bundled: Bank::bundled().expect("the bundled bank is valid"),
    };
    let (big, small) = load_seeds(&root, &banks);
    let mut pools: Vec<Vec<String>> = small
        .iter()
        .map(|s| {
            let mut pool = Vec::new();
            if let Some(v) = &s.value {
                strings_of(v, &mut pool);
            }
            pool.sort();
            pool.dedup();
            pool
        })
        .collect();
    let mut big_pool = Vec::new();
    strings_of(
        big.value.as_ref().expect("the bundled bank is JSON"),
        &mut big_pool,
    );
    big_pool.sort();
    big_pool.dedup();
    pools.push(big_pool);

    // The panic message goes with the saved input, not to the terminal a million times.
    panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        LAST_PANIC.with(|last| *last.borrow_mut() = format!("{message} at {place}"));
    }));

    println!(
        "fuzzing {} inputs, seed {}, {} threads, {} seeds + the bundled bank; panicking inputs go to {}",
        o.inputs,
        o.seed,
        o.threads,
        small.len(),
        o.out.display()
    );
    let counts = Counts::default();
    let (done, panics, bytes_total) = (AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0));
    let started = Instant::now();
    let step = (o.inputs / 20).max(1);
    std::thread::scope(|scope| {
        for thread in 0..o.threads {
            let (o, banks, big, small, pools) = (&o, &banks, &big, &small, &pools);
            let (counts, done, panics, bytes_total) = (&counts, &done, &panics, &bytes_total);
            scope.spawn(move || {
                let mut n = thread;
                while n < o.inputs {
                    let mut rng = input_rng(o.seed, n);
                    let (bytes, against, readers, from) = next_input(&mut rng, big, small, pools);
                    bytes_total.fetch_add(bytes.len() as u64, Relaxed);
                    let bank = banks.get(against);
                    let result = panic::catch_unwind(AssertUnwindSafe(|| {
                        read_all_ways(&bytes, bank, readers, counts)
                    }));
                    if result.is_err() {
                        panics.fetch_add(1, Relaxed);
                        let message = LAST_PANIC.with(|last| last.borrow().clone());
                        save_panic(&o.out, o.seed, n, &bytes, &from, &message);
                    }
                    let finished = done.fetch_add(1, Relaxed) + 1;
                    if finished % step == 0 {
                        println!(
                            "{finished:>11} inputs  {:>7.1} s  panics {}  accepted: banks {}, answers files {}, snapshots {}",
                            started.elapsed().as_secs_f64(),
                            panics.load(Relaxed),
                            counts.banks_accepted.load(Relaxed),
                            counts.answers_accepted.load(Relaxed),
                            counts.snapshots_accepted.load(Relaxed),
                        );
                    }
                    n += o.threads;
                }
            });
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    let (panics, bytes_total) = (panics.load(Relaxed), bytes_total.load(Relaxed));
    println!(
        "done: {} inputs ({:.1} MB, mean {} bytes) in {:.0} s ({:.0} inputs/s); panics: {panics}",
        o.inputs,
        bytes_total as f64 / 1e6,
        bytes_total / o.inputs.max(1),
        seconds,
        o.inputs as f64 / seconds
    );
    if panics > 0 {
        std::process::exit(1);
    }
}

fn save_panic(out: &Path, seed: u64, n: u64, bytes: &[u8], from: &str, message: &str) {
    std::fs::create_dir_all(out).expect("the output folder");
    let path = out.join(format!("panic-seed{seed}-input{n}.json"));
    std::fs::write(&path, bytes).expect("the panicking input is saved");
    std::fs::write(
        path.with_extension("txt"),
        format!("mutated from {from}\n{message}\n"),
    )
    .expect("its panic message is saved");
    eprintln!(
        "PANIC on input {n} (from {from}): {message}\n  saved to {}",
        path.display()
    );
}
