//! Presets an embedding page puts in the widget's URL: `?lang=en&industry=biomedical&
//! cross_border=1&ai_models=1`. Read exactly: an unknown name or a value that is not one of the
//! codes below is ignored (the widget then starts as it would without it), never an error shown
//! to the visitor, who did not write the URL.

use crate::lang::Lang;
use crate::profile::Industry;
use crate::session::{Session, Stage};

/// What the URL asks for; `None` where it asks nothing (or nothing valid).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Presets {
    pub lang: Option<Lang>,
    pub industry: Option<Industry>,
    pub cross_border: Option<bool>,
    pub ai_models: Option<bool>,
}

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
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name.as_bytes())
            // Not UTF-8 matches no code.
            .and_then(|(_, value)| std::str::from_utf8(value).ok())
    };
    let flag = |name: &str| match get(name) {
        Some("1" | "true") => Some(true),
        Some("0" | "false") => Some(false),
        _ => None,
    };
    Presets {
        lang: get("lang").and_then(Lang::from_code),
        industry: get("industry").and_then(Industry::from_code),
        cross_border: flag("cross_border"),
        ai_models: flag("ai_models"),
    }
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
