/**
 * Size bounds every extractor checks BEFORE it allocates, so that a hostile file fails itself
 * quickly, with a code that says what it claimed, and never takes a worker's (or the batch's)
 * memory. The bounds sit far above anything a real report needs.
 */
import type { MarkupTable } from '../model/document.js';
import { InputError } from '../model/issues.js';

/** Grid columns one table row may span (a report table has at most 11; portal tables a few dozen). */
export const MAX_TABLE_COLUMNS = 256;
/** Grid cells one table may cover, spans counted (the three report tables have ~250 together). */
export const MAX_TABLE_GRID_CELLS = 250_000;
/** Elements one HTML page or Word document may hold (a portal page has a few thousand). */
export const MAX_MARKUP_ELEMENTS = 300_000;
/** Open elements one inside another (real pages nest a few dozen deep). */
export const MAX_MARKUP_DEPTH = 500;
/** Pixels of a decoded image (an A4 page at 600 dpi is 35 megapixels). */
export const MAX_IMAGE_PIXELS = 60_000_000;
/** Pixels of a PDF page rendered for OCR (A0 at 150 dpi is 35 megapixels; RGBA is 4 bytes each). */
export const MAX_RENDER_PIXELS = 36_000_000;
/** Bytes a PDF image stream may inflate to (a Flate scan image, A4 at 600 dpi in RGB, is ~105 MB). */
export const MAX_INFLATED_IMAGE_BYTES = 128 * 1024 * 1024;
/** Bytes any other PDF stream may inflate to (page content, fonts: a full CJK font is ~20 MB). */
export const MAX_INFLATED_BYTES = 48 * 1024 * 1024;
/** Characters of one text line read as a table row; longer lines have lost their line breaks. */
export const MAX_TEXT_LINE_CHARS = 20_000;

/**
 * Refuses a markup table whose spans claim more grid than a table can have: the grid layout marks
 * every spanned position, so a `colspan`/`gridSpan` of 2·10⁹ would take gigabytes.
 */
export function checkTableBounds(table: MarkupTable): void {
  let gridCells = 0;
  table.rows.forEach((row, r) => {
    let columns = 0;
    for (const cell of row) {
      columns = Math.max(columns, (cell.col ?? columns) + cell.colSpan);
      if (columns > MAX_TABLE_COLUMNS) {
        throw new InputError('table_too_large', `table ${table.index}, row ${r + 1}: spans ${columns} or more columns, over the limit of ${MAX_TABLE_COLUMNS}`);
      }
      gridCells += cell.colSpan * Math.min(cell.rowSpan, table.rows.length - r);
    }
    if (gridCells > MAX_TABLE_GRID_CELLS) {
      throw new InputError('table_too_large', `table ${table.index}: its spans cover more than ${MAX_TABLE_GRID_CELLS} grid cells`);
    }
  });
}
