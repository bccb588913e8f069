/**
 * Strokes of characters taken for rules. In a table ruled across only (three-line tables, rules
 * between rows and none between columns), or in a small image, the long vertical strokes of
 * characters (丨 in 行, 中, 申) pass the rule finder's length test; each then becomes a column
 * boundary, and the grid they make cuts labels and numbers apart, or wipes them out with the
 * rule. A short vertical rule is a real one only where it runs from one horizontal rule to another
 * (a cell's side); a stroke stops short of them (the cell's padding).
 */
import type { Edge } from '../../model/document.js';

/** Vertical rules at least this many text heights long are rules whatever they meet. */
const LONG_RULE = 3;

/** The edges without short vertical runs that do not reach a horizontal rule at both ends. */
export function withoutStrayStrokes(edges: readonly Edge[], textHeight: number): Edge[] {
  const horizontals = edges.filter((e) => e.orientation === 'h');
  const reach = textHeight * 0.35;
  const meets = (v: Edge, y: number): boolean => horizontals.some((h) => Math.abs(h.position - y) <= reach && h.start <= v.position + reach && h.end >= v.position - reach);
  return edges.filter((e) => e.orientation === 'h' || e.end - e.start >= textHeight * LONG_RULE || (meets(e, e.start) && meets(e, e.end)));
}
