/** Where the ink of a region lies: the tight box of a cell's text, ignoring rule remnants and specks. */
import { unionBox, type BBox } from '../../model/document.js';
import type { InkMask, Raster } from './raster.js';

/** Share of a row (column) of a cell's crop that, when inked, makes it a piece of rule, not text. */
const RULE_SHARE = 0.6;

/** The ink pixels of a box that have an inked neighbour (an isolated pixel is noise). */
function countInk(mask: InkMask, x0: number, y0: number, x1: number, y1: number): { rows: Int32Array; cols: Int32Array } {
  const rows = new Int32Array(y1 - y0);
  const cols = new Int32Array(x1 - x0);
  const w = mask.width;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (mask.data[y * w + x] !== 1) continue;
      const neighbours =
        (x > 0 ? (mask.data[y * w + x - 1] as number) : 0) +
        (x + 1 < w ? (mask.data[y * w + x + 1] as number) : 0) +
        (y > 0 ? (mask.data[(y - 1) * w + x] as number) : 0) +
        (y + 1 < mask.height ? (mask.data[(y + 1) * w + x] as number) : 0);
      if (neighbours === 0) continue;
      rows[y - y0] = (rows[y - y0] as number) + 1;
      cols[x - x0] = (cols[x - x0] as number) + 1;
    }
  }
  return { rows, cols };
}

/** A connected blob of ink: its box and pixel count. */
export interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number;
}

/** The 8-connected blobs of ink inside a box. */
function blobsIn(mask: InkMask, x0: number, y0: number, x1: number, y1: number): Blob[] {
  const w = x1 - x0;
  const h = y1 - y0;
  const seen = new Uint8Array(w * h);
  const blobs: Blob[] = [];
  const stack: number[] = [];
  // Row by row (the flood fill's start order), with no division per pixel: most pixels are paper.
  for (let start = 0, row = 0; row < h; row++) {
    const line = (y0 + row) * mask.width + x0;
    for (let column = 0; column < w; column++, start++) {
      if (seen[start] === 1 || mask.data[line + column] !== 1) continue;
      const blob: Blob = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, pixels: 0 };
      seen[start] = 1;
      stack.push(start);
      while (stack.length > 0) {
        const i = stack.pop() as number;
        const x = i % w;
        const y = Math.floor(i / w);
        blob.pixels++;
        blob.x0 = Math.min(blob.x0, x);
        blob.x1 = Math.max(blob.x1, x + 1);
        blob.y0 = Math.min(blob.y0, y);
        blob.y1 = Math.max(blob.y1, y + 1);
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx;
            const ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
            const j = ny * w + nx;
            if (seen[j] === 1 || mask.data[(y0 + ny) * mask.width + x0 + nx] !== 1) continue;
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
      blobs.push({ x0: blob.x0 + x0, y0: blob.y0 + y0, x1: blob.x1 + x0, y1: blob.y1 + y0, pixels: blob.pixels });
    }
  }
  return blobs;
}

/**
 * What a cell holds: text with its tight box (`stray`: ink was left out that may belong to it;
 * `joined`: found in the faint mask only as pieces joined, its box no measure of the page's text);
 * a printed blank mark (a lone dash or slash); nothing at all; or faint ink that is neither text
 * nor a mark (a number too faint to read, which must not pass for a blank).
 */
export type CellInk = { kind: 'text'; box: BBox; stray: boolean; joined?: true } | { kind: 'mark'; box: BBox; shape: 'dash' | 'slash' } | { kind: 'empty' } | { kind: 'faint' };

/**
 * A copy of a cell's ink with pieces of rules wiped out: a run of ink across most of the cell
 * (and longer than any stroke of a character) is a rule the page's rule finder left behind (a
 * bowed rule, a rule broken by noise), even where it touches a digit. `inside` counts the wiped
 * pixels away from the cell's edges, where a rule is unlikely and a long stroke may be text.
 */
