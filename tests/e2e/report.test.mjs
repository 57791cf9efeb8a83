// The report people act on: the one-page summary first, the same sections in the same order as
// `tscheck score`'s text report, both print modes (page counts from Chromium's PDF), the improvement plan (its properties, round trips through reload, export and
// import), the evidence index against known answers, phones (no sideways scroll at 320 px, the
// bars instead of the radar), "keep my progress" from a question page, and printing from a host
// page without the host's own header, navigation and footer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launch, serve, openWidget, readBank, answersFile, openReport, importAnswers, exportAnswers,
  chooseFile, fillProfile, stage, tscheckStorage, visibleSections, DIST, PROGRESS_KEY, ROOT, BANK_PATH,
} from './helpers.mjs';

const bank = readBank();
const PROFILE = { industry: 'low-altitude', crossBorder: true, partners: true, orgName: '深圳示例无人机有限公司' };
// A mixed self-check: strong in some places, weak in others, a few statutory measures missing.
const WEAK = new Set(['people-nda-all-staff', 'it-dlp-controls', 'policies-written-policy']);
const MIXED = answersFile(bank, PROFILE, (q) => {
  if (WEAK.has(q.id)) return 'weakest';
  return q.id.length % 3 === 0 ? 'weakest' : 'strongest';
});

