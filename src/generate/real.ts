/**
 * The layout classes real reports arrive in (issue 13, templates.md §7): what scrapers, converters
 * and portals make of the official tables. Each layout is a way of printing the same logical
 * tables (grid.ts) through a row format (serialise.ts), with the details drawn per report, so that
 * a layout is a class of texts and not one fixed string. Layouts that destroy evidence (dropped
 * blanks, glued digits, broken digits) also return what the damaged rows still prove.
 */
import iconv from 'iconv-lite';
import { activeGrid, expandGrid, randomReportStyle, requestsGrid, reviewsGrid, type GridCell, type GridTable, type PrintStyleOfReport } from './grid.js';
import { escapeHtml, htmlTable, splitIntoSpans } from './html.js';
import { HEADINGS, preamble, splitReviews, titleLines } from './page.js';
import type { RowEvidence } from './provable.js';
import type { Random } from './random.js';
import { serialiseTable, type PrintedTable, type RowFormat } from './serialise.js';
import { toTraditional } from './traditional.js';
import type { ReportSpec, Value } from './values.js';

/** The layouts of real reports. */
export const REAL_LAYOUTS = [
  'flat-glued',
  'text-pipes',
  'text-cell-lines',
  'text-paragraphs',
  'text-cells-dropped',
  'markdown-split',
  'text-pdf',
  'text-broken-digits',
  'text-traditional',
  'html-script',
] as const;
export type RealLayout = (typeof REAL_LAYOUTS)[number];

export const REAL_LAYOUT_EXTENSION: Record<RealLayout, string> = {
  'flat-glued': 'txt',
  'text-pipes': 'txt',
  'text-cell-lines': 'txt',
  'text-paragraphs': 'txt',
  'text-cells-dropped': 'txt',
  'markdown-split': 'md',
  'text-pdf': 'txt',
  'text-broken-digits': 'txt',
  'text-traditional': 'txt',
  'html-script': 'html',
};

/**
 * Layouts that can leave a cell unprovable. Their reports never break an identity on purpose: a
 * reader settles damaged rows with the identities, so a broken one could make a wrong reading the
 * only fit, an error no reader could avoid.
 */
export const LAYOUTS_LOSING_EVIDENCE: readonly RealLayout[] = ['flat-glued', 'text-cells-dropped', 'text-pdf', 'text-broken-digits'];

/** A rendered report: its bytes, the values it prints (a layout may blank cells), and its damaged rows. */
export interface RenderedReport {
  bytes: Uint8Array;
  spec: ReportSpec;
  evidence: RowEvidence[];
}

interface Tables {
  active: GridTable;
  requests: GridTable;
  reviews: GridTable;
}

interface Context {
  spec: ReportSpec;
  random: Random;
  variance: number;
  style: PrintStyleOfReport;
}

function buildTables(ctx: Context, placeholders: readonly string[]): Tables {
  const { spec, random, variance, style } = ctx;
  return {
    active: activeGrid(spec, random, placeholders, variance, style),
    requests: requestsGrid(spec, random, placeholders, variance, style),
    reviews: reviewsGrid(spec, random, placeholders, style),
  };
}

const isBlank = (text: string): boolean => text.trim() === '';

// ---------------------------------------------------------------- page

/** A section: heading, paragraphs and the tables under it. */
interface PageSection {
  heading: string;
  paragraphs: string[];
  tables: GridTable[];
}

const OVERVIEW = (spec: ReportSpec): string =>
  `${spec.year}年，${spec.agency}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，全年主动公开政府信息${(spec.seed % 300) + 20}条。`;

/**
 * The six sections, or (`renumbered`) six narrative sections followed by the tables under a
 * restarted numbering (templates.md §7.1).
 */
