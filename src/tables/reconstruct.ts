/**
 * Reconstructs the three tables from a stream of lines, whatever extractor made them, by decoding
 * each table region against its template: tokens (segments.ts) → rows aligned to the template
 * (align.ts) → format decision → every reading of each row (settle.ts) → the one the identities
 * leave (solve.ts) → cells with flags and provenance (row-cells.ts). Every row of the template is
 * accounted for: read, blank, inferred, unreadable or missing.
 */
import { UNREAD_MARK, type Line } from '../model/document.js';
import { makeIssue } from '../model/issues.js';
import {
  ACTIVE_LAYOUT,
  OTHER_HANDLING_ROWS_2019,
  OTHER_HANDLING_ROWS_2021,
  REQUEST_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  COMMON_OUTCOME_ROWS,
  type RequestRow,
  type TableKey,
  type TemplateId,
} from '../schema/keys.js';
import type { Issue } from '../schema/records.js';
import { decodeRegionRows, markRowsDroppedWhole, showsDroppedBlanks, valuesReachSourceEnd, type DecodedRow, type TableSpec } from './align.js';
import type { CellReading, ReconstructedTables } from './reading.js';
import { foldText } from './normalise.js';
import { lineText, splitRegions, type Region } from './regions.js';
import { readReviewSlots, REVIEW_POSITIONS } from './reviews.js';
import { boxRowsText } from './segments.js';
import { cellFromSlot, confirmCutTotal, confirmUnsureByRowSum, nullCells, rowConfidence, type CellKey, type RowSource } from './row-cells.js';
import { rowCandidates, showsItsTotal, SPLITTABLE, type Candidate, type RowCandidates, type SettleOptions } from './settle.js';
import { candidateValue, solveRows, type TableIdentity } from './solve.js';
import { detectTemplate } from './template-detect.js';
import { readInValueOrder } from './value-order.js';
import { ACTIVE_ROW_SPECS, HEADER_WORDS, REQUEST_GROUP_PHRASES, REQUEST_ROW_SPECS } from './templates.js';

export const REQUESTS_SPEC: TableSpec = {
  table: 'requests',
  rows: REQUEST_ROW_SPECS,
  groupPhrases: REQUEST_GROUP_PHRASES,
  headerWords: HEADER_WORDS.requests,
  columnWords: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
  gridValues: REQUEST_COLUMNS.length,
  widthOf: () => REQUEST_COLUMNS.length,
  exclusiveAfter: { otherHandling: OTHER_HANDLING_ROWS_2021 },
  groupRows: {
    不予公开: REQUEST_ROW_SPECS.filter((s) => s.key.startsWith('denied')).map((s) => s.key),
    无法提供: REQUEST_ROW_SPECS.filter((s) => s.key.startsWith('unable')).map((s) => s.key),
    不予处理: REQUEST_ROW_SPECS.filter((s) => s.key.startsWith('rejected')).map((s) => s.key),
  },
};
export const ACTIVE_SPEC: TableSpec = {
  table: 'active',
  rows: ACTIVE_ROW_SPECS,
  groupPhrases: [],
  headerWords: [...HEADER_WORDS.active, '第二十条'],
  bandHeaderWord: '信息内容',
};

/** Band (一)'s rows in both formats. */
const FIRST_BAND_ROWS: readonly string[] = ['regulations', 'normativeDocuments'];

/** 三's main rows: they print their 总计 (templates.md §6); the rows under a group cell may leave it blank. */
const REQUEST_ROWS_PRINTING_TOTALS: ReadonlySet<string> = new Set(
  REQUEST_ROW_SPECS.map((s) => s.key).filter((key) => !Object.values(REQUESTS_SPEC.groupRows ?? {}).some((rows) => rows.includes(key)) && !(OTHER_HANDLING_ROWS_2021 as readonly string[]).includes(key)),
);

/** The identities of 三 as constraints on its rows (dataset.md): row totals, column balance, outcomes. */
function requestIdentities(printed: readonly string[]): TableIdentity[] {
  const list: TableIdentity[] = [];
  const six = [...OTHER_HANDLING_ROWS_2021, ...OTHER_HANDLING_ROWS_2019].filter((r) => printed.includes(r));
  const outcomes = [...COMMON_OUTCOME_ROWS, ...six];
  for (const row of printed) {
    list.push({ left: [{ row, column: 6 }], right: [0, 1, 2, 3, 4, 5].map((column) => ({ row, column })), whenFirstPrinted: true });
  }
  for (let column = 0; column < REQUEST_COLUMNS.length; column++) {
    list.push({
      left: ['newReceived', 'carriedOver'].map((row) => ({ row, column })),
      right: ['totalHandled', 'carriedForward'].map((row) => ({ row, column })),
      whenFirstPrinted: false,
    });
    list.push({ left: [{ row: 'totalHandled', column }], right: outcomes.map((row) => ({ row, column })), whenFirstPrinted: true });
  }
  return list;
}

