// The start screen before the wasm: the release build writes it into index.html, rendered by
// the widget's own components (src/ui/prerender.rs), so a person reads the introduction and the
// privacy notice while the wasm loads. The live widget then takes its place with nothing moved
// and no frame without content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve } from './helpers.mjs';

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the widget with its wasm held back until `release()` is called. Records console errors,
 * layout shifts, and every animation frame in which the mount point had no content.
 */
async function openHeld() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
    window.__emptyFrames = 0;
    const watch = () => {
      const mount = document.querySelector('[data-tscheck-mount]');
      if (mount && mount.childElementCount === 0) window.__emptyFrames++;
      // Until the live widget has been on screen for a few frames.
      if (!document.querySelector('[data-app]') || (window.__liveFrames = (window.__liveFrames || 0) + 1) < 5) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.url}/`);
  return { context, page, errors, release };
}

/** The element tree under `root` as plain data: tags, attributes (sorted) and texts. */
function tree(root) {
  const skip = new Set(['data-app', 'inert', 'data-prerendered']);
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    const attrs = [...node.attributes].filter((a) => !skip.has(a.name)).map((a) => `${a.name}=${a.value}`).sort();
    return [node.tagName, attrs, [...node.childNodes].filter((n) => n.nodeType !== Node.COMMENT_NODE).map(walk)];
  };
  return walk(root);
}

test('without the wasm, the start screen and its privacy notice can be read', async () => {
  const { context, page } = await openHeld();
  try {
    const heading = page.locator('[data-prerendered] h1');
    await heading.waitFor({ state: 'visible' });
    assert.equal(await heading.textContent(), '商业秘密保护风险自测');
    const privacy = page.locator('[data-prerendered] [data-privacy-notice]');
    assert.ok(await privacy.isVisible(), 'the privacy notice is visible');
    assert.match(await privacy.textContent(), /不上传/);
    assert.equal(await page.locator('[data-app]').count(), 0, 'the copy is not taken for the live widget');
    assert.equal(await page.locator('[data-prerendered]').getAttribute('inert'), '', 'its buttons cannot be pressed before they work');
  } finally {
    await context.close();
  }
});

test('the live widget replaces the start screen with the same content, nothing moved and no empty frame', async () => {
  const { context, page, errors, release } = await openHeld();
  try {
    await page.waitForSelector('[data-prerendered] h1');
    const before = await page.locator('[data-prerendered] h1').boundingBox();
    const beforeButton = await page.locator('[data-prerendered] [data-action=start]').boundingBox();
    const copy = await page.$eval('[data-prerendered]', tree);
    release();
    await page.waitForSelector('[data-app][data-stage=start]');
    await page.waitForFunction(() => window.__liveFrames >= 5);
    assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the copy is gone');
    assert.deepEqual(await page.locator('[data-app] h1').boundingBox(), before, 'the heading did not move');
    assert.deepEqual(await page.locator('[data-app] [data-action=start]').boundingBox(), beforeButton, 'the start button did not move');
    assert.deepEqual(await page.$eval('[data-app]', tree), copy, 'the copy is what the widget renders first');
    assert.equal(await page.evaluate(() => window.__emptyFrames), 0, 'no frame showed an empty page');
    assert.deepEqual(await page.evaluate(() => window.__shifts.filter((v) => v > 0)), [], 'no layout shift');
    assert.deepEqual(errors, []);
    // And it works: the start button leads on.
    await page.click('[data-action=start]');
    await page.waitForSelector('[data-app][data-stage=profile]');
  } finally {
    await context.close();
  }
});
