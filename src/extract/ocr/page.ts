/**
 * One page image → a positioned page: orientation (sideways, upside down), deskew, the ruling grid
 * found in the pixels, every grid cell read on its own, and text outside the grids read as words.
 * The result enters the same layout and reconstruction as a PDF text layer.
 */
import { SEEN_BLANK, UNREAD_MARK, type BBox, type Edge, type PositionedPage, type TextRun } from '../../model/document.js';
import { makeIssue } from '../../model/issues.js';
import type { Issue } from '../../schema/records.js';
import { findGrids, type RuledGrid } from '../../layout/ruling.js';
import type { OcrEngine } from './engine.js';
import { closeOpenEnds, eraseRules, findRules, hasColumnRule, skewOfSamples, skewSampleStep } from './geometry.js';
import type { GlyphCheck, PageGlyphs } from './glyphs.js';
import { withoutDarkBorders } from './borders.js';
import { faintRuleSegments } from './faint-rules.js';
import { withoutStrayStrokes } from './stray-strokes.js';
import { cellInk, faintInkBeside, faintTextBox, grownAlongLine, digitsOnly, faintDigitBeside, faintMinusBefore, hasBlankMarkShape, holdsFaintCharacter, inkBox, type CellInk } from './ink.js';
import { withoutGreySeals } from './seal-rings.js';
import { adaptiveMasks, cropToPng, expandBox, rotateRaster, scaleRaster, TEXT_CONTRAST, faintMaskBesideRules, textInkSamples, type InkMask, type Raster } from './raster.js';
import { readCells, readTitleLines, SURE_CONFIDENCE, type CellContext } from './read-cell.js';
import { emptyStretches, wordRows } from './empty-stretches.js';
import { measuredTextHeight } from './text-height.js';
import { gridsAreStray, inkLines, lineTextHeight, mayHoldOneTable, mayHoldTableOnPage, sidewaysLines, tableBandBesideGrids, wordBoxes, type InkLine } from './text-lines.js';
import { isNumberText } from './text-fix.js';

/** Which text outside the tables to read: the first lines above the first table (a report's title), or none. */
export type PageTextMode = 'title' | 'none';

export interface OcrPageOptions {
  engine: OcrEngine;
  /**
   * Text outside grids. The words of a page without a grid whose lines stand in columns are
   * always read (an unruled table); other text only as this says (titleLines). It may be known
   * only once the pages before are read: it is awaited after the cells.
   */
  text: PageTextMode | Promise<PageTextMode>;
}

/** What OCR made of one page image, and what it did to the image. */
export interface OcrPageResult {
  page: PositionedPage;
  /** Clockwise rotation applied (0, 90, 180, 270) and the skew corrected, degrees. */
  rotation: number;
  skew: number;
  grids: number;
  /** Runs of Chinese text read with some confidence outside the grids (titles, the words of unruled tables). */
  textRuns: number;
  /** Mean confidence of the cells and words read (0..1), null when nothing was read. */
  meanConfidence: number | null;
  /** The page's digit shapes and its numbers, for the document's shapes to judge again (glyphs.ts). */
  glyphs: PageGlyphs;
  /** Why nothing was read from the page, when nothing was. */
  nothingRead?: string;
}

/** Images are scaled so a page is at least this many pixels high (about 150 dpi for A4). */
const MIN_PAGE_HEIGHT = 1700;
/** Above this an A4 page is over 400 dpi: scale down, OCR gains nothing. */
const MAX_PAGE_HEIGHT = 4800;
/** Grid snap tolerance, as a share of the text height. */
const SNAP_SHARE = 0.25;

/** Pixels per inch of a page image, assuming a printed page (A4 long side 11.69 in). */
function dotsPerInch(raster: Raster): number {
  return Math.max(raster.width, raster.height) / 11.69;
}

interface Prepared {
  raster: Raster;
  /** Text ink, rules wiped out. */
  mask: InkMask;
  /** Faint ink, rules wiped out: a value printed too lightly for `mask` must not pass for a blank. */
  faint: InkMask;
  /**
   * Faint ink against the paper around it with the rules left out of the mean (a ruled page's; else
   * `faint`): evidence that a number's box does not hold all of it, never ink to read.
   */
  faintBesideRules: InkMask;
  edges: Edge[];
  grids: RuledGrid[];
  textHeight: number;
  snap: number;
}

/** Body text is 10.5–12 pt: about 0.15 in high on a page whose long side is A4's. */
function pageTextHeight(raster: Raster): number {
  return Math.max(12, dotsPerInch(raster) * 0.15);
}

/** Column rules a grid of one row needs (a label and three values at least): two rules and a stroke or two are no row. */
const MIN_ONE_ROW_RULES = 5;

