// A small W3C WebDriver client over Node's fetch, and the two engines the cross-engine layer
// drives with it: WebKitGTK (WebKitWebDriver + MiniBrowser under a private Xvfb) and Firefox
// (geckodriver + firefox-esr -headless), all from Debian's packages except geckodriver (built
// from the Rust crate registry by .ci/setup.sh). Every process runs on a free port or display
// (other people run tests on the same machine), every wait is time-bound, and every process this
// file starts is stopped when the tests end, even when they fail or are interrupted.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, mkdirSync, rmSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COMMAND_TIMEOUT_MS = 60_000;
const START_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// Processes: each in its own process group, killed (with what it started) on stop and on exit.

const running = new Set();
function killGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}
process.on('exit', () => { for (const child of running) killGroup(child, 'SIGKILL'); });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => { for (const child of running) killGroup(child, 'SIGKILL'); process.exit(130); });
}

/** Starts `command`; its output is kept (the last 20 kB) to explain a failure. */
function startProcess(command, args, { env = {}, stdio } = {}) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env }, detached: true, stdio: stdio ?? ['ignore', 'pipe', 'pipe'],
  });
  child.output = '';
  const keep = (chunk) => { child.output = (child.output + chunk).slice(-20_000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.exited = new Promise((ok) => child.once('exit', (code, signal) => { running.delete(child); ok({ code, signal }); }));
  child.once('error', (e) => { child.output += `\n${e.message}`; });
  running.add(child);
  return child;
}

/** Stops a process group: SIGTERM, then SIGKILL if it has not exited within 5 s. */
async function stopProcess(child) {
  if (!child || !running.has(child)) return;
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
  await child.exited;
  clearTimeout(timer);
}

/** A TCP port nobody is listening on right now. */
function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => ok(port)); });
  });
}

