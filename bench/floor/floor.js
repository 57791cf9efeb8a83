// The floor of the benchmark (README "Performance"): the least a browser has to do for this job,
// written by hand with no framework. It loads OUR bank JSON, shows the general module plus one
// industry module (the profile is fixed: ?industry=…, partners on, no cross-border business),
// one dimension per page, scores with the published method (README "Scoring method",
// src/score.rs) and renders a plain report. CSP-clean: no inline script or style, no
// innerHTML; data only ever becomes text nodes.
//
// The scoring and report functions are exported: the SurveyJS page of the benchmark uses
// them too, so both baselines compute the same numbers.

export const BANK_URL = new URL('../bank/bank.json', import.meta.url).href;

// ---------------------------------------------------------------------------------------------
// Scoring: the same method as src/score.rs.

/** Does a show_if condition hold? `answerOf(index)` gives the answer of a visible question. */
function holds(cond, profile, answerOf, index) {
  if (cond == null) return true;
  if ('industry' in cond) return cond.industry.includes(profile.industry);
  if ('size' in cond) return profile.size != null && cond.size.includes(profile.size);
  if ('stage' in cond) return profile.stage != null && cond.stage.includes(profile.stage);
  if ('cross_border' in cond) return profile.cross_border === cond.cross_border;
  if ('partners' in cond) return profile.partners === cond.partners;
  if ('answer' in cond) {
    const a = answerOf(index.get(cond.answer.question));
    if (Array.isArray(a)) return cond.answer.any_of.some((o) => a.includes(o));
    return a != null && a !== 'na' && cond.answer.any_of.includes(a);
  }
  if ('all' in cond) return cond.all.every((c) => holds(c, profile, answerOf, index));
  if ('any' in cond) return cond.any.some((c) => holds(c, profile, answerOf, index));
  if ('not' in cond) return !holds(cond.not, profile, answerOf, index);
  return false;
}

/** Visibility of every question, by index (answer conditions only see visible questions). */
export function visibility(bank, profile, answers) {
  const index = bank.__index ??= new Map(bank.questions.map((q, i) => [q.id, i]));
  const modules = bank.__modules ??= new Map(bank.modules.map((m) => [m.id, m]));
  const memo = new Array(bank.questions.length);
  const visible = (i) => {
    if (memo[i] !== undefined) return memo[i];
    const q = bank.questions[i];
    const answerOf = (j) => (j !== undefined && visible(j) ? answers[bank.questions[j].id] : undefined);
    memo[i] = holds(modules.get(q.module).show_if, profile, answerOf, index) && holds(q.show_if, profile, answerOf, index);
    return memo[i];
  };
  for (let i = 0; i < memo.length; i++) visible(i);
  return memo;
}

/** A question's state: { hidden } | { unanswered } | { na } | { score: 0–1 }. */
function questionState(q, a) {
  if (a == null) return { unanswered: true };
  if (a === 'na' && q.not_applicable) return { na: true };
  if (q.kind === 'single' && typeof a === 'string') {
    const o = q.options.find((x) => x.id === a);
    return o ? { score: o.score } : { unanswered: true };
  }
  if (q.kind === 'checklist' && Array.isArray(a)) {
    const total = q.options.reduce((t, o) => t + o.weight, 0);
    const got = q.options.filter((o) => a.includes(o.id)).reduce((t, o) => t + o.weight, 0);
    return { score: total > 0 ? got / total : 0 };
  }
  return { unanswered: true };
}

export const roundPercent = (x) => Math.floor(Math.min(100, Math.max(0, x)) + 0.5);

export function score(bank, profile, answers) {
  const vis = visibility(bank, profile, answers);
  const dims = bank.dimensions.map(() => ({ score: null, visible: 0, answered: 0, na: 0, sum: 0, weight: 0 }));
  const dimIndex = bank.__dims ??= new Map(bank.dimensions.map((d, i) => [d.id, i]));
  const redFlags = [];
  const states = bank.questions.map((q, i) => {
    if (!vis[i]) return { hidden: true };
    const st = questionState(q, answers[q.id]);
    const d = dims[dimIndex.get(q.dimension)];
    d.visible++;
    if (st.score !== undefined) { d.answered++; d.sum += q.weight * st.score; d.weight += q.weight; }
    if (st.na) { d.answered++; d.na++; }
    if (q.critical && (st.unanswered || (st.score !== undefined && st.score < q.critical.threshold))) redFlags.push(i);
    return st;
  });
  let num = 0;
  let den = 0;
  dims.forEach((d, i) => {
    if (d.weight > 0) {
      d.score = (100 * d.sum) / d.weight;
      num += bank.dimensions[i].weight * d.score;
      den += bank.dimensions[i].weight;
    }
  });
  const overall = den > 0 ? num / den : 0;
  const levelFor = (o) => Math.max(1, bank.scoring.levels.filter((l) => o >= l.min).length);
  const uncappedLevel = levelFor(roundPercent(overall));
  const level = redFlags.length ? Math.min(uncappedLevel, bank.scoring.red_flag_level_cap) : uncappedLevel;
  const answered = dims.reduce((t, d) => t + d.answered, 0);
  const visibleCount = dims.reduce((t, d) => t + d.visible, 0);
  return { vis, states, dims, overall, redFlags, level, uncappedLevel, answered, visible: visibleCount };
}