/** 四's identity for each of its three groups: 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
const REVIEW_IDENTITIES: TableIdentity[] = [0, 5, 10].map((g) => ({
  left: [{ row: 'reviews', column: g + 4 }],
  right: [0, 1, 2, 3].map((k) => ({ row: 'reviews', column: g + k })),
  whenFirstPrinted: true,
}));

/** The last line of a text source: a row whose values end there may have been cut off. */
function lastTextLine(lines: readonly Line[]): number | null {
  if (lines.length === 0 || lines.some((l) => l.method !== 'text')) return null;
  return Math.max(...lines.filter((l) => l.cells.length > 0 || (l.raw ?? '').trim() !== '').map((l) => l.lineNo));
}

/**
 * Decodes every region of a table. A region that prints rows already read starts another copy of
 * the table (a summary copy, a quoted table): each copy is kept apart for `chooseCopy`.
 */
/**
 * One row label printed again with other values in the same table (four 政府集中采购 rows, one per
 * project): which is the report's cannot be told, so the row is unreadable, never the first or the
 * last taken silently. Printed again with the same values, it is one row.
 */
function collapseRepeatedRows(rows: readonly DecodedRow[], table: string, issues: Issue[]): DecodedRow[] {
  const out: DecodedRow[] = [];
  const values = (r: DecodedRow): string => r.slots.map((s) => s.text.trim()).join('\u0001');
  for (const row of rows) {
    const earlier = out.find((r) => r.key === row.key);
    if (!earlier) {
      out.push(row);
      continue;
    }
    if (row.slots.length === 0 || values(earlier) === values(row)) continue;
    if (earlier.slots.length === 0) {
      out[out.indexOf(earlier)] = row;
      continue;
    }
    if (!earlier.unplaced) {
      issues.push(makeIssue('error', 'tables', 'row_duplicate', `${table}.${row.key} is printed more than once with different values ("${earlier.label}"); which is the report's cannot be told`, { page: row.page, path: [table, row.key] }));
    }
    earlier.unplaced = true;
  }
  return out;
}

function decodeCopies(regions: readonly Region[], spec: TableSpec, lastLine: number | null, issues: Issue[]): DecodedRow[][] {
  const copies: DecodedRow[][] = [];
  for (const region of regions.filter((r) => r.kind === spec.table)) {
    const raw = decodeRegionRows(region.lines, spec, lastLine);
    issues.push(...raw.issues);
    const rows = collapseRepeatedRows(raw.rows, spec.table, issues);
    const current = copies.at(-1);
    const seen = new Set(current?.map((r) => r.key));
    const repeats = rows.filter((r) => seen.has(r.key) && r.slots.length > 0).length;
    if (!current || (repeats > 0 && repeats * 2 >= rows.filter((r) => r.slots.length > 0).length)) {
      if (rows.length > 0) copies.push(rows);
      continue;
    }
    for (const row of rows) {
      const earlier = current.findIndex((r) => r.key === row.key);
      if (earlier < 0) current.push(row);
      else if ((current[earlier] as DecodedRow).slots.length === 0) current[earlier] = row;
      else if (row.slots.length > 0) {
        issues.push(makeIssue('warning', 'tables', 'row_duplicate', `${spec.table}.${row.key} is printed twice; the first reading is kept`, { page: row.page, path: [spec.table, row.key] }));
      }
    }
  }
  return copies;
}

/** The rows of 三 the document prints: the common rows plus its （六） rows as printed. */
function printedRequestRows(found: ReadonlySet<string>, template: TemplateId | null, rowsUnderSingleSix = false, singleSixHoldsMore = false): RequestRow[] {
  // A format's （六） rows come whole: one of them found, the others are accounted for too (missing if
  // not printed). Neither printed nor decided (a page holding part of 三): both formats' rows are;
  // and a 2021 report may print 2019's single （六） row (templates.md: hybrid), so neither found
  // under 2021, both are accounted for too.
  // (A scan's 2021 table whose （六） rows' labels were lost may show only the group label, read as
  // 2019's single row, with rows of numbers under it: its own rows are accounted for too. So are they
  // where that single row holds more numbers than one row prints, labels wrapped too finely to be
  // matched, whatever format was guessed from it.)
  const with2019 = OTHER_HANDLING_ROWS_2019.some((k) => found.has(k));
  const with2021 = OTHER_HANDLING_ROWS_2021.some((k) => found.has(k)) || (rowsUnderSingleSix && template === '2021' && with2019) || singleSixHoldsMore;
  // A source that stops at its （六） rows (nothing of 三 after them) may have been cut inside them:
  // which format's rows they were is not shown, so both are accounted for.
  const stopsThere = !found.has('totalHandled') && !found.has('carriedForward');
  const six: readonly string[] =
    (with2021 || with2019) && !stopsThere
      ? [...(with2019 ? OTHER_HANDLING_ROWS_2019 : []), ...(with2021 ? OTHER_HANDLING_ROWS_2021 : [])]
      : template === '2019'
        ? OTHER_HANDLING_ROWS_2019
        : [...OTHER_HANDLING_ROWS_2019, ...OTHER_HANDLING_ROWS_2021];
  return REQUEST_ROW_SPECS.filter((spec) => spec.templates.length === 2 || six.includes(spec.key)).map((spec) => spec.key);
}

