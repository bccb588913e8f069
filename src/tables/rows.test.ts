import { expect, test } from '@jest/globals';
import { UNREAD_MARK, type Line } from '../model/document.js';
import { splitLabelAndValues } from './rows.js';

const gridLine = (...texts: string[]): Line => ({
  page: 1,
  lineNo: 4,
  cells: texts.map((text, i) => ({ text, col: i === 0 ? 0 : i + 2, colSpan: i === 0 ? 3 : 1, confidence: 0.9 })),
  separator: 'grid',
  method: 'ocr',
  gridWidth: 10,
  tableNo: 1,
});

test("OCR's mark for unread ink is a value slot, never part of the label (a label cell would swallow the values before it)", () => {
  const middle = splitLabelAndValues(gridLine('本年新收政府信息公开申请数量', '3001', '53', '0', '0', '61', UNREAD_MARK, '3119'));
  expect(middle.label).toBe('本年新收政府信息公开申请数量');
  expect(middle.values.map((c) => c.text)).toEqual(['3001', '53', '0', '0', '61', UNREAD_MARK, '3119']);
  const last = splitLabelAndValues(gridLine('4.保护第三方合法权益', '6', '0', '0', '0', '0', '0', UNREAD_MARK));
  expect(last.label).toBe('4.保护第三方合法权益');
  expect(last.values).toHaveLength(7);
});
