// bench/pdf-layouts: reads every PDF make.mjs printed and scores it cell by cell: a generated report against its spec
// (scoreRecord), a real table against its case's truth.json (as ../shared/tools/score.mjs: a wrong cell is flagged when
// its flag is neither ok nor blank, a check failed, or the record failed; otherwise SILENT). Prints the totals, the
// accuracy per layout feature (each drawn feature value over the PDFs that drew it), and every cell that is not right.
// usage: npm run build && node bench/pdf-layouts/score.mjs OUT [--json FILE] [--only REGEX] [--dist OTHER/dist]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (k) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : null; };
const out = resolve(args[0]);
const only = opt('--only');
const dist = opt('--dist') ? resolve(opt('--dist')) : resolve(new URL('../..', import.meta.url).pathname, 'dist');
const { processFile } = await import(pathToFileURL(join(dist, 'pipeline.js')).href);
const { scoreRecord } = await import(pathToFileURL(join(dist, 'generate', 'score.js')).href);

const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));

/** A real case's cells against its truth (null truth cells are not provable; a number there is null→number). */
function scoreTruth(record, truth) {
  const s = { cells: 0, right: 0, flagged: 0, silent: 0, nullGivenNumber: 0, mismatches: [] };
  const anyCheckFailed = (record?.checks ?? []).some((k) => k.pass === false);
  const cellOf = new Map((record?.cells ?? []).map((c) => [`${c.table}.${c.row}.${c.column}`, c]));
  for (const [table, rows] of Object.entries(truth.tables ?? {})) {
    for (const [row, cols] of Object.entries(rows ?? {})) {
      for (const [column, want] of Object.entries(cols ?? {})) {
        const key = `${table}.${row}.${column}`;
        const cell = cellOf.get(key);
        const got = record?.tables?.[table]?.[row]?.[column] ?? null;
        if (want === null) {
          if (typeof got === 'number') { s.nullGivenNumber++; s.mismatches.push(`${key}: null → ${got} (${cell?.flag}) NULL→NUMBER`); }
          continue;
        }
        s.cells++;
        if (typeof got === 'number' && Math.abs(got - want) < 1e-9) { s.right++; continue; }
        const flagged = (cell && cell.flag !== 'ok' && cell.flag !== 'blank') || anyCheckFailed || record?.status === 'failed';
        if (flagged) s.flagged++;
        else s.silent++;
        s.mismatches.push(`${key}: ${want} → ${cell ? `${cell.value} (${cell.flag}, raw ${JSON.stringify(cell.raw)})` : 'absent'}${flagged ? '' : ' SILENT'}`);
      }
    }
  }
  return s;
}

const total = { files: 0, cells: 0, right: 0, flagged: 0, silent: 0, nullGivenNumber: 0, perfect: 0 };
const byFeature = new Map();
const results = {};
for (const [name, m] of Object.entries(manifest)) {
  if (only && !new RegExp(only).test(name)) continue;
  const { record } = await processFile(join(out, 'pdf', `${name}.pdf`));
  let s;
  if (m.kind === 'generated') {
    const r = record ? scoreRecord(record, m.spec) : null;
    s = r
      ? { cells: r.cells, right: r.right, flagged: r.flagged, silent: r.silent, nullGivenNumber: r.nullGivenNumber, mismatches: r.mismatches.map((x) => x + (/\((unreadable|inferred|missing)/.test(x) ? '' : ' ?')) }
      : { cells: 1, right: 0, flagged: 1, silent: 0, nullGivenNumber: 0, mismatches: ['no record'] };
  } else s = scoreTruth(record, m.truth);
  results[name] = { described: m.described, status: record?.status ?? 'none', ...s };
  total.files++;
  if (s.right === s.cells && s.nullGivenNumber === 0) total.perfect++;
  for (const k of ['cells', 'right', 'flagged', 'silent', 'nullGivenNumber']) total[k] += s[k];
  const L = m.layout;
  const features = [`kind=${m.kind}`, `printer=${L.printer}`, `font=${L.fontPt < 11 ? '9-10pt' : L.fontPt < 13 ? '11-12pt' : '13-14pt'}`, `labels=${L.labels}`, `vertical=${L.vertical}`, `spacing=${L.letterSpacing ? 'yes' : 'no'}`, `numbers=${L.numbers}`, `landscape=${L.landscape}`, `thead=${L.thead}`, `running=${L.running}`, `padding=${L.padding >= 8 ? '8-12' : '0-4'}`, `ruled=${L.ruled}`, `pages-broken=${L.filler > 4}`];
  for (const f of features) {
    const t = byFeature.get(f) ?? { files: 0, cells: 0, right: 0, silent: 0 };
    t.files++; t.cells += s.cells; t.right += s.right; t.silent += s.silent + s.nullGivenNumber;
    byFeature.set(f, t);
  }
  const silent = s.silent + s.nullGivenNumber;
  console.log(`${name.padEnd(58)} ${`${s.right}/${s.cells}`.padStart(9)} flagged ${String(s.flagged).padStart(3)} silent ${String(silent).padStart(2)}  ${results[name].status}  [${m.described}]`);
}
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(2) : 'n/a');
console.log(`\nTOTAL ${total.files} PDFs: ${total.right}/${total.cells} cells right (${pct(total.right, total.cells)}%), ${total.flagged} flagged, ${total.silent} silent, ${total.nullGivenNumber} null→number, ${total.perfect} PDFs read whole`);
console.log('\nper layout feature (PDFs, cells right, silent incl. null→number):');
for (const [f, t] of [...byFeature.entries()].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${f.padEnd(34)} ${String(t.files).padStart(3)}  ${`${t.right}/${t.cells}`.padStart(11)} ${pct(t.right, t.cells).padStart(7)}%  silent ${t.silent}`);
console.log('\ncells not right:');
for (const [name, r] of Object.entries(results)) for (const x of r.mismatches) console.log(`  ${name}: ${x}`);
const json = opt('--json');
if (json) writeFileSync(json, JSON.stringify({ total, byFeature: Object.fromEntries(byFeature), results }, null, 1));
