/**
 * Assembles the report record from the reconstructed tables: typed tables, cells, checks, status.
 * The record is validated against the zod schema before anything writes it.
 */
import { makeIssue } from '../model/issues.js';
import {
  ACTIVE_LAYOUT,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  TABLE_KEYS,
} from '../schema/keys.js';
import {
  ReportRecordSchema,
  type ActiveTable,
  type CellRecord,
  type Check,
  type Issue,
  type ReportRecord,
  type RequestsTable,
  type ReviewsTable,
  type Source,
  type Status,
  type Tables,
} from '../schema/records.js';
import type { ReportMetadata } from '../metadata/report-metadata.js';
import type { CellReading, ReconstructedTables } from '../tables/reading.js';
import { evaluateChecks, identities } from './checks.js';
import { oneDigitApart } from './digits.js';
import { confirmUnsureReadings } from './confirm.js';
import { inferFromIdentities } from './infer.js';

function emptyRequests(): RequestsTable {
  return Object.fromEntries(REQUEST_ROWS.map((r) => [r, Object.fromEntries(REQUEST_COLUMNS.map((c) => [c, null]))])) as RequestsTable;
}
function emptyReviews(): ReviewsTable {
  return Object.fromEntries(REVIEW_ROWS.map((r) => [r, Object.fromEntries(REVIEW_COLUMNS.map((c) => [c, null]))])) as ReviewsTable;
}

/** Tables with every cell null, in the shape of the record. */
export function emptyTables(): Tables {
  return { active: {}, requests: emptyRequests(), reviews: emptyReviews() };
}

/** Fills the record's tables from the cells (the active table gets the rows of its format). */
function tablesFromCells(reconstructed: ReconstructedTables): Tables {
  const tables = emptyTables();
  const active: ActiveTable = {};
  if (reconstructed.template && reconstructed.found.active) {
    for (const [row, columns] of Object.entries(ACTIVE_LAYOUT[reconstructed.template])) {
      active[row as keyof ActiveTable] = Object.fromEntries(columns.map((c) => [c, null]));
    }
  }
  tables.active = active;
  for (const cell of reconstructed.cells) {
    const table = tables[cell.table] as Record<string, Record<string, number | null>>;
    const row = table[cell.row];
    if (row) row[cell.column] = cell.value;
  }
  return tables;
}

function toCellRecord(cell: ReconstructedTables['cells'][number]): CellRecord {
  const record: CellRecord = {
    table: cell.table,
    row: cell.row,
    column: cell.column,
    value: cell.value,
    raw: cell.raw,
    page: cell.page,
    method: cell.method,
    confidence: Math.round(cell.confidence * 1000) / 1000,
    flag: cell.flag,
  };
  if (cell.bbox) record.bbox = cell.bbox;
  if (cell.line !== undefined) record.line = cell.line;
  if (cell.grid) record.grid = cell.grid;
  return record;
}

/**
 * A failed check is the source's error when every cell it names was read with certainty (a number
 * or a printed blank, from a text layer, markup or text): the printed totals disagree, nothing was misread.
 */
function isSourceError(check: Check, cellsByKey: ReadonlyMap<string, CellReading>): boolean {
  return check.cells.every((key) => {
    const cell = cellsByKey.get(key);
    return cell !== undefined && cell.method !== 'ocr' && (cell.flag === 'ok' || cell.flag === 'blank');
  });
}

/**
 * An unsure OCR number stands in for its cell in the identities only with this confidence at least: one
 * model's reading the other contradicted outright (无 read 7 by the digit reader, drawn-131) is wrong
 * more often than right on the drawn scans (confidence 0: 58 right, 83 wrong, 20 printed blanks), and
 * standing in it made sure numbers beside it look misread.
 */
const MIN_STAND_IN_CONFIDENCE = 0.25;

/**
 * At most this many OCR numbers a failed identity may point at as misread (else it points at none):
 * all four of 三's balance (drawn-095: 结转's 研究机构 0 read 1 by both readers, the balance 223 + 0 =
 * 223 + 1 off by one, which each of its four numbers a digit off would explain).
 */
const MAX_SUSPECTS = 4;

