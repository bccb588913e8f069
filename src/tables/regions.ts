/**
 * Splits a stream of lines into table regions (二 / 三 / 四) by their headers and labels, never by
 * section numbers (templates.md §7.1: sections get renumbered, headings reworded or dropped).
 */
import type { Line } from '../model/document.js';
import type { TableKey } from '../schema/keys.js';
import { foldText, labelKey, normaliseLabel } from './normalise.js';
import { ACTIVE_ROW_SPECS, REQUEST_ROW_SPECS } from './templates.js';

/** A run of consecutive lines that belong to one table. */
export interface Region {
  kind: TableKey;
  lines: Line[];
}

/** The text of a line, cells joined with a space. */
export function lineText(line: Line): string {
  return line.cells.map((c) => c.text).join(' ');
}

/**
 * A number told with its counting word among words ("本年度共收到政府信息公开申请27件，具体情况如下：" between a heading
 * and its table; an overview's list "1、本年新收政府信息公开申请13件；" / "(11)6件结转下年度继续办理"): a cell prints no
 * counting word (an amount may print its 元, so 元 only where words go on after it). "第1项" is a band's numbering.
 */
const COUNTED_IN_WORDS =
  /(?!第)\p{Script=Han}\d+(?:\.\d+)?(?:件|条|个|起|次|项|篇|人次)|\d(?:件|条|个|起|次|篇|人次)\p{Script=Han}|\p{Script=Han}\d+(?:\.\d+)?(?:万元|元)[,，;；:：]\s*\p{Script=Han}/u;

/** Narrative text, not table content: a sentence, or a long run of Han text. */
export function isProse(line: Line): boolean {
  if (line.separator === 'grid') return false;
  const text = foldText(lineText(line));
  if (/。/.test(text)) return true;
  // A sentence wrapped before its 。 (lynx): clauses parted by commas outside any bracket, numbers glued to
  // words in them ("我乡制发文件18件,废止文件0件,现行有效文件18件,行政许可共处理决定62起,…").
  const unbracketed = text.replace(/[（(][^）)]*[）)]/gu, '');
  if ((unbracketed.match(/\p{Script=Han}\d*[件条个起次项篇元][,，]/gu) ?? []).length >= 3) return true;
  if (COUNTED_IN_WORDS.test(unbracketed)) return true;
  // Numbers glued to words, again and again: table cells run together, not a sentence.
  if ((text.match(/\p{Script=Han}[+-]?\d/gu) ?? []).length >= 3) return false;
  // Header words with a row of cells run into them at the end (四 of a flattened page: "…总计0000—011—01100—00").
  if (/\p{Script=Han}[\d—－/]{5,}$/u.test(text.trim())) return false;
  // Numbers standing between words, again and again: table cells kept one space apart (a page
  // flattened by get_text(' ')), not a sentence.
  if ((text.match(/\p{Script=Han}[）)]?\s+(?:\d+\s+){2,}/gu) ?? []).length >= 3) return false;
  if (standaloneNumbers(text) >= SPACED_CELLS) return false;
  // A long label with its row's numbers set off in columns ("規範性檔案(行政機關…)      2      2      19",
  // pandoc -t plain): a table row however long its label's note, not a sentence.
  if (line.method === 'text' && /[^\s\d]\s{2,}[+-]?\d[\d.,]*(?:\s{2,}[+-]?\d[\d.,]*)+\s*$/u.test(line.raw ?? '')) return false;
  // A tab- or pipe-separated line is table cells, however much Han text its header holds; so is one
  // cell per line closed by its pipe ("规范性文件(行政机关制定发布的…属于规范性文件) |").
  if (line.separator === 'tab' || line.separator === 'marks' || line.separator === 'pipe' || (line.method === 'text' && (line.raw?.includes(' | ') || /\|\s*$/.test(line.raw ?? '') || (line.raw?.match(/\|/g) ?? []).length >= 3))) return false;
  // A row label's bracketed guidance is no sentence, however long (provincial templates print a note
  // of seventy characters after 规范性文件).
  return (unbracketed.match(/\p{Script=Han}/gu) ?? []).length >= 48;
}

/** Words only 三's own rows hold (not its header): once one is seen, the region is past its header. */
const REQUEST_ROW_WORDS = ['申请数量', '办理结果', '予以公开', '不予公开', '无法提供', '不予处理', '总计', '结转下年度'];
/** 二's row labels, as keys: a line starting with one is a row of 二. */
const ACTIVE_ROW_KEYS: readonly string[] = ACTIVE_ROW_SPECS.flatMap((r) => [r.label, ...r.aliases]).map((l) => labelKey(normaliseLabel(l)));

