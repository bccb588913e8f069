/**
 * HTML pages → markup tables (cells with their row and column spans) plus the page's text.
 * Uses htmlparser2's forgiving parser: scraped pages are rarely well-formed.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { ExtractedDocument, MarkupCell, MarkupTable } from '../model/document.js';
import { decodeText } from './charset.js';
import { textToPages } from './text.js';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'title', 'tr', 'ul', 'caption',
]);
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head']);

/** Whitespace in text collapses to one space, except inside <pre>, where it is the layout. */
function collapse(node: ChildNode): string {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'tag' && p.name === 'pre') return (node as { data: string }).data;
  return (node as { data: string }).data.replace(/[\t\n\r ]+/g, ' ');
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function spanOf(el: Element, name: string): number {
  const n = Number.parseInt(el.attribs[name] ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
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

function readTable(table: Element, index: number): MarkupTable {
  const rows: MarkupCell[][] = tableRows(table).map((tr) =>
    tr.children
      .filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'))
      .map((td) => ({
        text: cellText(td).replace(/\s+/g, ' ').trim(),
        rowSpan: spanOf(td, 'rowspan'),
        colSpan: spanOf(td, 'colspan'),
      })),
  );
  return { index, rows, method: 'markup' };
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

/** Pages that keep their HTML inside a JavaScript string literal: unescape, then parse. */
function unescapeScriptHtml(source: string): string | null {
  if (!/<script[\s\S]*<table/i.test(source)) return null;
  return source.replace(/\\"/g, '"').replace(/\\'/g, "'").replace(/\\\//g, '/').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}

/** Parses decoded HTML into markup tables and text. */
export function htmlToDocument(source: string): ExtractedDocument {
  let dom = parseDocument(source, { decodeEntities: true, lowerCaseTags: true });
  let walked = walkDocument(dom.children);
  // The report's tables may sit in a script string while the page around it has tables of its own.
  if (!/第二十条|申请人情况|行政复议/.test(walked.text)) {
    const unescaped = unescapeScriptHtml(source);
    if (unescaped) {
      dom = parseDocument(unescaped.replace(/<\/?script[^>]*>/gi, ''), { decodeEntities: true, lowerCaseTags: true });
      walked = walkDocument(dom.children);
    }
  }
  const markupTables = walked.tables.map((t, i) => readTable(t, i + 1));
  const plainText = walked.text.replace(/[ \u00a0]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
  // The text pages hold only what is outside the markup tables, so the tables are not read twice.
  const outside = markupTables.length > 0 ? textOutsideTables(dom.children) : plainText;
  return { format: 'html', pages: textToPages(outside), markupTables, plainText, pageCount: null, issues: [] };
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
  return htmlToDocument(decodeText(bytes, { html: true }).text);
}
