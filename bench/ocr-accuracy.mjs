// Cell accuracy of the OCR pipeline on the scan fixtures (scripts/make-scan-fixtures.mjs):
// every printed cell against the generator's spec or the corpus truth, per noise level and per
// table; wrong values split into flagged (unreadable, inferred, failing a check) and silent.
// Usage: npm run build && node bench/ocr-accuracy.mjs [--dir test/fixtures/scans] [--only NAME] [-v]
import { join, resolve } from 'node:path';
import { closeOcr, processFile, scoreTables } from '../dist/index.js';
import { expectedOf, ROOT, scanEntries } from './scan-truth.mjs';

const args = process.argv.slice(2);
const dirAt = args.indexOf('--dir');
const DIR = resolve(ROOT, dirAt >= 0 ? args[dirAt + 1] : 'test/fixtures/scans');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : null;
const verbose = args.includes('-v');

const entries = scanEntries(DIR).filter((e) => !only || e.file.includes(only));
const byLevel = new Map();
const byTable = new Map();
const add = (map, key, s) => {
  const t = map.get(key) ?? { cells: 0, right: 0, flagged: 0, silent: 0 };
  for (const k of Object.keys(t)) t[k] += s[k];
  map.set(key, t);
};
const pct = (t) => `${((100 * t.right) / Math.max(1, t.cells)).toFixed(2)}%`;
try {
  for (const entry of entries) {
    const started = performance.now();
    const { record, manifest } = await processFile(join(DIR, entry.file));
    const expected = expectedOf(entry);
    if (!record) {
      console.log(`${entry.file}: failed ${manifest.error}`);
      continue;
    }
    const score = scoreTables(record, expected.tables);
    const level = entry.file.startsWith('corpus-') ? `corpus-${entry.level}` : entry.level;
    add(byLevel, level, score);
    for (const [table, s] of Object.entries(score.byTable)) add(byTable, table, s);
    const meta = [record.template === expected.template, record.year === expected.year, record.agency === expected.agency].map((b) => (b ? 'y' : 'n')).join('');
    console.log(`${entry.file}: ${score.right}/${score.cells} right (${pct(score)}), ${score.flagged} flagged, ${score.silent} silent, status ${record.status}, metadata ${meta}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (verbose) for (const m of score.mismatches) console.log(`    ${m}`);
  }
} finally {
  await closeOcr();
}
console.log('\nper level:');
for (const [level, t] of byLevel) console.log(`  ${level}: ${t.right}/${t.cells} (${pct(t)}), flagged ${t.flagged}, silent ${t.silent}`);
console.log('per table:');
for (const [table, t] of byTable) console.log(`  ${table}: ${t.right}/${t.cells} (${pct(t)}), flagged ${t.flagged}, silent ${t.silent}`);
// The two targets: generated scans (every level) at least 99.5%, corpus scans at least 99%.
const sum = (levels) => levels.reduce((t, [, s]) => ({ cells: t.cells + s.cells, right: t.right + s.right, flagged: t.flagged + s.flagged, silent: t.silent + s.silent }), { cells: 0, right: 0, flagged: 0, silent: 0 });
const generated = sum([...byLevel].filter(([level]) => !level.startsWith('corpus-')));
const corpus = sum([...byLevel].filter(([level]) => level.startsWith('corpus-')));
console.log('targets:');
console.log(`  generated scans: ${generated.right}/${generated.cells} (${((100 * generated.right) / Math.max(1, generated.cells)).toFixed(3)}%, target 99.5%), silent ${generated.silent}`);
console.log(`  corpus scans: ${corpus.right}/${corpus.cells} (${((100 * corpus.right) / Math.max(1, corpus.cells)).toFixed(3)}%, target 99%), silent ${corpus.silent}`);
