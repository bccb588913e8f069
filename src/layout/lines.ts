/**
 * Positioned runs → lines: group by vertical centre, order by x, split into cells at wide gaps.
 * Reading order in the file does not matter (footers first, columns interleaved): geometry decides.
 */
import { unionBox, type Line, type LineCell, type Method, type TextRun } from '../model/document.js';
import { splitRunAtSpaces } from './run-split.js';

/** A gap wider than this many character heights separates two cells (runs are per-glyph, so words are already joined). */
export const DEFAULT_CELL_GAP = 0.5;

/**
 * Groups runs into lines by vertical overlap of their centres. On a scan whose lines still slope
 * after straightening (a photo's perspective: drawn-035 p3, 1° over its table), the centres are
 * taken along the lines' slope where they are: there a row's label, far left of its numbers, stood
 * half a row off them, nearer the row above's numbers, and rows took their neighbours' numbers.
 */
export function runsToLines(runs: readonly TextRun[], page: number, method: Method, firstLineNo = 1): Line[] {
  const pieces = runs.flatMap(splitRunAtSpaces).filter((r) => r.text.trim() !== '');
  const level = groupByCentre(pieces, () => 0);
  const slope = method === 'ocr' ? lineSlope(level) : undefined;
  const groups = slope ? groupByCentre(pieces, slope) : level;
  return groups.map((group, i) => {
    const ordered = [...group].sort((a, b) => a.bbox.x0 - b.bbox.x0);
    const cells: LineCell[] = [];
    let current: TextRun[] = [];
    const flush = (): void => {
      if (current.length === 0) return;
      cells.push({
        text: current.map((r) => r.text).join(''),
        bbox: unionBox(current.map((r) => r.bbox)),
        confidence: Math.min(...current.map((r) => r.confidence)),
      });
      current = [];
    };
    for (const run of ordered) {
      const prev = current.at(-1);
      const height = Math.max(1, run.bbox.y1 - run.bbox.y0);
      if (prev && run.bbox.x0 - prev.bbox.x1 > height * DEFAULT_CELL_GAP) flush();
      current.push(run);
    }
    flush();
    return { page, lineNo: firstLineNo + i, cells, separator: cells.length > 1 ? 'spaces' : 'none', method } satisfies Line;
  });
}

const centreX = (r: TextRun): number => (r.bbox.x0 + r.bbox.x1) / 2;
const centreY = (r: TextRun): number => (r.bbox.y0 + r.bbox.y1) / 2;

/** Runs grouped into lines by their centres, each run's box taken `rise(x, y)` lower (its line's slope there). */
function groupByCentre(runs: readonly TextRun[], rise: (x: number, y: number) => number): TextRun[][] {
  const levelled = runs.map((run) => {
    const dy = rise(centreX(run), centreY(run));
    return { run, y0: run.bbox.y0 - dy, y1: run.bbox.y1 - dy };
  });
  levelled.sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  // Each line with the vertical extent of its runs so far (kept as they join: a line may hold thousands).
  const groups: { runs: TextRun[]; y0: number; y1: number }[] = [];
  for (const item of levelled) {
    const group = groups.at(-1);
    const mid = (item.y0 + item.y1) / 2;
    const height = item.y1 - item.y0;
    if (group && Math.abs(mid - (group.y0 + group.y1) / 2) <= Math.max(2, Math.min(height, group.y1 - group.y0) * 0.45)) {
      group.runs.push(item.run);
      group.y0 = Math.min(group.y0, item.y0);
      group.y1 = Math.max(group.y1, item.y1);
      continue;
    }
    groups.push({ runs: [item.run], y0: item.y0, y1: item.y1 });
  }
  return groups.map((group) => group.runs);
}

/** Lines of at least this many runs measure the page's slope … */
const SLOPE_LINE_RUNS = 4;
/** … and the page needs this many of them. */
const SLOPE_LINES = 5;
/** Below this slope (about 0.2°) the lines are level. */
const LEVEL_SLOPE = 0.0035;

/**
 * The lines' slope (dy/dx) down the page, as the rise at (x, y), or undefined where the lines run
 * level: a straight line slope(y) = a + b·y (a photo's perspective turns the lines more the further
 * down the page) fitted to the least-squares slopes of the page's lines of several runs (rows of
 * numbers), those far off the fit left out once.
 */
function lineSlope(groups: readonly TextRun[][]): ((x: number, y: number) => number) | undefined {
  const measured = groups
    .filter((g) => g.length >= SLOPE_LINE_RUNS)
    .map((g) => {
      const xs = g.map(centreX);
      const ys = g.map(centreY);
      const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
      const my = ys.reduce((a, b) => a + b, 0) / ys.length;
      const vx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
      return { y: my, x: mx, slope: vx === 0 ? 0 : xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] as number) - my), 0) / vx };
    });
  if (measured.length < SLOPE_LINES) return undefined;
  let fit = fitSlope(measured);
  const residuals = measured.map((m) => Math.abs(m.slope - (fit.a + fit.b * m.y))).sort((p, q) => p - q);
  const typical = residuals[Math.floor(residuals.length / 2)] as number;
  const kept = measured.filter((m) => Math.abs(m.slope - (fit.a + fit.b * m.y)) <= Math.max(typical * 3, LEVEL_SLOPE));
  if (kept.length >= SLOPE_LINES) fit = fitSlope(kept);
  const ys = measured.map((m) => m.y);
  const steepest = Math.max(Math.abs(fit.a + fit.b * Math.min(...ys)), Math.abs(fit.a + fit.b * Math.max(...ys)));
  if (steepest < LEVEL_SLOPE) return undefined;
  const { a, b } = fit;
  // The rise is taken from the middle of the lines measured (their x), where the slope was fitted.
  const middle = measured.reduce((sum, m) => sum + m.x, 0) / measured.length;
  return (x, y) => (a + b * y) * (x - middle);
}

/** The least-squares line slope = a + b·y through the measured lines. */
function fitSlope(lines: readonly { y: number; slope: number }[]): { a: number; b: number } {
  const my = lines.reduce((s, l) => s + l.y, 0) / lines.length;
  const ms = lines.reduce((s, l) => s + l.slope, 0) / lines.length;
  const vy = lines.reduce((s, l) => s + (l.y - my) ** 2, 0);
  const b = vy === 0 ? 0 : lines.reduce((s, l) => s + (l.y - my) * (l.slope - ms), 0) / vy;
  return { a: ms - b * my, b };
}
