/**
 * Ruled tables from a page's ruling lines and cell fills: edges → snapped grid → merged cells
 * (a missing rule between two grid cells merges them) → text runs placed in the cell that holds
 * their centre. The result is a markup table, so PDF tables are read like HTML ones.
 */
import type { BBox, Edge, MarkupCell, MarkupTable, TextRun } from '../model/document.js';
import { snapValues } from './cluster.js';
import { splitRunAtRules } from './run-split.js';

/** Rules closer than this (page units) are one rule: WPS draws each cell as a fill 0.2pt from its neighbour. */
export const DEFAULT_SNAP_TOLERANCE = 2.5;
/** Edges shorter than this are ignored (tick marks, underlines of single characters). */
export const DEFAULT_MIN_EDGE_LENGTH = 4;

/** A table grid found on a page, with the runs placed in its cells. */
export interface RuledTable {
  bbox: BBox;
  rows: MarkupCell[][];
  /** Runs that fell inside the table (everything else is page text). */
  runs: Set<TextRun>;
}

interface Snapped {
  h: Edge[];
  v: Edge[];
}

function snapEdges(edges: readonly Edge[], tolerance: number): Snapped {
  const long = edges.filter((e) => e.end - e.start >= DEFAULT_MIN_EDGE_LENGTH);
  const h = long.filter((e) => e.orientation === 'h');
  const v = long.filter((e) => e.orientation === 'v');
  const hy = snapValues(h.map((e) => e.position), tolerance);
  const vx = snapValues(v.map((e) => e.position), tolerance);
  return {
    h: joinPieces(h.map((e) => ({ ...e, position: hy.get(e.position) ?? e.position })), tolerance),
    v: joinPieces(v.map((e) => ({ ...e, position: vx.get(e.position) ?? e.position })), tolerance),
  };
}

/**
 * A rule drawn in pieces is one rule: Chromium paints a collapsed border once per column of the table's grid, so the
 * rule under a cell spanning columns comes in pieces that meet end to end. Kept apart, no piece covers the cell's
 * width (and a piece no vertical rule crosses forms a table of its own), so the cells above and below would merge.
 * Collinear edges (one snapped position) that touch or overlap become one edge.
 */
function joinPieces(edges: readonly Edge[], tolerance: number): Edge[] {
  const sorted = [...edges].sort((a, b) => a.position - b.position || a.start - b.start);
  const joined: Edge[] = [];
  for (const edge of sorted) {
    const last = joined.at(-1);
    if (last && last.position === edge.position && edge.start <= last.end + tolerance) joined[joined.length - 1] = { ...last, end: Math.max(last.end, edge.end) };
    else joined.push({ ...edge });
  }
  return joined;
}

/** Groups edges that touch into tables (connected components of crossing edges). */
function groupEdges(snapped: Snapped, tolerance: number): Snapped[] {
  const all = [...snapped.h, ...snapped.v];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const touches = (a: Edge, b: Edge): boolean =>
    a.position >= b.start - tolerance && a.position <= b.end + tolerance && b.position >= a.start - tolerance && b.position <= a.end + tolerance;
  snapped.h.forEach((h, i) => {
    snapped.v.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(snapped.h.length + j);
    });
  });
  const groups = new Map<number, Snapped>();
  all.forEach((e, i) => {
    const root = find(i);
    const g = groups.get(root) ?? { h: [], v: [] };
    (e.orientation === 'h' ? g.h : g.v).push(e);
    groups.set(root, g);
  });
  return [...groups.values()];
}

