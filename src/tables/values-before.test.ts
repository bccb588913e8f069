import { describe, expect, test } from '@jest/globals';
import { processBytes } from '../pipeline.js';

async function read(text: string): Promise<Map<string, { value: number | null; flag: string }>> {
  const { record } = await processBytes('source.txt', new TextEncoder().encode(text));
  return new Map((record?.cells ?? []).map((c) => [`${c.table}.${c.row}.${c.column}`, { value: c.value, flag: c.flag }]));
}

// A whole report printed values-first is read right in test/adversarial.test.ts (E3).
describe('values printed before their row label', () => {
  test('label-first rows whose wrapped label has its numbers in the middle keep their own numbers', async () => {
    const cells = await read(['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '规章 1 0 11', '行政规范性', '8 26 66', '文件', ''].join('\n'));
    expect([cells.get('active.regulations.issued')?.value, cells.get('active.regulations.inForce')?.value]).toEqual([1, 11]);
    expect([cells.get('active.normativeDocuments.issued')?.value, cells.get('active.normativeDocuments.inForce')?.value]).toEqual([8, 66]);
  });

  test('numbers before the first row and after the last are no evidence either way: label-first stays', async () => {
    // A row of column numbers under the header, then label-first rows.
    const cells = await read(['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '1 2 3', '规章 1 0 11', '行政规范性文件 8 26 66', ''].join('\n'));
    expect(cells.get('active.regulations.issued')?.value).toBe(1);
    expect(cells.get('active.normativeDocuments.inForce')?.value).toBe(66);
  });
});
