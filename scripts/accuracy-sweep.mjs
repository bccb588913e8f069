// A wider accuracy check than CI's: N generated reports per (seed, variance), every layout, scored
// cell by cell against the values they were made from. Run after `npm run build`:
//   node scripts/accuracy-sweep.mjs [N=600]
import { generateReports, scoreRecord } from '../dist/generate/index.js';
import { processBytes } from '../dist/pipeline.js';

const count = Number(process.argv[2] ?? 600);
let silentTotal = 0;
for (const [seed, variance] of [[7, 0.3], [23, 0.6], [11, 0.9]]) {
  const per = {};
  for (const file of generateReports(count, { seed, variance })) {
    const { record } = await processBytes(file.name, file.bytes);
    const score = scoreRecord(record, file.spec);
    const tally = (per[file.layout] ??= { cells: 0, right: 0, silent: 0 });
    tally.cells += score.cells;
    tally.right += score.right;
    tally.silent += score.silent;
    silentTotal += score.silent;
  }
  const line = Object.entries(per).map(([layout, t]) => `${layout} ${((100 * t.right) / t.cells).toFixed(2)}%${t.silent ? ` (${t.silent} silent)` : ''}`);
  console.log(`seed ${seed}, variance ${variance}: ${line.join(' | ')}`);
}
process.exitCode = silentTotal > 0 ? 1 : 0;
