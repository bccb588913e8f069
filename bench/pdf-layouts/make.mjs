// bench/pdf-layouts: prints reports to text-layer PDFs in layouts drawn from ranges, the ways agencies make them
// (issue 13, "40 unseen PDF layouts"). Test tooling only: nothing here is used at run time.
//
// Two kinds of page: generated reports (both formats, blanks and non-zero values, 2019 二 amounts in 元; the spec is
// the truth) and the REAL tables (bench/real-converters' page.html of each real case; its truth.json is the truth).
// Each PDF draws one layout: label column narrow (long labels wrapped over 2-4 lines) or wide, group and header cells
// printed vertically (writing-mode) or one character per line, font size 9-14pt, letter-spacing (glyphs placed one by
// one), numbers left/centred/right, landscape, filler that breaks 三 over pages with or without a repeated thead,
// running headers/footers and page numbers (Chromium's own header and footer, or CSS page-margin boxes), cell padding, ruled or not; printed by Chromium (--print-to-pdf), or by
// LibreOffice through DOCX (HTML -> DOCX -> PDF, which redraws the table).
//
// usage: npm run build && node bench/pdf-layouts/make.mjs OUT [--generated N] [--real N] [--seed S] [--only-real REGEX] [--layout JSON]
//   writes OUT/pdf/<name>.pdf, OUT/html/<name>.html and OUT/manifest.json ({name: {kind, layout, spec | truth}})
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { activeGrid, randomReportStyle, requestsGrid, reviewsGrid } from '../../dist/generate/grid.js';
import { HEADINGS, preamble, titleLines } from '../../dist/generate/page.js';
import { createRandom } from '../../dist/generate/random.js';
import { generateSpec } from '../../dist/generate/values.js';

const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const out = resolve(args[0] ?? 'pdf-layouts-out');
const generatedCount = Number(opt('--generated', 30));
const realCount = Number(opt('--real', 20));
const seed = Number(opt('--seed', 1));
const onlyReal = opt('--only-real', null);
// Fields that replace the drawn ones in every PDF (a fixture pins the layout it shows): --layout '{"letterSpacing":0.3}'
const pinned = JSON.parse(opt('--layout', '{}'));
const root = resolve(new URL('../..', import.meta.url).pathname);

const FONTS = ['WenQuanYi Zen Hei', 'AR PL UMing CN'];

/** One PDF's layout, drawn from ranges. */
function drawLayout(random) {
  return {
    printer: random.chance(0.2) ? 'libreoffice-docx' : 'chromium',
    fontPt: random.int(9, 14),
    font: random.pick(FONTS),
    labels: random.pick(['narrow', 'narrow', 'normal', 'wide']),
    labelEm: 0, // set below
    vertical: random.pick(['none', 'none', 'writing-mode', 'char-per-line']),
    letterSpacing: random.chance(0.3) ? random.pick([0.1, 0.2, 0.3, 0.5]) : 0,
    numbers: random.pick(['left', 'center', 'right']),
    landscape: random.chance(0.2),
    filler: random.int(0, 12),
    thead: random.chance(0.5),
    running: random.pick(['none', 'chromium-header-footer', 'margin-boxes']),
    runningTitle: random.pick(['政府信息公开工作年度报告', '某某市人民政府办公室', '政务公开']),
    padding: random.pick([0, 2, 4, 8, 12]),
    ruled: random.chance(0.8),
  };
}

const escape = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const isNumberText = (t) => /^[\s+\-−减]?[\d,.]+\s*(元|万元)?\s*$/.test(t);
const hasHan = (t) => /\p{Script=Han}/u.test(t);

/** A cell's printed text as the layout wants it: one character per line for vertical group/header cells. */
function cellInner(text, kind, layout) {
  if (layout.vertical === 'char-per-line' && (kind === 'group' || kind === 'vhead')) return [...text].map(escape).join('<br>');
  return escape(text);
}

/** The class of a cell by its text (real pages carry no kinds): a number, a long label, a short header word. */
function classOfText(text) {
  const t = text.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim();
  if (t === '' || isNumberText(t) || /^[—\-/无－]$/.test(t)) return 'val';
  if (/^(三、)?本年度办理结果$|^（[三四五六]）.{2,6}$/.test(t)) return 'grp';
  return hasHan(t) && [...t].length >= 8 ? 'lab' : 'hd';
}

