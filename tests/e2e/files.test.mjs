// The answers file: export writes a local download in the contract's format; import restores a
// self-check in another browser; compare shows the change against a previous self-check; a
// foreign, old, damaged, oversized or ill-typed file is refused with a message and changes
// nothing; answers to questions the bank no longer has are reported and ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launch, serve, openWidget, stage, fillProfile, readBank, answersFile, openReport, importAnswers,
  answerSection, checkedInputs, tscheckStorage, exportAnswers, chooseFile, PROGRESS_KEY, ROOT,
} from './helpers.mjs';

const bank = readBank();
const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures', 'files');
const fixture = (name) => readFileSync(join(FIXTURES, name));

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = () => openWidget(browser, server.url + '/');

/** What the report shows: overall, level and every dimension's score (and delta). */
const readReport = (page) => page.$eval('[data-report]', (r) => ({
  overall: r.dataset.overall,
  level: r.dataset.level,
  dimensions: Object.fromEntries([...r.querySelectorAll('[data-dimension-id]')].map((d) => [d.dataset.dimensionId, Number(d.dataset.score)])),
}));
const deltas = (page) => page.$$eval('[data-dimension-id][data-delta]', (els) => Object.fromEntries(els.map((d) => [d.dataset.dimensionId, Number(d.dataset.delta)])));

async function finish(page) {
  await page.click('[data-action=finish]');
  await page.waitForSelector('[data-app][data-stage=report] [data-report]');
}

/**
 * Answers every section, varying the kind of answer from question to question: "not
 * applicable" where offered, the strongest, the weakest or a middle option, every practice,
 * none of them or two. Returns the answers as the file should state them.
 */
async function answerMixed(page) {
  const expected = {};
  let n = 0;
  for (let guard = 0; guard < 40 && (await stage(page)) === 'questions'; guard++) {
    const section = await page.getAttribute('[data-section-id]', 'data-section-id');
    const questions = await page.$$eval('[data-question-id]', (els) => els.map((q) => ({
      id: q.dataset.questionId,
      type: q.querySelector('input[data-score]').type,
      na: Boolean(q.querySelector('input[value=na]')),
      options: [...q.querySelectorAll('input[data-score]')].map((i) => ({ value: i.value, score: Number(i.dataset.score) })),
    })));
    for (const q of questions) {
      const rule = n++ % 3;
      const input = (v) => `[data-question-id="${q.id}"] input[value="${v}"]`;
      if (q.na && rule === 0) {
        await page.check(input('na'));
        expected[q.id] = 'na';
      } else if (q.type === 'radio') {
        const sorted = [...q.options].sort((a, b) => a.score - b.score);
        const pick = [sorted.at(-1), sorted[0], sorted[1]][rule];
        await page.check(input(pick.value));
        expected[q.id] = pick.value;
      } else {
        const practices = q.options.filter((o) => o.value !== 'none').map((o) => o.value);
        const ticks = [practices, [], practices.slice(0, 2)][rule];
        if (ticks.length === 0) await page.check(input('none'));
        for (const v of ticks) await page.check(input(v));
        expected[q.id] = [...ticks].sort();
      }
    }
    await page.click('[data-action=next]');
    await page.waitForFunction((previous) => {
      const app = document.querySelector('[data-app]');
      return app.dataset.stage !== 'questions' || document.querySelector('[data-section-id]')?.dataset.sectionId !== previous;
    }, section);
  }
  assert.equal(await stage(page), 'review');
  return expected;
}

const sortedAnswers = (answers) => Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]));