function pageSections(ctx: Context, tables: Tables, options: { renumbered: boolean; reviewsSplit: boolean }): PageSection[] {
  const { spec, random } = ctx;
  const reviews = options.reviewsSplit ? splitReviews(tables.reviews, ctx.style.totalWord) : [tables.reviews];
  const problems = random.pick(HEADINGS.problems);
  const other = random.pick(HEADINGS.other);
  const closing: PageSection[] = [
    { heading: problems, paragraphs: ['政府信息公开工作仍存在公开内容不够全面等问题，下一步将进一步加强培训。'], tables: [] },
    { heading: other, paragraphs: ['无其他需要报告的事项。'], tables: [] },
  ];
  const overview: PageSection = { heading: random.pick(HEADINGS.overview), paragraphs: [OVERVIEW(spec)], tables: [] };
  if (!options.renumbered) {
    return [
      overview,
      { heading: random.pick(HEADINGS.active), paragraphs: [], tables: [tables.active] },
      { heading: random.pick(HEADINGS.requests), paragraphs: [], tables: [tables.requests] },
      { heading: random.pick(HEADINGS.reviews), paragraphs: [], tables: reviews },
      ...closing,
    ];
  }
  const seeTable = '具体情况见附表。';
  return [
    overview,
    { heading: '二、主动公开政府信息情况', paragraphs: [seeTable], tables: [] },
    { heading: '三、收到和处理政府信息公开申请情况', paragraphs: [seeTable], tables: [] },
    { heading: '四、政府信息公开行政复议、行政诉讼情况', paragraphs: [seeTable], tables: [] },
    ...closing,
    { heading: random.pick(['附表', '附件：统计表']), paragraphs: [], tables: [] },
    { heading: '一、主动公开政府信息情况', paragraphs: [], tables: [tables.active] },
    { heading: '二、收到和处理政府信息公开申请情况', paragraphs: [], tables: [tables.requests] },
    { heading: '三、政府信息公开行政复议、行政诉讼情况', paragraphs: [], tables: reviews },
  ];
}

interface PageFormat {
  /** Between blocks (title, paragraphs, tables). */
  joiner: string;
  /** Between the rows of a table. */
  rowJoiner: string;
  /** Applied to every line of running text (Markdown heading marks, traditional characters). */
  text?: (line: string) => string;
}

/** A text page: title, preamble, sections, each table printed by `print`. */
function textPage(ctx: Context, sections: PageSection[], print: (table: GridTable) => PrintedTable, format: PageFormat): RenderedReport {
  const text = format.text ?? ((line: string) => line);
  const blocks: string[] = [...titleLines(ctx.spec, ctx.random).map(text), text(preamble(ctx.spec))];
  const evidence: RowEvidence[] = [];
  for (const section of sections) {
    blocks.push(text(section.heading), ...section.paragraphs.map(text));
    for (const table of section.tables) {
      const printed = print(table);
      blocks.push(printed.rows.join(format.rowJoiner));
      evidence.push(...printed.evidence);
    }
  }
  return { bytes: new TextEncoder().encode(blocks.join(format.joiner) + '\n'), spec: ctx.spec, evidence };
}

const LINES: PageFormat = { joiner: '\n', rowJoiner: '\n' };

/** The six sections in order, every table printed through one row format. */
function formattedPage(ctx: Context, tables: Tables, format: RowFormat, page: PageFormat = LINES, reviewsSplit = false): RenderedReport {
  return textPage(ctx, pageSections(ctx, tables, { renumbered: false, reviewsSplit }), (t) => serialiseTable(t, format), page);
}

// ---------------------------------------------------------------- row formats

const plain = (cell: GridCell): string => cell.text;

/** 1. A scraper's one-line page: every cell glued to the next, empty cells gone. */
function gluedFormat(): RowFormat {
  return { cellSep: '', start: () => '', end: () => '', dropEmpty: true, text: plain };
}

/** 2. Rows with " | " between cells, no leading pipe (mostly), merged cells as a trailing run of "|". */
function pipesFormat(random: Random, text: (cell: GridCell) => string = plain): RowFormat {
  // Compact rows pad the cells instead: an empty cell then leaves a run of pipes ("0 ||| 5").
  const compact = random.chance(0.25);
  const sep = compact ? '|' : random.pick([' | ', '  | ', ' |  ']);
  const leading = random.chance(0.25);
  const coveredMarks = random.chance(0.5);
  const residue = random.chance(0.7);
  return {
    cellSep: sep,
    start: (covered) => (leading ? '| ' : '') + (coveredMarks ? '| '.repeat(covered) : ''),
    end: (extra) => (compact ? '|' : sep.trimEnd()) + (residue && extra > 0 ? ` ${'|'.repeat(extra)}` : ''),
    dropEmpty: false,
    text: compact ? (cell) => (isBlank(cell.text) ? '' : ` ${text(cell)} `) : text,
  };
}

