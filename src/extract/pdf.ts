/**
 * PDF text layer (pdf.js, legacy build for Node 20) → positioned pages: text runs with boxes in
 * points from the top-left corner, and the ruling lines and cell fills that draw the tables.
 * cMaps and standard fonts come from node_modules/pdfjs-dist, never the network.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Edge, ExtractedDocument, PositionedPage, TextRun } from '../model/document.js';
import { InputError, makeIssue } from '../model/issues.js';
import type { Issue } from '../schema/records.js';
import { MAX_IMAGE_PIXELS, MAX_RENDER_PIXELS } from './bounds.js';
import { apply, IDENTITY, multiply, type Matrix } from './matrix.js';
import type { PageGlyphs } from './ocr/glyphs.js';
import { usedOverlapping } from './one-ahead.js';
import type { OcrPageResult, PreparedPage } from './ocr/page.js';
import type { PageJpeg } from './pdf-scans.js';
import type { Raster } from './ocr/raster.js';
import type { Canvas } from '@napi-rs/canvas';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdf.js takes these as plain paths ending in "/" in Node (stack.md). */
const PDFJS_ASSETS = {
  cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
  standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
  wasmUrl: join(PDFJS_DIR, 'wasm') + '/',
};

/** Limits for one PDF. */
export interface PdfOptions {
  maxPages: number;
  /** Read pages without a usable text layer by OCR (else they fail with ocr_required). */
  ocr: boolean;
}

export const DEFAULT_PDF_OPTIONS: PdfOptions = { maxPages: 300, ocr: true };

/** Share of a page's characters that may be unmapped (private use, U+FFFD, controls) before the page is unreadable. */
const MAX_UNMAPPED_SHARE = 0.2;

/** Opens a document, runs `use`, and always destroys it (the unpdf withDocument rule). */
export async function withDocument<T>(bytes: Uint8Array, use: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const task = getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    ...PDFJS_ASSETS,
    cMapPacked: true,
    isEvalSupported: false,
    // An image XObject claiming more pixels (a JBIG2 stream of 20000² in a few bytes) is left out, not decoded.
    maxImageSize: MAX_IMAGE_PIXELS,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw pdfLoadError(error);
  }
  try {
    return await use(doc);
  } finally {
    await doc.destroy();
  }
}

function pdfLoadError(error: unknown): InputError {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new InputError('pdf_encrypted', 'the PDF is password-protected');
  if (name === 'InvalidPDFException') return new InputError('pdf_corrupt', `not a readable PDF: ${message}`);
  return new InputError('pdf_corrupt', `the PDF cannot be opened: ${message}`);
}

/** A font as the operator list's glyphs need it: writing mode and glyph-space scale. */
interface FontInfo {
  vertical: boolean;
  /** Glyph widths are in glyph space; this turns them into text space (1/1000 for most fonts). */
  scale: number;
}

/** One glyph placed on the page, in viewport space (points, top-left origin). */
interface PlacedGlyph {
  text: string;
  x0: number;
  x1: number;
  /** Baseline (horizontal text) or top (vertical text). */
  y: number;
  size: number;
  vertical: boolean;
}

/** A glyph as pdf.js puts it in a showText operation. */
interface PdfGlyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

function matrixArg(args: unknown[]): Matrix {
  const first = args[0];
  const values = args.length === 1 && first !== null && typeof first === 'object' ? Array.from(first as ArrayLike<number>) : (args as number[]);
  return [values[0] ?? 1, values[1] ?? 0, values[2] ?? 0, values[3] ?? 1, values[4] ?? 0, values[5] ?? 0];
}

function fontInfo(page: PDFPageProxy, name: string, cache: Map<string, FontInfo>): FontInfo {
  let info = cache.get(name);
  if (!info) {
    const font = (page.commonObjs.has(name) ? page.commonObjs.get(name) : null) as { vertical?: boolean; fontMatrix?: number[] } | null;
    info = { vertical: font?.vertical === true, scale: Math.abs(font?.fontMatrix?.[0] ?? 0.001) || 0.001 };
    cache.set(name, info);
  }
  return info;
}

