// Copies a few drawn scans (made by scripts/make-drawn-scans.mjs with its default seed and count)
// into test/fixtures/drawn-scans for test/drawn-scans.test.ts: small files that between them hold
// most conditions. Usage: node scripts/pick-drawn-fixtures.mjs [--from test-artifacts/drawn-scans]
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const FROM = resolve(ROOT, args.includes('--from') ? args[args.indexOf('--from') + 1] : 'test-artifacts/drawn-scans');
const OUT = join(ROOT, 'test/fixtures/drawn-scans');

/** The picked files, by their number in the drawn set, with what each brings; floors where today's reading is under 99%. */
const PICKS = new Map([
  // filled in from the bench's results: number → { why, floor? }
]);

const { seed, count, entries } = JSON.parse(readFileSync(join(FROM, 'scans.json'), 'utf8'));
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const picked = [];
for (const entry of entries) {
  const number = Number(entry.file.slice(6, 9));
  const pick = PICKS.get(number);
  if (!pick) continue;
  copyFileSync(join(FROM, entry.file), join(OUT, entry.file));
  picked.push({ ...entry, why: pick.why, ...(pick.floor ? { floor: pick.floor } : {}) });
}
writeFileSync(join(OUT, 'scans.json'), JSON.stringify({ seed, count, entries: picked }, null, 1) + '\n');
const bytes = readdirSync(OUT).reduce((sum, f) => sum + statSync(join(OUT, f)).size, 0);
console.log(`${picked.length} drawn scans → ${OUT} (${(bytes / 1e6).toFixed(2)} MB)`);