/** The rules, the text with them wiped out, and the grids of a page whose ink masks are made. */
function prepare(raster: Raster, textHeight: number, contrast = TEXT_CONTRAST): Prepared {
  const masks = adaptiveMasks(raster, undefined, contrast);
  const snap = Math.max(2.5, textHeight * SNAP_SHARE);
  const found = closeOpenEnds(withoutStrayStrokes(findRules(masks.rulesH, masks.rulesV, textHeight), textHeight, masks.text), textHeight);
  const tables = (edges: readonly Edge[]): RuledGrid[] => {
    const grids = findGrids(edges, snap).filter((g) => g.xs.length >= 3 && g.ys.length >= 2);
    // A grid of one row is a table's row where the page's tables are ruled (a grid of rows beside it)
    // and it has cells enough: the rest of a table continued from the page before (drawn-011 p3:
    // 四、结转下年度继续办理 alone above 四, unread). On a page ruled with horizontal lines only, two
    // rules and a few strokes chained into short vertical ones frame no row (drawn-059 p1).
    const ruled = grids.some((g) => g.ys.length >= 3);
    return grids.filter((g) => g.ys.length >= 3 || (ruled && g.xs.length >= MIN_ONE_ROW_RULES));
  };
  // Segments of grid lines too faint for the masks, found on the pixels where the grid says a line may run.
  const faintSegments = faintRuleSegments(raster, tables(found), snap, textHeight);
  const edges = faintSegments.length > 0 ? [...found, ...faintSegments] : found;
  const grids = tables(edges);
  // The text alone: rules wiped out, so no piece of a rule (a corner, a cross) is taken for text.
  // A page of faint print is read with its text taken at a lower contrast (raster.ts pageTextContrast),
  // but only where no grid holds its cells: in a grid cell the lower contrast took noise beside a
  // number into its box, and OCR read it as a digit (office-013 p2, a heavy scan: 36 read "136"). (A
  // page is prepared at the usual contrast first: most pages are ruled, or print crisply.)
  if (grids.length === 0 && contrast === TEXT_CONTRAST && masks.fittedContrast < TEXT_CONTRAST) {
    const faintPrint = prepare(raster, textHeight, masks.fittedContrast);
    if (faintPrint.grids.length === 0) return faintPrint;
  }
  const ruleWidth = Math.max(1.5, textHeight * 0.08);
  const mask = eraseRules(masks.text, edges, ruleWidth);
  const faint = eraseRules(masks.faint, edges, ruleWidth);
  if (grids.length === 0) return { raster, mask, faint, faintBesideRules: faint, edges, grids, textHeight, snap };
  // On a ruled page, faint ink beside a number is also looked for against the paper around it with the
  // rules left out of the mean (the rules' pixels: the ink their wiping took from the faint mask): the 2
  // of drawn-111's faint 21 shows only so. Only as evidence that the box misses part of the number (its
  // reading then unsure): grown into such ink, office-013's heavy scan read a 36 as 136, and the text
  // mask taken so brought more of a cell's edge into its boxes.
  const rules = { ...masks.faint, data: masks.faint.data.map((v, i) => (v === 1 && faint.data[i] === 0 ? 1 : 0)) };
  return { raster, mask, faint, faintBesideRules: eraseRules(faintMaskBesideRules(raster, rules), edges, ruleWidth), edges, grids, textHeight, snap };
}

/**
 * A page straightened by the skew of its text's projection profile, measured with the rules still
 * in (a wiped rule's ends would sway it); the rest of the preparation is done once, on the
 * straightened page.
 */
async function deskewed(raster: Raster, textHeight: number | null): Promise<{ p: Prepared; skew: number }> {
  const step = skewSampleStep(raster.width, raster.height);
  const skew = skewOfSamples(textInkSamples(raster, step), raster.height, step);
  // A grey page's seals are lifted once it stands level: its rules, kept, then run along rows and columns (seal-rings.ts).
  const straight = withoutGreySeals(Math.abs(skew) >= 0.05 ? await rotateRaster(raster, -skew) : raster);
  await yieldToOthers();
  // A page's text height is guessed from the straightened page's size (rotation grows it a little).
  return { p: prepare(straight, textHeight ?? pageTextHeight(straight)), skew };
}

/** An A4 or Letter page, upright or turned (long side 1.29–1.41 times the short), with some margin for a crop. */
function pageShaped(raster: Raster): boolean {
  const ratio = Math.max(raster.width, raster.height) / Math.min(raster.width, raster.height);
  return ratio >= 1.2 && ratio <= 1.6 && Math.max(raster.width, raster.height) >= 1000;
}

/** The text height an image is read at when its size says nothing of it (a 200 dpi page's). */
const READ_TEXT_HEIGHT = 30;

/**
 * The image at the scale it is read at, and its text height. A page's text height follows from
 * its size (pageTextHeight, once straightened: null here), and a page is scaled to 150–400 dpi. An image of another shape (a
 * screenshot of one table, a cropped photo), whose size says nothing of its resolution, is scaled
 * so its measured text is as high as a 200 dpi page's.
 */
async function readingScale(raster: Raster): Promise<{ raster: Raster; textHeight: number | null }> {
  const measured = pageShaped(raster) ? null : measuredTextHeight(raster);
  if (measured === null) {
    const longSide = Math.max(raster.width, raster.height);
    let page = raster;
    if (longSide < MIN_PAGE_HEIGHT && longSide * 2 >= MIN_PAGE_HEIGHT * 0.75) page = await scaleRaster(raster, MIN_PAGE_HEIGHT / longSide);
    else if (longSide > MAX_PAGE_HEIGHT) page = await scaleRaster(raster, MAX_PAGE_HEIGHT / longSide);
    return { raster: page, textHeight: null };
  }
  const factor = Math.min(4, Math.max(0.5, READ_TEXT_HEIGHT / measured));
  if (Math.abs(factor - 1) < 0.1) return { raster, textHeight: measured };
  return { raster: await scaleRaster(raster, factor), textHeight: measured * factor };
}

/** A box grown to a line of text's height around its middle, inside `within` (a flat mark, read as a line). */
function lineAround(box: BBox, within: BBox, textHeight: number): BBox {
  const middle = (box.y0 + box.y1) / 2;
  return { x0: box.x0, x1: box.x1, y0: Math.max(within.y0, Math.min(box.y0, middle - textHeight * 0.6)), y1: Math.min(within.y1, Math.max(box.y1, middle + textHeight * 0.6)) };
}

/** One grid cell of a page: its box inside the rules, and what ink it holds. */
interface GridCellInk {
  inner: BBox;
  ink: CellInk;
  /** A word found by its ink, not a grid cell: never empty, and faint ink in it is no value slot. */
  word?: true;
}

/** The cells of a page to read: grid cells, or the words of an unruled table's lines. */
interface PageCells {
  cells: GridCellInk[];
  textHeight: number;
  /**
   * Where the cells come from: a grid cell seen empty is a printed blank; a word is never empty.
   * `mixed`: a page's grids, and the words of a table beside them that no grid holds.
   */
  source: 'grid' | 'words' | 'mixed' | 'none';
  /** Lines of text outside any grid (pages without one; a mixed page's lines). */
  lines: InkLine[];
  /** A mixed page: the band of the table its words were read in. */
  wordBand?: { y0: number; y1: number };
}

