// Prints every file of the release build with its raw, gzip -9 and brotli sizes, and fails
// when the brotli total exceeds the budget. The budget lives here, and only here: raising it
// is a conscious, reviewed change (see README "Performance", "Size and budget").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/**
 * Total brotli bytes of dist/ that the test command accepts: the release build measured
 * 254,730 bytes on 2026-11-27 (after the bundled bank was minified), plus about 1% headroom.
 */
export const SIZE_BUDGET_BROTLI_BYTES = 296_000;

/**
 * The bank check page (bank-check.html and its own script, wasm and styles) is a tool for the
 * bank's editors, built as its own entry: it is listed, but it is not part of the widget's budget.
 */
export const isBankCheckFile = (file) => /^bank-check[.-]/.test(file);

export function measure(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const data = readFileSync(path);
        files.push({
          file: path.slice(dir.length + 1),
          raw: data.length,
          gzip: gzipSync(data, { level: 9 }).length,
          brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        });
      }
    }
  };
  walk(dir);
  const total = files.filter((f) => !isBankCheckFile(f.file)).reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  const { files, total } = measure(dir);
  const row = (name, r, g, b) => console.log(`${name.padEnd(40)} ${String(r).padStart(10)} ${String(g).padStart(10)} ${String(b).padStart(10)}`);
  row('file', 'raw', 'gzip -9', 'brotli');
  for (const f of files) row(f.file + (isBankCheckFile(f.file) ? ' (bank check page, not counted)' : ''), f.raw, f.gzip, f.brotli);
  row('total (the widget)', total.raw, total.gzip, total.brotli);
  console.log(`budget: ${total.brotli} of ${SIZE_BUDGET_BROTLI_BYTES} brotli bytes`);
  if (total.brotli > SIZE_BUDGET_BROTLI_BYTES) {
    console.error(`size budget exceeded by ${total.brotli - SIZE_BUDGET_BROTLI_BYTES} bytes: shrink the bundle, or raise SIZE_BUDGET_BROTLI_BYTES in tests/e2e/size-report.mjs and explain why in the README`);
    process.exit(1);
  }
}
