// Promise 1, "nothing leaves the browser", proven three ways: (1) every request, WebSocket,
// popup and service worker is recorded, by the browser and by the test server, from the first
// load through a whole self-check with print, export, import, compare and erase: only the
// widget's own files load, once, and afterwards nothing at all; (2) with the network cut after
// load, a whole self-check still works; (3) dist/ pulls nothing from another origin. That the
// source has no network API but the one same-origin fetch of an operator's bank is a native
// tidy test (tests/tidy.rs, in `cargo test`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  launch, serve, openWidget, offOrigin, stage, fillProfile, answerAll, exportAnswers, chooseFile,
  pdfText, DIST,
} from './helpers.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const distFiles = () => new Set(readdirSync(DIST));

/** Everything the page and its context do on the network, and what they open. */
function record(context, page) {
  const seen = { requests: [], websockets: [], pages: [], workers: [], resources: null };
  context.on('request', (r) => seen.requests.push(r.url()));
  context.on('page', (p) => seen.pages.push(p.url()));
  context.on('serviceworker', (w) => seen.workers.push(w.url()));
  page.on('websocket', (ws) => seen.websockets.push(ws.url()));
  return seen;
}

const resourceEntries = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));

async function finish(page) {
  await page.click('[data-action=finish]');
  await page.waitForSelector('[data-app][data-stage=report] [data-report]');
}

async function erase(page) {
  await page.click('[data-action=erase]');
  await page.click('[data-action=erase-confirm]');
  await page.waitForSelector('[data-app][data-stage=start]');
}

