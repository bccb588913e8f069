/** Reads a dataset's reports.jsonl back one record at a time (the panel and the review site both start here). */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ReportRecordSchema, type ReportRecord } from '../schema/records.js';

/** Every record of `outDir/reports.jsonl`, validated; nothing when the file does not exist. */
export async function* readRecords(outDir: string): AsyncGenerator<ReportRecord> {
  const path = join(outDir, 'reports.jsonl');
  if (!existsSync(path)) return;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') yield ReportRecordSchema.parse(JSON.parse(line));
  }
}
