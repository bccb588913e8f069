/**
 * Greyscale page images and their ink masks. Decoding, rotation and encoding go through sharp
 * (libvips); per-pixel analysis (thresholds, masks, boxes) is plain typed-array code.
 */
import sharp, { type Sharp } from 'sharp';
import type { BBox } from '../../model/document.js';
import { histogramQuantile } from './histogram.js';
import { paperLight, rowLight } from './paper-light.js';
import { sealFreeGreyPlane } from './seal-grey.js';

/** An 8-bit greyscale image, row-major, 0 = black. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/** 1 where a pixel is ink, row-major, same size as its raster. */
export interface InkMask {
  width: number;
  height: number;
  data: Uint8Array;
}

// Thousands of small pipelines per document (one per cell crop), each used once: libvips' operation
// cache only costs lookups, and its per-pipeline threads cost more than they share out. Same pixels.
sharp.cache(false);
sharp.concurrency(1);

const WHITE = { r: 255, g: 255, b: 255 };

function rawInput(raster: Raster): Sharp {
  return sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } });
}

/**
 * The grey a page is read in. A colour image gives its red channel, not its luma, with red seals
 * (公章) stamped over cells and signatures lifted to the paper (seal-grey.ts), while black and blue
 * print stay dark; on a grey image the two are the same (its seals are lifted once the page is
 * straightened: seal-rings.ts).
 */
async function toRaster(image: Sharp): Promise<Raster> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  if (info.channels === 1) return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  if (info.channels >= 3) return { width: info.width, height: info.height, data: sealFreeGreyPlane(data, info.width, info.height, info.channels) };
  // Grey with alpha: the first channel.
  const grey = new Uint8Array(info.width * info.height);
  for (let i = 0; i < grey.length; i++) grey[i] = data[i * 2] ?? 255;
  return { width: info.width, height: info.height, data: grey };
}

/** A greyscale raster from RGBA pixels (a rendered PDF page), composited on white: as toRaster, its red channel with seals lifted. */
export function rasterFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Raster {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const alpha = (rgba[i * 4 + 3] ?? 255) / 255;
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round((rgba[i * 4 + c] ?? 255) * alpha + 255 * (1 - alpha));
  }
  return { width, height, data: sealFreeGreyPlane(rgb, width, height, 3) };
}

/** Decodes one page (frame) of an image file; EXIF orientation is applied. sharp refuses frames over `maxPixels`. */
export async function decodeImage(bytes: Uint8Array, page = 0, maxPixels = 20000 * 20000): Promise<Raster> {
  return toRaster(sharp(bytes, { page, limitInputPixels: maxPixels }).rotate().flatten({ background: WHITE }));
}

/**
 * Decodes a JPEG taken from a PDF, scaled by `factor`. EXIF orientation is ignored, as PDF readers
 * ignore it; a JPEG whose size is not the one its PDF states is refused (the caller renders the
 * page instead).
 */
export async function decodePdfJpeg(bytes: Uint8Array, stated: { width: number; height: number }, factor = 1): Promise<Raster> {
  const image = sharp(bytes, { limitInputPixels: 20000 * 20000 });
  const meta = await image.metadata();
  if (meta.format !== 'jpeg' || meta.width !== stated.width || meta.height !== stated.height) throw new Error(`the JPEG is ${meta.width ?? 0}×${meta.height ?? 0} ${meta.format}, the PDF says ${stated.width}×${stated.height}`);
  const resized = Math.abs(factor - 1) > 0.01 ? image.resize(Math.max(1, Math.round(stated.width * factor)), Math.max(1, Math.round(stated.height * factor)), { kernel: 'lanczos3', fit: 'fill' }) : image;
  return toRaster(resized.flatten({ background: WHITE }));
}