/** 3. One cell per line ending " |" (or followed by a lone "|" line); an empty cell is a lone "|". */
function cellLinesFormat(random: Random): RowFormat {
  const ownLine = random.chance(0.4);
  const residue = random.chance(0.6);
  return {
    cellSep: '\n',
    start: () => '',
    end: (extra) => (residue && extra > 0 ? `\n${'|'.repeat(extra)}` : ''),
    dropEmpty: false,
    text: (cell) => (isBlank(cell.text) ? '|' : ownLine ? `${cell.text}\n|` : `${cell.text} |`),
  };
}

/** Header words broken inside their cell ("本年新" / "制作数量"), as converters wrap narrow columns. */
function wrapHeader(cell: GridCell, random: Random, rate: number): string {
  const chars = [...cell.text];
  if (cell.kind !== 'header' || chars.length < 4 || chars.length > 8 || !random.chance(rate)) return cell.text;
  const at = random.int(2, chars.length - 2);
  return `${chars.slice(0, at).join('')}\n${chars.slice(at).join('')}`;
}

/** 4. One cell per paragraph, numbers padded with spaces. */
function paragraphsFormat(random: Random): RowFormat {
  const pads = random.pick([['', ' '], [' ', '  '], ['']]);
  return {
    cellSep: '\n\n',
    start: () => '',
    end: () => '',
    dropEmpty: false,
    text: (cell) => (cell.kind === 'value' ? random.pick(pads) + cell.text : wrapHeader(cell, random, 0.4)),
  };
}

/** 5. One cell per line, empty cells dropped with their positions. */
function droppedFormat(random: Random): RowFormat {
  const suffix = random.chance(0.4) ? ' |' : '';
  return { cellSep: '\n', start: () => '', end: () => '', dropEmpty: true, text: (cell) => (isBlank(cell.text) ? '' : cell.text + suffix) };
}

/** 8. One cell per line; now and then a number's digits broken over two lines ("2" / "47"). */
function brokenDigitsFormat(random: Random, rate: number): RowFormat {
  return {
    cellSep: '\n',
    start: () => '',
    end: () => '',
    dropEmpty: false,
    text: plain,
    breakValue: (cell) => {
      if (!/^\d{2,}$/.test(cell.text) || !random.chance(rate)) return null;
      const at = random.int(1, cell.text.length - 1);
      return [cell.text.slice(0, at), cell.text.slice(at)];
    },
  };
}

// ---------------------------------------------------------------- layouts

function flatGlued(ctx: Context): RenderedReport {
  const placeholders = ctx.random.pick([[''], ['', '—'], ['—'], ['/'], ['无', '']]);
  const tables = buildTables(ctx, placeholders);
  const joiner = ctx.random.pick(['', ' ', '']);
  const page = formattedPage(ctx, tables, gluedFormat(), { joiner, rowJoiner: '' });
  // A scraped page keeps its navigation text in front.
  const crumbs = new TextEncoder().encode(ctx.random.pick(['', '首页>政府信息公开>法定主动公开内容>政府信息公开年报 ', '发布时间：2023-01-20 来源：本站 【字体：大 中 小】 ']));
  return { ...page, bytes: new Uint8Array([...crumbs, ...page.bytes]) };
}

function textPipes(ctx: Context): RenderedReport {
  const tables = buildTables(ctx, ctx.random.pick([[''], ['', '—'], ['', '/', '无']]));
  const format = pipesFormat(ctx.random);
  return formattedPage(ctx, tables, format, LINES, ctx.random.chance(0.2));
}

function textCellLines(ctx: Context): RenderedReport {
  const tables = buildTables(ctx, ctx.random.pick([[''], ['', '/'], ['', '—']]));
  const format = cellLinesFormat(ctx.random);
  return formattedPage(ctx, tables, format);
}

function textParagraphs(ctx: Context): RenderedReport {
  const tables = buildTables(ctx, ctx.random.pick([[' ', '/'], ['\u3000'], ['/', '—'], ['', ' ']]));
  const format = paragraphsFormat(ctx.random);
  return formattedPage(ctx, tables, format, { joiner: '\n\n', rowJoiner: '\n\n' });
}

