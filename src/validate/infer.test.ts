import { expect, test } from '@jest/globals';
import type { CellReading } from '../tables/reading.js';
import { identities } from './checks.js';
import { inferFromIdentities } from './infer.js';

const cell = (row: string, column: string, value: number | null, flag: CellReading['flag'], method: CellReading['method'] = 'ocr'): CellReading => ({
  table: 'reviews',
  row,
  column,
  value,
  raw: value === null ? '8?' : String(value),
  flag,
  confidence: 0.9,
  page: 1,
  method,
});

const review = (values: (number | null)[], flags: CellReading['flag'][], method: CellReading['method'] = 'ocr'): CellReading[] =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((c, i) => cell('review', c, values[i] ?? null, flags[i] ?? 'ok', method));

test('one unreadable cell in an identity is inferred, flagged, with an issue', () => {
  const { cells, issues } = inferFromIdentities(review([1, null, 3, 0, 12], ['ok', 'unreadable', 'ok', 'ok', 'ok']), identities(new Set()));
  expect(cells[1]).toMatchObject({ value: 8, flag: 'inferred', raw: '8?' });
  expect(cells[1]!.confidence).toBeLessThanOrEqual(0.5);
  expect(issues.map((i) => i.code)).toEqual(['value_inferred']);
});

test('two unknowns, a negative result, or a text reading: nothing is inferred', () => {
  const list = identities(new Set());
  expect(inferFromIdentities(review([1, null, null, 0, 12], ['ok', 'unreadable', 'unreadable', 'ok', 'ok']), list).issues).toEqual([]);
  expect(inferFromIdentities(review([10, null, 3, 0, 12], ['ok', 'unreadable', 'ok', 'ok', 'ok']), list).issues).toEqual([]);
  expect(inferFromIdentities(review([1, null, 3, 0, 12], ['ok', 'unreadable', 'ok', 'ok', 'ok'], 'text'), list).issues).toEqual([]);
});
