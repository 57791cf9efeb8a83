// Side-by-side benchmark (README "Performance"): the widget in dist/ against two baselines built
// from OUR bundled bank: a hand-written HTML + JS page (the floor, bench/floor/) and the same
// questionnaire in SurveyJS (bench/surveyjs/). One command:
//
//   node bench/bench.mjs [--runs 7] [--only widget,floor,surveyjs] [--industry low-altitude]
//   node bench/bench.mjs --profile [--only widget,floor]   # where a page change's time goes
//
// It installs its npm packages when bench/package-lock.json changed (like .ci/setup.sh), builds
// dist/ when it is missing, serves everything on 127.0.0.1 with brotli (compressed once, as a
// production server with precompressed files would), and drives Debian's Chromium headless
// (playwright-core, never a downloaded browser). Each run loads every variant in a fresh
// browser context (cold cache), twice: once at full speed and once with the CPU throttled 4×.
// Results: a Markdown table on stdout and in bench/output/, raw numbers in bench/output/*.json.
// Not part of the test command.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir, release as osRelease } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const DIST = join(ROOT, 'dist');
const BANK_PATH = join(ROOT, 'assets', 'bank', 'bank.json');
const OUT = join(BENCH, 'output');

// ---------------------------------------------------------------------------------------------
// Options.

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const RUNS = Number(opt('runs', 7));
const INDUSTRY = opt('industry', 'low-altitude');
const ONLY = opt('only', 'widget,floor,surveyjs').split(',');
const THROTTLE = Number(opt('throttle', 4));
// --from bench/output/bench-DATE.json: print the table of a saved run again, running nothing.
const FROM = opt('from', null);
// --profile: instead of the table, one session per variant at CPU ×THROTTLE with the V8 CPU
// profiler (CDP `Profiler`) on around every page change, and the timeline of the same pass; it
// prints where the longest page change's task goes (script functions by self time, the
// browser's style, layout and paint) and writes the profiles to bench/output/ for DevTools.
// The widget is served with a wasm that keeps its function names (the release wasm drops them):
// the same wasm-bindgen output, optimised with the same wasm-opt level plus `-g`.
const PROFILE = args.includes('--profile');
const say = (...m) => console.error('[bench]', ...m);

// ---------------------------------------------------------------------------------------------
// Set-up: npm packages (idempotent, keyed on the lock file) and dist/.

function ensureNpm() {
  const stamp = join(BENCH, 'node_modules', '.package-lock.sha256');
  const want = createHash('sha256').update(readFileSync(join(BENCH, 'package-lock.json'))).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === want) return;
  say('installing the benchmark\'s npm packages (npm ci)');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: BENCH, stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (r.status !== 0) throw new Error('npm ci failed in bench/');
  writeFileSync(stamp, `${want}\n`);
}

