/** Shared test helpers: paths to the shared corpus, temp folders, reading outputs back. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processBytes } from '../src/pipeline.js';
import type { ReportRecord } from '../src/schema/records.js';

/** The repository root (jest runs from it). */
export const ROOT = process.cwd();
/** ../shared beside the checkout: seed, corpus, references. */
export const SHARED = join(ROOT, '..', 'shared');
export const SEED_PATH = join(SHARED, 'seeds', '000_d92f6972ebe26fca.txt');

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
