/**
 * Long pages (issue 13, bench/real-converters/long_pages.py): a whole report as a portal shows it puts notes and
 * sentences between its tables. Real excerpts rarely reach 四 whole, so these use generated reports, printed whole:
 * each must read as it does without the note.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateReports, LAYOUTS, scoreRecord } from '../src/generate/index.js';
import { processBytes } from '../src/pipeline.js';
import { ROOT } from './helpers.js';

// The bench's own draw (generated_cases.mjs, seed 7, 3 a layout).
const FILES = generateReports(3 * LAYOUTS.length, { seed: 7, layouts: LAYOUTS, formats: ['2019', '2021', 'hybrid'] });

/** The text with `line` put before or after the line `anchor` matches, as a paragraph of its own where cells are paragraphs. */
function withLine(text: string, anchor: RegExp, line: string, where: 'before' | 'after'): string {
  const m = anchor.exec(text);
  if (!m) throw new Error(`no ${anchor} in the report`);
  const sep = text.split('\n\n').length > text.split('\n').length / 3 ? '\n\n' : '\n';
  const at = where === 'before' ? m.index : m.index + m[0].length;
  return `${text.slice(0, at)}${where === 'before' ? `${line}${sep}` : `${sep}${line}`}${text.slice(at)}`;
}

describe('a note or a sentence between a table heading and its table', () => {
  test.each([
    // pdftotext's 四 starts "行政 / 复议 行政诉讼": its heading alone opens the region, and the sentence after it (prose
    // since 5c1c878) closed it: all 15 cells of 四 lost (flagged missing).
    ['gen-0028-2021-text-pdf', /^四、政府信息公开行政复议、行政诉讼情况$/m, '本年度因政府信息公开被申请行政复议0件，具体情况如下：', 'after'],
    // One cell per line: a bracketed note after 二's last row ("政府集中采购 / 53 / 80277") was read into that row
    // (procurement's 2 cells unreadable).
    ['gen-0003-2019-text-cells', /^三、收到和处理政府信息公开申请情况$/m, '（数据来源：本机关政务公开工作台账）', 'before'],
    // One cell per paragraph: the blank line after the heading is a line of the region too; a unit note after it must
    // not end the region (a first try counted the blank line and lost 四's 15 cells).
    ['gen-0009-2019-text-paragraphs', /^四、政府信息公开行政复议、行政诉讼情况$/m, '（单位：件）', 'after'],
  ] as const)('%s reads as it does without', async (name, anchor, line, where) => {
    const file = FILES.find((f) => f.name.startsWith(name));
    expect(file).toBeDefined();
    const printed = new TextDecoder().decode(file!.bytes);
    const changed = withLine(printed, anchor, line, where);
    const { record: asPrinted } = await processBytes(file!.name, file!.bytes);
    const { record } = await processBytes(file!.name, new TextEncoder().encode(changed));
    const before = scoreRecord(asPrinted!, file!.spec);
    const after = scoreRecord(record!, file!.spec);
    expect(before.right).toBe(before.cells);
    expect({ right: after.right, flagged: after.flagged, silent: after.silent, status: record!.status }).toEqual({ right: before.cells, flagged: 0, silent: 0, status: asPrinted!.status });
  });
});

describe("a portal page lists other reports' titles beside its own", () => {
  // A sidebar's "热点推荐" before the title and "上一篇/下一篇" after the body: the first title line was taken, so the
  // year was another report's (bench: 211 of 211 prose pages with such a sidebar, 174 of 339 real texts read wrong).
  const withSidebar = (text: string, year: number): string =>
    `热点推荐\n某某市${year - 2}年政府信息公开工作年度报告\n某某区${year - 1}年度政府信息公开工作年度报告\n${text}\n上一篇：某某镇${year - 1}年政府信息公开工作年度报告\n下一篇：某某局${year + 1}年政府信息公开工作年度报告\n`;
  test.each([
    // The own title names no year; the 统计期限 says 2021.
    'a-baokang-agri-2021-pipes-blank',
    // "关于2022年度政府信息公开情况的报告"; the narrative opens with 2022.
    'a-changchun-erdao-2022-blank-pipes',
    // "五华科技产业园管理委员会2022年度政府信息公开工作年度报告": its agency too.
    'j-yunnan-wuhua-kjcyy-2022-pipes-longpreamble',
    // No title line: "现将2021年度镇远县林业局政府信息公开工作报告如下" gives year and agency.
    'k-guizhou-zhenyuan-lyj-2021-celllines-bigfee',
  ])('%s: the year (and agency) as without the sidebar', async (slug) => {
    const dir = join(ROOT, 'test', 'fixtures', 'real', slug);
    const printed = readFileSync(join(dir, 'source.txt'), 'utf8');
    const { year } = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { year: number };
    const { record: asPrinted } = await processBytes('source.txt', new TextEncoder().encode(printed));
    const { record } = await processBytes('source.txt', new TextEncoder().encode(withSidebar(printed, year)));
    expect(asPrinted?.year).toBe(year);
    expect({ year: record?.year, agency: record?.agency }).toEqual({ year, agency: asPrinted?.agency });
  });
});