function textCellsDropped(ctx: Context): RenderedReport {
  const tables = buildTables(ctx, ctx.random.pick([[''], [''], ['', '—']]));
  const format = droppedFormat(ctx.random);
  return formattedPage(ctx, tables, format);
}

function textBrokenDigits(ctx: Context): RenderedReport {
  const tables = buildTables(ctx, ctx.random.pick([['—'], ['/', '无'], ['']]));
  const format = brokenDigitsFormat(ctx.random, ctx.random.pick([0.05, 0.15, 0.3]));
  return formattedPage(ctx, tables, format);
}

function textTraditional(ctx: Context): RenderedReport {
  const glossRate = ctx.random.pick([0, 0.5, 1]);
  const tables = buildTables(ctx, ctx.random.pick([[''], ['', '—']]));
  const traditional = (text: string): string => toTraditional(text, ctx.random, glossRate);
  const format = pipesFormat(ctx.random, (cell) => (cell.kind === 'value' ? cell.text : traditional(cell.text)));
  return formattedPage(ctx, tables, format, { ...LINES, text: traditional });
}

// -- 6. PDF → Markdown

const VERTICAL_GROUP = '三、本年度办理结果';

/** Cuts a label into fragments of one or two characters ("度办" / "理结" / "果"), as a vertical cell reads in a converter. */
function fragments(text: string, random: Random): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const n = random.int(1, 2);
    out.push(chars.slice(i, i + n).join(''));
    i += n;
  }
  return out;
}

/**
 * A table as a PDF→Markdown converter cuts it: several small tables, each with a header row that
 * is generic (数据1…), another table's, or its own first row; one piece with all labels first and
 * all numbers after; the vertical group label in fragments between rows.
 */
function markdownPieces(table: GridTable, random: Random, foreignHeader: string[]): string[] {
  const grid = expandGrid(table);
  const isValueRow = table.rows.map((row) => row.some((c) => c.kind === 'value'));
  const line = (cells: string[]): string => `| ${cells.map((c) => c.replace(/\n/g, ' ')).join(' | ')} |`;
  const rule = (n: number): string => `|${' --- |'.repeat(n)}`;
  const verticalAt = grid.findIndex((row) => row.includes(VERTICAL_GROUP));
  const vertical = verticalAt >= 0 && random.chance(0.6) ? fragments(VERTICAL_GROUP, random) : [];
  if (vertical.length > 0) (grid[verticalAt] as string[])[(grid[verticalAt] as string[]).indexOf(VERTICAL_GROUP)] = '';
  const out: string[] = [];
  let r = 0;
  let first = true;
  let blockDone = false;
  while (r < grid.length) {
    const size = Math.min(grid.length - r, random.int(3, 8));
    const rows = grid.slice(r, r + size);
    const width = table.width;
    let header: string[];
    if (first) header = rows.shift() as string[];
    else {
      const kind = random.int(0, 2);
      header = kind === 0 ? Array.from({ length: width }, (_, i) => `数据${i + 1}`) : kind === 1 ? [...foreignHeader, ...new Array<string>(width).fill('')].slice(0, width) : (grid[0] as string[]);
    }
    out.push(line(header), rule(width));
    const valueRows = rows.map((_, i) => isValueRow[r + (first ? 1 : 0) + i] ?? false);
    const asBlocks = !blockDone && rows.length >= 2 && valueRows.every(Boolean) && table.name === 'requests' && random.chance(0.5);
    if (asBlocks) {
      // All labels first, then all numbers: the label cells are the row's text cells, the numbers its last 7.
      blockDone = true;
      const labels = rows.map((row) => row.slice(0, width - 7));
      const numbers = rows.map((row) => row.slice(width - 7));
      out.push(...labels.map((l) => line([...l, ...new Array<string>(7).fill('')])), ...numbers.map((n) => line([...new Array<string>(width - 7).fill(''), ...n])));
    } else {
      rows.forEach((row, i) => {
        out.push(line(row));
        const at = r + (first ? 1 : 0) + i;
        if (vertical.length > 0 && at >= verticalAt && random.chance(0.4)) out.push('', vertical.shift() as string, '');
      });
    }
    r += size;
    first = false;
    out.push('');
  }
  if (vertical.length > 0) out.splice(out.length - 1, 0, '', ...vertical, '');
  return out;
}

