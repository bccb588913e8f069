/**
 * Positioned runs → lines: group by vertical centre, order by x, split into cells at wide gaps.
 * Reading order in the file does not matter (footers first, columns interleaved): geometry decides.
 */
import { unionBox, type Line, type LineCell, type Method, type TextRun } from '../model/document.js';
import { splitRunAtSpaces } from './run-split.js';

/** A gap wider than this many character heights separates two cells (runs are per-glyph, so words are already joined). */
export const DEFAULT_CELL_GAP = 0.5;

/** Groups runs into lines by vertical overlap of their centres. */
export function runsToLines(runs: readonly TextRun[], page: number, method: Method, firstLineNo = 1): Line[] {
  const sorted = runs
    .flatMap(splitRunAtSpaces)
    .filter((r) => r.text.trim() !== '')
    .sort((a, b) => (a.bbox.y0 + a.bbox.y1) / 2 - (b.bbox.y0 + b.bbox.y1) / 2);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const group = groups.at(-1);
    const mid = (run.bbox.y0 + run.bbox.y1) / 2;
    const height = run.bbox.y1 - run.bbox.y0;
    if (group) {
      const box = unionBox(group.map((r) => r.bbox));
      const groupMid = (box.y0 + box.y1) / 2;
      if (Math.abs(mid - groupMid) <= Math.max(2, Math.min(height, box.y1 - box.y0) * 0.45)) {
        group.push(run);
        continue;
      }
    }
    groups.push([run]);
  }
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
