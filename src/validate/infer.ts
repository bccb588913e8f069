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
import { oneDigitApart } from './digits.js';

/** Columns whose values may be fractional or negative (amounts, changes). */
const FREE_COLUMNS = new Set(['amount', 'change']);

const keyOf = (c: CellReading): string => `${c.table}.${c.row}.${c.column}`;

/** An OCR reading of a lone 0 (or a letter O a 0 is read as). */
const ZERO_READING = /^\s*[0OoＯ〇]\s*$/;
/**
 * What a printed placeholder is misread as: a Han character (无), a 7 or 1 (a slash), ink nobody could
 * read; or the placeholder itself read unsure, a dash (drawn-064: a "—" under 其他, a printed blank,
 * had been inferred 0).
 */
const PLACEHOLDER_MISREAD = /^\s*(?:\p{Script=Han}+|[71/|\\]|□|[-‐‑‒–—―－_~])\s*$/u;
/** Below this confidence a reading says nothing of the ink's shape (the readers disagreed, or neither was sure). */
const UNKNOWN_INK_CONFIDENCE = 0.3;
/** More cells than this seen empty in a table are printed blanks, not zeros a scan lost now and then. */
const LOST_ZEROS = 2;

/** A table whose empty cells were seen empty elsewhere: it prints its blanks as nothing (an unruled table). */
function blankAsNothing(cells: readonly CellReading[], table: string): boolean {
  return cells.some((c) => c.table === table && c.flag === 'blank' && c.raw.trim() === '');
}

/**
 * A table that prints no blank anywhere: no placeholder or empty cell read as a blank in the whole
 * report (an office prints its blanks one way in every table: 四's 15 cells may show no blank while
 * 二 prints 无), and (for a cell where nothing was seen) at most LOST_ZEROS cells of the table where
 * OCR saw nothing (a light print's faint zeros): a table printing blanks as nothing has such cells
 * in row after row.
 */
function printsNoBlank(cells: readonly CellReading[], table: string, seenNothing: boolean): boolean {
  if (cells.some((c) => c.flag === 'blank')) return false;
  const own = cells.filter((c) => c.table === table);
  return !seenNothing || own.filter((c) => c.method === 'ocr' && c.value === null && c.raw.trim() === '').length <= LOST_ZEROS;
}

/** A number the cell's ink was read as with this confidence stands against an identity's printed total. */
const TOTAL_READING_STANDS = 0.5;
/** One number read, nothing else. */
const ONE_NUMBER = /^\s*\d+(?:\.\d+)?\s*$/;

/**
 * A printed total (the one cell on the left of an identity: a row's 总计, 总计 of 三's outcomes) read
 * as another number, with some confidence, than an identity gives. Reports misprint totals (the
 * hongze 2023 report prints 总计 0 over 10 + 1), and a misprinted total breaks every identity it is
 * in (drawn-031: 523 over 342 + 177, which 三's balance gives too once 结转's total is inferred), so
 * no identity proves it: it stays unreadable.
 */
function totalReadOtherwise(list: readonly Identity[], target: CellReading, derived: number): boolean {
  if (!list.some((identity) => identity.left.length === 1 && identity.left[0] === keyOf(target))) return false;
  return ONE_NUMBER.test(target.raw) && Number(target.raw) !== derived && target.confidence >= TOTAL_READING_STANDS;
}

/**
 * Cells of identities that fail with every cell read (ok or a printed blank): a misprint or a
 * confident misreading sits in each, and which cell it is nothing shows, so no other identity through
 * those cells proves a value (drawn-147: 总计 misprinted 56846 over parts summing to 56842 made 三's
 * balance give 184 for a 结转 of 180).
 */
function cellsOfBrokenIdentities(byKey: ReadonlyMap<string, CellReading>, list: readonly Identity[]): Set<string> {
  const suspect = new Set<string>();
  for (const identity of list) {
    const keys = [...identity.left, ...identity.right];
    const members = keys.map((k) => byKey.get(k));
    if (members.some((c) => c === undefined || (c.flag !== 'ok' && c.flag !== 'blank'))) continue;
    // As the checks do: a total printed blank checks nothing, nor do cells all blank.
    if (identity.whenFirstPrinted ? members[0]?.value === null : members.every((c) => c?.value === null)) continue;
    const sum = (side: readonly string[]): number => side.reduce((a, k) => a + (byKey.get(k)?.value ?? 0), 0);
    if (Math.abs(sum(identity.left) - sum(identity.right)) > 1e-6) for (const k of keys) suspect.add(k);
  }
  return suspect;
}

/** Fills unreadable cells that exactly one identity determines; returns the new cells and the issues. */
export function inferFromIdentities(cells: readonly CellReading[], list: readonly Identity[]): { cells: CellReading[]; issues: Issue[] } {
  const byKey = new Map(cells.map((c) => [keyOf(c), { ...c }]));
  const issues: Issue[] = [];
  const suspect = cellsOfBrokenIdentities(byKey, list);
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
      if (keys.some((k) => suspect.has(k))) continue;
      const value = (k: string): number => byKey.get(k)?.value ?? 0;
      const left = identity.left.reduce((a, k) => a + (k === keyOf(target) ? 0 : value(k)), 0);
      const right = identity.right.reduce((a, k) => a + (k === keyOf(target) ? 0 : value(k)), 0);
      const onLeft = identity.left.includes(keyOf(target));
      const derived = Math.round((onLeft ? right - left : left - right) * 1e6) / 1e6;
      if (!FREE_COLUMNS.has(target.column) && (derived < 0 || !Number.isInteger(derived))) continue;
      if (totalReadOtherwise(list, target, derived)) continue;
      // The cell's ink read as a number more than one digit from what the identity gives, with some
      // confidence or with another count of digits ("15" where it gives 9, "76" where it gives 0): a
      // number elsewhere in the identity is as likely misread (drawn-027: a 0 under a seal's stroke read 6
      // by both readers), or the ink is no number at all, so the identity proves nothing here.
      const readAs = target.raw.trim();
      const otherLength = readAs.length !== String(derived).length;
      const readFar = ONE_NUMBER.test(readAs) && Number.isInteger(derived) && Number(readAs) !== derived && !oneDigitApart(Number(readAs), derived);
      if (readFar && (target.confidence >= TOTAL_READING_STANDS || otherLength)) continue;
      // A blank sums as 0: where the identity wants 0 and the cell's ink does not read 0, it may be a
      // blank. Nothing seen there: a blank in a table whose other empty cells were seen empty (blanks
      // printed as nothing). Nothing seen, or ink read as a placeholder reads misread (a 7 for a slash,
      // 龙 for 无, □): a 0 lost or misread in a table that prints no blank anywhere, else either, and
      // it stays unreadable. Other ink (an X, a 6) is a misread 0.
      let found: number | null = derived;
      if (derived === 0 && !ZERO_READING.test(target.raw)) {
        const seenNothing = target.raw.trim() === '';
        // (A raw of several words is its row's: the cell's own ink is not known. Nor is ink the readers
        // made nothing sure of: drawn-063's "8" at 0.00 was a dash under a seal's remains, a printed blank.)
        const unknownInk = seenNothing || PLACEHOLDER_MISREAD.test(target.raw) || /\S\s+\S/.test(target.raw.trim()) || target.confidence < UNKNOWN_INK_CONFIDENCE;
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
