/**
 * Renders a generated report: the six classic layouts here (HTML with merged cells, Word-style
 * HTML with labels split over spans, tab-separated text, one cell per line, Markdown tables and
 * space-aligned text), the layouts of damaged real reports in real.ts.
 */
import iconv from 'iconv-lite';
import type { Random } from './random.js';
import { activeGrid, expandGrid, ownCells, requestsGrid, reviewsGrid, type GridTable } from './grid.js';
import { escapeHtml, htmlTable, splitIntoSpans } from './html.js';
import { HEADINGS, preamble, splitReviews, titleLines, type Section } from './page.js';
import { REAL_LAYOUT_EXTENSION, REAL_LAYOUTS, renderRealLayout, type RealLayout, type RenderedReport } from './real.js';
import type { ReportSpec } from './values.js';

/** The first six layouts: clean tables in HTML, Word HTML, tabs, one cell per line, Markdown, spaces. */
export const CLASSIC_LAYOUTS = ['html-merged', 'html-spans', 'text-tabs', 'text-cells', 'markdown', 'text-spaces'] as const;
type ClassicLayout = (typeof CLASSIC_LAYOUTS)[number];

/** The layouts the generator writes: the classic six and those of real reports (real.ts). */
export const LAYOUTS = [...CLASSIC_LAYOUTS, ...REAL_LAYOUTS] as const;
export type Layout = (typeof LAYOUTS)[number];

/** The file extension of each layout. */
export const LAYOUT_EXTENSION: Record<Layout, string> = {
  ...REAL_LAYOUT_EXTENSION,
  'html-merged': 'html',
  'html-spans': 'html',
  'text-tabs': 'txt',
  'text-cells': 'txt',
  markdown: 'md',
  'text-spaces': 'txt',
};

/** Blank-cell placeholders each layout can carry (an empty cell needs a separator to survive). */
const PLACEHOLDERS: Record<ClassicLayout, readonly string[]> = {
  'html-merged': ['', '\u00a0', '\u3000', '—', '/', '无'],
  'html-spans': ['', '\u00a0', '\u3000\u3000', '—', '-', '空'],
  'text-tabs': ['', '—', '/', '无', '-'],
  'text-cells': ['', '—', '/'],
  markdown: ['', '—', '/', '-'],
  'text-spaces': ['—', '/', '无', '-', '－'],
};

function sections(spec: ReportSpec, random: Random, layout: ClassicLayout, variance: number): Section[] {
  const placeholders = PLACEHOLDERS[layout];
  const reviews = reviewsGrid(spec, random, placeholders);
  return [
    {
      heading: random.pick(HEADINGS.overview),
      paragraphs: [
        `${spec.year}年，${spec.agency}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。`,
        random.chance(0.5) ? '全年未发生因政府信息公开申请行政复议、行政诉讼的情况。' : '政府信息公开平台建设不断加强，主动公开质量持续提升。',
      ],
    },
    { heading: random.pick(HEADINGS.active), paragraphs: [], table: activeGrid(spec, random, placeholders, variance) },
    { heading: random.pick(HEADINGS.requests), paragraphs: [], table: requestsGrid(spec, random, placeholders, variance) },
    { heading: random.pick(HEADINGS.reviews), paragraphs: [], table: layout === 'html-spans' && random.chance(0.3) ? splitReviews(reviews) : reviews },
    { heading: random.pick(HEADINGS.problems), paragraphs: ['政府信息公开工作仍存在公开内容不够全面等问题，下一步将进一步加强培训。'] },
    { heading: random.pick(HEADINGS.other), paragraphs: ['无其他需要报告的事项。'] },
  ];
}

const FILLER = '本年度，我单位坚持以公开为常态、不公开为例外，围绕中心工作，持续深化政务公开，加强政策解读与回应关切，不断提升政府信息公开工作的规范化、标准化水平。';

// ---------------------------------------------------------------- HTML

/** How a report is printed when it is rendered for conversion to PDF or Word (test fixtures). */
export interface PrintStyle {
  /** Table rules drawn (border="1") or not. */
  ruled: boolean;
  /** The CJK font the page asks for. */
  font: string;
  landscape: boolean;
  /** Paragraphs of filler before 三, so the table breaks across pages. */
  filler: number;
}