function withoutRuleRuns(mask: InkMask, x0: number, y0: number, x1: number, y1: number, textHeight: number): { local: InkMask; inside: number } {
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(mask.data.subarray((y0 + y) * mask.width + x0, (y0 + y) * mask.width + x1), y * width);
  const edge = Math.max(4, textHeight * 0.3);
  const erased: number[] = [];
  let inside = 0;
  // Runs along each line of the crop (columns for vertical rules, rows for horizontal ones).
  const scan = (lines: number, length: number, at: (line: number, k: number) => number, min: number): void => {
    for (let line = 0; line < lines; line++) {
      let from = -1;
      for (let k = 0; k <= length; k++) {
        const on = k < length && data[at(line, k)] === 1;
        if (on && from < 0) from = k;
        if (on || from < 0) continue;
        if (k - from >= min) {
          for (let j = from; j < k; j++) erased.push(at(line, j));
          if (line >= edge && line < lines - edge) inside += k - from;
        }
        from = -1;
      }
    }
  };
  scan(width, height, (x, y) => y * width + x, Math.max(textHeight * 2, height * 0.7));
  scan(height, width, (y, x) => y * width + x, Math.max(textHeight * 3, width * 0.7));
  for (const i of erased) data[i] = 0;
  return { local: { width, height, data }, inside };
}

/** A box in whole pixels, inside the mask; null when it is too small to hold ink (under 3 px a side). */
function pixelBox(mask: InkMask, box: BBox): BBox | null {
  const x0 = Math.max(0, Math.round(box.x0));
  const y0 = Math.max(0, Math.round(box.y0));
  const x1 = Math.min(mask.width, Math.round(box.x1));
  const y1 = Math.min(mask.height, Math.round(box.y1));
  return x1 - x0 < 3 || y1 - y0 < 3 ? null : { x0, y0, x1, y1 };
}

/**
 * Reads the ink of a cell's inner box. Blobs that are specks (smaller than a stroke of text), or
 * long thin remnants of a rule along the box's edge, are left out; `textHeight` sets the scale.
 */
