//! Problems found in external data (a bank, an answers file, saved state), each tied to the JSON
//! path of the offending value and explainable in both languages.
//!
//! Validation never stops at the first problem: editors fix a bank in one pass when they see
//! every problem at once.

use crate::lang::Lang;
use crate::number::decimal;
use std::fmt;

/// One problem, located by a JSON path such as `$.questions[3].options[0].score`.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong. Each variant renders a sentence in Chinese and in English.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The bytes are not JSON (with 1-based line and column).
    InvalidJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The input is larger than we accept.
    TooLarge { limit_bytes: usize },
    /// A value has the wrong JSON type.
    WrongType { expected: &'static str },
    /// A required field is absent.
    Missing,
    /// A field the format does not know (often a typo of a known one).
    UnknownField { allowed: Vec<&'static str> },
    /// A string is not one of the allowed values.
    NotAllowed { found: String, allowed: Vec<String> },
    /// The `format` marker names another kind of file.
    WrongFormat {
        found: String,
        expected: &'static str,
    },
    /// A format version this build cannot read.
    UnsupportedVersion { found: String, supported: u32 },
    /// An id that is not lowercase kebab-case.
    BadId { id: String },
    /// The same id is used twice.
    DuplicateId { id: String },
    /// An id that refers to nothing (`what` is dimension, module, question or option).
    UnknownReference { what: &'static str, id: String },
    /// A text lacks one of its languages, or it is blank.
    MissingTranslation { lang: Lang },
    /// A weight of zero or less.
    WeightNotPositive,
    /// A score or threshold outside 0–1 (or outside the stated range).
    OutOfRange { min: f64, max: f64 },
    /// A maturity scale that does not rise from 0 (weakest) to 1 (strongest).
    ScaleNotRising,
    /// A question with no options (or too few to choose between).
    TooFewOptions { min: usize },
    /// A dimension that no question belongs to.
    DimensionWithoutQuestions { id: String },
    /// A critical question must cite the law it rests on.
    CriticalWithoutLegalReference,
    /// Conditions that depend on each other in a circle.
    ShowIfCycle { ids: Vec<String> },
    /// An answer condition that a stronger answer would switch off (breaks "a better answer never
    /// lowers a score"), or an answer condition under `not`.
    AnswerConditionNotMonotone,
    /// A question that other questions' conditions read may not offer "not applicable": marking
    /// it so would hide those questions and change other dimensions' scores.
    GateAllowsNotApplicable,
    /// A critical question shown only after an answer to another question (by its own
    /// condition or its module's): a better answer there would reveal it unanswered, which is
    /// a red flag, so a better answer would lower the level.
    CriticalDependsOnAnswer,
    /// The evidence index must list the seven measures of SPC 2020 provisions Art. 6 once
    /// each, in order.
    EvidenceNotEachMeasureOnce,
    /// A question of an earlier version listed in `replaces` is still a question of this bank.
    ReplacedQuestionStillInBank { id: String },
    /// `critical.required` is only for checklists.
    RequiredOnSingleChoice,
    /// An option id that the format reserves (`na`, `none`).
    ReservedId { id: String },
    /// The levels list must have five levels starting at 0 with rising thresholds.
    BadLevels,
    /// An answer file made for another question bank.
    OtherBank { found: String, expected: String },
    /// An answer whose option does not exist for its question, or of the wrong shape.
    BadAnswer { question: String },
    /// The operator's bank file could not be fetched (`detail` says why).
    Unreachable { url: String, detail: String },
    /// The operator's bank is not on the widget's own origin, so it is not fetched at all.
    NotSameOrigin { url: String },
    /// An answer to a merged question whose replacing question is answered in the same file
    /// (reported, then ignored: the replacing question's own answer counts).
    MergedAnswerSuperseded { id: String, into: String },
    /// An answer to a question this bank does not have (reported, then ignored).
    UnknownQuestion { id: String },
}

impl Problem {
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            path: path.into(),
            kind,
        }
    }

    /// The problem as one line: `<path>: <sentence>`.
    pub fn line(&self, lang: Lang) -> String {
        format!("{}: {}", self.path, self.kind.message(lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

fn list(items: &[impl AsRef<str>]) -> String {
    items
        .iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ProblemKind {
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let zh = lang == Lang::Zh;
        match self {
            InvalidJson { line, column, detail } => {
                if zh {
                    format!("不是有效的 JSON（第 {line} 行第 {column} 列：{detail}）")
                } else {
                    format!("not valid JSON (line {line}, column {column}: {detail})")
                }
            }
            TooLarge { limit_bytes } => {
                let kib = limit_bytes / 1024;
                if zh {
                    format!("文件过大（上限 {kib} KiB）")
                } else {
                    format!("the file is too large (limit {kib} KiB)")
                }
            }
            WrongType { expected } => {
                if zh {
                    format!("类型错误，应为{}", type_zh(expected))
                } else {
                    format!("wrong type, expected {expected}")
                }
            }
            Missing => if zh { "缺少必填字段" } else { "required field is missing" }.to_string(),
            UnknownField { allowed } => {
                if zh {
                    format!("未知字段（允许的字段：{}）", list(allowed))
                } else {
                    format!("unknown field (allowed: {})", list(allowed))
                }
            }
            NotAllowed { found, allowed } => {
                if zh {
                    format!("取值 \"{found}\" 无效（可用值：{}）", list(allowed))
                } else {
                    format!("\"{found}\" is not allowed (allowed: {})", list(allowed))
                }
            }
            WrongFormat { found, expected } => {
                if zh {
                    format!("文件类型为 \"{found}\"，本工具需要 \"{expected}\"")
                } else {
                    format!("this is a \"{found}\" file, expected \"{expected}\"")
                }
            }
            UnsupportedVersion { found, supported } if is_newer(found, *supported) => {
                if zh {
                    format!("不支持的格式版本 {found}：该文件来自本工具的更新版本（本版本支持 {supported}）")
                } else {
                    format!("unsupported format version {found}: the file comes from a newer version of this tool (this build reads {supported})")
                }
            }
            UnsupportedVersion { found, supported } => {
                if zh {
                    format!("不支持的格式版本 {found}（本版本支持 {supported}）")
                } else {
                    format!("unsupported format version {found} (this build reads {supported})")
                }
            }
            BadId { id } => {
                if zh {
                    format!("标识 \"{id}\" 须为小写字母、数字和连字符")
                } else {
                    format!("id \"{id}\" must be lowercase letters, digits and hyphens")
                }
            }
            DuplicateId { id } => {
                if zh {
                    format!("标识 \"{id}\" 重复")
                } else {
                    format!("duplicate id \"{id}\"")
                }
            }
            UnknownReference { what, id } => {
                if zh {
                    format!("引用了不存在的{}\"{id}\"", what_zh(what))
                } else {
                    format!("refers to unknown {what} \"{id}\"")
                }
            }
            MissingTranslation { lang } => match (zh, lang) {
                (true, Lang::Zh) => "缺少中文文本".to_string(),
                (true, Lang::En) => "缺少英文文本".to_string(),
                (false, Lang::Zh) => "the Chinese text is missing or blank".to_string(),
                (false, Lang::En) => "the English text is missing or blank".to_string(),
            },
            WeightNotPositive => if zh { "权重必须大于 0" } else { "weight must be greater than 0" }.to_string(),
            OutOfRange { min, max } => {
                if zh {
                    format!("数值须在 {} 到 {} 之间", decimal(*min), decimal(*max))
                } else {
                    format!("value must be between {} and {}", decimal(*min), decimal(*max))
                }
            }
            ScaleNotRising => if zh {
                "选项须从最弱到最强排列：第一个得分为 0，最后一个为 1，且不递减"
            } else {
                "options must run from weakest to strongest: first scores 0, last scores 1, never decreasing"
            }
            .to_string(),
            TooFewOptions { min } => {
                if zh {
                    format!("至少需要 {min} 个选项")
                } else {
                    format!("needs at least {min} options")
                }
            }
            DimensionWithoutQuestions { id } => {
                if zh {
                    format!("维度 \"{id}\" 没有任何题目")
                } else {
                    format!("dimension \"{id}\" has no questions")
                }
            }
            CriticalWithoutLegalReference => if zh {
                "关键题必须至少引用一条法律依据（kind 为 \"law\"）"
            } else {
                "a critical question needs at least one legal reference (kind \"law\")"
            }
            .to_string(),
            ShowIfCycle { ids } => {
                let chain = ids.join(" → ");
                if zh {
                    format!("显示条件循环依赖：{chain}")
                } else {
                    format!("show_if conditions depend on each other in a cycle: {chain}")
                }
            }
            AnswerConditionNotMonotone => if zh {
                "答案条件必须包含所选最弱选项之上的全部选项，且不能放在 not 之下（更好的回答不得隐藏题目）"
            } else {
                "an answer condition must include every option stronger than its weakest one and may not sit under \"not\" (a better answer must never hide questions)"
            }
            .to_string(),
            GateAllowsNotApplicable => if zh {
                "被其他题目的显示条件引用的题目不能提供“不适用”选项"
            } else {
                "a question that other questions' conditions depend on cannot offer \"not applicable\""
            }
            .to_string(),
            EvidenceNotEachMeasureOnce => if zh {
                "证据索引须按 1–7 的顺序列出司法解释第六条列举的七项保密措施，每项一次"
            } else {
                "the evidence index must list the seven measures of SPC provisions Art. 6 once each, in order 1–7"
            }
            .to_string(),
            CriticalDependsOnAnswer => if zh {
                "关键题不能依赖其他题目的答案才显示（其 show_if 及所在模块的 show_if 不得含 answer 条件）：更好的回答不得新增红旗"
            } else {
                "a critical question cannot depend on another question's answer (no answer condition in its show_if or its module's): a better answer must never add a red flag"
            }
            .to_string(),
            ReplacedQuestionStillInBank { id } => {
                if zh {
                    format!("题目 \"{id}\" 已被合并（列在 replaces 中），不能再作为题目出现")
                } else {
                    format!("question \"{id}\" was merged (it is listed in replaces) and cannot be a question again")
                }
            }
            RequiredOnSingleChoice => if zh {
                "critical.required 只能用于多选清单题"
            } else {
                "critical.required is only for checklist questions"
            }
            .to_string(),
            ReservedId { id } => {
                if zh {
                    format!("选项标识 \"{id}\" 为保留字")
                } else {
                    format!("option id \"{id}\" is reserved")
                }
            }
            BadLevels => if zh {
                "须恰好有 5 个等级，第一个 min 为 0，之后逐级递增且不超过 100"
            } else {
                "there must be exactly 5 levels, the first with min 0, rising and at most 100"
            }
            .to_string(),
            OtherBank { found, expected } => {
                if zh {
                    format!("该文件属于另一个题库（{found}），当前题库为 {expected}")
                } else {
                    format!("this file belongs to another question bank ({found}); this one is {expected}")
                }
            }
            BadAnswer { question } => {
                if zh {
                    format!("题目 \"{question}\" 的答案无效")
                } else {
                    format!("the answer to question \"{question}\" is not valid")
                }
            }
            Unreachable { url, detail } => {
                if zh {
                    format!("无法读取题库文件 {url}（{detail}）")
                } else {
                    format!("the question bank file {url} could not be loaded ({detail})")
                }
            }
            NotSameOrigin { url } => {
                if zh {
                    format!("题库文件 {url} 不在本网站上；为保护隐私，本工具只读取同一网站的文件")
                } else {
                    format!("the question bank file {url} is not on this site; to protect privacy the widget only reads files from its own site")
                }
            }
            MergedAnswerSuperseded { id, into } => {
                if zh {
                    format!("题目 \"{id}\" 已并入 \"{into}\"，文件中已有后者的答案，该答案已忽略")
                } else {
                    format!("question \"{id}\" was merged into \"{into}\", which the file answers too; this answer was ignored")
                }
            }
            UnknownQuestion { id } => {
                if zh {
                    format!("当前题库没有题目 \"{id}\"，该答案已忽略")
                } else {
                    format!("this bank has no question \"{id}\"; the answer was ignored")
                }
            }
        }
    }
}

/// Whether a version found in a file (as JSON text) is a whole number above the one supported.
fn is_newer(found: &str, supported: u32) -> bool {
    found.parse::<u64>().is_ok_and(|v| v > u64::from(supported))
}

fn type_zh(expected: &str) -> &'static str {
    match expected {
        "object" => "对象",
        "array" => "数组",
        "string" => "字符串",
        "number" => "数字",
        "integer" => "整数",
        "boolean" => "布尔值",
        _ => "其他类型",
    }
}

fn what_zh(what: &str) -> &'static str {
    match what {
        "dimension" => "维度",
        "module" => "模块",
        "question" => "题目",
        "option" => "选项",
        _ => "对象",
    }
}
