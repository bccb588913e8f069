/**
 * The third step of decoding: each row's value tokens become its cells. Position evidence decides
 * where the source has it (grid columns, tab stops and pipes, header word boxes); where it does not
 * (blank cells dropped, digits glued together, one number broken over two lines), every placement,
 * split or join the tokens allow is a candidate, and the identities choose. One candidate left: the
 * values, flagged inferred. None or several: the row is unreadable, and the issue names them.
 */
import { placeByCharacters } from './character-columns.js';
import { foldText } from './normalise.js';
import { isValueText, parseCellValue } from './cells.js';
import { changePairIn, type HeaderPositions, type Slot } from './slots.js';
import type { DecodedRow } from './align.js';

/** One way of reading a row: a slot (or null for a blank) per column. */
export interface Candidate {
  cells: (Slot | null)[];
  /** Placed, split or joined by the decoder rather than by a position the source printed. */
  derived: boolean;
  /** Columns from this index on were cut off with the source (a truncated page): missing. */
  missingFrom?: number;
}

/** The candidates of one row, and why there are none when there are none. */
export interface RowCandidates {
  candidates: Candidate[];
  reason?: string;
  /** More values than columns, none of them residue: values of other rows were printed in this one's place. */
  surplus?: boolean;
}

/** Options: grid tables whose value columns are the last n (三, 四). */
export interface SettleOptions {
  valuesAtGridEnd?: boolean;
  /**
   * The row's own totals (三: column 6 is the sum of 0–5; 四: each group's fifth): readings whose
   * printed total is not the sum of its parts are not made at all (a blank total is not evaluated).
   */
  totals?: readonly { total: number; parts: readonly number[] }[];
  /**
   * Rows that always print their totals (templates.md §6: sub-rows of a group often leave 总计
   * blank, the table's main rows never): beside a reading that fills every column and checks, a
   * reading that leaves such a row's total blank over parts that are not all zero is no reading of it
   * ("587001066": 58 7 0 0 1 0 66, not a blank total under 58700 and 1066).
   */
  totalsPrinted?: ReadonlySet<string>;
  /**
   * The columns that hold a signed number (2019 二's 本年增/减). A value printed with a sign ("+4",
   * "-2", "增5") can stand in no other: a placement the decoder made (blank cells dropped, empty
   * lines at the edges) that puts it elsewhere is no reading of the row ("19" "+4" with its third
   * cell dropped: 19 | +4 | blank, never 19 | blank | +4). Rows with no such column are not filtered.
   */
  signedColumns?: readonly number[];
}

/** Numbers of one row broken over two lines that are joined again, at most (四's fifteen cells break most). */
export const MAX_JOINS = 5;
/** More candidates than this for one row: it is not decoded (unreadable), not enumerated further. */
const MAX_CANDIDATES = 20_000;
/** Steps of the enumeration of one row's readings before it gives up (the row is then unreadable). */
const MAX_STEPS = 400_000;

/** A glued run the readings split every way: digits, the last number perhaps with a fraction ("098561.32"). */
/**
 * Rows this wide (三's seven columns, 四's fifteen) hold counts of requests and cases, six digits at
 * most: a longer digit string there is cells run together ("340000034": 34 0 0 0 0 0 34), whatever
 * set it apart from its label. (二's amounts may be longer.)
 */
const COUNT_ROW_WIDTH = 7;
const COUNT_DIGITS = 6;
const TOO_LONG_FOR_A_COUNT = new RegExp(`^\\d{${COUNT_DIGITS + 1},}$`, 'u');

export const SPLITTABLE = /^\d+(?:\.\d+)?(?:万元|元)?$/;

function isEmpty(slot: Slot): boolean {
  return foldText(slot.text).trim() === '';
}

const single = (cells: (Slot | null)[], derived = false): RowCandidates => ({ candidates: [{ cells, derived }] });
const nullable = (cells: (Slot | null)[] | null): RowCandidates | null => (cells ? single(cells) : null);
const none = (reason: string): RowCandidates => ({ candidates: [], reason });

