import { describe, expect, test } from '@jest/globals';
import { generateReports, LAYOUTS, REAL_LAYOUTS, type Layout } from '../src/generate/index.js';
import { addOutcomes, noOutcomes, type CellOutcomes } from '../src/generate/score.js';
import { readGenerated } from './read-generated.js';

/**
 * Layouts the current table reconstruction does not read yet (issue 13): measured and printed,
 * not asserted. Remove a layout from this list when the decoder reads it; the list must end empty.
 */
export const LAYOUTS_AWAITING_DECODER: readonly Layout[] = [];

/** Reports per layout: 16 layouts × 20 = 320 reports, each format (2019, 2021, hybrid) in every layout. */
const PER_LAYOUT = 20;

interface LayoutTally extends CellOutcomes {
  reports: number;
  noRecord: number;
  metadataRight: number;
  formats: Set<string>;
  blanks: number;
  large: number;
  examples: string[];
}

const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(2)}%`;

function formatOf(template: string, hybrid: boolean): string {
  return hybrid ? 'hybrid' : template;
}

describe('generated reports in the layouts of real reports (issue 13)', () => {
  const files = generateReports(PER_LAYOUT * LAYOUTS.length, { seed: 20261206, layouts: LAYOUTS, formats: ['2019', '2021', 'hybrid'] });
  const tally = new Map<Layout, LayoutTally>();

  test(`${PER_LAYOUT * LAYOUTS.length} reports in ${LAYOUTS.length} layouts: every provable cell right, nothing silent (layouts awaiting the decoder reported only)`, async () => {
    const started = performance.now();
    for (const file of files) {
      const t: LayoutTally = tally.get(file.layout) ?? { ...noOutcomes(), reports: 0, noRecord: 0, metadataRight: 0, formats: new Set(), blanks: 0, large: 0, examples: [] };
      tally.set(file.layout, t);
      t.reports++;
      t.formats.add(formatOf(file.spec.template, file.spec.hybrid));
      const values = [file.spec.requests, file.spec.reviews, file.spec.active].flatMap((table) => Object.values(table).flatMap((row) => Object.values(row)));
      if (values.some((v) => v === null)) t.blanks++;
      if (values.some((v) => v !== null && v >= 10000)) t.large++;
      const score = await readGenerated(file);
      if (!score) {
        t.noRecord++;
        continue;
      }
      addOutcomes(t, score);
      t.metadataRight += score.metadataRight ? 1 : 0;
      if (score.mismatches.length > 0 && t.examples.length < 3) t.examples.push(`${file.name}: ${score.mismatches.slice(0, 2).join('; ')}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const header = 'layout              reports  cells  right    flagged  silent (wrong/blank/null→n/absent)  null→number  unprovable  no-record  metadata';
    const lines = [...tally].map(
      ([layout, t]) =>
        `${layout.padEnd(20)}${String(t.reports).padStart(4)} ${String(t.cells).padStart(7)}  ${percent(t.right, t.cells).padStart(7)}  ${String(t.flagged).padStart(6)}  ` +
        `${String(t.silent).padStart(6)} (${t.wrongNumber}/${t.numberAsBlank}/${t.blankAsNumber}/${t.absent})`.padEnd(30) +
        `${String(t.nullGivenNumber).padStart(8)}  ${String(t.unprovable).padStart(10)}  ${String(t.noRecord).padStart(9)}  ${t.metadataRight}/${t.reports}` +
        (LAYOUTS_AWAITING_DECODER.includes(layout) ? '  (awaiting decoder)' : ''),
    );
    const awaiting = [...tally].filter(([l]) => LAYOUTS_AWAITING_DECODER.includes(l));
    const examples = awaiting.flatMap(([, t]) => t.examples.slice(0, 1));
    const readNow = awaiting.filter(([, t]) => t.right === t.cells && t.noRecord === 0).map(([l]) => l);
    console.log(
      `accuracy per layout (${files.length} reports in ${seconds.toFixed(1)} s):\n${header}\n${lines.join('\n')}\n\nfirst mismatch per awaiting layout:\n${examples.join('\n')}` +
        (readNow.length > 0 ? `\n\nread whole now, take them off LAYOUTS_AWAITING_DECODER: ${readNow.join(', ')}` : ''),
    );

    for (const [layout, t] of tally) {
      // Awaiting the decoder means cells left unread (flagged), never wrong: nothing silent there either.
      if (LAYOUTS_AWAITING_DECODER.includes(layout)) {
        expect({ layout, silent: t.silent, nullGivenNumber: t.nullGivenNumber }).toEqual({ layout, silent: 0, nullGivenNumber: 0 });
        continue;
      }
      expect({ layout, noRecord: t.noRecord, right: t.right, silent: t.silent, nullGivenNumber: t.nullGivenNumber, examples: t.right === t.cells ? [] : t.examples }).toEqual({
        layout,
        noRecord: 0,
        right: t.cells,
        silent: 0,
        nullGivenNumber: 0,
        examples: [],
      });
    }
  });

  test('the reports cover what real ones hold: every format in every layout, blanks, large numbers, unprovable cells where evidence is lost', () => {
    expect([...tally.keys()].sort()).toEqual([...LAYOUTS].sort());
    for (const [layout, t] of tally) {
      expect({ layout, formats: [...t.formats].sort() }).toEqual({ layout, formats: ['2019', '2021', 'hybrid'] });
      expect(t.blanks).toBeGreaterThan(0);
      expect(t.reports - t.blanks).toBeGreaterThan(0);
    }
    expect([...tally.values()].reduce((n, t) => n + t.large, 0)).toBeGreaterThan(LAYOUTS.length);
    for (const layout of ['flat-glued', 'text-cells-dropped', 'text-broken-digits'] as const) expect(tally.get(layout)?.unprovable).toBeGreaterThan(0);
    // Evidence lost is the exception: most cells of a damaged layout stay provable. Except in flat-glued
    // text: with empty cells gone and digits run together, a row reads many ways (a reader cannot tell a
    // row that lost a blank from one that had none), and only the identities pin some of its cells.
    const share = (layout: Layout): number => (tally.get(layout)?.unprovable ?? 0) / (tally.get(layout)?.cells ?? 1);
    for (const layout of REAL_LAYOUTS) expect(share(layout)).toBeLessThan(layout === 'flat-glued' ? 0.8 : 0.5);
  });

  test('the awaiting list names only layouts the generator has', () => {
    for (const layout of LAYOUTS_AWAITING_DECODER) expect(LAYOUTS).toContain(layout);
  });
});
