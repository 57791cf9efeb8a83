// Complete self-checks as a user does them, for each industry and in both languages: the
// questions shown follow the profile (industry modules, cross-border, partners, AI models), critical
// questions carry their badge, and the report's score, level, red flags and action order follow
// from the answers. The expected questions are computed from assets/bank/bank.json, not read
// back from the widget.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, serve, openWidget, fillProfile, stage, lang, readBank, visibleQuestions, visibleSections,
  answerSection, checkedInputs,
} from './helpers.mjs';

const bank = readBank();
const BADGE = { zh: '司法解释列举的保密措施', en: 'Measure listed in SPC Art. 6' };

// Profiles that between them switch every module and every show_if on and off: the AI and
// robotics module whole for its industry, and its AI part alone for the AI-models checkbox in
// another industry. The AI combinations run in one language each (both are run above).
const PROFILES = [
  { industry: 'general', crossBorder: false, partners: false },
  { industry: 'low-altitude', crossBorder: false, partners: true },
  { industry: 'biomedical', crossBorder: true, partners: true },
  { industry: 'ai-robotics', crossBorder: false, partners: true, languages: ['zh'] },
  { industry: 'general', crossBorder: false, partners: true, aiModels: true, languages: ['en'] },
  { industry: 'biomedical', crossBorder: false, partners: false, aiModels: true, languages: ['zh'] },
];

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens the widget in `language`, switching with the header button as a visitor would. */
async function openIn(language) {
  const opened = await openWidget(browser, server.url + '/');
  if (language === 'en') await opened.page.click('[data-action=lang-en]');
  await opened.page.waitForSelector(`[data-app][data-lang=${language}]`);
  return opened;
}

/** What the current section page shows: its id and, per question, the legend text. */
const readSection = (page) => page.$eval('[data-section-id]', (s) => ({
  id: s.dataset.sectionId,
  heading: s.querySelector('[data-page-heading]').textContent.trim(),
  questions: [...s.querySelectorAll('[data-question-id]')].map((q) => ({
    id: q.dataset.questionId,
    legend: q.querySelector('legend').textContent.replace(/\s+/g, ' ').trim(),
  })),
}));

/** Walks every section, checking what it shows against the bank, answering with `pick`. */
async function walkSections(page, profile, language, pick) {
  const expected = visibleSections(bank, profile);
  const seen = [];
  for (const section of expected) {
    const shown = await readSection(page);
    assert.equal(shown.id, section.id, 'sections come in bank order, skipping empty ones');
    assert.equal(shown.heading, section.dimension.name[language]);
    assert.deepEqual(shown.questions.map((q) => q.id), section.questions.map((q) => q.id),
      `questions of section ${section.id}`);
    for (const [i, q] of section.questions.entries()) {
      const legend = shown.questions[i].legend;
      assert.ok(legend.includes(q.text[language]), `${q.id} is shown in ${language}: ${legend}`);
      assert.equal(legend.includes(BADGE[language]), Boolean(q.critical), `${q.id}: a badge exactly when critical`);
    }
    seen.push(...shown.questions.map((q) => q.id));
    await answerSection(page, pick);
    await page.click('[data-action=next]');
    // Wait for the next page (or the review) rather than for time to pass.
    await page.waitForFunction((prev) => {
      const s = document.querySelector('[data-section-id]');
      return !s || s.dataset.sectionId !== prev;
    }, section.id);
  }
  return seen;
}

/** The report as numbers and ids. */
const readReport = (page) => page.$eval('[data-report]', (r) => ({
  overall: r.dataset.overall,
  level: r.dataset.level,
  redFlags: [...r.querySelectorAll('[data-red-flag]')].map((e) => ({ id: e.dataset.redFlag, text: e.textContent })),
  actions: [...r.querySelectorAll('[data-action-item]')].map((e) => e.dataset.actionItem),
  dimensions: [...r.querySelectorAll('[data-dimension-id]')].map((e) => ({ id: e.dataset.dimensionId, score: e.dataset.score })),
}));

