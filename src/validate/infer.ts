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
      // Nothing seen where the identity wants 0: a blank or a 0 too faint to see sum alike. A table
      // whose other empty cells were seen empty prints blanks as nothing (an unruled table): a blank;
      // one whose every other cell holds ink prints its zeros: a 0 the scan lost. Flagged inferred either way.
      const blankAsNothing = cells.some((c) => c.table === target.table && c.flag === 'blank' && c.raw.trim() === '');
      target.value = derived === 0 && target.raw.trim() === '' && blankAsNothing ? null : derived;
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
