/**
 * Writes a dataset one record at a time into a generation folder (generation.ts), so memory stays
 * flat however large the batch. `finish` writes the manifest and flushes every file to disk; the
 * generation becomes the dataset only when it is committed.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportRecord } from '../schema/records.js';
import type { Manifest } from '../schema/result.js';
import { CSV_TABLES, csvLines } from './csv.js';
import { manifestJson, toJsonLines } from './json.js';

/** The files of a dataset, relative to the output folder. */
export const OUTPUT_FILES = ['reports.jsonl', ...Object.keys(CSV_TABLES), 'manifest.json'] as const;

/** Appends records to every output file; `finish` completes them. */
export interface DatasetWriter {
  add(record: ReportRecord): Promise<void>;
  finish(manifest: Manifest): Promise<void>;
  abort(): Promise<void>;
}

/** Opens every output file of a dataset in `dir` (an empty generation folder) and writes the CSV headers. */
export async function openDataset(dir: string, excel: boolean): Promise<DatasetWriter> {
  const handles = new Map<string, FileHandle>();
  for (const name of ['reports.jsonl', ...Object.keys(CSV_TABLES)]) handles.set(name, await open(join(dir, name), 'w'));
  const write = async (name: string, text: string): Promise<void> => {
    if (text !== '') await handles.get(name)?.write(text);
  };
  for (const [name, table] of Object.entries(CSV_TABLES)) await write(name, (excel ? '\ufeff' : '') + (await csvLines([table.header], excel)));
  const closeAll = async (sync: boolean): Promise<void> => {
    for (const handle of handles.values()) {
      if (sync) await handle.sync();
      await handle.close().catch(() => undefined);
    }
  };
  return {
    async add(record) {
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
