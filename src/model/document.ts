/**
 * The in-flight document model that every extractor produces and every later stage reads.
 * It imports nothing but types: extractors fill it, layout and tables consume it.
 */
import type { BBox, InputFormat, Issue, Method } from '../schema/records.js';

export type { BBox, InputFormat, Method };

/** The smallest box holding all of `boxes` (at least one). */
export function unionBox(boxes: readonly BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/** An input file as read from disk. */
export interface SourceFile {
  /** The path as given by the user. */
  path: string;
  bytes: Uint8Array;
  /** Lower-case hex sha256 of `bytes`. */
  sha256: string;
}

/**
 * One cell of a line: a piece of text set apart from its neighbours by a separator (tab, pipe,
 * a run of spaces), a markup cell, or a positioned run.
 */
export interface LineCell {
  /** The text as found (not normalised). */
  text: string;
  /** Grid column where the cell starts (markup tables only), 0-based. */
  col?: number;
  /** Grid columns the cell covers (markup tables only). */
  colSpan?: number;
  /** Grid rows the cell covers, when more than one (markup tables only). */
  rowSpan?: number;
  /** Position on the page, top-left origin, page units (PDF points, image pixels). */
  bbox?: BBox;
  /** 1 for text that was read, the engine's score for OCR. */
  confidence: number;
  /**
   * Plain text laid out in padded columns (pdftotext -layout, pandoc plain, w3m): where the cell
   * sits in its line, in character columns, end exclusive. The only geometry such text has.
   */
  textColumns?: { start: number; end: number };
}

/**
 * How the cells of a line were separated. `grid`: markup cells with grid columns; `tab`/`pipe`:
 * explicit separators (`tab` also a CSV text's commas), so an empty cell is a real blank; `marks`: cells one space apart, a blank printed
 * as an ideographic or no-break space standing alone (lynx), so that blank is a real one; `spaces`: runs of whitespace, so blanks
 * are lost; `none`: the line is one cell.
 */
export type Separator = 'grid' | 'tab' | 'pipe' | 'marks' | 'spaces' | 'none';

/** One line of text, or one row of a markup table. */
export interface Line {
  /** 1-based page number. */
  page: number;
  /** 1-based line number in the source text (text inputs), or the row number of a markup table. */
  lineNo: number;
  cells: LineCell[];
  separator: Separator;
  method: Method;
  /** Text inputs: the line as printed, before it was split into cells (pipes and all). */
  raw?: string;
  /**
   * Markup tables: the table's grid width (only where its last column holds text in some row) and
   * its 1-based index in the document.
   */
  gridWidth?: number;
  tableNo?: number;
  /** Text inputs: the source ends on this line with no line break (an excerpt cut off mid-line, perhaps mid-number). */
  unterminated?: boolean;
  /** OCR lines of a page read by its words: the stretches of the line seen empty (no ink in either mask). */
  emptyStretches?: BBox[];
}

/** One page of positioned or flowed text. */
export interface Page {
  /** 1-based. */
  number: number;
  /** Page size in `unit`, null where the source has no geometry (text, HTML). */
  width: number | null;
  height: number | null;
  unit: 'pt' | 'px' | null;
  lines: Line[];
}

/** One cell of a markup table as the markup gives it (before the grid is laid out). */
export interface MarkupCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** Grid column where the cell starts, when the source knows it (PDF ruling grids). */
  col?: number;
  /** Position on the page (PDF), top-left origin, page units. */
  bbox?: BBox;
  /** The OCR engine's score (0..1) for the cell's text; absent means read from text (1). */
  confidence?: number;
}

/** A table from HTML, DOCX or a PDF's ruling lines: rows of cells with their spans. */
export interface MarkupTable {
  /** 1-based index of the table in the document. */
  index: number;
  rows: MarkupCell[][];
  method: Method;
  /** 1-based page the table (or this part of it) is printed on; 1 for formats without pages. */
  page?: number;
}

/** A run of text with its box, as a PDF text layer or OCR gives it. */
export interface TextRun {
  text: string;
  /** Top-left origin, page units (points for PDF, pixels for images). */
  bbox: BBox;
  /** 1 for a text layer, the engine's score (0..1) for OCR. */
  confidence: number;
  /** Set for text written top to bottom (vertical group labels). */
  vertical?: boolean;
}

/**
 * What OCR puts in a table cell it saw empty (or holding a printed dash or slash): a blank, read
 * as null. A blank is seen, never assumed from a missing reading.
 */
export const SEEN_BLANK = '—';
/**
 * What OCR puts in a table cell holding ink it could not read (too faint, nothing legible): a
 * value slot that is unreadable, never a blank and never part of a label.
 */
export const UNREAD_MARK = '□';

/** A ruling line: horizontal edges have a y `position` and x `start`..`end`; vertical ones the reverse. */
export interface Edge {
  orientation: 'h' | 'v';
  position: number;
  start: number;
  end: number;
}

/** A page of positioned text and ruling lines, before layout turns it into tables and lines. */
export interface PositionedPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  unit: 'pt' | 'px';
  runs: TextRun[];
  edges: Edge[];
  method: Method;
  /** Rules closer than this are one rule (OCR pages: it scales with the image's resolution). */
  snapTolerance?: number;
  /** OCR pages read by their words: stretches of a text line with no ink in either mask (empty-stretches.ts). */
  emptyStretches?: BBox[];
}

/** What an extractor returns: pages of lines, markup tables, and the document's plain text. */
export interface ExtractedDocument {
  format: InputFormat;
  pages: Page[];
  markupTables: MarkupTable[];
  /** Pages with geometry (PDF, OCR): layout turns them into markup tables and lines. */
  positionedPages?: PositionedPage[];
  /** The whole text in reading order, for metadata (title, agency, year). */
  plainText: string;
  /** Number of pages for paged formats, else null. */
  pageCount: number | null;
  issues: Issue[];
}
