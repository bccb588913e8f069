/**
 * Writes the panel beside a dataset: panel.csv, and the cross-year checks added to checks.csv (the
 * per-record checks are written record by record; these need every year of a body, so they come
 * once the dataset is complete). Both files are replaced atomically.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvLines } from '../output/csv.js';
import { writeFileAtomic } from '../output/write.js';
import { buildPanel, panelEntry, type Panel, type PanelEntry } from './panel.js';
import { readRecords } from './read-records.js';

export const PANEL_HEADER = [
  'agencyKey',
  'year',
  'agency',
  'divisionCode',
  'province',
  'city',
  'county',
  'level',
  'id',
  'path',
  'status',
  'template',
  'newReceived',
  'carriedOver',
  'totalHandled',
  'carriedForward',
  'granted',
  'reviews',
  'litigation',
  'failedChecks',
  'crossYearFailed',
  'duplicates',
  'duplicatesIdentical',
  'missingYears',
] as const;

/** The panel of the dataset in `outDir` (read from its reports.jsonl). */
export async function readPanel(outDir: string): Promise<{ panel: Panel; entries: PanelEntry[] }> {
  const entries: PanelEntry[] = [];
  for await (const record of readRecords(outDir)) entries.push(panelEntry(record));
  return { panel: buildPanel(entries), entries };
}

/** Writes panel.csv and appends the `crossYear.*` checks to checks.csv; returns the panel. */
export async function writePanel(outDir: string, excel = false): Promise<Panel> {
  const { panel } = await readPanel(outDir);
  const rows = panel.rows.map(({ entry: e, duplicateIds, duplicatesIdentical, crossYearFailed, missingYears }) => [
    e.agencyKey,
    e.year,
    e.agency,
    e.divisionCode,
    e.province,
    e.city,
    e.county,
    e.level,
    e.id,
    e.path,
    e.status,
    e.template,
    e.headline.newReceived,
    e.headline.carriedOver,
    e.headline.totalHandled,
    e.headline.carriedForward,
    e.headline.granted,
    e.headline.reviews,
    e.headline.litigation,
    e.failedChecks,
    crossYearFailed,
    duplicateIds.join(';'),
    duplicatesIdentical,
    missingYears.join(';'),
  ]);
  await writeFileAtomic(join(outDir, 'panel.csv'), (excel ? '\ufeff' : '') + (await csvLines([PANEL_HEADER, ...rows])));
  const checksPath = join(outDir, 'checks.csv');
  if (existsSync(checksPath) && panel.checks.length > 0) {
    const existing = await readFile(checksPath, 'utf8');
    const added = await csvLines(panel.checks.map(({ reportId, check: c }) => [reportId, c.id, c.table, c.description, c.expected, c.actual, c.pass]));
    await writeFileAtomic(checksPath, existing + added);
  }
  return panel;
}