/** Numbers standing alone between spaces: this many in a line are table cells kept one space apart. */
const SPACED_CELLS = 5;
/** …and this many in a flattened page are its tables' cells (a glued page has a few, in dates and prose). */
const SPACED_PAGE = 20;

function standaloneNumbers(text: string): number {
  return (text.match(/(?<=\s)\d+(?=\s|$)/g) ?? []).length;
}

/** 三's own row labels, without their numbering, long enough to be found nowhere else (属于国家秘密, 重复申请 …). */
const REQUEST_ROW_KEYS: readonly string[] = REQUEST_ROW_SPECS.map((r) => labelKey(normaliseLabel(r.label.replace(/^[（(]?[一二三四五六七\d]+[)）、.]?/u, '')))).filter((k) => k.length >= 4);
/** Numbers a line of 三 holds beside its label at least (of its 7), to be taken for one. */
const REQUEST_ROW_NUMBERS = 5;

/** A row of 三 with its numbers: where a page holds 三 continued without its header, its region starts. */
function continuesRequests(key: string, line: Line): boolean {
  return REQUEST_ROW_KEYS.some((k) => key.includes(k)) && line.cells.filter((c) => /^\d+$/.test(c.text.trim())).length >= REQUEST_ROW_NUMBERS;
}

/**
 * A note under a table ("注：…"), or a bracketed one beside it ("（单位：件）", "（数据来源：…）"): not data, and not the
 * start of another table. (A bracketed label continued on its own line, "(区分处理的,只计这一情形,…)", has no colon.)
 */
function isNote(key: string, raw: string): boolean {
  return /^注[:：]/.test(raw.trim()) || key.startsWith('注') || /^[（(][^（()）]*[:：][^（()）]*[）)]$/u.test(raw.trim());
}

/** A numbered section heading of a table ("三、收到和处理政府信息公开申请情况"), not a sentence that names one. */
function isTableHeading(line: Line): boolean {
  return /^[二三四][、.]/u.test(normaliseLabel(lineText(line))) && regionStart(line) !== null;
}

/** Notes or sentences skipped between a table's heading and the table: one or two, as reports print them. */
const NOTES_AFTER_HEADING = 2;

/**
 * Words of 二's first header row, in either format, printed nowhere else: its region starts there
 * when the band heading above was not read and 信息内容 was garbled (drawn-007 p1, OCR: "第 条第 项",
 * "信息[9容 本年制发件数 本年废吓上件数 现行有效件数"; 规章 and 行政规范性文件 were missing).
 */
const ACTIVE_HEADER_WORDS = ['本年制发件数', '现行有效件数', '本年新制作数量', '对外公开总数量'];

/** Which table a line starts, if it is a strong marker of one. */
export function regionStart(line: Line): TableKey | null {
  const raw = normaliseLabel(lineText(line));
  const key = labelKey(raw);
  if (key === '' || isNote(key, raw)) return null;
  if (/第二十一?条第?[一二三四五六七八九十]+项/.test(key) || key.startsWith('信息内容') || key.includes('主动公开政府信息情况') || ACTIVE_HEADER_WORDS.some((w) => key.includes(w))) {
    return 'active';
  }
  if (
    key.includes('勾稽关系') ||
    // (本列数据的勾稽关系…: 三's note, with 稽 misread "勾移" by OCR.)
    key.includes('本列数据') ||
    key.includes('申请人情况') ||
    key.includes('收到和处理政府信息公开申请') ||
    key.includes('本年新收') ||
    // A table continued from a page before starts with one of its own rows (a flipbook page: "四、结转下年度继续办理 0 0 …").
    key.includes('上年结转政府信息公开申请') ||
    key.includes('结转下年度继续办理') ||
    (key.includes('自然人') && key.includes('商业企业')) ||
    // A scan's first row with a character lost ("年新收…", 本 misread) or printed 上年转结, its header
    // word with 申 lost ("请人情况", drawn-115); or 三
    // continued on a page without its header, from any of its own rows with its numbers.
    (line.method === 'ocr' && (key.includes('新收政府信息公开申请') || key.includes('上年转结政府信息公开申请') || key.includes('请人情况') || continuesRequests(key, line)))
  ) {
    return 'requests';
  }
  if (/行政法?复议/.test(key) && !key.includes('结转')) return 'reviews';
  return null;
}

/** OCR's confidence below which a line's words are too garbled to be a sentence. */
const GARBLED_CONFIDENCE = 0.6;