/** A grid cell narrower than this many text heights inside its rules is a sliver, not a column. */
const SLIVER = 0.8;

function cellInksAt(p: Prepared, textHeight: number): GridCellInk[] {
  const cells: GridCellInk[] = [];
  for (const grid of p.grids) {
    for (const cell of grid.cells) {
      // Inset by the resolution's scale, not the text's: rules are as thick at any font size.
      const inner = expandBox(cell.bbox, -Math.max(3, p.textHeight * 0.15));
      // A sliver between two close rules (a double rule, a screenshot's border at the image's edge, a
      // seal's stroke taken for a rule inside a cell: drawn-027) holds no character: no cell, and no
      // printed blank. A column is at least as wide as one character of its header.
      if (inner.x1 - inner.x0 >= textHeight * SLIVER && inner.y1 - inner.y0 >= textHeight * 0.4) cells.push({ inner, ink: withFaintText(cellInk(p.mask, inner, textHeight), p.faint, inner, textHeight, false, p.faintBesideRules) });
    }
  }
  return cells;
}

/**
 * Faint ink beside a box, found with the rules out of the mean, that makes its reading unsure: as much
 * as half the box's own (a digit's worth: drawn-111's 2 beside its 1). Less is the noise a grey scan
 * shows beside its rules (drawn-063, at a fifth: most of its readings had become unsure).
 */
const GLYPH_BESIDE_RULES = 0.5;

/**
 * A cell seen empty, holding only a dash, or only specks of the text mask (faint), that shows a
 * character's worth of faint ink: text (printed lightly), for the readers to try; what they cannot
 * agree on stays unreadable, never blank. A cell seen empty that shows less, but still faint ink
 * joined a digit high, is unreadable. Faint ink in pieces beside it on its line (the 5 of a
 * faint 52) makes it stray: the readers may see only part of the number.
 */
function withFaintText(ink: CellInk, faint: InkMask, inner: BBox, textHeight: number, word = false, besideRules: InkMask = faint): CellInk {
  if (ink.kind === 'text') return withFaintGlyphs(ink, faint, inner, textHeight);
  const mark = ink.kind === 'mark' ? ink.box : undefined;
  // Faint pieces beside the box, in the faint mask or (half a glyph's worth) in the one with the rules out of the mean.
  const strayBeside = (box: BBox): boolean => faintInkBeside(faint, box, inner, textHeight) || faintInkBeside(besideRules, box, inner, textHeight, GLYPH_BESIDE_RULES);
  const box = faintTextBox(faint, inner, textHeight, mark, false);
  if (box) return { kind: 'text', box, stray: strayBeside(box) };
  // Failing whole glyphs, faint pieces joined into glyphs, in a grid cell only: a word's box holds
  // one word, and on a page read by its words a label's faint strokes read at last (六) re-cut its
  // rows. (Such a box is no measure of the page's text height.)
  const joined = word ? null : faintTextBox(faint, inner, textHeight, mark, true);
  if (joined) return { kind: 'text', box: joined, stray: strayBeside(joined), joined: true };
  // Failing those, the glyphs of the faint mask taken with the rules out of the mean, in a grid cell:
  // at low resolution a cell is as high as the mean's box, its rules pull the mean down, and a faint
  // digit's thin strokes drop out of the faint mask (drawn-111, 121 dpi blurred: its 0s were 7 px of a
  // 12 px glyph, seen as ink too low to read, and 114 cells stayed unreadable).
  const besideTheRules = word || besideRules === faint ? null : faintTextBox(besideRules, inner, textHeight, mark, true);
  if (besideTheRules) return { kind: 'text', box: besideTheRules, stray: strayBeside(besideTheRules), joined: true };
  // Faint ink of a character's build, too low to read, is no cell seen empty: unreadable.
  return ink.kind === 'empty' && holdsFaintCharacter(faint, inner, textHeight) ? { kind: 'faint' } : ink;
}

/**
 * A one-line text box grown by the faint glyphs on its line: a digit of thin strokes that the
 * text mask broke into specks (the 2 of a 233) is whole at the lower contrast, and must not be
 * cut off the number.
 */
function withFaintGlyphs(ink: CellInk & { kind: 'text' }, faint: InkMask, inner: BBox, textHeight: number): CellInk {
  if (ink.box.y1 - ink.box.y0 > textHeight * 1.8) return ink;
  return { ...ink, box: grownAlongLine(faint, ink.box, inner, textHeight) };
}

/** The median height of one-line cell text (most cells hold one number), or null with too few cells. */
function medianLineHeight(cells: readonly GridCellInk[], around: number): number | null {
  const heights = cells
    .flatMap((c) => (c.ink.kind === 'text' && c.ink.joined !== true ? [c.ink.box.y1 - c.ink.box.y0] : []))
    .filter((h) => h < around * 2 && h > around * 0.3)
    .sort((a, b) => a - b);
  return heights.length >= 5 ? Math.max(10, heights[Math.floor(heights.length / 2)] as number) : null;
}

/**
 * The ink of every grid cell, looked at once per page image (orientation samples and reading
 * share it), and the page's real text height. What is a speck, a dash or faint ink depends on
 * the size of the text: the resolution's guess is replaced by the height the cells show (small
 * print at 200 dpi is half the guess, and its thin digits would fall apart into "specks").
 */
function gridCellInks(p: Prepared): { cells: GridCellInk[]; textHeight: number } {
  const first = cellInksAt(p, p.textHeight);
  const measured = medianLineHeight(first, p.textHeight);
  if (measured === null) return { cells: first, textHeight: p.textHeight };
  if (Math.abs(measured - p.textHeight) <= p.textHeight * 0.2) return { cells: first, textHeight: measured };
  return { cells: cellInksAt(p, measured), textHeight: measured };
}

