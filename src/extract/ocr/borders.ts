/**
 * What lies around the sheet: a scanner's dark edge (the lid beyond the paper), a dark shadow
 * along a border, the desk around a photographed page. All of it touches the image's border and
 * is wide and solid, unlike print, which stands inside the margins in thin strokes. Left in, it is
 * taken for ink: it sways the skew, joins the text lines and hides the page (issue 16: a dark edge
 * down one side ended a scan `not_a_report`). It is found on a reduced copy of the page, where
 * thin strokes (rules, text, a screenshot's table border) fade into the paper and solid dark stays
 * dark, and painted the paper's colour.
 */
import sharp from 'sharp';
import type { Raster } from './raster.js';

/** The reduced copy: one pixel per block of this many page pixels a side. */
const BLOCK = 8;
/** A block this much darker than the paper, on the image's border, starts a dark region … */
const SEED_SHARE = 0.45;
/**
 * … which grows through blocks darker than this share of the paper: paper in poor light (a photo's
 * far side, 0.6 of the near side's grey) must stay out of it.
 */
const GROW_SHARE = 0.5;

/** The paper's grey: the 90th percentile of a sample of pixels. */
function paperGrey(data: Uint8Array): number {
  const histogram = new Uint32Array(256);
  let samples = 0;
  for (let i = 0; i < data.length; i += 13, samples++) histogram[data[i] as number]!++;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v] as number;
    if (seen >= samples * 0.9) return v;
  }
  return 255;
}

/**
 * The page with the dark regions that reach its border painted paper: the same raster when there
 * are none (the usual case costs one reduced copy and a scan of its border).
 */
export async function withoutDarkBorders(raster: Raster): Promise<Raster> {
  const width = Math.max(1, Math.round(raster.width / BLOCK));
  const height = Math.max(1, Math.round(raster.height / BLOCK));
  if (width < 8 || height < 8) return raster;
  const small = new Uint8Array(
    await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } })
      .resize(width, height, { kernel: 'linear', fit: 'fill' })
      .raw()
      .toBuffer(),
  );
  const paper = paperGrey(small);
  const seed = paper * SEED_SHARE;
  const grow = paper * GROW_SHARE;
  const dark = new Uint8Array(width * height);
  const queue: number[] = [];
  const visit = (i: number, limit: number): void => {
    if (dark[i] === 0 && (small[i] as number) < limit) {
      dark[i] = 1;
      queue.push(i);
    }
  };
  for (let x = 0; x < width; x++) {
    visit(x, seed);
    visit((height - 1) * width + x, seed);
  }
  for (let y = 0; y < height; y++) {
    visit(y * width, seed);
    visit(y * width + width - 1, seed);
  }
  if (queue.length === 0) return raster;
  while (queue.length > 0) {
    const i = queue.pop() as number;
    const x = i % width;
    if (x > 0) visit(i - 1, grow);
    if (x < width - 1) visit(i + 1, grow);
    if (i >= width) visit(i - width, grow);
    if (i < width * (height - 1)) visit(i + width, grow);
  }
  // Painted a block further, so the soft rim of an edge is not left as a dark line.
  const data = new Uint8Array(raster.data);
  const fill = Math.max(paper, paperGrey(raster.data));
  for (let by = 0; by < height; by++) {
    for (let bx = 0; bx < width; bx++) {
      if (!nearDark(dark, width, height, bx, by)) continue;
      const x0 = Math.floor((bx * raster.width) / width);
      const x1 = Math.min(raster.width, Math.ceil(((bx + 1) * raster.width) / width));
      const y0 = Math.floor((by * raster.height) / height);
      const y1 = Math.min(raster.height, Math.ceil(((by + 1) * raster.height) / height));
      for (let y = y0; y < y1; y++) data.fill(fill, y * raster.width + x0, y * raster.width + x1);
    }
  }
  return { width: raster.width, height: raster.height, data };
}

/** True when the block or one of its 8 neighbours is dark. */
function nearDark(dark: Uint8Array, width: number, height: number, bx: number, by: number): boolean {
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const x = bx + dx;
      const y = by + dy;
      if (x >= 0 && y >= 0 && x < width && y < height && dark[y * width + x] === 1) return true;
    }
  }
  return false;
}
