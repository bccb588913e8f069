import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { decodeText } from '../src/extract/charset.js';
import { createRandom } from '../src/generate/random.js';
import { renderReport } from '../src/generate/render.js';
import { generateSpec } from '../src/generate/values.js';
import { processBytes } from '../src/pipeline.js';
import { cellOf, extractText } from './helpers.js';

const TITLE = '某某县审计局2022年政府信息公开工作年度报告\n';
const HEADER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n自然人\t法人或其他组织\t总计\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n';
const row = (label: string, values: (number | string)[]) => `${label}\t${values.join('\t')}\n`;
const zeros = (n = 7) => new Array<number>(n).fill(0);

/** A 2021-format requests table, tab-separated, with the given overrides per row label. */
function requestsTable(rows: Record<string, string> = {}): string {
  const labels = [
    '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果\t（一）予以公开',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（三）不予公开\t1.属于国家秘密', '2.其他法律行政法规禁止公开',
    '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷',
    '8.属于行政查询事项', '（四）无法提供\t1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
    '（五）不予处理\t1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请',
    '5.要求行政机关确认或重新出具已获取信息', '（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他', '（七）总计', '四、结转下年度继续办理',
  ];
  return '三、收到和处理政府信息公开申请情况\n' + HEADER + labels.map((l) => rows[l] ?? row(l, zeros())).join('');
}
const ACTIVE_2021 =
  '二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t1\t0\t5\n' +
  '第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t550\n第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t4119\n行政强制\t195\n' +
  '第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t7730.28\n';
const REVIEWS = '四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n' + row('', zeros(15)).slice(1);

