/**
 * Plain text and Markdown → pages of lines. Cells are split on tabs, on `|` (Markdown tables),
 * on a CSV text's commas or on runs of spaces; page-number lines and form feeds start a new page. CR, LF and CRLF all
 * end a line; a line too long to be a table row (its line breaks lost) is not split into cells.
 */
import type { ExtractedDocument, Line, LineCell, Page, Separator } from '../model/document.js';
import { InputError, makeIssue } from '../model/issues.js';
import { isPageNumberLine } from '../model/page-number.js';
import type { Issue } from '../schema/records.js';
import { MAX_TEXT_LINE_CHARS } from './bounds.js';
import { decodeText, decodingIssues } from './charset.js';
import { csvCells, csvFields, isLoneCsvRow, looksLikeCsv } from './csv-lines.js';
import { joinSpacedThousands, markedCells, pageColumns, spacedCells, type SpacedCell } from './text-columns.js';

/** Share of a text's characters that may sit in over-long lines before the text is unreadable as lines. */
const MAX_LONG_LINE_SHARE = 0.5;

/** Text with every line end (CRLF, or CR alone as old Mac files and some exports have) as LF. */
export function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Invisible format characters a page carries between the characters it shows (zero-width space and
 * joiners, word joiner, soft hyphen, a byte-order mark inside the text): nothing was printed there,
 * so they go; left in, "2\u200b47" was two numbers and "规\u200b章" no row label.
 */
const INVISIBLE_MARKS = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function withoutInvisibleMarks(text: string): string {
  return text.replace(INVISIBLE_MARKS, '');
}

/** Text without spaces (and no-break spaces) at the ends of its lines; linear, unlike /[ ]+\n/ on long runs of spaces. */
export function trimLineEnds(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let end = line.length;
      while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\u00a0')) end--;
      return end === line.length ? line : line.slice(0, end);
    })
    .join('\n');
}

/**
 * Issues for lines too long to be table rows, which textToPages leaves out; throws line_breaks_lost
 * when they hold most of the text (a report whose line breaks were lost is no longer rows).
 */
export function longLineIssues(text: string): Issue[] {
  let long = 0;
  let longChars = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MAX_TEXT_LINE_CHARS) {
      long++;
      longChars += end - start;
    }
    start = end + 1;
  }
  if (long === 0) return [];
  if (longChars > text.length * MAX_LONG_LINE_SHARE) {
    throw new InputError('line_breaks_lost', `${longChars} of ${text.length} characters are in ${long} line(s) over ${MAX_TEXT_LINE_CHARS} characters: the line breaks are lost, so no rows can be read`);
  }
  return [makeIssue('warning', 'extract', 'line_too_long', `${long} line(s) over ${MAX_TEXT_LINE_CHARS} characters were not read as table rows`)];
}

const MARKDOWN_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Removes Markdown decoration that is not content: heading marks, bold, escapes, and the marks a
 * PDF→Markdown converter puts on text raised off the line: "(^5)" (a row's numbering, raised) is
 * the numbering "5.", and "—^0" two cells.
 */
export function stripMarkdown(text: string): string {
  return text
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\(\^(\d{1,2})\)/g, '$1.')
    .replace(/(?<=\S)\^(?=\S)/g, ' ');
}

/**
 * Splits one text line into cells and says how they were separated; null for Markdown rules. In a
 * CSV text, and in a line that is plainly a CSV row of numbers (csv-lines.ts), commas set cells apart
 * as tabs do.
 */
export function splitTextLine(raw: string, csv = false): { cells: string[]; separator: Separator; spaced?: SpacedCell[] } | null {
  const line = stripMarkdown(raw.replace(/\r$/, ''));
  const trimmed = line.trim();
  const commaCells = csv ? csvCells(line) : isLoneCsvRow(line) ? csvFields(line) : null;
  if (commaCells) return { cells: commaCells, separator: 'tab' };
  if (trimmed.startsWith('|') && trimmed.length > 1) {
    if (MARKDOWN_RULE.test(trimmed)) return null;
    const inner = trimmed.replace(/^\|/, '').replace(/\|$/, '');
    return { cells: inner.split('|').map((c) => c.trim()), separator: 'pipe' };
  }
  // A tab after text parts cells; tabs that only indent a line ("\t\t\t0  |", a cell per line set in
  // from the margin) part nothing, and splitting on them made empty cells the source never printed.
  if (/\S *\t/.test(line)) {
    return { cells: line.split('\t').map((c) => c.trim()), separator: 'tab' };
  }
  // Whitespace-separated text: every token is a cell. Reconstruction joins the label tokens of a row
  // back together ("4.无正当理由大量反复 申请"), so the extractor needs no notion of what a value is.
  const marked = markedCells(line);
  if (marked) return { cells: marked, separator: 'marks' };
  const spaced = joinSpacedThousands(spacedCells(line));
  return { cells: spaced.map((c) => c.text), separator: 'spaces', spaced };
}

