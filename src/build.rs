//! Build script: bundles the question bank without its pretty-printing.
//!
//! `assets/bank/bank.json` is kept pretty-printed for its editors. The copy compiled into the
//! widget and the CLI (`bank::BUNDLED_BANK_JSON`) is the same JSON with the whitespace between
//! tokens removed: every string, number, key and its order stay byte for byte as written. This
//! saves about 88 KB of WebAssembly and of memory (README "Performance").

use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let source = Path::new(&manifest).join("assets/bank/bank.json");
    println!("cargo:rerun-if-changed={}", source.display());
    println!("cargo:rerun-if-changed=src/build.rs");
    let text = std::fs::read_to_string(&source).expect("assets/bank/bank.json is readable UTF-8");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("bank.min.json");
    std::fs::write(out, strip_whitespace(&text)).expect("OUT_DIR is writable");
}

/// Removes JSON's insignificant whitespace: space, tab, CR and LF outside strings, next to a
/// structural character (`{ } [ ] , :`) or at either end. Whitespace between two other tokens
/// is kept, so a file that is not valid JSON stays invalid in the same way and the bank's
/// validator still reports it.
fn strip_whitespace(json: &str) -> String {
    let structural = |c: char| matches!(c, '{' | '}' | '[' | ']' | ',' | ':');
    let mut out = String::with_capacity(json.len());
    let mut pending = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            pending.push(c);
            continue;
        }
        if !pending.is_empty() {
            if out.chars().next_back().is_some_and(|p| !structural(p)) && !structural(c) {
                out.push_str(&pending);
            }
            pending.clear();
        }
        in_string = c == '"';
        out.push(c);
    }
    out
}