/** The words of a page as cells (text-lines.ts wordBoxes), each with its ink. */
function wordCells(p: Prepared, textHeight: number): GridCellInk[] {
  const margin = Math.max(1, Math.floor(textHeight * 0.15));
  const words = wordBoxes(p.mask, { x0: 0, y0: 0, x1: p.raster.width, y1: p.raster.height }, textHeight);
  return words.map((word) => {
    const inner = { x0: word.x0 - margin, x1: word.x1 + margin, y0: word.y0 - margin, y1: word.y1 + margin };
    const ink = withFaintText(cellInk(p.mask, inner, textHeight), p.faint, inner, textHeight, true);
    // A digit printed lightly beside a number (the 5 of a 15 whose 1 alone made the word), or a minus
    // before it, makes the number's reading unsure: it may be part of the printed one.
    if (ink.kind !== 'text' || ink.stray || ink.box.y1 - ink.box.y0 > textHeight * 1.2 || !digitsOnly(p.mask, ink.box, textHeight)) return { inner, ink, word: true };
    const beside = lineBeside(words, word, textHeight);
    return { inner, ink: { ...ink, stray: faintDigitBeside(p.faint, ink.box, beside, textHeight) || faintMinusBefore(p.faint, ink.box, beside, textHeight) }, word: true };
  });
}

/** How far along its line a number is looked beside (text heights), and how far short of another word the look stops. */
const WORD_REACH = 1.5;
const WORD_CLEARANCE = 0.3;

/** The stretch of a word's line beside it, stopping short of the next words left and right of it on that line. */
function lineBeside(words: readonly BBox[], word: BBox, textHeight: number): BBox {
  const clearance = textHeight * WORD_CLEARANCE;
  let x0 = word.x0 - textHeight * WORD_REACH;
  let x1 = word.x1 + textHeight * WORD_REACH;
  for (const other of words) {
    if (other === word || Math.min(other.y1, word.y1) - Math.max(other.y0, word.y0) <= 0) continue;
    if (other.x1 <= word.x0) x0 = Math.max(x0, other.x1 + clearance);
    else if (other.x0 >= word.x1) x1 = Math.min(x1, other.x0 - clearance);
  }
  const pad = textHeight * 0.3;
  return { x0: Math.min(x0, word.x0), x1: Math.max(x1, word.x1), y0: word.y0 - pad, y1: word.y1 + pad };
}

/**
 * The cells of a page: its grid cells; on a page without ruling whose lines stand in columns (an
 * unruled table), the words of every line, each read as a cell is (both readers must agree on a
 * number; whole-page reading drops lone digits and garbles others); else none. An image that is no
 * page (a screenshot of one table) is read by its words when a single line of it is a row of values.
 */
function pageCells(p: Prepared, isPage: boolean, lines: readonly InkLine[]): PageCells {
  if (p.grids.length > 0) return isPage ? withTableBesideGrids(p, gridCellInks(p), lines) : { ...gridCellInks(p), source: 'grid', lines: [] };
  if (!(isPage ? mayHoldTableOnPage(lines, p.textHeight) : mayHoldOneTable(lines, p.textHeight))) return { cells: [], textHeight: p.textHeight, source: 'none', lines: [...lines] };
  const textHeight = lineTextHeight(lines, p.textHeight) ?? p.textHeight;
  return { cells: wordCells(p, textHeight), textHeight, source: 'words', lines: [...lines] };
}

/**
 * How far past the lines in columns (text heights) a table read by its words reaches: a line above
 * or below them, such as a row whose label and number ran together into one piece (行政事业性收费
 * 32095) or a band's heading.
 */
const BAND_REACH = 3;

/**
 * A page's grid cells, and where lines outside its grids stand in columns (a table ruled with
 * horizontal lines only, beside a grid a stray stroke framed), the words of that band as well:
 * read by its grids alone, drawn-007 p1 lost all of 二's table. Words level with a grid are its rows'.
 */
function withTableBesideGrids(p: Prepared, grid: { cells: GridCellInk[]; textHeight: number }, lines: readonly InkLine[]): PageCells {
  const band = tableBandBesideGrids(lines, p.grids, p.textHeight, p.snap);
  if (!band) return { ...grid, source: 'grid', lines: [] };
  const reach = grid.textHeight * BAND_REACH;
  // (Down the page only: a grid of a table's values leaves its labels outside it, beside its rows.)
  const inGrid = (b: BBox): boolean => p.grids.some((g) => b.y1 > g.bbox.y0 + p.snap && b.y0 < g.bbox.y1 - p.snap);
  const words = wordCells(p, grid.textHeight).filter((c) => c.inner.y0 >= band.y0 - reach && c.inner.y1 <= band.y1 + reach && !inGrid(c.inner));
  return { cells: [...grid.cells, ...words], textHeight: grid.textHeight, source: 'mixed', lines: [...lines], wordBand: band };
}

/**
 * A mixed page's rules outside the band its words were read in: the rules of a table read by its
 * words (ruled with horizontal lines only, a stroke or two chained into short vertical ones) would
 * frame small grids of its rows in layout, splitting the table between them and its lines.
 */
function edgesOutside(edges: readonly Edge[], band: { y0: number; y1: number }, textHeight: number): Edge[] {
  const reach = textHeight * BAND_REACH;
  const within = (y: number): boolean => y >= band.y0 - reach && y <= band.y1 + reach;
  return edges.filter((e) => !(e.orientation === 'h' ? within(e.position) : within(e.start) && within(e.end)));
}

/**
 * A page whose grids are strays: rules crossing by chance (a fold or a scanner's edge across a
 * table ruled with horizontal lines only) frame a few rows, while more lines outside every grid
 * stand in columns (the table itself, unruled); in an image file of one frame (a screenshot of one
 * table), also grids that leave its values outside, or most of whose area lies in grids without a
 * column rule (strokes chained into short rules). Read by its grids, the page lost the table; it is read as a page without rules (its words), its rules dropped.
 */
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Below this median column width (text heights) a grid's columns are characters, not a table's: the
 * strokes of a label column's characters (or its numbering) chained into short vertical "rules"
 * between the horizontal rules of a table ruled with those only (drawn-115 p3, a photo: a grid of
 * 5 × 5 cells 22–28 px wide, the text 26 px high, read as the page's only table: 56 of 200 cells,
 * by its words 160). On the drawn scans' pages the narrowest grid of a table otherwise is 1.6 text
 * heights (四's 15 columns); in their images one grid is under 1.2, a ruled 三 screenshot's
 * (drawn-090, 1.15), which its words read whole (161 of 161 cells, by the grid 131).
 */
const MIN_GRID_COLUMN_WIDTH = 1.2;

function medianColumnWidth(grid: RuledGrid): number {
  const widths = grid.xs.slice(1).map((x, i) => x - (grid.xs[i] as number)).sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)] ?? 0;
}

