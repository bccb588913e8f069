/**
 * Values an identity pins down: when every cell of an identity is read but one, which is
 * unreadable, that one is the difference. It is output flagged `inferred` (never `ok`), its raw
 * text kept, with an issue naming the identity. Repeated until nothing more follows, since one
 * inferred value can complete another identity.
 */
import { makeIssue } from '../model/issues.js';
import type { Issue } from '../schema/records.js';
import type { CellReading } from '../tables/reading.js';
import type { Identity } from './checks.js';

/** Columns whose values may be fractional or negative (amounts, changes). */
const FREE_COLUMNS = new Set(['amount', 'change']);

const keyOf = (c: CellReading): string => `${c.table}.${c.row}.${c.column}`;

/** An OCR reading of a lone 0 (or a letter O a 0 is read as). */
const ZERO_READING = /^\s*[0OoＯ〇]\s*$/;
/** What a printed placeholder is misread as: a Han character (无), a 7 or 1 (a slash), ink nobody could read. */
const PLACEHOLDER_MISREAD = /^\s*(?:\p{Script=Han}+|[71/|\\]|□)\s*$/u;
/** More cells than this seen empty in a table are printed blanks, not zeros a scan lost now and then. */
const LOST_ZEROS = 2;

/** A table whose empty cells were seen empty elsewhere: it prints its blanks as nothing (an unruled table). */
function blankAsNothing(cells: readonly CellReading[], table: string): boolean {
  return cells.some((c) => c.table === table && c.flag === 'blank' && c.raw.trim() === '');
}

/**
 * A table that prints no blank anywhere: no placeholder or empty cell read as a blank, and (for a
 * cell where nothing was seen) at most LOST_ZEROS cells where OCR saw nothing (a light print's faint
 * zeros): a table printing blanks as nothing has such cells in row after row.
 */
function printsNoBlank(cells: readonly CellReading[], table: string, seenNothing: boolean): boolean {
  const own = cells.filter((c) => c.table === table);
  if (own.some((c) => c.flag === 'blank')) return false;
  return !seenNothing || own.filter((c) => c.method === 'ocr' && c.value === null && c.raw.trim() === '').length <= LOST_ZEROS;
}

/** Fills unreadable cells that exactly one identity determines; returns the new cells and the issues. */
export function inferFromIdentities(cells: readonly CellReading[], list: readonly Identity[]): { cells: CellReading[]; issues: Issue[] } {
  const byKey = new Map(cells.map((c) => [keyOf(c), { ...c }]));
  const issues: Issue[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const identity of list) {
      const keys = [...identity.left, ...identity.right];
      const members = keys.map((k) => byKey.get(k));
      const unknown = members.filter((c) => c?.flag === 'unreadable');
      // Only OCR readings: a text or markup cell that cannot be parsed is a printed oddity, not a misread.
      if (unknown[0]?.method !== 'ocr') continue;
      // Every other cell must be read (ok, inferred or a printed blank): a missing row is no basis
      // (its cells exist, null and flagged missing; counted as 0 they balanced wrong values).
      if (unknown.length !== 1 || members.some((c) => c === undefined || c.flag === 'missing')) continue;
      const target = unknown[0] as CellReading;
      const value = (k: string): number => byKey.get(k)?.value ?? 0;
      const left = identity.left.reduce((a, k) => a + (k === keyOf(target) ? 0 : value(k)), 0);
      const right = identity.right.reduce((a, k) => a + (k === keyOf(target) ? 0 : value(k)), 0);
      const onLeft = identity.left.includes(keyOf(target));
      const derived = Math.round((onLeft ? right - left : left - right) * 1e6) / 1e6;
      if (!FREE_COLUMNS.has(target.column) && (derived < 0 || !Number.isInteger(derived))) continue;
      // A blank sums as 0: where the identity wants 0 and the cell's ink does not read 0, it may be a
      // blank. Nothing seen there: a blank in a table whose other empty cells were seen empty (blanks
      // printed as nothing). Nothing seen, or ink read as a placeholder reads misread (a 7 for a slash,
      // 龙 for 无, □): a 0 lost or misread in a table that prints no blank anywhere, else either, and
      // it stays unreadable. Other ink (an X, a 6) is a misread 0.
      let found: number | null = derived;
      if (derived === 0 && !ZERO_READING.test(target.raw)) {
        const seenNothing = target.raw.trim() === '';
        // (A raw of several words is its row's: the cell's own ink is not known.)
        const unknownInk = seenNothing || PLACEHOLDER_MISREAD.test(target.raw) || /\S\s+\S/.test(target.raw.trim());
        if (seenNothing && blankAsNothing(cells, target.table)) found = null;
        else if (unknownInk && !printsNoBlank(cells, target.table, seenNothing)) continue;
      }
      target.value = found;
      target.flag = 'inferred';
      target.confidence = Math.min(target.confidence, 0.5);
      issues.push(
        makeIssue('warning', 'validate', 'value_inferred', `${keyOf(target)}: unreadable (raw "${target.raw}"); ${derived} follows from ${identity.description}`, {
          ...(target.page !== null ? { page: target.page } : {}),
          path: keyOf(target).split('.'),
        }),
      );
      changed = true;
    }
  }
  return { cells: cells.map((c) => byKey.get(keyOf(c)) ?? c), issues };
}
