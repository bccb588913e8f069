/**
 * The first step of decoding: every line of a table region becomes a run of tokens, label text
 * and value slots, whatever separated them (markup grid, tabs, pipes anywhere in the line, runs of
 * spaces, one cell per line, or nothing at all: cells glued into one string by a scraper).
 * Numbers glued to label text are cut off it here; whether a glued digit string is one number or
 * several is decided later, against the identities (settle.ts).
 */
import { UNREAD_MARK, type BBox, type Line, type LineCell } from '../model/document.js';
import { isValueText, parseChangePair } from './cells.js';
import { endsWithGroupPhrase, foldText } from './normalise.js';
import { REQUEST_GROUP_PHRASES } from './templates.js';
import type { Slot } from './slots.js';

/** A piece of label text, with where it was printed. */
export interface LabelToken {
  kind: 'label';
  text: string;
  page: number;
  line: number;
  cellIndex: number;
  /** The line the label came from (for band headers and column positions). */
  source: Line;
}

/** A printed value position (a number, a placeholder, an explicit empty cell, OCR's unread mark). */
export interface ValueToken {
  kind: 'value';
  slot: Slot;
}

/**
 * Blank cells were lost here in an unknown number: a run of `||` residue after a row, a line of
 * pipes only. Positions of the values around it are not proven by it.
 */
export interface GapToken {
  kind: 'gap';
  page: number;
  line: number;
}

export type Token = LabelToken | ValueToken | GapToken;

/** A number inside text: digits with thousands separators, a fraction, a sign, a unit. */
const NUMBER_IN_TEXT = /(?:(?<=\d)[+-]|(?<![\d.])[+-]?)\d+(?:,\d{3}(?!\d))*(?:\.\d+)?(?:万元|元)?/gu;

/** More digits than any one count or amount has (an amount in 元 of a hundred 亿 has 11). */
const TOO_LONG_FOR_ONE_NUMBER = /^\d{12,}$/u;

/** A no-break or ideographic space the extractor kept as a cell of its own (text-columns.ts). */
const LONE_MARK = /^[\u3000\u00a0]$/u;
/** Blank placeholders that may stand glued among a row's numbers ("206218—0152227803", "数量无0000"). */
const GLUED_PLACEHOLDER = /[—－/无空]/u;
/** After a placeholder, the numbering of the next row ("…0016无二、上年结转"), not a word it begins ("无法提供"). */
const NEXT_NUMBERING = /^(?:[一二三四五六七八九十]+、|[(（]|\d|$)/u;

/** Numbers and placeholders run together with nothing else ("/00028", "0—0"): cells glued, not one malformed value. */
function isGluedRun(text: string): boolean {
  const t = foldText(text).trim();
  return /^(?:\d|[—－/无空])+$/u.test(t) && /\d/.test(t) && /[—－/无空]/u.test(t);
}

/** Text that ends in a number (its unit or a placeholder after it at most): "行政许可1203", "…数量0/". */
const NUMBER_AT_END = /\d(?:万元|元)?[—－/无空]*$/u;

/** A row label with its blank cells glued after it and no number at all ("政府集中采购—", "行政事业性收费/"). */
const TRAILING_PLACEHOLDERS = /[\p{Script=Han})）][—－/]+$/u;

/** Blank placeholders right before a row's numbering, captured for split(). */
const PLACEHOLDERS_BEFORE_NUMBERING = /([—－/无空]+)(?=\d{1,2}[.、]|[(（](?:[一二三四五六七八九十]+|\d{1,2})[)）]|[一二三四五六七八九十]+、)/u;

type GluedPart = { kind: 'label' | 'number' | 'blank'; text: string };

/**
 * Placeholders glued to a row's numbers are blank cells: a label piece's end right before a number
 * ("数量无" + "0000"), its start right after one ("/" in "14/"), or all of it between two. A
 * 无 or 空 that begins a word ("无法提供", "无正当理由") stays label text.
 */
function peelPlaceholders(parts: readonly GluedPart[], valuesFollow: boolean): GluedPart[] {
  const out: GluedPart[] = [];
  parts.forEach((part, i) => {
    if (part.kind !== 'label') {
      out.push(part);
      return;
    }
    const chars = [...part.text];
    const head: GluedPart[] = [];
    const tail: GluedPart[] = [];
    if (parts[i - 1]?.kind === 'number') {
      const wordStart = (k: number): boolean => /[无空]/u.test(chars[k] as string) && !NEXT_NUMBERING.test(chars.slice(k + 1).join('')) && !chars.slice(k + 1).every((c) => GLUED_PLACEHOLDER.test(c));
      while (chars.length > 0 && GLUED_PLACEHOLDER.test(chars[0] as string) && !wordStart(0)) {
        head.push({ kind: 'blank', text: chars.shift() as string });
      }
    }
    const last = i === parts.length - 1;
    if (parts[i + 1]?.kind === 'number' || (last && valuesFollow) || (last && TRAILING_PLACEHOLDERS.test(part.text))) {
      while (chars.length > 0 && GLUED_PLACEHOLDER.test(chars.at(-1) as string)) tail.unshift({ kind: 'blank', text: chars.pop() as string });
    }
    out.push(...head);
    // A row of blanks between its label and the next row's numbering ("稳定”///////4.保护…").
    const middle = chars.join('').split(PLACEHOLDERS_BEFORE_NUMBERING);
    middle.forEach((piece, k) => {
      if (k % 2 === 1) out.push(...[...piece].map((c): GluedPart => ({ kind: 'blank', text: c })));
      else if (piece !== '') out.push({ kind: 'label', text: piece });
    });
    out.push(...tail);
  });
  return out;
}

