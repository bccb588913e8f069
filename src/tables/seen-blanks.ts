/**
 * Printed blanks an unruled table shows as nothing, seen where the OCR page saw no ink under a
 * header column (rows of 三 and 二 in align.ts, 四's row in reviews.ts).
 */
import { SEEN_BLANK, type Line } from '../model/document.js';
import type { HeaderPositions, Slot, SlotRun } from './slots.js';

/**
 * OCR rows under header columns on a page read by its words: a column of the row's line whose box
 * the page saw empty (no ink in either mask, empty-stretches.ts) and no value of the row covers is a
 * printed blank, seen there, given a blank slot the header places (an unruled table's blank shows
 * nothing; without it the row's values could sit in several ways or leave a cell unread).
 */
export function seenBlanksUnderColumns(rows: readonly SlotRun[], lineByNo: ReadonlyMap<number, Line>, n: number): void {
  for (const row of rows) {
    const header = row.header;
    if (!header || header.kind !== 'x' || header.columns.length !== n || row.mode === 'grid' || row.slots.length === 0 || !row.slots.every((s) => s.method === 'ocr' && s.bbox)) continue;
    const lineNos = new Set(row.slots.map((s) => s.line));
    if (lineNos.size !== 1) continue;
    const line = lineByNo.get(row.slots[0]?.line as number);
    const stretches = line?.emptyStretches;
    if (!line || !stretches) continue;
    const boxes = row.slots.map((s) => s.bbox as NonNullable<Slot['bbox']>);
    const y0 = Math.min(...boxes.map((b) => b.y0));
    const y1 = Math.max(...boxes.map((b) => b.y1));
    const height = y1 - y0;
    const blanks: Slot[] = [];
    header.columns.forEach((column, i) => {
      const at = header.anchors?.[i] ?? column.start + column.span / 2;
      // Where a value of the column would print: right of a left edge, left of a right edge, around a middle.
      const x0 = header.anchor === 'x0' ? at : header.anchor === 'x1' ? at - height : at - height / 2;
      const box = { x0, x1: x0 + height, y0, y1 };
      // A value in the column: near the anchor's box; under a header without anchors (columns from
      // header words, values set left, right or centred in them), reaching into the header word's
      // extent (a number run together with the next one, "298" "0" read 2980, reaches into both).
      const inColumn = header.anchor
        ? (b: NonNullable<Slot['bbox']>): boolean => Math.min(b.x1, box.x1 + height / 2) > Math.max(b.x0, box.x0 - height / 2)
        : (b: NonNullable<Slot['bbox']>): boolean => Math.min(b.x1, column.start + column.span) - Math.max(b.x0, column.start) > Math.min(column.span, height) * 0.15;
      if (boxes.some(inColumn)) return;
      if (!stretches.some((s) => s.x0 <= box.x0 && box.x1 <= s.x1)) return;
      // Placed as a value would be: its box at the anchor; without one, a sliver at the column's middle.
      const bbox = header.anchor ? box : { x0: at - 1, x1: at + 1, y0, y1 };
      blanks.push({ text: SEEN_BLANK, page: line.page, line: line.lineNo, bbox, confidence: 1, method: 'ocr' });
    });
    // Only where the row's values and the blanks seen fill its columns exactly, or where each value
    // stands on its column's line (columns found from the values): a column the header places off the
    // values leaves the row as it was. (A value the page did not read leaves ink: no blank is seen there.)
    if (blanks.length === 0 || (row.slots.length + blanks.length !== n && !onAnchors(row.slots, header))) continue;
    row.slots = [...row.slots, ...blanks].sort((a, b) => (a.bbox?.x0 ?? 0) - (b.bbox?.x0 ?? 0));
  }
}

/**
 * Every value's anchor point (its start, end or centre, as the columns were found) on a column's line,
 * within the tolerance the lines were found with: the columns hold at this row.
 */
function onAnchors(slots: readonly Slot[], header: HeaderPositions): boolean {
  const anchors = header.anchors;
  if (!header.anchor || !anchors) return false;
  const tolerance = header.anchorTolerance ?? 2;
  const at = (b: NonNullable<Slot['bbox']>): number => (header.anchor === 'x0' ? b.x0 : header.anchor === 'x1' ? b.x1 : (b.x0 + b.x1) / 2);
  return slots.every((s) => s.bbox !== undefined && anchors.some((a) => Math.abs(a - at(s.bbox!)) <= tolerance));
}
