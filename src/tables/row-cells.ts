/**
 * Turns the decision on one row into its cells: each printed slot parsed (number, printed blank,
 * unreadable text), flagged, with its provenance; rows not found, cut off or left undecided are
 * null with the flag that says why.
 */
import { SEEN_BLANK, UNREAD_MARK } from '../model/document.js';
import { makeIssue } from '../model/issues.js';
import type { TableKey } from '../schema/keys.js';
import type { Flag, Issue } from '../schema/records.js';
import { parseCellValue } from './cells.js';
import type { CellReading } from './reading.js';
import { changePairIn, type RowSlots, type Slot } from './slots.js';

/** The blanks OCR confirms: a cell seen empty or holding a dash or slash, and 无-like words read as text. */
const OCR_BLANKS: ReadonlySet<string> = new Set([SEEN_BLANK, '无', '空', '暂无', '没有']);
/** One to three digits, a point, three digits: a count whose thousands comma OCR read as a point. */
const THOUSANDS_POINT = /^(\d{1,3})\.(\d{3})$/;
/** Columns where a fraction is expected (万元 amounts); a decimal anywhere else is an issue. */
const DECIMAL_COLUMNS = new Set(['amount']);
/**
 * An OCR reading of a number below this confidence is not taken: the cell is unreadable (null,
 * with its raw text kept). Set on the scan fixtures so that no wrong reading passed it.
 */
export const MIN_OCR_CONFIDENCE = 0.75;
/** Columns that may be negative (本年增/减). */
const SIGNED_COLUMNS = new Set(['change']);

/** What a run of printed values came from: a labelled row, or 四's single row of 15 numbers. */
export type RowSource = Pick<RowSlots, 'label' | 'exact' | 'pairedByOrder' | 'page' | 'line' | 'slots' | 'byPosition'>;

/** The dataset cell each printed position fills, in printed order. */
export type CellKey = { row: string; column: string };

/** Cells of a row that holds no reading: null, with `flag` (missing or unreadable) and the row's provenance. */
export function nullCells(table: TableKey, keys: readonly CellKey[], flag: Flag, row: RowSource | undefined): CellReading[] {
  const raw = row ? row.slots.map((s) => s.text).join(' ') : '';
  // An OCR row that printed one value per cell keeps each cell's own reading as its raw text (what
  // an identity may check its inference against: a 0 is inferred only where the ink reads 0).
  // (Only slots of one line in the order they print: pieces from other lines, or out of order, are no cell's own.)
  const own = row !== undefined && row.slots.length === keys.length && row.slots.every((s, i) => s.method === 'ocr' && inPrintedPlace(row.slots, i));
  return keys.map(({ row: rowKey, column }, i) => ({
    table,
    row: rowKey,
    column,
    value: null,
    raw: own ? (row.slots[i]?.text ?? '') : raw,
    flag,
    confidence: 0,
    page: row?.page ?? null,
    ...(row ? { line: row.line } : {}),
    method: row?.slots[0]?.method ?? 'text',
  }));
}

/** A slot on its row's first line, right of the slot before it. */
function inPrintedPlace(slots: readonly Slot[], i: number): boolean {
  const slot = slots[i] as Slot;
  const before = slots[i - 1];
  if (slot.line !== slots[0]?.line) return false;
  return !before || !slot.bbox || !before.bbox || slot.bbox.x0 > before.bbox.x0;
}

/** The confidence a row's label lends its cells: exact, fuzzy, paired by order. */
export function rowConfidence(row: RowSource): number {
  return (row.exact ? 1 : 0.9) * (row.pairedByOrder ? 0.7 : 1);
}

