/**
 * Reads table cells from their tight ink boxes. One-line cells are read in stacks (many cells per
 * engine call) by two different models: eng digits (whitelist) and chi_sim. A number counts as
 * read only when the two models spell the same number (after look-alike mapping, O→0, l→1 …);
 * cells they disagree on are read again at other scales, and still only a reading both models
 * share is taken. A number without such agreement keeps a low confidence, so reconstruction marks
 * it unreadable rather than guess. Cells the Chinese reader sees as Han text are labels.
 */
import { SEEN_BLANK, type BBox, type TextRun } from '../../model/document.js';
import type { OcrEngine, OcrText, OcrWord } from './engine.js';
import { GlyphModel, glyphShapes, SHAPE_CONFIRMED_CONFIDENCE, type GlyphCheck, type GlyphShapes } from './glyphs.js';
import { glyphBoxes, inkSpans, isLoneStroke, printedWidth, startsWithMinus, verticalToHorizontal } from './ink.js';
import { cropToPng, expandBox, stackCrops, type InkMask, type Raster } from './raster.js';
import { digitsFromLookAlikes, isNumberText, removeHanSpaces, withOnesLeftOut } from './text-fix.js';

/** When the two models never agree on a number, its confidence is capped here (below any acceptance threshold). */
const DISAGREEMENT_CONFIDENCE = 0.3;
/**
 * Pixel heights the two models read at: first pass, then the passes for cells they still disagree
 * on (the third, between the others for the Chinese reader and above them for the digits, only for
 * cells the second left undecided: a few in a hundred).
 */
const FIRST_PASS = { digits: 24, han: 26 };
const AGAIN_PASSES = [
  { digits: 30, han: 40 },
  { digits: 36, han: 32 },
];
const HAN_HEIGHT = 36;
/** A 1 read by one model and confirmed by its shape: taken, with less confidence than two readings. */
const LONE_STROKE_CONFIDENCE = 0.8;
/** A number read with less confidence than this is not taken (reconstruction's MIN_OCR_CONFIDENCE): it is read again. */
export const SURE_CONFIDENCE = 0.75;
/** Agreements this confident teach the page's digit shapes. */
const LEARN_CONFIDENCE = 0.9;
/** Samples of a digit a page's own shapes need before they veto two readers (the document's need one: glyphs.ts). */
const PAGE_VETO_SAMPLES = 3;
/** A reading this confident that spells another number vetoes an agreement. */
const CONTRADICTION_CONFIDENCE = 0.6;
/** Cells per engine call: a stack this tall stays a small image. */
const STACK_SIZE = 40;

const HAN = /[\u3400-\u9fff]/;
/** What a cell prints for "nothing": a slash, a dash (which chi_sim may read as 一). */
const BLANK_MARK = /^[/／\\—–－一-]+$/;

/** What the page knows that a cell reading needs. */
export interface CellContext {
  raster: Raster;
  mask: InkMask;
  engine: OcrEngine;
  /** Typical height of one line of text on this page, pixels. */
  textHeight: number;
}

/**
 * True when `digits` could fill an ink box this wide: a digit with its spacing is at most about
 * its height wide (0.8 in most fonts, up to 1.0 in wide ones), so a box much wider holds more than
 * the reading (Han text read as digits).
 */
function widthFits(digits: string, ink: BBox, textHeight: number): boolean {
  const height = Math.min(ink.y1 - ink.y0, textHeight * 1.3);
  return ink.x1 - ink.x0 <= (digits.length * 1.1 + 0.8) * height && ink.y1 - ink.y0 <= textHeight * 1.8;
}

/** The widest a digit prints, as a share of its height (a 0 or a 4 of a wide font; most print narrower). */
const DIGIT_WIDTH = 0.75;
/** A gap in a number's ink this wide (share of its height) parts two words; a narrower one is a digit's spacing. */
const WORD_GAP = 0.35;

/**
 * True when the ink is wider than the number read can fill by more than half a digit: a digit both
 * readers missed stands in it (drawn-055: a faint 1 beside a 3, "31" read 3 by both, sure). Its
 * printed width is measured, not its box: two numbers run together keep the gap between them
 * (drawn-051's "2980", 298 and 0).
 */
