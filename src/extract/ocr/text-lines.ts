/**
 * The lines of text of a page, from its ink alone (before any reading), and whether they stand in
 * columns. Reading a page of prose whole costs more than all the cells of a table; a page without
 * ruling is worth reading whole only when it may hold an unruled table, whose rows are lines of
 * text broken by wide gaps into a label and its numbers. Prose runs on across its line.
 */
import type { BBox } from '../../model/document.js';
import type { RuledGrid } from '../../layout/ruling.js';
import type { InkMask } from './raster.js';

/** Share of the page's width at either edge where no text is printed (margins are wider than this). */
const PAGE_EDGE = 0.04;
/** Ink pixels a row needs to belong to a line of text (a speck or two is noise). */
const ROW_INK = 3;
/** A gap this many text heights wide between two pieces of a line parts columns (prose has none). */
const COLUMN_GAP = 1.5;
/** A gap this many text heights wide parts two words of a line (a label and the number after it). */
const WORD_GAP = 0.4;
/** Lines in columns a page needs to be read as a possible table: a table has many rows (二's are a label and one number). */
const MIN_COLUMNAR_LINES = 4;

/** One line of text: its box and the pieces of ink a wide gap parts. */
export interface InkLine {
  box: BBox;
  pieces: { from: number; to: number }[];
}

/**
 * The lines of text of a region, top to bottom: runs of rows with ink, and across each line the
 * pieces of ink parted by gaps of at least COLUMN_GAP text heights (pieces narrower than a stroke
 * are specks, and left out).
 */
export function inkLines(mask: InkMask, region: BBox, textHeight: number): InkLine[] {
  const x0 = Math.max(0, Math.round(region.x0));
  const x1 = Math.min(mask.width, Math.round(region.x1));
  const y0 = Math.max(0, Math.round(region.y0));
  const y1 = Math.min(mask.height, Math.round(region.y1));
  const inkOfRow = (y: number): number => {
    let n = 0;
    for (let x = x0; x < x1; x++) n += mask.data[y * mask.width + x] as number;
    return n;
  };
  const lines: InkLine[] = [];
  const joinGap = Math.max(1, Math.round(textHeight * 0.2));
  let start = -1;
  let lastInk = -1;
  const close = (): void => {
    if (start < 0) return;
    const height = lastInk - start + 1;
    const pieces = height >= textHeight * 0.4 && height <= textHeight * 3 ? piecesOf(mask, x0, x1, start, lastInk + 1, textHeight) : [];
    // Rows of specks hold no piece of text: no line.
    if (pieces.length > 0) lines.push({ box: { x0: (pieces[0] as { from: number }).from, x1: (pieces.at(-1) as { to: number }).to + 1, y0: start, y1: lastInk + 1 }, pieces });
    start = -1;
  };
  for (let y = y0; y < y1; y++) {
    if (inkOfRow(y) < ROW_INK) continue;
    if (start >= 0 && y - lastInk > joinGap + 1) close();
    if (start < 0) start = y;
    lastInk = y;
  }
  close();
  return lines;
}

function piecesOf(mask: InkMask, x0: number, x1: number, y0: number, y1: number, textHeight: number): { from: number; to: number }[] {
  const gap = textHeight * COLUMN_GAP;
  const pieces: { from: number; to: number; ink: number; top: number; bottom: number }[] = [];
  for (let x = x0; x < x1; x++) {
    let ink = 0;
    let top = y1;
    let bottom = y0;
    for (let y = y0; y < y1; y++) {
      if (mask.data[y * mask.width + x] !== 1) continue;
      ink++;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y + 1);
    }
    if (ink === 0) continue;
    const last = pieces.at(-1);
    if (last && x - last.to <= gap) {
      Object.assign(last, { to: x, ink: last.ink + ink, top: Math.min(last.top, top), bottom: Math.max(last.bottom, bottom) });
    } else {
      pieces.push({ from: x, to: x, ink, top, bottom });
    }
  }
  // A piece of text holds a character or a digit (as tall as half a line); specks and the
  // scanner's border at the very edges of the page are no column of a table.
  const margin = (x1 - x0) * PAGE_EDGE;
  return pieces
    .filter((p) => p.bottom - p.top >= textHeight * 0.4 && p.ink >= textHeight * textHeight * 0.05 && p.to > x0 + margin && p.from < x1 - margin)
    .map(({ from, to }) => ({ from, to }));
}

