/**
 * Chooses among the candidate readings of a table's rows with the identities as constraints:
 * first each row's own (总计 = the sum of its parts), then those across rows (the balance of each
 * column, 总计 of the outcomes). A row keeps a reading only if some assignment of all ambiguous rows
 * satisfies every identity that can be evaluated; exactly one reading left is the row's reading.
 */
import { parseCellValue } from './cells.js';
import { changePairIn } from './slots.js';
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
  /** The one reading left, or null. */
  chosen: Candidate | null;
  /** The readings left after the identities (more than one: the row is ambiguous; cells they agree on are still proven). */
  remaining: Candidate[];
  /** How many readings the row had before the identities. */
  before: number;
}

/** Rows still open after propagation are searched together only up to this many combinations. */
const MAX_COMBINATIONS = 200_000;

/**
 * Readings that give every cell the same value are one reading (64 zeros under eight rows of seven
 * columns: whichever 56 are taken, every cell is 0); the first stands for them, flagged as derived.
 */
function distinctReadings(candidates: readonly Candidate[], valuesFor: (c: Candidate) => (number | null)[]): Candidate[] {
  const byValues = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = valuesFor(c).map(String).join(',') + `|${c.missingFrom ?? ''}`;
    if (!byValues.has(key)) byValues.set(key, c);
  }
  const distinct = [...byValues.values()];
  return distinct.length === 1 && candidates.length > 1 ? [{ ...(distinct[0] as Candidate), derived: true }] : distinct;
}

/** A cell's value in a candidate: a number, null for a blank, NaN for text that is no number. */
export function candidateValue(candidate: Candidate, column: number): number | null {
  const slot = candidate.cells[column];
  if (!slot) return null;
  // A 增/减 pair: 0 where both parts are 0, else no one number (row-cells.ts).
  const pair = changePairIn(slot);
  if (pair) return pair.increase === 0 && pair.decrease === 0 ? 0 : Number.NaN;
  const parsed = parseCellValue(slot.split ?? slot.text);
  if (parsed.kind === 'blank') return null;
  if (parsed.kind === 'invalid') return Number.NaN;
  return parsed.value;
}

type Lookup = (ref: CellRef) => number | null | undefined;

/**
 * true / false when the identity can be evaluated with `lookup`, undefined when a cell is unknown.
 * `withinRow`: the identity ties one row's own cells (its total), where a blank side checks nothing.
 */
function holds(identity: TableIdentity, lookup: Lookup, withinRow = false): boolean | undefined {
  const left = identity.left.map(lookup);
  const right = identity.right.map(lookup);
  if ([...left, ...right].some((v) => v === undefined || Number.isNaN(v))) return undefined;
  // Parts all blank under a total that is a number are parts not printed (a row that prints only its
  // total, sub-rows that leave their totals blank under a printed 总计): a check neither held nor
  // failed. So, within a row, is a blank total over parts that are not zero: a total not printed.
  // (Across rows a blank total stands for none: a column printed blank to its total takes no number.)
  const allBlank = (values: (number | null | undefined)[]): boolean => values.every((v) => v === null);
  const someNumber = (values: (number | null | undefined)[]): boolean => values.some((v) => v !== null && v !== 0);
  if (allBlank(right) && someNumber(left)) return undefined;
  if (withinRow && allBlank(left) && someNumber(right)) return undefined;
  if (identity.whenFirstPrinted && left[0] === null) return true;
  const sum = (values: (number | null | undefined)[]): number => Math.round(values.reduce<number>((a, v) => a + (v ?? 0), 0) * 1e6) / 1e6;
  return sum(left) === sum(right);
}

/**
 * Whether every identity evaluates and holds over one reading per row (rows absent from `readings`
 * fail it): the proof a reading of the whole table needs when nothing else places its values.
 */
export function everyIdentityHolds(identities: readonly TableIdentity[], readings: ReadonlyMap<string, Candidate>): boolean {
  const lookup: Lookup = (ref) => {
    const c = readings.get(ref.row);
    return c ? candidateValue(c, ref.column) : undefined;
  };
  return identities.every((i) => holds(i, lookup, rowsOf(i).size === 1) === true);
}

/** The rows an identity ties (memoised: the solver asks for them for every reading of every row). */
const rowsOfIdentity = new WeakMap<TableIdentity, Set<string>>();
function rowsOf(identity: TableIdentity): Set<string> {
  let rows = rowsOfIdentity.get(identity);
  if (!rows) {
    rows = new Set([...identity.left, ...identity.right].map((c) => c.row));
    rowsOfIdentity.set(identity, rows);
  }
  return rows;
}

/** The identities over one row's own cells (its totals). */
const ownIdentities = (identities: readonly TableIdentity[], key: string): TableIdentity[] => identities.filter((i) => rowsOf(i).size === 1 && rowsOf(i).has(key));

