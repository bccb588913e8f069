// Scores two output folders of the same scans (nianbao's OCR, and native tesseract text read by
// nianbao) against the fixtures' truth: cells right, flagged and silent. Used by bench/ocr.sh.
// Usage: node bench/ocr-score.mjs OURS_OUT NATIVE_OUT scan.pdf…
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreTables } from '../dist/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [ours, native, ...pdfs] = process.argv.slice(2);
const entries = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/scans/scans.json'), 'utf8'));
const specs = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/office/specs.json'), 'utf8'));

function expectedTables(entry) {
  if (entry.truth.includes('#')) {
    const { spec } = specs[entry.truth.split('#')[1]];
    return { requests: spec.requests, reviews: spec.reviews, active: spec.active };
  }
  return JSON.parse(readFileSync(resolve(ROOT, entry.truth), 'utf8')).tables;
}

function records(dir) {
  const byName = new Map();
  for (const line of readFileSync(join(dir, 'reports.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line);
    byName.set(basename(record.source.path).replace(/\.(pdf|txt)$/, ''), record);
  }
  return byName;
}

for (const [label, dir] of [['nianbao', ours], ['native tesseract + nianbao text reader', native]]) {
  const byName = records(dir);
  const total = { cells: 0, right: 0, flagged: 0, silent: 0 };
  for (const pdf of pdfs) {
    const name = basename(pdf, '.pdf');
    const entry = entries.find((e) => e.file === `${name}.pdf`);
    if (!entry) continue;
    const tables = expectedTables(entry);
    const record = byName.get(name);
    const cells = Object.values(tables).reduce((n, rows) => n + Object.values(rows).reduce((m, cols) => m + Object.keys(cols).length, 0), 0);
    if (!record) {
      total.cells += cells;
      total.flagged += cells;
      continue;
    }
    const score = scoreTables(record, tables);
    for (const k of Object.keys(total)) total[k] += score[k];
  }
  console.log(`${label}: ${total.right}/${total.cells} cells right (${((100 * total.right) / Math.max(1, total.cells)).toFixed(2)}%), ${total.flagged} flagged, ${total.silent} silent`);
}
