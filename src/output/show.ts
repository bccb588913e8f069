/**
 * `nianbao show <file>`: one report's three tables laid out as the official forms print them, in
 * the terminal, each cell marked by its flag, so a result can be checked without opening JSON.
 */
import { closeOcr } from '../extract/ocr/lifecycle.js';
import { processFile } from '../pipeline.js';
import { ACTIVE_LAYOUT, REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_ROWS, type TableKey, type TemplateId } from '../schema/keys.js';
import type { CellRecord, ReportRecord } from '../schema/records.js';
import { CODEBOOK, TABLE_TITLES, columnLabel, rowLabel } from './codebook.js';

/** How each flag is marked after a cell's value. */
const MARKS: Record<string, string> = { ok: '', blank: '', inferred: '*', corrected: '~', unreadable: '?', missing: '!' };
const LEGEND = '— printed blank   * inferred   ~ corrected   ? unreadable   ! missing (not in the source)';

/** Columns a terminal gives a text (Han characters and full-width forms take two). */
function widthOf(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return right ? fill + text : text + fill;
}

/** A cell as shown: its value (or — for a printed blank) and its flag's mark; a cell of the form the record lacks is missing. */
function shownCell(cell: CellRecord | undefined): string {
  if (!cell) return MARKS.missing ?? '!';
  const value = cell.value === null ? (cell.flag === 'blank' ? '—' : '') : String(cell.value);
  return value + (MARKS[cell.flag] ?? '');
}

/** The rows and columns a table prints in a format. */
function layoutOf(table: TableKey, template: TemplateId): { rows: string[]; columns: string[] } {
  if (table === 'requests') return { rows: [...new Set(CODEBOOK.filter((e) => e.table === 'requests' && e.templates.includes(template)).map((e) => e.row))], columns: [...REQUEST_COLUMNS] };
  if (table === 'reviews') return { rows: [...REVIEW_ROWS], columns: [...REVIEW_COLUMNS] };
  const layout = ACTIVE_LAYOUT[template];
  return { rows: Object.keys(layout), columns: [...new Set(Object.values(layout).flat())] };
}

/** The text of one table. */
export function tableText(record: ReportRecord, table: TableKey): string {
  const template = record.template ?? '2021';
  const { rows, columns } = layoutOf(table, template);
  const cells = new Map(record.cells.filter((c) => c.table === table).map((c) => [`${c.row}.${c.column}`, c]));
  const header = ['', ...columns.map((c) => columnLabel(table, c, template).replace(/^.*·/, ''))];
  const printed = new Set(CODEBOOK.filter((e) => e.table === table && e.templates.includes(template)).map((e) => `${e.row}.${e.column}`));
  const body = rows.map((row) => [rowLabel(table, row, template) ?? row, ...columns.map((c) => (printed.has(`${row}.${c}`) ? shownCell(cells.get(`${row}.${c}`)) : ''))]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((line) => widthOf(line[i] ?? ''))));
  const line = (fields: string[]): string => fields.map((f, i) => pad(f, widths[i] ?? 0, i > 0)).join(' │ ').trimEnd();
  return [TABLE_TITLES[table], line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n') + '\n';
}

/** The whole report as text: who, which year, status, the tables, the failed checks and the issues. */
export function reportText(record: ReportRecord): string {
  const parts = [
    `${record.agency ?? '(agency unknown)'} · ${record.year ?? '(year unknown)'} · format ${record.template ?? '?'} · ${record.status}${record.sourceErrors > 0 ? ` · ${record.sourceErrors} errors in the source's own totals` : ''}`,
    `${record.source.path} (${record.source.format}, id ${record.id})`,
    '',
    ...(['active', 'requests', 'reviews'] as const).map((t) => tableText(record, t)),
    LEGEND,
  ];
  const failed = record.checks.filter((c) => !c.pass);
  if (failed.length > 0) parts.push('', 'Failed checks:', ...failed.map((c) => `  ${c.id}: ${c.description}: printed ${c.expected}, computed ${c.actual}`));
  if (record.issues.length > 0) parts.push('', 'Issues:', ...record.issues.map((i) => `  ${i.severity} ${i.code}: ${i.message}`));
  return parts.join('\n') + '\n';
}

/** Prints one report; returns the exit code (1 when the file yields no record). */
export async function showReport(path: string, options: { json: boolean }): Promise<number> {
  try {
    const result = await processFile(path);
    if (result.record === null) {
      process.stderr.write(`nianbao: ${path}: ${result.manifest.error}: ${result.manifest.issues[0]?.message ?? ''}\n`);
      return 1;
    }
    process.stdout.write(options.json ? JSON.stringify(result.record, null, 2) + '\n' : reportText(result.record));
    return result.record.status === 'failed' ? 1 : 0;
  } finally {
    await closeOcr();
  }
}