/**
 * The words of a region, by recursive cuts along blank rows and columns (XY-cut): a region whose
 * ink leaves a blank band across it is cut there, then each part again, until none can be. A
 * vertical cut needs a gap of WORD_GAP text heights (the gap between a label and its number; Han
 * characters stand closer); a horizontal one leaves parts a line of text high at least on both
 * sides (the strokes of 二 or 三 have blank rows between them). Lines are found per column, so a
 * group label printed over three lines beside a row does not swallow the row. Leaves too small
 * for a character or a digit (specks) are left out.
 */
export function wordBoxes(mask: InkMask, region: BBox, textHeight: number): BBox[] {
  const words: BBox[] = [];
  const minGap = Math.max(2, Math.round(textHeight * WORD_GAP));
  const minLine = textHeight * 0.5;
  const stroke = Math.max(2, textHeight * 0.15);
  const cut = (box: BBox, depth: number): void => {
    const tight = tightBox(mask, box);
    if (!tight) return;
    const { x0, y0, x1, y1 } = tight;
    if (depth < 12) {
      // Blank rows: a horizontal cut, when both parts are a line of text high.
      const rows = inkProfile(mask, tight, true);
      const cuts: [number, number][] = [];
      let top = 0;
      for (const [from, to] of blankRuns(rows, 1)) {
        if (from - top >= minLine && rows.length - to >= minLine) {
          cuts.push([from, to]);
          top = to;
        }
      }
      if (cuts.length > 0) {
        let start = 0;
        for (const [from, to] of cuts) {
          cut({ x0, x1, y0: y0 + start, y1: y0 + from }, depth + 1);
          start = to;
        }
        cut({ x0, x1, y0: y0 + start, y1 }, depth + 1);
        return;
      }
      const cols = inkProfile(mask, tight, false);
      const gaps = blankRuns(cols, minGap);
      if (gaps.length > 0) {
        let start = 0;
        for (const [from, to] of gaps) {
          cut({ x0: x0 + start, x1: x0 + from, y0, y1 }, depth + 1);
          start = to;
        }
        cut({ x0: x0 + start, x1, y0, y1 }, depth + 1);
        return;
      }
    }
    const w = x1 - x0;
    const h = y1 - y0;
    if (h >= textHeight * 0.3 || w >= textHeight * 0.4 || (w >= stroke && h >= stroke)) words.push(tight);
  };
  cut(region, 0);
  return withMarksJoined(mask, words, textHeight);
}

/**
 * A word a character or so wide joined to the word after it on its line, when that stands closer
 * than a column's gap: 一、 of "一、本年新收…" is set apart by the space a full-width 、 leaves
 * after it, and is the start of a label, not a blank (一 is a dash) and a speck of its own. A
 * mark or a digit alone in its column (a printed blank, a value) stays a word, and so does a short
 * number before another: "156" right-aligned in its column stands as close to "33" left-aligned in
 * the next one as 一、 to its label (a screenshot of 2019's 四 drawn without vertical rules).
 */
function withMarksJoined(mask: InkMask, words: readonly BBox[], textHeight: number): BBox[] {
  const sorted = [...words].sort((a, b) => a.x0 - b.x0);
  const small = (w: BBox): boolean => w.x1 - w.x0 <= textHeight * 1.6;
  const taken = new Set<BBox>();
  const out: BBox[] = [];
  for (const word of sorted) {
    if (taken.has(word)) continue;
    let box = word;
    // A run of short words joins the first word after it that stands close on the same line.
    while (small(box)) {
      const middle = (box.y0 + box.y1) / 2;
      const next = sorted.find((w) => !taken.has(w) && w !== word && w.x0 >= box.x1 && w.x0 - box.x1 <= textHeight * 0.8 && middle >= w.y0 - textHeight * 0.3 && middle <= w.y1 + textHeight * 0.3);
      // Two numbers are two values ("2." before its label is no number: the dot is low).
      if (!next || (looksLikeNumber(mask, box, textHeight) && looksLikeNumber(mask, next, textHeight))) break;
      taken.add(next);
      box = { x0: box.x0, x1: Math.max(box.x1, next.x1), y0: Math.min(box.y0, next.y0), y1: Math.max(box.y1, next.y1) };
    }
    out.push(box);
  }
  return out;
}