/** What one pass over a page's operator list finds. */
interface PageContent {
  runs: TextRun[];
  edges: Edge[];
  unmapped: number;
  characters: number;
  /** Pixels per point of the largest image painted on the page (a scan), null when none. */
  imageScale: number | null;
  /** That image's own size in pixels. */
  imagePixels: { width: number; height: number } | null;
  /** Share of the page that image covers (0..1). */
  imageCoverage: number;
}

/**
 * One pass over a page's operator list: every glyph placed by the text state (text matrix, font
 * size, spacing, scaling, rise) and every ruling line or cell fill. Glyph positions, not pdf.js's
 * joined text items, so runs break where the page leaves a gap: at a cell edge or between columns.
 */
async function pageContent(page: PDFPageProxy, viewport: Matrix): Promise<PageContent> {
  const ops = await page.getOperatorList();
  const edges: Edge[] = [];
  const glyphs: PlacedGlyph[] = [];
  const fonts = new Map<string, FontInfo>();
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let font: FontInfo = { vertical: false, scale: 0.001 };
  let fontSize = 0;
  let charSpacing = 0;
  let wordSpacing = 0;
  let hScale = 1;
  let leading = 0;
  let rise = 0;
  let unmapped = 0;
  let characters = 0;
  let image = { area: 0, scale: 1, width: 0, height: 0 };
  const moveText = (tx: number, ty: number): void => {
    tlm = multiply(tlm, [1, 0, 0, 1, tx, ty]);
    tm = tlm;
  };
  const show = (items: readonly (PdfGlyph | number | null)[]): void => {
    for (const item of items) {
      if (item === null) continue;
      if (typeof item === 'number') {
        const shift = (-item / 1000) * fontSize * hScale;
        tm = font.vertical ? multiply(tm, [1, 0, 0, 1, 0, -shift]) : multiply(tm, [1, 0, 0, 1, shift, 0]);
        continue;
      }
      const advance = (item.width ?? 0) * font.scale;
      const m = multiply(viewport, multiply(ctm, multiply(tm, [fontSize * hScale, 0, 0, fontSize, 0, rise])));
      const [x, y] = apply(m, 0, 0);
      const size = Math.hypot(m[2], m[3]);
      const text = item.unicode ?? '';
      if (text.trim() !== '') {
        characters++;
        if (/[\ue000-\uf8ff\ufffd\u0000-\u001f]/u.test(text)) unmapped++;
        if (font.vertical) glyphs.push({ text, x0: x - size / 2, x1: x + size / 2, y, size, vertical: true });
        else glyphs.push({ text, x0: x, x1: apply(m, advance, 0)[0], y, size, vertical: false });
      }
      const spacing = charSpacing + (item.isSpace ? wordSpacing : 0);
      tm = font.vertical
        ? multiply(tm, [1, 0, 0, 1, 0, -(advance * fontSize + spacing)])
        : multiply(tm, [1, 0, 0, 1, (advance * fontSize + spacing) * hScale, 0]);
    }
  };
  ops.fnArray.forEach((fn, i) => {
    const args = (ops.argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = multiply(ctm, matrixArg(args));
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (args[0]) ctm = multiply(ctm, matrixArg([args[0]]));
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.beginText:
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case OPS.setFont:
        font = fontInfo(page, String(args[0]), fonts);
        fontSize = Number(args[1] ?? 0);
        break;
      case OPS.setTextMatrix:
        tm = matrixArg(args);
        tlm = tm;
        break;
      case OPS.moveText:
        moveText(Number(args[0] ?? 0), Number(args[1] ?? 0));
        break;
      case OPS.setLeadingMoveText:
        leading = -Number(args[1] ?? 0);
        moveText(Number(args[0] ?? 0), Number(args[1] ?? 0));
        break;
      case OPS.nextLine:
        moveText(0, -leading);
        break;
      case OPS.setLeading:
        leading = Number(args[0] ?? 0);
        break;
      case OPS.setCharSpacing:
        charSpacing = Number(args[0] ?? 0);
        break;
      case OPS.setWordSpacing:
        wordSpacing = Number(args[0] ?? 0);
        break;
      case OPS.setHScale:
        hScale = Number(args[0] ?? 100) / 100;
        break;
      case OPS.setTextRise:
        rise = Number(args[0] ?? 0);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        show((args[0] ?? []) as (PdfGlyph | number | null)[]);
        break;
      case OPS.nextLineShowText:
        moveText(0, -leading);
        show((args[0] ?? []) as (PdfGlyph | number | null)[]);
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject: {
        // The image's unit square, placed by the CTM: its size on the page against its pixels.
        const m = multiply(viewport, ctm);
        const placedWidth = Math.hypot(m[0], m[1]);
        const placedHeight = Math.hypot(m[2], m[3]);
        const inline = args[0] as { width?: number; height?: number } | undefined;
        const pixelWidth = fn === OPS.paintImageXObject ? Number(args[1]) : Number(inline?.width);
        const pixelHeight = fn === OPS.paintImageXObject ? Number(args[2]) : Number(inline?.height);
        const area = placedWidth * placedHeight;
        if (pixelWidth > 0 && placedWidth > 0 && area > image.area) image = { area, scale: pixelWidth / placedWidth, width: pixelWidth, height: pixelHeight || 0 };
        break;
      }
      case OPS.constructPath: {
        const [paint, paths] = args as [number, (ArrayLike<number> | null)[]];
        // endPath only clips; everything stroked or filled can draw a rule or a cell.
        if (paint === OPS.endPath || paint === undefined) break;
        const data = paths?.[0];
        if (data) edges.push(...pathEdges(data, multiply(viewport, ctm)));
        break;
      }
      default:
        break;
    }
  });
  const [, , pageWidth = 1, pageHeight = 1] = page.view;
  const pageArea = Math.abs((pageWidth - (page.view[0] ?? 0)) * (pageHeight - (page.view[1] ?? 0))) || 1;
  return {
    runs: glyphsToRuns(glyphs),
    edges,
    unmapped,
    characters,
    imageScale: image.area > 0 ? image.scale : null,
    imagePixels: image.area > 0 ? { width: image.width, height: image.height } : null,
    imageCoverage: Math.min(1, image.area / pageArea),
  };
}