function inkWiderThanReading(ctx: CellContext, text: string, ink: BBox): boolean {
  const height = ink.y1 - ink.y0;
  // (A count of thousands may print a comma the readers leave out, "28,803" read 28803: half a digit each.)
  const digits = text.replace(/\D/g, '').length;
  const commas = Math.floor(Math.max(0, digits - 1) / 3) * 0.5;
  return printedWidth(ctx.mask, ink, height * WORD_GAP) > (text.length + commas + 0.6) * DIGIT_WIDTH * height;
}

function run(text: string, bbox: BBox, confidence: number, vertical = false): TextRun {
  return { text, bbox, confidence: Math.max(0, Math.min(1, confidence)), ...(vertical ? { vertical } : {}) };
}

/** The region of a cell's ink that is cropped for the engine: a little paper around it. */
function cropBox(ctx: CellContext, ink: BBox): { box: BBox; textHeight: number } {
  return { box: expandBox(ink, Math.round(ctx.textHeight * 0.15)), textHeight: Math.min(ink.y1 - ink.y0, ctx.textHeight * 1.2) };
}

/** The words of a stack that fall in each crop's band, joined left to right. */
function byBand(words: readonly OcrWord[], bands: readonly { y0: number; y1: number }[], gap: number): OcrText[] {
  const found: OcrWord[][] = bands.map(() => []);
  for (const word of words) {
    const y = (word.bbox.y0 + word.bbox.y1) / 2;
    const k = bands.findIndex((b) => y >= b.y0 - gap / 2 && y < b.y1 + gap / 2);
    if (k >= 0) found[k]?.push(word);
  }
  return found.map((ws) => {
    const sorted = [...ws].sort((a, b) => a.bbox.x0 - b.bbox.x0);
    return { text: sorted.map((w) => w.text).join(' '), confidence: sorted.length === 0 ? 0 : Math.min(...sorted.map((w) => w.confidence)) };
  });
}

/** One model's readings of ink boxes at one text height, STACK_SIZE boxes per engine call, every call sent at once. */
async function readStack(ctx: CellContext, inks: readonly BBox[], height: number, read: (png: Buffer) => Promise<OcrWord[]>): Promise<OcrText[]> {
  const chunks: BBox[][] = [];
  for (let i = 0; i < inks.length; i += STACK_SIZE) chunks.push(inks.slice(i, i + STACK_SIZE));
  const texts = await Promise.all(
    chunks.map(async (chunk) => {
      const stack = await stackCrops(
        ctx.raster,
        chunk.map((ink) => cropBox(ctx, ink)),
        height,
      );
      const found = byBand(await read(stack.png), stack.bands, stack.gap);
      return chunk.map((_, k) => found[k] ?? { text: '', confidence: 0 });
    }),
  );
  return texts.flat();
}

/**
 * Ink this much wider than high holds no number (twelve digits with separators are narrower): a
 * label on one line, which the digit reader is not asked to read.
 */
const MAX_NUMBER_ASPECT = 8;

/**
 * Both models' readings of each ink box, at the given text heights, many boxes per engine call;
 * the models run in their own threads, at once. Ink too wide for a number is read by the Chinese
 * model alone.
 */
async function readStacked(ctx: CellContext, inks: readonly BBox[], heights: { digits: number; han: number }): Promise<{ digits: OcrText; han: OcrText }[]> {
  const numeric = inks.flatMap((ink, i) => (ink.x1 - ink.x0 <= (ink.y1 - ink.y0) * MAX_NUMBER_ASPECT ? [i] : []));
  const [digits, han] = await Promise.all([
    readStack(
      ctx,
      numeric.map((i) => inks[i] as BBox),
      heights.digits,
      (png) => ctx.engine.readDigitWords(png),
    ),
    readStack(ctx, inks, heights.han, (png) => ctx.engine.readCellTextWords(png)),
  ]);
  const byInk = new Map(numeric.map((i, k) => [i, digits[k]]));
  return inks.map((_, i) => ({ digits: byInk.get(i) ?? { text: '', confidence: 0 }, han: han[i] ?? { text: '', confidence: 0 } }));
}