function ensureDist() {
  if (existsSync(join(DIST, 'index.html')) && readdirSync(DIST).some((f) => f.endsWith('.wasm'))) return;
  say('dist/ is missing: installing what is missing and building the release widget');
  const r = spawnSync('bash', ['-c', 'source .ci/setup.sh && trunk build --release --offline'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the release build failed');
}

if (!FROM) {
  ensureNpm();
  ensureDist();
}
// Serve a snapshot of dist/, so a rebuild during the run (other work in the same tree) cannot
// mix two builds into one table.
const SNAPSHOT = mkdtempSync(join(tmpdir(), 'tscheck-bench-dist-'));
process.on('exit', () => rmSync(SNAPSHOT, { recursive: true, force: true }));
if (!FROM) cpSync(DIST, SNAPSHOT, { recursive: true });
if (PROFILE) keepWasmNames(SNAPSHOT);

/**
 * Replaces the snapshot's wasm by one that keeps the name section, so the profile names Rust
 * functions. Trunk leaves wasm-bindgen's output (names included) in target/wasm-bindgen/release/;
 * its glue must equal dist's, or that output is from another build than dist/ and is refused.
 * The wasm's Subresource Integrity hash in index.html is rewritten to match.
 */
function keepWasmNames(dir) {
  const staged = join(ROOT, 'target', 'wasm-bindgen', 'release');
  const glue = readdirSync(dir).find((f) => /^widget-[0-9a-f]+\.js$/.test(f));
  const wasm = readdirSync(dir).find((f) => /^widget-[0-9a-f]+_bg\.wasm$/.test(f));
  if (!glue || !wasm || !existsSync(join(staged, 'widget.js'))
    || !readFileSync(join(staged, 'widget.js')).equals(readFileSync(join(dir, glue)))) {
    throw new Error('--profile: target/wasm-bindgen/release/widget.js is not the glue in dist/; run .ci/build.sh first');
  }
  const level = (readFileSync(join(ROOT, 'index.html'), 'utf8').match(/data-wasm-opt="(\w+)"/) || [])[1] || 'z';
  execFileSync('wasm-opt', [`-O${level}`, '-g', join(staged, 'widget_bg.wasm'), '-o', join(dir, wasm)], { stdio: 'inherit' });
  const sri = `sha384-${createHash('sha384').update(readFileSync(join(dir, wasm))).digest('base64')}`;
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  const rewritten = index.replace(new RegExp(`(href="\\./${wasm}"[^>]*integrity=")[^"]+"`), `$1${sri}"`);
  if (rewritten === index) throw new Error('--profile: could not find the wasm preload link in dist/index.html');
  writeFileSync(join(dir, 'index.html'), rewritten);
  say(`profiling build: ${wasm} with its function names (${statSync(join(dir, wasm)).size} bytes)`);
}
const { chromium } = FROM ? {} : await import('playwright-core');
const { STRICT_CSP } = await import('../tests/e2e/server.mjs');
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

// ---------------------------------------------------------------------------------------------
// The server: static files, brotli compressed once per file and kept in memory; every
// response's body bytes are counted.

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon', '.svg': 'image/svg+xml', '.png': 'image/png',
};

async function startBenchServer() {
  const mounts = {
    '/widget/': SNAPSHOT,
    '/floor/': join(BENCH, 'floor'),
    '/surveyjs/': join(BENCH, 'surveyjs'),
    '/vendor/survey-core/': join(BENCH, 'node_modules', 'survey-core'),
    '/vendor/survey-js-ui/': join(BENCH, 'node_modules', 'survey-js-ui'),
  };
  // The baselines fetch the bank as a production site would serve it: minified JSON (the
  // widget bundles the same minified text into its wasm).
  const virtual = {
    '/bank/bank.json': Buffer.from(JSON.stringify(JSON.parse(readFileSync(BANK_PATH, 'utf8')))),
    '/blank.html': Buffer.from('<!DOCTYPE html><title>blank</title>'),
  };
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const cache = new Map();
  let log = [];
  const load = (key, read) => {
    let entry = cache.get(key);
    if (!entry) {
      const raw = read();
      entry = { raw, br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }) };
      cache.set(key, entry);
    }
    return entry;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = null;
    let entry = null;
    if (virtual[url.pathname]) {
      entry = load(url.pathname, () => virtual[url.pathname]);
      file = url.pathname;
    } else {
      const prefix = prefixes.find((p) => url.pathname.startsWith(p));
      if (prefix) {
        const root = mounts[prefix];
        let rel = decodeURIComponent(url.pathname.slice(prefix.length));
        if (rel === '' || rel.endsWith('/')) rel += 'index.html';
        const path = normalize(join(root, rel));
        if (path.startsWith(root) && existsSync(path) && statSync(path).isFile()) {
          file = path;
          entry = load(`${path}:${statSync(path).mtimeMs}`, () => readFileSync(path));
        }
      }
    }
    if (!entry) {
      log.push({ path: url.pathname, status: 404, bytes: 0 });
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const type = TYPES[extname(file)] || 'application/octet-stream';
    const head = { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (type.startsWith('text/html')) head['Content-Security-Policy'] = STRICT_CSP;
    let body = entry.raw;
    if (/\bbr\b/.test(req.headers['accept-encoding'] || '')) {
      body = entry.br;
      head['Content-Encoding'] = 'br';
    }
    head['Content-Length'] = body.length;
    log.push({ path: url.pathname, status: 200, bytes: body.length, raw: entry.raw.length });
    res.writeHead(200, head);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    reset: () => { log = []; },
    log: () => log,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

// ---------------------------------------------------------------------------------------------
// The variants: where each lives, how to reach its first question, how its questions, answers
// and navigation look in the DOM.

const VARIANTS = {
  widget: {
    label: 'widget (Yew/wasm)',
    path: `/widget/?industry=${INDUSTRY}`,
    // The widget's own flow: start screen, then the profile (preset by the URL), then questions.
    // The probe clicks through both at once, so this is the app's time, not a person's.
    advance: [
      ['[data-app][data-stage=start] [data-action=start]', 'firstScreen'],
      ['[data-app][data-stage=profile] [data-action=next]', 'profile'],
    ],
    question: '[data-question-id]',
    questionId: 'questionId',
    questionSel: (id) => `[data-question-id="${id}"]`,
    nav: ['[data-action=next]', '[data-action=finish]'],
  },
  floor: {
    label: 'floor (HTML + JS)',
    path: `/floor/?industry=${INDUSTRY}`,
    advance: [],
    question: '[data-question-id]',
    questionId: 'questionId',
    questionSel: (id) => `[data-question-id="${id}"]`,
    nav: ['[data-action=next]', '[data-action=finish]'],
  },
  surveyjs: {
    label: 'SurveyJS 2.5.38',
    path: `/surveyjs/?industry=${INDUSTRY}`,
    advance: [],
    question: '.sd-question[data-name]',
    questionId: 'name',
    questionSel: (id) => `.sd-question[data-name="${id}"]`,
    nav: ['.sd-navigation__next-btn', '.sd-navigation__complete-btn'],
  },
};

/** Runs in every document before its scripts: timestamps, auto-advance, wasm memory, events. */
function probe(cfg) {
  const B = (window.__bench = { t: {}, csp: [], events: [], clicked: 0 });
  document.addEventListener('securitypolicyviolation', (e) => B.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const orig = WebAssembly[name];
    if (!orig) continue;
    WebAssembly[name] = async function (...a) {
      const r = await orig.apply(this, a);
      const exports = (r.instance || r).exports || {};
      B.wasmMemory = Object.values(exports).find((e) => e instanceof WebAssembly.Memory) || B.wasmMemory;
      return r;
    };
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.events.push({ name: e.name, start: e.startTime, duration: e.duration, handler: e.processingEnd - e.processingStart, id: e.interactionId });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch { /* no Event Timing */ }
  // The page's own work for one click: from the click event reaching the window (capture)
  // until its change event has passed every listener and the microtasks they queued have run
  // (where Yew and Preact render). The browser's style, layout and paint come after and are
  // not included: they are in the long-task numbers from the trace.
  B.clickWork = [];
  let clickStart = null;
  window.addEventListener('pointerdown', () => { clickStart = null; }, true);
  window.addEventListener('click', () => { clickStart ??= performance.now(); }, true);
  window.addEventListener('change', () => {
    if (clickStart === null) return;
    const start = clickStart;
    let n = 0;
    const settle = () => {
      if (++n < 8) return queueMicrotask(settle);
      B.clickWork.push(performance.now() - start);
      clickStart = null;
    };
    queueMicrotask(settle);
  });
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => cb(performance.now());
    c.port2.postMessage(0);
  });
  const done = new WeakSet();
  const check = () => {
    if (B.t.firstQuestionDom === undefined) {
      for (const [sel, mark] of cfg.advance) {
        const el = document.querySelector(sel);
        if (el && !done.has(el)) {
          done.add(el);
          B.t[mark] ??= performance.now();
          el.click();
        }
      }
      if (document.querySelector(`${cfg.question} input`)) {
        B.t.firstQuestionDom = performance.now();
        afterPaint((t) => { B.t.firstQuestion = t; });
      }
    }
    if (B.t.reportDom === undefined && document.querySelector('[data-report]')) {
      B.t.reportDom = performance.now();
      afterPaint((t) => { B.t.report = t; });
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage'] });
}

// ---------------------------------------------------------------------------------------------
// What to answer: a fixed mix (a deterministic hash of the question id), the same in every
// variant, including "not applicable", "none of these", partial checklists and low scores on
// some critical questions (red flags).

const bank = JSON.parse(readFileSync(BANK_PATH, 'utf8'));
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const hash = (s) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

function plan(q) {
  const hsh = hash(q.id);
  if (q.not_applicable && hsh % 5 === 0) return { answer: 'na', clicks: ['na'] };
  if (q.kind === 'single') {
    const o = q.options[hsh % q.options.length].id;
    return { answer: o, clicks: [o] };
  }
  const ticked = q.options.filter((o, j) => (hsh + j) % 3 !== 0).map((o) => o.id);
  if (hsh % 11 === 0 || ticked.length === 0) return { answer: [], clicks: ['none'] };
  return { answer: ticked, clicks: ticked };
}

/** The expected report numbers, from the Rust core itself (`tscheck score`). */
function expected(ids) {
  const answers = Object.fromEntries(ids.map((id) => [id, plan(byId.get(id)).answer]));
  const dir = mkdtempSync(join(tmpdir(), 'tscheck-bench-'));
  try {
    const file = join(dir, 'answers.json');
    writeFileSync(file, JSON.stringify({
      format: 'tscheck-answers', version: 1, bank: { id: bank.id, version: bank.version },
      profile: { industry: INDUSTRY, cross_border: false, partners: true, org_name: '' }, answers,
    }));
    const out = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'tscheck', '--', 'score', BANK_PATH, file, '--format', 'json'],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const r = JSON.parse(out);
    return { overall: r.overall, level: r.level, redFlags: r.red_flags.length, actions: r.actions.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// One session: load a variant in a fresh context, reach the first question, answer everything,
// read the report, measure heap and print.

const metric = (m, name) => m.metrics.find((x) => x.name === name)?.value ?? NaN;

async function session(browser, server, key, { throttled, profile = false }) {
  const v = VARIANTS[key];
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Performance.enable');
  await page.addInitScript(probe, { advance: v.advance, question: v.question });
  // A same-origin blank page first, so the throttling set now stays with this renderer.
  await page.goto(`${server.url}/blank.html`);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttled ? THROTTLE : 1 });
  server.reset();
  await page.goto(`${server.url}${v.path}`);
  await page.waitForFunction(() => window.__bench.t.firstQuestion !== undefined, null, { timeout: 120_000 });
  const r = { variant: key, throttled };
  const t = await page.evaluate(() => window.__bench.t);
  r.firstQuestionMs = t.firstQuestion;
  if (t.firstScreen !== undefined) r.firstScreenMs = t.firstScreen;
  if (t.profile !== undefined) r.profileScreenMs = t.profile;
  r.fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);

  // Answer every question, page by page, with trusted mouse clicks (CDP input events at the
  // label's position) and, after each click, a wait for the next frame to be painted.
  let tracing = false;
  if (throttled) {
    // Only the top-level task events and our marks: little overhead. BENCH_TRACE_DIR=dir
    // saves each trace; BENCH_TRACE_DETAIL=1 adds the timeline (what each task did) for a look
    // in DevTools, at the cost of more overhead.
    const detail = process.env.BENCH_TRACE_DETAIL || profile ? ['devtools.timeline', 'disabled-by-default-devtools.timeline'] : [];
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', ...detail] });
    tracing = true;
  }
  const profiles = [];
  const clickProfiles = [];
  if (profile) {
    await cdp.send('Profiler.enable');
    // 100 µs: a 20 ms task at ×4 gets about 200 samples.
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  }
  const m0 = await cdp.send('Performance.getMetrics');
  const t0 = await page.evaluate(() => performance.now());
  const answered = [];
  let clicks = 0;
  let answerClicks = 0;
  let fallbacks = 0;
  const click = async (where, mark) => {
    const box = await page.evaluate(({ where, mark }) => {
      let el;
      if (where.input) {
        const q = document.querySelector(where.question);
        const input = q && q.querySelector(`input[value="${CSS.escape(where.input)}"]`);
        if (!input) return null;
        el = (input.labels && input.labels[0]) || input.closest('label') || input;
      } else {
        el = where.nav.map((s) => [...document.querySelectorAll(s)].find((e) => e.getClientRects().length && !e.disabled)).find(Boolean);
        if (!el) return null;
      }
      // Scroll it into view and let that scroll be painted first, so the click's window
      // holds the click's own work only.
      el.scrollIntoView({ block: 'center' });
      return new Promise((done) => requestAnimationFrame(() => setTimeout(() => {
        const rect = el.getBoundingClientRect();
        performance.mark(mark);
        done({ x: rect.left + Math.min(rect.width / 2, 24), y: rect.top + rect.height / 2 });
      })));
    }, { where, mark });
    if (!box) throw new Error(`${key}: nothing to click for ${JSON.stringify(where)}`);
    await page.mouse.click(box.x, box.y);
    clicks++;
    // Wait until the click's consequences are painted, then check the box took the click.
    const ok = await page.evaluate((where) => new Promise((done) => requestAnimationFrame(() => setTimeout(() => {
      if (!where.input) return done(true);
      const input = document.querySelector(where.question)?.querySelector(`input[value="${CSS.escape(where.input)}"]`);
      done(Boolean(input && input.checked));
    }))), where);
    if (!ok) {
      // Should not happen; counted and reported. Falls back to a programmatic click.
      fallbacks++;
      await page.evaluate((where) => document.querySelector(where.question).querySelector(`input[value="${CSS.escape(where.input)}"]`).click(), where);
    }
  };
  for (let guard = 0; guard < 60; guard++) {
    if (await page.$('[data-report]')) break;
    const ids = await page.$$eval(v.question, (els, k) => els.map((e) => e.dataset[k]), v.questionId);
    // The answer clicks of a page are profiled together (with the benchmark's own waits, which
    // the summary names and leaves out of nothing: they are small and show as such).
    if (profile) await cdp.send('Profiler.start');
    for (const id of ids) {
      if (answered.includes(id)) continue;
      for (const value of plan(byId.get(id)).clicks) {
        await click({ question: v.questionSel(id), input: value }, `bench:answer:${clicks}`);
        answerClicks++;
      }
      answered.push(id);
    }
    if (profile) clickProfiles.push((await cdp.send('Profiler.stop')).profile);
    const mark = `bench:page:${clicks}`;
    if (profile) await cdp.send('Profiler.start');
    await click({ nav: v.nav }, mark);
    if (profile) profiles.push({ mark, profile: (await cdp.send('Profiler.stop')).profile });
  }
  await page.waitForFunction(() => window.__bench.t.report !== undefined, null, { timeout: 120_000 });
  const m1 = await cdp.send('Performance.getMetrics');
  const t1 = await page.evaluate(() => window.__bench.t);
  r.answerAllMs = t1.report - t0;
  r.busyMs = (metric(m1, 'TaskDuration') - metric(m0, 'TaskDuration')) * 1000;
  r.scriptMs = (metric(m1, 'ScriptDuration') - metric(m0, 'ScriptDuration')) * 1000;
  r.clicks = clicks;
  r.answerClicks = answerClicks;
  r.pageClicks = clicks - answerClicks;
  r.fallbacks = fallbacks;
  r.answered = answered.length;
  r.answeredIds = answered;
  if (tracing) {
    const buffer = await browser.stopTracing();
    if (process.env.BENCH_TRACE_DIR) writeFileSync(join(process.env.BENCH_TRACE_DIR, `trace-${key}.json`), buffer);
    const trace = JSON.parse(buffer.toString('utf8'));
    Object.assign(r, longTasks(trace));
    if (profile) r.profile = pageChangeProfile(trace, profiles);
    if (profile) r.clickProfile = clickWorkProfile(clickProfiles);
  }
  const work = (await page.evaluate(() => window.__bench.clickWork)).sort((a, b) => a - b);
  r.clickWorkMaxMs = work.length ? work[work.length - 1] : NaN;
  r.clickWorkMedianMs = work.length ? work[work.length >> 1] : NaN;
  r.clickWorkOver16 = work.filter((x) => x > 16).length;
  r.clickWorkCount = work.length;
  const events = await page.evaluate(() => window.__bench.events);
  const perInteraction = new Map();
  for (const e of events) if (e.id) perInteraction.set(e.id, Math.max(perInteraction.get(e.id) ?? 0, e.duration));
  r.maxEventToPaintMs = perInteraction.size ? Math.max(...perInteraction.values()) : 0;
  r.interactionsOver16 = [...perInteraction.values()].filter((d) => d > 16).length;

  // The report as the variant shows it.
  const report = await page.$eval('[data-report]', (e) => ({ overall: Number(e.dataset.overall), level: Number(e.dataset.level) }));
  r.overall = report.overall;
  r.level = report.level;
  r.redFlags = await page.$$eval('[data-red-flag]', (els) => els.length);
  r.actions = await page.$$eval('[data-action-item]', (els) => els.length);

  // Memory after the report: JS heap after a full GC, the wasm linear memory, DOM nodes.
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const m2 = await cdp.send('Performance.getMetrics');
  r.jsHeapBytes = metric(m2, 'JSHeapUsedSize');
  r.wasmMemoryBytes = await page.evaluate(() => window.__bench.wasmMemory?.buffer.byteLength ?? 0);
  r.domNodes = metric(m2, 'Nodes');

  // Print the report to PDF (A4, backgrounds), as the print tests do.
  const p0 = performance.now();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  r.pdfMs = performance.now() - p0;
  r.pdfPages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;

  const log = server.log();
  r.requests = log.length;
  r.bytes = log.reduce((s, x) => s + x.bytes, 0);
  r.rawBytes = log.reduce((s, x) => s + (x.raw ?? 0), 0);
  r.files = log.map((x) => `${x.path} ${x.status} ${x.bytes}`);
  const b = await page.evaluate(() => ({ csp: window.__bench.csp }));
  r.cspViolations = b.csp;
  r.pageErrors = pageErrors;
  await context.close();
  return r;
}

/**
 * Long tasks on the page's main thread while answering, from the trace: for each click, the
 * longest task that ran between it and the next click (the task that placed the mark is the
 * benchmark's own and is left out).
 */
function longTasks(trace) {
  const events = trace.traceEvents || trace;
  const marks = events.filter((e) => e.cat && e.cat.includes('blink.user_timing') && /^bench:/.test(e.name))
    .sort((a, b) => a.ts - b.ts);
  if (!marks.length) return { longestAnswerTaskMs: NaN, longestPageTaskMs: NaN, answerTasksOver16: NaN };
  const { pid, tid } = marks[0];
  const tasks = events.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ph === 'X' && e.pid === pid && e.tid === tid && e.ts >= marks[0].ts - 1)
    // The benchmark's own tasks (the one that placed a mark) are not the page's work.
    .filter((t) => !marks.some((m) => m.ts >= t.ts && m.ts <= t.ts + t.dur));
  const dedup = [];
  const seen = new Set();
  for (const m of marks) if (!seen.has(m.name)) { seen.add(m.name); dedup.push(m); }
  let longestAnswer = 0;
  let longestPage = 0;
  let longestPageTask = null;
  const pageTasks = [];
  let over16 = 0;
  let busy = 0;
  dedup.forEach((m, i) => {
    const end = i + 1 < dedup.length ? dedup[i + 1].ts : Infinity;
    const inside = tasks.filter((t) => t.ts >= m.ts && t.ts < end);
    const longest = Math.max(0, ...inside.map((t) => t.dur / 1000));
    busy += inside.reduce((s, t) => s + t.dur / 1000, 0);
    if (m.name.startsWith('bench:answer:')) {
      longestAnswer = Math.max(longestAnswer, longest);
      if (longest > 16) over16++;
    } else {
      pageTasks.push(longest);
    }
    if (!m.name.startsWith('bench:answer:') && longest > longestPage) {
      longestPage = longest;
      const task = inside.find((t) => t.dur / 1000 === longest);
      longestPageTask = { mark: m.name, ts: task.ts, dur: task.dur, pid, tid };
    }
  });
  // The last page change opens the report; the others move between sections (and, in the
  // widget, to its review page).
  const sectionTasks = pageTasks.slice(0, -1);
  return {
    longestAnswerTaskMs: longestAnswer, longestPageTaskMs: longestPage, answerTasksOver16: over16, tracedBusyMs: busy, longestPageTask,
    longestSectionTaskMs: sectionTasks.length ? Math.max(...sectionTasks) : NaN, reportTaskMs: pageTasks.length ? pageTasks[pageTasks.length - 1] : NaN, pageTasks,
  };
}

/**
 * Where the longest page change's task goes: the timeline events inside it by self time (script,
 * style, layout, paint, garbage collection...), and the CPU profile's functions by self time
 * and by total time (a function counted once per sample however deep it recurses), over the
 * samples that fall inside that task.
 */
function pageChangeProfile(trace, profiles) {
  const events = trace.traceEvents || trace;
  const { longestPageTask: task } = longTasks(trace);
  if (!task) return null;
  const end = task.ts + task.dur;
  // Timeline: complete events on the task's thread inside the task, nested by time; each
  // event's self time is its duration less its children's.
  const inside = events.filter((e) => e.ph === 'X' && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur || 0) <= end && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const timeline = new Map();
  const stack = [];
  const frames = [];
  for (const e of inside) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    if (stack.length) stack[stack.length - 1].self -= e.dur;
    const frame = { ts: e.ts, dur: e.dur, self: e.dur, name: e.name };
    stack.push(frame);
    frames.push(frame);
  }
  for (const f of frames) timeline.set(f.name, (timeline.get(f.name) ?? 0) + f.self / 1000);
  // CPU profile of the same page change: samples inside the task's time span (the profiler's
  // clock is the trace's).
  const entry = profiles.find((p) => p.mark === task.mark);
  const self = new Map();
  const total = new Map();
  let sampled = 0;
  if (entry) {
    const { startTime, endTime } = entry.profile;
    // Should the clocks ever differ, the whole profiled page change is counted instead.
    const within = startTime <= end && endTime >= task.ts;
    sampled = addSamples(entry.profile, self, total, (t) => !within || (t >= task.ts && t <= end));
  }
  return {
    mark: task.mark, taskMs: task.dur / 1000, sampledMs: sampled,
    timeline: topEntries(timeline, 15), selfTime: topEntries(self, 30), totalTime: topEntries(total, 40),
    profile: entry?.profile,
  };
}

/** The label of a CPU profile node: the function, and the file and line of a script. */
function profileLabel(n) {
  const f = n.callFrame;
  const where = f.url ? ` ${f.url.split('/').pop().replace(/-[0-9a-f]{8,}/, '')}` : '';
  return `${f.functionName || '(anonymous)'}${f.url && !f.url.endsWith('.wasm') && !where.includes('wasm') ? `${where}:${f.lineNumber + 1}` : ''}`;
}

/**
 * Where the answer clicks' script time goes: every page's answer clicks, profiled together,
 * by self time and total time (idle and the profiler's own program time left out).
 */
function clickWorkProfile(profiles) {
  const self = new Map();
  const total = new Map();
  const skip = new Set(['(idle)', '(program)', '(garbage collector)']);
  const sampled = profiles.reduce((sum, p) => sum + addSamples(p, self, total, (t, label) => !skip.has(label)), 0);
  return { sampledMs: sampled, selfTime: topEntries(self, 30), totalTime: topEntries(total, 50) };
}

/**
 * Adds a CPU profile's samples to `self` and `total` (ms by function label; a function counted
 * once per sample however deep it recurses), those that `keep(time, label)` accepts; returns
 * the ms added. A sample's time is the profiler's clock, which is the trace's.
 */
function addSamples({ nodes, samples, timeDeltas, startTime }, self, total, keep) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children || []) parent.set(c, n.id);
  let t = startTime;
  let added = 0;
  samples.forEach((id, i) => {
    t += timeDeltas[i] ?? 0;
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    const label = profileLabel(byId.get(id));
    if (!keep(t, label)) return;
    added += ms;
    self.set(label, (self.get(label) ?? 0) + ms);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const name = profileLabel(byId.get(cur));
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  return added;
}

/** The n largest entries of a map of ms, rounded to 0.1 ms. */
const topEntries = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }));

