/**
 * Column positions of an unruled table from its header cells' boxes (positioned text): header
 * words wrapped over lines are stacked back together, then each column word is found in order.
 */
import type { BBox, LineCell } from '../model/document.js';
import { lcsLength } from './labels.js';
import { labelKey, normaliseLabel } from './normalise.js';
import { clusterValues } from '../layout/cluster.js';
import type { HeaderPositions, Slot } from './slots.js';

interface Stack {
  x0: number;
  x1: number;
  key: string;
  page: number;
  /** Bottom of the last cell stacked. */
  y1: number;
}

/** A header cell with the page it is printed on. */
export interface HeaderCell {
  cell: LineCell;
  page: number;
}

/**
 * Stacks cells printed one under the other in the same column ("社会公" over "益组织", "法律服务"
 * over "机构"), also across a page break. Cells come in reading order.
 */
function stackCells(cells: readonly HeaderCell[], wordKeys: readonly string[] = []): Stack[] {
  const stacks: Stack[] = [];
  // Across a page break only the header's last line continues on the next page.
  const pageBottom = new Map<number, number>();
  for (const { cell, page } of cells) if (cell.bbox) pageBottom.set(page, Math.max(pageBottom.get(page) ?? -Infinity, cell.bbox.y1));
  for (const { cell, page } of cells) {
    const box = cell.bbox;
    if (!box) continue;
    const height = box.y1 - box.y0;
    const key = labelKey(normaliseLabel(cell.text));
    const stack = stacks.find((s) => {
      const overlap = Math.min(s.x1, box.x1) - Math.max(s.x0, box.x0);
      const lastLine = s.y1 >= (pageBottom.get(s.page) ?? Infinity) - height * 0.5;
      // Column text stacks a header's pieces around a line the next column's word sits on
      // ("结果" / "总计" beside it / "维持", pdftotext -layout): one line may lie between.
      const gap = cell.textColumns ? height * 1.5 : height * 0.8;
      const below = (page === s.page + 1 && lastLine) || (page === s.page && box.y0 - s.y1 > -height * 0.3 && box.y0 - s.y1 < gap);
      // A wrapped word's pieces are about as wide as each other; a group header over its columns is not.
      // Unless together they spell a column word: a word's last character or two wrapped to a line of
      // their own (商业企 / 业, drawn-035).
      const widths = [s.x1 - s.x0, box.x1 - box.x0].sort((a, b) => a - b) as [number, number];
      return below && overlap > 0.5 * widths[0] && (widths[1] <= widths[0] * 2.2 || wordKeys.includes(s.key + key));
    });
    if (stack) {
      stack.key += key;
      stack.x0 = Math.min(stack.x0, box.x0);
      stack.x1 = Math.max(stack.x1, box.x1);
      stack.page = page;
      stack.y1 = box.y1;
    } else stacks.push({ x0: box.x0, x1: box.x1, key, page, y1: box.y1 });
  }
  return stacks;
}

/**
 * A header cell that is column words run together, nothing else ("结果维持结果纠正其他结果": OCR or a
 * converter closed the narrow gaps between header cells on one line), as one piece per word, each
 * its share of the cell's width by characters (Han characters print at one width); none otherwise.
 */
function runTogetherWords(cell: Stack, wordKeys: readonly string[]): Stack[] {
  const pieces: { from: number; to: number }[] = [];
  for (let at = 0; at < cell.key.length; ) {
    const word = wordKeys.filter((k) => k !== '' && cell.key.startsWith(k, at)).sort((a, b) => b.length - a.length)[0];
    if (word === undefined) return [];
    pieces.push({ from: at, to: at + word.length });
    at += word.length;
  }
  if (pieces.length < 2) return [];
  const perCharacter = (cell.x1 - cell.x0) / cell.key.length;
  return pieces.map((p) => ({ ...cell, key: cell.key.slice(p.from, p.to), x0: cell.x0 + p.from * perCharacter, x1: cell.x0 + p.to * perCharacter }));
}

