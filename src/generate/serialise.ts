/**
 * Prints a logical table as text the way one converter or scraper does: the table is a list of
 * rows of cells (grid.ts); a `RowFormat` says what goes between cells, before and after a row,
 * how an empty cell shows, and whether a cell's text is cut. The same pass records, for every row
 * whose printed form lost something, what a reader is left with (`RowEvidence`).
 */
import { ownCells, type GridCell, type GridTable } from './grid.js';
import type { RowEvidence } from './provable.js';

/** How one layout prints the rows of a table. */
export interface RowFormat {
  /** Between two cells of a row ('' glues them). */
  cellSep: string;
  /** Before the first cell, given how many grid columns row-spanning cells from above cover there. */
  start: (coveredLeft: number) => string;
  /** After the last cell, given how many extra grid columns the row's merged cells take. */
  end: (spanExtra: number) => string;
  /** An empty cell leaves nothing at all: neither text nor separator. */
  dropEmpty: boolean;
  /** The printed text of a cell: padding, markers, header words broken inside the cell. */
  text: (cell: GridCell) => string;
  /** A value's text cut in pieces printed as separate cells (digits broken over lines); null to keep it whole. */
  breakValue?: (cell: GridCell) => string[] | null;
}

/** A table as printed lines (one entry per grid row) and what its damaged rows still prove. */
export interface PrintedTable {
  rows: string[];
  evidence: RowEvidence[];
}

const isEmpty = (text: string): boolean => text.trim() === '';

/** Prints a table row by row; `following` is the text printed right after the table (for glued numbering). */
export function serialiseTable(table: GridTable, format: RowFormat, following = ''): PrintedTable {
  const rows: string[] = [];
  const evidence: RowEvidence[] = [];
  const pending: { evidence: RowEvidence; rowIndex: number }[] = [];
  ownCells(table).forEach(({ cells, coveredLeft }) => {
    const printed: string[] = [];
    const tokens: string[] = [];
    const keys: string[] = [];
    // A reader cannot tell a row that lost a blank from one that had none: in a layout that drops
    // empty cells, any row may have, so every row is evidence with blanks that may sit anywhere.
    const dropped = format.dropEmpty && cells.some((c) => c.kind === 'value');
    let broken = false;
    for (const cell of cells) {
      const text = format.text(cell);
      if (cell.kind === 'value' && cell.key) keys.push(cell.key);
      if (format.dropEmpty && isEmpty(text)) continue;
      const pieces = cell.kind === 'value' ? (format.breakValue?.(cell) ?? [text]) : [text];
      if (pieces.length > 1) broken = true;
      printed.push(...pieces);
      if (cell.kind === 'value') tokens.push(...pieces);
    }
    const spanExtra = cells.reduce((n, c) => n + c.colSpan - 1, 0);
    rows.push(format.start(coveredLeft) + printed.join(format.cellSep) + format.end(spanExtra));
    const glued = format.cellSep === '';
    if (keys.length === 0 || !(dropped || broken || (glued && keys.length > 1))) return;
    const gluedText = tokens.join('');
    const row: RowEvidence = { keys, tokens: glued ? (gluedText === '' ? [] : [gluedText]) : tokens, glued, dropped, mergeable: broken, optionalTail: 0 };
    evidence.push(row);
    if (glued) pending.push({ evidence: row, rowIndex: rows.length - 1 });
  });
  // Glued text runs the values into the next label: its leading digits ("2.其他…") may be read as part of the values.
  for (const { evidence: row, rowIndex } of pending) {
    const next = rows[rowIndex + 1] ?? following;
    row.optionalTail = /^\d+/.exec(next)?.[0].length ?? 0;
    if (row.optionalTail > 0) row.tokens = [`${row.tokens[0] ?? ''}${next.slice(0, row.optionalTail)}`];
  }
  return { rows, evidence };
}
