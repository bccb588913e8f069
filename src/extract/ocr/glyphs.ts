/**
 * A third reader for digits, independent of both tesseract models: the shapes of the digits a
 * report prints, learnt from the cells both models agreed on, and each glyph of a number compared
 * with them. It vetoes an agreement the shapes contradict (both models read a 5 as 3), and
 * settles a disagreement when it spells one of the two readings. A page learns its own shapes;
 * the whole document's shapes then judge every page again (a page with few numbers, the 二
 * table, learns from the 三 table's hundreds). Digits with too few samples are never judged.
 */
import type { BBox, TextRun } from '../../model/document.js';
import { makeIssue } from '../../model/issues.js';
import type { Issue } from '../../schema/records.js';
import { glyphBoxes, type Blob } from './ink.js';
import type { InkMask } from './raster.js';

const COLUMNS = 6;
const ROWS = 9;
/** Samples of a digit needed before its shape may confirm a reading (a veto needs one). */
const MIN_SAMPLES = 3;
/**
 * A glyph this near a digit's shape is that digit (measured: the same digit 0.9–1.8 apart on a
 * page, different digits 3.5–5.5).
 */
const NEAR = 2.2;
/** The nearest digit must be this much nearer than the next one for a verdict. */
const MARGIN = 1.4;
/** Confidence of a number one model read and the digit shapes spell (below two models' agreement). */
export const SHAPE_CONFIRMED_CONFIDENCE = 0.8;
/** Confidence left to a reading the digit shapes contradict: below acceptance, so unreadable. */
const CONTRADICTED_CONFIDENCE = 0.3;

/** The glyphs of a one-line number as shapes, left to right. */
export type GlyphShapes = Float32Array[];

/** A glyph as ink density on a coarse grid, plus its size against the text, comparable across sizes. */
function shapeOf(mask: InkMask, glyph: Blob, textHeight: number): Float32Array {
  const vector = new Float32Array(COLUMNS * ROWS + 2);
  const w = glyph.x1 - glyph.x0;
  const h = glyph.y1 - glyph.y0;
  for (let y = glyph.y0; y < glyph.y1; y++) {
    for (let x = glyph.x0; x < glyph.x1; x++) {
      if (mask.data[y * mask.width + x] !== 1) continue;
      const cell = Math.min(ROWS - 1, Math.floor(((y - glyph.y0) * ROWS) / h)) * COLUMNS + Math.min(COLUMNS - 1, Math.floor(((x - glyph.x0) * COLUMNS) / w));
      vector[cell] = (vector[cell] as number) + (COLUMNS * ROWS) / (w * h);
    }
  }
  // Width and height against the text: a 1 is narrow, which density alone does not say.
  vector[COLUMNS * ROWS] = (2 * w) / textHeight;
  vector[COLUMNS * ROWS + 1] = (2 * h) / textHeight;
  return vector;
}

/** The shapes of the glyphs in a cell's ink box. */
export function glyphShapes(mask: InkMask, ink: BBox, textHeight: number): GlyphShapes {
  return glyphBoxes(mask, ink, textHeight).map((glyph) => shapeOf(mask, glyph, textHeight));
}

function distance(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] as number) - (b[i] as number)) ** 2;
  return Math.sqrt(sum);
}

/** Digits only: a sign or a point has no glyph of its own here. */
function digitsOf(text: string): string | null {
  const digits = text.replace(/^-/, '');
  return /^\d+$/.test(digits) ? digits : null;
}

/** The digit shapes of a page or a document. */
export class GlyphModel {
  private readonly sums = new Map<string, { sum: Float32Array; count: number }>();

  /** Learns the shapes of a number both models read, when its glyphs are one per digit. */
  learn(shapes: GlyphShapes, text: string): void {
    const digits = digitsOf(text);
    if (digits === null || shapes.length !== digits.length) return;
    shapes.forEach((shape, i) => {
      const digit = digits[i] as string;
      const entry = this.sums.get(digit) ?? { sum: new Float32Array(shape.length), count: 0 };
      for (let k = 0; k < shape.length; k++) entry.sum[k] = (entry.sum[k] as number) + (shape[k] as number);
      entry.count++;
      this.sums.set(digit, entry);
    });
  }

