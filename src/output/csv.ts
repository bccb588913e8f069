/**
 * The dataset as CSV: wide tables (one line per report and table row), the long cells table with
 * provenance, and the checks. Each table is a header and a function from one record to its rows,
 * so the dataset can be written one record at a time. Nulls are empty fields.
 */
import { writeToString } from 'fast-csv';
import { ACTIVE_COLUMNS, REQUEST_COLUMNS, REVIEW_COLUMNS, type TableKey } from '../schema/keys.js';
import type { ReportRecord } from '../schema/records.js';

type Field = string | number | boolean | null;

/** One CSV output: its header and the rows one record contributes. */
export interface CsvTable {
  header: readonly string[];
  rows(record: ReportRecord): Field[][];
}

const REPORT_COLUMNS = ['id', 'path', 'agency', 'year', 'template', 'status'] as const;

function reportFields(record: ReportRecord): Field[] {
  return [record.id, record.source.path, record.agency, record.year, record.template, record.status];
}

/** The rows of a table that a record prints, in printed order (the order of its cells). */
function printedRows(record: ReportRecord, table: TableKey): string[] {
  return [...new Set(record.cells.filter((c) => c.table === table).map((c) => c.row))];
}

function wideTable(table: TableKey, columns: readonly string[]): CsvTable {
  return {
    header: [...REPORT_COLUMNS, 'row', ...columns],
    rows: (record) => {
      const values = record.tables[table] as Record<string, Record<string, number | null | undefined> | undefined>;
      return printedRows(record, table).map((row) => [...reportFields(record), row, ...columns.map((c) => values[row]?.[c] ?? null)]);
    },
  };
}

/** Every CSV file of the dataset, by file name. */
export const CSV_TABLES: Record<'requests.csv' | 'reviews.csv' | 'active.csv' | 'cells.csv' | 'checks.csv', CsvTable> = {
  'requests.csv': wideTable('requests', REQUEST_COLUMNS),
  'reviews.csv': wideTable('reviews', REVIEW_COLUMNS),
  'active.csv': wideTable('active', ACTIVE_COLUMNS),
  'cells.csv': {
    header: ['id', 'table', 'row', 'column', 'value', 'raw', 'flag', 'confidence', 'method', 'page', 'line', 'x0', 'y0', 'x1', 'y1', 'gridTable', 'gridRow', 'gridColumn'],
    rows: (r) =>
      r.cells.map((c) => [
        r.id,
        c.table,
        c.row,
        c.column,
        c.value,
        c.raw,
        c.flag,
        c.confidence,
        c.method,
        c.page,
        c.line ?? null,
        c.bbox?.x0 ?? null,
        c.bbox?.y0 ?? null,
        c.bbox?.x1 ?? null,
        c.bbox?.y1 ?? null,
        c.grid?.table ?? null,
        c.grid?.row ?? null,
        c.grid?.column ?? null,
      ]),
  },
  'checks.csv': {
    header: ['id', 'check', 'table', 'description', 'expected', 'actual', 'pass'],
    rows: (r) => r.checks.map((c) => [r.id, c.id, c.table, c.description, c.expected, c.actual, c.pass]),
  },
};

/** Text a spreadsheet would run as a formula (CSV injection): it starts with = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A field as written. For spreadsheets (`excel`) a text field that would start a formula gets a
 * leading apostrophe, shown by no spreadsheet app; numbers are numbers (a -3 stays -3).
 */
export function csvField(field: Field, excel: boolean): string | number | boolean {
  if (field === null) return '';
  if (excel && typeof field === 'string' && FORMULA_START.test(field)) return `'${field}`;
  return field;
}

/** CSV text of rows (RFC 4180 quoting), each line ended; `excel` escapes formula text (csvField). */
export async function csvLines(rows: readonly (readonly Field[])[], excel = false): Promise<string> {
  if (rows.length === 0) return '';
  return writeToString(
    rows.map((r) => r.map((f) => csvField(f, excel))),
    { includeEndRowDelimiter: true },
  );
}
