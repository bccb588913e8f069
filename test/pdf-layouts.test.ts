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
});