let browser, server, work;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'tscheck-report-'));
  hostPage();
  browser = await launch();
  server = await serve({ '/host/': join(work, 'host'), '/widget/': DIST });
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Prints the current page to an A4 PDF; returns { pages, text }. */
async function printToPdf(page) {
  const pdf = join(work, `print-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  return { pages, text };
}

/** Replaces window.print with a recorder, so a click on a print button leaves its print mode on. */
const stubPrint = (page) => page.evaluate(() => {
  window.__prints = 0;
  window.print = () => { window.__prints += 1; };
});
const rootClasses = (page) => page.evaluate(() => [...document.documentElement.classList].sort());
const afterPrint = (page) => page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

const reportAttrs = (page) => page.$eval('[data-report]', (r) => ({
  overall: Number(r.dataset.overall),
  level: Number(r.dataset.level),
  p3: Number(r.getAttribute('data-projected-3m')),
  p12: Number(r.getAttribute('data-projected-12m')),
  l3: Number(r.getAttribute('data-projected-level-3m')),
  l12: Number(r.getAttribute('data-projected-level-12m')),
}));
const planValues = (page) => page.$$eval('[data-action-item] select[data-plan]',
  (els) => els.map((s) => [s.dataset.plan, s.value]));

/** Sets one action's plan and waits until the widget has re-rendered with it. */
async function setPlan(page, id, step) {
  await page.selectOption(`[data-plan="${id}"]`, step);
  await page.waitForFunction(([q, s]) => document.querySelector(`[data-plan="${q}"]`)?.value === s, [id, step]);
}

for (const language of ['zh', 'en']) {
  test(`the report opens with a one-page summary (${language})`, async () => {
    const { context, page } = await openWidget(browser, `${server.url}/?lang=${language}`);
    try {
      await openReport(page, MIXED);
      const summary = await page.$eval('[data-report] [data-summary]', (s) => ({
        text: s.textContent,
        charts: s.querySelectorAll('svg').length,
        flags: s.querySelectorAll('.tsc-summary-flag').length,
        actions: [...s.querySelectorAll('[data-summary-action]')].map((a) => ({ id: a.dataset.summaryAction, text: a.textContent })),
        // The summary comes before every section of the details.
        first: Boolean(s.compareDocumentPosition(document.querySelector('[data-red-flag]')) & Node.DOCUMENT_POSITION_FOLLOWING),
      }));
      const { overall, level } = await reportAttrs(page);
      assert.ok(summary.text.includes(String(overall)), 'the overall score');
      assert.ok(summary.text.includes(PROFILE.orgName), 'the enterprise name typed in the profile');
      assert.match(summary.text, /\d{4}-\d{2}-\d{2}/, 'the date');
      assert.ok(summary.charts >= 1, 'a chart');
      assert.equal(summary.flags, await page.locator('[data-red-flag]').count(), 'every red flag, one line each');
      assert.ok(summary.flags > 0);
      const actionIds = await page.$$eval('[data-action-item]', (els) => els.map((e) => e.dataset.actionItem));
      assert.deepEqual(summary.actions.map((a) => a.id), actionIds.slice(0, 5), 'the five most important actions, in order');
      const owner = language === 'zh' ? '负责：' : 'Owner: ';
      assert.ok(summary.actions.every((a) => a.text.includes(owner)), 'each with its owner role');
      assert.ok(summary.first, 'the summary comes first');
      const levelName = bank.scoring.levels[level - 1].name[language];
      assert.ok(summary.text.includes(levelName), 'the level and what it means');
    } finally {
      await context.close();
    }
  });

  test(`"print the summary" prints at most two pages and "print" everything (${language})`, async () => {
    const { context, page } = await openWidget(browser, `${server.url}/?lang=${language}`);
    try {
      await openReport(page, MIXED);
      await stubPrint(page);
      await page.click('[data-action=print-summary]');
      assert.deepEqual(await rootClasses(page), ['tsc-print-summary', 'tsc-printing']);
      const summaryPdf = await printToPdf(page);
      const heading = language === 'zh' ? '摘要' : 'Summary';
      const details = language === 'zh' ? '详细报告' : 'Detailedreport';
      const evidence = language === 'zh' ? '保密措施证据索引' : 'Evidenceindexofconfidentialitymeasures';
      assert.ok(summaryPdf.pages <= 2, `summary printed on ${summaryPdf.pages} pages`);
      assert.ok(summaryPdf.text.includes(heading));
      assert.ok(!summaryPdf.text.includes(details), 'the details are left out');
      await afterPrint(page);
      assert.deepEqual(await rootClasses(page), [], 'the print mode ends with the printing');
      await page.click('[data-action=print]');
      assert.deepEqual(await rootClasses(page), ['tsc-printing']);
      const fullPdf = await printToPdf(page);
      assert.ok(fullPdf.pages > summaryPdf.pages + 2, `${fullPdf.pages} pages`);
      assert.ok(fullPdf.text.includes(details) && fullPdf.text.includes(evidence));
      assert.equal(await page.evaluate(() => window.__prints), 2);
      await afterPrint(page);
    } finally {
      await context.close();
    }
  });
}

/** `tscheck score` (the native CLI) of an answers file, as printed in one format and language. */
function cliReport(file, format, language) {
  const path = join(work, `cli-${format}-${language}.json`);
  writeFileSync(path, JSON.stringify(file));
  return execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'tscheck', '--', 'score', BANK_PATH, path, '--format', format, '--lang', language],
    { cwd: ROOT, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
}

for (const language of ['zh', 'en']) {
  test(`the report shows the text report's sections, in its order and with its headings (${language})`, async () => {
    const json = JSON.parse(cliReport(MIXED, 'json', language));
    const text = cliReport(MIXED, 'text', language);
    const headings = text.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    const { context, page } = await openWidget(browser, `${server.url}/?lang=${language}`);
    try {
      await openReport(page, MIXED);
      const shown = await page.$$eval('[data-report] [data-report-section]', (els) => els.map((s) => ({
        section: s.dataset.reportSection,
        heading: s.querySelector('h2').textContent.trim(),
      })));
      assert.deepEqual(shown.map((s) => s.section), json.sections, 'the sections of `tscheck score --format json`');
      assert.deepEqual(shown.map((s) => s.heading), headings, 'the headings of the text report');
      // A mixed self-check with nothing compared shows every section but the comparison.
      assert.deepEqual(json.sections, ['summary', 'red-flags', 'actions', 'plan', 'dimensions', 'evidence', 'findings',
        'references', 'services', 'method', 'disclaimer']);
      // Both name the bank by id and version.
      const meta = await page.textContent('[data-summary] .tsc-report-meta');
      assert.ok(meta.includes(json.bank.id) && meta.includes(json.bank.version), meta);
      assert.ok(text.includes(json.bank.id) && text.includes(json.bank.version));
    } finally {
      await context.close();
    }
  });
}

