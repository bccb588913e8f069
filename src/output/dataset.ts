/**
 * Writes a dataset one record at a time into a generation folder (generation.ts), so memory stays
 * flat however large the batch. `finish` writes the manifest and flushes every file to disk; the
 * generation becomes the dataset only when it is committed.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportRecord } from '../schema/records.js';
import type { Manifest, ManifestEntry } from '../schema/result.js';
import { CODEBOOK_HEADER, codebookRows } from './codebook.js';
import { CSV_TABLES, REPORTS_CSV, csvLines } from './csv.js';
import { manifestJson, toJsonLines } from './json.js';

/** The files of a dataset, relative to the output folder. */
export const OUTPUT_FILES = ['reports.jsonl', 'reports.csv', ...Object.keys(CSV_TABLES), 'codebook.csv', 'manifest.json'] as const;

/** Appends inputs to every output file; `finish` completes them. */
export interface DatasetWriter {
  /** One input: its line of reports.csv, and its record (when it has one) in every other file. */
  add(entry: ManifestEntry, record: ReportRecord | null): Promise<void>;
  finish(manifest: Manifest): Promise<void>;
  abort(): Promise<void>;
}

/** Opens every output file of a dataset in `dir` (an empty generation folder) and writes the CSV headers. */
export async function openDataset(dir: string, excel: boolean): Promise<DatasetWriter> {
  const handles = new Map<string, FileHandle>();
  for (const name of ['reports.jsonl', 'reports.csv', ...Object.keys(CSV_TABLES), 'codebook.csv']) handles.set(name, await open(join(dir, name), 'w'));
  const write = async (name: string, text: string): Promise<void> => {
    if (text !== '') await handles.get(name)?.write(text);
  };
  const bom = excel ? '\ufeff' : '';
  for (const [name, table] of Object.entries(CSV_TABLES)) await write(name, bom + (await csvLines([table.header], excel)));
  await write('reports.csv', bom + (await csvLines([REPORTS_CSV.header], excel)));
  await write('codebook.csv', bom + (await csvLines([[...CODEBOOK_HEADER], ...codebookRows()], excel)));
  const closeAll = async (sync: boolean): Promise<void> => {
    for (const handle of handles.values()) {
      if (sync) await handle.sync();
      await handle.close().catch(() => undefined);
    }
  };
  return {
    async add(entry, record) {
      await write('reports.csv', await csvLines([REPORTS_CSV.row(entry, record)], excel));
      if (record === null) return;
      await write('reports.jsonl', toJsonLines([record]));
      for (const [name, table] of Object.entries(CSV_TABLES)) await write(name, await csvLines(table.rows(record), excel));
    },
    async finish(manifest) {
      await closeAll(true);
      const handle = await open(join(dir, 'manifest.json'), 'w');
      try {
        await handle.writeFile(manifestJson(manifest));
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async abort() {
      await closeAll(false);
    },
  };
}