/** Size (of frame `page`) and number of pages (frames) of an image file, from its header: TIFF and GIF can hold several. */
export async function imageInfo(bytes: Uint8Array, page = 0): Promise<{ width: number; height: number; pages: number }> {
  const meta = await sharp(bytes, { page, limitInputPixels: false }).metadata();
  return { width: meta.width ?? 0, height: meta.height ?? 0, pages: Math.max(1, meta.pages ?? 1) };
}

/** Rotates by `degrees` clockwise, filling the new corners with white. */
export async function rotateRaster(raster: Raster, degrees: number): Promise<Raster> {
  return toRaster(rawInput(raster).rotate(degrees, { background: WHITE }));
}

/** Scales by `factor` (Lanczos). */
export async function scaleRaster(raster: Raster, factor: number): Promise<Raster> {
  return toRaster(rawInput(raster).resize(Math.max(1, Math.round(raster.width * factor)), Math.max(1, Math.round(raster.height * factor)), { kernel: 'lanczos3' }));
}

/** A box grown by `by` pixels on every side (shrunk when negative). */
export function expandBox(box: BBox, by: number): BBox {
  return { x0: box.x0 - by, y0: box.y0 - by, x1: box.x1 + by, y1: box.y1 + by };
}

/** A box as whole pixels of a raster: outward to whole pixels, clipped to the raster, at least one pixel. */
function pixelRegion(raster: Raster, box: BBox): { left: number; top: number; width: number; height: number } {
  const left = Math.max(0, Math.floor(box.x0));
  const top = Math.max(0, Math.floor(box.y0));
  return { left, top, width: Math.max(1, Math.min(raster.width, Math.ceil(box.x1)) - left), height: Math.max(1, Math.min(raster.height, Math.ceil(box.y1)) - top) };
}

/**
 * A region as PNG for the OCR engine: white margin around it, scaled so its text is `targetHeight`
 * pixels high (tesseract reads best at 20–40 px).
 */
export async function cropToPng(raster: Raster, box: BBox, options: { textHeight: number; targetHeight: number; margin: number; rotate?: number }): Promise<Buffer> {
  const { left, top, width, height } = pixelRegion(raster, box);
  const factor = Math.min(4, Math.max(0.5, options.targetHeight / Math.max(1, options.textHeight)));
  const margin = Math.round(options.margin);
  // No median filter: it erases decimal points at 150–200 dpi.
  let image = rawInput(raster).extract({ left, top, width, height });
  if (Math.abs(factor - 1) > 0.1) image = image.resize(Math.max(1, Math.round(width * factor)), Math.max(1, Math.round(height * factor)), { kernel: 'lanczos3' });
  const buffer = await image.extend({ top: margin, bottom: margin, left: margin, right: margin, background: WHITE }).png({ compressionLevel: 1 }).toBuffer();
  return options.rotate ? sharp(buffer).rotate(options.rotate).png({ compressionLevel: 1 }).toBuffer() : buffer;
}

/** The pixels of a region of a raster (inside it), row by row. */
function cropRaster(raster: Raster, left: number, top: number, width: number, height: number): Raster {
  const data = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) data.set(raster.data.subarray((top + row) * raster.width + left, (top + row) * raster.width + left + width), row * width);
  return { width, height, data };
}

/** Share of a crop's pixels darker than its paper level: a cell's ink covers less than this. */
const PAPER_SHARE = 0.7;
/** Paper at least this light is left as it is: the engine reads a well-lit crop best as printed (a light print's thin strokes survive). */
const LIGHT_PAPER = 215;
/** Below this range between ink and paper a crop holds no print to stretch (an empty cell, a smudge). */
const MIN_LEVEL_RANGE = 40;

/**
 * A crop on grey paper stretched in place so its paper is white and its darkest ink black. Crops from
 * the dark and the light side of an unevenly lit page share one stack, and the engine binarises the
 * stack with one threshold: a grey crop would be all ink, or a faint one all paper, and its number
 * read as nothing. On white, a crop's paper also has no edge to be read as a rule.
 */