const HAN = /\p{Script=Han}/u;

/** Same baseline and about the same size: two glyphs of one printed line. */
function onOneLine(a: PlacedGlyph, b: PlacedGlyph): boolean {
  return !a.vertical && !b.vertical && Math.abs(b.y - a.y) < a.size * 0.2 && Math.abs(b.size - a.size) < a.size * 0.3;
}

/**
 * The letter-spacing (tracking) of each glyph's line, in ems: the gap that a line's Han characters keep between them
 * when a style spaces every character out (Word's 字符间距 加宽, CSS letter-spacing), as the median of the gaps of
 * neighbouring Han glyphs under 1.2 em, when most of them agree. Han glyphs touch in untracked text, so this is 0
 * there. A tracked line's digits are spread by the same amount, so "2 2" is one number 22, not two: the run break
 * is measured past the tracking. A line with too few Han glyphs (a row of numbers only) takes the last measured line's.
 */
function lineTracking(glyphs: readonly PlacedGlyph[]): number[] {
  const tracking = new Array<number>(glyphs.length).fill(0);
  let last = 0;
  for (let start = 0; start < glyphs.length; ) {
    let end = start + 1;
    while (end < glyphs.length && onOneLine(glyphs[end - 1] as PlacedGlyph, glyphs[end] as PlacedGlyph)) end++;
    const gaps: number[] = [];
    for (let i = start + 1; i < end; i++) {
      const [a, b] = [glyphs[i - 1] as PlacedGlyph, glyphs[i] as PlacedGlyph];
      const gap = (b.x0 - a.x1) / a.size;
      if (HAN.test(a.text) && HAN.test(b.text) && gap > -0.1 && gap < 1.2) gaps.push(gap);
    }
    if (gaps.length >= 2) {
      const median = [...gaps].sort((x, y) => x - y)[Math.floor(gaps.length / 2)] as number;
      const agreeing = gaps.filter((g) => Math.abs(g - median) < 0.08).length;
      last = median > 0.05 && agreeing >= gaps.length * 0.75 ? Math.min(median, 0.8) : 0;
    }
    tracking.fill(last, start, end);
    start = end;
  }
  return tracking;
}

