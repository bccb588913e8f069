import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../test/helpers.js';
import { joinSpacedThousands, pageColumns, spacedCells } from './text-columns.js';

const converted = (name: string): string[] => readFileSync(join(ROOT, 'test', 'fixtures', 'converters', name, 'source.txt'), 'utf8').split('\n');
const valueStarts = (lines: string[], label: string): number[] => {
  const at = lines.findIndex((l) => l.includes(label));
  const cells = spacedCells(lines[at] ?? '');
  return cells.filter((c) => /^\d+$/.test(c.text)).map((c) => c.display.start);
};

describe('column text', () => {
  test('a cell keeps where it starts and ends, in characters and in display columns (a CJK character is two)', () => {
    const [label, value] = spacedCells('  行政许可   12');
    expect(label).toEqual({ text: '行政许可', chars: { start: 2, end: 6 }, display: { start: 2, end: 10 } });
    expect(value).toEqual({ text: '12', chars: { start: 9, end: 11 }, display: { start: 13, end: 15 } });
  });

  test('a no-break or ideographic space beside a value, with no plain space around it, is a cell of its own (bs4 get_text())', () => {
    const lines = converted('bs4-get-text-2019-blanks');
    const row = lines.find((l) => l.startsWith('4.保护第三方合'));
    expect(spacedCells(row ?? '').map((c) => c.text)).toEqual(['4.保护第三方合', '法权益17160', '\u3000', '0033']);
    expect(spacedCells('信息\u00a0公开 12').map((c) => c.text)).toEqual(['信息', '公开', '12']);
  });

  test('pandoc pads by display width: the numbers of rows with labels of any length start in the same display columns', () => {
    const lines = converted('pandoc-plain-2021-blanks');
    expect(valueStarts(lines, '一、本年新收')[0]).toBe(valueStarts(lines, '4、保护第三方合法权益')[0]);
    const page = lines.map((raw) => ({ raw, cells: spacedCells(raw) }));
    const columns = pageColumns(page.map((l) => l.cells));
    const row = page.findIndex((l) => l.raw.includes('4、保护第三方合法权益'));
    expect(columns?.[row]?.at(-1)).toEqual(page[row]?.cells.at(-1)?.display);
  });

  test('pdftotext -layout pads by characters: the page is read in character counts', () => {
    const lines = converted('pdftotext-layout-2021-blanks');
    const page = lines.slice(0, lines.findIndex((l) => l.includes('\f'))).map((raw) => ({ raw, cells: spacedCells(raw) }));
    const columns = pageColumns(page.map((l) => l.cells));
    const row = page.findIndex((l) => l.raw.includes('一、本年新收'));
    expect(columns?.[row]?.at(-1)).toEqual(page[row]?.cells.at(-1)?.chars);
  });

  test('words joined by single spaces are no column text', () => {
    const lines = converted('lynx-dump-2021-blanks');
    expect(pageColumns(lines.map(spacedCells))).toBeNull();
  });

  test('a thousands separator set apart ("83 , 795", pdf2md) joins its number again', () => {
    expect(joinSpacedThousands(spacedCells('0 83 , 795 0')).map((c) => c.text)).toEqual(['0', '83,795', '0']);
    expect(joinSpacedThousands(spacedCells('83 , 79')).map((c) => c.text)).toEqual(['83', ',', '79']);
  });
});
