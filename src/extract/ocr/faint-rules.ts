/**
 * Rules too faint for the rule masks. A hairline rule on a blurred, noisy 150 dpi scan breaks into
 * pieces shorter than any rule, so whole segments of a grid line go missing: label cells of several
 * rows then merge into one (their labels run together and the rows are lost), and a missing
 * segment beside a missing one merges cells into shapes no table prints. Where a grid line is
 * known from the rest of the table, one segment of it can be tested on the pixels themselves:
 * averaged along the whole segment, paper noise cancels and a faint line still shows as a thin,
 * dark band that runs from one end to the other.
 */
import type { Edge } from '../../model/document.js';
import type { RuledGrid } from '../../layout/ruling.js';
import type { Raster } from './raster.js';

/** How much darker (0–255) than the paper beside it a segment's line must be on average. */
const MIN_DIP = 7;
/** How much darker than the lightest row around the paper on each side of a rule may be (blur, shading). */
const SIDE_TOLERANCE = 8;
/** A pixel of the line, smoothed along it, is this much darker than the paper. */
const PIXEL_CONTRAST = 10;
/** Share of the segment the line must cover, in each third of it (text has gaps, a rule does not). */
const MIN_COVER = 0.8;

/** Grey of pixel (along, across) of a horizontal (`h`) or vertical line. */
function greyAt(raster: Raster, horizontal: boolean, along: number, across: number): number {
  const x = horizontal ? along : across;
  const y = horizontal ? across : along;
  if (x < 0 || y < 0 || x >= raster.width || y >= raster.height) return 255;
  return raster.data[y * raster.width + x] as number;
}

/**
 * The position of a faint rule along `position` (± `reach`) between `from` and `to`, or null
 * when the pixels show none: the line must be darker than the paper a few pixels away on both
 * sides (a rule is thin; a row through a line of text has more text above and below it) and
 * cover the segment from end to end.
 */
export function faintRuleAt(raster: Raster, horizontal: boolean, position: number, from: number, to: number, reach: number, textHeight: number): number | null {
  // Stay clear of the crossing rules at the ends.
  const inset = Math.max(4, Math.round(textHeight * 0.3));
  const a = Math.ceil(from) + inset;
  const b = Math.floor(to) - inset;
  if (b - a < textHeight) return null;
  const away = Math.max(5, Math.round(textHeight * 0.35));
  const lo = Math.floor(position - reach - away - 2);
  const hi = Math.ceil(position + reach + away + 2);
  const means = new Map<number, number>();
  for (let across = lo; across <= hi; across++) {
    let sum = 0;
    for (let along = a; along <= b; along++) sum += greyAt(raster, horizontal, along, across);
    means.set(across, sum / (b - a + 1));
  }
  const mean = (k: number): number => means.get(k) ?? 255;
  // Paper: the lightest row a few pixels away on each side; a rule has paper on both sides within
  // its blur, even where text comes close to it on one side.
  const side = (k: number, direction: 1 | -1): number => {
    let lightest = 0;
    for (let d = 3; d <= away; d++) lightest = Math.max(lightest, mean(k + d * direction));
    return lightest;
  };
  // The paper itself: the lightest row around. Beside a rule there is bare paper; between the
  // strokes of a line of text there are always more strokes.
  const bare = Math.max(...means.values());
  let best: number | null = null;
  let bestDip = 0;
  let bestPaper = 255;
  for (let k = Math.round(position - reach); k <= Math.round(position + reach); k++) {
    const paper = Math.min(side(k, -1), side(k, 1));
    const dip = paper - Math.min(mean(k), mean(k - 1), mean(k + 1));
    if (dip >= MIN_DIP && bare - paper <= SIDE_TOLERANCE && dip > bestDip) {
      bestDip = dip;
      bestPaper = paper;
      best = k;
    }
  }
  if (best === null) return null;
  const at = best;
  const paper = bestPaper;
  // Coverage: each pixel along the line, smoothed over 5 along it and the darkest of three rows across.
  const thirds = [0, 0, 0];
  const counts = [0, 0, 0];
  const span = b - a + 1;
  for (let along = a; along <= b; along++) {
    let darkest = 255;
    for (let d = -1; d <= 1; d++) {
      let sum = 0;
      for (let s = -2; s <= 2; s++) sum += greyAt(raster, horizontal, along + s, at + d);
      darkest = Math.min(darkest, sum / 5);
    }
    const third = Math.min(2, Math.floor(((along - a) * 3) / span));
    counts[third] = (counts[third] as number) + 1;
    if (darkest < paper - PIXEL_CONTRAST) thirds[third] = (thirds[third] as number) + 1;
  }
  return thirds.every((n, i) => n >= (counts[i] as number) * MIN_COVER) ? at : null;
}

/**
 * Edges for the faint segments of grid lines inside merged cells: every grid line segment that a
 * merged cell spans is tested on the pixels, and where a rule shows, the segment is added, so the
 * grid found again splits the cell as printed.
 */
export function faintRuleSegments(raster: Raster, grids: readonly RuledGrid[], reach: number, textHeight: number): Edge[] {
  const added: Edge[] = [];
  const test = (horizontal: boolean, position: number, from: number, to: number): void => {
    if (faintRuleAt(raster, horizontal, position, from, to, reach, textHeight) !== null) added.push({ orientation: horizontal ? 'h' : 'v', position, start: from, end: to });
  };
  for (const grid of grids) {
    for (const cell of grid.cells) {
      const [c0, c1] = [cell.col, cell.col + cell.colSpan];
      const [r0, r1] = [cell.row, cell.row + cell.rowSpan];
      // Each segment between two grid lines, and the whole width of the cell at once: a strayed
      // stroke can add a grid line that cuts a segment too short to test on its own.
      for (let r = r0 + 1; r < r1; r++) {
        const y = grid.ys[r] as number;
        for (let c = c0; c < c1; c++) test(true, y, grid.xs[c] as number, grid.xs[c + 1] as number);
        if (cell.colSpan > 1) test(true, y, grid.xs[c0] as number, grid.xs[c1] as number);
      }
      for (let c = c0 + 1; c < c1; c++) {
        const x = grid.xs[c] as number;
        for (let r = r0; r < r1; r++) test(false, x, grid.ys[r] as number, grid.ys[r + 1] as number);
        if (cell.rowSpan > 1) test(false, x, grid.ys[r0] as number, grid.ys[r1] as number);
      }
    }
  }
  return added;
}
