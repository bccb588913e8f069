import { describe, expect, test } from '@jest/globals';
import { readingsOf, unprovableCells, type RowEvidence } from './provable.js';
import { createRandom } from './random.js';
import { generateSpec, type ReportSpec } from './values.js';

const COLUMNS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalServices', 'otherOrg', 'total'];
const keysOf = (row: string): string[] => COLUMNS.map((c) => `requests.${row}.${c}`);
const row = (name: string, tokens: string[], flags: Partial<RowEvidence> = {}): RowEvidence => ({
  keys: keysOf(name),
  tokens,
  glued: false,
  dropped: false,
  mergeable: false,
  optionalTail: 0,
  ...flags,
});

/** A 2021 spec whose 三 holds the given rows (others all 0), identities kept. */
function specWith(rows: Record<string, (number | null)[]>): ReportSpec {
  const spec = generateSpec(1, createRandom(1), { template: '2021', hybrid: false, blanks: false, broken: false });
  for (const r of spec.requestRows) spec.requests[r] = Object.fromEntries(COLUMNS.map((c) => [c, 0]));
  for (const [r, values] of Object.entries(rows)) spec.requests[r] = Object.fromEntries(COLUMNS.map((c, i) => [c, values[i] ?? null]));
  return spec;
}

describe('readings of a damaged row', () => {
  test('glued digits: 153000018 has one split whose first six sum to the seventh', () => {
    expect(readingsOf(row('newReceived', ['153000018'], { glued: true }))).toEqual([[15, 3, 0, 0, 0, 0, 18]]);
    // 11,0,0,0,0,0,0,2 would need eight cells; 1,1,0,0,0,0,2 is the only reading of seven.
    expect(readingsOf(row('granted', ['1100002'], { glued: true }))).toEqual([[1, 1, 0, 0, 0, 0, 2]]);
  });

  test('glued digits with several fitting splits list them all', () => {
    expect(readingsOf(row('granted', ['110000011'], { glued: true }))).toEqual([
      [1, 10, 0, 0, 0, 0, 11],
      [11, 0, 0, 0, 0, 0, 11],
    ]);
  });

  test('the numbering of the next label glued to the values may or may not be part of them', () => {
    const readings = readingsOf(row('deniedStateSecret', ['00000002'], { glued: true, optionalTail: 1 })) ?? [];
    expect(readings).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
  });

  test('dropped blanks: "2 2" fits many placements; a full row fits one', () => {
    const readings = readingsOf(row('newReceived', ['2', '2'], { dropped: true })) ?? [];
    expect(readings.length).toBeGreaterThan(1);
    expect(readings).toContainEqual([2, null, null, null, null, null, 2]);
    expect(readingsOf(row('newReceived', ['2', '0', '0', '0', '0', '0', '2'], { dropped: true }))).toEqual([[2, 0, 0, 0, 0, 0, 2]]);
  });

  test('digits broken over two lines are settled by the row total', () => {
    expect(readingsOf(row('granted', ['2', '47', '0', '0', '0', '0', '0', '247'], { mergeable: true }))).toEqual([[247, 0, 0, 0, 0, 0, 247]]);
  });

  test('placeholders and units: a dash is a blank, 2834.5元 a number', () => {
    const active: RowEvidence = { keys: ['active.procurement.count', 'active.procurement.amount'], tokens: ['3', '2834.5元'], glued: false, dropped: false, mergeable: false, optionalTail: 0 };
    expect(readingsOf(active)).toEqual([[3, 2834.5]]);
    expect(readingsOf({ ...active, tokens: ['32834.5元'], glued: true })?.length).toBeGreaterThan(1);
    expect(readingsOf(row('granted', ['—1————1'], { glued: true }))).toEqual([[null, 1, null, null, null, null, 1]]);
  });
});

describe('unprovable cells of a report', () => {
  test('a row with two fitting placements is settled by the column identities when the other rows are known', () => {
    // newReceived printed with its blanks dropped: "3 3" fits 3 in any of six columns; the column
    // identity newReceived + carriedOver = totalHandled + carriedForward pins it to 自然人.
    const spec = specWith({ newReceived: [3, null, null, null, null, null, 3], granted: [3, 0, 0, 0, 0, 0, 3], totalHandled: [3, 0, 0, 0, 0, 0, 3] });
    expect(unprovableCells(spec, [row('newReceived', ['3', '3'], { dropped: true })])).toEqual([]);
  });

  test('two damaged rows in one identity settle nothing there: their cells are unprovable (the solver does not solve rows jointly)', () => {
    const spec = specWith({ granted: [3, null, null, null, null, null, 3], partiallyGranted: [3, null, null, null, null, null, 3], totalHandled: [6, 0, 0, 0, 0, 0, 6], newReceived: [6, 0, 0, 0, 0, 0, 6] });
    const cells = unprovableCells(spec, [row('granted', ['3', '3'], { dropped: true }), row('partiallyGranted', ['3', '3'], { dropped: true })]);
    for (const r of ['granted', 'partiallyGranted']) for (const c of ['naturalPerson', 'commercial', 'total']) expect(cells).toContain(`requests.${r}.${c}`);
  });
});