/**
 * Lines of numbers printed around a single （六） row, between the row read before it and （七）总计 on
 * one page, that no row read holds, read or seen and unreadable (□): the rows of a 2021 table's （六）
 * group whose labels were not read (drawn-111: its faint sub-rows under the group label, and "其他", its
 * 3.其他 with the numbering lost, read as the single row right above 总计). A hybrid report prints its
 * single row right above 总计, and nothing else there (huaian-hongze 2023).
 */
function valuesAroundSingleSix(rows: readonly DecodedRow[], regions: readonly Region[]): boolean {
  const at = rows.findIndex((r) => r.key === 'otherHandling');
  const six = rows[at];
  const total = rows.find((r) => r.key === 'totalHandled');
  if (!six || !total || six.page !== total.page) return false;
  const before = rows[at - 1];
  const from = before && before.page === six.page ? before.line : six.line;
  const held = new Set(rows.flatMap((r) => [r.line, ...r.slots.map((s) => s.line)].map((line) => `${r.page}:${line}`)));
  return regions.some((region) =>
    region.lines.some((l) => l.page === six.page && l.lineNo > from && l.lineNo < total.line && !held.has(`${l.page}:${l.lineNo}`) && l.cells.some((c) => /\d/.test(c.text) || c.text === UNREAD_MARK)),
  );
}

/**
 * A single （六） row holding two rows' cells or more, blanks included (see printedRequestRows); a
 * cell or two over a row's width are digits broken over lines.
 */
function singleSixHoldsMoreRows(rows: readonly DecodedRow[]): boolean {
  const six = rows.find((r) => r.key === 'otherHandling');
  return six !== undefined && six.slots.length >= 2 * REQUEST_COLUMNS.length;
}

/** Whether any row of a decoded table holds a printed value (a table printed without numbers has none). */
function printsNumbers(table: SolvedTable): boolean {
  return [...table.rows.values()].some((r) => r.slots.some((s) => s.text.trim() !== ''));
}

/** A decoded table: its rows' decisions, ready to become cells. */
interface SolvedTable {
  rows: Map<string, DecodedRow>;
  candidates: Map<string, RowCandidates>;
  chosen: Map<string, Candidate | null>;
  /** The readings each row has left (several: the cells they agree on are still proven). */
  remaining: Map<string, Candidate[]>;
  /** Identities the chosen values break (counted to choose between copies). */
  broken: number;
  /** Why rows paired with their values by order were not trusted: the text's order is broken. */
  orderBroken?: string;
}

/**
 * A row printed with more values than columns took values of other rows: the text's order of
 * values is broken (pdftotext without -layout reads a table's cells column by column), and no row
 * whose values were paired with its label by their order alone is trusted. Rows whose values sit
 * on their label's own line, in a grid, under positions or in cells set apart by pipes or tabs keep
 * their reading.
 */
function distrustOrderAfterSurplus(rows: readonly DecodedRow[], candidates: Map<string, RowCandidates>, widthOf: (key: string) => number, brokenElsewhere?: string): string | undefined {
  const surplus = rows.filter((r) => candidates.get(r.key)?.surplus).map((r) => r.key);
  if (surplus.length === 0 && !brokenElsewhere) return undefined;
  const reason =
    surplus.length > 0
      ? `values of other rows printed in the place of ${surplus.join(', ')} (more values than columns): the order of values in the text is broken, so a row paired with its values by order is not trusted`
      : (brokenElsewhere as string);
  for (const row of rows) {
    // A row printed whole on its label's own line is that row, whatever the order elsewhere (with
    // fewer values, the others may be anywhere: pdftotext puts words of one baseline on one line).
    // (A wrapped label's values may stand on any line of it, mostly its last; trusted there only where
    // one row alone shows the order broken: where many do, the labels' pieces may be any row's.)
    const labelLines = surplus.length <= 1 ? (row.labelLines ?? [row.line]) : [row.line];
    const onLabelLine = row.slots.length === widthOf(row.key) && row.slots.every((s) => labelLines.includes(s.line) && s.page === row.page);
    // OCR words are read off the page's picture line by line: their order is never column by column.
    // Cells a converter set apart with pipes or tabs come in the table's own cell order (an HTML
    // table's), row after row: a surplus row there has an extra column of its own.
    const positioned = row.mode === 'grid' || row.header !== undefined || onLabelLine || row.cellsSetApart === true || row.slots.some((s) => s.method === 'ocr');
    if (!positioned && !candidates.get(row.key)?.surplus) candidates.set(row.key, { candidates: [], reason });
  }
  return reason;
}