/**
 * Splits text that mixes label words and numbers with no separator ("行政许可1203",
 * "一、本年新收政府信息公开申请数量1530000018二、上年结转…") into label and number pieces. A digit
 * right before "." / "、" and a Han character is the numbering of the next label ("…0002.其他法律…":
 * the numbers are 000, the numbering 2), never part of a value.
 */
export function splitGluedText(text: string, valuesFollow = false): GluedPart[] {
  // A circled numbering ("…0000000②其他法律…", "行政许可①12") folds to a bare digit: keep it the
  // bracketed numbering it is, no digit of a number.
  const folded = foldText(text.replace(/[\u2460-\u2473]/gu, (c) => `(${(c.codePointAt(0) ?? 0) - 0x245f})`));
  const parts: GluedPart[] = [];
  let at = 0;
  const pushLabel = (s: string): void => {
    if (s === '') return;
    const last = parts.at(-1);
    if (last?.kind === 'label') last.text += s;
    else parts.push({ kind: 'label', text: s });
  };
  for (const m of folded.matchAll(NUMBER_IN_TEXT)) {
    const start = m.index ?? 0;
    let digits = m[0];
    const after = folded.slice(start + digits.length);
    const before = folded.slice(0, start);
    // 第1项, 2019年, counts in a description ("公务用车10辆"), and generic column names a converter
    // made ("数据1", "列2"): words, not cells.
    if (/(?:第|数据|列|栏)\s*$/.test(before) || /^\s*[项条年月日号辆輛台臺名份张張套批座]/u.test(after)) continue;
    let numbering = '';
    if (/^\s*[.．、]\s*\p{Script=Han}/u.test(after) && /^\d+$/.test(digits)) {
      numbering = digits.slice(-1);
      digits = digits.slice(0, -1);
    }
    // A number inside brackets ("(1)", "(指2020年…如-8)") is part of a label's note, not a cell;
    // inside quotes it is part of a name ("阎良区“012”办公区").
    // (The nearest bracket decides: one stray bracket earlier on a flattened page, "（本列）数据…之和）",
    // must not turn every later numbering "（2）" into a cell.)
    const lastOf = (chars: RegExp): number => Math.max(-1, ...[...before.matchAll(chars)].map((b) => b.index ?? -1));
    if (lastOf(/[(（]/g) > lastOf(/[)）]/g)) continue;
    if (lastOf(/“/g) > lastOf(/”/g)) continue;
    pushLabel(folded.slice(at, start));
    if (digits !== '') parts.push({ kind: 'number', text: digits.replace(/^\+/, '') });
    pushLabel(numbering);
    at = start + m[0].length;
  }
  pushLabel(folded.slice(at));
  return peelPlaceholders(
    parts.filter((p) => p.kind === 'number' || p.text.trim() !== ''),
    valuesFollow,
  );
}

/** A cell that stands where a value stands: a number, a placeholder, empty, or OCR's unread mark. */
export function isValueCell(text: string): boolean {
  const t = text.trim();
  return t === '' || t === UNREAD_MARK || isValueText(t);
}

/** A cell of label text: words, not a value (a cell of digits that is no valid value, "--253", is a malformed value). */
function isLabelCell(text: string): boolean {
  return !isValueCell(text) && /[\p{Script=Han}A-Za-z]/u.test(text);
}

/**
 * A cell's box: its place on the page, or for column text its character columns (one line high),
 * so that the decoder reads both by the same rules.
 */
export function boxOf(cell: LineCell, line: Line): BBox | undefined {
  if (cell.bbox) return cell.bbox;
  if (cell.textColumns) return { x0: cell.textColumns.start, x1: cell.textColumns.end, y0: line.lineNo, y1: line.lineNo + 1 };
  return undefined;
}

function slotOf(text: string, cell: LineCell | undefined, line: Line, cellIndex: number, glued = false): Slot {
  const slot: Slot = { text, page: line.page, line: line.lineNo, confidence: cell?.confidence ?? 1, method: line.method, cellIndex };
  if (cell?.col !== undefined) slot.col = cell.col;
  if (line.tableNo !== undefined) slot.tableNo = line.tableNo;
  const box = cell ? boxOf(cell, line) : undefined;
  if (box) slot.bbox = box;
  if (glued) slot.glued = true;
  return slot;
}

/**
 * How a text region writes its cells when it puts one per line: `terminated` ("0 |": a lone "|"
 * line is an empty cell), `bare` ("0" then a "|" line: the pipe lines only separate cells), or
 * neither (`none`).
 */
export type PipeStyle = 'terminated' | 'bare' | 'none';