/**
 * Glyphs → runs: a run ends at a gap wider than a third of an em past the line's tracking, a new baseline, or a
 * vertical glyph.
 */
function glyphsToRuns(glyphs: readonly PlacedGlyph[]): TextRun[] {
  const runs: TextRun[] = [];
  const tracking = lineTracking(glyphs);
  let current: PlacedGlyph[] = [];
  const flush = (): void => {
    const first = current[0];
    const last = current.at(-1);
    if (first && last) {
      const size = Math.max(...current.map((g) => g.size));
      runs.push(
        first.vertical
          ? { text: current.map((g) => g.text).join(''), bbox: { x0: first.x0, y0: first.y, x1: first.x1, y1: last.y + size }, confidence: 1, vertical: true }
          : { text: current.map((g) => g.text).join(''), bbox: { x0: first.x0, y0: first.y - size * 0.88, x1: last.x1, y1: first.y + size * 0.12 }, confidence: 1 },
      );
    }
    current = [];
  };
  glyphs.forEach((glyph, i) => {
    const prev = current.at(-1);
    if (prev) {
      const sameLine = Math.abs(glyph.y - prev.y) < prev.size * 0.2 && Math.abs(glyph.size - prev.size) < prev.size * 0.3;
      const gap = glyph.x0 - prev.x1;
      const stacked = glyph.vertical && prev.vertical && Math.abs(glyph.x0 - prev.x0) < 1 && glyph.y - prev.y > 0 && glyph.y - prev.y < prev.size * 1.6;
      const joins = glyph.vertical ? stacked : !prev.vertical && sameLine && gap < prev.size * (0.33 + (tracking[i] ?? 0)) && gap > -prev.size * 0.5;
      if (!joins) flush();
    }
    current.push(glyph);
  });
  flush();
  return runs;
}

/** Straight axis-parallel segments of a path (pdf.js DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
function pathEdges(data: ArrayLike<number>, m: Matrix): Edge[] {
  const edges: Edge[] = [];
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  const segment = (a: [number, number], b: [number, number]): void => {
    if (Math.abs(a[1] - b[1]) < 1) edges.push({ orientation: 'h', position: (a[1] + b[1]) / 2, start: Math.min(a[0], b[0]), end: Math.max(a[0], b[0]) });
    else if (Math.abs(a[0] - b[0]) < 1) edges.push({ orientation: 'v', position: (a[0] + b[0]) / 2, start: Math.min(a[1], b[1]), end: Math.max(a[1], b[1]) });
  };
  for (let k = 0; k < data.length; ) {
    const code = data[k];
    if (code === 0 || code === 1) {
      const point = apply(m, data[k + 1] ?? 0, data[k + 2] ?? 0);
      if (code === 1 && current) segment(current, point);
      if (code === 0) start = point;
      current = point;
      k += 3;
    } else if (code === 2) {
      current = apply(m, data[k + 5] ?? 0, data[k + 6] ?? 0);
      k += 7;
    } else if (code === 3) {
      current = apply(m, data[k + 3] ?? 0, data[k + 4] ?? 0);
      k += 5;
    } else {
      if (start && current) segment(current, start);
      current = start;
      k += 1;
    }
  }
  return edges;
}

/** Scanned pages render at their image's own resolution, within these bounds (pixels per point). */
const MIN_OCR_SCALE = 150 / 72;
const MAX_OCR_SCALE = 300 / 72;
/** A page whose text cannot be used but which has no scan renders at this scale for OCR. */
const VECTOR_OCR_SCALE = 300 / 72;
/** A page with no text is a scan when an image covers at least this share of it. */
const SCAN_COVERAGE = 0.3;
/** A scan whose image is smaller than this (long side, pixels) holds too little to read a table from. */
const MIN_SCAN_LONG_SIDE = 400;