/** Polls `probe` (async, returns a truthy value when done) every 50 ms until `timeoutMs`. */
export async function poll(probe, timeoutMs, describe) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) { last = e; }
    if (Date.now() > deadline) {
      const detail = typeof describe === 'function' ? await describe().catch((e) => e.message) : describe;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${detail}${last ? ` (last error: ${last.message})` : ''}`);
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

// ---------------------------------------------------------------------------------------------
// Xvfb on a display it picks itself (-displayfd), with a private MIT-MAGIC-COOKIE.

// xauth says on stderr that it creates the file; an error still carries its stderr.
const QUIET = { stdio: ['ignore', 'ignore', 'pipe'] };

async function startXvfb(dir) {
  const serverAuth = join(dir, 'xvfb.auth');
  const clientAuth = join(dir, 'client.auth');
  const cookie = randomBytes(16).toString('hex');
  // The server loads every cookie of its -auth file; the display number is not known yet.
  execFileSync('xauth', ['-q', '-f', serverAuth, 'add', ':0', 'MIT-MAGIC-COOKIE-1', cookie], QUIET);
  const xvfb = startProcess('Xvfb', ['-displayfd', '3', '-auth', serverAuth, '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'],
    { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  let displayOut = '';
  xvfb.stdio[3].on('data', (c) => { displayOut += c; });
  const display = await poll(async () => {
    if (!running.has(xvfb)) throw new Error(`Xvfb exited: ${xvfb.output}`);
    return /^\d+\n/.test(displayOut) ? `:${displayOut.trim()}` : null;
  }, START_TIMEOUT_MS, () => Promise.resolve(`Xvfb to report its display (output: ${xvfb.output})`));
  execFileSync('xauth', ['-q', '-f', clientAuth, 'add', display, 'MIT-MAGIC-COOKIE-1', cookie], QUIET);
  return { process: xvfb, env: { DISPLAY: display, XAUTHORITY: clientAuth } };
}

// ---------------------------------------------------------------------------------------------
// The engines.

/** The MiniBrowser that Debian's WebKitGTK library package installs (found with dpkg -L). */
export function miniBrowserPath() {
  const packages = execFileSync('dpkg-query', ['-W', '-f', '${Package} ${Status}\n', 'libwebkit*gtk*'], { encoding: 'utf8' })
    .split('\n').filter((l) => l.endsWith('install ok installed')).map((l) => l.split(' ')[0]);
  for (const pkg of packages) {
    const found = execFileSync('dpkg', ['-L', pkg], { encoding: 'utf8' }).split('\n').find((f) => f.endsWith('/MiniBrowser'));
    if (found) return found;
  }
  throw new Error(`no MiniBrowser in the installed WebKitGTK packages (${packages.join(', ') || 'none'}): run .ci/setup.sh`);
}

function which(command) {
  try { return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim(); } catch { return ''; }
}

export const ENGINES = {
  webkit: {
    label: 'WebKitGTK (WebKitWebDriver + MiniBrowser under Xvfb)',
    // WebKitWebDriver 2.50 answers "unknown command" to W3C Print Page.
    print: false,
    async start(dir) {
      const xvfb = await startXvfb(dir);
      const binary = miniBrowserPath();
      // MiniBrowser saves a download, without asking, into the user's download folder, which is
      // $HOME when there is no XDG user-dirs file: a fresh HOME per browser is its download folder.
      const home = join(dir, 'home');
      mkdirSync(home);
      const driver = await startDriver((port) => startProcess('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
        env: { ...xvfb.env, HOME: home },
      }));
      return {
        processes: [driver.process, xvfb.process],
        url: driver.url,
        downloads: home,
        capabilities: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] } },
      };
    },
  },
  firefox: {
    label: 'Firefox ESR (geckodriver + firefox-esr -headless)',
    print: true,
    async start(dir) {
      const binary = which('firefox-esr');
      if (!binary) throw new Error('firefox-esr is not installed: run .ci/setup.sh');
      if (!which('geckodriver')) throw new Error('geckodriver is not installed: run .ci/setup.sh');
      const downloads = join(dir, 'downloads');
      // Firefox picks its own Marionette port (geckodriver's default, 0); the WebDriver BiDi
      // port is only opened when a session asks for it, and this client never does.
      const driver = await startDriver((port) => startProcess('geckodriver', ['--port', String(port), '--host', '127.0.0.1', '--websocket-port', '0', '--profile-root', dir], {
        env: { HOME: dir, MOZ_HEADLESS: '1' },
      }));
      return {
        processes: [driver.process],
        url: driver.url,
        downloads,
        capabilities: {
          browserName: 'firefox',
          'moz:firefoxOptions': {
            binary,
            args: ['-headless'],
            prefs: {
              'browser.download.folderList': 2,
              'browser.download.dir': downloads,
              'browser.download.useDownloadDir': true,
              'browser.download.always_ask_before_handling_new_types': false,
              'browser.helperApps.neverAsk.saveToDisk': 'application/json',
              'browser.download.manager.showWhenStarting': false,
            },
          },
        },
      };
    },
  },
};

/** Starts a driver on a free port and waits until its /status says ready (three tries). */
async function startDriver(launch) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = launch(port);
    const url = `http://127.0.0.1:${port}`;
    try {
      await poll(async () => {
        if (!running.has(child)) throw new Error(`the driver exited: ${child.output.trim()}`);
        const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2_000) });
        const body = await res.json();
        return body.value?.ready === true;
      }, START_TIMEOUT_MS, () => Promise.resolve(`the driver on port ${port} to be ready (output: ${child.output.trim()})`));
      return { process: child, url };
    } catch (e) {
      lastError = e;
      await stopProcess(child);
    }
  }
  throw lastError;
}

// ---------------------------------------------------------------------------------------------
// W3C WebDriver: sessions and commands.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {
  constructor(command, value) {
    super(`${command}: ${value?.error ?? 'error'}: ${value?.message ?? JSON.stringify(value)}`);
    this.error = value?.error;
  }
}

async function call(base, method, path, body) {
  const command = `${method} ${path}`;
  let res;
  try {
    res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
    });
  } catch (e) {
    throw new Error(`${command}: no answer from the driver: ${e.message}`);
  }
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { throw new Error(`${command}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`); }
  if (!res.ok || json.value?.error) throw new WebDriverError(command, json.value);
  return json.value;
}

