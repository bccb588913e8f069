/**
 * PDF and Word inputs: the real corpus (hand-checked truth) and the LibreOffice fixtures made by
 * scripts/make-office-fixtures.sh from generated reports (test/fixtures/office/).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { scoreRecord, type ReportSpec } from '../src/generate/index.js';
import type { PrintStyle } from '../src/generate/render.js';
import { DEFAULT_PROCESS_OPTIONS, processFile } from '../src/pipeline.js';
import { SHARED } from './helpers.js';
import { compareWithTruth, type Truth } from './truth.js';

const CORPUS = join(SHARED, 'corpus');
const OFFICE = 'test/fixtures/office';
const specs = JSON.parse(await readFile(join(OFFICE, 'specs.json'), 'utf8')) as Record<string, { style: PrintStyle; spec: ReportSpec }>;

describe('the real corpus', () => {
  test.each(['huaian-hongze-2023-pdf', 'huaian-hongze-2024-pdf', 'huaian-city-2024-pdf'])('%s: 100%% of truth cells; template, year, agency', async (slug) => {
    const truth = JSON.parse(await readFile(join(CORPUS, slug, 'truth.json'), 'utf8')) as Truth;
    const { record } = await processFile(join(CORPUS, slug, 'source.pdf'));
    expect(record).not.toBeNull();
    const { cells, wrong } = compareWithTruth(record!, truth);
    expect(wrong).toEqual([]);
    expect(cells).toBeGreaterThan(190);
    expect([record!.template, record!.year, record!.agency]).toEqual([truth.template, truth.year, truth.agency]);
    expect(record!.source).toMatchObject({ format: 'pdf' });
    // Every cell of a PDF carries its page and box.
    expect(record!.cells.every((c) => c.method === 'text-layer' && c.page !== null && c.bbox !== undefined)).toBe(true);
  });

  test('洪泽区 2023: the source breaks two 四 identities; printed totals kept, counted as source errors (status ok: every cell was read)', async () => {
    const { record } = await processFile(join(CORPUS, 'huaian-hongze-2023-pdf', 'source.pdf'));
    expect(record?.status).toBe('ok');
    expect(record?.sourceErrors).toBe(2);
    expect(record?.checks.filter((c) => !c.pass).map((c) => c.id).sort()).toEqual(['reviews.rowTotal.litigationAfterReview', 'reviews.rowTotal.review']);
    expect(record?.issues.map((i) => i.code)).toContain('hybrid_other_handling');
  });

  test('淮安市 2024 and 洪泽区 2024: every identity holds, status ok', async () => {
    for (const slug of ['huaian-city-2024-pdf', 'huaian-hongze-2024-pdf']) {
      const { record } = await processFile(join(CORPUS, slug, 'source.pdf'));
      expect(record?.status).toBe('ok');
      expect(record?.checks.every((c) => c.pass)).toBe(true);
    }
  });

  test('the blank 2021 template DOCX: every cell null, no zeros, no failed check, status ok', async () => {
    const truth = JSON.parse(await readFile(join(CORPUS, 'template-2021-blank-docx', 'truth.json'), 'utf8')) as Truth;
    const { record } = await processFile(join(CORPUS, 'template-2021-blank-docx', 'source.docx'));
    expect(compareWithTruth(record!, truth).wrong).toEqual([]);
    expect(record!.cells).toHaveLength(25 * 7 + 15 + 10);
    expect(record!.cells.every((c) => c.value === null && c.flag === 'blank')).toBe(true);
    expect(record!.checks).toEqual([]);
    expect(record!.status).toBe('ok');
    expect(record!.template).toBe('2021');
    // Word cells carry table, row and column.
    expect(record!.cells.every((c) => c.grid !== undefined && c.method === 'markup')).toBe(true);
  });
});

interface Tally {
  files: number;
  cells: number;
  right: number;
  flagged: number;
  silent: number;
  metadata: number;
}

async function scoreFixtures(extension: 'pdf' | 'docx' | 'doc', filter: (style: PrintStyle) => boolean): Promise<Tally> {
  const tally: Tally = { files: 0, cells: 0, right: 0, flagged: 0, silent: 0, metadata: 0 };
  for (const [name, { spec, style }] of Object.entries(specs)) {
    if (!filter(style)) continue;
    const { record, manifest } = await processFile(join(OFFICE, extension, `${name}.${extension}`));
    if (manifest.error === 'file_not_found') continue;
    tally.files++;
    expect(record).not.toBeNull();
    const score = scoreRecord(record!, spec);
    tally.cells += score.cells;
    tally.right += score.right;
    tally.flagged += score.flagged;
    tally.silent += score.silent;
    tally.metadata += score.metadataRight ? 1 : 0;
  }
  const share = ((100 * tally.right) / Math.max(1, tally.cells)).toFixed(2);
  console.log(`${extension} ${tally.files} files: ${tally.right}/${tally.cells} cells right (${share}%), ${tally.flagged} flagged, ${tally.silent} silent, metadata ${tally.metadata}/${tally.files}`);
  return tally;
}

describe('generated reports rendered by LibreOffice', () => {
  test('ruled PDF tables (both formats, two CJK fonts, landscape, tables split across pages): 100% of cells right', async () => {
    const t = await scoreFixtures('pdf', (s) => s.ruled);
    expect(t.files).toBeGreaterThanOrEqual(75);
    expect(t.right).toBe(t.cells);
    expect(t.metadata).toBe(t.files);
  });

  test("unruled PDF tables (columns from header words or value alignment): 100% of cells right", async () => {
    const t = await scoreFixtures('pdf', (s) => !s.ruled);
    expect(t.files).toBeGreaterThanOrEqual(25);
    expect(t.silent).toBe(0);
    expect(t.right).toBe(t.cells);
  });

  test('DOCX (merged cells from w:vMerge and w:gridSpan): 100% of cells right', async () => {
    const t = await scoreFixtures('docx', () => true);
    expect(t.files).toBe(100);
    expect(t.right).toBe(t.cells);
  });

  test('legacy .doc through word-extractor (rows run together on one line are split again): 100% of cells right', async () => {
    const t = await scoreFixtures('doc', () => true);
    expect(t.files).toBeGreaterThanOrEqual(5);
    expect(t.right).toBe(t.cells);
  });
});

describe('bad PDFs get a clear error code', () => {
  test.each([
    ['corrupt.pdf', 'pdf_corrupt'],
    ['truncated.pdf', 'pdf_corrupt'],
    ['encrypted.pdf', 'pdf_encrypted'],
    ['image-only.pdf', 'ocr_required'],
  ])('%s → %s (OCR off)', async (name, code) => {
    const { record, manifest } = await processFile(join(OFFICE, 'bad', name), { ...DEFAULT_PROCESS_OPTIONS, ocr: false });
    expect(manifest).toMatchObject({ status: 'failed', error: code, format: 'pdf' });
    expect(record?.status).toBe('failed');
  });
});

test('洪泽区 2024: the narrative says 17 requests, the table 95; an info issue, the table is kept', async () => {
  const { record } = await processFile(join(CORPUS, 'huaian-hongze-2024-pdf', 'source.pdf'));
  expect(record?.tables.requests.newReceived.total).toBe(95);
  expect(record?.issues.find((i) => i.code === 'narrative_differs')).toMatchObject({ severity: 'info' });
  expect(record?.status).toBe('ok');
});