export function cellFromSlot(
  table: TableKey,
  row: string,
  column: string,
  slot: Slot | null,
  rowSlots: RowSource | undefined,
  base: number,
  inferred: boolean,
  issues: Issue[],
): CellReading {
  const page = slot?.page ?? rowSlots?.page ?? null;
  const cell: CellReading = {
    table,
    row,
    column,
    value: null,
    raw: slot?.text ?? '',
    flag: 'blank',
    confidence: 0,
    page,
    method: slot?.method ?? rowSlots?.slots[0]?.method ?? 'text',
  };
  const line = slot?.line ?? rowSlots?.line;
  if (line !== undefined) cell.line = line;
  // Plain text's box is in character columns, not page units: its provenance is the line.
  if (slot?.bbox && slot.method !== 'text') cell.bbox = slot.bbox;
  if (slot?.tableNo !== undefined && slot.col !== undefined) cell.grid = { table: slot.tableNo, row: slot.line, column: slot.col + 1 };
  const parsed = parseCellValue(slot?.split ?? slot?.text ?? '');
  const path = [table, row, column];
  const at = page === null ? {} : { page };
  if (slot?.cutOff) {
    // "行政强制 | 882" where the source stops: 882 may be the start of 88283, an empty cell the cut itself.
    cell.flag = 'missing';
    issues.push(makeIssue('warning', 'tables', 'cell_cut_off', `${path.join('.')}: the source stops inside this cell ("${cell.raw}"): not taken unless the row's total confirms it`, { ...at, path }));
    return cell;
  }
  if (parsed.kind === 'blank') {
    cell.confidence = slot ? slot.confidence * base : base;
    // OCR marks every cell it saw empty; a blank nobody saw (a reading that went elsewhere) is not a blank.
    if (cell.method === 'ocr' && (slot?.text.trim() ?? '') === '') {
      cell.flag = 'unreadable';
      cell.confidence = 0;
      issues.push(makeIssue('error', 'tables', 'cell_not_seen', `${path.join('.')}: no reading and no empty cell seen at this position`, { ...at, path }));
    } else if (cell.method === 'ocr' && !OCR_BLANKS.has((slot?.text ?? '').trim())) {
      // A stray stroke OCR read as "|" or "." is not a printed placeholder.
      cell.flag = 'unreadable';
      cell.confidence = 0;
      issues.push(makeIssue('error', 'tables', 'cell_unreadable', `${path.join('.')}: OCR read "${cell.raw}", which is no placeholder it can confirm`, { ...at, path }));
    } else if (cell.method === 'ocr' && (rowSlots?.byPosition || inferred) && (slot?.confidence ?? 0) < MIN_OCR_CONFIDENCE) {
      // A placeholder read unsure in a row placed by position: as unsure as a number would be there
      // (drawn-067: a "—" the decoder put under 总计 of a garbled row, where 596764 is printed).
      cell.flag = 'unreadable';
      issues.push(makeIssue('error', 'tables', 'cell_low_confidence', `${path.join('.')}: OCR read "${cell.raw}" with confidence ${(slot?.confidence ?? 0).toFixed(2)} in a row placed by position; not taken`, { ...at, path }));
    } else if (rowSlots?.byPosition || inferred) {
      // A blank in a row known only by its position, or in a reading the decoder placed (a dropped
      // cell, a placeholder whose column was derived), is as much an inference as the numbers around it.
      cell.flag = 'inferred';
    }
    return cell;
  }
  const pair = slot ? changePairIn(slot) : null;
  if (pair) return changePairCell(cell, pair, slot as Slot, base, inferred, issues);
  if (parsed.kind === 'invalid') {
    cell.flag = 'unreadable';
    const why = cell.raw.trim() === UNREAD_MARK ? 'OCR saw ink in the cell but could not read it' : `"${cell.raw}" is not a number`;
    issues.push(makeIssue('error', 'tables', 'cell_unreadable', `${path.join('.')}: ${why}`, { ...at, path }));
    return cell;
  }
  // A count read by OCR with a point where a thousands comma stands ("57.244" for 57,244: the
  // comma's tail lost in the scan) is that count, inferred (the point is read, not seen as a comma).
  const thousands = slot?.method === 'ocr' && !DECIMAL_COLUMNS.has(column) && slot.confidence >= MIN_OCR_CONFIDENCE ? THOUSANDS_POINT.exec(cell.raw.trim()) : null;
  if (thousands) {
    cell.value = Number(`${thousands[1]}${thousands[2]}`);
    cell.flag = 'inferred';
    cell.confidence = slot!.confidence * base * 0.5;
    issues.push(makeIssue('warning', 'tables', 'thousands_point', `${path.join('.')}: OCR read "${cell.raw}" in a count: taken as ${cell.value}, its point a thousands comma`, { ...at, path }));
    return cell;
  }
  // A decimal point in a count column, from OCR, is more likely a speck than a printed point.
  // So is a minus sign before a count (a speck or a wiped rule's end left of the digits).
  const suspectPoint = (parsed.decimal && !DECIMAL_COLUMNS.has(column)) || (slot?.method === 'ocr' && parsed.value < 0 && !SIGNED_COLUMNS.has(column));
  if (slot && slot.method === 'ocr' && (slot.confidence < MIN_OCR_CONFIDENCE || suspectPoint)) {
    cell.flag = 'unreadable';
    cell.confidence = slot.confidence;
    issues.push(makeIssue('error', 'tables', 'cell_low_confidence', suspectPoint ? `${path.join('.')}: OCR read "${cell.raw}", a decimal point in a count; not taken` : `${path.join('.')}: OCR read "${cell.raw}" with confidence ${slot.confidence.toFixed(2)}; not taken`, { ...at, path }));
    return cell;
  }
  cell.value = parsed.value;
  cell.flag = inferred ? 'inferred' : 'ok';
  cell.confidence = (slot?.confidence ?? 1) * base * (inferred ? 0.5 : 1);
  if (parsed.annotated) {
    issues.push(makeIssue('info', 'tables', 'cell_annotated', `${path.join('.')}: "${cell.raw}" read as ${parsed.value}`, { ...at, path }));
  }
  if (parsed.decimal && !DECIMAL_COLUMNS.has(column)) {
    issues.push(makeIssue('warning', 'tables', 'decimal_in_count_column', `${path.join('.')}: a count printed as "${cell.raw}"`, { ...at, path }));
  }
  if (parsed.value < 0 && !SIGNED_COLUMNS.has(column)) {
    issues.push(makeIssue('warning', 'tables', 'negative_count', `${path.join('.')}: a count printed as "${cell.raw}"`, { ...at, path }));
  }
  return cell;
}


