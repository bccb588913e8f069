/**
 * The panel and the checks across years (issue 17), end to end on the generated multi-year set:
 * five bodies 2019–2025, two name forms each, broken carry-overs, a missing year, a report
 * published twice. Every broken carry-over must be found, nothing else may fail, the duplicate is
 * reported and counted once.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { runBatch, DEFAULT_BATCH_OPTIONS } from '../src/batch.js';
import { crossYearChecks, type PanelEntry } from '../src/panel/panel.js';
import { generateMultiYearSet, PANEL_BODIES, PANEL_YEARS } from '../src/panel/multi-year.js';
import { makeTempDir } from './helpers.js';

/** A small CSV reader for the outputs (quoted fields with commas, no newlines inside fields). */
function parseCsv(text: string): Record<string, string>[] {
  const lines = text.replace(/^\ufeff/, '').trim().split('\n');
  const split = (line: string): string[] => {
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i] as string;
      if (quoted && ch === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) fields.push(field), (field = '');
      else field += ch;
    }
    return [...fields, field];
  };
  const header = split(lines[0] as string);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i] as string, v])));
}

const set = generateMultiYearSet(17);
const outDir = await makeTempDir('nianbao-panel-');
const inDir = await makeTempDir('nianbao-panel-in-');
for (const file of set.files) await writeFile(join(inDir, file.name), file.bytes);
const summary = await runBatch([inDir], { ...DEFAULT_BATCH_OPTIONS, outDir, jobs: 1, timeoutMs: 0 });
const panel = parseCsv(await readFile(join(outDir, 'panel.csv'), 'utf8'));
const checks = parseCsv(await readFile(join(outDir, 'checks.csv'), 'utf8'));
const reportOf = new Map(panel.map((r) => [r.id, r]));

describe('the generated multi-year set', () => {
  test('every report is read, and the set has what it should', () => {
    expect(summary.ok).toBe(set.files.length);
    expect(set.broken.length).toBeGreaterThanOrEqual(10);
    expect(set.duplicates).toHaveLength(1);
    expect(set.missing).toHaveLength(1);
  });

  test('both name forms of each body give one agencyKey: one panel line per body and year', () => {
    const keys = [...new Set(panel.map((r) => r.agencyKey))].sort();
    expect(keys).toEqual(PANEL_BODIES.map((b) => b.agencyKey).sort());
    for (const body of PANEL_BODIES) {
      const years = panel.filter((r) => r.agencyKey === body.agencyKey).map((r) => Number(r.year));
      const expected = PANEL_YEARS.filter((y) => !set.missing.some((m) => m.agencyKey === body.agencyKey && m.year === y));
      expect(years).toEqual(expected);
      // The names printed vary, the key does not.
      expect(new Set(panel.filter((r) => r.agencyKey === body.agencyKey).map((r) => r.agency)).size).toBe(body.names.length);
    }
  });

  test('every broken carry-over is a failed crossYear check, and no other crossYear check fails', () => {
    const failed = checks
      .filter((c) => c.check?.startsWith('crossYear.') && c.pass === 'false')
      .map((c) => {
        const report = reportOf.get(c.id as string);
        return `${report?.agencyKey} ${report?.year} ${c.check?.replace('crossYear.carriedOver.', '')}`;
      })
      .sort();
    const expected = set.broken.map((b) => `${b.agencyKey} ${b.year} ${b.column}`).sort();
    expect(failed).toEqual(expected);
    // Checks ran for every pair of consecutive years, not just the broken ones.
    const pairs = PANEL_BODIES.length * (PANEL_YEARS.length - 1) - 2; // the missing year removes two pairs
    const checkedReports = new Set(checks.filter((c) => c.check?.startsWith('crossYear.')).map((c) => c.id));
    expect(checkedReports.size).toBe(pairs);
  });

  test('the panel counts crossYear failures per line and names the missing year', () => {
    for (const row of panel) {
      const broken = set.broken.filter((b) => b.agencyKey === row.agencyKey && b.year === Number(row.year)).length;
      expect(Number(row.crossYearFailed)).toBe(broken);
    }
    const zhongning = panel.filter((r) => r.agencyKey === set.missing[0]?.agencyKey);
    expect(new Set(zhongning.map((r) => r.missingYears))).toEqual(new Set(['2022']));
    expect(panel.filter((r) => r.agencyKey !== set.missing[0]?.agencyKey).every((r) => r.missingYears === '')).toBe(true);
  });

  test('the report published twice is reported once, with its second copy named', () => {
    const dup = set.duplicates[0];
    const lines = panel.filter((r) => r.agencyKey === dup?.agencyKey && Number(r.year) === dup?.year);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.duplicates).toMatch(/^[0-9a-f]{16}$/);
    expect(lines[0]?.duplicatesIdentical).toBe('true');
    expect(panel.filter((r) => r.duplicates !== '')).toHaveLength(1);
  });
});

describe('crossYearChecks', () => {
  const entry = (over: number | null, forward: number | null, flag: 'ok' | 'unreadable' | 'blank' = 'ok'): PanelEntry => {
    const row = (value: number | null) => Object.fromEntries(['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalServices', 'otherOrg', 'total'].map((c) => [c, c === 'naturalPerson' ? { value, flag: value === null && flag === 'ok' ? 'blank' : flag } : { value: null, flag: 'blank' }]));
    return { id: 'x', year: 2020, carriedOver: row(over), carriedForward: row(forward) } as unknown as PanelEntry;
  };

  test('a blank and a 0 agree; a value read unsure is not compared; a real difference fails', () => {
    expect(crossYearChecks(entry(0, null), entry(0, 0)).map((c) => c.pass)).toEqual([true]);
    expect(crossYearChecks(entry(0, null), entry(null, 0))).toEqual([]);
    expect(crossYearChecks(entry(0, 5, 'unreadable'), entry(4, 0))).toEqual([]);
    const [check] = crossYearChecks(entry(0, 5), entry(4, 0));
    expect(check).toMatchObject({ id: 'crossYear.carriedOver.naturalPerson', expected: 5, actual: 4, pass: false });
  });
});
