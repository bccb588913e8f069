/** Writes every output file of a run into the output folder, each one atomically. */
import { join } from 'node:path';
import type { ReportRecord } from '../schema/records.js';
import type { Manifest } from '../schema/result.js';
import { cellsCsv, checksCsv, wideTableCsv } from './csv.js';
import { manifestJson, toJsonLines } from './json.js';
import { writeFileAtomic } from './write.js';

/** The files a run writes, relative to the output folder. */
export const OUTPUT_FILES = [
  'reports.jsonl',
  'requests.csv',
  'reviews.csv',
  'active.csv',
  'cells.csv',
  'checks.csv',
  'manifest.json',
] as const;

/** Writes the dataset and the manifest; the manifest goes last, so it only ever describes complete files. */
export async function writeDataset(outDir: string, records: readonly ReportRecord[], manifest: Manifest, excel: boolean): Promise<string[]> {
  const files: [string, string][] = [
    ['reports.jsonl', toJsonLines(records)],
    ['requests.csv', await wideTableCsv(records, 'requests', excel)],
    ['reviews.csv', await wideTableCsv(records, 'reviews', excel)],
    ['active.csv', await wideTableCsv(records, 'active', excel)],
    ['cells.csv', await cellsCsv(records, excel)],
    ['checks.csv', await checksCsv(records, excel)],
    ['manifest.json', manifestJson(manifest)],
  ];
  for (const [name, content] of files) await writeFileAtomic(join(outDir, name), content);
  return files.map(([name]) => join(outDir, name));
}