/** Rows outside the grids that make them strays: a table's worth, not a caption or two. */
const MIN_ROWS_OUTSIDE = 6;

function withoutStrayGrids(prepared: Prepared, loneImage: boolean, lines: readonly InkLine[]): Prepared {
  if (prepared.grids.length === 0) return prepared;
  // (An image of one table continues none from a page before: a grid of one row there is strokes, drawn-053.)
  const grids = prepared.grids.filter((g) => medianColumnWidth(g) >= prepared.textHeight * MIN_GRID_COLUMN_WIDTH && (!loneImage || g.ys.length >= 3));
  if (grids.length === 0) return { ...prepared, grids: [], edges: [] };
  const p = grids.length === prepared.grids.length ? prepared : { ...prepared, grids };
  // (A screenshot's rules are clean: a table's grid in one has its column rules whole.)
  const area = (g: RuledGrid): number => (g.bbox.x1 - g.bbox.x0) * (g.bbox.y1 - g.bbox.y0);
  const noColumnRules = loneImage && sum(p.grids.filter((g) => !hasColumnRule(g, p.edges, p.snap)).map(area)) > sum(p.grids.map(area)) / 2;
  return noColumnRules || (loneImage && rowsMostlyOutside(lines, p.grids, p.snap)) || gridsAreStray(lines, p.grids, p.textHeight, p.snap) ? { ...p, grids: [], edges: [] } : p;
}

/**
 * An image of one table whose grids frame a few of its rows, while most of its rows (label and value)
 * stand outside them: a table ruled with horizontal lines only, where a rule or two crossing a short
 * stroke framed a grid (drawn-053: three of 二's fifteen rows). Read by the grid, the rest were lost.
 */
function rowsMostlyOutside(lines: readonly InkLine[], grids: readonly RuledGrid[], snap: number): boolean {
  const inGrid = (l: InkLine): boolean => grids.some((g) => l.box.y0 >= g.bbox.y0 - snap && l.box.y1 <= g.bbox.y1 + snap);
  const gridRows = grids.reduce((n, g) => n + g.ys.length - 1, 0);
  const rowsOutside = lines.filter((l) => !inGrid(l) && l.pieces.length >= 2).length;
  return rowsOutside >= gridRows * 2 && rowsOutside >= MIN_ROWS_OUTSIDE;
}

/**
 * Samples of the page's text to judge its orientation by: the widest inked grid cells, or else
 * blocks of the page's ink (square, so they hold text whichever way it runs).
 */
function sampleBoxes(p: Prepared, cells: readonly GridCellInk[]): BBox[] {
  const boxes = cells.flatMap((c) => (c.ink.kind === 'text' ? [c.ink.box] : []));
  if (boxes.length > 0) return boxes.sort((a, b) => Math.max(b.x1 - b.x0, b.y1 - b.y0) - Math.max(a.x1 - a.x0, a.y1 - a.y0)).slice(0, 3);
  const side = Math.round(p.textHeight * 10);
  for (let y = 0; y + side <= p.raster.height; y += side) {
    for (let x = 0; x + side <= p.raster.width; x += side) {
      const ink = inkBox(p.mask, { x0: x, y0: y, x1: x + side, y1: y + side }, p.textHeight);
      if (ink && ink.x1 - ink.x0 > side * 0.6 && ink.y1 - ink.y0 > side * 0.6) boxes.push(ink);
    }
  }
  // Spread over the page: the first, middle and last block of ink.
  return boxes.length <= 2 ? boxes : [boxes[0] as BBox, boxes[Math.floor(boxes.length / 2)] as BBox];
}

/** Mean confidence of the sample boxes read turned by `rotate` degrees clockwise. */
async function sampleConfidence(p: Prepared, engine: OcrEngine, boxes: readonly BBox[], rotate: number): Promise<number> {
  let sum = 0;
  for (const box of boxes) {
    const png = await cropToPng(p.raster, box, { textHeight: p.textHeight, targetHeight: 36, margin: 10, rotate });
    sum += (await engine.readCellText(png)).confidence;
  }
  return boxes.length === 0 ? 1 : sum / boxes.length;
}

/** Ink lines that hold a report's title: the first few lines of text read (agency, title, year). */
const TITLE_LINES = 6;

/**
 * The first lines of a page (above its first grid), where a report's title is: read, as lines of
 * text, while the title is still to be found (text mode 'title'). Other text outside the tables is
 * not read: prose is not worth its reading time (a page of it costs more than all the cells of a
 * table), and the words of an unruled table's page are cells already.
 */
function titleLines(p: Prepared, read: PageCells): BBox[] {
  if (read.source === 'words') return [];
  const firstTableTop = Math.min(...p.grids.map((g) => g.bbox.y0), read.wordBand?.y0 ?? Infinity, p.raster.height);
  const lines = read.source === 'grid' || read.source === 'mixed' ? inkLines(p.mask, { x0: 0, y0: 0, x1: p.raster.width, y1: firstTableTop }, p.textHeight) : read.lines;
  return lines.slice(0, TITLE_LINES).map((line) => line.box);
}

/** A page image made ready for reading: scaled, straightened, its grids and cells found. */
export interface PreparedPage {
  prepared: Prepared;
  /**
   * The pixels the page was prepared from (turned by `turned`, not yet cleared of borders, scaled or
   * deskewed): a page found lying on its side only once read is turned from these (preparedTurned).
   */
  source: Raster;
  skew: number;
  read: PageCells;
  /** Clockwise degrees the page was turned while it was prepared (a page lying on its side, found no grid upright). */
  turned: number;
  /** An image file of one frame (a screenshot of one table, a photo), not a page of a document. */
  loneImage: boolean;
}