/**
 * True when a word's ink is two glyphs or more, each as narrow and as tall as a digit: parted by
 * blank columns, none wider than DIGIT_WIDTH text heights nor lower than DIGIT_HEIGHT. A label's
 * start is not: 一 is wide and flat, 、 and the dot of "1." low.
 */
function looksLikeNumber(mask: InkMask, word: BBox, textHeight: number): boolean {
  const cols = inkProfile(mask, word, false);
  const glyphs: { from: number; to: number }[] = [];
  cols.forEach((n, k) => {
    const last = glyphs.at(-1);
    if (n === 0) return;
    if (last && last.to === k - 1) last.to = k;
    else glyphs.push({ from: k, to: k });
  });
  return glyphs.length >= 2 && glyphs.every((g) => {
    if (g.to - g.from + 1 > textHeight * DIGIT_WIDTH) return false;
    const ink = tightBox(mask, { x0: word.x0 + g.from, x1: word.x0 + g.to + 1, y0: word.y0, y1: word.y1 });
    return ink !== null && ink.y1 - ink.y0 >= textHeight * DIGIT_HEIGHT;
  });
}

/** A digit's ink is at most this many text heights wide (a Han character's is about 0.9)… */
const DIGIT_WIDTH = 0.65;
/** …and at least this many high (a text height is a Han character's; digits stand about 0.7). */
const DIGIT_HEIGHT = 0.5;

/** Ink pixels per row (`rows`) or column of a box, a lone pixel in a row or column counted as none. */
function inkProfile(mask: InkMask, box: BBox, rows: boolean): number[] {
  const profile = new Array<number>(rows ? box.y1 - box.y0 : box.x1 - box.x0).fill(0);
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      if (mask.data[y * mask.width + x] !== 1) continue;
      const k = rows ? y - box.y0 : x - box.x0;
      profile[k] = (profile[k] as number) + 1;
    }
  }
  return profile.map((n) => (n <= 1 ? 0 : n));
}

/** The inner runs of blank entries at least `min` long: [from, to) in profile indices (never at the ends). */
function blankRuns(profile: readonly number[], min: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let k = 0; k < profile.length; k++) {
    if (profile[k] === 0) {
      if (start < 0) start = k;
    } else {
      if (start > 0 && k - start >= min) runs.push([start, k]);
      start = -1;
    }
  }
  return runs;
}

/** The tight box of a box's ink (lone pixels aside), or null when it has none. */
function tightBox(mask: InkMask, box: BBox): BBox | null {
  const x0 = Math.max(0, Math.round(box.x0));
  const y0 = Math.max(0, Math.round(box.y0));
  const x1 = Math.min(mask.width, Math.round(box.x1));
  const y1 = Math.min(mask.height, Math.round(box.y1));
  if (x1 <= x0 || y1 <= y0) return null;
  const rows = inkProfile(mask, { x0, y0, x1, y1 }, true);
  const cols = inkProfile(mask, { x0, y0, x1, y1 }, false);
  const top = rows.findIndex((n) => n > 0);
  const left = cols.findIndex((n) => n > 0);
  if (top < 0 || left < 0) return null;
  const bottom = rows.length - [...rows].reverse().findIndex((n) => n > 0);
  const right = cols.length - [...cols].reverse().findIndex((n) => n > 0);
  return { x0: x0 + left, y0: y0 + top, x1: x0 + right, y1: y0 + bottom };
}

