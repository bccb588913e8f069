/**
 * `nianbao review <out-dir>`: a static site in `<out-dir>/review/` to see which numbers to trust.
 * Reads the dataset's reports.jsonl twice (once for the index, the panel and the charts, once to
 * write each report's page), so memory holds summaries, not every record. Everything a page needs
 * is inside it or beside it in the folder: no network, no server.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { withIdentity } from '../identity/record.js';
import { writeFileAtomic } from '../output/write.js';
import { buildPanel, panelEntry, type PanelEntry } from '../panel/panel.js';
import { readRecords } from '../panel/read-records.js';
import { COMMON_OUTCOME_ROWS, OTHER_HANDLING_ROWS_2019, OTHER_HANDLING_ROWS_2021, type RequestRow } from '../schema/keys.js';
import type { Check, Flag, ReportRecord } from '../schema/records.js';
import { renderCharts, type ChartData } from './charts.js';
import { renderPageImages } from './page-images.js';
import { flagCounts, indexPage, reportPage, type IndexRow } from './pages.js';

export interface ReviewOptions {
  /** Render the pages of text-layer PDFs for the cell crops (default true). */
  crops?: boolean;
}

export interface ReviewSummary {
  dir: string;
  reports: number;
  failedAnyCheck: number;
  crossYearMismatches: number;
  duplicates: number;
  pageImages: number;
}

/** 三's outcome rows by the group the outcome chart shows. */
const OUTCOME_GROUPS: readonly { label: string; rows: readonly RequestRow[] }[] = [
  { label: '予以公开', rows: ['granted'] },
  { label: '部分公开', rows: ['partiallyGranted'] },
  { label: '不予公开', rows: COMMON_OUTCOME_ROWS.filter((r) => r.startsWith('denied')) },
  { label: '无法提供', rows: COMMON_OUTCOME_ROWS.filter((r) => r.startsWith('unable')) },
  { label: '不予处理', rows: COMMON_OUTCOME_ROWS.filter((r) => r.startsWith('rejected')) },
  { label: '其他处理', rows: [...OTHER_HANDLING_ROWS_2019, ...OTHER_HANDLING_ROWS_2021] },
];

function chartData(rows: readonly IndexRow[], entries: ReadonlyMap<string, PanelEntry>, outcomeSums: ReadonlyMap<string, number[]>, crossYear: readonly { reportId: string; check: Check }[]): ChartData {
  const counted = rows.filter((r) => r.duplicateOf === null);
  const years = [...new Set(counted.map((r) => r.record.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const inYear = (y: number): IndexRow[] => counted.filter((r) => r.record.year === y);
  const yearOf = new Map(rows.map((r) => [r.record.id, r.record.year]));
  return {
    requestsPerYear: years.map((year) => ({ year, requests: inYear(year).reduce((a, r) => a + (entries.get(r.record.id)?.headline.newReceived ?? 0), 0) })),
    outcomes: OUTCOME_GROUPS.map((g, i) => ({ outcome: g.label, requests: counted.reduce((a, r) => a + (outcomeSums.get(r.record.id)?.[i] ?? 0), 0) })),
    passingPerYear: years.map((year) => {
      const reports = inYear(year);
      return { year, reports: reports.length, share: reports.filter((r) => r.failedChecks.length === 0).length / Math.max(1, reports.length) };
    }),
    crossYearPerYear: years.map((year) => ({ year, mismatches: crossYear.filter((c) => !c.check.pass && yearOf.get(c.reportId) === year).length })),
  };
}

/** A record written before agency identity existed gets it from its name and path (its text is not kept). */
function identified(record: ReportRecord): ReportRecord {
  return record.agencyKey === undefined ? withIdentity(record, '') : record;
}

/** Writes the review site of the dataset in `outDir` into `outDir/review/` (replacing an older one). */
export async function buildReviewSite(outDir: string, options: ReviewOptions = {}): Promise<ReviewSummary> {
  const dir = join(outDir, 'review');
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'reports'), { recursive: true });
  await mkdir(join(dir, 'pages'), { recursive: true });

  const lightRecords: { record: ReportRecord; flags: Record<Flag, number> }[] = [];
  const entries = new Map<string, PanelEntry>();
  const outcomeSums = new Map<string, number[]>();
  for await (const read of readRecords(outDir)) {
    const record = identified(read);
    lightRecords.push({ record: { ...record, cells: [], checks: [] }, flags: flagCounts(record.cells) });
    entries.set(record.id, panelEntry(record));
    const requests = record.tables.requests;
    outcomeSums.set(
      record.id,
      OUTCOME_GROUPS.map((g) => g.rows.reduce((a, row) => a + (requests[row].total ?? 0), 0)),
    );
  }
  const panel = buildPanel([...entries.values()]);
  const crossYearByReport = new Map<string, Check[]>();
  for (const { reportId, check } of panel.checks) crossYearByReport.set(reportId, [...(crossYearByReport.get(reportId) ?? []), check]);
  const duplicateOf = new Map<string, string>();
  for (const d of panel.duplicates) for (const id of d.ids.slice(1)) duplicateOf.set(id, d.ids[0] as string);

  const rows: IndexRow[] = lightRecords.map(({ record, flags }) => ({
    record,
    flags,
    failedChecks: [...(entries.get(record.id)?.failedCheckIds ?? []), ...(crossYearByReport.get(record.id) ?? []).filter((c) => !c.pass).map((c) => c.id)],
    duplicateOf: duplicateOf.get(record.id) ?? null,
  }));
  const charts = await renderCharts(chartData(rows, entries, outcomeSums, panel.checks));
  const mismatches = panel.checks.filter((c) => !c.check.pass).length;
  const failedAny = rows.filter((r) => r.failedChecks.length > 0).length;
  const summary = `${rows.length} reports · ${failedAny} failed a check · ${mismatches} cross-year mismatches · ${panel.duplicates.length} body-years reported twice · ${panel.rows.length} body-years in the panel`;
  await writeFileAtomic(join(dir, 'index.html'), indexPage(rows, charts, summary));

  let pageImages = 0;
  for await (const read of readRecords(outDir)) {
    const record = identified(read);
    const images = options.crops === false ? {} : await renderPageImages(record, join(dir, 'pages')).catch(() => ({}));
    pageImages += Object.keys(images).length;
    await writeFileAtomic(join(dir, 'reports', `${record.id}.html`), reportPage(record, crossYearByReport.get(record.id) ?? [], images));
  }
  return { dir, reports: rows.length, failedAnyCheck: failedAny, crossYearMismatches: mismatches, duplicates: panel.duplicates.length, pageImages };
}