export function cellInk(mask: InkMask, box: BBox, textHeight: number): CellInk {
  const pixels = pixelBox(mask, box);
  if (!pixels) return { kind: 'empty' };
  const { x0, y0, x1, y1 } = pixels;
  const stroke = Math.max(2, textHeight * 0.25);
  const specks: Blob[] = [];
  const { local, inside } = withoutRuleRuns(mask, x0, y0, x1, y1, textHeight);
  let droppedPixels = inside;
  const found = blobsIn(local, 0, 0, local.width, local.height).map((b) => ({ ...b, x0: b.x0 + x0, x1: b.x1 + x0, y0: b.y0 + y0, y1: b.y1 + y0 }));
  const kept = found.filter((b) => {
    const w = b.x1 - b.x0;
    const h = b.y1 - b.y0;
    // Thin, or a line ten times longer than wide (a slanted or thick rule at 300 dpi): no digit is.
    const thin = Math.min(w, h) <= Math.max(3, textHeight * 0.15) || Math.max(w, h) >= Math.min(w, h) * 10;
    const long = w >= (x1 - x0) * RULE_SHARE || h >= (y1 - y0) * RULE_SHARE;
    const atEdge = b.x0 <= x0 + 1 || b.y0 <= y0 + 1 || b.x1 >= x1 - 1 || b.y1 >= y1 - 1;
    // A thin line longer than any character (a piece of rule, broken by noise) is no text either.
    if (thin && ((long && atEdge) || h >= textHeight * 2 || w >= textHeight * 3)) return false;
    // The corner where two rules cross, caught inside a cell whose grid line is a few pixels off
    // the rule (a page not quite flat): long arms along two edges, little ink for its box.
    const corner = (b.x0 <= x0 + 1 || b.x1 >= x1 - 1) && (b.y0 <= y0 + 1 || b.y1 >= y1 - 1);
    if (corner && long && b.pixels < w * h * 0.2) return false;
    // A speck, or a decimal point (inside the text's box anyway); a short flat bar is a minus sign.
    const bar = w >= h * 2 && w >= textHeight * 0.15;
    if (w < stroke && h < stroke && !bar) {
      if (b.pixels > 2) {
        droppedPixels += b.pixels;
        specks.push(b);
      }
      return false;
    }
    return true;
  });
  if (kept.length === 0) return droppedPixels > textHeight * textHeight * 0.15 ? { kind: 'faint' } : { kind: 'empty' };
  const ink = unionBox(kept);
  // Specks that may be pieces of the text: on its line and close beside it (noise elsewhere in
  // the cell is paper, not a broken digit).
  const reach = textHeight * 0.6;
  const besideText = specks.filter((b) => {
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    return cx >= ink.x0 - reach && cx <= ink.x1 + reach && cy >= ink.y0 - textHeight * 0.2 && cy <= ink.y1 + textHeight * 0.2;
  });
  const w = ink.x1 - ink.x0;
  const h = ink.y1 - ink.y0;
  // A dash is wide and flat (in one piece, or broken by the threshold into pieces along one line);
  // anything else this low, or with specks beside it (a faint digit broken up), is a fragment of
  // something fainter.
  if (h < textHeight * 0.4) {
    // Flat specks on the bar's own rows are pieces of it.
    const offBar = besideText.some((b) => b.y0 < ink.y0 - 1 || b.y1 > ink.y1 + 1);
    if (w >= h * 1.5 && w >= textHeight * 0.4 && !offBar && inside === 0) return { kind: 'mark', box: unionBox([ink, ...besideText]), shape: 'dash' };
    return { kind: 'faint' };
  }
  if (kept.length === 1 && isSlash(mask, ink)) return { kind: 'mark', box: ink, shape: 'slash' };
  const keptPixels = kept.reduce((a, b) => a + b.pixels, 0);
  return { kind: 'text', box: ink, stray: besideText.reduce((a, b) => a + b.pixels, 0) > keptPixels * 0.2 };
}

/**
 * The box of text printed too faintly for the text mask, from the faint mask (`faint`: a lower
 * contrast): blobs the size of a character (as tall as half a line or more), rule remnants left
 * out, and the ink of a mark the cell is known to hold (`mark`: a slash is as tall as a character).
 * Null when there is none: then a cell the text mask saw empty (or holding only a dash) is.
 */
export function faintTextBox(faint: InkMask, box: BBox, textHeight: number, mark?: BBox, joinPieces = true): BBox | null {
  const glyphs = faintGlyphsIn(faint, box, textHeight, mark, joinPieces).filter((b) => b.y1 - b.y0 >= textHeight * 0.5);
  return glyphs.length === 0 ? null : unionBox(glyphs);
}

/** Share of a line's height that faint ink joined into one glyph must reach to be a character's, read or not. */
const FAINT_CHARACTER_HEIGHT = 0.35;

/**
 * True when a cell holds faint ink of a character's build, too low for `faintTextBox` (a faint 36
 * whose 3 lost its top: 11 px at a text height of 23): ink that is no printed blank, though too
 * little to read. Noise makes specks, not pieces joined a digit high.
 */
export function holdsFaintCharacter(faint: InkMask, box: BBox, textHeight: number): boolean {
  return faintGlyphsIn(faint, box, textHeight).some((b) => b.y1 - b.y0 >= textHeight * FAINT_CHARACTER_HEIGHT);
}

/**
 * The faint mask's glyphs in a box, in page coordinates: rule remnants left out, pieces joined
 * (`faintGlyphs`), and the ink of a mark the cell is known to hold (`mark`: a slash is as tall as a
 * character). Each is at most a character and a half high and wide, and solid enough.
 */
