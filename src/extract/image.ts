/**
 * Image files (PNG, JPEG, TIFF, BMP, GIF, WebP) → OCRed positioned pages. sharp decodes all but
 * BMP, which @napi-rs/canvas decodes; a multi-page TIFF is one page per frame.
 */
import type { ExtractedDocument, PositionedPage } from '../model/document.js';
import { InputError } from '../model/issues.js';
import type { Issue } from '../schema/records.js';
import { MAX_IMAGE_PIXELS } from './bounds.js';
import { documentPageReader, judgeWithDocumentShapes, ocrPageIssues, preparePage, sharedOcrEngine, type OcrPageResult, type PageGlyphs, type PreparedPage } from './ocr/index.js';
import { usedOverlapping } from './one-ahead.js';
import { decodeImage, imageInfo, rasterFromRgba, type Raster } from './ocr/raster.js';

/** Images smaller than this (long side, pixels) hold too little to read a table from. */
const MIN_LONG_SIDE = 400;
/** When every page reads worse than this, the image is too blurred or too coarse: fail, do not guess. */
const UNREADABLE_CONFIDENCE = 0.45;

/** Width and height from a PNG's IHDR chunk, which a damaged file may still have. */
function pngHeaderSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** True when some of the image is darker than its paper (a blank scan is one even grey). */
function hasInk(raster: Raster): boolean {
  const histogram = new Uint32Array(256);
  let samples = 0;
  for (let i = 0; i < raster.data.length; i += 7, samples++) {
    const v = raster.data[i] ?? 255;
    histogram[v] = (histogram[v] ?? 0) + 1;
  }
  // Paper: the 90th percentile; ink: a share of samples well below it.
  let seen = 0;
  let paper = 255;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v] ?? 0;
    if (seen >= samples * 0.9) {
      paper = v;
      break;
    }
  }
  let dark = 0;
  for (let v = 0; v < paper - 25; v++) dark += histogram[v] ?? 0;
  return dark > samples * 0.002;
}

/**
 * Width and height from a BMP's header: 32-bit signed little-endian at offsets 18 and 22 (a
 * negative height is a top-down image), or 16-bit at 18 and 20 in the old 12-byte OS/2 header.
 * RLE-compressed BMPs claim any size in a few bytes, so this is checked before decoding.
 */
export function bmpHeaderSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length < 26) throw new InputError('image_corrupt', 'the BMP file is shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(14, true) === 12) return { width: view.getUint16(18, true), height: view.getUint16(20, true) };
  return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
}

/** Refuses an image whose header claims more pixels than a page scan can have, before anything is decoded. */
function checkPixels(width: number, height: number, frame?: number): void {
  if (width * height > MAX_IMAGE_PIXELS) {
    const where = frame === undefined ? '' : `frame ${frame + 1}: `;
    throw new InputError('image_too_large', `${where}${width}×${height} pixels, over the limit of ${MAX_IMAGE_PIXELS / 1e6} megapixels`);
  }
}

async function decodeBmp(bytes: Uint8Array): Promise<Raster> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  return rasterFromRgba(context.getImageData(0, 0, image.width, image.height).data, image.width, image.height);
}

async function decodePage(bytes: Uint8Array, page: number, isBmp: boolean): Promise<Raster> {
  try {
    return isBmp ? await decodeBmp(bytes) : await decodeImage(bytes, page, MAX_IMAGE_PIXELS);
  } catch (error) {
    if (error instanceof InputError) throw error;
    // sharp's own bound, for a frame whose header it had not been asked about.
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw new InputError('image_too_large', `frame ${page + 1}: over the limit of ${MAX_IMAGE_PIXELS / 1e6} megapixels (${error.message})`);
    throw new InputError('image_corrupt', `the image cannot be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** OCRs every page of an image file. */
export async function extractImage(bytes: Uint8Array, limits: { maxPages: number }): Promise<ExtractedDocument> {
  const isBmp = bytes[0] === 0x42 && bytes[1] === 0x4d;
  let info: { width: number; height: number; pages: number };
  try {
    info = isBmp ? { ...bmpHeaderSize(bytes), pages: 1 } : await imageInfo(bytes);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const png = pngHeaderSize(bytes);
    if (!png) throw new InputError('image_corrupt', `the image cannot be decoded: ${error instanceof Error ? error.message : String(error)}`);
    info = { ...png, pages: 1 };
  }
  // Checked on the header, before decoding: a huge image would take gigabytes to hold.
  checkPixels(info.width, info.height);
  const pageCount = info.pages;
  if (pageCount > limits.maxPages) throw new InputError('too_many_pages', `${pageCount} pages, over the limit of ${limits.maxPages}`);
  // Each frame of a TIFF or GIF has its own size, which the first frame's says nothing of: all checked before any is decoded.
  for (let frame = 1; frame < pageCount; frame++) {
    const size = await imageInfo(bytes, frame).catch(() => null);
    if (size) checkPixels(size.width, size.height, frame);
  }
  const pages: PositionedPage[] = [];
  const issues: Issue[] = [];
  const confidences: (number | null)[] = [];
  let inked = false;
  const pageGlyphs: PageGlyphs[] = [];
  // Each page is decoded and prepared while the pages before it are read by OCR.
  const prepared = async (n: number): Promise<{ page: PreparedPage; inked: boolean }> => {
    const raster = await decodePage(bytes, n, isBmp);
    if (Math.max(raster.width, raster.height) < MIN_LONG_SIDE) {
      throw new InputError('image_too_small', `${raster.width}×${raster.height} pixels: too small to read a table from (at least ${MIN_LONG_SIDE} px on the long side)`);
    }
    return { page: await preparePage(raster, 0, true, pageCount === 1), inked: hasInk(raster) };
  };
  const readPage = documentPageReader(sharedOcrEngine());
  const readFrame = async (frame: { page: PreparedPage; inked: boolean }, n: number): Promise<{ result: OcrPageResult; inked: boolean }> => ({ result: await readPage(frame.page, n + 1), inked: frame.inked });
  for await (const [n, { result, inked: frameInked }] of usedOverlapping(pageCount, prepared, readFrame)) {
    inked ||= frameInked;
    pages.push(result.page);
    pageGlyphs.push(result.glyphs);
    confidences.push(result.meanConfidence);
    issues.push(...ocrPageIssues(result, n + 1));
  }
  issues.push(...judgeWithDocumentShapes(pageGlyphs));
  const read = confidences.filter((c): c is number => c !== null);
  if (read.length === 0) {
    throw inked ? new InputError('image_unreadable', 'no text could be read from the image (too blurred, too faint or not text)') : new InputError('image_blank', 'the image holds no text');
  }
  if (Math.max(...read) < UNREADABLE_CONFIDENCE) {
    throw new InputError('image_unreadable', `the image is too blurred or too coarse to read (mean OCR confidence ${Math.max(...read).toFixed(2)})`);
  }
  return { format: 'image', pages: [], markupTables: [], positionedPages: pages, plainText: '', pageCount, issues };
}
