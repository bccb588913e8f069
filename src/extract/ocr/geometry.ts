/**
 * Page geometry from an ink mask: skew angle (projection profiles) and the ruling lines of
 * tables as edges in pixels.
 */
import type { Edge } from '../../model/document.js';
import type { RuledGrid } from '../../layout/ruling.js';
import type { InkMask } from './raster.js';

function profileScore(points: Int32Array, tan: number, size: number, step: number): number {
  const bins = new Float64Array(Math.ceil(size / step) * 2 + 4);
  const offset = bins.length / 2;
  for (let i = 0; i < points.length; i += 2) {
    const bin = Math.round(((points[i + 1] as number) - (points[i] as number) * tan) / step + offset);
    if (bin >= 0 && bin < bins.length) bins[bin] = (bins[bin] as number) + 1;
  }
  let score = 0;
  for (let i = 1; i < bins.length; i++) score += ((bins[i] as number) - (bins[i - 1] as number)) ** 2;
  return score;
}

/** The step, in pixels, at which a page's ink is sampled for its skew: about 1200 samples along its long side. */
export function skewSampleStep(width: number, height: number): number {
  return Math.max(1, Math.round(Math.max(width, height) / 1200));
}

/**
 * The skew of the text lines and rules in degrees (positive: lines fall to the right), searched
 * within ±maxDegrees: the angle whose row profile is sharpest. `points` are ink pixels (x, y
 * pairs) sampled every `step` pixels of a page `height` high.
 */
export function skewOfSamples(points: Int32Array, height: number, step: number, maxDegrees = 5): number {
  if (points.length < 200) return 0;
  const search = (from: number, to: number, by: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let a = from; a <= to + 1e-9; a += by) {
      const score = profileScore(points, Math.tan((a * Math.PI) / 180), height, step);
      if (score > bestScore) {
        bestScore = score;
        best = a;
      }
    }
    return best;
  };
  const coarse = search(-maxDegrees, maxDegrees, 0.25);
  return Math.round(search(coarse - 0.25, coarse + 0.25, 0.05) * 100) / 100;
}

interface Segment {
  at: number;
  from: number;
  to: number;
}

/** Long runs of ink along each line (rows for horizontal rules), bridging gaps of up to `gap` pixels. */
function longRuns(mask: InkMask, horizontal: boolean, minLength: number, gap: number): Segment[] {
  return horizontal ? longRunsAlongRows(mask, minLength, gap) : longRunsDownColumns(mask, minLength, gap);
}

function longRunsAlongRows(mask: InkMask, minLength: number, gap: number): Segment[] {
  const segments: Segment[] = [];
  for (let at = 0; at < mask.height; at++) {
    const row = at * mask.width;
    let start = -1;
    let lastInk = -1;
    for (let k = 0; k < mask.width; k++) {
      if (mask.data[row + k] !== 1) continue;
      if (start < 0 || k - lastInk > gap + 1) {
        if (start >= 0 && lastInk - start + 1 >= minLength) segments.push({ at, from: start, to: lastInk });
        start = k;
      }
      lastInk = k;
    }
    if (start >= 0 && lastInk - start + 1 >= minLength) segments.push({ at, from: start, to: lastInk });
  }
  return segments;
}

/**
 * The same down the columns, walked row by row with each column's run kept open (walking a column
 * at a time strides through memory), and given column by column as longRunsAlongRows gives rows.
 */
function longRunsDownColumns(mask: InkMask, minLength: number, gap: number): Segment[] {
  const { width, height, data } = mask;
  const start = new Int32Array(width).fill(-1);
  const lastInk = new Int32Array(width).fill(-1);
  const byColumn: Segment[][] = [];
  const close = (at: number): void => {
    const from = start[at] as number;
    const to = lastInk[at] as number;
    if (from >= 0 && to - from + 1 >= minLength) (byColumn[at] ??= []).push({ at, from, to });
  };
  for (let k = 0; k < height; k++) {
    const row = k * width;
    for (let at = 0; at < width; at++) {
      if (data[row + at] !== 1) continue;
      if ((start[at] as number) < 0 || k - (lastInk[at] as number) > gap + 1) {
        close(at);
        start[at] = k;
      }
      lastInk[at] = k;
    }
  }
  const segments: Segment[] = [];
  for (let at = 0; at < width; at++) {
    close(at);
    for (const segment of byColumn[at] ?? []) segments.push(segment);
  }
  return segments;
}

