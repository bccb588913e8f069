/** A positioned page (PDF text layer, OCR) → its ruled tables as markup tables and the rest as lines. */
import type { BBox, ExtractedDocument, Line, MarkupTable, Page, PositionedPage } from '../model/document.js';
import { isPageNumberLine } from '../model/page-number.js';
import { runsToLines } from './lines.js';
import { findRuledTables, ruledTablesToMarkup } from './ruling.js';

/** What layout makes of one positioned page. */
export interface PageLayout {
  tables: MarkupTable[];
  /** Text outside the ruled tables, page numbers dropped. */
  lines: Line[];
}

/** Lays out one page; table indices continue from `firstTableIndex`, line numbers from `firstLineNo`. */
export function layoutPositionedPage(page: PositionedPage, firstTableIndex: number, firstLineNo = 1): PageLayout {
  const ruled = findRuledTables(page.edges, page.runs, page.snapTolerance);
  const inTables = new Set(ruled.flatMap((t) => [...t.runs]));
  const lines = runsToLines(
    page.runs.filter((r) => !inTables.has(r)),
    page.number,
    page.method,
    firstLineNo,
  ).filter((l) => !isPageNumberLine(l.cells.map((c) => c.text).join(' ')));
  if (page.emptyStretches) for (const line of lines) withEmptyStretches(line, page.emptyStretches);
  return { tables: ruledTablesToMarkup(ruled, page.number, firstTableIndex).map((t) => ({ ...t, method: page.method })), lines };
}

/**
 * Fills a document's pages, markup tables and plain text from its positioned pages (a no-op for
 * formats without geometry).
 */
export function layoutDocument(doc: ExtractedDocument): ExtractedDocument {
  if (!doc.positionedPages || doc.positionedPages.length === 0) return doc;
  const pages: Page[] = [];
  const tables: MarkupTable[] = [...doc.markupTables];
  const text: string[] = [];
  const layouts: PageLayout[] = [];
  // Lines are numbered through the document, as a text's are: numbered page by page, a table's rows
  // on two pages shared numbers, and a row's line on one page was looked up on the other (drawn-075:
  // 三's first row on page 2 was given a blank its own line's number held empty on page 3).
  let nextLineNo = doc.pages.reduce((last, p) => p.lines.reduce((m, l) => Math.max(m, l.lineNo), last), 0) + 1;
  for (const positioned of doc.positionedPages) {
    const layout = layoutPositionedPage(positioned, tables.length + 1, nextLineNo);
    tables.push(...layout.tables);
    layouts.push(layout);
    nextLineNo = layout.lines.reduce((m, l) => Math.max(m, l.lineNo), nextLineNo - 1) + 1;
  }
  const running = runningLines(doc.positionedPages, layouts);
  for (const [i, positioned] of doc.positionedPages.entries()) {
    const layout = { ...(layouts[i] as PageLayout), lines: (layouts[i] as PageLayout).lines.filter((l) => !running.has(l)) };
    pages.push({ number: positioned.number, width: positioned.width, height: positioned.height, unit: positioned.unit, lines: layout.lines });
    text.push(...layout.lines.map((l) => l.cells.map((c) => c.text).join(' ')));
    for (const table of layout.tables) text.push(...table.rows.map((r) => r.map((c) => c.text).join('\t')));
  }
  return { ...doc, pages: [...doc.pages, ...pages], markupTables: tables, plainText: [doc.plainText, ...text].filter((t) => t !== '').join('\n') };
}

/** Share of the page's height at its top and at its bottom where running heads and feet are printed. */
const MARGIN_BAND = 0.08;

/**
 * Running heads and feet that carry digits: a line in the top or bottom band of the page that comes back on other
 * pages at the same height with the same text once its digits are masked (a browser's print: "12/7/26, 4:48 AM  某某县
 * …报告" above, "file:///…/gen-030-2019.html  1/3" below; a Word header "…2021年政府信息公开工作年度报告"). Their digits
 * are no table's numbers: where such a line falls between a table's header and its values (四 at a page break), its
 * digits were read as 14 more values of the row. Lines without a digit are left (a repeated header of a table at a
 * page's head is the decoder's to skip, and holds no number).
 */
function runningLines(positioned: readonly PositionedPage[], layouts: readonly PageLayout[]): Set<Line> {
  type Candidate = { line: Line; key: string; middle: number; page: number };
  const candidates: Candidate[] = [];
  positioned.forEach((page, i) => {
    for (const line of layouts[i]?.lines ?? []) {
      const boxes = line.cells.flatMap((c) => (c.bbox ? [c.bbox] : []));
      const text = line.cells.map((c) => c.text).join('');
      if (boxes.length === 0 || !/\d/.test(text)) continue;
      const middle = (Math.min(...boxes.map((b) => b.y0)) + Math.max(...boxes.map((b) => b.y1))) / 2;
      if (middle > page.height * MARGIN_BAND && middle < page.height * (1 - MARGIN_BAND)) continue;
      candidates.push({ line, key: text.replace(/\s+/g, '').replace(/\d+/g, '#'), middle, page: page.number });
    }
  });
  const running = new Set<Line>();
  for (const c of candidates) {
    if (candidates.some((o) => o.page !== c.page && o.key === c.key && Math.abs(o.middle - c.middle) < 4)) running.add(c.line);
  }
  return running;
}

/** Gives a line the empty stretches of the ink line its cells stand on (the one holding their middles). */
function withEmptyStretches(line: Line, stretches: readonly BBox[]): void {
  const middles = line.cells.flatMap((c) => (c.bbox ? [(c.bbox.y0 + c.bbox.y1) / 2] : [])).sort((a, b) => a - b);
  const middle = middles[Math.floor(middles.length / 2)];
  if (middle === undefined) return;
  // Bands of neighbouring lines may overlap: the line whose band is centred nearest.
  const distance = (s: BBox): number => Math.abs((s.y0 + s.y1) / 2 - middle);
  const nearest = stretches.filter((s) => s.y0 <= middle && middle <= s.y1).sort((a, b) => distance(a) - distance(b))[0];
  if (nearest) line.emptyStretches = stretches.filter((s) => s.y0 === nearest.y0 && s.y1 === nearest.y1);
}
