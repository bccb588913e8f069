import { describe, expect, test } from '@jest/globals';
import { splitTextLine } from '../extract/text.js';
import type { Line } from '../model/document.js';
import { emptyLineBlanks, lineTokens, regionStyleOf, splitGluedText, withSpaceJoinedCells, type Token } from './segments.js';

const textLine = (raw: string, lineNo = 1): Line => ({
  page: 1,
  lineNo,
  raw,
  cells: raw.trim() === '' ? [] : raw.split(/\s+/).filter(Boolean).map((text) => ({ text, confidence: 1 })),
  separator: raw.includes('\t') ? 'tab' : raw.trim().startsWith('|') ? 'pipe' : 'spaces',
  method: 'text',
});
/** A text line as the extractor splits it (marks kept as cells of their own). */
const textLineOf = (raw: string): Line => {
  const split = splitTextLine(raw);
  return { page: 1, lineNo: 1, raw, cells: (split?.cells ?? []).map((text) => ({ text, confidence: 1 })), separator: (split?.cells.length ?? 0) <= 1 ? 'none' : (split?.separator ?? 'none'), method: 'text' };
};
const shape = (tokens: Token[]): string[] => tokens.map((t) => (t.kind === 'label' ? `L:${t.text}` : t.kind === 'value' ? `V:${t.slot.text}${t.slot.glued ? '*' : ''}` : 'GAP'));
const NONE = regionStyleOf([]);

describe('splitGluedText', () => {
  test('placeholders right before a numbering are blank cells, 无 too ("…申请无无无无（3）其他000…")', () => {
    expect(splitGluedText('申请无无无无（3）其他000213863838659')).toEqual([
      { kind: 'label', text: '申请' },
      ...Array.from({ length: 4 }, () => ({ kind: 'blank', text: '无' })),
      { kind: 'label', text: '(3)其他' },
      { kind: 'number', text: '000213863838659' },
    ]);
    // A word that begins with 无 stays a word.
    expect(splitGluedText('(四)无法提供1.本机关不掌握相关政府信息0000').map((p) => p.kind)).toEqual(['label', 'number']);
  });

  test('the nearest bracket decides whether a number is inside one: a stray ")" earlier on a flattened page changes nothing', () => {
    const parts = splitGluedText('(本列)数据的勾稽关系为：第一项加第二项之和）(1)属于国家秘密0007007(2)其他法律行政法规禁止公开0000000');
    expect(parts.filter((p) => p.kind === 'number').map((p) => p.text)).toEqual(['0007007', '0000000']);
    expect(parts.filter((p) => p.kind === 'label').map((p) => p.text.slice(0, 3))).toEqual(['(本列', '(2)']);
  });

  test('a flattened page: labels and the digit runs glued to them; the next label keeps its numbering', () => {
    expect(splitGluedText('一、本年新收政府信息公开申请数量153000018二、上年结转')).toEqual([
      { kind: 'label', text: '一、本年新收政府信息公开申请数量' },
      { kind: 'number', text: '153000018' },
      { kind: 'label', text: '二、上年结转' },
    ]);
    expect(splitGluedText('1.属于国家秘密00002.其他法律').map((p) => p.text)).toEqual(['1.属于国家秘密', '0000', '2.其他法律']);
  });

  test('numbers that are words stay in the label: 第1项, 2020年, bracketed notes, 数据1 column names', () => {
    expect(splitGluedText('本年增/减(指2020年增加或减少的事项数,如-8)').every((p) => p.kind === 'label')).toBe(true);
    expect(splitGluedText('数据1').every((p) => p.kind === 'label')).toBe(true);
  });

  test('signed numbers glued after a number start a new number ("45-30": 45 and -30); amounts keep their unit', () => {
    expect(splitGluedText('行政处罚45-30').map((p) => p.text)).toEqual(['行政处罚', '45', '-30']);
    expect(splitGluedText('政府集中采购2834.5元').map((p) => p.text)).toEqual(['政府集中采购', '2834.5元']);
  });
});