  /** Adds another model's samples (a page's, to the document's). */
  absorb(other: GlyphModel): void {
    for (const [digit, { sum, count }] of other.sums) {
      const entry = this.sums.get(digit) ?? { sum: new Float32Array(sum.length), count: 0 };
      for (let k = 0; k < sum.length; k++) entry.sum[k] = (entry.sum[k] as number) + (sum[k] as number);
      entry.count += count;
      this.sums.set(digit, entry);
    }
  }

  /**
   * Per glyph the digit it clearly resembles (near it, and clearly nearer than to any other), or
   * null; null for all when the glyphs are not one per digit.
   */
  private judge(shapes: GlyphShapes, digits: string, minSamples: number): (string | null)[] | null {
    if (shapes.length !== digits.length) return null;
    const templates = [...this.sums].filter(([, e]) => e.count >= minSamples).map(([digit, e]) => ({ digit, shape: e.sum.map((v) => v / e.count) }));
    return shapes.map((shape) => {
      const ranked = templates.map((t) => ({ digit: t.digit, d: distance(shape, t.shape) })).sort((a, b) => a.d - b.d);
      const [best, next] = ranked;
      return best && best.d <= NEAR && (!next || next.d >= best.d * MARGIN) ? best.digit : null;
    });
  }

  /**
   * True when the shapes clearly contradict a reading: some glyph is clearly another digit.
   * `minSamples`: how many samples make a digit's shape usable; one is enough over a whole
   * document (both models read a 5 as 3, and 5 is printed once elsewhere), but a page of few
   * numbers (二) learns shapes from one or two glyphs, too few to overrule two readers.
   */
  contradicts(shapes: GlyphShapes, text: string, minSamples = 1): boolean {
    const digits = digitsOf(text);
    const verdicts = digits === null ? null : this.judge(shapes, digits, minSamples);
    return verdicts !== null && verdicts.some((v, i) => v !== null && v !== digits?.[i]);
  }

  /** The one candidate every glyph clearly spells, or null. */
  confirms(shapes: GlyphShapes, candidates: readonly string[]): string | null {
    const spelled = candidates.filter((c) => {
      const digits = digitsOf(c);
      const verdicts = digits === null ? null : this.judge(shapes, digits, MIN_SAMPLES);
      return verdicts !== null && verdicts.every((v, i) => v === digits?.[i]);
    });
    return new Set(spelled).size === 1 ? (spelled[0] as string) : null;
  }
}

/** A number read on a page, left for the document's digit shapes to judge again. */
export interface GlyphCheck {
  /** The run as it stands in the page (changed in place). */
  run: TextRun;
  shapes: GlyphShapes;
  /** Both models agreed on `run.text`; else the numbers either model read, for a confirmation. */
  agreed: boolean;
  candidates: string[];
}

/** What a page leaves for the document: its digit shapes and the numbers to judge again. */
export interface PageGlyphs {
  model: GlyphModel;
  checks: GlyphCheck[];
}

/**
 * Judges every page's numbers again with the shapes of the whole document: an accepted number a
 * glyph contradicts drops below acceptance; an unagreed one the shapes spell is taken. Says how
 * many changed, as an info issue.
 */
export function judgeWithDocumentShapes(pages: readonly PageGlyphs[]): Issue[] {
  const model = new GlyphModel();
  for (const page of pages) model.absorb(page.model);
  let vetoed = 0;
  let confirmed = 0;
  for (const check of pages.flatMap((p) => p.checks)) {
    if (check.agreed) {
      if (check.run.confidence > CONTRADICTED_CONFIDENCE && model.contradicts(check.shapes, check.run.text)) {
        check.run.confidence = CONTRADICTED_CONFIDENCE;
        vetoed++;
      }
      continue;
    }
    const number = model.confirms(check.shapes, check.candidates);
    if (number !== null) {
      check.run.text = number;
      check.run.confidence = SHAPE_CONFIRMED_CONFIDENCE;
      confirmed++;
    }
  }
  if (vetoed + confirmed === 0) return [];
  return [makeIssue('info', 'extract', 'ocr_digit_shapes', `the document's digit shapes contradicted ${vetoed} reading(s), now unreadable, and settled ${confirmed} disagreement(s)`)];
}
