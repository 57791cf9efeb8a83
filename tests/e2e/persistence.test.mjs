// Promise 4, "no answer is lost; nothing stays unless asked; one click erases": progress is
// saved to sessionStorage after every change and a reload restores exactly where the visitor
// was; a new tab or browser starts fresh; "keep my progress on this device" moves it to
// localStorage and back; erase removes every `tscheck.` key; damaged storage and failing writes
// give a visible message and a widget that still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, serve, openWidget, openWidgetWith, stage, lang, readBank, answersFile, openReport,
  answerSection, checkedInputs, tscheckStorage, PROGRESS_KEY,
} from './helpers.mjs';

const bank = readBank();

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (options) => openWidget(browser, server.url + '/', options);
const openWith = (init) => openWidgetWith(browser, server.url + '/', { init });

async function reload(page) {
  await page.reload();
  await page.waitForSelector('[data-app]');
}

/** The saved progress in sessionStorage, parsed (fails the test when there is none). */
async function savedInSession(page) {
  const { session, local } = await tscheckStorage(page);
  assert.deepEqual(Object.keys(local), [], 'nothing in localStorage unless the visitor opts in');
  assert.ok(session[PROGRESS_KEY], `progress saved in sessionStorage: ${JSON.stringify(session)}`);
  return JSON.parse(session[PROGRESS_KEY]);
}

const sectionId = (page) => page.getAttribute('[data-section-id]', 'data-section-id');
const sectionLinks = (page) => page.$$eval('[data-section-link]', (els) => els.map((e) => e.dataset.sectionLink));

/** Where the visitor is and what the page shows as answered. */
async function where(page) {
  const s = await stage(page);
  return {
    stage: s,
    lang: await lang(page),
    section: s === 'questions' ? await sectionId(page) : null,
    checked: s === 'questions' ? await checkedInputs(page) : null,
  };
}

/** From a section page: go to the review through the last section. */
async function toReview(page) {
  const links = await sectionLinks(page);
  await page.click(`[data-section-link="${links.at(-1)}"]`);
  await page.waitForSelector(`[data-section-id="${links.at(-1)}"]`);
  await page.click('[data-action=next]');
  await page.waitForSelector('[data-app][data-stage=review]');
}

/** Back from a section page (the first one) to the start screen. */
async function homeFromFirstSection(page) {
  await page.click('[data-action=prev]');
  await page.waitForSelector('[data-app][data-stage=profile]');
  await page.click('[data-action=prev]');
  await page.waitForSelector('[data-app][data-stage=start]');
}

