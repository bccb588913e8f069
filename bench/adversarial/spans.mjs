// The official tables as a full grid with spanned cells repeated in every cell they cover, as pandas.read_html
// (and Excel "unmerge and fill") makes them; serialised as pandas to_markdown / to_csv do (with or without the index
// column). Header rows are the column labels pandas makes from a 3-row <thead>: here printed as ordinary rows.
import { REQ_COLS, REV_ROWS, REV_COLS, requestRows, ACTIVE, HEADINGS, PREAMBLE, EPILOGUE } from './model.mjs';

function requestsGrid(t, sixth, fmt) {
  const corner = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
  const rows = [
    [corner, corner, corner, ...Array(7).fill('申请人情况')],
    [corner, corner, corner, '自然人', ...Array(5).fill('法人或其他组织'), '总计'],
    [corner, corner, corner, '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
  ];
  let g1 = null, g2 = null;
  const groupOf = { granted: '三、本年度办理结果', deniedStateSecret: '（三）不予公开', unableNotHeld: '（四）无法提供', rejectedPetition: '（五）不予处理', otherNoCorrection: '（六）其他处理' };
  for (const [rk, groups, lab] of requestRows(sixth)) {
    let labels;
    if (['newReceived', 'carriedOver', 'carriedForward'].includes(rk)) { labels = [lab, lab, lab]; g1 = null; }
    else {
      if (rk === 'granted') g1 = '三、本年度办理结果';
      if (groups.length && groupOf[rk] && rk !== 'granted') g2 = groupOf[rk];
      const second = ['granted', 'partiallyGranted', 'totalHandled', 'otherHandling'].includes(rk) ? null : g2;
      labels = second ? [g1, second, lab] : [g1, lab, lab];
    }
    rows.push([...labels, ...REQ_COLS.map((c) => fmt(t.requests[rk]?.[c] ?? null))]);
  }
  return rows;
}
function reviewsGrid(t, fmt) {
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [...Array(5).fill('行政复议'), ...Array(10).fill('行政诉讼')],
    [...five, ...Array(5).fill('未经复议直接起诉'), ...Array(5).fill('复议后起诉')],
    [...five, ...five, ...five],
    REV_ROWS.flatMap((r) => REV_COLS.map((c) => fmt(t.reviews[r]?.[c] ?? null))),
  ];
}
function activeGrid(t, template, fmt) {
  const rows = [];
  for (const b of ACTIVE[template]) {
    const width = 4;
    rows.push(Array(width).fill(b.band));
    const spanHead = b.head.length === 1 ? Array(3).fill(b.head[0]) : b.head.length === 2 ? [...b.head, b.head[1]] : b.head;
    rows.push(['信息内容', ...spanHead]);
    for (const [rk, lab] of b.rows) {
      const vals = b.cols.map((c) => fmt(t.active[rk]?.[c] ?? null));
      rows.push([lab, ...(vals.length === 1 ? Array(3).fill(vals[0]) : vals.length === 2 ? [...vals, vals[1]] : vals)]);
    }
  }
  return rows;
}

const mdRow = (cells) => '| ' + cells.map((c) => c ?? '').join(' | ') + ' |';
export function pandasMarkdown(rows, { index = true } = {}) {
  const width = rows[0].length;
  const head = index ? ['', ...Array.from({ length: width }, (_, i) => String(i))] : Array.from({ length: width }, (_, i) => String(i));
  const out = [mdRow(head), '|' + head.map(() => '---').join('|') + '|'];
  rows.forEach((r, i) => out.push(mdRow(index ? [String(i), ...r] : r)));
  return out.join('\n');
}
export function csv(rows, { index = false, blank = '' } = {}) {
  const q = (s) => (s === null ? blank : /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const out = [];
  if (index) out.push(',' + rows[0].map((_, i) => i).join(','));
  rows.forEach((r, i) => out.push((index ? `${i},` : '') + r.map(q).join(',')));
  return out.join('\n');
}

export function spanDoc(vs, serialise, { value = (s) => s, sixth } = {}) {
  const fmt = (v) => (v === null || v === undefined ? null : value(String(v)));
  const t = vs.tables;
  const six = sixth ?? (t.requests.otherHandling && Object.values(t.requests.otherHandling).some((v) => v !== null) ? 'single' : (vs.template === '2019' ? 'single' : 'three'));
  const parts = [PREAMBLE('某某区某某局', vs.template === '2019' ? 2020 : 2024)];
  if (t.active) parts.push(HEADINGS.active, serialise(activeGrid(t, vs.template, fmt)));
  parts.push(HEADINGS.requests, serialise(requestsGrid(t, six, fmt)));
  if (t.reviews) parts.push(HEADINGS.reviews, serialise(reviewsGrid(t, fmt)));
  parts.push(EPILOGUE);
  return parts.join('\n') + '\n';
}
