//! A small, forgiving reader over `serde_json::Value` that records a [`Problem`] for every
//! mismatch instead of stopping at the first, so a bank editor sees all problems in one pass.
//!
//! Every accessor returns `Option`: `None` means "a problem was recorded, keep going".

use crate::lang::{Lang, Text};
use crate::problem::{Problem, ProblemKind};
use serde_json::{Map, Value};

/// Parses bytes as JSON, refusing input over `limit` bytes. Never panics: serde_json limits
/// nesting depth, so hostile input cannot overflow the stack.
pub fn parse(bytes: &[u8], limit: usize) -> Result<Value, Problem> {
    if bytes.len() > limit {
        return Err(Problem::new(
            "$",
            ProblemKind::TooLarge { limit_bytes: limit },
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| {
        Problem::new(
            "$",
            ProblemKind::InvalidJson {
                line: e.line(),
                column: e.column(),
                detail: e.to_string(),
            },
        )
    })
}

/// Collects problems while reading one document.
#[derive(Default)]
pub struct Reader {
    pub problems: Vec<Problem>,
}

impl Reader {
    pub fn report(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem::new(path, kind));
    }

    pub fn object<'a>(&mut self, value: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            _ => {
                self.report(path, ProblemKind::WrongType { expected: "object" });
                None
            }
        }
    }

    /// Reports fields that `allowed` does not name (usually typos).
    pub fn known_fields(&mut self, map: &Map<String, Value>, path: &str, allowed: &[&'static str]) {
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                self.report(
                    child(path, key),
                    ProblemKind::UnknownField {
                        allowed: allowed.to_vec(),
                    },
                );
            }
        }
    }

    /// A required field; reports it missing.
    pub fn required<'a>(
        &mut self,
        map: &'a Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'a Value> {
        let value = map.get(key);
        if value.is_none() {
            self.report(child(path, key), ProblemKind::Missing);
        }
        value
    }

    pub fn string<'a>(&mut self, value: &'a Value, path: &str) -> Option<&'a str> {
        match value {
            Value::String(s) => Some(s),
            _ => {
                self.report(path, ProblemKind::WrongType { expected: "string" });
                None
            }
        }
    }

    pub fn number(&mut self, value: &Value, path: &str) -> Option<f64> {
        match value.as_f64() {
            Some(n) if n.is_finite() => Some(n),
            _ => {
                self.report(path, ProblemKind::WrongType { expected: "number" });
                None
            }
        }
    }

    pub fn boolean(&mut self, value: &Value, path: &str) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            _ => {
                self.report(
                    path,
                    ProblemKind::WrongType {
                        expected: "boolean",
                    },
                );
                None
            }
        }
    }

    pub fn array<'a>(&mut self, value: &'a Value, path: &str) -> Option<&'a [Value]> {
        match value {
            Value::Array(items) => Some(items),
            _ => {
                self.report(path, ProblemKind::WrongType { expected: "array" });
                None
            }
        }
    }

    pub fn required_string<'a>(
        &mut self,
        map: &'a Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'a str> {
        let value = self.required(map, path, key)?;
        self.string(value, &child(path, key))
    }

    /// A required bilingual text field.
    pub fn required_text(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Text> {
        let value = self.required(map, path, key)?;
        self.text(value, &child(path, key))
    }

    /// A required id field.
    pub fn required_id(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<String> {
        let value = self.required(map, path, key)?;
        self.id(value, &child(path, key))
    }

    /// A string that must be one of `allowed`.
    pub fn choice<'a>(
        &mut self,
        value: &'a Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'a str> {
        let s = self.string(value, path)?;
        if allowed.contains(&s) {
            Some(s)
        } else {
            self.report(
                path,
                ProblemKind::NotAllowed {
                    found: s.to_string(),
                    allowed: allowed.iter().map(|a| a.to_string()).collect(),
                },
            );
            None
        }
    }

    /// A lowercase kebab-case id.
    pub fn id(&mut self, value: &Value, path: &str) -> Option<String> {
        let s = self.string(value, path)?;
        if is_kebab_id(s) {
            Some(s.to_string())
        } else {
            self.report(path, ProblemKind::BadId { id: s.to_string() });
            None
        }
    }

    /// A bilingual text `{ "zh": …, "en": … }`, both present and not blank.
    pub fn text(&mut self, value: &Value, path: &str) -> Option<Text> {
        let map = self.object(value, path)?;
        self.known_fields(map, path, &["zh", "en"]);
        let mut parts = [None, None];
        for (slot, lang) in parts.iter_mut().zip(Lang::ALL) {
            let key = lang.code();
            match map.get(key) {
                Some(Value::String(s)) if !s.trim().is_empty() => *slot = Some(s.clone()),
                Some(Value::String(_)) | None => {
                    self.report(child(path, key), ProblemKind::MissingTranslation { lang })
                }
                Some(_) => self.report(
                    child(path, key),
                    ProblemKind::WrongType { expected: "string" },
                ),
            }
        }
        let [zh, en] = parts;
        Some(Text { zh: zh?, en: en? })
    }
}

/// `$.a` + `b` → `$.a.b`.
pub fn child(path: &str, key: &str) -> String {
    format!("{path}.{key}")
}

/// `$.a` + 3 → `$.a[3]`.
pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// Lowercase ASCII letters and digits in groups joined by single hyphens, at most 64 bytes.
pub fn is_kebab_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_ids() {
        for ok in ["a", "people-nda", "la-2", "x1-y2-z3"] {
            assert!(is_kebab_id(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "中文"] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
    }

    #[test]
    fn bad_json_reports_line_and_column() {
        let err = parse(b"{\n  \"a\": 1,\n  oops\n}", 1000).unwrap_err();
        match err.kind {
            ProblemKind::InvalidJson { line, column, .. } => assert_eq!((line, column), (3, 3)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let err = parse(&[b' '; 11], 10).unwrap_err();
        assert_eq!(err.kind, ProblemKind::TooLarge { limit_bytes: 10 });
    }

    #[test]
    fn deeply_nested_input_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(parse(deep.as_bytes(), 1 << 20).is_err());
    }
}