/** Joins runs on neighbouring lines that overlap into one rule (a rule is several pixels thick). */
function joinRuns(segments: readonly Segment[], orientation: 'h' | 'v', maxThickness: number, joinGap: number): Edge[] {
  interface Band {
    first: number;
    last: number;
    from: number;
    to: number;
    weight: number;
    sum: number;
  }
  const open: Band[] = [];
  const done: Band[] = [];
  for (const s of segments) {
    for (let i = open.length - 1; i >= 0; i--) {
      const band = open[i] as Band;
      if (s.at - band.last > 2) {
        done.push(band);
        open.splice(i, 1);
      }
    }
    const band = open.find((b) => s.from <= b.to + 3 && s.to >= b.from - 3);
    const weight = s.to - s.from + 1;
    if (band) {
      band.last = s.at;
      band.from = Math.min(band.from, s.from);
      band.to = Math.max(band.to, s.to);
      band.weight += weight;
      band.sum += s.at * weight;
    } else {
      open.push({ first: s.at, last: s.at, from: s.from, to: s.to, weight, sum: s.at * weight });
    }
  }
  done.push(...open);
  // A band much thicker than a rule is a filled area or a bold block, not a line.
  const edges = done
    .filter((b) => b.last - b.first + 1 <= maxThickness + Math.abs(b.to - b.from) * 0.035)
    .map((b) => ({ orientation, position: b.sum / b.weight, start: b.from, end: b.to }))
    .sort((a, b) => a.position - b.position || a.start - b.start);
  // Pieces of one rule (broken where it drifted a pixel) are joined again.
  const joined: Edge[] = [];
  for (const e of edges) {
    const same = joined.find((j) => Math.abs(j.position - e.position) <= 2.5 && e.start <= j.end + joinGap && e.end >= j.start - joinGap);
    if (same) {
      const a = same.end - same.start;
      const b = e.end - e.start;
      same.position = (same.position * a + e.position * b) / Math.max(1, a + b);
      same.start = Math.min(same.start, e.start);
      same.end = Math.max(same.end, e.end);
    } else {
      joined.push({ ...e });
    }
  }
  return joined;
}

/**
 * The ruling lines of a page: long ink runs in bands no thicker than a rule (plus what a 2° skew
 * adds), lengths and thickness in proportion to the page's text height.
 */
export function findRules(horizontal: InkMask, vertical: InkMask, textHeight: number): Edge[] {
  const gap = 4;
  const maxThickness = Math.max(4, textHeight * 0.35);
  // Pieces of one rule broken where another crosses it: far shorter than any cell.
  const joinGap = Math.max(6, textHeight * 0.6);
  // A line of text averaged along its row can look like a short rule; rows of a table are
  // short vertically, so horizontal rules must be longer than vertical ones.
  return [
    ...joinRuns(longRuns(horizontal, true, Math.max(40, textHeight * 3.5), gap), 'h', maxThickness, joinGap),
    ...joinRuns(longRuns(vertical, false, Math.max(30, textHeight * 1.6), gap), 'v', maxThickness, joinGap),
  ];
}

/**
 * The missing top or bottom rule of a table split across pages: its row is printed open, the
 * vertical rules simply stop (洪泽区 2023 p.3 ends in the middle of （四）). Where three or more
 * vertical rules run on past the last horizontal rule they cross (or start before the first) and
 * end together, a rule is added where they end, so the grid closes its last row.
 */
export function closeOpenEnds(edges: readonly Edge[], textHeight: number): Edge[] {
  const horizontals = edges.filter((e) => e.orientation === 'h');
  const verticals = edges.filter((e) => e.orientation === 'v');
  if (horizontals.length === 0 || verticals.length < 3) return [...edges];
  const added: Edge[] = [];
  const beyond = textHeight * 0.8;
  for (const side of ['bottom', 'top'] as const) {
    const open = verticals.filter((v) => {
      const crossed = horizontals.filter((h) => h.start <= v.position + 2 && h.end >= v.position - 2 && h.position >= v.start - 2 && h.position <= v.end + 2);
      if (crossed.length === 0) return false;
      return side === 'bottom' ? v.end - Math.max(...crossed.map((h) => h.position)) >= beyond : Math.min(...crossed.map((h) => h.position)) - v.start >= beyond;
    });
    if (open.length < 3) continue;
    const ends = open.map((v) => (side === 'bottom' ? v.end : v.start)).sort((a, b) => a - b);
    const median = ends[Math.floor(ends.length / 2)] as number;
    const together = open.filter((v) => Math.abs((side === 'bottom' ? v.end : v.start) - median) <= textHeight * 0.5);
    if (together.length < 3) continue;
    const start = Math.min(...together.map((v) => v.position));
    const end = Math.max(...together.map((v) => v.position));
    // Only the open end of the whole table: no rule across those columns lies further out.
    const across = horizontals.filter((h) => Math.min(h.end, end) - Math.max(h.start, start) >= (end - start) * 0.5).map((h) => h.position);
    const outermost = side === 'bottom' ? median - Math.max(...across) : Math.min(...across) - median;
    if (outermost < beyond) continue;
    added.push({ orientation: 'h', position: median, start, end });
  }
  return [...edges, ...added];
}

