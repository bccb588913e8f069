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
  const inference = inferFromIdentities(read.cells, identities(printedRequestRows));
  const reconstructed: ReconstructedTables = { ...read, cells: inference.cells };
  const tables = tablesFromCells(reconstructed);
  const cellsByKey = new Map(reconstructed.cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
  const unknownCells = new Set([...cellsByKey].filter(([, c]) => c.flag === 'missing' || c.flag === 'unreadable').map(([key]) => key));
  const checks = evaluateChecks(tables, printedRequestRows, unknownCells);
  const issues: Issue[] = [...extractIssues, ...reconstructed.issues, ...inference.issues];
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
