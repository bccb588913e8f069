import { describe, expect, test } from '@jest/globals';
import type { ReportRecord } from '../schema/records.js';
import { scoreTables } from './score.js';

type Cell = ReportRecord['cells'][number];
const cell = (row: string, column: string, value: number | null, flag: Cell['flag']): Cell => ({
  table: 'reviews',
  row,
  column,
  value,
  raw: value === null ? '' : String(value),
  page: 1,
  line: 1,
  method: 'text',
  confidence: 1,
  flag,
});
/** Only what scoring reads of a record: its cells, checks and issues. */
const record = (cells: Cell[], issues: ReportRecord['issues'] = []): ReportRecord => ({ cells, checks: [], issues }) as unknown as ReportRecord;

describe('scoring a record cell by cell', () => {
  const expected = { reviews: { review: { upheld: 3, corrected: null, other: 5, pending: 7, total: 15 } } };

  test('each way a cell can go wrong is counted as what it is', () => {
    const score = scoreTables(
      record([
        cell('review', 'upheld', 3, 'ok'), // right
        cell('review', 'corrected', 2, 'ok'), // a blank given a number, silently
        cell('review', 'other', null, 'blank'), // a printed number given as blank
        cell('review', 'pending', 8, 'ok'), // a wrong number
        // total: left out of the record with nothing said
      ]),
      expected,
    );
    expect(score).toMatchObject({ cells: 5, right: 1, flagged: 0, silent: 4, wrongNumber: 1, numberAsBlank: 1, blankAsNumber: 1, absent: 1, nullGivenNumber: 1 });
  });

  test('flags, error issues and a failed report make a wrong or absent cell loud; a flagged number in a blank cell is still counted as given', () => {
    const score = scoreTables(
      record([cell('review', 'upheld', null, 'unreadable'), cell('review', 'corrected', 4, 'inferred')], [
        { severity: 'error', code: 'row_missing', message: 'not found', stage: 'tables', path: ['reviews', 'review'] },
      ]),
      expected,
    );
    expect(score).toMatchObject({ right: 0, flagged: 5, silent: 0, nullGivenNumber: 1 });
    const failed = { ...record([]), status: 'failed' } as ReportRecord;
    expect(scoreTables(failed, expected)).toMatchObject({ flagged: 5, silent: 0 });
  });

  test('an unprovable cell is right with its value or null flagged unreadable, and any other number is silent whatever its flag', () => {
    const unprovable = ['reviews.review.upheld', 'reviews.review.corrected', 'reviews.review.other', 'reviews.review.pending'];
    const score = scoreTables(
      record([
        cell('review', 'upheld', 3, 'inferred'),
        cell('review', 'corrected', null, 'unreadable'),
        cell('review', 'other', 6, 'inferred'),
        cell('review', 'pending', null, 'blank'),
        cell('review', 'total', 15, 'ok'),
      ]),
      expected,
      { unprovable },
    );
    expect(score).toMatchObject({ right: 3, silent: 2, wrongNumber: 1, numberAsBlank: 1, unprovable: 4 });
  });
});