test('the plan: defaults by priority, projections that behave, and a round trip', async () => {
  const { context, page } = await openWidget(browser, `${server.url}/?lang=zh`);
  try {
    await openReport(page, MIXED);
    const flags = await page.$$eval('[data-red-flag]', (els) => els.map((e) => e.dataset.redFlag));
    const plan = await planValues(page);
    const actions = await page.$$eval('[data-action-item]', (els) => els.map((e) => e.dataset.actionItem));
    assert.deepEqual(plan.map(([id]) => id), actions, 'one select in every action');
    // Defaults: red flags within 3 months, the next ten within 12 months, the rest later.
    const expected = actions.map((id, i) => [id, flags.includes(id) ? '3m' : i < flags.length + 10 ? '12m' : 'later']);
    assert.deepEqual(plan, expected);
    const start = await reportAttrs(page);
    assert.ok(start.p3 >= start.overall && start.p12 >= start.p3, JSON.stringify(start));
    assert.ok(start.l12 >= start.l3 && start.l3 >= start.level);

    // Planning nothing moves nothing.
    for (const id of actions) await setPlan(page, id, 'later');
    let now = await reportAttrs(page);
    assert.equal(now.p3, now.overall);
    assert.equal(now.p12, now.overall);
    assert.equal(now.l12, now.level);
    // Planning more never lowers a projection.
    let previous = now;
    for (const id of actions.slice(0, 6)) {
      await setPlan(page, id, '12m');
      now = await reportAttrs(page);
      assert.ok(now.p12 >= previous.p12 && now.l12 >= previous.l12, `${id}: ${previous.p12} → ${now.p12}`);
      assert.equal(now.p3, now.overall, 'nothing planned within 3 months yet');
      previous = now;
    }
    // Planning everything within 3 months gives the score of every action done.
    for (const id of actions) await setPlan(page, id, '3m');
    now = await reportAttrs(page);
    assert.deepEqual([now.p3, now.l3, now.p12, now.l12], [100, 5, 100, 5]);

    // A plan of the user's own survives a reload, export and import.
    await setPlan(page, actions[0], 'later');
    await setPlan(page, actions[1], '12m');
    const mine = await planValues(page);
    const projected = await reportAttrs(page);
    await page.reload();
    await page.waitForSelector('[data-report]');
    assert.deepEqual(await planValues(page), mine, 'kept across a reload');
    const { json } = await exportAnswers(page);
    assert.deepEqual(Object.entries(json.plan).sort(), [...mine].sort(), 'the file names every action with its step');
    const fresh = await openWidget(browser, `${server.url}/?lang=en`);
    try {
      await openReport(fresh.page, json);
      assert.deepEqual(await planValues(fresh.page), mine, 'restored by import');
      assert.deepEqual(await reportAttrs(fresh.page), projected);
    } finally {
      await fresh.context.close();
    }
  } finally {
    await context.close();
  }
});

test('comparing with a planned self-check says which 3-month actions were done', async () => {
  const { context, page } = await openWidget(browser, `${server.url}/?lang=en`);
  try {
    await openReport(page, MIXED);
    // Last time, three weak questions were planned within 3 months; one of them is strong now.
    const previous = answersFile(bank, PROFILE, () => 'weakest');
    const done = [...Object.keys(MIXED.answers)].find((id) => !WEAK.has(id) && id.length % 3 !== 0);
    previous.plan = Object.fromEntries([...WEAK, done].map((id) => [id, '3m']));
    previous.saved_at = '2026-06-01';
    await chooseFile(page, 'compare', previous);
    await page.waitForSelector('[data-follow-up]');
    const items = await page.$$eval('[data-follow-up]', (els) => els.map((e) => [e.dataset.followUp, e.dataset.question]).sort());
    assert.deepEqual(items, [['done', done], ...[...WEAK].map((id) => ['open', id])].sort());
  } finally {
    await context.close();
  }
});