describe('glued blanks (BeautifulSoup get_text() with no separator: test/fixtures/converters/bs4-get-text-*)', () => {
  const kinds = (text: string): string[] => splitGluedText(text).map((p) => `${p.kind[0]}:${p.text}`);

  test('placeholders run into the numbers are blank cells; 无 that begins a word stays label text', () => {
    expect(kinds('一、本年新收政府信息公开申请数量206218—0152227803')).toEqual(['l:一、本年新收政府信息公开申请数量', 'n:206218', 'b:—', 'n:0152227803']);
    expect(kinds('二、上年结转政府信息公开申请数量无00002626')).toEqual(['l:二、上年结转政府信息公开申请数量', 'b:无', 'n:00002626']);
    expect(kinds('3.要求提供公开出版物34000无4074四、结转下年度')).toEqual(['l:3.要求提供公开出版物', 'n:34000', 'b:无', 'n:4074', 'l:四、结转下年度']);
    expect(kinds('4.无正当理由大量反复申请220')).toEqual(['l:4.无正当理由大量反复申请', 'n:220']);
    expect(kinds('(四)无法提供1、本机关不掌握相关政府信息312000116')[0]).toBe('l:(四)无法提供1、本机关不掌握相关政府信息');
  });

  test('a row of blanks before the next numbering, and a row label with only blanks after it', () => {
    expect(kinds('3.危及“三安全一稳定”///4.保护第三方合法权益27')).toEqual(['l:3.危及“三安全一稳定”', 'b:/', 'b:/', 'b:/', 'l:4.保护第三方合法权益', 'n:27']);
    expect(kinds('政府集中采购—')).toEqual(['l:政府集中采购', 'b:—']);
    expect(kinds('本年增/减')).toEqual(['l:本年增/减']);
  });

  test('circled numbering stays numbering ("0000000②其他法律…": seven zeros, then row 2), never a digit of a number', () => {
    expect(kinds('①属于国家秘密0000000②其他法律')).toEqual(['l:(1)属于国家秘密', 'n:0000000', 'l:(2)其他法律']);
    expect(kinds('行政许可①12')).toEqual(['l:行政许可(1)', 'n:12']);
  });

  test('a lone no-break or ideographic space parts glued cells and proves no blank (it may be padding: "<td>719&nbsp;</td>")', () => {
    expect(shape(lineTokens(textLineOf('5.属于三类内部事务信息35\u00a0000035'), NONE))).toEqual(['L:5.属于三类内部事务信息', 'V:35*', 'V:000035*']);
    expect(shape(lineTokens(textLineOf('行政许可\u00a012'), NONE))).toEqual(['L:行政许可', 'V:12']);
  });

  test('in cells printed apart, words with a number inside are one text cell (a 采购 row describing its project); a number with its unit is a value', () => {
    expect(shape(lineTokens(textLine('| 政府集中采购 | 闫良区公务用车10辆 | 1530000元 |'), NONE))).toEqual(['L:政府集中采购', 'L:闫良区公务用车10辆', 'V:1530000元']);
    expect(shape(lineTokens(textLine('| 行政处罚 | 3起 |'), NONE))).toEqual(['L:行政处罚', 'V:3*', 'L:起']);
  });
});

