#!/usr/bin/env node
// Generated reports as cases for long_pages.py: OUT/<name>/source.<ext> + truth.json (the keys of dataset.md).
// The real set is mostly excerpts cut inside table 三, so what follows a WHOLE table 四 on a long page (五/六 prose,
// the footer) is barely measured by it; generated reports print every table whole, in every layout.
// A cell the layout left unprovable (spec.unprovable) is left out of the truth (a reader may give it or flag it).
//   npm run build && node bench/real-converters/generated_cases.mjs OUT [--per-layout 3] [--seed 7]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateReports, LAYOUTS } from '../../dist/generate/index.js';

const args = process.argv.slice(2);
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const out = args[0];
const perLayout = Number(opt('--per-layout', 3));
const seed = Number(opt('--seed', 7));
if (!out || out.startsWith('--')) throw new Error('usage: generated_cases.mjs OUT [--per-layout N] [--seed S]');

const files = generateReports(perLayout * LAYOUTS.length, { seed, layouts: LAYOUTS, formats: ['2019', '2021', 'hybrid'] });
for (const file of files) {
  const { spec } = file;
  const unprovable = new Set(spec.unprovable ?? []);
  const tables = {};
  for (const table of ['active', 'requests', 'reviews']) {
    tables[table] = {};
    for (const [row, cols] of Object.entries(spec[table])) {
      tables[table][row] = {};
      for (const [col, value] of Object.entries(cols)) if (!unprovable.has(`${table}.${row}.${col}`)) tables[table][row][col] = value;
    }
  }
  const name = file.name.replace(/\.[^.]+$/, '');
  const ext = file.name.slice(file.name.lastIndexOf('.') + 1);
  mkdirSync(join(out, name), { recursive: true });
  writeFileSync(join(out, name, `source.${ext}`), file.bytes);
  writeFileSync(join(out, name, 'truth.json'), JSON.stringify({ source: `nianbao generate, seed ${seed}`, agency: spec.agency, year: spec.year, template: spec.template, layout: file.layout, tables }, null, 1));
}
console.log(`${files.length} generated cases -> ${out}`);