/**
 * A copy of the mask with the rules wiped out, leaving the text: the band `halfWidth` around each
 * rule's line, and the rule's own ink followed along its length from its middle outwards. A rule
 * on a page deskewed to within a few tenths of a degree (or one that bows) drifts several pixels
 * from its mean position across a page-wide table, and a straight band alone leaves its ends
 * inside the cells as "text". The ink followed is the run across the rule nearest where the rule
 * was last seen, when it is no thicker than a rule and has moved no more than a pixel step (a
 * stroke touching the rule makes a thicker run, and is left alone).
 */
export function eraseRules(mask: InkMask, rules: readonly Edge[], halfWidth: number): InkMask {
  const data = Uint8Array.from(mask.data);
  const thickest = Math.ceil(halfWidth * 2.5);
  const drift = Math.ceil(halfWidth * 3);
  for (const e of rules) {
    const horizontal = e.orientation === 'h';
    const across = horizontal ? mask.height : mask.width;
    const along = horizontal ? mask.width : mask.height;
    const at = (k: number, a: number): number => (horizontal ? a * mask.width + k : k * mask.width + a);
    const ink = (k: number, a: number): boolean => a >= 0 && a < across && mask.data[at(k, a)] === 1;
    const wipe = (k: number, from: number, to: number): void => {
      for (let a = Math.max(0, Math.floor(from)); a <= Math.min(across - 1, Math.ceil(to)); a++) data[at(k, a)] = 0;
    };
    const first = Math.max(0, Math.floor(e.start));
    const last = Math.min(along - 1, Math.ceil(e.end));
    const middle = Math.round((first + last) / 2);
    for (const direction of [1, -1]) {
      let centre = e.position;
      for (let k = direction === 1 ? middle : middle - 1; k >= first && k <= last; k += direction) {
        wipe(k, e.position - halfWidth, e.position + halfWidth);
        let seed = -1;
        for (let d = 0; d <= halfWidth && seed < 0; d++) {
          if (ink(k, Math.round(centre + d))) seed = Math.round(centre + d);
          else if (ink(k, Math.round(centre - d))) seed = Math.round(centre - d);
        }
        if (seed < 0) continue;
        let from = seed;
        let to = seed;
        while (ink(k, from - 1) && seed - from <= thickest) from--;
        while (ink(k, to + 1) && to - seed <= thickest) to++;
        const mid = (from + to) / 2;
        if (to - from + 1 > thickest || Math.abs(mid - centre) > halfWidth) continue;
        wipe(k, from, to);
        // Follow slowly: one column's run is a pixel step of an aliased line.
        centre = Math.max(e.position - drift, Math.min(e.position + drift, centre * 0.8 + mid * 0.2));
      }
    }
  }
  return { width: mask.width, height: mask.height, data };
}

/**
 * True when a grid has a vertical rule down most of its height (its border, a column's rule): a
 * table's grid does. Grids framed by horizontal rules and characters' strokes chained into short
 * "rules" (the numbering 1. 2. 3. down a compact table, two-character header words stacked) have
 * only short ones.
 */
export function hasColumnRule(grid: RuledGrid, edges: readonly Edge[], snap: number): boolean {
  const height = grid.bbox.y1 - grid.bbox.y0;
  return edges.some(
    (e) =>
      e.orientation === 'v' &&
      e.position >= grid.bbox.x0 - snap &&
      e.position <= grid.bbox.x1 + snap &&
      Math.min(e.end, grid.bbox.y1) - Math.max(e.start, grid.bbox.y0) >= height * COLUMN_RULE_SHARE,
  );
}

/** Share of its grid's height a column's rule runs down at least. */
const COLUMN_RULE_SHARE = 0.6;
