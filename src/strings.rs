//! Every piece of interface text (the bank holds the content), in Chinese and English.
//!
//! Each entry is a `(zh, en)` pair in one table, so a missing translation cannot compile.
//! Placeholders are written `{name}` and filled with [`fill`].

use crate::lang::Lang;

/// Declares one table of `(zh, en)` pairs as an enum with `ALL` and `get(lang)`: an exhaustive
/// `match`, so a missing translation does not compile. Each table is its own enum so that a
/// program carries only the tables it names (the widget never names the editors' `Ed`; the
/// bank check page never names the widget's `S`).
macro_rules! string_table {
    ($(#[$meta:meta])* $name:ident { $($key:ident => ($zh:expr, $en:expr),)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($key,)+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key,)+];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$key, Lang::Zh) => $zh, ($name::$key, Lang::En) => $en,)+
                }
            }
        }
    };
}

macro_rules! strings {
    ($($entries:tt)+) => {
        string_table! {
            /// A piece of interface text.
            S { $($entries)+ }
        }
    };
}

/// The item of SPC provisions Art. 6 in a template's `{n}`: in Chinese numerals in Chinese, as
/// the provision and the bank's references write it (第六条第（七）项).
pub fn measure_item(template: S, lang: Lang, measure: u8) -> String {
    fill(template.get(lang), &[("n", &measure_number(lang, measure))])
}

/// The item number of SPC provisions Art. 6: `七` in Chinese, `7` in English.
pub fn measure_number(lang: Lang, measure: u8) -> String {
    const ZH: [&str; 8] = ["〇", "一", "二", "三", "四", "五", "六", "七"];
    match (lang, ZH.get(usize::from(measure))) {
        (Lang::Zh, Some(numeral)) => (*numeral).to_string(),
        _ => measure.to_string(),
    }
}

/// "SPC provisions Art. 6(n) measure".
pub fn measure_label(lang: Lang, measure: u8) -> String {
    measure_item(S::MeasureLabel, lang, measure)
}

