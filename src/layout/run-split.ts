/**
 * Cutting a text run into pieces from estimated character advances: pdf.js joins glyphs on one
 * baseline into one run even across a table rule or a wide gap between columns.
 */
import type { TextRun } from '../model/document.js';

/** Estimated advance of a character in ems: full width for Han and full-width forms, about half for the rest. */
function charEms(ch: string): number {
  if (/\s/.test(ch)) return 0.3;
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x2e80 ? 1 : 0.55;
}

/**
 * pdf.js joins glyphs that sit close on one baseline into one run, even across a table rule
 * ("4.保护第三方合法权益 37" over a label cell and a number cell). Such a run is cut at the rules it
 * crosses, at the character nearest each rule, from estimated character advances.
 */
export function splitRunAtRules(run: TextRun, rules: readonly number[]): TextRun[] {
  if (run.vertical) return [run];
  const inside = rules.filter((x) => x > run.bbox.x0 + 2 && x < run.bbox.x1 - 2);
  if (inside.length === 0) return [run];
  const chars = [...run.text];
  const edges = charEdges(run, chars);
  const cuts = inside.map((x) => {
    let best = 0;
    edges.forEach((edge, i) => {
      if (Math.abs(edge - x) < Math.abs((edges[best] as number) - x)) best = i;
    });
    return best;
  });
  const pieces: TextRun[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b).concat(chars.length)) {
    const text = chars.slice(from, cut).join('').trim();
    if (text !== '') pieces.push({ ...run, text, bbox: { ...run.bbox, x0: edges[from] as number, x1: edges[cut] as number } });
    from = cut;
  }
  return pieces;
}

/** Character boundaries of a run from estimated advances, scaled to its width (page units). */
function charEdges(run: TextRun, chars: readonly string[]): number[] {
  const ems = chars.map(charEms);
  const scale = (run.bbox.x1 - run.bbox.x0) / Math.max(0.01, ems.reduce((a, b) => a + b, 0));
  const edges = [run.bbox.x0];
  for (const e of ems) edges.push((edges.at(-1) as number) + e * scale);
  return edges;
}

/** Cuts a run at its whitespace ("0 0 0" over three unruled columns) into one run per token. */
export function splitRunAtSpaces(run: TextRun): TextRun[] {
  if (run.vertical || !/\S\s+\S/.test(run.text.trim())) return [run];
  const chars = [...run.text];
  const edges = charEdges(run, chars);
  const pieces: TextRun[] = [];
  let from = -1;
  chars.forEach((ch, i) => {
    const space = /\s/.test(ch);
    if (!space && from < 0) from = i;
    if ((space || i === chars.length - 1) && from >= 0) {
      const to = space ? i : i + 1;
      pieces.push({ ...run, text: chars.slice(from, to).join(''), bbox: { ...run.bbox, x0: edges[from] as number, x1: edges[to] as number } });
      from = -1;
    }
  });
  return pieces;
}
