// Shared set-up for the end-to-end tests: a test server for dist/, Debian's Chromium driven
// by playwright-core (never a downloaded browser), and a watch on everything the page does
// that the product promises it never does (off-origin requests, CSP violations, errors).
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { startServer } from './server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Serves dist/ at `/` and under a sub-path, plus test fixtures at /fixtures/. */
export function serve(extraMounts = {}, options = {}) {
  return startServer({
    mounts: { '/': DIST, '/column/tools/': DIST, '/fixtures/': join(ROOT, 'tests', 'e2e', 'fixtures'), ...extraMounts },
    ...options,
  });
}

/**
 * Opens a page in a fresh context and records what it does: requests (with their origin),
 * console errors, page errors, CSP violations and dialogs.
 */
export async function openWidget(browser, url, { viewport = { width: 1100, height: 900 }, contextOptions = {} } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const watch = { requests: [], consoleErrors: [], pageErrors: [], cspViolations: [], dialogs: [], websockets: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('websocket', (ws) => watch.websockets.push(ws.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watch.pageErrors.push(e.message));
  page.on('dialog', async (d) => { watch.dialogs.push(d.message()); await d.dismiss(); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.waitForSelector('[data-app]');
  watch.collect = async () => {
    watch.cspViolations = await page.evaluate(() => window.__cspViolations).catch(() => watch.cspViolations);
    return watch;
  };
  return { context, page, watch };
}

/** Requests that went anywhere but the test server. */
export function offOrigin(watch, serverUrl) {
  const origin = new URL(serverUrl).origin;
  return watch.requests.filter((u) => {
    const { protocol, origin: o } = new URL(u);
    return !(o === origin || protocol === 'blob:' || protocol === 'data:');
  });
}

export const stage = (page) => page.getAttribute('[data-app]', 'data-stage');
export const lang = (page) => page.getAttribute('[data-app]', 'data-lang');

/** Fills the profile and goes to the first section. */
export async function fillProfile(page, { industry = 'general', crossBorder = false, partners = true, aiModels = false, orgName = '' } = {}) {
  if (await stage(page) === 'start') await page.click('[data-action=start]');
  await page.check(`[data-profile=industry] input[value="${industry}"]`);
  const cb = page.locator('[data-profile=cross-border]');
  if ((await cb.isChecked()) !== crossBorder) await cb.click();
  const pt = page.locator('[data-profile=partners]');
  if ((await pt.isChecked()) !== partners) await pt.click();
  const ai = page.locator('[data-profile=ai-models]');
  if ((await ai.isChecked()) !== aiModels) await ai.click();
  if (orgName) await page.fill('[data-profile=org-name]', orgName);
  await page.click('[data-action=next]');
  await page.waitForSelector('[data-app][data-stage=questions]');
}

/** What the page shows now, for a failure message: stage, section, and any error. */
async function whereIs(page) {
  return page.evaluate(() => {
    const app = document.querySelector('[data-app]');
    const section = document.querySelector('[data-section-id]');
    const errors = [...document.querySelectorAll('[data-error]')].map((e) => e.textContent.trim());
    return {
      stage: app?.dataset.stage ?? null,
      section: section?.dataset.sectionId ?? null,
      errors,
    };
  });
}

/**
 * Answers every visible question of every section with `pick` ('strongest' | 'weakest'),
 * moving with "next" until the review, and returns the ids answered.
 * Strongest: the highest data-score radio; every practice box (data-score > 0) of a checklist.
 * Weakest: the data-score 0 radio; the "none of these" box (value=none) of a checklist.
 * After each "next" it waits until the page has really moved (another section, or another
 * stage); a page that does not move, or comes back to a section already answered, fails with
 * what it shows instead.
 */
export async function answerAll(page, pick) {
  const answered = [];
  const visited = [];
  while (await stage(page) === 'questions') {
    const section = await page.getAttribute('[data-section-id]', 'data-section-id');
    if (visited.includes(section)) {
      throw new Error(`answerAll: "next" came back to section ${section} after ${visited.join(', ')}`);
    }
    visited.push(section);
    const ids = await page.$$eval('[data-question-id]', (els) => els.map((e) => e.dataset.questionId));
    for (const id of ids) {
      const q = page.locator(`[data-question-id="${id}"]`);
      const type = await q.locator('input[data-score]').first().getAttribute('type');
      if (type === 'radio') {
        const scores = await q.locator('input[type=radio][data-score]').evaluateAll((els) => els.map((e) => Number(e.dataset.score)));
        const target = pick === 'strongest' ? Math.max(...scores) : Math.min(...scores);
        await q.locator(`input[type=radio][data-score="${target}"]`).first().check();
      } else if (pick === 'strongest') {
        const boxes = q.locator('input[type=checkbox][data-score]:not([value=none])');
        for (let i = 0; i < await boxes.count(); i++) await boxes.nth(i).check();
      } else {
        await q.locator('input[type=checkbox][value=none]').check();
      }
      answered.push(id);
    }
    await page.click('[data-action=next]');
    try {
      await page.waitForFunction((from) => {
        const app = document.querySelector('[data-app]');
        const now = document.querySelector('[data-section-id]')?.dataset.sectionId;
        return app?.dataset.stage !== 'questions' || (now !== undefined && now !== from);
      }, section, { timeout: 10_000 });
    } catch (e) {
      const seen = await whereIs(page);
      throw new Error(`answerAll: after "next" on section ${section} the page did not move: ${JSON.stringify(seen)} (${e.message.split('\n')[0]})`);
    }
  }
  return answered;
}

// ---------------------------------------------------------------------------------------------
// The question bank as the tests see it: which questions and sections a profile should show,
// computed independently of the widget from assets/bank/bank.json.

export const BANK_PATH = join(ROOT, 'assets', 'bank', 'bank.json');

let bankCache;
/** The bundled question bank (parsed once). */
export function readBank() {
  bankCache ??= JSON.parse(readFileSync(BANK_PATH, 'utf8'));
  return bankCache;
}

/**
 * Evaluates a bank `show_if` condition against a test profile
 * ({ industry, crossBorder, partners, aiModels?, size?, stage? }). Conditions on answers are not
 * modelled here: a bank that starts using them makes this throw rather than guess.
 */
export function profileHolds(cond, profile) {
  if (cond == null) return true;
  const [[key, value], ...extra] = Object.entries(cond);
  if (extra.length) throw new Error(`condition with several keys: ${JSON.stringify(cond)}`);
  switch (key) {
    case 'industry': return value.includes(profile.industry);
    case 'size': return value.includes(profile.size);
    case 'stage': return value.includes(profile.stage);
    case 'cross_border': return Boolean(profile.crossBorder) === value;
    case 'partners': return (profile.partners ?? true) === value;
    case 'ai_models': return Boolean(profile.aiModels) === value;
    case 'all': return value.every((c) => profileHolds(c, profile));
    case 'any': return value.some((c) => profileHolds(c, profile));
    case 'not': return !profileHolds(value, profile);
    default: throw new Error(`condition not modelled by the tests: ${JSON.stringify(cond)}`);
  }
}

/** The bank's questions a profile shows, in bank order. */
export function visibleQuestions(bank, profile) {
  const modules = new Map(bank.modules.map((m) => [m.id, m]));
  return bank.questions.filter((q) => profileHolds(modules.get(q.module).show_if, profile) && profileHolds(q.show_if, profile));
}

/** The sections (dimension ids) a profile shows, in bank order, each with its questions. */
export function visibleSections(bank, profile) {
  const questions = visibleQuestions(bank, profile);
  return bank.dimensions
    .map((d) => ({ id: d.id, dimension: d, questions: questions.filter((q) => q.dimension === d.id) }))
    .filter((s) => s.questions.length > 0);
}

/**
 * An answers file (the format `export` writes) for a profile: every visible question answered
 * by `choose(question)`, which returns 'strongest', 'weakest', 'na' or null (leave unanswered).
 */
export function answersFile(bank, profile, choose) {
  const answers = {};
  for (const q of visibleQuestions(bank, profile)) {
    const pick = choose(q);
    if (pick == null) continue;
    if (pick === 'na') answers[q.id] = 'na';
    else if (q.kind === 'checklist') answers[q.id] = pick === 'strongest' ? q.options.map((o) => o.id) : [];
    else {
      const scores = q.options.map((o) => o.score);
      const target = pick === 'strongest' ? Math.max(...scores) : Math.min(...scores);
      answers[q.id] = q.options.find((o) => o.score === target).id;
    }
  }
  return {
    format: 'tscheck-answers',
    version: 1,
    bank: { id: bank.id, version: bank.version },
    profile: {
      industry: profile.industry,
      cross_border: Boolean(profile.crossBorder),
      partners: profile.partners ?? true,
      ai_models: Boolean(profile.aiModels),
      org_name: profile.orgName ?? '',
    },
    answers,
  };
}

/** Loads an answers file through the start screen's import input; the widget shows the review. */
export async function importAnswers(page, file) {
  await page.setInputFiles('[data-action=import]', {
    name: 'answers.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.waitForSelector('[data-app][data-stage=review]');
}

/** From the start screen: imports `file`, finishes, and waits for the report. */
export async function openReport(page, file) {
  await importAnswers(page, file);
  await page.click('[data-action=finish]');
  await page.waitForSelector('[data-app][data-stage=report] [data-report]');
}

/**
 * Answers the questions on the current page only, like answerAll does, and returns what was
 * chosen: [{ id, values }] with the option values ticked or chosen.
 */
export async function answerSection(page, pick) {
  const questions = await page.$$eval('[data-question-id]', (els) => els.map((q) => ({
    id: q.dataset.questionId,
    inputs: [...q.querySelectorAll('input[data-score]')].map((i) => ({ type: i.type, value: i.value, score: Number(i.dataset.score) })),
  })));
  const chosen = [];
  for (const q of questions) {
    let values;
    if (q.inputs[0].type === 'radio') {
      const scores = q.inputs.map((i) => i.score);
      const target = pick === 'strongest' ? Math.max(...scores) : Math.min(...scores);
      values = [q.inputs.find((i) => i.score === target).value];
    } else {
      values = pick === 'strongest' ? q.inputs.filter((i) => i.value !== 'none').map((i) => i.value) : ['none'];
    }
    for (const v of values) await page.check(`[data-question-id="${q.id}"] input[value="${v}"]`);
    chosen.push({ id: q.id, values });
  }
  return chosen;
}

/** Ids of the checked inputs inside the widget (answers as the page shows them). */
export const checkedInputs = (page) => page.$$eval('[data-question-id] input:checked', (els) => els.map((e) => e.id));

// ---------------------------------------------------------------------------------------------
// Storage, files and PDF: used by the persistence, files, hostile and network tests.

export const PROGRESS_KEY = 'tscheck.progress.v1';

/**
 * Opens the widget like openWidget, with init scripts that run before any page script on every
 * load of every page of the context: `init` is a list of [function, argument] pairs.
 */
export function openWidgetWith(browser, url, { init = [], ...options } = {}) {
  const withInit = {
    newContext: async (contextOptions) => {
      const context = await browser.newContext(contextOptions);
      for (const [fn, arg] of init) await context.addInitScript(fn, arg);
      return context;
    },
  };
  return openWidget(withInit, url, options);
}

/**
 * Every `tscheck.` key in the page's storages: { session: { key: value }, local: { key: value } }.
 * Read in a task of its own: the widget saves in the task right after a change, and a timer
 * set now runs after the one the widget set then.
 */
export const tscheckStorage = (page) => page.evaluate(() => new Promise((done) => setTimeout(() => {
  const pick = (s) => Object.fromEntries(Object.keys(s).filter((k) => k.startsWith('tscheck.')).map((k) => [k, s.getItem(k)]));
  done({ session: pick(sessionStorage), local: pick(localStorage) });
})));

/** Clicks export and returns { download, text, json } of the file the browser was handed. */
export async function exportAnswers(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=export]')]);
  const text = readFileSync(await download.path(), 'utf8');
  return { download, text, json: JSON.parse(text) };
}

/** Hands `content` (an object, a string or a Buffer) to the import or compare file input. */
export function chooseFile(page, action, content, name = 'answers.json') {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(typeof content === 'string' ? content : JSON.stringify(content));
  return page.setInputFiles(`[data-action=${action}]`, { name, mimeType: 'application/json', buffer });
}

/** Prints the page to a PDF (A4, backgrounds) and returns its text as pdftotext reads it. */
export async function pdfText(page) {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { execFileSync } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'tscheck-pdf-'));
  try {
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