/** How a text region prints its cells: its pipe style, and whether every row ends in an extra empty cell. */
export interface RegionStyle {
  pipes: PipeStyle;
  /**
   * Every pipe row of the region ends in an empty cell ("… | 0 | 32 | |"): that last cell is the
   * converter's residue, not a blank column (a column left blank in every row would not be a table's).
   */
  trailingResidue: boolean;
  /**
   * Rows end with their last cell, not a pipe ("label| 0| 0| 5", html2text): a row ending in "|" then
   * ends in an empty cell, where elsewhere the pipe only closes the row.
   */
  openEnded: boolean;
  /**
   * Lines of a box-drawn row (w3m) printed over several lines whose cells hold no value while
   * another line of the row does: a wrapped label's lines, whose empty cells are the same cells
   * again, not blanks.
   */
  boxContinuations: ReadonlySet<number>;
  /**
   * In `bare` style, the lone "|" lines that follow another with no cell between them ("0", "|",
   * "|", "5"): the empty cell the two pipes bracket.
   */
  emptyBetweenPipes: ReadonlySet<number>;
  /**
   * Row labels run straight into their numbers on line after line ("行政许可1203", BeautifulSoup's
   * get_text() with no separator): every digit run of the region may hold several cells, and a
   * lone no-break or ideographic space among them is a blank cell.
   */
  gluedCells: boolean;
  /**
   * Pipe rows start with their label, not a pipe ("行政许可 | 58 | 7 |"): a row that starts with a
   * pipe then starts with an empty cell (四's value row, its first number blank).
   */
  labelFirst: boolean;
  /**
   * Empty cells print as nothing between pipes, so pipes run together ("13 || 0 | 0 | 11 || 24 |",
   * compact rows): a run of pipes after the last number is empty cells too, not residue.
   */
  pipeRunsAreCells: boolean;
  /**
   * Empty cells inside rows print as pipes two spaces apart or more ("0  |   | 5"): a row's last
   * pipe one space after another ("0  |   | |") then closes no cell; it is span residue.
   */
  residueOneSpaceOff: boolean;
}

