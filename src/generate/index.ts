/**
 * The test-report generator: random reports whose values obey the identities (some deliberately
 * broken, some with blank cells), rendered in every layout. Tests and benchmarks extract them and
 * compare with the values they were made from (`scoreRecord`).
 */
import { unprovableCells } from './provable.js';
import { createRandom } from './random.js';
import { LAYOUTS_LOSING_EVIDENCE } from './real.js';
import { CLASSIC_LAYOUTS, LAYOUT_EXTENSION, renderLayout, renderPrintableHtml, type Layout, type PrintStyle } from './render.js';
import { generateSpec, type ReportSpec } from './values.js';

export { CLASSIC_LAYOUTS, LAYOUTS, type Layout, type PrintStyle } from './render.js';
export { REAL_LAYOUTS } from './real.js';
export type { ReportSpec } from './values.js';
export { strictCellOutcomes, type CellOutcome, type StrictOutcome } from './strict-score.js';
export { scoreRecord, scoreTables, type CellOutcomes, type RecordScore, type TablesScore, type TableScore } from './score.js';

/** A report format: one of the two templates, or the 2021 format with the single （六） row of 2019. */
export type FormatChoice = '2019' | '2021' | 'hybrid';

/** One generated file. */
export interface GeneratedFile {
  name: string;
  layout: Layout;
  spec: ReportSpec;
  bytes: Uint8Array;
}

/**
 * Generates `count` reports, cycling through `layouts` (default: the six classic ones, whose
 * reports every release reads whole); deterministic for a given seed. With
 * `formats`, each layout's reports cycle through them too (else the format is drawn at random).
 * A file's spec holds the values as printed and the cells its layout left unprovable.
 */
export function generateReports(count: number, options: { seed?: number; layouts?: readonly Layout[]; variance?: number; formats?: readonly FormatChoice[] } = {}): GeneratedFile[] {
  const layouts = options.layouts ?? CLASSIC_LAYOUTS;
  const baseSeed = options.seed ?? 1;
  const files: GeneratedFile[] = [];
  for (let i = 0; i < count; i++) {
    const seed = baseSeed * 100_003 + i;
    const random = createRandom(seed);
    const layout = layouts[i % layouts.length] as Layout;
    const format = options.formats?.[Math.floor(i / layouts.length) % options.formats.length];
    const formatOptions = format === undefined ? {} : { template: format === 'hybrid' ? ('2021' as const) : format, hybrid: format === 'hybrid' };
    const losesEvidence = (LAYOUTS_LOSING_EVIDENCE as readonly string[]).includes(layout);
    const spec = generateSpec(seed, random, { ...formatOptions, ...(losesEvidence ? { broken: false } : {}) });
    const rendered = renderLayout(spec, layout, random, options.variance ?? 0.3);
    const printed: ReportSpec = rendered.evidence.length > 0 ? { ...rendered.spec, unprovable: unprovableCells(rendered.spec, rendered.evidence) } : rendered.spec;
    files.push({ name: `gen-${String(i).padStart(4, '0')}-${spec.template}-${layout}.${LAYOUT_EXTENSION[layout]}`, layout, spec: printed, bytes: rendered.bytes });
  }
  return files;
}

/** A report rendered as printable HTML, for conversion to PDF and Word fixtures. */
export interface PrintableReport {
  name: string;
  spec: ReportSpec;
  style: PrintStyle;
  html: Uint8Array;
}

/**
 * Printable reports for the PDF/DOCX fixtures: ruled and unruled tables, two CJK fonts, portrait
 * and landscape pages, and filler that pushes table 三 across a page break.
 */
export function generatePrintableReports(count: number, seed: number, fonts: readonly string[]): PrintableReport[] {
  const reports: PrintableReport[] = [];
  for (let i = 0; i < count; i++) {
    const specSeed = seed * 100_003 + i;
    const random = createRandom(specSeed);
    const spec = generateSpec(specSeed, random, { template: i % 2 === 0 ? '2019' : '2021' });
    const style: PrintStyle = {
      ruled: i % 4 !== 3,
      font: fonts[i % fonts.length] as string,
      landscape: i % 10 === 5,
      filler: random.int(0, 14),
    };
    const html = renderPrintableHtml(spec, random, style);
    const name = `office-${String(i).padStart(3, '0')}-${spec.template}-${style.ruled ? 'ruled' : 'unruled'}${style.landscape ? '-landscape' : ''}`;
    reports.push({ name, spec, style, html });
  }
  return reports;
}