function faintGlyphsIn(faint: InkMask, box: BBox, textHeight: number, mark?: BBox, joinPieces = true): Blob[] {
  const pixels = pixelBox(faint, box);
  if (!pixels) return [];
  const { x0, y0, x1, y1 } = pixels;
  const { local } = withoutRuleRuns(faint, x0, y0, x1, y1, textHeight);
  const near = textHeight * 0.2;
  const flat = mark !== undefined && mark.x1 - mark.x0 >= (mark.y1 - mark.y0) * 1.5;
  const pieces = blobsIn(local, 0, 0, local.width, local.height).filter((b) => {
    const h = b.y1 - b.y0;
    const w = b.x1 - b.x0;
    // The mark's own ink (a slash, a little fatter at the lower contrast): as wide as the mark
    // about, no bigger. A character around a mark (a 3 whose bar alone passed for a dash) is
    // bigger than it and counts; so do the digits of a faint 90006 whose middles alone made a
    // dash in the text mask: each is a fraction of the "dash"'s width, and none is flat.
    const onMark =
      mark !== undefined &&
      x0 + b.x0 < mark.x1 + near &&
      x0 + b.x1 > mark.x0 - near &&
      y0 + b.y0 < mark.y1 + near &&
      y0 + b.y1 > mark.y0 - near &&
      h <= mark.y1 - mark.y0 + near * 1.5 &&
      w <= mark.x1 - mark.x0 + near * 1.5 &&
      w >= (mark.x1 - mark.x0) * 0.5 &&
      // A dash's own ink is flat as the dash is (the 8 of a faint 58 whose darkest middles made a "dash" is not).
      (!flat || w >= h * 1.5);
    // Specks of noise (a few pixels) join nothing.
    return !onMark && b.pixels >= Math.max(3, textHeight * 0.2);
  });
  // The pieces as they are, and the glyphs they make joined (a joined glyph too big for a character leaves its pieces be).
  return [...pieces, ...(joinPieces ? faintGlyphs(pieces, textHeight) : [])]
    .filter((b) => {
      const h = b.y1 - b.y0;
      const w = b.x1 - b.x0;
      return h <= textHeight * 1.6 && w >= 2 && w <= textHeight * 1.6 && b.pixels >= h;
    })
    .map((b) => ({ ...b, x0: x0 + b.x0, y0: y0 + b.y0, x1: x0 + b.x1, y1: y0 + b.y1 }));
}

/**
 * The glyphs faint ink pieces make joined: pieces whose boxes overlap in x and lie within a few
 * pixels of each other down the line (a faint 5 broken at the lower contrast into its bar and its
 * body) are one glyph, as long as it stays a character high. Pieces side by side stay apart (the
 * digits of a number, each judged as a glyph). Only glyphs of two pieces or more are returned.
 */
function faintGlyphs(pieces: readonly Blob[], textHeight: number): Blob[] {
  const gap = Math.max(2, textHeight * 0.15);
  const glyphs = pieces.map((b) => ({ ...b, count: 1 })).sort((a, b) => a.y0 - b.y0);
  for (let joined = true; joined; ) {
    joined = false;
    for (let i = 0; i < glyphs.length && !joined; i++) {
      for (let j = i + 1; j < glyphs.length && !joined; j++) {
        const a = glyphs[i] as Blob & { count: number };
        const b = glyphs[j] as Blob & { count: number };
        const overlapX = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const apartY = Math.max(a.y0, b.y0) - Math.min(a.y1, b.y1);
        const tall = Math.max(a.y1, b.y1) - Math.min(a.y0, b.y0);
        if (overlapX >= Math.min(a.x1 - a.x0, b.x1 - b.x0) * 0.5 && apartY <= gap && tall <= textHeight * 1.6) {
          glyphs[i] = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), pixels: a.pixels + b.pixels, count: a.count + b.count };
          glyphs.splice(j, 1);
          joined = true;
        }
      }
    }
  }
  return glyphs.filter((g) => g.count >= 2).map(({ count: _, ...glyph }) => glyph);
}