function uniqueSorted(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** True when some edge at `position` covers the middle of the span from..to. */
function ruled(edges: readonly Edge[], position: number, from: number, to: number, tolerance: number): boolean {
  const a = from + (to - from) * 0.3;
  const b = to - (to - from) * 0.3;
  return edges.some((e) => Math.abs(e.position - position) <= tolerance && e.start <= a + tolerance && e.end >= b - tolerance);
}

function centre(run: TextRun): { x: number; y: number } {
  return { x: (run.bbox.x0 + run.bbox.x1) / 2, y: (run.bbox.y0 + run.bbox.y1) / 2 };
}

/** Joins the runs of one cell in reading order: top to bottom, then left to right. */
export function joinRuns(runs: readonly TextRun[]): string {
  const sorted = [...runs].sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    const last = line?.at(-1);
    const height = Math.max(1, Math.min(run.bbox.y1 - run.bbox.y0, last ? last.bbox.y1 - last.bbox.y0 : Infinity));
    if (line && last && !run.vertical && Math.abs(centre(run).y - centre(last).y) < height * 0.5) line.push(run);
    else lines.push([run]);
  }
  return lines
    .map((line) =>
      line
        .sort((a, b) => a.bbox.x0 - b.bbox.x0)
        .reduce((text, run, i) => {
          const prev = line[i - 1];
          // Two numbers side by side stay apart; text runs of one label join without a space.
          const gap = prev && /\d$/.test(text) && /^\d/.test(run.text) && run.bbox.x0 - prev.bbox.x1 > (run.bbox.y1 - run.bbox.y0) * 0.3;
          return text + (gap ? ' ' : '') + run.text;
        }, ''),
    )
    .join('');
}

/** One cell of a ruling grid: its first grid row and column, its spans, and its box. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  bbox: BBox;
}

/** A ruling grid: the rule positions and its (merged) cells in reading order. */
export interface RuledGrid {
  xs: number[];
  ys: number[];
  bbox: BBox;
  cells: GridCell[];
}

/**
 * A table broken inside a row has no rule where the page cuts it: the row's vertical rules run on past the last rule
 * at the foot of one page and begin above the first at the head of the next. Without a rule there the part of the row
 * on that page is in no grid cell and its label and numbers fall out of the table. Where two or more vertical rules of
 * a grid end together beyond its outermost horizontal rule, that end is a rule across the grid.
 */
function closeOpenEnds(group: Snapped, tolerance: number): Snapped {
  if (group.h.length === 0 || group.v.length < 2) return group;
  const x0 = Math.min(...group.v.map((e) => e.position));
  const x1 = Math.max(...group.v.map((e) => e.position));
  const top = Math.min(...group.h.map((e) => e.position));
  const bottom = Math.max(...group.h.map((e) => e.position));
  const added: Edge[] = [];
  const starts = group.v.filter((e) => e.start < top - tolerance).map((e) => e.start);
  const first = starts.length > 0 ? Math.min(...starts) : null;
  if (first !== null && starts.filter((s) => s - first <= tolerance).length >= 2) added.push({ orientation: 'h', position: first, start: x0, end: x1 });
  const ends = group.v.filter((e) => e.end > bottom + tolerance).map((e) => e.end);
  const last = ends.length > 0 ? Math.max(...ends) : null;
  if (last !== null && ends.filter((e) => last - e <= tolerance).length >= 2) added.push({ orientation: 'h', position: last, start: x0, end: x1 });
  return added.length === 0 ? group : { h: [...group.h, ...added], v: group.v };
}

/**
 * The ruling grids of a page, before any text is placed: OCR crops these cells, and
 * `findRuledTables` places text runs in them.
 */
