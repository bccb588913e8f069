/**
 * Both official formats as data (templates.md §3–§5): every row label with its variants, every
 * column, mapped to the dataset keys. Reconstruction reads these; it hard-codes no label.
 */
import type { ActiveRowSpec, RequestRowSpec, TemplateId } from '../model/table.js';

const BOTH: readonly TemplateId[] = ['2019', '2021'];

/** 三's rows in printed order (both formats; `templates` says which prints each). */
export const REQUEST_ROW_SPECS: readonly RequestRowSpec[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', aliases: ['本年新收申请数量', '本年新收政府信息公开申请'], numbering: '一', templates: BOTH },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', aliases: ['上年转结政府信息公开申请数量', '上年结转申请数量'], numbering: '二', templates: BOTH },
  { key: 'granted', label: '（一）予以公开', aliases: [], numbering: '(一)', templates: BOTH },
  { key: 'partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', aliases: ['部分公开'], numbering: '(二)', templates: BOTH },
  { key: 'deniedStateSecret', label: '1.属于国家秘密', aliases: [], numbering: '1', templates: BOTH },
  { key: 'deniedOtherLaws', label: '2.其他法律行政法规禁止公开', aliases: [], numbering: '2', templates: BOTH },
  { key: 'deniedThreeSafeties', label: '3.危及“三安全一稳定”', aliases: [], numbering: '3', templates: BOTH },
  { key: 'deniedThirdParty', label: '4.保护第三方合法权益', aliases: [], numbering: '4', templates: BOTH },
  { key: 'deniedInternalAffairs', label: '5.属于三类内部事务信息', aliases: [], numbering: '5', templates: BOTH },
  { key: 'deniedProcessInfo', label: '6.属于四类过程性信息', aliases: [], numbering: '6', templates: BOTH },
  { key: 'deniedEnforcementFiles', label: '7.属于行政执法案卷', aliases: [], numbering: '7', templates: BOTH },
  { key: 'deniedQueryMatters', label: '8.属于行政查询事项', aliases: [], numbering: '8', templates: BOTH },
  { key: 'unableNotHeld', label: '1.本机关不掌握相关政府信息', aliases: [], numbering: '1', templates: BOTH },
  { key: 'unableNeedsCreation', label: '2.没有现成信息需要另行制作', aliases: [], numbering: '2', templates: BOTH },
  { key: 'unableUnclear', label: '3.补正后申请内容仍不明确', aliases: [], numbering: '3', templates: BOTH },
  { key: 'rejectedPetition', label: '1.信访举报投诉类申请', aliases: [], numbering: '1', templates: BOTH },
  { key: 'rejectedDuplicate', label: '2.重复申请', aliases: [], numbering: '2', templates: BOTH },
  { key: 'rejectedPublication', label: '3.要求提供公开出版物', aliases: [], numbering: '3', templates: BOTH },
  { key: 'rejectedMassRepeated', label: '4.无正当理由大量反复申请', aliases: [], numbering: '4', templates: BOTH },
  { key: 'rejectedConfirmReissue', label: '5.要求行政机关确认或重新出具已获取信息', aliases: [], numbering: '5', templates: BOTH },
  { key: 'otherHandling', label: '（六）其他处理', aliases: ['其他'], numbering: '(六)', templates: ['2019'] },
  { key: 'otherNoCorrection', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', aliases: [], numbering: '1', templates: ['2021'] },
  { key: 'otherNoFee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', aliases: [], numbering: '2', templates: ['2021'] },
  { key: 'otherOther', label: '3.其他', aliases: [], numbering: '3', templates: ['2021'] },
  { key: 'totalHandled', label: '（七）总计', aliases: ['合计'], numbering: '(七)', templates: BOTH },
  { key: 'carriedForward', label: '四、结转下年度继续办理', aliases: ['结转下年度办理'], numbering: '四', templates: BOTH },
];

/** 二's rows; the columns per format are `ACTIVE_LAYOUT` in schema/keys.ts. */
export const ACTIVE_ROW_SPECS: readonly ActiveRowSpec[] = [
  { key: 'regulations', label: '规章', aliases: [], numbering: null, templates: BOTH },
  { key: 'normativeDocuments', label: '规范性文件', aliases: ['行政规范性文件'], numbering: null, templates: BOTH },
  { key: 'licensing', label: '行政许可', aliases: [], numbering: null, templates: BOTH },
  { key: 'otherServices', label: '其他对外管理服务事项', aliases: [], numbering: null, templates: ['2019'] },
  { key: 'penalty', label: '行政处罚', aliases: [], numbering: null, templates: BOTH },
  { key: 'coercion', label: '行政强制', aliases: [], numbering: null, templates: BOTH },
  { key: 'fees', label: '行政事业性收费', aliases: ['行政事业型收费'], numbering: null, templates: BOTH },
  { key: 'procurement', label: '政府集中采购', aliases: [], numbering: null, templates: ['2019'] },
];

/**
 * Group cells of 三 (templates.md §4): they carry no numbers. When a wrapped or merged label
 * starts with one, it is stripped before the row's own label is matched.
 */
export const REQUEST_GROUP_PHRASES: readonly string[] = [
  '本年度办理结果',
  '不予公开',
  '无法提供',
  '不予处理',
  '其他处理',
];

/**
 * Header words, per table. A line made of these (and no numbers) is a header line: it is skipped
 * and never glued onto a row label.
 */
export const HEADER_WORDS = {
  requests: ['收到和处理政府信息公开申请', '勾稽关系', '申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '第一项加第二项之和', '第三项加第四项之和', '本列数据'],
  reviews: ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '未经复议直接起诉', '复议后起诉'],
  active: ['主动公开政府信息情况', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '处理决定数量', '采购项目数量', '采购总金额', '本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
} as const;

/** Header words that tell the formats apart in table 二 (templates.md §1.1, strongest first). */
export const FORMAT_SIGNALS: Readonly<Record<TemplateId, readonly string[]>> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增减', '采购项目数量', '采购总金额', '政府集中采购', '其他对外管理服务事项'],
  // Band (一)'s words by their stems: variants print 本年度制发数 / 本年废止数 / 现行有效 (no 2019 column holds them).
  '2021': ['制发', '废止', '现行有效', '本年处理决定数量', '本年收费金额'],
};
