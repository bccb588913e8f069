// Accuracy of the OCR path on the drawn scans (scripts/make-drawn-scans.mjs, made here when the
// folder does not hold this seed and count): every printed cell scored strictly
// (strictCellOutcomes, src/generate/strict-score.ts) and counted under the conditions of the page it was read from, so each condition bucket (dpi,
// skew, rotation, edges, seals, table style, screenshot, photo, format …) gets its own accuracy.
// Usage: npm run build && node bench/scans.mjs [--dir test-artifacts/drawn-scans] [--count 150] [--seed 16]
//        [--only SUBSTRING[,SUBSTRING…]] [--first N] [-v] [--json summary.json] [--cache DIR]
// --cache DIR keeps each file's extracted document (the OCR's output, before layout) in DIR and reads
// it from there when present: a change to layout or table code is then measured on all the scans in
// seconds. (Only such changes: a change to the OCR needs the cache made again.)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { closeOcr, processFile } from '../dist/index.js';
import { recordOfDocument } from '../dist/pipeline.js';
import { detectFormat, extractDocument } from '../dist/extract/index.js';
import { layoutDocument } from '../dist/layout/positioned.js';
import { strictCellOutcomes } from '../dist/generate/index.js';
import { makeDrawnScans } from '../scripts/make-drawn-scans.mjs';
import { ROOT } from './scan-truth.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const DIR = resolve(ROOT, arg('--dir', 'test-artifacts/drawn-scans'));
const count = Number(arg('--count', '150'));
const seed = Number(arg('--seed', '16'));
const only = arg('--only', null)?.split(',');
const first = Number(arg('--first', 'Infinity'));
const verbose = args.includes('-v');
const cacheDir = arg('--cache', null);
if (cacheDir) mkdirSync(cacheDir, { recursive: true });

/** A file's record, its extracted document taken from the cache when there (processFile's steps otherwise). */
async function cachedRecord(path, name) {
  const bytes = new Uint8Array(readFileSync(path));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const kept = join(cacheDir, `${name}.${sha256.slice(0, 12)}.json`);
  let doc;
  if (existsSync(kept)) doc = JSON.parse(readFileSync(kept, 'utf8'));
  else {
    doc = await extractDocument(bytes, detectFormat(bytes), { maxPages: 300, ocr: true });
    writeFileSync(kept, JSON.stringify(doc));
  }
  const { record, error } = recordOfDocument({ path, sha256, format: doc.format, pages: null }, layoutDocument(doc));
  return { record, manifest: { error } };
}

const manifestPath = join(DIR, 'scans.json');
const made = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
if (!made || made.seed !== seed || made.count !== count) {
  console.log(`making ${count} drawn scans (seed ${seed}) in ${DIR} …`);
  await makeDrawnScans({ out: DIR, count, seed });
}
const { entries: all } = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entries = all.filter((e) => !only || only.some((o) => e.file.includes(o))).slice(0, first);

const band = (x, edges, unit = '') => {
  for (let i = 1; i < edges.length; i++) if (x < edges[i] || i === edges.length - 1) return `${edges[i - 1]}–${edges[i]}${unit}`;
  return '?';
};
/** The condition buckets a cell falls in: its file's and its page's. */
function bucketsOf(entry, page) {
  const c = entry.conditions.find((p) => p.page === page) ?? entry.conditions[0];
  const b = [
    ['kind', entry.kind],
    ['format', entry.format],
    ['table style', entry.tableStyle],
    ['dpi', band(c.dpi, [110, 160, 220, 301])],
    ['colour', c.colour ? 'colour' : 'grey'],
  ];
  if (entry.kind === 'screenshot') return [...b, ['screenshot of', entry.table]];
  if (entry.format === '2019') b.push(['2019 amounts', entry.amountsInYuan ? 'in 元' : 'plain']);
  b.push(['三 continued', entry.continued.includes('requests') ? 'yes' : 'no']);
  b.push(['JPEG quality', band(c.quality, [55, 70, 86])]);
  b.push(['noise σ', c.noise === 0 ? '0' : band(c.noise, [2, 7, 12.1])]);
  b.push(['blur', c.blur === 0 ? 'none' : 'blurred']);
  b.push(['lighting', c.lighting < 0.1 ? 'even' : 'uneven']);
  b.push(['|skew|', band(Math.abs(c.skew), [0, 1, 2, 3.01], '°')]);
  b.push(['turned', `${c.turn}°`]);
  b.push(['scanner edge', c.edges.length === 0 ? 'none' : [...new Set(c.edges.map((e) => e.kind))].sort().join('+')]);
  b.push(['punch holes', c.punchHoles ? 'yes' : 'no']);
  b.push(['fold', c.fold !== null ? 'yes' : 'no']);
  b.push(['seal on page', c.seals.length === 0 ? 'none' : c.seals.map((s) => s.at).join('+')]);
  return b;
}

