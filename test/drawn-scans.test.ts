/**
 * Scans as they really come (issue 16): a few of the drawn scans (scripts/make-drawn-scans.mjs,
 * picked into test/fixtures/drawn-scans by scripts/pick-drawn-fixtures.mjs), each under conditions
 * drawn from ranges (dpi, colour, JPEG quality, noise, blur, lighting, skew, turned pages, scanner
 * edges, punch holes, folds, red seals, photo perspective; ruled, horizontal-rules-only and unruled
 * tables; screenshots of one table). Every printed cell is scored strictly (strict-score.ts): a
 * wrong number whatever its flag, a printed number given as blank, a cell left out without a flag
 * are silent. The whole set runs through the built CLI in one child process (bench/scans.mjs runs
 * all 150).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { strictCellOutcomes } from '../src/generate/strict-score.js';
import type { ValueTable } from '../src/generate/values.js';
import type { ReportRecord } from '../src/schema/records.js';
import { makeTempDir, readJsonLines } from './helpers.js';

const DIR = 'test/fixtures/drawn-scans';

interface DrawnEntry {
  file: string;
  kind: 'scan' | 'photo' | 'screenshot';
  format: string;
  tableStyle: string;
  year: number | null;
  agency: string | null;
  truth: Record<string, ValueTable>;
}

const entries = (JSON.parse(await readFile(join(DIR, 'scans.json'), 'utf8')) as { entries: DrawnEntry[] }).entries;
const TARGET = 0.99;

const records = new Map<string, ReportRecord>();
beforeAll(async () => {
  const out = join(await makeTempDir(), 'out');
  const files = entries.map((e) => resolve(DIR, e.file));
  await promisify(execFile)(process.execPath, [resolve('dist/cli.js'), 'extract', ...files, '--out', out, '-q', '--jobs', '2', '--timeout', '600'], { timeout: 600_000 }).catch(() => undefined);
  for (const record of (await readJsonLines(join(out, 'reports.jsonl'))) as ReportRecord[]) records.set(basename(record.source.path), record);
}, 600_000);

describe('drawn scans', () => {
  test.each(entries.map((e) => [e.file, e] as const))('%s: no silent cell; cells right at the target', (_name, entry) => {
    const record = records.get(entry.file);
    expect(record).toBeDefined();
    const outcomes = strictCellOutcomes(record!, entry.truth);
    const silent = outcomes.filter((o) => o.outcome === 'silent').map((o) => `${o.key}: ${o.expected} → ${o.got} (${o.flag}, "${o.raw ?? ''}")`);
    expect({ file: entry.file, silent }).toEqual({ file: entry.file, silent: [] });
    const right = outcomes.filter((o) => o.outcome === 'right').length / outcomes.length;
    expect(right).toBeGreaterThanOrEqual(TARGET);
    expect(record!.status).not.toBe('failed');
  });

  test('a screenshot of one table: no title, so agency and year are null; the table is read', () => {
    const shots = entries.filter((e) => e.kind === 'screenshot');
    expect(shots.length).toBeGreaterThan(0);
    for (const entry of shots) {
      const record = records.get(entry.file)!;
      expect([record.agency, record.year]).toEqual([null, null]);
      const table = Object.keys(entry.truth)[0]!;
      expect(record.cells.some((c) => c.table === table && c.flag === 'ok')).toBe(true);
    }
  });
});
