/**
 * Columns of plain text laid out with padding (src/extract/text-columns.ts gives each cell its
 * character columns). Padding is coarse: a value sits a character either side of its column, and
 * the first value after a label that overflows its column is pushed right, by as much as the
 * label overflows. So the columns are read from the rows printed whole (value k is in column k),
 * the first column only bounded by the second; and a row with empty cells gone is placed as a
 * whole, order kept, each value at the column nearest it, and only when no other placement
 * comes close.
 */
import { clusterValues } from '../layout/cluster.js';
import type { HeaderPositions, Slot } from './slots.js';

type Anchor = 'x0' | 'mid' | 'x1';

/** A value may sit this far (characters) from its column's anchor, columns after the first. */
const REACH = 2;
/** Columns from whole rows: after the first, a column's values lie within this span of each other. */
const MAX_SPREAD = 2;
/** Rows lining up that show a page is set in columns (text with two spaces between cells lines up by chance in one). */
const MIN_ROWS = 3;
/** Neighbouring columns lie at least this far apart (characters), more by the columns' own spread. */
const MIN_GAP = 3;
/** What a character beyond REACH costs in the first column, whose values a label may push right. */
const FIRST_COLUMN_SLACK = 0.25;
/** A placement is taken only when every other costs at least this much more (characters). */
const MARGIN = 1.5;
/** Gaps enough to tell text set apart by one separator from text padded to columns. */
const MIN_GAPS_TO_JUDGE = 6;

