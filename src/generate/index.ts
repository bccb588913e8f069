/**
 * The test-report generator: random reports whose values obey the identities (some deliberately
 * broken, some with blank cells), rendered in every layout. Tests and benchmarks extract them and
 * compare with the values they were made from (`scoreRecord`).
 */
import { createRandom } from './random.js';
import { LAYOUTS, LAYOUT_EXTENSION, renderPrintableHtml, renderReport, type Layout, type PrintStyle } from './render.js';
import { generateSpec, type ReportSpec } from './values.js';

export { LAYOUTS, type Layout, type PrintStyle } from './render.js';
export type { ReportSpec } from './values.js';
export { scoreRecord, scoreTables, type RecordScore, type TablesScore, type TableScore } from './score.js';

/** One generated file. */
export interface GeneratedFile {
  name: string;
  layout: Layout;
  spec: ReportSpec;
  bytes: Uint8Array;
}

/** Generates `count` reports, cycling through `layouts`; deterministic for a given seed. */
export function generateReports(count: number, options: { seed?: number; layouts?: readonly Layout[]; variance?: number } = {}): GeneratedFile[] {
  const layouts = options.layouts ?? LAYOUTS;
  const baseSeed = options.seed ?? 1;
  const files: GeneratedFile[] = [];
  for (let i = 0; i < count; i++) {
    const seed = baseSeed * 100_003 + i;
    const random = createRandom(seed);
    const layout = layouts[i % layouts.length] as Layout;
    const spec = generateSpec(seed, random);
    const bytes = renderReport(spec, layout, random, options.variance ?? 0.3);
    files.push({ name: `gen-${String(i).padStart(4, '0')}-${spec.template}-${layout}.${LAYOUT_EXTENSION[layout]}`, layout, spec, bytes });
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
