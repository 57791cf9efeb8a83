// The foundation promises: the release build starts at `/` and under a sub-path, under the
// strict CSP, with no console errors, no CSP violations and no request to any other origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, openWidget, offOrigin, stage, lang } from './helpers.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const path of ['/', '/column/tools/']) {
  test(`start screen at ${path}: Chinese by default, switches to English, nothing off-origin`, async () => {
    const before = server.log.length;
    const { context, page, watch } = await openWidget(browser, server.url + path);
    try {
      assert.equal(await stage(page), 'start');
      assert.equal(await lang(page), 'zh');
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
      assert.match(await page.textContent('[data-privacy-notice]'), /不会离开本浏览器/);
      await page.click('[data-action=lang-en]');
      assert.equal(await lang(page), 'en');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.match(await page.textContent('[data-action=start]'), /Start the self-check/);
      assert.match(await page.textContent('[data-privacy-notice]'), /never leave this browser/);
      await page.click('[data-action=lang-zh]');
      assert.equal(await lang(page), 'zh');

      await watch.collect();
      assert.deepEqual(watch.pageErrors, []);
      assert.deepEqual(watch.consoleErrors, []);
      assert.deepEqual(watch.cspViolations, []);
      assert.deepEqual(offOrigin(watch, server.url), []);
      // The server saw only the widget's own files under this path (and the favicon).
      const asked = server.log.slice(before).map((r) => r.path);
      assert.ok(asked.length >= 5, `server log: ${asked}`);
      for (const p of asked) assert.ok(p.startsWith(path), `unexpected request ${p}`);
      assert.ok(asked.some((p) => p.endsWith('.wasm')), 'the wasm module was loaded from the test server');
    } finally {
      await context.close();
    }
  });
}

test('the built index.html has no inline script and pins its assets with integrity hashes', async () => {
  const res = await fetch(server.url + '/');
  const html = await res.text();
  assert.match(res.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length >= 1);
  for (const [tag, body] of scripts) {
    assert.match(tag, /\ssrc="\.\//, `script without a relative src: ${tag}`);
    assert.equal(body.trim(), '', 'inline script content');
  }
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'inline event handler');
  assert.match(html, /<link rel="stylesheet" href="\.\/[^"]+" integrity="sha384-/);
  assert.match(html, /<link rel="modulepreload" href="\.\/[^"]+" [^>]*integrity="sha384-/);
  assert.match(html, /<link rel="preload" href="\.\/[^"]+\.wasm" [^>]*integrity="sha384-/);
  assert.match(html, /<link rel="icon" href="\.\/[^"]+\.ico"/);
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'absolute or off-origin URL');
});