function anchorOf(slot: Slot, anchor: Anchor): number {
  const box = slot.bbox;
  if (!box) return NaN;
  return anchor === 'x0' ? box.x0 : anchor === 'x1' ? box.x1 : (box.x0 + box.x1) / 2;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The columns of a table page from its rows printed with all n values: for the anchor (start, end
 * or centre) under which columns 2..n line up tightest, each column's median. Undefined when no
 * anchor lines them up, or neighbouring columns come too close to tell apart.
 */
export function characterColumns(rows: readonly (readonly Slot[])[], n: number): HeaderPositions | undefined {
  if (n < 2 || rows.some((r) => r.some((s) => !s.bbox))) return undefined;
  if (oneSeparator(rows)) return undefined;
  const whole = rows.filter((r) => r.length === n);
  const best = whole.length > 0 ? columnsOfWholeRows(whole, n) : columnsOfValues(rows, n);
  if (!best) return undefined;
  const { anchor, anchors } = best;
  const columns = anchors.map((a, k) => {
    const left = k === 0 ? a - 1000 : (a + (anchors[k - 1] as number)) / 2;
    const right = k === anchors.length - 1 ? a + 1000 : (a + (anchors[k + 1] as number)) / 2;
    return { start: left, span: right - left };
  });
  const header: HeaderPositions = { kind: 'x', columns, anchor, anchors, characters: true };
  // One row lines up with itself: it takes rows enough, whole or with a blank or two gone whose
  // values all sit on the columns, to show that the page is set in columns.
  const fitting = rows.filter((r) => r.length >= n - 2 && r.length < n && sitsOnColumns(r, header)).length;
  return whole.length + fitting >= MIN_ROWS ? header : undefined;
}

/**
 * Whether every value stands the same number of spaces after the one before it: cells set apart by
 * one separator ("8  0  5  0  0  13"), not padded to columns. Such rows line up only by chance (labels
 * of one length, numbers of one width), so their positions say nothing about columns.
 */
function oneSeparator(rows: readonly (readonly Slot[])[]): boolean {
  const gaps = rows.flatMap((r) => r.slice(1).map((s, k) => (s.bbox as NonNullable<Slot['bbox']>).x0 - ((r[k] as Slot).bbox as NonNullable<Slot['bbox']>).x1));
  return gaps.length >= MIN_GAPS_TO_JUDGE && new Set(gaps).size === 1;
}

type Fit = { anchor: Anchor; anchors: number[]; spread: number };

/** Columns from rows printed whole: value k is in column k. */
function columnsOfWholeRows(whole: readonly (readonly Slot[])[], n: number): Fit | undefined {
  let best: Fit | undefined;
  for (const anchor of ['x0', 'x1', 'mid'] as const) {
    const byColumn = Array.from({ length: n }, (_, k) => whole.map((r) => anchorOf(r[k] as Slot, anchor)));
    const spread = Math.max(...byColumn.slice(1).map((v) => Math.max(...v) - Math.min(...v)));
    const anchors = byColumn.map(median);
    if (spread <= MAX_SPREAD && apart(anchors, spread) && (!best || spread < best.spread)) best = { anchor, anchors, spread };
  }
  return best;
}

/**
 * Columns of a page where no row is printed whole (a page continuing 三, its blanks gone): every
 * value but a row's first (which a label may push right) falls into one of exactly n − 1 tight
 * clusters, each held by two values at least: columns 2..n. The first column is what lies left.
 */
function columnsOfValues(rows: readonly (readonly Slot[])[], n: number): Fit | undefined {
  let best: Fit | undefined;
  for (const anchor of ['x0', 'x1', 'mid'] as const) {
    const later = rows.flatMap((r) => r.slice(1).map((s) => anchorOf(s, anchor)));
    const clusters = clusterValues(later, 1);
    if (clusters.length !== n - 1 || clusters.some((c) => c.length < 2)) continue;
    const spread = Math.max(...clusters.map((c) => (c.at(-1) as number) - (c[0] as number)));
    const rest = clusters.map(median);
    const firsts = rows.map((r) => anchorOf(r[0] as Slot, anchor)).filter((x) => x < (rest[0] as number) - REACH);
    const anchors = [firsts.length > 0 ? median(firsts) : (rest[0] as number) - ((rest[1] ?? 0) - (rest[0] as number)), ...rest];
    if (apart(anchors, spread) && (!best || spread < best.spread)) best = { anchor, anchors, spread };
  }
  return best;
}

/** Neighbouring columns far enough apart for values to tell them apart. */
function apart(anchors: readonly number[], spread: number): boolean {
  return anchors.every((a, k) => k === 0 || a - (anchors[k - 1] as number) >= MIN_GAP + spread);
}

/** Whether every value of a row after the first column sits within a character of a column's anchor, in a placement of its own. */
function sitsOnColumns(row: readonly Slot[], header: HeaderPositions): boolean {
  const placed = placeByCharacters(row, header.anchors?.length ?? 0, header);
  if (!placed || !header.anchor) return false;
  return placed.every((slot, k) => k === 0 || !slot || Math.abs(anchorOf(slot, header.anchor as Anchor) - (header.anchors?.[k] ?? NaN)) <= 1);
}

/** What placing a value at `at` in column k costs; Infinity where it cannot be. */
function costOf(at: number, k: number, anchors: readonly number[]): number {
  const a = anchors[k] as number;
  const d = Math.abs(at - a);
  // The first column: anything short of the second column's reach (a label's overflow pushes it
  // right), the further off the dearer.
  if (k === 0) return at < (anchors[1] ?? Infinity) - REACH - 1 ? Math.max(0, d - REACH) * FIRST_COLUMN_SLACK : Infinity;
  return d <= REACH ? d : Infinity;
}

/**
 * Places a row's values (printed order kept) in n columns by their character positions: the
 * cheapest placement, when it is the only one within MARGIN of that cost; null otherwise.
 */
export function placeByCharacters(slots: readonly Slot[], n: number, header: HeaderPositions): (Slot | null)[] | null {
  const { anchor, anchors } = header;
  if (!anchor || !anchors || anchors.length !== n) return null;
  const values = slots.filter((s) => s.text.trim() !== '');
  if (values.length > n || values.some((s) => !s.bbox)) return null;
  const at = values.map((s) => anchorOf(s, anchor));
  // best(i, k): the cheapest placement of values i.. in columns k.., and the second cheapest.
  const m = values.length;
  const memo = new Map<number, [number, number]>();
  const best = (i: number, k: number): [number, number] => {
    if (i === m) return [0, Infinity];
    if (n - k < m - i) return [Infinity, Infinity];
    const key = i * (n + 1) + k;
    const hit = memo.get(key);
    if (hit) return hit;
    const options: number[] = [];
    for (let c = k; c <= n - (m - i); c++) {
      const here = costOf(at[i] as number, c, anchors);
      if (here === Infinity) continue;
      const [first, second] = best(i + 1, c + 1);
      options.push(here + first, here + second);
    }
    options.sort((a, b) => a - b);
    const result: [number, number] = [options[0] ?? Infinity, options[1] ?? Infinity];
    memo.set(key, result);
    return result;
  };
  const [cheapest, next] = best(0, 0);
  if (cheapest === Infinity || next - cheapest < MARGIN) return null;
  // Walk the cheapest placement.
  const cells: (Slot | null)[] = new Array<Slot | null>(n).fill(null);
  let k = 0;
  for (let i = 0; i < m; i++) {
    for (let c = k; c <= n - (m - i); c++) {
      const here = costOf(at[i] as number, c, anchors);
      if (here !== Infinity && Math.abs(here + best(i + 1, c + 1)[0] - best(i, k)[0]) < 1e-9) {
        cells[c] = values[i] as Slot;
        k = c + 1;
        break;
      }
    }
  }
  return cells;
}
