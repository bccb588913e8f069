import { describe, expect, test } from '@jest/globals';
import { textToPages } from '../extract/text.js';
import type { Line } from '../model/document.js';
import { isProse, regionStart, splitRegions } from './regions.js';

const regionsOf = (text: string): { kind: string; lines: string[] }[] =>
  splitRegions(textToPages(text).flatMap((p) => p.lines)).map((r) => ({ kind: r.kind, lines: r.lines.map((l) => l.raw ?? '') }));

describe('splitRegions', () => {
  test("三's header reused over 四's row of numbers (PDF→Markdown) stays in 四: 三 only where its rows follow", () => {
    const text = [
      '**三、政府信息公开行政复议、行政诉讼情况',
      '',
      '| 行政复议 |  |  |  |  | 行政诉讼 |  |  |  |  |  |  |  |  |  |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 合计 | 未经复议直接起诉 |  |  |  |  | 复议后起诉 |  |  |  |  |',
      '',
      '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |  |  |  |  |  |  |  |  |  |  |  |  |  |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 12 | 3 | 0 | 6 | 21 | 0 | 0 | 0 | 8 | 8 | 0 | 11 | 5 | 12 | 28 |',
    ].join('\n');
    const regions = regionsOf(text);
    expect(regions.map((r) => r.kind)).toEqual(['reviews']);
    expect(regions[0]?.lines.at(-1)).toContain('| 12 | 3 |');
  });

  test("二 starts at its first header row's words where its band heading was not read and 信息内容 is garbled (drawn-007 p1, OCR)", () => {
    const text = ['某某区市场监督管理局2023年度政府信息公开工作年度报告', '第  条第  项', '信息[9容  本年制发件数  本年废吓上件数  现行有效件数', '规章  6  6  2392384', '行政规范性文件  37  27  12'].join('\n');
    const regions = regionsOf(text);
    expect(regions.map((r) => r.kind)).toEqual(['active']);
    expect(regions[0]?.lines).toContain('规章  6  6  2392384');
  });

  test("a row label with seventy characters of bracketed guidance is a label, not prose, with or without its closing pipe (湖北 2020)", () => {
    const label = '规范性文件(行政机关制定发布的决定、公告、通告、意见、通 知,以及标题采用“规定”“办法”“细则”“规范”“规程” “规则”等字样的公文,一般情况下属于规范性文件)';
    for (const raw of [`${label} |`, label]) {
      const line: Line = { page: 1, lineNo: 1, raw, cells: [{ text: raw, confidence: 1 }], separator: 'none', method: 'text' };
      expect(isProse(line)).toBe(false);
    }
    const sentence = '2020年,我街按照全区政府信息公开工作的总体要求,坚持以“公开为常态,不公开为例外”,围绕全街重点和中心工作,依照新修订条例规定,依法推进各领域政府信息公开';
    expect(isProse({ page: 1, lineNo: 1, raw: sentence, cells: [{ text: sentence, confidence: 1 }], separator: 'none', method: 'text' })).toBe(true);
  });

  test("a flattened page's 四: header words with the row's cells run into them are the table, not prose", () => {
    // The generator's flat-glued, seed 11 (gen-0086): the part the page is cut into at 四's heading.
    const part =
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计0000—011—01100—00';
    const line: Line = { page: 1, lineNo: 1, raw: part, cells: [{ text: part, confidence: 1 }], separator: 'none', method: 'text' };
    expect(isProse(line)).toBe(false);
    expect(regionStart(line)).toBe('reviews');
  });

  test('a page flattened to one line with pipes between cells and a space between rows: cut into sections, cells set apart by both', () => {
    const page = '某局2024年政府信息公开工作年度报告 本报告根据《条例》编制。 二、主动公开政府信息情况 第二十条第（一）项 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 规章 | 1 | | 11 行政规范性文件 | 8 | 26 | 66 ' + 'x'.repeat(400) + ' 三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 一、本年新收政府信息公开申请数量 | 3001 | 53 | 0 | 0 | 61 | 4 | 3119 二、上年结转政府信息公开申请数量 | 34 | 0 | 0 | 0 | 0 | 0 | 34 | | | |';
    const lines = splitRegions(textToPages(page + '\n').flatMap((p) => p.lines)).flatMap((r) => r.lines.filter((l) => l.separator === 'pipe'));
    const active = lines.find((l) => l.cells.some((c) => c.text === '规章'));
    expect(active?.cells.map((c) => c.text).slice(5, 13)).toEqual(['规章', '1', '', '11', '行政规范性文件', '8', '26', '66']);
    const requests = lines.find((l) => l.cells.some((c) => c.text === '3119'));
    expect(requests?.cells.map((c) => c.text)).toContain('二、上年结转政府信息公开申请数量');
  });
});