/** One glyph about as wide as it is tall: a Han character (无), never one digit (a 0 is about half as wide). */
function isOneSquareGlyph(ctx: CellContext, ink: BBox): boolean {
  const glyphs = glyphBoxes(ctx.mask, ink, ctx.textHeight);
  const [glyph] = glyphs;
  return glyphs.length === 1 && glyph !== undefined && glyph.x1 - glyph.x0 >= (glyph.y1 - glyph.y0) * 0.8;
}

/**
 * True when the Chinese reader read the same Han character at every scale, each time sure, while
 * the digit reader never read one number twice nor any with confidence: the glyph is that
 * character (果, the last character of a wrapped label), whatever digits the digit model made of
 * it. A digit the Chinese reader takes for a character (7 → 了) is one the digit reader knows.
 */
function sameCharacterEveryTime(r: CellReadings, hanText: string): boolean {
  if (r.han.length < 2 || !r.han.every((h) => removeHanSpaces(h.text) === hanText && h.confidence >= SURE_CONFIDENCE)) return false;
  const digits = r.digits.filter((d) => isNumberText(d.text));
  return new Set(digits.map((d) => d.text)).size === digits.length && digits.every((d) => d.confidence < CONTRADICTION_CONFIDENCE);
}

/** Every reading of one cell so far, by model. */
interface CellReadings {
  ink: BBox;
  minus: boolean;
  digits: OcrText[];
  han: OcrText[];
}

/** What the readings of a one-line cell make of it. */
type Verdict = { kind: 'number'; run: TextRun } | { kind: 'text'; han: OcrText } | { kind: 'undecided' };

function signed(text: string | null, minus: boolean): string | null {
  return text !== null && minus && /^\d/.test(text) ? `-${text}` : text;
}

/**
 * Judges a cell by its readings. A printed dash or slash is a blank; Han text (a label, or 无) is
 * text; a number both models spell is read; anything else is undecided.
 */
function judge(ctx: CellContext, r: CellReadings): Verdict {
  const first = r.han[0] ?? { text: '', confidence: 0 };
  const hanText = removeHanSpaces(first.text);
  if (BLANK_MARK.test(hanText) && first.confidence >= 0.5) return { kind: 'number', run: run(SEEN_BLANK, r.ink, first.confidence) };
  const fits = (t: string | null): t is string => t !== null && widthFits(t, r.ink, ctx.textHeight);
  const digitNumbers = r.digits.map((d) => ({ text: signed(isNumberText(d.text) ? d.text : null, r.minus), confidence: d.confidence }));
  const hanNumbers = r.han.map((h) => ({ text: signed(digitsFromLookAlikes(removeHanSpaces(h.text)), r.minus), confidence: h.confidence }));
  // Two Han characters or more are words (a numbered label, "2.重复申请"), whatever digits they hold.
  const hanCount = [...hanText].filter((ch) => HAN.test(ch)).length;
  // Han text is a label, or 无 … but a character or two where the digit reader sees a number may
  // be a digit the Chinese reader took for a character (0 → 无, 7 → 了): not text, then; unless
  // the ink is one glyph as wide as a Han character, which no single digit is.
  // Two digits or more read with some confidence are two glyphs or more, whatever the ink's shape:
  // blur can join a 1 and an 8 into one square blot, which is then no 无 (a printed blank).
  const digitsSure = digitNumbers.some((d) => fits(d.text) && d.text.replace('-', '').length >= 2 && d.confidence >= CONTRADICTION_CONFIDENCE);
  const digitSeen = digitNumbers.some((d) => fits(d.text)) && [...hanText].length <= 2 && !(hanCount === 1 && !digitsSure && (isOneSquareGlyph(ctx, r.ink) || sameCharacterEveryTime(r, hanText)));
  const words = hanCount >= 2 || (hanCount === 1 && !/\d/.test(hanText) && !digitSeen && hanNumbers[0]?.text === null);
  if (words && first.confidence >= 0.6) {
    return { kind: 'text', han: { text: hanText, confidence: first.confidence } };
  }
  if (!digitNumbers.some((d) => fits(d.text)) && !hanNumbers.some((h) => fits(h.text))) {
    // No number in sight: Han characters make it text; stray marks ("]", "'") are ink that a
    // closer look may still read, and never a label.
    return HAN.test(hanText) ? { kind: 'text', han: { text: hanText, confidence: first.confidence } } : { kind: 'undecided' };
  }
  // Only a value both models read counts; two values each read by both would be a contradiction.
  const agreed = new Map<string, number>();
  for (const d of digitNumbers) {
    for (const h of hanNumbers) {
      if (fits(d.text) && d.text === h.text) agreed.set(d.text, Math.max(agreed.get(d.text) ?? 0, d.confidence, h.confidence));
    }
  }
  // A confident reading of another number (the first pass read 5, the second pass both read 3)
  // is a contradiction: two against one is no agreement.
  const confident = [...digitNumbers, ...hanNumbers].filter((n) => fits(n.text) && n.confidence >= CONTRADICTION_CONFIDENCE);
  if (agreed.size === 1) {
    const [[text, confidence]] = [...agreed] as [[string, number]];
    if (confident.every((n) => n.text === text) && !inkWiderThanReading(ctx, text, r.ink)) return { kind: 'number', run: run(text, r.ink, confidence) };
    return { kind: 'undecided' };
  }
  // A lone upright stroke is a 1 when a reader says so and none reads another number: the shape
  // stands in for the model that dropped it.
  const numbers = new Set([...digitNumbers, ...hanNumbers].flatMap((n) => (n.text === null ? [] : [n.text])));
  if (agreed.size === 0 && numbers.size === 1 && numbers.has('1') && isLoneStroke(ctx.mask, r.ink)) {
    return { kind: 'number', run: run('1', r.ink, LONE_STROKE_CONFIDENCE) };
  }
  if (agreed.size === 0 && onesDroppedByHan(ctx, r, digitNumbers, hanNumbers)) return { kind: 'number', run: run(digitNumbers[0]?.text as string, r.ink, LONE_STROKE_CONFIDENCE) };
  return { kind: 'undecided' };
}