test('zero network: after the widget\'s own files load, a whole self-check makes no request at all', async () => {
  const since = server.log.length;
  const { context, page, watch } = await openWidget(browser, server.url + '/');
  try {
    await page.waitForLoadState('networkidle');
    // The first load: the widget's own files from the test server, each once.
    const origin = new URL(server.url).origin;
    const files = distFiles();
    const loaded = watch.requests.map((u) => new URL(u));
    assert.deepEqual(offOrigin(watch, server.url), []);
    for (const u of loaded) {
      assert.equal(u.origin, origin, `only the test server: ${u.href}`);
      const file = u.pathname === '/' ? 'index.html' : u.pathname.slice(1);
      assert.ok(files.has(file), `only the widget's own files: ${u.pathname}`);
    }
    assert.equal(new Set(loaded.map((u) => u.pathname)).size, loaded.length, 'each file once');
    assert.ok(loaded.some((u) => u.pathname.endsWith('.wasm')));
    const serverSaw = server.log.slice(since).map((r) => r.path);
    assert.deepEqual([...serverSaw].sort(), loaded.map((u) => u.pathname).sort(), 'the server saw exactly what the browser reported');

    // From here on, nothing.
    const seen = record(context, page);
    const afterLoad = { requests: watch.requests.length, server: server.log.length, resources: await resourceEntries(page) };

    await fillProfile(page, { industry: 'general', partners: true, orgName: 'Quiet Co.' });
    await answerAll(page, 'strongest');
    assert.equal(await stage(page), 'review');
    await finish(page);
    await page.click('[data-action=lang-en]');
    await page.click('.tsc-how summary');
    await page.emulateMedia({ media: 'print' });
    assert.match(await pdfText(page), /Quiet Co\./);
    await page.emulateMedia({ media: 'screen' });
    await page.click('[data-action=print]'); // the browser's own print (a headless no-op)
    const exported = await exportAnswers(page);
    assert.match(exported.download.url(), /^blob:/);
    await chooseFile(page, 'compare', exported.text);
    await page.waitForSelector('[data-dimension-id][data-delta]');
    await erase(page);
    await chooseFile(page, 'import', exported.text);
    await page.waitForSelector('[data-app][data-stage=review]');
    await finish(page);
    await page.check('[data-action=remember]');
    await erase(page);
    assert.equal(await page.locator('[data-error]').count(), 0);

    assert.deepEqual(watch.requests.slice(afterLoad.requests), [], 'no request from the page after load');
    assert.deepEqual(seen.requests, [], 'no request from the browser context after load');
    assert.deepEqual(seen.websockets, [], 'no WebSocket');
    assert.deepEqual(seen.pages, [], 'no popup or new window');
    assert.deepEqual(seen.workers, [], 'no service worker');
    assert.deepEqual(server.log.slice(afterLoad.server), [], 'the server heard nothing after load');
    assert.deepEqual(await resourceEntries(page), afterLoad.resources, 'no resource fetched by the page after load');
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker?.getRegistrations?.())?.length ?? 0), 0);
    await watch.collect();
    assert.deepEqual(watch.cspViolations, []);
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('with the network cut after load, a whole self-check, its report, export and import still work', async () => {
  const { context, page, watch } = await openWidget(browser, server.url + '/');
  try {
    await page.waitForLoadState('networkidle');
    const requests = watch.requests.length;
    const serverLog = server.log.length;
    await context.setOffline(true);
    assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');

    await fillProfile(page, { industry: 'biomedical', crossBorder: true, orgName: 'Offline Co.' });
    await answerAll(page, 'weakest');
    await finish(page);
    const overall = await page.getAttribute('[data-report]', 'data-overall');
    assert.match(overall, /^\d+$/);
    assert.ok(await page.locator('[data-red-flag]').count() > 0, 'the report is complete, red flags included');
    const exported = await exportAnswers(page);
    assert.equal(exported.json.profile.org_name, 'Offline Co.');
    await erase(page);
    await chooseFile(page, 'import', exported.text);
    await page.waitForSelector('[data-app][data-stage=review]');
    await finish(page);
    assert.equal(await page.getAttribute('[data-report]', 'data-overall'), overall);

    assert.deepEqual(watch.requests.slice(requests), []);
    assert.deepEqual(server.log.slice(serverLog), []);
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.consoleErrors, []);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Static checks of dist/ (the source is checked by tests/tidy.rs).

/** Absolute or protocol-relative URLs in `text` (data: URLs removed first). */
const absoluteUrls = (text) => text
  .replace(/url\(\s*(['"]?)data:[^)]*\1\s*\)/gi, '')
  .match(/(https?:)?\/\/[a-z0-9.-]+[^\s"'<>)]*/gi)
  ?.filter((u) => !u.startsWith('//') || /^\/\/[a-z0-9-]+\.[a-z]/i.test(u)) ?? [];

test('dist/ pulls no asset from another origin', () => {
  const files = [...distFiles()];
  const css = files.filter((f) => f.endsWith('.css'));
  assert.ok(css.length >= 1 && files.includes('index.html') && files.includes('loader.js'));

  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.deepEqual(absoluteUrls(html), [], 'index.html has no http(s):// or //host URL');
  // Attribute names after white space: the prerendered start screen's data-action="start" is
  // not a form's action.
  for (const [, attr, value] of html.matchAll(/\s(src|href|data-js|data-wasm|action|poster|srcset)="([^"]*)"/g)) {
    assert.match(value, /^\.\/[^/]/, `${attr}="${value}" is relative to the widget`);
  }
  assert.doesNotMatch(html, /<base\b|http-equiv="?refresh/i);

  for (const name of css) {
    const text = readFileSync(join(DIST, name), 'utf8');
    assert.doesNotMatch(text, /@import/i, `${name}: @import`);
    assert.deepEqual(absoluteUrls(text), [], `${name}: no http(s):// or //host URL`);
    for (const [, , url] of text.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
      assert.ok(/^data:/i.test(url) || !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url), `${name}: url(${url}) leaves the widget`);
    }
    assert.doesNotMatch(text, /@font-face[^}]*src:[^}]*(https?:|\/\/)/i, `${name}: a web font from elsewhere`);
  }

  const loader = readFileSync(join(DIST, 'loader.js'), 'utf8');
  assert.deepEqual(absoluteUrls(loader), [], 'loader.js has no absolute URL');
  // The generated JS glue lists every browser API the wasm imports.
  for (const glue of files.filter((f) => f.endsWith('.js') && f !== 'loader.js')) {
    const text = readFileSync(join(DIST, glue), 'utf8');
    assert.doesNotMatch(text, /new\s+WebSocket|XMLHttpRequest|sendBeacon|EventSource|RTCPeerConnection|WebTransport/, `${glue} imports a network API`);
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
    assert.deepEqual(absoluteUrls(code), [], `${glue} has no absolute URL outside comments`);
  }
});
