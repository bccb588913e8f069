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
