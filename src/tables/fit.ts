/**
 * Places a row's value slots into its columns. Position decides, never counting along a line
 * when cells can be blank (templates.md §7.4): grid columns for markup, explicit empty cells for
 * separated text, and for loose text only an exact count. Glued digit strings are split only when
 * exactly one split satisfies the identities, and such values are flagged `inferred`.
 */
import { foldText } from './normalise.js';
import type { HeaderPositions, Slot, SlotRun } from './slots.js';

/** The slots of a row placed into its n columns (null where nothing was printed). */
export interface FittedRow {
  cells: (Slot | null)[];
  outcome: 'ok' | 'inferred' | 'unreadable';
  /** Why the row is unreadable or inferred, for the issue message. */
  reason?: string;
}

/** What fitting needs to know about where the row came from. */
export type FitInput = Pick<SlotRun, 'mode' | 'separator' | 'gridWidth' | 'valueColumns' | 'header'> & { slots: readonly Slot[] };

/** Options: grid tables whose value columns are the last n (三, 四); an identity the values obey. */
export interface FitOptions {
  valuesAtGridEnd?: boolean;
  identity?: (values: readonly number[]) => boolean;
}

const MAX_SPLITS = 200_000;

function isEmpty(slot: Slot): boolean {
  return foldText(slot.text).trim() === '';
}

/** Fits a row's slots to n columns. */
export function fitSlots(row: FitInput, n: number, options: FitOptions = {}): FittedRow {
  const { slots } = row;
  if (slots.length === 0) {
    // Positioned text under known columns: nothing printed in them is a blank row, as in a grid.
    if (row.header?.kind === 'x' && row.header.columns.length === n) return { cells: new Array<Slot | null>(n).fill(null), outcome: 'ok' };
    return unreadable('no values printed for the row');
  }
  if (row.mode === 'grid' && options.valuesAtGridEnd && row.gridWidth !== undefined) {
    const placed = placeByGrid(slots, n, row.valueColumns?.length === n ? row.valueColumns : row.gridWidth);
    if (placed) return { cells: placed, outcome: 'ok' };
  }
  if (row.header && row.header.columns.length === n) {
    const placed = placeByHeader(slots, n, row.header, options.identity);
    if (placed) return placed;
  }
  // A pipe table is a full grid, so the value columns are the line's last n cells.
  if (row.separator === 'pipe' && options.valuesAtGridEnd && slots.length > n && slots.slice(0, slots.length - n).every(isEmpty)) {
    return { cells: slots.slice(slots.length - n), outcome: 'ok' };
  }
  if (slots.length === n) return { cells: [...slots], outcome: 'ok' };
  if (slots.length > n) {
    if (row.mode === 'loose') return unreadable(`${slots.length} values where ${n} columns are printed`);
    const trimmed = trimEdges(slots, n);
    if (trimmed) return { cells: trimmed, outcome: 'ok' };
    return unreadable(`${slots.length} cells where ${n} columns are printed, and the blank ones could be any of them`);
  }
  // Glued digits: only when no blank sits between the filled cells (edge empties are line noise).
  const first = slots.findIndex((s) => !isEmpty(s));
  const last = slots.findLastIndex((s) => !isEmpty(s));
  const filled = first < 0 ? [] : slots.slice(first, last + 1);
  if (filled.length > 0 && filled.every((s) => !isEmpty(s))) {
    const split = splitGlued(filled, n, options.identity);
    if (split) return split;
  }
  return unreadable(`${slots.length} values where ${n} columns are printed; blanks cannot be placed`);
}

