/**
 * Text-layer PDFs printed by Chromium in layouts the office fixtures never had (issue 13, "40 unseen PDF layouts"):
 * made by bench/pdf-layouts/make.mjs with the layout pinned (test/fixtures/README.md gives the commands).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { scoreRecord, type ReportSpec } from '../src/generate/index.js';
import { processFile } from '../src/pipeline.js';

const DIR = 'test/fixtures/pdf-layouts';
const manifest = JSON.parse(await readFile(join(DIR, 'manifest.json'), 'utf8')) as Record<string, { described: string; spec: ReportSpec }>;

async function read(name: string) {
  const { record } = await processFile(join(DIR, `${name}.pdf`));
  expect(record).not.toBeNull();
  return { record: record!, score: scoreRecord(record!, manifest[name]!.spec) };
}

describe('Chromium print-to-PDF', () => {
  test.each(['chromium-ruled-rows-cut-2019', 'chromium-ruled-rows-cut-2021'])(
    '%s: borders painted once per grid column and rows cut by page breaks: every cell right, status ok',
    async (name) => {
      const { record, score } = await read(name);
      expect(score.mismatches).toEqual([]);
      expect(score.right).toBe(score.cells);
      expect(record.status).toBe('ok');
    },
  );

  test('letter-spacing 0.5em (each glyph placed on its own): a tracked number is one number, every cell right', async () => {
    const { record, score } = await read('chromium-ruled-spaced-2019');
    // printed "3 3 7 1 9" glyph by glyph, 0.5em apart like the label's characters
    expect(record.tables.requests.deniedStateSecret?.naturalPerson).toBe(33719);
    expect(record.cells.find((c) => c.table === 'requests' && c.row === 'deniedStateSecret' && c.column === 'naturalPerson')?.flag).toBe('ok');
    expect(score.mismatches).toEqual([]);
    expect(score.right).toBe(score.cells);
  });

  test("a browser's running head and foot (date, title, file URL, page x/y) between 四's header and its values: no digit of them is read as a value", async () => {
    // Chromium's default header and footer; 四's header ends page 2 and its values open page 3 under the head
    // "12/7/26, 4:48 AM  …报告", after the foot "file:///…/gen-030-2019.html  2/3": 29 values for 15 columns before.
    const { record, score } = await read('chromium-unruled-browser-header-footer-2019');
    expect(score.mismatches.filter((m) => m.startsWith('reviews.'))).toEqual([]);
    expect(record.tables.reviews.review?.upheld).toBe(10);
    expect(score.silent).toBe(0);
  });
});
