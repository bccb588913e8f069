/**
 * Word documents. DOCX: tables read from word/document.xml directly, so merged cells survive
 * (w:gridSpan → colspan, w:vMerge restart/continue → rowspan); mammoth's HTML drops vMerge.
 * Legacy .doc: the body text via word-extractor (cells come tab-separated), read as text.
 */
import { unzipSync } from 'fflate';
import type { ChildNode, Element } from 'domhandler';
import WordExtractor from 'word-extractor';
import type { ExtractedDocument, MarkupCell, MarkupTable } from '../model/document.js';
import { InputError } from '../model/issues.js';
import { checkTableBounds, MAX_TABLE_COLUMNS } from './bounds.js';
import { checkCompoundFile } from './compound-file.js';
import { parseBoundedDocument } from './markup-dom.js';
import { longLineIssues, normaliseLineEnds, textToPages } from './text.js';

/**
 * Uncompressed size above which a DOCX is refused (zip bombs). fflate inflates an entry into a
 * buffer of its declared size, so the declared size bounds the memory whatever the data holds.
 */
const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag';
}

function children(el: Element, name: string): Element[] {
  return el.children.filter((c): c is Element => isElement(c) && c.name === name);
}

function child(el: Element, name: string): Element | undefined {
  return children(el, name)[0];
}

/** The text of a paragraph-bearing element: w:t runs, w:tab as a tab, w:br as a line break. */
function wordText(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node)) return '';
  switch (node.name) {
    case 'w:t':
      return node.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
    case 'w:tab':
      return '\t';
    case 'w:br':
    case 'w:cr':
      return '\n';
    case 'w:p':
      return node.children.map(wordText).join('') + '\n';
    case 'w:tbl':
    case 'w:instrText':
    case 'w:delText':
      return '';
    default:
      return node.children.map(wordText).join('');
  }
}

/** One w:tbl → a markup table. vMerge "continue" cells are left out; their restart cell spans down. */
function readTable(tbl: Element, index: number): MarkupTable {
  const rows: MarkupCell[][] = [];
  // The cell that started a vertical merge in each grid column.
  const openMerges = new Map<number, MarkupCell>();
  for (const tr of children(tbl, 'w:tr')) {
    const row: MarkupCell[] = [];
    const gridBefore = Number(child(child(tr, 'w:trPr') ?? tr, 'w:gridBefore')?.attribs['w:val'] ?? 0);
    let col = Number.isFinite(gridBefore) && gridBefore > 0 ? gridBefore : 0;
    for (const tc of children(tr, 'w:tc')) {
      const props = child(tc, 'w:tcPr');
      const span = Math.max(1, Number(props && child(props, 'w:gridSpan')?.attribs['w:val']) || 1);
      // Checked before the span is walked: a gridSpan of 2·10⁹ would be 2·10⁹ steps and grid entries.
      if (col + span > MAX_TABLE_COLUMNS) {
        throw new InputError('table_too_large', `table ${index}, row ${rows.length + 1}: a cell spans to grid column ${col + span}, over the limit of ${MAX_TABLE_COLUMNS}`);
      }
      const vMerge = props ? child(props, 'w:vMerge') : undefined;
      const text = tc.children
        .map(wordText)
        .join('')
        .replace(/[\t\n]+/g, ' ')
        .trim();
      if (vMerge && vMerge.attribs['w:val'] !== 'restart') {
        const top = openMerges.get(col);
        if (top) {
          top.rowSpan++;
          col += span;
          continue;
        }
      }
      const cell: MarkupCell = { text, rowSpan: 1, colSpan: span, col };
      if (vMerge) openMerges.set(col, cell);
      else for (let c = col; c < col + span; c++) openMerges.delete(c);
      row.push(cell);
      col += span;
    }
    rows.push(row);
  }
  const table: MarkupTable = { index, rows, method: 'markup' };
  checkTableBounds(table);
  return table;
}

/** Extracts a DOCX: its tables (with merges) and its paragraphs as text. */
export function extractDocx(bytes: Uint8Array): ExtractedDocument {
  let xml: string;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'word/document.xml') return false;
        if (f.originalSize > MAX_DOCUMENT_XML_BYTES) throw new InputError('zip_entry_too_large', `word/document.xml would inflate to ${f.originalSize} bytes, over the limit of ${MAX_DOCUMENT_XML_BYTES}`);
        return true;
      },
    });
    const entry = files['word/document.xml'];
    if (!entry) throw new InputError('docx_corrupt', 'the Word file has no readable word/document.xml');
    xml = new TextDecoder('utf-8').decode(entry);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('docx_corrupt', `the Word file cannot be unzipped: ${error instanceof Error ? error.message : String(error)}`);
  }
  const dom = parseBoundedDocument(xml, { xmlMode: true });
  const tables: MarkupTable[] = [];
  const paragraphs: string[] = [];
  const visit = (node: ChildNode): void => {
    if (!isElement(node)) return;
    if (node.name === 'w:tbl') {
      tables.push(readTable(node, tables.length + 1));
      paragraphs.push(...tables.at(-1)!.rows.map((r) => r.map((c) => c.text).join('\t')));
      return;
    }
    if (node.name === 'w:p') {
      paragraphs.push(wordText(node).replace(/\n$/, ''));
      return;
    }
    node.children.forEach(visit);
  };
  dom.children.forEach(visit);
  const plainText = paragraphs.join('\n');
  const outside = paragraphs.filter((p) => !p.includes('\t')).join('\n');
  return { format: 'docx', pages: textToPages(outside), markupTables: tables, plainText, pageCount: null, issues: [] };
}

/**
 * Extracts a legacy Word .doc through word-extractor: the body text, table cells tab-separated.
 * Row ends sometimes arrive as tabs too; reconstruction splits such run-together rows.
 */
export async function extractDoc(bytes: Uint8Array): Promise<ExtractedDocument> {
  // word-extractor follows sector chains without bounds (a chain 1→2→1 fills the heap): checked first.
  checkCompoundFile(bytes);
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    body = normaliseLineEnds(doc.getBody());
  } catch (error) {
    throw new InputError('doc_corrupt', `the Word .doc file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const issues = longLineIssues(body);
  return { format: 'doc', pages: textToPages(body), markupTables: [], plainText: body, pageCount: null, issues };
}
