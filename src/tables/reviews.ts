/**
 * Reads table 四: one printed row of 15 numbers (or three 5-number tables) under a header that is
 * often broken over lines or printed one character per line (templates.md §5, §7.3).
 */
import type { Line, LineCell } from '../model/document.js';
import { headerOnValuesPage, positionedColumns, type HeaderCell } from './header-columns.js';
import { boxOf, emptyLineBlanks, isEmptyTextLine, lineTokens, ruledIntoCells, regionStyleOf, type RegionStyle } from './segments.js';
import { seenBlanksUnderColumns } from './seen-blanks.js';
import { MAX_JOINS } from './settle.js';
import { continueSplitRow, type Slot, type SlotMode, type SlotRun } from './slots.js';

/** 四's column headers in printed order: five under 行政复议, then five under each kind of 行政诉讼. */
const REVIEW_COLUMN_WORDS = Array.from({ length: 3 }, () => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat();

/** The value slots of 四 in printed order, and how they were separated. */
export type ReviewSlots = SlotRun;

/** A heading numbered 五 or 六: the sections a report prints after 四. */
const NEXT_SECTION = /^\s*[五六]\s*[、，,.．]/;

/** The 15 printed positions of 四. */
export const REVIEW_POSITIONS = 15;

/**
 * The grid columns of 四's values in a ruled row of numbers: its last 15 cells (or 5, a part of 四
 * printed as its own table). Read as values whatever they hold, most of them being values, so an OCR
 * misreading of one ("人" for 12) is an unreadable value in its place, not a label that swallows
 * the values before it.
 */
function gridValueColumns(line: Line): number[] | undefined {
  if (line.separator !== 'grid') return undefined;
  const n = line.cells.length >= REVIEW_POSITIONS ? REVIEW_POSITIONS : line.cells.length >= 5 ? 5 : 0;
  const tail = line.cells.slice(-n);
  // A row of numbers: a third of its cells hold digits at least (a header's empty cells are no values).
  if (n === 0 || tail.filter((c) => /\d/.test(c.text)).length * 3 < n) return undefined;
  const columns = tail.map((c) => c.col);
  return columns.every((c) => c !== undefined) ? (columns as number[]) : undefined;
}

/**
 * An OCR grid row without the cells that span several columns and hold no digit: each of 四's
 * values has a column of its own, so such a cell is where the page's rules were lost (a seal's
 * strokes, the rowspanned header cells of a table continued from the page before), and the dash OCR
 * read in it is no printed blank. (A number spanning two columns is a value beside a stray rule.)
 */
function withoutSpannedCells(line: Line): Line {
  const spanned = (c: LineCell): boolean => (c.colSpan ?? 1) > 1 && !/\d/.test(c.text);
  if (line.separator !== 'grid' || line.method !== 'ocr' || !line.cells.some(spanned)) return line;
  return { ...line, cells: line.cells.filter((c) => !spanned(c)) };
}

/** A line's label text and its value slots, as the decoder's tokens give them. */
function labelAndValues(line: Line, style: RegionStyle): { label: string; values: Slot[] } {
  const tokens = lineTokens(line, style, gridValueColumns(line));
  return {
    label: tokens.map((t) => (t.kind === 'label' ? t.text : '')).join(''),
    values: tokens.flatMap((t) => (t.kind === 'value' ? [t.slot] : [])),
  };
}

/** "0 1 … 14" or "1 2 … 15": the columns counted, not counts. */
function isColumnNumbering(cells: readonly string[]): boolean {
  // (pandas with its index prints an empty corner cell first.)
  const texts = cells.filter((t) => t !== '');
  if (texts.length !== REVIEW_POSITIONS) return false;
  const first = Number(texts[0]);
  return (first === 0 || first === 1) && texts.every((t, k) => t === String(first + k));
}

/**
 * Whether 四's values so far each stand on a line of their own (blanks before the first value carry
 * its line: only the printed values show it).
 */
function onePerLine(found: ReviewSlots): boolean {
  const printed = found.slots.filter((s) => s.text.trim() !== '');
  return printed.length > 0 && new Set(printed.map((s) => s.line)).size === printed.length;
}

/**
 * Collects the value slots of 四: value-only lines after the header, in order, until a text line
 * follows them or 15 values are in hand.
 */
export function readReviewSlots(printedLines: readonly Line[], labelledLines: readonly Line[] = []): ReviewSlots | null {
  const lines = printedLines.map(withoutSpannedCells);
  // How the source prints its cells is the converter's, the same in every table; 四's one row of
  // numbers has no label to show it, 三's rows do ("三、… | 0 |" then "| 0 | 7 |  | 7 |": rows start
  // with their label, so that leading pipe ends an empty cell; "9 || 11": empty cells print as nothing).
  const style = regionStyleOf([...labelledLines, ...lines]);
  const blanks = emptyLineBlanks(lines, lines.map((line) => lineTokens(line, style, gridValueColumns(line))));
  let found: ReviewSlots | null = null;
  let emptiesAfterHeader = 0;
  let indexColumn = false;
  const headerCells: HeaderCell[] = [];
  for (const [index, line] of lines.entries()) {
    const { label, values } = labelAndValues(line, style);
    if (isEmptyTextLine(line) || (line.cells.length === 0 && !ruledIntoCells(line))) {
      // One value per line: an empty line between values may be a blank cell.
      const k = blanks[index] ?? 0;
      if (!found) emptiesAfterHeader += k;
      // (Past 15 too while each value stands on its own line: numbers broken over lines make more
      // lines than cells, and a blank after them is a cell all the same.)
      const room = found && onePerLine(found) ? REVIEW_POSITIONS + MAX_JOINS : REVIEW_POSITIONS;
      for (let b = 0; b < k && found && found.mode === 'separated' && found.slots.length < room; b++) {
        found.slots.push({ text: '', page: line.page, line: line.lineNo, confidence: 1, method: line.method });
      }
      continue;
    }
    const numbers = values.filter((v) => v.text.trim() !== '').length;
    // Column numbers a converter printed over the table (pandas: "| 0 | 1 | … | 14 |"): a header,
    // no row of counts (its own totals would not hold: 0 + 1 + 2 + 3 is not 4).
    if (isColumnNumbering(values.map((v) => v.text.trim()))) {
      // Its empty corner cell first: pandas printed its index, a number before each row's cells.
      indexColumn = values[0]?.text.trim() === '';
      continue;
    }
    // A header line; or a data row that starts with a label cell ("件数 | 0 | 0 …").
    // (A page flattened to one line: the header words and 四's digits glued after them, "…总计000000000000000".)
    const glued = values.some((v) => v.glued) && values.reduce((n, v) => n + v.text.replace(/\D/g, '').length, 0) >= 5;
    // (Digits, not just ink: a header row's cells OCR could not read, "□", are no values of a row.)
    const withDigits = values.filter((v) => /\d/.test(v.text)).length;
    // The report's next section (五、存在的主要问题…, its words garbled or not) ends 四: what follows is prose.
    if (NEXT_SECTION.test(label)) break;
    if (label.trim() !== '' && !(values.length >= 5 && withDigits > 0) && !glued) {
      // A header after the values ends 四, unless it heads the next part of 四 printed as three tables.
      if (found && found.slots.length >= REVIEW_POSITIONS && found.slots.some((s) => s.text.trim() !== '')) break;
      emptiesAfterHeader = 0;
      if (!found) {
        for (const cell of line.cells) {
          const bbox = boxOf(cell, line);
          if (bbox && cell.text.trim() !== '') headerCells.push({ cell: { ...cell, bbox }, page: line.page });
        }
      }
      continue;
    }
    const piped = ruledIntoCells(line);
    const mode: SlotMode = line.separator === 'grid' ? 'grid' : line.separator === 'spaces' && !piped ? 'loose' : 'separated';
    // ("| 3 | 72 | 64 | … | 20 |": the row's index, then its fifteen cells.)
    const slots = indexColumn && values.length === REVIEW_POSITIONS + 1 && /^\d+$/.test(values[0]?.text.trim() ?? '') ? values.slice(1) : values;
    if (slots.length === 0) continue;
    // A grid row of empty cells over a row of numbers: a header's lower edge the page's rules cut
    // into a row of its own (drawn-056); 四 prints one row of values, and this is it.
    const emptyRowAbove = found?.mode === 'grid' && mode === 'grid' && found.slots.length >= REVIEW_POSITIONS && slots.length >= REVIEW_POSITIONS;
    if (emptyRowAbove && found?.slots.every((s) => s.text.trim() === '') && withDigits > 0) found = null;
    if (found && found.slots.length >= REVIEW_POSITIONS) {
      // The row broke across a page: digits of wrapped numbers continue in the same columns.
      const last = found.slots.slice(-slots.length);
      if (line.page !== found.page && continueSplitRow(last, slots)) {
        found.slots.splice(found.slots.length - last.length, last.length, ...last);
        continue;
      }
      // One value per line: a number broken over two lines makes more lines than cells (settled later).
      if (slots.length === 1 && label.trim() === '' && found.slots.every((s) => s.line !== line.lineNo) && found.slots.length < REVIEW_POSITIONS + MAX_JOINS && onePerLine(found)) {
        found.slots.push(...slots);
        continue;
      }
      break;
    }
    if (!found) {
      // One value per line: empty lines between the header and the first value are its leading blanks.
      const leading = line.cells.length === 1 && mode === 'separated' ? Math.min(emptiesAfterHeader, REVIEW_POSITIONS - 1) : 0;
      const blanks = Array.from({ length: leading }, (): Slot => ({ text: '', page: line.page, line: line.lineNo, confidence: 1, method: line.method }));
      found = { slots: [...blanks, ...slots], mode, separator: line.separator, page: line.page, line: line.lineNo };
      const printed = mode === 'loose' ? positionedColumns(headerCells, REVIEW_COLUMN_WORDS) : undefined;
      // A header read on the page before: its columns stand elsewhere on this one.
      const header = printed && headerCells.every((h) => h.page !== line.page) ? headerOnValuesPage(printed, slots) : printed;
      if (header) found.header = header;
      if (line.gridWidth !== undefined) found.gridWidth = line.gridWidth;
    } else {
      // Three 5-column tables, or values wrapped over lines: continue in printed order.
      if (found.mode === 'grid' && mode === 'grid') found.mode = 'separated';
      found.slots.push(...slots);
    }
  }
  // An unruled row under a header read by its positions: its blanks show as nothing, seen where the page saw no ink.
  if (found?.header) seenBlanksUnderColumns([found], new Map(lines.map((l) => [l.lineNo, l])), REVIEW_POSITIONS);
  return found;
}