function unreadable(reason: string): FittedRow {
  return { cells: [], outcome: 'unreadable', reason };
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
function placeByHeader(slots: readonly Slot[], n: number, header: HeaderPositions, identity?: FitOptions['identity']): FittedRow | null {
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
  if (spanning.length === 0) return { cells, outcome: 'ok' };
  return resolveSpanning(cells, spanning, identity);
}

/**
 * Numbers run together across columns ("2544343163" over 其他 and 总计): split each the only way
 * that, with the values placed by position, satisfies the row's identity. Flagged inferred.
 */
function resolveSpanning(cells: (Slot | null)[], spanning: { slot: Slot; columns: number[] }[], identity?: FitOptions['identity']): FittedRow | null {
  if (!identity || spanning.length > 2) return null;
  if (spanning.some(({ slot, columns }) => columns.some((c) => cells[c] && !isEmpty(cells[c] as Slot)) || !/^\d+$/.test(foldText(slot.text).trim()))) {
    return null;
  }
  const splitsOf = ({ slot, columns }: { slot: Slot; columns: number[] }): string[][] => digitSplits(foldText(slot.text).trim(), columns.length);
  const options = spanning.map(splitsOf);
  const found: string[][][] = [];
  const walk = (k: number, chosen: string[][]): void => {
    if (found.length > 1) return;
    if (k === spanning.length) {
      const values = cells.map((c) => (c ? (parseFloat(foldText(c.text)) || 0) : 0));
      spanning.forEach(({ columns }, i) => columns.forEach((c, j) => (values[c] = Number(chosen[i]?.[j]))));
      if (identity(values)) found.push(chosen.map((x) => [...x]));
      return;
    }
    for (const option of options[k] ?? []) walk(k + 1, [...chosen, option]);
  };
  walk(0, []);
  const only = found.length === 1 ? found[0] : undefined;
  if (!only) return null;
  const placed = [...cells];
  spanning.forEach(({ slot, columns }, i) => columns.forEach((c, j) => (placed[c] = { ...slot, split: only[i]?.[j] ?? '' })));
  return { cells: placed, outcome: 'inferred', reason: `split "${spanning.map((s) => s.slot.text).join('", "')}" printed across columns, the only way the identities allow` };
}

/** Every way to cut a digit string into `parts` numbers without leading zeros. */
function digitSplits(digits: string, parts: number): string[][] {
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

/**
 * Splits digit strings printed without separators ("行政许可1203", 四's 15 numbers as one string)
 * into n numbers. Every split must keep each part free of leading zeros; the identity (when the row
 * has one) must hold; exactly one candidate may remain.
 */
function splitGlued(filled: readonly Slot[], n: number, identity?: (values: readonly number[]) => boolean): FittedRow | null {
  const tokens = filled.map((s) => foldText(s.text).replace(/\s+/g, ''));
  if (!tokens.every((t) => /^\d+$/.test(t))) return null;
  const digits = tokens.reduce((sum, t) => sum + t.length, 0);
  if (digits < n) return null;
  const candidates: { parts: string[]; owner: number[] }[] = [];
  let explored = 0;
  const walk = (tokenIndex: number, offset: number, parts: string[], owner: number[]): void => {
    if (explored++ > MAX_SPLITS || candidates.length > 1) return;
    const token = tokens[tokenIndex];
    if (token === undefined) {
      if (parts.length !== n) return;
      const values = parts.map(Number);
      if (!identity || identity(values)) candidates.push({ parts: [...parts], owner: [...owner] });
      return;
    }
    if (offset === token.length) {
      walk(tokenIndex + 1, 0, parts, owner);
      return;
    }
    const remainingTokens = tokens.length - tokenIndex - 1;
    for (let end = offset + 1; end <= token.length; end++) {
      const part = token.slice(offset, end);
      if (part.length > 1 && part.startsWith('0')) break;
      if (parts.length + 1 + remainingTokens > n) break;
      parts.push(part);
      owner.push(tokenIndex);
      walk(tokenIndex, end, parts, owner);
      parts.pop();
      owner.pop();
    }
  };
  walk(0, 0, [], []);
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (!only) return null;
  const cells = only.parts.map((part, i) => {
    const source = filled[only.owner[i] ?? 0] as Slot;
    return { ...source, split: part };
  });
  return { cells, outcome: 'inferred', reason: `split the glued digits "${tokens.join(' ')}" the only way the identities allow` };
}