describe('lineTokens', () => {
  /** A grid row: one cell per text at grid columns 0, 1, 2… */
  const gridLine = (texts: string[]): Line => ({ page: 1, lineNo: 1, raw: texts.join('|'), cells: texts.map((text, col) => ({ text, col, confidence: 1 })), separator: 'grid', method: 'text-layer', gridWidth: texts.length, tableNo: 1 });

  test("a grid row's numbers slid left of the table's value columns stay values (bench/pdf-layouts real-001, a page of a-gengma)", () => {
    // 三 printed its header without the label columns, so most rows hold their 7 values at columns 3-9; this row holds
    // them at 1-7 and leaves 8-9 empty. Forced to columns 3-9, its first two zeros were label text and otherOrg and
    // total came out blank: two printed numbers shown blank, nothing flagged.
    const line = gridLine(['一、本年新收政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0', '', '']);
    const values = lineTokens(line, NONE, [3, 4, 5, 6, 7, 8, 9]).filter((t) => t.kind === 'value');
    expect(values.map((t) => (t.kind === 'value' ? t.slot.text : ''))).toEqual(['0', '0', '0', '0', '0', '0', '0', '', '']);
  });

  test("a numbering cut off its label before the value columns is still label text ('5' | '.属于三类内部事务信息')", () => {
    const line = gridLine(['5', '.属于三类内部事务信息', '1', '2', '3']);
    expect(shape(lineTokens(line, NONE, [2, 3, 4]))).toEqual(['L:5', 'L:.属于三类内部事务信息', 'V:1', 'V:2', 'V:3']);
  });

  test('a cell printed as 本年增/减\'s two parts ("0/0", "+3/-1", "增3 ／ 减1") is one value, not two around a glued blank', () => {
    // Real set k, 大余 民政 2020: "行政许可 |" / "0 |" / "0/0 |" / "0 |", one cell per line. The slash read as a
    // placeholder glued between two numbers made four values of three cells and left the row unread.
    const lines = ['行政许可 |', '0 |', '0/0 |', '0 |'].map((r, i) => ({ ...textLineOf(r), lineNo: i + 1 }));
    const style = regionStyleOf(lines);
    expect(lines.flatMap((l) => shape(lineTokens(l, style)))).toEqual(['L:行政许可', 'V:0', 'V:0/0', 'V:0']);
    expect(shape(lineTokens(textLine('行政处罚 | 58 | +3/-1 | 7 |'), NONE))).toEqual(['L:行政处罚', 'V:58', 'V:+3/-1', 'V:7']);
    expect(shape(lineTokens(textLine('行政处罚 | 58 | 增3 ／ 减1 | 7 |'), NONE))).toEqual(['L:行政处罚', 'V:58', 'V:增3 ／ 减1', 'V:7']);
    // Where cells run together, a slash among digits is still a blank glued between cells (bs4 get_text(): "(六)其他25无 0/025").
    const glued = ['一、本年新收政府信息公开申请数量206218—0152227803', '二、上年结转政府信息公开申请数量无00002626', '(六)其他25无 0/025'].map((r, i) => ({ ...textLineOf(r), lineNo: i + 1 }));
    const gluedStyle = regionStyleOf(glued);
    expect(gluedStyle.gluedCells).toBe(true);
    expect(shape(lineTokens(glued[2]!, gluedStyle)).filter((t) => t.startsWith('V:'))).not.toContain('V:0/025');
  });

  test('pipes anywhere in a text line separate cells ("label | 58 | 7 |"), not words and pipes', () => {
    expect(shape(lineTokens(textLine('行政许可 | 58 | 7 |'), NONE))).toEqual(['L:行政许可', 'V:58', 'V:7']);
  });

  test('runs of adjacent pipes after a row are residue (a gap of unknown blanks), "|  |" is an empty cell', () => {
    expect(shape(lineTokens(textLine('| 一、本年新收 | 3 | 0 | ||'), NONE))).toEqual(['L:一、本年新收', 'V:3', 'V:0', 'GAP']);
    expect(shape(lineTokens(textLine('| 四、结转 | 0 |  |'), NONE))).toEqual(['L:四、结转', 'V:0', 'V:']);
  });

  test('rows that end with their last cell, a few of them, say a pipe at a row\'s end closes an empty cell', () => {
    // The reviewer's sep-pipe-blank-empty-huaian21subTotalBlank: full rows end open, sub-rows with a blank total end in "| ".
    const raws = ['一、本年新收 | 3001 | 53 | 0 | 0 | 61 | 4 | 3119', '二、上年结转 | 34 | 0 | 0 | 0 | 0 | 0 | 34', '（一）予以公开 | 1288 | 21 | 0 | 0 | 50 | 3 | ',
      '（二）部分公开 | 447 | 7 | 0 | 0 | 0 | 0 | ', '2.其他法律 | 30 | 1 | 0 | 0 | 0 | 0 | ', '（七）总计 | 2932 | 53 | 0 | 0 | 61 | 4 | 3050'];
    const lines = raws.map((r, i) => textLine(r, i + 1));
    const style = regionStyleOf(lines);
    expect(style.openEnded).toBe(true);
    expect(shape(lineTokens(lines[2]!, style))).toEqual(['L:（一）予以公开', 'V:1288', 'V:21', 'V:0', 'V:0', 'V:50', 'V:3', 'V:']);
    // Where every row ends in its pipe, the pipe closes the row.
    const closed = regionStyleOf(raws.map((r, i) => textLine(r.trimEnd().endsWith('|') ? r : `${r} |`, i + 1)));
    expect(closed.openEnded).toBe(false);
  });

  test('a pipe row whose blank cells print an ideographic space is split on its pipes, each space a blank cell', () => {
    // The reviewer's sep-pipe-blank-ideo: the extractor kept the U+3000 as cells, and the pipes stayed in the cells' text.
    const line = textLineOf('一、本年新收 | 3001 | 53 | \u3000 | \u3000 | 61 | 4 | 3119');
    expect(shape(lineTokens(line, regionStyleOf([line])))).toEqual(['L:一、本年新收', 'V:3001', 'V:53', 'V:', 'V:', 'V:61', 'V:4', 'V:3119']);
  });

  test('a lone pipe is an empty cell where cells end in their pipe, and a separator where they do not', () => {
    const terminated = regionStyleOf(['规章 |', '0 |', '|', '0 |'].map((r, i) => textLine(r, i + 1)));
    const bare = regionStyleOf(['规章', '|', '0', '|', '0'].map((r, i) => textLine(r, i + 1)));
    expect(terminated.pipes).toBe('terminated');
    expect(bare.pipes).toBe('bare');
    expect(shape(lineTokens(textLine('|'), terminated))).toEqual(['V:']);
    expect(shape(lineTokens(textLine('|'), bare))).toEqual([]);
  });

  test('where pipes stand on lines of their own between cells, two in a row bracket an empty cell', () => {
    // The generator's text-cell-lines, seed 11 (gen-0312): "61551 | 0 | 235 | | 0 | 0 | 61786 |", one piece a line.
    const raws = ['一、本年新收', '|', '61551', '|', '0', '|', '235', '|', '|', '0', '|', '0', '|', '61786', '|'];
    const lines = raws.map((r, i) => textLine(r, i + 1));
    const style = regionStyleOf(lines);
    expect(style.pipes).toBe('bare');
    expect(lines.flatMap((l) => shape(lineTokens(l, style)))).toEqual(['L:一、本年新收', 'V:61551', 'V:0', 'V:235', 'V:', 'V:0', 'V:0', 'V:61786']);
  });

  test('bracketed numbering set off from its label by a space is label text, never a value ("（2） 重复申请")', () => {
    expect(shape(lineTokens(textLine('（2） 重复申请'), NONE))).toEqual(['L:（2）重复申请']);
    expect(shape(lineTokens(textLine('(3) 其他法律行政法规禁止公开 5 0'), NONE))).toEqual(['L:(3)其他法律行政法规禁止公开', 'V:5', 'V:0']);
  });

  test('numbering that lost its dot, in space-separated rows: at the line\'s start or after a group cell, never a value', () => {
    // The reviewer's numv-noDot-space and numv-spaceNoDot-space: 8 values where 7 columns are printed.
    expect(shape(lineTokens(textLine('2其他法律行政法规禁止公开 30 1 0 0 0 0 31'), NONE))).toEqual(['L:2其他法律行政法规禁止公开', 'V:30', 'V:1', 'V:0', 'V:0', 'V:0', 'V:0', 'V:31']);
    expect(shape(lineTokens(textLine('（三）不予公开 1属于国家秘密 2 0 0 0 0 0 2'), NONE)).slice(0, 3)).toEqual(['L:（三）不予公开', 'L:1属于国家秘密', 'V:2']);
    expect(shape(lineTokens(textLine('2 其他法律行政法规禁止公开 30 1 0 0 0 0 31'), NONE)).slice(0, 2)).toEqual(['L:2其他法律行政法规禁止公开', 'V:30']);
    expect(shape(lineTokens(textLine('（三）不予公开 1 属于国家秘密 2 0 0 0 0 0 2'), NONE)).slice(0, 3)).toEqual(['L:（三）不予公开', 'L:1属于国家秘密', 'V:2']);
    // A number wrapped to the line's start before a label with its own numbering stays a value.
    expect(shape(lineTokens(textLine('31 3.危及“三安全一稳定” 5 0 0 0 0 0 5'), NONE)).slice(0, 2)).toEqual(['V:31', 'L:3.危及“三安全一稳定”']);
  });

  test('numbering that lost its dot is label text: glued to its label in a cell of its own, or before it alone on its line', () => {
    expect(shape(lineTokens(textLine('2其他法律行政法规禁止公开'), NONE))).toEqual(['L:2其他法律行政法规禁止公开']);
    expect(shape(lineTokens(textLine('| 2其他法律行政法规禁止公开 |  | 31 |'), regionStyleOf([textLine('| 2其他法律行政法规禁止公开 |  | 31 |')])))[0]).toBe('L:2其他法律行政法规禁止公开');
    expect(shape(lineTokens(textLine('2 其他法律行政法规禁止公开'), NONE))).toEqual(['L:2其他法律行政法规禁止公开']);
    // (A count with its unit, "3起", stays a value: the glued-blanks test below.)
  });

  test('rules drawn in text are no row; w3m box verticals separate cells', () => {
    expect(lineTokens(textLine('---|---'), NONE)).toEqual([]);
    expect(lineTokens(textLine('├────┼────┤'), NONE)).toEqual([]);
    expect(shape(lineTokens(textLine('│ 规章 │ 0 │   │ 5 │'), NONE))).toEqual(['L:规章', 'V:0', 'V:', 'V:5']);
  });

  test('a numbering split off its label by spaces stays with it ("2 . 重复申请")', () => {
    expect(shape(lineTokens(textLine('2 . 重复申请 7 0'), NONE))).toEqual(['L:2.重复申请', 'V:7', 'V:0']);
  });

  test('digits with no valid value ("--253") are an unreadable value, not a label', () => {
    expect(shape(lineTokens(textLine('行政处罚 | 253 | --253 | 0 |'), NONE))).toEqual(['L:行政处罚', 'V:253', 'V:--253', 'V:0']);
  });
});

