#!/usr/bin/env node
/**
 * Each hostile case alone: its code, wall time and peak memory (max RSS of a fresh process that
 * reads only that file). Needs `npm run build`. The large cases are generated into a temp folder.
 *
 *   node bench/hostile.mjs [case-name-substring]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'test/fixtures/hostile');
const cases = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8'));
const large = mkdtempSync(join(tmpdir(), 'nianbao-hostile-large-'));
execFileSync(process.execPath, [join(ROOT, 'scripts/make-hostile-fixtures.mjs'), '--large', large]);
const only = process.argv[2];

/** One file through the pipeline in a child process: its manifest code, and the child's wall time and max RSS. */
const CHILD = `
const { processFile } = await import(${JSON.stringify(join(ROOT, 'dist/pipeline.js'))});
const started = performance.now();
const result = await processFile(process.argv[1]);
const ms = performance.now() - started;
console.log(JSON.stringify({ code: result.manifest.error, status: result.manifest.status, ms }));
`;

console.log('| case | expected | got | time (s) | peak RSS (MB) |');
console.log('| --- | --- | --- | --- | --- |');
for (const c of cases) {
  if (only && !c.file.includes(only)) continue;
  const path = join(c.large ? large : FIXTURES, c.file);
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--input-type=module', '-e', CHILD, path], { encoding: 'utf8', timeout: 300_000 });
  const lines = child.stdout.trim().split('\n');
  const result = lines.length > 0 && lines.at(-1)?.startsWith('{') ? JSON.parse(lines.at(-1)) : { code: `exit ${child.status} ${child.signal ?? ''}`, ms: NaN };
  const rssKb = Number(child.stderr.trim().split('\n').at(-1));
  const got = result.code ?? result.status;
  console.log(`| ${c.file} | ${c.code ?? 'read'} | ${got} | ${(result.ms / 1000).toFixed(2)} | ${(rssKb / 1024).toFixed(0)} |`);
}