describe('text layouts', () => {
  test('a clean 2021 report: fee decimal kept exactly, template 2021, status ok', async () => {
    const record = await extractText(TITLE + ACTIVE_2021 + requestsTable() + REVIEWS);
    expect(record.template).toBe('2021');
    expect(record.tables.active.fees).toEqual({ amount: 7730.28 });
    expect(record.tables.active.normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 5 });
    expect(record.status).toBe('ok');
    expect(record.year).toBe(2022);
    expect(record.agency).toBe('某某县审计局');
  });

  test('blanks lost in flattened text are unreadable, never filled from the left', async () => {
    const text = TITLE + ACTIVE_2021 + requestsTable({ '一、本年新收政府信息公开申请数量': '一、本年新收政府信息公开申请数量 2 2\n' }) + REVIEWS;
    const record = await extractText(text);
    expect(record.tables.requests.newReceived).toEqual({ naturalPerson: null, commercial: null, research: null, socialWelfare: null, legalServices: null, otherOrg: null, total: null });
    expect(cellOf(record, 'requests', 'newReceived', 'naturalPerson')?.flag).toBe('unreadable');
    expect(record.status).toBe('partial');
    expect(record.issues.map((i) => i.code)).toContain('row_unreadable');
  });

  test('a table split across pages: page-number line, repeated header, label broken at the break', async () => {
    const table = requestsTable({
      '（四）无法提供\t1.本机关不掌握相关政府信息': '（四）无\t1.本机关不掌握相关政府信息\t3\t0\t0\t0\t0\t0\t3\n— 4 —\n' + HEADER,
      '2.没有现成信息需要另行制作': '法提供\t2.没有现成信息需要另行制作\t2\t0\t0\t0\t0\t0\t2\n',
      '（七）总计': row('（七）总计', [5, 0, 0, 0, 0, 0, 5]),
      '一、本年新收政府信息公开申请数量': row('一、本年新收政府信息公开申请数量', [5, 0, 0, 0, 0, 0, 5]),
    });
    const record = await extractText(TITLE + ACTIVE_2021 + table + REVIEWS);
    expect(record.tables.requests.unableNotHeld.total).toBe(3);
    expect(record.tables.requests.unableNeedsCreation.total).toBe(2);
    expect(cellOf(record, 'requests', 'unableNotHeld', 'total')?.page).toBe(1);
    expect(cellOf(record, 'requests', 'unableNeedsCreation', 'total')?.page).toBe(2);
    expect(record.status).toBe('ok');
  });

  test('vertical labels one character per line are label fragments, not rows', async () => {
    const vertical = [...'三、本年度办理结果'].map((c) => `${c}\n`).join('');
    const table = requestsTable({ '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': vertical + row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', zeros()) });
    const record = await extractText(TITLE + ACTIVE_2021 + table + REVIEWS);
    expect(record.status).toBe('ok');
    expect(record.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  test('hybrid: 2021 二 with a single （六）其他处理 row', async () => {
    const table = requestsTable({
      '（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': row('（六）其他处理', zeros()),
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': '',
      '3.其他': '',
    });
    const record = await extractText(TITLE + ACTIVE_2021 + table + REVIEWS);
    expect(record.template).toBe('2021');
    expect(record.tables.requests.otherHandling.total).toBe(0);
    expect(record.tables.requests.otherNoCorrection.total).toBeNull();
    expect(record.issues.map((i) => i.code)).toContain('hybrid_other_handling');
    expect(record.status).toBe('ok');
  });

  test('glued cells: split only when unique, flagged inferred', async () => {
    const active = ACTIVE_2021.replace('行政许可\t550', '行政许可550');
    const reviews = REVIEWS.replace(/0(\t0){14}/, '100000000000000');
    const record = await extractText(TITLE + active + requestsTable() + reviews.replace('100000000000000', '000000000000000'));
    expect(cellOf(record, 'active', 'licensing', 'decisions')).toMatchObject({ value: 550, flag: 'ok' });
    expect(cellOf(record, 'reviews', 'review', 'total')).toMatchObject({ value: 0, flag: 'inferred', raw: '000000000000000' });
    expect(record.issues.map((i) => i.code)).toContain('cells_inferred');
  });

  test('labels printed apart from their numbers are paired by order only when the counts match', async () => {
    const labels = '信息内容\t本年处理决定数量\n行政处罚\n行政强制\n4119\t\t\n195\t\t\n';
    const active = ACTIVE_2021.replace('信息内容\t本年处理决定数量\n行政处罚\t4119\n行政强制\t195\n', labels);
    const record = await extractText(TITLE + active + requestsTable() + REVIEWS);
    expect(record.tables.active.penalty).toEqual({ decisions: 4119 });
    expect(record.tables.active.coercion).toEqual({ decisions: 195 });
    expect(record.issues.map((i) => i.code)).toContain('labels_paired_by_order');
    const short = ACTIVE_2021.replace('信息内容\t本年处理决定数量\n行政处罚\t4119\n行政强制\t195\n', '信息内容\t本年处理决定数量\n行政处罚\n行政强制\n4119\t\t\n');
    const bad = await extractText(TITLE + short + requestsTable() + REVIEWS);
    expect(bad.tables.active.penalty).toEqual({ decisions: null });
    expect(cellOf(bad, 'active', 'penalty', 'decisions')?.flag).toBe('unreadable');
    expect(bad.status).toBe('partial');
  });

  test('annotated cells keep the leading number and the raw text', async () => {
    const active = ACTIVE_2021.replace('行政规范性文件\t1\t0\t5', '行政规范性文件\t12（其中修订5件）\t0\t30（含自然失效7件）');
    const record = await extractText(TITLE + active + requestsTable() + REVIEWS);
    expect(cellOf(record, 'active', 'normativeDocuments', 'issued')).toMatchObject({ value: 12, raw: '12（其中修订5件）', flag: 'ok' });
    expect(record.tables.active.normativeDocuments?.inForce).toBe(30);
    expect(record.issues.filter((i) => i.code === 'cell_annotated')).toHaveLength(2);
  });

  test('printed totals that do not add up are kept, the check fails, status partial', async () => {
    const reviews = REVIEWS.replace(/0(\t0){14}/, ['10', '1', '0', '0', '0', ...zeros(5), '5', '0', '0', '0', '0'].join('\t'));
    const record = await extractText(TITLE + ACTIVE_2021 + requestsTable() + reviews);
    expect(record.tables.reviews.review).toEqual({ upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 });
    const failed = record.checks.filter((c) => !c.pass);
    expect(failed.map((c) => c.id).sort()).toEqual(['reviews.rowTotal.litigationAfterReview', 'reviews.rowTotal.review']);
    expect(failed[0]).toMatchObject({ expected: 0, actual: 11 });
    // Every cell was read for sure: the printed totals are the source's error (dataset.md), not a partial read.
    expect(record.status).toBe('ok');
    expect(record.sourceErrors).toBe(2);
  });

  test('year from 统计期限 (dates glued together) when the title has none', async () => {
    const record = await extractText('某某镇人民政府政府信息公开工作年度报告\n本报告数据统计期限为自202211日起至20221231日止。\n' + ACTIVE_2021 + requestsTable() + REVIEWS);
    expect(record.year).toBe(2022);
  });
});

describe('HTML layouts', () => {
  const html = (body: string, head = '<meta charset="utf-8">') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
  const table = (rows: string[][]) => `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;

  test('GBK page without a charset declaration is detected', async () => {
    const text = html(`<h1>某某县审计局2022年政府信息公开工作年度报告</h1><pre>${ACTIVE_2021}${requestsTable()}${REVIEWS}</pre>`, '');
    const result = await processBytes('gbk.html', new Uint8Array(iconv.encode(text, 'gbk')));
    expect(result.record?.agency).toBe('某某县审计局');
    expect(result.record?.tables.active.penalty).toEqual({ decisions: 4119 });
    expect(result.record?.status).toBe('ok');
  });

  test('HTML inside a JavaScript string is unescaped and parsed', async () => {
    const inner = `<h1>某某县审计局2022年政府信息公开工作年度报告</h1>${table([['第二十条第（五）项'], ['信息内容', '本年处理决定数量'], ['行政许可', '550']])}`;
    const text = html(`<script>var content = "${inner.replace(/"/g, '\\"')}";</script>`);
    const result = await processBytes('script.html', new TextEncoder().encode(text));
    expect(result.record?.tables.active.licensing).toEqual({ decisions: 550 });
  });

  test('the blank official template: every cell null and flagged blank, no zeros, no failed check, status ok', async () => {
    const random = createRandom(42);
    const spec = generateSpec(42, random, { template: '2021', blanks: false, broken: false });
    for (const table of [spec.requests, spec.reviews, spec.active]) for (const r of Object.values(table)) for (const c of Object.keys(r)) r[c] = null;
    const result = await processBytes('blank.html', renderReport(spec, 'html-merged', random, 0));
    const record = result.record;
    expect(record?.cells.length).toBe(25 * 7 + 15 + 10);
    expect(record?.cells.every((c) => c.value === null && c.flag === 'blank')).toBe(true);
    expect(record?.checks).toEqual([]);
    expect(record?.status).toBe('ok');
    expect(record?.issues.filter((i) => i.code === 'table_blank')).toHaveLength(3);
  });

  test('markup provenance: method markup, page 1, the table row as line', async () => {
    const random = createRandom(8);
    const spec = generateSpec(8, random, { template: '2019', blanks: false, broken: false });
    const result = await processBytes('grid.html', renderReport(spec, 'html-merged', random, 0));
    const cell = result.record?.cells.find((c) => c.table === 'requests' && c.row === 'newReceived' && c.column === 'total');
    expect(cell).toMatchObject({ method: 'markup', page: 1, line: 4, flag: 'ok', value: spec.requests.newReceived?.total });
  });
});