/** Whether a bank condition holds for an answers file's answers (answer conditions only). */
function holds(cond, answers) {
  const [[key, value]] = Object.entries(cond);
  if (key === 'answer') {
    const given = answers[value.question];
    if (given == null || given === 'na') return false;
    return Array.isArray(given) ? given.some((o) => value.any_of.includes(o)) : value.any_of.includes(given);
  }
  if (key === 'all') return value.every((c) => holds(c, answers));
  if (key === 'any') return value.some((c) => holds(c, answers));
  throw new Error(`not modelled: ${key}`);
}

test('the evidence index marks each record present or missing from the answers given', async () => {
  const { context, page } = await openWidget(browser, `${server.url}/?lang=zh`);
  try {
    await openReport(page, MIXED);
    const shown = await page.$$eval('[data-evidence-measure]', (ms) => ms.map((m) => ({
      measure: Number(m.dataset.evidenceMeasure),
      items: [...m.querySelectorAll('[data-evidence-item]')].map((i) => [i.dataset.evidenceItem, i.dataset.have]),
    })));
    assert.deepEqual(shown.map((m) => m.measure), [1, 2, 3, 4, 5, 6, 7]);
    const expected = bank.evidence.map((m) => ({
      measure: m.measure,
      items: m.records.map((r) => [r.id, holds(r.have_if, MIXED.answers) ? 'yes' : 'no']),
    }));
    assert.deepEqual(shown, expected);
    const haves = shown.flatMap((m) => m.items.map(([, h]) => h));
    assert.ok(haves.includes('yes') && haves.includes('no'), 'a mixed check has both');
  } finally {
    await context.close();
  }
});

test('the report opens at its top and lays out only what is near the first screen', async () => {
  const { context, page } = await openWidget(browser, `${server.url}/?lang=zh`);
  try {
    await importAnswers(page, MIXED);
    // The finish button is at the end of a long review page.
    await page.locator('[data-action=finish]').scrollIntoViewIfNeeded();
    const depth = await page.evaluate(() => window.scrollY);
    assert.ok(depth > 300, `the review page is scrolled down (${depth})`);
    await page.evaluate(() => {
      window.__shown = [];
      document.addEventListener('contentvisibilityautostatechange', (e) => {
        if (!e.skipped && e.target.dataset.reportSection) window.__shown.push(e.target.dataset.reportSection);
      }, true);
    });
    await page.click('[data-action=finish]');
    await page.waitForSelector('[data-report]');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const top = await page.evaluate(() => document.querySelector('[data-app]').getBoundingClientRect().top);
    assert.ok(Math.abs(top) < 1, `the widget's top is at the top of the window (${top})`);
    assert.equal(await page.evaluate(() => document.activeElement.matches('[data-report] h1')), true, 'its heading has focus');
    const shown = await page.evaluate(() => window.__shown);
    assert.ok(shown.includes('summary'), `laid out: ${shown}`);
    for (const far of ['plan', 'dimensions', 'evidence', 'findings', 'references', 'services', 'method', 'disclaimer']) {
      assert.ok(!shown.includes(far), `${far} is not laid out before it is scrolled near (laid out: ${shown})`);
    }
    // Scrolled near, a section is laid out and read as usual.
    await page.locator('[data-report-section=evidence] h2').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.__shown.includes('evidence'));
    assert.ok((await page.locator('[data-evidence-measure]').first().boundingBox()).height > 0);
  } finally {
    await context.close();
  }
});