test('every change is saved to sessionStorage and a reload restores stage, section and answers exactly', async () => {
  const { context, page, watch } = await open();
  try {
    assert.deepEqual(await tscheckStorage(page), { session: {}, local: {} }, 'nothing is written on load');
    await page.click('[data-action=lang-en]');

    // The profile: each field is saved as it changes, and a reload shows it again.
    await page.click('[data-action=start]');
    await page.waitForSelector('[data-app][data-stage=profile]');
    assert.equal((await savedInSession(page)).stage, 'profile');
    await page.check('[data-profile=industry] input[value=biomedical]');
    assert.equal((await savedInSession(page)).profile.industry, 'biomedical');
    await page.check('[data-profile=cross-border]');
    await page.fill('[data-profile=org-name]', 'Reload Test Co.');
    const profileSaved = await savedInSession(page);
    assert.deepEqual(
      [profileSaved.profile.cross_border, profileSaved.profile.org_name],
      [true, 'Reload Test Co.'],
    );
    await reload(page);
    assert.equal(await stage(page), 'profile');
    assert.equal(await lang(page), 'en');
    assert.ok(await page.isChecked('[data-profile=industry] input[value=biomedical]'));
    assert.ok(await page.isChecked('[data-profile=cross-border]'));
    assert.equal(await page.inputValue('[data-profile=org-name]'), 'Reload Test Co.');

    // The questions: the first section answered, the second one half-answered.
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    const [first, second] = await sectionLinks(page);
    assert.equal(await sectionId(page), first);
    const chosen = await answerSection(page, 'strongest');
    const saved = await savedInSession(page);
    assert.deepEqual(Object.keys(saved.answers).sort(), chosen.map((c) => c.id).sort(), 'every answer is saved as it is given');
    const firstChecked = await checkedInputs(page);
    await page.click('[data-action=next]');
    await page.waitForSelector(`[data-section-id="${second}"]`);
    const secondQuestions = await page.$$eval('[data-question-id]', (els) => els.map((e) => e.dataset.questionId));
    await page.locator(`[data-question-id="${secondQuestions[0]}"] input[type=radio][data-score="0"]`).check();
    assert.equal((await savedInSession(page)).answers[secondQuestions[0]], 'none');

    const before = await where(page);
    const snapshot = (await tscheckStorage(page)).session[PROGRESS_KEY];
    await reload(page);
    assert.deepEqual(await where(page), before, 'same stage, section and checked answers after a reload');
    assert.equal((await tscheckStorage(page)).session[PROGRESS_KEY], snapshot, 'the saved progress is unchanged by reloading');
    await page.click('[data-action=prev]');
    await page.waitForSelector(`[data-section-id="${first}"]`);
    assert.deepEqual(await checkedInputs(page), firstChecked, 'the first section kept its answers');

    // "Not applicable" survives a reload too.
    await page.click('[data-section-link="people"]');
    await page.waitForSelector('[data-section-id=people]');
    await page.check('[data-question-id=people-non-compete] input[value=na]');
    assert.equal((await savedInSession(page)).answers['people-non-compete'], 'na');
    await reload(page);
    assert.equal(await sectionId(page), 'people');
    assert.ok(await page.isChecked('[data-question-id=people-non-compete] input[value=na]'));

    // The review and the report are restored as such.
    await toReview(page);
    assert.equal((await savedInSession(page)).stage, 'review');
    await reload(page);
    assert.equal(await stage(page), 'review');
    await page.click('[data-action=finish]');
    await page.waitForSelector('[data-report]');
    const overall = await page.getAttribute('[data-report]', 'data-overall');
    const scores = await page.$$eval('[data-dimension-id]', (els) => els.map((e) => [e.dataset.dimensionId, e.dataset.score]));
    await reload(page);
    assert.equal(await stage(page), 'report');
    assert.equal(await lang(page), 'en');
    assert.equal(await page.getAttribute('[data-report]', 'data-overall'), overall);
    assert.deepEqual(await page.$$eval('[data-dimension-id]', (els) => els.map((e) => [e.dataset.dimensionId, e.dataset.score])), scores);
    assert.match(await page.textContent('[data-report]'), /Reload Test Co\./);

    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.consoleErrors, []);
    assert.equal(await page.locator('[data-error]').count(), 0);
  } finally {
    await context.close();
  }
});

