/**
 * Numbers OCR read unsure that the identities confirm together. Where two or more unsure readings
 * share an identity, none is the one unknown that inference fills (infer.ts), yet each may be right:
 * under a seal or on a faint page, a row's cells are read unsure side by side. An unsure number is
 * taken when, with every unsure number standing in for its cell, each identity through it is
 * complete and holds, and there are two such identities at least (三's row total and its column's
 * sum). A misread number would have to be made good by other misreadings in its row and in its
 * column at once. Taken, it is flagged `inferred` (never `ok`), its raw text kept, with an issue.
 */
import { makeIssue } from '../model/issues.js';
import type { Issue } from '../schema/records.js';
import type { CellReading } from '../tables/reading.js';
import type { Identity } from './checks.js';

const keyOf = (c: CellReading): string => `${c.table}.${c.row}.${c.column}`;

/** One whole number read, nothing else. */
const ONE_COUNT = /^\s*\d+\s*$/;

/**
 * Identities through a cell, complete and holding, that confirm its unsure reading: at least this
 * many. One is not enough: a row whose one number is its total holds with both misread alike
 * (drawn-063: 28 read "8" under 自然人 and under 总计, both unsure, in two rows).
 */
const CONFIRMING_IDENTITIES = 2;

/**
 * The cells with the unsure readings (confidence `minConfidence` at least) that the identities
 * confirm as read, flagged inferred; the issues naming them.
 */
export function confirmUnsureReadings(cells: readonly CellReading[], list: readonly Identity[], minConfidence: number): { cells: CellReading[]; issues: Issue[] } {
  const isUnsure = (c: CellReading): boolean => c.method === 'ocr' && c.flag === 'unreadable' && c.confidence >= minConfidence && ONE_COUNT.test(c.raw);
  const unsure = cells.filter(isUnsure);
  // One unsure number alone in its identities is inference's to settle (it checks the reading too).
  if (unsure.length < 2) return { cells: [...cells], issues: [] };
  const byKey = new Map(cells.map((c) => [keyOf(c), c]));
  // The value each cell stands for with the unsure numbers standing in; undefined where not known.
  const standing = (key: string): number | null | undefined => {
    const cell = byKey.get(key);
    if (!cell) return undefined;
    if (isUnsure(cell)) return Number(cell.raw);
    return cell.flag === 'ok' || cell.flag === 'inferred' || cell.flag === 'blank' || cell.flag === 'corrected' ? cell.value : undefined;
  };
  // Whether an identity is complete and holds with the unsure numbers standing in; null when it is not complete or checks nothing.
  const holds = (identity: Identity): boolean | null => {
    const left = identity.left.map(standing);
    const right = identity.right.map(standing);
    if ([...left, ...right].some((v) => v === undefined)) return null;
    // As the checks do: a total printed blank checks nothing.
    if (identity.whenFirstPrinted && left[0] === null) return null;
    const sum = (values: readonly (number | null | undefined)[]): number => values.reduce<number>((a, v) => a + (v ?? 0), 0);
    return Math.round(sum(left) * 1e6) === Math.round(sum(right) * 1e6);
  };
  const confirmed = new Map<string, Identity[]>();
  for (const cell of unsure) {
    const key = keyOf(cell);
    const through = list.filter((i) => i.left.includes(key) || i.right.includes(key));
    const results = through.map((i) => ({ identity: i, holds: holds(i) }));
    // An identity through it that fails: some number in it is wrong, perhaps this one.
    if (results.some((r) => r.holds === false)) continue;
    const holding = results.filter((r) => r.holds === true).map((r) => r.identity);
    // One identity alone, with another unsure number in it, is held by the two together: no proof.
    if (holding.length >= CONFIRMING_IDENTITIES) confirmed.set(key, holding);
  }
  const issues: Issue[] = [];
  const out = cells.map((c) => {
    const holding = confirmed.get(keyOf(c));
    if (!holding) return c;
    issues.push(
      makeIssue('warning', 'validate', 'value_confirmed', `${keyOf(c)}: read "${c.raw.trim()}" unsure (confidence ${c.confidence.toFixed(2)}); confirmed by ${holding.map((i) => i.description).join(' and ')}, each complete and holding`, {
        ...(c.page !== null ? { page: c.page } : {}),
        path: keyOf(c).split('.'),
      }),
    );
    return { ...c, value: Number(c.raw), flag: 'inferred' as const, confidence: Math.min(c.confidence, 0.5) };
  });
  return { cells: out, issues };
}
