/**
 * The dataset as CSV: wide tables (one line per report and table row), the long cells table with
 * provenance, and the checks. Nulls are empty fields; `excel` adds a BOM for spreadsheet apps.
 */
import { writeToString } from 'fast-csv';
import { ACTIVE_COLUMNS, REQUEST_COLUMNS, REVIEW_COLUMNS, type TableKey } from '../schema/keys.js';
import type { ReportRecord } from '../schema/records.js';

type Field = string | number | boolean | null;

const REPORT_COLUMNS = ['id', 'path', 'agency', 'year', 'template', 'status'] as const;

function reportFields(record: ReportRecord): Field[] {
  return [record.id, record.source.path, record.agency, record.year, record.template, record.status];
}

async function toCsv(header: readonly string[], rows: Field[][], excel: boolean): Promise<string> {
  const body = await writeToString([header as string[], ...rows.map((r) => r.map((f) => (f === null ? '' : f)))], {
    includeEndRowDelimiter: true,
  });
  return (excel ? '\ufeff' : '') + body;
}

/** The rows of a table that a record prints, in printed order (the order of its cells). */
function printedRows(record: ReportRecord, table: TableKey): string[] {
  return [...new Set(record.cells.filter((c) => c.table === table).map((c) => c.row))];
}

/** A wide CSV of one table: report columns, `row`, then the table's columns. */
export async function wideTableCsv(records: readonly ReportRecord[], table: TableKey, excel = false): Promise<string> {
  const columns: readonly string[] = table === 'requests' ? REQUEST_COLUMNS : table === 'reviews' ? REVIEW_COLUMNS : ACTIVE_COLUMNS;
  const rows: Field[][] = [];
  for (const record of records) {
    const values = record.tables[table] as Record<string, Record<string, number | null | undefined> | undefined>;
    for (const row of printedRows(record, table)) {
      rows.push([...reportFields(record), row, ...columns.map((c) => values[row]?.[c] ?? null)]);
    }
  }
  return toCsv([...REPORT_COLUMNS, 'row', ...columns], rows, excel);
}

/** The long cells CSV: one line per cell with its provenance. */
export async function cellsCsv(records: readonly ReportRecord[], excel = false): Promise<string> {
  const header = ['id', 'table', 'row', 'column', 'value', 'raw', 'flag', 'confidence', 'method', 'page', 'line', 'x0', 'y0', 'x1', 'y1', 'gridTable', 'gridRow', 'gridColumn'];
  const rows: Field[][] = records.flatMap((r) =>
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
  );
  return toCsv(header, rows, excel);
}

/** The checks CSV: one line per evaluated identity. */
export async function checksCsv(records: readonly ReportRecord[], excel = false): Promise<string> {
  const header = ['id', 'check', 'table', 'description', 'expected', 'actual', 'pass'];
  const rows: Field[][] = records.flatMap((r) => r.checks.map((c) => [r.id, c.id, c.table, c.description, c.expected, c.actual, c.pass]));
  return toCsv(header, rows, excel);
}
