//! The bank check page (`bank-check.html`, its own `bank-check` binary): an editor chooses a
//! bank file, sees every problem at once or, for a valid bank, its coverage, what changed
//! against the bundled bank and a preview of every question, zh and en side by side.
//!
//! The file is read with a FileReader and never leaves the browser. Everything shown comes
//! from the core (`Bank::from_json`, `review`, `diff`); every text is a text node.

use crate::bank::diff::{diff, BankDiff, FieldChange};
use crate::bank::review::{review, QuestionReview, Review};
use crate::bank::{Bank, BANK_MAX_BYTES};
use crate::lang::{Lang, Text};
use crate::problem::Problem;
use crate::strings::{fill, Ed, S};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Mounts the bank check page into `[data-tscheck-mount]`.
pub fn start() {
    super::panic_screen::install();
    if let Some(root) = super::embed::mount_element() {
        root.set_text_content(None);
        yew::Renderer::<BankCheck>::with_root(root).render();
    }
}

/// What the chosen file turned out to be.
#[derive(Clone, PartialEq)]
enum Checked {
    Nothing,
    Reading,
    Unreadable,
    Problems(Vec<Problem>),
    Valid(Box<Valid>),
}

/// A valid bank with its review, computed once when the file is read.
#[derive(Clone, PartialEq)]
struct Valid {
    bank: Bank,
    review: Review,
}

fn check(bytes: &[u8]) -> Checked {
    match Bank::from_json(bytes) {
        Err(problems) => Checked::Problems(problems),
        Ok(bank) => Checked::Valid(Box::new(Valid {
            review: review(&bank),
            bank,
        })),
    }
}

/// The bank the chosen one is compared with: the bundled one, unless the editor chose a file.
#[derive(Clone, PartialEq)]
enum Base {
    Bundled,
    File {
        name: String,
        bank: Rc<Bank>,
    },
    /// The file chosen for comparison is not a valid bank; the bundled one is used.
    Refused {
        name: String,
        problems: usize,
    },
}

/// The file name of the first file chosen in `input`.
fn chosen_name(input: &HtmlInputElement) -> String {
    input
        .files()
        .and_then(|files| files.get(0))
        .map(|f| f.name())
        .unwrap_or_default()
}

/// Reads at most one byte past the bank limit, so a larger file is refused by the core's own
/// size check without the whole of it being read.
fn read_bank_file(input: &HtmlInputElement, done: impl FnOnce(Option<Vec<u8>>) + 'static) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    let head = gloo::file::Blob::from(file).slice(0, BANK_MAX_BYTES as u64 + 1);
    let reader = gloo::file::callbacks::read_as_bytes(&head, move |result| done(result.ok()));
    // The read completes on its own; keeping the handle alive until then is enough.
    std::mem::forget(reader);
}

#[component]
pub fn BankCheck() -> Html {
    let lang = use_state(|| Lang::Zh);
    let checked = use_state(|| Checked::Nothing);
    let base = use_state(|| Base::Bundled);
    // Parsed once: `None` only if the bundled bank were invalid, which a native test rules out.
    let bundled = use_memo((), |_| Bank::bundled().ok());
    let l = *lang;
    let t = |s: Ed| s.get(l);

    {
        let l = *lang;
        use_effect_with(l, move |l| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", l.html_tag());
            }
            gloo::utils::document().set_title(&format!(
                "{} · {}",
                Ed::BankCheck.get(*l),
                Ed::BankCheck.get(match l {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                })
            ));
        });
    }

    let on_file = {
        let checked = checked.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let checked = checked.clone();
            checked.set(Checked::Reading);
            read_bank_file(&input, move |bytes| {
                checked.set(match bytes {
                    Some(bytes) => check(&bytes),
                    None => Checked::Unreadable,
                })
            });
        })
    };
    let on_base = {
        let base = base.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let name = chosen_name(&input);
            let base = base.clone();
            read_bank_file(&input, move |bytes| {
                base.set(match bytes.map(|b| Bank::from_json(&b)) {
                    Some(Ok(bank)) => Base::File {
                        name,
                        bank: Rc::new(bank),
                    },
                    Some(Err(problems)) => Base::Refused {
                        name,
                        problems: problems.len(),
                    },
                    None => Base::Refused { name, problems: 1 },
                })
            });
        })
    };
    let switch = |to: Lang| {
        let lang = lang.clone();
        Callback::from(move |_: MouseEvent| lang.set(to))
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });

    let result = match &*checked {
        Checked::Nothing => html! {},
        Checked::Reading => html! { <p role="status">{ t(Ed::Reading) }</p> },
        Checked::Unreadable => html! {
            <div class="bc-problems" role="alert" data-error="">{ S::FileUnreadable.get(l) }</div>
        },
        Checked::Problems(problems) => problems_view(problems, l),
        Checked::Valid(valid) => {
            let against = match &*base {
                Base::File { bank, .. } => Some(&**bank),
                _ => bundled.as_ref().as_ref(),
            };
            let comparison = html! {
                <section class="bc-diff" data-bank-diff="">
                    <h2>{ match &*base {
                        Base::File { name, .. } => fill(t(Ed::ComparedWithFile), &[("name", name)]),
                        _ => t(Ed::Compare).to_string(),
                    } }</h2>
                    <p class="bc-choose">
                        <label for="bc-base">{ t(Ed::CompareWithFile) }</label>
                        <input id="bc-base" type="file" accept=".json,application/json"
                            data-action="compare-bank" onchange={on_base} />
                    </p>
                    if let Base::Refused { name, problems } = &*base {
                        <p class="bc-problems" role="alert" data-error="">
                            { fill(t(Ed::CompareRefused), &[("name", name), ("n", problems)]) }
                        </p>
                    }
                    { against.map(|b| changes_view(&diff(b, &valid.bank), l)).unwrap_or_default() }
                </section>
            };
            valid_view(valid, l, on_print, comparison)
        }
    };

    html! {
        <div class="bc" data-bank-check="" data-lang={l.code()}>
            <header class="bc-header">
                <h1>{ t(Ed::BankCheck) }</h1>
                <nav class="bc-nav" aria-label={S::LangSwitch.get(l)}>
                    <button type="button" data-action="lang-zh" lang="zh-CN"
                        aria-pressed={(l == Lang::Zh).to_string()} onclick={switch(Lang::Zh)}>
                        { S::LangZh.get(Lang::Zh) }
                    </button>
                    <button type="button" data-action="lang-en" lang="en"
                        aria-pressed={(l == Lang::En).to_string()} onclick={switch(Lang::En)}>
                        { S::LangEn.get(Lang::En) }
                    </button>
                    <a href="./index.html">{ t(Ed::BackToWidget) }</a>
                </nav>
            </header>
            <main>
                <p class="bc-lead">{ t(Ed::Lead) }</p>
                <p class="bc-choose">
                    <label for="bc-file">{ t(Ed::Choose) }</label>
                    <input id="bc-file" type="file" accept=".json,application/json"
                        data-action="check-bank" onchange={on_file} />
                </p>
                <div aria-live="polite">{ result }</div>
            </main>
        </div>
    }
}

