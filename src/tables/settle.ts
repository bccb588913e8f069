/**
 * The third step of decoding: each row's value tokens become its cells. Position evidence decides
 * where the source has it (grid columns, tab stops and pipes, header word boxes); where it does not
 * (blank cells dropped, digits glued together, one number broken over two lines), every placement,
 * split or join the tokens allow is a candidate, and the identities choose. One candidate left: the
 * values, flagged inferred. None or several: the row is unreadable, and the issue names them.
 */
import { foldText } from './normalise.js';
import type { HeaderPositions, Slot } from './slots.js';
import type { DecodedRow } from './align.js';

/** One way of reading a row: a slot (or null for a blank) per column. */
export interface Candidate {
  cells: (Slot | null)[];
  /** Placed, split or joined by the decoder rather than by a position the source printed. */
  derived: boolean;
  /** Columns from this index on were cut off with the source (a truncated page): missing. */
  missingFrom?: number;
}

/** The candidates of one row, and why there are none when there are none. */
export interface RowCandidates {
  candidates: Candidate[];
  reason?: string;
}

/** Options: grid tables whose value columns are the last n (三, 四). */
export interface SettleOptions {
  valuesAtGridEnd?: boolean;
}

/** More candidates than this for one row: it is not decoded (unreadable), not enumerated further. */
const MAX_CANDIDATES = 20_000;

function isEmpty(slot: Slot): boolean {
  return foldText(slot.text).trim() === '';
}

const single = (cells: (Slot | null)[], derived = false): RowCandidates => ({ candidates: [{ cells, derived }] });
const none = (reason: string): RowCandidates => ({ candidates: [], reason });

/** Every candidate reading of a row of n columns. */
export function rowCandidates(row: DecodedRow, n: number, options: SettleOptions = {}): RowCandidates {
  const { slots } = row;
  if (slots.length === 0) {
    // Positioned text under known columns: nothing printed in them is a blank row, as in a grid.
    if (row.header?.kind === 'x' && row.header.columns.length === n) return single(new Array<Slot | null>(n).fill(null));
    return none('no values printed for the row');
  }
  if (row.mode === 'grid' && options.valuesAtGridEnd && row.gridWidth !== undefined) {
    const placed = placeByGrid(slots, n, row.valueColumns?.length === n ? row.valueColumns : row.gridWidth);
    if (placed) return single(placed);
  }
  if (row.header && row.header.columns.length === n) {
    const placed = placeByHeader(slots, n, row.header);
    if (placed) return placed;
  }
  // A pipe table is a full grid, so the value columns are the line's last n cells.
  if (row.separator === 'pipe' && options.valuesAtGridEnd && slots.length > n && slots.slice(0, slots.length - n).every(isEmpty)) {
    return single(slots.slice(slots.length - n));
  }
  const glued = slots.some((s) => s.glued && /^\d{2,}$/.test(foldText(s.text).trim()));
  if (slots.length === n && !glued) return single([...slots]);
  if (slots.length > n) {
    const trimmed = trimEdges(slots, n);
    if (trimmed) return single(trimmed);
    const joined = joinBrokenDigits(slots, n).map((cells) => ({ cells, derived: true }));
    // The source cut off right after the row: its last token may be the start of the next label ("2" of "2.其他…").
    if (row.atSourceEnd && slots.length === n + 1) joined.push({ cells: slots.slice(0, n), derived: true });
    if (joined.length > 0) return { candidates: joined };
    return none(`${slots.length} values where ${n} columns are printed`);
  }
  // Fewer values than columns. A positional row cut off with the source: the first cells are read.
  if (row.atSourceEnd && row.mode === 'separated' && !row.lostBlanks && !glued) {
    const cells = [...slots, ...new Array<Slot | null>(n - slots.length).fill(null)];
    return { candidates: [{ cells, derived: false, missingFrom: slots.length }] };
  }
  return placements(slots, n);
}

/**
 * Every way the row's tokens fill n columns in order: glued digit strings cut into one or more
 * numbers (no part with a leading zero), and blanks where cells were dropped.
 */
