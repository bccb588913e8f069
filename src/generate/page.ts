/** The parts of a report page every layout prints: title, preamble, section headings, 四 split in three. */
import type { GridTable } from './grid.js';
import type { Random } from './random.js';
import type { ReportSpec } from './values.js';

export const HEADINGS = {
  overview: ['一、总体情况'],
  active: ['二、主动公开政府信息情况'],
  requests: ['三、收到和处理政府信息公开申请情况'],
  reviews: ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  problems: ['五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况'],
  other: ['六、其他需要报告的事项'],
};

export interface Section {
  heading: string;
  paragraphs: string[];
  table?: GridTable | GridTable[];
}

export function titleLines(spec: ReportSpec, random: Random): string[] {
  const style = random.int(0, 2);
  if (style === 0) return [`${spec.agency}${spec.year}年政府信息公开工作年度报告`];
  if (style === 1) return [spec.agency, `${spec.year}年政府信息公开工作年度报告`];
  return [`${spec.agency}${spec.year}年度政府信息公开工作年度报告`];
}

/** 四 printed as three 5-column tables (templates.md §7.3). */
export function splitReviews(table: GridTable, totalWord = '总计'): GridTable[] {
  const values = table.rows[3] ?? [];
  const groups = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
  return groups.map((g, i) => ({
    name: 'reviews',
    width: 5,
    rows: [
      [{ text: g, rowSpan: 1, colSpan: 5, kind: 'header' }],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', totalWord].map((t) => ({ text: t, rowSpan: 1, colSpan: 1, kind: 'header' as const })),
      values.slice(i * 5, i * 5 + 5),
    ],
  }));
}

export function preamble(spec: ReportSpec): string {
  return `本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自${spec.year}年1月1日起至${spec.year}年12月31日止。`;
}