function css(layout) {
  // Running head and page numbers in the page's margin boxes (Chromium draws them as text on every page).
  const boxes = layout.running === 'margin-boxes' ? ` @top-center { content: "${layout.runningTitle}"; font-size: 9pt } @bottom-center { content: "- " counter(page) " -"; font-size: 9pt }` : '';
  const page = `@page { size: A4 ${layout.landscape ? 'landscape' : 'portrait'}; margin: 1.8cm 1.5cm;${boxes} }`;
  const border = layout.ruled ? 'border: 1px solid #000;' : 'border: none;';
  const labelWidth = layout.labels === 'narrow' ? `width: ${layout.labelEm}em; max-width: ${layout.labelEm}em;` : layout.labels === 'wide' ? `width: ${layout.labelEm}em; min-width: ${layout.labelEm}em;` : '';
  const vertical = layout.vertical === 'writing-mode' ? 'td.grp, td.vhead { writing-mode: vertical-rl; text-orientation: upright; }' : '';
  return [
    page,
    `body, td, th, p, h1, h2 { font-family: "${layout.font}"; font-size: ${layout.fontPt}pt; }`,
    `table { border-collapse: collapse; ${border} }`,
    `td, th { ${border} padding: ${layout.padding}px; letter-spacing: ${layout.letterSpacing}em; vertical-align: middle; }`,
    `td.val { text-align: ${layout.numbers}; }`,
    `td.lab { ${labelWidth} }`,
    vertical,
    'thead { display: table-header-group; }',
  ].join('\n');
}

const FILLER = '本年度，我单位坚持以公开为常态、不公开为例外，围绕中心工作，持续深化政务公开，加强政策解读与回应关切，不断提升政府信息公开工作的规范化、标准化水平。';

/** A generated table as HTML: header rows in a thead when the layout repeats it, cells classed by kind. */
function tableHtml(table, layout) {
  const headerRows = table.rows.findIndex((r) => r.some((c) => c.kind === 'value' || c.kind === 'label' || c.kind === 'band'));
  const row = (r) => `<tr>${r.map((c) => {
    const attrs = (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '') + (c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '');
    const kind = c.kind === 'header' && c.rowSpan > 1 && table.name === 'requests' && [...c.text].length > 10 ? 'vhead' : c.kind;
    const cls = { value: 'val', label: 'lab', group: 'grp', header: 'hd', band: 'hd', vhead: 'vhead' }[kind];
    return `<td class="${cls}"${attrs}>${cellInner(c.text, kind, layout)}</td>`;
  }).join('')}</tr>`;
  const head = layout.thead && headerRows > 0 ? `<thead>${table.rows.slice(0, headerRows).map(row).join('\n')}</thead>` : '';
  const body = (layout.thead && headerRows > 0 ? table.rows.slice(headerRows) : table.rows).map(row).join('\n');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

function generatedPage(spec, random, layout) {
  const style = randomReportStyle(random, { plainNumbers: random.chance(0.5) });
  // 2019 二 amounts printed in 元 in about half the 2019 reports (style draws it), blanks as the report's placeholder.
  const placeholders = random.pick([[''], ['—'], ['/'], ['无'], ['', '—']]);
  const variance = 0.3;
  const title = titleLines(spec, random);
  const tables = {
    active: activeGrid(spec, random, placeholders, variance, style),
    requests: requestsGrid(spec, random, placeholders, variance, style),
    reviews: reviewsGrid(spec, random, placeholders, style),
  };
  const body = [
    ...title.map((t) => `<h1>${escape(t)}</h1>`),
    `<p>${escape(preamble(spec))}</p>`,
    `<h2>${HEADINGS.overview[0]}</h2><p>${escape(`${spec.year}年，${spec.agency}认真贯彻落实《中华人民共和国政府信息公开条例》。`)}</p>`,
    `<h2>${HEADINGS.active[0]}</h2>`, tableHtml(tables.active, layout),
    `<h2>${HEADINGS.requests[0]}</h2>`,
    ...Array.from({ length: layout.filler }, () => `<p>${FILLER}</p>`),
    tableHtml(tables.requests, layout),
    `<h2>${random.pick(HEADINGS.reviews)}</h2>`, tableHtml(tables.reviews, layout),
    `<h2>${HEADINGS.problems[0]}</h2><p>政府信息公开工作仍存在公开内容不够全面等问题。</p>`,
    `<h2>${HEADINGS.other[0]}</h2><p>无其他需要报告的事项。</p>`,
  ];
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escape(title.join(''))}</title><style>${css(layout)}</style></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}

/** A real case's page with the layout's style: cells classed by their text, filler before the first table. */
function realPage(html, layout, title) {
  let page = html.replace(/<td([^>]*)>([\s\S]*?)<\/td>/g, (_, attrs, inner) => {
    const cls = classOfText(inner);
    const text = inner.replace(/<br>/g, '\n');
    const printed = layout.vertical === 'char-per-line' && cls === 'grp' ? [...text.replace(/\s/g, '')].join('<br>') : inner;
    return `<td class="${cls}"${attrs}>${printed}</td>`;
  });
  // The first row of each table is its header row: repeated on every page when the layout says so.
  if (layout.thead) page = page.replace(/(<table[^>]*>)\s*(<tr>[\s\S]*?<\/tr>)/g, '$1<thead>$2</thead>');
  const filler = Array.from({ length: layout.filler }, () => `<p>${FILLER}</p>`).join('');
  page = page.replace(/<table/, `${filler}<table`);
  page = page.replace(/<\/head>/i, `<style>${css(layout)}</style></head>`);
  if (!/<style>/.test(page)) page = `<html><head><meta charset="utf-8"><style>${css(layout)}</style></head><body>${page}</body></html>`;
  return page;
}

