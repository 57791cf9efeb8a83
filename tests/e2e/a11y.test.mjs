// Accessibility of every stage, in both languages: axe finds no WCAG 2.1 A/AA violation; the
// widget reflows on a phone (no horizontal scrolling, nothing cut off at the right edge) and at
// 200% zoom; and answering a question never moves the questions above it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launch, serve, openWidget, fillProfile, readBank, visibleSections, answersFile } from './helpers.mjs';

const bank = readBank();
const PROFILE = { industry: 'biomedical', crossBorder: true, partners: true };
const SECTIONS = visibleSections(bank, PROFILE);
// A section with a checklist, a critical question and a "not applicable" option (not the first).
const CHECKLIST_SECTION = SECTIONS.find((s, i) => i > 0 && s.questions.some((q) => q.kind === 'checklist')
  && s.questions.some((q) => q.critical) && s.questions.some((q) => q.not_applicable));
const FIRST_SECTION = SECTIONS[0];
// A previous self-check to compare the report with: everything answered, half of it weakly.
const PREVIOUS = answersFile(bank, PROFILE, (q) => (q.id.length % 2 ? 'weakest' : 'strongest'));
assert.ok(FIRST_SECTION.questions.some((q) => q.kind === 'checklist'), 'the first section has a checklist');

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

/**
 * Walks a fresh widget through every stage in `language`, calling `visit(name)` on each:
 * start, profile, the first section, a checklist section (partly answered), the review (with
 * unanswered questions listed) and the report (with every "how this was computed" table open).
 */
