import { scoreRecord, type GeneratedFile } from '../src/generate/index.js';
import { processBytes } from '../src/pipeline.js';

/** Reads one generated report and scores it against what it prints; null when no record came out. */
export async function readGenerated(file: GeneratedFile): Promise<ReturnType<typeof scoreRecord> | null> {
  const { record } = await processBytes(file.name, file.bytes);
  return record ? scoreRecord(record, file.spec) : null;
}
