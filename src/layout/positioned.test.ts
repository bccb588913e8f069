import { describe, expect, test } from '@jest/globals';
import type { ExtractedDocument, PositionedPage } from '../model/document.js';
import { layoutDocument } from './positioned.js';

/** An OCR page of rows of words: each row its label and numbers, 40 px apart. */
function page(number: number, rows: readonly (readonly string[])[]): PositionedPage {
  return {
    number,
    width: 1600,
    height: 2200,
    unit: 'px',
    method: 'ocr',
    edges: [],
    runs: rows.flatMap((words, r) => words.map((text, i) => ({ text, confidence: 0.9, bbox: { x0: 200 + i * 150, x1: 200 + i * 150 + 60, y0: 400 + r * 40, y1: 425 + r * 40 } }))),
  };
}

describe('layoutDocument', () => {
  test('lines are numbered through the document, not page by page: a table across two pages has one line per number', () => {
    const doc: ExtractedDocument = {
      format: 'pdf',
      pages: [],
      markupTables: [],
      plainText: '',
      pageCount: 2,
      issues: [],
      positionedPages: [
        page(1, [['一、本年新收政府信息公开申请数量', '302', '0'], ['二、上年结转政府信息公开申请数量', '0', '0']]),
        page(2, [['2.重复申请', '22', '0'], ['3.要求提供公开出版物', '0', '0'], ['（七）总计', '302', '0']]),
      ],
    };
    const lines = layoutDocument(doc).pages.flatMap((p) => p.lines.map((l) => [p.number, l.lineNo, l.cells[0]?.text]));
    expect(lines).toEqual([
      [1, 1, '一、本年新收政府信息公开申请数量'],
      [1, 2, '二、上年结转政府信息公开申请数量'],
      [2, 3, '2.重复申请'],
      [2, 4, '3.要求提供公开出版物'],
      [2, 5, '（七）总计'],
    ]);
  });
});