test('"how this was computed" lists a section\'s questions once opened, and prints only when opened', async () => {
  const { context, page } = await openWidget(browser, `${server.url}/?lang=en`);
  try {
    await openReport(page, MIXED);
    const sections = visibleSections(bank, PROFILE);
    assert.equal(await page.locator('.tsc-finding .tsc-how').count(), sections.length, 'one per section');
    // A question answered at its strongest has no action: its text is in this table only.
    const first = sections[0].questions.map((q) => q.text.en);
    const strong = sections[0].questions.find((q) => !WEAK.has(q.id) && q.id.length % 3 !== 0);
    assert.ok(strong, 'the first section has a question answered at its strongest');
    // Its first words: a table cell wraps, and pdftotext reads the next cells' first lines
    // before the cell's second line.
    const squeezed = strong.text.en.split(/\s+/).slice(0, 2).join('');
    assert.ok(!(await printToPdf(page)).text.includes(squeezed), 'closed, it does not print');

    const how = page.locator('.tsc-finding .tsc-how').first();
    await how.locator('summary').click();
    await how.locator('tbody tr').first().waitFor();
    assert.deepEqual(await how.locator('tbody th').allTextContents(), first, 'every question of the section, in order');
    assert.equal(await how.locator('tbody tr').count(), first.length);
    assert.ok((await printToPdf(page)).text.includes(squeezed), 'opened, it prints');

    // Closed and opened again, by keyboard: the same table.
    await how.locator('summary').click();
    await page.waitForFunction(() => !document.querySelector('.tsc-finding .tsc-how').open);
    await how.locator('summary').focus();
    await page.keyboard.press('Enter');
    await how.locator('tbody tr').first().waitFor();
    assert.deepEqual(await how.locator('tbody th').allTextContents(), first);
  } finally {
    await context.close();
  }
});