describe('emptyLineBlanks', () => {
  const region = (raws: string[]): Line[] => raws.map((r, i) => textLine(r, i + 1));
  test('one cell per line: an empty line is a blank cell', () => {
    const lines = region(['一、本年新收', '148', '0', '225', '', '', '0', '373', '二、上年结转', '1', '0', '0', '0', '0', '0', '1']);
    const blanks = emptyLineBlanks(lines, lines.map((l) => lineTokens(l, NONE)));
    expect(blanks.reduce((a, b) => a + b, 0)).toBe(2);
  });
  test('one cell per paragraph: the empty line after a cell separates; a line of spaces is a blank cell', () => {
    const lines = region(['一、本年新收', '', '120', '', ' ', '', '0', '', '0', '', '0', '', '0', '', '120', '', '二、上年结转', '', '0', '']);
    const blanks = emptyLineBlanks(lines, lines.map((l) => lineTokens(l, NONE)));
    expect(blanks.reduce((a, b) => a + b, 0)).toBe(1);
  });
  test('one cell per paragraph: an empty paragraph is two more empty lines, so a run of three between numbers is one blank', () => {
    // The generator's text-paragraphs with '' blanks, seed 11 (gen-0121): "0", "3", _, _, _, "0", "3".
    const lines = region(['8 .属于行政查询事项', '', '0', '', '3', '', '  ', '', '  ', '', '', '', '0', '', '3', '', '(四)无法提供', '', '1 .本机关不掌握', '', '5', '', '0', '', '0', '', '0', '', '0', '', '0', '', '5', '']);
    const blanks = emptyLineBlanks(lines, lines.map((l) => lineTokens(l, NONE)));
    expect(blanks.slice(0, 16).reduce((a, b) => a + b, 0)).toBe(3);
  });
  test('one cell per line with many blank cells is no paragraph text: its cells stand on neighbouring lines', () => {
    // The generator's text-broken-digits, seed 11 (gen-0061): blanks as empty lines, nearly as many as cells.
    const lines = region(['一、本年新收', '316', '0', '0', '', '0', '', '316', '二、上年结转', '', '', '', '', '', '', '', '（一）予以公开', '40', '', '', '', '', '0', '40']);
    const blanks = emptyLineBlanks(lines, lines.map((l) => lineTokens(l, NONE)));
    expect(blanks.reduce((a, b) => a + b, 0)).toBe(13);
  });
  test('one cell per line with zeros printed as blanks: few numbers neighbour, but each stands right under its label', () => {
    // The reviewer's excerpt-cellline-h2019blank0-19 (its last 56 lines, the source cut after 187): read as
    // paragraphs, two empty lines made one blank, and （六）'s 1 went into 社会公益组织 (a silent cell).
    const row = (label: string, cells: string[]): string[] => [label, ...cells];
    const blank = (n: number): string[] => new Array<string>(n).fill('');
    const raws = [
      ...row('3.补正后申请内容仍不明确', ['1', ...blank(5), '1']), '（五）不予处理', ...row('1.信访举报投诉类申请', ['56', '6', ...blank(4), '62']),
      ...row('2.重复申请', ['25', ...blank(5), '25']), ...row('3.要求提供公开出版物', blank(7)), ...row('4.无正当理由大量反复申请', blank(7)),
      ...row('5.要求行政机关确认或重新出具已获取信息', ['1', ...blank(5), '1']), ...row('（六）其他处理', ['181', '5', '', '', '1', '', '187']),
    ];
    const lines = region(raws);
    const blanks = emptyLineBlanks(lines, lines.map((l) => lineTokens(l, NONE)));
    expect(blanks.reduce((a, b) => a + b, 0)).toBe(5 + 4 + 5 + 7 + 7 + 5 + 3);
  });
  test('cells closed by their own pipe: a line of spaces between two of them is no cell', () => {
    // Real set i, 宁强 2023 (a mirror's lead-pipe rows, each cell on its own indented line): every row read
    // "8 values where 3 columns are printed" while its lines of spaces counted as printed empty cells.
    const raws = ['| ', '       規章  | ', '      ', '       0  | ', '      ', '       0  | ', '      ', '       0  | ', '    ',
      '| ', '       規范性文件  | ', '      ', '       0  | ', '      ', '       0  | ', '      ', '       0  | ', '    '];
    const lines = raws.map((raw, i) => ({ ...textLineOf(raw), lineNo: i + 1 }));
    const blanks = emptyLineBlanks(lines, lines.map((l) => lineTokens(l, regionStyleOf(lines))));
    expect(blanks.reduce((a, b) => a + b, 0)).toBe(0);
  });
  test('one cell per line, rows printing only their totals: each number stands right above the next label', () => {
    // The reviewer's numv-*-cellline-h2019totalOnly: six empty lines, then the total (read as paragraphs, five blanks).
    const raws = ['一、本年新收政府信息公开申请数量', '', '', '', '', '', '', '3119', '二、上年结转政府信息公开申请数量', '', '', '', '', '', '', '34',
      '三、本年度办理结果', '（一）予以公开', '', '', '', '', '', '', '1362', '（二）部分公开', '', '', '', '', '', '', '454', '（三）不予公开'];
    const lines = region(raws);
    const blanks = emptyLineBlanks(lines, lines.map((l) => lineTokens(l, NONE)));
    expect(blanks.reduce((a, b) => a + b, 0)).toBe(24);
  });
});