/** Lets other work waiting on this thread run (the reading of the page before) between long steps. */
const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The pixel work on a page, no reading: the part of a page that can be done while the page
 * before it is being read by the OCR workers (it yields between its long steps, so that page's
 * reading goes on as results come back).
 */
export async function preparePage(input: Raster, turned = 0, mayTurn = true, loneImage = false): Promise<PreparedPage> {
  // The scanner's dark edges and a photo's desk are no ink (borders.ts).
  const bordered = await withoutDarkBorders(input);
  // An image of another shape than a page's holds one table (a screenshot) or a part of a page.
  const isPage = pageShaped(bordered);
  const scaled = await readingScale(bordered);
  const deskewedPage = await deskewed(scaled.raster, scaled.textHeight);
  const { skew } = deskewedPage;
  await yieldToOthers();
  // The page's lines of text, found once: whether its grids are strays, and how it is read, both look at them.
  const lines = inkLines(deskewedPage.p.mask, { x0: 0, y0: 0, x1: deskewedPage.p.raster.width, y1: deskewedPage.p.raster.height }, deskewedPage.p.textHeight);
  const p = withoutStrayGrids(deskewedPage.p, loneImage, lines);
  const read = pageCells(p, isPage, lines);
  if (!mayTurn || read.source === 'grid' || read.source === 'mixed') return { prepared: p, source: input, skew, read, turned, loneImage };
  // Nothing to read upright, or few lines of text where the page turned shows many: a page lying on
  // its side (its skew, measured on text running down the page, was no skew at all), upright a few
  // rows of specks or none. It is turned when turned it shows a grid, or an unruled table (or one
  // ruled with horizontal lines only, which upright are rules down the page) of clearly more lines.
  const mayLieSideways = read.source === 'none' || (isPage && linesClearlyMore(sidewaysLines(p.mask, p.textHeight).length, read.lines.length));
  if (mayLieSideways) {
    const sideways = await preparePage(await rotateRaster(input, 90), 90, false, loneImage);
    if (sideways.prepared.grids.length > 0) return sideways;
    // (Not an image of another shape: a screenshot of 四 turned shows its 15 columns as lines.)
    if (sideways.read.source === 'words' && isPage && linesClearlyMore(sideways.read.lines.length, read.lines.length)) return sideways;
  }
  return { prepared: p, source: input, skew, read, turned, loneImage };
}

/** Lines of text a page lying on its side shows turned: a table's rows, more than a few. */
const MIN_SIDEWAYS_LINES = 8;

/** True when a page turned shows enough lines of text, and twice as many as upright. */
function linesClearlyMore(turnedLines: number, uprightLines: number): boolean {
  return turnedLines >= MIN_SIDEWAYS_LINES && turnedLines >= uprightLines * 2;
}

/** Reads a prepared page: its orientation (turned when it reads better so), cells and title. */
export async function readPreparedPage(page: PreparedPage, pageNumber: number, options: OcrPageOptions): Promise<OcrPageResult> {
  // A page lying on its side shows its cells' text standing up: turned the way its samples read best.
  if (liesSideways(page.read.cells, page.read.textHeight)) {
    const rotation = await sidewaysTurn(page, options.engine);
    return (await readPage(await preparedTurned(page, rotation), (page.turned + rotation) % 360, pageNumber, options)).result;
  }
  // Turned on its side while prepared: 90° or 270° is for its samples to say (upright or upside down).
  if (page.turned !== 0 && (await upsideDown(page, options.engine))) {
    return (await readPage(await preparedTurned(page, 180), (page.turned + 180) % 360, pageNumber, options)).result;
  }
  const upright = await readPage(page, page.turned, pageNumber, options);
  // Orientation, judged once the page is read: a page read upright gives confident text. When it
  // does not, the turn (90°, 180°, 270°) whose samples read clearly better is read instead.
  if (upright.cellConfidence === null || upright.cellConfidence >= ORIENTATION_DOUBT) return upright.result;
  const rotation = await betterTurn(page, options.engine);
  if (rotation === 0) return upright.result;
  return (await readPage(await preparedTurned(page, rotation), (page.turned + rotation) % 360, pageNumber, options)).result;
}

/**
 * A page turned by `rotation` once read, prepared again. A quarter turn starts from the pixels the
 * page was prepared from: lying on its side, the page's skew was measured on text running down it,
 * a wrong angle its prepared raster was resampled by, and resampling it again to undo that blurs
 * small print (drawn-091 p3, 153 dpi, turned 270°: its 四 read 0 of 15 cells, from its own pixels 13).
 * A half turn keeps the prepared raster: upside down, its skew was measured on its rows as they run,
 * and a half turn moves pixels without resampling them.
 */
async function preparedTurned(page: PreparedPage, rotation: number): Promise<PreparedPage> {
  const from = rotation === 180 ? page.prepared.raster : page.source;
  return preparePage(await rotateRaster(from, rotation), 0, false, page.loneImage);
}

/**
 * Reads a document's prepared pages in order, the next one starting while the one before is still
 * read. A report's title (agency, year) is its first text: the text above the tables is read on
 * each page until a page gives some, so a page waits for the pages before it only for that, once
 * its cells are read.
 */
export function documentPageReader(engine: OcrEngine): (page: PreparedPage, pageNumber: number) => Promise<OcrPageResult> {
  let titleFound: Promise<boolean> = Promise.resolve(false);
  return (page, pageNumber) => {
    const before = titleFound;
    const reading = readPreparedPage(page, pageNumber, { engine, text: before.then((found) => (found ? 'none' : 'title')) });
    // A page that failed fails its document; the pages after it need no title then.
    titleFound = Promise.all([before, reading]).then(
      ([found, result]) => found || result.textRuns > 0,
      () => true,
    );
    return reading;
  };
}

