import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processBytes } from '../pipeline.js';

const REAL = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'real');

describe('column words on a header run', () => {
  test('"總計(jì)" with a pinyin gloss in 三\'s header is the column, not the row （七）总计 printed blank', async () => {
    // A real excerpt (README-d) cut at "一、本年新收政府信": no row of 三 was printed, so none is blank.
    const source = readFileSync(join(REAL, 'd-district-invest-2022-traditional-pinyin-celllines', 'source.txt'));
    const { record } = await processBytes('source.txt', new Uint8Array(source));
    const total = (record?.cells ?? []).filter((c) => c.table === 'requests' && c.row === 'totalHandled');
    expect(total).toHaveLength(7);
    expect(new Set(total.map((c) => c.flag))).toEqual(new Set(['missing']));
  });
});

describe('values apart from their label', () => {
  test('a row with no values of its own right above numbers beside a label that is no row\'s is unread, never blank', async () => {
    // drawn-143 (a scan of a 2021 report), page 2: "度办理结" / "法提供" are the group cells' fragments.
    const text = ['三、收到和处理政府信息公开申请情况', '1.本机关不掌握相关政府信息 19 0 0 0 0 0 19', '2.没有现成信息需要另行制', '度办理结 法提供 1 65594 0 0 0 0 0 65594', '3.补正后申请内容仍不明确 3 0 0 0 0 36 39', ''].join('\n');
    const { record } = await processBytes('source.txt', new TextEncoder().encode(text));
    const row = (record?.cells ?? []).filter((c) => c.table === 'requests' && c.row === 'unableNeedsCreation');
    expect(row).toHaveLength(7);
    expect(new Set(row.map((c) => c.flag))).toEqual(new Set(['unreadable']));
    expect((record?.cells ?? []).find((c) => c.row === 'unableUnclear' && c.column === 'total')?.value).toBe(39);
  });
});
