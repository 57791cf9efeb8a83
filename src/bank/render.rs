//! The review document of a bank as Markdown or as a standalone HTML page (`tscheck render`).
//!
//! Both are built from [`super::review::Review`], in one language or both side by side.
//! **Every bank text is escaped**: in HTML `& < > " '`, in Markdown `<` (so a Markdown viewer
//! cannot be made to run bank text as HTML) and `|` inside table cells.

use super::review::{review, QuestionReview, Review};
use super::Bank;
use crate::lang::{Lang, Text};
use crate::strings::{fill, Ed};

/// The output format of a review document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

/// Which languages a review document shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Langs {
    One(Lang),
    Both,
}

impl Langs {
    fn list(self) -> &'static [Lang] {
        match self {
            Langs::One(Lang::Zh) => &[Lang::Zh],
            Langs::One(Lang::En) => &[Lang::En],
            Langs::Both => &Lang::ALL,
        }
    }
}

/// Renders a valid bank as a review document.
pub fn render(bank: &Bank, format: Format, langs: Langs) -> String {
    let doc = review(bank);
    match format {
        Format::Markdown => markdown(&doc, langs.list()),
        Format::Html => html(&doc, langs.list()),
    }
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn md_text(text: &str) -> String {
    text.replace('<', "&lt;")
}

fn md_cell(text: &str) -> String {
    md_text(text).replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// The languages of a text, joined by `sep`.
fn joined(text: &Text, langs: &[Lang], sep: &str) -> String {
    langs
        .iter()
        .map(|&l| text.get(l))
        .collect::<Vec<_>>()
        .join(sep)
}

fn label(s: Ed, langs: &[Lang]) -> String {
    langs
        .iter()
        .map(|&l| s.get(l).trim())
        .collect::<Vec<_>>()
        .join(" / ")
}

fn markdown(doc: &Review, langs: &[Lang]) -> String {
    let mut out = String::new();
    let line = |out: &mut String, s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(
        &mut out,
        &format!("# {}", md_text(&joined(&doc.title, langs, " · "))),
    );
    line(&mut out, "");
    let version: Vec<String> = langs
        .iter()
        .map(|&l| fill(Ed::Version.get(l), &[("version", &doc.version)]))
        .collect();
    line(
        &mut out,
        &format!("`{}`, {}", doc.id, md_text(&version.join(" / "))),
    );
    line(&mut out, "");
    for &l in langs {
        line(&mut out, &format!("{}  ", md_text(doc.summary.get(l))));
    }
    for module in &doc.modules {
        line(&mut out, "");
        line(
            &mut out,
            &format!(
                "## {}: {} (`{}`)",
                label(Ed::Module, langs),
                md_text(&joined(&module.name, langs, " · ")),
                module.id
            ),
        );
        line(&mut out, "");
        line(
            &mut out,
            &format!("*{}*", md_text(&joined(&module.condition, langs, " / "))),
        );
        for dimension in &module.dimensions {
            line(&mut out, "");
            line(
                &mut out,
                &format!(
                    "### {}: {} (`{}`)",
                    label(Ed::Dimension, langs),
                    md_text(&joined(&dimension.name, langs, " · ")),
                    dimension.id
                ),
            );
            for q in &dimension.questions {
                markdown_question(&mut out, q, langs);
            }
        }
    }
    out
}

fn markdown_question(out: &mut String, q: &QuestionReview, langs: &[Lang]) {
    let mut heading = format!("\n#### `{}`", q.id);
    if let Some(title) = &q.title {
        heading.push_str(&format!(" {}", md_text(&joined(title, langs, " · "))));
    }
    if q.critical {
        heading.push_str(&format!(" ({})", label(Ed::CriticalMark, langs)));
    }
    out.push_str(&heading);
    out.push_str("\n\n");
    for &l in langs {
        out.push_str(&format!("{}  \n", md_text(q.text.get(l))));
    }
    out.push('\n');
    for fact in &q.facts {
        out.push_str(&format!("- {}\n", md_text(&joined(fact, langs, " / "))));
    }
    out.push('\n');
    let mut header = vec!["id".to_string()];
    header.extend(langs.iter().map(|&l| Ed::Options.get(l).to_string()));
    header.push(joined(&q.value_label, langs, " / "));
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
    for o in &q.options {
        let mut cells = vec![format!("`{}`", o.id)];
        cells.extend(langs.iter().map(|&l| md_cell(o.text.get(l))));
        cells.push(o.value.clone());
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    for (s, text) in [(Ed::Help, &q.help), (Ed::Recommendation, &q.recommendation)] {
        out.push_str(&format!("\n**{}**  \n", label(s, langs)));
        for &l in langs {
            out.push_str(&format!("{}  \n", md_text(text.get(l))));
        }
    }
    if !q.references.is_empty() {
        out.push_str(&format!("\n**{}**\n\n", label(Ed::References, langs)));
        for r in &q.references {
            out.push_str(&format!("- {}\n", md_text(&joined(r, langs, " / "))));
        }
    }
}

/// The styles of the HTML review document: readable on screen, A4 on paper.
const HTML_STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;color:#1a1a1a;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #1a4f8b;margin-top:2.5rem}h3{font-size:1.1rem;color:#1a4f8b}
article{border:1px solid #bbb;border-radius:4px;padding:.5rem 1rem;margin:1rem 0}h4{break-after:avoid}tr,li,p{break-inside:avoid}
.pair{display:grid;grid-template-columns:repeat(var(--n),1fr);gap:1rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.2rem .4rem;text-align:left;vertical-align:top}
.critical{color:#8b1a1a;font-weight:bold}code{font-size:.9em}ul{margin:.3rem 0}
@page{size:A4;margin:15mm}@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-before:page}}";

fn html(doc: &Review, langs: &[Lang]) -> String {
    let e = escape_html;
    let lang_attr = if langs.len() == 1 {
        langs[0].html_tag()
    } else {
        Lang::Zh.html_tag()
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_attr}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body style=\"--n:{}\">\n",
        e(&joined(&doc.title, langs, " · ")),
        langs.len()
    );
    out.push_str(&format!("<h1>{}</h1>\n", pair(&doc.title, langs)));
    out.push_str(&format!(
        "<p><code>{}</code> {}</p>\n",
        e(&doc.id),
        e(&langs
            .iter()
            .map(|&l| fill(Ed::Version.get(l), &[("version", &doc.version)]))
            .collect::<Vec<_>>()
            .join(" / "))
    ));
    out.push_str(&format!("<p>{}</p>\n", pair(&doc.summary, langs)));
    for module in &doc.modules {
        out.push_str(&format!(
            "<section>\n<h2>{}: {} <code>{}</code></h2>\n<p><em>{}</em></p>\n",
            e(&label(Ed::Module, langs)),
            e(&joined(&module.name, langs, " · ")),
            e(&module.id),
            pair(&module.condition, langs)
        ));
        for dimension in &module.dimensions {
            out.push_str(&format!(
                "<h3>{}: {} <code>{}</code></h3>\n",
                e(&label(Ed::Dimension, langs)),
                e(&joined(&dimension.name, langs, " · ")),
                e(&dimension.id)
            ));
            for q in &dimension.questions {
                html_question(&mut out, q, langs);
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A text in each language, side by side, each marked with its language.
fn pair(text: &Text, langs: &[Lang]) -> String {
    if langs.len() == 1 {
        return escape_html(text.get(langs[0]));
    }
    let cells: String = langs
        .iter()
        .map(|&l| {
            format!(
                "<span lang=\"{}\">{}</span>",
                l.html_tag(),
                escape_html(text.get(l))
            )
        })
        .collect();
    format!("<span class=\"pair\">{cells}</span>")
}

fn html_question(out: &mut String, q: &QuestionReview, langs: &[Lang]) {
    let e = escape_html;
    out.push_str(&format!(
        "<article id=\"q-{}\">\n<h4><code>{}</code>",
        e(&q.id),
        e(&q.id)
    ));
    if let Some(title) = &q.title {
        out.push_str(&format!(" {}", e(&joined(title, langs, " · "))));
    }
    if q.critical {
        out.push_str(&format!(
            " <span class=\"critical\">{}</span>",
            e(&label(Ed::CriticalMark, langs))
        ));
    }
    out.push_str("</h4>\n");
    out.push_str(&format!("<p>{}</p>\n<ul>\n", pair(&q.text, langs)));
    for fact in &q.facts {
        out.push_str(&format!("<li>{}</li>\n", e(&joined(fact, langs, " / "))));
    }
    out.push_str("</ul>\n<table>\n<thead><tr><th>id</th>");
    for &l in langs {
        out.push_str(&format!(
            "<th lang=\"{}\">{}</th>",
            l.html_tag(),
            e(Ed::Options.get(l))
        ));
    }
    out.push_str(&format!(
        "<th>{}</th></tr></thead>\n<tbody>\n",
        e(&joined(&q.value_label, langs, " / "))
    ));
    for o in &q.options {
        out.push_str(&format!("<tr><td><code>{}</code></td>", e(&o.id)));
        for &l in langs {
            out.push_str(&format!(
                "<td lang=\"{}\">{}</td>",
                l.html_tag(),
                e(o.text.get(l))
            ));
        }
        out.push_str(&format!("<td>{}</td></tr>\n", e(&o.value)));
    }
    out.push_str("</tbody>\n</table>\n");
    for (s, text) in [(Ed::Help, &q.help), (Ed::Recommendation, &q.recommendation)] {
        out.push_str(&format!(
            "<p><strong>{}</strong><br>{}</p>\n",
            e(&label(s, langs)),
            pair(text, langs)
        ));
    }
    if !q.references.is_empty() {
        out.push_str(&format!(
            "<p><strong>{}</strong></p>\n<ul>\n",
            e(&label(Ed::References, langs))
        ));
        for r in &q.references {
            out.push_str(&format!("<li>{}</li>\n", pair(r, langs)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}
