/**
 * Values printed before their row's label. pdftotext's raw order of a PDF whose label cells sit
 * lower than their numbers, or a converter that emits a row's cells bottom-up, prints
 *
 *   3001 53 0 0 61 4 3119
 *   一、本年新收政府信息公开申请数量
 *   34 0 0 0 0 0 34
 *   二、上年结转政府信息公开申请数量
 *
 * Read label-first, each row would take the next row's numbers and the first row's would be lost:
 * every cell wrong, none flagged. The rows in between look the same either way; only the ends of the
 * table tell the order: numbers between a header and the first row after it, and none after the
 * last row before a header or the end. Where every end says so, the stream is put in label-first
 * order (each row's numbers moved after its label) and decoded as any other.
 */
import type { Token } from './segments.js';

/** One row's label pieces printed in a run, with no number between them (stream indices). */
interface LabelRun {
  row: number;
  start: number;
  end: number;
}

const hasNumber = (token: Token): boolean => token.kind === 'value' && /\d/.test(token.slot.text);

function labelRuns(stream: readonly { token: Token }[], rowAt: ReadonlyMap<number, number>): LabelRun[] {
  const runs: LabelRun[] = [];
  let numberSince = false;
  stream.forEach(({ token }, at) => {
    if (hasNumber(token)) numberSince = true;
    const row = rowAt.get(at);
    if (row === undefined) return;
    const last = runs.at(-1);
    if (last && last.row === row && !numberSince) last.end = at;
    else runs.push({ row, start: at, end: at });
    numberSince = false;
  });
  return runs;
}

/**
 * Whether the source prints each row's numbers before its label. Headers (a band's "信息内容 …", a
 * header repeated after a page break) cut the table into stretches of rows; each stretch shows its
 * order at its ends: numbers after its header and before its first row's label say "before", numbers
 * after its last row's label and before the next header say "after". The source is read values-first
 * only when some stretch says so and none says otherwise (a stretch saying both or neither, say a row
 * of column numbers under the header and a label-first table, is no evidence).
 */
export function printsValuesBeforeLabels(stream: readonly { token: Token }[], rowAt: ReadonlyMap<number, number>, isHeader: (at: number) => boolean): boolean {
  const runs = labelRuns(stream, rowAt);
  const numbersIn = (from: number, to: number): boolean => stream.slice(from, to).some(({ token }) => hasNumber(token));
  const bounds = [-1, ...stream.map((_, at) => at).filter(isHeader), stream.length];
  let before = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k] as number;
    const to = bounds[k + 1] as number;
    const inside = runs.filter((r) => r.start > from && r.end < to);
    const first = inside[0];
    const last = inside.at(-1);
    if (!first || !last) continue;
    const leading = numbersIn(from + 1, first.start);
    const trailing = numbersIn(last.end + 1, to);
    if (trailing && !leading) return false;
    if (leading && !trailing) before++;
  }
  return before > 0;
}

/**
 * The stream in label-first order: the numbers (and empty cells, gaps) printed before a row's
 * label run are moved right after it. Labels that are no row's (a group cell, a header) stay where
 * they are; numbers printed before them wait for the next row.
 */
export function moveValuesAfterLabels<E extends { token: Token }>(stream: readonly E[], rowAt: ReadonlyMap<number, number>): E[] {
  const runEnds = new Set(labelRuns(stream, rowAt).map((r) => r.end));
  const out: E[] = [];
  let pending: E[] = [];
  stream.forEach((entry, at) => {
    if (entry.token.kind !== 'label') {
      pending.push(entry);
      return;
    }
    out.push(entry);
    if (runEnds.has(at)) {
      out.push(...pending);
      pending = [];
    }
  });
  return [...out, ...pending];
}
