// Issue 11: the `ai-robotics` industry and the `ai-models` checkbox (test contract version 2).
// URL presets, the labelled native checkbox, saved progress, and the checkbox travelling in an
// exported answers file. The full runs per combination are in flow.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, serve, openWidget, fillProfile, stage, readBank, visibleQuestions, answersFile, openReport,
  exportAnswers, tscheckStorage, PROGRESS_KEY,
} from './helpers.mjs';

const bank = readBank();
const LABEL = { zh: '本企业开发或训练人工智能模型或算法', en: 'We develop or train AI models or algorithms' };

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const saved = async (page) => JSON.parse((await tscheckStorage(page)).session[PROGRESS_KEY]);

test('presets tick the industry and the checkbox; the checkbox is labelled and kept in saved progress', async () => {
  const { context, page, watch } = await openWidget(browser, `${server.url}/?industry=ai-robotics&ai_models=1`);
  try {
    await page.click('[data-action=start]');
    await page.waitForSelector('[data-app][data-stage=profile]');
    assert.ok(await page.isChecked('[data-profile=industry] input[value=ai-robotics]'));
    const box = page.locator('[data-profile=ai-models]');
    assert.equal(await box.getAttribute('type'), 'checkbox');
    assert.ok(await box.isChecked(), 'ai_models=1 ticks the box');
    assert.equal((await page.locator('label[for=tsc-ai-models]').textContent()).trim(), LABEL.zh);
    await page.click('[data-action=lang-en]');
    await page.waitForSelector('[data-app][data-lang=en]');
    assert.equal((await page.locator('label[for=tsc-ai-models]').textContent()).trim(), LABEL.en);

    // Unticked by the visitor, then ticked again: saved progress follows each time.
    await box.click();
    assert.equal((await saved(page)).profile.ai_models, false);
    await box.click();
    assert.equal((await saved(page)).profile.ai_models, true);
    assert.equal((await saved(page)).profile.industry, 'ai-robotics');

    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    assert.ok(await page.locator('[data-question-id=ai-register-scope]').isVisible());
    await page.reload();
    await page.waitForSelector('[data-app][data-stage=questions]');
    assert.ok(await page.locator('[data-question-id=ai-register-scope]').isVisible(), 'restored after a reload');
    assert.equal((await saved(page)).profile.ai_models, true);
    await watch.collect();
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the checkbox alone brings the AI questions, without the robot ones, and an export carries it', async () => {
  const { context, page } = await openWidget(browser, `${server.url}/`);
  try {
    await fillProfile(page, { industry: 'low-altitude', aiModels: true });
    assert.equal(await stage(page), 'questions');
    const shown = await page.$$eval('[data-question-id]', (els) => els.map((e) => e.dataset.questionId));
    assert.ok(shown.includes('ai-register-scope'), `first section: ${shown}`);
    assert.ok(shown.includes('la-register-scope'), 'the industry module stays');
    assert.ok(!shown.includes('robot-simulation-assets'), 'no robot question without the industry');
  } finally {
    await context.close();
  }

  // Weakest answers: every visible AI question becomes an action, and the export says ai_models.
  const profile = { industry: 'general', aiModels: true };
  const file = answersFile(bank, profile, () => 'weakest');
  const ai = visibleQuestions(bank, profile).filter((q) => q.id.startsWith('ai-')).map((q) => q.id);
  assert.ok(ai.length >= 10, `${ai.length} AI questions for general + AI models`);
  assert.ok(visibleQuestions(bank, profile).every((q) => !q.id.startsWith('robot-')));
  const second = await openWidget(browser, `${server.url}/`);
  try {
    await openReport(second.page, file);
    const actions = await second.page.$$eval('[data-action-item]', (els) => els.map((e) => e.dataset.actionItem));
    for (const id of ai) assert.ok(actions.includes(id), `${id} is an action`);
    const exported = await exportAnswers(second.page);
    assert.equal(exported.json.profile.ai_models, true);
    assert.equal(exported.json.profile.industry, 'general');
  } finally {
    await second.context.close();
  }
});