/** A rendered HTML page and the tables it prints (each value cell's printed text, for test truth). */
export interface RenderedHtml {
  bytes: Uint8Array;
  tables: GridTable[];
}

function renderHtml(spec: ReportSpec, random: Random, layout: ClassicLayout, variance: number, print?: PrintStyle): Uint8Array {
  return renderHtmlReport(spec, random, layout, variance, print).bytes;
}

function renderHtmlReport(spec: ReportSpec, random: Random, layout: ClassicLayout, variance: number, print?: PrintStyle): RenderedHtml {
  const spans = layout === 'html-spans';
  const encoding = print ? 'utf-8' : spans ? random.pick(['utf-8', 'gbk-meta', 'gbk-bare'] as const) : random.pick(['utf-8', 'utf-8', 'gb2312-meta'] as const);
  const charset = encoding === 'utf-8' ? 'utf-8' : encoding === 'gbk-meta' ? 'gbk' : encoding === 'gb2312-meta' ? 'gb2312' : null;
  const title = titleLines(spec, random);
  const printed: GridTable[] = [];
  const body: string[] = [
    '<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>',
    ...title.map((t) => `<h1>${escapeHtml(t)}</h1>`),
    `<p>${escapeHtml(preamble(spec))}</p>`,
  ];
  for (const section of sections(spec, random, layout, variance)) {
    body.push(`<h2>${spans ? splitIntoSpans(section.heading, random) : escapeHtml(section.heading)}</h2>`);
    body.push(...section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`));
    const tables = section.table === undefined ? [] : Array.isArray(section.table) ? section.table : [section.table];
    if (print && tables[0]?.name === 'requests') {
      for (let i = 0; i < print.filler; i++) body.push(`<p>${escapeHtml(FILLER)}</p>`);
    }
    body.push(...tables.map((t) => htmlTable(t, random, spans, print?.ruled ?? true)));
    printed.push(...tables);
  }
  let bodyHtml = body.join('\n');
  // Some portals ship the page inside a JavaScript string (templates.md §7.1).
  if (!print && !spans && random.chance(0.05)) bodyHtml = `<script>var content = "${bodyHtml.replace(/"/g, '\\"').replace(/\n/g, '\\n')}"; document.write(content);</script>`;
  const style = print
    ? `<style>@page { size: A4 ${print.landscape ? 'landscape' : 'portrait'}; margin: 2cm } body, td, p, h1, h2 { font-family: "${print.font}"; font-size: 10.5pt }</style>`
    : '';
  const head = (charset ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` : '') + style;
  const html = `<!DOCTYPE html>\n<html><head>${head}<title>${escapeHtml(title.join(''))}</title></head>\n<body>\n${bodyHtml}\n</body></html>\n`;
  const bytes = charset === 'utf-8' ? new TextEncoder().encode(html) : new Uint8Array(iconv.encode(html, 'gbk'));
  return { bytes, tables: printed };
}

// ---------------------------------------------------------------- text layouts

interface TextOptions {
  separator: '\t' | 'spaces';
  random: Random;
  variance: number;
}

/** Wraps a long label over two lines: the first part alone, the rest in front of the values. */
function maybeWrap(cells: string[], labelIndex: number, random: Random, variance: number): string[][] | null {
  const label = cells[labelIndex] ?? '';
  const chars = [...label];
  if (chars.length < 12 || !random.chance(variance * 0.6)) return null;
  const at = random.int(5, chars.length - 4);
  const first = [...cells.slice(0, labelIndex), chars.slice(0, at).join('')];
  const second = [chars.slice(at).join(''), ...cells.slice(labelIndex + 1)];
  return [first, second];
}

function textTable(table: GridTable, options: TextOptions): string[] {
  const { random, variance } = options;
  const join = (cells: string[]): string =>
    options.separator === '\t' ? cells.join('\t') : cells.filter((c) => c !== '').join(' '.repeat(random.int(2, 5)));
  const lines: string[] = [];
  const rows = ownCells(table);
  const vertical = table.name === 'requests' && random.chance(variance * 0.5);
  const verticalChars = [...'三、本年度办理结果'];
  const pageBreakAt = table.rows.length > 6 && random.chance(variance * 0.5) ? random.int(4, table.rows.length - 2) : -1;
  rows.forEach(({ cells, coveredLeft }, r) => {
    if (r === pageBreakAt) {
      lines.push('', random.pick([`- ${random.int(2, 9)} -`, `— ${random.int(2, 9)} —`, `第 ${random.int(2, 9)} 页`]), '');
      if (table.name === 'requests' && random.chance(0.5)) lines.push(join(['', '', '申请人情况']));
    }
    let texts = cells.filter((c) => !(vertical && c.text === '三、本年度办理结果')).map((c) => c.text);
    if (options.separator === '\t' && coveredLeft > 0 && random.chance(0.5)) texts = [...new Array<string>(coveredLeft).fill(''), ...texts];
    const labelIndex = texts.findIndex((t, i) => cells.length > 0 && t !== '' && i >= 0 && /\p{Script=Han}/u.test(t) && !/^[—/无空-]$/.test(t) && texts.slice(i + 1).every((x) => !/\p{Script=Han}/u.test(x) || /^[—/无空-]$/.test(x)));
    const hasValues = cells.some((c) => c.kind === 'value');
    const wrapped = hasValues && labelIndex >= 0 ? maybeWrap(texts, labelIndex, random, variance) : null;
    if (wrapped) wrapped.forEach((w) => lines.push(join(w)));
    else lines.push(join(texts));
    if (vertical && r >= 4 && verticalChars.length > 0 && r % 2 === 0) lines.push(verticalChars.shift() as string);
  });
  return lines;
}

function cellsTable(table: GridTable): string[] {
  return table.rows.flatMap((row) => row.map((c) => c.text));
}

function markdownTable(table: GridTable): string[] {
  const grid = expandGrid(table);
  const line = (cells: string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(grid[0] ?? []), line(new Array<string>(table.width).fill('---')), ...grid.slice(1).map(line)];
}

function renderText(spec: ReportSpec, random: Random, layout: ClassicLayout, variance: number): Uint8Array {
  const lines: string[] = [...titleLines(spec, random).map((t) => (layout === 'markdown' ? `# ${t}` : t)), '', preamble(spec), ''];
  for (const section of sections(spec, random, layout, variance)) {
    lines.push(layout === 'markdown' ? `## ${section.heading}` : section.heading, '');
    lines.push(...section.paragraphs.flatMap((p) => [p, '']));
    const tables = section.table === undefined ? [] : Array.isArray(section.table) ? section.table : [section.table];
    for (const table of tables) {
      if (layout === 'text-cells') lines.push(...cellsTable(table));
      else if (layout === 'markdown') lines.push(...markdownTable(table));
      else lines.push(...textTable(table, { separator: layout === 'text-tabs' ? '\t' : 'spaces', random, variance }));
      lines.push('');
    }
  }
  return new TextEncoder().encode(lines.join('\n'));
}

const isClassic = (layout: Layout): layout is ClassicLayout => (CLASSIC_LAYOUTS as readonly string[]).includes(layout);

/**
 * Renders a report spec in one layout; `variance` (0..1) is how often real-world variants appear.
 * Also gives the values as printed (a layout may leave cells blank) and the rows whose printed
 * form lost evidence (provable.ts decides what they still prove).
 */
export function renderLayout(spec: ReportSpec, layout: Layout, random: Random, variance = 0.3): RenderedReport {
  if (!isClassic(layout)) return renderRealLayout(spec, layout as RealLayout, random, variance);
  const bytes = layout.startsWith('html') ? renderHtml(spec, random, layout, variance) : renderText(spec, random, layout, variance);
  return { bytes, spec, evidence: [] };
}

/** Renders a report spec in one layout: the bytes only. */
export function renderReport(spec: ReportSpec, layout: Layout, random: Random, variance = 0.3): Uint8Array {
  return renderLayout(spec, layout, random, variance).bytes;
}

/** Renders a report as UTF-8 HTML styled for printing (LibreOffice turns it into PDF and DOCX fixtures). */
export function renderPrintableHtml(spec: ReportSpec, random: Random, print: PrintStyle, variance = 0.3): Uint8Array {
  return renderHtml(spec, random, 'html-merged', variance, print);
}

/** renderPrintableHtml, with the tables it printed. */
export function renderPrintableReport(spec: ReportSpec, random: Random, print: PrintStyle, variance = 0.3): RenderedHtml {
  return renderHtmlReport(spec, random, 'html-merged', variance, print);
}