/**
 * The numbers read by OCR (read or inferred) that could explain an identity failing among them by one
 * misread digit (drawn-095: 结转下年度继续办理's 商业企业 6 read 5 by both readers; 185 = 179 + 5 failed,
 * 5 → 6 or 185 → 184 would hold), and an issue per such identity. Which of them was misread is not
 * known: all are left unread. A failure no one digit explains (a total printed 0 over parts summing
 * 23), or that many cells could explain, is kept as printed (the source's own error, or no telling),
 * as is one whose every cell was read with certainty.
 */
function ocrCellsOfFailedChecks(checks: readonly Check[], cellsByKey: ReadonlyMap<string, CellReading>, sides: ReadonlyMap<string, { left: readonly string[] }>): { keys: Set<string>; issues: Issue[] } {
  const keys = new Set<string>();
  const issues: Issue[] = [];
  for (const check of checks.filter((c) => !c.pass)) {
    const left = new Set(sides.get(check.id)?.left ?? []);
    const explaining = check.cells.filter((key) => {
      const cell = cellsByKey.get(key);
      if (cell === undefined || cell.method !== 'ocr' || cell.value === null || (cell.flag !== 'ok' && cell.flag !== 'inferred')) return false;
      // The value that would make the identity hold: the printed side less the gap, or the summed side plus it.
      const fixed = cell.value + (left.has(key) ? check.actual - check.expected : check.expected - check.actual);
      return fixed >= 0 && Number.isInteger(fixed) && Number.isInteger(cell.value) && oneDigitApart(cell.value, fixed);
    });
    // (Where many could, a digit apart from what the identity needs, the failure points at none of them:
    // a total over 19 rows off by 3 is as likely the source's own error, drawn-012.)
    if (explaining.length === 0 || explaining.length > MAX_SUSPECTS) continue;
    for (const key of explaining) keys.add(key);
    issues.push(
      makeIssue('warning', 'validate', 'check_failed_ocr', `${check.description}: printed ${check.expected}, sum ${check.actual}; one misread digit in ${explaining.length} of its OCR number(s) would explain it, so they are left unread`, {
        path: check.id.split('.'),
      }),
    );
  }
  return { keys, issues };
}

/**
 * Status is about what was read (dataset.md): failed (no table), partial (a cell unreadable or
 * missing, an error issue, or a failed check that a cell not read for sure may explain), ok.
 */
function decideStatus(reconstructed: ReconstructedTables, issues: readonly Issue[], uncertainFailures: number): Status {
  // Rows found but not one cell read (no format to place 二's rows in, 三 and 四 missing): no table was read.
  if (!TABLE_KEYS.some((t) => reconstructed.found[t]) || reconstructed.cells.every((c) => c.flag === 'missing' || c.flag === 'unreadable')) return 'failed';
  if (uncertainFailures > 0) return 'partial';
  if (reconstructed.cells.some((c) => c.flag === 'unreadable' || c.flag === 'missing')) return 'partial';
  if (issues.some((i) => i.severity === 'error')) return 'partial';
  return 'ok';
}

