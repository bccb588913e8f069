// bench/text-decoder: text decoding time of this build against a reference build, in one invocation
// on the same cores: the same generated reports (every layout, both formats and the hybrid) read by
// each build in turn, rounds alternating which goes first. Prints CPU seconds and the ratio this/reference,
// per layout and in all.
// Usage: node bench/text-decoder.mjs <reference dist folder> [reports per layout, default 6] [rounds, default 2]
// (a reference: `git worktree add /tmp/ref <commit> && cd /tmp/ref && npm ci && npm run build`, then /tmp/ref/dist).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [reference, perLayout = '6', rounds = '2'] = process.argv.slice(2);
if (!reference) {
  console.error('usage: node bench/text-decoder.mjs <reference dist folder> [reports per layout] [rounds]');
  process.exit(2);
}
const here = resolve(new URL('..', import.meta.url).pathname, 'dist');
const { generateReports, LAYOUTS } = await import(pathToFileURL(resolve(here, 'generate/index.js')).href);
// Other reports each round (seed 11, 12, …): a build that remembers what it decoded gains nothing
// from reading the same report twice.
const reportsOfRound = (round) => generateReports(Number(perLayout) * LAYOUTS.length, { seed: 11 + round, layouts: LAYOUTS, formats: ['2019', '2021', 'hybrid'] });
const builds = { reference: resolve(reference), this: here };
const pipelines = {};
for (const [name, dist] of Object.entries(builds)) pipelines[name] = await import(pathToFileURL(resolve(dist, 'pipeline.js')).href);
// CPU seconds of this process (user + system), not wall time: other work on the machine then
// moves both builds' figures alike. Per layout too: a speed-up or a loss is often one layout's.
const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const seconds = { reference: 0, this: 0 };
const byLayout = new Map();
let reports = 0;
for (let round = 0; round < Number(rounds); round++) {
  const files = reportsOfRound(round);
  reports += files.length;
  for (const name of round % 2 ? ['this', 'reference'] : ['reference', 'this']) {
    for (const f of files) {
      const start = cpuSeconds();
      await pipelines[name].processBytes(f.name, f.bytes);
      const spent = cpuSeconds() - start;
      seconds[name] += spent;
      const layout = byLayout.get(f.layout) ?? { reference: 0, this: 0 };
      layout[name] += spent;
      byLayout.set(f.layout, layout);
    }
  }
}
for (const [layout, s] of [...byLayout].sort((a, b) => b[1].reference - a[1].reference)) {
  console.log(`${layout.padEnd(20)} reference ${s.reference.toFixed(1).padStart(6)} s  this ${s.this.toFixed(1).padStart(6)} s  ratio ${(s.this / s.reference).toFixed(2)}`);
}
console.log(`${reports} reports in ${rounds} rounds, each read by both builds, CPU seconds: reference ${seconds.reference.toFixed(1)} s, this ${seconds.this.toFixed(1)} s, ratio this/reference ${(seconds.this / seconds.reference).toFixed(2)}`);
