/**
 * The official tables of a generated report as logical merged-cell grids (templates.md §3–§5),
 * with printed-label variants (typos, numbering, spacing, traditional characters) drawn at random.
 */
import { ACTIVE_LAYOUT, REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_ROWS, type ActiveRow, type RequestRow } from '../schema/keys.js';
import { ACTIVE_ROW_SPECS, REQUEST_ROW_SPECS } from '../tables/templates.js';
import type { Random } from './random.js';
import type { ReportSpec, Value } from './values.js';

/** One cell of a logical table. `value` cells carry the number they print (null: blank). */
export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  kind: 'band' | 'header' | 'label' | 'group' | 'value';
  value?: Value;
}

export interface GridTable {
  name: 'active' | 'requests' | 'reviews';
  width: number;
  rows: GridCell[][];
}

const cell = (text: string, kind: GridCell['kind'], rowSpan = 1, colSpan = 1): GridCell => ({ text, rowSpan, colSpan, kind });

/** Prints a number as reports do: sometimes with a "+" on increases, thousands separators or 减. */
export function printValue(value: Value, random: Random, column: string, placeholders: readonly string[]): string {
  if (value === null) return random.pick(placeholders);
  if (column === 'change' && value > 0 && random.chance(0.5)) return `+${value}`;
  if (column === 'change' && value < 0 && random.chance(0.15)) return `减${-value}`;
  if (Math.abs(value) >= 10000 && Number.isInteger(value) && random.chance(0.2)) return value.toLocaleString('en-US');
  return String(value);
}

function valueCell(value: Value, random: Random, column: string, placeholders: readonly string[], colSpan = 1): GridCell {
  return { text: printValue(value, random, column, placeholders), rowSpan: 1, colSpan, kind: 'value', value };
}

const TYPOS: Partial<Record<string, readonly string[]>> = {
  carriedOver: ['二、上年转结政府信息公开申请数量'],
  deniedOtherLaws: ['2.其他法律行政止公开'],
  deniedThreeSafeties: ['3.危及"三安全一稳定"', '3.危及‘三安全一稳定’'],
  rejectedMassRepeated: ['4.无正当理由大量反复 申请'],
  rejectedConfirmReissue: ['5.要求行政机关确认或重 新出具已获取信息'],
  totalHandled: ['（七）总 计', '（七）合计', '（七）總計'],
  carriedForward: ['四、結轉下年度繼續辦理', '四、结转下年度继续办理'],
  fees: ['行政事业型收费'],
  regulations: ['规(guī)章'],
  otherHandling: ['（六）其他'],
};

/** A printed label: the official one, or now and then a variant real reports use. */
export function printedLabel(key: string, official: string, random: Random, variance: number): string {
  let label = official;
  const typo = TYPOS[key];
  if (typo && random.chance(variance)) label = random.pick(typo);
  if (random.chance(variance * 0.5)) label = label.replace(/^(\d)\./, random.pick(['$1、', '$1 .', '$1．', '']));
  if (random.chance(variance * 0.3)) label = label.replace(/（([一二三四五六七])）/, '($1)');
  if (random.chance(variance * 0.2) && [...label].length > 6) {
    const chars = [...label];
    const at = random.int(3, chars.length - 2);
    label = chars.slice(0, at).join('') + ' ' + chars.slice(at).join('');
  }
  return label;
}

function requestLabel(key: RequestRow): string {
  return REQUEST_ROW_SPECS.find((s) => s.key === key)?.label ?? key;
}