/** Every cell of the reading is a part of one printed digit string. */
function fromOneRun(candidate: Candidate): boolean {
  const first = candidate.cells[0];
  return first !== null && first !== undefined && candidate.cells.every((c) => c !== null && c.split !== undefined && c.text === first.text && c.line === first.line && c.cellIndex === first.cellIndex);
}

/**
 * Depth-first over one reading per open row, each identity checked as soon as the last of its open
 * rows is chosen (rows not open take their known values). `accepts` says what an identity's result
 * must be; `onChoice` gets each complete choice and returns whether to go on.
 */
function searchChoices(
  openKeys: readonly string[],
  optionsOf: (key: string) => readonly Candidate[],
  involved: readonly TableIdentity[],
  valuesFor: (c: Candidate) => (number | null)[],
  known: Lookup,
  accepts: (held: boolean | undefined) => boolean,
  onChoice: (choice: ReadonlyMap<string, Candidate>) => boolean,
): void {
  const choice = new Map<string, Candidate>();
  const lookup: Lookup = (ref) => {
    const c = choice.get(ref.row);
    return c ? valuesFor(c)[ref.column] : known(ref);
  };
  const depthOf = (identity: TableIdentity): number => Math.max(...[...rowsOf(identity)].map((r) => openKeys.indexOf(r)));
  const atDepth = openKeys.map((_, d) => involved.filter((i) => depthOf(i) === d));
  let going = true;
  const walk = (index: number): void => {
    if (index === openKeys.length) {
      going = onChoice(choice);
      return;
    }
    const key = openKeys[index] as string;
    for (const c of optionsOf(key)) {
      if (!going) break;
      choice.set(key, c);
      if ((atDepth[index] ?? []).every((i) => accepts(holds(i, lookup)))) walk(index + 1);
    }
    choice.delete(key);
  };
  walk(0);
}

/**
 * Rows the identities leave open because each printed its cells as one unbroken run of digits
 * ("300153006143119"), where a blank may hide in any run (a source that prints empty cells as
 * nothing). Each such row's whole reading, every column a number and its own total balanced, is
 * taken only together with the others: where every row of the table can be read whole, exactly one
 * choice of whole readings makes every identity across the rows evaluate and hold (each column's
 * balance, 总计 of the outcomes). A blank hidden in a run moves digits between columns, and the
 * columns' identities then fail; a whole reading balancing its row alone proves nothing (generated
 * flat-glued gen-0262: 2 50 3 0 0 0 55 for 25 0 30 0 _ 0 55).
 */
function chooseWholeTable(
  rows: ReadonlyMap<string, Candidate[]>,
  readings: Map<string, Candidate[]>,
  identities: readonly TableIdentity[],
  cross: readonly TableIdentity[],
  valuesFor: (c: Candidate) => (number | null)[],
  known: Lookup,
): void {
  const openKeys = [...rows.keys()].filter((key) => (readings.get(key) ?? []).length > 1);
  if (openKeys.length === 0) return;
  const ownOf = new Map([...rows.keys()].map((key) => [key, ownIdentities(identities, key)]));
  const isWhole = (key: string, c: Candidate): boolean => {
    const own = ownOf.get(key) ?? [];
    return own.length > 0 && fromOneRun(c) && valuesFor(c).every((v) => v !== null) && own.every((i) => holds(i, (ref) => valuesFor(c)[ref.column], true) === true);
  };
  // A row that cannot be read whole (too few digits, a blank printed or left out) shows the table leaves cells empty.
  const printedWhole = [...rows].every(([key, all]) => all.some((c) => isWhole(key, c) || (!c.derived && valuesFor(c).every((v) => v !== null))));
  if (!printedWhole) return;
  const wholeOf = new Map(openKeys.map((key) => [key, (readings.get(key) as Candidate[]).filter((c) => isWhole(key, c))]));
  const involved = cross.filter((i) => openKeys.some((key) => rowsOf(i).has(key)));
  if (openKeys.some((key) => (wholeOf.get(key) as Candidate[]).length === 0 || !involved.some((i) => rowsOf(i).has(key)))) return;
  if (openKeys.reduce((product, key) => product * (wholeOf.get(key) as Candidate[]).length, 1) > MAX_COMBINATIONS) return;
  const found: Map<string, Candidate>[] = [];
  // Every identity must evaluate and hold: one a blank side leaves unchecked proves nothing.
  searchChoices(openKeys, (key) => wholeOf.get(key) as Candidate[], involved, valuesFor, known, (held) => held === true, (choice) => {
    found.push(new Map(choice));
    return found.length < 2;
  });
  if (found.length !== 1) return;
  for (const [key, c] of found[0] as Map<string, Candidate>) readings.set(key, [c]);
}