/**
 * The scale a page renders at for OCR: `wanted`, lowered so that the raster stays within
 * MAX_RENDER_PIXELS. Throws page_too_large when even the lowest readable scale does not fit: the
 * size comes from the MediaBox, which a few bytes can make 20 metres wide.
 */
function boundedRenderScale(widthPt: number, heightPt: number, wanted: number, pageNumber: number): number {
  const fitting = Math.sqrt(MAX_RENDER_PIXELS / Math.max(1, widthPt * heightPt));
  if (fitting < MIN_OCR_SCALE) {
    throw new InputError('page_too_large', `page ${pageNumber}: ${Math.round(widthPt)}×${Math.round(heightPt)} pt cannot be rendered for OCR at ${Math.round(MIN_OCR_SCALE * 72)} dpi within ${MAX_RENDER_PIXELS / 1e6} megapixels`);
  }
  return Math.min(wanted, fitting);
}

/** Renders a page on white with pdf.js on @napi-rs/canvas (for OCR here, for the review site's page images). */
export async function renderPageCanvas(page: PDFPageProxy, scale: number): Promise<{ canvas: Canvas; width: number; height: number }> {
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  // Canvas loads only when a page needs it: text PDFs never pay for it.
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  type RenderParameters = Parameters<PDFPageProxy['render']>[0];
  await page.render({ canvas: canvas as unknown as RenderParameters['canvas'], canvasContext: context as unknown as RenderParameters['canvasContext'], viewport }).promise;
  return { canvas, width, height };
}

/** Renders a page to a greyscale raster. */
async function renderPage(page: PDFPageProxy, scale: number): Promise<Raster> {
  const [{ canvas, width, height }, { rasterFromRgba }] = await Promise.all([renderPageCanvas(page, scale), import('./ocr/raster.js')]);
  const pixels = canvas.getContext('2d').getImageData(0, 0, width, height);
  return rasterFromRgba(pixels.data, width, height);
}

/** One page as extracted: its text layer, or a scan's pixels prepared for OCR. */
type PageExtraction = { kind: 'text'; page: PositionedPage; characters: number; issue?: Issue; problem?: InputError } | { kind: 'ocr'; prepared: PreparedPage; characters: number };

/** OCR scale (pixels per point) for a scan whose image has `imageScale`: its own, within bounds. */
function scanScale(imageScale: number): number {
  return Math.min(MAX_OCR_SCALE, Math.max(MIN_OCR_SCALE, imageScale));
}

/** One page as read: its text layer, or what OCR made of its pixels. */
type PageRead = Extract<PageExtraction, { kind: 'text' }> | { kind: 'ocr'; result: OcrPageResult; characters: number };

/** A page that is one JPEG, decoded from its own bytes and prepared for OCR; null when the JPEG is not what the PDF says. */
async function preparedJpegPage(jpeg: PageJpeg): Promise<PageExtraction | null> {
  const factor = scanScale(jpeg.scale) / jpeg.scale;
  // Anything out of bounds (too many pixels, to decode or once scaled; too few to read) is left to the checked path.
  if (jpeg.width * jpeg.height > MAX_IMAGE_PIXELS || jpeg.width * jpeg.height * factor * factor > MAX_RENDER_PIXELS || Math.max(jpeg.width, jpeg.height) < MIN_SCAN_LONG_SIDE) return null;
  const [{ preparePage }, { decodePdfJpeg }] = await Promise.all([import('./ocr/index.js'), import('./ocr/raster.js')]);
  const raster = await decodePdfJpeg(jpeg.jpeg, jpeg, factor).catch(() => null);
  return raster && { kind: 'ocr', prepared: await preparePage(raster), characters: 0 };
}