/** Builds and validates the record of one document. */
export function buildRecord(
  source: Source,
  metadata: ReportMetadata,
  read: ReconstructedTables,
  extractIssues: readonly Issue[],
): ReportRecord {
  const printedRequestRows = new Set(read.cells.filter((c) => c.table === 'requests').map((c) => c.row));
  // Unsure numbers the identities confirm together, and values they pin down, in turn: a confirmed
  // number may complete an identity that infers another, and an inferred one an identity that confirms.
  const list = identities(printedRequestRows);
  const confirmationIssues: Issue[] = [];
  let inference = inferFromIdentities(read.cells, list);
  for (let round = 0; round < 3; round++) {
    const confirmation = confirmUnsureReadings(inference.cells, list, MIN_STAND_IN_CONFIDENCE);
    if (confirmation.issues.length === 0) break;
    confirmationIssues.push(...confirmation.issues);
    const next = inferFromIdentities(confirmation.cells, list);
    inference = { cells: next.cells, issues: [...inference.issues, ...next.issues] };
  }
  const evaluated = (cells: readonly CellReading[]) => {
    const tables = tablesFromCells({ ...read, cells: [...cells] });
    const cellsByKey = new Map(cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
    const unknownCells = new Set([...cellsByKey].filter(([, c]) => c.flag === 'missing' || c.flag === 'unreadable').map(([key]) => key));
    return { tables, cellsByKey, checks: evaluateChecks(tables, printedRequestRows, unknownCells) };
  };
  const first = evaluated(inference.cells);
  // The same identities with the numbers OCR read unsure standing in for their cells: one that fails so
  // may show a misread number among those read sure (drawn-027: 15 over 15 (read unsure) + 6 + 0s, the 6
  // a 0 under a seal's stroke that both readers read 6).
  const unsureRead = (c: CellReading): boolean => c.method === 'ocr' && c.flag === 'unreadable' && c.confidence >= MIN_STAND_IN_CONFIDENCE && /^\s*\d+\s*$/.test(c.raw);
  const withUnsure = evaluated(inference.cells.map((c) => (unsureRead(c) ? { ...c, value: Number(c.raw), flag: 'ok' as const } : c)));
  const failing = new Set(first.checks.filter((c) => !c.pass).map((c) => c.id));
  const failed = [...first.checks, ...withUnsure.checks.filter((c) => !c.pass && !failing.has(c.id))];
  // An identity that fails among numbers OCR read is a misreading of one of them, which one not known
  // (drawn-095: 6 read 5 by both readers in 结转下年度继续办理's 商业企业 column): its OCR numbers are left unread.
  const doubted = ocrCellsOfFailedChecks(failed, first.cellsByKey, new Map(identities(printedRequestRows).map((i) => [i.id, i])));
  const cells = doubted.keys.size === 0 ? inference.cells : inference.cells.map((c) => (doubted.keys.has(`${c.table}.${c.row}.${c.column}`) ? { ...c, value: null, flag: 'unreadable' as const } : c));
  const { tables, cellsByKey, checks } = doubted.keys.size === 0 ? first : evaluated(cells);
  const reconstructed: ReconstructedTables = { ...read, cells };
  const issues: Issue[] = [...extractIssues, ...reconstructed.issues, ...confirmationIssues, ...inference.issues, ...doubted.issues];
  for (const failed of checks.filter((c) => !c.pass)) {
    issues.push(
      makeIssue('warning', 'validate', 'check_failed', `${failed.description}: printed ${failed.expected}, sum ${failed.actual}`, {
        path: failed.id.split('.'),
      }),
    );
  }
  // Soft relation: the narrative's count of requests received. Reports often differ; the table wins.
  const received = tables.requests.newReceived.total;
  if (metadata.narrativeRequests !== undefined && received !== null && metadata.narrativeRequests !== received) {
    issues.push(
      makeIssue('info', 'validate', 'narrative_differs', `the text says ${metadata.narrativeRequests} requests were received, table 三 says ${received}; the table is kept`, {
        path: ['requests', 'newReceived', 'total'],
      }),
    );
  }
  for (const table of TABLE_KEYS) {
    const cells = reconstructed.cells.filter((c) => c.table === table);
    if (cells.length > 0 && cells.every((c) => c.flag === 'blank')) {
      issues.push(makeIssue('warning', 'tables', 'table_blank', `table ${table} is printed with no numbers: every cell is null`, { path: [table] }));
    }
  }
  if (!TABLE_KEYS.some((t) => reconstructed.found[t])) {
    issues.push(makeIssue('error', 'tables', 'no_tables_found', 'none of the three statistical tables was found'));
  }
  const failedChecks = checks.filter((c) => !c.pass);
  const sourceErrors = failedChecks.filter((c) => isSourceError(c, cellsByKey)).length;
  const record: ReportRecord = {
    id: source.sha256.slice(0, 16),
    source,
    agency: metadata.agency,
    year: metadata.year,
    template: reconstructed.template,
    status: decideStatus(reconstructed, issues, failedChecks.length - sourceErrors),
    sourceErrors,
    tables,
    cells: reconstructed.cells.map(toCellRecord),
    checks,
    issues,
  };
  return ReportRecordSchema.parse(record);
}

/** The record of a document that could not be read at all. */
export function failedRecord(source: Source, issues: readonly Issue[], metadata: ReportMetadata = { agency: null, year: null }): ReportRecord {
  return ReportRecordSchema.parse({
    id: source.sha256.slice(0, 16),
    source,
    agency: metadata.agency,
    year: metadata.year,
    template: null,
    status: 'failed',
    sourceErrors: 0,
    tables: emptyTables(),
    cells: [],
    checks: [],
    issues: [...issues],
  });
}
