//! The code maps tell the truth: ARCHITECTURE.md names every source file and names no file
//! that does not exist, and `src/lib.rs`'s module doc names every module it declares. A file
//! added, moved or removed without its line in the map fails here, naming the file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    let path = root().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every `.rs` file under `src/`, as a path relative to the repository (`src/ui/app.rs`).
fn source_files() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .map(|e| e.expect("a directory entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(root()).expect("under the repository");
                out.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("src"), &mut files);
    files
}

/// The spans of `text` between backticks.
fn code_spans(text: &str) -> BTreeSet<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Whether a map entry names `file`: its path, its file name, or a `dir/*.rs` pattern
/// over its folder. (`src/ui/**` names the layer, not its files, so it does not count.)
fn names(spans: &BTreeSet<String>, file: &str) -> bool {
    let file_name = file.rsplit('/').next().expect("a file name");
    let folder_pattern = format!("{}/*.rs", &file[..file.len() - file_name.len() - 1]);
    spans.contains(file) || spans.contains(file_name) || spans.contains(&folder_pattern)
}

#[test]
fn architecture_names_every_source_file() {
    let spans = code_spans(&read("ARCHITECTURE.md"));
    let unnamed: Vec<String> = source_files()
        .into_iter()
        .filter(|file| !names(&spans, file))
        .collect();
    assert!(
        unnamed.is_empty(),
        "source files missing from ARCHITECTURE.md's code map: {unnamed:?}"
    );
}

#[test]
fn architecture_names_no_file_that_does_not_exist() {
    let files = source_files();
    let missing: Vec<String> = code_spans(&read("ARCHITECTURE.md"))
        .into_iter()
        .filter(|span| span.starts_with("src/") && !span.contains("**"))
        .filter(|span| match span.strip_suffix("/*.rs") {
            Some(folder) => !files.iter().any(|f| {
                f.strip_prefix(folder)
                    .and_then(|rest| rest.strip_prefix('/'))
                    .is_some_and(|rest| !rest.contains('/'))
            }),
            None => !files.contains(span),
        })
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names files that do not exist: {missing:?}"
    );
}

#[test]
fn the_library_doc_names_every_module_it_declares() {
    let lib = read("src/lib.rs");
    let doc: String = lib
        .lines()
        .filter_map(|line| line.strip_prefix("//!"))
        .collect::<Vec<_>>()
        .join("\n");
    let spans = code_spans(&doc);
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|line| {
            let line = line.trim_start().trim_start_matches("pub ");
            line.strip_prefix("mod ")?.strip_suffix(';')
        })
        .collect();
    assert!(
        declared.len() > 10,
        "the modules of src/lib.rs were not found"
    );
    let unnamed: Vec<&&str> = declared
        .iter()
        .filter(|module| !spans.contains(**module))
        .collect();
    assert!(
        unnamed.is_empty(),
        "modules missing from src/lib.rs's code map: {unnamed:?}"
    );
}
