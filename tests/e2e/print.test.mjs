// The report prints well (product promise 3): printed to an A4 PDF by Chromium, in Chinese and
// in English, the text a reader needs is there (heading, score, level, red flags, every section),
// the screen-only toolbar is not, Chinese comes out as Chinese characters, and the pages render.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, openWidget, readBank, answersFile, openReport } from './helpers.mjs';

const run = promisify(execFile);
const bank = readBank();

// Strongest everywhere except three measures listed in the SPC provisions: a high score capped by red flags.
const PROFILE = { industry: 'biomedical', crossBorder: true, partners: true };
const WEAK = ['people-nda-all-staff', 'bio-cell-bank', 'it-dlp-controls'];
const FILE = answersFile(bank, PROFILE, (q) => (WEAK.includes(q.id) ? 'weakest' : 'strongest'));
// An earlier self-check loaded for comparison, as an adviser does: the report gains a section and
// two table columns, which must print too.
const PREVIOUS = answersFile(bank, PROFILE, (q) => (q.critical ? 'strongest' : 'weakest'));

const EXPECTED = {
  zh: {
    heading: '商业秘密保护风险自测报告',
    sections: ['红旗项：司法解释列举的保密措施证据薄弱或缺失', '优先行动清单', '各维度得分', '与上次自测比较', '各维度分析', '深圳市商业秘密保护公共服务', '评分方法', '声明'],
    chart: '各维度得分（条形图）',
  },
  en: {
    heading: 'Trade secret risk self-check report',
    sections: ['Red flags: weak or missing evidence of measures listed in the SPC provisions', 'Priority action plan', 'Scores by dimension',
      'Compared with the previous self-check', 'Findings by dimension', 'Shenzhen public services for trade secret protection', 'How the scores are computed', 'Disclaimer'],
    chart: 'Dimension scores (bar chart)',
  },
};

// The printable width of A4 with the widget's @page margins (210mm − 2 × 14mm), in CSS px.
const A4_CONTENT_PX = Math.floor(((210 - 28) / 25.4) * 96);

// Line breaks and spaces depend on the layout; compare text with all whitespace removed.
const squash = (s) => s.replace(/\s+/g, '');

let browser, server, dir;
before(async () => {
  browser = await launch();
  server = await serve();
  dir = await mkdtemp(join(tmpdir(), 'tsc-print-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

for (const language of ['zh', 'en']) {
  test(`the report prints to an A4 PDF in ${language}`, async () => {
    const want = EXPECTED[language];
    const { context, page } = await openWidget(browser, `${server.url}/?lang=${language}`,
      { viewport: { width: A4_CONTENT_PX, height: 1100 } });
    try {
      await openReport(page, FILE);
      await page.setInputFiles('[data-action=compare]', {
        name: 'previous.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(PREVIOUS)),
      });
      await page.waitForSelector('[data-report] [data-dimension-id][data-delta]');
      // The "previous self-check loaded" notice is about the screen, not part of the report.
      const notice = (await page.textContent('[data-app] [role=status] p')).trim();
      assert.ok(notice.length > 0);
      const overall = await page.getAttribute('[data-report]', 'data-overall');
      const level = Number(await page.getAttribute('[data-report]', 'data-level'));
      assert.equal(level, bank.scoring.red_flag_level_cap, 'the red flags cap the level');
      // The toolbar's labels, as the screen shows them (these must not be printed).
      const toolbar = await page.$$eval(
        '[data-report] [data-action=print], [data-report] [data-action=export], [data-report] [data-action=prev], [data-report] label[for]',
        (els) => els.filter((e) => e.tagName !== 'LABEL' || document.getElementById(e.htmlFor)?.dataset.action === 'compare')
          .map((e) => e.textContent.trim()),
      );
      assert.equal(toolbar.length, 4, `toolbar labels: ${toolbar}`);

      await page.emulateMedia({ media: 'print' });
      // In print, no column heading or number of the report's tables is broken inside a word
      // (a squeezed column prints "Weight" as W/ei/gh/t and 100 as 1/0/0).
      const broken = await page.$$eval('[data-report] table', (tables) => {
        const out = [];
        for (const cell of tables.flatMap((t) => [...t.querySelectorAll('th, td')])) {
          const text = cell.textContent.trim();
          const heading = cell.closest('thead') !== null;
          const token = text.split(/\s+/)[0];
          if (!heading && !/^[+\-−]?\d+(\.\d+)?$/.test(token)) continue;
          const node = [...cell.childNodes].find((n) => n.nodeType === 3 && n.textContent.includes(token));
          if (!node) continue;
          const range = document.createRange();
          const at = node.textContent.indexOf(token);
          range.setStart(node, at);
          range.setEnd(node, at + token.length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(`${token} (${lines.size} lines)`);
        }
        return out;
      });
      assert.deepEqual(broken, [], 'table headings and numbers each stay on one line');

      const pdf = join(dir, `report-${language}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
      const flat = squash(text);

      assert.ok(flat.includes(squash(want.heading)), 'the report heading');
      // The big score and its "/ 100" sit side by side: read that line in layout mode.
      const { stdout: layout } = await run('pdftotext', ['-enc', 'UTF-8', '-layout', '-l', '1', pdf, '-']);
      assert.match(layout, new RegExp(`(^|\\s)${overall}\\s*/\\s*100(\\s|$)`, 'm'), `the overall score ${overall} / 100 on page 1`);
      const levelName = bank.scoring.levels[level - 1].name[language];
      assert.ok(flat.includes(squash(levelName)), `the level name ${levelName}`);
      for (const id of WEAK) {
        const q = bank.questions.find((x) => x.id === id);
        assert.ok(flat.includes(squash(q.text[language])), `the red flag ${id}`);
      }
      for (const heading of want.sections) assert.ok(flat.includes(squash(heading)), `the section "${heading}"`);
      assert.ok(flat.includes(squash(want.chart)), 'the bar chart');
      for (const label of toolbar) assert.ok(!flat.includes(squash(label)), `the toolbar button "${label}" is not printed`);
      assert.ok(!flat.includes(squash(notice)), `the notice "${notice}" is not printed`);

      // Chinese is extracted as Chinese characters (a font with the glyphs was embedded), never as
      // replacement characters or empty boxes.
      assert.doesNotMatch(text, /[\uFFFD\u25A1\u0000]/, 'no replacement characters or boxes');
      if (language === 'zh') {
        const han = (text.match(/\p{Script=Han}/gu) || []).length;
        assert.ok(han > 2000, `Chinese characters extracted: ${han}`);
        assert.ok(flat.includes(squash(bank.disclaimer.zh)), 'the disclaimer, whole');
      }

      const { stdout: info } = await run('pdfinfo', [pdf]);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
      assert.ok(pages >= 2, `pages: ${pages}`);
      assert.match(info, /Page size:.*\(A4\)/);

      // The first two pages render to images.
      const prefix = join(dir, `page-${language}`);
      await run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '2', pdf, prefix]);
      for (const n of ['1', '2']) {
        const png = await readFile(`${prefix}-${n.padStart(String(pages).length, '0')}.png`);
        assert.equal(png.subarray(1, 4).toString(), 'PNG');
        assert.ok((await stat(`${prefix}-${n.padStart(String(pages).length, '0')}.png`)).size > 5000, 'a page with content');
      }
    } finally {
      await context.close();
    }
  });
}