/// A text in both languages, side by side, each marked with its language.
fn pair(text: &Text) -> Html {
    html! {
        <div class="bc-pair">
            <div lang="zh-CN">{ text.zh.clone() }</div>
            <div lang="en">{ text.en.clone() }</div>
        </div>
    }
}

fn problems_view(problems: &[Problem], l: Lang) -> Html {
    html! {
        <section class="bc-problems" role="alert" data-error="">
            <h2>{ fill(Ed::Problems.get(l), &[("n", &problems.len())]) }</h2>
            <ol>
                { for problems.iter().map(|p| html! {
                    <li data-bank-problem="" data-path={p.path.clone()}>
                        <code>{ p.path.clone() }</code>
                        <div lang="zh-CN">{ p.kind.message(Lang::Zh) }</div>
                        <div lang="en">{ p.kind.message(Lang::En) }</div>
                    </li>
                }) }
            </ol>
        </section>
    }
}

fn valid_view(valid: &Valid, l: Lang, on_print: Callback<MouseEvent>, comparison: Html) -> Html {
    let r = &valid.review;
    let t = |s: Ed| s.get(l);
    let counts = |caption: Ed, rows: &[(String, Text, usize)]| {
        html! {
            <table class="bc-counts">
                <caption>{ t(caption) }</caption>
                <tbody>
                    { for rows.iter().map(|(id, name, n)| html! {
                        <tr>
                            <th scope="row">{ name.get(l).to_string() }<code>{ id.clone() }</code></th>
                            <td>{ fill(Ed::QuestionCount.get(l), &[("n", n)]) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        }
    };
    html! {
        <>
            <section class="bc-ok" data-bank-ok="" role="status">
                <h2>{ fill(Ed::Ok.get(l), &[("id", &r.id), ("version", &r.version)]) }</h2>
                <p>{ r.summary.get(l).to_string() }</p>
                <button type="button" class="bc-print" data-action="print" onclick={on_print}>
                    { t(Ed::Print) }
                </button>
            </section>
            <section class="bc-coverage">
                <h2>{ t(Ed::Coverage) }</h2>
                <div class="bc-coverage-tables">
                    { counts(Ed::PerModule, &r.coverage.modules) }
                    { counts(Ed::PerDimension, &r.coverage.dimensions) }
                </div>
            </section>
            { comparison }
            { preview(r, l) }
        </>
    }
}

fn changes_view(d: &BankDiff, l: Lang) -> Html {
    let t = |s: Ed| s.get(l);
    let fields = |fields: &[FieldChange]| {
        html! {
            <ul class="bc-fields">
                { for fields.iter().map(|f| html! {
                    <li>
                        <code>{ f.field.clone() }</code>
                        <div class="bc-pair">
                            <div><span class="bc-tag">{ t(Ed::Old) }</span>{ f.old.clone().unwrap_or_else(|| "—".into()) }</div>
                            <div><span class="bc-tag">{ t(Ed::New) }</span>{ f.new.clone().unwrap_or_else(|| "—".into()) }</div>
                        </div>
                    </li>
                }) }
            </ul>
        }
    };
    let ids = |caption: Ed, list: &[String], added: bool| {
        if list.is_empty() {
            return html! {};
        }
        html! {
            <>
                <h3>{ t(caption) }</h3>
                <ul>{ for list.iter().map(|id| html! {
                    <li data-diff-added={added.then(|| id.clone())}
                        data-diff-removed={(!added).then(|| id.clone())}>
                        <code>{ id.clone() }</code>
                    </li>
                }) }</ul>
            </>
        }
    };
    html! {
        <>
            if d.is_empty() {
                <p data-diff-same="">{ t(Ed::Same) }</p>
            } else {
                <p>{ fill(t(Ed::DiffCounts), &[
                    ("added", &d.added.len()),
                    ("removed", &d.removed.len()),
                    ("changed", &d.changed.len()),
                    ("other", &d.other.len()),
                ]) }</p>
                { ids(Ed::Added, &d.added, true) }
                { ids(Ed::Removed, &d.removed, false) }
                if !d.changed.is_empty() {
                    <h3>{ t(Ed::Changed) }</h3>
                    <ul>
                        { for d.changed.iter().map(|q| html! {
                            <li data-diff-changed={q.id.clone()}><code>{ q.id.clone() }</code>{ fields(&q.fields) }</li>
                        }) }
                    </ul>
                }
                if !d.other.is_empty() {
                    <h3>{ t(Ed::OtherChanges) }</h3>
                    <ul>
                        { for d.other.iter().map(|o| html! {
                            <li>
                                { match o.change {
                                    "added" => t(Ed::ChangeAdded),
                                    "removed" => t(Ed::ChangeRemoved),
                                    _ => t(Ed::ChangeChanged),
                                } }
                                <code>{ format!("{} {}", o.what, o.id) }</code>
                                { fields(&o.fields) }
                            </li>
                        }) }
                    </ul>
                }
            }
        </>
    }
}

fn preview(r: &Review, l: Lang) -> Html {
    let t = |s: Ed| s.get(l);
    html! {
        <section class="bc-preview">
            <h2>{ t(Ed::Preview) }</h2>
            { for r.modules.iter().map(|m| html! {
                <section class="bc-module">
                    <h3>{ format!("{}: ", t(Ed::Module)) }{ m.name.get(l).to_string() }<code>{ m.id.clone() }</code></h3>
                    { pair(&m.condition) }
                    { for m.dimensions.iter().map(|d| html! {
                        <section class="bc-dimension">
                            <h4>{ format!("{}: ", t(Ed::Dimension)) }{ d.name.get(l).to_string() }<code>{ d.id.clone() }</code></h4>
                            { for d.questions.iter().map(question) }
                        </section>
                    }) }
                </section>
            }) }
        </section>
    }
}

fn question(q: &QuestionReview) -> Html {
    let side = |l: Lang| {
        html! {
            <div lang={l.html_tag()}>
                if let Some(title) = &q.title { <p class="bc-qtitle">{ title.get(l).to_string() }</p> }
                <p class="bc-qtext">{ q.text.get(l).to_string() }</p>
                <table class="bc-options">
                    <thead><tr><th scope="col">{ Ed::Options.get(l) }</th><th scope="col">{ q.value_label.get(l).to_string() }</th></tr></thead>
                    <tbody>
                        { for q.options.iter().map(|o| html! {
                            <tr><td>{ o.text.get(l).to_string() }</td><td>{ o.value.clone() }</td></tr>
                        }) }
                    </tbody>
                </table>
                <ul class="bc-facts">{ for q.facts.iter().map(|f| html! { <li>{ f.get(l).to_string() }</li> }) }</ul>
                <p><strong>{ Ed::Help.get(l) }</strong>{ " " }{ q.help.get(l).to_string() }</p>
                <p><strong>{ Ed::Recommendation.get(l) }</strong>{ " " }{ q.recommendation.get(l).to_string() }</p>
                if !q.references.is_empty() {
                    <p><strong>{ Ed::References.get(l) }</strong></p>
                    <ul>{ for q.references.iter().map(|r| html! { <li>{ r.get(l).to_string() }</li> }) }</ul>
                }
            </div>
        }
    };
    html! {
        <article class={classes!("bc-question", q.critical.then_some("bc-critical"))}
            data-preview-question={q.id.clone()}>
            <h5>
                <code>{ q.id.clone() }</code>
                if q.critical {
                    <span class="bc-badge">{ format!("{} · {}", Ed::CriticalMark.get(Lang::Zh), Ed::CriticalMark.get(Lang::En)) }</span>
                }
            </h5>
            <div class="bc-pair">{ side(Lang::Zh) }{ side(Lang::En) }</div>
        </article>
    }
}
