/**
 * Matches printed row labels to the standard rows, tolerant of typos, OCR substitutions,
 * dropped characters, variant numbering and group labels glued in front (templates.md §7.2).
 */
import type { RowSpec } from '../model/table.js';
import { labelKey, normaliseLabel } from './normalise.js';
import { remembered } from './remembered.js';
import { REQUEST_ROW_SPECS } from './templates.js';

const HAN_NUMERAL = '[一二三四五六七八九十]+';
/** One leading numbering token: 一、 / （一） / 1. / 1、 / "1 ." (NFKC has turned （ into "("). */
const NUMBERING = new RegExp(
  `^(?:第?(${HAN_NUMERAL})[、,.]|\\((${HAN_NUMERAL})\\)|(\\d{1,2})(?:[.、,](?!\\d)|(?=\\p{Script=Han})))`,
  'u',
);

/** A numbering token inside a text: "5." / "5 ." / "5、" / "（五）" / "五、", not the digits of a number. */
// After a Han character only where 三's top rows begin ("…申请数量三、本年度办理结果", a row whose blanks left nothing).
const INNER_NUMBERING = new RegExp(`(?<![\\d.])\\d{1,2}\\s*[.．、](?!\\d)|[（(]${HAN_NUMERAL}[)）]|(?<![\\p{Script=Han}])${HAN_NUMERAL}、|${HAN_NUMERAL}、(?=本年|上年|结转)`, 'gu');

/**
 * The labels of several rows printed in one cell ("4.保护第三方合法权益 5.属于三类内部事务信息"
 * when a scan lost the rule between them), split where each numbering starts.
 */
export function splitAtNumbering(text: string): string[] {
  const starts = [...text.matchAll(INNER_NUMBERING)].map((m) => m.index ?? 0).filter((i) => i > 0 && text.slice(0, i).trim() !== '');
  const bounds = [0, ...starts, text.length];
  return bounds.slice(0, -1).map((from, k) => text.slice(from, bounds[k + 1]).trim()).filter((part) => part !== '');
}

/** A label with its numbering tokens and group phrases taken off the front. */
export interface ParsedLabel {
  /** Numbering tokens in the order they were printed, e.g. ["三", "(一)"]. */
  numbering: string[];
  /** The label key that is left (Han, letters and digits only). */
  key: string;
}

/** Strips leading numbering and group phrases (repeatedly), keeping the numbering as hints. */
export function parseLabel(text: string, groupPhrases: readonly string[] = []): ParsedLabel {
  // A bracket or comma left over from a wrapped neighbour ("（三" / "）不予公开…") is no part of the label.
  let rest = normaliseLabel(text).replace(/^[)\]】、,.。:;]+/, '');
  const numbering: string[] = [];
  for (let guard = 0; guard < 8; guard++) {
    const m = NUMBERING.exec(rest);
    if (m) {
      numbering.push(m[1] ?? (m[2] ? `(${m[2]})` : (m[3] ?? '')));
      rest = rest.slice(m[0].length);
      continue;
    }
    const group = groupPhrases.find((g) => rest.startsWith(g) && labelKey(rest.slice(g.length)).length > 0);
    if (group) {
      rest = rest.slice(group.length);
      continue;
    }
    break;
  }
  return { numbering, key: labelKey(rest) };
}

/** Length of the longest common subsequence of two strings (by code point). */
export function lcsLength(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0 || y.length === 0) return 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  let cur = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      cur[j] = x[i - 1] === y[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length] ?? 0;
}

/** How well a label matches one row. */
export interface RowMatch<K extends string> {
  key: K;
  /** Dice similarity of printed and canonical label (0..1): penalises both missing and extra text. */
  similarity: number;
  /** Share of the canonical label found, in order, in the printed label (0..1). */
  coverage: number;
  /** Printed characters that are not part of the canonical label. */
  extra: number;
  /** True when the printed label equals the canonical label or an alias. */
  exact: boolean;
}

/** Minimum share of a canonical label that must be present for a match. */
export const DEFAULT_MIN_COVERAGE = 0.6;

/** A canonical label key with its length and character counts, for a cheap bound before the LCS. */
interface CanonicalKey {
  key: string;
  length: number;
  counts: ReadonlyMap<string, number>;
}

const canonicalCache = new WeakMap<RowSpec, CanonicalKey[]>();

/** Counts per label key, remembered (the decoder matches the same key against every row). */
const charCounts = remembered((text: string): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
});

/** The canonical keys a row spec accepts: its label and its aliases, numbering stripped (cached per spec). */
function canonicalKeys(spec: RowSpec, groupPhrases: readonly string[]): CanonicalKey[] {
  let keys = canonicalCache.get(spec);
  if (!keys) {
    keys = [spec.label, ...spec.aliases].map((l) => {
      const key = parseLabel(l, groupPhrases).key;
      return { key, length: [...key].length, counts: charCounts(key) };
    });
    canonicalCache.set(spec, keys);
  }
  return keys;
}

