/**
 * Long pages (issue 13, bench/real-converters/long_pages.py): a whole report as a portal shows it puts notes and
 * sentences between its tables. Real excerpts rarely reach 四 whole, so these use generated reports, printed whole:
 * each must read as it does without the note.
 */
import { describe, expect, test } from '@jest/globals';
import { generateReports, LAYOUTS, scoreRecord } from '../src/generate/index.js';
import { processBytes } from '../src/pipeline.js';

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