/** The lines of each box-drawn row (w3m), between the rules that part the rows: a row printed over several lines. */
function boxRows(lines: readonly Line[]): Line[][] {
  const rows: Line[][] = [];
  let row: Line[] = [];
  for (const line of lines) {
    const raw = line.raw ?? '';
    if (line.method !== 'text' || !BOX_VERTICAL_ONE.test(raw) || BOX_RULE.test(raw)) {
      if (row.length > 0) rows.push(row);
      row = [];
      continue;
    }
    row.push(line);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

const boxCells = (line: Line): string[] => (line.raw ?? '').split(BOX_VERTICAL).map((c) => c.trim());

/** Box-drawn rows printed over several lines: the lines holding no value in a row where another line does. */
function boxContinuations(lines: readonly Line[]): Set<number> {
  const out = new Set<number>();
  for (const row of boxRows(lines)) {
    const values = row.map((line) => boxCells(line).some((c) => c !== '' && isValueCell(c)));
    if (values.some(Boolean)) row.forEach((line, k) => !values[k] && out.add(line.lineNo));
  }
  return out;
}

/**
 * The text of box-drawn rows printed over several lines, each cell's pieces read top to bottom: a header
 * cell wrapped over lines ("本年新" / "制作數" / "(shù)量") reads whole, as the format's header words are matched.
 */
export function boxRowsText(lines: readonly Line[]): string {
  return boxRows(lines)
    .filter((row) => row.length > 1)
    .map((row) => {
      const cells = row.map(boxCells);
      return (cells[0] ?? []).map((_, i) => cells.map((c) => c[i] ?? '').join('')).join(' ');
    })
    .join('\n');
}

/** Lone "|" lines right after another lone "|" line (blank lines between do not count). */
function pipeLinesAfterPipeLines(lines: readonly Line[]): Set<number> {
  const out = new Set<number>();
  let previousLone = false;
  for (const line of lines) {
    const raw = (line.raw ?? '').trim();
    if (raw === '') continue;
    const lone = line.method === 'text' && raw === '|';
    if (lone && previousLone) out.add(line.lineNo);
    previousLone = lone;
  }
  return out;
}

/** Rows ending with their last cell, not a pipe, that show a region's rows end open even where most end in an empty cell. */
const OPEN_ROWS_PROVING_STYLE = 3;

/** A line of numbers only, their cells parted by single spaces: empty fields are empty cells ("34      34"). */
const SPACE_JOINED_VALUES = /^[\d.,+\-]*(?: [\d.,+\-]*)+$/;

/**
 * Rows a scraper joined with one space per cell, empty cells as nothing (' '.join of the cells):
 * "3001 53   61 4 3119" is 3001 53 _ _ 61 4 3119, and "1288 21 0 0 50 3 " ends in an empty total. Told
 * by every line of numbers in the region splitting, at single spaces, into exactly as many fields as
 * some row of the table has cells (text set out by its columns' positions, pdftotext's, pads with
 * runs of spaces of any length and does not); those lines are given their fields as cells, set apart.
 */
export function withSpaceJoinedCells(lines: readonly Line[], widths: ReadonlySet<number>): readonly Line[] {
  const fieldsOf = new Map<Line, string[]>();
  for (const l of lines) {
    if (l.method !== 'text' || (l.separator !== 'spaces' && l.separator !== 'none')) continue;
    const raw = (l.raw ?? '').replace(/\r$/, '');
    const fields = raw.split(' ');
    // (Lines of two numbers or more: one number padded with spaces, " 0" or "  0", is one cell.)
    if (SPACE_JOINED_VALUES.test(raw) && fields.filter((f) => /\d/.test(f)).length >= 2) fieldsOf.set(l, fields);
  }
  const joined = [...fieldsOf.values()];
  if (joined.length < 3 || !joined.every((f) => widths.has(f.length)) || !joined.some((f) => f.includes(''))) return lines;
  return lines.map((l) => {
    const fields = fieldsOf.get(l);
    return fields ? { ...l, separator: 'tab', cells: fields.map((text) => ({ text, confidence: 1 })) } : l;
  });
}

/**
 * A Markdown table whose converter set every row flush left and padded it at its end: a header row
 * starts with a column word ("| 自然人 | 法人或其他组织 | 总计 |  |  |"), where a table keeping its spans
 * has the row-label column's empty cell first. A row's empty cells at its end are then its padding,
 * or blank cells of its own, never one column left empty in every row.
 */
export function markdownFlushLeft(lines: readonly Line[], columnWords: readonly string[]): boolean {
  return lines.some((l) => l.separator === 'pipe' && l.gridWidth !== undefined && columnWords.includes(foldText(l.cells[0]?.text ?? '').trim()));
}

/** Decides a region's style from its lines' raw text (`columnWords`: the table's column header words). */
export function regionStyleOf(lines: readonly Line[], columnWords: readonly string[] = []): RegionStyle {
  let terminated = 0;
  let bare = 0;
  let lone = 0;
  let rows = 0;
  let endEmpty = 0;
  let endOpen = 0;
  let valueRows = 0;
  let pipeFirst = 0;
  let pipeRows = 0;
  let innerRuns = 0;
  let wideEmpty = 0;
  let narrowEmpty = 0;
  for (const line of lines) {
    const raw = (line.raw ?? '').trim();
    if (raw === '') continue;
    if (raw === '|') lone++;
    else if (/^[^|]+\|$/.test(raw)) terminated++;
    else if (!raw.includes('|')) bare++;
    if (line.method !== 'text') continue;
    const pipeCount = (raw.match(/\|/g) ?? []).length;
    const hasDigit = /\d/.test(raw);
    // Header lines count here too: 四's one row of numbers has its headers' pipes to go by.
    if (pipeCount >= 4) {
      pipeRows++;
      if (raw.startsWith('|')) pipeFirst++;
      if (INNER_PIPE_RUN.test(raw)) innerRuns++;
      // Empty cells between a row's cells, not the spanned label columns before its first ("| | 2.其他…"),
      // nor header rows' (a header's empty corner cells print however the converter pleases).
      if (hasDigit) {
        const inner = raw.replace(/\|[\s|]*$/, '').replace(/^[\s|]+/, '');
        wideEmpty += (inner.match(/\|\s{2,}(?=\|)/g) ?? []).length;
        narrowEmpty += (inner.match(/\|\s(?=\|)/g) ?? []).length;
        rows++;
        if (/\|\s+\|\s*$/.test(raw) && !/\|{2,}\s*$/.test(raw)) endEmpty++;
      }
    }
    // Rows of 二 hold two pipes or three ("行政许可| 12| 0"): they tell how rows end as well as 三's.
    if (pipeCount >= 2 && hasDigit) {
      valueRows++;
      // (After any run of residue pipes: "… | 3119 ||" ends with its last cell, "… | 3 |  ||" in an empty one.)
      if (!raw.replace(/\s*\|{2,}\s*$/, '').endsWith('|')) endOpen++;
    }
  }
  const pipes: PipeStyle = lone === 0 ? 'none' : terminated >= bare ? 'terminated' : 'bare';
  return {
    pipes,
    trailingResidue: rows >= 3 && endEmpty === rows && !markdownFlushLeft(lines, columnWords),
    // A converter that closes its rows with a pipe closes them all; rows left open, a few of them
    // or most, say a pipe at a row's end closed an empty cell (sub-rows printing no total).
    openEnded: valueRows >= 3 && (endOpen * 2 > valueRows || endOpen >= OPEN_ROWS_PROVING_STYLE),
    boxContinuations: boxContinuations(lines),
    emptyBetweenPipes: pipes === 'bare' ? pipeLinesAfterPipeLines(lines) : new Set(),
    gluedCells: gluedLines(lines),
    // Rows that start with their label (at least a few, a tenth of them): a source whose rows all open
    // with a pipe is Markdown; one where only rows under a spanned label cell do starts rows with their first cell.
    labelFirst: pipeRows - pipeFirst >= 3 && (pipeRows - pipeFirst) * 10 >= pipeRows,
    pipeRunsAreCells: innerRuns >= 2,
    residueOneSpaceOff: wideEmpty > 0 && narrowEmpty === 0,
  };
}

/** A label's last character run into a number of two digits or more that is no date or item number ("政府信息公开申请数量1530000018"). */
const LABEL_INTO_DIGITS = /[\p{Script=Han}）)]\d{2,}(?![\d年月日号项条])/gu;
/** Labels run into numbers a region needs before its digit runs are taken as glued cells (a page flattened to one line has them all on it). */
const MIN_GLUED_LABELS = 3;

/** A run of pipes with a number right before and after it: an empty cell printed as nothing. */
const INNER_PIPE_RUN = /\d\s*\|\|+\s*\d/;

function gluedLines(lines: readonly Line[]): boolean {
  const unseparated = lines.filter((l) => l.method === 'text' && l.separator !== 'pipe' && l.separator !== 'tab' && !(l.raw ?? '').includes('|'));
  return unseparated.reduce((n, l) => n + (l.raw?.match(LABEL_INTO_DIGITS)?.length ?? 0), 0) >= MIN_GLUED_LABELS;
}

/** The cells of a text line that has pipes anywhere (not only a leading one), and whether it ended in residue. */
function pipeCells(raw: string, style: RegionStyle, unterminated = false): { cells: string[]; residue: boolean } {
  // (A source cut off right after a pipe: the cell after it was never printed, not printed empty.)
  const [keepLeadingEmpty, openEnded, runsAreCells] = [style.pipes === 'terminated' || style.labelFirst, style.openEnded && !unterminated, style.pipeRunsAreCells];
  let text = raw.trim();
  let residue = false;
  // Runs of pipes after the last cell are span residue: how many blank cells they stood for is lost.
  // ("| 0 | 0 ||", "0 |" then "||"; but "| 0 |  |" ends in an empty cell, as Markdown prints one.)
  // Where runs of pipes are empty cells, only pipes set off by a space after the row's last one are.
  const tail = (runsAreCells ? /(?<=\|)\s+\|+\s*$/ : style.residueOneSpaceOff ? /(?<=\|) \|+\s*$|\|{2,}\s*$/ : /\|{2,}\s*$/).exec(text);
  if (tail && text.slice(0, tail.index).trim() !== '') {
    residue = true;
    text = text.slice(0, tail.index);
  }
  if (!openEnded) text = text.replace(/\|\s*$/, '');
  // "| 25 |" in a region whose cells end in their pipe: the leading pipe ended an empty cell.
  if (!keepLeadingEmpty) text = text.replace(/^\|/, '');
  return { cells: text.split('|').map((c) => c.trim()), residue };
}

function withoutResidue(cells: string[], style: RegionStyle): string[] {
  return style.trailingResidue && cells.length > 1 && cells.at(-1) === '' ? cells.slice(0, -1) : cells;
}

/**
 * The cells of a line as the decoder sees them. Markup and positioned lines keep their cells; a
 * text line with pipes anywhere is split on them (the extractor splits only lines that start with
 * one, so "label | 58 | 7 |" had arrived as space-separated words and pipes).
 */
/**
 * A table rule drawn in text: Markdown's "---|---", pandoc's "------- ------", w3m's box drawing
 * ("├────┼────┤"). It is no row and holds no cells (its dashes are not blank placeholders).
 */
const RULE_LINE = /^[\s|+:=\-─━┄┈═┼┬┴├┤┌┐└┘╋╂╪╫]*(?:-{3,}|[─━═]{2,})[\s|+:=\-─━┄┈═┼┬┴├┤┌┐└┘╋╂╪╫]*$/;
/** Box-drawing verticals that w3m and friends print between cells. */
const BOX_VERTICAL = /[│┃║]/g;
const BOX_VERTICAL_ONE = /[│┃║]/;
/** A box rule across some of the columns: the rows above it end there. */
const BOX_RULE = /[─━═]/;
/** Box-drawing joints and rules beside a wrapped cell's text ("）   ├────┼────┤"): separators, not text. */
const BOX_JOINT = /[├┤┼┬┴┌┐└┘╋╂╪╫]/g;
const BOX_HORIZONTAL = /[─━═┄┈]+/g;

/**
 * A row whose cells a pipe parts, three of them at least ("一、… | 3001 | 53 | \u3000 | …"): split on its
 * pipes even where the extractor kept its ideographic spaces as cells of their own (they are a blank
 * cell's content there, the pipes the separators).
 */
const PIPE_ROW = /(?:\|[^|]*){3,}/;

/** A text line whose cells are ruled off by pipes or box-drawing verticals: an empty cell there is a blank. */
export function ruledIntoCells(line: Line): boolean {
  return line.method === 'text' && /[|│┃║]/.test(line.raw ?? '');
}

function cellsOf(line: Line, style: RegionStyle): { cells: { text: string; cell?: LineCell }[]; residue: boolean; pipesOnly: boolean } {
  const raw = line.method === 'text' ? line.raw?.replace(BOX_VERTICAL, '|').replace(BOX_JOINT, '|').replace(BOX_HORIZONTAL, '') : line.raw;
  if (line.method === 'text' && line.raw !== undefined && RULE_LINE.test(line.raw)) return { cells: [], residue: false, pipesOnly: true };
  if (line.method === 'text' && raw?.trim() === '|') {
    const empty = style.pipes === 'terminated' || style.emptyBetweenPipes.has(line.lineNo);
    return { cells: empty ? [{ text: '' }] : [], residue: false, pipesOnly: true };
  }
  if (line.method === 'text' && raw !== undefined && raw.includes('|') && line.separator !== 'pipe' && line.separator !== 'tab' && (line.separator !== 'marks' || PIPE_ROW.test(raw))) {
    const trimmed = raw.trim();
    if (/^[|\s]+$/.test(trimmed)) return { cells: [], residue: true, pipesOnly: true };
    const { cells, residue } = pipeCells(raw, style, line.unterminated === true);
    return { cells: withoutResidue(cells, style).map((text) => ({ text })), residue, pipesOnly: false };
  }
  if (line.method === 'text' && line.separator === 'pipe' && raw !== undefined) {
    const { cells, residue } = pipeCells(raw, style, line.unterminated === true);
    if (cells.every((c) => c === '')) {
      // A Markdown table's row of empty cells: blanks the decoder places or sets aside, no residue.
      if (line.gridWidth !== undefined) return { cells: new Array<{ text: string }>(line.gridWidth).fill({ text: '' }), residue: false, pipesOnly: false };
      return { cells: [], residue: true, pipesOnly: true };
    }
    return { cells: withoutResidue(cells, style).map((text) => ({ text })), residue, pipesOnly: false };
  }
  return { cells: line.cells.map((cell) => ({ text: cell.text, cell })), residue: false, pipesOnly: false };
}

/**
 * Below this width (times the height of the numbers on its line) a glyph read as one Han character
 * is no character: Han characters are set about a full em wide, a digit's height is about 0.7 em
 * (Han glyphs read on the drawn scans are 1.1–1.4 times the digits' height; a 1 read 工 and a 4
 * read 秋 were 0.73 and 0.74).
 */
const MISREAD_DIGIT_WIDTH = 0.9;

/**
 * True when an OCR word is one Han character in a row's run of values, as narrow as a digit: a digit
 * the Chinese reader took for a character (drawn-006: a 1 with a foot serif read 工 at 0.89; drawn-003:
 * a 4 read 秋). Taken for label text, it dropped out of the row and left 四's fourteen other values
 * unplaceable; as an unread value it keeps its column. In a run of values only: a value cell follows
 * it, and a value or nothing comes before it (a wrapped label's last character set before its row's
 * values is as wide as any character).
 */
function isMisreadDigit(cells: readonly { text: string; cell?: LineCell }[], i: number, before: Token['kind'] | undefined, line: Line): boolean {
  const here = cells[i];
  const next = cells[i + 1];
  if (line.method !== 'ocr' || !here?.cell?.bbox || !next || !/^\p{Script=Han}$/u.test(here.text.trim())) return false;
  if (!(before === undefined || before === 'value') || !isValueCell(next.text) || next.text.trim() === '') return false;
  const heights = cells
    .flatMap((c) => (c.cell?.bbox && /^\d+$/.test(c.text.trim()) ? [c.cell.bbox.y1 - c.cell.bbox.y0] : []))
    .sort((a, b) => a - b);
  if (heights.length < 3) return false;
  const digitHeight = heights[Math.floor(heights.length / 2)] as number;
  return here.cell.bbox.x1 - here.cell.bbox.x0 < digitHeight * MISREAD_DIGIT_WIDTH;
}

/**
 * The tokens of one line. `valueColumns`: for a grid whose value columns are known, the row's cells
 * at exactly those columns are values whatever they hold (an OCR misreading in a value cell is an
 * unreadable value, never part of the label).
 */
export function lineTokens(line: Line, style: RegionStyle, valueColumns?: readonly number[]): Token[] {
  const { cells, residue, pipesOnly } = cellsOf(line, style);
  const tokens: Token[] = [];
  if (pipesOnly && cells.length === 0) {
    return residue ? [{ kind: 'gap', page: line.page, line: line.lineNo }] : [];
  }
  const forcedValues = new Set<number>();
  if (valueColumns && line.separator === 'grid' && cells.length >= valueColumns.length) {
    const n = valueColumns.length;
    // Empty cells past the last value column are padding (a converter's trailing `||`), not values.
    const lastValueColumn = Math.max(...valueColumns);
    let end = cells.length;
    while (end > n && cells[end - 1]?.text.trim() === '' && (cells[end - 1]?.cell?.col ?? -1) > lastValueColumn) end--;
    const tail = cells.slice(end - n, end);
    // Numbers printed between the row's label and those columns, with as many empty cells ending the
    // row, are the row's values slid left: the columns do not hold this row, and forcing them would read
    // the slid numbers as label text, gone without a trace. (No label before them: a row index, pandas's.)
    const lastLabel = cells.slice(0, end - n).findLastIndex((c) => isLabelCell(c.text));
    const slidNumbers = lastLabel < 0 ? 0 : cells.slice(lastLabel + 1, end - n).filter((c) => c.text.trim() !== '' && isValueCell(c.text)).length;
    const emptyAtEnd = tail.length - 1 - tail.findLastIndex((c) => c.text.trim() !== '');
    const slid = slidNumbers > 0 && emptyAtEnd >= slidNumbers;
    if (!slid && tail.every((c, i) => c.cell?.col === valueColumns[i]) && tail.filter((c) => isValueCell(c.text)).length * 2 > n) {
      for (let i = end - n; i < end; i++) forcedValues.add(i);
    }
  }
  // Space-separated text keeps no empty cells; everything else does (an empty cell is a blank).
  const keepsEmpty = ((line.separator !== 'spaces' && line.separator !== 'none') || ruledIntoCells(line)) && !style.boxContinuations.has(line.lineNo);
  const firstForced = forcedValues.size > 0 ? Math.min(...forcedValues) : Infinity;
  const separatedCells = line.separator === 'pipe' || line.separator === 'tab' || line.separator === 'grid' || ruledIntoCells(line);
  const gluedRegion = style.gluedCells && (line.separator === 'spaces' || line.separator === 'none');
  cells.forEach(({ text, cell }, i) => {
    // Before a grid row's value columns every cell is label text ("5" | ".属于三类内部事务信息").
    if (i < firstForced && firstForced !== Infinity) {
      if (text.trim() !== '') tokens.push({ kind: 'label', text, page: line.page, line: line.lineNo, cellIndex: i, source: line });
      return;
    }
    // A whole cell printed as 本年增/减's two parts ("0/0", "+3/-1", "增3/减1") is one cell: its slash parts
    // the cell's two numbers, not two cells around a glued placeholder. (Where cells run together with
    // nothing between them, a slash among digits may still be a blank: "…无 0/025" of a flattened page. OCR's
    // words are not read so: changePairIn, slots.ts.)
    if (!gluedRegion && line.method !== 'ocr' && parseChangePair(text)) {
      tokens.push({ kind: 'value', slot: slotOf(text, cell, line, i) });
      return;
    }
    if (forcedValues.has(i) || isValueCell(text)) {
      // A lone no-break or ideographic space among cells run together parts them and nothing more:
      // it may be an empty cell's whole content, or padding of the cell before or after it
      // ("<td>719&nbsp;</td>"); which, only the identities tell, as for any dropped blank.
      if (text.trim() === '' && !keepsEmpty) return;
      // A digit string with a leading zero is no one number: numbers run together ("000000000000000");
      // nor is one too long to be any count or amount a report prints ("72641783735113481261211620").
      const digits = foldText(text).trim();
      const runTogether = /^0\d+$/.test(digits) || TOO_LONG_FOR_ONE_NUMBER.test(digits) || (gluedRegion && /^\d{2,}$/.test(digits));
      tokens.push({ kind: 'value', slot: slotOf(text, cell, line, i, runTogether) });
      return;
    }
    if (isMisreadDigit(cells, i, tokens.at(-1)?.kind, line)) {
      tokens.push({ kind: 'value', slot: slotOf(UNREAD_MARK, cell, line, i) });
      return;
    }
    if (!isLabelCell(text) && /\d/.test(text) && !isGluedRun(text)) {
      // Digits that are no valid value ("--253", "167,617167617"): a malformed value, read as unreadable.
      tokens.push({ kind: 'value', slot: slotOf(text, cell, line, i) });
      return;
    }
    // A label cell right before a lone mark ends where the row's cells begin ("出版物无" + "　" + "0000无").
    const markNext = LONE_MARK.test(cells[i + 1]?.text ?? '') && !keepsEmpty;
    const placeholderEnd = markNext && GLUED_PLACEHOLDER.test(foldText(text).trim().slice(-1));
    // In cells printed apart (pipes, tabs, a grid) words with a number inside and words after it
    // ("闫良区公务用车10辆") are one text cell; only numbers at a cell's end were run into it. (A
    // number with its unit after it, "12件次", "3起", is a value still.)
    const folded = foldText(text).trim();
    const textCell = separatedCells && /\p{Script=Han}\D*\d/u.test(folded) && !NUMBER_AT_END.test(folded);
    // A cell of its own (pipes, tabs, or alone on its line) starting with a digit or two right before
    // its words and holding no other number is a label whose numbering lost its dot ("2其他法律行政法规
    // 禁止公开"): a count is a cell of its own there, never glued in front of the next row's label. (A
    // count with its unit, "3起", "12件次", is a value.)
    // So is a word of space-separated text that starts its line or follows a label ("（三）不予公开
    // 1属于国家秘密"), where cells are not run together.
    const ownWord = (line.separator === 'spaces' || line.separator === 'none') && !gluedRegion && (i === 0 || tokens.at(-1)?.kind === 'label');
    const ownCell = separatedCells || cells.length === 1 || ownWord;
    // An OCR word starting with a row's numbering whose next character was misread as a digit ("2.8有现"
    // for 2.没有现成…, drawn-015): a label. Split, its "2.8" took the row's first value slot and moved
    // its values a column right.
    const misreadNumbering = line.method === 'ocr' && /^\d[.．、]\d\p{Script=Han}/u.test(folded);
    if ((ownCell && /^\d{1,2}\p{Script=Han}{3}\D*$/u.test(folded)) || misreadNumbering) {
      tokens.push({ kind: 'label', text, page: line.page, line: line.lineNo, cellIndex: i, source: line });
      return;
    }
    if (((/\d/.test(text) && !isValueText(text)) || isGluedRun(text) || TRAILING_PLACEHOLDERS.test(foldText(text)) || placeholderEnd) && !textCell) {
      for (const part of splitGluedText(text, markNext)) {
        if (part.kind === 'label') tokens.push({ kind: 'label', text: part.text, page: line.page, line: line.lineNo, cellIndex: i, source: line });
        else tokens.push({ kind: 'value', slot: slotOf(part.text, cell, line, i, part.kind === 'number') });
      }
      return;
    }
    tokens.push({ kind: 'label', text, page: line.page, line: line.lineNo, cellIndex: i, source: line });
  });
  if (residue) tokens.push({ kind: 'gap', page: line.page, line: line.lineNo });
  // A row's numbering split off its label by a space ("7 .属于行政执法案卷"): label text, not a value.
  for (let i = tokens.length - 2; i >= 0; i--) {
    const t = tokens[i];
    const dot = tokens[i + 1];
    // "2 . 重复申请": the dot may stand as a cell of its own.
    const dotCell = dot?.kind === 'value' && /^[.．、]$/.test(dot.slot.text.trim());
    const next = tokens[i + (dotCell ? 2 : 1)];
    if (t?.kind !== 'value' || next?.kind !== 'label') continue;
    // "2. 没有现成信息需要": the numbering with its dot, the label after a space.
    if (!dotCell && /^\d{1,2}[.．、]$/.test(t.slot.text.trim()) && /^\s*\p{Script=Han}/u.test(next.text)) {
      tokens.splice(i, 2, { ...next, text: t.slot.text.trim() + next.text.trim(), cellIndex: t.slot.cellIndex ?? next.cellIndex });
      continue;
    }
    // "（2） 重复申请": bracketed numbering set off by a space (a count in brackets never stands before a label).
    if (!dotCell && /^[（(]\d{1,2}[)）]$/.test(t.slot.text.trim()) && /^\s*\p{Script=Han}/u.test(next.text)) {
      tokens.splice(i, 2, { ...next, text: t.slot.text.trim() + next.text.trim(), cellIndex: t.slot.cellIndex ?? next.cellIndex });
      continue;
    }
    if (!/^\d{1,2}$/.test(t.slot.text.trim())) continue;
    // "2 其他法律行政法规禁止公开" alone on its line (one cell per line): the numbering, its dot lost.
    const numberingAlone = i === 0 && tokens.length === 2 && /^\s*\p{Script=Han}/u.test(next.text);
    // So is a digit set off by spaces before a label of words with the row's numbers after it, where it
    // starts the line or follows a group cell ("2 其他法律行政法规禁止公开 30 1 0 0 0 0 31", "（三）不予公开 1
    // 属于国家秘密 2 0 …"). (A number that wrapped to the line's start stands before a label with its own
    // numbering: "31 3.危及…".)
    const before = tokens[i - 1];
    const afterGroup = before?.kind === 'label' && endsWithGroupPhrase(before.text, REQUEST_GROUP_PHRASES);
    const numberingBeforeRow = (i === 0 || afterGroup) && /^[1-9]$/.test(t.slot.text.trim()) && /^\s*\p{Script=Han}/u.test(next.text) && tokens[i + 2]?.kind === 'value';
    if (dotCell || numberingAlone || numberingBeforeRow || /^\s*[.．、]\s*\p{Script=Han}/u.test(next.text)) {
      tokens.splice(i, dotCell ? 3 : 2, { ...next, text: t.slot.text.trim() + (dotCell ? '.' : '') + next.text.trim(), cellIndex: t.slot.cellIndex ?? next.cellIndex });
    }
  }
  // The source stops on this line with no line break: its last cell, if the line ends in one, may be cut short.
  // (A closing pipe closes the cell: "| 0 |" was printed whole.)
  const lastToken = tokens.at(-1);
  const closed = /[|│┃║]\s*$/.test(line.raw ?? '');
  // (Nor can a lone 0 be the start of a longer number.)
  const zero = lastToken?.kind === 'value' && foldText(lastToken.slot.text).trim() === '0';
  if (line.unterminated && lastToken?.kind === 'value' && !closed && !zero) lastToken.slot.cutOff = true;
  // A glued number's box is the end of its label cell's box (positioned text: "行政许可1203").
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    if (t?.kind === 'value' && t.slot.glued && prev?.kind === 'label' && t.slot.bbox) {
      const box = t.slot.bbox;
      const width = t.slot.text.length * 0.55 * (box.y1 - box.y0);
      t.slot.bbox = { ...box, x0: Math.max(box.x0, box.x1 - width) };
    }
  }
  return tokens;
}

