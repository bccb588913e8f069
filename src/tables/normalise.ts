/**
 * Text normalisation for matching labels (templates.md §7): NFKC folding, 繁→简 for the label
 * vocabulary, gloss removal, whitespace and quote removal.
 */

import { remembered } from './remembered.js';

/**
 * Traditional → simplified, limited to characters of the report vocabulary (labels, headings,
 * headers). Matching only needs these; a full OpenCC dictionary would add megabytes for nothing.
 */
const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = Object.fromEntries(
  [
    '開开', '請请', '數数', '結结', '轉转', '辦办', '處处', '區区', '計计', '這这', '與与', '國国', '祕秘',
    '規规', '穩稳', '護护', '權权', '屬属', '類类', '內内', '務务', '過过', '執执', '詢询', '項项', '無无',
    '關关', '現现', '製制', '補补', '後后', '確确', '訪访', '舉举', '報报', '訴诉', '複复', '覆复', '當当',
    '認认', '獲获', '總总', '繼继', '續续', '機机', '況况', '議议', '維维', '糾纠', '審审', '復复', '訟讼',
    '經经', '條条', '範范', '發发', '廢废', '許许', '罰罚', '強强', '費费', '採采', '購购', '額额', '單单',
    '對对', '門门', '業业', '構构', '會会', '組组', '織织', '稱称', '並并', '應应', '決决', '徵征', '統统',
    '間间', '時时', '於于', '為为', '從从', '來来', '個个', '們们', '產产', '還还', '進进', '點点', '題题',
    '問问', '將将', '網网', '頁页', '號号', '錄录', '係系', '體体', '級级', '縣县', '鄉乡', '鎮镇', '員员',
    '廳厅', '書书', '說说', '領领', '導导', '責责', '際际', '實实', '預预', '標标', '準准', '質质', '衛卫',
    '環环', '護护', '醫医', '療疗', '農农', '財财', '稅税', '勞劳', '動动', '設设', '備备', '區区', '務务',
    '復复', '錢钱', '萬万', '際际', '滿满', '齊齐', '為为', '專专', '傳传', '億亿', '價价', '務务', '辦办',
    // Words of agency names (生態環境局, 資源, 監督, 廣東…).
    '態态', '資资', '監监', '聯联', '藝艺', '廣广', '東东', '華华', '陽阳', '興兴', '豐丰', '寧宁', '慶庆',
    '龍龙', '遼辽', '貴贵', '雲云', '灣湾', '漢汉', '濟济', '黨党', '園园', '場场', '綜综', '織织', '圖图',
  ].map((pair) => [pair[0] as string, pair[1] as string]),
);

const QUOTES = /["'“”„‟‘’‚‛「」『』〝〞﹁﹂﹃﹄`´]/g;
/** Pinyin glosses such as "數(shù)量" or "規(guī)章" that some converters insert. */
const GLOSS = /\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\s]{1,12}\)/g;

const TRADITIONAL = new RegExp(`[${Object.keys(TRADITIONAL_TO_SIMPLIFIED).join('')}]`, 'gu');

/**
 * Superscript and subscript digits: a footnote mark ("3119¹"), never digits of the number; so are
 * circled numbers right after a digit ("3001①": NFKC makes ① a 1, and 30011 of it).
 */
const SCRIPT_DIGITS = /[\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u2080-\u2089]+|(?<=\d)[\u2460-\u2473]+/gu;

/**
 * Folds width (NFKC: full-width digits, brackets, U+3000) and converts traditional characters. A
 * superscript or subscript number becomes a bracketed note first, as "3119[1]" prints it: NFKC
 * would have made "3119¹" the number 31191.
 */
export const foldText = remembered(foldTextNow);

function foldTextNow(text: string): string {
  return text
    .replace(SCRIPT_DIGITS, (marks) => `[${marks.normalize('NFKC')}]`)
    .normalize('NFKC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\ufeff]/g, ' ')
    .replace(TRADITIONAL, (ch) => TRADITIONAL_TO_SIMPLIFIED[ch] ?? ch);
}

/** Drops pinyin glosses a converter inserted ("镇(zhèn)"). */
export function withoutGlosses(text: string): string {
  return text.replace(GLOSS, '');
}

/** Normalises a label for matching: fold, drop glosses, quotes and all whitespace. */
export const normaliseLabel = remembered((text) => foldText(text).replace(GLOSS, '').replace(QUOTES, '').replace(/\s+/g, ''));

/** Keeps only what identifies a label: Han characters, letters and digits. */
export const labelKey = remembered((normalised) => normalised.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, ''));

/** True for a line that is one Han character: a fragment of a vertical label (templates.md §7.3). */
export function isVerticalFragment(text: string): boolean {
  const t = normaliseLabel(text);
  return /^\p{Script=Han}[、]?$/u.test(t);
}

/** The text of a group cell over numbered sub-rows ("（三）不予公开", "三、本年度办理结果"): it ends with one of `phrases`. */
export function endsWithGroupPhrase(text: string, phrases: readonly string[]): boolean {
  const key = labelKey(normaliseLabel(text));
  return phrases.some((phrase) => key.endsWith(labelKey(normaliseLabel(phrase))));
}
