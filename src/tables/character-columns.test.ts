import { describe, expect, test } from '@jest/globals';
import { characterColumns, placeByCharacters } from './character-columns.js';
import type { Slot } from './slots.js';

/** Slots of one line of column text: [text, start column]. */
const line = (cells: [string, number][], lineNo = 1): Slot[] =>
  cells.map(([text, x0]) => ({ text, page: 1, line: lineNo, confidence: 1, method: 'text', bbox: { x0, x1: x0 + text.length, y0: lineNo, y1: lineNo + 1 } }));

// pdftotext -layout, 2019-blanks page 2: columns 2–7 start at 31, 36, 40, 44, 49, 54; the first
// value is pushed right by its label (20–27).
const whole = [
  line([['16', 23], ['33', 31], ['0', 36], ['0', 40], ['25', 44], ['0', 49], ['74', 54]], 1),
  line([['0', 23], ['26', 31], ['0', 36], ['0', 40], ['13', 44], ['39', 49], ['78', 54]], 2),
  line([['0', 26], ['40', 31], ['0', 36], ['0', 40], ['0', 44], ['34', 49], ['74', 54]], 3),
];

describe('character columns', () => {
  test('columns come from the rows printed whole; a row with blanks printed as nothing is placed by them', () => {
    const header = characterColumns(whole, 7);
    expect(header?.anchors?.slice(1)).toEqual([31, 36, 40, 44, 49, 54]);
    const placed = placeByCharacters(line([['35', 23], ['0', 36], ['0', 40], ['0', 44], ['0', 49], ['35', 54]]), 7, header!);
    expect(placed?.map((s) => s?.text ?? null)).toEqual(['35', null, '0', '0', '0', '0', '35']);
  });

  test('a value between two columns is no placement at all (the identities decide, or the row is unreadable)', () => {
    const header = characterColumns(whole, 7);
    expect(placeByCharacters(line([['35', 23], ['0', 38], ['0', 44], ['0', 49], ['35', 54]]), 7, header!)).toBeNull();
  });

  test('one row printed whole lines up only with itself: cells two spaces apart after labels of any length are no columns', () => {
    // The generator's text-pdf layout: "（七）總計  155  0  0  —  0  0  155" / "四、结转下年度继续办理  18  —  —  0  0  18".
    const rows = [
      line([['155', 7], ['0', 12], ['0', 15], ['—', 18], ['0', 21], ['0', 24], ['155', 27]], 1),
      line([['18', 13], ['—', 17], ['—', 20], ['0', 23], ['0', 26], ['18', 29]], 2),
      line([['21', 14], ['0', 18], ['0', 21], ['0', 24], ['0', 27], ['21', 30]], 3),
    ];
    expect(characterColumns(rows, 7)).toBeUndefined();
  });

  test('a page with no row printed whole: columns 2..n from where the values after the first of each row lie (pdftotext -layout, 三 continued)', () => {
    // pdftotext-layout-2021-unruled, page 2: every row lost a blank; pdftotext scaled this page anew.
    const page = [
      line([['无', 38], ['0', 53], ['0', 61], ['0', 70], ['0', 83], ['无', 87]], 1),
      line([['/', 29], ['0', 43], ['0', 52], ['0', 60], ['—', 86]], 2),
      line([['/', 29], ['0', 43], ['0', 60], ['0', 69], ['无', 82], ['0', 86]], 3),
      line([['0', 28], ['0', 43], ['0', 52], ['无', 82], ['0', 86]], 4),
      line([['29', 26], ['0', 43], ['0', 52], ['0', 60], ['0', 69], ['29', 86]], 5),
      line([['209', 37], ['0', 43], ['0', 52], ['0', 60], ['0', 69], ['209', 86]], 6),
    ];
    const header = characterColumns(page, 7);
    expect(header?.anchors?.slice(1)).toEqual([43, 52, 60, 69, 82, 86]);
    expect(placeByCharacters(page[1] as Slot[], 7, header!)?.map((s) => s?.text ?? null)).toEqual(['/', '0', '0', '0', null, null, '—']);
  });

  test('cells all set apart by one run of two spaces are no columns, even where rows of like labels line up by chance', () => {
    // The generator's text-pdf layout, seed 11 (gen-0028): one row printed whole and two rows with
    // blanks dropped whose labels happen to end where the whole row's does.
    const rows = [
      line([['20', 14], ['0', 18], ['0', 21], ['0', 24], ['0', 27], ['0', 30], ['20', 33]], 1),
      line([['21', 14], ['0', 18], ['0', 21], ['0', 24], ['21', 27]], 2),
      line([['10', 14], ['0', 18], ['0', 21], ['0', 24], ['10', 27]], 3),
    ];
    expect(characterColumns(rows, 7)).toBeUndefined();
  });

  test('columns that do not line up give no columns', () => {
    const ragged = [...whole, line([['1', 23], ['2', 28], ['3', 34], ['4', 41], ['5', 46], ['6', 50], ['21', 53]], 4)];
    expect(characterColumns(ragged, 7)).toBeUndefined();
  });
});
