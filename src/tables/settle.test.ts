import { describe, expect, test } from '@jest/globals';
import type { DecodedRow } from './align.js';
import { rowCandidates } from './settle.js';
import { solveRows, type TableIdentity } from './solve.js';
import type { Slot } from './slots.js';

const slots = (texts: string[], options: { glued?: boolean; lineEach?: boolean } = {}): Slot[] =>
  texts.map((text, i) => ({ text, page: 1, line: options.lineEach ? i + 1 : 1, confidence: 1, method: 'text', cellIndex: i + 1, ...(options.glued ? { glued: true } : {}) }));
const row = (key: string, s: Slot[], extra: Partial<DecodedRow> = {}): DecodedRow => ({
  key,
  label: key,
  coverage: 1,
  exact: true,
  slots: s,
  mode: 'loose',
  separator: 'spaces',
  page: 1,
  line: 1,
  pairedByOrder: false,
  lostBlanks: false,
  atSourceEnd: false,
  ...extra,
});
const rowTotal = (r: string): TableIdentity => ({ left: [{ row: r, column: 6 }], right: [0, 1, 2, 3, 4, 5].map((column) => ({ row: r, column })), whenFirstPrinted: true });
const values = (cells: (Slot | null)[]): (string | null)[] => cells.map((c) => (c ? (c.split ?? c.text) : null));