function placements(slots: readonly Slot[], n: number): RowCandidates {
  const filled = slots.filter((s) => !isEmpty(s));
  const explicitBlanks = slots.length - filled.length;
  if (explicitBlanks > 0 && slots.length < n) {
    // Empty cells were printed, so the cells that are there stand where they stand... except that some were dropped.
  }
  const expansions: Slot[][] = [];
  let overflow = false;
  const expand = (k: number, acc: Slot[]): void => {
    if (overflow) return;
    if (acc.length > n) return;
    if (k === slots.length) {
      expansions.push([...acc]);
      if (expansions.length > MAX_CANDIDATES) overflow = true;
      return;
    }
    const slot = slots[k] as Slot;
    const digits = foldText(slot.text).trim();
    if (slot.glued && /^\d{2,}$/.test(digits)) {
      for (let parts = 1; parts <= Math.min(digits.length, n - acc.length); parts++) {
        for (const split of digitSplits(digits, parts)) expand(k + 1, [...acc, ...split.map((part) => ({ ...slot, split: part }))]);
      }
      return;
    }
    expand(k + 1, [...acc, slot]);
  };
  expand(0, []);
  if (overflow) return none(`too many ways to read ${slots.length} values into ${n} columns`);
  const candidates: Candidate[] = [];
  for (const values of expansions) {
    for (const positions of choose(n, values.length)) {
      const cells = new Array<Slot | null>(n).fill(null);
      positions.forEach((p, i) => (cells[p] = values[i] as Slot));
      candidates.push({ cells, derived: true });
      if (candidates.length > MAX_CANDIDATES) return none(`too many ways to read ${slots.length} values into ${n} columns`);
    }
  }
  return { candidates };
}

/** The k-subsets of 0..n-1 in increasing order. */
function choose(n: number, k: number): number[][] {
  if (k > n) return [];
  const out: number[][] = [];
  const walk = (start: number, acc: number[]): void => {
    if (acc.length === k) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i <= n - (k - acc.length); i++) walk(i + 1, [...acc, i]);
  };
  walk(0, []);
  return out;
}

/**
 * One cell's digits broken over two lines ("2" / "47" for 247): more tokens than columns, and
 * adjacent digit tokens from different lines may be one number. Every way of joining them.
 */
function joinBrokenDigits(slots: readonly Slot[], n: number): (Slot | null)[][] {
  const joins = slots.length - n;
  if (joins > 3) return [];
  const out: (Slot | null)[][] = [];
  const walk = (k: number, acc: Slot[], left: number): void => {
    if (k === slots.length) {
      if (left === 0) out.push(acc);
      return;
    }
    const slot = slots[k] as Slot;
    walk(k + 1, [...acc, slot], left);
    const prev = acc.at(-1);
    if (left > 0 && prev && prev.line !== slot.line && /^[1-9]\d*$/.test(foldText(prev.split ?? prev.text).trim()) && /^\d+$/.test(foldText(slot.text).trim())) {
      const joined: Slot = { ...prev, split: foldText(prev.split ?? prev.text).trim() + foldText(slot.text).trim(), confidence: Math.min(prev.confidence, slot.confidence) };
      walk(k + 1, [...acc.slice(0, -1), joined], left - 1);
    }
  };
  walk(0, [], joins);
  return out;
}

/**
 * Markup: the value columns are the grid columns the table's rows start their values in, where
 * known (`columns`), else the table's last n grid columns (`columns` is the grid width).
 */
function placeByGrid(slots: readonly Slot[], n: number, columns: number | readonly number[]): (Slot | null)[] | null {
  if (typeof columns === 'number' && columns < n) return null;
  const indexOf = (col: number): number => (typeof columns === 'number' ? col - (columns - n) : columns.indexOf(col));
  const cells: (Slot | null)[] = new Array<Slot | null>(n).fill(null);
  for (const slot of slots) {
    if (slot.col === undefined) return null;
    const index = indexOf(slot.col);
    if (index < 0 || index >= n) {
      if (isEmpty(slot)) continue;
      return null;
    }
    if (cells[index]) return null;
    cells[index] = slot;
  }
  return cells;
}

/** Places each slot under the header column whose position covers it (二's bands, templates.md §3.1). */
function placeByHeader(slots: readonly Slot[], n: number, header: HeaderPositions): RowCandidates | null {
  const cells: (Slot | null)[] = new Array<Slot | null>(n).fill(null);
  const spanning: { slot: Slot; columns: number[] }[] = [];
  for (const slot of slots) {
    let columns: number[];
    if (header.kind === 'x') {
      if (!slot.bbox) return null;
      columns = coveredColumns(slot.bbox.x0, slot.bbox.x1, header);
    } else {
      const position = header.kind === 'grid' ? slot.col : slot.cellIndex;
      if (position === undefined) return null;
      const index = header.columns.findIndex((c) => position >= c.start && position < c.start + c.span);
      columns = index < 0 ? [] : [index];
    }
    if (columns.length === 0 || columns.some((c) => c >= n)) {
      if (isEmpty(slot)) continue;
      return null;
    }
    if (columns.length > 1) {
      spanning.push({ slot, columns });
      continue;
    }
    const index = columns[0] as number;
    if (cells[index]) {
      if (isEmpty(slot)) continue;
      if (!isEmpty(cells[index] as Slot)) return null;
    }
    cells[index] = slot;
  }
  if (spanning.length === 0) return single(cells);
  return splitSpanning(cells, spanning);
}

