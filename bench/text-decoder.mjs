// bench/text-decoder: text decoding time of this build against a reference build, in one invocation
// on the same cores: the same generated reports (every layout, both formats and the hybrid) read by
// each build in turn, rounds alternating which goes first. Prints seconds and the ratio this/reference.
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
const files = generateReports(Number(perLayout) * LAYOUTS.length, { seed: 11, layouts: LAYOUTS, formats: ['2019', '2021', 'hybrid'] });
const builds = { reference: resolve(reference), this: here };
const pipelines = {};
for (const [name, dist] of Object.entries(builds)) pipelines[name] = await import(pathToFileURL(resolve(dist, 'pipeline.js')).href);
const seconds = { reference: 0, this: 0 };
for (let round = 0; round < Number(rounds); round++) {
  for (const name of round % 2 ? ['this', 'reference'] : ['reference', 'this']) {
    const start = performance.now();
    for (const f of files) await pipelines[name].processBytes(f.name, f.bytes);
    seconds[name] += (performance.now() - start) / 1000;
  }
}
console.log(`${files.length} reports × ${rounds} rounds: reference ${seconds.reference.toFixed(1)} s, this ${seconds.this.toFixed(1)} s, ratio this/reference ${(seconds.this / seconds.reference).toFixed(2)}`);
