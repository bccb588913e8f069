/**
 * Plain text padded to columns (pdftotext -layout, pandoc plain, w3m): blank cells printed as
 * nothing leave only their place in the line, and the decoder reads rows by their character columns.
 * Real converters' output of generated reports (test/fixtures/converters), against their truth.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processBytes } from '../src/pipeline.js';
import { ROOT } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'converters');

async function requestCells(name: string): Promise<{ got: Map<string, { value: number | null; flag: string }>; truth: Record<string, Record<string, number | null>> }> {
  const dir = join(FIXTURES, name);
  const source = readdirSync(dir).find((f) => f.startsWith('source.')) as string;
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { tables: { requests: Record<string, Record<string, number | null>> } };
  const { record } = await processBytes(source, new Uint8Array(readFileSync(join(dir, source))));
  const got = new Map((record?.cells ?? []).filter((c) => c.table === 'requests').map((c) => [`${c.row}.${c.column}`, { value: c.value, flag: c.flag }]));
  return { got, truth: truth.tables.requests };
}

describe('column text: rows with blanks printed as nothing', () => {
  test.each(['pandoc-plain-2021-blanks', 'pdftotext-layout-2019-blanks', 'pdftotext-layout-2021-blanks-large'])('%s: every cell of 三 as printed, placed by its column', async (name) => {
    const { got, truth } = await requestCells(name);
    let blanksDropped = 0;
    for (const [row, columns] of Object.entries(truth)) {
      for (const [column, value] of Object.entries(columns)) {
        expect([`${row}.${column}`, got.get(`${row}.${column}`)?.value]).toEqual([`${row}.${column}`, value]);
        if (value === null) blanksDropped++;
      }
    }
    // The rows hold blanks, and they came out where they were printed, not inferred.
    expect(blanksDropped).toBeGreaterThan(5);
    expect([...got.values()].filter((c) => c.flag === 'inferred' || c.flag === 'unreadable')).toEqual([]);
  });
});
