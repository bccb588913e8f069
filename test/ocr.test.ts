/**
 * OCR of scans and images (test/fixtures/scans, made by scripts/make-scan-fixtures.mjs from the
 * corpus and generated reports): no silent wrong value on any fixture, accuracy per level, the
 * turned page, offline operation, bad images.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';
import { degrees, PDFDocument } from 'pdf-lib';
import { closeOcr } from '../src/extract/ocr/lifecycle.js';
import { fullPageJpegs } from '../src/extract/pdf-scans.js';
import { scoreTables } from '../src/generate/index.js';
import type { ValueTable } from '../src/generate/values.js';
import { processFile } from '../src/pipeline.js';
import type { ReportRecord } from '../src/schema/records.js';
import { makeTempDir, readJsonLines, ROOT } from './helpers.js';

const SCANS = 'test/fixtures/scans';

interface ScanEntry {
  file: string;
  truth: string;
  level: 'clean' | 'light' | 'heavy' | 'fine';
  turnedPage?: number;
  image?: { file: string; page: number };
}

interface Expected {
  tables: Record<string, ValueTable>;
  template: string | null;
  year: number | null;
  agency: string | null;
}

const allEntries = JSON.parse(await readFile(join(SCANS, 'scans.json'), 'utf8')) as ScanEntry[];
const entries = allEntries;
const specs = JSON.parse(await readFile('test/fixtures/office/specs.json', 'utf8')) as Record<string, { spec: Expected & { requests: ValueTable; reviews: ValueTable; active: ValueTable } }>;

async function expectedOf(entry: ScanEntry): Promise<Expected> {
  if (entry.truth.includes('#')) {
    const { spec } = specs[entry.truth.split('#')[1] as string]!;
    return { tables: { requests: spec.requests, reviews: spec.reviews, active: spec.active }, template: spec.template, year: spec.year, agency: spec.agency };
  }
  return JSON.parse(await readFile(resolve(ROOT, entry.truth), 'utf8')) as Expected;
}

/**
 * Lowest share of cells right per fixture at its level, a little under what bench/ocr-accuracy.mjs
 * measures (clean 99.5–100%, light 99.5–100%, fine 100%, heavy 97–99.5%; the unruled scans are
 * clean and light); a drop is a regression.
 */
const FLOOR: Record<ScanEntry['level'], number> = { clean: 0.99, light: 0.99, fine: 0.98, heavy: 0.96 };

afterAll(closeOcr);

/**
 * The scans go through the built CLI in a child process, as users run it: the pixel loops of the
 * OCR stage run many times slower inside jest's module sandbox (minutes per scan instead of ~20 s).
 */
const records = new Map<string, ReportRecord>();
beforeAll(async () => {
  const out = join(await makeTempDir(), 'out');
  const files = entries.flatMap((e) => [e.file, ...(e.image ? [e.image.file] : [])]).map((f) => resolve(SCANS, f));
  files.push(await turnedScan(join(out, '..', TURNED)), await twoPageTiff(join(out, '..', TIFF)));
  await promisify(execFile)(process.execPath, [resolve('dist/cli.js'), 'extract', ...files, '--out', out, '-q', '--jobs', '2', '--timeout', '600'], { timeout: 900_000 }).catch(() => undefined);
  for (const record of (await readJsonLines(join(out, 'reports.jsonl'))) as ReportRecord[]) records.set(basename(record.source.path), record);
}, 900_000);

/** A one-page scan that pdf.js must render: office-001's page 3 on a page turned by /Rotate. */
const TURNED = 'office-001-page3-rotate90.pdf';
const TURNED_FROM = { entry: 'office-001-2021-ruled-clean.pdf', page: 3 };
/** The page holds the head of 三: 52 cells are read from it, upright (its JPEG) or turned (pdf.js). */
const PAGE3_CELLS_READ = 50;

async function turnedScan(path: string): Promise<string> {
  const jpeg = (await fullPageJpegs(new Uint8Array(await readFile(join(SCANS, TURNED_FROM.entry))))).get(TURNED_FROM.page);
  if (!jpeg) throw new Error(`${TURNED_FROM.entry} page ${TURNED_FROM.page} is not one JPEG`);
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(jpeg.jpeg);
  const page = doc.addPage([jpeg.width / jpeg.scale, jpeg.height / jpeg.scale]);
  page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  page.setRotation(degrees(90));
  await writeFile(path, await doc.save());
  return path;
}