/** Decides each row's reading; rows absent from `rows` are not in the source (identities over them are not evaluated). */
export function solveRows(rows: ReadonlyMap<string, Candidate[]>, identities: readonly TableIdentity[]): Map<string, RowDecision> {
  const valuesOf = new Map<Candidate, (number | null)[]>();
  const valuesFor = (c: Candidate): (number | null)[] => {
    let v = valuesOf.get(c);
    if (!v) {
      v = c.cells.map((_, i) => candidateValue(c, i));
      valuesOf.set(c, v);
    }
    return v;
  };
  const before = new Map<string, number>();
  const readings = new Map<string, Candidate[]>();
  const open = new Set<string>();
  for (const [key, all] of rows) {
    const candidates = distinctReadings(all, valuesFor);
    before.set(key, candidates.length);
    // A reading the source printed in place stands as printed (a broken total is the source's error).
    if (candidates.length === 0 || (candidates.length === 1 && !(candidates[0] as Candidate).derived)) {
      readings.set(key, candidates);
      continue;
    }
    // The row's own identities first: a derived reading must satisfy them.
    const own = ownIdentities(identities, key);
    const kept = candidates.filter((c) => own.every((i) => holds(i, (ref) => valuesFor(c)[ref.column], true) !== false));
    readings.set(key, kept);
    if (kept.length > 1) open.add(key);
  }
  const cross = identities.filter((i) => rowsOf(i).size > 1 && [...rowsOf(i)].every((r) => rows.has(r)));
  /** A cell's value when every reading of its row agrees on it; undefined when unknown. */
  // Kept per row for the list of readings it was worked out from (a row may hold thousands of readings).
  const agreedOf = new Map<string, { list: Candidate[]; values: Map<number, number | null | undefined> }>();
  const known = (ref: CellRef): number | null | undefined => {
    const list = readings.get(ref.row);
    if (!list || list.length === 0) return undefined;
    let agreed = agreedOf.get(ref.row);
    if (agreed?.list !== list) {
      agreed = { list, values: new Map() };
      agreedOf.set(ref.row, agreed);
    }
    if (agreed.values.has(ref.column)) return agreed.values.get(ref.column);
    const first = valuesFor(list[0] as Candidate)[ref.column];
    const value = list.every((c) => valuesFor(c)[ref.column] === first) ? first : undefined;
    agreed.values.set(ref.column, value);
    return value;
  };
  // Propagation: an open row keeps the readings that satisfy every identity whose other cells are
  // known, all at once. None left means those identities contradict each other in the source (a
  // broken total): then they decide nothing for the row, rather than whichever was applied last.
  for (let changed = true; changed; ) {
    changed = false;
    for (const key of open) {
      const list = readings.get(key) as Candidate[];
      const applicable = cross.filter((i) => rowsOf(i).has(key) && [...i.left, ...i.right].every((ref) => ref.row === key || known(ref) !== undefined));
      if (applicable.length === 0) continue;
      const kept = list.filter((c) => applicable.every((i) => holds(i, (ref) => (ref.row === key ? valuesFor(c)[ref.column] : known(ref))) !== false));
      if (kept.length > 0 && kept.length < list.length) {
        readings.set(key, kept);
        changed = true;
      }
      if ((readings.get(key) as Candidate[]).length <= 1) open.delete(key);
    }
  }
  // What propagation leaves open is searched together when small enough: a reading survives only if
  // some choice for every other open row satisfies all identities.
  const openKeys = [...open];
  const combinations = openKeys.reduce((product, key) => product * (readings.get(key) as Candidate[]).length, 1);
  if (openKeys.length > 1 && combinations <= MAX_COMBINATIONS) {
    const used = new Map<string, Set<Candidate>>(openKeys.map((k) => [k, new Set<Candidate>()]));
    const involved = cross.filter((i) => [...rowsOf(i)].some((r) => open.has(r)));
    searchChoices(openKeys, (key) => readings.get(key) as Candidate[], involved, valuesFor, known, (held) => held !== false, (choice) => {
      for (const [key, c] of choice) used.get(key)?.add(c);
      return true;
    });
    if ([...used.values()].every((set) => set.size > 0)) {
      for (const key of openKeys) readings.set(key, (readings.get(key) as Candidate[]).filter((c) => used.get(key)?.has(c)));
    }
  }
  chooseWholeTable(rows, readings, identities, cross, valuesFor, known);
  const decisions = new Map<string, RowDecision>();
  for (const key of rows.keys()) {
    const remaining = readings.get(key) as Candidate[];
    decisions.set(key, { chosen: remaining.length === 1 ? (remaining[0] as Candidate) : null, remaining, before: before.get(key) ?? 0 });
  }
  return decisions;
}
