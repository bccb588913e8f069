/**
 * Tables 二, 三 and 四 of one report laid out as the official forms print them (templates.md §3–§5):
 * 三 with its three label columns and the 法人或其他组织 group, 四 as the one row of 15 under its
 * two header rows, 二 in its 第二十条 sections. Every value cell carries its flag as a class, the
 * failed-check mark, and its key (`table.row.column`) for the provenance panel.
 */
import {
  ACTIVE_LAYOUT,
  REQUEST_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  type ActiveColumn,
  type ActiveRow,
  type RequestRow,
  type TableKey,
  type TemplateId,
} from '../schema/keys.js';
import { CODEBOOK, columnLabel, rowLabel, TABLE_TITLES } from '../output/codebook.js';
import type { CellRecord, ReportRecord } from '../schema/records.js';
import { REQUEST_ROW_SPECS } from '../tables/templates.js';
import { escapeHtml } from './html.js';

/** 二's sections: the 第二十条 item each group of rows is printed under. */
const ACTIVE_SECTIONS: readonly { item: string; rows: readonly ActiveRow[] }[] = [
  { item: '第二十条第（一）项', rows: ['regulations', 'normativeDocuments'] },
  { item: '第二十条第（五）项', rows: ['licensing', 'otherServices'] },
  { item: '第二十条第（六）项', rows: ['penalty', 'coercion'] },
  { item: '第二十条第（八）项', rows: ['fees'] },
  { item: '第二十条第（九）项', rows: ['procurement'] },
];

/** 三's label groups: a row's group cell spans every printed row of the group. */
const REQUEST_GROUPS: readonly { label: string; test: RegExp }[] = [
  { label: '（三）不予公开', test: /^denied/ },
  { label: '（四）无法提供', test: /^unable/ },
  { label: '（五）不予处理', test: /^rejected/ },
  { label: '（六）其他处理', test: /^other(?:NoCorrection|NoFee|Other)$/ },
];
const OUTCOME = /^(?:granted|partiallyGranted|denied|unable|rejected|other|totalHandled)/;

/** A column heading of 二 as the form prints it for a row (金额 is 采购总金额 or 本年收费金额 by row), with its unit when money. */
function activeColumnLabel(row: ActiveRow, column: ActiveColumn, template: TemplateId): string {
  const entry = CODEBOOK.find((e) => e.table === 'active' && e.row === row && e.column === column && e.templates.includes(template));
  return entry ? `${entry.columnLabel}${entry.unit === '万元' ? '（万元）' : ''}` : column;
}