/** A two-page TIFF of office-001's pages 3 and 4 (the 三 and 四 tables): image pages are read one after another, the next prepared while one is read. */
const TIFF = 'office-001-pages3-4.tif';
/** Cells read from those pages: 161 measured. */
const TIFF_CELLS_READ = 155;

async function twoPageTiff(path: string): Promise<string> {
  const pages = await fullPageJpegs(new Uint8Array(await readFile(join(SCANS, TURNED_FROM.entry))));
  const frames = [pages.get(3), pages.get(4)].map((page) => Buffer.from(page!.jpeg));
  await writeFile(path, await sharp(frames, { join: { animated: true } }).grayscale().tiff({ compression: 'jpeg', quality: 80 }).toBuffer());
  return path;
}

describe('scanned reports', () => {
  test.each(entries.map((e) => [e.file, e] as const))('%s: no silent wrong value; accuracy at its level; metadata', async (_name, entry) => {
    const record = records.get(entry.file);
    expect(record).toBeDefined();
    const expected = await expectedOf(entry);
    const score = scoreTables(record!, expected.tables);
    // Every wrong or unread number is flagged (unreadable, inferred) or fails a check.
    expect({ file: entry.file, silent: score.silent, mismatches: score.silent > 0 ? score.mismatches : [] }).toEqual({ file: entry.file, silent: 0, mismatches: [] });
    expect(score.right / score.cells).toBeGreaterThanOrEqual(FLOOR[entry.level]);
    expect(record!.source.format).toBe('scanned-pdf');
    expect([record!.template, record!.year]).toEqual([expected.template, expected.year]);
    // The agency is read from the OCRed title; the corpus titles at 200 dpi are not always right.
    if (entry.truth.includes('#')) expect(record!.agency).toBe(expected.agency);
    // Provenance: every read cell says it was OCR and where it was read.
    const read = record!.cells.filter((c) => c.flag === 'ok');
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((c) => c.method === 'ocr' && c.page !== null && c.bbox !== undefined && c.confidence > 0)).toBe(true);
    if (entry.turnedPage) {
      expect(record!.issues).toContainEqual(expect.objectContaining({ code: 'ocr_page_rotated', page: entry.turnedPage }));
    }
  });

  // Measured here (bench/ocr-accuracy.mjs): generated 99.55% (1786/1794), corpus 99.84%. The floor
  // for the generated scans sits one cell under the 99.5% target, so that a machine whose OCR
  // differs by a cell still passes while any real regression fails.
  test("the issue's targets: generated scans at 99.5% of cells right (less one cell), the corpus scans at least 99%", async () => {
    const total = { generated: { cells: 0, right: 0 }, corpus: { cells: 0, right: 0 } };
    for (const entry of entries) {
      const record = records.get(entry.file);
      expect(record).toBeDefined();
      const score = scoreTables(record!, (await expectedOf(entry)).tables);
      const kind = entry.file.startsWith('corpus-') ? 'corpus' : 'generated';
      total[kind].cells += score.cells;
      total[kind].right += score.right;
    }
    expect(total.generated.right + 1).toBeGreaterThanOrEqual(Math.ceil(total.generated.cells * 0.995));
    expect(total.corpus.right / total.corpus.cells).toBeGreaterThanOrEqual(0.99);
  });

  test('a scanned page pdf.js renders (turned by /Rotate, so not read from its JPEG): turned back and read', async () => {
    const record = records.get(TURNED);
    expect(record?.source.format).toBe('scanned-pdf');
    expect(record!.issues).toContainEqual(expect.objectContaining({ code: 'ocr_page_rotated', page: 1 }));
    const entry = entries.find((e) => e.file === TURNED_FROM.entry)!;
    const score = scoreTables(record!, (await expectedOf(entry)).tables);
    expect(score.silent).toBe(0);
    expect(record!.cells.filter((c) => c.flag === 'ok').length).toBeGreaterThanOrEqual(PAGE3_CELLS_READ);
  });

  test('a two-page TIFF: both pages read, no silent wrong value', async () => {
    const record = records.get(TIFF);
    expect(record?.source.format).toBe('image');
    const entry = entries.find((e) => e.file === TURNED_FROM.entry)!;
    expect(scoreTables(record!, (await expectedOf(entry)).tables).silent).toBe(0);
    expect(new Set(record!.cells.filter((c) => c.flag === 'ok').map((c) => c.page))).toEqual(new Set([1, 2]));
    expect(record!.cells.filter((c) => c.flag === 'ok').length).toBeGreaterThanOrEqual(TIFF_CELLS_READ);
  });

  test.each(entries.filter((e) => e.image).map((e) => [e.image!.file, e] as const))('%s (one page as an image): no silent wrong value', async (_name, entry) => {
    const record = records.get(entry.image!.file);
    expect(record?.source.format).toBe('image');
    const score = scoreTables(record!, (await expectedOf(entry)).tables);
    expect(score.silent).toBe(0);
    expect(record!.cells.some((c) => c.flag === 'ok')).toBe(true);
  });
});

