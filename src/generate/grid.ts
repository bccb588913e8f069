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
  /** `table.row.column` of a value cell: what the printed number must be read back as. */
  key?: string;
}

export interface GridTable {
  name: 'active' | 'requests' | 'reviews';
  width: number;
  rows: GridCell[][];
}

const cell = (text: string, kind: GridCell['kind'], rowSpan = 1, colSpan = 1): GridCell => ({ text, rowSpan, colSpan, kind });

/**
 * How one report prints its labels and numbers (the layouts of real reports; the six classic
 * layouts leave it out and keep their per-label variants).
 */
export interface PrintStyleOfReport {
  /** Third-level numbering: "1." printed as "1、", "①", "（1）"… */
  item: (n: number) => string;
  /** Second-level numbering in half-width brackets: (一) for （一）. */
  halfWidthBrackets: boolean;
  /** 总计 or 合计, in headers and in the row （七）. */
  totalWord: '总计' | '合计';
  /** Numbers printed bare: no thousands separators (a scraper glues cells, so a comma would be read as part of a number). */
  plainNumbers: boolean;
  /** The unit a 2019 采购总金额 cell carries ("2834.5元"), or none. */
  amountUnit: '' | '元';
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨';

/** A report's own numbering, total word and units, drawn once per report. */
export function randomReportStyle(random: Random, options: { plainNumbers: boolean }): PrintStyleOfReport {
  const items: ((n: number) => string)[] = [
    (n) => `${n}.`,
    (n) => `${n}、`,
    (n) => CIRCLED[n - 1] ?? `${n}.`,
    (n) => `（${n}）`,
    (n) => `${n}．`,
    (n) => `${n} .`,
  ];
  return {
    item: random.pick(items),
    halfWidthBrackets: random.chance(0.3),
    totalWord: random.chance(0.3) ? '合计' : '总计',
    plainNumbers: options.plainNumbers,
    amountUnit: random.chance(0.5) ? '元' : '',
  };
}

/** Prints a number as reports do: sometimes with a "+" on increases, thousands separators or 减. */
export function printValue(value: Value, random: Random, column: string, placeholders: readonly string[], style?: PrintStyleOfReport): string {
  if (value === null) return random.pick(placeholders);
  if (style?.plainNumbers) return column === 'change' && value > 0 && random.chance(0.5) ? `+${value}` : String(value) + (column === 'amount' ? style.amountUnit : '');
  if (column === 'amount' && style) return String(value) + style.amountUnit;
  if (column === 'change' && value > 0 && random.chance(0.5)) return `+${value}`;
  if (column === 'change' && value < 0 && random.chance(0.15)) return `减${-value}`;
  if (Math.abs(value) >= 10000 && Number.isInteger(value) && random.chance(0.2)) return value.toLocaleString('en-US');
  return String(value);
}

function valueCell(value: Value, random: Random, key: string, placeholders: readonly string[], colSpan = 1, style?: PrintStyleOfReport): GridCell {
  const column = key.split('.')[2] ?? '';
  return { text: printValue(value, random, column, placeholders, style), rowSpan: 1, colSpan, kind: 'value', value, key };
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

/** Applies a report's numbering and total word to a label. */
function styledLabel(label: string, style: PrintStyleOfReport): string {
  let out = label.replace(/^(\d)\./, (_, d: string) => style.item(Number(d))).replace(/总计|合计/g, style.totalWord);
  if (style.halfWidthBrackets) out = out.replace(/（([一二三四五六七])）/, '($1)');
  return out;
}

/** A printed label: the official one, or now and then a variant real reports use. */
export function printedLabel(key: string, official: string, random: Random, variance: number, style?: PrintStyleOfReport): string {
  let label = official;
  const typo = TYPOS[key];
  if (typo && random.chance(variance)) label = random.pick(typo);
  if (style) return spaceInside(styledLabel(STYLE_TYPOS[key] && random.chance(variance * 0.5) ? random.pick(STYLE_TYPOS[key]) : label, style), random, variance);
  if (random.chance(variance * 0.5)) label = label.replace(/^(\d)\./, random.pick(['$1、', '$1 .', '$1．', '']));
  if (random.chance(variance * 0.3)) label = label.replace(/（([一二三四五六七])）/, '($1)');
  return spaceInside(label, random, variance);
}

/** Now and then a space inside a label ("4.无正当理由大量反复 申请"). */
function spaceInside(label: string, random: Random, variance: number): string {
  if (!random.chance(variance * 0.2) || [...label].length <= 6) return label;
  const chars = [...label];
  const at = random.int(3, chars.length - 2);
  return chars.slice(0, at).join('') + ' ' + chars.slice(at).join('');
}

/** More variants of templates.md §7.2, drawn only for the layouts of real reports. */
const STYLE_TYPOS: Partial<Record<string, readonly string[]>> = {
  normativeDocuments: ['规范性文件'],
  deniedOtherLaws: ['2.其他法律行政法规禁止公开'],
  unableUnclear: ['3.补正后申请内容仍不明确的'],
  otherHandling: ['（六）其他'],
};

/** Header and band wording variants (templates.md §7.2), for the layouts of real reports. */
function styledHeader(text: string, random: Random, variance: number, style: PrintStyleOfReport | undefined): string {
  if (!style) return text;
  let out = text.replace(/总计/g, style.totalWord);
  if (style.halfWidthBrackets) out = out.replace(/（/g, '(').replace(/）/g, ')');
  if (!random.chance(variance * 0.3)) return out;
  return out
    .replace(/^第二十条第(.)一(.)项$/, '第二十一条第$1一$2项')
    .replace(/^([（(])本列数据/, (_, b: string) => `${b}本列${b === '(' ? ')' : '）'}数据`)
    .replace('现行有效件数', '现行有效件');
}

function requestLabel(key: RequestRow): string {
  return REQUEST_ROW_SPECS.find((s) => s.key === key)?.label ?? key;
}

/** 三 as the official grid (3 label columns + 7 value columns). */
export function requestsGrid(spec: ReportSpec, random: Random, placeholders: readonly string[], variance: number, style?: PrintStyleOfReport): GridTable {
  const header = (text: string): string => styledHeader(text, random, variance, style);
  const rows: GridCell[][] = [
    [cell(header('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), 'header', 3, 3), cell('申请人情况', 'header', 1, 7)],
    [cell('自然人', 'header', 2), cell('法人或其他组织', 'header', 1, 5), cell(header('总计'), 'header', 2)],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => cell(t, 'header')),
  ];
  const values = (key: RequestRow): GridCell[] =>
    REQUEST_COLUMNS.map((c) => valueCell((spec.requests[key] as Record<string, Value>)[c] ?? null, random, `requests.${key}.${c}`, placeholders, 1, style));
  const label = (key: RequestRow): string => printedLabel(key, requestLabel(key), random, variance, style);
  const group = (text: string): string => (style ? styledLabel(text, style) : text);
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
      const groupCell = groups[key];
      if (groupCell) row.push(cell(group(groupCell[0]), 'group', groupCell[1]));
      row.push(cell(label(key), 'label', 1, inGroup.has(key) ? 1 : 2));
    }
    rows.push([...row, ...values(key)]);
  }
  return { name: 'requests', width: 10, rows };
}

/** 四 as the official grid: 15 columns under a three-row header. */
export function reviewsGrid(spec: ReportSpec, random: Random, placeholders: readonly string[], style?: PrintStyleOfReport): GridTable {
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', style?.totalWord ?? '总计'];
  const rows: GridCell[][] = [
    [cell('行政复议', 'header', 1, 5), cell('行政诉讼', 'header', 1, 10)],
    [...five.map((t) => cell(t, 'header', 2)), cell('未经复议直接起诉', 'header', 1, 5), cell('复议后起诉', 'header', 1, 5)],
    [...five, ...five].map((t) => cell(t, 'header')),
    REVIEW_ROWS.flatMap((r) => REVIEW_COLUMNS.map((c) => valueCell((spec.reviews[r] as Record<string, Value>)[c] ?? null, random, `reviews.${r}.${c}`, placeholders, 1, style))),
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
export function activeGrid(spec: ReportSpec, random: Random, placeholders: readonly string[], variance: number, style?: PrintStyleOfReport): GridTable {
  const rows: GridCell[][] = [];
  const layout = ACTIVE_LAYOUT[spec.template];
  for (const band of ACTIVE_BANDS[spec.template]) {
    rows.push([cell(styledHeader(band.band, random, variance, style), 'band', 1, 4)]);
    const n = band.headers.length;
    // The last header (and value) cell of a band with fewer than 3 columns absorbs the rest.
    const spanOf = (i: number): number => (i === n - 1 ? 4 - n : 1);
    rows.push([cell('信息内容', 'header'), ...band.headers.map((h, i) => cell(styledHeader(h, random, variance, style), 'header', 1, spanOf(i)))]);
    for (const key of band.rows) {
      const official = key === 'normativeDocuments' && spec.template === '2021' ? '行政规范性文件' : (ACTIVE_ROW_SPECS.find((s) => s.key === key)?.label ?? key);
      const columns = layout[key] ?? [];
      rows.push([
        cell(printedLabel(key, official, random, variance, style), 'label'),
        ...columns.map((c, i) => valueCell((spec.active[key] as Record<string, Value>)[c] ?? null, random, `active.${key}.${c}`, placeholders, spanOf(i), style)),
      ]);
    }
  }
  return { name: 'active', width: 4, rows };
}

/** Cells of each grid row in order: the cells that start in that row, and what covers the rest. */
export function ownCells(table: GridTable): { cells: GridCell[]; coveredLeft: number }[] {
  const covered: number[] = new Array<number>(table.width).fill(0);
  return table.rows.map((row) => {
    let col = 0;
    let coveredLeft = 0;
    for (const c of row) {
      while ((covered[col] ?? 0) > 0) {
        if (c === row[0]) coveredLeft++;
        col++;
      }
      for (let k = 0; k < c.colSpan; k++) covered[col + k] = c.rowSpan;
      col += c.colSpan;
    }
    for (let k = 0; k < covered.length; k++) covered[k] = Math.max(0, (covered[k] ?? 0) - 1);
    return { cells: row, coveredLeft };
  });
}

/** The full grid (covered positions empty), as a Markdown converter writes it. */
export function expandGrid(table: GridTable): string[][] {
  const grid: (string | undefined)[][] = table.rows.map(() => new Array<string | undefined>(table.width).fill(undefined));
  table.rows.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      while (grid[r]?.[col] !== undefined) col++;
      for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) if (grid[r + dr]) (grid[r + dr] as (string | undefined)[])[col + dc] = dr === 0 && dc === 0 ? c.text : '';
      col += c.colSpan;
    }
  });
  return grid.map((row) => row.map((c) => c ?? ''));
}