/**
 * A header cell's columns: one per column word where the cell is such words run together, nothing
 * else ("本年制发件数本年废止件数", OCR having closed the gap between two header cells); else the
 * cell whole. Given the width one character prints at (`characterWidth`, from the line's other
 * header cells), each word is that wide, the first at the cell's start, the last at its end, and the
 * space between them shared out: OCR runs words together across the space that centres each in its
 * column (drawn-064: "上一年项目数量本年增/减" over 402 px, its 本年增/减 the last 134). Without it,
 * each word takes its share of the cell by characters.
 */
export function columnsOfHeaderCell(box: { x0: number; x1: number }, text: string, words: readonly string[], characterWidth?: number): { start: number; span: number }[] {
  const wordKeys = [...new Set(words.map((w) => labelKey(normaliseLabel(w))))];
  const pieces = runTogetherWords({ x0: box.x0, x1: box.x1, key: labelKey(normaliseLabel(text)), page: 0, y1: 0 }, wordKeys);
  if (pieces.length === 0) return [{ start: box.x0, span: box.x1 - box.x0 }];
  const printed = pieces.reduce((n, p) => n + p.key.length, 0);
  const space = characterWidth === undefined ? 0 : box.x1 - box.x0 - printed * characterWidth;
  if (characterWidth === undefined || space <= 0) return pieces.map((p) => ({ start: p.x0, span: p.x1 - p.x0 }));
  let at = box.x0;
  return pieces.map((p) => {
    const column = { start: at, span: p.key.length * characterWidth };
    at += column.span + space / (pieces.length - 1);
    return column;
  });
}

/**
 * The x-extent of each column, in printed order, when every word is found left to right (a word
 * may repeat, as 四's five headers do three times); undefined otherwise.
 */
export function positionedColumns(cells: readonly HeaderCell[], words: readonly string[]): HeaderPositions | undefined {
  // A header word printed whole in one cell is taken before any stack of pieces.
  const wordKeys = [...new Set(words.map((w) => labelKey(normaliseLabel(w))))];
  const singles: Stack[] = cells.flatMap(({ cell, page }) => {
    if (!cell.bbox) return [];
    const whole = { x0: cell.bbox.x0, x1: cell.bbox.x1, key: labelKey(normaliseLabel(cell.text)), page, y1: cell.bbox.y1 };
    return [whole, ...runTogetherWords(whole, wordKeys)];
  });
  const stacks = [...singles.sort((a, b) => a.x0 - b.x0), ...stackCells(cells, wordKeys).sort((a, b) => a.x0 - b.x0)];
  const used = new Set<Stack>();
  const columns: { start: number; span: number }[] = [];
  let minX = -Infinity;
  for (const word of words) {
    const key = labelKey(normaliseLabel(word));
    const found = stacks.find((s) => !used.has(s) && s.key === key && s.x0 >= minX - 1 && ![...used].some((u) => Math.abs(u.x0 - s.x0) < 1 && Math.abs(u.x1 - s.x1) < 1));
    if (!found) return wordsInOrder(stacks, words);
    used.add(found);
    columns.push({ start: found.x0, span: found.x1 - found.x0 });
    minX = found.x1;
  }
  return { kind: 'x', columns };
}

/** Share of a header's words that may be found garbled (half their characters read), the rest found as printed. */
const MAX_GARBLED_WORDS = 1 / 3;

/**
 * The columns when some header words were read garbled (OCR: 总计 as "总" over ",这,计", 结果维持 as
 * "结果" over "5"): each word matched, left to right, to a header cell or stack that spells it or
 * holds half its characters in order, the assignment that spells the most words as printed winning;
 * at most a third of the words garbled, and none left out. Undefined when no such assignment exists.
 */
