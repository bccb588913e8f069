import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processBytes } from '../pipeline.js';

const ADVERSARIAL = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'adversarial');
type Truth = Record<string, Record<string, Record<string, number | null>>>;

async function read(text: string): Promise<Map<string, { value: number | null; flag: string }>> {
  const { record } = await processBytes('source.txt', new TextEncoder().encode(text));
  return new Map((record?.cells ?? []).map((c) => [`${c.table}.${c.row}.${c.column}`, { value: c.value, flag: c.flag }]));
}

describe('values printed before their row label', () => {
  test('a whole report with every row\'s numbers on the line before its (wrapped) label reads right', async () => {
    // The reviewer's case wrapmid8-before (test/fixtures/adversarial/README.md): a real report's values,
    // labels wrapped at 8 characters, each row's numbers on the line before its label.
    const dir = join(ADVERSARIAL, 'E3-values-before-wrapped-labels');
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
    const cells = await read(readFileSync(join(dir, 'source.txt'), 'utf8'));
    const wrong: string[] = [];
    for (const [table, rows] of Object.entries(truth)) for (const [row, columns] of Object.entries(rows)) for (const [column, want] of Object.entries(columns)) {
      const key = `${table}.${row}.${column}`;
      if (want !== null && cells.get(key)?.value !== want) wrong.push(`${key}: want ${want}, got ${cells.get(key)?.value}`);
    }
    expect(wrong).toEqual([]);
    expect(cells.get('active.licensing.decisions')?.value).toBe(9487);
    expect(cells.get('requests.newReceived.total')?.value).toBe(95);
  });

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
