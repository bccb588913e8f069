/**
 * The grey a colour page is read in: its red channel, with red seals (公章) lifted to the paper.
 *
 * In red light a red seal is lighter than black print but not as light as the paper: on the drawn
 * photos and scans its ink stands at about 0.7 of the paper's red (the seal's own red, its opacity,
 * the camera's colour), so over a cell the adaptive masks took its strokes for faint ink and a
 * number under it for unreadable (drawn-119, a seal over ten rows of 三). A seal pixel is told by its
 * redness, red above the brighter of green and blue; at full cover the seal takes about as much
 * more from green as it leaves red below the paper, so adding the redness back restores the paper
 * (never lighter than the page's paper).
 * JPEG keeps colour at half resolution, so a seal stroke's edges show its darkening without its
 * redness: there a light pixel takes the most redness around it. Dark pixels (print, under the seal
 * or beside it) take only their own, and black print is barely red: it stays as dark as printed.
 */

import { paperGrey } from './histogram.js';

/** Redness below this is paper's (a colour scan's warm cast) or noise, not a seal's. */
const SEAL_REDNESS_FLOOR = 12;
/** Redness that marks a pixel as a seal's for sure, and the share of the page such pixels must reach for it to hold a seal. */
const SEAL_REDNESS_SURE = 40;
const SEAL_PAGE_SHARE = 0.001;
/** Below this share of the paper's red a pixel is print (keeps its own redness, never its neighbours'). */
const PRINT_SHARE = 0.55;

/**
 * The grey plane of interleaved colour pixels (`channels` ≥ 3, the first three R, G, B; anything
 * after them is ignored). A page with no seal (too few surely red pixels) gives its red channel
 * unchanged.
 */
export function sealFreeGreyPlane(data: ArrayLike<number>, width: number, height: number, channels: number): Uint8Array {
  const size = width * height;
  const grey = new Uint8Array(size);
  let sure = 0;
  for (let i = 0, j = 0; i < size; i++, j += channels) {
    const r = data[j] as number;
    grey[i] = r;
    if (r - Math.max(data[j + 1] as number, data[j + 2] as number) >= SEAL_REDNESS_SURE) sure++;
  }
  // (Most pages hold no seal: they cost this one pass.)
  if (sure < size * SEAL_PAGE_SHARE) return grey;
  const redness = new Uint8Array(size);
  for (let i = 0, j = 0; i < size; i++, j += channels) {
    const red = (data[j] as number) - Math.max(data[j + 1] as number, data[j + 2] as number) - SEAL_REDNESS_FLOOR;
    if (red > 0) redness[i] = red;
  }
  const paper = paperGrey(grey, 1);
  const print = paper * PRINT_SHARE;
  const near = sealBlocks(redness, width, height);
  const out = new Uint8Array(size);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const r = grey[i] as number;
      out[i] = r;
      if (near.at(x, y) === 0) continue;
      let lift = redness[i] as number;
      if (r >= print) {
        for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
          for (let xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) lift = Math.max(lift, redness[yy * width + xx] as number);
        }
      }
      // Lifted to the paper at most: a seal stroke whiter than its paper would darken the paper beside it in the adaptive masks.
      if (lift > 0) out[i] = Math.max(r, Math.min(r + lift, paper));
    }
  }
  return out;
}

/** Blocks (pixels a side) in which a seal is looked for, and the share of a block's pixels that must be surely red. */
const SEAL_BLOCK = 32;
const SEAL_BLOCK_SHARE = 0.02;

/**
 * Where the page's seals lie: the blocks holding surely red pixels, and the blocks around them. Only
 * there is a pixel lifted; elsewhere a colour scan's noise makes some pixels of print a little red,
 * and lifting them thinned the print of labels far from any seal (drawn-079 p2: "2.其他法律行政…" read
 * "肥黄想活律行政…").
 */
function sealBlocks(redness: Uint8Array, width: number, height: number): { at: (x: number, y: number) => number } {
  const bw = Math.ceil(width / SEAL_BLOCK);
  const bh = Math.ceil(height / SEAL_BLOCK);
  const counts = new Uint32Array(bw * bh);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if ((redness[y * width + x] as number) >= SEAL_REDNESS_SURE - SEAL_REDNESS_FLOOR) counts[Math.floor(y / SEAL_BLOCK) * bw + Math.floor(x / SEAL_BLOCK)]!++;
  }
  const near = new Uint8Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      if ((counts[by * bw + bx] as number) < SEAL_BLOCK * SEAL_BLOCK * SEAL_BLOCK_SHARE) continue;
      for (let y = Math.max(0, by - 1); y <= Math.min(bh - 1, by + 1); y++) for (let x = Math.max(0, bx - 1); x <= Math.min(bw - 1, bx + 1); x++) near[y * bw + x] = 1;
    }
  }
  return { at: (x, y) => near[Math.floor(y / SEAL_BLOCK) * bw + Math.floor(x / SEAL_BLOCK)] as number };
}