/**
 * Extracts one page: its text layer and ruling, or (a scan, or text without Unicode mapping, OCR
 * on) its prepared pixels. A page that is one JPEG (`jpeg`, found only with OCR on) is decoded
 * straight from its bytes.
 */
async function extractPage(doc: PDFDocumentProxy, n: number, options: PdfOptions, jpeg: PageJpeg | undefined): Promise<PageExtraction> {
  const direct = jpeg ? await preparedJpegPage(jpeg) : null;
  if (direct) return direct;
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const transform = viewport.transform as Matrix;
    const content = await pageContent(page, transform);
    const { runs, edges, unmapped, characters } = content;
    const textUnmapped = characters > 0 && unmapped / characters > MAX_UNMAPPED_SHARE;
    const scanned = characters === 0 && content.imageScale !== null && content.imageCoverage >= SCAN_COVERAGE;
    const base = { number: n, width: viewport.width, height: viewport.height, unit: 'pt', edges, method: 'text-layer' } as const;
    if ((textUnmapped || scanned) && options.ocr) {
      // Fonts without a Unicode mapping give garbage and a scan gives nothing: read the pixels,
      // at the image's own resolution (within bounds), never at more pixels than the bounds allow.
      const pixels = content.imagePixels;
      try {
        if (scanned && pixels && Math.max(pixels.width, pixels.height) < MIN_SCAN_LONG_SIDE) {
          throw new InputError('image_too_small', `page ${n}: its scan is ${pixels.width}×${pixels.height} pixels, too small to read a table from`);
        }
        const scale = boundedRenderScale(viewport.width, viewport.height, scanned ? scanScale(content.imageScale ?? MIN_OCR_SCALE) : VECTOR_OCR_SCALE, n);
        const { preparePage } = await import('./ocr/index.js');
        return { kind: 'ocr', prepared: await preparePage(await renderPage(page, scale)), characters };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        const issue = makeIssue('error', 'extract', error.code, error.message, { page: n });
        return { kind: 'text', page: { ...base, runs: [] }, characters: 0, issue, problem: error };
      }
    }
    if (textUnmapped) {
      const issue = makeIssue('error', 'extract', 'page_text_unmapped', `page ${n}: the text layer has no Unicode mapping (${unmapped} of ${characters} characters); the page needs OCR`, { page: n });
      return { kind: 'text', page: { ...base, runs: [] }, characters, issue };
    }
    return { kind: 'text', page: { ...base, runs }, characters };
  } finally {
    page.cleanup();
  }
}

