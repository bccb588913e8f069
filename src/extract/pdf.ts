/**
 * PDF text layer (pdf.js, legacy build for Node 20) → positioned pages: text runs with boxes in
 * points from the top-left corner, and the ruling lines and cell fills that draw the tables.
 * cMaps and standard fonts come from node_modules/pdfjs-dist, never the network.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import type { Edge, ExtractedDocument, PositionedPage, TextRun } from '../model/document.js';
import { InputError, makeIssue } from '../model/issues.js';
import type { Issue } from '../schema/records.js';

type Matrix = [number, number, number, number, number, number];

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdf.js takes these as plain paths ending in "/" in Node (stack.md). */
const PDFJS_ASSETS = {
  cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
  standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
  wasmUrl: join(PDFJS_DIR, 'wasm') + '/',
};

/** Limits for one PDF. */
export interface PdfOptions {
  maxPages: number;
}

export const DEFAULT_PDF_OPTIONS: PdfOptions = { maxPages: 300 };

/** Share of a page's characters that may be unmapped (private use, U+FFFD, controls) before the page is unreadable. */
const MAX_UNMAPPED_SHARE = 0.2;

function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a1 = 0, b1 = 0, c1 = 0, d1 = 0, e1 = 0, f1 = 0] = m1;
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = m2;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

/** Opens a document, runs `use`, and always destroys it (the unpdf withDocument rule). */
async function withDocument<T>(bytes: Uint8Array, use: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const task = getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    ...PDFJS_ASSETS,
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw pdfLoadError(error);
  }
  try {
    return await use(doc);
  } finally {
    await doc.destroy();
  }
}

function pdfLoadError(error: unknown): InputError {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new InputError('pdf_encrypted', 'the PDF is password-protected');
  if (name === 'InvalidPDFException') return new InputError('pdf_corrupt', `not a readable PDF: ${message}`);
  return new InputError('pdf_corrupt', `the PDF cannot be opened: ${message}`);
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/** Text runs of a page, boxes in viewport space (points, top-left origin). */
async function pageRuns(page: PDFPageProxy, viewport: Matrix): Promise<{ runs: TextRun[]; unmapped: number; characters: number }> {
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  let unmapped = 0;
  let characters = 0;
  for (const item of content.items) {
    if (!isTextItem(item) || item.str.trim() === '') continue;
    const text = item.str;
    for (const ch of text) {
      if (/\s/.test(ch)) continue;
      characters++;
      if (/[\ue000-\uf8ff\ufffd\u0000-\u001f]/u.test(ch)) unmapped++;
    }
    const vertical = content.styles[item.fontName]?.vertical === true;
    const m = multiply(viewport, item.transform as Matrix);
    const [x, y] = apply(m, 0, 0);
    const fontHeight = Math.hypot(m[2], m[3]) || item.height;
    const bbox = vertical
      ? { x0: x - item.width / 2, y0: y, x1: x + item.width / 2, y1: y + item.height }
      : { x0: x, y0: y - fontHeight * 0.88, x1: x + item.width, y1: y + fontHeight * 0.12 };
    runs.push({ text, bbox, confidence: 1, ...(vertical ? { vertical } : {}) });
  }
  return { runs, unmapped, characters };
}

/** Ruling lines and cell fills of a page, from the operator list, in viewport space. */
async function pageEdges(page: PDFPageProxy, viewport: Matrix): Promise<Edge[]> {
  const ops = await page.getOperatorList();
  const edges: Edge[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const [paint, paths] = args as [number, (ArrayLike<number> | null)[]];
      // endPath only clips; everything stroked or filled can draw a rule or a cell.
      if (paint === OPS.endPath || paint === undefined) return;
      const data = paths?.[0];
      if (!data) return;
      edges.push(...pathEdges(data, multiply(viewport, ctm)));
    }
  });
  return edges;
}

/** Straight axis-parallel segments of a path (pdf.js DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
function pathEdges(data: ArrayLike<number>, m: Matrix): Edge[] {
  const edges: Edge[] = [];
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  const segment = (a: [number, number], b: [number, number]): void => {
    if (Math.abs(a[1] - b[1]) < 1) edges.push({ orientation: 'h', position: (a[1] + b[1]) / 2, start: Math.min(a[0], b[0]), end: Math.max(a[0], b[0]) });
    else if (Math.abs(a[0] - b[0]) < 1) edges.push({ orientation: 'v', position: (a[0] + b[0]) / 2, start: Math.min(a[1], b[1]), end: Math.max(a[1], b[1]) });
  };
  for (let k = 0; k < data.length; ) {
    const code = data[k];
    if (code === 0 || code === 1) {
      const point = apply(m, data[k + 1] ?? 0, data[k + 2] ?? 0);
      if (code === 1 && current) segment(current, point);
      if (code === 0) start = point;
      current = point;
      k += 3;
    } else if (code === 2) {
      current = apply(m, data[k + 5] ?? 0, data[k + 6] ?? 0);
      k += 7;
    } else if (code === 3) {
      current = apply(m, data[k + 3] ?? 0, data[k + 4] ?? 0);
      k += 5;
    } else {
      if (start && current) segment(current, start);
      current = start;
      k += 1;
    }
  }
  return edges;
}

/** Numbers or table headers on the page: it may hold a table, so its ruling is worth reading. */
function holdsTable(runs: readonly TextRun[]): boolean {
  const numbers = runs.filter((r) => /^\s*[-+]?\d[\d,.]*\s*$/.test(r.text)).length;
  return numbers >= 1 || runs.some((r) => /第二十|申请人|行政复议|信息内容|勾稽|结转|予以公开/.test(r.text));
}

/** Extracts the text layer and ruling of every page. */
export async function extractPdf(bytes: Uint8Array, options: PdfOptions = DEFAULT_PDF_OPTIONS): Promise<ExtractedDocument> {
  return withDocument(bytes, async (doc) => {
    if (doc.numPages > options.maxPages) throw new InputError('too_many_pages', `${doc.numPages} pages, over the limit of ${options.maxPages}`);
    const pages: PositionedPage[] = [];
    const issues: Issue[] = [];
    let totalCharacters = 0;
    const unreadablePages: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      try {
        const viewport = page.getViewport({ scale: 1 });
        const transform = viewport.transform as Matrix;
        const { runs, unmapped, characters } = await pageRuns(page, transform);
        totalCharacters += characters;
        // The operator list costs as much as the text: read the rules only on pages that hold a table.
        const edges = holdsTable(runs) ? await pageEdges(page, transform) : [];
        if (characters > 0 && unmapped / characters > MAX_UNMAPPED_SHARE) {
          // Fonts without a Unicode mapping give garbage: never read it; the page needs OCR.
          unreadablePages.push(n);
          issues.push(makeIssue('error', 'extract', 'page_text_unmapped', `page ${n}: the text layer has no Unicode mapping (${unmapped} of ${characters} characters); the page needs OCR`, { page: n }));
          pages.push({ number: n, width: viewport.width, height: viewport.height, unit: 'pt', runs: [], edges, method: 'text-layer' });
          continue;
        }
        pages.push({ number: n, width: viewport.width, height: viewport.height, unit: 'pt', runs, edges, method: 'text-layer' });
      } finally {
        page.cleanup();
      }
    }
    if (totalCharacters === 0) throw new InputError('ocr_required', 'the PDF has no text layer (a scan or images only); it needs OCR');
    return {
      format: 'pdf',
      pages: [],
      markupTables: [],
      positionedPages: pages,
      plainText: '',
      pageCount: doc.numPages,
      issues,
    };
  });
}