/** One browser: a started engine (driver, browser, Xvfb) and its WebDriver session. */
export class Browser {
  static async open(engineName) {
    const engine = ENGINES[engineName];
    if (!engine) throw new Error(`unknown engine ${engineName}`);
    const dir = mkdtempSync(join(tmpdir(), `tscheck-${engineName}-`));
    let started;
    try {
      started = await engine.start(dir);
      const value = await call(started.url, 'POST', '/session', { capabilities: { alwaysMatch: started.capabilities } });
      return new Browser(engineName, dir, started, value.sessionId, value.capabilities);
    } catch (e) {
      for (const p of started?.processes ?? []) await stopProcess(p);
      rmSync(dir, { recursive: true, force: true });
      const output = (started?.processes ?? []).map((p) => p.output.trim()).filter(Boolean).join('\n');
      throw new Error(`could not start ${engine.label}: ${e.message}${output ? `\n${output}` : ''}`);
    }
  }

  constructor(engine, dir, started, id, capabilities) {
    Object.assign(this, { engine, dir, started, id, capabilities, downloads: started.downloads });
  }

  cmd(method, path, body) { return call(this.started.url, method, `/session/${this.id}${path}`, body); }

  async close() {
    try { await this.cmd('DELETE', ''); } catch { /* the processes are stopped below anyway */ }
    for (const p of this.started.processes) await stopProcess(p);
    rmSync(this.dir, { recursive: true, force: true });
  }

  navigate(url) { return this.cmd('POST', '/url', { url }); }
  refresh() { return this.cmd('POST', '/refresh', {}); }

  /** Runs `fn` (a function, or a function body) in the page with `args`; returns its result. */
  exec(fn, ...args) {
    const script = typeof fn === 'function' ? `return (${fn}).apply(null, arguments);` : fn;
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  async find(css) {
    const value = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return value[ELEMENT];
  }

  async findAll(css) {
    const value = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return value.map((e) => e[ELEMENT]);
  }

  /** A trusted click through the driver (scrolls the element into view first). */
  async click(css) { await this.cmd('POST', `/element/${await this.find(css)}/click`, {}); }

  async sendKeys(css, text) { await this.cmd('POST', `/element/${await this.find(css)}/value`, { text }); }

  /** W3C Print Page: A4 with backgrounds; returns the PDF. */
  async print() {
    const value = await this.cmd('POST', '/print', { page: { width: 21.0, height: 29.7 }, background: true });
    return Buffer.from(value, 'base64');
  }

  /** Waits (polling, at most `timeoutMs`) until `css` matches; explains the page on timeout. */
  waitFor(css, timeoutMs = 20_000) {
    return poll(() => this.exec((s) => document.querySelector(s) !== null, css), timeoutMs,
      () => this.describe().then((d) => `${css} (${d})`));
  }

  /** Where the widget is, for error messages. */
  async describe() {
    return JSON.stringify(await this.exec(() => {
      const app = document.querySelector('[data-app]');
      return {
        url: location.href,
        stage: app?.dataset.stage ?? null,
        lang: app?.dataset.lang ?? null,
        errors: [...document.querySelectorAll('[data-error]')].map((e) => e.textContent.trim()).slice(0, 3),
        body: app ? undefined : document.body?.textContent.trim().slice(0, 300),
      };
    }));
  }

  /** The .json file the browser saved into its download folder, once complete. */
  async downloaded(timeoutMs = 20_000) {
    let size = -1;
    const name = await poll(() => {
      let names;
      try { names = readdirSync(this.downloads); } catch { return null; }
      // Firefox writes NAME.part and WebKit NAME.wkdownload while downloading, then rename.
      if (names.some((n) => n.endsWith('.part') || n.endsWith('.wkdownload'))) return null;
      const found = names.find((n) => n.endsWith('.json'));
      if (!found) return null;
      // Done when its size is the same on two polls in a row.
      const now = statSync(join(this.downloads, found)).size;
      const stable = now > 0 && now === size;
      size = now;
      return stable ? found : null;
    }, timeoutMs, `a downloaded .json file in ${this.downloads}`);
    return { name, text: readFileSync(join(this.downloads, name), 'utf8') };
  }
}
