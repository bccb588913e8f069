/**
 * Lays out markup tables on a grid that honours rowspan and colspan, so every cell knows the
 * grid column it starts in (templates.md §3–§5: the official tables are merged-cell grids).
 */
import type { BBox, Line, MarkupTable } from '../model/document.js';

/** One markup table → one line per row; each cell carries its starting grid column. */
export function markupTableToLines(table: MarkupTable): Line[] {
  const occupied: boolean[][] = [];
  type Placed = { row: number; col: number; text: string; colSpan: number; rowSpan: number; confidence: number; bbox?: BBox };
  const placed: Placed[][] = [];
  let width = 0;
  table.rows.forEach((cells, r) => {
    const rowCells: Placed[] = [];
    let col = 0;
    for (const cell of cells) {
      if (cell.col !== undefined) col = cell.col;
      else while (occupied[r]?.[col]) col++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < table.rows.length; dr++) {
        const row = (occupied[r + dr] ??= []);
        for (let dc = 0; dc < cell.colSpan; dc++) row[col + dc] = true;
      }
      rowCells.push({ row: r, col, text: cell.text, colSpan: cell.colSpan, rowSpan: cell.rowSpan, confidence: cell.confidence ?? 1, ...(cell.bbox ? { bbox: cell.bbox } : {}) });
      col += cell.colSpan;
      width = Math.max(width, col);
    }
    placed.push(rowCells);
  });
  // Columns at the grid's end that no cell with text covers are padding (Markdown's trailing `||`,
  // a Word grid's spare column) or a column printed blank in every row: which, the grid cannot
  // tell, so its width says nothing about where a row's values end (no gridWidth then).
  const lastFilled = placed.some((rowCells) => rowCells.some((c) => c.text.trim() !== '' && c.col + c.colSpan >= width));
  return placed.map((rowCells, r) => ({
    page: table.page ?? 1,
    lineNo: r + 1,
    cells: rowCells.map((c) => ({ text: c.text, col: c.col, colSpan: c.colSpan, ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}), confidence: c.confidence, ...(c.bbox ? { bbox: c.bbox } : {}) })),
    separator: 'grid',
    method: table.method,
    ...(lastFilled ? { gridWidth: width } : {}),
    tableNo: table.index,
  }));
}
