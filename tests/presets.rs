//! The presets an embedding page puts in the widget's URL: which are read, which are left
//! alone, and how a bad value is ignored and named.

use tscheck::lang::Lang;
use tscheck::presets::{parse_presets, Presets};
use tscheck::problem::{Problem, ProblemKind};
use tscheck::profile::Industry;

/// The paths and refused values of the presets a query had to ignore.
fn ignored(query: &str) -> Vec<(String, String)> {
    (parse_presets(query).ignored.into_iter())
        .map(|Problem { path, kind }| match kind {
            ProblemKind::NotAllowed { found, .. } => (path, found),
            other => panic!("{query}: {other:?}"),
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn every_valid_preset_is_read() {
    assert_eq!(
        parse_presets("?lang=en&industry=low-altitude&cross_border=true&ai_models=0"),
        Presets {
            lang: Some(Lang::En),
            industry: Some(Industry::LowAltitude),
            cross_border: Some(true),
            ai_models: Some(false),
            ignored: Vec::new(),
        }
    );
    for industry in Industry::ALL {
        let presets = parse_presets(&format!("industry={}", industry.code()));
        assert_eq!(presets.industry, Some(*industry));
    }
    assert_eq!(parse_presets("lang=zh").lang, Some(Lang::Zh));
    assert_eq!(
        parse_presets("cross_border=false").cross_border,
        Some(false)
    );
    assert_eq!(parse_presets("ai_models=1").ai_models, Some(true));
}

#[test]
fn unknown_names_and_an_empty_query_ask_nothing() {
    for query in [
        "",
        "?",
        "?&&",
        "?utm_source=news&page=2",
        "?language=en",
        "?LANG=en",
    ] {
        assert_eq!(parse_presets(query), Presets::default(), "{query:?}");
    }
}

#[test]
fn bad_values_are_ignored_one_by_one_and_named() {
    // Each bad value leaves only itself unset, and is listed for the notice with what it could
    // have been; names the widget does not use (lang2) are not its business.
    let presets =
        parse_presets("?lang=fr&industry=Biomedical&cross_border=yes&ai_models=2&lang2=en");
    assert_eq!(
        Presets {
            ignored: Vec::new(),
            ..presets.clone()
        },
        Presets::default()
    );
    assert_eq!(
        ignored("?lang=fr&industry=Biomedical&cross_border=yes&ai_models=2&lang2=en"),
        pairs(&[
            ("?lang", "fr"),
            ("?industry", "Biomedical"),
            ("?cross_border", "yes"),
            ("?ai_models", "2"),
        ])
    );
    let Some(ProblemKind::NotAllowed { allowed, .. }) = presets.ignored.get(1).map(|p| &p.kind)
    else {
        panic!("{:?}", presets.ignored)
    };
    let codes: Vec<&str> = Industry::ALL.iter().map(|i| i.code()).collect();
    assert_eq!(allowed, &codes);
    assert_eq!(
        presets.ignored[0].line(Lang::En),
        r#"?lang: "fr" is not allowed (allowed: "zh", "en")"#
    );

    let presets = parse_presets("?lang=EN&industry=biomedical&cross_border=&ai_models");
    assert_eq!(presets.industry, Some(Industry::Biomedical));
    assert_eq!(
        (presets.lang, presets.cross_border, presets.ai_models),
        (None, None, None)
    );
    assert_eq!(
        ignored("?lang=EN&industry=biomedical&cross_border=&ai_models"),
        pairs(&[("?lang", "EN"), ("?cross_border", ""), ("?ai_models", "")])
    );
    assert_eq!(ignored("?lang=en%"), pairs(&[("?lang", "en%")]));
    assert_eq!(ignored("?lang=%zzen"), pairs(&[("?lang", "%zzen")]));
    // Not UTF-8, and very long: shown replaced and cut, never a panic.
    assert_eq!(ignored("?lang=%ff"), pairs(&[("?lang", "\u{fffd}")]));
    let long = ignored(&format!("?industry={}", "x".repeat(5000)));
    assert_eq!(long[0].1.chars().count(), 40);
}

#[test]
fn presets_are_read_as_the_browser_reads_a_query() {
    // Percent escapes are decoded before matching; the first occurrence of a name counts.
    assert_eq!(parse_presets("?lang=%65n").lang, Some(Lang::En));
    assert_eq!(parse_presets("?%6Cang=en").lang, Some(Lang::En));
    assert_eq!(parse_presets("?lang=zh&lang=en").lang, Some(Lang::Zh));
    assert_eq!(parse_presets("?lang=+en").lang, None, "'+' is a space");
    assert_eq!(
        parse_presets("?industry=ai-robotics").industry,
        Some(Industry::AiRobotics)
    );
}
