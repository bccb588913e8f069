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

describe('solveRows: whole readings of glued runs, taken together where the columns balance', () => {
  const run = (text: string, parts: (string | null)[]): Candidate => ({ cells: parts.map((p) => (p === null ? null : { ...slot(text), split: p })), derived: true });
  const ownTotal = (row: string): TableIdentity => ({ left: [{ row, column: 6 }], right: [0, 1, 2, 3, 4, 5].map((column) => ({ row, column })), whenFirstPrinted: false });
  /** Each column: new + carried over = handled (the 2019 and 2021 balance of 三, with nothing carried forward). */
  const balance = [0, 1, 2, 3, 4, 5, 6].map((column): TableIdentity => ({ left: [{ row: 'new', column }, { row: 'over', column }], right: [{ row: 'handled', column }], whenFirstPrinted: false }));
  /**
   * A run's readings as a glued page gives them: its whole readings, and the many that leave its total
   * blank (the run cut in two, each part in some column: a blank total over parts checks nothing), too
   * many together for the search over every row's readings.
   */
  const readings = (text: string, whole: string[][]): Candidate[] => {
    const withBlanks: Candidate[] = [];
    for (let cut = 1; cut < text.length; cut++) {
      for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) {
        const parts: (string | null)[] = new Array<string | null>(7).fill(null);
        [parts[a], parts[b]] = [text.slice(0, cut), text.slice(cut)];
        withBlanks.push(run(text, parts));
      }
    }
    return [...withBlanks, ...whole.map((w) => run(text, w))];
  };

  test('every row read whole, and one choice balances every column: that choice is the table as printed', () => {
    // "300153006143119" (3001 53 0 0 61 4 3119), "340000034", "303553006143153": the glued flat page of the review.
    const rows = new Map([
      ['new', readings('300153006143119', [['3001', '53', '0', '0', '61', '4', '3119']])],
      ['over', readings('340000034', [['34', '0', '0', '0', '0', '0', '34']])],
      ['handled', readings('303553006143153', [['3035', '53', '0', '0', '61', '4', '3153']])],
    ]);
    const decisions = solveRows(rows, [...['new', 'over', 'handled'].map(ownTotal), ...balance]);
    expect(decisions.get('new')?.chosen?.cells.map((c) => c?.split)).toEqual(['3001', '53', '0', '0', '61', '4', '3119']);
    expect(decisions.get('over')?.chosen?.cells.map((c) => c?.split)).toEqual(['34', '0', '0', '0', '0', '0', '34']);
    expect(decisions.get('handled')?.chosen?.derived).toBe(true);
  });

  test('whole readings that balance their rows but not the columns are not taken (a blank hid in a run)', () => {
    // "250300055" printed 25 0 30 0 _ 0 55; read whole, 2 50 3 0 0 0 55 balances its row, not the columns.
    const rows = new Map([
      ['new', readings('250300055', [['2', '50', '3', '0', '0', '0', '55']])],
      ['over', readings('1000001', [['1', '0', '0', '0', '0', '0', '1']])],
      ['handled', readings('260300056', [['26', '0', '30', '0', '0', '0', '56']])],
    ]);
    const decisions = solveRows(rows, [...['new', 'over', 'handled'].map(ownTotal), ...balance]);
    for (const key of ['new', 'over', 'handled']) expect(decisions.get(key)?.chosen).toBeNull();
  });
});