/** A digit's glyph is at most this many text heights wide (a Han character's is about 0.9). */
const DIGIT_WIDTH = 0.65;

/** True when every glyph of a box's ink is narrow as a digit (a number, or the 1 of a 15 alone). */
export function digitsOnly(mask: InkMask, box: BBox, textHeight: number): boolean {
  const glyphs = glyphBoxes(mask, box, textHeight);
  return glyphs.length > 0 && glyphs.every((g) => g.x1 - g.x0 <= textHeight * DIGIT_WIDTH);
}

/**
 * True when a digit printed too lightly for the text mask stands beside a number's box within
 * `line` (its line, short of the words beside it): a faint glyph a digit high and narrow, level
 * with the number, outside its box and within half a character of it (the 5 of a 15 whose 1 alone
 * made the word). The number read may then be part of the printed one. Specks, dots, a label's
 * strokes and a seal's standing higher or lower do not count.
 */
export function faintDigitBeside(faint: InkMask, box: BBox, line: BBox, textHeight: number): boolean {
  const level = textHeight * 0.2;
  const reach = textHeight * 0.5;
  return faintGlyphsIn(faint, line, textHeight).some(
    (g) =>
      ((g.x0 >= box.x1 && g.x0 <= box.x1 + reach) || (g.x1 <= box.x0 && g.x1 >= box.x0 - reach)) &&
      g.y1 - g.y0 >= textHeight * 0.5 &&
      g.x1 - g.x0 <= textHeight * DIGIT_WIDTH &&
      Math.abs(g.y0 - box.y0) <= level &&
      Math.abs(g.y1 - box.y1) <= level,
  );
}

/**
 * True when a minus sign printed too lightly for the text mask stands before a number's box: a flat
 * bar of the faint mask, a quarter of a digit's height long at least (blur takes its ends), at the
 * digits' middle height, close before them (startsWithMinus's shape). The word held the digits only and read "3" for a printed
 * "-3" (drawn-052 p1, 2019 二's 本年增/减, blurred): the number is unsure, its sign may be lost.
 */
export function faintMinusBefore(faint: InkMask, box: BBox, line: BBox, textHeight: number): boolean {
  return faintGlyphsIn(faint, { ...line, x1: box.x0 }, textHeight, undefined, false).some((g) => isMinusBar(g, box, textHeight, FAINT_MINUS));
}

/** How flat (width over height) and how long (share of the digits' height) a minus is at least: printed, and faint (blur takes its ends). */
const PRINTED_MINUS = { flat: 2, long: 0.3 };
const FAINT_MINUS = { flat: 1.5, long: 0.25 };

/**
 * True when `bar` is a minus sign before digits spanning `digits` (their top, bottom and left): a
 * flat bar at their middle height, close before them. A speck of noise or of a wiped rule is
 * shorter, or further off.
 */
function isMinusBar(bar: BBox, digits: BBox, textHeight: number, shape: { flat: number; long: number }): boolean {
  const w = bar.x1 - bar.x0;
  const h = bar.y1 - bar.y0;
  const mid = (bar.y0 + bar.y1) / 2;
  const digitsHeight = digits.y1 - digits.y0;
  return (
    w >= h * shape.flat &&
    h <= Math.max(3, textHeight * 0.2) &&
    w >= digitsHeight * shape.long &&
    w <= digitsHeight * 1.2 &&
    bar.x1 <= digits.x0 &&
    digits.x0 - bar.x1 <= digitsHeight * 0.6 &&
    mid > digits.y0 + digitsHeight * 0.25 &&
    mid < digits.y1 - digitsHeight * 0.2
  );
}

/**
 * A one-line text box grown along its line by the ink of the faint mask: a digit of thin strokes
 * that the text mask broke into specks (the 2 of a 233) is whole, or nearly, at the lower
 * contrast, and must not be cut off the number. Pieces are taken one after another while each
 * lies on the line and within half a character of the box; noise elsewhere in the cell is left.
 */