function printClickProfile(key, r) {
  const p = r.clickProfile;
  if (!p) return '';
  const lines = [`## ${VARIANTS[key].label}: all answer clicks (${r.answerClicks}), ${p.sampledMs.toFixed(1)} ms of script sampled at CPU ×${THROTTLE}`, ''];
  lines.push('Functions by self time:', '', '| function | ms |', '|---|---:|');
  for (const e of p.selfTime) lines.push(`| \`${e.name}\` | ${e.ms} |`);
  lines.push('', 'Functions by total time (self and callees):', '', '| function | ms |', '|---|---:|');
  for (const e of p.totalTime) lines.push(`| \`${e.name}\` | ${e.ms} |`);
  return lines.join('\n');
}

function printProfile(key, r) {
  const p = r.profile;
  if (!p) return say(`${key}: no page change was traced`);
  const lines = [`## ${VARIANTS[key].label}: longest page change (${p.mark}), one task of ${p.taskMs.toFixed(1)} ms at CPU ×${THROTTLE}; ${p.sampledMs.toFixed(1)} ms sampled`, ''];
  lines.push(`Longest task of each page change, in order (ms): ${r.pageTasks.map((x) => x.toFixed(0)).join(', ')}`, '');
  lines.push('Timeline events inside the task, by self time:', '', '| event | ms |', '|---|---:|');
  for (const e of p.timeline) lines.push(`| ${e.name} | ${e.ms} |`);
  lines.push('', 'Functions by self time:', '', '| function | ms |', '|---|---:|');
  for (const e of p.selfTime) lines.push(`| \`${e.name}\` | ${e.ms} |`);
  lines.push('', 'Functions by total time (self and callees):', '', '| function | ms |', '|---|---:|');
  for (const e of p.totalTime) lines.push(`| \`${e.name}\` | ${e.ms} |`);
  return lines.join('\n');
}