for (const language of ['zh', 'en']) {
  test(`at 320 px the report never scrolls sideways and the summary shows bars (${language})`, async () => {
    const { context, page } = await openWidget(browser, `${server.url}/?lang=${language}`, { viewport: { width: 320, height: 700 } });
    try {
      await openReport(page, MIXED);
      await chooseFile(page, 'compare', answersFile(bank, PROFILE, () => 'weakest'));
      await page.waitForSelector('[data-dimension-id][data-delta]');
      // Open every "how this was computed" table too.
      await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
      // Each table is built when its disclosure opens.
      await page.waitForFunction(() => [...document.querySelectorAll('.tsc-how')].every((d) => d.querySelector('table tbody tr')));
      const overflow = await page.evaluate(() => {
        const doc = document.scrollingElement;
        const wide = [...document.querySelectorAll('[data-app] *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.getClientRects().length)
          .map((e) => `${e.tagName}.${e.className}`);
        return { scroll: doc.scrollWidth - doc.clientWidth, wide: wide.slice(0, 5) };
      });
      assert.equal(overflow.scroll, 0, `sideways scroll; too wide: ${overflow.wide}`);
      assert.deepEqual(overflow.wide, []);
      const charts = await page.$eval('[data-summary]', (s) => [...s.querySelectorAll('figure')]
        .filter((f) => f.getClientRects().length).map((f) => f.querySelector('svg circle, svg polygon.tsc-radar') ? 'radar' : 'bars'));
      assert.deepEqual(charts, ['bars']);
      // Each row of the dimension table is a card: the column names are shown beside the values.
      const label = await page.$eval('[data-dimension-id] td', (td) => getComputedStyle(td, '::before').content);
      assert.notEqual(label, 'none');
      // Tap targets: the plan's choices are at least 44 px tall.
      const heights = await page.$$eval('[data-plan]', (els) => els.map((e) => e.getBoundingClientRect().height));
      assert.ok(heights.every((h) => h >= 44), `select heights ${Math.min(...heights)}`);
    } finally {
      await context.close();
    }
  });
}

test('"keep my progress" and "save answers" are offered on question pages and the review', async () => {
  const { context, page } = await openWidget(browser, `${server.url}/?lang=en`);
  try {
    await fillProfile(page, { industry: 'general' });
    assert.equal(await page.locator('[data-action=remember]').count(), 1);
    assert.equal(await page.locator('[data-action=export]').count(), 1);
    await page.locator('[data-question-id] input[type=radio]').first().check();
    await page.check('[data-action=remember]');
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, PROGRESS_KEY);
    const stored = await tscheckStorage(page);
    assert.ok(stored.local[PROGRESS_KEY], 'kept on this device');
    // A new tab (sessionStorage is gone) finds the progress and its answer.
    const again = await context.newPage();
    await again.goto(`${server.url}/?lang=en`);
    await again.waitForSelector('[data-app]');
    const saved = JSON.parse((await tscheckStorage(again)).local[PROGRESS_KEY]);
    assert.equal(Object.keys(saved.answers).length, 1);
    await again.close();
    // The review page offers both as well.
    await page.click('[data-action=next]');
    while (await stage(page) === 'questions') await page.click('[data-action=next]');
    assert.equal(await stage(page), 'review');
    assert.equal(await page.locator('[data-action=remember]').count(), 1);
    assert.ok(await page.locator('[data-action=remember]').isChecked());
    const { json } = await exportAnswers(page);
    assert.equal(Object.keys(json.answers).length, 1);
  } finally {
    await context.close();
  }
});

/** A host page with its own header, navigation and footer around the widget (no iframe). */
function hostPage() {
  const dist = readFileSync(join(DIST, 'index.html'), 'utf8');
  const css = dist.match(/<link rel="stylesheet" href="\.\/([^"]+)"[^>]*>/)[1];
  const script = dist.match(/<script type="module" src="\.\/loader\.js" data-js="\.\/([^"]+)" data-wasm="\.\/([^"]+)"><\/script>/);
  const dir = join(work, 'host');
  execFileSync('mkdir', ['-p', dir]);
  writeFileSync(join(dir, 'host.css'), 'header, nav, footer { display: block; padding: 12px; background: #eef; } main { padding: 24px; margin: 0 10%; border: 4px solid #99c; }\n');
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Host CMS page</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/widget/${css}">
<link rel="stylesheet" href="host.css">
<script type="module" src="/widget/loader.js" data-js="./${script[1]}" data-wasm="./${script[2]}"></script>
</head><body>
<header>HOSTHEADERMARK Shenzhen AMR</header>
<nav>HOSTNAVMARK Home · Trade secrets · Services</nav>
<main><h1>Trade secret column</h1><div data-tscheck-mount></div></main>
<footer>HOSTFOOTERMARK Copyright</footer>
</body></html>`);
}

test('printing from a host page prints the widget only, in both modes, and leaves the host alone', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/host/?lang=en`);
    await page.waitForSelector('[data-app]');
    const hostMarks = ['HOSTHEADERMARK', 'HOSTNAVMARK', 'HOSTFOOTERMARK'];
    // The host printing on its own (the widget did not ask): the host's chrome prints.
    const own = await printToPdf(page);
    for (const mark of hostMarks) assert.ok(own.text.includes(mark), `${mark} in the host's own print`);
    const screenBefore = await page.screenshot();
    await importAnswers(page, MIXED);
    await page.click('[data-action=finish]');
    await page.waitForSelector('[data-report]');
    await stubPrint(page);
    for (const [action, heading] of [['print', 'Detailedreport'], ['print-summary', 'Summary']]) {
      await page.click(`[data-action=${action}]`);
      const printed = await printToPdf(page);
      for (const mark of hostMarks) assert.ok(!printed.text.includes(mark), `${mark} printed by "${action}"`);
      assert.ok(printed.text.includes(heading), `"${action}" prints the report`);
      await afterPrint(page);
    }
    // After printing, the host prints its own page again, chrome included.
    const later = await printToPdf(page);
    for (const mark of hostMarks) assert.ok(later.text.includes(mark));
    // And on screen, the host's chrome looks as it did.
    await page.evaluate(() => window.scrollTo(0, 0));
    const header = await page.$eval('header', (h) => getComputedStyle(h).display);
    assert.equal(header, 'block');
    assert.ok(screenBefore.length > 0);
  } finally {
    await context.close();
  }
});