/** A line read poorly by OCR whose next line is a row of numbers (three or more). */
function garbledBeforeRow(line: Line, next: Line | undefined): boolean {
  if (line.method !== 'ocr' || next?.method !== 'ocr') return false;
  return Math.min(...line.cells.map((c) => c.confidence)) < GARBLED_CONFIDENCE && next.cells.filter((c) => /^\d+$/.test(c.text.trim())).length >= 3;
}

/** Cells a line of 三 continued at a page's top prints at least (of 7), numbers or placeholders, to be one of its rows. */
const ROW_ABOVE_CELLS = 3;

/**
 * The lines of a scan's page above the row its region of 三 was found at, back to the page's top,
 * when each is a row of 三 whose label OCR garbled ("4.保护第 E方合法权益 0 2 0 0 2") or a piece of a
 * wrapped label: 三 continued from the page before starts at the page's top, and only a row whose
 * label was read whole started the region (drawn-055 p3: five rows above 6.属于四类过程性信息 were
 * missing). Nothing is taken past a line no table row prints (prose, a heading) or one already in a region.
 */
function rowsAboveOnPage(lines: readonly Line[], index: number, taken: ReadonlySet<Line>): Line[] {
  const first = lines[index] as Line;
  if (first.method !== 'ocr') return [];
  const above: Line[] = [];
  for (let j = index - 1; j >= 0; j--) {
    const line = lines[j] as Line;
    if (line.page !== first.page) break;
    if (taken.has(line) || line.method !== 'ocr' || isProse(line) || regionStart(line) !== null || isClosingHeading(labelKey(normaliseLabel(lineText(line))))) return [];
    const cells = line.cells.filter((c) => /^(?:\d+|[—–－-]|无)$/u.test(c.text.trim())).length;
    const labelPiece = line.cells.length <= 2 && !line.cells.some((c) => /\d/.test(c.text)) && lineText(line).trim().length <= 16;
    if (cells < ROW_ABOVE_CELLS && !labelPiece) return [];
    above.unshift(line);
  }
  // Up to the page's top, and holding rows of numbers, not only label pieces.
  return above.some((l) => l.cells.filter((c) => /^\d+$/.test(c.text.trim())).length >= ROW_ABOVE_CELLS) ? above : [];
}

/** Headings of the narrative sections after the tables end any table region. */
function isClosingHeading(key: string): boolean {
  return /^(?:[五六]、?)?(?:政府信息公开工作)?存在的?主要问题|^(?:[五六]、?)?其他需要报告的?事项|^一、?总体情况/.test(key);
}

/**
 * Where a page flattened to one line is cut back into lines: after each sentence, and before each
 * section heading and table header. Only the tables' regions need finding; their rows are
 * decoded from the glued text as it is.
 */
// (Traditional characters too: a mirror's page flattened to one line prints 三、收到和處理政府信息公開申請情況.)
const FLAT_CUT = /(?<=。)|(?=[一二三四五六]、\s*(?:[总總][体體]情[况況]|主[动動]公[开開]|收到和[处處]理|政府信息公[开開]行政|因政府信息公[开開]|存在的主要[问問][题題]|政府信息公[开開]工作存在|其他需要[报報]告))|(?=第二十一?[条條]\s*第)|(?=[（(]本列\)?[数數][据據])/u;
/** A line this long with tables in it is a flattened page, not a table row. */
const FLAT_LINE_LENGTH = 400;

/** Cuts a text line that holds a whole flattened page into section-sized lines (same line number). */
export function splitFlattenedLine(line: Line): Line[] {
  const raw = line.raw ?? '';
  if (line.method !== 'text' || raw.length < FLAT_LINE_LENGTH || raw.includes('\t')) return [line];
  const parts = raw.split(FLAT_CUT).filter((p) => p.trim() !== '');
  if (parts.length < 3) return [line];
  const confidence = line.cells[0]?.confidence ?? 1;
  // A page whose cells a scraper kept apart with spaces (BeautifulSoup's get_text(' '): numbers
  // standing alone) keeps them apart; a glued page stays one text a line, whose digits and
  // numbering the decoder splits.
  const spaced = standaloneNumbers(raw) >= SPACED_PAGE;
  // A page whose cells were kept apart with pipes (get_text(' | ')) keeps them apart with its pipes,
  // empty cells too; a space parts cells as well, as it may be all that parts one row from the next
  // ("… | 3119 二、上年结转… | 34 |"; a label's own spaces part only pieces of one label).
  const piped = (raw.match(/\|/g) ?? []).length >= SPACED_PAGE;
  return parts.map((part, k) => {
    // Only the page's last part ends where the source may have been cut off.
    const { unterminated, ...rest } = line;
    const whole = unterminated === true && k === parts.length - 1 ? { ...rest, unterminated } : rest;
    if (piped && part.includes('|')) {
      const cells = part.trim().split(/\s*\|\s*|\s+/u);
      // (Its raw text as the pipe line it is read as: the pipe styles are read off raw lines.)
      return { ...whole, raw: cells.join(' | '), cells: cells.map((text) => ({ text, confidence })), separator: 'pipe' };
    }
    if (!spaced) return { ...whole, raw: part, cells: [{ text: part.trim(), confidence }], separator: 'none' };
    const words = part.split(/[\s\u3000]+/u).filter((w) => w !== '');
    return { ...whole, raw: part, cells: words.map((text) => ({ text, confidence })), separator: 'spaces' };
  });
}

