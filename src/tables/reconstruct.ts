/**
 * Reconstructs the three tables from a stream of lines, whatever extractor made them: regions →
 * labelled rows → format decision → columns → cells with flags and provenance.
 */
import { SEEN_BLANK, UNREAD_MARK, type Line } from '../model/document.js';

/** The blanks OCR confirms: a cell seen empty or holding a dash or slash, and 无-like words read as text. */
const OCR_BLANKS: ReadonlySet<string> = new Set([SEEN_BLANK, '无', '空', '暂无', '没有']);
import { makeIssue } from '../model/issues.js';
import {
  ACTIVE_LAYOUT,
  OTHER_HANDLING_ROWS_2019,
  OTHER_HANDLING_ROWS_2021,
  REQUEST_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  type RequestRow,
  type TableKey,
  type TemplateId,
} from '../schema/keys.js';
import type { Flag, Issue } from '../schema/records.js';
import { parseCellValue } from './cells.js';
import { fitSlots, type FitOptions, type FittedRow } from './fit.js';
import type { CellReading, ReconstructedTables } from './reading.js';
import { lineText, splitRegions, type Region } from './regions.js';
import { readReviewSlots, REVIEW_POSITIONS } from './reviews.js';
import { readLabelledRows, type RowReaderSpec } from './rows.js';
import { splitRunTogetherRows } from './run-together.js';
import type { RowSlots, Slot } from './slots.js';
import { detectTemplate } from './template-detect.js';
import { ACTIVE_ROW_SPECS, HEADER_WORDS, REQUEST_GROUP_PHRASES, REQUEST_ROW_SPECS } from './templates.js';

const REQUESTS_READER: RowReaderSpec = {
  table: 'requests',
  rows: REQUEST_ROW_SPECS,
  groupPhrases: REQUEST_GROUP_PHRASES,
  headerWords: HEADER_WORDS.requests,
  bareHeaderWords: ['总计', '合计', '其他'],
  groupRows: {
    不予公开: REQUEST_ROW_SPECS.filter((s) => s.key.startsWith('denied')).map((s) => s.key),
    无法提供: REQUEST_ROW_SPECS.filter((s) => s.key.startsWith('unable')).map((s) => s.key),
    不予处理: REQUEST_ROW_SPECS.filter((s) => s.key.startsWith('rejected')).map((s) => s.key),
  },
  columnWords: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
};
const ACTIVE_READER: RowReaderSpec = {
  table: 'active',
  rows: ACTIVE_ROW_SPECS,
  groupPhrases: [],
  headerWords: [...HEADER_WORDS.active, '第二十条'],
  bandHeaderWord: '信息内容',
};

/** Columns where a fraction is expected (万元 amounts); a decimal anywhere else is an issue. */
const DECIMAL_COLUMNS = new Set(['amount']);
/**
 * An OCR reading of a number below this confidence is not taken: the cell is unreadable (null,
 * with its raw text kept). Set on the scan fixtures so that no wrong reading passed it.
 */
export const MIN_OCR_CONFIDENCE = 0.75;
/** Columns that may be negative (本年增/减). */
const SIGNED_COLUMNS = new Set(['change']);

/** 三's row identity: the 总计 column is the sum of the six applicant columns. */
const requestRowIdentity = (v: readonly number[]): boolean => v[6] === v.slice(0, 6).reduce((a, b) => a + b, 0);
/** 四's identity for each of its three groups: 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
const reviewIdentity = (v: readonly number[]): boolean =>
  [0, 5, 10].every((g) => v[g + 4] === (v[g] ?? 0) + (v[g + 1] ?? 0) + (v[g + 2] ?? 0) + (v[g + 3] ?? 0));

/** Reads rows from every region of a kind; the first reading of a row wins, repeats are issues. */
function readRows(regions: readonly Region[], reader: RowReaderSpec, issues: Issue[]): RowSlots[] {
  const byKey = new Map<string, RowSlots>();
  for (const region of regions.filter((r) => r.kind === reader.table)) {
    const reading = readLabelledRows(region.lines, reader);
    issues.push(...reading.issues);
    for (const row of reading.rows) {
      const earlier = byKey.get(row.key);
      if (!earlier) byKey.set(row.key, row);
      else if (earlier.slots.length === 0 && row.slots.length > 0) byKey.set(row.key, row);
      else {
        issues.push(
          makeIssue('warning', 'tables', 'row_duplicate', `${reader.table}.${row.key} is printed twice; the first reading (line ${earlier.line}) is kept`, {
            page: row.page,
            path: [reader.table, row.key],
          }),
        );
      }
    }
  }
  return [...byKey.values()];
}