/** Extracts the text layer and ruling of every page; pages without usable text are OCRed unless OCR is off. */
export async function extractPdf(bytes: Uint8Array, options: PdfOptions = DEFAULT_PDF_OPTIONS): Promise<ExtractedDocument> {
  // Bounds first, on the raw bytes and in pdf-lib's objects: pdf.js holds every decoded stream and operator list whole.
  const { brokenStreams } = (await import('./pdf-streams.js')).checkPdfStreams(bytes);
  const { malformedPages, oversizedImages } = await (await import('./pdf-structure.js')).checkPdfStructure(bytes);
  return withDocument(bytes, async (doc) => {
    if (doc.numPages > options.maxPages) throw new InputError('too_many_pages', `${doc.numPages} pages, over the limit of ${options.maxPages}`);
    const pages: PositionedPage[] = [];
    const issues: Issue[] = [];
    let totalCharacters = 0;
    const ocrPages: number[] = [];
    /** Why pages that needed OCR were not read (page too large, scan too small). */
    const problems: InputError[] = [];
    const pageGlyphs: PageGlyphs[] = [];
    // Pages that are one JPEG skip pdf.js's JavaScript JPEG decoder; only PDFs holding DCT images load pdf-lib to find them.
    const jpegs = options.ocr && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes('/DCTDecode') ? await (await import('./pdf-scans.js')).fullPageJpegs(bytes) : new Map<number, PageJpeg>();
    // Loaded with the first scanned page: text PDFs never load the OCR stack.
    let readScan: Promise<(page: PreparedPage, pageNumber: number) => Promise<OcrPageResult>> | null = null;
    const read = (extracted: PageExtraction, index: number): Promise<PageRead> => {
      if (extracted.kind === 'text') return Promise.resolve(extracted);
      readScan ??= import('./ocr/index.js').then(({ documentPageReader, sharedOcrEngine }) => documentPageReader(sharedOcrEngine()));
      // Pages are read in order: callbacks on one promise run in the order they were added.
      return readScan.then(async (readPage) => ({ kind: 'ocr', result: await readPage(extracted.prepared, index + 1), characters: extracted.characters }));
    };
    // Each page is extracted (a scan decoded and its pixels prepared) while the pages before it are read by OCR.
    for await (const [index, extracted] of usedOverlapping(doc.numPages, (i) => extractPage(doc, i + 1, options, jpegs.get(i + 1)), read)) {
      const n = index + 1;
      totalCharacters += extracted.characters;
      if (extracted.kind === 'text') {
        pages.push(extracted.page);
        if (extracted.issue) issues.push(extracted.issue);
        if (extracted.problem) problems.push(extracted.problem);
        continue;
      }
      const { result } = extracted;
      pages.push(result.page);
      pageGlyphs.push(result.glyphs);
      ocrPages.push(n);
      issues.push(...(await import('./ocr/index.js')).ocrPageIssues(result, n));
    }
    const pagesWithText = pages.filter((p) => p.runs.length > 0).length;
    // No page could be read: say why (a page too large for OCR, a content stream that is broken) before 'it needs OCR'.
    if (pagesWithText === 0 && ocrPages.length === 0 && problems[0]) throw problems[0];
    if (totalCharacters === 0 && ocrPages.length === 0 && oversizedImages.length > 0) {
      throw new InputError('image_too_large', `the PDF shows no text, and its images (${oversizedImages.slice(0, 3).join(', ')}) are over the limit of ${MAX_IMAGE_PIXELS / 1e6} megapixels`);
    }
    if (totalCharacters === 0 && ocrPages.length === 0 && (malformedPages.length > 0 || brokenStreams > 0)) {
      const what = malformedPages.length > 0 ? `the content of page(s) ${malformedPages.join(', ')} is malformed` : `${brokenStreams} stream(s) do not inflate`;
      throw new InputError('pdf_corrupt', `the PDF shows no text and no image: ${what}`);
    }
    if (totalCharacters === 0 && ocrPages.length === 0) {
      throw new InputError('ocr_required', options.ocr ? 'the PDF has no text layer and no scanned page images' : 'the PDF has no text layer (a scan or images only); it needs OCR');
    }
    // The document's digit shapes judge every OCRed page again (a page of few numbers learns from the rest).
    if (pageGlyphs.length > 0) issues.push(...(await import('./ocr/index.js')).judgeWithDocumentShapes(pageGlyphs));
    if (ocrPages.length > 0 && ocrPages.length < doc.numPages) {
      issues.push(makeIssue('info', 'extract', 'pages_ocr', `pages ${ocrPages.join(', ')} have no usable text layer and were read by OCR`));
    }
    return {
      format: ocrPages.length === doc.numPages ? 'scanned-pdf' : 'pdf',
      pages: [],
      markupTables: [],
      positionedPages: pages,
      plainText: '',
      pageCount: doc.numPages,
      issues,
    };
  });
}