/** A 1, even with a foot serif, is this much taller than wide at least. */
const UPRIGHT_ONE = 1.2;

/**
 * The Chinese reader drops thin 1s (+11 read as +1). The digit reader's number stands when it read
 * the same, sure, at both scales; every Chinese reading of a number is it with 1s left out; and the
 * ink holds one glyph per character, each 1 upright (the page's digit shapes may still veto it).
 */
function onesDroppedByHan(ctx: CellContext, r: CellReadings, digitNumbers: readonly { text: string | null; confidence: number }[], hanNumbers: readonly { text: string | null }[]): boolean {
  const [first] = digitNumbers;
  const number = first?.text;
  if (digitNumbers.length < 2 || !number || number.includes('.') || !widthFits(number, r.ink, ctx.textHeight)) return false;
  if (!digitNumbers.every((d) => d.text === number && d.confidence >= LEARN_CONFIDENCE)) return false;
  const han = hanNumbers.flatMap((h) => (h.text === null ? [] : [h.text]));
  if (han.length === 0 || !han.every((h) => withOnesLeftOut(number, h))) return false;
  const glyphs = glyphBoxes(ctx.mask, r.ink, ctx.textHeight);
  const upright = (g: BBox | undefined): boolean => g !== undefined && g.y1 - g.y0 >= (g.x1 - g.x0) * UPRIGHT_ONE;
  return glyphs.length === number.length && [...number].every((ch, k) => ch !== '1' || upright(glyphs[k]));
}

/** The best single reading of a number the models never agreed on, with a confidence below acceptance. */
function unagreed(ctx: CellContext, r: CellReadings): TextRun {
  const digits = r.digits.map((d) => signed(isNumberText(d.text) ? d.text : null, r.minus)).find((t) => t !== null && widthFits(t, r.ink, ctx.textHeight));
  const han = r.han.map((h) => signed(digitsFromLookAlikes(removeHanSpaces(h.text)), r.minus)).find((t) => t !== null);
  const confidence = Math.min(DISAGREEMENT_CONFIDENCE, ...r.digits.map((d) => d.confidence));
  return run(digits ?? han ?? r.digits[0]?.text ?? '', r.ink, confidence);
}

