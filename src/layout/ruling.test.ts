/**
 * Ruling grids as Chromium's print-to-PDF draws them (bench/pdf-layouts, issue 13): a collapsed border painted once
 * per grid column, and a table row cut by a page break with no rule where the page cuts it.
 */
import { describe, expect, test } from '@jest/globals';
import type { Edge, TextRun } from '../model/document.js';
import { findGrids, findRuledTables } from './ruling.js';

const h = (position: number, start: number, end: number): Edge => ({ orientation: 'h', position, start, end });
const v = (position: number, start: number, end: number): Edge => ({ orientation: 'v', position, start, end });
const run = (text: string, x0: number, y0: number): TextRun => ({ text, bbox: { x0, y0, x1: x0 + 8 * [...text].length, y1: y0 + 10 }, confidence: 1 });

/** Chromium's rule: one 0.75pt bar per grid column it runs along, each drawn as a thin filled box (two edges). */
function bars(y: number, columns: readonly number[]): Edge[] {
  return columns.slice(1).flatMap((x1, i) => [h(y, columns[i] as number, x1), h(y + 0.75, columns[i] as number, x1)]);
}

describe('a rule drawn in pieces', () => {
  // 二's band (五) as Chromium prints it under band (一): four grid columns (50, 100, 180, 260, 340) from band (一)'s
  // three value columns; band (五)'s rows are a label and one value cell spanning columns 1-3, so no vertical rule
  // crosses its horizontal rules at 180 or 260, and each rule comes as four bars, one per column.
  const columns = [50, 100, 180, 260, 340];
  const rows = [0, 20, 40, 60];
  const edges: Edge[] = [
    ...rows.flatMap((y) => bars(y, columns)),
    // band (一)'s row: every column ruled
    ...columns.map((x) => v(x, 0, 20)),
    // band (五)'s header and value rows: the label column and the outer frame only
    ...[50, 100, 340].flatMap((x) => [v(x, 20, 40), v(x, 40, 60)]),
  ];

  test('is one rule: the cells above and below it stay apart (each piece alone covers no spanning cell)', () => {
    const [grid] = findGrids(edges);
    expect(grid?.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 1],
      [0, 1, 1, 1],
      [0, 2, 1, 1],
      [0, 3, 1, 1],
      [1, 0, 1, 1],
      [1, 1, 1, 3],
      [2, 0, 1, 1],
      [2, 1, 1, 3],
    ]);
  });

  test('the header word and the number of band (五) land in their own cells', () => {
    const runs = [run('本年处理决定数量', 104, 25), run('行政许可', 54, 45), run('38', 104, 45)];
    const [table] = findRuledTables(edges, runs);
    expect(table?.rows.map((r) => r.map((c) => c.text))).toEqual([['', '', '', ''], ['', '本年处理决定数量'], ['行政许可', '38']]);
  });
});

describe('a row cut by a page break', () => {
  // The head of a page: the cut row's vertical rules start at the page's top margin (72), above the table's first
  // horizontal rule (100); the row's label and numbers are printed there.
  const columns = [50, 150, 200, 250];
  const edges: Edge[] = [...[100, 120].flatMap((y) => bars(y, columns)), ...columns.flatMap((x) => [v(x, 72, 100), v(x, 100, 120)])];
  const runs = [run('1.属于国家秘密', 54, 80), run('12', 154, 80), run('0', 204, 80), run('2.其他法律', 54, 105), run('3', 154, 105), run('4', 204, 105)];

  test('the part of the row on the page is a row of the table: its label and numbers are not left out', () => {
    const [table] = findRuledTables(edges, runs);
    expect(table?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['1.属于国家秘密', '12', '0'],
      ['2.其他法律', '3', '4'],
    ]);
  });

  test('the foot of a page: the rules run on below the last horizontal rule', () => {
    const foot: Edge[] = [...[100, 120].flatMap((y) => bars(y, columns)), ...columns.flatMap((x) => [v(x, 100, 120), v(x, 120, 150)])];
    const footRuns = [run('2.其他法律', 54, 105), run('3', 154, 105), run('4', 204, 105), run('3.危及', 54, 130), run('5', 154, 130), run('6', 204, 130)];
    const [table] = findRuledTables(foot, footRuns);
    expect(table?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['2.其他法律', '3', '4'],
      ['3.危及', '5', '6'],
    ]);
  });

  test('one vertical rule alone past the last rule (a margin line, a stroke) closes nothing', () => {
    const stray: Edge[] = [...[100, 120].flatMap((y) => bars(y, columns)), ...columns.map((x) => v(x, 100, 120)), v(50, 120, 150)];
    expect(findGrids(stray)[0]?.ys).toEqual([100.375, 120.375]);
  });
});