/** The height of the page's text, from its lines (the median of lines a character high), or null with too few lines. */
export function lineTextHeight(lines: readonly InkLine[], around: number): number | null {
  const heights = lines
    .map((l) => l.box.y1 - l.box.y0)
    .filter((h) => h >= around * 0.5 && h <= around * 1.5)
    .sort((a, b) => a - b);
  return heights.length >= 5 ? (heights[Math.floor(heights.length / 2)] as number) : null;
}

/**
 * The lines of text the page would show turned on its side: its mask's rows and columns swapped. A
 * page lying on its side shows few lines upright (its text runs down the page, so nearly every row
 * holds ink) and many turned; an upright page the other way round. (A mirror turns the same lines
 * as a turn does, so a transpose is enough to count them.)
 */
export function sidewaysLines(mask: InkMask, textHeight: number): InkLine[] {
  const swapped = new Uint8Array(mask.data.length);
  for (let y = 0; y < mask.height; y++) {
    const row = y * mask.width;
    for (let x = 0; x < mask.width; x++) swapped[x * mask.height + y] = mask.data[row + x] as number;
  }
  return inkLines({ width: mask.height, height: mask.width, data: swapped }, { x0: 0, y0: 0, x1: mask.height, y1: mask.width }, textHeight);
}

/**
 * True when the lines of an image holding one table and nothing else (a screenshot of 四: a header
 * and one row of numbers, three lines) may be that table: as a page's lines may, or one line broken
 * into a row of values by wide gaps (a line of prose is broken by few).
 */
export function mayHoldOneTable(lines: readonly InkLine[], textHeight: number): boolean {
  return mayHoldTable(lines, textHeight) || lines.some((l) => l.pieces.length >= MIN_ROW_PIECES);
}

/** Pieces of a line that make it a row of values: a label and three numbers at least (四's rows hold 5 or 15). */
const MIN_ROW_PIECES = 4;

/**
 * True when the lines of a page may hold a table, or the part of one a page break left on it: as
 * mayHoldTable says, or two rows of values at least (a label and four numbers or more, broken by
 * wide gaps; a line of prose is broken by few), too few lines to stand in columns (drawn-035 p2:
 * 三's header and its first three rows under twelve paragraphs of prose; drawn-144 p3: 三's last two
 * rows and 四). Left unread, their cells were lost.
 */
export function mayHoldTableOnPage(lines: readonly InkLine[], textHeight: number): boolean {
  return (
    mayHoldTable(lines, textHeight) ||
    lines.filter((l) => l.pieces.length >= MIN_PAGE_ROW_PIECES).length >= MIN_PAGE_ROWS ||
    // One line of many values alone: 四's row of 15, all a page break left of it (drawn-000, -028, -060).
    lines.some((l) => l.pieces.length >= MIN_LONE_ROW_PIECES)
  );
}

/** Pieces of a line on a page that make it a row of values, and the rows a page needs to be read by them. */
const MIN_PAGE_ROW_PIECES = 5;
const MIN_PAGE_ROWS = 2;
/** Pieces of one line that make it a row of values on its own (四's 15 values, some run together). */
const MIN_LONE_ROW_PIECES = 10;

/**
 * True when the lines may be rows of an unruled table: several lines in two pieces or more whose
 * later pieces start where other such lines' pieces start too (a table's columns). The wide gaps
 * of justified prose (around numbers, brackets) fall anywhere.
 */
export function mayHoldTable(lines: readonly InkLine[], textHeight: number): boolean {
  return alignedLines(lines, textHeight).length >= MIN_COLUMNAR_LINES;
}

/** The lines in two pieces or more whose later pieces start where those of MIN_COLUMNAR_LINES such lines start (mayHoldTable). */
function alignedLines(lines: readonly InkLine[], textHeight: number): InkLine[] {
  const split = lines.filter((l) => l.pieces.length >= 2);
  const starts = split.map((l) => l.pieces.slice(1).map((p) => p.from));
  const near = textHeight * 0.6;
  return split.filter((_, i) => (starts[i] as number[]).some((x) => starts.filter((other) => other.some((o) => Math.abs(o - x) <= near)).length >= MIN_COLUMNAR_LINES));
}