/** 三 as the official grid (3 label columns + 7 value columns). */
export function requestsGrid(spec: ReportSpec, random: Random, placeholders: readonly string[], variance: number): GridTable {
  const rows: GridCell[][] = [
    [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'header', 3, 3), cell('申请人情况', 'header', 1, 7)],
    [cell('自然人', 'header', 2), cell('法人或其他组织', 'header', 1, 5), cell('总计', 'header', 2)],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => cell(t, 'header')),
  ];
  const values = (key: RequestRow): GridCell[] =>
    REQUEST_COLUMNS.map((c) => valueCell((spec.requests[key] as Record<string, Value>)[c] ?? null, random, c, placeholders));
  const label = (key: RequestRow): string => printedLabel(key, requestLabel(key), random, variance);
  const resultRows = spec.requestRows.length - 3;
  const groups: Partial<Record<RequestRow, [string, number]>> = {
    deniedStateSecret: ['（三）不予公开', 8],
    unableNotHeld: ['（四）无法提供', 3],
    rejectedPetition: ['（五）不予处理', 5],
    otherNoCorrection: ['（六）其他处理', 3],
  };
  const inGroup = new Set<RequestRow>();
  for (const [first, [, span]] of Object.entries(groups) as [RequestRow, [string, number]][]) {
    const start = spec.requestRows.indexOf(first);
    if (start >= 0) spec.requestRows.slice(start, start + span).forEach((k) => inGroup.add(k));
  }
  for (const key of spec.requestRows) {
    const row: GridCell[] = [];
    if (key === 'newReceived' || key === 'carriedOver' || key === 'carriedForward') row.push(cell(label(key), 'label', 1, 3));
    else {
      if (key === 'granted') row.push(cell('三、本年度办理结果', 'group', resultRows));
      const group = groups[key];
      if (group) row.push(cell(group[0], 'group', group[1]));
      row.push(cell(label(key), 'label', 1, inGroup.has(key) ? 1 : 2));
    }
    rows.push([...row, ...values(key)]);
  }
  return { name: 'requests', width: 10, rows };
}

/** 四 as the official grid: 15 columns under a three-row header. */
export function reviewsGrid(spec: ReportSpec, random: Random, placeholders: readonly string[]): GridTable {
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const rows: GridCell[][] = [
    [cell('行政复议', 'header', 1, 5), cell('行政诉讼', 'header', 1, 10)],
    [...five.map((t) => cell(t, 'header', 2)), cell('未经复议直接起诉', 'header', 1, 5), cell('复议后起诉', 'header', 1, 5)],
    [...five, ...five].map((t) => cell(t, 'header')),
    REVIEW_ROWS.flatMap((r) => REVIEW_COLUMNS.map((c) => valueCell((spec.reviews[r] as Record<string, Value>)[c] ?? null, random, c, placeholders))),
  ];
  return { name: 'reviews', width: 15, rows };
}

const ACTIVE_BANDS: Record<'2019' | '2021', { band: string; headers: string[]; rows: ActiveRow[] }[]> = {
  '2019': [
    { band: '第二十条第（一）项', headers: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], rows: ['regulations', 'normativeDocuments'] },
    { band: '第二十条第（五）项', headers: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: ['licensing', 'otherServices'] },
    { band: '第二十条第（六）项', headers: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: ['penalty', 'coercion'] },
    { band: '第二十条第（八）项', headers: ['上一年项目数量', '本年增/减'], rows: ['fees'] },
    { band: '第二十条第（九）项', headers: ['采购项目数量', '采购总金额'], rows: ['procurement'] },
  ],
  '2021': [
    { band: '第二十条第（一）项', headers: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: ['regulations', 'normativeDocuments'] },
    { band: '第二十条第（五）项', headers: ['本年处理决定数量'], rows: ['licensing'] },
    { band: '第二十条第（六）项', headers: ['本年处理决定数量'], rows: ['penalty', 'coercion'] },
    { band: '第二十条第（八）项', headers: ['本年收费金额（单位：万元）'], rows: ['fees'] },
  ],
};

/** 二 as the official grid: bands of 4 columns; 3-column bands end in a merged cell. */
export function activeGrid(spec: ReportSpec, random: Random, placeholders: readonly string[], variance: number): GridTable {
  const rows: GridCell[][] = [];
  const layout = ACTIVE_LAYOUT[spec.template];
  for (const band of ACTIVE_BANDS[spec.template]) {
    rows.push([cell(band.band, 'band', 1, 4)]);
    const n = band.headers.length;
    // The last header (and value) cell of a band with fewer than 3 columns absorbs the rest.
    const spanOf = (i: number): number => (i === n - 1 ? 4 - n : 1);
    rows.push([cell('信息内容', 'header'), ...band.headers.map((h, i) => cell(h, 'header', 1, spanOf(i)))]);
    for (const key of band.rows) {
      const official = key === 'normativeDocuments' && spec.template === '2021' ? '行政规范性文件' : (ACTIVE_ROW_SPECS.find((s) => s.key === key)?.label ?? key);
      const columns = layout[key] ?? [];
      rows.push([
        cell(printedLabel(key, official, random, variance), 'label'),
        ...columns.map((c, i) => valueCell((spec.active[key] as Record<string, Value>)[c] ?? null, random, c, placeholders, spanOf(i))),
      ]);
    }
  }
  return { name: 'active', width: 4, rows };
}