/** Settles and solves one copy of a table. */
function solveTable(rows: readonly DecodedRow[], widthOf: (key: string) => number, identities: readonly TableIdentity[], options: SettleOptions & { orderBroken?: string; signedOf?: (key: string) => readonly number[] }): SolvedTable {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const candidates = new Map<string, RowCandidates>();
  for (const row of rows) candidates.set(row.key, rowCandidates(row, widthOf(row.key), options.signedOf ? { ...options, signedColumns: options.signedOf(row.key) } : options));
  const orderBroken = distrustOrderAfterSurplus(rows, candidates, widthOf, options.orderBroken);
  const decisions = solveRows(new Map([...candidates].map(([k, c]) => [k, c.candidates])), identities);
  const chosen = new Map([...decisions].map(([k, d]) => [k, d.chosen]));
  const remaining = new Map([...decisions].map(([k, d]) => [k, d.remaining]));
  let broken = 0;
  for (const identity of identities) {
    const values = [...identity.left, ...identity.right].map((ref) => {
      const c = chosen.get(ref.row);
      return c ? candidateValue(c, ref.column) : undefined;
    });
    if (values.some((v) => v === undefined || Number.isNaN(v))) continue;
    const left = values.slice(0, identity.left.length);
    if (identity.whenFirstPrinted && left[0] === null) continue;
    const sum = (v: (number | null | undefined)[]): number => Math.round(v.reduce<number>((a, x) => a + (x ?? 0), 0) * 1e6);
    if (sum(left) !== sum(values.slice(identity.left.length))) broken++;
  }
  return { rows: byKey, candidates, chosen, remaining, broken, ...(orderBroken ? { orderBroken } : {}) };
}

/**
 * Two copies of one table: the one whose identities hold is taken; when that does not decide, the
 * first is kept and every cell the copies disagree on is unreadable (issue 14: never the wrong copy, silently).
 */
function chooseCopy(solved: SolvedTable[], table: TableKey, issues: Issue[]): { table: SolvedTable; conflicts: Set<string> } {
  const first = solved[0] as SolvedTable;
  if (solved.length === 1) return { table: first, conflicts: new Set() };
  const holding = solved.filter((s) => s.broken === 0);
  if (holding.length === 1) {
    issues.push(makeIssue('warning', 'tables', 'table_duplicate', `table ${table} is printed ${solved.length} times; the copy whose identities hold is kept`, { path: [table] }));
    return { table: holding[0] as SolvedTable, conflicts: new Set() };
  }
  const conflicts = new Set<string>();
  for (const other of solved.slice(1)) {
    for (const [key, c] of other.chosen) {
      const mine = first.chosen.get(key);
      const same = mine && c && mine.cells.every((_, i) => candidateValue(mine, i) === candidateValue(c, i));
      if (!same) conflicts.add(key);
    }
  }
  issues.push(makeIssue('error', 'tables', 'table_duplicate', `table ${table} is printed ${solved.length} times with different values and the identities do not tell which is the report's; the rows they disagree on are unreadable`, { path: [table] }));
  return { table: first, conflicts };
}

/** 三's rows in printed order, one list per format (2019, 2021). */
/**
 * Unread cells (seen but not read) that leave a row placed by position unchecked: one the row's
 * identity fills from the others, and the reading is checked by nothing else.
 */
const UNREAD_IN_ROW_BY_POSITION = 2;
/** Below this confidence an unread cell's reading is nothing to go by (the readers disagreed, or saw no number). */
const UNREAD_CONFIDENCE = 0.3;

const REQUEST_ROWS_OF_FORMAT: readonly (readonly string[])[] = (['2019', '2021'] as const).map((t) => REQUEST_ROW_SPECS.filter((spec) => spec.templates.includes(t)).map((spec) => spec.key));

/**
 * 三 where labels were moved out of place and its numbers were not (see value-order.ts): read in
 * value order when that holds, every row then flagged inferred; null where it does not.
 */
function readRequestsInValueOrder(table: SolvedTable, expected: readonly string[], issues: Issue[]): SolvedTable | null {
  const formats = REQUEST_ROWS_OF_FORMAT.filter((rows) => rows.every((k) => expected.includes(k)))
    .map((rows) => ({ rows, identities: requestIdentities(rows) }));
  const read = readInValueOrder([...table.rows.values()], formats, REQUEST_COLUMNS.length);
  if (!read) return null;
  issues.push(makeIssue('warning', 'tables', 'values_in_table_order', `requests: labels printed out of place (${table.orderBroken}); the numbers, in the table's own order, were cut into its rows, and every identity holds`, { path: ['requests'] }));
  const candidates = new Map([...read.chosen].map(([k, c]) => [k, { candidates: [c] }]));
  const remaining = new Map([...read.chosen].map(([k, c]) => [k, [c]]));
  return { rows: read.rows, candidates, chosen: new Map(read.chosen), remaining, broken: 0 };
}