/** Turns a fitted row into cells: parse each value, flag blanks and unreadable cells. */
/** What a run of printed values came from: a labelled row, or 四's single row of 15 numbers. */
type RowSource = Pick<RowSlots, 'label' | 'exact' | 'pairedByOrder' | 'page' | 'line' | 'slots' | 'byPosition'>;

/** The dataset cell each printed position fills, in printed order. */
type CellKey = { row: string; column: string };

/**
 * Turns a fitted run of values into cells: parse each value, flag blanks and unreadable cells.
 * `rowPath` names the row in issues (empty for 四, whose 15 positions span its three rows).
 */
function rowCells(table: TableKey, rowPath: readonly string[], keys: readonly CellKey[], row: RowSource | undefined, fitted: FittedRow, issues: Issue[]): CellReading[] {
  const base = row ? (row.exact ? 1 : 0.9) * (row.pairedByOrder ? 0.7 : 1) : 0;
  const name = [table, ...rowPath].join('.');
  if (fitted.outcome === 'unreadable') {
    if (row) {
      issues.push(
        makeIssue('error', 'tables', 'row_unreadable', `${name}: ${fitted.reason ?? 'values cannot be placed'} ("${row.label}")`, {
          page: row.page,
          path: [table, ...rowPath],
        }),
      );
    }
    const raw = row ? row.slots.map((s) => s.text).join(' ') : '';
    return keys.map(({ row: rowKey, column }) => ({
      table,
      row: rowKey,
      column,
      value: null,
      raw,
      flag: 'unreadable' as Flag,
      confidence: 0,
      page: row?.page ?? null,
      ...(row ? { line: row.line } : {}),
      method: row?.slots[0]?.method ?? 'text',
    }));
  }
  if (fitted.outcome === 'inferred') {
    issues.push(makeIssue('warning', 'tables', 'cells_inferred', `${name}: ${fitted.reason ?? ''}`, { path: [table, ...rowPath] }));
  }
  return keys.map(({ row: rowKey, column }, i) => cellFromSlot(table, rowKey, column, fitted.cells[i] ?? null, row, base, fitted.outcome === 'inferred', issues));
}

function cellFromSlot(
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
  if (slot?.bbox) cell.bbox = slot.bbox;
  if (slot?.tableNo !== undefined && slot.col !== undefined) cell.grid = { table: slot.tableNo, row: slot.line, column: slot.col + 1 };
  const parsed = parseCellValue(slot?.split ?? slot?.text ?? '');
  const path = [table, row, column];
  const at = page === null ? {} : { page };
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
    } else if (rowSlots?.byPosition) {
      // A blank in a row known only by its position is as much an inference as its numbers.
      cell.flag = 'inferred';
    }
    return cell;
  }
  if (parsed.kind === 'invalid') {
    cell.flag = 'unreadable';
    const why = cell.raw.trim() === UNREAD_MARK ? 'OCR saw ink in the cell but could not read it' : `"${cell.raw}" is not a number`;
    issues.push(makeIssue('error', 'tables', 'cell_unreadable', `${path.join('.')}: ${why}`, { ...at, path }));
    return cell;
  }
  // A decimal point in a count column, from OCR, is more likely a speck than a printed point.
  const suspectPoint = parsed.decimal && !DECIMAL_COLUMNS.has(column);
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

/** The rows of 三 the document prints: the common rows plus its （六） rows as printed. */
function printedRequestRows(found: ReadonlySet<string>, template: TemplateId | null): RequestRow[] {
  const sixFound = [...OTHER_HANDLING_ROWS_2021, ...OTHER_HANDLING_ROWS_2019].filter((k) => found.has(k));
  const six = sixFound.length > 0 ? sixFound : template === '2021' ? OTHER_HANDLING_ROWS_2021 : OTHER_HANDLING_ROWS_2019;
  return REQUEST_ROW_SPECS.filter((spec) => spec.templates.length === 2 || six.includes(spec.key)).map((spec) => spec.key);
}