/** An upper bound of the LCS: the characters the two strings share, with multiplicity. */
function sharedCharacters(label: ReadonlyMap<string, number>, canon: ReadonlyMap<string, number>): number {
  let shared = 0;
  for (const [ch, n] of canon) shared += Math.min(n, label.get(ch) ?? 0);
  return shared;
}

/**
 * Scores a parsed label against every candidate row and returns the most similar (Dice over the
 * longest common subsequence), or undefined when none covers `minCoverage` of its canonical label.
 * Ties go to the row whose numbering equals the printed one, then to the row nearest `expectedIndex`.
 */
export function matchRowLabel<K extends string>(
  label: ParsedLabel,
  candidates: readonly RowSpec<K>[],
  groupPhrases: readonly string[],
  options: { expectedIndex?: number; minCoverage?: number } = {},
): RowMatch<K> | undefined {
  const ownNumber = label.numbering.at(-1) ?? null;
  if (label.key.length === 0) return byOwnNumbering(label, candidates, groupPhrases);
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const labelLength = [...label.key].length;
  const labelCounts = charCounts(label.key);
  let best: { match: RowMatch<K>; rank: number[] } | undefined;
  candidates.forEach((spec, index) => {
    for (const { key: canon, length: canonLength, counts } of canonicalKeys(spec, groupPhrases)) {
      // Cheap bound first: the common subsequence cannot exceed the characters both strings share.
      if (sharedCharacters(labelCounts, counts) < Math.max(canonLength * minCoverage, Math.min(2, canonLength))) continue;
      const common = lcsLength(label.key, canon);
      const coverage = common / canonLength;
      // Short canonical labels ("其他", "总计") must be found whole, not assembled from stray characters.
      if (coverage < minCoverage || common < Math.min(2, canonLength)) continue;
      const extra = labelLength - common;
      if (extra > canonLength * 2 + 12) continue;
      const similarity = (2 * common) / (labelLength + canonLength);
      const match: RowMatch<K> = { key: spec.key, similarity, coverage, extra, exact: label.key === canon };
      const rank = [
        Math.round(similarity * 100) / 100,
        ownNumber !== null && ownNumber === spec.numbering ? 1 : 0,
        -Math.abs(index - (options.expectedIndex ?? index)),
      ];
      if (!best || compareRank(rank, best.rank) > 0) best = { match, rank };
    }
  });
  return best?.match ?? byOwnNumbering(label, candidates, groupPhrases);
}

/**
 * Numberings that are one row's own in 三 of both formats: printed once, on a row of both (not 2019's
 * （六）其他处理, whose numbering heads a group in 2021; not 1.–5., printed in several groups).
 */
const OWN_NUMBERINGS: ReadonlySet<string> = new Set(
  REQUEST_ROW_SPECS.filter((r) => r.templates.length > 1 && REQUEST_ROW_SPECS.filter((o) => o.numbering === r.numbering).length === 1).flatMap((r) => (r.numbering ? [r.numbering] : [])),
);

/** Characters a garbled label may keep beside its numbering and still be known by it alone. */
const GARBLED_REST = 3;

/**
 * A label OCR garbled but for its numbering, where the numbering is one row's own (OWN_NUMBERINGS):
 * that row, as a weak, inexact match. Bracketed ("(七) 总讨", "(七)纺计", "(七)" and a speck) with at
 * most a few characters beside it; else ("8.属天行政□条科") still holding part of the row's words.
 */
function byOwnNumbering<K extends string>(label: ParsedLabel, candidates: readonly RowSpec<K>[], groupPhrases: readonly string[]): RowMatch<K> | undefined {
  const own = label.numbering.at(-1);
  if (!own) return undefined;
  const row = candidates.find((c) => c.numbering === own);
  if (!row || !OWN_NUMBERINGS.has(own)) return undefined;
  const length = [...label.key].length;
  if (own.startsWith('(') ? length > GARBLED_REST : !sharesEnough(label.key, canonicalKeys(row, groupPhrases)[0]?.key ?? '')) return undefined;
  return { key: row.key, similarity: 0.5, coverage: DEFAULT_MIN_COVERAGE, extra: length, exact: false };
}

/** Share of a row's label a garbled label numbered as that row alone must still hold, in order. */
const GARBLED_COVERAGE = 0.3;

/** True when a label key holds, in order, enough of a row's own label key (its first canonical key, cached). */
function sharesEnough(key: string, canon: string): boolean {
  return lcsLength(key, canon) >= Math.max(2, [...canon].length * GARBLED_COVERAGE);
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when the normalised text contains any of the words (compared as label keys). */
export function containsAny(text: string, words: readonly string[]): boolean {
  const key = labelKey(normaliseLabel(text));
  return words.some((w) => key.includes(labelKey(normaliseLabel(w))));
}