test('export saves a local file in the contract\'s format, and import restores it in a fresh browser', async () => {
  const profile = { industry: 'biomedical', crossBorder: true, partners: true, orgName: 'Export 测试 Co.' };
  const first = await open();
  let exported, report;
  try {
    await fillProfile(first.page, profile);
    const expected = await answerMixed(first.page);
    assert.ok(Object.values(expected).includes('na'), 'the walk chose "not applicable" somewhere');
    assert.ok(Object.values(expected).some((v) => Array.isArray(v) && v.length === 0), 'and "none of these"');
    assert.ok(Object.values(expected).some((v) => Array.isArray(v) && v.length > 0), 'and ticked practices');
    await finish(first.page);
    report = await readReport(first.page);

    const before = server.log.length;
    exported = await exportAnswers(first.page);
    assert.equal(server.log.length, before, 'exporting asked the server for nothing');
    assert.match(exported.download.url(), /^blob:/, 'the download is a local blob');
    assert.match(exported.download.suggestedFilename(), /^tscheck-answers-\d{4}-\d{2}-\d{2}\.json$/);
    const file = exported.json;
    assert.equal(file.format, 'tscheck-answers');
    assert.equal(file.version, 1);
    assert.deepEqual(file.bank, { id: bank.id, version: bank.version });
    assert.deepEqual(
      { industry: file.profile.industry, cross_border: file.profile.cross_border, partners: file.profile.partners, org_name: file.profile.org_name },
      { industry: 'biomedical', cross_border: true, partners: true, org_name: 'Export 测试 Co.' },
    );
    assert.deepEqual(sortedAnswers(file.answers), expected, 'every answer as an option id, a list of ids or "na"');
    for (const [id, value] of Object.entries(file.answers)) {
      const q = bank.questions.find((x) => x.id === id);
      assert.ok(q, `answer to a bank question: ${id}`);
      if (Array.isArray(value)) assert.equal(q.kind, 'checklist');
      else if (value !== 'na') assert.ok(q.options.some((o) => o.id === value), `${id}: ${value} is an option`);
    }
  } finally {
    await first.context.close();
  }

  // A fresh browser: nothing stored; the file alone brings the self-check back.
  const second = await open();
  try {
    assert.equal(await second.page.locator('[data-action=resume]').count(), 0);
    await chooseFile(second.page, 'import', exported.text, exported.download.suggestedFilename());
    await second.page.waitForSelector('[data-app][data-stage=review]');
    assert.ok(await second.page.locator('[data-app] [role=status]').isVisible(), 'a message confirms the import');
    assert.equal(await second.page.locator('[data-error]').count(), 0);
    await finish(second.page);
    assert.deepEqual(await readReport(second.page), report, 'the same report: overall, level, every dimension');
    assert.match(await second.page.textContent('[data-report]'), /Export 测试 Co\./);

    // Saving again gives the same self-check (the file round-trips).
    const again = await exportAnswers(second.page);
    assert.deepEqual(again.json.answers, exported.json.answers);
    assert.deepEqual(again.json.profile, exported.json.profile);

    // The profile is back: walk back from the review to the profile page.
    await second.page.click('[data-action=prev]');
    await second.page.waitForSelector('[data-app][data-stage=review]');
    await second.page.click('[data-action=prev]');
    await second.page.waitForSelector('[data-app][data-stage=questions]');
    const firstSection = await second.page.getAttribute('[data-section-link]', 'data-section-link');
    await second.page.click(`[data-section-link="${firstSection}"]`);
    await second.page.waitForSelector(`[data-section-id="${firstSection}"]`);
    await second.page.click('[data-action=prev]');
    await second.page.waitForSelector('[data-app][data-stage=profile]');
    assert.ok(await second.page.isChecked('[data-profile=industry] input[value=biomedical]'));
    assert.ok(await second.page.isChecked('[data-profile=cross-border]'));
    assert.ok(await second.page.isChecked('[data-profile=partners]'));
    assert.equal(await second.page.inputValue('[data-profile=org-name]'), 'Export 测试 Co.');
    assert.deepEqual(second.watch.pageErrors, []);
  } finally {
    await second.context.close();
  }
});