test('an answer is saved before the page is hidden or left, even in the same moment', async () => {
  const { context, page } = await open();
  try {
    await page.click('[data-action=start]');
    await page.click('[data-app][data-stage=profile] [data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    // One task: the click, the widget's render (microtasks), then the page is hidden; the save
    // that waits for the next task must have happened by then.
    const saved = await page.evaluate(async (key) => {
      const input = document.querySelector('[data-question-id] input[type=radio]');
      input.click();
      for (let i = 0; i < 10; i++) await Promise.resolve();
      const before = sessionStorage.getItem(key);
      document.dispatchEvent(new Event('visibilitychange'));
      return { before, after: sessionStorage.getItem(key), id: input.id };
    }, PROGRESS_KEY);
    assert.ok(saved.after, 'saved when hidden');
    assert.notEqual(saved.after, saved.before, 'with the answer just given');
    await reload(page);
    assert.ok(await page.isChecked(`#${saved.id}`), 'and restored after a reload');
  } finally {
    await context.close();
  }
});

test('closing the tab forgets: a new tab and a new browser context start fresh', async () => {
  const { context, page } = await open();
  try {
    await page.click('[data-action=start]');
    await page.fill('[data-profile=org-name]', 'Forget Me Ltd');
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    await answerSection(page, 'weakest');
    assert.ok((await savedInSession(page)).answers);
    await page.close();

    // A new tab of the same browser: sessionStorage belongs to the closed tab.
    const tab = await context.newPage();
    await tab.goto(server.url + '/');
    await tab.waitForSelector('[data-app]');
    assert.equal(await stage(tab), 'start');
    assert.equal(await tab.locator('[data-action=resume]').count(), 0, 'no progress to resume');
    assert.deepEqual(await tscheckStorage(tab), { session: {}, local: {} });
  } finally {
    await context.close();
  }
  const fresh = await open();
  try {
    assert.equal(await stage(fresh.page), 'start');
    assert.equal(await fresh.page.locator('[data-action=resume]').count(), 0);
    assert.equal(await fresh.page.isChecked('[data-action=remember]'), false);
    assert.deepEqual(await tscheckStorage(fresh.page), { session: {}, local: {} });
  } finally {
    await fresh.context.close();
  }
});

test('"keep my progress on this device" keeps it in localStorage across tabs; unticking moves it back', async () => {
  const { context, page } = await open();
  try {
    await page.check('[data-action=remember]');
    await page.click('[data-action=start]');
    await page.waitForSelector('[data-app][data-stage=profile]');
    await page.check('[data-profile=industry] input[value=low-altitude]');
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    const chosen = await answerSection(page, 'strongest');
    const checked = await checkedInputs(page);
    const section = await sectionId(page);

    let stored = await tscheckStorage(page);
    assert.deepEqual(Object.keys(stored.session), [], 'not in sessionStorage once remembered');
    assert.ok(stored.local[PROGRESS_KEY], 'in localStorage');
    const saved = JSON.parse(stored.local[PROGRESS_KEY]);
    assert.equal(saved.profile.industry, 'low-altitude');
    assert.deepEqual(Object.keys(saved.answers).sort(), chosen.map((c) => c.id).sort());
    await homeFromFirstSection(page);
    assert.ok(await page.isChecked('[data-action=remember]'));
    await page.close();

    // Another tab of the same browser, after the first one closed: the progress is there.
    const second = await context.newPage();
    await second.goto(server.url + '/');
    await second.waitForSelector('[data-app][data-stage=start]');
    assert.ok(await second.isChecked('[data-action=remember]'), 'the choice is remembered with the progress');
    await second.click('[data-action=resume]');
    await second.waitForSelector(`[data-section-id="${section}"]`);
    assert.deepEqual(await checkedInputs(second), checked);

    // Unticking moves the progress back to this tab only.
    await homeFromFirstSection(second);
    await second.uncheck('[data-action=remember]');
    stored = await tscheckStorage(second);
    assert.deepEqual(Object.keys(stored.local), [], 'nothing left in localStorage');
    assert.ok(stored.session[PROGRESS_KEY], 'back in sessionStorage');
    assert.equal(JSON.parse(stored.session[PROGRESS_KEY]).profile.industry, 'low-altitude');
    await reload(second);
    assert.ok(await second.locator('[data-action=resume]').isVisible(), 'still resumable in this tab');
    await second.close();

    const third = await context.newPage();
    await third.goto(server.url + '/');
    await third.waitForSelector('[data-app][data-stage=start]');
    assert.equal(await third.locator('[data-action=resume]').count(), 0, 'a new tab no longer sees it');
    assert.equal(await third.isChecked('[data-action=remember]'), false);
  } finally {
    await context.close();
  }
});

test('erase on the start screen removes every tscheck. key from both storages and nothing else', async () => {
  const { context, page, watch } = await open();
  try {
    await page.check('[data-action=remember]');
    await page.click('[data-action=start]');
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    await answerSection(page, 'weakest');
    await homeFromFirstSection(page);
    // Keys of an older version of the widget, and keys of the host page, in both storages.
    await page.evaluate(() => {
      for (const s of [sessionStorage, localStorage]) {
        s.setItem('tscheck.old-draft', '{"x":1}');
        s.setItem('tscheck.', 'empty suffix');
        s.setItem('host.preference', 'keep me');
      }
    });
    const stored = await tscheckStorage(page);
    assert.ok(stored.local[PROGRESS_KEY]);
    assert.equal(Object.keys(stored.session).length, 2);

    await page.click('[data-action=erase]');
    await page.click('[data-action=erase-confirm]');
    await page.waitForSelector('[data-app][data-stage=start] [role=status]');
    assert.deepEqual(await tscheckStorage(page), { session: {}, local: {} }, 'every tscheck. key is gone');
    assert.deepEqual(
      await page.evaluate(() => [sessionStorage.getItem('host.preference'), localStorage.getItem('host.preference')]),
      ['keep me', 'keep me'],
      'the host page\'s own keys are left alone',
    );
    assert.equal(await page.locator('[data-action=resume]').count(), 0);
    assert.equal(await page.isChecked('[data-action=remember]'), false);

    // Nothing is written again until the visitor acts: not by re-rendering, dismissing the
    // message or reloading.
    await page.click('[role=status] button');
    await page.waitForSelector('[role=status]', { state: 'detached' });
    assert.deepEqual(await tscheckStorage(page), { session: {}, local: {} });
    await reload(page);
    assert.equal(await stage(page), 'start');
    assert.equal(await page.locator('[data-error]').count(), 0);
    assert.deepEqual(await tscheckStorage(page), { session: {}, local: {} });

    // Acting starts saving again (in this tab only: the device opt-in was erased too).
    await page.click('[data-action=start]');
    await page.waitForSelector('[data-app][data-stage=profile]');
    assert.equal((await savedInSession(page)).stage, 'profile');
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('erase in the report clears both storages and returns to the start screen', async () => {
  const { context, page } = await open();
  try {
    const profile = { industry: 'general', crossBorder: false, partners: true, orgName: 'Erase Co.' };
    await openReport(page, answersFile(bank, profile, () => 'strongest'));
    await page.check('[data-report] [data-action=remember]');
    let stored = await tscheckStorage(page);
    assert.ok(stored.local[PROGRESS_KEY], 'remembered from the report');
    assert.equal(JSON.parse(stored.local[PROGRESS_KEY]).stage, 'report');
    assert.deepEqual(Object.keys(stored.session), []);
    await page.evaluate(() => sessionStorage.setItem('tscheck.other', '1'));

    await page.click('[data-report] [data-action=erase]');
    await page.click('[data-report] [data-action=erase-confirm]');
    await page.waitForSelector('[data-app][data-stage=start]');
    assert.deepEqual(await tscheckStorage(page), { session: {}, local: {} });
    assert.ok(await page.locator('[data-privacy-notice]').isVisible());
    await reload(page);
    assert.equal(await stage(page), 'start');
    assert.equal(await page.locator('[data-action=resume]').count(), 0);
    assert.deepEqual(await tscheckStorage(page), { session: {}, local: {} });
  } finally {
    await context.close();
  }
});

test('URL presets alone store nothing, before or after an erase', async () => {
  // An embedding page may preset the industry (say, the biomedical column's iframe): a visit
  // that does nothing must leave nothing in storage, and an erase must stay erased on reload.
  const { context, page } = await openWidget(browser, `${server.url}/?industry=biomedical&cross_border=1&lang=en`);
  try {
    assert.equal(await lang(page), 'en');
    assert.deepEqual(await tscheckStorage(page), { session: {}, local: {} }, 'nothing stored by loading a preset page');
    await page.click('[data-action=erase]');
    await page.click('[data-action=erase-confirm]');
    await page.waitForSelector('[data-app][data-stage=start] [role=status]');
    await reload(page);
    assert.deepEqual(await tscheckStorage(page), { session: {}, local: {} }, 'nothing stored again until the visitor acts');
    // The presets still shape the self-check once the visitor starts it.
    await page.click('[data-action=start]');
    await page.waitForSelector('[data-app][data-stage=profile]');
    assert.ok(await page.isChecked('[data-profile=industry] input[value=biomedical]'));
    assert.ok(await page.isChecked('[data-profile=cross-border]'));
    assert.equal((await savedInSession(page)).profile.industry, 'biomedical');
  } finally {
    await context.close();
  }
});

// A valid saved progress, to derive damaged variants from.
const validSnapshot = {
  format: 'tscheck-session', version: 1, bank: { id: bank.id, version: bank.version }, stage: 'questions',
  section: 'identify', lang: 'zh', profile: { industry: 'general', cross_border: false, partners: true, org_name: '' },
  answers: { 'identify-secret-register': 'maintained' },
};
const DAMAGED = [
  ['garbage', 'session', 'garbage{{ not json'],
  ['an empty string', 'session', ''],
  ['a JSON array', 'session', '[1,2,3]'],
  ['another version', 'session', JSON.stringify({ ...validSnapshot, version: 2 })],
  ['another format', 'session', JSON.stringify({ ...validSnapshot, format: 'tscheck-answers' })],
  ['another bank', 'session', JSON.stringify({ ...validSnapshot, bank: { id: 'other-bank', version: '1' } })],
  ['answers of the wrong type', 'session', JSON.stringify({ ...validSnapshot, answers: { 'identify-secret-register': 7 } })],
  ['garbage in localStorage', 'local', '\u0000\uffff{"format":'],
];

for (const [what, where_, value] of DAMAGED) {
  test(`saved progress that is ${what} gives a fresh start with a visible notice`, async () => {
    const seed = ([where, key, value]) => {
      const storage = where === 'local' ? localStorage : sessionStorage;
      if (!storage.getItem('test.seeded')) {
        storage.setItem('test.seeded', '1');
        storage.setItem(key, value);
      }
    };
    const { context, page, watch } = await openWith([[seed, [where_, PROGRESS_KEY, value]]]);
    try {
      assert.equal(await stage(page), 'start');
      const alert = page.locator('[data-app] [data-error][role=alert]');
      assert.ok(await alert.isVisible(), 'a visible message');
      assert.match(await alert.textContent(), /已损坏/);
      assert.equal(await page.locator('[data-action=resume]').count(), 0);
      assert.deepEqual(await tscheckStorage(page), { session: {}, local: {} }, 'the damaged value is removed');
      assert.deepEqual(watch.pageErrors, []);

      // And the widget works: the check starts and saves again.
      await page.click('[data-action=start]');
      await page.waitForSelector('[data-app][data-stage=profile]');
      assert.equal((await savedInSession(page)).stage, 'profile');
      assert.deepEqual(watch.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

/** Counts every [data-error] element ever added to the page (window.__errorsShown). */
function countErrorNotices() {
  window.__errorsShown = 0;
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        window.__errorsShown += (n.matches('[data-error]') ? 1 : 0) + n.querySelectorAll('[data-error]').length;
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

test('when storage refuses every write, one notice says so and the widget still works', async () => {
  const failWrites = () => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  };
  const { context, page, watch } = await openWith([[failWrites], [countErrorNotices]]);
  try {
    assert.equal(await page.locator('[data-error]').count(), 0, 'no message before anything is saved');
    await page.click('[data-action=start]');
    const alert = page.locator('[data-app] [data-error][role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /无法保存进度/);

    await page.check('[data-profile=industry] input[value=biomedical]');
    await page.fill('[data-profile=org-name]', 'No Storage Inc.');
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    await answerSection(page, 'strongest');
    await page.click('[data-action=next]');
    await answerSection(page, 'weakest');
    await toReview(page);
    await page.click('[data-action=finish]');
    await page.waitForSelector('[data-report][data-overall]');
    assert.match(await page.textContent('[data-report]'), /No Storage Inc\./);
    assert.equal(await page.evaluate(() => window.__errorsShown), 1, 'the message is shown once, not on every change');
    // It stays on every page (saving keeps failing) until the user dismisses it, and then
    // it does not come back.
    assert.equal(await page.locator('[data-app] [data-error][role=alert]').count(), 1, 'still visible on the report');
    await page.locator('[data-app] [data-error][role=alert] button').click();
    await page.click('[data-action=prev]');
    await page.waitForSelector('[data-app][data-stage=review]');
    assert.equal(await page.locator('[data-error]').count(), 0, 'and not shown again once dismissed');
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('with storage blocked altogether (a sandboxed frame, blocked site data), the widget still works', async () => {
  const blockStorage = () => {
    for (const name of ['sessionStorage', 'localStorage']) {
      Object.defineProperty(window, name, {
        configurable: true,
        get() { throw new DOMException(`${name} is blocked`, 'SecurityError'); },
      });
    }
  };
  const { context, page, watch } = await openWith([[blockStorage], [countErrorNotices]]);
  try {
    assert.equal(await stage(page), 'start');
    assert.equal(await page.locator('[data-error]').count(), 0, 'nothing to complain about before anything is saved');
    await page.check('[data-action=remember]');
    await page.click('[data-action=start]');
    await page.locator('[data-app] [data-error][role=alert]').waitFor();
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    await answerSection(page, 'strongest');
    await toReview(page);
    await page.click('[data-action=finish]');
    await page.waitForSelector('[data-report][data-overall]');
    await page.click('[data-report] [data-action=erase]');
    await page.click('[data-report] [data-action=erase-confirm]');
    await page.waitForSelector('[data-app][data-stage=start]');
    assert.equal(await page.evaluate(() => window.__errorsShown), 1, 'one message');
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});

/** Runs in the page before it loads: every localStorage write fails as if the quota were full. */
const failLocalWrites = () => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function guarded(key, value) {
    if (this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
};

test('when only localStorage refuses writes, ticking "keep my progress" loses nothing', async () => {
  const { context, page, watch } = await openWith([[failLocalWrites]]);
  try {
    await page.click('[data-action=start]');
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    const section = await sectionId(page);
    await answerSection(page, 'strongest');
    const checked = await checkedInputs(page);
    await homeFromFirstSection(page);

    await page.check('[data-action=remember]');
    await page.locator('[data-app] [data-error][role=alert]').waitFor();

    // The answers are still kept in this tab: a reload brings them back.
    await reload(page);
    assert.equal(await stage(page), 'start');
    assert.ok(await page.locator('[data-action=resume]').isVisible(), 'the progress survived the failed device write');
    await page.click('[data-action=resume]');
    await page.waitForSelector(`[data-section-id="${section}"]`);
    assert.deepEqual(await checkedInputs(page), checked);
    assert.deepEqual(watch.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('with a failing device write, later answers are still kept for this tab', async () => {
  const { context, page } = await openWith([[failLocalWrites]]);
  try {
    await page.check('[data-action=remember]');
    await page.click('[data-action=start]');
    await page.locator('[data-app] [data-error][role=alert]').waitFor();
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    await answerSection(page, 'weakest');
    const before = await where(page);
    await reload(page);
    assert.deepEqual(await where(page), before, 'the latest answers were kept in sessionStorage');
  } finally {
    await context.close();
  }
});
