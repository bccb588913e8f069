/**
 * A third reader for digits, independent of both tesseract models: the shapes of the digits this
 * page prints, learnt from the cells both models agreed on, and each glyph of a number compared
 * with them. It vetoes an agreement the shapes contradict (both models read a 5 as 3), and
 * settles a disagreement when it spells one of the two readings. Nothing is learnt from a page
 * with too few samples of a digit, and such digits are never judged.
 */
import type { BBox } from '../../model/document.js';
import { glyphBoxes, type Blob } from './ink.js';
import type { InkMask } from './raster.js';

const COLUMNS = 6;
const ROWS = 9;
/** Samples of a digit needed before its shape is trusted. */
const MIN_SAMPLES = 3;
/**
 * A glyph this near a digit's shape is that digit (measured: the same digit 0.9–1.8 apart on a
 * page, different digits 3.5–5.5).
 */
const NEAR = 2.2;
/** The nearest digit must be this much nearer than the next one for a verdict. */
const MARGIN = 1.4;

/** A glyph as ink density on a coarse grid, plus its shape (aspect), comparable across sizes. */
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
  // Width and height against the text: a 1 is narrow, a 0 and an 8 are not told apart by density alone.
  vector[COLUMNS * ROWS] = (2 * w) / textHeight;
  vector[COLUMNS * ROWS + 1] = (2 * h) / textHeight;
  return vector;
}

function distance(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] as number) - (b[i] as number)) ** 2;
  return Math.sqrt(sum);
}

/** The digit shapes of one page. */
export class GlyphModel {
  private readonly sums = new Map<string, { sum: Float32Array; count: number }>();

  constructor(
    private readonly mask: InkMask,
    private readonly textHeight: number,
  ) {}

  /** The glyphs of an ink box when they are one per digit of `digits`, else null. */
  private glyphs(ink: BBox, digits: string): Blob[] | null {
    const glyphs = glyphBoxes(this.mask, ink, this.textHeight);
    return glyphs.length === digits.length && digits.length > 0 ? glyphs : null;
  }

  /** Learns the shapes of a number both models read (digits only: no sign, no point). */
  learn(ink: BBox, text: string): void {
    if (!/^\d+$/.test(text)) return;
    const glyphs = this.glyphs(ink, text);
    if (!glyphs) return;
    glyphs.forEach((glyph, i) => {
      const digit = text[i] as string;
      const shape = shapeOf(this.mask, glyph, this.textHeight);
      const entry = this.sums.get(digit) ?? { sum: new Float32Array(shape.length), count: 0 };
      for (let k = 0; k < shape.length; k++) entry.sum[k] = (entry.sum[k] as number) + (shape[k] as number);
      entry.count++;
      this.sums.set(digit, entry);
    });
  }

  private templates(minSamples: number): Map<string, Float32Array> {
    const templates = new Map<string, Float32Array>();
    for (const [digit, { sum, count }] of this.sums) if (count >= minSamples) templates.set(digit, sum.map((v) => v / count));
    return templates;
  }

  /**
   * What the shapes say of each glyph of `digits`: per glyph the digit it clearly resembles (near
   * it, and clearly nearer than to any other), or null. `minSamples`: how many samples make a
   * digit's shape usable (a veto may use fewer than a confirmation: it only makes a cell unread).
   */
  private judge(ink: BBox, digits: string, minSamples: number): (string | null)[] | null {
    const glyphs = this.glyphs(ink, digits);
    if (!glyphs) return null;
    const templates = this.templates(minSamples);
    return glyphs.map((glyph) => {
      const shape = shapeOf(this.mask, glyph, this.textHeight);
      const ranked = [...templates].map(([digit, t]) => ({ digit, d: distance(shape, t) })).sort((a, b) => a.d - b.d);
      const [best, next] = ranked;
      return best && best.d <= NEAR && (!next || next.d >= best.d * MARGIN) ? best.digit : null;
    });
  }

  /** True when the shapes clearly contradict a reading: some glyph is clearly another digit. */
  contradicts(ink: BBox, text: string): boolean {
    const digits = text.replace(/^-/, '');
    if (!/^\d+$/.test(digits)) return false;
    const verdicts = this.judge(ink, digits, 1);
    return verdicts !== null && verdicts.some((v, i) => v !== null && v !== digits[i]);
  }

  /** The one candidate every glyph clearly spells, or null. */
  confirms(ink: BBox, candidates: readonly string[]): string | null {
    const spelled = candidates.filter((c) => {
      const digits = c.replace(/^-/, '');
      if (!/^\d+$/.test(digits)) return false;
      const verdicts = this.judge(ink, digits, MIN_SAMPLES);
      return verdicts !== null && verdicts.every((v, i) => v === digits[i]);
    });
    return new Set(spelled).size === 1 ? (spelled[0] as string) : null;
  }
}
