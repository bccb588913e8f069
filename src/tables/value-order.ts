/**
 * A table whose cells a converter moved out of place while the rest kept the table's own order:
 * pdftotext without -layout prints some label cells after the numbers of the rows below them
 * ("2.没有现成信息需要另行制作 / 21 0 0 0 0 0 21 / 0 0 0 0 0 0 0 / … / 3.补正后申请内容仍不明确"), or a
 * label together with one of its row's cells after the rows below ("… 0 0 0 0 0 25 / 77310 283 … /
 * 3.其他 25"). One row then takes other rows' numbers and those rows too few: the decoder trusts no
 * row paired with its values by order. Here the rows are read again, grouped where their counts
 * balance: in a group, the one row printed with too many values gives its surplus to the rows
 * short of values, in order (those before it take its first values, those after it its last), and
 * a short row's own values, like cells printed among the surplus row's own label lines, may stand
 * in any of its columns. A group holding a row printed whole is refused: that row may hold the
 * values of a row whose label moved past it, and rows of one sum are told apart by no identity. The reading is taken only where most
 * rows stand whole after their labels, every row is decided by the identities and every identity
 * of the table evaluates and holds.
 */
import type { DecodedRow } from './align.js';
import type { Candidate } from './settle.js';
import type { Slot } from './slots.js';
import { everyIdentityHolds, solveRows, type TableIdentity } from './solve.js';

/** The rows of the table read again, each with its one reading. */
export interface ValueOrderReading {
  rows: Map<string, DecodedRow>;
  chosen: Map<string, Candidate>;
}

/** A table format: its rows in printed order and its identities. */
export interface TableFormat {
  rows: readonly string[];
  identities: readonly TableIdentity[];
}

/** Every way to place `own` (in order) among `width` cells, the `share` filling the others in order. */
function interleavings(own: readonly Slot[], share: readonly Slot[], width: number): Slot[][] {
  const out: Slot[][] = [];
  const walk = (cells: Slot[], o: number, s: number): void => {
    if (cells.length === width) {
      out.push(cells);
      return;
    }
    if (o < own.length) walk([...cells, own[o] as Slot], o + 1, s);
    if (s < share.length) walk([...cells, share[s] as Slot], o, s + 1);
  };
  walk([], 0, 0);
  return out;
}

/** The candidate readings of one group of rows whose counts balance, or null where it has no such reading. */
function groupReadings(keys: readonly string[], own: (key: string) => Slot[], width: number, labelEnd: (key: string) => number): Map<string, Candidate[]> | null {
  const out = new Map<string, Candidate[]>();
  if (keys.length === 1) {
    out.set(keys[0] as string, [{ cells: own(keys[0] as string), derived: false }]);
    return out;
  }
  const surplus = keys.filter((k) => own(k).length > width);
  if (surplus.length !== 1) return null;
  // A row printed whole in a group may hold the values of a row whose label was moved past it (its
  // own values then stand in the surplus): rows of one sum are told apart by no identity.
  if (keys.some((k) => own(k).length === width)) return null;
  const s = keys.indexOf(surplus[0] as string);
  const need = (k: string): number => width - own(k).length;
  const before = keys.slice(0, s).reduce((n, k) => n + need(k), 0);
  // Cells printed among the surplus row's own label lines moved with its label, as a short row's
  // do: they may stand in any of its columns.
  const all = own(keys[s] as string);
  const carried = all.filter((slot) => slot.line <= labelEnd(keys[s] as string));
  if (carried.length > width) return null;
  const giver = all.filter((slot) => !carried.includes(slot));
  const cut = width - carried.length;
  out.set(keys[s] as string, interleavings(carried, giver.slice(before, before + cut), width).map((cells) => ({ cells, derived: true })));
  const pools = { before: giver.slice(0, before), after: giver.slice(before + cut) };
  keys.forEach((k, i) => {
    if (i === s) return;
    const pool = i < s ? pools.before : pools.after;
    const share = pool.splice(0, need(k));
    out.set(k, interleavings(own(k), share, width).map((cells) => ({ cells, derived: true })));
  });
  return out;
}

/** The one reading of the table with its surplus values given back, or null. `width`: the cells of every row. */
export function readInValueOrder(rows: readonly DecodedRow[], formats: readonly TableFormat[], width: number): ValueOrderReading | null {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  // Empty slots are no cells here: a converter that moves cells drops empty ones.
  const own = (key: string): Slot[] => (byKey.get(key)?.slots ?? []).filter((s) => s.text.trim() !== '');
  const labelEnd = (key: string): number => {
    const row = byKey.get(key);
    return row ? Math.max(row.line, ...(row.labelLines ?? [])) : -1;
  };
  const total = rows.reduce((n, r) => n + own(r.key).length, 0);
  const fits = formats.filter((f) => f.rows.length * width === total && rows.every((r) => f.rows.includes(r.key)));
  if (fits.length !== 1) return null;
  const format = fits[0] as TableFormat;
  const candidates = new Map<string, Candidate[]>();
  let group: string[] = [];
  let count = 0;
  for (const key of format.rows) {
    group.push(key);
    count += own(key).length;
    if (count !== group.length * width) continue;
    const readings = groupReadings(group, own, width, labelEnd);
    if (!readings) return null;
    for (const [k, c] of readings) candidates.set(k, c);
    group = [];
    count = 0;
  }
  if (group.length > 0) return null;
  // Most rows printed with values stand whole after their own labels: the text goes row by row
  // (a stream column by column may balance a square table's identities as well as its rows do).
  const printed = format.rows.filter((k) => own(k).length > 0);
  const inPlace = printed.filter((k) => own(k).length === width && candidates.get(k)?.length === 1 && candidates.get(k)?.[0]?.derived === false);
  if (inPlace.length * 2 <= printed.length) return null;
  const decisions = solveRows(candidates, format.identities);
  const chosen = new Map<string, Candidate>();
  for (const [key, d] of decisions) if (d.chosen) chosen.set(key, d.chosen);
  if (chosen.size !== format.rows.length || !everyIdentityHolds(format.identities, chosen)) return null;
  const anchor = rows[0] as DecodedRow;
  const decoded = new Map<string, DecodedRow>();
  for (const [key, c] of chosen) {
    const slots = c.cells.filter((s): s is Slot => s !== null);
    const printed = byKey.get(key);
    // A row whose label was lost in the move is the one between its neighbours.
    decoded.set(key, printed ? { ...printed, slots, droppedWhole: false, unplaced: false } : { ...anchor, key, label: '', slots, page: slots[0]?.page ?? anchor.page, line: slots[0]?.line ?? anchor.line, coverage: 0, exact: false, byPosition: true, unplaced: false, droppedWhole: false, lostBlanks: false, atSourceEnd: false, pairedByOrder: false, labelLines: [] });
  }
  return { rows: decoded, chosen };
}
