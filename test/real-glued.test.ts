/**
 * The real reports run together as BeautifulSoup's get_text() gives a table with no separator:
 * every pipe of the real set's and the corpus's page texts removed, so cells glue into digit runs
 * and empty cells leave nothing (issue 13: flattened pages with cells glued). Most cells are then
 * beyond proof, so the test asks only what must always hold: no number read that the source does
 * not print, and none given where the truth has no number. Flagged cells are fine.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processBytes } from '../src/pipeline.js';
import { corpusTest, ROOT, SHARED } from './helpers.js';
import type { Truth } from './truth.js';

/** Text page sources with their truth, in a folder of cases. */
function textCases(dir: string): { slug: string; text: string; truth: Truth }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'truth.json')))
    .flatMap((d) => {
      const source = readdirSync(join(dir, d.name)).find((f) => /^source\.(txt|md)$/.test(f));
      if (!source) return [];
      const text = readFileSync(join(dir, d.name, source), 'utf8');
      return text.includes('|') ? [{ slug: d.name, text, truth: JSON.parse(readFileSync(join(dir, d.name, 'truth.json'), 'utf8')) as Truth }] : [];
    });
}

/** The page as get_text() with no separator prints it: each row's cells run together. */
const glued = (text: string): string => text.split('\n').map((line) => line.replace(/\s*\|\s*/g, '')).join('\n');

async function silentCells(cases: ReturnType<typeof textCases>): Promise<{ cells: number; silent: string[] }> {
  let cells = 0;
  const silent: string[] = [];
  for (const c of cases) {
    const { record } = await processBytes(`${c.slug}-glued.txt`, new TextEncoder().encode(glued(c.text)));
    for (const cell of record?.cells ?? []) {
      const truth = c.truth.tables[cell.table]?.[cell.row]?.[cell.column];
      if (truth === undefined) continue;
      cells++;
      if (cell.value !== null && cell.value !== truth) silent.push(`${c.slug}: ${cell.table}.${cell.row}.${cell.column} ${cell.value} (${cell.flag}, raw "${cell.raw}") where the truth is ${truth}`);
    }
  }
  return { cells, silent };
}

describe('real reports with their cells run together (get_text() with no separator)', () => {
  test('the real set: no number that is not the printed one, none where the truth has none', async () => {
    const cases = textCases(join(ROOT, 'test', 'fixtures', 'real'));
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const { cells, silent } = await silentCells(cases);
    expect(cells).toBeGreaterThan(5000);
    expect(silent).toEqual([]);
  }, 300_000);

  corpusTest('the shared corpus: the same', async () => {
    const cases = textCases(join(SHARED, 'corpus'));
    const { silent } = await silentCells(cases);
    expect(silent).toEqual([]);
  }, 300_000);
});
