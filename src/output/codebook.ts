/**
 * What every table, row and column of the dataset means: its key, its printed Chinese label (with
 * the form's numbering) and its unit, for both official formats (dataset.md). Written with every
 * dataset as codebook.csv, used for the `label` column of the wide CSVs, `nianbao show` and the
 * descriptions of `nianbao schema`.
 */
import { ACTIVE_LAYOUT, REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_ROWS, type TableKey, type TemplateId } from '../schema/keys.js';
import { ACTIVE_ROW_SPECS, REQUEST_ROW_SPECS } from '../tables/templates.js';

/** The printed title of each table. */
export const TABLE_TITLES: Record<TableKey, string> = {
  active: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  reviews: '四、政府信息公开行政复议、行政诉讼情况',
};

const REQUEST_COLUMN_LABELS: Record<string, string> = {
  naturalPerson: '自然人',
  commercial: '法人或其他组织·商业企业',
  research: '法人或其他组织·科研机构',
  socialWelfare: '法人或其他组织·社会公益组织',
  legalServices: '法人或其他组织·法律服务机构',
  otherOrg: '法人或其他组织·其他',
  total: '总计',
};

const REVIEW_ROW_LABELS: Record<string, string> = { review: '行政复议', litigationDirect: '行政诉讼·未经复议直接起诉', litigationAfterReview: '行政诉讼·复议后起诉' };
const REVIEW_COLUMN_LABELS: Record<string, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' };

const ACTIVE_COLUMN_LABELS: Record<string, string> = {
  newlyMade: '本年新制作数量',
  newlyPublished: '本年新公开数量',
  totalPublished: '对外公开总数量',
  previousCount: '上一年项目数量',
  change: '本年增/减',
  decisions: '处理决定数量',
  count: '采购项目数量',
  amount: '金额',
  issued: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
};

/** One line of the codebook. */
export interface CodebookEntry {
  table: TableKey;
  /** The formats that print this cell. */
  templates: readonly TemplateId[];
  row: string;
  rowLabel: string;
  column: string;
  columnLabel: string;
  unit: string;
}

/** 二's units: money in 万元, documents and decisions in 件, items (licences, fees, purchases) in 项. */
function activeUnit(row: string, column: string, template: TemplateId): string {
  if (column === 'amount') return '万元';
  if (row === 'regulations' || row === 'normativeDocuments' || template === '2021' || column === 'decisions') return '件';
  return '项';
}

function build(): CodebookEntry[] {
  const entries: CodebookEntry[] = [];
  for (const template of ['2019', '2021'] as const) {
    for (const spec of ACTIVE_ROW_SPECS) {
      for (const column of ACTIVE_LAYOUT[template][spec.key] ?? []) {
        const label = spec.key === 'normativeDocuments' && template === '2021' ? '行政规范性文件' : spec.label;
        const columnLabel = column === 'amount' ? (spec.key === 'fees' ? '本年收费金额' : '采购总金额') : column === 'decisions' && template === '2021' ? '本年处理决定数量' : ACTIVE_COLUMN_LABELS[column] ?? column;
        entries.push({ table: 'active', templates: [template], row: spec.key, rowLabel: label, column, columnLabel, unit: activeUnit(spec.key, column, template) });
      }
    }
  }
  for (const spec of REQUEST_ROW_SPECS) {
    for (const column of REQUEST_COLUMNS) {
      entries.push({ table: 'requests', templates: spec.templates, row: spec.key, rowLabel: spec.label, column, columnLabel: REQUEST_COLUMN_LABELS[column] ?? column, unit: '件' });
    }
  }
  for (const row of REVIEW_ROWS) {
    for (const column of REVIEW_COLUMNS) {
      entries.push({ table: 'reviews', templates: ['2019', '2021'], row, rowLabel: REVIEW_ROW_LABELS[row] ?? row, column, columnLabel: REVIEW_COLUMN_LABELS[column] ?? column, unit: '件' });
    }
  }
  return entries;
}

/** Every cell of both formats, in printed order (二 of 2019, 二 of 2021, 三, 四). */
export const CODEBOOK: readonly CodebookEntry[] = build();

/** The printed label of a row (with its numbering) in a format; null for a key no format prints. */
export function rowLabel(table: TableKey, row: string, template: TemplateId | null): string | null {
  const entry = CODEBOOK.find((e) => e.table === table && e.row === row && (template === null || e.templates.includes(template))) ?? CODEBOOK.find((e) => e.table === table && e.row === row);
  return entry?.rowLabel ?? null;
}

/** The printed label of a column of a table (the 2019 wording where formats differ, unless `template` says). */
export function columnLabel(table: TableKey, column: string, template: TemplateId | null = null): string {
  const entry = CODEBOOK.find((e) => e.table === table && e.column === column && (template === null || e.templates.includes(template)));
  return entry?.columnLabel ?? column;
}

/** codebook.csv's header and lines. */
export const CODEBOOK_HEADER = ['table', 'tableTitle', 'templates', 'row', 'rowLabel', 'column', 'columnLabel', 'unit'] as const;

export function codebookRows(): string[][] {
  return CODEBOOK.map((e) => [e.table, TABLE_TITLES[e.table], e.templates.join(' '), e.row, e.rowLabel, e.column, e.columnLabel, e.unit]);
}