/**
 * A cell printed as 本年增/减's two parts ("0/0": 增 0, 减 0). Both 0: no item came or went, so the change
 * is 0 whichever way the two are combined; read as printed (ok), not inferred, as no identity or placement
 * chose it. Any other pair prints an increase and a decrease and no net change: whether the column wants
 * their difference or something else is not printed, so the cell is null, unreadable, its raw text kept.
 * Outside 本年增/减 a pair is no value of the column at all.
 */
function changePairCell(cell: CellReading, pair: { increase: number; decrease: number }, slot: Slot, base: number, inferred: boolean, issues: Issue[]): CellReading {
  const path = [cell.table, cell.row, cell.column];
  const at = cell.page === null ? {} : { page: cell.page };
  if (!SIGNED_COLUMNS.has(cell.column)) {
    cell.flag = 'unreadable';
    issues.push(makeIssue('error', 'tables', 'cell_unreadable', `${path.join('.')}: "${cell.raw}" is two numbers, an increase and a decrease, which only 本年增/减 prints`, { ...at, path }));
    return cell;
  }
  if (pair.increase === 0 && pair.decrease === 0) {
    cell.value = 0;
    cell.flag = inferred ? 'inferred' : 'ok';
    cell.confidence = slot.confidence * base * (inferred ? 0.5 : 1);
    issues.push(makeIssue('info', 'tables', 'change_pair', `${path.join('.')}: "${cell.raw}" (增 0, 减 0) read as a change of 0`, { ...at, path }));
    return cell;
  }
  cell.flag = 'unreadable';
  issues.push(makeIssue('error', 'tables', 'change_pair', `${path.join('.')}: "${cell.raw}" prints an increase of ${pair.increase} and a decrease of ${pair.decrease}, no net change; not taken`, { ...at, path }));
  return cell;
}

/**
 * A row of 三 whose total is the last cell of a source cut off mid-line ("… 746 12 0 0 10 1 769"
 * where the excerpt stops): the total is whole when the six cells before it, read, sum to it.
 */
export function confirmCutTotal(cells: CellReading[]): CellReading[] {
  const total = cells.at(-1);
  const parts = cells.slice(0, -1);
  if (!total || total.flag !== 'missing' || total.raw.trim() === '') return cells;
  const printed = parseCellValue(total.raw);
  if (printed.kind !== 'number' || parts.some((c) => c.flag !== 'ok' && c.flag !== 'blank')) return cells;
  const sum = parts.reduce((a, c) => a + (c.value ?? 0), 0);
  if (Math.round(sum * 1e6) !== Math.round(printed.value * 1e6)) return cells;
  return [...parts, { ...total, value: printed.value, flag: 'ok', confidence: parts.reduce((m, c) => Math.min(m, c.flag === 'ok' ? c.confidence : 1), 1) }];
}

/**
 * A number both OCR readers agreed on but that was capped unsure for faint ink beside it (it may have
 * lost a digit there: page.ts caps it at 0.5), in a row of 三 (or a five of 四) whose other cells are read: the row's
 * sum, holding over two non-zero parts or more, shows no digit was lost, and confirms it (inferred).
 * Numbers the readers disagreed on (0.3) are not: misreadings that balance a row happen (drawn-014:
 * "31 2 0 0 0 0 33" for 0, 32344, 8 … 32352).
 */
const CONFIRMABLE_CONFIDENCE = 0.5;
/** Non-zero parts a row's sum must hold before it checks the digits of each. */
const CHECKING_PARTS = 2;

export function confirmUnsureByRowSum(cells: CellReading[], issues: Issue[]): CellReading[] {
  const total = cells.at(-1);
  if (!total) return cells;
  const unsure = (c: CellReading): boolean => c.method === 'ocr' && c.flag === 'unreadable' && c.confidence >= CONFIRMABLE_CONFIDENCE && /^\d+$/.test(c.raw.trim());
  if (!cells.some(unsure) || cells.some((c) => !unsure(c) && c.flag !== 'ok' && c.flag !== 'blank')) return cells;
  const value = (c: CellReading): number => (unsure(c) ? Number(c.raw.trim()) : (c.value ?? 0));
  const parts = cells.slice(0, -1);
  if (parts.filter((c) => value(c) !== 0).length < CHECKING_PARTS) return cells;
  if (parts.reduce((a, c) => a + value(c), 0) !== value(total)) return cells;
  return cells.map((c) => {
    if (!unsure(c)) return c;
    issues.push(makeIssue('warning', 'tables', 'value_confirmed_by_sum', `${c.table}.${c.row}.${c.column}: OCR read "${c.raw}" unsure; the row's sum confirms it`, { ...(c.page !== null ? { page: c.page } : {}), path: [c.table, c.row, c.column] }));
    return { ...c, value: Number(c.raw.trim()), flag: 'inferred' as const, confidence: c.confidence * 0.5 };
  });
}