async function walkStages(page, language, visit) {
  if (language === 'en') await page.click('[data-action=lang-en]');
  await page.waitForSelector(`[data-app][data-lang=${language}][data-stage=start]`);
  await visit('start');

  await page.click('[data-action=start]');
  await page.waitForSelector('[data-app][data-stage=profile]');
  await page.check(`[data-profile=industry] input[value="${PROFILE.industry}"]`);
  await page.check('[data-profile=cross-border]');
  await page.fill('[data-profile=org-name]', language === 'zh' ? '深圳某某科技有限公司' : 'Example Robotics Ltd');
  await visit('profile');

  await page.click('[data-action=next]');
  await page.waitForSelector(`[data-section-id="${FIRST_SECTION.id}"]`);
  await visit(`questions: ${FIRST_SECTION.id}`);

  await page.click(`[data-section-link="${CHECKLIST_SECTION.id}"]`);
  await page.waitForSelector(`[data-section-id="${CHECKLIST_SECTION.id}"]`);
  // Partly answered, with one "why this matters" open: answered and unanswered states both show.
  const [first, second] = CHECKLIST_SECTION.questions;
  await page.locator(`[data-question-id="${first.id}"] input[data-score]`).first().check();
  await page.locator(`[data-question-id="${second.id}"] input[data-score]`).last().check();
  await page.locator(`[data-question-id="${first.id}"] summary`).click();
  await visit(`questions: ${CHECKLIST_SECTION.id}`);

  await page.click(`[data-section-link="${SECTIONS.at(-1).id}"]`);
  await page.waitForSelector(`[data-section-id="${SECTIONS.at(-1).id}"]`);
  await page.click('[data-action=next]');
  await page.waitForSelector('[data-app][data-stage=review] [data-unanswered-question]');
  await visit('review');

  await page.click('[data-action=finish]');
  await page.waitForSelector('[data-app][data-stage=report] [data-report] [data-red-flag]');
  // Compared with a previous self-check: the widest tables the report has.
  await page.setInputFiles('[data-action=compare]', {
    name: 'previous.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(PREVIOUS)),
  });
  await page.waitForSelector('[data-report] [data-dimension-id][data-delta]');
  for (const summary of await page.locator('[data-report] details summary').all()) await summary.click();
  // Each "how this was computed" table is built when its disclosure opens.
  await page.waitForFunction(() => [...document.querySelectorAll('.tsc-how')].every((d) => d.querySelector('table tbody tr')));
  await visit('report');
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe('accessibility', { concurrency: 2 }, () => {
  for (const language of ['zh', 'en']) {
    test(`axe: no WCAG 2.1 A/AA violations on any stage (${language})`, async () => {
      const { context, page } = await openWidget(browser, server.url + '/');
      try {
        const scanned = [];
        await walkStages(page, language, async (name) => {
          const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
          assert.deepEqual(summary, [], `axe on ${name} (${language})`);
          scanned.push(name);
        });
        assert.equal(scanned.length, 6);
      } finally {
        await context.close();
      }
    });
  }

  /**
   * Things that stick out past the right edge of the viewport: the page scrolls sideways, and
   * elements (other than visually hidden ones) end beyond the viewport.
   */
  const overflow = (page) => page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.querySelectorAll('[data-app] *')) {
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue; // visually hidden inputs, empty elements
      if (r.right > width + 0.5 || r.left < -0.5) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" spans ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
    }
    return out.slice(0, 8);
  });

  // 360px: a common phone, in both languages; 320px: WCAG 1.4.10's reflow width, in English
  // (the language with the longest unbreakable words).
  for (const [width, language] of [[360, 'zh'], [360, 'en'], [320, 'en']]) {
    test(`a ${width}px-wide phone: no horizontal scrolling on any stage (${language})`, async () => {
      const { context, page } = await openWidget(browser, server.url + '/', { viewport: { width, height: 740 } });
      try {
        await walkStages(page, language, async (name) => {
          assert.deepEqual(await overflow(page), [], `at ${width}px, ${name}`);
        });
      } finally {
        await context.close();
      }
    });
  }

  // 200% zoom. Browser zoom makes a CSS pixel two device pixels, so a 1280×800 window at 200%
  // lays the page out in a 640×400 CSS-pixel viewport, and media queries see 640px. A 640×400
  // viewport with deviceScaleFactor 2 reproduces exactly that (same layout, same media queries,
  // same rendering density). CSS `zoom` on the body would not: media queries and viewport units
  // would still see 1280px, and Playwright's coordinates would no longer match the layout.
  // "Usable" is checked as a user would find it: nothing sticks out sideways, and every stage is
  // operated by clicks that Playwright only performs on visible, unobscured, stable targets.
  for (const language of ['zh', 'en']) {
    test(`200% zoom: every stage reflows and stays operable (${language})`, async () => {
      const { context, page } = await openWidget(browser, server.url + '/', {
        viewport: { width: 640, height: 400 }, contextOptions: { deviceScaleFactor: 2 },
      });
      try {
        await walkStages(page, language, async (name) => {
          assert.deepEqual(await overflow(page), [], `at 200%, ${name}`);
          // Every control can be reached on screen: its label or box is within the viewport width.
          const offscreen = await page.$$eval('[data-app] button, [data-app] select, [data-app] input:not([type=file]), [data-app] summary, [data-app] label',
            (els) => els.filter((e) => {
              const r = e.getBoundingClientRect();
              return r.width > 1 && (r.left < 0 || r.right > document.documentElement.clientWidth);
            }).map((e) => e.textContent.trim().slice(0, 30)));
          assert.deepEqual(offscreen, [], `controls off screen at 200%, ${name}`);
        });
        // The language switch still works from the report at this size.
        await page.click(`[data-action=lang-${language === 'zh' ? 'en' : 'zh'}]`);
        await page.waitForSelector(`[data-app][data-lang=${language === 'zh' ? 'en' : 'zh'}][data-stage=report]`);
      } finally {
        await context.close();
      }
    });
  }

  for (const width of [1100, 360]) {
    test(`answering a question does not move the questions above it (${width}px)`, async () => {
      const { context, page } = await openWidget(browser, server.url + '/', { viewport: { width, height: 800 } });
      try {
        await fillProfile(page, PROFILE);
        await page.waitForSelector(`[data-section-id="${FIRST_SECTION.id}"]`);
        const ids = await page.$$eval('[data-question-id]', (els) => els.map((e) => e.dataset.questionId));
        assert.ok(ids.length >= 4);
        // Positions in page coordinates (clicking scrolls the page).
        const boxes = () => page.$$eval('[data-page-heading], [data-question-id]', (els) => els.map((e) => {
          const r = e.getBoundingClientRect();
          return { id: e.dataset.questionId ?? 'heading', top: Math.round(r.top + window.scrollY), left: Math.round(r.left), width: Math.round(r.width), height: Math.round(r.height) };
        }));
        // Answer questions from the bottom up: a single choice, a checklist box, "none of these".
        for (const [i, q] of [...ids.entries()].reverse()) {
          const before = await boxes();
          const box = page.locator(`[data-question-id="${q}"] input[data-score]`);
          const target = i % 2 ? box.last() : box.first();
          const label = page.locator(`label[for="${await target.getAttribute('id')}"]`);
          await label.click(); // a user clicks the option's text
          assert.ok(await target.isChecked(), `${q} answered`);
          const after = await boxes();
          // The heading and every question above the one answered stay exactly where they were.
          const above = (list) => list.slice(0, i + 1).map(({ id, top, left, width: w, height }) => ({ id, top, left, w, height }));
          assert.deepEqual(above(after), above(before), `answering ${q} moved something above it`);
          assert.equal(after[i + 1].top, before[i + 1].top, `answering ${q} moved it`);
        }
      } finally {
        await context.close();
      }
    });
  }
});
