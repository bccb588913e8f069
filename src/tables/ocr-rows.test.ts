/**
 * Rows read by OCR (issue 16): what the decoder makes of grid rows a scan gave it, where a row's
 * label was garbled or its group label is all that was read.
 */
import { expect, test } from '@jest/globals';
import type { Line } from '../model/document.js';
import { OTHER_HANDLING_ROWS_2021, REQUEST_COLUMNS } from '../schema/keys.js';
import { reconstructTables } from './reconstruct.js';

let lineNo = 0;
const gridLine = (page: number, texts: readonly string[]): Line => ({
  page,
  lineNo: ++lineNo,
  separator: 'grid',
  method: 'ocr',
  cells: texts.map((text, col) => ({ text, col, confidence: 0.9 })),
});

/** A 2021 二 (its headers decide the format) and 三 whose （六） rows OCR read only as the group label. */
function scan2021(sixRows: string[][]): Line[] {
  const zeros = ['0', '0', '0', '0', '0', '0', '0'];
  return [
    gridLine(1, ['第二十条第（一）项']),
    gridLine(1, ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
    gridLine(1, ['规章', '1', '0', '3']),
    gridLine(1, ['行政规范性文件', '2', '0', '5']),
    gridLine(2, ['申请人情况']),
    gridLine(2, ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']),
    gridLine(2, ['一、本年新收政府信息公开申请数量', '3', '0', '0', '0', '0', '0', '3']),
    gridLine(2, ['二、上年结转政府信息公开申请数量', ...zeros]),
    gridLine(2, ['（一）予以公开', '3', '0', '0', '0', '0', '0', '3']),
    ...sixRows.map((cells) => gridLine(2, cells)),
    gridLine(2, ['（七）总计', '3', '0', '0', '0', '0', '0', '3']),
    gridLine(2, ['四、结转下年度继续办理', ...zeros]),
  ];
}

test('a 2021 table whose （六） rows OCR read only as the group label accounts for its three rows: none is left out', () => {
  const tables = reconstructTables(scan2021([['（六）其他处理', '0', '0', '0', '0', '0', '0', '0']]));
  expect(tables.template).toBe('2021');
  for (const row of OTHER_HANDLING_ROWS_2021) {
    const cells = tables.cells.filter((c) => c.table === 'requests' && c.row === row);
    expect(cells.map((c) => c.column)).toEqual([...REQUEST_COLUMNS]);
    expect(cells.every((c) => c.value === null && c.flag === 'missing')).toBe(true);
  }
  // The group label's values are 2019's single row, as read (a hybrid report prints that row).
  expect(tables.cells.find((c) => c.row === 'otherHandling' && c.column === 'total')).toMatchObject({ value: 0 });
});