/** Questions needing action: red flags first, then dimension weight × weight × gap, bank order. */
export function actions(bank, s) {
  const dimIndex = bank.__dims;
  const items = [];
  s.states.forEach((st, i) => {
    const q = bank.questions[i];
    let gap = null;
    if (st.score !== undefined && st.score < 1) gap = 1 - st.score;
    else if (st.unanswered && q.critical) gap = 1;
    if (gap === null) return;
    items.push({ flag: s.redFlags.includes(i), priority: bank.dimensions[dimIndex.get(q.dimension)].weight * q.weight * gap, i });
  });
  items.sort((a, b) => (b.flag - a.flag) || (b.priority - a.priority) || (a.i - b.i));
  return items.map((x) => x.i);
}

// ---------------------------------------------------------------------------------------------
// DOM helpers: elements and text nodes only.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v == null) continue;
    if (k === 'class') el.className = v;
    else if (k === 'checked') el.checked = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

const zh = (t) => t.zh;
const BAND = { high: '高风险', medium: '中等风险', low: '低风险' };
const bandOf = (bank, s) => (s < bank.scoring.high_risk_below ? 'high' : s >= bank.scoring.low_risk_from ? 'low' : 'medium');
const pct = (part, whole) => (whole ? Math.min(100, Math.floor((part * 100) / whole)) : 100);

