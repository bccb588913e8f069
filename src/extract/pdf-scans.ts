/**
 * Scanned PDF pages whose one image is a JPEG covering the page: found in the PDF's objects
 * (pdf-lib), so that the JPEG's own bytes go to the OCR decoder (libjpeg-turbo through sharp).
 * pdf.js would decode them in JavaScript on the main thread, which took a third of its time on
 * scans. Anything less plain (text, vector drawing, form XObjects, other image codecs, a rotated
 * page or image, encryption) is left to pdf.js: this is a fast path, never the only one.
 */
import { IDENTITY, multiply, type Matrix } from './matrix.js';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject, type PDFPage } from 'pdf-lib';
import { contentTokens, pageContentBytes, type Token } from './content-tokens.js';

/** A page that is one JPEG: its bytes, and its pixels per PDF point. */
export interface PageJpeg {
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** Image pixels per point of the page. */
  scale: number;
}

/** Operators that change nothing a scan's pixels depend on: state, clipping paths left unpainted, marked content. */
const HARMLESS = new Set(['w', 'J', 'j', 'M', 'd', 'ri', 'i', 'gs', 'm', 'l', 'c', 'v', 'y', 'h', 're', 'W', 'W*', 'n', 'BMC', 'BDC', 'EMC', 'MP', 'DP', 'BX', 'EX', 'CS', 'cs', 'SC', 'SCN', 'sc', 'scn', 'G', 'g', 'RG', 'rg', 'K', 'k']);

/** The one image a content stream paints, with the CTM it is painted under; null when it paints anything else. */
function onlyImage(content: Uint8Array): { name: string; ctm: Matrix } | null {
  let ctm: Matrix = IDENTITY;
  const saved: Matrix[] = [];
  let operands: Token[] = [];
  let painted: { name: string; ctm: Matrix } | null = null;
  for (const token of contentTokens(content)) {
    if (token.kind !== 'operator') {
      operands.push(token);
      continue;
    }
    const op = token.value;
    if (op === 'q') saved.push(ctm);
    else if (op === 'Q') ctm = saved.pop() ?? ctm;
    else if (op === 'cm') {
      const values = operands.map((t) => (t.kind === 'number' ? t.value : NaN));
      if (values.length !== 6 || values.some((v) => !Number.isFinite(v))) return null;
      ctm = multiply(ctm, values as Matrix);
    } else if (op === 'Do') {
      const name = operands.at(-1);
      if (painted || name?.kind !== 'name') return null;
      painted = { name: name.value, ctm };
    } else if (!HARMLESS.has(op)) return null;
    operands = [];
  }
  return painted;
}

const numberOf = (value: PDFObject | undefined): number | null => (value instanceof PDFNumber ? value.asNumber() : null);

/** True when an image dictionary describes 8-bit grey or RGB pixels, plainly DCT-encoded. */
function isPlainJpeg(dict: PDFDict): boolean {
  const filter = dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray().map((f) => dict.context.lookup(f)) : [filter];
  if (filters.length !== 1 || filters[0] !== PDFName.of('DCTDecode')) return false;
  // Decode arrays invert or remap samples; masks and DecodeParms (ColorTransform) change them too.
  for (const key of ['Decode', 'DecodeParms', 'SMask', 'Mask', 'ImageMask']) if (dict.has(PDFName.of(key))) return false;
  if (numberOf(dict.lookup(PDFName.of('BitsPerComponent'))) !== 8) return false;
  const space = dict.lookup(PDFName.of('ColorSpace'));
  if (space === PDFName.of('DeviceGray') || space === PDFName.of('DeviceRGB')) return true;
  if (space instanceof PDFArray && space.size() === 2) {
    const [family, params] = [space.lookup(0), space.lookup(1)];
    if (family === PDFName.of('ICCBased') && params instanceof PDFRawStream) return [1, 3].includes(numberOf(params.dict.lookup(PDFName.of('N'))) ?? 0);
    if (family === PDFName.of('CalGray') || family === PDFName.of('CalRGB')) return true;
  }
  return false;
}

/** How far (share of the page's size) the image's edges may lie from the page's. */
const EDGE_TOLERANCE = 0.01;

/** The page's one JPEG when it is painted upright over the whole visible page; null otherwise. */
function pageJpeg(page: PDFPage): PageJpeg | null {
  if (page.getRotation().angle % 360 !== 0) return null;
  const content = pageContentBytes(page);
  const painted = content && onlyImage(content);
  if (!painted) return null;
  const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return null;
  const ref = xobjects.get(PDFName.of(painted.name));
  const image = ref instanceof PDFRef ? page.doc.context.lookup(ref) : ref;
  if (!(image instanceof PDFRawStream) || image.dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Image') || !isPlainJpeg(image.dict)) return null;
  const width = numberOf(image.dict.lookup(PDFName.of('Width')));
  const height = numberOf(image.dict.lookup(PDFName.of('Height')));
  const [a, b, c, d, e, f] = painted.ctm;
  // Upright only: a turned or mirrored image is pdf.js's to place.
  if (!width || !height || a <= 0 || d <= 0 || Math.abs(b) > 1e-6 * a || Math.abs(c) > 1e-6 * d) return null;
  const box = page.getCropBox();
  const near = (x: number, y: number, size: number): boolean => Math.abs(x - y) <= size * EDGE_TOLERANCE;
  if (!near(e, box.x, box.width) || !near(e + a, box.x + box.width, box.width) || !near(f, box.y, box.height) || !near(f + d, box.y + box.height, box.height)) return null;
  const scale = width / a;
  // Square pixels only, so that one scale fits both axes.
  if (!near(height / d, scale, scale)) return null;
  return { jpeg: image.contents, width, height, scale };
}

/** Pages (1-based) that are one upright full-page JPEG; empty when the PDF has none or pdf-lib cannot read it. */
export async function fullPageJpegs(bytes: Uint8Array): Promise<Map<number, PageJpeg>> {
  const found = new Map<number, PageJpeg>();
  let pages: PDFPage[];
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    // Encrypted streams are not JPEG bytes: pdf.js decrypts them.
    if (doc.isEncrypted) return found;
    pages = doc.getPages();
  } catch {
    return found;
  }
  pages.forEach((page, i) => {
    try {
      const jpeg = pageJpeg(page);
      if (jpeg) found.set(i + 1, jpeg);
    } catch {
      // A page pdf-lib cannot follow is pdf.js's.
    }
  });
  return found;
}
