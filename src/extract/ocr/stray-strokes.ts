/**
 * Strokes of characters taken for rules. In a table ruled across only (three-line tables, rules
 * between rows and none between columns), or in a small image, the long strokes of characters
 * (丨 in 行 and 申, 一 joined along a line of 二, 三 and 正) pass the rule finder's length test;
 * each then becomes a cell boundary, and the grid they make cuts labels and numbers apart, or
 * wipes them out with the rule. A short rule is a real one only where it runs from one rule across
 * it to another (a cell's side); a stroke stops short of them (the cell's padding).
 */
import type { Edge } from '../../model/document.js';

/** Rules at least this many text heights long are rules whatever they meet (vertical, horizontal). */
const LONG_RULE = { v: 3, h: 6 };

/**
 * The edges without short runs that neither reach a rule across them at both ends nor continue a
 * long rule of their own line (a column rule broken by noise into pieces, one per row).
 */
export function withoutStrayStrokes(edges: readonly Edge[], textHeight: number): Edge[] {
  const reach = textHeight * 0.35;
  const long = (e: Edge): boolean => e.end - e.start >= textHeight * LONG_RULE[e.orientation];
  const meets = (e: Edge, at: number): boolean =>
    edges.some((o) => o.orientation !== e.orientation && Math.abs(o.position - at) <= reach && o.start <= e.position + reach && o.end >= e.position - reach);
  const continues = (e: Edge): boolean => edges.some((o) => o !== e && o.orientation === e.orientation && long(o) && Math.abs(o.position - e.position) <= reach);
  return edges.filter((e) => long(e) || (meets(e, e.start) && meets(e, e.end)) || continues(e));
}