test('compare with a previous self-check: deltas per dimension, the overall change, improved and regressed', async () => {
  const profile = { industry: 'general', crossBorder: false, partners: true };
  // Last time: strong policies, weak elsewhere. Now: the other way round.
  const previous = answersFile(bank, profile, (q) => (q.dimension === 'policies' ? 'strongest' : 'weakest'));
  previous.saved_at = '2025-11-27';
  const current = answersFile(bank, profile, (q) => (q.dimension === 'policies' ? 'weakest' : 'strongest'));
  const { context, page, watch } = await open();
  try {
    await openReport(page, previous);
    const before = await readReport(page);
    await page.click('[data-report] [data-action=erase]');
    await page.click('[data-report] [data-action=erase-confirm]');
    await page.waitForSelector('[data-app][data-stage=start]');
    await openReport(page, current);
    const now = await readReport(page);
    assert.equal(Object.keys(await deltas(page)).length, 0, 'no deltas before a comparison is loaded');

    await chooseFile(page, 'compare', previous, 'last-year.json');
    await page.waitForSelector('[data-dimension-id][data-delta]');
    assert.equal(await stage(page), 'report');
    const shown = await deltas(page);
    assert.deepEqual(Object.keys(shown).sort(), Object.keys(now.dimensions).sort(), 'a delta on every scored dimension');
    for (const [id, delta] of Object.entries(shown)) {
      assert.equal(delta, now.dimensions[id] - before.dimensions[id], `delta of ${id}`);
    }
    assert.ok(shown.policies < 0, 'policies went down');
    assert.ok(shown.identify > 0, 'identification went up');
    const overallDelta = Number(await page.getAttribute('[data-overall-delta]', 'data-overall-delta'));
    assert.equal(overallDelta, Number(now.overall) - Number(before.overall));
    assert.match(await page.textContent('.tsc-comparison'), /2025-11-27/, 'the previous date is shown');

    const changes = (kind) => page.$$eval(`[data-change=${kind}]`, (els) => els.map((e) => e.dataset.question));
    const policies = new Set(bank.questions.filter((q) => q.dimension === 'policies').map((q) => q.id));
    const regressed = await changes('regressed');
    const improved = await changes('improved');
    assert.deepEqual(new Set(regressed), new Set(Object.keys(current.answers).filter((id) => policies.has(id))), 'every policies question regressed');
    assert.ok(improved.length > 0, 'improved questions listed');
    assert.ok(improved.every((id) => !policies.has(id) && id in current.answers), 'improved lists only the strengthened questions');

    // The comparison changes only the report, never the answers being assessed.
    assert.deepEqual(await readReport(page), now);
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});

const OVERSIZED = (() => {
  const file = JSON.parse(fixture('valid.json'));
  const text = JSON.stringify(file);
  // Valid JSON, only padded with whitespace past 1 MiB.
  return Buffer.from(text.replace('{', `{${' '.repeat(1024 * 1024 + 1 - text.length + 10)}`));
})();

const REFUSED = [
  ['not JSON (a truncated file)', fixture('truncated.json'), /not valid JSON/],
  ['not JSON (plain text)', Buffer.from('these are my answers: all good'), /not valid JSON/],
  ['an empty file', Buffer.alloc(0), /not valid JSON/],
  ['an unknown format', fixture('wrong-format.json'), /"tscheck-session" file, expected "tscheck-answers"/],
  ['an unknown version', fixture('wrong-version.json'), /unsupported format version 2/],
  ['another bank', fixture('other-bank.json'), /another question bank \(other-bank\)/],
  ['over 1 MiB', OVERSIZED, /too large/],
  ['5 MiB of spaces', Buffer.alloc(5 * 1024 * 1024, ' '), /too large/],
  ['answers that are not an object', fixture('answers-not-object.json'), /\$\.answers: wrong type, expected object/],
  ['an answer that is a number', fixture('answer-number.json'), /\$\.answers\.identify-secret-register: wrong type/],
  ['an unknown industry', fixture('unknown-industry.json'), /"aerospace" is not allowed/],
  ['JSON that is not an object', Buffer.from('null'), /wrong type, expected object/],
];

/** Clears the current message, hands over `content` and returns the alert it brings. */
async function refuse(page, action, content, expected) {
  if (await page.locator('[data-app] [data-error]').count()) {
    await page.click('[data-app] [data-error] button');
    await page.waitForSelector('[data-app] [data-error]', { state: 'detached' });
  }
  await chooseFile(page, action, content);
  const alert = page.locator('[data-app] [data-error][role=alert]');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, expected);
  return text;
}

