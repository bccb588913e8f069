// Writes printable HTML reports and their specs (the values extraction must give back).
// Called by make-office-fixtures.sh after `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePrintableReports } from '../dist/generate/index.js';

const [count, seed, htmlDir, specsPath] = process.argv.slice(2);
mkdirSync(htmlDir, { recursive: true });
const reports = generatePrintableReports(Number(count), Number(seed), ['WenQuanYi Zen Hei', 'AR PL UMing CN']);
const specs = {};
for (const report of reports) {
  writeFileSync(join(htmlDir, `${report.name}.html`), report.html);
  specs[report.name] = { style: report.style, spec: report.spec };
}
writeFileSync(specsPath, JSON.stringify(specs, null, 0) + '\n');
console.log(`${reports.length} printable reports`);
