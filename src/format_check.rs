//! The one check of what kind of document a file is, shared by the three documents that come
//! from outside: the bank, the answers file and saved progress.
//!
//! Each carries a `format` marker and a version number at its top level. Reading another kind
//! of file, or a version this build does not read, would only bury the user in irrelevant
//! problems, so a document that fails this check is refused with this one problem and read no
//! further. The problems are the same for all three: the marker or the version is missing or
//! of the wrong type, the marker names another format ([`ProblemKind::WrongFormat`]), or the
//! version is one this build does not read ([`ProblemKind::UnsupportedVersion`], whose message
//! says when the file comes from a newer version of the tool).

use crate::json_read::{child, Reader};
use crate::problem::ProblemKind;
use serde_json::{Map, Value};

/// The `format` marker and version a kind of document carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentFormat {
    /// The value of the top-level `format` field, such as `tscheck-bank`.
    pub marker: &'static str,
    /// The top-level field holding the version: `format_version` in a bank (whose `version`
    /// is the bank's own), `version` elsewhere.
    pub version_field: &'static str,
    /// The one version this build reads.
    pub version: u32,
}

impl DocumentFormat {
    /// Checks the marker, then the version, of a document's top-level object. Records at most
    /// one problem (with its path) and returns whether the document may be read on.
    pub fn check(&self, r: &mut Reader, root: &Map<String, Value>) -> bool {
        let Some(marker) = r.required_string(root, "$", "format") else {
            return false;
        };
        if marker != self.marker {
            r.report(
                "$.format",
                ProblemKind::WrongFormat {
                    found: marker.to_string(),
                    expected: self.marker,
                },
            );
            return false;
        }
        let Some(version) = r.required(root, "$", self.version_field) else {
            return false;
        };
        if version.as_u64() != Some(u64::from(self.version)) {
            r.report(
                child("$", self.version_field),
                ProblemKind::UnsupportedVersion {
                    found: version.to_string(),
                    supported: self.version,
                },
            );
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::problem::Problem;
    use serde_json::json;

    const ANSWERS: DocumentFormat = DocumentFormat {
        marker: "tscheck-answers",
        version_field: "version",
        version: 1,
    };
    const BANK: DocumentFormat = DocumentFormat {
        marker: "tscheck-bank",
        version_field: "format_version",
        version: 1,
    };

    fn check(format: DocumentFormat, doc: Value) -> (bool, Vec<Problem>) {
        let mut r = Reader::default();
        let ok = format.check(&mut r, doc.as_object().expect("an object"));
        (ok, r.problems)
    }

    fn refused(format: DocumentFormat, doc: Value) -> Problem {
        let (ok, mut problems) = check(format, doc);
        assert!(!ok, "refused");
        assert_eq!(problems.len(), 1, "one problem: {problems:?}");
        problems.remove(0)
    }

    #[test]
    fn the_document_it_names_passes_without_a_problem() {
        let doc = json!({ "format": "tscheck-answers", "version": 1, "answers": {} });
        assert_eq!(check(ANSWERS, doc), (true, vec![]));
        let doc = json!({ "format": "tscheck-bank", "format_version": 1, "version": "7" });
        assert_eq!(check(BANK, doc), (true, vec![]));
    }

    #[test]
    fn a_missing_marker_or_version_is_missing_at_its_path() {
        let p = refused(ANSWERS, json!({ "version": 1 }));
        assert_eq!(
            (p.path.as_str(), &p.kind),
            ("$.format", &ProblemKind::Missing)
        );
        let p = refused(ANSWERS, json!({ "format": "tscheck-answers" }));
        assert_eq!(
            (p.path.as_str(), &p.kind),
            ("$.version", &ProblemKind::Missing)
        );
        // A bank's own `version` is not its format version.
        let p = refused(BANK, json!({ "format": "tscheck-bank", "version": 1 }));
        assert_eq!(p.path, "$.format_version");
        assert_eq!(p.kind, ProblemKind::Missing);
    }

    #[test]
    fn a_marker_that_is_not_a_string_is_the_wrong_type() {
        let p = refused(ANSWERS, json!({ "format": 1, "version": 1 }));
        assert_eq!(p.path, "$.format");
        assert_eq!(p.kind, ProblemKind::WrongType { expected: "string" });
    }

    #[test]
    fn a_foreign_format_is_named_and_stops_before_the_version() {
        let p = refused(
            ANSWERS,
            json!({ "format": "tscheck-bank", "format_version": 1 }),
        );
        assert_eq!(p.path, "$.format");
        assert_eq!(
            p.kind,
            ProblemKind::WrongFormat {
                found: "tscheck-bank".into(),
                expected: "tscheck-answers"
            }
        );
        assert!(p.line(Lang::En).contains("\"tscheck-bank\""), "{p}");
    }

    #[test]
    fn newer_older_and_malformed_versions_are_unsupported_and_say_which() {
        for (version, found) in [
            (json!(2), "2"),
            (json!(0), "0"),
            (json!("1"), "\"1\""),
            (json!(1.5), "1.5"),
        ] {
            let p = refused(
                BANK,
                json!({ "format": "tscheck-bank", "format_version": version }),
            );
            assert_eq!(p.path, "$.format_version");
            assert_eq!(
                p.kind,
                ProblemKind::UnsupportedVersion {
                    found: found.into(),
                    supported: 1
                }
            );
        }
        let newer = ProblemKind::UnsupportedVersion {
            found: "2".into(),
            supported: 1,
        };
        let older = ProblemKind::UnsupportedVersion {
            found: "0".into(),
            supported: 1,
        };
        assert!(newer.message(Lang::En).contains("newer version"));
        assert!(newer.message(Lang::Zh).contains("更新版本"));
        for lang in Lang::ALL {
            assert!(!older.message(lang).contains("newer version"));
            assert!(!older.message(lang).contains("更新版本"));
        }
    }
}