/** Reads a set of labelled rows into cells, adding a row_missing issue for printed rows not found. */
function labelledTableCells(
  table: TableKey,
  expected: readonly string[],
  columnsOf: (rowKey: string) => readonly string[],
  rows: readonly RowSlots[],
  fitOptions: FitOptions,
  issues: Issue[],
): CellReading[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const cells: CellReading[] = [];
  for (const rowKey of expected) {
    const columns = columnsOf(rowKey);
    const row = byKey.get(rowKey);
    if (!row) {
      issues.push(makeIssue('error', 'tables', 'row_missing', `${table}.${rowKey}: the row was not found`, { path: [table, rowKey] }));
      cells.push(...rowCells(table, [rowKey], columns.map((column) => ({ row: rowKey, column })), undefined, { cells: [], outcome: 'unreadable' }, issues));
      continue;
    }
    if (!row.exact && row.coverage < 1) {
      issues.push(makeIssue('info', 'tables', 'row_label_inexact', `${table}.${rowKey}: matched the printed label "${row.label}"`, { page: row.page, path: [table, rowKey] }));
    }
    const fitted = fitSlots(row, columns.length, fitOptions);
    // A row known only by where it stands is an inference: its values are flagged, never ok.
    const placed: FittedRow =
      row.byPosition && fitted.outcome === 'ok' ? { ...fitted, outcome: 'inferred', reason: `the label "${row.label}" was not recognised; the row is the one missing between its neighbours` } : fitted;
    cells.push(...rowCells(table, [rowKey], columns.map((column) => ({ row: rowKey, column })), row, placed, issues));
  }
  for (const row of rows) {
    if (!expected.includes(row.key)) {
      issues.push(makeIssue('warning', 'tables', 'row_unexpected', `${table}.${row.key}: printed, but not part of this format's table ("${row.label}")`, { page: row.page, path: [table, row.key] }));
    }
  }
  return cells;
}

/** Reconstructs 二, 三 and 四 from lines. */
export function reconstructTables(lines: readonly Line[]): ReconstructedTables {
  const issues: Issue[] = [];
  const regions = splitRegions(splitRunTogetherRows(lines));
  const activeText = regions
    .filter((r) => r.kind === 'active')
    .flatMap((r) => r.lines.map(lineText))
    .join('\n');
  // 二's headers usually decide the format before any row is read; row widths then bound blanks.
  const early = detectTemplate(activeText, [], []).template;
  const requestRows = readRows(regions, { ...REQUESTS_READER, widthOf: () => REQUEST_COLUMNS.length, gridValues: REQUEST_COLUMNS.length }, issues);
  const activeRows = readRows(regions, { ...ACTIVE_READER, widthOf: (k) => (early ? ACTIVE_LAYOUT[early][k as keyof (typeof ACTIVE_LAYOUT)['2019']]?.length : undefined) }, issues);
  const decision = detectTemplate(activeText, activeRows, requestRows);
  const template = decision.template;
  if (decision.hybrid) {
    issues.push(makeIssue('info', 'tables', 'hybrid_other_handling', '2021 format with a single （六）其他处理 row (recorded as otherHandling)', { path: ['requests', 'otherHandling'] }));
  }
  const found: Record<TableKey, boolean> = { active: activeRows.length > 0, requests: requestRows.length > 0, reviews: false };
  const cells: CellReading[] = [];

  if (found.requests) {
    const expected = printedRequestRows(new Set(requestRows.map((r) => r.key)), template);
    cells.push(...labelledTableCells('requests', expected, () => REQUEST_COLUMNS, requestRows, { valuesAtGridEnd: true, identity: requestRowIdentity }, issues));
  }

  if (found.active) {
    if (template === null) {
      issues.push(makeIssue('error', 'tables', 'template_unknown', 'the format of table 二 cannot be decided, so its columns cannot be mapped', { path: ['active'] }));
    } else {
      const layout = ACTIVE_LAYOUT[template];
      const expected = Object.keys(layout);
      cells.push(...labelledTableCells('active', expected, (k) => layout[k as keyof typeof layout] ?? [], activeRows, {}, issues));
    }
  }

  const reviewRegions = regions.filter((r) => r.kind === 'reviews');
  const reviewSlots = reviewRegions.map((r) => readReviewSlots(r.lines)).find((s) => s !== null) ?? null;
  if (reviewSlots) {
    found.reviews = true;
    const fitted = fitSlots(reviewSlots, REVIEW_POSITIONS, { valuesAtGridEnd: true, identity: reviewIdentity });
    // The 15 printed positions are three column groups of one printed row.
    const keys = REVIEW_ROWS.flatMap((row) => REVIEW_COLUMNS.map((column) => ({ row, column })));
    const source: RowSource = { ...reviewSlots, label: '行政复议、行政诉讼', exact: true, pairedByOrder: false };
    cells.push(...rowCells('reviews', [], keys, source, fitted, issues));
  }

  for (const table of ['active', 'requests', 'reviews'] as const) {
    if (!found[table]) issues.push(makeIssue('error', 'tables', 'table_missing', `table ${tableName(table)} was not found`, { path: [table] }));
  }
  return { template, found, cells, issues };
}

/** The printed name of a table, for messages. */
export function tableName(table: TableKey): string {
  return { active: '二 (主动公开)', requests: '三 (依申请公开)', reviews: '四 (复议/诉讼)' }[table];
}