function wordsInOrder(stacks: readonly Stack[], words: readonly string[]): HeaderPositions | undefined {
  const keys = words.map((w) => labelKey(normaliseLabel(w)));
  const candidates = [...stacks].sort((a, b) => a.x0 - b.x0 || a.x1 - b.x1);
  // A garbled word is no longer than twice the word, or no wider than the widest word found as
  // printed: OCR reads a narrow column's wrapped 总 / 计 as a string of noise ("全一1/上和计"), but
  // a cell wider than any column is a line of other words.
  const widestPrinted = Math.max(0, ...candidates.filter((c) => keys.includes(c.key)).map((c) => c.x1 - c.x0));
  // score: 2 a word as printed, 1 a garbled one, null no match.
  const score = (k: number, c: Stack): number | null => {
    const key = keys[k] as string;
    if (c.key === key) return 2;
    const short = c.key.length <= key.length * 2 || c.x1 - c.x0 <= widestPrinted * 1.2;
    return c.key.length > 0 && lcsLength(c.key, key) * 2 >= key.length && short ? 1 : null;
  };
  // best[k][j]: the best total for words 0..k with word k on candidate j, and the candidate before.
  const best: ({ total: number; garbled: number; from: number } | null)[][] = keys.map(() => candidates.map(() => null));
  keys.forEach((_, k) => {
    candidates.forEach((c, j) => {
      const own = score(k, c);
      if (own === null) return;
      const garbled = own === 1 ? 1 : 0;
      if (k === 0) {
        best[0]![j] = { total: own, garbled, from: -1 };
        return;
      }
      let from = -1;
      candidates.forEach((prev, i) => {
        const before = best[k - 1]![i];
        if (before && prev.x1 <= c.x0 + 1 && (from < 0 || before.total > best[k - 1]![from]!.total)) from = i;
      });
      const before = from >= 0 ? best[k - 1]![from]! : null;
      best[k]![j] = before ? { total: before.total + own, garbled: before.garbled + garbled, from } : null;
    });
  });
  const last = best[keys.length - 1] ?? [];
  let end = -1;
  last.forEach((b, j) => {
    if (b && (end < 0 || b.total > (last[end]?.total ?? -1))) end = j;
  });
  const found = end >= 0 ? last[end] : null;
  if (!found || found.garbled > keys.length * MAX_GARBLED_WORDS) return undefined;
  const chain: Stack[] = [];
  for (let k = keys.length - 1, j = end; k >= 0 && j >= 0; j = best[k]![j]!.from, k--) chain.unshift(candidates[j] as Stack);
  return { kind: 'x', columns: chain.map((c) => ({ start: c.x0, span: c.x1 - c.x0 })) };
}

/** Values aligned in a column differ in where they start, end or centre by less than this (page units). */
const ALIGNMENT_TOLERANCE = 3;

/**
 * Column positions from the values themselves: numbers in an unruled column share a left edge,
 * a right edge or a centre. The anchor that clusters into exactly `n` tight columns wins. Up to
 * `maxStrays` values standing alone are strays, not columns: where every row given prints every
 * column, each column holds a value of each, and a lone value apart is a piece of a label read as
 * one (drawn-059 p2: "结4" of 四、结转下年度继续办理 gave an eighth column, and the page had
 * none). More than a few lone values are columns drifting apart (a photo), not strays.
 */
