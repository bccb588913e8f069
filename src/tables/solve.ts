/**
 * Chooses among the candidate readings of a table's rows with the identities as constraints:
 * first each row's own (总计 = the sum of its parts), then those across rows (the balance of each
 * column, 总计 of the outcomes). A row keeps a reading only if some assignment of all ambiguous rows
 * satisfies every identity that can be evaluated; exactly one reading left is the row's reading.
 */
import { parseCellValue } from './cells.js';
import type { Candidate } from './settle.js';

/** A cell of the table being solved: row key and column index. */
export interface CellRef {
  row: string;
  column: number;
}

/** sum(left) = sum(right); `whenFirstPrinted`: only evaluated when the first left cell holds a number. */
export interface TableIdentity {
  left: CellRef[];
  right: CellRef[];
  whenFirstPrinted: boolean;
}

/** What was decided for one row. */
export interface RowDecision {
  chosen: Candidate | null;
  /** How many readings the row had before, and after, the identities. */
  before: number;
  after: number;
}

/** Stop searching after this many partial assignments; rows still open are then decided on their own. */
const MAX_NODES = 200_000;

/**
 * Readings that give every cell the same value are one reading (64 zeros under eight rows of seven
 * columns: whichever 56 are taken, every cell is 0); the first stands for them, flagged as derived.
 */
function distinctReadings(candidates: readonly Candidate[]): Candidate[] {
  const byValues = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = c.cells.map((_, i) => String(candidateValue(c, i))).join(',') + `|${c.missingFrom ?? ''}`;
    if (!byValues.has(key)) byValues.set(key, c);
  }
  const distinct = [...byValues.values()];
  return distinct.length === 1 && candidates.length > 1 ? [{ ...(distinct[0] as Candidate), derived: true }] : distinct;
}

/** A cell's value in a candidate: a number, null for a blank, NaN for text that is no number. */
export function candidateValue(candidate: Candidate, column: number): number | null {
  const slot = candidate.cells[column];
  if (!slot) return null;
  const parsed = parseCellValue(slot.split ?? slot.text);
  if (parsed.kind === 'blank') return null;
  if (parsed.kind === 'invalid') return Number.NaN;
  return parsed.value;
}

type Lookup = (ref: CellRef) => number | null | undefined;

/** true / false when the identity can be evaluated with `lookup`, undefined when a cell is unknown. */
function holds(identity: TableIdentity, lookup: Lookup): boolean | undefined {
  const left = identity.left.map(lookup);
  const right = identity.right.map(lookup);
  if ([...left, ...right].some((v) => v === undefined || Number.isNaN(v))) return undefined;
  if (identity.whenFirstPrinted && left[0] === null) return true;
  const sum = (values: (number | null | undefined)[]): number => Math.round(values.reduce<number>((a, v) => a + (v ?? 0), 0) * 1e6) / 1e6;
  return sum(left) === sum(right);
}

const rowsOf = (identity: TableIdentity): Set<string> => new Set([...identity.left, ...identity.right].map((c) => c.row));

/** Decides each row's reading; `present` rows have candidates (rows absent from the source have none). */
export function solveRows(rows: ReadonlyMap<string, Candidate[]>, identities: readonly TableIdentity[]): Map<string, RowDecision> {
  const decisions = new Map<string, RowDecision>();
  const open = new Map<string, Candidate[]>();
  for (const [key, all] of rows) {
    const candidates = distinctReadings(all);
    if (candidates.length <= 1) {
      decisions.set(key, { chosen: candidates[0] ?? null, before: candidates.length, after: candidates.length });
      continue;
    }
    // The row's own identities first.
    const own = identities.filter((i) => rowsOf(i).size === 1 && rowsOf(i).has(key));
    const kept = candidates.filter((c) => own.every((i) => holds(i, (ref) => candidateValue(c, ref.column)) !== false));
    if (kept.length === 1) decisions.set(key, { chosen: kept[0] as Candidate, before: candidates.length, after: 1 });
    else if (kept.length === 0) decisions.set(key, { chosen: null, before: candidates.length, after: 0 });
    else open.set(key, kept);
  }
  if (open.size === 0) return decisions;

  // Rows fixed so far give their values; open rows are searched together.
  const fixed = (ref: CellRef): number | null | undefined => {
    const d = decisions.get(ref.row);
    if (!rows.has(ref.row)) return undefined;
    if (!d) return undefined;
    if (!d.chosen) return undefined;
    return candidateValue(d.chosen, ref.column);
  };
  const openKeys = [...open.keys()];
  const cross = identities.filter((i) => [...rowsOf(i)].some((r) => open.has(r)) && [...rowsOf(i)].every((r) => rows.has(r)));
  const used = new Map<string, Set<number>>(openKeys.map((k) => [k, new Set<number>()]));
  const choice = new Map<string, number>();
  let nodes = 0;
  let complete = true;
  const lookup = (ref: CellRef): number | null | undefined => {
    const k = choice.get(ref.row);
    if (k !== undefined) return candidateValue((open.get(ref.row) as Candidate[])[k] as Candidate, ref.column);
    return open.has(ref.row) ? undefined : fixed(ref);
  };
  const walk = (index: number): void => {
    if (++nodes > MAX_NODES) {
      complete = false;
      return;
    }
    if (index === openKeys.length) {
      for (const [key, k] of choice) used.get(key)?.add(k);
      return;
    }
    const key = openKeys[index] as string;
    const candidates = open.get(key) as Candidate[];
    for (let k = 0; k < candidates.length && complete; k++) {
      choice.set(key, k);
      if (cross.every((i) => holds(i, lookup) !== false)) walk(index + 1);
    }
    choice.delete(key);
  };
  walk(0);
  const anySolution = [...used.values()].some((s) => s.size > 0);
  for (const key of openKeys) {
    const candidates = open.get(key) as Candidate[];
    const ks = complete && anySolution ? [...(used.get(key) as Set<number>)] : [];
    const chosen = ks.length === 1 ? (candidates[ks[0] as number] as Candidate) : null;
    decisions.set(key, { chosen, before: (rows.get(key) as Candidate[]).length, after: complete && anySolution ? ks.length : candidates.length });
  }
  return decisions;
}