/**
 * True when the page's multi-character text boxes stand (much taller than wide) far more often
 * than they lie: a table turned 90° or 270° (its labels and numbers run down the page). Digits
 * read sideways can still look confident (a 0 is a 0 either way), so the cells' confidence alone
 * does not tell.
 */
function liesSideways(cells: readonly GridCellInk[], textHeight: number): boolean {
  let standing = 0;
  let lying = 0;
  for (const { ink } of cells) {
    if (ink.kind !== 'text') continue;
    const w = ink.box.x1 - ink.box.x0;
    const h = ink.box.y1 - ink.box.y0;
    if (Math.max(w, h) < textHeight * 1.6) continue;
    if (h > w * 1.6) standing++;
    else if (w > h * 1.6) lying++;
  }
  return standing >= 8 && standing > lying * 3;
}

/** 90 or 270: the clockwise turn under which the tallest text boxes read better. */
async function sidewaysTurn(page: PreparedPage, engine: OcrEngine): Promise<number> {
  const samples = page.read.cells
    .flatMap((c) => (c.ink.kind === 'text' ? [c.ink.box] : []))
    .sort((a, b) => b.y1 - b.y0 - (a.y1 - a.y0))
    .slice(0, 4);
  const right = await sampleConfidence(page.prepared, engine, samples, 90);
  const left = await sampleConfidence(page.prepared, engine, samples, 270);
  return left > right ? 270 : 90;
}

/** True when the page's widest text boxes (labels) read better turned 180°. */
async function upsideDown(page: PreparedPage, engine: OcrEngine): Promise<boolean> {
  const samples = sampleBoxes(page.prepared, page.read.cells);
  if (samples.length === 0) return false;
  return (await sampleConfidence(page.prepared, engine, samples, 180)) > (await sampleConfidence(page.prepared, engine, samples, 0));
}

/** Below this mean confidence of its cells a page may be turned: its samples are read every way. */
const ORIENTATION_DOUBT = 0.7;

/** The turn (clockwise degrees) whose samples read clearly better than upright, or 0. */
async function betterTurn(page: PreparedPage, engine: OcrEngine): Promise<number> {
  const samples = sampleBoxes(page.prepared, page.read.cells);
  if (samples.length === 0) return 0;
  const upright = await sampleConfidence(page.prepared, engine, samples, 0);
  if (upright >= 0.6) return 0;
  let best = upright;
  let rotation = 0;
  for (const turn of [90, 180, 270]) {
    const confidence = await sampleConfidence(page.prepared, engine, samples, turn);
    if (confidence > best + 0.15) {
      best = confidence;
      rotation = turn;
    }
  }
  return rotation;
}

/** Reads a prepared page (turned `rotation` degrees already): its cells, then its title lines. */
async function readPage(page: PreparedPage, rotation: number, pageNumber: number, options: OcrPageOptions): Promise<{ result: OcrPageResult; cellConfidence: number | null }> {
  const { engine } = options;
  const { prepared: p, skew, read } = page;
  const { textHeight } = read;
  const ctx: CellContext = { raster: p.raster, mask: p.mask, engine, textHeight };
  const runs: TextRun[] = [];
  const inks: { ink: BBox; stray: boolean; mark: boolean; inner: BBox; word: boolean }[] = [];
  for (const { inner, ink, word } of read.cells) {
    // A dash by its shape is read too, a whole line of text high: the foot of a serif 1 or the
    // bar of a 3 whose other strokes are too faint for the mask looks like a dash.
    if (ink.kind === 'text') inks.push({ ink: ink.box, stray: ink.stray, mark: false, inner, word: word === true });
    // A slash is a blank by its shape (no bar, unlike a 7; slanted, unlike a 1) when no faint
    // glyph shows beside it (withFaintText): the readers take a slash with a blot at its top for a 7.
    else if (ink.kind === 'mark' && ink.shape === 'slash') runs.push({ text: SEEN_BLANK, bbox: inner, confidence: 1 });
    else if (ink.kind === 'mark') inks.push({ ink: lineAround(ink.box, inner, textHeight), stray: false, mark: true, inner, word: word === true });
    // Faint ink that is neither text nor a mark is unreadable; a grid cell seen empty says so (a
    // blank is seen, never assumed from a missing reading); a word of specks is no cell at all.
    // (A faint word is left out: where a value stood, its slot is unread anyway, and beside a label it would pass for one.)
    else if (ink.kind === 'faint' && !word) runs.push({ text: UNREAD_MARK, bbox: inner, confidence: 0 });
    else if (!word) runs.push({ text: SEEN_BLANK, bbox: inner, confidence: 1 });
  }
  const reads = await readCells(
    ctx,
    inks.map((c) => c.ink),
  );
  const checks: GlyphCheck[] = [];
  const wordRuns: TextRun[] = [];
  reads.runs.forEach((read, i) => {
    const cell = inks[i];
    // A mark is a blank unless both readers agree on a number there (faint ink around it made the
    // cell text already: withFaintText).
    if (cell?.mark && !(isNumberText(read.text) && read.confidence >= SURE_CONFIDENCE)) {
      runs.push({ text: SEEN_BLANK, bbox: cell.inner, confidence: 1 });
      return;
    }
    // A reader's dash or slash for ink of another shape (a faint 36 read as 一) is no printed blank.
    if (cell && !cell.mark && read.text === SEEN_BLANK && !hasBlankMarkShape({ text: p.mask, faint: p.faint }, cell.ink, textHeight)) Object.assign(read, { text: UNREAD_MARK, confidence: 0 });
    // Ink left out of the box may be part of the number (a faint digit broken into specks).
    else if (cell?.stray && /\d/.test(read.text)) read.confidence = Math.min(read.confidence, 0.5);
    // Ink that reads as nothing is not a blank: it stays in the table as unreadable.
    else if (read.text.trim() === '') Object.assign(read, { text: UNREAD_MARK, confidence: 0 });
    // A grid cell's words the Chinese reader made nothing of ("人公关" for （一）予以公开, at 0.09) are no
    // label: matched by the words they happen to hold they would give the row's values to another
    // row. Left out, the grid row is the one standard row missing between the rows read around it,
    // or stays unread. (On a page without rules a word left out would join its values to the row
    // above: there the garbled label stays, an unknown label that holds its row apart.)
    if (!cell?.word && isGarbledWords(read)) return;
    runs.push(read);
    if (cell?.word) wordRuns.push(read);
    const check = reads.checks[i];
    // A stray-capped number stays capped: only readings that stand as read are judged again.
    if (check && !cell?.stray) checks.push({ ...check, run: read });
  });
  const poor = readsPoorly(runs);
  if (poor) {
    // At 120 dpi with blur and noise a 0 fades out of the ink mask or flattens into a dash: on a page
    // whose numbers read this poorly, no cell is seen empty or dashed with certainty (unreadable, never
    // a printed blank).
    runs.forEach((r, i) => {
      if (r.text === SEEN_BLANK) runs[i] = { ...r, text: UNREAD_MARK, confidence: 0 };
    });
  }
  const textRuns = (await options.text) === 'title' ? await readTitleLines(ctx, titleLines(p, read)) : [];
  runs.push(...textRuns);
  await engine.pageDone();
  const confidences = runs.map((r) => r.confidence);
  const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
  const result: OcrPageResult = {
    page: { number: pageNumber, width: p.raster.width, height: p.raster.height, unit: 'px', runs, edges: read.wordBand ? edgesOutside(p.edges, read.wordBand, textHeight) : p.edges, method: 'ocr', snapTolerance: p.snap },
    rotation,
    skew,
    grids: p.grids.length,
    textRuns: [...textRuns, ...wordRuns].filter((r) => r.confidence >= 0.6 && /\p{Script=Han}/u.test(r.text)).length,
    meanConfidence: mean(confidences),
    glyphs: { model: reads.shapes, checks },
  };
  // A page read by its words shows a printed blank as nothing: where its lines are verifiably empty
  // (both masks), the table code may see a blank under a header column (align.ts). Not on a page
  // that reads poorly: there a 0 may have faded out of both masks.
  if ((read.source === 'words' || read.source === 'mixed') && !poor) result.page.emptyStretches = emptyStretches(p.mask, p.faint, wordRows(read.cells.filter((c) => c.word === true).map((c) => c.inner), textHeight), textHeight);
  if (runs.length === 0) result.nothingRead = whyNothingRead(p, read);
  return { result, cellConfidence: mean(reads.runs.map((r) => r.confidence)) };
}