export function columnsFromValues(slots: readonly Slot[], n: number, tolerance = ALIGNMENT_TOLERANCE, maxStrays = 0): HeaderPositions | undefined {
  const boxes = slots.filter((s) => s.bbox && s.text.trim() !== '').map((s) => s.bbox!);
  if (boxes.length < n) return undefined;
  const anchors = { x0: boxes.map((b) => b.x0), mid: boxes.map((b) => (b.x0 + b.x1) / 2), x1: boxes.map((b) => b.x1) } as const;
  let best: { anchor: 'x0' | 'mid' | 'x1'; clusters: number[][]; spread: number } | undefined;
  for (const anchor of ['x0', 'x1', 'mid'] as const) {
    const all = clusterValues(anchors[anchor], tolerance);
    const clusters = all.length > n ? withoutStrays(all, n, maxStrays) : all;
    if (clusters.length !== n) continue;
    const spread = Math.max(...clusters.map((c) => (c.at(-1) as number) - (c[0] as number)));
    if (!best || spread < best.spread) best = { anchor, clusters, spread };
  }
  if (!best) return undefined;
  const centres = best.clusters.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
  return { kind: 'x', columns: columnsAround(centres), anchor: best.anchor, anchors: centres, anchorTolerance: tolerance };
}

/**
 * The n columns among more clusters: the n largest, where every other cluster is smaller than each
 * of them and all others together hold no more than `maxStrays` values (pieces of labels, a value
 * read off its column); else all of them (no n columns).
 */
function withoutStrays(all: readonly number[][], n: number, maxStrays: number): number[][] {
  const bySize = [...all].sort((a, b) => b.length - a.length);
  const kept = bySize.slice(0, n);
  const dropped = bySize.slice(n);
  const smallestKept = kept.at(-1)?.length ?? 0;
  if (dropped.reduce((a, c) => a + c.length, 0) > maxStrays || dropped.some((c) => c.length >= smallestKept)) return [...all];
  return all.filter((c) => kept.includes(c));
}

/** Columns around their anchor lines: each reaches halfway to its neighbours. */
function columnsAround(centres: readonly number[]): { start: number; span: number }[] {
  return centres.map((c, i) => {
    const left = i === 0 ? c - 1000 : (c + (centres[i - 1] as number)) / 2;
    const right = i === centres.length - 1 ? c + 1000 : (c + (centres[i + 1] as number)) / 2;
    return { start: left, span: right - left };
  });
}

/**
 * Column positions from full rows whose columns drift down the page (a photo's perspective, a skew
 * left over after straightening): per column, a straight line x = a + b·y through the full rows'
 * values, by the anchor (start, end or centre) they fit best. Taken only where every full row's
 * value lies within `tolerance` of its column's line and the columns stay apart (four tolerances
 * at least) over the rows' height: then the columns at any row's height are those lines there.
 * (The one-tolerance clusters of columnsFromValues break apart once the drift over a table's
 * height passes the tolerance: drawn-040, a photo whose columns run 23 px right over its 三.)
 */
export function driftingColumns(rows: readonly (readonly Slot[])[], n: number, tolerance: number): ((y: number) => HeaderPositions) | undefined {
  const boxes = rows.map((slots) => slots.filter((s) => s.bbox && s.text.trim() !== '').map((s) => s.bbox!));
  if (boxes.length < 3 || boxes.some((b) => b.length !== n)) return undefined;
  const ys = boxes.map((b) => b.reduce((sum, box) => sum + (box.y0 + box.y1) / 2, 0) / n);
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  if (bottom - top < tolerance) return undefined;
  const points = { x0: (b: BBox) => b.x0, x1: (b: BBox) => b.x1, mid: (b: BBox) => (b.x0 + b.x1) / 2 } as const;
  let best: { anchor: 'x0' | 'x1' | 'mid'; lines: { a: number; b: number }[]; worst: number } | undefined;
  for (const anchor of ['x0', 'x1', 'mid'] as const) {
    const lines = Array.from({ length: n }, (_, k) => fitLine(ys, boxes.map((b) => points[anchor](b[k] as BBox))));
    const worst = Math.max(...boxes.flatMap((b, r) => b.map((box, k) => Math.abs(points[anchor](box) - at(lines[k]!, ys[r] as number)))));
    if (!best || worst < best.worst) best = { anchor, lines, worst };
  }
  if (!best || best.worst > tolerance) return undefined;
  const { anchor, lines } = best;
  const apart = (y: number): boolean => lines.every((line, k) => k === 0 || at(line, y) - at(lines[k - 1]!, y) >= tolerance * 4);
  if (!apart(top) || !apart(bottom)) return undefined;
  return (y) => {
    const centres = lines.map((line) => at(line, y));
    return { kind: 'x', columns: columnsAround(centres), anchor, anchors: centres };
  };
}

