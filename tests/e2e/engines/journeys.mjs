// The main journeys of a visitor, run in one engine over W3C WebDriver (see webdriver.mjs), on
// the release build in dist/ served under a sub-path with the strict CSP. The widget is driven
// only through the stable hooks of the test contract, with the driver's trusted clicks and key
// input; numbers are checked against `tscheck score` (the native CLI) for the same answers.
// webkit.test.mjs and firefox.test.mjs each run these in their engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, BANK_PATH, serve, readBank, answersFile } from '../helpers.mjs';
import { Browser, ENGINES, poll } from './webdriver.mjs';

const run = promisify(execFile);
const bank = readBank();
const INDUSTRY = 'biomedical';
const squash = (s) => s.replace(/\s+/g, '');
/** Answers with each checklist's ticks sorted (a file lists them in any order). */
const sorted = (answers) => Object.fromEntries(Object.entries(answers).map(([id, v]) => [id, Array.isArray(v) ? [...v].sort() : v]));

/**
 * Whether pdftotext's text of a Firefox PDF has `want`. Firefox's PDF text layer maps some CJK
 * glyphs of the Noto CJK fonts to a Kangxi radical that looks the same (自 as ⾃; NFKC on both
 * sides undoes it) and some to no character at all (U+FFFD): those may stand for any character,
 * but at least half of `want`'s characters must be there as themselves.
 */
function pdfHas(text, want) {
  const flat = squash(text.normalize('NFKC'));
  const chars = [...squash(want.normalize('NFKC'))];
  const pattern = new RegExp(chars.map((c) => `(?:${c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}|\uFFFD)`).join(''), 'gu');
  for (const m of flat.matchAll(pattern)) {
    if ([...m[0]].filter((c) => c !== '\uFFFD').length * 2 >= chars.length) return true;
  }
  return false;
}