/** What reading one-line cells gives: per cell a number run or the Chinese reading of text. */
type OneLineVerdict = { kind: 'number'; run: TextRun } | { kind: 'text'; han: OcrText };

/** A number's glyphs and readings, for the document's digit shapes to judge again. */
export type PendingGlyphCheck = Omit<GlyphCheck, 'run'>;

/**
 * Reads one-line cells as numbers, many per engine call. Returns per cell a number run (a printed
 * blank mark included), or the Chinese reading when the cell is text, and for each number what
 * the document's digit shapes need to judge it again; `shapes` learns the page's digits.
 */
async function readOneLineCells(ctx: CellContext, inks: readonly BBox[], shapes: GlyphModel): Promise<{ verdicts: OneLineVerdict[]; checks: (PendingGlyphCheck | null)[] }> {
  const readings: CellReadings[] = (await readStacked(ctx, inks, FIRST_PASS)).map((r, i) => {
    const ink = inks[i] as BBox;
    return { ink, minus: startsWithMinus(ctx.mask, ink, ctx.textHeight), digits: [r.digits], han: [r.han] };
  });
  const glyphs = inks.map((ink) => glyphShapes(ctx.mask, ink, ctx.textHeight));
  const verdicts = readings.map((r) => judge(ctx, r));
  // The page's own digit shapes, from what both models read with confidence: a third reader.
  verdicts.forEach((v, i) => {
    if (v.kind === 'number' && v.run.confidence >= LEARN_CONFIDENCE) shapes.learn(glyphs[i] as GlyphShapes, v.run.text);
  });
  const contradicted = (v: Verdict, i: number): boolean => v.kind === 'number' && isNumberText(v.run.text) && shapes.contradicts(glyphs[i] as GlyphShapes, v.run.text, PAGE_VETO_SAMPLES);
  verdicts.forEach((v, i) => {
    if (contradicted(v, i)) verdicts[i] = { kind: 'undecided' };
  });
  const agreed = verdicts.map((v) => v.kind === 'number');
  // Read again at other scales: cells the models disagree on, and numbers both read without
  // confidence enough to be taken (a second agreement may be sure; a contradiction unmakes it).
  const unsure = (v: Verdict): boolean => v.kind === 'number' && isNumberText(v.run.text) && v.run.confidence < SURE_CONFIDENCE;
  let again = verdicts.flatMap((v, i) => (v.kind === 'undecided' || unsure(v) ? [i] : []));
  for (const [pass, heights] of AGAIN_PASSES.entries()) {
    if (again.length === 0) break;
    const more = await readStacked(
      ctx,
      again.map((i) => inks[i] as BBox),
      heights,
    );
    const lastPass = pass === AGAIN_PASSES.length - 1;
    const undecided: number[] = [];
    again.forEach((i, k) => {
      const r = readings[i] as CellReadings;
      const reading = more[k];
      if (reading) {
        r.digits.push(reading.digits);
        r.han.push(reading.han);
      }
      const verdict = judge(ctx, r);
      if (verdict.kind === 'number' && !contradicted(verdict, i)) {
        verdicts[i] = verdict;
        agreed[i] = true;
        return;
      }
      if (verdict.kind === 'text') {
        verdicts[i] = verdict;
        return;
      }
      // Still no agreement: read once more at the next scale.
      if (!lastPass) {
        verdicts[i] = { kind: 'undecided' };
        undecided.push(i);
        return;
      }
      // One model's reading that the shapes spell glyph by glyph is two readers of three.
      const confirmed = shapes.confirms(glyphs[i] as GlyphShapes, candidateNumbers(ctx, r));
      verdicts[i] = { kind: 'number', run: confirmed !== null ? run(confirmed, r.ink, SHAPE_CONFIRMED_CONFIDENCE) : unagreed(ctx, r) };
      agreed[i] = confirmed !== null;
    });
    again = undecided;
  }
  const final = verdicts.map((v, i): OneLineVerdict => (v.kind === 'undecided' ? { kind: 'number', run: unagreed(ctx, readings[i] as CellReadings) } : v));
  const checks = final.map((v, i): PendingGlyphCheck | null => {
    if (v.kind !== 'number' || BLANK_MARK.test(v.run.text) || v.run.text === SEEN_BLANK) return null;
    return { shapes: glyphs[i] as GlyphShapes, agreed: agreed[i] === true, candidates: candidateNumbers(ctx, readings[i] as CellReadings) };
  });
  return { verdicts: final, checks };
}

