/**
 * HTML pages → markup tables (cells with their row and column spans) plus the page's text.
 * Uses htmlparser2's forgiving parser: scraped pages are rarely well-formed.
 */
import type { ChildNode, Element } from 'domhandler';
import type { ExtractedDocument, MarkupCell, MarkupTable } from '../model/document.js';
import type { Issue } from '../schema/records.js';
import { checkTableBounds, MAX_TABLE_COLUMNS } from './bounds.js';
import { decodeText, decodingIssues } from './charset.js';
import { unwrapEmbeddedHtml } from './embedded-html.js';
import { parseBoundedDocument } from './markup-dom.js';
import { textToPages, trimLineEnds, withoutInvisibleMarks } from './text.js';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'title', 'tr', 'ul', 'caption',
]);
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head']);

/** Elements known to be (or not be) inside a <pre>: each ancestor chain is climbed once, not once per text node. */
const insidePre = new WeakMap<object, boolean>();

function isInsidePre(node: ChildNode['parent']): boolean {
  if (!node || node.type !== 'tag') return false;
  let known = insidePre.get(node);
  if (known === undefined) {
    known = node.name === 'pre' || isInsidePre(node.parent);
    insidePre.set(node, known);
  }
  return known;
}

/** Whitespace in text collapses to one space, except inside <pre>, where it is the layout. */
function collapse(node: ChildNode): string {
  const data = withoutInvisibleMarks((node as { data: string }).data);
  if (isInsidePre(node.parent)) return data;
  return data.replace(/[\t\n\r ]+/g, ' ');
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function spanOf(el: Element, name: string): number {
  const n = Number.parseInt(el.attribs[name] ?? '1', 10);
  // Browsers clamp colspan to 1000 and rowspan to 65534; a table is never wider than the grid bound.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, name === 'colspan' ? MAX_TABLE_COLUMNS : 1000) : 1;
}

/** Text of a cell: all descendant text joined without spaces between inline runs (Word's spans). */
function cellText(node: ChildNode): string {
  if (node.type === 'text') return collapse(node);
  // A table inside a cell is read as a table of its own, not as the cell's text.
  if (!isElement(node) || SKIPPED_TAGS.has(node.name) || node.name === 'table') return '';
  const inner = node.children.map(cellText).join('');
  return BLOCK_TAGS.has(node.name) ? ` ${inner} ` : inner;
}

/** True when a table element holds another table somewhere inside it. */
function containsTable(node: Element): boolean {
  return node.children.some((c) => isElement(c) && (c.name === 'table' || containsTable(c)));
}

/** Rows of one table element, not descending into nested tables. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (!isElement(child) || child.name === 'table') continue;
      if (child.name === 'tr') rows.push(child);
      else walk(child);
    }
  };
  walk(table);
  return rows;
}

/**
 * A cell drawn zero wide with nothing in it: Word's "save as web page" closes rows that end unevenly
 * with such placeholder cells (`<td width=0 style='border:none'>`). Nothing is printed there, and
 * counted as a column it moves the grid's last column past the table's.
 */
function isPlaceholderCell(td: Element): boolean {
  const zeroWide = td.attribs.width?.trim() === '0' || /(?:^|;)\s*width\s*:\s*0(?:[a-z]+)?\s*(?:;|$)/i.test(td.attribs.style ?? '');
  return zeroWide && cellText(td).trim() === '' && spanOf(td, 'colspan') === 1;
}

function readTable(table: Element, index: number): MarkupTable {
  const rows: MarkupCell[][] = tableRows(table).map((tr) =>
    tr.children
      .filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th') && !isPlaceholderCell(c))
      .map((td) => ({
        text: cellText(td).replace(/\s+/g, ' ').trim(),
        rowSpan: spanOf(td, 'rowspan'),
        colSpan: spanOf(td, 'colspan'),
      })),
  );
  const markup: MarkupTable = { index, rows, method: 'markup' };
  checkTableBounds(markup);
  return markup;
}

/** Collects tables (innermost first in document order) and block text lines outside tables. */
function walkDocument(nodes: ChildNode[]): { tables: Element[]; text: string } {
  const tables: Element[] = [];
  let text = '';
  const visit = (node: ChildNode): void => {
    if (node.type === 'text') {
      text += collapse(node);
      return;
    }
    if (!isElement(node) || SKIPPED_TAGS.has(node.name)) return;
    if (node.name === 'table' && containsTable(node)) {
      // A layout table (portals wrap the whole page in one): only the tables inside it are data.
      node.children.forEach(visit);
      return;
    }
    if (node.name === 'table') {
      tables.push(node);
      // The tables' text goes into the page text too (tab-separated), for metadata and as a fallback.
      for (const tr of tableRows(node)) {
        text += '\n' + tr.children.filter(isElement).map((td) => cellText(td).replace(/\s+/g, ' ').trim()).join('\t');
      }
      text += '\n';
      return;
    }
    if (BLOCK_TAGS.has(node.name)) text += '\n';
    node.children.forEach(visit);
    if (BLOCK_TAGS.has(node.name)) text += '\n';
  };
  nodes.forEach(visit);
  return { tables, text };
}

const MAX_ESCAPE_LAYERS = 3;
/** Words of the three tables' headers and rows (templates.md): a table holding one is the report's. */
const REPORT_TABLE_WORDS = /第二十[条條]|申[请請]人情[况況]|行政[复復][议議]|本年新收|信息[内內]容/;

function holdsReportTable(tables: readonly Element[]): boolean {
  return tables.some((t) => REPORT_TABLE_WORDS.test(t.children.map(cellText).join('')));
}

/** Parses decoded HTML into markup tables and text. */
export function htmlToDocument(source: string, issues: Issue[] = []): ExtractedDocument {
  let dom = parseBoundedDocument(source, { decodeEntities: true, lowerCaseTags: true });
  let walked = walkDocument(dom.children);
  // The report's tables may sit in an escaped string (a script's, a JSON field's, a hidden
  // textarea's) while the page around it has tables of its own: up to three layers are taken off
  // (a JSON string of entity-escaped markup is two), and an unwrapped page is kept only where its
  // tables hold the report's.
  let layer = source;
  for (let depth = 0; depth < MAX_ESCAPE_LAYERS && !holdsReportTable(walked.tables); depth++) {
    const unwrapped = unwrapEmbeddedHtml(layer);
    if (unwrapped === null) break;
    layer = unwrapped;
    const unwrappedDom = parseBoundedDocument(layer, { decodeEntities: true, lowerCaseTags: true });
    const unwrappedWalk = walkDocument(unwrappedDom.children);
    // Kept where it holds the report's tables, or its text where the page showed none of it (a
    // report laid out in paragraphs, not in a table).
    const reportInText = (text: string): boolean => REPORT_TABLE_WORDS.test(text);
    if (!holdsReportTable(unwrappedWalk.tables) && (reportInText(walked.text) || !reportInText(unwrappedWalk.text))) continue;
    dom = unwrappedDom;
    walked = unwrappedWalk;
  }
  const markupTables = walked.tables.map((t, i) => readTable(t, i + 1));
  const plainText = trimLineEnds(walked.text).replace(/\n{3,}/g, '\n\n');
  // The text pages hold only what is outside the markup tables, so the tables are not read twice.
  const outside = markupTables.length > 0 ? textOutsideTables(dom.children) : plainText;
  return { format: 'html', pages: textToPages(outside), markupTables, plainText, pageCount: null, issues };
}

function textOutsideTables(nodes: ChildNode[]): string {
  let text = '';
  const visit = (node: ChildNode): void => {
    if (node.type === 'text') text += collapse(node);
    if (!isElement(node) || SKIPPED_TAGS.has(node.name) || (node.name === 'table' && !containsTable(node))) return;
    if (BLOCK_TAGS.has(node.name)) text += '\n';
    node.children.forEach(visit);
    if (BLOCK_TAGS.has(node.name)) text += '\n';
  };
  nodes.forEach(visit);
  return text;
}

/** Extracts an HTML page (charset from BOM, meta tag, or detection). */
export function extractHtml(bytes: Uint8Array): ExtractedDocument {
  const decoded = decodeText(bytes, { html: true });
  return htmlToDocument(decoded.text, decodingIssues(decoded));
}