describe('withSpaceJoinedCells', () => {
  const spaced = (raw: string, lineNo: number): Line => ({ ...textLine(raw, lineNo), separator: 'spaces' });
  test("rows a scraper joined with one space per cell, empty cells as nothing: each field is a cell", () => {
    // The reviewer's nextline-emptyblank: "3001 53   61 4 3119" is 3001 53 _ _ 61 4 3119; "1288 21 0 0 50 3 " ends in an empty total.
    const lines = ['一、本年新收', '3001 53   61 4 3119', '二、上年结转', '34      34', '（一）予以公开', '1288 21 0 0 50 3 '].map(spaced);
    const out = withSpaceJoinedCells(lines, new Set([7]));
    expect(out[1]?.cells.map((c) => c.text)).toEqual(['3001', '53', '', '', '61', '4', '3119']);
    expect(out[5]?.cells.map((c) => c.text)).toEqual(['1288', '21', '0', '0', '50', '3', '']);
    expect(out[1]?.separator).toBe('tab');
  });
  test('text padded to its columns (runs of spaces of any length) and one number padded alone are left as they are', () => {
    const padded = ['3001   53    0  0  61  4  3119', '34     0     0  0   0  0    34', ' 0', '1288   21    0  0  50  3  1362'].map(spaced);
    expect(withSpaceJoinedCells(padded, new Set([7]))).toBe(padded);
  });
});

