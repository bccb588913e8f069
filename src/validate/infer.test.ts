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

/** 四's first group, the unknown cell `corrected` holding `raw`, the others as given. */
const withRaw = (raw: string, values: (number | null)[] = [1, null, 3, 0, 4]): CellReading[] => review(values, ['ok', 'unreadable', 'ok', 'ok', 'ok']).map((c) => (c.column === 'corrected' ? { ...c, raw } : c));
/** Other cells of the table where OCR saw nothing (a table printing its blanks as nothing shows them in row after row). */
const unseen = (n: number): CellReading[] => Array.from({ length: n }, (_, i) => ({ ...cell('litigation', `x${i}`, null, 'unreadable'), raw: '' }));

test('a 0 the identity wants, where the ink does not read 0, is taken only in a table that prints no blank: a blank sums as 0 too', () => {
  const list = identities(new Set());
  // Ink read as 0 below the confidence taken: a 0.
  expect(inferFromIdentities(withRaw('0'), list).cells[1]).toMatchObject({ value: 0, flag: 'inferred' });
  // A table printing its blanks as placeholders (a dash seen in another cell): ink read as 7 or 龙 (a
  // slash or 无 misread), □, or only the row's words known, may be a placeholder as well as a 0: unreadable.
  const dash = { ...cell('litigation', 'upheld', null, 'blank'), raw: '—' };
  for (const raw of ['7', '龙', '□', '178 0 0 0 0 178']) expect(inferFromIdentities([...withRaw(raw), dash], list).cells[1]).toMatchObject({ value: null, flag: 'unreadable' });
  // A table with no blank anywhere: the misread ink is a 0.
  for (const raw of ['7', '龙', 'X']) expect(inferFromIdentities(withRaw(raw), list).cells[1]).toMatchObject({ value: 0, flag: 'inferred' });
  // Ink no placeholder is misread as (an X) is a misread 0 even where blanks are printed.
  expect(inferFromIdentities([...withRaw('X'), dash], list).cells[1]).toMatchObject({ value: 0, flag: 'inferred' });
});

test('nothing seen where the identity wants 0: a lost 0 only in a table printing no blank, else unreadable', () => {
  const list = identities(new Set());
  // Every other cell holds ink (a light print's lost zero): 0.
  expect(inferFromIdentities(withRaw(''), list).cells[1]).toMatchObject({ value: 0, flag: 'inferred' });
  // Other cells seen as nothing in row after row: blanks printed as nothing, or zeros lost; which, nothing shows.
  const many = inferFromIdentities([...withRaw(''), ...unseen(3).map((c) => ({ ...c, table: 'reviews' as const }))], list).cells[1];
  expect(many).toMatchObject({ value: null, flag: 'unreadable' });
  // A cell seen empty in the same table: blanks are printed as nothing, so a blank.
  const blank = { ...cell('litigation', 'upheld', null, 'blank'), raw: '' };
  expect(inferFromIdentities([...withRaw(''), blank], list).cells[1]).toMatchObject({ value: null, flag: 'inferred' });
  // A value other than 0 is inferred whatever was seen.
  expect(inferFromIdentities(withRaw('', [1, null, 3, 0, 12]), list).cells[1]).toMatchObject({ value: 8, flag: 'inferred' });
});