/** The number a slot prints; null for a blank or a placeholder. */
function slotNumber(slot: Slot | null): number | null {
  if (!slot || !/\d/.test(slot.split ?? slot.text)) return null;
  // An increase and a decrease ("3/1") are no one number: no total balances with them.
  if (changePairIn(slot)) return Number.NaN;
  const parsed = Number(foldText(slot.split ?? slot.text).replace(/[,，]/g, '').replace(/[^\d.+-]/g, ''));
  return Number.isFinite(parsed) ? parsed : null;
}

/** Whether every printed total of a reading is the sum of its parts (a blank total is not evaluated). */
function holdsTotals(cells: readonly (Slot | null)[], totals: readonly { total: number; parts: readonly number[] }[]): boolean {
  return totals.every(({ total, parts }) => {
    const printed = slotNumber(cells[total] ?? null);
    if (printed === null) return true;
    const sum = parts.reduce((a, p) => a + (slotNumber(cells[p] ?? null) ?? 0), 0);
    return Math.round(sum * 1e6) === Math.round(printed * 1e6);
  });
}

/**
 * Every candidate reading of a row of n columns. An OCR reading must keep its words in the order
 * the page prints them: columns run left to right, so on one page a cell's word stands right of
 * every earlier cell's (drawn-064: a dash seen under 商业企业 placed under 其他, the numbers after it
 * moved a column left; drawn-119: the 无 of the label 无法提供 taken for 总计's blank).
 */
export function rowCandidates(row: DecodedRow, n: number, options: SettleOptions = {}): RowCandidates {
  // (Not in a row whose cells ran together: there "-10" may be -1 and a 0 glued to it.)
  const found = signsInSignedColumns(candidatesOf(row, n, options), row.slots.some((s) => s.glued) ? undefined : options.signedColumns);
  const inOrder = found.candidates.filter((c) => keepsPrintedOrder(c.cells));
  if (inOrder.length === found.candidates.length) return found;
  return inOrder.length > 0 ? { ...found, candidates: inOrder } : none('the values read cannot stand in the printed order of the columns');
}

/**
 * Derived readings that put a value printed with a sign outside the signed columns are dropped,
 * where one derived reading at least keeps every sign in them (where none does, the sign proves
 * nothing about the placement: the readings stand). Readings the source's positions gave are kept.
 */
function signsInSignedColumns(found: RowCandidates, signed: readonly number[] | undefined): RowCandidates {
  if (!signed || signed.length === 0 || found.candidates.length < 2) return found;
  const signedValue = (slot: Slot | null): boolean => {
    if (!slot || slot.split !== undefined) return false;
    // An increase and a decrease printed as a pair ("0/0", "+3/-1") stand nowhere else either.
    if (changePairIn(slot)) return true;
    const parsed = parseCellValue(slot.text);
    return parsed.kind === 'number' && parsed.signed;
  };
  const fits = (c: Candidate): boolean => !c.derived || c.cells.every((slot, i) => signed.includes(i) || !signedValue(slot));
  const kept = found.candidates.filter(fits);
  return kept.length > 0 && kept.length < found.candidates.length ? { ...found, candidates: kept } : found;
}

/** Printed characters of a row's values up to which showsItsTotal reads them (more is no short row, and costs a search). */
const SHOWS_TOTAL_MAX_CHARS = 12;

/**
 * Every reading of the row, and there is one at least, fills its last column (its total): "0000000"
 * glued is seven zeros, never six and a blank. Only short rows are tried.
 */
export function showsItsTotal(row: DecodedRow, n: number, options: SettleOptions): boolean {
  if (row.slots.reduce((a, s) => a + s.text.length, 0) > SHOWS_TOTAL_MAX_CHARS) return false;
  const { candidates } = rowCandidates(row, n, options);
  return candidates.length > 0 && candidates.every((c) => slotNumber(c.cells[n - 1] ?? null) !== null);
}