/** Every number either model read for a cell that fits its ink box. */
function candidateNumbers(ctx: CellContext, r: CellReadings): string[] {
  const digits = r.digits.map((d) => signed(isNumberText(d.text) ? d.text : null, r.minus));
  const han = r.han.map((h) => signed(digitsFromLookAlikes(removeHanSpaces(h.text)), r.minus));
  return [...digits, ...han].filter((t): t is string => t !== null && widthFits(t, r.ink, ctx.textHeight));
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

/** One line of text read as Chinese text, scaled by its own height. */
async function readLine(ctx: CellContext, box: BBox): Promise<TextRun> {
  const png = await cropToPng(ctx.raster, expandBox(box, Math.round(ctx.textHeight * 0.15)), { textHeight: box.y1 - box.y0, targetHeight: HAN_HEIGHT, margin: 10 });
  const read = await ctx.engine.readCellText(png);
  return run(removeHanSpaces(read.text), box, read.confidence);
}

/** A title's year ("2020年") and its end ("…年度报告") both read: the lines after it are prose. */
const TITLE_DONE = { year: /\d{4}\s*年/, end: /报\s*告/ };

/**
 * Reads the first lines of a page (where a report's title is: agency, year) as Chinese text, each
 * scaled by its own height (a title's large characters read at the size of body text misread: 府
 * as 遍). Two at a time, in order (the second line's crop is made while the first is read), until
 * the lines read hold a year and the title's end: a line of prose costs more than a row of cells.
 */
export async function readTitleLines(ctx: CellContext, boxes: readonly BBox[]): Promise<TextRun[]> {
  const runs: TextRun[] = [];
  for (let i = 0; i < boxes.length; i += 2) {
    runs.push(...(await Promise.all(boxes.slice(i, i + 2).map((box) => readLine(ctx, box)))));
    const text = runs.map((r) => r.text).join('');
    if (TITLE_DONE.year.test(text) && TITLE_DONE.end.test(text)) break;
  }
  return runs.filter((r) => r.text.trim() !== '');
}

/** True when a cell's ink is one line of text (most cells: one number). */
function isOneLine(ctx: CellContext, ink: BBox): boolean {
  return ink.y1 - ink.y0 <= ctx.textHeight * 1.8;
}

/** Cells read, with the page's digit shapes and the numbers the document's shapes will judge again. */
export interface CellReads {
  runs: TextRun[];
  /** Per cell (same order as the runs): the number's glyphs and readings, or null. */
  checks: (PendingGlyphCheck | null)[];
  shapes: GlyphModel;
}

/**
 * Reads cells from their ink boxes: one-line cells as numbers (stacked), the rest, and one-line
 * cells that turn out to be text the Chinese reader was unsure of, as text, line by line.
 */
export async function readCells(ctx: CellContext, inks: readonly BBox[]): Promise<CellReads> {
  const oneLine = inks.flatMap((ink, i) => (isOneLine(ctx, ink) ? [i] : []));
  const shapes = new GlyphModel();
  const { verdicts, checks: oneLineChecks } = await readOneLineCells(
    ctx,
    oneLine.map((i) => inks[i] as BBox),
    shapes,
  );
  const runs: (TextRun | null)[] = inks.map(() => null);
  const checks: (PendingGlyphCheck | null)[] = inks.map(() => null);
  oneLine.forEach((i, k) => {
    const verdict = verdicts[k];
    checks[i] = oneLineChecks[k] ?? null;
    if (verdict?.kind === 'number') runs[i] = verdict.run;
    // A confident one-line label needs no second reading.
    else if (verdict && verdict.han.confidence >= SURE_CONFIDENCE) runs[i] = run(verdict.han.text, inks[i] as BBox, verdict.han.confidence);
  });
  // Labels read line by line, each call queued on the Chinese reader at once.
  const out = await Promise.all(inks.map((ink, i) => runs[i] ?? readText(ctx, ink)));
  return { runs: out, checks, shapes };
}
