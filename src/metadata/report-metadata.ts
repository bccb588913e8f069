/**
 * Agency and year covered, from the report's title (or its 统计期限), never from the publication
 * date (templates.md §7.1).
 */
import { UNREAD_MARK } from '../model/document.js';
import { foldText, withoutGlosses } from '../tables/normalise.js';

/** What the title and preamble say about the report. */
export interface ReportMetadata {
  agency: string | null;
  year: number | null;
  /** The number of requests the narrative says were received ("共收到政府信息公开申请21件"), if it says. */
  narrativeRequests?: number;
}

/** "收到/受理 … 申请 N 件" in the narrative (templates.md §6, a soft relation: the table wins). */
const NARRATIVE_REQUESTS = /(?:收到|受理|新收)[^。；;，,]{0,16}?申请\s*(?:共\s*)?(\d{1,7})\s*件/;

/** "2020年政府信息公开工作年度报告", also "2025年政务信息公开工作开展年度报告". */
const TITLE = /(\d{4})\s*年\s*度?\s*(?:的)?\s*(?:政府|政务)?\s*信\s*息\s*公\s*开\s*(?:工\s*作|开\s*展|年\s*度|情\s*况|的|\s)*报\s*告/;
const TITLES = new RegExp(TITLE.source, 'g');

/**
 * The report's title in a line: the first match not inside a cited document's 《…》 ("根据《…办公室关于
 * 2021年度政府信息公开工作年度报告编制工作的通知》要求": a notice about the reports, not this one's title).
 */
function titleIn(line: string): RegExpExecArray | null {
  for (const m of line.matchAll(TITLES)) {
    const before = line.slice(0, m.index);
    if ((before.match(/《/g) ?? []).length <= (before.match(/》/g) ?? []).length) return m as RegExpExecArray;
  }
  return null;
}

/** A year opening a title, before the agency's name. */
const LEADING_YEAR = /^\s*(\d{4})\s*年\s*度?\s*/;
/** A title line that names no year, its agency before it or on the line above. */
const YEARLESS_TITLE = /(?:政府|政务)?\s*信\s*息\s*公\s*开\s*(?:工\s*作)?\s*(?:年\s*度)?\s*报\s*告$/;
/**
 * A sentence or clause of the narrative that opens with the year it reports on ("2022年，我局…",
 * "2019年度街道受理…", "（一）主动公开情况。2024年，我局…", "坚持依法公开,2022年,我局…"); a date
 * ("2024年1月") is not one.
 */
const NARRATIVE_YEAR = /(?:^|[。：:，,])\s*(\d{4})\s*年\s*(?:度)?(?!\s*[\d月日底末初])/gmu;
const AGENCY_SUFFIX = /(?:局|委|委员会|政府|办公室|办|厅|院|中心|所|处|站|馆|街道|镇|乡|县|区|市|部|署|会|队|公司|集团|管委会|研究院|大学|学校|医院)$/;
/** 统计期限 "2020 年 1 月 1 日起，至 2020 年 12 月 31 日", also with the digits glued together. */
const PERIOD_END = /(?:至|截止|截至)\s*(\d{4})\s*年?\s*12\s*月?\s*31\s*日/;
const PERIOD_START = /(?:自|从|期限为|期限是|统计期限)\s*[:：]?\s*(\d{4})\s*年?\s*0?1\s*月?\s*0?1\s*日/;

function plausibleYear(y: number): number | null {
  return y >= 2007 && y <= 2100 ? y : null;
}