function keepsPrintedOrder(cells: readonly (Slot | null)[]): boolean {
  const centre = (s: Slot): number => ((s.bbox?.x0 ?? 0) + (s.bbox?.x1 ?? 0)) / 2;
  const placed = cells.filter((s): s is Slot => s !== null && s.method === 'ocr' && s.bbox !== undefined);
  // (Parts of one word split over columns, "2980" as 298 and 0, share its box.)
  const sameWord = (a: Slot, b: Slot): boolean => a.bbox === b.bbox && a.split !== undefined && b.split !== undefined;
  return placed.every((s, i) => placed.slice(0, i).every((before) => before.page !== s.page || centre(before) < centre(s) || sameWord(before, s)));
}

function candidatesOf(row: DecodedRow, n: number, options: SettleOptions): RowCandidates {
  const slots = n >= COUNT_ROW_WIDTH ? row.slots.map((s) => (!s.glued && TOO_LONG_FOR_A_COUNT.test(foldText(s.text).trim()) ? { ...s, glued: true } : s)) : row.slots;
  if (slots.length === 0) {
    if (row.atSourceEnd) return none('the source ends at the row label: its cells were never printed');
    if (row.droppedWhole) return { candidates: [{ cells: new Array<Slot | null>(n).fill(null), derived: true }] };
    // Positioned text under known columns: nothing printed in them is a blank row, as in a grid.
    if (row.header?.kind === 'x' && row.header.columns.length === n) return single(new Array<Slot | null>(n).fill(null));
    return none('no values printed for the row');
  }
  const gridColumns = row.valueColumns?.length === n ? row.valueColumns : row.gridWidth;
  if (row.mode === 'grid' && options.valuesAtGridEnd && gridColumns !== undefined) {
    const placed = placeByGrid(slots, n, gridColumns);
    if (placed) return single(placed);
  }
  if (row.header && row.header.columns.length === n) {
    const placed = row.header.characters ? nullable(placeByCharacters(slots, n, row.header)) : placeByHeader(slots, n, row.header, row.lostBlanks);
    // Plain text's columns are padding, not geometry: where they leave a printed total unbalanced
    // and another placement of the same values balances it, they were wrong, and the placements decide.
    const fromText = slots.every((s) => s.method === 'text');
    if (placed && fromText && !placed.candidates.every((c) => holdsTotals(c.cells, options.totals ?? []))) {
      const others = placements(slots.filter((s) => !isEmpty(s)), n, options.totals ?? []);
      if (others.candidates.length > 0) return others;
    }
    if (placed) return placed;
  }
  const glued = slots.some((s) => s.glued && /^\d{2,}$/.test(foldText(s.text).trim()));
  // One column, and one number printed in every cell of the row's one line: a spanned cell the
  // converter repeated over the span (pandas: "| 行政许可 | 447228 | 447228 | 447228 |"). Read as the
  // 2019 form's three columns instead, the last, the count of decisions, is that same number. (On
  // lines of their own, "5" then "5" is one number's digits broken over two lines: 55; no number's
  // digits open with a 0, so "0" on lines of their own is still the span.)
  const onlyText = foldText(slots[0]?.text ?? '').trim();
  const oneLine = slots.every((s) => s.line === slots[0]?.line && s.page === slots[0]?.page);
  if (n === 1 && slots.length > 1 && (oneLine || /^0$/.test(onlyText)) && !glued && /\d/.test(onlyText) && isValueText(onlyText) && slots.every((s) => foldText(s.text).trim() === onlyText)) return single([slots[0] as Slot]);
  // As many tokens as columns: splitting a glued one would make too many, so each is one cell.
  if (slots.length === n) return single([...slots]);
  if (slots.length > n) {
    // Surplus empty cells at the edges (spanned label columns before, residue after): each way of
    // dropping them is a reading; one way, or one pattern, is the row as printed.
    const trimmed = trimEdges(slots, n, row.valuesAtLineEnd === true ? 'end' : row.valuesAfterLabel === true ? 'start' : undefined);
    const totals = options.totals ?? [];
    // A join is derived, so it needs proof: where the row prints totals, each joined number must be
    // balanced by the printed total of its group; a total that is blank or no number balances nothing
    // ("31" + "0" read 310 beside "（2）"). (Another group of 四 printed all blank proves nothing either way.)
    const balancesPrintedTotal = (cells: readonly (Slot | null)[]): boolean => {
      if (!holdsTotals(cells, totals)) return false;
      const joinedAt = cells.flatMap((c, i) => (c && !slots.includes(c) ? [i] : []));
      return joinedAt.every((i) => totals.some(({ total, parts }) => (total === i || parts.includes(i)) && slotNumber(cells[total] ?? null) !== null));
    };
    const joined = joinBrokenDigits(slots, n)
      .filter((cells) => totals.length === 0 || balancesPrintedTotal(cells))
      .map((cells) => ({ cells, derived: true }));
    // The source cut off right after the row: its last token may be the start of the next label ("2" of "2.其他…").
    if (row.atSourceEnd && slots.length === n + 1) joined.push({ cells: slots.slice(0, n), derived: true });
    // Empty edges dropped, unless that leaves the printed total unbalanced where joining a number
    // broken over two lines balances it ("", "", "0", "19", "", "0", "1", "9": 19 over two lines).
    const joinedBalance = joined.some((c) => balancesPrintedTotal(c.cells));
    // With no total to tell them apart, an empty cell right after the label and a number broken over
    // two lines are both readings ("规章", "", "0", "5", "1": a blank, 0 and 51; or a spanned label
    // column, then 0, 5 and 1); so are an empty line after the numbers and a join ("5", "8", "": 58
    // and a blank, or 5 and 8 before a line between two tables). (A pipe after the last number is
    // a row's closing residue: the numbers stand as printed.)
    const doubtful = (s: Slot): boolean => s === slots[0] || s.emptyLine === true;
    const dropsDoubtful = trimmed.some((cells) => slots.some((s) => !cells.includes(s) && doubtful(s)));
    if (dropsDoubtful && totals.length === 0 && joined.length > 0) {
      return { candidates: [...trimmed.map((cells) => ({ cells, derived: true })), ...joined] };
    }
    if (trimmed.length > 0 && (!joinedBalance || trimmed.some((cells) => holdsTotals(cells, totals)))) {
      return trimmed.length === 1 ? single(trimmed[0] as Slot[]) : { candidates: trimmed.map((cells) => ({ cells, derived: true })) };
    }
    if (joined.length > 0) return { candidates: joined };
    // A scan's line holding one piece of a neighbouring label beside the row's values ("13 12 0 0 0
    // 0 25 7", the 7 of 7.属于… read into the line): the one run of n values whose printed totals
    // balance is the row, derived; both runs balancing prove nothing. (Not with more pieces: a line
    // holding two rows' values has the other row's run balanced where its own lost a blank: drawn-121.)
    const balanced = slots.length === n + 1 && slots.every((s) => s.method === 'ocr') ? balancedRuns(slots, n, options.totals ?? []) : [];
    if (balanced.length === 1) return { candidates: [{ cells: balanced[0] as Slot[], derived: true }] };
    return { ...none(`${slots.length} values where ${n} columns are printed`), surplus: true };
  }
  // Fewer values than columns. A positional row cut off with the source: the first cells are read.
  if (row.atSourceEnd && row.mode === 'separated' && !row.lostBlanks && !glued) {
    const cells = [...slots, ...new Array<Slot | null>(n - slots.length).fill(null)];
    return { candidates: [{ cells, derived: false, missingFrom: slots.length }] };
  }
  return placements(slots, n, options.totals ?? [], options.totalsPrinted?.has(row.key) === true);
}

