import { describe, expect, test } from '@jest/globals';
import { csvCells, csvFields, isLoneCsvRow, looksLikeCsv } from './csv-lines.js';
import { textToPages } from './text.js';

describe('CSV lines', () => {
  test('fields: quoted commas and quotes kept, empty fields kept', () => {
    expect(csvFields('行政许可,"1,203",,5')).toEqual(['行政许可', '1,203', '', '5']);
    expect(csvFields('"他说""无""",0')).toEqual(['他说"无"', '0']);
  });

  test('a row of numbers is split unless it reads as one number with thousands separators', () => {
    expect(csvCells('72,64,178,37,351')).toEqual(['72', '64', '178', '37', '351']);
    expect(csvCells('1,234,567')).toBeNull();
    expect(csvCells('规章,1,0,11')).toEqual(['规章', '1', '0', '11']);
  });

  test('a text is CSV only when several lines are plainly CSV rows: prose with ASCII commas is not', () => {
    const prose = ['根据《条例》的规定,现向社会公布本机关2021年度报告。', '共收到申请15件,办结15件。', '行政许可 1,203'];
    expect(looksLikeCsv(prose)).toBe(false);
    expect(looksLikeCsv(['信息内容,本年制发件数,本年废止件数,现行有效件数', '规章,1,0,11', '行政规范性文件,8,26,66', '行政许可,447228'])).toBe(true);
  });

  test('a lone CSV row of numbers in a text that is not CSV: commas set its cells apart', () => {
    expect(isLoneCsvRow('行政许可,550,550,550')).toBe(true);
    expect(isLoneCsvRow('规章,1,,11')).toBe(true);
    expect(isLoneCsvRow('共收到申请15件,办结15件')).toBe(false);
    expect(isLoneCsvRow('本年度,15件')).toBe(false);
    expect(isLoneCsvRow('行政许可 1,203')).toBe(false);
  });

  test('in a CSV text, commas set cells apart as tabs do: an empty field is a blank cell', () => {
    const text = ['二、主动公开政府信息情况', '信息内容,本年制发件数,本年废止件数,现行有效件数', '规章,1,,11', '行政规范性文件,8,26,66', '行政许可,447228', ''].join('\n');
    const lines = textToPages(text).flatMap((p) => p.lines);
    const row = lines.find((l) => l.raw?.startsWith('规章'));
    expect(row?.separator).toBe('tab');
    expect(row?.cells.map((c) => c.text)).toEqual(['规章', '1', '', '11']);
    // Outside CSV, a comma between digits is a thousands separator.
    const plain = textToPages('行政许可 1,203\n').flatMap((p) => p.lines)[0];
    expect(plain?.cells.map((c) => c.text)).toEqual(['行政许可', '1,203']);
  });
});