const buckets = new Map();
const total = { cells: 0, right: 0, flagged: 0, silent: 0 };
const failures = [];
/** Per file, for --json: its outcome counts, the cells not right and the record's issues (to bucket lost cells by cause). */
const files = [];
const metadata = { right: 0, files: 0 };
const tally = (key) => buckets.get(key) ?? buckets.set(key, { cells: 0, right: 0, flagged: 0, silent: 0 }).get(key);
const pct = (t) => `${((100 * t.right) / Math.max(1, t.cells)).toFixed(2)}%`;
try {
  for (const entry of entries) {
    const started = performance.now();
    const { record, manifest } = cacheDir ? await cachedRecord(join(DIR, entry.file), entry.file) : await processFile(join(DIR, entry.file));
    if (!record || record.status === 'failed') failures.push(`${entry.file}: ${record ? record.issues.map((i) => i.code).join(',') : manifest.error}`);
    const outcomes = record ? strictCellOutcomes(record, entry.truth) : [];
    const file = { cells: 0, right: 0, flagged: 0, silent: 0 };
    for (const o of outcomes) {
      for (const t of [total, file, ...bucketsOf(entry, o.page).map(([k, v]) => tally(`${k}\t${v}`))]) {
        t.cells++;
        t[o.outcome]++;
      }
    }
    const meta = record && record.year === entry.year && record.agency === entry.agency;
    files.push({
      file: entry.file,
      status: record?.status ?? 'none',
      ...file,
      lost: outcomes.filter((o) => o.outcome !== 'right'),
      issues: (record?.issues ?? []).map((i) => ({ code: i.code, severity: i.severity, path: i.path ?? null, page: i.page ?? null, message: i.message })),
    });
    metadata.files++;
    if (meta) metadata.right++;
    console.log(`${entry.file}: ${file.right}/${file.cells} (${pct(file)}), flagged ${file.flagged}, silent ${file.silent}, status ${record?.status ?? 'none'}, year/agency ${meta ? 'right' : `${record?.year}/${record?.agency}`}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (verbose) for (const o of outcomes.filter((x) => x.outcome !== 'right')) console.log(`    ${o.outcome} ${o.key} p${o.page}: ${o.expected} → ${o.got} (${o.flag}, "${o.raw ?? ''}")`);
  }
} finally {
  await closeOcr();
}
console.log('\ncondition\tbucket\tcells\tright\tflagged\tsilent');
for (const [key, t] of [...buckets].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`${key}\t${t.cells}\t${pct(t)}\t${t.flagged}\t${t.silent}`);
console.log(`\nall: ${total.right}/${total.cells} (${pct(total)}, target 99%), flagged ${total.flagged}, silent ${total.silent} (target 0); files ${entries.length}, failed ${failures.length}; year/agency right ${metadata.right}/${metadata.files}`);
for (const f of failures) console.log(`  failed: ${f}`);
const jsonAt = arg('--json', null);
if (jsonAt) writeFileSync(jsonAt, JSON.stringify({ total, failures, metadata, buckets: Object.fromEntries(buckets), files }, null, 1));
