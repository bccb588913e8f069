// Picks generated printable reports for the converter fixtures and writes, for each, its HTML and the truth the
// converters' outputs are scored against (../shared/reference/dataset.md keys; null where the generated cell is blank;
// `printed`: how each value cell was printed, from which test/converter-evidence.ts tells what a converter left).
// Called by make-converter-fixtures.sh after `npm run build`.
// usage: node scripts/make-converter-fixtures.mjs SEED HTML_DIR TRUTH_DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../dist/generate/random.js';
import { renderPrintableReport } from '../dist/generate/render.js';
import { generateSpec } from '../dist/generate/values.js';

const [seed, htmlDir, truthDir] = process.argv.slice(2);
const FONTS = ['WenQuanYi Zen Hei', 'AR PL UMing CN'];
// A report is "large" when some value needs four or more digits (converters wrap and pad wide cells differently).
const LARGE = 1000;

/** What each picked report must show and how it is printed; every template gets one report of each profile. */
const PROFILES = [
  { slug: 'blanks-large', blanks: true, broken: false, large: true, ruled: true, landscape: false },
  { slug: 'blanks', blanks: true, broken: false, large: false, ruled: true, landscape: false },
  { slug: 'large', blanks: false, broken: false, large: true, ruled: true, landscape: true },
  { slug: 'broken-total', blanks: true, broken: true, large: false, ruled: true, landscape: false },
  { slug: 'unruled', blanks: true, broken: false, large: false, ruled: false, landscape: false },
];

function values(spec) {
  return [spec.requests, spec.reviews, spec.active].flatMap((t) => Object.values(t).flatMap((row) => Object.values(row)));
}

function hasLarge(spec) {
  return values(spec).some((v) => v !== null && Math.abs(v) >= LARGE);
}

/** The first spec seed from `start` whose report fits the profile (no hybrid （六） row, some blank cells where asked). */
function pick(template, profile, start) {
  for (let specSeed = start; specSeed < start + 5000; specSeed++) {
    const random = createRandom(specSeed);
    const spec = generateSpec(specSeed, random, { template, blanks: profile.blanks, broken: profile.broken });
    const printed = values(spec);
    if (spec.hybrid || hasLarge(spec) !== profile.large || !printed.some((v) => v !== null && v !== 0)) continue;
    if (profile.blanks && !printed.includes(null)) continue;
    const style = { ruled: profile.ruled, font: FONTS[(start + specSeed) % FONTS.length], landscape: profile.landscape, filler: random.int(0, 14) };
    const { bytes, tables } = renderPrintableReport(spec, random, style);
    return { spec, style, html: bytes, tables };
  }
  throw new Error(`no ${template} report fits profile ${profile.slug}`);
}

const picked = [];
for (const template of ['2019', '2021']) {
  PROFILES.forEach((profile, i) => picked.push({ slug: `${template}-${profile.slug}`, report: pick(template, profile, Number(seed) * 100_003 + i * 1000 + Number(template)) }));
}

mkdirSync(htmlDir, { recursive: true });
mkdirSync(truthDir, { recursive: true });
for (const { slug, report } of picked) {
  const { spec, style, tables } = report;
  // How each value cell was printed (a blank as nothing, a no-break or ideographic space, a dash…): what a converter can lose.
  const printed = Object.fromEntries(tables.flatMap((t) => t.rows.flat()).filter((c) => c.kind === 'value' && c.key).map((c) => [c.key, c.text]));
  writeFileSync(join(htmlDir, `${slug}.html`), report.html);
  const truth = {
    source: `generated: renderPrintableHtml of generateSpec(${spec.seed}) (make-converter-fixtures.mjs seed ${seed})`,
    agency: spec.agency,
    year: spec.year,
    template: spec.template,
    tables: { requests: spec.requests, reviews: spec.reviews, active: spec.active },
    printed,
    notes:
      `${style.ruled ? 'ruled' : 'unruled'} tables, font ${style.font}, ${style.landscape ? 'landscape' : 'portrait'}, ${style.filler} filler paragraphs before 三; ` +
      `${spec.blanks ? 'some zeros printed blank (null)' : 'no blank cells'}; ${spec.brokenIdentity ? 'one printed total altered so an identity fails (kept as printed)' : 'every identity holds'}`,
  };
  writeFileSync(join(truthDir, `${slug}.json`), JSON.stringify(truth, null, 1) + '\n');
}
console.log(picked.map((p) => `${p.slug} <- spec seed ${p.report.spec.seed}`).join('\n'));