/**
 * The band of a page, top to bottom, where lines outside its grids stand in columns (mayHoldTable),
 * or null: a table beside the page's ruled one, ruled with horizontal lines only (drawn-007 p1, 二's
 * table above a few rows of 三 that a rule and a label's stroke framed as a grid). Lines inside a
 * grid do not count; the band may not reach into one.
 */
export function tableBandBesideGrids(lines: readonly InkLine[], grids: readonly RuledGrid[], textHeight: number, snap: number): { y0: number; y1: number } | null {
  const inGrid = (b: { y0: number; y1: number }): boolean => grids.some((g) => b.y1 >= g.bbox.y0 - snap && b.y0 <= g.bbox.y1 + snap);
  const aligned = alignedLines(
    lines.filter((l) => !inGrid(l.box)),
    textHeight,
  );
  // The lines in runs no grid parts; the run of most lines is the table.
  const runs: InkLine[][] = [];
  for (const line of [...aligned].sort((a, b) => a.box.y0 - b.box.y0)) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && !grids.some((g) => g.bbox.y0 >= last.box.y1 && g.bbox.y1 <= line.box.y0)) run.push(line);
    else runs.push([line]);
  }
  const table = runs.reduce<InkLine[]>((best, run) => (run.length > best.length ? run : best), []);
  if (table.length < MIN_COLUMNAR_LINES) return null;
  const band = { y0: (table[0] as InkLine).box.y0, y1: (table.at(-1) as InkLine).box.y1 };
  return inGrid(band) ? null : band;
}

/**
 * True when a page's grids are strays beside its table: more than twice as many lines outside every
 * grid as the grids have rows hold three pieces or more, and those lines stand in columns (an
 * unruled table, or one ruled with horizontal lines only that a fold or a scanner's edge crosses);
 * or the values of the lines in columns stand outside the grids (valuesOutsideGrids: strokes
 * chained into rules over a label column, in a screenshot or on a page: drawn-059 p2, three small
 * grids over a few cells of 三 ruled with horizontal lines only, 20 of its 175 cells read). (Read by
 * its words, such a page continued without its header once landed a column off, placed by a column
 * of specks a shadow's painted edge left down the page: borders.ts now leaves none.)
 */
export function gridsAreStray(lines: readonly InkLine[], grids: readonly RuledGrid[], textHeight: number, snap: number): boolean {
  const inGrid = (l: InkLine): boolean => grids.some((g) => l.box.y0 >= g.bbox.y0 - snap && l.box.y1 <= g.bbox.y1 + snap);
  const outside = lines.filter((l) => !inGrid(l));
  const gridRows = grids.reduce((n, g) => n + g.ys.length - 1, 0);
  const columnar = outside.filter((l) => l.pieces.length >= 3).length;
  return (columnar > gridRows * 2 && mayHoldTable(outside, textHeight)) || valuesOutsideGrids(lines, grids, textHeight, snap);
}

/**
 * True when the pieces of the lines standing in columns lie outside every grid (across as well as
 * down) more than twice as often as inside one, and those lines may hold a table: the grids are
 * characters' strokes chained into short "rules" (the numbering 1. 2. 3. down a compact table
 * ruled with horizontal lines only, blurred by a screenshot's scaling) beside the table's values.
 */
function valuesOutsideGrids(lines: readonly InkLine[], grids: readonly RuledGrid[], textHeight: number, snap: number): boolean {
  const columnar = lines.filter((l) => l.pieces.length >= 3);
  const within = (x: number, y: number): boolean => grids.some((g) => x >= g.bbox.x0 - snap && x <= g.bbox.x1 + snap && y >= g.bbox.y0 - snap && y <= g.bbox.y1 + snap);
  let inside = 0;
  let outside = 0;
  for (const line of columnar) {
    const y = (line.box.y0 + line.box.y1) / 2;
    for (const piece of line.pieces) {
      if (within((piece.from + piece.to) / 2, y)) inside++;
      else outside++;
    }
  }
  return outside > inside * 2 && outside >= MIN_STRAY_PIECES && mayHoldTable(columnar, textHeight);
}

/** Pieces outside the grids that make a table of their own: a few rows of values, not a note beside a table. */
const MIN_STRAY_PIECES = 24;
