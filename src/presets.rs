//! Presets an embedding page puts in the widget's URL: `?lang=en&industry=biomedical&
//! cross_border=1&ai_models=1`. Read exactly. A name the widget does not use is left alone (a
//! host page's URL may carry its own). A preset whose value is not one of the codes below is
//! ignored, so the widget starts as it would without it, and is listed in [`Presets::ignored`]:
//! the widget says so in a dismissible notice, so whoever wrote the link sees the mistake and the
//! visitor knows why the check did not start as the link promised.

use crate::lang::Lang;
use crate::problem::{Problem, ProblemKind};
use crate::profile::Industry;
use crate::session::{Session, Stage};

/// What the URL asks for; `None` where it asks nothing (or nothing valid).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Presets {
    pub lang: Option<Lang>,
    pub industry: Option<Industry>,
    pub cross_border: Option<bool>,
    pub ai_models: Option<bool>,
    /// The presets whose value is not one of their codes (in the order of the fields above),
    /// each at the path `?name`.
    pub ignored: Vec<Problem>,
}

/// The values a yes/no preset accepts.
const FLAG_CODES: [&str; 4] = ["1", "true", "0", "false"];

/// How much of a bad value a message repeats.
const SHOWN_CHARS: usize = 40;

/// Parses a URL's query (`location.search`, with or without its leading `?`). The first
/// occurrence of a name counts, as in the browser's `URLSearchParams.get`; values are
/// percent-decoded (`+` is a space) before they are matched.
pub fn parse_presets(query: &str) -> Presets {
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(Vec<u8>, Vec<u8>)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect();
    let mut ignored = Vec::new();
    let lang_codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let industry_codes: Vec<&str> = Industry::ALL.iter().map(|i| i.code()).collect();
    let flag = |code: &str| match code {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    };
    let lang = read(&pairs, "lang", &lang_codes, Lang::from_code, &mut ignored);
    let industry = read(
        &pairs,
        "industry",
        &industry_codes,
        Industry::from_code,
        &mut ignored,
    );
    let cross_border = read(&pairs, "cross_border", &FLAG_CODES, flag, &mut ignored);
    let ai_models = read(&pairs, "ai_models", &FLAG_CODES, flag, &mut ignored);
    Presets {
        lang,
        industry,
        cross_border,
        ai_models,
        ignored,
    }
}

/// One preset: `None` when the URL does not name it; a value that `parse` refuses is `None`
/// too, and recorded in `ignored` with the codes it could have been.
fn read<T>(
    pairs: &[(Vec<u8>, Vec<u8>)],
    name: &str,
    allowed: &[&str],
    parse: impl Fn(&str) -> Option<T>,
    ignored: &mut Vec<Problem>,
) -> Option<T> {
    let (_, value) = pairs.iter().find(|(n, _)| n == name.as_bytes())?;
    // Not UTF-8 matches no code.
    let parsed = std::str::from_utf8(value).ok().and_then(parse);
    if parsed.is_none() {
        ignored.push(Problem {
            path: format!("?{name}"),
            kind: ProblemKind::NotAllowed {
                found: String::from_utf8_lossy(value)
                    .chars()
                    .take(SHOWN_CHARS)
                    .collect(),
                allowed: allowed.iter().map(|code| code.to_string()).collect(),
            },
        });
    }
    parsed
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte. A malformed
/// escape stays as written, so it matches no code.
fn decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let hex = |i: usize| bytes.get(i).and_then(|&b| (b as char).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'+', _, _) => out.push(b' '),
            (b'%', Some(high), Some(low)) => {
                // Two hex digits make one byte, at most 0xff.
                out.push((high * 16 + low) as u8);
                i += 2;
            }
            (byte, _, _) => out.push(byte),
        }
        i += 1;
    }
    out
}

impl Presets {
    /// Shapes a session the widget starts with. The language always follows the URL (the page
    /// around the widget is in that language); the profile presets only shape a fresh
    /// self-check and never overwrite progress the user had saved.
    pub fn apply(&self, session: &mut Session) {
        if let Some(lang) = self.lang {
            session.lang = lang;
        }
        if !session.answers.is_empty() || session.stage != Stage::Start {
            return;
        }
        if let Some(industry) = self.industry {
            session.profile.industry = industry;
        }
        if let Some(cross_border) = self.cross_border {
            session.profile.cross_border = cross_border;
        }
        if let Some(ai_models) = self.ai_models {
            session.profile.ai_models = ai_models;
        }
    }
}
