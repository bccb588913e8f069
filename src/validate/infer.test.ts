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
  for (const raw of ['7', '龙', '□', '—', '-', '178 0 0 0 0 178']) expect(inferFromIdentities([...withRaw(raw), dash], list).cells[1]).toMatchObject({ value: null, flag: 'unreadable' });
  // A table with no blank anywhere: the misread ink is a 0.
  for (const raw of ['7', '龙', 'X']) expect(inferFromIdentities(withRaw(raw), list).cells[1]).toMatchObject({ value: 0, flag: 'inferred' });
  // Ink no placeholder is misread as (an X) is a misread 0 even where blanks are printed.
  expect(inferFromIdentities([...withRaw('X'), dash], list).cells[1]).toMatchObject({ value: 0, flag: 'inferred' });
  // Unless the readers made nothing sure of it (drawn-063: "8" at 0.00 for a dash under a seal's remains): its shape is not known.
  const unsure = withRaw('8').map((c) => (c.column === 'corrected' ? { ...c, confidence: 0 } : c));
  expect(inferFromIdentities([...unsure, dash], list).cells[1]).toMatchObject({ value: null, flag: 'unreadable' });
  expect(inferFromIdentities(unsure, list).cells[1]).toMatchObject({ value: 0, flag: 'inferred' });
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

test('nothing seen where the identity wants 0, in a report printing a blank in another table: unreadable (drawn-035: 四 shows no blank, 二 prints 无)', () => {
  const list = identities(new Set());
  const wu = { ...cell('coercion', 'decisions', null, 'blank'), table: 'active' as const, raw: '无' };
  // drawn-035's 行政复议 row: 结果维持 printed blank and seen as nothing, the others read.
  const row = review([null, 359, 0, 129, 488], ['unreadable', 'ok', 'ok', 'ok', 'ok']).map((c) => (c.column === 'upheld' ? { ...c, raw: '' } : c));
  expect(inferFromIdentities(row, list).cells[0]).toMatchObject({ value: 0, flag: 'inferred' });
  expect(inferFromIdentities([...row, wu], list).cells[0]).toMatchObject({ value: null, flag: 'unreadable' });
});

test("a row's printed total read as another number than its parts sum to, with confidence 0.5 or more, stays unreadable: totals are what reports misprint (drawn-031: 523 over 342 + 177)", () => {
  const list = identities(new Set());
  const withTotal = (raw: string, confidence: number): CellReading[] =>
    review([342, 177, 0, 0, null], ['ok', 'ok', 'ok', 'ok', 'unreadable']).map((c) => (c.column === 'total' ? { ...c, raw, confidence } : c));
  expect(inferFromIdentities(withTotal('523', 0.5), list).cells[4]).toMatchObject({ value: null, flag: 'unreadable' });
  // Read unsure (0.3: the two models disagreed), or read as the sum itself: inferred.
  expect(inferFromIdentities(withTotal('523', 0.3), list).cells[4]).toMatchObject({ value: 519, flag: 'inferred' });
  expect(inferFromIdentities(withTotal('519', 0.6), list).cells[4]).toMatchObject({ value: 519, flag: 'inferred' });
  // Nor does 三's balance prove it, where the total sits among other cells (433 + 89 = 总计 + 3).
  const requests = (row: string, values: (number | null)[]): CellReading[] =>
    ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalServices', 'otherOrg', 'total'].map((column, i) => ({ ...cell(row, column, values[i] ?? null, 'ok'), table: 'requests' as const }));
  const three = [
    ...requests('newReceived', [253, 180, 0, 0, 0, 0, 433]),
    ...requests('carriedOver', [89, 0, 0, 0, 0, 0, 89]),
    ...requests('totalHandled', [342, 177, 0, 0, 0, 0, null]).map((c) => (c.column === 'total' ? { ...c, flag: 'unreadable' as const, raw: '523', confidence: 0.5 } : c)),
    ...requests('carriedForward', [0, 3, 0, 0, 0, 0, 3]),
  ];
  const handled = inferFromIdentities(three, identities(new Set(['newReceived', 'carriedOver', 'totalHandled', 'carriedForward']))).cells.find((c) => c.row === 'totalHandled' && c.column === 'total');
  expect(handled).toMatchObject({ value: null, flag: 'unreadable' });
  // A part read otherwise is inferred as before (huaian-city: 6 read at 0.71 where the row wants 0).
  const part = review([null, 177, 0, 0, 177], ['unreadable', 'ok', 'ok', 'ok', 'ok']).map((c) => (c.column === 'upheld' ? { ...c, raw: '6', confidence: 0.71 } : c));
  expect(inferFromIdentities(part, list).cells[0]).toMatchObject({ value: 0, flag: 'inferred' });
});

test("no value follows through a cell of an identity that fails with every cell read (drawn-147: 总计 56846 misprinted over parts summing to 56842; 结转 is 180, not the 184 三's balance gives)", () => {
  const rows = ['newReceived', 'carriedOver', 'totalHandled', 'carriedForward'];
  const list = identities(new Set(rows));
  const columns = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalServices', 'otherOrg', 'total'];
  const printed: Record<string, (number | null)[]> = {
    newReceived: [217, 34, 56429, 0, 0, 0, 56680],
    carriedOver: [0, 180, 0, 0, 0, 0, null],
    totalHandled: [203, 210, 56429, 0, 0, 0, 56846],
    carriedForward: [14, 4, 0, 0, 0, 0, 18],
  };
  const table = (handled: (number | null)[]): CellReading[] =>
    rows.flatMap((row) =>
      columns.map((column, i) => {
        const value = (row === 'totalHandled' ? handled : printed[row]!)[i] ?? null;
        // 结转's row read as three words for seven cells: every cell of it unreadable.
        const unread = row === 'carriedOver';
        return { ...cell(row, column, unread ? null : value, unread ? 'unreadable' : 'ok'), table: 'requests' as const };
      }),
    );
  const carriedOverTotal = (cells: CellReading[]): CellReading | undefined => cells.find((c) => c.row === 'carriedOver' && c.column === 'total');
  expect(carriedOverTotal(inferFromIdentities(table(printed.totalHandled!), list).cells)).toMatchObject({ value: null, flag: 'unreadable' });
  // 总计 over parts that sum to it (207 + 210 + 56429): the balance proves 184 (and 4 for the first column).
  expect(carriedOverTotal(inferFromIdentities(table([207, 210, 56429, 0, 0, 0, 56846]), list).cells)).toMatchObject({ value: 184, flag: 'inferred' });
});
