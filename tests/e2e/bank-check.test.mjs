// The bank check page (bank-check.html): an editor chooses a bank file and sees, without any
// upload, either every problem at once (zh and en, each at its JSON path, with line and column
// for a JSON syntax error) or that the bank is valid, its coverage, what changed against the
// bundled bank, and a preview of every question, zh and en side by side.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launch, serve, offOrigin, ROOT } from './helpers.mjs';

const BANK_TEXT = readFileSync(join(ROOT, 'assets', 'bank', 'bank.json'), 'utf8');
const bank = JSON.parse(BANK_TEXT);
const MINI_TEXT = readFileSync(join(ROOT, 'tests', 'fixtures', 'mini-bank.json'), 'utf8');
const SEVERAL = readFileSync(join(ROOT, 'tests', 'fixtures', 'broken', 'several-problems.json'));

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens the page (under the sub-path by default) and records requests, errors and CSP reports. */
async function open(path = '/column/tools/bank-check.html') {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const watch = { requests: [], errors: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') watch.errors.push(m.text()); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
  });
  await page.goto(server.url + path);
  await page.waitForSelector('[data-bank-check] [data-action=check-bank]');
  return { context, page, watch };
}

const choose = (page, name, text) => page.setInputFiles('[data-action=check-bank]', {
  name, mimeType: 'application/json', buffer: Buffer.from(text),
});

const problems = (page) => page.$$eval('[data-bank-problem]', (els) => els.map((e) => ({
  path: e.dataset.path, zh: e.querySelector('[lang=zh-CN]').textContent, en: e.querySelector('[lang=en]').textContent,
})));