if (PROFILE) {
  const server = await startBenchServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const out = [`Measured ${new Date().toISOString()}; Chromium ${browser.version()}; industry ${INDUSTRY}.`, ''];
  mkdirSync(OUT, { recursive: true });
  try {
    for (const key of ONLY) await session(browser, server, key, { throttled: false });
    for (const key of ONLY) {
      const r = await session(browser, server, key, { throttled: true, profile: true });
      say(`${key}: longest page task ${r.longestPageTaskMs.toFixed(1)} ms (profiled, so slower than in the table)`);
      out.push(printProfile(key, r), '', printClickProfile(key, r), '');
      if (r.profile?.profile) writeFileSync(join(OUT, `page-change-${key}.cpuprofile`), JSON.stringify(r.profile.profile));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const text = out.join('\n');
  console.log(text);
  writeFileSync(join(OUT, 'page-change-profile.md'), `${text}\n`);
  say(`written bench/output/page-change-profile.md and page-change-*.cpuprofile (open in DevTools, Performance)`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Main: runs, statistics, table.

const stats = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], n: s.length };
};

let results;
let chromiumVersion;
let want;
let problems;
let runs = RUNS;
let industry = INDUSTRY;
let machine;
let date = new Date().toISOString().slice(0, 10);
if (FROM) {
  const saved = JSON.parse(readFileSync(FROM, 'utf8'));
  ({ results, expected: want, problems, machine, date, runs, industry } = saved);
} else {
  const server = await startBenchServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  results = [];
  chromiumVersion = browser.version();
  say(`Chromium ${chromiumVersion}, ${RUNS} runs, variants ${ONLY.join(', ')}, industry ${INDUSTRY}, CPU ×${THROTTLE} for the throttled pass`);
  try {
    // A warm-up pass (not counted) compresses every file once and warms the browser.
    for (const key of ONLY) await session(browser, server, key, { throttled: false });
    for (let run = 0; run < RUNS; run++) {
      const order = ONLY.map((_, i) => ONLY[(i + run) % ONLY.length]);
      for (const key of order) {
        for (const throttled of [false, true]) {
          const r = await session(browser, server, key, { throttled });
          r.run = run;
          results.push(r);
          say(`run ${run + 1}/${RUNS} ${key}${throttled ? ` ×${THROTTLE}` : ''}: first question ${r.firstQuestionMs.toFixed(0)} ms, answer all ${r.answerAllMs.toFixed(0)} ms, `
            + `${r.bytes} B, report ${r.overall}/L${r.level}${throttled ? `, longest answer task ${r.longestAnswerTaskMs.toFixed(1)} ms` : ''}`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  // Every variant must have reported the numbers the Rust core computes for the same answers.
  const answeredIds = results.find((r) => r.variant === 'widget')?.answeredIds ?? results[0].answeredIds;
  want = expected(answeredIds);
  problems = [];
  for (const r of results) {
    if (r.overall !== want.overall || r.level !== want.level || r.redFlags !== want.redFlags || r.actions !== want.actions) {
      problems.push(`${r.variant} run ${r.run}: report ${r.overall}/L${r.level}/${r.redFlags} red flags/${r.actions} actions, core says ${want.overall}/L${want.level}/${want.redFlags}/${want.actions}`);
    }
    if ([...r.answeredIds].sort().join() !== [...answeredIds].sort().join()) problems.push(`${r.variant} run ${r.run}: answered a different set of questions (${r.answered})`);
    if (r.fallbacks) problems.push(`${r.variant} run ${r.run}: ${r.fallbacks} clicks did not take and were repeated programmatically`);
    if (r.pageErrors.length) problems.push(`${r.variant} run ${r.run}: page errors ${r.pageErrors.join('; ')}`);
  }
  machine = `${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${osRelease()}; Chromium ${chromiumVersion} headless; Node ${process.version}`;
}
const ids = results.find((r) => r.variant === 'widget')?.answeredIds ?? results[0].answeredIds;

const pick = (key, throttled, field) => stats(results.filter((r) => r.variant === key && r.throttled === throttled).map((r) => r[field]));
const ROWS = [
  // [label, field, throttled, unit scale, unit, target: [ratio vs floor, ratio vs surveyjs]]
  ['Bytes over the wire (brotli)', 'bytes', false, 1 / 1000, 'kB', [2.5, 0.35]],
  ['Requests', 'requests', false, 1, '', null],
  ['First interactive question', 'firstQuestionMs', false, 1, 'ms', [1.2, 0.5]],
  [`First interactive question, CPU ×${THROTTLE}`, 'firstQuestionMs', true, 1, 'ms', [1.5, 0.5]],
  ['First contentful paint', 'fcpMs', false, 1, 'ms', [1.2, null]],
  [`First contentful paint, CPU ×${THROTTLE}`, 'fcpMs', true, 1, 'ms', null],
  ['Answer all → report painted', 'answerAllMs', false, 1, 'ms', [1.5, null]],
  ['Main-thread busy while answering', 'busyMs', false, 1, 'ms', null],
  ['JS heap after report (after GC)', 'jsHeapBytes', false, 1 / 1e6, 'MB', null],
  ['+ wasm linear memory', 'wasmMemoryBytes', false, 1 / 1e6, 'MB', null],
  ['DOM nodes after report', 'domNodes', false, 1, '', null],
  ['page.pdf() of the report', 'pdfMs', false, 1, 'ms', [1.5, null]],
  ['PDF pages', 'pdfPages', false, 1, '', null],
  [`Answer all → report, CPU ×${THROTTLE}`, 'answerAllMs', true, 1, 'ms', null],
  ['Page work per answer click, median', 'clickWorkMedianMs', false, 1, 'ms', null],
  [`Page work per answer click, median, CPU ×${THROTTLE}`, 'clickWorkMedianMs', true, 1, 'ms', null],
  [`Page work per answer click, longest, CPU ×${THROTTLE}`, 'clickWorkMaxMs', true, 1, 'ms', 'abs16'],
  [`Answer clicks with page work > 16 ms, CPU ×${THROTTLE}`, 'clickWorkOver16', true, 1, '', null],
  [`Longest task after an answer click, CPU ×${THROTTLE}`, 'longestAnswerTaskMs', true, 1, 'ms', [1.2, null]],
  [`Answer clicks with a task > 16 ms, CPU ×${THROTTLE}`, 'answerTasksOver16', true, 1, '', 'floor+5'],
  [`Longest event-to-paint of any click (page changes too), CPU ×${THROTTLE}`, 'maxEventToPaintMs', true, 1, 'ms', null],
  [`Longest task of a page change, CPU ×${THROTTLE}`, 'longestPageTaskMs', true, 1, 'ms', [1.3, null]],
  [`  of which: longest task moving between sections, CPU ×${THROTTLE}`, 'longestSectionTaskMs', true, 1, 'ms', null],
  [`  of which: longest task opening the report, CPU ×${THROTTLE}`, 'reportTaskMs', true, 1, 'ms', null],
  ['Widget: start screen interactive', 'firstScreenMs', false, 1, 'ms', null],
  ['Widget: profile screen interactive', 'profileScreenMs', false, 1, 'ms', null],
];

const fmt = (x, scale) => {
  if (x == null || !Number.isFinite(x)) return '—';
  const v = x * scale;
  if (Number.isInteger(v)) return String(v);
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
};
const cell = (s, scale) => (s ? `${fmt(s.median, scale)} (${fmt(s.min, scale)}–${fmt(s.max, scale)})` : '—');
const lines = [];
lines.push(`Measured ${date} on ${machine}. ${runs} runs; median (min–max). Industry ${industry} (general + one industry module), ${ids.length} questions, ${results[0]?.answerClicks ?? results[0]?.clickWorkCount ?? '?'} answer clicks and the page changes per run.`);
lines.push('');
const has = (k) => ONLY.includes(k);
lines.push(`| metric | ${ONLY.map((k) => VARIANTS[k].label).join(' | ')} |${has('widget') && has('floor') ? ' widget ÷ floor |' : ''}${has('widget') && has('surveyjs') ? ' widget ÷ SurveyJS |' : ''} target |`);
lines.push(`|---|${ONLY.map(() => '---:').join('|')}|${has('widget') && has('floor') ? '---:|' : ''}${has('widget') && has('surveyjs') ? '---:|' : ''}---|`);
const verdicts = [];
for (const [label, field, throttled, scale, unit, target] of ROWS) {
  const s = Object.fromEntries(ONLY.map((k) => [k, pick(k, throttled, field)]));
  if (ONLY.every((k) => !s[k])) continue;
  const ratio = (a, b) => (s[a] && s[b] && s[b].median > 0 ? s[a].median / s[b].median : null);
  const rf = has('widget') && has('floor') ? ratio('widget', 'floor') : null;
  const rs = has('widget') && has('surveyjs') ? ratio('widget', 'surveyjs') : null;
  let targetText = '';
  if (Array.isArray(target)) {
    const parts = [];
    if (target[0] != null && rf != null) {
      const ok = rf <= target[0];
      parts.push(`≤ ${target[0]}× floor: ${ok ? 'met' : '**not met**'}`);
      verdicts.push({ label, against: 'floor', limit: target[0], ratio: rf, ok });
    }
    if (target[1] != null && rs != null) {
      const ok = rs <= target[1];
      parts.push(`≤ ${target[1]}× SurveyJS: ${ok ? 'met' : '**not met**'}`);
      verdicts.push({ label, against: 'SurveyJS', limit: target[1], ratio: rs, ok });
    }
    targetText = parts.join('; ');
  } else if (target === 'floor+5' && s.widget && s.floor) {
    const ok = s.widget.median <= s.floor.median + 5;
    targetText = `≤ floor + 5: ${ok ? 'met' : '**not met**'}`;
    verdicts.push({ label, against: 'floor + 5', limit: s.floor.median + 5, value: s.widget.median, ok });
  } else if (target === 'abs16' && s.widget) {
    const ok = s.widget.max <= 16;
    targetText = `widget ≤ 16 ms on every click: ${ok ? 'met' : '**not met**'} (max ${fmt(s.widget.max, 1)} ms)`;
    verdicts.push({ label, against: '16 ms', limit: 16, value: s.widget.max, ok });
  }
  lines.push(`| ${label}${unit ? ` (${unit})` : ''} | ${ONLY.map((k) => cell(s[k], scale)).join(' | ')} |${has('widget') && has('floor') ? ` ${rf == null ? '—' : `${rf.toFixed(2)}×`} |` : ''}${has('widget') && has('surveyjs') ? ` ${rs == null ? '—' : `${rs.toFixed(2)}×`} |` : ''} ${targetText} |`);
}
const table = lines.join('\n');
console.log(table);
console.log('');
const csp = Object.fromEntries(ONLY.map((k) => [k, [...new Set(results.filter((r) => r.variant === k).flatMap((r) => r.cspViolations))]]));
for (const [k, list] of Object.entries(csp)) if (list.length) console.log(`CSP violations under the strict policy, ${k}: ${list.join(', ')}`);
console.log(`Report numbers: every variant ${problems.length ? 'did NOT always match' : 'matched'} the Rust core (tscheck score): overall ${want.overall}, level ${want.level}, ${want.redFlags} red flags, ${want.actions} actions.`);
for (const p of problems) console.log(`PROBLEM: ${p}`);
for (const k of ONLY) {
  const r = results.find((x) => x.variant === k && !x.throttled);
  if (r) console.log(`files, ${k}: ${r.files.join(', ')}`);
}

if (!FROM) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `bench-${date}.md`), `${table}\n`);
  writeFileSync(join(OUT, `bench-${date}.json`), JSON.stringify({ date, machine, runs: RUNS, industry: INDUSTRY, throttle: THROTTLE, expected: want, verdicts, problems, csp, results }, null, 1));
  say(`written ${join('bench', 'output', `bench-${date}.md`)} and .json`);
}
process.exitCode = problems.length ? 1 : 0;
