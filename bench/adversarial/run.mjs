#!/usr/bin/env node
// The adversarial review of the text decoder (issue 13): every transformed case (cases.mjs: the real set's
// values printed in the layouts real tools make) and every minimal input of test/fixtures/adversarial, run
// through this checkout's dist/ (NIANBAO_DIST to change), sequentially in this one process; lists the silent
// errors and writes last-run.json for summarize.mjs (cells right, flagged and silent per case family).
// usage: npm run build && node bench/adversarial/run.mjs [--only REGEX] [--write] [--verbose]
//        node bench/adversarial/summarize.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allCases, moreCases, footerCases, wrapMiddleCases, gluedCases, numberingCases, excerptCases } from './cases.mjs';
import { runCase } from './check.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--only') ? new RegExp(args[args.indexOf('--only') + 1]) : null;
const write = args.includes('--write');
const verbose = args.includes('--verbose');

let cases = [...allCases(), ...moreCases(), ...footerCases(), ...wrapMiddleCases(), ...gluedCases(), ...numberingCases(), ...excerptCases()];
const rdir = path.join(here, '..', '..', 'test', 'fixtures', 'adversarial');
if (fs.existsSync(rdir)) for (const d of fs.readdirSync(rdir).filter((f) => !f.endsWith('.md')).sort()) {
  const tf = path.join(rdir, d, 'truth.json');
  if (fs.existsSync(tf)) cases.push({ name: `repro/${d}`, text: fs.readFileSync(path.join(rdir, d, 'source.txt'), 'utf8'), truth: JSON.parse(fs.readFileSync(tf, 'utf8')) });
}
if (only) cases = cases.filter((c) => only.test(c.name));
if (write) {
  fs.mkdirSync(path.join(here, 'cases'), { recursive: true });
  for (const c of cases) if (!c.name.startsWith('repro/')) {
    fs.writeFileSync(path.join(here, 'cases', c.name + '.txt'), c.text);
    fs.writeFileSync(path.join(here, 'cases', c.name + '.truth.json'), JSON.stringify(c.truth, null, 1));
  }
}
let total = 0, silentCases = 0, silentCells = 0, cellsAll = 0, rightAll = 0, flaggedAll = 0;
const summary = [];
for (const c of cases) {
  let r;
  try { r = await runCase(c.name + '.txt', c.text, c.truth); } catch (e) { console.log(`${c.name}: THREW ${e.message}`); continue; }
  total++; cellsAll += r.cells; rightAll += r.right; flaggedAll += r.flagged;
  if (r.silent.length) {
    silentCases++; silentCells += r.silent.length;
    console.log(`${c.name}: ${r.status} right ${r.right}/${r.cells} flagged ${r.flagged} SILENT ${r.silent.length}`);
    for (const s of r.silent.slice(0, verbose ? 999 : 6)) console.log(`    ${s.key}: want ${s.want} got ${s.got} [${s.flag}] raw=${JSON.stringify(s.raw)}`);
  } else if (verbose) console.log(`${c.name}: ${r.status} right ${r.right}/${r.cells} flagged ${r.flagged}`);
  summary.push({ name: c.name, status: r.status, cells: r.cells, right: r.right, flagged: r.flagged, silent: r.silent.length });
}
fs.writeFileSync(path.join(here, 'last-run.json'), JSON.stringify(summary, null, 1));
console.log(`cases ${total}; cells ${rightAll}/${cellsAll} right, ${flaggedAll} flagged; silent cases ${silentCases}, silent cells ${silentCells}`);
process.exit(0);
