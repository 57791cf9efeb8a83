// A keyboard-only self-check: from the start screen to the report with Tab, Shift+Tab, Space,
// Enter and the arrow keys only (no mouse, no element.click()). On every page change focus
// lands on the page heading, and whatever has focus always shows a visible focus indicator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, openWidget, stage, readBank, visibleQuestions } from './helpers.mjs';

const bank = readBank();
let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

/**
 * What has focus, and whether it shows a focus indicator: a non-'none', non-transparent
 * outline of some width, or a box-shadow. A visually hidden control (the file inputs, shown
 * as a button-like label) must light up its label instead, since the input itself cannot be seen.
 */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  const rect = e.getBoundingClientRect();
  const hidden = rect.width < 4 || rect.height < 4;
  const shown = hidden && e.labels && e.labels.length ? e.labels[0] : e;
  const s = getComputedStyle(shown);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
  const shadow = s.boxShadow !== 'none';
  const q = e.closest('[data-question-id]');
  return {
    inApp: Boolean(e.closest('[data-app]')),
    tag: e.tagName.toLowerCase(),
    type: e.type || null,
    value: e.value ?? null,
    score: e.dataset.score === undefined ? null : Number(e.dataset.score),
    checked: Boolean(e.checked),
    question: q ? q.dataset.questionId : null,
    action: e.dataset.action || null,
    profile: e.dataset.profile || null,
    heading: e.hasAttribute('data-page-heading'),
    ring: outline || shadow,
    what: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.dataset.action ? '[' + e.dataset.action + ']' : ''} "${(shown.textContent || '').trim().slice(0, 40)}"`,
  };
});

/** Presses a key and returns the newly focused element, which must show its focus. */
async function press(page, key) {
  await page.keyboard.press(key);
  const f = await focused(page);
  if (f.inApp) assert.ok(f.ring, `no visible focus on ${f.what} after ${key}`);
  return f;
}

/** After a page change: the new page's heading has focus, visibly. */
async function expectHeadingFocus(page, stageName) {
  await page.waitForSelector(`[data-app][data-stage=${stageName}]`);
  await page.waitForFunction(() => document.activeElement?.hasAttribute('data-page-heading'), null, { timeout: 5000 });
  const f = await focused(page);
  assert.ok(f.heading && f.ring, `heading focused visibly on ${stageName}: ${f.what}`);
}

/** Tabs forward until `stop(f)` holds, returning it; fails if focus leaves the widget first. */
async function tabUntil(page, stop, onEach = async () => {}, limit = 60) {
  for (let i = 0; i < limit; i++) {
    const f = await press(page, 'Tab');
    assert.ok(f.inApp, `focus left the widget before reaching the target (at ${f.what})`);
    if (stop(f)) return f;
    await onEach(f);
  }
  throw new Error('target never reached by Tab');
}

test('keyboard only: start → profile → every section → review → report, focus always visible', async () => {
  const { context, page, watch } = await openWidget(browser, server.url + '/');
  try {
    // Start screen: Tab from the top of the page to "start", then Enter.
    await tabUntil(page, (f) => f.action === 'start');
    await page.keyboard.press('Enter');
    await expectHeadingFocus(page, 'profile');

    // Profile: the industry radios move with the arrow keys; Space toggles the partners box.
    let f = await tabUntil(page, (x) => x.type === 'radio');
    assert.equal(f.value, 'general');
    f = await press(page, 'ArrowDown');
    assert.deepEqual([f.value, f.checked], ['low-altitude', true]);
    f = await press(page, 'ArrowUp');
    assert.deepEqual([f.value, f.checked], ['general', true]);
    f = await tabUntil(page, (x) => x.profile === 'partners');
    assert.equal(f.checked, true, 'partners is ticked by default');
    f = await press(page, 'Space');
    assert.deepEqual([f.profile, f.checked], ['partners', false], 'Space unticked the partners box');
    await tabUntil(page, (x) => x.action === 'next');
    await page.keyboard.press('Enter');
    await expectHeadingFocus(page, 'questions');

    // Every section: single choices by Space then arrows to the strongest option; every
    // practice of a checklist ticked with Space; then "next" with Enter.
    const profile = { industry: 'general', crossBorder: false, partners: false };
    const expected = visibleQuestions(bank, profile);
    const answered = new Set();
    let shiftTabChecked = false;
    for (let guard = 0; guard < 30 && (await stage(page)) === 'questions'; guard++) {
      const section = await page.getAttribute('[data-section-id]', 'data-section-id');
      await tabUntil(page, (x) => x.action === 'next', async (x) => {
        if (!x.question) return;
        if (x.type === 'radio' && !answered.has(x.question)) {
          const scores = await page.$$eval(`[data-question-id="${x.question}"] input[type=radio]`,
            (els) => els.map((e) => (e.dataset.score === undefined ? null : Number(e.dataset.score))));
          const target = scores.indexOf(Math.max(...scores.filter((s) => s !== null)));
          assert.equal(x.value, await page.getAttribute(`[data-question-id="${x.question}"] input[type=radio]`, 'value'),
            'Tab enters an unanswered group at its first option');
          let y = await press(page, 'Space');
          for (let k = 0; k < target; k++) y = await press(page, 'ArrowDown');
          assert.ok(y.checked && y.score === scores[target], `${x.question}: the strongest option is chosen (${y.what})`);
          answered.add(x.question);
          if (!shiftTabChecked) {
            // Tab on, then Shift+Tab back: focus returns to the chosen option of the group.
            const next = await press(page, 'Tab');
            assert.notEqual(next.question === x.question && next.type === 'radio', true);
            const back = await press(page, 'Shift+Tab');
            assert.deepEqual([back.question, back.checked, back.score], [x.question, true, scores[target]]);
            shiftTabChecked = true;
          }
        } else if (x.type === 'checkbox' && x.score > 0 && !x.checked) {
          const y = await press(page, 'Space');
          assert.ok(y.checked, `Space ticked ${y.what}`);
          answered.add(x.question);
        }
      });
      await page.keyboard.press('Enter');
      await page.waitForFunction((prev) => document.querySelector('[data-section-id]')?.dataset.sectionId !== prev, section);
      await expectHeadingFocus(page, await stage(page));
    }
    assert.deepEqual([...answered].sort(), expected.map((q) => q.id).sort(), 'every question answered by keyboard');

    // Review: nothing unanswered; Tab to "see the report", Enter.
    assert.equal(await stage(page), 'review');
    assert.equal(await page.locator('[data-unanswered-question]').count(), 0);
    await tabUntil(page, (x) => x.action === 'finish');
    await page.keyboard.press('Enter');
    await expectHeadingFocus(page, 'report');
    assert.equal(await page.getAttribute('[data-report]', 'data-overall'), '100');
    assert.equal(await page.getAttribute('[data-report]', 'data-level'), '5');

    // Every control of the report shows its focus (toolbar, disclosures, storage controls).
    const stops = [];
    for (let i = 0; i < 80; i++) {
      const x = await press(page, 'Tab');
      if (!x.inApp) break;
      stops.push(x.action ?? x.tag);
    }
    for (const a of ['print', 'export', 'compare', 'prev', 'remember', 'erase']) assert.ok(stops.includes(a), `${a} is reachable by Tab: ${stops}`);
    await watch.collect();
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});