test('a valid bank: ok, coverage, same as the bundled bank, every question previewed in zh and en', async () => {
  const { context, page, watch } = await open();
  assert.equal(await page.$('[data-bank-ok]'), null, 'nothing is shown before a file is chosen');
  await choose(page, 'bank.json', BANK_TEXT);
  await page.waitForSelector('[data-bank-ok]');
  assert.equal(await page.$$eval('[data-bank-problem]', (e) => e.length), 0);
  const ok = await page.textContent('[data-bank-ok]');
  assert.match(ok, new RegExp(`题库有效：${bank.id}，版本 ${bank.version.replace('.', '\\.')}`));
  const critical = bank.questions.filter((q) => q.critical).length;
  assert.match(ok, new RegExp(`${bank.questions.length} 道题，其中 ${critical} 道针对司法解释列举的保密措施`));
  // Coverage: one row per module and per dimension, with its number of questions.
  const rows = await page.$$eval('.bc-counts tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.equal(rows.length, bank.modules.length + bank.dimensions.length);
  const general = bank.questions.filter((q) => q.module === bank.modules[0].id).length;
  assert.ok(rows.some((r) => r.includes(bank.modules[0].id) && r.includes(`${general} 道题`)), rows.join('\n'));
  assert.ok(await page.$('[data-diff-same]'), 'the bundled bank compared with itself is the same');
  // Every question is previewed once, in both languages side by side.
  const ids = await page.$$eval('[data-preview-question]', (els) => els.map((e) => e.dataset.previewQuestion));
  assert.deepEqual([...ids].sort(), bank.questions.map((q) => q.id).sort());
  const q = bank.questions[0];
  const card = page.locator(`[data-preview-question="${q.id}"]`);
  assert.equal((await card.locator('[lang=zh-CN] .bc-qtext').textContent()), q.text.zh);
  assert.equal((await card.locator('[lang=en] .bc-qtext').textContent()), q.text.en);
  assert.equal(await card.locator('[lang=en] .bc-options tbody tr').count(), q.options.length);
  // A condition reads as words in both languages.
  const gated = bank.questions.find((x) => x.show_if && x.show_if.partners === true);
  assert.ok(gated, 'the bundled bank has a question shown only with partners');
  const gatedCard = page.locator(`[data-preview-question="${gated.id}"]`);
  assert.match(await gatedCard.locator('[lang=zh-CN]').textContent(), /显示条件：与外部合作方共享信息/);
  assert.match(await gatedCard.locator('[lang=en]').textContent(), /Shown when the enterprise shares information with external partners/);
  // The interface switches language; the preview stays bilingual.
  await page.click('[data-action=lang-en]');
  assert.equal(await page.textContent('h1'), 'Bank check');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('[data-bank-ok]'), /The bank is valid/);
  assert.equal((await card.locator('[lang=zh-CN] .bc-qtext').textContent()), q.text.zh);
  assert.deepEqual(offOrigin(watch, server.url), []);
  assert.deepEqual(watch.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.ok(!server.log.some((l) => l.method !== 'GET'), 'nothing was uploaded');
  await context.close();
});

test('broken banks: every problem at once, in zh and en, at its JSON path; a syntax error with line and column', async () => {
  const { context, page } = await open('/bank-check.html');
  await choose(page, 'several.json', SEVERAL);
  await page.waitForSelector('[data-bank-problem]');
  const found = await problems(page);
  assert.deepEqual(found.map((p) => p.path), [
    '$.dimensions[0].weight', '$.questions[1].options[1].score', '$.questions[3].help.en',
    '$.questions[5].module', '$.services[0].url', '$.dimensions[2]',
  ]);
  assert.match(found[0].en, /weight must be greater than 0/);
  assert.ok(found.every((p) => p.zh.trim() && p.en.trim() && p.zh !== p.en));
  assert.match(await page.textContent('[role=alert] h2'), /发现 6 个问题/);
  assert.equal(await page.$('[data-bank-ok]'), null);
  assert.equal(await page.$('[data-preview-question]'), null);

  // A missing comma after "version" (line 5 of the mini bank): the reader stops at line 6, column 2.
  const syntax = MINI_TEXT.replace('"version": "1.0",', '"version": "1.0"');
  assert.notEqual(syntax, MINI_TEXT);
  await choose(page, 'syntax.json', syntax);
  await page.waitForFunction(() => document.querySelectorAll('[data-bank-problem]').length === 1);
  const [p] = await problems(page);
  assert.equal(p.path, '$');
  assert.match(p.zh, /不是有效的 JSON（第 6 行第 2 列/);
  assert.match(p.en, /not valid JSON \(line 6, column 2/);

  // Fixing the file and choosing it again replaces the problems with the ok notice.
  await choose(page, 'mini.json', MINI_TEXT);
  await page.waitForSelector('[data-bank-ok]');
  assert.equal(await page.$('[data-bank-problem]'), null);
  assert.equal(await page.$$eval('[data-preview-question]', (e) => e.length), 6);
  await context.close();
});

test('a changed bank: what was added and changed against the bundled bank', async () => {
  const changed = structuredClone(bank);
  const [first, second] = changed.questions;
  const originalEn = first.text.en;
  first.text.en = `${originalEn} (revised)`;
  second.weight = second.weight + 1;
  const added = structuredClone(changed.questions.find((q) => !q.critical && !q.show_if && q.module === changed.modules[0].id));
  added.id = 'zz-editor-added';
  changed.questions.push(added);
  const { context, page } = await open();
  await choose(page, 'changed.json', JSON.stringify(changed, null, 1));
  await page.waitForSelector('[data-bank-ok]');
  assert.equal(await page.$('[data-diff-same]'), null);
  assert.match(await page.textContent('[data-bank-diff]'), /新增 1 道题，删除 0 道题，修改 2 道题，其他修改 0 处。/);
  assert.deepEqual(await page.$$eval('[data-diff-added]', (e) => e.map((x) => x.dataset.diffAdded)), ['zz-editor-added']);
  assert.deepEqual(await page.$$eval('[data-diff-removed]', (e) => e.length), 0);
  assert.deepEqual(await page.$$eval('[data-diff-changed]', (e) => e.map((x) => x.dataset.diffChanged)), [first.id, second.id]);
  const textChange = await page.textContent(`[data-diff-changed="${first.id}"]`);
  assert.ok(textChange.includes('text'), textChange);
  assert.ok(textChange.includes(`| ${originalEn}新`) && textChange.endsWith(`| ${originalEn} (revised)`), textChange);
  const weightChange = await page.textContent(`[data-diff-changed="${second.id}"]`);
  assert.ok(weightChange.includes('weight') && weightChange.includes(String(second.weight)), weightChange);
  assert.ok(await page.$('[data-preview-question="zz-editor-added"]'));

  // Compared with a second file (here the changed bank itself), nothing differs.
  await page.setInputFiles('[data-action=compare-bank]', { name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) });
  await page.waitForSelector('[data-diff-same]');
  assert.equal(await page.textContent('[data-bank-diff] h2'), '与 changed.json 比较');
  assert.equal(await page.$('[data-diff-changed]'), null);
  // A broken comparison file is refused with a message; the comparison stays with the bundled bank.
  await page.setInputFiles('[data-action=compare-bank]', { name: 'several.json', mimeType: 'application/json', buffer: SEVERAL });
  await page.waitForSelector('[data-bank-diff] [role=alert]');
  assert.match(await page.textContent('[data-bank-diff] [role=alert]'), /several\.json 不是有效的题库（6 个问题）/);
  assert.deepEqual(await page.$$eval('[data-diff-added]', (e) => e.map((x) => x.dataset.diffAdded)), ['zz-editor-added']);
  assert.equal(await page.$('[data-bank-problem]'), null, 'the comparison file\'s problems are not the bank\'s');
  await context.close();
});

test('the page is reachable by keyboard and every control has a name', async () => {
  const { context, page } = await open();
  const input = page.locator('[data-action=check-bank]');
  assert.equal(await input.getAttribute('id'), 'bc-file');
  assert.ok(await page.$('label[for=bc-file]'));
  const focused = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    focused.push(await page.evaluate(() => document.activeElement.dataset.action || document.activeElement.tagName));
  }
  assert.ok(focused.includes('check-bank'), focused.join(' '));
  assert.ok(focused.includes('lang-en'), focused.join(' '));
  await context.close();
});

test('bank-check.html beside index.html: relative URLs only, no inline script, its own wasm', () => {
  const html = readFileSync(join(ROOT, 'dist', 'bank-check.html'), 'utf8');
  assert.doesNotMatch(html, /https?:\/\/|<base\b/i);
  for (const [, attr, value] of html.matchAll(/\b(src|href|data-js|data-wasm)="([^"]*)"/g)) {
    assert.match(value, /^\.\/[^/]/, `${attr}="${value}" is relative`);
  }
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'every script is a file');
  assert.match(html, /data-wasm="\.\/bank-check-[0-9a-f]+_bg\.wasm"/);
  const index = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  assert.doesNotMatch(index, /bank-check/, 'the widget does not load the page\'s files');
});

test('axe finds no WCAG 2.1 A/AA violation on the page, empty, with problems and with a preview, in both languages', async () => {
  const { context, page } = await open();
  const scan = async (name) => {
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    assert.deepEqual(summary, [], `axe on ${name}`);
  };
  for (const language of ['zh', 'en']) {
    await page.click(`[data-action=lang-${language}]`);
    await scan(`empty (${language})`);
    await choose(page, 'several.json', SEVERAL);
    await page.waitForSelector('[data-bank-problem]');
    await scan(`problems (${language})`);
    await choose(page, 'mini.json', MINI_TEXT);
    await page.waitForSelector('[data-bank-ok]');
    await scan(`preview (${language})`);
  }
  await context.close();
});
