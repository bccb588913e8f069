/**
 * How brightly each part of a page is lit, as a share of its brightest paper. Light falls off
 * across a photographed or unevenly scanned page, and the print there is darker paper's and darker
 * ink's difference times the light: at 0.7 of the light a stroke stands 0.7 as deep below its
 * surroundings (drawn-119 p2: 四's "3 2 25" at the dark corner stood 40 below paper at 175, and at
 * the page's contrast of 60 were faint ink, unread). The text mask's contrast follows the light
 * (raster.ts adaptiveMasks).
 */
import { histogramQuantile } from './histogram.js';
import type { Raster } from './raster.js';

/** Side of the blocks (pixels) whose paper is measured, and the pixels sampled in one (every this many, both ways). */
const BLOCK = 48;
const SAMPLE_STEP = 2;
/** A block's paper: the 90th percentile of its greys (most of a block is paper, even in a table). */
const PAPER_QUANTILE = 0.9;
/** The dimmest light a contrast is scaled down to: a block darker than this is a shadow or a mark, not paper in poor light. */
export const MIN_LIGHT = 0.6;

/** Light per block (0–1, of the page's brightest paper), row by row. */
export interface PaperLight {
  blocks: Float32Array;
  columns: number;
  rows: number;
}

/** The light each block of a page gets; null when it is even (within a tenth everywhere). */
export function paperLight(raster: Raster): PaperLight | null {
  const { width, height, data } = raster;
  const columns = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const papers = new Float32Array(columns * rows);
  const histogram = new Uint32Array(256);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      histogram.fill(0);
      let count = 0;
      for (let y = by * BLOCK; y < Math.min(height, (by + 1) * BLOCK); y += SAMPLE_STEP) {
        for (let x = bx * BLOCK; x < Math.min(width, (bx + 1) * BLOCK); x += SAMPLE_STEP) {
          histogram[data[y * width + x] as number]!++;
          count++;
        }
      }
      papers[by * columns + bx] = count === 0 ? 0 : histogramQuantile(histogram, count, PAPER_QUANTILE);
    }
  }
  // A block filled with print or a rule shows less paper than it has: each block takes the
  // brightest paper among itself and its neighbours.
  const brightest = new Float32Array(columns * rows);
  let top = 0;
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      let best = 0;
      for (let y = Math.max(0, by - 1); y <= Math.min(rows - 1, by + 1); y++) for (let x = Math.max(0, bx - 1); x <= Math.min(columns - 1, bx + 1); x++) best = Math.max(best, papers[y * columns + x] as number);
      brightest[by * columns + bx] = best;
      top = Math.max(top, best);
    }
  }
  if (top === 0) return null;
  let even = true;
  for (let i = 0; i < brightest.length; i++) {
    brightest[i] = Math.max(MIN_LIGHT, Math.min(1, (brightest[i] as number) / top));
    if ((brightest[i] as number) < 0.9) even = false;
  }
  return even ? null : { blocks: brightest, columns, rows };
}

/** The light at each pixel of row `y` (bilinear between the blocks' centres), into `out`. */
export function rowLight(light: PaperLight, y: number, out: Float32Array): void {
  const { blocks, columns, rows } = light;
  const ty = Math.min(rows - 1, Math.max(0, (y + 0.5) / BLOCK - 0.5));
  const r0 = Math.floor(ty);
  const r1 = Math.min(rows - 1, r0 + 1);
  const fy = ty - r0;
  for (let x = 0; x < out.length; x++) {
    const tx = Math.min(columns - 1, Math.max(0, (x + 0.5) / BLOCK - 0.5));
    const c0 = Math.floor(tx);
    const c1 = Math.min(columns - 1, c0 + 1);
    const fx = tx - c0;
    const upper = (blocks[r0 * columns + c0] as number) * (1 - fx) + (blocks[r0 * columns + c1] as number) * fx;
    const lower = (blocks[r1 * columns + c0] as number) * (1 - fx) + (blocks[r1 * columns + c1] as number) * fx;
    out[x] = upper * (1 - fy) + lower * fy;
  }
}
