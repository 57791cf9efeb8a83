// Embedding: in an iframe that grows with its content (the widget posts only its height), in
// an element of a host page with aggressive global CSS (styles scoped both ways), URL presets,
// and an operator's own bank named on the mount element (same origin only; an invalid one shows
// its problems instead of a blank page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, openWidget, offOrigin, stage, DIST, ROOT } from './helpers.mjs';

let browser, server, work;

/** A copy of dist/ whose index.html is changed by `edit`, served at /variants/NAME/. */
function variant(name, edit) {
  const dir = join(work, 'variants', name);
  cpSync(DIST, dir, { recursive: true });
  const index = join(dir, 'index.html');
  writeFileSync(index, edit(readFileSync(index, 'utf8')));
}

/** A host page that mounts the widget into one of its own elements (no iframe). */
function hostPage() {
  const dist = readFileSync(join(DIST, 'index.html'), 'utf8');
  const css = dist.match(/<link rel="stylesheet" href="\.\/([^"]+)"[^>]*>/)[1];
  const script = dist.match(/<script type="module" src="\.\/loader\.js" data-js="\.\/([^"]+)" data-wasm="\.\/([^"]+)"><\/script>/);
  const dir = join(work, 'host');
  cpSync(join(ROOT, 'tests', 'e2e', 'fixtures', 'host.css'), join(dir, 'host.css'));
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Host CMS page</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/widget/${css}">
<link rel="stylesheet" href="host.css">
<script type="module" src="/widget/loader.js" data-js="./${script[1]}" data-wasm="./${script[2]}"></script>
</head><body>
<h1 class="host-title">Trade secret column</h1>
<p class="host-text">Text of the host page.</p>
<section class="host-slot"><div data-tscheck-mount></div></section>
<button class="host-button" type="button">Host button</button>
</body></html>`);
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'tscheck-embed-'));
  variant('custom-bank', (html) => html.replace('data-tscheck-mount', 'data-tscheck-mount data-bank="/banks/mini-bank.json"'));
  variant('broken-bank', (html) => html.replace('data-tscheck-mount', 'data-tscheck-mount data-bank="/banks/broken/several-problems.json"'));
  variant('missing-bank', (html) => html.replace('data-tscheck-mount', 'data-tscheck-mount data-bank="/banks/no-such-bank.json"'));
  variant('foreign-bank', (html) => html.replace('data-tscheck-mount', 'data-tscheck-mount data-bank="http://127.0.0.2:9/bank.json"'));
  hostPage();
  browser = await launch();
  server = await serve({
    '/variants/': join(work, 'variants'),
    '/host/': join(work, 'host'),
    '/widget/': DIST,
    '/banks/': join(ROOT, 'tests', 'fixtures'),
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function openPlain(url, viewport = { width: 1000, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  return { context, page, errors };
}

test('in an iframe, the frame grows with the widget, which posts only its height', async () => {
  const { context, page, errors } = await openPlain(`${server.url}/fixtures/iframe-host.html`);
  try {
    const frame = page.frameLocator('#tscheck-frame');
    await frame.locator('[data-app][data-stage=start]').waitFor();
    // URL presets in the iframe's src: English and biomedical.
    assert.equal(await frame.locator('[data-app]').getAttribute('data-lang'), 'en');
    // The frame fits when its height equals the widget page's content height.
    const fitted = () => page.waitForFunction(() => {
      const f = document.getElementById('tscheck-frame');
      const content = Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height);
      return Math.abs(f.getBoundingClientRect().height - content) <= 2;
    });
    const frameHeight = () => page.evaluate(() => document.getElementById('tscheck-frame').getBoundingClientRect().height);
    await fitted();
    const atStart = await frameHeight();
    assert.ok(atStart > 300, `the frame grew from 200px to ${atStart}px`);
    await frame.locator('[data-action=start]').click();
    await frame.locator('[data-app][data-stage=profile]').waitFor();
    assert.equal(await frame.locator('[data-profile=industry] input[value=biomedical]').isChecked(), true);
    await frame.locator('[data-action=next]').click();
    await frame.locator('[data-app][data-stage=questions]').waitFor();
    await fitted();
    const atQuestions = await frameHeight();
    assert.ok(atQuestions > atStart + 500, `a page of questions is taller (${atQuestions} vs ${atStart})`);
    // Back to the start screen: the frame shrinks again.
    await frame.locator('[data-action=prev]').click();
    await frame.locator('[data-action=prev]').click();
    await frame.locator('[data-app][data-stage=start]').waitFor();
    await fitted();
    assert.ok(Math.abs((await frameHeight()) - atStart) <= 2, 'the frame shrank back');
    const messages = await page.evaluate(() => window.__messages);
    assert.ok(messages.length >= 2, 'a height message at load and after the page changed');
    for (const m of messages) {
      assert.deepEqual(Object.keys(m).sort(), ['height', 'type'], 'only the type and the height are posted');
      assert.equal(m.type, 'tscheck:height');
      assert.equal(typeof m.height, 'number');
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on its own page, the widget posts nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__posted = [];
    const original = window.postMessage.bind(window);
    window.postMessage = (...args) => { window.__posted.push(args[0]); return original(...args); };
  });
  await page.goto(server.url + '/');
  await page.waitForSelector('[data-app]');
  await page.click('[data-action=start]');
  await page.waitForSelector('[data-app][data-stage=profile]');
  assert.deepEqual(await page.evaluate(() => window.__posted), []);
  await context.close();
});

test('mounted in a host page with aggressive global CSS: usable, and neither side restyles the other', async () => {
  const { context, page, errors } = await openPlain(`${server.url}/host/`);
  try {
    await page.waitForSelector('[data-app][data-stage=start]');
    // The host keeps its own title and language; the widget speaks Chinese inside its root.
    assert.equal(await page.title(), 'Host CMS page');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getAttribute('[data-app]', 'lang'), 'zh-CN');
    // Host elements keep the host's styles.
    const host = await page.evaluate(() => {
      const s = (sel) => getComputedStyle(document.querySelector(sel));
      return { h1: s('.host-title').fontSize, button: s('.host-button').backgroundColor, radius: s('.host-button').borderTopLeftRadius };
    });
    assert.deepEqual(host, { h1: '48px', button: 'rgb(255, 20, 147)', radius: '40px' });
    // The widget keeps its own look where it matters: its primary button and its text colour.
    const widget = await page.evaluate(() => {
      const start = getComputedStyle(document.querySelector('[data-action=start]'));
      const root = getComputedStyle(document.querySelector('[data-app]'));
      return { start: start.backgroundColor, startText: start.color, rootText: root.color };
    });
    assert.equal(widget.start, 'rgb(11, 79, 138)');
    assert.equal(widget.startText, 'rgb(255, 255, 255)');
    assert.equal(widget.rootText, 'rgb(27, 27, 27)');
    // And it works: through the profile to the questions.
    await page.click('[data-action=start]');
    await page.check('[data-profile=industry] input[value=low-altitude]');
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    assert.ok(await page.locator('[data-question-id^="la-"]').count() + await page.locator('[data-question-id]').count() > 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("an operator's own bank on the same origin replaces the bundled one", async () => {
  const { context, page, watch } = await openWidget(browser, `${server.url}/variants/custom-bank/`);
  try {
    assert.equal(await stage(page), 'start');
    assert.match(await page.textContent('[data-app] h1'), /迷你题库/);
    await page.click('[data-action=start]');
    await page.click('[data-action=next]');
    await page.waitForSelector('[data-app][data-stage=questions]');
    assert.equal(await page.getAttribute('[data-section-id]', 'data-section-id'), 'alpha');
    assert.deepEqual(offOrigin(watch, server.url), []);
  } finally {
    await context.close();
  }
});

for (const [name, expected] of [
  ['broken-bank', /questions\[1\]|dimensions|weight/],
  ['missing-bank', /HTTP 404/],
  ['foreign-bank', /不在本网站上|not on this site/],
]) {
  test(`an unusable operator bank (${name}) shows its problems, never a blank page`, async () => {
    const { context, page, watch } = await openWidget(browser, `${server.url}/variants/${name}/`);
    try {
      assert.equal(await stage(page), 'error');
      const alert = await page.textContent('[data-error][role=alert]');
      assert.match(alert, /题库文件/);
      assert.match(alert, /question bank/);
      assert.match(alert, expected);
      await watch.collect();
      assert.deepEqual(offOrigin(watch, server.url), [], 'no request leaves the origin, not even to the configured URL');
    } finally {
      await context.close();
    }
  });
}
