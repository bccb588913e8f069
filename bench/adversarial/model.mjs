// The official tables as rows of cells (label cells, then value cells), filled from a truth object.
// A value null is a printed blank. Labels are the official wording (templates.md); group cells are printed on the
// first row of their group, as HTML tables do when a rowspan cell is flattened.

export const REQ_COLS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalServices', 'otherOrg', 'total'];
export const REV_ROWS = ['review', 'litigationDirect', 'litigationAfterReview'];
export const REV_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];

const REQ_ROWS_COMMON_HEAD = [
  ['newReceived', [], '一、本年新收政府信息公开申请数量'],
  ['carriedOver', [], '二、上年结转政府信息公开申请数量'],
  ['granted', ['三、本年度办理结果'], '（一）予以公开'],
  ['partiallyGranted', [], '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['deniedStateSecret', ['（三）不予公开'], '1.属于国家秘密'],
  ['deniedOtherLaws', [], '2.其他法律行政法规禁止公开'],
  ['deniedThreeSafeties', [], '3.危及“三安全一稳定”'],
  ['deniedThirdParty', [], '4.保护第三方合法权益'],
  ['deniedInternalAffairs', [], '5.属于三类内部事务信息'],
  ['deniedProcessInfo', [], '6.属于四类过程性信息'],
  ['deniedEnforcementFiles', [], '7.属于行政执法案卷'],
  ['deniedQueryMatters', [], '8.属于行政查询事项'],
  ['unableNotHeld', ['（四）无法提供'], '1.本机关不掌握相关政府信息'],
  ['unableNeedsCreation', [], '2.没有现成信息需要另行制作'],
  ['unableUnclear', [], '3.补正后申请内容仍不明确'],
  ['rejectedPetition', ['（五）不予处理'], '1.信访举报投诉类申请'],
  ['rejectedDuplicate', [], '2.重复申请'],
  ['rejectedPublication', [], '3.要求提供公开出版物'],
  ['rejectedMassRepeated', [], '4.无正当理由大量反复申请'],
  ['rejectedConfirmReissue', [], '5.要求行政机关确认或重新出具已获取信息'],
];
const REQ_ROWS_TAIL = [
  ['totalHandled', [], '（七）总计'],
  ['carriedForward', [], '四、结转下年度继续办理'],
];
export function requestRows(sixth) {
  const six = sixth === 'single'
    ? [['otherHandling', [], '（六）其他处理']]
    : [
      ['otherNoCorrection', ['（六）其他处理'], '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
      ['otherNoFee', [], '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
      ['otherOther', [], '3.其他'],
    ];
  return [...REQ_ROWS_COMMON_HEAD, ...six, ...REQ_ROWS_TAIL];
}

export const ACTIVE = {
  2021: [
    { band: '第二十条第（一）项', head: ['本年制发件数', '本年废止件数', '现行有效件数'], cols: ['issued', 'repealed', 'inForce'], rows: [['regulations', '规章'], ['normativeDocuments', '行政规范性文件']] },
    { band: '第二十条第（五）项', head: ['本年处理决定数量'], cols: ['decisions'], rows: [['licensing', '行政许可']] },
    { band: '第二十条第（六）项', head: ['本年处理决定数量'], cols: ['decisions'], rows: [['penalty', '行政处罚'], ['coercion', '行政强制']] },
    { band: '第二十条第（八）项', head: ['本年收费金额（单位：万元）'], cols: ['amount'], rows: [['fees', '行政事业性收费']] },
  ],
  2019: [
    { band: '第二十条第（一）项', head: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], cols: ['newlyMade', 'newlyPublished', 'totalPublished'], rows: [['regulations', '规章'], ['normativeDocuments', '规范性文件']] },
    { band: '第二十条第（五）项', head: ['上一年项目数量', '本年增/减', '处理决定数量'], cols: ['previousCount', 'change', 'decisions'], rows: [['licensing', '行政许可'], ['otherServices', '其他对外管理服务事项']] },
    { band: '第二十条第（六）项', head: ['上一年项目数量', '本年增/减', '处理决定数量'], cols: ['previousCount', 'change', 'decisions'], rows: [['penalty', '行政处罚'], ['coercion', '行政强制']] },
    { band: '第二十条第（八）项', head: ['上一年项目数量', '本年增/减'], cols: ['previousCount', 'change'], rows: [['fees', '行政事业性收费']] },
    { band: '第二十条第（九）项', head: ['采购项目数量', '采购总金额'], cols: ['count', 'amount'], rows: [['procurement', '政府集中采购']] },
  ],
};

// A table as a list of rows; a row is { kind: 'band'|'head'|'data', cells: [{ t: 'label'|'value'|'head', text, key? }] }.
export function buildTables(tables, template, opts = {}) {
  const fmtV = opts.formatValue ?? ((v) => (v === null || v === undefined ? null : String(v)));
  const out = {};
  if (tables.active) {
    const rows = [];
    for (const b of ACTIVE[template]) {
      rows.push({ kind: 'band', cells: [{ t: 'head', text: b.band }] });
      rows.push({ kind: 'head', cells: [{ t: 'head', text: '信息内容' }, ...b.head.map((h) => ({ t: 'head', text: h }))] });
      for (const [rk, lab] of b.rows) {
        rows.push({ kind: 'data', row: rk, cells: [{ t: 'label', text: lab }, ...b.cols.map((c) => ({ t: 'value', text: fmtV(tables.active[rk]?.[c] ?? null, 'active', rk, c), key: `active.${rk}.${c}` }))] });
      }
    }
    out.active = rows;
  }
  if (tables.requests) {
    const sixth = opts.sixth ?? (tables.requests.otherHandling && Object.values(tables.requests.otherHandling).some((v) => v !== null) ? 'single' : (template === '2019' ? 'single' : 'three'));
    const rows = [
      { kind: 'head', cells: [{ t: 'head', text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' }, { t: 'head', text: '申请人情况' }] },
      { kind: 'head', cells: [{ t: 'head', text: '自然人' }, { t: 'head', text: '法人或其他组织' }, { t: 'head', text: '总计' }] },
      { kind: 'head', cells: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((h) => ({ t: 'head', text: h })) },
    ];
    for (const [rk, groups, lab] of requestRows(sixth)) {
      rows.push({ kind: 'data', row: rk, cells: [...groups.map((g) => ({ t: 'label', text: g, group: true })), { t: 'label', text: lab }, ...REQ_COLS.map((c) => ({ t: 'value', text: fmtV(tables.requests[rk]?.[c] ?? null, 'requests', rk, c), key: `requests.${rk}.${c}` }))] });
    }
    out.requests = rows;
  }
  if (tables.reviews) {
    const rows = [
      { kind: 'head', cells: [{ t: 'head', text: '行政复议' }, { t: 'head', text: '行政诉讼' }] },
      { kind: 'head', cells: [...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((h) => ({ t: 'head', text: h })), { t: 'head', text: '未经复议直接起诉' }, { t: 'head', text: '复议后起诉' }] },
      { kind: 'head', cells: [...Array(2)].flatMap(() => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((h) => ({ t: 'head', text: h }))) },
      { kind: 'data', row: 'reviews', cells: REV_ROWS.flatMap((r) => REV_COLS.map((c) => ({ t: 'value', text: fmtV(tables.reviews[r]?.[c] ?? null, 'reviews', r, c), key: `reviews.${r}.${c}` }))) },
    ];
    out.reviews = rows;
  }
  return out;
}

export const HEADINGS = {
  active: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  reviews: '四、政府信息公开行政复议、行政诉讼情况',
};
export const PREAMBLE = (agency, year) => `${agency}${year}年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n${year}年，${agency}认真贯彻落实政府信息公开工作要求，主动公开政府信息。`;
export const EPILOGUE = '五、存在的主要问题及改进情况\n一是公开内容还需丰富。下一步将加强培训。\n六、其他需要报告的事项\n本年度未收取信息处理费。';