describe('rowCandidates and solveRows', () => {
  test("a scan's row with one piece of a neighbouring label among its values: the one run of seven whose total balances, derived (drawn-012: 13 12 0 0 0 0 25 7)", () => {
    const totals = [{ total: 6, parts: [0, 1, 2, 3, 4, 5] }];
    const ocr = (texts: string[]): Slot[] => slots(texts).map((s) => ({ ...s, method: 'ocr' as const }));
    const read = (texts: string[]) => rowCandidates(row('deniedOtherLaws', ocr(texts)), 7, { totals }).candidates;
    expect(read(['13', '12', '0', '0', '0', '0', '25', '7']).map((c) => [values(c.cells), c.derived])).toEqual([[['13', '12', '0', '0', '0', '0', '25'], true]]);
    // The piece before the values ("5" of 5.属于…).
    expect(read(['5', '35', '0', '0', '0', '0', '0', '35']).map((c) => values(c.cells))).toEqual([['35', '0', '0', '0', '0', '0', '35']]);
    // Both runs balance: no reading.
    expect(read(['0', '0', '0', '0', '0', '0', '0', '0'])).toEqual([]);
    // A cell seen empty inside a run leaves the stray's place open (drawn-048: 0 0 24 0 0 0 _ 24): no reading.
    expect(read(['0', '0', '24', '0', '0', '0', '', '24'])).toEqual([]);
    // Two pieces or more: a line holding two rows' values, unread (drawn-121: 0 0 13 0 0 13 31569 0 438 0 0 0 32007).
    expect(read(['0', '0', '13', '0', '0', '13', '31569', '0', '438', '0', '0', '0', '32007'])).toEqual([]);
    // Text rows are read as before: too many values, unread.
    expect(rowCandidates(row('deniedOtherLaws', slots(['13', '12', '0', '0', '0', '0', '25', '7'])), 7, { totals }).candidates).toEqual([]);
  });

  test('a value printed with a sign stands in the signed column: the placement that keeps it there is the reading', () => {
    // Real set k, 洪江区 2020 (one cell per paragraph, empty cells dropped): 行政许可 "19" "+4", its third cell gone.
    const dropped = rowCandidates(row('licensing', slots(['19', '+4'], { lineEach: true })), 3, { signedColumns: [1] }).candidates;
    expect(dropped.map((c) => [values(c.cells), c.derived])).toEqual([[['19', '+4', null], true]]);
    // Real set k, 大余 2019 (cell-per-line pipes, an empty cell as a lone "|" line): "" "+239" "239" "", the edges not told apart.
    const edges = rowCandidates(row('penalty', slots(['', '+239', '239', ''], { lineEach: true }), { mode: 'separated', separator: 'pipe' }), 3, { signedColumns: [1] }).candidates;
    expect(edges.map((c) => values(c.cells).map((v) => (v === '' ? null : v)))).toEqual([[null, '+239', '239']]);
    // "增5" is signed too; with no signed column (2021's one-value rows) nothing is filtered.
    expect(rowCandidates(row('otherServices', slots(['24', '增5'], { lineEach: true })), 3, { signedColumns: [1] }).candidates.map((c) => values(c.cells))).toEqual([['24', '增5', null]]);
    expect(rowCandidates(row('licensing', slots(['19', '+4'], { lineEach: true })), 3).candidates).toHaveLength(3);
    // Cells run together (get_text() with no separator, "行政处罚25-10"): "-10" may be -1 and a 0, so the sign proves nothing.
    const glued = (options: { signedColumns?: number[] }) => rowCandidates(row('penalty', slots(['25', '-10'], { glued: true })), 3, options).candidates.map((c) => values(c.cells));
    expect(glued({ signedColumns: [1] })).toEqual(glued({}));
    // No reading keeps every sign in its column: the signs prove nothing, every reading stands.
    expect(rowCandidates(row('licensing', slots(['+19', '+4'], { lineEach: true })), 3, { signedColumns: [1] }).candidates).toHaveLength(3);
  });

  test("one column, one number repeated in every cell of the row: a spanned cell the converter repeated, read once", () => {
    // pandas read_html then to_markdown: "| 行政许可 | 447228 | 447228 | 447228 |" under 2021's one column.
    const found = rowCandidates(row('licensing', slots(['447228', '447228', '447228']), { mode: 'separated', separator: 'pipe' }), 1);
    expect(found.candidates.map((c) => values(c.cells))).toEqual([['447228']]);
    // Different numbers are no span: too many values for one column, unread.
    expect(rowCandidates(row('licensing', slots(['447228', '12', '447228']), { mode: 'separated', separator: 'pipe' }), 1).candidates).toEqual([]);
    // On lines of their own, "5" then "5" is 55 broken over two lines (generated text-broken-digits, seed 23 gen-0045), never 5.
    const broken = rowCandidates(row('coercion', slots(['5', '5'], { lineEach: true })), 1).candidates;
    expect(broken.map((c) => values(c.cells))).not.toContainEqual(['5']);
    // No number's digits open with a 0: "0" on lines of their own is the span's 0 (real d-kaiping-slj-2021, 行政處罰 0 / 0 / 0).
    const zeros = rowCandidates(row('penalty', slots(['0', '0', '0'], { lineEach: true })), 1).candidates;
    expect(zeros.map((c) => values(c.cells))).toEqual([['0']]);
  });

  test('a glued digit string: the only split whose first six sum to the seventh and that fits the column identities', () => {
    const printed = (texts: string[]) => rowCandidates(row('x', slots(texts), { mode: 'separated', separator: 'pipe' }), 7).candidates;
    const rows = new Map([
      ['newReceived', rowCandidates(row('newReceived', slots(['153000018'], { glued: true })), 7).candidates],
      ['carriedOver', printed(['0', '0', '0', '0', '0', '0', '0'])],
      ['totalHandled', printed(['15', '3', '0', '0', '0', '0', '18'])],
      ['carriedForward', printed(['0', '0', '0', '0', '0', '0', '0'])],
    ]);
    const balance: TableIdentity[] = [0, 1, 2, 3, 4, 5, 6].map((column) => ({
      left: ['newReceived', 'carriedOver'].map((r) => ({ row: r, column })),
      right: ['totalHandled', 'carriedForward'].map((r) => ({ row: r, column })),
      whenFirstPrinted: false,
    }));
    const decided = solveRows(rows, [...[...rows.keys()].map(rowTotal), ...balance]).get('newReceived');
    expect(values(decided?.chosen?.cells ?? [])).toEqual(['15', '3', '0', '0', '0', '0', '18']);
    expect(decided?.chosen?.derived).toBe(true);
  });

  test("a main row of 三 glued whole: a blank total over the rest is no reading beside one that fills every column and checks; a sub-row's total may be blank", () => {
    // Real 龙岗 2024 through BeautifulSoup get_text(): "一、本年新收政府信息公开申请数量587001066". 58 7 0 0 1 0 66
    // fills every column and balances; 58700 and 1066 under a blank total balanced nothing.
    const totals = [{ total: 6, parts: [0, 1, 2, 3, 4, 5] }];
    const totalsPrinted = new Set(['newReceived']);
    const glued = (key: string) => rowCandidates(row(key, slots(['587001066'], { glued: true })), 7, { totals, totalsPrinted }).candidates.map((c) => values(c.cells).join(' '));
    expect(glued('newReceived')).toEqual(['58 7 0 0 1 0 66']);
    // Under a group cell the total may be left blank (templates.md §6): those readings stay, the row undecided.
    expect(glued('deniedStateSecret').length).toBeGreaterThan(1);
    expect(glued('deniedStateSecret')).toContain('58 7 0 0 1 0 66');
    // Values set apart with blanks dropped ("3" / "3"): which one is the total is not proven, so nothing is dropped.
    const apart = rowCandidates(row('newReceived', slots(['3', '3'], { lineEach: true }), { lostBlanks: true }), 7, { totals, totalsPrinted }).candidates;
    expect(apart.some((c) => c.cells[6] === null)).toBe(true);
  });

  test('a digit string too long for a count, set apart from its label by a space, is cells run together', () => {
    // "二、上年结转政府信息公开申请数量 340000034": not one number of 340 million requests; split, it is
    // 34 0 0 0 0 0 34 among other readings, and the identities decide (here nothing else does: unread).
    const candidates = rowCandidates(row('carriedOver', slots(['340000034'])), 7).candidates;
    expect(candidates.some((c) => values(c.cells).join(' ') === '34 0 0 0 0 0 34')).toBe(true);
    expect(candidates.every((c) => c.derived)).toBe(true);
  });

  test("四's fifteen numbers glued into one string: too many readings, none taken", () => {
    const found = rowCandidates(row('reviews', slots(['72641783735113481261211620'])), 15, { totals: [0, 5, 10].map((g) => ({ total: g + 4, parts: [g, g + 1, g + 2, g + 3] })) });
    expect(found.candidates).toEqual([]);
    expect(found.reason).toMatch(/too many ways/);
  });

  test('dropped blanks with several placements that fit are no reading; cells all readings agree on stay proven', () => {
    const r = row('newReceived', slots(['3', '3']));
    const decided = solveRows(new Map([['newReceived', rowCandidates(r, 7).candidates]]), [rowTotal('newReceived')]).get('newReceived');
    expect(decided?.chosen).toBeNull();
    expect((decided?.remaining.length ?? 0) > 1).toBe(true);
  });

  test('a column identity settles a row its own total cannot: the other rows of the column are known', () => {
    const rows = new Map([
      ['a', rowCandidates(row('a', slots(['5', '0', '0', '0', '0', '0', '5'])), 7).candidates],
      ['b', rowCandidates(row('b', slots(['2', '2'])), 7).candidates],
      ['sum', rowCandidates(row('sum', slots(['7', '0', '0', '0', '0', '0', '7'])), 7).candidates],
    ]);
    const columns: TableIdentity[] = [0, 1, 2, 3, 4, 5, 6].map((column) => ({ left: [{ row: 'sum', column }], right: [{ row: 'a', column }, { row: 'b', column }], whenFirstPrinted: true }));
    const decided = solveRows(rows, [rowTotal('a'), rowTotal('b'), rowTotal('sum'), ...columns]);
    expect(values(decided.get('b')?.chosen?.cells ?? [])).toEqual(['2', null, null, null, null, null, '2']);
  });

  test('one number broken over two lines ("2" / "47"): the join the total allows', () => {
    const r = row('granted', slots(['2', '47', '0', '0', '0', '0', '0', '247'], { lineEach: true }), { mode: 'separated' });
    const decided = solveRows(new Map([['granted', rowCandidates(r, 7).candidates]]), [rowTotal('granted')]).get('granted');
    expect(values(decided?.chosen?.cells ?? [])).toEqual(['247', '0', '0', '0', '0', '0', '247']);
  });

  test('a join must balance a printed total: beside a total that is no number it is no reading ("31" + "0" is not 310)', () => {
    const r = row('rejectedPetition', slots(['31', '0', '0', '0', '0', '0', '31', '（2）'], { lineEach: true }), { mode: 'separated' });
    const decided = solveRows(new Map([['rejectedPetition', rowCandidates(r, 7, { totals: [{ total: 6, parts: [0, 1, 2, 3, 4, 5] }] }).candidates]]), [rowTotal('rejectedPetition')]).get('rejectedPetition');
    expect(decided?.chosen ?? null).toBeNull();
  });

  test('with no total, an empty cell after the label and a number broken over two lines are both readings (二: "", "0", "5", "1")', () => {
    const r = row('regulations', slots(['', '0', '5', '1'], { lineEach: true }), { mode: 'separated' });
    const readings = rowCandidates(r, 3).candidates.map((c) => values(c.cells));
    expect(readings).toEqual(expect.arrayContaining([['0', '5', '1'], ['', '0', '51']]));
    // An empty cell after the last number is the row's closing residue: the numbers stand as printed.
    const closing = row('regulations', slots(['5', '12', '8', ''], { lineEach: true }), { mode: 'separated' });
    expect(rowCandidates(closing, 3).candidates.map((c) => values(c.cells))).toEqual([['5', '12', '8']]);
    // An empty line after the numbers may be a blank cell or a line before the next table: 58 and a blank, or 5 and 8 (text-broken-digits, seed 5).
    const emptyLineAfter = row('fees', [...slots(['5', '8'], { lineEach: true }), { text: '', page: 1, line: 3, confidence: 1, method: 'text', emptyLine: true }], { mode: 'separated' });
    expect(rowCandidates(emptyLineAfter, 2).candidates.map((c) => values(c.cells))).toEqual(expect.arrayContaining([['5', '8'], ['58', '']]));
  });

  test('surplus empties at both edges: each way of dropping them is a reading; a row the identities cannot settle is not guessed', () => {
    const r = row('granted', slots(['', '5', '0', '0', '0', '0', '5', '']), { mode: 'separated', separator: 'pipe' });
    const decided = solveRows(new Map([['granted', rowCandidates(r, 7).candidates]]), [rowTotal('granted')]).get('granted');
    expect(decided?.chosen).toBeNull();
    expect(decided?.remaining).toHaveLength(2);
    const leading = row('granted', slots(['', '', '5', '0', '0', '0', '0', '0', '5']), { mode: 'separated', separator: 'pipe' });
    expect(values(rowCandidates(leading, 7).candidates[0]?.cells ?? [])).toEqual(['5', '0', '0', '0', '0', '0', '5']);
  });

  test('a row printed in place stands as printed, even when its total is wrong (the source error is a failed check)', () => {
    const r = row('granted', slots(['1', '0', '0', '0', '0', '0', '0']), { mode: 'separated', separator: 'pipe' });
    const decided = solveRows(new Map([['granted', rowCandidates(r, 7).candidates]]), [rowTotal('granted')]).get('granted');
    expect(values(decided?.chosen?.cells ?? [])).toEqual(['1', '0', '0', '0', '0', '0', '0']);
    expect(decided?.chosen?.derived).toBe(false);
  });

  test('a positional row cut off with the source keeps its first cells; the rest are missing', () => {
    const r = row('carriedOver', slots(['0', '0']), { mode: 'separated', separator: 'pipe', atSourceEnd: true });
    const [only] = rowCandidates(r, 7).candidates;
    expect(only?.missingFrom).toBe(2);
  });
});

