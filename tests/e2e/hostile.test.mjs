// Data is never markup: a hostile enterprise name, typed or imported, and hostile ids inside an
// imported file are shown as text on screen, in print and in the PDF; nothing runs, no dialog
// opens, nothing is requested. URL presets are applied exactly or ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, serve, openWidget, offOrigin, stage, lang, fillProfile, readBank, answersFile, openReport,
  exportAnswers, chooseFile, pdfText, openWidgetWith, PROGRESS_KEY,
} from './helpers.mjs';

const bank = readBank();
const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (query = '') => openWidget(browser, `${server.url}/${query}`);
const squash = (s) => s.replace(/\s+/g, '');

/** Nothing the hostile text could have become: no element, handler, dialog, request or error. */
async function assertInert(page, watch, since) {
  const found = await page.evaluate(() => ({
    markup: [...document.querySelectorAll('img, script:not([src]), iframe, object, embed, svg image')].map((e) => e.outerHTML),
    inApp: document.querySelectorAll('[data-app] script, [data-app] img').length,
    handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
    alerted: window.__alerted ?? [],
  }));
  assert.deepEqual(found.markup, [], 'no element made from the text');
  assert.equal(found.inApp, 0);
  assert.deepEqual(found.handlers, [], 'no inline event handler');
  await watch.collect();
  assert.deepEqual(watch.dialogs, [], 'no dialog fired');
  assert.deepEqual(watch.pageErrors, []);
  assert.deepEqual(watch.cspViolations, []);
  assert.deepEqual(offOrigin(watch, server.url), [], 'nothing requested off the test server');
  assert.deepEqual(watch.requests.filter((u) => /\/x(\?|$)/.test(new URL(u).pathname)), [], 'no request for "x"');
  assert.deepEqual(server.log.slice(since).filter((r) => r.path.endsWith('/x')), [], 'the server was never asked for "x"');
}

/** The report shows `name` as text on screen, in print and in the PDF. */
async function assertNameAsText(page, name) {
  const org = page.locator('[data-report] .tsc-org');
  assert.ok((await org.textContent()).includes(name), 'on screen, literally');
  assert.ok((await page.textContent('[data-report]')).includes(name));
  await page.emulateMedia({ media: 'print' });
  assert.ok(await org.isVisible(), 'printed');
  assert.ok((await org.innerText()).includes(name), 'in print, literally');
  const text = await pdfText(page);
  assert.ok(squash(text).includes(squash(name)), `in the PDF, literally:\n${text.slice(0, 600)}`);
  await page.emulateMedia({ media: 'screen' });
}

/** From the profile page's "next": straight to the report (answers are not needed here). */
async function skipToReport(page) {
  const links = await page.$$eval('[data-section-link]', (els) => els.map((e) => e.dataset.sectionLink));
  await page.click(`[data-section-link="${links.at(-1)}"]`);
  await page.waitForSelector(`[data-section-id="${links.at(-1)}"]`);
  await page.click('[data-action=next]');
  await page.waitForSelector('[data-app][data-stage=review]');
  await page.click('[data-action=finish]');
  await page.waitForSelector('[data-report]');
}

test('a hostile enterprise name typed in the profile is text on screen, in print and in the PDF', async () => {
  const since = server.log.length;
  const { context, page, watch } = await open();
  try {
    await fillProfile(page, { orgName: HOSTILE });
    await page.click('[data-action=prev]');
    await page.waitForSelector('[data-app][data-stage=profile]');
    assert.equal(await page.inputValue('[data-profile=org-name]'), HOSTILE, 'the field keeps it as typed');
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    await skipToReport(page);
    await assertNameAsText(page, HOSTILE);
    await page.click('[data-action=lang-en]');
    await page.waitForSelector('[data-app][data-lang=en]');
    await assertNameAsText(page, HOSTILE);

    const { json } = await exportAnswers(page);
    assert.equal(json.profile.org_name, HOSTILE, 'saved as typed');
    await assertInert(page, watch, since);
  } finally {
    await context.close();
  }
});

test('a hostile enterprise name in an imported file is text on screen, in print and in the PDF', async () => {
  const since = server.log.length;
  const { context, page, watch } = await open();
  try {
    const file = answersFile(bank, { industry: 'low-altitude', crossBorder: true, orgName: HOSTILE }, () => 'weakest');
    await openReport(page, file);
    await assertNameAsText(page, HOSTILE);
    await assertInert(page, watch, since);
  } finally {
    await context.close();
  }
});

test('hostile ids and values inside an imported file are shown as text in the messages', async () => {
  const since = server.log.length;
  const { context, page, watch } = await open();
  try {
    await page.click('[data-action=lang-en]');
    // Ignored answers are listed by id.
    const file = answersFile(bank, { industry: 'general' }, () => 'strongest');
    file.answers['<img src=x onerror=alert(3)>'] = '<script>alert(4)</script>';
    await chooseFile(page, 'import', file);
    await page.waitForSelector('[data-app][data-stage=review]');
    assert.ok((await page.textContent('[data-app] [role=status]')).includes('<img src=x onerror=alert(3)>'));

    // Refused files quote what they found.
    await page.click('[data-action=finish]');
    await page.waitForSelector('[data-report]');
    for (const [key, value] of [['format', '<img src=x onerror=alert(5)>'], ['bank', { id: '<svg onload=alert(6)>', version: '1' }]]) {
      await chooseFile(page, 'compare', { ...file, [key]: value });
      const alert = page.locator('[data-app] [data-error][role=alert]');
      await alert.waitFor();
      const shown = typeof value === 'string' ? value : value.id;
      assert.ok((await alert.textContent()).includes(shown), `the message quotes ${shown} as text`);
      await page.click('[data-app] [data-error] button');
      await alert.waitFor({ state: 'detached' });
    }
    assert.equal(await page.locator('[data-app] svg [onload], [data-app] svg svg').count(), 0);
    await assertInert(page, watch, since);
  } finally {
    await context.close();
  }
});