describe('complete runs', { concurrency: 3 }, () => {
  for (const profile of PROFILES) {
    for (const language of profile.languages ?? ['zh', 'en']) {
      for (const pick of ['strongest', 'weakest']) {
        const name = `${profile.industry}${profile.aiModels ? ' + AI models' : ''}${profile.crossBorder ? ' + cross-border' : ''}${profile.partners ? '' : ' (no partners)'}, ${language}, all ${pick}`;
        test(name, async () => {
          const { context, page, watch } = await openIn(language);
          try {
            await fillProfile(page, profile);
            const visible = visibleQuestions(bank, profile);
            const seen = await walkSections(page, profile, language, pick);

            // Industry modules appear only for their own industry (and cross-border only when on).
            const la = seen.filter((id) => id.startsWith('la-'));
            const bio = seen.filter((id) => id.startsWith('bio-'));
            assert.equal(la.length > 0, profile.industry === 'low-altitude', `la-* questions: ${la}`);
            assert.equal(bio.length > 0, profile.industry === 'biomedical', `bio-* questions: ${bio}`);
            assert.equal(seen.some((id) => id.startsWith('cb-')), profile.crossBorder);
            // The AI part of the AI and robotics module follows the industry or the checkbox; the
            // robot part follows the industry alone.
            const ai = seen.filter((id) => id.startsWith('ai-'));
            const robot = seen.filter((id) => id.startsWith('robot-'));
            assert.equal(ai.length > 0, profile.industry === 'ai-robotics' || Boolean(profile.aiModels), `ai-* questions: ${ai}`);
            assert.equal(robot.length > 0, profile.industry === 'ai-robotics', `robot-* questions: ${robot}`);
            const partnersOnly = new Set(bank.questions.filter((q) => q.show_if?.partners === true).map((q) => q.id));
            assert.equal(seen.some((id) => partnersOnly.has(id)), profile.partners, 'partner questions follow the profile');

            assert.equal(await stage(page), 'review');
            assert.equal(await page.locator('[data-unanswered-question]').count(), 0, 'everything answered');
            await page.click('[data-action=finish]');
            await page.waitForSelector('[data-app][data-stage=report] [data-report]');
            assert.equal(await lang(page), language);
            const report = await readReport(page);

            // Every scored dimension reports an integer 0–100, for exactly the sections shown.
            assert.deepEqual(report.dimensions.map((d) => d.id), visibleSections(bank, profile).map((s) => s.id));
            for (const d of report.dimensions) {
              assert.match(d.score, /^\d{1,3}$/, `${d.id} score`);
              assert.ok(Number(d.score) <= 100, `${d.id} score ${d.score}`);
            }

            const critical = visible.filter((q) => q.critical);
            if (pick === 'strongest') {
              assert.equal(report.overall, '100');
              assert.equal(report.level, '5');
              assert.deepEqual(report.redFlags, [], 'no red flag when every measure is in place');
              assert.deepEqual(report.actions, [], 'nothing to do when every answer is the strongest');
              for (const d of report.dimensions) assert.equal(d.score, '100', d.id);
            } else {
              assert.equal(report.level, '1');
              assert.equal(report.overall, '0');
              for (const d of report.dimensions) assert.equal(d.score, '0', d.id);
              // A red flag for every visible critical question, none for anything else.
              assert.deepEqual(report.redFlags.map((f) => f.id).sort(), critical.map((q) => q.id).sort());
              for (const f of report.redFlags) {
                const q = critical.find((c) => c.id === f.id);
                assert.ok(f.text.includes(q.text[language]), `red flag ${f.id} names its question in ${language}`);
              }
              // Every question needs action; red flags first, then by dimension weight × question
              // weight (the gap is 1 everywhere), ties in bank order — as the report says it sorts.
              const dimWeight = new Map(bank.dimensions.map((d) => [d.id, d.weight]));
              const order = visible
                .map((q, i) => ({ id: q.id, flag: Boolean(q.critical), priority: dimWeight.get(q.dimension) * q.weight, i }))
                .sort((a, b) => (b.flag - a.flag) || (b.priority - a.priority) || (a.i - b.i))
                .map((a) => a.id);
              assert.deepEqual(report.actions, order);
              const flags = new Set(critical.map((q) => q.id));
              const firstOther = report.actions.findIndex((id) => !flags.has(id));
              assert.ok(report.actions.slice(firstOther).every((id) => !flags.has(id)), 'red flags come first');
            }
            await watch.collect();
            assert.deepEqual(watch.pageErrors, []);
            assert.deepEqual(watch.consoleErrors, []);
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});

test('switching language mid-way keeps the stage, the section and every answer', async () => {
  const profile = { industry: 'biomedical', crossBorder: true, partners: true };
  const sections = visibleSections(bank, profile);
  const { context, page } = await openIn('zh');
  try {
    await fillProfile(page, profile);
    // Two sections answered, the third half answered.
    const checkedIn = [];
    for (let i = 0; i < 2; i++) {
      await answerSection(page, i === 0 ? 'strongest' : 'weakest');
      checkedIn.push(await checkedInputs(page));
      await page.click('[data-action=next]');
      await page.waitForSelector(`[data-section-id="${sections[i + 1].id}"]`);
    }
    const third = sections[2];
    const half = third.questions.slice(0, Math.ceil(third.questions.length / 2));
    for (const q of half) {
      await page.locator(`[data-question-id="${q.id}"] input[data-score]`).first().check();
    }
    const checkedBefore = await checkedInputs(page);
    assert.equal(checkedBefore.length, half.length);
    const progressLine = () => page.$eval('progress', (p) => p.labels[0].textContent);
    const progressBefore = await progressLine();
    const progressValue = await page.getAttribute('progress', 'value');
    assert.ok(Number(progressValue) > half.length);

    await page.click('[data-action=lang-en]');
    await page.waitForSelector('[data-app][data-lang=en]');
    assert.equal(await stage(page), 'questions');
    assert.equal(await page.getAttribute('[data-section-id]', 'data-section-id'), third.id);
    assert.equal((await page.textContent('[data-page-heading]')).trim(), third.dimension.name.en);
    assert.ok((await page.textContent(`[data-question-id="${half[0].id}"] legend`)).includes(half[0].text.en));
    assert.deepEqual(await checkedInputs(page), checkedBefore, 'the same options stay chosen');
    assert.equal(await page.getAttribute('progress', 'value'), progressValue, 'the progress count is unchanged');
    assert.match(await progressLine(), new RegExp(`^${progressValue} of \\d+ questions answered$`));
    assert.notEqual(await progressLine(), progressBefore, 'the progress line is now in English');

    // Earlier sections kept their answers too.
    await page.click('[data-action=prev]');
    await page.waitForSelector(`[data-section-id="${sections[1].id}"]`);
    assert.deepEqual(await checkedInputs(page), checkedIn[1]);
    await page.click('[data-action=prev]');
    await page.waitForSelector(`[data-section-id="${sections[0].id}"]`);
    assert.deepEqual(await checkedInputs(page), checkedIn[0]);

    // Switching on the review and the report keeps the result.
    await page.click('[data-action=lang-zh]');
    await page.waitForSelector('[data-app][data-lang=zh]');
    assert.equal(await page.getAttribute('[data-section-id]', 'data-section-id'), sections[0].id);
    await page.click(`[data-section-link="${sections.at(-1).id}"]`);
    await page.waitForSelector(`[data-section-id="${sections.at(-1).id}"]`);
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=review]');
    const unansweredZh = await page.$$eval('[data-unanswered-question]', (els) => els.map((e) => e.dataset.unansweredQuestion));
    await page.click('[data-action=lang-en]');
    await page.waitForSelector('[data-app][data-lang=en][data-stage=review]');
    assert.deepEqual(await page.$$eval('[data-unanswered-question]', (els) => els.map((e) => e.dataset.unansweredQuestion)), unansweredZh);
    await page.click('[data-action=finish]');
    await page.waitForSelector('[data-report]');
    const inEn = await readReport(page);
    await page.click('[data-action=lang-zh]');
    await page.waitForSelector('[data-app][data-lang=zh][data-stage=report]');
    const inZh = await readReport(page);
    assert.deepEqual(
      { ...inZh, redFlags: inZh.redFlags.map((f) => f.id) },
      { ...inEn, redFlags: inEn.redFlags.map((f) => f.id) },
      'the same report in either language',
    );
    assert.ok(inZh.redFlags.length > 0);
  } finally {
    await context.close();
  }
});
