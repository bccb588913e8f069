/**
 * Where the cells of a space-separated text line sit, for text laid out in padded columns
 * (pdftotext -layout, pandoc -t plain, w3m and lynx tables, a console dump). Such text has no
 * other geometry, and it is what keeps an empty cell's place when the blank itself is gone:
 * `0     0       0` is three numbers over four columns.
 *
 * Two ways of counting columns exist, and tools differ: pandoc and w3m pad to display width (a
 * CJK character takes two columns), pdftotext pads by characters. The page decides: the count
 * under which its numbers line up in fewer distinct places is the one it was padded in.
 */
import { eastAsianWidth } from 'get-east-asian-width';

/** A cell of a space-separated line and where it sits, in characters and in display columns. */
export interface SpacedCell {
  text: string;
  chars: { start: number; end: number };
  display: { start: number; end: number };
}

/** Whitespace that separates cells: spaces, tabs, no-break and ideographic spaces. */
const SPACE = /[\s\u3000]/u;

/** Display width of one character: two for wide and full-width characters, ambiguous ones narrow (as pandoc counts). */
function widthOf(char: string): number {
  return eastAsianWidth(char.codePointAt(0) ?? 0, { ambiguousAsWide: false });
}

/** A character that may stand in a value cell: a digit or a blank's placeholder. */
const VALUE_CHAR = /[\d—－/无空]/u;

const MARK = /[\u3000\u00a0]/u;

/**
 * No-break or ideographic spaces standing between a value's character and anything but a plain
 * space (another such mark, a label, the line's end): blank cells' whole content in text whose
 * cells were run together (BeautifulSoup's get_text() with no separator: "17160　0033", "其他处理 000",
 * "000000　" at a row's end). Each is a cell of its own; whether it is a blank or only a separator
 * is for the decoder, which knows whether the row's cells were glued.
 */
function valueMarks(chars: readonly string[]): Set<number> {
  const marks = new Set<number>();
  for (let start = 0; start < chars.length; start++) {
    if (!MARK.test(chars[start] as string)) continue;
    let end = start;
    while (end + 1 < chars.length && MARK.test(chars[end + 1] as string)) end++;
    const [before, after] = [chars[start - 1], chars[end + 1]];
    const plainSpace = (c: string | undefined): boolean => c !== undefined && SPACE.test(c);
    const valueBeside = (before !== undefined && VALUE_CHAR.test(before)) || (after !== undefined && VALUE_CHAR.test(after));
    if (!plainSpace(before) && !plainSpace(after) && before !== undefined && valueBeside) for (let i = start; i <= end; i++) marks.add(i);
    start = end;
  }
  return marks;
}

/** The cells of a line split on whitespace, with their positions in both counts. */
export function spacedCells(line: string): SpacedCell[] {
  const cells: SpacedCell[] = [];
  let charAt = 0;
  let displayAt = 0;
  let current: SpacedCell | null = null;
  const chars = [...line];
  const marks = valueMarks(chars);
  for (const [i, char] of chars.entries()) {
    const width = widthOf(char);
    if (marks.has(i)) {
      cells.push({ text: char, chars: { start: charAt, end: charAt + 1 }, display: { start: displayAt, end: displayAt + width } });
      current = null;
    } else if (SPACE.test(char)) {
      current = null;
    } else {
      if (!current) {
        current = { text: '', chars: { start: charAt, end: charAt }, display: { start: displayAt, end: displayAt } };
        cells.push(current);
      }
      current.text += char;
      current.chars.end = charAt + 1;
      current.display.end = displayAt + width;
    }
    charAt += 1;
    displayAt += width;
  }
  return cells;
}

/** A blank printed as an ideographic or no-break space of its own. */
const SPACE_MARK = /^[\u3000\u00a0]+$/u;

/**
 * Cells one space apart where a blank stands as an ideographic or no-break space of its own
 * ("数量 　 无 0 0 　 无 0", lynx): each such mark is an empty cell. Null for any other line (padded
 * columns, words, a line with no mark).
 */
export function markedCells(line: string): string[] | null {
  const parts = line.replace(/^[ \t]+|[ \t]+$/g, '').split(' ');
  if (parts.length < 3 || parts.some((p) => p === '' || p.includes('\t')) || !parts.some((p) => SPACE_MARK.test(p))) return null;
  return parts.map((p) => (SPACE_MARK.test(p) ? '' : p));
}

/**
 * A number printed with its thousands separator set apart ("83 , 795", as pdf2md writes what
 * LibreOffice drew in pieces) is one cell again.
 */
export function joinSpacedThousands(cells: readonly SpacedCell[]): SpacedCell[] {
  const out: SpacedCell[] = [];
  for (let i = 0; i < cells.length; i++) {
    const [a, comma, b] = [cells[i], cells[i + 1], cells[i + 2]] as (SpacedCell | undefined)[];
    if (a && comma && b && /^\d{1,3}(?:,\d{3})*$/.test(a.text) && /^[,，]$/.test(comma.text) && /^\d{3}(?:,\d{3})*$/.test(b.text)) {
      out.push({ text: `${a.text},${b.text}`, chars: { start: a.chars.start, end: b.chars.end }, display: { start: a.display.start, end: b.display.end } });
      i += 2;
    } else if (a) out.push(a);
  }
  return out;
}

/** A gap of this many spaces or more between two cells is padding, not a word space. */
const PADDING = 2;
/** The share of a page's multi-cell lines that must be padded for the page to be column text. */
const MIN_PADDED_SHARE = 0.5;
const VALUE = /^(?:\d[\d,.]*|[—－/无-])$/u;

/** Whether a page's lines are laid out in padded columns (and not words joined by single spaces). */
function isPadded(lines: readonly (readonly SpacedCell[])[]): boolean {
  const multi = lines.filter((l) => l.length >= 3);
  if (multi.length === 0) return false;
  const padded = multi.filter((l) => l.some((c, i) => i > 0 && c.chars.start - (l[i - 1] as SpacedCell).chars.end >= PADDING));
  return padded.length >= multi.length * MIN_PADDED_SHARE;
}

/**
 * How many distinct places the page's cells sit at in one count (fewer: better aligned): where
 * value cells end and where every cell starts (header words stacked over their column line up
 * too: with a single row of numbers, where they end alone cannot tell the counts apart).
 */
function spreadOf(lines: readonly (readonly SpacedCell[])[], count: 'chars' | 'display'): number {
  const ends = new Set<number>();
  const starts = new Set<number>();
  for (const line of lines) {
    for (const cell of line) {
      if (VALUE.test(cell.text)) ends.add(cell[count].end);
      if (line.length > 1) starts.add(cell[count].start);
    }
  }
  return ends.size + starts.size;
}

/**
 * The positions to give a page's cells: per line, each cell's columns in the count the page was
 * padded in; null when the page is not column text (its spaces say nothing about columns).
 */
export function pageColumns(lines: readonly (readonly SpacedCell[])[]): { start: number; end: number }[][] | null {
  if (!isPadded(lines)) return null;
  const count = spreadOf(lines, 'chars') < spreadOf(lines, 'display') ? 'chars' : 'display';
  return lines.map((l) => l.map((c) => c[count]));
}
