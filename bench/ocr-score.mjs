// Scores two output folders of the same scans (nianbao's OCR, and native tesseract text read by
// nianbao) against the fixtures' truth: cells right, flagged and silent. Used by bench/ocr.sh.
// Usage: node bench/ocr-score.mjs OURS_OUT NATIVE_OUT scan.pdf…
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { scoreTables } from '../dist/index.js';
import { expectedOf, scanEntries } from './scan-truth.mjs';

const [ours, native, ...pdfs] = process.argv.slice(2);
const entries = scanEntries();

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
    const { tables } = expectedOf(entry);
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
