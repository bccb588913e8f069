import { describe, expect, test } from '@jest/globals';
import type { Candidate } from './settle.js';
import type { Slot } from './slots.js';
import { solveRows, type TableIdentity } from './solve.js';

const slot = (text: string): Slot => ({ text, page: 1, line: 1, confidence: 1, method: 'text' });
/** A derived reading of a row of seven columns: null for a blank (a dropped cell placed there). */
const reading = (cells: (string | null)[]): Candidate => ({ cells: cells.map((c) => (c === null ? null : slot(c))), derived: true });
const rowTotal: TableIdentity = { left: [{ row: 'r', column: 6 }], right: [0, 1, 2, 3, 4, 5].map((column) => ({ row: 'r', column })), whenFirstPrinted: false };

describe('solveRows: a side printed all blank checks nothing', () => {
  test('"3119" with its blanks dropped: total or 其他, a blank total over a number is no check that holds', () => {
    // (B1 of the review: a Markdown row padded at its end, "| 一、… |  | … | 3119 |  |".)
    const asTotal = reading([null, null, null, null, null, null, '3119']);
    const asOther = reading([null, null, null, null, null, '3119', null]);
    const decision = solveRows(new Map([['r', [asTotal, asOther]]]), [rowTotal]).get('r');
    expect(decision?.chosen).toBeNull();
    expect(decision?.remaining).toHaveLength(2);
  });

  test('numbers on both sides are checked: the reading whose total holds is chosen', () => {
    const holds = reading(['3', '2', null, null, null, null, '5']);
    const breaks = reading(['3', null, null, null, null, '2', '6']);
    const decision = solveRows(new Map([['r', [holds, breaks]]]), [rowTotal]).get('r');
    expect(decision?.chosen).toBe(holds);
  });

  test('one glued run read whole or with blanks around one number: the identities cannot tell, so neither is chosen', () => {
    // "340000034": 34 0 0 0 0 0 34, or one number in 其他; a blank may hide in a run where the source
    // prints empty cells as nothing (generated flat-glued gen-0262, a whole reading balanced wrongly).
    const run = (parts: (string | null)[]): Candidate => ({ cells: parts.map((p) => (p === null ? null : { ...slot('340000034'), split: p })), derived: true });
    const decision = solveRows(new Map([['r', [run([null, null, null, null, null, '340000034', null]), run(['34', '0', '0', '0', '0', '0', '34'])]]]), [rowTotal]).get('r');
    expect(decision?.chosen).toBeNull();
  });

  test('a whole reading that balances is no proof where a blank may hide in the run', () => {
    const run = (text: string, parts: (string | null)[]): Candidate => ({ cells: parts.map((p) => (p === null ? null : { ...slot(text), split: p })), derived: true });
    // "250300055": 25 0 30 0, a blank, 0 55 as printed; 2 50 3 0 0 0 55 balances too.
    const rows = new Map([
      ['r', [run('250300055', ['25', '0', '30', '0', null, '0', '55']), run('250300055', ['2', '50', '3', '0', '0', '0', '55'])]],
      ['s', [run('5005', ['5', '0', null, null, null, '0', '5'])]],
    ]);
    const identities = ['r', 's'].map((row): TableIdentity => ({ left: [{ row, column: 6 }], right: [0, 1, 2, 3, 4, 5].map((column) => ({ row, column })), whenFirstPrinted: false }));
    expect(solveRows(rows, identities).get('r')?.chosen).toBeNull();
  });
});
