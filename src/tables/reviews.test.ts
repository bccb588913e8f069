import { describe, expect, test } from '@jest/globals';
import type { Line } from '../model/document.js';
import { readReviewSlots } from './reviews.js';

const gridLine = (lineNo: number, texts: readonly string[]): Line => ({
  page: 4,
  lineNo,
  separator: 'grid',
  method: 'ocr',
  cells: texts.map((text, col) => ({ text, col, confidence: 0.9 })),
});

const HEADER = Array.from({ length: 3 }, () => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat();

describe('table 四 in a ruled grid', () => {
  test('a value cell OCR misread as Han text is an unreadable value in its place, not a label swallowing the values before it', () => {
    const values = ['10', '0', '0', '8', '18', '12', '10', '人', '6', '40', '5', '—', '5', '0', '10'];
    const slots = readReviewSlots([gridLine(1, ['行政复议', '行政诉讼']), gridLine(2, HEADER), gridLine(3, values)]);
    expect(slots?.slots.map((s) => s.text)).toEqual(values);
  });

  test('a header line whose last cells are empty is no row of values (a header broken over two grid rows)', () => {
    const values = ['7', '2', '0', '5', '14', '—', '7', '0', '0', '7', '0', '0', '0', '0', '0'];
    const slots = readReviewSlots([
      gridLine(1, ['行政复议', '行政诉讼']),
      gridLine(2, ['结果', '结果', '其他', '尚未', '总计', '未经复议直接起诉', '复议后起诉']),
      { ...gridLine(3, []), cells: ['维持', '纠正', '结果', '审结', '', '', ''].map((text, i) => ({ text, col: [0, 1, 2, 3, 4, 5, 10][i], confidence: 1 })) },
      gridLine(4, HEADER.slice(5)),
      gridLine(5, values),
    ]);
    expect(slots?.slots.map((s) => s.text)).toEqual(values);
  });

  test('a header row whose cells OCR could not read ("□") and left empty is no row of values (drawn-019 p2: its second header row)', () => {
    const values = ['0', '3', '7', '11', '21', '5', '12', '0', '0', '17', '7', '0', '8', '0', '15'];
    const slots = readReviewSlots([
      gridLine(1, ['行政复议', '行政诉讼']),
      gridLine(2, ['结果维持', '结果纽正', '其他结果', '尚未志结', '□', '未经复议直接起诉', '复议后起诉']),
      gridLine(3, ['结果维持', '疆蛙纪正', '其他结果', '', '计', '', '委里ER', '', '', '□']),
      gridLine(4, values),
    ]);
    expect(slots?.slots.map((s) => s.text)).toEqual(values);
  });

  test("a row of column numbers a converter printed (pandas, with its index's empty corner cell) is a header, not the row", () => {
    const values = ['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '20'];
    const numbering = ['', ...Array.from({ length: 15 }, (_, k) => String(k))];
    const slots = readReviewSlots([gridLine(1, HEADER), gridLine(2, numbering), gridLine(3, values)]);
    expect(slots?.slots.map((s) => s.text)).toEqual(values);
  });

  test("pandas's index before each row (its numbering header starts with an empty corner cell): the row's index is no cell", () => {
    // The reviewer's pandas-md-index: "| 3 | 72 | 64 | … | 20 |", 16 values for 15 columns.
    const values = ['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '20'];
    const numbering = ['', ...Array.from({ length: 15 }, (_, k) => String(k))];
    const slots = readReviewSlots([gridLine(1, numbering), gridLine(2, ['2', ...HEADER]), gridLine(3, ['3', ...values])]);
    expect(slots?.slots.map((s) => s.text)).toEqual(values);
  });

  test('a label cell before the 15 values stays a label', () => {
    const values = ['1', '0', '0', '0', '1', '2', '0', '0', '0', '2', '0', '0', '0', '0', '0'];
    const slots = readReviewSlots([gridLine(1, HEADER), gridLine(2, ['件数', ...values])]);
    expect(slots?.slots.map((s) => s.text)).toEqual(values);
  });
});
