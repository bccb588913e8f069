// bench/real-converters: scores what convert.py's converters made of the real reports' pages, cell by cell against
// each case's truth.json, the way ../shared/tools/score.mjs does: a wrong cell is "flagged" when its cell's flag is
// neither ok nor blank, or a check of the record failed, or the record failed; otherwise it is SILENT (a wrong
// number, a printed number shown as blank, or a cell left out). A number where the truth is null is null→number.
// Every output is read in this one process (processBytes), the source text itself too, as the baseline.
// usage: node bench/real-converters/score.mjs OUT [--json FILE] [--only REGEX] [--dist DIR (another build's dist/)]
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (k) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : null; };
const out = args[0];
const only = opt('--only');
const jsonPath = opt('--json');
const dist = opt('--dist') ? resolve(opt('--dist')) : resolve(new URL('../..', import.meta.url).pathname, 'dist');
const { processBytes } = await import(pathToFileURL(join(dist, 'pipeline.js')).href);

const tallies = new Map();
const tally = (converter) => {
  if (!tallies.has(converter)) tallies.set(converter, { reports: 0, cells: 0, right: 0, flagged: 0, silent: 0, silentNumber: 0, silentBlank: 0, silentAbsent: 0, nullAsNumber: 0, perfect: 0, noRecord: 0 });
  return tallies.get(converter);
};
const silentCells = [];
const nullNumbers = [];
const flaggedCells = [];

const caseNames = readdirSync(out, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(out, d.name, 'truth.json'))).map((d) => d.name).sort();
for (const name of caseNames) {
  if (only && !new RegExp(only).test(name)) continue;
  const dir = join(out, name);
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
  for (const file of readdirSync(dir).sort()) {
    if (file === 'truth.json' || file === 'page.html') continue;
    const converter = file.replace(/\.(txt|md|html)$/, '');
    const t = tally(converter);
    const { record } = await processBytes(`${name}-${file}`, new Uint8Array(readFileSync(join(dir, file))));
    t.reports++;
    if (!record) t.noRecord++;
    const anyCheckFailed = (record?.checks ?? []).some((k) => k.pass === false);
    const cellOf = new Map((record?.cells ?? []).map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
    const issues = [...new Set((record?.issues ?? []).map((i) => i.code))];
    let cells = 0;
    let right = 0;
    for (const [table, rows] of Object.entries(truth.tables ?? {})) {
      for (const [row, cols] of Object.entries(rows ?? {})) {
        for (const [column, want] of Object.entries(cols ?? {})) {
          const key = `${table}.${row}.${column}`;
          const got = record?.tables?.[table]?.[row]?.[column];
          const cell = cellOf.get(key);
          const where = { case: name, converter, file, cell: key, want, got: got ?? null, flag: cell?.flag ?? null, raw: cell?.raw ?? null, line: cell?.line ?? null, status: record?.status ?? null };
          if (want === null) {
            if (typeof got === 'number') { t.nullAsNumber++; nullNumbers.push(where); }
            continue;
          }
          cells++;
          if (got === want || (typeof got === 'number' && Math.abs(got - want) < 1e-9)) { right++; continue; }
          const flagged = (cell && cell.flag && cell.flag !== 'ok' && cell.flag !== 'blank') || anyCheckFailed || record?.status === 'failed';
          if (flagged) {
            t.flagged++;
            flaggedCells.push({ ...where, why: cell && cell.flag !== 'ok' && cell.flag !== 'blank' ? `flag ${cell.flag}` : anyCheckFailed ? 'check failed' : 'report failed', issues });
          } else {
            t.silent++;
            if (typeof got === 'number') t.silentNumber++; else if (cell) t.silentBlank++; else t.silentAbsent++;
            silentCells.push(where);
          }
        }
      }
    }
    t.cells += cells;
    t.right += right;
    if (right === cells) t.perfect++;
  }
}

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(2)}%` : 'n/a');
const order = ['source', ...[...tallies.keys()].filter((k) => k !== 'source').sort()];
console.log(`${'converter'.padEnd(28)} rep  right/provable      %      flagged silent (num/blank/absent) null→num perfect`);
for (const c of order) {
  const t = tallies.get(c);
  if (!t) continue;
  console.log(`${c.padEnd(28)} ${String(t.reports).padStart(3)} ${`${t.right}/${t.cells}`.padStart(11)} ${pct(t.right, t.cells).padStart(8)} ${String(t.flagged).padStart(7)} ${String(t.silent).padStart(6)} (${t.silentNumber}/${t.silentBlank}/${t.silentAbsent}) ${String(t.nullAsNumber).padStart(8)} ${String(t.perfect).padStart(4)}/${t.reports}`);
}
const all = [...tallies.entries()].filter(([c]) => c !== 'source').reduce((a, [, t]) => ({ cells: a.cells + t.cells, right: a.right + t.right, flagged: a.flagged + t.flagged, silent: a.silent + t.silent, nullAsNumber: a.nullAsNumber + t.nullAsNumber }), { cells: 0, right: 0, flagged: 0, silent: 0, nullAsNumber: 0 });
console.log(`${'all converters'.padEnd(28)}     ${`${all.right}/${all.cells}`.padStart(11)} ${pct(all.right, all.cells).padStart(8)} ${String(all.flagged).padStart(7)} ${String(all.silent).padStart(6)}              ${String(all.nullAsNumber).padStart(8)}`);
console.log(`\nSILENT cells (${silentCells.length}):`);
for (const s of silentCells) console.log(`  ${s.converter} ${s.case} ${s.cell}: want ${s.want} got ${s.got} (flag ${s.flag}, raw ${JSON.stringify(s.raw)}, line ${s.line}, ${s.status})`);
console.log(`\nnull-truth cells given a number (${nullNumbers.length}):`);
for (const s of nullNumbers) console.log(`  ${s.converter} ${s.case} ${s.cell}: got ${s.got} (flag ${s.flag}, raw ${JSON.stringify(s.raw)}, line ${s.line})`);
if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ tallies: Object.fromEntries(tallies), silentCells, nullNumbers, flaggedCells }, null, 1));
