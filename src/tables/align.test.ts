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

describe('a label cut by a page break', () => {
  test('the header repeated at the top of the next page is left out of the label it splits', async () => {
    // Generated text-pdf (seeds 45 and 62, gen-0076): （六）1's label runs on after the page footer and
    // the repeated column header; before, the row was not found (7 cells missing).
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '5、要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0',
      '（六）其他处理 1、申请人无正当理由逾期不补正、行政',
      'Page 3 - 2025年报_某某镇人民政府',
      'P. 3',
      '（本列数据的勾稽关系为：第一项加第二项之和',
      '，等于第三项加第四项之和） 申请',
      '人情况',
      '自然人 法人或其',
      '他组织 合计',
      '商业企业 科研机构 社会公益组织 法律服务机构 其他',
      '机关不再处理其政府信息公开申请 19 0 0 5 0 0 24',
      '2、申请人逾期未按收费通知要求缴纳费',
      '用、行政机关不再处理其政府信息公开申请 0 0 0 13 6 0 19',
      '3、其他 12 0 0 0 0 18 30',
      '',
    ].join('\n');
    const { record } = await processBytes('source.txt', new TextEncoder().encode(text));
    const row = (record?.cells ?? []).filter((c) => c.table === 'requests' && c.row === 'otherNoCorrection');
    expect(row.map((c) => c.value)).toEqual([19, 0, 0, 5, 0, 0, 24]);
    expect((record?.cells ?? []).filter((c) => c.row === 'otherNoFee').map((c) => c.value)).toEqual([0, 0, 0, 13, 6, 0, 19]);
  });
});