/** The plain report (Chinese), with the test contract's data- hooks. */
export function renderReport(bank, profile, answers) {
  const s = score(bank, profile, answers);
  const overall = roundPercent(s.overall);
  const levels = bank.scoring.levels;
  const dimIndex = bank.__dims;
  const dimName = (q) => zh(bank.dimensions[dimIndex.get(q.dimension)].name);
  const sections = bank.dimensions.map((d, i) => i).filter((i) => s.dims[i].visible > 0);
  const print = h('button', { type: 'button', class: 'btn', 'data-action': 'print' }, '打印 / 另存为 PDF');
  print.addEventListener('click', () => window.print());
  const todo = actions(bank, s);
  const actionItem = (i) => {
    const q = bank.questions[i];
    const st = s.states[i];
    return h('li', { 'data-action-item': q.id, class: s.redFlags.includes(i) ? 'flag keep' : 'keep' },
      h('p', { class: 'what' }, zh(q.recommendation)),
      h('p', { class: 'meta' }, dimName(q), ' · ', zh(q.text), st.score !== undefined ? ` · 当前得分 ${roundPercent(100 * st.score)}` : ''),
      (q.references || []).length ? h('p', { class: 'refs' }, '依据：', q.references.map((r) => zh(r.text)).join('；')) : null);
  };
  return h('article', { 'data-report': true, 'data-overall': overall, 'data-level': s.level },
    h('h1', {}, '商业秘密保护风险自测报告'),
    h('p', { class: 'meta' }, `题库版本 ${bank.version} · ${new Date().toISOString().slice(0, 10)}`),
    h('p', { class: 'no-print' }, print),
    h('section', { class: 'card keep' },
      h('p', {}, '总分 ', h('strong', { class: 'big' }, overall), ' / 100'),
      h('p', {}, `成熟度等级：第 ${s.level} 级（共 5 级）· `, h('strong', {}, zh(levels[s.level - 1].name))),
      h('p', {}, zh(levels[s.level - 1].description)),
      s.level < s.uncappedLevel ? h('p', { class: 'warn' }, `按得分可达第 ${s.uncappedLevel} 级（${zh(levels[s.uncappedLevel - 1].name)}），但存在红旗项，等级上限为第 ${bank.scoring.red_flag_level_cap} 级。`) : null,
      h('p', {}, `完成度：${s.answered} / ${s.visible} 题（${pct(s.answered, s.visible)}%）`)),
    h('section', {},
      h('h2', {}, '红旗项：法定保密措施缺失'),
      s.redFlags.length === 0 ? h('p', {}, '未发现红旗项。') : h('ul', {}, s.redFlags.map((i) => {
        const q = bank.questions[i];
        const law = (q.references || []).filter((r) => r.kind === 'law');
        return h('li', { 'data-red-flag': q.id, class: 'flag keep' },
          h('p', {}, h('strong', {}, zh(q.text)), s.states[i].unanswered ? '（未回答）' : ''),
          h('p', { class: 'meta' }, dimName(q), ` · 司法解释第六条第（${q.critical.measure}）项措施`),
          h('p', {}, zh(q.recommendation)),
          law.length ? h('p', { class: 'refs' }, '法律依据：', law.map((r) => zh(r.text)).join('；')) : null);
      }))),
    h('section', {},
      h('h2', {}, '优先行动清单'),
      todo.length === 0 ? h('p', {}, '暂无需要改进的事项。') : h('ol', {}, todo.map(actionItem))),
    h('section', {},
      h('h2', {}, '各维度得分'),
      h('table', { class: 'keep' },
        h('thead', {}, h('tr', {}, h('th', {}, '维度'), h('th', {}, '得分'), h('th', {}, '权重'), h('th', {}, ''))),
        h('tbody', {}, sections.map((i) => {
          const d = bank.dimensions[i];
          const sc = s.dims[i].score === null ? null : roundPercent(s.dims[i].score);
          return h('tr', sc === null ? {} : { 'data-dimension-id': d.id, 'data-score': sc },
            h('th', {}, zh(d.name)),
            h('td', {}, sc === null ? '无得分' : `${sc} · ${BAND[bandOf(bank, sc)]}`),
            h('td', {}, d.weight),
            h('td', {}, h('progress', { max: 100, value: sc ?? 0 })));
        })))),
    h('section', {},
      h('h2', {}, '各维度分析'),
      sections.map((i) => {
        const d = bank.dimensions[i];
        const ds = s.dims[i];
        const sc = ds.score === null ? null : roundPercent(ds.score);
        const band = sc === null ? null : bandOf(bank, sc);
        const rows = bank.questions.map((q, j) => [q, j]).filter(([q, j]) => q.dimension === d.id && !s.states[j].hidden);
        return h('section', {},
          h('h3', {}, zh(d.name), ' — ', sc ?? '无得分', band ? ` · ${BAND[band]}` : ''),
          h('p', {}, zh(d.description)),
          band ? h('p', {}, zh(d.summary[`${band}_risk`])) : null,
          h('p', { class: 'meta' }, `已回答 ${ds.answered}/${ds.visible}，其中不适用 ${ds.na}`),
          h('details', {}, h('summary', {}, '查看计算过程'),
            h('table', {},
              h('thead', {}, h('tr', {}, h('th', {}, '题目'), h('th', {}, '回答'), h('th', {}, '权重'), h('th', {}, '得分'))),
              h('tbody', {}, rows.map(([q, j]) => {
                const st = s.states[j];
                const a = answers[q.id];
                const chosen = st.unanswered ? '未回答' : st.na ? '不适用'
                  : q.options.filter((o) => (Array.isArray(a) ? a.includes(o.id) : a === o.id)).map((o) => zh(o.text)).join('；') || '均未勾选';
                return h('tr', {}, h('th', {}, zh(q.text)), h('td', {}, chosen), h('td', {}, q.weight),
                  h('td', {}, st.score !== undefined ? roundPercent(100 * st.score) : st.na ? '不适用' : '未回答'));
              })))));
      })),
    h('section', { class: 'keep' }, h('h2', {}, '深圳市商业秘密保护公共服务'),
      h('ul', {}, bank.services.map((x) => h('li', {}, h('strong', {}, zh(x.name)), '：', zh(x.description))))),
    h('section', { class: 'keep' }, h('h2', {}, '评分方法'),
      h('ul', {}, levels.map((l, i) => h('li', {}, `第 ${i + 1} 级 ${zh(l.name)}：${l.min} 分及以上`))),
      h('p', {}, `只要存在红旗项，等级最高为第 ${bank.scoring.red_flag_level_cap} 级。`)),
    h('section', { class: 'keep' }, h('h2', {}, '声明'), h('p', {}, zh(bank.disclaimer)),
      h('p', { 'data-privacy-notice': true }, '本报告在您的浏览器内生成，答案未发送到任何地方。')));
}

/** The profile the baselines use: ?industry=… (default general), partners on, no cross-border. */
export function fixedProfile() {
  const industry = new URLSearchParams(location.search).get('industry');
  return {
    industry: ['general', 'low-altitude', 'biomedical'].includes(industry) ? industry : 'general',
    size: null, stage: null, cross_border: false, partners: true,
  };
}

// ---------------------------------------------------------------------------------------------
// The questionnaire: one dimension per page.

function scoreAttr(x) {
  return String(Math.round(x * 10000) / 10000);
}