/** The cells of one row from its decision. */
function rowCellsOf(table: TableKey, keys: readonly CellKey[], row: DecodedRow | undefined, options: { found: RowCandidates | undefined; chosen: Candidate | null | undefined; remaining?: Candidate[] | undefined; conflict: boolean; tableHasNumbers: boolean }, issues: Issue[]): CellReading[] {
  const path = row && table !== 'reviews' ? [table, row.key] : [table];
  const name = path.join('.');
  if (!row) {
    issues.push(makeIssue('error', 'tables', 'row_missing', `${name === table ? `${table}.${keys[0]?.row}` : name}: the row was not found`, { path: [table, keys[0]?.row ?? ''] }));
    return nullCells(table, keys, 'missing', undefined);
  }
  if (!row.exact && row.coverage < 1 && table !== 'reviews') {
    issues.push(makeIssue('info', 'tables', 'row_label_inexact', `${name}: matched the printed label "${row.label}"`, { page: row.page, path }));
  }
  if (row.unplaced) return nullCells(table, keys, 'unreadable', row);
  if (row.slots.length === 0 && !options.chosen) {
    // A label with no values at all: a table printed without numbers, or a row cut off with the page.
    // (Not the label the source ends with: an excerpt cut inside it never printed its cells.)
    if (!options.tableHasNumbers && !row.atSourceEnd) return keys.map((k) => ({ ...nullCells(table, [k], 'blank', row)[0] as CellReading, confidence: rowConfidence(row) }));
    issues.push(makeIssue('error', 'tables', 'row_values_missing', `${name}: the label "${row.label}" is printed with no values`, { page: row.page, path }));
    return nullCells(table, keys, 'missing', row);
  }
  const chosen = options.chosen;
  const remaining = options.remaining ?? [];
  if (!chosen && !options.conflict && remaining.length > 1) return agreedCells(table, keys, row, remaining, issues);
  if (!chosen || options.conflict) {
    const count = options.found?.candidates.length ?? 0;
    const reason = options.conflict
      ? 'two copies of the table disagree'
      : count === 0
        ? (options.found?.reason ?? 'values cannot be placed')
        : `${count} readings fit the printed values and the identities do not pick one: ${describe(options.found?.candidates ?? [], keys.length)}`;
    issues.push(makeIssue('error', 'tables', 'row_unreadable', `${name}: ${reason} ("${row.label}")`, { page: row.page, path }));
    return nullCells(table, keys, 'unreadable', row);
  }
  const base = rowConfidence(row);
  const inferred = chosen.derived || row.byPosition === true;
  if (row.droppedWhole) {
    issues.push(makeIssue('warning', 'tables', 'cells_inferred', `${name}: the label "${row.label}" runs straight into the next row's where empty cells leave no trace: every cell read as blank`, { page: row.page, path }));
  } else if (chosen.derived) {
    issues.push(makeIssue('warning', 'tables', 'cells_inferred', `${name}: the printed values "${row.slots.map((s) => s.text).join(' ')}" placed the only way the identities allow`, { page: row.page, path }));
  } else if (row.byPosition) {
    issues.push(makeIssue('warning', 'tables', 'cells_inferred', `${name}: the label "${row.label}" was not recognised; the row is the one missing between its neighbours`, { page: row.page, path }));
  }
  const source: RowSource = row;
  const cells = keys.map(({ row: rowKey, column }, i) => {
    if (chosen.missingFrom !== undefined && i >= chosen.missingFrom) {
      return { ...(nullCells(table, [{ row: rowKey, column }], 'missing', row)[0] as CellReading), raw: '' };
    }
    return cellFromSlot(table, rowKey, column, chosen.cells[i] ?? null, source, base, inferred, issues);
  });
  // A row known only by its position is taken because its values fit there; with a cell OCR did not
  // see, or two it could not read, the row's identity would fill them from the others (validate) and so
  // check none of them: two inferences on one row, nothing confirming either (drawn-075: "2" read for a
  // printed 22 beside an unseen 总计 gave 总计 2; drawn-015 p3: a 22 read as two unsure digits "4" "2"
  // pushed the row's 0s a column right, onto its printed blank). Its cells are left unread.
  const unread = cells.filter((c) => c.method === 'ocr' && c.flag === 'unreadable' && c.confidence < UNREAD_CONFIDENCE);
  if (row.byPosition && (unread.some((c) => c.raw.trim() === '') || unread.length >= UNREAD_IN_ROW_BY_POSITION)) {
    issues.push(makeIssue('error', 'tables', 'row_unreadable', `${name}: a row placed by position with a cell not seen or not read: nothing checks its values; left unread`, { page: row.page, path }));
    return cells.map((c) => (c.flag === 'missing' ? c : { ...c, value: null, flag: 'unreadable' as const, confidence: 0 }));
  }
  return cells;
}