/** `tscheck score` (the native CLI) of an answers file: { overall, level, dimensions, red_flags }. */
async function cliScore(file) {
  const { stdout } = await run('cargo', ['run', '--quiet', '--locked', '--bin', 'tscheck', '--', 'score', BANK_PATH, file, '--format', 'json'],
    { cwd: ROOT, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}

/**
 * The answer the journeys give to the k-th question shown: a fixed mix of strong, weak, middle
 * and "not applicable" answers, so that the score is neither 0 nor 100 and red flags appear.
 * `inputs` are the question's option inputs as { type, value, scored }; returns option values.
 */
function choose(inputs, k) {
  const na = inputs.find((i) => i.value === 'na');
  if (na && k % 6 === 5) return ['na'];
  if (inputs[0].type === 'radio') {
    const options = inputs.filter((i) => i.scored);
    return [options[(k * 3) % options.length].value];
  }
  if (k % 5 === 4) return ['none'];
  const practices = inputs.filter((i) => i.scored && i.value !== 'none');
  const picked = practices.filter((_, i) => (i + k) % 2 === 0);
  return (picked.length ? picked : practices.slice(0, 1)).map((i) => i.value);
}

/** The same choice for a bank question, as an answers-file value. */
function chooseForFile(q, k) {
  const inputs = q.kind === 'checklist'
    ? [...q.options.map((o) => ({ type: 'checkbox', value: o.id, scored: true })), { type: 'checkbox', value: 'none', scored: true }]
    : q.options.map((o) => ({ type: 'radio', value: o.id, scored: true }));
  if (q.not_applicable) inputs.push({ type: inputs[0].type, value: 'na', scored: false });
  const values = choose(inputs, k);
  if (values[0] === 'na') return 'na';
  if (q.kind === 'checklist') return values[0] === 'none' ? [] : values;
  return values[0];
}

/** An answers file for the journeys' profile, answered as the widget journeys answer. */
function fileAnswers(profile) {
  let k = 0;
  const file = answersFile(bank, profile, () => 'strongest');
  const visible = new Set(Object.keys(file.answers));
  file.answers = {};
  for (const q of bank.questions) if (visible.has(q.id)) file.answers[q.id] = chooseForFile(q, k++);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Reading and driving the widget through the contract's hooks.

const stageOf = (b) => b.exec(() => document.querySelector('[data-app]')?.dataset.stage ?? null);
const langOf = (b) => b.exec(() => document.querySelector('[data-app]')?.dataset.lang ?? null);
const sectionOf = (b) => b.exec(() => document.querySelector('[data-section-id]')?.dataset.sectionId ?? null);
const checkedOf = (b) => b.exec(() => [...document.querySelectorAll('[data-question-id] input:checked')]
  .map((i) => `${i.closest('[data-question-id]').dataset.questionId}=${i.value}`).sort());

/** The questions on the current page, each with its option inputs. */
const questionsOf = (b) => b.exec(() => [...document.querySelectorAll('[data-question-id]')].map((q) => ({
  id: q.dataset.questionId,
  inputs: [...q.querySelectorAll('input')].map((i) => ({ type: i.type, value: i.value, scored: i.dataset.score !== undefined })),
})));

const readReport = (b) => b.exec(() => {
  const r = document.querySelector('[data-report]');
  return {
    overall: Number(r.dataset.overall),
    level: Number(r.dataset.level),
    dimensions: Object.fromEntries([...r.querySelectorAll('[data-dimension-id]')].map((e) => [e.dataset.dimensionId, Number(e.dataset.score)])),
    redFlags: [...r.querySelectorAll('[data-red-flag]')].map((e) => e.dataset.redFlag).sort(),
  };
});

/** Opens the widget under the sub-path and waits for its start screen. */
async function openStart(b, url) {
  await b.navigate(url);
  await b.waitFor('[data-app][data-stage=start]');
}

/** From the start screen: the profile with the journeys' industry, then the first section. */
async function startProfile(b) {
  await b.click('[data-action=start]');
  await b.waitFor('[data-app][data-stage=profile]');
  await b.click(`[data-profile=industry] input[value="${INDUSTRY}"]`);
  const profile = await b.exec(() => ({
    industry: document.querySelector('[data-profile=industry] input:checked')?.value,
    crossBorder: document.querySelector('[data-profile=cross-border]').checked,
    partners: document.querySelector('[data-profile=partners]').checked,
  }));
  assert.equal(profile.industry, INDUSTRY, 'the industry radio is checked by a click');
  await b.click('[data-action=next]');
  await b.waitFor('[data-app][data-stage=questions] [data-section-id]');
  return profile;
}

/**
 * Answers the questions of the current section with `choose`, numbering them from `k`; answers
 * questions that appear meanwhile too. Returns { k, answers } with answers-file values.
 */
async function answerSection(b, k, answers, limit = Infinity) {
  const done = new Set();
  for (let round = 0; round < 5; round++) {
    const todo = (await questionsOf(b)).filter((q) => !done.has(q.id));
    if (todo.length === 0 || done.size >= limit) break;
    for (const q of todo) {
      if (done.size >= limit) break;
      const values = choose(q.inputs, k++);
      for (const v of values) await b.click(`[data-question-id="${q.id}"] input[value="${v}"]`);
      const checklist = q.inputs[0].type === 'checkbox';
      answers[q.id] = values[0] === 'na' ? 'na' : checklist ? (values[0] === 'none' ? [] : values) : values[0];
      done.add(q.id);
    }
  }
  return k;
}

/** Clicks "next" and waits until another section (or another stage) is shown. */
async function next(b) {
  const before = await sectionOf(b);
  await b.click('[data-action=next]');
  await poll(async () => (await stageOf(b)) !== 'questions' || (await sectionOf(b)) !== before, 20_000,
    () => b.describe().then((d) => `the page after section ${before} (${d})`));
}

/** Imports an answers file through the file input (the driver types its path), then the report. */
async function importToReport(b, path) {
  await b.sendKeys('[data-action=import]', path);
  await b.waitFor('[data-app][data-stage=review]');
  await b.click('[data-action=finish]');
  await b.waitFor('[data-app][data-stage=report] [data-report]');
  return readReport(b);
}

/** The report must equal `tscheck score` of the same answers file. */
function assertSameAsCli(report, cli, what) {
  assert.equal(report.overall, cli.overall, `${what}: overall score as tscheck score`);
  assert.equal(report.level, cli.level, `${what}: level as tscheck score`);
  const cliDims = Object.fromEntries(cli.dimensions.filter((d) => d.score !== null && d.score !== undefined).map((d) => [d.id, d.score]));
  assert.deepEqual(report.dimensions, cliDims, `${what}: dimension scores as tscheck score`);
  assert.deepEqual(report.redFlags, [...cli.red_flags].sort(), `${what}: red flags as tscheck score`);
}

// ---------------------------------------------------------------------------------------------

/** Registers the journeys for one engine ('webkit' or 'firefox'). */
export function journeys(engine) {
  const { label, print } = ENGINES[engine];
  let server, dir, url;
  const open = () => Browser.open(engine);

  before(async () => {
    server = await serve();
    url = `${server.url}/column/tools/`;
    dir = mkdtempSync(join(tmpdir(), `tscheck-journeys-${engine}-`));
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh browser for one test, always closed (with its driver and Xvfb) afterwards. */
  async function withBrowser(fn) {
    const b = await open();
    try { return await fn(b); } finally { await b.close(); }
  }

  test(`${label}: the start screen loads under a sub-path with the strict CSP`, () => withBrowser(async (b) => {
    await openStart(b, url);
    const shown = await b.exec(() => ({
      stage: document.querySelector('[data-app]').dataset.stage,
      lang: document.querySelector('[data-app]').dataset.lang,
      start: document.querySelectorAll('[data-action=start]').length,
      notice: document.querySelector('[data-privacy-notice]')?.textContent.trim().length ?? 0,
      errors: [...document.querySelectorAll('[data-error], [data-app][data-stage=error]')].map((e) => e.textContent.trim()),
    }));
    assert.deepEqual(shown.errors, [], 'no error stage or message');
    assert.equal(shown.stage, 'start');
    assert.equal(shown.lang, 'zh', 'Chinese first');
    assert.equal(shown.start, 1, 'one start button');
    assert.ok(shown.notice > 0, 'the privacy notice is shown');
    const csp = (await fetch(url)).headers.get('content-security-policy');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, 'the page was served with the strict CSP');
  }));

  test(`${label}: a complete ${INDUSTRY} run reaches the report, scored as tscheck score scores it`, () => withBrowser(async (b) => {
    await openStart(b, url);
    const profile = await startProfile(b);
    const answers = {};
    let k = 0;
    const sections = [];
    for (let guard = 0; guard < 60 && (await stageOf(b)) === 'questions'; guard++) {
      sections.push(await sectionOf(b));
      k = await answerSection(b, k, answers);
      await next(b);
    }
    assert.equal(await stageOf(b), 'review', `the review after the sections ${sections.join(', ')}`);
    await b.click('[data-action=finish]');
    await b.waitFor('[data-app][data-stage=report] [data-report]');
    const report = await readReport(b);

    const file = answersFile(bank, profile, () => null);
    file.answers = answers;
    assert.deepEqual(Object.keys(answers).sort(), Object.keys(fileAnswers(profile).answers).sort(),
      'the widget asked exactly the questions the bank shows this profile');
    const path = join(dir, 'run.json');
    writeFileSync(path, JSON.stringify(file, null, 2));
    assertSameAsCli(report, await cliScore(path), `${INDUSTRY} run of ${k} questions`);
    assert.ok(report.overall > 0 && report.overall < 100, `a score between the extremes: ${report.overall}`);
  }));

  test(`${label}: a language switch keeps the answers; a reload restores the stage and answers`, () => withBrowser(async (b) => {
    await openStart(b, url);
    await startProfile(b);
    const answers = {};
    const first = await sectionOf(b);
    let k = await answerSection(b, 0, answers);
    const firstChecked = await checkedOf(b);
    await next(b);
    const second = await sectionOf(b);
    k = await answerSection(b, k, answers, 1);
    const secondChecked = await checkedOf(b);
    assert.ok(firstChecked.length > 0 && secondChecked.length > 0, 'answers were given on both pages');

    await b.click('[data-action=lang-en]');
    await b.waitFor('[data-app][data-lang=en]');
    assert.equal(await sectionOf(b), second, 'the same section after the switch');
    assert.deepEqual(await checkedOf(b), secondChecked, 'the same answers after switching to English');

    await b.refresh();
    await b.waitFor('[data-app][data-stage=questions] [data-section-id]');
    assert.equal(await langOf(b), 'en', 'the language survives the reload');
    assert.equal(await sectionOf(b), second, 'the reload restores the section');
    assert.deepEqual(await checkedOf(b), secondChecked, 'the reload restores the answers of this page');

    await b.click('[data-action=lang-zh]');
    await b.waitFor('[data-app][data-lang=zh]');
    await b.click('[data-action=prev]');
    await b.waitFor(`[data-section-id="${first}"]`);
    assert.deepEqual(await checkedOf(b), firstChecked, 'the first page keeps its answers through the switches and the reload');
  }));

  test(`${label}: an exported answers file imported in a fresh session gives the same report`, async () => {
    const given = fileAnswers({ industry: INDUSTRY, crossBorder: true, partners: true });
    const givenPath = join(dir, 'given.json');
    writeFileSync(givenPath, JSON.stringify(given));
    const exportedPath = join(dir, 'exported.json');

    const first = await withBrowser(async (b) => {
      await openStart(b, url);
      const report = await importToReport(b, givenPath);
      await b.click('[data-report] [data-action=export]');
      const { name, text } = await b.downloaded();
      assert.match(name, /\.json$/);
      writeFileSync(exportedPath, text);
      const exported = JSON.parse(text);
      assert.equal(exported.format, 'tscheck-answers');
      assert.deepEqual(exported.profile.industry, INDUSTRY);
      assert.equal(exported.profile.cross_border, true);
      assert.deepEqual(sorted(exported.answers), sorted(given.answers), 'the exported file holds the answers that were imported');
      return report;
    });
    assertSameAsCli(first, await cliScore(givenPath), 'the imported file');

    const second = await withBrowser(async (b) => {
      await openStart(b, url);
      return importToReport(b, exportedPath);
    });
    assert.deepEqual(second, first, 'the exported file gives the same report in a fresh session');
  });

  if (print) {
    test(`${label}: the report prints (W3C Print Page) to a PDF with the score and Chinese text`, () => withBrowser(async (b) => {
      const given = fileAnswers({ industry: INDUSTRY, crossBorder: false, partners: true });
      const path = join(dir, 'print.json');
      writeFileSync(path, JSON.stringify(given));
      await openStart(b, url);
      const report = await importToReport(b, path);
      const pdf = join(dir, 'report.pdf');
      writeFileSync(pdf, await b.print());
      const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { timeout: 60_000 });
      const { stdout: layout } = await run('pdftotext', ['-enc', 'UTF-8', '-layout', '-l', '1', pdf, '-'], { timeout: 60_000 });
      const shown = `pdftotext: ${text.slice(0, 600)}`;
      assert.ok(pdfHas(text, '商业秘密保护风险自测报告'), `the Chinese report heading in the PDF; ${shown}`);
      assert.ok(pdfHas(text, '总分'), `the Chinese label of the overall score; ${shown}`);
      assert.match(layout, new RegExp(`(^|\\s)${report.overall}\\s*/\\s*100(\\s|$)`, 'm'),
        `the overall score ${report.overall} / 100 on page 1; pdftotext -layout: ${layout.slice(0, 600)}`);
      const levelName = bank.scoring.levels[report.level - 1].name.zh;
      assert.ok(pdfHas(text, levelName), `the level name ${levelName}; ${shown}`);
      assert.ok(report.redFlags.length > 0, 'the answers give red flags');
      for (const id of report.redFlags) {
        assert.ok(pdfHas(text, bank.questions.find((q) => q.id === id).text.zh), `the red flag ${id} in Chinese; ${shown}`);
      }
      // The Chinese text is set in a CJK font that the PDF embeds, not in a fallback's boxes.
      const { stdout: fonts } = await run('pdffonts', [pdf], { timeout: 60_000 });
      assert.match(fonts, /CJK/, `a CJK font is embedded: ${fonts}`);
    }));
  }
}
