/** Shared test helpers: paths to the shared corpus, temp folders, reading outputs back. */
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, jest, test } from '@jest/globals';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processBytes } from '../src/pipeline.js';
import type { ReportRecord } from '../src/schema/records.js';

/** The repository root (jest runs from it). */
export const ROOT = process.cwd();
/** ../shared beside the checkout: seed, corpus, references. */
export const SHARED = join(ROOT, '..', 'shared');
/** The real-report corpus with hand-checked truth is not published with the repository: tests on it skip without it. */
export const HAS_CORPUS = existsSync(join(SHARED, 'corpus'));
if (!HAS_CORPUS) process.stderr.write(`nianbao tests: ${join(SHARED, 'corpus')} not found: the tests on the real-report corpus are skipped\n`);
/** `test`, or `test.skip` without the corpus. */
export const corpusTest: typeof test.skip = HAS_CORPUS ? test : test.skip;
/** The seed report; samples/ holds the same bytes as ../shared/seeds/, so tests need no sibling folder for it. */
export const SEED_PATH = join(ROOT, 'samples', '000_d92f6972ebe26fca.txt');

/** A fresh temporary folder. */
export function makeTempDir(prefix = 'nianbao-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Runs the pipeline on a text given inline. */
export async function extractText(text: string, name = 'inline.txt'): Promise<ReportRecord> {
  const result = await processBytes(name, new TextEncoder().encode(text));
  if (!result.record) throw new Error(`no record: ${result.manifest.error}`);
  return result.record;
}

/** Reads a JSON Lines file. */
export async function readJsonLines(path: string): Promise<unknown[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

/** The cell of a record at table.row.column. */
export function cellOf(record: ReportRecord, table: string, row: string, column: string) {
  return record.cells.find((c) => c.table === table && c.row === row && c.column === column);
}

/** A minimal valid PDF of `pages` pages, each with one line of Latin text (no report). */
export function makeTextPdf(pages: number): Uint8Array {
  const objects: string[] = [];
  const kids: number[] = [];
  objects.push('<< /Type /Catalog /Pages 2 0 R >>', ''); // 1, 2 (pages filled below)
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'); // 3
  for (let p = 1; p <= pages; p++) {
    const content = `BT /F1 12 Tf 72 720 Td (Page ${p}) Tj ET`;
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const contentId = objects.length;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A PNG header that claims the given size (enough for format detection). */
export function makePngHeader(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes[24] = 8;
  bytes[25] = 2;
  return new Uint8Array(bytes);
}

/** What the CLI writes, captured for each test of the file that calls this (at its top level). */
export function captureStdio(): { stdout: string; stderr: string } {
  const captured = { stdout: '', stderr: '' };
  beforeEach(() => {
    captured.stdout = '';
    captured.stderr = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      captured.stdout += String(chunk);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      captured.stderr += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  return captured;
}
