/**
 * Reads one table cell from its tight ink box. Every non-blank cell is first read as a line of
 * digits; a confident number is taken as is. Otherwise the cell is read as Chinese text too: text
 * (a label, a header) wins when the Chinese reading holds Han characters, and for a number the two
 * readings must agree (after look-alike mapping, O→0, l→1 …) for the confidence to stand; when
 * they disagree the number keeps a low confidence, so reconstruction marks it unreadable rather
 * than guess.
 */
import type { BBox, TextRun } from '../../model/document.js';
import type { OcrEngine, OcrText } from './engine.js';
import { inkSpans, startsWithMinus, verticalToHorizontal } from './ink.js';
import { cropToPng, expandBox, type InkMask, type Raster } from './raster.js';
import { digitsFromLookAlikes, isNumberText, removeHanSpaces } from './text-fix.js';

/** When two readings of a number disagree, its confidence is capped here (below any acceptance threshold). */
const DISAGREEMENT_CONFIDENCE = 0.3;
/** Pixel height tesseract reads best at, for digits and for Han text. */
const DIGIT_HEIGHT = 24;
const DIGIT_HEIGHT_ALT = 30;
const HAN_DIGIT_HEIGHT = 32;
const HAN_HEIGHT = 36;

const HAN = /[\u3400-\u9fff]/;
/** What a cell prints for "nothing": a slash, a dash. */
const BLANK_MARK = /^[/／\\—–－-]+$/;

/** What the page knows that a cell reading needs. */
export interface CellContext {
  raster: Raster;
  mask: InkMask;
  engine: OcrEngine;
  /** Typical height of one line of text on this page, pixels. */
  textHeight: number;
}

/**
 * True when `digits` could fill an ink box this wide: digits are at most about 0.8 of their height
 * wide, so a box much wider holds more than the reading (Han text read as digits).
 */
function widthFits(digits: string, ink: BBox, textHeight: number): boolean {
  const height = Math.min(ink.y1 - ink.y0, textHeight * 1.3);
  return ink.x1 - ink.x0 <= (digits.length * 0.85 + 0.8) * height && ink.y1 - ink.y0 <= textHeight * 1.8;
}

function run(text: string, bbox: BBox, confidence: number, vertical = false): TextRun {
  return { text, bbox, confidence: Math.max(0, Math.min(1, confidence)), ...(vertical ? { vertical } : {}) };
}

/** The crop of a box for the engine, its text scaled to `height` pixels. */
function cropAt(ctx: CellContext, ink: BBox, height: number): Promise<Buffer> {
  const pad = Math.round(ctx.textHeight * 0.15);
  return cropToPng(ctx.raster, expandBox(ink, pad), { textHeight: Math.min(ink.y1 - ink.y0, ctx.textHeight * 1.2), targetHeight: height, margin: 12 });
}

/**
 * Reads a box as a number; null when it is text. No single reading is trusted: the digit reader
 * and the Chinese reader (a different model) must spell the same number, or else the digit
 * reader must give the same number at a second scale. A number without such agreement keeps a
 * confidence below acceptance, so it comes out unreadable, never guessed.
 */