test("OCR words on two lines join into one number only where the lower stands under the upper, in its column (drawn-136: 行政处罚's 23 and 行政强制's 0 made 230)", () => {
  const word = (text: string, line: number, x0: number): Slot => ({ text, page: 1, line, confidence: 0.9, method: 'ocr', bbox: { x0, y0: line * 44, x1: x0 + 14 * text.length, y1: line * 44 + 19 } });
  // drawn-136 p1: "0" and "23" on 行政处罚's line (its 28 lost), "0" and "30" on 行政强制's, read as one row of 2019's three columns.
  const apart = [word('0', 26, 699), word('23', 26, 886), word('0', 27, 699), word('30', 27, 886)];
  const readings = rowCandidates(row('coercion', apart), 3).candidates.map((c) => values(c.cells));
  expect(readings).not.toContainEqual(['0', '230', '30']);
  // "2" with "47" under it, in its column: 247 broken over two lines.
  const stacked = [word('2', 26, 886), word('47', 27, 880), word('0', 27, 1073)];
  expect(rowCandidates(row('coercion', stacked), 2).candidates.map((c) => values(c.cells))).toContainEqual(['247', '0']);
});

test('an OCR reading keeps its words in the order the page prints them: no word stands left of an earlier column\'s (drawn-064: a dash under 商业企业 read as 其他\'s)', () => {
  const word = (text: string, x0: number, page = 2): Slot => ({ text, page, line: 60, confidence: 0.9, method: 'ocr', bbox: { x0, y0: 2508, x1: x0 + 19 * text.length, y1: 2534 } });
  // drawn-064's 重复申请 row with its dash last: each placement that puts the dash after 10 is none.
  const outOfOrder = [word('9', 1036), word('0', 1231), word('0', 1331), word('2', 1479), word('10', 1692), word('—', 1129)];
  for (const c of rowCandidates(row('rejectedDuplicate', outOfOrder), 6).candidates) expect(values(c.cells)).not.toEqual(['9', '0', '0', '2', '10', '—']);
  // In the printed order the same words are a reading; a word on another page is not compared.
  const inOrder = [word('9', 1036), word('—', 1129), word('0', 1231), word('0', 1331), word('2', 1479), word('10', 1692), word('□', 1286, 3)];
  expect(rowCandidates(row('rejectedDuplicate', inOrder), 7).candidates.map((c) => values(c.cells))).toEqual([['9', '—', '0', '0', '2', '10', '□']]);
});