export function findGrids(edges: readonly Edge[], tolerance = DEFAULT_SNAP_TOLERANCE): RuledGrid[] {
  const grids: RuledGrid[] = [];
  for (const group of groupEdges(snapEdges(edges, tolerance), tolerance).map((g) => closeOpenEnds(g, tolerance))) {
    const xs = uniqueSorted(group.v.map((e) => e.position));
    const ys = uniqueSorted(group.h.map((e) => e.position));
    if (xs.length < 2 || ys.length < 2) continue;
    const cols = xs.length - 1;
    const rows = ys.length - 1;
    // Union-find over grid cells: no rule between neighbours means one merged cell.
    const id = (r: number, c: number): number => r * cols + c;
    const parent = Array.from({ length: rows * cols }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const [x0, x1, y0, y1] = [xs[c] as number, xs[c + 1] as number, ys[r] as number, ys[r + 1] as number];
        if (c + 1 < cols && !ruled(group.v, x1, y0, y1, tolerance)) parent[find(id(r, c + 1))] = find(id(r, c));
        if (r + 1 < rows && !ruled(group.h, y1, x0, x1, tolerance)) parent[find(id(r + 1, c))] = find(id(r, c));
      }
    }
    const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const root = find(id(r, c));
        const span = spans.get(root) ?? { r0: r, r1: r, c0: c, c1: c };
        span.r0 = Math.min(span.r0, r);
        span.r1 = Math.max(span.r1, r);
        span.c0 = Math.min(span.c0, c);
        span.c1 = Math.max(span.c1, c);
        spans.set(root, span);
      }
    }
    const cells = [...spans.values()]
      .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
      .map((s) => ({
        row: s.r0,
        col: s.c0,
        rowSpan: s.r1 - s.r0 + 1,
        colSpan: s.c1 - s.c0 + 1,
        bbox: { x0: xs[s.c0] as number, y0: ys[s.r0] as number, x1: xs[s.c1 + 1] as number, y1: ys[s.r1 + 1] as number },
      }));
    grids.push({ xs, ys, bbox: { x0: xs[0] as number, y0: ys[0] as number, x1: xs.at(-1) as number, y1: ys.at(-1) as number }, cells });
  }
  return grids.sort((a, b) => a.bbox.y0 - b.bbox.y0);
}

function indexOf(bounds: readonly number[], v: number): number {
  const i = bounds.findIndex((b, k) => k + 1 < bounds.length && v >= b && v < (bounds[k + 1] as number));
  return Math.min(bounds.length - 2, Math.max(0, i));
}

/** Finds the ruled tables of a page and places the runs in their cells. */
export function findRuledTables(edges: readonly Edge[], runs: readonly TextRun[], tolerance = DEFAULT_SNAP_TOLERANCE): RuledTable[] {
  const tables: RuledTable[] = [];
  for (const grid of findGrids(edges, tolerance)) {
    const { xs, ys, bbox } = grid;
    const cols = xs.length - 1;
    const cellAt: (GridCell | undefined)[] = [];
    for (const cell of grid.cells) {
      for (let r = cell.row; r < cell.row + cell.rowSpan; r++) for (let c = cell.col; c < cell.col + cell.colSpan; c++) cellAt[r * cols + c] = cell;
    }
    const runsOf = new Map<GridCell, TextRun[]>(grid.cells.map((c) => [c, []]));
    const inside = new Set<TextRun>();
    for (const original of runs) {
      const mid = centre(original);
      if (mid.x < bbox.x0 || mid.x > bbox.x1 || mid.y < bbox.y0 || mid.y > bbox.y1) continue;
      inside.add(original);
      for (const run of splitRunAtRules(original, xs)) {
        const { x, y } = centre(run);
        const cell = cellAt[indexOf(ys, y) * cols + indexOf(xs, x)];
        if (cell) runsOf.get(cell)?.push(run);
      }
    }
    if (inside.size === 0) continue; // a frame or a filled box with no text: not a table
    const byRow: MarkupCell[][] = Array.from({ length: ys.length - 1 }, () => []);
    for (const cell of grid.cells) {
      const cellRuns = runsOf.get(cell) ?? [];
      const confidence = cellRuns.length === 0 ? 1 : Math.min(...cellRuns.map((r) => r.confidence));
      byRow[cell.row]?.push({
        text: joinRuns(cellRuns),
        rowSpan: cell.rowSpan,
        colSpan: cell.colSpan,
        col: cell.col,
        bbox: cell.bbox,
        ...(confidence < 1 ? { confidence } : {}),
      });
    }
    tables.push({ bbox, rows: byRow, runs: inside });
  }
  return tables;
}

/** Ruled tables as markup tables, numbered from `firstIndex`. */
export function ruledTablesToMarkup(tables: readonly RuledTable[], page: number, firstIndex: number): MarkupTable[] {
  return tables.map((t, i) => ({ index: firstIndex + i, rows: t.rows, method: 'text-layer', page }));
}
