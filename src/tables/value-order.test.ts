import { describe, expect, test } from '@jest/globals';
import type { DecodedRow } from './align.js';
import type { TableIdentity } from './solve.js';
import type { Slot } from './slots.js';
import { readInValueOrder, type TableFormat } from './value-order.js';

/** Each text on a line of its own from `firstLine` on: pdftotext without -layout prints a cell per line. */
const slotsFrom = (firstLine: number, texts: string[]): Slot[] => texts.map((text, i) => ({ text, page: 1, line: firstLine + i, confidence: 1, method: 'text' }));
const row = (key: string, line: number, texts: string[]): DecodedRow => ({
  key,
  label: key,
  coverage: 1,
  exact: true,
  slots: slotsFrom(line + 1, texts),
  mode: 'separated',
  separator: 'none',
  page: 1,
  line,
  pairedByOrder: false,
  lostBlanks: false,
  atSourceEnd: false,
});
// Rows of three cells: each row's last cell is its total, and row c is a + b column by column.
const identities: TableIdentity[] = [
  ...['x', 'y', 'z', 'a', 'b', 'c'].map((r) => ({ left: [{ row: r, column: 2 }], right: [0, 1].map((column) => ({ row: r, column })), whenFirstPrinted: true })),
  ...[0, 1, 2].map((column) => ({ left: [{ row: 'c', column }], right: ['a', 'b'].map((r) => ({ row: r, column })), whenFirstPrinted: false })),
];
const format: TableFormat = { rows: ['x', 'y', 'z', 'a', 'b', 'c'], identities };
/** Rows x, y and z stand whole after their labels, as most rows of a table do. */
const inPlace = [row('x', 1, ['1', '1', '2']), row('y', 5, ['0', '3', '3']), row('z', 9, ['2', '0', '2'])];
const values = (read: ReturnType<typeof readInValueOrder>, key: string): string[] | undefined => read?.chosen.get(key)?.cells.map((c) => c?.text ?? '');

describe('readInValueOrder', () => {
  test("a label moved below the next rows' numbers, one of its cells with it: the surplus goes back, the identities place the moved cell", () => {
    // "a 1 2 3 4 9 5 7 12 / b 5": b's label and its middle cell were printed after c's numbers (pdftotext-2021-large's "3.其他 25").
    const rows = [...inPlace, row('a', 13, ['1', '2', '3', '4', '9', '5', '7', '12']), row('b', 30, ['5'])];
    const read = readInValueOrder(rows, [format], 3);
    expect(values(read, 'a')).toEqual(['1', '2', '3']);
    expect(values(read, 'b')).toEqual(['4', '5', '9']);
    expect(values(read, 'c')).toEqual(['5', '7', '12']);
    // c's label was lost: the row between its neighbours, flagged by position.
    expect(read?.rows.get('c')?.byPosition).toBe(true);
    expect(read?.chosen.get('b')?.derived).toBe(true);
  });

  test('numbers column by column, or a count that fits no format, or identities that do not hold: no reading', () => {
    // The whole table's cells column by column after the first label: no row stands whole after its
    // label, so nothing says the text goes row by row. (A 3 × 3 block with these identities balances
    // them column by column as well: the guard that most rows stand in place is what refuses it.)
    const columnByColumn = ['1', '0', '2', '1', '4', '5', '1', '3', '0', '2', '5', '7', '2', '3', '2', '3', '9', '12'];
    expect(readInValueOrder([row('x', 1, columnByColumn)], [format], 3)).toBeNull();
    expect(readInValueOrder([row('a', 1, ['1', '4', '5', '2', '5', '7', '3', '9', '12'])], [{ rows: ['a', 'b', 'c'], identities: identities.filter((i) => !['x', 'y', 'z'].includes(i.left[0]?.row ?? '')) }], 3)).toBeNull();
    expect(readInValueOrder([...inPlace, row('a', 13, ['1', '2', '3', '4', '5', '9', '5', '7'])], [format], 3)).toBeNull();
    // A printed total the source broke (13 for 12): nothing proves the placement.
    expect(readInValueOrder([...inPlace, row('a', 13, ['1', '2', '3', '4', '9', '5', '7', '13']), row('b', 30, ['5'])], [format], 3)).toBeNull();
  });
});
