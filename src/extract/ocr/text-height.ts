/**
 * The height of a page image's text, measured on its ink: what a screenshot or a cropped photo
 * needs, whose size says nothing of its resolution (the page guess, long side ÷ 11.69 in, takes a
 * 560-pixel screenshot of one table for a 48 dpi page, and its 20-pixel characters for specks).
 * Glyph pieces are found as connected runs of dark pixels; their heights, a character's worth
 * (digits and whole characters, not dots or strokes, not rules), give the text height.
 */
import { paperGrey } from './histogram.js';
import type { Raster } from './raster.js';

/** A glyph piece's height as a share of the line's text height (digits and most characters fill ~0.75–0.9). */
const PIECE_SHARE = 0.82;


/**
 * The text height in pixels, or null when the image shows too few glyph pieces to tell. Pieces
 * are 8-connected dark pixels (darker than 60% of the paper); rules and boxes are left out by
 * their shape (long and thin, or larger than a line of text can be).
 */
export function measuredTextHeight(raster: Raster): number | null {
  const { width, height, data } = raster;
  const dark = paperGrey(raster.data, 7) * 0.6;
  const label = new Int32Array(width * height);
  const heights: number[] = [];
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < data.length; start++) {
    if (label[start] !== 0 || (data[start] as number) >= dark) continue;
    next++;
    label[start] = next;
    stack.push(start);
    let x0 = width;
    let x1 = 0;
    let y0 = height;
    let y1 = 0;
    let area = 0;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const x = i % width;
      const y = (i - x) / width;
      area++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (label[j] === 0 && (data[j] as number) < dark) {
            label[j] = next;
            stack.push(j);
          }
        }
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    // A glyph piece: not a speck, not a rule (long and thin), not a box or a grid (too big, or little ink for its size).
    if (h >= 6 && h <= 200 && w <= h * 2.5 && h <= w * 6 && area >= w * h * 0.08) heights.push(h);
  }
  if (heights.length < 20) return null;
  heights.sort((a, b) => a - b);
  // The tall pieces are whole digits and characters; the short ones dots, strokes and radicals.
  const tall = heights[Math.floor(heights.length * 0.75)] as number;
  return tall / PIECE_SHARE;
}
