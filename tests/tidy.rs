//! Tidy checks over the source tree, in the manner of rust-analyzer's tidy tests: rules of the
//! house that the compiler does not enforce, each failing with `file:line` and what it found.
//!
//! "No network use in the widget": no source file names a network API (fetch, XMLHttpRequest,
//! WebSocket, EventSource, sendBeacon, WebTransport, WebRTC, the fetch `Request`/`Response`
//! types, gloo's `net`) outside the one allowed same-origin fetch of an operator's bank,
//! `fetch_same_origin` in `src/ui/embed.rs`; that function checks the origin before it asks;
//! and `Cargo.toml` cannot bring one in (no network crate, no web-sys network feature). The end
//! to end tests (`tests/e2e/network.test.mjs`) check the same promise at run time.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted, as (path relative to the crate root, text).
fn rust_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("UTF-8 source");
                let name = path.strip_prefix(root()).unwrap_or(&path);
                out.push((name.display().to_string().replace('\\', "/"), text));
            }
        }
    }
    out.sort();
    out
}

/// The source with comments blanked (`//…` to the end of the line, `/* … */`), and, when
/// `strings` is false, the contents of string literals blanked too. Lengths and line breaks
/// are kept, so a byte offset still gives the line.
fn blank(source: &str, strings: bool) -> String {
    let bytes = source.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    let blank_range = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
                blank_range(&mut out, i, end);
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = source[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
                blank_range(&mut out, i, end);
                i = end;
            }
            // A character literal such as '"' must not open a string; a lifetime ('a) is not
            // a literal at all.
            b'\'' if bytes.get(i + 2) == Some(&b'\'') => i += 3,
            b'\'' if bytes.get(i + 1) == Some(&b'\\') => {
                let end = source[i + 2..]
                    .find('\'')
                    .map_or(bytes.len(), |n| i + 2 + n + 1);
                i = end;
            }
            b'"' => {
                // A raw string r"…" or r#"…"# ends at the same number of hashes.
                let mut hashes = 0;
                let mut k = i;
                while k > 0 && bytes[k - 1] == b'#' {
                    hashes += 1;
                    k -= 1;
                }
                let raw = k > 0 && bytes[k - 1] == b'r';
                let mut j = i + 1;
                while j < bytes.len() {
                    if !raw && bytes[j] == b'\\' {
                        j += 2;
                        continue;
                    }
                    if bytes[j] == b'"'
                        && (!raw
                            || bytes[j + 1..].iter().take_while(|&&b| b == b'#').count() >= hashes)
                    {
                        break;
                    }
                    j += 1;
                }
                let end = (j + 1).min(bytes.len());
                if !strings {
                    blank_range(&mut out, i + 1, end.saturating_sub(1).max(i + 1));
                }
                i = end + if raw { hashes } else { 0 };
            }
            _ => i += 1,
        }
    }
    String::from_utf8(out).expect("blanking keeps UTF-8: only ASCII bytes are replaced")
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// Identifier-like words of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut at = 0;
    text.split(move |c: char| !is_word(c)).filter_map(move |w| {
        let start = at;
        at += w.len() + 1;
        (!w.is_empty()).then_some((start, w))
    })
}

/// Network APIs by name, matched on a word lowercased with `_` removed, string literals
/// included (a name in a string could reach the API through reflection).
const NETWORK_NAMES: &[(&str, &str)] = &[
    ("xmlhttprequest", "XMLHttpRequest"),
    ("websocket", "WebSocket"),
    ("sendbeacon", "sendBeacon"),
    ("eventsource", "EventSource"),
    ("webtransport", "WebTransport"),
    ("rtcpeerconnection", "WebRTC"),
    ("rtcdatachannel", "WebRTC"),
];

/// The fetch API's types, matched as whole words outside string literals (prose may say
/// "response").
const FETCH_TYPES: &[&str] = &[
    "Request",
    "RequestInit",
    "RequestMode",
    "RequestCredentials",
    "RequestCache",
    "Response",
    "ResponseInit",
    "Headers",
];

const ALLOWED_FILE: &str = "src/ui/embed.rs";
const ALLOWED_FN: &str = "fetch_same_origin";