function levelled(tile: Raster): void {
  const counts = new Uint32Array(256);
  for (const v of tile.data) counts[v] = (counts[v] ?? 0) + 1;
  const at = (share: number): number => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += counts[v] ?? 0) >= share * tile.data.length) return v;
    return 255;
  };
  const ink = at(0.02);
  const paper = at(PAPER_SHARE);
  if (paper >= LIGHT_PAPER || paper - ink < MIN_LEVEL_RANGE) return;
  for (let i = 0; i < tile.data.length; i++) tile.data[i] = Math.max(0, Math.min(255, Math.round((((tile.data[i] ?? 255) - ink) * 255) / (paper - ink))));
}

/** One box to stack: its region and the height of its text, which is scaled to the stack's height. */
export interface StackItem {
  box: BBox;
  textHeight: number;
}

/** A stack of crops as one PNG, and where each crop lies in it (top and bottom, pixels). */
export interface CropStack {
  png: Buffer;
  bands: { y0: number; y1: number }[];
  /** White space between crops and around them, pixels. */
  gap: number;
}

/**
 * Crops laid one under another on white, each scaled so its text is `targetHeight` pixels high,
 * with a gap of one text height between them: the engine reads them as lines of one block, in one
 * call instead of one call per cell (each call re-runs layout analysis and pays the thread
 * round trip), and each line is read as alone as in its own crop.
 */
export async function stackCrops(raster: Raster, items: readonly StackItem[], targetHeight: number): Promise<CropStack> {
  const gap = targetHeight;
  const tiles = await Promise.all(
    items.map(async ({ box, textHeight }) => {
      const { left, top, width, height } = pixelRegion(raster, box);
      const factor = Math.min(4, Math.max(0.5, targetHeight / Math.max(1, textHeight)));
      // A crop read at its own size is a copy of rows (the same pixels sharp gives, without a pipeline).
      if (Math.abs(factor - 1) <= 0.1) return cropRaster(raster, left, top, width, height);
      return toRaster(rawInput(raster).extract({ left, top, width, height }).resize(Math.max(1, Math.round(width * factor)), Math.max(1, Math.round(height * factor)), { kernel: 'lanczos3' }));
    }),
  );
  tiles.forEach(levelled);
  const width = Math.max(1, ...tiles.map((t) => t.width)) + 2 * gap;
  const height = tiles.reduce((sum, t) => sum + t.height + gap, gap);
  const data = new Uint8Array(width * height).fill(255);
  const bands: { y0: number; y1: number }[] = [];
  let y = gap;
  for (const tile of tiles) {
    for (let row = 0; row < tile.height; row++) data.set(tile.data.subarray(row * tile.width, (row + 1) * tile.width), (y + row) * width + gap);
    bands.push({ y0: y, y1: y + tile.height });
    y += tile.height + gap;
  }
  return { png: await rawInput({ width, height, data }).png({ compressionLevel: 1 }).toBuffer(), bands, gap };
}

/** Ink masks for text and for rules, each against the local paper level rather than one threshold. */
export interface InkMasks {
  /** Clearly darker than its surroundings: text (noise and light shading stay paper). */
  text: InkMask;
  /** Darker than its surroundings at all: text printed faintly too (and some noise). */
  faint: InkMask;
  /** Darker than the paper when averaged along a row: faint or blurred horizontal rules too. */
  rulesH: InkMask;
  /** The same along a column, for vertical rules. */
  rulesV: InkMask;
  /** How far below the local mean text ink was taken (pageTextContrast, or as asked). */
  textContrast: number;
  /** The contrast the page's print calls for (pageTextContrast), whatever was asked. */
  fittedContrast: number;
}

/** How much darker than the local mean a pixel must be (0–255) to be text ink or rule ink (text: see pageTextContrast for faint print). */
export const TEXT_CONTRAST = 60;
const FAINT_CONTRAST = 28;
const RULE_CONTRAST = 16;
/** Rules are judged on the mean of this many pixels along them: noise averages out, a line does not. */
const RULE_SPAN = 9;

