/**
 * Rows read by OCR (issue 16): what the decoder makes of grid rows a scan gave it, where a row's
 * label was garbled or its group label is all that was read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import type { BBox, ExtractedDocument, Line } from '../model/document.js';
import { readDocumentTables } from '../pipeline.js';
import { OTHER_HANDLING_ROWS_2021, REQUEST_COLUMNS } from '../schema/keys.js';
import type { Issue } from '../schema/records.js';
import { reconstructTables } from './reconstruct.js';
import { cellFromSlot, confirmUnsureByRowSum, nullCells } from './row-cells.js';
import type { Slot } from './slots.js';

let lineNo = 0;
const gridLine = (page: number, texts: readonly string[]): Line => ({
  page,
  lineNo: ++lineNo,
  separator: 'grid',
  method: 'ocr',
  cells: texts.map((text, col) => ({ text, col, confidence: 0.9 })),
});

/** A 2021 二 (its headers decide the format) and 三 whose （六） rows OCR read only as the group label. */
function scan2021(sixRows: string[][]): Line[] {
  const zeros = ['0', '0', '0', '0', '0', '0', '0'];
  return [
    gridLine(1, ['第二十条第（一）项']),
    gridLine(1, ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
    gridLine(1, ['规章', '1', '0', '3']),
    gridLine(1, ['行政规范性文件', '2', '0', '5']),
    gridLine(2, ['申请人情况']),
    gridLine(2, ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']),
    gridLine(2, ['一、本年新收政府信息公开申请数量', '3', '0', '0', '0', '0', '0', '3']),
    gridLine(2, ['二、上年结转政府信息公开申请数量', ...zeros]),
    gridLine(2, ['（一）予以公开', '3', '0', '0', '0', '0', '0', '3']),
    ...sixRows.map((cells) => gridLine(2, cells)),
    gridLine(2, ['（七）总计', '3', '0', '0', '0', '0', '0', '3']),
    gridLine(2, ['四、结转下年度继续办理', ...zeros]),
  ];
}

test('a 2021 table whose （六） rows OCR read only as the group label, rows of numbers under it, accounts for its three rows: none is left out', () => {
  const zeros = ['0', '0', '0', '0', '0', '0', '0'];
  // The group cell on its first row's line; the labels of the next two rows garbled.
  const tables = reconstructTables(scan2021([['（六）其他处理', ...zeros], ['家十钠费用', ...zeros], ['', ...zeros]]));
  expect(tables.template).toBe('2021');
  for (const row of OTHER_HANDLING_ROWS_2021) {
    const cells = tables.cells.filter((c) => c.table === 'requests' && c.row === row);
    expect(cells.map((c) => c.column)).toEqual([...REQUEST_COLUMNS]);
    expect(cells.every((c) => c.value === null && c.flag === 'missing')).toBe(true);
  }
  // The group label's values are 2019's single row, as read (a hybrid report prints that row).
  expect(tables.cells.find((c) => c.row === 'otherHandling' && c.column === 'total')).toMatchObject({ value: 0 });
});

test('a 2021 table whose （六） rows OCR read only as the group label, with rows of unreadable values under it (faint print), accounts for its three rows', () => {
  // drawn-111 p2: the two rows under the group cell's first line seen as ink nobody could read.
  const unread = ['□', '□', '□', '□', '□', '□', '□'];
  const tables = reconstructTables(scan2021([['（六）其他处理', '0', '0', '0', '0', '0', '0', '0'], ['家十钠费用', ...unread], ['其他', ...unread]]));
  for (const row of OTHER_HANDLING_ROWS_2021) {
    const cells = tables.cells.filter((c) => c.table === 'requests' && c.row === row);
    expect(cells.map((c) => c.column)).toEqual([...REQUEST_COLUMNS]);
    expect(cells.every((c) => c.value === null && c.flag === 'missing')).toBe(true);
  }
});

/** A 三 row of grid cells: its label, `v` under 自然人 and 总计, zeros between. */
const valuesRow = (label: string, v: number): string[] => [label, String(v), '0', '0', '0', '0', '0', String(v)];

/** A 2021 二's head and 三 with rows read around `middle` (lines whose labels OCR garbled): `before` above them, `after` below. */
function rowsAround(before: string, middle: readonly Line[], after: string): Line[] {
  return [
    gridLine(1, ['第二十条第（一）项']),
    gridLine(1, ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
    gridLine(1, ['规章', '1', '0', '3']),
    gridLine(2, ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']),
    gridLine(2, valuesRow('一、本年新收政府信息公开申请数量', 90)),
    gridLine(2, valuesRow('（一）予以公开', 10)),
    gridLine(2, valuesRow(before, 37)),
    ...middle,
    gridLine(2, valuesRow(after, 32)),
    gridLine(2, valuesRow('（七）总计', 90)),
  ];
}

test('two rows of values whose labels OCR garbled, between two rows it read, where exactly those two rows are missing: they are those rows in order, inferred (labels as drawn-136 p2 garbled them)', () => {
  const lines = (garbled: string[][]): Line[] => rowsAround('4.保护第三方合法权益', garbled.map((cells) => gridLine(2, cells)), '7.属于行政执法案卷');
  const cell = (tables: ReturnType<typeof reconstructTables>, key: string) => tables.cells.find((c) => c.table === 'requests' && c.row === key && c.column === 'naturalPerson');
  const two = reconstructTables(lines([valuesRow('5.属天去太内部事', 18), valuesRow('痪于四他舍', 2)]));
  expect(cell(two, 'deniedInternalAffairs')).toMatchObject({ value: 18, flag: 'inferred' });
  expect(cell(two, 'deniedProcessInfo')).toMatchObject({ value: 2, flag: 'inferred' });
  // Two rows of values where three rows are missing (7.属于行政执法案卷 not printed): none is placed.
  const gap = reconstructTables(lines([valuesRow('5.属天去太内部事', 18), valuesRow('痪于四他舍', 2)]).filter((l) => l.cells[0]?.text !== '7.属于行政执法案卷'));
  expect(cell(gap, 'deniedInternalAffairs')).toMatchObject({ value: null, flag: 'missing' });
  expect(cell(gap, 'deniedProcessInfo')).toMatchObject({ value: null, flag: 'missing' });
});

test('a row placed by position with two cells OCR could not read is left unread: its identity would fill them and check nothing (drawn-015 p3: a 22 read as "4" and "2", the row\'s 0s a column right)', () => {
  const unsure = (texts: readonly string[], confidences: readonly number[]): Line => ({ ...gridLine(2, texts), cells: texts.map((text, col) => ({ text, col, confidence: confidences[col] ?? 0.9 })) });
  const lines = (garbled: Line): Line[] => rowsAround('1.本机关不掌握相关政府信息', [garbled], '3.补正后申请内容仍不明确');
  const cells = (tables: ReturnType<typeof reconstructTables>) => tables.cells.filter((c) => c.table === 'requests' && c.row === 'unableNeedsCreation');
  // "2.8有现" for 2.没有现成信息需要另行制作: its 22 read as two numbers nobody could read, its blank under 其他 not seen.
  const split = reconstructTables(lines(unsure(['2.8有现', '4', '2', '0', '0', '0', '0', '22'], [0.9, 0, 0, 0.9, 0.9, 0.9, 0.9, 0.5])));
  expect(cells(split).map((c) => [c.value, c.flag])).toEqual(REQUEST_COLUMNS.map(() => [null, 'unreadable']));
  expect(split.issues).toContainEqual(expect.objectContaining({ code: 'row_unreadable', path: ['requests', 'unableNeedsCreation'] }));
  // One number read unsure (the 22 at 0.5): the row's other values stand, placed by position (inferred).
  const one = reconstructTables(lines(unsure(['2.8有现', '22', '0', '0', '0', '0', '0', '22'], [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.5])));
  expect(cells(one).find((c) => c.column === 'naturalPerson')).toMatchObject({ value: 22, flag: 'inferred' });
  expect(cells(one).find((c) => c.column === 'total')).toMatchObject({ value: null, flag: 'unreadable' });
});

test('a hybrid 2021 report (2019\'s single （六） row right above 总计) is not given the 2021 rows', () => {
  const tables = reconstructTables(scan2021([['（六）其他处理', '0', '0', '0', '0', '0', '0', '0']]));
  expect(tables.cells.filter((c) => (OTHER_HANDLING_ROWS_2021 as readonly string[]).includes(c.row))).toEqual([]);
});

/** A line of words read by OCR off a page without rules: each cell with its box (x0, width). */
const wordLine = (page: number, y: number, words: readonly (readonly [string, number, number])[]): Line => ({
  page,
  lineNo: ++lineNo,
  separator: 'spaces',
  method: 'ocr',
  cells: words.map(([text, x0, width]) => ({ text, confidence: 0.95, bbox: { x0, x1: x0 + width, y0: y, y1: y + 30 } })),
});
const COLUMN_STARTS = [1000, 1100, 1200, 1300, 1400, 1500, 1600];
const HEADER_WORDS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
/** A row: its label, then its values at the column starts moved by `shift` (null: a blank printed as nothing). */
const row = (page: number, y: number, label: string, values: readonly (string | null)[], shift: number): Line =>
  wordLine(page, y, [[label, 200, 400], ...values.flatMap((v, i) => (v === null ? [] : [[v, (COLUMN_STARTS[i] as number) + shift, 20 * v.length] as const]))]);

/** 三's header on page 1, its words `width` wide at the column starts, and its first row under them. */
const headerAndFirstRow = (width: number): Line[] => [
  wordLine(1, 100, [['申请人情况', 1200, 150]]),
  wordLine(1, 150, HEADER_WORDS.map((w, i) => [w, COLUMN_STARTS[i] as number, width] as const)),
  row(1, 200, '一、本年新收政府信息公开申请数量', ['7', '1', '0', '0', '0', '2', '10'], 0),
];

test('三 continued on the next page without its header is placed by that page\'s own columns, never a column off by the page before', () => {
  const lines = [
    ...headerAndFirstRow(60),
    row(1, 250, '二、上年结转政府信息公开申请数量', ['1', '0', '0', '0', '0', '0', '1'], 0),
    row(1, 300, '（一）予以公开', ['4', '1', '0', '0', '0', '2', '7'], 0),
    // The next page sits a column's width to the right of the first (another scan, another crop).
    row(2, 100, '1.本机关不掌握相关政府信息', ['2', null, '0', '0', '0', '0', '2'], 100),
    row(2, 150, '2.没有现成信息需要另行制作', ['1', '0', '0', '0', '0', '0', '1'], 100),
    row(2, 200, '3.补正后申请内容仍不明确', ['1', '0', '0', '0', '0', '0', '1'], 100),
    row(2, 250, '1.信访举报投诉类申请', ['3', '0', '0', '0', '0', '1', '4'], 100),
  ];
  const cells = reconstructTables(lines).cells.filter((c) => c.table === 'requests');
  const valuesOf = (r: string): (number | null)[] => REQUEST_COLUMNS.map((column) => cells.find((c) => c.row === r && c.column === column)?.value ?? null);
  expect(valuesOf('unableNotHeld')).toEqual([2, null, 0, 0, 0, 0, 2]);
  expect(cells.find((c) => c.row === 'unableNotHeld' && c.column === 'commercial')?.flag).toBe('unreadable');
  expect(valuesOf('rejectedPetition')).toEqual([3, 0, 0, 0, 0, 1, 4]);
  expect(valuesOf('newReceived')).toEqual([7, 1, 0, 0, 0, 2, 10]);
});

test('a page whose lower rows drift off the header\'s columns (a photo turned a few degrees): rows are read by their values alone, or stay unread', () => {
  const lines = [
    ...headerAndFirstRow(80),
    row(1, 250, '二、上年结转政府信息公开申请数量', ['1', '0', '0', '0', '0', '0', '1'], 40),
    row(1, 300, '（一）予以公开', ['4', '1', '0', '0', '0', '2', '7'], 80),
    // Drifted most: its first value sits under the second column's header word.
    row(1, 350, '（二）部分公开', ['3', null, null, null, null, null, '3'], 90),
  ];
  const cells = reconstructTables(lines).cells.filter((c) => c.table === 'requests' && c.row === 'partiallyGranted');
  // Never 3 under 商业企业: either under 自然人, or unread.
  expect(cells.find((c) => c.column === 'commercial')?.value ?? null).toBeNull();
  expect(cells.find((c) => c.column === 'naturalPerson')?.value === 3 || cells.every((c) => c.flag === 'unreadable')).toBe(true);
});

test('a group cell whose first row\'s label OCR lost: the numbers on its grid line are that row\'s, and rows of numbers without labels fill the gaps by position', () => {
  const cells = (col0: readonly string[], values: readonly string[]): string[] => [...col0, ...values];
  const lines = [
    gridLine(1, ['申请人情况']),
    gridLine(1, ['', '', '', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']),
    gridLine(1, cells(['一、本年新收政府信息公开申请数量', '', ''], ['9', '0', '0', '0', '0', '0', '9'])),
    // (五)不予处理 over its five rows; the label of its first row (1.信访举报投诉类申请) was not read.
    gridLine(1, cells(['', '(五)不予处理', ''], ['1', '0', '0', '0', '0', '0', '1'])),
    gridLine(1, cells(['', '', '2.重复申请'], ['2', '0', '0', '0', '0', '0', '2'])),
    gridLine(1, cells(['', '', ''], ['3', '0', '0', '0', '0', '0', '3'])),
    gridLine(1, cells(['', '', '4.无正当理由大量反复申请'], ['4', '0', '0', '0', '0', '0', '4'])),
    gridLine(1, cells(['', '', ''], ['5', '0', '0', '0', '0', '0', '5'])),
    gridLine(1, cells(['', '(六)其他处理', ''], ['0', '0', '0', '0', '0', '0', '0'])),
  ];
  const read = reconstructTables(lines).cells.filter((c) => c.table === 'requests' && c.column === 'total');
  const total = (row: string): number | null => read.find((c) => c.row === row)?.value ?? null;
  expect(['rejectedPetition', 'rejectedDuplicate', 'rejectedPublication', 'rejectedMassRepeated', 'rejectedConfirmReissue'].map(total)).toEqual([1, 2, 3, 4, 5]);
  // Known by position, not by a label read: flagged inferred.
  expect(read.find((c) => c.row === 'rejectedPetition')?.flag).toBe('inferred');
});

/** OCR output of drawn scans as layout made it (scripts/make-ocr-line-fixtures.mjs), with the truth of 三 (or of `table`, a screenshot's). */
interface OcrFixture {
  file: string;
  table?: string;
  truth: Record<string, Record<string, number | null>>;
  /** Truths of other tables the fixture is about besides. */
  also?: Record<string, Record<string, Record<string, number | null>>>;
  doc: ExtractedDocument;
}
const fixture = (name: string): OcrFixture => JSON.parse(readFileSync(`test/fixtures/ocr-lines/${name}.json`, 'utf8')) as OcrFixture;

/** Cells of 三 (or the fixture's table) that are silently wrong: a number not printed, a printed number given as blank, a cell left out. */
function silentCells({ truth, doc, table = 'requests' }: OcrFixture): string[] {
  const cells = readDocumentTables(doc).cells.filter((c) => c.table === table);
  return Object.entries(truth).flatMap(([row, columns]) =>
    Object.entries(columns).flatMap(([column, expected]) => {
      const cell = cells.find((c) => c.row === row && c.column === column);
      const wrong = !cell || (cell.value !== null ? cell.value !== expected : expected !== null && cell.flag !== 'unreadable' && cell.flag !== 'missing');
      return wrong ? [`${row}.${column}: ${expected} → ${cell ? `${cell.value} (${cell.flag})` : 'absent'}`] : [];
    }),
  );
}
/** Cells of 三 (or the fixture's table) read right (a printed number, or a printed blank as blank or inferred). */
function rightCells({ truth, doc, table = 'requests' }: OcrFixture): number {
  const cells = readDocumentTables(doc).cells.filter((c) => c.table === table);
  return Object.entries(truth).reduce((n, [row, columns]) => n + Object.entries(columns).filter(([column, expected]) => {
    const cell = cells.find((c) => c.row === row && c.column === column);
    return cell !== undefined && cell.value === expected && cell.flag !== 'unreadable' && cell.flag !== 'missing' && (expected !== null || cell.flag === 'blank' || cell.flag === 'inferred');
  }).length, 0);
}

describe('real OCR output of drawn scans: no silent cell in 三', () => {
  test.each([
    // Garbled labels of 1.属于国家秘密 and 2.其他法律… read as one row's pieces over two grid lines (its 20s had become the zeros above).
    ['drawn-057-2021-ruled-screenshot-requests', 150],
    // (五)不予处理 on its first row's grid line, that row's label lost; the rows below without labels are placed by position.
    ['drawn-036-2019-ruled-scan', 150],
    // 三 continued on page 2 without its header, that page sitting apart from page 1 (its rows had landed a column off).
    // (155, not 120: rows of garbled labels, each its own OCR line of values, are no longer joined into one.)
    ['drawn-136-2019-hrules-scan', 155],
    // A phone photo: columns drift down the page under their header, rows split over two lines by the tilt.
    ['drawn-060-2019-unruled-photo', 120],
    // 三's header read as "BR请大情况", its first rows as "“年新收…" and "上年转结…": the table was not found at all.
    ['drawn-127-2021-ruled-scan', 130],
    // 三 continued on page 2 without its header, starting at its row 3.补正后申请内容仍不明确: it had gone into 二's region.
    ['drawn-071-2021-unruled-scan', 140],
    // A dash under 商业企业 whose word came after the row's numbers: placed under 其他, it had moved 0, 0 and 10 a column left.
    ['drawn-064-2019-unruled-scan', 135],
    // A seal over (五): "4.无正□基反复申请" had matched 2.重复申请 by 复申请, and the 无 of 无法提供 had been 总计's blank.
    ['drawn-119-2021-hrules-scan', 75],
    // 四、结转下年度继续办理 read "四 □下年度□" right under (七)总计: its seven zeros joined 总计's seven (both unread);
    // then, apart, it is the row missing at the table's end.
    ['drawn-044-2019-hrules-scan', 150],
    // A photo: "2" read for a printed 22 in a row placed by position whose 总计 OCR did not see (总计 was inferred 2).
    ['drawn-075-2021-hrules-photo', 55],
    // 三 continued without its header: two full rows; the rest print blanks as nothing, "—" or 无, and "24", "5" stand off their columns.
    ['drawn-104-2019-unruled-scan', 105],
    // (二)部分公开 printing 自然人 blank: its 18 stands 3 px right of the line through its column's numbers (2 px allowed).
    // (150, not 155: its seal over 三's head made one OCR word of three rows' labels, and the values beside
    // that word are no one row's for certain: left unread.)
    ['drawn-147-2021-unruled-scan', 150],
    // 3.要求提供公开出版物 garbled, label and values ("□外 7 呆 喇 吐 哇"), under 2.重复申请's whole row: its 7 had joined
    // that row (8 values for 7, both rows unread).
    ['drawn-047-2021-unruled-scan', 163],
    // 3.其他 read 6 values of 7 (one not seen), and under it (七)总计's nine readings, its label garbled to "□ 5":
    // they had joined 3.其他's (15 values, both rows unread).
    ['drawn-059-2021-hrules-scan', 150],
    // Two rows' labels garbled in a row ("肥黄想活律行政下公开", "全.35让"), each its own OCR line of seven values after
    // a row whose label was lost: both lines had joined one unlabelled row (14 values), and the rows were missing.
    ['drawn-079-2021-unruled-scan', 160],
    // A grey seal over 三's middle: rows of garbled labels, each its own line of values, between rows read.
    ['drawn-048-2019-ruled-scan', 104],
    // A faint 121 dpi page: 3.其他, its numbering lost, read as 2019's single （六） row right above 总计, the group
    // label's lines above it held by no row: taken for a hybrid report, the 2021 rows were absent (21 cells, no flag).
    // (69, not 74: a row placed by position with two cells it could not read is left unread, reconstruct.ts.)
    ['drawn-111-2021-ruled-scan', 69],
    // A photo: the labels of 三's first seven rows garbled into one line of 80 characters at 0.47, which had ended the
    // region (its seven lines of values no table's, the rows missing). Left out, the seven lines are the rows missing
    // before 4.保护第三方合法权益, placed by position (inferred).
    ['drawn-020-2019-unruled-photo', 160],
    // 三 continued on page 2, each wrapped label round its line of values: taken for values printed before
    // their labels (a text converter's order), every row took the next row's values (39 cells wrong).
    ['drawn-123-2021-hrules-scan', 142],
    // A photo turned 90°: "2.8有现" for 2.没有现成…, its "2.8" taken for the row's first value (the row a column off).
    // (44, not 58: two rows printed blank on page 3, OCR seeing nothing on their lines, had been read as blanks
    // under page 2's header, which proves nothing there: drawn-135's row read so was silently wrong.)
    ['drawn-015-2021-hrules-photo', 44],
    // A photo: four rows' labels read as one word before one row's values, which went to the last of them.
    ['drawn-140-2019-unruled-photo', 137],
    // A photo: 三's header garbled ("□ 请人情况", "本列数据的勾移关系"), so its region began at 三、本年度办理结果; its first
    // two rows, labelled only "开申请数量" (their wrapped labels' ends), stand by position (144 before, 151 now).
    ['drawn-115-2021-hrules-photo', 150],
    // (一)予以公开 read "至以公关" beside "度办理结" (a piece of 三、本年度办理结果) over a garbled (二): two unknown labels
    // where one row was missing, so neither stood (137 before, 144 now: the piece is the group's, the row stands by position).
    ['drawn-031-2021-unruled-scan', 144],
    // A seal over 三's last rows: four lines of values, labels garbled or lost, between 4.无正当理由… and (七)总计,
    // where 5.要求行政机关确认… and 2021's three （六） rows are missing. Counted with 2019's （六） row too (five
    // rows for four lines), they stood nowhere (130 before, 151 now; 149 since a row placed by position with two
    // cells it could not read is left unread).
    ['drawn-063-2021-ruled-scan', 149],
    // A photo: 三's header words wrapped with their last character on a line of its own (商业企 / 业, 科研机 / 构,
    // 社会公益组 / 织), each piece far narrower than the other: not stacked, the columns were not found, and rows
    // with blanks could sit in several ways (127 before, 144 now).
    ['drawn-035-2021-unruled-photo', 144],
    // A photo: 三's header at the foot of page 1; on page 2 本年新收's values a line above its label. With the header
    // found, the row showed no value under it and was read as seven blanks (7 silent cells); a row OCR saw nothing
    // on is a blank row only under its own page's header, its line seen empty under every column.
    ['drawn-135-2021-unruled-photo', 167],
  ] as const)('%s', (name, atLeastRight) => {
    const f = fixture(name);
    expect(silentCells(f)).toEqual([]);
    expect(rightCells(f)).toBeGreaterThanOrEqual(atLeastRight);
  });
});

test('四 alone in a screenshot, unruled between its rules: header words OCR ran together on a line place its values, and its blanks printed as nothing are seen (drawn-022)', () => {
  const f = fixture('drawn-022-2019-hrules-screenshot-reviews');
  expect(f.table).toBe('reviews');
  expect(silentCells(f)).toEqual([]);
  // All 15: before, its 13 numbers could sit in 25 ways and the row was unreadable (5 of 15).
  expect(rightCells(f)).toBe(15);
  const blanks = readDocumentTables(f.doc).cells.filter((c) => c.table === 'reviews' && c.flag === 'blank').map((c) => `${c.row}.${c.column}`);
  expect(blanks).toEqual(['litigationDirect.other', 'litigationAfterReview.other']);
});

describe('real OCR output of drawn scans: 四 read by its header\'s columns', () => {
  // Before, each of these read none of 四's 15 cells (the row unreadable as a whole).
  test.each([
    // A photo: the values alone on page 3, the header on page 2, the same columns up to 70 px apart there:
    // the header's columns carried onto page 3 place them. (13 of 15 here: a 7 read unsure and a misread 14
    // are the tables' unread cells; validation infers both from their groups' totals, 7 and 11.)
    ['drawn-000-2019-unruled-photo', 13],
    // 总计's words read as noise ("全一1/上和计", "有/和计") and the last 总计 as "区": garbled words no wider
    // than the header's printed words still place the columns. (14: the 总计 read "区" is left unread here, and
    // validation infers it, 7.)
    ['drawn-128-2019-hrules-scan', 14],
    // A grid with a row of 15 empty cells (the header's lower edge) over the row of values: that row is 四's.
    ['drawn-056-2019-ruled-scan', 15],
    // "2980" read over two columns: its parts 298 and 0 share one box, and stand in printed order.
    // (12: 325 read unsure, two blanks not seen.)
    ['drawn-051-2021-unruled-scan', 12],
  ] as const)('%s', (name, atLeastRight) => {
    const f = fixture(name);
    expect(f.table).toBe('reviews');
    expect(silentCells(f)).toEqual([]);
    expect(rightCells(f)).toBeGreaterThanOrEqual(atLeastRight);
  });

  test('四 continued on the next page of a ruled scan, OCR reading dashes in cells whose rules it lost: no spanned dash is a value (drawn-027)', () => {
    const f = fixture('drawn-027-2021-ruled-scan');
    const reviews = { ...f, table: 'reviews', truth: f.also?.reviews ?? {} };
    expect(Object.keys(reviews.truth)).toHaveLength(3);
    expect(silentCells(reviews)).toEqual([]);
    // Before, 17 values for 15 columns: the row unreadable.
    expect(rightCells(reviews)).toBe(15);
  });
});

test('二 alone, its band header\'s 本年制发件数 and 本年废止件数 read as one cell: split into the two words, the header places a row of two numbers (drawn-041)', () => {
  const f = fixture('drawn-041-2021-unruled-screenshot-active');
  expect(f.table).toBe('active');
  expect(silentCells(f)).toEqual([]);
  // 行政规范性文件 prints 2313607 | 58 | (blank): two columns for three had left its three readings unresolved (7 of 10 before).
  const cells = readDocumentTables(f.doc).cells.filter((c) => c.table === 'active' && c.row === 'normativeDocuments');
  expect(cells.map((c) => c.value)).toEqual([2313607, 58, null]);
  expect(rightCells(f)).toBeGreaterThanOrEqual(9);
});

test('二\'s band header with one character garbled ("信息内7") still starts the band: its columns place 行政许可\'s value, the 可 read 7 left in the label (drawn-007)', () => {
  const f = fixture('drawn-007-2021-hrules-scan');
  expect(f.table).toBe('active');
  expect(silentCells(f)).toEqual([]);
  const cell = readDocumentTables(f.doc).cells.find((c) => c.table === 'active' && c.row === 'licensing' && c.column === 'decisions');
  expect(cell).toMatchObject({ value: 0, flag: 'ok' });
});

test('a placeholder OCR read unsure in a row placed by position is unreadable, not an inferred blank (drawn-067: "—" at 0.3 under 总计 where 596764 is printed)', () => {
  const slot = (confidence: number): Slot => ({ text: '—', page: 2, line: 40, confidence, method: 'ocr' });
  const issues: Issue[] = [];
  expect(cellFromSlot('requests', 'totalHandled', 'total', slot(0.3), undefined, 1, true, issues)).toMatchObject({ value: null, flag: 'unreadable' });
  expect(issues.map((i) => i.code)).toEqual(['cell_low_confidence']);
  // Read sure, it is as much an inference as the numbers around it; in a row known by its label, a blank.
  expect(cellFromSlot('requests', 'totalHandled', 'total', slot(0.9), undefined, 1, true, [])).toMatchObject({ value: null, flag: 'inferred' });
  expect(cellFromSlot('requests', 'totalHandled', 'total', slot(0.3), undefined, 1, false, [])).toMatchObject({ value: null, flag: 'blank' });
});

test('a count OCR read with a point where its thousands comma stands is that count, inferred (drawn-007: 总计 57,244 read "57.244"); an amount keeps its point', () => {
  const slot = (text: string, confidence = 0.9): Slot => ({ text, page: 2, line: 40, confidence, method: 'ocr' });
  const issues: Issue[] = [];
  expect(cellFromSlot('requests', 'totalHandled', 'total', slot('57.244'), undefined, 1, false, issues)).toMatchObject({ value: 57244, flag: 'inferred' });
  expect(issues.map((i) => i.code)).toEqual(['thousands_point']);
  // Not three digits after the point, or read unsure: no comma to stand for, unreadable as before.
  expect(cellFromSlot('requests', 'totalHandled', 'total', slot('57.24'), undefined, 1, false, [])).toMatchObject({ value: null, flag: 'unreadable' });
  expect(cellFromSlot('requests', 'totalHandled', 'total', slot('57.244', 0.3), undefined, 1, false, [])).toMatchObject({ value: null, flag: 'unreadable' });
  // 二's fees in 万元 take a point as printed.
  expect(cellFromSlot('active', 'fees', 'amount', slot('47.489'), undefined, 1, false, [])).toMatchObject({ value: 47.489, flag: 'ok' });
});

// A printed blank on a page read by its words (#16): it shows nothing, and the OCR page reports where
// its line is empty in both ink masks (empty-stretches.ts). A header column whose value box falls in
// such a stretch is a blank seen there (align.ts seenBlanksUnderColumns).

// drawn-052 p2 (2019 table 三, horizontal rules only, text height about 25 px): where each column's
// numbers start, and the words of its rows.
const COLUMN_X0 = [659, 735, 808, 873, 959, 1055, 1098];
const wordBox = (x0: number, y: number, width = 20): BBox => ({ x0, x1: x0 + width, y0: y, y1: y + 25 });
function seenWordLine(y: number, label: string, values: readonly (string | null)[], emptyStretches?: [number, number][]): Line {
  const cells = [{ text: label, bbox: wordBox(100, y, 300), confidence: 0.9 }];
  values.forEach((text, i) => {
    if (text !== null) cells.push({ text, bbox: wordBox(COLUMN_X0[i] as number, y, 12 * text.length), confidence: 0.95 });
  });
  const line: Line = { page: 2, lineNo: ++lineNo, cells, separator: 'spaces', method: 'ocr' };
  if (emptyStretches) line.emptyStretches = emptyStretches.map(([x0, x1]) => ({ x0, x1, y0: y - 5, y1: y + 30 }));
  return line;
}

function scan(enforcement: readonly (string | null)[], stretches: [number, number][] | undefined): Line[] {
  return [
    gridLine(1, ['第二十条第（一）项']),
    gridLine(1, ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']),
    gridLine(1, ['规章', '1', '0', '3']),
    seenWordLine(400, '自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计', []),
    seenWordLine(450, '一、本年新收政府信息公开申请数量', ['22', '0', '0', '0', '0', '0', '22']),
    seenWordLine(500, '二、上年结转政府信息公开申请数量', ['0', '0', '0', '0', '0', '0', '0']),
    seenWordLine(550, '（一）予以公开', ['20', '0', '0', '0', '0', '0', '20']),
    seenWordLine(600, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['2', '0', '0', '0', '0', '0', '2']),
    seenWordLine(650, '6.属于行政执法案卷', enforcement, stretches),
    seenWordLine(700, '四、结转下年度继续办理', ['0', '0', '0', '0', '0', '0', '0']),
  ];
}

const cellsOf = (lines: Line[]) => reconstructTables(lines).cells.filter((c) => c.table === 'requests' && c.row === 'deniedEnforcementFiles');

test('drawn-052: a row printing its first cell blank, whose box the page saw empty, reads that cell as a printed blank and the rest in their columns', () => {
  // The row's words and its line's empty stretches as drawn-052 p2 gave them: paper from 626 to 736.
  const cells = cellsOf(scan([null, '22', '0', '0', '0', '0', '22'], [[430, 626], [626, 736], [761, 808], [822, 873], [886, 959], [972, 1055], [1123, 1319]]));
  expect(cells.map((c) => c.value)).toEqual([null, 22, 0, 0, 0, 0, 22]);
  expect(cells[0]).toMatchObject({ flag: 'blank' });
});

test('a row printing two blanks, one seen on paper and one where the page shows ink: the seen one is a blank, the other unread, the values in their columns (drawn-024)', () => {
  // 自然人 seen empty (paper from 626 to 730); 社会公益组织 not (the stretch stops at 870: a speck or a faint print there).
  const cells = cellsOf(scan([null, '22', '0', null, '0', '0', '22'], [[430, 626], [626, 730], [761, 808], [822, 870], [972, 1055], [1123, 1319]]));
  expect(cells.map((c) => c.value)).toEqual([null, 22, 0, null, 0, 0, 22]);
  expect(cells.map((c) => c.flag)).toEqual(['blank', 'ok', 'ok', 'unreadable', 'ok', 'ok', 'ok']);
});

test('an unreadable OCR row keeps each cell\'s own reading as its raw text only where its slots are one line\'s, in printed order (drawn-064: a dash of the next line among them)', () => {
  const slot = (text: string, x0: number, line: number): Slot => ({ text, page: 2, line, confidence: 0.9, method: 'ocr', bbox: { x0, x1: x0 + 20, y0: 0, y1: 20 } });
  const keys = REQUEST_COLUMNS.map((column) => ({ row: 'rejectedDuplicate', column }));
  const source = (slots: Slot[]) => ({ label: '2.重复申请', exact: true, pairedByOrder: false, page: 2, line: 46, slots });
  const inOrder = nullCells('requests', keys, 'unreadable', source(['9', '0', '0', '0', '2', '0', '10'].map((t, i) => slot(t, 1000 + 100 * i, 46))));
  expect(inOrder.map((c) => c.raw)).toEqual(['9', '0', '0', '0', '2', '0', '10']);
  const mixed = nullCells('requests', keys, 'unreadable', source([slot('9', 1036, 46), slot('0', 1231, 46), slot('0', 1331, 46), slot('2', 1479, 46), slot('10', 1692, 46), slot('—', 1129, 47), slot('□', 1286, 1)]));
  expect(new Set(mixed.map((c) => c.raw))).toEqual(new Set(['9 0 0 2 10 — □']));
});

test('the same row with ink in the first column (a stretch ending before it) does not see a blank there', () => {
  const cells = cellsOf(scan([null, '22', '0', '0', '0', '0', '22'], [[430, 650], [761, 808], [822, 873], [886, 959], [972, 1055], [1123, 1319]]));
  expect(cells[0]?.flag).not.toBe('blank');
  // Nor does a line the page reported no stretches for (as before the stretches: unread).
  const unseen = cellsOf(scan([null, '22', '0', '0', '0', '0', '22'], undefined));
  expect(unseen[0]?.flag).not.toBe('blank');
  expect(unseen[0]?.value).toBeNull();
});

test('a number both readers agreed on, capped unsure for faint ink beside it, is confirmed by its row\'s sum over two non-zero parts (drawn-051, -127), never by one part or a disagreement', () => {
  const row = (raws: readonly string[], unsure: Record<number, number>) =>
    REQUEST_COLUMNS.map((column, i) => {
      const confidence = unsure[i];
      return confidence === undefined
        ? { table: 'requests' as const, row: 'granted', column, value: Number(raws[i]), raw: raws[i] as string, flag: 'ok' as const, confidence: 0.9, page: 2, method: 'ocr' as const }
        : { table: 'requests' as const, row: 'granted', column, value: null, raw: raws[i] as string, flag: 'unreadable' as const, confidence, page: 2, method: 'ocr' as const };
    });
  const issues: Issue[] = [];
  const confirmed = confirmUnsureByRowSum(row(['239', '36', '0', '0', '0', '0', '275'], { 0: 0.5 }), issues);
  expect(confirmed[0]).toMatchObject({ value: 239, flag: 'inferred' });
  expect(issues.map((i) => i.code)).toEqual(['value_confirmed_by_sum']);
  // One non-zero part: "x = x" checks no digit of it.
  expect(confirmUnsureByRowSum(row(['239', '0', '0', '0', '0', '0', '239'], { 0: 0.5 }), [])[0]).toMatchObject({ value: null, flag: 'unreadable' });
  // The readers disagreed (0.3): not confirmed, balanced or not.
  expect(confirmUnsureByRowSum(row(['239', '36', '0', '0', '0', '0', '275'], { 0: 0.3 }), [])[0]).toMatchObject({ value: null, flag: 'unreadable' });
  // The sum does not hold: unread.
  expect(confirmUnsureByRowSum(row(['23', '36', '0', '0', '0', '0', '275'], { 0: 0.5 }), [])[0]).toMatchObject({ value: null, flag: 'unreadable' });
});

test('二\'s bands on a scan share the table\'s columns: a row printing a blank is placed by the columns of the page\'s full rows when its band header gave none (drawn-128: "信息内容 | 对外公开总数量" over 规章 42 _ 60)', () => {
  const wordLine = (y: number, label: string, values: readonly [string, number][], stretches?: [number, number][]): Line => {
    const line: Line = {
      page: 1,
      lineNo: ++lineNo,
      separator: 'spaces',
      method: 'ocr',
      cells: [{ text: label, bbox: wordBox(349, y, 200), confidence: 0.9 }, ...values.map(([text, x]) => ({ text, bbox: wordBox(x, y, 14 * text.length), confidence: 0.95 }))],
    };
    if (stretches) line.emptyStretches = stretches.map(([x0, x1]) => ({ x0, x1, y0: y - 5, y1: y + 30 }));
    return line;
  };
  const lines = (regulations: Line): Line[] => [
    wordLine(937, '第二十条第（一）项', []),
    // The band header's words garbled but one.
    wordLine(997, '信息内容', [['对外公开总数量', 1219]]),
    regulations,
    wordLine(1121, '规范性文件', [['3', 708], ['0', 962], ['34', 1220]]),
    wordLine(1183, '第二十条第（五）项', []),
    wordLine(1243, '信息内容 上一年项目数量 本年增/减 处理决定数量', []),
    wordLine(1306, '行政许可', [['0', 708], ['7', 960], ['0', 1220]]),
    wordLine(1367, '其他对外管理服务事项', [['0', 708], ['10', 965], ['0', 1219]]),
    wordLine(1428, '第二十条第（六）项', []),
    wordLine(1490, '信息内容 上一年项目数量 本年增/减 处理决定数量', []),
    wordLine(1551, '行政处罚', [['59', 709], ['-5', 962], ['5', 1220]]),
    wordLine(1613, '行政强制', [['0', 708], ['0', 964], ['0', 1219]]),
  ];
  const read = (regulations: Line) => reconstructTables(lines(regulations)).cells.filter((c) => c.table === 'active' && c.row === 'regulations');
  // Its middle cell seen empty (paper from 780 to 1200): a printed blank.
  const seen = read(wordLine(1060, '规章', [['42', 708], ['60', 1220]], [[560, 700], [780, 1200]]));
  expect(seen.map((c) => [c.value, c.flag])).toEqual([[42, 'ok'], [null, 'blank'], [60, 'ok']]);
  // Not seen: the two numbers in their columns, the middle unread (never a blank, never 60).
  const unseen = read(wordLine(1060, '规章', [['42', 708], ['60', 1220]]));
  expect(unseen.map((c) => c.value)).toEqual([42, null, 60]);
  expect(unseen[1]?.flag).toBe('unreadable');
});