test('a hostile enterprise name in saved progress is text when the report is restored', async () => {
  const since = server.log.length;
  const snapshot = JSON.stringify({
    format: 'tscheck-session', version: 1, bank: { id: bank.id, version: bank.version }, stage: 'report', lang: 'zh',
    profile: { industry: 'general', cross_border: false, partners: true, org_name: HOSTILE }, answers: {},
  });
  const seed = ([key, value]) => {
    if (!sessionStorage.getItem('test.seeded')) {
      sessionStorage.setItem('test.seeded', '1');
      sessionStorage.setItem(key, value);
    }
  };
  const { context, page, watch } = await openWidgetWith(browser, `${server.url}/`, { init: [[seed, [PROGRESS_KEY, snapshot]]] });
  try {
    assert.equal(await stage(page), 'report');
    await assertNameAsText(page, HOSTILE);
    await assertInert(page, watch, since);
  } finally {
    await context.close();
  }
});

// URL presets: exact values apply; a bad value is ignored (Chinese, general, no cross-border)
// and named in a notice, as text; names the widget does not use are left alone.
const PRESETS = [
  ['?lang=fr', { lang: 'zh', industry: 'general', crossBorder: false, ignored: ['?lang: "fr"'] }],
  ['?lang=EN', { lang: 'zh', industry: 'general', crossBorder: false, ignored: ['?lang: "EN"'] }],
  ['?lang=en-US', { lang: 'zh', industry: 'general', crossBorder: false, ignored: ['?lang: "en-US"'] }],
  ['?lang=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', { lang: 'zh', industry: 'general', crossBorder: false, ignored: ['?lang: "<img src=x onerror=alert(1)>"'] }],
  ['?industry=%3Cscript%3Ealert(1)%3C/script%3E', { lang: 'zh', industry: 'general', crossBorder: false, ignored: ['?industry: "<script>alert(1)</script>"'] }],
  ['?industry=<script>alert(1)</script>', { lang: 'zh', industry: 'general', crossBorder: false, ignored: ['?industry: "<script>alert(1)</script>"'] }],
  ['?industry=BIOMEDICAL&cross_border=yes', { lang: 'zh', industry: 'general', crossBorder: false, ignored: ['?industry: "BIOMEDICAL"', '?cross_border: "yes"'] }],
  ['?industry=biomedical&lang=en', { lang: 'en', industry: 'biomedical', crossBorder: false, ignored: [] }],
  ['?lang=zh&industry=low-altitude&cross_border=1', { lang: 'zh', industry: 'low-altitude', crossBorder: true, ignored: [] }],
  ['?industry=general&cross_border=0&lang=en&utm_source=news', { lang: 'en', industry: 'general', crossBorder: false, ignored: [] }],
  ['?cross_border=1&lang=en&ai_models=maybe', { lang: 'en', industry: 'general', crossBorder: true, ignored: ['?ai_models: "maybe"'] }],
];

for (const [query, expected] of PRESETS) {
  test(`URL ${query} is ${expected.lang === 'zh' && expected.industry === 'general' && !expected.crossBorder ? 'ignored' : 'applied exactly'}`, async () => {
    const since = server.log.length;
    const { context, page, watch } = await open(query);
    try {
      assert.equal(await stage(page), 'start');
      assert.equal(await lang(page), expected.lang);
      assert.equal(await page.getAttribute('html', 'lang'), expected.lang === 'zh' ? 'zh-CN' : 'en');
      assert.equal(await page.locator('[data-error]').count(), 0, 'a preset is not an error');
      // Each ignored preset is named, with its value as text (never markup), in the page's language.
      const lines = await page.$$eval('.tsc-notice .tsc-problems li', (items) => items.map((li) => li.textContent));
      assert.equal(lines.length, expected.ignored.length, lines.join('\n'));
      expected.ignored.forEach((want, i) => {
        const [path, value] = [want.slice(0, want.indexOf(': ')), want.slice(want.indexOf(': ') + 2)];
        assert.ok(lines[i].startsWith(`${path}: `) && lines[i].includes(value), `${lines[i]} names ${want}`);
      });
      if (expected.ignored.length) {
        const title = await page.textContent('.tsc-notice[role=status] .tsc-notice-title');
        assert.match(title, expected.lang === 'en' ? /link were not recognised/ : /链接中的以下设置无法识别/);
        assert.equal(await page.locator('.tsc-notice script, .tsc-notice img').count(), 0);
      }
      await page.click('[data-action=start]');
      await page.waitForSelector('[data-app][data-stage=profile]');
      const industries = await page.$$eval('[data-profile=industry] input:checked', (els) => els.map((e) => e.value));
      assert.deepEqual(industries, [expected.industry]);
      assert.equal(await page.isChecked('[data-profile=cross-border]'), expected.crossBorder);
      await assertInert(page, watch, since);
    } finally {
      await context.close();
    }
  });
}