function cleanAgency(text: string): string | null {
  const cleaned = withoutGlosses(text)
    // (A flipbook page's title: "Page 8 - 威海市文登区信访局2022年…".)
    .replace(/^Page\s*\d+\s*[-–—:]\s*/i, '')
    .replace(/^[#>*\s\d.、]+/, '')
    .replace(/[\s*#【】\[\]「」《》]/g, '')
    // (A portal's field label before the title: "标      题 西藏自治区审计厅2025年…".)
    .replace(/^(?:关于|标题[:：]?|当前位置[:：].*?>)/, '')
    .replace(/(?:关于|的)$/, '')
    // A sentence's words before the name ("现将信访局2021年…"); "我局", "本机关" name no one.
    .replace(/^(?:现将|特将|(?:现|特)?(?:向社会)?公布)/, '')
    .trim();
  // A name with a character OCR could not read is no one's name (drawn-052: "□市交通运输局" for 某某市交通运输局):
  // in a panel keyed by agency it would stand as another body.
  if (cleaned.length < 2 || cleaned.length > 40 || /[。，,:：]/.test(cleaned) || /^[我本]/.test(cleaned) || cleaned.includes(UNREAD_MARK)) return null;
  return cleaned;
}

/** The year the narrative's sentences open with, when one year clearly leads (no title or 统计期限 said it). */
function narrativeYear(lines: readonly string[]): number | null {
  const counts = new Map<number, number>();
  for (const m of lines.join('\n').matchAll(NARRATIVE_YEAR)) {
    const y = plausibleYear(Number(m[1]));
    if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  return first && (!second || first[1] > second[1]) ? first[0] : null;
}

/**
 * "我镇2023年政府信息公开工作" in the preamble (nilka 2023: "…汇报我镇2023年政府信息公开工作。"; guiyang
 * 2020: "特向社会公布2020年桂洋镇人民政府信息公开工作年度报告", the body's name after the year): the
 * year whose disclosure work the text reports on, where exactly one year is named so; never a plan
 * or rules of a year ("2023年政务公开工作要点").
 */
const WORK_YEAR = /(\d{4})\s*年\s*度?\s*的?\s*(?:(?!将|要|继续|深化|推进|做好|加强|进一步|持续|提升)\p{Script=Han}){0,20}?(?:政府|政务)?\s*信\s*息\s*公\s*开\s*工\s*作(?![\s]*(?:要点|方案|计划|安排|部署|任务|实施))/gu;

function workYear(lines: readonly string[]): number | null {
  const years = new Set([...lines.join('\n').matchAll(WORK_YEAR)].map((m) => plausibleYear(Number(m[1]))));
  const [only] = [...years];
  return years.size === 1 && only !== undefined ? only : null;
}

/**
 * The preamble's sentence that presents this report, where no title line is printed: "现将2021年度镇远县林业局政府信息
 * 公开工作报告如下", "特向社会公布2020年桂洋镇人民政府信息公开工作年度报告", "现将茅坪回族镇2022年度政府信息公开工作报告如下"
 * (the body's name after the year or before it; "现将我局…" names no one; "现公布荣成市水利局2019年度政府信息公开年度报告"). Groups: the name before the year, the year,
 * the name after it, and a 政府 the name after the year may end in ("桂洋镇人民" + "政府").
 */
const PRESENTED = /(?:现将|特将|现予|(?:特|现)?(?:向社会)?公布)\s*(\p{Script=Han}{0,30}?)\s*(\d{4})\s*年\s*度?\s*的?\s*(\p{Script=Han}{0,30}?)\s*(政\s*府|政\s*务)?\s*信\s*息\s*公\s*开\s*(?:工\s*作)?\s*(?:总\s*结|情\s*况|年\s*度)*\s*(?:报\s*告|汇\s*报)/gu;

/** The year and body the sentence presenting the report names (its first outside a cited 《…》), in the first 80 lines. */
function presentedReport(lines: readonly string[]): { year: number | null; agency: string | null } | null {
  for (const line of lines.slice(0, 80)) {
    for (const m of line.matchAll(PRESENTED)) {
      const before = line.slice(0, m.index);
      if ((before.match(/《/g) ?? []).length > (before.match(/》/g) ?? []).length) continue;
      const [, named = '', y = '', after = '', government = ''] = m;
      // "…人民" + "政府信息公开": the 政府 ends the body's name ("桂洋镇人民政府"), else it begins 政府信息公开.
      const name = named !== '' ? named : /人民$/.test(after) && government !== '' ? `${after}政府` : after;
      const agency = cleanAgency(name);
      return { year: plausibleYear(Number(y)), agency: agency && AGENCY_SUFFIX.test(agency) ? agency : null };
    }
  }
  return null;
}

/**
 * A sentence of the narrative opening with the report's year and the body as the subject of that year's work
 * ("2021年,阜蒙县林业和草原局高度重视政府信息公开工作", "2021年,市农业农村局认真贯彻落实…"): the name ends in a
 * body's word and a verb of the narrative follows it. Groups: the year, the name.
 */
const BODY_OPENING_YEAR = /(?:^|[。：:，,])\s*(\d{4})\s*年\s*度?\s*[，,]?\s*(\p{Script=Han}{2,25}?(?:局|委员会|管委会|办公室|办事处|中心|人民政府|政府|街道|镇|乡|厅|院|署))(?=认真|高度|坚持|严格|按照|紧紧|围绕|始终|深入|全面|进一步|继续|积极|不断|扎实|切实|主动|依法|着力|聚焦|紧扣|全力|贯彻|强化|加强|持续|牢固|以|在|共)/gmu;
/**
 * The same subject written before its year ("临河区医疗保障局2023年为深入推进和落实政府信息公开工作,…"): the name
 * opens the sentence and the year follows it with no 政府信息公开…报告 after (that is a title). Groups: the name, the year.
 */
const BODY_BEFORE_YEAR = /(?:^|[。：:；;])\s*(\p{Script=Han}{2,25}?(?:局|委员会|管委会|办公室|办事处|中心|人民政府|政府|街道|镇|乡|厅|院|署))\s*(\d{4})\s*年\s*度?\s*(?=[，,]|为|以来|认真|高度|坚持|严格|按照|紧紧|围绕|始终|深入|全面|进一步|继续|积极|不断|扎实|切实|主动|依法|着力|聚焦|紧扣|全力|贯彻|强化|加强|持续|牢固|共)/gmu;
/** Words that open no body's name: "全镇", "我局", "本乡", "各科室", "该局", a 年度 or 以来 left of it. */
const NO_NAME_START = /^(?:[全我本各该度]|以来)/u;

/** The body that the narrative's sentences of `year` name as their subject, the first of them (in the first 80 lines). */
function narrativeBody(lines: readonly string[], year: number): string | null {
  const text = lines.slice(0, 80).join('\n');
  const subjects = [
    ...[...text.matchAll(BODY_OPENING_YEAR)].map((m) => ({ at: m.index, y: m[1] ?? '', name: m[2] ?? '' })),
    ...[...text.matchAll(BODY_BEFORE_YEAR)].map((m) => ({ at: m.index, y: m[2] ?? '', name: m[1] ?? '' })),
  ].sort((a, b) => a.at - b.at);
  for (const { y, name } of subjects) {
    if (plausibleYear(Number(y)) !== year || NO_NAME_START.test(name)) continue;
    const agency = cleanAgency(name);
    if (agency) return agency;
  }
  return null;
}

/** The year the text itself names: its 统计期限's, else the sentence presenting the report, else its narrative's (in its first 200 lines). */
function textYear(lines: readonly string[]): number | null {
  const text = lines.slice(0, 200).join('\n');
  const period = PERIOD_END.exec(text) ?? PERIOD_START.exec(text);
  return (period ? plausibleYear(Number(period[1])) : null) ?? presentedReport(lines)?.year ?? narrativeYear(lines.slice(0, 200));
}

/**
 * The line of the report's own title among the first lines. A portal's page may list other reports' titles beside
 * its own (a sidebar's "热点推荐", "上一篇：…"): where the title lines name different years, the one whose year the
 * text's 统计期限 (else its narrative) names, none when it names another; with no such year, the last before the body
 * (一、总体情况), as a document's title stands right above it; else the first.
 */
function ownTitleIndex(head: readonly string[], lines: readonly string[]): number | 'none' {
  const found = head.flatMap((l, i) => {
    const m = l.length <= 80 ? titleIn(l) : null;
    return m ? [{ i, year: plausibleYear(Number(m[1])) }] : [];
  });
  const [first] = found;
  if (!first || new Set(found.map((f) => f.year)).size === 1) return first?.i ?? -1;
  const year = textYear(lines);
  // (The text names its year and no title line agrees: they are all other reports', the year comes from the text.)
  if (year !== null) return found.find((f) => f.year === year)?.i ?? 'none';
  const body = head.findIndex((l) => /^一、?\s*总体情况/.test(l));
  return (found.filter((f) => body < 0 || f.i < body).at(-1) ?? first).i;
}

/** Reads agency and year from the first lines of the plain text. */
export function readMetadata(plainText: string): ReportMetadata {
  const lines = foldText(plainText)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let agency: string | null = null;
  let year: number | null = null;
  const head = lines.slice(0, 80);
  const own = ownTitleIndex(head, lines);
  let titleIndex = own === 'none' ? -1 : own;
  let title = head[titleIndex] ?? '';
  // A title wrapped over two lines ("西藏自治区审计厅2025年政务信息" / "公开工作开展年度报告").
  if (own !== 'none' && titleIndex < 0) {
    titleIndex = head.findIndex((l, i) => i + 1 < head.length && `${l}${head[i + 1]}`.length <= 80 && titleIn(`${l}${head[i + 1]}`) !== null);
    title = titleIndex >= 0 ? `${head[titleIndex]}${head[titleIndex + 1]}` : '';
  }
  if (titleIndex >= 0) {
    const m = titleIn(title);
    year = m ? plausibleYear(Number(m[1])) : null;
    const before = title.slice(0, m?.index ?? 0);
    agency = cleanAgency(before);
    // Title printed under the agency's name ("中宁县科学技术局" / "2020年政府信息公开工作年度报告").
    for (let i = titleIndex - 1; agency === null && i >= Math.max(0, titleIndex - 3); i--) {
      const candidate = cleanAgency(head[i] ?? '');
      if (candidate && AGENCY_SUFFIX.test(candidate)) agency = candidate;
    }
  }
  // A title naming no year ("乌海市工业和信息化局" / "政府信息公开工作年度报告"): its agency still.
  if (agency === null) {
    const heading = head.slice(0, 10).findIndex((l) => YEARLESS_TITLE.test(l));
    if (heading >= 0) {
      // The year may open the title, before the agency ("2021年区集体经济发展服务署政府信息公开工作年度报告").
      const rest = (head[heading] ?? '').replace(YEARLESS_TITLE, '');
      const leadingYear = LEADING_YEAR.exec(rest);
      if (leadingYear && year === null) year = plausibleYear(Number(leadingYear[1]));
      const own = cleanAgency(rest.replace(LEADING_YEAR, ''));
      const above = heading > 0 ? cleanAgency(head[heading - 1] ?? '') : null;
      agency = [own, above].find((c) => c !== null && c !== undefined && AGENCY_SUFFIX.test(c)) ?? null;
    }
  }
  // A page flattened to one line (a scraper's get_text): the title is the first in that line, its
  // agency the words right before it.
  if (own !== 'none' && titleIndex < 0) {
    const flat = head.slice(0, 5).find((l) => l.length > 80 && titleIn(l) !== null) ?? '';
    const m = titleIn(flat);
    if (m) {
      year = plausibleYear(Number(m[1]));
      const candidate = cleanAgency(flat.slice(0, m.index).trimEnd().split(/[\s。>]/).pop() ?? '');
      if (candidate && AGENCY_SUFFIX.test(candidate)) agency = candidate;
    }
  }
  if (year === null) year = textYear(lines);
  if (year === null) year = workYear(lines.slice(0, 50));
  // No title names the body: the sentence presenting the report may (for the year the report is of).
  if (agency === null) {
    const presented = presentedReport(lines);
    if (presented?.agency && (year === null || presented.year === year)) agency = presented.agency;
  }
  // Nor that sentence: the body the narrative names as the subject of the year's work.
  if (agency === null && year !== null) agency = narrativeBody(lines, year);
  const narrative = NARRATIVE_REQUESTS.exec(lines.join('\n'));
  return narrative ? { agency, year, narrativeRequests: Number(narrative[1]) } : { agency, year };
}
