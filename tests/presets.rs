//! The presets an embedding page puts in the widget's URL: which are read, and how anything
//! else is ignored.

use tscheck::lang::Lang;
use tscheck::presets::{parse_presets, Presets};
use tscheck::profile::Industry;

#[test]
fn every_valid_preset_is_read() {
    assert_eq!(
        parse_presets("?lang=en&industry=low-altitude&cross_border=true&ai_models=0"),
        Presets {
            lang: Some(Lang::En),
            industry: Some(Industry::LowAltitude),
            cross_border: Some(true),
            ai_models: Some(false),
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
fn bad_values_are_ignored_one_by_one() {
    // No message: the visitor did not write the URL. Each bad value leaves only itself unset.
    let presets =
        parse_presets("?lang=fr&industry=Biomedical&cross_border=yes&ai_models=2&lang2=en");
    assert_eq!(presets, Presets::default());
    let presets = parse_presets("?lang=EN&industry=biomedical&cross_border=&ai_models");
    assert_eq!(
        presets,
        Presets {
            industry: Some(Industry::Biomedical),
            ..Presets::default()
        }
    );
    assert_eq!(parse_presets("?lang=en%").lang, None);
    assert_eq!(parse_presets("?lang=%zzen").lang, None);
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
