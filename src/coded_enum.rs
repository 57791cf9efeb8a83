//! `coded_enum!`: a closed set of values, each with the stable code that files, URLs, the
//! bank and the DOM spell it with.
//!
//! One declaration gives the variants and their codes side by side, so the two directions of
//! the mapping cannot drift apart:
//!
//! ```text
//! coded_enum! {
//!     /// Where the respondent is.
//!     #[derive(Clone, Copy, Debug, PartialEq, Eq)]
//!     pub enum Stage {
//!         Start = "start",
//!         Report = "report",
//!     }
//! }
//! ```
//! generates `ALL` (every value, in declaration order), `CODES` (their codes, in the same
//! order), `code(self)` and `from_code(&str)`, an exact parse: a code in another case or with
//! spaces is `None`, so a typo never silently becomes another value. A variant may carry a
//! label in both languages after its code (`General = "general", "通用", "General",`); the
//! enum then also gets `label(self, lang)`, and a missing translation does not compile.

macro_rules! coded_enum {
    // With labels: the plain form, plus `label`.
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $code:literal, $zh:literal, $en:literal,)+
        }
    ) => {
        $crate::coded_enum::coded_enum! {
            $(#[$meta])*
            $vis enum $name { $($(#[$vmeta])* $variant = $code,)+ }
        }

        impl $name {
            /// The value as the respondent reads it.
            pub fn label(self, lang: $crate::lang::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($name::$variant, $crate::lang::Lang::Zh) => $zh,
                        ($name::$variant, $crate::lang::Lang::En) => $en,
                    )+
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $code:literal,)+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The codes of [`Self::ALL`], in the same order.
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// The stable code of this value.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// Exact parse of a code; anything else is `None`.
            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

pub(crate) use coded_enum;

#[cfg(test)]
mod tests {
    use crate::bank::{QuestionKind, ReferenceKind};
    use crate::profile::{Industry, Size, Stage as BusinessStage};
    use crate::score::Band;
    use crate::session::Stage;
    use std::collections::HashSet;
    use std::fmt::Debug;

    /// Every value survives code → value → code, the codes are unique and listed in `CODES`
    /// in order, and a code in another case is not read as a value.
    fn check<T: Copy + PartialEq + Debug>(
        all: &[T],
        codes: &[&str],
        code: fn(T) -> &'static str,
        from_code: fn(&str) -> Option<T>,
    ) {
        assert!(!all.is_empty());
        assert_eq!(
            all.iter().map(|v| code(*v)).collect::<Vec<_>>(),
            codes,
            "CODES lists the code of every value, in order"
        );
        let unique: HashSet<&str> = codes.iter().copied().collect();
        assert_eq!(unique.len(), codes.len(), "codes are unique: {codes:?}");
        for value in all {
            assert_eq!(from_code(code(*value)), Some(*value), "{value:?}");
            let shouted = code(*value).to_uppercase();
            assert_eq!(from_code(&shouted), None, "{shouted} is not a code");
            assert_eq!(from_code(&format!(" {}", code(*value))), None);
        }
        assert_eq!(from_code(""), None);
    }

    #[test]
    fn every_coded_enum_round_trips_through_unique_codes() {
        check(
            Industry::ALL,
            Industry::CODES,
            Industry::code,
            Industry::from_code,
        );
        check(Size::ALL, Size::CODES, Size::code, Size::from_code);
        check(
            BusinessStage::ALL,
            BusinessStage::CODES,
            BusinessStage::code,
            BusinessStage::from_code,
        );
        check(Stage::ALL, Stage::CODES, Stage::code, Stage::from_code);
        check(
            QuestionKind::ALL,
            QuestionKind::CODES,
            QuestionKind::code,
            QuestionKind::from_code,
        );
        check(
            ReferenceKind::ALL,
            ReferenceKind::CODES,
            ReferenceKind::code,
            ReferenceKind::from_code,
        );
        check(Band::ALL, Band::CODES, Band::code, Band::from_code);
    }

    #[test]
    fn the_codes_are_the_published_ones() {
        // Files, URLs, the bank and the DOM (the test contract) spell values this way.
        assert_eq!(
            Industry::CODES,
            ["general", "low-altitude", "biomedical", "ai-robotics"]
        );
        assert_eq!(
            Stage::CODES,
            ["start", "profile", "questions", "review", "report"]
        );
        assert_eq!(QuestionKind::CODES, ["single", "checklist"]);
        assert_eq!(
            ReferenceKind::CODES,
            ["law", "standard", "guideline", "case"]
        );
        assert_eq!(Band::CODES, ["high", "medium", "low"]);
    }
}