/**
 * The integral images' memory, reused from page to page (it only grows): a page's integral is tens
 * of megabytes, and allocating it afresh twice per page cost page faults and forced collections.
 * Only synchronous code holds it, and never past its return.
 */
let integralMemory = new Uint32Array(0);

/**
 * Integral image of a raster: the sum of the pixels above and left of (x, y), (width + 1) ×
 * (height + 1), modulo 2³² (a large page's sums pass it). Box sums come out exact as the four-corner sum taken modulo 2³² (`>>> 0`).
 */
function integralOf(raster: Raster): Uint32Array {
  const { width, height, data } = raster;
  const stride = width + 1;
  const size = stride * (height + 1);
  if (integralMemory.length < size) integralMemory = new Uint32Array(size);
  const integral = integralMemory.subarray(0, size);
  integral.fill(0, 0, stride);
  for (let y = 0; y < height; y++) {
    let row = 0;
    const above = y * stride;
    const here = above + stride;
    integral[here] = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x] as number;
      integral[here + x + 1] = (integral[above + x + 1] as number) + row;
    }
  }
  return integral;
}

/**
 * The sum of a box of pixels from an integral image: rows top..bottom-1 (given as offsets top ×
 * stride and bottom × stride), columns left..right-1. The corners are modulo 2³², and so is the
 * sum, which is then exact (a box sums to far less).
 */
function boxSum(integral: Uint32Array, top: number, bottom: number, left: number, right: number): number {
  return ((integral[bottom + right] as number) - (integral[top + right] as number) - (integral[bottom + left] as number) + (integral[top + left] as number)) >>> 0;
}

/** Text ink: clearly darker than its neighbourhood's mean (by `contrast`), or dark outright (a thick rule, a bold stroke). */
function isTextInk(value: number, mean: number, contrast: number): boolean {
  return value < mean - contrast || value < 80;
}

/** The least contrast text ink may need on a page of faint print, and the share of its darkest strokes' depth it needs. */
const MIN_TEXT_CONTRAST = 40;
const STROKE_DEPTH_SHARE = 0.5;
/** Pixels sampled (every this many, both ways) to measure a page's stroke depth. */
const DEPTH_SAMPLE_STEP = 3;

/**
 * The contrast a page's text ink needs: TEXT_CONTRAST, or on a page whose darkest strokes stand
 * less than twice that below their surroundings, half their depth (not under MIN_TEXT_CONTRAST). A
 * blurred photo's strokes reach only 90–130 on paper at 215 (drawn-015 p3: blur 1, 198 dpi): at 60
 * below the local mean only their cores were ink, the text specks, and the page read nothing. The
 * depth is the 95th percentile of how far pixels darker than FAINT_CONTRAST below their mean fall.
 */
function pageTextContrast(raster: Raster, integral: Uint32Array, radius: number): number {
  const { width, height, data } = raster;
  const stride = width + 1;
  const depths = new Uint32Array(256);
  let count = 0;
  for (let y = 0; y < height; y += DEPTH_SAMPLE_STEP) {
    const b = Math.max(0, y - radius);
    const d = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x += DEPTH_SAMPLE_STEP) {
      const a = Math.max(0, x - radius);
      const c = Math.min(width, x + radius + 1);
      const depth = Math.round(boxSum(integral, b * stride, d * stride, a, c) / ((c - a) * (d - b)) - (data[y * width + x] as number));
      if (depth <= FAINT_CONTRAST) continue;
      depths[Math.min(255, depth)]!++;
      count++;
    }
  }
  if (count === 0) return TEXT_CONTRAST;
  const depth = histogramQuantile(depths, count, 0.95);
  return depth >= TEXT_CONTRAST / STROKE_DEPTH_SHARE ? TEXT_CONTRAST : Math.max(MIN_TEXT_CONTRAST, Math.round(depth * STROKE_DEPTH_SHARE));
}