describe('HTML pages wrapped in a layout table', () => {
  test('the report tables inside a page-wide layout table are read, the layout table is not', async () => {
    const random = createRandom(77);
    const spec = generateSpec(77, random, { template: '2021', blanks: false, broken: false });
    const page = decodeText(renderReport(spec, 'html-merged', random, 0), { html: true }).text.replace(/charset=[\w-]+/, 'charset=utf-8');
    const wrapped = page.replace(/<body>([\s\S]*)<\/body>/, '<body><table width="100%"><tr><td class="nav">首页</td><td>$1</td></tr></table></body>');
    const { record } = await processBytes('layout.html', new TextEncoder().encode(wrapped));
    expect(record?.status).toBe('ok');
    expect(record?.tables.requests.newReceived.total).toBe(spec.requests.newReceived?.total);
    expect(record?.tables.reviews.review.total).toBe(spec.reviews.review?.total);
    expect(record?.agency).toBe(spec.agency);
  });
});

test('HTML in a script string is found even when the page around it has tables of its own', async () => {
  const inner = '<h1>某某县审计局2022年政府信息公开工作年度报告</h1><table><tr><td>第二十条第（五）项</td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>550</td></tr></table>';
  const page = `<html><head><meta charset="utf-8"></head><body><table><tr><td>首页</td><td>导航</td></tr></table><script>var content = "${inner.replace(/"/g, '\\"')}";</script></body></html>`;
  const { record } = await processBytes('script-in-layout.html', new TextEncoder().encode(page));
  expect(record?.tables.active.licensing).toEqual({ decisions: 550 });
});

