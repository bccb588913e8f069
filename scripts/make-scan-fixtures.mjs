// Turns text PDFs into the scans small offices publish: pages rendered at 150–300 dpi by poppler's
// pdftoppm, then skewed, blurred, speckled with noise and saved as JPEG, wrapped back into
// image-only PDFs (no text layer) by scripts/image-to-pdf.mjs; one page of one scan is turned
// sideways, and single pages are also written as PNG/JPEG images. Seeded: the same run writes the
// same files. Needs poppler-utils (apt-get install poppler-utils poppler-data).
//
// Usage: node scripts/make-scan-fixtures.mjs [--out test/fixtures/scans]
// What it writes is listed in OUT/scans.json (source, truth, level, dpi, skew per page).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { gaussian, seededRandom } from './degrade-scan.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const OUT = resolve(ROOT, outAt >= 0 ? args[outAt + 1] : 'test/fixtures/scans');
const CORPUS = resolve(ROOT, '../shared/corpus');
const OFFICE = join(ROOT, 'test/fixtures/office/pdf');

/** Degradation levels: what a clean office scanner, a tired one and a phone-grade one do. */
const LEVELS = {
  clean: { dpi: 200, noise: 0, specks: 0, blur: 0, skew: 0, quality: 70 },
  light: { dpi: 200, noise: 7, specks: 0.0004, blur: 0.5, skew: 1, quality: 50 },
  heavy: { dpi: 150, noise: 12, specks: 0.0008, blur: 0.6, skew: 2, quality: 40 },
  fine: { dpi: 300, noise: 7, specks: 0.0004, blur: 0.8, skew: 1.5, quality: 40 },
};

/** One page PNG → degraded JPEG bytes. */
async function degrade(png, level, rand, turn) {
  const skew = (rand() * 2 - 1) * level.skew;
  let image = sharp(png).grayscale();
  if (level.blur > 0) image = image.blur(0.3 + level.blur);
  if (skew !== 0) image = image.rotate(skew, { background: '#ffffff' });
  if (turn) image = image.rotate(turn);
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) {
    let v = data[i] + (level.noise > 0 ? gaussian(rand) * level.noise : 0);
    if (level.specks > 0 && rand() < level.specks) v = rand() < 0.5 ? 0 : 255;
    data[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).jpeg({ quality: level.quality }).toBuffer();
  return { jpeg, skew: Math.round(skew * 100) / 100 };
}

function render(pdf, dpi, dir) {
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', pdf, join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.startsWith('p') && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

async function scan(name, pdf, truth, levelName, seed, options = {}) {
  const level = LEVELS[levelName];
  const work = mkdtempSync(join(tmpdir(), 'scan-'));
  try {
    const rand = seededRandom(seed);
    const pages = render(pdf, level.dpi, work);
    const jpegs = [];
    const skews = [];
    for (const [i, page] of pages.entries()) {
      const { jpeg, skew } = await degrade(readFileSync(page), level, rand, options.turnPage === i + 1 ? 90 : 0);
      const path = join(work, `page-${i + 1}.jpg`);
      writeFileSync(path, jpeg);
      jpegs.push(path);
      skews.push(skew);
    }
    const out = join(OUT, `${name}.pdf`);
    execFileSync('node', [join(ROOT, 'scripts/image-to-pdf.mjs'), out, ...jpegs, '--dpi', String(level.dpi)]);
    const entry = { file: relative(OUT, out), source: relative(ROOT, pdf), truth, level: levelName, dpi: level.dpi, skew: skews, ...(options.turnPage ? { turnedPage: options.turnPage } : {}) };
    if (options.imagePage) {
      const image = join(OUT, `${name}-page${options.imagePage}.${options.imageFormat}`);
      const bytes = readFileSync(jpegs[options.imagePage - 1]);
      writeFileSync(image, options.imageFormat === 'png' ? await sharp(bytes).png({ compressionLevel: 9, palette: true, colours: 16 }).toBuffer() : bytes);
      entry.image = { file: relative(OUT, image), page: options.imagePage };
    }
    return entry;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (/\.(pdf|jpg|png)$/.test(f)) rmSync(join(OUT, f));
const entries = [];
// Corpus reports: 200 dpi with noise, as the acceptance asks.
for (const dir of ['huaian-city-2024-pdf', 'huaian-hongze-2023-pdf', 'huaian-hongze-2024-pdf']) {
  entries.push(await scan(`corpus-${dir.replace(/-pdf$/, '')}`, join(CORPUS, dir, 'source.pdf'), relative(ROOT, join(CORPUS, dir, 'truth.json')), 'light', 1000 + entries.length));
}
// Generated reports (both templates, ruled), one per level, plus one turned page and loose images.
const office = readdirSync(OFFICE).filter((f) => f.endsWith('-ruled.pdf'));
const pick = (template, k) => office.filter((f) => f.includes(`-${template}-`))[k];
const plan = [
  ['clean', pick('2019', 0), {}],
  ['clean', pick('2021', 0), { imagePage: 3, imageFormat: 'png' }],
  ['light', pick('2019', 1), { turnPage: 3 }],
  ['light', pick('2021', 1), {}],
  ['heavy', pick('2019', 2), { imagePage: 3, imageFormat: 'jpg' }],
  ['heavy', pick('2021', 2), {}],
  ['fine', pick('2021', 3), {}],
];
for (const [level, file, options] of plan) {
  const id = basename(file, '.pdf');
  entries.push(await scan(`${id}-${level}`, join(OFFICE, file), `test/fixtures/office/specs.json#${id}`, level, 2000 + entries.length, options));
}
// Unruled tables (no grid to find: the page's words are read whole and placed by position), after
// the ruled ones so those keep their seeds.
const unruled = readdirSync(OFFICE).filter((f) => f.endsWith('-unruled.pdf'));
const pickUnruled = (template, k) => unruled.filter((f) => f.includes(`-${template}-`))[k];
for (const [level, file] of [
  ['clean', pickUnruled('2021', 0)],
  ['light', pickUnruled('2021', 1)],
]) {
  const id = basename(file, '.pdf');
  entries.push(await scan(`${id}-${level}`, join(OFFICE, file), `test/fixtures/office/specs.json#${id}`, level, 2000 + entries.length));
}
writeFileSync(join(OUT, 'scans.json'), JSON.stringify(entries, null, 2) + '\n');
console.log(`${entries.length} scans → ${relative(ROOT, OUT)}`);