export function grownAlongLine(faint: InkMask, box: BBox, inner: BBox, textHeight: number): BBox {
  const band = pixelBox(faint, { x0: inner.x0, x1: inner.x1, y0: Math.max(inner.y0, box.y0 - textHeight * 0.3), y1: Math.min(inner.y1, box.y1 + textHeight * 0.3) });
  if (!band) return box;
  const { local } = withoutRuleRuns(faint, band.x0, band.y0, band.x1, band.y1, textHeight);
  const pieces = blobsIn(local, 0, 0, local.width, local.height)
    .filter((b) => b.pixels >= 4)
    .map((b) => ({ x0: b.x0 + band.x0, x1: b.x1 + band.x0, y0: b.y0 + band.y0, y1: b.y1 + band.y0 }));
  const reach = textHeight * 0.5;
  let grown = box;
  const near = (piece: BBox): boolean => piece.x1 >= grown.x0 - reach && piece.x0 <= grown.x1 + reach;
  // Each piece within reach joins (and may bring the next one within reach), until none is left.
  for (let i = pieces.findIndex(near); i >= 0; i = pieces.findIndex(near)) {
    const [piece] = pieces.splice(i, 1) as [BBox];
    grown = unionBox([grown, piece]);
  }
  return grown;
}

/** The ink pixels of a mask inside a box. */
function inkPixels(mask: InkMask, box: BBox): number {
  const pixels = pixelBox(mask, box);
  if (!pixels) return 0;
  let count = 0;
  for (let y = pixels.y0; y < pixels.y1; y++) for (let x = pixels.x0; x < pixels.x1; x++) count += mask.data[y * mask.width + x] as number;
  return count;
}

/**
 * True when faint ink on the line of a faint text box, outside it, is more than `share` of the ink
 * in it (a fifth: cellInk's stray rule): a digit in pieces beside the one whole glyph (the 5 of a
 * faint 52) may be part of the number, which the box then does not hold whole. A speck of noise is less.
 */
export function faintInkBeside(faint: InkMask, box: BBox, inner: BBox, textHeight: number, share = 0.2): boolean {
  const inBox = inkPixels(faint, box);
  return inkPixels(faint, grownAlongLine(faint, box, inner, textHeight)) - inBox > inBox * share;
}

/** The tight box of the text inside `box`, or null when it holds no text (blank, a mark, or faint ink). */
export function inkBox(mask: InkMask, box: BBox, textHeight: number): BBox | null {
  const ink = cellInk(mask, box, textHeight);
  return ink.kind === 'text' ? ink.box : null;
}

/** The first and last inked x of row `y` between x0 and x1, or null when the row has no ink there. */
function rowExtent(mask: InkMask, y: number, x0: number, x1: number): { from: number; to: number } | null {
  let from = -1;
  let to = -1;
  for (let x = x0; x < x1; x++) {
    if (mask.data[y * mask.width + x] !== 1) continue;
    if (from < 0) from = x;
    to = x;
  }
  return from < 0 ? null : { from, to };
}

/**
 * True when a cell's ink box has a printed blank's shape: a dash (flat and wide) or one slash.
 * A reader's "—" or "/" for ink of any other shape (a faint 36, a blurred 15) is a misreading of
 * what may be a number, never a printed blank.
 */
export function hasBlankMarkShape(masks: { text: InkMask; faint: InkMask }, box: BBox, textHeight: number): boolean {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  if (h < textHeight * 0.5 && w >= h * 1.5) return true;
  // One slash in either mask: a slash printed lightly is in the faint mask alone, and one the text
  // mask broke in two (office-013's heavy scan) is whole in the faint one.
  return [masks.text, masks.faint].some((mask) => {
    const glyphs = glyphBoxes(mask, box, textHeight);
    const [glyph] = glyphs;
    return glyphs.length === 1 && glyph !== undefined && isSlash(mask, glyph);
  });
}