/** The least-squares line x = a + b·y through the points (ys[i], xs[i]). */
function fitLine(ys: readonly number[], xs: readonly number[]): { a: number; b: number } {
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const vy = ys.reduce((s, y) => s + (y - my) ** 2, 0);
  const b = vy === 0 ? 0 : ys.reduce((s, y, i) => s + (y - my) * ((xs[i] as number) - mx), 0) / vy;
  return { a: mx - b * my, b };
}

const at = (line: { a: number; b: number }, y: number): number => line.a + line.b * y;

/** How far a page's scale may differ from the page its header was read on (a photo, another dpi). */
const PAGE_SCALE_RANGE = [0.8, 1.25] as const;

/**
 * A header's columns carried onto another page, for a row of values printed there alone (四's one
 * row continued after a page break): its pages were scanned or photographed apart, so the same
 * column stands at another x, by x' = a + b·x. Each pair of values tried on each pair of columns
 * gives a map; a map is kept where every value's centre falls near one column's, a column each, in
 * order. Undefined unless every such map gives the values the same columns (then the map with the
 * values nearest their columns), or when fewer than two values are printed.
 */
export function headerOnValuesPage(header: HeaderPositions, slots: readonly Slot[]): HeaderPositions | undefined {
  const centres = header.columns.map((c) => c.start + c.span / 2);
  const values = slots.filter((s) => s.bbox && s.text.trim() !== '').map((s) => (s.bbox!.x0 + s.bbox!.x1) / 2);
  if (values.length < 2 || values.length > centres.length) return undefined;
  let best: { a: number; b: number; error: number } | undefined;
  const assignments = new Set<string>();
  const assign = (a: number, b: number): { columns: number[]; error: number } | undefined => {
    const mapped = centres.map((c) => a + b * c);
    const columns: number[] = [];
    let error = 0;
    for (const x of values) {
      let k = -1;
      mapped.forEach((m, j) => {
        if (k < 0 || Math.abs(m - x) < Math.abs((mapped[k] as number) - x)) k = j;
      });
      // Near: within a third of the way to its neighbouring columns.
      const gap = Math.min(...[mapped[k - 1], mapped[k + 1]].filter((m): m is number => m !== undefined).map((m) => Math.abs(m - (mapped[k] as number))));
      if (Math.abs((mapped[k] as number) - x) > gap / 3 || (columns.length > 0 && k <= (columns.at(-1) as number))) return undefined;
      columns.push(k);
      error += Math.abs((mapped[k] as number) - x);
    }
    return { columns, error };
  };
  for (let i1 = 0; i1 < values.length; i1++) {
    for (let i2 = i1 + 1; i2 < values.length; i2++) {
      for (let j1 = 0; j1 < centres.length; j1++) {
        for (let j2 = j1 + (i2 - i1); j2 < centres.length; j2++) {
          const b = ((values[i2] as number) - (values[i1] as number)) / ((centres[j2] as number) - (centres[j1] as number));
          if (b < PAGE_SCALE_RANGE[0] || b > PAGE_SCALE_RANGE[1]) continue;
          const a = (values[i1] as number) - b * (centres[j1] as number);
          const fit = assign(a, b);
          if (!fit) continue;
          assignments.add(fit.columns.join(','));
          if (!best || fit.error < best.error) best = { a, b, error: fit.error };
        }
      }
    }
  }
  if (!best || assignments.size !== 1) return undefined;
  const { a, b } = best;
  return { kind: 'x', columns: header.columns.map((c) => ({ start: a + b * c.start, span: b * c.span })) };
}
