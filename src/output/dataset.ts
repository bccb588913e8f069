/**
 * Writes the dataset one record at a time into temp files beside the outputs, then renames them
 * all (the manifest last). Memory stays flat however large the batch; a killed run leaves the
 * previous complete outputs in place.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportRecord } from '../schema/records.js';
import type { Manifest } from '../schema/result.js';
import { CSV_TABLES, csvLines } from './csv.js';
import { manifestJson, toJsonLines } from './json.js';
import { writeFileAtomic } from './write.js';

/** The files a run writes, relative to the output folder. */
export const OUTPUT_FILES = ['reports.jsonl', ...Object.keys(CSV_TABLES), 'manifest.json'] as const;

/** Appends records to every output file; `finish` makes them visible, `abort` removes them. */
export interface DatasetWriter {
  add(record: ReportRecord): Promise<void>;
  finish(manifest: Manifest): Promise<void>;
  abort(): Promise<void>;
}

/** Opens temp files for every output of `outDir` and writes the CSV headers. */
export async function openDataset(outDir: string, excel: boolean): Promise<DatasetWriter> {
  await mkdir(outDir, { recursive: true });
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const names = ['reports.jsonl', ...Object.keys(CSV_TABLES)] as const;
  const handles = new Map<string, { temp: string; handle: FileHandle }>();
  for (const name of names) {
    const temp = join(outDir, `.${name}.${tag}.tmp`);
    handles.set(name, { temp, handle: await open(temp, 'w') });
  }
  const write = async (name: string, text: string): Promise<void> => {
    if (text !== '') await handles.get(name)?.handle.write(text);
  };
  for (const [name, table] of Object.entries(CSV_TABLES)) await write(name, (excel ? '\ufeff' : '') + (await csvLines([table.header])));
  const closeAll = async (): Promise<void> => {
    for (const { handle } of handles.values()) await handle.close().catch(() => undefined);
  };
  return {
    async add(record) {
      await write('reports.jsonl', toJsonLines([record]));
      for (const [name, table] of Object.entries(CSV_TABLES)) await write(name, await csvLines(table.rows(record)));
    },
    async finish(manifest) {
      await closeAll();
      for (const [name, { temp }] of handles) await rename(temp, join(outDir, name));
      await writeFileAtomic(join(outDir, 'manifest.json'), manifestJson(manifest));
    },
    async abort() {
      await closeAll();
      for (const { temp } of handles.values()) await rm(temp, { force: true });
    },
  };
}
