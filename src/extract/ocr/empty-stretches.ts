/**
 * Stretches of a text line verifiably empty: no ink at all, in the text mask nor in the faint mask,
 * over the line's whole height. On a page read by its words a printed blank cell shows nothing; the
 * table code looks its header columns up in these stretches (align.ts) to tell a blank it SAW from a
 * value it failed to read. A stretch is never guessed: one pixel of ink in either mask breaks it.
 */
import type { BBox } from '../../model/document.js';
import type { InkMask } from './raster.js';
import type { InkLine } from './text-lines.js';

/** How far above and below a line's ink box its band is looked at (text heights): a blurred or faint digit's edges. */
const BAND_PAD = 0.2;
/** The narrowest stretch worth reporting (text heights): half a digit's cell is no column's room. */
const MIN_STRETCH = 0.5;

/** The empty stretches of each line, as boxes spanning the line's band. */
export function emptyStretches(text: InkMask, faint: InkMask, lines: readonly InkLine[], textHeight: number): BBox[] {
  const stretches: BBox[] = [];
  const width = Math.min(text.width, faint.width);
  for (const line of lines) {
    const y0 = Math.max(0, Math.floor(line.box.y0 - textHeight * BAND_PAD));
    const y1 = Math.min(text.height, faint.height, Math.ceil(line.box.y1 + textHeight * BAND_PAD));
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const empty = x < width && columnEmpty(text, faint, x, y0, y1);
      if (empty && start < 0) start = x;
      if (!empty && start >= 0) {
        if (x - start >= textHeight * MIN_STRETCH) stretches.push({ x0: start, x1: x, y0, y1 });
        start = -1;
      }
    }
  }
  return stretches;
}

function columnEmpty(text: InkMask, faint: InkMask, x: number, y0: number, y1: number): boolean {
  for (let y = y0; y < y1; y++) {
    if (text.data[y * text.width + x] !== 0 || faint.data[y * faint.width + x] !== 0) return false;
  }
  return true;
}

/**
 * The rows of a page's words, each as tall as its own words: the ink lines of a page run together
 * where a wrapped label's lines sit between value lines (drawn-052: one "line" 360 px tall, no
 * stretch of it empty), so a blank is looked for in its own row's height only.
 */
export function wordRows(boxes: readonly BBox[], textHeight: number): InkLine[] {
  const words = [...boxes].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  const rows: BBox[][] = [];
  for (const word of words) {
    const row = rows[rows.length - 1];
    const middle = (b: BBox): number => (b.y0 + b.y1) / 2;
    if (row && Math.abs(middle(word) - middle(row[0] as BBox)) <= textHeight * 0.5) row.push(word);
    else rows.push([word]);
  }
  return rows.map((row) => ({ box: { x0: 0, x1: 0, y0: Math.min(...row.map((b) => b.y0)), y1: Math.max(...row.map((b) => b.y1)) }, pieces: [] }));
}
