import { describe, expect, test } from '@jest/globals';
import { CLASSIC_LAYOUTS as LAYOUTS, generateReports, scoreRecord, type Layout } from '../src/generate/index.js';
import { processBytes } from '../src/pipeline.js';

const PER_LAYOUT = 60;

interface LayoutTally {
  reports: number;
  cells: number;
  right: number;
  flagged: number;
  silent: number;
  metadataRight: number;
}

describe('generated reports: six layouts, both formats, blanks and broken totals', () => {
  test(`${PER_LAYOUT * LAYOUTS.length} reports: 100% of cells right, blanks null, no silent wrong value`, async () => {
    const files = generateReports(PER_LAYOUT * LAYOUTS.length, { seed: 20260101, layouts: LAYOUTS });
    const tally = new Map<Layout, LayoutTally>();
    const problems: string[] = [];
    const formats = new Set<string>();
    const started = performance.now();
    for (const file of files) {
      const { record } = await processBytes(file.name, file.bytes);
      if (!record) {
        problems.push(`${file.name}: no record`);
        continue;
      }
      formats.add(`${file.layout}/${file.spec.template}`);
      const score = scoreRecord(record, file.spec);
      const t = tally.get(file.layout) ?? { reports: 0, cells: 0, right: 0, flagged: 0, silent: 0, metadataRight: 0 };
      t.reports++;
      t.cells += score.cells;
      t.right += score.right;
      t.flagged += score.flagged;
      t.silent += score.silent;
      t.metadataRight += score.metadataRight ? 1 : 0;
      tally.set(file.layout, t);
      if (score.mismatches.length > 0 || !score.metadataRight) problems.push(`${file.name}: ${score.mismatches.slice(0, 3).join('; ')}`);
      // A report whose printed totals were altered must fail a check, counted as the source's error
      // (every cell read for sure: status ok, dataset.md); the others are ok with no failed check.
      const failed = record.checks.filter((c) => !c.pass);
      if (file.spec.brokenIdentity) {
        if (failed.length === 0 || record.status !== 'ok' || record.sourceErrors !== failed.length) problems.push(`${file.name}: broken total not caught`);
      } else if (record.status !== 'ok' || failed.length > 0) {
        problems.push(`${file.name}: status ${record.status}, ${failed.length} failed checks`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const lines = [...tally].map(
      ([layout, t]) =>
        `${layout.padEnd(12)} ${String(t.reports).padStart(3)} reports ${String(t.cells).padStart(6)} cells ` +
        `${((100 * t.right) / t.cells).toFixed(2)}% right, ${t.flagged} flagged, ${t.silent} silent, metadata ${t.metadataRight}/${t.reports}`,
    );
    console.log(`accuracy per layout (${files.length} reports in ${seconds.toFixed(2)} s, ${((1000 * seconds) / files.length).toFixed(1)} ms each):\n${lines.join('\n')}`);
    expect(problems).toEqual([]);
    expect(formats.size).toBe(LAYOUTS.length * 2);
    for (const t of tally.values()) {
      expect(t.right).toBe(t.cells);
      expect(t.silent).toBe(0);
    }
  });

  test('the generator is deterministic and its values obey the identities it claims', () => {
    const [a] = generateReports(1, { seed: 5 });
    const [b] = generateReports(1, { seed: 5 });
    expect(a?.bytes).toEqual(b?.bytes);
    for (const file of generateReports(50, { seed: 9, layouts: LAYOUTS })) {
      const { requests, reviews, spec } = { ...file.spec, spec: file.spec };
      if (spec.brokenIdentity) continue;
      for (const row of spec.requestRows) {
        const r = requests[row] as Record<string, number | null>;
        const parts = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalServices', 'otherOrg'].reduce((s, c) => s + (r[c] ?? 0), 0);
        if (r.total !== null) expect(r.total).toBe(parts);
      }
      for (const r of Object.values(reviews)) {
        if (r.total !== null) expect(r.total).toBe((r.upheld ?? 0) + (r.corrected ?? 0) + (r.other ?? 0) + (r.pending ?? 0));
      }
    }
  });
});