function questionView(q, n, answer) {
  const name = `q-${q.id}`;
  const opt = (type, value, label, score, checked) => {
    const id = `${name}-${value}`;
    return h('div', { class: 'opt' },
      h('input', { type, name: type === 'radio' ? name : null, id, value, 'data-score': score, checked }),
      h('label', { for: id }, label));
  };
  const total = q.kind === 'checklist' ? q.options.reduce((t, o) => t + o.weight, 0) : 1;
  const ticked = Array.isArray(answer) ? answer : [];
  const options = q.kind === 'single'
    ? q.options.map((o) => opt('radio', o.id, zh(o.text), scoreAttr(o.score), answer === o.id))
    : [h('p', { class: 'hint' }, '可多选'),
      ...q.options.map((o) => opt('checkbox', o.id, zh(o.text), scoreAttr(o.weight / total), ticked.includes(o.id))),
      opt('checkbox', 'none', '以上都没有', '0', Array.isArray(answer) && answer.length === 0)];
  if (q.not_applicable) options.push(opt(q.kind === 'single' ? 'radio' : 'checkbox', 'na', '不适用于本企业', null, answer === 'na'));
  const refs = (q.references || []).map((r) => zh(r.text)).join('；');
  return h('fieldset', { class: 'q', 'data-question-id': q.id },
    h('legend', {}, `${n}. `, zh(q.text), q.critical ? h('span', { class: 'badge' }, '司法解释列举的保密措施') : null),
    h('details', {}, h('summary', {}, '为什么重要'), h('p', {}, zh(q.help)), refs ? h('p', { class: 'refs' }, `依据：${refs}`) : null),
    h('div', { class: 'opts' }, options));
}

async function main(root) {
  const bank = await (await fetch(BANK_URL)).json();
  const profile = fixedProfile();
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const answers = {};
  let page = 0;
  let shown = '';
  let progress;

  const sections = () => {
    const vis = visibility(bank, profile, answers);
    return bank.dimensions.map((d) => ({ d, qs: bank.questions.filter((q, i) => vis[i] && q.dimension === d.id) })).filter((s) => s.qs.length);
  };
  const progressText = () => {
    const s = score(bank, profile, answers);
    return `已回答 ${s.answered} / ${s.visible} 题`;
  };
  const render = () => {
    const all = sections();
    page = Math.min(page, all.length - 1);
    const { d, qs } = all[page];
    const last = page === all.length - 1;
    shown = qs.map((q) => q.id).join();
    progress = h('p', { class: 'meta' }, progressText());
    const prev = h('button', { type: 'button', class: 'btn', 'data-action': 'prev', disabled: page === 0 }, '上一部分');
    const next = h('button', { type: 'button', class: 'btn primary', 'data-action': last ? 'finish' : 'next' }, last ? '生成报告' : '下一部分');
    prev.addEventListener('click', () => { page--; render(); });
    next.addEventListener('click', () => {
      if (last) {
        root.dataset.stage = 'report';
        root.replaceChildren(renderReport(bank, profile, answers));
      } else {
        page++;
        render();
      }
      window.scrollTo(0, 0);
    });
    root.dataset.stage = 'questions';
    root.replaceChildren(h('section', { 'data-section-id': d.id },
      h('p', { class: 'meta' }, `第 ${page + 1} 部分，共 ${all.length} 部分`),
      h('h1', {}, zh(d.name)),
      h('p', {}, zh(d.description)),
      progress,
      qs.map((q, i) => questionView(q, i + 1, answers[q.id])),
      h('p', { class: 'nav' }, prev, ' ', next)));
  };

  // One listener for every answer: update the answers, then only what changed on screen.
  root.addEventListener('change', (e) => {
    const input = e.target;
    const box = input.closest('[data-question-id]');
    if (!box) return;
    const q = byId.get(box.dataset.questionId);
    if (q.kind === 'single') {
      answers[q.id] = input.value;
    } else if (input.value === 'none' || input.value === 'na') {
      for (const other of box.querySelectorAll('input')) if (other !== input) other.checked = false;
      if (input.checked) answers[q.id] = input.value === 'na' ? 'na' : [];
      else delete answers[q.id];
    } else {
      for (const other of box.querySelectorAll('input[value=none], input[value=na]')) other.checked = false;
      const set = new Set(Array.isArray(answers[q.id]) ? answers[q.id] : []);
      if (input.checked) set.add(input.value);
      else set.delete(input.value);
      if (set.size) answers[q.id] = [...set];
      else delete answers[q.id];
    }
    // A changed answer may show or hide a follow-up question: re-render only then.
    const now = sections()[page];
    if (!now || now.qs.map((x) => x.id).join() !== shown) render();
    else progress.textContent = progressText();
  });
  render();
}

const root = document.querySelector('[data-floor-app]');
if (root) {
  main(root).catch((e) => {
    root.dataset.stage = 'error';
    root.replaceChildren(h('p', { role: 'alert', 'data-error': true }, `无法加载题库：${e.message}`));
  });
}
