/**
 * Test truth for layouts that destroy evidence: which printed cells a perfect reader could still
 * prove. A row whose blank cells were dropped, whose numbers were glued into one digit string or
 * whose digits were broken over lines may fit more than one reading; a cell is provable only when
 * every reading that fits the printed text and the identities (dataset.md) gives it the same value.
 *
 * This is the generator's side of the contract, not the extractor's: it enumerates exactly, row by
 * row, then narrows rows with the column identities of 三 where the other rows are known.
 */
import type { ReportSpec, Value } from './values.js';

/** What a layout left of one row's value cells, in the order printed. */
export interface RowEvidence {
  /** `table.row.column` of every value cell of the row, in template order. */
  keys: string[];
  /** The printed pieces: one cell each, or several when `glued`. */
  tokens: string[];
  /** Cells were printed with no separator, so one token may hold several cells. */
  glued: boolean;
  /** Empty cells left no trace, so a blank may sit anywhere. */
  dropped: boolean;
  /** A cell's digits may be broken over consecutive tokens ("2" / "47" for 247). */
  mergeable: boolean;
  /** Glued: the last `optionalTail` characters may be the numbering of the next label ("2.其他…"). */
  optionalTail: number;
}

/** Placeholders a blank cell may be printed as (templates.md §7.4); a glued text keeps no-break and ideographic spaces too. */
const PLACEHOLDERS = ['—', '－', '/', '无', '空', '-', '\u3000', '\u00a0'];
const NUMBER = /^(?:[+-]|减)?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const UNITS = ['万元', '元'];
/** Enumeration limits: past them a row counts as unprovable as a whole (lenient, never stricter). */
const MAX_STEPS = 400_000;
const MAX_CANDIDATES = 4_000;

function parseNumber(text: string): number {
  return text.startsWith('减') ? -Number(text.slice(1)) : Number(text);
}

/** One separately printed cell: a placeholder or empty (null), a number, or not a cell at all (undefined). */
function parseCell(token: string): Value | undefined {
  // A converter's cell marker ("12 |") is not part of the number.
  const t = token.replace(/\s*\|$/, '').trim();
  if (t === '' || PLACEHOLDERS.includes(t)) return null;
  let bare = t.replace(/,(?=\d{3})/g, '');
  for (const unit of UNITS) if (bare.endsWith(unit)) bare = bare.slice(0, -unit.length);
  return NUMBER.test(bare) ? parseNumber(bare) : undefined;
}

/** The ways one cell can be read from a glued token at `at`: [value, next position]. */
function cellsAt(token: string, at: number): [Value, number][] {
  const out: [Value, number][] = [];
  for (const p of PLACEHOLDERS) if (token.startsWith(p, at)) out.push([null, at + p.length]);
  for (let end = at + 1; end <= token.length; end++) {
    const piece = token.slice(at, end);
    if (!NUMBER.test(piece)) continue;
    const value = parseNumber(piece);
    out.push([value, end]);
    for (const unit of UNITS) if (token.startsWith(unit, end)) out.push([value, end + unit.length]);
  }
  return out;
}

/** Row identities as [parts, total] index lists (a blank total is not evaluated). */
function rowIdentities(keys: readonly string[]): [number[], number][] {
  const table = keys[0]?.split('.')[0];
  if (table === 'requests') return [[[0, 1, 2, 3, 4, 5], 6]];
  if (table === 'reviews') return [0, 5, 10].map((s) => [[s, s + 1, s + 2, s + 3], s + 4] as [number[], number]);
  return [];
}

function holds(values: readonly Value[], [parts, total]: [number[], number]): boolean {
  const t = values[total];
  if (t === null || t === undefined) return true;
  return parts.reduce((sum, i) => sum + (values[i] ?? 0), 0) === t;
}

/** Every reading of a row that fits its printed pieces and its row identities; null when too many to list. */
export function readingsOf(evidence: RowEvidence): Value[][] | null {
  const n = evidence.keys.length;
  const identities = rowIdentities(evidence.keys);
  const tokens = evidence.tokens;
  const out: Value[][] = [];
  const acc: Value[] = [];
  let steps = 0;
  let overflow = false;
  const identitiesHold = (): boolean => identities.every((id) => id[1] >= acc.length || holds(acc, id));
  // One glued digit string with no blank dropped ends in the row's 总计 (三): the parts read so far
  // cannot add up to more than the rest of the string read as one number. Prunes long 7-cell strings.
  const lastIsTotal = identities.length === 1 && identities[0]?.[1] === n - 1;
  const boundedByRest = evidence.glued && !evidence.dropped && lastIsTotal && tokens.length === 1 && /^\d+$/.test(tokens[0] ?? '');
  const partsFit = (at: number): boolean => {
    if (!boundedByRest || acc.length >= n) return true;
    const rest = (tokens[0] ?? '').slice(at);
    return rest === '' || acc.reduce<number>((sum, v) => sum + (v ?? 0), 0) <= Number(rest);
  };
  // Position: token index and offset inside it (glued tokens are consumed piece by piece).
  const walk = (ti: number, at: number): void => {
    if (overflow || ++steps > MAX_STEPS || out.length > MAX_CANDIDATES) {
      overflow = true;
      return;
    }
    if (acc.length === n) {
      const tail = evidence.optionalTail;
      const done = ti === tokens.length || (ti === tokens.length - 1 && tail > 0 && at === (tokens[ti]?.length ?? 0) - tail);
      if (done) out.push([...acc]);
      return;
    }
    const push = (value: Value, nextTi: number, nextAt: number): void => {
      acc.push(value);
      if (identitiesHold() && partsFit(nextTi === 0 ? nextAt : (tokens[0] ?? '').length)) walk(nextTi, nextAt);
      acc.pop();
    };
    if (evidence.dropped) push(null, ti, at);
    const token = tokens[ti];
    if (token === undefined) return;
    if (evidence.glued) {
      for (const [value, end] of cellsAt(token, at)) push(value, end === token.length ? ti + 1 : ti, end === token.length ? 0 : end);
      return;
    }
    const single = parseCell(token);
    if (single !== undefined) push(single, ti + 1, 0);
    if (!evidence.mergeable) return;
    for (let k = 2; k <= 3 && ti + k <= tokens.length; k++) {
      const joined = tokens.slice(ti, ti + k).map((t) => t.trim());
      if (joined.some((t) => !/^\d+$/.test(t))) break;
      const merged = parseCell(joined.join(''));
      if (merged !== undefined && merged !== null) push(merged, ti + k, 0);
    }
  };
  walk(0, 0);
  return overflow ? null : out;
}