/**
 * Every way the row's tokens fill n columns in order: glued digit strings cut into one or more
 * numbers (no part with a leading zero), and blanks where cells were dropped.
 */
function placements(slots: readonly Slot[], n: number, totals: readonly { total: number; parts: readonly number[] }[], totalsPrinted = false): RowCandidates {
  // Where some digits were glued to their neighbours, any run of digits may hold several numbers.
  const gluedRow = slots.some((s) => s.glued);
  const gluedDigits = (slot: Slot): string | null => {
    const digits = foldText(slot.text).trim();
    // The unit belongs to the last number ("091075.31元": 0 and 91075.31).
    return gluedRow && SPLITTABLE.test(digits) && digits.length >= 2 ? digits.replace(/(?:万元|元)$/, '') : null;
  };
  const tokens = slots.map((slot) => ({ slot, digits: gluedDigits(slot) }));
  // A count row's glued run is cut into counts, never one longer than a count is (as above).
  const longestPart = n >= COUNT_ROW_WIDTH ? COUNT_DIGITS : Number.POSITIVE_INFINITY;
  const totalAt = new Map(totals.map((t) => [t.total, t]));
  const cells: (Slot | null)[] = new Array<Slot | null>(n).fill(null);
  // The part of a glued digit string a column takes; its slot is made only for a complete reading
  // (a row of glued digits is walked through hundreds of thousands of partial ones).
  const splits: (string | undefined)[] = new Array<string | undefined>(n).fill(undefined);
  const reading = (): (Slot | null)[] => cells.map((slot, i) => (slot && splits[i] !== undefined ? { ...slot, split: splits[i] } : slot));
  const numbers: (number | null)[] = new Array<number | null>(n).fill(null);
  const candidates: Candidate[] = [];
  // Readings that put a dropped blank under a total whose parts are not all zero: they stand only
  // because a blank total goes unchecked. Beside checked readings they are readings too (a sub-row
  // may leave its total blank), unless the row always prints its total; alone (where the source
  // breaks the total, every checked one is gone) they prove nothing.
  const uncheckedOnly: Candidate[] = [];
  let unchecked = 0;
  let steps = 0;
  let overflow = false;
  // Column by column: a blank (a dropped cell), or the next printed number; a glued digit string
  // gives its numbers one prefix at a time. A printed total must be the sum of its parts.
  const walk = (column: number, token: number, offset: number): void => {
    if (overflow) return;
    if (++steps > MAX_STEPS || candidates.length > MAX_CANDIDATES) {
      overflow = true;
      return;
    }
    // Every token left needs a column of its own.
    const tokensLeft = tokens.length - token;
    if (column === n) {
      if (tokensLeft === 0) (unchecked > 0 ? uncheckedOnly : candidates).push({ cells: reading(), derived: true });
      return;
    }
    if (tokensLeft > n - column) return;
    const place = (slot: Slot | null, value: number | null, nextToken: number, nextOffset: number, split?: string): void => {
      const total = totalAt.get(column);
      const sum = total ? total.parts.reduce((a, p) => a + (numbers[p] ?? 0), 0) : 0;
      if (total && value !== null && Math.round(sum * 1e6) !== Math.round(value * 1e6)) return;
      const blind = total !== undefined && value === null && slot === null && sum !== 0;
      if (blind) unchecked++;
      cells[column] = slot;
      splits[column] = split;
      numbers[column] = value;
      walk(column + 1, nextToken, nextOffset);
      cells[column] = null;
      splits[column] = undefined;
      numbers[column] = null;
      if (blind) unchecked--;
    };
    // A blank where a cell was dropped, if the tokens left still fit in the columns left.
    if (tokensLeft <= n - column - 1) place(null, null, token, offset);
    if (token === tokens.length) return;
    const { slot, digits } = tokens[token] as { slot: Slot; digits: string | null };
    if (!digits) {
      place(slot, slotNumber(slot), token + 1, 0);
      return;
    }
    for (let end = offset + 1; end <= Math.min(digits.length, offset + longestPart); end++) {
      const part = digits.slice(offset, end);
      if (part.length > 1 && part.startsWith('0') && part[1] !== '.') break;
      if (!/^\d+(?:\.\d+)?$/.test(part) || digits[end] === '.') continue;
      const done = end === digits.length;
      place(slot, Number(part), done ? token + 1 : token, done ? 0 : end, part);
    }
  };
  walk(0, 0, 0);
  if (overflow) return none(`too many ways to read ${slots.length} values into ${n} columns`);
  if (candidates.length === 0 && uncheckedOnly.length > 0) return none('every placement of the values leaves a total blank over parts that are not zero: the printed total cannot be checked');
  // (Only beside a reading that fills every column: where blanks were dropped too, which printed
  // number is the total is not proven, nanhu's "3" / "3" / "|||||||".)
  const whole = candidates.some((c) => c.cells.every((cell) => cell !== null));
  return { candidates: totalsPrinted && whole ? candidates : [...candidates, ...uncheckedOnly] };
}

