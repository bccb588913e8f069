import { describe, expect, test } from '@jest/globals';
import { isPageNumberLine } from './page-number.js';

describe('isPageNumberLine', () => {
  test('page numbers and running headers that open with one (flipbook page text: "Page 4 - …", "P. 4")', () => {
    for (const line of ['-4-', '— 5 —', '第 3 页', '第3页 共6页', '3 / 6', 'P. 4', 'p.12', 'Page 4 of 6', 'Page 4 - 2021年报_淮安市人民政府']) {
      expect({ line, page: isPageNumberLine(line) }).toEqual({ line, page: true });
    }
  });
  test('a number alone, a label or a row is no page number', () => {
    for (const line of ['4', '2', '行政许可 4', 'Page', '4.无正当理由大量反复申请 14 0 0']) {
      expect({ line, page: isPageNumberLine(line) }).toEqual({ line, page: false });
    }
  });
});