describe('lineTokens: OCR words', () => {
  /** An OCR line of words, each at [x0, x1] on one baseline (y 1133–1148). */
  const ocrLine = (words: readonly [string, number, number][]): Line => ({
    page: 2,
    lineNo: 39,
    cells: words.map(([text, x0, x1]) => ({ text, bbox: { x0, x1, y0: 1134, y1: 1148 }, confidence: 0.9 })),
    separator: 'spaces',
    method: 'ocr',
  });

  test('an OCR word of digits around a slash is not read as 本年增/减\'s two parts (words of two cells may run into one)', () => {
    const row = ocrLine([['行政许可', 100, 160], ['0/0', 230, 262]]);
    expect(shape(lineTokens(row, NONE))).not.toContain('V:0/0');
  });

  test('one Han character as narrow as a digit among a row of values is an unread value, not label text (drawn-003: 四\'s 4 read 秋)', () => {
    // The words of drawn-003's 四 row as OCR gave them (a 121 dpi grey scan, noise 8).
    const row = ocrLine([
      ['0', 162, 173], ['0', 233, 243], ['7', 304, 313], ['0', 374, 384], ['7', 445, 454],
      ['12', 491, 510], ['0', 558, 570], ['0', 629, 640], ['0', 699, 710], ['12', 773, 791],
      ['12', 816, 836], ['3', 885, 895], ['5', 956, 966], ['秋', 1026, 1037], ['24', 1097, 1118],
    ]);
    expect(shape(lineTokens(row, NONE))).toEqual(['0', '0', '7', '0', '7', '12', '0', '0', '0', '12', '12', '3', '5', '□', '24'].map((t) => `V:${t}`));
  });

  test('a character as wide as the text stays label text: a wrapped label\'s last character before its row\'s values', () => {
    const row = ocrLine([['开', 585, 601], ['0', 972, 983], ['0', 1067, 1078], ['9', 1167, 1177], ['0', 1268, 1279]]);
    expect(shape(lineTokens(row, NONE))[0]).toBe('L:开');
  });
});