describe('bad images get a clear error; nothing is guessed', () => {
  test('a corrupt PNG → image_corrupt', async () => {
    const dir = await makeTempDir();
    const bytes = await readFile(join(SCANS, entries.find((e) => e.image?.file.endsWith('.png'))!.image!.file));
    await writeFile(join(dir, 'cut.png'), bytes.subarray(0, 2000));
    expect((await processFile(join(dir, 'cut.png'))).manifest.error).toBe('image_corrupt');
  });

  test('a page blurred past reading → image_unreadable, not numbers', async () => {
    const dir = await makeTempDir();
    const page = join(SCANS, entries.find((e) => e.image?.file.endsWith('.jpg'))!.image!.file);
    await sharp(page).blur(9).jpeg().toFile(join(dir, 'blurred.jpg'));
    const { record, manifest } = await processFile(join(dir, 'blurred.jpg'));
    expect(manifest.status).toBe('failed');
    expect(['image_unreadable', 'no_tables_found', 'not_a_report']).toContain(manifest.error);
    expect(record?.cells.filter((c) => c.value !== null) ?? []).toEqual([]);
  }, 120_000);

  test('a tiny image → image_too_small', async () => {
    const dir = await makeTempDir();
    await sharp({ create: { width: 120, height: 80, channels: 3, background: '#ffffff' } }).png().toFile(join(dir, 'tiny.png'));
    expect((await processFile(join(dir, 'tiny.png'))).manifest.error).toBe('image_too_small');
  });
});

test('OCR runs offline: with every network call refused in every thread, an image is read; no cache file is written', async () => {
  const dir = await makeTempDir();
  const log = join(dir, 'network.log');
  const image = resolve(SCANS, entries.find((e) => e.image?.file.endsWith('.png'))!.image!.file);
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, ['--import', resolve('test/support/no-network.mjs'), resolve('dist/cli.js'), 'extract', image, '--out', 'out', '-q', '--jobs', '1'], {
    cwd: dir,
    env: { ...process.env, NIANBAO_NETWORK_LOG: log },
    timeout: 240_000,
  });
  expect(stdout).toMatch(/1 files/);
  expect(existsSync(log)).toBe(false);
  // tesseract.js's default cache would write chi_sim.traineddata into the working directory.
  expect((await readdir(dir)).sort()).toEqual(['out']);
  const [record] = (await readJsonLines(join(dir, 'out', 'reports.jsonl'))) as { cells: { method: string; flag: string }[] }[];
  expect(record!.cells.filter((c) => c.method === 'ocr' && c.flag === 'ok').length).toBeGreaterThan(30);
  // The guard works: the same preload refuses a connection.
  await expect(run(process.execPath, ['--import', resolve('test/support/no-network.mjs'), '-e', "require('node:net').connect(80, '127.0.0.1')"], { env: { ...process.env, NIANBAO_NETWORK_LOG: log } })).rejects.toThrow();
  expect(await readFile(log, 'utf8')).toContain('net.Socket.connect');
}, 300_000);