/** The cells of a record by `table.row.column`. */
export function cellsByKey(record: ReportRecord): Map<string, CellRecord> {
  return new Map(record.cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
}

/** What a cell shows: the number, the printed blank, or a mark for what could not be read. */
function shown(cell: CellRecord): string {
  if (cell.value !== null) return String(cell.value);
  if (cell.flag === 'missing') return '∅';
  if (cell.flag === 'unreadable') return cell.raw.trim() === '' ? '?' : `? ${cell.raw.trim()}`;
  return cell.raw.trim() === '' ? '' : cell.raw.trim();
}

type CellHtml = (table: TableKey, row: string, column: string) => string;

function cellRenderer(record: ReportRecord, failedKeys: ReadonlySet<string>): CellHtml {
  const cells = cellsByKey(record);
  return (table, row, column) => {
    const key = `${table}.${row}.${column}`;
    const cell = cells.get(key);
    if (!cell) return `<td class="cell flag-missing" data-key="${escapeHtml(key)}" title="no cell in the record">∅</td>`;
    const failed = failedKeys.has(key) ? ' failed-check' : '';
    return `<td class="cell flag-${cell.flag}${failed}" data-key="${escapeHtml(key)}" data-flag="${cell.flag}" tabindex="0">${escapeHtml(shown(cell))}</td>`;
  };
}

function printedRows(record: ReportRecord, table: TableKey): Set<string> {
  return new Set(record.cells.filter((c) => c.table === table).map((c) => c.row));
}

/** 三 as printed: 申请人情况 header over 自然人, the 法人或其他组织 group and 总计; three label columns. */
function requestsForm(record: ReportRecord, cell: CellHtml): string {
  const printed = printedRows(record, 'requests');
  const rows = REQUEST_ROW_SPECS.filter((s) => printed.has(s.key));
  if (rows.length === 0) return '<p class="muted">table 三 was not found in this report</p>';
  const outcomeRows = rows.filter((r) => OUTCOME.test(r.key)).length;
  const header = `<tr><th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7">申请人情况</th></tr>
<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>
<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>`;
  const body: string[] = [];
  let outcomeOpened = false;
  const groupOpened = new Set<string>();
  for (const spec of rows) {
    const labels: string[] = [];
    const key: RequestRow = spec.key;
    if (OUTCOME.test(key)) {
      if (!outcomeOpened) labels.push(`<th rowspan="${outcomeRows}" class="group">三、本年度办理结果</th>`);
      outcomeOpened = true;
      const group = REQUEST_GROUPS.find((g) => g.test.test(key));
      if (group) {
        if (!groupOpened.has(group.label)) labels.push(`<td class="label" rowspan="${rows.filter((r) => group.test.test(r.key)).length}">${group.label}</td>`);
        groupOpened.add(group.label);
        labels.push(`<td class="label">${escapeHtml(spec.label)}</td>`);
      } else {
        labels.push(`<td class="label" colspan="2">${escapeHtml(spec.label)}</td>`);
      }
    } else {
      labels.push(`<td class="label" colspan="3">${escapeHtml(spec.label)}</td>`);
    }
    body.push(`<tr data-row="${key}">${labels.join('')}${REQUEST_COLUMNS.map((c) => cell('requests', key, c)).join('')}</tr>`);
  }
  return `<table class="form" id="form-requests">${header}${body.join('\n')}</table>`;
}

/** 四 as printed: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), five results each, one row of 15. */
function reviewsForm(record: ReportRecord, cell: CellHtml): string {
  if (printedRows(record, 'reviews').size === 0) return '<p class="muted">table 四 was not found in this report</p>';
  const five = REVIEW_COLUMNS.map((c) => `<th>${escapeHtml(columnLabel('reviews', c))}</th>`).join('');
  return `<table class="form" id="form-reviews">
<tr><th colspan="5" rowspan="2">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${five}${five}${five}</tr>
<tr>${REVIEW_ROWS.flatMap((row) => REVIEW_COLUMNS.map((c) => cell('reviews', row, c))).join('')}</tr>
</table>`;
}

/** 二 in its sections, each with its own header row, as the format of the report prints them. */
function activeForm(record: ReportRecord, cell: CellHtml): string {
  const printed = printedRows(record, 'active');
  if (printed.size === 0 || record.template === null) return '<p class="muted">table 二 was not found in this report</p>';
  const layout = ACTIVE_LAYOUT[record.template];
  const template = record.template;
  const label = (row: ActiveRow): string => rowLabel('active', row, template) ?? row;
  const sections = ACTIVE_SECTIONS.map((section) => {
    const rows = section.rows.filter((r) => layout[r] && printed.has(r));
    if (rows.length === 0) return '';
    const columns = layout[rows[0] as ActiveRow] ?? [];
    return `<tr><th colspan="${columns.length + 1}">${section.item}</th></tr>
<tr><th>信息内容</th>${columns.map((c) => `<th>${escapeHtml(activeColumnLabel(rows[0] as ActiveRow, c, template))}</th>`).join('')}</tr>
${rows.map((r) => `<tr data-row="${r}"><td class="label">${escapeHtml(label(r))}</td>${columns.map((c) => cell('active', r, c)).join('')}</tr>`).join('\n')}`;
  });
  return `<table class="form" id="form-active">${sections.join('\n')}</table>`;
}

/** The three forms of a record, 二 then 三 then 四, with `failedKeys` (cells of failed checks) marked. */
export function renderForms(record: ReportRecord, failedKeys: ReadonlySet<string>): string {
  const cell = cellRenderer(record, failedKeys);
  return `<h2>${TABLE_TITLES.active}</h2>${activeForm(record, cell)}
<h2>${TABLE_TITLES.requests}</h2>${requestsForm(record, cell)}
<h2>${TABLE_TITLES.reviews}</h2>${reviewsForm(record, cell)}`;
}