/// Replaces `{name}` placeholders with values, in one pass over the template: a value is
/// never read as a template, so a file's text that happens to look like `{id}` stays as
/// written. A placeholder without a value, and any other brace, is kept.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| Some((close, values.iter().find(|(n, _)| *n == &after[..close])?)));
        match value {
            Some((close, (_, value))) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

strings! {
    // Chrome and language switch.
    LangSwitch => ("语言", "Language"),
    LangZh => ("中文", "中文"),
    LangEn => ("English", "English"),
    SwitchToZh => ("切换为中文", "Switch to Chinese"),
    SwitchToEn => ("Switch to English", "Switch to English"),
    Loading => ("正在加载……", "Loading…"),
    // Start screen.
    StartLead => (
        "本自测帮助企业对照《反不正当竞争法》、最高人民法院司法解释和深圳市商业秘密保护指引，检查商业秘密管理中的薄弱环节，并给出优先改进建议。",
        "This self-check helps an enterprise test its trade secret management against the Anti-Unfair Competition Law, the Supreme People's Court's provisions and Shenzhen's trade secret protection guidelines, and shows what to improve first."
    ),
    StartCoversHeading => ("自测内容", "What it covers"),
    StartCovers => (
        "从识别和定密、制度与人员、物理与信息安全，到合作方、对外披露、应急维权和跨境保护，共十余个维度；低空经济、生物医药、人工智能与机器人企业另有行业专项题目，开发或训练人工智能模型的企业另有模型与数据题目。",
        "A dozen dimensions, from identifying and classifying secrets, policies and people, physical and IT security, to partners, disclosure, incident response and cross-border protection, with extra questions for low-altitude, biomedical and AI and robotics enterprises, and on models and data for any enterprise that develops or trains AI models."
    ),
    StartWhoHeading => ("适用对象", "Who it is for"),
    StartWho => (
        "企业负责人、法务、知识产权、合规和研发管理人员，以及在服务站协助企业自测的顾问。",
        "Enterprise leaders, legal, IP, compliance and R&D managers, and advisers helping an enterprise at a service station."
    ),
    StartTimeHeading => ("所需时间", "How long it takes"),
    StartTime => ("约 20–40 分钟，可随时暂停。", "About 20–40 minutes; you can pause at any time."),
    PrivacyHeading => ("您的答案不会离开本浏览器", "Your answers never leave this browser"),
    PrivacyBody => (
        "评分和报告完全在本浏览器内计算，不上传、不统计、不联网。答案仅保存在本标签页中，关闭标签页即清除；如需在本设备上保留进度，请主动勾选“在本设备上保留进度”。",
        "Scoring and the report are computed entirely in this browser: nothing is uploaded, tracked or sent. Answers are kept only in this tab and are forgotten when it closes, unless you choose \"Keep my progress on this device\"."
    ),
    StartButton => ("开始自测", "Start the self-check"),
    ResumeButton => ("继续上次的自测", "Resume where you left off"),
    ResumeNote => ("本浏览器中有尚未完成的自测：已回答 {answered} 题。", "This browser holds an unfinished self-check: {answered} questions answered."),
    StartOver => ("清除并重新开始", "Erase and start again"),
    ImportLabel => ("载入已保存的答案文件", "Load a saved answers file"),
    // Profile.
    ProfileHeading => ("企业概况", "About your enterprise"),
    ProfileLead => ("这些信息决定显示哪些题目模块，只在本浏览器中使用。", "These answers decide which question modules apply. They are used only in this browser."),
    IndustryLabel => ("所属行业", "Industry"),
    SizeLabel => ("员工规模", "Number of staff"),
    StageLabel => ("业务阶段", "Business stage"),
    NotSaying => ("不填写", "Prefer not to say"),
    CrossBorderLabel => ("有境外业务、境外员工或境外合作方", "We have overseas business, staff or partners"),
    CrossBorderHint => ("勾选后将增加跨境保护模块。", "Adds the cross-border protection module."),
    PartnersLabel => ("与外部合作方共享技术或经营信息（供应商、代工、CRO、科研合作等）", "We share technical or business information with external partners (suppliers, OEMs, CROs, research partners…)"),
    AiModelsLabel => ("本企业开发或训练人工智能模型或算法", "We develop or train AI models or algorithms"),
    AiModelsHint => ("勾选后将增加模型权重、训练数据和算法的题目（任何行业都可勾选；人工智能与机器人企业已自动包含）。", "Adds questions on model weights, training data and algorithms (for any industry; AI and robotics enterprises get them anyway)."),
    PartnersHint => ("取消勾选将隐藏只与合作方有关的题目。", "Untick to hide questions that only concern partners."),
    OrgNameLabel => ("企业名称（选填）", "Enterprise name (optional)"),
    OrgNameHint => ("仅显示在报告标题中，不会发送到任何地方。", "Shown only in the report heading; never sent anywhere."),
    ContinueButton => ("继续", "Continue"),
    BackButton => ("返回", "Back"),
    // Questionnaire.
    SectionsHeading => ("章节", "Sections"),
    StatusNotStarted => ("未开始", "Not started"),
    StatusInProgress => ("进行中", "In progress"),
    StatusDone => ("已完成", "Done"),
    Progress => ("已回答 {answered} / {total} 题", "{answered} of {total} questions answered"),
    SectionPosition => ("第 {n} 部分，共 {total} 部分", "Section {n} of {total}"),
    PrevButton => ("上一部分", "Previous section"),
    NextButton => ("下一部分", "Next section"),
    ToReviewButton => ("检查答案", "Check your answers"),
    WhyItMatters => ("为什么重要", "Why this matters"),
    NotApplicable => ("不适用于本企业", "Not applicable to us"),
    NoneOfThese => ("以上都没有", "None of these"),
    ChecklistHint => ("可多选", "Tick all that apply"),
    CriticalBadge => ("司法解释列举的保密措施", "Measure listed in SPC Art. 6"),
    ClearAnswer => ("清除答案", "Clear answer"),
    ReferencesLabel => ("依据", "Basis"),
    // Review.
    ReviewHeading => ("检查答案", "Check your answers"),
    ReviewAllAnswered => ("所有题目均已回答。", "Every question is answered."),
    ReviewUnanswered => ("还有 {n} 道题未回答。未回答的题目不计入得分；未回答的司法解释列举的保密措施题目会列为红旗项。", "{n} questions are unanswered. Unanswered questions do not count towards the score; unanswered questions on measures listed in the SPC provisions are listed as red flags."),
    ReviewGoTo => ("去回答", "Answer it"),
    EditProfile => ("修改企业概况", "Change your enterprise details"),
    ReviewSectionsHeading => ("各部分完成情况", "Your answers by section"),
    ColSection => ("部分", "Section"),
    ColAnswered => ("已回答", "Answered"),
    ColStatus => ("状态", "Status"),
    ChangeLink => ("修改", "Change"),
    Yes => ("是", "Yes"),
    No => ("否", "No"),
    CrossBorderShort => ("跨境业务", "Overseas business"),
    AiModelsShort => ("开发或训练人工智能模型", "Develops or trains AI models"),
    PartnersShort => ("外部合作方", "External partners"),
    OrgNameShort => ("企业名称", "Enterprise name"),
    FinishButton => ("生成报告", "See the report"),
    // Report.
    ReportHeading => ("商业秘密保护风险自测报告", "Trade secret risk self-check report"),
    ReportFor => ("企业：{name}", "Enterprise: {name}"),
    ReportDate => ("日期：{date}", "Date: {date}"),
    ReportBank => ("题库：{id}，版本 {version}", "Question bank: {id}, version {version}"),
    OverallScore => ("总分", "Overall score"),
    OutOf100 => ("满分 100", "out of 100"),
    LevelLabel => ("成熟度等级", "Maturity level"),
    LevelOf => ("第 {level} 级（共 5 级）", "Level {level} of 5"),
    LevelCapped => ("按得分可达第 {from} 级（{name}），但存在红旗项，等级上限为第 {cap} 级。", "The score alone would reach level {from} ({name}), but red flags cap the level at {cap}."),
    CompletenessLine => ("完成度：{answered} / {total} 题（{percent}%）", "Completeness: {answered} of {total} questions ({percent}%)"),
    IncompleteWarning => ("本报告基于部分答案生成，未回答的题目未计入得分。", "This report is based on incomplete answers; unanswered questions are not counted."),
    RedFlagsHeading => ("红旗项：司法解释列举的保密措施证据薄弱或缺失", "Red flags: weak or missing evidence of measures listed in the SPC provisions"),
    RedFlagsLead => ("以下每一项都是最高人民法院司法解释（法释〔2020〕7号第六条）列举的保密措施，而本企业证明该措施存在的证据薄弱或缺失。发生纠纷时，权利人须先证明自己采取了保密措施（《反不正当竞争法》第三十九条），法院会首先审查这些证据。法院对保密措施作整体判断（法释〔2020〕7号第五条）：结合秘密及其载体的性质、商业价值、措施的可识别程度、措施与秘密的对应程度和保密意愿，看在正常情况下是否足以防止泄密；缺少某一项并不必然导致失去保护。本自测仍然逐项要求，因为每一项都是法院明确认可、最容易举证的措施，缺少任何一项都会削弱整体判断。", "Each item below is a confidentiality measure listed in the Supreme People's Court provisions (Fa Shi [2020] No. 7, Art. 6), and your evidence that it exists is weak or missing. In a dispute the holder must first show that it took confidentiality measures (Anti-Unfair Competition Law, Art. 39), so this evidence is where a court looks first. Courts judge measures as a whole (the same provisions, Art. 5): the nature of the secret and its carriers, its commercial value, how identifiable the measures are, how well they correspond to the secret and the intent to keep it, asking whether they were enough to prevent leaks in normal circumstances; one missing item does not by itself mean protection is lost. This check still asks for each one, because each is a measure the courts expressly recognise and the easiest to prove, and any gap weakens the whole."),
    NoRedFlags => ("未发现红旗项：司法解释列举的各项保密措施均有证据达到本自测的要求。", "No red flags: the evidence of every measure listed in the SPC provisions meets this check's threshold."),
    MeasureLabel => ("司法解释第六条第（{n}）项措施", "SPC provisions Art. 6({n}) measure"),
    UnansweredFlag => ("（未回答）", " (unanswered)"),
    Colon => ("：", ": "),
    ListSeparator => ("；", "; "),
    LegalBasis => ("法律依据", "Legal basis"),
    ActionsHeading => ("优先行动清单", "Priority action plan"),
    ActionsLead => ("按紧迫程度排序：先补红旗项，再按“维度权重 × 题目权重 × 差距”排序。", "In order of urgency: red flags first, then by dimension weight × question weight × gap."),
    ActionsTop => ("前 10 项", "Top 10"),
    ActionsRest => ("其余 {n} 项", "The other {n}"),
    NoActions => ("暂无需要改进的事项。", "Nothing needs improvement."),
    CurrentScore => ("当前得分 {score}", "Current score {score}"),
    DimensionsHeading => ("各维度得分", "Scores by dimension"),
    ChartBarTitle => ("各维度得分（条形图）", "Dimension scores (bar chart)"),
    ChartRadarTitle => ("各维度得分（雷达图）", "Dimension scores (radar chart)"),
    ChartNoScore => ("无得分", "no score"),
    BandHigh => ("高风险", "High risk"),
    BandMedium => ("中等风险", "Medium risk"),
    BandLow => ("低风险", "Low risk"),
    FindingsHeading => ("各维度分析", "Findings by dimension"),
    HowComputed => ("查看计算过程", "How this score was computed"),
    HowComputedLead => ("维度得分 = 已回答题目得分的加权平均（权重见下表）；“不适用”和未回答的题目不计入。", "Dimension score = weighted mean of the answered questions' scores (weights below); \"not applicable\" and unanswered questions do not count."),
    ColQuestion => ("题目", "Question"),
    ColAnswer => ("回答", "Answer"),
    ColWeight => ("权重", "Weight"),
    ColScore => ("得分", "Score"),
    ColDimension => ("维度", "Dimension"),
    ColPrevious => ("上次", "Previous"),
    ColChange => ("变化", "Change"),
    NotAnswered => ("未回答", "Not answered"),
    NotApplicableShort => ("不适用", "Not applicable"),
    NothingTicked => ("均未勾选", "None ticked"),
    DimensionCompleteness => ("已回答 {answered}/{total}，其中不适用 {na}", "{answered}/{total} answered, {na} not applicable"),
    ReferencesHeading => ("法律、标准与案例依据", "Laws, standards and cases referred to"),
    RefKindLaw => ("法律法规与司法解释", "Laws and judicial interpretations"),
    RefKindStandard => ("标准", "Standards"),
    RefKindGuideline => ("指引", "Guidelines"),
    RefKindCase => ("案例", "Cases"),
    ServicesHeading => ("深圳市商业秘密保护公共服务", "Shenzhen public services for trade secret protection"),
    MethodologyHeading => ("评分方法", "How the scores are computed"),
    MethodologyBody => (
        "每题得分 0–1：单选题取所选选项的分值（从最弱 0 到最强 1）；多选清单取已勾选做法的权重占比。维度得分（0–100）为该维度已回答题目的加权平均；总分为各维度得分按维度权重的加权平均，最后四舍五入。“不适用”和未回答的题目不计入分子和分母。",
        "Each question scores 0–1: a single choice takes its option's score (weakest 0 to strongest 1); a checklist takes the weighted share of practices ticked. A dimension's score (0–100) is the weighted mean of its answered questions; the overall score is the weighted mean of dimension scores by dimension weight, rounded at the end. \"Not applicable\" and unanswered questions count in neither numerator nor denominator."
    ),
    MethodologyLevels => ("等级门槛：", "Level thresholds:"),
    MethodologyLevel => ("第 {level} 级 {name}：{min} 分及以上", "Level {level} {name}: {min} and above"),
    MethodologyCap => ("只要存在红旗项（司法解释列举的保密措施未回答、低于门槛或缺少必备项），等级最高为第 {cap} 级。这是本自测的规则，不是法律的规定。", "With any red flag (a measure listed in the SPC provisions unanswered, below its threshold or missing a required item), the level is at most {cap}. This is this tool's rule, not the law's."),
    DisclaimerHeading => ("声明", "Disclaimer"),
    ComparisonHeading => ("与上次自测比较", "Compared with the previous self-check"),
    ComparisonLead => ("上次自测（{date}）总分 {score}，第 {level} 级。", "Previous self-check ({date}): overall {score}, level {level}."),
    ComparisonUndated => ("未注明日期", "undated"),
    OverallChange => ("总分变化：{delta}", "Change in overall score: {delta}"),
    ImprovedHeading => ("有改进的题目", "Improved"),
    RegressedHeading => ("有退步的题目", "Regressed"),
    NoChanges => ("无", "None"),
    ComparisonIgnored => ("上次文件中有 {n} 个答案与当前题库不再对应（题目或选项已变更），未参与比较。", "{n} answers in the previous file no longer match this bank (a question or option has changed) and were left out."),
    PrintButton => ("打印 / 另存为 PDF", "Print / save as PDF"),
    ExportButton => ("保存答案文件", "Save answers to a file"),
    ExportHint => ("需要中途离开或换一台电脑继续？可先保存答案文件，之后用“载入已保存的答案文件”继续。", "Need to stop, or continue on another computer? Save your answers to a file and load it later with \"Load a saved answers file\"."),
    CompareLabel => ("载入上次自测进行比较", "Compare with a previous self-check"),
    BackToQuestions => ("返回修改答案", "Back to the answers"),
    PrivacyReportNote => ("本报告在您的浏览器内生成，答案未发送到任何地方。", "This report was produced in your browser; your answers were not sent anywhere."),
    // Summary, plan and evidence index.
    SummaryHeading => ("摘要", "Summary"),
    SummaryRedFlags => ("红旗项（{n}）", "Red flags ({n})"),
    SummaryTopActions => ("最重要的五项行动", "The five most important actions"),
    SummaryPlanLine => ("按当前计划：3 个月后预计 {score3} 分（第 {level3} 级），12 个月后预计 {score12} 分（第 {level12} 级）。", "With the current plan: a projected {score3} (level {level3}) in 3 months and {score12} (level {level12}) in 12 months."),
    DetailHeading => ("详细报告", "Detailed report"),
    OwnerLabel => ("负责：{role}", "Owner: {role}"),
    PlanHeading => ("改进计划", "Improvement plan"),
    PlanLead => ("在上方的行动清单中为每项行动选择完成时间，这里即时算出完成后的预计得分。预计得分假设每项计划内的行动都把对应题目提升到最强的回答，计分方法与当前得分相同。", "Choose when each action is to be done in the action list above; the projected scores here follow at once. A projection assumes that each planned action brings its question to its strongest answer, and scores it exactly as the current score."),
    PlanSelectLabel => ("计划完成时间", "Planned for"),
    Step3m => ("3 个月内", "Within 3 months"),
    Step12m => ("12 个月内", "Within 12 months"),
    StepLater => ("以后", "Later"),
    PlanNow => ("当前", "Now"),
    Projected3m => ("3 个月内计划的行动（{n} 项）完成后", "After the actions planned within 3 months ({n})"),
    Projected12m => ("12 个月内计划的行动（累计 {n} 项）完成后", "After the actions planned within 12 months ({n} in all)"),
    ProjectedValue => ("预计 {score} 分，第 {level} 级（{name}）", "Projected {score}, level {level} ({name})"),
    PlanStepCount => ("{step}（{n} 项）", "{step} ({n})"),
    PlanStepEmpty => ("本阶段没有计划的行动。", "No action is planned for this step."),
    ColAction => ("行动", "Action"),
    ColOwner => ("负责", "Owner"),
    ColProjected => ("12 个月后", "In 12 months"),
    ChartCurrent => ("当前得分", "Current score"),
    ChartTarget => ("12 个月计划目标", "Target of the 12-month plan"),
    EvidenceHeading => ("保密措施证据索引", "Evidence index of confidentiality measures"),
    EvidenceLead => ("发生纠纷时，权利人首先要拿出已采取保密措施的证据。下表按最高人民法院司法解释第六条列举的七项措施，列出能够证明每项措施的记录，并根据您的回答标明“已有”或“缺失”，可作为整理证据档案的清单。", "In a dispute, the holder must first show evidence of the confidentiality measures it took. For each of the seven measures listed in Art. 6 of the SPC provisions, this index lists the records that would show it, marked present or missing from your answers: a checklist for an evidence binder."),
    EvidenceItemNumber => ("第六条第（{n}）项", "Art. 6({n})"),
    EvidenceCount => ("已有 {have} / {total} 项记录", "{have} of {total} records present"),
    EvidenceHave => ("已有", "Present"),
    EvidenceMissing => ("缺失", "Missing"),
    PlanFollowUpHeading => ("上次计划 3 个月内完成的行动", "Actions the previous self-check planned within 3 months"),
    PlanFollowUpLine => ("已完成 {done} 项，尚未完成 {open} 项。", "{done} done, {open} not yet done."),
    PlanDone => ("已完成（现为最强回答）", "Done (now at the strongest answer)"),
    PlanOpen => ("尚未完成", "Not yet done"),
    MethodologyPlan => ("改进计划：红旗项默认 3 个月内完成，其后最重要的 {n} 项默认 12 个月内完成，其余默认以后完成；您可以逐项修改。预计得分假设计划内的行动都把对应题目提升到最强的回答，再按同一方法计分（包括红旗项对等级的限制）。", "Improvement plan: red flags default to within 3 months, the next {n} most important actions to within 12 months, and the rest to later; you can change each. A projection assumes that every planned action brings its question to its strongest answer, then scores by the same method (the red-flag level cap included)."),
    PrintSummaryButton => ("打印摘要", "Print the summary"),
    KeepProgressHeading => ("保存进度", "Keep your progress"),
    // Storage and erase.
    RememberLabel => ("在本设备上保留进度", "Keep my progress on this device"),
    RememberHint => ("勾选后，关闭浏览器后进度仍保存在本设备（localStorage）中，直到您点击“清除本设备上的数据”。在公共电脑上请勿勾选。", "When ticked, progress stays on this device (localStorage) after the browser closes, until you press \"Erase data on this device\". Do not tick this on a shared computer."),
    EraseButton => ("清除本设备上的数据", "Erase data on this device"),
    EraseQuestion => ("确定清除本浏览器中保存的全部答案和设置吗？此操作无法撤销。", "Erase every answer and setting this widget stored in this browser? This cannot be undone."),
    EraseConfirm => ("确认清除", "Yes, erase"),
    EraseCancel => ("取消", "Cancel"),
    Erased => ("已清除本设备上保存的全部数据。", "Everything stored on this device has been erased."),
    // Problems.
    ErrorHeading => ("出现问题", "Something went wrong"),
    ErrorPanic => ("自测工具遇到内部错误，已停止运行。您的答案仍保存在本标签页中，刷新页面即可恢复。", "The self-check hit an internal error and stopped. Your answers are still kept in this tab: reload the page to continue."),
    ReloadButton => ("重新加载", "Reload"),
    BankBroken => ("题库文件有误，无法开始自测。请联系网站管理员。问题如下：", "The question bank is invalid, so the self-check cannot start. Please tell the site's administrator. Problems found:"),
    ImportRefused => ("无法载入该文件，当前答案保持不变：", "That file could not be loaded; your current answers are unchanged:"),
    CompareRefused => ("无法用该文件比较，报告保持不变：", "That file cannot be compared; the report is unchanged:"),
    ImportDone => ("已载入答案文件。", "The answers file was loaded."),
    ImportIgnored => ("以下答案已忽略：", "These answers were ignored:"),
    CompareDone => ("已载入上次自测，报告中显示变化。", "The previous self-check was loaded; the report shows the changes."),
    FileUnreadable => ("无法读取该文件。", "The file could not be read."),
    ExportFailed => ("浏览器未能生成下载文件，答案未保存到文件。请重试，或使用“打印 / 另存为 PDF”。", "The browser could not create the download, so the answers were not saved to a file. Try again, or use \"Print / save as PDF\"."),
    StorageCorrupt => ("本浏览器中保存的进度已损坏或来自旧版本，已重新开始。", "The progress saved in this browser was damaged or from an older version, so the check starts afresh."),
    PresetsIgnored => ("本页链接中的以下设置无法识别，自测按未设置这些项开始：", "These settings in this page's link were not recognised, so the check starts without them:"),
    StorageWriteFailed => ("无法保存进度（浏览器存储已满或被禁用）。请用“保存答案文件”备份答案。", "Progress could not be saved (browser storage is full or disabled). Use \"Save answers to a file\" to keep a copy."),
    DismissButton => ("关闭提示", "Dismiss"),
    ChangedElsewhere => ("本设备上保存的进度刚在另一个标签页或窗口中被修改。为免互相覆盖，本页已暂停保存。", "The progress saved on this device was just changed in another tab or window. So that neither overwrites the other, this page has stopped saving."),
    LoadNewerButton => ("载入另一处的较新进度", "Load the newer progress"),
    KeepThisPageButton => ("保留本页的答案（将替换另一处的进度）", "Keep this page's answers (they replace the other progress)"),
    LoadedFromElsewhere => ("已载入另一个标签页或窗口保存的进度。", "The progress saved in the other tab or window was loaded."),
}

macro_rules! editor_strings {
    ($($entries:tt)+) => {
        string_table! {
            /// A piece of interface text of the tools for the bank's editors (the review
            /// document, `tscheck render`/`diff` and the bank check page).
            Ed { $($entries)+ }
        }
    };
}

editor_strings! {
    // The review document and conditions in words.
    ShownWhen => ("显示条件：{condition}", "Shown when {condition}"),
    And => ("且", " and "),
    Or => ("或", " or "),
    Not => ("并非（{condition}）", "not ({condition})"),
    IndustryIs => ("行业为{values}", "industry is {values}"),
    SizeIs => ("员工规模为{values}", "number of staff is {values}"),
    StageIs => ("业务阶段为{values}", "business stage is {values}"),
    CrossBorderYes => ("有境外业务、员工或合作方", "the enterprise has overseas business, staff or partners"),
    CrossBorderNo => ("无境外业务、员工或合作方", "the enterprise has no overseas business, staff or partners"),
    PartnersYes => ("与外部合作方共享信息", "the enterprise shares information with external partners"),
    PartnersNo => ("不与外部合作方共享信息", "the enterprise shares no information with external partners"),
    AiModelsYes => ("开发或训练人工智能模型或算法", "the enterprise develops or trains AI models or algorithms"),
    AiModelsNo => ("不开发或训练人工智能模型或算法", "the enterprise does not develop or train AI models or algorithms"),
    AnswerIs => ("题目 {question} 的回答为{options}", "question {question} is answered {options}"),
    ListOr => ("或", " or "),
    Quote => ("“{text}”", "\u{201c}{text}\u{201d}"),
    CriticalMark => ("司法解释列举的保密措施", "Measure listed in SPC Art. 6"),
    AlwaysShown => ("始终显示", "Always shown"),
    Module => ("模块", "Module"),
    Dimension => ("维度", "Dimension"),
    QuestionCount => ("{n} 道题", "{n} questions"),
    KindSingle => ("单选（成熟度等级）", "Single choice (maturity scale)"),
    KindChecklist => ("多选清单", "Checklist"),
    Weight => ("权重 {weight}", "weight {weight}"),
    Critical => ("司法解释列举的保密措施：法释〔2020〕7号第六条第（{measure}）项，低于 {threshold} 分即为红旗项", "Measure listed in SPC Art. 6: SPC Provisions (2020) Art. 6({measure}); a red flag below {threshold}"),
    RequiredPractices => ("缺少以下任一做法即为红旗项：{ids}", "A red flag if any of these is missing: {ids}"),
    NotApplicableAllowed => ("可选“不适用”", "May be answered \"not applicable\""),
    Owner => ("负责角色：{owner}", "Owner: {owner}"),
    Options => ("选项", "Options"),
    OptionScore => ("得分", "Score"),
    OptionWeight => ("权重", "Weight"),
    Help => ("为什么重要", "Why it matters"),
    Recommendation => ("建议", "Recommendation"),
    References => ("依据", "References"),
    Version => ("版本 {version}", "version {version}"),
    Summary => ("{questions} 道题，其中 {critical} 道针对司法解释列举的保密措施，覆盖第六条所列措施：{measures}", "{questions} questions, {critical} of them on measures listed in SPC Art. 6; measures covered: {measures}"),
    NoneListed => ("无", "none"),
    // The bank check page.
    BankCheck => ("题库检查", "Bank check"),
    Lead => ("为题库编辑人员提供：选择一个题库文件，检查其中的问题，并预览每一道题。文件只在本浏览器中读取，不会上传。", "For the people who edit the question bank: choose a bank file to check it and preview every question. The file is read in this browser only; it is never uploaded."),
    Choose => ("选择题库文件（JSON）", "Choose a bank file (JSON)"),
    Reading => ("正在读取……", "Reading…"),
    Ok => ("题库有效：{id}，版本 {version}。", "The bank is valid: {id}, version {version}."),
    Problems => ("发现 {n} 个问题，请全部修正后再检查：", "{n} problems found; fix them all, then check again:"),
    Coverage => ("覆盖情况", "Coverage"),
    PerModule => ("各模块题目数", "Questions per module"),
    PerDimension => ("各维度题目数", "Questions per dimension"),
    Preview => ("逐题预览", "Every question"),
    Compare => ("与内置题库比较", "Compared with the bundled bank"),
    Same => ("内容相同。", "Same content."),
    DiffCounts => ("新增 {added} 道题，删除 {removed} 道题，修改 {changed} 道题，其他修改 {other} 处。", "{added} questions added, {removed} removed, {changed} changed; {other} other changes."),
    ChangeAdded => ("新增", "added"),
    ChangeRemoved => ("删除", "removed"),
    ChangeChanged => ("修改", "changed"),
    CompareWithFile => ("改为与另一个题库文件比较（可选）", "Compare with another bank file instead (optional)"),
    ComparedWithFile => ("与 {name} 比较", "Compared with {name}"),
    CompareRefused => ("{name} 不是有效的题库（{n} 个问题），无法用于比较；下面仍与内置题库比较。", "{name} is not a valid bank ({n} problems), so it cannot be compared with; the comparison below is still with the bundled bank."),
    Added => ("新增题目", "Questions added"),
    Removed => ("删除题目", "Questions removed"),
    Changed => ("修改题目", "Questions changed"),
    OtherChanges => ("其他修改", "Other changes"),
    Old => ("原", "Before"),
    New => ("新", "After"),
    Print => ("打印审阅稿", "Print the review document"),
    BackToWidget => ("返回自测", "Back to the self-check"),
}

string_table! {
    /// The sentences that explain a problem in external data, used by the widget, the CLI and
    /// the bank check page alike (a table of its own, so the bank check page does not carry
    /// the widget's `S`).
    ProblemText {
        // One sentence per kind of problem in external data (a bank, an answers file, saved
        // progress); `problem.rs` fills it in and puts the JSON path before it.
        InvalidJson => ("不是有效的 JSON（第 {line} 行第 {column} 列：{detail}）", "not valid JSON (line {line}, column {column}: {detail})"),
        TooLarge => ("文件过大（上限 {kib} KiB）", "the file is too large (limit {kib} KiB)"),
        WrongType => ("类型错误，应为{type}", "wrong type, expected {type}"),
        Missing => ("缺少必填字段", "required field is missing"),
        UnknownField => ("未知字段（允许的字段：{allowed}）", "unknown field (allowed: {allowed})"),
        NotAllowed => ("取值 \"{found}\" 无效（可用值：{allowed}）", "\"{found}\" is not allowed (allowed: {allowed})"),
        WrongFormat => ("文件类型为 \"{found}\"，本工具需要 \"{expected}\"", "this is a \"{found}\" file, expected \"{expected}\""),
        NewerVersion => ("不支持的格式版本 {found}：该文件来自本工具的更新版本（本版本支持 {supported}）", "unsupported format version {found}: the file comes from a newer version of this tool (this build reads {supported})"),
        UnsupportedVersion => ("不支持的格式版本 {found}（本版本支持 {supported}）", "unsupported format version {found} (this build reads {supported})"),
        BadId => ("标识 \"{id}\" 须为小写字母、数字和连字符", "id \"{id}\" must be lowercase letters, digits and hyphens"),
        DuplicateId => ("标识 \"{id}\" 重复", "duplicate id \"{id}\""),
        UnknownReference => ("引用了不存在的{what}\"{id}\"", "refers to unknown {what} \"{id}\""),
        MissingZh => ("缺少中文文本", "the Chinese text is missing or blank"),
        MissingEn => ("缺少英文文本", "the English text is missing or blank"),
        WeightNotPositive => ("权重必须大于 0", "weight must be greater than 0"),
        OutOfRange => ("数值须在 {min} 到 {max} 之间", "value must be between {min} and {max}"),
        ScaleNotRising => ("选项须从最弱到最强排列：第一个得分为 0，最后一个为 1，且不递减", "options must run from weakest to strongest: first scores 0, last scores 1, never decreasing"),
        TooFewOptions => ("至少需要 {min} 个选项", "needs at least {min} options"),
        DimensionWithoutQuestions => ("维度 \"{id}\" 没有任何题目", "dimension \"{id}\" has no questions"),
        CriticalWithoutLegalReference => ("关键题必须至少引用一条法律依据（kind 为 \"law\"）", "a critical question needs at least one legal reference (kind \"law\")"),
        ShowIfCycle => ("显示条件循环依赖：{chain}", "show_if conditions depend on each other in a cycle: {chain}"),
        AnswerConditionNotMonotone => ("答案条件必须包含所选最弱选项之上的全部选项，且不能放在 not 之下（更好的回答不得隐藏题目）", "an answer condition must include every option stronger than its weakest one and may not sit under \"not\" (a better answer must never hide questions)"),
        GateAllowsNotApplicable => ("被其他题目的显示条件引用的题目不能提供“不适用”选项", "a question that other questions' conditions depend on cannot offer \"not applicable\""),
        EvidenceNotEachMeasureOnce => ("证据索引须按 1–7 的顺序列出司法解释第六条列举的七项保密措施，每项一次", "the evidence index must list the seven measures of SPC provisions Art. 6 once each, in order 1–7"),
        CriticalDependsOnAnswer => ("关键题不能依赖其他题目的答案才显示（其 show_if 及所在模块的 show_if 不得含 answer 条件）：更好的回答不得新增红旗", "a critical question cannot depend on another question's answer (no answer condition in its show_if or its module's): a better answer must never add a red flag"),
        ReplacedQuestionStillInBank => ("题目 \"{id}\" 已被合并（列在 replaces 中），不能再作为题目出现", "question \"{id}\" was merged (it is listed in replaces) and cannot be a question again"),
        RequiredOnSingleChoice => ("critical.required 只能用于多选清单题", "critical.required is only for checklist questions"),
        ReservedId => ("选项标识 \"{id}\" 为保留字", "option id \"{id}\" is reserved"),
        BadLevels => ("须恰好有 5 个等级，第一个 min 为 0，之后逐级递增且不超过 100", "there must be exactly 5 levels, the first with min 0, rising and at most 100"),
        OtherBank => ("该文件属于另一个题库（{found}），当前题库为 {expected}", "this file belongs to another question bank ({found}); this one is {expected}"),
        BadAnswer => ("题目 \"{question}\" 的答案无效", "the answer to question \"{question}\" is not valid"),
        Unreachable => ("无法读取题库文件 {url}（{detail}）", "the question bank file {url} could not be loaded ({detail})"),
        NotSameOrigin => ("题库文件 {url} 不在本网站上；为保护隐私，本工具只读取同一网站的文件", "the question bank file {url} is not on this site; to protect privacy the widget only reads files from its own site"),
        MergedAnswerSuperseded => ("题目 \"{id}\" 已并入 \"{into}\"，文件中已有后者的答案，该答案已忽略", "question \"{id}\" was merged into \"{into}\", which the file answers too; this answer was ignored"),
        UnknownQuestion => ("当前题库没有题目 \"{id}\"，该答案已忽略", "this bank has no question \"{id}\"; the answer was ignored"),
        // The JSON types and the kinds of item that problems name.
        JsonObject => ("对象", "object"),
        JsonArray => ("数组", "array"),
        JsonString => ("字符串", "string"),
        JsonNumber => ("数字", "number"),
        JsonBoolean => ("布尔值", "boolean"),
        JsonOther => ("其他类型", "another type"),
        ItemDimension => ("维度", "dimension"),
        ItemModule => ("模块", "module"),
        ItemQuestion => ("题目", "question"),
        ItemOption => ("选项", "option"),
        ItemRole => ("角色", "role"),
        ItemOther => ("对象", "item"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_exists_in_both_languages() {
        for s in S::ALL {
            for lang in Lang::ALL {
                assert!(!s.get(lang).trim().is_empty(), "{s:?} is blank in {lang:?}");
            }
        }
        for s in Ed::ALL {
            for lang in Lang::ALL {
                assert!(!s.get(lang).trim().is_empty(), "{s:?} is blank in {lang:?}");
            }
        }
        for s in ProblemText::ALL {
            for lang in Lang::ALL {
                assert!(!s.get(lang).trim().is_empty(), "{s:?} is blank in {lang:?}");
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        let names = |t: &str| {
            let mut v: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|p| p.split('}').next())
                .map(str::to_string)
                .collect();
            v.sort();
            v
        };
        for s in S::ALL {
            assert_eq!(names(s.get(Lang::Zh)), names(s.get(Lang::En)), "{s:?}");
        }
        for s in Ed::ALL {
            assert_eq!(names(s.get(Lang::Zh)), names(s.get(Lang::En)), "{s:?}");
        }
        for s in ProblemText::ALL {
            assert_eq!(names(s.get(Lang::Zh)), names(s.get(Lang::En)), "{s:?}");
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{a} of {b}", &[("a", &1), ("b", &"two")]), "1 of two");
        assert_eq!(fill("{a}{a}", &[("a", &"x")]), "xx");
    }

    #[test]
    fn fill_never_reads_a_value_as_a_template() {
        // A file's own text may look like a placeholder: it is shown as written.
        assert_eq!(
            fill(
                "\"{found}\" (allowed: {allowed})",
                &[("found", &"{allowed}"), ("allowed", &"a")]
            ),
            "\"{allowed}\" (allowed: a)"
        );
        assert_eq!(fill("{x} {y", &[("y", &1)]), "{x} {y");
        assert_eq!(fill("}{", &[]), "}{");
    }
}