/**
 * True for a lone "/" : every row of the blob is a short stretch of ink (no bar, unlike 7), and
 * the stretch moves left steadily from top to bottom (unlike 1).
 */
function isSlash(mask: InkMask, blob: BBox): boolean {
  const w = blob.x1 - blob.x0;
  const h = blob.y1 - blob.y0;
  if (h < 4 || w < h * 0.2 || w > h * 1.2) return false;
  const centres: number[] = [];
  for (let y = blob.y0; y < blob.y1; y++) {
    const extent = rowExtent(mask, y, blob.x0, blob.x1);
    if (!extent) continue;
    if (extent.to - extent.from + 1 > Math.max(3, w * 0.45)) return false;
    centres.push((extent.from + extent.to) / 2);
  }
  if (centres.length < h * 0.8) return false;
  const third = Math.max(1, Math.floor(centres.length / 3));
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const top = mean(centres.slice(0, third));
  const middle = mean(centres.slice(third, centres.length - third));
  const bottom = mean(centres.slice(-third));
  return top - middle > w * 0.15 && middle - bottom > w * 0.15;
}

/**
 * The printed width of a box's ink: its inked columns and the gaps narrower than `wordGap` between
 * them (a number's digits stand close; two numbers run together keep a wider gap, left out).
 */
export function printedWidth(mask: InkMask, box: BBox, wordGap: number): number {
  const { cols } = countInk(mask, Math.round(box.x0), Math.round(box.y0), Math.round(box.x1), Math.round(box.y1));
  let width = 0;
  let gap = 0;
  let inked = false;
  for (const c of cols) {
    if (c === 0) {
      gap++;
      continue;
    }
    // A gap inside the ink counts where it is a glyph's spacing, not a space between words.
    if (inked && gap < wordGap) width += gap;
    width++;
    gap = 0;
    inked = true;
  }
  return width;
}

/** The spans of ink along rows of a box (text lines, or the characters of vertical text). */
export function inkSpans(mask: InkMask, box: BBox, minGap: number): { from: number; to: number }[] {
  const { rows } = countInk(mask, Math.round(box.x0), Math.round(box.y0), Math.round(box.x1), Math.round(box.y1));
  const spans: { from: number; to: number }[] = [];
  let gap = Infinity;
  for (let i = 0; i < rows.length; i++) {
    if ((rows[i] as number) > 0) {
      const last = spans.at(-1);
      if (last && gap < minGap) last.to = i;
      else spans.push({ from: i, to: i });
      gap = 0;
    } else {
      gap++;
    }
  }
  return spans.map((s) => ({ from: Math.round(box.y0) + s.from, to: Math.round(box.y0) + s.to + 1 }));
}

/**
 * Vertical text (a label printed one character per line) laid out as one horizontal line, so the
 * engine reads it as a line of text.
 */
export function verticalToHorizontal(raster: Raster, box: BBox, spans: readonly { from: number; to: number }[]): Raster {
  const x0 = Math.round(box.x0);
  const width = Math.round(box.x1) - x0;
  const gap = Math.max(2, Math.round(width * 0.15));
  const height = Math.max(...spans.map((s) => s.to - s.from));
  const total = spans.length * (width + gap) + gap;
  const data = new Uint8Array(total * height).fill(255);
  spans.forEach((s, k) => {
    const offsetY = Math.floor((height - (s.to - s.from)) / 2);
    for (let y = s.from; y < s.to; y++) {
      for (let x = 0; x < width; x++) data[(y - s.from + offsetY) * total + gap + k * (width + gap) + x] = raster.data[y * raster.width + x0 + x] ?? 255;
    }
  });
  return { width: total, height, data };
}

/**
 * True when the ink starts with a minus sign: a short flat bar at mid-height, apart from the
 * digits after it. The digit reader drops such signs ("-9" → "9"), so the picture decides.
 */