function describe(layout) {
  const parts = [layout.printer, `${layout.fontPt}pt`, `labels-${layout.labels}${layout.labelEm ? layout.labelEm : ''}`, `vertical-${layout.vertical}`, `numbers-${layout.numbers}`];
  if (layout.letterSpacing) parts.push(`spacing-${layout.letterSpacing}`);
  if (layout.landscape) parts.push('landscape');
  parts.push(layout.thead ? 'thead' : 'no-thead', `running-${layout.running}`, `pad-${layout.padding}`, layout.ruled ? 'ruled' : 'unruled');
  return parts.join(' ');
}

rmSync(out, { recursive: true, force: true });
for (const d of ['html', 'pdf', 'docx', 'tmp']) mkdirSync(join(out, d), { recursive: true });
const manifest = {};
const random = createRandom(seed * 7919 + 17);

for (let i = 0; i < generatedCount; i++) {
  const specSeed = seed * 100_003 + i;
  const r = createRandom(specSeed);
  const layout = drawLayout(random);
  layout.labelEm = layout.labels === 'narrow' ? random.int(4, 9) : layout.labels === 'wide' ? random.int(18, 28) : 0;
  Object.assign(layout, pinned);
  const template = i % 2 === 0 ? '2019' : '2021';
  const spec = generateSpec(specSeed, r, { template, blanks: i % 3 === 0 });
  const name = `gen-${String(i).padStart(3, '0')}-${template}`;
  writeFileSync(join(out, 'html', `${name}.html`), generatedPage(spec, r, layout));
  manifest[name] = { kind: 'generated', layout, described: describe(layout), spec };
}

if (realCount > 0) {
  const pages = join(out, 'tmp', 'real');
  execFileSync('/usr/bin/python3', [join(root, 'bench/pdf-layouts/real_pages.py'), pages, join(root, 'test/fixtures/real'), join(root, '../shared/corpus'), ...(onlyReal ? ['--only', onlyReal] : [])], { stdio: 'ignore' });
  const names = readdirSync(pages).sort();
  // An even spread over the real set, the same cases for the same seed and count.
  const step = Math.max(1, names.length / realCount);
  for (let k = 0; k < Math.min(realCount, names.length); k++) {
    const caseName = names[Math.floor(k * step + (seed % Math.max(1, Math.floor(step))))] ?? names[k];
    const layout = drawLayout(random);
    layout.labelEm = layout.labels === 'narrow' ? random.int(4, 9) : layout.labels === 'wide' ? random.int(18, 28) : 0;
    Object.assign(layout, pinned);
    const name = `real-${String(k).padStart(3, '0')}-${caseName}`;
    const html = readFileSync(join(pages, caseName, 'page.html'), 'utf8');
    writeFileSync(join(out, 'html', `${name}.html`), realPage(html, layout, caseName));
    manifest[name] = { kind: 'real', case: caseName, layout, described: describe(layout), truth: JSON.parse(readFileSync(join(pages, caseName, 'truth.json'), 'utf8')) };
  }
}

// Chromium: one process per page (each page its own header/footer choice).
const profile = join(out, 'tmp', 'chromium-profile');
for (const [name, { layout }] of Object.entries(manifest)) {
  if (layout.printer !== 'chromium') continue;
  const headerFooter = layout.running === 'chromium-header-footer' ? [] : ['--no-pdf-header-footer'];
  // A tall rowspan cell broken over pages can send Chromium's layout into a loop: such a page is left out.
  try {
    execFileSync('timeout', ['-k', '5', '60', 'chromium', '--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${profile}`, ...headerFooter, `--print-to-pdf=${join(out, 'pdf', `${name}.pdf`)}`, `file://${join(out, 'html', `${name}.html`)}`], { stdio: 'ignore' });
  } catch {
    console.error(`chromium gave up on ${name}`);
  }
}

// LibreOffice: HTML -> DOCX (Word's table model) -> PDF, all pages in two runs.
const office = Object.entries(manifest).filter(([, m]) => m.layout.printer === 'libreoffice-docx').map(([name]) => join(out, 'html', `${name}.html`));
if (office.length > 0) {
  const soffice = ['-env:UserInstallation=file://' + join(out, 'tmp', 'lo-profile'), '--headless', '--norestore'];
  execFileSync('soffice', [...soffice, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(out, 'docx'), ...office], { stdio: 'ignore' });
  const docx = readdirSync(join(out, 'docx')).map((f) => join(out, 'docx', f));
  execFileSync('soffice', [...soffice, '--convert-to', 'pdf:writer_pdf_Export', '--outdir', join(out, 'pdf'), ...docx], { stdio: 'ignore' });
}

const made = readdirSync(join(out, 'pdf')).length;
for (const name of Object.keys(manifest)) if (!existsSync(join(out, 'pdf', `${name}.pdf`))) { console.error(`no PDF for ${name}`); delete manifest[name]; }
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
rmSync(join(out, 'tmp'), { recursive: true, force: true });
console.log(`${made} PDFs (${Object.values(manifest).filter((m) => m.kind === 'generated').length} generated, ${Object.values(manifest).filter((m) => m.kind === 'real').length} real) -> ${out}`);