/** A text line with nothing on it but white space. */
export function isEmptyTextLine(line: Line): boolean {
  return line.method === 'text' && line.cells.length === 0 && !ruledIntoCells(line);
}

/**
 * How many blank cells each line of a text region stands for when it is empty. In a table printed
 * one cell per line an empty line is a blank cell; printed one cell per paragraph, the first empty
 * line after a cell only separates and any more are blank cells; a line of spaces is a printed
 * empty cell in both. Where rows are printed on lines, empty lines mean nothing.
 */
export function emptyLineBlanks(lines: readonly Line[], perLine: readonly Token[][]): number[] {
  let content = 0;
  let single = 0;
  let empty = 0;
  lines.forEach((line, i) => {
    if (isEmptyTextLine(line)) empty++;
    else if (line.method === 'text') {
      content++;
      if ((perLine[i] ?? []).length === 1) single++;
    }
  });
  const blanks = new Array<number>(lines.length).fill(0);
  if (content < 8 || single < content * 0.7) return blanks;
  // Cells that end in their own pipe ("0  |", a blank as a lone "|") print every cell, blanks too: a line
  // with no pipe on it is no cell there, however many spaces it holds (real set i, 宁强 2023: a line of
  // spaces between every two "X  |" lines made each row twice as wide as its columns).
  const closedCells = lines.filter((line) => line.method === 'text' && /^[^|]*\|$/.test((line.raw ?? '').trim())).length;
  if (closedCells >= content * 0.8) return blanks;
  // Paragraphs: an empty line after (almost) every cell. A table printed one cell per line with many
  // blank cells has as many empty lines, but its numbers stand right under their label or another
  // number, or right above the next row's label. (Header words wrapped over lines stand together in
  // both: only lines beside a number count.)
  const valueLine = (i: number): boolean => (perLine[i] ?? []).some((t) => t.kind === 'value');
  const contentLine = (i: number): boolean => i >= 0 && lines[i] !== undefined && lines[i]?.method === 'text' && !isEmptyTextLine(lines[i] as Line);
  const numberLines = lines.filter((_, i) => valueLine(i)).length;
  const neighbours = lines.filter((_, i) => valueLine(i) && (contentLine(i - 1) || contentLine(i + 1))).length;
  const paragraphs = empty >= content * 0.6 && neighbours <= numberLines * 0.3;
  // The last empty line of a region separates it from what follows: no cell.
  const lastLine = lines.findLastIndex((line) => isEmptyTextLine(line) && (line.raw ?? '') === '');
  const separator = lastLine === lines.length - 1 ? lastLine : -1;
  // Runs of empty lines (a line of spaces is a cell and ends a run).
  const runs: number[][] = [];
  let run: number[] = [];
  lines.forEach((line, i) => {
    if (i !== separator && isEmptyTextLine(line) && (line.raw ?? '') === '') run.push(i);
    else {
      if (run.length > 0) runs.push(run);
      run = [];
      if (i !== separator && isEmptyTextLine(line)) blanks[i] = 1;
    }
  });
  if (run.length > 0) runs.push(run);
  // Paragraphs joined by an empty line print an empty paragraph as two more empty lines (its own and
  // the one after it): where every run between two cells is odd, each pair is one blank cell.
  const isCellLine = (i: number): boolean => valueLine(i) || blanks[i] === 1;
  const between = runs.filter((r) => r.length > 1 && isCellLine((r[0] as number) - 1) && isCellLine((r.at(-1) as number) + 1));
  const pairs = paragraphs && between.length > 0 && between.every((r) => r.length % 2 === 1);
  for (const r of runs) {
    r.forEach((i, k) => {
      // The first empty line after a cell only separates paragraphs.
      if (paragraphs && k === 0) return;
      if (pairs && k % 2 === 0) return;
      blanks[i] = 1;
    });
  }
  return blanks;
}