export function startsWithMinus(mask: InkMask, ink: BBox, textHeight: number): boolean {
  const blobs = blobsIn(mask, Math.round(ink.x0), Math.round(ink.y0), Math.round(ink.x1), Math.round(ink.y1)).filter((b) => b.pixels >= 3);
  if (blobs.length < 2) return false;
  const first = blobs.reduce((a, b) => (b.x0 < a.x0 ? b : a));
  const rest = blobs.filter((b) => b !== first);
  const digits = { x0: Math.min(...rest.map((b) => b.x0)), y0: Math.min(...rest.map((b) => b.y0)), x1: Math.max(...rest.map((b) => b.x1)), y1: Math.max(...rest.map((b) => b.y1)) };
  return isMinusBar(first, digits, textHeight, PRINTED_MINUS) && rest.every((b) => b.x0 >= first.x1);
}

/**
 * True when the ink is one upright stroke: one blob, narrow, its middle rows a thin run of ink
 * that does not drift sideways (a 7's stroke does). In a numeric cell that is a 1, the digit the
 * engines most often drop; the reading must still say 1 for it to count.
 */
export function isLoneStroke(mask: InkMask, ink: BBox): boolean {
  const blobs = blobsIn(mask, Math.round(ink.x0), Math.round(ink.y0), Math.round(ink.x1), Math.round(ink.y1)).filter((b) => b.pixels >= 3);
  if (blobs.length !== 1) return false;
  const [blob] = blobs as [Blob];
  const w = blob.x1 - blob.x0;
  const h = blob.y1 - blob.y0;
  if (h < 8 || w > h * 0.4) return false;
  // Ink beside the stroke (a 4's bar that the mask broke off, left out of the box as a speck)
  // makes it part of another digit.
  const beside = blobsIn(mask, Math.max(0, Math.round(blob.x0 - h * 0.6)), blob.y0, Math.min(mask.width, Math.round(blob.x1 + h * 0.6)), Math.min(mask.height, blob.y1 + 1)).filter((b) => b.pixels >= 2);
  if (beside.length > 1) return false;
  const centres: number[] = [];
  for (let y = blob.y0 + Math.round(h * 0.35); y < blob.y1 - Math.round(h * 0.25); y++) {
    const extent = rowExtent(mask, y, blob.x0, blob.x1);
    if (!extent || extent.to - extent.from + 1 > Math.max(3, h * 0.25)) return false;
    centres.push((extent.from + extent.to) / 2);
  }
  return centres.length > 0 && Math.max(...centres) - Math.min(...centres) <= Math.max(1.5, h * 0.1);
}

/**
 * The glyphs of a one-line number, left to right: its blobs of ink, with pieces that overlap in
 * x (a 5's detached bar, a broken stroke) joined, and dots and specks (a decimal point) left out.
 */
export function glyphBoxes(mask: InkMask, ink: BBox, textHeight: number): Blob[] {
  const minSide = Math.max(2, textHeight * 0.25);
  const blobs = blobsIn(mask, Math.round(ink.x0), Math.round(ink.y0), Math.round(ink.x1), Math.round(ink.y1))
    .filter((b) => b.y1 - b.y0 >= minSide || b.x1 - b.x0 >= minSide)
    .sort((a, b) => a.x0 - b.x0);
  const glyphs: Blob[] = [];
  for (const blob of blobs) {
    const last = glyphs.at(-1);
    const overlap = last ? Math.min(last.x1, blob.x1) - Math.max(last.x0, blob.x0) : 0;
    if (last && overlap >= Math.min(last.x1 - last.x0, blob.x1 - blob.x0) * 0.5) {
      last.x0 = Math.min(last.x0, blob.x0);
      last.x1 = Math.max(last.x1, blob.x1);
      last.y0 = Math.min(last.y0, blob.y0);
      last.y1 = Math.max(last.y1, blob.y1);
      last.pixels += blob.pixels;
    } else glyphs.push({ ...blob });
  }
  return glyphs;
}