/**
 * OCR words carry their boxes: a number broken over two lines goes on under its first line, in its
 * column (drawn-136: 行政处罚's "23" and 行政强制's "0" a column to its left made 230).
 */
function stackedInColumn(upper: Slot, lower: Slot): boolean {
  if (upper.method !== 'ocr' || !upper.bbox || !lower.bbox) return true;
  return Math.min(upper.bbox.x1, lower.bbox.x1) > Math.max(upper.bbox.x0, lower.bbox.x0);
}

/**
 * One cell's digits broken over two lines ("2" / "47" for 247): more tokens than columns, and
 * adjacent digit tokens from different lines may be one number. Every way of joining them.
 */
function joinBrokenDigits(slots: readonly Slot[], n: number): (Slot | null)[][] {
  const joins = slots.length - n;
  if (joins > MAX_JOINS) return [];
  const out: (Slot | null)[][] = [];
  const walk = (k: number, acc: Slot[], left: number): void => {
    if (k === slots.length) {
      if (left === 0) out.push(acc);
      return;
    }
    const slot = slots[k] as Slot;
    walk(k + 1, [...acc, slot], left);
    const prev = acc.at(-1);
    if (left > 0 && prev && prev.line !== slot.line && stackedInColumn(prev, slot) && /^[1-9]\d*$/.test(foldText(prev.split ?? prev.text).trim()) && /^\d+$/.test(foldText(slot.text).trim())) {
      const joined: Slot = { ...prev, split: foldText(prev.split ?? prev.text).trim() + foldText(slot.text).trim(), confidence: Math.min(prev.confidence, slot.confidence) };
      walk(k + 1, [...acc.slice(0, -1), joined], left - 1);
    }
  };
  walk(0, [], joins);
  return out;
}