export async function readNumber(ctx: CellContext, ink: BBox): Promise<TextRun | null> {
  const png = await cropAt(ctx, ink, DIGIT_HEIGHT);
  const read = await ctx.engine.readDigits(png);
  const minus = startsWithMinus(ctx.mask, ink, ctx.textHeight);
  const digits = minus && /^\d/.test(read.text) ? { ...read, text: `-${read.text}` } : read;
  const numeric = isNumberText(digits.text) && widthFits(digits.text, ink, ctx.textHeight);
  const han = await ctx.engine.readCellText(await cropAt(ctx, ink, HAN_DIGIT_HEIGHT));
  const hanText = removeHanSpaces(han.text);
  if (BLANK_MARK.test(hanText) && han.confidence >= 0.5) return run(hanText, ink, han.confidence);
  const hanRead = digitsFromLookAlikes(hanText);
  const hanNumber = minus && hanRead !== null && /^\d/.test(hanRead) ? `-${hanRead}` : hanRead;
  // Text: the Chinese reading is Han characters only (a label, or 无), or neither reading is a number.
  if (HAN.test(hanText) && !/\d/.test(hanText) && han.confidence >= 0.6) return null;
  if (!numeric && (hanNumber === null || !widthFits(hanNumber, ink, ctx.textHeight))) return null;
  if (numeric && hanNumber === digits.text) return run(digits.text, ink, Math.max(digits.confidence, han.confidence));
  // The two models disagree: a second digit reading at another scale decides, or nothing does.
  const againRead = await ctx.engine.readDigits(await cropAt(ctx, ink, DIGIT_HEIGHT_ALT));
  const again = minus && /^\d/.test(againRead.text) ? { ...againRead, text: `-${againRead.text}` } : againRead;
  const candidates = [numeric ? digits.text : null, hanNumber].filter((c): c is string => c !== null);
  const agreed = candidates.find((c) => c === again.text);
  if (agreed !== undefined) {
    const first = agreed === digits.text ? digits.confidence : han.confidence;
    return run(agreed, ink, Math.min(first, again.confidence));
  }
  return run(candidates[0] ?? again.text, ink, Math.min(digits.confidence, DISAGREEMENT_CONFIDENCE));
}

/**
 * Spans of ink as characters of vertical text: a character is about as tall as the column is
 * wide, so the strokes of 三 or 二 (separate spans) are joined until they make one.
 */
function characterSpans(spans: readonly { from: number; to: number }[], width: number): { from: number; to: number }[] {
  const joined: { from: number; to: number }[] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && span.to - last.from <= width * 1.15 && (last.to - last.from < width * 0.75 || span.to - span.from < width * 0.3)) last.to = span.to;
    else joined.push({ ...span });
  }
  return joined;
}

/** Reads a box as Chinese text (a label or header); vertical text is laid out as a line first. */
async function readText(ctx: CellContext, ink: BBox): Promise<TextRun> {
  const width = ink.x1 - ink.x0;
  const height = ink.y1 - ink.y0;
  const pad = Math.round(ctx.textHeight * 0.15);
  if (height > width * 2.2 && width < ctx.textHeight * 1.6) {
    const spans = characterSpans(inkSpans(ctx.mask, ink, Math.max(2, Math.round(ctx.textHeight * 0.12))), width);
    if (spans.length >= 2) {
      const line = verticalToHorizontal(ctx.raster, ink, spans);
      const png = await cropToPng(line, { x0: 0, y0: 0, x1: line.width, y1: line.height }, { textHeight: line.height, targetHeight: HAN_HEIGHT, margin: pad + 10 });
      const read = await ctx.engine.readCellText(png);
      return run(removeHanSpaces(read.text), ink, read.confidence, true);
    }
  }
  // Line by line: a wrapped label read as one block picks up stray characters at the wraps.
  const lines = inkSpans(ctx.mask, ink, Math.max(2, Math.round(ctx.textHeight * 0.2))).filter((l) => l.to - l.from >= ctx.textHeight * 0.3);
  const boxes = lines.length >= 2 && lines.every((l) => l.to - l.from <= ctx.textHeight * 1.6) ? lines.map((l) => ({ x0: ink.x0, y0: l.from, x1: ink.x1, y1: l.to })) : [ink];
  let text = '';
  let confidence = 1;
  for (const box of boxes) {
    const lineHeight = Math.min(box.y1 - box.y0, ctx.textHeight * 1.2);
    const png = await cropToPng(ctx.raster, expandBox(box, pad), { textHeight: lineHeight, targetHeight: HAN_HEIGHT, margin: 10 });
    const read = await ctx.engine.readCellText(png);
    text += removeHanSpaces(read.text);
    confidence = Math.min(confidence, read.confidence);
  }
  return run(text, ink, confidence);
}

/** Reads one cell's ink: a number when it is one, else its text. */
export async function readCell(ctx: CellContext, ink: BBox): Promise<TextRun> {
  const looksLikeOneLine = ink.y1 - ink.y0 <= ctx.textHeight * 1.8;
  if (looksLikeOneLine) {
    const number = await readNumber(ctx, ink);
    if (number) return number;
  }
  return readText(ctx, ink);
}
