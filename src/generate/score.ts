/**
 * Compares an extracted record with the spec a report was generated from: every printed cell,
 * template, year and agency. A wrong value that carries no flag and fails no check is "silent".
 */
import type { ReportRecord } from '../schema/records.js';
import type { ReportSpec, ValueTable } from './values.js';

/** The outcome of comparing one record with its spec. */
export interface RecordScore {
  cells: number;
  right: number;
  /** Wrong or unread, but flagged (unreadable/inferred) or covered by a failed check. */
  flagged: number;
  /** Wrong with flag ok/blank and no failed check: the failure that must never happen. */
  silent: number;
  /** "table.row.column: expected → got (flag)" for every cell that is not right. */
  mismatches: string[];
  metadataRight: boolean;
}

/** Counts of one table. */
export interface TableScore {
  cells: number;
  right: number;
  flagged: number;
  silent: number;
}

/** The outcome of comparing a record's tables with expected values, per table too. */
export interface TablesScore extends Omit<RecordScore, 'metadataRight'> {
  byTable: Record<string, TableScore>;
}

/**
 * Scores a record's tables against expected values (a spec's tables, or a truth file's): a null
 * expected value must come out blank (or null and inferred); an inferred value counts as right
 * only when it is right.
 */
export function scoreTables(record: ReportRecord, expectedTables: Readonly<Record<string, ValueTable>>): TablesScore {
  const score: TablesScore = { cells: 0, right: 0, flagged: 0, silent: 0, mismatches: [], byTable: {} };
  const byKey = new Map(record.cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
  const failedCells = new Set(record.checks.filter((c) => !c.pass).flatMap((c) => c.cells));
  for (const [table, values] of Object.entries(expectedTables)) {
    const tableScore: TableScore = (score.byTable[table] ??= { cells: 0, right: 0, flagged: 0, silent: 0 });
    for (const [row, columns] of Object.entries(values)) {
      // A row the source does not print at all (a hybrid of the two formats) has no cells, and
      // null is its right value; a row that exists but was lost has values, so it still counts.
      const notPrinted = Object.values(columns).every((v) => v === null) && Object.keys(columns).every((column) => !byKey.has(`${table}.${row}.${column}`));
      for (const [column, expected] of Object.entries(columns)) {
        score.cells++;
        tableScore.cells++;
        const key = `${table}.${row}.${column}`;
        const cell = byKey.get(key);
        const got = cell?.value ?? null;
        const flag = cell?.flag ?? 'missing';
        // A blank in a row placed by inference (its label unread) is inferred, and right as a value is.
        const right = expected === null ? got === null && (flag === 'blank' || flag === 'inferred' || notPrinted) : got === expected && (flag === 'ok' || flag === 'inferred');
        if (right) {
          score.right++;
          tableScore.right++;
          continue;
        }
        score.mismatches.push(`${key}: ${expected} → ${got} (${flag}, raw "${cell?.raw ?? ''}")`);
        const loud = flag === 'unreadable' || flag === 'inferred' || flag === 'missing' || failedCells.has(key);
        if (loud) {
          score.flagged++;
          tableScore.flagged++;
        } else {
          score.silent++;
          tableScore.silent++;
        }
      }
    }
  }
  return score;
}

/** Scores a record against its spec. */
export function scoreRecord(record: ReportRecord, spec: ReportSpec): RecordScore {
  const { byTable: _byTable, ...score } = scoreTables(record, { requests: spec.requests, reviews: spec.reviews, active: spec.active });
  return { ...score, metadataRight: record.template === spec.template && record.year === spec.year && record.agency === spec.agency };
}
