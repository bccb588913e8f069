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
