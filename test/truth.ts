/** Compares a record with a hand-checked truth file (the corpus's truth.json format). */
import type { ReportRecord } from '../src/schema/records.js';

/** A truth file: agency, year, template and the tables with null where the source is blank. */
export interface Truth {
  agency: string | null;
  year: number | null;
  template: '2019' | '2021' | null;
  tables: Record<string, Record<string, Record<string, number | null>>>;
}

/** Every truth cell compared with the record: the list of mismatches (empty when all are right). */
export function compareWithTruth(record: ReportRecord, truth: Truth): { cells: number; wrong: string[] } {
  const wrong: string[] = [];
  let cells = 0;
  for (const [table, rows] of Object.entries(truth.tables)) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, expected] of Object.entries(columns)) {
        cells++;
        const values = record.tables[table as keyof ReportRecord['tables']] as Record<string, Record<string, number | null | undefined> | undefined>;
        const got = values[row]?.[column] ?? null;
        if (got !== expected) wrong.push(`${table}.${row}.${column}: expected ${expected}, got ${got}`);
      }
    }
  }
  return { cells, wrong };
}

/** How a record reads a truth file, cell by cell (the rules of ../shared/tools/score.mjs). */
export interface TruthScore {
  /** Cells the source proves (truth not null). */
  cells: number;
  right: number;
  /** Wrong, but the record says so: null flagged unreadable or missing, or a value flagged inferred. */
  flagged: number;
  /** Wrong and not flagged: a wrong number, a printed number given as blank, a cell left out. */
  silent: number;
  /** Cells whose truth is null (the source proves no number) given a number. */
  nullGivenNumber: number;
  misses: string[];
}

/** Scores a record against a truth file: every provable cell, and no number where the truth is null. */
export function scoreAgainstTruth(record: ReportRecord, truth: Truth): TruthScore {
  const score: TruthScore = { cells: 0, right: 0, flagged: 0, silent: 0, nullGivenNumber: 0, misses: [] };
  const byKey = new Map(record.cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
  for (const [table, rows] of Object.entries(truth.tables)) {
    for (const [row, columns] of Object.entries(rows ?? {})) {
      for (const [column, expected] of Object.entries(columns ?? {})) {
        const key = `${table}.${row}.${column}`;
        const cell = byKey.get(key);
        if (expected === null) {
          if (typeof cell?.value === 'number') {
            score.nullGivenNumber++;
            score.misses.push(`${key}: truth null, got ${cell.value} (${cell.flag})`);
          }
          continue;
        }
        score.cells++;
        if (cell && cell.value !== null && Math.abs(cell.value - expected) < 1e-9) {
          score.right++;
          continue;
        }
        const flagged = cell !== undefined && (cell.flag === 'unreadable' || cell.flag === 'missing' || (cell.flag === 'inferred' && cell.value !== null));
        if (flagged) score.flagged++;
        else score.silent++;
        score.misses.push(`${key}: want ${expected}, got ${cell ? `${cell.value} (${cell.flag}, raw "${cell.raw}")` : 'absent'}${flagged ? '' : ' SILENT'}`);
      }
    }
  }
  return score;
}
