/**
 * Compares an extracted record with the spec a report was generated from: every printed cell,
 * template, year and agency. A cell is right, wrong but flagged, or silently wrong; a silent
 * failure is told by kind (a wrong number, a printed number given as blank, a blank given a
 * number, a cell left out of the record).
 */
import type { ReportRecord } from '../schema/records.js';
import { REQUEST_COLUMNS, REQUEST_ROWS } from '../schema/keys.js';
import type { ReportSpec, ValueTable } from './values.js';

/** Counts of cells by outcome. */
export interface CellOutcomes {
  cells: number;
  right: number;
  /** Wrong or unread, but flagged (unreadable/inferred/missing) or covered by a failed check. */
  flagged: number;
  /** Wrong and nothing says so: the failure that must never happen (the sum of the four kinds below). */
  silent: number;
  /** Silent: a number other than the printed one (or, in an unprovable cell, any other number, flag or not). */
  wrongNumber: number;
  /** Silent: a printed number given as null with flag ok or blank. */
  numberAsBlank: number;
  /** Silent: a blank (null in truth) given a number with no flag. */
  blankAsNumber: number;
  /** Silent: the cell is not in the record at all, the report is not `failed` and no error issue names its row or table. */
  absent: number;
  /** Every cell whose truth is null and that was given a number, flagged or not. */
  nullGivenNumber: number;
  /** Cells the layout left unprovable (right: the printed value, or null flagged unreadable/missing). */
  unprovable: number;
}

/** The outcome of comparing one record with its spec. */
export interface RecordScore extends CellOutcomes {
  /** "table.row.column: expected → got (flag)" for every cell that is not right. */
  mismatches: string[];
  metadataRight: boolean;
}

/** Counts of one table. */
export type TableScore = CellOutcomes;

/** The outcome of comparing a record's tables with expected values, per table too. */
export interface TablesScore extends Omit<RecordScore, 'metadataRight'> {
  byTable: Record<string, TableScore>;
}

/** What the truth knows beyond the values. */
export interface ScoreOptions {
  /** `table.row.column` of cells the source does not prove (see ReportSpec.unprovable). */
  unprovable?: readonly string[];
  /** `table.row` of rows the source does not print at all (a hybrid's 2021 （六） rows): null is right, flagged or not. */
  unprinted?: readonly string[];
}

/** An empty tally. */
export function noOutcomes(): CellOutcomes {
  return { cells: 0, right: 0, flagged: 0, silent: 0, wrongNumber: 0, numberAsBlank: 0, blankAsNumber: 0, absent: 0, nullGivenNumber: 0, unprovable: 0 };
}

/** Adds the counts of `b` into `a` (other fields of `a` are left alone). */
export function addOutcomes(a: CellOutcomes, b: CellOutcomes): void {
  for (const key of Object.keys(noOutcomes()) as (keyof CellOutcomes)[]) a[key] += b[key];
}

type Outcome = 'right' | 'flagged' | 'wrongNumber' | 'numberAsBlank' | 'blankAsNumber' | 'absent';

/** The outcome of one cell. */
function outcomeOf(expected: number | null, cell: ReportRecord['cells'][number] | undefined, unprovable: boolean, failedCheck: boolean, reportedMissing: boolean): Outcome {
  // A cell left out is silent unless an error issue names its row or table as not found.
  if (!cell) return reportedMissing ? 'flagged' : 'absent';
  const got = cell.value;
  const flag: string = cell.flag;
  if (unprovable) {
    if (got === expected || (got === null && (flag === 'unreadable' || flag === 'missing'))) return 'right';
    return got === null ? 'numberAsBlank' : 'wrongNumber';
  }
  // A blank in a row placed by inference (its label unread) is inferred, and right as a value is.
  const right = expected === null ? got === null && (flag === 'blank' || flag === 'inferred') : got === expected && (flag === 'ok' || flag === 'inferred');
  if (right) return 'right';
  if (flag === 'unreadable' || flag === 'inferred' || flag === 'missing' || failedCheck) return 'flagged';
  if (got === null) return 'numberAsBlank';
  return expected === null ? 'blankAsNumber' : 'wrongNumber';
}

/**
 * Scores a record's tables against expected values (a spec's tables, or a truth file's): a null
 * expected value must come out blank (or null and inferred); an inferred value counts as right
 * only when it is right.
 */
export function scoreTables(record: ReportRecord, expectedTables: Readonly<Record<string, ValueTable>>, options: ScoreOptions = {}): TablesScore {
  const score: TablesScore = { ...noOutcomes(), mismatches: [], byTable: {} };
  const byKey = new Map(record.cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
  const failedCells = new Set(record.checks.filter((c) => !c.pass).flatMap((c) => c.cells));
  const unprovable = new Set(options.unprovable ?? []);
  const missingPaths = new Set(record.issues.filter((i) => i.severity === 'error' && i.path).map((i) => (i.path as string[]).join('.')));
  // A failed report says it read no table: what it left out is not silent.
  const reportedMissing = (table: string, row: string): boolean => record.status === 'failed' || missingPaths.has(table) || missingPaths.has(`${table}.${row}`);
  const unprinted = new Set(options.unprinted ?? []);
  for (const [table, values] of Object.entries(expectedTables)) {
    const tableScore: TableScore = (score.byTable[table] ??= noOutcomes());
    for (const [row, columns] of Object.entries(values)) {
      // A row the source does not print at all has no number: null is right whatever its flag,
      // and so is leaving it out (the record of a format without the row).
      const notPrinted =
        unprinted.has(`${table}.${row}`) ||
        (Object.values(columns).every((v) => v === null) && Object.keys(columns).every((column) => !byKey.has(`${table}.${row}.${column}`)));
      for (const [column, expected] of Object.entries(columns)) {
        const key = `${table}.${row}.${column}`;
        const cell = byKey.get(key);
        const isUnprovable = unprovable.has(key);
        const outcome: Outcome = notPrinted && (cell?.value ?? null) === null ? 'right' : outcomeOf(expected, cell, isUnprovable, failedCells.has(key), reportedMissing(table, row));
        for (const tally of [score, tableScore]) {
          tally.cells++;
          if (isUnprovable) tally.unprovable++;
          if (expected === null && typeof cell?.value === 'number') tally.nullGivenNumber++;
          if (outcome === 'right') tally.right++;
          else if (outcome === 'flagged') tally.flagged++;
          else {
            tally.silent++;
            tally[outcome]++;
          }
        }
        if (outcome !== 'right') score.mismatches.push(`${key}: ${expected} → ${cell ? `${cell.value} (${cell.flag}, raw "${cell.raw}")` : 'absent'}${isUnprovable ? ' [unprovable]' : ''}`);
      }
    }
  }
  return score;
}

/**
 * Scores a record against its spec (with the cells its layout left unprovable). The 三 rows of
 * the other format are scored too: null whatever the flag, never a number.
 */
export function scoreRecord(record: ReportRecord, spec: ReportSpec): RecordScore {
  const unprintedRows = REQUEST_ROWS.filter((r) => !spec.requestRows.includes(r));
  const requests: ValueTable = { ...spec.requests, ...Object.fromEntries(unprintedRows.map((r) => [r, Object.fromEntries(REQUEST_COLUMNS.map((c) => [c, null]))])) };
  const unprinted = unprintedRows.map((r) => `requests.${r}`);
  const { byTable: _byTable, ...score } = scoreTables(record, { requests, reviews: spec.reviews, active: spec.active }, { unprovable: spec.unprovable ?? [], unprinted });
  return { ...score, metadataRight: record.template === spec.template && record.year === spec.year && record.agency === spec.agency };
}