/**
 * Markup: the value columns are the grid columns the table's rows start their values in, where
 * known (`columns`), else the table's last n grid columns (`columns` is the grid width).
 */
function placeByGrid(slots: readonly Slot[], n: number, columns: number | readonly number[]): (Slot | null)[] | null {
  if (typeof columns === 'number' && columns < n) return null;
  // A row whose cells stop short of the grid's last column lost a cell somewhere: where is not known.
  const lastCol = Math.max(...slots.map((s) => s.col ?? -1));
  if (lastCol < (typeof columns === 'number' ? columns - 1 : Math.max(...columns))) return null;
  const indexOf = (col: number): number => (typeof columns === 'number' ? col - (columns - n) : columns.indexOf(col));
  const cells: (Slot | null)[] = new Array<Slot | null>(n).fill(null);
  for (const slot of slots) {
    if (slot.col === undefined) return null;
    const index = indexOf(slot.col);
    if (index < 0 || index >= n) {
      if (isEmpty(slot)) continue;
      return null;
    }
    // Two grid rows under one label (a blank row continued from a page before): the empty cell gives way.
    const held = cells[index];
    if (held && !isEmpty(held)) {
      if (isEmpty(slot)) continue;
      return null;
    }
    cells[index] = slot;
  }
  return cells;
}