/**
 * A row the identities leave ambiguous: a cell every remaining reading gives the same value is
 * proven (flagged inferred); the others are unreadable, and the issue names the readings.
 */
function agreedCells(table: TableKey, keys: readonly CellKey[], row: DecodedRow, remaining: readonly Candidate[], issues: Issue[]): CellReading[] {
  const first = remaining[0] as Candidate;
  const agreed = keys.map((_, i) => remaining.every((c) => candidateValue(c, i) === candidateValue(first, i)));
  const path = table === 'reviews' ? [table] : [table, row.key];
  issues.push(
    makeIssue('error', 'tables', 'row_unreadable', `${path.join('.')}: ${remaining.length} readings fit the printed values and the identities do not pick one: ${describe(remaining, keys.length)}; ${agreed.filter(Boolean).length} of ${keys.length} cells are the same in all of them ("${row.label}")`, { page: row.page, path }),
  );
  // Readings of glued digits are every split of every digit run (settle.ts); a glued piece that is
  // no plain digit run ("1,2345") was not split, so it may hide numbers the readings lack: there a
  // blank is proven only where every reading puts a printed placeholder ("无", "—", a lone mark).
  const unsplit = row.slots.some((s) => s.glued && !SPLITTABLE.test(foldText(s.text).trim()));
  const printedBlank = (i: number): boolean => remaining.every((c) => c.cells[i] !== null && c.cells[i] !== undefined);
  return keys.map(({ row: rowKey, column }, i) =>
    agreed[i] && !(unsplit && candidateValue(first, i) === null && !printedBlank(i))
      ? cellFromSlot(table, rowKey, column, first.cells[i] ?? null, row, rowConfidence(row), true, issues)
      : (nullCells(table, [{ row: rowKey, column }], 'unreadable', row)[0] as CellReading),
  );
}

/** A few candidates, for the issue that says why a row is unreadable. */
function describe(candidates: readonly Candidate[], n: number): string {
  const shown = candidates.slice(0, 3).map((c) => `[${Array.from({ length: n }, (_, i) => candidateValue(c, i) ?? '·').join(' ')}]`);
  return shown.join(' or ') + (candidates.length > 3 ? ` and ${candidates.length - 3} more` : '');
}

/** How many value cells 三 has in each format (2019 and the hybrid: 23 rows; 2021: 25). */
const REQUEST_CELL_COUNTS = REQUEST_ROWS_OF_FORMAT.map((rows) => rows.length * REQUEST_COLUMNS.length);

/** A copy of 三 whose printed values number exactly one format's cells: it left no empty cell out. */
function printsEveryRequestCell(copy: readonly DecodedRow[]): boolean {
  return REQUEST_CELL_COUNTS.includes(copy.reduce((n, r) => n + r.slots.filter((s) => s.text.trim() !== '').length, 0));
}

/** Full-width digits (０–９, typed in Chinese input mode) as ASCII digits. */
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;
const FULL_WIDTH_DIGITS = new RegExp(FULL_WIDTH_DIGIT.source, 'g');
const asciiDigits = (text: string): string => text.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * A line with its full-width digits as ASCII digits: every digit test of the decoder (`\d` with the u
 * flag matches ASCII digits only) then sees "规章０００" as it sees "规章000". (Left full-width, a row glued
 * to its label had no number in it and read blank: printed numbers shown as blank.)
 */
function withAsciiDigits(line: Line): Line {
  if (!FULL_WIDTH_DIGIT.test(line.raw ?? '') && !line.cells.some((c) => FULL_WIDTH_DIGIT.test(c.text))) return line;
  return { ...line, ...(line.raw !== undefined ? { raw: asciiDigits(line.raw) } : {}), cells: line.cells.map((c) => ({ ...c, text: asciiDigits(c.text) })) };
}