/// The byte range of `fn name`'s body in `code` (comments blanked), by brace matching.
fn fn_range(code: &str, name: &str) -> Option<(usize, usize)> {
    let start = code.find(&format!("fn {name}("))?;
    let open = start + code[start..].find('{')?;
    let mut depth = 0;
    for (i, c) in code[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((start, open + i + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// Every use of a network API in one file, as `file:line: API (word)`.
fn network_uses(file: &str, source: &str) -> Vec<String> {
    let with_strings = blank(source, true);
    let code = blank(source, false);
    let allowed = if file == ALLOWED_FILE {
        fn_range(&code, ALLOWED_FN)
    } else {
        None
    };
    let inside_allowed = |at: usize| allowed.is_some_and(|(from, to)| at >= from && at < to);
    let mut found = Vec::new();
    for (at, word) in words(&with_strings) {
        if inside_allowed(at) || word == ALLOWED_FN {
            continue;
        }
        let folded = word.to_ascii_lowercase().replace('_', "");
        let api = if folded.starts_with("fetch") {
            Some("fetch")
        } else if folded == "gloonet"
            || (folded == "net" && with_strings[..at].trim_end().ends_with("gloo::"))
        {
            Some("gloo's net")
        } else {
            NETWORK_NAMES
                .iter()
                .find(|(name, _)| folded.contains(name))
                .map(|(_, api)| *api)
        };
        if let Some(api) = api {
            found.push(format!("{file}:{}: {api} ({word})", line_of(source, at)));
        }
    }
    for (at, word) in words(&code) {
        if !inside_allowed(at) && FETCH_TYPES.contains(&word) {
            found.push(format!(
                "{file}:{}: the fetch API's types ({word})",
                line_of(source, at)
            ));
        }
    }
    found
}

#[test]
fn the_source_uses_no_network_api_but_the_same_origin_fetch_of_an_operators_bank() {
    let files = rust_files(&root().join("src"));
    assert!(
        files.iter().any(|(f, _)| f == ALLOWED_FILE),
        "{ALLOWED_FILE} exists"
    );
    let found: Vec<String> = files
        .iter()
        .flat_map(|(file, source)| network_uses(file, source))
        .collect();
    assert!(
        found.is_empty(),
        "network APIs outside {ALLOWED_FN} in {ALLOWED_FILE}:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_one_allowed_fetch_checks_the_origin_before_it_asks() {
    let source = std::fs::read_to_string(root().join(ALLOWED_FILE)).expect("embed.rs");
    let code = blank(&source, true);
    let (from, to) = fn_range(&code, ALLOWED_FN).expect("the allowed function exists");
    let body = &code[from..to];
    let refusal = body
        .find("NotSameOrigin")
        .expect("it refuses another origin");
    let request = body.find(".fetch_with_").expect("it fetches");
    assert!(refusal < request, "it checks the origin before fetching");
    assert!(body.contains(".origin()"), "it compares origins");
    assert!(
        body.contains("RequestMode::SameOrigin"),
        "it asks the browser to enforce same-origin too"
    );
}

#[test]
fn the_build_cannot_bring_in_a_network_api() {
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let network_crates = [
        "gloo-net",
        "reqwest",
        "ehttp",
        "surf",
        "ureq",
        "hyper",
        "tungstenite",
        "ws_stream_wasm",
    ];
    for (n, line) in cargo.lines().enumerate() {
        let name = line.split('=').next().unwrap_or("").trim();
        assert!(
            !network_crates.contains(&name),
            "Cargo.toml:{}: a network crate ({name})",
            n + 1
        );
    }
    let features_at = cargo.find("web-sys = {").expect("web-sys is a dependency");
    let features_end = features_at + cargo[features_at..].find(']').expect("its feature list");
    let features = &cargo[features_at..features_end];
    for (name, api) in NETWORK_NAMES {
        for (at, word) in words(features) {
            if word.to_ascii_lowercase().replace('_', "").contains(name) {
                panic!(
                    "Cargo.toml:{}: a web-sys network feature ({word}, {api})",
                    line_of(&cargo, features_at + at)
                );
            }
        }
    }
}

#[test]
fn the_network_scan_finds_what_it_must() {
    // The scan itself is tested: each of these lines would be reported, and prose is not.
    let bad = r#"
        fn f() {
            let _ = window.fetch_with_str("https://example.org");
            let x = web_sys::XmlHttpRequest::new();
            let s = WebSocket::new(url);
            navigator.send_beacon(url, None);
            let e = web_sys::EventSource::new(url);
            let p = web_sys::RtcPeerConnection::new();
            let r: web_sys::Response = todo!();
            let g = gloo::net::http::Request::get(url);
            let f = js_sys::Reflect::get(&window, &"fetch".into());
        }
    "#;
    let found = network_uses("src/example.rs", bad);
    for line in 3..=11 {
        assert!(
            found
                .iter()
                .any(|f| f.starts_with(&format!("src/example.rs:{line}:"))),
            "line {line} not found in {found:#?}"
        );
    }
    let prose = r#"
        // A comment may say fetch, WebSocket and Response.
        /* So may a block comment: XMLHttpRequest. */
        let text = "The response of the enterprise";
        let c = '"'; let word = "Response plan";
        fn fetch_same_origin_caller() { fetch_same_origin(url); }
    "#;
    let found = network_uses("src/example.rs", prose);
    assert_eq!(
        found,
        vec!["src/example.rs:6: fetch (fetch_same_origin_caller)".to_string()],
        "only the made-up function name starting with fetch"
    );
}

/// "One concept per file": a file under src/ that grows past this many lines holds more than
/// one, and is split along its seams.
const MAX_LINES: usize = 600;

#[test]
fn no_source_file_is_over_600_lines() {
    let long: Vec<String> = rust_files(&root().join("src"))
        .iter()
        .map(|(file, text)| (file, text.lines().count()))
        .filter(|&(_, lines)| lines > MAX_LINES)
        .map(|(file, lines)| {
            format!(
                "{file}:{}: {lines} lines (at most {MAX_LINES})",
                MAX_LINES + 1
            )
        })
        .collect();
    assert!(long.is_empty(), "split these files:\n{}", long.join("\n"));
}
