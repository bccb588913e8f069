// Copies single pages of the drawn scans (made by scripts/make-drawn-scans.mjs with its default
// seed and count) into test/fixtures/drawn-pages for test/drawn-scans.test.ts: a page's own JPEG,
// as the scan holds it, with the truth of the tables printed on it: a small fixture for one
// mechanism where the page's whole file is not read at the target yet (test/fixtures/drawn-scans
// holds only files that are).
// Usage: npm run build && node scripts/pick-drawn-pages.mjs [--from test-artifacts/drawn-scans]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fullPageJpegs } from '../dist/extract/pdf-scans.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const FROM = resolve(ROOT, args.includes('--from') ? args[args.indexOf('--from') + 1] : 'test-artifacts/drawn-scans');
const OUT = join(ROOT, 'test/fixtures/drawn-pages');

/** The picked pages: drawn file number, page, the tables printed whole on that page, and what the page brings. */
const PICKS = [
  { number: 91, page: 3, tables: ['reviews'], why: '2021 四 ruled, 153 dpi grey, turned 270°: its grid is found lying on its side, so it is turned once read (readPreparedPage), and from its own pixels' },
  { number: 55, page: 3, tables: ['requests'], why: '2021 三 continued (unruled photo): the page starts with rows whose labels OCR garbled, above the first row read whole; a faint 1 beside a 3 (31) that both readers missed' },
  { number: 111, page: 2, tables: ['requests'], why: '2021 三 continued (ruled; its rows from 3.危及… on), 121 dpi colour, blurred: faint small digits beside the rules, seen only with the rules out of the mean' },
  { number: 48, page: 2, tables: ['requests'], why: '2019 三 (ruled, its head; continued on page 3), a grey scan: a seal\'s ring, star and characters over (三)不予公开\'s rows, as grey as the rules, lifted by its ring (seal-rings.ts)' },
];

const { seed, count, entries } = JSON.parse(readFileSync(join(FROM, 'scans.json'), 'utf8'));
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const picked = [];
for (const pick of PICKS) {
  const entry = entries.find((e) => Number(e.file.slice(6, 9)) === pick.number);
  if (!entry) throw new Error(`drawn-${pick.number} is not in ${FROM}`);
  const jpeg = (await fullPageJpegs(new Uint8Array(readFileSync(join(FROM, entry.file))))).get(pick.page);
  if (!jpeg) throw new Error(`${entry.file} p${pick.page} is not one JPEG`);
  const file = `${entry.file.replace(/\.pdf$/, '')}-p${pick.page}.jpg`;
  writeFileSync(join(OUT, file), jpeg.jpeg);
  const truth = Object.fromEntries(pick.tables.map((t) => [t, entry.truth[t]]));
  picked.push({ file, from: entry.file, page: pick.page, format: entry.format, tableStyle: entry.tableStyle, conditions: entry.conditions.find((c) => c.page === pick.page), truth, why: pick.why });
}
writeFileSync(join(OUT, 'pages.json'), JSON.stringify({ seed, count, pages: picked }, null, 1) + '\n');
console.log(`${picked.length} drawn pages → ${OUT}`);
