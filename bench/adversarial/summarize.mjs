// Summarises last-run.json by case family (the name up to the value set).
import fs from 'node:fs';
const rows = JSON.parse(fs.readFileSync(new URL('./last-run.json', import.meta.url), 'utf8'));
const fam = (name) => name.startsWith('repro/') ? 'repro' : name.replace(/-(huaian21\w*|h2019\w*|hongze2[34]\w*)(-\d+)?$/, '').replace(/^(excerpt-\w+|footer-\w+)-.*$/, '$1').replace(/^(wrapsweep)\d+/, '$1').replace(/^(wrap(mid)?)\d+/, '$1');
const by = new Map();
for (const r of rows) {
  const f = fam(r.name);
  const a = by.get(f) ?? { cases: 0, cells: 0, right: 0, flagged: 0, silentCases: 0, silent: 0 };
  a.cases++; a.cells += r.cells; a.right += r.right; a.flagged += r.flagged; a.silent += r.silent; if (r.silent) a.silentCases++;
  by.set(f, a);
}
console.log('family | cases | cells right | flagged | silent cases | silent cells');
for (const [f, a] of [...by].sort()) console.log(`${f} | ${a.cases} | ${a.right}/${a.cells} | ${a.flagged} | ${a.silentCases} | ${a.silent}`);
