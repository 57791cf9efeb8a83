// The same questionnaire in SurveyJS (survey-core + survey-js-ui), built at run time from OUR
// bank JSON: one page per dimension, radiogroup for single choice, checkbox (with SurveyJS's
// own "none" item) for checklists, "not applicable" as an exclusive choice. On completion the
// answers are scored with the published method (the floor's exported functions, the same
// numbers as src/score.rs) and shown as the same plain report.
/* global Survey, SurveyUI */
import { BANK_URL, fixedProfile, renderReport } from '../floor/floor.js';

const loc = (t) => ({ default: t.en, 'zh-cn': t.zh });
const NA = { en: 'Not applicable to us', zh: '不适用于本企业' };
const NONE = { en: 'None of these', zh: '以上都没有' };

/**
 * A bank condition as a SurveyJS expression: profile parts are decided now (the profile is
 * fixed), answer parts become `{id} anyof [...]`. Returns true/false when no answer is read.
 */
function toExpr(cond, profile) {
  if (cond == null) return true;
  const [[key, value]] = Object.entries(cond);
  switch (key) {
    case 'industry': return value.includes(profile.industry);
    case 'size': return profile.size != null && value.includes(profile.size);
    case 'stage': return profile.stage != null && value.includes(profile.stage);
    case 'cross_border': return profile.cross_border === value;
    case 'partners': return profile.partners === value;
    case 'answer': return `({${value.question}} anyof [${value.any_of.map((o) => `'${o}'`).join(', ')}])`;
    case 'all': case 'any': {
      const parts = value.map((c) => toExpr(c, profile));
      if (key === 'all' && parts.includes(false)) return false;
      if (key === 'any' && parts.includes(true)) return true;
      const open = parts.filter((p) => typeof p === 'string');
      if (!open.length) return key === 'all';
      return `(${open.join(key === 'all' ? ' and ' : ' or ')})`;
    }
    case 'not': {
      const inner = toExpr(value, profile);
      return typeof inner === 'string' ? `!${inner}` : !inner;
    }
    default: return false;
  }
}

function surveyJson(bank, profile) {
  const modules = new Map(bank.modules.map((m) => [m.id, m]));
  const pages = bank.dimensions.map((d) => {
    const elements = [];
    for (const q of bank.questions.filter((x) => x.dimension === d.id)) {
      const m = toExpr(modules.get(q.module).show_if, profile);
      const own = toExpr(q.show_if, profile);
      if (m === false || own === false) continue;
      const visibleIf = [m, own].filter((p) => typeof p === 'string').join(' and ') || undefined;
      const refs = (q.references || []).map((r) => r.text);
      const help = {
        en: `${q.help.en}${refs.length ? ` Basis: ${refs.map((r) => r.en).join('; ')}` : ''}`,
        zh: `${q.help.zh}${refs.length ? `依据：${refs.map((r) => r.zh).join('；')}` : ''}`,
      };
      const title = q.critical ? { en: `${q.text.en} [measure listed in the SPC provisions]`, zh: `${q.text.zh}【司法解释列举的保密措施】` } : q.text;
      const choices = q.options.map((o) => ({ value: o.id, text: loc(o.text) }));
      if (q.not_applicable) choices.push(q.kind === 'checklist' ? { value: 'na', text: loc(NA), isExclusive: true } : { value: 'na', text: loc(NA) });
      elements.push({
        type: q.kind === 'single' ? 'radiogroup' : 'checkbox',
        name: q.id,
        title: loc(title),
        description: loc(help),
        choices,
        ...(q.kind === 'checklist' ? { showNoneItem: true, noneText: loc(NONE) } : {}),
        ...(visibleIf ? { visibleIf } : {}),
      });
    }
    return { name: d.id, title: loc(d.name), description: loc(d.description), elements };
  }).filter((p) => p.elements.length);
  return {
    locale: 'zh-cn',
    title: loc(bank.title),
    showQuestionNumbers: 'onPage',
    showProgressBar: true,
    progressBarType: 'questions',
    showCompletePage: false,
    pages,
  };
}

const bank = await (await fetch(BANK_URL)).json();
const profile = fixedProfile();
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const app = document.getElementById('app');
const model = new Survey.Model(surveyJson(bank, profile));
model.onComplete.add((sender) => {
  const answers = {};
  for (const [id, v] of Object.entries(sender.data)) {
    const q = byId.get(id);
    if (!q) continue;
    if (q.kind === 'single') answers[id] = v;
    else if (Array.isArray(v)) answers[id] = v.includes('na') ? 'na' : v.filter((o) => o !== 'none');
    else if (v === 'none') answers[id] = [];
  }
  document.getElementById('survey').remove();
  app.dataset.stage = 'report';
  document.getElementById('report').replaceChildren(renderReport(bank, profile, answers));
  window.scrollTo(0, 0);
});
app.dataset.stage = 'questions';
SurveyUI.renderSurvey(model, document.getElementById('survey'));