/** Places each slot under the header column whose position covers it (二's bands, templates.md §3.1). */
function placeByHeader(slots: readonly Slot[], n: number, header: HeaderPositions, rowShowsLostBlanks = false): RowCandidates | null {
  // Cells counted from the line's start place a row only when it printed all of them, or showed
  // where its blanks went (residue after its last cell, "规章 | 38 | 0 ||": the row's lostBlanks):
  // "规章 | 1 | 11" under three columns lost an empty cell somewhere without a trace (get_text(' | ',
  // strip=True) drops them), and counting from the left would put 11 in the wrong column.
  if (header.kind === 'index' && slots.length < n && !rowShowsLostBlanks) return null;
  const cells: (Slot | null)[] = new Array<Slot | null>(n).fill(null);
  const spanning: { slot: Slot; columns: number[] }[] = [];
  for (const slot of slots) {
    let columns: number[];
    if (header.kind === 'x') {
      if (!slot.bbox) return null;
      // Ink left of the first column is in the label area (an OCR mark inside a wrapped label): no
      // value. Text holds no stray marks: a number there is one the columns do not explain.
      if (slot.bbox.x1 < labelEdge(header)) {
        if (slot.method === 'text') return null;
        continue;
      }
      columns = coveredColumns(slot.bbox.x0, slot.bbox.x1, header);
    } else {
      const position = header.kind === 'grid' ? slot.col : slot.cellIndex;
      if (position === undefined) return null;
      const index = header.columns.findIndex((c) => position >= c.start && position < c.start + c.span);
      columns = index < 0 ? [] : [index];
    }
    if (columns.length === 0 || columns.some((c) => c >= n)) {
      if (isEmpty(slot)) continue;
      return null;
    }
    if (columns.length > 1) {
      spanning.push({ slot, columns });
      continue;
    }
    const index = columns[0] as number;
    const held = cells[index];
    if (held) {
      if (isEmpty(slot)) continue;
      // A cell the converter repeated over its span, as its header word is (see indexColumns).
      const repeated = header.kind === 'index' && (header.columns[index]?.span ?? 1) > 1 && foldText(held.text).trim() === foldText(slot.text).trim();
      if (repeated) continue;
      if (!isEmpty(held)) return null;
    }
    cells[index] = slot;
  }
  if (spanning.length === 0) return single(cells);
  return splitSpanning(cells, spanning);
}

/**
 * Numbers run together across columns ("2544343163" over 其他 and 总计): every split of each over
 * the columns it covers is a candidate (the identities choose).
 */
function splitSpanning(cells: (Slot | null)[], spanning: { slot: Slot; columns: number[] }[]): RowCandidates | null {
  if (spanning.length > 2) return null;
  if (spanning.some(({ slot, columns }) => columns.some((c) => cells[c] && !isEmpty(cells[c] as Slot)) || !/^\d+$/.test(foldText(slot.text).trim()))) {
    return null;
  }
  const options = spanning.map(({ slot, columns }) => digitSplits(foldText(slot.text).trim(), columns.length));
  const candidates: Candidate[] = [];
  const walk = (k: number, placed: (Slot | null)[]): void => {
    if (k === spanning.length) {
      candidates.push({ cells: placed, derived: true });
      return;
    }
    const { slot, columns } = spanning[k] as { slot: Slot; columns: number[] };
    for (const option of options[k] ?? []) {
      const next = [...placed];
      columns.forEach((c, j) => (next[c] = { ...slot, split: option[j] ?? '' }));
      walk(k + 1, next);
    }
  };
  walk(0, cells);
  return { candidates };
}

/** Every way to cut a digit string into `parts` numbers without leading zeros. */
export function digitSplits(digits: string, parts: number): string[][] {
  if (parts === 1) return digits.length > 1 && digits.startsWith('0') ? [] : [[digits]];
  const out: string[][] = [];
  for (let cut = 1; cut <= digits.length - parts + 1; cut++) {
    const head = digits.slice(0, cut);
    if (head.length > 1 && head.startsWith('0')) break;
    for (const rest of digitSplits(digits.slice(cut), parts - 1)) out.push([head, ...rest]);
  }
  return out;
}