/**
 * Adaptive masks from an integral image: each pixel against the mean of the (2r+1)² box around
 * it. Light grey cell shading is then paper, while a blurred hairline rule (averaged along its
 * direction, so paper noise cancels) is still ink. (Written out with no calls or clamps in the
 * loop: it runs over every pixel of every page.)
 */
export function adaptiveMasks(raster: Raster, radius = 15, contrast?: number): InkMasks {
  const { width, height, data } = raster;
  const stride = width + 1;
  const integral = integralOf(raster);
  const fittedContrast = pageTextContrast(raster, integral, radius);
  const textContrast = contrast ?? fittedContrast;
  // Where the page is lit less, its print stands less deep: the contrast follows the light
  // (paper-light.ts), down to the least any print is taken at (noise beside strokes stays paper).
  const lighting = paperLight(raster);
  const litShare = new Float32Array(width).fill(1);
  const half = Math.floor(RULE_SPAN / 2);
  const text = new Uint8Array(width * height);
  const faint = new Uint8Array(width * height);
  const rulesH = new Uint8Array(width * height);
  const rulesV = new Uint8Array(width * height);
  const lightPixel = 255 - FAINT_CONTRAST;
  const lightRun = 255 - RULE_CONTRAST;
  for (let y = 0; y < height; y++) {
    // Rows of the box around the pixel, and of the run along its column, clamped to the page.
    const b = y - radius > 0 ? y - radius : 0;
    const d = y + radius + 1 < height ? y + radius + 1 : height;
    const vb = y - half > 0 ? y - half : 0;
    const vd = y + half + 1 < height ? y + half + 1 : height;
    const rowB = b * stride;
    const rowD = d * stride;
    const rowVb = vb * stride;
    const rowVd = vd * stride;
    const rowY = y * stride;
    const rowY1 = rowY + stride;
    const downCount = vd - vb;
    const lightDown = lightRun * downCount;
    if (lighting) rowLight(lighting, y, litShare);
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = data[i] as number;
      // Rules are judged on the mean of a short run along them.
      const ha = x - half > 0 ? x - half : 0;
      const hc = x + half + 1 < width ? x + half + 1 : width;
      const alongSum = boxSum(integral, rowY, rowY1, ha, hc);
      const downSum = boxSum(integral, rowVb, rowVd, x, x + 1);
      // Paper this light is no ink of any kind against any neighbourhood (its mean is at most
      // 255): most of a page is decided without the neighbourhood's mean, on sums (no division).
      if (v >= lightPixel && alongSum >= lightRun * (hc - ha) && downSum >= lightDown) continue;
      const along = alongSum / (hc - ha);
      const down = downSum / downCount;
      const a = x - radius > 0 ? x - radius : 0;
      const c = x + radius + 1 < width ? x + radius + 1 : width;
      const mean = boxSum(integral, rowB, rowD, a, c) / ((c - a) * (d - b));
      const dark = v < 80;
      // A pixel in a solid dark area (a thick rule, a bold stroke) is ink too.
      if (isTextInk(v, mean, Math.max(MIN_TEXT_CONTRAST, textContrast * (litShare[x] as number)))) text[i] = 1;
      if (v < mean - FAINT_CONTRAST) faint[i] = 1;
      if (along < mean - RULE_CONTRAST || dark) rulesH[i] = 1;
      if (down < mean - RULE_CONTRAST || dark) rulesV[i] = 1;
    }
  }
  return { text: { width, height, data: text }, faint: { width, height, data: faint }, rulesH: { width, height, data: rulesH }, rulesV: { width, height, data: rulesV }, textContrast, fittedContrast };
}

/** faintMaskBesideRules' integral images, reused (only synchronous code holds them, never past its return). */
let besideRulesMemory = { sums: new Float64Array(0), counts: new Uint32Array(0) };

