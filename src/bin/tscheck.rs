//! `tscheck`: validate question banks and score answers files from the command line.
//!
//! ```text
//! tscheck check FILE...
//! tscheck score BANK ANSWERS [--format text|json] [--lang zh|en]
//! tscheck render BANK [--lang zh|en|both] [--format md|html]
//! tscheck diff OLD NEW [--format text|json]
//! ```
//! Exit status: 0 on success; 1 for invalid input (every problem printed, one a line, naming
//! the file and the JSON path); 2 for a usage error. `diff` differs: 0 when the banks have the
//! same content, 1 when they differ, 2 for a usage error or an invalid bank.

use std::process::ExitCode;
use tscheck::answers_file;
use tscheck::bank::{diff, render, Bank};
use tscheck::lang::Lang;
use tscheck::report;
use tscheck::report_text::to_text;

/// Prints a line to stdout. When the reader has gone (`tscheck check … | head`), stop quietly
/// with success instead of panicking, as Unix tools do on a broken pipe.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        if let Err(e) = writeln!(stdout, $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
}

const USAGE: &str = "usage:
  tscheck check FILE...
  tscheck score BANK ANSWERS [--format text|json] [--lang zh|en]
  tscheck render BANK [--lang zh|en|both] [--format md|html]
  tscheck diff OLD NEW [--format text|json]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => check(&args[1..]),
        Some("score") => match ScoreArgs::parse(&args[1..]) {
            Ok(a) => score(&a),
            Err(msg) => usage_error(&msg),
        },
        Some("render") => match RenderArgs::parse(&args[1..]) {
            Ok(a) => render(&a),
            Err(msg) => usage_error(&msg),
        },
        Some("diff") => match DiffArgs::parse(&args[1..]) {
            Ok(a) => diff(&a),
            Err(msg) => usage_error(&msg),
        },
        Some("-h" | "--help" | "help") => {
            out!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error("expected a command"),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("tscheck: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))
}

fn check(files: &[String]) -> ExitCode {
    let mut ok = true;
    for path in files {
        match read(path).map(|bytes| Bank::from_json(&bytes)) {
            Ok(Ok(bank)) => {
                out!(
                    "{path}: ok ({} {}, {} dimensions, {} questions)",
                    bank.id(),
                    bank.version(),
                    bank.dimensions().len(),
                    bank.questions().len()
                );
                out!("{path}: {}", coverage(&bank));
            }
            Ok(Err(problems)) => {
                ok = false;
                for p in problems {
                    out!("{path}: {}", p.line(Lang::En));
                }
            }
            Err(msg) => {
                ok = false;
                out!("{msg}");
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// One line of counts for editors: questions per module and the listed measures (SPC 2020
/// provisions Art. 6) covered.
fn coverage(bank: &Bank) -> String {
    let modules: Vec<String> = bank
        .modules()
        .iter()
        .enumerate()
        .map(|(i, m)| {
            format!(
                "{} {}",
                m.id,
                bank.questions().iter().filter(|q| q.module == i).count()
            )
        })
        .collect();
    let mut measures: Vec<u8> = bank
        .questions()
        .iter()
        .filter_map(|q| q.critical.as_ref().map(|c| c.measure))
        .collect();
    let critical = measures.len();
    measures.sort_unstable();
    measures.dedup();
    let measures: Vec<String> = measures.iter().map(u8::to_string).collect();
    format!(
        "questions per module: {}; critical questions: {critical} (SPC Art. 6 measures {})",
        modules.join(", "),
        measures.join(", ")
    )
}

struct ScoreArgs {
    bank: String,
    answers: String,
    json: bool,
    lang: Lang,
}

impl ScoreArgs {
    fn parse(args: &[String]) -> Result<ScoreArgs, String> {
        let mut positional = Vec::new();
        let (mut json, mut lang) = (false, Lang::Zh);
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--format" => match it.next().map(String::as_str) {
                    Some("text") => json = false,
                    Some("json") => json = true,
                    other => return Err(format!("--format takes text or json, not {other:?}")),
                },
                "--lang" => match it.next().map(|s| Lang::from_code(s)) {
                    Some(Some(l)) => lang = l,
                    _ => return Err("--lang takes zh or en".into()),
                },
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                _ => positional.push(arg.clone()),
            }
        }
        match <[String; 2]>::try_from(positional) {
            Ok([bank, answers]) => Ok(ScoreArgs {
                bank,
                answers,
                json,
                lang,
            }),
            Err(_) => Err("score takes a BANK and an ANSWERS file".into()),
        }
    }
}

fn score(args: &ScoreArgs) -> ExitCode {
    let fail = |lines: Vec<String>| {
        for line in lines {
            eprintln!("{line}");
        }
        ExitCode::FAILURE
    };
    let bank = match read(&args.bank).map(|b| Bank::from_json(&b)) {
        Ok(Ok(bank)) => bank,
        Ok(Err(problems)) => {
            return fail(
                problems
                    .iter()
                    .map(|p| format!("{}: {}", args.bank, p.line(args.lang)))
                    .collect(),
            )
        }
        Err(msg) => return fail(vec![msg]),
    };
    let file = match read(&args.answers).map(|b| answers_file::decode(&b, &bank)) {
        Ok(Ok(file)) => file,
        Ok(Err(problems)) => {
            return fail(
                problems
                    .iter()
                    .map(|p| format!("{}: {}", args.answers, p.line(args.lang)))
                    .collect(),
            )
        }
        Err(msg) => return fail(vec![msg]),
    };
    for p in &file.ignored {
        eprintln!("{}: {}", args.answers, p.line(args.lang));
    }
    let report = report::build(
        &bank,
        &file.profile,
        &file.answers,
        file.plan.as_ref().unwrap_or(&Default::default()),
        file.saved_at.as_deref(),
        None,
    );
    if args.json {
        out!("{}", report_json(&report));
    } else {
        out!("{}", to_text(&report, args.lang).trim_end());
    }
    ExitCode::SUCCESS
}

/// Reads and validates a bank; on failure, prints every problem (or the read error) to stderr.
fn load_bank(path: &str) -> Option<Bank> {
    match read(path).map(|bytes| Bank::from_json(&bytes)) {
        Ok(Ok(bank)) => Some(bank),
        Ok(Err(problems)) => {
            for p in problems {
                eprintln!("{path}: {}", p.line(Lang::En));
            }
            None
        }
        Err(msg) => {
            eprintln!("{msg}");
            None
        }
    }
}

/// Positional arguments and `(name, value)` options, in the order given.
type Parsed = (Vec<String>, Vec<(String, String)>);

/// Splits arguments into positional ones and `--name value` options from `allowed`.
fn options(args: &[String], allowed: &[&str]) -> Result<Parsed, String> {
    let (mut positional, mut opts) = (Vec::new(), Vec::new());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if let Some(name) = arg.strip_prefix("--") {
            if !allowed.contains(&name) {
                return Err(format!("unknown option {arg}"));
            }
            let value = it.next().ok_or(format!("{arg} needs a value"))?;
            opts.push((name.to_string(), value.clone()));
        } else {
            positional.push(arg.clone());
        }
    }
    Ok((positional, opts))
}

struct RenderArgs {
    bank: String,
    format: render::Format,
    langs: render::Langs,
}

impl RenderArgs {
    fn parse(args: &[String]) -> Result<RenderArgs, String> {
        let (positional, opts) = options(args, &["lang", "format"])?;
        let (mut format, mut langs) = (render::Format::Markdown, render::Langs::Both);
        for (name, value) in opts {
            match (name.as_str(), value.as_str()) {
                ("format", "md") => format = render::Format::Markdown,
                ("format", "html") => format = render::Format::Html,
                ("lang", "both") => langs = render::Langs::Both,
                ("lang", code) if Lang::from_code(code).is_some() => {
                    langs = render::Langs::One(Lang::from_code(code).unwrap_or_default())
                }
                ("format", v) => return Err(format!("--format takes md or html, not {v:?}")),
                (_, v) => return Err(format!("--lang takes zh, en or both, not {v:?}")),
            }
        }
        match <[String; 1]>::try_from(positional) {
            Ok([bank]) => Ok(RenderArgs {
                bank,
                format,
                langs,
            }),
            Err(_) => Err("render takes one BANK file".into()),
        }
    }
}

fn render(args: &RenderArgs) -> ExitCode {
    match load_bank(&args.bank) {
        Some(bank) => {
            let doc = render::render(&bank, args.format, args.langs);
            out!("{}", doc.trim_end());
            ExitCode::SUCCESS
        }
        None => ExitCode::FAILURE,
    }
}

struct DiffArgs {
    old: String,
    new: String,
    json: bool,
}

impl DiffArgs {
    fn parse(args: &[String]) -> Result<DiffArgs, String> {
        let (positional, opts) = options(args, &["format"])?;
        let mut json = false;
        for (_, value) in opts {
            match value.as_str() {
                "text" => json = false,
                "json" => json = true,
                v => return Err(format!("--format takes text or json, not {v:?}")),
            }
        }
        match <[String; 2]>::try_from(positional) {
            Ok([old, new]) => Ok(DiffArgs { old, new, json }),
            Err(_) => Err("diff takes an OLD and a NEW bank file".into()),
        }
    }
}

fn diff(args: &DiffArgs) -> ExitCode {
    // Both banks are read first, so the problems of both are printed in one run.
    let (old, new) = (load_bank(&args.old), load_bank(&args.new));
    let (Some(old), Some(new)) = (old, new) else {
        return ExitCode::from(2);
    };
    let d = diff::diff(&old, &new);
    if args.json {
        let mut value = serde_json::to_value(&d).unwrap_or_default();
        value["same"] = serde_json::Value::Bool(d.is_empty());
        out!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        out!("{}", d.to_text().trim_end());
    }
    if d.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn report_json(r: &report::Report) -> String {
    let value = serde_json::json!({
        "bank": { "id": r.bank_id, "version": r.bank_version },
        "overall": r.overall,
        "level": r.level,
        "completeness": r.completeness,
        "answered": r.answered,
        "visible": r.visible,
        "dimensions": r.dimensions.iter().map(|d| serde_json::json!({
            "id": d.id, "score": d.score(), "answered": d.answered, "visible": d.visible,
            "not_applicable": d.not_applicable,
        })).collect::<Vec<_>>(),
        "red_flags": r.red_flags.iter().map(|f| f.question_id.clone()).collect::<Vec<_>>(),
        "actions": r.actions.iter().map(|a| a.question_id.clone()).collect::<Vec<_>>(),
        "plan": r.actions.iter().map(|a| serde_json::json!({
            "id": a.question_id, "step": a.step.code(), "owner": a.owner.as_ref().map(|o| o.en.clone()),
        })).collect::<Vec<_>>(),
        "projected": r.projections.both().into_iter().map(|p| (p.step.code().to_string(), serde_json::json!({
            "overall": p.overall, "level": p.level, "actions": p.actions,
        }))).collect::<serde_json::Map<_, _>>(),
        // The sections the report shows, in order: the same as the text report and the widget.
        "sections": r.sections().iter().map(|s| s.code()).collect::<Vec<_>>(),
        "evidence": r.evidence.iter().map(|m| serde_json::json!({
            "measure": m.measure,
            "records": m.records.iter().map(|e| serde_json::json!({ "id": e.id, "have": e.have })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