describe('a group label followed by bare rows of numbers (sub-row labels missing)', () => {
  const eightRows = Array.from({ length: 8 }, (_, i) => `${i}\t0\t0\t0\t0\t0\t${i}\n`).join('');
  const denied = ['（三）不予公开\t1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'];
  const withBare = (rows: string) =>
    requestsTable({ ...Object.fromEntries(denied.map((l) => [l, ''])), '（三）不予公开\t1.属于国家秘密': `（三）不予公开\n${rows}` });

  test('paired with the group rows in template order when the count matches, with a warning', async () => {
    const record = await extractText(TITLE + ACTIVE_2021 + withBare(eightRows).replace('（七）总计\t0\t0\t0\t0\t0\t0\t0', '（七）总计\t28\t0\t0\t0\t0\t0\t28').replace('一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '一、本年新收政府信息公开申请数量\t28\t0\t0\t0\t0\t0\t28') + REVIEWS);
    expect(record.tables.requests.deniedStateSecret.total).toBe(0);
    expect(record.tables.requests.deniedQueryMatters.total).toBe(7);
    expect(cellOf(record, 'requests', 'deniedThirdParty', 'naturalPerson')?.confidence).toBeLessThan(1);
    expect(record.issues.map((i) => i.code)).toContain('labels_paired_by_order');
  });

  test('unreadable when the count does not match', async () => {
    const seven = eightRows.split('\n').slice(0, 7).join('\n') + '\n';
    const record = await extractText(TITLE + ACTIVE_2021 + withBare(seven) + REVIEWS);
    expect(cellOf(record, 'requests', 'deniedStateSecret', 'total')?.flag).toBe('unreadable');
    expect(record.issues.map((i) => i.code)).toContain('labels_values_count_mismatch');
    expect(record.status).toBe('partial');
  });
});

describe("a scan's noisy grid (rules a little off straight, a faint rule lost)", () => {
  // Grid columns as a scan of 洪泽区-like tables gives them: 科研机构 over three grid columns, 社会公益组织
  // and 法律服务机构 over two each and merged in the header, so neither "the last 7 grid columns"
  // nor the header words say where the values are; the rows' own cells do.
  const VALUE_SPANS = [1, 1, 3, 2, 2, 1, 1];
  const valueCells = (values: string[]) => values.map((v, i) => `<td${VALUE_SPANS[i] === 1 ? '' : ` colspan="${VALUE_SPANS[i]}"`}>${v}</td>`).join('');
  const labelRow = (label: string, values: string[], rowspan = 1) => `<tr><td colspan="5"${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}>${label}</td>${valueCells(values)}</tr>`;
  const valuesRow = (values: string[]) => `<tr>${valueCells(values)}</tr>`;
  const page = (rows: string) =>
    new TextEncoder().encode(
      '<html><head><meta charset="utf-8"></head><body><h1>某某县审计局2022年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p><table>' +
        '<tr><td colspan="5" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="11">申请人情况</td></tr>' +
        '<tr><td rowspan="2">自然人</td><td colspan="9">法人或其他组织</td><td rowspan="2">总计</td></tr>' +
        '<tr><td>商业企业</td><td colspan="3">骨研用构</td><td colspan="4">社会公益组织法律服务机构</td><td>其他</td></tr>' +
        rows +
        '</table></body></html>',
    );
  const valueOf = (record: Awaited<ReturnType<typeof processBytes>>['record'], row: string, column: string) => (record ? cellOf(record, 'requests', row, column) : undefined);

  test('values are placed by the columns the rows share; a misread value cell is an unreadable value, not label text', async () => {
    const { record } = await processBytes(
      'noisy-grid.html',
      page(
        labelRow('一、本年新收政府信息公开申请数量', ['218', '', '', '0', 'ER', '0', '218']) +
          labelRow('二、上年结转政府信息公开申请数量', ['33', '0', '0', '0', '0', '0', '33']) +
          labelRow('（一）予以公开', ['13', '0', '0', '0', '0', '0', '13']) +
          labelRow('（二）部分公开', ['2', '0', '0', '0', '0', '1', '3']),
      ),
    );
    expect(valueOf(record, 'newReceived', 'naturalPerson')).toMatchObject({ value: 218, flag: 'ok' });
    expect(valueOf(record, 'newReceived', 'legalServices')).toMatchObject({ value: null, flag: 'unreadable', raw: 'ER' });
    expect(valueOf(record, 'newReceived', 'total')).toMatchObject({ value: 218, flag: 'ok' });
    expect(valueOf(record, 'partiallyGranted', 'otherOrg')).toMatchObject({ value: 1, flag: 'ok' });
    expect(record?.issues.some((i) => i.code === 'row_label_inexact' && /218/.test(i.message))).toBe(false);
  });

  test('one label cell over two rows of values is split at its numbering; unsplittable, both rows stay unread', async () => {
    const rows = [['0', '0', '0', '0', '0', '0', '0'], ['0', '0', '0', '0', '0', '0', '0']].map((v) => labelRow('（一）予以公开', v)).join('');
    const split = await processBytes(
      'merged-labels.html',
      page(
        rows +
          labelRow('3.危及“三安全一稳定”', ['27', '0', '0', '0', '0', '0', '27']) +
          labelRow('4.保护第三方合法权益 5.属于三类内部事务信息', ['39', '0', '0', '0', '0', '0', '39'], 2) +
          valuesRow(['3', '0', '0', '0', '0', '0', '3']),
      ),
    );
    expect(valueOf(split.record, 'deniedThirdParty', 'total')).toMatchObject({ value: 39, flag: 'ok' });
    expect(valueOf(split.record, 'deniedInternalAffairs', 'total')).toMatchObject({ value: 3, flag: 'ok' });
    const merged = await processBytes(
      'merged-labels.html',
      page(rows + labelRow('3.危及“三安全一稳定”', ['27', '0', '0', '0', '0', '0', '27']) + labelRow('保护第三方合法权益属于三类内部事务信息', ['39', '0', '0', '0', '0', '0', '39'], 2) + valuesRow(['3', '0', '0', '0', '0', '0', '3'])),
    );
    for (const row of ['deniedThirdParty', 'deniedInternalAffairs']) expect(valueOf(merged.record, row, 'total')?.value ?? null).toBeNull();
    expect(merged.record?.issues.map((i) => i.code)).toContain('row_label_spans_rows');
  });

  test('a label and its values each over two rows (a stray rule cut one row in two) is that one row, whatever stands in the row below (drawn-056)', async () => {
    const spanned = (label: string, values: string[]) => `<tr><td colspan="5" rowspan="2">${label}</td>${values.map((v, i) => `<td rowspan="2"${VALUE_SPANS[i] === 1 ? '' : ` colspan="${VALUE_SPANS[i]}"`}>${v}</td>`).join('')}</tr><tr><td>—</td></tr>`;
    const rows = [['0', '0', '0', '0', '0', '0', '0'], ['0', '0', '0', '0', '0', '0', '0']].map((v) => labelRow('（一）予以公开', v)).join('');
    const { record } = await processBytes(
      'spanned-row.html',
      page(rows + labelRow('3.危及“三安全一稳定”', ['27', '0', '0', '0', '0', '0', '27']) + spanned('4.保护第三方合法权益', ['29', '6', '0', '0', '0', '0', '35']) + labelRow('5.属于三类内部事务信息', ['3', '0', '0', '0', '0', '0', '3'])),
    );
    expect(valueOf(record, 'deniedThirdParty', 'total')).toMatchObject({ value: 35, flag: 'ok' });
    expect(valueOf(record, 'deniedThirdParty', 'commercial')).toMatchObject({ value: 6, flag: 'ok' });
    expect(record?.issues.map((i) => i.code)).not.toContain('row_label_spans_rows');
  });

  test('a row whose label was misread is the one row missing between its neighbours, flagged inferred; with two missing, it stays unread', async () => {
    const rows = (garbled: string) =>
      labelRow('一、本年新收政府信息公开申请数量', ['40', '0', '0', '0', '0', '0', '40']) +
      labelRow('二、上年结转政府信息公开申请数量', ['1', '0', '0', '0', '0', '0', '1']) +
      labelRow(garbled, ['32', '', '0', '0', '0', '0', '32']) +
      labelRow('（二）部分公开', ['2', '0', '0', '0', '0', '0', '2']);
    const { record } = await processBytes('garbled-label.html', page(rows('三、本年度办理结果(二和了巴以公天')));
    expect(valueOf(record, 'granted', 'naturalPerson')).toMatchObject({ value: 32, flag: 'inferred' });
    expect(valueOf(record, 'granted', 'commercial')).toMatchObject({ value: null, flag: 'inferred' });
    expect(record?.issues.some((i) => i.code === 'cells_inferred' && i.path?.join('.') === 'requests.granted')).toBe(true);
    // Two rows missing between the neighbours: no guess.
    const gap = await processBytes('garbled-label.html', page(rows('三、本年度办理结果(二和了巴以公天').replace('（二）部分公开', '1.属于国家秘密')));
    expect(valueOf(gap.record, 'granted', 'naturalPerson')?.value ?? null).toBeNull();
    expect(valueOf(gap.record, 'partiallyGranted', 'naturalPerson')?.value ?? null).toBeNull();
  });
});