/**
 * Below this confidence a reading of three Han characters or more is noise, not a label: labels read
 * right score 0.6 and up. (A short label read right can score less: 规章 at 0.08 on a light print,
 * so two characters are kept whatever their score.) ("(人公江" at 0.10 for （一）予以公开 under faint
 * ink, drawn-019: matched to no row, it kept 三's row from being placed between its neighbours.)
 */
const GARBLED_WORDS_CONFIDENCE = 0.2;
const GARBLED_WORDS_LENGTH = 3;

/** True for a reading of three Han characters or more that the Chinese reader itself gives almost no confidence. */
function isGarbledWords(read: TextRun): boolean {
  return read.confidence < GARBLED_WORDS_CONFIDENCE && (read.text.match(/\p{Script=Han}/gu) ?? []).length >= GARBLED_WORDS_LENGTH;
}

/**
 * Share of a page's value cells left unsure (a number read below SURE_CONFIDENCE, or ink nobody could
 * read) above which its blanks are not seen with certainty either: a readable page leaves under a
 * fifth unsure (drawn-019's noisy grey page 16%), a page at 120 dpi with blur and noise half or more.
 */
const POOR_PAGE_UNSURE_SHARE = 0.35;
/** Value cells a page must hold for that share to say anything of it. */
const POOR_PAGE_SAMPLES = 10;

/** True when so many of a page's value cells read unsure that its blanks cannot be trusted. */
function readsPoorly(runs: readonly TextRun[]): boolean {
  const values = runs.filter((r) => r.text === UNREAD_MARK || isNumberText(r.text));
  const unsure = values.filter((r) => r.text === UNREAD_MARK || r.confidence < SURE_CONFIDENCE).length;
  return values.length >= POOR_PAGE_SAMPLES && unsure > values.length * POOR_PAGE_UNSURE_SHARE;
}

/** Why a page gave no text: what was and was not found on it. */
function whyNothingRead(p: Prepared, read: PageCells): string {
  if (p.grids.length > 0) return 'its table grid holds no cell that could be read';
  if (read.lines.length === 0) return 'no line of text was found on it (blank, too faint, or no text)';
  return `${read.lines.length} line(s) of text but no table: no ruled grid, no words standing in columns (text outside tables is not read once the title is found)`;
}

/** Below this mean confidence a page's reading is reported as poor. */
const POOR_PAGE_CONFIDENCE = 0.6;

/** What is worth telling about how a page was read: turned, deskewed, poorly read. */
export function ocrPageIssues(result: OcrPageResult, page: number): Issue[] {
  const issues: Issue[] = [];
  if (result.rotation !== 0) issues.push(makeIssue('info', 'extract', 'ocr_page_rotated', `page ${page}: turned ${result.rotation}° to read it`, { page }));
  if (Math.abs(result.skew) >= 0.5) issues.push(makeIssue('info', 'extract', 'ocr_page_deskewed', `page ${page}: straightened by ${result.skew}°`, { page }));
  if (result.nothingRead) issues.push(makeIssue('info', 'extract', 'ocr_page_nothing_read', `page ${page}: nothing read, ${result.nothingRead}`, { page }));
  if (result.meanConfidence !== null && result.meanConfidence < POOR_PAGE_CONFIDENCE) {
    issues.push(makeIssue('warning', 'extract', 'ocr_low_confidence', `page ${page}: mean OCR confidence ${result.meanConfidence.toFixed(2)}; the scan is poor`, { page }));
  }
  return issues;
}