/** Where the first value column begins: for columns found from the values' alignment, half a column before its line. */
function labelEdge(header: HeaderPositions): number {
  const [a0, a1] = header.anchors ?? [];
  if (header.anchor && a0 !== undefined && a1 !== undefined) return a0 - (a1 - a0) / 2;
  return (header.columns[0]?.start ?? -Infinity) - 2;
}

/**
 * The columns a box covers. Header extents: those it overlaps by more than a sliver (a value never
 * reaches into the next column's header text; two numbers run together do).
 * Value-aligned columns (anchor): those whose anchor line the box reaches across.
 */
function coveredColumns(x0: number, x1: number, header: HeaderPositions): number[] {
  const width = Math.max(1, x1 - x0);
  // (Lines found from the values' own alignment hold each value within the tolerance they were found with.)
  const tolerance = header.anchorTolerance ?? 2;
  const covered: number[] = [];
  header.columns.forEach((c, i) => {
    if (!header.anchor) {
      if (Math.min(x1, c.start + c.span) - Math.max(x0, c.start) > Math.min(1.5, width * 0.25)) covered.push(i);
      return;
    }
    const anchorAt = header.anchors?.[i] ?? c.start + c.span / 2;
    const reach =
      header.anchor === 'x0'
        ? anchorAt >= x0 - tolerance && anchorAt < x1 - tolerance
        : header.anchor === 'x1'
          ? anchorAt > x0 + tolerance && anchorAt <= x1 + tolerance
          : anchorAt >= x0 - tolerance && anchorAt <= x1 + tolerance;
    if (reach) covered.push(i);
  });
  if (covered.length > 0 || header.anchor) return covered;
  // A box between two header extents: the nearest column within a column's width.
  const mid = (x0 + x1) / 2;
  let best = -1;
  header.columns.forEach((c, i) => {
    const d = Math.abs(mid - (c.start + c.span / 2));
    if (d < c.span && (best < 0 || d < Math.abs(mid - ((header.columns[best]?.start ?? 0) + (header.columns[best]?.span ?? 0) / 2)))) best = i;
  });
  return best < 0 ? [] : [best];
}

/**
 * The runs of n consecutive slots, each printed, whose every total is a number and balances its
 * parts (none where the row has no total to tell).
 */
function balancedRuns(slots: readonly Slot[], n: number, totals: readonly { total: number; parts: readonly number[] }[]): Slot[][] {
  if (totals.length === 0) return [];
  const runs: Slot[][] = [];
  for (let start = 0; start + n <= slots.length; start++) {
    const run = slots.slice(start, start + n);
    // (A cell seen empty inside the run leaves the stray's place open: drawn-048's "0 0 24 0 0 0 _ 24".)
    if (run.every((s) => s.text.trim() !== '') && totals.every(({ total }) => slotNumber(run[total] ?? null) !== null) && holdsTotals(run, totals)) runs.push(run);
  }
  return runs;
}

/**
 * Every way of dropping surplus empty cells at the edges, one per distinct pattern of what is left;
 * only at the start, or only at the end, where the line shows its values sit at the other edge.
 */
function trimEdges(slots: readonly Slot[], n: number, valuesAt?: 'start' | 'end'): Slot[][] {
  const extra = slots.length - n;
  const byPattern = new Map<string, Slot[]>();
  for (let lead = valuesAt === 'end' ? extra : 0; lead <= (valuesAt === 'start' ? 0 : extra); lead++) {
    const trail = extra - lead;
    const head = slots.slice(0, lead);
    const tail = slots.slice(slots.length - trail);
    if (!head.every(isEmpty) || !tail.every(isEmpty)) continue;
    const kept = slots.slice(lead, slots.length - trail);
    const pattern = kept.map((s) => foldText(s.text).trim()).join('\u0001');
    if (!byPattern.has(pattern)) byPattern.set(pattern, kept);
  }
  return [...byPattern.values()];
}