/** Gives the cells of a page laid out in padded columns their places in the line (text-columns.ts). */
function placeColumns(page: Page, spaced: ReadonlyMap<Line, SpacedCell[]>): void {
  const lines = page.lines.filter((l) => spaced.has(l));
  const columns = pageColumns(lines.map((l) => spaced.get(l) ?? []));
  if (!columns) return;
  lines.forEach((line, i) => {
    const own = columns[i];
    if (own?.length === line.cells.length) line.cells.forEach((cell, k) => (cell.textColumns = own[k]));
  });
}

/**
 * html2text wraps a table row at 78 columns right after a long label's pipe ("規範性檔案(行政機關…屬於規範性檔案)|"
 * then "2| 2| 19| |"): the rest of the row, two cells or more opening with a number, goes back onto its label's line
 * (the line it leaves is empty, so every line keeps its number). A cell per line ("规章 |" then "0 |") is no wrap.
 */
function joinWrappedPipeRows(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 1; i < out.length; i++) {
    const label = out[i - 1] ?? '';
    const rest = out[i] ?? '';
    if (/^[^|]*\p{Script=Han}[^|]*\|\s*$/u.test(label) && /^\s*[+-]?\d[\d.,]*\s*\|[^|]*\S[^|]*\|/u.test(rest)) {
      out[i - 1] = `${label.trimEnd()} ${rest.trim()}`;
      out[i] = '';
    }
  }
  return out;
}

/** Turns decoded text into pages of lines. */
export function textToPages(text: string): Page[] {
  const pages: Page[] = [];
  const spaced = new Map<Line, SpacedCell[]>();
  let current: Page = { number: 1, width: null, height: null, unit: null, lines: [] };
  const newPage = (): void => {
    pages.push(current);
    current = { number: current.number + 1, width: null, height: null, unit: null, lines: [] };
  };
  let markdownWidth: number | null = null;
  const sourceLines = normaliseLineEnds(text).split('\n');
  const rawLines = joinWrappedPipeRows(sourceLines);
  const csv = looksLikeCsv(rawLines);
  rawLines.forEach((rawLine, index) => {
    // A line that long has lost its line breaks: as one row, its tokens would become a row of thousands of cells.
    if (rawLine.length > MAX_TEXT_LINE_CHARS) return;
    const parts = rawLine.split('\f');
    parts.forEach((part, partIndex) => {
      if (partIndex > 0) newPage();
      if (isPageNumberLine(part)) {
        newPage();
        return;
      }
      const split = splitTextLine(part, csv);
      if (!split) {
        // A Markdown table's rule: its rows print every column, as many as the rule has.
        const width = part.trim().replace(/^\||\|$/g, '').split('|').length;
        const header = current.lines.at(-1);
        if (header?.separator === 'pipe' && header.cells.length === width) header.gridWidth = width;
        markdownWidth = width;
        return;
      }
      const nonEmpty = split.cells.filter((c) => c !== '');
      const cells: LineCell[] = (nonEmpty.length === 0 ? [] : split.cells).map((c) => ({ text: c, confidence: 1 }));
      const separator: Separator = cells.length <= 1 && split.separator === 'spaces' ? 'none' : split.separator;
      const line: Line = { page: current.number, lineNo: index + 1, cells, separator, method: 'text', raw: part.replace(/\r$/, '') };
      if (separator !== 'pipe') markdownWidth = null;
      // (A row of empty cells too: a Markdown table prints a row that holds only blanks.)
      else if (markdownWidth !== null && split.cells.length === markdownWidth) line.gridWidth = markdownWidth;
      // A line of one cell keeps its place too: a header word printed on a line of its own ("总计" between "结果" and "维持").
      if ((separator === 'spaces' || (separator === 'none' && cells.length === 1)) && split.spaced) spaced.set(line, split.spaced);
      current.lines.push(line);
    });
  });
  pages.push(current);
  for (const page of pages) placeColumns(page, spaced);
  // A source that stops without a line break may have been cut off inside its last cell (also a
  // line of spaces: the cut may have taken the number after them, real set h's 榆阳 2020 " ").
  // (A wrapped row joined onto its label's line took the source's last text with it: that line is the last.)
  const lastNo = rawLines.findLastIndex((l) => l !== '') + 1;
  const last = pages.flatMap((p) => p.lines).findLast((l) => l.lineNo === lastNo);
  if (last && (sourceLines.at(-1) ?? '') !== '') last.unterminated = true;
  return pages.filter((p, i) => i === 0 || p.lines.some((l) => l.cells.length > 0));
}

/** Extracts a plain-text or Markdown report. */
export function extractText(bytes: Uint8Array): ExtractedDocument {
  const decoded = decodeText(bytes);
  const text = withoutInvisibleMarks(normaliseLineEnds(decoded.text));
  const issues = [...decodingIssues(decoded), ...longLineIssues(text)];
  const plainText = text.split('\n').map(stripMarkdown).join('\n');
  const pages = textToPages(text);
  return { format: 'text', pages, markupTables: [], plainText, pageCount: null, issues };
}
