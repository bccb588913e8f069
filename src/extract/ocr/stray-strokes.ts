/**
 * Strokes of characters taken for rules. In a table ruled across only (three-line tables, rules
 * between rows and none between columns), or in a small image, the long strokes of characters
 * (丨 in 行 and 申, 一 joined along a line of 二, 三 and 正) pass the rule finder's length test;
 * each then becomes a cell boundary, and the grid they make cuts labels and numbers apart, or
 * wipes them out with the rule. A short rule is a real one only where it runs from one rule across
 * it to another (a cell's side); a stroke stops short of them (the cell's padding).
 */
import type { Edge } from '../../model/document.js';
import type { InkMask } from './raster.js';

/** Rules at least this many text heights long are rules whatever they meet (vertical, horizontal). */
const LONG_RULE = { v: 3, h: 6 };

/**
 * Share of a short run's length at or above which strokes cross it (ink just beyond it on both
 * sides, at one point along it): a character's stroke is crossed by the character's other strokes
 * (the middle stroke of 结果维持: 0.20–0.23 on drawn-030), a rule only by the rules across it, which
 * its ends stay clear of (real short rules of the drawn scans' grids: 0.01–0.02).
 */
const CROSSED_SHARE = 0.1;

/** The share of a run's length (its ends left out) where the text mask holds ink just beyond it on both sides. */
function crossedShare(text: InkMask, e: Edge, textHeight: number): number {
  const off = Math.ceil(Math.max(3, textHeight * 0.12));
  const inset = Math.round(textHeight * 0.3);
  const line = Math.round(e.position);
  const horizontal = e.orientation === 'h';
  const inkAt = (along: number, across: number): boolean => {
    const x = horizontal ? along : across;
    const y = horizontal ? across : along;
    return x >= 0 && y >= 0 && x < text.width && y < text.height && text.data[y * text.width + x] === 1;
  };
  let length = 0;
  let crossed = 0;
  for (let a = Math.ceil(e.start) + inset; a <= Math.floor(e.end) - inset; a++) {
    length++;
    if (inkAt(a, line - off) && inkAt(a, line + off)) crossed++;
  }
  return length === 0 ? 0 : crossed / length;
}

/**
 * True when the rules of its own direction nearest on both sides of a run (over most of its
 * length) are each under a text height away: the run would cut one row of text in two, neither
 * part tall enough to hold a line of its own.
 */
function cutsOneLine(e: Edge, edges: readonly Edge[], textHeight: number): boolean {
  const length = e.end - e.start;
  const over = edges.filter((o) => o !== e && o.orientation === e.orientation && Math.min(o.end, e.end) - Math.max(o.start, e.start) >= length * 0.5);
  const before = Math.max(-Infinity, ...over.filter((o) => o.position < e.position).map((o) => o.position));
  const after = Math.min(Infinity, ...over.filter((o) => o.position > e.position).map((o) => o.position));
  return e.position - before < textHeight && after - e.position < textHeight;
}

/**
 * The edges without short runs that neither reach a rule across them at both ends nor continue a
 * long rule of their own line (a column rule broken by noise into pieces, one per row). With the
 * text mask, also without short runs that strokes cross and that cut a row of text in two: a
 * character's stroke joined along a line of characters set close to a cell's side (结果维持 in the
 * first column of 四's groups on a 110 dpi screenshot, drawn-030) reaches the rules at both ends,
 * and as a rule it split the row and wiped the label out (two dashes: 17 values in 15 columns).
 */
export function withoutStrayStrokes(edges: readonly Edge[], textHeight: number, text?: InkMask): Edge[] {
  const reach = textHeight * 0.35;
  const long = (e: Edge): boolean => e.end - e.start >= textHeight * LONG_RULE[e.orientation];
  const meets = (e: Edge, at: number): boolean =>
    edges.some((o) => o.orientation !== e.orientation && Math.abs(o.position - at) <= reach && o.start <= e.position + reach && o.end >= e.position - reach);
  const continues = (e: Edge): boolean => edges.some((o) => o !== e && o.orientation === e.orientation && long(o) && Math.abs(o.position - e.position) <= reach);
  const stroke = (e: Edge): boolean => text !== undefined && cutsOneLine(e, edges, textHeight) && crossedShare(text, e, textHeight) >= CROSSED_SHARE;
  return edges.filter((e) => long(e) || continues(e) || (meets(e, e.start) && meets(e, e.end) && !stroke(e)));
}
