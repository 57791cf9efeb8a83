// Prints every file of the release build with its raw, gzip -9 and brotli sizes, the bundled
// bank's share of them, and fails when the bank or everything else exceeds its budget. The
// budgets live here, and only here: raising one is a conscious, reviewed change (see README
// "Performance", "Size and budget").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/**
 * The widget's bytes are two things that grow for different reasons. The bank is content the
 * regulator publishes: it grows with every module, and the floor page downloads the same bytes.
 * Everything else (wasm code, glue, CSS, HTML) is ours to keep small. Each has its own budget
 * of brotli bytes. The bank's share is its minified JSON (as the build bundles it), brotli on its
 * own; everything else is the widget's total less that share.
 *
 * Measured on 2026-12-01 (bank 2026.12.2): bank 103,536, everything else 191,307 at the split,
 * 200,154 after issues 13 and 15 (README, "Size and budget", says what grew and why). Budgets:
 * the bank with room for a module more; everything else with about 1%.
 */
export const BANK_BUDGET_BROTLI_BYTES = 130_000;
export const REST_BUDGET_BROTLI_BYTES = 202_500;

/** The bundled bank's brotli bytes: assets/bank/bank.json without whitespace, as src/build.rs bundles it. */
export function bankShare(bankPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'bank', 'bank.json')) {
  const minified = Buffer.from(JSON.stringify(JSON.parse(readFileSync(bankPath, 'utf8'))));
  return {
    raw: minified.length,
    brotli: brotliCompressSync(minified, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

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
  const bank = bankShare();
  const rest = total.brotli - bank.brotli;
  console.log(`bank (bundled JSON, brotli on its own): ${bank.brotli} of ${BANK_BUDGET_BROTLI_BYTES} brotli bytes`);
  console.log(`everything else (code, glue, CSS, HTML): ${rest} of ${REST_BUDGET_BROTLI_BYTES} brotli bytes`);
  let over = false;
  if (bank.brotli > BANK_BUDGET_BROTLI_BYTES) {
    console.error(`the bank is over its budget by ${bank.brotli - BANK_BUDGET_BROTLI_BYTES} bytes: raise BANK_BUDGET_BROTLI_BYTES in tests/e2e/size-report.mjs and say in the README what content grew`);
    over = true;
  }
  if (rest > REST_BUDGET_BROTLI_BYTES) {
    console.error(`everything but the bank is over its budget by ${rest - REST_BUDGET_BROTLI_BYTES} bytes: shrink the code, or raise REST_BUDGET_BROTLI_BYTES in tests/e2e/size-report.mjs and explain why in the README`);
    over = true;
  }
  if (over) process.exit(1);
}