function markdownSplit(ctx: Context): RenderedReport {
  const tables = buildTables(ctx, ctx.random.pick([[''], ['', '—'], ['', '/']]));
  const sections = pageSections(ctx, tables, { renumbered: ctx.random.chance(0.5), reviewsSplit: ctx.random.chance(0.6) });
  const foreign = ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'];
  const heading = (h: string): string => (/^[一二三四五六]、|^附/.test(h) ? `${ctx.random.pick(['## ', '**', '### '])}${h}` : h);
  return textPage(ctx, sections, (t) => ({ rows: markdownPieces(t, ctx.random, t.name === 'requests' ? ['信息内容', '数据1'] : foreign), evidence: [] }), { joiner: '\n\n', rowJoiner: '\n', text: heading });
}

// -- 7. pdftotext and flipbook page text

/** The 15 header words of 四 printed down their columns, one character per line across the row. */
function verticalReviewsHeader(totalWord: string): string[] {
  const words = ['结果维持', '结果纠正', '其他结果', '尚未审结', totalWord];
  const all = [...words, ...words, ...words];
  const lines: string[] = ['行政复议 行政诉讼', '未经复议直接起诉 复议后起诉'];
  for (let i = 0; i < 4; i++) lines.push(all.map((w) => [...w][i] ?? '').filter((c) => c !== '').join(' '));
  return lines;
}

/** A page break: the flipbook's page header, or a page number (bare only where no blank cell vanished: a bare number could be a row's). */
function pageMarker(random: Random, page: number, flipbook: boolean, agencyYear: string, bare: boolean): string[] {
  if (flipbook) return [`Page ${page} - ${agencyYear}`, `P. ${page}`];
  return ['', random.pick([`- ${page} -`, `— ${page} —`, `第 ${page} 页`, ...(bare ? [`${page}`] : [])]), ''];
}

function textPdf(ctx: Context): RenderedReport {
  const { random } = ctx;
  const vanish = random.chance(0.5);
  const tables = buildTables(ctx, vanish ? random.pick([[''], ['', '—']]) : random.pick([['—'], ['/', '—'], ['无']]));
  const flipbook = random.chance(0.4);
  const verticalGroup = random.chance(0.7);
  const format: RowFormat = {
    cellSep: random.pick([' ', ' ', '  ']),
    start: () => '',
    end: () => '',
    dropEmpty: true,
    text: (cell) => {
      const chars = [...cell.text];
      if (cell.kind === 'group' && cell.text === VERTICAL_GROUP && verticalGroup) return `${chars.join('\n')}\n`;
      if (cell.kind === 'group' && chars.length >= 5 && random.chance(0.5)) return `${chars.slice(0, 4).join('')}\n${chars.slice(4).join('')}\n`;
      if (cell.kind === 'label' && chars.length > 20) return `${chars.slice(0, 18).join('')}\n${chars.slice(18).join('')}`;
      if (cell.kind === 'header' && chars.length > 22) return `${chars.slice(0, 21).join('')}\n${chars.slice(21).join('')}`;
      return wrapHeader(cell, random, 0.3);
    },
  };
  let page = random.int(2, 5);
  const agencyYear = `${ctx.spec.year}年报_${ctx.spec.agency}`;
  const print = (table: GridTable): PrintedTable => {
    const printed = serialiseTable(table, format);
    const rows = printed.rows.map((r) => r.replace(/\n +/g, '\n'));
    if (table.name === 'reviews' && table.width === 15 && random.chance(0.6)) rows.splice(0, 3, ...verticalReviewsHeader(ctx.style.totalWord));
    // A page break inside the table, the header printed again on the new page.
    if (table.rows.length > 6 && random.chance(0.7)) {
      const repeat = table.name === 'requests' && random.chance(0.5) ? rows.slice(0, 3) : [];
      const marker = [...pageMarker(random, page++, flipbook, agencyYear, !vanish), ...repeat];
      // Now and then the break falls inside a group label printed over two lines ("（四）无" / "法提供").
      const splitGroups = table.rows.map((row, i) => (row[0]?.kind === 'group' && rows[i]?.split('\n')[0] !== row[0].text ? i : -1)).filter((i) => i > 0);
      if (splitGroups.length > 0 && random.chance(0.5)) {
        const at = random.pick(splitGroups);
        const [first, ...rest] = (rows[at] as string).split('\n');
        rows[at] = [first, ...marker, ...rest].join('\n');
      } else rows.splice(random.int(4, table.rows.length - 2), 0, ...marker);
    }
    return { rows, evidence: printed.evidence };
  };
  const sections = pageSections(ctx, tables, { renumbered: false, reviewsSplit: false });
  return textPage(ctx, sections, print, LINES);
}

