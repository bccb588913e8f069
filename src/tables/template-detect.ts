/**
 * Decides the official format from the tables, never from the year (templates.md §1.1): table 二's
 * headers and rows first, then 三's （六） rows when 二 is missing.
 */
import type { TemplateId } from '../schema/keys.js';
import { labelKey, normaliseLabel } from './normalise.js';
import type { RowSlots } from './slots.js';
import { FORMAT_SIGNALS } from './templates.js';

/** The decided format and why. */
export interface TemplateDecision {
  template: TemplateId | null;
  evidence: string;
  /** A 2021-format 二 with a single （六）其他处理 row in 三. */
  hybrid: boolean;
  /**
   * Band (一) printed under the other format's column words (a 2021 report that kept 2019's
   * 本年新制作数量 / 本年新公开数量 / 对外公开总数量): those words; its numbers stand under columns this format does not have.
   */
  firstBandForeign?: readonly string[];
}

function countSignals(text: string, words: readonly string[]): number {
  return words.filter((w) => text.includes(labelKey(normaliseLabel(w)))).length;
}

/** Band (一)'s column words, per format: the band both formats print, under columns of other meaning. */
const FIRST_BAND_WORDS: Readonly<Record<TemplateId, readonly string[]>> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数'],
};

/**
 * Votes of 二's bands (split at each "第二十条"): a band votes for the format whose words it holds, once
 * however many it holds, so a report that kept one band of the old format is still read by the
 * others (three 2019 words in band (一) outvoted 本年处理决定数量 and 本年收费金额 counted once each).
 * Null where 二 prints fewer than two band headers.
 */
function bandVotes(key: string): { '2019': number; '2021': number } | null {
  const bands = key.split(labelKey(normaliseLabel('第二十条'))).slice(1);
  if (bands.length < 2) return null;
  const votes = { '2019': 0, '2021': 0 };
  for (const band of bands) {
    const s2019 = countSignals(band, FORMAT_SIGNALS['2019']);
    const s2021 = countSignals(band, FORMAT_SIGNALS['2021']);
    if (s2019 > 0 && s2021 === 0) votes['2019']++;
    if (s2021 > 0 && s2019 === 0) votes['2021']++;
  }
  return votes;
}

/** Decides the format from the text of table 二 and the rows read from 二 and 三. */
export function detectTemplate(activeText: string, activeRows: readonly RowSlots[], requestRows: readonly RowSlots[]): TemplateDecision {
  const key = labelKey(normaliseLabel(activeText));
  const votes = bandVotes(key);
  const decided = votes !== null && votes['2019'] !== votes['2021'];
  const score2019 = decided ? votes['2019'] : countSignals(key, FORMAT_SIGNALS['2019']);
  const score2021 = decided ? votes['2021'] : countSignals(key, FORMAT_SIGNALS['2021']);
  const requestKeys = new Set(requestRows.map((r) => r.key));
  // 2019's single （六） row counts only where 三 goes on after it: a source that stops right there
  // (an excerpt cut inside 2021's first （六） sub-row) shows nothing of which it was.
  const single = requestKeys.has('otherHandling') && (requestKeys.has('totalHandled') || requestKeys.has('carriedForward'));
  const three = ['otherNoCorrection', 'otherNoFee', 'otherOther'].some((k) => requestKeys.has(k));
  if (score2019 !== score2021) {
    const template: TemplateId = score2019 > score2021 ? '2019' : '2021';
    const other: TemplateId = template === '2019' ? '2021' : '2019';
    return {
      template,
      evidence: `table 二 headers (${score2019} ${decided ? 'bands' : 'signals'} of 2019, ${score2021} of 2021)`,
      hybrid: template === '2021' && single && !three,
      ...(countSignals(key, FIRST_BAND_WORDS[other]) > 0 && countSignals(key, FIRST_BAND_WORDS[template]) === 0 ? { firstBandForeign: FIRST_BAND_WORDS[other] } : {}),
    };
  }
  // 二 without readable headers: its row shapes (2019 prints 3 numbers for 行政处罚, 2021 one).
  const decisionRows = activeRows.filter((r) => r.key === 'penalty' || r.key === 'coercion' || r.key === 'licensing');
  const widths = decisionRows.map((r) => r.slots.filter((s) => s.text.trim() !== '').length);
  if (widths.length > 0 && widths.every((w) => w >= 2)) return { template: '2019', evidence: 'table 二 row widths', hybrid: false };
  if (widths.length > 0 && widths.every((w) => w === 1)) {
    return { template: '2021', evidence: 'table 二 row widths', hybrid: single && !three };
  }
  if (three) return { template: '2021', evidence: 'table 三 prints three （六） rows', hybrid: false };
  if (single) return { template: '2019', evidence: 'table 三 prints one （六） row', hybrid: false };
  return { template: null, evidence: 'no table 二 headers and no （六） rows', hybrid: false };
}