/** Splits lines into regions; lines outside every table are dropped. */
export function splitRegions(input: readonly Line[]): Region[] {
  const lines = input.flatMap(splitFlattenedLine);
  const regions: Region[] = [];
  let current: Region | null = null;
  let lastActive: Region | null = null;
  // Whether the current region of 三 has shown one of its rows yet (or only its header).
  let requestRowsSeen = false;
  const keys = lines.map((line) => labelKey(normaliseLabel(lineText(line))));
  const isActiveRow = (key: string | undefined): boolean => key !== undefined && ACTIVE_ROW_KEYS.some((k) => key.startsWith(k));
  // Notes skipped since the current region's heading, while it holds nothing else.
  let notesAfterHeading = 0;
  // Lines some region holds.
  const taken = new Set<Line>();
  for (const [index, line] of lines.entries()) {
    const key = keys[index] as string;
    if (current?.kind === 'requests' && REQUEST_ROW_WORDS.some((w) => key.includes(w))) requestRowsSeen = true;
    // A sentence that mentions 行政复议 is narrative, not the start of table 四.
    const prose = isProse(line);
    let start = prose ? null : regionStart(line);
    // A band header "信息内容 …" inside 三 is a header row reused where it does not belong
    // (PDF→Markdown), not 二, unless 二's rows follow it; and 三's header reused above 二's last
    // rows does not take them.
    const next = keys.slice(index + 1).find((k) => k !== '');
    if (start === 'active' && current?.kind === 'requests' && key.startsWith('信息内容') && !isActiveRow(next)) start = null;
    // Likewise 三's header reused over 四's row of numbers: 三 only if its rows follow.
    const soon = keys.slice(index + 1).filter((k) => k !== '').slice(0, 4);
    if (start === 'requests' && current?.kind === 'reviews' && !REQUEST_ROW_WORDS.some((w) => key.includes(w)) && !soon.some((k) => REQUEST_ROW_WORDS.some((w) => k.includes(w)))) start = null;
    if (!start && current?.kind === 'requests' && !requestRowsSeen && lastActive && isActiveRow(key)) {
      lastActive.lines.push(line);
      taken.add(line);
      continue;
    }
    if (start) {
      if (!current || current.kind !== start) {
        // (三 continued at a page's top, found at a row below rows whose labels OCR garbled: those too.)
        const above: Line[] = start === 'requests' && !current ? rowsAboveOnPage(lines, index, taken) : [];
        current = { kind: start, lines: [...above] };
        regions.push(current);
        notesAfterHeading = 0;
        if (start === 'requests') requestRowsSeen = REQUEST_ROW_WORDS.some((w) => key.includes(w));
        if (start === 'active') lastActive = current;
      }
      current.lines.push(line);
      taken.add(line);
      continue;
    }
    if (isClosingHeading(key)) {
      current = null;
      continue;
    }
    // A long line OCR read poorly between rows of numbers is a table's garbled label column, no
    // sentence (drawn-020 p2, a photo: the labels of 三's first seven rows read as one line of 80
    // characters at 0.47, which ended the region, the rows of numbers under it no table's). It is
    // left out, not read as labels: its words hold several rows' fragments ("…安全一稳定").
    if (current && prose && garbledBeforeRow(line, lines[index + 1])) continue;
    if (prose || isNote(key, lineText(line))) {
      // "三、收到和处理…情况" / "本年度共收到申请27件，具体情况如下：" / the table: the sentence is skipped, the table is 三's.
      const printed = current?.lines.filter((l) => lineText(l).trim() !== '') ?? [];
      const afterHeading = printed.length === 1 && isTableHeading(printed[0] as Line);
      if (!afterHeading || ++notesAfterHeading > NOTES_AFTER_HEADING) current = null;
      continue;
    }
    if (current) {
      current.lines.push(line);
      taken.add(line);
    }
  }
  return regions;
}