test('import refuses bad files with a message and changes nothing', async () => {
  assert.ok(OVERSIZED.length > 1024 * 1024 && OVERSIZED.length < 1024 * 1024 + 100);
  assert.doesNotThrow(() => JSON.parse(OVERSIZED.toString()), 'the oversized file is valid JSON');
  const { context, page, watch } = await open();
  try {
    await page.click('[data-action=lang-en]');
    await fillProfile(page, { industry: 'low-altitude' });
    await answerSection(page, 'weakest');
    const checked = await checkedInputs(page);
    await page.click('[data-action=prev]');
    await page.click('[data-action=prev]');
    await page.waitForSelector('[data-app][data-stage=start]');
    const saved = (await tscheckStorage(page)).session[PROGRESS_KEY];
    assert.ok(saved);

    for (const [what, content, expected] of REFUSED) {
      const text = await refuse(page, 'import', content, expected);
      assert.match(text, /could not be loaded; your current answers are unchanged/, what);
      assert.equal(await stage(page), 'start', `${what}: still on the start screen`);
      assert.equal((await tscheckStorage(page)).session[PROGRESS_KEY], saved, `${what}: the saved answers are unchanged`);
    }
    await page.click('[data-action=resume]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    assert.deepEqual(await checkedInputs(page), checked, 'the answers on the page are the ones given');
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('compare refuses bad files with a message and leaves the report as it was', async () => {
  const profile = { industry: 'general', crossBorder: false, partners: true };
  const { context, page, watch } = await open();
  try {
    await page.click('[data-action=lang-en]');
    await openReport(page, answersFile(bank, profile, () => 'strongest'));
    const report = await readReport(page);
    for (const [what, content, expected] of REFUSED) {
      const text = await refuse(page, 'compare', content, expected);
      assert.match(text, /cannot be compared; the report is unchanged/, what);
      assert.equal(await stage(page), 'report');
      assert.deepEqual(await readReport(page), report, `${what}: same report`);
      assert.equal(await page.locator('[data-delta], [data-overall-delta]').count(), 0, `${what}: no comparison shown`);
    }
    // With a comparison loaded, a refused file keeps it.
    await chooseFile(page, 'compare', answersFile(bank, profile, () => 'weakest'));
    await page.waitForSelector('[data-dimension-id][data-delta]');
    const loaded = await deltas(page);
    assert.ok(Object.values(loaded).every((d) => d > 0));
    await refuse(page, 'compare', fixture('other-bank.json'), /another question bank/);
    assert.deepEqual(await deltas(page), loaded, 'the loaded comparison stays');
    assert.deepEqual(await readReport(page), report);
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('answers to questions the bank does not have are named in a notice and ignored; the rest loads', async () => {
  const clean = await open();
  let expected;
  try {
    await importAnswers(clean.page, JSON.parse(fixture('valid.json')));
    await finish(clean.page);
    expected = await readReport(clean.page);
  } finally {
    await clean.context.close();
  }
  const { context, page, watch } = await open();
  try {
    await page.click('[data-action=lang-en]');
    await chooseFile(page, 'import', fixture('unknown-questions.json'));
    await page.waitForSelector('[data-app][data-stage=review]');
    const notice = page.locator('[data-app] [role=status]');
    assert.ok(await notice.isVisible());
    const text = await notice.textContent();
    assert.match(text, /These answers were ignored/);
    assert.match(text, /no question "retired-question-2024"/);
    assert.match(text, /no question "gone-checklist"/);
    assert.match(text, /"identify-classification-levels" is not valid/, 'an unknown option is reported too');
    assert.doesNotMatch(text, /identify-secret-register|people-non-compete/, 'valid answers are not listed');

    const saved = JSON.parse((await tscheckStorage(page)).session[PROGRESS_KEY]);
    assert.deepEqual(sortedAnswers(saved.answers), sortedAnswers(JSON.parse(fixture('valid.json')).answers), 'exactly the valid answers were loaded');
    assert.equal(saved.profile.org_name, 'Fixture Co.');
    await finish(page);
    assert.deepEqual(await readReport(page), expected);

    // Compared against the same file, the unknown answers are counted and left out.
    await chooseFile(page, 'compare', fixture('unknown-questions.json'));
    await page.waitForSelector('[data-overall-delta]');
    assert.equal(await page.getAttribute('[data-overall-delta]', 'data-overall-delta'), '0');
    assert.ok(Object.values(await deltas(page)).every((d) => d === 0), 'the same answers, no change');
    assert.match(await page.textContent('.tsc-comparison'), /3 answers in the previous file .* left out/);
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('an unfinished self-check can be saved from the review page and resumed from the file elsewhere', async () => {
  const first = await open();
  let saved;
  try {
    await fillProfile(first.page, { industry: 'low-altitude', orgName: 'Half Done Ltd' });
    await answerSection(first.page, 'strongest');
    const answeredHere = await checkedInputs(first.page);
    // Jump straight to the review: the rest stays unanswered.
    await first.page.click('[data-action=next]');
    const last = await first.page.$$eval('[data-section-link]', (els) => els.at(-1).dataset.sectionLink);
    await first.page.click(`[data-section-link="${last}"]`);
    await first.page.click('[data-action=next]');
    await first.page.waitForSelector('[data-app][data-stage=review]');
    saved = await exportAnswers(first.page);
    assert.equal(saved.json.format, 'tscheck-answers');
    assert.equal(saved.json.profile.industry, 'low-altitude');
    assert.equal(saved.json.profile.org_name, 'Half Done Ltd');
    assert.ok(Object.keys(saved.json.answers).length >= answeredHere.length / 3, 'the first section is in the file');
  } finally {
    await first.context.close();
  }
  // Another browser: load the file from the start screen and land on the review, answers intact.
  const second = await open();
  try {
    await chooseFile(second.page, 'import', saved.text);
    await second.page.waitForSelector('[data-app][data-stage=review]');
    const again = await exportAnswers(second.page);
    assert.deepEqual(again.json.answers, saved.json.answers);
    assert.deepEqual(again.json.profile, saved.json.profile);
  } finally {
    await second.context.close();
  }
});
