// Two tabs of the widget with "keep my progress on this device" on: a tab whose saved progress
// was changed in the other one says so, stops saving, and lets the user load the newer progress
// or keep its own answers. Nothing is overwritten silently.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, fillProfile, tscheckStorage, PROGRESS_KEY } from './helpers.mjs';

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const saved = async (page) => JSON.parse((await tscheckStorage(page)).local[PROGRESS_KEY]);
const answered = (page) => page.$$eval('[data-question-id] input:checked', (els) => els.map((e) => e.closest('[data-question-id]').dataset.questionId));

/** Answers the n-th question on the page with its first option. */
async function answer(page, n) {
  const q = page.locator('[data-question-id]').nth(n);
  await q.locator('input[type=radio], input[type=checkbox]').first().check();
  return q.getAttribute('data-question-id');
}

async function openTwo() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const a = await context.newPage();
  await a.goto(`${server.url}/?lang=en`);
  await a.waitForSelector('[data-app]');
  await fillProfile(a, { industry: 'general' });
  const first = await answer(a, 0);
  await a.check('[data-action=remember]');
  await a.waitForFunction((key) => localStorage.getItem(key) !== null, PROGRESS_KEY);
  const b = await context.newPage();
  await b.goto(`${server.url}/?lang=en`);
  await b.waitForSelector('[data-app][data-stage=questions]');
  assert.deepEqual(await answered(b), [first], 'the second tab starts from the saved progress');
  return { context, a, b, first };
}

test('a tab told that the other changed the progress can load it; its own answer is not saved over it', async () => {
  const { context, a, b, first } = await openTwo();
  try {
    assert.equal(await b.locator('[data-other-tab]').count(), 0, 'no prompt before anything changed');
    const second = await answer(a, 1);
    await b.waitForSelector('[data-other-tab] [data-action=load-newer]');
    assert.equal(await a.locator('[data-other-tab]').count(), 0, 'the tab that saved is not asked');
    // Tab B answers a third question meanwhile: it stays on screen but is not saved.
    const third = await answer(b, 2);
    await b.waitForTimeout(300);
    assert.deepEqual(Object.keys((await saved(a)).answers).sort(), [first, second].sort(), 'the newer progress is intact');
    await b.click('[data-action=load-newer]');
    await b.waitForSelector('[data-other-tab]', { state: 'detached' });
    assert.deepEqual((await answered(b)).sort(), [first, second].sort());
    assert.ok(!(await answered(b)).includes(third));
    // Loading it saved nothing new, so tab A is not asked in turn.
    await a.waitForTimeout(300);
    assert.equal(await a.locator('[data-other-tab]').count(), 0);
  } finally {
    await context.close();
  }
});

test("a tab can keep its own answers instead, and then the other tab is asked", async () => {
  const { context, a, b, first } = await openTwo();
  try {
    await answer(a, 1);
    await b.waitForSelector('[data-other-tab] [data-action=keep-this-page]');
    await b.click('[data-action=keep-this-page]');
    await b.waitForSelector('[data-other-tab]', { state: 'detached' });
    await b.waitForFunction((key) => Object.keys(JSON.parse(localStorage.getItem(key)).answers).length === 1, PROGRESS_KEY);
    assert.deepEqual(Object.keys((await saved(b)).answers), [first], "this page's answers replaced the other progress, as chosen");
    await a.waitForSelector('[data-other-tab] [data-action=load-newer]');
  } finally {
    await context.close();
  }
});