/**
 * Numbers run together across columns ("2544343163" over 其他 and 总计): every split of each over
 * the columns it covers is a candidate (the identities choose).
 */
function splitSpanning(cells: (Slot | null)[], spanning: { slot: Slot; columns: number[] }[]): RowCandidates | null {
  if (spanning.length > 2) return null;
  if (spanning.some(({ slot, columns }) => columns.some((c) => cells[c] && !isEmpty(cells[c] as Slot)) || !/^\d+$/.test(foldText(slot.text).trim()))) {
    return null;
  }
  const options = spanning.map(({ slot, columns }) => digitSplits(foldText(slot.text).trim(), columns.length));
  const candidates: Candidate[] = [];
  const walk = (k: number, placed: (Slot | null)[]): void => {
    if (k === spanning.length) {
      candidates.push({ cells: placed, derived: true });
      return;
    }
    const { slot, columns } = spanning[k] as { slot: Slot; columns: number[] };
    for (const option of options[k] ?? []) {
      const next = [...placed];
      columns.forEach((c, j) => (next[c] = { ...slot, split: option[j] ?? '' }));
      walk(k + 1, next);
    }
  };
  walk(0, cells);
  return { candidates };
}

/** Every way to cut a digit string into `parts` numbers without leading zeros. */
export function digitSplits(digits: string, parts: number): string[][] {
  if (parts === 1) return digits.length > 1 && digits.startsWith('0') ? [] : [[digits]];
  const out: string[][] = [];
  for (let cut = 1; cut <= digits.length - parts + 1; cut++) {
    const head = digits.slice(0, cut);
    if (head.length > 1 && head.startsWith('0')) break;
    for (const rest of digitSplits(digits.slice(cut), parts - 1)) out.push([head, ...rest]);
  }
  return out;
}

/**
 * The columns a box covers. Header extents: those it overlaps by more than a sliver (a value never
 * reaches into the next column's header text; two numbers run together do).
 * Value-aligned columns (anchor): those whose anchor line the box reaches across.
 */
function coveredColumns(x0: number, x1: number, header: HeaderPositions): number[] {
  const width = Math.max(1, x1 - x0);
  const tolerance = 2;
  const covered: number[] = [];
  header.columns.forEach((c, i) => {
    if (!header.anchor) {
      if (Math.min(x1, c.start + c.span) - Math.max(x0, c.start) > Math.min(1.5, width * 0.25)) covered.push(i);
      return;
    }
    const anchorAt = header.anchors?.[i] ?? c.start + c.span / 2;
    const reach =
      header.anchor === 'x0'
        ? anchorAt >= x0 - tolerance && anchorAt < x1 - tolerance
        : header.anchor === 'x1'
          ? anchorAt > x0 + tolerance && anchorAt <= x1 + tolerance
          : anchorAt >= x0 - tolerance && anchorAt <= x1 + tolerance;
    if (reach) covered.push(i);
  });
  if (covered.length > 0 || header.anchor) return covered;
  // A box between two header extents: the nearest column within a column's width.
  const mid = (x0 + x1) / 2;
  let best = -1;
  header.columns.forEach((c, i) => {
    const d = Math.abs(mid - (c.start + c.span / 2));
    if (d < c.span && (best < 0 || d < Math.abs(mid - ((header.columns[best]?.start ?? 0) + (header.columns[best]?.span ?? 0) / 2)))) best = i;
  });
  return best < 0 ? [] : [best];
}

/** Drops surplus empty cells at the edges; only when every way of doing so gives the same row. */
function trimEdges(slots: readonly Slot[], n: number): Slot[] | null {
  const extra = slots.length - n;
  const options: Slot[][] = [];
  for (let lead = 0; lead <= extra; lead++) {
    const trail = extra - lead;
    const head = slots.slice(0, lead);
    const tail = slots.slice(slots.length - trail);
    if (head.every(isEmpty) && tail.every(isEmpty)) options.push(slots.slice(lead, slots.length - trail));
  }
  const first = options[0];
  if (!first) return null;
  const pattern = (o: Slot[]) => o.map((s) => foldText(s.text).trim()).join('\u0001');
  return options.every((o) => pattern(o) === pattern(first)) ? first : null;
}
