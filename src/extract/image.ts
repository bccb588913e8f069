/**
 * Image files (PNG, JPEG, TIFF, BMP, GIF, WebP) → OCRed positioned pages. sharp decodes all but
 * BMP, which @napi-rs/canvas decodes; a multi-page TIFF is one page per frame.
 */
import type { ExtractedDocument, PositionedPage } from '../model/document.js';
import { InputError } from '../model/issues.js';
import type { Issue } from '../schema/records.js';
import { documentPageReader, judgeWithDocumentShapes, ocrPageIssues, preparePage, sharedOcrEngine, type OcrPageResult, type PageGlyphs, type PreparedPage } from './ocr/index.js';
import { usedOverlapping } from './one-ahead.js';
import { decodeImage, imageInfo, rasterFromRgba, type Raster } from './ocr/raster.js';

/** Images with more pixels than this (an A4 page at 600 dpi is 35 megapixels) are refused. */
const MAX_PIXELS = 60_000_000;
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
    return isBmp ? await decodeBmp(bytes) : await decodeImage(bytes, page);
  } catch (error) {
    throw new InputError('image_corrupt', `the image cannot be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** OCRs every page of an image file. */
export async function extractImage(bytes: Uint8Array, limits: { maxPages: number }): Promise<ExtractedDocument> {
  const isBmp = bytes[0] === 0x42 && bytes[1] === 0x4d;
  let info: { width: number; height: number; pages: number };
  try {
    info = isBmp ? { width: bytes[18] ?? 0, height: 1, pages: 1 } : await imageInfo(bytes);
  } catch (error) {
    const png = pngHeaderSize(bytes);
    if (!png) throw new InputError('image_corrupt', `the image cannot be decoded: ${error instanceof Error ? error.message : String(error)}`);
    info = { ...png, pages: 1 };
  }
  // Checked on the header, before decoding: a huge image would take gigabytes to hold.
  if (info.width * info.height > MAX_PIXELS) {
    throw new InputError('image_too_large', `${info.width}×${info.height} pixels, over the limit of ${MAX_PIXELS / 1e6} megapixels`);
  }
  const pageCount = info.pages;
  if (pageCount > limits.maxPages) throw new InputError('too_many_pages', `${pageCount} pages, over the limit of ${limits.maxPages}`);
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
    return { page: await preparePage(raster), inked: hasInk(raster) };
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