// -- 10. Word HTML inside a script string

/** 总计 left blank on the sub-rows of the groups （三）–（六）: the values must not slide into it. */
function blankSubRowTotals(spec: ReportSpec): ReportSpec {
  const requests = Object.fromEntries(Object.entries(spec.requests).map(([row, values]) => [row, { ...values }]));
  for (const row of spec.requestRows) {
    if (/^(denied|unable|rejected)|^other(NoCorrection|NoFee|Other)$/.test(row)) (requests[row] as Record<string, Value>).total = null;
  }
  return { ...spec, requests };
}

function jsString(html: string, random: Random): string {
  const escaped = html.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const lines = escaped.split('\n');
  const kind = random.int(0, 2);
  if (kind === 0) return `<script type="text/javascript">\n${lines.map((l) => `document.write("${l}");`).join('\n')}\n</script>`;
  if (kind === 1) return `<script>\nvar content = "${lines.join('\\n')}";\ndocument.getElementById("zoom").innerHTML = content;\n</script>`;
  return `<script>\nvar html = ""\n${lines.map((l) => `+ "${l}"`).join('\n')};\ndocument.write(html);\n</script>`;
}

function htmlScript(ctx: Context): RenderedReport {
  const { random } = ctx;
  const spec = random.chance(0.6) ? blankSubRowTotals(ctx.spec) : ctx.spec;
  const inner: Context = { ...ctx, spec };
  const tables = buildTables(inner, random.pick([['\u00a0'], ['', '\u00a0'], ['\u00a0', '\u3000']]));
  const sections = pageSections(inner, tables, { renumbered: false, reviewsSplit: random.chance(0.3) });
  const body: string[] = [...titleLines(spec, random).map((t) => `<p class="MsoNormal" align="center"><b>${splitIntoSpans(t, random)}</b></p>`), `<p class="MsoNormal">${escapeHtml(preamble(spec))}</p>`];
  for (const section of sections) {
    body.push(`<p class="MsoNormal"><b>${splitIntoSpans(section.heading, random)}</b></p>`, ...section.paragraphs.map((p) => `<p class="MsoNormal">${escapeHtml(p)}</p>`));
    body.push(...section.tables.map((t) => htmlTable(t, random, true)));
  }
  const gbk = random.chance(0.3);
  const html =
    `<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=${gbk ? 'gbk' : 'utf-8'}"><title>${escapeHtml(titleLines(spec, random).join(''))}</title></head>\n<body>\n` +
    `<div class="nav">首页 &gt; 信息公开 &gt; 年度报告</div>\n<div id="zoom"></div>\n${jsString(body.join('\n'), random)}\n</body></html>\n`;
  return { bytes: gbk ? new Uint8Array(iconv.encode(html, 'gbk')) : new TextEncoder().encode(html), spec, evidence: [] };
}

const RENDERERS: Record<RealLayout, (ctx: Context) => RenderedReport> = {
  'flat-glued': flatGlued,
  'text-pipes': textPipes,
  'text-cell-lines': textCellLines,
  'text-paragraphs': textParagraphs,
  'text-cells-dropped': textCellsDropped,
  'markdown-split': markdownSplit,
  'text-pdf': textPdf,
  'text-broken-digits': textBrokenDigits,
  'text-traditional': textTraditional,
  'html-script': htmlScript,
};

/** Renders a report in one of the layouts of real reports. */
export function renderRealLayout(spec: ReportSpec, layout: RealLayout, random: Random, variance: number): RenderedReport {
  const style = randomReportStyle(random, { plainNumbers: layout === 'flat-glued' || layout === 'text-broken-digits' });
  return RENDERERS[layout]({ spec, random, variance, style });
}
