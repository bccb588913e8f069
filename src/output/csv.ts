/**
 * The dataset as CSV: wide tables (one line per report and table row), the long cells table with
 * provenance, and the checks. Each table is a header and a function from one record to its rows,
 * so the dataset can be written one record at a time. Nulls are empty fields.
 */
import { writeToString } from 'fast-csv';
import { ACTIVE_COLUMNS, REQUEST_COLUMNS, REVIEW_COLUMNS, type TableKey } from '../schema/keys.js';
import { FlagSchema, type ReportRecord } from '../schema/records.js';
import type { ManifestEntry } from '../schema/result.js';
import { CODEBOOK, rowLabel } from './codebook.js';

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

/**
 * Every cell of a record by `table.row.column` with its flag: its cells, plus each cell of its
 * format's form that the record lacks, as `missing` (the contract wants one; a record without it
 * must not read as fully read).
 */
function cellFlags(record: ReportRecord): Map<string, string> {
  const flags = new Map(record.cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c.flag as string]));
  if (record.template === null) return flags;
  for (const e of CODEBOOK) {
    const key = `${e.table}.${e.row}.${e.column}`;
    if (e.templates.includes(record.template) && !flags.has(key)) flags.set(key, 'missing');
  }
  return flags;
}

/** The rows of a table that a record prints, in printed order: its format's rows, else the rows of its cells. */
function printedRows(record: ReportRecord, table: TableKey): string[] {
  const template = record.template;
  if (template !== null) return [...new Set(CODEBOOK.filter((e) => e.table === table && e.templates.includes(template)).map((e) => e.row))];
  return [...new Set(record.cells.filter((c) => c.table === table).map((c) => c.row))];
}

/** Flags that leave a cell without a read value: its empty field is not a printed blank. */
const UNREAD_FLAGS = new Set(['unreadable', 'missing']);

/**
 * One line per report and printed row: the values, the row's printed label, and `unread`, the
 * columns whose empty field is a cell nianbao could not read (`unreadable`) or did not find
 * (`missing`), space-separated, so an empty field is never summed as 0 unknowingly.
 */
function wideTable(table: TableKey, columns: readonly string[]): CsvTable {
  return {
    header: [...REPORT_COLUMNS, 'row', 'label', ...columns, 'unread'],
    rows: (record) => {
      const values = record.tables[table] as Record<string, Record<string, number | null | undefined> | undefined>;
      const flags = cellFlags(record);
      return printedRows(record, table).map((row) => {
        const unread = columns.filter((c) => UNREAD_FLAGS.has(flags.get(`${table}.${row}.${c}`) ?? ''));
        return [...reportFields(record), row, rowLabel(table, row, record.template), ...columns.map((c) => values[row]?.[c] ?? null), unread.join(' ')];
      });
    },
  };
}

/**
 * reports.csv: one line per input (a file that could not be read included): what it is, its
 * status, the source's own errors, its cells counted by flag, the checks that failed, and the
 * error code of a failed file.
 */
export const REPORTS_CSV = {
  header: ['id', 'path', 'format', 'agency', 'year', 'template', 'status', 'error', 'sourceErrors', ...FlagSchema.options.map((f) => `cells_${f}`), 'failedChecks', 'issues', 'duplicateOf'],
  row(entry: ManifestEntry, record: ReportRecord | null): Field[] {
    const all = record ? [...cellFlags(record).values()] : [];
    const flags = FlagSchema.options.map((f) => (record ? all.filter((flag) => flag === f).length : null));
    return [
      entry.id,
      entry.path,
      entry.format,
      record?.agency ?? null,
      record?.year ?? null,
      record?.template ?? null,
      entry.status,
      entry.error,
      record?.sourceErrors ?? null,
      ...flags,
      record ? record.checks.filter((c) => !c.pass).map((c) => c.id).join(' ') : null,
      [...new Set(entry.issues.map((i) => i.code))].join(' '),
      entry.duplicateOf ?? null,
    ];
  },
};

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
