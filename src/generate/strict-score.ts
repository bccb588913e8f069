/**
 * Every printed cell of a record against its truth, strictly (issue 16), with the page it was
 * read from, so a bench can count cells per scan condition:
 *   right   — the printed number (or a printed blank: null flagged blank or inferred);
 *   flagged — not read, and the record says so: null flagged unreadable or missing, or left out
 *             under an error issue naming its row or table (or a failed record);
 *   silent  — a wrong number whatever its flag, a printed number given null without an
 *             unreadable/missing flag, a cell absent from the record, a printed blank given a number.
 * Stricter than scoreTables, where a wrong number flagged inferred or failing a check is flagged.
 */
import type { ReportRecord } from '../schema/records.js';
import type { ValueTable } from './values.js';

export type StrictOutcome = 'right' | 'flagged' | 'silent';

export interface CellOutcome {
  key: string;
  table: string;
  /** The page the cell was read from; a cell left out counts on the page most of its table came from. */
  page: number;
  expected: number | null;
  got: number | null;
  flag: string | null;
  raw: string | null;
  outcome: StrictOutcome;
}

/** The outcome of every cell of `truth` (table → row → column → printed value). */
export function strictCellOutcomes(record: ReportRecord, truth: Readonly<Record<string, ValueTable>>): CellOutcome[] {
  const byKey = new Map(record.cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
  const errorPaths = new Set(record.issues.filter((i) => i.severity === 'error' && i.path).map((i) => (i.path as string[]).join('.')));
  const reportedMissing = (table: string, row: string): boolean => record.status === 'failed' || errorPaths.has(table) || errorPaths.has(`${table}.${row}`);
  const out: CellOutcome[] = [];
  for (const [table, rows] of Object.entries(truth)) {
    const page = mostCommonPage(record, table);
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, expected] of Object.entries(columns)) {
        const key = `${table}.${row}.${column}`;
        const cell = byKey.get(key);
        const got = cell?.value ?? null;
        const flag: string | null = cell?.flag ?? null;
        let outcome: StrictOutcome;
        if (!cell) outcome = reportedMissing(table, row) ? 'flagged' : 'silent';
        else if (typeof got === 'number') outcome = got !== expected ? 'silent' : flag === 'ok' || flag === 'inferred' ? 'right' : 'flagged';
        else if (expected === null) outcome = flag === 'blank' || flag === 'inferred' ? 'right' : 'flagged';
        else outcome = flag === 'unreadable' || flag === 'missing' ? 'flagged' : 'silent';
        out.push({ key, table, page: cell?.page ?? page, expected, got, flag, raw: cell?.raw ?? null, outcome });
      }
    }
  }
  return out;
}

/** The page most of a table's cells were read from (1 when none was). */
function mostCommonPage(record: ReportRecord, table: string): number {
  const counts = new Map<number, number>();
  for (const c of record.cells) if (c.table === table && c.page !== null) counts.set(c.page, (counts.get(c.page) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
}
