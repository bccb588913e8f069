/**
 * Plain text and Markdown → pages of lines. Cells are split on tabs, on `|` (Markdown tables)
 * or on runs of spaces; page-number lines and form feeds start a new page.
 */
import type { ExtractedDocument, Line, LineCell, Page, Separator } from '../model/document.js';
import { isPageNumberLine } from '../model/page-number.js';
import { decodeText } from './charset.js';

const MARKDOWN_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Removes Markdown decoration that is not content: heading marks, bold, escapes. */
export function stripMarkdown(text: string): string {
  return text.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\*\*|__/g, '').replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}

/** Splits one text line into cells and says how they were separated; null for Markdown rules. */
export function splitTextLine(raw: string): { cells: string[]; separator: Separator } | null {
  const line = stripMarkdown(raw.replace(/\r$/, ''));
  const trimmed = line.trim();
  if (trimmed.startsWith('|') && trimmed.length > 1) {
    if (MARKDOWN_RULE.test(trimmed)) return null;
    const inner = trimmed.replace(/^\|/, '').replace(/\|$/, '');
    return { cells: inner.split('|').map((c) => c.trim()), separator: 'pipe' };
  }
  if (line.includes('\t')) {
    return { cells: line.split('\t').map((c) => c.trim()), separator: 'tab' };
  }
  return { ...splitOnSpaces(trimmed), separator: 'spaces' };
}

/**
 * Whitespace-separated text: every token is a cell. Reconstruction joins the label tokens of a row
 * back together ("4.无正当理由大量反复 申请"), so the extractor needs no notion of what a value is.
 */
function splitOnSpaces(text: string): { cells: string[] } {
  return { cells: text.split(/[\s\u3000]+/).filter((t) => t !== '') };
}

/** Turns decoded text into pages of lines. */
export function textToPages(text: string): Page[] {
  const pages: Page[] = [];
  let current: Page = { number: 1, width: null, height: null, unit: null, lines: [] };
  const newPage = (): void => {
    pages.push(current);
    current = { number: current.number + 1, width: null, height: null, unit: null, lines: [] };
  };
  text.split('\n').forEach((rawLine, index) => {
    const parts = rawLine.split('\f');
    parts.forEach((part, partIndex) => {
      if (partIndex > 0) newPage();
      if (isPageNumberLine(part)) {
        newPage();
        return;
      }
      const split = splitTextLine(part);
      if (!split) return;
      const nonEmpty = split.cells.filter((c) => c !== '');
      const cells: LineCell[] = (nonEmpty.length === 0 ? [] : split.cells).map((c) => ({ text: c, confidence: 1 }));
      const separator: Separator = cells.length <= 1 && split.separator === 'spaces' ? 'none' : split.separator;
      const line: Line = { page: current.number, lineNo: index + 1, cells, separator, method: 'text', raw: part.replace(/\r$/, '') };
      current.lines.push(line);
    });
  });
  pages.push(current);
  return pages.filter((p, i) => i === 0 || p.lines.some((l) => l.cells.length > 0));
}

/** Extracts a plain-text or Markdown report. */
export function extractText(bytes: Uint8Array): ExtractedDocument {
  const { text } = decodeText(bytes);
  const plainText = text.split('\n').map(stripMarkdown).join('\n');
  const pages = textToPages(text);
  return { format: 'text', pages, markupTables: [], plainText, pageCount: null, issues: [] };
}