/**
 * The faint mask again, each pixel against the mean of the paper and text around it with the rules'
 * pixels (`rules`) left out. Beside a rule, the rule's dark pixels pull the box's mean down, and thin
 * strokes near it stop being ink: at 121 dpi a cell is as high as the box, and the 2 of a faint 21
 * fell out of the mask while the heavier 1 stayed (drawn-111: 21 read 1, the 2 not seen beside it).
 */
export function faintMaskBesideRules(raster: Raster, rules: InkMask, radius = 15): InkMask {
  const { width, height, data } = raster;
  const stride = width + 1;
  const size = stride * (height + 1);
  // Sums and counts of the pixels that are not rule, as integral images (their memory reused from page
  // to page, as integralOf's: about 70 MB at 300 dpi; the first row and column are zeroed, the rest written).
  if (besideRulesMemory.sums.length < size) besideRulesMemory = { sums: new Float64Array(size), counts: new Uint32Array(size) };
  const sums = besideRulesMemory.sums.subarray(0, size);
  const counts = besideRulesMemory.counts.subarray(0, size);
  sums.fill(0, 0, stride);
  counts.fill(0, 0, stride);
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    let rowCount = 0;
    const above = y * stride;
    const here = above + stride;
    sums[here] = 0;
    counts[here] = 0;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (rules.data[i] !== 1) {
        rowSum += data[i] as number;
        rowCount++;
      }
      sums[here + x + 1] = (sums[above + x + 1] as number) + rowSum;
      counts[here + x + 1] = (counts[above + x + 1] as number) + rowCount;
    }
  }
  const faint = new Uint8Array(width * height);
  const lightPixel = 255 - FAINT_CONTRAST;
  for (let y = 0; y < height; y++) {
    const rowB = (y - radius > 0 ? y - radius : 0) * stride;
    const rowD = (y + radius + 1 < height ? y + radius + 1 : height) * stride;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = data[i] as number;
      if (v >= lightPixel) continue;
      const a = x - radius > 0 ? x - radius : 0;
      const c = x + radius + 1 < width ? x + radius + 1 : width;
      const count = (counts[rowD + c] as number) - (counts[rowB + c] as number) - (counts[rowD + a] as number) + (counts[rowB + a] as number);
      // (Rules nearly all around it: a crossing of rules, no text.)
      if (count * 10 < ((c - a) * (rowD - rowB)) / stride) continue;
      const sum = (sums[rowD + c] as number) - (sums[rowB + c] as number) - (sums[rowD + a] as number) + (sums[rowB + a] as number);
      if (v < sum / count - FAINT_CONTRAST) faint[i] = 1;
    }
  }
  return { width, height, data: faint };
}

/**
 * The pixels of adaptiveMasks' `text` mask on a grid every `step` pixels, as x, y pairs: all a
 * skew search samples (geometry.ts skewSampleStep), at a step² share of the cost of the mask.
 */
export function textInkSamples(raster: Raster, step: number, radius = 15): Int32Array {
  const { width, height, data } = raster;
  const stride = width + 1;
  const integral = integralOf(raster);
  const contrast = pageTextContrast(raster, integral, radius);
  const points: number[] = [];
  for (let y = 0; y < height; y += step) {
    const b = y - radius > 0 ? y - radius : 0;
    const d = y + radius + 1 < height ? y + radius + 1 : height;
    const rowB = b * stride;
    const rowD = d * stride;
    for (let x = 0; x < width; x += step) {
      const a = x - radius > 0 ? x - radius : 0;
      const c = x + radius + 1 < width ? x + radius + 1 : width;
      const mean = boxSum(integral, rowB, rowD, a, c) / ((c - a) * (d - b));
      const v = data[y * width + x] as number;
      if (isTextInk(v, mean, contrast)) points.push(x, y);
    }
  }
  return Int32Array.from(points);
}