const same = (a: readonly Value[], b: readonly Value[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** The value of `table.row.column` printed in the spec. */
function specValue(spec: Pick<ReportSpec, 'requests' | 'reviews' | 'active'>, key: string): Value {
  const [table, row, column] = key.split('.') as [string, string, string];
  const values = table === 'requests' ? spec.requests : table === 'reviews' ? spec.reviews : spec.active;
  return values[row]?.[column] ?? null;
}

/** 三's column identities for one column: [plus rows, minus rows] that must balance; the first evaluated only when not all blank, the second only when 总计 is printed. */
function columnIdentities(spec: Pick<ReportSpec, 'requestRows'>): { plus: string[]; minus: string[]; totalRow?: string }[] {
  const leaves = spec.requestRows.filter((r) => !['newReceived', 'carriedOver', 'totalHandled', 'carriedForward'].includes(r));
  return [
    { plus: ['newReceived', 'carriedOver'], minus: ['totalHandled', 'carriedForward'] },
    { plus: leaves, minus: ['totalHandled'], totalRow: 'totalHandled' },
  ];
}

/**
 * The cells of a report that its layout leaves unprovable: `table.row.column` keys. `evidence`
 * lists only the rows whose printed form lost something; every other row is read as printed.
 */
export function unprovableCells(spec: Pick<ReportSpec, 'requests' | 'reviews' | 'active' | 'requestRows'>, evidence: readonly RowEvidence[]): string[] {
  const rows = evidence.map((e) => {
    const truth = e.keys.map((k) => specValue(spec, k));
    const readings = readingsOf(e);
    // The truth must be one of the readings; if it is not (a broken identity, a limit reached), nothing in the row is proved.
    const usable = readings !== null && readings.some((r) => same(r, truth));
    return { evidence: e, truth, readings: usable ? readings : null };
  });
  const byRow = new Map(rows.map((r) => [r.evidence.keys[0]?.split('.').slice(0, 2).join('.') ?? '', r]));
  /** A cell's value when every reading agrees on it (rows outside `evidence` are as printed); undefined when not known. */
  const known = (key: string): Value | undefined => {
    const row = byRow.get(key.split('.').slice(0, 2).join('.'));
    if (!row) return specValue(spec, key);
    if (row.readings === null) return undefined;
    const i = row.evidence.keys.indexOf(key);
    const first = row.readings[0]?.[i];
    return first !== undefined && row.readings.every((r) => r[i] === first) ? first : undefined;
  };
  const identities = columnIdentities(spec);
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of rows) {
      if (row.readings === null || row.readings.length < 2 || !row.evidence.keys[0]?.startsWith('requests.')) continue;
      const rowKey = row.evidence.keys[0].split('.')[1] as string;
      row.evidence.keys.forEach((key, i) => {
        const column = key.split('.')[2] as string;
        for (const id of identities) {
          if (!id.plus.includes(rowKey) && !id.minus.includes(rowKey)) continue;
          const others = [...id.plus, ...id.minus].filter((r) => r !== rowKey).map((r) => ({ r, v: known(`requests.${r}.${column}`) }));
          if (others.some((o) => o.v === undefined)) continue;
          const fits = (reading: Value[]): boolean => {
            const value = (r: string): Value => (r === rowKey ? (reading[i] ?? null) : (others.find((o) => o.r === r)?.v ?? null));
            if (id.totalRow && value(id.totalRow) === null) return true;
            const terms = [...id.plus, ...id.minus].map(value);
            if (terms.every((v) => v === null)) return true;
            const sum = (rs: string[]): number => rs.reduce((s, r) => s + (value(r) ?? 0), 0);
            return sum(id.plus) === sum(id.minus);
          };
          const kept = (row.readings as Value[][]).filter(fits);
          // An identity the source breaks would drop the truth: such an identity proves nothing.
          if (kept.length < (row.readings as Value[][]).length && kept.some((r) => same(r, row.truth))) {
            row.readings = kept;
            changed = true;
          }
        }
      });
    }
  }
  const unprovable: string[] = [];
  for (const row of rows) {
    row.evidence.keys.forEach((key, i) => {
      if (row.readings === null || row.readings.some((r) => r[i] !== row.truth[i])) unprovable.push(key);
    });
  }
  return unprovable;
}
