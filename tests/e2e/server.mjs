// A small static server for dist/: used by the serve command and by the end-to-end tests.
// It sends the strict Content-Security-Policy the product promises to work under, serves the
// widget under any sub-path, and logs every path it is asked for (the browser does not report
// every request to the test, e.g. the favicon).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Starts a server. `mounts` maps a URL prefix (ending in '/') to a folder; the longest
 * matching prefix wins. Returns { url, port, log, close }.
 */
export async function startServer({ mounts, port = 0, host = '127.0.0.1', csp = STRICT_CSP, brotli = false, headers = {} }) {
  const log = [];
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, `http://${host}`);
    log.push({ method: req.method, path: url.pathname, search: url.search });
    const prefix = prefixes.find((p) => url.pathname.startsWith(p));
    if (!prefix) return notFound(res);
    const root = resolve(mounts[prefix]);
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) return notFound(res);
    try {
      if (!(await stat(file)).isFile()) return notFound(res);
      let body = await readFile(file);
      const type = TYPES[extname(file)] || 'application/octet-stream';
      const head = { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers };
      if (type.startsWith('text/html') && csp) head['Content-Security-Policy'] = csp;
      if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] || '')) {
        body = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });
        head['Content-Encoding'] = 'br';
      }
      head['Content-Length'] = body.length;
      res.writeHead(200, head);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound(res);
    }
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    log,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('not found');
}

// `node server.mjs DIR [PORT]`: serve DIR at / with the strict CSP (the README's serve command).
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  const { url } = await startServer({ mounts: { '/': dir }, port });
  console.log(`Serving the widget from ${dir} at ${url}/ (Ctrl+C to stop)`);
}