/** Reconstructs 二, 三 and 四 from lines. */
export function reconstructTables(printedLines: readonly Line[]): ReconstructedTables {
  const lines = printedLines.map(withAsciiDigits);
  const issues: Issue[] = [];
  const regions = splitRegions(lines);
  const lastLine = lastTextLine(lines);
  const lineByNo = new Map(lines.map((l) => [l.lineNo, l]));
  // A label read by OCR with no values beside it is a row whose values were not seen, never blank
  // (an OCR blank is a cell seen empty): only text and markup print tables without numbers.
  const readByOcr = regions.some((r) => r.lines.some((l) => l.method === 'ocr'));
  const activeLines = regions.filter((r) => r.kind === 'active').flatMap((r) => r.lines);
  // (A box-drawn row wraps its header cells over lines, "本年新" / "制作數" / "(shù)量": read them down too.)
  const activeText = [...activeLines.map(lineText), boxRowsText(activeLines)].join('\n');
  // 二's headers usually decide the format before any row is read; row widths then bound blanks.
  const early = detectTemplate(activeText, [], []).template;
  const activeWidth = (k: string): number | undefined => (early ? ACTIVE_LAYOUT[early][k as keyof (typeof ACTIVE_LAYOUT)['2019']]?.length : undefined);
  const requestCopies = decodeCopies(regions, REQUESTS_SPEC, lastLine, issues);
  const activeCopies = decodeCopies(regions, { ...ACTIVE_SPEC, widthOf: activeWidth }, lastLine, issues);
  // One converter made the whole text: where 三 shows it leaves empty cells out (a row of 三 printed
  // only blanks, or its cells run together), so does 二, whose one-value rows cannot show it themselves.
  // (So does a row of 三 printed whole with fewer values than columns.)
  // (Not where 三 prints exactly one format's cells: its short and empty rows are then labels moved
  // away from their values, as value-order.ts reads them, and 二's label-only rows may be too.)
  const dropsBlanks = requestCopies.some((copy) => !printsEveryRequestCell(copy) && (copy.some((r) => r.droppedWhole === true || r.slots.some((s) => s.glued)) || showsDroppedBlanks(copy.filter((r) => !r.atSourceEnd), REQUESTS_SPEC)));
  if (dropsBlanks && !readByOcr) for (const copy of activeCopies) markRowsDroppedWhole(copy, lastLine, requestCopies.flat());
  const requestRows = requestCopies[0] ?? [];
  const activeRows = activeCopies[0] ?? [];
  const decision = detectTemplate(activeText, activeRows, requestCopies.flat());
  const template = decision.template;
  if (decision.hybrid) {
    issues.push(makeIssue('info', 'tables', 'hybrid_other_handling', '2021 format with a single （六）其他处理 row (recorded as otherHandling)', { path: ['requests', 'otherHandling'] }));
  }
  // 二 with its column header printed and every row cut off (an excerpt that stops under the header):
  // the table and its format are found, its rows missing, each flagged.
  const activeHeaderOnly = activeRows.length === 0 && early !== null;
  if (activeHeaderOnly) issues.push(makeIssue('error', 'tables', 'table_header_only', `table 二 prints its column header (${decision.evidence}) and none of its rows`, { path: ['active'] }));
  const found: Record<TableKey, boolean> = { active: activeRows.length > 0 || activeHeaderOnly, requests: requestRows.length > 0, reviews: false };
  const cells: CellReading[] = [];
  let requestsOrderBroken: string | undefined;

  if (found.requests) {
    let expected = printedRequestRows(new Set(requestCopies.flat().map((r) => r.key)), template, readByOcr && valuesAroundSingleSix(requestRows, regions), singleSixHoldsMoreRows(requestRows));
    const identities = requestIdentities(expected);
    const totals = [{ total: 6, parts: [0, 1, 2, 3, 4, 5] }];
    const solved = requestCopies.map((copy) => {
      const rows = copy.filter((r) => expected.includes(r.key as RequestRow));
      // A sub-row that shows its total wherever it is read: this table prints its sub-rows' totals too.
      const totalsPrinted = rows.some((r) => !REQUEST_ROWS_PRINTING_TOTALS.has(r.key) && showsItsTotal(r, REQUEST_COLUMNS.length, { totals })) ? new Set(expected) : REQUEST_ROWS_PRINTING_TOTALS;
      return solveTable(rows, () => REQUEST_COLUMNS.length, identities, { valuesAtGridEnd: true, totals, totalsPrinted });
    });
    const copy = chooseCopy(solved, 'requests', issues);
    const { conflicts } = copy;
    const inValueOrder = copy.table.orderBroken && conflicts.size === 0 ? readRequestsInValueOrder(copy.table, expected, issues) : null;
    const table = inValueOrder ?? copy.table;
    // Read in value order, the table is one format's rows exactly.
    if (inValueOrder) expected = expected.filter((k) => inValueOrder.rows.has(k));
    requestsOrderBroken = table.orderBroken;
    const tableHasNumbers = readByOcr || printsNumbers(table);
    for (const key of expected) {
      const keys = REQUEST_COLUMNS.map((column) => ({ row: key, column }));
      cells.push(...confirmUnsureByRowSum(confirmCutTotal(rowCellsOf('requests', keys, table.rows.get(key), { found: table.candidates.get(key), chosen: table.chosen.get(key), remaining: table.remaining.get(key), conflict: conflicts.has(key), tableHasNumbers }, issues)), issues));
    }
    for (const row of requestCopies.flat()) {
      if (!expected.includes(row.key as RequestRow)) {
        issues.push(makeIssue('warning', 'tables', 'row_unexpected', `requests.${row.key}: printed, but not part of this format's table ("${row.label}")`, { page: row.page, path: ['requests', row.key] }));
      }
    }
  }

  if (found.active) {
    if (template === null) {
      issues.push(makeIssue('error', 'tables', 'template_unknown', 'the format of table 二 cannot be decided, so its columns cannot be mapped', { path: ['active'] }));
    } else {
      const layout = ACTIVE_LAYOUT[template];
      const columnsOf = (k: string): readonly string[] => layout[k as keyof typeof layout] ?? [];
      // One converter read the whole page: where it broke 三's order, 二's rows are not to be trusted by order either.
      const orderBroken = requestsOrderBroken === undefined ? {} : { orderBroken: `in table 三, ${requestsOrderBroken}; 二 was read by the same tool` };
      // 2019's 本年增/减 is the one column a signed value ("+4", "增5") belongs in.
      const signedOf = (k: string): number[] => columnsOf(k).flatMap((column, i) => (column === 'change' ? [i] : []));
      // (A header with no rows is one copy with no rows: each row then missing.)
      const copies = activeCopies.length > 0 ? activeCopies : [[]];
      const solved = copies.map((copy) => solveTable(copy.filter((r) => r.key in layout), (k) => columnsOf(k).length, [], { ...orderBroken, signedOf }));
      const { table, conflicts } = chooseCopy(solved, 'active', issues);
      const tableHasNumbers = readByOcr || printsNumbers(table);
      for (const key of Object.keys(layout)) {
        const keys = columnsOf(key).map((column) => ({ row: key, column }));
        const row = table.rows.get(key);
        // Numbers under the other format's columns of band (一): no column of this format is theirs.
        if (decision.firstBandForeign && FIRST_BAND_ROWS.includes(key) && row && row.slots.length > 0) {
          issues.push(makeIssue('warning', 'tables', 'row_unreadable', `active.${key}: band (一) is printed under the other format's columns (${decision.firstBandForeign.join(' / ')}), which are not this format's: its numbers are left unread`, { page: row.page, path: ['active', key] }));
          cells.push(...nullCells('active', keys, 'unreadable', row));
          continue;
        }
        cells.push(...rowCellsOf('active', keys, row, { found: table.candidates.get(key), chosen: table.chosen.get(key), remaining: table.remaining.get(key), conflict: conflicts.has(key), tableHasNumbers }, issues));
      }
      for (const row of activeCopies.flat()) {
        if (!(row.key in layout)) issues.push(makeIssue('warning', 'tables', 'row_unexpected', `active.${row.key}: printed, but not part of this format's table ("${row.label}")`, { page: row.page, path: ['active', row.key] }));
      }
    }
  }

  const reviewKeys = REVIEW_ROWS.flatMap((row) => REVIEW_COLUMNS.map((column) => ({ row, column })));
  const reviewSlots = regions
    .filter((r) => r.kind === 'reviews')
    .map((r) => readReviewSlots(r.lines, regions.filter((q) => q.kind === 'requests').flatMap((q) => q.lines)))
    .find((s) => s !== null) ?? null;
  if (reviewSlots) {
    found.reviews = true;
    const row: DecodedRow = { ...reviewSlots, key: 'reviews', label: '行政复议、行政诉讼', coverage: 1, exact: true, pairedByOrder: false, lostBlanks: reviewSlots.mode === 'loose', atSourceEnd: valuesReachSourceEnd(reviewSlots.slots, lineByNo, lastLine) };
    const totals = [0, 5, 10].map((g) => ({ total: g + 4, parts: [g, g + 1, g + 2, g + 3] }));
    const solved = solveTable([row], () => REVIEW_POSITIONS, REVIEW_IDENTITIES, { valuesAtGridEnd: true, totals });
    const read = rowCellsOf('reviews', reviewKeys, row, { found: solved.candidates.get('reviews'), chosen: solved.chosen.get('reviews'), remaining: solved.remaining.get('reviews'), conflict: false, tableHasNumbers: true }, issues);
    // Each five (结果维持 … 总计) sums as a row of 三 does.
    for (let g = 0; g < read.length; g += 5) cells.push(...confirmUnsureByRowSum(read.slice(g, g + 5), issues));
  }

  for (const table of ['active', 'requests', 'reviews'] as const) {
    if (found[table]) continue;
    issues.push(makeIssue('error', 'tables', 'table_missing', `table ${tableName(table)} was not found`, { path: [table] }));
  }
  // Every row of the template is accounted for: a table not found is missing, cell by cell.
  if (!found.reviews && (found.requests || found.active)) cells.push(...nullCells('reviews', reviewKeys, 'missing', undefined));
  if (!found.requests && (found.active || found.reviews) && template) {
    for (const key of printedRequestRows(new Set(), template)) cells.push(...nullCells('requests', REQUEST_COLUMNS.map((column) => ({ row: key, column })), 'missing', undefined));
  }
  if (!found.active && (found.requests || found.reviews) && template) {
    for (const [key, columns] of Object.entries(ACTIVE_LAYOUT[template])) cells.push(...nullCells('active', columns.map((column) => ({ row: key, column })), 'missing', undefined));
  }
  return { template, found, cells, issues };
}

/** The printed name of a table, for messages. */
export function tableName(table: TableKey): string {
  return { active: '二 (主动公开)', requests: '三 (依申请公开)', reviews: '四 (复议/诉讼)' }[table];
}
