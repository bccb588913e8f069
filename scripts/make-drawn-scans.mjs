// Makes the drawn scans: generated reports (both formats; ruled, horizontal-rules-only and unruled
// tables; filler that carries tables over a page break without their header) printed to PDF by
// Debian's chromium, then degraded page by page by scripts/degrade-scan.mjs (scanner scans and
// phone photos), plus screenshots holding one table and nothing else (no title: agency and year
// are unknown, the table is still read). Deterministic for a given seed and count.
// Writes OUT/<name>.pdf|png|jpg and OUT/scans.json: per file its kind, format, table style, the
// per-page conditions drawn and the values it prints (the truth the bench scores against).
//
// Usage: npm run build && node scripts/make-drawn-scans.mjs [--out test-artifacts/drawn-scans] [--count 150] [--seed 16]
// Needs chromium (CHROMIUM_PATH, default /usr/bin/chromium), poppler-utils and a CJK font.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { degradePdf, seededRandom } from './degrade-scan.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What the tables look like on paper. */
const TABLE_STYLES = ['ruled', 'hrules', 'unruled'];
/** Every fifth report is photographed with a phone, the others go through a scanner. */
const PHOTO_EVERY = 5;
/** Every other file is a screenshot of one table (三, 四 or 二): reports 1 and 2 of every 4, one of each format. */
const isScreenshot = (i) => i % 4 === 1 || i % 4 === 2;

/** The printable HTML with its tables in the drawn style (the generator draws ruled or unruled). */
function styled(html, tableStyle) {
  const border = tableStyle === 'ruled' ? 1 : 0;
  let out = html.replace(/<table border="\d"/g, `<table border="${border}"`);
  if (tableStyle === 'hrules') {
    // Three-line tables as Word users draw them: rules between rows, none between columns.
    out = out.replace('</style>', ' table { border-collapse: collapse } td { border-top: 1px solid #000; border-bottom: 1px solid #000; border-left: none; border-right: none }</style>');
  }
  return out;
}

/** 2019's 采购总金额 printed with its unit, as many offices do ("2834.5元"). */
function amountsInYuan(html) {
  return html.replace(/(<tr><td>政府集中采购<\/td><td>[^<]*<\/td><td[^>]*>)([\d.]+)(<\/td>)/, '$1$2元$3');
}

/** Which table a <table> element holds, from its header text. */
function tableNameOf(text) {
  if (text.includes('申请人情况')) return 'requests';
  if (text.includes('行政复议')) return 'reviews';
  if (text.includes('信息内容') || text.includes('第二十条')) return 'active';
  return null;
}

/** ['requests'] when 三's header and its （七）总计 row are printed on different pages: continued without a header. */
function continuedTables(pdf) {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  let headerPage = 0;
  let totalPage = 0;
  for (let p = 1; p <= count; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
    if (text.includes('申请人情况')) headerPage = p;
    if (/（七）\s*总计/.test(text)) totalPage = p;
  }
  return headerPage > 0 && totalPage > headerPage ? ['requests'] : [];
}

const truthOf = (spec, tables) => Object.fromEntries(tables.map((t) => [t, spec[t]]));

export async function makeDrawnScans({ out, count, seed }) {
  const { generatePrintableReports } = await import(join(ROOT, 'dist/generate/index.js'));
  const { chromium } = await import('playwright-core');
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  mkdirSync(out, { recursive: true });
  const reports = generatePrintableReports(count, seed, ['WenQuanYi Zen Hei', 'AR PL UMing CN']);
  const launch = () => chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  let browser = await launch();
  // A page in a browser that is still there (a long run may outlive one chromium).
  const newPage = async (options) => {
    if (!browser.isConnected()) browser = await launch();
    return browser.newPage(options);
  };
  const work = mkdtempSync(join(tmpdir(), 'drawn-'));
  const entries = [];
  const keep = (entry) => {
    entries.push(entry);
    writeFileSync(join(out, entry.file.replace(/\.\w+$/, '.entry.json')), JSON.stringify(entry));
  };
  try {
    for (const [i, report] of reports.entries()) {
      // Made by an earlier run that stopped half way: each file's entry is kept beside it.
      const done = readdirSync(out).find((f) => f.startsWith(`drawn-${String(i).padStart(3, '0')}-`) && f.endsWith('.entry.json'));
      if (done) {
        entries.push(JSON.parse(readFileSync(join(out, done), 'utf8')));
        continue;
      }
      const rand = seededRandom(seed * 7919 + i);
      const tableStyle = TABLE_STYLES[Math.floor(rand() * TABLE_STYLES.length)];
      const printed = styled(new TextDecoder().decode(report.html), tableStyle);
      const html = report.spec.template === '2019' && rand() < 0.6 ? amountsInYuan(printed) : printed;
      const base = { format: report.spec.template, tableStyle, amountsInYuan: /\d元</.test(html), year: report.spec.year, agency: report.spec.agency };
      if (isScreenshot(i)) {
        // A screenshot: the table alone, at the screen's scale (110–200 dpi), PNG or JPEG.
        const dpi = Math.round(110 + rand() * 90);
        const jpeg = rand() < 0.5;
        const quality = Math.round(55 + rand() * 30);
        const page = await newPage({ deviceScaleFactor: dpi / 96, viewport: { width: 900, height: 1200 } });
        await page.setContent(html);
        const tables = await page.$$('table');
        const named = [];
        for (const t of tables) named.push({ element: t, name: tableNameOf(await t.innerText()) });
        const countOf = (name) => named.filter((n) => n.name === name).length;
        const candidates = named.filter((n) => n.name !== null && countOf(n.name) === 1);
        const pick = candidates[Math.floor(rand() * candidates.length)];
        const name = `drawn-${String(i).padStart(3, '0')}-${report.spec.template}-${tableStyle}-screenshot-${pick.name}.${jpeg ? 'jpg' : 'png'}`;
        const png = await pick.element.screenshot({ type: 'png' });
        writeFileSync(join(out, name), jpeg ? await sharp(png).jpeg({ quality }).toBuffer() : png);
        await page.close();
        keep({ file: name, kind: 'screenshot', ...base, year: null, agency: null, table: pick.name, conditions: [{ page: 1, dpi, colour: true, quality: jpeg ? quality : null }], truth: truthOf(report.spec, [pick.name]) });
        continue;
      }
      const photo = i % PHOTO_EVERY === 0;
      const name = `drawn-${String(i).padStart(3, '0')}-${report.spec.template}-${tableStyle}-${photo ? 'photo' : 'scan'}.pdf`;
      const clean = join(work, `${i}.pdf`);
      const page = await newPage();
      await page.setContent(html);
      await page.pdf({ path: clean, preferCSSPageSize: true, printBackground: true });
      await page.close();
      const continued = continuedTables(clean);
      const { pdf, conditions } = await degradePdf(clean, seed * 104729 + i, { photo });
      writeFileSync(join(out, name), pdf);
      keep({ file: name, kind: photo ? 'photo' : 'scan', ...base, continued, conditions, truth: truthOf(report.spec, ['requests', 'reviews', 'active']) });
      process.stdout.write(`\r${i + 1}/${count}`);
    }
  } finally {
    if (browser.isConnected()) await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(join(out, 'scans.json'), JSON.stringify({ seed, count, entries }, null, 1) + '\n');
  return entries;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const out = resolve(ROOT, arg('--out', 'test-artifacts/drawn-scans'));
  const entries = await makeDrawnScans({ out, count: Number(arg('--count', '150')), seed: Number(arg('--seed', '16')) });
  console.log(`\n${entries.length} drawn scans → ${out}`);
}
